//! `tassei collect FILE… [--apply] [--prefer returned|current] [--all-or-nothing]`: reads
//! returned handouts, previews (or applies) what the three-way rule takes. A CSV (by its
//! `.csv` name, or any file that is not a zip workbook) has no handout: the two-way rule, each
//! change shown as having no base. Exit 0: everything applied, or a preview; 2: a file refused
//! whole; 3: applied with rows left out (listed).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::set::edit_failure;
use crate::exchange::{Decision, Prefer, csv_return, merge, xlsx};
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
            Err(e) if named_csv(path) => {
                refused.push((words.not_csv)(&name, &e));
                continue;
            }
            Err(e) => {
                refused.push((words.not_workbook)(&name, &e));
                continue;
            }
        };
        let (file, handout) = if is_csv(path, &bytes) {
            match csv_return::read(&name, &bytes, &session.plan) {
                Ok(read) => {
                    let encoding = csv_return::encoding_name(read.encoding);
                    writeln!(out, "{}", (words.from_csv)(&name, encoding))?;
                    (read.file, None)
                }
                Err(line) => {
                    refused.push(line);
                    continue;
                }
            }
        } else {
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
            writeln!(out, "{}", (words.from_file)(&name, &handout.section, id))?;
            if let Some(at) = &handout.collected_at {
                writeln!(out, "{}", (words.collected_before)(&name, at))?;
            }
            (file, Some(handout))
        };
        let plan = merge(&session.plan, handout.as_ref(), &file, prefer);
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
        let applied = session
            .store
            .collect(handout.as_ref().map(|h| h.id), &name, &plan.taken)
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

/// Named as a CSV: `.csv`, any case.
fn named_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Read as a CSV: named so, or, unless named as a workbook, any file that is not a zip archive.
fn is_csv(path: &Path, bytes: &[u8]) -> bool {
    let workbook = path
        .extension()
        .is_some_and(|e| ["xlsx", "xlsm"].iter().any(|w| e.eq_ignore_ascii_case(w)));
    named_csv(path) || (!workbook && !csv_return::is_zip(bytes))
}
