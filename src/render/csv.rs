//! The week as CSV for spreadsheets and scripts: a header, then one row per session.
//!
//! Written with the `csv` crate so that quoting is right whatever a cell holds. Lines
//! end in LF. Dates and times are local wall-clock times in the schedule's week, as
//! in the JSON output; `start` and `end` are date-times, `YYYY-MM-DDTHH:MM` as JSON
//! writes them, so a session that ends after midnight ends on the next day's date.

use std::io;

use crate::block::Block;
use crate::lift::Units;
use crate::plan::Session;
use crate::render::Week;

/// The columns: those of SPEC §6 in its order, then `pinned` (`true` or `false`),
/// added last so that scripts reading the SPEC's columns by position still work.
const HEADER: [&str; 9] = [
    "date",
    "day",
    "start",
    "end",
    "minutes",
    "kind",
    "template",
    "exercises",
    "pinned",
];

/// A local date and time, as the JSON output writes `start` and `end`.
const DATE_TIME: &str = "%Y-%m-%dT%H:%M";

/// Writes the week as CSV.
pub fn write(week: &Week<'_>, out: &mut impl io::Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(HEADER).map_err(io_error)?;
    rows(week, &[], &mut writer)?;
    writer.flush()
}

/// Writes a block as CSV: the week's columns after `week` (its number), `week_of`,
/// `phase` (`base`, `strength`, `power`, `taper`, `maintenance`), `deload` and
/// `taper` (`true` or `false`).
pub fn write_block(block: &Block, out: &mut impl io::Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer
        .write_record(
            ["week", "week_of", "phase", "deload", "taper"]
                .into_iter()
                .chain(HEADER),
        )
        .map_err(io_error)?;
    for (w, week) in block.weeks.iter().zip(crate::render::block_weeks(block)) {
        rows(
            &week,
            &[
                w.number.to_string(),
                w.monday.to_string(),
                w.phase.name().to_owned(),
                w.plan.deload.to_string(),
                w.plan.taper.to_string(),
            ],
            &mut writer,
        )?;
    }
    writer.flush()
}

/// One row per session, after the cells of `prefix`.
fn rows<W: io::Write>(
    week: &Week<'_>,
    prefix: &[String],
    writer: &mut ::csv::Writer<W>,
) -> io::Result<()> {
    for session in &week.plan.sessions {
        let start = week.session_time(session, 0);
        let end = week.session_time(session, session.span.minutes);
        let cells = [
            start.date().to_string(),
            session.day.key().to_owned(),
            start.strftime(DATE_TIME).to_string(),
            end.strftime(DATE_TIME).to_string(),
            session.span.minutes.to_string(),
            session.kind.name().to_owned(),
            template(session),
            exercises(session, week.schedule.runner.units),
            session.pinned.to_string(),
        ];
        writer
            .write_record(prefix.iter().chain(&cells).map(|cell| neutral(cell)))
            .map_err(io_error)?;
    }
    Ok(())
}

/// The I/O error inside a CSV error, so a closed pipe is still seen as one (the
/// `csv` crate's own conversion hides it as "other").
fn io_error(error: ::csv::Error) -> io::Error {
    if error.is_io_error() {
        if let ::csv::ErrorKind::Io(inner) = error.into_kind() {
            return inner;
        }
        return io::Error::other("csv output failed");
    }
    io::Error::other(error)
}

/// `cell`, with a `'` in front when a spreadsheet would run it as a formula: a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's advice
/// on CSV injection). Template and exercise names come from a coach's files.
fn neutral(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The session's template, as in the JSON output; empty for a session without one.
fn template(session: &Session) -> String {
    session
        .workout
        .as_ref()
        .map_or_else(String::new, |w| w.role.name().to_owned())
}

/// The session's exercises in one cell, `; ` between them: `Back squat 4x5 @81.1%
/// 82.5 kg; Reverse lunge 3x8/leg @75.0%; Side plank 2x30 s/side`.
fn exercises(session: &Session, units: Units) -> String {
    let Some(workout) = &session.workout else {
        return String::new();
    };
    let cells: Vec<String> = workout
        .exercises
        .iter()
        .map(|e| {
            let dose = crate::render::phrases::sets_and_reps(e, "x");
            let mut cell = format!(
                "{} {}",
                e.name(),
                dose.unwrap_or_else(|| format!("{}x", e.sets))
            );
            if let Some(percent) = e.percent_1rm {
                cell.push_str(&format!(" @{percent:.1}%"));
            }
            if let Some(load) = crate::render::phrases::load(e, units.name()) {
                cell.push_str(&format!(" {load}"));
            }
            cell
        })
        .collect();
    cells.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Overrides, Schedule};

    fn render(text: &str) -> String {
        let schedule = Schedule::parse(text, Overrides::default()).expect("valid schedule");
        let plan = crate::plan_week(&schedule).expect("a plan");
        let week = Week {
            schedule: &schedule,
            plan: &plan,
            monday: "2026-11-30".parse().expect("a date"),
        };
        let mut out = Vec::new();
        write(&week, &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn one_row_per_session_under_a_header() {
        let csv = render(
            "[runner]\nsessions = 2\n[lifts]\nromanian_deadlift = 100\n[week]\n\
             wed = { strength = \"heavy\", at = \"18:00\", minutes = 40 }\n\
             tue = { run = \"intervals\", at = \"06:30\" }\n",
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "date,day,start,end,minutes,kind,template,exercises,pinned"
        );
        assert_eq!(lines.len(), 3, "{csv}");
        let wednesday = lines
            .iter()
            .find(|l| {
                l.starts_with("2026-12-02,wed,2026-12-02T18:00,2026-12-02T18:40,40,heavy,heavy-")
            })
            .unwrap_or_else(|| panic!("no Wednesday row in {csv}"));
        assert!(wednesday.ends_with(",true"), "{csv}");
        assert!(
            wednesday.contains("Barbell Romanian deadlift 3x5 @81.1% 80 kg; "),
            "{csv}"
        );
        assert!(!csv.contains('\r'));
        assert!(csv.ends_with('\n'));
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, shown) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Back squat", "Back squat"),
            ("2026-12-02", "2026-12-02"),
        ] {
            assert_eq!(neutral(cell), shown);
        }
    }

    #[test]
    fn a_closed_pipe_stays_a_closed_pipe() {
        let error = ::csv::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(io_error(error).kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn a_session_past_midnight_ends_on_the_next_day() {
        let csv = render(
            "[week]\nsun = { strength = \"light\", at = \"23:30\", minutes = 45 }\n\
             mon = { strength = \"light\", at = \"18:00\", minutes = 30 }\n",
        );
        assert!(
            csv.contains("\n2026-12-06,sun,2026-12-06T23:30,2026-12-07T00:15,45,light,light,"),
            "{csv}"
        );
    }
}
