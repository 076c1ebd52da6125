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

/// Whether `text` is shaped `YYYY-MM-DD`: four digits for the year, as every format
/// writes them, then two for the month and two for the day.
pub fn is_date_shaped(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
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
    if NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    Some(if !(1..=12).contains(&month) {
        "months run from 01 to 12".to_owned()
    } else if day == 0 {
        "days run from 01".to_owned()
    } else {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        format!(
            "{} has {} days",
            first.format("%B %Y"),
            next.signed_duration_since(first).num_days()
        )
    })
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
        assert_eq!(next_monday(date("2026-11-30")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-11-25")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-11-29")), date("2026-11-30"));
        assert_eq!(next_monday(date("2026-12-01")), date("2026-12-07"));
    }
}
