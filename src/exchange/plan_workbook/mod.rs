//! A plan read from a workbook in the layout `tassei export --format xlsx` writes (and `tassei
//! new --template` starts empty): 計画, データ (with its hidden keys), 実施内容, 内訳 and 算出,
//! read by their headers into the plan file's types and checked by the very validators a JSON
//! plan file passes (`sheet::validate_file`), every problem said at its cell
//! (`データ!H14（目標値）: not a number: "1万件"`), all of them at once.
//!
//! - `table`: a sheet read by header, each cell as the text a plan file would hold;
//! - `build`: the rows made into the file's types, each field's cell remembered by its path.

mod build;
pub mod into;
mod paper;
mod periods;
mod said;
mod stale;
mod table;

use std::io::Cursor;

use calamine::{Xlsx, open_workbook_from_rs};

use crate::exchange::xlsx::{Contents, not_workbook};
use crate::model::Plan;
use crate::report::workbook::{Stamp, layout, words};
use crate::sheet;
use crate::strings::strings;
use build::Built;
use table::Table;

/// Whether a file is a workbook by its first bytes (a zip, as an .xlsx is; a compound file, an
/// .xls or a password-protected .xlsx, to be refused in the clerk's words) or its name.
pub fn is_workbook(name: &str, first_bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    matches!(
        Contents::of(first_bytes),
        Contents::Zip | Contents::Compound
    ) || [".xlsx", ".xlsm", ".xls"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The plan the workbook `bytes` (named `name`) holds, valid; or every problem, one line each
/// naming the file and the cell.
pub fn read(name: &str, bytes: Vec<u8>) -> Result<Plan, Vec<String>> {
    read_all(name, bytes).map(|read| read.plan)
}

/// What a workbook gives beside its plan.
#[derive(Debug)]
pub struct Read {
    pub plan: Plan,
    /// Where the data file's change log stood when the workbook was exported, when it says (an
    /// export by a tassei before it did, or a template, does not).
    pub stamp: Option<Stamp>,
    /// Lines to tell the clerk though nothing is wrong: figures typed on 評価シート, not read.
    pub notes: Vec<String>,
    /// Where the plan's id is, with its header (`計画!B2（値）`), to name when it is taken.
    pub id_place: Option<String>,
}

/// As [`read`], with the workbook's export stamp and notes.
pub fn read_all(name: &str, bytes: Vec<u8>) -> Result<Read, Vec<String>> {
    let words_ = &strings().exchange.plan_workbook;
    let kind = Contents::of(&bytes);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        // Text, or a zip without a workbook's parts (an .ods or a .csv renamed .xlsx).
        let other = matches!(
            (kind, &e),
            (Contents::Other, _)
                | (
                    Contents::Zip,
                    calamine::XlsxError::FileNotFound(_)
                        | calamine::XlsxError::RelationshipNotFound
                )
        );
        if other {
            vec![(words_.not_xlsx)(name)]
        } else {
            vec![not_workbook(name, kind, &e)]
        }
    })?;
    let (Some(data), Some(plan_sheet)) = (
        Table::open(&mut book, words::DATA_SHEET, layout::data()),
        Table::open(&mut book, words::PLAN_SHEET, layout::plan()),
    ) else {
        return Err(vec![(words_.not_plan_workbook)(name)]);
    };
    let missing: Vec<&str> = [words::INITIATIVE, words::GOAL, words::GOAL_TEXT]
        .into_iter()
        .filter(|h| !data.has(h))
        .collect();
    if !missing.is_empty() {
        return Err(vec![(words_.missing_columns)(
            name,
            words::DATA_SHEET,
            &missing.join(", "),
        )]);
    }
    let stamp = plan_sheet
        .first_text(words::EXPORTED_AT_LOG)
        .and_then(|id| id.parse::<i64>().ok())
        .map(|log_id| Stamp {
            log_id,
            at: plan_sheet
                .first_text(words::EXPORTED_AT)
                .unwrap_or_default(),
        });
    let mut built = Built::default();
    let mut file = build::plan(&mut built, &plan_sheet);
    build::goals(&mut built, &data);
    if built.initiatives.is_empty() {
        return Err(vec![(words_.no_goals)(name, words::DATA_SHEET)]);
    }
    let mut headers = [&data, &plan_sheet].map(|t| t.missing_headers()).concat();
    for (sheet, read, layout) in [
        (
            words::ACTIVITY_SHEET,
            build::activities as fn(&mut Built, &Table),
            layout::activities(),
        ),
        (words::PARTS_SHEET, build::parts, layout::parts()),
        (
            words::DERIVATIONS_SHEET,
            build::derivations,
            layout::derivations(),
        ),
    ] {
        if let Some(table) = Table::open(&mut book, sheet, layout) {
            read(&mut built, &table);
            headers.extend(table.missing_headers());
        }
    }
    // A header renamed in Excel would empty its column: nothing else is worth saying then.
    if !headers.is_empty() {
        return Err(said::refused(name, headers));
    }
    file.initiatives = std::mem::take(&mut built.initiatives);
    stale::mark(&mut file);
    let validated = sheet::validate_file(file);
    let mut lines: Vec<(String, String)> = std::mem::take(&mut built.problems);
    if let Err(errors) = &validated {
        for e in &errors.0 {
            let (cell, line) = match cell_of(&built, &e.path) {
                Some(at) => {
                    let mut message = said::with_cells(&built, &e.message);
                    // A direction refused for its formula: either cell may be the one changed.
                    if let Some(goal) = e.path.strip_suffix(".direction")
                        && let Some(formula) = built.cells.get(&format!("{goal}.formula"))
                    {
                        message = (words_.direction_with)(&message, &formula.place());
                    }
                    (at.cell.clone(), format!("{}: {message}", at.place()))
                }
                None => (String::new(), said::with_cells(&built, &e.to_string())),
            };
            // A cell already refused by the reader is not said again by the validators.
            if cell.is_empty() || !lines.iter().any(|(c, _)| *c == cell) {
                lines.push((cell, line));
            }
        }
    }
    if lines.is_empty() {
        let plan = validated.map_err(|e| e.lines())?;
        let mut notes = paper::unread_edits(&mut book, &plan, &built);
        notes.extend(periods::unreadable(&plan, &built));
        let id_place = built.cells.get("id").map(|at| at.cell.clone());
        Ok(Read {
            plan,
            stamp,
            notes,
            id_place,
        })
    } else {
        Err(said::refused(name, lines))
    }
}

/// The cell a validator's path names: the field's own, else the nearest row it is in
/// (`initiatives[0].goals[1]` for a goal's rule).
fn cell_of<'b>(built: &'b Built, path: &str) -> Option<&'b table::At> {
    let mut path = path;
    loop {
        if let Some(at) = built.cells.get(path) {
            return Some(at);
        }
        let cut = path.rfind(['.', '['])?;
        path = &path[..cut];
    }
}

#[cfg(test)]
mod tests;
