//! The integration tests: one binary, a module per feature.

// What belongs in each module, one line each.
/// The bad-input corpus: one file per mistake, its exact message beside it.
mod bad_input;
/// Several schedules in one call: `--output-dir`, one file per athlete, the worst exit.
mod batch;
/// Property tests of periodized blocks (SPEC §7) and hand-worked blocks.
mod blocks;
/// iCalendar and CSV read back with independent parsers and real calendar clients.
mod calendar;
/// `check --format json`: an entry for every file given, invalid ones with their errors.
mod check_json;
/// The command line end to end: arguments, files, standard input, exit codes.
mod cli;
/// Coaching cases: a week a runner would write and the picks a coach expects.
mod coaching;
/// Every independent error of a file in one run, and the hints for a missing file.
mod errors;
/// Every example in every format against its reviewed golden file.
mod golden;
/// `planner man` and `--help`: one full page; every option help lists works.
mod manual;
/// The independent brute force of SPEC §3, and its generator of small weeks.
mod oracle;
/// The oracle on weeks worked by hand from SPEC's text.
mod oracle_cases;
/// The planner against the oracle on generated weeks.
mod oracle_check;
/// Property tests of the sessions' exercises (SPEC §1, §4).
mod prescriptions;
/// Property tests of the hard placement rules (SPEC §1, §3).
mod properties;
/// Nothing panics, and the input limits hold.
mod robustness;
/// Generated schedule files, the strategies the property tests share.
mod schedules;
/// `planner schema`: generated, deterministic, every golden JSON valid against it.
mod schema;
/// Session templates from the command line: the library and `--plans DIR`.
mod templates;
/// Width and colour: 80 and 120 columns, `--color`, `NO_COLOR`, `TERM`, real terminals.
mod terminal;
/// The helper that runs the binary: arguments → stdout, stderr, exit code.
mod util;
/// The runner's and coach's workflow: check, init, --output, colour, completions, man.
mod workflow;
