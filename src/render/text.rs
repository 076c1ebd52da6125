//! The week for reading in a terminal: the seven days, then warnings.
//!
//! Plain ASCII, readable without colour, and no line wider than the width it is laid
//! out for (the terminal's, 80 columns by default). A long line wraps at a space, its
//! continuation under a hanging indent, and a phrase that fits on a line of its own
//! (`since hard run 33 h 45 min`, a duration, a day and its time) is not split.

use std::io;

use anstyle::{AnsiColor, Color, Style};

use crate::block::{Block, BlockWeek};
use crate::day::Day;
use crate::diagnostic::escape_controls;
use crate::plan::Session;
use crate::prescription::Workout;
use crate::render::Week;
use crate::render::phrases::{self, duration};
use crate::schedule::Kind;
use crate::terminal::DEFAULT_WIDTH;

/// Options of the text format.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// Add the reasons: why each day holds a session or not, why each is heavy or light.
    pub explain: bool,
    /// Mark hard runs and heavy sessions with ANSI colour.
    pub color: bool,
    /// The widest a line may be, in columns.
    pub width: usize,
}

impl Default for TextOptions {
    /// No reasons, no colour, 80 columns.
    fn default() -> Self {
        TextOptions {
            explain: false,
            color: false,
            width: DEFAULT_WIDTH,
        }
    }
}

/// The week's title and the block's.
const TITLE: Style = Style::new().bold();
/// `HARD` runs.
const HARD: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)))
    .bold();
/// `HEAVY` sessions.
const HEAVY: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Yellow)))
    .bold();
/// `light` sessions.
const LIGHT: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Green)));

/// Where the session line's time column starts, after the date.
const DATE_COLUMN: usize = 12;

/// Writes the week.
pub fn write(week: &Week<'_>, options: TextOptions, out: &mut impl io::Write) -> io::Result<()> {
    let Week { plan, monday, .. } = *week;
    let mut out = Lines::new(out, options);
    let strength: u32 = plan.sessions.iter().map(|s| s.span.minutes).sum();
    let nearest = plan
        .sessions
        .iter()
        .flat_map(|s| [s.before, s.after])
        .flatten()
        .map(|g| g.minutes)
        .min();
    let nearest = match nearest {
        Some(minutes) => format!("closest to a hard run {}", duration(minutes)),
        None => "no hard runs".to_owned(),
    };
    let title = [
        format!("Week of {}:", monday.format("%a %-d %b %Y")),
        format!("{} of {} sessions,", plan.sessions.len(), plan.target),
        format!("{} of strength,", duration(strength)),
        nearest,
    ];
    out.title(&title)?;
    out.blank()?;
    write_days(week, &mut out)?;

    if options.explain {
        out.blank()?;
        out.line("Why:")?;
        write_why(plan, &mut out)?;
    }

    for session in &plan.sessions {
        if let Some(workout) = &session.workout {
            write_workout(week, session, workout, &mut out)?;
        }
    }

    write_warnings(phrases::warnings(plan).iter(), &mut out)
}

/// One line of a day: a run or a session, sorted by start.
struct Item {
    start: u32,
    /// The columns up to a session's gaps, padded; painted when colour is on.
    lead: String,
    /// A session's gaps to the hard runs, each kept on one line if it can be.
    gaps: Option<Vec<String>>,
}

/// The seven days: each run and session on a line of its own, a session's gaps in a
/// column of their own, or under the session when the line has no room for them.
fn write_days<W: io::Write>(week: &Week<'_>, out: &mut Lines<'_, W>) -> io::Result<()> {
    let Week {
        schedule,
        plan,
        monday,
    } = *week;
    let color = out.color;
    // `HEAVY 40 min`, as wide as the widest of the week.
    let what = |s: &Session| format!("{} {}", kind_word(s.kind), duration(s.span.minutes));
    let what_width = plan
        .sessions
        .iter()
        .map(|s| what(s).len())
        .max()
        .unwrap_or(0);
    let gaps = |s: &Session| {
        let mut gaps = Vec::new();
        if s.pinned {
            gaps.push("pinned,".to_owned());
        }
        match (s.before, s.after) {
            (Some(before), Some(after)) => {
                gaps.push(format!("since hard run {},", duration(before.minutes)));
                gaps.push(format!("next in {}", duration(after.minutes)));
            }
            _ => gaps.push("no hard runs this week".to_owned()),
        }
        gaps
    };
    // The gaps' column, if the widest of them fits there; else they go under the
    // session, from its time column.
    let column = DATE_COLUMN + 13 + 11 + what_width + 2;
    let widest = plan
        .sessions
        .iter()
        .flat_map(gaps)
        .map(|g| g.len())
        .max()
        .unwrap_or(0);
    let beside = column + widest.max(TEXT_WIDTH_MIN) <= out.width;

    for day in Day::ALL {
        let mut items: Vec<Item> = schedule.days[day.index()]
            .runs
            .iter()
            .map(|run| Item {
                start: run.span.start.minutes(),
                lead: format!(
                    "{}-{}  {:<10} {}",
                    run.span.start.time(),
                    run.span.end().time(),
                    run.run_type,
                    if run.hard {
                        paint("HARD", HARD, color)
                    } else {
                        String::new()
                    },
                )
                .trim_end()
                .to_owned(),
                gaps: None,
            })
            .collect();
        items.extend(plan.sessions.iter().filter(|s| s.day == day).map(|s| {
            let kind = kind_word(s.kind);
            let style = if s.kind == Kind::Heavy { HEAVY } else { LIGHT };
            // Padded before painting: escape codes take no room on screen.
            let padded = format!("{:<what_width$}", what(s));
            let painted = padded.replacen(kind, &paint(kind, style, color), 1);
            Item {
                start: s.start_minutes(),
                lead: format!(
                    "{}-{}  {:<10} {painted}",
                    s.span.start.time(),
                    s.span.end().time(),
                    "strength"
                ),
                gaps: Some(gaps(s)),
            }
        }));
        items.sort_by_key(|item| item.start);
        let date = (monday + chrono::Days::new(day.index() as u64))
            .format("%a %e %b")
            .to_string();
        if items.is_empty() {
            let rest = if schedule.days[day.index()].lift_allowed {
                "rest"
            } else {
                "rest, no lifting"
            };
            out.line(&format!("{date:<DATE_COLUMN$}{rest}"))?;
        }
        for (i, item) in items.iter().enumerate() {
            let label = if i == 0 { date.as_str() } else { "" };
            let lead = format!("{label:<DATE_COLUMN$}{}", item.lead);
            match &item.gaps {
                Some(gaps) if beside => out.hang(&format!("{lead}  "), column, gaps)?,
                Some(gaps) => {
                    out.line(lead.trim_end())?;
                    let under = DATE_COLUMN + 13;
                    out.hang(&" ".repeat(under), under, gaps)?;
                }
                None => out.line(&lead)?,
            }
        }
    }
    Ok(())
}

/// `HEAVY` or `light`: a heavy session stands out without colour too.
fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Heavy => "HEAVY",
        Kind::Light => "light",
    }
}

/// Why each day holds a session or not, why each session is what it is, and how the
/// placement beats the next best: the week's `--explain`.
fn write_why<W: io::Write>(plan: &crate::plan::Plan, out: &mut Lines<'_, W>) -> io::Result<()> {
    for ((day, reason), alternative) in Day::ALL.iter().zip(&plan.days).zip(&plan.day_alternatives)
    {
        let text = phrases::day_reason(reason, alternative.as_ref());
        out.hang(&format!("  {:<3}  ", day.title()), 9, &[text])?;
    }
    for session in &plan.sessions {
        out.line(&format!(
            "  {} {} {}:",
            session.day.title(),
            session.span.start.time(),
            session.kind.name()
        ))?;
        for reason in phrases::session_reasons(session) {
            out.hang("    ", 6, &[reason])?;
        }
    }
    match &plan.decision {
        Some(decision) => {
            let text = format!(
                "This week beats the next best ({}) at {}",
                phrases::days(decision),
                phrases::level(decision.level)
            );
            out.hang("  ", 4, &[text])?;
        }
        None if plan.sessions.iter().any(|s| !s.pinned) => {
            out.line("  No other placement was possible")?;
        }
        None => {}
    }
    Ok(())
}

/// The warnings, once each, wrapped to the line width.
fn write_warnings<'a, W: io::Write>(
    warnings: impl Iterator<Item = &'a String>,
    out: &mut Lines<'_, W>,
) -> io::Result<()> {
    let mut seen: Vec<&String> = Vec::new();
    for warning in warnings {
        if !seen.contains(&warning) {
            seen.push(warning);
        }
    }
    if !seen.is_empty() {
        out.blank()?;
        out.line("Warnings:")?;
        for warning in seen {
            out.hang("  ! ", 4, &[warning])?;
        }
    }
    Ok(())
}

/// `text` in `style` when `color` is on, else as it is.
fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// Writes a block: one line a week (phase, deload or taper, the main lifts' dose and
/// the sessions); with `explain` why each week is what it is, with `detail` every
/// session's exercises; then the warnings, each once with the weeks it concerns.
pub fn write_block(
    block: &Block,
    options: TextOptions,
    detail: bool,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let (Some(first), Some(last)) = (block.weeks.first(), block.weeks.last()) else {
        return Ok(());
    };
    let mut out = Lines::new(out, options);
    let mut title = vec![
        format!(
            "Block of {} week{}",
            block.weeks.len(),
            if block.weeks.len() == 1 { "" } else { "s" }
        ),
        format!("from {}", first.monday.format("%a %-d %b %Y")),
        format!(
            "to {}",
            (last.monday + chrono::Days::new(6)).format("%a %-d %b %Y")
        ),
    ];
    let race = block
        .race
        .map(|r| format!("race {}", r.start.format("%a %-d %b %Y at %H:%M")));
    let season = block.in_season.then(|| "in season".to_owned());
    for part in race.into_iter().chain(season) {
        if let Some(last) = title.last_mut() {
            last.push(',');
        }
        title.push(part);
    }
    out.title(&title)?;
    out.blank()?;
    out.line(&format!(
        "{:>4}  {:<11}  {:<11}  {:<6}  {:<5}  sessions",
        "week", "monday", "phase", "", "lifts"
    ))?;
    // The sessions column starts here, and a long list wraps under itself; when the
    // line has no room for a session there, the list goes under the row.
    let column = 4 + 2 + 11 + 2 + 11 + 2 + 6 + 2 + 5 + 2;
    let beside = column + "Mon 00:00 heavy,".len().max(TEXT_WIDTH_MIN) <= out.width;
    let color = out.color;
    let paint_heavy = |line: &str| line.replace("heavy", &paint("heavy", HEAVY, color));
    for week in &block.weeks {
        let mut sessions: Vec<String> = week
            .plan
            .sessions
            .iter()
            .map(|s| {
                format!(
                    "{} {} {},",
                    s.day.title(),
                    s.span.start.time(),
                    s.kind.name()
                )
            })
            .collect();
        match sessions.last_mut() {
            Some(last) => {
                last.pop();
            }
            None => sessions.push("none".to_owned()),
        }
        let row = format!(
            "{:>4}  {:<11}  {:<11}  {:<6}  {:<5}  ",
            week.number,
            week.monday.format("%-d %b %Y").to_string(),
            week.phase.name(),
            mark(block, week),
            phrases::dose(week).replace(" @ ", "@"),
        );
        if beside {
            out.hang_painted(&row, column, &sessions, paint_heavy)?;
        } else {
            out.line(row.trim_end())?;
            out.hang_painted(&" ".repeat(6), 6, &sessions, paint_heavy)?;
        }
    }
    if options.explain {
        for week in &block.weeks {
            out.blank()?;
            week_title(week, &mut out)?;
            let mut reasons = vec![phrases::phase_reason(week)];
            reasons.extend(phrases::deload_reason(week));
            if let Some(loading) = &week.loading {
                if let Some(note) = week
                    .plan
                    .sessions
                    .iter()
                    .filter_map(|s| s.workout.as_ref())
                    .find(|w| w.role.is_heavy())
                    .and_then(|w| w.notes.first())
                {
                    reasons.push(phrases::session_note(note));
                } else {
                    let (reps, rir) = loading.step.dose();
                    reasons.push(format!(
                        "no heavy session this week (main lifts would be {reps} @ {rir})"
                    ));
                }
            }
            for reason in reasons {
                out.hang("  ", 4, &[reason])?;
            }
            write_why(&week.plan, &mut out)?;
        }
    }
    if detail {
        for week in &block.weeks {
            out.blank()?;
            week_title(week, &mut out)?;
            let view = Week {
                schedule: &week.schedule,
                plan: &week.plan,
                monday: week.monday,
            };
            if week.plan.sessions.is_empty() {
                out.line("  no strength session this week")?;
            }
            for session in &week.plan.sessions {
                if let Some(workout) = &session.workout {
                    write_workout(&view, session, workout, &mut out)?;
                }
            }
        }
    }
    write_block_warnings(block, &mut out)
}

/// `Week 3 from Mon 14 Dec 2026: strength, deload`.
fn week_title<W: io::Write>(week: &BlockWeek, out: &mut Lines<'_, W>) -> io::Result<()> {
    let mark = match (week.plan.deload, week.plan.taper) {
        (true, _) => ", deload",
        (false, true) if week.phase != crate::phase::Phase::Taper => ", taper",
        _ => "",
    };
    out.line(&format!(
        "Week {} from {}: {}{mark}",
        week.number,
        week.monday.format("%a %-d %b %Y"),
        week.phase
    ))
}

/// `deload`, `race` (race week), `taper` (a week with some of the 10 days before the
/// race), or nothing.
fn mark(block: &Block, week: &BlockWeek) -> &'static str {
    let race_week = block.race.is_some_and(|r| r.week == week.number);
    if week.plan.deload {
        "deload"
    } else if race_week {
        "race"
    } else if week.plan.taper {
        "taper"
    } else {
        ""
    }
}

/// Every week's warnings, each once, with the weeks it concerns (`weeks 1-3, 6: ...`).
fn write_block_warnings<W: io::Write>(block: &Block, out: &mut Lines<'_, W>) -> io::Result<()> {
    let mut seen: Vec<(String, Vec<u32>)> = Vec::new();
    for week in &block.weeks {
        for warning in phrases::warnings(&week.plan) {
            match seen.iter_mut().find(|(w, _)| *w == warning) {
                Some((_, weeks)) => {
                    if weeks.last() != Some(&week.number) {
                        weeks.push(week.number);
                    }
                }
                None => seen.push((warning, vec![week.number])),
            }
        }
    }
    let lines: Vec<String> = seen
        .iter()
        .map(|(warning, weeks)| format!("{}: {warning}", phrases::week_numbers(weeks)))
        .collect();
    write_warnings(lines.iter(), out)
}

/// A session's exercises: a title line, then a table whose columns are as wide as
/// their widest cell, the names taking what the line has left (a longer name wraps
/// within its column), each exercise's cue wrapped under it.
fn write_workout<W: io::Write>(
    week: &Week<'_>,
    s: &Session,
    w: &Workout,
    out: &mut Lines<'_, W>,
) -> io::Result<()> {
    let date = week.session_time(s, 0).date().format("%a %e %b");
    out.blank()?;
    let lead = format!("{date} {}  ", s.span.start.time());
    let title = [
        format!("{}: {}", w.role.name(), w.title),
        format!(
            "(about {} of {}, {} warm-up)",
            duration(w.estimated_minutes),
            duration(s.span.minutes),
            duration(w.warmup_minutes)
        ),
    ];
    out.hang(&lead, lead.len(), &title)?;

    let units = week.schedule.runner.units.name();
    let header = ["sets x reps", "%1RM", "load", "RIR", "rest"];
    let cells: Vec<[String; 5]> = w
        .exercises
        .iter()
        .map(|e| {
            let each = if e.single_leg {
                "/leg"
            } else if e.per_side {
                "/side"
            } else {
                ""
            };
            let dose = match (e.reps, e.seconds) {
                (Some(reps), _) => format!("{} x {reps}{each}", e.sets),
                (None, Some(seconds)) => {
                    format!("{} x {}{each}", e.sets, phrases::seconds(seconds))
                }
                (None, None) => e.sets.to_string(),
            };
            [
                dose,
                e.percent_1rm.map_or("-".to_owned(), |p| format!("{p:.1}")),
                phrases::load(e, units).unwrap_or_else(|| "-".to_owned()),
                e.rir.map_or("-".to_owned(), |q| q.to_string()),
                phrases::seconds(e.rest_seconds),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let numbers: usize = widths.iter().map(|w| w + 2).sum();
    let names: Vec<String> = w
        .exercises
        .iter()
        .map(|e| escape_controls(&e.name).into_owned())
        .collect();
    let longest = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max("exercise".len());
    // The names get what the line leaves, but never so little that they read as
    // letters in a column.
    let room = out.width.saturating_sub(2 + numbers);
    let name_width = longest.min(room.max(NAME_WIDTH_MIN));
    let row = |name: &str, cells: [&str; 5]| {
        let [dose, percent, load, rir, rest] = cells;
        let [wd, wp, wl, wr, wt] = widths;
        format!(
            "  {name:<name_width$}  {dose:<wd$}  {percent:>wp$}  {load:>wl$}  {rir:>wr$}  {rest:>wt$}"
        )
    };
    out.line(&row("exercise", header))?;
    for ((e, name), cells) in w.exercises.iter().zip(&names).zip(&cells) {
        let pieces = fill(&[name], name_width, name_width.saturating_sub(2));
        let first = pieces.first().map_or("", String::as_str);
        out.line(&row(first, cells.each_ref().map(String::as_str)))?;
        for piece in pieces.iter().skip(1) {
            out.line(&format!("    {piece}"))?;
        }
        let uses = if e.equipment.is_empty() {
            String::new()
        } else {
            format!("Uses {}. ", phrases::equipment(e.equipment))
        };
        let cue = match &e.tempo {
            Some(tempo) => format!("{uses}Tempo {tempo}. {}", phrases::cue(e)),
            None => format!("{uses}{}", phrases::cue(e)),
        };
        out.hang("      ", 6, &[cue])?;
    }
    for note in w.notes.iter().map(phrases::session_note) {
        out.hang("  note: ", 8, &[note])?;
    }
    Ok(())
}

/// The narrowest the name column gets, however narrow the line.
const NAME_WIDTH_MIN: usize = 12;

/// The fewest columns a wrapped text is given after its indent: on a very narrow
/// line the indent shrinks rather than leave the text a few letters a line.
const TEXT_WIDTH_MIN: usize = 20;

/// The lines of the text on their way out: each goes through here, so none is wider
/// than `width`.
struct Lines<'a, W> {
    out: &'a mut W,
    width: usize,
    color: bool,
}

impl<'a, W: io::Write> Lines<'a, W> {
    fn new(out: &'a mut W, options: TextOptions) -> Self {
        Lines {
            out,
            width: options.width.max(1),
            color: options.color,
        }
    }

    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Writes `line`. One wider than the width (a table row on a very narrow
    /// terminal) is broken at its spaces, under its own indent and two more.
    fn line(&mut self, line: &str) -> io::Result<()> {
        if line.len() <= self.width || visible_width(line) <= self.width {
            return writeln!(self.out, "{line}");
        }
        for piece in squeeze(line, self.width) {
            writeln!(self.out, "{piece}")?;
        }
        Ok(())
    }

    /// `segments` in bold when colour is on, filled to the width, the lines after the
    /// first two columns in.
    fn title<S: AsRef<str>>(&mut self, segments: &[S]) -> io::Result<()> {
        let color = self.color;
        self.hang_painted("", 2, segments, |line| paint(line, TITLE, color))
    }

    /// `lead` (laid out already), then `segments` filled to the width after it, the
    /// lines after the first `indent` columns in.
    fn hang<S: AsRef<str>>(&mut self, lead: &str, indent: usize, segments: &[S]) -> io::Result<()> {
        self.hang_painted(lead, indent, segments, str::to_owned)
    }

    /// [`Lines::hang`], each line of the filled text through `paint`.
    fn hang_painted<S: AsRef<str>>(
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
fn fill<S: AsRef<str>>(segments: &[S], first: usize, rest: usize) -> Vec<String> {
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

    #[test]
    fn a_line_too_wide_is_squeezed_under_its_indent() {
        assert_eq!(
            squeeze("  Mon 18:00  strength   light 40 min", 20),
            ["  Mon 18:00", "    strength   light", "    40 min"]
        );
        // A painted word counts only its letters and is never cut.
        let painted = format!("ab {}", paint("HEAVY", HEAVY, true));
        let alone = format!("  {}", paint("HEAVY", HEAVY, true));
        assert_eq!(squeeze(&painted, 4), ["ab", alone.as_str()]);
        assert_eq!(squeeze("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn escape_codes_take_no_room() {
        assert_eq!(visible_width(&paint("HARD", HARD, true)), 4);
        assert_eq!(visible_width("18:00"), 5);
    }

    #[test]
    fn numbers_lose_a_trailing_zero() {
        assert_eq!(phrases::number(80.0), "80");
        assert_eq!(phrases::number(82.5), "82.5");
    }
}
