//! Every rule of a schedule file's input, checked on the serde mirror (`raw.rs`)
//! and turned into the domain types of `schedule`: one function per part of the file,
//! each recording what is wrong and going on, so one run reports every error.

use std::ops::Range;

use toml::Spanned;

use super::raw::{
    Entries, RawDay, RawEntry, RawEntryTable, RawLift, RawRunner, RawSchedule, RawWeekItem,
};
use super::{
    DayPlan, HardDays, Kind, Level, Overrides, Pinned, Run, Runner, Schedule, WeekTable,
    window_length,
};
use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::date::Date;
use crate::day::Day;
use crate::diagnostic::{Collector, Diagnostic};
use crate::lift::{LIFT_KEYS, Lift, Units, epley_one_rep_max};
use crate::rules::{self, RUN_TYPES, RunTypeRule};
use crate::suggest;
use crate::zone::Zone;

/// Checks every part of `raw` on its own, recording what is wrong: a part that is
/// wrong is left out (or its default stands in) so that the rest is still checked,
/// and a check that depends on it is skipped rather than made against a guess.
pub(super) fn schedule(raw: RawSchedule, overrides: Overrides, errors: &mut Collector) -> Schedule {
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
                Some(m) => errors.take(entry_minutes(m, "a run lasts at most a day")),
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
                Some(m) => errors.take(entry_minutes(m, "a pinned session lasts at most a day")),
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

/// An entry's `minutes`: 1 up to a day, `why` as the help when out of range.
fn entry_minutes(value: &Spanned<i64>, why: &str) -> Result<u32, Diagnostic> {
    in_range(
        Some(value),
        "minutes",
        1..=rules::ACTIVITY_MINUTES_MAX,
        0,
        why,
    )
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
