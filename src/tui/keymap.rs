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
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
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
    /// How the keys are written in the help overlay.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        action,
        help,
    }
}

use Context::{Card, Dashboard, Editor, Finder, Global, Review, Search, Tree};
use KeyCode::{Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// Every key tassei answers to.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
        bind(Global, &[ch('q'), ctrl('c')], "q  Ctrl-C", Action::Quit, "quit; Ctrl-C in fields too"),
    bind(Global, &[ch('?')], "?", Action::Help, "this help"),
    bind(Global, &[ch('j'), plain(Down)], "j  Down", Action::Down, "next row / field"),
    bind(Global, &[ch('k'), plain(Up)], "k  Up", Action::Up, "previous row / field"),
    bind(Global, &[ch('g'), plain(Home)], "g  Home", Action::Top, "first row / field"),
    bind(Global, &[ch('G'), plain(End)], "G  End", Action::Bottom, "last row / field"),
    bind(Global, &[plain(PageDown), ctrl('d')], "PgDn", Action::PageDown, "page down"),
    bind(Global, &[plain(PageUp), ctrl('u')], "PgUp", Action::PageUp, "page up"),
    bind(Global, &[plain(Tab)], "Tab", Action::SwitchPane, "tree <-> card"),
    bind(Global, &[plain(Enter)], "Enter", Action::Edit, "edit (tree: 実績値)"),
    bind(Global, &[ch('u')], "u", Action::Undo, "undo"),
    bind(Global, &[ctrl('r')], "Ctrl-R", Action::Redo, "redo"),
    bind(Global, &[ch('f')], "f", Action::CycleFilter, "filter 未達成/期限超過/担当係"),
    bind(Global, &[ch('/')], "/", Action::Search, "search code, title, 積算方法"),
    bind(Global, &[ch('n')], "n", Action::NextMatch, "next match"),
        bind(Global, &[ch('N')], "N", Action::PrevMatch, "previous match"),
    bind(Global, &[ch('m')], "m", Action::Method, "積算方法 lookup"),
    bind(Global, &[ctrl('f'), ch(':')], "Ctrl-F  :", Action::Find, "find code, number, words"),
    bind(Tree, &[ch('h'), plain(Left)], "h  Left", Action::Left, "collapse / parent"),
    bind(Tree, &[ch('l'), plain(Right)], "l  Right", Action::Right, "expand / open card"),
    bind(Card, &[ch('h'), plain(Left), plain(Esc)], "h  Left  Esc", Action::Left, "back to the tree"),
    bind(Card, &[ch('l'), plain(Right)], "l  Right", Action::Edit, "edit the field"),
    bind(Editor, &[plain(Enter)], "Enter", Action::Commit, "save"),
    bind(Editor, &[plain(Esc)], "Esc", Action::Cancel, "cancel, save nothing"),
    bind(Editor, &[alt(Enter), ctrl('j')], "Alt-Enter", Action::Newline, "new line (評価内容)"),
    
    bind(Search, &[plain(Enter)], "Enter", Action::Commit, "keep the match"),
    bind(Search, &[plain(Esc)], "Esc", Action::Cancel, "back to where you were"),
        
    bind(Finder, &[plain(Enter)], "Enter", Action::Commit, "go there, show 積算方法"),
    bind(Finder, &[plain(Down), ctrl('n')], "Down  Ctrl-N", Action::Down, "next match"),
    bind(Finder, &[plain(Up), ctrl('p')], "Up  Ctrl-P", Action::Up, "previous match"),
    bind(Finder, &[plain(Esc)], "Esc", Action::Cancel, "close"),
    bind(Global, &[ch('R')], "R", Action::Review, "review meeting mode"),
        bind(Global, &[ch('T')], "T", Action::ToggleContrast, "high contrast on/off"),
    bind(Global, &[ch('D')], "D", Action::Dashboard, "dashboard"),
    bind(Dashboard, &[plain(Esc), ch('D')], "Esc  D", Action::Dashboard, "leave the dashboard"),
    bind(Review, &[ch('n'), ch('j'), plain(Right), ch(' ')], "n  Right  Space", Action::NextItem, "next goal"),
    bind(Review, &[ch('p'), ch('k'), plain(Left)], "p  Left", Action::PrevItem, "previous goal"),
    bind(Review, &[ch('o')], "o", Action::CycleAgenda, "agenda: sheet, 未達成 first, area"),
    bind(Review, &[ch('1'), plain(Enter)], "1  Enter", Action::Note(NoteField::Decision), "note 決定事項"),
    bind(Review, &[ch('2')], "2", Action::Note(NoteField::FollowUp), "note フォローアップ"),
    bind(Review, &[ch('3')], "3", Action::Note(NoteField::Owner), "note 担当"),
    bind(Review, &[ch('4')], "4", Action::Note(NoteField::Due), "note 期限 (YYYY-MM-DD)"),
    bind(Review, &[plain(Esc), ch('R')], "Esc  R", Action::Review, "leave the review"),
    
];

/// Keys a field or the search line handles itself, listed in the help but not dispatched here.
pub const FIELD_KEYS: &[(&str, &str)] = &[
    ("Left Right", "move in the text"),
    ("Up Down", "a row up / down (評価内容)"),
    ("Home End", "start / end of the line"),
    ("Ctrl-Home/End", "start / end of the text"),
    ("BkSp Del", "delete"),
    ("Ctrl-U Ctrl-K", "delete to the line's start / end"),
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
