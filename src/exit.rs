//! The process exit codes and what each one means.

use std::process::ExitCode;

/// Why the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the plan (or check) is done.
    Done,
    /// 1: the input could not be read or is invalid.
    BadInput,
    /// 2: the command line is wrong.
    Usage,
    /// 3: no plan satisfies the rules, or `check` found a violation.
    Infeasible,
}

impl Exit {
    /// The number the shell sees.
    pub fn code(self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::BadInput => 1,
            Exit::Usage => 2,
            Exit::Infeasible => 3,
        }
    }
}

impl Exit {
    /// The more severe of two outcomes, for a run over several schedules: a usage
    /// error, then a file that could not be read, planned into words or written
    /// (something could not be done), then no plan (done, and the answer is no), then
    /// done. As `grep` and `diff` rank trouble above a negative answer, a coach's
    /// script sees 1 when any athlete's file needs fixing, even if another has no plan.
    pub fn worst(self, other: Exit) -> Exit {
        let severity = |exit: Exit| match exit {
            Exit::Done => 0,
            Exit::Infeasible => 1,
            Exit::BadInput => 2,
            Exit::Usage => 3,
        };
        if severity(other) > severity(self) {
            other
        } else {
            self
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_spec() {
        assert_eq!(Exit::Done.code(), 0);
        assert_eq!(Exit::BadInput.code(), 1);
        assert_eq!(Exit::Usage.code(), 2);
        assert_eq!(Exit::Infeasible.code(), 3);
    }

    #[test]
    fn the_worst_of_several_ranks_trouble_above_no_plan() {
        use Exit::*;
        assert_eq!(Done.worst(Infeasible), Infeasible);
        assert_eq!(Infeasible.worst(BadInput), BadInput);
        assert_eq!(BadInput.worst(Infeasible), BadInput);
        assert_eq!(BadInput.worst(Usage), Usage);
        assert_eq!(Done.worst(Done), Done);
        let all = [Done, Infeasible, BadInput, Done];
        assert_eq!(all.into_iter().fold(Done, Exit::worst), BadInput);
    }
}
