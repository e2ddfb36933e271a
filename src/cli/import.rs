//! `tassei import FILE`: a plan file (JSON, or a workbook in the export's layout, read by
//! `exchange::plan_workbook`) added beside the plans already there, or every problem
//! with it, one line each; nothing is written unless the whole file is valid. The file is read
//! before the data file is opened: a data file not there yet is created holding this plan
//! alone, and none is created for a file that is refused.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::exchange::plan_workbook;
use crate::report::workbook::examples_left;
use crate::session::say;
use crate::session::{DataFile, Failure, Opened};
use crate::sheet;
use crate::store::ImportError;
use crate::strings::strings;

/// A city's plan file is tens of KB; one that `export --format plan` writes of a prefecture's
/// 100,000 goals is 135 MB, and importing it peaks at 366 MB (2.7 times the file: its text,
/// then its shape, then the plan, each dropped when the next is built; README § Performance).
/// 256 MB leaves room for plans half again as large or as wordy, and stops a file that is not
/// a plan (a video picked by mistake) before it is read.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = strings().cli.help.import_file)]
    pub(super) file: PathBuf,
    #[arg(long, value_name = "ID", conflicts_with = "into", help = strings().cli.help.import_id)]
    id: Option<String>,
    /// `--into PLAN`: compare the workbook with a plan it was exported from.
    #[arg(long, value_name = "PLAN", help = strings().cli.help.import_into)]
    pub(super) into: Option<String>,
    /// `--apply`: write what `--into` previews.
    #[arg(long, requires = "into", help = strings().cli.help.import_apply)]
    pub(super) apply: bool,
    /// `--prefer workbook|stored`: a conflict's side.
    #[arg(long, value_enum, requires = "into", help = strings().cli.help.import_prefer)]
    pub(super) prefer: Option<Side>,
}

/// The value `--into --apply` keeps for a field changed both in the workbook and the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Side {
    Workbook,
    Stored,
}

pub fn run(
    file: &DataFile,
    config: &Config,
    args: &Args,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if let Some(into) = &args.into {
        return super::import_into::run(file, config, args, into, out);
    }
    let words = &strings().cli.import;
    let path = &args.file;
    let plan_workbook::Read {
        mut plan,
        notes,
        id_place,
        ..
    } = read_all(path)?;
    for note in notes {
        say(note);
    }
    if let Some(id) = &args.id {
        check_new_id(id)?;
        plan.slug.clone_from(id);
    }
    let mut opened = Opened::open_to_import(file, config, &plan)?;
    opened.warn_of_damage();
    let store = &mut opened.store;
    // A data file this command created holds the plan already.
    let copy = if store.created() {
        false
    } else {
        let imported = store.import_plan(&plan).map_err(|e| match e {
            // A workbook's id is a cell: name it, as the clerk will change it there.
            ImportError::Exists(slug) if id_place.is_some() && args.id.is_none() => {
                Failure::input((strings().exchange.plan_workbook.id_taken)(
                    &path.display().to_string(),
                    id_place.as_deref().unwrap_or_default(),
                    &slug,
                ))
            }
            ImportError::Exists(_) => Failure::input(e),
            // Busy, disk full, damaged …: the exit code every other command gives.
            ImportError::Store(e) => Failure::from(e),
        })?;
        imported.copy
    };
    let said = (words.imported)(
        path,
        &plan.municipality,
        &plan.title,
        plan.goals().count(),
        &plan.slug,
    );
    writeln!(out, "{said}")?;
    let examples = examples_left(&plan);
    if !examples.is_empty() {
        let goals: Vec<String> = examples.iter().map(ToString::to_string).collect();
        say((strings().cli.said.warning)(&(words.example_left)(
            &goals.join(", "),
        )));
    }
    if copy {
        writeln!(out, "{}", words.copy)?;
    }
    Ok(())
}

/// A new plan's `--id` (import, rollover), by the same rule as a plan file's id: `--plan` must
/// be able to name it.
pub(super) fn check_new_id(slug: &str) -> Result<(), Failure> {
    match sheet::id_refusal(slug) {
        Some(why) => Err(Failure::input(format!("--id: {why}"))),
        None => Ok(()),
    }
}

/// The plan a file holds, read and checked whole, or every problem with it, one line each
/// naming the file (at most [`sheet::SheetErrors::SHOWN`], then how many more).
/// A workbook's export stamp and notes come with it.
pub(super) fn read_all(path: &Path) -> Result<plan_workbook::Read, Failure> {
    let words = &strings().cli.import;
    let unreadable = |e: std::io::Error| {
        Failure::input((words.cannot_read)(path, &strings().errors.io.reading(&e)))
    };
    let size = fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(Failure::input((words.too_large)(
            path,
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024),
        )));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if plan_workbook::is_workbook(&path.to_string_lossy(), &bytes) {
        let name = path.display().to_string();
        return plan_workbook::read_all(&name, bytes).map_err(Failure::inputs);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::input(match e.utf8_error().error_len() {
            // Only an incomplete character at the very end: the file was cut short.
            None => (words.cut_short)(path),
            Some(_) => (words.not_utf8)(path, at),
        })
    })?;
    let plan = sheet::parse_text(text).map_err(|errors| {
        Failure::inputs(
            errors
                .lines()
                .into_iter()
                .map(|line| format!("{}: {line}", path.display()))
                .collect(),
        )
    })?;
    Ok(plan_workbook::Read {
        plan,
        stamp: None,
        notes: Vec::new(),
        id_place: None,
    })
}
