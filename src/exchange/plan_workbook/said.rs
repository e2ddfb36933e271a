//! A refused workbook's problems as the clerk reads them: the file named once above them, each
//! at its cell in the order the sheets and their rows and columns come, the plan file's paths
//! (`initiatives[0].goals[0]`) turned into cells, and one closing line.

use super::build::Built;
use crate::report::workbook::words;
use crate::strings::strings;

/// The sheets in the workbook's order.
const SHEETS: [&str; 6] = [
    words::EVALUATION_SHEET,
    words::DATA_SHEET,
    words::ACTIVITY_SHEET,
    words::PLAN_SHEET,
    words::PARTS_SHEET,
    words::DERIVATIONS_SHEET,
];

/// Where a cell (`データ!H14`) sorts: its sheet's place, its row, its column; a line at no cell
/// last.
fn order(cell: &str) -> (usize, u32, u32) {
    let Some((sheet, at)) = cell.split_once('!') else {
        return (usize::MAX, 0, 0);
    };
    let sheet = SHEETS
        .iter()
        .position(|s| *s == sheet)
        .unwrap_or(SHEETS.len());
    let letters: String = at.chars().take_while(char::is_ascii_uppercase).collect();
    let column = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    let row = at[letters.len()..].parse().unwrap_or(0);
    (sheet, row, column)
}

/// The lines of a refused workbook `name`: (cell, line) each.
pub(super) fn refused(name: &str, mut lines: Vec<(String, String)>) -> Vec<String> {
    let words = &strings().exchange.plan_workbook;
    lines.sort_by_key(|(cell, _)| order(cell));
    let n = lines.len();
    std::iter::once((words.problems_in)(name))
        .chain(lines.into_iter().map(|(_, line)| format!("  {line}")))
        .chain(std::iter::once((words.problems_count)(n)))
        .collect()
}

/// `message` with each plan-file path in it (`initiatives[0].goals[0]`) said as its cell.
pub(super) fn with_cells(built: &Built, message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find("initiatives[") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_[].".contains(c)))
            .unwrap_or(tail.len());
        let path = tail[..end].trim_end_matches('.');
        match super::cell_of(built, path) {
            Some(at) => out.push_str(&at.cell),
            None => out.push_str(path),
        }
        rest = &tail[path.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_sort_by_sheet_then_row_then_column() {
        let mut cells = vec![
            "実施内容!D3",
            "データ!H5",
            "データ!I4",
            "データ!AA4",
            "",
            "計画!B6",
        ];
        cells.sort_by_key(|c| order(c));
        assert_eq!(
            cells,
            [
                "データ!I4",
                "データ!AA4",
                "データ!H5",
                "実施内容!D3",
                "計画!B6",
                ""
            ]
        );
    }
}
