//! Hints take their keys from the keymap: for one action, for several, and in every context
//! the keyboard can be in.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::*;
use crate::model::CalendarDate;
use crate::store::Store;
use crate::tui::fields::Field;
use crate::tui::keymap::{BINDINGS, lookup};
use crate::tui::theme::Theme;

#[test]
fn hint_keys_come_from_the_keymap() {
    assert_eq!(
        keys_of(Context::Tree, &[Action::Edit]).as_deref(),
        Some("Enter")
    );
    assert_eq!(
        keys_of(Context::Card, &[Action::Down, Action::Up]).as_deref(),
        Some("j/k")
    );
    assert_eq!(
        keys_of(
            Context::Review,
            &[
                Action::Note(NoteField::Decision),
                Action::Note(NoteField::FollowUp),
                Action::Note(NoteField::Owner),
                Action::Note(NoteField::Due)
            ]
        )
        .as_deref(),
        Some("1-4")
    );
    assert_eq!(
        keys_of(Context::Editor, &[Action::Newline]).as_deref(),
        Some("Alt-Enter")
    );
    assert_eq!(
        keys_of(Context::Editor, &[Action::Help]),
        None,
        "a field does not see ?"
    );
    // Every binding's keys have a name a clerk can read.
    for b in BINDINGS {
        assert!(!b.keys_label().contains("Char"), "{:?}", b.action);
    }
}

#[test]
fn the_popups_lines_name_their_keys_from_the_keymap() {
    assert_eq!(help_popup(true), "j/k scroll, any other key closes");
    assert_eq!(help_popup(false), "any key closes");
    assert_eq!(method_popup(), "any key closes");
    assert_eq!(
        replaced_value(),
        "typing replaces it; Left, Right or BkSp edit it"
    );
    // Esc at a question says which answer it is the same as, if one is; else where it goes.
    assert_eq!(question_back(Some(2)), "Esc  same as 3");
    assert_eq!(question_back(None), "Esc  back to the field, nothing saved");
    assert!(
        !BINDINGS.iter().any(|b| b.context == Context::Method),
        "the method lookup binds no key: any key closes it, as its line says"
    );
}

/// The app on the bundled sheet in a fresh data file.
fn app(dir: &tempfile::TempDir) -> App {
    let store = Store::open(&dir.path().join("tassei.db"), "clerk").expect("opens");
    let plan = store
        .load_plan(store.plan_id(None).expect("plan"))
        .expect("loads");
    let today = CalendarDate::new(2024, 4, 1).expect("date");
    App::new(store, plan, today, Theme::colored())
}

/// Presses keys written as the help writes them: `press(app, "Tab j Enter")`.
fn press(app: &mut App, labels: &str) {
    for label in labels.split_whitespace() {
        let key = Key::parse(label).expect("a key name");
        app.handle_key(KeyEvent::new_with_kind(
            key.code,
            key.modifiers,
            KeyEventKind::Press,
        ));
    }
}

/// The keys a hint shows: `Enter`, `j/k`, `1-4`.
fn shown_keys(label: &str) -> Vec<Key> {
    if let Ok(key) = Key::parse(label) {
        return vec![key];
    }
    if let Some((a, b)) = label.split_once('/') {
        return [a, b]
            .iter()
            .map(|k| Key::parse(k).expect("a key name"))
            .collect();
    }
    let (first, last) = label.rsplit_once('-').expect("a range like 1-4");
    let (Some(first), Some(last)) = (first.chars().next(), last.chars().next()) else {
        panic!("a range of characters: {label}");
    };
    (first..=last).map(Key::char).collect()
}

/// Every key the footer shows does something where the keyboard is; returns the context.
fn hints_are_bound(app: &App) -> Context {
    let context = app.context();
    let hints = footer(app);
    assert!(!hints.is_empty(), "no hints in {context:?}");
    for hint in hints {
        for key in shown_keys(&hint.keys) {
            let event = KeyEvent::new_with_kind(key.code, key.modifiers, KeyEventKind::Press);
            // An open choice asks the Choice context for the keys the Editor context leaves.
            let bound = lookup(context, &event)
                .or_else(|| lookup(Context::Choice, &event).filter(|_| context == Context::Editor));
            assert!(
                bound.is_some(),
                "{context:?} shows `{}` for {:?}, but `{key}` is not bound there",
                hint.keys,
                hint.text
            );
        }
    }
    context
}

#[test]
fn every_context_shows_hints_made_from_its_bindings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(&dir);
    let mut seen = vec![hints_are_bound(&app)];
    press(&mut app, "Enter"); // the goal's 実績値
    seen.push(hints_are_bound(&app));
    press(&mut app, "9");
    press(&mut app, "Ctrl-C"); // typed text: quitting asks
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc Esc Tab");
    seen.push(hints_are_bound(&app));
    while app.selected_field() != Some(Field::Evaluation) {
        press(&mut app, "j");
    }
    press(&mut app, "Enter"); // 評価内容, with Alt-Enter for a new line
    assert!(footer(&app).iter().any(|h| h.text == "new line"));
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc Esc / 2 - イ - 1");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Enter Enter"); // ⑵-イ-1's 達成状況: a choice
    assert!(footer(&app).iter().any(|h| h.text == "choose"));
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc Ctrl-F");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc P");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc L");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc R");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc D");
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc I"); // the collect's path
    seen.push(hints_are_bound(&app));
    let csv = dir.path().join("市民係.csv");
    std::fs::write(&csv, "goal,actual\n1-ア-1,9500\n").expect("a returned CSV");
    app.handle_event(ratatui::crossterm::event::Event::Paste(
        csv.display().to_string(),
    ));
    press(&mut app, "Enter"); // its preview
    seen.push(hints_are_bound(&app));
    press(&mut app, "Esc a"); // a new goal's title
    seen.push(hints_are_bound(&app));
    // The popups (help, method) and a choice draw their keys themselves; Global is no place
    // the keyboard can be, only where the panes' shared keys live.
    for context in Context::ALL {
        let own_line = matches!(
            context,
            Context::Global | Context::Help | Context::Method | Context::Choice
        );
        assert!(
            own_line || seen.contains(&context),
            "{context:?} was not visited"
        );
    }
}
