//! The week as one JSON object for scripts and CI fixtures (schema 1, see README).
//!
//! The output structs here are the schema: they change only when the schema does,
//! never because an internal type did.

use std::io;

use serde::Serialize;

use crate::block::Block;
use crate::plan::{DayReason, Gap};
use crate::render::{Week, phrases};
use crate::workout::Prescribed;
use crate::zone::Zone;

/// Bumped on any change that could break a script reading the output.
const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    schema: u32,
    week_of: Stamp,
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
    date: Stamp,
    start: Stamp,
    end: Stamp,
    minutes: u32,
    #[serde(rename = "type")]
    run_type: &'static str,
    hard: bool,
    key: bool,
}

#[derive(Serialize)]
struct SessionOut<'a> {
    day: &'static str,
    date: Stamp,
    start: Stamp,
    end: Stamp,
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
    date: Stamp,
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
            date: day_stamp(monday + chrono::Days::new(day.index() as u64)),
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
    date: Stamp,
    start: Stamp,
    minutes: u32,
    week: u32,
}

#[derive(Serialize)]
struct BlockWeekOut<'a> {
    week: u32,
    week_of: Stamp,
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
            week_of: day_stamp(w.monday),
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
/// thousands, and a `String` each (through chrono's formatter, which reads its
/// pattern at every call) cost more than the rest of the block's JSON.
#[derive(Clone, Copy)]
struct Stamp {
    bytes: [u8; 24],
    len: usize,
}

impl Stamp {
    /// `YYYY-MM-DD`, or chrono's own spelling for a year outside 0000..=9999.
    fn date(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        let mut stamp = Stamp {
            bytes: [0; 24],
            len: 0,
        };
        match u32::try_from(date.year()) {
            Ok(year) if year <= 9999 => {
                stamp.digits(year, 4);
                stamp.push(b'-');
                stamp.digits(date.month(), 2);
                stamp.push(b'-');
                stamp.digits(date.day(), 2);
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
fn minute_stamp(at: chrono::NaiveDateTime) -> Stamp {
    use chrono::Timelike;
    let mut stamp = Stamp::date(at.date());
    stamp.push(b'T');
    stamp.digits(at.hour(), 2);
    stamp.push(b':');
    stamp.digits(at.minute(), 2);
    stamp
}

/// `YYYY-MM-DD`.
fn day_stamp(date: chrono::NaiveDate) -> Stamp {
    Stamp::date(date)
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
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
        assert_eq!(day_stamp(date(2026, 3, 9)).as_str(), "2026-03-09");
        assert_eq!(day_stamp(date(0, 1, 1)).as_str(), "0000-01-01");
        assert_eq!(day_stamp(date(9999, 12, 31)).as_str(), "9999-12-31");
        let at = date(7, 11, 30).and_hms_opt(6, 5, 0).expect("a real time");
        assert_eq!(minute_stamp(at).as_str(), "0007-11-30T06:05");
        // Outside the planner's years, chrono's own spelling, as before.
        assert_eq!(
            day_stamp(date(-1, 1, 1)).as_str(),
            date(-1, 1, 1).to_string()
        );
        assert_eq!(day_stamp(date(12345, 1, 1)).as_str(), "+12345-01-01");
    }
}
