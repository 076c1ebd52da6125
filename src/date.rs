//! Calendar dates the planner can write: the four-digit years, and the Monday of a week.

use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate};

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
