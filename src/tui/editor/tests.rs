//! An open field: typing, choosing, and the edit it becomes.

use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::*;
use crate::model::Plan;
use crate::sheet;

fn plan() -> Plan {
    sheet::bundled().expect("bundled")
}

fn type_text(editor: &mut Editor, text: &str) {
    for c in text.chars() {
        editor.key(KeyEvent::new_with_kind(
            KeyCode::Char(c),
            KeyModifiers::NONE,
            KeyEventKind::Press,
        ));
    }
}

fn clear(editor: &mut Editor) {
    for _ in 0..20 {
        editor.key(KeyEvent::new_with_kind(
            KeyCode::Backspace,
            KeyModifiers::NONE,
            KeyEventKind::Press,
        ));
    }
}

#[test]
fn the_preview_recomputes_as_the_clerk_types() {
    let plan = plan();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    let mut editor = Editor::open(goal, GoalPos::new(0, 0), Field::Actual).expect("opens");
    assert_eq!(editor.typed(), Some("9016"));
    clear(&mut editor);
    type_text(&mut editor, "９，５００");
    let preview = editor
        .preview(goal, &plan.thresholds)
        .expect("numeric")
        .expect("valid");
    assert_eq!(
        (preview.rate_text().as_str(), preview.status.word()),
        ("95", "near")
    );
    type_text(&mut editor, "x");
    let err = editor
        .preview(goal, &plan.thresholds)
        .expect("numeric")
        .expect_err("invalid");
    assert_eq!(err, "\"x\" is not allowed in a number: \"９，５００x\"");
}

#[test]
fn choices_cycle_and_become_edits() {
    let plan = plan();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    let mut editor = Editor::open(goal, GoalPos::new(0, 0), Field::Activity(1)).expect("opens");
    editor.key(KeyEvent::new_with_kind(
        KeyCode::Down,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    ));
    editor.key(KeyEvent::new_with_kind(
        KeyCode::Down,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    ));
    let edit = editor.edit(goal, &plan.thresholds).expect("valid");
    // From 未記入 (the sheet states no status): 未着手, then 実施中.
    assert_eq!(
        edit,
        Edit::ActivityStatus {
            activity: goal.activities[1].id,
            status: ActivityStatus::Doing
        }
    );
}

#[test]
fn paste_goes_into_the_field() {
    let plan = plan();
    let (_, goal) = plan.goal("2-イ-3".parse().expect("code")).expect("goal");
    let mut editor = Editor::open(goal, GoalPos::new(4, 2), Field::Evaluation).expect("opens");
    editor.paste("\n追記：全角テキスト");
    let Ok(Edit::Evaluation { text, .. }) = editor.edit(goal, &plan.thresholds) else {
        panic!("an evaluation edit")
    };
    assert!(text.ends_with("作成した。\n追記：全角テキスト"), "{text}");
}

#[test]
fn a_line_break_or_control_character_says_where_it_is() {
    let plan = plan();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    let mut editor = Editor::open(goal, GoalPos::new(0, 0), Field::Actual).expect("opens");
    clear(&mut editor);
    editor.paste("95\r00");
    let err = editor
        .preview(goal, &plan.thresholds)
        .expect("numeric")
        .expect_err("two lines");
    assert_eq!(
        err,
        "this field takes one line: delete the line break shown as ^J"
    );
    let mut editor = Editor::open(goal, GoalPos::new(0, 0), Field::Evaluation).expect("opens");
    editor.paste("\r\n\t表\u{1b}[0m");
    let lines = goal.evaluation.lines().count() + 1;
    assert_eq!(
        editor.edit(goal, &plan.thresholds),
        Err(format!(
            "delete the control character shown as ^[ in line {lines}: it cannot be saved"
        )),
        "a tab is fine, as in the store; ESC is not"
    );
}

/// A choice moves with the keymap's `Choice` keys; Shift-Tab arrives with Shift held.
#[test]
fn a_choice_moves_with_the_keymaps_choice_keys() {
    let plan = plan();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    let mut editor = Editor::open(goal, GoalPos::new(0, 0), Field::Activity(1)).expect("opens");
    let selected = |editor: &Editor| match &editor.input {
        FieldInput::Choice { selected, .. } => *selected,
        _ => usize::MAX,
    };
    let start = selected(&editor);
    let press = |editor: &mut Editor, code: KeyCode, modifiers: KeyModifiers| {
        editor.key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        ));
    };
    press(&mut editor, KeyCode::Char('j'), KeyModifiers::NONE);
    press(&mut editor, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut editor, KeyCode::Char('k'), KeyModifiers::NONE);
    assert_ne!(selected(&editor), start, "two on, one back");
    press(&mut editor, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(selected(&editor), start, "Shift-Tab: back again");
    press(&mut editor, KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(selected(&editor), start, "other keys choose nothing");
}
