//! Actions to commands: the state that has the keyboard handles an action and says what the
//! app must do beyond it ([`Command`]); [`App::perform`] does it. A popup or an open field
//! takes its keys before the screen, and the screen before the panes.

use std::time::Duration;

use super::editing;
use super::{App, Command, Mode, Pane, Screen, TREE_WIDTH_MAX, TREE_WIDTH_MIN, TREE_WIDTH_STEP};
use crate::config::{Config, Setting};
use crate::model::GoalRef;
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::collect::CollectPrompt;
use crate::tui::editor::Editor;
use crate::tui::fields::{fields, primary};
use crate::tui::filter::sections;
use crate::tui::finder::Finder;
use crate::tui::outline::Outlined;
use crate::tui::review::Review;
use crate::tui::search_prompt::SearchPrompt;
use crate::tui::tree::Node;

impl App {
    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        self.hand_view_to_field();
        let command = self.route(action);
        self.perform(command);
        self.prepare_card();
    }

    /// Hands the action to the state that has the keyboard and returns what it asks for.
    fn route(&mut self, action: Action) -> Command {
        match &mut self.mode {
            Mode::Plans(list) if action != Action::Quit => return list.handle(action),
            Mode::Log(log) if action != Action::Quit => return log.handle(action, &self.plan),
            Mode::Asking(_) => {
                let choice = match action {
                    Action::Answer(n) => Some(n),
                    Action::Cancel => None,
                    // Ctrl-C at a question (a second Ctrl-C at "quit without saving?") quits,
                    // reporting an open field as not saved.
                    Action::Quit => return Command::Quit,
                    _ => return Command::None,
                };
                return match std::mem::replace(&mut self.mode, Mode::Normal) {
                    Mode::Asking(question) => question.answer(choice),
                    other => {
                        self.mode = other;
                        Command::None
                    }
                };
            }
            _ => {}
        }
        match action {
            // Ctrl-C is Windows' "copy": in a field holding typed text it asks first.
            Action::Quit => {
                return match std::mem::replace(&mut self.mode, Mode::Normal) {
                    Mode::Editing(editor) => editing::quit(editor),
                    other => {
                        self.mode = other;
                        Command::Quit
                    }
                };
            }
            Action::Help => {
                self.mode = Mode::Help(0);
                return Command::None;
            }
            _ => {}
        }
        if let Some(command) = self.route_to_mode(action) {
            return command;
        }
        if let Screen::Review(review) = &mut self.screen
            && let Some(command) = review.handle(action, &self.plan)
        {
            return command;
        }
        if let Some(command) = self.route_to_pane(action) {
            return command;
        }
        self.global(action)
    }

    /// The open field, the `/` prompt or the finder, when the key is theirs.
    fn route_to_mode(&mut self, action: Action) -> Option<Command> {
        match &mut self.mode {
            Mode::Finding(finder) => {
                if action == Action::Commit && finder.is_searching() {
                    // Enter means the best match for what was typed: finish the search first.
                    self.work_for(Duration::MAX);
                }
                match &mut self.mode {
                    Mode::Finding(finder) => finder.handle(action),
                    _ => None,
                }
            }
            Mode::Searching(prompt) => prompt.handle(action),
            Mode::CollectFile(prompt) => prompt.handle(action),
            Mode::NewRow(prompt) => prompt.handle(action, &self.plan),
            Mode::Collecting(preview) => Some(preview.handle(action)),
            Mode::Editing(editor) => match action {
                Action::Newline => {
                    editor.newline();
                    Some(Command::None)
                }
                Action::Commit | Action::Cancel => {
                    let Mode::Editing(editor) = std::mem::replace(&mut self.mode, Mode::Normal)
                    else {
                        return None;
                    };
                    Some(if action == Action::Commit {
                        editing::enter(editor, &self.plan)
                    } else {
                        editing::escape(editor)
                    })
                }
                _ => None,
            },
            // Esc closes any other popup.
            _ if action == Action::Cancel => Some(Command::Close),
            _ => None,
        }
    }

    /// The tree or the card, for the keys that move and switch between them.
    fn route_to_pane(&mut self, action: Action) -> Option<Command> {
        if matches!(
            action,
            Action::AddRow | Action::RemoveRow | Action::MoveRowDown | Action::MoveRowUp
        ) {
            return Some(self.structure_key(action));
        }
        match (self.focus, action) {
            (Pane::Tree, _) | (Pane::Card, Action::Right) => {
                self.with_tree(|tree, plan, visible| tree.handle(action, plan, visible))
            }
            (Pane::Card, Action::Left) => {
                self.focus = Pane::Tree;
                Some(Command::None)
            }
            (Pane::Card, _) => {
                let delta = action.rows()?;
                let count = self.selected().map_or(0, |(_, g)| fields(g).len());
                self.card_field = card_step(self.card_field, count, delta);
                Some(Command::None)
            }
        }
    }

    /// The keys that work wherever the keyboard is.
    fn global(&mut self, action: Action) -> Command {
        match action {
            Action::SwitchPane => match self.focus {
                Pane::Tree => Command::FocusCard,
                Pane::Card => {
                    self.focus = Pane::Tree;
                    Command::None
                }
            },
            Action::Edit => self.open_editor(),
            Action::EditInitiativeTitle => {
                let initiative = match self.tree.selected_node() {
                    Some(Node::Initiative(i)) => Some(i),
                    Some(Node::Goal(at)) => Some(at.initiative),
                    _ => None,
                };
                initiative
                    .and_then(|i| Outlined::InitiativeTitle(i).prompt(&self.plan))
                    .unwrap_or_else(|| Command::say_error(strings().outline.tui.select_initiative))
            }
            Action::EditPlanTitle => Outlined::PlanTitle
                .prompt(&self.plan)
                .unwrap_or(Command::None),
            Action::EditThresholds => Outlined::Thresholds
                .prompt(&self.plan)
                .unwrap_or(Command::None),
            Action::Undo => Command::Undo {
                redo: false,
                force: false,
            },
            Action::Redo => Command::Undo {
                redo: true,
                force: false,
            },
            Action::CycleFilter => {
                self.filter = self.filter.next(&sections(&self.plan));
                self.refresh_tree();
                let shown = self
                    .tree
                    .rows()
                    .iter()
                    .filter(|n| matches!(n, Node::Goal(..)))
                    .count();
                Command::say((strings().tui.messages.filter)(&self.filter.label(), shown))
            }
            Action::Search => {
                self.search_count = None;
                self.mode = Mode::Searching(SearchPrompt::new(self.tree.selected_goal()));
                Command::None
            }
            Action::Review => self.toggle_review(),
            Action::Dashboard => {
                self.screen = match self.screen {
                    Screen::Dashboard => Screen::Main,
                    _ => Screen::Dashboard,
                };
                Command::None
            }
            Action::ToggleContrast => {
                self.theme = self.theme.toggle_contrast();
                let on = self.theme.is_high_contrast();
                Command::say((strings().tui.messages.high_contrast)(on))
            }
            Action::Method => match self.tree.selected_goal() {
                Some(goal) => Command::ShowMethod(goal),
                None => Command::say_error(strings().tui.messages.select_to_see_method),
            },
            Action::Find => {
                self.mode = Mode::Finding(Finder::new(&self.plan));
                Command::None
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::WiderTree | Action::NarrowerTree => {
                self.resize_tree(action == Action::WiderTree)
            }
            Action::Plans => self.open_plans(),
            Action::Collect => {
                self.mode = Mode::CollectFile(CollectPrompt::default());
                Command::None
            }
            Action::Log => {
                let selected = self.selected().map(|(ini, goal)| {
                    (
                        goal.id,
                        GoalRef {
                            initiative: ini.code,
                            goal: goal.number,
                        },
                    )
                });
                Command::OpenLog {
                    goal: None,
                    selected,
                }
            }
            // Handled above by the state they belong to, or nothing to do here.
            Action::Quit
            | Action::Help
            | Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::Left
            | Action::Right
            | Action::Commit
            | Action::Cancel
            | Action::Newline
            | Action::NextItem
            | Action::PrevItem
            | Action::CycleAgenda
            | Action::Note(_)
            | Action::Answer(_)
            | Action::TakeReturned
            | Action::SkipRow
            | Action::KeepCurrent
            | Action::AddRow
            | Action::RemoveRow
            | Action::MoveRowDown
            | Action::MoveRowUp => Command::None,
        }
    }

    /// Does what a state asked for.
    pub fn perform(&mut self, command: Command) {
        match command {
            Command::None => {}
            Command::Apply { edit, seen } => self.save(edit, seen),
            Command::Undo { redo, force } => self.undo(redo, force),
            Command::UndoRollover => self.undo_rollover(),
            Command::Reload => self.reload_keeping_editor(),
            Command::Quit => self.stop(),
            Command::Say(text) => self.say(text),
            Command::SayError(text) => self.say_error(text),
            Command::Close => self.mode = Mode::Normal,
            Command::Open(editor) => {
                self.scroll.field = editor.view();
                self.mode = Mode::Editing(editor);
            }
            Command::Ask(question) => self.mode = Mode::Asking(question),
            Command::ShowGoal(at) => self.show_goal(at),
            Command::Select(at) => {
                self.with_tree(|tree, plan, visible| tree.select_goal(plan, at, visible));
            }
            Command::ShowMethod(at) => self.mode = Mode::Method(at),
            Command::Moved => {
                self.card_field = self.home_field();
                self.scroll.card = 0;
            }
            Command::FirstField => self.card_field = self.home_field(),
            Command::FocusCard => self.focus_card(),
            Command::SwitchPlan(id) => self.switch_plan(id),
            Command::OpenLog { goal, selected } => self.open_log(goal, selected),
            Command::KeepSearch(text) => {
                self.last_search = text;
                self.mode = Mode::Normal;
            }
            Command::CancelSearch(origin) => self.cancel_search(origin),
            Command::Remember(setting) => self.remember(setting),
            Command::PreviewReturn(typed) => self.preview_return(&typed),
            Command::Collect(collecting) => self.collect(*collecting),
            Command::NewRow(prompt) => self.mode = Mode::NewRow(prompt),
            Command::Restructure(change) => self.restructure(change),
            Command::Outline(edit) => {
                let (edit, seen) = *edit;
                self.outline(&edit, &seen);
            }
            Command::Seq(commands) => {
                for command in commands {
                    self.perform(command);
                }
            }
        }
    }

    /// Enter outside a field: open the selected field (from the tree, the goal's main one),
    /// or step into a branch of the tree.
    fn open_editor(&mut self) -> Command {
        let Some(at) = self.tree.selected_goal() else {
            if !self.with_tree(|tree, plan, visible| tree.right(plan, visible)) {
                return Command::say_error(strings().tui.messages.select_to_edit);
            }
            return Command::None;
        };
        let Some(goal) = at.goal_in(&self.plan) else {
            return Command::None;
        };
        let field = match self.focus {
            Pane::Tree => primary(goal),
            Pane::Card => match fields(goal).get(self.card_field) {
                Some(f) => *f,
                None => return Command::None,
            },
        };
        if self.focus == Pane::Tree {
            self.card_field = fields(goal).iter().position(|f| *f == field).unwrap_or(0);
        }
        match Editor::open(goal, at, field) {
            Some(editor) => Command::Open(Box::new(editor)),
            None => Command::say_error(strings().tui.messages.not_editable),
        }
    }

    /// `R`: start a review meeting on today's date at the selected goal, or leave it.
    fn toggle_review(&mut self) -> Command {
        match &self.screen {
            Screen::Review(_) => {
                self.screen = Screen::Main;
                Command::say(strings().tui.messages.left_review)
            }
            Screen::Main | Screen::Dashboard => {
                let review = Review::new(&self.plan, self.today, self.tree.selected_goal());
                self.screen = Screen::Review(Box::new(review));
                Command::None
            }
        }
    }

    /// `<` `>`: the tree's share of the width, remembered in the config file.
    fn resize_tree(&mut self, wider: bool) -> Command {
        let width = if wider {
            self.tree_width.saturating_add(TREE_WIDTH_STEP)
        } else {
            self.tree_width.saturating_sub(TREE_WIDTH_STEP)
        };
        self.tree_width = width.clamp(TREE_WIDTH_MIN, TREE_WIDTH_MAX);
        match u8::try_from(self.tree_width) {
            Ok(w) => Command::Remember(Setting::TreeWidth(w)),
            Err(_) => Command::say((strings().tui.messages.tree_width)(self.tree_width, false)),
        }
    }

    /// Saves a setting to the config file (when there is one) and says whether it was
    /// remembered.
    fn remember(&mut self, setting: Setting) {
        let saved = match &self.config_path {
            Some(path) => Config::save_setting_to(path, setting.clone())
                .map(|()| true)
                .map_err(|e| e.to_string()),
            None => Ok(false),
        };
        let words = &strings().tui.messages;
        match (setting, saved) {
            (Setting::TreeWidth(w), Ok(remembered)) => {
                self.say((words.tree_width)(u16::from(w), remembered));
            }
            (Setting::TreeWidth(w), Err(e)) => {
                self.say_error((words.tree_width_not_remembered)(u16::from(w), &e));
            }
            // The TUI changes no other setting; a failure still says why.
            (_, Ok(_)) => {}
            (_, Err(e)) => self.say_error(e),
        }
    }
}

/// The card's field after moving `delta` fields among `count`, kept on the card.
pub(super) fn card_step(field: usize, count: usize, delta: isize) -> usize {
    let last = count.saturating_sub(1) as isize;
    (field as isize).saturating_add(delta).clamp(0, last) as usize
}
