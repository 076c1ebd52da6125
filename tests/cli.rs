//! The command line end to end: arguments, files, standard input, exit codes.

use crate::util::{planner, root};

const EASY_WEEK: &str = "week_of = 2026-11-30\n[week]\ntue = { run = \"intervals\", at = \"06:30\" }\nthu = \"tempo\"\nsat = \"long\"\n";

#[test]
fn schedule_dash_reads_standard_input() {
    let from_stdin = planner(["week", "-"]).stdin(EASY_WEEK).run().code(0);
    assert!(
        from_stdin
            .stdout
            .starts_with("Week of Mon 30 Nov 2026: 3 of 3 sessions")
    );
}

#[test]
fn schedule_defaults_to_schedule_toml_in_the_current_folder() {
    let dir = tempdir("default-schedule");
    planner(["week"])
        .current_dir(&dir)
        .run()
        .code(1)
        .stdout("")
        .stderr_has("error: cannot read schedule.toml:");
    std::fs::write(dir.join("schedule.toml"), EASY_WEEK).expect("writes");
    planner(["week"])
        .current_dir(&dir)
        .run()
        .code(0)
        .stdout_has("Week of Mon 30 Nov 2026");
}

#[test]
fn errors_in_standard_input_are_named_stdin() {
    planner(["week", "-"])
        .stdin("[week]\nmon = \"eazy\"\n")
        .run()
        .code(1)
        .stdout("")
        .stderr("error: unknown run type \"eazy\"\n --> <stdin>:2:7\n  |\n2 | mon = \"eazy\"\n  |       ^^^^^^\n  = help: did you mean \"easy\"?\n");
}

#[test]
fn week_of_flag_overrides_the_file_and_snaps_to_monday() {
    let outcome = planner(["week", "-", "--week-of", "2027-01-07", "--format", "json"])
        .stdin(EASY_WEEK)
        .run()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    assert_eq!(json["week_of"], "2027-01-04");
    assert_eq!(json["runs"][0]["day"], "tue");
    assert_eq!(json["runs"][0]["date"], "2027-01-05");
}

#[test]
fn without_week_of_the_week_is_the_next_monday() {
    // SOURCE_DATE_EPOCH 1795000000 is Wednesday 2026-11-18 UTC; the next Monday is the 23rd.
    let outcome = planner(["week", "-", "--format", "json"])
        .stdin("[week]\ntue = \"tempo\"\n")
        .run()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    assert_eq!(json["week_of"], "2026-11-23");
    // On a Monday, the week is this one.
    let monday = planner(["week", "-", "--format", "json"])
        .env("SOURCE_DATE_EPOCH", "1795392000") // Monday 2026-11-23 00:00 UTC
        .stdin("[week]\ntue = \"tempo\"\n")
        .run()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&monday.stdout).expect("valid JSON");
    assert_eq!(json["week_of"], "2026-11-23");
}

#[test]
fn sessions_and_minutes_flags_override_the_file() {
    let outcome = planner([
        "week",
        "-",
        "--sessions",
        "2",
        "--minutes",
        "30",
        "--format",
        "json",
    ])
    .stdin(EASY_WEEK)
    .run()
    .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    assert_eq!(json["sessions_target"], 2);
    let sessions = json["sessions"].as_array().expect("sessions is an array");
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s["minutes"] == 30));
}

#[test]
fn minutes_flag_too_long_for_the_window_is_an_input_error() {
    planner(["week", "-", "--minutes", "45"])
        .stdin("[runner]\nlift_window = [\"17:00\", \"17:40\"]\n")
        .run()
        .code(1)
        .stderr_has("lift_window 17:00-17:40 holds no 45 min session starting on the quarter hour");
}

#[test]
fn usage_errors_exit_2() {
    planner(["week", "--sessions", "4"])
        .run()
        .code(2)
        .stdout("")
        .stderr_has("4 is not in 2..=3");
    planner(["week", "--minutes", "50"])
        .run()
        .code(2)
        .stderr_has("50 is not in 30..=45");
    planner(["week", "--format", "yaml"])
        .run()
        .code(2)
        .stderr_has("invalid value 'yaml'");
    planner(["week", "--week-of", "2026-13-01"])
        .run()
        .code(2)
        .stderr_has("--week-of");
    planner(["plan"]).run().code(2);
    planner(Vec::<&str>::new())
        .run()
        .code(2)
        .stderr_has("Usage:");
}

#[test]
fn help_and_version_go_to_stdout_and_succeed() {
    planner(["--help"])
        .run()
        .code(0)
        .stdout_has("Usage: planner");
    planner(["week", "--help"])
        .run()
        .code(0)
        .stdout_has("--week-of <DATE>");
    planner(["--version"])
        .run()
        .code(0)
        .stdout_has("planner 0.1.0");
}

#[test]
fn missing_file_is_exit_1_with_its_name() {
    planner(["week", "no/such/file.toml"])
        .run()
        .code(1)
        .stdout("")
        .stderr_has("error: cannot read no/such/file.toml:");
}

#[test]
fn output_is_identical_on_every_run() {
    let runs: [&[&str]; 4] = [
        &["--explain"],
        &["--format", "json"],
        &["--format", "ics", "--include-runs"],
        &["--format", "csv"],
    ];
    for flags in runs {
        let args = || {
            ["week", "examples/marathoner.toml"]
                .into_iter()
                .chain(flags.iter().copied())
        };
        let first = planner(args()).run().code(0);
        let second = planner(args()).run().code(0);
        assert_eq!(first.stdout, second.stdout, "{flags:?}");
    }
}

#[test]
fn flags_for_another_format_are_usage_errors() {
    planner([
        "week",
        "examples/marathoner.toml",
        "--explain",
        "--format",
        "json",
    ])
    .run()
    .code(2)
    .stderr("error: --explain goes with --format text\n");
    planner(["week", "examples/marathoner.toml", "--include-runs"])
        .run()
        .code(2)
        .stderr("error: --include-runs goes with --format ics\n");
    planner([
        "week",
        "examples/marathoner.toml",
        "--alarm",
        "10",
        "--format",
        "csv",
    ])
    .run()
    .code(2)
    .stderr("error: --alarm goes with --format ics\n");
    planner([
        "block",
        "examples/marathoner.toml",
        "--weeks",
        "2",
        "--explain",
        "--format",
        "json",
    ])
    .run()
    .code(2)
    .stderr("error: --explain goes with --format text\n");
}

#[test]
fn json_has_every_documented_field() {
    let outcome = planner(["week", "examples/base-week.toml", "--format", "json"])
        .run()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    for key in [
        "schema",
        "week_of",
        "timezone",
        "sessions_target",
        "runs",
        "sessions",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["schema"], 1);
    assert_eq!(json["timezone"], "Europe/Madrid");
    let session = &json["sessions"][0];
    for key in [
        "day",
        "date",
        "start",
        "end",
        "minutes",
        "kind",
        "pinned",
        "template",
        "gap_before_hours",
        "gap_after_hours",
        "exercises",
    ] {
        assert!(session.get(key).is_some(), "session lacks {key}");
    }
    let run = &json["runs"][0];
    for key in ["day", "date", "start", "end", "type", "hard"] {
        assert!(run.get(key).is_some(), "run lacks {key}");
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(["week", "examples/marathoner.toml", "--explain"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    // Close our end of stdout before the planner writes to it.
    drop(child.stdout.take());
    let status = child.wait().expect("ends");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut stderr)
        .expect("reads");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

/// A fresh, empty folder under the target directory for one test.
fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a temp dir");
    dir
}

#[test]
fn dates_stay_within_four_digit_years() {
    // chrono alone reads `+10000-02-29`; every format writes four-digit years.
    planner([
        "week",
        "examples/base-week.toml",
        "--week-of",
        "+10000-02-29",
    ])
    .run()
    .code(2)
    .stderr_has("expected a date as YYYY-MM-DD");
    planner(["week", "examples/base-week.toml", "--race", "2026-1-3"])
        .run()
        .code(2);
    // The week of 27 December 9999 ends in 10000.
    planner(["week", "examples/base-week.toml", "--week-of", "9999-12-27"])
        .run()
        .code(1)
        .stderr_has("planner writes dates from 0000-01-01 to 9999-12-31 only");
    let last = planner([
        "week",
        "examples/base-week.toml",
        "--week-of",
        "9999-12-20",
        "--format",
        "ics",
    ])
    .run()
    .code(0);
    assert!(last.stdout.contains("DTSTART:99991226T"), "{}", last.stdout);
    planner([
        "block",
        "examples/base-week.toml",
        "--week-of",
        "9999-10-01",
        "--weeks",
        "20",
    ])
    .run()
    .code(1)
    .stderr_has("to +10000-02-13, but planner writes dates");
    planner(["week", "examples/base-week.toml", "--week-of", "0000-01-01"])
        .run()
        .code(1)
        .stderr_has("from -0001-12-27");
}

#[test]
fn a_source_date_epoch_past_year_9999_is_not_taken_for_today() {
    // Year 255 000: were it today, a block from it would run past chrono's last date.
    planner([
        "block",
        "examples/beginner.toml",
        "--weeks",
        "104",
        "--format",
        "ics",
    ])
    .env("SOURCE_DATE_EPOCH", "8000000000000")
    .run()
    .code(0)
    .stdout_has("END:VCALENDAR");
}
