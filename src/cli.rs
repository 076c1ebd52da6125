//! The command line: every subcommand, flag and help text, in one place.

pub use planner::render::Format;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use planner::date::Date;

use planner::clock::TimeOfDay;

/// Places 2–3 strength sessions around a runner's week, away from the hard runs.
#[derive(Debug, Parser)]
#[command(
    name = "planner",
    version,
    about,
    propagate_version = true,
    after_help = "Start with:\n  planner init && planner week"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the text and the messages: auto colours a terminal, unless
    /// NO_COLOR is set (not empty) or TERM is dumb.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan the strength sessions of a week and print it.
    #[command(
        after_help = "Examples:\n  planner week examples/marathoner.toml --explain\n  \
                            planner week schedule.toml --format ics --output week.ics"
    )]
    Week(WeekArgs),
    /// Plan a periodized training block: base, strength, power, a taper into the
    /// race, maintenance after it or in season; deloads with the running plan.
    #[command(
        after_help = "Examples:\n  planner block schedule.toml --race 2027-04-18T09:00 --explain\n  \
                            planner block schedule.toml --weeks 12 --in-season\n  \
                            planner block schedule.toml --race 2027-04-18 --format ics --include-runs --output block.ics"
    )]
    Block(BlockArgs),
    /// Judge the strength sessions already fixed in schedule files against the rules.
    #[command(after_help = "Example:\n  planner check club.toml coach.toml --format json")]
    Check(CheckArgs),
    /// Write a commented starter schedule.
    #[command(after_help = "Example:\n  planner init my-week.toml && planner week my-week.toml")]
    Init(InitArgs),
    /// List the exercise library: every template's exercises, families, muscles, and
    /// what a novice does instead.
    #[command(after_help = "Example:\n  planner exercises --format json | jq '.[].name'")]
    Exercises(ExercisesArgs),
    /// Print shell completions.
    #[command(
        after_help = "Example:\n  planner completions bash > ~/.local/share/bash-completion/completions/planner"
    )]
    Completions(CompletionsArgs),
    /// Print the JSON Schema of a JSON output: what `week`, `block` or `check`
    /// prints with --format json.
    #[command(after_help = "Examples:\n  planner schema week > week.schema.json\n  \
                            planner schema check | jq '.\"$defs\".InputError'")]
    Schema(SchemaArgs),
    /// Print the manual: one page with every subcommand and option, the schedule
    /// file, the output formats and the exit codes (roff).
    #[command(
        after_help = "Examples:\n  planner man | man -l -\n  planner man > ~/.local/share/man/man1/planner.1"
    )]
    Man,
}

/// Arguments of `planner week`.
#[derive(Debug, Args)]
pub struct WeekArgs {
    /// The schedule files; `-` reads standard input. Several (a coach's athletes)
    /// need --output-dir.
    #[arg(default_value = "schedule.toml")]
    pub schedules: Vec<PathBuf>,

    /// How to plan and print.
    #[command(flatten)]
    pub plan: PlanArgs,
}

/// Arguments of `planner block`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("length").required(true).multiple(true).args(["weeks", "race"])))]
pub struct BlockArgs {
    /// The schedule files; `-` reads standard input. Several (a coach's athletes)
    /// need --output-dir.
    #[arg(default_value = "schedule.toml")]
    pub schedules: Vec<PathBuf>,

    /// How many weeks (1 to 104), from the week of week_of (or --week-of).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=104))]
    pub weeks: Option<u32>,

    /// Race day (YYYY-MM-DD), or race day and start (YYYY-MM-DDTHH:MM): build to it
    /// and taper into it; without --weeks, the block ends with the race week. Without
    /// a time, a race run on that day in the schedule gives it, else run_time.
    #[arg(long, value_name = "DATE[THH:MM]", value_parser = race)]
    pub race: Option<RaceArg>,

    /// In season: maintenance throughout (one heavy session a week, at most two).
    #[arg(long)]
    pub in_season: bool,

    /// Show every session's exercises (text format).
    #[arg(long)]
    pub detail: bool,

    /// How to plan and print.
    #[command(flatten)]
    pub plan: PlanArgs,
}

/// Flags shared by the commands that plan.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Plan the week containing this date (YYYY-MM-DD) instead of the file's week_of.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub week_of: Option<Date>,

    /// Strength sessions to aim for, overriding the file.
    #[arg(long, value_name = "2|3", value_parser = clap::value_parser!(u8).range(2..=3))]
    pub sessions: Option<u8>,

    /// Length of each planned session in minutes (30 to 45), overriding the file.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(30..=45))]
    pub minutes: Option<u32>,

    /// Say for every day why it holds a session or not, and for every session why it
    /// is heavy or light (text format).
    #[arg(long)]
    pub explain: bool,

    /// Add the runs to the calendar as events too (ics format).
    #[arg(long)]
    pub include_runs: bool,

    /// Remind this many minutes before each strength session (ics format).
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(0..=10080))]
    pub alarm: Option<u32>,

    /// Write to this file instead of standard output; the file is replaced
    /// atomically, and left as it was on any error.
    #[arg(long, short, value_name = "FILE", conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,

    /// Write one file per schedule into this folder, named after the schedule with
    /// the format's extension (athletes/ana.toml gives DIR/ana.ics; text is .txt,
    /// standard input stdin.*), each replaced atomically. A bad schedule is reported
    /// and the others are still written. The folder is made if its parent exists.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// Read the session templates from this folder (*.toml, one per role) instead
    /// of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub plans: Option<PathBuf>,
}

/// Arguments of `planner check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Schedule files whose pinned sessions to judge; `-` reads standard input.
    #[arg(required = true)]
    pub schedules: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Arguments of `planner init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter schedule; `-` prints it.
    #[arg(default_value = "schedule.toml")]
    pub file: PathBuf,

    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `planner exercises`.
#[derive(Debug, Args)]
pub struct ExercisesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    /// Read the session templates from this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub plans: Option<PathBuf>,
}

/// Arguments of `planner schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The output whose schema to print; without one, the week's (SPEC §5 gives it
    /// as optional, and `week` is the main output).
    #[arg(value_enum, default_value_t = SchemaOf::Week)]
    pub output: SchemaOf,
}

/// The JSON outputs that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// `planner week --format json`.
    Week,
    /// `planner block --format json`.
    Block,
    /// `planner check --format json`.
    Check,
}

/// Arguments of `planner completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Output formats of lists (`check`, `exercises`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Lines for reading.
    Text,
    /// JSON, for scripts.
    Json,
}

/// `--color`: when output gets colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set (not empty) or TERM is dumb.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// `--race`: race day, and its start if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RaceArg {
    /// Race day.
    pub date: Date,
    /// The start, when given as `THH:MM`.
    pub at: Option<TimeOfDay>,
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
fn race(text: &str) -> Result<RaceArg, String> {
    let (day, time) = match text.split_once(['T', 't']) {
        Some((day, time)) => (day, Some(time)),
        None => (text, None),
    };
    let date = date(day).map_err(|message| {
        // A day that does not exist says so; any other shape gets both shapes.
        if planner::date::why_not_a_date(day).is_some() {
            message
        } else {
            "expected a date as YYYY-MM-DD or a date and start as YYYY-MM-DDTHH:MM, such as 2027-04-18T09:00"
                .to_owned()
        }
    })?;
    let at = time.map(TimeOfDay::parse).transpose()?;
    Ok(RaceArg { date, at })
}

/// A date as `YYYY-MM-DD`, with a four-digit year as in a TOML file's `week_of`.
fn date(text: &str) -> Result<Date, String> {
    if let Some(why) = planner::date::why_not_a_date(text) {
        return Err(format!("{text} does not exist: {why}"));
    }
    planner::date::parse(text)
        .ok_or_else(|| "expected a date as YYYY-MM-DD, such as 2026-11-30".to_owned())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn week_defaults_to_schedule_toml_and_text() {
        let cli = Cli::try_parse_from(["planner", "week"]).expect("parses");
        let Command::Week(args) = cli.command else {
            panic!("not week")
        };
        assert_eq!(args.schedules, [PathBuf::from("schedule.toml")]);
        assert_eq!(args.plan.format, Format::Text);
    }

    #[test]
    fn sessions_and_minutes_are_bounded_by_the_rules() {
        assert!(Cli::try_parse_from(["planner", "week", "--sessions", "4"]).is_err());
        assert!(Cli::try_parse_from(["planner", "week", "--minutes", "60"]).is_err());
        assert!(Cli::try_parse_from(["planner", "week", "--minutes", "45"]).is_ok());
    }

    #[test]
    fn race_takes_a_date_and_an_optional_start() {
        let race = |text: &str| {
            let cli = Cli::try_parse_from(["planner", "block", "--race", text])?;
            let Command::Block(args) = cli.command else {
                panic!("not block")
            };
            Ok::<_, clap::Error>(
                args.race
                    .map(|r| (r.date.to_string(), r.at.map(|t| t.to_string()))),
            )
        };
        assert_eq!(
            race("2027-04-18T09:00").expect("parses"),
            Some(("2027-04-18".to_owned(), Some("09:00".to_owned())))
        );
        assert_eq!(
            race("2027-04-18").expect("parses"),
            Some(("2027-04-18".to_owned(), None))
        );
        assert!(race("2027-04-18T9:00").is_err());
        let error = race("2027-02-29T09:00").expect_err("not a day").to_string();
        assert!(
            error.contains("2027-02-29 does not exist: February 2027 has 28 days"),
            "{error}"
        );
        assert!(race("2027-04-18T24:00").is_err());
        assert!(race("18/04/2027").is_err());
    }

    #[test]
    fn color_is_accepted_before_and_after_the_subcommand() {
        let color = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.color);
        assert_eq!(color(&["planner", "week"]).ok(), Some(ColorWhen::Auto));
        assert_eq!(
            color(&["planner", "--color", "never", "week"]).ok(),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            color(&["planner", "check", "a.toml", "--color=always"]).ok(),
            Some(ColorWhen::Always)
        );
        assert!(color(&["planner", "week", "--color", "sometimes"]).is_err());
    }

    #[test]
    fn week_and_block_take_several_schedules_and_one_output_flag() {
        let cli =
            Cli::try_parse_from(["planner", "week", "a.toml", "b.toml", "--output-dir", "out"])
                .expect("parses");
        let Command::Week(args) = cli.command else {
            panic!("not week")
        };
        assert_eq!(args.schedules.len(), 2);
        assert_eq!(args.plan.output_dir, Some(PathBuf::from("out")));
        for command in [&["week"][..], &["block", "--weeks", "4"]] {
            let parse = |extra: &[&str]| {
                let args = ["planner"].iter().chain(command).chain(extra);
                Cli::try_parse_from(args).map(|_| ())
            };
            assert!(parse(&["--output-dir", "out"]).is_ok(), "{command:?}");
            let both = parse(&["-o", "x.json", "--output-dir", "out"]).expect_err("conflict");
            assert_eq!(both.kind(), clap::error::ErrorKind::ArgumentConflict);
        }
    }

    #[test]
    fn check_needs_a_file() {
        assert!(Cli::try_parse_from(["planner", "check"]).is_err());
        assert!(Cli::try_parse_from(["planner", "check", "a.toml", "b.toml"]).is_ok());
    }

    #[test]
    fn every_subcommand_has_an_example_in_its_help() {
        for sub in Cli::command().get_subcommands() {
            let help = sub
                .get_after_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(
                help.contains("planner "),
                "{} has no example",
                sub.get_name()
            );
        }
    }
}
