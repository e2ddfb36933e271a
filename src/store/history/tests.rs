use rust_decimal::Decimal;

use super::*;
use crate::engine::{Outcome, Status};
use crate::model::rollover::{next_slug, roll_over};
use crate::model::{Edit, GoalRef};

fn goal_ref(text: &str) -> GoalRef {
    text.parse().expect("goal code")
}

/// The plan `from` rolled over a year, with `change` made to the new plan before it is written.
fn rolled(store: &mut Store, from: PlanId, change: impl FnOnce(&mut Plan)) -> Plan {
    let plan = store.load_plan(from).expect("load");
    let mut next = roll_over(&plan, next_slug(&plan.slug, plan.fiscal_year)).plan;
    change(&mut next);
    let id = store.roll_over(&plan, &next).expect("rolled over");
    store.load_plan(id).expect("load new")
}

fn set_actual(store: &mut Store, plan: &Plan, code: &str, value: i64) -> Plan {
    let (_, goal) = plan.goal(goal_ref(code)).expect("goal");
    let edit = Edit::Actual {
        goal: goal.id,
        value: Value::Number(Decimal::from(value)),
    };
    store.apply(&edit, None).expect("applied");
    store.load_plan(plan.id).expect("reload")
}

#[test]
fn the_first_year_has_no_history() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("t.db"), "t").expect("open");
    let plan = store
        .load_plan(store.plan_id(None).expect("id"))
        .expect("load");
    assert!(store.history(&plan).expect("history").is_empty());
}

#[test]
fn a_goal_keeps_its_years_through_two_rollovers_graded_with_each_years_figures() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("t.db"), "t").expect("open");
    let first = store.plan_id(None).expect("id");
    let fy2024 = rolled(&mut store, first, |_| {});
    let fy2024 = set_actual(&mut store, &fy2024, "⑴-ア-1", 9_500);
    let fy2025 = rolled(&mut store, fy2024.id, |_| {});

    let history = store.history(&fy2025).expect("history");
    let (_, goal) = fy2025.goal(goal_ref("⑴-ア-1")).expect("goal");
    let years = history.of(goal);
    let summary: Vec<(i32, Value, Option<Decimal>, Status)> = years
        .iter()
        .map(|y| {
            (
                y.fiscal_year.0,
                y.actual.clone(),
                y.grade.rate(),
                y.grade.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                2023,
                Value::Number(Decimal::from(9_016)),
                Some(Decimal::from(90)),
                Status::Near
            ),
            (
                2024,
                Value::Number(Decimal::from(9_500)),
                Some(Decimal::from(95)),
                Status::Near
            ),
        ]
    );
    assert_eq!(
        history
            .previous(goal, fy2025.fiscal_year)
            .map(|y| y.fiscal_year),
        Some(FiscalYear(2024))
    );

    // FY2024 sees FY2023 only; a goal left without an actual in FY2024 is 未入力 there.
    let of_2024 = store.history(&fy2024).expect("history");
    let (_, goal_2024) = fy2024.goal(goal_ref("⑴-ア-1")).expect("goal");
    assert_eq!(of_2024.of(goal_2024).len(), 1);
    let (_, other) = fy2025.goal(goal_ref("⑴-ア-2")).expect("goal");
    let other_years = history.of(other);
    assert_eq!(other_years.len(), 2);
    assert_eq!(other_years[1].actual, Value::None);
    assert_eq!(
        other_years[1].grade.outcome,
        Outcome::NotComputable(crate::engine::NotComputable::MissingActual)
    );
}

#[test]
fn a_goal_added_in_the_later_year_has_no_history_and_titles_do_not_match_years() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("t.db"), "t").expect("open");
    let first = store.plan_id(None).expect("id");
    let before = store.load_plan(first).expect("load");
    let (_, copied) = before.goal(goal_ref("⑴-ア-1")).expect("goal");
    let copied = copied.clone();
    let fy2024 = rolled(&mut store, first, |next| {
        let goals = &mut next.initiatives[0].goals;
        let mut added = copied.clone();
        added.number = u32::try_from(goals.len()).expect("few goals") + 1;
        goals.push(added);
    });
    let history = store.history(&fy2024).expect("history");
    let added = fy2024.initiatives[0].goals.last().expect("added goal");
    assert_eq!(added.title, copied.title, "same title, another goal");
    assert!(history.of(added).is_empty());
    assert_eq!(history.previous(added, fy2024.fiscal_year), None);
    let (_, kept) = fy2024.goal(goal_ref("⑴-ア-1")).expect("goal");
    assert_eq!(history.of(kept).len(), 1);
}
