//! `a`, `d`, `J`, `K`: the structure keys handed to the tree's goal or the card's activity row,
//! and the change written through the store, the selection following the row.

use super::{App, Command, Mode, Pane};
use crate::model::outline::{OutlineEdit, OutlineValue};
use crate::model::structure::{InitiativeTo, MoveTo, Structure};
use crate::model::{GoalPos, GoalRef};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::fields::fields;
use crate::tui::structure::{NewRow, RowPrompt, on_activity, on_goal, on_initiative_removal};
use crate::tui::tree::Node;

impl App {
    /// A structure key where the keyboard is: the tree's goal, or the card's activity row.
    pub(super) fn structure_key(&mut self, action: Action) -> Command {
        let words = &strings().structure.tui;
        let Some(at) = self.tree.selected_goal() else {
            // On an initiative's row, `a` adds its first goal.
            return match (self.tree.selected_node(), action) {
                (Some(Node::Initiative(i)), Action::AddRow) => match self.plan.initiatives.get(i) {
                    Some(initiative) => Command::NewRow(Box::new(RowPrompt::new(NewRow::Goal {
                        initiative: i,
                        at: 0,
                        code: GoalRef {
                            initiative: initiative.code,
                            goal: 1,
                        },
                    }))),
                    None => Command::None,
                },
                (Some(Node::Initiative(i)), Action::MoveRowDown | Action::MoveRowUp) => {
                    let to = if action == Action::MoveRowUp {
                        MoveTo::Up
                    } else {
                        MoveTo::Down
                    };
                    match self.plan.initiatives.get(i) {
                        Some(initiative) => Command::Restructure(Structure::MoveInitiative {
                            initiative: initiative.id,
                            to: InitiativeTo::Within(to),
                        }),
                        None => Command::None,
                    }
                }
                (Some(Node::Initiative(i)), Action::RemoveRow) => {
                    on_initiative_removal(&self.plan, i).unwrap_or(Command::None)
                }
                _ => Command::say_error(words.select_goal),
            };
        };
        let command = match self.focus {
            Pane::Tree => on_goal(action, &self.plan, at),
            Pane::Card => {
                let Some(goal) = at.goal_in(&self.plan) else {
                    return Command::None;
                };
                match fields(goal).get(self.card_field).and_then(|f| f.activity()) {
                    Some(n) => on_activity(action, &self.plan, at, n),
                    // A goal with no activity yet (a new one) gets its first from anywhere on
                    // its card.
                    _ if action == Action::AddRow
                        && goal.activities.is_empty()
                        && goal.activities_from.is_none() =>
                    {
                        Some(Command::NewRow(Box::new(RowPrompt::new(
                            NewRow::Activity { goal: at, at: 0 },
                        ))))
                    }
                    _ => match goal.activities_from {
                        Some(source) => {
                            return Command::say_error((words.shared_elsewhere)(
                                &source.to_string(),
                            ));
                        }
                        None => return Command::say_error(words.select_activity),
                    },
                }
            }
        };
        command.unwrap_or_else(|| Command::say_error(words.at_the_end))
    }

    /// Writes the change; the plan is read again and the row added or moved is selected (a new
    /// goal's card opened). A refusal keeps the new row's line open with the reason.
    pub(super) fn restructure(&mut self, change: Structure) {
        let before = self.tree.selected_goal();
        match self.store.restructure(&change) {
            Ok(done) => {
                if matches!(self.mode, Mode::NewRow(_)) {
                    self.mode = Mode::Normal;
                }
                self.reload();
                // A moved initiative's row stays selected under its new code.
                if let Structure::MoveInitiative { initiative, .. } = change
                    && let Some(i) = self
                        .plan
                        .initiatives
                        .iter()
                        .position(|x| x.id == initiative)
                {
                    self.tree.select_row(Node::Initiative(i));
                }
                // A removed goal's place goes to the goal after it, or the one before.
                let next = before.filter(|_| done.goal.is_none()).and_then(|at| {
                    let count = self.plan.initiatives.get(at.initiative)?.goals.len();
                    let goal = at.goal.min(count.checked_sub(1)?);
                    Some(GoalPos::new(at.initiative, goal))
                });
                if let Some(position) = next {
                    self.show_goal(position);
                }
                if let Some(position) = done.goal.and_then(|r| self.plan.position(r)) {
                    let field = self.card_field;
                    self.show_goal(position);
                    let activity = match change {
                        Structure::AddActivity { at, .. } => Some(at),
                        Structure::MoveActivity { to, .. } => Some(to),
                        Structure::RemoveActivity { .. } => {
                            // The row below moves up into the place; the last goes up one.
                            self.card_field = field;
                            None
                        }
                        _ => None,
                    };
                    if matches!(change, Structure::AddGoal { .. }) {
                        self.focus = Pane::Card;
                    }
                    self.select_activity(activity);
                }
                // The status bar's one line: the change, then the goals renumbered with it.
                let details = done.details();
                self.say(if details.is_empty() {
                    done.to_string()
                } else {
                    format!("{done}  {}", details.join("  "))
                });
            }
            Err(e) => self.say_error(e.to_string()),
        }
    }

    /// Writes an outline edit (the plan's title or thresholds, an initiative's title): the plan
    /// is read again, so every goal is graded by the bands now stored. A refusal keeps the line
    /// open with the reason.
    pub(super) fn outline(&mut self, edit: &OutlineEdit, seen: &OutlineValue) {
        match self.store.edit_outline(edit, Some(seen)) {
            Ok(done) => {
                if matches!(self.mode, Mode::NewRow(_)) {
                    self.mode = Mode::Normal;
                }
                let selected = self.tree.selected_node();
                self.reload();
                if let Some(node) = selected {
                    self.tree.select_row(node);
                }
                self.say(done.to_string());
            }
            Err(e) => self.say_error(e.to_string()),
        }
    }

    /// Puts the card's selection on activity `n` (from 0), or keeps it within the card.
    fn select_activity(&mut self, n: Option<usize>) {
        let Some((_, goal)) = self.selected() else {
            return;
        };
        let list = fields(goal);
        self.card_field = match n.and_then(|n| list.iter().position(|f| f.activity() == Some(n))) {
            Some(i) => i,
            None => self.card_field.min(list.len().saturating_sub(1)),
        };
    }
}
