//! The runner's usual week, validated: what the planner plans around.
//!
//! `Schedule::parse` is the one place raw TOML becomes domain types. Every rule of
//! input is checked here, and each failure is a [`Diagnostic`] pointing at the
//! offending text; nothing raw travels deeper.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::day::Day;
use crate::diagnostic::Diagnostic;
use crate::lift::{LIFT_KEYS, Lift, Units, epley_one_rep_max};
use crate::raw::{
    Entries, RawDay, RawEntry, RawEntryTable, RawLift, RawRunner, RawSchedule, RawWeekItem,
};
use crate::rules::{self, RUN_TYPES, RunTypeRule};
use crate::suggest;
use crate::zone::Zone;

/// The runner's training level, which decides exercise variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// New to lifting: bodyweight and goblet variants.
    Novice,
    /// The default.
    Intermediate,
    /// Experienced lifter: the templates as written, as for intermediate (the rules
    /// give no heavier loading than 1–2 reps in reserve for anyone).
    Advanced,
}

/// Whether a strength session carries heavy main lifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Stability, core and mobility: no loaded main lifts.
    Light,
    /// Loaded main lifts near 80–90 % of 1RM.
    Heavy,
}

impl Kind {
    /// `heavy` or `light`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Heavy => "heavy",
            Kind::Light => "light",
        }
    }
}

/// A run in the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The day it is listed under (it may end after midnight).
    pub day: Day,
    /// The run type's name, as in [`RUN_TYPES`].
    pub run_type: &'static str,
    /// When it happens.
    pub span: Span,
    /// Whether it is a hard session.
    pub hard: bool,
    /// Whether it is a key session (a race, or a hard run of 150 min or more): heavy
    /// lifting ideally stays 48 h from it.
    pub key: bool,
}

/// A strength session the runner has already fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    /// Its day.
    pub day: Day,
    /// Heavy or light, as written.
    pub kind: Kind,
    /// When it happens.
    pub span: Span,
}

/// Whether a hard day may hold strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HardDays {
    /// Strength goes on easy and rest days only.
    Never,
    /// A hard day may hold a session that starts 6 h or more after its last hard run.
    AfterRun,
}

/// Runner settings, defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Runner {
    /// Training level.
    pub level: Level,
    /// Sessions to aim for (2 or 3).
    pub sessions: u8,
    /// Length of a planned session, in minutes (30..=45).
    pub session_minutes: u32,
    /// Start of runs that give no `at`.
    pub run_time: TimeOfDay,
    /// Earliest start of a session.
    pub window_start: TimeOfDay,
    /// Latest end of a session.
    pub window_end: TimeOfDay,
    /// The start time to lean towards.
    pub preferred_lift_time: TimeOfDay,
    /// Units of load.
    pub units: Units,
    /// IANA time zone, if given.
    pub timezone: Option<Zone>,
    /// Weekly run minutes from which loads get lighter.
    pub high_volume_minutes: u32,
    /// Most heavy sessions a week (1..=3).
    pub heavy_max: u8,
    /// Least minutes between a session and any run (0..=180).
    pub changeover_minutes: u32,
    /// Whether a hard day may hold a session after its run.
    pub hard_days: HardDays,
    /// What the runner can train with (every item unless the file says).
    pub equipment: crate::equipment::Equipment,
}

impl Runner {
    /// Minutes from the window's opening to its close; a night window (start later
    /// than end) closes the next morning.
    pub fn window_minutes(&self) -> u32 {
        window_length(self.window_start, self.window_end)
    }
}

/// Minutes from `start` forward to `end` on the clock, 1..=1440 (equal times are a
/// whole day, which input validation refuses).
fn window_length(start: TimeOfDay, end: TimeOfDay) -> u32 {
    match (end.minutes() + rules::DAY_MINUTES - start.minutes()) % rules::DAY_MINUTES {
        0 => rules::DAY_MINUTES,
        length => length,
    }
}

/// One week that differs from the usual week: `[weeks."DATE"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekTable {
    /// The Monday of that week.
    pub monday: NaiveDate,
    /// The running plan's cutback week: strength deloads with it.
    pub cutback: bool,
    /// The days it replaces, Monday first; `None` keeps the usual day.
    pub days: [Option<DayPlan>; 7],
}

/// One day of the usual week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    /// Runs listed under this day, in start order.
    pub runs: Vec<Run>,
    /// Strength sessions the runner fixed on this day.
    pub pinned: Vec<Pinned>,
    /// `false` when the runner wrote `lift = false`.
    pub lift_allowed: bool,
}

impl Default for DayPlan {
    /// A rest day on which lifting is allowed: what a day missing from `[week]` is.
    fn default() -> Self {
        DayPlan {
            runs: Vec::new(),
            pinned: Vec::new(),
            lift_allowed: true,
        }
    }
}

/// A validated schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Any date inside the week to plan, if the file gives one.
    pub week_of: Option<NaiveDate>,
    /// Runner settings.
    pub runner: Runner,
    /// The lifts with a known 1RM, in file order.
    pub lifts: Vec<Lift>,
    /// Monday to Sunday: the usual week, or one week with its table applied.
    pub days: [DayPlan; 7],
    /// The weeks that differ from the usual one, in date order.
    pub weeks: Vec<WeekTable>,
    /// Whether `days` is a cutback week of the running plan (see [`Schedule::in_week`]).
    pub cutback: bool,
}

/// Settings from the command line that override the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--sessions`.
    pub sessions: Option<u8>,
    /// `--minutes`.
    pub session_minutes: Option<u32>,
}

impl Schedule {
    /// Parses and validates a schedule file's text.
    pub fn parse(text: &str, overrides: Overrides) -> Result<Schedule, Diagnostic> {
        let raw: RawSchedule = toml::from_str(text).map_err(from_toml_error)?;
        let runner = runner(raw.runner.unwrap_or_default(), overrides)?;
        let week_of = raw.week_of.map(week_of).transpose()?;
        let lifts = match raw.lifts {
            Some(lifts) => self::lifts(lifts.into_inner())?,
            None => Vec::new(),
        };
        let usual = match raw.week {
            Some(week) => self::days(week.into_inner(), &runner)?,
            None => ParsedDays::default(),
        };
        let weeks = match raw.weeks {
            Some(weeks) => self::weeks(weeks.into_inner(), &runner, &usual)?,
            None => Vec::new(),
        };
        Ok(Schedule {
            week_of,
            runner,
            lifts,
            days: usual.days,
            weeks,
            cutback: false,
        })
    }

    /// The week of `monday`: the usual week with that week's `[weeks]` table applied.
    pub fn in_week(&self, monday: NaiveDate) -> Schedule {
        let mut week = self.clone();
        if let Some(table) = self.weeks.iter().find(|t| t.monday == monday) {
            week.cutback = table.cutback;
            for (day, replacement) in week.days.iter_mut().zip(&table.days) {
                if let Some(replacement) = replacement {
                    day.clone_from(replacement);
                }
            }
        }
        week
    }

    /// Every run of the week, Monday first.
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.days.iter().flat_map(|d| &d.runs)
    }

    /// Every hard run of the week, Monday first.
    pub fn hard_runs(&self) -> impl Iterator<Item = &Run> {
        self.runs().filter(|r| r.hard)
    }

    /// Every pinned session of the week, Monday first.
    pub fn pinned(&self) -> impl Iterator<Item = &Pinned> {
        self.days.iter().flat_map(|d| &d.pinned)
    }

    /// Total minutes of running in the week.
    pub fn run_minutes(&self) -> u32 {
        self.runs().map(|r| r.span.minutes).sum()
    }

    /// The 1RM `[lifts]` gives for `lift`, if it does.
    pub fn one_rep_max(&self, lift: Option<&str>) -> Option<f64> {
        lift.and_then(|key| self.lifts.iter().find(|l| l.key == key))
            .map(|l| l.one_rep_max)
    }
}

/// The hint for a time zone that is not close to any known name.
const ZONE_HELP: &str = "use an IANA name such as \"Europe/Madrid\" or \"America/New_York\"";

/// Turns a `toml` error into a diagnostic in the planner's words.
pub(crate) fn from_toml_error(error: toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim_end_matches('.').trim().to_owned();
    // serde's unknown-field message lists the keys it expected: name the closest.
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        // Words runners reach for that mean a key the file format names otherwise.
        let alias = match key {
            "time" | "start" | "starts" | "when" => Some("at"),
            "duration" | "length" | "mins" | "min" => Some("minutes"),
            "type" | "kind" => Some("run"),
            _ => None,
        };
        let help = alias
            .filter(|a| known.contains(a))
            .map(|a| format!("did you mean \"{a}\"?"))
            .or_else(|| suggest::hint(key, known.iter().copied()))
            .or_else(|| (!known.is_empty()).then(|| format!("known keys: {}", known.join(", "))));
        return Diagnostic::new(format!("unknown key \"{key}\""), span).with_help(help);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::new(format!("missing key \"{key}\""), span);
    }
    // A whole number past 64 bits: serde names the type it wanted, a runner needs not.
    if let Some(rest) = message.strip_prefix("invalid value: integer `") {
        if let Some((number, _)) = rest.split_once('`') {
            return Diagnostic::new(
                format!("{number} is too large for a whole number here"),
                span,
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let expected = match expected {
                "i64" | "u64" | "i32" | "u32" | "u8" => "a whole number",
                "f64" => "a number",
                "a boolean" | "bool" => "true or false",
                "a string" => "a string in quotes",
                "a TOML datetime" => "a date like 2026-11-30 (no quotes)",
                other => other,
            };
            let found = match found {
                "sequence" => "an array",
                // serde names the wide integer type it fell back to; a runner needs not.
                other if other.ends_with(" as i128") || other.ends_with(" as u128") => {
                    return Diagnostic::new(
                        format!(
                            "expected {expected}, found {}, too large",
                            &other[..other.len() - 8]
                        ),
                        span,
                    );
                }
                "map" => "a table",
                other => other,
            };
            return Diagnostic::new(format!("expected {expected}, found {found}"), span);
        }
    }
    Diagnostic::new(message, span)
}

fn week_of(date: Spanned<toml::value::Datetime>) -> Result<NaiveDate, Diagnostic> {
    let span = date.span();
    let value = date.into_inner();
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| {
                    Diagnostic::new(format!("{value} is not a date in the calendar"), span)
                })
        }
        _ => Err(
            Diagnostic::new(format!("week_of must be a date, not \"{value}\""), span)
                .with_help(Some("write a plain date such as 2026-11-30".to_owned())),
        ),
    }
}

fn runner(raw: RawRunner, overrides: Overrides) -> Result<Runner, Diagnostic> {
    let level = match &raw.level {
        None => Level::Intermediate,
        Some(level) => match level.get_ref().as_str() {
            "novice" => Level::Novice,
            "intermediate" => Level::Intermediate,
            "advanced" => Level::Advanced,
            other => {
                let known = ["novice", "intermediate", "advanced"];
                return Err(
                    Diagnostic::new(format!("unknown level \"{other}\""), level.span())
                        .with_help(suggest::hint(other, known).or_else(|| Some(one_of(&known)))),
                );
            }
        },
    };
    let sessions = match overrides.sessions {
        Some(n) => n,
        None => in_range(
            raw.sessions.as_ref(),
            "sessions",
            u32::from(rules::SESSIONS_MIN)..=u32::from(rules::SESSIONS_MAX),
            u32::from(rules::SESSIONS_DEFAULT),
            &format!(
                "the rules call for {} or {} strength sessions a week",
                rules::SESSIONS_MIN,
                rules::SESSIONS_MAX
            ),
        )? as u8,
    };
    let session_minutes = match overrides.session_minutes {
        Some(n) => n,
        None => in_range(
            raw.session_minutes.as_ref(),
            "session_minutes",
            rules::SESSION_MINUTES_MIN..=rules::SESSION_MINUTES_MAX,
            rules::SESSION_MINUTES_DEFAULT,
            &format!(
                "a session lasts {} to {} minutes",
                rules::SESSION_MINUTES_MIN,
                rules::SESSION_MINUTES_MAX
            ),
        )?,
    };
    let high_volume_minutes = in_range(
        raw.high_volume_minutes.as_ref(),
        "high_volume_minutes",
        0..=rules::WEEK_MINUTES,
        rules::HIGH_VOLUME_MINUTES_DEFAULT,
        "weekly run minutes, at most the minutes of a week",
    )?;
    let time_or = |value: &Option<Spanned<String>>, default: u32| match value {
        Some(text) => time(text),
        None => Ok(TimeOfDay::wrapping(default)),
    };
    let preferred_lift_time =
        time_or(&raw.preferred_lift_time, rules::PREFERRED_LIFT_TIME_DEFAULT)?;
    let (window_start, window_end) = match &raw.lift_window {
        None => (
            TimeOfDay::wrapping(rules::LIFT_WINDOW_START_DEFAULT),
            TimeOfDay::wrapping(rules::LIFT_WINDOW_END_DEFAULT),
        ),
        Some(window) => {
            let [start, end] = window.get_ref().as_slice() else {
                return Err(Diagnostic::new(
                    format!(
                        "lift_window needs two times, found {}",
                        window.get_ref().len()
                    ),
                    window.span(),
                )
                .with_help(Some("write it as [\"06:00\", \"21:00\"]".to_owned())));
            };
            let (start, end) = (time(start)?, time(end)?);
            if end == start {
                return Err(Diagnostic::new(
                    format!("lift_window starts and ends at {start}"),
                    window.span(),
                )
                .with_help(Some(
                    "give the earliest start first and the latest end second; a start later than the end is a night window".to_owned(),
                )));
            }
            let length = window_length(start, end);
            let first = start.minutes().div_ceil(rules::START_GRID) * rules::START_GRID;
            if first + session_minutes > start.minutes() + length {
                let night = if end < start { "night " } else { "" };
                return Err(Diagnostic::new(
                    format!(
                        "{night}lift_window {start}-{end} holds no {session_minutes} min session starting on the quarter hour"
                    ),
                    window.span(),
                )
                .with_help(Some("widen the window or shorten session_minutes".to_owned())));
            }
            (start, end)
        }
    };
    let units = match &raw.units {
        None => Units::Kg,
        Some(units) => match units.get_ref().as_str() {
            "kg" => Units::Kg,
            "lb" => Units::Lb,
            other => {
                let help = match other {
                    "lbs" | "pounds" | "pound" => "write \"lb\"".to_owned(),
                    "kgs" | "kilograms" | "kilos" => "write \"kg\"".to_owned(),
                    _ => one_of(&["kg", "lb"]),
                };
                return Err(
                    Diagnostic::new(format!("unknown units \"{other}\""), units.span())
                        .with_help(Some(help)),
                );
            }
        },
    };
    let timezone = match raw.timezone {
        None => None,
        Some(zone) => {
            let name = zone.get_ref();
            let Some(tz) = Zone::named(name) else {
                let names: Vec<String> = Zone::names().collect();
                let help = suggest::hint(name, names.iter().map(String::as_str))
                    .unwrap_or_else(|| ZONE_HELP.to_owned());
                return Err(
                    Diagnostic::new(format!("unknown time zone \"{name}\""), zone.span())
                        .with_help(Some(help)),
                );
            };
            Some(tz)
        }
    };
    let run_time = time_or(&raw.run_time, rules::RUN_TIME_DEFAULT)?;
    let heavy_max = in_range(
        raw.heavy_max.as_ref(),
        "heavy_max",
        u32::from(rules::HEAVY_MAX_MIN)..=u32::from(rules::SESSIONS_MAX),
        u32::from(rules::HEAVY_MAX_DEFAULT),
        "at most 1 to 3 heavy sessions a week; two build strength, a third steals recovery",
    )? as u8;
    let changeover_minutes = in_range(
        raw.changeover_minutes.as_ref(),
        "changeover_minutes",
        0..=rules::CHANGEOVER_MINUTES_MAX,
        rules::CHANGEOVER_MINUTES_DEFAULT,
        &format!(
            "minutes between a session and a run, at most {}",
            rules::CHANGEOVER_MINUTES_MAX
        ),
    )?;
    let hard_days = match &raw.hard_days {
        None => HardDays::Never,
        Some(value) => match value.get_ref().as_str() {
            "never" => HardDays::Never,
            "after-run" => HardDays::AfterRun,
            other => {
                let known = ["never", "after-run"];
                return Err(Diagnostic::new(
                    format!("unknown hard_days \"{other}\""),
                    value.span(),
                )
                .with_help(suggest::hint(other, known).or_else(|| Some(one_of(&known)))));
            }
        },
    };
    let equipment = match &raw.equipment {
        None => crate::equipment::Equipment::ALL,
        Some(names) => crate::equipment::from_names(names.get_ref())?,
    };
    Ok(Runner {
        level,
        sessions,
        session_minutes,
        run_time,
        window_start,
        window_end,
        preferred_lift_time,
        units,
        timezone,
        high_volume_minutes,
        heavy_max,
        changeover_minutes,
        hard_days,
        equipment,
    })
}

fn lifts(entries: Entries<RawLift>) -> Result<Vec<Lift>, Diagnostic> {
    let mut lifts: Vec<Lift> = Vec::new();
    for (key, value) in entries.0 {
        let Some(&known) = LIFT_KEYS.iter().find(|k| **k == key.get_ref()) else {
            return Err(
                Diagnostic::new(format!("unknown lift \"{}\"", key.get_ref()), key.span())
                    .with_help(
                        suggest::hint(key.get_ref(), LIFT_KEYS.iter().copied())
                            .or_else(|| Some(format!("known lifts: {}", LIFT_KEYS.join(", ")))),
                    ),
            );
        };
        let span = value.span();
        let lift = match value.into_inner() {
            RawLift::OneRepMax(weight) => Lift {
                key: known,
                one_rep_max: load(weight, span)?,
                estimated_from: None,
            },
            RawLift::Set(set) => {
                let weight = load(*set.weight.get_ref(), set.weight.span())?;
                let reps = in_range(
                    Some(&set.reps),
                    "reps",
                    1..=rules::ESTIMATE_REPS_MAX,
                    0,
                    "a 1RM is estimated from a recent set of a few reps",
                )?;
                Lift {
                    key: known,
                    one_rep_max: epley_one_rep_max(weight, reps),
                    estimated_from: Some((weight, reps)),
                }
            }
        };
        lifts.push(lift);
    }
    Ok(lifts)
}

fn load(weight: f64, span: Range<usize>) -> Result<f64, Diagnostic> {
    if weight.is_finite() && weight > 0.0 && weight <= rules::LOAD_MAX {
        Ok(weight)
    } else {
        Err(
            Diagnostic::new(format!("weight {weight} is out of range"), span).with_help(Some(
                format!("give a weight above 0 and at most {}", rules::LOAD_MAX),
            )),
        )
    }
}

/// The days of `[week]` or of one `[weeks]` table, as parsed.
#[derive(Debug, Default)]
struct ParsedDays {
    days: [DayPlan; 7],
    /// Which days the table gives.
    given: [bool; 7],
    /// Every run with the span of its entry, to point at the second of two that overlap.
    runs: Vec<(Run, Range<usize>)>,
}

fn days(entries: Entries<RawDay>, runner: &Runner) -> Result<ParsedDays, Diagnostic> {
    day_entries(entries.0, runner, Vec::new())
}

/// The `[weeks."DATE"]` tables: each a week of the calendar, at most one table a week.
fn weeks(
    tables: Entries<Entries<RawWeekItem>>,
    runner: &Runner,
    usual: &ParsedDays,
) -> Result<Vec<WeekTable>, Diagnostic> {
    let mut out: Vec<(WeekTable, Range<usize>)> = Vec::new();
    for (key, table) in tables.0 {
        let monday = table_monday(&key)?;
        if let Some((other, _)) = out.iter().find(|(t, _)| t.monday == monday) {
            return Err(Diagnostic::new(
                format!(
                    "weeks.\"{}\" is in the week of {}, which another table already gives",
                    key.get_ref(),
                    other.monday
                ),
                key.span(),
            )
            .with_help(Some("put every change of one week in one table".to_owned())));
        }
        let mut cutback = false;
        let mut day_entries_of_table = Vec::new();
        for (item_key, value) in table.into_inner().0 {
            let span = value.span();
            match (item_key.get_ref().as_str(), value.into_inner()) {
                ("cutback", RawWeekItem::Flag(flag)) => cutback = flag,
                ("cutback", RawWeekItem::Day(_)) => {
                    return Err(Diagnostic::new("expected true or false for cutback", span));
                }
                (_, RawWeekItem::Day(day)) => {
                    day_entries_of_table.push((item_key, Spanned::new(span, *day)));
                }
                (name, RawWeekItem::Flag(_)) => {
                    let known = ["cutback"];
                    let message = match Day::from_key(name) {
                        Some(_) => "a day is a run type or a table, not true or false".to_owned(),
                        None => format!("unknown key \"{name}\""),
                    };
                    return Err(Diagnostic::new(message, item_key.span())
                        .with_help(suggest::hint(name, known).or_else(|| {
                            Some("a week's table holds cutback and days".to_owned())
                        })));
                }
            }
        }
        // The usual days the table keeps, so a run of the table cannot overlap them.
        let replaced: Vec<Day> = day_entries_of_table
            .iter()
            .filter_map(|(k, _): &(Spanned<String>, _)| Day::from_key(k.get_ref()))
            .collect();
        let kept = usual
            .runs
            .iter()
            .filter(|(run, _)| !replaced.contains(&run.day))
            .cloned()
            .collect();
        let parsed = day_entries(day_entries_of_table, runner, kept)?;
        let days = std::array::from_fn(|i| parsed.given[i].then(|| parsed.days[i].clone()));
        out.push((
            WeekTable {
                monday,
                cutback,
                days,
            },
            key.span(),
        ));
    }
    let mut weeks: Vec<WeekTable> = out.into_iter().map(|(t, _)| t).collect();
    weeks.sort_by_key(|t| t.monday);
    Ok(weeks)
}

/// The Monday of the week a `[weeks]` key names.
fn table_monday(key: &Spanned<String>) -> Result<NaiveDate, Diagnostic> {
    let text = key.get_ref();
    let help =
        || Some("name the week by any date inside it, like [weeks.\"2027-02-01\"]".to_owned());
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(Diagnostic::new(
            format!("weeks.\"{text}\" is not a date as YYYY-MM-DD"),
            key.span(),
        )
        .with_help(help()));
    }
    let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") else {
        return Err(Diagnostic::new(
            format!("weeks.\"{text}\" is not a date in the calendar"),
            key.span(),
        ));
    };
    let monday = crate::date::monday_of(date);
    let sunday = monday + chrono::Days::new(6);
    if !crate::date::DAYS.contains(&monday) || !crate::date::DAYS.contains(&sunday) {
        return Err(Diagnostic::new(
            format!(
                "weeks.\"{text}\" is in a week outside the years 0000 to 9999 that the planner plans"
            ),
            key.span(),
        ));
    }
    Ok(monday)
}

fn day_entries(
    entries: Vec<(Spanned<String>, Spanned<RawDay>)>,
    runner: &Runner,
    mut placed: Vec<(Run, Range<usize>)>,
) -> Result<ParsedDays, Diagnostic> {
    let mut days: [DayPlan; 7] = Default::default();
    let mut seen: [Option<Range<usize>>; 7] = Default::default();
    let fixed = placed.len();
    let run_time = runner.run_time;
    for (key, value) in entries {
        let Some(day) = Day::from_key(key.get_ref()) else {
            let known = Day::KEYS.iter().chain(Day::NAMES.iter()).copied();
            return Err(
                Diagnostic::new(format!("unknown day \"{}\"", key.get_ref()), key.span())
                    .with_help(suggest::hint(key.get_ref(), known).or_else(|| {
                        Some(
                            "days are mon, tue, wed, thu, fri, sat, sun (or full names)".to_owned(),
                        )
                    })),
            );
        };
        if seen[day.index()].is_some() {
            return Err(
                Diagnostic::new(format!("{day} is given twice"), key.span()).with_help(Some(
                    "put both entries in one array: [\"easy\", \"tempo\"]".to_owned(),
                )),
            );
        }
        seen[day.index()] = Some(key.span());
        let span = value.span();
        let entries = match value.into_inner() {
            RawDay::One(entry) => vec![Spanned::new(span, entry)],
            RawDay::Many(entries) => entries,
        };
        let plan = &mut days[day.index()];
        for entry in entries {
            let span = entry.span();
            match entry.into_inner() {
                RawEntry::Name(name) => {
                    let rule = run_type(&name, span.clone())?;
                    if rule.name != "rest" {
                        let run = Run {
                            day,
                            run_type: rule.name,
                            span: Span {
                                start: WeekTime::at(day, run_time),
                                minutes: rule.default_minutes,
                            },
                            hard: rule.hard,
                            key: rule.hard
                                && (rule.key || rule.default_minutes >= rules::KEY_RUN_MINUTES),
                        };
                        check_overlap(&placed, &run, span.clone())?;
                        placed.push((run, span));
                    }
                }
                RawEntry::Table(table) => match table_entry(day, table, span.clone(), run_time)? {
                    TableEntry::Run { run, lift_allowed } => {
                        plan.lift_allowed &= lift_allowed;
                        if let Some(run) = run {
                            check_overlap(&placed, &run, span.clone())?;
                            placed.push((run, span));
                        }
                    }
                    TableEntry::Pinned(pinned) => plan.pinned.push(pinned),
                },
            }
        }
        if !plan.lift_allowed && !plan.pinned.is_empty() {
            return Err(Diagnostic::new(
                format!("{day} says lift = false but pins a strength session"),
                key.span(),
            )
            .with_help(Some("remove one of the two".to_owned())));
        }
    }
    let runs = placed.split_off(fixed);
    for (run, _) in &runs {
        days[run.day.index()].runs.push(run.clone());
    }
    for day in &mut days {
        day.runs.sort_by_key(|r| r.span.start);
        day.pinned.sort_by_key(|p| p.span.start);
    }
    Ok(ParsedDays {
        days,
        given: seen.map(|s| s.is_some()),
        runs,
    })
}

enum TableEntry {
    Run {
        run: Option<Run>,
        lift_allowed: bool,
    },
    Pinned(Pinned),
}

fn table_entry(
    day: Day,
    table: RawEntryTable,
    span: Range<usize>,
    run_time: TimeOfDay,
) -> Result<TableEntry, Diagnostic> {
    let RawEntryTable {
        run,
        strength,
        at,
        minutes,
        hard,
        key,
        lift,
    } = table;
    match (run, strength) {
        (Some(_), Some(strength)) => Err(Diagnostic::new(
            "an entry is either a run or a strength session, not both",
            strength.span(),
        )
        .with_help(Some("put the run and the session in an array: [\"easy\", { strength = \"light\", at = \"18:00\" }]".to_owned()))),
        (None, None) => Err(Diagnostic::new("missing key \"run\" or \"strength\"", span)
            .with_help(Some("write { run = \"easy\" } or { strength = \"heavy\", at = \"17:00\" }".to_owned()))),
        (Some(run_name), None) => {
            let rule = run_type(run_name.get_ref(), run_name.span())?;
            let lift_allowed = lift.is_none_or(|l| *l.get_ref());
            if rule.name == "rest" {
                if let Some(extra) = at.as_ref().map(Spanned::span).or(minutes.as_ref().map(Spanned::span)).or(hard.as_ref().map(Spanned::span)).or(key.as_ref().map(Spanned::span)) {
                    return Err(Diagnostic::new("a rest day has no time, length or hardness", extra)
                        .with_help(Some("only lift = false goes with run = \"rest\"".to_owned())));
                }
                return Ok(TableEntry::Run { run: None, lift_allowed });
            }
            let start = at.as_ref().map(time).transpose()?.unwrap_or(run_time);
            let minutes = match &minutes {
                Some(m) => in_range(Some(m), "minutes", 1..=rules::ACTIVITY_MINUTES_MAX, 0, "a run lasts at most a day")?,
                None => rule.default_minutes,
            };
            let is_key = key.as_ref().map(|k| *k.get_ref());
            if let (Some(true), Some(h)) = (is_key, &hard) {
                if !*h.get_ref() {
                    return Err(Diagnostic::new("key = true makes a run hard, so it cannot say hard = false", h.span())
                        .with_help(Some("remove hard = false, or write key = false".to_owned())));
                }
            }
            let hard = is_key == Some(true) || hard.map_or(rule.hard, |h| *h.get_ref());
            // A run is key by default when it is hard and a race or long enough: a race the
            // runner marks `hard = false` (a jog round a parkrun) is neither.
            let is_key = is_key.unwrap_or(hard && (rule.key || minutes >= rules::KEY_RUN_MINUTES));
            Ok(TableEntry::Run {
                run: Some(Run {
                    day,
                    run_type: rule.name,
                    span: Span { start: WeekTime::at(day, start), minutes },
                    hard,
                    key: is_key,
                }),
                lift_allowed,
            })
        }
        (None, Some(strength)) => {
            if let Some(extra) = hard.as_ref().map(Spanned::span).or(lift.as_ref().map(Spanned::span)).or(key.as_ref().map(Spanned::span)) {
                return Err(Diagnostic::new("\"hard\", \"key\" and \"lift\" belong to runs, not strength sessions", extra));
            }
            let kind = match strength.get_ref().as_str() {
                "heavy" => Kind::Heavy,
                "light" => Kind::Light,
                other => {
                    return Err(Diagnostic::new(format!("unknown strength kind \"{other}\""), strength.span())
                        .with_help(suggest::hint(other, ["heavy", "light"]).or_else(|| Some(one_of(&["heavy", "light"])))));
                }
            };
            let Some(at) = &at else {
                return Err(Diagnostic::new("a pinned strength session needs a start time", span)
                    .with_help(Some(format!("add at = \"HH:MM\", like {{ strength = \"{}\", at = \"17:00\" }}", kind.name()))));
            };
            let start = time(at)?;
            let minutes = match &minutes {
                Some(m) => in_range(Some(m), "minutes", 1..=rules::ACTIVITY_MINUTES_MAX, 0, "a pinned session lasts at most a day")?,
                None => rules::SESSION_MINUTES_DEFAULT,
            };
            Ok(TableEntry::Pinned(Pinned { day, kind, span: Span { start: WeekTime::at(day, start), minutes } }))
        }
    }
}

fn run_type(name: &str, span: Range<usize>) -> Result<&'static RunTypeRule, Diagnostic> {
    RUN_TYPES.iter().find(|r| r.name == name).ok_or_else(|| {
        let names = RUN_TYPES.iter().map(|r| r.name);
        let help = if matches!(name, "heavy" | "light" | "strength" | "lift" | "gym") {
            Some(
                "to pin a strength session write { strength = \"heavy\", at = \"17:00\" }"
                    .to_owned(),
            )
        } else {
            suggest::hint(name, names.clone()).or_else(|| {
                Some(format!(
                    "run types: {}",
                    names.collect::<Vec<_>>().join(", ")
                ))
            })
        };
        Diagnostic::new(format!("unknown run type \"{name}\""), span).with_help(help)
    })
}

fn check_overlap(
    placed: &[(Run, Range<usize>)],
    run: &Run,
    span: Range<usize>,
) -> Result<(), Diagnostic> {
    match placed
        .iter()
        .find(|(other, _)| other.span.overlaps(run.span))
    {
        None => Ok(()),
        Some((other, _)) => Err(Diagnostic::new(
            format!(
                "this {} run ({} {}-{}) overlaps the {} run ({} {}-{})",
                run.run_type,
                run.day,
                run.span.start.time(),
                run.span.end().time(),
                other.run_type,
                other.day,
                other.span.start.time(),
                other.span.end().time(),
            ),
            span,
        )
        .with_help(Some(
            "give each run its own time with at = \"HH:MM\"".to_owned(),
        ))),
    }
}

fn time(text: &Spanned<String>) -> Result<TimeOfDay, Diagnostic> {
    TimeOfDay::parse(text.get_ref()).map_err(|message| {
        let guess = TimeOfDay::guess(text.get_ref()).map(|t| format!("did you mean \"{t}\"?"));
        Diagnostic::new(message, text.span()).with_help(guess)
    })
}

/// Reads an optional whole number that must lie in `range`; `why` is the hint.
fn in_range(
    value: Option<&Spanned<i64>>,
    name: &str,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
    why: &str,
) -> Result<u32, Diagnostic> {
    match value {
        None => Ok(default),
        Some(value) => bounded(value, name, range).map_err(|d| d.with_help(Some(why.to_owned()))),
    }
}

/// A whole number that must lie in `range`, or an error pointing at it.
pub(crate) fn bounded(
    value: &Spanned<i64>,
    name: &str,
    range: std::ops::RangeInclusive<u32>,
) -> Result<u32, Diagnostic> {
    let n = *value.get_ref();
    u32::try_from(n)
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            Diagnostic::new(
                format!(
                    "{name} = {n} is out of range ({}..={})",
                    range.start(),
                    range.end()
                ),
                value.span(),
            )
        })
}

fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    format!("use one of {}", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Schedule {
        Schedule::parse(text, Overrides::default()).unwrap_or_else(|d| panic!("{d:?}"))
    }

    fn error(text: &str) -> Diagnostic {
        Schedule::parse(text, Overrides::default()).expect_err("invalid schedule")
    }

    #[test]
    fn an_empty_file_is_a_rest_week_with_every_default() {
        let s = parse("");
        assert_eq!(s.week_of, None);
        assert_eq!(s.runner.level, Level::Intermediate);
        assert_eq!(s.runner.sessions, 3);
        assert_eq!(s.runner.session_minutes, 40);
        assert_eq!(s.runner.run_time.to_string(), "07:00");
        assert_eq!(s.runner.window_start.to_string(), "06:00");
        assert_eq!(s.runner.window_end.to_string(), "21:00");
        assert_eq!(s.runner.preferred_lift_time.to_string(), "18:00");
        assert_eq!(s.runner.units, Units::Kg);
        assert_eq!(s.runner.high_volume_minutes, 360);
        assert!(s.days.iter().all(|d| d.runs.is_empty() && d.lift_allowed));
    }

    #[test]
    fn shorthand_runs_start_at_run_time_with_their_default_length() {
        let s = parse("[runner]\nrun_time = \"06:15\"\n[week]\nwed = \"easy\"\nsat = \"long\"\n");
        let wed = &s.days[Day::Wed.index()].runs[0];
        assert_eq!(
            (
                wed.span.start.time().to_string(),
                wed.span.minutes,
                wed.hard
            ),
            ("06:15".into(), 45, false)
        );
        let sat = &s.days[Day::Sat.index()].runs[0];
        assert_eq!((sat.span.minutes, sat.hard), (120, true));
    }

    #[test]
    fn full_day_names_and_hard_overrides_are_accepted() {
        let s = parse(
            "[week]\nTuesday = { run = \"long\", hard = false }\nfriday = { run = \"easy\", hard = true }\n",
        );
        assert!(!s.days[Day::Tue.index()].runs[0].hard);
        assert!(s.days[Day::Fri.index()].runs[0].hard);
    }

    #[test]
    fn doubles_are_sorted_and_lift_false_is_kept() {
        let s = parse(
            "[week]\nthu = [{ run = \"tempo\", at = \"18:00\" }, { run = \"easy\", at = \"07:00\", minutes = 30 }]\nfri = { run = \"rest\", lift = false }\n",
        );
        let thu: Vec<&str> = s.days[Day::Thu.index()]
            .runs
            .iter()
            .map(|r| r.run_type)
            .collect();
        assert_eq!(thu, ["easy", "tempo"]);
        assert!(!s.days[Day::Fri.index()].lift_allowed);
        assert!(s.days[Day::Fri.index()].runs.is_empty());
    }

    #[test]
    fn pinned_sessions_keep_kind_time_and_length() {
        let s = parse("[week]\nsun = [\"easy\", { strength = \"heavy\", at = \"17:00\" }]\n");
        let pinned: Vec<&Pinned> = s.pinned().collect();
        assert_eq!(pinned.len(), 1);
        assert_eq!(
            (pinned[0].day, pinned[0].kind, pinned[0].span.minutes),
            (Day::Sun, Kind::Heavy, 40)
        );
    }

    #[test]
    fn lifts_are_given_or_estimated_with_epley() {
        let s = parse("[lifts]\nback_squat = 100\nromanian_deadlift = { weight = 90, reps = 6 }\n");
        assert_eq!(s.lifts[0].one_rep_max, 100.0);
        assert!((s.lifts[1].one_rep_max - 108.0).abs() < 1e-9);
        assert_eq!(s.lifts[1].estimated_from, Some((90.0, 6)));
    }

    #[test]
    fn overrides_replace_the_file_and_are_checked_against_the_window() {
        let text =
            "[runner]\nsessions = 3\nsession_minutes = 30\nlift_window = [\"18:00\", \"18:40\"]\n";
        let s = Schedule::parse(
            text,
            Overrides {
                sessions: Some(2),
                session_minutes: Some(40),
            },
        )
        .expect("40 fits in 40");
        assert_eq!((s.runner.sessions, s.runner.session_minutes), (2, 40));
        let d = Schedule::parse(
            text,
            Overrides {
                sessions: None,
                session_minutes: Some(45),
            },
        )
        .expect_err("45 does not fit in 40");
        assert!(
            d.message.contains("holds no 45 min session"),
            "{}",
            d.message
        );
    }

    #[test]
    fn errors_point_at_the_offending_text() {
        let text = "[week]\ntue = { run = \"tempoo\" }\n";
        let d = error(text);
        assert_eq!(&text[d.span.clone().expect("has a span")], "\"tempoo\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"tempo\"?"));
    }

    #[test]
    fn a_run_crossing_midnight_overlaps_the_next_days_first_run() {
        let d = error(
            "[week]\nsat = { run = \"long\", at = \"23:00\", minutes = 120 }\nsun = { run = \"easy\", at = \"00:30\" }\n",
        );
        assert!(
            d.message
                .starts_with("this easy run (sun 00:30-01:15) overlaps the long run"),
            "{}",
            d.message
        );
    }
}
