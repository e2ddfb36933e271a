//! The footer's key hints: what the keys do here, for the pane, field or popup that has the
//! keyboard; and the lines of keys the popups draw themselves. Every hint names an action and
//! takes its key from the keymap, so a hint cannot show a key that does something else.

use super::action::Action;
use super::app::{App, Mode, Pane, Screen};
use super::editor::FieldInput;
use super::fields::{Field, primary};
use super::keymap::{Context, DELETE, Key, MOVE_IN_TEXT, keys_for};
use super::structure::NewRow;
use super::tree::Node;
use crate::model::NoteField;
use crate::strings::strings;

/// One hint: the key (or keys) and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub text: String,
}

/// Hints being collected for one context.
struct Hints {
    context: Context,
    list: Vec<Hint>,
}

impl Hints {
    /// A hint for `actions`, with their keys in this context; none when they are not bound.
    fn add(&mut self, actions: &[Action], text: &str) {
        self.add_from(self.context, actions, text);
    }

    /// A hint for keys that `context` binds while the keyboard is in another: an open choice
    /// asks the `Choice` context for the keys the `Editor` context leaves.
    fn add_from(&mut self, context: Context, actions: &[Action], text: &str) {
        if let Some(keys) = keys_of(context, actions) {
            self.list.push(Hint {
                keys,
                text: text.to_string(),
            });
        }
    }
}

/// The hints for where the keyboard is, most useful first; the footer shows as many as fit.
pub fn footer(app: &App) -> Vec<Hint> {
    let w = &strings().tui.hints;
    let context = app.context();
    let mut hints = Hints {
        context,
        list: Vec::new(),
    };
    match context {
        Context::Editor => {
            let (is_choice, is_text) = match &app.mode {
                Mode::Editing(editor) => (
                    matches!(editor.input, FieldInput::Choice { .. }),
                    matches!(editor.input, FieldInput::Narrative(_)),
                ),
                _ => (false, false),
            };
            if is_choice {
                hints.add_from(Context::Choice, &[Action::Down, Action::Up], w.choose);
            }
            hints.add(&[Action::Commit], w.save);
            if is_text {
                hints.add(&[Action::Newline], w.new_line);
            }
            hints.add(&[Action::Cancel], w.cancel);
        }
        Context::Ask => {
            let count = match &app.mode {
                Mode::Asking(question) => question.choices.len(),
                _ => 0,
            };
            let answers = [
                Action::Answer(0),
                Action::Answer(1),
                Action::Answer(2),
                Action::Answer(3),
            ];
            hints.add(&answers[..count.clamp(1, answers.len())], w.choose);
            hints.add(&[Action::Cancel], w.back);
        }
        Context::Search => {
            hints.add(&[Action::Commit], w.keep);
            hints.add(&[Action::Cancel], w.back);
        }
        Context::CollectFile => {
            hints.add(&[Action::Commit], w.preview);
            hints.add(&[Action::Cancel], w.cancel);
        }
        Context::NewRow => {
            // The same line edits the outline (a title, the thresholds): Enter saves there.
            let commit = match &app.mode {
                Mode::NewRow(prompt) if matches!(prompt.what, NewRow::Outline(_)) => {
                    strings().outline.tui.key_save
                }
                _ => strings().structure.tui.key_add,
            };
            hints.add(&[Action::Commit], commit);
            hints.add(&[Action::Cancel], w.cancel);
        }
        Context::Collect => {
            hints.add(&[Action::Down, Action::Up], w.moves);
            hints.add(&[Action::TakeReturned], w.take);
            hints.add(&[Action::SkipRow], w.skip);
            hints.add(&[Action::KeepCurrent], w.keep_current);
            hints.add(&[Action::Commit], w.apply);
            hints.add(&[Action::Cancel], w.close);
        }
        Context::Finder => {
            hints.add(&[Action::Commit], w.go_there);
            hints.add(&[Action::Down, Action::Up], w.choose);
            hints.add(&[Action::Cancel], w.close);
        }
        Context::List => {
            hints.add(&[Action::Down, Action::Up], w.moves);
            hints.add(&[Action::Commit], w.open);
            if matches!(app.mode, Mode::Log(_)) {
                hints.add(&[Action::CycleFilter], w.this_goal_or_all);
            }
            hints.add(&[Action::Cancel], w.close);
        }
        Context::Review => {
            hints.add(&[Action::NextItem, Action::PrevItem], w.next_back);
            hints.add(&[Action::CycleAgenda], w.agenda);
            hints.add(&[Action::Method], w.method);
            hints.add(
                &[
                    Action::Note(NoteField::Decision),
                    Action::Note(NoteField::FollowUp),
                    Action::Note(NoteField::Owner),
                    Action::Note(NoteField::Due),
                ],
                w.notes,
            );
            hints.add(&[Action::ToggleContrast], w.contrast);
            hints.add(&[Action::Review], w.leave);
            hints.add(&[Action::Help], w.help);
        }
        // The popups draw their own line of keys (see `help_popup`, `method_popup`), and any
        // other key closes them: the footer under them names no key, as none does what the
        // pane's hints would say.
        Context::Help | Context::Method | Context::Choice => {}
        Context::Dashboard => {
            hints.add(&[Action::Dashboard], w.leave);
            hints.add(&[Action::Help], w.help);
            hints.add(&[Action::Quit], w.quit);
            // After the key table and quitting, which every footer keeps at 80 columns.
            let outline = &strings().outline.tui;
            hints.add(&[Action::EditThresholds], outline.hint_thresholds);
            hints.add(&[Action::EditPlanTitle], outline.hint_plan_title);
        }
        Context::Tree | Context::Card | Context::Global => {
            // What Enter does here and how to move, then what a clerk new to tassei needs
            // before the rest: the key table (always shown at 80 columns), how to quit, how to
            // take an edit back. Finding goals next; the log last.
            let edit = edit_hint(app);
            let goal = app.selected().is_some();
            match (&app.screen, app.focus) {
                (Screen::Main, Pane::Tree) => {
                    match app.tree.selected_node() {
                        Some(Node::Goal(..)) => hints.add(&[Action::Edit], &edit),
                        Some(_) => hints.add(&[Action::Right, Action::Left], w.open_close),
                        None => {}
                    }
                    // Tab shows the card of a goal only.
                    if goal {
                        hints.add(&[Action::SwitchPane], w.card);
                    }
                }
                _ => {
                    hints.add(&[Action::Edit], &edit);
                    hints.add(&[Action::Down, Action::Up], w.field);
                    hints.add(&[Action::Left], w.tree);
                }
            }
            // A filter that hides every goal: changing it is the one thing to do.
            let hiding = app.filter_hides_every_goal();
            if hiding {
                hints.add(&[Action::CycleFilter], w.filter);
            }
            hints.add(&[Action::Help], w.help);
            hints.add(&[Action::Quit], w.quit);
            hints.add(&[Action::Undo], w.undo);
            hints.add(&[Action::Find], w.find);
            hints.add(&[Action::Search], w.search);
            if !hiding {
                hints.add(&[Action::CycleFilter], w.filter);
            }
            if goal {
                hints.add(&[Action::Method], w.method);
            }
            hints.add(&[Action::Log], w.log);
            hints.add(&[Action::Collect], w.collect);
            // The plan's own rows last: shown where the footer has room, always in `?`.
            let rows = &strings().structure.tui;
            hints.add(&[Action::AddRow, Action::RemoveRow], rows.hint_rows);
            if matches!(app.tree.selected_node(), Some(Node::Initiative(..)))
                && app.focus == Pane::Tree
            {
                hints.add(
                    &[Action::EditInitiativeTitle],
                    strings().outline.tui.key_initiative_title,
                );
            }
        }
    }
    hints.list
}

/// What Enter does on the selected goal: names the field it opens.
fn edit_hint(app: &App) -> String {
    let w = &strings().tui.hints;
    let Some((_, goal)) = app.selected() else {
        return w.edit.into();
    };
    let field = match app.focus {
        Pane::Tree => Some(primary(goal)),
        Pane::Card => app.selected_field(),
    };
    match field {
        Some(Field::Actual | Field::Part(_)) => w.enter_actual.into(),
        Some(Field::Milestone) => w.choose_milestone.into(),
        Some(Field::Evaluation) => w.edit_evaluation.into(),
        Some(Field::Activity(_)) => w.change_status.into(),
        Some(Field::Note(..)) | None => w.edit.into(),
        Some(other) => other
            .key()
            .map_or_else(|| w.edit.into(), |k| (w.edit_field)(k.label_ja())),
    }
}

/// The key table's bottom line: how it scrolls when it does not fit, else that any key closes.
pub fn help_popup(scrolls: bool) -> String {
    match keys_of(Context::Help, &[Action::Down, Action::Up]) {
        Some(keys) if scrolls => (strings().tui.help.scroll)(&keys),
        _ => strings().tui.close_hint.to_string(),
    }
}

/// The 積算方法 lookup's bottom line: it binds no key, so any key closes it.
pub fn method_popup() -> String {
    strings().tui.close_hint.to_string()
}

/// Under a value typing will replace: the keys that edit it instead (a move, a deletion).
pub fn replaced_value() -> String {
    let moves: Vec<String> = MOVE_IN_TEXT.keys.iter().map(Key::to_string).collect();
    let delete = DELETE.keys.first().map(Key::to_string).unwrap_or_default();
    (strings().tui.hints.replaced_value)(&moves.join(", "), &delete)
}

/// Under a question's choices: what the key that goes back does. When it does what one of the
/// answers does (`esc_is`, from 0), it says so, so the two do not read as different things.
pub fn question_back(esc_is: Option<usize>) -> String {
    let keys = keys_of(Context::Ask, &[Action::Cancel]).unwrap_or_default();
    let words = &strings().tui.hints;
    match esc_is {
        Some(answer) => {
            let answer = u8::try_from(answer)
                .ok()
                .and_then(|n| keys_of(Context::Ask, &[Action::Answer(n)]))
                .unwrap_or_else(|| (answer + 1).to_string());
            (words.question_same_as)(&keys, &answer)
        }
        None => (words.question_back)(&keys),
    }
}

/// The first key of `action` in `context`, for a sentence that names it (`Enter`).
pub fn key_of(context: Context, action: Action) -> String {
    keys_of(context, &[action]).unwrap_or_default()
}

/// The keys of the first and the last of `count` answers to a question (`1`, `3`). An answer
/// past the bound ones is named by its number.
pub fn answer_range(count: usize) -> (String, String) {
    let last = count.saturating_sub(1);
    let last_key = u8::try_from(last)
        .ok()
        .and_then(|n| keys_of(Context::Ask, &[Action::Answer(n)]))
        .unwrap_or_else(|| count.to_string());
    (key_of(Context::Ask, Action::Answer(0)), last_key)
}

/// The keys of a hint: one action's first key (`Enter`), two actions' first keys (`j/k`), or
/// a run of single characters (`1-4`). Text elsewhere that names keys takes them from here.
pub fn keys_of(context: Context, actions: &[Action]) -> Option<String> {
    let firsts: Vec<Key> = actions
        .iter()
        .map(|a| keys_for(context, *a).and_then(|keys| keys.first().copied()))
        .collect::<Option<_>>()?;
    let names: Vec<String> = firsts.iter().map(Key::to_string).collect();
    Some(match names.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a}/{b}"),
        [first, .., last] => format!("{first}-{last}"),
        [] => return None,
    })
}

#[cfg(test)]
mod tests;
