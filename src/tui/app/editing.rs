//! The open field's Enter, Esc and Ctrl-C as commands: Enter turns what was typed into an edit
//! to save, a question (a figure that reads two ways) or a reason under the field; Esc and
//! Ctrl-C ask before throwing typed text away. A refused save becomes a question here too.

use super::Command;
use crate::model::{Grouped, Plan, Value};
use crate::store::{Edit, FieldValue, text_change};
use crate::tui::editor::Editor;
use crate::tui::fields::Field;
use crate::tui::goal_pos::GoalPos;
use crate::tui::question::{Pending, Question};

/// Enter in a field: save what was typed, or keep the field open with the reason.
pub(super) fn enter(mut editor: Box<Editor>, plan: &Plan) -> Command {
    let Some(goal) = GoalPos::from(editor.goal).goal_in(plan) else {
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
        return Command::say(
            "nothing to save: you did not change it; the card shows the value saved meanwhile",
        );
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
        return Command::Ask(Box::new(Question {
            title: format!("\"{typed}\": {point} or {many}?"),
            lines: vec![format!(
                "{readings}: this figure is counted in whole things, so the . may be a \
                 thousands separator"
            )],
            choices: vec![format!("save {many}"), format!("save {point}")],
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
        return Command::Ask(Box::new(Question {
            title: "throw away what you typed in 評価内容?".into(),
            lines: vec!["評価内容 has text that is not saved.".into()],
            choices: vec!["throw it away".into(), "keep editing".into()],
            pending: Pending::Discard(editor),
        }));
    }
    Command::say("cancelled: nothing was saved")
}

/// Ctrl-C with a field open (Windows' "copy"): with typed text it asks first.
pub(super) fn quit(editor: Box<Editor>) -> Command {
    if !editor.has_changes() {
        return Command::Open(editor).then(Command::Quit);
    }
    Command::Ask(Box::new(Question {
        title: "quit without saving what you typed?".into(),
        lines: vec![
            "The open field has text that is not saved. Enter saves it; quitting now throws it away.".into(),
        ],
        choices: vec!["quit, throw it away".into(), "keep editing".into()],
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
    let title = format!("{subject} {label} was changed while you had it open");
    // The clerk has now seen theirs: a later save is checked against it.
    editor.seen = current.clone();
    match (text_of(&seen), text_of(&current), text_of(&mine)) {
        // Texts: what each side changed, not their common start.
        (Some(base), Some(theirs), Some(yours)) => {
            let (_, their_part) = text_change(base, theirs);
            let (_, your_part) = text_change(base, yours);
            let mut choices = vec![
                "save yours over theirs (theirs stays in the change log)".to_string(),
                "keep theirs; yours is not saved".to_string(),
                "keep editing yours".to_string(),
            ];
            if editor.takes_text() && editor.merge_with(theirs, base).is_some() {
                choices.push("edit theirs, with what you added after it".to_string());
            }
            Question {
                title,
                lines: vec![
                    format!("{who} changed it: {their_part}."),
                    format!("You changed it: {your_part}."),
                ],
                choices,
                pending: Pending::Conflict { editor, edit },
            }
        }
        _ => Question {
            title,
            lines: vec![
                format!("When you opened it: {seen}."),
                format!("Saved since by {who}: {current}."),
                format!("Yours: {mine}."),
            ],
            choices: vec![
                format!("save yours ({mine}) over theirs"),
                format!("keep theirs ({current}); yours is not saved"),
                "keep editing".to_string(),
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
