//! The integration tests: one binary, a module per feature.

mod bad_input;
mod batch;
mod blocks;
mod calendar;
mod cli;
mod coaching;
mod errors;
mod golden;
mod oracle;
mod oracle_cases;
mod oracle_check;
mod prescriptions;
mod properties;
mod robustness;
mod templates;
mod util;
mod workflow;
