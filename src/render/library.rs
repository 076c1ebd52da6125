//! The exercise library: every exercise of the templates, by family, with the
//! muscles it trains, what it loads from and what a novice does instead.

use std::io;

use serde::Serialize;

use crate::template::{Exercise, Family, Library};

/// One exercise of the library, merged across the templates that use it.
#[derive(Debug, Serialize)]
struct Entry {
    name: String,
    family: &'static str,
    muscles: Vec<&'static str>,
    single_leg: bool,
    lift: Option<&'static str>,
    templates: Vec<&'static str>,
    novice: Option<NoviceOut>,
}

#[derive(Debug, Serialize, PartialEq)]
struct NoviceOut {
    name: String,
    lift: Option<&'static str>,
}

fn entries(library: &Library) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for template in library.templates() {
        for exercise in &template.exercises {
            match entries.iter_mut().find(|e| e.name == exercise.name) {
                Some(entry) => entry.templates.push(template.role.name()),
                None => entries.push(entry(exercise, template.role.name())),
            }
        }
    }
    entries.sort_by(|a, b| {
        let family = |e: &Entry| Family::ALL.iter().position(|f| f.name() == e.family);
        family(a).cmp(&family(b)).then_with(|| a.name.cmp(&b.name))
    });
    entries
}

fn entry(exercise: &Exercise, template: &'static str) -> Entry {
    let novice = exercise.for_novice();
    Entry {
        name: exercise.name.clone(),
        family: exercise.family.name(),
        muscles: exercise.muscles.iter().map(|m| m.name()).collect(),
        single_leg: exercise.single_leg,
        lift: exercise.lift,
        templates: vec![template],
        novice: (novice.name != exercise.name || novice.lift != exercise.lift).then_some(
            NoviceOut {
                name: novice.name,
                lift: novice.lift,
            },
        ),
    }
}

/// Writes the library as text, grouped by family.
pub fn write_text(library: &Library, out: &mut impl io::Write) -> io::Result<()> {
    let entries = entries(library);
    for family in Family::ALL {
        let members: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.family == family.name())
            .collect();
        if members.is_empty() {
            continue;
        }
        writeln!(out, "{family}")?;
        for e in members {
            let leg = if e.single_leg { ", single-leg" } else { "" };
            writeln!(out, "  {}{leg}: {}", e.name, e.muscles.join(", "))?;
            let load = e.lift.map_or("body weight or by feel".to_owned(), |l| {
                format!("loads from {l}")
            });
            writeln!(out, "    {load}; in {}", e.templates.join(", "))?;
            if let Some(novice) = &e.novice {
                let lift = novice
                    .lift
                    .map_or(String::new(), |l| format!(" (loads from {l})"));
                writeln!(out, "    novice: {}{lift}", novice.name)?;
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
