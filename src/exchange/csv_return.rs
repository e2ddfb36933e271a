//! A returned CSV as [`Returned`] rows, for the merge: [`csv::read`](super::csv::read)'s rows
//! (per goal) turned into one row per field given, each named by its file and line
//! (`市民係.csv line 12`, `市民係.csv 12行目`), and its problems into the collect's bad-row
//! lines.
//!
//! A CSV row is a goal's: 実績値 and 評価内容 are the goal's; 状況 is an activity's, so a goal
//! row's 状況 is read only when the goal has exactly one activity of its own (a goal with
//! several, or none, or another goal's, gets a line saying so, and its other cells are read).
//! A blank cell says nothing: it is not read as clearing the value (a file without a handout
//! cannot tell "left blank" from "cleared").

use super::csv::{self, Encoding, Layout};
use super::merge::value::LIST_SEPARATOR;
use super::returned::{Returned, ReturnedFile, Typed};
use crate::model::{ActivityStatus, FieldKey, Plan};
use crate::strings::strings;

/// A CSV read for a collect: its rows and how its bytes and columns were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvReturn {
    pub file: ReturnedFile,
    pub encoding: Encoding,
    pub layout: Layout,
}

/// Reads `bytes`, a CSV named `name`, against `plan` (to find a goal's activity). `Err` is the
/// one line that refuses the file whole: bytes that are not text (naming their line).
pub fn read(name: &str, bytes: &[u8], plan: &Plan) -> Result<CsvReturn, String> {
    let words = &strings().exchange;
    let read = csv::read(bytes).map_err(|e| (words.not_csv)(name, &e))?;
    let at = |line: usize| (words.csv_at)(name, line);
    let mut problems: Vec<(usize, String)> = read
        .problems
        .iter()
        .map(|p| (p.line, (words.bad_value)(&at(p.line), &p.message)))
        .collect();
    let mut rows = Vec::new();
    for row in read.rows {
        let here = at(row.line);
        let key = row.code.to_string();
        let Some((_, goal)) = plan.goal(row.code) else {
            problems.push((row.line, (words.unknown_goal)(&here, &row.goal)));
            continue;
        };
        let given = |cell: Option<String>| cell.filter(|c| !c.trim().is_empty());
        let mut push = |key: String, field: FieldKey, value: String| {
            rows.push(Returned {
                at: here.clone(),
                key,
                shown_goal: None,
                field,
                value: Typed::Text(value),
            });
        };
        if let Some(actual) = given(row.actual) {
            push(key.clone(), FieldKey::Actual, actual);
        }
        if let Some(evaluation) = given(row.evaluation) {
            push(key.clone(), FieldKey::Evaluation, evaluation);
        }
        let Some(status) = given(row.status) else {
            continue;
        };
        let status = match status.parse::<ActivityStatus>() {
            Ok(s) => s,
            Err(_) => {
                // The statuses as the sheet writes them, as a workbook's drop-down offers them:
                // the typed words (`done`) are the command line's.
                let all: Vec<&str> = ActivityStatus::ALL[1..]
                    .iter()
                    .map(|s| s.label_ja())
                    .collect();
                let typed = status.trim();
                let said = (words.not_status)(&here, typed, &all.join(LIST_SEPARATOR));
                problems.push((row.line, said));
                continue;
            }
        };
        match (goal.activities_from, goal.activities.as_slice()) {
            (Some(source), _) => {
                problems.push((row.line, (words.status_shared)(&here, &row.code, &source)));
            }
            (None, [activity]) => push(
                activity.uid.to_string(),
                FieldKey::ActivityStatus,
                status.label_ja().to_string(),
            ),
            (None, activities) => problems.push((
                row.line,
                (words.status_needs_one_activity)(&here, &row.code, activities.len()),
            )),
        }
    }
    problems.sort_by_key(|(line, _)| *line);
    Ok(CsvReturn {
        file: ReturnedFile {
            name: name.to_string(),
            plan_uid: None,
            handout: None,
            made: None,
            rows,
            problems: problems.into_iter().map(|(_, line)| line).collect(),
        },
        encoding: read.encoding,
        layout: read.layout,
    })
}

/// An encoding's name as a clerk finds it in Excel's save dialog.
pub fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::ShiftJis => "Shift_JIS",
        Encoding::Utf8Bom => "UTF-8 BOM",
        Encoding::Utf8 => "UTF-8",
    }
}

/// True when `bytes` open as a zip archive, as a workbook does (`PK\x03\x04`).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}
