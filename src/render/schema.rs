//! The JSON Schema of each JSON output, generated from its output structs.
//!
//! `json.rs` and `check.rs` derive `JsonSchema` next to `Serialize` on the structs
//! they print, so a field added there is in the schema too; this module holds what
//! those structs share: the shapes of the strings (dates, times, names taken from the
//! code's own lists) and the writer. The schema describes the output as written, so
//! every field is required (`null` where the field allows it); unknown fields are
//! allowed, because adding a field keeps `schema` at 1.

use std::borrow::Cow;
use std::io;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::day::Day;
use crate::equipment::Item;
use crate::judge::Rule;
use crate::lift::{LIFT_KEYS, Units};
use crate::phase::Phase;
use crate::rules::RUN_TYPES;
use crate::schedule::Kind;
use crate::template::{Family, Muscle, Role};

/// The schema number of every JSON output: bumped on any change that could break a
/// script reading one; adding a field keeps it.
pub(crate) const SCHEMA: u32 = 1;

/// The schema of `T` as it is serialized, draft 2020-12, under `title`.
pub(crate) fn of<T: JsonSchema>(title: &str) -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".to_owned(), title.into());
    let mut schema = schema.to_value();
    one_line(&mut schema);
    schema
}

/// Joins the lines of every description: a `///` comment wraps at 90 columns, the
/// sentence it holds does not.
fn one_line(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => {
                        *text = text.replace('\n', " ");
                    }
                    value => one_line(value),
                }
            }
        }
        Value::Array(values) => values.iter_mut().for_each(one_line),
        _ => {}
    }
}

/// Writes `schema` as pretty-printed JSON with a final newline. Objects are written
/// with their keys sorted (serde_json's map), so the bytes never depend on the order
/// in which a generator happened to fill them.
pub fn write(schema: &Value, out: &mut impl io::Write) -> io::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(schema)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// Defines a string type for the schema only, named `$name` in `$defs`.
macro_rules! string_schema {
    ($(#[$doc:meta])* $name:ident => $schema:expr) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

/// A string that is one of `names`.
fn one_of<'a>(description: &str, names: impl IntoIterator<Item = &'a str>) -> Schema {
    let names: Vec<&str> = names.into_iter().collect();
    json_schema!({ "description": description, "type": "string", "enum": names })
}

string_schema! {
    /// `YYYY-MM-DD`.
    Date => json_schema!({
        "title": "YYYY-MM-DD",
        "description": "A calendar date.",
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    })
}

string_schema! {
    /// `YYYY-MM-DDTHH:MM`, local wall-clock time.
    LocalDateTime => json_schema!({
        "title": "YYYY-MM-DDTHH:MM",
        "description": "A local wall-clock time in the schedule's week.",
        "type": "string",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$"
    })
}

string_schema! {
    /// `HH:MM`.
    TimeOfDay => json_schema!({
        "title": "HH:MM",
        "description": "A time of day, 24-hour.",
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
    })
}

string_schema! {
    /// `mon` .. `sun`.
    DayKey => one_of("A day of the week, Monday first.", Day::KEYS)
}

string_schema! {
    /// A run type of the schedule file (never `rest`, which is no run).
    RunType => one_of(
        "A run type of the schedule file.",
        RUN_TYPES.iter().map(|r| r.name).filter(|name| *name != "rest"),
    )
}

string_schema! {
    /// `heavy` or `light`.
    SessionKind => one_of("What a strength session carries.", KINDS.map(Kind::name))
}

string_schema! {
    /// A template's role.
    Template => one_of("The role of the session's template.", Role::ALL.map(Role::name))
}

string_schema! {
    /// An exercise family.
    ExerciseFamily => one_of(
        "The family of an exercise.",
        Family::ALL.iter().map(|f| f.name()),
    )
}

string_schema! {
    /// A muscle group.
    MuscleGroup => one_of("A muscle group.", Muscle::ALL.iter().map(|m| m.name()))
}

string_schema! {
    /// A piece of equipment.
    EquipmentItem => one_of("A piece of equipment.", Item::ALL.map(Item::name))
}

string_schema! {
    /// A `[lifts]` key of the schedule file.
    LiftKey => one_of("A [lifts] key of the schedule file.", LIFT_KEYS.iter().copied())
}

string_schema! {
    /// What a day of `planner week` holds.
    DayHolds => one_of(
        "planned: a session the planner placed; pinned: one the runner fixed; none: no session.",
        ["planned", "pinned", "none"],
    )
}

string_schema! {
    /// Why a week of a block deloads.
    DeloadReason => one_of(
        "cutback: the running plan's cutback week; every_4th_week: the planner's own rhythm.",
        ["cutback", "every_4th_week"],
    )
}

string_schema! {
    /// `kg` or `lb`.
    LoadUnits => one_of("The unit of every load.", UNITS.map(Units::name))
}

string_schema! {
    /// A phase of the block.
    BlockPhase => one_of("The phase of the block.", PHASES.map(Phase::name))
}

string_schema! {
    /// A rule `check` judges by.
    CheckRule => one_of("The rule a finding is about.", RULES.map(Rule::name))
}

string_schema! {
    /// `1`, the schema number of every JSON output.
    SchemaNumber => json_schema!({
        "description": "Bumped on any change that could break a reader; adding a field keeps it.",
        "const": SCHEMA
    })
}

// The lists below have no `ALL` beside their type; the matches make a new value a
// compile error here until it is listed too.

/// Both kinds of session.
const KINDS: [Kind; 2] = [Kind::Heavy, Kind::Light];
const _: fn(Kind) = |kind| match kind {
    Kind::Heavy | Kind::Light => (),
};

/// Both units.
const UNITS: [Units; 2] = [Units::Kg, Units::Lb];
const _: fn(Units) = |units| match units {
    Units::Kg | Units::Lb => (),
};

/// Every phase, in block order.
const PHASES: [Phase; 5] = [
    Phase::Base,
    Phase::Strength,
    Phase::Power,
    Phase::Taper,
    Phase::Maintenance,
];
const _: fn(Phase) = |phase| match phase {
    Phase::Base | Phase::Strength | Phase::Power | Phase::Taper | Phase::Maintenance => (),
};

/// Every rule `check` judges.
const RULES: [Rule; 10] = [
    Rule::HardDay,
    Rule::HeavyGap,
    Rule::HeavyGapIdeal,
    Rule::OneADay,
    Rule::Length,
    Rule::Overlap,
    Rule::Count,
    Rule::Changeover,
    Rule::ConsecutiveHeavy,
    Rule::HeavyMax,
];
const _: fn(Rule) = |rule| match rule {
    Rule::HardDay
    | Rule::HeavyGap
    | Rule::HeavyGapIdeal
    | Rule::OneADay
    | Rule::Length
    | Rule::Overlap
    | Rule::Count
    | Rule::Changeover
    | Rule::ConsecutiveHeavy
    | Rule::HeavyMax => (),
};
