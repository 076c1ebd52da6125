//! The `planner` binary: parse arguments, run, report, exit.

use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::Parser;
use std::io::IsTerminal;

use planner::app::Context;
use planner::cli::Cli;
use planner::exit::Exit;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version print to stdout and succeed; the rest is usage.
            let _ = error.print();
            return if error.use_stderr() {
                Exit::Usage
            } else {
                Exit::Done
            }
            .into();
        }
    };
    match planner::app::run(&cli, context()) {
        Ok(()) => Exit::Done.into(),
        Err(failure) if failure.is_closed_pipe() => Exit::Done.into(),
        Err(failure) => {
            eprintln!("error: {failure}");
            failure.exit().into()
        }
    }
}

/// The clock and the terminal, read once. `SOURCE_DATE_EPOCH`, when set, stands for
/// now (so output is reproducible): it gives today's date and the calendar stamp.
fn context() -> Context {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        // Four-digit years only, as dates elsewhere: weeks and blocks from later
        // years run past the last date chrono can hold.
        .filter(|t| (0..=9999).contains(&t.year()));
    let today: NaiveDate =
        epoch.map_or_else(|| chrono::Local::now().date_naive(), |t| t.date_naive());
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    Context {
        today,
        stamp: epoch.unwrap_or_else(chrono::Utc::now),
        color,
    }
}
