//! Placing the strength sessions: an exact search over the placement order.
//!
//! The order of SPEC §3 is lexicographic. Levels 2 and 3 depend only on each
//! session's own slot, and a day's best slot class (heavy 24 h+, heavy, light) is
//! best on both at once, so a choice of days fixes levels 1 to 4 outright. The search
//! scores every choice of days on those; on the choices that tie at the top it finds
//! level 5 exactly where an upper bound says the choice could still win or come
//! second, and levels 6 and 7 where they can still decide (see `times`).

use std::cmp::Reverse;
use std::fmt;

use crate::clock::{Span, TimeOfDay, WeekTime};
use crate::day::Day;
use crate::judge;
use crate::plan::{Criterion, DayReason, Decision, Gap, Plan, Session, duration};
use crate::rules::{HEAVY_GAP_IDEAL, HEAVY_GAP_MIN, SESSIONS_MIN, START_GRID};

mod times;
use crate::schedule::{Kind, Run, Schedule};
use times::Choice;

/// No placement satisfies the rules: fewer than two sessions fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Infeasible {
    /// How many sessions, pinned ones included, could be had at most.
    pub possible: usize,
    /// For each day, Monday first, why it cannot hold a session (or `NotNeeded` for the
    /// days that could).
    pub days: Box<[DayReason; 7]>,
}

impl fmt::Display for Infeasible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "no plan: only {} strength session{} fit{} this week, and the rules need at least {SESSIONS_MIN}",
            self.possible,
            if self.possible == 1 { "" } else { "s" },
            if self.possible == 1 { "s" } else { "" },
        )?;
        for (day, reason) in Day::ALL.iter().zip(self.days.iter()) {
            let text = match reason {
                DayReason::NotNeeded => "free: can hold a session".to_owned(),
                other => reason_text(other),
            };
            writeln!(f, "  {}  {text}", day.title())?;
        }
        write!(f, "to make room:")?;
        if self.days.contains(&DayReason::LiftFalse) {
            write!(f, "\n  - allow lifting on a day marked lift = false")?;
        }
        if self.days.contains(&DayReason::NoRoom) {
            write!(f, "\n  - widen lift_window, or move an easy run out of it")?;
        }
        write!(
            f,
            "\n  - make a hard day easy, or put two hard runs on one day"
        )
    }
}

impl std::error::Error for Infeasible {}

/// Why a day holds a session or not, in words.
pub fn reason_text(reason: &DayReason) -> String {
    match reason {
        DayReason::Chosen => "holds a planned session".to_owned(),
        DayReason::Pinned => "holds a session you pinned".to_owned(),
        DayReason::HardRun { run_type, at } => {
            format!("hard run ({run_type} at {at}): no strength on a hard day")
        }
        DayReason::LiftFalse => "lift = false: kept free of strength".to_owned(),
        DayReason::NoRoom => "no free time in the lift window for a whole session".to_owned(),
        DayReason::NotNeeded => "free, but other days scored better".to_owned(),
        DayReason::TargetMet => "free; the pinned sessions already meet the target".to_owned(),
        DayReason::Taper => "kept free for the race".to_owned(),
    }
}

/// One possible session: a start on a day, and how it sits against the hard runs.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: WeekTime,
    /// 0 light, 1 heavy, 2 heavy with both gaps of 24 h or more.
    class: u8,
    /// Minutes from the preferred lift time.
    distance: u32,
}

/// The levels of the order as one lexicographic key: larger is better.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    sessions: usize,
    heavy: usize,
    heavy_ideal: usize,
    consecutive: Reverse<usize>,
    spacing: i64,
    distance: Reverse<u64>,
    starts: Reverse<Vec<WeekTime>>,
}

impl Score {
    /// The first level at which `self` beats `other`, if it does.
    fn beats_at(&self, other: &Score) -> Option<Criterion> {
        if self <= other {
            return None;
        }
        Some(if self.sessions != other.sessions {
            Criterion::Sessions
        } else if self.heavy != other.heavy {
            Criterion::Heavy
        } else if self.heavy_ideal != other.heavy_ideal {
            Criterion::HeavyIdeal
        } else if self.consecutive != other.consecutive {
            Criterion::ConsecutiveDays
        } else if self.spacing != other.spacing {
            Criterion::SpacingBetweenSessions
        } else if self.distance != other.distance {
            Criterion::PreferredTime
        } else {
            Criterion::Earliest
        })
    }
}

/// Places the week's strength sessions (without their exercises). Pure: the same
/// schedule gives the same plan.
pub fn place(schedule: &Schedule) -> Result<Plan, Infeasible> {
    let runner = &schedule.runner;
    let minutes = runner.session_minutes;
    let hard: Vec<&Run> = schedule.hard_runs().collect();
    let busy: Vec<Span> = schedule
        .runs()
        .map(|r| r.span)
        .chain(schedule.pinned().map(|p| p.span))
        .collect();
    let pinned: Vec<Span> = schedule.pinned().map(|p| p.span).collect();
    let pinned_days: Vec<Day> = schedule.pinned().map(|p| p.day).collect();

    let mut reasons: [DayReason; 7] = std::array::from_fn(|_| DayReason::NotNeeded);
    let mut slots: [Vec<Slot>; 7] = Default::default();
    for day in Day::ALL {
        let plan = &schedule.days[day.index()];
        reasons[day.index()] = if !plan.pinned.is_empty() {
            DayReason::Pinned
        } else if let Some(run) = plan.runs.iter().find(|r| r.hard) {
            DayReason::HardRun {
                run_type: run.run_type,
                at: run.span.start.time(),
            }
        } else if !plan.lift_allowed {
            DayReason::LiftFalse
        } else {
            slots[day.index()] = day_slots(day, schedule, &hard, &busy);
            if slots[day.index()].is_empty() {
                DayReason::NoRoom
            } else {
                DayReason::NotNeeded
            }
        };
    }

    let open: Vec<Day> = Day::ALL
        .into_iter()
        .filter(|d| !slots[d.index()].is_empty())
        .collect();
    let free_target = usize::from(runner.sessions).saturating_sub(pinned.len());
    let count = free_target.min(open.len());
    if pinned.len() + count < usize::from(SESSIONS_MIN) {
        return Err(Infeasible {
            possible: pinned.len() + count,
            days: Box::new(reasons),
        });
    }

    // Levels 1 to 4 for every choice of `count` open days, best class on each.
    let mut choices: Vec<(Score, Vec<Day>)> = subsets(&open, count)
        .into_iter()
        .map(|days| {
            let best = |d: &Day| slots[d.index()].iter().map(|s| s.class).max().unwrap_or(0);
            let all_days: Vec<Day> = days.iter().chain(&pinned_days).copied().collect();
            let score = Score {
                sessions: count,
                heavy: days.iter().filter(|d| best(d) >= 1).count(),
                heavy_ideal: days.iter().filter(|d| best(d) >= 2).count(),
                consecutive: Reverse(consecutive_pairs(&all_days)),
                spacing: 0,
                distance: Reverse(0),
                starts: Reverse(Vec::new()),
            };
            (score, days)
        })
        .collect();
    let top = choices
        .iter()
        .map(|(s, _)| top_levels(s))
        .max()
        .unwrap_or_default();
    // Each day's starts of its best class, and each pinned session's one start.
    let day_choices: [Vec<Choice>; 7] = std::array::from_fn(|d| {
        let best = slots[d].iter().map(|s| s.class).max().unwrap_or(0);
        let mut list = Vec::with_capacity(slots[d].len());
        list.extend(slots[d].iter().filter(|s| s.class == best).map(|s| Choice {
            start: s.start.minutes(),
            minutes,
            cost: s.distance,
        }));
        list
    });
    let pinned_choices: Vec<Choice> = pinned
        .iter()
        .map(|p| Choice {
            start: p.start.minutes(),
            minutes: p.minutes,
            cost: 0,
        })
        .collect();
    // The choices that tie at the top of levels 1 to 4, with an upper bound on level 5.
    let mut tied = Vec::new();
    for (i, (score, days)) in choices.iter_mut().enumerate() {
        if top_levels(score) == top {
            let mut entries: Vec<(bool, &[Choice])> = days
                .iter()
                .map(|d| (true, day_choices[d.index()].as_slice()))
                .chain(
                    pinned_choices
                        .iter()
                        .map(|c| (false, std::slice::from_ref(c))),
                )
                .collect();
            entries.sort_by_key(|(_, list)| list.first().map(|c| c.start));
            let (free, lists): (Vec<bool>, Vec<&[Choice]>) = entries.into_iter().unzip();
            if lists.iter().any(|list| list.is_empty()) {
                continue;
            }
            score.spacing = times::spacing_bound(&lists);
            tied.push((i, free, lists));
        }
    }
    // Exact level 5 from the highest bound down. Only the winner and the runner-up
    // matter; a choice whose bound is below the second-best exact value can be
    // neither, and keeps its bound (below both) as its level-5 value. One whose
    // exact value turns out below the second best is given one less than it.
    tied.sort_by_key(|(i, _, _)| Reverse(choices[*i].0.spacing));
    let mut top_two: [Option<i64>; 2] = [None, None];
    let mut pending = Vec::new();
    for (i, free, lists) in tied {
        let bound = choices[i].0.spacing;
        if top_two[1].is_some_and(|second| bound < second) {
            continue;
        }
        let second = top_two[1].unwrap_or(i64::MIN);
        let Some(spacing) = times::spacing(&lists, second) else {
            choices[i].0.spacing = second.saturating_sub(1);
            continue;
        };
        choices[i].0.spacing = spacing;
        match top_two {
            [Some(first), _] if spacing > first => top_two = [Some(spacing), Some(first)],
            [Some(_), Some(second)] if spacing > second => top_two[1] = Some(spacing),
            [None, _] => top_two[0] = Some(spacing),
            [Some(_), None] => top_two[1] = Some(spacing),
            _ => {}
        }
        pending.push((i, spacing, free, lists));
    }
    // Levels 6 and 7 only where they can decide the winner or the runner-up.
    let mut levels: Vec<i64> = pending.iter().map(|(_, s, _, _)| *s).collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    let top_count = levels.iter().take_while(|s| **s == levels[0]).count();
    let floor = if top_count >= 2 {
        levels[0]
    } else {
        levels.get(1).copied().unwrap_or(levels[0])
    };
    for (i, spacing, free, lists) in pending {
        if spacing < floor {
            continue;
        }
        let Some(best) = times::best_with(&lists, spacing) else {
            continue;
        };
        let score = &mut choices[i].0;
        score.distance = Reverse(best.cost);
        score.starts = Reverse(
            best.picks
                .iter()
                .zip(&lists)
                .zip(&free)
                .filter(|(_, free)| **free)
                .map(|((&pick, list), _)| WeekTime::wrapping(list[pick].start))
                .collect(),
        );
    }
    choices.sort_by(|a, b| b.0.cmp(&a.0));
    let mut choices = choices.into_iter();
    let Some((best, days)) = choices.next() else {
        return Err(Infeasible {
            possible: pinned.len(),
            days: Box::new(reasons),
        });
    };
    let decision = choices.next().and_then(|(other, other_days)| {
        best.beats_at(&other).map(|level| Decision {
            runner_up: other_days,
            level,
        })
    });

    let mut sessions: Vec<Session> = best
        .starts
        .0
        .iter()
        .map(|&start| {
            let span = Span { start, minutes };
            let (before, after) = gaps(span, &hard);
            let kind = if may_be_heavy(before, after) {
                Kind::Heavy
            } else {
                Kind::Light
            };
            let why_start =
                start_reason(&slots[start.day().index()], start, best.spacing, schedule);
            Session {
                day: start.day(),
                span,
                kind,
                pinned: false,
                before,
                after,
                shortfall: (kind == Kind::Heavy).then(|| shortfall(span, &hard)),
                why_start: Some(why_start),
                workout: None,
            }
        })
        .chain(schedule.pinned().map(|p| {
            let (before, after) = gaps(p.span, &hard);
            Session {
                day: p.day,
                span: p.span,
                kind: p.kind,
                pinned: true,
                before,
                after,
                shortfall: (p.kind == Kind::Heavy).then(|| shortfall(p.span, &hard)),
                why_start: None,
                workout: None,
            }
        }))
        .collect();
    sessions.sort_by_key(|s| s.span.start);
    for day in &days {
        reasons[day.index()] = DayReason::Chosen;
    }
    if free_target == 0 {
        for reason in &mut reasons {
            if *reason == DayReason::NotNeeded {
                *reason = DayReason::TargetMet;
            }
        }
    }

    let mut warnings = judge::findings(schedule)
        .into_iter()
        .map(|finding| format!("pinned {finding}"))
        .collect::<Vec<_>>();
    if pinned.len() > usize::from(runner.sessions) {
        warnings.push(format!(
            "you pinned {} sessions, more than the {} you aim for",
            pinned.len(),
            runner.sessions
        ));
    }
    if sessions.len() < usize::from(runner.sessions) {
        warnings.push(format!(
            "only {} of the {} sessions you asked for fit this week",
            sessions.len(),
            runner.sessions
        ));
    }
    Ok(Plan {
        target: runner.sessions,
        sessions,
        days: reasons,
        decision,
        warnings,
        coverage: Vec::new(),
        deload: false,
        taper: false,
    })
}

/// Whether a session with these gaps to the nearest hard runs may be heavy.
pub fn may_be_heavy(before: Option<Gap>, after: Option<Gap>) -> bool {
    let minutes = |g: Option<Gap>| g.map_or(u32::MAX, |g| g.minutes);
    class(minutes(before).min(minutes(after))) >= 1
}

/// A slot's class from the minutes to the nearest hard run either side (`u32::MAX`
/// for none): 0 light, 1 heavy, 2 heavy with both gaps of 24 h or more.
fn class(nearest: u32) -> u8 {
    match nearest {
        gap if gap < HEAVY_GAP_MIN => 0,
        gap if gap < HEAVY_GAP_IDEAL => 1,
        _ => 2,
    }
}

/// The nearest hard run before `span` and after it, around the repeating week.
pub fn gaps(span: Span, hard: &[&Run]) -> (Option<Gap>, Option<Gap>) {
    let gap = |run: &Run, minutes| Gap {
        minutes,
        day: run.day,
        run_type: run.run_type,
        at: run.span.start.time(),
    };
    let before = hard
        .iter()
        .filter(|r| !r.span.overlaps(span))
        .map(|r| gap(r, r.span.gap_to(span)))
        .min_by_key(|g| g.minutes);
    let after = hard
        .iter()
        .filter(|r| !r.span.overlaps(span))
        .map(|r| gap(r, span.gap_to(r.span)))
        .min_by_key(|g| g.minutes);
    (before, after)
}

/// How far a session at `span` falls short of the ideal distance from the hard runs
/// (SPEC §3): for each hard run, its ideal (48 h for a key run, else 24 h) less the
/// smaller of the gaps either way; the largest of these, and 0.
pub fn shortfall(span: Span, hard: &[&Run]) -> u32 {
    // A key run: a race, or a hard run of 150 minutes or more (SPEC §2).
    const KEY_RUN_MINUTES: u32 = 150;
    const KEY_RUN_GAP_IDEAL: u32 = 48 * 60;
    hard.iter()
        .map(|r| {
            let key = r.run_type == "race" || r.span.minutes >= KEY_RUN_MINUTES;
            let ideal = if key {
                KEY_RUN_GAP_IDEAL
            } else {
                HEAVY_GAP_IDEAL
            };
            let smaller = if r.span.overlaps(span) {
                0
            } else {
                r.span.gap_to(span).min(span.gap_to(r.span))
            };
            ideal.saturating_sub(smaller)
        })
        .max()
        .unwrap_or(0)
}

/// Every start on `day`'s grid inside the lift window that clashes with nothing.
fn day_slots(day: Day, schedule: &Schedule, hard: &[&Run], busy: &[Span]) -> Vec<Slot> {
    let runner = &schedule.runner;
    let minutes = runner.session_minutes;
    let first = runner.window_start.minutes().div_ceil(START_GRID) * START_GRID;
    let last = runner.window_end.minutes().saturating_sub(minutes);
    // Only what overlaps the day's window can clash with a start in it.
    let window = Span {
        start: WeekTime::at(day, TimeOfDay::wrapping(first)),
        minutes: (last + minutes).saturating_sub(first),
    };
    let busy: Vec<Span> = busy
        .iter()
        .copied()
        .filter(|b| b.overlaps(window))
        .collect();
    let starts = (first..=last).step_by(START_GRID as usize);
    let mut slots = Vec::with_capacity(starts.size_hint().0);
    slots.extend(starts.filter_map(|t| {
        let span = Span {
            start: WeekTime::at(day, TimeOfDay::wrapping(t)),
            minutes,
        };
        if busy.iter().any(|b| b.overlaps(span)) {
            return None;
        }
        // The minutes to the nearest hard run either side, as in `gaps`.
        let (mut before, mut after) = (u32::MAX, u32::MAX);
        for run in hard.iter().filter(|r| !r.span.overlaps(span)) {
            before = before.min(run.span.gap_to(span));
            after = after.min(span.gap_to(run.span));
        }
        let class = class(before.min(after));
        let distance = t.abs_diff(runner.preferred_lift_time.minutes());
        Some(Slot {
            start: span.start,
            class,
            distance,
        })
    }));
    slots
}

/// Why a planned session starts when it does, naming the level of the order that
/// decided against the start nearest the preferred lift time.
fn start_reason(day: &[Slot], start: WeekTime, spacing: i64, schedule: &Schedule) -> String {
    let preferred = schedule.runner.preferred_lift_time;
    let at = start.time();
    let Some(chosen) = day.iter().find(|s| s.start == start) else {
        return format!("starts at {at}");
    };
    let nearest = |slots: &mut dyn Iterator<Item = &Slot>| {
        slots.min_by_key(|s| (s.distance, s.start)).copied()
    };
    let nearest_any = nearest(&mut day.iter());
    let nearest_same = nearest(&mut day.iter().filter(|s| s.class == chosen.class));
    match (nearest_any, nearest_same) {
        (Some(any), _) if any.start == start => {
            format!("starts at {at}, the start nearest the preferred {preferred}")
        }
        (Some(any), Some(same)) if same.start == start => {
            // The day's best class is chosen, so a nearer start is of a lower class.
            let (level, what) = match (chosen.class, any.class) {
                (2, 1) => (3, "be under 24 h from a hard run"),
                _ => (2, "not be heavy"),
            };
            format!("starts at {at}: nearer {preferred} it would {what} (level {level})")
        }
        (_, Some(same)) if same.distance == chosen.distance => {
            format!(
                "starts at {at}, the earlier of two starts as near the preferred {preferred} (level 7)"
            )
        }
        (_, Some(same)) => format!(
            "starts at {at}, not at {}, to keep strength sessions {} apart (level 5)",
            same.start.time(),
            duration(u32::try_from(spacing.max(0)).unwrap_or(u32::MAX))
        ),
        _ => format!("starts at {at}"),
    }
}

/// Levels 1 to 4 of a score.
fn top_levels(score: &Score) -> (usize, usize, usize, Reverse<usize>) {
    (
        score.sessions,
        score.heavy,
        score.heavy_ideal,
        score.consecutive,
    )
}

/// Pairs of sessions on neighbouring days (Sunday and Monday are neighbours).
fn consecutive_pairs(days: &[Day]) -> usize {
    let mut pairs = 0;
    for (i, a) in days.iter().enumerate() {
        pairs += days[i + 1..].iter().filter(|b| a.is_next_to(**b)).count();
    }
    pairs
}

/// Every way to choose `k` of `days`, in order (`days` holds at most the week's seven).
fn subsets(days: &[Day], k: usize) -> Vec<Vec<Day>> {
    let n = days.len().min(Day::ALL.len());
    let mut out: Vec<Vec<Day>> = (0u32..1 << n)
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| {
            let mut days_in = Vec::with_capacity(k);
            days_in.extend((0..n).filter(|i| mask & 1 << i != 0).map(|i| days[i]));
            days_in
        })
        .collect();
    out.sort_unstable();
    out
}

/// `5 h 30 min after the tue 06:30 intervals`.
pub fn describe_gap(gap: &Gap, side: &str) -> String {
    format!(
        "{} {side} the {} {} {}",
        duration(gap.minutes),
        gap.day,
        gap.at,
        gap.run_type
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn plan(text: &str) -> Result<Plan, Infeasible> {
        place(&Schedule::parse(text, Overrides::default()).expect("valid schedule"))
    }

    fn starts(plan: &Plan) -> Vec<String> {
        plan.sessions
            .iter()
            .map(|s| format!("{} {} {}", s.day, s.span.start.time(), s.kind.name()))
            .collect()
    }

    #[test]
    fn a_sunday_evening_session_before_monday_dawn_intervals_is_light() {
        // Only Sunday and Wednesday are free; Sunday's window ends 2 h before the
        // Monday 00:30 intervals come round, so nothing there can be heavy.
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
            .expect("a sunday session");
        assert_eq!(sunday.kind, Kind::Light);
        assert!(sunday.after.expect("a hard run after").minutes < HEAVY_GAP_MIN);
    }

    #[test]
    fn heavy_session_moves_away_from_morning_intervals() {
        // Monday could hold a session at 18:00, but the Tuesday 06:30 intervals make
        // any Monday slot less than 24 h away; Wednesday and Saturday are 24 h clear.
        let plan = plan(
            "[runner]\nsessions = 2\n[week]\nmon = \"easy\"\ntue = { run = \"intervals\", at = \"06:30\" }\n\
             wed = \"easy\"\nthu = { run = \"tempo\", at = \"18:00\" }\nfri = \"rest\"\nsat = \"easy\"\nsun = \"long\"\n",
        )
        .expect("plan");
        assert_eq!(plan.sessions.len(), 2);
        for session in &plan.sessions {
            assert_eq!(session.kind, Kind::Heavy);
            assert!(session.before.expect("gap").minutes >= HEAVY_GAP_MIN);
            assert!(session.after.expect("gap").minutes >= HEAVY_GAP_MIN);
        }
        assert!(
            plan.sessions
                .iter()
                .all(|s| s.day != Day::Tue && s.day != Day::Thu && s.day != Day::Sun)
        );
    }

    #[test]
    fn no_session_on_hard_days_or_lift_false_days() {
        let plan = plan(
            "[week]\nmon = \"tempo\"\ntue = { run = \"rest\", lift = false }\nwed = [\"easy\", { run = \"easy\", at = \"18:00\", hard = true }]\n",
        )
        .expect("plan");
        assert!(
            plan.sessions
                .iter()
                .all(|s| ![Day::Mon, Day::Tue, Day::Wed].contains(&s.day))
        );
        assert_eq!(plan.days[Day::Tue.index()], DayReason::LiftFalse);
        assert!(matches!(
            plan.days[Day::Wed.index()],
            DayReason::HardRun {
                run_type: "easy",
                ..
            }
        ));
    }

    #[test]
    fn a_pinned_heavy_session_too_close_to_a_hard_run_is_kept_and_warned() {
        let plan = plan(
            "[runner]\nsessions = 2\n[week]\ntue = [{ run = \"intervals\", at = \"06:30\" }]\n\
             mon = [{ strength = \"heavy\", at = \"21:00\", minutes = 40 }]\n",
        )
        .expect("plan");
        let pinned = plan.sessions.iter().find(|s| s.pinned).expect("kept");
        assert_eq!(pinned.kind, Kind::Heavy);
        assert_eq!(pinned.span.start.time().to_string(), "21:00");
        assert!(
            plan.warnings.iter().any(|w| w
                == "pinned mon 21:00 heavy: 8 h 50 min before the tue 06:30 intervals, ideally 24 h or more"),
            "{:?}",
            plan.warnings
        );
        let close = self::plan(
            "[runner]\nsessions = 2\n[week]\ntue = { run = \"intervals\", at = \"05:00\" }\n\
             mon = { strength = \"heavy\", at = \"23:00\" }\n",
        )
        .expect("plan");
        assert_eq!(
            close
                .sessions
                .iter()
                .filter(|s| s.pinned && s.kind == Kind::Heavy)
                .count(),
            1
        );
        assert!(
            close.warnings.iter().any(|w| w
                == "pinned mon 23:00 heavy: 5 h 20 min before the tue 05:00 intervals, heavy needs 6 h"),
            "{:?}",
            close.warnings
        );
    }

    #[test]
    fn fewer_than_two_possible_sessions_is_infeasible_with_reasons() {
        let err = plan("[week]\nmon = \"tempo\"\ntue = \"tempo\"\nwed = \"tempo\"\nthu = \"tempo\"\nfri = \"tempo\"\nsat = { run = \"rest\", lift = false }\n")
            .expect_err("only sunday is free");
        assert_eq!(err.possible, 1);
        assert_eq!(err.days[Day::Sat.index()], DayReason::LiftFalse);
        assert_eq!(err.days[Day::Sun.index()], DayReason::NotNeeded);
        let text = err.to_string();
        assert!(
            text.starts_with("no plan: only 1 strength session fits this week"),
            "{text}"
        );
        assert!(
            text.contains("allow lifting on a day marked lift = false"),
            "{text}"
        );
    }

    #[test]
    fn a_day_full_of_runs_has_no_room() {
        let plan = plan(
            "[runner]\nlift_window = [\"07:00\", \"09:00\"]\n[week]\nmon = { run = \"easy\", at = \"07:00\", minutes = 100 }\n",
        )
        .expect("plan");
        assert_eq!(plan.days[Day::Mon.index()], DayReason::NoRoom);
    }

    #[test]
    fn sessions_avoid_consecutive_days_when_heavy_counts_tie() {
        let plan = plan("[runner]\nsessions = 3\n[week]\n").expect("plan");
        let days: Vec<Day> = plan.sessions.iter().map(|s| s.day).collect();
        assert_eq!(consecutive_pairs(&days), 0, "{:?}", starts(&plan));
    }

    #[test]
    fn consecutive_pairs_count_sunday_and_monday() {
        assert_eq!(consecutive_pairs(&[Day::Mon, Day::Sun]), 1);
        assert_eq!(consecutive_pairs(&[Day::Mon, Day::Tue, Day::Wed]), 2);
        assert_eq!(consecutive_pairs(&[Day::Mon, Day::Wed, Day::Fri]), 0);
    }

    #[test]
    fn subsets_enumerate_every_choice_once() {
        assert_eq!(subsets(&Day::ALL, 3).len(), 35);
        assert_eq!(subsets(&Day::ALL, 0), vec![Vec::<Day>::new()]);
        assert_eq!(subsets(&[Day::Mon], 2).len(), 0);
    }
}
