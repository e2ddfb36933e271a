//! The search engine, UI-free: finding goals by what people type in a meeting — a code
//! (`2-イ-7`, `2イ7`), a number (`216`), or Japanese words (`コンビニ`, `電子申請`) — tolerant
//! of full-/half-width and of hiragana/katakana differences. Shared by `tassei find`, the TUI's
//! finder and its `/` search with `n`/`N`.
//!
//! - [`haystack`]: where in a goal text is looked for, folded for matching as it is needed.
//! - [`matcher`]: what a query looks for in one goal — the finder's [`Words`], the `/` [`Phrase`].
//! - [`scan`]: a matcher walked over goals a round at a time, shared by two threads when large.
//! - [`finder`]: the finder's ranked [`Search`] (a title beats a figure, which beats a 積算方法,
//!   which beats the narrative or an activity).
//! - [`walk`]: the `/` search's [`FirstMatch`] (`n`, `N`) and [`Count`] (`3/12`).

pub mod finder;
pub mod haystack;
pub mod matcher;
pub mod scan;
pub mod walk;

pub use crate::model::fold::{search_fold, search_fold_into};
pub use finder::{Found, Search};
pub use haystack::Place;
pub use matcher::{Matcher, Phrase, Words};
pub use scan::{Scanner, Want};
pub use walk::{Count, FirstMatch, Walk};

use crate::model::Plan;
use crate::model::fold::is_space;

/// Goals matching every word of `query`, best first, then in sheet order.
pub fn find(plan: &Plan, query: &str) -> Vec<Found> {
    let mut search = Search::new(plan, query);
    search.run(plan, None);
    search.into_hits()
}

/// True when every text containing `query` also contains `previous` (both folded): typing more
/// only narrows, except ﾞ and ﾟ, which change the kana before them.
pub fn narrows(previous: &str, query: &str) -> bool {
    let (previous, query) = (trimmed(previous), trimmed(query));
    !previous.is_empty()
        && query.starts_with(previous)
        && !query[previous.len()..].contains(['\u{FF9E}', '\u{FF9F}'])
}

/// A query without the spaces around it (ASCII or ideographic).
fn trimmed(query: &str) -> &str {
    query.trim_matches(is_space)
}

#[cfg(test)]
mod tests;
