//! An open field: what is typed, what it would do, and the edit it becomes on Enter.
//! The value parser and the engine are the same ones the CLI uses.

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::fields::Field;
use super::keymap::{Context, lookup};
use super::text::control_picture;
use super::textedit::{Lines, TextEdit, TextView};
use crate::engine::{Evaluation, evaluate};
use crate::model::GoalPos;
use crate::model::edit::definition::{CHOICES, formula_change};
use crate::model::edit::refused_character;
use crate::model::meeting::read_note;
use crate::model::{
    ActivityStatus, Direction, FieldKey, FormulaKind, Goal, MilestoneState, Plan, Thresholds, Value,
};
use crate::report::minutes::figures_now;
use crate::store::{Edit, FieldRef, FieldValue};
use crate::strings::strings;

/// How the field takes input.
pub enum FieldInput {
    /// One line: a number (or a milestone's text, a note).
    Line(TextEdit),
    /// One of a few choices.
    Choice {
        options: Vec<Choice>,
        selected: usize,
    },
    /// Several lines of Japanese text.
    Narrative(TextEdit),
}

/// A choice of a choice field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Milestone(MilestoneState),
    Status(ActivityStatus),
    /// A formula and its direction, one of [`CHOICES`].
    Formula(FormulaKind, Direction),
}

impl Choice {
    pub fn label(self) -> &'static str {
        let words = &strings().tui.editor;
        match self {
            Choice::Milestone(MilestoneState::Achieved) => words.achieved,
            Choice::Milestone(MilestoneState::NotAchieved) => words.not_achieved,
            Choice::Milestone(MilestoneState::NotGraded) => words.not_graded,
            Choice::Status(ActivityStatus::Unset) => words.unset,
            Choice::Status(ActivityStatus::Todo) => words.todo,
            Choice::Status(ActivityStatus::Doing) => words.doing,
            Choice::Status(ActivityStatus::Done) => words.done,
            Choice::Status(ActivityStatus::Dropped) => words.dropped,
            Choice::Formula(formula, direction) => CHOICES
                .iter()
                .position(|c| *c == (formula, direction))
                .and_then(|i| strings().report.formulas.get(i))
                .copied()
                .unwrap_or_default(),
        }
    }
}

/// The open field.
pub struct Editor {
    pub field: Field,
    /// The goal's place in the plan.
    pub goal: GoalPos,
    /// The value shown when the field was opened: the store refuses the edit if the file no
    /// longer holds it (another window changed it meanwhile).
    pub seen: FieldValue,
    pub input: FieldInput,
    /// Why the last Enter did not save; shown under the field until the text changes.
    pub error: Option<String>,
    /// The text the field opened with.
    opened: String,
    /// Someone else changed the field while it was open: who, when, what (shown under it).
    pub notice: Option<String>,
}

impl Editor {
    /// Opens `field` of `goal` with its current value. `None` when the field does not exist.
    pub fn open(goal: &Goal, position: GoalPos, field: Field) -> Option<Editor> {
        let (seen, input) = match field {
            Field::Actual => {
                let text = match &goal.actual {
                    Value::None => String::new(),
                    Value::Number(n) => n.to_string(),
                    Value::Text(t) => t.clone(),
                };
                (
                    FieldValue::Value(goal.actual.clone()),
                    FieldInput::Line(TextEdit::one_line(&text)),
                )
            }
            Field::Part(i) => {
                let part = goal.parts.get(i)?;
                let text = part.actual.map(|a| a.to_string()).unwrap_or_default();
                (
                    FieldValue::Number(part.actual),
                    FieldInput::Line(TextEdit::one_line(&text)),
                )
            }
            Field::Milestone => {
                let options: Vec<Choice> = [
                    MilestoneState::Achieved,
                    MilestoneState::NotAchieved,
                    MilestoneState::NotGraded,
                ]
                .map(Choice::Milestone)
                .to_vec();
                let selected = options
                    .iter()
                    .position(|o| Some(*o) == goal.milestone.map(Choice::Milestone))
                    .unwrap_or(0);
                (
                    FieldValue::Milestone(goal.milestone),
                    FieldInput::Choice { options, selected },
                )
            }
            Field::Activity(i) => {
                let activity = goal.activities.get(i)?;
                let options: Vec<Choice> = ActivityStatus::ALL.map(Choice::Status).to_vec();
                let selected = options
                    .iter()
                    .position(|o| *o == Choice::Status(activity.status))
                    .unwrap_or(0);
                (
                    FieldValue::Status(activity.status),
                    FieldInput::Choice { options, selected },
                )
            }
            Field::Note(note_field, date) => {
                let text = goal
                    .notes
                    .iter()
                    .find(|n| n.date == date)
                    .map(|n| n.get(note_field).to_string());
                let text = text.unwrap_or_default();
                (
                    FieldValue::Note {
                        date,
                        text: text.clone(),
                    },
                    FieldInput::Line(TextEdit::one_line(&text)),
                )
            }
            Field::Evaluation => (
                FieldValue::Text(goal.evaluation.clone()),
                FieldInput::Narrative(TextEdit::multi_line(&goal.evaluation)),
            ),
            other => definition::open(goal, other)?,
        };
        let opened = match &input {
            FieldInput::Line(edit) | FieldInput::Narrative(edit) => edit.text().to_string(),
            FieldInput::Choice { .. } => String::new(),
        };
        Some(Editor {
            field,
            goal: position,
            seen,
            input,
            error: None,
            opened,
            notice: None,
        })
    }

    /// The stored field this editor edits, for asking the store who last changed it.
    pub fn edit_ref(&self, plan: &Plan) -> Option<FieldRef> {
        let goal = self.goal.goal_in(plan)?;
        Some(match self.field {
            Field::Actual => FieldRef::Actual(goal.id),
            Field::Milestone => FieldRef::Milestone(goal.id),
            Field::Evaluation => FieldRef::Evaluation(goal.id),
            Field::Part(k) => FieldRef::PartActual(goal.parts.get(k)?.id),
            Field::Activity(k) => FieldRef::ActivityStatus(goal.activities.get(k)?.id),
            Field::Note(field, date) => FieldRef::Note {
                goal: goal.id,
                date,
                field,
            },
            Field::Title => FieldRef::GoalText(goal.id, FieldKey::Title),
            Field::Unit => FieldRef::GoalText(goal.id, FieldKey::Unit),
            Field::CalcMethod => FieldRef::GoalText(goal.id, FieldKey::CalcMethod),
            Field::Baseline => FieldRef::Baseline(goal.id),
            Field::Target => FieldRef::Target(goal.id),
            Field::Precision => FieldRef::Precision(goal.id),
            Field::GoalNote => FieldRef::GoalText(goal.id, FieldKey::GoalNote),
            Field::Formula => FieldRef::Formula(goal.id),
            Field::PartLabel(k) => FieldRef::PartText(goal.parts.get(k)?.id, FieldKey::PartLabel),
            Field::PartUnit(k) => FieldRef::PartText(goal.parts.get(k)?.id, FieldKey::PartUnit),
            Field::PartTarget(k) => FieldRef::PartTarget(goal.parts.get(k)?.id),
            Field::ActivityContent(k) => {
                FieldRef::ActivityText(goal.activities.get(k)?.id, FieldKey::ActivityContent)
            }
            Field::ActivityPeriod(k) => {
                FieldRef::ActivityText(goal.activities.get(k)?.id, FieldKey::ActivityPeriod)
            }
            Field::ActivitySections(k) => FieldRef::ActivitySections(goal.activities.get(k)?.id),
        })
    }

    /// True when 評価内容 holds text typed since it was opened: Esc asks before throwing it away.
    pub fn has_typed_text(&self) -> bool {
        matches!(&self.input, FieldInput::Narrative(edit) if edit.text() != self.opened)
    }

    /// The text the field was opened with.
    pub fn opened_value(&self) -> Option<String> {
        self.takes_text().then(|| self.opened.clone())
    }

    /// `theirs` with what the clerk added to `base`: when the text typed is `base` with more
    /// after it (the usual way 評価内容 grows), that addition after theirs. `None` when the
    /// clerk changed `base` itself, which cannot be carried over safely.
    pub fn merge_with(&self, theirs: &str, base: &str) -> Option<String> {
        let typed = match &self.input {
            FieldInput::Line(edit) | FieldInput::Narrative(edit) => edit.text(),
            FieldInput::Choice { .. } => return None,
        };
        let added = typed.strip_prefix(base)?;
        (!added.is_empty()).then(|| format!("{theirs}{added}"))
    }

    /// Replaces the field's text (a merge), the cursor at its end.
    pub fn set_text(&mut self, text: &str) {
        match &mut self.input {
            FieldInput::Line(edit) => {
                *edit = TextEdit::one_line(text);
                edit.text_end(); // edited, not to be replaced by typing
            }
            FieldInput::Narrative(edit) => *edit = TextEdit::multi_line(text),
            FieldInput::Choice { .. } => {}
        }
        self.error = None;
    }

    /// True when any text field holds text other than what it opened with: quitting asks.
    pub fn has_changes(&self) -> bool {
        match &self.input {
            FieldInput::Line(edit) | FieldInput::Narrative(edit) => edit.text() != self.opened,
            FieldInput::Choice { .. } => false,
        }
    }

    /// The text's view as last handed to it (a choice has none to keep).
    pub fn view(&self) -> TextView {
        match &self.input {
            FieldInput::Line(edit) | FieldInput::Narrative(edit) => edit.view(),
            FieldInput::Choice { .. } => TextView::default(),
        }
    }

    /// The view the last draw fitted the text to (kept in the app's `Scroll`), for the keys
    /// that move by rows and pages.
    pub fn set_view(&mut self, view: TextView) {
        if let FieldInput::Line(edit) | FieldInput::Narrative(edit) = &mut self.input {
            edit.set_view(view);
        }
    }

    /// A key the keymap did not claim: typing, moving in the field, choosing.
    pub fn key(&mut self, key: KeyEvent) {
        match &mut self.input {
            FieldInput::Line(text) | FieldInput::Narrative(text) => {
                if text.key(key) {
                    self.error = None;
                }
            }
            FieldInput::Choice { options, selected } => match lookup(Context::Choice, &key) {
                Some(Action::Down) => {
                    *selected = (*selected + 1) % options.len().max(1);
                }
                Some(Action::Up) => {
                    *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
                }
                _ => {}
            },
        }
    }

    /// Pasted text goes in at the cursor, line breaks made LF (see [`TextEdit::paste`]). The
    /// event loop also calls this with a burst of keys it takes for a paste, Enter as `\n`.
    pub fn paste(&mut self, text: &str) {
        match &mut self.input {
            FieldInput::Line(edit) | FieldInput::Narrative(edit) => {
                edit.paste(text);
                self.error = None;
            }
            FieldInput::Choice { .. } => {}
        }
    }

    /// True for fields that take typed text (a number, a note, 評価内容), not a choice.
    pub fn takes_text(&self) -> bool {
        !matches!(self.input, FieldInput::Choice { .. })
    }

    /// Alt-Enter in the 評価内容 editor.
    pub fn newline(&mut self) {
        if let FieldInput::Narrative(edit) = &mut self.input {
            edit.newline();
            self.error = None;
        }
    }

    /// The typed text of a line field, for the preview and for messages.
    pub fn typed(&self) -> Option<&str> {
        match &self.input {
            FieldInput::Line(edit) => Some(edit.text()),
            _ => None,
        }
    }

    /// What Enter would save, or why it cannot. `thresholds` grade the figures a note keeps.
    pub fn edit(&self, goal: &Goal, thresholds: &Thresholds) -> Result<Edit, String> {
        if let FieldInput::Line(edit) | FieldInput::Narrative(edit) = &self.input {
            unsavable(edit.text(), edit.lines())?;
        }
        if let Some(result) = definition::edit(&self.input, self.field, goal) {
            return result;
        }
        match (&self.input, self.field) {
            (FieldInput::Line(input), Field::Note(field, date)) => {
                let text = read_note(field, input.text()).map_err(|e| e.to_string())?;
                Ok(Edit::Note {
                    goal: goal.id,
                    date,
                    field,
                    text,
                    figures: Some(figures_now(goal, thresholds)),
                })
            }
            (FieldInput::Line(input), Field::Actual) => goal
                .read_actual(input.text())
                .map(|value| Edit::Actual {
                    goal: goal.id,
                    value,
                })
                .map_err(|e| e.to_string()),
            (FieldInput::Line(input), Field::Part(i)) => {
                let part = goal.parts.get(i).ok_or(strings().tui.editor.part_gone)?;
                goal.read_part_actual(i + 1, input.text())
                    .map(|value| Edit::PartActual {
                        part: part.id,
                        value: Some(value),
                    })
                    .map_err(|e| e.to_string())
            }
            (FieldInput::Choice { options, selected }, _) => {
                match (options.get(*selected), self.field) {
                    (Some(Choice::Formula(formula, direction)), _) => {
                        Ok(formula_change(goal, *formula, *direction))
                    }
                    (Some(Choice::Milestone(state)), _) => Ok(Edit::Milestone {
                        goal: goal.id,
                        state: Some(*state),
                    }),
                    (Some(Choice::Status(status)), Field::Activity(i)) => {
                        let activity = goal
                            .activities
                            .get(i)
                            .ok_or(strings().tui.editor.activity_gone)?;
                        Ok(Edit::ActivityStatus {
                            activity: activity.id,
                            status: *status,
                        })
                    }
                    _ => Err(strings().tui.editor.nothing_chosen.to_string()),
                }
            }
            (FieldInput::Narrative(edit), _) => Ok(Edit::Evaluation {
                goal: goal.id,
                text: edit.text().to_string(),
            }),
            (FieldInput::Line(_), _) => Err(strings().tui.editor.takes_a_choice.to_string()),
        }
    }

    /// The goal's evaluation if the typed value were saved: recomputed as the clerk types.
    pub fn preview(
        &self,
        goal: &Goal,
        thresholds: &crate::model::Thresholds,
    ) -> Option<Result<Evaluation, String>> {
        if !matches!(
            self.field,
            Field::Actual
                | Field::Part(_)
                | Field::Milestone
                | Field::Target
                | Field::Baseline
                | Field::Precision
                | Field::Formula
                | Field::PartTarget(_)
        ) {
            return None;
        }
        if goal.formula == FormulaKind::Milestone && self.field == Field::Actual {
            return None; // a milestone's actual is text; its grade is the state
        }
        let mut changed = goal.clone();
        match self.edit(goal, thresholds) {
            Ok(Edit::Actual { value, .. }) => changed.actual = value,
            Ok(Edit::PartTarget { target, .. }) => {
                if let Field::PartTarget(i) = self.field
                    && let Some(part) = changed.parts.get_mut(i)
                {
                    part.target = target;
                }
            }
            Ok(Edit::PartActual { value, .. }) => {
                if let Field::Part(i) = self.field
                    && let Some(part) = changed.parts.get_mut(i)
                {
                    part.actual = value;
                }
            }
            Ok(Edit::Milestone { state, .. }) => changed.milestone = state,
            Ok(Edit::Target { value, .. }) => changed.target = value,
            Ok(Edit::Baseline { value, .. }) => changed.baseline = value,
            Ok(Edit::Precision { digits, .. }) => changed.precision = digits,
            Ok(Edit::Formula {
                formula,
                direction,
                milestone,
                ..
            }) => {
                changed.formula = formula;
                changed.direction = direction;
                changed.milestone = milestone;
            }
            Ok(_) => return None,
            Err(e) => return Some(Err(e)),
        }
        Some(Ok(evaluate(&changed, thresholds)))
    }
}

/// Why text cannot be saved as it stands, in words that say where the clerk sees the problem:
/// a line break in a one-line field, or a character the store refuses
/// ([`refused_character`], the model's rule, here with its picture and line).
fn unsavable(text: &str, lines: Lines) -> Result<(), String> {
    let multi_line = lines == Lines::Many;
    // In a one-line field the first problem is named: a break, or a character before it.
    let checked = match text.find('\n') {
        Some(at) if !multi_line => {
            if refused_character(&text[..at]).is_none() {
                return Err(strings().tui.editor.one_line.to_string());
            }
            &text[..at]
        }
        _ => text,
    };
    match refused_character(checked) {
        Some((c, line)) => Err((strings().tui.editor.control_character)(
            &control_picture(c),
            multi_line.then_some(line),
        )),
        None => Ok(()),
    }
}

mod definition;

#[cfg(test)]
mod tests;
