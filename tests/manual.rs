//! `planner man` and `--help`: one manual page with everything, and help that lists
//! only options that work.

use std::path::Path;

use crate::util::planner;

#[test]
fn the_manual_is_one_page_with_every_section() {
    let page = planner(["man"]).run().code(0).stderr("").stdout;
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq"), "roff preamble");
    assert!(page.contains("\n.TH planner 1 "), "title");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "\"THE SCHEDULE FILE\"",
        "\"OUTPUT FORMATS\"",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "EXAMPLES",
        "\"SEE ALSO\"",
    ] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "{section}");
    }
    // No pointer to pages that do not exist.
    assert!(
        !page.contains("planner-week"),
        "names a page per subcommand"
    );
    assert_eq!(
        planner(["man"]).run().stdout,
        page,
        "the same bytes every run"
    );
}

#[test]
fn every_flag_of_every_help_is_in_the_manual() {
    let page = planner(["man"]).run().code(0).stdout;
    for sub in subcommands() {
        let help = planner([sub.as_str(), "--help"]).run().code(0).stdout;
        for word in help.split(|c: char| c.is_whitespace() || c == ',') {
            if let Some(flag) = word.strip_prefix("--") {
                let flag: String = flag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(
                    page.contains(&format!("\\-\\-{}", flag.replace('-', "\\-"))),
                    "{sub} --{flag}"
                );
            }
        }
    }
}

/// A run of `planner SUBCOMMAND` that uses `flag`, which must succeed: every option
/// `--help` lists works (issue 15: block listed --explain, which then failed).
fn working_run(subcommand: &str, flag: &str, output: &Path) -> Vec<String> {
    let output = output.to_string_lossy().into_owned();
    let base = match subcommand {
        "week" => vec!["week", "examples/base-week.toml"],
        _ => vec!["block", "examples/base-week.toml", "--weeks", "2"],
    };
    let extra: Vec<&str> = match flag {
        "weeks" => vec![],
        "race" => vec!["--race", "2026-12-13"],
        "in-season" => vec!["--in-season"],
        "detail" => vec!["--detail"],
        "format" => vec!["--format", "json"],
        "week-of" => vec!["--week-of", "2026-12-07"],
        "sessions" => vec!["--sessions", "2"],
        "minutes" => vec!["--minutes", "30"],
        "explain" => vec!["--explain"],
        "include-runs" => vec!["--format", "ics", "--include-runs"],
        "alarm" => vec!["--format", "ics", "--alarm", "30"],
        "output" => vec!["--output", output.as_str()],
        "output-dir" => vec!["--output-dir", output.as_str()],
        "plans" => vec!["--plans", "plans"],
        "color" => vec!["--color", "always"],
        "help" => vec!["--help"],
        "version" => vec!["--version"],
        other => panic!("{subcommand} --{other}: add a run that uses it to this table"),
    };
    base.into_iter().chain(extra).map(str::to_owned).collect()
}

#[test]
fn every_option_that_week_and_block_list_works() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("every-option");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a folder");
    for subcommand in ["week", "block"] {
        let help = planner([subcommand, "--help"]).run().code(0).stdout;
        let mut tried = 0;
        for long in long_options(&help) {
            let long = long.as_str();
            let output = dir.join(format!("{subcommand}-{long}.out"));
            if long == "output-dir" {
                std::fs::create_dir_all(&output).expect("creates the output folder");
            }
            let args = working_run(subcommand, long, &output);
            let outcome = planner(&args).run();
            assert_eq!(
                outcome.code,
                0,
                "planner {}: {}",
                args.join(" "),
                outcome.stderr
            );
            tried += 1;
        }
        assert!(tried >= 9, "{subcommand}: {tried} options");
        assert!(help.contains("--explain"), "{subcommand} --help");
    }
}

/// The subcommands `planner --help` lists, `help` aside.
fn subcommands() -> Vec<String> {
    let help = planner(["--help"]).run().code(0).stdout;
    let names: Vec<String> = help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A name is indented two spaces; a wrapped description further.
        .filter(|line| !line[2..].starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 8, "subcommands: {names:?}");
    names
}

/// The long options a `--help` lists, in its order: each option line's `--name`,
/// read from the line's first column (the option itself, not its description).
fn long_options(help: &str) -> Vec<String> {
    help.lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with('-'))
        .filter_map(|line| {
            let spec = line.split("  ").next().unwrap_or(line);
            spec.split([' ', ','])
                .find_map(|word| word.strip_prefix("--"))
                .map(|name| {
                    name.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect()
                })
        })
        .collect()
}
