//! The command line: every subcommand, flag and help text, in one place.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Places 2–3 strength sessions around a runner's week, away from the hard runs.
#[derive(Debug, Parser)]
#[command(name = "planner", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan the strength sessions of a week and print it.
    #[command(after_help = "Example:\n  planner week examples/marathoner.toml --format json")]
    Week(WeekArgs),
    /// List the exercise library: every template's exercises, families, muscles, and
    /// what a novice does instead.
    #[command(after_help = "Example:\n  planner exercises --format json | jq '.[].name'")]
    Exercises(ExercisesArgs),
}

/// Arguments of `planner exercises`.
#[derive(Debug, Args)]
pub struct ExercisesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Read the session templates from this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub plans: Option<PathBuf>,
}

/// Arguments of `planner week`.
#[derive(Debug, Args)]
pub struct WeekArgs {
    /// The schedule file; `-` reads standard input.
    #[arg(default_value = "schedule.toml")]
    pub schedule: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Plan the week containing this date (YYYY-MM-DD) instead of the file's week_of.
    #[arg(long, value_name = "DATE")]
    pub week_of: Option<NaiveDate>,

    /// Strength sessions to aim for, overriding the file.
    #[arg(long, value_name = "2|3", value_parser = clap::value_parser!(u8).range(2..=3))]
    pub sessions: Option<u8>,

    /// Length of each planned session in minutes (30 to 45), overriding the file.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(30..=45))]
    pub minutes: Option<u32>,

    /// Say for every day why it holds a session or not, and for every session why it
    /// is heavy or light.
    #[arg(long)]
    pub explain: bool,

    /// Read the session templates from this folder (*.toml, one per role) instead
    /// of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub plans: Option<PathBuf>,
}

/// Output formats of `week`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Text,
    /// One JSON object, for scripts (fields in the README).
    Json,
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
        assert_eq!(args.schedule, PathBuf::from("schedule.toml"));
        assert_eq!(args.format, Format::Text);
    }

    #[test]
    fn sessions_and_minutes_are_bounded_by_the_rules() {
        assert!(Cli::try_parse_from(["planner", "week", "--sessions", "4"]).is_err());
        assert!(Cli::try_parse_from(["planner", "week", "--minutes", "60"]).is_err());
        assert!(Cli::try_parse_from(["planner", "week", "--minutes", "45"]).is_ok());
    }
}
