use std::str::FromStr;

use super::*;
use crate::strings::{Lang, pin_thread};
use rust_decimal::Decimal;

use super::fraction::Fraction;
use crate::model::expression::Expression;
use crate::model::{Direction, GoalId, MilestoneState, Part, PartId, Uid, Value};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test literal")
}

fn num(s: &str) -> Value {
    Value::Number(d(s))
}

fn goal(formula: FormulaKind, baseline: Value, target: Value, actual: Value) -> Goal {
    Goal {
        id: GoalId(1),
        uid: Uid::NONE,
        number: 1,
        title: String::new(),
        note: String::new(),
        unit: "件".into(),
        calc_method: String::new(),
        formula,
        direction: if formula == FormulaKind::LowerIsBetter {
            Direction::Lower
        } else {
            Direction::Higher
        },
        precision: 0,
        allow_negative: false,
        baseline,
        target,
        actual,
        milestone: None,
        parts: vec![],
        evaluation: String::new(),
        printed_achievement: None,
        page: None,
        activities: vec![],
        activities_from: None,
        derivations: vec![],
        notes: vec![],
    }
}

fn ratio(target: &str, actual: &str) -> Goal {
    goal(FormulaKind::Ratio, Value::None, num(target), num(actual))
}

fn eval(goal: &Goal) -> Evaluation {
    evaluate(goal, &Thresholds::default())
}

#[test]
fn ratio_matches_the_sheet() {
    let e = eval(&ratio("10000", "9016"));
    assert_eq!(e.rate(), Some(d("90")));
    assert_eq!(e.status, Status::Near);
    assert_eq!(e.calculation, "9,016 ÷ 10,000 × 100 = 90.16 → 90");
    assert_eq!(e.shortfall, Some(d("984")));
    let e = eval(&ratio("216", "180.5"));
    assert_eq!(e.calculation, "180.5 ÷ 216 × 100 = 83.56 → 84");
    let e = eval(&ratio("200", "352"));
    assert_eq!(
        (e.calculation.as_str(), e.status, e.shortfall),
        ("352 ÷ 200 × 100 = 176", Status::Achieved, None)
    );
}

#[test]
fn precision_one_as_printed_for_1_u_2() {
    let mut g = ratio("84.23", "84.93");
    g.precision = 1;
    let e = eval(&g);
    assert_eq!(e.rate_text(), "100.8");
    assert_eq!(e.calculation, "84.93 ÷ 84.23 × 100 = 100.831 → 100.8");
    // The rate's scale is the precision, even when the digits are round.
    let mut g = ratio("50", "50");
    g.precision = 1;
    assert_eq!(eval(&g).rate_text(), "100.0");
}

#[test]
fn a_rate_is_printed_with_its_digits_grouped() {
    // A typo (90160000 for 9,016 against 10,000) gives a rate the sheet would print grouped.
    assert_eq!(eval(&ratio("10000", "90160000")).rate_text(), "901,600");
    assert_eq!(eval(&ratio("200", "352")).rate_text(), "176");
}

#[test]
fn half_rounds_away_from_zero_at_every_precision() {
    // 1 ÷ 200 × 100 = 0.5 → 1; 5 ÷ 200 × 100 = 2.5 → 3 (bankers' rounding would give 2).
    assert_eq!(eval(&ratio("200", "1")).rate(), Some(d("1")));
    assert_eq!(eval(&ratio("200", "5")).rate(), Some(d("3")));
    assert_eq!(
        eval(&ratio("200", "0.9")).rate(),
        Some(d("0")),
        "0.45 rounds down"
    );
    assert_eq!(
        eval(&ratio("2000", "1")).rate(),
        Some(d("0")),
        "0.05 rounds down at 0 dp"
    );
    let mut g = ratio("2000", "1");
    g.precision = 1;
    assert_eq!(eval(&g).rate_text(), "0.1", "0.05 rounds up at 1 dp");
    let mut g = ratio("1000", "1008.5");
    g.precision = 1;
    assert_eq!(eval(&g).rate_text(), "100.9", "100.85 → 100.9");
    // Negative progress: -2.5 → -3, like Excel's ROUND.
    let g = goal(FormulaKind::FromBaseline, num("10"), num("50"), num("9"));
    assert_eq!(eval(&g).rate(), Some(d("-3")));
}

#[test]
fn status_bands_use_the_rounded_rate_and_plan_thresholds() {
    assert_eq!(
        eval(&ratio("10000", "9950")).status,
        Status::Achieved,
        "99.5 rounds to 100"
    );
    assert_eq!(
        eval(&ratio("100", "79.5")).status,
        Status::Near,
        "79.5 rounds to 80"
    );
    assert_eq!(eval(&ratio("100", "79.4")).status, Status::Shortfall);
    let strict = Thresholds {
        achieved: d("100"),
        near: d("90"),
    };
    assert_eq!(
        evaluate(&ratio("100", "85"), &strict).status,
        Status::Shortfall
    );
}

#[test]
fn zero_targets_and_missing_values_are_not_computable() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let cases = [
        (ratio("0", "5"), NotComputable::ZeroTarget),
        (
            goal(FormulaKind::Ratio, Value::None, num("10"), Value::None),
            NotComputable::MissingActual,
        ),
        (
            goal(FormulaKind::Ratio, Value::None, Value::None, num("1")),
            NotComputable::MissingTarget,
        ),
        (
            goal(
                FormulaKind::Ratio,
                Value::None,
                num("10"),
                Value::Text("集計中".into()),
            ),
            NotComputable::Text {
                field: "actual (実績値)",
                text: "集計中".into(),
            },
        ),
        (
            goal(FormulaKind::LowerIsBetter, Value::None, num("10"), num("0")),
            NotComputable::ZeroActual,
        ),
        (
            goal(FormulaKind::FromBaseline, Value::None, num("10"), num("5")),
            NotComputable::MissingBaseline,
        ),
        (
            goal(FormulaKind::FromBaseline, num("10"), num("10"), num("5")),
            NotComputable::TargetEqualsBaseline,
        ),
    ];
    for (g, reason) in cases {
        let e = eval(&g);
        assert_eq!(e.outcome, Outcome::NotComputable(reason.clone()));
        // A missing actual is still to come (未入力); the rest cannot give a rate (計算不可).
        let status = if reason == NotComputable::MissingActual {
            Status::NoActual
        } else {
            Status::NotComputable
        };
        assert_eq!(e.status, status, "{reason}");
        let said = if status == Status::NoActual {
            reason.to_string()
        } else {
            format!("not computable: {reason}")
        };
        assert_eq!(e.calculation, said);
        assert_eq!(e.rate_text(), "ー");
    }
}

#[test]
fn lower_is_better_without_and_with_a_baseline() {
    let g = goal(
        FormulaKind::LowerIsBetter,
        Value::None,
        num("40"),
        num("50"),
    );
    let e = eval(&g);
    assert_eq!(e.calculation, "40 ÷ 50 × 100 = 80");
    assert_eq!((e.status, e.shortfall), (Status::Near, Some(d("10"))));
    let g = goal(FormulaKind::LowerIsBetter, num("100"), num("60"), num("70"));
    let e = eval(&g);
    assert_eq!(e.calculation, "(100 - 70) ÷ (100 - 60) × 100 = 75");
    assert_eq!(e.shortfall, Some(d("10")));
    let g = goal(FormulaKind::LowerIsBetter, num("100"), num("60"), num("55"));
    assert_eq!(
        (eval(&g).rate(), eval(&g).shortfall),
        (Some(d("113")), None),
        "112.5 → 113"
    );
}

#[test]
fn from_baseline_in_either_direction() {
    let g = goal(
        FormulaKind::FromBaseline,
        num("316"),
        num("400"),
        num("320"),
    );
    assert_eq!(
        eval(&g).calculation,
        "(320 - 316) ÷ (400 - 316) × 100 = 4.76 → 5"
    );
    // A reduction goal: from 100 down to 50, actual 59 → 82.
    let mut g = goal(FormulaKind::FromBaseline, num("100"), num("50"), num("59"));
    g.direction = Direction::Lower;
    let e = eval(&g);
    assert_eq!(e.calculation, "(59 - 100) ÷ (50 - 100) × 100 = 82");
    assert_eq!(e.shortfall, Some(d("9")));
}

#[test]
fn composite_is_the_mean_of_the_parts_ratios() {
    let mut g = goal(
        FormulaKind::Composite,
        Value::None,
        Value::None,
        Value::None,
    );
    let part = |label: &str, target: &str, actual: Option<&str>| Part {
        id: PartId(1),
        uid: Uid::NONE,
        label: label.into(),
        unit: String::new(),
        target: d(target),
        actual: actual.map(d),
        note: String::new(),
    };
    g.parts = vec![
        part("開催回数", "6", Some("13")),
        part("参加者数", "60", Some("263")),
    ];
    let e = eval(&g);
    assert_eq!(e.rate(), Some(d("328")), "exactly 327.5 rounds up");
    assert_eq!(e.calculation, "(13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100 = 327.5 → 328");
    assert_eq!(e.shortfall, None);
    g.parts[1].actual = None;
    assert_eq!(
        eval(&g).outcome,
        Outcome::NotComputable(NotComputable::PartMissingActual("参加者数".into()))
    );
    g.parts[1] = part("参加者数", "0", Some("1"));
    assert_eq!(
        eval(&g).outcome,
        Outcome::NotComputable(NotComputable::PartZeroTarget("参加者数".into()))
    );
    g.parts.clear();
    assert_eq!(
        eval(&g).outcome,
        Outcome::NotComputable(NotComputable::NoParts)
    );
    g.parts = vec![part("回数", "3", Some("1"))];
    assert_eq!(eval(&g).calculation, "1 ÷ 3 × 100 = 33.33 → 33");
}

#[test]
fn milestones_are_achieved_or_not_or_not_graded() {
    let mut g = goal(
        FormulaKind::Milestone,
        Value::Text("未導入".into()),
        Value::Text("構築".into()),
        Value::Text("構築".into()),
    );
    let cases = [
        (
            Some(MilestoneState::Achieved),
            Some(d("100")),
            Status::Achieved,
        ),
        (
            Some(MilestoneState::NotAchieved),
            Some(d("0")),
            Status::Shortfall,
        ),
        (Some(MilestoneState::NotGraded), None, Status::NotGraded),
        (None, None, Status::NoActual),
    ];
    for (state, rate, status) in cases {
        g.milestone = state;
        let e = eval(&g);
        assert_eq!((e.rate(), e.status), (rate, status), "{state:?}");
    }
    g.milestone = Some(MilestoneState::NotGraded);
    assert_eq!(eval(&g).outcome, Outcome::NotGraded);
}

#[test]
fn huge_values_are_too_large_not_wrong() {
    let big = "9".repeat(28);
    let e = eval(&ratio("0.0000000000000000000000000001", &big));
    assert_eq!(e.outcome, Outcome::NotComputable(NotComputable::TooLarge));
    assert_eq!(
        (e.status, e.status.label_ja(), e.status.word()),
        (Status::NotComputable, "計算不可", "not_computable"),
        "too large to compute is not 評価なし"
    );
    let e = eval(&ratio(&big, &big));
    assert_eq!(e.rate(), Some(d("100")));
}

#[test]
fn the_sheets_arithmetic_is_worked_out_exactly() {
    let work = |text: &str, precision: u32| {
        work_out(&Expression::parse(text).expect("valid"), precision)
            .map(|w| (w.value.to_string(), w.text))
    };
    assert_eq!(
        work("3,609 × 3分 ÷ 60", 1),
        Ok(("180.5".into(), "3,609 × 3分 ÷ 60 = 180.45 → 180.5".into())),
        "half up, not to even"
    );
    assert_eq!(
        work("28,787件 × 15％ × 3分 ÷ 60", 0),
        Ok((
            "216".into(),
            "28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216".into()
        ))
    );
    assert_eq!(
        work("3,609件 ÷ 26,790件 × 100", 2),
        Ok((
            "13.47".into(),
            "3,609件 ÷ 26,790件 × 100 = 13.4714 → 13.47".into()
        ))
    );
    assert_eq!(
        work("(91.5 + 93.0) ÷ 2", 1),
        Ok(("92.3".into(), "(91.5 + 93.0) ÷ 2 = 92.25 → 92.3".into()))
    );
    assert_eq!(
        work("120名 ÷ 146名 × 100", 0),
        Ok(("82".into(), "120名 ÷ 146名 × 100 = 82.19 → 82".into()))
    );
    assert_eq!(work("7 + 6", 0), Ok(("13".into(), "7 + 6 = 13".into())));
    assert_eq!(work("1 ÷ (2 - 2)", 0), Err(NotComputable::DivisionByZero));
}

#[test]
fn fraction_rounding_agrees_with_decimal_rounding_off_the_boundary() {
    for (num, den) in [
        (1i128, 3i128),
        (2, 3),
        (-7, 3),
        (9016, 100),
        (13, 6),
        (-1, 8),
    ] {
        let f = Fraction::reduced(num, den).expect("nonzero");
        let expected = (Decimal::from(num) / Decimal::from(den))
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(f.round(2), Some(expected), "{num}/{den}");
    }
}

#[test]
fn grading_without_the_calculation_gives_the_same_grade() {
    let sheet = crate::sheet::bundled().expect("bundled");
    let generated = crate::scale::plan("grades", 20, 50, 17);
    for plan in [&sheet, &generated] {
        for (r, goal) in plan.goals() {
            let evaluation = evaluate(goal, &plan.thresholds);
            assert_eq!(grade(goal, &plan.thresholds), evaluation.grade, "{r}");
            assert!(
                !evaluation.calculation.is_empty(),
                "{r} has a worked calculation"
            );
        }
    }
}
