//! Undo and redo, read back from the change log so they survive a restart and see edits made
//! by other windows. Each is an edit itself, logged with the row it reverts.

use rusqlite::params;

use super::Store;
use super::edit::{Applied, Edit, EditError, FieldValue, LogKind};
use crate::model::PlanId;

/// Why an undo or redo did not happen.
#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error(
        "cannot {action} {subject}: it was changed again since ({current}); nothing was changed"
    )]
    ChangedSince {
        action: &'static str,
        subject: String,
        current: String,
    },
    #[error("cannot {action} change #{row}: its field can no longer be set that way")]
    NotRevertible { action: &'static str, row: i64 },
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// One change-log row, as undo needs it.
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    entity: String,
    entity_id: i64,
    field: String,
    old: Option<String>,
    new: Option<String>,
}

/// The undo and redo stacks, replayed from the log: an edit pushes onto undo and clears redo;
/// an undo moves its row from undo to redo; a redo moves it back.
#[derive(Debug, Default)]
struct Stacks {
    undo: Vec<Row>,
    redo: Vec<Row>,
}

impl Store {
    /// Reverts the plan's latest edit (or redo) that has not been undone.
    pub fn undo(&mut self, plan: PlanId) -> Result<Applied, UndoError> {
        let row = self
            .stacks(plan)?
            .undo
            .pop()
            .ok_or(UndoError::NothingToUndo)?;
        self.revert(row, "undo", LogKind::Undo)
    }

    /// Re-applies the plan's latest undone edit, unless a new edit came after the undo.
    pub fn redo(&mut self, plan: PlanId) -> Result<Applied, UndoError> {
        let row = self
            .stacks(plan)?
            .redo
            .pop()
            .ok_or(UndoError::NothingToRedo)?;
        self.revert(row, "redo", LogKind::Redo)
    }

    /// Sets the row's field back to its old value, provided it still holds the row's new value.
    fn revert(
        &mut self,
        row: Row,
        action: &'static str,
        kind: fn(i64) -> LogKind,
    ) -> Result<Applied, UndoError> {
        let not_revertible = || UndoError::NotRevertible {
            action,
            row: row.id,
        };
        let old = FieldValue::decode(&row.field, row.old.as_deref()).ok_or_else(not_revertible)?;
        let expected =
            FieldValue::decode(&row.field, row.new.as_deref()).ok_or_else(not_revertible)?;
        let edit = Edit::of_logged(&row.entity, row.entity_id, &row.field, old)
            .ok_or_else(not_revertible)?;
        match self.apply_logged(&edit, Some(&expected), kind(row.id)) {
            Err(EditError::Conflict {
                subject, current, ..
            }) => Err(UndoError::ChangedSince {
                action,
                subject,
                current,
            }),
            other => Ok(other?),
        }
    }

    fn stacks(&self, plan: PlanId) -> Result<Stacks, UndoError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, entity, entity_id, field, old, new, kind, reverts FROM change_log
             WHERE plan_id = ?1 AND kind <> 'import' ORDER BY id",
        )?;
        let mut rows = stmt.query(params![plan.0])?;
        let mut stacks = Stacks::default();
        while let Some(r) = rows.next()? {
            let row = Row {
                id: r.get(0)?,
                entity: r.get(1)?,
                entity_id: r.get(2)?,
                field: r.get(3)?,
                old: r.get(4)?,
                new: r.get(5)?,
            };
            let kind: String = r.get(6)?;
            let reverts: Option<i64> = r.get(7)?;
            match (kind.as_str(), reverts) {
                ("undo", Some(target)) => {
                    stacks.undo.retain(|u| u.id != target);
                    stacks.redo.push(row);
                }
                ("redo", Some(target)) => {
                    stacks.redo.retain(|u| u.id != target);
                    stacks.undo.push(row);
                }
                _ => {
                    stacks.undo.push(row);
                    stacks.redo.clear();
                }
            }
        }
        Ok(stacks)
    }
}
