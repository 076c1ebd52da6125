//! Equipment: what the runner can train with, as a small set of named items.
//!
//! Body weight is always there and is not an item: an empty set means body weight
//! only. Templates say what each exercise variant needs with the same set, so
//! "may the runner do this variant" is one bit test.

use std::fmt;

use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::suggest;

/// One piece of equipment a schedule may list under `[runner] equipment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A barbell with a rack and plates.
    Barbell,
    /// A pair of dumbbells (or an adjustable set).
    Dumbbells,
    /// At least one kettlebell.
    Kettlebell,
    /// A flat bench.
    Bench,
    /// A plyo box or a sturdy step.
    Box,
    /// A resistance band with an anchor.
    Band,
    /// A cable machine.
    Cable,
}

impl Item {
    /// Every item, in the order the SPEC lists them.
    pub const ALL: [Item; 7] = [
        Item::Barbell,
        Item::Dumbbells,
        Item::Kettlebell,
        Item::Bench,
        Item::Box,
        Item::Band,
        Item::Cable,
    ];

    /// The name used in schedule and template files, and in output.
    pub fn name(self) -> &'static str {
        match self {
            Item::Barbell => "barbell",
            Item::Dumbbells => "dumbbells",
            Item::Kettlebell => "kettlebell",
            Item::Bench => "bench",
            Item::Box => "box",
            Item::Band => "band",
            Item::Cable => "cable",
        }
    }

    /// The item a name stands for.
    pub fn from_name(name: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|i| i.name() == name)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`Item`]s: what a runner has, or what a variant needs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Equipment(u8);

impl Equipment {
    /// Body weight only.
    pub const NONE: Equipment = Equipment(0);
    /// Every item: what a runner who does not say has (a gym).
    pub const ALL: Equipment = Equipment(0b111_1111);

    /// The set holding just `item`.
    pub fn of(item: Item) -> Equipment {
        Equipment(item.bit())
    }

    /// This set with `item` added.
    pub fn with(self, item: Item) -> Equipment {
        Equipment(self.0 | item.bit())
    }

    /// Whether `item` is in the set.
    pub fn has(self, item: Item) -> bool {
        self.0 & item.bit() != 0
    }

    /// Whether every item of `needs` is in this set.
    pub fn covers(self, needs: Equipment) -> bool {
        needs.0 & !self.0 == 0
    }

    /// Whether the two sets share an item.
    pub fn meets(self, other: Equipment) -> bool {
        self.0 & other.0 != 0
    }

    /// This set without the items of `other`.
    pub fn without(self, other: Equipment) -> Equipment {
        Equipment(self.0 & !other.0)
    }

    /// Whether the set is empty (body weight only).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The items, in [`Item::ALL`] order.
    pub fn items(self) -> impl Iterator<Item = Item> {
        Item::ALL.into_iter().filter(move |i| self.has(*i))
    }

    /// The items' names, in [`Item::ALL`] order.
    pub fn names(self) -> Vec<&'static str> {
        self.items().map(Item::name).collect()
    }
}

impl FromIterator<Item> for Equipment {
    fn from_iter<I: IntoIterator<Item = Item>>(iter: I) -> Equipment {
        iter.into_iter().fold(Equipment::NONE, Equipment::with)
    }
}

impl fmt::Debug for Equipment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

/// Reads a list of item names (`["dumbbells", "bench"]`) from a schedule or template
/// file. Naming an item twice is allowed and changes nothing: it is a set. An unknown
/// name is an error pointing at it, with the closest name as a hint.
pub(crate) fn from_names(names: &[Spanned<String>]) -> Result<Equipment, Diagnostic> {
    let mut set = Equipment::NONE;
    for name in names {
        let Some(item) = Item::from_name(name.get_ref()) else {
            let known = Item::ALL.map(Item::name);
            return Err(Diagnostic::new(
                format!("unknown equipment \"{}\"", name.get_ref()),
                name.span(),
            )
            .with_help(
                suggest::hint(name.get_ref(), known)
                    .or_else(|| Some(format!("equipment: {}", known.join(", ")))),
            ));
        };
        set = set.with(item);
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_distinct() {
        for item in Item::ALL {
            assert_eq!(Item::from_name(item.name()), Some(item));
        }
        assert_eq!(Item::from_name("kettlebells"), None);
        assert_eq!(Equipment::ALL.items().count(), Item::ALL.len());
    }

    #[test]
    fn a_set_covers_what_it_holds_and_nothing_more() {
        let home: Equipment = [Item::Dumbbells, Item::Bench].into_iter().collect();
        assert!(home.covers(Equipment::NONE));
        assert!(home.covers(Equipment::of(Item::Dumbbells)));
        assert!(!home.covers(Equipment::of(Item::Dumbbells).with(Item::Box)));
        assert!(home.meets(Equipment::of(Item::Box).with(Item::Bench)));
        assert!(!home.meets(Equipment::of(Item::Band).with(Item::Cable)));
        assert_eq!(home.names(), ["dumbbells", "bench"]);
        assert_eq!(format!("{home:?}"), "{\"dumbbells\", \"bench\"}");
        assert!(Equipment::ALL.without(Equipment::ALL).is_empty());
    }

    fn runner_equipment(text: &str) -> Result<Equipment, Diagnostic> {
        crate::Schedule::parse(text, crate::Overrides::default())
            .map(|s| s.runner.equipment)
            .map_err(|d| d.first().clone())
    }

    #[test]
    fn a_schedule_lists_its_equipment_and_has_everything_by_default() {
        assert_eq!(runner_equipment(""), Ok(Equipment::ALL));
        assert_eq!(
            runner_equipment("[runner]\nequipment = []\n"),
            Ok(Equipment::NONE)
        );
        let twice = "[runner]\nequipment = [\"dumbbells\", \"band\", \"dumbbells\"]\n";
        assert_eq!(
            runner_equipment(twice),
            Ok(Equipment::of(Item::Dumbbells).with(Item::Band))
        );
    }

    #[test]
    fn unknown_equipment_is_an_error_at_the_name_with_a_hint() {
        let text = "[runner]\nequipment = [\"bench\", \"kettlebells\"]\n";
        let d = runner_equipment(text).expect_err("a typo");
        assert_eq!(d.message, "unknown equipment \"kettlebells\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"kettlebell\"?"));
        assert_eq!(&text[d.span.expect("a span")], "\"kettlebells\"");
        let d = runner_equipment("[runner]\nequipment = [\"treadmill\"]\n").expect_err("unknown");
        assert_eq!(
            d.help.as_deref(),
            Some("equipment: barbell, dumbbells, kettlebell, bench, box, band, cable")
        );
    }
}
