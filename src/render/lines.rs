//! Lines within a width: text wrapped at spaces under a hanging indent, a phrase kept
//! on one line when it fits on one, and nothing wider than the width.
//!
//! The renderers lay their lines out for the width; [`Lines`] writes them and breaks
//! what still does not fit (a table row on a very narrow terminal), so no renderer
//! has to be right about every width for the rule to hold.

use std::io;

use crate::day::Day;
use crate::diagnostic::escape_controls;

/// The fewest columns a wrapped text is given after its indent: on a very narrow
/// line the indent shrinks rather than leave the text a few letters a line.
pub(crate) const TEXT_WIDTH_MIN: usize = 20;

/// The lines of a text on their way out: each goes through here, so none is wider
/// than `width`.
pub(crate) struct Lines<'a, W> {
    out: &'a mut W,
    /// The widest a line may be, at least 1.
    pub(crate) width: usize,
    /// Whether the text may be painted; the writer itself paints nothing.
    pub(crate) color: bool,
}

impl<'a, W: io::Write> Lines<'a, W> {
    /// Lines into `out`, at most `width` columns, painted or not as `color` says.
    pub(crate) fn new(out: &'a mut W, width: usize, color: bool) -> Self {
        Lines {
            out,
            width: width.max(1),
            color,
        }
    }

    /// An empty line.
    pub(crate) fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Writes `line`. One wider than the width (a table row on a very narrow
    /// terminal) is broken at its spaces, under its own indent and two more.
    pub(crate) fn line(&mut self, line: &str) -> io::Result<()> {
        if line.len() <= self.width || visible_width(line) <= self.width {
            return writeln!(self.out, "{line}");
        }
        for piece in squeeze(line, self.width) {
            writeln!(self.out, "{piece}")?;
        }
        Ok(())
    }

    /// `lead` (laid out already), then `segments` filled to the width after it, the
    /// lines after the first `indent` columns in.
    pub(crate) fn hang<S: AsRef<str>>(
        &mut self,
        lead: &str,
        indent: usize,
        segments: &[S],
    ) -> io::Result<()> {
        self.hang_painted(lead, indent, segments, str::to_owned)
    }

    /// [`Lines::hang`], each line of the filled text through `paint`.
    pub(crate) fn hang_painted<S: AsRef<str>>(
        &mut self,
        lead: &str,
        indent: usize,
        segments: &[S],
        paint: impl Fn(&str) -> String,
    ) -> io::Result<()> {
        let indent = indent.min(self.width.saturating_sub(TEXT_WIDTH_MIN));
        let rest = self.width - indent;
        let mut first = self.width.saturating_sub(visible_width(lead));
        let mut lead = lead.trim_end().to_owned();
        // A lead that leaves the text too little goes on a line of its own.
        if first < TEXT_WIDTH_MIN.min(rest) {
            if !lead.is_empty() {
                self.line(&lead)?;
            }
            lead = " ".repeat(indent);
            first = rest;
        }
        let filled = fill(segments, first, rest);
        if filled.is_empty() && !lead.trim().is_empty() {
            return self.line(&lead);
        }
        for (i, text) in filled.iter().enumerate() {
            let text = paint(text);
            let line = if i == 0 {
                let pad = self.width - first - visible_width(&lead);
                format!("{lead}{:pad$}{text}", "")
            } else {
                format!("{:indent$}{text}", "")
            };
            self.line(line.trim_end())?;
        }
        Ok(())
    }
}

/// Columns `text` takes on screen: its characters, escape codes left out.
fn visible_width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        anstream::adapter::strip_str(text)
            .map(|piece| piece.chars().count())
            .sum()
    } else {
        text.chars().count()
    }
}

/// `line` broken at its spaces into lines of at most `width` columns, the first
/// keeping its spacing, the others under its indent and two more; a word wider than
/// a line is cut, unless it holds escape codes (a painted word, a few letters long).
fn squeeze(line: &str, width: usize) -> Vec<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let indent = (indent + 2).min(width / 2);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    let mut rest = line;
    while !rest.is_empty() {
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let (spaces, after) = rest.split_at(gap);
        let end = after.find(' ').unwrap_or(after.len());
        let (word, after) = after.split_at(end);
        rest = after;
        if word.is_empty() {
            break;
        }
        let word_width = visible_width(word);
        if current_width > 0 && current_width + spaces.len() + word_width <= width {
            current.push_str(spaces);
            current.push_str(word);
            current_width += spaces.len() + word_width;
            continue;
        }
        if current_width > 0 {
            lines.push(std::mem::take(&mut current));
        }
        // The first word keeps its spaces if it fits after them, the others start
        // at the indent.
        let start = if !lines.is_empty() {
            indent
        } else if spaces.len() + word_width <= width {
            spaces.len()
        } else {
            spaces.len().min(indent)
        };
        let room = width - start;
        current = " ".repeat(start);
        current_width = start;
        if word_width <= room || word.contains('\u{1b}') {
            current.push_str(word);
            current_width += word_width;
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (i, piece) in chars.chunks(room).enumerate() {
            if i > 0 {
                lines.push(std::mem::take(&mut current));
                current = " ".repeat(start);
            }
            current.extend(piece);
            current_width = start + piece.len();
        }
    }
    if current_width > 0 {
        lines.push(current);
    }
    lines
}

/// Marks a space that only breaks when what it joins does not fit on a line.
const GLUE: char = '\u{a0}';

/// `segments` filled into lines of at most `first` columns, then `rest`: joined by
/// spaces, each kept whole on a line when it fits on one, else broken at its spaces,
/// but not inside a phrase [`glue`] joins unless that too is wider than a line; a
/// word wider than a line is cut. Control characters are escaped, since the text
/// may come from a file and must not drive the terminal.
pub(crate) fn fill<S: AsRef<str>>(segments: &[S], first: usize, rest: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let rooms = (first.max(1), rest.max(1));
    for segment in segments {
        let segment = glue(&escape_controls(segment.as_ref()));
        if !segment.is_empty() {
            place(&mut lines, &segment, rooms, 0);
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|line| line.replace(GLUE, " "))
        .collect()
}

/// Puts `piece` on the last line if it fits there, else on a new line if it fits on
/// one, else breaks it: a segment at its spaces (level 0), a glued phrase at its
/// glue (level 1), a word into pieces of a line (level 2).
fn place(lines: &mut Vec<String>, piece: &str, (first, rest): (usize, usize), level: u8) {
    let width = piece.chars().count();
    let room = |lines: &Vec<String>| if lines.len() == 1 { first } else { rest };
    let used = lines.last().map_or(0, |l| l.chars().count());
    let need = if used == 0 { width } else { used + 1 + width };
    if need <= room(lines) {
        if let Some(line) = lines.last_mut() {
            if used > 0 {
                line.push(' ');
            }
            line.push_str(piece);
        }
        return;
    }
    // A new line helps when this one holds something, or is the first and narrower.
    if width <= rest && (used > 0 || (lines.len() == 1 && first < rest)) {
        lines.push(piece.to_owned());
        return;
    }
    match level {
        0 => piece
            .split(' ')
            .for_each(|atom| place(lines, atom, (first, rest), 1)),
        1 => piece
            .split(GLUE)
            .for_each(|word| place(lines, word, (first, rest), 2)),
        _ => {
            if used > 0 {
                lines.push(String::new());
            }
            for c in piece.chars() {
                let used = lines.last().map_or(0, |l| l.chars().count());
                if used >= room(lines) {
                    lines.push(String::new());
                }
                if let Some(line) = lines.last_mut() {
                    line.push(c);
                }
            }
        }
    }
}

/// `text` with single spaces, and [`GLUE`] where a line should not break: between a
/// number and its unit (`33 h 45 min`, `81 %`), around `@` and `x` between numbers
/// (`5 @ 2`, `3 x 5`), between a day and its time (`tue 06:30`), and in `level 3`.
fn glue(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut glued = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let joined = joins(words[i - 1], word, words.get(i + 1).copied());
            glued.push(if joined { GLUE } else { ' ' });
        }
        glued.push_str(word);
    }
    glued
}

/// Whether `before next` is one phrase, `after` being the word after `next`.
fn joins(before: &str, next: &str, after: Option<&str>) -> bool {
    let number_ends = |w: &str| w.ends_with(|c: char| c.is_ascii_digit());
    let number_starts = |w: &str| {
        w.trim_start_matches('(')
            .starts_with(|c: char| c.is_ascii_digit())
    };
    let unit = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';', ':', ')']);
        ["h", "min", "s", "%", "kg", "lb"].contains(&w)
    };
    let day = |w: &str| Day::from_key(w).is_some() && w.len() == 3;
    let time = |w: &str| w.len() >= 5 && w.as_bytes()[2] == b':' && number_starts(w);
    (number_ends(before) && unit(next))
        || (["h", "min"].contains(&before) && number_starts(next) && after.is_some_and(unit))
        || (["@", "x"].contains(&next) && number_ends(before))
        || (["@", "x"].contains(&before) && number_starts(next))
        || (day(before) && time(next))
        || (before == "level" && number_starts(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<String> {
        fill(&[text], width, width)
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("", 10), Vec::<String>::new());
        // A word longer than the line is cut, so no line passes the width.
        assert_eq!(wrap("unbreakableword", 4), ["unbr", "eaka", "blew", "ord"]);
    }

    #[test]
    fn durations_days_and_doses_stay_on_one_line() {
        assert_eq!(
            wrap("no slot this week allows 24 h", 27),
            ["no slot this week allows", "24 h"]
        );
        assert_eq!(
            wrap("a gap of 21 h 50 min before the tue 06:30 intervals", 16),
            [
                "a gap of",
                "21 h 50 min",
                "before the",
                "tue 06:30",
                "intervals"
            ]
        );
        assert_eq!(
            wrap("main lifts 5 @ 2 (about 81 % of 1RM)", 14),
            ["main lifts", "5 @ 2 (about", "81 % of 1RM)"]
        );
        assert_eq!(wrap("loses at level 7", 14), ["loses at", "level 7"]);
        // Glue gives way when the phrase alone is wider than the line.
        assert_eq!(wrap("33 h 45 min", 6), ["33 h", "45 min"]);
    }

    #[test]
    fn segments_break_between_them_first() {
        let title = [
            "Week of Mon 23 Nov 2026:",
            "3 of 3 sessions,",
            "closest 6 h",
        ];
        assert_eq!(
            fill(&title, 44, 40),
            ["Week of Mon 23 Nov 2026: 3 of 3 sessions,", "closest 6 h"]
        );
        // A segment wider than the line breaks at its own spaces.
        assert_eq!(
            fill(&["a b", "since hard run 33 h 45 min,"], 20, 20),
            ["a b since hard run", "33 h 45 min,"]
        );
        // The first line may be narrower than the others.
        assert_eq!(fill(&["abcdef"], 3, 10), ["", "abcdef"]);
    }

    #[test]
    fn text_from_files_is_escaped() {
        assert_eq!(
            wrap("cue\rwith\u{1b}]0;t\u{7}", 40),
            ["cue\\rwith\\u{1b}]0;t\\u{7}"]
        );
    }

    /// `text` as anstyle paints it bold yellow.
    fn painted(text: &str) -> String {
        let style = anstyle::Style::new()
            .fg_color(Some(anstyle::AnsiColor::Yellow.into()))
            .bold();
        format!("{style}{text}{style:#}")
    }

    #[test]
    fn a_line_too_wide_is_squeezed_under_its_indent() {
        assert_eq!(
            squeeze("  Mon 18:00  strength   light 40 min", 20),
            ["  Mon 18:00", "    strength   light", "    40 min"]
        );
        // A painted word counts only its letters and is never cut.
        let line = format!("ab {}", painted("HEAVY"));
        let alone = format!("  {}", painted("HEAVY"));
        assert_eq!(squeeze(&line, 4), ["ab", alone.as_str()]);
        assert_eq!(squeeze("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn escape_codes_take_no_room() {
        assert_eq!(visible_width(&painted("HARD")), 4);
        assert_eq!(visible_width("18:00"), 5);
    }
}
