//! The `/` search's walks over the sheet: to the next goal that matches ([`FirstMatch`], for
//! `/`, `n` and `N`) and through every goal to number the matches ([`Count`], the `3/12`).

use std::ops::ControlFlow;
use std::time::Instant;

use super::matcher::Phrase;
use super::scan::{Scanner, Want};
use crate::model::{GoalPos, Plan};

/// Which way a walk goes from the current goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// After the current goal, wrapping around (`n`).
    Forward,
    /// Before the current goal, wrapping around (`N`).
    Backward,
    /// From the current goal itself to the last, without wrapping: the query only grew, so
    /// no goal before the previous match can match now.
    OnwardFrom,
}

/// A walk to the first goal matching a `/` query.
#[derive(Debug, Clone)]
pub struct FirstMatch {
    scanner: Scanner<Phrase>,
}

impl FirstMatch {
    /// A walk from the goal at `from` (from the top, or the bottom backward, when `None`).
    /// `None` when the text is only spaces.
    pub fn new(plan: &Plan, text: &str, from: Option<GoalPos>, walk: Walk) -> Option<Self> {
        let phrase = Phrase::new(text)?;
        let mut order: Vec<GoalPos> = plan.positions().collect();
        // Positions are in sheet order, which is their sort order.
        let current = from.and_then(|f| order.binary_search(&f).ok());
        match (walk, current) {
            // The goals after the current one, then from the top.
            (Walk::Forward, Some(c)) => order.rotate_left(c + 1),
            // The goals before the current one, from it upward, then from the bottom.
            (Walk::Backward, Some(c)) => {
                order.rotate_left(c);
                order.reverse();
            }
            (Walk::OnwardFrom, Some(c)) => {
                order.drain(..c);
            }
            (Walk::Forward | Walk::OnwardFrom, None) => {}
            (Walk::Backward, None) => order.reverse(),
        }
        Some(Self {
            scanner: Scanner::new(phrase, order),
        })
    }

    /// Looks at goals until one matches, all have been seen, or `deadline` passes. `Some` is the
    /// answer (a goal, or `None` when nothing matches); `None` means not finished yet.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> Option<Option<GoalPos>> {
        let mut found = None;
        let finished = self.scanner.run(plan, deadline, Want::First, |hits| {
            found = hits.first().copied();
            if found.is_some() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        finished.then_some(found)
    }
}

/// How many goals match a `/` query, and which of them one goal is, counted in sheet order.
#[derive(Debug, Clone)]
pub struct Count {
    scanner: Scanner<Phrase>,
    /// The goal whose number among the matches is reported (the match on screen).
    at: Option<GoalPos>,
    total: usize,
    number: usize,
}

impl Count {
    /// Counts the goals matching `text`; `at` is the match on screen. `None` for a blank query.
    pub fn new(plan: &Plan, text: &str, at: Option<GoalPos>) -> Option<Self> {
        Some(Self {
            scanner: Scanner::new(Phrase::new(text)?, plan.positions().collect()),
            at,
            total: 0,
            number: 0,
        })
    }

    /// Counts until every goal was seen or `deadline` passes: `Some((number, total))` when
    /// done (number 0 when `at` is not among them), `None` when not yet.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> Option<(usize, usize)> {
        let (at, total, number) = (self.at, &mut self.total, &mut self.number);
        let finished = self.scanner.run(plan, deadline, Want::All, |hits| {
            for position in hits {
                *total += 1;
                if Some(position) == at {
                    *number = *total;
                }
            }
            ControlFlow::Continue(())
        });
        finished.then_some((self.number, self.total))
    }
}
