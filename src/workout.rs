//! What a prescribed session holds: its exercises with their doses and loads, the
//! notes on what was adjusted, and the week's coverage findings. Data only: the
//! prescriber (`prescription.rs`) fills it in, the plan carries it and the renderers
//! word it.

use std::sync::Arc;

use crate::clock::TimeOfDay;
use crate::day::Day;
use crate::equipment::Equipment;
use crate::lift::{Implement, Units, fraction_of_one_rep_max, reserve_at};
use crate::rules::{
    DELOAD_LOAD_SHARE, DELOAD_SETS_SHARE, RAMP_UP_REST_SECONDS, SECONDS_PER_REP,
    SECONDS_PER_SLOW_REP, SETUP_SECONDS,
};
use crate::template::{Exercise, Family, Muscle, Role, Variant};

/// A session's exercises and what the runner should know about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Workout {
    /// The template it comes from.
    pub role: Role,
    /// The template's title.
    pub title: String,
    /// The exercises, in order: plyometrics, main lifts, loaded accessories, body
    /// weight, core.
    pub exercises: Vec<Prescribed>,
    /// Warm-up minutes included in the estimate.
    pub warmup_minutes: u32,
    /// Estimated length: warm-up plus every exercise's [`Prescribed::seconds`],
    /// rounded up to a minute.
    pub estimated_minutes: u32,
    /// What was adjusted and why, as data for the renderers to word.
    pub notes: Vec<Note>,
}

/// Something a session was adjusted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A novice: no barbell, main lifts at [`NOVICE_MAIN_REPS`](crate::rules::NOVICE_MAIN_REPS) with
    /// [`NOVICE_MAIN_RIR`](crate::rules::NOVICE_MAIN_RIR) in reserve, one set fewer, longer rests on body weight.
    Novice,
    /// High running volume: loaded main lifts at the light end, slow tempo, a set fewer.
    HighVolume {
        /// The week's run minutes.
        run_minutes: u32,
        /// The runner's `high_volume_minutes`.
        from_minutes: u32,
    },
    /// A deload week: half the sets, loads at most 90 %, reserve from the model.
    Deload,
    /// A light session carrying families the week's heavy sessions left out.
    Carries(Vec<Family>),
    /// Trimmed to fit the session's minutes.
    Trimmed {
        /// The session's minutes.
        minutes: u32,
        /// Exercises left out, by the name of their variant.
        left_out: Vec<String>,
        /// Exercises that lost sets.
        fewer_sets: Vec<String>,
    },
    /// A block week's loading of the main lifts (SPEC §7).
    Phase {
        /// The phase.
        phase: crate::phase::Phase,
        /// Main-lift reps and reps in reserve.
        reps: u32,
        /// Reps in reserve.
        rir: u32,
        /// The strength ladder's wave, in a strength week.
        wave: Option<u32>,
        /// Main lifts keep one set fewer than the template (maintenance).
        fewer_sets: bool,
        /// The novice cap, as reps and reserve, when it lowered the dose.
        novice_cap: Option<(u32, u32)>,
        /// High running volume: `Some(true)` a step lighter, `Some(false)` already
        /// the lightest step.
        high_volume: Option<bool>,
        /// The high-volume slow tempo is added (outside the base phase).
        slow_tempo: bool,
    },
    /// Even trimmed, the estimate is over the session's minutes (a short pinned one).
    OverTime {
        /// The estimate.
        estimated: u32,
        /// The session's minutes.
        minutes: u32,
    },
}

/// A week-level finding about what the sessions train.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// No session trains this muscle group.
    Muscle(Muscle),
    /// No session has an exercise of this family, though the equipment allows one.
    Family(Family),
    /// No allowed variant trains this family: it is left out of the coverage rule.
    Impossible {
        /// The family.
        family: Family,
        /// Each of these sets of equipment would bring it back, smallest first.
        would_need: Vec<Equipment>,
    },
    /// A session has no single-leg exercise.
    NoSingleLeg {
        /// Its day.
        day: Day,
        /// Its start.
        start: TimeOfDay,
    },
}

/// One exercise as prescribed for this runner and this session: the template's
/// exercise and the variant done, held rather than copied, and the dose this runner
/// and this week give it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescribed {
    /// The template's exercise, shared with the library.
    pub of: Arc<Exercise>,
    /// Which of its variants is done.
    pub variant: usize,
    /// Sets.
    pub sets: u32,
    /// Reps per set, or `None` for a hold.
    pub reps: Option<u32>,
    /// Seconds per set for a hold, or `None`.
    pub seconds: Option<u32>,
    /// Percentage of 1RM, to one decimal, for a variant loaded from 1RM.
    pub percent_1rm: Option<f64>,
    /// The load in the schedule's units, when `[lifts]` gives the 1RM: per hand when
    /// the implement is a pair of dumbbells.
    pub load: Option<f64>,
    /// Reps in reserve: the load model's, so only for a variant loaded from 1RM.
    pub rir: Option<u32>,
    /// Rest after each set.
    pub rest_seconds: u32,
    /// Tempo, where it matters.
    pub tempo: Option<String>,
    /// What the variant uses (empty: body weight).
    pub equipment: Equipment,
    /// Ramp-up sets before the work sets (loaded main lifts), counted in the time.
    pub ramp_up_sets: u32,
    /// Optional in this session (dropped first when time is short).
    pub(crate) optional: bool,
}

impl Prescribed {
    /// The variant done.
    pub fn variant(&self) -> &Variant {
        // `variant` is an index into `of.variants`, set by the prescriber.
        &self.of.variants[self.variant.min(self.of.variants.len().saturating_sub(1))]
    }

    /// The variant's name: what the runner does.
    pub fn name(&self) -> &str {
        &self.variant().name
    }

    /// The exercise it is a variant of.
    pub fn exercise(&self) -> &str {
        &self.of.name
    }

    /// Family.
    pub fn family(&self) -> Family {
        self.of.family
    }

    /// Muscles trained.
    pub fn muscles(&self) -> &[Muscle] {
        &self.of.muscles
    }

    /// A main lift.
    pub fn main(&self) -> bool {
        self.of.main
    }

    /// Sets are per leg.
    pub fn single_leg(&self) -> bool {
        self.variant().single_leg
    }

    /// Sets are per side.
    pub fn per_side(&self) -> bool {
        self.variant().per_side
    }

    /// What the exercise is for: one line.
    pub fn cue(&self) -> &str {
        &self.of.cue
    }

    /// How to do this variant: one line.
    pub fn variant_cue(&self) -> &str {
        &self.variant().cue
    }

    /// What the load is held in.
    pub fn implement(&self) -> Option<Implement> {
        self.variant().implement
    }

    /// The `[lifts]` key the load comes from.
    pub fn lift(&self) -> Option<&'static str> {
        self.variant().lift
    }

    /// Seconds of one rep.
    fn rep_seconds(&self) -> u32 {
        if self.tempo.is_some() {
            SECONDS_PER_SLOW_REP
        } else {
            SECONDS_PER_REP
        }
    }

    /// Seconds of work in one set, both legs or sides counted.
    fn work_seconds(&self) -> u32 {
        let work = match (self.reps, self.seconds) {
            (Some(reps), _) => reps * self.rep_seconds(),
            (None, Some(seconds)) => seconds,
            (None, None) => 0,
        };
        let sides = if self.single_leg() || self.per_side() {
            2
        } else {
            1
        };
        work * sides
    }

    /// Seconds this exercise takes: a minute to set up, the ramp-up sets, and sets ×
    /// (work + rest), both legs or sides counted.
    pub fn seconds(&self) -> u32 {
        let work = self.work_seconds();
        SETUP_SECONDS
            + self.ramp_up_sets * (work + RAMP_UP_REST_SECONDS)
            + self.sets * (work + self.rest_seconds)
    }

    /// Whether the template marks it optional: the first to go when time is short.
    pub fn optional(&self) -> bool {
        self.optional
    }

    /// Whether its load comes from 1RM.
    pub fn loaded(&self) -> bool {
        self.lift().is_some()
    }

    /// Sets the percentage of 1RM and the load for `fraction` of it, both from the one
    /// model: the percentage to one decimal, the load in the implement's own steps
    /// (per hand for a pair of dumbbells). A load that rounds to nothing, or past the
    /// 1RM itself (a 1RM lighter than the smallest step), is no load to lift: the
    /// percentage and reserve stand alone.
    pub(crate) fn load_at(&mut self, fraction: f64, one_rep_max: Option<f64>, units: Units) {
        self.percent_1rm = Some((fraction * 1000.0).round() / 10.0);
        self.load = match (one_rep_max, self.implement()) {
            (Some(max), Some(implement)) => Some(implement.load(fraction * max, units)),
            _ => None,
        };
        self.keep_liftable_load(one_rep_max);
    }

    /// The deload of SPEC §7: at most half the sets (rounded up); a set loaded from
    /// 1RM at most 90 % of its load, printed to one decimal rounded down, with the
    /// reserve the model gives at that load.
    pub(crate) fn deload(&mut self, one_rep_max: Option<f64>, units: Units) {
        self.sets = (f64::from(self.sets) * DELOAD_SETS_SHARE).ceil() as u32;
        let (true, Some(reps), Some(rir)) = (self.loaded(), self.reps, self.rir) else {
            return;
        };
        let model = fraction_of_one_rep_max(reps, rir) * 100.0;
        let usual = self.percent_1rm.unwrap_or(model);
        let percent = ((usual.min(model) * DELOAD_LOAD_SHARE * 10.0) + 1e-9).floor() / 10.0;
        self.percent_1rm = Some(percent);
        self.rir = Some(reserve_at(percent / 100.0, reps));
        self.load = match (self.load, one_rep_max, self.implement()) {
            (Some(usual), Some(max), Some(implement)) => {
                let cap = (usual * DELOAD_LOAD_SHARE).min(max * percent / 100.0 / hands(implement));
                Some(implement.load_under(cap, units))
            }
            _ => None,
        };
        self.keep_liftable_load(one_rep_max);
    }

    fn keep_liftable_load(&mut self, one_rep_max: Option<f64>) {
        let implement = self.implement();
        self.load = self.load.filter(|l| {
            *l > 0.0
                && one_rep_max
                    .zip(implement)
                    .is_some_and(|(max, i)| l * hands(i) <= max)
        });
    }

    /// Where it goes in the session: plyometrics, main lifts, loaded accessories,
    /// body weight, core.
    pub(crate) fn place(&self) -> u8 {
        match self.family() {
            Family::Plyometric => 0,
            _ if self.main() => 1,
            _ if self.loaded() => 2,
            Family::Plank | Family::PallofPress => 4,
            _ => 3,
        }
    }
}

/// How many of the implement a load is held in: two for a pair of dumbbells.
fn hands(implement: Implement) -> f64 {
    if implement.per_hand() { 2.0 } else { 1.0 }
}
