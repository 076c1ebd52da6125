//! Times of day and instants in the repeating week.
//!
//! The planner measures everything in whole minutes from Monday 00:00. The week
//! repeats, so the distance from one instant forward to another wraps around from
//! Sunday into the next Monday.

use std::fmt;

use crate::day::Day;
use crate::rules::{DAY_MINUTES, WEEK_MINUTES};

/// A wall-clock time, `HH:MM`, as minutes after midnight (0..1440).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u32);

impl TimeOfDay {
    /// The time `minutes` after midnight, if that is within the day.
    pub fn from_minutes(minutes: u32) -> Option<Self> {
        (minutes < DAY_MINUTES).then_some(Self(minutes))
    }

    /// The time `minutes` after midnight, wrapping past midnight: for the rule
    /// book's constants, which are all within the day.
    pub const fn wrapping(minutes: u32) -> Self {
        Self(minutes % DAY_MINUTES)
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// Parses `HH:MM` (24-hour, two digits each); the error says what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let shape = || format!("time \"{text}\" is not HH:MM (24-hour, like \"07:30\")");
        let (h, m) = text.split_once(':').ok_or_else(shape)?;
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(h) || !two_digits(m) {
            return Err(shape());
        }
        let (h, m): (u32, u32) = (
            h.parse().map_err(|_| shape())?,
            m.parse().map_err(|_| shape())?,
        );
        if h > 23 || m > 59 {
            return Err(format!("time \"{text}\" is out of range (00:00 to 23:59)"));
        }
        Ok(Self(h * 60 + m))
    }
}

impl TimeOfDay {
    /// What a time that is not `HH:MM` most likely means: `6:30` is 06:30, `6:30pm`
    /// and `6.30 pm` are 18:30, `7pm` is 19:00. For the hint of an error, never to
    /// accept the text.
    pub fn guess(text: &str) -> Option<TimeOfDay> {
        let text = text.trim().to_ascii_lowercase();
        let (text, offset) = if let Some(t) = text.strip_suffix("pm") {
            (t.trim(), Some(12))
        } else if let Some(t) = text.strip_suffix("am") {
            (t.trim(), Some(0))
        } else {
            (text.as_str(), None)
        };
        let (h, m) = text.split_once([':', '.', 'h']).unwrap_or((text, "00"));
        let m = if m.is_empty() { "00" } else { m };
        let digits = |s: &str, max_len: usize| {
            !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
            return None;
        }
        let (mut h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        if let Some(offset) = offset {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = h % 12 + offset;
        }
        (h < 24 && m < 60).then(|| TimeOfDay(h * 60 + m))
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// An instant of the repeating week: minutes from Monday 00:00 (0..10080).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeekTime(u32);

impl WeekTime {
    /// `time` on `day`.
    pub fn at(day: Day, time: TimeOfDay) -> Self {
        Self(day.index() as u32 * DAY_MINUTES + time.minutes())
    }

    /// The instant `minutes` after Monday 00:00, wrapping around the week.
    pub fn wrapping(minutes: u32) -> Self {
        Self(minutes % WEEK_MINUTES)
    }

    /// Minutes from Monday 00:00.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// The instant `minutes` later, wrapping into the next week.
    pub fn plus(self, minutes: u32) -> Self {
        Self::wrapping(self.0 + minutes % WEEK_MINUTES)
    }

    /// The day this instant falls on.
    pub fn day(self) -> Day {
        Day::from_index((self.0 / DAY_MINUTES) as usize)
    }

    /// The wall-clock time of this instant.
    pub fn time(self) -> TimeOfDay {
        TimeOfDay(self.0 % DAY_MINUTES)
    }

    /// Minutes from `self` forward to `later`, wrapping around the week (0..10080).
    pub fn until(self, later: WeekTime) -> u32 {
        (later.0 + WEEK_MINUTES - self.0) % WEEK_MINUTES
    }
}

/// A stretch of the week: a run or a strength session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// When it starts.
    pub start: WeekTime,
    /// How long it lasts, in minutes (0..=1440).
    pub minutes: u32,
}

impl Span {
    /// When it ends (wrapping into the next week).
    pub fn end(self) -> WeekTime {
        self.start.plus(self.minutes)
    }

    /// Whether the two share any minute, around the repeating week. Touching ends do
    /// not overlap; an empty span overlaps nothing.
    pub fn overlaps(self, other: Span) -> bool {
        self.minutes > 0
            && other.minutes > 0
            && (self.start.until(other.start) < self.minutes
                || other.start.until(self.start) < other.minutes)
    }

    /// Minutes from the end of `self` forward to the start of `later`.
    pub fn gap_to(self, later: Span) -> u32 {
        self.end().until(later.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> TimeOfDay {
        TimeOfDay::parse(text).expect("valid time")
    }

    fn span(day: Day, at: &str, minutes: u32) -> Span {
        Span {
            start: WeekTime::at(day, t(at)),
            minutes,
        }
    }

    #[test]
    fn parse_accepts_24_hour_times() {
        assert_eq!(t("00:00").minutes(), 0);
        assert_eq!(t("07:30").minutes(), 450);
        assert_eq!(t("23:59").minutes(), 1439);
        assert_eq!(t("18:05").to_string(), "18:05");
    }

    #[test]
    fn parse_rejects_other_shapes_and_ranges() {
        for bad in [
            "7:30", "07:3", "0730", "07:30pm", "7pm", "", "ab:cd", "+1:00", "07:30:00",
        ] {
            let err = TimeOfDay::parse(bad).expect_err(bad);
            assert!(err.contains("is not HH:MM"), "{bad}: {err}");
        }
        for bad in ["24:00", "12:60", "99:99"] {
            let err = TimeOfDay::parse(bad).expect_err(bad);
            assert!(err.contains("out of range"), "{bad}: {err}");
        }
    }

    #[test]
    fn guesses_read_common_ways_of_writing_a_time() {
        let guess = |text| TimeOfDay::guess(text).map(|t| t.to_string());
        assert_eq!(guess("6:30").as_deref(), Some("06:30"));
        assert_eq!(guess("6:30pm").as_deref(), Some("18:30"));
        assert_eq!(guess("6.30 PM").as_deref(), Some("18:30"));
        assert_eq!(guess("7pm").as_deref(), Some("19:00"));
        assert_eq!(guess("12am").as_deref(), Some("00:00"));
        assert_eq!(guess("12pm").as_deref(), Some("12:00"));
        assert_eq!(guess("18h15").as_deref(), Some("18:15"));
        assert_eq!(guess("25:00"), None);
        assert_eq!(guess("13pm"), None);
        assert_eq!(guess("soon"), None);
    }

    #[test]
    fn gap_wraps_from_sunday_into_monday() {
        // The spec's example: a heavy lift Sunday 19:00–19:40 is 10 h 50 min before a
        // Monday 06:30 interval run.
        let lift = span(Day::Sun, "19:00", 40);
        let intervals = span(Day::Mon, "06:30", 60);
        assert_eq!(lift.gap_to(intervals), 10 * 60 + 50);
        // …and the other way round, from the end of Monday's run to Sunday's lift.
        assert_eq!(
            intervals.gap_to(lift),
            6 * DAY_MINUTES + 19 * 60 - 7 * 60 - 30
        );
    }

    #[test]
    fn run_crossing_midnight_ends_on_the_next_day() {
        let late = span(Day::Tue, "23:00", 120);
        assert_eq!(late.end(), WeekTime::at(Day::Wed, t("01:00")));
        let sunday_late = span(Day::Sun, "23:30", 60);
        assert_eq!(sunday_late.end(), WeekTime::at(Day::Mon, t("00:30")));
        assert_eq!(sunday_late.gap_to(span(Day::Mon, "06:30", 60)), 6 * 60);
    }

    #[test]
    fn overlap_is_exclusive_of_touching_ends_and_wraps() {
        let a = span(Day::Wed, "07:00", 45);
        assert!(a.overlaps(span(Day::Wed, "07:44", 30)));
        assert!(!a.overlaps(span(Day::Wed, "07:45", 30)));
        assert!(span(Day::Wed, "06:30", 31).overlaps(a));
        assert!(!span(Day::Wed, "06:30", 30).overlaps(a));
        assert!(span(Day::Sun, "23:30", 60).overlaps(span(Day::Mon, "00:00", 10)));
        assert!(!span(Day::Wed, "07:00", 0).overlaps(a));
    }
}
