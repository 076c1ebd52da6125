//! One template file's text into a validated [`Template`]: every value checked
//! against the rules, each error pointing at the value.

use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::raw::{RawExercise, RawTemplate, RawVariant};
use super::{Dose, Exercise, Family, Muscle, Role, Template, Variant};
use crate::diagnostic::Diagnostic;
use crate::equipment::{self, Item};
use crate::lift::{Implement, LIFT_KEYS};
use crate::rules::{
    MAIN_REPS_MAX, PLYO_CONTACTS_MAX, REPS_MAX, REPS_MIN, RIR_MAX, RIR_MIN, TEMPLATE_HOLD_SECONDS,
    TEMPLATE_REPS_MAX, TEMPLATE_REST_SECONDS_MAX, TEMPLATE_SETS_MAX, TEMPLATE_WARMUP_MINUTES_MAX,
};
use crate::schedule::bounded;
use crate::suggest;

impl Template {
    /// Parses and validates one template file's text.
    pub fn parse(text: &str) -> Result<Template, Diagnostic> {
        let raw: RawTemplate =
            toml::from_str(text).map_err(crate::schedule::raw::from_toml_error)?;
        let role = match raw.role.get_ref().as_str() {
            "heavy-squat" => Role::HeavySquat,
            "heavy-hinge" => Role::HeavyHinge,
            "power" => Role::Power,
            "light" => Role::Light,
            other => {
                return Err(
                    Diagnostic::new(format!("unknown role \"{other}\""), raw.role.span())
                        .with_help(
                            suggest::hint(other, Role::ALL.iter().map(|r| r.name())).or_else(
                                || Some("roles: heavy-squat, heavy-hinge, power, light".to_owned()),
                            ),
                        ),
                );
            }
        };
        let warmup_minutes = bounded(
            &raw.warmup_minutes,
            "warmup_minutes",
            0..=TEMPLATE_WARMUP_MINUTES_MAX,
        )?;
        let title = raw.title.into_inner();
        let exercises_span = raw.exercises.span();
        let mut exercises = Vec::new();
        for exercise in raw.exercises.into_inner() {
            exercises.push(std::sync::Arc::new(exercise_from(exercise, role)?));
        }
        let template = Template {
            role,
            title,
            warmup_minutes,
            exercises,
        };
        template.check_whole(exercises_span)?;
        Ok(template)
    }

    /// The rules that concern the template as a whole.
    fn check_whole(&self, span: Range<usize>) -> Result<(), Diagnostic> {
        let fail = |message: String| Err(Diagnostic::new(message, span.clone()));
        // Single-leg work in every session, whatever the equipment and level.
        let anywhere =
            |v: &Variant| v.single_leg && v.novice && v.needs.is_empty() && v.needs_any.is_empty();
        if !self.exercises.iter().any(|e| {
            !e.optional && e.family != Family::Plyometric && e.variants.iter().any(anywhere)
        }) {
            return fail(
                "every session needs an exercise that is not optional with a single-leg \
                 variant that needs no equipment"
                    .to_owned(),
            );
        }
        if self.role.is_heavy() && !self.exercises.iter().any(|e| e.main && !e.optional) {
            return fail(format!(
                "a {} template needs a main lift that is not optional",
                self.role.name()
            ));
        }
        let contacts: u32 = self
            .exercises
            .iter()
            .filter(|e| e.family == Family::Plyometric)
            .map(|e| match e.dose {
                Dose::Reps(reps) => {
                    let most = e.variants.iter().map(|v| {
                        let sides = if v.single_leg { 2 } else { 1 };
                        v.reps.unwrap_or(reps) * sides
                    });
                    e.sets * most.max().unwrap_or(reps)
                }
                Dose::Seconds(_) => 0,
            })
            .sum();
        if contacts > PLYO_CONTACTS_MAX {
            return fail(format!(
                "{contacts} plyometric contacts; a small dose is at most {PLYO_CONTACTS_MAX}"
            ));
        }
        Ok(())
    }
}

fn exercise_from(raw: Spanned<RawExercise>, role: Role) -> Result<Exercise, Diagnostic> {
    let span = raw.span();
    let raw = raw.into_inner();
    let family = Family::from_name(raw.family.get_ref()).ok_or_else(|| {
        let name = raw.family.get_ref();
        Diagnostic::new(format!("unknown family \"{name}\""), raw.family.span()).with_help(
            suggest::hint(name, Family::ALL.iter().map(|f| f.name()))
                .or_else(|| Some(format!("families: {}", names(Family::ALL)))),
        )
    })?;
    let mut muscles = Vec::new();
    for muscle in raw.muscles.get_ref() {
        let found = Muscle::from_name(muscle.get_ref()).ok_or_else(|| {
            Diagnostic::new(
                format!("unknown muscle \"{}\"", muscle.get_ref()),
                muscle.span(),
            )
            .with_help(
                suggest::hint(muscle.get_ref(), Muscle::ALL.iter().map(|m| m.name()))
                    .or_else(|| Some(format!("muscles: {}", names(Muscle::ALL)))),
            )
        })?;
        if !muscles.contains(&found) {
            muscles.push(found);
        }
    }
    if muscles.is_empty() {
        return Err(Diagnostic::new(
            "an exercise trains at least one muscle",
            raw.muscles.span(),
        ));
    }
    let dose = match (&raw.reps, &raw.seconds) {
        (Some(reps), None) => Dose::Reps(bounded(reps, "reps", 1..=TEMPLATE_REPS_MAX)?),
        (None, Some(seconds)) => Dose::Seconds(bounded(seconds, "seconds", TEMPLATE_HOLD_SECONDS)?),
        _ => {
            return Err(Diagnostic::new(
                "give either reps or seconds",
                raw.name.span(),
            ));
        }
    };
    let rir = raw
        .rir
        .as_ref()
        .map(|r| bounded(r, "rir", RIR_MIN..=RIR_MAX))
        .transpose()?;
    if raw.carry && role != Role::Light {
        return Err(Diagnostic::new(
            format!(
                "\"{}\": only a light template carries families for the week",
                raw.name.get_ref()
            ),
            span,
        ));
    }
    let variants_span = raw.variants.span();
    let mut variants = Vec::new();
    for variant in raw.variants.into_inner() {
        variants.push(variant_from(variant, raw.single_leg, raw.per_side)?);
    }
    if variants.is_empty() {
        return Err(Diagnostic::new(
            format!("\"{}\" needs at least one variant", raw.name.get_ref()),
            variants_span,
        ));
    }
    let exercise = Exercise {
        name: raw.name.get_ref().clone(),
        family,
        muscles,
        main: raw.main,
        optional: raw.optional,
        carry: raw.carry,
        sets: bounded(&raw.sets, "sets", 1..=TEMPLATE_SETS_MAX)?,
        dose,
        rir,
        rest_seconds: bounded(
            &raw.rest_seconds,
            "rest_seconds",
            0..=TEMPLATE_REST_SECONDS_MAX,
        )?,
        tempo: raw.tempo.map(Spanned::into_inner),
        cue: raw.cue.get_ref().clone(),
        variants,
    };
    check_exercise(&exercise, role, span)?;
    Ok(exercise)
}

fn variant_from(
    raw: Spanned<RawVariant>,
    single_leg: bool,
    per_side: bool,
) -> Result<Variant, Diagnostic> {
    let span = raw.span();
    let raw = raw.into_inner();
    let needs = equipment::from_names(&raw.needs)?;
    let needs_any = equipment::from_names(&raw.needs_any)?;
    let implement = match &raw.implement {
        None => None,
        Some(name) => Some(Implement::from_name(name.get_ref()).ok_or_else(|| {
            let known = Implement::ALL.map(Implement::name);
            Diagnostic::new(
                format!("unknown implement \"{}\"", name.get_ref()),
                name.span(),
            )
            .with_help(
                suggest::hint(name.get_ref(), known)
                    .or_else(|| Some(format!("implements: {}", known.join(", ")))),
            )
        })?),
    };
    let lift = raw.lift.as_ref().map(lift_key).transpose()?;
    let fail = |message: String| Err(Diagnostic::new(message, span.clone()));
    let name = raw.name.get_ref();
    match (implement, lift) {
        (Some(implement), Some(_)) if !needs.has(implement.item()) => {
            return fail(format!(
                "\"{name}\" is loaded with a {}, so it needs \"{}\"",
                implement.name(),
                implement.item()
            ));
        }
        (Some(_), None) | (None, Some(_)) => {
            return fail(format!(
                "\"{name}\": a loaded variant gives both implement and lift, a body-weight one neither"
            ));
        }
        _ => {}
    }
    let barbell = needs.has(Item::Barbell);
    if barbell && raw.novice == Some(true) {
        return fail(format!("\"{name}\": novices do no barbell variants"));
    }
    Ok(Variant {
        name: name.clone(),
        needs,
        needs_any,
        implement,
        lift,
        single_leg: raw.single_leg.unwrap_or(single_leg),
        per_side: raw.per_side.unwrap_or(per_side),
        reps: raw
            .reps
            .as_ref()
            .map(|r| bounded(r, "reps", 1..=TEMPLATE_REPS_MAX))
            .transpose()?,
        novice: raw.novice.unwrap_or(!barbell),
        cue: raw.cue.get_ref().clone(),
    })
}

/// The load rules of one exercise and its variants.
fn check_exercise(e: &Exercise, role: Role, span: Range<usize>) -> Result<(), Diagnostic> {
    let fail = |message: String| Err(Diagnostic::new(message, span.clone()));
    if role == Role::Light && (e.main || e.loaded()) {
        return fail(format!(
            "\"{}\": a light session carries no loaded lift",
            e.name
        ));
    }
    if e.family == Family::Plyometric && role != Role::Power {
        return fail(format!(
            "\"{}\": plyometrics belong in the power template only",
            e.name
        ));
    }
    if e.main && !e.variants.iter().any(|v| v.lift.is_some()) {
        return fail(format!(
            "main lift \"{}\" needs a variant loaded from a lift",
            e.name
        ));
    }
    if e.main
        && !e
            .variants
            .iter()
            .any(|v| v.novice && v.needs.is_empty() && v.needs_any.is_empty())
    {
        return fail(format!(
            "main lift \"{}\" needs a body-weight variant a novice may do",
            e.name
        ));
    }
    for v in e.variants.iter().filter(|v| v.lift.is_some()) {
        let reps = match (v.reps, e.dose) {
            (Some(reps), _) | (None, Dose::Reps(reps)) => reps,
            (None, Dose::Seconds(_)) => {
                return fail(format!(
                    "\"{}\" is loaded from 1RM, so it needs reps, not seconds",
                    v.name
                ));
            }
        };
        let max = if e.main { MAIN_REPS_MAX } else { REPS_MAX };
        if !(REPS_MIN..=max).contains(&reps) {
            return fail(format!(
                "\"{}\" has {reps} reps; loaded {} take {REPS_MIN} to {max}",
                v.name,
                if e.main { "main lifts" } else { "accessories" }
            ));
        }
        if e.rir.is_none() {
            return fail(format!(
                "\"{}\" is loaded, so it needs rir (reps in reserve, 1 or 2)",
                v.name
            ));
        }
    }
    Ok(())
}
fn lift_key(key: &Spanned<String>) -> Result<&'static str, Diagnostic> {
    LIFT_KEYS
        .iter()
        .copied()
        .find(|k| k == key.get_ref())
        .ok_or_else(|| {
            Diagnostic::new(format!("unknown lift \"{}\"", key.get_ref()), key.span())
                .with_help(suggest::hint(key.get_ref(), LIFT_KEYS.iter().copied()))
        })
}

fn names<T: Copy + fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
