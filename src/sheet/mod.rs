//! The JSON plan format (`tassei-plan/2`, still reading `/1`): the bundled sheet, what
//! `tassei import` reads and what `tassei export --format plan` writes.
//!
//! `/2` is `/1` with a few optional places more, for what a data file holds that a sheet does
//! not: each row's uid, the goals' meeting notes, and a derivation whose figure was changed
//! since (`stale`). A `/1` file reads as it always did, and one of those fields in it is refused.
//!
//! Reading happens in two passes. Serde checks the shape and types, naming the path of the first
//! mismatch (`initiatives[2].goals[0].target`); then `validate` checks meaning (numbers, codes,
//! duplicates, formula rules) and reports every problem with its path. Numbers are written as
//! strings (`"9,016"`, `"13.47"`) so they stay exact; whole JSON numbers are accepted too.
//!
//! - `file`: the format's types as serde reads them (the first pass).
//! - `validate`: the plan built and checked for meaning (the second pass); `goal` each goal.
//! - `problems`: [`SheetErrors`], and the collector that gathers them with their paths.
//! - `write`: a stored plan written back in the format, so importing it reproduces the plan.

pub mod file;
mod goal;
mod links;
mod problems;
mod validate;
mod write;

pub use problems::{SheetError, SheetErrors};
pub use write::{write, write_linked};

use crate::model::Plan;
use file::read_shape;
pub use validate::id_refusal;
use validate::validate;

/// The format tag of the plan files tassei writes.
pub const FORMAT: &str = "tassei-plan/2";

/// The first version's tag, still read: the bundled sheet and hand-written files say it.
pub const FORMAT_1: &str = "tassei-plan/1";

/// 指宿市's FY令和5 DX plan evaluation, loaded into every new data file.
pub const BUNDLED: &str = include_str!("../../assets/plans/ibusuki-dx-r5.json");

/// The most digits after the decimal point an achievement may be shown with.
pub const MAX_PRECISION: u32 = crate::model::edit::MAX_PRECISION;

/// Reads and validates a plan file. Ids in the returned plan are positions (from 1); the store
/// assigns its own when the plan is imported.
pub fn parse(text: &str) -> Result<Plan, SheetErrors> {
    validate(read_shape(without_bom(text))?)
}

/// [`parse`] for a file's whole text, which is dropped as soon as its shape is read: a plan
/// of 100,000 goals is about 135 MB of text, and is then held once as the file's types and
/// once as the plan, never three times.
pub fn parse_text(text: String) -> Result<Plan, SheetErrors> {
    let file = read_shape(without_bom(&text))?;
    drop(text);
    validate(file)
}

/// Windows editors (Notepad, Excel's "UTF-8 CSV" habit) start a UTF-8 file with a BOM; it is
/// not part of the JSON.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// Validates a plan already in the file's types (read from another layout, a workbook): the
/// same second pass as [`parse`], every problem with its path in the file's terms.
pub fn validate_file(file: file::PlanFile) -> Result<Plan, SheetErrors> {
    validate(file)
}

/// The bundled 指宿市 sheet.
pub fn bundled() -> Result<Plan, SheetErrors> {
    parse(BUNDLED)
}

#[cfg(test)]
mod tests;
