//! The runner's usual week, validated: what the planner plans around.
//!
//! `Schedule::parse` is the one place raw TOML becomes domain types. Every rule of
//! input is checked here, and each failure is a [`Diagnostic`] pointing at the
//! offending text; nothing raw travels deeper.

use std::ops::Range;

use crate::date::Date;
/// The keys a schedule file may hold, by table, as the parser reads them.
pub use crate::raw::{ENTRY_KEYS, RUNNER_KEYS, SET_KEYS, TOP_KEYS};
use toml::Spanned;

use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::day::Day;
use crate::diagnostic::{Collector, Diagnostic, Diagnostics};
use crate::lift::{LIFT_KEYS, Lift, Units, epley_one_rep_max};
use crate::raw::{
    self, Entries, RawDay, RawEntry, RawEntryTable, RawLift, RawRunner, RawSchedule, RawWeekItem,
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
    pub monday: Date,
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
    pub week_of: Option<Date>,
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
    /// Parses and validates a schedule file's text. Every independent error is
    /// reported at once, in the order of the file; a TOML syntax error stops the
    /// reading, so it comes alone.
    pub fn parse(text: &str, overrides: Overrides) -> Result<Schedule, Diagnostics> {
        let mut errors = Collector::default();
        let schedule =
            raw::read(text, &mut errors).map(|raw| Schedule::from_raw(raw, overrides, &mut errors));
        match errors.finish(schedule)? {
            Some(schedule) => Ok(schedule),
            // `read` gives nothing only with its error recorded; this is not reached.
            None => Err(Diagnostic::whole_file("the file could not be read").into()),
        }
    }

    /// Checks every part of `raw` on its own, recording what is wrong: a part that is
    /// wrong is left out (or its default stands in) so that the rest is still checked,
    /// and a check that depends on it is skipped rather than made against a guess.
    fn from_raw(raw: RawSchedule, overrides: Overrides, errors: &mut Collector) -> Schedule {
        let (runner, run_time) = runner(raw.runner, overrides, errors);
        let week_of = raw.week_of.and_then(|d| errors.take(week_of(d)));
        let lifts = lifts(raw.lifts, errors);
        let usual = day_entries(raw.week, run_time, Vec::new(), errors);
        let weeks = weeks(raw.weeks, run_time, &usual, errors);
        Schedule {
            week_of,
            runner,
            lifts,
            days: usual.days,
            weeks,
            cutback: false,
        }
    }

    /// The week of `monday`: the usual week with that week's `[weeks]` table applied.
    pub fn in_week(&self, monday: Date) -> Schedule {
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

fn week_of(date: Spanned<toml::value::Datetime>) -> Result<Date, Diagnostic> {
    let span = date.span();
    let value = date.into_inner();
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => i16::try_from(d.year)
            .ok()
            .and_then(|year| Date::new(year, d.month as i8, d.day as i8).ok())
            .ok_or_else(|| {
                let why = crate::date::why_not_a_date(&value.to_string())
                    .unwrap_or_else(|| "it is not in the calendar".to_owned());
                Diagnostic::new(format!("{value} does not exist: {why}"), span)
            }),
        _ => Err(
            Diagnostic::new(format!("week_of must be a date, not \"{value}\""), span)
                .with_help(Some("write a plain date such as 2026-11-30".to_owned())),
        ),
    }
}

/// The runner's settings, each checked on its own: a wrong one is recorded and its
/// default stands in, so the others are still checked. Also the start of runs that
/// give no `at`, `None` when `run_time` is wrong: no run may be placed by a guess.
fn runner(
    raw: RawRunner,
    overrides: Overrides,
    errors: &mut Collector,
) -> (Runner, Option<TimeOfDay>) {
    let level = raw
        .level
        .as_ref()
        .and_then(|level| errors.take(self::level(level)))
        .unwrap_or(Level::Intermediate);
    let sessions = match overrides.sessions {
        Some(n) => n,
        None => errors
            .take(in_range(
                raw.sessions.as_ref(),
                "sessions",
                u32::from(rules::SESSIONS_MIN)..=u32::from(rules::SESSIONS_MAX),
                u32::from(rules::SESSIONS_DEFAULT),
                &format!(
                    "the rules call for {} or {} strength sessions a week",
                    rules::SESSIONS_MIN,
                    rules::SESSIONS_MAX
                ),
            ))
            .map_or(rules::SESSIONS_DEFAULT, |n| n as u8),
    };
    // Known unless the file gives a value that is wrong: the window is measured by it.
    let session_minutes = match overrides.session_minutes {
        Some(n) => Some(n),
        None if raw.unreadable.contains(&"session_minutes") => None,
        None => errors.take(in_range(
            raw.session_minutes.as_ref(),
            "session_minutes",
            rules::SESSION_MINUTES_MIN..=rules::SESSION_MINUTES_MAX,
            rules::SESSION_MINUTES_DEFAULT,
            &format!(
                "a session lasts {} to {} minutes",
                rules::SESSION_MINUTES_MIN,
                rules::SESSION_MINUTES_MAX
            ),
        )),
    };
    let high_volume_minutes = errors
        .take(in_range(
            raw.high_volume_minutes.as_ref(),
            "high_volume_minutes",
            0..=rules::WEEK_MINUTES,
            rules::HIGH_VOLUME_MINUTES_DEFAULT,
            "weekly run minutes, at most the minutes of a week",
        ))
        .unwrap_or(rules::HIGH_VOLUME_MINUTES_DEFAULT);
    let mut time_or = |value: &Option<Spanned<String>>, default: u32| match value {
        Some(text) => errors.take(time(text)),
        None => Some(TimeOfDay::wrapping(default)),
    };
    let preferred_lift_time = time_or(&raw.preferred_lift_time, rules::PREFERRED_LIFT_TIME_DEFAULT)
        .unwrap_or(TimeOfDay::wrapping(rules::PREFERRED_LIFT_TIME_DEFAULT));
    let run_time = time_or(&raw.run_time, rules::RUN_TIME_DEFAULT)
        .filter(|_| !raw.unreadable.contains(&"run_time"));
    let default_window = (
        TimeOfDay::wrapping(rules::LIFT_WINDOW_START_DEFAULT),
        TimeOfDay::wrapping(rules::LIFT_WINDOW_END_DEFAULT),
    );
    let (window_start, window_end) = raw
        .lift_window
        .as_ref()
        .map_or(Some(default_window), |window| {
            lift_window(window, session_minutes, errors)
        })
        .unwrap_or(default_window);
    let units = raw
        .units
        .as_ref()
        .and_then(|units| errors.take(self::units(units)))
        .unwrap_or(Units::Kg);
    let timezone = raw
        .timezone
        .as_ref()
        .and_then(|zone| errors.take(self::zone(zone)));
    let heavy_max = errors
        .take(in_range(
            raw.heavy_max.as_ref(),
            "heavy_max",
            u32::from(rules::HEAVY_MAX_MIN)..=u32::from(rules::SESSIONS_MAX),
            u32::from(rules::HEAVY_MAX_DEFAULT),
            "at most 1 to 3 heavy sessions a week; two build strength, a third steals recovery",
        ))
        .map_or(rules::HEAVY_MAX_DEFAULT, |n| n as u8);
    let changeover_minutes = errors
        .take(in_range(
            raw.changeover_minutes.as_ref(),
            "changeover_minutes",
            0..=rules::CHANGEOVER_MINUTES_MAX,
            rules::CHANGEOVER_MINUTES_DEFAULT,
            &format!(
                "minutes between a session and a run, at most {}",
                rules::CHANGEOVER_MINUTES_MAX
            ),
        ))
        .unwrap_or(rules::CHANGEOVER_MINUTES_DEFAULT);
    let hard_days = raw
        .hard_days
        .as_ref()
        .and_then(|value| errors.take(self::hard_days(value)))
        .unwrap_or(HardDays::Never);
    let equipment = match &raw.equipment {
        None => crate::equipment::Equipment::ALL,
        // Each name on its own, so that two misspelt names are two errors.
        Some(names) => names
            .get_ref()
            .iter()
            .filter_map(|name| {
                errors.take(crate::equipment::from_names(std::slice::from_ref(name)))
            })
            .flat_map(crate::equipment::Equipment::items)
            .collect(),
    };
    let runner = Runner {
        level,
        sessions,
        session_minutes: session_minutes.unwrap_or(rules::SESSION_MINUTES_DEFAULT),
        run_time: run_time.unwrap_or(TimeOfDay::wrapping(rules::RUN_TIME_DEFAULT)),
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
    };
    (runner, run_time)
}

fn level(level: &Spanned<String>) -> Result<Level, Diagnostic> {
    match level.get_ref().as_str() {
        "novice" => Ok(Level::Novice),
        "intermediate" => Ok(Level::Intermediate),
        "advanced" => Ok(Level::Advanced),
        other => {
            let known = ["novice", "intermediate", "advanced"];
            // The word most runners use for the level the file calls novice.
            let alias = matches!(other, "beginner" | "newbie" | "new")
                .then(|| "did you mean \"novice\"?".to_owned());
            Err(
                Diagnostic::new(format!("unknown level \"{other}\""), level.span()).with_help(
                    alias
                        .or_else(|| suggest::hint(other, known))
                        .or_else(|| Some(one_of(&known))),
                ),
            )
        }
    }
}

/// `lift_window`: two times, the window they make long enough for a session of
/// `session_minutes` (not measured when those are wrong themselves).
fn lift_window(
    window: &Spanned<Vec<Spanned<String>>>,
    session_minutes: Option<u32>,
    errors: &mut Collector,
) -> Option<(TimeOfDay, TimeOfDay)> {
    let [start, end] = window.get_ref().as_slice() else {
        errors.push(
            Diagnostic::new(
                format!(
                    "lift_window needs two times, found {}",
                    window.get_ref().len()
                ),
                window.span(),
            )
            .with_help(Some("write it as [\"06:00\", \"21:00\"]".to_owned())),
        );
        return None;
    };
    let (start, end) = (errors.take(time(start)), errors.take(time(end)));
    let (start, end) = (start?, end?);
    if end == start {
        errors.push(
            Diagnostic::new(
                format!("lift_window starts and ends at {start}"),
                window.span(),
            )
            .with_help(Some(
                "give the earliest start first and the latest end second; a start later than the end is a night window".to_owned(),
            )),
        );
        return None;
    }
    if let Some(session_minutes) = session_minutes {
        let length = window_length(start, end);
        let first = start.minutes().div_ceil(rules::START_GRID) * rules::START_GRID;
        if first + session_minutes > start.minutes() + length {
            let night = if end < start { "night " } else { "" };
            errors.push(
                Diagnostic::new(
                    format!(
                        "{night}lift_window {start}-{end} holds no {session_minutes} min session starting on the quarter hour"
                    ),
                    window.span(),
                )
                .with_help(Some("widen the window or shorten session_minutes".to_owned())),
            );
            return None;
        }
    }
    Some((start, end))
}

fn units(units: &Spanned<String>) -> Result<Units, Diagnostic> {
    match units.get_ref().as_str() {
        "kg" => Ok(Units::Kg),
        "lb" => Ok(Units::Lb),
        other => {
            let help = match other {
                "lbs" | "pounds" | "pound" => "write \"lb\"".to_owned(),
                "kgs" | "kilograms" | "kilos" => "write \"kg\"".to_owned(),
                _ => one_of(&["kg", "lb"]),
            };
            Err(
                Diagnostic::new(format!("unknown units \"{other}\""), units.span())
                    .with_help(Some(help)),
            )
        }
    }
}

fn zone(zone: &Spanned<String>) -> Result<Zone, Diagnostic> {
    let name = zone.get_ref();
    Zone::named(name).ok_or_else(|| {
        let names: Vec<String> = Zone::names().collect();
        let help = suggest::hint(name, names.iter().map(String::as_str))
            .unwrap_or_else(|| ZONE_HELP.to_owned());
        Diagnostic::new(format!("unknown time zone \"{name}\""), zone.span()).with_help(Some(help))
    })
}

fn hard_days(value: &Spanned<String>) -> Result<HardDays, Diagnostic> {
    match value.get_ref().as_str() {
        "never" => Ok(HardDays::Never),
        "after-run" => Ok(HardDays::AfterRun),
        other => {
            let known = ["never", "after-run"];
            Err(
                Diagnostic::new(format!("unknown hard_days \"{other}\""), value.span())
                    .with_help(suggest::hint(other, known).or_else(|| Some(one_of(&known)))),
            )
        }
    }
}

/// The lifts under `[lifts]`; each wrong one is recorded and left out.
fn lifts(entries: Entries<RawLift>, errors: &mut Collector) -> Vec<Lift> {
    entries
        .into_iter()
        .filter_map(|(key, value)| errors.take(lift(&key, value)))
        .collect()
}

fn lift(key: &Spanned<String>, value: Spanned<RawLift>) -> Result<Lift, Diagnostic> {
    let Some(&known) = LIFT_KEYS.iter().find(|k| **k == key.get_ref()) else {
        return Err(
            Diagnostic::new(format!("unknown lift \"{}\"", key.get_ref()), key.span()).with_help(
                suggest::hint(key.get_ref(), LIFT_KEYS.iter().copied())
                    .or_else(|| Some(format!("known lifts: {}", LIFT_KEYS.join(", ")))),
            ),
        );
    };
    let span = value.span();
    Ok(match value.into_inner() {
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
    })
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

/// The `[weeks."DATE"]` tables: each a week of the calendar, at most one table a week.
fn weeks(
    tables: Vec<(Spanned<String>, Entries<RawWeekItem>)>,
    run_time: Option<TimeOfDay>,
    usual: &ParsedDays,
    errors: &mut Collector,
) -> Vec<WeekTable> {
    let mut weeks: Vec<WeekTable> = Vec::new();
    for (key, table) in tables {
        let mut monday = errors.take(table_monday(&key));
        if let Some(other) = monday.and_then(|m| weeks.iter().find(|t| t.monday == m)) {
            errors.push(
                Diagnostic::new(
                    format!(
                        "weeks.\"{}\" is in the week of {}, which another table already gives",
                        key.get_ref(),
                        other.monday
                    ),
                    key.span(),
                )
                .with_help(Some("put every change of one week in one table".to_owned())),
            );
            monday = None;
        }
        let before = errors.count();
        let mut cutback = false;
        let mut day_entries_of_table = Vec::new();
        for (item_key, value) in table {
            let span = value.span();
            match (item_key.get_ref().as_str(), value.into_inner()) {
                ("cutback", RawWeekItem::Flag(flag)) => cutback = flag,
                ("cutback", RawWeekItem::Day(_)) => {
                    errors.push(Diagnostic::new("expected true or false for cutback", span));
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
                    errors.push(
                        Diagnostic::new(message, item_key.span()).with_help(
                            suggest::hint(name, known).or_else(|| {
                                Some("a week's table holds cutback and days".to_owned())
                            }),
                        ),
                    );
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
        let parsed = day_entries(day_entries_of_table, run_time, kept, errors);
        if let Some(monday) = monday.filter(|_| errors.count() == before) {
            let days = std::array::from_fn(|i| parsed.given[i].then(|| parsed.days[i].clone()));
            weeks.push(WeekTable {
                monday,
                cutback,
                days,
            });
        }
    }
    weeks.sort_by_key(|t| t.monday);
    weeks
}

/// The Monday of the week a `[weeks]` key names.
fn table_monday(key: &Spanned<String>) -> Result<Date, Diagnostic> {
    let text = key.get_ref();
    if !crate::date::is_date_shaped(text) {
        return Err(Diagnostic::new(
            format!("weeks.\"{text}\" is not a date as YYYY-MM-DD"),
            key.span(),
        )
        .with_help(Some(
            "name the week by any date inside it, like [weeks.\"2027-02-01\"]".to_owned(),
        )));
    }
    let Some(date) = crate::date::parse(text) else {
        let why = crate::date::why_not_a_date(text)
            .unwrap_or_else(|| "it is not in the calendar".to_owned());
        return Err(Diagnostic::new(
            format!("{text} does not exist: {why}"),
            key.span(),
        ));
    };
    let monday = crate::date::monday_of(date);
    let sunday = crate::date::add_days(monday, 6);
    if !crate::date::DAYS.contains(&monday) || !crate::date::DAYS.contains(&sunday) {
        return Err(Diagnostic::new(
            format!(
                "weeks.\"{text}\" is in a week outside the years {} that the planner plans",
                crate::date::years()
            ),
            key.span(),
        ));
    }
    Ok(monday)
}

/// The days of `[week]` or of one `[weeks]` table. Every entry is checked, and
/// only what is right joins the week: a day whose name is wrong or given twice is
/// checked and left out, and a run is checked against the others only when its
/// start is known (its `at`, or a `run_time` that is right).
fn day_entries(
    entries: Entries<RawDay>,
    run_time: Option<TimeOfDay>,
    mut placed: Vec<(Run, Range<usize>)>,
    errors: &mut Collector,
) -> ParsedDays {
    let mut days: [DayPlan; 7] = Default::default();
    let mut seen: [Option<Range<usize>>; 7] = Default::default();
    let fixed = placed.len();
    for (key, value) in entries {
        let day = Day::from_key(key.get_ref());
        match day {
            None => {
                let known = Day::KEYS.iter().chain(Day::NAMES.iter()).copied();
                errors.push(
                    Diagnostic::new(format!("unknown day \"{}\"", key.get_ref()), key.span())
                        .with_help(suggest::hint(key.get_ref(), known).or_else(|| {
                            Some(
                                "days are mon, tue, wed, thu, fri, sat, sun (or full names)"
                                    .to_owned(),
                            )
                        })),
                );
            }
            Some(day) if seen[day.index()].is_some() => errors.push(
                Diagnostic::new(format!("{day} is given twice"), key.span()).with_help(Some(
                    "put both entries in one array: [\"easy\", \"tempo\"]".to_owned(),
                )),
            ),
            Some(day) => seen[day.index()] = Some(key.span()),
        }
        // A day that cannot join the week is still checked, as Monday, apart.
        let joins = day.is_some_and(|d| seen[d.index()].as_ref() == Some(&key.span()));
        let day = day.unwrap_or(Day::Mon);
        let span = value.span();
        let entries = match value.into_inner() {
            RawDay::One(entry) => vec![Spanned::new(span, entry)],
            RawDay::Many(entries) => entries,
        };
        let mut plan = DayPlan::default();
        let mut runs = Vec::new();
        for entry in entries {
            let span = entry.span();
            let (run, pinned) = match entry.into_inner() {
                RawEntry::Name(name) => {
                    let run = errors.take(run_type(&name, span.clone())).and_then(|rule| {
                        let start = run_time?;
                        (rule.name != "rest").then(|| Run {
                            day,
                            run_type: rule.name,
                            span: Span {
                                start: WeekTime::at(day, start),
                                minutes: rule.default_minutes,
                            },
                            hard: rule.hard,
                            key: rule.hard
                                && (rule.key || rule.default_minutes >= rules::KEY_RUN_MINUTES),
                        })
                    });
                    (run, None)
                }
                RawEntry::Table(table) => {
                    match table_entry(day, *table, span.clone(), run_time, errors) {
                        Some(TableEntry::Run { run, lift_allowed }) => {
                            plan.lift_allowed &= lift_allowed;
                            (run, None)
                        }
                        Some(TableEntry::Pinned(pinned)) => (None, Some(pinned)),
                        None => (None, None),
                    }
                }
            };
            plan.pinned.extend(pinned);
            if let Some(run) = run {
                runs.push((run, span));
            }
        }
        if !plan.lift_allowed && !plan.pinned.is_empty() {
            errors.push(
                Diagnostic::new(
                    format!("{day} says lift = false but pins a strength session"),
                    key.span(),
                )
                .with_help(Some("remove one of the two".to_owned())),
            );
        }
        if joins {
            for (run, span) in runs {
                if errors
                    .take(check_overlap(&placed, &run, span.clone()))
                    .is_some()
                {
                    placed.push((run, span));
                }
            }
            days[day.index()] = plan;
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
    ParsedDays {
        days,
        given: seen.map(|s| s.is_some()),
        runs,
    }
}

enum TableEntry {
    Run {
        run: Option<Run>,
        lift_allowed: bool,
    },
    Pinned(Pinned),
}

/// A run or pinned-session table, every value checked; `None` when anything in it
/// is wrong (the errors recorded) or a run's start is not known.
fn table_entry(
    day: Day,
    table: RawEntryTable,
    span: Range<usize>,
    run_time: Option<TimeOfDay>,
    errors: &mut Collector,
) -> Option<TableEntry> {
    let RawEntryTable {
        run,
        strength,
        at,
        minutes,
        hard,
        key,
        lift,
        damaged,
    } = table;
    let before = errors.count();
    let entry = match (run, strength) {
        (Some(_), Some(strength)) => {
            errors.push(Diagnostic::new(
                "an entry is either a run or a strength session, not both",
                strength.span(),
            )
            .with_help(Some("put the run and the session in an array: [\"easy\", { strength = \"light\", at = \"18:00\" }]".to_owned())));
            None
        }
        (None, None) => {
            // An unknown key or a value that could not be read may be the missing one.
            if !damaged {
                errors.push(
                    Diagnostic::new("missing key \"run\" or \"strength\"", span).with_help(Some(
                        "write { run = \"easy\" } or { strength = \"heavy\", at = \"17:00\" }"
                            .to_owned(),
                    )),
                );
            }
            None
        }
        (Some(run_name), None) => {
            let rule = errors.take(run_type(run_name.get_ref(), run_name.span()));
            let lift_allowed = lift.is_none_or(|l| *l.get_ref());
            if rule.is_some_and(|r| r.name == "rest") {
                if let Some(extra) = at
                    .as_ref()
                    .map(Spanned::span)
                    .or(minutes.as_ref().map(Spanned::span))
                    .or(hard.as_ref().map(Spanned::span))
                    .or(key.as_ref().map(Spanned::span))
                {
                    errors.push(
                        Diagnostic::new("a rest day has no time, length or hardness", extra)
                            .with_help(Some(
                                "only lift = false goes with run = \"rest\"".to_owned(),
                            )),
                    );
                }
                return (errors.count() == before && !damaged).then_some(TableEntry::Run {
                    run: None,
                    lift_allowed,
                });
            }
            let start = match &at {
                Some(at) => errors.take(time(at)),
                None => run_time,
            };
            let minutes = match &minutes {
                Some(m) => errors.take(in_range(
                    Some(m),
                    "minutes",
                    1..=rules::ACTIVITY_MINUTES_MAX,
                    0,
                    "a run lasts at most a day",
                )),
                None => rule.map(|r| r.default_minutes),
            };
            let is_key = key.as_ref().map(|k| *k.get_ref());
            if let (Some(true), Some(h)) = (is_key, &hard) {
                if !*h.get_ref() {
                    errors.push(
                        Diagnostic::new(
                            "key = true makes a run hard, so it cannot say hard = false",
                            h.span(),
                        )
                        .with_help(Some("remove hard = false, or write key = false".to_owned())),
                    );
                }
            }
            match (rule, start, minutes) {
                (Some(rule), Some(start), Some(minutes)) => {
                    let hard = is_key == Some(true) || hard.map_or(rule.hard, |h| *h.get_ref());
                    // A run is key by default when it is hard and a race or long enough: a race the
                    // runner marks `hard = false` (a jog round a parkrun) is neither.
                    let is_key =
                        is_key.unwrap_or(hard && (rule.key || minutes >= rules::KEY_RUN_MINUTES));
                    Some(TableEntry::Run {
                        run: Some(Run {
                            day,
                            run_type: rule.name,
                            span: Span {
                                start: WeekTime::at(day, start),
                                minutes,
                            },
                            hard,
                            key: is_key,
                        }),
                        lift_allowed,
                    })
                }
                _ => None,
            }
        }
        (None, Some(strength)) => {
            if let Some(extra) = hard
                .as_ref()
                .map(Spanned::span)
                .or(lift.as_ref().map(Spanned::span))
                .or(key.as_ref().map(Spanned::span))
            {
                errors.push(Diagnostic::new(
                    "\"hard\", \"key\" and \"lift\" belong to runs, not strength sessions",
                    extra,
                ));
            }
            let kind = match strength.get_ref().as_str() {
                "heavy" => Some(Kind::Heavy),
                "light" => Some(Kind::Light),
                other => {
                    errors.push(
                        Diagnostic::new(
                            format!("unknown strength kind \"{other}\""),
                            strength.span(),
                        )
                        .with_help(
                            suggest::hint(other, ["heavy", "light"])
                                .or_else(|| Some(one_of(&["heavy", "light"]))),
                        ),
                    );
                    None
                }
            };
            let start = match &at {
                Some(at) => errors.take(time(at)),
                None => {
                    if !damaged {
                        let kind = kind.map_or("heavy", Kind::name);
                        errors.push(Diagnostic::new("a pinned strength session needs a start time", span.clone())
                            .with_help(Some(format!("add at = \"HH:MM\", like {{ strength = \"{kind}\", at = \"17:00\" }}"))));
                    }
                    None
                }
            };
            let minutes = match &minutes {
                Some(m) => errors.take(in_range(
                    Some(m),
                    "minutes",
                    1..=rules::ACTIVITY_MINUTES_MAX,
                    0,
                    "a pinned session lasts at most a day",
                )),
                None => Some(rules::SESSION_MINUTES_DEFAULT),
            };
            match (kind, start, minutes) {
                (Some(kind), Some(start), Some(minutes)) => Some(TableEntry::Pinned(Pinned {
                    day,
                    kind,
                    span: Span {
                        start: WeekTime::at(day, start),
                        minutes,
                    },
                })),
                _ => None,
            }
        }
    };
    entry.filter(|_| errors.count() == before && !damaged)
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
        Schedule::parse(text, Overrides::default())
            .expect_err("invalid schedule")
            .first()
            .clone()
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
            d.first().message.contains("holds no 45 min session"),
            "{}",
            d.first().message
        );
    }

    #[test]
    fn errors_point_at_the_offending_text() {
        let text = "[week]\ntue = { run = \"tempoo\" }\n";
        let d = error(text);
        assert_eq!(&text[d.span.clone().expect("has a span")], "\"tempoo\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"tempo\"?"));
    }

    /// Every error of `text`, as `line: message`, in the order reported.
    fn errors(text: &str) -> Vec<String> {
        let errors = Schedule::parse(text, Overrides::default()).expect_err("invalid schedule");
        let source = crate::diagnostic::Source {
            name: "s.toml",
            text,
        };
        errors
            .iter()
            .map(|d| {
                let line = d.span.as_ref().map_or(0, |s| source.position(s.start).line);
                format!("{line}: {}", d.message)
            })
            .collect()
    }

    #[test]
    fn independent_errors_are_all_reported_in_file_order() {
        let text = "[week]\nwed = \"jog\"\n[runner]\nlevel = \"beginner\"\nsesions = 3\n";
        assert_eq!(
            errors(text),
            [
                "2: unknown run type \"jog\"",
                "4: unknown level \"beginner\"",
                "5: unknown key \"sesions\""
            ]
        );
    }

    #[test]
    fn two_wrong_values_in_one_entry_are_two_errors() {
        assert_eq!(
            errors("[week]\ntue = { run = \"tempoo\", at = \"25:00\", minutes = \"60\" }\n"),
            [
                "2: unknown run type \"tempoo\"",
                "2: time \"25:00\" is out of range (00:00 to 23:59)",
                "2: expected a whole number, found string \"60\""
            ]
        );
    }

    #[test]
    fn a_misspelt_key_is_not_also_reported_missing() {
        assert_eq!(
            errors(
                "[week]\nsun = { strength = \"heavy\", time = \"17:00\" }\nmon = { rn = \"easy\" }\n"
            ),
            ["2: unknown key \"time\"", "3: unknown key \"rn\""]
        );
    }

    #[test]
    fn a_wrong_run_time_places_no_run_by_a_guess() {
        // With 07:00 in its place the two runs would overlap: that is not reported.
        let text = "[runner]\nrun_time = \"7am\"\n[week]\nthu = [\"easy\", { run = \"tempo\", at = \"07:30\" }]\n";
        assert_eq!(
            errors(text),
            ["2: time \"7am\" is not HH:MM (24-hour, like \"07:30\")"]
        );
        let text = "[runner]\nrun_time = 7\n[week]\nthu = [\"easy\", \"tempo\"]\n";
        assert_eq!(
            errors(text),
            ["2: expected a string in quotes, found integer `7`"]
        );
    }

    #[test]
    fn a_wrong_session_length_does_not_measure_the_window() {
        let text = "[runner]\nsession_minutes = 60\nlift_window = [\"18:00\", \"18:40\"]\n";
        assert_eq!(
            errors(text),
            ["2: session_minutes = 60 is out of range (30..=45)"]
        );
        let text = "[runner]\nsession_minutes = \"forty\"\nlift_window = [\"18:00\", \"18:40\"]\n";
        assert_eq!(errors(text).len(), 1);
    }

    #[test]
    fn a_day_given_twice_or_misnamed_is_still_checked() {
        let text = "[week]\nmon = \"easy\"\nmonday = \"jog\"\ntues = \"tempoo\"\n";
        assert_eq!(
            errors(text),
            [
                "3: mon is given twice",
                "3: unknown run type \"jog\"",
                "4: unknown day \"tues\"",
                "4: unknown run type \"tempoo\""
            ]
        );
    }

    #[test]
    fn every_misspelt_equipment_and_lift_is_reported() {
        let text = "[runner]\nequipment = [\"barbel\", \"bench\", \"kettlebells\"]\n[lifts]\nsquat = 100\nback_squat = { weight = 80 }\ndeadlift = -1\n";
        assert_eq!(
            errors(text),
            [
                "2: unknown equipment \"barbel\"",
                "2: unknown equipment \"kettlebells\"",
                "4: unknown lift \"squat\"",
                "5: missing key \"reps\"",
                "6: unknown lift \"deadlift\""
            ]
        );
    }

    #[test]
    fn a_weeks_table_with_a_wrong_date_still_has_its_days_checked() {
        let text = "[weeks.\"2027-02-30\"]\ncutback = \"yes\"\nsat = \"rce\"\n";
        assert_eq!(
            errors(text),
            [
                "1: 2027-02-30 does not exist: February 2027 has 28 days",
                "2: expected true or false for cutback",
                "3: unknown run type \"rce\""
            ]
        );
    }

    #[test]
    fn a_toml_time_or_date_where_a_string_goes_says_what_it_is() {
        let d = error("[week]\ntue = { run = \"tempo\", at = 06:30 }\n");
        assert_eq!(d.message, "expected a string in quotes, found time `06:30`");
        assert_eq!(
            d.help.as_deref(),
            Some("write the time in quotes: \"06:30\"")
        );
        let d = error("[week]\nmon = 2026-11-30\n");
        assert_eq!(
            d.message,
            "expected a run type (like \"easy\"), a table, or an array of them, found date `2026-11-30`"
        );
        let d = error("runner = 2026-11-30T07:00:00\n");
        assert_eq!(
            d.message,
            "expected a table of runner settings, found date-time `2026-11-30T07:00:00`"
        );
    }

    #[test]
    fn a_syntax_error_comes_alone() {
        assert_eq!(
            errors("[week]\nmon = \"jog\"\ntue = \n"),
            ["3: string values must be quoted, expected literal string"]
        );
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
