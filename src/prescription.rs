//! Prescribing each session: which template, which exercises, how many sets and reps,
//! what load.
//!
//! Heavy sessions alternate squat and hinge emphasis around the week; the one heavy
//! session furthest from the last hard run, if that is at least 24 hours, becomes the
//! power session with a small plyometric block; light sessions get the light
//! template. Loads come from one model (see `lift.rs`), and each session is trimmed,
//! accessories first and never the main lift, until its estimate fits its minutes.

use crate::lift::{fraction_of_one_rep_max, round_load};
use crate::plan::{Plan, Session};
use crate::rules::{
    HIGH_VOLUME_RIR, HIGH_VOLUME_TEMPO, MAIN_REPS_MAX, NOVICE_FEWER_SETS, PLYO_AFTER_HARD_MIN,
    SECONDS_PER_REP, SECONDS_PER_SLOW_REP, SETS_MIN,
};
use crate::schedule::{Kind, Level, Schedule};
use crate::template::{Dose, Exercise, Family, Library, Muscle, Role};

/// A session's exercises and what the runner should know about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Workout {
    /// The template it comes from.
    pub role: Role,
    /// The template's title.
    pub title: String,
    /// The exercises, in order.
    pub exercises: Vec<Prescribed>,
    /// Warm-up minutes included in the estimate.
    pub warmup_minutes: u32,
    /// Estimated length: warm-up plus sets × (work + rest), rounded up to a minute.
    pub estimated_minutes: u32,
    /// Adjustments made (lighter loads for high volume, trimming to fit).
    pub notes: Vec<String>,
}

/// One exercise as prescribed for this runner and this session.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescribed {
    /// Name (a novice's variant where there is one).
    pub name: String,
    /// Family.
    pub family: Family,
    /// Muscles trained.
    pub muscles: Vec<Muscle>,
    /// A main lift.
    pub main: bool,
    /// Sets are per leg.
    pub single_leg: bool,
    /// Sets are per side.
    pub per_side: bool,
    /// Sets.
    pub sets: u32,
    /// Reps per set, or `None` for a hold.
    pub reps: Option<u32>,
    /// Seconds per set for a hold, or `None`.
    pub seconds: Option<u32>,
    /// Percentage of 1RM, to one decimal, for work loaded from 1RM.
    pub percent_1rm: Option<f64>,
    /// The load in the schedule's units, when `[lifts]` gives the 1RM.
    pub load: Option<f64>,
    /// Reps in reserve.
    pub rir: Option<u32>,
    /// Rest after each set.
    pub rest_seconds: u32,
    /// Tempo, where it matters.
    pub tempo: Option<String>,
    /// A one-line coaching cue.
    pub cue: String,
    /// The `[lifts]` key the load comes from.
    pub lift: Option<&'static str>,
    /// Optional in the template (dropped first when time is short).
    optional: bool,
}

impl Prescribed {
    /// Seconds this exercise takes: sets × (work + rest), both legs or sides counted.
    pub fn seconds(&self) -> u32 {
        let per_rep = if self.tempo.is_some() {
            SECONDS_PER_SLOW_REP
        } else {
            SECONDS_PER_REP
        };
        let work = match (self.reps, self.seconds) {
            (Some(reps), _) => reps * per_rep,
            (None, Some(seconds)) => seconds,
            (None, None) => 0,
        };
        let sides = if self.single_leg || self.per_side {
            2
        } else {
            1
        };
        self.sets * (work * sides + self.rest_seconds)
    }
}

/// Fills in every session's workout, and adds week-level warnings (a muscle group
/// the week misses) to the plan.
pub fn prescribe(schedule: &Schedule, plan: &mut Plan, library: &Library) {
    prescribe_sessions(schedule, plan, library);
    check_coverage(plan);
}

/// Fills in every session's workout, without the week-level checks: for a race week,
/// which trains less on purpose.
pub fn prescribe_sessions(schedule: &Schedule, plan: &mut Plan, library: &Library) {
    let roles = roles(&plan.sessions, library);
    for (session, role) in plan.sessions.iter_mut().zip(roles) {
        let Some(template) = library.get(role) else {
            continue;
        };
        session.workout = Some(workout(
            schedule,
            session,
            role,
            &template.title,
            template.warmup_minutes,
            &template.exercises,
        ));
    }
}

/// Warns when the week's sessions miss a muscle group or a session lacks single-leg work.
fn check_coverage(plan: &mut Plan) {
    let trained: Vec<Muscle> = plan
        .exercises()
        .flat_map(|e| e.muscles.iter().copied())
        .collect();
    for muscle in Muscle::ALL {
        if !trained.contains(muscle) {
            plan.warnings
                .push(format!("this week's sessions do not train the {muscle}"));
        }
    }
    for session in &plan.sessions {
        if session
            .workout
            .as_ref()
            .is_some_and(|w| !w.exercises.iter().any(|e| e.single_leg))
        {
            plan.warnings.push(format!(
                "the {} {} session has no single-leg exercise",
                session.day,
                session.span.start.time()
            ));
        }
    }
}

/// The template role of each session, in order.
pub fn roles(sessions: &[Session], library: &Library) -> Vec<Role> {
    let heavy: Vec<usize> = (0..sessions.len())
        .filter(|&i| sessions[i].kind == Kind::Heavy)
        .collect();
    // Plyometrics only when fatigue is low: the heavy session with the most time since
    // the last hard run, if that is 24 h or more (or there are no hard runs).
    let since = |i: usize| sessions[i].before.map_or(u32::MAX, |g| g.minutes);
    let power = library.get(Role::Power).and(
        heavy
            .iter()
            .enumerate()
            .filter(|&(_, &i)| since(i) >= PLYO_AFTER_HARD_MIN)
            .max_by_key(|&(n, &i)| (since(i), std::cmp::Reverse(n)))
            .map(|(n, _)| n),
    );
    let anchor = power.unwrap_or(0);
    let mut roles = vec![Role::Light; sessions.len()];
    for (n, &i) in heavy.iter().enumerate() {
        // Emphasis alternates away from the anchor (the power session, which is
        // squat-emphasis, or the first heavy session) in both directions around the
        // week, so the anchor's neighbours are always hinge days.
        let forward = (n + heavy.len() - anchor) % heavy.len();
        let distance = forward.min(heavy.len() - forward);
        // A session alone in its week gets the hinge template, which (unlike the
        // squat one) trains every muscle group on its own.
        let alone = sessions.len() == 1;
        roles[i] = match (Some(n) == power, distance % 2 == 0 && !alone) {
            (true, _) => Role::Power,
            (false, true) => Role::HeavySquat,
            (false, false) => Role::HeavyHinge,
        };
    }
    roles
}

fn workout(
    schedule: &Schedule,
    session: &Session,
    role: Role,
    title: &str,
    warmup_minutes: u32,
    exercises: &[Exercise],
) -> Workout {
    let runner = &schedule.runner;
    let novice = runner.level == Level::Novice;
    let run_minutes = schedule.run_minutes();
    let high_volume = run_minutes >= runner.high_volume_minutes;
    let mut notes = Vec::new();
    if novice {
        notes.push("novice: bodyweight and goblet variants, one set fewer".to_owned());
    }
    if high_volume && exercises.iter().any(|e| e.main && e.loaded()) {
        notes.push(format!(
            "high running volume ({run_minutes} min, from {} min): main lifts at the light end, {MAIN_REPS_MAX} reps with {HIGH_VOLUME_RIR} in reserve, {HIGH_VOLUME_TEMPO} tempo",
            runner.high_volume_minutes
        ));
    }
    let mut list: Vec<Prescribed> = exercises
        .iter()
        .map(|e| {
            let mut e = if novice { e.for_novice() } else { e.clone() };
            if novice {
                e.sets = e
                    .sets
                    .saturating_sub(NOVICE_FEWER_SETS)
                    .max(SETS_MIN.min(e.sets));
            }
            if high_volume && e.main && e.loaded() {
                e.dose = Dose::Reps(MAIN_REPS_MAX);
                e.rir = Some(HIGH_VOLUME_RIR);
                e.tempo = Some(HIGH_VOLUME_TEMPO.to_owned());
            }
            prescribed(&e, schedule)
        })
        .collect();

    let budget = session.span.minutes * 60;
    let total = |list: &[Prescribed]| {
        warmup_minutes * 60 + list.iter().map(Prescribed::seconds).sum::<u32>()
    };
    let mut dropped = Vec::new();
    while total(&list) > budget {
        let Some(i) = list.iter().rposition(|e| e.optional) else {
            break;
        };
        dropped.push(list.remove(i).name);
    }
    let mut shortened = Vec::new();
    while total(&list) > budget {
        // Accessories lose sets from the last one up; the main lift and the jumps never.
        let Some(e) = list
            .iter_mut()
            .rev()
            .find(|e| !e.main && e.family != Family::Plyometric && e.sets > SETS_MIN)
        else {
            break;
        };
        e.sets -= 1;
        if !shortened.contains(&e.name) {
            shortened.push(e.name.clone());
        }
    }
    if !dropped.is_empty() || !shortened.is_empty() {
        let mut parts = Vec::new();
        if !dropped.is_empty() {
            parts.push(format!("left out {}", dropped.join(", ")));
        }
        if !shortened.is_empty() {
            parts.push(format!("fewer sets of {}", shortened.join(", ")));
        }
        notes.push(format!(
            "to fit {} min: {}",
            session.span.minutes,
            parts.join("; ")
        ));
    }
    let estimated_minutes = total(&list).div_ceil(60);
    if estimated_minutes > session.span.minutes {
        notes.push(format!(
            "estimated {estimated_minutes} min, more than the session's {} min",
            session.span.minutes
        ));
    }
    Workout {
        role,
        title: title.to_owned(),
        exercises: list,
        warmup_minutes,
        estimated_minutes,
        notes,
    }
}

fn prescribed(e: &Exercise, schedule: &Schedule) -> Prescribed {
    let (reps, seconds) = match e.dose {
        Dose::Reps(reps) => (Some(reps), None),
        Dose::Seconds(seconds) => (None, Some(seconds)),
    };
    let fraction = match (e.lift, reps, e.rir) {
        (Some(_), Some(reps), Some(rir)) => Some(fraction_of_one_rep_max(reps, rir)),
        _ => None,
    };
    let one_rep_max = e
        .lift
        .and_then(|key| schedule.lifts.iter().find(|l| l.key == key))
        .map(|l| l.one_rep_max);
    Prescribed {
        name: e.name.clone(),
        family: e.family,
        muscles: e.muscles.clone(),
        main: e.main,
        single_leg: e.single_leg,
        per_side: e.per_side,
        sets: e.sets,
        reps,
        seconds,
        percent_1rm: fraction.map(|f| (f * 1000.0).round() / 10.0),
        load: fraction
            .zip(one_rep_max)
            .map(|(f, max)| round_load(f * max, schedule.runner.units)),
        rir: if e.loaded() || e.rir.is_some() {
            e.rir
        } else {
            None
        },
        rest_seconds: e.rest_seconds,
        tempo: e.tempo.clone(),
        cue: e.cue.clone(),
        lift: e.lift,
        optional: e.optional,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Overrides;

    fn planned(text: &str) -> (Schedule, Plan) {
        let schedule = Schedule::parse(text, Overrides::default()).expect("valid schedule");
        let plan = crate::plan_week(&schedule).expect("a plan");
        (schedule, plan)
    }

    fn workout(plan: &Plan, day: crate::day::Day) -> &Workout {
        plan.sessions
            .iter()
            .find(|s| s.day == day)
            .and_then(|s| s.workout.as_ref())
            .expect("a session with a workout on that day")
    }

    use crate::day::Day;

    const TWO_HARD: &str = "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\nsat = { run = \"long\", at = \"08:00\" }\n";

    #[test]
    fn loads_come_from_the_one_rep_max_and_the_model() {
        let (_, plan) = planned(&format!(
            "[lifts]\nback_squat = 100\nromanian_deadlift = {{ weight = 90, reps = 5 }}\n{TWO_HARD}"
        ));
        let all: Vec<&Prescribed> = plan.exercises().collect();
        let squat = all
            .iter()
            .find(|e| e.name == "Back squat")
            .expect("a squat this week");
        let (reps, rir) = (squat.reps.expect("reps"), squat.rir.expect("rir"));
        let fraction = 1.0 / (1.0 + f64::from(reps + rir) / 30.0);
        assert_eq!(squat.percent_1rm, Some((fraction * 1000.0).round() / 10.0));
        assert_eq!(
            squat.load,
            Some(round_load(100.0 * fraction, crate::lift::Units::Kg))
        );
        let rdl = all
            .iter()
            .find(|e| e.name == "Romanian deadlift")
            .expect("a deadlift this week");
        // 90 × (1 + 5/30) = 105; 4 × 5 with 2 in reserve is 30/37 of it = 85.1 → 85.
        assert_eq!((rdl.percent_1rm, rdl.load), (Some(81.1), Some(85.0)));
        // No 1RM given: the percentage without a load.
        let calf = all
            .iter()
            .find(|e| e.lift == Some("calf_raise") || e.lift == Some("seated_calf_raise"));
        assert!(calf.is_some_and(|c| c.percent_1rm.is_some() && c.load.is_none()));
    }

    #[test]
    fn pounds_round_to_five() {
        let (_, plan) = planned(&format!(
            "[runner]\nunits = \"lb\"\n[lifts]\nback_squat = 225\n{TWO_HARD}"
        ));
        let squat = plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
            .find(|e| e.name == "Back squat")
            .expect("a squat");
        let load = squat.load.expect("a load");
        assert_eq!(load % 5.0, 0.0, "{load}");
    }

    #[test]
    fn plyometrics_only_in_one_session_at_least_24_h_after_a_hard_run() {
        let (_, plan) = planned(TWO_HARD);
        let with_jumps: Vec<&Session> = plan
            .sessions
            .iter()
            .filter(|s| {
                s.workout
                    .as_ref()
                    .is_some_and(|w| w.exercises.iter().any(|e| e.family == Family::Plyometric))
            })
            .collect();
        assert_eq!(with_jumps.len(), 1);
        assert!(with_jumps[0].before.expect("a hard run before").minutes >= PLYO_AFTER_HARD_MIN);
        assert_eq!(with_jumps[0].kind, Kind::Heavy);
    }

    #[test]
    fn no_plyometrics_when_every_session_is_within_24_h_after_a_hard_run() {
        // Hard runs every evening but Wednesday's and Sunday's: no session is 24 h clear.
        let (_, plan) = planned(
            "[runner]\nsessions = 2\nrun_time = \"20:00\"\n[week]\nmon = \"tempo\"\ntue = \"intervals\"\nthu = \"hills\"\nfri = \"tempo\"\nsat = \"long\"\n",
        );
        for s in &plan.sessions {
            assert!(s.before.expect("hard runs").minutes < PLYO_AFTER_HARD_MIN);
            let w = s.workout.as_ref().expect("a workout");
            assert!(
                w.exercises.iter().all(|e| e.family != Family::Plyometric),
                "{}",
                w.title
            );
        }
    }

    #[test]
    fn light_sessions_carry_no_loaded_main_lift() {
        // A Sunday session 2 h before Monday's 00:30 intervals can only be light.
        let (_, plan) = planned(
            "[runner]\nsessions = 2\nlift_window = [\"19:00\", \"22:30\"]\n[lifts]\nback_squat = 100\n[week]\n\
             mon = { run = \"intervals\", at = \"00:30\" }\ntue = \"tempo\"\nthu = \"tempo\"\nfri = \"hills\"\nsat = \"long\"\n",
        );
        let light = workout(&plan, Day::Sun);
        assert_eq!(light.role, Role::Light);
        assert!(
            light
                .exercises
                .iter()
                .all(|e| !e.main && e.lift.is_none() && e.load.is_none())
        );
    }

    #[test]
    fn heavy_sessions_alternate_emphasis_around_the_power_session() {
        let (_, plan) = planned("[runner]\nheavy_max = 3\n[week]\n");
        let roles: Vec<Role> = plan
            .sessions
            .iter()
            .map(|s| s.workout.as_ref().expect("workout").role)
            .collect();
        let power = roles
            .iter()
            .position(|r| *r == Role::Power)
            .expect("a power session without hard runs");
        let n = roles.len();
        assert_eq!(roles[(power + 1) % n], Role::HeavyHinge);
        assert_eq!(roles[(power + n - 1) % n], Role::HeavyHinge);
    }

    #[test]
    fn every_session_fits_its_minutes_and_keeps_its_main_lift() {
        for minutes in [30, 35, 40, 45] {
            for level in ["novice", "intermediate", "advanced"] {
                for volume in [0, 10080] {
                    let (_, plan) = planned(&format!(
                        "[runner]\nsession_minutes = {minutes}\nlevel = \"{level}\"\nhigh_volume_minutes = {volume}\n{TWO_HARD}"
                    ));
                    for s in &plan.sessions {
                        let w = s.workout.as_ref().expect("workout");
                        assert!(
                            w.estimated_minutes <= minutes,
                            "{} {minutes} {level}: {}",
                            w.title,
                            w.estimated_minutes
                        );
                        let seconds = w.warmup_minutes * 60
                            + w.exercises.iter().map(Prescribed::seconds).sum::<u32>();
                        assert_eq!(w.estimated_minutes, seconds.div_ceil(60));
                        if w.role.is_heavy() {
                            assert!(
                                w.exercises.iter().any(|e| e.main),
                                "{} lost its main lift",
                                w.title
                            );
                        }
                        assert!(
                            w.exercises.iter().any(|e| e.single_leg),
                            "{} has no single-leg work",
                            w.title
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_short_pinned_session_is_trimmed_accessories_first() {
        let (_, plan) =
            planned("[week]\nwed = { strength = \"heavy\", at = \"18:00\", minutes = 26 }\n");
        let w = workout(&plan, Day::Wed);
        assert!(w.exercises.iter().any(|e| e.main));
        let main = w.exercises.iter().find(|e| e.main).expect("main lift");
        let template = Library::builtin().get(w.role).expect("template");
        let original = template
            .exercises
            .iter()
            .find(|e| e.main)
            .expect("main lift");
        assert_eq!(main.sets, original.sets, "the main lift keeps its sets");
        assert!(
            w.notes.iter().any(|n| n.starts_with("to fit 26 min:")),
            "{:?}",
            w.notes
        );
    }

    #[test]
    fn high_volume_moves_main_lifts_to_the_light_end_with_tempo() {
        let (_, plan) = planned(&format!("[runner]\nhigh_volume_minutes = 60\n{TWO_HARD}"));
        for e in plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
        {
            if e.main && e.lift.is_some() {
                assert_eq!(
                    (e.reps, e.rir, e.tempo.as_deref()),
                    (
                        Some(MAIN_REPS_MAX),
                        Some(HIGH_VOLUME_RIR),
                        Some(HIGH_VOLUME_TEMPO)
                    )
                );
                assert_eq!(e.percent_1rm, Some(78.9));
            }
        }
        assert!(plan.sessions.iter().any(|s| {
            s.workout
                .as_ref()
                .is_some_and(|w| w.notes.iter().any(|n| n.starts_with("high running volume")))
        }));
    }

    #[test]
    fn novices_get_variants_and_fewer_sets() {
        let (_, plan) = planned(&format!("[runner]\nlevel = \"novice\"\n{TWO_HARD}"));
        let names: Vec<&str> = plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
            .map(|e| e.name.as_str())
            .collect();
        assert!(!names.contains(&"Back squat"), "{names:?}");
        let intermediate = planned(TWO_HARD).1;
        let sets = |p: &Plan| -> u32 {
            p.sessions
                .iter()
                .filter_map(|s| s.workout.as_ref())
                .flat_map(|w| &w.exercises)
                .map(|e| e.sets)
                .sum()
        };
        assert!(sets(&plan) < sets(&intermediate));
    }

    #[test]
    fn every_week_trains_every_muscle_group() {
        for text in [
            "[week]\n",
            TWO_HARD,
            "[runner]\nsessions = 2\n[week]\nmon = \"tempo\"\ntue = \"intervals\"\nthu = \"hills\"\nfri = \"tempo\"\nsat = \"long\"\n",
        ] {
            let (_, plan) = planned(text);
            assert!(
                plan.warnings.iter().all(|w| !w.contains("do not train")),
                "{:?}",
                plan.warnings
            );
        }
    }
}
