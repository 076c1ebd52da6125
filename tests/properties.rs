//! Property tests for the placement of strength sessions (SPEC §3): generators of
//! schedule files, and the hard rules every plan keeps whatever the order says.
//!
//! Schedules are generated as TOML text, so parsing is exercised too, then planned.
//! The comparison with an independent brute force of the whole order lives in
//! `oracle_check.rs`; the coaching cases in `coaching.rs`.

use std::fmt;

use chrono::NaiveDate;
use planner::day::Day;
use planner::lift::LIFT_KEYS;
use planner::plan::{Plan, Session};
use planner::render::Week;
use planner::render::json;
use planner::render::text::{self, TextOptions};
use planner::schedule::{HardDays, Kind};
use planner::{Overrides, Schedule, plan_week};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

// The numbers of SPEC §1 and §3, written out again so that the reference does not
// lean on the code it checks.
pub(crate) const DAY: u32 = 24 * 60;
pub(crate) const WEEK: u32 = 7 * DAY;
const GRID: u32 = 15;
const HEAVY_GAP: u32 = 6 * 60;
const SESSIONS_MIN: usize = 2;

// ---------------------------------------------------------------------------------
// Generated schedules
// ---------------------------------------------------------------------------------

const EASY_TYPES: &[&str] = &["easy", "recovery"];
const HARD_TYPES: &[&str] = &[
    "long",
    "tempo",
    "threshold",
    "intervals",
    "vo2max",
    "hills",
    "fartlek",
    "race",
];

/// One entry of a day, as the schedule file writes it.
#[derive(Clone, Debug)]
pub(crate) enum Entry {
    /// `"easy"`, `"rest"`, `"tempo"`: the run type alone.
    Name(&'static str),
    /// `{ run = …, at = …, minutes = …, hard = …, lift = … }`.
    Run {
        run: &'static str,
        at: Option<u32>,
        minutes: Option<u32>,
        hard: Option<bool>,
        lift: Option<bool>,
    },
    /// `{ strength = "heavy" | "light", at = …, minutes = … }`.
    Pinned { heavy: bool, at: u32, minutes: u32 },
}

/// A day under `[week]`: nothing (a rest day), one entry, or an array of them.
#[derive(Clone, Debug)]
pub(crate) struct DaySpec {
    /// Written as `monday` rather than `mon`.
    pub(crate) full_name: bool,
    pub(crate) entries: Vec<Entry>,
}

/// `[runner]`: each key present or not.
#[derive(Clone, Debug)]
pub(crate) struct RunnerSpec {
    pub(crate) sessions: Option<u8>,
    pub(crate) session_minutes: Option<u32>,
    pub(crate) run_time: Option<u32>,
    pub(crate) lift_window: Option<(u32, u32)>,
    pub(crate) preferred_lift_time: Option<u32>,
    // The keys below only [`lifting_week`] sets; [`week`] leaves them out.
    /// `novice`, `intermediate` or `advanced`.
    pub(crate) level: Option<&'static str>,
    /// `kg` or `lb`.
    pub(crate) units: Option<&'static str>,
    /// An IANA zone name.
    pub(crate) timezone: Option<&'static str>,
    pub(crate) high_volume_minutes: Option<u32>,
}

/// A value under `[lifts]`, as the schedule file writes it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum LiftSpec {
    /// `back_squat = 100`: the 1RM itself.
    OneRepMax(f64),
    /// `back_squat = { weight = 80, reps = 5 }`: a recent set.
    Set { weight: f64, reps: u32 },
}

impl LiftSpec {
    /// The 1RM the entry stands for, a set's by Epley (weight × (1 + reps / 30)),
    /// worked out here rather than taken from the planner.
    pub(crate) fn one_rep_max(self) -> f64 {
        match self {
            LiftSpec::OneRepMax(weight) => weight,
            LiftSpec::Set { weight, reps } => weight * (1.0 + f64::from(reps) / 30.0),
        }
    }
}

/// A whole schedule file. Its `Debug` is the TOML text, so a failing case reads as
/// the file that fails.
#[derive(Clone)]
pub(crate) struct WeekSpec {
    pub(crate) runner: RunnerSpec,
    /// `[lifts]`, in file order; empty leaves the table out.
    pub(crate) lifts: Vec<(&'static str, LiftSpec)>,
    pub(crate) days: Vec<DaySpec>,
}

impl WeekSpec {
    /// The 1RM the file gives for `key`, directly or from a recent set.
    pub(crate) fn one_rep_max(&self, key: &str) -> Option<f64> {
        self.lifts
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, lift)| lift.one_rep_max())
    }
}

fn hhmm(minutes: u32) -> String {
    format!("\"{:02}:{:02}\"", minutes / 60, minutes % 60)
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::Name(name) => write!(f, "\"{name}\""),
            Entry::Run {
                run,
                at,
                minutes,
                hard,
                lift,
            } => {
                write!(f, "{{ run = \"{run}\"")?;
                if let Some(at) = at {
                    write!(f, ", at = {}", hhmm(*at))?;
                }
                if let Some(minutes) = minutes {
                    write!(f, ", minutes = {minutes}")?;
                }
                if let Some(hard) = hard {
                    write!(f, ", hard = {hard}")?;
                }
                if let Some(lift) = lift {
                    write!(f, ", lift = {lift}")?;
                }
                write!(f, " }}")
            }
            Entry::Pinned { heavy, at, minutes } => write!(
                f,
                "{{ strength = \"{}\", at = {}, minutes = {minutes} }}",
                if *heavy { "heavy" } else { "light" },
                hhmm(*at)
            ),
        }
    }
}

impl fmt::Display for WeekSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.runner;
        writeln!(f, "[runner]")?;
        if let Some(sessions) = r.sessions {
            writeln!(f, "sessions = {sessions}")?;
        }
        if let Some(minutes) = r.session_minutes {
            writeln!(f, "session_minutes = {minutes}")?;
        }
        if let Some(run_time) = r.run_time {
            writeln!(f, "run_time = {}", hhmm(run_time))?;
        }
        if let Some((start, end)) = r.lift_window {
            writeln!(f, "lift_window = [{}, {}]", hhmm(start), hhmm(end))?;
        }
        if let Some(preferred) = r.preferred_lift_time {
            writeln!(f, "preferred_lift_time = {}", hhmm(preferred))?;
        }
        if let Some(level) = r.level {
            writeln!(f, "level = \"{level}\"")?;
        }
        if let Some(units) = r.units {
            writeln!(f, "units = \"{units}\"")?;
        }
        if let Some(timezone) = r.timezone {
            writeln!(f, "timezone = \"{timezone}\"")?;
        }
        if let Some(minutes) = r.high_volume_minutes {
            writeln!(f, "high_volume_minutes = {minutes}")?;
        }
        if !self.lifts.is_empty() {
            writeln!(f, "\n[lifts]")?;
            for (key, lift) in &self.lifts {
                match lift {
                    LiftSpec::OneRepMax(weight) => writeln!(f, "{key} = {weight}")?,
                    LiftSpec::Set { weight, reps } => {
                        writeln!(f, "{key} = {{ weight = {weight}, reps = {reps} }}")?;
                    }
                }
            }
        }
        writeln!(f, "\n[week]")?;
        for (day, spec) in Day::ALL.iter().zip(&self.days) {
            let key = if spec.full_name {
                Day::NAMES[day.index()]
            } else {
                day.key()
            };
            match spec.entries.as_slice() {
                [] => {}
                [one] => writeln!(f, "{key} = {one}")?,
                many => {
                    let items: Vec<String> = many.iter().map(Entry::to_string).collect();
                    writeln!(f, "{key} = [{}]", items.join(", "))?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Debug for WeekSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{self}")
    }
}

/// How often each kind of day comes up in one generated week.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mix {
    rest: u32,
    easy: u32,
    hard: u32,
    double: u32,
}

/// From gentle weeks (mostly feasible, many choices) to crowded ones (often no plan).
pub(crate) fn mix() -> impl Strategy<Value = Mix> {
    prop_oneof![
        Just(Mix {
            rest: 3,
            easy: 4,
            hard: 2,
            double: 1
        }),
        Just(Mix {
            rest: 2,
            easy: 3,
            hard: 3,
            double: 2
        }),
        Just(Mix {
            rest: 1,
            easy: 1,
            hard: 5,
            double: 2
        }),
    ]
}

/// Half the time, `minutes` moved down onto the quarter hour: sessions start on that
/// grid, so gaps of exactly 6 h or 24 h come up and the boundaries get tested.
fn snapped(minutes: impl Strategy<Value = u32>) -> impl Strategy<Value = u32> {
    (minutes, any::<bool>()).prop_map(|(m, snap)| if snap { m / GRID * GRID } else { m })
}

/// A run time of a single-run day: mostly morning or evening, sometimes late enough
/// to cross midnight, sometimes in the small hours.
fn single_at() -> impl Strategy<Value = u32> {
    snapped(prop_oneof![
        3 => 5 * 60..10 * 60u32,
        1 => 10 * 60..16 * 60u32,
        2 => 16 * 60..22 * 60u32,
        2 => 22 * 60..DAY,
        1 => 0..5 * 60u32,
    ])
}

/// A run given as a table; `at` is optional only when `at_optional`.
fn run_table(
    types: &'static [&'static str],
    at: BoxedStrategy<u32>,
    at_optional: bool,
) -> impl Strategy<Value = Entry> {
    let at = if at_optional {
        prop::option::weighted(0.85, at).boxed()
    } else {
        at.prop_map(Some).boxed()
    };
    (
        prop::sample::select(types),
        at,
        prop::option::weighted(0.75, snapped(20..=150u32)),
        prop_oneof![8 => Just(None), 1 => Just(Some(true)), 1 => Just(Some(false))],
        prop_oneof![14 => Just(None), 1 => Just(Some(false)), 1 => Just(Some(true))],
    )
        .prop_map(|(run, at, minutes, hard, lift)| Entry::Run {
            run,
            at,
            minutes,
            hard,
            lift,
        })
}

pub(crate) fn day(mix: Mix) -> impl Strategy<Value = DaySpec> {
    let rest = prop_oneof![
        3 => Just(Vec::new()),
        2 => Just(vec![Entry::Name("rest")]),
        1 => Just(vec![Entry::Run { run: "rest", at: None, minutes: None, hard: None, lift: Some(false) }]),
    ];
    let easy = prop_oneof![
        1 => prop::sample::select(EASY_TYPES).prop_map(|t| vec![Entry::Name(t)]),
        3 => run_table(EASY_TYPES, single_at().boxed(), true).prop_map(|e| vec![e]),
    ];
    let hard = prop_oneof![
        1 => prop::sample::select(HARD_TYPES).prop_map(|t| vec![Entry::Name(t)]),
        4 => run_table(HARD_TYPES, single_at().boxed(), true).prop_map(|e| vec![e]),
    ];
    // A morning run ends by 12:30 at the latest, well before any evening run.
    let either = || prop_oneof![Just(EASY_TYPES), Just(HARD_TYPES)];
    let double = (either(), either()).prop_flat_map(|(first, second)| {
        (
            run_table(first, snapped(4 * 60 + 30..10 * 60u32).boxed(), false),
            run_table(second, snapped(16 * 60..DAY).boxed(), false),
        )
            .prop_map(|(a, b)| vec![a, b])
    });
    let pinned = (any::<bool>(), 5 * 60..DAY - 30, 30..=45u32).prop_map(|(heavy, at, minutes)| {
        Entry::Pinned {
            heavy,
            at: at / 5 * 5,
            minutes,
        }
    });
    (
        prop_oneof![
            mix.rest => rest,
            mix.easy => easy,
            mix.hard => hard,
            mix.double => double,
        ],
        prop::option::weighted(0.08, pinned),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(mut entries, pinned, full_name)| {
            let lift_false = entries.iter().any(|e| {
                matches!(
                    e,
                    Entry::Run {
                        lift: Some(false),
                        ..
                    }
                )
            });
            // `lift = false` with a pinned session is an input error: keep the week valid.
            if let Some(pinned) = pinned.filter(|_| !lift_false) {
                entries.push(pinned);
            }
            DaySpec { full_name, entries }
        })
}

/// `[runner]` settings. With `narrow`, the lift window is mostly 2 to 4 hours (at
/// most 15 starts a day), now and then under an hour, and now and then the default
/// 15 hours with 2 sessions, so that the brute force stays quick; otherwise any window.
pub(crate) fn runner(narrow: bool) -> impl Strategy<Value = RunnerSpec> {
    let window = if narrow {
        prop_oneof![
            8 => (0..20 * 60u32, 120..=240u32).prop_map(|(start, width)| Some((start, start + width))),
            // Barely room for one session, or none once the start is off the grid.
            1 => (0..20 * 60u32, 45..=60u32).prop_map(|(start, width)| Some((start, start + width))),
            1 => Just(None),
        ]
        .boxed()
    } else {
        prop_oneof![
            1 => Just(None),
            1 => (0..20 * 60u32, 120..=240u32).prop_map(|(start, width)| Some((start, start + width))),
            2 => (0..12 * 60u32, 12 * 60..DAY).prop_map(|(start, end)| Some((start, end))),
        ]
        .boxed()
    };
    (
        prop_oneof![4 => Just(Some(2u8)), 4 => Just(Some(3u8)), 1 => Just(None)],
        prop::option::weighted(0.85, 30..=45u32),
        prop::option::weighted(0.3, 5 * 60..10 * 60u32),
        window,
        0..3u8,
        0..DAY,
        0..=240u32,
    )
        .prop_map(
            move |(
                sessions,
                session_minutes,
                run_time,
                lift_window,
                pref_mode,
                pref_any,
                pref_offset,
            )| {
                // The default window is 15 hours wide: keep it to 2 sessions here.
                let sessions = if narrow && lift_window.is_none() {
                    Some(2)
                } else {
                    sessions
                };
                let (start, end) = lift_window.unwrap_or((6 * 60, 21 * 60));
                let preferred_lift_time = match pref_mode {
                    0 => None,
                    1 => Some(pref_any),
                    _ => Some((start + pref_offset).min(end)),
                };
                RunnerSpec {
                    sessions,
                    session_minutes,
                    run_time,
                    lift_window,
                    preferred_lift_time,
                    level: None,
                    units: None,
                    timezone: None,
                    high_volume_minutes: None,
                }
            },
        )
}

pub(crate) fn week(narrow: bool) -> impl Strategy<Value = WeekSpec> {
    (runner(narrow), mix())
        .prop_flat_map(|(runner, mix)| (Just(runner), prop::collection::vec(day(mix), 7)))
        .prop_map(|(runner, days)| WeekSpec {
            runner,
            lifts: Vec::new(),
            days,
        })
}

/// A weight in `units`: 1RMs and recent sets a runner might write, whole or with a
/// fraction (`82.5`, `101.3`).
fn weight(units: Option<&'static str>) -> impl Strategy<Value = f64> {
    let (low, high) = if units == Some("lb") {
        (450, 5000)
    } else {
        (200, 2500)
    };
    prop_oneof![
        2 => (low / 10..=high / 10).prop_map(f64::from),
        1 => (low / 5..=high / 5).prop_map(|halves| f64::from(halves) * 5.0 / 10.0),
        1 => (low..=high).prop_map(|tenths| f64::from(tenths) / 10.0),
    ]
}

/// `[lifts]`: none, or some of the keys the planner loads from, each a 1RM or a
/// recent set of 1 to 12 reps.
fn lifts(units: Option<&'static str>) -> impl Strategy<Value = Vec<(&'static str, LiftSpec)>> {
    let lift = prop_oneof![
        weight(units).prop_map(LiftSpec::OneRepMax),
        (weight(units), 1..=12u32).prop_map(|(weight, reps)| LiftSpec::Set { weight, reps }),
    ];
    let some =
        prop::sample::subsequence(LIFT_KEYS, 1..=LIFT_KEYS.len()).prop_flat_map(move |keys| {
            let n = keys.len();
            (Just(keys), prop::collection::vec(lift.clone(), n))
        });
    prop_oneof![
        1 => Just(Vec::new()),
        3 => some.prop_map(|(keys, lifts)| keys.into_iter().zip(lifts).collect()),
    ]
}

/// A week as [`week`] makes it, plus the keys that shape the prescriptions: `level`,
/// `units`, `high_volume_minutes` from none to every minute of the week, now and then
/// a `timezone`, and `[lifts]`.
pub(crate) fn lifting_week(narrow: bool) -> impl Strategy<Value = WeekSpec> {
    let extras = (
        prop::option::of(prop::sample::select(
            &["novice", "intermediate", "advanced"][..],
        )),
        prop::option::of(prop::sample::select(&["kg", "lb"][..])),
        prop_oneof![
            6 => Just(None),
            1 => prop::sample::select(&["Europe/Madrid", "America/New_York", "Australia/Lord_Howe", "UTC"][..]).prop_map(Some),
        ],
        prop_oneof![
            1 => Just(None),
            2 => (0..=240u32).prop_map(Some),
            2 => (240..=900u32).prop_map(Some),
            1 => Just(Some(WEEK)),
        ],
    );
    (week(narrow), extras).prop_flat_map(|(spec, (level, units, timezone, volume))| {
        (Just(spec), lifts(units)).prop_map(move |(mut spec, lifts)| {
            spec.runner.level = level;
            spec.runner.units = units;
            spec.runner.timezone = timezone;
            spec.runner.high_volume_minutes = volume;
            spec.lifts = lifts;
            spec
        })
    })
}

pub(crate) fn parse(text: &str) -> Option<Schedule> {
    Schedule::parse(text, Overrides::default()).ok()
}

// ---------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------

fn free(plan: &Plan) -> impl Iterator<Item = &Session> {
    plan.sessions.iter().filter(|s| !s.pinned)
}

/// Minutes from the end of a run (or session) to the start of a later one, forward
/// around the week.
pub(crate) fn forward(from: u32, to: u32) -> u32 {
    (to % WEEK + WEEK - from % WEEK) % WEEK
}

/// Whether two stretches `(start, minutes)` share a minute, around the week.
pub(crate) fn clash(a: (u32, u32), b: (u32, u32)) -> bool {
    a.1 > 0 && b.1 > 0 && (forward(a.0, b.0) < a.1 || forward(b.0, a.0) < b.1)
}

/// The hard rules of SPEC §1 and §3, which every plan keeps whatever the order says.
pub(crate) fn check_hard_rules(
    text: &str,
    schedule: &Schedule,
    plan: &Plan,
) -> Result<(), TestCaseError> {
    let runner = &schedule.runner;
    let mut days_used = [0usize; 7];
    for session in &plan.sessions {
        days_used[session.day.index()] += 1;
        // A session starts on its own day, or after midnight in a night window.
        let start_day = (session.start_minutes() / DAY) as usize;
        prop_assert!(start_day == session.day.index() || start_day == session.day.index() + 1);
    }
    prop_assert!(
        days_used.iter().all(|&n| n <= 1) || schedule.days.iter().any(|d| d.pinned.len() > 1),
        "more than one session on a day: {:?}\n{}",
        plan.sessions,
        text
    );
    let pinned_written = schedule.pinned().count();
    prop_assert_eq!(
        plan.sessions.iter().filter(|s| s.pinned).count(),
        pinned_written
    );
    let free_count = free(plan).count();
    prop_assert!(
        free_count <= usize::from(runner.sessions).saturating_sub(pinned_written),
        "more sessions than the target\n{}",
        text
    );
    prop_assert!(plan.sessions.len() >= SESSIONS_MIN, "{}", text);
    let heavy_count = plan
        .sessions
        .iter()
        .filter(|s| s.kind == Kind::Heavy)
        .count();
    let pinned_heavy = schedule.pinned().filter(|p| p.kind == Kind::Heavy).count();
    prop_assert!(
        heavy_count <= usize::from(runner.heavy_max).max(pinned_heavy),
        "{} heavy sessions, heavy_max is {}\n{}",
        heavy_count,
        runner.heavy_max,
        text
    );
    for s in free(plan) {
        let day = &schedule.days[s.day.index()];
        let start = s.span.start.minutes();
        let end = start + s.span.minutes;
        let what = format!("{} {}", s.day, s.span.start.time());
        prop_assert!(
            day.lift_allowed,
            "{} is on a lift = false day\n{}",
            what,
            text
        );
        for run in day.runs.iter().filter(|r| r.hard) {
            let after_run = runner.hard_days == HardDays::AfterRun;
            let ready = run.span.start.time().minutes() + run.span.minutes + HEAVY_GAP;
            prop_assert!(
                after_run && s.start_minutes() >= s.day.index() as u32 * DAY + ready,
                "{} is on a hard day\n{}",
                what,
                text
            );
        }
        for r in schedule.runs() {
            let (rs, re) = (
                r.span.start.minutes(),
                r.span.start.minutes() + r.span.minutes,
            );
            prop_assert!(
                !clash((rs, r.span.minutes), (start, s.span.minutes)),
                "{} overlaps a run\n{}",
                what,
                text
            );
            prop_assert!(
                forward(re, start) >= runner.changeover_minutes
                    && forward(end, rs) >= runner.changeover_minutes,
                "{} is closer than the changeover to the {} {} run\n{}",
                what,
                r.day,
                r.run_type,
                text
            );
        }
        prop_assert!(
            schedule.pinned().all(|p| !clash(
                (p.span.start.minutes(), p.span.minutes),
                (start, s.span.minutes)
            )),
            "{} overlaps a pinned session\n{}",
            what,
            text
        );
        prop_assert_eq!(s.span.minutes, runner.session_minutes, "{}", text);
        prop_assert_eq!(start % GRID, 0, "{} is off the grid\n{}", what, text);
        let open = runner.window_start.minutes();
        let into = s.start_minutes() - s.day.index() as u32 * DAY;
        prop_assert!(
            into >= open && into + s.span.minutes <= open + runner.window_minutes(),
            "{} is outside lift_window\n{}",
            what,
            text
        );
        // The gaps the plan reports are the real ones, and a heavy session keeps 6 h.
        let before = schedule
            .hard_runs()
            .filter(|r| {
                !clash(
                    (r.span.start.minutes(), r.span.minutes),
                    (start, s.span.minutes),
                )
            })
            .map(|r| forward(r.span.start.minutes() + r.span.minutes, start))
            .min();
        let after = schedule
            .hard_runs()
            .filter(|r| {
                !clash(
                    (r.span.start.minutes(), r.span.minutes),
                    (start, s.span.minutes),
                )
            })
            .map(|r| forward(end, r.span.start.minutes()))
            .min();
        prop_assert_eq!(
            s.before.map(|g| g.minutes),
            before,
            "{} gap before\n{}",
            what,
            text
        );
        prop_assert_eq!(
            s.after.map(|g| g.minutes),
            after,
            "{} gap after\n{}",
            what,
            text
        );
        if s.kind == Kind::Heavy {
            prop_assert!(
                before.is_none_or(|g| g >= HEAVY_GAP) && after.is_none_or(|g| g >= HEAVY_GAP),
                "heavy {} is within 6 h of a hard run\n{}",
                what,
                text
            );
            prop_assert!(s.shortfall.is_some(), "{}", text);
            for other in plan
                .sessions
                .iter()
                .filter(|o| o.kind == Kind::Heavy && o.day != s.day)
            {
                prop_assert!(
                    !other.day.is_next_to(s.day),
                    "heavy {} is the day next to heavy {} {}\n{}",
                    what,
                    other.day,
                    other.span.start.time(),
                    text
                );
            }
        } else {
            prop_assert_eq!(s.shortfall, None, "{}", text);
        }
    }
    // Pinned sessions stay as written.
    for p in schedule.pinned() {
        prop_assert!(
            plan.sessions
                .iter()
                .any(|s| s.pinned && s.span == p.span && s.kind == p.kind && s.day == p.day),
            "pinned {} {} was moved or changed\n{}",
            p.day,
            p.span.start.time(),
            text
        );
    }
    let mut sorted = plan.sessions.clone();
    sorted.sort_by_key(|s| (s.day, s.start_minutes()));
    prop_assert_eq!(
        &sorted,
        &plan.sessions,
        "sessions are not in week order\n{}",
        text
    );
    Ok(())
}

/// Planning the same text again gives the same plan, and the same output bytes.
fn check_deterministic(text: &str, schedule: &Schedule) -> Result<(), TestCaseError> {
    let first = plan_week(schedule);
    let again = parse(text).expect("it parsed once");
    let second = plan_week(&again);
    prop_assert_eq!(&first, &second, "{}", text);
    if let (Ok(first), Ok(second)) = (&first, &second) {
        prop_assert_eq!(
            rendered(schedule, first),
            rendered(&again, second),
            "{}",
            text
        );
    }
    Ok(())
}

/// The week as text (with the explanations) and as JSON.
fn rendered(schedule: &Schedule, plan: &Plan) -> String {
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let week = Week {
        schedule,
        plan,
        monday,
    };
    let mut out = Vec::new();
    text::write(
        &week,
        TextOptions {
            explain: true,
            ..TextOptions::default()
        },
        &mut out,
    )
    .expect("the text renders");
    json::write(&week, &mut out).expect("the json renders");
    String::from_utf8(out).expect("output is UTF-8")
}

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

/// `cases` cases, or `PROPTEST_CASES` when set, for a longer hunt.
pub(crate) fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // A failure prints the minimal schedule; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Whatever the week, wide windows and three sessions included, every plan keeps
    /// the hard rules and comes out the same twice.
    #[test]
    fn plans_keep_the_hard_rules_and_repeat(spec in week(false)) {
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        if let Ok(plan) = plan_week(&schedule) {
            check_hard_rules(&text, &schedule, &plan)?;
        }
        check_deterministic(&text, &schedule)?;
    }
}

/// The generator is worth its cases: nearly every file parses, and the weeks cover
/// the corners the rules care about.
#[test]
fn generated_weeks_parse_and_cover_the_corners() {
    let mut runner = TestRunner::deterministic();
    let strategy = week(true);
    let n = 1000;
    let (mut parsed, mut infeasible, mut pinned, mut wraps, mut short) = (0, 0, 0, 0, 0);
    for _ in 0..n {
        let spec = strategy
            .new_tree(&mut runner)
            .expect("a generated week")
            .current();
        let Some(schedule) = parse(&spec.to_string()) else {
            continue;
        };
        parsed += 1;
        if schedule.pinned().next().is_some() {
            pinned += 1;
        }
        if schedule
            .runs()
            .any(|r| r.span.start.minutes() + r.span.minutes > WEEK)
        {
            wraps += 1;
        }
        match plan_week(&schedule) {
            Err(_) => infeasible += 1,
            Ok(plan) if plan.sessions.len() < usize::from(plan.target) => short += 1,
            Ok(_) => {}
        }
    }
    let share = |k: usize| k * 100 / n;
    assert!(
        share(parsed) >= 90,
        "only {parsed} of {n} generated files parse"
    );
    assert!(
        share(infeasible) >= 3,
        "only {infeasible} weeks without a plan"
    );
    assert!(share(infeasible) <= 40, "{infeasible} weeks without a plan");
    assert!(share(short) >= 3, "only {short} weeks short of the target");
    assert!(
        share(pinned) >= 15,
        "only {pinned} weeks with a pinned session"
    );
    assert!(
        wraps >= 10,
        "only {wraps} weeks with a Sunday run into Monday"
    );
}
