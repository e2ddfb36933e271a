//! The row a removal or move names, checked against what the clerk chose: an id freed by a
//! removal may name another row since, and a row may have moved.

use rusqlite::{OptionalExtension, Transaction};

use super::StructureError;
use crate::model::structure::{Seen, Structure};

/// Refuses `change` when the row its id names now is not the one the clerk saw (another uid),
/// or is not where they saw it. A row gone is left to the change itself to say.
pub(super) fn check_seen(tx: &Transaction, change: &Structure) -> Result<(), StructureError> {
    let (sql, id, seen) = match change {
        Structure::RemoveGoal { goal, seen, .. } | Structure::MoveGoal { goal, seen, .. } => (
            "SELECT uid, (SELECT count(*) FROM goal o WHERE o.initiative_id = g.initiative_id
                          AND (o.position, o.number) < (g.position, g.number))
             FROM goal g WHERE id = ?1",
            goal.0,
            seen,
        ),
        Structure::RemoveActivity { activity, seen }
        | Structure::MoveActivity { activity, seen, .. } => (
            "SELECT uid, (SELECT count(*) FROM activity o WHERE o.goal_id = a.goal_id
                          AND (o.position, o.id) < (a.position, a.id))
             FROM activity a WHERE id = ?1",
            activity.0,
            seen,
        ),
        Structure::RemovePart { part, seen } => (
            "SELECT uid, (SELECT count(*) FROM goal_part o WHERE o.goal_id = p.goal_id
                          AND (o.position, o.id) < (p.position, p.id))
             FROM goal_part p WHERE id = ?1",
            part.0,
            seen,
        ),
        Structure::RemoveInitiative { initiative, seen } => (
            "SELECT uid, (SELECT count(*) FROM initiative o WHERE o.plan_id = i.plan_id
                          AND (o.position, o.id) < (i.position, i.id))
             FROM initiative i WHERE id = ?1",
            initiative.0,
            seen,
        ),
        _ => return Ok(()),
    };
    let now: Option<(String, i64)> = tx
        .query_row(sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match now {
        Some((uid, at)) if !same(&uid, at, seen) => Err(StructureError::NotAsChosen),
        _ => Ok(()),
    }
}

fn same(uid: &str, at: i64, seen: &Seen) -> bool {
    uid == seen.uid.to_string() && usize::try_from(at).is_ok_and(|at| at == seen.at)
}
