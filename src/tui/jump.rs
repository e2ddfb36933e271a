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
        loop {
            // Goals are taken in rounds, the clock read between them; a large round is split
            // between this thread and a second one, and the earlier half's match wins.
            let remaining = self.order.size_hint().0;
            let round_size = if remaining >= 4 * PARALLEL_ROUND {
                PARALLEL_ROUND
            } else {
                ROUND
            };
            let round: Vec<(usize, usize)> = (0..round_size)
                .map_while(|_| {
                    if self.backward {
                        self.order.next_back()
                    } else {
                        self.order.next()
                    }
                })
                .filter_map(|k| self.all.get(k).copied())
                .collect();
            if round.is_empty() {
                return Some(None);
            }
            let found = if round.len() == PARALLEL_ROUND {
                let (first, second) = round.split_at(PARALLEL_ROUND / 2);
                let mut helper = self.search.clone();
                let search = &mut self.search;
                std::thread::scope(|scope| {
                    let other = scope.spawn(move || first_match(&mut helper, plan, second));
                    let here = first_match(search, plan, first);
                    // A worker that failed is made up for here.
                    here.or_else(|| {
                        other
                            .join()
                            .unwrap_or_else(|_| first_match(search, plan, second))
                    })
                })
            } else {
                first_match(&mut self.search, plan, &round)
            };
            if found.is_some() {
                return Some(found);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return None;
            }
        }
    }
}

/// How many goals match a query, and which of them the selection is: the `3/12` of the `/`
/// line. Runs a slice at a time after the jump, like the jump itself.
pub struct CountScan {
    pub text: String,
    pub purpose: Purpose,
    search: GoalSearch,
    all: Vec<(usize, usize)>,
    next: usize,
    /// The match on screen, whose number in sheet order is reported.
    at: Option<(usize, usize)>,
    total: usize,
    number: usize,
}

impl CountScan {
    /// Counts the goals matching `text`; `at` is the match on screen. `None` for a blank query.
    pub fn new(
        plan: &Plan,
        text: &str,
        at: Option<(usize, usize)>,
        purpose: Purpose,
    ) -> Option<Self> {
        Some(Self {
            text: text.to_string(),
            purpose,
            search: GoalSearch::new(text)?,
            all: plan.positions().collect(),
            next: 0,
            at,
            total: 0,
            number: 0,
        })
    }

    /// Counts until every goal was seen or `deadline` passes: `Some((number, total))` when
    /// done (number 0 when the match on screen is not among them), `None` when not yet.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> Option<(usize, usize)> {
        while self.next < self.all.len() {
            let end = (self.next + ROUND).min(self.all.len());
            for k in self.next..end {
                let position = self.all[k];
                if self.search.matches(plan, position) {
                    self.total += 1;
                    if Some(position) == self.at {
                        self.number = self.total;
                    }
                }
            }
            self.next = end;
            if deadline.is_some_and(|d| Instant::now() >= d) && self.next < self.all.len() {
                return None;
            }
        }
        Some((self.number, self.total))
    }
}

const ROUND: usize = 64;
const PARALLEL_ROUND: usize = 1024;

fn first_match(
    search: &mut GoalSearch,
    plan: &Plan,
    positions: &[(usize, usize)],
) -> Option<(usize, usize)> {
    positions.iter().copied().find(|p| search.matches(plan, *p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first match walking `order` one goal at a time on this thread.
    fn reference(
        plan: &Plan,
        text: &str,
        order: impl Iterator<Item = (usize, usize)>,
    ) -> Option<(usize, usize)> {
        let mut search = GoalSearch::new(text).expect("a query");
        order.into_iter().find(|p| search.matches(plan, *p))
    }

    fn run(
        plan: &Plan,
        text: &str,
        from: Option<(usize, usize)>,
        scan: Scan,
    ) -> Option<(usize, usize)> {
        let mut jump = JumpScan::new(plan, text, from, scan, Purpose::Repeat).expect("a query");
        loop {
            // A deadline already passed: one round per call.
            if let Some(answer) = jump.run(plan, Some(Instant::now())) {
                return answer;
            }
        }
    }

    #[test]
    fn counting_says_which_match_of_how_many() {
        let plan = crate::sheet::bundled().expect("bundled");
        let count = |text: &str, at: Option<&str>| {
            let at = at.and_then(|code| plan.position(code.parse().expect("code")));
            let mut scan = CountScan::new(&plan, text, at, Purpose::Prompt).expect("a query");
            loop {
                if let Some(answer) = scan.run(&plan, Some(Instant::now())) {
                    return answer;
                }
            }
        };
        assert_eq!(count("コンビニ", Some("2-イ-7")), (2, 3));
        assert_eq!(count("該当なし", None), (0, 0));
        assert!(CountScan::new(&plan, "  ", None, Purpose::Prompt).is_none());
    }

    #[test]
    fn rounds_split_between_threads_find_the_first_match_in_order() {
        // 6,000 goals: enough for rounds shared by two threads.
        let plan = crate::scale::plan("jump", 60, 100, 9);
        let all: Vec<(usize, usize)> = plan.positions().collect();
        let middle = all[3_000];
        let mut found = 0;
        for text in [
            "オープンデータの利用件数を9",
            "(2)-イ-7",
            "該当なし",
            "SNS発信の利用件数を19",
        ] {
            found += usize::from(reference(&plan, text, all.iter().copied()).is_some());
            assert_eq!(
                run(&plan, text, None, Scan::Forward),
                reference(&plan, text, all.iter().copied()),
                "{text} forward"
            );
            assert_eq!(
                run(&plan, text, None, Scan::Backward),
                reference(&plan, text, all.iter().rev().copied()),
                "{text} backward"
            );
            let after = all[3_001..].iter().chain(&all[..=3_000]).copied();
            assert_eq!(
                run(&plan, text, Some(middle), Scan::Forward),
                reference(&plan, text, after),
                "{text} from the middle"
            );
            let onward = all[3_000..].iter().copied();
            assert_eq!(
                run(&plan, text, Some(middle), Scan::OnwardFrom),
                reference(&plan, text, onward),
                "{text} onward"
            );
        }
        assert_eq!(found, 3, "all but 該当なし are in the plan");
    }
}
