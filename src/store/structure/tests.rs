use super::*;
use crate::model::structure::Seen;
use crate::model::{Edit, Plan, Value};
use crate::store::{ChangeKind, LoggedField, UndoError, UndoOptions};
use crate::strings::{Lang, pin_thread};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("t.db"), "tanaka").expect("open");
    (dir, store)
}

fn plan(store: &Store) -> Plan {
    let id = store.plan_id(None).expect("plan id");
    store.load_plan(id).expect("plan")
}

fn code(s: &str) -> GoalRef {
    s.parse().expect("code")
}

fn goal_id(plan: &Plan, r: &str) -> GoalId {
    plan.goal(code(r)).expect("goal").1.id
}

fn titles(plan: &Plan, initiative: usize) -> Vec<(u32, String)> {
    plan.initiatives[initiative]
        .goals
        .iter()
        .map(|g| (g.number, g.title.chars().take(6).collect()))
        .collect()
}

fn seen_goal(plan: &Plan, id: GoalId) -> Seen {
    plan.initiatives
        .iter()
        .find_map(|i| {
            let at = i.goals.iter().position(|g| g.id == id)?;
            Some(Seen {
                uid: i.goals[at].uid,
                at,
            })
        })
        .expect("goal")
}

fn seen_activity(plan: &Plan, id: ActivityId) -> Seen {
    plan.goals()
        .find_map(|(_, g)| {
            let at = g.activities.iter().position(|a| a.id == id)?;
            Some(Seen {
                uid: g.activities[at].uid,
                at,
            })
        })
        .expect("activity")
}

fn seen_part(plan: &Plan, id: crate::model::PartId) -> Seen {
    plan.goals()
        .find_map(|(_, g)| {
            let at = g.parts.iter().position(|p| p.id == id)?;
            Some(Seen {
                uid: g.parts[at].uid,
                at,
            })
        })
        .expect("part")
}

fn seen_initiative(plan: &Plan, id: InitiativeId) -> Seen {
    let at = plan
        .initiatives
        .iter()
        .position(|i| i.id == id)
        .expect("initiative");
    Seen {
        uid: plan.initiatives[at].uid,
        at,
    }
}

fn undo(store: &mut Store) -> Result<crate::store::Undone, UndoError> {
    let id = store.plan_id(None).expect("plan id");
    store.undo(id, UndoOptions::default())
}

fn redo(store: &mut Store) -> Result<crate::store::Undone, UndoError> {
    let id = store.plan_id(None).expect("plan id");
    store.redo(id, UndoOptions::default())
}

#[test]
fn a_goal_added_between_two_renumbers_the_later_ones_and_undo_takes_it_out() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let added = store
        .restructure(&Structure::AddGoal {
            initiative: before.initiatives[0].id,
            at: 1,
            title: "電子申請の利用件数".into(),
        })
        .expect("added");
    assert_eq!(added.row, "⑴-ア-2");
    assert_eq!(added.to_string(), "⑴-ア-2 を追加しました");
    assert_eq!(
        added.details(),
        ["⑴-ア-2 → ⑴-ア-3", "⑴-ア-3 → ⑴-ア-4"],
        "the later goals are renumbered"
    );
    let after = plan(&store);
    let new = &after.initiatives[0].goals[1];
    assert_eq!((new.number, new.title.as_str()), (2, "電子申請の利用件数"));
    assert_eq!(new.formula, FormulaKind::Ratio);
    assert!(new.target.is_none() && new.activities.is_empty());
    assert_eq!(
        after.initiatives[0].goals[2].title,
        before.initiatives[0].goals[1].title
    );
    let log = store.log(after.id, None).expect("log");
    let row = log.last().expect("a row");
    assert_eq!((row.kind, &row.field), (ChangeKind::Add, &LoggedField::Row));
    assert_eq!(row.subject, "⑴-ア-2");
    assert_eq!(row.new_shown(), "電子申請の利用件数");

    let undone = undo(&mut store).expect("undone");
    assert_eq!(
        undone.to_string(),
        "元に戻しました: 追加した ⑴-ア-2 を取り除きました"
    );
    assert_eq!(plan(&store), before, "the plan is as it was");
    redo(&mut store).expect("redone");
    let again = plan(&store);
    assert_eq!(
        again.initiatives[0].goals[1].uid, new.uid,
        "the same goal, by its uid"
    );
    assert_eq!(titles(&again, 0), titles(&after, 0));
}

#[test]
fn an_added_goal_needs_a_title() {
    let _lang = pin_thread(Lang::En);
    let (_dir, mut store) = store();
    let p = plan(&store);
    let e = store
        .restructure(&Structure::AddGoal {
            initiative: p.initiatives[0].id,
            at: 9,
            title: " ".into(),
        })
        .expect_err("refused");
    assert_eq!(e.to_string(), "⑴-ア-4: a new goal needs a title (目標名)");
    assert_eq!(plan(&store), p, "nothing written");
}

#[test]
fn an_activity_goes_where_asked_and_not_to_a_goal_that_shares_another_goals() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let e = store
        .restructure(&Structure::AddActivity {
            goal: goal_id(&before, "2-イ-6"),
            at: 0,
            content: "周知".into(),
            period: String::new(),
            sections: vec![],
        })
        .expect_err("refused");
    assert!(matches!(e, StructureError::TakesActivities(..)), "{e}");
    assert!(e.to_string().contains("⑴-ア-1 に追加してください"), "{e}");

    let added = store
        .restructure(&Structure::AddActivity {
            goal: goal_id(&before, "1-ア-1"),
            at: 0,
            content: "窓口での周知".into(),
            period: "R5.4".into(),
            sections: vec!["情報政策係".into(), "市民課".into()],
        })
        .expect("added");
    assert_eq!(added.to_string(), "⑴-ア-1 実施内容1 を追加しました");
    let after = plan(&store);
    let activities = &after.goal(code("1-ア-1")).expect("goal").1.activities;
    assert_eq!(activities.len(), 3);
    assert_eq!(activities[0].content, "窓口での周知");
    assert_eq!(activities[0].sections, ["情報政策係", "市民課"]);
    assert!(
        activities[0].period.is_parsed(),
        "R5.4 is read in the plan's year"
    );
    undo(&mut store).expect("undone");
    assert_eq!(plan(&store), before);
}

#[test]
fn a_goal_whose_activities_are_shared_is_removed_only_with_copies_and_undo_puts_all_back() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let goal = goal_id(&before, "1-ア-1");
    let e = store
        .restructure(&Structure::RemoveGoal {
            goal,
            seen: seen_goal(&plan(&store), goal),
            copy_activities: false,
        })
        .expect_err("refused");
    assert!(
        matches!(&e, StructureError::SharedBy(_, s) if *s == [code("2-イ-6")]),
        "{e}"
    );
    assert_eq!(plan(&store), before, "nothing written");

    let removed = store
        .restructure(&Structure::RemoveGoal {
            goal,
            seen: seen_goal(&plan(&store), goal),
            copy_activities: true,
        })
        .expect("removed");
    assert_eq!(removed.to_string(), "⑴-ア-1 を削除しました");
    assert_eq!(
        removed.details(),
        [
            "⑵-イ-6 に実施内容 2件を複製しました",
            "⑴-ア-2 → ⑴-ア-1",
            "⑴-ア-3 → ⑴-ア-2"
        ]
    );
    let after = plan(&store);
    let (_, sharer) = after.goal(code("2-イ-6")).expect("sharer");
    assert_eq!(sharer.activities_from, None);
    let own = &before.goal(code("1-ア-1")).expect("goal").1.activities;
    assert_eq!(
        sharer
            .activities
            .iter()
            .map(|a| &a.content)
            .collect::<Vec<_>>(),
        own.iter().map(|a| &a.content).collect::<Vec<_>>()
    );
    assert_eq!(after.initiatives[0].goals.len(), 2);

    let undone = undo(&mut store).expect("undone");
    assert_eq!(undone.restructured.len(), 3, "the goal and both copies");
    assert_eq!(
        plan(&store),
        before,
        "the goal is back with its id, uid and all"
    );
    redo(&mut store).expect("redone");
    assert_eq!(plan(&store), after);
}

#[test]
fn a_goal_moves_down_renumbered_and_back_on_undo() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let moved = store
        .restructure(&Structure::MoveGoal {
            goal: goal_id(&before, "1-オ-1"),
            seen: seen_goal(&plan(&store), goal_id(&before, "1-オ-1")),
            to: 1,
        })
        .expect("moved");
    assert_eq!(moved.to_string(), "⑴-オ-1 を ⑴-オ-2 へ移動しました");
    assert_eq!(moved.details(), ["⑴-オ-2 → ⑴-オ-1"]);
    let after = plan(&store);
    assert_eq!(
        after.initiatives[2].goals[1].uid,
        before.initiatives[2].goals[0].uid
    );
    let e = store
        .restructure(&Structure::MoveGoal {
            goal: goal_id(&after, "1-オ-2"),
            seen: seen_goal(&plan(&store), goal_id(&after, "1-オ-2")),
            to: 1,
        })
        .expect_err("where it is");
    assert!(matches!(e, StructureError::CannotMove(..)));
    let log = store.log(after.id, None).expect("log");
    let row = log.last().expect("row");
    assert_eq!(
        (row.kind, row.old_shown(), row.new_shown()),
        (ChangeKind::Move, "1".into(), "2".into())
    );
    undo(&mut store).expect("undone");
    assert_eq!(plan(&store), before);
}

#[test]
fn an_activity_removed_and_moved_comes_back_exactly() {
    let (_dir, mut store) = store();
    let before = plan(&store);
    let activities = &before.goal(code("1-ウ-1")).expect("goal").1.activities;
    store
        .restructure(&Structure::MoveActivity {
            activity: activities[3].id,
            seen: seen_activity(&plan(&store), activities[3].id),
            to: 0,
        })
        .expect("moved");
    let moved = plan(&store);
    assert_eq!(
        moved.goal(code("1-ウ-1")).expect("goal").1.activities[0].uid,
        activities[3].uid
    );
    store
        .restructure(&Structure::RemoveActivity {
            activity: activities[1].id,
            seen: seen_activity(&plan(&store), activities[1].id),
        })
        .expect("removed");
    assert_eq!(
        moved.goal(code("1-ウ-1")).expect("goal").1.activities.len(),
        4
    );
    assert_eq!(
        plan(&store)
            .goal(code("1-ウ-1"))
            .expect("goal")
            .1
            .activities
            .len(),
        3
    );
    undo(&mut store).expect("remove undone");
    assert_eq!(plan(&store), moved);
    undo(&mut store).expect("move undone");
    assert_eq!(plan(&store), before);
}

#[test]
fn an_added_goal_changed_since_is_not_taken_out_unless_forced() {
    let _lang = pin_thread(Lang::En);
    let (_dir, mut store) = store();
    let p = plan(&store);
    let added = store
        .restructure(&Structure::AddGoal {
            initiative: p.initiatives[0].id,
            at: 3,
            title: "新しい目標".into(),
        })
        .expect("added");
    let now = plan(&store);
    let goal = goal_id(&now, "1-ア-4");
    // Someone else sets its actual: the undo of the add would lose it.
    let mut other = Store::open(store.path(), "suzuki").expect("second");
    other
        .apply(
            &Edit::Actual {
                goal,
                value: Value::Number(5.into()),
            },
            None,
        )
        .expect("edited");
    let e = undo(&mut store).expect_err("refused");
    assert!(
        matches!(&e, UndoError::RowChanged { subject, .. } if *subject == added.row),
        "{e}"
    );
    assert!(e.to_string().contains("⑴-ア-4 was changed since"), "{e}");
    let id = store.plan_id(None).expect("id");
    store.undo(id, UndoOptions::force()).expect("forced");
    assert_eq!(plan(&store).initiatives[0].goals.len(), 3);
}

#[test]
fn an_edit_before_a_removal_is_undone_on_the_goal_put_back_not_on_a_row_that_took_its_id() {
    let (_dir, mut store) = store();
    let p = plan(&store);
    let last = goal_id(&p, "3-エ-1");
    store
        .apply(
            &Edit::Actual {
                goal: last,
                value: Value::Number(7.into()),
            },
            None,
        )
        .expect("edited");
    store
        .restructure(&Structure::RemoveGoal {
            goal: last,
            seen: seen_goal(&plan(&store), last),
            copy_activities: false,
        })
        .expect("removed");
    // Someone else adds a goal: SQLite hands it the freed id.
    let mut other = Store::open(store.path(), "suzuki").expect("second");
    let initiative = p.initiatives.last().expect("initiative").id;
    other
        .restructure(&Structure::AddGoal {
            initiative,
            at: 0,
            title: "別の目標".into(),
        })
        .expect("added");
    assert_eq!(goal_id(&plan(&store), "3-エ-1"), last, "the id is taken");
    undo(&mut store).expect("the removal undone");
    let back = plan(&store);
    let (_, restored) = back.goal(code("3-エ-1")).expect("put back in its place");
    assert_ne!(restored.id, last, "a new id, the same uid");
    undo(&mut store).expect("the edit undone");
    let after = plan(&store);
    assert_eq!(
        after.goal(code("3-エ-1")).expect("goal").1.actual,
        p.goal(code("3-エ-1")).expect("goal").1.actual
    );
    let (_, theirs) = after.goal(code("3-エ-2")).expect("theirs");
    assert_eq!(
        (theirs.title.as_str(), theirs.id),
        ("別の目標", last),
        "theirs untouched"
    );
}

#[test]
fn an_initiative_takes_the_next_letter_of_its_area_and_comes_back_whole_on_undo() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let added = store
        .restructure(&Structure::AddInitiative {
            plan: before.id,
            area: 1,
            title: "窓口改善".into(),
        })
        .expect("added");
    assert_eq!(added.to_string(), "⑴-カ を追加しました");
    let after = plan(&store);
    assert_eq!(
        after.initiatives[3].code.to_string(),
        "⑴-カ",
        "after ⑴-オ, before ⑵-ア"
    );
    assert_eq!(after.initiatives[4].code.to_string(), "⑵-ア");
    undo(&mut store).expect("undone");
    assert_eq!(plan(&store), before);

    let refused = store
        .restructure(&Structure::RemoveInitiative {
            initiative: before.initiatives[0].id,
            seen: seen_initiative(&plan(&store), before.initiatives[0].id),
        })
        .expect_err("⑵-イ-6 takes ⑴-ア-1's activities");
    assert!(matches!(refused, StructureError::SharedBy(..)), "{refused}");
    store
        .restructure(&Structure::RemoveInitiative {
            initiative: before.initiatives[2].id,
            seen: seen_initiative(&plan(&store), before.initiatives[2].id),
        })
        .expect("⑴-オ removed with its four goals");
    assert_eq!(plan(&store).goals().count(), before.goals().count() - 4);
    undo(&mut store).expect("undone");
    assert_eq!(plan(&store), before, "every goal back, with its uid");
}

#[test]
fn a_composite_goal_gains_and_loses_parts_and_undo_restores_them() {
    let _lang = pin_thread(Lang::En);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let composite = goal_id(&before, "1-オ-1");
    let e = store
        .restructure(&Structure::AddPart {
            goal: goal_id(&before, "1-ア-1"),
            label: "件数".into(),
            target: 3.into(),
            unit: String::new(),
        })
        .expect_err("not composite");
    assert!(matches!(e, StructureError::NotComposite(..)), "{e}");
    let added = store
        .restructure(&Structure::AddPart {
            goal: composite,
            label: "オンライン講習回数".into(),
            target: 3.into(),
            unit: "回".into(),
        })
        .expect("added");
    assert_eq!(added.row, "⑴-オ-1 オンライン講習回数");
    let parts = &plan(&store)
        .goal(code("1-オ-1"))
        .expect("goal")
        .1
        .parts
        .clone();
    assert_eq!(parts.len(), 3);
    assert_eq!(
        (parts[2].label.as_str(), parts[2].actual),
        ("オンライン講習回数", None)
    );
    let first = before.goal(code("1-オ-1")).expect("goal").1.parts[0].id;
    store
        .restructure(&Structure::RemovePart {
            part: first,
            seen: seen_part(&plan(&store), first),
        })
        .expect("removed");
    assert_eq!(
        plan(&store).goal(code("1-オ-1")).expect("goal").1.parts[0].label,
        "参加者数"
    );
    undo(&mut store).expect("removal undone");
    undo(&mut store).expect("addition undone");
    assert_eq!(plan(&store), before);
}

#[test]
fn a_removal_chosen_before_its_id_was_reused_or_its_row_moved_is_refused() {
    let _lang = pin_thread(Lang::En);
    let (_dir, mut store) = store();
    let before = plan(&store);
    // The clerk chooses the goal stored last (its id is the one SQLite hands out again) …
    let chosen = before.goals().map(|(_, g)| g.id).max().expect("goals");
    let seen = seen_goal(&before, chosen);
    // … while another removes it and adds a goal, which takes the freed id.
    store
        .restructure(&Structure::RemoveGoal {
            goal: chosen,
            seen,
            copy_activities: false,
        })
        .expect("removed");
    let added = store
        .restructure(&Structure::AddGoal {
            initiative: before.initiatives[2].id,
            at: 0,
            title: "新しい目標".into(),
        })
        .expect("added");
    let now = plan(&store);
    assert_eq!(
        now.goal(added.goal.expect("goal")).expect("added").1.id,
        chosen,
        "the freed id is reused"
    );
    let stale = Structure::RemoveGoal {
        goal: chosen,
        seen,
        copy_activities: false,
    };
    let e = store.restructure(&stale).expect_err("another goal now");
    assert!(matches!(e, StructureError::NotAsChosen), "{e}");
    assert!(e.to_string().contains("changed since you chose it"), "{e}");
    assert_eq!(plan(&store), now, "nothing written");

    // A move chosen at one place of a row that has moved since is refused too.
    let first = goal_id(&now, "1-オ-2");
    let seen_first = seen_goal(&now, first);
    store
        .restructure(&Structure::MoveGoal {
            goal: first,
            seen: seen_first,
            to: 0,
        })
        .expect("moved");
    let e = store
        .restructure(&Structure::MoveGoal {
            goal: first,
            seen: seen_first,
            to: 2,
        })
        .expect_err("moved since");
    assert!(matches!(e, StructureError::NotAsChosen), "{e}");
}

#[test]
fn an_initiative_put_back_by_undo_has_its_goals_in_place_and_a_rollover_links_each_to_itself() {
    let (_dir, mut store) = store();
    let before = plan(&store);
    let initiative = before.initiatives[2].id;
    store
        .restructure(&Structure::RemoveInitiative {
            initiative,
            seen: seen_initiative(&before, initiative),
        })
        .expect("removed");
    undo(&mut store).expect("undone");
    let back = plan(&store);
    let positions: Vec<i64> = {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT g.position FROM goal g JOIN initiative i ON i.id = g.initiative_id
                 WHERE i.uid = ?1 ORDER BY g.number",
            )
            .expect("query");
        stmt.query_map([back.initiatives[2].uid.to_string()], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("positions")
    };
    assert_eq!(positions, [0, 1, 2, 3], "0-based, as everywhere else");

    let next = crate::model::rollover::roll_over(&back, "ibusuki-dx-r6".into()).plan;
    let id = store.roll_over(&back, &next).expect("rolled over");
    let rolled = store.load_plan(id).expect("load");
    let links = store.year_links(id).expect("links");
    for (r, goal) in rolled.goals() {
        let (_, old) = back.goal(r).expect("last year's goal");
        assert_eq!(links.previous_of(goal.uid), Some(old.uid), "{r}");
    }
}

#[test]
fn a_removed_goal_is_not_put_back_over_a_sharer_that_has_activities_of_its_own_since() {
    let _lang = pin_thread(Lang::En);
    let (dir, mut store) = store();
    let before = plan(&store);
    let goal = goal_id(&before, "1-ア-1");
    store
        .restructure(&Structure::RemoveGoal {
            goal,
            seen: seen_goal(&before, goal),
            copy_activities: true,
        })
        .expect("removed with copies");
    // Another clerk adds an activity of ⑵-イ-6's own.
    let mut other = Store::open(&dir.path().join("t.db"), "sato").expect("open");
    let copied = plan(&other);
    other
        .restructure(&Structure::AddActivity {
            goal: goal_id(&copied, "2-イ-6"),
            at: 9,
            content: "独自の取組".into(),
            period: String::new(),
            sections: Vec::new(),
        })
        .expect("added");
    let now = plan(&store);
    let e = undo(&mut store).expect_err("⑵-イ-6 has its own activity now");
    assert!(
        matches!(&e, UndoError::RowChanged { subject, .. } if subject == "⑵-イ-6"),
        "{e}"
    );
    assert_eq!(plan(&store), now, "nothing written");
}
