//! `planner check --format json`: an entry for every file given, in order; a file
//! that cannot be judged carries its errors, placed by line and column.

use serde_json::Value;

use crate::util::{golden, planner};

/// A file that keeps the rules, one that breaks them, one that is invalid, and the
/// example of a club's fixed nights.
const FILES: [&str; 4] = [
    "examples/club-nights.toml",
    "tests/check/keeps-the-rules.toml",
    "tests/bad-input/sessions-four.toml",
    "tests/check/breaks-the-rules.toml",
];

fn entries(stdout: &str) -> Vec<Value> {
    match serde_json::from_str(stdout).expect("check prints JSON") {
        Value::Array(entries) => entries,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn every_file_has_an_entry_and_the_output_matches_its_golden_copy() {
    let outcome = planner(["check", "--format", "json"].into_iter().chain(FILES))
        .run()
        .code(1);
    golden("tests/golden/club-nights.check.json", &outcome.stdout);
    let entries = entries(&outcome.stdout);
    let files: Vec<&str> = entries.iter().filter_map(|e| e["file"].as_str()).collect();
    assert_eq!(files, FILES, "one entry a file, in the order given");
    let ok: Vec<bool> = entries.iter().filter_map(|e| e["ok"].as_bool()).collect();
    assert_eq!(ok, [false, true, false, false]);
    assert_eq!(entries[1]["errors"], serde_json::json!([]));
    assert_eq!(entries[1]["warnings"][0]["rule"], "heavy-gap-ideal");
    let error = &entries[2]["errors"][0];
    assert_eq!(
        (&error["line"], &error["column"]),
        (&Value::from(2), &Value::from(12))
    );
    assert_eq!(error["message"], "sessions = 4 is out of range (2..=3)");
    assert_eq!(
        error["help"],
        "the rules call for 2 or 3 strength sessions a week"
    );
    assert_eq!(entries[2]["violations"], serde_json::json!([]));
    // The messages still go to standard error, as in text.
    assert!(
        outcome
            .stderr
            .contains(" --> tests/bad-input/sessions-four.toml:2:12"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_file_that_cannot_be_opened_has_an_error_without_a_place() {
    let outcome = planner([
        "check",
        "tests/check/keeps-the-rules.toml",
        "tests/check/no-such-file.toml",
        "--format",
        "json",
    ])
    .run()
    .code(1)
    .stderr_has("error: cannot read tests/check/no-such-file.toml: ");
    let entries = entries(&outcome.stdout);
    assert_eq!(entries.len(), 2);
    let error = &entries[1]["errors"][0];
    assert_eq!(error["line"], Value::Null);
    assert_eq!(error["column"], Value::Null);
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot read tests/check/no-such-file.toml: ")),
        "{error}"
    );
    assert_eq!(entries[1]["ok"], false);
    assert_eq!(entries[1]["sessions"], 0);
}

#[test]
fn a_file_that_is_not_utf8_is_placed_at_its_bad_byte() {
    let outcome = planner(["check", "-", "--format", "json"])
        .stdin(b"[week]\nmon = \"e\xffasy\"\n".to_vec())
        .run()
        .code(1);
    let entries = entries(&outcome.stdout);
    assert_eq!(entries[0]["file"], "<stdin>");
    let error = &entries[0]["errors"][0];
    assert_eq!(
        (&error["line"], &error["column"]),
        (&Value::from(2), &Value::from(9))
    );
}

#[test]
fn the_exit_code_is_the_worst_of_the_files() {
    // Invalid input outranks a broken rule, as in text: exit 1, never 0 or 3.
    planner([
        "check",
        "tests/check/breaks-the-rules.toml",
        "tests/bad-input/sessions-four.toml",
        "--format",
        "json",
    ])
    .run()
    .code(1);
    planner([
        "check",
        "tests/check/keeps-the-rules.toml",
        "tests/check/breaks-the-rules.toml",
        "--format",
        "json",
    ])
    .run()
    .code(3)
    .stderr("error: 1 file breaks the rules\n");
    planner([
        "check",
        "tests/check/keeps-the-rules.toml",
        "--format",
        "json",
    ])
    .run()
    .code(0)
    .stderr("");
}

#[test]
fn text_output_leaves_invalid_files_to_standard_error() {
    planner([
        "check",
        "tests/check/keeps-the-rules.toml",
        "tests/bad-input/sessions-four.toml",
    ])
    .run()
    .code(1)
    .stdout(
        "tests/check/keeps-the-rules.toml: warning: mon 18:00 heavy: 11 h 50 min before the tue 06:30 intervals, ideally 24 h or more\n\
         tests/check/keeps-the-rules.toml: ok, 2 sessions keep every rule\n",
    )
    .stderr_has("sessions = 4 is out of range (2..=3)");
}

#[test]
fn every_error_of_a_file_is_in_its_entry_in_file_order() {
    let outcome = planner(["check", "-", "--format", "json"])
        .stdin("[runner]\nlevel = \"beginner\"\n[week]\nwed = \"jog\"\n")
        .run()
        .code(1)
        .stderr_has("error: <stdin> has 2 errors");
    let entries = entries(&outcome.stdout);
    let errors = entries[0]["errors"].as_array().expect("errors");
    let found: Vec<(u64, u64, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().expect("a line"),
                e["column"].as_u64().expect("a column"),
                e["message"].as_str().expect("a message"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (2, 9, "unknown level \"beginner\""),
            (4, 7, "unknown run type \"jog\""),
        ]
    );
    assert_eq!(errors[0]["help"], "did you mean \"novice\"?");
}
