//! Writing a planned week out, one module per format.
//!
//! Every renderer reads a [`Week`] and writes bytes into any `io::Write`; where the
//! bytes go is decided by the caller.

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
