//! A day of the week, Monday first, as the schedule and the outputs name it.

use std::fmt;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    /// Monday to Sunday.
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// The short keys, in order: what the schedule and JSON use.
    pub const KEYS: [&'static str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// The full English names, also accepted as keys.
    pub const NAMES: [&'static str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The day with index `i` modulo 7.
    pub fn from_index(i: usize) -> Day {
        Self::ALL[i % 7]
    }

    /// The day a schedule key names: `mon` or `monday`, any case.
    pub fn from_key(key: &str) -> Option<Day> {
        let key = key.to_ascii_lowercase();
        Self::KEYS
            .iter()
            .zip(Self::NAMES)
            .position(|(short, long)| *short == key || long == key)
            .map(Self::from_index)
    }

    /// `mon`, `tue`, …
    pub fn key(self) -> &'static str {
        Self::KEYS[self.index()]
    }

    /// `Mon`, `Tue`, …
    pub fn title(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self.index()]
    }

    /// Whether `self` and `other` are neighbours in the repeating week (Sunday and
    /// Monday are).
    pub fn is_next_to(self, other: Day) -> bool {
        let d = (self.index() + 7 - other.index()) % 7;
        d == 1 || d == 6
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_accept_short_and_full_names_in_any_case() {
        assert_eq!(Day::from_key("tue"), Some(Day::Tue));
        assert_eq!(Day::from_key("Tuesday"), Some(Day::Tue));
        assert_eq!(Day::from_key("SUN"), Some(Day::Sun));
        assert_eq!(Day::from_key("tues"), None);
    }

    #[test]
    fn sunday_and_monday_are_neighbours() {
        assert!(Day::Sun.is_next_to(Day::Mon));
        assert!(Day::Mon.is_next_to(Day::Sun));
        assert!(Day::Wed.is_next_to(Day::Thu));
        assert!(!Day::Wed.is_next_to(Day::Fri));
        assert!(!Day::Wed.is_next_to(Day::Wed));
    }
}
