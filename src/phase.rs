//! The phases of a training block and the strength ladder (SPEC §7).
//!
//! A block moves from base (technique and tissue, moderate loads at a slow tempo) to
//! maximal strength (a ladder of heavier sets), to power (heavy and fast, with
//! plyometrics), to a taper into the race, and holds strength with one heavy session
//! a week in season. This module says which week is in which phase and why, and what
//! its main lifts lift; the block applies it.

use crate::rules::{
    BASE_WEEKS_MAX, BLOCK_HEAVY_MAX, LADDER, LADDER_NOVICE_TOP, LADDER_START, POWER_WEEKS,
};

/// A phase of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Moderate loads at a controlled tempo: 6 @ 2, 3-1-1.
    Base,
    /// Maximal strength: the ladder, a step a week.
    Strength,
    /// Heavy and fast, with plyometrics in the power session: 3 @ 2.
    Power,
    /// Race week: one light session at most.
    Taper,
    /// In season or after the race: one heavy session a week, 4 @ 2, a set fewer.
    Maintenance,
}

impl Phase {
    /// `base`, `strength`, `power`, `taper` or `maintenance`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Base => "base",
            Phase::Strength => "strength",
            Phase::Power => "power",
            Phase::Taper => "taper",
            Phase::Maintenance => "maintenance",
        }
    }

    /// Most heavy sessions a week in this phase, before the runner's own `heavy_max`.
    pub fn heavy_max(self) -> u8 {
        match self {
            Phase::Base | Phase::Strength | Phase::Power => BLOCK_HEAVY_MAX,
            Phase::Maintenance => crate::rules::MAINTENANCE_HEAVY,
            Phase::Taper => 0,
        }
    }

    /// Whether the power session (plyometrics) belongs in this phase.
    pub fn plyometrics(self) -> bool {
        self == Phase::Power
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a week is in its phase: data for `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseWhy {
    /// `--in-season`: maintenance throughout.
    InSeason,
    /// One of the first weeks of the block.
    Base {
        /// How many base weeks the block has.
        weeks: u32,
    },
    /// Between base and power (or after base, without a race).
    Strength,
    /// One of the weeks just before race week.
    Power {
        /// Weeks from this week to race week.
        to_race: u32,
    },
    /// The week that holds race day.
    RaceWeek,
    /// After race week.
    AfterRace,
}

/// Each week's phase and why, week 1 first.
///
/// With a race in week `race_week` (1 = the first): power the (up to) 4 weeks before
/// race week, base the first min(4, ⌊(R − 1 − power) / 2⌋), strength between, taper
/// race week, maintenance after. Without: base the first min(4, N), then strength.
/// In season: maintenance throughout, race week still a taper.
pub fn phases(weeks: u32, race_week: Option<u32>, in_season: bool) -> Vec<(Phase, PhaseWhy)> {
    (1..=weeks)
        .map(|n| match race_week {
            Some(r) if n == r => (Phase::Taper, PhaseWhy::RaceWeek),
            Some(r) if n > r => (
                Phase::Maintenance,
                if in_season {
                    PhaseWhy::InSeason
                } else {
                    PhaseWhy::AfterRace
                },
            ),
            _ if in_season => (Phase::Maintenance, PhaseWhy::InSeason),
            Some(r) => {
                let power = POWER_WEEKS.min(r - 1);
                let base = BASE_WEEKS_MAX.min((r - 1 - power) / 2);
                if n > r - 1 - power {
                    (Phase::Power, PhaseWhy::Power { to_race: r - n })
                } else if n <= base {
                    (Phase::Base, PhaseWhy::Base { weeks: base })
                } else {
                    (Phase::Strength, PhaseWhy::Strength)
                }
            }
            None => {
                let base = BASE_WEEKS_MAX.min(weeks);
                if n <= base {
                    (Phase::Base, PhaseWhy::Base { weeks: base })
                } else {
                    (Phase::Strength, PhaseWhy::Strength)
                }
            }
        })
        .collect()
}

/// A step of the strength ladder: an index into [`LADDER`], 0 the lightest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Step(pub usize);

impl Step {
    /// The heaviest step.
    pub const TOP: Step = Step(LADDER.len() - 1);

    /// Reps and reps in reserve of this step.
    pub fn dose(self) -> (u32, u32) {
        LADDER[self.0.min(LADDER.len() - 1)]
    }

    /// One step heavier, never past the top.
    pub fn up(self) -> Step {
        Step((self.0 + 1).min(Step::TOP.0))
    }

    /// One step lighter, never below the bottom.
    pub fn down(self) -> Step {
        Step(self.0.saturating_sub(1))
    }
}

/// Where the strength phase stands in a week: the step, and which wave it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rung {
    /// The step the week lifts (a deload week: the step it deloads).
    pub step: Step,
    /// 1 for the first wave.
    pub wave: u32,
}

/// The ladder over the strength weeks: for each week of the block, its rung if it is a
/// strength week. It starts at 5 @ 2 and climbs a step a week; a deload week deloads
/// the step it would have reached and ends the wave; the next wave starts a step
/// above where the last one started, never past the top.
pub fn ladder(phases: &[Phase], deloads: &[bool]) -> Vec<Option<Rung>> {
    let mut wave = 1;
    let mut wave_start = Step(LADDER_START);
    let mut next = wave_start;
    phases
        .iter()
        .zip(deloads.iter().chain(std::iter::repeat(&false)))
        .map(|(phase, deload)| {
            if *phase != Phase::Strength {
                return None;
            }
            let rung = Rung { step: next, wave };
            if *deload {
                wave += 1;
                wave_start = wave_start.up();
                next = wave_start;
            } else {
                next = next.up();
            }
            Some(rung)
        })
        .collect()
}

/// The step a phase's main lifts lift before the runner's caps: base 6 @ 2, power
/// 3 @ 2, maintenance 4 @ 2, strength its rung; the taper prescribes none.
pub fn phase_step(phase: Phase, rung: Option<Rung>) -> Option<Step> {
    let index = |dose: (u32, u32)| LADDER.iter().position(|d| *d == dose).map(Step);
    match phase {
        Phase::Base => index(crate::rules::BASE_DOSE),
        Phase::Strength => rung.map(|r| r.step),
        Phase::Power => index(crate::rules::POWER_DOSE),
        Phase::Maintenance => index(crate::rules::MAINTENANCE_DOSE),
        Phase::Taper => None,
    }
}

/// The step after the runner's caps: a novice never above 5 @ 2, then high running
/// volume a step lighter, never below 6 @ 2.
pub fn capped(step: Step, novice: bool, high_volume: bool) -> Step {
    let step = if novice {
        step.min(Step(LADDER_NOVICE_TOP))
    } else {
        step
    };
    if high_volume { step.down() } else { step }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(weeks: u32, race: Option<u32>, in_season: bool) -> String {
        phases(weeks, race, in_season)
            .iter()
            .map(|(p, _)| &p.name()[..2])
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_sixteen_week_race_block_builds_base_strength_power_taper() {
        // R = 16: power 4 (weeks 12-15), base min(4, (15 - 4) / 2 = 5) = 4.
        assert_eq!(
            names(16, Some(16), false),
            "ba ba ba ba st st st st st st st po po po po ta"
        );
    }

    #[test]
    fn short_race_blocks_keep_power_first_and_base_halves_the_rest() {
        assert_eq!(names(1, Some(1), false), "ta");
        assert_eq!(names(3, Some(3), false), "po po ta");
        // R = 6: power 4, (5 - 4) / 2 = 0 base weeks, 1 strength.
        assert_eq!(names(6, Some(6), false), "st po po po po ta");
        // R = 8: power 4, (7 - 4) / 2 = 1 base week, 2 strength.
        assert_eq!(names(8, Some(8), false), "ba st st po po po po ta");
        assert_eq!(names(8, Some(5), false), "po po po po ta ma ma ma");
    }

    #[test]
    fn without_a_race_base_then_strength_and_in_season_maintenance() {
        assert_eq!(names(6, None, false), "ba ba ba ba st st");
        assert_eq!(names(2, None, false), "ba ba");
        assert_eq!(names(3, None, true), "ma ma ma");
        assert_eq!(names(3, Some(2), true), "ma ta ma");
    }

    #[test]
    fn the_ladder_climbs_in_waves_that_start_a_step_higher() {
        let phases = vec![Phase::Strength; 12];
        let mut deloads = vec![false; 12];
        deloads[3] = true;
        deloads[7] = true;
        let steps: Vec<usize> = ladder(&phases, &deloads)
            .iter()
            .map(|r| r.expect("strength").step.0)
            .collect();
        // 5@2 4@2 3@2 (3@1 deloaded) | 4@2 3@2 3@1 (3@1 deloaded) | 3@2 3@1 3@1 3@1
        assert_eq!(steps, [1, 2, 3, 4, 2, 3, 4, 4, 3, 4, 4, 4]);
    }

    #[test]
    fn the_ladder_matches_the_model_percentages() {
        let percent: Vec<f64> = (0..5)
            .map(|i| {
                let (r, q) = Step(i).dose();
                (crate::lift::fraction_of_one_rep_max(r, q) * 100.0).round()
            })
            .collect();
        assert_eq!(percent, [79.0, 81.0, 83.0, 86.0, 88.0]);
    }

    #[test]
    fn novices_cap_at_five_at_two_and_high_volume_takes_a_step_off() {
        assert_eq!(capped(Step(3), true, false), Step(1));
        assert_eq!(capped(Step(3), true, true), Step(0));
        assert_eq!(capped(Step(0), false, true), Step(0));
        assert_eq!(capped(Step(4), false, true), Step(3));
    }
}
