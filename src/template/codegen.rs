//! Writes `builtin.rs` from the parsed `plans/` folder, and checks that the compiled
//! values are what the files give. Test-only: the binary carries the values, not
//! the generator.

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
            let muscles: Vec<String> = e.muscles.iter().map(|m| format!("Muscle::{m:?}")).collect();
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
            out += "                    Arc::new(Exercise {\n";
            for (field, value) in fields {
                out += &format!("                        {field}: {value},\n");
            }
            out += "                    }),\n";
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
