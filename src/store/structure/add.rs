//! A goal or an activity added: inserted at its place, the goals after it renumbered, logged
//! whole (kind `add`) so that undo can take exactly it out again.

use super::*;

pub(super) fn add_goal(
    tx: &Transaction,
    actor: &str,
    initiative: InitiativeId,
    at: usize,
    title: &str,
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
    let mut order: Vec<i64> = goals_of(tx, initiative.0)?
        .into_iter()
        .map(|g| g.0)
        .collect();
    let at = at.min(order.len());
    let code = goal_ref(
        area,
        &kana,
        u32::try_from(at + 1).unwrap_or(u32::MAX),
        initiative.0,
    )?;
    check_title(&code.to_string(), title)?;
    tx.execute(
        "INSERT INTO goal (initiative_id, number, position, title, formula, direction)
         VALUES (?1, (SELECT ifnull(max(number), 0) + 1 FROM goal WHERE initiative_id = ?1),
                 (SELECT ifnull(max(number), 0) + 1 FROM goal WHERE initiative_id = ?1), ?2, ?3, ?4)",
        params![
            initiative.0,
            title,
            FormulaKind::Ratio.word(),
            Direction::Higher.word()
        ],
    )?;
    let id = tx.last_insert_rowid();
    order.insert(at, id);
    let renumbered = place_goals(tx, initiative.0, &order)?;
    let rows = goal_rows(tx, id, at)?.ok_or_else(|| StructureError::NotFound(code.to_string()))?;
    let logged = Logged::Goal(rows);
    let uid = logged_uid(&logged);
    let subject = code.to_string();
    let log_id = log_row(
        tx,
        actor,
        &LogRow {
            plan: PlanId(plan),
            entity: entity_word(EntityKind::Goal),
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
    Ok(Restructured {
        kind: ChangeKind::Add,
        by: None,
        plan: PlanId(plan),
        row: subject,
        from: None,
        goal: Some(code),
        renumbered: renumbered
            .into_iter()
            .filter(|(g, ..)| *g != id)
            .map(|(_, a, b)| (a, b))
            .collect(),
        copied: Vec::new(),
        recoded: Vec::new(),
        log_id,
    })
}

/// An activity as typed.
pub(super) struct NewActivity<'a> {
    pub(super) content: &'a str,
    pub(super) period: &'a str,
    pub(super) sections: &'a [String],
}

/// Inserts an activity at the end of a goal's list; returns its id.
pub(super) fn insert_new_activity(
    tx: &Transaction,
    plan: PlanId,
    goal: i64,
    new: &NewActivity,
) -> rusqlite::Result<i64> {
    let year: i32 = tx.query_row(
        "SELECT fiscal_year FROM plan WHERE id = ?1",
        [plan.0],
        |r| r.get(0),
    )?;
    // As typed, as an edit of it is stored (`store/edit/definition.rs`).
    let period = Period::parse(new.period, FiscalYear(year));
    tx.execute(
        "INSERT INTO activity (goal_id, position, content, period_raw, period_start, period_end)
         VALUES (?1, (SELECT ifnull(max(position), -1) + 1 FROM activity WHERE goal_id = ?1),
                 ?2, ?3, ?4, ?5)",
        params![
            goal,
            new.content,
            period.raw(),
            period.start().map(|d| d.to_string()),
            period.end().map(|d| d.to_string()),
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut section = tx.prepare_cached(
        "INSERT INTO activity_section (activity_id, position, section) VALUES (?1, ?2, ?3)",
    )?;
    let sections = new
        .sections
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty());
    for (i, s) in sections.enumerate() {
        section.execute(params![id, index(i), s])?;
    }
    Ok(id)
}

pub(super) fn add_activity(
    tx: &Transaction,
    actor: &str,
    goal: GoalId,
    at: usize,
    new: &NewActivity,
    batch: &mut Option<i64>,
) -> Result<Restructured, StructureError> {
    let place = goal_at_or_gone(tx, goal.0)?;
    let from: Option<i64> = tx.query_row(
        "SELECT activities_from FROM goal WHERE id = ?1",
        [goal.0],
        |r| r.get(0),
    )?;
    if let Some(from) = from.map(|f| goal_at(tx, f)).transpose()?.flatten() {
        return Err(StructureError::TakesActivities(place.code, from.code));
    }
    let mut order = activities_of(tx, goal.0)?;
    let at = at.min(order.len());
    let subject = activity_subject(place.code, at);
    check_activity(&subject, new.content, new.period, new.sections)?;
    let year: i32 = tx.query_row(
        "SELECT fiscal_year FROM plan WHERE id = ?1",
        [place.plan.0],
        |r| r.get(0),
    )?;
    check_period(&subject, new.period, FiscalYear(year))?;
    let id = insert_new_activity(tx, place.plan, goal.0, new)?;
    order.insert(at, id);
    place_activities(tx, goal.0, &order)?;
    let rows =
        activity_rows(tx, id, at)?.ok_or_else(|| StructureError::NotFound(subject.clone()))?;
    let logged = Logged::Activity(rows);
    let uid = logged_uid(&logged);
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
            new: Some(&logged),
            kind: ChangeKind::Add,
            reverts: None,
        },
        batch,
    )?;
    Ok(Restructured {
        kind: ChangeKind::Add,
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
