//! How long one week costs: parsing a schedule, planning it, and the whole pipeline
//! from text to rendered JSON and iCalendar, on every example in `examples/`; and a
//! 104-week block.
//!
//! Run with `cargo bench --bench week` (one group: `cargo bench --bench week -- plan`).
//! The target (issue 6) is one week planned in under 50 µs on a 2-core machine.

use divan::{Bencher, black_box};
use planner::date::{Date, Timestamp, add_days};

use planner::block::{BlockOptions, plan_block};
use planner::render::{self, Week, ics::IcsOptions, text::TextOptions};
use planner::template::Template;
use planner::{Overrides, Schedule, plan_week};

fn main() {
    divan::main();
}

/// Every example schedule, by file name, compiled in so the benchmark reads no files.
const EXAMPLES: &[(&str, &str)] = &[
    ("base-week", include_str!("../examples/base-week.toml")),
    ("beginner", include_str!("../examples/beginner.toml")),
    ("club-nights", include_str!("../examples/club-nights.toml")),
    (
        "early-intervals",
        include_str!("../examples/early-intervals.toml"),
    ),
    ("marathoner", include_str!("../examples/marathoner.toml")),
    ("night-shift", include_str!("../examples/night-shift.toml")),
    (
        "weekend-lifter",
        include_str!("../examples/weekend-lifter.toml"),
    ),
    (
        "marathon-build",
        include_str!("../examples/marathon-build.toml"),
    ),
    // No plan fits: this measures how long proving that takes.
    ("no-room", include_str!("../examples/no-room.toml")),
];

/// The examples that have a plan, for the benchmarks that render one.
const FEASIBLE: &[&str] = &[
    "base-week",
    "beginner",
    "club-nights",
    "early-intervals",
    "marathoner",
    "night-shift",
    "weekend-lifter",
];

/// The built-in session templates as text. The binary holds them as compiled values;
/// parsing is what `--plans DIR` pays for a coach's own, at every run.
const TEMPLATES: &[(&str, &str)] = &[
    ("heavy-squat", include_str!("../plans/heavy-squat.toml")),
    ("heavy-hinge", include_str!("../plans/heavy-hinge.toml")),
    ("power", include_str!("../plans/power.toml")),
    ("light", include_str!("../plans/light.toml")),
];

fn example(name: &str) -> &'static str {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no example {name}"))
}

fn names() -> impl Iterator<Item = &'static str> {
    EXAMPLES.iter().map(|(name, _)| *name)
}

fn parse(text: &str) -> Schedule {
    Schedule::parse(text, Overrides::default()).unwrap_or_else(|d| panic!("{}", d.first().message))
}

/// The Monday the CLI would plan for, with a fixed "today" when the file names none.
fn monday(schedule: &Schedule) -> Date {
    let today = Date::constant(2026, 11, 25);
    schedule.week_of.map_or_else(
        || render::next_monday(today).unwrap_or(today),
        render::monday_of,
    )
}

fn ics_options() -> IcsOptions {
    IcsOptions {
        include_runs: false,
        alarm_minutes: None,
        dtstamp: Timestamp::from_second(1_764_460_800).unwrap_or_default(),
    }
}

/// `Schedule::parse`: TOML text to a validated schedule.
#[divan::bench(args = names())]
fn parse_schedule(bencher: Bencher, name: &str) {
    let text = example(name);
    bencher.bench(|| Schedule::parse(black_box(text), Overrides::default()));
}

/// `plan_week`: placement (the exact search) and prescription, schedule parsed once.
#[divan::bench(args = names())]
fn plan(bencher: Bencher, name: &str) {
    // Build the template library before timing, as every run after the first in a
    // process finds it built.
    let _ = planner::template::Library::builtin();
    let schedule = parse(example(name));
    bencher.bench(|| plan_week(black_box(&schedule)));
}

/// `placement::place` alone: the exact search, without prescribing exercises.
#[divan::bench(args = names())]
fn place(bencher: Bencher, name: &str) {
    let schedule = parse(example(name));
    bencher.bench(|| planner::placement::place(black_box(&schedule)));
}

/// Text → schedule → plan → JSON, what `planner week --format json` does in memory.
#[divan::bench(args = FEASIBLE)]
fn pipeline_json(bencher: Bencher, name: &str) {
    let text = example(name);
    let _ = planner::template::Library::builtin();
    bencher.bench(|| {
        let schedule = parse(black_box(text));
        let Ok(plan) = plan_week(&schedule) else {
            return Vec::new();
        };
        let week = Week {
            schedule: &schedule,
            plan: &plan,
            monday: monday(&schedule),
        };
        let mut out = Vec::with_capacity(16 * 1024);
        let _ = render::json::write(&week, &mut out);
        out
    });
}

/// Text → schedule → plan → iCalendar, what `planner week --format ics` does in memory.
#[divan::bench(args = FEASIBLE)]
fn pipeline_ics(bencher: Bencher, name: &str) {
    let text = example(name);
    let options = ics_options();
    let _ = planner::template::Library::builtin();
    bencher.bench(|| {
        let schedule = parse(black_box(text));
        let Ok(plan) = plan_week(&schedule) else {
            return Vec::new();
        };
        let week = Week {
            schedule: &schedule,
            plan: &plan,
            monday: monday(&schedule),
        };
        let mut out = Vec::with_capacity(16 * 1024);
        let _ = render::ics::write(&week, &options, &mut out);
        out
    });
}

/// Each renderer alone, on a plan made once.
mod render_only {
    use super::*;

    fn with_week(name: &str, f: impl FnOnce(&Week<'_>)) {
        let schedule = parse(example(name));
        let Ok(plan) = plan_week(&schedule) else {
            panic!("{name} has no plan");
        };
        let week = Week {
            schedule: &schedule,
            plan: &plan,
            monday: monday(&schedule),
        };
        f(&week);
    }

    #[divan::bench(args = FEASIBLE)]
    fn json(bencher: Bencher, name: &str) {
        with_week(name, |week| {
            bencher.bench_local(|| {
                let mut out = Vec::with_capacity(16 * 1024);
                let _ = render::json::write(black_box(week), &mut out);
                out
            });
        });
    }

    #[divan::bench(args = FEASIBLE)]
    fn text(bencher: Bencher, name: &str) {
        with_week(name, |week| {
            bencher.bench_local(|| {
                let mut out = Vec::with_capacity(16 * 1024);
                let _ = render::text::write(
                    black_box(week),
                    TextOptions {
                        explain: false,
                        ..TextOptions::default()
                    },
                    &mut out,
                );
                out
            });
        });
    }

    #[divan::bench(args = FEASIBLE)]
    fn ics(bencher: Bencher, name: &str) {
        let options = ics_options();
        with_week(name, |week| {
            bencher.bench_local(|| {
                let mut out = Vec::with_capacity(16 * 1024);
                let _ = render::ics::write(black_box(week), &options, &mut out);
                out
            });
        });
    }
}

/// An example's schedule and the longest block of it: 104 weeks to a race on the
/// last Sunday.
fn block_of_104_weeks(name: &str) -> (Schedule, BlockOptions) {
    let schedule = parse(example(name));
    let first_monday = monday(&schedule);
    let options = BlockOptions {
        first_monday,
        weeks: Some(104),
        race: Some(add_days(first_monday, 103 * 7 + 6)),
        race_at: None,
        in_season: false,
    };
    (schedule, options)
}

/// `block::plan_block` over the longest block, 104 weeks to a race on the last
/// Sunday (every phase, deloads, the taper), and its JSON: every week placed on the
/// block's calendar, prescribed, loaded for its phase.
#[divan::bench(args = BLOCK_EXAMPLES)]
fn block_104_weeks(bencher: Bencher, name: &str) {
    let library = planner::template::Library::builtin();
    let (schedule, options) = block_of_104_weeks(name);
    bencher.bench(|| {
        let Ok(block) = plan_block(black_box(&schedule), library, options) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(1024 * 1024);
        let _ = render::json::write_block(&block, &mut out);
        out
    });
}

/// `block::plan_block` alone over the same 104 weeks, without the JSON.
#[divan::bench(args = BLOCK_EXAMPLES)]
fn block_104_weeks_plan_only(bencher: Bencher, name: &str) {
    let library = planner::template::Library::builtin();
    let (schedule, options) = block_of_104_weeks(name);
    bencher.bench(|| plan_block(black_box(&schedule), library, options).map(|b| b.weeks.len()));
}

/// The examples a block is benchmarked on: every feasible week, and the build with
/// `[weeks]` tables.
const BLOCK_EXAMPLES: &[&str] = &[
    "base-week",
    "beginner",
    "club-nights",
    "early-intervals",
    "marathoner",
    "marathon-build",
];

/// Parsing one session template, as `--plans DIR` does for each file.
#[divan::bench(args = TEMPLATES.iter().map(|(name, _)| *name))]
fn parse_template(bencher: Bencher, name: &str) {
    let text = TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no template {name}"));
    bencher.bench(|| Template::parse(black_box(text)));
}
