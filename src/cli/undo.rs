//! `tassei undo` and `tassei redo`: the same change-log-driven undo as the TUI's `u` / `Ctrl-r`.
//! Each takes back the caller's own latest action; over someone else's later change only with
//! `--yes`.

use std::io::{BufRead, IsTerminal, Write};

use crate::session::{Failure, Session, ask};
use crate::store::{LogKind, UndoError, UndoOptions, Undone};
use crate::strings::strings;
use crate::text::control::visible;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, help = strings().cli.help.undo_yes)]
    yes: bool,
}

pub fn undo(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    // The caller's latest action imported a whole plan: the undo removes it, asked first.
    if let Some((plan, slug)) = session.store.import_to_undo()? {
        let words = &strings().cli.import;
        if !args.yes {
            let stdin = std::io::stdin();
            if !stdin.is_terminal() {
                return Err(Failure::input((words.undo_needs_yes)(&slug)));
            }
            ask((words.undo_question)(&slug));
            let mut answer = String::new();
            stdin.lock().read_line(&mut answer)?;
            if !words.undo_yes.contains(&answer.trim()) {
                return Err(Failure::input(words.undo_kept));
            }
        }
        session.store.remove_rolled_over(plan).map_err(failure)?;
        writeln!(out, "{}", visible(&(words.undo_done)(&slug), &[]))?;
        return Ok(());
    }
    // A rolled-over plan with nothing else of the caller's to undo: the undo removes it.
    if let Some(from) = session.store.rollover_to_undo(session.plan.id)? {
        if !args.yes {
            confirm(&session.plan.slug, &from)?;
        }
        session
            .store
            .remove_rolled_over(session.plan.id)
            .map_err(failure)?;
        let line = (strings().cli.rollover.undone)(&session.plan.slug, &from);
        writeln!(out, "{}", visible(&line, &[]))?;
        return Ok(());
    }
    let undone = session
        .store
        .undo(session.plan.id, options(args))
        .map_err(failure)?;
    say(session, &undone, strings().exchange.undone_collect, out)
}

pub fn redo(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let redone = session
        .store
        .redo(session.plan.id, options(args))
        .map_err(failure)?;
    say(session, &redone, strings().exchange.redone_collect, out)
}

/// What was taken back: a collect says which file and section it came from and lists every
/// value (a clerk undoing a collect sees the whole file go, not one field and "3 more");
/// anything else, its change and how many more were made with it.
fn say(
    session: &Session,
    done: &Undone,
    collect: fn(usize, Option<&str>, &str) -> String,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let origin = match done.applied.first().map(|a| a.kind) {
        Some(LogKind::Undo(row) | LogKind::Redo(row)) => session.store.collected_origin(row)?,
        _ => None,
    };
    match origin {
        Some(origin) => {
            let file = visible(&origin.file, &[]);
            let section = origin.section.as_deref().map(|s| visible(s, &[]));
            writeln!(
                out,
                "{}",
                collect(done.applied.len(), section.as_deref(), &file)
            )?;
            for applied in &done.applied {
                writeln!(out, "  {applied}")?;
            }
        }
        // Among several plans (the years of one), which plan's edit it was.
        None if session.store.plans()?.len() > 1 => {
            let plan = visible(&session.plan.slug, &[]);
            let line = (strings().cli.rollover.in_plan)(&plan, &done.to_string());
            writeln!(out, "{line}")?;
        }
        None => writeln!(out, "{done}")?,
    }
    Ok(())
}

/// Removing a plan is asked on a terminal; with none, refused and `--yes` named.
fn confirm(plan: &str, from: &str) -> Result<(), Failure> {
    let words = &strings().cli.rollover;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(Failure::input((words.undo_needs_yes)(plan)));
    }
    ask((words.confirm_undo)(plan, from));
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    if strings().structure.cli.yes_answers.contains(&answer.trim()) {
        Ok(())
    } else {
        Err(Failure::input((words.undo_kept)(plan)))
    }
}

fn options(args: &Args) -> UndoOptions {
    UndoOptions { force: args.yes }
}

fn failure(e: UndoError) -> Failure {
    match e {
        UndoError::Store(_) => Failure::other(e),
        UndoError::Edit(edit) => super::set::edit_failure(edit),
        // The clerk decides: say who changed it, and how to go ahead anyway.
        UndoError::ChangedAfter(changed) => Failure::input((strings().cli.edit.changed_after)(
            &changed,
            changed.action.word(),
        )),
        _ => Failure::input(e),
    }
}
