//! The `/` search and `n`/`N` in the TUI: the engine's walks ([`crate::find::walk`]) with what
//! the app does with their answers. They run a slice at a time like the finder, so typing
//! never waits for a scan of a large plan.

use std::time::Instant;

use crate::find::{Count, FirstMatch, Walk};
use crate::model::{GoalPos, Plan};

/// Why the scan runs: what to do with its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Typing at the `/` prompt: show the match, or stay put.
    Prompt,
    /// `n` / `N`: show the match, or say there is none.
    Repeat,
}

/// A walk to the next matching goal in progress, with the query it answers.
pub struct JumpScan {
    pub text: String,
    pub purpose: Purpose,
    walk: FirstMatch,
}

impl JumpScan {
    /// `None` when the text is only spaces.
    pub fn new(
        plan: &Plan,
        text: &str,
        from: Option<GoalPos>,
        walk: Walk,
        purpose: Purpose,
    ) -> Option<Self> {
        Some(Self {
            text: text.to_string(),
            purpose,
            walk: FirstMatch::new(plan, text, from, walk)?,
        })
    }

    /// Looks at goals until one matches, all have been seen, or `deadline` passes. `Some` is the
    /// answer (a goal, or `None` when nothing matches); `None` means not finished yet.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> Option<Option<GoalPos>> {
        self.walk.run(plan, deadline)
    }
}

/// How many goals match a query, and which of them the selection is: the `3/12` of the `/`
/// line. Runs a slice at a time after the jump, like the jump itself.
pub struct CountScan {
    pub text: String,
    pub purpose: Purpose,
    count: Count,
}

impl CountScan {
    /// Counts the goals matching `text`; `at` is the match on screen. `None` for a blank query.
    pub fn new(plan: &Plan, text: &str, at: Option<GoalPos>, purpose: Purpose) -> Option<Self> {
        Some(Self {
            text: text.to_string(),
            purpose,
            count: Count::new(plan, text, at)?,
        })
    }

    /// Counts until every goal was seen or `deadline` passes: `Some((number, total))` when
    /// done (number 0 when the match on screen is not among them), `None` when not yet.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> Option<(usize, usize)> {
        self.count.run(plan, deadline)
    }
}
