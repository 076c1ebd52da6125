//! The runs around a week on one line of minutes, and how far a session sits from them.
//!
//! A [`Calendar`] lays the runs of the planned week and of the weeks beside it on one
//! line of minutes counted from the planned week's Monday 00:00. Planning one week
//! alone, the weeks beside it are the same week again, so every gap wraps around
//! from Sunday into Monday; in a block they are the block's own weeks. The placement
//! and the judging of pinned sessions both measure here, so the 6 h and 24 h rules
//! are read in one place.

use crate::clock::TimeOfDay;
use crate::day::Day;
use crate::rules::{
    DAY_MINUTES, HEAVY_GAP_IDEAL, HEAVY_GAP_IDEAL_KEY, HEAVY_GAP_MIN, WEEK_MINUTES,
};
use crate::schedule::{DayPlan, Run};

/// The distance from a session to a hard run on one side.
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
    /// Whether the run is a key run (48 h ideal).
    pub key: bool,
}

/// Which side of a run a session is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The session comes after the run.
    AfterRun,
    /// The session comes before the run.
    BeforeRun,
}

/// One run on the calendar's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Start, in minutes from the planned week's Monday 00:00 (negative before it).
    pub start: i64,
    /// End, likewise.
    pub end: i64,
    /// Whether it is hard.
    pub hard: bool,
    /// Whether it is a key run.
    pub key: bool,
    /// The day it is listed under.
    pub day: Day,
    /// Its type.
    pub run_type: &'static str,
}

impl Occurrence {
    fn of(run: &Run, week: i64) -> Occurrence {
        let start = i64::from(run.span.start.minutes()) + week * i64::from(WEEK_MINUTES);
        Occurrence {
            start,
            end: start + i64::from(run.span.minutes),
            hard: run.hard,
            key: run.key,
            day: run.day,
            run_type: run.run_type,
        }
    }

    fn gap(&self, minutes: i64) -> Gap {
        Gap {
            minutes: u32::try_from(minutes.max(0)).unwrap_or(u32::MAX),
            day: self.day,
            run_type: self.run_type,
            at: TimeOfDay::wrapping(
                u32::try_from(self.start.rem_euclid(i64::from(DAY_MINUTES))).unwrap_or(0),
            ),
            key: self.key,
        }
    }

    /// The ideal distance of a heavy session from this run (hard runs only).
    pub fn ideal(&self) -> u32 {
        if self.key {
            HEAVY_GAP_IDEAL_KEY
        } else {
            HEAVY_GAP_IDEAL
        }
    }
}

/// A stretch of time on the calendar's line: a session, planned or pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// Start, in minutes from the planned week's Monday 00:00.
    pub start: i64,
    /// End, likewise.
    pub end: i64,
}

impl Stretch {
    /// Whether the two share a minute (touching ends do not).
    pub fn overlaps(self, other: Stretch) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How a session sits against the runs around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Distances {
    /// The nearest hard run before it.
    pub before: Option<Gap>,
    /// The nearest hard run after it.
    pub after: Option<Gap>,
    /// How far a heavy session here falls short of the ideal, in minutes (SPEC §3).
    pub shortfall: u32,
    /// The run that sets the shortfall, when there is one.
    pub short_of: Option<(Side, Gap)>,
}

impl Distances {
    /// Whether a session here may be heavy: 6 h or more from hard runs on both sides.
    pub fn may_be_heavy(&self) -> bool {
        let clear = |g: Option<Gap>| g.is_none_or(|g| g.minutes >= HEAVY_GAP_MIN);
        clear(self.before) && clear(self.after)
    }
}

/// The runs and pinned sessions of a week and of the weeks beside it.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    runs: Vec<Occurrence>,
    pinned: Vec<Stretch>,
}

impl Calendar {
    /// The week repeating: the week before and the two after are the same week, so
    /// every gap wraps around the week.
    pub fn repeating(days: &[DayPlan; 7]) -> Calendar {
        Calendar::around([days, days, days, days])
    }

    /// The planned week with the weeks beside it: `[before, this, after, after that]`.
    pub fn around(weeks: [&[DayPlan; 7]; 4]) -> Calendar {
        let mut calendar = Calendar::default();
        for (offset, days) in (-1..).zip(weeks) {
            for day in days {
                calendar
                    .runs
                    .extend(day.runs.iter().map(|r| Occurrence::of(r, offset)));
                calendar.pinned.extend(day.pinned.iter().map(|p| {
                    let start =
                        i64::from(p.span.start.minutes()) + offset * i64::from(WEEK_MINUTES);
                    Stretch {
                        start,
                        end: start + i64::from(p.span.minutes),
                    }
                }));
            }
        }
        calendar.runs.sort_by_key(|r| r.start);
        calendar
    }

    /// The same calendar with only the easy runs that come within `margin` minutes
    /// of `stretch`: what [`Calendar::is_free`] and [`Calendar::distances`] need for a
    /// session inside it.
    pub fn near(&self, stretch: Stretch, margin: u32) -> Calendar {
        let margin = i64::from(margin);
        Calendar {
            runs: self
                .runs
                .iter()
                .filter(|r| {
                    r.hard || (r.end + margin > stretch.start && r.start < stretch.end + margin)
                })
                .copied()
                .collect(),
            pinned: self
                .pinned
                .iter()
                .filter(|p| p.overlaps(stretch))
                .copied()
                .collect(),
        }
    }

    /// Every run on the line, in start order.
    pub fn runs(&self) -> &[Occurrence] {
        &self.runs
    }

    /// The runs that share a minute with `stretch`.
    pub fn overlapping(&self, stretch: Stretch) -> impl Iterator<Item = &Occurrence> {
        self.runs
            .iter()
            .filter(move |r| r.start < stretch.end && stretch.start < r.end)
    }

    /// The nearest run on either side closer than `minutes`, with its side and gap;
    /// runs that overlap `stretch` are not counted.
    pub fn closer_than(&self, stretch: Stretch, minutes: u32) -> Option<(Side, Gap)> {
        let limit = i64::from(minutes);
        self.runs
            .iter()
            .filter_map(|r| {
                if r.end <= stretch.start && stretch.start - r.end < limit {
                    Some((stretch.start - r.end, Side::AfterRun, r))
                } else if r.start >= stretch.end && r.start - stretch.end < limit {
                    Some((r.start - stretch.end, Side::BeforeRun, r))
                } else {
                    None
                }
            })
            .min_by_key(|(gap, _, _)| *gap)
            .map(|(gap, side, r)| (side, r.gap(gap)))
    }

    /// Whether `stretch` keeps `changeover` minutes from every run and overlaps no run
    /// and no pinned session.
    pub fn is_free(&self, stretch: Stretch, changeover: u32) -> bool {
        let margin = i64::from(changeover);
        self.runs
            .iter()
            .all(|r| r.end + margin <= stretch.start || stretch.end + margin <= r.start)
            && !self.pinned.iter().any(|p| p.overlaps(stretch))
    }

    /// How `stretch` sits against the hard runs: the nearest on each side and the
    /// shortfall from the ideal.
    pub fn distances(&self, stretch: Stretch) -> Distances {
        let mut out = Distances {
            before: None,
            after: None,
            shortfall: 0,
            short_of: None,
        };
        let mut worst = 0;
        for run in self.runs.iter().filter(|r| r.hard) {
            let (side, gap) = if run.end <= stretch.start {
                (Side::AfterRun, stretch.start - run.end)
            } else if run.start >= stretch.end {
                (Side::BeforeRun, run.start - stretch.end)
            } else {
                // A pinned session on top of a hard run: as near as can be, so the
                // whole ideal is missed; it is neither before nor after the session.
                (Side::AfterRun, 0)
            };
            let overlaps = run.end > stretch.start && run.start < stretch.end;
            let nearest = match side {
                Side::AfterRun => &mut out.before,
                Side::BeforeRun => &mut out.after,
            };
            if !overlaps && nearest.is_none_or(|g| i64::from(g.minutes) > gap) {
                *nearest = Some(run.gap(gap));
            }
            let short = i64::from(run.ideal()) - gap;
            if short > worst {
                worst = short;
                out.short_of = Some((side, run.gap(gap)));
            }
        }
        out.shortfall = u32::try_from(worst).unwrap_or(u32::MAX);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Overrides, Schedule};

    fn calendar(text: &str) -> Calendar {
        let schedule = Schedule::parse(text, Overrides::default()).expect("valid schedule");
        Calendar::repeating(&schedule.days)
    }

    fn at(day: Day, hh: i64, mm: i64, minutes: i64) -> Stretch {
        let start = day.index() as i64 * 1440 + hh * 60 + mm;
        Stretch {
            start,
            end: start + minutes,
        }
    }

    #[test]
    fn a_sunday_lift_is_10_h_50_min_before_monday_dawn_intervals() {
        let c = calendar("[week]\nmon = { run = \"intervals\", at = \"06:30\" }\n");
        let d = c.distances(at(Day::Sun, 19, 0, 40));
        let after = d.after.expect("the monday run comes round");
        assert_eq!((after.minutes, after.day), (10 * 60 + 50, Day::Mon));
        assert_eq!(
            d.before.expect("and went before").minutes,
            6 * 1440 + 19 * 60 - 7 * 60 - 30
        );
        assert_eq!(d.shortfall, 24 * 60 - (10 * 60 + 50));
        assert!(d.may_be_heavy());
    }

    #[test]
    fn a_key_run_wants_48_h_and_sets_the_shortfall() {
        let c = calendar(
            "[week]\nsun = { run = \"long\", at = \"08:00\", minutes = 150 }\nwed = { run = \"tempo\", at = \"18:00\" }\n",
        );
        // Friday 18:00-18:40 is 37 h 20 min before Sunday's 08:00 key long run.
        let d = c.distances(at(Day::Fri, 18, 0, 40));
        assert_eq!(d.shortfall, 48 * 60 - (37 * 60 + 20));
        let (side, gap) = d.short_of.expect("the long run is too near");
        assert_eq!(
            (side, gap.run_type, gap.key),
            (Side::BeforeRun, "long", true)
        );
    }

    #[test]
    fn changeover_is_kept_from_easy_runs_too() {
        let c = calendar("[week]\nwed = { run = \"easy\", at = \"07:00\", minutes = 45 }\n");
        assert!(!c.is_free(at(Day::Wed, 8, 0, 40), 30));
        assert!(c.is_free(at(Day::Wed, 8, 15, 40), 30));
        assert!(c.is_free(at(Day::Wed, 7, 45, 40), 0));
        assert!(!c.is_free(at(Day::Wed, 7, 30, 40), 0));
        assert_eq!(
            c.closer_than(at(Day::Wed, 8, 0, 40), 30)
                .map(|(s, g)| (s, g.minutes)),
            Some((Side::AfterRun, 15))
        );
    }

    #[test]
    fn a_week_without_hard_runs_sets_no_limit() {
        let c = calendar("[week]\nwed = \"easy\"\n");
        let d = c.distances(at(Day::Mon, 18, 0, 40));
        assert_eq!((d.before, d.after, d.shortfall), (None, None, 0));
        assert!(d.may_be_heavy());
    }
}
