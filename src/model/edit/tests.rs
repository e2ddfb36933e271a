use rust_decimal::Decimal;

use super::*;
use crate::model::FieldKey;
use crate::strings::{Lang, pin_thread};

fn owner(formula: FormulaKind, allow_negative: bool) -> Owner {
    Owner {
        subject: "⑴-ア-1".into(),
        formula,
        allow_negative,
        parts: "延べ人数, 開催回数".into(),
    }
}

fn actual(value: Value) -> Edit {
    Edit::Actual {
        goal: GoalId(1),
        value,
    }
}

fn note(field: NoteField, text: &str) -> Edit {
    Edit::Note {
        goal: GoalId(1),
        date: CalendarDate::from_stored("2026-11-28").expect("date"),
        field,
        text: text.into(),
        figures: None,
    }
}

#[test]
fn a_composite_goal_takes_its_parts_not_an_actual() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let err =
        check(&actual(Value::None), &owner(FormulaKind::Composite, false)).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "⑴-ア-1 is a composite goal: set each part's actual instead (its parts: 延べ人数, 開催回数)"
    );
    let part = Edit::PartActual {
        part: PartId(1),
        value: Some(Decimal::from(3)),
    };
    assert_eq!(check(&part, &owner(FormulaKind::Composite, false)), Ok(()));
}

#[test]
fn only_a_milestone_goal_takes_a_state() {
    let edit = Edit::Milestone {
        goal: GoalId(1),
        state: Some(MilestoneState::Achieved),
    };
    assert_eq!(check(&edit, &owner(FormulaKind::Milestone, false)), Ok(()));
    assert!(matches!(
        check(&edit, &owner(FormulaKind::Ratio, false)),
        Err(Refusal::NotMilestone {
            formula: FormulaKind::Ratio,
            ..
        })
    ));
}

#[test]
fn negative_figures_only_where_the_goal_allows_them() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let minus = actual(Value::Number(Decimal::from(-1500)));
    let err = check(&minus, &owner(FormulaKind::Ratio, false)).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "⑴-ア-1: this goal's figures cannot be negative: -1,500"
    );
    assert_eq!(check(&minus, &owner(FormulaKind::Ratio, true)), Ok(()));
    let zero = actual(Value::Number(Decimal::new(-0, 1)));
    assert_eq!(check(&zero, &owner(FormulaKind::Ratio, false)), Ok(()));
}

#[test]
fn a_due_date_is_a_stored_date_or_empty() {
    let rules = owner(FormulaKind::Ratio, false);
    assert_eq!(check(&note(NoteField::Due, "2026-12-15"), &rules), Ok(()));
    assert_eq!(check(&note(NoteField::Due, ""), &rules), Ok(()));
    assert!(matches!(
        check(&note(NoteField::Due, "12月15日"), &rules),
        Err(Refusal::BadDue { .. })
    ));
    // Only 期限 is a date: another note field takes any text.
    assert_eq!(check(&note(NoteField::Owner, "12月15日"), &rules), Ok(()));
}

#[test]
fn texts_refuse_control_characters_but_keep_line_breaks_and_tabs() {
    let rules = owner(FormulaKind::Ratio, false);
    let evaluation = |text: &str| Edit::Evaluation {
        goal: GoalId(1),
        text: text.into(),
    };
    assert_eq!(check(&evaluation("一行目\n\t二行目"), &rules), Ok(()));
    assert_eq!(
        check(&evaluation("色\u{1b}[31m"), &rules),
        Err(Refusal::ControlCharacter {
            subject: "⑴-ア-1".into(),
            code: 0x1b
        })
    );
    assert!(check(&note(NoteField::Decision, "\u{7}"), &rules).is_err());
    assert!(check(&actual(Value::Text("未\u{0}導入".into())), &rules).is_err());
}

#[test]
fn a_logged_value_becomes_the_edit_that_sets_it() {
    let edit = note(NoteField::FollowUp, "確認する");
    let key = edit.field_ref().key();
    assert_eq!(key, FieldKey::Note(NoteField::FollowUp));
    assert_eq!(
        Edit::of_logged(key, 1, edit.new_value()),
        Some(edit),
        "a note round-trips (its figures are kept as they were)"
    );
    let state = Edit::Milestone {
        goal: GoalId(4),
        state: Some(MilestoneState::NotAchieved),
    };
    assert_eq!(
        Edit::of_logged(FieldKey::Milestone, 4, state.new_value()),
        Some(state)
    );
    assert_eq!(
        Edit::of_logged(FieldKey::Milestone, 4, FieldValue::Milestone(None)),
        Some(Edit::Milestone {
            goal: GoalId(4),
            state: None
        }),
        "a milestone's state cleared to not entered yet (a new year's) is undone and redone too"
    );
    assert_eq!(
        Edit::of_logged(FieldKey::Actual, 1, FieldValue::Text("x".into())),
        None,
        "a value of another field's kind"
    );
}

#[test]
fn the_refused_character_and_its_line() {
    assert_eq!(refused_character("一行目\n二行目\tタブ"), None);
    assert_eq!(
        refused_character("一行目\n二\u{1b}[2J"),
        Some(('\u{1b}', 2))
    );
    assert_eq!(refused_character("\u{7f}"), Some(('\u{7f}', 1)));
}

#[test]
fn a_target_or_baseline_is_checked_as_a_figure() {
    let _lang = pin_thread(Lang::En);
    let target = |n: i64| Edit::Target {
        goal: GoalId(1),
        value: Value::Number(Decimal::from(n)),
    };
    let ratio = owner(FormulaKind::Ratio, false);
    assert_eq!(check(&target(95), &ratio), Ok(()));
    assert_eq!(
        check(&target(0), &ratio)
            .expect_err("a ratio's target of 0")
            .to_string(),
        "⑴-ア-1: the target (目標値) of a ratio goal cannot be 0: actual ÷ target would be undefined"
    );
    // Lower is better divides by the actual, not the target: 0 is a target it can have.
    assert_eq!(
        check(&target(0), &owner(FormulaKind::LowerIsBetter, false)),
        Ok(())
    );
    assert!(matches!(
        check(&target(-1), &ratio),
        Err(Refusal::Negative { .. })
    ));
    let baseline = Edit::Baseline {
        goal: GoalId(1),
        value: Value::Number(Decimal::from(-3)),
    };
    assert!(matches!(
        check(&baseline, &ratio),
        Err(Refusal::Negative { .. })
    ));
    assert_eq!(check(&baseline, &owner(FormulaKind::Ratio, true)), Ok(()));
}

#[test]
fn a_target_patches_the_plan_and_comes_back_from_the_log() {
    let edit = Edit::Target {
        goal: GoalId(7),
        value: Value::Number(Decimal::from(95)),
    };
    assert_eq!(edit.field_ref(), FieldRef::Target(GoalId(7)));
    assert_eq!(
        Edit::of_logged(FieldKey::Target, 7, edit.new_value()),
        Some(edit)
    );
    let baseline = Edit::Baseline {
        goal: GoalId(7),
        value: Value::None,
    };
    assert_eq!(
        Edit::of_logged(FieldKey::Baseline, 7, baseline.new_value()),
        Some(baseline)
    );
}

#[test]
fn a_goal_keeps_a_title_and_no_control_character() {
    let _lang = pin_thread(Lang::En);
    let text = |field, text: &str| Edit::GoalText {
        goal: GoalId(1),
        field,
        text: text.into(),
    };
    let ratio = owner(FormulaKind::Ratio, false);
    assert_eq!(
        check(&text(FieldKey::Title, " \u{3000}"), &ratio)
            .expect_err("an empty title")
            .to_string(),
        "⑴-ア-1: the title (目標名) must not be empty"
    );
    // A unit and a 積算方法 may be empty, as in the plan file.
    assert_eq!(check(&text(FieldKey::Unit, ""), &ratio), Ok(()));
    assert_eq!(check(&text(FieldKey::CalcMethod, ""), &ratio), Ok(()));
    assert!(matches!(
        check(&text(FieldKey::CalcMethod, "a\u{1b}b"), &ratio),
        Err(Refusal::ControlCharacter { code: 0x1b, .. })
    ));
    let edit = text(FieldKey::Unit, "件");
    assert_eq!(
        Edit::of_logged(FieldKey::Unit, 1, edit.new_value()),
        Some(edit)
    );
}

#[test]
fn a_precision_is_at_most_four_decimals() {
    let _lang = pin_thread(Lang::En);
    let precision = |digits| Edit::Precision {
        goal: GoalId(1),
        digits,
    };
    let ratio = owner(FormulaKind::Ratio, false);
    assert_eq!(check(&precision(MAX_PRECISION), &ratio), Ok(()));
    assert_eq!(
        check(&precision(5), &ratio)
            .expect_err("five decimals")
            .to_string(),
        "⑴-ア-1: 5 decimals is too many; at most 4"
    );
    let edit = precision(2);
    assert_eq!(
        Edit::of_logged(FieldKey::Precision, 1, edit.new_value()),
        Some(edit)
    );
}
