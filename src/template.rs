//! Session templates: the exercises of a heavy, power or light session, as data.
//!
//! Templates are TOML files under `plans/`; `--plans DIR` reads a coach's own with the
//! same validation and the same error quality as schedule files. A [`Library`] holds
//! one template per [`Role`].
//!
//! The built-in templates are compiled into the binary as Rust values (`builtin.rs`),
//! written from `plans/` by a test that fails whenever the two disagree. Parsing the
//! TOML at every start cost about 730 000 instructions, a third of a whole
//! `planner week` process (issue 6).

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Source};
use crate::equipment::{self, Equipment, Item};
use crate::lift::{Implement, LIFT_KEYS};
use crate::rules::{
    MAIN_REPS_MAX, PLYO_CONTACTS_MAX, REPS_MAX, REPS_MIN, RIR_MAX, RIR_MIN, TEMPLATE_HOLD_SECONDS,
    TEMPLATE_REPS_MAX, TEMPLATE_REST_SECONDS_MAX, TEMPLATE_SETS_MAX, TEMPLATE_WARMUP_MINUTES_MAX,
};
use crate::schedule::bounded;
use crate::suggest;

/// What a template is for; the planner picks templates by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Heavy, with a squat as the main lift.
    HeavySquat,
    /// Heavy, with a hinge (deadlift) as the main lift.
    HeavyHinge,
    /// Heavy plus a small plyometric block: only when fatigue is low.
    Power,
    /// Stability, core and control: no loaded main lift.
    Light,
}

impl Role {
    /// Every role, in the order the library lists them.
    pub const ALL: [Role; 4] = [Role::HeavySquat, Role::HeavyHinge, Role::Power, Role::Light];

    /// The name used in template files and output.
    pub fn name(self) -> &'static str {
        match self {
            Role::HeavySquat => "heavy-squat",
            Role::HeavyHinge => "heavy-hinge",
            Role::Power => "power",
            Role::Light => "light",
        }
    }

    /// Whether sessions of this role are heavy.
    pub fn is_heavy(self) -> bool {
        self != Role::Light
    }
}

macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in files and output.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value a name stands for.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.name() == name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

named_enum! {
    /// The exercise families of the coaching rules.
    Family {
        /// Goblet, bodyweight or barbell squats.
        Squat => "squat",
        /// Forward, reverse, walking and split lunges.
        Lunge => "lunge",
        /// Romanian and single-leg deadlifts.
        Deadlift => "deadlift",
        /// Straight- and bent-knee calf raises.
        CalfRaise => "calf_raise",
        /// Step-ups.
        StepUp => "step_up",
        /// Glute bridges and hip thrusts.
        Bridge => "bridge",
        /// Front and side planks.
        Plank => "plank",
        /// Pallof press (anti-rotation).
        PallofPress => "pallof_press",
        /// Box jumps, hops and other jumps.
        Plyometric => "plyometric",
    }
}

named_enum! {
    /// The muscle groups a runner's week must train.
    Muscle {
        /// Glutes.
        Glutes => "glutes",
        /// Hamstrings.
        Hamstrings => "hamstrings",
        /// Quads.
        Quads => "quads",
        /// Calves.
        Calves => "calves",
        /// Hips.
        Hips => "hips",
        /// Core.
        Core => "core",
    }
}

/// How much of an exercise one set is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dose {
    /// Repetitions.
    Reps(u32),
    /// A hold, in seconds.
    Seconds(u32),
}

/// One exercise of a template: what it trains and how much, with the variants that
/// do it on different equipment.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The movement, whatever the variant (`Squat`, `Romanian deadlift`).
    pub name: String,
    /// Its family.
    pub family: Family,
    /// The muscles it trains.
    pub muscles: Vec<Muscle>,
    /// A main lift (squat, deadlift, hip thrust): 3–6 reps, never trimmed.
    pub main: bool,
    /// The first to go when the session runs long.
    pub optional: bool,
    /// In a light template: done only when the week's other sessions leave its
    /// family out (or to bring a short light session up to size).
    pub carry: bool,
    /// Sets.
    pub sets: u32,
    /// Reps or seconds per set.
    pub dose: Dose,
    /// Reps in reserve of loaded sets.
    pub rir: Option<u32>,
    /// Rest after each set.
    pub rest_seconds: u32,
    /// Tempo, where it matters (`3-1-1`: seconds down, pause, up).
    pub tempo: Option<String>,
    /// What the exercise is for, whatever the variant: one line.
    pub cue: String,
    /// The ways to do it, in order of preference: the first the runner's equipment
    /// (and level) allows is prescribed.
    pub variants: Vec<Variant>,
}

/// One way to do an exercise, with what it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// What the runner sees (`Barbell back squat`).
    pub name: String,
    /// Every item it needs.
    pub needs: Equipment,
    /// One of these too, if any (a box or a bench to step onto).
    pub needs_any: Equipment,
    /// What the load is held in, for a variant loaded from 1RM.
    pub implement: Option<Implement>,
    /// The `[lifts]` key its load comes from: set exactly when `implement` is.
    pub lift: Option<&'static str>,
    /// One leg at a time: the sets are per leg.
    pub single_leg: bool,
    /// One side at a time (side plank, Pallof press): the sets are per side.
    pub per_side: bool,
    /// Other reps than the exercise's (body-weight variants need more).
    pub reps: Option<u32>,
    /// Whether a novice may do it (never a barbell variant).
    pub novice: bool,
    /// How to do this variant well: one line.
    pub cue: String,
}

impl Variant {
    /// Whether a runner with `equipment` can do this variant.
    pub fn allowed(&self, equipment: Equipment) -> bool {
        equipment.covers(self.needs)
            && (self.needs_any.is_empty() || equipment.meets(self.needs_any))
    }

    /// What the variant uses when the runner has `equipment`: its needs and the first
    /// of its alternatives the runner has.
    pub fn uses(&self, equipment: Equipment) -> Equipment {
        let any = self
            .needs_any
            .items()
            .find(|i| equipment.has(*i))
            .or_else(|| self.needs_any.items().next());
        any.map_or(self.needs, |i| self.needs.with(i))
    }
}

impl Exercise {
    /// The variant a runner with `equipment` does, novice or not; `None` when the
    /// equipment allows none.
    pub fn variant(&self, equipment: Equipment, novice: bool) -> Option<&Variant> {
        self.variants
            .iter()
            .find(|v| v.allowed(equipment) && (v.novice || !novice))
    }

    /// Whether some variant is loaded from 1RM.
    pub fn loaded(&self) -> bool {
        self.variants.iter().any(|v| v.lift.is_some())
    }
}
/// A session template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// What it is for.
    pub role: Role,
    /// A short title (`Heavy, squat focus`).
    pub title: String,
    /// Warm-up minutes, counted in the session's length.
    pub warmup_minutes: u32,
    /// The exercises, in the order they are done.
    pub exercises: Vec<Exercise>,
}

/// One template per role: what the planner prescribes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    templates: Vec<Template>,
}

// Generated code, laid out by its generator rather than by rustfmt.
#[rustfmt::skip]
mod builtin;

/// The built-in templates, as (file name, text): what `builtin.rs` is written from.
#[cfg(test)]
const BUILTIN: [(&str, &str); 4] = [
    (
        "plans/heavy-squat.toml",
        include_str!("../plans/heavy-squat.toml"),
    ),
    (
        "plans/heavy-hinge.toml",
        include_str!("../plans/heavy-hinge.toml"),
    ),
    ("plans/power.toml", include_str!("../plans/power.toml")),
    ("plans/light.toml", include_str!("../plans/light.toml")),
];

/// A template file that failed validation, rendered with its name, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

impl Library {
    /// The templates in `plans/`, compiled into the binary, built once.
    pub fn builtin() -> &'static Library {
        static BUILTIN_LIBRARY: OnceLock<Library> = OnceLock::new();
        BUILTIN_LIBRARY.get_or_init(builtin::library)
    }

    #[cfg(test)]
    fn parse_builtin() -> Result<Library, TemplateError> {
        Self::from_files(
            BUILTIN
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string())),
        )
    }

    /// Templates from (file name, text) pairs: a coach's own, read by the caller.
    /// Each role needed must be there once; `power` may be left out (then no session
    /// gets plyometrics).
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Library, TemplateError> {
        let mut templates: Vec<(String, Template)> = Vec::new();
        for (name, text) in files {
            let source = Source {
                name: &name,
                text: &text,
            };
            let template =
                Template::parse(&text).map_err(|d| TemplateError(source.render(&d).to_string()))?;
            if let Some((other, _)) = templates.iter().find(|(_, t)| t.role == template.role) {
                return Err(TemplateError(format!(
                    "{name}: role \"{}\" is already given by {other}",
                    template.role.name()
                )));
            }
            templates.push((name, template));
        }
        for role in [Role::HeavySquat, Role::HeavyHinge, Role::Light] {
            if !templates.iter().any(|(_, t)| t.role == role) {
                return Err(TemplateError(format!(
                    "no template has role \"{}\"; one is needed",
                    role.name()
                )));
            }
        }
        let mut templates: Vec<Template> = templates.into_iter().map(|(_, t)| t).collect();
        templates.sort_by_key(|t| t.role);
        Ok(Library { templates })
    }

    /// The template for `role`, if the library has one.
    pub fn get(&self, role: Role) -> Option<&Template> {
        self.templates.iter().find(|t| t.role == role)
    }

    /// Every template, in role order.
    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// The library without the template for `role`: a block's weeks that take no
    /// plyometrics prescribe from the library without `power`.
    pub fn without(&self, role: Role) -> Library {
        Library {
            templates: self
                .templates
                .iter()
                .filter(|t| t.role != role)
                .cloned()
                .collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a template table")]
struct RawTemplate {
    role: Spanned<String>,
    title: Spanned<String>,
    warmup_minutes: Spanned<i64>,
    exercises: Spanned<Vec<Spanned<RawExercise>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an exercise table")]
struct RawExercise {
    name: Spanned<String>,
    family: Spanned<String>,
    muscles: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    main: bool,
    #[serde(default)]
    single_leg: bool,
    #[serde(default)]
    per_side: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    carry: bool,
    sets: Spanned<i64>,
    reps: Option<Spanned<i64>>,
    seconds: Option<Spanned<i64>>,
    rir: Option<Spanned<i64>>,
    rest_seconds: Spanned<i64>,
    tempo: Option<Spanned<String>>,
    cue: Spanned<String>,
    variants: Spanned<Vec<Spanned<RawVariant>>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { name = \"Goblet squat\", needs = [\"dumbbells\"], cue = \"...\" }"
)]
struct RawVariant {
    name: Spanned<String>,
    #[serde(default)]
    needs: Vec<Spanned<String>>,
    #[serde(default)]
    needs_any: Vec<Spanned<String>>,
    implement: Option<Spanned<String>>,
    lift: Option<Spanned<String>>,
    single_leg: Option<bool>,
    per_side: Option<bool>,
    reps: Option<Spanned<i64>>,
    novice: Option<bool>,
    cue: Spanned<String>,
}

impl Template {
    /// Parses and validates one template file's text.
    pub fn parse(text: &str) -> Result<Template, Diagnostic> {
        let raw: RawTemplate = toml::from_str(text).map_err(crate::raw::from_toml_error)?;
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
            exercises.push(exercise_from(exercise, role)?);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `builtin.rs` as written from `library`: every value as a Rust expression.
    fn rust_code(library: &Library) -> String {
        fn text(s: &str) -> String {
            format!("{s:?}.to_owned()")
        }
        fn option<T>(value: &Option<T>, show: impl Fn(&T) -> String) -> String {
            value
                .as_ref()
                .map_or("None".to_owned(), |v| format!("Some({})", show(v)))
        }
        let mut out = String::from(
            "// @generated from plans/ by `PLANNER_BLESS=1 cargo test builtin_code`.\n\
             // Do not edit: edit plans/ and run that command. A test fails while they differ.\n\
             \n\
             use super::*;\n\
             \n\
             pub(super) fn library() -> Library {\n    \
             Library {\n        \
             templates: vec![\n",
        );
        for t in library.templates() {
            out += "            Template {\n";
            out += &format!("                role: Role::{:?},\n", t.role);
            out += &format!("                title: {},\n", text(&t.title));
            out += &format!("                warmup_minutes: {},\n", t.warmup_minutes);
            out += "                exercises: vec![\n";
            for e in &t.exercises {
                let muscles: Vec<String> =
                    e.muscles.iter().map(|m| format!("Muscle::{m:?}")).collect();
                let dose = match e.dose {
                    Dose::Reps(n) => format!("Dose::Reps({n})"),
                    Dose::Seconds(n) => format!("Dose::Seconds({n})"),
                };
                fn set(e: Equipment) -> String {
                    let items: Vec<String> = e.items().map(|i| format!("Item::{i:?}")).collect();
                    format!("[{}].into_iter().collect()", items.join(", "))
                }
                let variants: Vec<String> = e
                    .variants
                    .iter()
                    .map(|v| {
                        format!(
                            "Variant {{ name: {}, needs: {}, needs_any: {}, implement: {}, lift: {}, single_leg: {}, per_side: {}, reps: {}, novice: {}, cue: {} }}",
                            text(&v.name),
                            set(v.needs),
                            set(v.needs_any),
                            option(&v.implement, |i| format!("Implement::{i:?}")),
                            option(&v.lift, |k| format!("{k:?}")),
                            v.single_leg,
                            v.per_side,
                            option(&v.reps, u32::to_string),
                            v.novice,
                            text(&v.cue),
                        )
                    })
                    .collect();
                let variants = format!(
                    "vec![\n{}                        ]",
                    variants
                        .iter()
                        .map(|v| format!("                            {v},\n"))
                        .collect::<String>()
                );
                let fields = [
                    ("name", text(&e.name)),
                    ("family", format!("Family::{:?}", e.family)),
                    ("muscles", format!("vec![{}]", muscles.join(", "))),
                    ("main", e.main.to_string()),
                    ("optional", e.optional.to_string()),
                    ("carry", e.carry.to_string()),
                    ("sets", e.sets.to_string()),
                    ("dose", dose),
                    ("rir", option(&e.rir, u32::to_string)),
                    ("rest_seconds", e.rest_seconds.to_string()),
                    ("tempo", option(&e.tempo, |s| text(s))),
                    ("cue", text(&e.cue)),
                    ("variants", variants),
                ];
                out += "                    Exercise {\n";
                for (field, value) in fields {
                    out += &format!("                        {field}: {value},\n");
                }
                out += "                    },\n";
            }
            out += "                ],\n            },\n";
        }
        out += "        ],\n    }\n}\n";
        out
    }

    #[test]
    fn builtin_code_is_written_from_the_plans_folder() {
        let parsed = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = root.join("src/template/builtin.rs");
        let code = rust_code(&parsed);
        // Every file in plans/ is built in, and nothing else.
        let mut files: Vec<String> = std::fs::read_dir(root.join("plans"))
            .expect("plans/ is readable")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .map(|name| format!("plans/{name}"))
            .collect();
        files.sort();
        let mut builtin: Vec<String> = BUILTIN.iter().map(|(name, _)| name.to_string()).collect();
        builtin.sort();
        assert_eq!(files, builtin, "BUILTIN must list every file in plans/");
        if std::env::var("PLANNER_BLESS").as_deref() == Ok("1") {
            std::fs::write(&path, &code).expect("writes src/template/builtin.rs");
        }
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            written == code,
            "src/template/builtin.rs is not what plans/ gives; run \
             `PLANNER_BLESS=1 cargo test builtin_code` and review the diff"
        );
        // And the compiled values are the parsed ones.
        assert_eq!(Library::builtin(), &parsed);
    }

    #[test]
    fn builtin_templates_are_valid_and_cover_every_role() {
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        for role in Role::ALL {
            assert!(library.get(role).is_some(), "{}", role.name());
        }
    }

    /// Every family the week must cover, in the templates' own terms.
    fn families(template: &Template) -> Vec<Family> {
        template
            .exercises
            .iter()
            .filter(|e| !e.optional)
            .map(|e| e.family)
            .collect()
    }

    #[test]
    fn two_heavy_sessions_cover_every_family_and_muscle_between_them() {
        // A week of two heavy sessions and no light one relies on this: squat and
        // hinge emphasis, or power (squat emphasis) and hinge.
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        let get = |role| library.get(role).expect("a built-in template");
        for pair in [
            [Role::HeavySquat, Role::HeavyHinge],
            [Role::Power, Role::HeavyHinge],
        ] {
            let both: Vec<&Template> = pair.iter().map(|r| get(*r)).collect();
            let covered: Vec<Family> = both.iter().flat_map(|t| families(t)).collect();
            for family in Family::ALL.iter().filter(|f| **f != Family::Plyometric) {
                assert!(covered.contains(family), "{pair:?} miss {family}");
            }
            let muscles: Vec<Muscle> = both
                .iter()
                .flat_map(|t| &t.exercises)
                .filter(|e| !e.optional)
                .flat_map(|e| e.muscles.clone())
                .collect();
            for muscle in Muscle::ALL {
                assert!(muscles.contains(muscle), "{pair:?} miss {muscle}");
            }
        }
        // The light template can carry every family on its own.
        let light = families(get(Role::Light));
        for family in Family::ALL.iter().filter(|f| **f != Family::Plyometric) {
            assert!(light.contains(family), "light misses {family}");
        }
    }

    #[test]
    fn loaded_variants_follow_the_rules() {
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        for e in library.templates().iter().flat_map(|t| &t.exercises) {
            for v in &e.variants {
                assert_eq!(v.implement.is_some(), v.lift.is_some(), "{}", v.name);
                if let (Some(implement), Dose::Reps(reps)) = (v.implement, e.dose) {
                    let reps = v.reps.unwrap_or(reps);
                    let max = if e.main { MAIN_REPS_MAX } else { REPS_MAX };
                    assert!((REPS_MIN..=max).contains(&reps), "{}", v.name);
                    assert!(v.needs.has(implement.item()), "{}", v.name);
                    assert!(
                        e.rir.is_some_and(|q| (RIR_MIN..=RIR_MAX).contains(&q)),
                        "{}",
                        v.name
                    );
                }
                if v.needs.has(Item::Barbell) {
                    assert!(!v.novice, "{}: a novice's barbell", v.name);
                }
            }
        }
    }

    #[test]
    fn every_exercise_works_with_body_weight_alone_or_says_what_it_needs() {
        // With nothing but body weight, only the families that need a box or bench
        // (step-ups) or a band or cable (the Pallof press) go without a variant.
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        for t in library.templates() {
            for e in &t.exercises {
                for novice in [false, true] {
                    let none = e.variant(Equipment::NONE, novice).is_none();
                    assert_eq!(
                        none,
                        matches!(e.family, Family::StepUp | Family::PallofPress),
                        "{} {} novice {novice}",
                        t.role.name(),
                        e.name
                    );
                }
            }
        }
    }

    #[test]
    fn no_cue_is_shared_by_two_exercises_or_variants() {
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for e in library.templates().iter().flat_map(|t| &t.exercises) {
            let cues = std::iter::once((e.cue.as_str(), e.name.as_str()))
                .chain(e.variants.iter().map(|v| (v.cue.as_str(), v.name.as_str())));
            for (cue, name) in cues {
                assert!(!cue.is_empty(), "{name} has no cue");
                if let Some((_, other)) = seen.iter().find(|(c, _)| *c == cue) {
                    panic!("{name} and {other} share the cue \"{cue}\"");
                }
                seen.push((cue, name));
            }
        }
    }

    const SQUAT: &str = "role = \"heavy-squat\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"Squat\"\nfamily = \"squat\"\nmuscles = [\"quads\"]\nmain = true\nsingle_leg = true\nsets = 3\nreps = 5\nrir = 2\nrest_seconds = 60\ncue = \"c\"\n";

    #[test]
    fn template_errors_point_at_the_value() {
        let text = SQUAT.replace("family = \"squat\"", "family = \"squatt\"")
            + "variants = [ { name = \"Squat\", cue = \"v\" } ]\n";
        let d = Template::parse(&text).expect_err("bad family");
        assert_eq!(d.message, "unknown family \"squatt\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"squat\"?"));
        assert_eq!(&text[d.span.expect("span")], "\"squatt\"");
        let text = format!(
            "{SQUAT}variants = [ {{ name = \"Goblet\", needs = [\"dumbell\"], cue = \"v\" }} ]\n"
        );
        let d = Template::parse(&text).expect_err("bad equipment");
        assert_eq!(d.message, "unknown equipment \"dumbell\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"dumbbells\"?"));
        assert_eq!(&text[d.span.expect("span")], "\"dumbell\"");
    }

    #[test]
    fn a_coach_gives_variants_with_what_they_need() {
        let text = format!(
            "{SQUAT}variants = [\n  {{ name = \"Goblet squat\", needs = [\"kettlebell\"], implement = \"kettlebell\", lift = \"goblet_squat\", cue = \"a\" }},\n  {{ name = \"Pistol\", cue = \"b\" }},\n]\n"
        );
        let t = Template::parse(&text).unwrap_or_else(|d| panic!("{}", d.message));
        let e = &t.exercises[0];
        let home = Equipment::of(Item::Kettlebell);
        assert_eq!(
            e.variant(home, false).map(|v| v.name.as_str()),
            Some("Goblet squat")
        );
        assert_eq!(
            e.variant(Equipment::NONE, false).map(|v| v.name.as_str()),
            Some("Pistol")
        );
        // A loaded variant must hold what it is loaded with, and name its lift.
        let wrong = text.replace("needs = [\"kettlebell\"], ", "");
        assert_eq!(
            Template::parse(&wrong).expect_err("no kettlebell").message,
            "\"Goblet squat\" is loaded with a kettlebell, so it needs \"kettlebell\""
        );
        let no_lift = text.replace("lift = \"goblet_squat\", ", "");
        assert!(
            Template::parse(&no_lift)
                .expect_err("no lift")
                .message
                .contains("gives both implement and lift")
        );
    }

    #[test]
    fn loaded_accessories_over_eight_reps_are_refused() {
        let text = "role = \"heavy-squat\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"Lunge\"\nfamily = \"lunge\"\nmuscles = [\"quads\"]\nsingle_leg = true\nsets = 3\nreps = 10\nrir = 2\nrest_seconds = 60\ncue = \"c\"\nvariants = [ { name = \"Lunge\", needs = [\"dumbbells\"], implement = \"dumbbells\", lift = \"reverse_lunge\", cue = \"v\" } ]\n";
        let d = Template::parse(text).expect_err("10 loaded reps");
        assert_eq!(
            d.message,
            "\"Lunge\" has 10 reps; loaded accessories take 3 to 8"
        );
    }

    #[test]
    fn light_templates_refuse_loaded_lifts_and_plyometrics() {
        let base = "role = \"light\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"X\"\nmuscles = [\"quads\"]\nsingle_leg = true\nsets = 3\nreps = 5\nrest_seconds = 60\ncue = \"c\"\n";
        let loaded = format!(
            "{base}family = \"lunge\"\nrir = 2\nvariants = [ {{ name = \"X\", needs = [\"dumbbells\"], implement = \"dumbbells\", lift = \"reverse_lunge\", cue = \"v\" }} ]\n"
        );
        assert!(
            Template::parse(&loaded)
                .expect_err("loaded")
                .message
                .contains("no loaded lift")
        );
        let jumps = format!(
            "{base}family = \"plyometric\"\nvariants = [ {{ name = \"X\", cue = \"v\" }} ]\n"
        );
        assert!(
            Template::parse(&jumps)
                .expect_err("jumps")
                .message
                .contains("power template only")
        );
    }
}
