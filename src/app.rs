//! What each subcommand does, from parsed arguments to bytes on standard output.
//!
//! This is the edge of the program: it reads files and writes output. The clock and
//! the terminal are read once in `main` and come in as a [`Context`], so nothing
//! below this module reads either.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Mutex, mpsc};

use clap::CommandFactory;

use crate::cli::{
    BlockArgs, CheckArgs, Cli, Command, CompletionsArgs, ExercisesArgs, Format, InitArgs,
    ListFormat, PlanArgs, SchemaArgs, SchemaOf, WeekArgs,
};
use crate::exit::Exit;
use crate::output::{self, Destination, OutputDir};
use crate::terminal::Surface;
use planner::block::{BlockError, BlockOptions, plan_block};
use planner::date::Date;
use planner::diagnostic::{Diagnostic, escape_controls};
use planner::input::{Input, ReadError};
use planner::judge::Verdict;
use planner::render::check::{Checked, InputError};
use planner::render::{self, View, Week, ics::IcsOptions, text::TextOptions};
use planner::schedule::{Overrides, Schedule};
use planner::template::Library;

/// What the program knows of the world outside its arguments.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// Today, which decides the default week.
    pub today: Date,
    /// The calendar's `DTSTAMP`: `SOURCE_DATE_EPOCH` when set.
    pub stamp: jiff::Timestamp,
    /// How text shows on standard output: colour, and the terminal's width.
    pub stdout: Surface,
    /// How text shows in a file named by `--output`.
    pub file: Surface,
}

/// Why a command failed; each case has its exit code.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read or is invalid.
    Input(String),
    /// A schedule file could not be read or is invalid; the message names the file,
    /// and the line and column where there are some.
    InFile(String),
    /// No plan satisfies the rules, or `check` found a violation; already reported.
    Infeasible(String),
    /// Writing the output failed.
    Output(anyhow::Error),
    /// Flags that do not go together.
    Usage(String),
}

impl Failure {
    /// The exit code for this failure.
    pub fn exit(&self) -> Exit {
        match self {
            Failure::Input(_) | Failure::InFile(_) | Failure::Output(_) => Exit::BadInput,
            Failure::Infeasible(_) => Exit::Infeasible,
            Failure::Usage(_) => Exit::Usage,
        }
    }

    /// A reader that went away (`planner week | head`) is not an error.
    pub fn is_closed_pipe(&self) -> bool {
        let Failure::Output(error) = self else {
            return false;
        };
        error.chain().any(|cause| {
            cause
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Input(message)
            | Failure::InFile(message)
            | Failure::Infeasible(message)
            | Failure::Usage(message) => f.write_str(message),
            Failure::Output(error) => write!(f, "{error:#}"),
        }
    }
}

impl std::error::Error for Failure {}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error.into())
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::Output(error)
    }
}

/// Runs the command `cli` names.
pub fn run(cli: &Cli, context: Context) -> Result<(), Failure> {
    match &cli.command {
        Command::Week(args) => week(args, context),
        Command::Block(args) => block(args, context),
        Command::Check(args) => check(args),
        Command::Init(args) => init(args),
        Command::Exercises(args) => exercises(args, context),
        Command::Completions(args) => completions(args),
        Command::Schema(args) => schema(args),
        Command::Man => man(),
    }
}

/// Flags that only mean something in one format are refused in the others, rather
/// than silently ignored.
fn check_flags(options: &PlanArgs, explain_allowed: bool) -> Result<(), Failure> {
    let misfit = if options.explain && !(explain_allowed && options.format == Format::Text) {
        Some(if explain_allowed {
            "--explain goes with --format text"
        } else {
            "--explain is for planner week"
        })
    } else if options.include_runs && options.format != Format::Ics {
        Some("--include-runs goes with --format ics")
    } else if options.alarm.is_some() && options.format != Format::Ics {
        Some("--alarm goes with --format ics")
    } else {
        None
    };
    misfit.map_or(Ok(()), |m| Err(Failure::Usage(m.to_owned())))
}

/// What `week` and `block` share over every schedule of a run: the templates and
/// how to print.
struct Setup {
    library: Cow<'static, Library>,
    explain: bool,
    /// How text shows on standard output, and in a file.
    stdout: Surface,
    file: Surface,
    ics: IcsOptions,
}

impl Setup {
    fn new(options: &PlanArgs, context: Context) -> Result<Setup, Failure> {
        Ok(Setup {
            library: library(options.plans.as_deref())?,
            explain: options.explain,
            stdout: context.stdout,
            file: context.file,
            ics: IcsOptions {
                include_runs: options.include_runs,
                alarm_minutes: options.alarm,
                dtstamp: context.stamp,
            },
        })
    }

    /// Writes `view` in `format` into `out`, and returns what to print as warnings
    /// (a calendar's daylight-saving notes). Text gets standard output's colour and
    /// width, or a file's (a roster's files are files too).
    fn write(
        &self,
        format: Format,
        view: View<'_>,
        detail: bool,
        out: &mut Out<'_>,
    ) -> Result<Vec<String>, Failure> {
        let how = render::Options {
            text: self.text_for(out),
            detail,
            ics: self.ics,
        };
        out.write(|mut bytes| render::write(format, view, &how, &mut bytes))?;
        Ok(render::notes(format, view, &how))
    }

    /// The text options for `out`.
    fn text_for(&self, out: &Out<'_>) -> TextOptions {
        let surface = match out {
            Out::Direct(Destination::Stdout) => self.stdout,
            Out::Direct(Destination::File(_)) | Out::Memory(_) => self.file,
        };
        TextOptions {
            explain: self.explain,
            color: surface.color,
            width: surface.width,
        }
    }
}

/// Where one plan is written: straight to its destination, or into memory for a
/// writer thread of a roster.
enum Out<'a> {
    Direct(&'a Destination),
    Memory(&'a mut Vec<u8>),
}

impl Out<'_> {
    fn write(
        &mut self,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Failure> {
        match self {
            Out::Direct(destination) => destination.write(render).map_err(Failure::Output),
            Out::Memory(bytes) => render(*bytes).map_err(Failure::from),
        }
    }
}

/// Threads writing a roster's files. Each file is synced before it is renamed into
/// place; a few syncs at once let the file system commit them together, which on a
/// disk is most of the time a roster takes (about four times less, measured).
const WRITERS: usize = 4;

/// Where the plans of a run go: one destination for one schedule, or a file per
/// schedule in a folder.
enum Targets {
    One(Destination),
    Folder(OutputDir, Vec<std::path::PathBuf>),
}

/// Where each of `paths` is written, every name checked before anything is read.
fn targets(paths: &[std::path::PathBuf], options: &PlanArgs) -> Result<Targets, Failure> {
    let Some(dir) = &options.output_dir else {
        let [path] = paths else {
            return Err(Failure::Usage(format!(
                "{} schedules need --output-dir DIR, where each gets a file of its own; \
                 or plan them one at a time",
                paths.len()
            )));
        };
        let destination = Destination::from_flag(options.output.as_deref());
        if let Destination::File(output) = &destination {
            if path != Path::new("-") && output::same_file(output, path) {
                return Err(Failure::Usage(format!(
                    "--output {} names the schedule itself; the plan would replace it",
                    output.display()
                )));
            }
        }
        return Ok(Targets::One(destination));
    };
    let dir = OutputDir::new(dir).map_err(Failure::Usage)?;
    let files = dir
        .targets(paths, options.format.extension())
        .map_err(Failure::Usage)?;
    // Each path looked at once: a roster of a thousand is a thousand looks, not a million.
    let schedules: std::collections::HashMap<(u64, u64), &Path> = paths
        .iter()
        .filter(|p| *p != Path::new("-"))
        .filter_map(|p| output::file_id(p).map(|id| (id, p.as_path())))
        .collect();
    if !schedules.is_empty() {
        for file in &files {
            if let Some(path) = output::file_id(file).and_then(|id| schedules.get(&id)) {
                return Err(Failure::Usage(format!(
                    "--output-dir would write {} over the schedule {}",
                    file.display(),
                    path.display()
                )));
            }
        }
    }
    Ok(Targets::Folder(dir, files))
}

/// Plans each of `paths` with `one` into its target. One schedule fails as it always
/// did; in a folder, a schedule that fails is reported and the others are still
/// written, and the run ends with the worst outcome of them (see [`Exit::worst`]).
/// `one` returns the notes to print as warnings.
fn each_schedule(
    paths: &[std::path::PathBuf],
    options: &PlanArgs,
    context: Context,
    one: impl Fn(&Path, &Setup, &mut Out<'_>) -> Result<Vec<String>, Failure>,
) -> Result<(), Failure> {
    if let Some(date) = options.week_of {
        within_days(render::monday_of(date), 1)
            .map_err(|m| Failure::Usage(format!("--week-of {date}: {m}")))?;
    }
    let targets = targets(paths, options)?;
    let setup = Setup::new(options, context)?;
    let (dir, files) = match targets {
        Targets::One(destination) => {
            let [path] = paths else {
                return Err(Failure::Usage(
                    "one output for several schedules".to_owned(),
                ));
            };
            for note in one(path, &setup, &mut Out::Direct(&destination))? {
                warn(&note);
            }
            return Ok(());
        }
        Targets::Folder(dir, files) => (dir, files),
    };
    into_folder(paths, &dir, files, &setup, one)
}

/// Plans each of `paths` with `one` and writes it to its file of `files` in `dir`:
/// a schedule that fails is reported and the others are still written.
fn into_folder(
    paths: &[std::path::PathBuf],
    dir: &OutputDir,
    files: Vec<std::path::PathBuf>,
    setup: &Setup,
    one: impl Fn(&Path, &Setup, &mut Out<'_>) -> Result<Vec<String>, Failure>,
) -> Result<(), Failure> {
    dir.create()?;
    let mut worst = Exit::Done;
    let mut failed = 0;
    let name = |i: usize| match paths.get(i) {
        Some(path) if path != Path::new("-") => Cow::Owned(path.display().to_string()),
        _ => Cow::Borrowed("<stdin>"),
    };
    let mut report = |i: usize, failure: Failure| {
        failed += 1;
        worst = worst.worst(failure.exit());
        // A blank line after each file's report, as between errors in one.
        match &failure {
            // The message names the file, and where in it.
            Failure::InFile(message) => say("error", &format!("{message}\n")),
            other => say("error", &format!("{}: {other}\n", name(i))),
        }
    };
    // Held off for the whole roster: a signal ends it after the schedule at hand, once
    // every file being written is whole or removed (dropping this re-raises it).
    let interrupts = output::Interrupts::watch();
    let (jobs, queue) = mpsc::sync_channel::<(usize, std::path::PathBuf, Vec<u8>)>(WRITERS);
    let queue = Mutex::new(queue);
    let (done, results) = mpsc::channel::<(usize, anyhow::Result<()>)>();
    // Planned here one after another, written by the writers as they come: at most
    // WRITERS plans wait in memory while WRITERS more are written.
    std::thread::scope(|scope| {
        for _ in 0..WRITERS {
            let (queue, done) = (&queue, done.clone());
            scope.spawn(move || {
                // One writer waits on the queue, the others on the lock.
                while let Some((i, file, bytes)) =
                    queue.lock().ok().and_then(|queue| queue.recv().ok())
                {
                    let written = output::replace(&file, |out| out.write_all(&bytes));
                    if done.send((i, written)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        for (i, (path, file)) in paths.iter().zip(files).enumerate() {
            if interrupts.caught() {
                break;
            }
            let mut bytes = Vec::new();
            match one(path, setup, &mut Out::Memory(&mut bytes)) {
                Ok(notes) => {
                    for note in notes {
                        warn(&format!("{}: {note}", name(i)));
                    }
                    if jobs.send((i, file, bytes)).is_err() {
                        report(i, Failure::Output(anyhow::anyhow!("no writer is left")));
                    }
                }
                Err(failure) => report(i, failure),
            }
            while let Ok((i, written)) = results.try_recv() {
                if let Err(error) = written {
                    report(i, Failure::Output(error));
                }
            }
        }
        drop(jobs);
        for (i, written) in results {
            if let Err(error) = written {
                report(i, Failure::Output(error));
            }
        }
    });
    drop(interrupts);
    let total = paths.len();
    let written = total - failed;
    let files = |n: usize| if n == 1 { "file" } else { "files" };
    let folder = dir.path().display();
    if failed == 0 {
        say(
            "wrote",
            &format!("{written} {} in {folder}", files(written)),
        );
        return Ok(());
    }
    let message = format!(
        "{failed} of {total} schedules failed; {written} {} written in {folder}",
        files(written)
    );
    Err(match worst {
        Exit::Infeasible => Failure::Infeasible(message),
        Exit::Usage => Failure::Usage(message),
        Exit::Done | Exit::BadInput => Failure::Input(message),
    })
}

/// One schedule read and checked, with the Monday its plan starts on: `--week-of`,
/// else the file's `week_of`, else the next Monday.
fn load(path: &Path, options: &PlanArgs, context: Context) -> Result<(Schedule, Date), Failure> {
    let (schedule, input) = schedule(path, options)?;
    let monday = match options.week_of {
        Some(date) => render::monday_of(date),
        None => match schedule.week_of {
            Some(date) => {
                let monday = render::monday_of(date);
                within_days(monday, 1).map_err(|_| {
                    at_week_of(
                        &input,
                        format!(
                            "the week of {date} runs outside the dates planner writes, {} to {}",
                            render::DAYS.start(),
                            render::DAYS.end()
                        ),
                    )
                })?;
                monday
            }
            None => render::next_monday(context.today).ok_or_else(|| {
                Failure::Input(format!(
                    "today is {}, and the next Monday is past the last date planner \
                     writes, {}",
                    context.today,
                    render::DAYS.end()
                ))
            })?,
        },
    };
    Ok((schedule, monday))
}

/// The error `message` about the schedule's `week_of`, pointing at it in the file.
fn at_week_of(input: &Input, message: String) -> Failure {
    /// Only `week_of`, with its place; the rest of the file was checked already.
    #[derive(serde::Deserialize)]
    struct WeekOf {
        week_of: Option<toml::Spanned<toml::value::Datetime>>,
    }
    let span = toml::from_str::<WeekOf>(&input.text)
        .ok()
        .and_then(|w| w.week_of)
        .map(|w| w.span());
    let diagnostic = match span {
        Some(span) => Diagnostic::new(message, span),
        None => Diagnostic::whole_file(message),
    };
    Failure::InFile(input.source().render(&diagnostic).to_string())
}

/// Refuses `weeks` weeks from `monday` unless every day is one the formats can write.
fn within_days(monday: Date, weeks: usize) -> Result<(), String> {
    let days = i64::try_from(weeks).unwrap_or(i64::MAX).saturating_mul(7);
    let last = planner::date::checked_add_days(monday, days.saturating_sub(1));
    match last {
        Some(last) if render::DAYS.contains(&monday) && render::DAYS.contains(&last) => Ok(()),
        _ => Err(format!(
            "the plan would run from {monday} {}, but planner writes dates from {} to {} \
             only",
            // Past the last date there is, the end has no date to name.
            last.map_or_else(
                || format!("into the year {}", i32::from(render::DAYS.end().year()) + 1),
                |d| format!("to {d}")
            ),
            render::DAYS.start(),
            render::DAYS.end()
        )),
    }
}

/// Prints a warning on standard error, control characters escaped; a standard error
/// that cannot be written must not end the run.
fn warn(message: &str) {
    say("warning", message);
}

/// Prints `label: message` on standard error, as [`warn`] does; the label is painted
/// when standard error takes colour.
fn say(label: &str, message: &str) {
    use std::io::Write;
    let _ = writeln!(
        anstream::stderr().lock(),
        "{} {}",
        crate::terminal::label(label),
        escape_controls(message)
    );
}

fn week(args: &WeekArgs, context: Context) -> Result<(), Failure> {
    let options = &args.plan;
    check_flags(options, true)?;
    each_schedule(
        &args.schedules,
        options,
        context,
        |path, setup, destination| {
            let (schedule, monday) = load(path, options, context)?;
            within_days(monday, 1).map_err(Failure::Input)?;
            // The week's own `[weeks]` table, if it has one, replaces its days.
            let schedule = schedule.in_week(monday);
            let plan = planner::plan_week_with(&schedule, &setup.library)
                .map_err(|e| Failure::Infeasible(e.to_string()))?;
            let week = Week {
                schedule: &schedule,
                plan: &plan,
                monday,
            };
            setup.write(options.format, View::Week(week), false, destination)
        },
    )
}

fn block(args: &BlockArgs, context: Context) -> Result<(), Failure> {
    let options = &args.plan;
    check_flags(options, true)?;
    if let Some(race) = args.race {
        within_days(render::monday_of(race.date), 1)
            .map_err(|m| Failure::Usage(format!("--race {}: {m}", race.date)))?;
    }
    each_schedule(
        &args.schedules,
        options,
        context,
        |path, setup, destination| {
            let (schedule, monday) = load(path, options, context)?;
            let block_options = BlockOptions {
                first_monday: monday,
                weeks: args.weeks,
                race: args.race.map(|r| r.date),
                race_at: args.race.and_then(|r| r.at),
                in_season: args.in_season,
            };
            let block =
                plan_block(&schedule, &setup.library, block_options).map_err(|e| match e {
                    BlockError::Infeasible(_) | BlockError::WeekInfeasible { .. } => {
                        Failure::Infeasible(e.to_string())
                    }
                    other => Failure::Input(other.to_string()),
                })?;
            within_days(monday, block.weeks.len()).map_err(Failure::Input)?;
            setup.write(
                options.format,
                View::Block(&block),
                args.detail,
                destination,
            )
        },
    )
}

/// Reads and validates a schedule file with the command line's overrides.
fn schedule(path: &Path, options: &PlanArgs) -> Result<(Schedule, Input), Failure> {
    let input = read(path)?;
    let overrides = Overrides {
        sessions: options.sessions,
        session_minutes: options.minutes,
    };
    match Schedule::parse(&input.text, overrides) {
        Ok(schedule) => Ok((schedule, input)),
        Err(d) => Err(Failure::InFile(input.source().render_all(&d).to_string())),
    }
}

fn check(args: &CheckArgs) -> Result<(), Failure> {
    let mut files = Vec::new();
    // The errors of the files that cannot be judged, as standard error shows them.
    let mut unreadable = Vec::new();
    for path in &args.schedules {
        let input = match Input::read(path) {
            Ok(input) => input,
            Err(ReadError::Io(name, e)) => {
                let message = format!("cannot read {name}: {e}");
                files.push(Checked::Invalid {
                    file: name,
                    errors: vec![InputError::whole_file(message.clone())],
                });
                unreadable.push(message);
                continue;
            }
            Err(ReadError::Invalid(input, d)) => {
                let source = input.source();
                unreadable.push(source.render(&d).to_string());
                files.push(Checked::Invalid {
                    file: input.name.clone(),
                    errors: vec![InputError::of(&source, &d)],
                });
                continue;
            }
        };
        match Schedule::parse(&input.text, Overrides::default()) {
            Ok(schedule) => files.push(Checked::Judged(Verdict::of(input.name, &schedule))),
            Err(diagnostics) => {
                let source = input.source();
                unreadable.push(source.render_all(&diagnostics).to_string());
                files.push(Checked::Invalid {
                    file: input.name.clone(),
                    errors: diagnostics
                        .iter()
                        .map(|d| InputError::of(&source, d))
                        .collect(),
                });
            }
        }
    }
    // A reader that went away may end the output, never the verdict: a CI gate
    // piping `check` into `head` must still see exit 3.
    let written = Destination::Stdout.write(|mut out| match args.format {
        ListFormat::Json => render::check::write_json(&files, &mut out),
        ListFormat::Text => render::check::write_text(&files, &mut out),
    });
    if let Err(error) = written {
        let error = Failure::Output(error);
        if !error.is_closed_pipe() {
            return Err(error);
        }
    }
    if let Some((last, rest)) = unreadable.split_last() {
        for message in rest {
            say("error", message);
        }
        return Err(Failure::Input(last.clone()));
    }
    let failed = files.iter().filter(|f| !f.ok()).count();
    if failed > 0 {
        let files = if failed == 1 {
            "1 file breaks"
        } else {
            "files break"
        };
        let count = if failed == 1 {
            String::new()
        } else {
            format!("{failed} ")
        };
        return Err(Failure::Infeasible(format!("{count}{files} the rules")));
    }
    Ok(())
}

/// The schedule `week` and `block` plan when none is named, and `init` writes.
const DEFAULT_SCHEDULE: &str = "schedule.toml";

/// The starter schedule `init` writes: also `examples/starter.toml`, so it is
/// planned and checked like every example.
const STARTER: &str = include_str!("../examples/starter.toml");

fn init(args: &InitArgs) -> Result<(), Failure> {
    if args.file == Path::new("-") {
        Destination::Stdout.write(|out| out.write_all(STARTER.as_bytes()))?;
        return Ok(());
    }
    if args.force {
        output::replace(&args.file, |out| out.write_all(STARTER.as_bytes()))?;
    } else if args.file.exists() {
        return Err(Failure::Input(format!(
            "{} already exists; pass --force to replace it",
            args.file.display()
        )));
    } else {
        output::create_new(&args.file, STARTER.as_bytes())?;
    }
    say(
        "wrote",
        &format!(
            "{}; plan it with: planner week {}",
            args.file.display(),
            args.file.display()
        ),
    );
    Ok(())
}

fn exercises(args: &ExercisesArgs, context: Context) -> Result<(), Failure> {
    let library = library(args.plans.as_deref())?;
    Destination::Stdout.write(|mut out| match args.format {
        ListFormat::Text => render::library::write_text(&library, context.stdout.width, &mut out),
        ListFormat::Json => render::library::write_json(&library, &mut out),
    })?;
    Ok(())
}

fn completions(args: &CompletionsArgs) -> Result<(), Failure> {
    let mut command = Cli::command();
    // `generate` panics when its writer fails (a closed pipe, a full disk), so the
    // script is made in memory and written as any other output.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "planner", &mut script);
    Destination::Stdout.write(|out| out.write_all(&script))?;
    Ok(())
}

fn schema(args: &SchemaArgs) -> Result<(), Failure> {
    let schema = match args.output {
        SchemaOf::Week => render::json::schema(),
        SchemaOf::Block => render::json::block_schema(),
        SchemaOf::Check => render::check::schema(),
    };
    Destination::Stdout.write(|mut out| render::schema::write(&schema, &mut out))?;
    Ok(())
}

fn man() -> Result<(), Failure> {
    let page = crate::manual::page();
    Destination::Stdout.write(|out| out.write_all(page.as_bytes()))?;
    Ok(())
}

/// The templates from `--plans DIR`, or the built-in ones.
fn library(dir: Option<&Path>) -> Result<Cow<'static, Library>, Failure> {
    match dir {
        None => Ok(Cow::Borrowed(Library::builtin())),
        Some(dir) => {
            let mut files = Vec::new();
            for path in toml_files(dir)? {
                let input = read(&path)?;
                files.push((input.name, input.text));
            }
            Library::from_files(files)
                .map(Cow::Owned)
                .map_err(|e| Failure::Input(e.to_string()))
        }
    }
}

/// The `*.toml` files in `dir`, sorted.
fn toml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, Failure> {
    let cannot = |e: io::Error| Failure::Input(format!("cannot read {}: {e}", dir.display()));
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            // A named pipe would block the read forever, a folder cannot be read.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => paths.push(path),
                Ok(_) => warn(&format!("skipping {}: not a regular file", path.display())),
                Err(e) => warn(&format!("skipping {}: {e}", path.display())),
            }
        }
    }
    if paths.is_empty() {
        return Err(Failure::Input(format!(
            "{}: no *.toml templates in this folder",
            dir.display()
        )));
    }
    paths.sort();
    Ok(paths)
}

fn read(path: &Path) -> Result<Input, Failure> {
    Input::read(path).map_err(|error| match error {
        // The schedule `week` and `block` read when none is named: a first run.
        ReadError::Io(name, e)
            if e.kind() == io::ErrorKind::NotFound && path == Path::new(DEFAULT_SCHEDULE) =>
        {
            Failure::InFile(format!(
                "cannot read {name}: {e}\n  = help: write a starter schedule with: planner init \
                 (or name a schedule file)"
            ))
        }
        ReadError::Io(name, e) => Failure::InFile(format!("cannot read {name}: {e}")),
        ReadError::Invalid(input, d) => Failure::InFile(input.source().render(&d).to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_file_is_shown_as_a_file_not_as_the_terminal() {
        let terminal = Surface {
            color: true,
            width: 120,
        };
        let file = Surface {
            color: false,
            width: 80,
        };
        let context = Context {
            today: Date::default(),
            stamp: jiff::Timestamp::default(),
            stdout: terminal,
            file,
        };
        // From the parser, so that a flag added to PlanArgs needs no change here.
        let cli = <Cli as clap::Parser>::try_parse_from(["planner", "week"]).expect("parses");
        let Command::Week(args) = cli.command else {
            panic!("not week")
        };
        let options = args.plan;
        let setup = Setup::new(&options, context).expect("the built-in templates");
        let shown = |out: &Out<'_>| {
            let text = setup.text_for(out);
            (text.color, text.width)
        };
        assert_eq!(shown(&Out::Direct(&Destination::Stdout)), (true, 120));
        let named = Destination::File("week.txt".into());
        assert_eq!(shown(&Out::Direct(&named)), (false, 80));
        assert_eq!(shown(&Out::Memory(&mut Vec::new())), (false, 80));
    }

    #[test]
    fn every_format_has_an_extension_of_its_own() {
        let all = [Format::Text, Format::Json, Format::Ics, Format::Csv];
        let extensions: std::collections::BTreeSet<_> =
            all.into_iter().map(Format::extension).collect();
        assert_eq!(extensions.len(), all.len());
        assert_eq!(Format::Text.extension(), "txt");
    }
}
