//! What each subcommand does, from parsed arguments to bytes on standard output.
//!
//! This is the edge of the program: it reads files and writes output. "Today" comes
//! in as an argument, so nothing below it reads the clock.

use std::fmt;
use std::io::{self, Write};

use chrono::NaiveDate;

use std::borrow::Cow;

use crate::cli::{Cli, Command, ExercisesArgs, Format, WeekArgs};
use crate::exit::Exit;
use crate::input::{Input, ReadError};
use crate::render::{self, Week, text::TextOptions};
use crate::schedule::{Overrides, Schedule};
use crate::template::Library;

/// Why a command failed; each case has its exit code.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read or is invalid; the message names file, line, column.
    Input(String),
    /// No plan satisfies the rules; the message says why, day by day.
    Infeasible(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl Failure {
    /// The exit code for this failure.
    pub fn exit(&self) -> Exit {
        match self {
            Failure::Input(_) | Failure::Output(_) => Exit::BadInput,
            Failure::Infeasible(_) => Exit::Infeasible,
        }
    }

    /// A reader that went away (`planner week | head`) is not an error.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Failure::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Input(message) | Failure::Infeasible(message) => f.write_str(message),
            Failure::Output(error) => write!(f, "cannot write the output: {error}"),
        }
    }
}

impl std::error::Error for Failure {}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

/// Runs the command `cli` names; `today` decides the default week.
pub fn run(cli: &Cli, today: NaiveDate) -> Result<(), Failure> {
    match &cli.command {
        Command::Week(args) => week(args, today),
        Command::Exercises(args) => exercises(args),
    }
}

fn week(args: &WeekArgs, today: NaiveDate) -> Result<(), Failure> {
    let input = read(&args.schedule)?;
    let overrides = Overrides {
        sessions: args.sessions,
        session_minutes: args.minutes,
    };
    let schedule = Schedule::parse(&input.text, overrides)
        .map_err(|d| Failure::Input(input.source().render(&d).to_string()))?;
    let library = library(args.plans.as_deref())?;
    let plan = crate::plan_week_with(&schedule, &library)
        .map_err(|e| Failure::Infeasible(e.to_string()))?;
    let monday = match args.week_of.or(schedule.week_of) {
        Some(date) => render::monday_of(date),
        None => render::next_monday(today),
    };
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Text => render::text::write(
            &week,
            TextOptions {
                explain: args.explain,
            },
            &mut out,
        )?,
        Format::Json => render::json::write(&week, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn exercises(args: &ExercisesArgs) -> Result<(), Failure> {
    let library = library(args.plans.as_deref())?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Text => render::library::write_text(&library, &mut out)?,
        Format::Json => render::library::write_json(&library, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// The templates from `--plans DIR`, or the built-in ones.
fn library(dir: Option<&std::path::Path>) -> Result<Cow<'static, Library>, Failure> {
    match dir {
        None => Ok(Cow::Borrowed(Library::builtin())),
        Some(dir) => Library::from_dir(dir)
            .map(Cow::Owned)
            .map_err(|e| Failure::Input(e.to_string())),
    }
}

fn read(path: &std::path::Path) -> Result<Input, Failure> {
    Input::read(path).map_err(|error| match error {
        ReadError::Io(name, e) => Failure::Input(format!("cannot read {name}: {e}")),
        ReadError::Invalid(input, d) => Failure::Input(input.source().render(&d).to_string()),
    })
}
