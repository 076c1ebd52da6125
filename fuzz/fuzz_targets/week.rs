//! Arbitrary bytes through the same path as `planner week`: read as a schedule file
//! (size and UTF-8 checks), parse, plan, and render in every format. Any panic,
//! overflow or hang is a bug; an error is a correct answer.

#![no_main]

use planner::date::{Date, Timestamp};
use libfuzzer_sys::fuzz_target;
use planner::input::{Input, ReadError};
use planner::render::{self, Week, ics::IcsOptions, text::TextOptions};
use planner::{Overrides, Schedule, plan_week};

fuzz_target!(|bytes: &[u8]| {
    let input = match Input::from_bytes("fuzz.toml".to_owned(), bytes.to_vec()) {
        Ok(input) => input,
        Err(ReadError::Invalid(input, diagnostic)) => {
            let _ = input.source().render(&diagnostic).to_string();
            return;
        }
        Err(ReadError::Io(..)) => return,
    };
    let schedule = match Schedule::parse(&input.text, Overrides::default()) {
        Ok(schedule) => schedule,
        Err(diagnostics) => {
            // Rendering points into the text: spans must stay inside it.
            let _ = input.source().render_all(&diagnostics).to_string();
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
    let today = Date::constant(2026, 11, 25);
    let week = Week {
        schedule: &schedule,
        plan: &plan,
        monday: schedule
            .week_of
            .map_or_else(|| render::next_monday(today).unwrap_or(today), render::monday_of),
    };
    let mut out = Vec::new();
    for explain in [false, true] {
        let options = TextOptions {
            explain,
            ..TextOptions::default()
        };
        let _ = render::text::write(&week, options, &mut out);
    }
    let _ = render::json::write(&week, &mut out);
    let _ = render::csv::write(&week, &mut out);
    for include_runs in [false, true] {
        let options = IcsOptions {
            include_runs,
            alarm_minutes: Some(15),
            dtstamp: Timestamp::from_second(1_764_460_800).unwrap_or_default(),
        };
        let _ = render::ics::dst_notes(&week, &options);
        let _ = render::ics::write(&week, &options, &mut out);
    }
});
