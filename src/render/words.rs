//! The words for what the prescriber reports as data: session notes, coverage
//! findings and exercise details, shared by every format.

use crate::equipment::Equipment;
use crate::plan::Plan;
use crate::prescription::{Coverage, Note, Prescribed};
use crate::rules::{
    DELOAD_LOAD_SHARE, HIGH_VOLUME_RIR, HIGH_VOLUME_TEMPO, MAIN_REPS_MAX, NOVICE_MAIN_REPS,
    NOVICE_MAIN_RIR,
};
use crate::template::Family;

/// A session note in a sentence.
pub fn note(note: &Note) -> String {
    match note {
        Note::Novice => format!(
            "novice: no barbell, main lifts at {NOVICE_MAIN_REPS} reps with {NOVICE_MAIN_RIR} in reserve, one set fewer, longer rests on body-weight work"
        ),
        Note::HighVolume {
            run_minutes,
            from_minutes,
        } => format!(
            "high running volume ({run_minutes} min, from {from_minutes} min): loaded main lifts at the light end (up to {MAIN_REPS_MAX} reps, {HIGH_VOLUME_RIR} in reserve) with the {HIGH_VOLUME_TEMPO} tempo and one set fewer, so their work does not grow"
        ),
        Note::Deload => format!(
            "deload week: half the sets, loads at most {:.0} % of usual, reps in reserve as the lighter load gives them",
            DELOAD_LOAD_SHARE * 100.0
        ),
        Note::Carries(families) => format!(
            "carries the week's {}, which the heavy sessions leave out",
            list(families.iter().map(|f| family(*f)))
        ),
        Note::Trimmed {
            minutes,
            left_out,
            fewer_sets,
        } => {
            let mut parts = Vec::new();
            if !left_out.is_empty() {
                parts.push(format!("left out {}", left_out.join(", ")));
            }
            if !fewer_sets.is_empty() {
                parts.push(format!("fewer sets of {}", fewer_sets.join(", ")));
            }
            format!("to fit {minutes} min: {}", parts.join("; "))
        }
        Note::OverTime { estimated, minutes } => {
            format!("estimated {estimated} min, more than the session's {minutes} min")
        }
    }
}

/// A coverage finding in a sentence.
pub fn coverage(finding: &Coverage) -> String {
    match finding {
        Coverage::Muscle(muscle) => format!("this week's sessions do not train the {muscle}"),
        Coverage::Family(f) => format!("this week's sessions have no {}", family(*f)),
        Coverage::Impossible {
            family: f,
            would_need,
        } => {
            let options: Vec<String> = would_need.iter().map(|e| equipment(*e)).collect();
            format!(
                "no {} this week: your equipment allows no variant; {} would bring them back",
                family(*f),
                or_list(&options)
            )
        }
        Coverage::NoSingleLeg { day, start } => {
            format!("the {day} {start} session has no single-leg exercise")
        }
    }
}

/// The plan's warnings and its coverage findings, in words.
pub fn warnings(plan: &Plan) -> Vec<String> {
    plan.warnings
        .iter()
        .cloned()
        .chain(plan.coverage.iter().map(coverage))
        .collect()
}

/// A family as a runner says it: `step-ups`, `the Pallof press`.
pub fn family(family: Family) -> &'static str {
    match family {
        Family::Squat => "squats",
        Family::Lunge => "lunges",
        Family::Deadlift => "deadlifts",
        Family::CalfRaise => "calf raises",
        Family::StepUp => "step-ups",
        Family::Bridge => "bridges or hip thrusts",
        Family::Plank => "planks",
        Family::PallofPress => "Pallof presses",
        Family::Plyometric => "jumps",
    }
}

/// What a set of equipment is, as a runner says it: `a box`, `dumbbells and a bench`,
/// `body weight`.
pub fn equipment(set: Equipment) -> String {
    if set.is_empty() {
        return "body weight".to_owned();
    }
    let names: Vec<&str> = set
        .items()
        .map(|i| match i {
            crate::equipment::Item::Barbell => "a barbell",
            crate::equipment::Item::Dumbbells => "dumbbells",
            crate::equipment::Item::Kettlebell => "a kettlebell",
            crate::equipment::Item::Bench => "a bench",
            crate::equipment::Item::Box => "a box",
            crate::equipment::Item::Band => "a band",
            crate::equipment::Item::Cable => "a cable",
        })
        .collect();
    list(names)
}

/// `a`, `a and b`, `a, b and c`.
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The exercise's cue: the variant's how-to, then what the exercise is for.
pub fn cue(e: &Prescribed) -> String {
    format!("{}. {}", e.variant_cue, e.cue)
}

/// `82.5` stays, `80.0` becomes `80`.
pub fn number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A load as printed: `82.5 kg`, `14 kg/hand` for a pair of dumbbells.
pub fn load(e: &Prescribed, units: &str) -> Option<String> {
    let per_hand = e.implement.is_some_and(|i| i.per_hand());
    e.load.map(|l| {
        format!(
            "{} {units}{}",
            number(l),
            if per_hand { "/hand" } else { "" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::equipment::Item;

    #[test]
    fn equipment_reads_as_a_runner_says_it() {
        assert_eq!(equipment(Equipment::NONE), "body weight");
        assert_eq!(equipment(Equipment::of(Item::Box)), "a box");
        assert_eq!(
            equipment(Equipment::of(Item::Dumbbells).with(Item::Bench)),
            "dumbbells and a bench"
        );
        let finding = Coverage::Impossible {
            family: Family::StepUp,
            would_need: vec![Equipment::of(Item::Bench), Equipment::of(Item::Box)],
        };
        assert_eq!(
            coverage(&finding),
            "no step-ups this week: your equipment allows no variant; a bench or a box would bring them back"
        );
    }
}
