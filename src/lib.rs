//! `planner` places strength sessions around a runner's week.
//!
//! The data flows one way: schedule text → [`Schedule`] → [`plan_week`] → [`Plan`] →
//! a renderer. Everything but the command-line edge (`app`) is pure.

pub mod app;
pub mod cli;
pub mod clock;
pub mod day;
pub mod diagnostic;
pub mod exit;
pub mod input;
pub mod judge;
pub mod lift;
pub mod placement;
pub mod plan;
mod raw;
pub mod render;
pub mod rules;
pub mod schedule;
mod suggest;

pub use placement::{Infeasible, plan_week};
pub use plan::Plan;
pub use schedule::{Overrides, Schedule};
