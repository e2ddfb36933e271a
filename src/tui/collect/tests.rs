//! The collect's path prompt and preview asserted as commands: no terminal, and a store only to
//! give the plan its uids.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use tui_input::Input;

use super::*;
use crate::exchange::returned::{Returned, ReturnedFile, Typed};
use crate::exchange::{Choice, Decision, Incoming, Source, carried};
use crate::model::{FieldKey, GoalRef, Plan, Value};
use crate::store::{Handout, HandoutField, Store};

fn prompt(text: &str) -> CollectPrompt {
    CollectPrompt {
        path: Input::new(text.into()),
        refused: None,
    }
}

#[test]
fn enter_reads_the_path_as_typed_and_esc_closes() {
    assert!(matches!(
        prompt("市民係.xlsx").handle(Action::Commit),
        Some(Command::PreviewReturn(p)) if p == "市民係.xlsx"
    ));
    assert!(matches!(
        prompt("  ").handle(Action::Commit),
        Some(Command::SayError(t)) if t == strings().tui.collect.no_path
    ));
    assert!(matches!(
        prompt("x").handle(Action::Cancel),
        Some(Command::Close)
    ));
    assert!(
        prompt("x").handle(Action::Down).is_none(),
        "other keys are text"
    );
}

/// A terminal ends a paste with CR; Explorer's パスのコピー quotes the path.
#[test]
fn a_paste_gives_its_first_line() {
    let mut p = prompt("");
    p.paste("\"C:\\Users\\clerk\\回答\\市民係.xlsx\"\r\n");
    assert_eq!(p.path.value(), "\"C:\\Users\\clerk\\回答\\市民係.xlsx\"");
    let mut p = prompt("/home/clerk/");
    p.paste("\r\n市民係.csv\rnext");
    assert_eq!(
        p.path.value(),
        "/home/clerk/市民係.csv",
        "after what was typed"
    );
}

#[test]
fn quotes_and_blanks_come_off_and_the_home_folder_is_put_in() {
    let home = Path::new("/home/clerk");
    let cases = [
        (
            "\"C:\\Users\\clerk\\回答\\市民係.xlsx\"",
            "C:\\Users\\clerk\\回答\\市民係.xlsx",
        ),
        ("  '/tmp/福祉係 回答.csv'  ", "/tmp/福祉係 回答.csv"),
        ("~/回答/市民係.xlsx", "/home/clerk/回答/市民係.xlsx"),
        ("\" ~/市民係.xlsx \"", "/home/clerk/市民係.xlsx"),
        ("~", "/home/clerk"),
        ("~tanaka/x.csv", "~tanaka/x.csv"),
        ("\"unbalanced.csv", "\"unbalanced.csv"),
        ("市民係.xlsx", "市民係.xlsx"),
    ];
    for (typed, want) in cases {
        assert_eq!(
            typed_path(typed, Some(home)),
            PathBuf::from(want),
            "{typed}"
        );
    }
    assert_eq!(typed_path("~/x.csv", None), PathBuf::from("~/x.csv"));
}

/// The bundled plan as a data file holds it (with uids) and a handout of 市民係's fields.
fn handed_out() -> (Plan, Handout) {
    let dir = tempfile::tempdir().expect("a folder");
    let store = Store::open(&dir.path().join("tassei.db"), "clerk").expect("a data file");
    let plan = store
        .load_plan(store.plan_id(None).expect("a plan"))
        .expect("loads");
    let fields = carried(&plan, "市民係")
        .into_iter()
        .map(|(entity_uid, field, base)| HandoutField {
            entity_uid,
            field,
            base,
            collected: None,
        })
        .collect();
    let handout = Handout {
        id: 7,
        plan: plan.id,
        section: "市民係".into(),
        created_at: String::new(),
        collected_at: None,
        collected_local: None,
        fields,
    };
    (plan, handout)
}

fn figure(uid: &str, field: FieldKey, value: Typed) -> Returned {
    Returned {
        at: format!("市民係.xlsx {uid}"),
        key: uid.to_string(),
        shown_goal: None,
        field,
        value,
    }
}

/// 市民係's two figures returned changed, after the second was changed in the plan too (a
/// conflict, listed first), and its first goal's evaluation changed.
fn preview() -> CollectPreview {
    let (plan, handout) = handed_out();
    preview_of(plan, handout)
}

fn preview_of(mut plan: Plan, handout: Handout) -> CollectPreview {
    let goals: Vec<(GoalRef, String)> = plan
        .goals()
        .filter(|(_, g)| {
            handout
                .fields
                .iter()
                .any(|f| f.field == FieldKey::Actual && f.entity_uid == g.uid.to_string())
        })
        .map(|(r, g)| (r, g.uid.to_string()))
        .collect();
    let at = plan.position(goals[1].0).expect("a place");
    plan.initiatives[at.initiative].goals[at.goal].actual = Value::Number(Decimal::from(190));
    let rows = vec![
        figure(
            &goals[0].1,
            FieldKey::Actual,
            Typed::Number(Decimal::from(15)),
        ),
        figure(
            &goals[0].1,
            FieldKey::Evaluation,
            Typed::Text("目標を上回った".into()),
        ),
        figure(
            &goals[1].1,
            FieldKey::Actual,
            Typed::Number(Decimal::from(200)),
        ),
    ];
    let incoming = Incoming {
        name: "市民係.xlsx".into(),
        source: Source::Handout(handout),
        file: ReturnedFile {
            name: "市民係.xlsx".into(),
            rows,
            problems: vec!["市民係.xlsx 評価シート!E9: \"約\" is not a number".into()],
            ..ReturnedFile::default()
        },
    };
    CollectPreview::new(PathBuf::from("/tmp/市民係.xlsx"), incoming, &plan)
}

fn decisions(p: &CollectPreview) -> Vec<Decision> {
    p.order
        .iter()
        .map(|k| p.offer.changes[*k].decision)
        .collect()
}

#[test]
fn conflicts_come_first_undecided_and_changes_start_taken() {
    let p = preview();
    assert_eq!(
        decisions(&p),
        [Decision::Conflict, Decision::Apply, Decision::Apply]
    );
    assert!(
        p.offer.problems[0].contains("E9"),
        "the reader's lines first"
    );
    let (k, change) = p.selected_change().expect("a row");
    assert_eq!(
        change.decision,
        Decision::Conflict,
        "the first row selected"
    );
    assert_eq!(p.choices[k], Choice::Undecided);
    assert_eq!(
        p.tally(),
        Tally {
            conflicts: 1,
            undecided: 1,
            changes: 2,
            left_out: p.offer.problems.len(),
            kept: 0,
            left: 1,
        }
    );
}

#[test]
fn each_choice_key_sets_the_row_and_goes_on_to_the_next() {
    let mut p = preview();
    let first = p.order[0];
    assert!(matches!(p.handle(Action::KeepCurrent), Command::None));
    assert_eq!(p.choices[first], Choice::Current);
    assert_eq!(p.selected, 1, "on to the next row");
    assert!(matches!(p.handle(Action::SkipRow), Command::None));
    assert_eq!(p.choices[p.order[1]], Choice::Skip);
    p.handle(Action::TakeReturned);
    p.handle(Action::SkipRow);
    assert_eq!(p.selected, 2, "the last row stays selected");
    assert_eq!(p.choices[p.order[2]], Choice::Skip);
    p.handle(Action::Up);
    p.handle(Action::TakeReturned);
    assert_eq!(p.choices[p.order[1]], Choice::Returned);
    p.handle(Action::Top);
    assert_eq!(p.selected, 0);
    p.handle(Action::PageDown);
    assert_eq!(p.selected, 2, "kept inside the rows");
    assert_eq!(
        (p.tally().kept, p.tally().left, p.tally().undecided),
        (1, 1, 0)
    );
}

#[test]
fn enter_hands_the_store_what_was_chosen() {
    let mut p = preview();
    let Command::Collect(collecting) = p.handle(Action::Commit) else {
        panic!("a collect");
    };
    assert_eq!(collecting.from.handout().map(|h| h.id), Some(7));
    assert_eq!(collecting.from.name, "市民係.xlsx");
    assert_eq!(collecting.taken, p.offer.taken(&p.choices));
    assert_eq!(
        collecting.taken.iter().filter(|t| t.edit.is_some()).count(),
        2,
        "the two changes; the conflict undecided is left out"
    );
    assert_eq!(collecting.tally.undecided, 1);
    p.handle(Action::TakeReturned);
    let Command::Collect(collecting) = p.handle(Action::Commit) else {
        panic!("a collect");
    };
    assert_eq!(
        collecting.taken.iter().filter(|t| t.edit.is_some()).count(),
        3
    );
}

#[test]
fn nothing_chosen_closes_without_the_store_and_esc_writes_nothing() {
    let mut p = preview();
    for _ in 0..3 {
        p.handle(Action::SkipRow);
    }
    let command = p.handle(Action::Commit);
    assert!(
        matches!(&command, Command::Seq(c) if matches!(&c[..], [Command::Close, Command::Say(_)])),
        "{command:?}"
    );
    let command = preview().handle(Action::Cancel);
    assert!(
        matches!(&command, Command::Seq(c) if matches!(&c[..], [Command::Close, Command::Say(t)] if *t == (strings().tui.collect.closed)("市民係.xlsx"))),
        "{command:?}"
    );
}

/// After a refused apply the file is previewed again: the choices made stay where the row is
/// the same, and a row that changed kind starts again.
#[test]
fn choices_carry_over_to_the_same_rows_previewed_again() {
    let (plan, handout) = handed_out();
    let mut before = preview_of(plan.clone(), handout.clone());
    before.handle(Action::TakeReturned); // the conflict
    before.handle(Action::SkipRow); // the first change
    let mut again = preview_of(plan, handout);
    again.keep_choices_of(&before);
    assert_eq!(again.choices, before.choices);
    let conflict = again.order[0];
    again.offer.changes[conflict].decision = Decision::Apply;
    let mut fresh = again.offer.first_choices();
    again.choices = fresh.clone();
    again.keep_choices_of(&before);
    fresh[again.order[1]] = Choice::Skip;
    assert_eq!(
        again.choices, fresh,
        "the row that changed kind is not carried"
    );
}

#[test]
fn text_lost_to_question_marks_cannot_be_chosen() {
    let (plan, _) = handed_out();
    let (r, goal) = plan
        .goals()
        .find(|(_, g)| g.evaluation.contains('⑴'))
        .expect("an evaluation naming ⑴");
    let row = figure(
        &r.to_string(),
        FieldKey::Evaluation,
        Typed::Text(goal.evaluation.replace('⑴', "?")),
    );
    let incoming = Incoming {
        name: "市民係.csv".into(),
        source: Source::Csv {
            encoding: "Shift_JIS",
        },
        file: ReturnedFile {
            name: "市民係.csv".into(),
            rows: vec![row],
            ..ReturnedFile::default()
        },
    };
    let mut p = CollectPreview::new(PathBuf::from("市民係.csv"), incoming, &plan);
    assert!(matches!(
        p.handle(Action::TakeReturned),
        Command::SayError(t) if t == strings().tui.collect.lost_text_kept
    ));
    assert_eq!(p.choices, [Choice::Current]);
    assert_eq!(p.tally().kept, 0, "nothing was chosen");
}
