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
use crate::lift::LIFT_KEYS;
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

/// One exercise of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// What the runner sees.
    pub name: String,
    /// Its family.
    pub family: Family,
    /// The muscles it trains.
    pub muscles: Vec<Muscle>,
    /// A main lift (squat, deadlift, hip thrust): 3–6 reps, never trimmed.
    pub main: bool,
    /// One leg at a time: the sets are per leg.
    pub single_leg: bool,
    /// One side at a time (side plank, Pallof press): the sets are per side.
    pub per_side: bool,
    /// The first to go when the session runs long.
    pub optional: bool,
    /// Sets.
    pub sets: u32,
    /// Reps or seconds per set.
    pub dose: Dose,
    /// Reps in reserve, for loaded sets.
    pub rir: Option<u32>,
    /// Rest after each set.
    pub rest_seconds: u32,
    /// The `[lifts]` key its load comes from, if it is loaded from 1RM.
    pub lift: Option<&'static str>,
    /// Tempo, where it matters (`3-1-1`: seconds down, pause, up).
    pub tempo: Option<String>,
    /// A one-line coaching cue.
    pub cue: String,
    /// What a novice does instead, if anything differs.
    pub novice: Option<Variant>,
}

/// A novice's version of an exercise: the fields that differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Another name (a goblet or bodyweight variant).
    pub name: Option<String>,
    /// Another lift key, or `Some(None)` for no load from 1RM.
    pub lift: Option<Option<&'static str>>,
    /// Other reps.
    pub reps: Option<u32>,
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
    sets: Spanned<i64>,
    reps: Option<Spanned<i64>>,
    seconds: Option<Spanned<i64>>,
    rir: Option<Spanned<i64>>,
    rest_seconds: Spanned<i64>,
    lift: Option<Spanned<String>>,
    tempo: Option<Spanned<String>>,
    cue: Spanned<String>,
    novice: Option<Spanned<RawVariant>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { name = \"Goblet squat\", lift = \"goblet_squat\" }"
)]
struct RawVariant {
    name: Option<Spanned<String>>,
    lift: Option<Spanned<String>>,
    from_1rm: Option<Spanned<bool>>,
    reps: Option<Spanned<i64>>,
}

impl Template {
    /// Parses and validates one template file's text.
    pub fn parse(text: &str) -> Result<Template, Diagnostic> {
        let raw: RawTemplate = toml::from_str(text).map_err(crate::schedule::from_toml_error)?;
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
        if !self.exercises.iter().any(|e| e.single_leg && !e.optional) {
            return fail(
                "every session needs a single-leg exercise that is not optional".to_owned(),
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
                Dose::Reps(reps) => e.sets * reps,
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
    let lift = raw.lift.as_ref().map(lift_key).transpose()?;
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
    let exercise = Exercise {
        name: raw.name.get_ref().clone(),
        family,
        muscles,
        main: raw.main,
        single_leg: raw.single_leg,
        per_side: raw.per_side,
        optional: raw.optional,
        sets: bounded(&raw.sets, "sets", 1..=TEMPLATE_SETS_MAX)?,
        dose,
        rir,
        rest_seconds: bounded(
            &raw.rest_seconds,
            "rest_seconds",
            0..=TEMPLATE_REST_SECONDS_MAX,
        )?,
        lift,
        tempo: raw.tempo.map(Spanned::into_inner),
        cue: raw.cue.get_ref().clone(),
        novice: None,
    };
    check_exercise(&exercise, role, span.clone())?;
    let novice = match raw.novice {
        None => None,
        Some(variant) => {
            let variant_span = variant.span();
            let variant = variant.into_inner();
            let lift = match (
                &variant.lift,
                variant.from_1rm.as_ref().map(|f| *f.get_ref()),
            ) {
                (Some(_), Some(false)) => {
                    return Err(Diagnostic::new(
                        "a variant with from_1rm = false has no lift",
                        variant_span,
                    ));
                }
                (Some(key), _) => Some(Some(lift_key(key)?)),
                (None, Some(false)) => Some(None),
                (None, _) => None,
            };
            let reps = variant
                .reps
                .as_ref()
                .map(|r| bounded(r, "reps", 1..=TEMPLATE_REPS_MAX))
                .transpose()?;
            let variant = Variant {
                name: variant.name.map(Spanned::into_inner),
                lift,
                reps,
            };
            let mut as_novice = exercise.clone();
            as_novice.novice = Some(variant.clone());
            check_exercise(&as_novice.for_novice(), role, variant_span)?;
            Some(variant)
        }
    };
    Ok(Exercise { novice, ..exercise })
}

/// The load rules of one exercise, as written or as a novice does it.
fn check_exercise(e: &Exercise, role: Role, span: Range<usize>) -> Result<(), Diagnostic> {
    let fail = |message: String| Err(Diagnostic::new(message, span.clone()));
    if e.main && e.lift.is_none() && e.novice.is_none() {
        return fail(format!(
            "main lift \"{}\" needs the lift it loads from",
            e.name
        ));
    }
    if role == Role::Light && (e.main || e.lift.is_some()) {
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
    if e.lift.is_some() {
        let Dose::Reps(reps) = e.dose else {
            return fail(format!(
                "\"{}\" is loaded from 1RM, so it needs reps, not seconds",
                e.name
            ));
        };
        let max = if e.main { MAIN_REPS_MAX } else { REPS_MAX };
        if !(REPS_MIN..=max).contains(&reps) {
            return fail(format!(
                "\"{}\" has {reps} reps; loaded {} take {REPS_MIN} to {max}",
                e.name,
                if e.main { "main lifts" } else { "accessories" }
            ));
        }
        if e.rir.is_none() {
            return fail(format!(
                "\"{}\" is loaded, so it needs rir (reps in reserve, 1 or 2)",
                e.name
            ));
        }
    }
    Ok(())
}

impl Exercise {
    /// The exercise as a novice does it: the variant's changes applied.
    pub fn for_novice(&self) -> Exercise {
        let Some(variant) = &self.novice else {
            return self.clone();
        };
        let mut e = self.clone();
        if let Some(name) = &variant.name {
            e.name = name.clone();
        }
        if let Some(lift) = variant.lift {
            e.lift = lift;
        }
        if let Some(reps) = variant.reps {
            e.dose = Dose::Reps(reps);
        }
        e
    }

    /// Whether the load of a set comes from a percentage of 1RM.
    pub fn loaded(&self) -> bool {
        self.lift.is_some()
    }
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
                let novice = option(&e.novice, |v| {
                    format!(
                        "Variant {{ name: {}, lift: {}, reps: {} }}",
                        option(&v.name, |n| text(n)),
                        option(&v.lift, |l| option(l, |k| format!("{k:?}"))),
                        option(&v.reps, u32::to_string),
                    )
                });
                let fields = [
                    ("name", text(&e.name)),
                    ("family", format!("Family::{:?}", e.family)),
                    ("muscles", format!("vec![{}]", muscles.join(", "))),
                    ("main", e.main.to_string()),
                    ("single_leg", e.single_leg.to_string()),
                    ("per_side", e.per_side.to_string()),
                    ("optional", e.optional.to_string()),
                    ("sets", e.sets.to_string()),
                    ("dose", dose),
                    ("rir", option(&e.rir, u32::to_string)),
                    ("rest_seconds", e.rest_seconds.to_string()),
                    ("lift", option(&e.lift, |k| format!("{k:?}"))),
                    ("tempo", option(&e.tempo, |s| text(s))),
                    ("cue", text(&e.cue)),
                    ("novice", novice),
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

    #[test]
    fn every_builtin_template_trains_every_muscle_but_squat_days_hamstrings() {
        // Weekly coverage relies on this: heavy-squat leaves hamstrings to the others.
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        for template in library.templates() {
            let trained: Vec<Muscle> = template
                .exercises
                .iter()
                .filter(|e| !e.optional)
                .flat_map(|e| e.muscles.clone())
                .collect();
            for muscle in Muscle::ALL {
                let expected =
                    !(template.role == Role::HeavySquat && *muscle == Muscle::Hamstrings);
                assert_eq!(
                    trained.contains(muscle),
                    expected,
                    "{} {muscle}",
                    template.role.name()
                );
            }
        }
    }

    #[test]
    fn loaded_reps_follow_the_rules() {
        let library = Library::parse_builtin().unwrap_or_else(|e| panic!("{e}"));
        for e in library.templates().iter().flat_map(|t| &t.exercises) {
            for e in [e.clone(), e.for_novice()] {
                if let (Some(_), Dose::Reps(reps)) = (e.lift, e.dose) {
                    let max = if e.main { MAIN_REPS_MAX } else { REPS_MAX };
                    assert!((REPS_MIN..=max).contains(&reps), "{}", e.name);
                    assert!(
                        e.rir.is_some_and(|q| (RIR_MIN..=RIR_MAX).contains(&q)),
                        "{}",
                        e.name
                    );
                }
            }
        }
    }

    #[test]
    fn template_errors_point_at_the_value() {
        let text = "role = \"heavy-squat\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"Squat\"\nfamily = \"squatt\"\nmuscles = [\"quads\"]\nsets = 3\nreps = 5\nrest_seconds = 60\ncue = \"c\"\n";
        let d = Template::parse(text).expect_err("bad family");
        assert_eq!(d.message, "unknown family \"squatt\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"squat\"?"));
        assert_eq!(&text[d.span.expect("span")], "\"squatt\"");
    }

    #[test]
    fn loaded_accessories_over_eight_reps_are_refused() {
        let text = "role = \"heavy-squat\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"Lunge\"\nfamily = \"lunge\"\nmuscles = [\"quads\"]\nsingle_leg = true\nsets = 3\nreps = 10\nrir = 2\nrest_seconds = 60\nlift = \"reverse_lunge\"\ncue = \"c\"\n";
        let d = Template::parse(text).expect_err("10 loaded reps");
        assert_eq!(
            d.message,
            "\"Lunge\" has 10 reps; loaded accessories take 3 to 8"
        );
    }

    #[test]
    fn light_templates_refuse_loaded_lifts_and_plyometrics() {
        let base = "role = \"light\"\ntitle = \"t\"\nwarmup_minutes = 5\n[[exercises]]\nname = \"X\"\nmuscles = [\"quads\"]\nsingle_leg = true\nsets = 3\nreps = 5\nrest_seconds = 60\ncue = \"c\"\n";
        let loaded = format!("{base}family = \"lunge\"\nrir = 2\nlift = \"reverse_lunge\"\n");
        assert!(
            Template::parse(&loaded)
                .expect_err("loaded")
                .message
                .contains("no loaded lift")
        );
        let jumps = format!("{base}family = \"plyometric\"\n");
        assert!(
            Template::parse(&jumps)
                .expect_err("jumps")
                .message
                .contains("power template only")
        );
    }
}
