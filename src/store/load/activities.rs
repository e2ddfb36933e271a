//! A plan's activities, the most rows of a plan: read apart from the goals, so that a large
//! plan's can be read on a second connection while the goals are read on the first.

use rusqlite::{Connection, params};

use super::super::StoreError;
use super::super::codec::{Place, date, uid, word};
use super::super::columns::{by_name, text};
use crate::model::{Activity, ActivityId, FiscalYear, Period, PlanId};

/// Activities with their 担当係, grouped by goal id, in plan order. One row per section (a LEFT
/// JOIN keeps activities without one): a row extends the previous activity when the id repeats.
/// Each goal's list is moved out at its exact size. A 時期 stored without dates is read again
/// in the plan's fiscal `year` (随時, or unreadable with its reason).
pub(super) fn activities(
    conn: &Connection,
    id: PlanId,
    year: FiscalYear,
) -> Result<Vec<(i64, Vec<Activity>)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT x.id, x.content, x.period_raw, x.period_start, x.period_end, x.status, x.goal_id, s.section,
                x.uid
         FROM activity x JOIN goal g ON x.goal_id = g.id JOIN initiative i ON g.initiative_id = i.id
              LEFT JOIN activity_section s ON s.activity_id = x.id
         WHERE i.plan_id = ?1 ORDER BY i.position, g.position, x.position, s.position",
    )?;
    let [
        id_at,
        content,
        period_raw,
        period_start,
        period_end,
        status,
        goal_at,
        section_at,
        uid_at,
    ] = by_name(
        &stmt,
        [
            "id",
            "content",
            "period_raw",
            "period_start",
            "period_end",
            "status",
            "goal_id",
            "section",
            "uid",
        ],
    )?;
    let mut rows = stmt.query(params![id.0])?;
    let mut out: Vec<(i64, Vec<Activity>)> = Vec::new();
    let mut batch: Vec<Activity> = Vec::new();
    let mut batch_goal: Option<i64> = None;
    let mut last_id = None;
    while let Some(r) = rows.next()? {
        let activity_id: i64 = r.get(id_at)?;
        let section: Option<String> = r.get(section_at)?;
        if last_id == Some(activity_id) {
            if let Some(activity) = batch.last_mut() {
                activity.sections.extend(section);
            }
            continue;
        }
        last_id = Some(activity_id);
        let goal_id: i64 = r.get(goal_at)?;
        if batch_goal != Some(goal_id) {
            if let Some(previous) = batch_goal {
                // Collected, not taken: the new Vec is sized to the goal's activities, where
                // the batch has grown by doubling.
                #[allow(clippy::drain_collect)]
                out.push((previous, batch.drain(..).collect()));
            }
            batch_goal = Some(goal_id);
        }
        let place = |column| Place("activity", activity_id, column);
        batch.push(Activity {
            id: ActivityId(activity_id),
            uid: uid(text(r, uid_at)?, place("uid"))?,
            content: r.get(content)?,
            period: Period::from_stored(
                r.get(period_raw)?,
                date(r.get(period_start)?, place("period_start"))?,
                date(r.get(period_end)?, place("period_end"))?,
                year,
            ),
            sections: section.into_iter().collect(),
            status: word(text(r, status)?, place("status"))?,
        });
    }
    if let Some(previous) = batch_goal {
        out.push((previous, batch));
    }
    Ok(out)
}
