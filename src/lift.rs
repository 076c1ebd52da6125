//! The runner's lifts: the one-rep max of each loaded exercise, given or estimated.
//!
//! A 1RM is either written down or estimated from a recent set with the Epley model
//! (weight × (1 + reps / 30)), the same model that turns reps and reps in reserve
//! back into a percentage of 1RM when a session is prescribed.

use crate::equipment::Item;
use crate::rules::{
    DUMBBELL_STEP_KG, DUMBBELL_STEP_LB, EPLEY_DIVISOR, KETTLEBELL_STEP_KG, KETTLEBELL_STEP_LB,
    LOAD_STEP_KG, LOAD_STEP_LB,
};

/// The `[lifts]` keys the built-in templates load from; a coach's own templates may
/// load only from these too. A lift done with a pair of dumbbells takes the 1RM of
/// both together; its load is printed per hand.
pub const LIFT_KEYS: &[&str] = &[
    "back_squat",
    "goblet_squat",
    "romanian_deadlift",
    "dumbbell_romanian_deadlift",
    "kettlebell_romanian_deadlift",
    "single_leg_deadlift",
    "hip_thrust",
    "dumbbell_hip_thrust",
    "reverse_lunge",
    "goblet_reverse_lunge",
    "step_up",
    "goblet_step_up",
    "calf_raise",
    "seated_calf_raise",
];

/// What a loaded variant's weight is held in, which decides the steps it comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Implement {
    /// A loaded barbell: the whole bar, in plate steps.
    Barbell,
    /// One dumbbell (a goblet squat, a one-arm hold).
    Dumbbell,
    /// A pair of dumbbells: the 1RM is of both, the load printed per hand.
    Dumbbells,
    /// One kettlebell, in the common sizes.
    Kettlebell,
}

impl Implement {
    /// Every implement.
    pub const ALL: [Implement; 4] = [
        Implement::Barbell,
        Implement::Dumbbell,
        Implement::Dumbbells,
        Implement::Kettlebell,
    ];

    /// The name used in template files and output.
    pub fn name(self) -> &'static str {
        match self {
            Implement::Barbell => "barbell",
            Implement::Dumbbell => "dumbbell",
            Implement::Dumbbells => "dumbbells",
            Implement::Kettlebell => "kettlebell",
        }
    }

    /// The implement a name stands for.
    pub fn from_name(name: &str) -> Option<Implement> {
        Implement::ALL.into_iter().find(|i| i.name() == name)
    }

    /// The equipment item it is.
    pub fn item(self) -> Item {
        match self {
            Implement::Barbell => Item::Barbell,
            Implement::Dumbbell | Implement::Dumbbells => Item::Dumbbells,
            Implement::Kettlebell => Item::Kettlebell,
        }
    }

    /// Whether the printed load is per hand (a pair) rather than the whole.
    pub fn per_hand(self) -> bool {
        self == Implement::Dumbbells
    }

    /// The step loads come in, in `units`.
    pub fn step(self, units: Units) -> f64 {
        match (self, units) {
            (Implement::Barbell, units) => plate_step(units),
            (Implement::Dumbbell | Implement::Dumbbells, Units::Kg) => DUMBBELL_STEP_KG,
            (Implement::Dumbbell | Implement::Dumbbells, Units::Lb) => DUMBBELL_STEP_LB,
            (Implement::Kettlebell, Units::Kg) => KETTLEBELL_STEP_KG,
            (Implement::Kettlebell, Units::Lb) => KETTLEBELL_STEP_LB,
        }
    }

    /// The load to print for `total` (the whole weight the model gives): per hand
    /// for a pair; the nearest step, but a kettlebell the size at or below it (there
    /// is nothing between bells). Never below the smallest step.
    pub fn load(self, total: f64, units: Units) -> f64 {
        let each = if self.per_hand() { total / 2.0 } else { total };
        let step = self.step(units);
        let steps = match self {
            Implement::Kettlebell => (each / step).floor(),
            _ => (each / step).round(),
        };
        steps.max(1.0) * step
    }

    /// The largest load in this implement's steps at or under `cap` (as printed:
    /// per hand for a pair), for loads that must stay under a cap; never below the
    /// smallest step.
    pub fn load_under(self, cap: f64, units: Units) -> f64 {
        let step = self.step(units);
        (cap / step).floor().max(1.0) * step
    }
}

/// Units of load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// Kilograms: loads round to 2.5 kg.
    Kg,
    /// Pounds: loads round to 5 lb.
    Lb,
}

impl Units {
    /// `kg` or `lb`.
    pub fn name(self) -> &'static str {
        match self {
            Units::Kg => "kg",
            Units::Lb => "lb",
        }
    }
}

/// One lift's one-rep max and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Lift {
    /// The `[lifts]` key, one of [`LIFT_KEYS`].
    pub key: &'static str,
    /// The one-rep max in the schedule's units.
    pub one_rep_max: f64,
    /// The recent set it was estimated from, as (weight, reps), if it was.
    pub estimated_from: Option<(f64, u32)>,
}

/// Epley's estimate of the one-rep max from `reps` reps at `weight`.
pub fn epley_one_rep_max(weight: f64, reps: u32) -> f64 {
    weight * (1.0 + f64::from(reps) / EPLEY_DIVISOR)
}

/// The fraction of 1RM for a set of `reps` with `reserve` reps in reserve: the set
/// is as hard as `reps + reserve` reps to failure, so 1 / (1 + (r + q) / 30).
pub fn fraction_of_one_rep_max(reps: u32, reserve: u32) -> f64 {
    1.0 / (1.0 + f64::from(reps + reserve) / EPLEY_DIVISOR)
}

/// The reserve the model gives a set of `reps` at `fraction` of 1RM, its inverse:
/// q = 30 × (1 / f − 1) − r, rounded down (the smaller claim).
pub fn reserve_at(fraction: f64, reps: u32) -> u32 {
    let q = EPLEY_DIVISOR * (1.0 / fraction - 1.0) - f64::from(reps);
    // A hair of float noise must not cost a whole rep.
    (q + 1e-9).floor().max(0.0) as u32
}

/// The smallest load step of `units`: 2.5 kg or 5 lb.
pub fn plate_step(units: Units) -> f64 {
    match units {
        Units::Kg => LOAD_STEP_KG,
        Units::Lb => LOAD_STEP_LB,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_matches_hand_worked_figures() {
        // 5 reps with 2 in reserve: 1 / (1 + 7/30) = 30/37 = 0.8108…
        assert!((fraction_of_one_rep_max(5, 2) - 30.0 / 37.0).abs() < 1e-12);
        // The spec's bounds: 3 reps, 1 in reserve: 30/34 = 88.2 %; 6 with 2: 30/38 = 78.9 %.
        assert!((fraction_of_one_rep_max(3, 1) * 100.0 - 88.235).abs() < 1e-3);
        assert!((fraction_of_one_rep_max(6, 2) * 100.0 - 78.947).abs() < 1e-3);
        // 8 reps with 2 in reserve: 75 %.
        assert!((fraction_of_one_rep_max(8, 2) - 0.75).abs() < 1e-12);
    }

    #[test]
    fn estimate_and_prescription_are_one_model() {
        // A set of 5 at 80 estimates a 1RM whose 5-rep-max fraction gives 80 back.
        let one_rep_max = epley_one_rep_max(80.0, 5);
        assert!((one_rep_max * fraction_of_one_rep_max(5, 0) - 80.0).abs() < 1e-9);
    }

    #[test]
    fn barbell_loads_round_to_plate_steps() {
        assert_eq!(Implement::Barbell.load(81.08, Units::Kg), 80.0);
        assert_eq!(Implement::Barbell.load(81.25, Units::Kg), 82.5);
        assert_eq!(Implement::Barbell.load(176.0, Units::Lb), 175.0);
        assert_eq!(Implement::Barbell.load(177.5, Units::Lb), 180.0);
    }

    #[test]
    fn the_reserve_is_the_models_inverse_rounded_down() {
        // 5 reps with 2 in reserve is 81.1 %; at 90 % of that, 72.9 %, the model
        // gives 30 × (1/0.729 − 1) − 5 = 6.2, so 6 in reserve.
        assert_eq!(reserve_at(0.729, 5), 6);
        assert_eq!(reserve_at(fraction_of_one_rep_max(5, 2), 5), 2);
    }

    #[test]
    fn each_implement_rounds_to_its_own_steps() {
        // A pair: 45 kg in all is 22.5 a hand, printed as the nearest 2 kg: 22.
        assert_eq!(Implement::Dumbbells.load(45.0, Units::Kg), 22.0);
        assert_eq!(Implement::Dumbbell.load(23.1, Units::Kg), 24.0);
        assert_eq!(Implement::Dumbbell.load(52.4, Units::Lb), 50.0);
        // Kettlebells: the bell at or below, 4 kg / 9 lb sizes.
        assert_eq!(Implement::Kettlebell.load(23.9, Units::Kg), 20.0);
        assert_eq!(Implement::Kettlebell.load(53.0, Units::Lb), 45.0);
        assert_eq!(Implement::Barbell.load(81.25, Units::Kg), 82.5);
        // Never less than the lightest weight there is.
        assert_eq!(Implement::Kettlebell.load(1.0, Units::Kg), 4.0);
        assert_eq!(Implement::Dumbbells.load_under(13.9, Units::Kg), 12.0);
    }

    #[test]
    fn epley_matches_hand_worked_figures() {
        // 80 × (1 + 5/30) = 93.33…
        assert!((epley_one_rep_max(80.0, 5) - 93.333_333).abs() < 1e-5);
        assert_eq!(epley_one_rep_max(100.0, 0), 100.0);
        assert_eq!(epley_one_rep_max(60.0, 30), 120.0);
    }
}
