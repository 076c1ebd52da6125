//! The schedule file as written: structs that mirror the TOML, with spans.
//!
//! Nothing here judges the values; `parse.rs` turns these into validated domain
//! types in one place. Every value that can be wrong keeps its span so the error can
//! point at it. The document is parsed once and then read key by key: an unknown key
//! or a value of the wrong type is recorded and the next key is still read, so one
//! run reports every such error. What could not be read is left out, never guessed.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer as _, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::value::Datetime;

use crate::diagnostic::{Collector, Diagnostic};
use crate::suggest;

/// The whole file; a part that could not be read is left out.
#[derive(Debug, Default)]
pub(crate) struct RawSchedule {
    pub week_of: Option<Spanned<Datetime>>,
    pub runner: RawRunner,
    pub lifts: Entries<RawLift>,
    pub week: Entries<RawDay>,
    pub weeks: Vec<(Spanned<String>, Entries<RawWeekItem>)>,
}

/// A table whose keys are names the schedule defines (days, lifts), in file order.
pub(crate) type Entries<V> = Vec<(Spanned<String>, Spanned<V>)>;

/// `[runner]`: every key optional.
#[derive(Debug, Default)]
pub(crate) struct RawRunner {
    pub level: Option<Spanned<String>>,
    pub sessions: Option<Spanned<i64>>,
    pub session_minutes: Option<Spanned<i64>>,
    pub run_time: Option<Spanned<String>>,
    pub lift_window: Option<Spanned<Vec<Spanned<String>>>>,
    pub preferred_lift_time: Option<Spanned<String>>,
    pub units: Option<Spanned<String>>,
    pub timezone: Option<Spanned<String>>,
    pub high_volume_minutes: Option<Spanned<i64>>,
    pub heavy_max: Option<Spanned<i64>>,
    pub changeover_minutes: Option<Spanned<i64>>,
    pub hard_days: Option<Spanned<String>>,
    // Sessions v2 (issue 12): what the runner trains with.
    pub equipment: Option<Spanned<Vec<Spanned<String>>>>,
    /// Keys given with a value that could not be read: not missing, so no default
    /// may stand in for them where another check depends on the value.
    pub unreadable: Vec<&'static str>,
}

/// The keys of `[runner]`, in the order the README lists them.
pub const RUNNER_KEYS: &[&str] = &[
    "level",
    "sessions",
    "session_minutes",
    "run_time",
    "lift_window",
    "preferred_lift_time",
    "units",
    "timezone",
    "high_volume_minutes",
    "heavy_max",
    "changeover_minutes",
    "hard_days",
    "equipment",
];

/// The keys at the top of the file.
pub const TOP_KEYS: &[&str] = &["week_of", "runner", "lifts", "week", "weeks"];

/// The keys of a run or pinned-session table.
pub const ENTRY_KEYS: &[&str] = &["run", "strength", "at", "minutes", "hard", "key", "lift"];

/// The keys of a recent set under `[lifts]`.
pub const SET_KEYS: &[&str] = &["weight", "reps"];

/// A value under `[lifts]`: a 1RM, or a recent set to estimate it from.
#[derive(Debug)]
pub(crate) enum RawLift {
    OneRepMax(f64),
    Set(RawSet),
}

/// `{ weight = 80, reps = 5 }`.
#[derive(Debug)]
pub(crate) struct RawSet {
    pub weight: Spanned<f64>,
    pub reps: Spanned<i64>,
}

/// A day under `[week]`: one entry, or an array of them.
#[derive(Debug)]
pub(crate) enum RawDay {
    One(RawEntry),
    Many(Vec<Spanned<RawEntry>>),
}

/// One entry of a day: `"easy"`, a run table, or a pinned strength table.
#[derive(Debug)]
pub(crate) enum RawEntry {
    Name(String),
    Table(Box<RawEntryTable>),
}

/// `{ run = …, at, minutes, hard, lift }` or `{ strength = …, at, minutes }`; which
/// keys go together is checked in `parse.rs`, where the error can say why.
#[derive(Debug, Default)]
pub(crate) struct RawEntryTable {
    pub run: Option<Spanned<String>>,
    pub strength: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
    pub minutes: Option<Spanned<i64>>,
    pub hard: Option<Spanned<bool>>,
    pub key: Option<Spanned<bool>>,
    pub lift: Option<Spanned<bool>>,
    /// An unknown key or an unreadable value was reported: what the table lacks may
    /// be what that key meant, so a missing key is not reported again, and the entry
    /// does not join the week.
    pub damaged: bool,
}

/// A value in a `[weeks."DATE"]` table: `cutback = true`, or a day as under `[week]`.
/// Which key may hold which is checked in `parse.rs`.
#[derive(Debug)]
pub(crate) enum RawWeekItem {
    Flag(bool),
    Day(Box<RawDay>),
}

/// Reads `text` as a schedule, recording every error that does not hide another;
/// `None` when the text is not TOML at all.
pub(crate) fn read(text: &str, errors: &mut Collector) -> Option<RawSchedule> {
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            errors.push(syntax_error(text, error));
            return None;
        }
    };
    let mut raw = RawSchedule::default();
    for (key, value) in in_file_order(document.into_inner()) {
        match key.get_ref().as_str() {
            "week_of" => raw.week_of = deserialized(value, errors),
            "runner" => raw.runner = runner(value, errors),
            "lifts" => raw.lifts = entries(value, errors, lift).unwrap_or_default(),
            "week" => raw.week = entries(value, errors, day).unwrap_or_default(),
            "weeks" => {
                let tables = entries(value, errors, |value, errors| {
                    Some(entries(value, errors, week_item).unwrap_or_default())
                });
                raw.weeks = tables
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(key, table)| (key, table.into_inner()))
                    .collect();
            }
            other => errors.push(unknown_key(other, key.span(), TOP_KEYS)),
        }
    }
    Some(raw)
}

/// A key and its value, both spanned, the key as an owned string.
type Pair<'i> = (Spanned<String>, Spanned<DeValue<'i>>);

/// A spanned value and its span, apart.
fn split<T>(value: Spanned<T>) -> (T, std::ops::Range<usize>) {
    let span = value.span();
    (value.into_inner(), span)
}

/// The entries of `table` in the order the runner reads the file.
fn in_file_order(table: DeTable<'_>) -> Vec<Pair<'_>> {
    let mut pairs: Vec<Pair<'_>> = table
        .into_iter()
        .map(|(key, value)| {
            let span = key.span();
            (Spanned::new(span, key.into_inner().into_owned()), value)
        })
        .collect();
    pairs.sort_by_key(|(key, _)| key.span().start);
    pairs
}

/// A value read by serde into `T` (a scalar, possibly spanned), or its error
/// recorded; `expecting` names what was wanted, for a TOML date or time, which serde
/// would call a table.
fn leaf<'i, T: Deserialize<'i>>(
    value: Spanned<DeValue<'i>>,
    expecting: &str,
    errors: &mut Collector,
) -> Option<T> {
    if let DeValue::Datetime(datetime) = value.get_ref() {
        errors.push(not_a_datetime(*datetime, value.span(), expecting));
        return None;
    }
    deserialized(value, errors)
}

/// A value read by serde into `T`, or its error recorded.
fn deserialized<'i, T: Deserialize<'i>>(
    value: Spanned<DeValue<'i>>,
    errors: &mut Collector,
) -> Option<T> {
    errors.take(T::deserialize(ValueDeserializer::from(value)).map_err(from_toml_error))
}

/// A table whose keys the schedule names (days, lifts, weeks), each value read by
/// `read`; a value `read` cannot read is left out, its error recorded.
fn entries<'i, V>(
    value: Spanned<DeValue<'i>>,
    errors: &mut Collector,
    read: impl Fn(Spanned<DeValue<'i>>, &mut Collector) -> Option<V>,
) -> Option<Entries<V>> {
    let table = table(value, "a table", errors)?;
    let mut out = Vec::new();
    for (key, value) in in_file_order(table) {
        let span = value.span();
        if let Some(v) = read(value, errors) {
            out.push((key, Spanned::new(span, v)));
        }
    }
    Some(out)
}

/// The table `value` holds, or the error that it holds something else.
fn table<'i>(
    value: Spanned<DeValue<'i>>,
    expecting: &str,
    errors: &mut Collector,
) -> Option<DeTable<'i>> {
    match split(value) {
        (DeValue::Table(table), _) => Some(table),
        (other, span) => {
            errors.push(mismatch(Spanned::new(span, other), expecting));
            None
        }
    }
}

fn runner(value: Spanned<DeValue<'_>>, errors: &mut Collector) -> RawRunner {
    let mut runner = RawRunner::default();
    let Some(table) = table(value, "a table of runner settings", errors) else {
        return runner;
    };
    const TEXT: &str = "a string in quotes";
    const NUMBER: &str = "a whole number";
    for (key, value) in in_file_order(table) {
        let before = errors.count();
        let name = key.get_ref().as_str();
        match name {
            "level" => runner.level = leaf(value, TEXT, errors),
            "sessions" => runner.sessions = leaf(value, NUMBER, errors),
            "session_minutes" => runner.session_minutes = leaf(value, NUMBER, errors),
            "run_time" => runner.run_time = leaf(value, TEXT, errors),
            "lift_window" => runner.lift_window = strings(value, errors),
            "preferred_lift_time" => runner.preferred_lift_time = leaf(value, TEXT, errors),
            "units" => runner.units = leaf(value, TEXT, errors),
            "timezone" => runner.timezone = leaf(value, TEXT, errors),
            "high_volume_minutes" => runner.high_volume_minutes = leaf(value, NUMBER, errors),
            "heavy_max" => runner.heavy_max = leaf(value, NUMBER, errors),
            "changeover_minutes" => runner.changeover_minutes = leaf(value, NUMBER, errors),
            "hard_days" => runner.hard_days = leaf(value, TEXT, errors),
            "equipment" => runner.equipment = strings(value, errors),
            other => errors.push(unknown_key(other, key.span(), RUNNER_KEYS)),
        }
        if errors.count() > before {
            if let Some(&known) = RUNNER_KEYS.iter().find(|k| **k == name) {
                runner.unreadable.push(known);
            }
        }
    }
    runner
}

/// An array of strings (`lift_window`, `equipment`); every element that is not a
/// string is an error of its own.
fn strings(
    value: Spanned<DeValue<'_>>,
    errors: &mut Collector,
) -> Option<Spanned<Vec<Spanned<String>>>> {
    let (value, span) = split(value);
    let DeValue::Array(items) = value else {
        errors.push(mismatch(Spanned::new(span, value), "an array of strings"));
        return None;
    };
    let before = errors.count();
    let items: Vec<Spanned<String>> = items
        .into_iter()
        .filter_map(|item| leaf(item, "a string in quotes", errors))
        .collect();
    (errors.count() == before).then(|| Spanned::new(span, items))
}

fn lift(value: Spanned<DeValue<'_>>, errors: &mut Collector) -> Option<RawLift> {
    const EXPECTING: &str = "a 1RM (like 100) or a recent set (like { weight = 80, reps = 5 })";
    match value.get_ref() {
        DeValue::Integer(_) | DeValue::Float(_) => {
            leaf::<f64>(value, EXPECTING, errors).map(RawLift::OneRepMax)
        }
        DeValue::Table(_) => {
            let span = value.span();
            let table = table(value, EXPECTING, errors)?;
            let before = errors.count();
            let (mut weight, mut reps) = (None, None);
            for (key, value) in in_file_order(table) {
                match key.get_ref().as_str() {
                    "weight" => weight = leaf(value, "a number", errors),
                    "reps" => reps = leaf(value, "a whole number", errors),
                    other => errors.push(unknown_key(other, key.span(), SET_KEYS)),
                }
            }
            // A table with an unknown key most likely misspells the key it lacks.
            if errors.count() > before {
                return None;
            }
            match (weight, reps) {
                (Some(weight), Some(reps)) => Some(RawLift::Set(RawSet { weight, reps })),
                (weight, _) => {
                    let missing = if weight.is_none() { "weight" } else { "reps" };
                    errors.push(Diagnostic::new(format!("missing key \"{missing}\""), span));
                    None
                }
            }
        }
        _ => {
            errors.push(mismatch(value, EXPECTING));
            None
        }
    }
}

/// What a day may be, for the message when it is something else.
const DAY_EXPECTING: &str = "a run type (like \"easy\"), a table, or an array of them";
/// What an entry of a day's array may be.
const ENTRY_EXPECTING: &str = "a run type (like \"easy\") or a table";

/// A day: a run type, a table, or an array of them (double days).
fn day(value: Spanned<DeValue<'_>>, errors: &mut Collector) -> Option<RawDay> {
    let (value, span) = split(value);
    match value {
        DeValue::Array(items) => {
            if let Some(extra) = items.get(crate::rules::ENTRIES_PER_DAY_MAX) {
                errors.push(Diagnostic::new(
                    format!(
                        "a day holds at most {} entries",
                        crate::rules::ENTRIES_PER_DAY_MAX
                    ),
                    extra.span(),
                ));
                return None;
            }
            let entries = items
                .into_iter()
                .filter_map(|item| {
                    let span = item.span();
                    entry(item, ENTRY_EXPECTING, errors).map(|e| Spanned::new(span, e))
                })
                .collect();
            Some(RawDay::Many(entries))
        }
        other => entry(Spanned::new(span, other), DAY_EXPECTING, errors).map(RawDay::One),
    }
}

/// One entry of a day: a run type or a table.
fn entry(value: Spanned<DeValue<'_>>, expecting: &str, errors: &mut Collector) -> Option<RawEntry> {
    let (value, span) = split(value);
    match value {
        DeValue::String(name) => Some(RawEntry::Name(name.into_owned())),
        DeValue::Table(table) => Some(RawEntry::Table(Box::new(entry_table(table, errors)))),
        other => {
            errors.push(mismatch(Spanned::new(span, other), expecting));
            None
        }
    }
}

fn entry_table(table: DeTable<'_>, errors: &mut Collector) -> RawEntryTable {
    let before = errors.count();
    let mut entry = RawEntryTable::default();
    const TEXT: &str = "a string in quotes";
    const FLAG: &str = "true or false";
    for (key, value) in in_file_order(table) {
        match key.get_ref().as_str() {
            "run" => entry.run = leaf(value, TEXT, errors),
            "strength" => entry.strength = leaf(value, TEXT, errors),
            "at" => entry.at = leaf(value, TEXT, errors),
            "minutes" => entry.minutes = leaf(value, "a whole number", errors),
            "hard" => entry.hard = leaf(value, FLAG, errors),
            "key" => entry.key = leaf(value, FLAG, errors),
            "lift" => entry.lift = leaf(value, FLAG, errors),
            other => errors.push(unknown_key(other, key.span(), ENTRY_KEYS)),
        }
    }
    entry.damaged = errors.count() > before;
    entry
}

fn week_item(value: Spanned<DeValue<'_>>, errors: &mut Collector) -> Option<RawWeekItem> {
    match value.get_ref() {
        DeValue::Boolean(flag) => Some(RawWeekItem::Flag(*flag)),
        DeValue::String(_) | DeValue::Table(_) | DeValue::Array(_) => {
            day(value, errors).map(|d| RawWeekItem::Day(Box::new(d)))
        }
        _ => {
            errors.push(mismatch(
                value,
                "true or false for cutback, or a day as under [week]",
            ));
            None
        }
    }
}

/// The error for `value`, which is not `expecting`, in the words serde would use and
/// [`from_toml_error`] turns into the planner's.
fn mismatch(value: Spanned<DeValue<'_>>, expecting: &str) -> Diagnostic {
    /// A visitor that accepts nothing: every value is the wrong type.
    struct Expecting<'a>(&'a str);
    impl<'de> Visitor<'de> for Expecting<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }
    let span = value.span();
    if let DeValue::Datetime(datetime) = value.get_ref() {
        return not_a_datetime(*datetime, span, expecting);
    }
    match ValueDeserializer::from(value).deserialize_any(Expecting(expecting)) {
        Err(error) => from_toml_error(error),
        Ok(()) => Diagnostic::new(format!("expected {expecting}"), span),
    }
}

/// The error for a TOML date or time where `expecting` goes: serde would see a table.
fn not_a_datetime(datetime: Datetime, span: std::ops::Range<usize>, expecting: &str) -> Diagnostic {
    let found = match (datetime.date, datetime.time) {
        (Some(_), None) => "date",
        (None, Some(_)) => "time",
        _ => "date-time",
    };
    let help = match (datetime.date, datetime.time) {
        // TOML reads `at = 07:00` as a time of day; the schedule wants it in quotes.
        (None, Some(time)) if expecting == "a string in quotes" => Some(format!(
            "write the time in quotes: \"{:02}:{:02}\"",
            time.hour, time.minute
        )),
        _ => None,
    };
    Diagnostic::new(
        format!("expected {expecting}, found {found} `{datetime}`"),
        span,
    )
    .with_help(help)
}

/// A TOML syntax error in the planner's words: an impossible date says why.
fn syntax_error(text: &str, error: toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    if error.message().starts_with("invalid date, expected") {
        let literal = text.get(span.start..).unwrap_or("");
        let literal = literal.get(..10).unwrap_or(literal);
        if let Some(why) = crate::date::why_not_a_date(literal) {
            return Diagnostic::new(format!("{literal} does not exist: {why}"), span);
        }
    }
    from_toml_error(error)
}

/// The error for an unknown key in a table whose keys are `known`, with the key the
/// runner most likely meant.
pub(crate) fn unknown_key(key: &str, span: std::ops::Range<usize>, known: &[&str]) -> Diagnostic {
    // Words runners reach for that mean a key the file format names otherwise.
    let alias = match key {
        "time" | "start" | "starts" | "when" => Some("at"),
        "duration" | "length" | "mins" | "min" => Some("minutes"),
        "type" | "kind" => Some("run"),
        _ => None,
    };
    let help = alias
        .filter(|a| known.contains(a))
        .map(|a| format!("did you mean \"{a}\"?"))
        .or_else(|| suggest::hint(key, known.iter().copied()))
        .or_else(|| (!known.is_empty()).then(|| format!("known keys: {}", known.join(", "))));
    Diagnostic::new(format!("unknown key \"{key}\""), span).with_help(help)
}

/// Turns a `toml` error into a diagnostic in the planner's words.
pub(crate) fn from_toml_error(error: toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim_end_matches('.').trim().to_owned();
    // serde's unknown-field message lists the keys it expected: name the closest.
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return unknown_key(key, span, &known);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::new(format!("missing key \"{key}\""), span);
    }
    // A whole number past 64 bits: serde names the type it wanted, a runner needs not.
    if let Some(rest) = message.strip_prefix("invalid value: integer `") {
        if let Some((number, _)) = rest.split_once('`') {
            return Diagnostic::new(
                format!("{number} is too large for a whole number here"),
                span,
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let expected = match expected {
                "i64" | "u64" | "i32" | "u32" | "u8" => "a whole number",
                "f64" => "a number",
                "a boolean" | "bool" => "true or false",
                "a string" => "a string in quotes",
                "a TOML datetime" => "a date like 2026-11-30 (no quotes)",
                other => other,
            };
            let found = match found {
                "sequence" => "an array",
                // serde names the wide integer type it fell back to; a runner needs not.
                other if other.ends_with(" as i128") || other.ends_with(" as u128") => {
                    return Diagnostic::new(
                        format!(
                            "expected {expected}, found {}, too large",
                            &other[..other.len() - 8]
                        ),
                        span,
                    );
                }
                "map" => "a table",
                other => other,
            };
            return Diagnostic::new(format!("expected {expected}, found {found}"), span);
        }
    }
    Diagnostic::new(message, span)
}
