//! Japanese: tassei's chrome in the words city halls use (達成 / 概ね達成 / 未達成 / 評価なし,
//! 実績値を入力, 積算方法を見る, 保存 / 取消), one file per area of [`strings`](crate::strings).
//! Every value is written out here: no `..EN` fills a gap (`tests/strings_parity.rs`).

pub mod cli;
pub mod errors;
pub mod exchange;
pub mod outline;
pub mod report;
pub mod structure;
pub mod tui;

use super::Strings;

/// Japanese chrome and the sheet's terms.
pub static JA: Strings = Strings {
    tui: tui::JA,
    cli: cli::JA,
    report: report::JA,
    errors: errors::JA,
    exchange: exchange::JA,
    structure: structure::JA,
    outline: outline::JA,
};
