//! Adding, removing and moving goals and activities: each one IMMEDIATE transaction with its
//! change-log rows (one batch), kinds `add`, `remove`, `move`, field `row`. An added or removed
//! row is logged whole ([`rows::Logged`]) so that undo takes it out or puts it back exactly,
//! with its uid; a move logs the index before and after. Numbers follow position: 目標N is the
//! Nth goal of its initiative, and every change renumbers the goals after it.

mod add;
mod initiative;
mod initiative_move;
mod moving;
mod part;
mod remove;
mod revert;
mod rows;
mod seen;
#[cfg(test)]
mod tests;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use self::add::{NewActivity, add_activity, add_goal, insert_new_activity};
use self::initiative::{add_initiative, remove_initiative};
use self::initiative_move::move_initiative;
use self::moving::{move_activity, move_goal};
use self::part::{add_part, remove_part};
use self::remove::{remove_activity, remove_goal};
use self::rows::{Logged, activity_rows, delete_activity, delete_goal, goal_rows};
use super::codec::{ROW_FIELD, entity_word, goal_ref};
use super::log::{ChangeKind, Source};
use super::undo::UndoAction;
use super::{Store, StoreError};
use crate::model::structure::{
    RowRefusal, Structure, activity_subject, check_activity, check_period, check_title,
};
use crate::model::{
    ActivityId, Direction, EntityKind, FiscalYear, FormulaKind, GoalId, GoalRef, InitiativeId,
    Period, PlanId,
};
use crate::strings::strings;

pub(super) use revert::{Reverted, revert_in};

/// Why a structural change was not made. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum StructureError {
    /// The goal, activity or initiative is not in the file (any more): what was named.
    #[error("{}", (strings().structure.errors.not_found)(.0))]
    NotFound(String),
    #[error(transparent)]
    Refused(#[from] RowRefusal),
    /// An activity added to a goal whose activities are another goal's: (the goal, that goal).
    #[error("{}", (strings().structure.errors.takes_activities)(.0, .1))]
    TakesActivities(GoalRef, GoalRef),
    /// A goal whose activities other goals share, removed without copying them: (the goal,
    /// those goals).
    #[error("{}", (strings().structure.errors.shared_by)(.0, &list(.1)))]
    SharedBy(GoalRef, Vec<GoalRef>),
    /// An initiative moved to the policy area it is in: the initiative.
    #[error("{}", (strings().outline.errors.same_area)(.0))]
    SameArea(String),
    /// A policy area with no letter left for a moved initiative: the area.
    #[error("{}", (strings().outline.errors.area_full)(.0))]
    AreaFull(String),
    /// A move out of the list or to where the row is: (the row, its number now, how many).
    #[error("{}", (strings().structure.errors.cannot_move)(.0, *.1, *.2))]
    CannotMove(String, usize, usize),
    /// A part added to a goal that is not composite: (the goal, its formula word).
    #[error("{}", (strings().structure.errors.not_composite)(.0, .1))]
    NotComposite(GoalRef, String),
    /// A part's 目標値 of 0 or less: the part.
    #[error("{}", (strings().structure.errors.part_target)(.0))]
    PartTarget(String),
    /// A new initiative without a title: the code it would have.
    #[error("{}", (strings().structure.errors.empty_initiative_title)(.0))]
    EmptyInitiativeTitle(String),
    /// The row a removal or move names is not the one the clerk chose (its id names another
    /// row now), or it moved since.
    #[error("{}", strings().structure.errors.not_as_chosen)]
    NotAsChosen,
    /// An undo or redo would take out or put back a row changed since: the row.
    #[error("{}", (strings().structure.errors.changed_since)("undo", .0))]
    ChangedSince(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for StructureError {
    fn from(e: rusqlite::Error) -> Self {
        StructureError::Store(e.into())
    }
}

/// Goal codes listed: `⑴-ア-2, ⑴-ア-3`.
fn list(goals: &[GoalRef]) -> String {
    goals
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a structural change did, for the message a clerk sees and for finding the row after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restructured {
    /// Added, removed or moved (what happened to the row, also when an undo did it).
    pub kind: ChangeKind,
    /// Set when an undo or redo did it.
    pub by: Option<UndoAction>,
    pub plan: PlanId,
    /// The row as named after the change (`⑴-ア-3`, `⑴-ア-1 実施内容2`); a removed row as it
    /// was named.
    pub row: String,
    /// A moved row as named before the move.
    pub from: Option<String>,
    /// The goal to show afterwards: the one added or moved, or the activity's goal; `None`
    /// after a goal is removed.
    pub goal: Option<GoalRef>,
    /// Goals whose number changed with it: (before, after).
    pub renumbered: Vec<(GoalRef, GoalRef)>,
    /// Goals that got a copy of a removed goal's activities: (the goal, how many).
    pub copied: Vec<(GoalRef, usize)>,
    /// Initiatives whose code changed with it, the moved one's included: (before, after),
    /// `⑴-イ → ⑴-ア`.
    pub recoded: Vec<(String, String)>,
    /// The change-log row of the change itself.
    pub log_id: i64,
}

/// Where a goal stands: its plan, initiative and code.
#[derive(Debug, Clone, Copy)]
struct GoalAt {
    plan: PlanId,
    initiative: i64,
    code: GoalRef,
    uid_id: i64,
}

impl Store {
    /// Makes a structural change and logs it, in one transaction (one batch).
    pub fn restructure(&mut self, change: &Structure) -> Result<Restructured, StructureError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        seen::check_seen(&tx, change)?;
        let mut batch = None;
        let done = match change {
            Structure::AddGoal {
                initiative,
                at,
                title,
            } => add_goal(&tx, &self.actor, *initiative, *at, title, &mut batch)?,
            Structure::AddActivity {
                goal,
                at,
                content,
                period,
                sections,
            } => {
                let new = NewActivity {
                    content,
                    period,
                    sections,
                };
                add_activity(&tx, &self.actor, *goal, *at, &new, &mut batch)?
            }
            Structure::RemoveGoal {
                goal,
                copy_activities,
                ..
            } => remove_goal(&tx, &self.actor, *goal, *copy_activities, &mut batch)?,
            Structure::RemoveActivity { activity, .. } => {
                remove_activity(&tx, &self.actor, *activity, &mut batch)?
            }
            Structure::MoveGoal { goal, to, .. } => {
                move_goal(&tx, &self.actor, *goal, *to, &mut batch)?
            }
            Structure::MoveActivity { activity, to, .. } => {
                move_activity(&tx, &self.actor, *activity, *to, &mut batch)?
            }
            Structure::AddInitiative { plan, area, title } => {
                add_initiative(&tx, &self.actor, *plan, *area, title, &mut batch)?
            }
            Structure::RemoveInitiative { initiative, .. } => {
                remove_initiative(&tx, &self.actor, *initiative, &mut batch)?
            }
            Structure::AddPart {
                goal,
                label,
                target,
                unit,
            } => add_part(&tx, &self.actor, *goal, label, *target, unit, &mut batch)?,
            Structure::RemovePart { part, .. } => remove_part(&tx, &self.actor, *part, &mut batch)?,
            Structure::MoveInitiative { initiative, to, .. } => {
                move_initiative(&tx, &self.actor, *initiative, *to, &mut batch)?
            }
        };
        tx.commit()?;
        Ok(done)
    }
}

/// A goal's place, by id; `None` when it is gone.
fn goal_at(tx: &Transaction, goal: i64) -> Result<Option<GoalAt>, StructureError> {
    let row = tx
        .query_row(
            "SELECT i.plan_id, i.id, i.area, i.kana, g.number FROM goal g
             JOIN initiative i ON i.id = g.initiative_id WHERE g.id = ?1",
            [goal],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, u8>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, u32>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((plan, initiative, area, kana, number)) = row else {
        return Ok(None);
    };
    Ok(Some(GoalAt {
        plan: PlanId(plan),
        initiative,
        code: goal_ref(area, &kana, number, initiative)?,
        uid_id: goal,
    }))
}

fn goal_at_or_gone(tx: &Transaction, goal: i64) -> Result<GoalAt, StructureError> {
    goal_at(tx, goal)?.ok_or_else(|| {
        StructureError::NotFound(format!("{} {goal}", entity_word(EntityKind::Goal)))
    })
}

/// The goals of an initiative in order: (id, number).
fn goals_of(tx: &Transaction, initiative: i64) -> rusqlite::Result<Vec<(i64, u32)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, number FROM goal WHERE initiative_id = ?1 ORDER BY position, number",
    )?;
    stmt.query_map([initiative], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The activities of a goal in order: their ids.
fn activities_of(tx: &Transaction, goal: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM activity WHERE goal_id = ?1 ORDER BY position")?;
    stmt.query_map([goal], |r| r.get(0))?.collect()
}

fn index(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

/// Gives the initiative's goals the order `order` (every goal's id): positions from 0 and
/// numbers from 1. Numbers are moved out of the way first so UNIQUE(initiative, number) holds
/// at every step. Returns the goals whose number changed: (before, after).
fn place_goals(
    tx: &Transaction,
    initiative: i64,
    order: &[i64],
) -> Result<Vec<(i64, GoalRef, GoalRef)>, StructureError> {
    let before = goals_of(tx, initiative)?;
    let (area, kana): (u8, String) = tx.query_row(
        "SELECT area, kana FROM initiative WHERE id = ?1",
        [initiative],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let past: i64 = tx.query_row(
        "SELECT ifnull(max(number), 0) + count(*) + 1 FROM goal WHERE initiative_id = ?1",
        [initiative],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE goal SET number = number + ?2 WHERE initiative_id = ?1",
        params![initiative, past],
    )?;
    let mut set = tx.prepare_cached("UPDATE goal SET number = ?2, position = ?3 WHERE id = ?1")?;
    let mut changed = Vec::new();
    for (i, id) in order.iter().enumerate() {
        set.execute(params![id, index(i) + 1, index(i)])?;
        let new = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if let Some((_, old)) = before.iter().find(|(g, _)| g == id)
            && *old != new
        {
            changed.push((
                *id,
                goal_ref(area, &kana, *old, initiative)?,
                goal_ref(area, &kana, new, initiative)?,
            ));
        }
    }
    Ok(changed)
}

/// Gives the goal's activities the order `order`, positions from 0.
fn place_activities(tx: &Transaction, goal: i64, order: &[i64]) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE activity SET position = -1 - position WHERE goal_id = ?1",
        [goal],
    )?;
    let mut set = tx.prepare_cached("UPDATE activity SET position = ?2 WHERE id = ?1")?;
    for (i, id) in order.iter().enumerate() {
        set.execute(params![id, index(i)])?;
    }
    Ok(())
}

/// One change-log row of a structural change, in `batch`. Returns its id.
struct LogRow<'a> {
    plan: PlanId,
    /// The log's entity word.
    entity: &'static str,
    entity_id: i64,
    uid: &'a str,
    subject: &'a str,
    old: Option<&'a Logged>,
    new: Option<&'a Logged>,
    kind: ChangeKind,
    reverts: Option<i64>,
}

fn log_row(
    tx: &Transaction,
    actor: &str,
    row: &LogRow,
    batch: &mut Option<i64>,
) -> Result<i64, StructureError> {
    let json = |l: Option<&Logged>| -> Result<Option<String>, StructureError> {
        l.map(serde_json::to_string).transpose().map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e))).into()
        })
    };
    let id: i64 = tx.query_row("SELECT ifnull(max(id), 0) + 1 FROM change_log", [], |r| {
        r.get(0)
    })?;
    let batch = *batch.get_or_insert(id);
    let source = match row.kind {
        ChangeKind::Undo | ChangeKind::Redo => Source::Undo,
        _ => Source::Typed,
    };
    tx.execute(
        "INSERT INTO change_log (id, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source, reverts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id,
            actor,
            row.plan.0,
            batch,
            row.entity,
            row.entity_id,
            row.uid,
            row.subject,
            ROW_FIELD,
            json(row.old)?,
            json(row.new)?,
            row.kind.word(),
            source.word(),
            row.reverts,
        ],
    )?;
    Ok(id)
}

/// The uid a logged row carries (empty for a place).
fn logged_uid(l: &Logged) -> String {
    match l {
        Logged::Goal(g) => g.uid().unwrap_or_default().to_string(),
        Logged::Activity(a) => a.uid().unwrap_or_default().to_string(),
        Logged::Place { .. } => String::new(),
        Logged::Initiative(i) => i.uid().unwrap_or_default().to_string(),
        Logged::Part(p) => p.uid().unwrap_or_default().to_string(),
        Logged::Spot { .. } => String::new(),
    }
}

/// An activity's goal and index; `None` when it is gone.
fn activity_at(tx: &Transaction, activity: i64) -> Result<Option<(GoalAt, usize)>, StructureError> {
    let goal: Option<i64> = tx
        .query_row(
            "SELECT goal_id FROM activity WHERE id = ?1",
            [activity],
            |r| r.get(0),
        )
        .optional()?;
    let Some(goal) = goal else { return Ok(None) };
    let place = goal_at_or_gone(tx, goal)?;
    let at = activities_of(tx, goal)?
        .iter()
        .position(|a| *a == activity)
        .unwrap_or(0);
    Ok(Some((place, at)))
}

fn activity_gone(activity: i64) -> StructureError {
    StructureError::NotFound(format!("{} {activity}", entity_word(EntityKind::Activity)))
}

/// A structural log row's `old` or `new` in a few words, for the log: a goal's title, an
/// activity's 実施内容, a place's number; `None` for anything else.
pub fn logged_summary(encoded: &str) -> Option<String> {
    match serde_json::from_str::<Logged>(encoded).ok()? {
        Logged::Goal(g) => g.title().map(str::to_string),
        Logged::Activity(a) => a.content().map(str::to_string),
        Logged::Place { at } => Some((at + 1).to_string()),
        Logged::Initiative(i) => i.title().map(str::to_string),
        Logged::Part(p) => p.label().map(str::to_string),
        Logged::Spot { area, kana, .. } => Some(initiative::code_of(area, &kana)),
    }
}
