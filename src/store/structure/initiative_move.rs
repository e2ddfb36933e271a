//! An initiative moved (kind `move`, entity `initiative`, its spot before and after): within its
//! policy area the letters follow position (moving ⑴-イ up makes it ⑴-ア and ⑴-ア ⑴-イ), to
//! another area it takes the next free letter there and the area it left keeps its letters.
//! Goals are stored under the initiative's row, and handouts and links name rows by uid, so a
//! new code breaks nothing.

use super::initiative::{code_of, initiatives_of, place_initiatives};
use super::*;
use crate::model::InitiativeCode;
use crate::model::code::next_kana;
use crate::model::structure::InitiativeTo;
use crate::store::codec::INITIATIVE_ENTITY;
use crate::store::undo::UndoError;

/// Where an initiative stands now: its plan, area, index among the area's, letter and uid.
struct Standing {
    plan: PlanId,
    area: u8,
    at: usize,
    kana: String,
    uid: String,
}

fn standing(tx: &Transaction, id: i64) -> Result<Option<Standing>, StructureError> {
    let row = tx
        .query_row(
            "SELECT plan_id, area, kana, uid FROM initiative WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u8>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((plan, area, kana, uid)) = row else {
        return Ok(None);
    };
    let at = initiatives_of(tx, plan)?
        .into_iter()
        .filter(|(_, a, _)| *a == area)
        .position(|(i, ..)| i == id)
        .unwrap_or(0);
    Ok(Some(Standing {
        plan: PlanId(plan),
        area,
        at,
        kana,
        uid,
    }))
}

fn gone(id: i64) -> StructureError {
    StructureError::NotFound(format!("{INITIATIVE_ENTITY} {id}"))
}

pub(super) fn move_initiative(
    tx: &Transaction,
    actor: &str,
    initiative: InitiativeId,
    to: InitiativeTo,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let id = initiative.0;
    let before = standing(tx, id)?.ok_or_else(|| gone(id))?;
    let code = code_of(before.area, &before.kana);
    let (area, at) = match to {
        InitiativeTo::Within(to) => {
            let count = initiatives_of(tx, before.plan.0)?
                .iter()
                .filter(|(_, a, _)| *a == before.area)
                .count();
            let at = to
                .index(before.at, count)
                .ok_or_else(|| StructureError::CannotMove(code.clone(), before.at + 1, count))?;
            (before.area, at)
        }
        InitiativeTo::Area(area) if area == before.area => {
            return Err(StructureError::SameArea(code));
        }
        InitiativeTo::Area(area) => {
            if !area_exists(tx, before.plan, area)? {
                return Err(StructureError::NotFound(InitiativeCode::area_label(area)));
            }
            (area, usize::MAX)
        }
    };
    let recoded = place(tx, id, area, at, None)?;
    let after = standing(tx, id)?.ok_or_else(|| gone(id))?;
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: before.plan,
            entity: INITIATIVE_ENTITY,
            entity_id: id,
            uid: &before.uid,
            subject: &code,
            old: Some(&spot(&before)),
            new: Some(&spot(&after)),
            kind: ChangeKind::Move,
            reverts: None,
        },
        batch,
    )?;
    Ok(moved(before.plan, &code, &after, recoded, log_id))
}

fn spot(s: &Standing) -> Logged {
    Logged::Spot {
        area: s.area,
        at: s.at,
        kana: s.kana.clone(),
    }
}

fn moved(
    plan: PlanId,
    from: &str,
    after: &Standing,
    recoded: Vec<(String, String)>,
    log_id: i64,
) -> Restructured {
    Restructured {
        kind: ChangeKind::Move,
        by: None,
        plan,
        row: code_of(after.area, &after.kana),
        from: Some(from.to_string()),
        goal: None,
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded,
        log_id,
    }
}

/// A policy area of the plan: in its list of areas, or holding an initiative.
fn area_exists(tx: &Transaction, plan: PlanId, area: u8) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM policy_area WHERE plan_id = ?1 AND number = ?2)
             OR EXISTS (SELECT 1 FROM initiative WHERE plan_id = ?1 AND area = ?2)",
        params![plan.0, area],
        |r| r.get(0),
    )
}

/// Puts initiative `id` at index `at` of `area`'s initiatives (past the end: last). Within its
/// own area the area's letters are given out again in order; into another area it takes
/// `kana` when that is free there, else the letter after the area's last. Returns the codes
/// that changed: (before, after).
fn place(
    tx: &Transaction,
    id: i64,
    area: u8,
    at: usize,
    kana: Option<&str>,
) -> Result<Vec<(String, String)>, StructureError> {
    let now = standing(tx, id)?.ok_or_else(|| gone(id))?;
    let all = initiatives_of(tx, now.plan.0)?;
    let mut in_area: Vec<(i64, String)> = all
        .iter()
        .filter(|(i, a, _)| *a == area && *i != id)
        .map(|(i, _, k)| (*i, k.clone()))
        .collect();
    let mut recoded = Vec::new();
    if area == now.area {
        // Letters follow position: the area's letters, in the sheet's order, handed out anew.
        in_area.insert(at.min(in_area.len()), (id, now.kana.clone()));
        let mut letters: Vec<String> = in_area.iter().map(|(_, k)| k.clone()).collect();
        letters.sort_by_key(|k| k.chars().next().map_or(0, u32::from));
        // Out of UNIQUE(plan, area, kana)'s way first.
        let mut aside =
            tx.prepare_cached("UPDATE initiative SET kana = '~' || id WHERE id = ?1")?;
        for (i, _) in &in_area {
            aside.execute([i])?;
        }
        let mut set = tx.prepare_cached("UPDATE initiative SET kana = ?2 WHERE id = ?1")?;
        for ((i, old), new) in in_area.iter().zip(&letters) {
            set.execute(params![i, new])?;
            if old != new {
                recoded.push((code_of(area, old), code_of(area, new)));
            }
        }
    } else {
        let taken = |k: &str| in_area.iter().any(|(_, t)| t == k);
        let letter = match kana.filter(|k| !taken(k)) {
            Some(k) => k.to_string(),
            None => {
                let last = in_area
                    .iter()
                    .filter_map(|(_, k)| k.chars().next())
                    .max_by_key(|k| u32::from(*k));
                next_kana(last)
                    .ok_or_else(|| StructureError::AreaFull(InitiativeCode::area_label(area)))?
                    .to_string()
            }
        };
        tx.execute(
            "UPDATE initiative SET area = ?2, kana = ?3 WHERE id = ?1",
            params![id, area, letter],
        )?;
        recoded.push((code_of(now.area, &now.kana), code_of(area, &letter)));
        in_area.insert(at.min(in_area.len()), (id, letter));
    }
    // The plan's order: areas in order, each area's initiatives in theirs.
    let mut areas: Vec<u8> = all.iter().map(|(_, a, _)| *a).collect();
    areas.push(area);
    areas.sort_unstable();
    areas.dedup();
    let mut order = Vec::with_capacity(all.len());
    for a in areas {
        if a == area {
            order.extend(in_area.iter().map(|(i, _)| *i));
        } else {
            order.extend(
                all.iter()
                    .filter(|(i, b, _)| *b == a && *i != id)
                    .map(|(i, ..)| *i),
            );
        }
    }
    place_initiatives(tx, &order)?;
    Ok(recoded)
}

/// Undo's and redo's side: the initiative back to its logged spot (`back`), provided it stands
/// where the move left it (`was`) or `force`.
pub(super) fn revert_spot(
    tx: &Transaction,
    actor: &str,
    uid: &str,
    (back, was): (&Logged, &Logged),
    force: bool,
    (kind, reverts): (ChangeKind, i64),
    batch: &mut Option<i64>,
) -> Result<Restructured, UndoError> {
    let (
        Logged::Spot {
            area,
            at,
            kana: letter,
        },
        Logged::Spot {
            area: was_area,
            at: was_at,
            ..
        },
    ) = (back, was)
    else {
        return Err(StructureError::NotFound(uid.to_string()).into());
    };
    let id: i64 = tx
        .query_row("SELECT id FROM initiative WHERE uid = ?1", [uid], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StructureError::NotFound(uid.to_string()))?;
    let before = standing(tx, id)?.ok_or_else(|| gone(id))?;
    let code = code_of(before.area, &before.kana);
    if !force && (before.area != *was_area || before.at != *was_at) {
        return Err(StructureError::ChangedSince(code).into());
    }
    let recoded = place(tx, id, *area, *at, Some(letter))?;
    let after = standing(tx, id)?.ok_or_else(|| gone(id))?;
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: before.plan,
            entity: INITIATIVE_ENTITY,
            entity_id: id,
            uid,
            subject: &code,
            old: Some(&spot(&before)),
            new: Some(&spot(&after)),
            kind,
            reverts: Some(reverts),
        },
        batch,
    )?;
    Ok(moved(before.plan, &code, &after, recoded, log_id))
}
