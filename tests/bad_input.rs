//! The bad-input corpus: one file per kind of mistake a runner makes, each with the
//! exact message expected (`tests/bad-input/NAME.toml` and `NAME.stderr`).

use crate::util::{golden, planner, root};

#[test]
fn every_bad_file_is_exit_1_with_its_reviewed_message() {
    let dir = root().join("tests/bad-input");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/bad-input exists")
        .map(|e| {
            e.expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|f| f.strip_suffix(".toml").map(str::to_owned))
        .collect();
    names.sort();
    assert!(
        names.len() >= 40,
        "the corpus shrank to {} files",
        names.len()
    );
    for name in names {
        let file = format!("tests/bad-input/{name}.toml");
        let outcome = planner(["week", file.as_str()]).run();
        assert_eq!(
            outcome.code, 1,
            "{name}: exit code; stderr:\n{}",
            outcome.stderr
        );
        assert_eq!(outcome.stdout, "", "{name}: stdout");
        assert!(
            outcome.stderr.starts_with("error: "),
            "{name}: {}",
            outcome.stderr
        );
        // Every message but the whole-file ones points at a line and column.
        assert!(
            outcome.stderr.contains(&format!(" --> {file}:")),
            "{name}: {}",
            outcome.stderr
        );
        golden(&format!("tests/bad-input/{name}.stderr"), &outcome.stderr);
    }
}

#[test]
fn a_file_over_one_mebibyte_is_refused_without_reading_it_all() {
    let mut text = String::from("[week]\nmon = \"easy\"\n");
    while text.len() <= 1024 * 1024 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    planner(["week", "-"])
        .stdin(text)
        .run()
        .code(1)
        .stdout("")
        .stderr("error: <stdin>: file is larger than 1024 KiB, the most planner reads\n  = help: a schedule or a template is a few kilobytes; is this the right file?\n");
}

#[test]
fn an_empty_file_is_a_week_of_rest_but_empty_standard_input_is_an_error() {
    let dir = crate::util::tempdir("empty-file");
    let file = dir.join("empty.toml");
    std::fs::write(&file, "").expect("writes");
    planner([
        "week",
        file.to_str().expect("UTF-8 path"),
        "--week-of",
        "2026-11-30",
    ])
    .run()
    .code(0)
    .stdout_has(", no hard runs");
    // An empty pipe is a step before it that failed, not a week without runs.
    planner(["week", "-", "--week-of", "2026-11-30"])
        .stdin("")
        .run()
        .code(1)
        .stdout("")
        .stderr("error: <stdin>: standard input is empty\n  = help: pipe a schedule in, or name its file\n");
}

#[test]
fn every_independent_error_is_reported_in_one_run_up_to_twenty() {
    // 25 misspelt lifts: the first 20 are shown, all 25 are counted, exit 1 as for one.
    let mut text = String::from("[lifts]\n");
    for i in 0..25 {
        text.push_str(&format!("lift{i} = 100\n"));
    }
    let outcome = planner(["week", "-"]).stdin(text).run().code(1).stdout("");
    assert!(
        outcome
            .stderr
            .starts_with("error: unknown lift \"lift0\"\n --> <stdin>:2:1\n"),
        "{}",
        outcome.stderr
    );
    assert_eq!(outcome.stderr.matches(" --> <stdin>:").count(), 20);
    assert_eq!(outcome.stderr.matches("error: ").count(), 21);
    assert!(outcome.stderr.contains("unknown lift \"lift19\""));
    assert!(!outcome.stderr.contains("unknown lift \"lift20\""));
    assert!(
        outcome
            .stderr
            .ends_with("\n\nerror: <stdin> has 25 errors; the first 20 are shown\n"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn check_reports_every_error_of_an_invalid_file_too() {
    planner(["check", "tests/bad-input/several-errors.toml"])
        .run()
        .code(1)
        .stderr_has("unknown run type \"jog\"")
        .stderr_has("unknown level \"beginner\"")
        .stderr_has("error: tests/bad-input/several-errors.toml has 9 errors");
}
