//! Edits: the one write path for every front end. Each edit reads the current value, checks it
//! against the goal's rules ([`crate::model::edit::check`]), writes the new value and its
//! change-log row, all in one IMMEDIATE transaction.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::codec::{
    Stored, encode_value, entity_table, entity_word, field_columns, field_value, field_word,
    goal_ref, stored, word,
};
use super::log::{ChangeKind, LastChange, Source, last_change_in};
use super::{Store, StoreError};
use crate::model::edit::check;
use crate::model::structure::activity_subject;
use crate::model::{
    Edit, EntityKind, FieldKey, FieldRef, FieldValue, GoalRef, Owner, PlanId, Refusal,
};
use crate::strings::strings;

/// Why a change-log row was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Edit,
    /// Reverts the edit (or redo) in the given row.
    Undo(i64),
    /// Re-applies what the undo in the given row reverted.
    Redo(i64),
    /// A value collected from a section's returned handout.
    Collect,
}

impl LogKind {
    /// The row's `kind`.
    pub(super) fn kind(self) -> ChangeKind {
        match self {
            LogKind::Edit => ChangeKind::Edit,
            LogKind::Undo(_) => ChangeKind::Undo,
            LogKind::Redo(_) => ChangeKind::Redo,
            LogKind::Collect => ChangeKind::Collect,
        }
    }

    /// Where the new value came from (the log's `source`): typed by the clerk, or taken back
    /// from the log by an undo or redo.
    pub(super) fn source(self) -> Source {
        match self {
            LogKind::Edit => Source::Typed,
            LogKind::Undo(_) | LogKind::Redo(_) => Source::Undo,
            LogKind::Collect => Source::Collected,
        }
    }

    pub(super) fn reverts(self) -> Option<i64> {
        match self {
            LogKind::Edit | LogKind::Collect => None,
            LogKind::Undo(row) | LogKind::Redo(row) => Some(row),
        }
    }
}

/// What an edit did, for the message a clerk sees and for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The change-log row, or `None` when the value was already the new one.
    pub log_id: Option<i64>,
    pub kind: LogKind,
    /// The edit as applied: front ends patch their copy of the plan with it.
    pub edit: Edit,
    pub plan: PlanId,
    /// The goal the edited field belongs to (a part's or an activity's goal): to find it.
    pub goal: GoalRef,
    /// `⑴-ア-1`, `⑴-オ-1 開催回数`, `⑴-ア-1 実施内容2`.
    pub subject: String,
    pub field: FieldKey,
    pub old: FieldValue,
    pub new: FieldValue,
}

/// Why an edit was not made. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}", (strings().errors.edit.not_found)(.0))]
    NotFound(String),
    /// The goal's rules refuse it (a composite goal's actual, a negative figure, …).
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The stored value is no longer the one the clerk was shown. `by` names who wrote the
    /// current value and when, when the change log knows (not after a write from outside tassei).
    #[error("{}", (strings().errors.edit.conflict)(
        .subject,
        .field.label_ja(),
        .by.as_deref().map(|c| (c.actor.as_str(), c.at.as_str())),
        .current,
        .seen,
    ))]
    Conflict {
        subject: String,
        /// The field, labelled where shown ([`FieldKey::label_ja`]).
        field: FieldKey,
        seen: Box<FieldValue>,
        current: Box<FieldValue>,
        by: Option<Box<LastChange>>,
    },
    /// The file could not be written: busy, disk full, damaged, one of tassei's copies, or
    /// another database error.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for EditError {
    fn from(e: rusqlite::Error) -> Self {
        EditError::Store(e.into())
    }
}

/// The row an edit touches, as it is now.
struct Current {
    plan: PlanId,
    goal: GoalRef,
    entity: EntityKind,
    entity_id: i64,
    /// The row's uid, as stored: the change log names the row by it.
    entity_uid: String,
    /// What the goal's rules need; its subject names the edited row.
    owner: Owner,
    value: FieldValue,
}

impl Store {
    /// Applies an edit and logs it, in one transaction: a batch of one row. With `seen`, the
    /// edit is refused when the stored value is no longer the one the clerk was shown (another
    /// window changed it); the refusal carries the value now stored and, when the change log
    /// knows, who stored it and when.
    pub fn apply(&mut self, edit: &Edit, seen: Option<&FieldValue>) -> Result<Applied, EditError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut batch = None;
        let applied = apply_in(&tx, &self.actor, edit, seen, LogKind::Edit, &mut batch)?;
        if applied.log_id.is_some() {
            tx.commit()?;
        }
        // Otherwise dropping the transaction rolls it back: nothing was written.
        Ok(applied)
    }
}

/// Applies one edit inside the caller's transaction and logs it as `kind`, in `batch` (the
/// first row written starts it: `None` becomes that row's id). Undo and redo are edits too.
pub(super) fn apply_in(
    tx: &Transaction,
    actor: &str,
    edit: &Edit,
    seen: Option<&FieldValue>,
    kind: LogKind,
    batch: &mut Option<i64>,
) -> Result<Applied, EditError> {
    let current = read_current(tx, edit)?;
    check(edit, &current.owner)?;
    definition::check_in(tx, edit, &current.owner)?;
    if let Some(seen) = seen.filter(|s| **s != current.value) {
        // Who wrote the value now stored, if the log says so: its latest row for the field
        // must have written exactly this value (a write from outside tassei leaves no row).
        let by = last_change_in(tx, edit.field_ref())?
            .filter(|c| c.value.as_ref() == Some(&current.value));
        return Err(EditError::Conflict {
            field: edit.field_ref().key(),
            subject: current.owner.subject,
            seen: Box::new(seen.clone()),
            current: Box::new(current.value),
            by: by.map(Box::new),
        });
    }
    let new = edit.new_value();
    let mut applied = Applied {
        log_id: None,
        kind,
        edit: edit.clone(),
        plan: current.plan,
        goal: current.goal,
        subject: current.owner.subject.clone(),
        field: edit.field_ref().key(),
        old: current.value.clone(),
        new: new.clone(),
    };
    // An edit to the value already there writes nothing. An undo or redo is logged even then
    // (forced over someone's change back to the same value): the log is where the stacks are
    // read from, so the action must leave its row.
    if new == current.value && matches!(kind, LogKind::Edit | LogKind::Collect) {
        return Ok(applied);
    }
    write(tx, edit)?;
    // Row ids are given, not left to SQLite, so that a batch can be named by its first row
    // before that row exists.
    let id: i64 = tx.query_row("SELECT ifnull(max(id), 0) + 1 FROM change_log", [], |r| {
        r.get(0)
    })?;
    let batch = *batch.get_or_insert(id);
    tx.execute(
        "INSERT INTO change_log (id, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source, reverts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id,
            actor,
            current.plan.0,
            batch,
            entity_word(current.entity),
            current.entity_id,
            current.entity_uid,
            current.owner.subject,
            field_word(edit.field_ref().key()),
            encode_value(&current.value),
            encode_value(&new),
            kind.kind().word(),
            kind.source().word(),
            kind.reverts(),
        ],
    )?;
    applied.log_id = Some(id);
    Ok(applied)
}

/// The stored uid of the row a field belongs to; `None` when the row is gone.
pub(super) fn entity_uid(conn: &Connection, field: FieldRef) -> rusqlite::Result<Option<String>> {
    // The table name comes from a closed set, never from input.
    let sql = format!(
        "SELECT uid FROM {} WHERE id = ?1",
        entity_table(field.key().entity())
    );
    conn.query_row(&sql, [field.entity_id()], |r| r.get(0))
        .optional()
}

/// The goal that owns an edited row: its plan, its code and what its rules need to know.
fn owner_of(tx: &Transaction, at: FieldRef) -> Result<Option<(PlanId, GoalRef, Owner)>, EditError> {
    let goal_id = match at.key().entity() {
        EntityKind::Goal => "?1",
        EntityKind::Part => "(SELECT goal_id FROM goal_part WHERE id = ?1)",
        EntityKind::Activity => "(SELECT goal_id FROM activity WHERE id = ?1)",
    };
    let sql = format!(
        "SELECT i.plan_id, i.id AS initiative_id, i.area, i.kana, g.number, g.formula, g.allow_negative,
            (SELECT group_concat(label, ', ') FROM (SELECT label FROM goal_part WHERE goal_id = g.id ORDER BY position)) AS parts
         FROM goal g JOIN initiative i ON g.initiative_id = i.id WHERE g.id = {goal_id}"
    );
    let id = at.entity_id();
    let row = tx
        .query_row(&sql, [id], |r| {
            Ok((
                r.get::<_, i64>("plan_id")?,
                r.get::<_, i64>("initiative_id")?,
                r.get::<_, u8>("area")?,
                r.get::<_, String>("kana")?,
                r.get::<_, u32>("number")?,
                r.get::<_, String>("formula")?,
                r.get::<_, bool>("allow_negative")?,
                r.get::<_, Option<String>>("parts")?,
            ))
        })
        .optional()?;
    let Some((plan, initiative, area, kana, number, formula, allow_negative, parts)) = row else {
        return Ok(None);
    };
    let goal = goal_ref(area, &kana, number, initiative)?;
    let owner = Owner {
        subject: row_subject(tx, at, goal)?,
        formula: word(&formula, (strings().errors.store.goal_of_row)(id))?,
        allow_negative,
        parts: parts.unwrap_or_default(),
    };
    Ok(Some((PlanId(plan), goal, owner)))
}

/// The code of the goal a field belongs to; `None` when the row is gone.
pub(super) fn goal_of(tx: &Transaction, at: FieldRef) -> Result<Option<GoalRef>, EditError> {
    Ok(owner_of(tx, at)?.map(|(_, goal, _)| goal))
}

/// How a change names the edited row: `⑴-ア-1`, `⑴-オ-1 開催回数` (a part),
/// `⑴-ア-1 実施内容2` (an activity), `⑴-ア-1 会議 2026-11-28` (a note).
fn row_subject(tx: &Transaction, at: FieldRef, goal: GoalRef) -> rusqlite::Result<String> {
    let id = at.entity_id();
    Ok(match at {
        FieldRef::PartActual(_) | FieldRef::PartText(..) | FieldRef::PartTarget(_) => {
            let label: String =
                tx.query_row("SELECT label FROM goal_part WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            format!("{goal} {label}")
        }
        FieldRef::ActivityStatus(_)
        | FieldRef::ActivityText(..)
        | FieldRef::ActivitySections(_) => {
            let position: i64 =
                tx.query_row("SELECT position FROM activity WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            activity_subject(goal, usize::try_from(position).unwrap_or(0))
        }
        FieldRef::Note { date, .. } => format!("{goal} 会議 {date}"),
        FieldRef::Actual(_)
        | FieldRef::Milestone(_)
        | FieldRef::Evaluation(_)
        | FieldRef::Target(_)
        | FieldRef::Baseline(_)
        | FieldRef::GoalText(..)
        | FieldRef::Precision(_)
        | FieldRef::Formula(_) => goal.to_string(),
    })
}

/// The `WHERE` of a field's row in its [`stored`] table, and the values it binds.
fn row_of(at: FieldRef) -> (&'static str, Vec<String>) {
    match at {
        FieldRef::Note { goal, date, .. } => (
            "goal_id = ?1 AND meeting_date = ?2",
            vec![goal.0.to_string(), date.to_string()],
        ),
        other => ("id = ?1", vec![other.entity_id().to_string()]),
    }
}

fn read_current(tx: &Transaction, edit: &Edit) -> Result<Current, EditError> {
    let at = edit.field_ref();
    let (entity, id) = (at.key().entity(), at.entity_id());
    let not_found = || EditError::NotFound(format!("{} {id}", entity_word(entity)));
    let (plan, goal, owner) = owner_of(tx, at)?.ok_or_else(not_found)?;
    let entity_uid = entity_uid(tx, at)?.ok_or_else(not_found)?;
    let place = format!("{} {id} {}", entity_word(entity), field_word(at.key()));
    let Stored { table, columns } = stored(at.key());
    let (row, bound) = row_of(at);
    // Table and column names come from a closed set, never from input.
    let sql = format!("SELECT {} FROM {table} WHERE {row}", columns.join(", "));
    let held = if let FieldRef::ActivitySections(_) = at {
        // One row per section: the list is every row's column, in order.
        Some(definition::sections(tx, id)?)
    } else {
        tx.query_row(&sql, rusqlite::params_from_iter(&bound), |r| {
            (0..columns.len()).map(|i| column_text(r, i)).collect()
        })
        .optional()?
    };
    // A note's row is written with its first field; every other row exists with its goal.
    if held.is_none() && !matches!(at, FieldRef::Note { .. }) {
        return Err(not_found());
    }
    Ok(Current {
        plan,
        goal,
        entity,
        entity_id: id,
        entity_uid,
        value: field_value(at, held, &place)?,
        owner,
    })
}

/// A column as text, as the codec reads every field: a whole number (a goal's 小数桁) is
/// its digits.
fn column_text(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<String>> {
    use rusqlite::types::ValueRef;
    Ok(match r.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        _ => r.get(i)?,
    })
}

fn write(tx: &Transaction, edit: &Edit) -> Result<(), EditError> {
    let at = edit.field_ref();
    let Stored { table, columns } = stored(at.key());
    let values = field_columns(&edit.new_value());
    // Table and column names come from a closed set, never from input.
    match edit {
        Edit::ActivitySections { .. } | Edit::ActivityText { .. } => {
            definition::write(tx, edit)?;
        }
        Edit::Note {
            goal,
            date,
            figures,
            ..
        } => {
            // A note's field is one column.
            let column = columns.join(", ");
            let text = values.into_iter().next().flatten();
            tx.execute(
                &format!(
                    "INSERT INTO {table} (goal_id, meeting_date, {column}) VALUES (?1, ?2, ?3)
                     ON CONFLICT (goal_id, meeting_date) DO UPDATE SET {column} = excluded.{column}"
                ),
                params![goal.0, date.to_string(), text],
            )?;
            if let Some(figures) = figures {
                let json = serde_json::to_string(figures).map_err(|e| {
                    StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
                })?;
                tx.execute(
                    "UPDATE meeting_note SET figures = ?1 WHERE goal_id = ?2 AND meeting_date = ?3",
                    params![json, goal.0, date.to_string()],
                )?;
            }
        }
        _ => {
            let set: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE {table} SET {} WHERE id = ?{}",
                set.join(", "),
                columns.len() + 1
            );
            let mut bound: Vec<rusqlite::types::Value> = values
                .into_iter()
                .map(|v| v.map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Text))
                .collect();
            bound.push(rusqlite::types::Value::Integer(at.entity_id()));
            tx.execute(&sql, rusqlite::params_from_iter(bound))?;
        }
    }
    Ok(())
}

mod definition;
