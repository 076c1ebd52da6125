//! `planner schema`: the JSON Schema of each JSON output, generated from its output
//! structs, the same bytes on every run, and every golden JSON output valid against it.

use serde_json::{Value, json};

use crate::util::{golden, planner, root};

/// The outputs that have a schema.
const OUTPUTS: [&str; 3] = ["week", "block", "check"];

/// `planner schema OUTPUT`, parsed.
fn schema(output: &str) -> Value {
    let outcome = planner(["schema", output]).run().code(0).stderr("");
    serde_json::from_str(&outcome.stdout).expect("the schema is JSON")
}

/// A validator of `output`'s schema that checks formats (dates) too.
fn validator(output: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(output))
        .unwrap_or_else(|e| panic!("the {output} schema does not compile: {e}"))
}

/// Every error `validator` finds in `document`, one a line with its place.
fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn each_schema_is_the_same_on_every_run_and_matches_its_reviewed_copy() {
    for output in OUTPUTS {
        let first = planner(["schema", output]).run().code(0).stderr("").stdout;
        let second = planner(["schema", output]).run().code(0).stdout;
        assert_eq!(first, second, "{output}: two runs differ");
        golden(&format!("tests/schema/{output}.schema.json"), &first);
    }
}

#[test]
fn each_schema_is_a_valid_draft_2020_12_schema_with_a_title() {
    for output in OUTPUTS {
        let schema = schema(output);
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{output}: not a valid JSON Schema: {e}");
        }
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(
            schema["title"],
            format!("planner {output} --format json").as_str()
        );
    }
}

/// The schema a golden JSON file is an output of, by its name.
fn output_of(file: &str) -> &'static str {
    if file.ends_with(".block.json") {
        "block"
    } else if file.ends_with(".check.json") {
        "check"
    } else {
        "week"
    }
}

#[test]
fn every_golden_json_output_is_valid_against_its_schema() {
    let validators: Vec<(&str, jsonschema::Validator)> =
        OUTPUTS.iter().map(|o| (*o, validator(o))).collect();
    let mut counted = [0; 3];
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/golden"))
        .expect("tests/golden exists")
        .map(|entry| entry.expect("tests/golden is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .into_owned();
        let output = output_of(&name);
        let text = std::fs::read_to_string(&path).expect("golden file is readable");
        let document: Value = serde_json::from_str(&text).expect("golden file is JSON");
        let (i, (_, validator)) = validators
            .iter()
            .enumerate()
            .find(|(_, (o, _))| *o == output)
            .expect("a validator for each output");
        let found = errors(validator, &document);
        assert!(
            found.is_empty(),
            "{name} against the {output} schema:\n{}",
            found.join("\n")
        );
        counted[i] += 1;
    }
    assert!(counted[0] >= 10, "week goldens: {}", counted[0]);
    assert!(counted[1] >= 4, "block goldens: {}", counted[1]);
    assert!(counted[2] >= 1, "check goldens: {}", counted[2]);
}

/// `document` with the value at `pointer` replaced by `value`, or removed for `None`.
fn broken(document: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut document = document.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a key");
    let parent = document
        .pointer_mut(parent)
        .expect("the pointer names a place");
    match (parent, value) {
        (Value::Object(map), None) => {
            map.remove(key).expect("the key is there");
        }
        (Value::Object(map), Some(value)) => {
            *map.get_mut(key).expect("the key is there") = value;
        }
        (Value::Array(items), Some(value)) => {
            items[key.parse::<usize>().expect("an index")] = value;
        }
        (other, value) => panic!("cannot break {other} with {value:?}"),
    }
    document
}

fn golden_json(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/golden").join(name))
        .expect("golden file is readable");
    serde_json::from_str(&text).expect("golden file is JSON")
}

#[test]
fn the_schemas_refuse_broken_documents() {
    let cases: [(&str, &str, &str, Option<Value>); 12] = [
        ("week", "base-week.json", "/sessions", None),
        ("week", "base-week.json", "/schema", Some(json!(2))),
        (
            "week",
            "base-week.json",
            "/week_of",
            Some(json!("30 Nov 2026")),
        ),
        (
            "week",
            "base-week.json",
            "/sessions_target",
            Some(json!("3")),
        ),
        (
            "week",
            "base-week.json",
            "/sessions/0/kind",
            Some(json!("medium")),
        ),
        (
            "week",
            "base-week.json",
            "/sessions/0/start",
            Some(json!("18:00")),
        ),
        (
            "week",
            "base-week.json",
            "/runs/0/type",
            Some(json!("rest")),
        ),
        (
            "week",
            "base-week.json",
            "/sessions/0/exercises/0/family",
            Some(json!("curl")),
        ),
        (
            "week",
            "base-week.json",
            "/days/0/day",
            Some(json!("monday")),
        ),
        (
            "block",
            "marathon-build.block.json",
            "/weeks/0/phase",
            Some(json!("peak")),
        ),
        (
            "check",
            "club-nights.check.json",
            "/2/errors/0/line",
            Some(json!(0)),
        ),
        ("check", "club-nights.check.json", "/0/errors", None),
    ];
    for (output, file, pointer, value) in cases {
        let validator = validator(output);
        let document = golden_json(file);
        assert!(
            errors(&validator, &document).is_empty(),
            "{file} is valid as it is"
        );
        let broken = broken(&document, pointer, value.clone());
        assert!(
            !errors(&validator, &broken).is_empty(),
            "{file} with {pointer} = {value:?} passed the {output} schema"
        );
    }
}

#[test]
fn an_added_field_keeps_a_document_valid() {
    // Adding a field keeps `schema` at 1, so a reader's copy of the schema must not
    // refuse the outputs of a later planner.
    let validator = validator("week");
    let mut document = golden_json("base-week.json");
    document["added_later"] = json!(true);
    document["sessions"][0]["added_later"] = json!([1, 2]);
    assert_eq!(errors(&validator, &document), Vec::<String>::new());
}

#[test]
fn schema_takes_one_known_output_the_week_by_default() {
    let week = planner(["schema", "week"]).run().code(0).stdout;
    assert_eq!(planner(["schema"]).run().code(0).stdout, week);
    planner(["schema", "week", "block"]).run().code(2);
    planner(["schema", "csv"])
        .run()
        .code(2)
        .stderr_has("possible values: week, block, check");
}

#[test]
fn a_closed_pipe_ends_the_schema_quietly() {
    planner(["schema", "block"])
        .closed_stdout()
        .run()
        .code(0)
        .stderr("");
}
