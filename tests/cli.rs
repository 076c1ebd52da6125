//! The command line end to end: arguments, files, standard input, exit codes.

use crate::util::{planner, root, tempdir};

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
        .code(2)
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
    .stderr_has("into the year 10000, but planner writes dates");
    // A flag's date out of range is a usage error; the file's is located.
    planner(["week", "examples/base-week.toml", "--week-of", "0000-01-01"])
        .run()
        .code(2)
        .stderr_has("--week-of 0000-01-01: the plan would run from -000001-12-27");
    planner(["block", "examples/base-week.toml", "--race", "9999-12-31"])
        .run()
        .code(2)
        .stderr_has("--race 9999-12-31: the plan would run from 9999-12-27 into the year 10000");
    for date in ["0000-01-01", "9999-12-31"] {
        planner(["week", "-"])
            .stdin(format!("week_of = {date}\n"))
            .run()
            .code(1)
            .stderr(&format!(
                "error: the week of {date} runs outside the dates planner writes, \
                 0000-01-01 to 9999-12-31\n --> <stdin>:1:11\n  |\n1 | week_of = {date}\n  \
                 |           ^^^^^^^^^^\n"
            ));
    }
}

#[test]
fn a_source_date_epoch_that_is_not_whole_seconds_in_range_is_a_usage_error() {
    // Year 255 000 (were it today, a block from it would run past chrono's last date),
    // and shapes that were silently replaced by the clock.
    for value in [
        "8000000000000",
        "253402300800",
        "253402207201",
        "abc",
        "1e9",
        "1.5",
        "-1",
        "+5",
        " ",
    ] {
        planner(["week", "examples/base-week.toml"])
            .env("SOURCE_DATE_EPOCH", value)
            .run()
            .code(2)
            .stdout("")
            .stderr(&format!(
                "error: SOURCE_DATE_EPOCH is \"{value}\", not a whole number of seconds since \
                 1970-01-01 up to 9999-12-30 22:00 UTC\n"
            ));
    }
    // The last instant jiff holds is still a time; an empty value means unset.
    for value in ["253402207200", "", "0"] {
        planner(["week", "examples/base-week.toml"])
            .env("SOURCE_DATE_EPOCH", value)
            .run()
            .code(0);
    }
}

// Hardening (issue 14): each test below broke a promise of version 1.

/// The check file that breaks the rules (exit 3).
const BREAKS_RULES: &str = "[week]\ntue = { run = \"race\", at = \"23:00\", minutes = 90 }\n\
                            wed = { strength = \"heavy\", at = \"06:00\" }\n";

/// Runs the binary with its standard output going to `stdout`, in the repository root;
/// returns the exit code and standard error.
fn run_into(args: &[&str], stdout: std::fs::File) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("planner runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The built-in templates copied to a folder, each changed by `edit`.
fn plans_with(name: &str, edit: impl Fn(&str) -> String) -> std::path::PathBuf {
    let dir = tempdir(name);
    for entry in std::fs::read_dir(root().join("plans")).expect("plans/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("a template");
        std::fs::write(dir.join(path.file_name().expect("a name")), edit(&text)).expect("writes");
    }
    dir
}

#[test]
fn output_to_a_descriptor_path_is_written_into_the_descriptor() {
    // Into a pipe: v1 followed the link's text and could not make a temporary file.
    let outcome = planner(["week", "examples/base-week.toml", "-o", "/dev/stdout"])
        .run()
        .code(0)
        .stderr("");
    assert!(outcome.stdout.starts_with("Week of Mon 30 Nov 2026"));
    #[cfg(target_os = "linux")]
    {
        let dir = tempdir("descriptor");
        // `>> run.log` keeps the log: v1 replaced it with the plan.
        let log = dir.join("run.log");
        std::fs::write(&log, "log\n").expect("writes");
        let append = std::fs::OpenOptions::new()
            .append(true)
            .open(&log)
            .expect("opens the log");
        for path in ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"] {
            let stdout = append.try_clone().expect("clones");
            let (code, stderr) = run_into(&["week", "examples/base-week.toml", "-o", path], stdout);
            assert_eq!(code, Some(0), "{path}: {stderr}");
        }
        let text = std::fs::read_to_string(&log).expect("reads");
        assert!(text.starts_with("log\nWeek of Mon 30 Nov 2026"), "{text}");
        assert_eq!(text.matches("Week of Mon 30 Nov 2026").count(), 3);
        // A deleted file: v1 made a new file named "gone.txt (deleted)".
        let gone = dir.join("gone.txt");
        let file = std::fs::File::create(&gone).expect("creates");
        std::fs::remove_file(&gone).expect("deletes");
        let (code, stderr) = run_into(
            &["week", "examples/base-week.toml", "-o", "/dev/stdout"],
            file,
        );
        assert_eq!(code, Some(0), "{stderr}");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["run.log"], "nothing new beside the log");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_in_every_command() {
    for args in [
        vec!["completions", "bash"],
        vec![
            "block",
            "examples/base-week.toml",
            "--weeks",
            "8",
            "--format",
            "csv",
        ],
        vec!["week", "examples/base-week.toml", "--format", "csv"],
        vec!["man"],
        vec!["--help"],
    ] {
        planner(&args).closed_stdout().run().code(0).stderr("");
    }
}

#[test]
fn a_closed_pipe_never_ends_the_verdict_of_check() {
    planner(["check", "-"])
        .stdin(BREAKS_RULES)
        .closed_stdout()
        .run()
        .code(3)
        .stderr("error: 1 file breaks the rules\n");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_for_help_and_completions() {
    for args in [vec!["completions", "zsh"], vec!["--help"], vec!["man"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let (code, stderr) = run_into(&args, full);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot write to standard output: "),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn runs_writing_the_same_output_at_once_all_succeed_and_leave_one_file() {
    let dir = tempdir("same-output");
    let out = dir.join("week.txt");
    let out = out.to_str().expect("UTF-8 path");
    let children: Vec<_> = (0..6)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
                .args(["week", "examples/base-week.toml", "-o", out])
                .current_dir(root())
                .env("SOURCE_DATE_EPOCH", "1795000000")
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("ends");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let expected = planner(["week", "examples/base-week.toml"])
        .run()
        .code(0)
        .stdout;
    assert_eq!(std::fs::read_to_string(out).expect("reads"), expected);
    assert_eq!(std::fs::read_dir(&dir).expect("lists").count(), 1);
}

#[cfg(target_os = "linux")]
#[test]
fn a_temporary_file_left_by_another_process_one_is_neither_in_the_way_nor_deleted() {
    // Two containers both run planner as process 1: v1 named its temporary file by
    // process id, so one failed and deleted the other's file.
    let allowed = std::process::Command::new("unshare")
        .args(["--pid", "--fork", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    let dir = tempdir("pid-one");
    let stale = dir.join(".week.txt.1.tmp");
    std::fs::write(&stale, "another run's").expect("writes");
    let out = dir.join("week.txt");
    let out = out.to_str().expect("UTF-8 path");
    let mut command = if allowed {
        let mut command = std::process::Command::new("unshare");
        command.args(["--pid", "--fork", env!("CARGO_BIN_EXE_planner")]);
        command
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
    };
    let output = command
        .args(["week", "examples/base-week.toml", "-o", out])
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::read_to_string(out)
            .expect("written")
            .starts_with("Week of")
    );
    assert_eq!(
        std::fs::read_to_string(&stale).expect("kept"),
        "another run's"
    );
}

#[test]
fn a_value_holding_terminal_escapes_is_printed_escaped() {
    // Written as TOML escapes, the value reaches the message as the characters.
    let outcome = planner(["week", "-"])
        .stdin("[week]\nmon = \"\\u001b]0;owned\\u0007\\u001b[2J\\r\"\n")
        .run()
        .code(1);
    assert!(
        !outcome.stderr.contains(['\u{1b}', '\u{7}', '\r']),
        "{:?}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .starts_with("error: unknown run type \"\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\r\""),
        "{:?}",
        outcome.stderr
    );
    // Written raw, they are shown in the quoted line, which must not replay them.
    let outcome = planner(["week", "-"])
        .stdin("[week]\nmon = \"\u{1b}]0;owned\u{7}\u{1b}[2J\"\n")
        .run()
        .code(1);
    assert!(
        !outcome.stderr.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        outcome.stderr
    );
    // Template text in the text output too.
    let plans = plans_with("escape-plans", |t| {
        t.replace("title = \"", "title = \"\\u001b]0;owned\\u0007")
            .replace("name = \"", "name = \"\\u001b[2J")
    });
    let outcome = planner([
        "week",
        "examples/base-week.toml",
        "--plans",
        plans.to_str().expect("UTF-8 path"),
    ])
    .run()
    .code(0);
    assert!(
        outcome.stdout.contains("\\u{1b}]0;owned\\u{7}"),
        "{}",
        outcome.stdout
    );
    assert!(
        !outcome.stdout.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        outcome.stdout
    );
}

#[cfg(unix)]
#[test]
fn output_keeps_owner_and_group_or_says_why_it_cannot_replace_the_file() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempdir("owner");
    let out = dir.join("week.txt");
    std::fs::write(&out, "old").expect("writes");
    let out_arg = out.to_str().expect("UTF-8 path");
    let me = std::fs::metadata(&dir).expect("stat").uid();
    if me == 0 {
        // Root may give the file away: the new file keeps the old one's owner and group.
        std::os::unix::fs::chown(&out, Some(4321), Some(4322)).expect("chown");
        planner(["week", "examples/base-week.toml", "-o", out_arg])
            .run()
            .code(0);
        let meta = std::fs::metadata(&out).expect("stat");
        assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
        // As nobody, the file is writable but its folder (root's, 0755) is not.
        std::fs::write(&out, "old").expect("writes");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o666)).expect("chmod");
        let as_nobody = || {
            let mut command = std::process::Command::new("setpriv");
            command
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_planner"))
                .current_dir(root());
            command
        };
        // Only where nobody may run the binary and read the example at all (a clone in
        // a private folder is out of nobody's reach, and that is not what is tested).
        let reachable = as_nobody()
            .args(["week", "examples/base-week.toml", "--format", "csv"])
            .output()
            .is_ok_and(|o| o.status.success());
        let nobody = as_nobody()
            .args(["week", "examples/base-week.toml", "-o", out_arg])
            .output();
        if let (true, Ok(output)) = (reachable, nobody) {
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{stderr}");
            assert!(
                stderr.contains(&format!("the folder {} is not writable", dir.display())),
                "{stderr}"
            );
            assert_eq!(std::fs::read_to_string(&out).expect("reads"), "old");
        }
    } else {
        // A writable file in a folder the user cannot write: the reason is given.
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let outcome = planner(["week", "examples/base-week.toml", "-o", out_arg]).run();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        outcome
            .code(1)
            .stderr_has(&format!("the folder {} is not writable", dir.display()));
        assert_eq!(std::fs::read_to_string(&out).expect("reads"), "old");
    }
}

#[test]
fn text_lines_stay_within_80_columns_whatever_the_templates_and_pins() {
    let plans = plans_with("long-plans", |t| {
        t.replace(
            "title = \"",
            &format!("title = \"{} ", "Long title".repeat(6)),
        )
        .replace(
            "name = \"",
            &format!("name = \"{} ", "Very long exercise name".repeat(4)),
        )
        .replace("cue = \"", &format!("cue = \"{} ", "x".repeat(150)))
    });
    let plans = plans.to_str().expect("UTF-8 path");
    let four_pinned = "[runner]\nsessions = 3\n[week]\n\
        mon = { strength = \"light\", at = \"18:00\" }\nwed = { strength = \"light\", at = \"18:00\" }\n\
        fri = { strength = \"light\", at = \"18:00\" }\nsun = { strength = \"light\", at = \"18:00\" }\n";
    // Each run, and what shows that a line was wrapped rather than overflowing.
    let runs = [
        (
            planner(["week", "examples/base-week.toml", "--plans", plans]),
            "\n    nameVery long exercise",
        ),
        (
            planner([
                "block",
                "examples/base-week.toml",
                "--weeks",
                "2",
                "--detail",
                "--plans",
                plans,
            ]),
            "\n                  (about",
        ),
        (
            planner(["block", "-", "--weeks", "2", "--week-of", "2026-11-30"]).stdin(four_pinned),
            "light,\n                                               Fri 18:00 light, Sun 18:00 light\n",
        ),
    ];
    for (run, marker) in runs {
        let outcome = run.run().code(0);
        for line in outcome.stdout.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line}",
                line.chars().count()
            );
        }
        assert!(
            outcome.stdout.contains(marker),
            "{marker:?} in {}",
            outcome.stdout
        );
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_templates_is_skipped_not_read_forever() {
    let plans = plans_with("fifo-plans", str::to_owned);
    let fifo = plans.join("x.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let plans = plans.to_str().expect("UTF-8 path").to_owned();
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outcome = planner(["week", "examples/base-week.toml", "--plans", plans.as_str()]).run();
        let _ = done.send((outcome.code, outcome.stderr));
    });
    let (code, stderr) = result
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("planner ends instead of waiting on the pipe");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!("warning: skipping {}: not a regular file\n", fifo.display())
    );
}

#[test]
fn a_250_byte_output_name_is_written() {
    let dir = tempdir("long-name");
    let out = dir.join("w".repeat(250));
    planner([
        "week",
        "examples/base-week.toml",
        "-o",
        out.to_str().expect("UTF-8 path"),
    ])
    .run()
    .code(0)
    .stderr("");
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with("Week of")
    );
}

#[test]
fn output_naming_the_schedule_itself_is_refused() {
    let dir = tempdir("output-schedule");
    let schedule = dir.join("s.toml");
    std::fs::write(&schedule, EASY_WEEK).expect("writes");
    for out in ["s.toml", "./s.toml"] {
        planner(["week", "s.toml", "-o", out])
            .current_dir(&dir)
            .run()
            .code(2)
            .stdout("")
            .stderr(&format!(
                "error: --output {out} names the schedule itself; the plan would replace it\n"
            ));
    }
    assert_eq!(
        std::fs::read_to_string(&schedule).expect("reads"),
        EASY_WEEK
    );
}

#[test]
fn output_dash_is_standard_output() {
    let dir = tempdir("output-dash");
    std::fs::write(dir.join("s.toml"), EASY_WEEK).expect("writes");
    planner(["week", "s.toml", "-o", "-"])
        .current_dir(&dir)
        .run()
        .code(0)
        .stdout_has("Week of Mon 30 Nov 2026");
    assert!(!dir.join("-").exists(), "no file named -");
}

#[test]
fn nesting_too_deep_is_located_where_it_goes_too_deep() {
    planner(["week", "-"])
        .stdin(format!("{} = 1\n", vec!["a"; 40].join(".")))
        .run()
        .code(1)
        .stderr_has("error: tables, arrays and dotted keys nest more than 16 levels deep\n --> <stdin>:1:34\n");
}

#[test]
fn an_oversized_template_is_not_called_a_schedule() {
    let plans = plans_with("big-plans", str::to_owned);
    std::fs::write(plans.join("big.toml"), "#".repeat(2 << 20)).expect("writes");
    let outcome = planner([
        "week",
        "examples/base-week.toml",
        "--plans",
        plans.to_str().expect("UTF-8 path"),
    ])
    .run()
    .code(1)
    .stderr_has("big.toml: file is larger than 1024 KiB, the most planner reads");
    assert!(
        !outcome.stderr.contains("a schedule is"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let plans = plans_with("formula-plans", |t| {
        t.replace("name = \"", "name = \"=HYPERLINK(1)+")
    });
    let outcome = planner([
        "week",
        "examples/base-week.toml",
        "--format",
        "csv",
        "--plans",
        plans.to_str().expect("UTF-8 path"),
    ])
    .run()
    .code(0);
    let rows: Vec<&str> = outcome.stdout.lines().skip(1).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains(",'=HYPERLINK(1)+"), "{row}");
        assert!(!row.contains(",=HYPERLINK"), "{row}");
    }
}

#[cfg(unix)]
#[test]
fn a_signal_mid_write_leaves_the_old_file_and_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (signal, number) in [("TERM", 15), ("INT", 2)] {
        let dir = tempdir(&format!("signal-{signal}"));
        let out = dir.join("block.ics");
        std::fs::write(&out, "old").expect("writes");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
            .args([
                "block",
                "examples/base-week.toml",
                "--weeks",
                "104",
                "--format",
                "ics",
            ])
            .args(["--include-runs", "-o", out.to_str().expect("UTF-8 path")])
            .current_dir(root())
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starts");
        // Wait for the temporary file, then interrupt the write.
        let temporary = |dir: &std::path::Path| {
            std::fs::read_dir(dir).expect("lists").any(|e| {
                e.expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
        };
        let mut seen = false;
        while !seen && child.try_wait().expect("polls").is_none() {
            seen = temporary(&dir);
            if !seen {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        }
        if seen {
            let killed = std::process::Command::new("kill")
                .args([format!("-{signal}"), child.id().to_string()])
                .status()
                .expect("kill runs");
            assert!(killed.success());
        }
        let status = child.wait().expect("ends");
        assert!(!temporary(&dir), "{signal}: a temporary file was left");
        if status.signal() == Some(number) {
            assert_eq!(std::fs::read_to_string(&out).expect("reads"), "old");
        } else {
            // The write won the race: then the whole calendar is there.
            assert!(status.success(), "{signal}: {status}");
            let text = std::fs::read_to_string(&out).expect("reads");
            assert!(text.ends_with("END:VCALENDAR\r\n"), "{signal}");
        }
    }
}
