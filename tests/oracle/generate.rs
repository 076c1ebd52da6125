//! Proptest strategies for [`Case`]s that are valid schedule files (SPEC §2) and keep
//! the brute force small, biased toward the cases §3 has rules for: hard runs at dawn
//! and in the evening, key runs, doubles, pinned sessions, night windows,
//! `hard_days = "after-run"`, every `heavy_max`, changeovers from 0 to 180.

use proptest::prelude::*;

use super::{Case, DAY, Day, GRID, HardDays, Pinned, Run, RunType, WEEK, forward, overlaps};

/// Most complete placements a generated case may ask the brute force to score.
pub const PLACEMENTS_MAX: u64 = 150_000;

/// A valid week, small enough to brute-force in a debug build.
pub fn case() -> BoxedStrategy<Case> {
    (
        runner(),
        proptest::array::uniform7(day()),
        proptest::bool::weighted(0.1),
    )
        .prop_map(|(runner, week, easy_week)| {
            let mut case = Case { week, ..runner };
            if easy_week {
                // Some weeks without hard runs at all (no 6 h limit, shortfall 0).
                for run in case.week.iter_mut().flat_map(|d| d.runs.iter_mut()) {
                    if run.is_hard() {
                        run.hard = Some(false);
                        run.key = Some(false);
                    }
                }
            }
            repair_overlaps(&mut case);
            case
        })
        .prop_filter("too many placements to brute-force", |case| {
            case.validate().is_ok() && case.placements() <= PLACEMENTS_MAX
        })
        .boxed()
}

/// The `[runner]` settings, with a rest week.
fn runner() -> BoxedStrategy<Case> {
    (
        prop_oneof![Just(2u32), Just(3u32)],
        1u32..=3,
        prop_oneof![Just(30u32), Just(40), Just(45), 30u32..=45],
        prop_oneof![Just(0u32), Just(30), Just(60), Just(180), 0u32..=180],
        prop_oneof![Just(HardDays::Never), Just(HardDays::AfterRun)],
        any::<bool>(),
        (0u32..DAY, 0u32..=150, 0u32..4),
        prop_oneof![
            3 => (16u32..=23).prop_map(|h| h * 60),
            1 => (0u32..DAY / GRID).prop_map(|q| q * GRID),
            1 => 0u32..DAY,
        ],
        (16u32..=80).prop_map(|q| q * GRID),
    )
        .prop_map(
            |(sessions, heavy_max, minutes, changeover, hard_days, night, w, pref, run_time)| {
                let (raw_open, extra, off_grid) = w;
                let lift_window = window(night, raw_open, extra, off_grid, minutes);
                Case {
                    sessions,
                    heavy_max,
                    session_minutes: minutes,
                    changeover_minutes: changeover,
                    hard_days,
                    lift_window,
                    preferred_lift_time: pref,
                    run_time,
                    week: Default::default(),
                }
            },
        )
        .boxed()
}

/// A window holding `minutes` plus `extra` (0..=150) minutes of slack: a day window
/// anywhere from 05:00, or a night window opening 20:00–23:45 and closing after
/// midnight. `off_grid == 0` moves the opening off the quarter hours.
fn window(night: bool, raw: u32, extra: u32, off_grid: u32, minutes: u32) -> (u32, u32) {
    let width = minutes + extra / GRID * GRID;
    if night {
        // Open 20:00..=23:45; the close must fall after midnight.
        let open = 20 * 60 + (raw % 16) * GRID;
        let close = (open + width).max(DAY + GRID) - DAY;
        (open, close)
    } else {
        let latest = DAY - 1 - width - GRID;
        let open = (5 * 60 + (raw % (latest - 5 * 60)) / GRID * GRID).min(latest);
        if off_grid == 0 {
            // 06:10: the first start is 06:15, and the window still holds one.
            (open + 10, open + 10 + width + 5)
        } else {
            (open, open + width)
        }
    }
}

/// Times of day runs are biased toward: dawn and evening, where heavy lifts and
/// changeovers bite.
fn run_time_of_day() -> BoxedStrategy<u32> {
    prop_oneof![
        4 => (4 * 4u32..=7 * 4).prop_map(|q| q * GRID),   // dawn 04:00–07:00
        2 => (7 * 4u32..=11 * 4).prop_map(|q| q * GRID),  // morning
        1 => (11 * 4u32..=14 * 4).prop_map(|q| q * GRID), // midday
        4 => (17 * 4u32..=21 * 4).prop_map(|q| q * GRID), // evening
        1 => (21 * 4u32..=23 * 4 + 3).prop_map(|q| q * GRID), // late, may cross midnight
        1 => 0u32..DAY,
    ]
    .boxed()
}

fn run_type() -> BoxedStrategy<RunType> {
    prop_oneof![
        3 => Just(RunType::Easy),
        1 => Just(RunType::Recovery),
        2 => Just(RunType::Long),
        1 => Just(RunType::Tempo),
        1 => Just(RunType::Threshold),
        2 => Just(RunType::Intervals),
        1 => Just(RunType::Vo2max),
        1 => Just(RunType::Hills),
        1 => Just(RunType::Fartlek),
        2 => Just(RunType::Race),
    ]
    .boxed()
}

/// A run at a time from `at`; sometimes without `at` or `minutes`, sometimes with
/// `hard` / `key` overrides (never `key = true` with `hard = false`, and never a race
/// with `hard = false` unless `key = false`: see reading 8 in `mod.rs`).
fn run(at: impl Strategy<Value = u32> + 'static) -> BoxedStrategy<Run> {
    (
        run_type(),
        prop_oneof![6 => at.prop_map(Some), 1 => Just(None)],
        prop_oneof![
            2 => Just(None),
            3 => (20u32..=90).prop_map(Some),
            1 => Just(Some(150)),
            1 => Just(Some(149)),
            1 => (120u32..=200).prop_map(Some),
        ],
        prop_oneof![6 => Just(None), 1 => Just(Some(true)), 1 => Just(Some(false))],
        prop_oneof![6 => Just(None), 1 => Just(Some(true)), 1 => Just(Some(false))],
    )
        .prop_map(|(run, at, minutes, mut hard, key)| {
            if key == Some(true) && hard == Some(false) {
                hard = None;
            }
            if run == RunType::Race && hard == Some(false) && key != Some(false) {
                hard = None;
            }
            Run {
                run,
                at,
                minutes,
                hard,
                key,
            }
        })
        .boxed()
}

/// One day of `[week]`.
fn day() -> BoxedStrategy<Day> {
    let runs = prop_oneof![
        3 => Just(Vec::new()),
        4 => run(run_time_of_day()).prop_map(|r| vec![r]),
        // A double: morning and evening.
        2 => (
            run((4 * 4u32..=10 * 4).prop_map(|q| q * GRID)),
            run((15 * 4u32..=21 * 4).prop_map(|q| q * GRID)),
        )
            .prop_map(|(a, b)| vec![a, b]),
    ];
    let pinned = prop_oneof![
        5 => Just(None),
        1 => (
            any::<bool>(),
            prop_oneof![
                3 => (5 * 4u32..=22 * 4).prop_map(|q| q * GRID),
                1 => 0u32..DAY,
            ],
            30u32..=60,
        )
            .prop_map(|(heavy, at, minutes)| Some(Pinned { heavy, at, minutes })),
    ];
    (runs, pinned, prop_oneof![9 => Just(true), 1 => Just(false)])
        .prop_map(|(runs, pinned, lift)| Day {
            runs,
            lift: lift || pinned.is_some(),
            pinned: pinned.into_iter().collect(),
        })
        .boxed()
}

/// Drops runs until none overlap (around the week, across midnight and from Sunday
/// into Monday): the later-starting of two overlapping runs goes. Drops a pinned
/// session that overlaps an earlier day's pinned one (a pinned session may overlap a
/// run: that is valid input, which `week` warns about).
fn repair_overlaps(case: &mut Case) {
    let mut kept: Vec<(u32, u32)> = Vec::new();
    for d in 0..7 {
        let start = d as u32 * DAY;
        case.week[d].pinned.retain(|p| {
            let clear = kept
                .iter()
                .all(|&(s, m)| !overlaps(s, m, start + p.at, p.minutes));
            if clear {
                kept.push((start + p.at, p.minutes));
            }
            clear
        });
    }
    loop {
        let spans = case.run_spans();
        // (day, index in day) of each span, in the same order as `run_spans`.
        let owners: Vec<(usize, usize)> = case
            .week
            .iter()
            .enumerate()
            .flat_map(|(d, day)| (0..day.runs.len()).map(move |i| (d, i)))
            .collect();
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans[i].start % WEEK);
        let n = order.len();
        let clash = (0..n).find(|&k| {
            let a = &spans[order[k]];
            let b = &spans[order[(k + 1) % n]];
            n > 1 && forward(a.start, b.start) < a.minutes
        });
        match clash {
            None => return,
            Some(k) => {
                let (d, i) = owners[order[(k + 1) % n]];
                case.week[d].runs.remove(i);
            }
        }
    }
}
