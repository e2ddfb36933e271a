//! 評価シート is the printed sheet, not read by an import: a figure typed there instead of on
//! データ would be lost without a word. Its cells are compared with what the export writes for
//! the plan データ holds, and each 基準値, 目標値 or 実績値 that differs is named beside the データ
//! cell that is read.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::build::Built;
use crate::exchange::xlsx::exact;
use crate::model::Plan;
use crate::report::workbook::{
    Cell, EvalColumn, PAPER, Style, Value, column_name, evaluation_sheet, words,
};
use crate::strings::strings;

/// The figures columns compared, with the plan file's field each one is.
const FIGURES: [(EvalColumn, &str); 3] = [
    (EvalColumn::Baseline, ".baseline"),
    (EvalColumn::Target, ".target"),
    (EvalColumn::Actual, ".actual"),
];

/// One line per 評価シート figure that differs from データ's, after a line saying the sheet is
/// not read; none when all agree (or the workbook has no 評価シート).
pub(super) fn unread_edits(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    plan: &Plan,
    built: &Built,
) -> Vec<String> {
    let words_ = &strings().exchange.plan_workbook;
    let Ok(range) = book.worksheet_range(words::EVALUATION_SHEET) else {
        return Vec::new();
    };
    let sheet = evaluation_sheet(plan, &PAPER);
    let mut goals = plan.goals();
    let mut lines = Vec::new();
    for (row, cells) in (0u32..).zip(sheet.rows) {
        let is_goal_row = cells
            .cells
            .first()
            .is_some_and(|c| c.col == 0 && c.style == Style::GoalNumber);
        if !is_goal_row {
            continue;
        }
        let Some((r, goal)) = goals.next() else {
            break;
        };
        // The file's row must be this goal's: a row added or moved in Excel is not compared.
        let same_goal = matches!(range.get_value((row, 0)), Some(Data::Float(n)) if *n == f64::from(goal.number))
            || matches!(range.get_value((row, 0)), Some(Data::Int(n)) if *n == i64::from(goal.number));
        if !same_goal {
            continue;
        }
        let Some(data_path) = built.path_of(r) else {
            continue;
        };
        for (column, field) in FIGURES {
            let Some(col) = PAPER.iter().position(|c| *c == column) else {
                continue;
            };
            let Some(expected) = cells.cells.iter().find(|c| usize::from(c.col) == col) else {
                continue;
            };
            let col = u32::try_from(col).unwrap_or(0);
            let found = range.get_value((row, col));
            if agrees(expected, found) {
                continue;
            }
            let Some(at) = built.cells.get(&format!("{data_path}{field}")) else {
                continue;
            };
            let cell = format!(
                "{}!{}{}",
                words::EVALUATION_SHEET,
                column_name(u16::try_from(col).unwrap_or(0)),
                row + 1
            );
            let value = |v: &crate::model::Value| v.to_string();
            let stored = match column {
                EvalColumn::Baseline => value(&goal.baseline),
                EvalColumn::Target => value(&goal.target),
                _ => value(&goal.actual),
            };
            lines.push((words_.paper_cell)(&cell, &shown(found), &at.cell, &stored));
        }
    }
    if !lines.is_empty() {
        lines.insert(0, words_.paper_not_read.to_string());
    }
    lines
}

/// Whether the file's cell holds what the export wrote there.
fn agrees(expected: &Cell<'_>, found: Option<&Data>) -> bool {
    match (&expected.value, found) {
        (Value::Number(x), Some(Data::Float(y))) => x == y,
        (Value::Number(x), Some(Data::Int(y))) => Some(*x) == i32::try_from(*y).ok().map(f64::from),
        (Value::Text(t), Some(Data::String(s))) => t.trim() == s.trim(),
        (Value::Text(t), None | Some(Data::Empty)) => t.trim().is_empty(),
        _ => false,
    }
}

/// A cell's value as the clerk sees it.
fn shown(found: Option<&Data>) -> String {
    match found {
        None | Some(Data::Empty) => strings().exchange.plan_workbook.paper_empty.to_string(),
        Some(Data::Float(x)) => exact(*x).map_or_else(
            || x.to_string(),
            |n| crate::model::Value::Number(n.normalize()).to_string(),
        ),
        Some(other) => other.to_string(),
    }
}
