//! The evaluation sheet as an Excel workbook (`tassei export --format xlsx`): 評価シート in the
//! paper's layout, データ with one row per goal, 実施内容 with one row per activity.
//!
//! The layout is plain data — sheets of rows of [`Cell`]s with a [`Style`], computed from the
//! plan and testable without a file — and `xlsx.rs` writes it with `rust_xlsxwriter`, rows in
//! order (constant memory: a plan of 100,000 goals streams out). Its words are the sheet's
//! own, Japanese in every interface language ([`words`]).
//!
//! - `cell`: cells, styles, number formats with the unit in them; the one place an exact
//!   decimal becomes Excel's double (past 15 significant digits it stays text, with a note).
//! - `formula`: a 達成度 as an Excel formula dividing once, and Excel's own arithmetic, so a
//!   formula is written only where Excel computes tassei's figure.
//! - `sheet`: 評価シート; `tables`: データ and 実施内容; `structure`: their hidden keys and the
//!   sheets 計画, 内訳 and 算出, which carry the rest of the plan for `tassei import`;
//!   `template`: the same sheets for `tassei new --template`, from a marked example, with a
//!   記入方法 sheet and drop-downs.

mod cell;
mod formula;
pub mod layout;
mod sheet;
mod structure;
mod tables;
mod template;
pub mod words;
mod xlsx;

pub use cell::{Cached, Cell, EXCEL_DIGITS, Input, NumberFormat, Style, Value, excel_number};
pub use formula::{Expr, Formula, column_name, excel_round};
pub use sheet::{Breaks, EvalColumn, MAX_BREAKS, PAPER, TOP_ROWS, evaluation_sheet, footer};
pub use structure::{Stamp, derivations_sheet, parts_sheet, plan_sheet, stamped};
pub use tables::{activity_sheet, data_sheet};
pub use template::{Choice, TEMPLATE_ROWS, examples_left, template, template_plan};
pub use xlsx::{
    Written, save, save_sheets, save_stamped, save_template, to_bytes, to_bytes_stamped,
};

use crate::model::Plan;
use crate::store::History;

/// One worksheet: its columns, its rows (made as they are written), and how it is viewed and
/// printed.
pub struct Sheet<'a> {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Box<dyn Iterator<Item = Row<'a>> + 'a>,
    /// Rows kept in view when scrolling: the title and the headers.
    pub frozen_rows: u32,
    /// An autofilter on the last frozen row (the headers) down to the last row.
    pub filter: bool,
    /// The column of status words, highlighted by conditional formatting.
    pub status_column: Option<u16>,
    /// Page setup, for a sheet meant to be printed.
    pub print: Option<Print>,
    /// Protected (no password): only [`Style::Input`] cells can be changed, every other cell
    /// is greyed.
    pub protect: bool,
    /// Columns hidden from view (a handout's row keys).
    pub hidden_columns: Vec<u16>,
}

/// A column: its header, and the width its content is fitted in (in Excel's unit, about one
/// half-width character; a full-width character counts two). Text wider than `max` wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub header: &'static str,
    pub min: usize,
    pub max: usize,
}

impl Column {
    /// The width for content at most `widest` half-width characters wide.
    pub fn fitted(&self, widest: usize) -> f64 {
        // A little room beside the text: Excel's unit is the width of a digit, and a
        // full-width character is slightly more than two.
        let wanted = widest + widest / 10 + 2;
        wanted.clamp(self.min, self.max) as f64
    }

    /// Whether content `widest` wide already takes the most the column gives.
    pub fn is_full(&self, widest: usize) -> bool {
        widest + widest / 10 + 2 >= self.max
    }
}

/// One row of a sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
    /// A printed page starts at this row (a manual page break above it).
    pub break_before: bool,
}

impl<'a> Row<'a> {
    pub fn new(cells: Vec<Cell<'a>>) -> Self {
        Self {
            cells,
            break_before: false,
        }
    }

    /// The lines its tallest cell takes when its text wraps in `columns` at their widest (a
    /// column narrower than its widest holds nothing that wraps). A spreadsheet does not grow
    /// a row for wrapped text by itself, so the writer sets the height from this.
    pub fn lines(&self, columns: &[Column]) -> usize {
        self.cells
            .iter()
            .filter(|c| c.style.wraps())
            .filter_map(|c| Some(c.lines(columns.get(usize::from(c.col))?.max)))
            .max()
            .unwrap_or(1)
    }
}

/// The height of a row of `lines` lines of the workbook's 10-point text, in points: a line of
/// 游ゴシック at 10 points takes about 13.5, and the cell a little room above and below.
pub fn row_height(lines: usize) -> f64 {
    lines as f64 * 13.5 + 3.0
}

/// A printed sheet's setup: A4 landscape, one page wide and as many tall as it takes, these
/// rows repeated on every page, and a footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Print {
    /// The first and last row repeated at the top of every page, from 0.
    pub title_rows: (u32, u32),
    /// The footer in Excel's codes (`&L…&R&P / &N`).
    pub footer: String,
}

/// The workbook of a plan: 評価シート, データ (with each goal's previous year from `history`),
/// 実施内容, and what rebuilds the plan from it (`structure`): 計画, 内訳, 算出.
pub fn workbook<'a>(plan: &'a Plan, history: &'a History) -> Vec<Sheet<'a>> {
    vec![
        evaluation_sheet(plan, &PAPER),
        data_sheet(plan, history),
        activity_sheet(plan),
        plan_sheet(plan),
        parts_sheet(plan),
        derivations_sheet(plan),
    ]
}

#[cfg(test)]
mod tests;
