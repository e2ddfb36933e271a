//! The open field's Enter, Esc and Ctrl-C, the help's keys and the card's moves, asserted as
//! commands: no store, no terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::Command;
use super::editing::{enter, escape, quit};
use super::input::help_key;
use super::update::card_step;
use crate::model::GoalPos;
use crate::model::{Plan, Value};
use crate::sheet;
use crate::store::Edit;
use crate::tui::editor::Editor;
use crate::tui::fields::Field;
use crate::tui::question::{Pending, Question};

fn plan() -> Plan {
    sheet::bundled().expect("bundled")
}

/// The field of `code` opened, with `text` typed over its value.
fn typed(plan: &Plan, code: &str, field: Field, text: &str) -> Box<Editor> {
    let at = GoalPos::of(plan, code.parse().expect("code")).expect("goal");
    let goal = at.goal_in(plan).expect("goal");
    let mut editor = Editor::open(goal, at, field).expect("editable");
    editor.set_text(text);
    Box::new(editor)
}

#[test]
fn enter_on_a_typed_actual_applies_it_checked_against_the_value_shown() {
    let plan = plan();
    let editor = typed(&plan, "1-ア-1", Field::Actual, "9500");
    let shown = editor.seen.clone();
    let Command::Seq(commands) = enter(editor, &plan) else {
        panic!("the field stays until the save succeeds, then the edit");
    };
    let [Command::Open(_), Command::Apply { edit, seen }] = &commands[..] else {
        panic!("{commands:?}");
    };
    assert!(
        matches!(edit, Edit::Actual { value: Value::Number(n), .. } if n.to_string() == "9500"),
        "{edit:?}"
    );
    assert_eq!(seen.as_ref(), Some(&shown));
}

#[test]
fn enter_on_a_bad_figure_keeps_the_field_with_the_reason() {
    let plan = plan();
    let editor = typed(&plan, "1-ア-1", Field::Actual, "九千");
    let Command::Open(editor) = enter(editor, &plan) else {
        panic!("the field stays open");
    };
    assert!(editor.error.is_some(), "the reason is under the field");
}

#[test]
fn a_point_before_three_digits_in_a_count_asks_which_was_meant() {
    let plan = plan();
    let editor = typed(&plan, "1-ア-1", Field::Actual, "9.500");
    let Command::Ask(question) = enter(editor, &plan) else {
        panic!("asks");
    };
    assert!(matches!(question.pending, Pending::Reading { .. }));
    assert_eq!(question.choices, ["save 9,500", "save 9.5"]);
}

#[test]
fn esc_asks_only_when_text_was_typed_and_ctrl_c_only_with_changes() {
    let plan = plan();
    let untouched = |field| {
        let at = GoalPos::new(0, 0);
        Box::new(Editor::open(at.goal_in(&plan).expect("goal"), at, field).expect("field"))
    };
    assert!(
        matches!(escape(untouched(Field::Actual)), Command::Say(t) if t == "cancelled: nothing was saved")
    );
    let narrative = typed(&plan, "1-ア-1", Field::Evaluation, "追記しました");
    assert!(
        matches!(escape(narrative), Command::Ask(q) if matches!(q.pending, Pending::Discard(_)))
    );
    let Command::Seq(commands) = quit(untouched(Field::Actual)) else {
        panic!("quits at once");
    };
    assert!(matches!(commands[..], [Command::Open(_), Command::Quit]));
    let changed = typed(&plan, "1-ア-1", Field::Actual, "1");
    assert!(matches!(quit(changed), Command::Ask(q) if matches!(q.pending, Pending::Quit(_))));
}

#[test]
fn the_help_scrolls_and_any_other_key_closes_it() {
    let mut scroll = 0;
    assert!(matches!(
        help_key(&mut scroll, 2, KeyEvent::from(KeyCode::Char('j'))),
        Command::None
    ));
    assert_eq!(scroll, 1);
    // At its end the help stops: one `k` then moves it back at once.
    for _ in 0..5 {
        help_key(&mut scroll, 2, KeyEvent::from(KeyCode::Char('j')));
    }
    assert_eq!(scroll, 2);
    help_key(&mut scroll, 2, KeyEvent::from(KeyCode::Char('k')));
    assert_eq!(scroll, 1);
    assert!(matches!(
        help_key(&mut scroll, 2, KeyEvent::from(KeyCode::Char('q'))),
        Command::Close
    ));
}

#[test]
fn the_card_selection_stays_on_the_card() {
    assert_eq!(card_step(0, 4, -1), 0);
    assert_eq!(card_step(1, 4, 1), 2);
    assert_eq!(card_step(2, 4, isize::MAX / 2), 3);
    assert_eq!(card_step(0, 0, 1), 0, "a card without fields");
}

/// Each question with an answer that does what Esc does says so under its answers ("Esc  same
/// as 3"): the two must then give the same command.
#[test]
fn esc_at_a_question_does_what_the_answer_it_names_does() {
    let plan = plan();
    let editor = || typed(&plan, "1-ア-1", Field::Actual, "9500");
    let goal = GoalPos::of(&plan, "1-ア-1".parse().expect("code"))
        .and_then(|at| at.goal_in(&plan))
        .expect("goal")
        .id;
    let edit = || Edit::Actual {
        goal,
        value: Value::Number(9500.into()),
    };
    // Discard, Quit, Conflict, Reading, Undo, Rollover: each with its number of answers and the one
    // Esc is the same as.
    let pending = |kind: u8| match kind {
        0 => Pending::Discard(editor()),
        1 => Pending::Quit(editor()),
        2 => Pending::Conflict {
            editor: editor(),
            edit: edit(),
        },
        3 => Pending::Reading {
            editor: editor(),
            readings: [edit(), edit()],
        },
        4 => Pending::Undo { redo: false },
        _ => Pending::Rollover,
    };
    let cases = [
        (0, 2, Some(1)),
        (1, 2, Some(1)),
        (2, 3, Some(2)),
        (3, 2, None),
        (4, 2, Some(1)),
        (5, 2, Some(1)),
    ];
    for (kind, answers, same) in cases {
        let question = || {
            Box::new(Question {
                title: "?".into(),
                lines: vec![],
                choices: vec!["an answer".into(); answers],
                pending: pending(kind),
            })
        };
        assert_eq!(question().esc_is(), same);
        if let Some(n) = same {
            let n = u8::try_from(n).expect("small");
            assert_eq!(
                format!("{:?}", question().answer(None)),
                format!("{:?}", question().answer(Some(n))),
                "Esc and answer {} differ",
                n + 1
            );
        }
    }
}
