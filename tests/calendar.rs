//! iCalendar and CSV output of every example, read back with independent parsers (the
//! `ical` and `csv` crates) and checked against the plan it was written from; then the
//! calendars imported into real clients, khal and Python's `icalendar`.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::util::dates::{cd, cdt, jts};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;

use planner::render::ics::{self, IcsOptions};
use planner::render::{self, Week};
use planner::zone::Zone;
use planner::{Overrides, Plan, Schedule, plan_week};

use crate::util::{planner, root, tempdir};

/// An example schedule that has a plan.
struct Example {
    name: String,
    schedule: Schedule,
    plan: Plan,
}

/// The week planned for an example without `week_of` (the starter schedule).
const STARTER_MONDAY: planner::date::Date = planner::date::Date::constant(2026, 11, 30);

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
            dtstamp: jts(dtstamp()),
        },
        IcsOptions {
            include_runs: true,
            alarm_minutes: Some(15),
            dtstamp: jts(dtstamp()),
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
                        expected_times(cdt(week.datetime(s.span.start, 0)), s.span.minutes, zone);
                    let pinned = if s.pinned { ",PINNED" } else { "" };
                    let kind = s.kind.name().to_uppercase();
                    (start, end, format!("STRENGTH,{kind}{pinned}"))
                })
                .chain(runs.iter().map(|r| {
                    let (start, end) =
                        expected_times(cdt(week.datetime(r.span.start, 0)), r.span.minutes, zone);
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
                    cdt(week.datetime(session.span.start, 0)),
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
                        description.contains(&format!("\n- {}: ", exercise.name())),
                        "{name}: {} missing from {description}",
                        exercise.name()
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
            // Worked out from the plan's minutes, not with the renderer's own clock.
            let midnight = cd(week.monday).and_time(NaiveTime::MIN);
            let start = midnight + TimeDelta::minutes(i64::from(session.start_minutes()));
            let end = start + TimeDelta::minutes(i64::from(session.span.minutes));
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
                assert!(
                    cell.starts_with(exercise.name()),
                    "{}: {cell}",
                    example.name
                );
            }
        }
    }
}

// Real calendar clients. khal imports the calendars and lists their events; the
// Python `icalendar` package reads every property back. `.ci/run` installs both from
// `.ci/calendar-clients.txt` and sets `CI`: there a missing client fails these tests,
// so CI cannot pass without the check. On a machine without them and without `CI`,
// the four client tests say so on standard error and pass, so that a newcomer's
// `cargo test` runs everything else.

/// What to do about a missing client, for the message of the test that needs it.
const INSTALL: &str = "the calendar tests need python3 with khal and icalendar: \
                       `python3 -m pip install -r .ci/calendar-clients.txt` installs them \
                       (.ci/run does)";

/// Whether the clients are installed; where they are not, fails under `CI` and
/// otherwise prints why the test checked nothing.
#[track_caller]
fn clients_here(test: &str) -> bool {
    let found = python(["-c", "import icalendar, khal"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(!ci, "{test}: {INSTALL}");
        eprintln!("{test}: not run, {INSTALL}");
    }
    found
}

/// `SOURCE_DATE_EPOCH` of a first plan (2026-11-18 11:06:40 UTC, as every test run's).
const FIRST: i64 = 1_795_000_000;
/// `SOURCE_DATE_EPOCH` of a plan made again three days later.
const LATER: i64 = FIRST + 3 * 86_400;

/// The `SEQUENCE` the README promises for a stamp: whole minutes since 2026-01-01
/// 00:00 UTC.
fn sequence_at(epoch: i64) -> i64 {
    (epoch - 1_767_225_600) / 60
}

/// `DTSTAMP` and `LAST-MODIFIED` of a stamp, as `icalendar` writes the instant.
fn instant_at(epoch: i64) -> String {
    DateTime::from_timestamp(epoch, 0)
        .expect("a valid instant")
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

/// `python3` with `args`, its text in UTF-8 whatever the locale.
fn python<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new("python3");
    command
        .args(args)
        .env("PYTHONUTF8", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null());
    command
}

/// Runs a client to completion and returns what it printed; the test fails when the
/// client is missing or fails.
#[track_caller]
fn client(what: &str, command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: python3 does not start ({e}); {INSTALL}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{stderr}\n{INSTALL}",
        output.status
    );
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("{what}: output is not UTF-8: {e}"))
}

/// One calendar the clients are given: a week or a block of an example, with runs.
struct Case {
    name: String,
    args: Vec<String>,
}

/// Every example's week that has a plan, and the four golden blocks: a zoned one to a
/// race at a given time, a 16-week build with a tune-up race, high volume, and a
/// novice in season.
fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = examples()
        .iter()
        .map(|example| {
            let path = Path::new(&example.name);
            let stem = path.file_stem().expect("a name").to_string_lossy();
            Case {
                name: stem.replace('-', "_"),
                args: vec!["week".to_owned(), example.name.clone()],
            }
        })
        .collect();
    for (name, block) in [
        ("base-week", &["--race", "2027-01-10T10:00"][..]),
        ("marathon-build", &["--race", "2027-03-21"]),
        ("marathoner", &["--weeks", "5"]),
        ("beginner", &["--weeks", "6", "--in-season"]),
    ] {
        let example = root().join(format!("examples/{name}.toml"));
        let mut args = vec!["block".to_owned(), example.display().to_string()];
        args.extend(block.iter().map(|a| (*a).to_owned()));
        cases.push(Case {
            name: format!("{}_block", name.replace('-', "_")),
            args,
        });
    }
    cases
}

/// Runs `planner` with the case's arguments and `extra`, planned at `epoch`.
fn plan(case: &Case, extra: &[&str], epoch: i64) -> String {
    planner(
        case.args
            .iter()
            .map(String::as_str)
            .chain(extra.iter().copied()),
    )
    .env("SOURCE_DATE_EPOCH", &epoch.to_string())
    .run()
    .code(0)
    .stdout
}

/// The case's calendar with its runs and alarms, planned at `epoch`, written to `dir`.
fn calendar_file(dir: &Path, case: &Case, epoch: i64) -> PathBuf {
    let flags = ["--format", "ics", "--include-runs", "--alarm", "30"];
    let text = plan(case, &flags, epoch);
    let path = dir.join(format!("{}-{epoch}.ics", case.name));
    std::fs::write(&path, text).expect("the calendar is written");
    path
}

/// An event the calendar should hold, read from the JSON of the same plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Planned {
    /// Local start, `YYYY-MM-DDTHH:MM`.
    start: String,
    /// Local end, `YYYY-MM-DDTHH:MM`.
    end: String,
    /// How its summary starts: `Strength: heavy`, `Run: tempo`, `Race`.
    summary: String,
}

/// The case's zone and every session and run of its plan, in order of start, from
/// its JSON output.
fn planned(case: &Case) -> (Option<Tz>, Vec<Planned>) {
    let json: serde_json::Value =
        serde_json::from_str(&plan(case, &["--format", "json"], FIRST)).expect("JSON");
    let weeks: Vec<&serde_json::Value> = match json["weeks"].as_array() {
        Some(weeks) => weeks.iter().collect(),
        None => vec![&json],
    };
    let text = |v: &serde_json::Value, key: &str| {
        v[key]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no {key} in {v}", case.name))
            .to_owned()
    };
    let mut events = Vec::new();
    for week in weeks {
        for session in week["sessions"].as_array().expect("sessions") {
            events.push(Planned {
                start: text(session, "start"),
                end: text(session, "end"),
                summary: format!("Strength: {}", text(session, "kind")),
            });
        }
        for run in week["runs"].as_array().expect("runs") {
            let kind = text(run, "type");
            events.push(Planned {
                start: text(run, "start"),
                end: text(run, "end"),
                summary: if kind == "race" {
                    "Race".to_owned()
                } else {
                    format!("Run: {kind}")
                },
            });
        }
    }
    events.sort();
    let zone = json["timezone"]
        .as_str()
        .map(|name| name.parse().expect("chrono-tz knows the zone"));
    (zone, events)
}

/// A date-time as `icalendar` prints it (`2026-11-30T17:00:00+00:00`, or floating
/// without an offset), as the local `YYYY-MM-DDTHH:MM` of the schedule's zone.
fn local(iso: &str, zone: Option<Tz>) -> String {
    let local = match zone {
        Some(zone) => DateTime::parse_from_rfc3339(iso)
            .unwrap_or_else(|e| panic!("{iso} is not a UTC instant: {e}"))
            .with_timezone(&zone)
            .naive_local(),
        None => NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S")
            .unwrap_or_else(|e| panic!("{iso} is not a floating time: {e}")),
    };
    local.format("%Y-%m-%dT%H:%M").to_string()
}

/// Asserts that `events` (start, end, summary) are the plan's, one for one.
#[track_caller]
fn assert_events_are_planned(what: &str, mut events: Vec<Planned>, planned: &[Planned]) {
    events.sort();
    assert_eq!(
        events.len(),
        planned.len(),
        "{what}: {} events for {} planned\n{events:#?}\n{planned:#?}",
        events.len(),
        planned.len()
    );
    for (event, planned) in events.iter().zip(planned) {
        assert_eq!(
            (&event.start, &event.end),
            (&planned.start, &planned.end),
            "{what}: {event:?} for {planned:?}"
        );
        assert!(
            event.summary.starts_with(&planned.summary),
            "{what}: {event:?} for {planned:?}"
        );
    }
}

/// Every file as the `icalendar` package reads it (tests/clients/read_ics.py).
fn read_with_icalendar(paths: &[PathBuf]) -> Vec<serde_json::Value> {
    let script = root().join("tests/clients/read_ics.py");
    let out = client(
        "python icalendar",
        &mut python(std::iter::once(script.as_os_str()).chain(paths.iter().map(|p| p.as_os_str()))),
    );
    let read: serde_json::Value = serde_json::from_str(&out).expect("the reader prints JSON");
    read["files"].as_array().expect("one entry a file").clone()
}

#[test]
fn python_icalendar_reads_every_calendar_as_published_with_every_property() {
    if !clients_here("python_icalendar_reads_every_calendar_as_published_with_every_property") {
        return;
    }
    let dir = tempdir("clients-icalendar");
    let cases = cases();
    let mut paths = Vec::new();
    for case in &cases {
        paths.push(calendar_file(&dir, case, FIRST));
        paths.push(calendar_file(&dir, case, LATER));
    }
    let files = read_with_icalendar(&paths);
    assert_eq!(files.len(), paths.len());
    for (case, pair) in cases.iter().zip(files.chunks(2)) {
        let (zone, planned) = planned(case);
        for (file, epoch) in pair.iter().zip([FIRST, LATER]) {
            let what = format!("{} at {epoch}", case.name);
            assert_eq!(file["errors"], serde_json::json!([]), "{what}");
            assert_eq!(file["version"], "2.0", "{what}");
            assert_eq!(file["method"], "PUBLISH", "{what}");
            let name = file["name"].as_str().unwrap_or_default();
            assert!(name.starts_with("Strength "), "{what}: NAME {name:?}");
            assert_eq!(file["x_wr_calname"], file["name"], "{what}");
            let events = file["events"].as_array().expect("events");
            let mut uids: Vec<&str> = events
                .iter()
                .map(|e| e["uid"].as_str().unwrap_or_default())
                .collect();
            uids.sort_unstable();
            uids.dedup();
            assert_eq!(uids.len(), events.len(), "{what}: UIDs are unique");
            for event in events {
                for key in [
                    "uid",
                    "dtstamp",
                    "last_modified",
                    "sequence",
                    "dtstart",
                    "dtend",
                    "summary",
                    "description",
                ] {
                    assert!(!event[key].is_null(), "{what}: no {key} in {event:#}");
                }
                assert_eq!(event["dtstamp"], instant_at(epoch), "{what}");
                assert_eq!(event["last_modified"], event["dtstamp"], "{what}");
                assert_eq!(event["sequence"], sequence_at(epoch), "{what}");
                let session = event["summary"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Strength: "));
                assert_eq!(event["alarms"], u8::from(session), "{what}: {event:#}");
            }
            let read: Vec<Planned> = events
                .iter()
                .map(|e| Planned {
                    start: local(e["dtstart"].as_str().unwrap_or_default(), zone),
                    end: local(e["dtend"].as_str().unwrap_or_default(), zone),
                    summary: e["summary"].as_str().unwrap_or_default().to_owned(),
                })
                .collect();
            assert_events_are_planned(&what, read, &planned);
        }
        // Planned again later: the same events under the same UIDs, each with a higher
        // SEQUENCE, so an RFC 5546 client takes the new copy over the old.
        let [first, later] = pair else {
            unreachable!("two files a case")
        };
        let by_uid = |file: &serde_json::Value| -> BTreeMap<String, serde_json::Value> {
            file["events"]
                .as_array()
                .expect("events")
                .iter()
                .map(|e| (e["uid"].as_str().unwrap_or_default().to_owned(), e.clone()))
                .collect()
        };
        let (first, later) = (by_uid(first), by_uid(later));
        assert_eq!(
            first.keys().collect::<Vec<_>>(),
            later.keys().collect::<Vec<_>>(),
            "{}",
            case.name
        );
        for (uid, old) in &first {
            let new = &later[uid];
            assert!(
                new["sequence"].as_i64() > old["sequence"].as_i64(),
                "{}: {uid} keeps SEQUENCE {}",
                case.name,
                old["sequence"]
            );
            for key in ["dtstart", "dtend", "summary", "description"] {
                assert_eq!(new[key], old[key], "{}: {uid} {key}", case.name);
            }
        }
    }
}

/// A khal of its own in `dir`: a config with one calendar per name, its folders,
/// its cache, all inside `dir`, the local zone `zone`, and date-times printed as
/// `YYYY-MM-DDTHH:MM`.
struct Khal {
    dir: PathBuf,
}

impl Khal {
    fn new(dir: PathBuf, calendars: &[&str], zone: &str) -> Khal {
        let mut config = String::from("[calendars]\n");
        for name in calendars {
            let folder = dir.join("calendars").join(name);
            std::fs::create_dir_all(&folder).expect("a calendar folder");
            config.push_str(&format!("[[{name}]]\npath = {}\n", folder.display()));
        }
        config.push_str(&format!(
            "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n\
             datetimeformat = %Y-%m-%dT%H:%M\nlongdatetimeformat = %Y-%m-%dT%H:%M\n\
             local_timezone = {zone}\ndefault_timezone = {zone}\n\
             [sqlite]\npath = {}\n",
            dir.join("khal.db").display()
        ));
        std::fs::write(dir.join("config"), config).expect("the khal config is written");
        Khal { dir }
    }

    /// `khal -c CONFIG ARGS`, nothing read from or written to the user's own files.
    fn run(&self, args: &[&str]) -> String {
        let config = self.dir.join("config");
        let mut command = python(
            [
                "-m",
                "khal",
                "-c",
                config.to_str().expect("a UTF-8 path"),
                "--no-color",
            ]
            .into_iter()
            .chain(args.iter().copied()),
        );
        command
            .env("HOME", &self.dir)
            .env("XDG_CONFIG_HOME", self.dir.join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir.join("xdg-data"))
            .env("XDG_CACHE_HOME", self.dir.join("xdg-cache"));
        client(&format!("khal {}", args.join(" ")), &mut command)
    }

    /// `khal import --batch`: an event whose UID is there already is replaced.
    fn import(&self, calendar: &str, file: &Path) {
        self.run(&[
            "import",
            "--batch",
            "-a",
            calendar,
            file.to_str().expect("a UTF-8 path"),
        ]);
    }

    /// Every event from `first` for `days` days, each once: (calendar, UID, event).
    fn list(&self, first: &str, days: usize) -> Vec<(String, String, Planned)> {
        let range = format!("{days}d");
        // Not `--once`: it keeps one event a UID across all calendars, and the weeks
        // and blocks share UIDs. Instead an event that crosses midnight, listed under
        // both days, is dropped the second time; `stored` shows no event is kept twice.
        let out = self.run(&[
            "list",
            "--day-format",
            "",
            "--format",
            "{calendar}\t{uid}\t{start}\t{end}\t{title}",
            first,
            &range,
        ]);
        let mut lines: Vec<&str> = out.lines().filter(|line| !line.is_empty()).collect();
        lines.sort_unstable();
        lines.dedup();
        lines
            .into_iter()
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let [calendar, uid, start, end, title] = fields[..] else {
                    panic!("khal listed {line:?}")
                };
                (
                    calendar.to_owned(),
                    uid.to_owned(),
                    Planned {
                        start: start.to_owned(),
                        end: end.to_owned(),
                        summary: title.to_owned(),
                    },
                )
            })
            .collect()
    }

    /// The events stored in a calendar's folder: khal keeps one `UID.ics` per event.
    fn stored(&self, calendar: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.join("calendars").join(calendar))
            .expect("the calendar folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            // khal 0.14.1 leaves a temporary copy (`UID.ics` and six random letters)
            // beside each event it replaces (pimutils/khal#1440); it reads only `.ics`.
            .filter(|name| name.ends_with(".ics"))
            .collect();
        names.sort();
        names
    }
}

/// The UIDs of a calendar file, as the `ical` crate reads them.
fn uids(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("the calendar is readable");
    let mut uids: Vec<String> = parse(&text)
        .events
        .iter()
        .map(|e| event_value(e, "UID").to_owned())
        .collect();
    uids.sort();
    uids
}

#[test]
fn khal_imports_every_calendar_and_lists_each_event_at_its_planned_time() {
    if !clients_here("khal_imports_every_calendar_and_lists_each_event_at_its_planned_time") {
        return;
    }
    let dir = tempdir("clients-khal");
    let cases = cases();
    let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    // Madrid is base-week's zone, so its UTC instants show as its wall-clock times;
    // floating times show as written in any zone.
    let khal = Khal::new(dir.join("khal"), &names, "Europe/Madrid");
    let mut files = Vec::new();
    for case in &cases {
        let file = calendar_file(&dir, case, FIRST);
        khal.import(&case.name, &file);
        files.push(file);
    }
    // From the earliest Monday (the starter's week, planned from the stamp) past the
    // end of the longest block.
    let listed = khal.list("2026-11-23", 130);
    for (case, file) in cases.iter().zip(&files) {
        let (_, planned) = planned(case);
        let mine: Vec<&(String, String, Planned)> =
            listed.iter().filter(|(c, _, _)| *c == case.name).collect();
        let mut listed_uids: Vec<String> = mine.iter().map(|(_, uid, _)| uid.clone()).collect();
        listed_uids.sort();
        assert_eq!(
            listed_uids,
            uids(file),
            "{}: khal lists every event once",
            case.name
        );
        let stored: Vec<String> = uids(file).iter().map(|uid| format!("{uid}.ics")).collect();
        assert_eq!(khal.stored(&case.name), stored, "{}", case.name);
        let events = mine.into_iter().map(|(_, _, e)| e.clone()).collect();
        assert_events_are_planned(&format!("khal {}", case.name), events, &planned);
    }
}

#[test]
fn khal_shows_the_race_of_a_block_at_its_own_start() {
    if !clients_here("khal_shows_the_race_of_a_block_at_its_own_start") {
        return;
    }
    let dir = tempdir("clients-khal-race");
    let case = Case {
        name: "race".to_owned(),
        args: [
            "block",
            "examples/base-week.toml",
            "--race",
            "2027-01-10T10:00",
        ]
        .map(str::to_owned)
        .to_vec(),
    };
    let file = calendar_file(&dir, &case, FIRST);
    // base-week's zone is Europe/Madrid: the race is at 09:00 UTC, 10:00 in Madrid,
    // 04:00 in New York.
    for (zone, start, end) in [
        ("Europe/Madrid", "2027-01-10T10:00", "2027-01-10T11:00"),
        ("America/New_York", "2027-01-10T04:00", "2027-01-10T05:00"),
    ] {
        let khal = Khal::new(dir.join(zone.replace('/', "-")), &["race"], zone);
        khal.import("race", &file);
        let races: Vec<_> = khal
            .list("2027-01-04", 7)
            .into_iter()
            .filter(|(_, _, e)| e.summary == "Race")
            .collect();
        assert_eq!(races.len(), 1, "{zone}: {races:?}");
        let (_, uid, race) = &races[0];
        assert_eq!(uid, "run-2027-01-04-sun-1000@planner", "{zone}");
        assert_eq!(
            (race.start.as_str(), race.end.as_str()),
            (start, end),
            "{zone}"
        );
    }
}

#[test]
fn khal_takes_a_replanned_week_over_the_old_one_without_duplicates() {
    if !clients_here("khal_takes_a_replanned_week_over_the_old_one_without_duplicates") {
        return;
    }
    let dir = tempdir("clients-khal-replan");
    let first = Case {
        name: "first".to_owned(),
        args: ["week", "examples/base-week.toml"]
            .map(str::to_owned)
            .to_vec(),
    };
    // The same week with another preferred time and the pinned session an hour
    // earlier: every session moves within its day, so every UID stays.
    let text = std::fs::read_to_string(root().join("examples/base-week.toml"))
        .expect("the example is readable")
        .replace(
            "preferred_lift_time = \"18:00\"",
            "preferred_lift_time = \"12:00\"",
        )
        .replace(
            "{ strength = \"heavy\", at = \"17:00\", minutes = 40 }",
            "{ strength = \"heavy\", at = \"16:00\", minutes = 40 }",
        );
    let moved = dir.join("moved.toml");
    std::fs::write(&moved, text).expect("the schedule is written");
    let replanned = Case {
        name: "replanned".to_owned(),
        args: vec!["week".to_owned(), moved.display().to_string()],
    };
    let old = calendar_file(&dir, &first, FIRST);
    let new = calendar_file(&dir, &replanned, LATER);
    assert_eq!(uids(&old), uids(&new), "the replan keeps every UID");
    let (_, old_plan) = planned(&first);
    let (_, new_plan) = planned(&replanned);
    let moved_sessions = old_plan
        .iter()
        .filter(|e| e.summary.starts_with("Strength") && !new_plan.contains(e))
        .count();
    assert_eq!(
        moved_sessions, 3,
        "every session moves\n{old_plan:#?}\n{new_plan:#?}"
    );

    let khal = Khal::new(dir.join("khal"), &["strength"], "Europe/Madrid");
    khal.import("strength", &old);
    let events = |khal: &Khal| -> Vec<Planned> {
        khal.list("2026-11-30", 7)
            .into_iter()
            .map(|(_, _, e)| e)
            .collect()
    };
    assert_events_are_planned("first import", events(&khal), &old_plan);
    khal.import("strength", &new);
    assert_events_are_planned("after the replan", events(&khal), &new_plan);
    let stored: Vec<String> = uids(&new).iter().map(|uid| format!("{uid}.ics")).collect();
    assert_eq!(
        khal.stored("strength"),
        stored,
        "one file an event, none twice"
    );
}
