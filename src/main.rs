//! The `planner` binary: parse arguments, run, report, exit.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use clap::Parser;

use planner::app::Context;
use planner::cli::Cli;
use planner::exit::Exit;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version print to stdout and succeed; the rest is usage.
            let printed = error.print();
            return if error.use_stderr() {
                Exit::Usage
            } else {
                match printed {
                    // A reader that went away is not an error; a full disk is.
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                        report(&format!("cannot write to standard output: {e}"));
                        Exit::BadInput
                    }
                    _ => Exit::Done,
                }
            }
            .into();
        }
    };
    let context = match context() {
        Ok(context) => context,
        Err(message) => {
            report(&message);
            return Exit::Usage.into();
        }
    };
    match planner::app::run(&cli, context) {
        Ok(()) => Exit::Done.into(),
        Err(failure) if failure.is_closed_pipe() => Exit::Done.into(),
        Err(failure) => {
            report(&failure.to_string());
            failure.exit().into()
        }
    }
}

/// Prints `message` as an error on standard error, control characters escaped; a
/// standard error that cannot be written changes nothing (the exit code still tells).
fn report(message: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "error: {}",
        planner::diagnostic::escape_controls(message)
    );
}

/// The clock and the terminal, read once. `SOURCE_DATE_EPOCH`, when set, stands for
/// now (so output is reproducible): it gives today's date and the calendar stamp.
fn context() -> Result<Context, String> {
    let epoch = match std::env::var_os("SOURCE_DATE_EPOCH") {
        None => None,
        Some(value) if value.is_empty() => None,
        Some(value) => Some(source_date_epoch(&value.to_string_lossy())?),
    };
    let today: NaiveDate =
        epoch.map_or_else(|| chrono::Local::now().date_naive(), |t| t.date_naive());
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    Ok(Context {
        today,
        stamp: epoch.unwrap_or_else(Utc::now),
        color,
    })
}

/// `SOURCE_DATE_EPOCH`: a whole number of seconds since 1970, up to the end of 9999
/// (four-digit years only, as dates elsewhere); anything else is an error, never
/// silently replaced by the clock.
fn source_date_epoch(value: &str) -> Result<DateTime<Utc>, String> {
    let digits = value.trim();
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse::<i64>().ok())
        .flatten()
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .filter(|t| t.year() <= 9999)
        .ok_or_else(|| {
            format!(
                "SOURCE_DATE_EPOCH is \"{value}\", not a whole number of seconds since \
                 1970-01-01 up to the year 9999"
            )
        })
}
