//! An error in a file the runner wrote, pointing at the offending text.
//!
//! A `Diagnostic` knows what is wrong, where (a byte range of the file) and, where one
//! helps, what to do instead. `Source` renders it the way rustc and the `toml` crate
//! do: the message, `--> file:line:column`, the line with the text underlined, a hint.
//! `Diagnostics` holds every independent error of one file, in the order of the file,
//! and renders them one after another.

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

/// Most errors of one file that are printed; the rest are only counted. Twenty fill
/// a screen or two: enough to fix a file in one pass, few enough that the first
/// errors are still in sight, as a compiler stops listing after a while.
pub const ERRORS_SHOWN_MAX: usize = 20;

/// Most errors of one file that are kept; the rest are only counted, so a file of
/// thousands of mistakes costs no more memory than a file of a thousand.
pub const ERRORS_KEPT_MAX: usize = 1000;

/// Every independent error found in one file, in the order of the file; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics {
    /// The first error in the file.
    first: Diagnostic,
    /// The errors after it, at most [`ERRORS_KEPT_MAX`] in all with the first.
    rest: Vec<Diagnostic>,
    /// How many errors were found, kept or not.
    total: usize,
}

impl Diagnostics {
    /// The first error in the file: the one to fix first.
    pub fn first(&self) -> &Diagnostic {
        &self.first
    }

    /// How many errors the file has, counting those not kept.
    pub fn len(&self) -> usize {
        self.total
    }

    /// Always false: there is at least one error.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The errors kept, in the order of the file.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        std::iter::once(&self.first).chain(&self.rest)
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(first: Diagnostic) -> Self {
        Diagnostics {
            first,
            rest: Vec::new(),
            total: 1,
        }
    }
}

/// Gathers the errors of one file as they are found, in any order.
#[derive(Debug, Default)]
pub struct Collector {
    kept: Vec<Diagnostic>,
    total: usize,
}

impl Collector {
    /// Records an error.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.total += 1;
        if self.kept.len() < ERRORS_KEPT_MAX {
            self.kept.push(diagnostic);
        }
    }

    /// The value of `result`, or `None` with its error recorded.
    pub fn take<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        result.map_err(|d| self.push(d)).ok()
    }

    /// How many errors have been recorded so far.
    pub fn count(&self) -> usize {
        self.total
    }

    /// `value` when no error was recorded, else every error in the order of the file
    /// (errors about the whole file first).
    pub fn finish<T>(self, value: T) -> Result<T, Diagnostics> {
        let Collector { mut kept, total } = self;
        kept.sort_by_key(|d| d.span.as_ref().map(|s| (s.start, s.end)));
        let mut kept = kept.into_iter();
        match kept.next() {
            None => Ok(value),
            Some(first) => Err(Diagnostics {
                first,
                rest: kept.collect(),
                total,
            }),
        }
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

    /// Renders every error of `diagnostics` against this file, one after another,
    /// at most [`ERRORS_SHOWN_MAX`], then how many there are.
    pub fn render_all<'d>(&'d self, diagnostics: &'d Diagnostics) -> RenderedAll<'d> {
        RenderedAll {
            source: self,
            diagnostics,
        }
    }
}

/// Every error of a file ready to print: see [`Source::render_all`]. The first
/// follows the `error: ` the caller prints; each after it has its own.
#[derive(Debug)]
pub struct RenderedAll<'a> {
    source: &'a Source<'a>,
    diagnostics: &'a Diagnostics,
}

impl fmt::Display for RenderedAll<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            source,
            diagnostics,
        } = self;
        for (i, diagnostic) in diagnostics.iter().take(ERRORS_SHOWN_MAX).enumerate() {
            if i > 0 {
                f.write_str("\n\nerror: ")?;
            }
            write!(f, "{}", source.render(diagnostic))?;
        }
        let total = diagnostics.len();
        if total > 1 {
            write!(f, "\n\nerror: {} has {total} errors", source.name)?;
            if total > ERRORS_SHOWN_MAX {
                write!(f, "; the first {ERRORS_SHOWN_MAX} are shown")?;
            }
        }
        Ok(())
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
    fn errors_are_put_in_file_order_and_rendered_one_after_another() {
        let mut errors = Collector::default();
        assert_eq!(errors.take(Ok::<_, Diagnostic>(1)), Some(1));
        errors.push(Diagnostic::new("second", 7..8));
        errors.push(Diagnostic::new("first", 0..1));
        let all = errors.finish(()).expect_err("two errors");
        assert_eq!((all.len(), all.first().message.as_str()), (2, "first"));
        let source = Source {
            name: "s.toml",
            text: "a = 1\nb = 2\n",
        };
        let rendered = source.render_all(&all).to_string();
        assert!(
            rendered.starts_with("first\n --> s.toml:1:1\n"),
            "{rendered}"
        );
        assert!(
            rendered.contains("\n\nerror: second\n --> s.toml:2:2\n"),
            "{rendered}"
        );
        assert!(
            rendered.ends_with("\n\nerror: s.toml has 2 errors"),
            "{rendered}"
        );
        // One error is shown as it always was, with no count.
        let one = Diagnostics::from(Diagnostic::new("only", 0..1));
        assert_eq!(
            source.render_all(&one).to_string(),
            source.render(one.first()).to_string()
        );
        assert_eq!(Collector::default().finish(5), Ok(5));
    }

    #[test]
    fn past_the_cap_errors_are_counted_not_shown_and_past_the_keep_limit_not_kept() {
        let mut errors = Collector::default();
        for i in 0..ERRORS_KEPT_MAX + 5 {
            errors.push(Diagnostic::new(format!("error {i}"), i..i + 1));
        }
        let all = errors.finish(()).expect_err("errors");
        assert_eq!(all.len(), ERRORS_KEPT_MAX + 5);
        assert_eq!(all.iter().count(), ERRORS_KEPT_MAX);
        let text = "x".repeat(ERRORS_KEPT_MAX + 10);
        let source = Source {
            name: "s.toml",
            text: &text,
        };
        let rendered = source.render_all(&all).to_string();
        assert_eq!(rendered.matches(" --> ").count(), ERRORS_SHOWN_MAX);
        assert!(rendered.ends_with(&format!(
            "error: s.toml has {} errors; the first {ERRORS_SHOWN_MAX} are shown",
            ERRORS_KEPT_MAX + 5
        )));
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
