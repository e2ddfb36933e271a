//! The key table. It is data: `lookup` dispatches from it, and the help overlay, the footer
//! hints and the README's key table are made from it, so none of them can disagree.

mod key;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use self::key::{Key, LABEL_CELLS, UnknownKey, label};
use super::action::Action;
use crate::model::NoteField;
use crate::strings::strings;
use crate::strings::tui::Tui;

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
    /// The collect's path prompt (`I`) is open. Keys not listed go to the path.
    CollectFile,
    /// The collect preview is open: a returned file's rows, chosen one by one.
    Collect,
    /// The line for a new goal's title or activity's 実施内容 (`a`) is open. Keys not listed go
    /// to the line.
    NewRow,
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
    /// Heading in the help overlay. A place opened by a key names it, taken from the table.
    pub fn title(self) -> String {
        let h = &strings().tui.help;
        match self {
            Context::Global => h.everywhere.to_string(),
            Context::Tree => h.tree.to_string(),
            Context::Card => h.card.to_string(),
            Context::Editor => h.editing.to_string(),
            Context::Search => h.search.to_string(),
            Context::Finder => h.finder.to_string(),
            Context::Review => (h.review)(&opening_key(Action::Review)),
            Context::Dashboard => (h.dashboard)(&opening_key(Action::Dashboard)),
            Context::Ask => h.question.to_string(),
            Context::List => (h.lists)(&opening_key(Action::Plans), &opening_key(Action::Log)),
            Context::Help => (h.help)(&opening_key(Action::Help)),
            Context::Method => (h.method)(&opening_key(Action::Method)),
            Context::Choice => h.choice.to_string(),
            Context::CollectFile => (h.collect_file)(&opening_key(Action::Collect)),
            Context::Collect => h.collect.to_string(),
            Context::NewRow => strings().structure.tui.prompt_heading.to_string(),
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
            | Context::Choice
            | Context::CollectFile
            | Context::Collect
            | Context::NewRow => Unbound::QuitOnly,
        }
    }

    /// Every context, in the order the README's test and the coverage tests walk them.
    pub const ALL: [Context; 16] = [
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
        Context::CollectFile,
        Context::Collect,
        Context::NewRow,
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

/// The first key that does `action` everywhere: the key that opens a place, for its heading.
fn opening_key(action: Action) -> String {
    keys_for(Context::Global, action)
        .and_then(|keys| keys.first())
        .map(Key::to_string)
        .unwrap_or_default()
}

/// What a key does, as the help writes it: picks the text from the language in use, so the
/// table stays a constant.
pub type HelpText = fn(&Tui) -> &'static str;

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: HelpText,
}

impl Binding {
    /// What the binding does, in the language in use.
    pub fn help_text(&self) -> &'static str {
        (self.help)(&strings().tui)
    }

    /// The keys as the help writes them: `j Down`.
    pub fn keys_label(&self) -> String {
        label(self.keys)
    }
}

const fn bind(context: Context, keys: &'static [Key], action: Action, help: HelpText) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Context::{
    Ask, Card, Choice, Collect, CollectFile, Dashboard, Editor, Finder, Global, Help, List, NewRow,
    Review, Search, Tree,
};
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Every key tassei answers to. Help, hints and the README's table are made from it.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, |t| t.keys.global.quit),
    bind(Global, &[ch('?')], Action::Help, |t| t.keys.global.help),
    bind(Global, &[ch('j'), plain(Down)], Action::Down, |t| t.keys.global.next_row),
    bind(Global, &[ch('k'), plain(Up)], Action::Up, |t| t.keys.global.previous_row),
    bind(Global, &[ch('g'), plain(Home)], Action::Top, |t| t.keys.global.first_row),
    bind(Global, &[ch('G'), plain(End)], Action::Bottom, |t| t.keys.global.last_row),
    bind(Global, &[plain(PageDown), ctrl('d')], Action::PageDown, |t| t.keys.global.page_down),
    bind(Global, &[plain(PageUp), ctrl('u')], Action::PageUp, |t| t.keys.global.page_up),
    bind(Global, &[plain(Tab)], Action::SwitchPane, |t| t.keys.global.switch_pane),
    bind(Global, &[plain(Enter)], Action::Edit, |t| t.keys.global.edit),
    bind(Global, &[ch('u')], Action::Undo, |t| t.keys.global.undo),
    bind(Global, &[ctrl('r')], Action::Redo, |t| t.keys.global.redo),
    bind(Global, &[ch('f')], Action::CycleFilter, |t| t.keys.global.filter),
    bind(Global, &[ch('/')], Action::Search, |t| t.keys.global.search),
    bind(Global, &[ch('n')], Action::NextMatch, |t| t.keys.global.next_match),
    bind(Global, &[ch('N')], Action::PrevMatch, |t| t.keys.global.previous_match),
    bind(Global, &[ch('m')], Action::Method, |t| t.keys.global.method),
    bind(Global, &[ctrl('f'), ch(':')], Action::Find, |t| t.keys.global.find),
    bind(Global, &[ch('>')], Action::WiderTree, |t| t.keys.global.wider_tree),
    bind(Global, &[ch('<')], Action::NarrowerTree, |t| t.keys.global.narrower_tree),
    bind(Global, &[ch('P')], Action::Plans, |t| t.keys.global.plans),
    bind(Global, &[ch('L')], Action::Log, |t| t.keys.global.log),
    bind(Global, &[ch('R')], Action::Review, |t| t.keys.global.review),
    bind(Global, &[ch('T')], Action::ToggleContrast, |t| t.keys.global.contrast),
    bind(Global, &[ch('D')], Action::Dashboard, |t| t.keys.global.dashboard),
    bind(Global, &[ch('I')], Action::Collect, |t| t.keys.global.collect),
    bind(Tree, &[ch('h'), plain(Left)], Action::Left, |t| t.keys.tree.collapse),
    bind(Tree, &[ch('l'), plain(Right)], Action::Right, |t| t.keys.tree.expand),
    bind(Tree, &[ch('a')], Action::AddRow, |_| strings().structure.tui.key_add_goal),
    bind(Tree, &[ch('d')], Action::RemoveRow, |_| strings().structure.tui.key_remove_goal),
    bind(Tree, &[ch('J')], Action::MoveRowDown, |_| strings().structure.tui.key_goal_down),
    bind(Tree, &[ch('K')], Action::MoveRowUp, |_| strings().structure.tui.key_goal_up),
    bind(Tree, &[ch('e')], Action::EditInitiativeTitle, |_| strings().outline.tui.key_initiative_title),
    bind(Card, &[plain(Esc), ch('h'), plain(Left)], Action::Left, |t| t.keys.card.back_to_tree),
    bind(Card, &[plain(Enter), ch('l'), plain(Right)], Action::Edit, |t| t.keys.card.edit_field),
    bind(Card, &[ch('a')], Action::AddRow, |_| strings().structure.tui.key_add_activity),
    bind(Card, &[ch('d')], Action::RemoveRow, |_| strings().structure.tui.key_remove_activity),
    bind(Card, &[ch('J')], Action::MoveRowDown, |_| strings().structure.tui.key_activity_down),
    bind(Card, &[ch('K')], Action::MoveRowUp, |_| strings().structure.tui.key_activity_up),
    bind(NewRow, &[plain(Enter)], Action::Commit, |_| strings().structure.tui.key_add),
    bind(NewRow, &[plain(Esc)], Action::Cancel, |_| strings().structure.tui.key_close),
    bind(Editor, &[plain(Enter)], Action::Commit, |t| t.keys.editor.save),
    bind(Editor, &[plain(Esc)], Action::Cancel, |t| t.keys.editor.cancel),
    bind(Editor, &[alt(Enter), ctrl('j')], Action::Newline, |t| t.keys.editor.new_line),
    bind(Ask, &[ch('1')], Action::Answer(0), |t| t.keys.ask.first),
    bind(Ask, &[ch('2')], Action::Answer(1), |t| t.keys.ask.second),
    bind(Ask, &[ch('3')], Action::Answer(2), |t| t.keys.ask.third),
    bind(Ask, &[ch('4')], Action::Answer(3), |t| t.keys.ask.fourth),
    bind(Ask, &[plain(Esc)], Action::Cancel, |t| t.keys.ask.back),
    bind(Search, &[plain(Enter)], Action::Commit, |t| t.keys.search.keep),
    bind(Search, &[plain(Esc)], Action::Cancel, |t| t.keys.search.back),
    bind(Finder, &[plain(Enter)], Action::Commit, |t| t.keys.finder.go_there),
    bind(Finder, &[plain(Down), ctrl('n')], Action::Down, |t| t.keys.finder.next_match),
    bind(Finder, &[plain(Up), ctrl('p')], Action::Up, |t| t.keys.finder.previous_match),
    bind(Finder, &[plain(Esc)], Action::Cancel, |t| t.keys.finder.close),
    bind(List, &[ch('j'), plain(Down)], Action::Down, |t| t.keys.list.next),
    bind(List, &[ch('k'), plain(Up)], Action::Up, |t| t.keys.list.previous),
    bind(List, &[plain(PageDown), ctrl('d')], Action::PageDown, |t| t.keys.list.page_down),
    bind(List, &[plain(PageUp), ctrl('u')], Action::PageUp, |t| t.keys.list.page_up),
    bind(List, &[plain(Enter)], Action::Commit, |t| t.keys.list.open),
    bind(List, &[ch('f')], Action::CycleFilter, |t| t.keys.list.this_goal_or_all),
    bind(List, &[plain(Esc), ch('P'), ch('L')], Action::Cancel, |t| t.keys.list.close),
    bind(Dashboard, &[plain(Esc), ch('D')], Action::Dashboard, |t| t.keys.dashboard.leave),
    bind(Dashboard, &[ch('t')], Action::EditPlanTitle, |_| strings().outline.tui.key_plan_title),
    bind(Dashboard, &[ch('b')], Action::EditThresholds, |_| strings().outline.tui.key_thresholds),
    bind(Review, &[ch('n'), ch('j'), plain(Right), ch(' ')], Action::NextItem, |t| t.keys.review.next_goal),
    bind(Review, &[ch('p'), ch('k'), plain(Left)], Action::PrevItem, |t| t.keys.review.previous_goal),
    bind(Review, &[ch('g'), plain(Home)], Action::Top, |t| t.keys.review.first_goal),
    bind(Review, &[ch('G'), plain(End)], Action::Bottom, |t| t.keys.review.last_goal),
    bind(Review, &[ch('o')], Action::CycleAgenda, |t| t.keys.review.agenda_order),
    bind(Review, &[ch('1'), plain(Enter)], Action::Note(NoteField::Decision), |t| t.keys.review.note_decision),
    bind(Review, &[ch('2')], Action::Note(NoteField::FollowUp), |t| t.keys.review.note_follow_up),
    bind(Review, &[ch('3')], Action::Note(NoteField::Owner), |t| t.keys.review.note_owner),
    bind(Review, &[ch('4')], Action::Note(NoteField::Due), |t| t.keys.review.note_due),
    bind(Review, &[plain(Esc), ch('R')], Action::Review, |t| t.keys.review.leave),
    bind(Help, &[ch('j'), plain(Down), ch(' '), plain(PageDown)], Action::Down, |t| t.keys.help.scroll_down),
    bind(Help, &[ch('k'), plain(Up), plain(PageUp)], Action::Up, |t| t.keys.help.scroll_up),
    bind(Choice, &[ch('j'), plain(Down), plain(Right), plain(Tab)], Action::Down, |t| t.keys.choice.next),
    bind(Choice, &[ch('k'), plain(Up), plain(Left), plain(BackTab)], Action::Up, |t| t.keys.choice.previous),
    bind(CollectFile, &[plain(Enter)], Action::Commit, |t| t.keys.collect_file.read),
    bind(CollectFile, &[plain(Esc)], Action::Cancel, |t| t.keys.collect_file.close),
    bind(Collect, &[ch('j'), plain(Down)], Action::Down, |t| t.keys.collect.next),
    bind(Collect, &[ch('k'), plain(Up)], Action::Up, |t| t.keys.collect.previous),
    bind(Collect, &[plain(PageDown), ctrl('d')], Action::PageDown, |t| t.keys.collect.page_down),
    bind(Collect, &[plain(PageUp), ctrl('u')], Action::PageUp, |t| t.keys.collect.page_up),
    bind(Collect, &[ch('a')], Action::TakeReturned, |t| t.keys.collect.take),
    bind(Collect, &[ch('s')], Action::SkipRow, |t| t.keys.collect.skip),
    bind(Collect, &[ch('c')], Action::KeepCurrent, |t| t.keys.collect.keep),
    bind(Collect, &[plain(Enter), ch('A')], Action::Commit, |t| t.keys.collect.apply),
    bind(Collect, &[plain(Esc)], Action::Cancel, |t| t.keys.collect.close),
];

/// Keys an open field handles itself, for the help's last two sections: a text field's under
/// "In a field", a choice's under the `Choice` context's heading. A text field's keys are
/// handled in `tui::textedit` (its tests press every one listed here); a choice's keys are the
/// `Choice` bindings.
#[derive(Debug, Clone, Copy)]
pub struct FieldKeys {
    /// `Editor` for a text field's own keys, `Choice` for a choice's.
    pub context: Context,
    pub keys: &'static [Key],
    pub help: HelpText,
}

impl FieldKeys {
    /// What the keys do, in the language in use.
    pub fn help_text(&self) -> &'static str {
        (self.help)(&strings().tui)
    }

    /// The keys as the help writes them: `Left Right`, `Ctrl-Home/End`.
    pub fn keys_label(&self) -> String {
        label(self.keys)
    }
}

const fn field(context: Context, keys: &'static [Key], help: HelpText) -> FieldKeys {
    FieldKeys {
        context,
        keys,
        help,
    }
}

/// A text field's keys that move a character (and start editing a value typing would replace).
pub const MOVE_IN_TEXT: FieldKeys = field(Editor, &[plain(Left), plain(Right)], |t| {
    t.keys.field.move_in_text
});

/// A text field's keys that delete a character.
pub const DELETE: FieldKeys = field(Editor, &[plain(Backspace), plain(Delete)], |t| {
    t.keys.field.delete
});

/// What the help lists under "In a field" (the `Editor` rows) and under the choice's heading
/// (the `Choice` rows), in its order. Every key of [`TEXT_KEYS`] is in a row here (a test holds the two together), so the help names every key a field obeys.
#[rustfmt::skip]
pub const FIELD_KEYS: &[FieldKeys] = &[
    MOVE_IN_TEXT,
    field(Editor, &[ctrl('b'), ctrl('f')], |t| t.keys.field.move_in_text),
    field(Editor, &[plain(Up), plain(Down)], |t| t.keys.field.row_up_down),
    field(Editor, &[plain(PageUp), plain(PageDown)], |t| t.keys.field.page_up_down),
    field(Editor, &[plain(Home), plain(End)], |t| t.keys.field.line_start_end),
    field(Editor, &[ctrl('a'), ctrl('e')], |t| t.keys.field.line_start_end),
    field(Editor, &[Key::ctrl_code(Home), Key::ctrl_code(End)], |t| t.keys.field.text_start_end),
    DELETE,
    field(Editor, &[ctrl('h'), ctrl('d')], |t| t.keys.field.delete),
    field(Editor, &[ctrl('u'), ctrl('k')], |t| t.keys.field.delete_to_start_end),
    field(Choice, &[ch('j'), ch('k'), plain(Up), plain(Down)], |t| t.keys.field.choose_status),
];

/// What a key does to the text of an open field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOp {
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    LineStart,
    LineEnd,
    TextStart,
    TextEnd,
    Backspace,
    Delete,
    DeleteToLineStart,
    DeleteToLineEnd,
}

/// The keys a text field obeys beyond typing, and what each does: the one table the field
/// editor dispatches from.
#[rustfmt::skip]
pub const TEXT_KEYS: &[(Key, TextOp)] = &[
    (plain(Left), TextOp::Left), (plain(Right), TextOp::Right),
    (ctrl('b'), TextOp::Left), (ctrl('f'), TextOp::Right),
    (plain(Up), TextOp::Up), (plain(Down), TextOp::Down),
    (plain(PageUp), TextOp::PageUp), (plain(PageDown), TextOp::PageDown),
    (plain(Home), TextOp::LineStart), (plain(End), TextOp::LineEnd),
    (ctrl('a'), TextOp::LineStart), (ctrl('e'), TextOp::LineEnd),
    (Key::ctrl_code(Home), TextOp::TextStart), (Key::ctrl_code(End), TextOp::TextEnd),
    (plain(Backspace), TextOp::Backspace), (plain(Delete), TextOp::Delete),
    (ctrl('h'), TextOp::Backspace), (ctrl('d'), TextOp::Delete),
    (ctrl('u'), TextOp::DeleteToLineStart), (ctrl('k'), TextOp::DeleteToLineEnd),
];

/// The text operation a key asks of a field: its own entry in [`TEXT_KEYS`], else the same
/// key without modifiers (Shift-Left and Ctrl-Left move as Left does; a Ctrl-letter not in the
/// table does nothing).
pub fn text_op(event: &KeyEvent) -> Option<TextOp> {
    let exact = TEXT_KEYS.iter().find(|(k, _)| key_matches(k, event));
    let loose = || {
        if matches!(event.code, KeyCode::Char(_)) {
            return None;
        }
        TEXT_KEYS
            .iter()
            .find(|(k, _)| k.code == event.code && k.modifiers == KeyModifiers::NONE)
    };
    exact.or_else(loose).map(|(_, op)| *op)
}

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
