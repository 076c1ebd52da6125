//! A planned week: the strength sessions, why each day holds one or not, warnings.
//!
//! A `Plan` is what the placement produces and every renderer reads. It holds no
//! dates: the week repeats, and the renderers anchor it to a Monday.

use crate::clock::{Span, TimeOfDay};
use crate::day::Day;
pub use crate::gaps::{Gap, Side};
use crate::judge::{Finding, SessionRef};
use crate::schedule::Kind;
use crate::workout::Workout;

/// A strength session in the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The day it belongs to (a night session may start after midnight).
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
    /// For a heavy session, minutes it falls short of the ideal distance from the
    /// hard runs (24 h, 48 h from a key run); `None` for a light one.
    pub shortfall: Option<u32>,
    /// The hard run that sets a heavy session's shortfall, when it is above 0.
    pub short_of: Option<(Side, Gap)>,
    /// For a planned session, why it is of its kind and starts when it does.
    pub why: Option<SessionWhy>,
    /// Its exercises, once prescribed.
    pub workout: Option<Workout>,
}

/// Why a planned session is what it is: data for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionWhy {
    /// Why it is heavy or light.
    pub kind: KindWhy,
    /// Why it starts when it does.
    pub start: StartWhy,
}

/// Why a planned session is heavy or light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindWhy {
    /// The other kind was possible; this placement beats the best one with it.
    Chosen(Alternative),
    /// Heavy is not possible here: some hard run is less than 6 h away on every start.
    TooNearHardRun,
    /// Heavy would sit on the day next to another heavy session.
    NextToHeavy(Day),
    /// The week already holds its most heavy sessions.
    HeavyMaxReached(u8),
    /// The block's taper allows no heavy session here.
    Taper,
}

/// Why a planned session starts when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartWhy {
    /// The free start nearest the preferred lift time.
    Nearest {
        /// The preferred lift time.
        preferred: TimeOfDay,
    },
    /// As near as another start; the earlier is taken (level 7).
    Earlier {
        /// The later start, as near.
        other: TimeOfDay,
        /// The preferred lift time.
        preferred: TimeOfDay,
    },
    /// A nearer start exists but could not be heavy (level 2).
    KeepsHeavy {
        /// The nearer start.
        nearer: TimeOfDay,
        /// The preferred lift time.
        preferred: TimeOfDay,
    },
    /// A nearer start would fall further short of the ideal (level 3).
    SmallerShortfall {
        /// The nearer start.
        nearer: TimeOfDay,
        /// Its shortfall, in minutes.
        shortfall: u32,
        /// The preferred lift time.
        preferred: TimeOfDay,
    },
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
    /// `hard_days = "after-run"`, but no whole session starts 6 h after the day's last
    /// hard run inside the window.
    AfterHardRun {
        /// The last hard run's type.
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
    /// 2. most heavy sessions, up to `heavy_max`.
    Heavy,
    /// 3. smallest shortfalls of the heavy sessions, the worst first.
    Shortfall,
    /// 4. widest spacing in days between sessions.
    Spacing,
    /// 5. widest spacing in days between heavy sessions.
    HeavySpacing,
    /// 6. starts closest to the preferred lift time.
    PreferredTime,
    /// 7. earliest in the week.
    Earliest,
    /// 8. heavy sessions earliest.
    HeavyEarliest,
}

impl Criterion {
    /// The level's number in SPEC §3.
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// The best placement of another shape, and the level at which the chosen one beats it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// Its planned days.
    pub days: Vec<Day>,
    /// Which of them are heavy.
    pub heavy: Vec<Day>,
    /// The first level of the order at which the chosen placement is better.
    pub level: Criterion,
}

/// Something the runner should know about the week, as data; the renderers word it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A pinned session breaks a rule or misses a preference.
    Pinned(Finding),
    /// A planned heavy session falls short of the ideal, and no slot this week allows
    /// more.
    Shortfall {
        /// The session.
        session: SessionRef,
        /// Which side of the run it is on.
        side: Side,
        /// The run that sets the shortfall.
        gap: Gap,
        /// The ideal distance from that run.
        ideal: u32,
    },
    /// More sessions pinned than aimed for.
    PinnedOverTarget {
        /// Pinned sessions.
        pinned: usize,
        /// The target.
        target: u8,
    },
    /// A block's race rules left a pinned session out of the week.
    PinnedLeftOut {
        /// Its day.
        day: Day,
        /// Its start.
        at: TimeOfDay,
        /// Which race rule.
        rule: RaceRule,
    },
    /// The taper made a pinned heavy session light.
    PinnedMadeLight {
        /// Its day.
        day: Day,
        /// Its start.
        at: TimeOfDay,
    },
    /// Fewer sessions fit than asked for.
    FewerSessions {
        /// Sessions in the week.
        placed: usize,
        /// The target.
        target: u8,
    },
}

/// A race rule of a block that keeps a pinned session out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RaceRule {
    /// No strength in the 48 h before the race, on race day or the day after.
    Clear,
    /// Race week holds at most one session.
    RaceWeekOne,
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
    /// For each day that could hold a session, the best placement that differs there
    /// (without the day if it holds one, with it if not).
    pub day_alternatives: [Option<Alternative>; 7],
    /// How the chosen placement beats the runner-up, when there was a choice.
    pub decision: Option<Alternative>,
    /// What the placement and the block have to say: pinned sessions that break
    /// rules or give way to a race, shortfalls, targets missed.
    pub notes: Vec<Note>,
    /// What the week's sessions leave untrained, as data (the prescriber's findings).
    pub coverage: Vec<crate::workout::Coverage>,
    /// A deload week of a block: fewer sets, lighter loads.
    pub deload: bool,
    /// A taper week of a block: no heavy sessions in the days before a race.
    pub taper: bool,
    /// The block's phase of this week; `None` for a week planned alone.
    pub phase: Option<crate::phase::Phase>,
}

impl Session {
    /// Minutes from the week's Monday 00:00 to its start: past the end of the week for
    /// a Sunday-night session that starts after midnight.
    pub fn start_minutes(&self) -> u32 {
        let start = self.span.start.minutes();
        let midnight = self.day.index() as u32 * crate::rules::DAY_MINUTES;
        if start < midnight {
            start + crate::rules::WEEK_MINUTES
        } else {
            start
        }
    }
}

impl Plan {
    /// Every prescribed exercise of the week, session by session.
    pub fn exercises(&self) -> impl Iterator<Item = &crate::workout::Prescribed> {
        self.sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_numbered_as_in_the_spec() {
        assert_eq!(Criterion::Sessions.number(), 1);
        assert_eq!(Criterion::Shortfall.number(), 3);
        assert_eq!(Criterion::HeavyEarliest.number(), 8);
    }
}
