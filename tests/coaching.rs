//! The coaching cases: a week a runner would write, the sessions a coach expects the
//! planner to pick, and why, one line each. Each case is a bullet of the placement v2
//! issue (a pick version 1 got wrong) or a rule of SPEC §3 a coach would check first.

use planner::plan::Plan;
use planner::schedule::Kind;
use planner::{Overrides, Schedule, plan_week};

use crate::util::root;

fn example(name: &str) -> Schedule {
    let path = root().join("examples").join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path).expect("the example exists");
    Schedule::parse(&text, Overrides::default()).expect("the example is valid")
}

fn schedule(text: &str) -> Schedule {
    Schedule::parse(text, Overrides::default()).expect("a valid schedule")
}

/// `wed 19:00 heavy`, one a session, in week order; pinned ones marked.
fn picks(plan: &Plan) -> Vec<String> {
    plan.sessions
        .iter()
        .map(|s| {
            let pinned = if s.pinned { " pinned" } else { "" };
            format!(
                "{} {} {}{pinned}",
                s.day,
                s.span.start.time(),
                s.kind.name()
            )
        })
        .collect()
}

fn expect(schedule: &Schedule, sessions: &[&str], why: &str) -> Plan {
    let plan = plan_week(schedule).expect("a plan");
    assert_eq!(picks(&plan), sessions, "{why}");
    plan
}

#[test]
fn dawn_hills_push_heavy_work_a_day_away_and_leave_the_evening_before_light() {
    // Version 1 put a heavy session Thu 20:15, 8 h 45 min before Friday's 05:45 hills.
    expect(
        &example("early-intervals"),
        &["wed 19:00 heavy", "thu 19:00 light", "sun 19:00 heavy"],
        "heavy sessions a day clear of the dawn runs; Thursday evening, 10 h before the hills, is light",
    );
}

#[test]
fn the_power_session_is_not_the_evening_before_intervals() {
    // Version 1 put box jumps and heavy squats Mon 20:15, 9 h 35 min before intervals.
    let plan = expect(
        &example("base-week"),
        &[
            "mon 18:00 light",
            "wed 17:15 heavy",
            "sun 17:00 heavy pinned",
        ],
        "Monday is light (Sunday's pinned heavy is the day before, intervals next morning); \
         Wednesday starts 17:15 to keep 24 h before Thursday's 18:00 tempo",
    );
    let wed = &plan.sessions[1];
    assert_eq!(wed.shortfall, Some(0));
    assert_eq!(wed.after.map(|g| g.minutes), Some(24 * 60 + 5));
}

#[test]
fn a_marathoner_never_lifts_heavy_two_days_running_and_keeps_the_changeover() {
    // Version 1: heavy Fri 07:45 and Sat 07:15, the Saturday one ending 5 min before a run.
    let schedule = example("marathoner");
    let plan = expect(
        &schedule,
        &["mon 17:30 light", "wed 08:30 heavy", "fri 07:30 heavy"],
        "heavy Wednesday and Friday, each at the start with the least shortfall from Thursday's tempo",
    );
    for s in &plan.sessions {
        for run in schedule.runs() {
            let gap_after = run.span.gap_to(s.span);
            let gap_before = s.span.gap_to(run.span);
            assert!(
                gap_after >= 30 && gap_before >= 30,
                "{} is too close to a run",
                s.day
            );
        }
    }
}

#[test]
fn a_beginner_lifts_at_the_time_they_asked_for() {
    // Version 1 lifted Monday 06:30 although the runner prefers 18:30.
    expect(
        &example("beginner"),
        &["mon 18:30 heavy", "thu 18:30 heavy"],
        "no hard runs: the preferred 18:30 on the two days furthest apart",
    );
}

#[test]
fn a_week_with_room_everywhere_lifts_at_the_preferred_time_and_two_heavy() {
    // Version 1 gave 06:15, 13:15 and 20:15 to spread sessions by the hour.
    expect(
        &schedule("[runner]\nsessions = 3\n"),
        &["mon 18:00 heavy", "wed 18:00 light", "fri 18:00 heavy"],
        "every day free: Mon, Wed, Fri at 18:00; heavy_max 2 makes the two furthest apart heavy",
    );
}

#[test]
fn a_masters_runner_with_heavy_max_1_gets_one_heavy_session() {
    // Version 1 made every session that may be heavy heavy: three beside three hard runs.
    expect(
        &schedule(
            "[runner]\nsessions = 3\nheavy_max = 1\n[week]\ntue = { run = \"intervals\", at = \"06:30\" }\n\
             wed = \"easy\"\nthu = { run = \"tempo\", at = \"18:00\" }\nsat = { run = \"long\", at = \"08:00\" }\nsun = \"easy\"\n",
        ),
        &["wed 18:00 light", "fri 18:00 light", "sun 18:00 heavy"],
        "the one heavy session goes where it is a full day from every hard run: Sunday",
    );
}

#[test]
fn the_default_week_keeps_a_third_session_light() {
    let plan = plan_week(&example("starter")).expect("a plan");
    let heavy = plan
        .sessions
        .iter()
        .filter(|s| s.kind == Kind::Heavy)
        .count();
    assert_eq!(heavy, 2, "heavy_max defaults to 2: {:?}", picks(&plan));
}

#[test]
fn a_weekend_only_lifter_can_train_after_the_long_run() {
    // Lifting only on weekends, with the long run on Saturday: no plan without after-run.
    let week = "[week]\nmon = { run = \"easy\", lift = false }\ntue = { run = \"intervals\", at = \"06:00\", lift = false }\n\
                wed = { run = \"easy\", lift = false }\nthu = { run = \"tempo\", at = \"06:00\", lift = false }\n\
                fri = { run = \"rest\", lift = false }\nsat = { run = \"long\", at = \"08:00\", minutes = 120 }\n\
                sun = { run = \"easy\", at = \"09:00\" }\n";
    let never = schedule(&format!("[runner]\nsessions = 2\n{week}"));
    assert_eq!(plan_week(&never).expect_err("only sunday").possible, 1);
    expect(
        &schedule(&format!(
            "[runner]\nsessions = 2\nhard_days = \"after-run\"\n{week}"
        )),
        &["sat 18:00 light", "sun 18:00 heavy"],
        "Saturday evening, 8 h after the long run, is light; Sunday, 32 h after it, takes the heavy work",
    );
}

#[test]
fn dawn_hard_runs_leave_the_evening_of_the_same_day_with_after_run() {
    let week = "[week]\nmon = { run = \"easy\", lift = false }\ntue = { run = \"intervals\", at = \"05:30\", minutes = 60 }\n\
                wed = { run = \"easy\", lift = false }\nthu = { run = \"hills\", at = \"05:30\", minutes = 50 }\n\
                fri = { run = \"rest\", lift = false }\nsat = { run = \"easy\", at = \"08:00\" }\n\
                sun = { run = \"long\", at = \"07:00\", minutes = 120 }\n";
    assert!(plan_week(&schedule(&format!("[runner]\nsessions = 3\n{week}"))).is_err());
    let plan = expect(
        &schedule(&format!(
            "[runner]\nsessions = 3\nhard_days = \"after-run\"\n{week}"
        )),
        &["tue 18:00 light", "thu 20:15 heavy", "sat 06:15 heavy"],
        "hard days hard: heavy the evening of Thursday's hills, as late as the window allows; \
         Saturday early, 24 h before the long run",
    );
    assert_eq!(plan.sessions[1].shortfall, Some(10 * 60 + 5));
}

#[test]
fn a_shift_worker_lifts_in_a_night_window_and_the_session_belongs_to_its_evening() {
    let plan = expect(
        &schedule(
            "[runner]\nsessions = 3\nlift_window = [\"22:00\", \"03:00\"]\npreferred_lift_time = \"23:30\"\nrun_time = \"16:00\"\n\
             [week]\nmon = \"easy\"\ntue = \"intervals\"\nwed = \"easy\"\nthu = \"tempo\"\nsat = \"long\"\n",
        ),
        &["wed 22:00 heavy", "fri 23:30 light", "sun 23:30 heavy"],
        "Sunday night is a day and a half from the long run and the next intervals; Wednesday opens \
         its window early to keep further from Thursday's tempo",
    );
    assert!(
        plan.sessions
            .iter()
            .all(|s| s.start_minutes() / 1440 == s.day.index() as u32)
    );
}

#[test]
fn spec_level_2_puts_heavy_work_the_morning_before_a_key_long_run() {
    // A case where SPEC §3 and a coach part ways, kept as SPEC says and reported on the
    // issue: only Thursday, Friday and Saturday are free; two heavy sessions need two
    // days apart, so Thursday and Saturday, and level 2 (more heavy sessions) outranks
    // level 3 (shortfall). Saturday 08:15 heavy is 23 h before the 150-minute key long
    // run, 24 h 55 min short of its 48 h ideal. A coach would make Saturday light; the
    // runner gets that with `heavy_max = 1`.
    let week = "[week]\ntue = { run = \"intervals\", at = \"06:30\" }\n\
                sat = \"easy\"\nsun = { run = \"long\", at = \"08:00\", minutes = 150 }\n\
                mon = { run = \"rest\", lift = false }\nwed = { run = \"rest\", lift = false }\n";
    let plan = expect(
        &schedule(&format!("[runner]\nsessions = 2\n{week}")),
        &["thu 18:00 heavy", "sat 08:15 heavy"],
        "SPEC: two heavy sessions beat one, whatever the shortfall",
    );
    assert_eq!(plan.sessions[1].shortfall, Some(24 * 60 + 55));
    expect(
        &schedule(&format!("[runner]\nsessions = 2\nheavy_max = 1\n{week}")),
        &["thu 18:00 heavy", "sat 18:00 light"],
        "with heavy_max = 1 the heavy session is Thursday, 62 h before the key long run",
    );
}

#[test]
fn a_tune_up_race_in_a_weeks_table_is_planned_around_in_that_week() {
    let usual = schedule(
        "[runner]\nsessions = 2\n[week]\ntue = { run = \"intervals\", at = \"06:30\" }\n\
         thu = { run = \"tempo\", at = \"18:00\" }\nsat = { run = \"long\", at = \"08:00\", minutes = 100 }\n\
         [weeks.\"2027-02-03\"]\ncutback = true\nsat = { run = \"race\", at = \"09:00\", minutes = 30 }\n",
    );
    let monday = planner::date::Date::constant(2027, 2, 1);
    let week = usual.in_week(monday);
    assert!(week.cutback);
    let race = week
        .runs()
        .find(|r| r.run_type == "race")
        .expect("the race replaces saturday");
    assert!(race.key && race.hard);
    let plan = plan_week(&week).expect("a plan");
    assert!(plan.deload, "a cutback week deloads the strength with it");
    for s in plan.sessions.iter().filter(|s| s.kind == Kind::Heavy) {
        assert!(
            s.span.gap_to(race.span) >= 48 * 60,
            "{} is too near the race",
            s.day
        );
    }
}

#[test]
fn a_sunday_night_session_after_midnight_carries_mondays_date() {
    // SPEC §3: a night-window session keeps its window's day in `day` and its real
    // date and time in `date` and `start`.
    let schedule = schedule(
        "week_of = 2026-11-30\n[runner]\nsessions = 2\nlift_window = [\"22:00\", \"03:00\"]\n\
         preferred_lift_time = \"01:00\"\n[week]\nmon = { run = \"rest\", lift = false }\n\
         tue = { run = \"rest\", lift = false }\nwed = { run = \"rest\", lift = false }\n\
         thu = { run = \"rest\", lift = false }\nfri = { run = \"rest\", lift = false }\n",
    );
    let plan = plan_week(&schedule).expect("a plan");
    let monday = planner::date::Date::constant(2026, 11, 30);
    let week = planner::render::Week {
        schedule: &schedule,
        plan: &plan,
        monday,
    };
    let mut out = Vec::new();
    planner::render::json::write(&week, &mut out).expect("renders");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let sunday = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .find(|s| s["day"] == "sun")
        .expect("a Sunday-night session");
    assert_eq!(sunday["date"], "2026-12-07");
    assert_eq!(sunday["start"], "2026-12-07T01:00");
}
