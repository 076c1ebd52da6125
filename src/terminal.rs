//! The terminal: whether a stream gets colour.
//!
//! `main` reads the environment and the streams once and asks these functions; they
//! only decide, so every case is a unit test without a terminal.

use std::ffi::{OsStr, OsString};
use std::fmt;

use anstyle::{AnsiColor, Color, Style};
use clap::ValueEnum;

use crate::cli::ColorWhen;

/// What text is shown on: whether it takes colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Surface {
    /// ANSI colour and bold.
    pub color: bool,
}

/// Whether a stream takes colour. `always` and `never` say so; `auto` colours a
/// terminal unless `NO_COLOR` is set to something (an empty `NO_COLOR=` does not
/// count, as no-color.org says) or `TERM` is `dumb`.
///
/// anstream's own `auto` differs, so it is not used: it also obeys `CLICOLOR_FORCE`
/// (colour into a pipe) and `CLICOLOR=0`, and colours a terminal without `TERM`
/// only under `CI`. Here what a pipe or a file receives depends on the flags alone,
/// as SPEC §5 promises byte-for-byte output for the same input and flags.
pub fn color(
    when: ColorWhen,
    is_terminal: bool,
    no_color: Option<&OsStr>,
    term: Option<&OsStr>,
) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            is_terminal && no_color.is_none_or(OsStr::is_empty) && term != Some(OsStr::new("dumb"))
        }
    }
}

/// The `--color` among raw arguments, for what clap prints itself before they parse
/// (`--help`, a usage error): the last `--color WHEN` or `--color=WHEN` before a
/// `--`; `auto` without one, or when its value is not a choice (clap then says so).
pub fn color_flag<S: AsRef<OsStr>>(args: &[S]) -> ColorWhen {
    let mut found = ColorWhen::Auto;
    let mut args = args.iter().map(AsRef::as_ref).skip(1);
    while let Some(arg) = args.next() {
        let value: Option<OsString> = if arg == "--" {
            break;
        } else if arg == "--color" {
            args.next().map(OsStr::to_os_string)
        } else {
            arg.to_str()
                .and_then(|a| a.strip_prefix("--color="))
                .map(OsString::from)
        };
        if let Some(value) = value {
            found = value
                .to_str()
                .and_then(|v| ColorWhen::from_str(v, false).ok())
                .unwrap_or(ColorWhen::Auto);
        }
    }
    found
}

/// A label of a message on standard error (`error:`, `warning:`) as anstyle paints
/// it; written through `anstream::stderr()`, which drops the paint when standard
/// error takes no colour.
pub fn label(name: &str) -> impl fmt::Display + '_ {
    let style = match name {
        "error" => Style::new().fg_color(Some(Color::Ansi(AnsiColor::Red))),
        "warning" => Style::new().fg_color(Some(Color::Ansi(AnsiColor::Yellow))),
        _ => Style::new().fg_color(Some(Color::Ansi(AnsiColor::Green))),
    }
    .bold();
    Label { style, name }
}

/// See [`label`].
struct Label<'a> {
    style: Style,
    name: &'a str,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Label { style, name } = self;
        write!(f, "{style}{name}:{style:#}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTO: ColorWhen = ColorWhen::Auto;

    fn os(text: &str) -> Option<&OsStr> {
        Some(OsStr::new(text))
    }

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(color(AUTO, true, None, os("xterm-256color")));
        assert!(!color(AUTO, false, None, os("xterm-256color")));
    }

    #[test]
    fn a_non_empty_no_color_turns_auto_off_and_an_empty_one_does_not() {
        assert!(!color(AUTO, true, os("1"), os("xterm")));
        assert!(!color(AUTO, true, os("0"), os("xterm")));
        assert!(color(AUTO, true, os(""), os("xterm")));
    }

    #[test]
    fn a_dumb_terminal_gets_no_colour_and_one_without_term_does() {
        assert!(!color(AUTO, true, None, os("dumb")));
        assert!(color(AUTO, true, None, os("dumber")));
        assert!(color(AUTO, true, None, None));
    }

    #[test]
    fn always_and_never_overrule_the_terminal_and_the_environment() {
        for (is_terminal, no_color, term) in [
            (false, None, None),
            (true, os("1"), os("dumb")),
            (true, None, os("xterm")),
        ] {
            assert!(color(ColorWhen::Always, is_terminal, no_color, term));
            assert!(!color(ColorWhen::Never, is_terminal, no_color, term));
        }
    }

    #[test]
    fn the_color_flag_is_found_before_the_arguments_parse() {
        let flag = |args: &[&str]| color_flag(args);
        assert_eq!(flag(&["planner", "week", "--help"]), AUTO);
        assert_eq!(
            flag(&["planner", "--color", "never", "week", "--bad"]),
            ColorWhen::Never
        );
        assert_eq!(
            flag(&["planner", "week", "--color=always"]),
            ColorWhen::Always
        );
        assert_eq!(
            flag(&["planner", "--color=never", "week", "--color", "always"]),
            ColorWhen::Always
        );
        assert_eq!(flag(&["planner", "week", "--color", "sometimes"]), AUTO);
        assert_eq!(flag(&["planner", "week", "--color"]), AUTO);
        assert_eq!(flag(&["planner", "week", "--", "--color=never"]), AUTO);
    }

    #[test]
    fn labels_are_painted_and_read_the_same_without_paint() {
        let painted = label("error").to_string();
        assert_eq!(painted, "\u{1b}[1m\u{1b}[31merror:\u{1b}[0m");
        assert_eq!(anstream::adapter::strip_str(&painted).to_string(), "error:");
        assert!(label("warning").to_string().contains("\u{1b}[33m"));
    }
}
