//! The integration tests: one binary, a module per feature.

mod bad_input;
mod calendar;
mod cli;
mod golden;
mod properties;
mod robustness;
mod templates;
mod util;
mod workflow;
