//! Runs the `planner` binary and checks what it printed, as one readable chain:
//! arguments → expected stdout, stderr and exit code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root, where `examples/` and `tests/` live.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One run of the binary.
pub struct Run {
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    dir: PathBuf,
    data_cap_kib: Option<u64>,
    closed_stdout: bool,
}

/// What the binary did.
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A run of `planner` with these arguments, from the repository root.
pub fn planner<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    Run {
        args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
        stdin: None,
        env: Vec::new(),
        dir: root().to_path_buf(),
        data_cap_kib: None,
        closed_stdout: false,
    }
}

impl Run {
    /// Feeds `bytes` on standard input.
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Runs in `dir` instead of the repository root.
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.dir = dir.to_path_buf();
        self
    }

    /// Runs with the process's memory capped at `mib` MiB (`ulimit -d`: its heap and
    /// every private mapping), so a run that would need more aborts instead of passing.
    pub fn memory_cap_mib(mut self, mib: u64) -> Self {
        self.data_cap_kib = Some(mib * 1024);
        self
    }

    /// Closes the reading end of standard output as soon as the binary starts, as
    /// `planner … | head -c1` does once it has its byte: every write gets a broken pipe.
    pub fn closed_stdout(mut self) -> Self {
        self.closed_stdout = true;
        self
    }

    /// Runs the binary to completion.
    pub fn run(self) -> Outcome {
        let binary = env!("CARGO_BIN_EXE_planner");
        let mut command = match self.data_cap_kib {
            None => Command::new(binary),
            Some(kib) => {
                let mut shell = Command::new("sh");
                shell
                    .arg("-c")
                    .arg(format!("ulimit -d {kib} && exec \"$0\" \"$@\""))
                    .arg(binary);
                shell
            }
        };
        command
            .args(&self.args)
            .current_dir(&self.dir)
            .env_remove("NO_COLOR")
            // Text is laid out for 80 columns unless a test asks for another width.
            .env_remove("COLUMNS")
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("planner starts");
        if self.closed_stdout {
            drop(child.stdout.take());
        }
        if let Some(bytes) = &self.stdin {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            pipe.write_all(bytes).expect("stdin takes the bytes");
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().expect("planner ends");
        Outcome {
            code: status
                .code()
                .expect("planner exits with a code, not a signal"),
            stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
        }
    }
}

impl Outcome {
    /// Asserts the exit code, showing both streams when it is wrong.
    #[track_caller]
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts standard output is exactly `expected`.
    #[track_caller]
    pub fn stdout(self, expected: &str) -> Self {
        assert_eq!(self.stdout, expected, "stdout");
        self
    }

    /// Asserts standard error is exactly `expected`.
    #[track_caller]
    pub fn stderr(self, expected: &str) -> Self {
        assert_eq!(self.stderr, expected, "stderr");
        self
    }

    /// Asserts standard error contains `part`.
    #[track_caller]
    pub fn stderr_has(self, part: &str) -> Self {
        assert!(
            self.stderr.contains(part),
            "stderr lacks {part:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts standard output contains `part`.
    #[track_caller]
    pub fn stdout_has(self, part: &str) -> Self {
        assert!(
            self.stdout.contains(part),
            "stdout lacks {part:?}:\n{}",
            self.stdout
        );
        self
    }
}

/// Compares `actual` with the golden file at `path` (relative to the root), or
/// rewrites the file when `PLANNER_BLESS=1`: then review the diff before committing.
#[track_caller]
pub fn golden(path: &str, actual: &str) {
    let path = root().join(path);
    if std::env::var_os("PLANNER_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("golden files live in a folder"))
            .expect("golden folder is writable");
        std::fs::write(&path, actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (PLANNER_BLESS=1 creates it)", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {} (PLANNER_BLESS=1 rewrites it; review the diff)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display(),
            first + 1
        );
    }
}

/// A fresh, empty folder for one test's files, under Cargo's temporary folder.
pub fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a temp dir");
    dir
}

/// The planner's dates (jiff) and the tests' own (chrono, an independent reading),
/// converted at the edge between them.
pub mod dates {
    use chrono::{Datelike, NaiveDate, NaiveDateTime};
    use planner::date::{Date, DateTime, Timestamp};

    /// A chrono date as the planner's.
    pub fn jd(d: NaiveDate) -> Date {
        Date::new(d.year() as i16, d.month() as i8, d.day() as i8).expect("a date jiff holds")
    }

    /// A planner date as chrono's.
    pub fn cd(d: Date) -> NaiveDate {
        NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
            .expect("a date chrono holds")
    }

    /// A planner date-time as chrono's.
    pub fn cdt(t: DateTime) -> NaiveDateTime {
        cd(t.date())
            .and_hms_opt(t.hour() as u32, t.minute() as u32, t.second() as u32)
            .expect("a time")
    }

    /// A chrono instant as the planner's.
    pub fn jts(t: chrono::DateTime<chrono::Utc>) -> Timestamp {
        Timestamp::from_second(t.timestamp()).expect("an instant jiff holds")
    }
}
