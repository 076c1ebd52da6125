//! `planner man` and `--help`: one manual page with everything, and help that lists
//! only options that work.

use std::path::Path;

use clap::CommandFactory;

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
    let command = planner::cli::Cli::command();
    for sub in command.get_subcommands() {
        let help = planner([sub.get_name(), "--help"]).run().code(0).stdout;
        for word in help.split(|c: char| c.is_whitespace() || c == ',') {
            if let Some(flag) = word.strip_prefix("--") {
                let flag: String = flag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(
                    page.contains(&format!("\\-\\-{}", flag.replace('-', "\\-"))),
                    "{} --{flag}",
                    sub.get_name()
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
    let mut command = planner::cli::Cli::command();
    // Built, so that the global options (--color) are among each subcommand's.
    command.build();
    for subcommand in ["week", "block"] {
        let sub = command
            .find_subcommand(subcommand)
            .expect("the subcommand exists");
        let mut tried = 0;
        for arg in sub.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
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
        let help = planner([subcommand, "--help"]).run().code(0).stdout;
        assert!(help.contains("--explain"), "{subcommand} --help");
    }
}
