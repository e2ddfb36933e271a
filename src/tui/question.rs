//! Questions the TUI asks before it does something a clerk may not mean: save over someone
//! else's change, undo over it, read `9.500` one way or the other, throw away typed text.
//! A question names what happened and numbers its answers; `Esc` always changes nothing.

use super::editor::Editor;
use crate::store::Edit;

/// A question on screen and what its answers do.
pub struct Question {
    /// One line: what is being asked.
    pub title: String,
    /// What happened, as sentences (wrapped by the view).
    pub lines: Vec<String>,
    /// The answers, numbered from 1 on screen.
    pub choices: Vec<String>,
    pub pending: Pending,
}

/// What waits on the answer.
pub enum Pending {
    /// Esc on changed text: 1 throws it away, 2 (or Esc) keeps editing.
    Discard(Box<Editor>),
    /// Quit (Ctrl-C) with typed text in the open field: 1 quits, 2 (or Esc) keeps editing.
    Quit(Box<Editor>),
    /// Someone else saved the field while it was open: 1 saves the clerk's value over theirs,
    /// 2 keeps theirs (the field closes), 3 (or Esc) goes back to the field, now knowing theirs.
    Conflict {
        editor: Box<Editor>,
        /// The clerk's edit.
        edit: Edit,
    },
    /// A figure that reads two ways (`9.500` in a unit counted in whole things): 1 saves the
    /// first edit, 2 the second, Esc goes back to the field.
    Reading {
        editor: Box<Editor>,
        readings: [Edit; 2],
    },
    /// Undo (or redo) over a later change by someone else: 1 goes ahead, 2 (or Esc) leaves it.
    Undo { redo: bool },
}

impl Question {
    /// The editor to go back to when the question is dismissed, if there is one.
    pub fn into_editor(self) -> Option<Box<Editor>> {
        match self.pending {
            Pending::Discard(editor)
            | Pending::Quit(editor)
            | Pending::Conflict { editor, .. }
            | Pending::Reading { editor, .. } => Some(editor),
            Pending::Undo { .. } => None,
        }
    }
}
