//! tassei (達成): keep a municipal plan's KPI evaluation sheet.
//!
//! Two front ends, [`cli`] and [`tui`], side by side (neither names the other), open a
//! [`session`] first and then share the domain: an edit goes to the [`store`] in one transaction
//! with its change-log row, the [`model`] is patched and the [`engine`] regrades, and both front
//! ends show the result through [`report`]. Rules live in `model` and `store`, never in a front
//! end. `ARCHITECTURE.md` draws the layers and the rules the tests hold them to.
//!
//! - [`cli`]: the command line, one file per subcommand.
//! - [`tui`]: the terminal UI (`tassei` with no command, or `review`): keymap → action, sub-states
//!   returning commands, the app that runs them, views drawn from the app.
//! - [`session`]: what both front ends open first: config, data file, day's copy, plan; failures
//!   and their exit codes; messages on stderr (`say`).
//! - [`report`]: what both front ends show: the goal card, a change in words, the summary,
//!   minutes, export records.
//! - [`exchange`]: files that go out to the sections and come back: returned CSV read into
//!   plain rows, and what CP932 cannot carry.
//! - [`find`]: one search engine over a plan's goals, for the finder and the `/` prompt.
//! - [`engine`]: achievement (達成度): formulas, 四捨五入 rounding, status bands, the worked calculation.
//! - [`sheet`]: the `tassei-plan/1` JSON format, for the bundled sheet and `tassei import`, with
//!   validation.
//! - [`store`]: the SQLite file: open, migrate, load, edit with its change log, undo, damage
//!   checks, copies.
//! - [`model`]: the sheet as plain data and its rules (no I/O): plans, goals, activities, values,
//!   codes, 時期, the editable fields, edits.
//! - [`text`]: text as a terminal shows it: widths by grapheme, cutting, wrapping, control
//!   pictures, messages on one line.
//! - [`strings`]: every word shown to a person, one value per language.
//! - [`config`]: the one config file (`config.toml`): actor, lang, tree width, theme.
//! - [`platform`]: every call to the operating system beyond `std` (Windows: the console's
//!   marks and its close event, network drives, files another program holds), behind a
//!   neutral API whose decisions are plain functions.
// Only `platform`'s Windows calls may use `unsafe`: it allows it there, call by call with a
// `// SAFETY:` line; anywhere else it is an error.
#![deny(unsafe_code)]
// Output goes through writers that treat a closed pipe as the reader gone (`session::say` for
// stderr): `println!` and `eprintln!` panic on one, after the work is done.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod engine;
pub mod exchange;
pub mod find;
pub mod model;
pub mod platform;
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
