//! `tassei import FILE.xlsx --into PLAN [--apply]`: the workbook compared with the plan it was
//! exported from (`exchange::plan_workbook::into`), every changed value shown beside the stored
//! one, then, with `--apply`, written as ordinary edits in one logged batch (`Store::apply_all`)
//! that `tassei undo` takes back whole. What an import does not write (rows added, removed or
//! moved in Excel; fields no edit covers) is listed, never dropped in silence.

use std::io::Write;

use super::import::Side;
use crate::config::Config;
use crate::exchange::plan_workbook::into::{Refused, diff, settle};
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
    let read = super::import::read_all(path)?;
    let (workbook, stamp) = (read.plan, read.stamp);
    let purpose = if args.apply {
        Purpose::Write
    } else {
        Purpose::Read
    };
    let mut session = Session::open(file, config, Some(into), None, purpose)?;
    let mut d = diff(&session.plan, &workbook).map_err(|e| {
        Failure::input(match e {
            Refused::NoPlanUid => (words.no_plan_uid)(&name, &session.plan.slug),
            Refused::OtherPlan => (words.other_plan)(&name, &session.plan.slug, &workbook.slug),
        })
    })?;
    settle(&mut d, stamp.as_ref(), &session.store)?;
    writeln!(out, "{}", (words.into_header)(&name, &session.plan.slug))?;
    for c in &d.changes {
        let line = match &c.conflict {
            None => (words.into_change)(&c.subject, c.label, &c.stored, &c.workbook),
            Some(x) => (if x.known {
                words.into_conflict
            } else {
                words.into_maybe_conflict
            })(
                &c.subject,
                c.label,
                &c.stored,
                &c.workbook,
                &x.by.actor,
                &x.by.at,
            ),
        };
        writeln!(out, "{line}")?;
    }
    let conflicts = d.changes.iter().filter(|c| c.conflict.is_some()).count();
    for left in &d.left {
        writeln!(out, "{}", left.0)?;
    }
    for note in &read.notes {
        writeln!(out, "{note}")?;
    }
    if d.changes.is_empty() {
        writeln!(out, "{}", (words.nothing_to_write)(&name))?;
        return Ok(());
    }
    if !args.apply {
        if conflicts > 0 {
            writeln!(out, "{}", (words.into_choose)(conflicts))?;
        }
        writeln!(out, "{}", (words.into_preview)(d.changes.len()))?;
        return Ok(());
    }
    if conflicts > 0 && args.prefer.is_none() {
        return Err(Failure::inputs(vec![
            (words.into_choose)(conflicts),
            strings().exchange.plan_workbook.nothing_written.to_string(),
        ]));
    }
    let keep_stored = args.prefer == Some(Side::Stored);
    let edits: Vec<_> = d
        .changes
        .iter()
        .filter(|c| !(keep_stored && c.conflict.is_some()))
        .map(|c| (c.edit.clone(), c.seen.clone()))
        .collect();
    let applied = session
        .store
        .apply_all(&edits, Some(&file_name(path)))
        .map_err(super::set::edit_failure)?;
    writeln!(out, "{}", (words.into_applied)(applied.len(), &name))?;
    if keep_stored && conflicts > 0 {
        writeln!(out, "{}", (words.into_kept)(conflicts))?;
    }
    Ok(())
}

/// The workbook's file name, as the change log's origin names it (the folder is the clerk's
/// own business, and changes between machines).
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}
