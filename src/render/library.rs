//! The exercise library: every exercise of the templates, by family, with the
//! muscles it trains, the templates that use it, and its variants in order of
//! preference with what each needs and what it loads from.

use std::io;

use serde::Serialize;

use crate::render::lines::Lines;
use crate::render::phrases;
use crate::template::{Exercise, Family, Library};

/// One exercise of the library, merged across the templates that use it.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    name: &'a str,
    family: &'static str,
    muscles: Vec<&'static str>,
    main: bool,
    templates: Vec<&'static str>,
    cue: &'a str,
    variants: Vec<VariantOut<'a>>,
}

#[derive(Debug, Serialize, PartialEq)]
struct VariantOut<'a> {
    name: &'a str,
    /// Every item it needs.
    needs: Vec<&'static str>,
    /// And one of these, when not empty.
    needs_one_of: Vec<&'static str>,
    implement: Option<&'static str>,
    lift: Option<&'static str>,
    single_leg: bool,
    novice: bool,
    cue: &'a str,
}

fn entries(library: &Library) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for template in library.templates() {
        for exercise in &template.exercises {
            match entries
                .iter_mut()
                .find(|e| e.name == exercise.name && e.family == exercise.family.name())
            {
                Some(entry) => {
                    entry.templates.push(template.role.name());
                    for v in variants(exercise) {
                        if !entry.variants.iter().any(|w| w.name == v.name) {
                            entry.variants.push(v);
                        }
                    }
                }
                None => entries.push(entry(exercise, template.role.name())),
            }
        }
    }
    entries.sort_by(|a, b| {
        let family = |e: &Entry<'_>| Family::ALL.iter().position(|f| f.name() == e.family);
        family(a).cmp(&family(b)).then_with(|| a.name.cmp(b.name))
    });
    entries
}

fn variants(exercise: &Exercise) -> Vec<VariantOut<'_>> {
    exercise
        .variants
        .iter()
        .map(|v| VariantOut {
            name: &v.name,
            needs: v.needs.names(),
            needs_one_of: v.needs_any.names(),
            implement: v.implement.map(|i| i.name()),
            lift: v.lift,
            single_leg: v.single_leg,
            novice: v.novice,
            cue: &v.cue,
        })
        .collect()
}

fn entry<'a>(exercise: &'a Exercise, template: &'static str) -> Entry<'a> {
    Entry {
        name: &exercise.name,
        family: exercise.family.name(),
        muscles: exercise.muscles.iter().map(|m| m.name()).collect(),
        main: exercise.main,
        templates: vec![template],
        cue: &exercise.cue,
        variants: variants(exercise),
    }
}

/// Writes the library as text, grouped by family, no line wider than `width`.
pub fn write_text(library: &Library, width: usize, out: &mut impl io::Write) -> io::Result<()> {
    let entries = entries(library);
    let mut out = Lines::new(out, width, false);
    out.hang(
        "",
        2,
        &["Each exercise is done in the first variant your equipment and level allow."],
    )?;
    for family in Family::ALL {
        let members: Vec<&Entry<'_>> = entries
            .iter()
            .filter(|e| e.family == family.name())
            .collect();
        if members.is_empty() {
            continue;
        }
        out.blank()?;
        out.line(&family.to_string())?;
        for e in members {
            let main = if e.main { ", main lift" } else { "" };
            let name = format!("{}{main}:", e.name);
            out.hang("  ", 6, &[name, e.muscles.join(", ")])?;
            out.hang("    in ", 7, &[e.templates.join(", ")])?;
            for v in &e.variants {
                let mut needs = phrases::equipment(
                    v.needs
                        .iter()
                        .filter_map(|n| crate::equipment::Item::from_name(n))
                        .collect(),
                );
                if !v.needs_one_of.is_empty() {
                    let any: Vec<String> = v
                        .needs_one_of
                        .iter()
                        .filter_map(|n| crate::equipment::Item::from_name(n))
                        .map(|i| phrases::equipment(crate::equipment::Equipment::of(i)))
                        .collect();
                    let any = any.join(" or ");
                    needs = if v.needs.is_empty() {
                        any
                    } else {
                        format!("{needs} and {any}")
                    };
                }
                let needs = if needs == "body weight" {
                    "body weight only".to_owned()
                } else {
                    format!("needs {needs}")
                };
                let mut details = vec![needs];
                if let Some(lift) = v.lift {
                    details.push(format!("loads from {lift}"));
                }
                if v.single_leg {
                    details.push("single-leg".to_owned());
                }
                if !v.novice {
                    details.push("not for novices".to_owned());
                }
                let details = format!("({})", details.join("; "));
                out.hang("    - ", 6, &[v.name, details.as_str()])?;
            }
        }
    }
    Ok(())
}

/// Writes the library as a JSON array of exercises.
pub fn write_json(library: &Library, out: &mut impl io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &entries(library))?;
    writeln!(out)
}
