//! Prescribing each session: which template, which exercises and variants, how many
//! sets and reps, what load.
//!
//! The power session is the heavy session that meets the ideal distance from hard
//! runs on both sides and is a day clear of the last one, the widest such if several
//! (never for a novice). The other heavy sessions alternate squat and hinge emphasis
//! around it, so two heavy sessions always have both. Light sessions carry the
//! families the heavy ones left out. Each exercise is done in the first variant the
//! runner's equipment and level allow; loads come from one model (see `lift.rs`)
//! rounded to that equipment's steps; and each session is trimmed (optional work,
//! then accessory sets, never the main lift) until its estimate fits its minutes.
//!
//! The prescriber returns data: typed notes per session and typed coverage findings
//! per week. Only the renderers put them into words.

use std::sync::Arc;

use crate::equipment::Equipment;
use crate::lift::fraction_of_one_rep_max;
use crate::plan::{Plan, Session};
use crate::rules::{
    HIGH_VOLUME_FEWER_SETS, HIGH_VOLUME_RIR, HIGH_VOLUME_TEMPO, LIGHT_EXERCISES_MIN, MAIN_REPS_MAX,
    NOVICE_FEWER_SETS, NOVICE_MAIN_REPS, NOVICE_MAIN_RIR, NOVICE_REST_SECONDS, PLYO_AFTER_HARD_MIN,
    RAMP_UP_SETS, REPS_MIN, SETS_MIN,
};
use crate::schedule::{Kind, Level, Schedule};
use crate::template::{Dose, Exercise, Family, Library, Muscle, Role, Template, Variant};
use crate::workout::{Coverage, Note, Prescribed, Workout};

/// Fills in every session's workout, and adds the week's coverage findings (a
/// family or muscle group the week misses, a family the equipment rules out).
pub fn prescribe(schedule: &Schedule, plan: &mut Plan, library: &Library) {
    prescribe_sessions(schedule, plan, library);
    check_coverage(schedule, plan, library);
}

/// Fills in every session's workout, without the week-level checks: for a race week,
/// which trains less on purpose. A plan marked `deload` gets deload sets and loads.
pub fn prescribe_sessions(schedule: &Schedule, plan: &mut Plan, library: &Library) {
    let novice = schedule.runner.level == Level::Novice;
    let roles = roles(&plan.sessions, library, novice);
    let deload = plan.deload;
    // Heavy sessions first: the light ones carry what these leave out.
    for (session, role) in plan.sessions.iter_mut().zip(&roles) {
        let Some(template) = library.get(*role).filter(|_| role.is_heavy()) else {
            continue;
        };
        let picks = template.exercises.iter().map(|e| (e, e.optional)).collect();
        session.workout = Some(workout(schedule, session, template, picks, deload, None));
    }
    let Some(light) = library.get(Role::Light) else {
        return;
    };
    let equipment = runner_equipment(schedule);
    let covered: Vec<Family> = plan.exercises().map(|e| e.family()).collect();
    let missing: Vec<Family> = light
        .exercises
        .iter()
        .filter(|e| e.carry && e.variant(equipment, novice).is_some())
        .map(|e| e.family)
        .filter(|f| !covered.contains(f))
        .fold(Vec::new(), |mut all, f| {
            if !all.contains(&f) {
                all.push(f);
            }
            all
        });
    let lights: Vec<usize> = (0..plan.sessions.len())
        .filter(|&i| !roles[i].is_heavy() || library.get(roles[i]).is_none())
        .collect();
    for (n, &i) in lights.iter().enumerate() {
        // The missing families shared out in turn, so no light session carries all.
        let carried: Vec<Family> = missing
            .iter()
            .enumerate()
            .filter(|(k, _)| k % lights.len() == n)
            .map(|(_, f)| *f)
            .collect();
        let picks = light_picks(light, &carried, equipment, novice);
        let session = &mut plan.sessions[i];
        session.workout = Some(workout(
            schedule,
            session,
            light,
            picks,
            deload,
            Some(carried),
        ));
    }
}

/// The runner's equipment.
fn runner_equipment(schedule: &Schedule) -> Equipment {
    schedule.runner.equipment
}

/// A light session's exercises: the carried families', then the first others (as
/// optional extras) up to [`LIGHT_EXERCISES_MIN`], with single-leg work always.
fn light_picks<'a>(
    light: &'a Template,
    carried: &[Family],
    equipment: Equipment,
    novice: bool,
) -> Vec<(&'a Arc<Exercise>, bool)> {
    let possible = |e: &&Arc<Exercise>| e.variant(equipment, novice).is_some();
    let mut picks: Vec<(&Arc<Exercise>, bool)> = light
        .exercises
        .iter()
        .filter(possible)
        .filter(|e| !e.carry || carried.contains(&e.family))
        .map(|e| (e, e.optional))
        .collect();
    let single_leg = |e: &Exercise| e.variant(equipment, novice).is_some_and(|v| v.single_leg);
    if !picks.iter().any(|(e, _)| single_leg(e)) {
        if let Some(e) = light.exercises.iter().find(|e| single_leg(e)) {
            picks.push((e, false));
        }
    }
    for e in light.exercises.iter().filter(possible) {
        if picks.len() >= LIGHT_EXERCISES_MIN {
            break;
        }
        if !picks
            .iter()
            .any(|(p, _)| std::ptr::eq(*p, e) || p.family == e.family)
        {
            picks.push((e, true));
        }
    }
    // Back in template order.
    picks.sort_by_key(|(e, _)| {
        light
            .exercises
            .iter()
            .position(|t| std::ptr::eq(t, *e))
            .unwrap_or(usize::MAX)
    });
    picks
}

/// The template role of each session, in order.
pub fn roles(sessions: &[Session], library: &Library, novice: bool) -> Vec<Role> {
    let heavy: Vec<usize> = (0..sessions.len())
        .filter(|&i| sessions[i].kind == Kind::Heavy)
        .collect();
    let power = if novice || library.get(Role::Power).is_none() {
        None
    } else {
        power_session(sessions, &heavy)
    };
    let mut roles = vec![Role::Light; sessions.len()];
    if heavy.is_empty() {
        return roles;
    }
    // Emphasis alternates from the power session (squat emphasis) or the first
    // heavy session, forward around the week.
    let start = power.unwrap_or(0);
    for k in 0..heavy.len() {
        let n = (start + k) % heavy.len();
        roles[heavy[n]] = match (Some(n) == power, k % 2) {
            (true, _) => Role::Power,
            (false, 0) => Role::HeavySquat,
            (false, _) => Role::HeavyHinge,
        };
    }
    roles
}

/// The power session, as a position in `heavy`: a heavy session with no shortfall
/// that is a day clear of the last hard run; the one with the largest smaller gap to
/// the hard runs, the earliest of equals.
fn power_session(sessions: &[Session], heavy: &[usize]) -> Option<usize> {
    let minutes = |gap: Option<crate::plan::Gap>| gap.map_or(u32::MAX, |g| g.minutes);
    heavy
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            let s = &sessions[**i];
            s.shortfall == Some(0) && minutes(s.before) >= PLYO_AFTER_HARD_MIN
        })
        .max_by_key(|(n, i)| {
            let s = &sessions[**i];
            (
                minutes(s.before).min(minutes(s.after)),
                std::cmp::Reverse(*n),
            )
        })
        .map(|(n, _)| n)
}

/// The week's coverage findings, Monday first.
fn check_coverage(schedule: &Schedule, plan: &mut Plan, library: &Library) {
    let novice = schedule.runner.level == Level::Novice;
    let equipment = runner_equipment(schedule);
    let families: Vec<Family> = plan.exercises().map(|e| e.family()).collect();
    let muscles: Vec<Muscle> = plan
        .exercises()
        .flat_map(|e| e.muscles().iter().copied())
        .collect();
    let mut findings = Vec::new();
    for &family in Family::ALL.iter().filter(|f| **f != Family::Plyometric) {
        if families.contains(&family) {
            continue;
        }
        let variants: Vec<&Variant> = library
            .templates()
            .iter()
            .flat_map(|t| &t.exercises)
            .filter(|e| e.family == family)
            .flat_map(|e| &e.variants)
            .filter(|v| v.novice || !novice)
            .collect();
        if variants.iter().any(|v| v.allowed(equipment)) {
            findings.push(Coverage::Family(family));
        } else {
            findings.push(Coverage::Impossible {
                family,
                would_need: would_need(&variants),
            });
        }
    }
    for &muscle in Muscle::ALL {
        if !muscles.contains(&muscle) {
            findings.push(Coverage::Muscle(muscle));
        }
    }
    for session in &plan.sessions {
        if session
            .workout
            .as_ref()
            .is_some_and(|w| !w.exercises.iter().any(|e| e.single_leg()))
        {
            findings.push(Coverage::NoSingleLeg {
                day: session.day,
                start: session.span.start.time(),
            });
        }
    }
    plan.coverage = findings;
}

/// The smallest sets of equipment that would allow one of `variants`: each set
/// holds no other, smallest first.
fn would_need(variants: &[&Variant]) -> Vec<Equipment> {
    let mut sets: Vec<Equipment> = Vec::new();
    for v in variants {
        if v.needs_any.is_empty() {
            sets.push(v.needs);
        } else {
            sets.extend(v.needs_any.items().map(|i| v.needs.with(i)));
        }
    }
    let mut minimal: Vec<Equipment> = sets
        .iter()
        .copied()
        .filter(|s| !sets.iter().any(|o| o != s && s.covers(*o)))
        .collect();
    minimal.sort_by_key(|s| (s.items().count(), *s));
    minimal.dedup();
    minimal
}

fn workout(
    schedule: &Schedule,
    session: &Session,
    template: &Template,
    picks: Vec<(&Arc<Exercise>, bool)>,
    deload: bool,
    carried: Option<Vec<Family>>,
) -> Workout {
    let runner = &schedule.runner;
    let novice = runner.level == Level::Novice;
    let equipment = runner_equipment(schedule);
    let run_minutes = schedule.run_minutes();
    let high_volume = run_minutes >= runner.high_volume_minutes;
    let mut chosen: Vec<(&Arc<Exercise>, &Variant, bool)> = picks
        .into_iter()
        .filter_map(|(e, optional)| e.variant(equipment, novice).map(|v| (e, v, optional)))
        .collect();
    // Single-leg work in every session: if the equipment made every variant a
    // two-legged one, the first accessory that can be done on one leg is.
    if !chosen
        .iter()
        .any(|(_, v, optional)| v.single_leg && !optional)
    {
        let swap = chosen.iter_mut().find_map(|(e, v, optional)| {
            let one_leg = e
                .variants
                .iter()
                .find(|w| w.single_leg && w.allowed(equipment) && (w.novice || !novice));
            (!e.main && e.family != Family::Plyometric)
                .then_some(one_leg)
                .flatten()
                .map(|w| {
                    *v = w;
                    *optional = false;
                })
        });
        let _ = swap;
    }
    let mut list: Vec<Prescribed> = chosen
        .into_iter()
        .map(|(e, v, optional)| prescribed(schedule, e, v, optional, high_volume))
        .collect();
    list.sort_by_key(Prescribed::place);

    let mut notes = Vec::new();
    if novice {
        notes.push(Note::Novice);
    }
    if high_volume && list.iter().any(|e| e.main() && e.loaded()) {
        notes.push(Note::HighVolume {
            run_minutes,
            from_minutes: runner.high_volume_minutes,
        });
    }
    if deload {
        notes.push(Note::Deload);
    }
    if let Some(carried) = carried.filter(|c| !c.is_empty()) {
        notes.push(Note::Carries(carried));
    }
    let minutes = session.span.minutes;
    let (left_out, fewer_sets) = fit(&mut list, template.warmup_minutes, minutes);
    if !left_out.is_empty() || !fewer_sets.is_empty() {
        notes.push(Note::Trimmed {
            minutes,
            left_out,
            fewer_sets,
        });
    }
    if deload {
        // The week as it would be, trimmed to fit, then deloaded: a deload keeps at
        // most half of what the runner usually does.
        for e in &mut list {
            e.deload(schedule.one_rep_max(e.lift()), runner.units);
        }
    }
    let estimated_minutes = estimate(template.warmup_minutes, &list);
    if estimated_minutes > minutes {
        notes.push(Note::OverTime {
            estimated: estimated_minutes,
            minutes,
        });
    }
    Workout {
        role: template.role,
        title: template.title.clone(),
        exercises: list,
        warmup_minutes: template.warmup_minutes,
        estimated_minutes,
        notes,
    }
}

/// Minutes of a session: warm-up and every exercise, rounded up.
fn estimate(warmup_minutes: u32, list: &[Prescribed]) -> u32 {
    (warmup_minutes * 60 + list.iter().map(Prescribed::seconds).sum::<u32>()).div_ceil(60)
}

/// Trims `list` until it fits `minutes`: optional exercises first (the last first),
/// then accessory sets down to [`SETS_MIN`], then to one, and only then, in a session
/// too short for any of that, accessories themselves. The main lift is never touched.
/// Returns the names left out and the names that lost sets.
fn fit(
    list: &mut Vec<Prescribed>,
    warmup_minutes: u32,
    minutes: u32,
) -> (Vec<String>, Vec<String>) {
    let over = |list: &[Prescribed]| estimate(warmup_minutes, list) > minutes;
    let mut left_out = Vec::new();
    while over(list) {
        let Some(i) = list.iter().rposition(|e| e.optional) else {
            break;
        };
        left_out.push(list.remove(i).name().to_owned());
    }
    let mut fewer_sets: Vec<String> = Vec::new();
    for floor in [SETS_MIN, 1] {
        while over(list) {
            let Some(e) = list
                .iter_mut()
                .rev()
                .find(|e| !e.main() && e.family() != Family::Plyometric && e.sets > floor)
            else {
                break;
            };
            e.sets -= 1;
            if !fewer_sets.iter().any(|n| n == e.name()) {
                fewer_sets.push(e.name().to_owned());
            }
        }
    }
    while over(list) {
        let Some(i) = list.iter().rposition(|e| !e.main()) else {
            break;
        };
        let name = list.remove(i).name().to_owned();
        fewer_sets.retain(|n| *n != name);
        left_out.push(name);
    }
    (left_out, fewer_sets)
}

fn prescribed(
    schedule: &Schedule,
    e: &Arc<Exercise>,
    v: &Variant,
    optional: bool,
    high_volume: bool,
) -> Prescribed {
    let runner = &schedule.runner;
    let novice = runner.level == Level::Novice;
    let loaded = v.lift.is_some();
    let (mut reps, seconds) = match e.dose {
        Dose::Reps(reps) => (Some(v.reps.unwrap_or(reps)), None),
        Dose::Seconds(seconds) => (None, Some(seconds)),
    };
    let mut sets = e.sets;
    let mut rir = e.rir.filter(|_| loaded);
    let mut tempo = e.tempo.clone();
    let mut rest_seconds = e.rest_seconds;
    if novice {
        sets = sets
            .saturating_sub(NOVICE_FEWER_SETS)
            .max(SETS_MIN.min(sets));
        if e.main && loaded {
            reps = Some(NOVICE_MAIN_REPS);
            rir = Some(NOVICE_MAIN_RIR);
        } else if loaded {
            // Accessories no heavier than the main lifts: at least as many reps,
            // within the loaded 8.
            reps = reps.map(|r| r.max(NOVICE_MAIN_REPS.min(crate::rules::REPS_MAX)));
            rir = Some(NOVICE_MAIN_RIR);
        }
        if v.implement.is_none() {
            rest_seconds =
                rest_seconds.clamp(*NOVICE_REST_SECONDS.start(), *NOVICE_REST_SECONDS.end());
        }
    }
    if high_volume && e.main && loaded {
        // One set fewer, never below two; reps at the light end, but never so many
        // that sets × reps rise above the normal week's.
        let normal = sets * reps.unwrap_or(0);
        let fewer = sets
            .saturating_sub(HIGH_VOLUME_FEWER_SETS)
            .max(SETS_MIN)
            .min(sets);
        let light_end = if novice {
            NOVICE_MAIN_REPS
        } else {
            MAIN_REPS_MAX
        };
        reps = Some(
            light_end
                .min(normal / fewer.max(1))
                .max(REPS_MIN.min(reps.unwrap_or(REPS_MIN))),
        );
        sets = fewer;
        rir = Some(HIGH_VOLUME_RIR.max(rir.unwrap_or(0)));
        tempo = Some(HIGH_VOLUME_TEMPO.to_owned());
    }
    let mut prescribed = Prescribed {
        of: Arc::clone(e),
        // `v` is one of `e`'s variants: the prescriber picked it from them.
        variant: e
            .variants
            .iter()
            .position(|w| std::ptr::eq(w, v))
            .unwrap_or_default(),
        sets,
        reps,
        seconds,
        percent_1rm: None,
        load: None,
        rir,
        rest_seconds,
        tempo,
        equipment: v.uses(runner_equipment(schedule)),
        ramp_up_sets: if e.main && loaded { RAMP_UP_SETS } else { 0 },
        optional,
    };
    if let (true, Some(reps), Some(rir)) = (loaded, reps, rir) {
        let one_rep_max = schedule.one_rep_max(v.lift);
        prescribed.load_at(
            fraction_of_one_rep_max(reps, rir),
            one_rep_max,
            runner.units,
        );
    }
    prescribed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;
    use crate::lift::{Implement, Units};
    use crate::rules::{RAMP_UP_REST_SECONDS, SECONDS_PER_REP, SETUP_SECONDS};
    use crate::schedule::Overrides;

    fn planned(text: &str) -> (Schedule, Plan) {
        let schedule = Schedule::parse(text, Overrides::default()).expect("valid schedule");
        let plan = crate::plan_week(&schedule).expect("a plan");
        (schedule, plan)
    }

    fn workout(plan: &Plan, day: Day) -> &Workout {
        plan.sessions
            .iter()
            .find(|s| s.day == day)
            .and_then(|s| s.workout.as_ref())
            .expect("a session with a workout on that day")
    }

    fn find<'a>(plan: &'a Plan, name: &str) -> &'a Prescribed {
        plan.exercises()
            .find(|e| e.name() == name)
            .unwrap_or_else(|| panic!("no {name} this week"))
    }

    const TWO_HARD: &str = "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\nsat = { run = \"long\", at = \"08:00\" }\n";

    #[test]
    fn loads_come_from_the_one_rep_max_and_the_model() {
        let (_, plan) = planned(&format!(
            "[lifts]\nback_squat = 100\nromanian_deadlift = {{ weight = 90, reps = 5 }}\n{TWO_HARD}"
        ));
        let squat = find(&plan, "Barbell back squat");
        let (reps, rir) = (squat.reps.expect("reps"), squat.rir.expect("rir"));
        let fraction = 1.0 / (1.0 + f64::from(reps + rir) / 30.0);
        assert_eq!(squat.percent_1rm, Some((fraction * 1000.0).round() / 10.0));
        assert_eq!(
            squat.load,
            Some(Implement::Barbell.load(100.0 * fraction, Units::Kg))
        );
        // 90 × (1 + 5/30) = 105; 5 reps with 2 in reserve is 30/37 of it = 85.1 → 85.
        let rdl = find(&plan, "Barbell Romanian deadlift");
        assert_eq!((rdl.percent_1rm, rdl.load), (Some(81.1), Some(85.0)));
        // No 1RM given: the percentage without a load.
        let other = plan
            .exercises()
            .find(|e| e.percent_1rm.is_some() && e.name() != squat.name() && e.name() != rdl.name())
            .expect("a loaded exercise without a 1RM");
        assert!(other.load.is_none(), "{}", other.name());
    }

    #[test]
    fn a_1rm_lighter_than_the_smallest_step_prints_no_load() {
        let (_, plan) = planned(&format!(
            "[runner]\nunits = \"lb\"\n[lifts]\nback_squat = 2.4\n{TWO_HARD}"
        ));
        let squat = find(&plan, "Barbell back squat");
        assert!(squat.percent_1rm.is_some());
        assert_eq!(squat.load, None, "never 0 lb, never more than the 1RM");
    }

    #[test]
    fn dumbbell_pairs_print_per_hand_in_two_kilo_steps() {
        let (_, plan) = planned(&format!(
            "[runner]\nequipment = [\"dumbbells\", \"bench\"]\n[lifts]\ndumbbell_romanian_deadlift = 60\n{TWO_HARD}"
        ));
        let rdl = find(&plan, "Dumbbell Romanian deadlift");
        // 60 × 30/37 = 48.6 in all, 24.3 a hand: 24.
        assert_eq!(
            (rdl.load, rdl.implement()),
            (Some(24.0), Some(Implement::Dumbbells))
        );
        assert_eq!(rdl.equipment.names(), ["dumbbells"]);
    }

    #[test]
    fn the_first_variant_the_equipment_allows_is_prescribed() {
        let names = |equipment: &str| -> Vec<String> {
            let (_, plan) = planned(&format!("[runner]\nequipment = {equipment}\n{TWO_HARD}"));
            plan.exercises().map(|e| e.name().to_owned()).collect()
        };
        let gym = names("[\"barbell\", \"dumbbells\", \"bench\", \"box\", \"band\"]");
        assert!(gym.iter().any(|n| n == "Barbell back squat"), "{gym:?}");
        let home = names("[\"dumbbells\"]");
        assert!(home.iter().any(|n| n == "Goblet squat"), "{home:?}");
        assert!(home.iter().all(|n| !n.starts_with("Barbell")), "{home:?}");
        let none = names("[]");
        assert!(none.iter().any(|n| n == "Skater squat"), "{none:?}");
        assert!(
            none.iter()
                .all(|n| !n.contains("Pallof") && !n.contains("Step-up"))
        );
    }

    #[test]
    fn families_the_equipment_rules_out_are_named_with_what_brings_them_back() {
        let (_, plan) = planned(&format!(
            "[runner]\nequipment = [\"dumbbells\"]\n{TWO_HARD}"
        ));
        let impossible: Vec<Family> = plan
            .coverage
            .iter()
            .filter_map(|c| match c {
                Coverage::Impossible { family, would_need } => {
                    assert!(!would_need.is_empty());
                    Some(*family)
                }
                _ => None,
            })
            .collect();
        assert_eq!(impossible, [Family::StepUp, Family::PallofPress]);
        assert!(
            plan.coverage
                .iter()
                .all(|c| matches!(c, Coverage::Impossible { .. })),
            "{:?}",
            plan.coverage
        );
    }

    #[test]
    fn plyometrics_only_in_one_session_that_meets_the_ideal() {
        let (_, plan) = planned(TWO_HARD);
        let with_jumps: Vec<&Session> = plan
            .sessions
            .iter()
            .filter(|s| {
                s.workout
                    .as_ref()
                    .is_some_and(|w| w.exercises.iter().any(|e| e.family() == Family::Plyometric))
            })
            .collect();
        assert!(with_jumps.len() <= 1);
        for s in with_jumps {
            assert_eq!(s.shortfall, Some(0));
            assert!(s.before.expect("a hard run before").minutes >= PLYO_AFTER_HARD_MIN);
        }
    }

    #[test]
    fn no_plyometrics_when_every_session_is_within_24_h_after_a_hard_run() {
        let (_, plan) = planned(
            "[runner]\nsessions = 2\nrun_time = \"20:00\"\n[week]\nmon = \"tempo\"\ntue = \"intervals\"\nthu = \"hills\"\nfri = \"tempo\"\nsat = \"long\"\n",
        );
        for s in &plan.sessions {
            let w = s.workout.as_ref().expect("a workout");
            assert!(w.exercises.iter().all(|e| e.family() != Family::Plyometric));
        }
    }

    #[test]
    fn novices_never_get_the_power_session() {
        let (_, plan) = planned("[runner]\nlevel = \"novice\"\n[week]\n");
        assert!(plan.exercises().all(|e| e.family() != Family::Plyometric));
        assert!(
            plan.exercises()
                .all(|e| !e.equipment.has(crate::equipment::Item::Barbell))
        );
    }

    #[test]
    fn light_sessions_carry_no_loaded_lift_and_carry_what_heavy_ones_miss() {
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
                .all(|e| !e.main() && e.lift().is_none() && e.load.is_none())
        );
        assert!(plan.coverage.is_empty(), "{:?}", plan.coverage);
    }

    #[test]
    fn two_heavy_sessions_have_squat_and_hinge_emphasis() {
        let (_, plan) = planned(&format!("[runner]\nsessions = 2\n{TWO_HARD}"));
        let roles: Vec<Role> = plan
            .sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .map(|w| w.role)
            .collect();
        if roles.iter().filter(|r| r.is_heavy()).count() == 2 {
            assert!(roles.contains(&Role::HeavyHinge), "{roles:?}");
            assert!(
                roles.contains(&Role::HeavySquat) || roles.contains(&Role::Power),
                "{roles:?}"
            );
        }
    }

    #[test]
    fn a_short_pinned_session_is_trimmed_accessories_first() {
        let (_, plan) =
            planned("[week]\nwed = { strength = \"heavy\", at = \"18:00\", minutes = 26 }\n");
        let w = workout(&plan, Day::Wed);
        let main = w.exercises.iter().find(|e| e.main()).expect("main lift");
        let template = Library::builtin().get(w.role).expect("template");
        let original = template
            .exercises
            .iter()
            .find(|e| e.main)
            .expect("main lift");
        assert_eq!(main.sets, original.sets, "the main lift keeps its sets");
        assert!(
            w.notes
                .iter()
                .any(|n| matches!(n, Note::Trimmed { minutes: 26, .. })),
            "{:?}",
            w.notes
        );
    }

    #[test]
    fn high_volume_lightens_main_lifts_without_adding_work() {
        let text = |volume: u32| format!("[runner]\nhigh_volume_minutes = {volume}\n{TWO_HARD}");
        let main_work = |plan: &Plan| -> u32 {
            plan.exercises()
                .filter(|e| e.main() && e.loaded())
                .map(|e| e.sets * e.reps.unwrap_or(0))
                .sum()
        };
        let (_, high) = planned(&text(60));
        let (_, normal) = planned(&text(10080));
        assert!(main_work(&high) <= main_work(&normal));
        for e in high.exercises().filter(|e| e.main() && e.loaded()) {
            assert_eq!(e.tempo.as_deref(), Some(HIGH_VOLUME_TEMPO));
            assert_eq!(e.rir, Some(HIGH_VOLUME_RIR));
        }
        assert!(high.sessions.iter().any(|s| {
            s.workout
                .as_ref()
                .is_some_and(|w| w.notes.iter().any(|n| matches!(n, Note::HighVolume { .. })))
        }));
    }

    #[test]
    fn novices_get_lighter_main_lifts_and_no_reserve_on_body_weight() {
        let (_, plan) = planned(&format!("[runner]\nlevel = \"novice\"\n{TWO_HARD}"));
        for e in plan.exercises() {
            if e.main() && e.loaded() {
                assert_eq!(
                    (e.reps, e.rir),
                    (Some(NOVICE_MAIN_REPS), Some(NOVICE_MAIN_RIR))
                );
                assert_eq!(e.percent_1rm, Some(75.0));
            }
            if !e.loaded() {
                assert_eq!(e.rir, None, "{}", e.name());
                assert!(NOVICE_REST_SECONDS.contains(&e.rest_seconds) || e.implement().is_some());
            }
        }
    }

    #[test]
    fn the_estimate_counts_set_up_and_ramp_up_sets() {
        let (_, plan) = planned("[lifts]\nback_squat = 100\n[week]\n");
        let squat = find(&plan, "Barbell back squat");
        assert_eq!(squat.ramp_up_sets, RAMP_UP_SETS);
        let work = squat.reps.expect("reps") * SECONDS_PER_REP;
        assert_eq!(
            squat.seconds(),
            SETUP_SECONDS
                + RAMP_UP_SETS * (work + RAMP_UP_REST_SECONDS)
                + squat.sets * (work + squat.rest_seconds)
        );
    }
}
