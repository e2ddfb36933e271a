//! The command line's words: human output, confirmations and error messages.

/// Every sentence the command line prints for a person, for one language.
pub struct Cli {
    /// `tassei plans`: a plan's goal count, `(26 goals)`.
    pub plan_goals: fn(usize) -> String,
}

pub const EN: Cli = Cli {
    plan_goals: |goals| format!("({goals} goals)"),
};
