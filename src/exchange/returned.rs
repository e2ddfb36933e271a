//! A returned file as rows: what each reader (the workbook's, a CSV's) produces and the merge
//! reads, so a new format needs only a reader.

use rust_decimal::Decimal;

use crate::model::{FieldKey, FieldValue};

/// One returned value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// Where it was read, as a clerk finds it: `市民係.xlsx 評価シート!E12`, `市民係.csv:12`.
    pub at: String,
    /// The row's key as written: a goal's code in any form tassei reads (`1-ア-1`), or the
    /// uid of a part or an activity.
    pub key: String,
    /// The goal code the row shows, when it shows one (to notice rows moved over others).
    pub shown_goal: Option<String>,
    pub field: FieldKey,
    pub value: Typed,
}

/// A value as the file holds it, before the goal's rules read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Empty,
    /// A number the file holds as a number (already exact).
    Number(Decimal),
    /// Text as typed (`9,500件`, `完了`).
    Text(String),
    /// A cell whose content is no value tassei takes; left out with a line naming the cell and
    /// its row's goal (the merge knows the goal, the reader only the key).
    Unreadable(Unreadable),
    /// The field's value exactly as another tassei data file holds it (an exchange file).
    Stored(FieldValue),
}

/// Why a cell holds no value tassei takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// A formula instead of a value: its text, without `=`.
    Formula(String),
    /// A number Excel holds that is not the decimal it shows: its shortest text.
    NotExact(String),
    /// A number in Excel's percent format: `85%` typed, held as 0.85 (the handout's cells show
    /// ％ in their format and hold 85).
    Percent(Decimal),
    /// A date or a time: Excel turned what was typed (`3/4`, `1:30`) into one, and holds it
    /// as a serial number that would read as a figure (46085).
    DateOrTime,
}

/// A whole returned file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReturnedFile {
    /// The file's name as the clerk gave it.
    pub name: String,
    /// The plan it was handed out for, by uid, when the file says.
    pub plan_uid: Option<String>,
    /// The handout number, when the file says.
    pub handout: Option<i64>,
    /// When its handout was made (the registry's created_at), when the file says.
    pub made: Option<String>,
    pub rows: Vec<Returned>,
    /// Cells that could not be read, a line each (naming the cell).
    pub problems: Vec<String>,
}
