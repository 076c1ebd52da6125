//! A block week's loading, applied to sessions the prescriber has already filled in.
//!
//! The prescriber writes a week as SPEC §4 gives it; a block then sets each heavy
//! session's main lifts to its phase's step (reps and reps in reserve, tempo, sets),
//! and a deload week halves the sets and lightens the loads. Both steps work on the
//! prescribed exercises and take every percentage, load and reps in reserve from the
//! one model, 1 / (1 + (r + q) / 30), so the prescriber can change without them.

use crate::lift::fraction_of_one_rep_max;
use crate::phase::{Phase, Rung, Step, capped, phase_step};
use crate::plan::Plan;
use crate::rules::{
    BASE_TEMPO, HIGH_VOLUME_TEMPO, MAINTENANCE_FEWER_SETS, NOVICE_MAIN_REPS, NOVICE_MAIN_RIR,
    SETS_MIN,
};
use crate::schedule::{Level, Schedule};
use crate::template::{Family, Library};
use crate::workout::{Note, Prescribed, Workout};

/// What a week's main lifts lift, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// The phase.
    pub phase: Phase,
    /// The step of the ladder the main lifts lift.
    pub step: Step,
    /// The step the phase asks for, before the caps.
    pub phase_step: Step,
    /// The strength phase's rung, in a strength week.
    pub rung: Option<Rung>,
    /// The novice cap lowered the step.
    pub novice_capped: bool,
    /// High running volume took the step one lighter (or would have, at the bottom).
    pub high_volume: bool,
    /// The main lifts' tempo: 3-1-1 in base and at high volume; `None` is the
    /// template's (fast on the way up in power).
    pub tempo: Option<&'static str>,
    /// Main lifts keep one set fewer than the template as written (maintenance).
    pub fewer_sets: bool,
    /// A novice: the main lifts stay at the novice dose (SPEC §4), lighter than the
    /// novice cap of every phase.
    pub novice: bool,
}

impl Loading {
    /// The loading of a week in `phase` for `schedule`'s runner; `None` in the taper,
    /// which prescribes no heavy work.
    pub fn of(phase: Phase, rung: Option<Rung>, schedule: &Schedule) -> Option<Loading> {
        let wanted = phase_step(phase, rung)?;
        let novice = schedule.runner.level == Level::Novice;
        let high_volume = schedule.run_minutes() >= schedule.runner.high_volume_minutes;
        let step = capped(wanted, novice, high_volume);
        let tempo = match phase {
            Phase::Base => Some(BASE_TEMPO),
            Phase::Power => None,
            _ if high_volume => Some(HIGH_VOLUME_TEMPO),
            _ => None,
        };
        Some(Loading {
            phase,
            step,
            phase_step: wanted,
            rung,
            novice_capped: novice && capped(wanted, true, false) < wanted,
            high_volume,
            tempo,
            fewer_sets: phase == Phase::Maintenance,
            novice,
        })
    }

    /// The main lifts' reps and reps in reserve as prescribed: the step's, or a
    /// novice's 8 @ 2 (SPEC §4: 6–8 reps with 2 in reserve), which is lighter than
    /// the novice cap (5 @ 2) of every phase and so keeps it.
    pub fn dose(&self) -> (u32, u32) {
        if self.novice {
            (NOVICE_MAIN_REPS, NOVICE_MAIN_RIR)
        } else {
            self.step.dose()
        }
    }
}

/// Whether `loading` changes `e`: a main lift with reps in reserve (a body-weight
/// glute bridge for 10 stays as it is), and never a novice's, which keeps the novice
/// dose that [`Loading::dose`] names.
fn is_loaded_main(e: &Prescribed, loading: &Loading) -> bool {
    e.main() && e.rir.is_some() && !loading.novice
}

/// Sets every heavy session's main lifts to `loading`: reps and reps in reserve of
/// its step, its tempo, one set fewer than the template in maintenance; percentages
/// and loads from the model, rounded as the prescriber rounds them. A session that
/// no longer fits its minutes loses accessory sets, as the prescriber trims.
pub fn apply(plan: &mut Plan, schedule: &Schedule, library: &Library, loading: &Loading) {
    let (reps, rir) = loading.step.dose();
    let fraction = fraction_of_one_rep_max(reps, rir);
    for session in &mut plan.sessions {
        let minutes = session.span.minutes;
        let Some(workout) = session.workout.as_mut() else {
            continue;
        };
        if !workout.role.is_heavy() {
            continue;
        }
        // Main lifts are never dropped, so the n-th main lift here is the template's n-th.
        let template_sets: Vec<u32> = library
            .get(workout.role)
            .map(|t| {
                t.exercises
                    .iter()
                    .filter(|e| e.main)
                    .map(|e| e.sets)
                    .collect()
            })
            .unwrap_or_default();
        let mut mains = 0;
        for e in &mut workout.exercises {
            if !e.main() {
                continue;
            }
            let written = template_sets.get(mains).copied();
            mains += 1;
            if !is_loaded_main(e, loading) {
                continue;
            }
            e.reps = Some(reps);
            e.rir = Some(rir);
            e.tempo = loading.tempo.map(str::to_owned);
            if let (true, Some(written)) = (loading.fewer_sets, written) {
                let fewer = written
                    .saturating_sub(MAINTENANCE_FEWER_SETS)
                    .max(SETS_MIN.min(written));
                e.sets = e.sets.min(fewer);
            }
            if e.loaded() {
                e.load_at(
                    fraction,
                    schedule.one_rep_max(e.lift()),
                    schedule.runner.units,
                );
            }
        }
        // The prescriber's high-volume note names its own dose; the phase's replaces it.
        workout
            .notes
            .retain(|n| !matches!(n, Note::HighVolume { .. }));
        workout.notes.insert(0, note(loading));
        fit(workout, minutes);
    }
}

/// The note a heavy session carries about its phase's loading.
fn note(loading: &Loading) -> Note {
    let (reps, rir) = loading.dose();
    let before = crate::phase::capped(loading.phase_step, loading.novice_capped, false);
    Note::Phase {
        phase: loading.phase,
        reps,
        rir,
        wave: loading
            .rung
            .filter(|_| loading.phase == Phase::Strength)
            .map(|r| r.wave),
        fewer_sets: loading.fewer_sets,
        novice_cap: loading
            .novice_capped
            .then(|| crate::phase::capped(loading.phase_step, true, false).dose()),
        high_volume: loading.high_volume.then_some(loading.step < before),
        slow_tempo: loading.high_volume
            && loading.tempo == Some(HIGH_VOLUME_TEMPO)
            && loading.phase != Phase::Base,
    }
}

/// Trims accessory sets, the last exercise first, until `workout` fits `minutes`.
fn fit(workout: &mut Workout, minutes: u32) {
    let total = |w: &Workout| {
        w.warmup_minutes * 60 + w.exercises.iter().map(Prescribed::seconds).sum::<u32>()
    };
    let mut shortened: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    while total(workout) > minutes * 60 {
        // Accessory sets first, then an optional exercise, never a main lift.
        if let Some(e) = workout
            .exercises
            .iter_mut()
            .rev()
            .find(|e| !e.main() && e.family() != Family::Plyometric && e.sets > SETS_MIN)
        {
            e.sets -= 1;
            if !shortened.iter().any(|n| n == e.name()) {
                shortened.push(e.name().to_owned());
            }
        } else if let Some(i) = workout
            .exercises
            .iter()
            .rposition(|e| !e.main() && e.optional())
        {
            let gone = workout.exercises.remove(i);
            shortened.retain(|n| n != gone.name());
            left_out.push(gone.name().to_owned());
        } else if let Some(e) = workout
            .exercises
            .iter_mut()
            .rev()
            .find(|e| e.main() && e.sets > SETS_MIN)
        {
            // The phase's slower or longer sets need the time: the main lift stays,
            // with fewer sets, as a trimmed template's accessories do.
            e.sets -= 1;
            if !shortened.iter().any(|n| n == e.name()) {
                shortened.push(e.name().to_owned());
            }
        } else {
            break;
        }
    }
    if !shortened.is_empty() || !left_out.is_empty() {
        workout.notes.push(Note::Trimmed {
            minutes,
            left_out,
            fewer_sets: shortened,
        });
    }
    workout.estimated_minutes = total(workout).div_ceil(60);
}

/// Turns the week into a deload week, as the prescriber deloads a cutback week
/// ([`Prescribed::deload`]): at most half the sets, at most 90 % of the load.
pub fn deload(plan: &mut Plan, schedule: &Schedule) {
    plan.deload = true;
    for workout in plan.sessions.iter_mut().filter_map(|s| s.workout.as_mut()) {
        for e in &mut workout.exercises {
            e.deload(schedule.one_rep_max(e.lift()), schedule.runner.units);
        }
        let seconds: u32 = workout.exercises.iter().map(Prescribed::seconds).sum();
        workout.estimated_minutes = (workout.warmup_minutes * 60 + seconds).div_ceil(60);
        workout.notes.push(Note::Deload);
    }
}
