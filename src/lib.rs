//! `planner` places strength sessions around a runner's week.
//!
//! The data flows one way: schedule text → [`Schedule`] → [`plan_week`] → [`Plan`] →
//! a renderer. The command line (`cli`, `app`, `output`, `terminal`, `manual`,
//! `exit`) is the binary's, declared in `main.rs`; everything here is pure.

pub mod block;
pub mod clock;
pub mod date;
pub mod day;
pub mod diagnostic;
pub mod equipment;
pub(crate) mod gaps;
pub mod input;
pub mod judge;
pub mod lift;
pub(crate) mod loading;
pub mod phase;
pub mod placement;
pub mod plan;
pub(crate) mod prescription;
pub mod render;
pub mod rules;
pub mod schedule;
mod suggest;
pub mod template;
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
