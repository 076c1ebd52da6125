//! The schedule file as written: serde structs that mirror the TOML, with spans.
//!
//! Nothing here judges the values; `schedule.rs` turns these into validated domain
//! types in one place. Every value that can be wrong keeps its span so the error can
//! point at it. Unknown keys are rejected here by serde.

use std::fmt;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;
use toml::value::Datetime;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a schedule table")]
pub(crate) struct RawSchedule {
    pub week_of: Option<Spanned<Datetime>>,
    pub runner: Option<RawRunner>,
    pub lifts: Option<Spanned<Entries<RawLift>>>,
    pub week: Option<Spanned<Entries<RawDay>>>,
    pub weeks: Option<Spanned<Entries<Entries<RawWeekItem>>>>,
}

/// A table whose keys are names the schedule defines (days, lifts), in file order.
#[derive(Debug)]
pub(crate) struct Entries<V>(pub Vec<(Spanned<String>, Spanned<V>)>);

/// `[runner]`: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table of runner settings")]
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
}

/// A value under `[lifts]`: a 1RM, or a recent set to estimate it from.
#[derive(Debug)]
pub(crate) enum RawLift {
    OneRepMax(f64),
    Set(RawSet),
}

/// `{ weight = 80, reps = 5 }`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { weight = 80, reps = 5 }"
)]
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
    Table(RawEntryTable),
}

/// `{ run = …, at, minutes, hard, lift }` or `{ strength = …, at, minutes }`; which
/// keys go together is checked in `schedule.rs`, where the error can say why.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { run = \"easy\", at = \"07:00\" } or { strength = \"heavy\" }"
)]
pub(crate) struct RawEntryTable {
    pub run: Option<Spanned<String>>,
    pub strength: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
    pub minutes: Option<Spanned<i64>>,
    pub hard: Option<Spanned<bool>>,
    pub key: Option<Spanned<bool>>,
    pub lift: Option<Spanned<bool>>,
}

/// A value in a `[weeks."DATE"]` table: `cutback = true`, or a day as under `[week]`.
/// Which key may hold which is checked in `schedule.rs`.
#[derive(Debug)]
pub(crate) enum RawWeekItem {
    Flag(bool),
    Day(Box<RawDay>),
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                // Report problems in the order the runner reads the file.
                entries.sort_by_key(|(key, _): &(Spanned<String>, _)| key.span().start);
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for RawLift {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LiftVisitor;
        impl<'de> Visitor<'de> for LiftVisitor {
            type Value = RawLift;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a 1RM (like 100) or a recent set (like { weight = 80, reps = 5 })")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLift, E> {
                Ok(RawLift::OneRepMax(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLift, E> {
                Ok(RawLift::OneRepMax(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawLift, E> {
                Ok(RawLift::OneRepMax(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawLift, A::Error> {
                RawSet::deserialize(MapAccessDeserializer::new(map)).map(RawLift::Set)
            }
        }
        deserializer.deserialize_any(LiftVisitor)
    }
}

impl<'de> Deserialize<'de> for RawEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(DayVisitor { allow_array: false })
            .and_then(|day| match day {
                RawDay::One(entry) => Ok(entry),
                RawDay::Many(_) => {
                    Err(de::Error::custom("a day's array cannot hold another array"))
                }
            })
    }
}

impl<'de> Deserialize<'de> for RawWeekItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = RawWeekItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true or false for cutback, or a day as under [week]")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawWeekItem, E> {
                Ok(RawWeekItem::Flag(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawWeekItem, E> {
                DAY.visit_str(v).map(|d| RawWeekItem::Day(Box::new(d)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawWeekItem, A::Error> {
                DAY.visit_map(map).map(|d| RawWeekItem::Day(Box::new(d)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawWeekItem, A::Error> {
                DAY.visit_seq(seq).map(|d| RawWeekItem::Day(Box::new(d)))
            }
        }
        const DAY: DayVisitor = DayVisitor { allow_array: true };
        deserializer.deserialize_any(ItemVisitor)
    }
}

impl<'de> Deserialize<'de> for RawDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DayVisitor { allow_array: true })
    }
}

/// Reads a day (string, table or array) or, with `allow_array` off, one entry.
struct DayVisitor {
    allow_array: bool,
}

impl<'de> Visitor<'de> for DayVisitor {
    type Value = RawDay;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.allow_array {
            f.write_str("a run type (like \"easy\"), a table, or an array of them")
        } else {
            f.write_str("a run type (like \"easy\") or a table")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDay, E> {
        Ok(RawDay::One(RawEntry::Name(v.to_owned())))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawDay, A::Error> {
        RawEntryTable::deserialize(MapAccessDeserializer::new(map))
            .map(|table| RawDay::One(RawEntry::Table(table)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawDay, A::Error> {
        if !self.allow_array {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut entries = Vec::new();
        while let Some(entry) = seq.next_element::<Spanned<RawEntry>>()? {
            if entries.len() == crate::rules::ENTRIES_PER_DAY_MAX {
                return Err(de::Error::custom(format_args!(
                    "a day holds at most {} entries",
                    crate::rules::ENTRIES_PER_DAY_MAX
                )));
            }
            entries.push(entry);
        }
        Ok(RawDay::Many(entries))
    }
}
