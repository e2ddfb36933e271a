//! A goal or an activity moved within its list (kind `move`, the index before and after).

use super::*;

pub(super) fn move_goal(
    tx: &Transaction,
    actor: &str,
    goal: GoalId,
    to: usize,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let place = goal_at_or_gone(tx, goal.0)?;
    let mut order: Vec<i64> = goals_of(tx, place.initiative)?
        .into_iter()
        .map(|g| g.0)
        .collect();
    let from = order.iter().position(|g| *g == goal.0).unwrap_or(0);
    if to >= order.len() || to == from {
        return Err(StructureError::CannotMove(
            place.code.to_string(),
            from + 1,
            order.len(),
        ));
    }
    order.remove(from);
    order.insert(to, goal.0);
    let renumbered = place_goals(tx, place.initiative, &order)?;
    let now = goal_at_or_gone(tx, goal.0)?;
    let uid: String = tx.query_row("SELECT uid FROM goal WHERE id = ?1", [goal.0], |r| r.get(0))?;
    let subject = place.code.to_string();
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: place.plan,
            entity: entity_word(EntityKind::Goal),
            entity_id: goal.0,
            uid: &uid,
            subject: &subject,
            old: Some(&Logged::Place { at: from }),
            new: Some(&Logged::Place { at: to }),
            kind: ChangeKind::Move,
            reverts: None,
        },
        batch,
    )?;
    Ok(Restructured {
        kind: ChangeKind::Move,
        by: None,
        plan: place.plan,
        row: now.code.to_string(),
        from: Some(subject),
        goal: Some(now.code),
        renumbered: renumbered
            .into_iter()
            .filter(|(g, ..)| *g != goal.0)
            .map(|(_, a, b)| (a, b))
            .collect(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}

pub(super) fn move_activity(
    tx: &Transaction,
    actor: &str,
    activity: ActivityId,
    to: usize,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let (place, from) = activity_at(tx, activity.0)?.ok_or_else(|| activity_gone(activity.0))?;
    let mut order = activities_of(tx, place.uid_id)?;
    let subject = activity_subject(place.code, from);
    if to >= order.len() || to == from {
        return Err(StructureError::CannotMove(subject, from + 1, order.len()));
    }
    order.remove(from);
    order.insert(to, activity.0);
    place_activities(tx, place.uid_id, &order)?;
    let uid: String = tx.query_row(
        "SELECT uid FROM activity WHERE id = ?1",
        [activity.0],
        |r| r.get(0),
    )?;
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: place.plan,
            entity: entity_word(EntityKind::Activity),
            entity_id: activity.0,
            uid: &uid,
            subject: &subject,
            old: Some(&Logged::Place { at: from }),
            new: Some(&Logged::Place { at: to }),
            kind: ChangeKind::Move,
            reverts: None,
        },
        batch,
    )?;
    Ok(Restructured {
        kind: ChangeKind::Move,
        by: None,
        plan: place.plan,
        row: activity_subject(place.code, to),
        from: Some(subject),
        goal: Some(place.code),
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}
