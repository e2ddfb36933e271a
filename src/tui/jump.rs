//! The `/` search and `n`/`N`: a scan for the next goal whose code, title or 積算方法 matches,
//! run a slice at a time like the finder, so typing never waits for a scan of a large plan.

use std::time::Instant;

use super::filter::GoalSearch;
use crate::model::Plan;

/// Which way the scan walks the goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// After the current goal, wrapping around (`n`).
    Forward,
    /// Before the current goal, wrapping around (`N`).
    Backward,
    /// From the current goal itself to the last, without wrapping: the query only grew, so
    /// no goal before the previous match can match now.
    OnwardFrom,
}

/// Why the scan runs: what to do with its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Typing at the `/` prompt: show the match, or stay put.
    Prompt,
    /// `n` / `N`: show the match, or say there is none.
    Repeat,
}

/// A scan in progress.
pub struct JumpScan {
    pub text: String,
    pub purpose: Purpose,
    search: GoalSearch,
    /// Every goal in sheet order, and the indexes into it still to look at.
    all: Vec<(usize, usize)>,
    order: std::iter::Chain<std::ops::Range<usize>, std::ops::Range<usize>>,
    backward: bool,
}

impl JumpScan {
    /// `None` when the text is only spaces.
    pub fn new(
        plan: &Plan,
        text: &str,
        from: Option<(usize, usize)>,
        scan: Scan,
        purpose: Purpose,
    ) -> Option<Self> {
        let search = GoalSearch::new(text)?;
        let all: Vec<(usize, usize)> = plan.positions().collect();
        let n = all.len();
        // Positions are in sheet order, which is their sort order.
        let current = from.and_then(|f| all.binary_search(&f).ok());
        // Forward: the goals after the current one, then from the top. Backward walks the same
        // two ranges from their ends: the goals before the current one, then from the bottom.
        let (order, backward) = match (scan, current) {
            (Scan::Forward, Some(c)) => ((c + 1..n).chain(0..(c + 1).min(n)), false),
            (Scan::Backward, Some(c)) => ((c..n).chain(0..c), true),
            (Scan::OnwardFrom, Some(c)) => ((c..n).chain(0..0), false),
            (Scan::Forward | Scan::OnwardFrom, None) => ((0..n).chain(0..0), false),
            (Scan::Backward, None) => ((0..n).chain(0..0), true),
        };
        Some(Self {
            text: text.to_string(),
            purpose,
            search,
            all,
            order,
            backward,
        })
    }

    /// Looks at goals until one matches, all have been seen, or `deadline` passes. `Some` is the
    /// answer (a goal, or `None` when nothing matches); `None` means not finished yet.
    pub fn run(
        &mut self,
        plan: &Plan,
        deadline: Option<Instant>,
    ) -> Option<Option<(usize, usize)>> {
        let mut looked = 0usize;
        loop {
            let next = if self.backward {
                self.order.next_back()
            } else {
                self.order.next()
            };
            let Some(k) = next else {
                return Some(None);
            };
            let Some(&position) = self.all.get(k) else {
                continue;
            };
            if self.search.matches(plan, position) {
                return Some(Some(position));
            }
            looked += 1;
            if looked.is_multiple_of(64) && deadline.is_some_and(|d| Instant::now() >= d) {
                return None;
            }
        }
    }
}
