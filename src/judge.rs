//! Judging the strength sessions a runner pinned against the coaching rules.
//!
//! `week` shows these findings as warnings and plans around the sessions anyway;
//! `check` judges a file's pinned sessions as the whole week's strength work and fails
//! on any finding that breaks a hard rule. Findings are data; the renderers word them.

use crate::clock::TimeOfDay;
use crate::day::Day;
use crate::gaps::{Calendar, Gap, Side, Stretch};
use crate::rules::{
    HEAVY_GAP_MIN, SESSION_MINUTES_MAX, SESSION_MINUTES_MIN, SESSIONS_MAX, SESSIONS_MIN,
};
use crate::schedule::{HardDays, Kind, Schedule};

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
    /// Strength goes on easy or rest days (or after the run, with `after-run`).
    HardDay,
    /// A heavy session at least 6 h from any hard run.
    HeavyGap,
    /// A heavy session ideally 24 h (48 h from a key run) or more from hard runs.
    HeavyGapIdeal,
    /// At most one session a day.
    OneADay,
    /// A session lasts 30 to 45 minutes.
    Length,
    /// A session never overlaps a run.
    Overlap,
    /// Two or three sessions a week.
    Count,
    /// At least `changeover_minutes` between a session and a run.
    Changeover,
    /// No heavy sessions on consecutive days.
    ConsecutiveHeavy,
    /// At most `heavy_max` heavy sessions a week.
    HeavyMax,
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
            Rule::Changeover => "changeover",
            Rule::ConsecutiveHeavy => "consecutive-heavy",
            Rule::HeavyMax => "heavy-max",
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

/// A run a finding names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunRef {
    /// The day it is listed under.
    pub day: Day,
    /// Its start.
    pub at: TimeOfDay,
    /// Its type.
    pub run_type: &'static str,
}

/// What exactly is wrong, with the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// On a hard day; with `after-run`, too soon after its last hard run.
    HardDay {
        /// The day's (last) hard run.
        run: RunRef,
        /// Whether `hard_days = "after-run"` was set (and the session is too early).
        after_run: bool,
    },
    /// A heavy session closer than 6 h to a hard run.
    HeavyGap {
        /// Which side of the run.
        side: Side,
        /// The run and the distance.
        gap: Gap,
    },
    /// A heavy session short of the ideal distance from a hard run.
    Shortfall {
        /// Which side of the run.
        side: Side,
        /// The run and the distance.
        gap: Gap,
        /// The ideal distance.
        ideal: u32,
    },
    /// Overlaps a run.
    Overlap {
        /// The run.
        run: RunRef,
    },
    /// A second session on the day.
    OneADay,
    /// Too short or too long.
    Length {
        /// Its minutes.
        minutes: u32,
    },
    /// Closer to a run than the changeover.
    Changeover {
        /// Which side of the run.
        side: Side,
        /// Minutes between them.
        minutes: u32,
        /// The run.
        run: RunRef,
        /// The changeover asked for.
        need: u32,
    },
    /// A heavy session on the day next to another.
    ConsecutiveHeavy {
        /// The other heavy session.
        other: SessionRef,
    },
    /// More heavy sessions than `heavy_max`.
    HeavyMax {
        /// Heavy sessions pinned.
        count: usize,
        /// The most allowed.
        max: u8,
    },
    /// Too few or too many sessions in the week.
    Count {
        /// Sessions pinned.
        count: usize,
    },
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
    pub detail: Detail,
}

/// Every rule the pinned sessions of `schedule` miss, session by session, in week
/// order, measured against the runs of `calendar`.
pub fn findings(schedule: &Schedule, calendar: &Calendar) -> Vec<Finding> {
    let runner = &schedule.runner;
    let mut out = Vec::new();
    let pinned: Vec<_> = schedule.pinned().collect();
    for (i, p) in pinned.iter().enumerate() {
        let session = SessionRef {
            day: p.day,
            at: p.span.start.time(),
            kind: p.kind,
        };
        let mut say = |severity, rule, detail| {
            out.push(Finding {
                severity,
                rule,
                session: Some(session),
                detail,
            });
        };
        let start = i64::from(p.span.start.minutes());
        let here = Stretch {
            start,
            end: start + i64::from(p.span.minutes),
        };
        let day = &schedule.days[p.day.index()];
        let last_hard = day
            .runs
            .iter()
            .filter(|r| r.hard)
            .max_by_key(|r| r.span.start.minutes() + r.span.minutes);
        if let Some(run) = last_hard {
            let after_run = runner.hard_days == HardDays::AfterRun;
            let ready = i64::from(run.span.start.minutes() + run.span.minutes + HEAVY_GAP_MIN);
            if !after_run || start < ready {
                say(
                    Severity::Violation,
                    Rule::HardDay,
                    Detail::HardDay {
                        run: RunRef {
                            day: run.day,
                            at: run.span.start.time(),
                            run_type: run.run_type,
                        },
                        after_run,
                    },
                );
            }
        }
        let overlapping: Vec<_> = calendar.overlapping(here).copied().collect();
        for run in &overlapping {
            say(
                Severity::Violation,
                Rule::Overlap,
                Detail::Overlap {
                    run: RunRef {
                        day: run.day,
                        at: TimeOfDay::wrapping(
                            u32::try_from(run.start.rem_euclid(1440)).unwrap_or(0),
                        ),
                        run_type: run.run_type,
                    },
                },
            );
        }
        if !(SESSION_MINUTES_MIN..=SESSION_MINUTES_MAX).contains(&p.span.minutes) {
            say(
                Severity::Violation,
                Rule::Length,
                Detail::Length {
                    minutes: p.span.minutes,
                },
            );
        }
        if day.pinned.first() != Some(*p) {
            say(Severity::Violation, Rule::OneADay, Detail::OneADay);
        }
        if overlapping.is_empty() && runner.changeover_minutes > 0 {
            if let Some((side, gap)) = calendar.closer_than(here, runner.changeover_minutes) {
                say(
                    Severity::Preference,
                    Rule::Changeover,
                    Detail::Changeover {
                        side,
                        minutes: gap.minutes,
                        run: RunRef {
                            day: gap.day,
                            at: gap.at,
                            run_type: gap.run_type,
                        },
                        need: runner.changeover_minutes,
                    },
                );
            }
        }
        if p.kind == Kind::Heavy {
            let distances = calendar.distances(here);
            for (gap, side) in [
                (distances.before, Side::AfterRun),
                (distances.after, Side::BeforeRun),
            ] {
                if let Some(gap) = gap.filter(|g| g.minutes < HEAVY_GAP_MIN) {
                    say(
                        Severity::Violation,
                        Rule::HeavyGap,
                        Detail::HeavyGap { side, gap },
                    );
                }
            }
            if let (true, Some((side, gap))) = (distances.may_be_heavy(), distances.short_of) {
                say(
                    Severity::Preference,
                    Rule::HeavyGapIdeal,
                    Detail::Shortfall {
                        side,
                        gap,
                        ideal: gap.minutes + distances.shortfall,
                    },
                );
            }
            for other in pinned[i + 1..].iter().filter(|o| o.kind == Kind::Heavy) {
                if other.day.is_next_to(p.day) {
                    say(
                        Severity::Preference,
                        Rule::ConsecutiveHeavy,
                        Detail::ConsecutiveHeavy {
                            other: SessionRef {
                                day: other.day,
                                at: other.span.start.time(),
                                kind: other.kind,
                            },
                        },
                    );
                }
            }
        }
    }
    let heavy = pinned.iter().filter(|p| p.kind == Kind::Heavy).count();
    if heavy > usize::from(runner.heavy_max) {
        out.push(Finding {
            severity: Severity::Preference,
            rule: Rule::HeavyMax,
            session: None,
            detail: Detail::HeavyMax {
                count: heavy,
                max: runner.heavy_max,
            },
        });
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

/// [`findings`] over the repeating week, plus the week's count: what `check` reports
/// for one file.
pub fn check(schedule: &Schedule) -> Vec<Finding> {
    let mut out = findings(schedule, &Calendar::repeating(&schedule.days));
    let count = schedule.pinned().count();
    if !(usize::from(SESSIONS_MIN)..=usize::from(SESSIONS_MAX)).contains(&count) {
        out.push(Finding {
            severity: Severity::Violation,
            rule: Rule::Count,
            session: None,
            detail: Detail::Count { count },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn check_rules(text: &str) -> Vec<(Severity, Rule)> {
        check(&Schedule::parse(text, Overrides::default()).expect("valid"))
            .iter()
            .map(|f| (f.severity, f.rule))
            .collect()
    }

    #[test]
    fn a_heavy_session_under_6_h_after_a_race_is_a_violation() {
        let found = check(
            &Schedule::parse(
                "[week]\ntue = { run = \"race\", at = \"23:00\", minutes = 90 }\n\
                 wed = { strength = \"heavy\", at = \"06:00\" }\nfri = { strength = \"light\", at = \"18:00\" }\n",
                Overrides::default(),
            )
            .expect("valid"),
        );
        let gap = found
            .iter()
            .find_map(|f| match f.detail {
                Detail::HeavyGap { side, gap } => Some((side, gap.minutes, gap.run_type)),
                _ => None,
            })
            .expect("a heavy-gap finding");
        assert_eq!(gap, (Side::AfterRun, 5 * 60 + 30, "race"));
    }

    #[test]
    fn every_rule_is_named() {
        let rules = check_rules(
            "[week]\nmon = [{ run = \"tempo\", at = \"07:00\" }, { strength = \"heavy\", at = \"07:30\", minutes = 60 }, { strength = \"light\", at = \"19:00\" }]\n",
        );
        for rule in [Rule::HardDay, Rule::Overlap, Rule::Length, Rule::OneADay] {
            assert!(
                rules.iter().any(|(_, r)| *r == rule),
                "{rule:?} missing from {rules:?}"
            );
        }
    }

    #[test]
    fn one_pinned_session_is_too_few_and_four_too_many() {
        assert_eq!(
            check_rules("[week]\nwed = { strength = \"light\", at = \"18:00\" }\n"),
            [(Severity::Violation, Rule::Count)]
        );
    }

    #[test]
    fn changeover_consecutive_heavy_and_heavy_max_are_warnings() {
        let rules = check_rules(
            "[runner]\nheavy_max = 1\n[week]\nmon = [{ run = \"easy\", at = \"07:00\" }, { strength = \"heavy\", at = \"07:55\" }]\n\
             tue = { strength = \"heavy\", at = \"18:00\" }\n",
        );
        assert!(
            rules.contains(&(Severity::Preference, Rule::Changeover)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&(Severity::Preference, Rule::ConsecutiveHeavy)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&(Severity::Preference, Rule::HeavyMax)),
            "{rules:?}"
        );
        assert!(
            rules.iter().all(|(s, _)| *s == Severity::Preference),
            "{rules:?}"
        );
    }

    #[test]
    fn after_run_allows_a_session_6_h_after_the_days_hard_run() {
        let base = "[week]\ntue = [{ run = \"intervals\", at = \"06:30\" }, { strength = \"light\", at = \"14:00\" }]\n\
                    fri = { strength = \"light\", at = \"18:00\" }\n";
        assert!(check_rules(base).contains(&(Severity::Violation, Rule::HardDay)));
        let after = format!("[runner]\nhard_days = \"after-run\"\n{base}");
        assert!(!check_rules(&after).iter().any(|(_, r)| *r == Rule::HardDay));
        let early = after.replace("14:00", "12:00");
        assert!(check_rules(&early).contains(&(Severity::Violation, Rule::HardDay)));
    }

    #[test]
    fn a_heavy_session_under_24_h_from_a_hard_run_is_only_a_preference() {
        let rules = check_rules(
            "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\nmon = { strength = \"heavy\", at = \"18:00\" }\nthu = { strength = \"light\", at = \"18:00\" }\n",
        );
        assert_eq!(rules, [(Severity::Preference, Rule::HeavyGapIdeal)]);
    }
}
