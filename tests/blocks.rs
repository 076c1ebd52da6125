//! Property tests for training blocks (SPEC §7): deloads, the race taper, and the
//! block in every format.
//!
//! Weeks come from the schedule generator of `properties` (with `[lifts]`, level,
//! units and volume), blocks from a random first Monday, 1 to 30 weeks and, two
//! times in three, a race inside the block. Every block that exists is checked against the
//! rules as SPEC §7 and issue 7 word them, with dates worked out here from the
//! Monday and the session's minutes from Monday 00:00.

use std::collections::{BTreeSet, HashSet};
use std::io::BufReader;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use planner::block::{Block, BlockError, BlockOptions, plan_block};
use planner::plan::{Plan, Session};
use planner::plan_week;
use planner::render::ics::{self, IcsOptions};
use planner::render::text::{self, TextOptions};
use planner::render::{Week, csv, json};
use planner::schedule::{Kind, Schedule};
use planner::template::Library;
use proptest::prelude::*;

use crate::prescriptions::{Context, Loads, check_week};
use crate::properties::{WeekSpec, config, lifting_week, parse};

// The numbers of SPEC §7, written out again so that the checks do not lean on the
// code they check.
const DELOAD_EVERY: u32 = 4;
const DELOAD_LOAD_SHARE: f64 = 0.9;
const NO_HEAVY_DAYS: u64 = 10;
const RACE_WEEK_SESSIONS_MAX: usize = 1;
const RACE_LAST_GAP_HOURS: i64 = 48;
/// Longest block generated: long enough for several deloads and a taper, short
/// enough to keep the cases quick.
const WEEKS_MAX: u32 = 30;
const LINE_OCTETS: usize = 75;

/// The block asked for: its first Monday, `--weeks` and `--race`.
#[derive(Clone, Copy, Debug)]
struct Ask {
    first_monday: NaiveDate,
    weeks: Option<u32>,
    race: Option<NaiveDate>,
}

impl Ask {
    fn options(self) -> BlockOptions {
        BlockOptions {
            first_monday: self.first_monday,
            weeks: self.weeks,
            race: self.race,
        }
    }

    /// Weeks in the block: `--weeks`, else up to and including the race week.
    fn length(self) -> u32 {
        match (self.weeks, self.race) {
            (Some(weeks), _) => weeks,
            (None, Some(race)) => (race - self.first_monday).num_days() as u32 / 7 + 1,
            (None, None) => 0,
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// A Monday between 2000 and 2099: any date, moved back to its week's Monday.
fn monday() -> impl Strategy<Value = NaiveDate> {
    (0..36_500u64).prop_map(|n| {
        let day = date(2000, 1, 1) + Days::new(n);
        day - Days::new(u64::from(day.weekday().num_days_from_monday()))
    })
}

/// 1 to 30 weeks without a race; or 1 to 30 weeks with a race on any day of them;
/// or a race up to 30 weeks ahead and no `--weeks`.
fn ask() -> impl Strategy<Value = Ask> {
    (monday(), 1..=WEEKS_MAX, 0..3u8).prop_flat_map(|(first_monday, weeks, mode)| {
        (0..u64::from(weeks) * 7).prop_map(move |day| {
            let race = Some(first_monday + Days::new(day));
            match mode {
                0 => Ask {
                    first_monday,
                    weeks: Some(weeks),
                    race: None,
                },
                1 => Ask {
                    first_monday,
                    weeks: Some(weeks),
                    race,
                },
                _ => Ask {
                    first_monday,
                    weeks: None,
                    race,
                },
            }
        })
    })
}

/// Local start and end of a session in the week of `monday`.
fn when(session: &Session, monday: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    let start = monday.and_time(NaiveTime::MIN)
        + chrono::Duration::minutes(i64::from(session.span.start.minutes()));
    (
        start,
        start + chrono::Duration::minutes(i64::from(session.span.minutes)),
    )
}

/// When the race starts: race day at the schedule's first `race` run's time, else
/// at `run_time`.
fn race_start(schedule: &Schedule, race: NaiveDate) -> NaiveDateTime {
    let minutes = schedule
        .days
        .iter()
        .flat_map(|d| &d.runs)
        .find(|r| r.run_type == "race")
        .map_or(schedule.runner.run_time.minutes(), |r| {
            r.span.start.time().minutes()
        });
    race.and_time(NaiveTime::MIN) + chrono::Duration::minutes(i64::from(minutes))
}

/// The slots of a week's sessions: where they are and what kind, not what they hold.
fn slots(plan: &Plan) -> Vec<(u32, u32, Kind, bool)> {
    plan.sessions
        .iter()
        .map(|s| (s.span.start.minutes(), s.span.minutes, s.kind, s.pinned))
        .collect()
}

/// A deload week against a normal week with the same sessions: half the sets
/// rounded up, loads and percentages at most 90 %, everything else as it was.
fn check_deload(
    text: &str,
    number: u32,
    deload: &Plan,
    normal: &Plan,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(slots(deload), slots(normal), "week {}\n{}", number, text);
    for (d, n) in deload.sessions.iter().zip(&normal.sessions) {
        let (Some(d), Some(n)) = (d.workout.as_ref(), n.workout.as_ref()) else {
            return Err(TestCaseError::fail(format!(
                "week {number}: a session without a workout\n{text}"
            )));
        };
        prop_assert_eq!(d.role, n.role, "week {}\n{}", number, text);
        let names = |w: &planner::prescription::Workout| -> Vec<String> {
            w.exercises.iter().map(|e| e.name.clone()).collect()
        };
        prop_assert_eq!(names(d), names(n), "week {}\n{}", number, text);
        for (x, y) in d.exercises.iter().zip(&n.exercises) {
            prop_assert_eq!(
                x.sets,
                y.sets.div_ceil(2),
                "week {}: {} has {} sets in a deload, {} in a normal week\n{}",
                number,
                &x.name,
                x.sets,
                y.sets,
                text
            );
            prop_assert_eq!(
                (x.reps, x.seconds, x.lift),
                (y.reps, y.seconds, y.lift),
                "week {}: {}\n{}",
                number,
                &x.name,
                text
            );
            // The reserve is the load model's for the lighter load (issue 12):
            // 30 × (1 / f − 1) − reps, rounded down, and more than the usual.
            match (x.rir, x.percent_1rm, x.reps) {
                (Some(rir), Some(percent), Some(reps)) => {
                    let q = 30.0 * (100.0 / percent - 1.0) - f64::from(reps);
                    prop_assert_eq!(
                        rir,
                        (q + 1e-9).floor() as u32,
                        "week {}: {}\n{}",
                        number,
                        &x.name,
                        text
                    );
                    prop_assert!(
                        y.rir.is_some_and(|usual| rir > usual),
                        "week {}: {}\n{}",
                        number,
                        &x.name,
                        text
                    );
                }
                _ => prop_assert_eq!(x.rir, y.rir, "week {}: {}\n{}", number, &x.name, text),
            }
            prop_assert_eq!(
                x.load.is_some(),
                y.load.is_some(),
                "week {}\n{}",
                number,
                text
            );
            if let (Some(lx), Some(ly)) = (x.load, y.load) {
                prop_assert!(
                    lx <= ly * DELOAD_LOAD_SHARE + 1e-9,
                    "week {}: {} at {} in a deload, {} in a normal week\n{}",
                    number,
                    &x.name,
                    lx,
                    ly,
                    text
                );
            }
            prop_assert_eq!(
                x.percent_1rm.is_some(),
                y.percent_1rm.is_some(),
                "week {}\n{}",
                number,
                text
            );
            if let (Some(px), Some(py)) = (x.percent_1rm, y.percent_1rm) {
                prop_assert!(
                    px <= py * DELOAD_LOAD_SHARE + 1e-9,
                    "week {}: {} at {} % in a deload, {} % in a normal week\n{}",
                    number,
                    &x.name,
                    px,
                    py,
                    text
                );
            }
        }
    }
    Ok(())
}

/// The rules of SPEC §7 over a planned block.
fn check_block(
    text: &str,
    spec: &WeekSpec,
    schedule: &Schedule,
    ask: Ask,
    usual: &Plan,
    block: &Block,
) -> Result<(), TestCaseError> {
    let cx = Context {
        text,
        spec,
        schedule,
    };
    let length = ask.length();
    // The week that holds the day after the race may lose a session to the race
    // without being a taper week.
    let after_race = ask.race.map(|r| r + Days::new(1));
    let numbers: Vec<u32> = block.weeks.iter().map(|w| w.number).collect();
    prop_assert_eq!(
        numbers,
        (1..=length).collect::<Vec<u32>>(),
        "{:?}\n{}",
        ask,
        text
    );
    for week in &block.weeks {
        let n = week.number;
        prop_assert_eq!(
            week.monday,
            ask.first_monday + Days::new(u64::from(n - 1) * 7),
            "{}",
            text
        );
        let deload = n % DELOAD_EVERY == 0;
        prop_assert_eq!(week.plan.deload, deload, "week {} deload\n{}", n, text);
        let touched =
            after_race.is_some_and(|d| (week.monday..week.monday + Days::new(7)).contains(&d));
        let as_usual = !week.plan.taper && !touched;
        let loads = if deload { Loads::Deload } else { Loads::Model };
        // Every session keeps the rules of its exercises; weeks the race thins out,
        // down to a single session, need not cover every muscle group.
        check_week(&cx, &week.plan, loads, as_usual)?;
        if as_usual && !deload {
            let mut plain = week.plan.clone();
            plain.deload = usual.deload;
            plain.taper = usual.taper;
            prop_assert_eq!(&plain, usual, "week {} is not the usual week\n{}", n, text);
        }
        if deload {
            // The same sessions without the deload: the usual week when the race
            // changes nothing, else another week of the block with the same sessions.
            let normal = if as_usual {
                Some(usual)
            } else {
                block
                    .weeks
                    .iter()
                    .find(|w| !w.plan.deload && slots(&w.plan) == slots(&week.plan))
                    .map(|w| &w.plan)
            };
            if let Some(normal) = normal {
                check_deload(text, n, &week.plan, normal)?;
            }
        }
    }

    let Some(race) = ask.race else {
        prop_assert!(block.race.is_none(), "{}", text);
        prop_assert!(
            block.weeks.iter().all(|w| !w.plan.taper),
            "a taper without a race\n{}",
            text
        );
        return Ok(());
    };
    let start = race_start(schedule, race);
    prop_assert_eq!(
        block.race.map(|r| (r.date, r.start)),
        Some((race, start)),
        "{}",
        text
    );
    let race_day = race.and_time(NaiveTime::MIN);
    let no_heavy_from = race_day - Days::new(NO_HEAVY_DAYS);
    let rest_days = [race, race + Days::new(1)];
    for week in &block.weeks {
        let race_week = (week.monday..week.monday + Days::new(7)).contains(&race);
        for s in &week.plan.sessions {
            let (from, to) = when(s, week.monday);
            let what = format!("week {} {} {}", week.number, from, s.kind.name());
            prop_assert!(
                !(s.kind == Kind::Heavy && (no_heavy_from..race_day).contains(&from)),
                "{} is heavy within {} days of the race on {}\n{}",
                what,
                NO_HEAVY_DAYS,
                race,
                text
            );
            prop_assert!(
                !rest_days.contains(&from.date()) && !rest_days.contains(&to.date()),
                "{} is on race day or the day after ({})\n{}",
                what,
                race,
                text
            );
            // The 48 h before the start stay free even when they reach back into the
            // week before race week (a Monday or Tuesday race).
            prop_assert!(
                from >= start || to <= start - chrono::Duration::hours(RACE_LAST_GAP_HOURS),
                "{} ends within {} h of the race start {}\n{}",
                what,
                RACE_LAST_GAP_HOURS,
                start,
                text
            );
            if race_week {
                prop_assert!(
                    s.kind == Kind::Light
                        && to <= start - chrono::Duration::hours(RACE_LAST_GAP_HOURS),
                    "{} in race week, race at {}\n{}",
                    what,
                    start,
                    text
                );
            }
        }
        if race_week {
            prop_assert!(
                week.plan.sessions.len() <= RACE_WEEK_SESSIONS_MAX,
                "{} sessions in race week\n{}",
                week.plan.sessions.len(),
                text
            );
            prop_assert!(week.plan.taper, "race week is not marked taper\n{}", text);
        }
    }
    Ok(())
}

/// `DTSTAMP` for every event: a fixed instant, as `SOURCE_DATE_EPOCH` would give.
fn dtstamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_225_600, 0).expect("an instant")
}

/// The block in every format, in the order JSON, iCalendar, CSV, text.
fn render(schedule: &Schedule, block: &Block) -> [Vec<u8>; 4] {
    let weeks: Vec<Week<'_>> = block
        .weeks
        .iter()
        .map(|w| Week {
            schedule,
            plan: &w.plan,
            monday: w.monday,
        })
        .collect();
    let mut json_out = Vec::new();
    json::write_block(schedule, block, &mut json_out).expect("the json renders");
    let mut ics_out = Vec::new();
    let options = IcsOptions {
        include_runs: false,
        alarm_minutes: None,
        dtstamp: dtstamp(),
    };
    ics::write_weeks(&weeks, &options, &mut ics_out).expect("the calendar renders");
    let numbered: Vec<(u32, Week<'_>)> = block
        .weeks
        .iter()
        .map(|w| w.number)
        .zip(weeks.iter().copied())
        .collect();
    let mut csv_out = Vec::new();
    csv::write_block(&numbered, &mut csv_out).expect("the csv renders");
    let mut text_out = Vec::new();
    text::write_block(
        schedule,
        block,
        TextOptions {
            explain: false,
            color: false,
        },
        true,
        &mut text_out,
    )
    .expect("the text renders");
    [json_out, ics_out, csv_out, text_out]
}

/// The calendar: CRLF lines of at most 75 octets, one event per session with a
/// unique UID, starting when the sessions start.
fn check_ics(
    text: &str,
    schedule: &Schedule,
    block: &Block,
    ics: &[u8],
) -> Result<(), TestCaseError> {
    let calendar =
        std::str::from_utf8(ics).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert!(
        calendar.ends_with("\r\n"),
        "the calendar does not end in CRLF\n{}",
        text
    );
    for line in calendar.split_terminator("\r\n") {
        prop_assert!(
            !line.contains(['\r', '\n']),
            "a line not ended by CRLF: {:?}\n{}",
            line,
            text
        );
        prop_assert!(
            line.len() <= LINE_OCTETS,
            "a line of {} octets: {:?}\n{}",
            line.len(),
            line,
            text
        );
    }
    let unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
    let lines: Vec<&str> = unfolded.split_terminator("\r\n").collect();
    let sessions: usize = block.weeks.iter().map(|w| w.plan.sessions.len()).sum();
    let events = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    prop_assert_eq!(events, sessions, "events and sessions\n{}", text);
    let uids: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let unique: HashSet<&str> = uids.iter().copied().collect();
    prop_assert_eq!(uids.len(), sessions, "a UID per event\n{}", text);
    prop_assert_eq!(
        unique.len(),
        uids.len(),
        "UIDs repeat: {:?}\n{}",
        uids,
        text
    );

    // A calendar parser reads the same events back.
    let mut parser = ical::IcalParser::new(BufReader::new(ics));
    let parsed = parser
        .next()
        .ok_or_else(|| TestCaseError::fail(format!("no calendar\n{text}")))?
        .map_err(|e| TestCaseError::fail(format!("the calendar does not parse: {e}\n{text}")))?;
    prop_assert_eq!(parsed.events.len(), sessions, "{}", text);

    // Each session's start is some event's start: floating local time without a
    // zone, the UTC instant with one (unless the local time is skipped or repeated
    // by a daylight-saving change, which the planner resolves its own way).
    let zone: Option<Tz> = schedule
        .runner
        .timezone
        .as_ref()
        .map(|z| z.name().parse().expect("chrono-tz knows the zone"));
    let mut starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .collect();
    starts.sort_unstable();
    for week in &block.weeks {
        for s in &week.plan.sessions {
            let (local, _) = when(s, week.monday);
            let want = match zone {
                None => Some(local.format("%Y%m%dT%H%M%S").to_string()),
                Some(zone) => zone
                    .from_local_datetime(&local)
                    .single()
                    .map(|t| t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()),
            };
            if let Some(want) = want {
                let Ok(i) = starts.binary_search(&want.as_str()) else {
                    return Err(TestCaseError::fail(format!(
                        "no event starts at {want} for week {} {}\n{text}",
                        week.number, local
                    )));
                };
                starts.remove(i);
            }
        }
    }
    Ok(())
}

/// JSON and CSV: every week and every session, deloads and tapers marked.
fn check_json_and_csv(
    text: &str,
    block: &Block,
    json: &[u8],
    csv: &[u8],
) -> Result<(), TestCaseError> {
    let value: serde_json::Value = serde_json::from_slice(json)
        .map_err(|e| TestCaseError::fail(format!("the JSON does not parse: {e}\n{text}")))?;
    prop_assert_eq!(&value["schema"], &serde_json::json!(1), "{}", text);
    let weeks = value["weeks"].as_array().map_or(&[][..], Vec::as_slice);
    prop_assert_eq!(weeks.len(), block.weeks.len(), "JSON weeks\n{}", text);
    for (out, week) in weeks.iter().zip(&block.weeks) {
        let sessions = out["sessions"].as_array().map_or(&[][..], Vec::as_slice);
        let kinds: Vec<&str> = sessions.iter().filter_map(|s| s["kind"].as_str()).collect();
        let want: Vec<&str> = week.plan.sessions.iter().map(|s| s.kind.name()).collect();
        let monday = week.monday.to_string();
        prop_assert_eq!(
            (
                out["week_of"].as_str(),
                out["deload"].as_bool(),
                out["taper"].as_bool(),
                kinds
            ),
            (
                Some(monday.as_str()),
                Some(week.plan.deload),
                Some(week.plan.taper),
                want
            ),
            "JSON week {}\n{}",
            week.number,
            text
        );
        for (s, session) in sessions.iter().zip(&week.plan.sessions) {
            let sets: Vec<Option<u64>> = s["exercises"]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|e| e["sets"].as_u64())
                .collect();
            let want: Vec<Option<u64>> = session
                .workout
                .iter()
                .flat_map(|w| &w.exercises)
                .map(|e| Some(u64::from(e.sets)))
                .collect();
            prop_assert_eq!(sets, want, "JSON week {} sets\n{}", week.number, text);
        }
    }
    let mut reader = ::csv::Reader::from_reader(csv);
    let rows = reader.records().count();
    let sessions: usize = block.weeks.iter().map(|w| w.plan.sessions.len()).sum();
    prop_assert_eq!(rows, sessions, "CSV rows\n{}", text);
    Ok(())
}

proptest! {
    #![proptest_config(config(300))]

    /// Every block that exists numbers its weeks from 1, deloads every fourth week
    /// (half the sets, at most 90 % of the load), keeps every other week as the usual
    /// week unless the race changes it, and tapers to the race: no heavy session in
    /// the 10 days before it, one light session at most in race week, ending 48 h
    /// before the start, nothing on race day or the day after.
    #[test]
    fn blocks_deload_every_fourth_week_and_taper_to_the_race(
        spec in prop_oneof![lifting_week(true), lifting_week(false)],
        ask in ask(),
    ) {
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        let text = format!("{text}\n# {ask:?}");
        let block = plan_block(&schedule, Library::builtin(), ask.options());
        match (plan_week(&schedule), block) {
            (Err(infeasible), Err(BlockError::Infeasible(again))) => {
                prop_assert_eq!(infeasible, again, "{}", text);
            }
            (Ok(usual), Ok(block)) => check_block(&text, &spec, &schedule, ask, &usual, &block)?,
            (week, block) => {
                return Err(TestCaseError::fail(format!(
                    "the week gives {:?} but the block {:?}\n{text}",
                    week.map(|_| "a plan"),
                    block.map(|_| "a block")
                )));
            }
        }
    }
}

proptest! {
    #![proptest_config(config(160))]

    /// Every block comes out whole in every format (a calendar event per session with
    /// unique UIDs and RFC 5545 lines, a JSON week per week) and byte for byte the
    /// same when planned again.
    #[test]
    fn blocks_render_every_week_in_every_format_and_repeat(
        spec in prop_oneof![lifting_week(true), lifting_week(false)],
        ask in ask(),
    ) {
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        let text = format!("{text}\n# {ask:?}");
        let Ok(block) = plan_block(&schedule, Library::builtin(), ask.options()) else {
            return Ok(());
        };
        let [json_out, ics_out, csv_out, text_out] = render(&schedule, &block);
        check_ics(&text, &schedule, &block, &ics_out)?;
        check_json_and_csv(&text, &block, &json_out, &csv_out)?;

        let again = parse(&spec.to_string()).expect("it parsed once");
        let second = plan_block(&again, Library::builtin(), ask.options())
            .map_err(|e| TestCaseError::fail(format!("planned once, not twice: {e}\n{text}")))?;
        prop_assert_eq!(&block, &second, "{}", text);
        let [json_again, ics_again, csv_again, text_again] = render(&again, &second);
        prop_assert!(json_out == json_again, "JSON differs\n{}", text);
        prop_assert!(ics_out == ics_again, "iCalendar differs\n{}", text);
        prop_assert!(csv_out == csv_again, "CSV differs\n{}", text);
        prop_assert!(text_out == text_again, "text differs\n{}", text);
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// A race before the first Monday, or `--weeks` that ends before the race week,
    /// is an input error that says so, whatever the week.
    #[test]
    fn a_race_outside_the_block_is_an_input_error(
        spec in lifting_week(false),
        first_monday in monday(),
        before in 1..400u64,
        after in 7..30 * 7u64,
        short in 1..=WEEKS_MAX,
    ) {
        let text = spec.to_string();
        let schedule = parse(&text);
        prop_assume!(schedule.is_some());
        let schedule = schedule.expect("checked above");
        let early = first_monday - Days::new(before);
        for weeks in [None, Some(short)] {
            let block = plan_block(
                &schedule,
                Library::builtin(),
                BlockOptions { first_monday, weeks, race: Some(early) },
            );
            prop_assert_eq!(
                block.err(),
                Some(BlockError::RaceBeforeStart { race: early, first: first_monday }),
                "{}",
                text
            );
        }
        // The race in week `needed`; the block stops a week or more short of it.
        let race = first_monday + Days::new(after);
        let needed = (after / 7 + 1) as u32;
        let weeks = short.min(needed - 1);
        let block = plan_block(
            &schedule,
            Library::builtin(),
            BlockOptions { first_monday, weeks: Some(weeks), race: Some(race) },
        );
        let last = first_monday + Days::new(u64::from(weeks) * 7 - 1);
        prop_assert_eq!(
            block.err(),
            Some(BlockError::EndsBeforeRace { race, last, needed }),
            "{}",
            text
        );
        let message = BlockError::EndsBeforeRace { race, last, needed }.to_string();
        prop_assert!(message.contains(&race.to_string()) && message.contains(&last.to_string()), "{}", message);
    }
}

/// A hand-worked block: a Sunday race seven weeks out, deload in week 4, the last
/// heavy session more than 10 days out, race week holding one light session or none.
#[test]
fn a_sunday_race_block_tapers_as_worked_by_hand() {
    let text = "[runner]\nsessions = 3\n[lifts]\nback_squat = 100\nromanian_deadlift = { weight = 80, reps = 5 }\n\
                [week]\ntue = { run = \"intervals\", at = \"06:30\" }\nthu = \"tempo\"\nsun = { run = \"race\", at = \"09:00\", minutes = 90 }\n";
    let schedule = parse(text).expect("the schedule parses");
    let first = date(2026, 11, 30);
    let race = date(2027, 1, 17);
    let block = plan_block(
        &schedule,
        Library::builtin(),
        BlockOptions {
            first_monday: first,
            weeks: None,
            race: Some(race),
        },
    )
    .expect("a block");
    assert_eq!(block.weeks.len(), 7);
    let start = block.race.expect("a race").start;
    assert_eq!(start, race.and_hms_opt(9, 0, 0).expect("a time"));
    let phases: Vec<(bool, bool)> = block
        .weeks
        .iter()
        .map(|w| (w.plan.deload, w.plan.taper))
        .collect();
    // Race day minus 10 days is Thursday 7 January, in week 6.
    assert_eq!(
        phases,
        [
            (false, false),
            (false, false),
            (false, false),
            (true, false),
            (false, false),
            (false, true),
            (false, true),
        ]
    );
    let heavy: BTreeSet<NaiveDateTime> = block
        .weeks
        .iter()
        .flat_map(|w| {
            w.plan
                .sessions
                .iter()
                .filter(|s| s.kind == Kind::Heavy)
                .map(move |s| when(s, w.monday).0)
        })
        .collect();
    let last_heavy = heavy.last().copied().expect("heavy sessions");
    assert!(
        last_heavy < date(2027, 1, 7).and_time(NaiveTime::MIN),
        "{last_heavy}"
    );
    let race_week = block.weeks.last().expect("weeks");
    assert!(race_week.plan.sessions.len() <= 1);
    for s in &race_week.plan.sessions {
        assert_eq!(s.kind, Kind::Light);
        assert!(when(s, race_week.monday).1 <= start - chrono::Duration::hours(48));
    }
}

/// A pinned Sunday session that runs past midnight into a Monday race day falls on
/// race day: it must go, like any session that starts on race day.
#[test]
fn a_pinned_session_running_past_midnight_into_race_day_is_dropped() {
    let text = "[week]\nsun = { strength = \"heavy\", at = \"23:30\", minutes = 40 }\n";
    let schedule = parse(text).expect("the schedule parses");
    let race = date(2026, 12, 14);
    let block = plan_block(
        &schedule,
        Library::builtin(),
        BlockOptions {
            first_monday: date(2026, 11, 30),
            weeks: None,
            race: Some(race),
        },
    )
    .expect("a block");
    for week in &block.weeks {
        for s in &week.plan.sessions {
            let (start, end) = when(s, week.monday);
            assert!(
                (end.date() < race && start.date() < race) || start.date() > race + Days::new(1),
                "week {}: {start} to {end} is on race day {race} or the day after",
                week.number
            );
        }
    }
}

/// A deload week's load is at most 90 % of the load the runner lifts in a normal
/// week, as printed: a dumbbell step-up 1RM of 106 kg (both hands) gives 42 kg a
/// hand for 3 × 6 with 2 in reserve (30/38 of 106 = 83.7, 41.8 a hand, to the
/// nearest 2 kg), so the deload takes at most 37.8 kg, which is 36 kg a hand.
#[test]
fn deload_loads_are_at_most_90_percent_of_the_normal_weeks_loads() {
    let schedule = parse("[lifts]\nstep_up = 106\n[week]\n").expect("the schedule parses");
    let block = plan_block(
        &schedule,
        Library::builtin(),
        BlockOptions {
            first_monday: date(2026, 11, 30),
            weeks: Some(4),
            race: None,
        },
    )
    .expect("a block");
    let step_ups = |plan: &Plan| -> Vec<f64> {
        plan.sessions
            .iter()
            .filter_map(|s| s.workout.as_ref())
            .flat_map(|w| &w.exercises)
            .filter(|e| e.lift == Some("step_up"))
            .filter_map(|e| e.load)
            .collect()
    };
    let normal = step_ups(&block.weeks[0].plan);
    let deload = step_ups(&block.weeks[3].plan);
    assert!(!normal.is_empty(), "a step-up in the week");
    assert_eq!(normal.iter().map(|_| 42.0).collect::<Vec<f64>>(), normal);
    assert_eq!(
        step_ups(&block.weeks[3].plan),
        normal.iter().map(|_| 36.0).collect::<Vec<f64>>()
    );
    for (d, n) in deload.iter().zip(&normal) {
        assert!(
            *d <= n * 0.9,
            "{d} kg in the deload week is more than 90 % of {n} kg"
        );
    }
}
