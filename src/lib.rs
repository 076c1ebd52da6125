//! `planner` places strength sessions around a runner's week.
//!
//! The data flows one way: schedule text → [`Schedule`] → [`plan_week`] → [`Plan`] →
//! a renderer. Everything but the command-line edge (`app`) is pure.

pub mod app;
pub mod block;
pub mod cli;
pub mod clock;
pub mod date;
pub mod day;
pub mod diagnostic;
pub mod equipment;
pub mod exit;
pub mod gaps;
pub mod input;
pub mod judge;
pub mod lift;
pub mod loading;
pub mod manual;
pub mod output;
pub mod phase;
pub mod placement;
pub mod plan;
pub mod prescription;
mod raw;
pub mod render;
pub mod rules;
pub mod schedule;
mod suggest;
pub mod template;
pub mod terminal;
pub mod workout;
pub mod zone;

pub use placement::Infeasible;
pub use plan::Plan;
pub use schedule::{Overrides, Schedule};

/// Places the week's sessions and prescribes their exercises from the built-in
/// templates.
pub fn plan_week(schedule: &Schedule) -> Result<Plan, Infeasible> {
    plan_week_with(schedule, template::Library::builtin())
}

/// Places the week's sessions and prescribes their exercises from `library`.
pub fn plan_week_with(
    schedule: &Schedule,
    library: &template::Library,
) -> Result<Plan, Infeasible> {
    let mut plan = placement::place(schedule)?;
    // A cutback week of the running plan (`[weeks."DATE"]` with `cutback = true`, as
    // `Schedule::in_week` applies it) deloads the strength with it.
    plan.deload = schedule.cutback;
    prescription::prescribe(schedule, &mut plan, library);
    Ok(plan)
}
