//! Writing a planned week out, one module per format.
//!
//! Every renderer reads a [`Week`] and writes bytes into any `io::Write`; where the
//! bytes go is decided by the caller.

use std::io;

use crate::block::Block;
use crate::clock::WeekTime;
pub use crate::date::{DAYS, monday_of, next_monday};
use crate::date::{Date, DateTime, at_minutes};
use crate::plan::{Plan, Session};
use crate::schedule::Schedule;

pub mod check;
pub mod csv;
pub mod ics;
pub mod json;
pub mod library;
mod lines;
pub mod phrases;
pub mod schema;
pub mod text;

/// The formats a week or a block is written in: the one list of them, for the
/// command line (`--format`) and for [`write()`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Text,
    /// One JSON object, for scripts (`planner schema` prints its JSON Schema).
    Json,
    /// iCalendar (RFC 5545), for calendar apps.
    Ics,
    /// One row per session.
    Csv,
}

impl Format {
    /// The file extension of the format, for a file per schedule in a folder.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Ics => "ics",
            Format::Csv => "csv",
        }
    }
}

/// What is written: one planned week, or a block of them.
#[derive(Debug, Clone, Copy)]
pub enum View<'a> {
    /// A week.
    Week(Week<'a>),
    /// A block, week by week.
    Block(&'a Block),
}

/// How each format is written; a format reads only its own options.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Text: colour, width, reasons.
    pub text: text::TextOptions,
    /// Text of a block: every session's exercises, not only the summary.
    pub detail: bool,
    /// iCalendar: runs, alarms, the stamp.
    pub ics: ics::IcsOptions,
}

/// Writes `view` in `format` into `out`: the one place a format is chosen, so a new
/// format touches [`Format`] and its own module.
pub fn write(
    format: Format,
    view: View<'_>,
    options: &Options,
    out: &mut impl io::Write,
) -> io::Result<()> {
    match (format, view) {
        (Format::Text, View::Week(week)) => text::write(&week, options.text, out),
        (Format::Text, View::Block(block)) => {
            text::write_block(block, options.text, options.detail, out)
        }
        (Format::Json, View::Week(week)) => json::write(&week, out),
        (Format::Json, View::Block(block)) => json::write_block(block, out),
        (Format::Ics, View::Week(week)) => ics::write(&week, &options.ics, out),
        (Format::Ics, View::Block(block)) => {
            ics::write_weeks(&block_weeks(block), &options.ics, out)
        }
        (Format::Csv, View::Week(week)) => csv::write(&week, out),
        (Format::Csv, View::Block(block)) => csv::write_block(block, out),
    }
}

/// What the writing of `view` in `format` has to tell the runner besides the output:
/// the daylight-saving notes of a calendar, one sentence each; none in other formats.
pub fn notes(format: Format, view: View<'_>, options: &Options) -> Vec<String> {
    match (format, view) {
        (Format::Ics, View::Week(week)) => ics::dst_notes(&week, &options.ics),
        (Format::Ics, View::Block(block)) => {
            ics::dst_notes_weeks(&block_weeks(block), &options.ics)
        }
        _ => Vec::new(),
    }
}

/// A plan anchored to a calendar week: what every renderer reads.
#[derive(Debug, Clone, Copy)]
pub struct Week<'a> {
    /// The schedule the plan was made from.
    pub schedule: &'a Schedule,
    /// The plan.
    pub plan: &'a Plan,
    /// The Monday of the planned week.
    pub monday: Date,
}

impl Week<'_> {
    /// The local date and time of an instant of this week; instants past Sunday
    /// midnight (a run that ends in the next week) land in the next week.
    pub fn datetime(&self, time: WeekTime, minutes_later: u32) -> DateTime {
        self.at(u64::from(time.minutes()) + u64::from(minutes_later))
    }

    /// The local date and time `minutes` after this week's Monday 00:00.
    pub fn at(&self, minutes: u64) -> DateTime {
        at_minutes(self.monday, minutes)
    }

    /// When a session starts, `minutes_later` added: a night session that starts after
    /// midnight starts on the next day's date, Sunday's on the next Monday's.
    pub fn session_time(&self, session: &Session, minutes_later: u32) -> DateTime {
        self.at(u64::from(session.start_minutes()) + u64::from(minutes_later))
    }

    /// The date of an instant of this week.
    pub fn date(&self, time: WeekTime) -> Date {
        self.datetime(time, 0).date()
    }
}

/// Every week of a block as the renderers read a week: its own schedule (table and
/// race applied), its plan and its Monday.
pub fn block_weeks(block: &crate::block::Block) -> Vec<Week<'_>> {
    block
        .weeks
        .iter()
        .map(|w| Week {
            schedule: &w.schedule,
            plan: &w.plan,
            monday: w.monday,
        })
        .collect()
}
