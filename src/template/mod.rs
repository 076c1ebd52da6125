//! Session templates: the exercises of a heavy, power or light session, as data.
//!
//! Templates are TOML files under `plans/`; `--plans DIR` reads a coach's own with the
//! same validation and the same error quality as schedule files. A [`Library`] holds
//! one template per [`Role`].
//!
//! This module holds the types and the [`Library`]; `raw.rs` mirrors a file for
//! serde and `parse.rs` checks it into a [`Template`]. The built-in templates are
//! compiled into the binary as Rust values (`builtin.rs`), written from `plans/` by
//! the test-only `codegen.rs`, whose test fails whenever the two disagree. Parsing the
//! TOML at every start cost about 730 000 instructions, a third of a whole
//! `planner week` process (issue 6).

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::diagnostic::Source;
use crate::equipment::{Equipment, Item};
use crate::lift::Implement;

#[cfg(test)]
mod codegen;
mod parse;
mod raw;

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
    pub exercises: Vec<Arc<Exercise>>,
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
        include_str!("../../plans/heavy-squat.toml"),
    ),
    (
        "plans/heavy-hinge.toml",
        include_str!("../../plans/heavy-hinge.toml"),
    ),
    ("plans/power.toml", include_str!("../../plans/power.toml")),
    ("plans/light.toml", include_str!("../../plans/light.toml")),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{MAIN_REPS_MAX, REPS_MAX, REPS_MIN, RIR_MAX, RIR_MIN};

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
