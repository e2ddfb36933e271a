//! Undo and redo, read back from the change log so they survive a restart and see edits made
//! by other windows.
//!
//! Each clerk undoes their own work: [`Store::undo`] takes back the caller's latest action (a
//! batch: every row it wrote) that is not undone yet, whoever else edited since. "Own" is the
//! same actor name (`TASSEI_USER`, the config's `actor`, or the OS account), across restarts.
//! When someone else changed one of the action's fields afterwards, the undo is refused naming
//! who, when and the value now stored, unless [`UndoOptions::force`] says to go ahead anyway.
//! An undo or redo is an action itself, logged with the rows it reverts.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::codec::{
    decode_outline, decode_value, entity_of_word, entity_table, entity_word, logged_field,
    outline_stored,
};
use super::columns::by_name;
use super::edit::{Applied, EditError, LogKind, apply_in, goal_of};
use super::log::{ChangeKind, LastChange, LoggedField, last_change_in};
use super::outline::{OutlineError, Outlined, outline_in};
use super::structure::{Restructured, StructureError, revert_in};
use super::{Store, StoreError};
use crate::model::outline::OutlineEdit;
use crate::model::{Edit, EntityKind, FieldKey, FieldValue, GoalRef, PlanId};
use crate::strings::strings;

/// How an undo or redo goes about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UndoOptions {
    /// Take the action back even where someone changed a field after it: their value is
    /// overwritten (their change stays in the log, and they can undo it in turn).
    pub force: bool,
}

impl UndoOptions {
    /// Go ahead even over someone else's later change (the CLI's `--yes`).
    pub fn force() -> Self {
        Self { force: true }
    }
}

/// Undo or redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoAction {
    Undo,
    Redo,
}

impl UndoAction {
    /// `undo` or `redo`.
    pub fn word(self) -> &'static str {
        match self {
            UndoAction::Undo => "undo",
            UndoAction::Redo => "redo",
        }
    }

    /// What of the caller's is taken back: an undo takes back an edit, a redo an undo.
    pub fn taken_back(self) -> &'static str {
        match self {
            UndoAction::Undo => "edit",
            UndoAction::Redo => "undo",
        }
    }
}

/// Someone changed a field after the caller's edit (or undo) that an undo (or redo) would take
/// back: who, when, and the value now stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedAfter {
    pub action: UndoAction,
    /// The goal the field belongs to: to find it.
    pub goal: GoalRef,
    /// `⑴-ア-1`, `⑴-オ-1 開催回数`, `⑴-ア-1 実施内容2`.
    pub subject: String,
    /// The field, labelled where shown (`実績値`, `状況`, … by [`FieldKey::label_ja`]).
    pub field: FieldKey,
    /// The value stored now, which going ahead would overwrite.
    pub current: FieldValue,
    /// The value going ahead would put back.
    pub restores: FieldValue,
    /// The latest change to the field: who made it and when.
    pub by: LastChange,
}

/// Why an undo or redo did not happen. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    #[error("{}", strings().errors.undo.nothing_to_undo)]
    NothingToUndo,
    #[error("{}", strings().errors.undo.nothing_to_redo)]
    NothingToRedo,
    /// Someone else changed a field afterwards; [`UndoOptions::force`] goes ahead anyway.
    #[error("{}", (strings().errors.undo.changed_after)(.0))]
    ChangedAfter(Box<ChangedAfter>),
    /// The field holds a value no logged change wrote (a write from outside tassei).
    #[error("{}", (strings().errors.undo.changed_since)(.action, .subject, .current))]
    ChangedSince {
        action: &'static str,
        subject: String,
        current: String,
    },
    #[error("{}", (strings().errors.undo.not_revertible)(.action, *.row))]
    NotRevertible { action: &'static str, row: i64 },
    /// An added, removed or moved row was changed since: (undo or redo, the row).
    #[error("{}", (strings().structure.errors.changed_since)(.action, .subject))]
    RowChanged {
        action: &'static str,
        subject: String,
    },
    /// A logged structure change this tassei cannot read.
    #[error("{}", (strings().structure.errors.unreadable)(.action, *.row))]
    Unreadable { action: &'static str, row: i64 },
    /// Putting a row back or taking it out was refused (its parent is gone, …).
    #[error(transparent)]
    Restructure(#[from] StructureError),
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The plan's title or thresholds, or an initiative's title, could not be set back.
    #[error(transparent)]
    Outline(#[from] OutlineError),
    /// The file could not be read or written: busy, disk full, damaged, or another database error.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for UndoError {
    fn from(e: rusqlite::Error) -> Self {
        UndoError::Store(e.into())
    }
}

/// What an undo or redo did: one [`Applied`] per row of the action taken back, in the order
/// written (the action's rows in reverse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub applied: Vec<Applied>,
    /// Rows added, removed or moved back, in the order written.
    pub restructured: Vec<Restructured>,
    /// The plan's title or thresholds, an initiative's title, set back, in the order written.
    pub outlined: Vec<Outlined>,
}

/// One change-log row, as undo needs it.
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    /// `None` for a row about no goal, part or activity (a plan).
    entity: Option<EntityKind>,
    entity_id: i64,
    /// The row's uid: a removed row put back keeps it, where its id may differ.
    entity_uid: String,
    field: LoggedField,
    old: Option<String>,
    new: Option<String>,
}

/// One user action: the rows of one batch.
#[derive(Debug, Clone)]
struct Batch {
    rows: Vec<Row>,
}

impl Batch {
    fn holds(&self, row: i64) -> bool {
        self.rows.iter().any(|r| r.id == row)
    }
}

/// One action read back from the log: its batch, whose it is, and what it reverts.
#[derive(Debug)]
struct Action {
    id: i64,
    mine: bool,
    /// The log's `kind`: undo, redo, or an action that changed values (`None`: a kind this
    /// tassei does not know).
    kind: Option<ChangeKind>,
    batch: Batch,
    /// For an undo or redo: the rows it reverts.
    reverts: Vec<i64>,
}

/// The caller's undo and redo stacks, replayed from the log: their action pushes onto undo and
/// clears redo; an undo moves its action from undo to redo; a redo moves it back.
#[derive(Debug, Default)]
struct Stacks {
    undo: Vec<Batch>,
    redo: Vec<Batch>,
}

impl Store {
    /// Takes back the caller's latest action (all its rows) that has not been undone, in one
    /// transaction. Refused with [`UndoError::ChangedAfter`] when someone changed one of its
    /// fields since, unless `options.force`.
    pub fn undo(&mut self, plan: PlanId, options: UndoOptions) -> Result<Undone, UndoError> {
        let batch = self
            .stacks(plan)?
            .undo
            .pop()
            .ok_or(UndoError::NothingToUndo)?;
        self.take_back(batch, UndoAction::Undo, options)
    }

    /// Puts back the caller's latest undone action, unless they acted again since the undo.
    /// Refused like [`Store::undo`] when someone changed one of its fields since the undo.
    pub fn redo(&mut self, plan: PlanId, options: UndoOptions) -> Result<Undone, UndoError> {
        let batch = self
            .stacks(plan)?
            .redo
            .pop()
            .ok_or(UndoError::NothingToRedo)?;
        self.take_back(batch, UndoAction::Redo, options)
    }

    /// Sets each row's field back to its old value, last row first, provided it still holds
    /// the row's new value (or `options.force`). All rows are written as one new batch.
    fn take_back(
        &mut self,
        batch: Batch,
        action: UndoAction,
        options: UndoOptions,
    ) -> Result<Undone, UndoError> {
        self.check_before_write().map_err(EditError::from)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut written = None;
        let mut applied = Vec::with_capacity(batch.rows.len());
        let mut restructured = Vec::new();
        let mut outlined = Vec::new();
        for row in batch.rows.iter().rev() {
            if let LoggedField::Outline(field) = row.field {
                outlined.push(outline_back(
                    &tx,
                    &self.actor,
                    row,
                    field,
                    action,
                    options,
                    &mut written,
                )?);
                continue;
            }
            if row.field == LoggedField::Row {
                let reverted = super::structure::Reverted {
                    id: row.id,
                    entity: row.entity,
                    entity_uid: &row.entity_uid,
                    old: row.old.as_deref(),
                    new: row.new.as_deref(),
                };
                restructured.push(revert_in(
                    &tx,
                    &self.actor,
                    &reverted,
                    action,
                    options.force,
                    &mut written,
                )?);
                continue;
            }
            let not_revertible = || UndoError::NotRevertible {
                action: action.word(),
                row: row.id,
            };
            let key = row
                .field
                .key()
                .filter(|k| row.entity == Some(k.entity()))
                .ok_or_else(not_revertible)?;
            let old = decode_value(key, row.old.as_deref()).ok_or_else(not_revertible)?;
            let expected = decode_value(key, row.new.as_deref()).ok_or_else(not_revertible)?;
            // The row as it is named now: a row removed and put back keeps its uid, not
            // always its id, and an id freed by a removal may name another row since.
            let entity_id = match row.entity.filter(|_| !row.entity_uid.is_empty()) {
                Some(entity) => tx
                    .query_row(
                        &format!("SELECT id FROM {} WHERE uid = ?1", entity_table(entity)),
                        [&row.entity_uid],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        EditError::NotFound(format!("{} {}", entity_word(entity), row.entity_id))
                    })?,
                None => row.entity_id,
            };
            let edit = Edit::of_logged(key, entity_id, old).ok_or_else(not_revertible)?;
            let kind = match action {
                UndoAction::Undo => LogKind::Undo(row.id),
                UndoAction::Redo => LogKind::Redo(row.id),
            };
            let seen = (!options.force).then_some(&expected);
            match apply_in(&tx, &self.actor, &edit, seen, kind, &mut written) {
                Ok(done) => applied.push(done),
                Err(EditError::Conflict {
                    subject,
                    field,
                    current,
                    ..
                }) => {
                    // Someone's later logged change, or a write from outside tassei.
                    let later =
                        last_change_in(&tx, edit.field_ref())?.filter(|c| c.log_id > row.id);
                    let goal = goal_of(&tx, edit.field_ref())?;
                    return Err(match (later, goal) {
                        (Some(by), Some(goal)) => UndoError::ChangedAfter(Box::new(ChangedAfter {
                            action,
                            goal,
                            subject,
                            field,
                            current: *current,
                            restores: edit.new_value(),
                            by,
                        })),
                        _ => UndoError::ChangedSince {
                            action: action.word(),
                            subject,
                            current: current.to_string(),
                        },
                    });
                }
                Err(e) => return Err(e.into()),
            }
        }
        tx.commit()?;
        Ok(Undone {
            applied,
            restructured,
            outlined,
        })
    }
}

/// Sets an outline row's field back to its old value (the row found by its uid), provided it
/// still holds the row's new value or `options.force`.
fn outline_back(
    tx: &rusqlite::Transaction,
    actor: &str,
    row: &Row,
    field: crate::model::outline::OutlineField,
    action: UndoAction,
    options: UndoOptions,
    written: &mut Option<i64>,
) -> Result<Outlined, UndoError> {
    let not_revertible = || UndoError::NotRevertible {
        action: action.word(),
        row: row.id,
    };
    let old = decode_outline(field, row.old.as_deref()).ok_or_else(not_revertible)?;
    let expected = decode_outline(field, row.new.as_deref()).ok_or_else(not_revertible)?;
    // The table comes from a closed set, never from input.
    let table = outline_stored(field).table;
    let id: i64 = tx
        .query_row(
            &format!("SELECT id FROM {table} WHERE uid = ?1"),
            [&row.entity_uid],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| OutlineError::NotFound(row.entity_uid.clone()))?;
    let edit = OutlineEdit::of_logged(field, id, old).ok_or_else(not_revertible)?;
    let kind = match action {
        UndoAction::Undo => LogKind::Undo(row.id),
        UndoAction::Redo => LogKind::Redo(row.id),
    };
    let seen = (!options.force).then_some(&expected);
    outline_in(tx, actor, &edit, seen, kind, written).map_err(|e| match e {
        OutlineError::Conflict {
            subject, current, ..
        } => UndoError::ChangedSince {
            action: action.word(),
            subject,
            current: current.to_string(),
        },
        other => other.into(),
    })
}

impl Store {
    /// True when the caller has an action left to undo in `plan` (an unreadable log counts as
    /// one: nothing is removed on a guess).
    pub(super) fn has_undo(&self, plan: PlanId) -> bool {
        self.stacks(plan).map_or(true, |s| !s.undo.is_empty())
    }

    fn stacks(&self, plan: PlanId) -> Result<Stacks, UndoError> {
        // Others' edits never reach the caller's stacks; every undo and redo is read, because
        // a file from before version 5 may hold an undo of one clerk's edit by another.
        let mut stmt = self.conn.prepare(
            "SELECT id, batch, actor, entity, entity_id, entity_uid, field, old, new, kind, reverts
             FROM change_log
             WHERE plan_id = ?1 AND kind NOT IN (?3, ?6) AND (actor = ?2 OR kind IN (?4, ?5))
             ORDER BY id",
        )?;
        let [
            id,
            batch,
            actor_at,
            entity,
            entity_id,
            entity_uid,
            field,
            old,
            new,
            kind_at,
            reverts_at,
        ] = by_name(
            &stmt,
            [
                "id",
                "batch",
                "actor",
                "entity",
                "entity_id",
                "entity_uid",
                "field",
                "old",
                "new",
                "kind",
                "reverts",
            ],
        )?;
        let mut rows = stmt.query(params![
            plan.0,
            self.actor,
            ChangeKind::Import.word(),
            ChangeKind::Undo.word(),
            ChangeKind::Redo.word(),
            ChangeKind::Rollover.word(),
        ])?;
        let mut stacks = Stacks::default();
        // The action being read: its rows follow one another in the log.
        let mut open: Option<Action> = None;
        while let Some(r) = rows.next()? {
            let batch_id: i64 = r.get(batch)?;
            let actor: String = r.get(actor_at)?;
            let row = Row {
                id: r.get(id)?,
                entity: entity_of_word(&r.get::<_, String>(entity)?),
                entity_id: r.get(entity_id)?,
                entity_uid: r.get(entity_uid)?,
                field: logged_field(&r.get::<_, String>(field)?),
                old: r.get(old)?,
                new: r.get(new)?,
            };
            // A word this tassei does not know (a newer one wrote it) is read as an action that
            // changed values, as an edit is.
            let kind = r.get::<_, String>(kind_at)?.parse::<ChangeKind>().ok();
            let reverts: Option<i64> = r.get(reverts_at)?;
            match &mut open {
                Some(action) if action.id == batch_id => {
                    action.batch.rows.push(row);
                    action.reverts.extend(reverts);
                }
                _ => {
                    if let Some(done) = open.take() {
                        stacks.replay(done);
                    }
                    open = Some(Action {
                        id: batch_id,
                        mine: actor == self.actor,
                        kind,
                        batch: Batch { rows: vec![row] },
                        reverts: reverts.into_iter().collect(),
                    });
                }
            }
        }
        if let Some(done) = open {
            stacks.replay(done);
        }
        Ok(stacks)
    }
}

impl Stacks {
    /// Moves the stacks on by one action read from the log. Only the caller's actions and
    /// everyone's undos and redos are read (see [`Store::stacks`]).
    fn replay(&mut self, action: Action) {
        let reverted = |b: &Batch| action.reverts.iter().any(|t| b.holds(*t));
        match action.kind {
            // The caller undid a rollover (`rollover.rs`): nothing here to redo before it.
            Some(ChangeKind::Undo)
                if action.mine
                    && action
                        .batch
                        .rows
                        .iter()
                        .all(|r| r.field == LoggedField::Import) =>
            {
                self.redo.clear();
            }
            Some(ChangeKind::Undo) => {
                self.undo.retain(|b| !reverted(b));
                if action.mine {
                    self.redo.push(action.batch);
                }
            }
            Some(ChangeKind::Redo) => {
                self.redo.retain(|b| !reverted(b));
                if action.mine {
                    self.undo.push(action.batch);
                }
            }
            _ => {
                self.undo.push(action.batch);
                self.redo.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64) -> Row {
        Row {
            id,
            entity: Some(EntityKind::Goal),
            entity_id: 1,
            entity_uid: String::new(),
            field: LoggedField::Field(crate::model::FieldKey::Actual),
            old: None,
            new: None,
        }
    }

    fn batch(ids: &[i64]) -> Batch {
        Batch {
            rows: ids.iter().map(|id| row(*id)).collect(),
        }
    }

    fn action(mine: bool, kind: ChangeKind, rows: &[i64], reverts: &[i64]) -> Action {
        Action {
            id: rows[0],
            mine,
            kind: Some(kind),
            batch: batch(rows),
            reverts: reverts.to_vec(),
        }
    }

    fn ids(stack: &[Batch]) -> Vec<Vec<i64>> {
        stack
            .iter()
            .map(|b| b.rows.iter().map(|r| r.id).collect())
            .collect()
    }

    #[test]
    fn an_undo_takes_back_a_whole_batch_and_a_redo_puts_it_back() {
        let mut s = Stacks::default();
        s.replay(action(true, ChangeKind::Edit, &[1], &[]));
        s.replay(action(true, ChangeKind::Collect, &[2, 3, 4], &[]));
        s.replay(action(true, ChangeKind::Undo, &[5, 6, 7], &[4, 3, 2]));
        assert_eq!(ids(&s.undo), [vec![1]]);
        assert_eq!(ids(&s.redo), [vec![5, 6, 7]]);
        s.replay(action(true, ChangeKind::Redo, &[8, 9, 10], &[7, 6, 5]));
        assert_eq!(ids(&s.undo), [vec![1], vec![8, 9, 10]]);
        assert!(s.redo.is_empty());
    }

    #[test]
    fn an_old_undo_by_someone_else_still_takes_the_edit_off_the_stack() {
        // Before version 5 an undo took back the latest edit, whoever made it.
        let mut s = Stacks::default();
        s.replay(action(true, ChangeKind::Edit, &[1], &[]));
        s.replay(action(false, ChangeKind::Undo, &[2], &[1]));
        assert!(s.undo.is_empty());
        assert!(s.redo.is_empty(), "their undo is theirs to redo");
    }
}
