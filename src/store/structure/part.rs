//! A composite goal's part added (after its last) or removed, logged whole (entity `part`) so
//! that undo takes it out or puts it back with its uid.

use rust_decimal::Decimal;

use super::rows::{PartRows, insert_part, part_rows};
use super::*;
use crate::model::PartId;
use crate::store::codec::decimal_text;

/// The goal's parts in order: their ids.
fn parts_of(tx: &Transaction, goal: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM goal_part WHERE goal_id = ?1 ORDER BY position")?;
    stmt.query_map([goal], |r| r.get(0))?.collect()
}

/// Gives the goal's parts the order `order`, positions from 0 (moved out of the way first:
/// UNIQUE(goal, position)).
fn place_parts(tx: &Transaction, goal: i64, order: &[i64]) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE goal_part SET position = -1 - position WHERE goal_id = ?1",
        [goal],
    )?;
    let mut set = tx.prepare_cached("UPDATE goal_part SET position = ?2 WHERE id = ?1")?;
    for (i, id) in order.iter().enumerate() {
        set.execute(params![id, index(i)])?;
    }
    Ok(())
}

/// `⑴-オ-1 開催回数`: how the log names a part.
fn part_subject(goal: GoalRef, label: &str) -> String {
    format!("{goal} {label}")
}

/// A new part: for a composite goal only, with a label and a 目標値 above 0.
pub(super) fn add_part(
    tx: &Transaction,
    actor: &str,
    goal: GoalId,
    label: &str,
    target: Decimal,
    unit: &str,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let place = goal_at_or_gone(tx, goal.0)?;
    let formula: String =
        tx.query_row("SELECT formula FROM goal WHERE id = ?1", [goal.0], |r| {
            r.get(0)
        })?;
    if formula != FormulaKind::Composite.word() {
        return Err(StructureError::NotComposite(place.code, formula));
    }
    let subject = part_subject(place.code, label);
    check_title(&subject, label)?;
    check_title(&subject, unit).or_else(|e| match e {
        RowRefusal::EmptyTitle { .. } => Ok(()),
        other => Err(other),
    })?;
    if target <= Decimal::ZERO {
        return Err(StructureError::PartTarget(subject));
    }
    tx.execute(
        "INSERT INTO goal_part (goal_id, position, label, unit, target)
         VALUES (?1, (SELECT ifnull(max(position), -1) + 1 FROM goal_part WHERE goal_id = ?1),
                 ?2, ?3, ?4)",
        params![goal.0, label.trim(), unit.trim(), decimal_text(&target)],
    )?;
    let id = tx.last_insert_rowid();
    let at = parts_of(tx, goal.0)?.len().saturating_sub(1);
    let rows = part_rows(tx, id, at)?.ok_or_else(|| StructureError::NotFound(subject.clone()))?;
    let uid = rows.uid().unwrap_or_default().to_string();
    let logged = Logged::Part(rows);
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: place.plan,
            entity: entity_word(EntityKind::Part),
            entity_id: id,
            uid: &uid,
            subject: &subject,
            old: None,
            new: Some(&logged),
            kind: ChangeKind::Add,
            reverts: None,
        },
        batch,
    )?;
    Ok(part_done(ChangeKind::Add, place, subject, log_id))
}

pub(super) fn remove_part(
    tx: &Transaction,
    actor: &str,
    part: PartId,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let gone = || StructureError::NotFound(format!("{} {}", entity_word(EntityKind::Part), part.0));
    let goal: i64 = tx
        .query_row(
            "SELECT goal_id FROM goal_part WHERE id = ?1",
            [part.0],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(gone)?;
    let place = goal_at_or_gone(tx, goal)?;
    let mut order = parts_of(tx, goal)?;
    let at = order.iter().position(|p| *p == part.0).unwrap_or(0);
    let rows = part_rows(tx, part.0, at)?.ok_or_else(gone)?;
    let subject = part_subject(place.code, rows.label().unwrap_or_default());
    tx.execute("DELETE FROM goal_part WHERE id = ?1", [part.0])?;
    order.retain(|p| *p != part.0);
    place_parts(tx, goal, &order)?;
    let uid = rows.uid().unwrap_or_default().to_string();
    let logged = Logged::Part(rows);
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: place.plan,
            entity: entity_word(EntityKind::Part),
            entity_id: part.0,
            uid: &uid,
            subject: &subject,
            old: Some(&logged),
            new: None,
            kind: ChangeKind::Remove,
            reverts: None,
        },
        batch,
    )?;
    Ok(part_done(ChangeKind::Remove, place, subject, log_id))
}

fn part_done(kind: ChangeKind, place: GoalAt, row: String, log_id: i64) -> Restructured {
    Restructured {
        kind,
        by: None,
        plan: place.plan,
        row,
        from: None,
        goal: Some(place.code),
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    }
}

/// Takes out an added part (refused when changed since, unless forced) or puts a removed one
/// back; the undo's or redo's log row. `sides` is (where the row goes, what it was).
pub(super) fn revert_part(
    tx: &Transaction,
    actor: &str,
    sides: (Option<&PartRows>, Option<&PartRows>),
    force: bool,
    (kind, reverts): (ChangeKind, i64),
    batch: &mut Option<i64>,
) -> Result<Option<Restructured>, StructureError> {
    let id_of = |table: &str, uid: &str| -> rusqlite::Result<Option<i64>> {
        // One of two table names written below, never input.
        tx.query_row(
            &format!("SELECT id FROM {table} WHERE uid = ?1"),
            [uid],
            |r| r.get(0),
        )
        .optional()
    };
    let gone = |what: &str| StructureError::NotFound(what.to_string());
    let (done, id, uid, old, new) = match sides {
        (None, Some(logged)) => {
            let uid = logged.uid().unwrap_or_default();
            let id = id_of("goal_part", uid)?.ok_or_else(|| gone(uid))?;
            let goal: i64 =
                tx.query_row("SELECT goal_id FROM goal_part WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            let place = goal_at_or_gone(tx, goal)?;
            let mut order = parts_of(tx, goal)?;
            let at = order.iter().position(|p| *p == id).unwrap_or(0);
            let now = part_rows(tx, id, at)?.ok_or_else(|| gone(uid))?;
            let subject = part_subject(place.code, now.label().unwrap_or_default());
            if !force && !now.same_as(logged) {
                return Err(StructureError::ChangedSince(subject));
            }
            tx.execute("DELETE FROM goal_part WHERE id = ?1", [id])?;
            order.retain(|p| *p != id);
            place_parts(tx, goal, &order)?;
            let done = part_done(ChangeKind::Remove, place, subject, 0);
            (done, id, uid.to_string(), Some(Logged::Part(now)), None)
        }
        (Some(logged), None) => {
            let uid = logged.uid().unwrap_or_default();
            if id_of("goal_part", uid)?.is_some() {
                return Err(StructureError::ChangedSince(uid.to_string()));
            }
            let goal = id_of("goal", &logged.goal)?.ok_or_else(|| gone(&logged.goal))?;
            let place = goal_at_or_gone(tx, goal)?;
            let mut order = parts_of(tx, goal)?;
            let id = insert_part(tx, logged, goal, -1 - index(order.len()))?;
            let at = logged.at.min(order.len());
            order.insert(at, id);
            place_parts(tx, goal, &order)?;
            let now = part_rows(tx, id, at)?.ok_or_else(|| gone(uid))?;
            let subject = part_subject(place.code, now.label().unwrap_or_default());
            let done = part_done(ChangeKind::Add, place, subject, 0);
            (done, id, uid.to_string(), None, Some(Logged::Part(now)))
        }
        _ => return Ok(None),
    };
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: done.plan,
            entity: entity_word(EntityKind::Part),
            entity_id: id,
            uid: &uid,
            subject: &done.row,
            old: old.as_ref(),
            new: new.as_ref(),
            kind,
            reverts: Some(reverts),
        },
        batch,
    )?;
    Ok(Some(Restructured { log_id, ..done }))
}
