//! Nothing panics: arbitrary bytes, arbitrary text and mangled schedules all end in a
//! plan or a clean error, through the whole pipeline from text to rendered output.

use proptest::prelude::*;

use planner::render::{self, Week};
use planner::{Overrides, Schedule, plan_week};

/// Runs the whole pipeline on `text`; only a panic fails.
fn pipeline(text: &str) {
    let Ok(schedule) = Schedule::parse(text, Overrides::default()) else {
        return;
    };
    let Ok(plan) = plan_week(&schedule) else {
        return;
    };
    let monday = render::monday_of(schedule.week_of.unwrap_or_default());
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday,
    };
    let mut out = Vec::new();
    render::text::write(
        &week,
        render::text::TextOptions {
            explain: true,
            color: false,
        },
        &mut out,
    )
    .expect("writes");
    render::json::write(&week, &mut out).expect("writes");
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
        if let Err(d) = Schedule::parse(&text, Overrides::default()) {
            let source = planner::diagnostic::Source { name: "soup.toml", text: &text };
            let rendered = source.render(&d).to_string();
            prop_assert!(!rendered.is_empty());
            if let Some(span) = d.span {
                prop_assert!(span.start <= text.len(), "span {span:?} outside {} bytes", text.len());
                let at = source.position(span.start);
                let location = format!("soup.toml:{}:{}", at.line, at.column);
                prop_assert!(rendered.contains(&location), "{} lacks {}", rendered, location);
            }
        }
    }
}
