//! Undo and redo of an added, removed or moved row: the logged row taken out, put back with its
//! uid, or moved back, refused when the row was changed since (unless forced).

use rusqlite::{OptionalExtension, Transaction};

use super::initiative::revert_initiative;
use super::initiative_move::revert_spot;
use super::part::revert_part;
use super::rows::{
    Logged, activity_rows, delete_activity, delete_goal, goal_rows, insert_activity, insert_goal,
};
use super::{
    LogRow, Restructured, StructureError, activities_of, activity_at, activity_subject,
    goal_at_or_gone, goals_of, log_row, logged_uid, place_activities, place_goals,
};
use crate::model::{EntityKind, GoalRef};
use crate::store::codec::entity_word;
use crate::store::log::ChangeKind;
use crate::store::undo::{UndoAction, UndoError};

/// A structural change-log row being taken back.
pub(in crate::store) struct Reverted<'a> {
    pub id: i64,
    /// `None` for an initiative's row.
    pub entity: Option<EntityKind>,
    pub entity_uid: &'a str,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
}

/// Takes the row from its `new` back to its `old` inside the caller's transaction, and logs it
/// as `action` in `batch`.
pub(in crate::store) fn revert_in(
    tx: &Transaction,
    actor: &str,
    row: &Reverted,
    action: UndoAction,
    force: bool,
    batch: &mut Option<i64>,
) -> Result<Restructured, UndoError> {
    let unreadable = || UndoError::Unreadable {
        action: action.word(),
        row: row.id,
    };
    let read = |s: Option<&str>| -> Result<Option<Logged>, UndoError> {
        s.map(serde_json::from_str::<Logged>)
            .transpose()
            .map_err(|_| unreadable())
    };
    let (target, expected) = (read(row.old)?, read(row.new)?);
    let changed = |subject: String| UndoError::RowChanged {
        action: action.word(),
        subject,
    };
    let kind = match action {
        UndoAction::Undo => ChangeKind::Undo,
        UndoAction::Redo => ChangeKind::Redo,
    };
    let id_of = |table: &str, uid: &str| -> rusqlite::Result<Option<i64>> {
        // The table is one of two names written below, never input.
        tx.query_row(
            &format!("SELECT id FROM {table} WHERE uid = ?1"),
            [uid],
            |r| r.get(0),
        )
        .optional()
    };
    let gone = |what: &str| UndoError::Restructure(StructureError::NotFound(what.to_string()));
    let initiative = |l: &Option<Logged>| match l {
        Some(Logged::Initiative(i)) => Some(i.clone()),
        _ => None,
    };
    let part = |l: &Option<Logged>| match l {
        Some(Logged::Part(p)) => Some(p.clone()),
        _ => None,
    };
    let (to, was) = (part(&target), part(&expected));
    if to.is_some() || was.is_some() {
        let done = revert_part(
            tx,
            actor,
            (to.as_ref(), was.as_ref()),
            force,
            (kind, row.id),
            batch,
        )
        .map_err(|e| match e {
            StructureError::ChangedSince(subject) => changed(subject),
            other => other.into(),
        })?;
        let mut done = done.ok_or_else(unreadable)?;
        done.by = Some(action);
        return Ok(done);
    }
    if let (Some(back @ Logged::Spot { .. }), Some(was @ Logged::Spot { .. })) =
        (&target, &expected)
    {
        let mut done = revert_spot(
            tx,
            actor,
            row.entity_uid,
            (back, was),
            force,
            (kind, row.id),
            batch,
        )
        .map_err(|e| match e {
            UndoError::Restructure(StructureError::ChangedSince(subject)) => changed(subject),
            other => other,
        })?;
        done.by = Some(action);
        return Ok(done);
    }
    let (to, was) = (initiative(&target), initiative(&expected));
    if to.is_some() || was.is_some() {
        let done = revert_initiative(
            tx,
            actor,
            (to.as_ref(), was.as_ref()),
            force,
            kind,
            row.id,
            batch,
        )
        .map_err(|e| match e {
            StructureError::ChangedSince(subject) => changed(subject),
            other => other.into(),
        })?;
        let mut done = done.ok_or_else(unreadable)?;
        done.by = Some(action);
        return Ok(done);
    }
    let mut done = match (&target, &expected) {
        (None, Some(Logged::Goal(logged))) => {
            let uid = logged.uid().unwrap_or_default();
            let id = id_of("goal", uid)?.ok_or_else(|| gone(uid))?;
            let place = goal_at_or_gone(tx, id)?;
            let mut order: Vec<i64> = goals_of(tx, place.initiative)?
                .into_iter()
                .map(|g| g.0)
                .collect();
            let at = order.iter().position(|g| *g == id).unwrap_or(0);
            let now = goal_rows(tx, id, at)?.ok_or_else(|| gone(uid))?;
            if !force && !now.same_as(logged) {
                return Err(changed(place.code.to_string()));
            }
            delete_goal(tx, id)?;
            order.retain(|g| *g != id);
            let renumbered = place_goals(tx, place.initiative, &order)?;
            let now = Logged::Goal(now);
            let subject = place.code.to_string();
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: place.plan,
                    entity: entity_word(EntityKind::Goal),
                    entity_id: id,
                    uid,
                    subject: &subject,
                    old: Some(&now),
                    new: None,
                    kind,
                    reverts: Some(row.id),
                },
                batch,
            )?;
            result(
                ChangeKind::Remove,
                place.plan,
                subject,
                None,
                renumbered_codes(renumbered, id),
                log_id,
            )
        }
        (Some(Logged::Goal(logged)), None) => {
            let initiative =
                id_of("initiative", &logged.initiative)?.ok_or_else(|| gone(&logged.initiative))?;
            if id_of("goal", logged.uid().unwrap_or_default())?.is_some() {
                return Err(changed(logged.title().unwrap_or_default().to_string()));
            }
            if let Some(sharer) = sharer_with_own_activities(tx, row.id, &logged.shared_by)? {
                return Err(changed(sharer.to_string()));
            }
            let mut order: Vec<i64> = goals_of(tx, initiative)?.into_iter().map(|g| g.0).collect();
            let last = i64::try_from(order.len()).unwrap_or(i64::MAX);
            let past: i64 = tx.query_row(
                "SELECT ifnull(max(number), 0) + 1 FROM goal WHERE initiative_id = ?1",
                [initiative],
                |r| r.get(0),
            )?;
            let id = insert_goal(tx, logged, initiative, past.max(last + 1))?;
            order.insert(logged.at.min(order.len()), id);
            let renumbered = place_goals(tx, initiative, &order)?;
            let place = goal_at_or_gone(tx, id)?;
            let at = order.iter().position(|g| *g == id).unwrap_or(0);
            let now = Logged::Goal(goal_rows(tx, id, at)?.ok_or_else(|| gone("goal"))?);
            let uid = logged_uid(&now);
            let subject = place.code.to_string();
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: place.plan,
                    entity: entity_word(EntityKind::Goal),
                    entity_id: id,
                    uid: &uid,
                    subject: &subject,
                    old: None,
                    new: Some(&now),
                    kind,
                    reverts: Some(row.id),
                },
                batch,
            )?;
            result(
                ChangeKind::Add,
                place.plan,
                subject,
                Some(place.code),
                renumbered_codes(renumbered, id),
                log_id,
            )
        }
        (None, Some(Logged::Activity(logged))) => {
            let uid = logged.uid().unwrap_or_default();
            let id = id_of("activity", uid)?.ok_or_else(|| gone(uid))?;
            let (place, at) = activity_at(tx, id)?.ok_or_else(|| gone(uid))?;
            let now = activity_rows(tx, id, at)?.ok_or_else(|| gone(uid))?;
            let subject = activity_subject(place.code, at);
            if !force && !now.same_as(logged) {
                return Err(changed(subject));
            }
            delete_activity(tx, id)?;
            let order: Vec<i64> = activities_of(tx, place.uid_id)?;
            place_activities(tx, place.uid_id, &order)?;
            let now = Logged::Activity(now);
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: place.plan,
                    entity: entity_word(EntityKind::Activity),
                    entity_id: id,
                    uid,
                    subject: &subject,
                    old: Some(&now),
                    new: None,
                    kind,
                    reverts: Some(row.id),
                },
                batch,
            )?;
            result(
                ChangeKind::Remove,
                place.plan,
                subject,
                Some(place.code),
                Vec::new(),
                log_id,
            )
        }
        (Some(Logged::Activity(logged)), None) => {
            let goal = id_of("goal", &logged.goal)?.ok_or_else(|| gone(&logged.goal))?;
            if id_of("activity", logged.uid().unwrap_or_default())?.is_some() {
                return Err(changed(logged.content().unwrap_or_default().to_string()));
            }
            let mut order = activities_of(tx, goal)?;
            let id = insert_activity(
                tx,
                logged,
                goal,
                i64::try_from(order.len()).unwrap_or(i64::MAX),
            )?;
            let at = logged.at.min(order.len());
            order.insert(at, id);
            place_activities(tx, goal, &order)?;
            let place = goal_at_or_gone(tx, goal)?;
            let now = Logged::Activity(activity_rows(tx, id, at)?.ok_or_else(|| gone("activity"))?);
            let uid = logged_uid(&now);
            let subject = activity_subject(place.code, at);
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: place.plan,
                    entity: entity_word(EntityKind::Activity),
                    entity_id: id,
                    uid: &uid,
                    subject: &subject,
                    old: None,
                    new: Some(&now),
                    kind,
                    reverts: Some(row.id),
                },
                batch,
            )?;
            result(
                ChangeKind::Add,
                place.plan,
                subject,
                Some(place.code),
                Vec::new(),
                log_id,
            )
        }
        (Some(Logged::Place { at: back }), Some(Logged::Place { at: was })) => match row.entity {
            Some(EntityKind::Goal) => {
                let id = id_of("goal", row.entity_uid)?.ok_or_else(|| gone(row.entity_uid))?;
                let place = goal_at_or_gone(tx, id)?;
                let mut order: Vec<i64> = goals_of(tx, place.initiative)?
                    .into_iter()
                    .map(|g| g.0)
                    .collect();
                let from = order.iter().position(|g| *g == id).unwrap_or(0);
                if !force && from != *was {
                    return Err(changed(place.code.to_string()));
                }
                order.remove(from);
                let to = (*back).min(order.len());
                order.insert(to, id);
                let renumbered = place_goals(tx, place.initiative, &order)?;
                let now = goal_at_or_gone(tx, id)?;
                let subject = place.code.to_string();
                let log_id = log_row(
                    tx,
                    actor,
                    &LogRow {
                        plan: place.plan,
                        entity: entity_word(EntityKind::Goal),
                        entity_id: id,
                        uid: row.entity_uid,
                        subject: &subject,
                        old: Some(&Logged::Place { at: from }),
                        new: Some(&Logged::Place { at: to }),
                        kind,
                        reverts: Some(row.id),
                    },
                    batch,
                )?;
                let mut done = result(
                    ChangeKind::Move,
                    place.plan,
                    now.code.to_string(),
                    Some(now.code),
                    renumbered_codes(renumbered, id),
                    log_id,
                );
                done.from = Some(subject);
                done
            }
            Some(EntityKind::Activity) => {
                let id = id_of("activity", row.entity_uid)?.ok_or_else(|| gone(row.entity_uid))?;
                let (place, from) = activity_at(tx, id)?.ok_or_else(|| gone(row.entity_uid))?;
                let subject = activity_subject(place.code, from);
                if !force && from != *was {
                    return Err(changed(subject));
                }
                let mut order = activities_of(tx, place.uid_id)?;
                order.remove(from);
                let to = (*back).min(order.len());
                order.insert(to, id);
                place_activities(tx, place.uid_id, &order)?;
                let log_id = log_row(
                    tx,
                    actor,
                    &LogRow {
                        plan: place.plan,
                        entity: entity_word(EntityKind::Activity),
                        entity_id: id,
                        uid: row.entity_uid,
                        subject: &subject,
                        old: Some(&Logged::Place { at: from }),
                        new: Some(&Logged::Place { at: to }),
                        kind,
                        reverts: Some(row.id),
                    },
                    batch,
                )?;
                let mut done = result(
                    ChangeKind::Move,
                    place.plan,
                    activity_subject(place.code, to),
                    Some(place.code),
                    Vec::new(),
                    log_id,
                );
                done.from = Some(subject);
                done
            }
            Some(EntityKind::Part) | None => return Err(unreadable()),
        },
        _ => return Err(unreadable()),
    };
    done.by = Some(action);
    Ok(done)
}

fn renumbered_codes(
    renumbered: Vec<(i64, GoalRef, GoalRef)>,
    except: i64,
) -> Vec<(GoalRef, GoalRef)> {
    renumbered
        .into_iter()
        .filter(|(g, ..)| *g != except)
        .map(|(_, a, b)| (a, b))
        .collect()
}

fn result(
    kind: ChangeKind,
    plan: crate::model::PlanId,
    row: String,
    goal: Option<GoalRef>,
    renumbered: Vec<(GoalRef, GoalRef)>,
    log_id: i64,
) -> Restructured {
    Restructured {
        kind,
        by: None,
        plan,
        row,
        from: None,
        goal,
        renumbered,
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    }
}

/// A goal that shared the removed goal's activities and, besides the copies the removal gave it
/// (logged as added in the removal's batch, `row`), holds activities of its own now: putting
/// the link back would hide them, so the undo is refused naming it.
fn sharer_with_own_activities(
    tx: &Transaction,
    row: i64,
    shared_by: &[String],
) -> Result<Option<GoalRef>, StructureError> {
    let mut own = tx.prepare_cached(
        "SELECT g.id FROM goal g JOIN activity a ON a.goal_id = g.id
         WHERE g.uid = ?1 AND a.uid NOT IN
             (SELECT entity_uid FROM change_log
              WHERE batch = (SELECT batch FROM change_log WHERE id = ?2)
                AND kind = ?3 AND entity = ?4)
         LIMIT 1",
    )?;
    for uid in shared_by {
        let found: Option<i64> = own
            .query_row(
                rusqlite::params![
                    uid,
                    row,
                    ChangeKind::Add.word(),
                    entity_word(EntityKind::Activity)
                ],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(goal) = found {
            return Ok(Some(goal_at_or_gone(tx, goal)?.code));
        }
    }
    Ok(None)
}
