//! The bundled 指宿市 FY令和5 sheet: its facts are modelled, and the engine reproduces every
//! 達成度 printed on it.

use tassei::engine::{Outcome, Status, evaluate};
use tassei::model::{ActivityStatus, FormulaKind, GoalRef, MilestoneState, Plan, Value};
use tassei::sheet;

fn plan() -> Plan {
    sheet::bundled().expect("the bundled sheet is valid")
}

fn goal_ref(s: &str) -> GoalRef {
    s.parse().expect("test reference")
}

#[test]
fn has_the_nine_initiatives_and_26_goals_in_sheet_order() {
    let plan = plan();
    let codes: Vec<String> = plan
        .initiatives
        .iter()
        .map(|i| i.code.to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "⑴-ア", "⑴-ウ", "⑴-オ", "⑵-ア", "⑵-イ", "⑶-ア", "⑶-イ", "⑶-ウ", "⑶-エ"
        ]
    );
    let per_initiative: Vec<usize> = plan.initiatives.iter().map(|i| i.goals.len()).collect();
    assert_eq!(per_initiative, [3, 2, 4, 2, 8, 1, 2, 3, 1]);
    assert_eq!(plan.goals().count(), 26);
    assert_eq!(
        plan.areas.iter().map(|a| a.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(plan.fiscal_year.reiwa(), 5);
    let activities: usize = plan.goals().map(|(_, g)| g.activities.len()).sum();
    assert_eq!(activities, 52);
}

#[test]
fn engine_reproduces_every_printed_achievement() {
    let plan = plan();
    let mut checked = 0;
    for (r, goal) in plan.goals() {
        let printed = goal
            .printed_achievement
            .as_deref()
            .unwrap_or_else(|| panic!("{r} has a printed 達成度"));
        let e = evaluate(goal, &plan.thresholds);
        assert_eq!(e.rate_text(), printed, "{r}: {}", e.calculation);
        checked += 1;
    }
    assert_eq!(checked, 26);
}

#[test]
fn one_u_2_prints_one_decimal() {
    let plan = plan();
    let (_, g) = plan.goal(goal_ref("1-ウ-2")).expect("exists");
    assert_eq!(g.precision, 1);
    assert_eq!(evaluate(g, &plan.thresholds).rate_text(), "100.8");
}

#[test]
fn one_o_1_is_composite_of_sessions_and_people() {
    let plan = plan();
    let (_, g) = plan.goal(goal_ref("1-オ-1")).expect("exists");
    assert_eq!(g.formula, FormulaKind::Composite);
    let parts: Vec<(String, String, String)> = g
        .parts
        .iter()
        .map(|p| {
            (
                p.label.clone(),
                p.target.to_string(),
                p.actual.map(|a| a.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("開催回数".into(), "6".into(), "13".into()),
            ("参加者数".into(), "60".into(), "263".into())
        ]
    );
    assert!(g.parts[0].note.contains("７回") && g.parts[0].note.contains("６回"));
    assert!(g.parts[1].note.contains("82名") && g.parts[1].note.contains("181名"));
    let e = evaluate(g, &plan.thresholds);
    assert_eq!(e.calculation, "(13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100 = 327.5 → 328");
}

#[test]
fn milestones_and_the_ungraded_goal() {
    let plan = plan();
    for code in ["2-イ-1", "2-イ-2", "2-イ-8", "3-ウ-3"] {
        let (_, g) = plan.goal(goal_ref(code)).expect("exists");
        assert_eq!(
            (g.formula, g.milestone),
            (FormulaKind::Milestone, Some(MilestoneState::Achieved)),
            "{code}"
        );
        assert!(matches!(g.target, Value::Text(_)), "{code} target is text");
        assert_eq!(evaluate(g, &plan.thresholds).status, Status::Achieved);
    }
    let (_, g) = plan.goal(goal_ref("2-イ-3")).expect("exists");
    assert_eq!(g.milestone, Some(MilestoneState::NotGraded));
    let e = evaluate(g, &plan.thresholds);
    assert_eq!(
        (e.outcome.clone(), e.status),
        (Outcome::NotGraded, Status::NotGraded)
    );
    assert_eq!(g.actual, Value::Text("一部改正・制定".into()));
}

#[test]
fn two_i_6_and_7_take_their_activities_from_other_goals() {
    let plan = plan();
    for (code, source) in [("2-イ-6", "1-ア-1"), ("2-イ-7", "1-ウ-1")] {
        let (_, g) = plan.goal(goal_ref(code)).expect("exists");
        assert_eq!(g.activities_from, Some(goal_ref(source)));
        assert!(g.activities.is_empty());
        let (_, s) = plan.goal(goal_ref(source)).expect("exists");
        assert_eq!(plan.activities_of(g), s.activities.as_slice());
    }
}

#[test]
fn activities_keep_their_timing_and_every_section() {
    let plan = plan();
    let (_, g) = plan.goal(goal_ref("1-ウ-2")).expect("exists");
    let ranged = &g.activities[1];
    assert_eq!(ranged.period.raw(), "R５.７～Ｒ６．２");
    assert_eq!(ranged.period.to_string(), "2023-07-01〜2024-02-29");
    let (_, g) = plan.goal(goal_ref("1-ウ-1")).expect("exists");
    assert_eq!(g.activities[0].sections, ["市民係", "マイナンバー推進係"]);
    assert_eq!(g.activities[3].sections, ["市民課"]);
    let every: Vec<_> = plan
        .goals()
        .flat_map(|(_, g)| g.activities.iter())
        .collect();
    assert!(
        every.iter().all(|a| a.period.is_parsed()),
        "every 時期 on the sheet is readable"
    );
    assert!(every.iter().all(|a| !a.sections.is_empty()));
    // The sheet states no progress: every activity is 未記入, and so none is overdue.
    assert!(every.iter().all(|a| a.status == ActivityStatus::Unset));
}

#[test]
fn statuses_on_the_sheet() {
    let plan = plan();
    let count = |s: Status| {
        plan.goals()
            .filter(|(_, g)| evaluate(g, &plan.thresholds).status == s)
            .count()
    };
    // Achieved ≥ 100, near 80–99, shortfall below 80, ⑵-イ-3 not graded.
    assert_eq!(
        [
            count(Status::Achieved),
            count(Status::Near),
            count(Status::Shortfall),
            count(Status::NotGraded)
        ],
        [16, 5, 4, 1]
    );
}

#[test]
fn stated_arithmetic_is_kept_and_checked() {
    let plan = plan();
    let worked = |code: &str| -> Vec<String> {
        let (_, g) = plan.goal(goal_ref(code)).expect("exists");
        g.derivations
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d.figure.label_ja(),
                    tassei::engine::work_out(&d.expression, d.precision)
                        .expect("works")
                        .text
                )
            })
            .collect()
    };
    assert_eq!(
        worked("2-イ-7"),
        [
            "目標値 28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216",
            "実績値 3,609 × 3分 ÷ 60 = 180.45 → 180.5"
        ]
    );
    assert_eq!(
        worked("1-ウ-1"),
        ["実績値 3,609件 ÷ 26,790件 × 100 = 13.4714 → 13.47"]
    );
    assert_eq!(
        worked("2-ア-1"),
        ["実績値 120名 ÷ 146名 × 100 = 82.19 → 82"]
    );
}
