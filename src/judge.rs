//! Judging the strength sessions a runner pinned against the coaching rules.
//!
//! `week` shows these findings as warnings and plans around the sessions anyway;
//! `check` judges a file's pinned sessions as the whole week's strength work and fails
//! on any finding that breaks a hard rule.

use std::fmt;

use crate::clock::TimeOfDay;
use crate::day::Day;
use crate::placement::{describe_gap, gaps};
use crate::plan::duration;
use crate::rules::{
    HEAVY_GAP_IDEAL, HEAVY_GAP_MIN, SESSION_MINUTES_MAX, SESSION_MINUTES_MIN, SESSIONS_MAX,
    SESSIONS_MIN,
};
use crate::schedule::{Kind, Pinned, Run, Schedule};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A preference missed: worth knowing, not an error.
    Preference,
    /// A hard rule broken.
    Violation,
}

/// The rule a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Strength goes on easy or rest days only.
    HardDay,
    /// A heavy session at least 6 h from any hard run.
    HeavyGap,
    /// A heavy session ideally 24 h or more from any hard run.
    HeavyGapIdeal,
    /// At most one session a day.
    OneADay,
    /// A session lasts 30 to 45 minutes.
    Length,
    /// A session never overlaps a run.
    Overlap,
    /// Two or three sessions a week.
    Count,
}

impl Rule {
    /// A stable name for scripts.
    pub fn name(self) -> &'static str {
        match self {
            Rule::HardDay => "hard-day",
            Rule::HeavyGap => "heavy-gap",
            Rule::HeavyGapIdeal => "heavy-gap-ideal",
            Rule::OneADay => "one-a-day",
            Rule::Length => "length",
            Rule::Overlap => "overlap",
            Rule::Count => "count",
        }
    }
}

/// The session a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionRef {
    /// Its day.
    pub day: Day,
    /// Its start.
    pub at: TimeOfDay,
    /// Its kind.
    pub kind: Kind,
}

/// One rule missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Violation or missed preference.
    pub severity: Severity,
    /// Which rule.
    pub rule: Rule,
    /// The session, or `None` for the week as a whole.
    pub session: Option<SessionRef>,
    /// What is wrong, with the numbers.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.session {
            Some(s) => write!(f, "{} {} {}: {}", s.day, s.at, s.kind.name(), self.message),
            None => write!(f, "week: {}", self.message),
        }
    }
}

/// Every rule the pinned sessions of `schedule` miss, session by session, in week order.
pub fn findings(schedule: &Schedule) -> Vec<Finding> {
    let hard: Vec<&Run> = schedule.hard_runs().collect();
    let mut out = Vec::new();
    for pinned in schedule.pinned() {
        let session = SessionRef {
            day: pinned.day,
            at: pinned.span.start.time(),
            kind: pinned.kind,
        };
        let mut say = |severity, rule, message: String| {
            out.push(Finding {
                severity,
                rule,
                session: Some(session),
                message,
            });
        };
        let day = &schedule.days[pinned.day.index()];
        if let Some(run) = day.runs.iter().find(|r| r.hard) {
            say(
                Severity::Violation,
                Rule::HardDay,
                format!(
                    "on a hard day ({} at {}), strength goes on easy or rest days",
                    run.run_type,
                    run.span.start.time()
                ),
            );
        }
        if let Some(run) = schedule.runs().find(|r| r.span.overlaps(pinned.span)) {
            say(
                Severity::Violation,
                Rule::Overlap,
                format!(
                    "overlaps the {} {} {} run",
                    run.day,
                    run.span.start.time(),
                    run.run_type
                ),
            );
        }
        if !(SESSION_MINUTES_MIN..=SESSION_MINUTES_MAX).contains(&pinned.span.minutes) {
            say(
                Severity::Violation,
                Rule::Length,
                format!(
                    "{} min long, a session lasts {SESSION_MINUTES_MIN} to {SESSION_MINUTES_MAX} min",
                    pinned.span.minutes
                ),
            );
        }
        if day.pinned.first() != Some(pinned) {
            say(
                Severity::Violation,
                Rule::OneADay,
                format!("a second session on {}, at most one a day", pinned.day),
            );
        }
        if pinned.kind == Kind::Heavy {
            heavy_gaps(pinned, &hard, &mut say);
        }
    }
    out
}

/// What `check` says of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The file's name.
    pub file: String,
    /// How many sessions it pins.
    pub sessions: usize,
    /// Every rule missed, violations and preferences, in week order.
    pub findings: Vec<Finding>,
}

impl Verdict {
    /// Judges the pinned sessions of `schedule`, read from `file`.
    pub fn of(file: String, schedule: &Schedule) -> Verdict {
        Verdict {
            file,
            sessions: schedule.pinned().count(),
            findings: check(schedule),
        }
    }

    /// Whether the file keeps every hard rule.
    pub fn ok(&self) -> bool {
        self.findings
            .iter()
            .all(|f| f.severity != Severity::Violation)
    }
}

/// [`findings`], plus the week's count: what `check` reports for one file.
pub fn check(schedule: &Schedule) -> Vec<Finding> {
    let mut out = findings(schedule);
    let count = schedule.pinned().count();
    if !(usize::from(SESSIONS_MIN)..=usize::from(SESSIONS_MAX)).contains(&count) {
        out.push(Finding {
            severity: Severity::Violation,
            rule: Rule::Count,
            session: None,
            message: format!(
                "{count} strength session{}, the rules call for {SESSIONS_MIN} to {SESSIONS_MAX} a week",
                if count == 1 { "" } else { "s" }
            ),
        });
    }
    out
}

fn heavy_gaps(pinned: &Pinned, hard: &[&Run], say: &mut impl FnMut(Severity, Rule, String)) {
    let (before, after) = gaps(pinned.span, hard);
    for (gap, side) in [(before, "after"), (after, "before")] {
        let Some(gap) = gap else { continue };
        if gap.minutes < HEAVY_GAP_MIN {
            say(
                Severity::Violation,
                Rule::HeavyGap,
                format!(
                    "{}, heavy needs {}",
                    describe_gap(&gap, side),
                    duration(HEAVY_GAP_MIN)
                ),
            );
        } else if gap.minutes < HEAVY_GAP_IDEAL {
            say(
                Severity::Preference,
                Rule::HeavyGapIdeal,
                format!(
                    "{}, ideally {} or more",
                    describe_gap(&gap, side),
                    duration(HEAVY_GAP_IDEAL)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn check_text(text: &str) -> Vec<String> {
        check(&Schedule::parse(text, Overrides::default()).expect("valid"))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_issue_example_reads_as_written() {
        let found = check_text(
            "[week]\ntue = { run = \"race\", at = \"23:00\", minutes = 90 }\n\
             wed = { strength = \"heavy\", at = \"06:00\" }\nfri = { strength = \"light\", at = \"18:00\" }\n",
        );
        assert_eq!(
            found,
            ["wed 06:00 heavy: 5 h 30 min after the tue 23:00 race, heavy needs 6 h"]
        );
    }

    #[test]
    fn every_rule_is_named() {
        let found = check(
            &Schedule::parse(
                "[week]\nmon = [{ run = \"tempo\", at = \"07:00\" }, { strength = \"heavy\", at = \"07:30\", minutes = 60 }, { strength = \"light\", at = \"19:00\" }]\n",
                Overrides::default(),
            )
            .expect("valid"),
        );
        let rules: Vec<Rule> = found.iter().map(|f| f.rule).collect();
        for rule in [Rule::HardDay, Rule::Overlap, Rule::Length, Rule::OneADay] {
            assert!(rules.contains(&rule), "{rule:?} missing from {found:?}");
        }
    }

    #[test]
    fn one_pinned_session_is_too_few_and_four_too_many() {
        assert_eq!(
            check_text("[week]\nwed = { strength = \"light\", at = \"18:00\" }\n"),
            ["week: 1 strength session, the rules call for 2 to 3 a week"]
        );
        let four = "[week]\nmon = { strength = \"light\", at = \"18:00\" }\ntue = { strength = \"light\", at = \"18:00\" }\n\
                    thu = { strength = \"light\", at = \"18:00\" }\nsat = { strength = \"light\", at = \"18:00\" }\n";
        assert_eq!(
            check_text(four),
            ["week: 4 strength sessions, the rules call for 2 to 3 a week"]
        );
    }

    #[test]
    fn a_heavy_session_under_24_h_from_a_hard_run_is_only_a_preference() {
        let found = check(
            &Schedule::parse(
                "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\nmon = { strength = \"heavy\", at = \"18:00\" }\nthu = { strength = \"light\", at = \"18:00\" }\n",
                Overrides::default(),
            )
            .expect("valid"),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].severity, found[0].rule),
            (Severity::Preference, Rule::HeavyGapIdeal)
        );
    }
}
