//! The finder's search (`tassei find`, the TUI's `:`): goals matching every word, ranked by
//! where the words were found, a code answered at once, and narrowed as the query grows.

use std::ops::ControlFlow;
use std::time::Instant;

use super::haystack::Place;
use super::matcher::Words;
use super::scan::{Scanner, Want};
use super::{narrows, trimmed};
use crate::model::{GoalPos, GoalRef, InitiativeCode, Plan};

/// A goal that matches, with where its best match was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub goal: GoalRef,
    /// Where the goal is in the plan.
    pub position: GoalPos,
    pub place: Place,
    pub score: u32,
}

/// A finder query worked through a slice at a time: on a plan of 100,000 goals a full scan
/// takes a few hundred milliseconds, so the TUI runs it for a few milliseconds per frame and
/// a keystroke never waits for it. [`find`](super::find) runs one to the end.
#[derive(Debug, Clone)]
pub struct Search {
    query: String,
    scanner: Scanner<Words>,
    found: Vec<Found>,
    done: bool,
}

impl Search {
    /// A search of every goal (a code query is answered at once).
    pub fn new(plan: &Plan, query: &str) -> Self {
        let all = plan.positions().collect();
        Self::among(plan, query, all)
    }

    /// The search for `query` typed after this one's. Typing one more character can only
    /// narrow a word search, so only this search's hits so far and the goals it has not yet
    /// looked at are searched; anything else starts afresh.
    pub fn narrowed(&self, plan: &Plan, query: &str) -> Self {
        let narrowed = narrows(&self.query, query)
            && by_code(plan, &self.query).is_none()
            && by_code(plan, trimmed(query)).is_none();
        if !narrowed {
            return Self::new(plan, query);
        }
        // Hits so far are all before the goals not yet seen, so the order stays sheet order.
        let mut positions: Vec<GoalPos> = self.found.iter().map(|f| f.position).collect();
        positions.sort_unstable();
        positions.extend_from_slice(self.scanner.remaining());
        Self::among(plan, query, positions)
    }

    fn among(plan: &Plan, query: &str, positions: Vec<GoalPos>) -> Self {
        let query = trimmed(query);
        let mut search = Self {
            query: query.to_string(),
            scanner: Scanner::new(Words::new(query), positions),
            found: vec![],
            done: false,
        };
        if query.is_empty() {
            search.done = true;
        } else if let Some(found) = by_code(plan, query) {
            search.found = found;
            search.done = true;
        }
        search
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Looks at goals until every one has been seen or `deadline` passes; true when done.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> bool {
        if self.done {
            return true;
        }
        let found = &mut self.found;
        let finished = self.scanner.run(plan, deadline, Want::All, |hits| {
            found.extend(hits);
            ControlFlow::Continue(())
        });
        if finished {
            // A stable sort keeps sheet order among equal scores.
            self.found.sort_by_key(|f| std::cmp::Reverse(f.score));
            self.done = true;
        }
        self.done
    }

    /// The hits, best first, then in sheet order (complete once the search is done).
    pub fn hits(&self) -> &[Found] {
        &self.found
    }

    pub fn into_hits(self) -> Vec<Found> {
        self.found
    }
}

/// A query that is a goal code finds exactly that goal; an initiative code, its goals.
fn by_code(plan: &Plan, query: &str) -> Option<Vec<Found>> {
    let hit = |at: GoalPos| {
        Some(Found {
            goal: at.goal_ref(plan)?,
            position: at,
            place: Place::Code,
            score: Place::Code.weight(),
        })
    };
    if let Ok(r) = query.parse::<GoalRef>() {
        return Some(vec![hit(plan.position(r)?)?]);
    }
    if let Ok(code) = query.parse::<InitiativeCode>() {
        let i = plan.initiatives.iter().position(|ini| ini.code == code)?;
        let goals = plan.initiatives.get(i)?.goals.len();
        return Some((0..goals).filter_map(|g| hit(GoalPos::new(i, g))).collect());
    }
    None
}
