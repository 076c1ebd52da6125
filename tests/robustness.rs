//! Nothing panics: arbitrary bytes, arbitrary text, mangled schedules and valid TOML of
//! the wrong shape all end in a plan or a clean error, through the whole pipeline from
//! text to every rendered format. And the limits hold: a file over 1 MiB, more than 20
//! entries a day, minutes beyond a day, arrays of thousands of entries, deep nesting and
//! mebibyte-long names are each refused with a clear message, at once.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use proptest::prelude::*;

use planner::diagnostic::{Diagnostic, Diagnostics, Source};
use planner::input::{Input, ReadError};
use planner::render::{self, Week, ics::IcsOptions, text::TextOptions};
use planner::rules::{ENTRIES_PER_DAY_MAX, INPUT_BYTES_MAX};
use planner::{Overrides, Schedule, plan_week};

/// Runs the whole pipeline on `text`, every renderer included; only a panic fails.
fn pipeline(text: &str) {
    let schedule = match Schedule::parse(text, Overrides::default()) {
        Ok(schedule) => schedule,
        Err(d) => {
            // The message points into the text: rendering it must not panic either.
            let _ = Source {
                name: "x.toml",
                text,
            }
            .render_all(&d)
            .to_string();
            return;
        }
    };
    let plan = match plan_week(&schedule) {
        Ok(plan) => plan,
        Err(infeasible) => {
            let _ = infeasible.to_string();
            return;
        }
    };
    let monday = render::monday_of(schedule.week_of.unwrap_or_default());
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday,
    };
    let mut out = Vec::new();
    for explain in [false, true] {
        let options = TextOptions {
            explain,
            ..TextOptions::default()
        };
        render::text::write(&week, options, &mut out).expect("writes");
    }
    render::json::write(&week, &mut out).expect("writes");
    render::csv::write(&week, &mut out).expect("writes");
    let options = IcsOptions {
        include_runs: true,
        alarm_minutes: Some(15),
        dtstamp: planner::date::Timestamp::from_second(1_764_460_800).expect("a valid instant"),
    };
    let _ = render::ics::dst_notes(&week, &options);
    render::ics::write(&week, &options, &mut out).expect("writes");
}

const EXAMPLE: &str = include_str!("../examples/base-week.toml");

/// Pieces a mangled schedule is made of: real keys, values and punctuation.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[week]\n".to_owned()),
        Just("[runner]\n".to_owned()),
        Just("[lifts]\n".to_owned()),
        prop::sample::select(vec![
            "mon",
            "tue",
            "sunday",
            "run",
            "strength",
            "at",
            "minutes",
            "hard",
            "lift",
            "sessions",
            "lift_window",
            "week_of",
            "=",
            "{",
            "}",
            "[",
            "]",
            ",",
            "\"",
            "\n",
            "\"easy\"",
            "\"long\"",
            "\"23:59\"",
            "\"00:00\"",
            "\"24:00\"",
            "-1",
            "0",
            "1440",
            "99999999999",
            "1e308",
            "nan",
            "true",
            "2026-02-29",
            "\"heavy\"",
            "é",
            "🏃",
            "\u{0}",
            "#",
        ])
        .prop_map(str::to_owned),
        any::<i64>().prop_map(|n| n.to_string()),
        "[ -~]{0,12}",
    ]
}

proptest! {
    // Failures are turned into named regression tests by hand, not persisted files.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        pipeline(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match planner::input::Input::from_bytes("fuzz.toml".into(), bytes) {
            Ok(input) => pipeline(&input.text),
            Err(planner::input::ReadError::Invalid(input, d)) => {
                let _ = input.source().render(&d).to_string();
            }
            Err(planner::input::ReadError::Io(..)) => {}
        }
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(token(), 0..60)) {
        pipeline(&tokens.join(" "));
    }

    #[test]
    fn a_mangled_example_never_panics(
        cut in 0..EXAMPLE.len(),
        len in 0usize..40,
        insert in prop::collection::vec(token(), 0..4),
    ) {
        let start = (0..=cut).rev().find(|&i| EXAMPLE.is_char_boundary(i)).unwrap_or(0);
        let end = (start + len..=EXAMPLE.len()).find(|&i| EXAMPLE.is_char_boundary(i)).unwrap_or(EXAMPLE.len());
        let text = format!("{}{}{}", &EXAMPLE[..start], insert.join(" "), &EXAMPLE[end..]);
        pipeline(&text);
    }

    #[test]
    fn every_error_renders_with_a_position_inside_the_file(tokens in prop::collection::vec(token(), 1..40)) {
        let text = tokens.join(" ");
        if let Err(errors) = Schedule::parse(&text, Overrides::default()) {
            let source = planner::diagnostic::Source { name: "soup.toml", text: &text };
            let rendered = source.render_all(&errors).to_string();
            prop_assert!(!rendered.is_empty());
            for d in errors.iter().take(planner::diagnostic::ERRORS_SHOWN_MAX) {
                if let Some(span) = &d.span {
                    prop_assert!(span.start <= text.len(), "span {span:?} outside {} bytes", text.len());
                    let at = source.position(span.start);
                    let location = format!("soup.toml:{}:{}", at.line, at.column);
                    prop_assert!(rendered.contains(&location), "{} lacks {}", rendered, location);
                }
            }
        }
    }
}

/// A TOML basic string holding `text`, escaped so that any text is valid TOML.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Strings a runner's file might hold, real words and odd Unicode alike.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "easy",
            "intervals",
            "long",
            "rest",
            "heavy",
            "light",
            "novice",
            "kg",
            "lb",
            "06:30",
            "23:59",
            "24:00",
            "7:00",
            "07:00 PM",
            "Europe/Madrid",
            "America/New_York",
            "UTC",
            "",
            " ",
            "ｅａｓｙ",     // full-width letters
            "e\u{301}asy",  // a combining accent
            "mon\u{200b}",  // a zero-width space
            "\u{202e}ysae", // a right-to-left override
            "\u{feff}easy", // a byte-order mark
            "🏃‍♀️",           // a joined emoji
            "İ",            // changes length when lowercased
            "ß",
            "\u{10ffff}",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,20}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

/// Numbers at and past every edge: zero, signs, the integer bounds, the float specials.
fn odd_number() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "-0",
            "1",
            "-1",
            "2",
            "3",
            "4",
            "29",
            "30",
            "45",
            "46",
            "1439",
            "1440",
            "1441",
            "10080",
            "10081",
            "9223372036854775807",
            "-9223372036854775808",
            "0.0",
            "-0.0",
            "0.5",
            "1e308",
            "-1e308",
            "5e-324",
            "inf",
            "-inf",
            "nan",
            "1000",
            "1000.0000001",
        ])
        .prop_map(str::to_owned),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| {
            if x.is_nan() {
                "nan".to_owned()
            } else if x.is_infinite() {
                if x > 0.0 { "inf" } else { "-inf" }.to_owned()
            } else {
                format!("{x:e}")
            }
        }),
    ]
}

/// Keys the schedule knows, in every table, so wrong shapes reach the checks.
const KEYS: &[&str] = &[
    "week_of",
    "level",
    "sessions",
    "session_minutes",
    "run_time",
    "lift_window",
    "preferred_lift_time",
    "units",
    "timezone",
    "high_volume_minutes",
    "back_squat",
    "romanian_deadlift",
    "hip_thrust",
    "weight",
    "reps",
    "mon",
    "tue",
    "wednesday",
    "sun",
    "run",
    "strength",
    "at",
    "minutes",
    "hard",
    "lift",
    "unknown",
];

/// Any TOML value, nested, built from the schedule's vocabulary.
fn toml_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        odd_string().prop_map(|s| toml_string(&s)),
        odd_number(),
        any::<bool>().prop_map(|b| b.to_string()),
        prop::sample::select(vec![
            "2026-11-30",
            "2026-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-03-29T02:30:00",
            "07:00:00",
            "2026-10-25T02:30:00+02:00",
        ])
        .prop_map(str::to_owned),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..5).prop_map(|entries| {
                // Inline tables may not repeat a key.
                let mut seen = Vec::new();
                let body: Vec<String> = entries
                    .into_iter()
                    .filter(|(k, _)| {
                        let new = !seen.contains(k);
                        seen.push(*k);
                        new
                    })
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                format!("{{ {} }}", body.join(", "))
            }),
        ]
    })
}

/// A valid TOML document with the schedule's tables and keys holding any values.
fn toml_document() -> impl Strategy<Value = String> {
    let section = prop::collection::vec((prop::sample::select(KEYS), toml_value()), 0..8);
    (
        prop::option::of(toml_value()),
        prop::collection::vec(
            (
                prop::sample::select(vec!["runner", "lifts", "week", "extra"]),
                section,
            ),
            0..4,
        ),
    )
        .prop_map(|(week_of, sections)| {
            let mut doc = String::new();
            if let Some(value) = week_of {
                doc.push_str(&format!("week_of = {value}\n"));
            }
            let mut tables = Vec::new();
            for (table, entries) in sections {
                if tables.contains(&table) {
                    continue;
                }
                tables.push(table);
                doc.push_str(&format!("[{table}]\n"));
                let mut keys = Vec::new();
                for (key, value) in entries {
                    if !keys.contains(&key) {
                        keys.push(key);
                        doc.push_str(&format!("{key} = {value}\n"));
                    }
                }
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_toml_of_any_shape_never_panics(doc in toml_document()) {
        pipeline(&doc);
    }

    #[test]
    fn a_real_week_with_odd_values_never_panics(
        day in prop::sample::select(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        entries in prop::collection::vec(toml_value(), 0..4),
        runner in prop::collection::vec((prop::sample::select(&KEYS[1..10]), toml_value()), 0..3),
    ) {
        // The example with one day and a few runner settings replaced: the rest stays
        // valid, so the odd values reach placement and rendering, not just the parser.
        let mut text = String::from("week_of = 2026-11-30\n[runner]\n");
        let mut seen = Vec::new();
        for (key, value) in runner {
            if !seen.contains(&key) {
                seen.push(key);
                text.push_str(&format!("{key} = {value}\n"));
            }
        }
        text.push_str("[week]\n");
        text.push_str(&format!("{day} = [{}]\n", entries.join(", ")));
        for other in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
            if other != day {
                text.push_str(&format!("{other} = {{ run = \"intervals\", at = \"06:30\" }}\n"));
                break;
            }
        }
        pipeline(&text);
    }
}

// ---- Limits: each refused with a clear message, at once, with memory bounded ----

/// How long a debug build may take to refuse any file up to 1 MiB. A correct refusal
/// takes about 0.15 s there (the TOML parse of a mebibyte); the budget leaves room for
/// a loaded machine (every test thread of a 2-core CI run at once) and still catches
/// work that grows faster than the input.
const BUDGET: Duration = Duration::from_secs(10);

/// Parses `text` on its own thread and fails the test if that takes longer than
/// [`BUDGET`] or panics. A thread that overruns is left to finish on its own.
fn parse_in_time(case: &str, text: String) -> Result<Schedule, Diagnostics> {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(Schedule::parse(&text, Overrides::default()));
    });
    match result.recv_timeout(BUDGET) {
        Ok(result) => result,
        Err(RecvTimeoutError::Timeout) => panic!("{case}: still parsing after {BUDGET:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("{case}: the parser panicked"),
    }
}

/// The error `text` must end in, and its message.
fn refused(case: &str, text: String) -> String {
    match parse_in_time(case, text) {
        Ok(_) => panic!("{case}: accepted"),
        Err(d) => d.first().message.clone(),
    }
}

/// The day arrays of `n` entries, one per day kind a runner writes.
fn day_array(entry: &str, n: usize) -> String {
    format!("[week]\nmon = [{}]\n", vec![entry; n].join(", "))
}

#[test]
fn a_file_over_one_mebibyte_is_refused_before_it_is_parsed() {
    let bytes = vec![b'#'; INPUT_BYTES_MAX as usize + 1];
    let Err(ReadError::Invalid(input, d)) = Input::from_bytes("big.toml".into(), bytes) else {
        panic!("accepted a file over 1 MiB");
    };
    assert_eq!(
        d.message,
        "file is larger than 1024 KiB, the most planner reads"
    );
    // Nothing of the file is kept for the message.
    assert!(input.text.is_empty());

    // Exactly 1 MiB is still read, and a mebibyte of comment parses at once.
    let mut text = "#".repeat(INPUT_BYTES_MAX as usize - 1);
    text.push('\n');
    let input = Input::from_bytes("full.toml".into(), text.into_bytes()).expect("1 MiB is read");
    parse_in_time("a mebibyte of comment", input.text).expect("a comment is a valid schedule");
}

#[test]
fn reading_a_huge_file_reads_only_one_byte_past_the_limit() {
    // A sparse 4 GiB file: were it read whole, the test would run out of memory.
    let path = std::env::temp_dir().join(format!("planner-huge-{}.toml", std::process::id()));
    let file = std::fs::File::create(&path).expect("temp file");
    file.set_len(4 << 30).expect("sparse file");
    drop(file);
    let result = Input::read(&path);
    let _ = std::fs::remove_file(&path);
    let Err(ReadError::Invalid(_, d)) = result else {
        panic!("accepted a 4 GiB file");
    };
    assert!(
        d.message.starts_with("file is larger than 1024 KiB"),
        "{}",
        d.message
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_stream_is_refused_not_read_forever() {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(Input::read(std::path::Path::new("/dev/zero")).is_err());
    });
    assert_eq!(
        result.recv_timeout(BUDGET),
        Ok(true),
        "/dev/zero was not refused in time"
    );
}

#[test]
fn twenty_entries_a_day_are_accepted_and_the_twenty_first_is_refused() {
    let runs: Vec<String> = (0..ENTRIES_PER_DAY_MAX + 1)
        .map(|h| format!("{{ run = \"easy\", at = \"{h:02}:00\", minutes = 30 }}"))
        .collect();
    let day = |n: usize| format!("[week]\nmon = [{}]\n", runs[..n].join(", "));
    let twenty = parse_in_time("20 runs", day(ENTRIES_PER_DAY_MAX)).expect("20 runs fit a day");
    assert_eq!(twenty.runs().count(), ENTRIES_PER_DAY_MAX);
    assert_eq!(
        refused("21 runs", day(ENTRIES_PER_DAY_MAX + 1)),
        "a day holds at most 20 entries"
    );
    // The same limit for the array-of-tables spelling.
    let tables = "[[week.mon]]\nrun = \"easy\"\nminutes = 1\n".repeat(ENTRIES_PER_DAY_MAX + 1);
    assert_eq!(
        refused("21 [[week.mon]]", tables),
        "a day holds at most 20 entries"
    );
}

#[test]
fn arrays_of_thousands_of_entries_are_refused_at_once() {
    // Each case fills close to the 1 MiB limit with one kind of repetition.
    let n = 100_000;
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "runs",
            day_array("\"easy\"", n),
            "a day holds at most 20 entries",
        ),
        (
            "run tables",
            day_array("{run=\"easy\"}", n / 2),
            "a day holds at most 20 entries",
        ),
        (
            "pinned sessions",
            day_array("{strength=\"light\",at=\"10:00\"}", n / 4),
            "a day holds at most 20 entries",
        ),
        (
            "[[week.mon]] tables",
            "[[week.mon]]\nrun=\"easy\"\n".repeat(n / 3),
            "a day holds at most 20 entries",
        ),
        (
            "lift_window times",
            format!(
                "[runner]\nlift_window = [{}]\n",
                vec!["\"06:00\""; n / 2].join(",")
            ),
            "lift_window needs two times, found 50000",
        ),
        (
            "lifts",
            format!(
                "[lifts]\n{}",
                (0..n / 2).map(|i| format!("l{i}=1\n")).collect::<String>()
            ),
            "unknown lift \"l0\"",
        ),
        (
            "days",
            format!(
                "[week]\n{}",
                (0..n / 3)
                    .map(|i| format!("d{i}=\"easy\"\n"))
                    .collect::<String>()
            ),
            "unknown day \"d0\"",
        ),
        (
            "an unknown key's array",
            format!("extra = [{}]\n", vec!["1"; n * 2].join(",")),
            "unknown key \"extra\"",
        ),
        (
            "week_of as an array",
            format!("week_of = [{}]\n", vec!["1"; n * 2].join(",")),
            "expected a date like 2026-11-30 (no quotes), found an array",
        ),
    ];
    for (case, text, message) in cases {
        assert!(
            text.len() <= INPUT_BYTES_MAX as usize,
            "{case}: {} bytes",
            text.len()
        );
        assert_eq!(refused(case, text), message, "{case}");
    }
}

#[test]
fn deep_nesting_is_refused_at_once() {
    let n = 100_000;
    let cases = [
        ("arrays", format!("x = {}", "[".repeat(n))),
        ("a day's arrays", format!("[week]\nmon = {}", "[".repeat(n))),
        (
            "closed arrays",
            format!("x = {}{}", "[".repeat(n), "]".repeat(n)),
        ),
        ("inline tables", format!("x = {}", "{ a = ".repeat(n))),
        ("dotted keys", format!("{} = 1", vec!["a"; n].join("."))),
        ("table headers", format!("[{}]", vec!["a"; n].join("."))),
    ];
    for (case, text) in cases {
        let message = refused(case, text);
        assert!(
            message.contains("recurs"),
            "{case}: expected a recursion-limit message, got {message:?}"
        );
    }
}

#[test]
fn minutes_beyond_a_day_are_refused() {
    let run = |minutes: &str| format!("[week]\nmon = {{ run = \"easy\", minutes = {minutes} }}\n");
    let pinned = |minutes: &str| {
        format!("[week]\nmon = {{ strength = \"light\", at = \"10:00\", minutes = {minutes} }}\n")
    };
    for minutes in ["1441", "10080", "9223372036854775807"] {
        assert_eq!(
            refused("a run", run(minutes)),
            format!("minutes = {minutes} is out of range (1..=1440)")
        );
        assert_eq!(
            refused("a pinned session", pinned(minutes)),
            format!("minutes = {minutes} is out of range (1..=1440)")
        );
    }
    for minutes in ["0", "-1", "-9223372036854775808"] {
        assert_eq!(
            refused("a run", run(minutes)),
            format!("minutes = {minutes} is out of range (1..=1440)")
        );
    }
    // Too big for any integer, or not whole: the TOML layer refuses them.
    for minutes in ["99999999999999999999", "1e308", "nan", "inf", "30.5"] {
        assert!(
            refused("a run", run(minutes)).starts_with("expected a whole number"),
            "{minutes}"
        );
    }
    // A whole day is the longest run; one that starts late runs into the next day.
    let day = parse_in_time(
        "a 24 h run",
        "[week]\nsun = { run = \"easy\", at = \"23:00\", minutes = 1440 }\n".to_owned(),
    )
    .expect("a run of a whole day");
    assert_eq!(day.run_minutes(), 1440);
    for (key, value, message) in [
        (
            "high_volume_minutes",
            "10081",
            "high_volume_minutes = 10081 is out of range (0..=10080)",
        ),
        (
            "session_minutes",
            "1441",
            "session_minutes = 1441 is out of range (30..=45)",
        ),
        (
            "sessions",
            "9223372036854775807",
            "sessions = 9223372036854775807 is out of range (2..=3)",
        ),
    ] {
        assert_eq!(
            refused(key, format!("[runner]\n{key} = {value}\n")),
            message
        );
    }
    for time in ["24:00", "23:60", "99:99"] {
        assert_eq!(
            refused(
                "a start time",
                format!("[week]\nmon = {{ run = \"easy\", at = \"{time}\" }}\n")
            ),
            format!("time \"{time}\" is out of range (00:00 to 23:59)")
        );
    }
}

#[test]
fn the_fullest_week_the_limits_allow_is_planned() {
    // Twenty pinned sessions on each of the seven days: the most entries a valid file
    // can hold. It must plan (and render) without trouble.
    let days: String = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|d| {
            let day: Vec<String> = (0..ENTRIES_PER_DAY_MAX)
                .map(|h| format!("{{ strength = \"light\", at = \"{h:02}:00\", minutes = 30 }}"))
                .collect();
            format!("{d} = [{}]\n", day.join(", "))
        })
        .collect();
    let text = format!("week_of = 2026-11-30\n[week]\n{days}");
    let schedule = parse_in_time("140 pinned sessions", text.clone()).expect("valid");
    assert_eq!(schedule.pinned().count(), 7 * ENTRIES_PER_DAY_MAX);
    pipeline(&text);
}

#[test]
fn a_long_unknown_time_zone_is_refused_at_once() {
    // 64 KiB of time zone name. The "did you mean" hint compares it with each of the
    // ~600 IANA names by edit distance, O(length × name) each: minutes in a debug
    // build, 90 s in release for a 1 MiB name.
    let text = format!("[runner]\ntimezone = \"{}\"\n", "x".repeat(64 * 1024));
    let message = refused("a 64 KiB time zone", text);
    assert!(message.starts_with("unknown time zone \"xxx"), "{message}");
}

#[test]
fn a_mebibyte_long_name_anywhere_is_refused_at_once() {
    // The same hint on every other name the schedule checks: with the names a runner
    // could mean only a few letters long, a name many times longer can be refused
    // without measuring how far it is from each.
    let long = "a".repeat(INPUT_BYTES_MAX as usize - 100);
    let cases = [
        ("a top-level key", format!("{long} = 1\n")),
        ("a [runner] key", format!("[runner]\n{long} = 1\n")),
        (
            "a run table key",
            format!("[week]\nmon = {{ {long} = 1 }}\n"),
        ),
        ("a day", format!("[week]\n{long} = \"easy\"\n")),
        ("a run type", format!("[week]\nmon = \"{long}\"\n")),
        ("a level", format!("[runner]\nlevel = \"{long}\"\n")),
        ("units", format!("[runner]\nunits = \"{long}\"\n")),
        ("a lift", format!("[lifts]\n{long} = 100\n")),
        (
            "a strength kind",
            format!("[week]\nmon = {{ strength = \"{long}\", at = \"10:00\" }}\n"),
        ),
        ("a time", format!("[runner]\nrun_time = \"{long}\"\n")),
    ];
    let mut slow = Vec::new();
    for (case, text) in cases {
        let (done, result) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(Schedule::parse(&text, Overrides::default()).is_err());
        });
        match result.recv_timeout(BUDGET) {
            Ok(true) => {}
            Ok(false) => panic!("{case}: accepted"),
            Err(RecvTimeoutError::Timeout) => slow.push(case),
            Err(RecvTimeoutError::Disconnected) => panic!("{case}: the parser panicked"),
        }
    }
    assert!(slow.is_empty(), "still parsing after {BUDGET:?}: {slow:?}");
}

#[test]
fn odd_unicode_gets_a_clear_error_or_a_plan() {
    for (text, message) in [
        (
            "[week]\nmon = \"ｅａｓｙ\"\n",
            "unknown run type \"ｅａｓｙ\"",
        ),
        (
            "[week]\n\"mon\u{200b}\" = \"easy\"\n",
            "unknown day \"mon\u{200b}\"",
        ),
        (
            "[week]\nmon = \"\u{202e}ysae\"\n",
            "unknown run type \"\u{202e}ysae\"",
        ),
        (
            "[week]\nmon = \"e\u{301}asy\"\n",
            "unknown run type \"e\u{301}asy\"",
        ),
    ] {
        assert_eq!(refused(text, text.to_owned()), message);
    }
    // A byte-order mark (Windows editors) and CRLF line ends are a valid file.
    for text in [
        "\u{feff}[week]\nmon = \"easy\"\n",
        "[week]\r\nmon = \"easy\"\r\n",
    ] {
        let schedule = parse_in_time(text, text.to_owned()).expect("valid");
        assert_eq!(schedule.runs().count(), 1);
        pipeline(text);
    }
}

#[test]
fn a_bad_byte_after_a_long_line_of_carriage_returns_renders() {
    // Found by `cargo fuzz` (target `week`). Invalid UTF-8 is reported at the bad
    // byte, the end of the text kept for the message. When that text ends in a line
    // over 100 characters followed by 21 or more '\r', the line shown has its '\r'
    // trimmed but the column still counts them: the window into the line starts
    // past its end and slicing it panicked (src/diagnostic.rs, `chars[from..to]`).
    let mut bytes = "a".repeat(101).into_bytes();
    bytes.extend([b'\r'; 21]);
    bytes.push(0xff);
    let Err(ReadError::Invalid(input, d)) = Input::from_bytes("cr.toml".into(), bytes) else {
        panic!("accepted invalid UTF-8");
    };
    let rendered = input.source().render(&d).to_string();
    assert!(
        rendered.starts_with("file is not UTF-8: byte 0xff is not valid text\n --> cr.toml:1:"),
        "{rendered}"
    );
}

/// Text made of the characters that make columns hard: tabs, carriage returns, wide and
/// combining characters, and long lines.
fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\r".to_owned()),
            Just("\r\n".to_owned()),
            Just("\n".to_owned()),
            Just("\t".to_owned()),
            Just("é".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("🏃".to_owned()),
            "[a-z ]{1,8}",
            "a{90,130}",
            "\r{15,40}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_span_of_any_text_renders(text in awkward_text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        // Every diagnostic is rendered the same way, whichever check made it: a span
        // anywhere in the text (or at its end) must render, pointing inside the file.
        let (start, end) = {
            let (x, y) = (a.index(text.len() + 1), b.index(text.len() + 1));
            (x.min(y), x.max(y))
        };
        let d = Diagnostic::new("something is wrong here", start..end);
        let source = Source { name: "awkward.toml", text: &text };
        let rendered = source.render(&d).to_string();
        let at = source.position(start);
        let location = format!("awkward.toml:{}:{}", at.line, at.column);
        prop_assert!(rendered.contains(&location), "{} lacks {}", rendered, location);
    }
}

/// Text of `item` repeated between `open` and `close` up to just under 1 MiB.
fn mebibyte_of(open: &str, item: &str, close: &str) -> String {
    let room = INPUT_BYTES_MAX as usize - open.len() - close.len();
    format!("{open}{}{close}", item.repeat(room / item.len()))
}

/// The shapes that cost the parser the most memory per byte, each just under 1 MiB.
fn hostile_shapes() -> Vec<(&'static str, String)> {
    let dotted = format!("{{{}=1}},", vec!["a"; 30].join("."));
    vec![
        (
            "dotted keys in inline tables",
            mebibyte_of("x=[", &dotted, "]\n"),
        ),
        ("inline tables", mebibyte_of("x=[", "{a=1},", "]\n")),
        ("deep inline tables", mebibyte_of("x=", "{a=", "1\n")),
        ("arrays of tables", mebibyte_of("", "[[x]]\na=1\n", "")),
        ("dotted keys", mebibyte_of("[x]\n", "a.b.c.d=1\n", "")),
        ("table headers", mebibyte_of("", "[x.y]\n", "")),
        ("an array of numbers", mebibyte_of("x=[", "1,", "]\n")),
        ("blank lines", mebibyte_of("", "\n", "")),
        ("words", mebibyte_of("", "a ", "")),
    ]
}

#[test]
fn no_file_under_a_mebibyte_takes_the_process_past_64_mib() {
    let dir = crate::util::tempdir("hostile-shapes");
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).expect("plans folder");
    for (case, text) in hostile_shapes() {
        assert!(text.len() <= INPUT_BYTES_MAX as usize, "{case}");
        let file = dir.join("hostile.toml");
        std::fs::write(&file, &text).expect("writes the case");
        std::fs::write(plans.join("hostile.toml"), &text).expect("writes the template");
        let file = file.to_string_lossy().into_owned();
        let plans = plans.to_string_lossy().into_owned();
        let runs = [
            crate::util::planner(["week", file.as_str()]),
            crate::util::planner(["week", "-"]).stdin(text.clone()),
            crate::util::planner(["check", file.as_str()]),
            crate::util::planner(["week", "examples/base-week.toml", "--plans", plans.as_str()]),
        ];
        for run in runs {
            let outcome = run.memory_cap_mib(64).run();
            assert_eq!(outcome.code, 1, "{case}: {}", outcome.stderr);
            assert!(
                outcome.stderr.contains("hostile.toml:") || outcome.stderr.contains("<stdin>:"),
                "{case}: the error names the file and line: {}",
                outcome.stderr
            );
        }
    }
}
