//! Time-sliced scanning: a [`Matcher`] applied to goals in a given order, a round at a time,
//! with the clock read between rounds, so the TUI can run a search for a few milliseconds per
//! frame and a keystroke never waits for it. Large rounds are shared with a second thread.

use std::ops::ControlFlow;
use std::time::Instant;

use super::haystack::Haystacks;
use super::matcher::Matcher;
use crate::model::{GoalPos, Plan};

/// Goals looked at between two readings of the clock when scanning on one thread.
pub const ROUND: usize = 64;

/// Goals in a round shared by two threads, half each.
pub const PARALLEL_ROUND: usize = 1024;

/// With at least this many goals left to look at, rounds are shared by two threads.
///
/// Why a threshold at all: a shared round pays for a scoped thread (spawn and join, tens of
/// microseconds) and overshoots a frame's slice (8 ms in the TUI) by a whole round of 1,024
/// goals where a serial round overshoots by 64. Both costs are fixed per round, while the gain
/// grows with the goals left: on two cores a long scan takes about half the time. Why four
/// rounds: by the figures of commit f74e5d7 (on 100k goals, a key to its full results took
/// 0.26 s in the finder and 0.12 s for `/` on one thread, 0.14 and 0.08 s on two; about 2.6 and
/// 1.2 µs a goal), 4,096 goals are about 10 ms and 5 ms on one thread — roughly one frame's
/// slice, so below that splitting saves at most a frame while making every slice coarser.
/// `benches/search.rs` times a full scan on one thread and on two around this threshold.
///
/// Measured (`cargo bench --bench search`, 2026-11-28, this project's 2-core build machine,
/// medians of 15 full scans that match nothing, one thread vs two):
///
/// | goals   | finder 1 / 2 threads | `/` 1 / 2 threads |
/// |---------|----------------------|-------------------|
/// | 1,000   | 2.9 / 1.5 ms         | 1.4 / 1.0 ms      |
/// | 4,000   | 12.9 / 6.6 ms        | 6.4 / 3.4 ms      |
/// | 16,000  | 53.8 / 44.1 ms       | 30.5 / 25.6 ms    |
/// | 100,000 | 366 / 278 ms         | 293 / 156 ms      |
///
/// Two threads are faster at every size, but below 4,096 goals a whole scan fits in one or two
/// frames on one thread (under 13 ms), so sharing saves at most a frame while a shared round's
/// overshoot of the 8 ms slice is a whole 1,024 goals; above it the saving is tens to hundreds
/// of milliseconds. The threshold stays.
pub const PARALLEL_FROM: usize = 4 * PARALLEL_ROUND;

/// How many hits of a round a scan wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Every hit, in order (the finder, a count).
    All,
    /// Only the first (a jump): each thread stops at its first hit.
    First,
}

/// A matcher walked over goals in a chosen order, a round at a time.
#[derive(Debug, Clone)]
pub struct Scanner<M> {
    matcher: M,
    /// The goals to look at, in the order to look, and how far the scan has got.
    order: Vec<GoalPos>,
    next: usize,
    /// Goals left from which rounds are shared by two threads ([`PARALLEL_FROM`]).
    parallel_from: usize,
}

impl<M: Matcher> Scanner<M> {
    /// A scan of the goals at `order`, in that order.
    pub fn new(matcher: M, order: Vec<GoalPos>) -> Self {
        Self {
            matcher,
            order,
            next: 0,
            parallel_from: PARALLEL_FROM,
        }
    }

    /// The same scan sharing rounds between two threads from `goals` left instead of
    /// [`PARALLEL_FROM`]: 0 always, `usize::MAX` never (for `benches/search.rs`).
    pub fn parallel_from(mut self, goals: usize) -> Self {
        self.parallel_from = goals;
        self
    }

    /// The goals not yet looked at, in order.
    pub fn remaining(&self) -> &[GoalPos] {
        self.order.get(self.next..).unwrap_or_default()
    }

    /// True when every goal has been looked at.
    pub fn is_exhausted(&self) -> bool {
        self.next >= self.order.len()
    }

    /// Looks at goals round after round, handing each round's hits (in order) to `take`, until
    /// `take` breaks, every goal has been seen, or `deadline` passes. True when finished
    /// (every goal seen or `take` broke); false when paused by the deadline.
    pub fn run(
        &mut self,
        plan: &Plan,
        deadline: Option<Instant>,
        want: Want,
        mut take: impl FnMut(Vec<M::Hit>) -> ControlFlow<()>,
    ) -> bool {
        while !self.is_exhausted() {
            let hits = self.round(plan, want);
            if take(hits).is_break() || self.is_exhausted() {
                return true;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return false;
            }
        }
        true
    }

    /// Looks at the next round of goals: their hits, in order.
    fn round(&mut self, plan: &Plan, want: Want) -> Vec<M::Hit> {
        let rest = self.remaining();
        let parallel = rest.len() >= self.parallel_from;
        let size = rest
            .len()
            .min(if parallel { PARALLEL_ROUND } else { ROUND });
        let round = &rest[..size];
        let hits = if parallel && size > 1 {
            let (first, second) = round.split_at(size / 2);
            let matcher = &self.matcher;
            std::thread::scope(|scope| {
                let other = scope.spawn(|| scan(matcher, plan, second, want));
                let mut hits = scan(matcher, plan, first, want);
                // A worker that failed is made up for here.
                let rest = other
                    .join()
                    .unwrap_or_else(|_| scan(matcher, plan, second, want));
                // A first hit in the earlier half wins over the later half's.
                if want == Want::All || hits.is_empty() {
                    hits.extend(rest);
                }
                hits
            })
        } else {
            scan(&self.matcher, plan, round, want)
        };
        self.next += size;
        hits
    }
}

/// The hits among `positions`, in their order (only the first when that is all that is wanted).
pub fn scan<M: Matcher>(
    matcher: &M,
    plan: &Plan,
    positions: &[GoalPos],
    want: Want,
) -> Vec<M::Hit> {
    let mut haystacks = Haystacks::default();
    let hits = positions
        .iter()
        .filter_map(|&position| matcher.look_at(plan, position, &mut haystacks));
    match want {
        Want::All => hits.collect(),
        Want::First => hits.take(1).collect(),
    }
}
