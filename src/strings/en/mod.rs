//! English: tassei's chrome in English around the sheet's own Japanese terms (目標, 実績値,
//! 達成度), one file per area of [`strings`](crate::strings).

pub mod cli;
pub mod errors;
pub mod exchange;
pub mod outline;
pub mod report;
pub mod structure;
pub mod tui;

use super::Strings;

/// English chrome, the sheet's terms in Japanese.
pub static EN: Strings = Strings {
    tui: tui::EN,
    cli: cli::EN,
    report: report::EN,
    errors: errors::EN,
    exchange: exchange::EN,
    structure: structure::EN,
    outline: outline::EN,
};
