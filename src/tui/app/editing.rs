//! The open field's Enter, Esc and Ctrl-C as commands: Enter turns what was typed into an edit
//! to save, a question (a figure that reads two ways) or a reason under the field; Esc and
//! Ctrl-C ask before throwing typed text away. A refused save becomes a question here too.

use super::Command;
use crate::model::{Grouped, Plan, Value};
use crate::report::change::text_change;
use crate::store::{Edit, FieldValue};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::fields::Field;

use crate::tui::hints::key_of;
use crate::tui::keymap::Context;
use crate::tui::question::{Pending, Question};

/// Enter in a field: save what was typed, or keep the field open with the reason.
pub(super) fn enter(mut editor: Box<Editor>, plan: &Plan) -> Command {
    let Some(goal) = editor.goal.goal_in(plan) else {
        return Command::None;
    };
    let edit = match editor.edit(goal, &plan.thresholds) {
        Ok(edit) => edit,
        Err(reason) => {
            editor.error = Some(reason);
            return Command::Open(editor);
        }
    };
    // The clerk changed nothing, and someone else changed the field meanwhile: there is
    // nothing of the clerk's to save, and saving the old value back would undo theirs.
    if edit.new_value() == editor.seen && editor.notice.is_some() {
        return Command::say(strings().tui.messages.nothing_to_save);
    }
    // `9.500` in a unit counted in whole things is most likely 9,500: ask which was meant.
    let readings = match (editor.field, editor.typed()) {
        (Field::Actual, Some(typed)) => goal.actual_readings(typed),
        (Field::Part(k), Some(typed)) => goal.part_actual_readings(k + 1, typed),
        _ => None,
    };
    let seen = Some(editor.seen.clone());
    if let Some(readings) = readings
        && let Some(thousands) = with_number(&edit, readings.thousands)
    {
        let typed = editor.typed().unwrap_or_default().to_string();
        // The decimal reading is saved as 9.5, not 9.500: chosen, it must not read as 9,500
        // again.
        let decimal = readings.point.normalize();
        let (point, many) = (
            Grouped(&decimal).to_string(),
            Grouped(&readings.thousands).to_string(),
        );
        let words = &strings().tui.questions;
        return Command::Ask(Box::new(Question {
            title: (words.reading_title)(&typed, &point, &many),
            lines: vec![(words.reading_why)(&readings.to_string())],
            choices: vec![(words.save_reading)(&many), (words.save_reading)(&point)],
            pending: Pending::Reading {
                editor,
                readings: [thousands, with_number(&edit, decimal).unwrap_or(edit)],
            },
        }));
    }
    Command::Open(editor).then(Command::Apply { edit, seen })
}

/// Esc in a field: close it. A paragraph typed or pasted is not thrown away on one key.
pub(super) fn escape(editor: Box<Editor>) -> Command {
    if editor.has_typed_text() {
        let words = &strings().tui.questions;
        return Command::Ask(Box::new(Question {
            title: words.discard_title.into(),
            lines: vec![words.discard_why.into()],
            choices: vec![words.throw_away.into(), words.keep_editing.into()],
            pending: Pending::Discard(editor),
        }));
    }
    Command::say(strings().tui.messages.cancelled)
}

/// Ctrl-C with a field open (Windows' "copy"): with typed text it asks first.
pub(super) fn quit(editor: Box<Editor>) -> Command {
    if !editor.has_changes() {
        return Command::Open(editor).then(Command::Quit);
    }
    let words = &strings().tui.questions;
    let save = key_of(Context::Editor, Action::Commit);
    Command::Ask(Box::new(Question {
        title: words.quit_title.into(),
        lines: vec![(words.quit_why)(&save)],
        choices: vec![words.quit_throw_away.into(), words.keep_editing.into()],
        pending: Pending::Quit(editor),
    }))
}

/// What the store said when someone else saved the field while it was open.
pub(super) struct Conflict {
    pub subject: String,
    pub label: String,
    /// The value the clerk was shown.
    pub seen: FieldValue,
    /// The value on file now.
    pub current: FieldValue,
    /// Who saved it and when, when the log knows.
    pub who: String,
}

/// The question for a save refused because someone else saved the field meanwhile: both
/// values (for texts, what each side changed), who changed it, and what can be done.
pub(super) fn conflict_question(mut editor: Box<Editor>, edit: Edit, c: Conflict) -> Question {
    let Conflict {
        subject,
        label,
        seen,
        current,
        who,
    } = c;
    let mine = edit.new_value();
    let words = &strings().tui.questions;
    let title = (words.conflict_title)(&subject, &label);
    // The clerk has now seen theirs: a later save is checked against it.
    editor.seen = current.clone();
    match (text_of(&seen), text_of(&current), text_of(&mine)) {
        // Texts: what each side changed, not their common start.
        (Some(base), Some(theirs), Some(yours)) => {
            let (_, their_part) = text_change(base, theirs);
            let (_, your_part) = text_change(base, yours);
            let mut choices = vec![
                words.save_yours_text.to_string(),
                words.keep_theirs_text.to_string(),
                words.keep_editing_yours.to_string(),
            ];
            if editor.takes_text() && editor.merge_with(theirs, base).is_some() {
                choices.push(words.merge.to_string());
            }
            Question {
                title,
                lines: vec![
                    (words.they_changed)(&who, &their_part),
                    (words.you_changed)(&your_part),
                ],
                choices,
                pending: Pending::Conflict { editor, edit },
            }
        }
        _ => Question {
            title,
            lines: vec![
                (words.when_opened)(&seen.to_string()),
                (words.saved_since)(&who, &current.to_string()),
                (words.yours)(&mine.to_string()),
            ],
            choices: vec![
                (words.save_yours)(&mine.to_string()),
                (words.keep_theirs)(&current.to_string()),
                words.back_to_field.to_string(),
            ],
            pending: Pending::Conflict { editor, edit },
        },
    }
}

/// The text of a text value (評価内容, a note), for showing what changed in it.
pub(super) fn text_of(value: &FieldValue) -> Option<&str> {
    match value {
        FieldValue::Text(t) | FieldValue::Note { text: t, .. } => Some(t),
        _ => None,
    }
}

/// The same edit with its number replaced: the other reading of a typed figure.
fn with_number(edit: &Edit, n: rust_decimal::Decimal) -> Option<Edit> {
    match edit {
        Edit::Actual { goal, .. } => Some(Edit::Actual {
            goal: *goal,
            value: Value::Number(n),
        }),
        Edit::PartActual { part, .. } => Some(Edit::PartActual {
            part: *part,
            value: Some(n),
        }),
        _ => None,
    }
}
