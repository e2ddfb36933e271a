//! The JSON plan format (`tassei-plan/1`): the bundled sheet and what `tassei import` reads.
//!
//! Reading happens in two passes. Serde checks the shape and types, naming the path of the first
//! mismatch (`initiatives[2].goals[0].target`); then `validate` checks meaning (numbers, codes,
//! duplicates, formula rules) and reports every problem with its path. Numbers are written as
//! strings (`"9,016"`, `"13.47"`) so they stay exact; whole JSON numbers are accepted too.
//!
//! - `file`: the format's types as serde reads them (the first pass).
//! - `validate`: the plan built and checked for meaning (the second pass); `goal` each goal.
//! - `problems`: [`SheetErrors`], and the collector that gathers them with their paths.

mod file;
mod goal;
mod problems;
mod validate;

pub use problems::{SheetError, SheetErrors};

use crate::model::Plan;
use file::read_shape;
use validate::validate;

/// The format tag every plan file starts with.
pub const FORMAT: &str = "tassei-plan/1";

/// 指宿市's FY令和5 DX plan evaluation, loaded into every new data file.
pub const BUNDLED: &str = include_str!("../../assets/plans/ibusuki-dx-r5.json");

/// The most digits after the decimal point an achievement may be shown with.
pub const MAX_PRECISION: u32 = 4;

/// Reads and validates a plan file. Ids in the returned plan are positions (from 1); the store
/// assigns its own when the plan is imported.
pub fn parse(text: &str) -> Result<Plan, SheetErrors> {
    // Windows editors (Notepad, Excel's "UTF-8 CSV" habit) start a UTF-8 file with a BOM;
    // it is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let file = read_shape(text)?;
    validate(&file)
}

/// The bundled 指宿市 sheet.
pub fn bundled() -> Result<Plan, SheetErrors> {
    parse(BUNDLED)
}

#[cfg(test)]
mod tests;
