//! The week for reading in a terminal: the seven days, then warnings.
//!
//! Plain ASCII, no line wider than 100 columns, readable without colour.

use std::io;

use crate::day::Day;
use crate::placement::{describe_gap, reason_text};
use crate::plan::{Session, duration};
use crate::render::Week;
use crate::rules::HEAVY_GAP_MIN;
use crate::schedule::Kind;

/// Options of the text format.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Add the reasons: why each day holds a session or not, why each is heavy or light.
    pub explain: bool,
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
    writeln!(
        out,
        "Week of {}: {} strength session{} (target {}), {strength} min in all",
        monday.format("%a %-d %b %Y"),
        plan.sessions.len(),
        if plan.sessions.len() == 1 { "" } else { "s" },
        plan.target,
    )?;
    let nearest = plan
        .sessions
        .iter()
        .flat_map(|s| [s.before, s.after])
        .flatten()
        .map(|g| g.minutes)
        .min();
    match nearest {
        Some(minutes) => writeln!(
            out,
            "Closest a session comes to a hard run: {}",
            duration(minutes)
        )?,
        None => writeln!(out, "No hard runs this week: every session may be heavy")?,
    }
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
                    if run.hard { "HARD" } else { "" },
                )
                .trim_end()
                .to_owned(),
            })
            .collect();
        items.extend(plan.sessions.iter().filter(|s| s.day == day).map(|s| Item {
            start: s.span.start.minutes(),
            line: session_line(s),
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
        for (day, reason) in Day::ALL.iter().zip(&plan.days) {
            writeln!(out, "  {}  {}", day.title(), reason_text(reason))?;
        }
        for session in &plan.sessions {
            writeln!(
                out,
                "  {} {} {}:",
                session.day.title(),
                session.span.start.time(),
                session.kind.name()
            )?;
            for line in kind_reasons(session) {
                writeln!(out, "    {line}")?;
            }
        }
        match &plan.decision {
            Some(decision) => {
                let days: Vec<&str> = decision.runner_up.iter().map(|d| d.key()).collect();
                writeln!(
                    out,
                    "  These days beat the next best choice ({}) at {}",
                    days.join(", "),
                    decision.level
                )?;
            }
            None if plan.sessions.iter().any(|s| !s.pinned) => {
                writeln!(out, "  No other choice of days was possible")?;
            }
            None => {}
        }
    }

    if !plan.warnings.is_empty() {
        writeln!(out, "\nWarnings:")?;
        for warning in &plan.warnings {
            writeln!(out, "  ! {warning}")?;
        }
    }
    Ok(())
}

fn session_line(s: &Session) -> String {
    let kind = match s.kind {
        Kind::Heavy => "HEAVY",
        Kind::Light => "light",
    };
    let pinned = if s.pinned { ", pinned" } else { "" };
    let gaps = match (s.before, s.after) {
        (Some(before), Some(after)) => format!(
            "  hard runs: {} since, {} until next",
            duration(before.minutes),
            duration(after.minutes)
        ),
        _ => String::new(),
    };
    format!(
        "{}-{}  {:<10} {kind} {} min{pinned}{gaps}",
        s.span.start.time(),
        s.span.end().time(),
        "strength",
        s.span.minutes
    )
}

/// Why a session is heavy or light, with its gaps to the nearest hard runs.
fn kind_reasons(s: &Session) -> Vec<String> {
    let (Some(before), Some(after)) = (s.before, s.after) else {
        return vec![format!(
            "{}: no hard runs this week set a limit",
            s.kind.name()
        )];
    };
    let need = duration(HEAVY_GAP_MIN);
    let first = match (s.kind, s.pinned) {
        (Kind::Heavy, true) => "heavy as you pinned it".to_owned(),
        (Kind::Light, true) => "light as you pinned it".to_owned(),
        (Kind::Heavy, false) => format!("heavy: {need} or more from hard runs on both sides"),
        (Kind::Light, false) => {
            format!("light: heavy lifting needs {need} from hard runs on both sides")
        }
    };
    vec![
        first,
        describe_gap(&before, "after"),
        describe_gap(&after, "before"),
    ]
}
