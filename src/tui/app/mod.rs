//! The application state: what is on screen, who has the keyboard, and the store behind it.
//! Keys become actions (`input`), actions go to the state that has the keyboard, which returns
//! a [`Command`] (`update`); the commands that touch the store run in `store`. Nothing here
//! draws; tests drive it with key events and read the state and the store.

mod collect;
mod editing;
mod input;
mod prepared;
mod rollover;
mod search;
mod store;
mod structure;
#[cfg(test)]
mod tests;
mod update;

use std::time::Duration;

use super::action::Action;
use super::collect::{CollectPreview, CollectPrompt};
use super::editor::Editor;
use super::fields::{Field, fields, home};
use super::filter::Filter;
use super::finder::Finder;
use super::hints::keys_of;
use super::jump::{CountScan, JumpScan};
use super::keymap::Context;
use super::lists::{LogView, PlanList};
use super::question::Question;
use super::review::Review;
use super::scroll::Scroll;
use super::search_prompt::SearchPrompt;
use super::structure::RowPrompt;
use super::theme::Theme;
use super::tree::Tree;
use crate::config::Config;
use crate::model::GoalPos;
use crate::model::{CalendarDate, Goal, Initiative, Plan};
use crate::report::summary::Summary;
use crate::store::{ExchangeMeta, Store};
use crate::strings::strings;

use self::prepared::Prepared;

pub use super::command::Command;

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
    /// The `/` line.
    Searching(SearchPrompt),
    /// How a goal is counted, over the card; any key closes it.
    Method(GoalPos),
    /// A question with numbered answers, over the screen.
    Asking(Box<Question>),
    /// The plan switcher (`P`).
    Plans(PlanList),
    /// The change log (`L`).
    Log(LogView),
    /// The finder: the query, its ranked matches and the chosen one.
    Finding(Finder),
    /// The collect's path line (`I`).
    CollectFile(CollectPrompt),
    /// A returned file's collect preview, chosen row by row.
    Collecting(Box<CollectPreview>),
    /// The line for a new goal's title or activity's 実施内容 (`a`).
    NewRow(Box<RowPrompt>),
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
    /// When the data file is an exchange file (a section's handout opened on a laptop): whose
    /// it is, for the tree's title, the filter it opens with and the edits that stay behind.
    pub exchange: Option<ExchangeMeta>,
    pub tree: Tree,
    pub screen: Screen,
    pub focus: Pane,
    /// The selected field of the card, by position in `fields(goal)`.
    pub card_field: usize,
    /// Where the tree, the card and the lists start on screen; the views move it.
    pub scroll: Scroll,
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
    /// Grades and the selected card, computed when they change.
    prepared: Prepared,
}

/// The filter the tree opens with: a section's handout opens on that section's goals (`f`'s
/// 担当 filter), when the plan names the section; any other data file on all of them.
fn opening_filter(exchange: Option<&ExchangeMeta>, plan: &Plan) -> Filter {
    match exchange {
        Some(meta) if super::filter::sections(plan).contains(&meta.section) => {
            Filter::Section(meta.section.clone())
        }
        _ => Filter::All,
    }
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
        // A file whose exchange row cannot be read opens as any data file.
        let exchange = store.exchange_meta().ok().flatten();
        let filter = opening_filter(exchange.as_ref(), &plan);
        let mut app = App {
            store,
            plan,
            today,
            db_label,
            exchange,
            tree: Tree::default(),
            screen: Screen::Main,
            focus: Pane::Tree,
            card_field: 0,
            scroll: Scroll::default(),
            mode: Mode::Normal,
            filter,
            last_search: String::new(),
            message: None,
            summary: Summary::default(),
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
            prepared: Prepared::default(),
        };
        app.with_tree(|tree, plan, visible| *tree = Tree::new(plan, visible));
        app.card_field = app.home_field();
        app.prepared.regrade_all(&app.plan);
        app.read_history();
        app.summary = app.prepared.summary(&app.plan, app.today);
        app.prepare_card();
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
        self.tree.selected_goal()?.find_in(&self.plan)
    }

    /// True when a filter leaves no goal to show: the tree is empty, and `f` is the way out.
    pub fn filter_hides_every_goal(&self) -> bool {
        self.filter != Filter::All && self.tree.rows().is_empty()
    }

    /// Where the card's selection starts on the selected goal ([`home`]).
    pub(super) fn home_field(&self) -> usize {
        self.selected().map_or(0, |(_, goal)| home(goal))
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
            (Mode::Searching(_), _) => Context::Search,
            (Mode::Finding(_), _) => Context::Finder,
            (Mode::Plans(_) | Mode::Log(_), _) => Context::List,
            (Mode::Asking(_), _) => Context::Ask,
            (Mode::CollectFile(_), _) => Context::CollectFile,
            (Mode::Collecting(_), _) => Context::Collect,
            (Mode::NewRow(_), _) => Context::NewRow,
            // A popup that any key closes: the pane's keys under it would not do what they say.
            (Mode::Help(_), _) => Context::Help,
            (Mode::Method(_), _) => Context::Method,
            (_, _) if matches!(self.screen, Screen::Review(_)) => Context::Review,
            (_, _) if matches!(self.screen, Screen::Dashboard) => Context::Dashboard,
            (_, Pane::Tree) => Context::Tree,
            (_, Pane::Card) => Context::Card,
        }
    }

    /// Advances the meeting clocks; the run loop calls it before each frame.
    pub fn advance_clock(&mut self, now: std::time::Instant) {
        if let Screen::Review(review) = &mut self.screen {
            review.tick(now);
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

    fn describe_discard(&self, editor: &Editor) -> String {
        let goal = editor
            .goal
            .goal_ref(&self.plan)
            .map(|r| r.to_string())
            .unwrap_or_default();
        (strings().tui.messages.discarded)(&goal, editor.typed())
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    /// The opening message when the config file had something to say (stderr said it before
    /// the TUI covered it): the first warning, with how many more.
    pub fn warn_of_config(&mut self, warnings: &[String]) {
        if let Some((first, more)) = warnings.split_first() {
            self.say_error((strings().tui.messages.config_warnings)(first, more.len()));
        }
    }

    /// Opens with what opening the data file said (made from the bundled sheet, moved out of
    /// Roaming), ahead of any config warning: a mistyped `--db` must be seen before anything
    /// is typed into a file nobody uses. `others` counts what else stderr holds.
    pub fn note_on_opening(&mut self, notes: &[String], others: usize) {
        if let Some((first, more)) = notes.split_first() {
            self.say_error((strings().tui.messages.opening_notes)(
                first,
                more.len() + others,
            ));
        }
    }

    pub fn say_error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }

    /// Hands the open field the view the last draw fitted its text to (the views write it
    /// into `scroll`), before a key or a paste moves in it.
    fn hand_view_to_field(&mut self) {
        if let Mode::Editing(editor) = &mut self.mode {
            editor.set_view(self.scroll.field);
        }
    }

    /// Runs a tree operation with the filter that decides which goals it shows.
    fn with_tree<R>(
        &mut self,
        f: impl FnOnce(&mut Tree, &Plan, &dyn Fn(GoalPos) -> bool) -> R,
    ) -> R {
        let (plan, filter, today) = (&self.plan, &self.filter, self.today);
        let visible = |at: GoalPos| {
            at.goal_in(plan)
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

    /// Selects a goal, clearing the filter if it hides it.
    fn show_goal(&mut self, position: GoalPos) {
        if !self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible)) {
            self.filter = Filter::All;
            self.refresh_tree();
            self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
        }
        self.card_field = self.home_field();
        self.scroll.card = 0;
    }

    fn focus_card(&mut self) {
        if self.selected().is_some() {
            self.focus = Pane::Card;
        } else {
            // The keys that move in the tree, from the keymap.
            let moves = keys_of(Context::Tree, &[Action::Down, Action::Up]).unwrap_or_default();
            self.say_error((strings().tui.messages.select_to_see_card)(&moves));
        }
    }
}
