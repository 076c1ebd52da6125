//! Placing the strength sessions: an exact search over the placement order of SPEC §3.
//!
//! Once a session's day and kind are chosen, levels 3, 6 and 7 depend on that session
//! alone: a heavy session takes its day's smallest shortfall, then the start nearest
//! the preferred lift time among those, then the earliest; a light one takes the
//! nearest free start, then the earliest. So each day offers at most two sessions, a
//! heavy and a light one, and the search scores every choice of days, and of heavy
//! days among them, on all eight levels at once. A week has at most C(7, 3) = 35
//! choices of days and 2³ choices of kinds for each, so nothing needs pruning.

use std::cmp::Reverse;

use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::day::Day;
use crate::gaps::{Calendar, Distances, Stretch};
use crate::judge::{self, SessionRef};
use crate::plan::{
    Alternative, Criterion, DayReason, KindWhy, Note, Plan, Session, SessionWhy, StartWhy,
};
use crate::rules::{DAY_MINUTES, HEAVY_GAP_MIN, SESSIONS_MIN, START_GRID};
use crate::schedule::{HardDays, Kind, Schedule};

/// No placement satisfies the rules: fewer than two sessions fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Infeasible {
    /// How many sessions, pinned ones included, could be had at most.
    pub possible: usize,
    /// For each day, Monday first, why it cannot hold a session (or `NotNeeded` for the
    /// days that could).
    pub days: Box<[DayReason; 7]>,
}

impl std::error::Error for Infeasible {}

/// What a block allows in one of its weeks, on top of the runner's own rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Sessions to aim for, when fewer than the runner's target.
    pub sessions: Option<u8>,
    /// Most heavy sessions, when fewer than the runner's `heavy_max`.
    pub heavy_max: Option<u8>,
    /// No heavy session starts at or after this minute of the week's line.
    pub no_heavy_from: Option<i64>,
    /// No session ends after this minute of the week's line.
    pub latest_end: Option<i64>,
    /// Days that hold no session.
    pub closed: [bool; 7],
    /// Days that hold no heavy session (the day after a heavy one in the week before).
    pub no_heavy: [bool; 7],
    /// Only the earliest day that can hold a session may hold one.
    pub earliest_day_only: bool,
    /// Stretches of the week's line, `[from, to)`, that no session may share a minute
    /// with: the 48 h before a race, race day and the day after.
    pub clear: Vec<(i64, i64)>,
    /// Stretches that no heavy session may share a minute with: around a tune-up race.
    pub no_heavy_near: Vec<(i64, i64)>,
    /// The week may hold fewer than two sessions (a week the race thins out).
    pub allow_fewer: bool,
}

/// Places the usual week's strength sessions (without their exercises). Pure: the
/// same schedule gives the same plan.
pub fn place(schedule: &Schedule) -> Result<Plan, Infeasible> {
    place_in(
        schedule,
        &Calendar::repeating(&schedule.days),
        &Limits::default(),
    )
}

/// Places the sessions of `schedule`'s week with `calendar` around it and a block's
/// `limits`, in four steps: what each day can offer, how many sessions to aim for,
/// the search over every choice of days and kinds, and the plan with its reasons.
pub fn place_in(
    schedule: &Schedule,
    calendar: &Calendar,
    limits: &Limits,
) -> Result<Plan, Infeasible> {
    let (mut reasons, options) = day_options(schedule, calendar, limits);
    let pinned: Vec<(Day, Kind)> = schedule.pinned().map(|p| (p.day, p.kind)).collect();
    let aim = Aim::new(schedule, &options, limits, pinned.len());
    if aim.too_few(limits) {
        return Err(Infeasible {
            possible: pinned.len() + aim.count,
            days: Box::new(reasons),
        });
    }
    let search = Search {
        options: &options,
        pinned: &pinned,
        heavy_room: usize::from(aim.heavy_max)
            .saturating_sub(pinned.iter().filter(|(_, k)| *k == Kind::Heavy).count()),
    };
    let candidates = search.candidates(aim.open, aim.count);
    let Some(best) = candidates.iter().max_by(|a, b| a.key.cmp(&b.key)) else {
        return Err(Infeasible {
            possible: pinned.len(),
            days: Box::new(reasons),
        });
    };
    let ranked = Ranked {
        candidates: &candidates,
        best,
    };
    let decision = ranked.best_other(|c| c.days != best.days || c.heavy != best.heavy);
    let day_alternatives = std::array::from_fn(|i| {
        let day = Day::from_index(i);
        let holds = best.holds(day);
        (aim.open & bit(day) != 0)
            .then(|| ranked.best_other(|c| c.holds(day) != holds))
            .flatten()
    });
    let sessions = sessions(schedule, calendar, &search, &ranked);
    mark_days(&mut reasons, best.days, aim.free);
    let notes = notes(schedule, calendar, &sessions, aim.target);
    Ok(Plan {
        target: aim.target,
        sessions,
        days: reasons,
        day_alternatives,
        decision,
        notes,
        coverage: Vec::new(),
        deload: false,
        taper: false,
        phase: None,
    })
}

/// How many sessions the week aims for, and on which days they can go.
struct Aim {
    /// Sessions aimed for, pinned ones included: the runner's, within a block's limit.
    target: u8,
    /// Heavy sessions at most: the runner's, within a block's limit.
    heavy_max: u8,
    /// Days free to plan on, as a bit set.
    open: u8,
    /// Sessions to plan besides the pinned ones.
    free: usize,
    /// Sessions the search places: as many as `free`, if there are days for them.
    count: usize,
    /// Pinned sessions.
    pinned: usize,
}

impl Aim {
    fn new(schedule: &Schedule, options: &[DayOption; 7], limits: &Limits, pinned: usize) -> Aim {
        let runner = &schedule.runner;
        let target = limits
            .sessions
            .map_or(runner.sessions, |n| n.min(runner.sessions));
        let heavy_max = limits
            .heavy_max
            .map_or(runner.heavy_max, |n| n.min(runner.heavy_max));
        let mut open = Day::ALL
            .into_iter()
            .filter(|d| options[d.index()].light.is_some());
        // Race week: one session, on the earliest day that can hold one.
        let open: u8 = if limits.earliest_day_only {
            open.next().map_or(0, bit)
        } else {
            open.fold(0, |m, d| m | bit(d))
        };
        let free = usize::from(target).saturating_sub(pinned);
        Aim {
            target,
            heavy_max,
            open,
            free,
            count: free.min(open.count_ones() as usize),
            pinned,
        }
    }

    /// Fewer than two sessions fit, where the week must have them.
    fn too_few(&self, limits: &Limits) -> bool {
        self.pinned + self.count < usize::from(SESSIONS_MIN)
            && !limits.earliest_day_only
            && !limits.allow_fewer
    }
}

/// The sessions of the best placement, each with why it has its kind and start, and
/// the pinned ones, in week order.
fn sessions(
    schedule: &Schedule,
    calendar: &Calendar,
    search: &Search<'_>,
    ranked: &Ranked<'_>,
) -> Vec<Session> {
    let runner = &schedule.runner;
    let best = ranked.best;
    let mut sessions: Vec<Session> = days_of(best.days)
        .filter_map(|day| {
            let kind = best.kind(day);
            let option = &search.options[day.index()];
            let slot = option.slot(kind)?;
            let why = SessionWhy {
                kind: search.kind_why(ranked, day),
                start: option.start_why(kind, slot, runner.preferred_lift_time),
            };
            Some(session(
                day,
                slot.start,
                runner.session_minutes,
                kind,
                &slot.distances,
                Some(why),
            ))
        })
        .chain(schedule.pinned().map(|p| {
            let start = i64::from(p.span.start.minutes());
            let distances = calendar.distances(stretch(start, p.span.minutes));
            session(p.day, start, p.span.minutes, p.kind, &distances, None)
        }))
        .collect();
    sessions.sort_by_key(|s| (s.day, s.span.start));
    sessions
}

/// Marks the chosen days, and days left free because the pinned sessions already
/// meet the target.
fn mark_days(reasons: &mut [DayReason; 7], chosen: u8, free: usize) {
    for day in days_of(chosen) {
        reasons[day.index()] = DayReason::Chosen;
    }
    if free == 0 {
        for reason in reasons.iter_mut() {
            if *reason == DayReason::NotNeeded {
                *reason = DayReason::TargetMet;
            }
        }
    }
}

/// What the placement tells the runner: rules the pinned sessions break, planned
/// heavy sessions short of the ideal, targets missed.
fn notes(schedule: &Schedule, calendar: &Calendar, sessions: &[Session], target: u8) -> Vec<Note> {
    let mut notes: Vec<Note> = judge::findings(schedule, calendar)
        .into_iter()
        .map(Note::Pinned)
        .collect();
    for s in sessions.iter().filter(|s| !s.pinned) {
        if let (Some(shortfall), Some((side, gap))) = (s.shortfall, s.short_of) {
            if shortfall > 0 {
                notes.push(Note::Shortfall {
                    session: SessionRef {
                        day: s.day,
                        at: s.span.start.time(),
                        kind: s.kind,
                    },
                    side,
                    gap,
                    ideal: gap.minutes + shortfall,
                });
            }
        }
    }
    let pinned = schedule.pinned().count();
    if pinned > usize::from(schedule.runner.sessions) {
        notes.push(Note::PinnedOverTarget {
            pinned,
            target: schedule.runner.sessions,
        });
    }
    if sessions.len() < usize::from(target) {
        notes.push(Note::FewerSessions {
            placed: sessions.len(),
            target,
        });
    }
    notes
}

fn session(
    day: Day,
    start: i64,
    minutes: u32,
    kind: Kind,
    distances: &Distances,
    why: Option<SessionWhy>,
) -> Session {
    let heavy = kind == Kind::Heavy;
    Session {
        day,
        span: Span {
            start: WeekTime::wrapping(u32::try_from(start.max(0)).unwrap_or(0)),
            minutes,
        },
        kind,
        pinned: why.is_none(),
        before: distances.before,
        after: distances.after,
        shortfall: heavy.then_some(distances.shortfall),
        short_of: distances
            .short_of
            .filter(|_| heavy && distances.shortfall > 0),
        why,
        workout: None,
    }
}

fn stretch(start: i64, minutes: u32) -> Stretch {
    Stretch {
        start,
        end: start + i64::from(minutes),
    }
}

/// One possible start of a session on a day.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Minutes from the week's Monday 00:00.
    start: i64,
    /// Minutes on the clock face from the preferred lift time.
    distance: u32,
    distances: Distances,
}

/// The sessions a day can offer: its best light and heavy slot, and what the search
/// needs to explain them.
#[derive(Debug, Clone, Copy, Default)]
struct DayOption {
    /// The free start nearest the preferred time (earliest of equals): any session.
    light: Option<Slot>,
    /// A later start as near as `light`, if any.
    light_tie: Option<i64>,
    /// The heavy start: smallest shortfall, then nearest, then earliest.
    heavy: Option<Slot>,
    /// A later start as good as `heavy`, if any.
    heavy_tie: Option<i64>,
    /// Whether some start could be heavy but the block's limits forbid it.
    heavy_limited: bool,
    /// Whether some start is free of the runs but the block's `clear` stretches
    /// forbid it.
    cleared: bool,
}

impl DayOption {
    /// The slot a session of `kind` takes on this day, if the day offers one.
    fn slot(&self, kind: Kind) -> Option<Slot> {
        match kind {
            Kind::Heavy => self.heavy,
            Kind::Light => self.light,
        }
    }

    /// Why a session of `kind` starts at `chosen` rather than nearer the preferred time.
    fn start_why(&self, kind: Kind, chosen: Slot, preferred: TimeOfDay) -> StartWhy {
        let time = |minutes: i64| {
            TimeOfDay::wrapping(
                u32::try_from(minutes.rem_euclid(i64::from(DAY_MINUTES))).unwrap_or(0),
            )
        };
        let tie = match kind {
            Kind::Heavy => self.heavy_tie,
            Kind::Light => self.light_tie,
        };
        match (self.light, tie) {
            (Some(nearest), _) if nearest.start != chosen.start => {
                if nearest.distances.may_be_heavy() {
                    StartWhy::SmallerShortfall {
                        nearer: time(nearest.start),
                        shortfall: nearest.distances.shortfall,
                        preferred,
                    }
                } else {
                    StartWhy::KeepsHeavy {
                        nearer: time(nearest.start),
                        preferred,
                    }
                }
            }
            (_, Some(other)) => StartWhy::Earlier {
                other: time(other),
                preferred,
            },
            _ => StartWhy::Nearest { preferred },
        }
    }
}

/// Each day's reason and the sessions it can offer.
fn day_options(
    schedule: &Schedule,
    calendar: &Calendar,
    limits: &Limits,
) -> ([DayReason; 7], [DayOption; 7]) {
    let runner = &schedule.runner;
    let mut reasons: [DayReason; 7] = std::array::from_fn(|_| DayReason::NotNeeded);
    let mut options = [DayOption::default(); 7];
    for day in Day::ALL {
        let plan = &schedule.days[day.index()];
        let hard = plan.runs.iter().filter(|r| r.hard);
        let first_hard = hard.clone().next();
        let last_hard = hard.max_by_key(|r| r.span.start.time().minutes() + r.span.minutes);
        // On a hard day with `after-run`, sessions start 6 h after its last hard run.
        let earliest = match (runner.hard_days, last_hard) {
            (HardDays::AfterRun, Some(run)) => Some(i64::from(
                run.span.start.time().minutes() + run.span.minutes + HEAVY_GAP_MIN,
            )),
            _ => None,
        };
        reasons[day.index()] = if !plan.pinned.is_empty() {
            DayReason::Pinned
        } else if limits.closed[day.index()] {
            DayReason::Taper
        } else if let (Some(run), HardDays::Never) = (first_hard, runner.hard_days) {
            DayReason::HardRun {
                run_type: run.run_type,
                at: run.span.start.time(),
            }
        } else if !plan.lift_allowed {
            DayReason::LiftFalse
        } else {
            options[day.index()] = day_option(day, schedule, calendar, limits, earliest);
            match (options[day.index()].light, last_hard) {
                (Some(_), _) => DayReason::NotNeeded,
                (None, _) if options[day.index()].cleared => DayReason::Taper,
                (None, Some(run)) => DayReason::AfterHardRun {
                    run_type: run.run_type,
                    at: run.span.start.time(),
                },
                (None, None) => DayReason::NoRoom,
            }
        };
    }
    (reasons, options)
}

/// The best light and heavy slot of `day`, over every start on the quarter hours
/// inside the lift window that keeps the changeover from every run.
fn day_option(
    day: Day,
    schedule: &Schedule,
    calendar: &Calendar,
    limits: &Limits,
    earliest: Option<i64>,
) -> DayOption {
    let runner = &schedule.runner;
    let minutes = runner.session_minutes;
    let open = runner.window_start.minutes();
    let first = open.div_ceil(START_GRID) * START_GRID;
    let last = open + runner.window_minutes() - minutes;
    let preferred = runner.preferred_lift_time.minutes();
    let midnight = i64::from(day.index() as u32 * DAY_MINUTES);
    // Only the easy runs near this day's window can clash with a start in it; every
    // hard run stays, for the distances.
    let calendar = calendar.near(
        stretch(midnight + i64::from(first), last + minutes - first),
        runner.changeover_minutes,
    );
    let mut option = DayOption::default();
    for t in (first..=last).step_by(START_GRID as usize) {
        let start = midnight + i64::from(t);
        let here = stretch(start, minutes);
        if earliest.is_some_and(|e| start < midnight + e)
            || limits.latest_end.is_some_and(|end| here.end > end)
            || !calendar.is_free(here, runner.changeover_minutes)
        {
            continue;
        }
        let shares = |&(from, to): &(i64, i64)| here.start < to && from < here.end;
        if limits.clear.iter().any(shares) {
            option.cleared = true;
            continue;
        }
        let clock = t % DAY_MINUTES;
        let distance = clock
            .abs_diff(preferred)
            .min(DAY_MINUTES - clock.abs_diff(preferred));
        let slot = Slot {
            start,
            distance,
            distances: calendar.distances(here),
        };
        // Starts come in order, so the first of equals is the earliest.
        match option.light {
            Some(best) if best.distance < distance => {}
            Some(best) if best.distance == distance => {
                option.light_tie = option.light_tie.or(Some(start));
            }
            _ => {
                option.light = Some(slot);
                option.light_tie = None;
            }
        }
        if !slot.distances.may_be_heavy() {
            continue;
        }
        if limits.no_heavy[day.index()]
            || limits.no_heavy_from.is_some_and(|from| start >= from)
            || limits.no_heavy_near.iter().any(shares)
        {
            option.heavy_limited = true;
            continue;
        }
        let rank = |s: &Slot| (s.distances.shortfall, s.distance);
        match option.heavy {
            Some(best) if rank(&best) < rank(&slot) => {}
            Some(best) if rank(&best) == rank(&slot) => {
                option.heavy_tie = option.heavy_tie.or(Some(start));
            }
            _ => {
                option.heavy = Some(slot);
                option.heavy_tie = None;
            }
        }
    }
    option
}

/// Most planned sessions a week: the key's fixed-size levels hold this many.
const PLANNED_MAX: usize = crate::rules::SESSIONS_MAX as usize;

/// The levels of the order as one key: larger is better. Levels that SPEC words as
/// lists are held in fixed arrays, so scoring a candidate allocates nothing: the
/// shortfalls and starts of at most three planned sessions, padded, and the day gaps
/// as a count of each gap from 0 to 7 days (see [`spacing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    sessions: usize,
    heavy: usize,
    shortfalls: Reverse<[u32; PLANNED_MAX]>,
    spacing: Spacing,
    heavy_spacing: Spacing,
    distance: Reverse<u32>,
    starts: Reverse<[i64; PLANNED_MAX]>,
    heavy_starts: Reverse<[i64; PLANNED_MAX]>,
}

impl Key {
    /// The first level at which `self` beats `other`, if it does.
    fn beats_at(&self, other: &Key) -> Option<Criterion> {
        if self <= other {
            return None;
        }
        Some(if self.sessions != other.sessions {
            Criterion::Sessions
        } else if self.heavy != other.heavy {
            Criterion::Heavy
        } else if self.shortfalls != other.shortfalls {
            Criterion::Shortfall
        } else if self.spacing != other.spacing {
            Criterion::Spacing
        } else if self.heavy_spacing != other.heavy_spacing {
            Criterion::HeavySpacing
        } else if self.distance != other.distance {
            Criterion::PreferredTime
        } else if self.starts != other.starts {
            Criterion::Earliest
        } else {
            Criterion::HeavyEarliest
        })
    }
}

/// One placement the search scores: its days and heavy days (bit sets, Monday the
/// lowest bit), and its key.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    days: u8,
    heavy: u8,
    key: Key,
}

impl Candidate {
    fn holds(&self, day: Day) -> bool {
        self.days & bit(day) != 0
    }

    fn kind(&self, day: Day) -> Kind {
        if self.heavy & bit(day) != 0 {
            Kind::Heavy
        } else {
            Kind::Light
        }
    }

    fn alternative_to(&self, other: &Candidate) -> Option<Alternative> {
        self.key.beats_at(&other.key).map(|level| Alternative {
            days: days_of(other.days).collect(),
            heavy: days_of(other.heavy).collect(),
            level,
        })
    }
}

/// The bit of `day` in a set of days.
fn bit(day: Day) -> u8 {
    1 << day.index()
}

/// The days of a bit set, Monday first.
fn days_of(set: u8) -> impl Iterator<Item = Day> {
    Day::ALL.into_iter().filter(move |d| set & bit(*d) != 0)
}

/// The days next to any day of `set`, around the week.
fn neighbours(set: u8) -> u8 {
    let set = u16::from(set);
    let left = (set << 1 | set >> 6) & 0x7f;
    let right = (set >> 1 | set << 6) & 0x7f;
    (left | right) as u8
}

/// Every candidate and the best of them, to find the best of another shape.
struct Ranked<'a> {
    candidates: &'a [Candidate],
    best: &'a Candidate,
}

impl Ranked<'_> {
    /// The best candidate that `keep` accepts, and the level at which the best of all
    /// beats it.
    fn best_other(&self, keep: impl Fn(&Candidate) -> bool) -> Option<Alternative> {
        self.candidates
            .iter()
            .filter(|c| keep(c))
            .max_by(|a, b| a.key.cmp(&b.key))
            .and_then(|other| self.best.alternative_to(other))
    }
}

/// The search over choices of days and kinds.
struct Search<'a> {
    options: &'a [DayOption; 7],
    pinned: &'a [(Day, Kind)],
    /// Heavy sessions left to plan under `heavy_max` once the pinned ones count.
    heavy_room: usize,
}

impl Search<'_> {
    /// The days of pinned heavy sessions, as a bit set.
    fn pinned_heavy(&self) -> u8 {
        self.pinned
            .iter()
            .filter(|(_, k)| *k == Kind::Heavy)
            .fold(0, |m, (d, _)| m | bit(*d))
    }

    /// Every placement of `count` sessions on the `open` days that keeps the hard rules.
    fn candidates(&self, open: u8, count: usize) -> Vec<Candidate> {
        let pinned_heavy = self.pinned_heavy();
        let heavy_able = Day::ALL
            .into_iter()
            .filter(|d| self.options[d.index()].heavy.is_some())
            .fold(0u8, |m, d| m | bit(d));
        let mut out = Vec::new();
        for days in (0..=0x7fu8).filter(|m| m & !open == 0 && m.count_ones() as usize == count) {
            let able = days & heavy_able;
            for heavy in (0..=able).filter(|h| h & !able == 0) {
                if heavy.count_ones() as usize > self.heavy_room
                    || heavy & neighbours(heavy | pinned_heavy) != 0
                {
                    continue;
                }
                if let Some(key) = self.key(days, heavy) {
                    out.push(Candidate { days, heavy, key });
                }
            }
        }
        out
    }

    /// The ranking of sessions on `days`, heavy on `heavy`; `None` if a day does not
    /// offer its kind (the candidates are built so that every day does).
    fn key(&self, days: u8, heavy: u8) -> Option<Key> {
        let slot = |d: Day| {
            let kind = if heavy & bit(d) != 0 {
                Kind::Heavy
            } else {
                Kind::Light
            };
            self.options[d.index()].slot(kind)
        };
        let mut shortfalls = [0u32; PLANNED_MAX];
        let mut starts = [i64::MAX; PLANNED_MAX];
        let mut heavy_starts = [i64::MAX; PLANNED_MAX];
        let mut distance = 0;
        for (i, d) in days_of(days).take(PLANNED_MAX).enumerate() {
            let slot = slot(d)?;
            starts[i] = slot.start;
            distance += slot.distance;
        }
        for (i, d) in days_of(heavy).take(PLANNED_MAX).enumerate() {
            let slot = slot(d)?;
            shortfalls[i] = slot.distances.shortfall;
            heavy_starts[i] = slot.start;
        }
        shortfalls.sort_unstable_by(|a, b| b.cmp(a));
        let pinned_days = self.pinned.iter().map(|(d, _)| *d);
        let pinned_heavy = self
            .pinned
            .iter()
            .filter(|(_, k)| *k == Kind::Heavy)
            .map(|(d, _)| *d);
        Some(Key {
            sessions: days.count_ones() as usize + self.pinned.len(),
            heavy: heavy.count_ones() as usize + pinned_heavy.clone().count(),
            shortfalls: Reverse(shortfalls),
            spacing: spacing(days_of(days).chain(pinned_days)),
            heavy_spacing: spacing(days_of(heavy).chain(pinned_heavy)),
            distance: Reverse(distance),
            starts: Reverse(starts),
            heavy_starts: Reverse(heavy_starts),
        })
    }

    /// Why the session on `day` of `best` has its kind.
    fn kind_why(&self, ranked: &Ranked<'_>, day: Day) -> KindWhy {
        let best = ranked.best;
        let kind = best.kind(day);
        let other = ranked.best_other(|c| c.days == best.days && c.kind(day) != kind);
        if let Some(other) = other {
            return KindWhy::Chosen(other);
        }
        let option = &self.options[day.index()];
        if option.heavy.is_none() {
            return if option.heavy_limited {
                KindWhy::Taper
            } else {
                KindWhy::TooNearHardRun
            };
        }
        let others = best.heavy | self.pinned_heavy();
        match days_of(others & neighbours(bit(day))).next() {
            Some(next_to) => KindWhy::NextToHeavy(next_to),
            None => KindWhy::HeavyMaxReached(u8::try_from(best.key.heavy).unwrap_or(u8::MAX)),
        }
    }
}

/// The day gaps between consecutive sessions around the week, as a count of each gap
/// from 0 to 7 days, each count reversed.
///
/// SPEC compares the gaps sorted smallest first, the tightest as wide as it can be.
/// Between two lists of the same length that is the same as comparing how many gaps of
/// 0 days each has, then of 1 day, and so on, fewer being better: at the first gap
/// size where the counts differ, the list with fewer has a wider gap in that place.
type Spacing = [Reverse<u8>; 8];

fn spacing(days: impl Iterator<Item = Day>) -> Spacing {
    let mut on = [0u8; 7];
    for d in days {
        on[d.index()] = on[d.index()].saturating_add(1);
    }
    let mut counts = [0u8; 8];
    let mut first = None;
    let mut last: Option<usize> = None;
    for (i, &n) in on.iter().enumerate().filter(|(_, n)| **n > 0) {
        // Two sessions on one day are a gap of 0.
        counts[0] = counts[0].saturating_add(n - 1);
        if let Some(prev) = last {
            counts[i - prev] = counts[i - prev].saturating_add(1);
        }
        first.get_or_insert(i);
        last = Some(i);
    }
    if let (Some(first), Some(last)) = (first, last) {
        counts[first + 7 - last] = counts[first + 7 - last].saturating_add(1);
    }
    counts.map(Reverse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn plan(text: &str) -> Result<Plan, Infeasible> {
        place(&Schedule::parse(text, Overrides::default()).expect("valid schedule"))
    }

    fn picks(plan: &Plan) -> Vec<String> {
        plan.sessions
            .iter()
            .map(|s| format!("{} {} {}", s.day, s.span.start.time(), s.kind.name()))
            .collect()
    }

    /// The gaps sorted smallest first, as SPEC words level 4.
    fn sorted_gaps(days: &[Day]) -> Vec<u8> {
        let mut sorted: Vec<u8> = days.iter().map(|d| d.index() as u8).collect();
        sorted.sort_unstable();
        let mut gaps: Vec<u8> = (0..sorted.len())
            .map(|i| match sorted.get(i + 1) {
                Some(next) => next - sorted[i],
                None => sorted[0] + 7 - sorted[i],
            })
            .collect();
        gaps.sort_unstable();
        gaps
    }

    fn counts(days: &[Day]) -> [u8; 8] {
        spacing(days.iter().copied()).map(|Reverse(n)| n)
    }

    #[test]
    fn spacing_counts_day_gaps_around_the_week() {
        assert_eq!(
            counts(&[Day::Mon, Day::Wed, Day::Fri]),
            [0, 0, 2, 1, 0, 0, 0, 0]
        );
        assert_eq!(counts(&[Day::Sat, Day::Mon]), [0, 0, 1, 0, 0, 1, 0, 0]);
        assert_eq!(counts(&[Day::Tue]), [0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(counts(&[Day::Tue, Day::Tue]), [1, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(counts(&[]), [0; 8]);
    }

    #[test]
    fn spacing_orders_as_the_sorted_gaps_do() {
        // Every pair of 3-day choices (pinned duplicates included, via a repeated day).
        let mut choices: Vec<Vec<Day>> = Vec::new();
        for a in 0..7 {
            for b in a..7 {
                for c in b..7 {
                    choices.push([a, b, c].map(Day::from_index).to_vec());
                }
            }
        }
        for x in &choices {
            for y in &choices {
                assert_eq!(
                    spacing(x.iter().copied()).cmp(&spacing(y.iter().copied())),
                    sorted_gaps(x).cmp(&sorted_gaps(y)),
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn neighbours_wrap_from_sunday_to_monday() {
        assert_eq!(neighbours(bit(Day::Mon)), bit(Day::Tue) | bit(Day::Sun));
        assert_eq!(neighbours(bit(Day::Sun)), bit(Day::Sat) | bit(Day::Mon));
        assert_eq!(neighbours(bit(Day::Wed)), bit(Day::Tue) | bit(Day::Thu));
    }

    #[test]
    fn with_mon_wed_fri_open_monday_and_friday_are_the_heavy_ones() {
        // Every other day is hard; heavy_max 2 leaves one light, and level 5 makes the
        // heavy pair the one furthest apart.
        let plan = plan(
            "[runner]\nsessions = 3\nlift_window = [\"12:00\", \"13:00\"]\n[week]\n\
             tue = { run = \"tempo\", at = \"12:00\" }\nthu = { run = \"tempo\", at = \"12:00\" }\n\
             sat = { run = \"tempo\", at = \"12:00\" }\nsun = { run = \"tempo\", at = \"12:00\" }\n",
        )
        .expect("plan");
        let heavy: Vec<Day> = plan
            .sessions
            .iter()
            .filter(|s| s.kind == Kind::Heavy)
            .map(|s| s.day)
            .collect();
        assert_eq!(heavy, [Day::Mon, Day::Fri], "{:?}", picks(&plan));
    }

    #[test]
    fn a_sunday_evening_session_before_monday_dawn_intervals_is_light() {
        let plan = plan(
            "[runner]\nsessions = 2\nlift_window = [\"19:00\", \"22:30\"]\n[week]\n\
             mon = { run = \"intervals\", at = \"00:30\" }\ntue = \"tempo\"\nthu = \"tempo\"\n\
             fri = \"hills\"\nsat = \"long\"\n",
        )
        .expect("two free days");
        let sunday = plan
            .sessions
            .iter()
            .find(|s| s.day == Day::Sun)
            .expect("sunday");
        assert_eq!(sunday.kind, Kind::Light);
        assert_eq!(sunday.shortfall, None);
        assert!(sunday.after.expect("a hard run after").minutes < HEAVY_GAP_MIN);
    }

    #[test]
    fn heavy_sessions_never_fall_on_consecutive_days() {
        let plan = plan("[runner]\nsessions = 3\nheavy_max = 3\n[week]\n").expect("plan");
        let heavy: Vec<Day> = plan
            .sessions
            .iter()
            .filter(|s| s.kind == Kind::Heavy)
            .map(|s| s.day)
            .collect();
        for (i, a) in heavy.iter().enumerate() {
            assert!(
                heavy[i + 1..].iter().all(|b| !a.is_next_to(*b)),
                "{:?}",
                picks(&plan)
            );
        }
        assert_eq!(heavy.len(), 3);
    }

    #[test]
    fn fewer_than_two_possible_sessions_is_infeasible_with_reasons() {
        let err = plan("[week]\nmon = \"tempo\"\ntue = \"tempo\"\nwed = \"tempo\"\nthu = \"tempo\"\nfri = \"tempo\"\nsat = { run = \"rest\", lift = false }\n")
            .expect_err("only sunday is free");
        assert_eq!(err.possible, 1);
        assert_eq!(err.days[Day::Sat.index()], DayReason::LiftFalse);
        assert_eq!(err.days[Day::Sun.index()], DayReason::NotNeeded);
    }

    #[test]
    fn after_run_opens_a_hard_day_six_hours_after_its_run() {
        let plan = plan(
            "[runner]\nsessions = 2\nhard_days = \"after-run\"\nchangeover_minutes = 0\n[week]\n\
             mon = \"tempo\"\ntue = \"tempo\"\nwed = \"tempo\"\nthu = \"tempo\"\nfri = \"tempo\"\n\
             sat = { run = \"intervals\", at = \"06:00\" }\nsun = \"long\"\n",
        )
        .expect("after-run opens the hard days");
        for s in &plan.sessions {
            // Each session starts at least 6 h after its own day's run ended.
            assert!(
                s.before.expect("hard runs").minutes >= HEAVY_GAP_MIN,
                "{:?}",
                picks(&plan)
            );
        }
        assert_eq!(plan.sessions.len(), 2);
    }

    fn limited(text: &str, limits: &Limits) -> Result<Plan, Infeasible> {
        let schedule = Schedule::parse(text, Overrides::default()).expect("valid schedule");
        place_in(&schedule, &Calendar::repeating(&schedule.days), limits)
    }

    #[test]
    fn heavy_max_zero_plans_light_sessions_only() {
        let plan = limited(
            "[week]\ntue = \"intervals\"\n",
            &Limits {
                heavy_max: Some(0),
                ..Limits::default()
            },
        )
        .expect("plan");
        assert_eq!(plan.sessions.len(), 3, "{:?}", picks(&plan));
        assert!(plan.sessions.iter().all(|s| s.kind == Kind::Light));
    }

    #[test]
    fn clear_stretches_hold_no_session_and_read_as_taper_days() {
        // Wednesday 00:00 to Friday 00:00 cleared: no session there, whatever the window.
        let plan = limited(
            "[week]\n",
            &Limits {
                clear: vec![(2 * 1440, 4 * 1440)],
                allow_fewer: true,
                ..Limits::default()
            },
        )
        .expect("plan");
        for s in &plan.sessions {
            assert!(!matches!(s.day, Day::Wed | Day::Thu), "{:?}", picks(&plan));
        }
        assert_eq!(plan.days[Day::Wed.index()], DayReason::Taper);
    }

    #[test]
    fn allow_fewer_plans_a_week_with_one_free_day() {
        let text = "[week]\nmon = \"tempo\"\ntue = \"tempo\"\nwed = \"tempo\"\nthu = \"tempo\"\nfri = \"tempo\"\nsat = { run = \"rest\", lift = false }\n";
        assert!(limited(text, &Limits::default()).is_err());
        let plan = limited(
            text,
            &Limits {
                allow_fewer: true,
                ..Limits::default()
            },
        )
        .expect("one session is allowed");
        assert_eq!(plan.sessions.len(), 1);
    }

    #[test]
    fn no_heavy_near_keeps_heavy_sessions_out_of_the_stretch() {
        // No heavy session from Monday to Thursday: the heavy ones move to the weekend.
        let plan = limited(
            "[week]\n",
            &Limits {
                no_heavy_near: vec![(0, 4 * 1440)],
                ..Limits::default()
            },
        )
        .expect("plan");
        for s in plan.sessions.iter().filter(|s| s.kind == Kind::Heavy) {
            assert!(s.day.index() >= 4, "{:?}", picks(&plan));
        }
        assert!(plan.sessions.iter().any(|s| s.kind == Kind::Heavy));
    }

    #[test]
    fn a_night_window_belongs_to_the_day_it_opens() {
        let plan = plan(
            "[runner]\nsessions = 2\nlift_window = [\"22:00\", \"03:00\"]\npreferred_lift_time = \"01:00\"\n[week]\n",
        )
        .expect("plan");
        for s in &plan.sessions {
            assert_eq!(
                s.span.start.time().to_string(),
                "01:00",
                "{:?}",
                picks(&plan)
            );
            assert_eq!(s.span.start.day(), Day::from_index(s.day.index() + 1));
        }
    }
}
