//! One sheet of a plan workbook as a table read by its headers (a column added or moved in
//! Excel does not shift what is read), each cell as the text a plan file would hold: a number
//! through its shortest round-trip text at the decimals its format shows (`15.00` stays
//! `15.00`), refused when Excel's double is not the decimal shown, a formula, a date or Excel's
//! `%`; text as typed, for the plan's own validators to read (full-width digits, `９，０１６`).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;

use calamine::{Data, Range, Reader, StyleRange, Xlsx};
use rust_decimal::Decimal;

use crate::exchange::xlsx::{exact, is_percent_format};
use crate::report::workbook::column_name;
use crate::strings::strings;

/// A cell's place, to name it: `データ!H14`, with its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct At {
    pub(super) cell: String,
    pub(super) header: &'static str,
}

impl At {
    /// The cell with its header, as every line about it starts: `データ!H14（目標値）`.
    pub(super) fn place(&self) -> String {
        (strings().exchange.plan_workbook.place)(&self.cell, self.header)
    }
}

/// A sheet read by header.
pub(super) struct Table {
    pub(super) name: &'static str,
    range: Range<Data>,
    formulas: Option<Range<String>>,
    styles: Option<StyleRange>,
    /// Each header's column.
    columns: HashMap<String, u32>,
    header_row: u32,
    /// The headers in the order the export writes them, to name where a missing one belongs.
    layout: Vec<&'static str>,
    /// Headers the reader asked for that the sheet does not have: a renamed header must not
    /// silently empty its column.
    missing: RefCell<BTreeSet<&'static str>>,
}

impl Table {
    /// The sheet `name` of `book`, or `None` when the workbook has no such sheet.
    pub(super) fn open(
        book: &mut Xlsx<Cursor<Vec<u8>>>,
        name: &'static str,
        layout: Vec<&'static str>,
    ) -> Option<Table> {
        let range = book.worksheet_range(name).ok()?;
        let formulas = book.worksheet_formula(name).ok();
        let styles = book.worksheet_style(name).ok();
        let header_row = range.start().map_or(0, |(r, _)| r);
        let mut columns = HashMap::new();
        if let (Some((_, first)), Some((_, last))) = (range.start(), range.end()) {
            for col in first..=last {
                if let Some(Data::String(h)) = range.get_value((header_row, col)) {
                    // The first column of a header wins: a copied column keeps the original.
                    // Blanks around it, full-width ones too, are not part of it.
                    let h = h.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
                    columns.entry(h.to_string()).or_insert(col);
                }
            }
        }
        Some(Table {
            name,
            range,
            formulas,
            styles,
            columns,
            header_row,
            layout,
            missing: RefCell::new(BTreeSet::new()),
        })
    }

    /// Each header the reader needed and did not find, as (cell, line): the cell where the
    /// export puts it (`データ!H1`), the line naming the header.
    pub(super) fn missing_headers(&self) -> Vec<(String, String)> {
        self.missing
            .borrow()
            .iter()
            .map(|header| {
                let col = self
                    .layout
                    .iter()
                    .position(|h| h == header)
                    .and_then(|at| u16::try_from(at).ok())
                    .unwrap_or(0);
                let cell = format!("{}!{}{}", self.name, column_name(col), self.header_row + 1);
                let line = (strings().exchange.plan_workbook.missing_header)(&cell, header);
                (cell, line)
            })
            .collect()
    }

    /// Whether the sheet has a column headed `header`.
    pub(super) fn has(&self, header: &str) -> bool {
        self.columns.contains_key(header)
    }

    /// The text under `header` on the first row below the header row, when the sheet has that
    /// column and the cell reads: for a cell an older workbook may lack (the export's stamp).
    pub(super) fn first_text(&self, header: &str) -> Option<String> {
        let col = *self.columns.get(header)?;
        match self.range.get_value((self.header_row + 1, col))? {
            Data::String(s) => Some(s.trim().to_string()),
            Data::Float(x) => exact(*x).map(|n| n.normalize().to_string()),
            Data::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }

    /// The rows below the header row that hold anything, from 0.
    pub(super) fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        let last = self.range.end().map_or(0, |(r, _)| r);
        let (first_col, last_col) = (
            self.range.start().map_or(0, |(_, c)| c),
            self.range.end().map_or(0, |(_, c)| c),
        );
        (self.header_row + 1..=last).filter(move |&row| {
            (first_col..=last_col).any(|col| match self.range.get_value((row, col)) {
                None | Some(Data::Empty) => false,
                Some(Data::String(s)) => !s.trim().is_empty(),
                Some(_) => true,
            })
        })
    }

    /// Where a cell is: `データ!H14` and its header.
    pub(super) fn at(&self, row: u32, header: &'static str) -> At {
        let col = self.columns.get(header).copied().unwrap_or(0);
        At {
            cell: format!(
                "{}!{}{}",
                self.name,
                column_name(u16::try_from(col).unwrap_or(u16::MAX)),
                row + 1
            ),
            header,
        }
    }

    fn value(&self, row: u32, header: &'static str) -> Option<(u32, &Data)> {
        let Some(col) = self.columns.get(header).copied() else {
            self.missing.borrow_mut().insert(header);
            return None;
        };
        Some((col, self.range.get_value((row, col))?))
    }

    fn formula(&self, row: u32, col: u32) -> Option<&String> {
        self.formulas
            .as_ref()?
            .get_value((row, col))
            .filter(|f| !f.is_empty())
    }

    /// The decimals the cell's number format shows (`#,##0.00"％"` shows 2), and whether it
    /// is Excel's percent.
    fn format(&self, row: u32, col: u32) -> (u32, bool) {
        let code = self
            .styles
            .as_ref()
            .and_then(|s| s.get((row, col)))
            .and_then(|style| style.number_format.as_ref())
            .map(|f| f.format_code.as_str())
            .unwrap_or("");
        (shown_decimals(code), is_percent_format(code))
    }

    /// A cell as text: empty for none, a number as its exact decimal (at the decimals its
    /// format shows), text trimmed of the blanks around it. `Err` says why the cell cannot be
    /// read (a formula, an inexact double, a date, Excel's `%`), naming it.
    pub(super) fn text(&self, row: u32, header: &'static str) -> Result<String, String> {
        let words = &strings().exchange;
        let Some((col, data)) = self.value(row, header) else {
            return Ok(String::new());
        };
        let at = self.at(row, header).place();
        if let Some(f) = self.formula(row, col) {
            return Err((words.plan_workbook.formula)(&at, f));
        }
        let (decimals, percent) = self.format(row, col);
        let number = |n: Decimal| -> Result<String, String> {
            if percent {
                let meant = (n * Decimal::ONE_HUNDRED).normalize();
                return Err((words.percent_fraction)(&at, &n, &meant));
            }
            let mut n = n;
            if n.scale() < decimals {
                n.rescale(decimals);
            }
            Ok(n.to_string())
        };
        match data {
            Data::Empty => Ok(String::new()),
            Data::String(s) => Ok(s.trim().to_string()),
            Data::Float(x) => match exact(*x) {
                Some(n) => number(n),
                None => Err((words.not_exact)(&at, &x.to_string())),
            },
            Data::Int(i) => number(Decimal::from(*i)),
            Data::Bool(b) => Ok(b.to_string()),
            Data::DateTime(d) => Err((words.plan_workbook.date)(&at, &excel_date(d.as_f64()))),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Err((words.plan_workbook.date)(&at, s)),
            Data::Error(e) => Err((words.plan_workbook.error_value)(&at, &e.to_string())),
        }
    }
}

/// An Excel serial date as a clerk reads it: `2025/5/1`, a time of day `9:30`, both when the
/// serial has both (the 1900 date system; its phantom 1900-02-29 is before any plan's date).
fn excel_date(serial: f64) -> String {
    let days = serial.floor();
    let minutes = ((serial - days) * 24.0 * 60.0).round() as i64;
    let time = format!("{}:{:02}", minutes / 60, minutes % 60);
    if days < 1.0 {
        return time;
    }
    // Days from 1970-01-01, then Howard Hinnant's civil-from-days.
    let z = days as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = format!("{year}/{month}/{day}");
    if minutes == 0 {
        date
    } else {
        format!("{date} {time}")
    }
}

/// The decimals a number format shows: the `0`s after its point, in its first section,
/// outside quotes (`0.00"％"` → 2, `#,##0` → 0, `General` → 0).
fn shown_decimals(code: &str) -> u32 {
    let (mut quoted, mut escaped, mut after_point, mut decimals) = (false, false, false, 0);
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => escaped = true,
            ';' if !quoted => break,
            '.' if !quoted => after_point = true,
            '0' | '#' | '?' if !quoted && after_point => decimals += 1,
            _ if after_point && !quoted => after_point = false,
            _ => {}
        }
    }
    decimals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excel_date_is_said_as_the_clerk_reads_it() {
        assert_eq!(excel_date(45778.0), "2025/5/1");
        assert_eq!(excel_date(45352.0), "2024/3/1");
        assert_eq!(excel_date(0.5), "12:00");
        assert_eq!(excel_date(45778.25), "2025/5/1 6:00");
    }

    #[test]
    fn a_formats_decimals_are_its_zeros_after_the_point() {
        assert_eq!(shown_decimals(r#"#,##0.00"％""#), 2);
        assert_eq!(shown_decimals(r#"#,##0"件""#), 0);
        assert_eq!(shown_decimals("0.0"), 1);
        assert_eq!(shown_decimals("General"), 0);
        assert_eq!(shown_decimals(r#"0"."00"#), 0, "a quoted point is text");
        assert_eq!(shown_decimals("0.000;-0.0"), 3);
    }
}
