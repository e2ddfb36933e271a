//! `tassei undo` and `tassei redo`: the same change-log-driven undo as the TUI's `u` / `Ctrl-r`.
//! Each takes back the caller's own latest action; over someone else's later change only with
//! `--yes`.

use std::io::Write;

use crate::session::{Failure, Session};
use crate::store::{UndoError, UndoOptions};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, help = strings().cli.help.undo_yes)]
    yes: bool,
}

pub fn undo(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let undone = session
        .store
        .undo(session.plan.id, options(args))
        .map_err(failure)?;
    writeln!(out, "{undone}")?;
    Ok(())
}

pub fn redo(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let redone = session
        .store
        .redo(session.plan.id, options(args))
        .map_err(failure)?;
    writeln!(out, "{redone}")?;
    Ok(())
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
