//! `cargo bench --bench search`: the search engine's full scan on one thread and shared by two,
//! at plan sizes around [`PARALLEL_FROM`], to justify that threshold (its comment in
//! `src/find/scan.rs` quotes these figures). Each scan looks at every goal: the query matches
//! nothing, the worst case of a keystroke.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use tassei::find::scan::{PARALLEL_FROM, PARALLEL_ROUND, ROUND};
use tassei::find::{Matcher, Phrase, Scanner, Want, Words};
use tassei::model::{GoalPos, Plan};

/// (initiatives, goals per initiative): 1k to 16k goals around the threshold, and 100k.
const SIZES: [(usize, usize); 6] = [
    (10, 100),
    (20, 100),
    (40, 100),
    (80, 100),
    (160, 100),
    (1000, 100),
];
const RUNS: usize = 15;
const QUERY: &str = "該当なし";

fn main() {
    println!(
        "search scan: medians of {RUNS} full scans in ms; rounds of {ROUND} serial, \
         {PARALLEL_ROUND} shared; threshold {PARALLEL_FROM} goals left"
    );
    println!(
        "{:>7} {:>14} {:>14} {:>9} {:>14} {:>14} {:>9}",
        "goals", "finder serial", "finder shared", "ratio", "/ serial", "/ shared", "ratio"
    );
    for (initiatives, goals) in SIZES {
        let plan = tassei::scale::plan("search", initiatives, goals, 1);
        let words = Words::new(QUERY);
        let phrase = Phrase::new(QUERY).expect("a query");
        let finder = (scan(&plan, &words, usize::MAX), scan(&plan, &words, 0));
        let slash = (scan(&plan, &phrase, usize::MAX), scan(&plan, &phrase, 0));
        println!(
            "{:>7} {:>14.2} {:>14.2} {:>9.2} {:>14.2} {:>14.2} {:>9.2}",
            initiatives * goals,
            ms(finder.0),
            ms(finder.1),
            ms(finder.1) / ms(finder.0),
            ms(slash.0),
            ms(slash.1),
            ms(slash.1) / ms(slash.0),
        );
    }
}

/// The median time of a scan of every goal, rounds shared from `parallel_from` goals left.
fn scan<M: Matcher + Clone>(plan: &Plan, matcher: &M, parallel_from: usize) -> Duration {
    let positions: Vec<GoalPos> = plan.positions().collect();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let mut scanner =
                Scanner::new(matcher.clone(), positions.clone()).parallel_from(parallel_from);
            let start = Instant::now();
            let mut hits = 0;
            scanner.run(plan, None, Want::All, |round| {
                hits += round.len();
                ControlFlow::Continue(())
            });
            let took = start.elapsed();
            assert_eq!(hits, 0, "{QUERY} matches nothing");
            took
        })
        .collect();
    times.sort_unstable();
    times[RUNS / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
