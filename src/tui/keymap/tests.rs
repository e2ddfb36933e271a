//! The key table's dispatch, its key labels and its coverage of every context.

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
            let overlapping = a.context == b.context && a.keys.iter().any(|k| b.keys.contains(k));
            assert!(
                !overlapping,
                "{:?} and {:?} share a key in {:?}",
                a.action, b.action, a.context
            );
        }
    }
}

#[test]
fn key_labels_read_back_as_the_same_key() {
    for key in BINDINGS
        .iter()
        .flat_map(|b| b.keys)
        .chain(FIELD_KEYS.iter().flat_map(|f| f.keys))
    {
        let label = key.to_string();
        assert_eq!(Key::parse(&label), Ok(*key), "{label}");
    }
    for label in [
        "Ctrl-D",
        "Enter",
        "?",
        "Shift-Tab",
        "Space",
        "Alt-Enter",
        "G",
        "-",
        "Ctrl-Home",
    ] {
        let key = Key::parse(label).expect("a key name");
        assert_eq!(key.to_string(), label);
    }
    assert_eq!(Key::parse("Ctrl-D"), Ok(Key::ctrl('d')), "arrives as d");
    assert_eq!(Key::parse("Shift-Tab"), Ok(Key::plain(KeyCode::BackTab)));
    assert!(Key::parse("Ctrl-").is_err());
    assert!(Key::parse("Enterr").is_err());
    assert!(Key::parse("").is_err());
}

#[test]
fn labels_that_would_not_fit_write_a_shared_modifier_once() {
    let text_ends = [Key::ctrl_code(KeyCode::Home), Key::ctrl_code(KeyCode::End)];
    assert_eq!(label(&text_ends), "Ctrl-Home/End");
    assert_eq!(label(&[Key::ctrl('u'), Key::ctrl('k')]), "Ctrl-U Ctrl-K");
    assert_eq!(
        label(&[Key::alt(KeyCode::Enter), Key::ctrl('j')]),
        "Alt-Enter Ctrl-J"
    );
}

/// The help lists these exactly so; a change here is a change to what the clerk reads.
#[test]
fn the_help_reads_the_field_keys_as_before() {
    let labels: Vec<String> = FIELD_KEYS.iter().map(FieldKeys::keys_label).collect();
    assert_eq!(
        labels,
        [
            "Left Right",
            "Ctrl-B Ctrl-F",
            "Up Down",
            "PgUp PgDn",
            "Home End",
            "Ctrl-A Ctrl-E",
            "Ctrl-Home/End",
            "BkSp Del",
            "Ctrl-H Ctrl-D",
            "Ctrl-U Ctrl-K",
            "j k Up Down"
        ]
    );
}

#[test]
fn every_context_has_its_keys_in_the_table() {
    for context in Context::ALL {
        let bound = BINDINGS.iter().any(|b| b.context == context);
        // The method lookup binds nothing: any key closes it.
        let closes = context.unbound() == Unbound::Closes;
        assert!(bound || closes, "{context:?} has no binding");
    }
    // A choice's keys in the help are keys the Choice context binds.
    for f in FIELD_KEYS.iter().filter(|f| f.context == Choice) {
        for k in f.keys {
            let event = key(k.code, k.modifiers);
            assert!(lookup(Choice, &event).is_some(), "{k} chooses nothing");
        }
    }
}

#[test]
fn popups_scroll_with_their_keys_and_close_on_any_other() {
    assert_eq!(
        lookup(Help, &key(KeyCode::Char(' '), KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(
        lookup(Help, &key(KeyCode::PageUp, KeyModifiers::NONE)),
        Some(Action::Up)
    );
    assert_eq!(
        lookup(Help, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some(Action::Cancel),
        "q closes the help, it does not quit"
    );
    assert_eq!(
        lookup(Help, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Cancel)
    );
    assert_eq!(
        lookup(Context::Method, &key(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::Cancel)
    );
    assert_eq!(
        lookup(Choice, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::Up),
        "Shift-Tab arrives with Shift"
    );
}

/// The help's "In a field" rows and the field editor's table name the same keys: a key a field
/// obeys is never missing from the help and the README, and the help names no key it ignores.
#[test]
fn the_help_lists_every_key_a_field_obeys() {
    use std::collections::HashSet;
    let obeyed: HashSet<String> = TEXT_KEYS.iter().map(|(k, _)| k.to_string()).collect();
    let listed: HashSet<String> = FIELD_KEYS
        .iter()
        .filter(|f| f.context == Context::Editor)
        .flat_map(|f| f.keys.iter().map(|k| k.to_string()))
        .collect();
    assert_eq!(obeyed, listed);
}

#[test]
fn a_field_moves_with_shift_or_ctrl_held_as_without() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let with = |code, modifiers| text_op(&KeyEvent::new(code, modifiers));
    assert_eq!(with(KeyCode::Left, KeyModifiers::SHIFT), Some(TextOp::Left));
    assert_eq!(
        with(KeyCode::Home, KeyModifiers::CONTROL),
        Some(TextOp::TextStart)
    );
    assert_eq!(
        with(KeyCode::Char('a'), KeyModifiers::CONTROL),
        Some(TextOp::LineStart)
    );
    assert_eq!(with(KeyCode::Char('z'), KeyModifiers::CONTROL), None);
}
