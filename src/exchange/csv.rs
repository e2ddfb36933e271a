//! A returned CSV file, as Excel on Japanese Windows saves it, read into plain rows; and which
//! text survives CP932, for files going the other way.
//!
//! - [`decode`]: the bytes to text: a UTF-8 BOM, else valid UTF-8, else Shift_JIS (CP932),
//!   never with a replacement character.
//! - [`read`] / [`read_str`]: the text to [`CsvRow`]s — a goal code checked with the model's
//!   parser, the other cells as typed — and a [`CsvProblem`] per row left out.
//! - [`survives_cp932`], [`not_in_cp932`], [`lost_to_question_marks`]: what a trip through
//!   CP932 loses.
//!
//! The header words (目標, 実績値 …) are the sheet's vocabulary, spelled beside the reader (the
//! workbook's own where it has them); the export's English keys come from the export.

use std::borrow::Cow;
use std::fmt;
use std::str;

use encoding_rs::{DecoderResult, SHIFT_JIS};

use crate::model::{GoalRef, Quoted};
use crate::report::export::{CSV_HEADER, CSV_HEADER_BEFORE_CODE, neutralise};
use crate::report::workbook::words;
use crate::strings::strings;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 after a BOM: Excel's "CSV UTF-8", and tassei's own export.
    Utf8Bom,
    /// UTF-8 without a BOM (ASCII is read as this too).
    Utf8,
    /// Shift_JIS as Windows has it (CP932): Excel's "CSV (カンマ区切り)" on Japanese Windows.
    ShiftJis,
}

/// Why a file's bytes are not text; the line is the file's, from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are neither UTF-8 nor Shift_JIS.
    #[error("{}", (strings().errors.csv.at_line)(*.line, &strings().errors.csv.not_shift_jis))]
    NotShiftJis { line: usize },
    /// Bytes after a UTF-8 BOM that are not UTF-8.
    #[error("{}", (strings().errors.csv.at_line)(*.line, &strings().errors.csv.not_utf8))]
    NotUtf8 { line: usize },
    /// A UTF-16 file (Excel's "Unicode テキスト"), which is tab-separated text, not CSV.
    #[error("{}", strings().errors.csv.utf16)]
    Utf16,
}

/// A file's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without its BOM; borrowed when the file was UTF-8.
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_BOMS: [&[u8]; 2] = [b"\xFF\xFE", b"\xFE\xFF"];

/// Reads a file's bytes as text: a UTF-8 BOM → UTF-8; else valid UTF-8 → UTF-8; else
/// Shift_JIS as Windows has it (`encoding_rs::SHIFT_JIS`, the WHATWG Shift_JIS, is CP932 with
/// its NEC and IBM rows). A byte sequence that does not decode is an error naming its line;
/// nothing is ever replaced by `?` or U+FFFD, so a figure cannot be read wrong in silence.
///
/// Why this order: a BOM is the file saying what it is. Without one, UTF-8 is tried before
/// Shift_JIS because the test is one-sided: Japanese text in Shift_JIS is practically never
/// valid UTF-8 (its two-byte characters break UTF-8's strict lead and continuation pattern
/// within a few characters), while UTF-8 Japanese very often *does* decode as Shift_JIS — into
/// mojibake, without an error. Trying Shift_JIS first would garble every UTF-8 file; trying
/// UTF-8 first misreads none. ASCII is the same in both. CRLF and LF are both left as they
/// are; the CSV reader takes either.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if UTF16_BOMS.iter().any(|bom| bytes.starts_with(bom)) {
        return Err(DecodeError::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8Bom,
            }),
            Err(e) => Err(DecodeError::NotUtf8 {
                line: line_at(rest, e.valid_up_to()),
            }),
        };
    }
    if let Ok(text) = str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
        });
    }
    let text = shift_jis(bytes).map_err(|at| DecodeError::NotShiftJis {
        line: line_at(bytes, at),
    })?;
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: Encoding::ShiftJis,
    })
}

/// The line, from 1, of the byte at `offset`. A line feed is never part of a Shift_JIS
/// two-byte character, so counting them in the bytes counts lines in either encoding.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// Shift_JIS without replacement; `Err` holds the offset of the first byte that does not decode.
fn shift_jis(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = SHIFT_JIS.new_decoder_without_bom_handling();
    let room = |n: usize| {
        SHIFT_JIS
            .new_decoder_without_bom_handling()
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n.saturating_mul(3))
    };
    let mut text = String::with_capacity(room(bytes.len()));
    let mut offset = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[offset..], &mut text, true);
        offset += read;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(room(bytes.len() - offset)),
            DecoderResult::Malformed(bad, after) => {
                return Err(offset - usize::from(bad) - usize::from(after));
            }
        }
    }
}

/// One row of a returned file. The cells are as typed (the export's `'` formula guard
/// stripped): the merge reads them with the store's rules. A cell the file has no column for
/// is `None`; an empty cell is `Some("")`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The file's line the row starts on, from 1.
    pub line: usize,
    /// The goal as typed, trimmed (`⑴-ア-1`, `1-ア-1`, `(1)ア1`); with an initiative column
    /// (the export, データ), the two joined: `⑴-ア-1`; with a key column that reads as a code
    /// (the export's `code`, 目標コード), the key: `1-ア-1`.
    pub goal: String,
    /// [`Self::goal`] read by the model's parser.
    pub code: GoalRef,
    /// 実績値 as typed (`９，５００件`).
    pub actual: Option<String>,
    /// 状況 as typed.
    pub status: Option<String>,
    /// 評価内容 as typed.
    pub evaluation: Option<String>,
}

/// A row left out, or a file whose header cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// The file's line, from 1.
    pub line: usize,
    /// What is wrong, in the language of the thread that read the file.
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(strings().errors.csv.at_line)(self.line, &self.message))
    }
}

/// How the file names its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// No header: `goal,actual[,status,evaluation]`.
    Headerless,
    /// A header row of the words tassei reads (Japanese or English), in any order.
    Named,
    /// tassei's own export (`export --format csv`): its `status` is the grade it computed, not
    /// a 状況, so it is not read.
    Export,
}

/// A file read: its rows and the rows left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    pub encoding: Encoding,
    pub layout: Layout,
    pub rows: Vec<CsvRow>,
    pub problems: Vec<CsvProblem>,
}

/// The columns a row is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Initiative,
    Goal,
    Actual,
    Status,
    Evaluation,
    /// A whole goal code in a column of its own (the export's `code`, データ's 目標コード):
    /// read before the goal column, which CP932 may have turned into `?-ア-1`.
    Key,
}

/// The header words read, each with its column: the sheet's (as the workbook writes them, and
/// those clerks type) and the export's English keys. Compared trimmed, English in any case.
const HEADERS: [(&str, Column); 13] = [
    (words::GOAL, Column::Goal),
    (words::GOAL_CODE, Column::Key),
    ("コード", Column::Key),
    (CSV_HEADER[17], Column::Key),
    (CSV_HEADER[2], Column::Goal),
    (words::INITIATIVE, Column::Initiative),
    (CSV_HEADER[0], Column::Initiative),
    (words::ACTUAL, Column::Actual),
    (CSV_HEADER[8], Column::Actual),
    (words::ACTIVITY_STATUS, Column::Status),
    (CSV_HEADER[10], Column::Status),
    (words::EVALUATION, Column::Evaluation),
    (CSV_HEADER[16], Column::Evaluation),
];

/// Where a row's cells are. A row is found by its key when it has one that reads as a code,
/// else by its goal (joined to its initiative when there is a column for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    initiative: Option<usize>,
    goal: Option<usize>,
    key: Option<usize>,
    actual: usize,
    status: Option<usize>,
    evaluation: Option<usize>,
}

impl Columns {
    const HEADERLESS: Self = Self {
        initiative: None,
        goal: Some(0),
        key: None,
        actual: 1,
        status: Some(2),
        evaluation: Some(3),
    };

    /// The cells a row must have: up to its goal (its key, when it has no goal column) and
    /// actual. Status, evaluation and a key beside a goal may be left off the end of a row;
    /// they read as not given.
    fn needed(&self) -> usize {
        let goal = self.goal.or(self.key).unwrap_or(0);
        1 + goal.max(self.actual).max(self.initiative.unwrap_or(0))
    }

    /// The columns a header row names; `None` without a goal (or key) or an actual column.
    fn named(header: &csv::StringRecord) -> Option<(Self, Layout)> {
        let mut found: [Option<usize>; 6] = [None; 6];
        for (i, cell) in header.iter().enumerate() {
            let cell = cell.trim().trim_start_matches('\u{FEFF}').trim();
            let column = HEADERS
                .iter()
                .find(|(word, _)| word.eq_ignore_ascii_case(cell))
                .map(|(_, column)| *column);
            if let Some(column) = column {
                found[column as usize].get_or_insert(i);
            }
        }
        // tassei's export, with its `code` column or from before it had one.
        let export = header.len() >= CSV_HEADER_BEFORE_CODE
            && header.iter().zip(CSV_HEADER).all(|(h, e)| h.trim() == e);
        let (goal, key) = (found[Column::Goal as usize], found[Column::Key as usize]);
        goal.or(key)?;
        let columns = Self {
            initiative: found[Column::Initiative as usize],
            goal,
            key,
            actual: found[Column::Actual as usize]?,
            status: found[Column::Status as usize].filter(|_| !export),
            evaluation: found[Column::Evaluation as usize],
        };
        Some((
            columns,
            if export {
                Layout::Export
            } else {
                Layout::Named
            },
        ))
    }
}

/// Reads a returned file's bytes: [`decode`], then [`read_str`].
pub fn read(bytes: &[u8]) -> Result<CsvFile, DecodeError> {
    let decoded = decode(bytes)?;
    let mut file = read_str(&decoded.text);
    file.encoding = decoded.encoding;
    Ok(file)
}

/// Reads a returned file's text into rows (its encoding is said to be UTF-8).
///
/// The first row that is not blank decides the layout: when its first cell reads as a goal
/// code, the file has no header and its columns are `goal,actual[,status,evaluation]`;
/// otherwise it is a header, which must name a goal column (目標, 目標コード, コード, `goal`)
/// and an actual column (実績値, `actual`), or nothing is read. Blank rows (Excel writes `,,,`)
/// are skipped; a row without its goal or actual cell, or whose goal is not a code, is left
/// out with a problem, and the others are read.
pub fn read_str(text: &str) -> CsvFile {
    let mut file = CsvFile {
        encoding: Encoding::Utf8,
        layout: Layout::Headerless,
        rows: Vec::new(),
        problems: Vec::new(),
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut columns: Option<Columns> = None;
    let mut lines = Lines::new(text);
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = lines.at(e.position());
                file.problems.push(CsvProblem {
                    line,
                    message: (strings().errors.csv.unreadable)(&e),
                });
                continue;
            }
        };
        let line = lines.at(record.position());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let read_by = match columns {
            Some(known) => known,
            None if reads_as_code(unguard(&record[0])) => *columns.insert(Columns::HEADERLESS),
            None => match Columns::named(&record) {
                Some((named, layout)) => {
                    file.layout = layout;
                    columns = Some(named);
                    continue;
                }
                None => {
                    file.problems.push(CsvProblem {
                        line,
                        message: (strings().errors.csv.unknown_header)(
                            &record.iter().collect::<Vec<_>>().join(","),
                            &known_headers(),
                        ),
                    });
                    return file;
                }
            },
        };
        match row(&record, read_by, line) {
            Ok(row) => file.rows.push(row),
            Err(message) => file.problems.push(CsvProblem { line, message }),
        }
    }
    file
}

/// The line a record starts on, counted from its byte offset: the csv crate's own line count
/// lags a line behind after a CRLF (it counts the LF as the next record begins). Offsets come in
/// order, so the file is counted once.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn at(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(position) = position else {
            return self.line;
        };
        let mut to = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // A record's offset may be at the line ending before it.
        while self
            .text
            .get(to)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            to += 1;
        }
        if to > self.offset {
            self.line += self.text[self.offset..to]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.offset = to;
        }
        self.line
    }
}

/// The header words a file may use, for the message that says none was found.
fn known_headers() -> String {
    let mut words: Vec<&str> = Vec::new();
    for (word, _) in HEADERS {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.join(", ")
}

fn reads_as_code(cell: &str) -> bool {
    cell.trim().parse::<GoalRef>().is_ok()
}

/// One data row, or the message saying why it is left out.
fn row(record: &csv::StringRecord, columns: Columns, line: usize) -> Result<CsvRow, String> {
    if record.len() < columns.needed() {
        return Err((strings().errors.csv.too_few_cells)(
            record.len(),
            columns.needed(),
        ));
    }
    let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).map(unguard);
    let typed = cell(columns.goal).unwrap_or_default().trim();
    let (shown, shown_code) = match (typed.parse::<GoalRef>(), cell(columns.initiative)) {
        (Ok(code), _) => (typed.to_string(), Some(code)),
        (Err(_), Some(initiative)) if !initiative.trim().is_empty() => {
            let joined = format!("{}-{typed}", initiative.trim());
            let code = joined.parse::<GoalRef>().ok();
            (joined, code)
        }
        (Err(_), _) => (typed.to_string(), None),
    };
    let key = cell(columns.key).map(str::trim).unwrap_or_default();
    let (goal, code) = match (key.parse::<GoalRef>().ok(), shown_code) {
        // The goal shown says another goal than the key: the row was edited, not moved.
        (Some(by_key), Some(by_shown)) if by_key != by_shown => {
            return Err((strings().errors.csv.key_disagrees)(
                &Quoted(key),
                &Quoted(&shown),
            ));
        }
        // The key, when it reads: the goal shown may be `?-ア-1` after a trip through CP932.
        (Some(code), _) => (key.to_string(), code),
        (None, Some(code)) => (shown, code),
        (None, None) => {
            let goal = if shown.is_empty() { key } else { &shown };
            let words = &strings().errors.csv;
            let said = if goal.contains('?') {
                words.code_lost_to_question_mark
            } else {
                words.not_a_goal_code
            };
            return Err(said(&Quoted(goal)));
        }
    };
    let owned = |i: Option<usize>| cell(i).map(str::to_string);
    Ok(CsvRow {
        line,
        goal,
        code,
        actual: owned(Some(columns.actual)),
        status: owned(columns.status),
        evaluation: owned(columns.evaluation),
    })
}

/// A cell without the `'` tassei's export puts before a cell that starts like a formula: only
/// where the export would have put it (`'=1+1`, `'-`), so a clerk's own `'5` or `'-5` stays.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralise(rest) == cell => rest,
        _ => cell,
    }
}

/// True when `text` comes back from CP932 as it went: every character is in CP932 and decodes
/// to itself (`～` U+FF5E does; `⑴`, `〜` U+301C and `𠮷` are not in it; `−` U+2212 would come
/// back as `－`). Encoded as `encoding_rs` encodes Shift_JIS, which maps what Windows maps.
pub fn survives_cp932(text: &str) -> bool {
    text.is_ascii() || round_trips(text)
}

/// The characters of `text` CP932 does not carry back (see [`survives_cp932`]), each once, in
/// the order they first appear.
pub fn not_in_cp932(text: &str) -> Vec<char> {
    let mut lost = Vec::new();
    if survives_cp932(text) {
        return lost;
    }
    for c in text.chars() {
        if !char_survives(c) && !lost.contains(&c) {
            lost.push(c);
        }
    }
    lost
}

/// True when `returned` is `current` after a trip through CP932 that replaced each character
/// CP932 lacks with `?` (Windows may make two of a character beyond the BMP, one per UTF-16
/// unit): text lost to `?`, not a change, to flag rather than apply. False when `current`
/// survives CP932 (there was nothing to lose) or `returned` differs in any other way.
pub fn lost_to_question_marks(current: &str, returned: &str) -> bool {
    let returned: Vec<char> = returned.chars().collect();
    // Where in `returned` the part of `current` read so far may end, in order.
    let mut ends = vec![0_usize];
    let mut lost_any = false;
    for c in current.chars() {
        let mut next = Vec::with_capacity(ends.len() + 1);
        let survives = char_survives(c);
        lost_any |= !survives;
        for &at in &ends {
            let expected = if survives { c } else { '?' };
            if returned.get(at) != Some(&expected) {
                continue;
            }
            next.push(at + 1);
            if !survives && c.len_utf16() == 2 && returned.get(at + 1) == Some(&'?') {
                next.push(at + 2);
            }
        }
        next.dedup();
        if next.is_empty() {
            return false;
        }
        ends = next;
    }
    lost_any && ends.contains(&returned.len())
}

fn char_survives(c: char) -> bool {
    c.is_ascii() || round_trips(c.encode_utf8(&mut [0; 4]))
}

fn round_trips(text: &str) -> bool {
    let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
    !unmappable
        && SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .is_some_and(|back| back == text)
}

#[cfg(test)]
mod tests;
