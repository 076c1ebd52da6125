//! The week as one JSON object for scripts and CI fixtures (schema 1, see README).
//!
//! The output structs here are the schema: they change only when the schema does,
//! never because an internal type did.

use std::io;

use schemars::JsonSchema;
use serde::Serialize;

use crate::block::Block;
use crate::plan::{DayReason, Gap};
use crate::render::schema::{
    BlockPhase, Date, DayHolds, DayKey, DeloadReason, EquipmentItem, ExerciseFamily, LiftKey,
    LoadUnits, LocalDateTime, MuscleGroup, RunType, SchemaNumber, SessionKind, Template, TimeOfDay,
};
use crate::render::{Week, phrases, schema};
use crate::workout::Prescribed;
use crate::zone::Zone;

use crate::render::schema::SCHEMA;

/// What `planner week --format json` prints: one planned week.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Week")]
struct Output<'a> {
    /// The schema number: 1.
    #[schemars(with = "SchemaNumber")]
    schema: u32,
    /// The Monday of the planned week.
    #[schemars(with = "Date")]
    week_of: Stamp,
    /// The schedule's IANA time zone, or null.
    timezone: Option<&'a str>,
    /// Sessions aimed for, pinned ones included.
    sessions_target: u8,
    /// Length of each planned session, in minutes.
    session_minutes: u32,
    /// Every run of the week, in week order.
    runs: Vec<RunOut>,
    /// The unit of every load.
    #[schemars(with = "LoadUnits")]
    units: &'static str,
    /// Every strength session, in week order.
    sessions: Vec<SessionOut<'a>>,
    /// One entry a day, Monday first: whether it holds a session, and why.
    days: Vec<DayOut>,
    /// Things to know, as sentences: rules a pinned session breaks, a target not met,
    /// a muscle group the week misses.
    warnings: Vec<String>,
}

/// A run of the week.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Run")]
struct RunOut {
    /// The day the run is listed under.
    #[schemars(with = "DayKey")]
    day: &'static str,
    /// The date it starts on.
    #[schemars(with = "Date")]
    date: Stamp,
    /// When it starts.
    #[schemars(with = "LocalDateTime")]
    start: Stamp,
    /// When it ends; a run past Sunday midnight ends in the next week.
    #[schemars(with = "LocalDateTime")]
    end: Stamp,
    /// Its length in minutes.
    minutes: u32,
    /// The run type.
    #[serde(rename = "type")]
    #[schemars(with = "RunType")]
    run_type: &'static str,
    /// Whether it is a hard (quality) run, which strength keeps away from.
    hard: bool,
    /// Whether it is a key run (a race, or a hard run of 150 minutes or more).
    key: bool,
}

/// A strength session, planned or pinned.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Session")]
struct SessionOut<'a> {
    /// The day the session belongs to (a night session may start after midnight).
    #[schemars(with = "DayKey")]
    day: &'static str,
    /// The date it starts on.
    #[schemars(with = "Date")]
    date: Stamp,
    /// When it starts.
    #[schemars(with = "LocalDateTime")]
    start: Stamp,
    /// When it ends.
    #[schemars(with = "LocalDateTime")]
    end: Stamp,
    /// Its length in minutes.
    minutes: u32,
    /// Heavy or light.
    #[schemars(with = "SessionKind")]
    kind: &'static str,
    /// Whether the runner fixed it in the schedule.
    pinned: bool,
    /// The role of the template its exercises come from, or null.
    #[schemars(with = "Option<Template>")]
    template: Option<&'static str>,
    /// The template's title, or null.
    title: Option<&'a str>,
    /// Minutes the exercises take by the estimate, or null.
    estimated_minutes: Option<u32>,
    /// Hours from the nearest hard run before, around the week; null without hard runs.
    gap_before_hours: Option<f64>,
    /// Hours to the nearest hard run after, around the week; null without hard runs.
    gap_after_hours: Option<f64>,
    /// Minutes a heavy session falls short of the ideal spacing; null for light ones.
    shortfall_minutes: Option<u32>,
    /// The nearest hard run before, or null.
    hard_run_before: Option<HardRunOut>,
    /// The nearest hard run after, or null.
    hard_run_after: Option<HardRunOut>,
    /// The exercises, in the order they are done.
    exercises: Vec<ExerciseOut<'a>>,
    /// Adjustments made to the template (high volume, trimming, deload), as sentences.
    notes: Vec<String>,
}

/// One exercise of a session.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Exercise")]
struct ExerciseOut<'a> {
    /// The variant done.
    name: &'a str,
    /// The exercise it is a variant of.
    exercise: &'a str,
    /// The exercise family.
    #[schemars(with = "ExerciseFamily")]
    family: &'static str,
    /// Whether it is a main lift of the session.
    main: bool,
    /// Working sets.
    sets: u32,
    /// Reps a set, or null for a hold.
    reps: Option<u32>,
    /// Seconds a hold lasts, or null for reps.
    seconds: Option<u32>,
    /// Share of 1RM, in percent; null for body-weight work and holds.
    percent_1rm: Option<f64>,
    /// Load in `units`; null also when the schedule gives no 1RM for `lift`.
    load: Option<f64>,
    /// Whether `load` is for each hand (a pair of dumbbells).
    load_per_hand: bool,
    /// The `[lifts]` key the load comes from, or null.
    #[schemars(with = "Option<LiftKey>")]
    lift: Option<&'static str>,
    /// Reps in reserve, or null where no load model applies.
    rir: Option<u32>,
    /// Rest between sets, in seconds.
    rest_seconds: u32,
    /// Tempo as down-pause-up seconds, or null.
    tempo: Option<&'a str>,
    /// Whether it works one leg at a time.
    single_leg: bool,
    /// Whether reps or seconds are for each side.
    per_side: bool,
    /// What the variant uses; empty for body weight.
    #[schemars(with = "Vec<EquipmentItem>")]
    equipment: Vec<&'static str>,
    /// The muscle groups it trains.
    #[schemars(with = "Vec<MuscleGroup>")]
    muscles: Vec<&'static str>,
    /// What the exercise is for.
    cue: &'a str,
    /// How to do this variant.
    variant_cue: &'a str,
}

/// The hard run nearest a session on one side.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "HardRun")]
struct HardRunOut {
    /// The day it is listed under.
    #[schemars(with = "DayKey")]
    day: &'static str,
    /// When it starts.
    #[schemars(with = "TimeOfDay")]
    at: String,
    /// The run type.
    #[serde(rename = "type")]
    #[schemars(with = "RunType")]
    run_type: &'static str,
    /// Whether it is a key run.
    key: bool,
}

/// One day of the week and why it holds a session or not.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Day")]
struct DayOut {
    /// The day.
    #[schemars(with = "DayKey")]
    day: &'static str,
    /// Its date.
    #[schemars(with = "Date")]
    date: Stamp,
    /// `planned`, `pinned` or `none`.
    #[schemars(with = "DayHolds")]
    holds: &'static str,
    /// Why, in words.
    reason: String,
    /// The level of the placement order (1 to 8, see the README) at which the best
    /// placement that differs on this day loses; null when no placement differs.
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
            date: day_stamp(crate::date::add_days(monday, day.index() as i64)),
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
        week_of: day_stamp(monday),
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

/// What `planner block --format json` prints: a periodized block, week by week.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Block")]
struct BlockOut<'a> {
    /// The schema number: 1.
    #[schemars(with = "SchemaNumber")]
    schema: u32,
    /// The schedule's IANA time zone, or null.
    timezone: Option<&'a str>,
    /// The unit of every load.
    #[schemars(with = "LoadUnits")]
    units: &'static str,
    /// Whether the block is in season: maintenance throughout.
    in_season: bool,
    /// The race the block builds to, or null.
    race: Option<RaceOut>,
    /// Every week of the block, in order.
    weeks: Vec<BlockWeekOut<'a>>,
}

/// The race a block builds to and tapers into.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Race")]
struct RaceOut {
    /// Race day.
    #[schemars(with = "Date")]
    date: Stamp,
    /// The start.
    #[schemars(with = "LocalDateTime")]
    start: Stamp,
    /// Its length in minutes.
    minutes: u32,
    /// The number of the block's week that holds it, from 1.
    week: u32,
}

/// One week of a block.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "BlockWeek")]
struct BlockWeekOut<'a> {
    /// Its number in the block, from 1.
    week: u32,
    /// Its Monday.
    #[schemars(with = "Date")]
    week_of: Stamp,
    /// The phase of the block it is in.
    #[schemars(with = "BlockPhase")]
    phase: &'static str,
    /// Whether it is a deload week: fewer sets, lighter loads.
    deload: bool,
    /// Why it deloads: `cutback` (the running plan's) or `every_4th_week`; null when
    /// it does not.
    #[schemars(with = "Option<DeloadReason>")]
    deload_reason: Option<&'static str>,
    /// Whether it is race week or holds one of the days before race day without heavy work.
    taper: bool,
    /// The main lifts' dose, or null in a week without them.
    main_lifts: Option<DoseOut>,
    /// Every run of the week, as `planner week` gives them.
    runs: Vec<RunOut>,
    /// Every strength session of the week, as `planner week` gives them.
    sessions: Vec<SessionOut<'a>>,
    /// Things to know about the week, as sentences.
    warnings: Vec<String>,
}

/// The main lifts' dose of a week: reps, reps in reserve and the model's % of 1RM.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Dose")]
struct DoseOut {
    /// Reps a set.
    reps: u32,
    /// Reps in reserve.
    rir: u32,
    /// The share of 1RM the model gives for those reps and reps in reserve, in percent.
    percent_1rm: f64,
}

/// The JSON Schema of what [`write()`] prints.
pub fn schema() -> serde_json::Value {
    schema::of::<Output<'static>>("planner week --format json")
}

/// The JSON Schema of what [`write_block`] prints.
pub fn block_schema() -> serde_json::Value {
    schema::of::<BlockOut<'static>>("planner block --format json")
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
            week_of: day_stamp(w.monday),
            phase: w.phase.name(),
            deload: w.plan.deload,
            deload_reason: w.deload.map(|d| match d {
                crate::block::DeloadWhy::Cutback => "cutback",
                crate::block::DeloadWhy::Every(_) => "every_4th_week",
            }),
            taper: w.plan.taper,
            main_lifts: w.loading.map(|l| {
                let (reps, rir) = l.dose();
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
            date: day_stamp(r.date),
            start: minute_stamp(r.start),
            minutes: r.minutes,
            week: r.week,
        }),
        weeks: weeks_out,
    };
    // A block's JSON runs to megabytes: written as it is made, not held twice.
    output.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out,
        Pretty::default(),
    ))?;
    writeln!(out)
}

/// `value` as pretty-printed JSON and a newline, in one write: serde_json writes
/// many small pieces, which cost twice as much through a writer as into a `Vec`. For
/// a week's few kilobytes.
fn write_pretty(value: &impl Serialize, out: &mut impl io::Write) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(16 * 1024);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut bytes,
        Pretty::default(),
    ))?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// serde_json's pretty layout (two spaces a level), byte for byte, with each line's
/// indent written in one piece: `PrettyFormatter` writes it a level at a time, and a
/// block's 60,000 lines at depths up to eight made those writes most of its cost.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// Enough spaces for the deepest line of the schema; deeper lines take more writes.
const SPACES: &[u8] = b"\n                                ";

impl Pretty {
    /// A newline and the indent of the current depth.
    fn newline<W: ?Sized + io::Write>(&self, out: &mut W) -> io::Result<()> {
        let mut rest = self.depth * 2;
        let first = rest.min(SPACES.len() - 1);
        out.write_all(&SPACES[..=first])?;
        rest -= first;
        while rest > 0 {
            let part = rest.min(SPACES.len() - 1);
            out.write_all(&SPACES[1..=part])?;
            rest -= part;
        }
        Ok(())
    }

    fn begin<W: ?Sized + io::Write>(&mut self, out: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(open)
    }

    fn end<W: ?Sized + io::Write>(&mut self, out: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(out)?;
        }
        out.write_all(close)
    }

    fn item<W: ?Sized + io::Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.newline(out)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `YYYY-MM-DDTHH:MM`, local wall-clock time, `minutes` after `time` in the week.
fn stamp(week: &Week<'_>, time: crate::clock::WeekTime, minutes: u32) -> Stamp {
    minute_stamp(week.datetime(time, minutes))
}

/// A date or a date and time, written into a buffer of its own: a block writes
/// thousands, and a `String` each (through a general formatter, which reads its
/// pattern at every call) cost more than the rest of the block's JSON.
#[derive(Clone, Copy)]
struct Stamp {
    bytes: [u8; 24],
    len: usize,
}

impl Stamp {
    /// `YYYY-MM-DD`, or jiff's own spelling for a year outside 0000..=9999 (never in
    /// a plan: plans stay inside `date::DAYS`).
    fn date(date: crate::date::Date) -> Self {
        let mut stamp = Stamp {
            bytes: [0; 24],
            len: 0,
        };
        match u32::try_from(date.year()) {
            Ok(year) if year <= 9999 => {
                stamp.digits(year, 4);
                stamp.push(b'-');
                stamp.digits(date.month() as u32, 2);
                stamp.push(b'-');
                stamp.digits(date.day() as u32, 2);
            }
            _ => {
                for &b in date
                    .to_string()
                    .as_bytes()
                    .iter()
                    .take(stamp.bytes.len() - 6)
                {
                    stamp.push(b);
                }
            }
        }
        stamp
    }

    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    /// `value` in `width` decimal digits, zero-padded (`value` has no more).
    fn digits(&mut self, mut value: u32, width: usize) {
        for i in (0..width).rev() {
            self.bytes[self.len + i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        self.len += width;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `YYYY-MM-DDTHH:MM` (local wall-clock time).
fn minute_stamp(at: crate::date::DateTime) -> Stamp {
    let mut stamp = Stamp::date(at.date());
    stamp.push(b'T');
    stamp.digits(at.hour() as u32, 2);
    stamp.push(b':');
    stamp.digits(at.minute() as u32, 2);
    stamp
}

/// `YYYY-MM-DD`.
fn day_stamp(date: crate::date::Date) -> Stamp {
    Stamp::date(date)
}

/// Hours, to two decimals (a 15-minute grid gives exact quarters).
fn hours(gap: Gap) -> f64 {
    (f64::from(gap.minutes) / 60.0 * 100.0).round() / 100.0
}

fn exercise(e: &Prescribed) -> ExerciseOut<'_> {
    ExerciseOut {
        name: e.name(),
        exercise: e.exercise(),
        family: e.family().name(),
        main: e.main(),
        sets: e.sets,
        reps: e.reps,
        seconds: e.seconds,
        percent_1rm: e.percent_1rm,
        load: e.load,
        load_per_hand: e.implement().is_some_and(|i| i.per_hand()),
        lift: e.lift(),
        rir: e.rir,
        rest_seconds: e.rest_seconds,
        tempo: e.tempo.as_deref(),
        single_leg: e.single_leg(),
        per_side: e.per_side(),
        equipment: e.equipment.names(),
        muscles: e.muscles().iter().map(|m| m.name()).collect(),
        cue: e.cue(),
        variant_cue: e.variant_cue(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut bytes = Vec::new();
        write_pretty(value, &mut bytes).expect("a Vec takes every write");
        String::from_utf8(bytes).expect("serde_json writes UTF-8")
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one_byte_for_byte() {
        // Empty containers, scalars of every kind, and nesting past the run of
        // spaces one write holds, so the indent's second loop runs too.
        let mut deep = serde_json::json!({"leaf": [1, {"x": null}]});
        for i in 0..24 {
            deep = serde_json::json!({ format!("level{i}"): [deep, [], {}] });
        }
        let value = serde_json::json!({
            "schema": 1, "empty": [], "none": {}, "text": "a \"quoted\"\nline",
            "numbers": [0, -3, 2.5, 81.1], "flags": [true, false, null], "deep": deep,
        });
        let expected = serde_json::to_string_pretty(&value).expect("a Value serializes") + "\n";
        assert_eq!(pretty(&value), expected);
    }

    #[test]
    fn stamps_are_fixed_width_and_year_zero_is_four_digits() {
        let date = crate::date::Date::constant;
        assert_eq!(day_stamp(date(2026, 3, 9)).as_str(), "2026-03-09");
        assert_eq!(day_stamp(date(0, 1, 1)).as_str(), "0000-01-01");
        assert_eq!(day_stamp(date(9999, 12, 31)).as_str(), "9999-12-31");
        let at = date(7, 11, 30).at(6, 5, 0, 0);
        assert_eq!(minute_stamp(at).as_str(), "0007-11-30T06:05");
        // Outside the planner's years, jiff's own spelling.
        assert_eq!(
            day_stamp(date(-1, 1, 1)).as_str(),
            date(-1, 1, 1).to_string()
        );
    }
}
