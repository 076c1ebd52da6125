//! The terminal (SPEC §5): text fits the width (`COLUMNS`, else the terminal's, else
//! 80 columns), and colour follows `--color`, `NO_COLOR` and `TERM`; through pipes,
//! in process at every width, and on a real pseudo-terminal.

use planner::render::{self, Week, text::TextOptions};

use crate::util::{golden, planner, root, tempdir};

/// Every example schedule's name.
fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("examples/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| {
            path.file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "only {} examples", names.len());
    names
}

/// Blocks in text: (example, block flags, whether some line wraps at 80 columns).
const BLOCKS: &[(&str, &[&str], bool)] = &[
    ("marathon-build", &["--race", "2027-03-21"], true),
    ("base-week", &["--race", "2027-01-10T10:00"], true),
    // Two sessions a week fit 80 columns.
    ("beginner", &["--weeks", "6", "--in-season"], false),
];

/// Asserts no line of `text` is wider than `width` columns.
#[track_caller]
fn assert_fits(text: &str, width: usize, what: &str) {
    for line in text.lines() {
        let columns = line.chars().count();
        assert!(
            columns <= width,
            "{what}: a line of {columns} columns in {width}:\n{line}\n--- whole text\n{text}"
        );
    }
}

/// The widest line of `text`, in columns.
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// `args` run through a pipe, with `COLUMNS` when given: standard output.
fn text(args: &[&str], columns: Option<&str>) -> String {
    let mut run = planner(args);
    if let Some(columns) = columns {
        run = run.env("COLUMNS", columns);
    }
    let outcome = run.run().code(0);
    assert_eq!(outcome.stderr, "", "{args:?}");
    outcome.stdout
}

#[test]
fn every_example_week_fits_80_columns_by_default_and_120_with_columns() {
    for name in examples() {
        let file = format!("examples/{name}.toml");
        for flags in [&[][..], &["--explain"]] {
            let args: Vec<&str> = ["week", file.as_str()]
                .into_iter()
                .chain(flags.iter().copied())
                .collect();
            let outcome = planner(&args).run();
            if outcome.code == 3 {
                // No plan: nothing on standard output.
                assert_eq!(outcome.stdout, "", "{name}");
                continue;
            }
            let plain = outcome.code(0).stdout;
            assert_fits(&plain, 80, &name);
            // No terminal and no COLUMNS is 80 columns, as COLUMNS=80 is.
            assert_eq!(plain, text(&args, Some("80")), "{name} {flags:?}");
            let wide = text(&args, Some("120"));
            assert_fits(&wide, 120, &name);
            // The room is used: the title alone is wider than 80 columns.
            assert!(widest(&wide) > 80, "{name} {flags:?} at 120:\n{wide}");
        }
    }
}

#[test]
fn every_block_fits_80_and_120_columns_with_explain_and_detail() {
    for (name, block, wraps) in BLOCKS {
        let file = format!("examples/{name}.toml");
        for flags in [&[][..], &["--explain"], &["--detail"]] {
            let args: Vec<&str> = ["block", file.as_str()]
                .into_iter()
                .chain(block.iter().copied())
                .chain(flags.iter().copied())
                .collect();
            let narrow = text(&args, None);
            assert_fits(&narrow, 80, name);
            let wide = text(&args, Some("120"));
            assert_fits(&wide, 120, name);
            if *wraps {
                // The room is used: the lines wrapped at 80 columns join.
                assert!(widest(&wide) > 80, "{name} {flags:?} at 120:\n{wide}");
                assert!(wide.lines().count() < narrow.lines().count());
            } else if flags.is_empty() {
                assert_eq!(wide, narrow, "{name}");
            }
        }
    }
}

#[test]
fn wide_terminals_match_their_golden_output() {
    let runs: [(&str, &[&str]); 3] = [
        ("starter.w120.txt", &["week", "examples/starter.toml"]),
        (
            "base-week.explain.w120.txt",
            &["week", "examples/base-week.toml", "--explain"],
        ),
        (
            "marathon-build.block.w120.txt",
            &[
                "block",
                "examples/marathon-build.toml",
                "--race",
                "2027-03-21",
            ],
        ),
    ];
    for (file, args) in runs {
        golden(&format!("tests/golden/{file}"), &text(args, Some("120")));
    }
}

#[test]
fn the_exercise_library_fits_the_width_too() {
    let narrow = text(&["exercises"], None);
    assert_fits(&narrow, 80, "exercises");
    assert!(narrow.contains("    - Barbell back squat\n      (needs a barbell;"));
    let wide = text(&["exercises"], Some("120"));
    assert_fits(&wide, 120, "exercises");
    assert!(widest(&wide) > 80, "{wide}");
    // Only the breaks moved.
    assert_eq!(letters(&narrow), letters(&wide));
}

#[test]
fn columns_that_is_not_a_positive_number_means_80() {
    let args = ["week", "examples/marathoner.toml"];
    let plain = text(&args, None);
    for columns in ["0", "-120", "wide", ""] {
        assert_eq!(text(&args, Some(columns)), plain, "COLUMNS={columns:?}");
    }
}

/// Every line at `width`, for the weeks and blocks the examples give, in process.
fn render_all(width: usize) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for name in examples() {
        let file = root().join(format!("examples/{name}.toml"));
        let source = std::fs::read_to_string(&file).expect("the example reads");
        let schedule = planner::Schedule::parse(&source, Default::default()).expect("valid");
        let monday = render::monday_of(
            schedule
                .week_of
                .unwrap_or(planner::date::Date::constant(2026, 11, 30)),
        );
        let schedule = schedule.in_week(monday);
        let Ok(plan) = planner::plan_week(&schedule) else {
            continue;
        };
        let week = Week {
            schedule: &schedule,
            plan: &plan,
            monday,
        };
        for explain in [false, true] {
            let mut out = Vec::new();
            let options = TextOptions {
                explain,
                width,
                ..TextOptions::default()
            };
            render::text::write(&week, options, &mut out).expect("renders");
            let what = format!("{name} explain={explain}");
            all.push((what, String::from_utf8(out).expect("UTF-8")));
        }
    }
    // A block of six weeks to a race, with its reasons and every session.
    let source = std::fs::read_to_string(root().join("examples/base-week.toml")).expect("reads");
    let schedule = planner::Schedule::parse(&source, Default::default()).expect("valid");
    let date = planner::date::Date::constant;
    let options = planner::block::BlockOptions {
        first_monday: date(2026, 11, 30),
        weeks: None,
        race: Some(date(2027, 1, 10)),
        race_at: planner::clock::TimeOfDay::from_minutes(10 * 60),
        in_season: false,
    };
    let block =
        planner::block::plan_block(&schedule, planner::template::Library::builtin(), options)
            .expect("a block");
    let mut out = Vec::new();
    let options = TextOptions {
        explain: true,
        width,
        ..TextOptions::default()
    };
    render::text::write_block(&block, options, true, &mut out).expect("renders");
    all.push((
        "base-week block".to_owned(),
        String::from_utf8(out).expect("UTF-8"),
    ));
    all
}

/// The text's characters other than spaces, in order of value: what a line break
/// cannot change.
fn letters(text: &str) -> Vec<char> {
    let mut letters: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    letters.sort_unstable();
    letters
}

#[test]
fn no_line_passes_any_width_and_no_letter_is_lost() {
    let whole = render_all(100_000);
    for width in (1..=60).chain((61..=140).step_by(7)) {
        for ((what, text), (_, unwrapped)) in render_all(width).iter().zip(&whole) {
            assert_fits(text, width, what);
            assert!(
                letters(text) == letters(unwrapped),
                "{what} at {width} columns lost or gained text:\n{text}"
            );
        }
    }
}

#[test]
fn color_always_paints_text_even_into_a_pipe_and_never_and_auto_do_not() {
    let args = ["week", "examples/base-week.toml", "--explain"];
    let plain = text(&args, None);
    assert!(!plain.contains('\x1b'));
    let never = text(&[&args[..], &["--color", "never"]].concat(), None);
    assert_eq!(never, plain);
    let auto = text(&[&args[..], &["--color=auto"]].concat(), None);
    assert_eq!(auto, plain);
    let always = text(&[&args[..], &["--color", "always"]].concat(), None);
    assert!(always.contains("\x1b[1m\x1b[31mHARD\x1b[0m"), "{always}");
    assert!(always.contains("\x1b[1m\x1b[33mHEAVY\x1b[0m"), "{always}");
    // The same text under the paint, column for column.
    assert_eq!(anstream::adapter::strip_str(&always).to_string(), plain);
    // `always` is not undone by the environment.
    let outcome = planner([&args[..], &["--color", "always"]].concat())
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .run()
        .code(0);
    assert_eq!(outcome.stdout, always);
}

#[test]
fn color_always_paints_the_block_and_the_flag_goes_before_the_subcommand_too() {
    let outcome = planner([
        "--color",
        "always",
        "block",
        "examples/marathoner.toml",
        "--weeks",
        "2",
    ])
    .run()
    .code(0);
    assert!(
        outcome.stdout.contains("\x1b[1m\x1b[33mheavy\x1b[0m"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome.stdout.starts_with("\x1b[1mBlock of 2 weeks"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn formats_for_programs_never_get_colour() {
    for format in ["json", "ics", "csv"] {
        let outcome = planner([
            "week",
            "examples/base-week.toml",
            "--format",
            format,
            "--color",
            "always",
        ])
        .run()
        .code(0);
        assert!(!outcome.stdout.contains('\x1b'), "{format}");
    }
    let outcome = planner(["check", "examples/base-week.toml", "--color", "always"])
        .run()
        .code(3);
    assert!(outcome.stdout.contains("1 strength session"));
    assert!(!outcome.stdout.contains('\x1b'));
}

#[test]
fn an_output_file_takes_colour_only_with_always() {
    let dir = tempdir("color-output");
    let file = dir.join("week.txt");
    let path = file.to_str().expect("a UTF-8 path");
    planner(["week", "examples/base-week.toml", "--output", path])
        .run()
        .code(0);
    let auto = std::fs::read_to_string(&file).expect("written");
    assert!(!auto.contains('\x1b'));
    planner([
        "week",
        "examples/base-week.toml",
        "--output",
        path,
        "--color",
        "always",
    ])
    .run()
    .code(0);
    let always = std::fs::read_to_string(&file).expect("written");
    assert!(always.contains("\x1b[1m\x1b[31mHARD"));
    assert_eq!(anstream::adapter::strip_str(&always).to_string(), auto);
}

#[test]
fn messages_on_standard_error_follow_the_flag() {
    planner(["week", "no/such.toml"])
        .run()
        .code(1)
        .stderr_has("error: cannot read no/such.toml");
    planner(["week", "no/such.toml", "--color", "always"])
        .run()
        .code(1)
        .stderr_has("\x1b[1m\x1b[31merror:\x1b[0m cannot read no/such.toml");
    // clap's own messages too, before the arguments have parsed.
    let outcome = planner(["week", "--colour", "--color", "always"])
        .run()
        .code(2);
    assert!(outcome.stderr.contains("\x1b["), "{}", outcome.stderr);
    let outcome = planner(["week", "--colour"]).run().code(2);
    assert!(!outcome.stderr.contains('\x1b'), "{}", outcome.stderr);
    let outcome = planner(["week", "--help", "--color=always"]).run().code(0);
    assert!(outcome.stdout.contains("\x1b["), "{}", outcome.stdout);
    let outcome = planner(["week", "--help"]).run().code(0);
    assert!(!outcome.stdout.contains('\x1b'));
}

#[cfg(unix)]
mod on_a_terminal {
    //! Runs with one stream on a pseudo-terminal, as a runner at a terminal sees it.

    use std::io::Read;
    use std::process::{Command, Stdio};

    use rustix::fs::{Mode, OFlags};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use rustix::termios::{Winsize, tcsetwinsize};

    use crate::util::root;

    /// Which stream is the terminal; the other is a pipe.
    #[derive(Clone, Copy)]
    enum On {
        Stdout,
        Stderr,
    }

    /// What a run showed on a terminal `columns` wide, its line ends as written, and
    /// what the other stream got. `env` sets a variable, or removes it with `None`;
    /// `TERM` is `xterm` unless it says otherwise.
    fn run(args: &[&str], env: &[(&str, Option<&str>)], columns: u16, on: On) -> (String, String) {
        let flags = OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC;
        let master = openpt(flags).expect("a pseudo-terminal");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("the terminal's name");
        let flags = OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC;
        let terminal = rustix::fs::open(name.as_c_str(), flags, Mode::empty()).expect("opens");
        let size = Winsize {
            ws_row: 50,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&terminal, size).expect("a window size");
        let terminal = std::fs::File::from(terminal);

        let mut command = Command::new(env!("CARGO_BIN_EXE_planner"));
        command
            .args(args)
            .current_dir(root())
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .env("TERM", "xterm")
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .stdin(Stdio::null());
        for (key, value) in env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        match on {
            On::Stdout => command.stdout(terminal).stderr(Stdio::piped()),
            On::Stderr => command.stderr(terminal).stdout(Stdio::piped()),
        };
        let child = command.spawn().expect("planner starts");
        // The terminal's end stays open only in the child, so reading ends with it.
        drop(command);
        let mut master = std::fs::File::from(master);
        let mut shown = Vec::new();
        let mut buffer = [0; 4096];
        loop {
            match master.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => shown.extend_from_slice(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // Linux says EIO once the other end is closed.
                Err(e) if e.raw_os_error() == Some(rustix::io::Errno::IO.raw_os_error()) => break,
                Err(e) => panic!("reading the terminal: {e}"),
            }
        }
        let output = child.wait_with_output().expect("planner ends");
        let other = match on {
            On::Stdout => output.stderr,
            On::Stderr => output.stdout,
        };
        // The terminal writes a line end as CR LF.
        let shown = String::from_utf8(shown)
            .expect("UTF-8")
            .replace("\r\n", "\n");
        (shown, String::from_utf8(other).expect("UTF-8"))
    }

    const WEEK: &[&str] = &["week", "examples/base-week.toml"];

    fn week_on_terminal(env: &[(&str, Option<&str>)]) -> String {
        run(WEEK, env, 80, On::Stdout).0
    }

    #[test]
    fn a_terminal_gets_colour() {
        let shown = week_on_terminal(&[]);
        assert!(shown.contains("\x1b[1m\x1b[31mHARD\x1b[0m"), "{shown}");
        // Without TERM it is still a terminal.
        assert!(week_on_terminal(&[("TERM", None)]).contains('\x1b'));
    }

    #[test]
    fn an_empty_no_color_keeps_colour_and_a_set_one_turns_it_off() {
        assert!(week_on_terminal(&[("NO_COLOR", Some(""))]).contains('\x1b'));
        assert!(!week_on_terminal(&[("NO_COLOR", Some("1"))]).contains('\x1b'));
        // Whatever it is set to.
        assert!(!week_on_terminal(&[("NO_COLOR", Some("0"))]).contains('\x1b'));
    }

    #[test]
    fn a_dumb_terminal_gets_none() {
        assert!(!week_on_terminal(&[("TERM", Some("dumb"))]).contains('\x1b'));
    }

    #[test]
    fn color_never_and_always_overrule_the_terminal() {
        let never = run(&[WEEK, &["--color", "never"]].concat(), &[], 80, On::Stdout).0;
        assert!(!never.contains('\x1b'));
        let env = [("NO_COLOR", Some("1")), ("TERM", Some("dumb"))];
        let always = run(
            &[WEEK, &["--color", "always"]].concat(),
            &env,
            80,
            On::Stdout,
        )
        .0;
        assert!(always.contains('\x1b'));
    }

    #[test]
    fn text_fits_the_terminal_and_columns_overrides_it() {
        let plain = |text: &str| anstream::adapter::strip_str(text).to_string();
        let shown = plain(&run(WEEK, &[], 100, On::Stdout).0);
        let widest = shown.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!((81..=100).contains(&widest), "{widest} columns:\n{shown}");
        // Laid out as COLUMNS=100 lays it out in a pipe.
        let piped = crate::util::planner(WEEK)
            .env("COLUMNS", "100")
            .run()
            .code(0)
            .stdout;
        assert_eq!(shown, piped);
        let narrower = plain(&run(WEEK, &[("COLUMNS", Some("60"))], 100, On::Stdout).0);
        assert!(
            narrower.lines().all(|l| l.chars().count() <= 60),
            "{narrower}"
        );
        assert_ne!(narrower, shown);
    }

    #[test]
    fn piped_output_gets_no_colour_while_standard_error_on_a_terminal_does() {
        let args = ["week", "no/such.toml"];
        let (shown, stdout) = run(&args, &[], 80, On::Stderr);
        assert_eq!(stdout, "");
        assert!(
            shown.starts_with("\x1b[1m\x1b[31merror:\x1b[0m cannot read no/such.toml"),
            "{shown:?}"
        );
        let (shown, _) = run(&args, &[("NO_COLOR", Some("1"))], 80, On::Stderr);
        assert!(shown.starts_with("error: cannot read"), "{shown:?}");
        // Standard output into a pipe stays plain while standard error is a terminal.
        let (_, stdout) = run(WEEK, &[], 80, On::Stderr);
        assert!(stdout.starts_with("Week of") && !stdout.contains('\x1b'));
    }
}
