//! The runner's lifts: the one-rep max of each loaded exercise, given or estimated.
//!
//! A 1RM is either written down or estimated from a recent set with the Epley model
//! (weight × (1 + reps / 30)), the same model that turns reps and reps in reserve
//! back into a percentage of 1RM when a session is prescribed.

use crate::rules::{EPLEY_DIVISOR, LOAD_STEP_KG, LOAD_STEP_LB};

/// The `[lifts]` keys the built-in templates load from; a coach's own templates may
/// load only from these too.
pub const LIFT_KEYS: &[&str] = &[
    "back_squat",
    "goblet_squat",
    "romanian_deadlift",
    "single_leg_deadlift",
    "hip_thrust",
    "reverse_lunge",
    "step_up",
    "calf_raise",
    "seated_calf_raise",
];

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

/// The smallest load step of `units`: 2.5 kg or 5 lb.
pub fn plate_step(units: Units) -> f64 {
    match units {
        Units::Kg => LOAD_STEP_KG,
        Units::Lb => LOAD_STEP_LB,
    }
}

/// `load` rounded to the nearest plate step of `units` (2.5 kg or 5 lb).
pub fn round_load(load: f64, units: Units) -> f64 {
    (load / plate_step(units)).round() * plate_step(units)
}

/// `load` rounded down to a plate step of `units`, for loads that must stay under a cap.
pub fn round_load_down(load: f64, units: Units) -> f64 {
    (load / plate_step(units)).floor() * plate_step(units)
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
    fn loads_round_to_plate_steps() {
        assert_eq!(round_load(81.08, Units::Kg), 80.0);
        assert_eq!(round_load(81.25, Units::Kg), 82.5);
        assert_eq!(round_load(176.0, Units::Lb), 175.0);
        assert_eq!(round_load(177.5, Units::Lb), 180.0);
    }

    #[test]
    fn epley_matches_hand_worked_figures() {
        // 80 × (1 + 5/30) = 93.33…
        assert!((epley_one_rep_max(80.0, 5) - 93.333_333).abs() < 1e-5);
        assert_eq!(epley_one_rep_max(100.0, 0), 100.0);
        assert_eq!(epley_one_rep_max(60.0, 30), 120.0);
    }
}
