//! The `planner` binary: parse arguments, run, report, exit.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use jiff::Timestamp;
use jiff::tz::TimeZone;

mod app;
mod cli;
mod exit;
mod manual;
mod output;
mod terminal;

use crate::app::Context;
use crate::cli::{Cli, ColorWhen};
use crate::exit::Exit;
use crate::terminal::Surface;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return usage(&error, terminal::color_flag(&args)),
    };
    // Every message on standard error goes through `anstream::stderr()`, which keeps
    // or drops the paint as this decides.
    anstream::ColorChoice::write_global(if colors(cli.color, &io::stderr()) {
        anstream::ColorChoice::Always
    } else {
        anstream::ColorChoice::Never
    });
    let context = match context(cli.color) {
        Ok(context) => context,
        Err(message) => {
            report(&message);
            return Exit::Usage.into();
        }
    };
    match app::run(&cli, context) {
        Ok(()) => Exit::Done.into(),
        Err(failure) if failure.is_closed_pipe() => Exit::Done.into(),
        Err(failure) => {
            report(&failure.to_string());
            failure.exit().into()
        }
    }
}

/// What clap has to say when the arguments do not parse: `--help` and `--version` on
/// standard output (done), the rest on standard error (a usage error); coloured as
/// `--color` and the stream ask.
fn usage(error: &clap::Error, when: ColorWhen) -> ExitCode {
    let text = error.render();
    if error.use_stderr() {
        let text = if colors(when, &io::stderr()) {
            text.ansi().to_string()
        } else {
            text.to_string()
        };
        // A standard error that cannot be written changes nothing: the code still tells.
        let _ = io::stderr().lock().write_all(text.as_bytes());
        return Exit::Usage.into();
    }
    let text = if colors(when, &io::stdout()) {
        text.ansi().to_string()
    } else {
        text.to_string()
    };
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A reader that went away is not an error; a full disk is.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            report(&format!("cannot write to standard output: {e}"));
            Exit::BadInput.into()
        }
        _ => Exit::Done.into(),
    }
}

/// Prints `message` as an error on standard error, control characters escaped; a
/// standard error that cannot be written changes nothing (the exit code still tells).
fn report(message: &str) {
    let _ = writeln!(
        anstream::stderr().lock(),
        "{} {}",
        terminal::label("error"),
        planner::diagnostic::escape_controls(message)
    );
}

/// Whether `stream` takes colour, as `--color`, the stream and the environment say.
fn colors(when: ColorWhen, stream: &impl IsTerminal) -> bool {
    terminal::color(
        when,
        stream.is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    )
}

/// The clock and the terminal, read once. `SOURCE_DATE_EPOCH`, when set, stands for
/// now (so output is reproducible): it gives today's date and the calendar stamp.
/// Standard output gets the terminal's colour and width; a file named by `--output`
/// gets colour only with `--color always`, and `COLUMNS` or 80 columns.
fn context(when: ColorWhen) -> Result<Context, String> {
    let epoch = match std::env::var_os("SOURCE_DATE_EPOCH") {
        None => None,
        Some(value) if value.is_empty() => None,
        Some(value) => Some(source_date_epoch(&value.to_string_lossy())?),
    };
    // Today where the runner is (the system's zone), or the stamp's date in UTC.
    let today = match epoch {
        Some(stamp) => stamp.to_zoned_datetime(TimeZone::UTC).date(),
        None => jiff::ZonedDateTime::now().date(),
    };
    let columns = std::env::var_os("COLUMNS");
    let stdout = io::stdout();
    let size = terminal_size::terminal_size_of(&stdout).map(|(w, _)| w.0);
    Ok(Context {
        today,
        stamp: epoch.unwrap_or_else(Timestamp::now),
        stdout: Surface {
            color: colors(when, &stdout),
            width: terminal::width(columns.as_deref(), size),
        },
        file: Surface {
            color: when == ColorWhen::Always,
            width: terminal::width(columns.as_deref(), None),
        },
    })
}

/// `SOURCE_DATE_EPOCH`: a whole number of seconds since 1970, up to the last instant
/// jiff holds (9999-12-30 22:00 UTC, so that every zone's local time of it is still a
/// four-digit year); anything else is an error, never silently replaced by the clock.
fn source_date_epoch(value: &str) -> Result<Timestamp, String> {
    let digits = value.trim();
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse::<i64>().ok())
        .flatten()
        .and_then(|secs| Timestamp::from_second(secs).ok())
        .filter(|t| planner::date::DAYS.contains(&t.to_zoned_datetime(TimeZone::UTC).date()))
        .ok_or_else(|| {
            format!(
                "SOURCE_DATE_EPOCH is \"{value}\", not a whole number of seconds since \
                 1970-01-01 up to {}",
                Timestamp::MAX.strftime("%Y-%m-%d %H:%M UTC")
            )
        })
}
