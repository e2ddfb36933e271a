//! `tassei collect FILE… [--apply] [--prefer returned|current] [--confirm-clears]
//! [--all-or-nothing]`: reads
//! returned handouts — workbooks, and exchange files (`.tassei`) filled on a laptop — previews
//! (or applies) what the three-way rule takes (`exchange::incoming` reads each). A CSV (by its
//! `.csv` name, or any file that is not a zip workbook) has no handout: the two-way rule, each
//! change shown as having no base. Exit 0: everything applied, or a preview; 2: a file refused
//! whole; 3: applied with rows left out (listed).

use std::io::Write;
use std::path::PathBuf;

use super::set::edit_failure;
use crate::exchange::{Change, Decision, Prefer, Refusal, Source, incoming, merge};
use crate::session::{Failure, Session};
use crate::strings::strings;
use crate::text::control::visible;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "FILE", help = strings().cli.help.exchange.files)]
    files: Vec<PathBuf>,
    #[arg(long, help = strings().cli.help.exchange.apply)]
    pub apply: bool,
    #[arg(long, value_enum, help = strings().cli.help.exchange.prefer)]
    prefer: Option<Side>,
    #[arg(long, help = strings().cli.help.exchange.confirm_clears)]
    confirm_clears: bool,
    #[arg(long, help = strings().cli.help.exchange.all_or_nothing)]
    all_or_nothing: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Side {
    Returned,
    Current,
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().exchange;
    let prefer = args.prefer.map(|s| match s {
        Side::Returned => Prefer::Returned,
        Side::Current => Prefer::Current,
    });
    let mut refused = Vec::new();
    let mut left = Vec::new();
    let mut read_any = false;
    for path in &args.files {
        let incoming = match incoming::read(path, &session.store, &session.plan) {
            Ok(i) => {
                read_any = true;
                i
            }
            Err(Refusal::File(line)) => {
                refused.push(line);
                continue;
            }
            Err(Refusal::Store(e)) => return Err(e.into()),
        };
        let name = incoming.name.clone();
        match &incoming.source {
            Source::Csv { encoding } => writeln!(out, "{}", (words.from_csv)(&name, encoding))?,
            Source::Handout(handout) => {
                writeln!(
                    out,
                    "{}",
                    (words.from_file)(&name, &handout.section, handout.id)
                )?;
                if let Some(at) = &handout.collected_local {
                    writeln!(out, "{}", (words.collected_before)(&name, at))?;
                }
            }
            Source::DataFile { handout, laptop } => {
                let (section, id) = (&handout.section, handout.id);
                let line = match &laptop.last_at {
                    Some(last) => {
                        (words.from_datafile)(&name, section, id, &laptop.actors.join(", "), last)
                    }
                    None => (words.from_datafile_untouched)(&name, section, id),
                };
                writeln!(out, "{line}")?;
                if let Some(at) = &handout.collected_local {
                    writeln!(out, "{}", (words.collected_before)(&name, at))?;
                }
            }
        }
        let handout = incoming.handout();
        let clears = match (args.confirm_clears, prefer) {
            (true, _) => Some(Prefer::Returned),
            (false, Some(Prefer::Current)) => Some(Prefer::Current),
            (false, _) => None,
        };
        let mut plan = merge(&session.plan, handout, &incoming.file, prefer, clears);
        plan.attribute(&session.store)?;
        for c in &plan.changes {
            let label = c.field.label_ja();
            let (subject, returned) = (&c.subject, &c.returned);
            let current = &now(c);
            let base = &c.base;
            let line = match (c.decision, c.preferred) {
                (Decision::Conflict, None) => {
                    (words.conflict)(subject, label, current, returned, base)
                }
                (Decision::Conflict, Some(Prefer::Returned)) => {
                    (words.conflict_returned)(subject, label, current, returned, base)
                }
                (Decision::Conflict, Some(Prefer::Current)) => {
                    (words.conflict_current)(subject, label, current, returned, base)
                }
                (Decision::Cleared, None) => {
                    (words.cleared)(subject, label, current, returned, base)
                }
                (Decision::Cleared, Some(Prefer::Returned)) => {
                    (words.cleared_taken)(subject, label, current, returned)
                }
                (Decision::Cleared, Some(Prefer::Current)) => {
                    (words.cleared_kept)(subject, label, current)
                }
                (Decision::Unbased, _) => (words.unbased)(subject, label, current, returned),
                (Decision::LostText, _) => (words.lost_text)(subject, label, current, returned),
                _ => (words.change)(subject, label, current, returned, base),
            };
            writeln!(out, "{line}")?;
        }
        // "Nothing to change" only when nothing was left out either: before a list of rows
        // left out it read as if the file were clean.
        if plan.changes.is_empty() && plan.problems.is_empty() {
            writeln!(out, "{}", (words.nothing_new)(&name))?;
        }
        let mut here = plan.problems.clone();
        here.extend(plan.unsettled().map(|c| {
            let at = (words.cell)(&c.at, &c.subject, c.field.label_ja());
            match c.decision {
                Decision::Cleared => (words.cleared_left)(&at, &c.current),
                _ => (words.conflict_left)(&at, &now(c), &c.returned, &c.base),
            }
        }));
        if !args.apply {
            for line in &plan.problems {
                writeln!(out, "  {line}")?;
            }
            continue;
        }
        if args.all_or_nothing && !here.is_empty() {
            writeln!(out, "{}", (words.all_or_nothing)(&name))?;
            left.extend(here);
            continue;
        }
        let applied = incoming
            .collect(&mut session.store, &plan.taken)
            .map_err(edit_failure)?;
        writeln!(out, "{}", (words.applied)(&name, applied.len(), here.len()))?;
        session.reload()?;
        left.extend(here);
    }
    // Only after a preview: with every file refused there was nothing to preview.
    if !args.apply && read_any {
        writeln!(out, "{}", words.preview_only)?;
    }
    out.flush()?;
    if !refused.is_empty() {
        refused.extend(left);
        return Err(Failure::inputs(refused));
    }
    if !left.is_empty() {
        return Err(Failure {
            code: 3,
            lines: left,
        });
    }
    Ok(())
}

/// A change's value now, with who made it when the change log knows (a conflict's).
fn now(c: &Change) -> String {
    match &c.by {
        Some(by) => (strings().exchange.current_by)(&c.current, &visible(&by.actor, &[]), &by.at),
        None => c.current.to_string(),
    }
}
