//! The planner against the independent brute force of SPEC §3 (`tests/oracle`): on
//! generated weeks with pinned sessions, doubles, key runs, night windows, `hard_days`,
//! `heavy_max` 1–3 and changeovers 0–180, the planner picks exactly the oracle's week,
//! and finds no plan exactly when the oracle fits fewer than two sessions.

use planner::plan::Plan;
use planner::schedule::Kind;
use planner::{Overrides, Schedule, plan_week};
use proptest::prelude::*;

use crate::oracle::{self, Pick, best, check, describe, generate, key};
use crate::properties::check_hard_rules;
use crate::schedules::config;

/// The planner's sessions as the oracle writes a placement.
fn picks(plan: &Plan) -> Vec<Pick> {
    let mut picks: Vec<Pick> = plan
        .sessions
        .iter()
        .map(|s| Pick {
            day: s.day.index(),
            start: s.span.start.minutes(),
            heavy: s.kind == Kind::Heavy,
            pinned: s.pinned,
        })
        .collect();
    picks.sort_by_key(|p| (p.day, p.unwrapped()));
    picks
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn placement_is_the_oracles_best_week(case in generate::case()) {
        let text = case.to_toml();
        let schedule = Schedule::parse(&text, Overrides::default());
        prop_assert!(schedule.is_ok(), "the generated file does not parse: {:?}\n{}", schedule.err(), text);
        let schedule = schedule.expect("checked above");
        match (plan_week(&schedule), best(&case)) {
            (Ok(plan), Ok(expected)) => {
                let got = picks(&plan);
                let level = key(&case, &got).deciding_level(&key(&case, &expected));
                prop_assert_eq!(
                    describe(&got),
                    describe(&expected),
                    "planner (left) and oracle (right) differ at level {:?}\n{}",
                    level,
                    text
                );
                prop_assert!(check(&case, &got).is_ok(), "{:?}\n{}", check(&case, &got), text);
                check_hard_rules(&text, &schedule, &plan)?;
            }
            (Err(infeasible), Err(possible)) => {
                prop_assert_eq!(infeasible.possible, possible, "{}", text);
            }
            (Ok(plan), Err(possible)) => {
                prop_assert!(false, "the planner plans {}, the oracle fits only {}\n{}", describe(&picks(&plan)), possible, text);
            }
            (Err(infeasible), Ok(expected)) => {
                prop_assert!(false, "no plan ({} possible), the oracle has {}\n{}", infeasible.possible, describe(&expected), text);
            }
        }
    }
}

/// The oracle's own reading of a spec case the planner must share: a Sunday-night
/// session after midnight starts on Monday's clock but belongs to Sunday.
#[test]
fn a_sunday_night_session_belongs_to_sunday() {
    let case = oracle::Case {
        sessions: 2,
        lift_window: (22 * 60, 3 * 60),
        preferred_lift_time: 60,
        ..oracle::Case::default()
    };
    let schedule = Schedule::parse(&case.to_toml(), Overrides::default()).expect("valid");
    let plan = plan_week(&schedule).expect("a plan");
    assert_eq!(
        describe(&picks(&plan)),
        describe(&best(&case).expect("a plan"))
    );
}
