//! A coach's roster: 1,000 schedules planned by one process against the same 1,000
//! planned by 1,000 processes, side by side in one run, on the release binary.
//!
//!     cargo bench --bench roster            1,000 schedules
//!     cargo bench --bench roster -- 300     another number
//!
//! The schedules are the examples that have a plan, each in 52 different weeks, written
//! into a temporary folder. Both sides run `planner week … --format ics --output-dir`
//! and write the same files the same way; the rounds alternate A B B A so that a change
//! in the machine's load falls on both sides. The folder is in memory (`/dev/shm`) where
//! there is one, so that the figure is the planner's and not the disk's; a second run
//! on the disk under `target/` shows what every file's sync before its rename costs
//! (the roster's writer threads sync several files at once).
//! Target (issue 15): one process at least 5 times faster in total, in memory. Exits 1
//! if it is not, or if the two sides wrote different bytes.
//!
//! `cargo test --benches` runs it once with 20 schedules and no target, as a test.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The binary under test, built by cargo with the bench profile (release).
const PLANNER: &str = env!("CARGO_BIN_EXE_planner");

/// How many times faster one process must be, in total.
const TARGET_RATIO: f64 = 5.0;

/// Fixed, so that both sides write the same bytes.
const SOURCE_DATE_EPOCH: &str = "1795000000";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes --bench; `cargo test --benches` does not.
    let bench = args.iter().any(|a| a == "--bench");
    let words: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let count = match words.as_slice() {
        [] => {
            if bench {
                1000
            } else {
                20
            }
        }
        [n] if n.parse::<usize>().is_ok_and(|n| n > 0) => n.parse().unwrap_or(1000),
        // `cargo bench -- plan` names other benches' groups: nothing to do here.
        _ => return ExitCode::SUCCESS,
    };
    match run(count, bench) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("roster bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A folder removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The figures of one folder: total time of each side over every round.
struct Figures {
    one: Duration,
    many: Duration,
    rounds: u32,
}

impl Figures {
    fn ratio(&self) -> f64 {
        self.many.as_secs_f64() / self.one.as_secs_f64().max(f64::MIN_POSITIVE)
    }
}

fn run(count: usize, bench: bool) -> Result<bool, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let examples = feasible_examples(&root.join("examples"))?;
    let memory = Path::new("/dev/shm");
    let (base, kind) = if memory.is_dir() && writable(memory) {
        (memory.to_path_buf(), "in memory")
    } else {
        (std::env::temp_dir(), "temporary folder")
    };
    let load_before = load_average();
    println!(
        "roster: {count} schedules ({} examples with a plan, each in 52 weeks), \
         planner week --format ics --output-dir",
        examples.len()
    );
    let mut ok = true;
    let mut outputs_match = true;
    let rounds = if bench { 2 } else { 1 };
    let places: Vec<(PathBuf, &str, u32)> = if bench {
        vec![
            (base, kind, rounds),
            (
                PathBuf::from(env!("CARGO_TARGET_TMPDIR")),
                "on disk, every file synced before its rename",
                1,
            ),
        ]
    } else {
        vec![(base, kind, rounds)]
    };
    for (i, (base, kind, rounds)) in places.into_iter().enumerate() {
        let scratch = Scratch(base.join(format!("planner-roster-{}", std::process::id())));
        let _ = fs::remove_dir_all(&scratch.0);
        let names = write_roster(&scratch.0, &examples, count)?;
        let figures = measure(&scratch.0, &names, rounds)?;
        outputs_match &= same_outputs(&scratch.0, &names)?;
        println!("  {} ({kind}):", scratch.0.display());
        let per = |total: Duration| {
            total.as_secs_f64() * 1e6 / (count as f64 * f64::from(figures.rounds))
        };
        println!(
            "    one process, {count} schedules      {:>9.1} ms a round  {:>7.0} µs a schedule",
            figures.one.as_secs_f64() * 1e3 / f64::from(figures.rounds),
            per(figures.one)
        );
        println!(
            "    {count} processes, one schedule each {:>9.1} ms a round  {:>7.0} µs a schedule",
            figures.many.as_secs_f64() * 1e3 / f64::from(figures.rounds),
            per(figures.many)
        );
        let ratio = figures.ratio();
        if i == 0 && bench {
            let met = ratio >= TARGET_RATIO;
            ok &= met;
            println!(
                "    one process is {ratio:.1} × faster in total (target: at least {TARGET_RATIO} ×){}",
                if met { "" } else { " MISSED" }
            );
        } else {
            println!("    one process is {ratio:.1} × faster in total");
        }
    }
    println!(
        "  both sides wrote the same files: {}",
        if outputs_match { "yes" } else { "NO" }
    );
    println!(
        "  machine: {} cores, load average {} before, {} after",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_before,
        load_average()
    );
    Ok(ok && outputs_match)
}

/// The examples `planner week` plans with exit 0, as (name, text).
fn feasible_examples(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut examples = Vec::new();
    for path in paths {
        let status = Command::new(PLANNER)
            .args(["week".as_ref(), path.as_os_str()])
            .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run {PLANNER}: {e}"))?;
        if status.success() {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            examples.push((name, text));
        }
    }
    if examples.is_empty() {
        return Err("no example has a plan".to_owned());
    }
    Ok(examples)
}

/// Writes `count` schedules into `dir/in`: the examples in turn, each week of a year
/// in turn (the file's `week_of` replaced). Returns their file names.
fn write_roster(
    dir: &Path,
    examples: &[(String, String)],
    count: usize,
) -> Result<Vec<String>, String> {
    let input = dir.join("in");
    fs::create_dir_all(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let first = planner::date::Date::constant(2027, 1, 4);
    let mut names = Vec::with_capacity(count);
    for i in 0..count {
        let (example, text) = &examples[i % examples.len()];
        let week = planner::date::add_days(first, 7 * (i / examples.len() % 52) as i64);
        let body: String = text
            .lines()
            .filter(|line| !line.starts_with("week_of"))
            .map(|line| format!("{line}\n"))
            .collect();
        let name = format!("{i:04}-{example}.toml");
        fs::write(input.join(&name), format!("week_of = {week}\n{body}"))
            .map_err(|e| format!("{name}: {e}"))?;
        names.push(name);
    }
    Ok(names)
}

/// Runs both sides `rounds` times each, A B B A, into `dir/one` and `dir/many`.
fn measure(dir: &Path, names: &[String], rounds: u32) -> Result<Figures, String> {
    let mut figures = Figures {
        one: Duration::ZERO,
        many: Duration::ZERO,
        rounds,
    };
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for one in order {
            if one {
                figures.one += one_process(dir, names)?;
            } else {
                figures.many += many_processes(dir, names)?;
            }
        }
    }
    Ok(figures)
}

/// The planner, in `dir/in`, with the fixed stamp and its streams thrown away.
fn planner(dir: &Path) -> Command {
    let mut command = Command::new(PLANNER);
    command
        .current_dir(dir.join("in"))
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

const FLAGS: [&str; 3] = ["--format", "ics", "--output-dir"];

fn one_process(dir: &Path, names: &[String]) -> Result<Duration, String> {
    let mut command = planner(dir);
    command.arg("week").args(names).args(FLAGS).arg("../one");
    let start = Instant::now();
    let status = command.status().map_err(|e| e.to_string())?;
    let elapsed = start.elapsed();
    if !status.success() {
        return Err(format!("one process: {status}"));
    }
    Ok(elapsed)
}

fn many_processes(dir: &Path, names: &[String]) -> Result<Duration, String> {
    let start = Instant::now();
    for name in names {
        let status = planner(dir)
            .arg("week")
            .arg(name)
            .args(FLAGS)
            .arg("../many")
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("{name}: {status}"));
        }
    }
    Ok(start.elapsed())
}

/// Whether both sides wrote every calendar, byte for byte the same.
fn same_outputs(dir: &Path, names: &[String]) -> Result<bool, String> {
    for name in names {
        let file = Path::new(name).with_extension("ics");
        let read = |side: &str| {
            let path = dir.join(side).join(&file);
            fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        if read("one")? != read("many")? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether a file can be made in `dir`.
fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".planner-roster-probe-{}", std::process::id()));
    let made = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    made
}

/// The one-minute load average, or "unknown" off Linux.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}
