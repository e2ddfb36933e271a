//! Opening and saving the fields of a goal's definition — 目標名, its note, 基準値, 目標値, 単位,
//! 小数桁, 算式, 積算方法, a part's label, 目標値 and 単位, an activity's 実施内容, 時期 and
//! 担当係 — with the validators the CLI uses.

use rust_decimal::Decimal;

use super::{Choice, FieldInput};
use crate::model::edit::definition::{CHOICES, read_sections};
use crate::model::{FieldKey, FormulaKind, Goal, Value, read_precision};
use crate::store::{Edit, FieldValue};
use crate::strings::strings;
use crate::tui::fields::Field;
use crate::tui::textedit::TextEdit;

/// The value shown and the input of a definition field; `None` for the others (and for a
/// part or activity that is gone).
pub(super) fn open(goal: &Goal, field: Field) -> Option<(FieldValue, FieldInput)> {
    Some(match field {
        Field::CalcMethod => (
            FieldValue::Text(goal.calc_method.clone()),
            FieldInput::Narrative(TextEdit::multi_line(&goal.calc_method)),
        ),
        Field::Title | Field::Unit => {
            let text = if field == Field::Title {
                &goal.title
            } else {
                &goal.unit
            };
            (
                FieldValue::Text(text.clone()),
                FieldInput::Line(TextEdit::one_line(text)),
            )
        }
        Field::Baseline | Field::Target => {
            let value = if field == Field::Target {
                &goal.target
            } else {
                &goal.baseline
            };
            let text = match value {
                Value::None => String::new(),
                Value::Number(n) => n.to_string(),
                Value::Text(t) => t.clone(),
            };
            (
                FieldValue::Value(value.clone()),
                FieldInput::Line(TextEdit::one_line(&text)),
            )
        }
        Field::Precision => (
            FieldValue::Number(Some(Decimal::from(goal.precision))),
            FieldInput::Line(TextEdit::one_line(&goal.precision.to_string())),
        ),
        Field::Formula => {
            let options: Vec<Choice> = CHOICES
                .iter()
                .map(|(f, d)| Choice::Formula(*f, *d))
                .collect();
            // A milestone takes either direction: its choice is the one.
            let now = |c: &Choice| match c {
                Choice::Formula(FormulaKind::Milestone, _) => {
                    goal.formula == FormulaKind::Milestone
                }
                Choice::Formula(f, d) => (*f, *d) == (goal.formula, goal.direction),
                _ => false,
            };
            let selected = options.iter().position(now).unwrap_or(0);
            (
                FieldValue::Kind {
                    formula: goal.formula,
                    direction: goal.direction,
                    milestone: goal.milestone,
                },
                FieldInput::Choice { options, selected },
            )
        }
        Field::PartLabel(i) | Field::PartUnit(i) => {
            let part = goal.parts.get(i)?;
            let text = match field {
                Field::PartUnit(_) => &part.unit,
                _ => &part.label,
            };
            (
                FieldValue::Text(text.clone()),
                FieldInput::Line(TextEdit::one_line(text)),
            )
        }
        Field::PartTarget(i) => {
            let part = goal.parts.get(i)?;
            (
                FieldValue::Number(Some(part.target)),
                FieldInput::Line(TextEdit::one_line(&part.target.to_string())),
            )
        }
        Field::GoalNote => (
            FieldValue::Text(goal.note.clone()),
            FieldInput::Narrative(TextEdit::multi_line(&goal.note)),
        ),
        Field::ActivityContent(i) | Field::ActivityPeriod(i) => {
            let activity = goal.activities.get(i)?;
            let text = match field {
                Field::ActivityPeriod(_) => activity.period.raw(),
                _ => activity.content.as_str(),
            };
            (
                FieldValue::Text(text.to_string()),
                FieldInput::Line(TextEdit::one_line(text)),
            )
        }
        // Typed as a clerk lists them: 市民係、総務係.
        Field::ActivitySections(i) => {
            let activity = goal.activities.get(i)?;
            (
                FieldValue::List(activity.sections.clone()),
                FieldInput::Line(TextEdit::one_line(&activity.sections.join("、"))),
            )
        }
        _ => return None,
    })
}

/// What Enter would save in a definition field, or why not; `None` for the other fields.
pub(super) fn edit(input: &FieldInput, field: Field, goal: &Goal) -> Option<Result<Edit, String>> {
    let ours = matches!(
        (input, field),
        (
            FieldInput::Line(_),
            Field::Target
                | Field::Baseline
                | Field::Precision
                | Field::Title
                | Field::Unit
                | Field::PartTarget(_)
                | Field::PartLabel(_)
                | Field::PartUnit(_)
                | Field::ActivityContent(_)
                | Field::ActivityPeriod(_)
                | Field::ActivitySections(_)
        ) | (
            FieldInput::Narrative(_),
            Field::CalcMethod | Field::GoalNote
        )
    );
    ours.then(|| read(input, field, goal))
}

/// [`edit`] for a field it takes.
fn read(input: &FieldInput, field: Field, goal: &Goal) -> Result<Edit, String> {
    match (input, field) {
        (FieldInput::Line(input), Field::Target) => goal
            .read_definition_figure(input.text())
            .map(|value| Edit::Target {
                goal: goal.id,
                value,
            })
            .map_err(|e| e.to_string()),
        (FieldInput::Line(input), Field::Baseline) => goal
            .read_definition_figure(input.text())
            .map(|value| Edit::Baseline {
                goal: goal.id,
                value,
            })
            .map_err(|e| e.to_string()),
        (FieldInput::Line(input), Field::Precision) => read_precision(input.text())
            .map(|digits| Edit::Precision {
                goal: goal.id,
                digits,
            })
            .map_err(|e| e.to_string()),
        (FieldInput::Line(input), Field::Title) => Ok(Edit::GoalText {
            goal: goal.id,
            field: FieldKey::Title,
            text: input.text().to_string(),
        }),
        (FieldInput::Line(input), Field::Unit) => Ok(Edit::GoalText {
            goal: goal.id,
            field: FieldKey::Unit,
            text: input.text().trim().to_string(),
        }),
        (FieldInput::Line(input), Field::PartTarget(i)) => {
            let part = goal.parts.get(i).ok_or(strings().tui.editor.part_gone)?;
            goal.read_part_figure(i + 1, input.text())
                .map(|target| Edit::PartTarget {
                    part: part.id,
                    target,
                })
                .map_err(|e| e.to_string())
        }
        (FieldInput::Line(input), Field::PartLabel(i) | Field::PartUnit(i)) => {
            let part = goal.parts.get(i).ok_or(strings().tui.editor.part_gone)?;
            Ok(Edit::PartText {
                part: part.id,
                field: field.key().unwrap_or(FieldKey::PartLabel),
                text: input.text().trim().to_string(),
            })
        }
        (FieldInput::Narrative(edit), Field::CalcMethod | Field::GoalNote) => Ok(Edit::GoalText {
            goal: goal.id,
            field: field.key().unwrap_or(FieldKey::CalcMethod),
            text: edit.text().to_string(),
        }),
        (
            FieldInput::Line(input),
            Field::ActivityContent(i) | Field::ActivityPeriod(i) | Field::ActivitySections(i),
        ) => {
            let activity = goal
                .activities
                .get(i)
                .ok_or(strings().tui.editor.activity_gone)?;
            Ok(match field {
                Field::ActivitySections(_) => Edit::ActivitySections {
                    activity: activity.id,
                    sections: read_sections(input.text()),
                },
                _ => Edit::ActivityText {
                    activity: activity.id,
                    field: field.key().unwrap_or(FieldKey::ActivityContent),
                    text: input.text().trim().to_string(),
                },
            })
        }
        _ => Err(strings().tui.editor.takes_a_choice.to_string()),
    }
}
