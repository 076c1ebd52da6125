//! Every example schedule in every format, compared byte for byte with the reviewed
//! output in `tests/golden/` (`PLANNER_BLESS=1 cargo test` rewrites them).

use std::path::PathBuf;

use crate::util::{golden, planner, root};

fn examples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("examples/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 5,
        "expected at least five examples, found {}",
        paths.len()
    );
    paths
}

fn name(path: &std::path::Path) -> String {
    path.file_stem()
        .expect("example has a name")
        .to_string_lossy()
        .into_owned()
}

/// (file suffix, extra flags) for each output checked.
const OUTPUTS: &[(&str, &[&str])] = &[
    ("txt", &[]),
    ("explain.txt", &["--explain"]),
    ("json", &["--format", "json"]),
    (
        "ics",
        &["--format", "ics", "--include-runs", "--alarm", "30"],
    ),
    ("csv", &["--format", "csv"]),
];

#[test]
fn every_example_matches_its_golden_output() {
    for path in examples() {
        let name = name(&path);
        let example = format!("examples/{name}.toml");
        for (suffix, flags) in OUTPUTS {
            let outcome = planner(["week", example.as_str()].iter().chain(flags.iter())).run();
            if outcome.code == 3 {
                // A week with no plan prints nothing on stdout and explains on stderr.
                assert_eq!(outcome.stdout, "", "{name}: stdout of a week with no plan");
                golden(&format!("tests/golden/{name}.stderr"), &outcome.stderr);
                continue;
            }
            let outcome = outcome.code(0);
            assert_eq!(outcome.stderr, "", "{name} {suffix}: stderr");
            golden(&format!("tests/golden/{name}.{suffix}"), &outcome.stdout);
        }
    }
}

/// Blocks checked in every format: (example, block flags).
const BLOCKS: &[(&str, &[&str])] = &[
    // Sixteen weeks to a marathon: cutback weeks, a tune-up race, race week's table.
    ("marathon-build", &["--race", "2027-03-21"]),
    // A Sunday race six weeks out, a pinned heavy Sunday session, a timed start.
    ("base-week", &["--race", "2027-01-10T10:00"]),
    // High running volume: every phase a step lighter.
    ("marathoner", &["--weeks", "5"]),
    // A novice in season.
    ("beginner", &["--weeks", "6", "--in-season"]),
];

#[test]
fn every_block_matches_its_golden_output() {
    for (name, block) in BLOCKS {
        let example = format!("examples/{name}.toml");
        let outputs: [(&str, &[&str]); 6] = [
            ("block.txt", &[]),
            ("block.explain.txt", &["--explain"]),
            ("block.detail.txt", &["--detail"]),
            ("block.json", &["--format", "json"]),
            ("block.ics", &["--format", "ics", "--include-runs"]),
            ("block.csv", &["--format", "csv"]),
        ];
        for (suffix, flags) in outputs {
            let args = ["block", example.as_str()]
                .into_iter()
                .chain(block.iter().copied())
                .chain(flags.iter().copied());
            let outcome = planner(args).run().code(0);
            assert_eq!(outcome.stderr, "", "{name} {suffix}: stderr");
            golden(&format!("tests/golden/{name}.{suffix}"), &outcome.stdout);
        }
    }
}

#[test]
fn every_golden_file_belongs_to_an_example() {
    let names: Vec<String> = examples().iter().map(|p| name(p)).collect();
    for entry in std::fs::read_dir(root().join("tests/golden")).expect("tests/golden exists") {
        let file = entry.expect("tests/golden is readable").file_name();
        let file = file.to_string_lossy();
        let stem = file.split('.').next().unwrap_or_default();
        assert!(names.iter().any(|n| n == stem), "stale golden file {file}");
    }
}

#[test]
fn the_no_room_example_exits_3_with_reasons_per_day() {
    planner(["week", "examples/no-room.toml"])
        .run()
        .code(3)
        .stdout("")
        .stderr_has("error: no plan: only 1 strength session fits this week")
        .stderr_has("Fri  lift = false")
        .stderr_has("Wed  free: can hold a session");
}
