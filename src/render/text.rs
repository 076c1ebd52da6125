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
use crate::render::Week;
use crate::render::lines::{Lines, TEXT_WIDTH_MIN, fill};
use crate::render::phrases::{self, duration};
use crate::schedule::Kind;
use crate::workout::Workout;

/// The width when neither `COLUMNS` nor a terminal gives one.
pub const DEFAULT_WIDTH: usize = 80;

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
    let mut out = Lines::new(out, options.width, options.color);
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
        format!("Week of {}:", monday.strftime("%a %-d %b %Y")),
        format!("{} of {} sessions,", plan.sessions.len(), plan.target),
        format!("{} of strength,", duration(strength)),
        nearest,
    ];
    write_title(&mut out, &title)?;
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
        let date = crate::date::add_days(monday, day.index() as i64)
            .strftime("%a %e %b")
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

/// `segments` in bold when colour is on, filled to the width, the lines after the
/// first two columns in.
fn write_title<W: io::Write, S: AsRef<str>>(
    out: &mut Lines<'_, W>,
    segments: &[S],
) -> io::Result<()> {
    let color = out.color;
    out.hang_painted("", 2, segments, |line| paint(line, TITLE, color))
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
    let mut out = Lines::new(out, options.width, options.color);
    let mut title = vec![
        format!(
            "Block of {} week{}",
            block.weeks.len(),
            if block.weeks.len() == 1 { "" } else { "s" }
        ),
        format!("from {}", first.monday.strftime("%a %-d %b %Y")),
        format!(
            "to {}",
            crate::date::add_days(last.monday, 6).strftime("%a %-d %b %Y")
        ),
    ];
    let race = block
        .race
        .map(|r| format!("race {}", r.start.strftime("%a %-d %b %Y at %H:%M")));
    let season = block.in_season.then(|| "in season".to_owned());
    for part in race.into_iter().chain(season) {
        if let Some(last) = title.last_mut() {
            last.push(',');
        }
        title.push(part);
    }
    write_title(&mut out, &title)?;
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
            week.monday.strftime("%-d %b %Y").to_string(),
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
                    let (reps, rir) = loading.dose();
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
        week.monday.strftime("%a %-d %b %Y"),
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
    let date = week.session_time(s, 0).date().strftime("%a %e %b");
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
            let dose = phrases::sets_and_reps(e, " x ").unwrap_or_else(|| e.sets.to_string());
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
        .map(|e| escape_controls(e.name()).into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_a_trailing_zero() {
        assert_eq!(phrases::number(80.0), "80");
        assert_eq!(phrases::number(82.5), "82.5");
    }
}
