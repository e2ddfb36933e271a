//! Reads a returned handout workbook (calamine): the title row's plan uid and handout number,
//! then each keyed row's input cells as [`Returned`] rows. Excel holds doubles: a number is read
//! through its shortest round-trip text into an exact decimal and refused unless that decimal
//! is the double Excel holds (no more than Excel's 15 digits). A formula in an input cell is
//! refused: the figure itself is wanted. A cell refused for what it holds is still a row
//! ([`Typed::Unreadable`]): the merge says it naming the row's goal, and knows the row is there.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, XlsxError, open_workbook_from_rs};
use rust_decimal::Decimal;

use super::handout::{ACTUAL, EVALUATION, GOAL, HANDOUT, HEADER_ROW, KEY, STATUS};
use super::returned::{Returned, ReturnedFile, Typed, Unreadable};
use crate::model::FieldKey;
use crate::report::workbook::{column_name, excel_number, words};
use crate::strings::strings;

/// Reads `bytes`, a workbook named `name`. `Err` is the one line that refuses the file whole.
pub fn read(name: &str, bytes: Vec<u8>) -> Result<ReturnedFile, String> {
    let words_ = &strings().exchange;
    let kind = Contents::of(&bytes);
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| not_workbook(name, kind, &e))?;
    let sheet = words::EVALUATION_SHEET;
    let range = book
        .worksheet_range(sheet)
        .map_err(|_| (words_.not_handout)(name))?;
    let formulas = book.worksheet_formula(sheet).ok();
    // Number formats, to notice a figure typed with Excel's `%` (the handout's own formats
    // carry ％ as a quoted literal). A workbook whose styles cannot be read is read without.
    let styles = book.worksheet_style(sheet).ok();
    let percent = |row: u32, col: u16| {
        styles
            .as_ref()
            .and_then(|s| s.get((row, u32::from(col))))
            .and_then(|style| style.number_format.as_ref())
            .is_some_and(|f| is_percent_format(&f.format_code))
    };
    let cell = |row: u32, col: u16| range.get_value((row, u32::from(col)));
    let formula = |row: u32, col: u16| -> Option<String> {
        let f = formulas.as_ref()?.get_value((row, u32::from(col)))?;
        (!f.is_empty()).then(|| f.clone())
    };
    let at = |row: u32, col: u16| format!("{name} {sheet}!{}{}", column_name(col), row + 1);
    let mut file = ReturnedFile {
        name: name.to_string(),
        ..ReturnedFile::default()
    };
    file.plan_uid = cell(0, KEY).map(|d| text_of(d).trim().to_string());
    file.handout = cell(0, HANDOUT).and_then(whole);
    file.made = cell(1, KEY)
        .map(|d| text_of(d).trim().to_string())
        .filter(|made| !made.is_empty());
    if file.handout.is_none() || file.plan_uid.as_deref().is_none_or(str::is_empty) {
        return Err((words_.not_handout)(name));
    }
    let last = range.end().map_or(0, |(r, _)| r);
    for row in HEADER_ROW + 1..=last {
        let key = cell(row, KEY).map(text_of).unwrap_or_default();
        let key = key.trim();
        if key.is_empty() {
            continue;
        }
        let shown_goal = cell(row, GOAL)
            .map(text_of)
            .filter(|s| !s.trim().is_empty());
        for (col, field) in [
            (ACTUAL, FieldKey::Actual),
            (STATUS, FieldKey::ActivityStatus),
            (EVALUATION, FieldKey::Evaluation),
        ] {
            let value = match (formula(row, col), cell(row, col)) {
                (Some(f), _) => Typed::Unreadable(Unreadable::Formula(f)),
                (None, None | Some(Data::Empty)) => Typed::Empty,
                (None, Some(Data::Float(x))) => match exact(*x) {
                    Some(n) if percent(row, col) => Typed::Unreadable(Unreadable::Percent(n)),
                    Some(n) => Typed::Number(n),
                    None => Typed::Unreadable(Unreadable::NotExact(x.to_string())),
                },
                (None, Some(Data::Int(i))) if percent(row, col) => {
                    Typed::Unreadable(Unreadable::Percent(Decimal::from(*i)))
                }
                (None, Some(Data::Int(i))) => Typed::Number(Decimal::from(*i)),
                (None, Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_))) => {
                    Typed::Unreadable(Unreadable::DateOrTime)
                }
                (None, Some(other)) => Typed::Text(text_of(other)),
            };
            file.rows.push(Returned {
                at: at(row, col),
                key: key.to_string(),
                shown_goal: shown_goal.clone(),
                field,
                value,
            });
        }
    }
    Ok(file)
}

/// What a file's first bytes say it is, to say why it is not a workbook tassei reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Contents {
    /// A zip archive, as an .xlsx is.
    Zip,
    /// Nothing at all: cut short to nothing (a mail or a copy that did not finish).
    Empty,
    /// A compound file: an Excel 97-2003 .xls, or an .xlsx saved with a password.
    Compound,
    /// Anything else: text, another program's file.
    Other,
}

impl Contents {
    pub(super) fn of(bytes: &[u8]) -> Self {
        const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
        if bytes.is_empty() {
            Contents::Empty
        } else if bytes.starts_with(b"PK\x03\x04") {
            Contents::Zip
        } else if bytes.starts_with(COMPOUND) {
            Contents::Compound
        } else {
            Contents::Other
        }
    }
}

/// The line refusing a file calamine cannot open as a workbook, in the clerk's words: its
/// own English (`Zip error: invalid Zip archive: Could not find EOCD`) only for a failure
/// none of these names.
pub(super) fn not_workbook(name: &str, contents: Contents, e: &XlsxError) -> String {
    let words = &strings().exchange;
    match (contents, e) {
        (_, XlsxError::Io(e)) => (words.cannot_open)(name, &strings().errors.io.reading(e)),
        (Contents::Empty, _) => (words.damaged_workbook)(name),
        (Contents::Compound, _) => (words.old_or_locked)(name),
        (Contents::Other, _) => (words.not_xlsx)(name),
        // A zip, but not a workbook's parts (a .docx or .zip renamed).
        (Contents::Zip, XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound) => {
            (words.not_xlsx)(name)
        }
        (
            Contents::Zip,
            XlsxError::Zip(_)
            | XlsxError::Xml(_)
            | XlsxError::XmlAttr(_)
            | XlsxError::XmlEof(_)
            | XlsxError::UnexpectedNode(_)
            | XlsxError::Unexpected(_),
        ) => (words.damaged_workbook)(name),
        (Contents::Zip, e) => (words.not_workbook)(name, e),
    }
}

/// A double as the exact decimal Excel shows: its shortest round-trip text, kept only when that
/// decimal is, within Excel's 15 digits, the very double held.
pub fn exact(x: f64) -> Option<Decimal> {
    let text = x.to_string();
    let n = Decimal::from_str_exact(&text).ok()?;
    (excel_number(n) == Some(x)).then_some(n)
}

/// Whether a number format is Excel's percent (`0%`, `0.00%`): a `%` outside quotes and
/// escapes, in its first section. `0.00"％"`, the handout's, is not.
pub(super) fn is_percent_format(code: &str) -> bool {
    let (mut quoted, mut escaped) = (false, false);
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => escaped = true,
            ';' if !quoted => return false,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn whole(d: &Data) -> Option<i64> {
    match d {
        Data::Int(i) => Some(*i),
        Data::Float(x) if x.fract() == 0.0 => exact(*x).and_then(|n| i64::try_from(n).ok()),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_read_through_their_shortest_text() {
        assert_eq!(exact(75.0), Some(Decimal::from(75)));
        assert_eq!(exact(84.93), Some(Decimal::new(8493, 2)));
        assert_eq!(
            exact(0.1 + 0.2),
            None,
            "17 digits: not a figure anyone typed"
        );
        assert_eq!(exact(1e300), None);
    }

    #[test]
    fn excel_percent_formats_are_told_from_a_quoted_unit() {
        for code in ["0%", "0.00%", "#,##0.0%;[Red]-0.0%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in [
            r#"0.00"％""#,
            r#"#,##0"%""#,
            r"0.0\%",
            "General",
            r#"#,##0"件""#,
            r#"0;"%"0"#,
        ] {
            assert!(!is_percent_format(code), "{code}");
        }
    }
}
