//! The shape of a TOML document, bounded before it is parsed.
//!
//! The `toml` crate keeps every token and builds every table of a document before
//! serde sees it, at some 50 bytes a token and up to 1.5 KiB a table: a mebibyte of
//! `x=[{a.a.a=1},…]` took 600 MiB. This scan walks the text once, in constant memory,
//! the way the parser's lexer does (strings and comments are single tokens), and
//! refuses a document with more tokens, more keys, values and tables, or deeper
//! nesting than any schedule or template needs, pointing at where it went past.

use crate::diagnostic::Diagnostic;
use crate::rules::{DOCUMENT_DEPTH_MAX, DOCUMENT_PIECES_MAX, DOCUMENT_TOKENS_MAX};

/// What to do about a file that is not a schedule or template but something far bigger.
const HELP: &str = "a schedule or a template is a few hundred lines; is this the right file?";

/// Checks that `text` stays within the document limits of [`crate::rules`].
pub(crate) fn check(text: &str) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut tokens = 0usize;
    let mut pieces = 0usize;
    // Open arrays and tables, and dots in the key (or number) being read.
    let mut open = 0usize;
    let mut dots = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        at = match byte {
            b' ' | b'\t' => skip_while(bytes, at, |b| b == b' ' || b == b'\t'),
            b'#' => skip_while(bytes, at, |b| b != b'\n'),
            b'"' | b'\'' => string_end(bytes, at),
            b if is_bare(b) => skip_while(bytes, at, is_bare),
            _ => at + char_len(byte),
        };
        tokens += 1;
        if tokens > DOCUMENT_TOKENS_MAX {
            return Err(refuse(
                format!("file is too long to read: more than {DOCUMENT_TOKENS_MAX} tokens"),
                start,
                at,
            ));
        }
        match byte {
            b'[' | b'{' => {
                open += 1;
                dots = 0;
            }
            b']' | b'}' => {
                open = open.saturating_sub(1);
                dots = 0;
            }
            b'.' => dots += 1,
            b'=' | b',' | b'\n' => dots = 0,
            _ => {}
        }
        if matches!(byte, b'[' | b'{' | b'.' | b'=' | b',') {
            pieces += 1;
            if pieces > DOCUMENT_PIECES_MAX {
                return Err(refuse(
                    format!(
                        "file is too big to read: more than {DOCUMENT_PIECES_MAX} keys, \
                         values and tables"
                    ),
                    start,
                    at,
                ));
            }
            if open + dots > DOCUMENT_DEPTH_MAX {
                return Err(refuse(
                    format!(
                        "tables, arrays and dotted keys nest more than {DOCUMENT_DEPTH_MAX} \
                         levels deep"
                    ),
                    start,
                    at,
                ));
            }
        }
    }
    Ok(())
}

fn refuse(message: String, start: usize, end: usize) -> Diagnostic {
    Diagnostic::new(message, start..end).with_help(Some(HELP.to_owned()))
}

/// Characters of a bare key, a number or a date: one token however long.
fn is_bare(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'+' | b':')
}

/// The byte after the run of bytes from `at` that `keep` accepts.
fn skip_while(bytes: &[u8], at: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |n| at + n)
}

/// The byte after the string that opens at `at`: `"…"` with escapes, `'…'`, or the
/// multi-line `"""…"""` and `'''…'''`. A one-line string ends at the end of its line
/// even when it is not closed, as the parser's lexer ends it.
fn string_end(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let basic = quote == b'"';
    if bytes[at..].starts_with(&[quote; 3]) {
        let mut i = at + 3;
        while i < bytes.len() {
            if basic && bytes[i] == b'\\' {
                i += 2;
            } else if bytes[i..].starts_with(&[quote; 3]) {
                // Up to two more quotes may close the string (`""""` is a quote).
                let mut end = i + 3;
                while end < bytes.len() && end < i + 5 && bytes[end] == quote {
                    end += 1;
                }
                return end;
            } else {
                i += 1;
            }
        }
        return bytes.len();
    }
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if basic => i += 2,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The length of the UTF-8 character that starts with `byte` (1 for a stray byte).
fn char_len(byte: u8) -> usize {
    match byte {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Option<String> {
        check(text).err().map(|d| d.message)
    }

    #[test]
    fn a_real_schedule_and_every_template_pass() {
        for text in [
            include_str!("../../examples/base-week.toml"),
            include_str!("../../plans/heavy-squat.toml"),
            include_str!("../../plans/heavy-hinge.toml"),
            include_str!("../../plans/power.toml"),
            include_str!("../../plans/light.toml"),
        ] {
            assert_eq!(check(text), Ok(()));
        }
    }

    #[test]
    fn marks_inside_strings_and_comments_are_not_counted() {
        let text = format!(
            "a = \"{0}\"\nb = '{0}'\nc = \"\"\"\n{0}\n\"\"\"\n# {0}\n",
            "[{.,=".repeat(DOCUMENT_PIECES_MAX)
        );
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn too_many_tables_are_refused_where_they_pass_the_limit() {
        let text = format!("x = [{}]", "{a=1},".repeat(DOCUMENT_PIECES_MAX));
        let d = check(&text).expect_err("refused");
        assert_eq!(
            d.message,
            format!(
                "file is too big to read: more than {DOCUMENT_PIECES_MAX} keys, values and tables"
            )
        );
        let span = d.span.expect("located");
        assert!(span.start > 5 && span.start < text.len(), "{span:?}");
    }

    #[test]
    fn too_many_tokens_are_refused() {
        let text = "\n".repeat(DOCUMENT_TOKENS_MAX + 1);
        assert!(message(&text).is_some_and(|m| m.contains("tokens")));
    }

    #[test]
    fn deep_dotted_keys_and_brackets_are_refused() {
        let dotted = format!("{} = 1", vec!["a"; DOCUMENT_DEPTH_MAX + 2].join("."));
        let arrays = format!("x = {}", "[".repeat(DOCUMENT_DEPTH_MAX + 1));
        for text in [dotted, arrays] {
            assert!(message(&text).is_some_and(|m| m.contains("nest")), "{text}");
        }
        // Dots reset at each key: many short dotted keys are fine.
        assert_eq!(check(&"a.b.c = 1\n".repeat(100)), Ok(()));
    }

    #[test]
    fn an_unclosed_string_ends_at_its_line() {
        let text = format!("a = \"open\n{}", "x=1\n".repeat(DOCUMENT_PIECES_MAX + 1));
        assert!(message(&text).is_some(), "the lines after it still count");
    }
}
