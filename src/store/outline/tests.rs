use super::*;
use crate::model::Plan;
use crate::model::plan::Thresholds;
use crate::store::{ChangeKind, LoggedField, UndoError, UndoOptions};
use crate::strings::{Lang, pin_thread};
use rust_decimal::Decimal;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("t.db"), "tanaka").expect("open");
    (dir, store)
}

fn plan(store: &Store) -> Plan {
    let id = store.plan_id(None).expect("plan id");
    store.load_plan(id).expect("plan")
}

fn bands(achieved: i64, near: i64) -> Thresholds {
    Thresholds {
        achieved: Decimal::from(achieved),
        near: Decimal::from(near),
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
fn the_thresholds_are_written_logged_and_undone() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let edit = OutlineEdit::Thresholds {
        plan: before.id,
        thresholds: bands(95, 75),
    };
    let done = store
        .edit_outline(&edit, Some(&OutlineValue::Thresholds(before.thresholds)))
        .expect("written");
    assert_eq!(
        done.to_string(),
        format!("{} 評価基準: 100・80 → 95・75", before.slug)
    );
    assert_eq!(plan(&store).thresholds, bands(95, 75));
    let log = store.log(before.id, None).expect("log");
    let last = log.last().expect("a row");
    assert_eq!(
        (last.old_shown(), last.new_shown()),
        ("100・80".into(), "95・75".into())
    );
    assert_eq!(
        (last.kind, &last.field),
        (
            ChangeKind::Edit,
            &LoggedField::Outline(OutlineField::Thresholds)
        )
    );
    let undone = undo(&mut store).expect("undone");
    assert_eq!(undone.outlined.len(), 1);
    assert_eq!(plan(&store).thresholds, bands(100, 80));
    redo(&mut store).expect("redone");
    assert_eq!(plan(&store).thresholds, bands(95, 75));
}

#[test]
fn bands_that_do_not_nest_and_an_empty_title_write_nothing() {
    let _lang = pin_thread(Lang::En);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let refused = store.edit_outline(
        &OutlineEdit::Thresholds {
            plan: before.id,
            thresholds: bands(80, 90),
        },
        None,
    );
    assert!(matches!(refused, Err(OutlineError::Refused(_))));
    let refused = store.edit_outline(
        &OutlineEdit::PlanTitle {
            plan: before.id,
            title: " ".into(),
        },
        None,
    );
    assert!(matches!(refused, Err(OutlineError::Refused(_))));
    assert_eq!(plan(&store), before);
    assert!(matches!(undo(&mut store), Err(UndoError::NothingToUndo)));
}

#[test]
fn an_initiative_title_is_named_by_its_code_and_a_stale_one_is_refused() {
    let _lang = pin_thread(Lang::Ja);
    let (_dir, mut store) = store();
    let before = plan(&store);
    let first = &before.initiatives[0];
    let edit = OutlineEdit::InitiativeTitle {
        initiative: first.id,
        title: "行政手続のオンライン化".into(),
    };
    let done = store
        .edit_outline(&edit, Some(&OutlineValue::Text(first.title.clone())))
        .expect("written");
    assert_eq!(done.subject, "⑴-ア");
    assert_eq!(plan(&store).initiatives[0].title, "行政手続のオンライン化");
    let stale = store.edit_outline(
        &OutlineEdit::InitiativeTitle {
            initiative: first.id,
            title: "別の名前".into(),
        },
        Some(&OutlineValue::Text(first.title.clone())),
    );
    assert!(matches!(stale, Err(OutlineError::Conflict { .. })));
    let mut patched = before.clone();
    assert!(edit.apply_to(&mut patched));
    assert_eq!(patched, plan(&store), "the patch is what the store wrote");
    undo(&mut store).expect("undone");
    assert_eq!(plan(&store), before);
}
