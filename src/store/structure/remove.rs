//! A goal or an activity removed: logged whole with its children (kind `remove`) so that undo
//! puts it back; goals sharing a removed goal's activities get a copy first, or refuse it.

use super::*;

pub(super) fn remove_goal(
    tx: &Transaction,
    actor: &str,
    goal: GoalId,
    copy: bool,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let place = goal_at_or_gone(tx, goal.0)?;
    let sharers: Vec<i64> = {
        let mut stmt =
            tx.prepare_cached("SELECT id FROM goal WHERE activities_from = ?1 ORDER BY id")?;
        stmt.query_map([goal.0], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut sharing = Vec::new();
    for s in &sharers {
        sharing.extend(goal_at(tx, *s)?);
    }
    if !sharing.is_empty() && !copy {
        return Err(StructureError::SharedBy(
            place.code,
            sharing.iter().map(|s| s.code).collect(),
        ));
    }
    let mut order: Vec<i64> = goals_of(tx, place.initiative)?
        .into_iter()
        .map(|g| g.0)
        .collect();
    let at = order.iter().position(|g| *g == goal.0).unwrap_or(0);
    let rows = goal_rows(tx, goal.0, at)?
        .ok_or_else(|| StructureError::NotFound(place.code.to_string()))?;
    // Goals that took its activities get their own copy, each copy logged as added.
    let mut copied = Vec::new();
    for sharer in &sharing {
        tx.execute(
            "UPDATE goal SET activities_from = NULL WHERE id = ?1",
            [sharer.uid_id],
        )?;
        for (i, a) in rows.activities.iter().enumerate() {
            let new = NewActivity {
                content: a.content().unwrap_or_default(),
                period: "",
                sections: &a.sections,
            };
            let id = insert_new_activity(tx, place.plan, sharer.uid_id, &new)?;
            // The copy keeps the 時期 and status as stored, not read again.
            tx.execute(
                "UPDATE activity SET (period_raw, period_start, period_end, status) =
                     (SELECT period_raw, period_start, period_end, status FROM activity WHERE id = ?2)
                 WHERE id = ?1",
                params![id, a.activity.get("id").and_then(serde_json::Value::as_i64)],
            )?;
            let subject = activity_subject(sharer.code, i);
            let copy = activity_rows(tx, id, i)?
                .ok_or_else(|| StructureError::NotFound(subject.clone()))?;
            let logged = Logged::Activity(copy);
            let uid = logged_uid(&logged);
            log_row(
                tx,
                actor,
                &LogRow {
                    plan: place.plan,
                    entity: entity_word(EntityKind::Activity),
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
        }
        copied.push((sharer.code, rows.activities.len()));
    }
    delete_goal(tx, goal.0)?;
    order.retain(|g| *g != goal.0);
    let renumbered = place_goals(tx, place.initiative, &order)?;
    let logged = Logged::Goal(rows);
    let uid = logged_uid(&logged);
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
        plan: place.plan,
        row: subject,
        from: None,
        goal: None,
        renumbered: renumbered.into_iter().map(|(_, a, b)| (a, b)).collect(),
        copied,
        recoded: Vec::new(),
        log_id,
    })
}

pub(super) fn remove_activity(
    tx: &Transaction,
    actor: &str,
    activity: ActivityId,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let (place, at) = activity_at(tx, activity.0)?.ok_or_else(|| activity_gone(activity.0))?;
    let subject = activity_subject(place.code, at);
    let rows = activity_rows(tx, activity.0, at)?.ok_or_else(|| activity_gone(activity.0))?;
    delete_activity(tx, activity.0)?;
    let mut order = activities_of(tx, place.uid_id)?;
    order.retain(|a| *a != activity.0);
    place_activities(tx, place.uid_id, &order)?;
    let logged = Logged::Activity(rows);
    let uid = logged_uid(&logged);
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: place.plan,
            entity: entity_word(EntityKind::Activity),
            entity_id: activity.0,
            uid: &uid,
            subject: &subject,
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
        plan: place.plan,
        row: subject,
        from: None,
        goal: Some(place.code),
        renumbered: Vec::new(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}
