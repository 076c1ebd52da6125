//! A training block: the usual week over many weeks, with deloads and a race taper.
//!
//! Every week is placed as the usual week is (the schedule repeats, so the placement
//! is found once); then the block's rules adjust it: every fourth week is a deload
//! week, and before a race heavy sessions turn light, race week keeps at most one
//! light session well before the start, and race day and the day after stay free.
//! Sessions are prescribed after these changes, so a session made light gets the
//! light template.

use std::fmt;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::day::Day;
use crate::placement::{self, Infeasible};
use crate::plan::{DayReason, Plan, Session};
use crate::prescription;
use crate::rules::{
    BLOCK_WEEKS_MAX, DELOAD_EVERY_WEEKS, RACE_LAST_SESSION_GAP, RACE_REST_DAYS,
    RACE_WEEK_SESSIONS_MAX, TAPER_NO_HEAVY_DAYS,
};
use crate::schedule::{Kind, Schedule};
use crate::template::Library;

/// What the block covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockOptions {
    /// The Monday of the first week.
    pub first_monday: NaiveDate,
    /// How many weeks; without it, up to and including the race week.
    pub weeks: Option<u32>,
    /// The race day, if the block leads to one.
    pub race: Option<NaiveDate>,
}

/// The race a block leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Race {
    /// Race day.
    pub date: NaiveDate,
    /// When the race starts: the schedule's `race` run time, else `run_time`.
    pub start: NaiveDateTime,
}

/// One week of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockWeek {
    /// 1 for the first week.
    pub number: u32,
    /// Its Monday.
    pub monday: NaiveDate,
    /// Its plan, `deload` and `taper` marked.
    pub plan: Plan,
}

/// A planned block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The race, if any.
    pub race: Option<Race>,
    /// The weeks, in order.
    pub weeks: Vec<BlockWeek>,
}

/// Why a block cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockError {
    /// The race is before the first week.
    RaceBeforeStart {
        /// Race day.
        race: NaiveDate,
        /// The first Monday.
        first: NaiveDate,
    },
    /// `--weeks` ends before the race week.
    EndsBeforeRace {
        /// Race day.
        race: NaiveDate,
        /// The last Sunday.
        last: NaiveDate,
        /// Weeks needed to reach the race.
        needed: u32,
    },
    /// More weeks than a block holds.
    TooLong {
        /// Weeks asked for or needed.
        weeks: u32,
    },
    /// Neither `--weeks` nor `--race`.
    NoLength,
    /// The usual week has no plan.
    Infeasible(Infeasible),
}

impl fmt::Display for BlockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockError::RaceBeforeStart { race, first } => {
                write!(
                    f,
                    "the race on {race} is before the block starts on {first}"
                )
            }
            BlockError::EndsBeforeRace { race, last, needed } => write!(
                f,
                "the block ends on {last}, before the race on {race}; it needs {needed} weeks to reach it"
            ),
            BlockError::TooLong { weeks } => {
                write!(
                    f,
                    "{weeks} weeks is longer than a block of at most {BLOCK_WEEKS_MAX}"
                )
            }
            BlockError::NoLength => write!(f, "give --weeks N, --race DATE, or both"),
            BlockError::Infeasible(infeasible) => infeasible.fmt(f),
        }
    }
}

impl std::error::Error for BlockError {}

/// Plans a block: the usual week placed once, then each week adjusted and prescribed.
pub fn plan_block(
    schedule: &Schedule,
    library: &Library,
    options: BlockOptions,
) -> Result<Block, BlockError> {
    let first = options.first_monday;
    let race = options.race.map(|date| Race {
        date,
        start: date.and_time(race_time(schedule)),
    });
    let weeks = match (options.weeks, race) {
        (_, Some(race)) if race.date < first => {
            return Err(BlockError::RaceBeforeStart {
                race: race.date,
                first,
            });
        }
        (weeks, Some(race)) => {
            let needed = u32::try_from((race.date - first).num_days() / 7 + 1).unwrap_or(u32::MAX);
            match weeks {
                Some(weeks) if weeks < needed => {
                    let last = first + Days::new(u64::from(weeks) * 7 - 1);
                    return Err(BlockError::EndsBeforeRace {
                        race: race.date,
                        last,
                        needed,
                    });
                }
                Some(weeks) => weeks,
                None => needed,
            }
        }
        (Some(weeks), None) => weeks,
        (None, None) => return Err(BlockError::NoLength),
    };
    if !(1..=BLOCK_WEEKS_MAX).contains(&weeks) {
        return Err(BlockError::TooLong { weeks });
    }
    let usual = placement::place(schedule).map_err(BlockError::Infeasible)?;
    let weeks = (1..=weeks)
        .map(|number| {
            let monday = first + Days::new(u64::from(number - 1) * 7);
            let mut plan = usual.clone();
            if let Some(race) = race {
                taper(&mut plan, monday, race);
            }
            // The prescriber halves the sets and lightens the loads of a deload week.
            plan.deload = number % DELOAD_EVERY_WEEKS == 0;
            if plan.taper {
                // Training less is the point of a taper: no coverage warnings.
                prescription::prescribe_sessions(schedule, &mut plan, library);
            } else {
                prescription::prescribe(schedule, &mut plan, library);
            }
            BlockWeek {
                number,
                monday,
                plan,
            }
        })
        .collect();
    Ok(Block { race, weeks })
}

/// The race's start time: the schedule's first `race` run, else `run_time`.
fn race_time(schedule: &Schedule) -> NaiveTime {
    let time = schedule
        .runs()
        .find(|r| r.run_type == "race")
        .map_or(schedule.runner.run_time, |r| r.span.start.time());
    NaiveTime::from_hms_opt(time.minutes() / 60, time.minutes() % 60, 0).unwrap_or(NaiveTime::MIN)
}

/// The start and end of a session of the week of `monday`, as local date-times.
fn when(session: &Session, monday: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    let start = monday.and_time(NaiveTime::MIN)
        + chrono::Duration::minutes(i64::from(session.span.start.minutes()));
    (
        start,
        start + chrono::Duration::minutes(i64::from(session.span.minutes)),
    )
}

/// Applies the race rules to one week's placement, and says whether the week is a
/// taper week (it overlaps the days before the race or is the race week).
fn taper(plan: &mut Plan, monday: NaiveDate, race: Race) {
    let race_day = race.date.and_time(NaiveTime::MIN);
    let taper_from = race_day - Days::new(TAPER_NO_HEAVY_DAYS);
    let rest_until = race_day + Days::new(RACE_REST_DAYS);
    let week_start = monday.and_time(NaiveTime::MIN);
    let week_end = week_start + Days::new(7);
    let race_week = (week_start..week_end).contains(&race_day);
    let last_end = race.start - chrono::Duration::minutes(i64::from(RACE_LAST_SESSION_GAP));
    let days_before: Vec<Day> = plan.sessions.iter().map(|s| s.day).collect();
    // Nothing on race day or the day after, and nothing in the last 48 h before the
    // start (the race week's rule, which a session late the week before must keep too).
    plan.sessions.retain(|s| {
        let (start, end) = when(s, monday);
        let on_rest_days = (race_day..rest_until).contains(&start);
        let too_close = end > last_end && start < race.start;
        !(on_rest_days || too_close)
    });
    if race_week {
        // At most one session in race week, and before the race: the latest.
        let mut kept: Vec<Session> = plan
            .sessions
            .iter()
            .filter(|s| when(s, monday).1 <= last_end)
            .cloned()
            .collect();
        let excess = kept.len().saturating_sub(RACE_WEEK_SESSIONS_MAX);
        kept.drain(..excess);
        plan.sessions = kept;
    }
    for day in days_before {
        if !plan.sessions.iter().any(|s| s.day == day) {
            plan.days[day.index()] = DayReason::Taper;
        }
    }
    for session in &mut plan.sessions {
        let (start, _) = when(session, monday);
        if session.kind == Kind::Heavy && (taper_from..race_day).contains(&start) {
            session.kind = Kind::Light;
            session.shortfall = None;
            if session.pinned {
                plan.warnings.push(format!(
                    "pinned {} {} heavy session is light this week: no heavy lifting in the {TAPER_NO_HEAVY_DAYS} days before the race",
                    session.day,
                    session.span.start.time()
                ));
            }
        }
    }
    plan.taper = race_week || (taper_from < week_end && race_day > week_start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    const WEEK: &str = "[lifts]\nback_squat = 100\nromanian_deadlift = 90\n[week]\n\
                        tue = { run = \"intervals\", at = \"06:30\" }\nthu = \"tempo\"\nsun = { run = \"long\", at = \"08:00\" }\n";

    fn block(weeks: Option<u32>, race: Option<&str>) -> Result<Block, BlockError> {
        let schedule = Schedule::parse(WEEK, Overrides::default()).expect("valid");
        plan_block(
            &schedule,
            Library::builtin(),
            BlockOptions {
                first_monday: date("2026-11-30"),
                weeks,
                race: race.map(date),
            },
        )
    }

    #[test]
    fn every_fourth_week_is_a_deload_with_half_the_sets_and_lighter_loads() {
        let block = block(Some(8), None).expect("a block");
        let deloads: Vec<u32> = block
            .weeks
            .iter()
            .filter(|w| w.plan.deload)
            .map(|w| w.number)
            .collect();
        assert_eq!(deloads, [4, 8]);
        let (normal, deload) = (&block.weeks[0].plan, &block.weeks[3].plan);
        for (a, b) in normal.sessions.iter().zip(&deload.sessions) {
            let (a, b) = (
                a.workout.as_ref().expect("workout"),
                b.workout.as_ref().expect("workout"),
            );
            for (x, y) in a.exercises.iter().zip(&b.exercises) {
                assert_eq!(y.sets, x.sets.div_ceil(2), "{}", x.name);
                if let (Some(lx), Some(ly)) = (x.load, y.load) {
                    assert!(ly <= lx * 0.9 + 1e-9, "{}: {ly} > 90 % of {lx}", x.name);
                }
            }
        }
    }

    #[test]
    fn no_heavy_session_in_the_ten_days_before_the_race() {
        let block = block(None, Some("2027-01-17")).expect("a block");
        assert_eq!(block.weeks.len(), 7, "30 Nov to the week of 17 Jan");
        let race = date("2027-01-17").and_time(NaiveTime::MIN);
        for week in &block.weeks {
            for s in &week.plan.sessions {
                let (start, _) = when(s, week.monday);
                if start >= race - Days::new(10) && start < race {
                    assert_eq!(s.kind, Kind::Light, "week {} {}", week.number, start);
                }
            }
        }
    }

    #[test]
    fn race_week_holds_one_light_session_48_h_before_the_start() {
        let block = block(None, Some("2027-01-17")).expect("a block");
        let race_week = block.weeks.last().expect("weeks");
        assert!(race_week.plan.taper);
        assert!(race_week.plan.sessions.len() <= 1);
        let start = block.race.expect("race").start;
        for s in &race_week.plan.sessions {
            assert_eq!(s.kind, Kind::Light);
            assert!(when(s, race_week.monday).1 <= start - chrono::Duration::hours(48));
        }
    }

    #[test]
    fn a_monday_race_clears_the_sunday_before_too() {
        // Race week starts on race day; the 48 h before the start lie in the week before.
        let block = block(None, Some("2027-01-11")).expect("a block");
        let start = block.race.expect("race").start;
        for week in &block.weeks {
            for s in &week.plan.sessions {
                let (begin, end) = when(s, week.monday);
                assert!(
                    begin >= start || end <= start - chrono::Duration::hours(48),
                    "{begin}"
                );
            }
        }
    }

    #[test]
    fn deload_loads_stay_under_90_percent_with_the_models_reserve() {
        let block = block(Some(4), None).expect("a block");
        let (normal, deload) = (&block.weeks[0].plan, &block.weeks[3].plan);
        for (a, b) in normal.exercises().zip(deload.exercises()) {
            assert_eq!(a.name, b.name);
            assert_eq!(b.sets, a.sets.div_ceil(2), "{}", a.name);
            let (Some(usual), Some(percent), Some(reps), Some(rir)) =
                (a.percent_1rm, b.percent_1rm, b.reps, b.rir)
            else {
                continue;
            };
            assert!(percent <= usual * 0.9 + 0.05, "{}: {percent}", a.name);
            // The reserve is the model's for the lighter load: 30 (1/f − 1) − r.
            let q = 30.0 * (100.0 / percent - 1.0) - f64::from(reps);
            assert_eq!(rir, q.floor() as u32, "{}", a.name);
            assert!(rir > a.rir.expect("loaded"), "{}", a.name);
            if let (Some(x), Some(y)) = (a.load, b.load) {
                assert!(y <= x * 0.9 + 1e-9, "{}: {y} after {x}", a.name);
            }
        }
    }

    #[test]
    fn race_day_and_the_day_after_stay_free_even_in_the_next_week() {
        // A Sunday race: the Monday after is in the week after the race week.
        let block = block(Some(7), Some("2027-01-10")).expect("a block");
        for week in &block.weeks {
            for s in &week.plan.sessions {
                let day = when(s, week.monday).0.date();
                assert!(
                    day != date("2027-01-10") && day != date("2027-01-11"),
                    "{day}"
                );
            }
        }
    }

    #[test]
    fn block_lengths_are_checked() {
        assert_eq!(
            block(Some(2), Some("2027-01-17")),
            Err(BlockError::EndsBeforeRace {
                race: date("2027-01-17"),
                last: date("2026-12-13"),
                needed: 7
            })
        );
        assert_eq!(
            block(None, Some("2026-11-01")),
            Err(BlockError::RaceBeforeStart {
                race: date("2026-11-01"),
                first: date("2026-11-30")
            })
        );
        assert_eq!(
            block(Some(105), None),
            Err(BlockError::TooLong { weeks: 105 })
        );
        assert_eq!(block(None, None), Err(BlockError::NoLength));
        assert_eq!(block(Some(104), None).expect("two years").weeks.len(), 104);
    }
}
