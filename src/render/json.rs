//! The week as one JSON object for scripts and CI fixtures (schema 1, see README).
//!
//! The output structs here are the schema: they change only when the schema does,
//! never because an internal type did.

use std::io;

use serde::Serialize;

use crate::block::Block;
use crate::plan::{DayReason, Gap};
use crate::prescription::Prescribed;
use crate::render::{Week, phrases};
use crate::zone::Zone;

/// Bumped on any change that could break a script reading the output.
const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    schema: u32,
    week_of: String,
    timezone: Option<&'a str>,
    sessions_target: u8,
    session_minutes: u32,
    runs: Vec<RunOut>,
    units: &'static str,
    sessions: Vec<SessionOut<'a>>,
    days: Vec<DayOut>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct RunOut {
    day: &'static str,
    date: String,
    start: String,
    end: String,
    minutes: u32,
    #[serde(rename = "type")]
    run_type: &'static str,
    hard: bool,
    key: bool,
}

#[derive(Serialize)]
struct SessionOut<'a> {
    day: &'static str,
    date: String,
    start: String,
    end: String,
    minutes: u32,
    kind: &'static str,
    pinned: bool,
    template: Option<&'static str>,
    title: Option<&'a str>,
    estimated_minutes: Option<u32>,
    gap_before_hours: Option<f64>,
    gap_after_hours: Option<f64>,
    shortfall_minutes: Option<u32>,
    hard_run_before: Option<HardRunOut>,
    hard_run_after: Option<HardRunOut>,
    exercises: Vec<ExerciseOut<'a>>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct ExerciseOut<'a> {
    name: &'a str,
    exercise: &'a str,
    family: &'static str,
    main: bool,
    sets: u32,
    reps: Option<u32>,
    seconds: Option<u32>,
    percent_1rm: Option<f64>,
    load: Option<f64>,
    load_per_hand: bool,
    lift: Option<&'static str>,
    rir: Option<u32>,
    rest_seconds: u32,
    tempo: Option<&'a str>,
    single_leg: bool,
    per_side: bool,
    equipment: Vec<&'static str>,
    muscles: Vec<&'static str>,
    cue: &'a str,
    variant_cue: &'a str,
}

#[derive(Serialize)]
struct HardRunOut {
    day: &'static str,
    at: String,
    #[serde(rename = "type")]
    run_type: &'static str,
    key: bool,
}

#[derive(Serialize)]
struct DayOut {
    day: &'static str,
    date: String,
    holds: &'static str,
    reason: String,
    decided_at_level: Option<u8>,
}

/// Writes the week as pretty-printed JSON with a final newline.
pub fn write(week: &Week<'_>, out: &mut impl io::Write) -> io::Result<()> {
    let Week {
        schedule,
        plan,
        monday,
    } = *week;
    let runs = runs(week);
    let sessions = sessions(week);
    let days = crate::day::Day::ALL
        .iter()
        .zip(&plan.days)
        .zip(&plan.day_alternatives)
        .map(|((day, reason), alternative)| DayOut {
            day: day.key(),
            date: (monday + chrono::Days::new(day.index() as u64)).to_string(),
            holds: match reason {
                DayReason::Chosen => "planned",
                DayReason::Pinned => "pinned",
                _ => "none",
            },
            reason: phrases::reason(reason),
            decided_at_level: alternative.as_ref().map(|a| a.level.number()),
        })
        .collect();
    let output = Output {
        schema: SCHEMA,
        week_of: monday.to_string(),
        timezone: schedule.runner.timezone.as_ref().map(Zone::name),
        sessions_target: plan.target,
        session_minutes: schedule.runner.session_minutes,
        units: schedule.runner.units.name(),
        runs,
        sessions,
        days,
        warnings: phrases::warnings(plan),
    };
    write_pretty(&output, out)
}

/// Every run of the week as the schema gives it.
fn runs(week: &Week<'_>) -> Vec<RunOut> {
    week.schedule
        .runs()
        .map(|run| RunOut {
            day: run.day.key(),
            date: day_stamp(week.date(run.span.start)),
            start: stamp(week, run.span.start, 0),
            end: stamp(week, run.span.start, run.span.minutes),
            minutes: run.span.minutes,
            run_type: run.run_type,
            hard: run.hard,
            key: run.key,
        })
        .collect()
}

/// Every session of the week as the schema gives it.
fn sessions<'a>(week: &Week<'a>) -> Vec<SessionOut<'a>> {
    week.plan
        .sessions
        .iter()
        .map(|s| SessionOut {
            day: s.day.key(),
            date: day_stamp(week.session_time(s, 0).date()),
            start: minute_stamp(week.session_time(s, 0)),
            end: minute_stamp(week.session_time(s, s.span.minutes)),
            minutes: s.span.minutes,
            kind: s.kind.name(),
            pinned: s.pinned,
            template: s.workout.as_ref().map(|w| w.role.name()),
            title: s.workout.as_ref().map(|w| w.title.as_str()),
            estimated_minutes: s.workout.as_ref().map(|w| w.estimated_minutes),
            gap_before_hours: s.before.map(hours),
            gap_after_hours: s.after.map(hours),
            shortfall_minutes: s.shortfall,
            hard_run_before: s.before.map(hard_run),
            hard_run_after: s.after.map(hard_run),
            exercises: s
                .workout
                .iter()
                .flat_map(|w| &w.exercises)
                .map(exercise)
                .collect(),
            notes: s
                .workout
                .iter()
                .flat_map(|w| w.notes.iter().map(phrases::session_note))
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct BlockOut<'a> {
    schema: u32,
    timezone: Option<&'a str>,
    units: &'static str,
    in_season: bool,
    race: Option<RaceOut>,
    weeks: Vec<BlockWeekOut<'a>>,
}

#[derive(Serialize)]
struct RaceOut {
    date: String,
    start: String,
    minutes: u32,
    week: u32,
}

#[derive(Serialize)]
struct BlockWeekOut<'a> {
    week: u32,
    week_of: String,
    phase: &'static str,
    deload: bool,
    deload_reason: Option<&'static str>,
    taper: bool,
    main_lifts: Option<DoseOut>,
    runs: Vec<RunOut>,
    sessions: Vec<SessionOut<'a>>,
    warnings: Vec<String>,
}

/// The main lifts' dose of a week: reps, reps in reserve and the model's % of 1RM.
#[derive(Serialize)]
struct DoseOut {
    reps: u32,
    rir: u32,
    percent_1rm: f64,
}

/// Writes a block as one JSON object: `{ "schema": 1, "weeks": [...] }`, each week
/// with its phase and its sessions as `week` gives them.
pub fn write_block(block: &Block, out: &mut impl io::Write) -> io::Result<()> {
    let weeks = crate::render::block_weeks(block);
    let weeks_out = block
        .weeks
        .iter()
        .zip(&weeks)
        .map(|(w, week)| BlockWeekOut {
            week: w.number,
            week_of: w.monday.to_string(),
            phase: w.phase.name(),
            deload: w.plan.deload,
            deload_reason: w.deload.map(|d| match d {
                crate::block::DeloadWhy::Cutback => "cutback",
                crate::block::DeloadWhy::Every(_) => "every_4th_week",
            }),
            taper: w.plan.taper,
            main_lifts: w.loading.map(|l| {
                let (reps, rir) = l.step.dose();
                DoseOut {
                    reps,
                    rir,
                    percent_1rm: (crate::lift::fraction_of_one_rep_max(reps, rir) * 1000.0).round()
                        / 10.0,
                }
            }),
            runs: runs(week),
            sessions: sessions(week),
            warnings: phrases::warnings(&w.plan),
        })
        .collect();
    let runner = block.weeks.first().map(|w| &w.schedule.runner);
    let output = BlockOut {
        schema: SCHEMA,
        timezone: runner.and_then(|r| r.timezone.as_ref()).map(Zone::name),
        units: runner.map_or("kg", |r| r.units.name()),
        in_season: block.in_season,
        race: block.race.map(|r| RaceOut {
            date: r.date.to_string(),
            start: minute_stamp(r.start),
            minutes: r.minutes,
            week: r.week,
        }),
        weeks: weeks_out,
    };
    // A block's JSON runs to megabytes: written as it is made, not held twice.
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

/// `value` as pretty-printed JSON and a newline, in one write: serde_json writes
/// many small pieces, which cost twice as much through a writer as into a `Vec`. For
/// a week's few kilobytes.
fn write_pretty(value: &impl Serialize, out: &mut impl io::Write) -> io::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// `YYYY-MM-DDTHH:MM`, local wall-clock time, `minutes` after `time` in the week.
fn stamp(week: &Week<'_>, time: crate::clock::WeekTime, minutes: u32) -> String {
    minute_stamp(week.datetime(time, minutes))
}

/// `YYYY-MM-DDTHH:MM` (local wall-clock time), written directly: chrono's formatter
/// reads its pattern at every call, which a block's thousands of stamps pay for.
fn minute_stamp(at: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// `YYYY-MM-DD`.
fn day_stamp(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Hours, to two decimals (a 15-minute grid gives exact quarters).
fn hours(gap: Gap) -> f64 {
    (f64::from(gap.minutes) / 60.0 * 100.0).round() / 100.0
}

fn exercise(e: &Prescribed) -> ExerciseOut<'_> {
    ExerciseOut {
        name: &e.name,
        exercise: &e.exercise,
        family: e.family.name(),
        main: e.main,
        sets: e.sets,
        reps: e.reps,
        seconds: e.seconds,
        percent_1rm: e.percent_1rm,
        load: e.load,
        load_per_hand: e.implement.is_some_and(|i| i.per_hand()),
        lift: e.lift,
        rir: e.rir,
        rest_seconds: e.rest_seconds,
        tempo: e.tempo.as_deref(),
        single_leg: e.single_leg,
        per_side: e.per_side,
        equipment: e.equipment.names(),
        muscles: e.muscles.iter().map(|m| m.name()).collect(),
        cue: &e.cue,
        variant_cue: &e.variant_cue,
    }
}

fn hard_run(gap: Gap) -> HardRunOut {
    HardRunOut {
        day: gap.day.key(),
        at: gap.at.to_string(),
        run_type: gap.run_type,
        key: gap.key,
    }
}
