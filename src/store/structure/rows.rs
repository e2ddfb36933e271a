//! A goal or an activity as the change log keeps it when it is added or removed: its row and
//! its children's rows, column by column as stored (uids included), so that putting it back
//! writes exactly what was there. Columns are named by the table itself, never typed here, so
//! a column added later travels too.

use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::model::FieldKey;
use crate::store::codec::stored;

/// One stored row: column → value.
pub(super) type Row = Map<String, Json>;

/// What a change-log row of a structural change holds in `old` or `new`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Logged {
    /// A goal with its parts, derivations, meeting notes and activities.
    Goal(GoalRows),
    /// An activity with its 担当係.
    Activity(ActivityRows),
    /// Where a moved row stands: its index among its siblings.
    Place { at: usize },
    /// An initiative with its goals.
    Initiative(InitiativeRows),
    /// A part of a composite goal.
    Part(PartRows),
    /// Where a moved initiative stands: its policy area, its index among the area's
    /// initiatives, and its letter there.
    Spot { area: u8, at: usize, kana: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct PartRows {
    /// The goal's uid.
    pub goal: String,
    /// The part's index in its goal.
    pub at: usize,
    pub part: Row,
}

impl PartRows {
    pub fn uid(&self) -> Option<&str> {
        self.part.get("uid").and_then(Json::as_str)
    }

    pub fn label(&self) -> Option<&str> {
        self.part.get("label").and_then(Json::as_str)
    }

    pub fn same_as(&self, other: &PartRows) -> bool {
        same_row(&self.part, &other.part)
    }
}

/// A part as it is stored now, at index `at` of its goal.
pub(super) fn part_rows(
    tx: &Transaction,
    id: i64,
    at: usize,
) -> rusqlite::Result<Option<PartRows>> {
    let Some(part) = rows_of(tx, "goal_part", "id", id, "id")?.pop() else {
        return Ok(None);
    };
    let goal = goal_uid(tx, part.get("goal_id").and_then(Json::as_i64))?.unwrap_or_default();
    Ok(Some(PartRows { goal, at, part }))
}

/// Puts a part back into goal `goal_id` at `position`. Returns its id.
pub(super) fn insert_part(
    tx: &Transaction,
    rows: &PartRows,
    goal_id: i64,
    position: i64,
) -> rusqlite::Result<i64> {
    insert(
        tx,
        "goal_part",
        &rows.part,
        &[
            ("goal_id", Sql::Integer(goal_id)),
            ("position", Sql::Integer(position)),
        ],
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct InitiativeRows {
    /// Its place among the plan's initiatives.
    pub at: usize,
    pub initiative: Row,
    pub goals: Vec<GoalRows>,
}

impl InitiativeRows {
    pub fn uid(&self) -> Option<&str> {
        self.initiative.get("uid").and_then(Json::as_str)
    }

    /// Its title: the column a goal's title is kept in has the same name.
    pub fn title(&self) -> Option<&str> {
        let column = stored(FieldKey::Title).columns.first()?;
        self.initiative.get(*column).and_then(Json::as_str)
    }

    pub fn same_as(&self, other: &InitiativeRows) -> bool {
        same_row(&self.initiative, &other.initiative)
            && self.goals.len() == other.goals.len()
            && self
                .goals
                .iter()
                .zip(&other.goals)
                .all(|(a, b)| a.same_as(b))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct GoalRows {
    /// The initiative's uid.
    pub initiative: String,
    /// The goal's index in its initiative.
    pub at: usize,
    pub goal: Row,
    /// The uid of the goal whose activities this goal takes, if any.
    #[serde(default)]
    pub activities_from: Option<String>,
    /// The uids of goals that took this goal's activities (実施内容は…に同じ).
    #[serde(default)]
    pub shared_by: Vec<String>,
    pub parts: Vec<Row>,
    pub derivations: Vec<Row>,
    pub notes: Vec<Row>,
    pub activities: Vec<ActivityRows>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ActivityRows {
    /// The goal's uid.
    pub goal: String,
    /// The activity's index in its goal.
    pub at: usize,
    pub activity: Row,
    pub sections: Vec<String>,
}

/// Columns that say where a row stands or which row is its parent: they change as rows around
/// it are added, removed or moved, so two snapshots of one row are compared without them.
const PLACE_COLUMNS: [&str; 7] = [
    "id",
    "goal_id",
    "initiative_id",
    "activity_id",
    "number",
    "position",
    "activities_from",
];

impl GoalRows {
    pub fn uid(&self) -> Option<&str> {
        self.goal.get("uid").and_then(Json::as_str)
    }

    pub fn title(&self) -> Option<&str> {
        let column = stored(FieldKey::Title).columns.first()?;
        self.goal.get(*column).and_then(Json::as_str)
    }

    /// The same goal with the same contents, wherever it stands.
    pub fn same_as(&self, other: &GoalRows) -> bool {
        let rows = |a: &[Row], b: &[Row]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_row(x, y))
        };
        same_row(&self.goal, &other.goal)
            && rows(&self.parts, &other.parts)
            && rows(&self.derivations, &other.derivations)
            && rows(&self.notes, &other.notes)
            && self.activities.len() == other.activities.len()
            && self
                .activities
                .iter()
                .zip(&other.activities)
                .all(|(a, b)| a.same_as(b))
    }
}

impl ActivityRows {
    pub fn uid(&self) -> Option<&str> {
        self.activity.get("uid").and_then(Json::as_str)
    }

    pub fn content(&self) -> Option<&str> {
        self.activity.get("content").and_then(Json::as_str)
    }

    pub fn same_as(&self, other: &ActivityRows) -> bool {
        same_row(&self.activity, &other.activity) && self.sections == other.sections
    }
}

fn same_row(a: &Row, b: &Row) -> bool {
    let kept = |r: &Row| -> Row {
        r.iter()
            .filter(|(k, _)| !PLACE_COLUMNS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    kept(a) == kept(b)
}

fn to_json(v: Sql) -> Json {
    match v {
        Sql::Null | Sql::Blob(_) => Json::Null,
        Sql::Integer(i) => Json::from(i),
        Sql::Real(f) => Json::from(f),
        Sql::Text(t) => Json::String(t),
    }
}

fn to_sql(v: &Json) -> Sql {
    match v {
        Json::Null | Json::Array(_) | Json::Object(_) => Sql::Null,
        Json::Bool(b) => Sql::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => n.as_f64().map_or(Sql::Null, Sql::Real),
        },
        Json::String(s) => Sql::Text(s.clone()),
    }
}

/// The rows of `table` whose `parent` column is `id`, in `order`. Table and column names come
/// from this module's closed set, never from input.
fn rows_of(
    tx: &Transaction,
    table: &str,
    parent: &str,
    id: i64,
    order: &str,
) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = tx.prepare(&format!(
        "SELECT * FROM {table} WHERE {parent} = ?1 ORDER BY {order}"
    ))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), to_json(r.get::<_, Sql>(i)?));
        }
        out.push(row);
    }
    Ok(out)
}

/// The uid of a goal, by id.
fn goal_uid(tx: &Transaction, id: Option<i64>) -> rusqlite::Result<Option<String>> {
    match id {
        Some(id) => tx
            .query_row("SELECT uid FROM goal WHERE id = ?1", [id], |r| r.get(0))
            .optional(),
        None => Ok(None),
    }
}

/// An activity as it is stored now, at index `at` of its goal.
pub(super) fn activity_rows(
    tx: &Transaction,
    id: i64,
    at: usize,
) -> rusqlite::Result<Option<ActivityRows>> {
    let Some(activity) = rows_of(tx, "activity", "id", id, "id")?.pop() else {
        return Ok(None);
    };
    let goal_id = activity.get("goal_id").and_then(Json::as_i64);
    let goal = goal_uid(tx, goal_id)?.unwrap_or_default();
    let mut stmt = tx.prepare_cached(
        "SELECT section FROM activity_section WHERE activity_id = ?1 ORDER BY position",
    )?;
    let sections = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(Some(ActivityRows {
        goal,
        at,
        activity,
        sections,
    }))
}

/// A goal as it is stored now, at index `at` of its initiative, with everything in it.
pub(super) fn goal_rows(
    tx: &Transaction,
    id: i64,
    at: usize,
) -> rusqlite::Result<Option<GoalRows>> {
    let Some(goal) = rows_of(tx, "goal", "id", id, "id")?.pop() else {
        return Ok(None);
    };
    let initiative_id = goal
        .get("initiative_id")
        .and_then(Json::as_i64)
        .unwrap_or(0);
    let initiative: String = tx
        .query_row(
            "SELECT uid FROM initiative WHERE id = ?1",
            [initiative_id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default();
    let activities_from = goal_uid(tx, goal.get("activities_from").and_then(Json::as_i64))?;
    let mut stmt =
        tx.prepare_cached("SELECT uid FROM goal WHERE activities_from = ?1 ORDER BY id")?;
    let shared_by = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut activities = Vec::new();
    let ids: Vec<i64> = {
        let mut stmt =
            tx.prepare_cached("SELECT id FROM activity WHERE goal_id = ?1 ORDER BY position")?;
        stmt.query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (at, a) in ids.into_iter().enumerate() {
        activities.extend(activity_rows(tx, a, at)?);
    }
    Ok(Some(GoalRows {
        initiative,
        at,
        activities_from,
        shared_by,
        parts: rows_of(tx, "goal_part", "goal_id", id, "position")?,
        derivations: rows_of(tx, "goal_derivation", "goal_id", id, "figure")?,
        notes: rows_of(tx, "meeting_note", "goal_id", id, "meeting_date")?,
        activities,
        goal,
    }))
}

/// Inserts `row` into `table`, the columns in `set` given their values here; its own id when
/// that id is free (so earlier change-log rows still name it), else a new one. Only the
/// table's own columns are written. Returns the row's id.
fn insert(tx: &Transaction, table: &str, row: &Row, set: &[(&str, Sql)]) -> rusqlite::Result<i64> {
    let columns: Vec<String> = tx
        .prepare(&format!("SELECT * FROM {table} LIMIT 0"))?
        .column_names()
        .map(|s| s.to_string())
        .collect();
    let mut names = Vec::new();
    let mut values = Vec::new();
    for column in &columns {
        if let Some((_, v)) = set.iter().find(|(c, _)| c == column) {
            names.push(column.as_str());
            values.push(v.clone());
            continue;
        }
        let Some(v) = row.get(column) else { continue };
        if column == "id" {
            let taken: bool = tx.query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
                [to_sql(v)],
                |r| r.get(0),
            )?;
            if taken {
                continue;
            }
        }
        names.push(column.as_str());
        values.push(to_sql(v));
    }
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    tx.execute(
        &format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )?;
    Ok(tx.last_insert_rowid())
}

/// Puts an activity back into goal `goal_id` (at the end: the caller places it). Returns its id.
pub(super) fn insert_activity(
    tx: &Transaction,
    rows: &ActivityRows,
    goal_id: i64,
    position: i64,
) -> rusqlite::Result<i64> {
    let id = insert(
        tx,
        "activity",
        &rows.activity,
        &[
            ("goal_id", Sql::Integer(goal_id)),
            ("position", Sql::Integer(position)),
        ],
    )?;
    let mut section = tx.prepare_cached(
        "INSERT INTO activity_section (activity_id, position, section) VALUES (?1, ?2, ?3)",
    )?;
    for (i, s) in rows.sections.iter().enumerate() {
        section.execute(params![id, i64::try_from(i).unwrap_or(i64::MAX), s])?;
    }
    Ok(id)
}

/// Puts a goal back into initiative `initiative_id` with everything it held (at the end, with
/// number `number`: the caller places it), relinking goals that shared its activities.
/// Returns its id.
pub(super) fn insert_goal(
    tx: &Transaction,
    rows: &GoalRows,
    initiative_id: i64,
    number: i64,
) -> rusqlite::Result<i64> {
    let from: Option<i64> = match &rows.activities_from {
        Some(uid) => tx
            .query_row("SELECT id FROM goal WHERE uid = ?1", [uid], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let id = insert(
        tx,
        "goal",
        &rows.goal,
        &[
            ("initiative_id", Sql::Integer(initiative_id)),
            ("number", Sql::Integer(number)),
            ("position", Sql::Integer(number)),
            ("activities_from", from.map_or(Sql::Null, Sql::Integer)),
        ],
    )?;
    for part in &rows.parts {
        insert(tx, "goal_part", part, &[("goal_id", Sql::Integer(id))])?;
    }
    for d in &rows.derivations {
        insert(tx, "goal_derivation", d, &[("goal_id", Sql::Integer(id))])?;
    }
    for n in &rows.notes {
        insert(tx, "meeting_note", n, &[("goal_id", Sql::Integer(id))])?;
    }
    for (i, a) in rows.activities.iter().enumerate() {
        insert_activity(tx, a, id, i64::try_from(i).unwrap_or(i64::MAX))?;
    }
    let mut link = tx.prepare_cached("UPDATE goal SET activities_from = ?1 WHERE uid = ?2")?;
    for uid in &rows.shared_by {
        link.execute(params![id, uid])?;
    }
    Ok(id)
}

/// An initiative as it is stored now, at index `at` of its plan, with its goals.
pub(super) fn initiative_rows(
    tx: &Transaction,
    id: i64,
    at: usize,
) -> rusqlite::Result<Option<InitiativeRows>> {
    let Some(initiative) = rows_of(tx, "initiative", "id", id, "id")?.pop() else {
        return Ok(None);
    };
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM goal WHERE initiative_id = ?1 ORDER BY position, number",
        )?;
        stmt.query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut goals = Vec::new();
    for (i, g) in ids.into_iter().enumerate() {
        goals.extend(goal_rows(tx, g, i)?);
    }
    Ok(Some(InitiativeRows {
        at,
        initiative,
        goals,
    }))
}

/// Puts an initiative back into plan `plan_id` at `position`, with its goals. Returns its id.
pub(super) fn insert_initiative(
    tx: &Transaction,
    rows: &InitiativeRows,
    plan_id: i64,
    position: i64,
) -> rusqlite::Result<i64> {
    let id = insert(
        tx,
        "initiative",
        &rows.initiative,
        &[
            ("plan_id", Sql::Integer(plan_id)),
            ("position", Sql::Integer(position)),
        ],
    )?;
    for (i, goal) in rows.goals.iter().enumerate() {
        insert_goal(tx, goal, id, i64::try_from(i + 1).unwrap_or(i64::MAX))?;
    }
    // Positions from 0, as everywhere else (insert_goal leaves a goal's at its number).
    tx.execute(
        "UPDATE goal SET position = number - 1 WHERE initiative_id = ?1",
        [id],
    )?;
    Ok(id)
}

/// Deletes an initiative with its goals (links between its own goals first).
pub(super) fn delete_initiative(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE goal SET activities_from = NULL WHERE initiative_id = ?1",
        [id],
    )?;
    tx.execute("DELETE FROM initiative WHERE id = ?1", [id])?;
    Ok(())
}

/// Deletes a goal with everything in it (the schema cascades); goals that took its activities
/// are unlinked first.
pub(super) fn delete_goal(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE goal SET activities_from = NULL WHERE activities_from = ?1",
        [id],
    )?;
    tx.execute("DELETE FROM goal WHERE id = ?1", [id])?;
    Ok(())
}

pub(super) fn delete_activity(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM activity WHERE id = ?1", [id])?;
    Ok(())
}
