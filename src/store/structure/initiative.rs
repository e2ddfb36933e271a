//! An initiative added (its code the letter after its policy area's last) or removed with its
//! goals, logged whole (entity `initiative`) so that undo takes it out or puts it back.

use super::rows::{InitiativeRows, delete_initiative, initiative_rows, insert_initiative};
use super::*;
use crate::model::InitiativeCode;
use crate::model::code::next_kana;
use crate::store::codec::INITIATIVE_ENTITY;

/// The plan's initiatives in order: (id, area, kana).
pub(super) fn initiatives_of(
    tx: &Transaction,
    plan: i64,
) -> rusqlite::Result<Vec<(i64, u8, String)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, area, kana FROM initiative WHERE plan_id = ?1 ORDER BY position, id",
    )?;
    stmt.query_map([plan], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect()
}

/// Gives the plan's initiatives the order `order`, positions from 0.
pub(super) fn place_initiatives(tx: &Transaction, order: &[i64]) -> rusqlite::Result<()> {
    let mut set = tx.prepare_cached("UPDATE initiative SET position = ?2 WHERE id = ?1")?;
    for (i, id) in order.iter().enumerate() {
        set.execute(params![id, index(i)])?;
    }
    Ok(())
}

/// `⑴-カ`, as stored.
pub(super) fn code_of(area: u8, kana: &str) -> String {
    match kana.chars().next() {
        Some(kana) => InitiativeCode { area, kana }.to_string(),
        None => area.to_string(),
    }
}

pub(super) fn add_initiative(
    tx: &Transaction,
    actor: &str,
    plan: PlanId,
    area: u8,
    title: &str,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let mut order = initiatives_of(tx, plan.0)?;
    let last = order
        .iter()
        .filter(|(_, a, _)| *a == area)
        .filter_map(|(_, _, k)| k.chars().next())
        .max_by_key(|k| u32::from(*k));
    let kana = next_kana(last)
        .ok_or_else(|| StructureError::NotFound(InitiativeCode::area_label(area)))?;
    let code = InitiativeCode { area, kana }.to_string();
    check_initiative_title(&code, title)?;
    tx.execute(
        "INSERT INTO initiative (plan_id, area, kana, title, position) VALUES (?1, ?2, ?3, ?4, -1)",
        params![plan.0, area, kana.to_string(), title],
    )?;
    let id = tx.last_insert_rowid();
    // After the area's last initiative, else before the first of a later area.
    let at = order
        .iter()
        .rposition(|(_, a, _)| *a <= area)
        .map_or(0, |i| i + 1);
    order.insert(at, (id, area, kana.to_string()));
    let ids: Vec<i64> = order.iter().map(|o| o.0).collect();
    place_initiatives(tx, &ids)?;
    let rows =
        initiative_rows(tx, id, at)?.ok_or_else(|| StructureError::NotFound(code.clone()))?;
    let uid = rows.uid().unwrap_or_default().to_string();
    let logged = Logged::Initiative(rows);
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan,
            entity: INITIATIVE_ENTITY,
            entity_id: id,
            uid: &uid,
            subject: &code,
            old: None,
            new: Some(&logged),
            kind: ChangeKind::Add,
            reverts: None,
        },
        batch,
    )?;
    Ok(Restructured {
        kind: ChangeKind::Add,
        by: None,
        plan,
        row: code,
        from: None,
        goal: None,
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}

/// Refused while a goal of another initiative takes one of its goals' activities.
pub(super) fn remove_initiative(
    tx: &Transaction,
    actor: &str,
    initiative: InitiativeId,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let found: Option<(i64, u8, String)> = tx
        .query_row(
            "SELECT plan_id, area, kana FROM initiative WHERE id = ?1",
            [initiative.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((plan, area, kana)) = found else {
        return Err(StructureError::NotFound(initiative.0.to_string()));
    };
    let code = code_of(area, &kana);
    let outside: Vec<(i64, i64)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT s.id, s.activities_from FROM goal s JOIN goal g ON g.id = s.activities_from
             WHERE g.initiative_id = ?1 AND s.initiative_id <> ?1 ORDER BY s.id",
        )?;
        stmt.query_map([initiative.0], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    if let Some((_, source)) = outside.first() {
        let source = goal_at_or_gone(tx, *source)?;
        let mut sharing = Vec::new();
        for (s, from) in &outside {
            if *from == source.uid_id {
                sharing.push(goal_at_or_gone(tx, *s)?.code);
            }
        }
        return Err(StructureError::SharedBy(source.code, sharing));
    }
    let mut order: Vec<i64> = initiatives_of(tx, plan)?.into_iter().map(|o| o.0).collect();
    let at = order.iter().position(|i| *i == initiative.0).unwrap_or(0);
    let rows = initiative_rows(tx, initiative.0, at)?
        .ok_or_else(|| StructureError::NotFound(code.clone()))?;
    delete_initiative(tx, initiative.0)?;
    order.retain(|i| *i != initiative.0);
    place_initiatives(tx, &order)?;
    let uid = rows.uid().unwrap_or_default().to_string();
    let logged = Logged::Initiative(rows);
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: PlanId(plan),
            entity: INITIATIVE_ENTITY,
            entity_id: initiative.0,
            uid: &uid,
            subject: &code,
            old: Some(&logged),
            new: None,
            kind: ChangeKind::Remove,
            reverts: None,
        },
        batch,
    )?;
    Ok(Restructured {
        kind: ChangeKind::Remove,
        by: None,
        plan: PlanId(plan),
        row: code,
        from: None,
        goal: None,
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}

/// A new initiative's title: not empty, no control character.
fn check_initiative_title(code: &str, title: &str) -> Result<(), StructureError> {
    if title.trim().is_empty() {
        return Err(StructureError::EmptyInitiativeTitle(code.to_string()));
    }
    // The same characters a goal's title refuses.
    check_title(code, title)?;
    Ok(())
}

/// Takes out an added initiative (refused when changed since, unless forced) or puts a removed
/// one back; the undo's or redo's log row. `sides` is (where the row goes, what it was).
pub(super) fn revert_initiative(
    tx: &Transaction,
    actor: &str,
    sides: (Option<&InitiativeRows>, Option<&InitiativeRows>),
    force: bool,
    kind: ChangeKind,
    reverts: i64,
    batch: &mut Option<i64>,
) -> Result<Option<Restructured>, StructureError> {
    let id_of = |uid: &str| -> rusqlite::Result<Option<(i64, i64, u8, String)>> {
        tx.query_row(
            "SELECT id, plan_id, area, kana FROM initiative WHERE uid = ?1",
            [uid],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
    };
    match sides {
        (None, Some(logged)) => {
            let uid = logged.uid().unwrap_or_default();
            let (id, plan, area, kana) =
                id_of(uid)?.ok_or_else(|| StructureError::NotFound(uid.to_string()))?;
            let mut order: Vec<i64> = initiatives_of(tx, plan)?.into_iter().map(|o| o.0).collect();
            let at = order.iter().position(|i| *i == id).unwrap_or(0);
            let now = initiative_rows(tx, id, at)?
                .ok_or_else(|| StructureError::NotFound(uid.to_string()))?;
            let code = code_of(area, &kana);
            if !force && !now.same_as(logged) {
                return Err(StructureError::ChangedSince(code));
            }
            delete_initiative(tx, id)?;
            order.retain(|i| *i != id);
            place_initiatives(tx, &order)?;
            let now = Logged::Initiative(now);
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: PlanId(plan),
                    entity: INITIATIVE_ENTITY,
                    entity_id: id,
                    uid,
                    subject: &code,
                    old: Some(&now),
                    new: None,
                    kind,
                    reverts: Some(reverts),
                },
                batch,
            )?;
            Ok(Some(initiative_done(
                ChangeKind::Remove,
                PlanId(plan),
                code,
                log_id,
            )))
        }
        (Some(logged), None) => {
            let uid = logged.uid().unwrap_or_default();
            if id_of(uid)?.is_some() {
                return Err(StructureError::ChangedSince(uid.to_string()));
            }
            let plan = logged
                .initiative
                .get("plan_id")
                .and_then(serde_json::Value::as_i64)
                .ok_or_else(|| StructureError::NotFound(uid.to_string()))?;
            let mut order: Vec<i64> = initiatives_of(tx, plan)?.into_iter().map(|o| o.0).collect();
            let id = insert_initiative(tx, logged, plan, -1)?;
            order.insert(logged.at.min(order.len()), id);
            place_initiatives(tx, &order)?;
            let (_, _, area, kana) =
                id_of(uid)?.ok_or_else(|| StructureError::NotFound(uid.to_string()))?;
            let code = code_of(area, &kana);
            let at = order.iter().position(|i| *i == id).unwrap_or(0);
            let now = Logged::Initiative(
                initiative_rows(tx, id, at)?
                    .ok_or_else(|| StructureError::NotFound(code.clone()))?,
            );
            let log_id = log_row(
                tx,
                actor,
                &LogRow {
                    plan: PlanId(plan),
                    entity: INITIATIVE_ENTITY,
                    entity_id: id,
                    uid,
                    subject: &code,
                    old: None,
                    new: Some(&now),
                    kind,
                    reverts: Some(reverts),
                },
                batch,
            )?;
            Ok(Some(initiative_done(
                ChangeKind::Add,
                PlanId(plan),
                code,
                log_id,
            )))
        }
        _ => Ok(None),
    }
}

fn initiative_done(kind: ChangeKind, plan: PlanId, row: String, log_id: i64) -> Restructured {
    Restructured {
        kind,
        by: None,
        plan,
        row,
        from: None,
        goal: None,
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    }
}
