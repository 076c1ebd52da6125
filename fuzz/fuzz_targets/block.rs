//! Arbitrary bytes through `planner block`: the schedule as in the `week` target, then
//! a block of weeks with a race, in every format. The last byte chooses the block's
//! length (1 to 16 weeks) and the race day within it, so the taper and deload paths
//! are reached; the rest is the schedule file (a seed file loses only its last newline).

#![no_main]

use planner::date::{Date, Timestamp, checked_add_days};
use libfuzzer_sys::fuzz_target;
use planner::block::{BlockOptions, plan_block};
use planner::input::Input;
use planner::render::{self, Week, ics::IcsOptions, text::TextOptions};
use planner::template::Library;
use planner::{Overrides, Schedule};

fuzz_target!(|bytes: &[u8]| {
    let Some((&shape, file)) = bytes.split_last() else {
        return;
    };
    let Ok(input) = Input::from_bytes("fuzz.toml".to_owned(), file.to_vec()) else {
        return;
    };
    let Ok(schedule) = Schedule::parse(&input.text, Overrides::default()) else {
        return;
    };
    let today = Date::constant(2026, 11, 25);
    let first_monday = schedule.week_of.map_or_else(
        || render::next_monday(today).unwrap_or(today),
        render::monday_of,
    );
    let weeks = u32::from(shape % 16) + 1;
    // A race on any day of the block, or (for the top bit) none.
    let race = (shape & 0x80 == 0)
        .then(|| {
            checked_add_days(first_monday, i64::from(shape) % (i64::from(weeks) * 7))
        })
        .flatten();
    let options = BlockOptions {
        first_monday,
        weeks: Some(weeks),
        race,
        // The race's start from the second-lowest bits, or the schedule's own.
        race_at: (shape & 0x40 != 0)
            .then(|| planner::clock::TimeOfDay::from_minutes(u32::from(shape) * 11))
            .flatten(),
        in_season: shape & 0x20 != 0,
    };
    let block = match plan_block(&schedule, Library::builtin(), options) {
        Ok(block) => block,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    let calendar: Vec<Week<'_>> = render::block_weeks(&block);
    let mut out = Vec::new();
    for (detail, explain) in [(false, false), (true, false), (false, true)] {
        let text = TextOptions {
            explain,
            ..TextOptions::default()
        };
        let _ = render::text::write_block(&block, text, detail, &mut out);
    }
    let _ = render::json::write_block(&block, &mut out);
    let _ = render::csv::write_block(&block, &mut out);
    let options = IcsOptions {
        include_runs: true,
        alarm_minutes: Some(15),
        dtstamp: Timestamp::from_second(1_764_460_800).unwrap_or_default(),
    };
    let _ = render::ics::dst_notes_weeks(&calendar, &options);
    let _ = render::ics::write_weeks(&calendar, &options, &mut out);
});
