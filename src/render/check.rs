//! What `planner check` prints: a line for each broken rule, or JSON for CI.

use std::io;

use serde::Serialize;

use crate::judge::{Finding, Severity, Verdict};

/// Violations first, then missed preferences as warnings, then `ok` for a file that
/// keeps every hard rule.
pub fn write_text(verdicts: &[Verdict], out: &mut impl io::Write) -> io::Result<()> {
    for v in verdicts {
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

#[derive(Serialize)]
struct VerdictOut<'a> {
    file: &'a str,
    ok: bool,
    sessions: usize,
    violations: Vec<FindingOut>,
    warnings: Vec<FindingOut>,
}

#[derive(Serialize)]
struct FindingOut {
    rule: &'static str,
    day: Option<&'static str>,
    at: Option<String>,
    kind: Option<&'static str>,
    message: String,
}

/// An array with one object per file: `file`, `ok`, `sessions`, `violations`,
/// `warnings` (each finding with `rule`, `day`, `at`, `kind`, `message`).
pub fn write_json(verdicts: &[Verdict], out: &mut impl io::Write) -> io::Result<()> {
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
    let verdicts: Vec<VerdictOut<'_>> = verdicts
        .iter()
        .map(|v| VerdictOut {
            file: &v.file,
            ok: v.ok(),
            sessions: v.sessions,
            violations: of(v, Severity::Violation),
            warnings: of(v, Severity::Preference),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &verdicts)?;
    writeln!(out)
}
