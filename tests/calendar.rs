//! iCalendar and CSV output of every example, read back with independent parsers (the
//! `ical` and `csv` crates) and checked against the plan it was written from.

use std::io::BufReader;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;

use planner::render::ics::{self, IcsOptions};
use planner::render::{self, Week};
use planner::zone::Zone;
use planner::{Overrides, Plan, Schedule, plan_week};

use crate::util::root;

/// An example schedule that has a plan.
struct Example {
    name: String,
    schedule: Schedule,
    plan: Plan,
}

/// The week planned for an example without `week_of` (the starter schedule).
const STARTER_MONDAY: chrono::NaiveDate =
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");

impl Example {
    fn week(&self) -> Week<'_> {
        Week {
            schedule: &self.schedule,
            plan: &self.plan,
            monday: render::monday_of(self.schedule.week_of.unwrap_or(STARTER_MONDAY)),
        }
    }

    /// The same example in another time zone (or none).
    fn in_zone(&self, zone: Option<&str>) -> Example {
        let mut schedule = self.schedule.clone();
        schedule.runner.timezone = zone.map(|name| Zone::named(name).expect("a known zone"));
        Example {
            name: format!("{} in {}", self.name, zone.unwrap_or("floating time")),
            schedule,
            plan: self.plan.clone(),
        }
    }
}

fn examples() -> Vec<Example> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("examples/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let examples: Vec<Example> = paths
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).expect("example is readable");
            let schedule = Schedule::parse(&text, Overrides::default()).expect("example is valid");
            let plan = plan_week(&schedule).ok()?;
            Some(Example {
                name: path.display().to_string(),
                schedule,
                plan,
            })
        })
        .collect();
    assert!(
        examples.len() >= 4,
        "only {} examples have a plan",
        examples.len()
    );
    examples
}

/// Every example as written, then moved into a zone with summer time and into UTC.
fn variants() -> Vec<Example> {
    examples()
        .iter()
        .flat_map(|example| {
            [
                example.in_zone(example.schedule.runner.timezone.as_ref().map(Zone::name)),
                example.in_zone(None),
                example.in_zone(Some("America/New_York")),
                example.in_zone(Some("UTC")),
            ]
        })
        .collect()
}

fn dtstamp() -> DateTime<Utc> {
    Utc.timestamp_opt(1_795_000_000, 0)
        .single()
        .expect("a valid instant")
}

fn option_sets() -> [IcsOptions; 2] {
    [
        IcsOptions {
            include_runs: false,
            alarm_minutes: None,
            dtstamp: dtstamp(),
        },
        IcsOptions {
            include_runs: true,
            alarm_minutes: Some(15),
            dtstamp: dtstamp(),
        },
    ]
}

fn ics_bytes(week: &Week<'_>, options: &IcsOptions) -> String {
    let mut out = Vec::new();
    ics::write(week, options, &mut out).expect("the calendar is written");
    String::from_utf8(out).expect("the calendar is UTF-8")
}

/// The one calendar in `text`, as the `ical` crate reads it.
fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("a calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "one calendar only");
    calendar
}

fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
    let mut found = properties.iter().filter(|p| p.name == name);
    let property = found.next().unwrap_or_else(|| panic!("no {name}"));
    assert!(found.next().is_none(), "{name} given twice");
    property.value.as_deref().unwrap_or("")
}

/// A TEXT value as written, unescaped.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a TEXT value ends in a lone backslash: {text:?}"),
            },
            c => out.push(c),
        }
    }
    out
}

fn event_value<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    value(&event.properties, name)
}

/// The schedule's zone as chrono-tz reads it: the independent reading of the same
/// rules that the calendar is checked against.
fn oracle(zone: Option<&Zone>) -> Option<Tz> {
    zone.map(|z| z.name().parse().expect("chrono-tz knows the zone"))
}

/// `DTSTART` and `DTEND` as they should be written for `minutes` from `local`,
/// computed here with chrono-tz, apart from the renderer.
fn expected_times(local: NaiveDateTime, minutes: u32, zone: Option<Tz>) -> (String, String) {
    let length = Duration::minutes(i64::from(minutes));
    match zone {
        None => (
            local.format("%Y%m%dT%H%M%S").to_string(),
            (local + length).format("%Y%m%dT%H%M%S").to_string(),
        ),
        Some(zone) => {
            let start = zone
                .from_local_datetime(&local)
                .single()
                .expect("no daylight-saving change in the examples' weeks")
                .with_timezone(&Utc);
            (
                start.format("%Y%m%dT%H%M%SZ").to_string(),
                (start + length).format("%Y%m%dT%H%M%SZ").to_string(),
            )
        }
    }
}

#[track_caller]
fn assert_content_lines(name: &str, text: &str) {
    assert!(text.ends_with("\r\n"), "{name}: last line ends in CRLF");
    for line in text.split_terminator("\r\n") {
        assert!(
            !line.contains(['\r', '\n']),
            "{name}: bare CR or LF in {line:?}"
        );
        assert!(
            line.len() <= 75,
            "{name}: {} octets in {line:?}",
            line.len()
        );
        assert!(!line.is_empty(), "{name}: empty line");
    }
}

#[test]
fn every_example_reads_back_as_a_calendar_of_its_plan() {
    for example in variants() {
        let week = example.week();
        let zone = oracle(example.schedule.runner.timezone.as_ref());
        for options in option_sets() {
            let name = format!("{} (runs: {})", example.name, options.include_runs);
            let text = ics_bytes(&week, &options);
            assert_content_lines(&name, &text);
            assert!(ics::dst_notes(&week, &options).is_empty(), "{name}");
            let calendar = parse(&text);
            assert_eq!(value(&calendar.properties, "VERSION"), "2.0", "{name}");
            assert!(value(&calendar.properties, "PRODID").starts_with("-//planner//"));
            assert_eq!(value(&calendar.properties, "CALSCALE"), "GREGORIAN");
            assert_eq!(value(&calendar.properties, "METHOD"), "PUBLISH", "{name}");
            let calendar_name = value(&calendar.properties, "NAME");
            assert_eq!(
                calendar_name,
                format!("Strength week of {}", week.monday),
                "{name}"
            );
            assert_eq!(
                value(&calendar.properties, "X-WR-CALNAME"),
                calendar_name,
                "{name}"
            );

            let runs: Vec<_> = if options.include_runs {
                example.schedule.runs().collect()
            } else {
                Vec::new()
            };
            assert_eq!(
                calendar.events.len(),
                example.plan.sessions.len() + runs.len(),
                "{name}: events"
            );
            let mut uids: Vec<&str> = calendar
                .events
                .iter()
                .map(|e| event_value(e, "UID"))
                .collect();
            uids.sort_unstable();
            uids.dedup();
            assert_eq!(uids.len(), calendar.events.len(), "{name}: UIDs are unique");

            // (start, end, categories) of every event, against the plan's.
            let mut written: Vec<(String, String, String)> = calendar
                .events
                .iter()
                .map(|e| {
                    assert_eq!(event_value(e, "DTSTAMP"), "20261118T110640Z", "{name}");
                    assert_eq!(
                        event_value(e, "LAST-MODIFIED"),
                        "20261118T110640Z",
                        "{name}"
                    );
                    // Whole minutes from 2026-01-01 00:00 UTC to the stamp.
                    assert_eq!(event_value(e, "SEQUENCE"), "462906", "{name}");
                    assert!(!event_value(e, "SUMMARY").is_empty(), "{name}");
                    assert!(!event_value(e, "DESCRIPTION").is_empty(), "{name}");
                    (
                        event_value(e, "DTSTART").to_owned(),
                        event_value(e, "DTEND").to_owned(),
                        event_value(e, "CATEGORIES").to_owned(),
                    )
                })
                .collect();
            let mut planned: Vec<(String, String, String)> = example
                .plan
                .sessions
                .iter()
                .map(|s| {
                    let (start, end) =
                        expected_times(week.datetime(s.span.start, 0), s.span.minutes, zone);
                    let pinned = if s.pinned { ",PINNED" } else { "" };
                    let kind = s.kind.name().to_uppercase();
                    (start, end, format!("STRENGTH,{kind}{pinned}"))
                })
                .chain(runs.iter().map(|r| {
                    let (start, end) =
                        expected_times(week.datetime(r.span.start, 0), r.span.minutes, zone);
                    let effort = if r.hard { "HARD" } else { "EASY" };
                    (start, end, format!("RUN,{effort}"))
                }))
                .collect();
            written.sort();
            planned.sort();
            assert_eq!(written, planned, "{name}");

            // Each session's event names it and lists its exercises.
            for session in &example.plan.sessions {
                let (start, _) = expected_times(
                    week.datetime(session.span.start, 0),
                    session.span.minutes,
                    zone,
                );
                let event = calendar
                    .events
                    .iter()
                    .find(|e| {
                        event_value(e, "DTSTART") == start
                            && event_value(e, "CATEGORIES").starts_with("STRENGTH")
                    })
                    .unwrap_or_else(|| panic!("{name}: no event at {start}"));
                let summary = unescape(event_value(event, "SUMMARY"));
                assert!(
                    summary.starts_with(&format!("Strength: {}", session.kind.name())),
                    "{name}: {summary}"
                );
                assert_eq!(
                    summary.contains("pinned"),
                    session.pinned,
                    "{name}: {summary}"
                );
                let description = unescape(event_value(event, "DESCRIPTION"));
                let workout = session.workout.as_ref().expect("sessions are prescribed");
                assert!(!workout.exercises.is_empty(), "{name}");
                for exercise in &workout.exercises {
                    assert!(
                        description.contains(&format!("\n- {}: ", exercise.name)),
                        "{name}: {} missing from {description}",
                        exercise.name
                    );
                }
            }

            for event in &calendar.events {
                let strength = event_value(event, "CATEGORIES").starts_with("STRENGTH");
                match (strength, options.alarm_minutes) {
                    (true, Some(minutes)) => {
                        assert_eq!(event.alarms.len(), 1, "{name}: one alarm a session");
                        let alarm = &event.alarms[0].properties;
                        assert_eq!(value(alarm, "ACTION"), "DISPLAY");
                        assert_eq!(value(alarm, "TRIGGER"), format!("-PT{minutes}M"));
                        assert!(!value(alarm, "DESCRIPTION").is_empty());
                    }
                    _ => assert!(event.alarms.is_empty(), "{name}: no alarm"),
                }
            }
        }
    }
}

#[test]
fn the_same_week_gives_the_same_bytes_and_uids() {
    for example in examples() {
        for options in option_sets() {
            let first = ics_bytes(&example.week(), &options);
            let again = ics_bytes(&example.week(), &options);
            assert_eq!(first, again, "{}", example.name);
        }
    }
}

#[test]
fn a_time_lost_to_daylight_saving_is_moved_and_reported() {
    let text = r#"
        week_of = 2026-03-23
        [runner]
        timezone = "Europe/Madrid"
        [week]
        tue = { run = "intervals", at = "06:30" }
        sun = { strength = "light", at = "02:30", minutes = 30 }
    "#;
    let schedule = Schedule::parse(text, Overrides::default()).expect("a valid schedule");
    let plan = plan_week(&schedule).expect("a plan");
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday: render::monday_of(schedule.week_of.expect("a week")),
    };
    let [options, _] = option_sets();
    let text = ics_bytes(&week, &options);
    assert_content_lines("spring forward", &text);
    let calendar = parse(&text);
    let sunday = calendar
        .events
        .iter()
        .find(|e| event_value(e, "UID") == "strength-2026-03-23-sun@planner")
        .expect("the pinned Sunday session");
    assert_eq!(event_value(sunday, "DTSTART"), "20260329T013000Z");
    assert_eq!(event_value(sunday, "DTEND"), "20260329T020000Z");
    let notes = ics::dst_notes(&week, &options);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with("2026-03-29 02:30 does not exist in Europe/Madrid"));
}

#[test]
fn every_example_reads_back_as_csv_of_its_plan() {
    for example in examples() {
        let week = example.week();
        let mut out = Vec::new();
        render::csv::write(&week, &mut out).expect("the CSV is written");
        assert!(!out.contains(&b'\r'), "{}: LF line ends", example.name);
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header = reader.headers().expect("a header").clone();
        assert_eq!(
            header.iter().collect::<Vec<_>>(),
            [
                "date",
                "day",
                "start",
                "end",
                "minutes",
                "kind",
                "template",
                "exercises",
                "pinned"
            ],
            "{}",
            example.name
        );
        let rows: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("every row parses");
        assert_eq!(rows.len(), example.plan.sessions.len(), "{}", example.name);
        for (row, session) in rows.iter().zip(&example.plan.sessions) {
            let start = week.datetime(session.span.start, 0);
            let end = week.datetime(session.span.start, session.span.minutes);
            let expected = [
                start.date().to_string(),
                session.day.key().to_owned(),
                start.format("%Y-%m-%dT%H:%M").to_string(),
                end.format("%Y-%m-%dT%H:%M").to_string(),
                session.span.minutes.to_string(),
                session.kind.name().to_owned(),
            ];
            assert_eq!(
                row.iter().take(6).collect::<Vec<_>>(),
                expected,
                "{}",
                example.name
            );
            assert_eq!(&row[8], session.pinned.to_string(), "{}", example.name);
            let workout = session.workout.as_ref().expect("sessions are prescribed");
            assert_eq!(&row[6], workout.role.name(), "{}", example.name);
            let names: Vec<&str> = row[7]
                .split("; ")
                .map(|cell| cell.split(" @").next().unwrap_or(cell))
                .collect();
            assert_eq!(names.len(), workout.exercises.len(), "{}", example.name);
            for (cell, exercise) in names.iter().zip(&workout.exercises) {
                assert!(cell.starts_with(&exercise.name), "{}: {cell}", example.name);
            }
        }
    }
}
