//! tassei (達成): keep a municipal plan's KPI evaluation sheet.
//!
//! The data path reads in one direction: input → [`store`] edit (one transaction with its
//! change-log row) → [`engine`] recompute → output. The CLI is a front end over the same store and
//! engine functions; neither owns rules.
//!
//! - [`model`]: the sheet as data — plans, initiatives, goals, activities, values, 時期, codes.
//! - [`engine`]: achievement (達成度): formulas, 四捨五入 rounding, status bands, the worked calculation.
//! - [`sheet`]: the JSON plan format, for the bundled sheet and `tassei import`, with validation.
//! - [`store`]: the SQLite file — open, migrate, load, edit with change log.
//! - [`report`]: exports (JSON, CSV) and text views shared by the CLI.
//! - [`text`]: text as a terminal shows it: widths by grapheme, cutting, wrapping, control pictures.
//! - [`strings`]: every word shown to a person, one value per language.
//! - [`config`]: the one config file (`config.toml`): actor, lang, tree width, theme.
//! - [`session`]: what both front ends open first: config, data file, day's copy, plan; failures.
//! - [`cli`]: the command line.
//! - [`tui`]: the terminal UI (`tassei` with no command): state, keymap, views.
#![forbid(unsafe_code)]
// Output goes through writers that treat a closed pipe as the reader gone (`session::say` for
// stderr): `println!` and `eprintln!` panic on one, after the work is done.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod engine;
pub mod find;
pub mod model;
pub mod report;
/// Test and bench fixtures (the `fixtures` feature, on for `cargo test` and `cargo bench`).
#[cfg(any(test, feature = "fixtures"))]
pub mod scale;
pub mod session;
pub mod sheet;
pub mod store;
pub mod strings;
pub mod text;
pub mod tui;
