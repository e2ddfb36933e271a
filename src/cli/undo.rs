//! `tassei undo` and `tassei redo`: the same change-log-driven undo as the TUI's `u` / `Ctrl-r`.

use std::io::Write;

use super::{Failure, Session};
use crate::store::UndoError;

pub fn undo(session: &mut Session, out: &mut impl Write) -> Result<(), Failure> {
    let applied = session.store.undo(session.plan.id).map_err(failure)?;
    writeln!(out, "{applied}")?;
    Ok(())
}

pub fn redo(session: &mut Session, out: &mut impl Write) -> Result<(), Failure> {
    let applied = session.store.redo(session.plan.id).map_err(failure)?;
    writeln!(out, "{applied}")?;
    Ok(())
}

fn failure(e: UndoError) -> Failure {
    match e {
        UndoError::Sqlite(_) => Failure::other(e),
        UndoError::Edit(edit) => super::set::edit_failure(edit),
        _ => Failure::input(e),
    }
}
