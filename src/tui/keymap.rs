//! The key table. It is data: `lookup` dispatches from it and the help overlay is drawn from it,
//! so the two cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// How the key is written in the help, the hints and the README: `j`, `Down`, `Ctrl-D`,
    /// `Alt-Enter`, `Space`. Labels are made from the bound keys, so they cannot drift from them.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "BkSp".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Up => "Up".to_string(),
            KeyCode::Down => "Down".to_string(),
            KeyCode::Left => "Left".to_string(),
            KeyCode::Right => "Right".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        name.push_str(&base);
        name
    }
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::ALT,
    }
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
    /// The keys as the help writes them: `j  Down`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::name)
            .collect::<Vec<_>>()
            .join("  ")
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

use Context::{Ask, Card, Dashboard, Editor, Finder, Global, List, Review, Search, Tree};
use KeyCode::{Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

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
];

/// Keys a field or the search line handles itself, listed in the help but not dispatched here.
pub const FIELD_KEYS: &[(&str, &str)] = &[
    ("Left Right", "move in the text"),
    ("Up Down", "row up / down"),
    ("Home End", "line start / end"),
    ("Ctrl-Home/End", "text start / end"),
    ("BkSp Del", "delete"),
    ("Ctrl-U Ctrl-K", "delete to start/end"),
    ("j k Up Down", "choose a status"),
];

/// The action bound to a key in `context`, trying `Global` after a pane context.
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
    let fallback = match context {
        Tree | Card | Review | Dashboard => global,
        _ => global.filter(|b| {
            b.action == Action::Quit && event.modifiers.contains(KeyModifiers::CONTROL)
        }),
    };
    own.or(fallback).map(|b| b.action)
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
            .filter(|_| matches!(context, Tree | Card | Review | Dashboard))
    };
    own.or_else(global).map(|b| b.keys)
}

/// Shift is part of an upper-case letter, not a modifier to match: `G` arrives as Shift+G.
fn key_matches(key: &Key, event: &KeyEvent) -> bool {
    let mut modifiers = event.modifiers;
    if matches!(event.code, KeyCode::Char(_)) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    key.code == event.code && key.modifiers == modifiers
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEventKind;

    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn panes_fall_back_to_global_keys() {
        assert_eq!(
            lookup(Tree, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(Card, &key(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(Tree, &key(KeyCode::Char('l'), KeyModifiers::NONE)),
            Some(Action::Right)
        );
        assert_eq!(
            lookup(Card, &key(KeyCode::Char('l'), KeyModifiers::NONE)),
            Some(Action::Edit)
        );
        assert_eq!(
            lookup(Card, &key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Left)
        );
    }

    #[test]
    fn fields_and_search_do_not_see_global_letters() {
        assert_eq!(
            lookup(Editor, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            None,
            "q is typed, not quit"
        );
        assert_eq!(
            lookup(Search, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            lookup(Editor, &key(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::Commit)
        );
        assert_eq!(
            lookup(Editor, &key(KeyCode::Enter, KeyModifiers::ALT)),
            Some(Action::Newline)
        );
        assert_eq!(
            lookup(Editor, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shifted_letters_match_their_upper_case() {
        assert_eq!(
            lookup(Tree, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(Tree, &key(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Some(Action::PrevMatch)
        );
        assert_eq!(
            lookup(Tree, &key(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::Redo)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let overlapping =
                    a.context == b.context && a.keys.iter().any(|k| b.keys.contains(k));
                assert!(
                    !overlapping,
                    "{:?} and {:?} share a key in {:?}",
                    a.action, b.action, a.context
                );
            }
        }
    }
}
