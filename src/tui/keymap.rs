//! The key table. It is data: `lookup` dispatches from it, and the help overlay, the footer
//! hints and the README's key table are made from it, so none of them can disagree.

mod key;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use self::key::{Key, LABEL_CELLS, UnknownKey, label};
use super::action::Action;
use crate::model::NoteField;

/// Where a binding applies. Pane contexts are tried before `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere outside a field, search or popup.
    Global,
    /// The plan tree has focus.
    Tree,
    /// The goal card has focus.
    Card,
    /// A field is open for editing. Keys not listed go to the field.
    Editor,
    /// The search line is open. Keys not listed go to the query.
    Search,
    /// The finder is open. Keys not listed go to the query.
    Finder,
    /// The review mode (評価会議) is on screen.
    Review,
    /// The dashboard is on screen.
    Dashboard,
    /// A question with numbered choices (a conflict, an undo over someone's change).
    Ask,
    /// A list over the screen: the plan switcher or the change log.
    List,
    /// The key table (`?`) is open.
    Help,
    /// The 積算方法 lookup (`m`) is open.
    Method,
    /// A field with a choice (an activity's status, a milestone's 達成状況) is open; the field
    /// asks here for keys the `Editor` context left.
    Choice,
}

/// What a key the table does not bind for a context does there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    /// A pane: the `Global` keys work, other keys are refused.
    Global,
    /// A field, a query line, a question or a list: letters are typed (or refused), not
    /// obeyed; of the `Global` keys only Ctrl-C (quit) is.
    QuitOnly,
    /// A popup: any other key closes it (`Action::Cancel`).
    Closes,
}

impl Context {
    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Tree => "Tree",
            Context::Card => "Card",
            Context::Editor => "Editing a field",
            Context::Search => "Search",
            Context::Finder => "Finder",
            Context::Review => "Review meeting (R)",
            Context::Dashboard => "Dashboard (D)",
            Context::Ask => "A question",
            Context::List => "Plans (P) and change log (L)",
            Context::Help => "This help (?)",
            Context::Method => "積算方法 lookup (m)",
            Context::Choice => "Choosing a status",
        }
    }

    /// What keys not in the table do here.
    pub fn unbound(self) -> Unbound {
        match self {
            Context::Tree | Context::Card | Context::Review | Context::Dashboard => Unbound::Global,
            Context::Help | Context::Method => Unbound::Closes,
            Context::Global
            | Context::Editor
            | Context::Search
            | Context::Finder
            | Context::Ask
            | Context::List
            | Context::Choice => Unbound::QuitOnly,
        }
    }

    /// Every context, in the order the README's test and the coverage tests walk them.
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::Tree,
        Context::Card,
        Context::Editor,
        Context::Search,
        Context::Finder,
        Context::Review,
        Context::Dashboard,
        Context::Ask,
        Context::List,
        Context::Help,
        Context::Method,
        Context::Choice,
    ];
}

const fn plain(code: KeyCode) -> Key {
    Key::plain(code)
}

const fn ch(c: char) -> Key {
    Key::char(c)
}

const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

const fn alt(code: KeyCode) -> Key {
    Key::alt(code)
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

impl Binding {
    /// The keys as the help writes them: `j Down`.
    pub fn keys_label(&self) -> String {
        label(self.keys)
    }
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Context::{
    Ask, Card, Choice, Dashboard, Editor, Finder, Global, Help, List, Review, Search, Tree,
};
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Every key tassei answers to. Help, hints and the README's table are made from it.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit"),
    bind(Global, &[ch('?')], Action::Help, "this help"),
    bind(Global, &[ch('j'), plain(Down)], Action::Down, "next row / field"),
    bind(Global, &[ch('k'), plain(Up)], Action::Up, "previous row/field"),
    bind(Global, &[ch('g'), plain(Home)], Action::Top, "first row / field"),
    bind(Global, &[ch('G'), plain(End)], Action::Bottom, "last row / field"),
    bind(Global, &[plain(PageDown), ctrl('d')], Action::PageDown, "page down"),
    bind(Global, &[plain(PageUp), ctrl('u')], Action::PageUp, "page up"),
    bind(Global, &[plain(Tab)], Action::SwitchPane, "tree <-> card"),
    bind(Global, &[plain(Enter)], Action::Edit, "edit (tree: 実績値)"),
    bind(Global, &[ch('u')], Action::Undo, "undo your edit"),
    bind(Global, &[ctrl('r')], Action::Redo, "redo"),
    bind(Global, &[ch('f')], Action::CycleFilter, "filter the goals"),
    bind(Global, &[ch('/')], Action::Search, "search as you type"),
    bind(Global, &[ch('n')], Action::NextMatch, "next match"),
    bind(Global, &[ch('N')], Action::PrevMatch, "previous match"),
    bind(Global, &[ch('m')], Action::Method, "積算方法 lookup"),
    bind(Global, &[ctrl('f'), ch(':')], Action::Find, "find a goal"),
    bind(Global, &[ch('>')], Action::WiderTree, "wider tree"),
    bind(Global, &[ch('<')], Action::NarrowerTree, "narrower tree"),
    bind(Global, &[ch('P')], Action::Plans, "switch plan"),
    bind(Global, &[ch('L')], Action::Log, "change log"),
    bind(Global, &[ch('R')], Action::Review, "review meeting mode"),
    bind(Global, &[ch('T')], Action::ToggleContrast, "high contrast"),
    bind(Global, &[ch('D')], Action::Dashboard, "dashboard"),
    bind(Tree, &[ch('h'), plain(Left)], Action::Left, "collapse / parent"),
    bind(Tree, &[ch('l'), plain(Right)], Action::Right, "expand / open card"),
    bind(Card, &[plain(Esc), ch('h'), plain(Left)], Action::Left, "back to the tree"),
    bind(Card, &[plain(Enter), ch('l'), plain(Right)], Action::Edit, "edit the field"),
    bind(Editor, &[plain(Enter)], Action::Commit, "save"),
    bind(Editor, &[plain(Esc)], Action::Cancel, "cancel"),
    bind(Editor, &[alt(Enter), ctrl('j')], Action::Newline, "new line (評価内容)"),
    bind(Ask, &[ch('1')], Action::Answer(0), "the first choice"),
    bind(Ask, &[ch('2')], Action::Answer(1), "the second choice"),
    bind(Ask, &[ch('3')], Action::Answer(2), "the third choice"),
    bind(Ask, &[ch('4')], Action::Answer(3), "the fourth choice"),
    bind(Ask, &[plain(Esc)], Action::Cancel, "back, no change"),
    bind(Search, &[plain(Enter)], Action::Commit, "keep the match"),
    bind(Search, &[plain(Esc)], Action::Cancel, "back"),
    bind(Finder, &[plain(Enter)], Action::Commit, "go there"),
    bind(Finder, &[plain(Down), ctrl('n')], Action::Down, "next match"),
    bind(Finder, &[plain(Up), ctrl('p')], Action::Up, "previous match"),
    bind(Finder, &[plain(Esc)], Action::Cancel, "close"),
    bind(List, &[ch('j'), plain(Down)], Action::Down, "next"),
    bind(List, &[ch('k'), plain(Up)], Action::Up, "previous"),
    bind(List, &[plain(PageDown), ctrl('d')], Action::PageDown, "page down"),
    bind(List, &[plain(PageUp), ctrl('u')], Action::PageUp, "page up"),
    bind(List, &[plain(Enter)], Action::Commit, "open / go there"),
    bind(List, &[ch('f')], Action::CycleFilter, "this goal / all"),
    bind(List, &[plain(Esc), ch('P'), ch('L')], Action::Cancel, "close"),
    bind(Dashboard, &[plain(Esc), ch('D')], Action::Dashboard, "leave the dashboard"),
    bind(Review, &[ch('n'), ch('j'), plain(Right), ch(' ')], Action::NextItem, "next goal"),
    bind(Review, &[ch('p'), ch('k'), plain(Left)], Action::PrevItem, "previous goal"),
    bind(Review, &[ch('g'), plain(Home)], Action::Top, "first goal"),
    bind(Review, &[ch('G'), plain(End)], Action::Bottom, "last goal"),
    bind(Review, &[ch('o')], Action::CycleAgenda, "agenda order"),
    bind(Review, &[ch('1'), plain(Enter)], Action::Note(NoteField::Decision), "note 決定事項"),
    bind(Review, &[ch('2')], Action::Note(NoteField::FollowUp), "note フォローアップ"),
    bind(Review, &[ch('3')], Action::Note(NoteField::Owner), "note 担当"),
    bind(Review, &[ch('4')], Action::Note(NoteField::Due), "note 期限"),
    bind(Review, &[plain(Esc), ch('R')], Action::Review, "leave the review"),
    bind(Help, &[ch('j'), plain(Down), ch(' '), plain(PageDown)], Action::Down, "scroll down"),
    bind(Help, &[ch('k'), plain(Up), plain(PageUp)], Action::Up, "scroll up"),
    bind(Choice, &[ch('j'), plain(Down), plain(Right), plain(Tab)], Action::Down, "next choice"),
    bind(Choice, &[ch('k'), plain(Up), plain(Left), plain(BackTab)], Action::Up, "previous choice"),
];

/// Keys an open field handles itself, for the help's "In a field". A text field's keys are
/// handled in `tui::textedit` (its tests press every one listed here); a choice's keys are the
/// `Choice` bindings.
#[derive(Debug, Clone, Copy)]
pub struct FieldKeys {
    /// `Editor` for a text field's own keys, `Choice` for a choice's.
    pub context: Context,
    pub keys: &'static [Key],
    pub help: &'static str,
}

impl FieldKeys {
    /// The keys as the help writes them: `Left Right`, `Ctrl-Home/End`.
    pub fn keys_label(&self) -> String {
        label(self.keys)
    }
}

const fn field(context: Context, keys: &'static [Key], help: &'static str) -> FieldKeys {
    FieldKeys {
        context,
        keys,
        help,
    }
}

/// A text field's keys that move a character (and start editing a value typing would replace).
pub const MOVE_IN_TEXT: FieldKeys = field(Editor, &[plain(Left), plain(Right)], "move in the text");

/// A text field's keys that delete a character.
pub const DELETE: FieldKeys = field(Editor, &[plain(Backspace), plain(Delete)], "delete");

/// What the help lists under "In a field", in its order.
#[rustfmt::skip]
pub const FIELD_KEYS: &[FieldKeys] = &[
    MOVE_IN_TEXT,
    field(Editor, &[plain(Up), plain(Down)], "row up / down"),
    field(Editor, &[plain(Home), plain(End)], "line start / end"),
    field(Editor, &[Key::ctrl_code(Home), Key::ctrl_code(End)], "text start / end"),
    DELETE,
    field(Editor, &[ctrl('u'), ctrl('k')], "delete to start/end"),
    field(Choice, &[ch('j'), ch('k'), plain(Up), plain(Down)], "choose a status"),
];

/// The action bound to a key in `context`, then what an unbound key does there
/// ([`Context::unbound`]): a pane tries `Global`, a popup closes.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    let matches = |b: &&Binding| b.keys.iter().any(|k| key_matches(k, event));
    let own = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(matches);
    let global = BINDINGS
        .iter()
        .filter(|b| b.context == Global)
        .find(matches);
    // Panes see every global key; fields and query lines see only Ctrl-C, so that letters are
    // typed, not obeyed.
    let fallback = match context.unbound() {
        Unbound::Global => global.map(|b| b.action),
        Unbound::QuitOnly => global
            .filter(|b| b.action == Action::Quit && event.modifiers.contains(KeyModifiers::CONTROL))
            .map(|b| b.action),
        Unbound::Closes => Some(Action::Cancel),
    };
    own.map(|b| b.action).or(fallback)
}

/// The keys that do `action` in `context` (its own bindings first, then the global ones a pane
/// sees), for hints: the first key of the first binding is the one shown.
pub fn keys_for(context: Context, action: Action) -> Option<&'static [Key]> {
    let own = BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == action);
    let global = || {
        BINDINGS
            .iter()
            .find(|b| b.context == Global && b.action == action)
            .filter(|_| context.unbound() == Unbound::Global)
    };
    own.or_else(global).map(|b| b.keys)
}

/// Shift is part of an upper-case letter or of Shift-Tab, not a modifier to match: `G` arrives
/// as Shift+G, Shift-Tab as Shift+BackTab.
fn key_matches(key: &Key, event: &KeyEvent) -> bool {
    let mut modifiers = event.modifiers;
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    key.code == event.code && key.modifiers == modifiers
}

#[cfg(test)]
mod tests;
