//! An error in a file the runner wrote, pointing at the offending text.
//!
//! A `Diagnostic` knows what is wrong, where (a byte range of the file) and, where one
//! helps, what to do instead. `Source` renders it the way rustc and the `toml` crate
//! do: the message, `--> file:line:column`, the line with the text underlined, a hint.

use std::fmt;
use std::ops::Range;

/// What is wrong with the input, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Lowercase, no trailing period, quoting the offending value.
    pub message: String,
    /// Byte range of the offending text in the source, when there is one.
    pub span: Option<Range<usize>>,
    /// A suggestion the runner can act on.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        Self {
            message: shorten(message.into()),
            span: Some(span),
            help: None,
        }
    }

    /// An error about the file as a whole.
    pub fn whole_file(message: impl Into<String>) -> Self {
        Self {
            message: shorten(message.into()),
            span: None,
            help: None,
        }
    }

    /// Adds a hint, if there is one.
    pub fn with_help(mut self, help: impl Into<Option<String>>) -> Self {
        self.help = help.into();
        self
    }
}

/// The text of a file and the name to show for it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The path as the runner gave it, or `<stdin>`.
    pub name: &'a str,
    /// The whole text.
    pub text: &'a str,
}

/// A line and column, both counted from 1; the column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Source<'_> {
    /// The line and column of byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// Renders `diagnostic` against this file.
    pub fn render<'d>(&'d self, diagnostic: &'d Diagnostic) -> Rendered<'d> {
        Rendered {
            source: self,
            diagnostic,
        }
    }
}

/// A diagnostic ready to print: see [`Source::render`].
#[derive(Debug)]
pub struct Rendered<'a> {
    source: &'a Source<'a>,
    diagnostic: &'a Diagnostic,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self { source, diagnostic } = self;
        let Some(span) = &diagnostic.span else {
            write!(f, "{}: {}", source.name, diagnostic.message)?;
            if let Some(help) = &diagnostic.help {
                write!(f, "\n  = help: {help}")?;
            }
            return Ok(());
        };
        let start = floor_char_boundary(source.text, span.start);
        let at = source.position(start);
        writeln!(f, "{}", diagnostic.message)?;
        writeln!(f, " --> {}:{}:{}", source.name, at.line, at.column)?;

        let line_start = source.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source.text[start..]
            .find('\n')
            .map_or(source.text.len(), |i| start + i);
        let line = source.text[line_start..line_end].trim_end_matches('\r');
        // Underline to the end of the span or of the line, whichever comes first, and
        // always at least one character so an empty span (end of file) still shows.
        // The span may start on the '\r' of a CRLF that `line` no longer shows.
        let visible_end = (line_start + line.len()).max(start);
        let end = floor_char_boundary(source.text, span.end.clamp(start, visible_end));
        let width = source.text[start..end].chars().count().max(1);
        let gutter = " ".repeat(at.line.to_string().len());
        // A long line is shown as a window around the span, marked with "...".
        let chars: Vec<char> = line
            .chars()
            // One column each, so the underline stays under the text: a tab is a space,
            // another control character (an escape sequence's ESC) a replacement mark.
            .map(|c| match c {
                '\t' => ' ',
                c if c.is_control() => '\u{fffd}',
                c => c,
            })
            .collect();
        // The column counts characters the shown line has trimmed (a CRLF's \r).
        let column = (at.column - 1).min(chars.len());
        let from = if chars.len() > SHOWN_MAX {
            column.saturating_sub(20)
        } else {
            0
        };
        let to = chars.len().min(from + SHOWN_MAX);
        let mut shown: String = chars[from..to].iter().collect();
        let mut indent = " ".repeat(column - from);
        if from > 0 {
            shown.insert_str(0, "...");
            indent.insert_str(0, "   ");
        }
        if to < chars.len() {
            shown.push_str("...");
        }
        let width = width.min(to.saturating_sub(column).max(1));
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{} | {shown}", at.line)?;
        write!(f, "{gutter} | {indent}{}", "^".repeat(width))?;
        if let Some(help) = &diagnostic.help {
            write!(f, "\n{gutter} = help: {help}")?;
        }
        Ok(())
    }
}

/// `text` with every control character but the line end and the tab escaped (`\u{1b}`,
/// `\r`, `\0`): a value from a file must not move the cursor, clear the screen or
/// retitle the terminal of whoever reads the message.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_escaped(c) {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    std::borrow::Cow::Owned(escaped)
}

/// Whether [`escape_controls`] escapes `c`.
fn is_escaped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Longest message or source line shown, in characters: a value pasted by mistake
/// (a mebibyte on one line) must not flood the terminal.
const SHOWN_MAX: usize = 100;

/// `message` cut in the middle to [`SHOWN_MAX`] characters if it is longer.
fn shorten(message: String) -> String {
    let count = message.chars().count();
    if count <= SHOWN_MAX {
        return message;
    }
    let head: String = message.chars().take(SHOWN_MAX - 20).collect();
    let tail: String = message.chars().skip(count - 17).collect();
    format!("{head}...{tail}")
}

/// The largest char boundary at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[week]\ntue = \"tempoo\"\n";

    #[test]
    fn position_counts_lines_and_characters() {
        let source = Source {
            name: "s.toml",
            text: "a\néé = 1\n",
        };
        assert_eq!(source.position(0), Position { line: 1, column: 1 });
        // 'é' is two bytes: byte 6 is the space after "éé", the third character.
        assert_eq!(source.position(6), Position { line: 2, column: 3 });
        assert_eq!(source.position(999), Position { line: 3, column: 1 });
    }

    #[test]
    fn render_underlines_the_span_and_gives_the_hint() {
        let source = Source {
            name: "s.toml",
            text: TEXT,
        };
        let d = Diagnostic::new("unknown run type \"tempoo\"", 13..21)
            .with_help(Some("did you mean \"tempo\"?".to_owned()));
        let expected = "unknown run type \"tempoo\"\n --> s.toml:2:7\n  |\n2 | tue = \"tempoo\"\n  |       ^^^^^^^^\n  = help: did you mean \"tempo\"?";
        assert_eq!(source.render(&d).to_string(), expected);
    }

    #[test]
    fn render_of_an_empty_span_at_the_end_shows_one_caret() {
        let source = Source {
            name: "s.toml",
            text: "a = [",
        };
        let d = Diagnostic::new("unclosed array", 5..5);
        assert!(
            source
                .render(&d)
                .to_string()
                .ends_with("1 | a = [\n  |      ^")
        );
    }

    #[test]
    fn render_of_a_span_on_a_carriage_return_does_not_panic() {
        // Found by the robustness property test: a span starting on the '\r' of CRLF.
        let source = Source {
            name: "s.toml",
            text: "a = 1\r\nb",
        };
        let d = Diagnostic::new("bad", 5..7);
        assert!(
            source
                .render(&d)
                .to_string()
                .ends_with("1 | a = 1\n  |      ^")
        );
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_span() {
        let text = format!("mon = \"{}\"", "a".repeat(5000));
        let source = Source {
            name: "s.toml",
            text: &text,
        };
        let d = Diagnostic::new(
            format!("unknown run type \"{}\"", "a".repeat(5000)),
            6..5008,
        );
        let rendered = source.render(&d).to_string();
        assert!(
            rendered.lines().all(|l| l.chars().count() <= 120),
            "{rendered}"
        );
        assert!(rendered.contains("1 | mon = \"aaaa"), "{rendered}");
        assert!(
            rendered.starts_with("unknown run type \"aaa") && rendered.contains("...aaa"),
            "{rendered}"
        );
    }

    #[test]
    fn control_characters_are_escaped_and_the_underline_stays_in_place() {
        assert_eq!(
            escape_controls("a\u{1b}]0;title\u{7}b\r\0\n\tc"),
            "a\\u{1b}]0;title\\u{7}b\\r\\u{0}\n\tc"
        );
        let source = Source {
            name: "s.toml",
            text: "mon = \"\u{1b}[2Jx\"",
        };
        let d = Diagnostic::new("bad", 6..13);
        let rendered = source.render(&d).to_string();
        assert!(!rendered.contains('\u{1b}'), "{rendered}");
        assert!(
            rendered.ends_with("1 | mon = \"\u{fffd}[2Jx\"\n  |       ^^^^^^^"),
            "{rendered}"
        );
    }

    #[test]
    fn render_without_span_names_the_file() {
        let source = Source {
            name: "s.toml",
            text: "",
        };
        let d = Diagnostic::whole_file("file is empty");
        assert_eq!(source.render(&d).to_string(), "s.toml: file is empty");
    }
}
