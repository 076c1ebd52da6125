//! An independent, brute-force reference of SPEC §3 "Placing the sessions (v2)",
//! written from the SPEC alone (no planner types, no planner logic), so a property test
//! can compare the planner's placement against it.
//!
//! [`best`] enumerates every complete placement (each free day: no session, or a start
//! on the quarter hours inside the window with kind heavy or light), keeps those that
//! satisfy every hard rule, scores each with the full 8-level [`Key`] computed from
//! scratch, and returns the best one. [`check`] and [`key`] judge any placement (the
//! planner's, say) by the same rules, so a mismatch can be explained level by level.
//!
//! Readings of the SPEC where it is ambiguous (the lead asked for this list):
//!
//! 1. Pinned sessions beyond the target or beyond `heavy_max` are kept; the planned
//!    sessions are then limited to `sessions − pinned` (at least 0) and the planned heavy
//!    ones to `heavy_max − pinned heavy` (at least 0). Pinned sessions never make a week
//!    infeasible; "fewer than 2 possible" counts pinned plus planned, and `Err(n)` carries
//!    the largest such count.
//! 2. Quarter hours are clock minutes divisible by 15. A window start off the grid rounds
//!    up (06:10 → first start 06:15). A normal window holds starts `s` with
//!    `start ≤ s` and `s + session_minutes ≤ end`; a night window (start > end) the same
//!    with its end on the next morning (`end + 24 h`). A window with start = end is
//!    treated as invalid input (the generator never makes one).
//! 3. All limits are inclusive: a gap of exactly `changeover_minutes`, exactly 6 h to a
//!    hard run, or a session starting exactly 6 h after the day's last hard run ends is
//!    allowed. A session may touch a run (gap 0) when `changeover_minutes = 0`; it may
//!    touch a pinned session (no changeover between sessions).
//! 4. `hard_days = "after-run"`: "that day's last hard run" is the hard run listed under
//!    that day that ends latest (a run crossing midnight ends on the next day's clock);
//!    the session must start at or after that end + 6 h, so a hard day never holds a
//!    session before its hard run. Easy runs on that day only matter through the
//!    changeover.
//! 5. Pinned sessions are not bound by the window, the eligible-day rule or the 6 h rule;
//!    they occupy their day, they count toward levels 1, 2, 4 and 5, and planned sessions
//!    must not overlap them. Levels 3, 6, 7 and 8 look at planned sessions only (SPEC says
//!    "planned" for 3; for 6–8 pinned starts are the same in every placement, and since a
//!    planned session never shares a day with a pinned one, including them would not
//!    change the order).
//! 6. Levels 7 and 8 compare starts as minutes from Monday 00:00 of the session's own
//!    week, *unwrapped*: a Sunday-night session after midnight is 10080 + x, i.e. later
//!    than a Sunday 23:00 one. Sessions are taken in the order of the day they belong
//!    to. ([`Pick::start`] itself is wrapped mod 10080, as the brief asks.)
//! 7. Day gaps (levels 4, 5): with one session the gap is [7]; with none, []. Days are
//!    the days sessions belong to (a night session after midnight counts for the day its
//!    window opened on), also for "heavy on consecutive days".
//! 8. `key` default: key = hard && (race || minutes ≥ 150). A race written with
//!    `hard = false` and no `key` is therefore easy and not key (the explicit `hard`
//!    wins over the default); `key = true` makes a run hard; `key = false` makes a
//!    run non-key but leaves its hardness alone. The generator never writes
//!    `hard = false` on a race without `key = false`, so the planner is not tested on
//!    that reading.
//! 9. A week without hard runs: every session may be heavy, shortfall 0 (SPEC).
//! 10. Gap of a session to a hard run: both directions counted forward around the
//!     10080-minute week (run end → session start, session end → run start); "may be
//!     heavy" needs both ≥ 6 h for every hard run, which is the same as "nearest before
//!     and nearest after". The shortfall uses, per hard run, the smaller of the two.
//! 11. Two planned sessions on different days cannot overlap (windows are shorter than a
//!     day), so the enumeration does not test it; [`check`] still does.
//! 12. Level 6 distance is the clock-face distance of the session's start (its real
//!     clock time, e.g. 01:00 for a night session after midnight) from
//!     `preferred_lift_time`: min(|a − b|, 1440 − |a − b|).

// The lead's property test uses parts of this API that the self-tests do not.
#![allow(dead_code)]

pub mod generate;

use std::cmp::Reverse;
use std::fmt::Write as _;

/// Minutes in a day.
pub const DAY: u32 = 24 * 60;
/// Minutes in a week; every gap wraps around it.
pub const WEEK: u32 = 7 * DAY;
/// The start grid: quarter hours.
pub const GRID: u32 = 15;
/// Least gap between a heavy session and any hard run, both sides.
pub const HEAVY_GAP_MIN: u32 = 6 * 60;
/// With `hard_days = "after-run"`: least time from a hard day's last hard run's end.
pub const AFTER_RUN_MIN: u32 = 6 * 60;
/// Ideal gap to a hard run.
pub const IDEAL: u32 = 24 * 60;
/// Ideal gap to a key run.
pub const KEY_IDEAL: u32 = 48 * 60;
/// A hard run at least this long is key by default.
pub const KEY_MINUTES: u32 = 150;
/// Day keys of `[week]`, Monday first.
pub const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A run type of SPEC §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunType {
    Easy,
    Recovery,
    Long,
    Tempo,
    Threshold,
    Intervals,
    Vo2max,
    Hills,
    Fartlek,
    Race,
}

/// Every run type (`rest` is a day without runs, not a run).
pub const RUN_TYPES: [RunType; 10] = [
    RunType::Easy,
    RunType::Recovery,
    RunType::Long,
    RunType::Tempo,
    RunType::Threshold,
    RunType::Intervals,
    RunType::Vo2max,
    RunType::Hills,
    RunType::Fartlek,
    RunType::Race,
];

impl RunType {
    /// The name in the schedule file.
    pub fn name(self) -> &'static str {
        match self {
            RunType::Easy => "easy",
            RunType::Recovery => "recovery",
            RunType::Long => "long",
            RunType::Tempo => "tempo",
            RunType::Threshold => "threshold",
            RunType::Intervals => "intervals",
            RunType::Vo2max => "vo2max",
            RunType::Hills => "hills",
            RunType::Fartlek => "fartlek",
            RunType::Race => "race",
        }
    }

    /// Length when the run gives no `minutes`.
    pub fn default_minutes(self) -> u32 {
        match self {
            RunType::Easy => 45,
            RunType::Recovery => 30,
            RunType::Long => 120,
            RunType::Tempo | RunType::Threshold | RunType::Hills => 50,
            RunType::Intervals | RunType::Vo2max | RunType::Race => 60,
            RunType::Fartlek => 45,
        }
    }

    /// Whether the type is hard unless the run says otherwise.
    pub fn hard_by_default(self) -> bool {
        !matches!(self, RunType::Easy | RunType::Recovery)
    }
}

/// One run of a day; `None` fields are left out of the file and take their defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub run: RunType,
    /// Start, minutes after the day's 00:00; `None`: `run_time`.
    pub at: Option<u32>,
    /// `None`: the type's default length.
    pub minutes: Option<u32>,
    pub hard: Option<bool>,
    pub key: Option<bool>,
}

impl Run {
    /// A run with explicit start and length and no overrides.
    pub fn new(run: RunType, at: u32, minutes: u32) -> Run {
        Run {
            run,
            at: Some(at),
            minutes: Some(minutes),
            hard: None,
            key: None,
        }
    }

    /// The same run with `hard = …` written.
    pub fn hard(mut self, hard: bool) -> Run {
        self.hard = Some(hard);
        self
    }

    /// The same run with `key = …` written.
    pub fn key(mut self, key: bool) -> Run {
        self.key = Some(key);
        self
    }

    /// Start in minutes after the day's 00:00.
    pub fn start(&self, run_time: u32) -> u32 {
        self.at.unwrap_or(run_time)
    }

    /// Length in minutes.
    pub fn length(&self) -> u32 {
        self.minutes.unwrap_or(self.run.default_minutes())
    }

    /// Whether the run is hard (`key = true` makes it hard).
    pub fn is_hard(&self) -> bool {
        self.key == Some(true) || self.hard.unwrap_or(self.run.hard_by_default())
    }

    /// Whether the run is key (ideal gap 48 h); see reading 8 at the top.
    pub fn is_key(&self) -> bool {
        match self.key {
            Some(key) => key,
            None => self.is_hard() && (self.run == RunType::Race || self.length() >= KEY_MINUTES),
        }
    }
}

/// A strength session the runner has fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pinned {
    pub heavy: bool,
    /// Start, minutes after the day's 00:00.
    pub at: u32,
    pub minutes: u32,
}

/// One day of `[week]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    pub runs: Vec<Run>,
    pub pinned: Vec<Pinned>,
    /// `false`: `lift = false`, no planned session on this day.
    pub lift: bool,
}

impl Default for Day {
    fn default() -> Day {
        Day {
            runs: Vec::new(),
            pinned: Vec::new(),
            lift: true,
        }
    }
}

impl Day {
    /// A rest day on which lifting is allowed.
    pub fn rest() -> Day {
        Day::default()
    }

    /// A rest day with `lift = false`.
    pub fn no_lift() -> Day {
        Day {
            lift: false,
            ..Day::default()
        }
    }

    /// A day with these runs.
    pub fn runs(runs: Vec<Run>) -> Day {
        Day {
            runs,
            ..Day::default()
        }
    }

    /// A day with one pinned session and no runs.
    pub fn pinned(heavy: bool, at: u32, minutes: u32) -> Day {
        Day {
            pinned: vec![Pinned { heavy, at, minutes }],
            ..Day::default()
        }
    }
}

/// `hard_days` of `[runner]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HardDays {
    Never,
    AfterRun,
}

/// A week to plan: the runner's settings that matter to §3, and the seven days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// 2 or 3.
    pub sessions: u32,
    /// 1..=3.
    pub heavy_max: u32,
    /// 30..=45.
    pub session_minutes: u32,
    /// 0..=180.
    pub changeover_minutes: u32,
    pub hard_days: HardDays,
    /// (earliest start, latest end), minutes after 00:00; start > end is a night window.
    pub lift_window: (u32, u32),
    pub preferred_lift_time: u32,
    pub run_time: u32,
    /// Monday first.
    pub week: [Day; 7],
}

impl Default for Case {
    /// The SPEC's defaults and a week of rest.
    fn default() -> Case {
        Case {
            sessions: 3,
            heavy_max: 2,
            session_minutes: 40,
            changeover_minutes: 30,
            hard_days: HardDays::Never,
            lift_window: (6 * 60, 21 * 60),
            preferred_lift_time: 18 * 60,
            run_time: 7 * 60,
            week: Default::default(),
        }
    }
}

/// One session of a placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pick {
    /// The day the session belongs to, 0 = Monday.
    pub day: usize,
    /// Minutes from Monday 00:00 of the session's real start, wrapped mod 10080.
    pub start: u32,
    pub heavy: bool,
    pub pinned: bool,
}

impl Pick {
    /// The start unwrapped against its day: `day * 1440 + offset`, offset in 0..2880.
    pub fn unwrapped(&self) -> u32 {
        let base = self.day as u32 * DAY;
        base + (self.start + WEEK - base % WEEK) % WEEK
    }
}

/// "HH:MM" of minutes after 00:00 (taken mod a day).
pub fn hhmm(minutes: u32) -> String {
    let m = minutes % DAY;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// "tue 06:30" of a week minute (taken mod the week).
pub fn week_time(minute: u32) -> String {
    let m = minute % WEEK;
    format!("{} {}", DAY_KEYS[(m / DAY) as usize], hhmm(m))
}

/// A placement in one line, for assertion messages.
pub fn describe(picks: &[Pick]) -> String {
    let parts: Vec<String> = picks
        .iter()
        .map(|p| {
            format!(
                "{}:{}{}@{}",
                DAY_KEYS[p.day],
                if p.heavy { "heavy" } else { "light" },
                if p.pinned { "(pinned)" } else { "" },
                week_time(p.start)
            )
        })
        .collect();
    parts.join(", ")
}

/// Minutes from `from` forward to `to` around the week.
pub fn forward(from: u32, to: u32) -> u32 {
    (i64::from(to) - i64::from(from)).rem_euclid(i64::from(WEEK)) as u32
}

/// Distance on the clock face between two times of day.
pub fn clock_distance(a: u32, b: u32) -> u32 {
    let d = (a % DAY).abs_diff(b % DAY);
    d.min(DAY - d)
}

/// Whether `[a, a + la)` and `[b, b + lb)` overlap on the week's circle.
pub fn overlaps(a: u32, la: u32, b: u32, lb: u32) -> bool {
    la > 0 && lb > 0 && (forward(a, b) < la || forward(b, a) < lb)
}

/// A run placed in the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunSpan {
    /// The day it is listed under.
    pub day: usize,
    /// Unwrapped start: `day * 1440 + at`.
    pub start: u32,
    pub minutes: u32,
    pub hard: bool,
    pub key: bool,
}

impl RunSpan {
    /// Unwrapped end.
    pub fn end(&self) -> u32 {
        self.start + self.minutes
    }
}

/// A pinned session placed in the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PinnedSpan {
    day: usize,
    start: u32,
    minutes: u32,
    heavy: bool,
}

impl Case {
    /// Every run of the week, Monday first, in listed order.
    pub fn run_spans(&self) -> Vec<RunSpan> {
        let mut spans = Vec::new();
        for (d, day) in self.week.iter().enumerate() {
            for run in &day.runs {
                spans.push(RunSpan {
                    day: d,
                    start: d as u32 * DAY + run.start(self.run_time),
                    minutes: run.length(),
                    hard: run.is_hard(),
                    key: run.is_key(),
                });
            }
        }
        spans
    }

    fn pinned_spans(&self) -> Vec<PinnedSpan> {
        let mut spans = Vec::new();
        for (d, day) in self.week.iter().enumerate() {
            for p in &day.pinned {
                spans.push(PinnedSpan {
                    day: d,
                    start: d as u32 * DAY + p.at,
                    minutes: p.minutes,
                    heavy: p.heavy,
                });
            }
        }
        spans
    }

    /// The starts the window allows, in minutes after the session's day's 00:00
    /// (beyond 1440 for a night window's after-midnight part).
    pub fn window_starts(&self) -> Vec<u32> {
        let (open, close) = self.lift_window;
        let close = if open > close { close + DAY } else { close };
        let first = open.div_ceil(GRID) * GRID;
        (first..)
            .step_by(GRID as usize)
            .take_while(|s| s + self.session_minutes <= close)
            .collect()
    }

    /// Whether the case is valid input by SPEC §2 (what the generator must produce);
    /// stricter where the SPEC is silent: pinned sessions never overlap each other.
    pub fn validate(&self) -> Result<(), String> {
        if !(2..=3).contains(&self.sessions) {
            return Err(format!("sessions {}", self.sessions));
        }
        if !(1..=3).contains(&self.heavy_max) {
            return Err(format!("heavy_max {}", self.heavy_max));
        }
        if !(30..=45).contains(&self.session_minutes) {
            return Err(format!("session_minutes {}", self.session_minutes));
        }
        if self.changeover_minutes > 180 {
            return Err(format!("changeover_minutes {}", self.changeover_minutes));
        }
        let (open, close) = self.lift_window;
        if open >= DAY || close >= DAY || open == close {
            return Err(format!("lift_window {open}-{close}"));
        }
        if self.window_starts().is_empty() {
            return Err("lift_window holds no quarter-hour start".to_owned());
        }
        if self.preferred_lift_time >= DAY || self.run_time >= DAY {
            return Err("a time out of range".to_owned());
        }
        for (d, day) in self.week.iter().enumerate() {
            if !day.lift && !day.pinned.is_empty() {
                return Err(format!(
                    "{} says lift = false but pins a session",
                    DAY_KEYS[d]
                ));
            }
            if day.runs.len() + day.pinned.len() > 20 {
                return Err(format!("{} has too many entries", DAY_KEYS[d]));
            }
            for run in &day.runs {
                if run.start(self.run_time) >= DAY || !(1..=DAY).contains(&run.length()) {
                    return Err(format!("{} run {run:?} out of range", DAY_KEYS[d]));
                }
                if run.key == Some(true) && run.hard == Some(false) {
                    return Err(format!(
                        "{} run has key = true and hard = false",
                        DAY_KEYS[d]
                    ));
                }
            }
            for p in &day.pinned {
                if p.at >= DAY || !(1..=DAY).contains(&p.minutes) {
                    return Err(format!("{} pinned {p:?} out of range", DAY_KEYS[d]));
                }
            }
        }
        let pinned = self.pinned_spans();
        for (i, a) in pinned.iter().enumerate() {
            if pinned[i + 1..]
                .iter()
                .any(|b| overlaps(a.start, a.minutes, b.start, b.minutes))
            {
                return Err(format!("pinned sessions overlap at {}", week_time(a.start)));
            }
        }
        let runs = self.run_spans();
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                if overlaps(a.start, a.minutes, b.start, b.minutes) {
                    return Err(format!(
                        "runs overlap: {} +{} and {} +{}",
                        week_time(a.start),
                        a.minutes,
                        week_time(b.start),
                        b.minutes
                    ));
                }
            }
        }
        Ok(())
    }

    /// The schedule file of this case in the SPEC §2 format.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let hard_days = match self.hard_days {
            HardDays::Never => "never",
            HardDays::AfterRun => "after-run",
        };
        let _ = writeln!(out, "week_of = 2026-11-30\n\n[runner]");
        let _ = writeln!(out, "sessions = {}", self.sessions);
        let _ = writeln!(out, "heavy_max = {}", self.heavy_max);
        let _ = writeln!(out, "session_minutes = {}", self.session_minutes);
        let _ = writeln!(out, "changeover_minutes = {}", self.changeover_minutes);
        let _ = writeln!(out, "hard_days = \"{hard_days}\"");
        let _ = writeln!(out, "run_time = \"{}\"", hhmm(self.run_time));
        let _ = writeln!(
            out,
            "lift_window = [\"{}\", \"{}\"]",
            hhmm(self.lift_window.0),
            hhmm(self.lift_window.1)
        );
        let _ = writeln!(
            out,
            "preferred_lift_time = \"{}\"",
            hhmm(self.preferred_lift_time)
        );
        let _ = writeln!(out, "\n[week]");
        for (d, day) in self.week.iter().enumerate() {
            let mut entries = Vec::new();
            for (i, run) in day.runs.iter().enumerate() {
                let lift_false = i == 0 && !day.lift;
                entries.push(run_entry(run, lift_false));
            }
            if day.runs.is_empty() && (!day.lift || day.pinned.is_empty()) {
                entries.push(if day.lift {
                    "\"rest\"".to_owned()
                } else {
                    "{ run = \"rest\", lift = false }".to_owned()
                });
            }
            for p in &day.pinned {
                entries.push(format!(
                    "{{ strength = \"{}\", at = \"{}\", minutes = {} }}",
                    if p.heavy { "heavy" } else { "light" },
                    hhmm(p.at),
                    p.minutes
                ));
            }
            let value = if entries.len() == 1 {
                entries.remove(0)
            } else {
                format!("[{}]", entries.join(", "))
            };
            let _ = writeln!(out, "{} = {value}", DAY_KEYS[d]);
        }
        out
    }

    /// How many complete placements [`best`] scores (all that pass the per-session
    /// rules and the heavy-day rules), to keep generated cases fast.
    pub fn placements(&self) -> u64 {
        let model = Model::new(self);
        let mut count = 0u64;
        model.each_choice(|lists| {
            count += lists.iter().map(|l| l.len() as u64).product::<u64>();
        });
        count
    }
}

fn run_entry(run: &Run, lift_false: bool) -> String {
    let mut keys = vec![format!("run = \"{}\"", run.run.name())];
    if let Some(at) = run.at {
        keys.push(format!("at = \"{}\"", hhmm(at)));
    }
    if let Some(minutes) = run.minutes {
        keys.push(format!("minutes = {minutes}"));
    }
    if let Some(hard) = run.hard {
        keys.push(format!("hard = {hard}"));
    }
    if let Some(key) = run.key {
        keys.push(format!("key = {key}"));
    }
    if lift_false {
        keys.push("lift = false".to_owned());
    }
    if keys.len() == 1 {
        format!("\"{}\"", run.run.name())
    } else {
        format!("{{ {} }}", keys.join(", "))
    }
}

/// The 8-level score of a placement; smaller is better (the maximised levels are
/// wrapped in `Reverse`). Field order is the level order, so the derived `Ord` is the
/// SPEC's order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// 1: sessions (pinned included), up to the target.
    pub sessions: Reverse<u32>,
    /// 2: heavy sessions (pinned included), up to `heavy_max`.
    pub heavy: Reverse<u32>,
    /// 3: planned heavy shortfalls, largest first.
    pub shortfalls: Vec<u32>,
    /// 4: day gaps between consecutive sessions around the week, smallest first.
    pub day_gaps: Reverse<Vec<u32>>,
    /// 5: the same among heavy sessions.
    pub heavy_gaps: Reverse<Vec<u32>>,
    /// 6: total clock distance of planned starts from `preferred_lift_time`.
    pub distance: u32,
    /// 7: planned starts (unwrapped), in week order.
    pub starts: Vec<u32>,
    /// 8: planned heavy starts (unwrapped), in week order.
    pub heavy_starts: Vec<u32>,
}

impl Key {
    /// The first level (1..=8) on which `self` and `other` differ, if any.
    pub fn deciding_level(&self, other: &Key) -> Option<usize> {
        let levels = [
            self.sessions == other.sessions,
            self.heavy == other.heavy,
            self.shortfalls == other.shortfalls,
            self.day_gaps == other.day_gaps,
            self.heavy_gaps == other.heavy_gaps,
            self.distance == other.distance,
            self.starts == other.starts,
            self.heavy_starts == other.heavy_starts,
        ];
        levels.iter().position(|same| !same).map(|i| i + 1)
    }
}

/// A planned (not pinned) session: its day, unwrapped start, kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Planned {
    day: usize,
    start: u32,
    heavy: bool,
}

/// A candidate start of one day: unwrapped start and whether it may be heavy.
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: u32,
    may_be_heavy: bool,
}

/// The case resolved into week minutes, shared by the enumeration and the judges.
struct Model<'a> {
    case: &'a Case,
    runs: Vec<RunSpan>,
    pinned: Vec<PinnedSpan>,
    /// Candidate starts per day that pass every per-session hard rule (empty for days
    /// that cannot hold a planned session).
    slots: [Vec<Slot>; 7],
}

impl<'a> Model<'a> {
    /// The case in week minutes, without the candidate starts.
    fn bare(case: &'a Case) -> Model<'a> {
        Model {
            case,
            runs: case.run_spans(),
            pinned: case.pinned_spans(),
            slots: Default::default(),
        }
    }

    fn new(case: &'a Case) -> Model<'a> {
        let mut model = Model::bare(case);
        let offsets = case.window_starts();
        for d in 0..7 {
            let slots: Vec<Slot> = offsets
                .iter()
                .map(|o| d as u32 * DAY + o)
                .filter(|&s| model.session_fits(d, s).is_ok())
                .map(|s| Slot {
                    start: s,
                    may_be_heavy: model.may_be_heavy(s),
                })
                .collect();
            model.slots[d] = slots;
        }
        model
    }

    fn pinned_heavy(&self) -> usize {
        self.pinned.iter().filter(|p| p.heavy).count()
    }

    /// Why a planned session of this day at this unwrapped start breaks a per-session
    /// hard rule (window aside), if it does.
    fn session_fits(&self, day: usize, start: u32) -> Result<(), String> {
        let case = self.case;
        let len = case.session_minutes;
        let the_day = &case.week[day];
        if !the_day.lift {
            return Err("lift = false".to_owned());
        }
        if !the_day.pinned.is_empty() {
            return Err("the day holds a pinned session".to_owned());
        }
        let hard_ends = self
            .runs
            .iter()
            .filter(|r| r.day == day && r.hard)
            .map(RunSpan::end)
            .max();
        if let Some(last_end) = hard_ends {
            match case.hard_days {
                HardDays::Never => return Err("a hard day".to_owned()),
                HardDays::AfterRun if start < last_end + AFTER_RUN_MIN => {
                    return Err("a hard day, under 6 h after its last hard run".to_owned());
                }
                HardDays::AfterRun => {}
            }
        }
        for run in &self.runs {
            if overlaps(start, len, run.start, run.minutes) {
                return Err(format!("overlaps the run at {}", week_time(run.start)));
            }
            let before = forward(run.end(), start);
            let after = forward(start + len, run.start);
            if before.min(after) < case.changeover_minutes {
                return Err(format!("changeover to the run at {}", week_time(run.start)));
            }
        }
        for p in &self.pinned {
            if overlaps(start, len, p.start, p.minutes) {
                return Err(format!(
                    "overlaps the pinned session at {}",
                    week_time(p.start)
                ));
            }
        }
        Ok(())
    }

    /// (gap from the run to the session, gap from the session to the run) per hard run.
    fn hard_gaps(&self, start: u32) -> impl Iterator<Item = (u32, u32, &RunSpan)> {
        let end = start + self.case.session_minutes;
        self.runs
            .iter()
            .filter(|r| r.hard)
            .map(move |r| (forward(r.end(), start), forward(end, r.start), r))
    }

    fn may_be_heavy(&self, start: u32) -> bool {
        self.hard_gaps(start)
            .all(|(before, after, _)| before >= HEAVY_GAP_MIN && after >= HEAVY_GAP_MIN)
    }

    fn shortfall(&self, start: u32) -> u32 {
        self.hard_gaps(start)
            .map(|(before, after, run)| {
                let ideal = if run.key { KEY_IDEAL } else { IDEAL };
                ideal.saturating_sub(before.min(after))
            })
            .max()
            .unwrap_or(0)
    }

    /// Calls `visit` with, for every choice of days and kinds that the count and
    /// heavy-day rules allow, the candidate starts of each chosen session (in day order),
    /// each entry carrying its day and kind.
    fn each_choice(&self, mut visit: impl FnMut(&[Vec<Planned>])) {
        let case = self.case;
        let planned_max = (case.sessions as usize).saturating_sub(self.pinned.len());
        let heavy_room = (case.heavy_max as usize).saturating_sub(self.pinned_heavy());
        let pinned_heavy_days: Vec<usize> = self
            .pinned
            .iter()
            .filter(|p| p.heavy)
            .map(|p| p.day)
            .collect();
        let adjacent = |a: usize, b: usize| (a + 1) % 7 == b || (b + 1) % 7 == a;
        for mask in 0u32..(1 << 7) {
            let days: Vec<usize> = (0..7).filter(|d| mask & (1 << d) != 0).collect();
            if days.len() > planned_max || days.iter().any(|&d| self.slots[d].is_empty()) {
                continue;
            }
            for kinds in 0u32..(1 << days.len()) {
                let heavy_days: Vec<usize> = days
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| kinds & (1 << i) != 0)
                    .map(|(_, &d)| d)
                    .collect();
                if heavy_days.len() > heavy_room {
                    continue;
                }
                let clash = heavy_days.iter().any(|&a| {
                    heavy_days.iter().any(|&b| adjacent(a, b))
                        || pinned_heavy_days.iter().any(|&b| adjacent(a, b))
                });
                if clash {
                    continue;
                }
                let lists: Vec<Vec<Planned>> = days
                    .iter()
                    .enumerate()
                    .map(|(i, &d)| {
                        let heavy = kinds & (1 << i) != 0;
                        self.slots[d]
                            .iter()
                            .filter(|s| !heavy || s.may_be_heavy)
                            .map(|s| Planned {
                                day: d,
                                start: s.start,
                                heavy,
                            })
                            .collect()
                    })
                    .collect();
                if lists.iter().all(|l| !l.is_empty()) {
                    visit(&lists);
                }
            }
        }
    }

    /// The full 8-level key of a placement, from scratch.
    fn key(&self, planned: &[Planned]) -> Key {
        let case = self.case;
        let total = self.pinned.len() + planned.len();
        let heavy_total = self.pinned_heavy() + planned.iter().filter(|p| p.heavy).count();

        let mut shortfalls: Vec<u32> = planned
            .iter()
            .filter(|p| p.heavy)
            .map(|p| self.shortfall(p.start))
            .collect();
        shortfalls.sort_unstable_by(|a, b| b.cmp(a));

        let mut all_days: Vec<(usize, bool)> = self
            .pinned
            .iter()
            .map(|p| (p.day, p.heavy))
            .chain(planned.iter().map(|p| (p.day, p.heavy)))
            .collect();
        all_days.sort_unstable();
        let days: Vec<usize> = all_days.iter().map(|&(d, _)| d).collect();
        let heavy_days: Vec<usize> = all_days
            .iter()
            .filter(|&&(_, h)| h)
            .map(|&(d, _)| d)
            .collect();

        let mut in_order: Vec<Planned> = planned.to_vec();
        in_order.sort_unstable_by_key(|p| (p.day, p.start));

        Key {
            sessions: Reverse((total as u32).min(case.sessions)),
            heavy: Reverse((heavy_total as u32).min(case.heavy_max)),
            shortfalls,
            day_gaps: Reverse(day_gaps(&days)),
            heavy_gaps: Reverse(day_gaps(&heavy_days)),
            distance: planned
                .iter()
                .map(|p| clock_distance(p.start, case.preferred_lift_time))
                .sum(),
            starts: in_order.iter().map(|p| p.start).collect(),
            heavy_starts: in_order
                .iter()
                .filter(|p| p.heavy)
                .map(|p| p.start)
                .collect(),
        }
    }

    fn picks(&self, planned: &[Planned]) -> Vec<Pick> {
        let mut picks: Vec<(u32, Pick)> = self
            .pinned
            .iter()
            .map(|p| (p.start, p.day, p.heavy, true))
            .chain(planned.iter().map(|p| (p.start, p.day, p.heavy, false)))
            .map(|(start, day, heavy, pinned)| {
                (
                    start,
                    Pick {
                        day,
                        start: start % WEEK,
                        heavy,
                        pinned,
                    },
                )
            })
            .collect();
        picks.sort_by_key(|(start, p)| (p.day, *start));
        picks.into_iter().map(|(_, p)| p).collect()
    }
}

/// Day gaps between consecutive sessions around the week, sorted smallest first.
/// `days` is sorted; one session gives [7], none [].
fn day_gaps(days: &[usize]) -> Vec<u32> {
    let n = days.len();
    let mut gaps: Vec<u32> = (0..n)
        .map(|i| {
            if i + 1 < n {
                (days[i + 1] - days[i]) as u32
            } else {
                (days[0] + 7 - days[n - 1]) as u32
            }
        })
        .collect();
    gaps.sort_unstable();
    gaps
}

/// The best placement by SPEC §3 v2, pinned sessions included, sorted by day; or
/// `Err(n)` when at most `n < 2` sessions are possible (exit 3).
pub fn best(case: &Case) -> Result<Vec<Pick>, usize> {
    let model = Model::new(case);
    // The empty placement (pinned sessions only) always satisfies the hard rules.
    let mut best_planned: Vec<Planned> = Vec::new();
    let mut best_key = model.key(&best_planned);
    let mut current: Vec<Planned> = Vec::new();
    model.each_choice(|lists| {
        // An odometer over the product of the chosen sessions' starts.
        let mut index = vec![0usize; lists.len()];
        loop {
            current.clear();
            current.extend(lists.iter().zip(&index).map(|(l, &i)| l[i]));
            let key = model.key(&current);
            if key < best_key {
                best_key = key;
                best_planned.clone_from(&current);
            }
            let mut k = 0;
            loop {
                if k == lists.len() {
                    return;
                }
                index[k] += 1;
                if index[k] < lists[k].len() {
                    break;
                }
                index[k] = 0;
                k += 1;
            }
        }
    });
    let total = model.pinned.len() + best_planned.len();
    if total < 2 {
        return Err(total);
    }
    Ok(model.picks(&best_planned))
}

fn planned_of(model: &Model<'_>, picks: &[Pick]) -> Result<Vec<Planned>, String> {
    let mut pinned: Vec<(usize, u32, bool)> = picks
        .iter()
        .filter(|p| p.pinned)
        .map(|p| (p.day, p.unwrapped(), p.heavy))
        .collect();
    let mut expected: Vec<(usize, u32, bool)> = model
        .pinned
        .iter()
        .map(|p| (p.day, p.start, p.heavy))
        .collect();
    pinned.sort_unstable();
    expected.sort_unstable();
    if pinned != expected {
        return Err(format!(
            "pinned sessions {pinned:?} are not the schedule's {expected:?}"
        ));
    }
    Ok(picks
        .iter()
        .filter(|p| !p.pinned)
        .map(|p| Planned {
            day: p.day,
            start: p.unwrapped(),
            heavy: p.heavy,
        })
        .collect())
}

/// Whether a placement (pinned sessions included, as [`best`] returns them) satisfies
/// every hard rule of SPEC §3; the error says which rule it breaks.
pub fn check(case: &Case, picks: &[Pick]) -> Result<(), String> {
    let model = Model::new(case);
    let planned = planned_of(&model, picks)?;
    let offsets = case.window_starts();
    let len = case.session_minutes;
    for p in &planned {
        let name = format!("{} {}", DAY_KEYS[p.day], week_time(p.start));
        if !offsets.contains(&(p.start - p.day as u32 * DAY)) {
            return Err(format!(
                "{name}: not a quarter-hour start inside the window"
            ));
        }
        model
            .session_fits(p.day, p.start)
            .map_err(|why| format!("{name}: {why}"))?;
        if p.heavy && !model.may_be_heavy(p.start) {
            return Err(format!("{name}: heavy under 6 h from a hard run"));
        }
    }
    for (i, a) in planned.iter().enumerate() {
        for b in &planned[i + 1..] {
            if a.day == b.day {
                return Err(format!("two sessions on {}", DAY_KEYS[a.day]));
            }
            if overlaps(a.start, len, b.start, len) {
                return Err("two planned sessions overlap".to_owned());
            }
        }
    }
    let adjacent = |a: usize, b: usize| (a + 1) % 7 == b || (b + 1) % 7 == a;
    for a in planned.iter().filter(|p| p.heavy) {
        let pinned_heavy = model.pinned.iter().filter(|p| p.heavy).map(|p| p.day);
        let planned_heavy = planned.iter().filter(|p| p.heavy).map(|p| p.day);
        if pinned_heavy
            .chain(planned_heavy)
            .any(|b| adjacent(a.day, b))
        {
            return Err(format!(
                "heavy on {} next to another heavy",
                DAY_KEYS[a.day]
            ));
        }
    }
    let planned_max = (case.sessions as usize).saturating_sub(model.pinned.len());
    if planned.len() > planned_max {
        return Err(format!(
            "{} planned sessions, at most {planned_max}",
            planned.len()
        ));
    }
    let heavy_room = (case.heavy_max as usize).saturating_sub(model.pinned_heavy());
    let heavy = planned.iter().filter(|p| p.heavy).count();
    if heavy > heavy_room {
        return Err(format!(
            "{heavy} planned heavy sessions, at most {heavy_room}"
        ));
    }
    Ok(())
}

/// The 8-level key of a placement (pinned sessions included, as [`best`] returns them).
/// Panics if the pinned picks are not the case's pinned sessions.
pub fn key(case: &Case, picks: &[Pick]) -> Key {
    let model = Model::bare(case);
    match planned_of(&model, picks) {
        Ok(planned) => model.key(&planned),
        Err(why) => panic!("{why}"),
    }
}

/// Gaps (minutes) from the nearest hard run before a session of `minutes` starting at
/// week minute `start`, and to the nearest hard run after it; `None` without hard runs.
pub fn gaps(case: &Case, start: u32, minutes: u32) -> Option<(u32, u32)> {
    let runs = case.run_spans();
    let hard = runs.iter().filter(|r| r.hard);
    let before = hard.clone().map(|r| forward(r.end(), start)).min()?;
    let after = hard.map(|r| forward(start + minutes, r.start)).min()?;
    Some((before, after))
}

/// The shortfall (minutes) of a heavy session of `session_minutes` starting at week
/// minute `start`.
pub fn shortfall(case: &Case, start: u32) -> u32 {
    Model::bare(case).shortfall(start)
}

/// Whether a session of `session_minutes` starting at week minute `start` may be heavy.
pub fn may_be_heavy(case: &Case, start: u32) -> bool {
    Model::bare(case).may_be_heavy(start)
}

/// The unwrapped starts the hard rules allow a planned session on `day`.
pub fn allowed_starts(case: &Case, day: usize) -> Vec<u32> {
    Model::new(case).slots[day]
        .iter()
        .map(|s| s.start)
        .collect()
}
