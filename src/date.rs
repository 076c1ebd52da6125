//! Calendar dates the planner can write: the four-digit years, and the Monday of a week.

use std::ops::RangeInclusive;

use jiff::SignedDuration;
pub use jiff::Timestamp;
pub use jiff::civil::{Date, DateTime, Time};

/// The first and last days a plan may hold: the one place the planner's years are
/// bounded. Every format writes years with four digits, as iCalendar requires
/// (RFC 5545 §3.3.4) and as a TOML file's dates are.
pub const DAYS: RangeInclusive<Date> = Date::constant(0, 1, 1)..=Date::constant(9999, 12, 31);

/// `date` moved by `days` days, or `None` outside the dates jiff holds (years
/// −9999 to 9999), which no plan reaches: a caller at the edge of [`DAYS`] refuses.
pub fn checked_add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(SignedDuration::from_hours(days.checked_mul(24)?))
        .ok()
}

/// `date` moved by `days` days, for dates inside [`DAYS`] and a few weeks around
/// them, where it is always a date; past jiff's range it stops at its last day.
pub fn add_days(date: Date, days: i64) -> Date {
    checked_add_days(date, days).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Days from `from` to `to`.
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

/// The Monday of the week that holds `date`.
pub fn monday_of(date: Date) -> Date {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The week to plan when none is given: the one starting on the next Monday, or
/// today if today is a Monday; `None` past the last date there is.
pub fn next_monday(today: Date) -> Option<Date> {
    checked_add_days(
        today,
        i64::from((7 - today.weekday().to_monday_zero_offset()) % 7),
    )
}

/// A date at a time of day, minutes after midnight (a day's minutes or more roll
/// into the next days).
pub fn at_minutes(date: Date, minutes: u64) -> DateTime {
    let days = i64::try_from(minutes / 1440).unwrap_or(i64::MAX);
    let within = (minutes % 1440) as i32;
    add_days(date, days).to_datetime(
        Time::new((within / 60) as i8, (within % 60) as i8, 0, 0).unwrap_or(Time::midnight()),
    )
}

/// Whether `text` is shaped `YYYY-MM-DD`: four digits for the year, as every format
/// writes them, then two for the month and two for the day.
pub fn is_date_shaped(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The date `text` names as `YYYY-MM-DD`, four digits for the year as every format
/// writes them; `None` for any other shape or a day that does not exist.
pub fn parse(text: &str) -> Option<Date> {
    if !is_date_shaped(text) {
        return None;
    }
    Date::new(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    )
    .ok()
}

/// `0000 to 9999`: the years of [`DAYS`], for messages.
pub fn years() -> String {
    format!("{:04} to {:04}", DAYS.start().year(), DAYS.end().year())
}

/// Why `text`, shaped `YYYY-MM-DD`, is no day of the calendar: "February 2027 has 28
/// days" for `2027-02-30`. `None` when it is a day, or not shaped as one.
pub fn why_not_a_date(text: &str) -> Option<String> {
    if !is_date_shaped(text) {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    );
    let (year, month, day) = (
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    );
    if Date::new(year, month, day).is_ok() {
        return None;
    }
    Some(if !(1..=12).contains(&month) {
        "months run from 01 to 12".to_owned()
    } else if day == 0 {
        "days run from 01".to_owned()
    } else {
        let first = Date::new(year, month, 1).ok()?;
        format!(
            "{} has {} days",
            first.strftime("%B %Y"),
            first.days_in_month()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    #[test]
    fn monday_of_any_day_is_that_weeks_monday() {
        assert_eq!(monday_of(date("2026-12-03")), date("2026-11-30"));
        assert_eq!(monday_of(date("2026-11-30")), date("2026-11-30"));
        assert_eq!(monday_of(date("2026-12-06")), date("2026-11-30"));
    }

    #[test]
    fn an_impossible_date_says_why() {
        let why = |text| why_not_a_date(text);
        assert_eq!(
            why("2027-02-30").as_deref(),
            Some("February 2027 has 28 days")
        );
        assert_eq!(
            why("2028-02-30").as_deref(),
            Some("February 2028 has 29 days")
        );
        assert_eq!(why("2026-04-31").as_deref(), Some("April 2026 has 30 days"));
        assert_eq!(
            why("9999-12-32").as_deref(),
            Some("December 9999 has 31 days")
        );
        assert_eq!(
            why("2027-13-01").as_deref(),
            Some("months run from 01 to 12")
        );
        assert_eq!(
            why("2027-00-10").as_deref(),
            Some("months run from 01 to 12")
        );
        assert_eq!(why("2027-02-00").as_deref(), Some("days run from 01"));
        assert_eq!(why("2027-02-28"), None);
        assert_eq!(why("2027-2-30"), None);
        assert_eq!(why("+2027-02-30"), None);
    }

    #[test]
    fn next_monday_is_today_on_a_monday() {
        assert_eq!(next_monday(date("2026-11-30")), Some(date("2026-11-30")));
        assert_eq!(next_monday(date("2026-11-25")), Some(date("2026-11-30")));
        assert_eq!(next_monday(date("2026-11-29")), Some(date("2026-11-30")));
        assert_eq!(next_monday(date("2026-12-01")), Some(date("2026-12-07")));
        // The last Friday there is has no next Monday.
        assert_eq!(next_monday(date("9999-12-31")), None);
    }

    #[test]
    fn days_move_across_months_and_years_and_stop_at_the_edge() {
        assert_eq!(add_days(date("2026-12-28"), 6), date("2027-01-03"));
        assert_eq!(add_days(date("2028-03-01"), -1), date("2028-02-29"));
        assert_eq!(days_between(date("2026-11-30"), date("2027-03-21")), 111);
        assert_eq!(checked_add_days(date("9999-12-31"), 1), None);
        assert_eq!(add_days(date("9999-12-31"), 3), Date::MAX);
        assert_eq!(
            at_minutes(date("2026-11-30"), 6 * 1440 + 23 * 60 + 45).to_string(),
            "2026-12-06T23:45:00"
        );
    }
}
