//! Property tests for the sessions' exercises (SPEC §1 and §4, issue 12).
//!
//! Weeks come from the schedule generator of `properties`, with `[runner] level`,
//! `units`, `high_volume_minutes`, `equipment` and `[lifts]` added, pinned sessions
//! among them, and every plan is checked against the coaching rules as SPEC §1 and §4
//! and issue 12 state them. The load model, the Epley estimate and each equipment's
//! rounding are worked out again here, from the schedule text, so that a fault in the
//! planner's own arithmetic shows.

use planner::equipment::{Equipment, Item};
use planner::lift::Implement;
use planner::plan::{Plan, Session};
use planner::plan_week;
use planner::schedule::{Kind, Schedule};
use planner::template::{Family, Muscle, Role};
use planner::workout::{Coverage, Note, Prescribed};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use crate::properties::{clash, forward};
use crate::schedules::{DAY, WEEK, WeekSpec, config, lifting_week, parse};

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
/// A novice's main lifts: 8 reps with 2 in reserve (SPEC §4's 6–8, at 75 %).
const NOVICE_MAIN: (u32, u32) = (8, 2);
/// A novice's rests on body-weight work.
const NOVICE_REST: std::ops::RangeInclusive<u32> = 60..=90;
/// The time estimate's parts (issue 12): set-up per exercise, ramp-up sets per
/// loaded main lift and their rest, seconds a rep.
const SETUP: u32 = 60;
const RAMP_UPS: u32 = 2;
const RAMP_REST: u32 = 60;
const REP: u32 = 3;
const SLOW_REP: u32 = 5;
/// Key runs (SPEC §2) and the ideal gaps (SPEC §3).
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

    /// What the runner trains with, as the schedule says.
    fn equipment(&self) -> Equipment {
        self.schedule.runner.equipment
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
    let sides = if e.single_leg() || e.per_side() { 2 } else { 1 };
    e.sets * e.reps.unwrap_or(0) * sides
}

/// Where an exercise belongs in a session: plyometrics, main lifts, loaded
/// accessories, body weight, core.
fn place(e: &Prescribed) -> u8 {
    match e.family() {
        Family::Plyometric => 0,
        _ if e.main() => 1,
        _ if e.lift().is_some() => 2,
        Family::Plank | Family::PallofPress => 4,
        _ => 3,
    }
}

/// Seconds of an exercise as issue 12 counts them: a minute of set-up, two ramp-up
/// sets for a loaded main lift, sets × (work + rest), both sides counted.
fn seconds(e: &Prescribed) -> u32 {
    let per_rep = if e.tempo.is_some() { SLOW_REP } else { REP };
    let sides = if e.single_leg() || e.per_side() { 2 } else { 1 };
    let work = match (e.reps, e.seconds) {
        (Some(reps), _) => reps * per_rep,
        (None, Some(s)) => s,
        (None, None) => 0,
    } * sides;
    let ramps = if e.main() && e.lift().is_some() {
        RAMP_UPS
    } else {
        0
    };
    SETUP + ramps * (work + RAMP_REST) + e.sets * (work + e.rest_seconds)
}

/// The loads that count as `exact` in `implement`'s steps: nearest (either neighbour
/// on a tie), per hand for a pair, a kettlebell at or below; never under one step.
fn implement_loads(implement: Implement, total: f64, kg: bool) -> Vec<f64> {
    let (step, each) = match implement {
        Implement::Barbell => (if kg { STEP_KG } else { STEP_LB }, total),
        Implement::Dumbbell => (if kg { 2.0 } else { 5.0 }, total),
        Implement::Dumbbells => (if kg { 2.0 } else { 5.0 }, total / 2.0),
        Implement::Kettlebell => {
            let step = if kg { 4.0 } else { 9.0 };
            let below = ((total / step) + 1e-9).floor().max(1.0) * step;
            return vec![below, (below - step).max(step)];
        }
    };
    rounded_loads(each, step)
        .into_iter()
        .map(|l| l.max(step))
        .collect()
}

/// Minutes from a session at `(start, minutes)` to each hard run, the smaller way,
/// with each run's ideal: (smaller gap, ideal).
fn hard_gaps(cx: &Context<'_>, start: u32, minutes: u32) -> Vec<(u32, u32)> {
    cx.schedule
        .hard_runs()
        .map(|r| {
            let (run_start, run_minutes) = (r.span.start.minutes(), r.span.minutes);
            let after_run = forward(run_start + run_minutes, start);
            let before_run = forward(start + minutes, run_start);
            let key = r.key;
            // A pinned session may overlap a run: no gap at all.
            let gap = if clash((start, minutes), (run_start, run_minutes)) {
                0
            } else {
                after_run.min(before_run)
            };
            (gap, if key { 2 * DAY } else { DAY })
        })
        .collect()
}

/// SPEC §3's shortfall, worked out again.
fn shortfall(cx: &Context<'_>, session: &Session) -> u32 {
    hard_gaps(cx, session.span.start.minutes(), session.span.minutes)
        .into_iter()
        .map(|(gap, ideal)| ideal.saturating_sub(gap))
        .max()
        .unwrap_or(0)
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
    let names: Vec<&str> = w.exercises.iter().map(|e| e.name()).collect();
    prop_assert!(
        w.exercises.iter().any(|e| e.single_leg()),
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
                    !e.main() && e.lift().is_none() && e.load.is_none() && e.percent_1rm.is_none(),
                    "light {} carries loaded {:?}\n{}",
                    what,
                    e,
                    text
                );
            }
        }
        Kind::Heavy => prop_assert!(
            w.exercises.iter().any(|e| e.main()),
            "heavy {} lost its main lift: {:?}\n{}",
            what,
            names,
            text
        ),
    }
    // Order: plyometrics, main lifts, loaded accessories, body weight, core.
    let places: Vec<u8> = w.exercises.iter().map(place).collect();
    prop_assert!(
        places.windows(2).all(|p| p[0] <= p[1]),
        "{} is out of order: {:?}\n{}",
        what,
        names,
        text
    );

    // Plyometrics: a heavy power session that meets the ideal on both sides and is
    // a day clear of the last hard run; a small dose; never for a novice.
    let jumps: Vec<&Prescribed> = w
        .exercises
        .iter()
        .filter(|e| e.family() == Family::Plyometric)
        .collect();
    prop_assert_eq!(
        !jumps.is_empty(),
        w.role == Role::Power,
        "{} {:?}\n{}",
        what,
        names,
        text
    );
    if !jumps.is_empty() {
        let since = cx.since_hard_run(session.span.start.minutes());
        prop_assert!(
            !cx.novice()
                && session.kind == Kind::Heavy
                && shortfall(cx, session) == 0
                && since.is_none_or(|m| m >= PLYO_AFTER_HARD),
            "{} has plyometrics {:?} min after a hard run, shortfall {}\n{}",
            what,
            since,
            shortfall(cx, session),
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
    if session.kind == Kind::Heavy {
        prop_assert_eq!(
            session.shortfall,
            Some(shortfall(cx, session)),
            "{} shortfall\n{}",
            what,
            text
        );
    } else {
        prop_assert_eq!(session.shortfall, None, "{} shortfall\n{}", what, text);
    }

    for e in &w.exercises {
        check_exercise(cx, &what, e, loads)?;
    }

    // Time: warm-up, set-up, ramp-ups and sets, rounded up, inside the session.
    let total = w.warmup_minutes * 60 + w.exercises.iter().map(seconds).sum::<u32>();
    prop_assert_eq!(
        w.estimated_minutes,
        total.div_ceil(60),
        "{} estimate\n{}",
        what,
        text
    );
    prop_assert!(
        w.estimated_minutes <= session.span.minutes,
        "{} takes {} min of its {}\n{}",
        what,
        w.estimated_minutes,
        session.span.minutes,
        text
    );
    let high_volume_note = w.notes.iter().any(|n| matches!(n, Note::HighVolume { .. }));
    prop_assert_eq!(
        high_volume_note,
        cx.high_volume() && w.exercises.iter().any(|e| e.main() && e.lift().is_some()),
        "{} high-volume note {:?}\n{}",
        what,
        w.notes,
        text
    );
    Ok(())
}

/// One exercise: equipment, level, the load model, the 1RM and the rounding, high
/// volume.
fn check_exercise(
    cx: &Context<'_>,
    what: &str,
    e: &Prescribed,
    loads: Loads,
) -> Result<(), TestCaseError> {
    let text = cx.text;
    prop_assert!(
        cx.equipment().covers(e.equipment),
        "{}: {} uses {:?}, the runner has {:?}\n{}",
        what,
        e.name(),
        e.equipment,
        cx.equipment(),
        text
    );
    if cx.novice() {
        prop_assert!(
            !e.equipment.has(Item::Barbell),
            "{}: a novice's {}\n{}",
            what,
            e.name(),
            text
        );
        if e.implement().is_none() {
            prop_assert!(
                NOVICE_REST.contains(&e.rest_seconds),
                "{}: a novice rests {} s on {}\n{}",
                what,
                e.rest_seconds,
                e.name(),
                text
            );
        }
    }
    let Some(key) = e.lift() else {
        prop_assert!(
            e.percent_1rm.is_none() && e.load.is_none() && e.rir.is_none(),
            "{}: {} has a %, load or reserve without a load model\n{}",
            what,
            e.name(),
            text
        );
        return Ok(());
    };
    let (Some(reps), Some(rir), Some(implement)) = (e.reps, e.rir, e.implement()) else {
        return Err(TestCaseError::fail(format!(
            "{what}: loaded {} without reps, reserve and implement: {e:?}\n{text}",
            e.name()
        )));
    };
    prop_assert!(
        e.equipment.has(implement_item(implement)),
        "{}: {} is held in a {:?} it does not use\n{}",
        what,
        e.name(),
        implement,
        text
    );
    prop_assert!(
        e.seconds.is_none(),
        "{}: {} has seconds\n{}",
        what,
        e.name(),
        text
    );
    let one_rep_max = cx.spec.one_rep_max(key);
    prop_assert_eq!(
        e.load.is_some(),
        one_rep_max.is_some(),
        "{}: {} load {:?} from {} ({:?})\n{}",
        what,
        &e.name(),
        e.load,
        key,
        one_rep_max,
        text
    );
    if loads == Loads::Deload {
        return Ok(());
    }
    let most = match (e.main(), cx.novice()) {
        (true, true) => NOVICE_MAIN.0,
        (true, false) => MAIN_REPS_MAX,
        (false, _) => REPS_MAX,
    };
    prop_assert!(
        (REPS_MIN..=most).contains(&reps) && (RIR_MIN..=RIR_MAX).contains(&rir),
        "{}: {} at {} reps, {} in reserve\n{}",
        what,
        e.name(),
        reps,
        rir,
        text
    );
    if e.main() && cx.novice() && !cx.high_volume() {
        prop_assert_eq!(
            (reps, rir),
            NOVICE_MAIN,
            "{}: {}\n{}",
            what,
            &e.name(),
            text
        );
    }
    if e.main() && cx.high_volume() {
        prop_assert!(
            rir == RIR_MAX && e.tempo.is_some(),
            "{}: high volume, but {} is {} reps, {} in reserve, tempo {:?}\n{}",
            what,
            e.name(),
            reps,
            rir,
            e.tempo,
            text
        );
    }
    let percent = model_percent(reps, rir);
    prop_assert!(
        e.percent_1rm
            .is_some_and(|p| (p - round1(percent)).abs() < 1e-9),
        "{}: {} at {} reps, {} in reserve is {:?} % of 1RM, not {}\n{}",
        what,
        e.name(),
        reps,
        rir,
        e.percent_1rm,
        round1(percent),
        text
    );
    if let (Some(load), Some(max)) = (e.load, one_rep_max) {
        let want = implement_loads(implement, percent / 100.0 * max, cx.step() == STEP_KG);
        prop_assert!(
            want.iter().any(|w| (w - load).abs() < 1e-9),
            "{}: {} is {} from a 1RM of {} at {:.2} % in a {:?}, not {:?}\n{}",
            what,
            e.name(),
            load,
            max,
            percent,
            implement,
            want,
            text
        );
    }
    Ok(())
}

fn implement_item(implement: Implement) -> Item {
    match implement {
        Implement::Barbell => Item::Barbell,
        Implement::Dumbbell | Implement::Dumbbells => Item::Dumbbells,
        Implement::Kettlebell => Item::Kettlebell,
    }
}

/// Whether a runner with `equipment` can do some step-up (a box or a bench) and some
/// Pallof press (a band or a cable): the two families equipment can rule out.
fn possible(family: Family, equipment: Equipment) -> bool {
    match family {
        Family::StepUp => equipment.has(Item::Box) || equipment.has(Item::Bench),
        Family::PallofPress => equipment.has(Item::Band) || equipment.has(Item::Cable),
        _ => true,
    }
}

/// The rules of a whole week: each session's; the power session where SPEC §4 puts
/// it; squat and hinge emphasis with two heavy sessions; and (with `coverage`) every
/// family but plyometrics and every muscle group, or a finding naming the family the
/// equipment rules out.
pub(crate) fn check_week(
    cx: &Context<'_>,
    plan: &Plan,
    loads: Loads,
    coverage: bool,
) -> Result<(), TestCaseError> {
    let text = cx.text;
    for session in &plan.sessions {
        check_session(cx, session, loads)?;
    }
    let roles: Vec<Role> = plan
        .sessions
        .iter()
        .filter_map(|s| s.workout.as_ref().map(|w| w.role))
        .collect();
    let power: Vec<usize> = (0..roles.len())
        .filter(|&i| roles[i] == Role::Power)
        .collect();
    prop_assert!(power.len() <= 1, "{} power sessions\n{}", power.len(), text);
    // The power session: the qualifying heavy session with the largest smaller gap.
    let qualifying: Vec<(usize, u32)> = plan
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == Kind::Heavy && shortfall(cx, s) == 0)
        .filter(|(_, s)| {
            cx.since_hard_run(s.span.start.minutes())
                .is_none_or(|m| m >= PLYO_AFTER_HARD)
        })
        .map(|(i, s)| {
            let smaller = hard_gaps(cx, s.span.start.minutes(), s.span.minutes)
                .iter()
                .map(|(gap, _)| *gap)
                .min()
                .unwrap_or(u32::MAX);
            (i, smaller)
        })
        .collect();
    if cx.novice() || qualifying.is_empty() {
        prop_assert!(
            power.is_empty(),
            "a power session where none may be\n{}",
            text
        );
    } else if loads == Loads::Model {
        let widest = qualifying.iter().map(|(_, g)| *g).max();
        prop_assert_eq!(
            power.len(),
            1,
            "no power session among {:?}\n{}",
            qualifying,
            text
        );
        let chosen = qualifying
            .iter()
            .find(|(i, _)| *i == power[0])
            .map(|(_, g)| *g);
        prop_assert_eq!(chosen, widest, "power session {:?}\n{}", power, text);
    }
    let heavy = roles.iter().filter(|r| r.is_heavy()).count();
    if heavy >= 2 {
        prop_assert!(
            roles.contains(&Role::HeavyHinge)
                && (roles.contains(&Role::HeavySquat) || roles.contains(&Role::Power)),
            "two heavy sessions without both emphases: {:?}\n{}",
            roles,
            text
        );
    }
    if coverage {
        let exercises: Vec<&Prescribed> = plan.exercises().collect();
        for &family in Family::ALL.iter().filter(|f| **f != Family::Plyometric) {
            let trained = exercises.iter().any(|e| e.family() == family);
            let ruled_out = plan
                .coverage
                .iter()
                .any(|c| matches!(c, Coverage::Impossible { family: f, .. } if *f == family));
            prop_assert_eq!(
                ruled_out,
                !possible(family, cx.equipment()),
                "{} ruled out: {:?}\n{}",
                family,
                plan.coverage,
                text
            );
            // Two main lifts with their ramp-up sets leave a 30-minute session little
            // room: a family may go missing only when a session left its exercise out
            // to fit its minutes, and the week says so.
            let reported = plan.coverage.contains(&Coverage::Family(family));
            let left_out_for_time = trimmed_out(plan).contains(&family);
            prop_assert!(
                trained || ruled_out || (reported && left_out_for_time),
                "the week has no {} ({:?})\n{}",
                family,
                plan.coverage,
                text
            );
            prop_assert!(
                !reported || left_out_for_time,
                "{} reported missing though no session left it out\n{}",
                family,
                text
            );
        }
        for muscle in COVERAGE {
            prop_assert!(
                exercises.iter().any(|e| e.muscles().contains(&muscle)),
                "the week does not train the {}\n{}",
                muscle,
                text
            );
        }
        prop_assert!(
            plan.coverage
                .iter()
                .all(|c| matches!(c, Coverage::Impossible { .. } | Coverage::Family(_))),
            "findings {:?}\n{}",
            plan.coverage,
            text
        );
    }
    Ok(())
}

/// The families of the exercises the week's sessions left out to fit their minutes,
/// found by variant name in the built-in templates.
fn trimmed_out(plan: &Plan) -> Vec<Family> {
    let library = planner::template::Library::builtin();
    plan.sessions
        .iter()
        .filter_map(|s| s.workout.as_ref())
        .flat_map(|w| &w.notes)
        .filter_map(|n| match n {
            Note::Trimmed { left_out, .. } => Some(left_out),
            _ => None,
        })
        .flatten()
        .filter_map(|name| {
            library
                .templates()
                .iter()
                .flat_map(|t| &t.exercises)
                .find(|e| e.variants.iter().any(|v| v.name == *name))
                .map(|e| e.family)
        })
        .collect()
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

/// The schedule text of `spec` with `equipment` in `[runner]` (None: left out).
pub(crate) fn with_equipment(spec: &WeekSpec, equipment: &Option<Vec<&'static str>>) -> String {
    let text = spec.to_string();
    match equipment {
        None => text,
        Some(items) => {
            let list: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
            text.replacen(
                "[runner]\n",
                &format!("[runner]\nequipment = [{}]\n", list.join(", ")),
                1,
            )
        }
    }
}

/// `[runner] equipment`: left out (everything), body weight only, a home set with
/// dumbbells, or any subset.
pub(crate) fn equipment() -> impl Strategy<Value = Option<Vec<&'static str>>> {
    const ITEMS: &[&str] = &[
        "barbell",
        "dumbbells",
        "kettlebell",
        "bench",
        "box",
        "band",
        "cable",
    ];
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(Vec::new())),
        1 => Just(Some(vec!["dumbbells"])),
        3 => prop::sample::subsequence(ITEMS, 0..=ITEMS.len()).prop_map(Some),
    ]
}

/// Sets × reps of the loaded main lifts, session by session.
fn main_work(plan: &Plan) -> Vec<u32> {
    plan.sessions
        .iter()
        .map(|s| {
            s.workout.as_ref().map_or(0, |w| {
                w.exercises
                    .iter()
                    .filter(|e| e.main() && e.lift().is_some())
                    .map(|e| e.sets * e.reps.unwrap_or(0))
                    .sum()
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(config(1500))]

    /// Whatever the week, level, units, volume, equipment and `[lifts]`, every
    /// session of every plan keeps the rules of the exercises, the load model and the
    /// time fit, and the week covers every family and muscle group.
    #[test]
    fn every_planned_week_keeps_the_prescription_rules(
        spec in prop_oneof![lifting_week(true), lifting_week(false)],
        at_volume in prop::option::weighted(0.2, 0..=1u32),
        equipment in equipment(),
    ) {
        let spec = match at_volume {
            Some(extra) => volume_at_run_minutes(spec, extra),
            None => spec,
        };
        let text = with_equipment(&spec, &equipment);
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        if let Ok(plan) = plan_week(&schedule) {
            let cx = Context { text: &text, spec: &spec, schedule: &schedule };
            check_week(&cx, &plan, Loads::Model, true)?;
        }
    }

    /// High running volume never adds main-lift work: the same week at high volume
    /// has, session by session, no more sets × reps of the main lifts than at normal
    /// volume.
    #[test]
    fn high_volume_never_adds_main_lift_work(
        spec in lifting_week(false),
        equipment in equipment(),
    ) {
        let at = |minutes: u32| {
            let mut spec = spec.clone();
            spec.runner.high_volume_minutes = Some(minutes);
            parse(&with_equipment(&spec, &equipment))
        };
        let (Some(high), Some(normal)) = (at(0), at(WEEK)) else {
            return Ok(());
        };
        prop_assume!(normal.run_minutes() < WEEK);
        if let (Ok(high), Ok(normal)) = (plan_week(&high), plan_week(&normal)) {
            let (h, n) = (main_work(&high), main_work(&normal));
            prop_assert!(
                h.iter().zip(&n).all(|(h, n)| h <= n),
                "high volume {:?} against normal {:?}\n{}",
                h,
                n,
                with_equipment(&spec, &equipment)
            );
        }
    }
}

/// The generator reaches the cases the rules single out: novices, pounds, weeks at
/// high volume with loads, 1RMs from sets, plyometrics, light sessions, trimming,
/// body weight only, a family ruled out, pinned sessions, kettlebell loads.
#[test]
fn generated_lifting_weeks_cover_the_prescription_corners() {
    let mut runner = TestRunner::deterministic();
    let strategy = (lifting_week(false), equipment());
    let n = 300;
    let mut seen = [0usize; 11];
    for _ in 0..n {
        let (spec, equipment) = strategy
            .new_tree(&mut runner)
            .expect("a generated week")
            .current();
        let text = with_equipment(&spec, &equipment);
        let Some(schedule) = parse(&text) else {
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
        let exercises: Vec<&Prescribed> = plan.exercises().collect();
        let corners = [
            cx.novice(),
            spec.runner.units == Some("lb") && exercises.iter().any(|e| e.load.is_some()),
            cx.high_volume() && exercises.iter().any(|e| e.main() && e.load.is_some()),
            spec.lifts
                .iter()
                .any(|(_, l)| matches!(l, crate::schedules::LiftSpec::Set { .. })),
            exercises.iter().any(|e| e.family() == Family::Plyometric),
            plan.sessions.iter().any(|s| s.kind == Kind::Light),
            plan.sessions.iter().any(|s| {
                s.workout
                    .as_ref()
                    .is_some_and(|w| w.notes.iter().any(|n| matches!(n, Note::Trimmed { .. })))
            }),
            schedule.runner.equipment.is_empty(),
            plan.coverage
                .iter()
                .any(|c| matches!(c, Coverage::Impossible { .. })),
            plan.sessions.iter().any(|s| s.pinned),
            exercises
                .iter()
                .any(|e| e.implement() == Some(Implement::Kettlebell) && e.load.is_some()),
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
        "body weight only",
        "a family ruled out",
        "pinned sessions",
        "kettlebell loads",
    ];
    for (name, count) in names.iter().zip(seen) {
        assert!(count * 100 / n >= 3, "only {count} of {n} weeks: {name}");
    }
}
