//! Handing a section its part of the sheet and collecting it back (照会 → 回答 → 取りまとめ).
//!
//! - `handout`: a section's fill-in workbook as layout data (the workbook writer's `Sheet`),
//!   and the fields it carries with their values, for the registry;
//! - `returned`: what a returned file says, row by row ([`Returned`]), whichever reader made it
//!   (`xlsx` here; [`csv`] reads a returned CSV — Shift_JIS or UTF-8, Japanese or the export's
//!   headers — into plain rows, and tells which text CP932 cannot carry; `csv_return` turns
//!   those rows into [`Returned`] rows, one per field given, each named by file and line);
//! - `xlsx`: reads a returned workbook (calamine), numbers through their shortest round-trip
//!   text into exact decimals;
//! - `datafile`: an exchange file (`.tassei`, a tassei data file filled on a laptop) read as
//!   returned rows against its handout — the file's values now, exactly — with who changed
//!   what there (its change log), and what changed there that does not travel;
//! - `incoming`: a file brought to a collect, read once for both front ends (which kind, the
//!   handout it answers, checked against the registry, its rows);
//! - `merge`: the three-way rule per field and the plan of a collect: what changes, what
//!   conflicts, which rows are left out and why; without a handout (a CSV), the two-way rule;
//! - `choose`: the same collect chosen row by row (the TUI's preview): each change linked to
//!   what taking it writes, a choice per row made into what the store takes.
//!
//! Above `store` and `report`, below `session` and `cli`: the rules of who fills what are the
//! model's (`model::section`), the writes the store's (`Store::collect`).

pub mod choose;
pub mod csv;
pub mod csv_return;
pub mod datafile;
pub mod handout;
pub mod incoming;
pub mod merge;
pub mod plan_workbook;
pub mod returned;
pub mod xlsx;

pub use choose::{Choice, Offer, offer};
pub use handout::{Carried, carried, handout_sheet};
pub use incoming::{Incoming, Refusal, Source};
pub use merge::{Change, Decision, Merge, Prefer, merge, three_way};
pub use returned::{Returned, ReturnedFile, Typed, Unreadable};
