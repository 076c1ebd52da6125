//! The oracle of SPEC §3 v2 (`tests/oracle`) on weeks worked by hand from the SPEC's
//! text, and on generated weeks against a second, per-session reading of the same rules.

use std::cmp::Reverse;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use crate::oracle::generate;
use crate::oracle::{
    Case, DAY, Day, HardDays, Pick, Run, RunType, WEEK, allowed_starts, best, check,
    clock_distance, describe, gaps, key, may_be_heavy, shortfall,
};

const MON: usize = 0;
const TUE: usize = 1;
const WED: usize = 2;
const THU: usize = 3;
const FRI: usize = 4;
const SAT: usize = 5;
const SUN: usize = 6;

/// Minutes after 00:00.
fn t(h: u32, m: u32) -> u32 {
    h * 60 + m
}

/// Week minute of a day and time (wrapped, as `Pick::start`).
fn at(day: usize, h: u32, m: u32) -> u32 {
    (day as u32 * DAY + t(h, m)) % WEEK
}

fn planned(day: usize, start: u32, heavy: bool) -> Pick {
    Pick {
        day,
        start,
        heavy,
        pinned: false,
    }
}

fn pinned(day: usize, start: u32, heavy: bool) -> Pick {
    Pick {
        day,
        start,
        heavy,
        pinned: true,
    }
}

/// A week where only `free` days may hold a session; the others are `lift = false`
/// unless `days` sets them.
fn week(free: &[usize], days: &[(usize, Day)]) -> [Day; 7] {
    let mut week: [Day; 7] = std::array::from_fn(|d| {
        if free.contains(&d) {
            Day::rest()
        } else {
            Day::no_lift()
        }
    });
    for (d, day) in days {
        week[*d] = day.clone();
    }
    week
}

/// `best`, asserted to be a plan that passes the hard rules.
fn plan(case: &Case) -> Vec<Pick> {
    let picks = best(case).unwrap_or_else(|n| panic!("no plan: {n} sessions possible"));
    if let Err(why) = check(case, &picks) {
        panic!("best breaks a hard rule: {why}: {}", describe(&picks));
    }
    picks
}

fn assert_plan(case: &Case, expected: &[Pick]) {
    let picks = plan(case);
    assert_eq!(
        picks,
        expected,
        "\n got: {}\nwant: {}",
        describe(&picks),
        describe(expected)
    );
}

#[test]
fn a_sunday_19_00_lift_is_10_h_50_min_before_monday_06_30_intervals() {
    let case = Case {
        sessions: 2,
        lift_window: (t(19, 0), t(19, 40)),
        preferred_lift_time: t(19, 0),
        week: week(
            &[WED, SUN],
            &[(
                MON,
                Day::runs(vec![Run::new(RunType::Intervals, t(6, 30), 60)]),
            )],
        ),
        ..Case::default()
    };
    let sunday = at(SUN, 19, 0);
    let (before, after) = gaps(&case, sunday, 40).expect("the week has a hard run");
    assert_eq!(after, 10 * 60 + 50);
    // From Monday 07:30 forward to Sunday 19:00.
    assert_eq!(before, 6 * DAY + t(11, 30));
    assert!(may_be_heavy(&case, sunday));
    assert_eq!(shortfall(&case, sunday), DAY - (10 * 60 + 50));
    assert_plan(
        &case,
        &[
            planned(WED, at(WED, 19, 0), true),
            planned(SUN, sunday, true),
        ],
    );
    let picks = plan(&case);
    assert_eq!(key(&case, &picks).shortfalls, vec![790, 0]);
}

#[test]
fn with_monday_wednesday_and_friday_sessions_monday_and_friday_are_heavy() {
    let case = Case {
        sessions: 3,
        heavy_max: 2,
        lift_window: (t(17, 0), t(18, 0)),
        preferred_lift_time: t(18, 0),
        week: week(&[MON, WED, FRI], &[]),
        ..Case::default()
    };
    // 17:15 is the start nearest 18:00 that still ends by 18:00.
    let expected = [
        planned(MON, at(MON, 17, 15), true),
        planned(WED, at(WED, 17, 15), false),
        planned(FRI, at(FRI, 17, 15), true),
    ];
    assert_plan(&case, &expected);
    let k = key(&case, &expected);
    assert_eq!(k.day_gaps, Reverse(vec![2, 2, 3]));
    assert_eq!(k.heavy_gaps, Reverse(vec![3, 4]));
    // Monday and Wednesday heavy would space the heavy lifts 2 and 5 days apart.
    let worse = [
        planned(MON, at(MON, 17, 15), true),
        planned(WED, at(WED, 17, 15), true),
        planned(FRI, at(FRI, 17, 15), false),
    ];
    assert_eq!(key(&case, &worse).deciding_level(&k), Some(5));
    assert!(key(&case, &worse) > k);
}

#[test]
fn with_heavy_max_1_the_earliest_of_equal_sessions_is_heavy() {
    let case = Case {
        heavy_max: 1,
        lift_window: (t(17, 0), t(18, 0)),
        week: week(&[MON, WED, FRI], &[]),
        ..Case::default()
    };
    assert_plan(
        &case,
        &[
            planned(MON, at(MON, 17, 15), true),
            planned(WED, at(WED, 17, 15), false),
            planned(FRI, at(FRI, 17, 15), false),
        ],
    );
}

fn two_interval_days(hard_days: HardDays) -> Case {
    let intervals = || Day::runs(vec![Run::new(RunType::Intervals, t(6, 0), 60)]);
    Case {
        sessions: 2,
        hard_days,
        preferred_lift_time: t(12, 0),
        week: week(&[], &[(TUE, intervals()), (THU, intervals())]),
        ..Case::default()
    }
}

#[test]
fn a_hard_day_holds_a_session_only_with_after_run_and_from_6_h_after_the_run() {
    assert_eq!(best(&two_interval_days(HardDays::Never)), Err(0));

    let case = two_interval_days(HardDays::AfterRun);
    // The run ends at 07:00: 13:00 is the first start, 12:45 is too early.
    let starts = allowed_starts(&case, TUE);
    assert_eq!(starts.first(), Some(&at(TUE, 13, 0)));
    assert!(!starts.contains(&at(TUE, 12, 45)));
    // Both heavy (level 2 before level 6); each as late as the window allows, which
    // is the smallest shortfall (24 h − 13 h 15 min), not the start nearest 12:00.
    let expected = [
        planned(TUE, at(TUE, 20, 15), true),
        planned(THU, at(THU, 20, 15), true),
    ];
    assert_plan(&case, &expected);
    assert_eq!(key(&case, &expected).shortfalls, vec![645, 645]);
}

#[test]
fn a_night_window_session_belongs_to_the_day_its_window_opens_on() {
    let case = Case {
        sessions: 2,
        lift_window: (t(22, 0), t(3, 0)),
        preferred_lift_time: t(1, 0),
        week: week(&[WED, SUN], &[]),
        ..Case::default()
    };
    let expected = [
        // Wednesday night, 01:00 on Thursday's clock.
        planned(WED, at(THU, 1, 0), true),
        // Sunday night, 01:00 on the following Monday's clock.
        planned(SUN, t(1, 0), true),
    ];
    assert_plan(&case, &expected);
    assert_eq!(expected[1].unwrapped(), WEEK + 60);
}

#[test]
fn a_sunday_night_heavy_lift_keeps_6_h_before_monday_intervals() {
    let mut case = Case {
        sessions: 2,
        heavy_max: 2,
        lift_window: (t(22, 0), t(3, 0)),
        preferred_lift_time: t(1, 0),
        week: week(
            &[WED, SUN],
            &[(
                MON,
                Day::runs(vec![Run::new(RunType::Intervals, t(6, 30), 60)]),
            )],
        ),
        ..Case::default()
    };
    // Monday's 01:00 would end 4 h 50 min before the intervals: light only.
    assert!(!may_be_heavy(&case, t(1, 0)));
    assert!(may_be_heavy(&case, at(SUN, 23, 45)));
    // Heavy, and as early as the window opens: 7 h 50 min before the run.
    assert_plan(
        &case,
        &[
            planned(WED, at(THU, 1, 0), true),
            planned(SUN, at(SUN, 22, 0), true),
        ],
    );
    // With one heavy session, Wednesday takes it (no shortfall) and Sunday goes light
    // at the preferred 01:00.
    case.heavy_max = 1;
    assert_plan(
        &case,
        &[
            planned(WED, at(THU, 1, 0), true),
            planned(SUN, t(1, 0), false),
        ],
    );
}

#[test]
fn heavy_sessions_never_fall_on_consecutive_days() {
    let case = Case {
        sessions: 2,
        heavy_max: 2,
        week: week(&[SUN, MON], &[]),
        ..Case::default()
    };
    // Sunday and Monday are consecutive: one heavy, the earlier in the week.
    assert_plan(
        &case,
        &[
            planned(MON, at(MON, 18, 0), true),
            planned(SUN, at(SUN, 18, 0), false),
        ],
    );
    let both = [
        planned(MON, at(MON, 18, 0), true),
        planned(SUN, at(SUN, 18, 0), true),
    ];
    assert!(check(&case, &both).is_err());
}

#[test]
fn a_planned_heavy_session_never_sits_next_to_a_pinned_heavy_one() {
    let case = Case {
        heavy_max: 3,
        week: week(&[TUE, THU], &[(WED, Day::pinned(true, t(17, 0), 40))]),
        ..Case::default()
    };
    assert_plan(
        &case,
        &[
            planned(TUE, at(TUE, 18, 0), false),
            pinned(WED, at(WED, 17, 0), true),
            planned(THU, at(THU, 18, 0), false),
        ],
    );
}

#[test]
fn a_pinned_heavy_pair_on_consecutive_days_is_kept() {
    let case = Case {
        heavy_max: 1,
        week: week(
            &[],
            &[
                (MON, Day::pinned(true, t(17, 0), 40)),
                (TUE, Day::pinned(true, t(17, 0), 40)),
            ],
        ),
        ..Case::default()
    };
    assert_plan(
        &case,
        &[
            pinned(MON, at(MON, 17, 0), true),
            pinned(TUE, at(TUE, 17, 0), true),
        ],
    );
}

#[test]
fn pinned_sessions_count_toward_the_target_and_heavy_max() {
    let case = Case {
        sessions: 3,
        heavy_max: 2,
        week: week(&[MON, THU, SAT], &[(WED, Day::pinned(true, t(17, 0), 40))]),
        ..Case::default()
    };
    // Monday, Wednesday, Saturday spaces the week 2, 3, 2 (Saturday to Monday is 2);
    // one planned heavy is left, and Saturday spaces it 3 and 4 days from Wednesday.
    let expected = [
        planned(MON, at(MON, 18, 0), false),
        pinned(WED, at(WED, 17, 0), true),
        planned(SAT, at(SAT, 18, 0), true),
    ];
    assert_plan(&case, &expected);
    assert_eq!(key(&case, &expected).day_gaps, Reverse(vec![2, 2, 3]));
}

fn key_run_week(minutes: u32, key: Option<bool>) -> Case {
    let mut long = Run::new(RunType::Long, t(8, 0), minutes);
    long.key = key;
    Case {
        sessions: 2,
        heavy_max: 1,
        week: week(&[THU, SAT], &[(WED, Day::runs(vec![long]))]),
        ..Case::default()
    }
}

#[test]
fn a_150_min_long_run_is_key_and_wants_48_h() {
    let case = key_run_week(150, None);
    // Thursday 18:00 is 31 h 30 min after the run ends at 10:30.
    assert_eq!(shortfall(&case, at(THU, 18, 0)), 48 * 60 - t(31, 30));
    assert_eq!(shortfall(&case, at(SAT, 18, 0)), 0);
    assert_plan(
        &case,
        &[
            planned(THU, at(THU, 18, 0), false),
            planned(SAT, at(SAT, 18, 0), true),
        ],
    );
}

#[test]
fn a_149_min_or_key_false_long_run_wants_only_24_h() {
    for case in [key_run_week(149, None), key_run_week(150, Some(false))] {
        assert_eq!(shortfall(&case, at(THU, 18, 0)), 0);
        // No shortfall either way: the earlier heavy session wins (level 8).
        assert_plan(
            &case,
            &[
                planned(THU, at(THU, 18, 0), true),
                planned(SAT, at(SAT, 18, 0), false),
            ],
        );
    }
}

#[test]
fn races_and_key_true_runs_want_48_h() {
    let start = at(THU, 18, 0);
    let one = |run: Run| Case {
        week: week(&[], &[(WED, Day::runs(vec![run]))]),
        ..Case::default()
    };
    // A 30-minute race ending Wednesday 08:30: 33 h 30 min before Thursday 18:00.
    let race = one(Run::new(RunType::Race, t(8, 0), 30));
    assert_eq!(shortfall(&race, start), 48 * 60 - t(33, 30));
    let tempo = one(Run::new(RunType::Tempo, t(8, 0), 30).key(true));
    assert_eq!(shortfall(&tempo, start), 48 * 60 - t(33, 30));
    // key = true makes an easy run hard (and key).
    let easy = one(Run::new(RunType::Easy, t(8, 0), 30).key(true));
    assert_eq!(shortfall(&easy, start), 48 * 60 - t(33, 30));
    let plain = one(Run::new(RunType::Tempo, t(8, 0), 30));
    assert_eq!(shortfall(&plain, start), 0);
    // hard = false takes an intervals run out of every gap.
    let soft = one(Run::new(RunType::Intervals, t(8, 0), 30).hard(false));
    assert_eq!(gaps(&soft, start, 40), None);
}

#[test]
fn a_session_keeps_the_changeover_from_runs_on_both_sides() {
    let case = |changeover| Case {
        sessions: 2,
        changeover_minutes: changeover,
        week: week(
            &[TUE],
            &[(MON, Day::runs(vec![Run::new(RunType::Easy, t(18, 0), 45)]))],
        ),
        ..Case::default()
    };
    // The run holds 18:00–18:45; the nearest starts to 18:00 either side tie, and the
    // earlier wins (level 7).
    for (changeover, monday) in [(0, t(17, 15)), (30, t(16, 45)), (60, t(16, 15))] {
        assert_plan(
            &case(changeover),
            &[
                planned(MON, at(MON, 0, 0) + monday, true),
                planned(TUE, at(TUE, 18, 0), false),
            ],
        );
    }
}

#[test]
fn the_changeover_wraps_from_a_sunday_night_run_into_monday() {
    let case = Case {
        sessions: 2,
        session_minutes: 30,
        changeover_minutes: 60,
        lift_window: (t(0, 0), t(2, 0)),
        preferred_lift_time: t(0, 0),
        week: week(
            &[MON],
            &[(SUN, Day::runs(vec![Run::new(RunType::Easy, t(23, 30), 60)]))],
        ),
        ..Case::default()
    };
    // The run ends Monday 00:30; 60 min later is 01:30, the window's last start.
    assert_eq!(allowed_starts(&case, MON), vec![at(MON, 1, 30)]);
    assert_plan(
        &case,
        &[
            planned(MON, at(MON, 1, 30), true),
            planned(SUN, at(SUN, 0, 0), false),
        ],
    );
}

#[test]
fn a_run_crossing_midnight_belongs_to_its_own_day() {
    let case = Case {
        sessions: 2,
        heavy_max: 2,
        lift_window: (t(6, 0), t(9, 0)),
        preferred_lift_time: t(6, 0),
        week: week(
            &[TUE, THU],
            &[(
                MON,
                Day::runs(vec![Run::new(RunType::Threshold, t(23, 0), 120)]),
            )],
        ),
        ..Case::default()
    };
    // Tuesday is a rest day even though Monday's run ends there at 01:00; 06:00 is
    // only 5 h later, 07:00 exactly 6 h.
    assert!(!may_be_heavy(&case, at(TUE, 6, 0)));
    assert!(may_be_heavy(&case, at(TUE, 7, 0)));
    assert!(allowed_starts(&case, MON).is_empty());
    assert_plan(
        &case,
        &[
            planned(TUE, at(TUE, 8, 15), true),
            planned(THU, at(THU, 6, 0), true),
        ],
    );
}

#[test]
fn sessions_stop_at_the_target_and_spread_over_the_week() {
    let case = Case {
        sessions: 2,
        week: week(&[MON, TUE, WED, SAT], &[]),
        ..Case::default()
    };
    // Tuesday–Saturday and Wednesday–Saturday both space 3 and 4 days; Tuesday is
    // earlier. Saturday–Monday would be 2 and 5.
    let expected = [
        planned(TUE, at(TUE, 18, 0), true),
        planned(SAT, at(SAT, 18, 0), true),
    ];
    assert_plan(&case, &expected);
    let sat_mon = [
        planned(MON, at(MON, 18, 0), true),
        planned(SAT, at(SAT, 18, 0), true),
    ];
    assert_eq!(key(&case, &sat_mon).day_gaps, Reverse(vec![2, 5]));
    assert_eq!(
        key(&case, &sat_mon).deciding_level(&key(&case, &expected)),
        Some(4)
    );
}

#[test]
fn pinned_sessions_beyond_the_target_are_kept_and_nothing_is_added() {
    // Reading 1: three pinned sessions with a target of 2 (two of them heavy with
    // heavy_max 1) is a plan of exactly those three.
    let case = Case {
        sessions: 2,
        heavy_max: 1,
        week: week(
            &[MON, FRI, SUN],
            &[
                (TUE, Day::pinned(true, t(7, 0), 45)),
                (WED, Day::pinned(false, t(12, 0), 30)),
                (THU, Day::pinned(true, t(19, 0), 60)),
            ],
        ),
        ..Case::default()
    };
    assert_plan(
        &case,
        &[
            pinned(TUE, at(TUE, 7, 0), true),
            pinned(WED, at(WED, 12, 0), false),
            pinned(THU, at(THU, 19, 0), true),
        ],
    );
}

#[test]
fn a_sunday_night_start_after_midnight_is_later_than_one_before_it() {
    // Reading 6: Sunday's own easy run (23:30-24:00, changeover 30) leaves 22:30 and
    // 00:30 (Monday's clock) as the starts nearest 23:30, an hour off either way; the
    // tie goes to the earlier in the week, Sunday 22:30, not Monday 00:30.
    let case = Case {
        sessions: 2,
        session_minutes: 30,
        lift_window: (t(22, 0), t(3, 0)),
        preferred_lift_time: t(23, 30),
        week: week(
            &[WED],
            &[(SUN, Day::runs(vec![Run::new(RunType::Easy, t(23, 30), 30)]))],
        ),
        ..Case::default()
    };
    let starts = allowed_starts(&case, SUN);
    assert!(starts.contains(&at(SUN, 22, 30)) && !starts.contains(&at(SUN, 22, 45)));
    assert!(starts.contains(&(WEEK + 30)) && !starts.contains(&(WEEK + 15)));
    assert_plan(
        &case,
        &[
            planned(WED, at(WED, 23, 30), true),
            planned(SUN, at(SUN, 22, 30), true),
        ],
    );
}

#[test]
fn fewer_than_two_possible_sessions_is_no_plan() {
    let one_day = Case {
        sessions: 2,
        week: week(&[THU], &[]),
        ..Case::default()
    };
    assert_eq!(best(&one_day), Err(1));
    let one_pinned = Case {
        week: week(&[], &[(THU, Day::pinned(false, t(7, 0), 30))]),
        ..Case::default()
    };
    assert_eq!(best(&one_pinned), Err(1));
}

#[test]
fn the_preferred_time_is_measured_on_the_clock_face() {
    assert_eq!(clock_distance(t(23, 0), t(1, 0)), 120);
    assert_eq!(clock_distance(t(1, 0), t(23, 0)), 120);
    let case = Case {
        sessions: 2,
        session_minutes: 30,
        lift_window: (t(20, 0), t(23, 45)),
        preferred_lift_time: t(1, 0),
        week: week(&[MON, THU], &[]),
        ..Case::default()
    };
    // 23:15 is 1 h 45 min from 01:00 across midnight; 20:00 would be 5 h.
    assert_plan(
        &case,
        &[
            planned(MON, at(MON, 23, 15), true),
            planned(THU, at(THU, 23, 15), true),
        ],
    );
}

#[test]
fn most_heavy_sessions_come_before_a_shortfall() {
    // Every slot of the week is under 24 h from a hard run, yet both sessions are heavy.
    let hard = |h| Day::runs(vec![Run::new(RunType::Tempo, t(h, 0), 50)]);
    let case = Case {
        sessions: 2,
        lift_window: (t(12, 0), t(14, 0)),
        preferred_lift_time: t(14, 0),
        week: [
            hard(6),
            Day::rest(),
            hard(6),
            Day::rest(),
            hard(6),
            Day::no_lift(),
            hard(6),
        ],
        ..Case::default()
    };
    let picks = plan(&case);
    assert_eq!(picks.len(), 2);
    assert!(picks.iter().all(|p| p.heavy), "{}", describe(&picks));
    assert!(key(&case, &picks).shortfalls.iter().all(|&s| s > 0));
    // The earliest start leaves the most room before the next morning's run, even
    // though 13:15 is nearer the preferred 14:00 (level 3 before level 6).
    assert_eq!(key(&case, &picks).shortfalls, vec![400, 400]);
    assert_eq!(
        picks,
        [
            planned(TUE, at(TUE, 12, 0), true),
            planned(THU, at(THU, 12, 0), true),
        ],
        "{}",
        describe(&picks)
    );
}

#[test]
fn the_schedule_file_says_what_the_case_says() {
    let mut case = key_run_week(150, Some(true));
    case.hard_days = HardDays::AfterRun;
    case.lift_window = (t(22, 0), t(3, 0));
    case.week[MON] = Day {
        runs: vec![
            Run::new(RunType::Easy, t(6, 0), 30),
            Run {
                run: RunType::Tempo,
                at: None,
                minutes: None,
                hard: Some(false),
                key: None,
            },
        ],
        pinned: Vec::new(),
        lift: false,
    };
    case.week[TUE] = Day::pinned(true, t(17, 0), 45);
    let text = case.to_toml();
    let table: toml::Table = toml::from_str(&text).expect("the file is TOML");
    let week = table["week"].as_table().expect("[week]");
    let mon = week["mon"].as_array().expect("a double day is an array");
    assert_eq!(mon.len(), 2);
    assert_eq!(mon[0]["at"].as_str(), Some("06:00"));
    assert_eq!(mon[0]["minutes"].as_integer(), Some(30));
    assert_eq!(mon[0]["lift"].as_bool(), Some(false));
    assert_eq!(mon[1]["run"].as_str(), Some("tempo"));
    assert_eq!(mon[1].get("at"), None, "run_time applies");
    assert_eq!(mon[1]["hard"].as_bool(), Some(false));
    assert_eq!(week["fri"].as_str(), None);
    assert_eq!(
        week["fri"]["lift"].as_bool(),
        Some(false),
        "a lift = false rest day"
    );
    assert_eq!(week["thu"].as_str(), Some("rest"));
    assert_eq!(week["tue"]["strength"].as_str(), Some("heavy"));
    assert_eq!(week["wed"]["key"].as_bool(), Some(true));
    let runner = table["runner"].as_table().expect("[runner]");
    assert_eq!(runner["hard_days"].as_str(), Some("after-run"));
    assert_eq!(runner["lift_window"][0].as_str(), Some("22:00"));
    assert_eq!(runner["lift_window"][1].as_str(), Some("03:00"));
    assert_eq!(case.validate(), Ok(()));
}

/// A second reading of §3: choose days and kinds, then let each session take its own
/// best start (smallest shortfall if heavy, then nearest the preferred time, then
/// earliest), as the SPEC says the levels allow; the brute force must agree.
fn per_session(case: &Case) -> Result<Vec<Pick>, usize> {
    let pinned: Vec<Pick> = (0..7)
        .flat_map(|d| {
            case.week[d].pinned.iter().map(move |p| Pick {
                day: d,
                start: (d as u32 * DAY + p.at) % WEEK,
                heavy: p.heavy,
                pinned: true,
            })
        })
        .collect();
    // (start, may be heavy, shortfall) of every allowed start, per day.
    let starts: Vec<Vec<(u32, bool, u32)>> = (0..7)
        .map(|d| {
            allowed_starts(case, d)
                .into_iter()
                .map(|s| (s, may_be_heavy(case, s), shortfall(case, s)))
                .collect()
        })
        .collect();
    let mut best_picks = pinned.clone();
    let mut best_key = key(case, &best_picks);
    for mask in 1u32..(1 << 7) {
        let days: Vec<usize> = (0..7).filter(|d| mask & (1 << d) != 0).collect();
        if days.len() > case.sessions as usize || days.iter().any(|&d| starts[d].is_empty()) {
            continue;
        }
        for kinds in 0u32..(1 << days.len()) {
            let mut picks = pinned.clone();
            let mut complete = true;
            for (i, &d) in days.iter().enumerate() {
                let heavy = kinds & (1 << i) != 0;
                let chosen = starts[d]
                    .iter()
                    .filter(|&&(_, may, _)| !heavy || may)
                    .min_by_key(|&&(s, _, short)| {
                        let short = if heavy { short } else { 0 };
                        (short, clock_distance(s, case.preferred_lift_time), s)
                    });
                match chosen {
                    Some(&(s, _, _)) => picks.push(Pick {
                        day: d,
                        start: s % WEEK,
                        heavy,
                        pinned: false,
                    }),
                    None => complete = false,
                }
            }
            if !complete || check(case, &picks).is_err() {
                continue;
            }
            picks.sort_by_key(|p| (p.day, p.unwrapped()));
            let k = key(case, &picks);
            if k < best_key {
                best_key = k;
                best_picks = picks;
            }
        }
    }
    if best_picks.len() < 2 {
        return Err(best_picks.len());
    }
    Ok(best_picks)
}

#[test]
fn generated_cases_are_valid_and_cover_what_section_3_has_rules_for() {
    let mut runner = TestRunner::deterministic();
    let strategy = generate::case();
    let mut seen = [0usize; 9];
    for _ in 0..300 {
        let case = strategy.new_tree(&mut runner).expect("a case").current();
        assert_eq!(case.validate(), Ok(()), "{}", case.to_toml());
        assert!(case.placements() <= generate::PLACEMENTS_MAX);
        toml::from_str::<toml::Table>(&case.to_toml()).expect("the file is TOML");
        let runs = case.run_spans();
        let features = [
            case.lift_window.0 > case.lift_window.1,
            case.hard_days == HardDays::AfterRun,
            case.week.iter().any(|d| !d.pinned.is_empty()),
            runs.iter().any(|r| r.key),
            case.week.iter().any(|d| d.runs.len() > 1),
            runs.iter().any(|r| r.hard && r.start % DAY < t(7, 0)),
            runs.iter().any(|r| r.hard && r.start % DAY >= t(17, 0)),
            !runs.iter().any(|r| r.hard),
            runs.iter().any(|r| r.end() / DAY > r.day as u32),
        ];
        for (count, hit) in seen.iter_mut().zip(features) {
            *count += usize::from(hit);
        }
    }
    assert!(seen.iter().all(|&n| n >= 10), "feature counts {seen:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_brute_force_agrees_with_a_per_session_reading(case in generate::case()) {
        let brute = best(&case);
        if let Ok(picks) = &brute {
            prop_assert_eq!(check(&case, picks), Ok(()), "{}", describe(picks));
        }
        let other = per_session(&case);
        prop_assert_eq!(
            &brute,
            &other,
            "\nbrute: {:?}\nother: {:?}\n{}",
            brute.as_ref().map(|p| describe(p)),
            other.as_ref().map(|p| describe(p)),
            case.to_toml()
        );
    }
}
