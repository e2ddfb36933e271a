//! A file brought to a collect, read and checked once for both front ends: which kind it is (a
//! returned handout workbook, a CSV, an exchange file), the handout it answers, its rows. The
//! CLI prints it, the TUI's collect preview lists it; neither reads a file itself.

use std::path::Path;

use super::datafile::{self, Laptop};
use super::returned::ReturnedFile;
use super::{csv_return, xlsx};
use crate::model::Plan;
use crate::store::{Applied, EditError, Handout, Store, StoreError, Taken};
use crate::strings::strings;

/// Where a returned file's rows came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A CSV: no handout behind it (the two-way rule); its encoding's name as said to a clerk.
    Csv { encoding: &'static str },
    /// A handout workbook, with the registry's record of what was handed out.
    Handout(Handout),
    /// An exchange file (`.tassei`): the registry's record of what was handed out (with the
    /// notes written there since), and what the file's own change log says.
    DataFile { handout: Handout, laptop: Laptop },
}

/// A file read for a collect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The file's name as the clerk sees it (not the whole path).
    pub name: String,
    pub source: Source,
    pub file: ReturnedFile,
}

impl Incoming {
    /// The handout the file answers, when it answers one.
    pub fn handout(&self) -> Option<&Handout> {
        match &self.source {
            Source::Handout(h) | Source::DataFile { handout: h, .. } => Some(h),
            Source::Csv { .. } => None,
        }
    }

    /// Writes what a collect takes from the file (`taken`, as `merge` planned it) in one
    /// transaction and one batch, each change-log row naming where it came from: the file, and
    /// for an exchange file who changed the value there and when.
    pub fn collect(&self, store: &mut Store, taken: &[Taken]) -> Result<Vec<Applied>, EditError> {
        match &self.source {
            Source::Csv { .. } => store.collect(None, &self.name, taken),
            Source::Handout(h) => store.collect(Some(h.id), &self.name, taken),
            Source::DataFile { handout, laptop } => store.collect_exchange(
                handout.id,
                &laptop.added,
                &|t| laptop.origin(&self.name, t),
                &laptop.with_figures(taken),
            ),
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// The file, refused whole: one line naming it and why.
    File(String),
    /// The data file could not be read.
    Store(StoreError),
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        Refusal::Store(e)
    }
}

/// The name a clerk knows a path by.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads `path` for a collect into `plan`: an exchange file (by its `.tassei` name, or any
/// SQLite file), a CSV (by its `.csv` name, or any file that is not a zip workbook) or a
/// returned handout workbook, checked against the registry (a handout of this plan that tassei
/// made).
pub fn read(path: &Path, store: &Store, plan: &Plan) -> Result<Incoming, Refusal> {
    if datafile::is_datafile(path) {
        return datafile::read(path, store, plan);
    }
    let words = &strings().exchange;
    let name = file_name(path);
    let bytes = read_bytes(path)?;
    if is_csv(path, &bytes) {
        let read = csv_return::read(&name, &bytes, plan).map_err(Refusal::File)?;
        let encoding = csv_return::encoding_name(read.encoding);
        return Ok(Incoming {
            name,
            source: Source::Csv { encoding },
            file: read.file,
        });
    }
    let file = xlsx::read(&name, bytes).map_err(Refusal::File)?;
    if file.plan_uid.as_deref() != Some(plan.uid.to_string().as_str()) {
        return Err(Refusal::File(other_plan(store, &name, &file, plan)?));
    }
    let id = file.handout.unwrap_or_default();
    let Some(handout) = store.handout(id)? else {
        return Err(Refusal::File((words.unknown_handout)(&name, id)));
    };
    // The plan's uid is this plan's, but the number is another plan's here, or was made at
    // another moment: a copy of this data file handed it out.
    let made_elsewhere = file
        .made
        .as_ref()
        .is_some_and(|made| *made != handout.created_at);
    if handout.plan != plan.id {
        return Err(Refusal::File((words.unknown_handout)(&name, id)));
    }
    if made_elsewhere {
        return Err(Refusal::File((words.made_elsewhere)(&name, id)));
    }
    Ok(Incoming {
        name,
        source: Source::Handout(handout),
        file,
    })
}

/// Why a workbook handed out for another plan is refused: another fiscal year's plan of this
/// data file is named with both years (last year's handout brought to this year's plan); any
/// other, as another plan. A plan's uid is its year's: an import gives a fresh one and nothing
/// changes a plan's year, so a workbook of this plan's uid is of this year.
fn other_plan(
    store: &Store,
    name: &str,
    file: &ReturnedFile,
    plan: &Plan,
) -> Result<String, StoreError> {
    let words = &strings().exchange;
    let handed = match file.plan_uid.as_deref() {
        Some(uid) => store.plan_with_uid(uid)?,
        None => None,
    };
    Ok(match handed {
        Some(handed) if handed.fiscal_year != plan.fiscal_year => (words.other_year_plan)(
            name,
            &handed.fiscal_year.reiwa_label(),
            &handed.slug,
            &plan.fiscal_year.reiwa_label(),
            &plan.slug,
        ),
        _ => (words.other_plan)(name, &plan.slug),
    })
}

/// The file's bytes, or the line saying why not in the clerk's language (the path as given: a
/// file not found is looked for where the clerk said).
fn read_bytes(path: &Path) -> Result<Vec<u8>, Refusal> {
    let io = &strings().errors.io;
    let why = if path.is_dir() {
        // Windows says a folder is "access denied": it is a folder.
        io.is_folder.to_string()
    } else {
        match std::fs::read(path) {
            Ok(bytes) => return Ok(bytes),
            Err(e) => io.reading(&e),
        }
    };
    let shown = path.display().to_string();
    Err(Refusal::File((strings().exchange.cannot_open)(
        &shown, &why,
    )))
}

/// Named as a CSV: `.csv`, any case.
fn named_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Read as a CSV: named so, or, unless named as a workbook, any file that is not a zip archive.
fn is_csv(path: &Path, bytes: &[u8]) -> bool {
    let workbook = path.extension().is_some_and(|e| {
        ["xlsx", "xlsm", "xls"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    });
    named_csv(path) || (!workbook && !csv_return::is_zip(bytes))
}
