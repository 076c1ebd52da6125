//! The errors a runner meets first: no schedule yet, and dates that do not exist,
//! whether on the command line or in the file.

use crate::util::{planner, tempdir};

#[test]
fn a_missing_default_schedule_suggests_planner_init() {
    let dir = tempdir("missing-default-schedule");
    for command in ["week", "block"] {
        let mut args = vec![command];
        if command == "block" {
            args.extend(["--weeks", "4"]);
        }
        planner(&args)
            .current_dir(&dir)
            .run()
            .code(1)
            .stdout("")
            .stderr_has("error: cannot read schedule.toml: ")
            .stderr_has("\n  = help: write a starter schedule with: planner init (or name a schedule file)\n");
    }
    // A file the runner named is a typo or a wrong folder, not a first run.
    let named = planner(["week", "athlete.toml"])
        .current_dir(&dir)
        .run()
        .code(1);
    assert!(!named.stderr.contains("planner init"), "{}", named.stderr);
}

#[test]
fn a_week_of_that_does_not_exist_says_why() {
    planner(["week", "examples/base-week.toml", "--week-of", "2027-02-30"])
        .run()
        .code(2)
        .stderr_has(
            "invalid value '2027-02-30' for '--week-of <DATE>': 2027-02-30 does not exist: \
             February 2027 has 28 days",
        );
    planner(["week", "examples/base-week.toml", "--week-of", "2028-02-30"])
        .run()
        .code(2)
        .stderr_has("February 2028 has 29 days");
    planner(["week", "examples/base-week.toml", "--week-of", "2027-13-01"])
        .run()
        .code(2)
        .stderr_has("2027-13-01 does not exist: months run from 01 to 12");
    // Another shape is still told the shape.
    planner(["week", "examples/base-week.toml", "--week-of", "30/02/2027"])
        .run()
        .code(2)
        .stderr_has("expected a date as YYYY-MM-DD, such as 2026-11-30");
}

#[test]
fn a_race_day_that_does_not_exist_says_why() {
    for race in ["2027-04-31", "2027-04-31T09:00"] {
        planner(["block", "examples/base-week.toml", "--race", race])
            .run()
            .code(2)
            .stderr_has("2027-04-31 does not exist: April 2027 has 30 days");
    }
    planner(["block", "examples/base-week.toml", "--race", "18/04/2027"])
        .run()
        .code(2)
        .stderr_has("expected a date as YYYY-MM-DD or a date and start as YYYY-MM-DDTHH:MM");
}

#[test]
fn dates_in_the_file_that_do_not_exist_say_why_where_they_are() {
    planner(["week", "-"])
        .stdin("week_of = 2026-09-31\n")
        .run()
        .code(1)
        .stderr_has(
            "error: 2026-09-31 does not exist: September 2026 has 30 days\n --> <stdin>:1:11\n",
        );
    planner(["week", "-"])
        .stdin("[weeks.\"2027-02-29\"]\ncutback = true\n")
        .run()
        .code(1)
        .stderr_has(
            "error: 2027-02-29 does not exist: February 2027 has 28 days\n --> <stdin>:1:8\n",
        );
}
