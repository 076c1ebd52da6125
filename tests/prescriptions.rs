//! Property tests for the sessions' exercises (SPEC §1 and §4).
//!
//! Weeks come from the schedule generator of `properties`, with `[runner] level`,
//! `units`, `high_volume_minutes` and `[lifts]` added, and every plan is checked
//! against the coaching rules as SPEC §1 and §4 and issue 4 state them. The load
//! model, the Epley estimate and the plate rounding are worked out again here, from
//! the schedule text the generator wrote, so that a fault in the planner's own
//! arithmetic shows.

use planner::plan::{Plan, Session};
use planner::plan_week;
use planner::prescription::Prescribed;
use planner::schedule::{Kind, Schedule};
use planner::template::{Family, Muscle};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use crate::properties::{DAY, WEEK, WeekSpec, config, forward, lifting_week, parse};

// The numbers of SPEC §1 and issue 4, written out again so that the checks do not
// lean on the code they check.
const REPS_MIN: u32 = 3;
const REPS_MAX: u32 = 8;
const MAIN_REPS_MAX: u32 = 6;
const RIR_MIN: u32 = 1;
const RIR_MAX: u32 = 2;
const EPLEY: f64 = 30.0;
const PLYO_AFTER_HARD: u32 = DAY;
const PLYO_CONTACTS_MAX: u32 = 40;
const STEP_KG: f64 = 2.5;
const STEP_LB: f64 = 5.0;
/// `high_volume_minutes` when the schedule does not say (SPEC §2).
const HIGH_VOLUME_DEFAULT: u32 = 360;

/// Every muscle group the week must train.
const COVERAGE: [Muscle; 6] = [
    Muscle::Glutes,
    Muscle::Hamstrings,
    Muscle::Quads,
    Muscle::Calves,
    Muscle::Hips,
    Muscle::Core,
];

/// `x` to one decimal, as percentages are printed.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The model's percentage of 1RM for `reps` with `rir` in reserve.
fn model_percent(reps: u32, rir: u32) -> f64 {
    100.0 / (1.0 + f64::from(reps + rir) / EPLEY)
}

/// The loads that count as `exact` rounded to the nearest plate step: one, or both
/// neighbours when `exact` sits on a tie (where float noise may tip it either way).
fn rounded_loads(exact: f64, step: f64) -> Vec<f64> {
    let steps = exact / step;
    let below = steps.floor();
    if (steps - below - 0.5).abs() < 1e-9 {
        vec![below * step, (below + 1.0) * step]
    } else {
        vec![steps.round() * step]
    }
}

/// What the checks need to know about the schedule, read from the generator's spec
/// and from the validated schedule.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) spec: &'a WeekSpec,
    pub(crate) schedule: &'a Schedule,
}

impl Context<'_> {
    fn step(&self) -> f64 {
        if self.spec.runner.units == Some("lb") {
            STEP_LB
        } else {
            STEP_KG
        }
    }

    fn novice(&self) -> bool {
        self.spec.runner.level == Some("novice")
    }

    /// Weekly run minutes at or above `high_volume_minutes` (360 unless given).
    fn high_volume(&self) -> bool {
        let minutes: u32 = self.schedule.runs().map(|r| r.span.minutes).sum();
        minutes
            >= self
                .spec
                .runner
                .high_volume_minutes
                .unwrap_or(HIGH_VOLUME_DEFAULT)
    }

    /// Minutes from the end of the nearest hard run before `start` to `start`, around
    /// the week; `None` in a week without hard runs.
    fn since_hard_run(&self, start: u32) -> Option<u32> {
        self.schedule
            .hard_runs()
            .map(|r| forward(r.span.start.minutes() + r.span.minutes, start))
            .min()
    }
}

/// How the loads of a week are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loads {
    /// Straight from the model and the 1RM.
    Model,
    /// A deload week's: checked against a normal week elsewhere.
    Deload,
}

/// Foot contacts of a plyometric exercise: every rep, on each leg when one-legged.
fn contacts(e: &Prescribed) -> u32 {
    let sides = if e.single_leg || e.per_side { 2 } else { 1 };
    e.sets * e.reps.unwrap_or(0) * sides
}

/// The rules every session keeps, in a week of `plan_week` or of a block.
fn check_session(cx: &Context<'_>, session: &Session, loads: Loads) -> Result<(), TestCaseError> {
    let text = cx.text;
    let what = format!(
        "{} {} {}",
        session.day,
        session.span.start.time(),
        session.kind.name()
    );
    let Some(w) = session.workout.as_ref() else {
        return Err(TestCaseError::fail(format!(
            "{what} has no workout\n{text}"
        )));
    };
    let names: Vec<&str> = w.exercises.iter().map(|e| e.name.as_str()).collect();
    prop_assert!(
        w.exercises.iter().any(|e| e.single_leg),
        "{} has no single-leg exercise: {:?}\n{}",
        what,
        names,
        text
    );
    prop_assert_eq!(
        w.role.is_heavy(),
        session.kind == Kind::Heavy,
        "{} has template {:?}\n{}",
        what,
        w.role,
        text
    );
    match session.kind {
        Kind::Light => {
            for e in &w.exercises {
                prop_assert!(
                    !e.main && e.lift.is_none() && e.load.is_none() && e.percent_1rm.is_none(),
                    "light {} carries loaded {:?}\n{}",
                    what,
                    e,
                    text
                );
            }
        }
        Kind::Heavy => prop_assert!(
            w.exercises.iter().any(|e| e.main),
            "heavy {} lost its main lift: {:?}\n{}",
            what,
            names,
            text
        ),
    }
    if cx.novice() {
        prop_assert!(
            !names.contains(&"Back squat"),
            "a novice's {} has a back squat\n{}",
            what,
            text
        );
    }

    // Plyometrics: a heavy session a day clear of the last hard run, a small dose.
    let jumps: Vec<&Prescribed> = w
        .exercises
        .iter()
        .filter(|e| e.family == Family::Plyometric)
        .collect();
    if !jumps.is_empty() {
        let since = cx.since_hard_run(session.span.start.minutes());
        prop_assert!(
            session.kind == Kind::Heavy && since.is_none_or(|m| m >= PLYO_AFTER_HARD),
            "{} has plyometrics {:?} {:?} min after a hard run\n{}",
            what,
            since,
            names,
            text
        );
        let total: u32 = jumps.iter().map(|e| contacts(e)).sum();
        prop_assert!(
            total <= PLYO_CONTACTS_MAX,
            "{} has {} foot contacts\n{}",
            what,
            total,
            text
        );
    }

    for e in &w.exercises {
        check_exercise(cx, &what, e, loads)?;
    }

    // Time: warm-up plus sets × (work + rest), rounded up, inside the session.
    let seconds = w.warmup_minutes * 60 + w.exercises.iter().map(Prescribed::seconds).sum::<u32>();
    prop_assert_eq!(
        w.estimated_minutes,
        seconds.div_ceil(60),
        "{} estimate\n{}",
        what,
        text
    );
    if !session.pinned {
        prop_assert!(
            w.estimated_minutes <= session.span.minutes,
            "{} takes {} min of its {}\n{}",
            what,
            w.estimated_minutes,
            session.span.minutes,
            text
        );
    }
    Ok(())
}

/// One exercise: the load model, the 1RM and the rounding, high volume.
fn check_exercise(
    cx: &Context<'_>,
    what: &str,
    e: &Prescribed,
    loads: Loads,
) -> Result<(), TestCaseError> {
    let text = cx.text;
    let Some(key) = e.lift else {
        prop_assert!(
            e.percent_1rm.is_none() && e.load.is_none(),
            "{}: {} has a % or load without a lift\n{}",
            what,
            e.name,
            text
        );
        return Ok(());
    };
    let (Some(reps), Some(rir)) = (e.reps, e.rir) else {
        return Err(TestCaseError::fail(format!(
            "{what}: loaded {} without reps and reps in reserve: {e:?}\n{text}",
            e.name
        )));
    };
    let most = if e.main { MAIN_REPS_MAX } else { REPS_MAX };
    prop_assert!(
        (REPS_MIN..=most).contains(&reps) && (RIR_MIN..=RIR_MAX).contains(&rir),
        "{}: {} at {} reps, {} in reserve\n{}",
        what,
        e.name,
        reps,
        rir,
        text
    );
    prop_assert!(
        e.seconds.is_none(),
        "{}: {} has seconds\n{}",
        what,
        e.name,
        text
    );
    if e.main && cx.high_volume() {
        prop_assert!(
            reps == MAIN_REPS_MAX && rir == RIR_MAX && e.tempo.is_some(),
            "{}: high volume, but {} is {} reps, {} in reserve, tempo {:?}\n{}",
            what,
            e.name,
            reps,
            rir,
            e.tempo,
            text
        );
    }
    let one_rep_max = cx.spec.one_rep_max(key);
    prop_assert_eq!(
        e.load.is_some(),
        one_rep_max.is_some(),
        "{}: {} load {:?} from {} ({:?})\n{}",
        what,
        &e.name,
        e.load,
        key,
        one_rep_max,
        text
    );
    if loads == Loads::Deload {
        return Ok(());
    }
    let percent = model_percent(reps, rir);
    prop_assert!(
        e.percent_1rm
            .is_some_and(|p| (p - round1(percent)).abs() < 1e-9),
        "{}: {} at {} reps, {} in reserve is {:?} % of 1RM, not {}\n{}",
        what,
        e.name,
        reps,
        rir,
        e.percent_1rm,
        round1(percent),
        text
    );
    if let (Some(load), Some(max)) = (e.load, one_rep_max) {
        let want = rounded_loads(percent / 100.0 * max, cx.step());
        prop_assert!(
            want.iter().any(|w| (w - load).abs() < 1e-9),
            "{}: {} is {} from a 1RM of {} at {:.2} %, not {:?}\n{}",
            what,
            e.name,
            load,
            max,
            percent,
            want,
            text
        );
    }
    Ok(())
}

/// The rules of a whole week: each session's, one plyometric session at most, and
/// (with `coverage`) every muscle group trained.
pub(crate) fn check_week(
    cx: &Context<'_>,
    plan: &Plan,
    loads: Loads,
    coverage: bool,
) -> Result<(), TestCaseError> {
    for session in &plan.sessions {
        check_session(cx, session, loads)?;
    }
    let with_jumps = plan
        .sessions
        .iter()
        .filter(|s| {
            s.workout
                .as_ref()
                .is_some_and(|w| w.exercises.iter().any(|e| e.family == Family::Plyometric))
        })
        .count();
    prop_assert!(
        with_jumps <= 1,
        "{} sessions with plyometrics\n{}",
        with_jumps,
        cx.text
    );
    if coverage {
        let trained: Vec<Muscle> = plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
            .flat_map(|e| e.muscles.iter().copied())
            .collect();
        for muscle in COVERAGE {
            prop_assert!(
                trained.contains(&muscle),
                "the week does not train the {}\n{}",
                muscle,
                cx.text
            );
        }
    }
    Ok(())
}

/// `spec` with `high_volume_minutes` set `extra` minutes above the week's run
/// minutes, so that the boundary of high volume comes up.
fn volume_at_run_minutes(mut spec: WeekSpec, extra: u32) -> WeekSpec {
    if let Some(schedule) = parse(&spec.to_string()) {
        let minutes: u32 = schedule.runs().map(|r| r.span.minutes).sum();
        spec.runner.high_volume_minutes = Some((minutes + extra).min(WEEK));
    }
    spec
}

proptest! {
    #![proptest_config(config(1500))]

    /// Whatever the week, level, units, volume and `[lifts]`, every session of every
    /// plan keeps the rules of the exercises, the load model and the time fit, and the
    /// week trains every muscle group with at most one plyometric session.
    #[test]
    fn every_planned_week_keeps_the_prescription_rules(
        spec in prop_oneof![lifting_week(true), lifting_week(false)],
        at_volume in prop::option::weighted(0.2, 0..=1u32),
    ) {
        let spec = match at_volume {
            Some(extra) => volume_at_run_minutes(spec, extra),
            None => spec,
        };
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        if let Ok(plan) = plan_week(&schedule) {
            let cx = Context { text: &text, spec: &spec, schedule: &schedule };
            check_week(&cx, &plan, Loads::Model, true)?;
        }
    }
}

/// The generator reaches the cases the rules single out: novices, pounds, weeks at
/// high volume with loads, 1RMs from sets, plyometrics, light sessions, trimming.
#[test]
fn generated_lifting_weeks_cover_the_prescription_corners() {
    let mut runner = TestRunner::deterministic();
    let strategy = lifting_week(false);
    let n = 300;
    let mut seen = [0usize; 7];
    for _ in 0..n {
        let spec = strategy
            .new_tree(&mut runner)
            .expect("a generated week")
            .current();
        let Some(schedule) = parse(&spec.to_string()) else {
            continue;
        };
        let Ok(plan) = plan_week(&schedule) else {
            continue;
        };
        let cx = Context {
            text: "",
            spec: &spec,
            schedule: &schedule,
        };
        let exercises: Vec<&Prescribed> = plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
            .collect();
        let corners = [
            cx.novice(),
            spec.runner.units == Some("lb") && exercises.iter().any(|e| e.load.is_some()),
            cx.high_volume() && exercises.iter().any(|e| e.main && e.load.is_some()),
            spec.lifts
                .iter()
                .any(|(_, l)| matches!(l, crate::properties::LiftSpec::Set { .. })),
            exercises.iter().any(|e| e.family == Family::Plyometric),
            plan.sessions.iter().any(|s| s.kind == Kind::Light),
            plan.sessions.iter().any(|s| {
                s.workout
                    .as_ref()
                    .is_some_and(|w| w.notes.iter().any(|n| n.starts_with("to fit")))
            }),
        ];
        for (count, hit) in seen.iter_mut().zip(corners) {
            *count += usize::from(hit);
        }
    }
    let names = [
        "novice",
        "pound loads",
        "high volume with loads",
        "1RM from a set",
        "plyometrics",
        "light session",
        "trimmed session",
    ];
    for (name, count) in names.iter().zip(seen) {
        assert!(count * 100 / n >= 5, "only {count} of {n} weeks: {name}");
    }
}
