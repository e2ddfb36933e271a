//! Views of a plan that front ends share: export records, the workbook, the text card of a
//! goal, and the summary counts. Pure functions of the plan, the engine and a date.

pub mod card;
pub mod change;
pub mod export;
pub mod minutes;
pub mod structure;
pub mod summary;
pub mod workbook;
