//! Questions the TUI asks before it does something a clerk may not mean: save over someone
//! else's change, undo over it, read `9.500` one way or the other, throw away typed text.
//! A question names what happened and numbers its answers; `Esc` always changes nothing.

use super::action::Action;
use super::command::Command;
use super::editor::Editor;
use super::hints::{answer_range, key_of};
use super::keymap::Context;
use crate::model::structure::Structure;
use crate::store::{Edit, FieldValue};
use crate::strings::strings;

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
    /// Undo of a rollover, the clerk's latest action in the plan: 1 removes the plan, 2 (or
    /// Esc) keeps it.
    Rollover,
    /// Removing a goal or an activity: 1 removes it, 2 (or Esc) keeps it.
    Restructure(Structure),
}

impl Question {
    /// The answer (from 0) that does what Esc does, if one does: keeping on with the field,
    /// leaving a change as it is. [`Question::answer`] gives both the same command.
    pub fn esc_is(&self) -> Option<usize> {
        match self.pending {
            Pending::Discard(_)
            | Pending::Quit(_)
            | Pending::Undo { .. }
            | Pending::Rollover
            | Pending::Restructure(_) => Some(1),
            Pending::Conflict { .. } => Some(2),
            Pending::Reading { .. } => None,
        }
    }

    /// The editor to go back to when the question is dismissed, if there is one.
    pub fn into_editor(self) -> Option<Box<Editor>> {
        match self.pending {
            Pending::Discard(editor)
            | Pending::Quit(editor)
            | Pending::Conflict { editor, .. }
            | Pending::Reading { editor, .. } => Some(editor),
            Pending::Undo { .. } | Pending::Rollover | Pending::Restructure(_) => None,
        }
    }
}

impl Question {
    /// The clerk answered: choice `n` (from 0), or `None` for Esc. An answer that is not on
    /// the list keeps the question on screen.
    pub fn answer(self: Box<Self>, choice: Option<u8>) -> Command {
        if choice.is_some_and(|n| usize::from(n) >= self.choices.len()) {
            let (first, last) = answer_range(self.choices.len());
            let back = key_of(Context::Ask, Action::Cancel);
            let text = (strings().tui.messages.choose_in_range)(&first, &last, &back);
            return Command::Ask(self).then(Command::say_error(text));
        }
        match (self.pending, choice) {
            (Pending::Quit(editor), Some(0)) => Command::Open(editor).then(Command::Quit),
            (Pending::Quit(editor), _) => Command::Open(editor),
            (Pending::Discard(_), Some(0)) => Command::say(strings().tui.messages.cancelled),
            (Pending::Discard(editor), _) => Command::Open(editor),
            (Pending::Conflict { editor, edit }, Some(0)) => {
                // Checked against theirs: a third change meanwhile is asked about again.
                let seen = Some(editor.seen.clone());
                Command::Open(editor).then(Command::Apply { edit, seen })
            }
            (Pending::Conflict { .. }, Some(1)) => {
                Command::Reload.then(Command::say(strings().tui.messages.kept_theirs))
            }
            (Pending::Conflict { mut editor, .. }, Some(3)) => {
                // Theirs, with what the clerk added to the text as it was opened.
                if let (
                    FieldValue::Text(theirs) | FieldValue::Note { text: theirs, .. },
                    Some(base),
                ) = (editor.seen.clone(), editor.opened_value())
                    && let Some(merged) = editor.merge_with(&theirs, &base)
                {
                    editor.set_text(&merged);
                }
                let save = key_of(Context::Editor, Action::Commit);
                Command::Open(editor).then(Command::say((strings().tui.messages.merged)(&save)))
            }
            (Pending::Conflict { editor, .. }, _) => Command::Open(editor),
            (Pending::Reading { editor, readings }, Some(n)) => {
                let [first, second] = readings;
                let seen = Some(editor.seen.clone());
                let edit = if n == 0 { first } else { second };
                Command::Open(editor).then(Command::Apply { edit, seen })
            }
            (Pending::Reading { editor, .. }, None) => Command::Open(editor),
            (Pending::Undo { redo }, Some(0)) => Command::Undo { redo, force: true },
            (Pending::Undo { .. }, _) => Command::say(strings().tui.messages.nothing_undone),
            (Pending::Rollover, Some(0)) => Command::UndoRollover,
            (Pending::Rollover, _) => Command::say(strings().tui.messages.nothing_undone),
            (Pending::Restructure(change), Some(0)) => Command::Restructure(change),
            (Pending::Restructure(_), _) => Command::say(strings().structure.tui.nothing_removed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undo_question() -> Box<Question> {
        Box::new(Question {
            title: "undo over 田中's change?".into(),
            lines: vec![],
            choices: vec!["undo anyway".into(), "leave it".into()],
            pending: Pending::Undo { redo: false },
        })
    }

    #[test]
    fn the_first_answer_goes_ahead_and_esc_changes_nothing() {
        assert!(matches!(
            undo_question().answer(Some(0)),
            Command::Undo {
                redo: false,
                force: true
            }
        ));
        assert!(
            matches!(undo_question().answer(None), Command::Say(t) if t == "nothing was undone")
        );
        assert!(matches!(undo_question().answer(Some(1)), Command::Say(_)));
    }

    #[test]
    fn an_answer_not_on_the_list_keeps_the_question() {
        let Command::Seq(commands) = undo_question().answer(Some(2)) else {
            panic!("the question and a reason");
        };
        assert!(
            matches!(&commands[..], [Command::Ask(_), Command::SayError(t)] if t == "choose 1 to 2, or Esc")
        );
    }
}
