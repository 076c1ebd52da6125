//! Property tests for the placement of strength sessions (SPEC §3): the hard rules
//! every plan keeps whatever the order says, on weeks from `schedules`.
//!
//! Schedules are generated as TOML text, so parsing is exercised too, then planned.
//! The comparison with an independent brute force of the whole order lives in
//! `oracle_check.rs`; the coaching cases in `coaching.rs`.

use planner::plan::{Plan, Session};
use planner::render::Week;
use planner::render::json;
use planner::render::text::{self, TextOptions};
use planner::schedule::{HardDays, Kind};
use planner::{Schedule, plan_week};
use proptest::prelude::*;

// The numbers of SPEC §1 and §3, written out again so that the reference does not
// lean on the code it checks.
const GRID: u32 = 15;
const HEAVY_GAP: u32 = 6 * 60;
const SESSIONS_MIN: usize = 2;
use crate::schedules::{DAY, WEEK, config, parse, week};

fn free(plan: &Plan) -> impl Iterator<Item = &Session> {
    plan.sessions.iter().filter(|s| !s.pinned)
}

/// Minutes from the end of a run (or session) to the start of a later one, forward
/// around the week.
pub(crate) fn forward(from: u32, to: u32) -> u32 {
    (to % WEEK + WEEK - from % WEEK) % WEEK
}

/// Whether two stretches `(start, minutes)` share a minute, around the week.
pub(crate) fn clash(a: (u32, u32), b: (u32, u32)) -> bool {
    a.1 > 0 && b.1 > 0 && (forward(a.0, b.0) < a.1 || forward(b.0, a.0) < b.1)
}

/// The hard rules of SPEC §1 and §3, which every plan keeps whatever the order says.
pub(crate) fn check_hard_rules(
    text: &str,
    schedule: &Schedule,
    plan: &Plan,
) -> Result<(), TestCaseError> {
    let runner = &schedule.runner;
    let mut days_used = [0usize; 7];
    for session in &plan.sessions {
        days_used[session.day.index()] += 1;
        // A session starts on its own day, or after midnight in a night window.
        let start_day = (session.start_minutes() / DAY) as usize;
        prop_assert!(start_day == session.day.index() || start_day == session.day.index() + 1);
    }
    prop_assert!(
        days_used.iter().all(|&n| n <= 1) || schedule.days.iter().any(|d| d.pinned.len() > 1),
        "more than one session on a day: {:?}\n{}",
        plan.sessions,
        text
    );
    let pinned_written = schedule.pinned().count();
    prop_assert_eq!(
        plan.sessions.iter().filter(|s| s.pinned).count(),
        pinned_written
    );
    let free_count = free(plan).count();
    prop_assert!(
        free_count <= usize::from(runner.sessions).saturating_sub(pinned_written),
        "more sessions than the target\n{}",
        text
    );
    prop_assert!(plan.sessions.len() >= SESSIONS_MIN, "{}", text);
    let heavy_count = plan
        .sessions
        .iter()
        .filter(|s| s.kind == Kind::Heavy)
        .count();
    let pinned_heavy = schedule.pinned().filter(|p| p.kind == Kind::Heavy).count();
    prop_assert!(
        heavy_count <= usize::from(runner.heavy_max).max(pinned_heavy),
        "{} heavy sessions, heavy_max is {}\n{}",
        heavy_count,
        runner.heavy_max,
        text
    );
    for s in free(plan) {
        let day = &schedule.days[s.day.index()];
        let start = s.span.start.minutes();
        let end = start + s.span.minutes;
        let what = format!("{} {}", s.day, s.span.start.time());
        prop_assert!(
            day.lift_allowed,
            "{} is on a lift = false day\n{}",
            what,
            text
        );
        for run in day.runs.iter().filter(|r| r.hard) {
            let after_run = runner.hard_days == HardDays::AfterRun;
            let ready = run.span.start.time().minutes() + run.span.minutes + HEAVY_GAP;
            prop_assert!(
                after_run && s.start_minutes() >= s.day.index() as u32 * DAY + ready,
                "{} is on a hard day\n{}",
                what,
                text
            );
        }
        for r in schedule.runs() {
            let (rs, re) = (
                r.span.start.minutes(),
                r.span.start.minutes() + r.span.minutes,
            );
            prop_assert!(
                !clash((rs, r.span.minutes), (start, s.span.minutes)),
                "{} overlaps a run\n{}",
                what,
                text
            );
            prop_assert!(
                forward(re, start) >= runner.changeover_minutes
                    && forward(end, rs) >= runner.changeover_minutes,
                "{} is closer than the changeover to the {} {} run\n{}",
                what,
                r.day,
                r.run_type,
                text
            );
        }
        prop_assert!(
            schedule.pinned().all(|p| !clash(
                (p.span.start.minutes(), p.span.minutes),
                (start, s.span.minutes)
            )),
            "{} overlaps a pinned session\n{}",
            what,
            text
        );
        prop_assert_eq!(s.span.minutes, runner.session_minutes, "{}", text);
        prop_assert_eq!(start % GRID, 0, "{} is off the grid\n{}", what, text);
        let open = runner.window_start.minutes();
        let into = s.start_minutes() - s.day.index() as u32 * DAY;
        prop_assert!(
            into >= open && into + s.span.minutes <= open + runner.window_minutes(),
            "{} is outside lift_window\n{}",
            what,
            text
        );
        // The gaps the plan reports are the real ones, and a heavy session keeps 6 h.
        let before = schedule
            .hard_runs()
            .filter(|r| {
                !clash(
                    (r.span.start.minutes(), r.span.minutes),
                    (start, s.span.minutes),
                )
            })
            .map(|r| forward(r.span.start.minutes() + r.span.minutes, start))
            .min();
        let after = schedule
            .hard_runs()
            .filter(|r| {
                !clash(
                    (r.span.start.minutes(), r.span.minutes),
                    (start, s.span.minutes),
                )
            })
            .map(|r| forward(end, r.span.start.minutes()))
            .min();
        prop_assert_eq!(
            s.before.map(|g| g.minutes),
            before,
            "{} gap before\n{}",
            what,
            text
        );
        prop_assert_eq!(
            s.after.map(|g| g.minutes),
            after,
            "{} gap after\n{}",
            what,
            text
        );
        if s.kind == Kind::Heavy {
            prop_assert!(
                before.is_none_or(|g| g >= HEAVY_GAP) && after.is_none_or(|g| g >= HEAVY_GAP),
                "heavy {} is within 6 h of a hard run\n{}",
                what,
                text
            );
            prop_assert!(s.shortfall.is_some(), "{}", text);
            for other in plan
                .sessions
                .iter()
                .filter(|o| o.kind == Kind::Heavy && o.day != s.day)
            {
                prop_assert!(
                    !other.day.is_next_to(s.day),
                    "heavy {} is the day next to heavy {} {}\n{}",
                    what,
                    other.day,
                    other.span.start.time(),
                    text
                );
            }
        } else {
            prop_assert_eq!(s.shortfall, None, "{}", text);
        }
    }
    // Pinned sessions stay as written.
    for p in schedule.pinned() {
        prop_assert!(
            plan.sessions
                .iter()
                .any(|s| s.pinned && s.span == p.span && s.kind == p.kind && s.day == p.day),
            "pinned {} {} was moved or changed\n{}",
            p.day,
            p.span.start.time(),
            text
        );
    }
    let mut sorted = plan.sessions.clone();
    sorted.sort_by_key(|s| (s.day, s.start_minutes()));
    prop_assert_eq!(
        &sorted,
        &plan.sessions,
        "sessions are not in week order\n{}",
        text
    );
    Ok(())
}

/// Planning the same text again gives the same plan, and the same output bytes.
fn check_deterministic(text: &str, schedule: &Schedule) -> Result<(), TestCaseError> {
    let first = plan_week(schedule);
    let again = parse(text).expect("it parsed once");
    let second = plan_week(&again);
    prop_assert_eq!(&first, &second, "{}", text);
    if let (Ok(first), Ok(second)) = (&first, &second) {
        prop_assert_eq!(
            rendered(schedule, first),
            rendered(&again, second),
            "{}",
            text
        );
    }
    Ok(())
}

/// The week as text (with the explanations) and as JSON.
fn rendered(schedule: &Schedule, plan: &Plan) -> String {
    let monday = planner::date::Date::constant(2026, 11, 30);
    let week = Week {
        schedule,
        plan,
        monday,
    };
    let mut out = Vec::new();
    text::write(
        &week,
        TextOptions {
            explain: true,
            ..TextOptions::default()
        },
        &mut out,
    )
    .expect("the text renders");
    json::write(&week, &mut out).expect("the json renders");
    String::from_utf8(out).expect("output is UTF-8")
}

proptest! {
    #![proptest_config(config(1000))]

    /// Whatever the week, wide windows and three sessions included, every plan keeps
    /// the hard rules and comes out the same twice.
    #[test]
    fn plans_keep_the_hard_rules_and_repeat(spec in week(false)) {
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        if let Ok(plan) = plan_week(&schedule) {
            check_hard_rules(&text, &schedule, &plan)?;
        }
        check_deterministic(&text, &schedule)?;
    }
}
