//! `tassei collect FILE… [--apply] [--prefer returned|current] [--all-or-nothing]`: reads
//! returned handouts, previews (or applies) what the three-way rule takes. Exit 0: everything
//! applied, or a preview; 2: a file refused whole; 3: applied with rows left out (listed).

use std::io::Write;
use std::path::PathBuf;

use super::set::edit_failure;
use crate::exchange::{Decision, Prefer, merge, xlsx};
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
    for path in &args.files {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                refused.push((words.not_workbook)(&name, &e));
                continue;
            }
        };
        let file = match xlsx::read(&name, bytes) {
            Ok(f) => f,
            Err(line) => {
                refused.push(line);
                continue;
            }
        };
        if file.plan_uid.as_deref() != Some(session.plan.uid.to_string().as_str()) {
            refused.push((words.other_plan)(&name, &session.plan.slug));
            continue;
        }
        let id = file.handout.unwrap_or_default();
        let Some(handout) = session.store.handout(id)? else {
            refused.push((words.unknown_handout)(&name, id));
            continue;
        };
        if handout.plan != session.plan.id {
            refused.push((words.other_plan)(&name, &session.plan.slug));
            continue;
        }
        let plan = merge(&session.plan, &handout, &file, prefer);
        writeln!(out, "{}", (words.from_file)(&name, &handout.section, id))?;
        if let Some(at) = &handout.collected_at {
            writeln!(out, "{}", (words.collected_before)(&name, at))?;
        }
        for c in &plan.changes {
            let label = c.field.label_ja();
            let line = if c.decision == Decision::Conflict && c.preferred.is_none() {
                (words.conflict)(&c.subject, label, &c.current, &c.returned, &c.base)
            } else {
                (words.change)(&c.subject, label, &c.current, &c.returned, &c.base)
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
        let applied = session
            .store
            .collect(id, &name, &plan.taken)
            .map_err(edit_failure)?;
        writeln!(out, "{}", (words.applied)(&name, applied.len()))?;
        session.reload()?;
        left.extend(here);
    }
    if !args.apply {
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
