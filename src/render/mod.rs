//! Writing a planned week out, one module per format.
//!
//! Every renderer reads a [`Week`] and writes bytes into any `io::Write`; where the
//! bytes go is decided by the caller.

use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::clock::WeekTime;
use crate::plan::{Plan, Session};
use crate::rules::DAY_MINUTES;
use crate::schedule::Schedule;

pub mod check;
pub mod csv;
pub mod ics;
pub mod json;
pub mod library;
pub mod phrases;
pub mod text;

/// A plan anchored to a calendar week: what every renderer reads.
#[derive(Debug, Clone, Copy)]
pub struct Week<'a> {
    /// The schedule the plan was made from.
    pub schedule: &'a Schedule,
    /// The plan.
    pub plan: &'a Plan,
    /// The Monday of the planned week.
    pub monday: NaiveDate,
}

impl Week<'_> {
    /// The local date and time of an instant of this week; instants past Sunday
    /// midnight (a run that ends in the next week) land in the next week.
    pub fn datetime(&self, time: WeekTime, minutes_later: u32) -> NaiveDateTime {
        let total = u64::from(time.minutes()) + u64::from(minutes_later);
        let day = u64::from(DAY_MINUTES);
        let date = self.monday + Days::new(total / day);
        let minute = (total % day) as u32;
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN);
        date.and_time(time)
    }

    /// The local date and time `minutes` after this week's Monday 00:00.
    pub fn at(&self, minutes: u64) -> NaiveDateTime {
        let day = u64::from(DAY_MINUTES);
        let date = self.monday + Days::new(minutes / day);
        let minute = (minutes % day) as u32;
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN);
        date.and_time(time)
    }

    /// When a session starts, `minutes_later` added: a night session that starts after
    /// midnight starts on the next day's date, Sunday's on the next Monday's.
    pub fn session_time(&self, session: &Session, minutes_later: u32) -> NaiveDateTime {
        self.at(u64::from(session.start_minutes()) + u64::from(minutes_later))
    }

    /// The date of an instant of this week.
    pub fn date(&self, time: WeekTime) -> NaiveDate {
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

/// The first and last days a plan may hold. Every format writes years with four
/// digits, as iCalendar requires (RFC 5545 §3.3.4) and as a TOML file's dates are.
pub const DAYS: RangeInclusive<NaiveDate> = {
    match (
        NaiveDate::from_ymd_opt(0, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
    ) {
        (Some(first), Some(last)) => first..=last,
        _ => panic!("both are dates"),
    }
};

/// The Monday of the week that holds `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The week to plan when none is given: the one starting on the next Monday, or
/// today if today is a Monday.
pub fn next_monday(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    today + Days::new(u64::from((7 - today.weekday().num_days_from_monday()) % 7))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("valid date")
    }

    #[test]
    fn monday_of_any_day_is_that_weeks_monday() {
        assert_eq!(monday_of(date("2026-12-03")), date("2026-11-30"));
        assert_eq!(monday_of(date("2026-11-30")), date("2026-11-30"));
        assert_eq!(monday_of(date("2026-12-06")), date("2026-11-30"));
    }

    #[test]
    fn next_monday_is_today_on_a_monday() {
        assert_eq!(next_monday(date("2026-11-30")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-11-25")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-11-29")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-12-01")), date("2026-12-07"));
    }
}
