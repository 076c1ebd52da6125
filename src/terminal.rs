//! The terminal: whether a stream gets colour, and how many columns text may use.
//!
//! `main` reads the environment and the streams once and asks these functions; they
//! only decide, so every case is a unit test without a terminal.

use std::ffi::{OsStr, OsString};
use std::fmt;

use anstyle::{AnsiColor, Color, Style};
use clap::ValueEnum;

use crate::cli::ColorWhen;

/// What text is shown on: whether it takes colour, and its width in columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surface {
    /// ANSI colour and bold.
    pub color: bool,
    /// The widest a line may be.
    pub width: usize,
}

impl Default for Surface {
    /// No colour, [`DEFAULT_WIDTH`] columns.
    fn default() -> Self {
        Surface {
            color: false,
            width: DEFAULT_WIDTH,
        }
    }
}

pub use planner::render::text::DEFAULT_WIDTH;

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

/// The columns text is laid out for: `COLUMNS` when it is a positive whole number,
/// whether or not standard output is a terminal (the convention, and how a script
/// asks for a width: `COLUMNS=120 planner week | less`); else the terminal's width;
/// else [`DEFAULT_WIDTH`]. Anything else in `COLUMNS` is ignored, as if unset.
pub fn width(columns: Option<&OsStr>, terminal: Option<u16>) -> usize {
    let columns = columns
        .and_then(OsStr::to_str)
        .filter(|text| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        // More digits than a u64 holds is still a wide terminal.
        .map(|text| text.parse::<u64>().unwrap_or(u64::MAX))
        .filter(|&n| n > 0)
        .map(|n| usize::from(u16::try_from(n).unwrap_or(u16::MAX)));
    columns
        .or(terminal.filter(|&n| n > 0).map(usize::from))
        .unwrap_or(DEFAULT_WIDTH)
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
    fn columns_overrides_the_terminal_and_the_default() {
        assert_eq!(width(os("120"), None), 120);
        assert_eq!(width(os("120"), Some(200)), 120);
        assert_eq!(width(None, Some(200)), 200);
        assert_eq!(width(None, None), 80);
    }

    #[test]
    fn columns_that_is_not_a_positive_number_is_ignored() {
        for bad in ["", "0", "-5", "+90", " 90", "90 ", "ninety", "9.5"] {
            assert_eq!(width(os(bad), Some(100)), 100, "{bad:?}");
            assert_eq!(width(os(bad), None), 80, "{bad:?}");
        }
        assert_eq!(width(None, Some(0)), 80);
        assert_eq!(width(os("99999999999999999999999"), None), 65535);
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
