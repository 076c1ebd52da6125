//! A planned week: the strength sessions, why each day holds one or not, warnings.
//!
//! A `Plan` is what the placement produces and every renderer reads. It holds no
//! dates: the week repeats, and the renderers anchor it to a Monday.

use std::fmt;

use crate::clock::{Span, TimeOfDay};
use crate::day::Day;
use crate::prescription::Workout;
use crate::schedule::Kind;

/// The distance from a session to its nearest hard run on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Minutes between the run and the session, end to start.
    pub minutes: u32,
    /// The run's day.
    pub day: Day,
    /// The run's type.
    pub run_type: &'static str,
    /// The run's start time.
    pub at: TimeOfDay,
}

/// A strength session in the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The day it starts on.
    pub day: Day,
    /// When it happens.
    pub span: Span,
    /// Heavy or light.
    pub kind: Kind,
    /// Whether the runner fixed it in the schedule.
    pub pinned: bool,
    /// Nearest hard run before it (None in a week without hard runs).
    pub before: Option<Gap>,
    /// Nearest hard run after it (None in a week without hard runs).
    pub after: Option<Gap>,
    /// Minutes a heavy session falls short of the ideal distance from the hard runs
    /// (SPEC §3), 0 when it meets it; `None` for a light session.
    pub shortfall: Option<u32>,
    /// For a planned session, why it starts when it does.
    pub why_start: Option<String>,
    /// Its exercises, once prescribed.
    pub workout: Option<Workout>,
}

/// Why a day holds a session or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayReason {
    /// A planned session was placed here.
    Chosen,
    /// The runner pinned a session here.
    Pinned,
    /// The day has a hard run, so it takes no strength.
    HardRun {
        /// The hard run's type.
        run_type: &'static str,
        /// Its start.
        at: TimeOfDay,
    },
    /// The runner wrote `lift = false`.
    LiftFalse,
    /// Runs leave no free start in the lift window for a whole session.
    NoRoom,
    /// The day could hold a session, but others scored better or the target was met.
    NotNeeded,
    /// The day could hold a session, but pinned sessions already meet the target.
    TargetMet,
    /// A block's race rules keep the day free.
    Taper,
}

/// A level of the placement order (SPEC §3), which decides between two placements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Criterion {
    /// 1. most sessions, up to the target.
    Sessions = 1,
    /// 2. most heavy sessions.
    Heavy,
    /// 3. most heavy sessions 24 h or more from hard runs on both sides.
    HeavyIdeal,
    /// 4. fewest pairs of sessions on consecutive days.
    ConsecutiveDays,
    /// 5. largest smallest gap between two strength sessions.
    SpacingBetweenSessions,
    /// 6. starts closest to the preferred lift time.
    PreferredTime,
    /// 7. earliest in the week.
    Earliest,
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Criterion::Sessions => "more sessions",
            Criterion::Heavy => "more heavy sessions",
            Criterion::HeavyIdeal => "more heavy sessions 24 h or more from hard runs",
            Criterion::ConsecutiveDays => "fewer sessions on consecutive days",
            Criterion::SpacingBetweenSessions => "more time between strength sessions",
            Criterion::PreferredTime => "start times closer to the preferred lift time",
            Criterion::Earliest => "earlier in the week",
        };
        write!(f, "level {} ({text})", *self as u8)
    }
}

/// How the chosen days beat the best other choice of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The days of the best placement on other days.
    pub runner_up: Vec<Day>,
    /// The first level of the order at which the chosen placement is better.
    pub level: Criterion,
}

/// The planned week.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Sessions aimed for, pinned ones included.
    pub target: u8,
    /// Every session, pinned and planned, in week order.
    pub sessions: Vec<Session>,
    /// For each day, Monday first, why it holds a session or not.
    pub days: [DayReason; 7],
    /// How the chosen days beat the runner-up, when there was a choice.
    pub decision: Option<Decision>,
    /// Things the runner should know: missed targets, pinned sessions that break rules.
    pub warnings: Vec<String>,
    /// What the week's sessions leave untrained, as data (the prescriber's findings).
    pub coverage: Vec<crate::prescription::Coverage>,
    /// A deload week of a block: fewer sets, lighter loads.
    pub deload: bool,
    /// A taper week of a block: no heavy sessions in the days before a race.
    pub taper: bool,
}

impl Plan {
    /// Every prescribed exercise of the week, session by session.
    pub fn exercises(&self) -> impl Iterator<Item = &crate::prescription::Prescribed> {
        self.sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
    }
}

/// `5 h 30 min`, `24 h`, `45 min`.
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(360), "6 h");
        assert_eq!(duration(650), "10 h 50 min");
        assert_eq!(duration(0), "0 min");
    }

    #[test]
    fn levels_are_numbered_as_in_the_spec() {
        assert_eq!(Criterion::Sessions as u8, 1);
        assert_eq!(Criterion::Earliest as u8, 7);
        assert_eq!(
            Criterion::Heavy.to_string(),
            "level 2 (more heavy sessions)"
        );
    }
}
