//! What `planner check` prints: a line for each broken rule, or JSON for CI.

use std::io;

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Source};
use crate::judge::{Finding, Severity, Verdict};
use crate::render::schema::{self, CheckRule, DayKey, SessionKind, TimeOfDay};

/// What `check` made of one file it was given: a verdict, or why there is none.
#[derive(Debug)]
pub enum Checked {
    /// The file was read and its pinned sessions judged.
    Judged(Verdict),
    /// The file could not be read, or is not a valid schedule.
    Invalid {
        /// The file's name, as given (`<stdin>` for `-`).
        file: String,
        /// Every error found in it, in file order.
        errors: Vec<InputError>,
    },
}

/// An error in a file `check` was given, placed by line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Line and column (from 1, the column in characters), when the error has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What to do instead, where a hint helps.
    pub help: Option<String>,
}

impl InputError {
    /// `diagnostic`, placed in `source`.
    pub fn of(source: &Source<'_>, diagnostic: &Diagnostic) -> InputError {
        InputError {
            at: diagnostic.span.as_ref().map(|span| {
                let at = source.position(span.start);
                (at.line, at.column)
            }),
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
        }
    }

    /// An error about the file as a whole (it could not be opened, say).
    pub fn whole_file(message: String) -> InputError {
        InputError {
            at: None,
            message,
            help: None,
        }
    }
}

impl Checked {
    /// Whether the file was read and keeps every hard rule.
    pub fn ok(&self) -> bool {
        match self {
            Checked::Judged(verdict) => verdict.ok(),
            Checked::Invalid { .. } => false,
        }
    }
}

/// Violations first, then missed preferences as warnings, then `ok` for a file that
/// keeps every hard rule. A file that could not be judged prints nothing here: its
/// errors go to standard error with the rest of the messages.
pub fn write_text(files: &[Checked], out: &mut impl io::Write) -> io::Result<()> {
    for v in files.iter().filter_map(|f| match f {
        Checked::Judged(verdict) => Some(verdict),
        Checked::Invalid { .. } => None,
    }) {
        for severity in [Severity::Violation, Severity::Preference] {
            for f in v.findings.iter().filter(|f| f.severity == severity) {
                let warning = if severity == Severity::Preference {
                    "warning: "
                } else {
                    ""
                };
                writeln!(out, "{}: {warning}{f}", v.file)?;
            }
        }
        if v.ok() {
            let s = if v.sessions == 1 { "" } else { "s" };
            writeln!(
                out,
                "{}: ok, {} session{s} keep every rule",
                v.file, v.sessions
            )?;
        }
    }
    Ok(())
}

/// What `planner check --format json` prints: one entry for every file given, in
/// the order given.
#[derive(Serialize, JsonSchema)]
#[serde(transparent)]
struct FilesOut<'a>(Vec<VerdictOut<'a>>);

/// The verdict on one file.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "CheckedFile")]
struct VerdictOut<'a> {
    /// The file's name as given; `<stdin>` for `-`.
    file: &'a str,
    /// Whether the file was read and its pinned sessions keep every hard rule.
    ok: bool,
    /// How many strength sessions the file pins; 0 when it could not be read.
    sessions: usize,
    /// The hard rules the pinned sessions break.
    violations: Vec<FindingOut>,
    /// The preferences they miss.
    warnings: Vec<FindingOut>,
    /// Why the file could not be read or is not a valid schedule; empty when it was
    /// judged.
    errors: Vec<ErrorOut<'a>>,
}

/// A rule a pinned session breaks or a preference it misses.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Finding")]
struct FindingOut {
    /// The rule.
    #[schemars(with = "CheckRule")]
    rule: &'static str,
    /// The day of the session it is about, or null for the week as a whole.
    #[schemars(with = "Option<DayKey>")]
    day: Option<&'static str>,
    /// The start of that session, or null.
    #[schemars(with = "Option<TimeOfDay>")]
    at: Option<String>,
    /// Its kind, or null.
    #[schemars(with = "Option<SessionKind>")]
    kind: Option<&'static str>,
    /// What is wrong, in words.
    message: String,
}

/// An error in a file that could not be judged.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "InputError")]
struct ErrorOut<'a> {
    /// The line of the offending text, from 1; null for the file as a whole.
    #[schemars(range(min = 1))]
    line: Option<usize>,
    /// Its column in characters, from 1; null for the file as a whole.
    #[schemars(range(min = 1))]
    column: Option<usize>,
    /// What is wrong.
    message: &'a str,
    /// What to do instead, or null.
    help: Option<&'a str>,
}

/// An array with one object per file given: `file`, `ok`, `sessions`, `violations`,
/// `warnings` (each finding with `rule`, `day`, `at`, `kind`, `message`) and `errors`
/// (each with `line`, `column`, `message`, `help`), in the order of the files.
pub fn write_json(files: &[Checked], out: &mut impl io::Write) -> io::Result<()> {
    let finding = |f: &Finding| FindingOut {
        rule: f.rule.name(),
        day: f.session.map(|s| s.day.key()),
        at: f.session.map(|s| s.at.to_string()),
        kind: f.session.map(|s| s.kind.name()),
        message: f.to_string(),
    };
    let of = |v: &Verdict, severity| {
        v.findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(finding)
            .collect()
    };
    let entries = files
        .iter()
        .map(|checked| match checked {
            Checked::Judged(v) => VerdictOut {
                file: &v.file,
                ok: v.ok(),
                sessions: v.sessions,
                violations: of(v, Severity::Violation),
                warnings: of(v, Severity::Preference),
                errors: Vec::new(),
            },
            Checked::Invalid { file, errors } => VerdictOut {
                file,
                ok: false,
                sessions: 0,
                violations: Vec::new(),
                warnings: Vec::new(),
                errors: errors
                    .iter()
                    .map(|e| ErrorOut {
                        line: e.at.map(|(line, _)| line),
                        column: e.at.map(|(_, column)| column),
                        message: &e.message,
                        help: e.help.as_deref(),
                    })
                    .collect(),
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &FilesOut(entries))?;
    writeln!(out)
}

/// The JSON Schema of what [`write_json`] prints.
pub fn schema() -> serde_json::Value {
    schema::of::<FilesOut<'static>>("planner check --format json")
}
