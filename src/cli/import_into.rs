//! `tassei import FILE.xlsx --into PLAN [--apply]`: the workbook compared with the plan it was
//! exported from (`exchange::plan_workbook::into`), every changed value shown beside the stored
//! one, then, with `--apply`, written as ordinary edits in one logged batch (`Store::apply_all`)
//! that `tassei undo` takes back whole. What an import does not write (rows added, removed or
//! moved in Excel; fields no edit covers) is listed, never dropped in silence.

use std::io::Write;

use crate::config::Config;
use crate::exchange::plan_workbook::into::{Refused, diff};
use crate::session::{DataFile, Failure, Purpose, Session};
use crate::strings::strings;

pub fn run(
    file: &DataFile,
    config: &Config,
    args: &super::import::Args,
    into: &str,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let words = &strings().exchange.plan_workbook;
    let path = &args.file;
    let name = path.display().to_string();
    let workbook = super::import::read(path)?;
    let purpose = if args.apply {
        Purpose::Write
    } else {
        Purpose::Read
    };
    let mut session = Session::open(file, config, Some(into), None, purpose)?;
    let d = diff(&session.plan, &workbook).map_err(|e| {
        Failure::input(match e {
            Refused::NoPlanUid => (words.no_plan_uid)(&name),
            Refused::OtherPlan => (words.other_plan)(&name, &session.plan.slug),
        })
    })?;
    writeln!(out, "{}", (words.into_header)(&name, &session.plan.slug))?;
    for c in &d.changes {
        let line = (words.into_change)(&c.subject, c.label, &c.stored, &c.workbook);
        writeln!(out, "{line}")?;
    }
    for left in &d.left {
        writeln!(out, "{}", left.0)?;
    }
    if d.changes.is_empty() {
        writeln!(out, "{}", (words.nothing_to_write)(&name))?;
        return Ok(());
    }
    if !args.apply {
        writeln!(out, "{}", (words.into_preview)(d.changes.len()))?;
        return Ok(());
    }
    let edits: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.edit.clone(), c.seen.clone()))
        .collect();
    let applied = session
        .store
        .apply_all(&edits)
        .map_err(super::set::edit_failure)?;
    writeln!(out, "{}", (words.into_applied)(applied.len(), &name))?;
    Ok(())
}
