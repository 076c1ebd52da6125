//! Several schedules in one call: a coach's roster, one output file per athlete in
//! `--output-dir`, a bad file reported while the others are written, the worst exit.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{planner, root, tempdir};

/// A folder `name` holding a copy of each example as `athlete.toml`.
fn roster(name: &str, athletes: &[(&str, &str)]) -> PathBuf {
    let dir = tempdir(name);
    fs::create_dir_all(dir.join("athletes")).expect("makes the roster folder");
    for (athlete, example) in athletes {
        let text = fs::read_to_string(root().join("examples").join(format!("{example}.toml")))
            .expect("the example exists");
        fs::write(dir.join("athletes").join(format!("{athlete}.toml")), text)
            .expect("writes the athlete");
    }
    dir
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder exists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const ROSTER: &[(&str, &str)] = &[
    ("ana", "base-week"),
    ("bo", "marathoner"),
    ("cy", "beginner"),
];

#[test]
fn a_roster_gets_one_calendar_per_athlete_the_same_as_one_at_a_time() {
    let dir = roster("batch-roster", ROSTER);
    planner([
        "week",
        "athletes/ana.toml",
        "athletes/bo.toml",
        "athletes/cy.toml",
        "--format",
        "ics",
        "--output-dir",
        "calendars",
    ])
    .current_dir(&dir)
    .run()
    .code(0)
    .stdout("")
    .stderr("wrote: 3 files in calendars\n");
    assert_eq!(
        listing(&dir.join("calendars")),
        ["ana.ics", "bo.ics", "cy.ics"]
    );
    for (athlete, _) in ROSTER {
        let alone = planner([
            "week",
            &format!("athletes/{athlete}.toml"),
            "--format",
            "ics",
        ])
        .current_dir(&dir)
        .run()
        .code(0);
        assert_eq!(
            read(&dir.join("calendars").join(format!("{athlete}.ics"))),
            alone.stdout,
            "{athlete}"
        );
    }
}

#[test]
fn each_format_has_its_extension() {
    let dir = roster("batch-formats", &ROSTER[..2]);
    for (format, extension) in [
        ("text", "txt"),
        ("json", "json"),
        ("ics", "ics"),
        ("csv", "csv"),
    ] {
        let out = format!("out-{format}");
        planner([
            "week",
            "athletes/ana.toml",
            "athletes/bo.toml",
            "--format",
            format,
            "--output-dir",
            &out,
        ])
        .current_dir(&dir)
        .run()
        .code(0);
        assert_eq!(
            listing(&dir.join(&out)),
            [format!("ana.{extension}"), format!("bo.{extension}")],
            "{format}"
        );
        assert!(!read(&dir.join(&out).join(format!("ana.{extension}"))).contains('\u{1b}'));
    }
}

#[test]
fn a_bad_file_is_reported_with_its_place_and_the_others_are_written() {
    let dir = roster("batch-bad-file", ROSTER);
    fs::write(
        dir.join("athletes/dee.toml"),
        "[week]\nwed = \"jog\"\n[runner]\nlevel = \"beginner\"\n",
    )
    .expect("writes");
    fs::create_dir_all(dir.join("calendars")).expect("makes the folder");
    // The last good plan of a file that is now wrong stays as it was.
    fs::write(dir.join("calendars/dee.json"), "old").expect("writes");
    let outcome = planner([
        "week",
        "athletes/ana.toml",
        "athletes/dee.toml",
        "athletes/bo.toml",
        "--format",
        "json",
        "--output-dir",
        "calendars",
    ])
    .current_dir(&dir)
    .run()
    .code(1)
    .stdout("")
    .stderr_has("error: unknown run type \"jog\"\n --> athletes/dee.toml:2:7\n")
    .stderr_has("error: unknown level \"beginner\"\n --> athletes/dee.toml:4:9\n")
    .stderr_has("error: athletes/dee.toml has 2 errors\n");
    assert!(
        outcome
            .stderr
            .ends_with("\nerror: 1 of 3 schedules failed; 2 files written in calendars\n"),
        "{}",
        outcome.stderr
    );
    assert_eq!(
        listing(&dir.join("calendars")),
        ["ana.json", "bo.json", "dee.json"]
    );
    assert_eq!(read(&dir.join("calendars/dee.json")), "old");
    assert!(read(&dir.join("calendars/bo.json")).starts_with("{"));
}

#[test]
fn the_exit_is_the_worst_of_the_schedules_trouble_above_no_plan() {
    let dir = roster("batch-worst", &[("ana", "base-week"), ("nora", "no-room")]);
    fs::write(dir.join("athletes/bad.toml"), "[week]\nmon = 5\n").expect("writes");
    // No plan for one athlete: 3, named with the file, the other still written.
    planner([
        "week",
        "athletes/ana.toml",
        "athletes/nora.toml",
        "--output-dir",
        "out3",
    ])
    .current_dir(&dir)
    .run()
    .code(3)
    .stderr_has("error: athletes/nora.toml: no plan: ")
    .stderr_has("error: 1 of 2 schedules failed; 1 file written in out3\n");
    assert_eq!(listing(&dir.join("out3")), ["ana.txt"]);
    // A file that needs fixing outranks a week with no plan, whatever the order.
    for order in [
        [
            "athletes/bad.toml",
            "athletes/nora.toml",
            "athletes/ana.toml",
        ],
        [
            "athletes/nora.toml",
            "athletes/ana.toml",
            "athletes/bad.toml",
        ],
    ] {
        let mut args = vec!["week"];
        args.extend(order);
        args.extend(["--output-dir", "out1"]);
        planner(&args)
            .current_dir(&dir)
            .run()
            .code(1)
            .stderr_has("error: 2 of 3 schedules failed; 1 file written in out1\n");
    }
    // A file that cannot be read at all is one more bad file, not the end of the run.
    planner([
        "week",
        "athletes/ana.toml",
        "athletes/gone.toml",
        "--output-dir",
        "out-gone",
    ])
    .current_dir(&dir)
    .run()
    .code(1)
    .stderr_has("error: cannot read athletes/gone.toml: ");
    assert_eq!(listing(&dir.join("out-gone")), ["ana.txt"]);
}

#[test]
fn several_schedules_without_an_output_dir_are_a_usage_error() {
    let dir = roster("batch-usage", &ROSTER[..2]);
    planner(["week", "athletes/ana.toml", "athletes/bo.toml"])
        .current_dir(&dir)
        .run()
        .code(2)
        .stdout("")
        .stderr(
            "error: 2 schedules need --output-dir DIR, where each gets a file of its own; \
             or plan them one at a time\n",
        );
    planner([
        "block",
        "athletes/ana.toml",
        "athletes/bo.toml",
        "--weeks",
        "4",
        "--output",
        "x.txt",
    ])
    .current_dir(&dir)
    .run()
    .code(2)
    .stderr_has("need --output-dir DIR");
    planner([
        "week",
        "athletes/ana.toml",
        "--output",
        "x.txt",
        "--output-dir",
        "out",
    ])
    .current_dir(&dir)
    .run()
    .code(2)
    .stderr_has("error: the argument '--output <FILE>' cannot be used with '--output-dir <DIR>'");
    assert_eq!(listing(&dir), ["athletes"], "nothing written");
}

#[test]
fn two_schedules_of_one_name_are_refused_before_anything_is_written() {
    let dir = roster("batch-same-name", &ROSTER[..1]);
    fs::create_dir_all(dir.join("other")).expect("makes a folder");
    fs::copy(dir.join("athletes/ana.toml"), dir.join("other/ana.toml")).expect("copies");
    fs::copy(dir.join("athletes/ana.toml"), dir.join("other/Ana.toml")).expect("copies");
    planner([
        "week",
        "athletes/ana.toml",
        "other/ana.toml",
        "--output-dir",
        "out",
    ])
    .current_dir(&dir)
    .run()
    .code(2)
    .stderr(
        "error: athletes/ana.toml and other/ana.toml would both write out/ana.txt; \
             rename one, or plan them in two runs\n",
    );
    // Files that differ only in case would overwrite each other on macOS and Windows.
    planner([
        "week",
        "athletes/ana.toml",
        "other/Ana.toml",
        "--output-dir",
        "out",
    ])
    .current_dir(&dir)
    .run()
    .code(2)
    .stderr_has("would both write out/Ana.txt");
    assert!(!dir.join("out").exists(), "the folder is not even made");
}

#[test]
fn standard_input_in_a_batch_is_written_as_stdin() {
    let dir = roster("batch-stdin", &ROSTER[..1]);
    let text = read(&root().join("examples/marathoner.toml"));
    planner([
        "week",
        "athletes/ana.toml",
        "-",
        "--format",
        "json",
        "--output-dir",
        "out",
    ])
    .current_dir(&dir)
    .stdin(text.clone())
    .run()
    .code(0);
    assert_eq!(listing(&dir.join("out")), ["ana.json", "stdin.json"]);
    let alone = planner(["week", "-", "--format", "json"])
        .stdin(text)
        .run()
        .code(0);
    assert_eq!(read(&dir.join("out/stdin.json")), alone.stdout);
    // Its errors are named <stdin>.
    planner(["week", "athletes/ana.toml", "-", "--output-dir", "out"])
        .current_dir(&dir)
        .stdin("[week]\nmon = \"jog\"\n")
        .run()
        .code(1)
        .stderr_has(" --> <stdin>:2:7");
    planner(["week", "-", "-", "--output-dir", "out"])
        .current_dir(&dir)
        .run()
        .code(2)
        .stderr_has("- (standard input) and - (standard input) would both write out/stdin.txt");
}

#[test]
fn a_block_per_athlete_goes_into_the_folder_too() {
    let dir = roster("batch-block", &ROSTER[..2]);
    planner([
        "block",
        "athletes/ana.toml",
        "athletes/bo.toml",
        "--race",
        "2027-04-18",
        "--format",
        "csv",
        "--output-dir",
        "blocks",
    ])
    .current_dir(&dir)
    .run()
    .code(0);
    let alone = planner([
        "block",
        "athletes/bo.toml",
        "--race",
        "2027-04-18",
        "--format",
        "csv",
    ])
    .current_dir(&dir)
    .run()
    .code(0);
    assert_eq!(read(&dir.join("blocks/bo.csv")), alone.stdout);
    assert_eq!(listing(&dir.join("blocks")), ["ana.csv", "bo.csv"]);
}

#[test]
fn the_output_folder_is_made_but_not_its_parents_and_never_over_a_schedule() {
    let dir = roster("batch-folder", &ROSTER[..1]);
    planner(["week", "athletes/ana.toml", "--output-dir", "no/such/out"])
        .current_dir(&dir)
        .run()
        .code(1)
        .stderr_has("error: cannot create the output folder no/such/out: ");
    // A plan named like its schedule, written into the schedule's folder, is refused.
    fs::write(
        dir.join("athletes/week.json"),
        read(&dir.join("athletes/ana.toml")),
    )
    .expect("writes");
    planner([
        "week",
        "athletes/week.json",
        "--format",
        "json",
        "--output-dir",
        "athletes",
    ])
    .current_dir(&dir)
    .run()
    .code(2)
    .stderr_has("--output-dir would write athletes/week.json over the schedule athletes/week.json");
}

#[test]
fn a_large_roster_stays_within_the_memory_limit() {
    let dir = tempdir("batch-memory");
    let text = read(&root().join("examples/marathon-build.toml"));
    let mut args = vec!["block".to_owned(), "--weeks".to_owned(), "16".to_owned()];
    for i in 0..200 {
        let path = dir.join(format!("athlete{i:03}.toml"));
        fs::write(&path, &text).expect("writes");
        args.push(path.display().to_string());
    }
    args.extend(["--format", "ics", "--output-dir"].map(str::to_owned));
    args.push(dir.join("out").display().to_string());
    planner(&args).memory_cap_mib(64).run().code(0);
    assert_eq!(listing(&dir.join("out")).len(), 200);
}

#[cfg(unix)]
#[test]
fn a_signal_during_a_roster_leaves_whole_files_and_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempdir("batch-signal");
    let text = read(&root().join("examples/base-week.toml"));
    let mut names = Vec::new();
    for i in 0..24 {
        let name = format!("athlete{i:02}.toml");
        fs::write(dir.join(&name), &text).expect("writes");
        names.push(name);
    }
    let out = dir.join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
        .arg("block")
        .args(&names)
        .args([
            "--weeks",
            "104",
            "--format",
            "ics",
            "--include-runs",
            "--output-dir",
            "out",
        ])
        .current_dir(&dir)
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let temporary = |dir: &Path| {
        fs::read_dir(dir).is_ok_and(|mut entries| {
            entries.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp")))
        })
    };
    // Once a few calendars are written and another is being written, stop the run.
    let mut seen = false;
    while !seen && child.try_wait().expect("polls").is_none() {
        seen = temporary(&out) && fs::read_dir(&out).is_ok_and(|e| e.count() > 4);
        if !seen {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
    let mut early = false;
    if seen {
        let killed = std::process::Command::new("kill")
            .args(["-TERM".to_owned(), child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        early = listing(&out).len() < names.len() / 2;
    }
    let status = child.wait().expect("ends");
    assert!(!temporary(&out), "a temporary file was left");
    if early {
        // Not lost between two files, nor held until the roster is done.
        assert_eq!(status.signal(), Some(15), "{status}");
    } else {
        assert!(
            status.signal() == Some(15) || status.success(),
            "ended by the signal, or done before it: {status}"
        );
    }
    let written = listing(&out);
    assert!(!written.is_empty());
    for name in &written {
        let calendar = read(&out.join(name));
        assert!(
            calendar.ends_with("END:VCALENDAR\r\n"),
            "{name} is cut short"
        );
    }
    if status.success() {
        assert_eq!(written.len(), names.len());
    }
}
