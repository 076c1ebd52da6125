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
}
