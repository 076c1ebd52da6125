//! The week as an iCalendar file (RFC 5545) for calendar apps.
//!
//! Written by hand rather than with a calendar crate, so that the bytes are ours:
//! stable UIDs, a `DTSTAMP` the caller chooses, CRLF line ends, lines folded at 75
//! octets on UTF-8 character boundaries, and times that are either floating (no
//! `timezone`) or UTC instants converted from the schedule's zone.
//!
//! The calendar is published (`METHOD:PUBLISH`, RFC 5546): a copy of the plan, not an
//! invitation. Its events carry the `SEQUENCE` and `DTSTAMP` by which a client that
//! follows RFC 5546 tells a newer copy of an event from an older one; both come from
//! the instant the plan was made (`SOURCE_DATE_EPOCH`, else the clock).
//!
//! A UID names the week and the slot, not the time: `strength-2026-11-30-wed@planner`
//! is the session on Wednesday of the week of 30 November 2026, whatever its start.
//! Importing the same week again, even after the plan moved a session within its day,
//! updates that event instead of adding a second one.

use std::io;

use jiff::{SignedDuration, Timestamp};

use crate::date::DateTime;

use crate::lift::Units;
use crate::plan::{Plan, Session};
use crate::render::Week;
use crate::render::phrases::{self, duration};
use crate::rules::HEAVY_GAP_MIN;
use crate::schedule::{Kind, Run};
use crate::template::Role;
use crate::workout::Prescribed;
use crate::zone::{Shift, Zone};

/// Options of the iCalendar format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// Add the week's runs as events too.
    pub include_runs: bool,
    /// Remind this many minutes before each strength session.
    pub alarm_minutes: Option<u32>,
    /// When the plan was made: every event's `DTSTAMP` and `LAST-MODIFIED`, and what
    /// its `SEQUENCE` counts up to. From `SOURCE_DATE_EPOCH`, so output is reproducible.
    pub dtstamp: Timestamp,
}

/// Longest content line in octets, line break excluded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// The right-hand side of every UID.
const UID_DOMAIN: &str = "planner";

/// A date and time in UTC, as `DTSTAMP` and zoned `DTSTART`/`DTEND` write it.
const UTC_STAMP: &str = "%Y%m%dT%H%M%SZ";

/// A floating local date and time.
const FLOATING_STAMP: &str = "%Y%m%dT%H%M%S";

/// The instant from which `SEQUENCE` counts, in seconds since 1970: 2026-01-01 00:00
/// UTC, before any calendar this program wrote. Not a coaching rule, so not in
/// `rules.rs`: it is how this format numbers revisions, and nothing else reads it.
const SEQUENCE_EPOCH: i64 = 1_767_225_600;

/// Seconds per step of `SEQUENCE`. A minute, not a second: counted in seconds the
/// number would pass RFC 5545's largest INTEGER (2^31 - 1) in 2094, in minutes only in
/// the year 6109. Two plans made within the same minute share a `SEQUENCE`; their
/// `DTSTAMP`, to the second, still tells them apart.
const SEQUENCE_STEP_SECONDS: i64 = 60;

/// Writes the week as a calendar.
pub fn write(week: &Week<'_>, options: &IcsOptions, out: &mut impl io::Write) -> io::Result<()> {
    write_weeks(std::slice::from_ref(week), options, out)
}

/// Writes several weeks (a block) as one calendar; every event keeps the UID it has
/// in its own week's calendar, and the week's Monday in every UID keeps them apart.
pub fn write_weeks(
    weeks: &[Week<'_>],
    options: &IcsOptions,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let Some(first) = weeks.first() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a calendar needs at least one week",
        ));
    };
    let zone = first.schedule.runner.timezone.as_ref();
    let name = calendar_name(first, weeks);
    let stamp = options.dtstamp.strftime(UTC_STAMP).to_string();
    let sequence = sequence(options.dtstamp);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!(
            "PRODID:-//planner//planner {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        // RFC 7986's name, and the older extension that more clients read.
        format!("NAME:{}", text(&name)),
        format!("X-WR-CALNAME:{}", text(&name)),
    ];
    if let Some(zone) = zone {
        // Only a hint for display: every time below is already a UTC instant.
        lines.push(format!("X-WR-TIMEZONE:{}", text(zone.name())));
    }
    for event in weeks.iter().flat_map(|week| events(week, options)) {
        let (start, end, note) = times(&event, zone);
        let mut description = event.description;
        if let Some(note) = note {
            description.push_str("\n\n");
            description.push_str(&capitalized(&note));
        }
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", event.uid),
            format!("DTSTAMP:{stamp}"),
            format!("LAST-MODIFIED:{stamp}"),
            format!("SEQUENCE:{sequence}"),
            format!("DTSTART:{start}"),
            format!("DTEND:{end}"),
            format!("SUMMARY:{}", text(&event.summary)),
            format!("DESCRIPTION:{}", text(&description)),
            format!("CATEGORIES:{}", event.categories.join(",")),
            "TRANSP:OPAQUE".to_owned(),
        ]);
        if let Some(alarm) = event.alarm {
            lines.extend([
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                format!("TRIGGER:-PT{}M", alarm.minutes),
                format!("DESCRIPTION:{}", text(&alarm.description)),
                "END:VALARM".to_owned(),
            ]);
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    for line in lines {
        out.write_all(fold(&line).as_bytes())?;
    }
    Ok(())
}

/// The calendar's name: `Strength week of 2026-11-30`, or for a block `Strength block
/// of 16 weeks from 2026-11-30 to 2027-03-21`, Monday of the first week to Sunday of
/// the last.
fn calendar_name(first: &Week<'_>, weeks: &[Week<'_>]) -> String {
    match weeks.last() {
        Some(last) if weeks.len() > 1 => {
            // A plan's weeks end inside the planner's years, so its last Sunday is a day.
            let sunday = crate::date::add_days(last.monday, 6);
            format!(
                "Strength block of {} weeks from {} to {sunday}",
                weeks.len(),
                first.monday
            )
        }
        _ => format!("Strength week of {}", first.monday),
    }
}

/// The `SEQUENCE` of every event made at `stamp`: whole minutes since
/// [`SEQUENCE_EPOCH`], so a week planned again later carries a higher number and an
/// RFC 5546 client takes its times over the old ones. Never negative (an earlier stamp
/// gives 0) and never past RFC 5545's largest INTEGER.
fn sequence(stamp: Timestamp) -> i64 {
    let steps = (stamp.as_second() - SEQUENCE_EPOCH).div_euclid(SEQUENCE_STEP_SECONDS);
    steps.clamp(0, i64::from(i32::MAX))
}

/// What was done with local times that do not exist or exist twice in the schedule's
/// zone on a daylight-saving change, one sentence each, for the caller to print as
/// warnings. Empty without a zone, for an unknown zone, and in most weeks. The same
/// sentences end the affected events' descriptions.
pub fn dst_notes(week: &Week<'_>, options: &IcsOptions) -> Vec<String> {
    let Some(zone) = &week.schedule.runner.timezone else {
        return Vec::new();
    };
    events(week, options)
        .iter()
        .filter_map(|event| times(event, Some(zone)).2)
        .collect()
}

/// [`dst_notes`] for several weeks.
pub fn dst_notes_weeks(weeks: &[Week<'_>], options: &IcsOptions) -> Vec<String> {
    weeks
        .iter()
        .flat_map(|week| dst_notes(week, options))
        .collect()
}

/// One event of the calendar, before its times are written.
struct Event {
    uid: String,
    /// Local wall-clock start.
    start: DateTime,
    minutes: u32,
    /// What the event is, for the DST notes: `heavy strength session`, `intervals run`.
    what: String,
    summary: String,
    description: String,
    /// Already valid TEXT: plain upper-case words.
    categories: Vec<&'static str>,
    alarm: Option<Alarm>,
}

struct Alarm {
    minutes: u32,
    description: String,
}

/// The week's events, in order of start.
fn events(week: &Week<'_>, options: &IcsOptions) -> Vec<Event> {
    let Week { schedule, plan, .. } = *week;
    let mut events: Vec<Event> = plan
        .sessions
        .iter()
        .enumerate()
        .map(|(i, session)| {
            // At most one session a day is the rule, but pinned sessions may break it:
            // a second one on the same day gets its own UID.
            let nth = plan.sessions[..i]
                .iter()
                .filter(|s| s.day == session.day)
                .count();
            session_event(week, session, nth, options.alarm_minutes)
        })
        .collect();
    if options.include_runs {
        for day in &schedule.days {
            events.extend(day.runs.iter().map(|run| run_event(week, run)));
        }
    }
    events.sort_by_key(|e| e.start);
    events
}

fn session_event(week: &Week<'_>, session: &Session, nth: usize, alarm: Option<u32>) -> Event {
    let kind = session.kind.name();
    let suffix = if nth == 0 {
        String::new()
    } else {
        format!("-{}", nth + 1)
    };
    let mut categories = vec![
        "STRENGTH",
        match session.kind {
            Kind::Heavy => "HEAVY",
            Kind::Light => "LIGHT",
        },
    ];
    if session.pinned {
        categories.push("PINNED");
    }
    if week.plan.deload {
        categories.push("DELOAD");
    }
    if week.plan.taper {
        categories.push("TAPER");
    }
    if let Some(phase) = week.plan.phase {
        categories.push(match phase {
            crate::phase::Phase::Base => "BASE",
            crate::phase::Phase::Strength => "STRENGTH-PHASE",
            crate::phase::Phase::Power => "POWER",
            crate::phase::Phase::Taper => "TAPER-PHASE",
            crate::phase::Phase::Maintenance => "MAINTENANCE",
        });
    }
    Event {
        uid: format!(
            "strength-{}-{}{suffix}@{UID_DOMAIN}",
            week.monday, session.day
        ),
        start: week.session_time(session, 0),
        minutes: session.span.minutes,
        what: format!("{kind} strength session"),
        summary: summary(session, week.plan),
        description: match week.plan.phase {
            Some(phase) => format!(
                "{} phase of the block\n{}",
                capitalized(phase.name()),
                description(session, week.schedule.runner.units)
            ),
            None => description(session, week.schedule.runner.units),
        },
        categories,
        alarm: alarm.map(|minutes| Alarm {
            minutes,
            description: match minutes {
                0 => format!("{} strength session now", capitalized(kind)),
                m => format!("{} strength session in {}", capitalized(kind), duration(m)),
            },
        }),
    }
}

fn run_event(week: &Week<'_>, run: &Run) -> Event {
    let mut description = format!(
        "{} run, {}",
        capitalized(run.run_type),
        duration(run.span.minutes)
    );
    if run.run_type == "race" {
        description.push_str(&format!(
            ", a key run: heavy lifting ideally stays {} or more away",
            duration(crate::rules::HEAVY_GAP_IDEAL_KEY)
        ));
    } else if run.hard {
        description.push_str(&format!(
            ", hard: heavy lifting stays at least {} away",
            duration(HEAVY_GAP_MIN)
        ));
    } else if run.run_type != "easy" {
        description.push_str(", easy");
    }
    Event {
        uid: format!(
            "run-{}-{}-{}@{UID_DOMAIN}",
            week.monday,
            run.day,
            run.span.start.time().to_string().replace(':', "")
        ),
        start: week.datetime(run.span.start, 0),
        minutes: run.span.minutes,
        what: format!("{} run", run.run_type),
        summary: if run.run_type == "race" {
            "Race".to_owned()
        } else if run.hard {
            format!("Run: {} (hard)", run.run_type)
        } else {
            format!("Run: {}", run.run_type)
        },
        description,
        categories: vec!["RUN", if run.hard { "HARD" } else { "EASY" }],
        alarm: None,
    }
}

/// What a calendar shows for a session at a glance: `Strength: heavy (squat focus)`,
/// `Strength: light (pinned)`.
fn summary(session: &Session, plan: &Plan) -> String {
    let focus = session.workout.as_ref().and_then(|w| match w.role {
        Role::HeavySquat => Some("squat focus"),
        Role::HeavyHinge => Some("hinge focus"),
        Role::Power => Some("power"),
        Role::Light => None,
    });
    let marks: Vec<&str> = focus
        .into_iter()
        .chain(session.pinned.then_some("pinned"))
        .chain(plan.deload.then_some("deload"))
        .chain(plan.taper.then_some("taper"))
        .collect();
    let mut marks: Vec<String> = marks.into_iter().map(str::to_owned).collect();
    if let Some(phase) = plan.phase {
        marks.insert(0, format!("{phase} phase"));
    }
    match marks.as_slice() {
        [] => format!("Strength: {}", session.kind.name()),
        marks => format!("Strength: {} ({})", session.kind.name(), marks.join(", ")),
    }
}

/// The body of a session's event: what it is, its exercises, why it is heavy or
/// light, and how far it is from the hard runs around it. Lines are separated by `\n`.
fn description(session: &Session, units: Units) -> String {
    let kind = session.kind.name();
    let mut lines = vec![format!(
        "{} strength session, {}",
        capitalized(kind),
        duration(session.span.minutes)
    )];
    if let Some(workout) = &session.workout {
        lines.push(format!(
            "{}: about {} with a {} warm-up",
            workout.title,
            duration(workout.estimated_minutes),
            duration(workout.warmup_minutes)
        ));
        lines.push(String::new());
        lines.extend(
            workout
                .exercises
                .iter()
                .map(|e| format!("- {}", exercise(e, units))),
        );
        lines.extend(
            workout
                .notes
                .iter()
                .map(|note| format!("Note: {}", phrases::session_note(note))),
        );
        lines.push(String::new());
    }
    if session.pinned {
        lines.push(format!("Pinned in your schedule as {kind}"));
    }
    lines.extend(
        phrases::session_reasons(session)
            .iter()
            .skip(usize::from(session.pinned))
            .map(|line| capitalized(line)),
    );
    lines.join("\n")
}

/// One exercise on one line: `Back squat: 3 x 5, 81.1 % 1RM, 82.5 kg, 2 reps in
/// reserve, rest 2 min 30 s. Brace and …`.
fn exercise(e: &Prescribed, units: Units) -> String {
    let mut parts =
        vec![phrases::sets_and_reps(e, " x ").unwrap_or_else(|| format!("{} sets", e.sets))];
    if let Some(percent) = e.percent_1rm {
        parts.push(format!("{percent:.1} % 1RM"));
    }
    if let Some(load) = phrases::load(e, units.name()) {
        parts.push(load);
    }
    match e.rir {
        Some(1) => parts.push("1 rep in reserve".to_owned()),
        Some(rir) => parts.push(format!("{rir} reps in reserve")),
        None => {}
    }
    if let Some(tempo) = &e.tempo {
        parts.push(format!("tempo {tempo}"));
    }
    parts.push(format!("rest {}", phrases::seconds(e.rest_seconds)));
    parts.push(format!("uses {}", phrases::equipment(e.equipment)));
    format!("{}: {}. {}", e.name(), parts.join(", "), phrases::cue(e))
}

/// `DTSTART` and `DTEND` values, and a note when the start had to be moved or chosen
/// on a daylight-saving change. The end is the start plus the event's minutes, so an
/// event keeps its length across a change.
fn times(event: &Event, zone: Option<&Zone>) -> (String, String, Option<String>) {
    let minutes = SignedDuration::from_mins(i64::from(event.minutes));
    match zone {
        None => (
            event.start.strftime(FLOATING_STAMP).to_string(),
            event
                .start
                .saturating_add(minutes)
                .strftime(FLOATING_STAMP)
                .to_string(),
            None,
        ),
        Some(zone) => {
            let (start, shift) = zone.to_utc(event.start);
            let note = shift.map(|shift| describe(shift, zone, event));
            (
                start.strftime(UTC_STAMP).to_string(),
                start
                    .saturating_add(minutes)
                    .strftime(UTC_STAMP)
                    .to_string(),
                note,
            )
        }
    }
}

/// The sentence for an event whose local start was moved or chosen on a daylight-saving
/// change.
fn describe(shift: Shift, zone: &Zone, event: &Event) -> String {
    let at = event.start.strftime("%Y-%m-%d %H:%M");
    match shift {
        Shift::Skipped(moved) => {
            let gap = moved.duration_since(event.start).as_mins().max(0) as u32;
            format!(
                "{at} does not exist in {} (the clocks go forward {}): the {} is moved to {}",
                zone.name(),
                duration(gap),
                event.what,
                moved.strftime("%H:%M"),
            )
        }
        Shift::Repeated(offset) => format!(
            "{at} happens twice in {} (the clocks go back): the {} is set at the first \
             one, UTC{}",
            zone.name(),
            event.what,
            utc_offset(offset),
        ),
    }
}

/// `+02:00`: an offset from UTC as RFC 3339 writes it.
fn utc_offset(offset: jiff::tz::Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `heavy` → `Heavy`.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line
/// breaks as `\n`, other control characters (which TEXT may not hold) dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded into lines of at most 75 octets, each ending in CRLF, never
/// splitting a UTF-8 character; continuation lines start with one space, which counts.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / (LINE_OCTETS - 1) * 3 + 2);
    let mut rest = line;
    let mut limit = LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Some parsers trim each physical line before unfolding, which would eat a
        // blank at the end: fold before the blanks instead, so they start the next line.
        let kept = rest[..cut].trim_end_matches([' ', '\t']).len();
        if kept > 0 {
            cut = kept;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Week;
    use crate::schedule::{Overrides, Schedule};

    /// Undoes `fold`: drops every CRLF followed by one space, and the final CRLF.
    fn unfold(folded: &str) -> String {
        folded
            .strip_suffix("\r\n")
            .expect("ends in CRLF")
            .replace("\r\n ", "")
    }

    fn assert_folded(line: &str) {
        let folded = fold(line);
        for physical in folded.split_terminator("\r\n") {
            assert!(
                physical.len() <= LINE_OCTETS,
                "{} octets: {physical:?}",
                physical.len()
            );
            assert!(!physical.contains(['\r', '\n']), "{physical:?}");
        }
        assert!(folded.ends_with("\r\n"));
        assert_eq!(unfold(&folded), line);
    }

    fn schedule(text: &str) -> Schedule {
        Schedule::parse(text, Overrides::default()).expect("valid schedule")
    }

    fn render(schedule: &Schedule, monday: &str, options: &IcsOptions) -> String {
        let plan = crate::plan_week(schedule).expect("a plan");
        let week = Week {
            schedule,
            plan: &plan,
            monday: monday.parse().expect("a date"),
        };
        let mut out = Vec::new();
        write(&week, options, &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    fn notes(schedule: &Schedule, monday: &str, options: &IcsOptions) -> Vec<String> {
        let plan = crate::plan_week(schedule).expect("a plan");
        let week = Week {
            schedule,
            plan: &plan,
            monday: monday.parse().expect("a date"),
        };
        dst_notes(&week, options)
    }

    fn options() -> IcsOptions {
        IcsOptions {
            include_runs: false,
            alarm_minutes: None,
            dtstamp: "2026-11-01T12:00:00Z".parse().expect("a valid instant"),
        }
    }

    /// The values of every `name` property, in order, after unfolding.
    fn values(calendar: &str, name: &str) -> Vec<String> {
        let prefix = format!("{name}:");
        calendar
            .replace("\r\n ", "")
            .split("\r\n")
            .filter_map(|line| line.strip_prefix(&prefix).map(str::to_owned))
            .collect()
    }

    const WEEK: &str = r#"
        [week]
        tue = { run = "intervals", at = "06:30", minutes = 60 }
        thu = { run = "tempo", at = "18:00" }
        sat = { run = "long", at = "08:00", minutes = 120 }
    "#;

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        let exactly = "X".repeat(LINE_OCTETS);
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn ascii_is_folded_at_75_octets_with_the_space_counted() {
        let line = "D".repeat(LINE_OCTETS + 1);
        assert_eq!(fold(&line), format!("{}\r\n D\r\n", "D".repeat(75)));
        let long = "DESCRIPTION:".to_owned() + &"abcdefghij".repeat(30);
        let folded = fold(&long);
        let physical: Vec<&str> = folded.split_terminator("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        assert!(
            physical[1..physical.len() - 1]
                .iter()
                .all(|l| l.len() == 75)
        );
        assert_folded(&long);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // Put each multi-byte character across the 75th octet, at every offset.
        for filler in ["é", "€", "🏋"] {
            for shift in 0..4 {
                let line = format!("SUMMARY:{}{}", "a".repeat(64 + shift), filler.repeat(12));
                assert_folded(&line);
                let folded = fold(&line);
                let first = folded.split("\r\n").next().expect("a first line");
                assert!(first.len() > LINE_OCTETS - filler.len(), "{first:?}");
            }
        }
        assert_folded(&"🏃".repeat(100));
        assert_folded(&"Ñandú, ".repeat(40));
    }

    #[test]
    fn folding_keeps_blanks_off_the_end_of_a_line() {
        let line = format!("DESCRIPTION:{} tail", "x".repeat(62));
        assert_eq!(line.as_bytes()[74], b' ');
        let folded = fold(&line);
        assert!(
            folded.split("\r\n").all(|l| !l.ends_with(' ')),
            "{folded:?}"
        );
        assert_folded(&line);
        assert_folded(&format!("X:{}", " ".repeat(200)));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("tab\tbell\u{7}"), "tab\tbell");
        assert_eq!(text("Ñandú: 2 × 5 🏋"), "Ñandú: 2 × 5 🏋");
    }

    #[test]
    fn calendar_has_the_required_properties_and_crlf_everywhere() {
        let calendar = render(&schedule(WEEK), "2026-11-30", &options());
        assert!(
            calendar.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner//planner ")
        );
        assert!(calendar.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(
            calendar.matches('\n').count(),
            calendar.matches("\r\n").count()
        );
        assert!(
            calendar
                .split_terminator("\r\n")
                .all(|l| l.len() <= LINE_OCTETS)
        );
        assert_eq!(values(&calendar, "METHOD"), ["PUBLISH"]);
        assert_eq!(values(&calendar, "NAME"), ["Strength week of 2026-11-30"]);
        assert_eq!(
            values(&calendar, "X-WR-CALNAME"),
            ["Strength week of 2026-11-30"]
        );
        assert_eq!(values(&calendar, "DTSTAMP"), ["20261101T120000Z"; 3]);
        assert_eq!(values(&calendar, "LAST-MODIFIED"), ["20261101T120000Z"; 3]);
        // 2026-11-01 12:00 UTC is 304 days and 12 hours after 2026-01-01.
        assert_eq!(values(&calendar, "SEQUENCE"), ["438480"; 3]);
        assert_eq!(values(&calendar, "TRANSP"), ["OPAQUE"; 3]);
        assert!(
            values(&calendar, "SUMMARY")
                .iter()
                .all(|s| s.starts_with("Strength: "))
        );
        assert!(
            values(&calendar, "CATEGORIES")
                .iter()
                .all(|c| c.starts_with("STRENGTH,"))
        );
        assert_eq!(values(&calendar, "BEGIN").len(), 4);
    }

    #[test]
    fn sequence_counts_whole_minutes_from_2026_within_the_integer_range() {
        let at = |secs: i64| sequence(Timestamp::from_second(secs).expect("an instant"));
        assert_eq!(at(SEQUENCE_EPOCH), 0);
        assert_eq!(at(SEQUENCE_EPOCH + 59), 0);
        assert_eq!(at(SEQUENCE_EPOCH + 60), 1);
        assert_eq!(at(SEQUENCE_EPOCH + 86_400), 1440);
        // Before 2026, and a SOURCE_DATE_EPOCH of 0 as reproducible builds often set.
        assert_eq!(at(SEQUENCE_EPOCH - 1), 0);
        assert_eq!(at(0), 0);
        assert_eq!(at(i64::from(i32::MIN)), 0);
        // The last second SOURCE_DATE_EPOCH accepts, 9999-12-30 22:00 UTC.
        assert_eq!(at(Timestamp::MAX.as_second()), i64::from(i32::MAX));
        let later: Vec<i64> = (0..5)
            .map(|minutes| at(1_795_000_000 + minutes * 60))
            .collect();
        assert!(later.windows(2).all(|w| w[0] < w[1]), "{later:?}");
    }

    #[test]
    fn a_block_is_named_from_its_first_monday_to_its_last_sunday() {
        let schedule = schedule(WEEK);
        let plan = crate::plan_week(&schedule).expect("a plan");
        let week = |monday: &str| Week {
            schedule: &schedule,
            plan: &plan,
            monday: monday.parse().expect("a date"),
        };
        let weeks = [week("2026-11-30"), week("2026-12-07"), week("2026-12-14")];
        assert_eq!(
            calendar_name(&weeks[0], &weeks),
            "Strength block of 3 weeks from 2026-11-30 to 2026-12-20"
        );
        assert_eq!(
            calendar_name(&weeks[0], &weeks[..1]),
            "Strength week of 2026-11-30"
        );
        let mut out = Vec::new();
        write_weeks(&weeks, &options(), &mut out).expect("writes");
        let calendar = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            values(&calendar, "NAME"),
            ["Strength block of 3 weeks from 2026-11-30 to 2026-12-20"]
        );
        assert_eq!(values(&calendar, "NAME"), values(&calendar, "X-WR-CALNAME"));
    }

    #[test]
    fn the_same_week_gives_the_same_uids_and_each_slot_its_own() {
        let schedule = schedule(WEEK);
        let options = IcsOptions {
            include_runs: true,
            ..options()
        };
        let first = render(&schedule, "2026-11-30", &options);
        assert_eq!(first, render(&schedule, "2026-11-30", &options));
        let uids = values(&first, "UID");
        assert_eq!(uids.len(), 6);
        let mut unique = uids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), uids.len(), "{uids:?}");
        assert!(uids.contains(&"run-2026-11-30-tue-0630@planner".to_owned()));
        // A run's UID comes from its day and start, so adding a run renames no other.
        let more = self::schedule(&WEEK.replace(
            "tue = { run = \"intervals\", at = \"06:30\", minutes = 60 }",
            "tue = [{ run = \"easy\", at = \"05:00\", minutes = 30 }, { run = \"intervals\", at = \"06:30\", minutes = 60 }]",
        ));
        let more = values(&render(&more, "2026-11-30", &options), "UID");
        assert!(
            more.contains(&"run-2026-11-30-tue-0630@planner".to_owned()),
            "{more:?}"
        );
        assert!(
            more.contains(&"run-2026-11-30-tue-0500@planner".to_owned()),
            "{more:?}"
        );
        assert!(uids.iter().any(|u| u.starts_with("strength-2026-11-30-")));
        // Another week: other UIDs, so a block of weeks never collides.
        let next = values(&render(&schedule, "2026-12-07", &options), "UID");
        assert!(next.iter().all(|u| !uids.contains(u)), "{next:?}");
    }

    #[test]
    fn a_session_keeps_its_uid_when_it_moves_within_its_day() {
        let at = |time: &str| {
            let text = format!("[week]\nwed = {{ strength = \"heavy\", at = \"{time}\" }}\n");
            values(&render(&schedule(&text), "2026-11-30", &options()), "UID")
        };
        assert_eq!(at("17:00"), at("18:30"));
        assert!(at("17:00").contains(&"strength-2026-11-30-wed@planner".to_owned()));
    }

    #[test]
    fn two_pinned_sessions_on_one_day_get_different_uids() {
        let text = r#"
            [week]
            wed = [ { strength = "light", at = "07:00", minutes = 30 },
                    { strength = "heavy", at = "18:00" } ]
        "#;
        let uids = values(&render(&schedule(text), "2026-11-30", &options()), "UID");
        assert!(
            uids.contains(&"strength-2026-11-30-wed@planner".to_owned()),
            "{uids:?}"
        );
        assert!(
            uids.contains(&"strength-2026-11-30-wed-2@planner".to_owned()),
            "{uids:?}"
        );
    }

    #[test]
    fn without_a_zone_times_are_floating() {
        let text = "[week]\nwed = { strength = \"heavy\", at = \"18:00\", minutes = 40 }\n";
        let calendar = render(&schedule(text), "2026-11-30", &options());
        assert!(values(&calendar, "DTSTART").contains(&"20261202T180000".to_owned()));
        assert!(values(&calendar, "DTEND").contains(&"20261202T184000".to_owned()));
        assert!(values(&calendar, "X-WR-TIMEZONE").is_empty());
    }

    #[test]
    fn with_a_zone_times_are_utc_instants() {
        let text = "[runner]\ntimezone = \"Europe/Madrid\"\n\
                    [week]\nmon = { strength = \"heavy\", at = \"18:00\", minutes = 40 }\n";
        let calendar = render(&schedule(text), "2026-11-30", &options());
        assert!(values(&calendar, "DTSTART").contains(&"20261130T170000Z".to_owned()));
        assert!(values(&calendar, "DTEND").contains(&"20261130T174000Z".to_owned()));
        assert_eq!(values(&calendar, "X-WR-TIMEZONE"), ["Europe/Madrid"]);
        // Summer time: two hours ahead of UTC.
        let summer = render(&schedule(text), "2026-06-01", &options());
        assert!(values(&summer, "DTSTART").contains(&"20260601T160000Z".to_owned()));
    }

    #[test]
    fn daylight_saving_changes_are_written_and_reported() {
        let text = r#"
            [runner]
            timezone = "Europe/Madrid"
            [week]
            sun = [ { strength = "light", at = "02:30", minutes = 30 } ]
            sat = { run = "easy", at = "02:30", minutes = 30 }
        "#;
        let schedule = schedule(text);
        let with_runs = IcsOptions {
            include_runs: true,
            ..options()
        };
        // Week of 23 March 2026: the clocks go forward on Sunday 29 March.
        let spring = render(&schedule, "2026-03-23", &with_runs);
        assert!(values(&spring, "DTSTART").contains(&"20260329T013000Z".to_owned()));
        assert!(values(&spring, "DTEND").contains(&"20260329T020000Z".to_owned()));
        let spring_notes = notes(&schedule, "2026-03-23", &with_runs);
        assert_eq!(spring_notes.len(), 1, "{spring_notes:?}");
        assert!(spring_notes[0].contains("2026-03-29 02:30 does not exist in Europe/Madrid"));
        assert!(
            spring_notes[0].contains("forward 1 h): the light strength session is moved to 03:30"),
            "{spring_notes:?}"
        );
        // The event's own description says it too.
        let descriptions = values(&spring, "DESCRIPTION").join("|");
        assert!(
            descriptions.contains("2026-03-29 02:30 does not exist"),
            "{descriptions}"
        );
        // Week of 19 October 2026: the clocks go back on Sunday 25 October.
        let autumn = render(&schedule, "2026-10-19", &with_runs);
        assert!(values(&autumn, "DTSTART").contains(&"20261025T003000Z".to_owned()));
        let autumn_notes = notes(&schedule, "2026-10-19", &with_runs);
        assert_eq!(autumn_notes.len(), 1, "{autumn_notes:?}");
        assert!(
            autumn_notes[0].contains("happens twice"),
            "{autumn_notes:?}"
        );
        assert!(autumn_notes[0].contains("UTC+02:00"), "{autumn_notes:?}");
        // Without a zone nothing is converted, so nothing is reported.
        let mut floating = schedule.clone();
        floating.runner.timezone = None;
        assert!(notes(&floating, "2026-03-23", &with_runs).is_empty());
    }

    #[test]
    fn runs_are_events_only_when_asked_for() {
        let schedule = schedule(WEEK);
        let without = render(&schedule, "2026-11-30", &options());
        assert!(
            values(&without, "SUMMARY")
                .iter()
                .all(|s| s.starts_with("Strength"))
        );
        let with = render(
            &schedule,
            "2026-11-30",
            &IcsOptions {
                include_runs: true,
                ..options()
            },
        );
        let summaries = values(&with, "SUMMARY");
        assert!(
            summaries.contains(&"Run: intervals (hard)".to_owned()),
            "{summaries:?}"
        );
        assert!(values(&with, "CATEGORIES").contains(&"RUN,HARD".to_owned()));
        assert!(values(&with, "DTSTART").contains(&"20261201T063000".to_owned()));
        assert!(values(&with, "DTEND").contains(&"20261201T073000".to_owned()));
    }

    #[test]
    fn an_alarm_reminds_before_each_session() {
        let calendar = render(
            &schedule(WEEK),
            "2026-11-30",
            &IcsOptions {
                alarm_minutes: Some(30),
                include_runs: true,
                ..options()
            },
        );
        assert_eq!(values(&calendar, "TRIGGER"), ["-PT30M"; 3]);
        assert_eq!(values(&calendar, "ACTION"), ["DISPLAY"; 3]);
        assert!(
            calendar.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT30M\r\nDESCRIPTION:")
        );
    }

    #[test]
    fn a_pinned_session_says_so() {
        let text = "[week]\nwed = { strength = \"light\", at = \"18:00\" }\n\
                    tue = { run = \"intervals\", at = \"06:30\" }\n";
        let calendar = render(&schedule(text), "2026-11-30", &options());
        assert!(values(&calendar, "SUMMARY").contains(&"Strength: light (pinned)".to_owned()));
        assert!(values(&calendar, "CATEGORIES").contains(&"STRENGTH,LIGHT,PINNED".to_owned()));
        let descriptions = values(&calendar, "DESCRIPTION").join("|");
        assert!(
            descriptions.contains(r"Pinned in your schedule as light\n"),
            "{descriptions}"
        );
    }

    #[test]
    fn a_session_lists_its_exercises() {
        let text = format!(
            "[runner]\nheavy_max = 3\n[lifts]\nback_squat = 100\nromanian_deadlift = 90\n{WEEK}"
        );
        let calendar = render(&schedule(&text), "2026-11-30", &options());
        let summaries = values(&calendar, "SUMMARY");
        assert!(
            summaries.iter().all(|s| s.starts_with("Strength: heavy (")),
            "{summaries:?}"
        );
        let descriptions = values(&calendar, "DESCRIPTION");
        for description in &descriptions {
            assert!(description.contains(r"\n\n- "), "{description}");
            assert!(
                description.contains(r"reps in reserve\, rest "),
                "{description}"
            );
        }
        assert!(
            descriptions.iter().any(|d| d.contains(" kg")),
            "{descriptions:?}"
        );
    }
}
