//! The runner's usual week, validated: what the planner plans around.
//!
//! `Schedule::parse` is the one place raw TOML becomes domain types: `raw.rs` mirrors
//! the file for serde, `parse.rs` checks every rule of input, each failure a
//! [`Diagnostic`] pointing at the offending text; nothing raw travels deeper. This
//! module holds the domain types.

use crate::clock::{Span, TimeOfDay};
use crate::date::Date;
use crate::day::Day;
use crate::diagnostic::{Collector, Diagnostic, Diagnostics};
use crate::lift::{Lift, Units};
use crate::rules;
use crate::zone::Zone;

mod parse;
pub(crate) mod raw;

pub(crate) use parse::bounded;
/// The keys a schedule file may hold, by table, as the parser reads them.
pub use raw::{ENTRY_KEYS, RUNNER_KEYS, SET_KEYS, TOP_KEYS};

/// The runner's training level, which decides exercise variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// New to lifting: bodyweight and goblet variants.
    Novice,
    /// The default.
    Intermediate,
    /// Experienced lifter: the templates as written, as for intermediate (the rules
    /// give no heavier loading than 1–2 reps in reserve for anyone).
    Advanced,
}

/// Whether a strength session carries heavy main lifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Stability, core and mobility: no loaded main lifts.
    Light,
    /// Loaded main lifts near 80–90 % of 1RM.
    Heavy,
}

impl Kind {
    /// `heavy` or `light`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Heavy => "heavy",
            Kind::Light => "light",
        }
    }
}

/// A run in the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The day it is listed under (it may end after midnight).
    pub day: Day,
    /// The run type's name, as in [`RUN_TYPES`].
    pub run_type: &'static str,
    /// When it happens.
    pub span: Span,
    /// Whether it is a hard session.
    pub hard: bool,
    /// Whether it is a key session (a race, or a hard run of 150 min or more): heavy
    /// lifting ideally stays 48 h from it.
    pub key: bool,
}

/// A strength session the runner has already fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    /// Its day.
    pub day: Day,
    /// Heavy or light, as written.
    pub kind: Kind,
    /// When it happens.
    pub span: Span,
}

/// Whether a hard day may hold strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HardDays {
    /// Strength goes on easy and rest days only.
    Never,
    /// A hard day may hold a session that starts 6 h or more after its last hard run.
    AfterRun,
}

/// Runner settings, defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Runner {
    /// Training level.
    pub level: Level,
    /// Sessions to aim for (2 or 3).
    pub sessions: u8,
    /// Length of a planned session, in minutes (30..=45).
    pub session_minutes: u32,
    /// Start of runs that give no `at`.
    pub run_time: TimeOfDay,
    /// Earliest start of a session.
    pub window_start: TimeOfDay,
    /// Latest end of a session.
    pub window_end: TimeOfDay,
    /// The start time to lean towards.
    pub preferred_lift_time: TimeOfDay,
    /// Units of load.
    pub units: Units,
    /// IANA time zone, if given.
    pub timezone: Option<Zone>,
    /// Weekly run minutes from which loads get lighter.
    pub high_volume_minutes: u32,
    /// Most heavy sessions a week (1..=3).
    pub heavy_max: u8,
    /// Least minutes between a session and any run (0..=180).
    pub changeover_minutes: u32,
    /// Whether a hard day may hold a session after its run.
    pub hard_days: HardDays,
    /// What the runner can train with (every item unless the file says).
    pub equipment: crate::equipment::Equipment,
}

impl Runner {
    /// Minutes from the window's opening to its close; a night window (start later
    /// than end) closes the next morning.
    pub fn window_minutes(&self) -> u32 {
        window_length(self.window_start, self.window_end)
    }
}

/// Minutes from `start` forward to `end` on the clock, 1..=1440 (equal times are a
/// whole day, which input validation refuses).
pub(crate) fn window_length(start: TimeOfDay, end: TimeOfDay) -> u32 {
    match (end.minutes() + rules::DAY_MINUTES - start.minutes()) % rules::DAY_MINUTES {
        0 => rules::DAY_MINUTES,
        length => length,
    }
}

/// One week that differs from the usual week: `[weeks."DATE"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekTable {
    /// The Monday of that week.
    pub monday: Date,
    /// The running plan's cutback week: strength deloads with it.
    pub cutback: bool,
    /// The days it replaces, Monday first; `None` keeps the usual day.
    pub days: [Option<DayPlan>; 7],
}

/// One day of the usual week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    /// Runs listed under this day, in start order.
    pub runs: Vec<Run>,
    /// Strength sessions the runner fixed on this day.
    pub pinned: Vec<Pinned>,
    /// `false` when the runner wrote `lift = false`.
    pub lift_allowed: bool,
}

impl Default for DayPlan {
    /// A rest day on which lifting is allowed: what a day missing from `[week]` is.
    fn default() -> Self {
        DayPlan {
            runs: Vec::new(),
            pinned: Vec::new(),
            lift_allowed: true,
        }
    }
}

/// A validated schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Any date inside the week to plan, if the file gives one.
    pub week_of: Option<Date>,
    /// Runner settings.
    pub runner: Runner,
    /// The lifts with a known 1RM, in file order.
    pub lifts: Vec<Lift>,
    /// Monday to Sunday: the usual week, or one week with its table applied.
    pub days: [DayPlan; 7],
    /// The weeks that differ from the usual one, in date order.
    pub weeks: Vec<WeekTable>,
    /// Whether `days` is a cutback week of the running plan (see [`Schedule::in_week`]).
    pub cutback: bool,
}

/// Settings from the command line that override the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--sessions`.
    pub sessions: Option<u8>,
    /// `--minutes`.
    pub session_minutes: Option<u32>,
}

impl Schedule {
    /// Parses and validates a schedule file's text. Every independent error is
    /// reported at once, in the order of the file; a TOML syntax error stops the
    /// reading, so it comes alone.
    pub fn parse(text: &str, overrides: Overrides) -> Result<Schedule, Diagnostics> {
        let mut errors = Collector::default();
        let schedule =
            raw::read(text, &mut errors).map(|raw| parse::schedule(raw, overrides, &mut errors));
        match errors.finish(schedule)? {
            Some(schedule) => Ok(schedule),
            // `read` gives nothing only with its error recorded; this is not reached.
            None => Err(Diagnostic::whole_file("the file could not be read").into()),
        }
    }

    /// The week of `monday`: the usual week with that week's `[weeks]` table applied.
    pub fn in_week(&self, monday: Date) -> Schedule {
        let mut week = self.clone();
        if let Some(table) = self.weeks.iter().find(|t| t.monday == monday) {
            week.cutback = table.cutback;
            for (day, replacement) in week.days.iter_mut().zip(&table.days) {
                if let Some(replacement) = replacement {
                    day.clone_from(replacement);
                }
            }
        }
        week
    }

    /// Every run of the week, Monday first.
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.days.iter().flat_map(|d| &d.runs)
    }

    /// Every hard run of the week, Monday first.
    pub fn hard_runs(&self) -> impl Iterator<Item = &Run> {
        self.runs().filter(|r| r.hard)
    }

    /// Every pinned session of the week, Monday first.
    pub fn pinned(&self) -> impl Iterator<Item = &Pinned> {
        self.days.iter().flat_map(|d| &d.pinned)
    }

    /// Total minutes of running in the week.
    pub fn run_minutes(&self) -> u32 {
        self.runs().map(|r| r.span.minutes).sum()
    }

    /// The 1RM `[lifts]` gives for `lift`, if it does.
    pub fn one_rep_max(&self, lift: Option<&str>) -> Option<f64> {
        lift.and_then(|key| self.lifts.iter().find(|l| l.key == key))
            .map(|l| l.one_rep_max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Schedule {
        Schedule::parse(text, Overrides::default()).unwrap_or_else(|d| panic!("{d:?}"))
    }

    fn error(text: &str) -> Diagnostic {
        Schedule::parse(text, Overrides::default())
            .expect_err("invalid schedule")
            .first()
            .clone()
    }

    #[test]
    fn an_empty_file_is_a_rest_week_with_every_default() {
        let s = parse("");
        assert_eq!(s.week_of, None);
        assert_eq!(s.runner.level, Level::Intermediate);
        assert_eq!(s.runner.sessions, 3);
        assert_eq!(s.runner.session_minutes, 40);
        assert_eq!(s.runner.run_time.to_string(), "07:00");
        assert_eq!(s.runner.window_start.to_string(), "06:00");
        assert_eq!(s.runner.window_end.to_string(), "21:00");
        assert_eq!(s.runner.preferred_lift_time.to_string(), "18:00");
        assert_eq!(s.runner.units, Units::Kg);
        assert_eq!(s.runner.high_volume_minutes, 360);
        assert!(s.days.iter().all(|d| d.runs.is_empty() && d.lift_allowed));
    }

    #[test]
    fn shorthand_runs_start_at_run_time_with_their_default_length() {
        let s = parse("[runner]\nrun_time = \"06:15\"\n[week]\nwed = \"easy\"\nsat = \"long\"\n");
        let wed = &s.days[Day::Wed.index()].runs[0];
        assert_eq!(
            (
                wed.span.start.time().to_string(),
                wed.span.minutes,
                wed.hard
            ),
            ("06:15".into(), 45, false)
        );
        let sat = &s.days[Day::Sat.index()].runs[0];
        assert_eq!((sat.span.minutes, sat.hard), (120, true));
    }

    #[test]
    fn full_day_names_and_hard_overrides_are_accepted() {
        let s = parse(
            "[week]\nTuesday = { run = \"long\", hard = false }\nfriday = { run = \"easy\", hard = true }\n",
        );
        assert!(!s.days[Day::Tue.index()].runs[0].hard);
        assert!(s.days[Day::Fri.index()].runs[0].hard);
    }

    #[test]
    fn doubles_are_sorted_and_lift_false_is_kept() {
        let s = parse(
            "[week]\nthu = [{ run = \"tempo\", at = \"18:00\" }, { run = \"easy\", at = \"07:00\", minutes = 30 }]\nfri = { run = \"rest\", lift = false }\n",
        );
        let thu: Vec<&str> = s.days[Day::Thu.index()]
            .runs
            .iter()
            .map(|r| r.run_type)
            .collect();
        assert_eq!(thu, ["easy", "tempo"]);
        assert!(!s.days[Day::Fri.index()].lift_allowed);
        assert!(s.days[Day::Fri.index()].runs.is_empty());
    }

    #[test]
    fn pinned_sessions_keep_kind_time_and_length() {
        let s = parse("[week]\nsun = [\"easy\", { strength = \"heavy\", at = \"17:00\" }]\n");
        let pinned: Vec<&Pinned> = s.pinned().collect();
        assert_eq!(pinned.len(), 1);
        assert_eq!(
            (pinned[0].day, pinned[0].kind, pinned[0].span.minutes),
            (Day::Sun, Kind::Heavy, 40)
        );
    }

    #[test]
    fn lifts_are_given_or_estimated_with_epley() {
        let s = parse("[lifts]\nback_squat = 100\nromanian_deadlift = { weight = 90, reps = 6 }\n");
        assert_eq!(s.lifts[0].one_rep_max, 100.0);
        assert!((s.lifts[1].one_rep_max - 108.0).abs() < 1e-9);
        assert_eq!(s.lifts[1].estimated_from, Some((90.0, 6)));
    }

    #[test]
    fn overrides_replace_the_file_and_are_checked_against_the_window() {
        let text =
            "[runner]\nsessions = 3\nsession_minutes = 30\nlift_window = [\"18:00\", \"18:40\"]\n";
        let s = Schedule::parse(
            text,
            Overrides {
                sessions: Some(2),
                session_minutes: Some(40),
            },
        )
        .expect("40 fits in 40");
        assert_eq!((s.runner.sessions, s.runner.session_minutes), (2, 40));
        let d = Schedule::parse(
            text,
            Overrides {
                sessions: None,
                session_minutes: Some(45),
            },
        )
        .expect_err("45 does not fit in 40");
        assert!(
            d.first().message.contains("holds no 45 min session"),
            "{}",
            d.first().message
        );
    }

    #[test]
    fn errors_point_at_the_offending_text() {
        let text = "[week]\ntue = { run = \"tempoo\" }\n";
        let d = error(text);
        assert_eq!(&text[d.span.clone().expect("has a span")], "\"tempoo\"");
        assert_eq!(d.help.as_deref(), Some("did you mean \"tempo\"?"));
    }

    /// Every error of `text`, as `line: message`, in the order reported.
    fn errors(text: &str) -> Vec<String> {
        let errors = Schedule::parse(text, Overrides::default()).expect_err("invalid schedule");
        let source = crate::diagnostic::Source {
            name: "s.toml",
            text,
        };
        errors
            .iter()
            .map(|d| {
                let line = d.span.as_ref().map_or(0, |s| source.position(s.start).line);
                format!("{line}: {}", d.message)
            })
            .collect()
    }

    #[test]
    fn independent_errors_are_all_reported_in_file_order() {
        let text = "[week]\nwed = \"jog\"\n[runner]\nlevel = \"beginner\"\nsesions = 3\n";
        assert_eq!(
            errors(text),
            [
                "2: unknown run type \"jog\"",
                "4: unknown level \"beginner\"",
                "5: unknown key \"sesions\""
            ]
        );
    }

    #[test]
    fn two_wrong_values_in_one_entry_are_two_errors() {
        assert_eq!(
            errors("[week]\ntue = { run = \"tempoo\", at = \"25:00\", minutes = \"60\" }\n"),
            [
                "2: unknown run type \"tempoo\"",
                "2: time \"25:00\" is out of range (00:00 to 23:59)",
                "2: expected a whole number, found string \"60\""
            ]
        );
    }

    #[test]
    fn a_misspelt_key_is_not_also_reported_missing() {
        assert_eq!(
            errors(
                "[week]\nsun = { strength = \"heavy\", time = \"17:00\" }\nmon = { rn = \"easy\" }\n"
            ),
            ["2: unknown key \"time\"", "3: unknown key \"rn\""]
        );
    }

    #[test]
    fn a_wrong_run_time_places_no_run_by_a_guess() {
        // With 07:00 in its place the two runs would overlap: that is not reported.
        let text = "[runner]\nrun_time = \"7am\"\n[week]\nthu = [\"easy\", { run = \"tempo\", at = \"07:30\" }]\n";
        assert_eq!(
            errors(text),
            ["2: time \"7am\" is not HH:MM (24-hour, like \"07:30\")"]
        );
        let text = "[runner]\nrun_time = 7\n[week]\nthu = [\"easy\", \"tempo\"]\n";
        assert_eq!(
            errors(text),
            ["2: expected a string in quotes, found integer `7`"]
        );
    }

    #[test]
    fn a_wrong_session_length_does_not_measure_the_window() {
        let text = "[runner]\nsession_minutes = 60\nlift_window = [\"18:00\", \"18:40\"]\n";
        assert_eq!(
            errors(text),
            ["2: session_minutes = 60 is out of range (30..=45)"]
        );
        let text = "[runner]\nsession_minutes = \"forty\"\nlift_window = [\"18:00\", \"18:40\"]\n";
        assert_eq!(errors(text).len(), 1);
    }

    #[test]
    fn a_day_given_twice_or_misnamed_is_still_checked() {
        let text = "[week]\nmon = \"easy\"\nmonday = \"jog\"\ntues = \"tempoo\"\n";
        assert_eq!(
            errors(text),
            [
                "3: mon is given twice",
                "3: unknown run type \"jog\"",
                "4: unknown day \"tues\"",
                "4: unknown run type \"tempoo\""
            ]
        );
    }

    #[test]
    fn every_misspelt_equipment_and_lift_is_reported() {
        let text = "[runner]\nequipment = [\"barbel\", \"bench\", \"kettlebells\"]\n[lifts]\nsquat = 100\nback_squat = { weight = 80 }\ndeadlift = -1\n";
        assert_eq!(
            errors(text),
            [
                "2: unknown equipment \"barbel\"",
                "2: unknown equipment \"kettlebells\"",
                "4: unknown lift \"squat\"",
                "5: missing key \"reps\"",
                "6: unknown lift \"deadlift\""
            ]
        );
    }

    #[test]
    fn a_weeks_table_with_a_wrong_date_still_has_its_days_checked() {
        let text = "[weeks.\"2027-02-30\"]\ncutback = \"yes\"\nsat = \"rce\"\n";
        assert_eq!(
            errors(text),
            [
                "1: 2027-02-30 does not exist: February 2027 has 28 days",
                "2: expected true or false for cutback",
                "3: unknown run type \"rce\""
            ]
        );
    }

    #[test]
    fn a_toml_time_or_date_where_a_string_goes_says_what_it_is() {
        let d = error("[week]\ntue = { run = \"tempo\", at = 06:30 }\n");
        assert_eq!(d.message, "expected a string in quotes, found time `06:30`");
        assert_eq!(
            d.help.as_deref(),
            Some("write the time in quotes: \"06:30\"")
        );
        let d = error("[week]\nmon = 2026-11-30\n");
        assert_eq!(
            d.message,
            "expected a run type (like \"easy\"), a table, or an array of them, found date `2026-11-30`"
        );
        let d = error("runner = 2026-11-30T07:00:00\n");
        assert_eq!(
            d.message,
            "expected a table of runner settings, found date-time `2026-11-30T07:00:00`"
        );
    }

    #[test]
    fn a_syntax_error_comes_alone() {
        assert_eq!(
            errors("[week]\nmon = \"jog\"\ntue = \n"),
            ["3: string values must be quoted, expected literal string"]
        );
    }

    #[test]
    fn a_run_crossing_midnight_overlaps_the_next_days_first_run() {
        let d = error(
            "[week]\nsat = { run = \"long\", at = \"23:00\", minutes = 120 }\nsun = { run = \"easy\", at = \"00:30\" }\n",
        );
        assert!(
            d.message
                .starts_with("this easy run (sun 00:30-01:15) overlaps the long run"),
            "{}",
            d.message
        );
    }
}
