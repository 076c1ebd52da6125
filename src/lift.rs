//! The runner's lifts: the one-rep max of each loaded exercise, given or estimated.
//!
//! A 1RM is either written down or estimated from a recent set with the Epley model
//! (weight × (1 + reps / 30)), the same model that turns reps and reps in reserve
//! back into a percentage of 1RM when a session is prescribed.

use crate::rules::EPLEY_DIVISOR;

/// The `[lifts]` keys the planner can load from.
pub const LIFT_KEYS: &[&str] = &[
    "back_squat",
    "goblet_squat",
    "romanian_deadlift",
    "single_leg_deadlift",
    "hip_thrust",
    "reverse_lunge",
    "walking_lunge",
    "split_squat",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epley_matches_hand_worked_figures() {
        // 80 × (1 + 5/30) = 93.33…
        assert!((epley_one_rep_max(80.0, 5) - 93.333_333).abs() < 1e-5);
        assert_eq!(epley_one_rep_max(100.0, 0), 100.0);
        assert_eq!(epley_one_rep_max(60.0, 30), 120.0);
    }
}
