//! `tassei collect FILE… [--apply] [--prefer returned|current] [--all-or-nothing]`: reads
//! returned handouts, previews (or applies) what the three-way rule takes. A CSV (by its
//! `.csv` name, or any file that is not a zip workbook) has no handout: the two-way rule, each
//! change shown as having no base. Exit 0: everything applied, or a preview; 2: a file refused
//! whole; 3: applied with rows left out (listed).

use std::io::Write;
use std::path::PathBuf;

use super::set::edit_failure;
use crate::exchange::{Decision, Prefer, Refusal, Source, incoming, merge};
use crate::session::{Failure, Session};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "FILE", help = strings().cli.help.exchange.files)]
    files: Vec<PathBuf>,
    #[arg(long, help = strings().cli.help.exchange.apply)]
    pub apply: bool,
    #[arg(long, value_enum, help = strings().cli.help.exchange.prefer)]
    prefer: Option<Side>,
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
                if let Some(at) = &handout.collected_at {
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
                if let Some(at) = &handout.collected_at {
                    writeln!(out, "{}", (words.collected_before)(&name, at))?;
                }
            }
        }
        let handout = incoming.handout();
        let plan = merge(&session.plan, handout, &incoming.file, prefer);
        for c in &plan.changes {
            let label = c.field.label_ja();
            let (subject, current, returned) = (&c.subject, &c.current, &c.returned);
            let line = match c.decision {
                Decision::Conflict if c.preferred.is_none() => {
                    (words.conflict)(subject, label, current, returned, &c.base)
                }
                Decision::Unbased => (words.unbased)(subject, label, current, returned),
                Decision::LostText => (words.lost_text)(subject, label, current, returned),
                _ => (words.change)(subject, label, current, returned, &c.base),
            };
            writeln!(out, "{line}")?;
        }
        if plan.changes.is_empty() {
            writeln!(out, "{}", (words.nothing_new)(&name))?;
        }
        let mut here = plan.problems.clone();
        here.extend(plan.open_conflicts().map(|c| {
            (words.conflict_left)(
                &name,
                &c.subject,
                c.field.label_ja(),
                &c.current,
                &c.returned,
                &c.base,
            )
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
        writeln!(out, "{}", (words.applied)(&name, applied.len()))?;
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
