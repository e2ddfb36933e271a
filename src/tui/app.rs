//! The application state and its update logic: key → action → state change → store. Nothing
//! here draws; tests drive it with key events and read the state and the store.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::action::Action;
use super::editor::Editor;
use super::fields::{Field, fields, primary};
use super::filter::{Filter, sections};
use super::jump::{CountScan, JumpScan, Purpose, Scan};
use super::keymap::{Context, lookup};
use super::lists::{LogView, PlanList};
use super::question::{Pending, Question};
use super::review::Review;
use super::theme::Theme;
use super::tree::{Tree, goal_ref, position_of};
use crate::config::{Config, Setting};
use crate::find::{Found, Search, narrows};
use crate::model::{CalendarDate, Goal, GoalRef, Grouped, Initiative, NoteField, Plan, Value};
use crate::report::summary::{Contribution, Summary};
use crate::store::{
    Applied, ChangedAfter, Edit, EditError, FieldValue, Store, UndoError, UndoOptions, text_change,
};

/// How long a search runs per frame: a keystroke plus its frame stay within one 60 Hz frame
/// (16 ms) however large the plan; the rest of the search runs in the frames that follow.
const FRAME_SLICE: Duration = Duration::from_millis(8);

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Card,
}

/// What the keyboard is talking to.
pub enum Mode {
    Normal,
    /// The key table, scrolled this many lines.
    Help(usize),
    Editing(Box<Editor>),
    /// The `/` line: the query and where the selection was when it opened.
    Searching {
        query: Input,
        origin: Option<(usize, usize)>,
        /// The text last searched for and the goal it found (None: no goal matched).
        last: Option<(String, Option<(usize, usize)>)>,
    },
    /// How a goal is counted, over the card; any key closes it.
    Method((usize, usize)),
    /// A question with numbered answers, over the screen.
    Asking(Box<Question>),
    /// The plan switcher (`P`).
    Plans(PlanList),
    /// The change log (`L`).
    Log(LogView),
    /// The finder: the query, its ranked matches and the chosen one.
    Finding {
        query: Input,
        /// The hits of the last search that finished: shown while the search for what is
        /// typed now is still running.
        hits: Vec<Found>,
        search: Search,
        chosen: usize,
    },
}

/// What fills the screen.
pub enum Screen {
    /// The tree and the card.
    Main,
    /// A review meeting (評価会議), one goal at a time.
    Review(Box<Review>),
    /// Counts, bars and overdue activities for the whole plan.
    Dashboard,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Running,
    Quit,
}

/// Everything on screen, and the store behind it.
pub struct App {
    pub store: Store,
    pub plan: Plan,
    pub today: CalendarDate,
    /// The data file as shown in the status bar.
    pub db_label: String,
    pub tree: Tree,
    pub screen: Screen,
    pub focus: Pane,
    /// The selected field of the card, by position in `fields(goal)`.
    pub card_field: usize,
    /// First card line on screen; the view keeps the selected field visible.
    pub card_scroll: usize,
    pub mode: Mode,
    pub filter: Filter,
    pub last_search: String,
    pub message: Option<Message>,
    pub summary: Summary,
    pub theme: Theme,
    pub state: RunState,
    /// The text of a field that was open when the clerk quit, to report after the terminal is
    /// restored (it was not saved).
    pub discarded: Option<String>,
    data_version: i64,
    /// A `/` search or `n`/`N` still scanning.
    jump: Option<JumpScan>,
    /// The count of matches of the last `/` or `n`/`N`, still scanning.
    count: Option<CountScan>,
    /// Which match is on screen and how many there are (`3/12`); `(0, 0)` is no match. `None`
    /// while counting or when no search ran.
    pub search_count: Option<(usize, usize)>,
    /// How long a search runs per key or frame ([`FRAME_SLICE`]; tests set it to zero to
    /// watch a search in progress: each call then looks at one round of goals).
    pub search_slice: Duration,
    /// The tree's share of the screen's width, in percent (`<` `>`).
    pub tree_width: u16,
    /// The config file settings changed here are saved to; `None` remembers nothing (tests).
    config_path: Option<std::path::PathBuf>,
    /// The damage check beside the TUI found damage and the clerk was told.
    damage_said: bool,
}

/// The tree's share of the width: the default, the limits, and one step of `<` `>`.
pub const TREE_WIDTH_DEFAULT: u16 = 42;
pub const TREE_WIDTH_MIN: u16 = 25;
pub const TREE_WIDTH_MAX: u16 = 70;
const TREE_WIDTH_STEP: u16 = 5;

impl App {
    pub fn new(store: Store, plan: Plan, today: CalendarDate, theme: Theme) -> Self {
        let db_label = store.path().file_name().map_or_else(
            || store.path().display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let data_version = store.data_version().unwrap_or(0);
        let summary = Summary::of(&plan, today);
        let mut app = App {
            store,
            plan,
            today,
            db_label,
            tree: Tree::default(),
            screen: Screen::Main,
            focus: Pane::Tree,
            card_field: 0,
            card_scroll: 0,
            mode: Mode::Normal,
            filter: Filter::All,
            last_search: String::new(),
            message: None,
            summary,
            theme,
            state: RunState::Running,
            discarded: None,
            data_version,
            jump: None,
            count: None,
            search_count: None,
            search_slice: FRAME_SLICE,
            tree_width: TREE_WIDTH_DEFAULT,
            config_path: None,
            damage_said: false,
        };
        app.with_tree(|tree, plan, visible| *tree = Tree::new(plan, visible));
        app
    }

    /// Takes the remembered settings from `config` and saves changed ones to the file at
    /// `path` (the config file).
    pub fn remember_in(&mut self, path: Option<std::path::PathBuf>, config: &Config) {
        if let Some(width) = config.tree_width {
            self.tree_width = u16::from(width).clamp(TREE_WIDTH_MIN, TREE_WIDTH_MAX);
        }
        self.config_path = path;
    }

    /// The selected goal with its initiative.
    pub fn selected(&self) -> Option<(&Initiative, &Goal)> {
        let (i, g) = self.tree.selected_goal()?;
        let ini = self.plan.initiatives.get(i)?;
        Some((ini, ini.goals.get(g)?))
    }

    /// The selected card field, when a goal is selected.
    pub fn selected_field(&self) -> Option<Field> {
        let (_, goal) = self.selected()?;
        fields(goal).get(self.card_field).copied()
    }

    /// The key-table context the keyboard is in.
    pub fn context(&self) -> Context {
        match (&self.mode, self.focus) {
            (Mode::Editing(_), _) => Context::Editor,
            (Mode::Searching { .. }, _) => Context::Search,
            (Mode::Finding { .. }, _) => Context::Finder,
            (Mode::Plans(_) | Mode::Log(_), _) => Context::List,
            (Mode::Asking(_), _) => Context::Ask,
            (_, _) if matches!(self.screen, Screen::Review(_)) => Context::Review,
            (_, _) if matches!(self.screen, Screen::Dashboard) => Context::Dashboard,
            (_, Pane::Tree) => Context::Tree,
            (_, Pane::Card) => Context::Card,
        }
    }

    /// A terminal event. Only key presses count: Windows terminals also report releases.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Paste(text) => self.paste(&text),
            _ => {}
        }
    }

    /// Events that arrived together, read without waiting (a burst). Windows terminals deliver
    /// a paste as keystrokes, not as a paste event: text keys that reach an open field in one
    /// burst are taken as one paste, so an Enter inside it is a line break, not a save. A
    /// person's keys come one at a time and are handled one by one.
    pub fn handle_burst(&mut self, events: Vec<Event>) {
        let mut run: Vec<KeyEvent> = Vec::new();
        for event in events {
            match event {
                Event::Key(key) if key.kind == KeyEventKind::Release => {}
                Event::Key(key) if self.takes_pasted_keys() && pasted_char(&key).is_some() => {
                    run.push(key)
                }
                other => {
                    self.flush_run(&mut run);
                    self.handle_event(other);
                }
            }
        }
        self.flush_run(&mut run);
    }

    /// True while an open text field has the keyboard: keys in a burst are a paste there.
    fn takes_pasted_keys(&self) -> bool {
        matches!(&self.mode, Mode::Editing(editor) if editor.takes_text())
    }

    /// Keys gathered from a burst: two or more are a paste, one is a key.
    fn flush_run(&mut self, run: &mut Vec<KeyEvent>) {
        match run.len() {
            0 => {}
            1 => {
                let key = run[0];
                self.handle_key(key);
            }
            _ => {
                let text: String = run.iter().filter_map(pasted_char).collect();
                self.paste(&text);
            }
        }
        run.clear();
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Mode::Help(scroll) = &mut self.mode {
            // The help scrolls when it does not fit; any other key closes it.
            match key.code {
                KeyCode::Char('j') | KeyCode::Down | KeyCode::Char(' ') | KeyCode::PageDown => {
                    *scroll += 1
                }
                KeyCode::Char('k') | KeyCode::Up | KeyCode::PageUp => {
                    *scroll = scroll.saturating_sub(1)
                }
                _ => self.mode = Mode::Normal,
            }
            return;
        }
        if matches!(self.mode, Mode::Method(_)) {
            self.mode = Mode::Normal; // any key closes the method lookup
            return;
        }
        match lookup(self.context(), &key) {
            Some(action) => self.update(action),
            None => match &mut self.mode {
                Mode::Editing(editor) => editor.key(key),
                Mode::Searching { query, .. } => {
                    if query
                        .handle_event(&Event::Key(key))
                        .is_some_and(|r| r.value)
                    {
                        self.search_step();
                    }
                }
                Mode::Finding { query, .. } => {
                    if query
                        .handle_event(&Event::Key(key))
                        .is_some_and(|r| r.value)
                    {
                        self.start_finding();
                    }
                }
                _ => {
                    if let KeyCode::Char(c) = key.code {
                        let text = match &self.mode {
                            Mode::Asking(question) => format!(
                                "{c}: answer with a number, 1 to {}, or Esc",
                                question.choices.len()
                            ),
                            _ => format!("{c}: no such key; ? shows the keys"),
                        };
                        self.say_error(text);
                    }
                }
            },
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Editing(editor) => editor.paste(text),
            Mode::Searching { query, .. } => {
                *query = Input::new(format!(
                    "{}{}",
                    query.value(),
                    text.lines().next().unwrap_or("")
                ));
                self.search_step();
            }
            Mode::Finding { query, .. } => {
                *query = Input::new(format!(
                    "{}{}",
                    query.value(),
                    text.lines().next().unwrap_or("")
                ));
                self.start_finding();
            }
            _ => self.say_error("paste into a field: press Enter to open one first"),
        }
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        if matches!(self.mode, Mode::Plans(_) | Mode::Log(_)) && action != Action::Quit {
            self.update_list(action);
            return;
        }
        if matches!(self.mode, Mode::Asking(_)) {
            match action {
                Action::Answer(n) => self.answer(Some(n)),
                Action::Cancel => self.answer(None),
                // Ctrl-C at a question (a second Ctrl-C at "quit without saving?") quits,
                // reporting an open field as not saved.
                Action::Quit => self.stop(),
                _ => {}
            }
            return;
        }
        match action {
            // Ctrl-C is Windows' "copy": in a field holding typed text it asks first.
            Action::Quit => match std::mem::replace(&mut self.mode, Mode::Normal) {
                Mode::Editing(editor) if editor.has_changes() => self.ask(Question {
                    title: "quit without saving what you typed?".into(),
                    lines: vec![
                        "The open field has text that is not saved. Enter saves it; quitting now throws it away.".into(),
                    ],
                    choices: vec!["quit, throw it away".into(), "keep editing".into()],
                    pending: Pending::Quit(editor),
                }),
                other => {
                    self.mode = other;
                    self.stop();
                }
            },
            Action::Help => self.mode = Mode::Help(0),
            Action::Up | Action::Down if matches!(self.mode, Mode::Finding { .. }) => {
                if let Mode::Finding { hits, chosen, .. } = &mut self.mode {
                    let last = hits.len().saturating_sub(1);
                    *chosen = if action == Action::Up {
                        chosen.saturating_sub(1)
                    } else {
                        (*chosen + 1).min(last)
                    };
                }
            }
            Action::Top | Action::Bottom if matches!(self.screen, Screen::Review(_)) => {
                if let Screen::Review(review) = &mut self.screen {
                    review.go_to(if action == Action::Top { 0 } else { usize::MAX });
                    if let Some(goal) = review.current() {
                        self.with_tree(|tree, plan, visible| tree.select_goal(plan, goal, visible));
                    }
                }
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-10),
            Action::PageDown => self.step(10),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Left => match self.focus {
                Pane::Card => self.focus = Pane::Tree,
                Pane::Tree => {
                    self.with_tree(|tree, plan, visible| tree.left(plan, visible));
                    self.card_field = 0;
                }
            },
            Action::Right => {
                if !self.with_tree(|tree, plan, visible| tree.right(plan, visible)) {
                    self.focus_card();
                }
            }
            Action::SwitchPane => match self.focus {
                Pane::Tree => self.focus_card(),
                Pane::Card => self.focus = Pane::Tree,
            },
            Action::Edit => self.open_editor(),
            Action::Commit => self.commit(),
            Action::Cancel => self.cancel(),
            Action::Newline => {
                if let Mode::Editing(editor) = &mut self.mode {
                    editor.newline();
                }
            }
            Action::Undo => self.undo(false),
            Action::Redo => self.undo(true),
            Action::CycleFilter => {
                self.filter = self.filter.next(&sections(&self.plan));
                self.refresh_tree();
                let shown = self
                    .tree
                    .rows()
                    .iter()
                    .filter(|n| matches!(n, super::tree::Node::Goal(..)))
                    .count();
                self.say(format!("filter: {} ({shown} goals)", self.filter.label()));
            }
            Action::Search => {
                self.search_count = None;
                self.mode = Mode::Searching {
                    query: Input::default(),
                    origin: self.tree.selected_goal(),
                    last: None,
                };
            }
            Action::Method if matches!(self.screen, Screen::Review(_)) => {
                if let Screen::Review(review) = &mut self.screen {
                    review.show_method = !review.show_method;
                }
            }
            Action::Review => self.toggle_review(),
            Action::Dashboard => {
                self.screen = match self.screen {
                    Screen::Dashboard => Screen::Main,
                    _ => Screen::Dashboard,
                };
            }
            Action::NextItem | Action::PrevItem => {
                if let Screen::Review(review) = &mut self.screen {
                    review.step(action == Action::NextItem);
                    let current = review.current();
                    if let Some(goal) = current {
                        self.with_tree(|tree, plan, visible| tree.select_goal(plan, goal, visible));
                    }
                }
            }
            Action::CycleAgenda => {
                if let Screen::Review(review) = &mut self.screen {
                    let areas: Vec<u8> = self.plan.areas.iter().map(|a| a.number).collect();
                    let order = review.order.next(&areas);
                    review.reorder(&self.plan, order);
                    let text = format!("agenda: {} ({} goals)", order.label(), review.agenda.len());
                    self.say(text);
                }
            }
            Action::Note(field) => self.open_note(field),
            Action::ToggleContrast => {
                self.theme = self.theme.toggle_contrast();
                let state = if self.theme.is_high_contrast() {
                    "on"
                } else {
                    "off"
                };
                self.say(format!("high contrast {state}"));
            }
            Action::Method => match self.tree.selected_goal() {
                Some(goal) => self.mode = Mode::Method(goal),
                None => self.say_error("select a goal to see how it is counted"),
            },
            Action::Find => {
                self.mode = Mode::Finding {
                    query: Input::default(),
                    hits: vec![],
                    search: Search::new(&self.plan, ""),
                    chosen: 0,
                }
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::WiderTree | Action::NarrowerTree => {
                let width = if action == Action::WiderTree {
                    self.tree_width.saturating_add(TREE_WIDTH_STEP)
                } else {
                    self.tree_width.saturating_sub(TREE_WIDTH_STEP)
                };
                self.tree_width = width.clamp(TREE_WIDTH_MIN, TREE_WIDTH_MAX);
                let saved = match (&self.config_path, u8::try_from(self.tree_width)) {
                    (Some(path), Ok(w)) => Config::save_setting_to(path, Setting::TreeWidth(w))
                        .map(|()| " (remembered)")
                        .map_err(|e| e.to_string()),
                    _ => Ok(""),
                };
                match saved {
                    Ok(note) => self.say(format!("tree width {}%{note}", self.tree_width)),
                    Err(e) => self.say_error(format!(
                        "tree width {}%, but it could not be remembered: {e}",
                        self.tree_width
                    )),
                }
            }
            Action::Plans => match self.store.plans() {
                Ok(plans) => self.mode = Mode::Plans(PlanList::new(plans, self.plan.id)),
                Err(e) => self.say_error(format!("cannot list the plans: {e}")),
            },
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
                self.open_log(None, selected);
            }
            Action::Answer(_) => {}
        }
    }

    /// Opens the change log, for the whole plan or one goal.
    fn open_log(
        &mut self,
        goal: Option<(crate::model::GoalId, GoalRef)>,
        selected: Option<(crate::model::GoalId, GoalRef)>,
    ) {
        match self.store.log(self.plan.id, goal.map(|(id, _)| id)) {
            Ok(entries) => self.mode = Mode::Log(LogView::new(entries, goal, selected)),
            Err(e) => self.say_error(format!("cannot read the change log: {e}")),
        }
    }

    /// Keys while the plan switcher or the change log is open.
    fn update_list(&mut self, action: Action) {
        let delta = match action {
            Action::Down => Some(1),
            Action::Up => Some(-1),
            Action::PageDown => Some(10),
            Action::PageUp => Some(-10),
            _ => None,
        };
        match (&mut self.mode, delta) {
            (Mode::Plans(list), Some(d)) => list.step(d),
            (Mode::Log(log), Some(d)) => log.step(d),
            _ => {}
        }
        match action {
            Action::Cancel => self.mode = Mode::Normal,
            Action::CycleFilter => {
                if let Mode::Log(log) = &self.mode {
                    let (goal, selected) = (log.toggled_goal(), log.selected_goal);
                    self.open_log(goal, selected);
                }
            }
            Action::Commit => match std::mem::replace(&mut self.mode, Mode::Normal) {
                Mode::Plans(list) => {
                    if let Some(plan) = list.chosen().filter(|p| p.id != self.plan.id) {
                        let id = plan.id;
                        self.switch_plan(id);
                    }
                }
                Mode::Log(log) => {
                    let goal = log.chosen().and_then(|e| e.goal);
                    match goal.and_then(|id| self.plan.goal_by_id(id)) {
                        Some((r, _)) => {
                            if let Some(position) = position_of(&self.plan, r) {
                                self.show_goal(position);
                            }
                        }
                        None => self.say_error("that change is not about a goal of this plan"),
                    }
                }
                other => self.mode = other,
            },
            _ => {}
        }
    }

    /// Opens another plan of the data file.
    fn switch_plan(&mut self, id: crate::model::PlanId) {
        match self.store.load_plan(id) {
            Ok(plan) => {
                self.plan = plan;
                self.summary = Summary::of(&self.plan, self.today);
                self.filter = Filter::All;
                self.screen = Screen::Main;
                self.focus = Pane::Tree;
                self.jump = None;
                self.last_search.clear();
                self.with_tree(|tree, plan, visible| *tree = Tree::new(plan, visible));
                self.card_field = 0;
                self.card_scroll = 0;
                let label = format!(
                    "opened {} {} {}",
                    self.plan.municipality,
                    self.plan.title,
                    self.plan.fiscal_year.reiwa_label()
                );
                self.say(label);
            }
            Err(e) => self.say_error(format!("cannot open that plan: {e}")),
        }
    }

    /// `R`: start a review meeting on today's date at the selected goal, or leave it.
    fn toggle_review(&mut self) {
        match &self.screen {
            Screen::Review(_) => {
                self.screen = Screen::Main;
                self.say("left the review; the notes are saved");
            }
            Screen::Main | Screen::Dashboard => {
                let review = Review::new(&self.plan, self.today, self.tree.selected_goal());
                self.screen = Screen::Review(Box::new(review));
            }
        }
    }

    /// Opens a field of the meeting note on the goal on screen.
    fn open_note(&mut self, field: NoteField) {
        let Screen::Review(review) = &self.screen else {
            return;
        };
        let Some((i, g)) = review.current() else {
            return;
        };
        let date = review.date;
        if let Some(goal) = self
            .plan
            .initiatives
            .get(i)
            .and_then(|ini| ini.goals.get(g))
            && let Some(editor) = Editor::open(goal, (i, g), Field::Note(field, date))
        {
            self.mode = Mode::Editing(Box::new(editor));
        }
    }

    /// Advances the meeting clocks; the run loop calls it before each frame.
    pub fn advance_clock(&mut self, now: std::time::Instant) {
        if let Screen::Review(review) = &mut self.screen {
            review.tick(now);
        }
    }

    fn focus_card(&mut self) {
        if self.selected().is_some() {
            self.focus = Pane::Card;
        } else {
            self.say_error("select a goal to see its card (j/k)");
        }
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Tree => {
                self.tree.move_by(delta);
                self.card_field = 0;
                self.card_scroll = 0;
            }
            Pane::Card => {
                let count = self.selected().map_or(0, |(_, g)| fields(g).len());
                let last = count.saturating_sub(1) as isize;
                self.card_field = (self.card_field as isize)
                    .saturating_add(delta)
                    .clamp(0, last) as usize;
            }
        }
    }

    /// Runs a tree operation with the filter that decides which goals it shows.
    fn with_tree<R>(
        &mut self,
        f: impl FnOnce(&mut Tree, &Plan, &dyn Fn(usize, usize) -> bool) -> R,
    ) -> R {
        let (plan, filter, today) = (&self.plan, &self.filter, self.today);
        let visible = |i: usize, g: usize| {
            plan.initiatives
                .get(i)
                .and_then(|ini| ini.goals.get(g))
                .is_some_and(|goal| filter.matches(plan, goal, today))
        };
        f(&mut self.tree, plan, &visible)
    }

    fn refresh_tree(&mut self) {
        self.with_tree(|tree, plan, visible| tree.rebuild(plan, visible));
        if self.selected().is_none() && self.focus == Pane::Card {
            self.focus = Pane::Tree;
        }
    }

    fn open_editor(&mut self) {
        let Some((i, g)) = self.tree.selected_goal() else {
            if !self.with_tree(|tree, plan, visible| tree.right(plan, visible)) {
                self.say_error("select a goal to edit");
            }
            return;
        };
        let goal = &self.plan.initiatives[i].goals[g];
        let field = match self.focus {
            Pane::Tree => primary(goal),
            Pane::Card => match fields(goal).get(self.card_field) {
                Some(f) => *f,
                None => return,
            },
        };
        if self.focus == Pane::Tree {
            self.card_field = fields(goal).iter().position(|f| *f == field).unwrap_or(0);
        }
        match Editor::open(goal, (i, g), field) {
            Some(editor) => self.mode = Mode::Editing(Box::new(editor)),
            None => self.say_error("this field cannot be edited"),
        }
    }

    fn cancel(&mut self) {
        if matches!(self.mode, Mode::Searching { .. }) {
            // A scan still running for the abandoned query must not move the selection later.
            self.jump = None;
            self.count = None;
            self.search_count = None;
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Searching {
                origin: Some(origin),
                ..
            } => {
                self.with_tree(|tree, plan, visible| tree.select_goal(plan, origin, visible));
            }
            // A paragraph typed or pasted is not thrown away on one key: Esc asks first.
            Mode::Editing(editor) if editor.has_typed_text() => {
                self.ask(Question {
                    title: "throw away what you typed in 評価内容?".into(),
                    lines: vec!["評価内容 has text that is not saved.".into()],
                    choices: vec!["throw it away".into(), "keep editing".into()],
                    pending: Pending::Discard(editor),
                });
            }
            Mode::Editing(_) => self.say("cancelled: nothing was saved"),
            _ => {}
        }
    }

    /// Ends the app now: quitting, or asked to stop by a signal. An open field is not saved,
    /// and is reported.
    pub fn stop(&mut self) {
        let editor = match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Editing(editor) => Some(editor),
            Mode::Asking(question) => question.into_editor(),
            _ => None,
        };
        if let Some(editor) = editor {
            self.discarded = Some(self.describe_discard(&editor));
        }
        self.state = RunState::Quit;
    }

    fn ask(&mut self, question: Question) {
        self.mode = Mode::Asking(Box::new(question));
    }

    /// The clerk answered the question on screen: choice `n` (from 0), or `None` for Esc.
    fn answer(&mut self, choice: Option<u8>) {
        let Mode::Asking(question) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        if choice.is_some_and(|n| usize::from(n) >= question.choices.len()) {
            let count = question.choices.len();
            self.mode = Mode::Asking(question);
            self.say_error(format!("choose 1 to {count}, or Esc"));
            return;
        }
        match (question.pending, choice) {
            (Pending::Quit(editor), Some(0)) => {
                self.mode = Mode::Editing(editor);
                self.stop();
            }
            (Pending::Quit(editor), _) => self.mode = Mode::Editing(editor),
            (Pending::Discard(_), Some(0)) => self.say("cancelled: nothing was saved"),
            (Pending::Discard(editor), _) => self.mode = Mode::Editing(editor),
            (Pending::Conflict { editor, edit }, Some(0)) => {
                // Checked against theirs: a third change meanwhile is asked about again.
                let seen = editor.seen.clone();
                self.mode = Mode::Editing(editor);
                self.save(edit, Some(seen));
            }
            (Pending::Conflict { editor, .. }, Some(1)) => {
                drop(editor);
                self.reload_keeping_editor();
                self.say("kept the value saved by the other program; yours was not saved");
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
                self.mode = Mode::Editing(editor);
                self.say("their text, with yours added: check it, then Enter saves");
            }
            (Pending::Conflict { editor, .. }, _) => self.mode = Mode::Editing(editor),
            (Pending::Reading { editor, readings }, Some(n)) => {
                let [first, second] = readings;
                let seen = editor.seen.clone();
                self.mode = Mode::Editing(editor);
                self.save(if n == 0 { first } else { second }, Some(seen));
            }
            (Pending::Reading { editor, .. }, None) => self.mode = Mode::Editing(editor),
            (Pending::Undo { redo }, Some(0)) => self.undo_with(redo, true),
            (Pending::Undo { .. }, _) => self.say("nothing was undone"),
        }
    }

    /// Enter in a field: save through the store, or keep the field open with the reason.
    fn commit(&mut self) {
        if let Mode::Searching { query, .. } = &self.mode {
            self.last_search = query.value().to_string();
            self.mode = Mode::Normal;
            return;
        }
        if let Mode::Finding { search, .. } = &self.mode
            && !search.is_done()
        {
            // Enter means the best match for what was typed: finish the search first.
            self.work_for(Duration::MAX);
        }
        if let Mode::Finding { hits, chosen, .. } = &self.mode {
            match hits.get(*chosen).map(|hit| hit.position) {
                Some(position) => {
                    self.show_goal(position);
                    self.mode = Mode::Method(position);
                }
                None => self.say_error("no goal matches; type a code (2-イ-7), a number or words"),
            }
            return;
        }
        let Mode::Editing(editor) = &mut self.mode else {
            return;
        };
        let (i, g) = editor.goal;
        let Some(goal) = self
            .plan
            .initiatives
            .get(i)
            .and_then(|ini| ini.goals.get(g))
        else {
            self.mode = Mode::Normal;
            return;
        };
        let edit = match editor.edit(goal, &self.plan.thresholds) {
            Ok(edit) => edit,
            Err(reason) => {
                editor.error = Some(reason);
                return;
            }
        };
        // The clerk changed nothing, and someone else changed the field meanwhile: there is
        // nothing of the clerk's to save, and saving the old value back would undo theirs.
        if edit.new_value() == editor.seen && editor.notice.is_some() {
            self.mode = Mode::Normal;
            self.say(
                "nothing to save: you did not change it; the card shows the value saved meanwhile",
            );
            return;
        }
        // `9.500` in a unit counted in whole things is most likely 9,500: ask which was meant.
        let readings = match (editor.field, editor.typed()) {
            (Field::Actual, Some(typed)) => goal.actual_readings(typed),
            (Field::Part(k), Some(typed)) => goal.part_actual_readings(k + 1, typed),
            _ => None,
        };
        let seen = editor.seen.clone();
        let typed = editor.typed().unwrap_or_default().to_string();
        if let Some(readings) = readings
            && let Some(thousands) = with_number(&edit, readings.thousands)
            && let Mode::Editing(editor) = std::mem::replace(&mut self.mode, Mode::Normal)
        {
            // The decimal reading is saved as 9.5, not 9.500: chosen, it must not read as
            // 9,500 again.
            let decimal = readings.point.normalize();
            let (point, many) = (
                Grouped(&decimal).to_string(),
                Grouped(&readings.thousands).to_string(),
            );
            self.ask(Question {
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
            });
            return;
        }
        self.save(edit, Some(seen));
    }

    /// Saves an edit from the open field, which closes on success. When someone else saved the
    /// field since `seen` (the value the clerk was shown), nothing is written and the clerk is
    /// asked, with both values and who changed it; any other refusal stays under the field.
    fn save(&mut self, edit: Edit, seen: Option<FieldValue>) {
        match self.store.apply(&edit, seen.as_ref()) {
            Ok(applied) => {
                self.mode = Mode::Normal;
                self.after_edit(&applied);
            }
            Err(EditError::Conflict {
                subject,
                label,
                seen,
                current,
                by,
            }) => {
                let Mode::Editing(mut editor) = std::mem::replace(&mut self.mode, Mode::Normal)
                else {
                    return;
                };
                let who = by.map_or_else(
                    || "another program".to_string(),
                    |c| format!("{} at {}", c.actor, c.at),
                );
                let mine = edit.new_value();
                // The clerk has now seen theirs: a later save is checked against it.
                editor.seen = (*current).clone();
                let question = match (text_of(&seen), text_of(&current), text_of(&mine)) {
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
                            title: format!("{subject} {label} was changed while you had it open"),
                            lines: vec![
                                format!("{who} changed it: {their_part}."),
                                format!("You changed it: {your_part}."),
                            ],
                            choices,
                            pending: Pending::Conflict { editor, edit },
                        }
                    }
                    _ => Question {
                        title: format!("{subject} {label} was changed while you had it open"),
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
                };
                self.ask(question);
                self.reload_keeping_editor();
            }
            Err(e) => {
                if let Mode::Editing(editor) = &mut self.mode {
                    editor.error = Some(e.to_string());
                }
            }
        }
    }

    /// After the store wrote an edit: patch the plan, recompute, say what happened.
    /// Only the edited goal is graded again: its old contribution to the summary is swapped for
    /// its new one, and the tree is rebuilt only when a filter may now show or hide it.
    fn after_edit(&mut self, applied: &Applied) {
        let edited = position_of(&self.plan, applied.goal).map(|p| (applied.goal, p));
        let today = self.today;
        let contribution = move |plan: &Plan, (r, (i, g)): (GoalRef, (usize, usize))| {
            let goal = plan.initiatives.get(i)?.goals.get(g)?;
            Some(Contribution::of(r, goal, &plan.thresholds, today))
        };
        let before = edited.and_then(|e| contribution(&self.plan, e));
        if !applied.edit.apply_to(&mut self.plan) {
            self.reload();
        } else {
            match (before, edited.and_then(|e| contribution(&self.plan, e))) {
                (Some(before), Some(after)) => self.summary.replace(&before, after),
                _ => self.summary = Summary::of(&self.plan, self.today),
            }
            if self.filter != Filter::All {
                self.refresh_tree();
            }
        }
        self.data_version = self.store.data_version().unwrap_or(self.data_version);
        self.say(applied.to_string());
    }

    /// `u` / `Ctrl-R`: take back the clerk's own latest action. When someone else changed one
    /// of its fields since, the clerk is asked first, with who and when.
    fn undo(&mut self, redo: bool) {
        self.undo_with(redo, false);
    }

    fn undo_with(&mut self, redo: bool, force: bool) {
        let options = UndoOptions { force };
        let result = if redo {
            self.store.redo(self.plan.id, options)
        } else {
            self.store.undo(self.plan.id, options)
        };
        match result {
            Ok(undone) => {
                for applied in &undone.applied {
                    self.after_edit(applied);
                }
                self.say(undone.to_string());
                if let Some(position) = undone
                    .applied
                    .first()
                    .and_then(|a| position_of(&self.plan, a.goal))
                {
                    self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
                }
            }
            Err(UndoError::ChangedAfter(changed)) => {
                let action = if redo { "redo" } else { "undo" };
                let ChangedAfter {
                    subject,
                    label,
                    current,
                    restores,
                    by,
                    ..
                } = *changed;
                self.ask(Question {
                    title: format!("{action} over {}'s change?", by.actor),
                    lines: vec![
                        format!(
                            "{subject} {label} was changed by {} at {} after your edit; it is {current} now.",
                            by.actor, by.at
                        ),
                        format!("Going ahead puts {restores} back in place of their {current}."),
                    ],
                    choices: vec![
                        format!("{action} anyway: {restores}"),
                        format!("leave {current} as it is"),
                    ],
                    pending: Pending::Undo { redo },
                });
            }
            Err(e) => self.say_error(e.to_string()),
        }
    }

    /// Polled when idle: reload when another program (the CLI, a second window) changed the file.
    pub fn tick(&mut self) {
        self.say_damage();
        match self.store.data_version() {
            Ok(version) if version != self.data_version => {
                self.data_version = version;
                self.reload_keeping_editor();
                self.say("reloaded: the data file was changed by another program");
            }
            Ok(_) => {}
            Err(e) => self.say_error(e.to_string()),
        }
    }

    /// The damage check running beside the TUI found the file damaged: said at once, in the
    /// store's own line (which names the newest good copy), not only at the next Enter.
    fn say_damage(&mut self) {
        if self.damage_said
            || !matches!(
                self.store.damage_check(),
                crate::store::DamageCheck::Damaged(_)
            )
        {
            return;
        }
        self.damage_said = true;
        if let Err(e) = self.store.check_before_write() {
            self.say_error(format!("{e}; nothing can be saved to it"));
        }
    }

    fn reload(&mut self) {
        match self.store.load_plan(self.plan.id) {
            Ok(plan) => {
                self.plan = plan;
                self.summary = Summary::of(&self.plan, self.today);
                self.refresh_tree();
                self.restart_searches();
            }
            Err(e) => self.say_error(format!("could not reload the data file: {e}")),
        }
    }

    /// After a reload, goal positions may have moved: searches in progress or remembered are
    /// started again on the new plan.
    fn restart_searches(&mut self) {
        self.jump = None;
        self.count = None;
        match &mut self.mode {
            Mode::Searching { last, .. } => *last = None,
            Mode::Finding { query, hits, .. } => {
                hits.clear();
                let fresh = Search::new(&self.plan, query.value());
                self.set_finder_search(fresh);
            }
            _ => {}
        }
    }

    /// Reloads; an open field stays open, now comparing against the value on file.
    fn reload_keeping_editor(&mut self) {
        let selected = self
            .tree
            .selected_goal()
            .and_then(|p| goal_ref(&self.plan, p));
        self.reload();
        if let Some(position) = selected.and_then(|r| position_of(&self.plan, r)) {
            self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
        }
        // The open field keeps comparing with the value it was opened with, however many
        // reloads come: a save then asks. Meanwhile it says who changed it.
        if let Mode::Editing(editor) = &mut self.mode {
            let (i, g) = editor.goal;
            let fresh = self
                .plan
                .initiatives
                .get(i)
                .and_then(|ini| ini.goals.get(g))
                .and_then(|goal| Editor::open(goal, (i, g), editor.field));
            editor.notice = match fresh {
                Some(fresh) if fresh.seen != editor.seen => {
                    let by = fresh
                        .edit_ref(&self.plan)
                        .and_then(|field| self.store.last_change(field).ok().flatten())
                        .map(|c| format!(" by {} at {}", c.actor, c.at))
                        .unwrap_or_default();
                    // A text shows the part that changed, not its common start.
                    let now = match (text_of(&editor.seen), text_of(&fresh.seen)) {
                        (Some(before), Some(after)) => text_change(before, after).1,
                        _ => fresh.seen.to_string(),
                    };
                    Some(format!(
                        "changed{by} to {now} while open; Enter will ask before saving over it"
                    ))
                }
                _ => None,
            };
        }
    }

    /// Shows the first goal matching the query as typed so far. A query that only grew cannot
    /// match a goal before the previous match, so the scan resumes there (and stops at once
    /// when the previous text matched nothing).
    fn search_step(&mut self) {
        let Mode::Searching { query, last, .. } = &self.mode else {
            return;
        };
        let text = query.value().to_string();
        self.count = None;
        self.search_count = None;
        let scan = match last {
            Some((previous, None)) if narrows(previous, &text) => {
                self.jump = None;
                self.search_count = Some((0, 0));
                if let Mode::Searching { last, .. } = &mut self.mode {
                    *last = Some((text, None));
                }
                return;
            }
            Some((previous, Some(at))) if narrows(previous, &text) => JumpScan::new(
                &self.plan,
                &text,
                Some(*at),
                Scan::OnwardFrom,
                Purpose::Prompt,
            ),
            _ => JumpScan::new(&self.plan, &text, None, Scan::Forward, Purpose::Prompt),
        };
        self.jump = scan;
        self.work_for(self.search_slice);
    }

    fn jump_to_match(&mut self, forward: bool) {
        if self.last_search.is_empty() {
            self.say_error("no search yet: / to search");
            return;
        }
        let scan = if forward {
            Scan::Forward
        } else {
            Scan::Backward
        };
        let from = self.tree.selected_goal();
        self.count = None;
        self.jump = JumpScan::new(&self.plan, &self.last_search, from, scan, Purpose::Repeat);
        self.work_for(self.search_slice);
    }

    /// Starts the finder's search for what is typed now, narrowing the last finished search
    /// when the query only grew, and runs its first slice.
    fn start_finding(&mut self) {
        if let Mode::Finding { query, search, .. } = &mut self.mode {
            let next = search.narrowed(&self.plan, query.value());
            self.set_finder_search(next);
        }
        self.work_for(self.search_slice);
    }

    /// Puts a new search in the finder. One answered at once (a code, an empty query) shows
    /// its hits now; the others show theirs when [`App::work`] finishes them.
    fn set_finder_search(&mut self, next: Search) {
        if let Mode::Finding {
            hits,
            search,
            chosen,
            ..
        } = &mut self.mode
        {
            if next.is_done() {
                *hits = next.hits().to_vec();
                *chosen = 0;
            }
            *search = next;
        }
    }

    /// True while a search is still running: the event loop then calls [`App::work`] instead
    /// of waiting for a key.
    pub fn busy(&self) -> bool {
        self.jump.is_some()
            || self.count.is_some()
            || matches!(&self.mode, Mode::Finding { search, .. } if !search.is_done())
    }

    /// Runs pending searches for one slice of a frame.
    pub fn work(&mut self) {
        self.work_for(self.search_slice);
    }

    fn work_for(&mut self, slice: Duration) {
        // No deadline when the slice is too long to add (Duration::MAX: run to the end).
        let deadline = Instant::now().checked_add(slice);
        if let Mode::Finding {
            hits,
            search,
            chosen,
            ..
        } = &mut self.mode
            && !search.is_done()
            && search.run(&self.plan, deadline)
        {
            *hits = search.hits().to_vec();
            *chosen = 0;
        }
        if let Some(scan) = &mut self.jump {
            let Some(answer) = scan.run(&self.plan, deadline) else {
                return;
            };
            let Some(scan) = self.jump.take() else {
                return;
            };
            match (answer, scan.purpose) {
                (Some(position), _) => self.show_goal(position),
                (None, Purpose::Repeat) => {
                    self.say_error(format!("no goal matches \"{}\"", scan.text))
                }
                (None, Purpose::Prompt) => {}
            }
            // A match is numbered among all matches by a count that runs next; no match is
            // known at once.
            self.search_count = answer.is_none().then_some((0, 0));
            self.count = answer
                .and_then(|at| CountScan::new(&self.plan, &scan.text, Some(at), scan.purpose));
            if scan.purpose == Purpose::Prompt
                && let Mode::Searching { query, last, .. } = &mut self.mode
                && query.value() == scan.text
            {
                *last = Some((scan.text, answer));
            }
        }
        if let Some(count) = &mut self.count {
            let Some(found) = count.run(&self.plan, deadline) else {
                return;
            };
            let purpose = count.purpose;
            let text = count.text.clone();
            self.count = None;
            self.search_count = Some(found);
            if purpose == Purpose::Repeat {
                self.say(format!("match {}/{} for \"{text}\"", found.0, found.1));
            }
        }
    }

    /// Selects a goal, clearing the filter if it hides it.
    fn show_goal(&mut self, position: (usize, usize)) {
        if !self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible)) {
            self.filter = Filter::All;
            self.refresh_tree();
            self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
        }
        self.card_field = 0;
        self.card_scroll = 0;
    }

    fn describe_discard(&self, editor: &Editor) -> String {
        let goal = goal_ref(&self.plan, editor.goal)
            .map(|r| r.to_string())
            .unwrap_or_default();
        match editor.typed() {
            Some(text) => format!("the open field of {goal} was not saved (it held \"{text}\")"),
            None => format!("the open field of {goal} was not saved"),
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn say_error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }
}

/// The character a key stands for in pasted text: letters and Enter (`\r`; Ctrl-J is `\n`,
/// as Windows delivers a CRLF), Tab. Other keys (arrows, Ctrl-keys) are commands, not text.
fn pasted_char(key: &KeyEvent) -> Option<char> {
    use ratatui::crossterm::event::KeyModifiers;
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => Some(c),
        KeyCode::Char('j') if key.modifiers == KeyModifiers::CONTROL => Some('\n'),
        KeyCode::Enter if plain => Some('\r'),
        KeyCode::Tab if plain => Some('\t'),
        _ => None,
    }
}

/// The text of a text value (評価内容, a note), for showing what changed in it.
fn text_of(value: &FieldValue) -> Option<&str> {
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
