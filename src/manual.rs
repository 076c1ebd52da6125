//! The manual: what `planner man` prints, one roff page, planner(1).
//!
//! Every part is made from what the program itself uses, so the page cannot drift
//! from it: the subcommands and options from the clap definition (through
//! `clap_mangen`), the schedule file's bounds and defaults from `rules.rs` and the
//! lists the input checks use, the JSON fields from the output schemas, the CSV
//! columns from the CSV writer, and the exit codes from [`Exit`].
//!
//! One page rather than one per subcommand: the subcommands share the schedule file,
//! the output formats, the exit codes and the environment, which pages of their own
//! would repeat or send the reader away for; one page installs as one file, and a
//! search in the pager finds everything, as in the manuals of ripgrep, fd and just.

use std::borrow::Cow;

use clap::CommandFactory;
use clap_mangen::roff::{Roff, bold, italic, roman};
use serde_json::Value;

use crate::cli::Cli;
use crate::exit::Exit;
use planner::clock::TimeOfDay;
use planner::day::Day;
use planner::equipment::Item;
use planner::lift::LIFT_KEYS;
use planner::rules::{self, RUN_TYPES};

/// The manual page, as roff.
pub fn page() -> String {
    let mut command = Cli::command();
    command.build();
    let mut page = Page::default();
    let roff = &mut page;
    let version = command.get_version().unwrap_or_default().to_owned();
    roff.control(
        "TH",
        [
            "planner",
            "1",
            "",
            &format!("planner {version}"),
            "User Commands",
        ],
    );
    roff.control("SH", ["NAME"]);
    roff.text([roman(format!(
        "planner - {}",
        command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default()
    ))]);
    synopsis(roff, &command);
    description(roff);
    commands(roff, &command);
    global_options(roff, &command);
    schedule_file(roff);
    output_formats(roff);
    exit_status(roff);
    environment(roff);
    examples(roff, &command);
    see_also(roff);
    page.finish()
}

/// The page being written: roff made here, and roff that clap_mangen made.
#[derive(Default)]
struct Page {
    /// What is written so far.
    done: String,
    /// What is being written.
    roff: Roff,
}

impl Page {
    /// Adds roff that another generator wrote (its own preamble dropped).
    fn raw(&mut self, text: &str) {
        self.flush();
        self.done
            .push_str(text.strip_prefix(&preamble()).unwrap_or(text));
    }

    fn flush(&mut self) {
        let roff = std::mem::take(&mut self.roff).render();
        let roff = if self.done.is_empty() {
            roff.as_str()
        } else {
            roff.strip_prefix(&preamble()).unwrap_or(&roff)
        };
        self.done.push_str(roff);
    }

    fn finish(mut self) -> String {
        self.flush();
        self.done
    }
}

/// What the roff crate writes before a page: the apostrophe's definition.
fn preamble() -> String {
    Roff::new().render()
}

impl std::ops::Deref for Page {
    type Target = Roff;
    fn deref(&self) -> &Roff {
        &self.roff
    }
}

impl std::ops::DerefMut for Page {
    fn deref_mut(&mut self) -> &mut Roff {
        &mut self.roff
    }
}

/// The subcommands a reader runs: clap's own `help` is not one of them.
fn subcommands(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
}

/// `planner week [OPTIONS] [SCHEDULE]`, as clap writes the usage.
fn usage(sub: &clap::Command) -> String {
    let usage = sub.clone().render_usage().to_string();
    usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .trim()
        .to_owned()
}

fn synopsis(roff: &mut Page, command: &clap::Command) {
    roff.control("SH", ["SYNOPSIS"]);
    for sub in subcommands(command) {
        roff.text([bold(usage(sub))]);
        roff.control("br", []);
    }
}

fn description(roff: &mut Page) {
    roff.control("SH", ["DESCRIPTION"]);
    roff.text([roman(
        "planner reads a runner's usual week of runs from a TOML file, places 2 to 3 \
         strength sessions of 30 to 45 minutes on easy or rest days, keeps heavy lifts at \
         least 6 hours (ideally 24 to 48 hours) away from hard runs, prescribes the \
         exercises of each session, and prints the week as a table, JSON, iCalendar or CSV. \
         Over many weeks it periodizes: base, strength, power, a taper into a race, \
         maintenance after it.",
    )]);
    roff.control("PP", []);
    roff.text([roman(
        "Output goes to standard output, messages to standard error. Output is the same \
         byte for byte for the same input, flags and SOURCE_DATE_EPOCH.",
    )]);
}

/// One subsection per subcommand: usage, what it does, every argument and option as
/// clap_mangen writes them, and the examples of its --help.
fn commands(roff: &mut Page, command: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in subcommands(command) {
        roff.control("SS", [usage(sub).as_str()]);
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        roff.text([roman(about)]);
        for group in sub.get_groups().filter(|g| g.is_required_set()) {
            let members: Vec<String> = sub
                .get_arguments()
                .filter(|a| {
                    sub.get_groups().any(|g| {
                        g.get_id() == group.get_id() && g.get_args().any(|id| id == a.get_id())
                    })
                })
                .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                .collect();
            roff.control("PP", []);
            roff.text([roman(format!(
                "At least one of {} is required.",
                members.join(" and ")
            ))]);
        }
        let arguments: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !is_global(a))
            .collect();
        if !arguments.is_empty() {
            // clap_mangen writes the options of a page under `.SH OPTIONS`; here they
            // are a part of the subcommand's own subsection.
            let mut options = Vec::new();
            let only = sub
                .clone()
                .mut_args(|a| if is_global(&a) { a.hide(true) } else { a });
            if clap_mangen::Man::new(only)
                .render_options_section(&mut options)
                .is_ok()
            {
                let options = String::from_utf8_lossy(&options);
                let options = options.strip_prefix(&preamble()).unwrap_or(&options);
                let positional = arguments.iter().filter(|a| a.is_positional()).count();
                let label = match (positional, arguments.len() - positional) {
                    (0, _) => "Options:",
                    (_, 0) => "Arguments:",
                    _ => "Options and arguments:",
                };
                roff.control("PP", []);
                roff.text([bold(label)]);
                let mut text = String::new();
                for line in options.lines().filter(|l| !l.starts_with(".SH ")) {
                    text.push_str(line);
                    text.push('\n');
                }
                roff.raw(&text);
            }
        }
        if let Some(examples) = sub.get_after_help() {
            example_block(roff, &examples.to_string());
        }
    }
}

/// `--help`, `--version` and the global options: every subcommand takes them, so
/// they are listed once, under OPTIONS.
fn is_global(arg: &clap::Arg) -> bool {
    arg.is_global_set() || matches!(arg.get_id().as_str(), "help" | "version")
}

/// The options of the top command, as clap_mangen writes them.
fn global_options(roff: &mut Page, command: &clap::Command) {
    let mut options = Vec::new();
    if clap_mangen::Man::new(command.clone())
        .render_options_section(&mut options)
        .is_ok()
    {
        let options = String::from_utf8_lossy(&options);
        let options = options.strip_prefix(&preamble()).unwrap_or(&options);
        roff.raw(options);
        roff.control("PP", []);
        roff.text([roman(
            "Every subcommand takes these too, before or after its name.",
        )]);
    }
}

fn examples(roff: &mut Page, command: &clap::Command) {
    roff.control("SH", ["EXAMPLES"]);
    if let Some(examples) = command.get_after_help() {
        example_block(roff, &examples.to_string());
    }
    roff.text([roman("Each subcommand's examples are under COMMANDS.")]);
}

/// A `--help` epilogue such as "Examples:\n  planner …" as a heading and literal lines.
fn example_block(roff: &mut Page, text: &str) {
    let mut lines = text.lines();
    let heading = lines.next().unwrap_or_default();
    roff.control("PP", []);
    roff.text([bold(heading)]);
    roff.control("RS", []);
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(line.trim())]);
    }
    roff.control("fi", []);
    roff.control("RE", []);
}

/// How the value of a key of the schedule file is written and bounded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Takes {
    /// A whole number from `min` to `max`.
    Whole { min: u32, max: u32 },
    /// One of these strings.
    OneOf(Vec<&'static str>),
    /// Described in words.
    Words(Cow<'static, str>),
}

/// One key of the schedule file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    /// The table it belongs in: `""` for the top of the file, `runner`, `lifts.NAME`,
    /// `week.DAY`, `weeks.DATE`.
    pub table: &'static str,
    /// The key.
    pub name: &'static str,
    /// What it takes.
    pub value: Takes,
    /// Its default, in words.
    pub default: Cow<'static, str>,
    /// What it is for.
    pub about: &'static str,
}

/// `HH:MM` of a minute of the day.
fn clock(minutes: u32) -> String {
    TimeOfDay::wrapping(minutes).to_string()
}

/// Every key of the schedule file, table by table, with its default and range.
pub(crate) fn schedule_keys() -> Vec<Key> {
    use Takes::{OneOf, Whole, Words};
    let whole = |min: u8, max: u8| Whole {
        min: u32::from(min),
        max: u32::from(max),
    };
    let run_types: Vec<&'static str> = RUN_TYPES.iter().map(|r| r.name).collect();
    vec![
        Key {
            table: "",
            name: "week_of",
            value: Words(Cow::Owned(format!(
                "a TOML date, such as 2026-11-30, from {} to {}",
                planner::date::DAYS.start(),
                planner::date::DAYS.end()
            ))),
            default: Cow::Borrowed("the week that starts on the next Monday (today on a Monday)"),
            about: "Any date inside the week to plan; --week-of overrides it.",
        },
        Key {
            table: "",
            name: "runner",
            value: Words(Cow::Borrowed("a table: the runner's settings, below")),
            default: Cow::Borrowed("every setting at its default"),
            about: "Who the runner is and when they can lift.",
        },
        Key {
            table: "",
            name: "lifts",
            value: Words(Cow::Borrowed(
                "a table: a 1RM or a recent set for each lift, below",
            )),
            default: Cow::Borrowed("none: loads are given as % of 1RM and RIR only"),
            about: "What the runner lifts, to print loads.",
        },
        Key {
            table: "",
            name: "week",
            value: Words(Cow::Borrowed("a table with a key for each day, below")),
            default: Cow::Borrowed("a week of rest"),
            about: "The usual week of runs; it repeats, so gaps wrap from Sunday into Monday.",
        },
        Key {
            table: "",
            name: "weeks",
            value: Words(Cow::Borrowed(
                "tables named by a date inside the week they change, such as [weeks.\"2027-02-01\"]",
            )),
            default: Cow::Borrowed("none"),
            about: "Particular weeks that differ from the usual week; at most one table a week.",
        },
        Key {
            table: "runner",
            name: "level",
            value: OneOf(vec!["novice", "intermediate", "advanced"]),
            default: Cow::Borrowed("intermediate"),
            about: "Training level: a novice does lighter variants and fewer sets.",
        },
        Key {
            table: "runner",
            name: "sessions",
            value: whole(rules::SESSIONS_MIN, rules::SESSIONS_MAX),
            default: Cow::Owned(rules::SESSIONS_DEFAULT.to_string()),
            about: "Strength sessions to aim for each week, pinned ones included; --sessions overrides it.",
        },
        Key {
            table: "runner",
            name: "heavy_max",
            value: whole(rules::HEAVY_MAX_MIN, rules::SESSIONS_MAX),
            default: Cow::Owned(rules::HEAVY_MAX_DEFAULT.to_string()),
            about: "Most heavy sessions a week.",
        },
        Key {
            table: "runner",
            name: "session_minutes",
            value: Whole {
                min: rules::SESSION_MINUTES_MIN,
                max: rules::SESSION_MINUTES_MAX,
            },
            default: Cow::Owned(rules::SESSION_MINUTES_DEFAULT.to_string()),
            about: "Length of each planned session in minutes; --minutes overrides it.",
        },
        Key {
            table: "runner",
            name: "changeover_minutes",
            value: Whole {
                min: 0,
                max: rules::CHANGEOVER_MINUTES_MAX,
            },
            default: Cow::Owned(rules::CHANGEOVER_MINUTES_DEFAULT.to_string()),
            about: "Least time between a session and any run, to change, eat and travel.",
        },
        Key {
            table: "runner",
            name: "hard_days",
            value: OneOf(vec!["never", "after-run"]),
            default: Cow::Borrowed("never"),
            about: "Whether a hard day may hold a session that starts 6 h or more after its last hard run.",
        },
        Key {
            table: "runner",
            name: "run_time",
            value: Words(Cow::Borrowed("a time, \"HH:MM\", 24-hour")),
            default: Cow::Owned(format!("\"{}\"", clock(rules::RUN_TIME_DEFAULT))),
            about: "The start of runs that give no at.",
        },
        Key {
            table: "runner",
            name: "lift_window",
            value: Words(Cow::Owned(format!(
                "two times, [\"START\", \"END\"]: the earliest start and the latest end; a \
                 start later than the end is a night window that closes the next morning; \
                 the window must hold one session starting on the {}-minute grid",
                rules::START_GRID
            ))),
            default: Cow::Owned(format!(
                "[\"{}\", \"{}\"]",
                clock(rules::LIFT_WINDOW_START_DEFAULT),
                clock(rules::LIFT_WINDOW_END_DEFAULT)
            )),
            about: "When the runner can lift.",
        },
        Key {
            table: "runner",
            name: "preferred_lift_time",
            value: Words(Cow::Borrowed("a time, \"HH:MM\", 24-hour")),
            default: Cow::Owned(format!("\"{}\"", clock(rules::PREFERRED_LIFT_TIME_DEFAULT))),
            about: "The start the runner would choose when all else is equal.",
        },
        Key {
            table: "runner",
            name: "units",
            value: OneOf(vec!["kg", "lb"]),
            default: Cow::Borrowed("kg"),
            about: "The unit of every 1RM, set weight and printed load.",
        },
        Key {
            table: "runner",
            name: "equipment",
            value: Words(Cow::Owned(format!(
                "an array of {}; body weight is always there",
                Item::ALL.map(Item::name).join(", ")
            ))),
            default: Cow::Borrowed("all of them"),
            about: "What the runner can train with: every exercise comes in a variant it allows.",
        },
        Key {
            table: "runner",
            name: "timezone",
            value: Words(Cow::Borrowed(
                "an IANA time zone name, such as \"Europe/Madrid\"",
            )),
            default: Cow::Borrowed("none: calendar times are floating local times"),
            about: "The zone of the runner's clock; calendar events become UTC instants.",
        },
        Key {
            table: "runner",
            name: "high_volume_minutes",
            value: Whole {
                min: 0,
                max: rules::WEEK_MINUTES,
            },
            default: Cow::Owned(rules::HIGH_VOLUME_MINUTES_DEFAULT.to_string()),
            about: "Weekly run minutes from which the main lifts get lighter.",
        },
        Key {
            table: "lifts.NAME",
            name: "NAME",
            value: Words(Cow::Owned(format!(
                "one of {}: a 1RM above 0 and at most {}, or a recent set {{ weight, reps }}",
                LIFT_KEYS.join(", "),
                rules::LOAD_MAX
            ))),
            default: Cow::Borrowed("no load printed for that lift"),
            about: "The runner's one-rep max of a lift, in units.",
        },
        Key {
            table: "lifts.NAME",
            name: "weight",
            value: Words(Cow::Owned(format!(
                "above 0 and at most {}",
                rules::LOAD_MAX
            ))),
            default: Cow::Borrowed("required in a set"),
            about: "The weight of a recent set; the 1RM is estimated from it as weight x (1 + reps / 30), after Epley.",
        },
        Key {
            table: "lifts.NAME",
            name: "reps",
            value: Whole {
                min: 1,
                max: rules::ESTIMATE_REPS_MAX,
            },
            default: Cow::Borrowed("required in a set"),
            about: "The reps of that set.",
        },
        Key {
            table: "week",
            name: "DAY",
            value: Words(Cow::Owned(format!(
                "{} (or the full English names); each a run type, a table, or an array of at \
                 most {} of them (a double day)",
                Day::KEYS.join(", "),
                rules::ENTRIES_PER_DAY_MAX
            ))),
            default: Cow::Borrowed("a missing day is a rest day"),
            about: "The runs of a day, and the strength sessions the runner has fixed.",
        },
        Key {
            table: "week.DAY",
            name: "run",
            value: OneOf(run_types),
            default: Cow::Borrowed(
                "required in a run table; a plain string such as \"easy\" is { run = \"easy\" }",
            ),
            about: "The run type; the list below gives which are hard and their default lengths.",
        },
        Key {
            table: "week.DAY",
            name: "strength",
            value: OneOf(vec!["heavy", "light"]),
            default: Cow::Borrowed("required in a pinned session's table"),
            about: "A session the runner has already fixed (a club night, a coach's slot): planned around, and judged by check.",
        },
        Key {
            table: "week.DAY",
            name: "at",
            value: Words(Cow::Borrowed("a time, \"HH:MM\", 24-hour")),
            default: Cow::Borrowed("run_time for a run; required for a pinned session"),
            about: "When the run or the session starts.",
        },
        Key {
            table: "week.DAY",
            name: "minutes",
            value: Whole {
                min: 1,
                max: rules::ACTIVITY_MINUTES_MAX,
            },
            default: Cow::Owned(format!(
                "the run type's length; {} for a pinned session",
                rules::SESSION_MINUTES_DEFAULT
            )),
            about: "How long the run or the session lasts.",
        },
        Key {
            table: "week.DAY",
            name: "hard",
            value: OneOf(vec!["true", "false"]),
            default: Cow::Borrowed("the run type's"),
            about: "Whether the run is a hard (quality) run that strength keeps away from.",
        },
        Key {
            table: "week.DAY",
            name: "key",
            value: OneOf(vec!["true", "false"]),
            default: Cow::Owned(format!(
                "true for a race, or a hard run of {} minutes or more",
                rules::KEY_RUN_MINUTES
            )),
            about: "A key run keeps heavy lifting 48 h away; key = true makes the run hard, so it cannot go with hard = false.",
        },
        Key {
            table: "week.DAY",
            name: "lift",
            value: OneOf(vec!["true", "false"]),
            default: Cow::Borrowed("true"),
            about: "With lift = false, no strength goes on this day.",
        },
        Key {
            table: "weeks.DATE",
            name: "cutback",
            value: OneOf(vec!["true", "false"]),
            default: Cow::Borrowed("false"),
            about: "The running plan's cutback week: the strength deloads with it.",
        },
        Key {
            table: "weeks.DATE",
            name: "DAY",
            value: Words(Cow::Borrowed("as under [week]")),
            default: Cow::Borrowed("the usual week's day"),
            about: "Replaces that day of the usual week for that week only.",
        },
    ]
}

/// The heading of a table of the schedule file.
fn table_heading(table: &str) -> String {
    match table {
        "" => "At the top of the file".to_owned(),
        "lifts.NAME" => "[lifts]".to_owned(),
        "week.DAY" => {
            "A run or session table of a day: { run = ... } or { strength = ... }".to_owned()
        }
        "weeks.DATE" => "[weeks.\"DATE\"]".to_owned(),
        other => format!("[{other}]"),
    }
}

fn schedule_file(roff: &mut Page) {
    roff.control("SH", ["THE SCHEDULE FILE"]);
    roff.text([roman(format!(
        "A TOML file of at most {} KiB, UTF-8. Every key is optional unless it says \
         otherwise; an unknown key is an error. Bad input is reported with the file, line \
         and column, the offending text underlined, and a hint where one helps. \
         planner init writes a commented starter file.",
        rules::INPUT_BYTES_MAX / 1024
    ))]);
    let keys = schedule_keys();
    let mut table = None;
    for key in &keys {
        if table != Some(key.table) {
            table = Some(key.table);
            roff.control("SS", [table_heading(key.table).as_str()]);
        }
        roff.control("TP", []);
        roff.text([bold(key.name)]);
        roff.text([roman(key.about)]);
        roff.control("br", []);
        let value = match &key.value {
            Takes::Whole { min, max } => format!("a whole number from {min} to {max}"),
            Takes::OneOf(names) => format!("one of {}", names.join(", ")),
            Takes::Words(words) => words.to_string(),
        };
        roff.text([italic("Value: "), roman(value)]);
        roff.control("br", []);
        roff.text([italic("Default: "), roman(key.default.to_string())]);
    }
    roff.control("SS", ["Run types"]);
    roff.text([roman(
        "Hard runs are the quality sessions strength keeps away from; easy runs may share \
         a day with lifting. A hard run is a key run when it is a race or lasts long enough.",
    )]);
    for rule in RUN_TYPES {
        roff.control("TP", []);
        roff.text([bold(rule.name)]);
        let text = match (rule.name, rule.hard) {
            ("rest", _) => "no run".to_owned(),
            (_, hard) => format!(
                "{}, {} minutes{}",
                if hard { "hard" } else { "easy" },
                rule.default_minutes,
                if rule.key { ", a key run" } else { "" }
            ),
        };
        roff.text([roman(text)]);
    }
    roff.control("SS", ["Example"]);
    roff.control("nf", []);
    for line in include_str!("../examples/starter.toml").lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);
}

/// `text` with its first letter upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn output_formats(roff: &mut Page) {
    roff.control("SH", ["OUTPUT FORMATS"]);
    let formats: [(&str, &str); 4] = [
        (
            "text",
            "The default: the seven days in order, each with its runs (hard and key ones \
             marked) and its session (time, kind, minutes, gaps to the nearest hard runs), \
             then each session's exercises with sets x reps, % 1RM, load and reps in \
             reserve, and the notes and warnings. --explain adds the reasons.",
        ),
        (
            "json",
            "One object for scripts and CI fixtures, described field by field below. \
             planner schema week, block and check print its JSON Schema. Adding a field \
             keeps schema at 1; removing or changing one bumps it.",
        ),
        (
            "ics",
            "iCalendar (RFC 5545) for calendar apps: a published calendar (METHOD:PUBLISH) \
             named after its week or block, an event for every session with the exercises \
             in its description, and a stable UID, a LAST-MODIFIED and a SEQUENCE that \
             grows with the time of planning, so that importing a replanned week updates \
             its events instead of duplicating them. Without timezone times are floating \
             local times; with it they are UTC instants. --include-runs adds the runs, \
             --alarm a reminder.",
        ),
        (
            "csv",
            "A header and one row per session, for spreadsheets; cells a spreadsheet would \
             run as a formula are neutralised.",
        ),
    ];
    for (name, text) in formats {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    }
    if let Some((week, block)) = csv_headers() {
        roff.control("PP", []);
        roff.text([roman(format!("The CSV columns of planner week: {week}."))]);
        roff.control("PP", []);
        roff.text([roman(format!("The CSV columns of planner block: {block}."))]);
    }
    let mut shown = Vec::new();
    for (title, schema) in [
        (
            "planner week --format json",
            planner::render::json::schema(),
        ),
        (
            "planner block --format json",
            planner::render::json::block_schema(),
        ),
        (
            "planner check --format json",
            planner::render::check::schema(),
        ),
    ] {
        roff.control("SS", [title]);
        json_fields(roff, &schema, &mut shown);
    }
}

/// The CSV headers of a week and of a block, as the CSV writer writes them: made
/// from a week of rest, which always has a plan.
fn csv_headers() -> Option<(String, String)> {
    let schedule = planner::Schedule::parse("", planner::Overrides::default()).ok()?;
    let plan = planner::plan_week(&schedule).ok()?;
    let monday = planner::date::Date::new(2026, 11, 30).ok()?;
    let week = planner::render::Week {
        schedule: &schedule,
        plan: &plan,
        monday,
    };
    let mut week_csv = Vec::new();
    planner::render::csv::write(&week, &mut week_csv).ok()?;
    let block = planner::block::plan_block(
        &schedule,
        planner::template::Library::builtin(),
        planner::block::BlockOptions {
            first_monday: monday,
            weeks: Some(1),
            race: None,
            race_at: None,
            in_season: false,
        },
    )
    .ok()?;
    let mut block_csv = Vec::new();
    planner::render::csv::write_block(&block, &mut block_csv).ok()?;
    let header = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .next()
            .map(|line| line.replace(',', ", "))
    };
    Some((header(&week_csv)?, header(&block_csv)?))
}

/// Every object of a JSON Schema, the root first, each with its fields: name, type
/// and description, as the schema gives them. An object already in `shown` (from
/// the schema of another output) is only named.
fn json_fields(roff: &mut Page, schema: &Value, shown: &mut Vec<String>) {
    let defs = schema.get("$defs");
    let mut objects = vec![("".to_owned(), schema)];
    let mut again = Vec::new();
    if let Some(Value::Object(defs)) = defs {
        for (name, def) in defs {
            if def.get("properties").is_none() {
                continue;
            }
            if shown.contains(name) {
                again.push(name.as_str());
            } else {
                shown.push(name.clone());
                objects.push((name.clone(), def));
            }
        }
    }
    for (name, object) in objects {
        let object = match object.get("items") {
            Some(items) if object.get("properties").is_none() => {
                roff.text([
                    roman("An array with an entry for every file given, each a "),
                    bold(json_type(items, defs)),
                    roman("."),
                ]);
                continue;
            }
            _ => object,
        };
        let Some(Value::Object(properties)) = object.get("properties") else {
            continue;
        };
        if !name.is_empty() {
            roff.control("PP", []);
            roff.text([bold(name.as_str()), roman(": "), roman(described(object))]);
        } else {
            roff.text([roman(described(object))]);
            if !again.is_empty() {
                roff.text([roman(format!(
                    "Its {} objects are as above.",
                    again.join(", ")
                ))]);
            }
        }
        for (field, property) in properties {
            roff.control("TP", []);
            roff.text([
                bold(field.as_str()),
                roman(" ("),
                italic(json_type(property, defs)),
                roman(")"),
            ]);
            roff.text([roman(described(property))]);
        }
    }
}

/// A schema's description, or nothing.
fn described(schema: &Value) -> String {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A short name for the type a schema allows: `integer`, `string or null`,
/// `Session[]`; a string type of `defs` is spelled out (`heavy|light`, `YYYY-MM-DD`).
fn json_type(schema: &Value, defs: Option<&Value>) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        let def = defs.and_then(|d| d.get(name));
        return match def {
            Some(def) if def.get("properties").is_none() => json_type(def, defs),
            _ => name.to_owned(),
        };
    }
    if let Some(Value::Array(any)) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
        return any
            .iter()
            .map(|s| json_type(s, defs))
            .collect::<Vec<_>>()
            .join(" or ");
    }
    if let Some(value) = schema.get("const") {
        return value.to_string();
    }
    // A long list is in its own section (the lifts, under THE SCHEDULE FILE).
    match schema.get("enum") {
        Some(Value::Array(names)) if names.len() <= ENUM_SPELLED_MAX => {
            let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
            return names.join("|");
        }
        Some(_) => return "string".to_owned(),
        None => {}
    }
    if let Some(title) = schema.get("title").and_then(Value::as_str) {
        return title.to_owned();
    }
    let items = schema.get("items").map(|items| json_type(items, defs));
    let array = |items: &str| {
        if items.contains('|') {
            format!("array of {items}")
        } else {
            format!("{items}[]")
        }
    };
    match schema.get("type") {
        Some(Value::String(t)) if t == "array" => array(&items.unwrap_or_default()),
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .map(|t| match (t, &items) {
                ("array", Some(items)) => array(items),
                _ => t.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".to_owned(),
    }
}

/// The most names a type of the JSON section lists in place.
const ENUM_SPELLED_MAX: usize = 10;

/// What each exit code means, for the manual. A new [`Exit`] does not compile until
/// it is worded here.
fn meaning(exit: Exit) -> &'static str {
    match exit {
        Exit::Done => "done",
        Exit::BadInput => {
            "the input could not be read or is invalid (the message names file, line and \
             column), or the output could not be written"
        }
        Exit::Usage => "usage error: an unknown flag, a bad value, flags that do not go together",
        Exit::Infeasible => {
            "no plan satisfies the rules (the message says why, day by day), or check found \
             a violation, even when the reader of its output went away"
        }
    }
}

/// Every exit code, in order.
pub(crate) const EXITS: [Exit; 4] = [Exit::Done, Exit::BadInput, Exit::Usage, Exit::Infeasible];

fn exit_status(roff: &mut Page) {
    roff.control("SH", ["EXIT STATUS"]);
    for exit in EXITS {
        roff.control("TP", []);
        roff.text([bold(exit.code().to_string())]);
        roff.text([roman(capitalized(meaning(exit)))]);
    }
    // Worst first, as Exit::worst ranks them.
    let mut ranked = EXITS.to_vec();
    ranked.sort_by(|a, b| {
        if a == b {
            std::cmp::Ordering::Equal
        } else if a.worst(*b) == *a {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    let ranked: Vec<String> = ranked.iter().map(|e| e.code().to_string()).collect();
    roff.control("PP", []);
    roff.text([roman(format!(
        "With several schedules (check, or week and block with --output-dir), the code \
         is the worst of theirs, worst first: {}.",
        ranked.join(", ")
    ))]);
    roff.control("PP", []);
    roff.text([roman(
        "A closed pipe (planner week | head) ends quietly with 0, but never hides the \
         verdict of check.",
    )]);
}

fn environment(roff: &mut Page) {
    roff.control("SH", ["ENVIRONMENT"]);
    let variables = [
        (
            "SOURCE_DATE_EPOCH",
            "Seconds since 1970-01-01 that stand for now: today's date, which decides the \
             default week, and the calendar's DTSTAMP, LAST-MODIFIED and SEQUENCE. A value \
             that is not a whole number of seconds up to 9999-12-30 22:00 UTC is a usage error.",
        ),
        (
            "NO_COLOR",
            "When set to anything but the empty string, --color auto gives no colour.",
        ),
        (
            "TERM",
            "When dumb, --color auto gives no colour. Otherwise auto colours a terminal \
             only: text on standard output, messages on standard error; JSON, iCalendar \
             and CSV are never coloured.",
        ),
        (
            "COLUMNS",
            "The width text output is laid out for, when a positive whole number, also \
             into a pipe or a file; else the terminal's width, else 80 columns.",
        ),
    ];
    for (name, text) in variables {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    }
}

fn see_also(roff: &mut Page) {
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "The README, for how sessions are placed and prescribed and the research behind the \
         rules; planner exercises, for the exercise library; planner schema, for the JSON \
         Schema of each JSON output.",
    )]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use planner::schedule::{ENTRY_KEYS, RUNNER_KEYS, SET_KEYS, TOP_KEYS};
    use planner::{Overrides, Schedule};

    fn documented(table: &str) -> Vec<&'static str> {
        schedule_keys()
            .into_iter()
            .filter(|k| k.table == table)
            .map(|k| k.name)
            .collect()
    }

    /// The keys of each table that schedule/raw.rs reads, with a file that gives `KEY`.
    const TABLES: [(&str, &[&str], &str); 4] = [
        ("", TOP_KEYS, "KEY = 1\n"),
        ("runner", RUNNER_KEYS, "[runner]\nKEY = 1\n"),
        (
            "lifts.NAME",
            SET_KEYS,
            "[lifts]\nback_squat = { KEY = 1 }\n",
        ),
        ("week.DAY", ENTRY_KEYS, "[week]\nwed = { KEY = 1 }\n"),
    ];

    #[test]
    fn every_key_the_parser_accepts_is_in_the_manual() {
        let page = page();
        for (table, accepted, file) in TABLES {
            let keys = documented(table);
            for key in accepted {
                assert!(
                    keys.contains(key),
                    "{key} of [{table}] is not in the manual"
                );
                assert!(page.contains(&format!("\\fB{key}\\fR")), "{key}");
                // The list is the parser's: a key in it is read, not refused as unknown
                // (its value may still be of the wrong type).
                let text = file.replace("KEY", key);
                if let Err(errors) = Schedule::parse(&text, Overrides::default()) {
                    assert!(
                        errors.iter().all(|e| !e.message.starts_with("unknown key")),
                        "{text}: {:?}",
                        errors.first()
                    );
                }
            }
            // And nothing the parser would refuse: every documented key of the table
            // (other than the NAME and DAY placeholders) is in its list.
            for key in keys
                .iter()
                .filter(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            {
                assert!(
                    accepted.contains(key),
                    "the manual documents {key} in [{table}], which the parser refuses"
                );
            }
        }
        let unknown = Schedule::parse("[runner]\nlevle = 1\n", Overrides::default());
        assert!(
            unknown.is_err_and(|e| e.first().message.starts_with("unknown key")),
            "an unknown key is refused with the message this test looks for"
        );
    }

    /// A file with `line` in `table`, as the manual's key names it.
    fn file(table: &str, line: &str) -> String {
        match table {
            "" => format!("{line}\n"),
            "runner" => format!("[runner]\n{line}\n"),
            "week.DAY" => format!("[week]\nwed = {{ {line} }}\n"),
            "weeks.DATE" => format!("[weeks.\"2027-02-01\"]\n{line}\n"),
            other => panic!("no file for {other}"),
        }
    }

    /// `key = value` in the file of `key`'s table, the other keys of an entry filled in.
    fn parses(key: &Key, value: &str) -> bool {
        let text = match (key.table, key.name) {
            ("lifts.NAME", "weight") => {
                format!("[lifts]\nback_squat = {{ weight = {value}, reps = 5 }}\n")
            }
            ("lifts.NAME", "reps") => {
                format!("[lifts]\nback_squat = {{ weight = 80, reps = {value} }}\n")
            }
            ("week.DAY", "strength") => {
                format!("[week]\nwed = {{ strength = {value}, at = \"18:00\" }}\n")
            }
            ("week.DAY", "run") => file("week.DAY", &format!("run = {value}")),
            ("week.DAY", name) => {
                format!("[week]\nwed = {{ run = \"tempo\", {name} = {value} }}\n")
            }
            (table, name) => file(table, &format!("{name} = {value}")),
        };
        Schedule::parse(&text, Overrides::default()).is_ok()
    }

    #[test]
    fn every_range_in_the_manual_is_the_one_the_input_checks_apply() {
        let mut checked = 0;
        for key in schedule_keys() {
            if let Takes::Whole { min, max } = key.value {
                assert!(parses(&key, &min.to_string()), "{} = {min}", key.name);
                assert!(parses(&key, &max.to_string()), "{} = {max}", key.name);
                assert!(
                    !parses(&key, &(max + 1).to_string()),
                    "{} = {}",
                    key.name,
                    max + 1
                );
                assert!(
                    !parses(&key, &(i64::from(min) - 1).to_string()),
                    "{} below {min}",
                    key.name
                );
                checked += 1;
            }
        }
        assert!(checked >= 7, "{checked}");
    }

    #[test]
    fn every_value_the_manual_lists_is_accepted_and_others_are_not() {
        let mut checked = 0;
        for key in schedule_keys() {
            if let Takes::OneOf(values) = &key.value {
                for value in values {
                    let written = match *value {
                        "true" | "false" => (*value).to_owned(),
                        text => format!("\"{text}\""),
                    };
                    assert!(parses(&key, &written), "{} = {written}", key.name);
                    checked += 1;
                }
                let other = if values.contains(&"true") {
                    "\"yes\""
                } else {
                    "\"other\""
                };
                assert!(!parses(&key, other), "{} = {other}", key.name);
            }
        }
        assert!(checked >= 20, "{checked}");
    }

    #[test]
    fn the_cutback_key_and_full_day_names_are_accepted_as_documented() {
        assert!(parses(&schedule_keys()[0], "2026-11-30"));
        let text = "[weeks.\"2027-02-01\"]\ncutback = true\nsaturday = \"race\"\n[week]\nmonday = \"easy\"\n";
        assert!(Schedule::parse(text, Overrides::default()).is_ok());
        assert!(page().contains("(or the full English names)"));
    }

    #[test]
    fn every_subcommand_and_option_is_in_the_manual() {
        let page = page();
        let mut command = Cli::command();
        command.build();
        for sub in subcommands(&command) {
            assert!(
                page.contains(&format!(".SS \"planner {}", sub.get_name())),
                "{}",
                sub.get_name()
            );
            for arg in sub.get_arguments() {
                let shown = match arg.get_long() {
                    Some(long) => format!("\\-\\-{}", long.replace('-', "\\-")),
                    None => arg.get_id().as_str().to_uppercase(),
                };
                assert!(page.contains(&shown), "{} {shown}", sub.get_name());
            }
        }
    }

    #[test]
    fn the_manual_ranks_the_exit_codes_of_several_schedules_as_exit_does() {
        assert!(page().contains("the code is the worst of theirs, worst first: 2, 1, 3, 0."));
    }

    #[test]
    fn every_exit_code_is_in_the_manual_in_order() {
        let codes: Vec<u8> = EXITS.iter().map(|e| e.code()).collect();
        assert_eq!(codes, (0..codes.len() as u8).collect::<Vec<_>>());
        let page = page();
        let section = page
            .split(".SH \"EXIT STATUS\"")
            .nth(1)
            .expect("has exit codes");
        for exit in EXITS {
            assert!(
                section.contains(&format!(".TP\n\\fB{}\\fR", exit.code())),
                "{exit:?}"
            );
        }
    }

    #[test]
    fn the_page_names_the_csv_columns_and_every_json_field() {
        let page = page();
        assert!(
            page.contains("The CSV columns of planner week: date, day, start"),
            "csv"
        );
        for field in [
            "gap_before_hours",
            "percent_1rm",
            "deload_reason",
            "violations",
            "column",
        ] {
            assert!(page.contains(&format!("\\fB{field}\\fR")), "{field}");
        }
    }
}
