//! The runner's and coach's workflow: check, init, --output, colour, completions, man.

use std::path::{Path, PathBuf};

use crate::util::planner;

/// A fresh, empty folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a folder");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes");
    path.to_string_lossy().into_owned()
}

const GOOD: &str = "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\n\
                    mon = { strength = \"heavy\", at = \"18:00\" }\nfri = { strength = \"light\", at = \"18:00\" }\n";

const BAD: &str = "[week]\ntue = { run = \"race\", at = \"23:00\", minutes = 90 }\n\
                   wed = { strength = \"heavy\", at = \"06:00\" }\nthu = [\"tempo\", { strength = \"light\", at = \"18:00\", minutes = 60 }]\n";

#[test]
fn check_passes_a_file_that_keeps_every_rule() {
    let dir = folder("check-good");
    let good = write(&dir, "good.toml", GOOD);
    planner(["check", good.as_str()]).run().code(0).stderr("").stdout(&format!(
        "{good}: warning: mon 18:00 heavy: 11 h 50 min before the tue 06:30 intervals, ideally 24 h or more\n\
         {good}: ok, 2 sessions keep every rule\n"
    ));
}

#[test]
fn check_names_file_day_time_rule_and_numbers_and_exits_3() {
    let dir = folder("check-bad");
    let good = write(&dir, "good.toml", GOOD);
    let bad = write(&dir, "club.toml", BAD);
    planner(["check", good.as_str(), bad.as_str()])
        .run()
        .code(3)
        .stdout(&format!(
            "{good}: warning: mon 18:00 heavy: 11 h 50 min before the tue 06:30 intervals, ideally 24 h or more\n\
             {good}: ok, 2 sessions keep every rule\n\
             {bad}: wed 06:00 heavy: 5 h 30 min after the tue 23:00 race (key), heavy needs 6 h\n\
             {bad}: thu 18:00 light: on a hard day (tempo at 07:00), strength goes on easy or rest days\n\
             {bad}: thu 18:00 light: 1 h long, a session lasts 30 to 45 min\n"
        ))
        .stderr("error: 1 file breaks the rules\n");
}

#[test]
fn check_as_json_gives_the_same_verdicts() {
    let dir = folder("check-json");
    let bad = write(&dir, "club.toml", BAD);
    let outcome = planner(["check", bad.as_str(), "--format", "json"])
        .run()
        .code(3);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    let verdict = &json[0];
    assert_eq!(verdict["ok"], false);
    assert_eq!(verdict["sessions"], 2);
    let rules: Vec<&str> = verdict["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v["rule"].as_str())
        .collect();
    assert_eq!(rules, ["heavy-gap", "hard-day", "length"]);
    assert_eq!(verdict["violations"][0]["day"], "wed");
    assert_eq!(verdict["violations"][0]["at"], "06:00");
}

#[test]
fn check_of_an_invalid_file_is_exit_1() {
    let dir = folder("check-invalid");
    let broken = write(&dir, "broken.toml", "[week]\nwed = \"eazy\"\n");
    planner(["check", broken.as_str()])
        .run()
        .code(1)
        .stderr_has("unknown run type \"eazy\"");
}

#[test]
fn init_writes_a_schedule_that_week_accepts() {
    let dir = folder("init");
    planner(["init"]).current_dir(&dir).run().code(0).stdout("");
    let written =
        std::fs::read_to_string(dir.join("schedule.toml")).expect("init wrote schedule.toml");
    assert_eq!(written, include_str!("../examples/starter.toml"));
    planner(["week"])
        .current_dir(&dir)
        .run()
        .code(0)
        .stdout_has("Week of Mon 23 Nov 2026: 3 of 3 sessions");
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = folder("init-twice");
    let path = write(&dir, "mine.toml", "# my week\n");
    planner(["init", path.as_str()])
        .run()
        .code(1)
        .stderr(&format!(
            "error: {path} already exists; pass --force to replace it\n"
        ));
    assert_eq!(
        std::fs::read_to_string(&path).expect("reads"),
        "# my week\n"
    );
    planner(["init", path.as_str(), "--force"]).run().code(0);
    assert_eq!(
        std::fs::read_to_string(&path).expect("reads"),
        include_str!("../examples/starter.toml")
    );
}

#[test]
fn output_file_is_written_whole_and_left_alone_on_bad_input() {
    let dir = folder("output");
    let out = dir.join("week.ics").to_string_lossy().into_owned();
    planner([
        "week",
        "examples/base-week.toml",
        "--format",
        "ics",
        "--output",
        out.as_str(),
    ])
    .run()
    .code(0)
    .stdout("");
    let first = std::fs::read(&out).expect("written");
    assert!(first.starts_with(b"BEGIN:VCALENDAR\r\n") && first.ends_with(b"END:VCALENDAR\r\n"));
    // Bad input and a week with no plan both leave the file exactly as it was.
    planner([
        "week",
        "tests/bad-input/unknown-day.toml",
        "--output",
        out.as_str(),
    ])
    .run()
    .code(1);
    planner(["week", "examples/no-room.toml", "--output", out.as_str()])
        .run()
        .code(3);
    assert_eq!(std::fs::read(&out).expect("still there"), first);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["week.ics"], "no temporary file left behind");
}

#[test]
fn output_into_a_missing_folder_is_an_error_that_names_it() {
    planner([
        "week",
        "examples/base-week.toml",
        "--output",
        "no/such/folder/week.json",
    ])
    .run()
    .code(1)
    .stderr_has("error: cannot create a temporary file in no/such/folder");
}

#[test]
fn piped_output_has_no_escape_codes_even_with_colour_allowed() {
    let outcome = planner(["week", "examples/marathoner.toml", "--explain"])
        .run()
        .code(0);
    assert!(!outcome.stdout.contains('\x1b'));
    let outcome = planner(["week", "examples/marathoner.toml"])
        .env("NO_COLOR", "1")
        .run()
        .code(0);
    assert!(!outcome.stdout.contains('\x1b'));
}

#[test]
fn colour_marks_hard_runs_and_heavy_sessions_only_when_asked() {
    use planner::render::{self, Week, text::TextOptions};
    let schedule = planner::Schedule::parse(
        include_str!("../examples/base-week.toml"),
        Default::default(),
    )
    .expect("valid");
    let plan = planner::plan_week(&schedule).expect("a plan");
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday: render::monday_of(schedule.week_of.expect("set")),
    };
    let mut plain = Vec::new();
    render::text::write(&week, TextOptions::default(), &mut plain).expect("renders");
    let mut coloured = Vec::new();
    let options = TextOptions {
        color: true,
        ..TextOptions::default()
    };
    render::text::write(&week, options, &mut coloured).expect("renders");
    let coloured = String::from_utf8(coloured).expect("UTF-8");
    let plain = String::from_utf8(plain).expect("UTF-8");
    assert!(!plain.contains('\x1b'));
    assert!(
        coloured.contains("\x1b[1m\x1b[31mHARD\x1b[0m")
            && coloured.contains("\x1b[1m\x1b[33mHEAVY\x1b[0m")
            && coloured.contains("\x1b[32mlight\x1b[0m"),
        "{coloured}"
    );
    // Without the escape codes the two are the same text, column for column.
    assert_eq!(anstream::adapter::strip_str(&coloured).to_string(), plain);
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let outcome = planner(["completions", shell]).run().code(0);
        assert!(
            outcome.stdout.contains("week") && outcome.stdout.contains("week-of"),
            "{shell}"
        );
    }
    planner(["man"])
        .run()
        .code(0)
        .stdout_has(".TH planner")
        .stdout_has("week");
}

#[test]
fn block_length_errors_are_input_errors_with_the_dates() {
    planner(["block", "examples/marathoner.toml", "--weeks", "2", "--race", "2027-02-21"])
        .run()
        .code(1)
        .stdout("")
        .stderr("error: the block ends on 2026-12-13, before the race on 2027-02-21; it needs 12 weeks to reach it\n");
    planner(["block", "examples/marathoner.toml", "--race", "2026-11-01"])
        .run()
        .code(1)
        .stderr("error: the race on 2026-11-01 is before the block starts on 2026-11-30\n");
    planner(["block", "examples/marathoner.toml"])
        .run()
        .code(2)
        .stderr_has("<--weeks <N>|--race <DATE[THH:MM]>>");
    planner(["block", "examples/marathoner.toml", "--weeks", "105"])
        .run()
        .code(2);
    planner(["block", "examples/marathoner.toml", "--race", "2029-01-01"])
        .run()
        .code(1)
        .stderr_has("longer than a block of at most 104");
}

#[test]
fn a_block_of_a_week_with_no_plan_exits_3() {
    planner(["block", "examples/no-room.toml", "--weeks", "4"])
        .run()
        .code(3)
        .stdout("")
        .stderr_has("no plan");
}

#[test]
fn a_block_to_the_race_has_deloads_and_a_taper_in_json() {
    let outcome = planner([
        "block",
        "examples/marathoner.toml",
        "--race",
        "2027-02-21",
        "--format",
        "json",
    ])
    .run()
    .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    let weeks = json["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 12);
    let deloads: Vec<u64> = weeks
        .iter()
        .filter(|w| w["deload"] == true)
        .filter_map(|w| w["week"].as_u64())
        .collect();
    // Week 12 is race week: a taper week never deloads.
    assert_eq!(deloads, [4, 8]);
    let race_week = &weeks[11];
    assert_eq!(race_week["taper"], true);
    assert_eq!(race_week["phase"], "taper");
    let phases: Vec<&str> = weeks.iter().filter_map(|w| w["phase"].as_str()).collect();
    assert_eq!(
        phases,
        [
            "base", "base", "base", "strength", "strength", "strength", "strength", "power",
            "power", "power", "power", "taper"
        ]
    );
    let sessions = race_week["sessions"].as_array().expect("sessions");
    assert!(sessions.len() <= 1 && sessions.iter().all(|s| s["kind"] == "light"));
    assert_eq!(json["race"]["start"], "2027-02-21T07:00");
}

#[test]
fn a_race_start_from_the_flag_is_in_the_calendar_with_the_runs() {
    let outcome = planner([
        "block",
        "examples/marathoner.toml",
        "--race",
        "2027-02-21T09:30",
        "--format",
        "ics",
        "--include-runs",
    ])
    .run()
    .code(0);
    let unfolded = outcome.stdout.replace("\r\n ", "");
    let race = unfolded
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("SUMMARY:Race\r\n"))
        .expect("a race event");
    assert!(race.contains("DTSTART:20270221T093000"), "{race}");
}
