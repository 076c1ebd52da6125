//! The week for reading in a terminal: the seven days, then warnings.
//!
//! Plain ASCII, no line wider than 100 columns, readable without colour.

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

/// Options of the text format.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Add the reasons: why each day holds a session or not, why each is heavy or light.
    pub explain: bool,
    /// Mark hard runs and heavy sessions with ANSI colour.
    pub color: bool,
}

/// One line of a day: a run or a session, sorted by start.
struct Item {
    start: u32,
    line: String,
}

/// Writes the week.
pub fn write(week: &Week<'_>, options: TextOptions, out: &mut impl io::Write) -> io::Result<()> {
    let Week {
        schedule,
        plan,
        monday,
    } = *week;
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
    let header = format!(
        "Week of {}: {} of {} sessions, {strength} min of strength, {nearest}",
        monday.format("%a %-d %b %Y"),
        plan.sessions.len(),
        plan.target,
    );
    writeln!(out, "{}", paint(&header, TITLE, options.color))?;
    writeln!(out)?;

    for day in Day::ALL {
        let mut items: Vec<Item> = schedule.days[day.index()]
            .runs
            .iter()
            .map(|run| Item {
                start: run.span.start.minutes(),
                line: format!(
                    "{}-{}  {:<10} {}",
                    run.span.start.time(),
                    run.span.end().time(),
                    run.run_type,
                    if run.hard {
                        paint("HARD", HARD, options.color)
                    } else {
                        String::new()
                    },
                )
                .trim_end()
                .to_owned(),
            })
            .collect();
        items.extend(plan.sessions.iter().filter(|s| s.day == day).map(|s| Item {
            start: s.start_minutes(),
            line: session_line(s, options.color),
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
            writeln!(out, "{date:<12}{rest}")?;
        }
        for (i, item) in items.iter().enumerate() {
            let label = if i == 0 { date.as_str() } else { "" };
            writeln!(out, "{label:<12}{}", item.line)?;
        }
    }

    if options.explain {
        writeln!(out, "\nWhy:")?;
        write_why(plan, out)?;
    }

    for session in &plan.sessions {
        if let Some(workout) = &session.workout {
            write_workout(week, session, workout, out)?;
        }
    }

    write_warnings(phrases::warnings(plan).iter(), out)
}

/// Why each day holds a session or not, why each session is what it is, and how the
/// placement beats the next best: the week's `--explain`.
fn write_why(plan: &crate::plan::Plan, out: &mut impl io::Write) -> io::Result<()> {
    for ((day, reason), alternative) in Day::ALL.iter().zip(&plan.days).zip(&plan.day_alternatives)
    {
        let text = phrases::day_reason(reason, alternative.as_ref());
        for (i, line) in wrap(&text, WIDTH - 7).iter().enumerate() {
            let label = if i == 0 { day.title() } else { "" };
            writeln!(
                out,
                "  {label:<3}  {}{line}",
                if i == 0 { "" } else { "  " }
            )?;
        }
    }
    for session in &plan.sessions {
        writeln!(
            out,
            "  {} {} {}:",
            session.day.title(),
            session.span.start.time(),
            session.kind.name()
        )?;
        for reason in phrases::session_reasons(session) {
            for (i, line) in wrap(&reason, WIDTH - 6).iter().enumerate() {
                writeln!(out, "    {}{line}", if i == 0 { "" } else { "  " })?;
            }
        }
    }
    match &plan.decision {
        Some(decision) => {
            let text = format!(
                "This week beats the next best ({}) at {}",
                phrases::days(decision),
                phrases::level(decision.level)
            );
            for line in wrap(&text, WIDTH - 2) {
                writeln!(out, "  {line}")?;
            }
        }
        None if plan.sessions.iter().any(|s| !s.pinned) => {
            writeln!(out, "  No other placement was possible")?;
        }
        None => {}
    }
    Ok(())
}

/// The warnings, once each, wrapped to the line width.
fn write_warnings<'a>(
    warnings: impl Iterator<Item = &'a String>,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut seen: Vec<&String> = Vec::new();
    for warning in warnings {
        if !seen.contains(&warning) {
            seen.push(warning);
        }
    }
    if !seen.is_empty() {
        writeln!(out, "\nWarnings:")?;
        for warning in seen {
            for (i, line) in wrap(warning, WIDTH - 4).iter().enumerate() {
                writeln!(out, "  {} {line}", if i == 0 { "!" } else { " " })?;
            }
        }
    }
    Ok(())
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
    let race = block.race.map_or(String::new(), |r| {
        format!(", race {}", r.start.format("%a %-d %b %Y at %H:%M"))
    });
    let season = if block.in_season { ", in season" } else { "" };
    let header = format!(
        "Block of {} week{} from {} to {}{race}{season}",
        block.weeks.len(),
        if block.weeks.len() == 1 { "" } else { "s" },
        first.monday.format("%a %-d %b %Y"),
        (last.monday + chrono::Days::new(6)).format("%a %-d %b %Y"),
    );
    for line in wrap(&header, WIDTH) {
        writeln!(out, "{}", paint(&line, TITLE, options.color))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:>4}  {:<11}  {:<11}  {:<6}  {:<5}  sessions",
        "week", "monday", "phase", "", "lifts"
    )?;
    // The sessions column starts here; a long list wraps under itself.
    let indent = 4 + 2 + 11 + 2 + 11 + 2 + 6 + 2 + 5 + 2;
    for week in &block.weeks {
        let sessions: Vec<String> = week
            .plan
            .sessions
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}",
                    s.day.title(),
                    s.span.start.time(),
                    s.kind.name()
                )
            })
            .collect();
        let sessions = if sessions.is_empty() {
            vec!["none".to_owned()]
        } else {
            sessions
        };
        let mut lines = vec![String::new()];
        for (i, item) in sessions.iter().enumerate() {
            let sep = if i + 1 < sessions.len() { "," } else { "" };
            let current = lines.last_mut().map_or(0, |l| l.len());
            if current > 0 && indent + current + 1 + item.len() + sep.len() > WIDTH {
                lines.push(String::new());
            }
            if let Some(line) = lines.last_mut() {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(item);
                line.push_str(sep);
            }
        }
        let mark = mark(block, week);
        let row = format!(
            "{:>4}  {:<11}  {:<11}  {mark:<6}  {:<5}  ",
            week.number,
            week.monday.format("%-d %b %Y").to_string(),
            week.phase.name(),
            phrases::dose(week).replace(" @ ", "@"),
        );
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 {
                row.clone()
            } else {
                " ".repeat(indent)
            };
            let line = paint_heavy(line, options.color);
            writeln!(out, "{}", format!("{lead}{line}").trim_end())?;
        }
    }
    if options.explain {
        for week in &block.weeks {
            writeln!(out)?;
            week_title(week, out)?;
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
                for (i, line) in wrap(&reason, WIDTH - 4).iter().enumerate() {
                    writeln!(out, "  {}{line}", if i == 0 { "" } else { "  " })?;
                }
            }
            write_why(&week.plan, out)?;
        }
    }
    if detail {
        for week in &block.weeks {
            writeln!(out)?;
            week_title(week, out)?;
            let view = Week {
                schedule: &week.schedule,
                plan: &week.plan,
                monday: week.monday,
            };
            if week.plan.sessions.is_empty() {
                writeln!(out, "  no strength session this week")?;
            }
            for session in &week.plan.sessions {
                if let Some(workout) = &session.workout {
                    write_workout(&view, session, workout, out)?;
                }
            }
        }
    }
    write_block_warnings(block, out)
}

/// `Week 3 from Mon 14 Dec 2026: strength, deload`.
fn week_title(week: &BlockWeek, out: &mut impl io::Write) -> io::Result<()> {
    let mark = match (week.plan.deload, week.plan.taper) {
        (true, _) => ", deload",
        (false, true) if week.phase != crate::phase::Phase::Taper => ", taper",
        _ => "",
    };
    writeln!(
        out,
        "Week {} from {}: {}{mark}",
        week.number,
        week.monday.format("%a %-d %b %Y"),
        week.phase
    )
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

/// `heavy` in the sessions column painted, when colour is on.
fn paint_heavy(line: &str, color: bool) -> String {
    if color {
        line.replace("heavy", &paint("heavy", HEAVY, true))
    } else {
        line.to_owned()
    }
}

/// Every week's warnings, each once, with the weeks it concerns (`weeks 1-3, 6: ...`).
fn write_block_warnings(block: &Block, out: &mut impl io::Write) -> io::Result<()> {
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

/// Widest a line may be.
const WIDTH: usize = 100;

/// Widest exercise name shown; a longer one is cut, so it never runs into the next
/// column.
const NAME_WIDTH_MAX: usize = 50;

/// `text` from a file, control characters escaped and cut to `width` characters with
/// `...` at the end if it is longer.
fn fit(text: &str, width: usize) -> String {
    let text = escape_controls(text);
    if text.chars().count() <= width {
        return text.into_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(3)).collect();
    cut.push_str("...");
    cut
}

fn write_workout(
    week: &Week<'_>,
    s: &Session,
    w: &Workout,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let date = week.session_time(s, 0).date().format("%a %e %b");
    let start = format!("{date} {}  {}: ", s.span.start.time(), w.role.name());
    let end = format!(
        "  (about {} of {} min, {} min warm-up)",
        w.estimated_minutes, s.span.minutes, w.warmup_minutes
    );
    // The title gets what the line has left.
    let room = WIDTH.saturating_sub(start.chars().count() + end.chars().count());
    writeln!(out, "\n{start}{}{end}", fit(&w.title, room))?;
    let units = week.schedule.runner.units.name();
    // The name column fits the longest name, within the line width.
    let names: Vec<String> = w
        .exercises
        .iter()
        .map(|e| fit(&e.name, NAME_WIDTH_MAX))
        .collect();
    let name_width = names
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(8, NAME_WIDTH_MAX)
        + 2;
    writeln!(
        out,
        "  {:<name_width$}{:<14}{:>6}  {:>9}  {:>3}  {:>5}",
        "exercise", "sets x reps", "%1RM", "load", "RIR", "rest"
    )?;
    for (e, name) in w.exercises.iter().zip(&names) {
        let each = if e.single_leg {
            "/leg"
        } else if e.per_side {
            "/side"
        } else {
            ""
        };
        let dose = match (e.reps, e.seconds) {
            (Some(reps), _) => format!("{} x {reps}{each}", e.sets),
            (None, Some(seconds)) => format!("{} x {seconds} s{each}", e.sets),
            (None, None) => e.sets.to_string(),
        };
        let percent = e.percent_1rm.map_or("-".to_owned(), |p| format!("{p:.1}"));
        let load = phrases::load(e, units).unwrap_or_else(|| "-".to_owned());
        let rir = e.rir.map_or("-".to_owned(), |q| q.to_string());
        let rest = format!("{}:{:02}", e.rest_seconds / 60, e.rest_seconds % 60);
        writeln!(
            out,
            "  {name:<name_width$}{dose:<14}{percent:>6}  {load:>9}  {rir:>3}  {rest:>5}"
        )?;
        let uses = if e.equipment.is_empty() {
            String::new()
        } else {
            format!("Uses {}. ", phrases::equipment(e.equipment))
        };
        let cue = match &e.tempo {
            Some(tempo) => format!("{uses}Tempo {tempo}. {}", phrases::cue(e)),
            None => format!("{uses}{}", phrases::cue(e)),
        };
        for line in wrap(&cue, WIDTH - 6) {
            writeln!(out, "      {line}")?;
        }
    }
    for note in w.notes.iter().map(phrases::session_note) {
        for (i, line) in wrap(&note, WIDTH - 8).iter().enumerate() {
            writeln!(out, "  {} {line}", if i == 0 { "note:" } else { "     " })?;
        }
    }
    Ok(())
}

/// Splits `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Control characters escaped (a template's text must not drive the terminal),
    // and a word longer than the line cut into pieces that fit.
    let text = escape_controls(text);
    let width = width.max(1);
    let words = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .chunks(width)
            .map(|piece| piece.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    for word in words {
        let word = word.as_str();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn session_line(s: &Session, color: bool) -> String {
    let kind = match s.kind {
        Kind::Heavy => "HEAVY",
        Kind::Light => "light",
    };
    let pinned = if s.pinned { ", pinned" } else { "" };
    let gaps = match (s.before, s.after) {
        (Some(before), Some(after)) => format!(
            "since hard run {}, next in {}",
            short_duration(before.minutes),
            short_duration(after.minutes)
        ),
        _ => "no hard runs this week".to_owned(),
    };
    // Pad before painting: escape codes have no width on screen.
    let what = format!("{:<21}", format!("{kind} {} min{pinned}", s.span.minutes));
    let what = what.replacen(
        kind,
        &paint(
            kind,
            if s.kind == Kind::Heavy { HEAVY } else { LIGHT },
            color,
        ),
        1,
    );
    format!(
        "{}-{}  {:<10} {what} {gaps}",
        s.span.start.time(),
        s.span.end().time(),
        "strength"
    )
}

/// `58h15`, `9h35`, `24h`, `45m`: durations that fit a column.
fn short_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("", 10), Vec::<String>::new());
        // A word longer than the line is cut, so no line passes the width.
        assert_eq!(wrap("unbreakableword", 4), ["unbr", "eaka", "blew", "ord"]);
    }

    #[test]
    fn text_from_files_is_escaped_and_cut_to_fit() {
        assert_eq!(fit("a\u{1b}[2Jb", 20), "a\\u{1b}[2Jb");
        assert_eq!(fit(&"x".repeat(60), 10), "xxxxxxx...");
        assert_eq!(
            wrap("cue\rwith\u{1b}]0;t\u{7}", 40),
            ["cue\\rwith\\u{1b}]0;t\\u{7}"]
        );
    }

    #[test]
    fn short_durations_fit_a_column() {
        assert_eq!(short_duration(58 * 60 + 15), "58h15");
        assert_eq!(short_duration(9 * 60 + 5), "9h05");
        assert_eq!(short_duration(24 * 60), "24h");
        assert_eq!(short_duration(45), "45m");
    }

    #[test]
    fn numbers_lose_a_trailing_zero() {
        assert_eq!(phrases::number(80.0), "80");
        assert_eq!(phrases::number(82.5), "82.5");
    }
}
