//! The serde mirror of a template file: every value with its span, checked by
//! `parse.rs` before anything else sees it.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a template table")]
pub(super) struct RawTemplate {
    pub(super) role: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) warmup_minutes: Spanned<i64>,
    pub(super) exercises: Spanned<Vec<Spanned<RawExercise>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an exercise table")]
pub(super) struct RawExercise {
    pub(super) name: Spanned<String>,
    pub(super) family: Spanned<String>,
    pub(super) muscles: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) main: bool,
    #[serde(default)]
    pub(super) single_leg: bool,
    #[serde(default)]
    pub(super) per_side: bool,
    #[serde(default)]
    pub(super) optional: bool,
    #[serde(default)]
    pub(super) carry: bool,
    pub(super) sets: Spanned<i64>,
    pub(super) reps: Option<Spanned<i64>>,
    pub(super) seconds: Option<Spanned<i64>>,
    pub(super) rir: Option<Spanned<i64>>,
    pub(super) rest_seconds: Spanned<i64>,
    pub(super) tempo: Option<Spanned<String>>,
    pub(super) cue: Spanned<String>,
    pub(super) variants: Spanned<Vec<Spanned<RawVariant>>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { name = \"Goblet squat\", needs = [\"dumbbells\"], cue = \"...\" }"
)]
pub(super) struct RawVariant {
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) needs: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) needs_any: Vec<Spanned<String>>,
    pub(super) implement: Option<Spanned<String>>,
    pub(super) lift: Option<Spanned<String>>,
    pub(super) single_leg: Option<bool>,
    pub(super) per_side: Option<bool>,
    pub(super) reps: Option<Spanned<i64>>,
    pub(super) novice: Option<bool>,
    pub(super) cue: Spanned<String>,
}
