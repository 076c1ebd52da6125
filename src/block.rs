//! A training block: many weeks of the usual week, periodized (SPEC §7).
//!
//! Each week is the usual week with its `[weeks."DATE"]` table applied and, in race
//! week, the race in place of race day's runs. Weeks are placed one by one on the
//! block's own calendar (the weeks beside them as planned, the usual week before
//! the first and after the last) with their phase's limits and the race's, then
//! prescribed, then given their phase's loading and, in a deload week, the deload.

use std::fmt;

use crate::date::{Date, DateTime, add_days, at_minutes, days_between, monday_of};

use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::day::Day;
use crate::gaps::Calendar;
use crate::loading::{self, Loading};
use crate::phase::{self, Phase, PhaseWhy};
use crate::placement::{self, Infeasible, Limits};
use crate::plan::{DayReason, Note, Plan, RaceRule, Session};
use crate::prescription;
use crate::rules::{
    BLOCK_WEEKS_MAX, DAY_MINUTES, DELOAD_EVERY_WEEKS, MAINTENANCE_SESSIONS, RACE_LAST_SESSION_GAP,
    RACE_REST_DAYS, RACE_WEEK_SESSIONS_MAX, RUN_TYPES, TAPER_NO_HEAVY_DAYS, TUNE_UP_HEAVY_GAP,
    WEEK_MINUTES,
};
use crate::schedule::{DayPlan, Kind, Run, Schedule};
use crate::template::{Library, Role};

/// What the block covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockOptions {
    /// The Monday of the first week.
    pub first_monday: Date,
    /// How many weeks; without it, up to and including the race week.
    pub weeks: Option<u32>,
    /// The race day, if the block leads to one.
    pub race: Option<Date>,
    /// The race's start time from `--race DATETHH:MM`, if given.
    pub race_at: Option<TimeOfDay>,
    /// `--in-season`: maintenance throughout.
    pub in_season: bool,
}

/// The race a block leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Race {
    /// Race day.
    pub date: Date,
    /// When the race starts: the time given, else a `race` run on race day in that
    /// week, else `run_time`.
    pub start: DateTime,
    /// Its length in minutes.
    pub minutes: u32,
    /// The week that holds race day (1 = the first).
    pub week: u32,
}

/// Why a week deloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeloadWhy {
    /// The running plan marks it `cutback`.
    Cutback,
    /// No week of the block is marked cutback: every fourth week.
    Every(u32),
}

/// One week of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockWeek {
    /// 1 for the first week.
    pub number: u32,
    /// Its Monday.
    pub monday: Date,
    /// Its phase.
    pub phase: Phase,
    /// Why it is in that phase.
    pub phase_why: PhaseWhy,
    /// Its main lifts' loading; `None` in the taper.
    pub loading: Option<Loading>,
    /// Why it deloads, when it does.
    pub deload: Option<DeloadWhy>,
    /// Marked `cutback` but a taper week, so it does not deload.
    pub cutback_in_taper: bool,
    /// The week as planned: the usual week, its table and the race applied.
    pub schedule: Schedule,
    /// Its plan, `deload`, `taper` and `phase` set.
    pub plan: Plan,
}

/// A planned block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The race, if any.
    pub race: Option<Race>,
    /// Whether the block is in season.
    pub in_season: bool,
    /// The weeks, in order.
    pub weeks: Vec<BlockWeek>,
}

/// Why a block cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockError {
    /// The race is before the first week.
    RaceBeforeStart {
        /// Race day.
        race: Date,
        /// The first Monday.
        first: Date,
    },
    /// `--weeks` ends before the race week.
    EndsBeforeRace {
        /// Race day.
        race: Date,
        /// The last Sunday.
        last: Date,
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
    /// One week of the block, as its table makes it, has no plan.
    WeekInfeasible {
        /// Its number.
        week: u32,
        /// Its Monday.
        monday: Date,
        /// Why.
        infeasible: Infeasible,
    },
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
            BlockError::WeekInfeasible {
                week,
                monday,
                infeasible,
            } => write!(f, "week {week} of the block (from {monday}): {infeasible}"),
        }
    }
}

impl std::error::Error for BlockError {}

/// How many weeks the block has, or why it cannot be planned.
fn length(options: &BlockOptions) -> Result<u32, BlockError> {
    let first = options.first_monday;
    let weeks = match (options.weeks, options.race) {
        (_, Some(race)) if race < first => {
            return Err(BlockError::RaceBeforeStart { race, first });
        }
        (weeks, Some(race)) => {
            let needed = u32::try_from(days_between(first, race) / 7 + 1).unwrap_or(u32::MAX);
            match weeks {
                Some(weeks) if weeks < needed => {
                    let last = add_days(first, i64::from(weeks) * 7 - 1);
                    return Err(BlockError::EndsBeforeRace { race, last, needed });
                }
                Some(weeks) => weeks,
                None => needed,
            }
        }
        (Some(weeks), None) => weeks,
        (None, None) => return Err(BlockError::NoLength),
    };
    if (1..=BLOCK_WEEKS_MAX).contains(&weeks) {
        Ok(weeks)
    } else {
        Err(BlockError::TooLong { weeks })
    }
}

/// Minutes from `monday` 00:00 to `at`.
fn minutes_from(monday: Date, at: DateTime) -> i64 {
    at.duration_since(monday.to_datetime(jiff::civil::Time::midnight()))
        .as_mins()
}

/// The race: its start and length, from the flag, that week's `race` run on race
/// day, or `run_time`; and the race week's days with the race in place of race day's
/// runs.
fn race(schedule: &Schedule, options: &BlockOptions, week: u32) -> Option<(Race, Schedule)> {
    let date = options.race?;
    let monday = monday_of(date);
    let mut days = schedule.in_week(monday);
    let day = Day::from_index(date.weekday().to_monday_zero_offset() as usize);
    let written = days.days[day.index()]
        .runs
        .iter()
        .find(|r| r.run_type == "race")
        .map(|r| (r.span.start.time(), r.span.minutes));
    let default_minutes = RUN_TYPES
        .iter()
        .find(|t| t.name == "race")
        .map_or(60, |t| t.default_minutes);
    let time = options
        .race_at
        .or(written.map(|(t, _)| t))
        .unwrap_or(schedule.runner.run_time);
    let minutes = written.map_or(default_minutes, |(_, m)| m);
    days.days[day.index()].runs = vec![Run {
        day,
        run_type: "race",
        span: Span {
            start: WeekTime::at(day, time),
            minutes,
        },
        hard: true,
        key: true,
    }];
    let start = at_minutes(date, u64::from(time.minutes()));
    Some((
        Race {
            date,
            start,
            minutes,
            week,
        },
        days,
    ))
}

/// Plans a block.
pub fn plan_block(
    schedule: &Schedule,
    library: &Library,
    options: BlockOptions,
) -> Result<Block, BlockError> {
    let weeks = length(&options)?;
    // A usual week without a plan is reported as such, before any week of the block.
    placement::place(schedule).map_err(BlockError::Infeasible)?;
    let first = options.first_monday;
    let monday = |n: u32| add_days(first, i64::from(n - 1) * 7);
    let race_week = options
        .race
        .map(|date| u32::try_from(days_between(first, date) / 7 + 1).unwrap_or(u32::MAX));
    let race = race_week.and_then(|week| race(schedule, &options, week));
    let schedules: Vec<Schedule> = (1..=weeks)
        .map(|n| match &race {
            Some((race, days)) if race.week == n => days.clone(),
            _ => schedule.in_week(monday(n)),
        })
        .collect();
    let race = race.map(|(race, _)| race);
    let races = written_races(schedule, &schedules, first, race);

    let taper: Vec<bool> = (1..=weeks)
        .map(|n| race.is_some_and(|r| is_taper_week(monday(n), r)))
        .collect();
    let cutbacks = schedules.iter().any(|s| s.cutback);
    let deloads: Vec<Option<DeloadWhy>> = (1..=weeks)
        .map(|n| {
            let i = (n - 1) as usize;
            let why = if cutbacks {
                schedules[i].cutback.then_some(DeloadWhy::Cutback)
            } else {
                (n % DELOAD_EVERY_WEEKS == 0).then_some(DeloadWhy::Every(DELOAD_EVERY_WEEKS))
            };
            why.filter(|_| !taper[i])
        })
        .collect();
    let phases = phase::phases(weeks, race_week, options.in_season);
    let just_phases: Vec<Phase> = phases.iter().map(|(p, _)| *p).collect();
    let deloaded: Vec<bool> = deloads.iter().map(Option::is_some).collect();
    let rungs = phase::ladder(&just_phases, &deloaded);

    let no_power = library.without(Role::Power);
    let novice = schedule.runner.level == crate::schedule::Level::Novice;
    let mut out: Vec<BlockWeek> = Vec::with_capacity(weeks as usize);
    let mut done: Vec<(Key, Schedule, Plan)> = Vec::new();
    for n in 1..=weeks {
        let i = (n - 1) as usize;
        let this = &schedules[i];
        let days = |k: Option<usize>| -> &[DayPlan; 7] {
            k.and_then(|k| schedules.get(k))
                .map_or(&schedule.days, |s| &s.days)
        };
        let calendar = Calendar::around([
            days(i.checked_sub(1)),
            &this.days,
            days(Some(i + 1)),
            days(Some(i + 2)),
        ]);
        let (phase, phase_why) = phases[i];
        let heavy_sunday_before = out.last().is_some_and(|w| {
            w.plan
                .sessions
                .iter()
                .any(|s| s.day == Day::Sun && s.kind == Kind::Heavy)
        });
        let limits = limits(
            &races,
            i64::from(n - 1) * i64::from(WEEK_MINUTES),
            monday(n),
            phase,
            race,
            heavy_sunday_before,
        );
        let key = Key {
            week: i,
            limits,
            phase,
            taper: taper[i],
        };
        let same_days = |a: usize, b: usize| {
            [a.checked_sub(1), Some(a), Some(a + 1), Some(a + 2)]
                .iter()
                .zip([b.checked_sub(1), Some(b), Some(b + 1), Some(b + 2)])
                .all(|(x, y)| days(*x) == days(y))
        };
        let lib = if phase.plyometrics() && !novice {
            library
        } else {
            &no_power
        };
        // Most weeks of a block are the usual week in the same phase: place and
        // prescribe each shape of week once; the loading and the deload are per week.
        let cached = done
            .iter()
            .find(|(k, _, _)| k.same_as(&key) && same_days(k.week, i));
        let (this, mut plan) = match cached {
            Some((_, this, plan)) => {
                let mut this = this.clone();
                this.cutback = schedules[i].cutback;
                (this, plan.clone())
            }
            None => {
                let (this, plan) = place_and_prescribe(
                    this,
                    &calendar,
                    &key.limits,
                    PlanWeek {
                        number: n,
                        monday: monday(n),
                        race,
                        taper: taper[i] || phase == Phase::Taper,
                        phase,
                    },
                    lib,
                )?;
                done.push((key, this.clone(), plan.clone()));
                (this, plan)
            }
        };
        let loading = Loading::of(phase, rungs[i], &this);
        if let Some(loading) = &loading {
            loading::apply(&mut plan, &this, lib, loading);
        }
        if deloads[i].is_some() {
            loading::deload(&mut plan, &this);
        }
        out.push(BlockWeek {
            number: n,
            monday: monday(n),
            phase,
            phase_why,
            loading,
            deload: deloads[i],
            cutback_in_taper: this.cutback && taper[i],
            schedule: this,
            plan,
        });
    }
    Ok(Block {
        race,
        in_season: options.in_season,
        weeks: out,
    })
}

/// What a week's plan depends on besides its days and the days beside it: weeks
/// with equal keys and equal days get equal plans.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    /// The week's index, to compare its days and its neighbours' with another's.
    week: usize,
    limits: Limits,
    phase: Phase,
    taper: bool,
}

impl Key {
    /// Equal in everything but the week.
    fn same_as(&self, other: &Key) -> bool {
        (&self.limits, self.phase, self.taper) == (&other.limits, other.phase, other.taper)
    }
}

/// Which week `place_and_prescribe` plans.
#[derive(Debug, Clone, Copy)]
struct PlanWeek {
    number: u32,
    monday: Date,
    race: Option<Race>,
    taper: bool,
    phase: Phase,
}

/// Places one week with its limits and the race's rules, and prescribes it from
/// `library`: the week's schedule (pinned sessions the race leaves no room for taken
/// out) and its plan, before the phase's loading.
fn place_and_prescribe(
    week: &Schedule,
    calendar: &Calendar,
    limits: &Limits,
    at: PlanWeek,
    library: &Library,
) -> Result<(Schedule, Plan), BlockError> {
    // Pinned sessions the race rules leave no room for go before placement, so race
    // week can still hold its one session.
    let mut this = week.clone();
    let dropped = drop_pinned(&mut this, &limits.clear);
    let mut plan = placement::place_in(&this, calendar, limits).map_err(|infeasible| {
        BlockError::WeekInfeasible {
            week: at.number,
            monday: at.monday,
            infeasible,
        }
    })?;
    for (day, time) in dropped {
        plan.days[day.index()] = DayReason::Taper;
        plan.notes.push(Note::PinnedLeftOut {
            day,
            at: time,
            rule: RaceRule::Clear,
        });
    }
    if let Some(race) = at.race {
        keep_race_rules(&mut plan, at.monday, race, limits);
    }
    plan.taper = at.taper;
    plan.phase = Some(at.phase);
    if plan.taper || limits.allow_fewer {
        // A week the race thins out trains less on purpose: no coverage warnings.
        prescription::prescribe_sessions(&this, &mut plan, library);
    } else {
        prescription::prescribe(&this, &mut plan, library);
    }
    Ok((this, plan))
}

/// Whether the week of `monday` holds race day or any of the 10 days before it.
fn is_taper_week(monday: Date, race: Race) -> bool {
    let end = add_days(monday, 7);
    let from = add_days(race.date, -(TAPER_NO_HEAVY_DAYS as i64));
    from < end && race.date >= monday
}

/// The races the block writes, `[start, end)` in minutes from the first Monday
/// 00:00: every `race` run on a day a `[weeks."DATE"]` table writes (a tune-up), and
/// the block's race. A race on a day no table touches is the usual week's.
///
/// Where a race comes from is read from the tables, not guessed from the runs: a
/// tune-up at the same start as a race of the usual week is still a tune-up.
fn written_races(
    schedule: &Schedule,
    weeks: &[Schedule],
    first: Date,
    race: Option<Race>,
) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for (k, week) in (0u32..).zip(weeks) {
        let monday = add_days(first, i64::from(k) * 7);
        let table = schedule.weeks.iter().find(|t| t.monday == monday);
        let offset = i64::from(k) * i64::from(WEEK_MINUTES);
        for day in Day::ALL {
            let date = add_days(monday, day.index() as i64);
            let written = table.is_some_and(|t| t.days[day.index()].is_some())
                || race.is_some_and(|r| r.date == date);
            if !written {
                continue;
            }
            for run in week.days[day.index()]
                .runs
                .iter()
                .filter(|r| r.run_type == "race")
            {
                let start = offset + i64::from(run.span.start.minutes());
                out.push((start, start + i64::from(run.span.minutes)));
            }
        }
    }
    out
}

/// What the week of `monday` allows, on the week's line: its phase's heavy sessions
/// and sessions, the race's taper, tune-up races, and no heavy Monday after a heavy
/// Sunday. `races` are the block's written races (see [`written_races`]), `offset`
/// minutes from the first Monday to this one.
fn limits(
    races: &[(i64, i64)],
    offset: i64,
    monday: Date,
    phase: Phase,
    race: Option<Race>,
    heavy_sunday_before: bool,
) -> Limits {
    let mut limits = Limits {
        heavy_max: Some(phase.heavy_max()),
        ..Limits::default()
    };
    limits.no_heavy[Day::Mon.index()] = heavy_sunday_before;
    match phase {
        Phase::Maintenance => limits.sessions = Some(MAINTENANCE_SESSIONS),
        Phase::Taper => {
            limits.sessions = Some(RACE_WEEK_SESSIONS_MAX as u8);
            limits.earliest_day_only = true;
        }
        _ => {}
    }
    let week = 0..i64::from(WEEK_MINUTES);
    // A written race on this week's line or beside it (the block's race or a tune-up
    // in a table): no heavy lifting within 48 h of it. Races of the usual week are
    // left to the placement's own key-run ideal.
    let gap = i64::from(TUNE_UP_HEAVY_GAP);
    // The races of the calendar's weeks (the one before to the two after): only they
    // can come within 48 h of this week's sessions.
    let line = -i64::from(WEEK_MINUTES)..3 * i64::from(WEEK_MINUTES);
    for &(start, end) in races {
        let (start, end) = (start - offset, end - offset);
        if line.contains(&start) {
            limits.no_heavy_near.push((start - gap, end + gap));
            if week.contains(&start) {
                limits.allow_fewer = true;
            }
        }
    }
    let Some(race) = race else {
        return limits;
    };
    let day = i64::from(DAY_MINUTES);
    let race_day = minutes_from(monday, race.date.to_datetime(jiff::civil::Time::midnight()));
    let start = minutes_from(monday, race.start);
    if race_day + day * 7 < week.start || race_day - day * 14 > week.end {
        return limits;
    }
    // Nothing in the 48 h before the start, on race day or the day after.
    let rest_until = race_day + day * RACE_REST_DAYS as i64;
    let clear = (start - i64::from(RACE_LAST_SESSION_GAP), rest_until);
    if clear.0 < week.end + day && clear.1 > week.start {
        limits.clear.push(clear);
        limits.allow_fewer = true;
    }
    for d in Day::ALL {
        let midnight = d.index() as i64 * day;
        if (race_day..rest_until).contains(&midnight) {
            limits.closed[d.index()] = true;
        }
    }
    // No heavy session from 00:00 of the tenth day before race day up to the race.
    let no_heavy_from = race_day - day * TAPER_NO_HEAVY_DAYS as i64;
    if no_heavy_from < week.end && race_day > week.start {
        limits.no_heavy_from = Some(no_heavy_from);
        limits.allow_fewer = true;
    }
    limits
}

/// Takes out of `week` the pinned sessions that share a minute with a `clear`
/// stretch, and says which they were.
fn drop_pinned(week: &mut Schedule, clear: &[(i64, i64)]) -> Vec<(Day, TimeOfDay)> {
    let mut dropped = Vec::new();
    for day in &mut week.days {
        day.pinned.retain(|p| {
            let start = i64::from(p.span.start.minutes())
                + if p.span.start.day() < p.day {
                    i64::from(WEEK_MINUTES)
                } else {
                    0
                };
            let end = start + i64::from(p.span.minutes);
            let clash = clear.iter().any(|&(from, to)| start < to && from < end);
            if clash {
                dropped.push((p.day, p.span.start.time()));
            }
            !clash
        });
    }
    dropped
}

/// Pinned sessions stay as written in placement; the race's rules still bind them:
/// a pinned heavy one in the taper turns light, and race week keeps one session at
/// most (the earliest).
fn keep_race_rules(plan: &mut Plan, monday: Date, race: Race, limits: &Limits) {
    let line = |s: &Session| {
        let start = i64::from(s.start_minutes());
        (start, start + i64::from(s.span.minutes))
    };
    let race_week = (monday..add_days(monday, 7)).contains(&race.date);
    if race_week && plan.sessions.len() > RACE_WEEK_SESSIONS_MAX {
        for s in plan.sessions.drain(RACE_WEEK_SESSIONS_MAX..) {
            plan.days[s.day.index()] = DayReason::Taper;
            plan.notes.push(Note::PinnedLeftOut {
                day: s.day,
                at: s.span.start.time(),
                rule: RaceRule::RaceWeekOne,
            });
        }
    }
    for s in &mut plan.sessions {
        let (start, _) = line(s);
        let taper = limits.no_heavy_from.is_some_and(|from| start >= from) || race_week;
        if s.kind == Kind::Heavy && taper {
            s.kind = Kind::Light;
            s.shortfall = None;
            s.short_of = None;
            plan.notes.push(Note::PinnedMadeLight {
                day: s.day,
                at: s.span.start.time(),
            });
        }
    }
}
