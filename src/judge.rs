//! Judging the strength sessions a runner pinned against the coaching rules.
//!
//! `week` shows these findings as warnings and plans around the sessions anyway;
//! `check` fails on any that break a hard rule.

use std::fmt;

use crate::day::Day;
use crate::placement::{describe_gap, gaps};
use crate::plan::duration;
use crate::rules::{HEAVY_GAP_IDEAL, HEAVY_GAP_MIN, SESSION_MINUTES_MAX, SESSION_MINUTES_MIN};
use crate::schedule::{Kind, Pinned, Run, Schedule};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A preference missed: worth knowing, not an error.
    Preference,
    /// A hard rule broken.
    Violation,
}

/// One rule a pinned session misses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Violation or missed preference.
    pub severity: Severity,
    /// The session's day.
    pub day: Day,
    /// The session's start, `HH:MM`.
    pub at: String,
    /// The session's kind.
    pub kind: Kind,
    /// What is wrong, with the numbers.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pinned {} {} {}: {}",
            self.day,
            self.at,
            self.kind.name(),
            self.message
        )
    }
}

/// Every rule the pinned sessions of `schedule` miss, in week order.
pub fn findings(schedule: &Schedule) -> Vec<Finding> {
    let hard: Vec<&Run> = schedule.hard_runs().collect();
    let mut out = Vec::new();
    for pinned in schedule.pinned() {
        let mut say = |severity, message: String| {
            out.push(Finding {
                severity,
                day: pinned.day,
                at: pinned.span.start.time().to_string(),
                kind: pinned.kind,
                message,
            });
        };
        let day = &schedule.days[pinned.day.index()];
        if let Some(run) = day.runs.iter().find(|r| r.hard) {
            say(
                Severity::Violation,
                format!(
                    "on a hard day ({} at {}): strength goes on easy or rest days",
                    run.run_type,
                    run.span.start.time()
                ),
            );
        }
        if let Some(run) = schedule.runs().find(|r| r.span.overlaps(pinned.span)) {
            say(
                Severity::Violation,
                format!(
                    "overlaps the {} {} run at {}",
                    run.day,
                    run.run_type,
                    run.span.start.time()
                ),
            );
        }
        if !(SESSION_MINUTES_MIN..=SESSION_MINUTES_MAX).contains(&pinned.span.minutes) {
            say(
                Severity::Violation,
                format!(
                    "{} min long, a session lasts {SESSION_MINUTES_MIN} to {SESSION_MINUTES_MAX} min",
                    pinned.span.minutes
                ),
            );
        }
        if day.pinned.len() > 1 && day.pinned.first() != Some(pinned) {
            say(
                Severity::Violation,
                format!("a second session on {}: at most one a day", pinned.day),
            );
        }
        if pinned.kind == Kind::Heavy {
            heavy_gaps(pinned, &hard, &mut say);
        }
    }
    out
}

fn heavy_gaps(pinned: &Pinned, hard: &[&Run], say: &mut impl FnMut(Severity, String)) {
    let (before, after) = gaps(pinned.span, hard);
    for (gap, side) in [(before, "after"), (after, "before")] {
        let Some(gap) = gap else { continue };
        if gap.minutes < HEAVY_GAP_MIN {
            say(
                Severity::Violation,
                format!(
                    "{}, heavy needs {}",
                    describe_gap(&gap, side),
                    duration(HEAVY_GAP_MIN)
                ),
            );
        } else if gap.minutes < HEAVY_GAP_IDEAL {
            say(
                Severity::Preference,
                format!(
                    "{}, ideally {} or more",
                    describe_gap(&gap, side),
                    duration(HEAVY_GAP_IDEAL)
                ),
            );
        }
    }
}
