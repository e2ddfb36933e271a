//! The outline's edits: the plan's title and thresholds, an initiative's title. Like a field
//! edit ([`super::edit`]): one IMMEDIATE transaction that reads the value, checks the model's
//! rules, compares with what the clerk saw, writes and logs it (entity `plan` or `initiative`,
//! kind `edit`), so undo and redo take it back as any edit.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::codec::{
    Stored, encode_outline, outline_columns, outline_entity, outline_stored, outline_value,
    outline_word,
};
use super::edit::LogKind;
use super::{Store, StoreError};
use crate::model::PlanId;
use crate::model::code::InitiativeCode;
use crate::model::outline::{OutlineEdit, OutlineField, OutlineRefusal, OutlineValue, check};
use crate::strings::strings;

/// What an outline edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlined {
    /// The change-log row, or `None` when the value was already the new one.
    pub log_id: Option<i64>,
    pub kind: LogKind,
    /// The edit as applied: front ends patch their copy of the plan with it.
    pub edit: OutlineEdit,
    pub plan: PlanId,
    /// The plan's id (`ibusuki-dx-r5`) or the initiative's code (`⑴-ア`).
    pub subject: String,
    pub field: OutlineField,
    pub old: OutlineValue,
    pub new: OutlineValue,
}

impl std::fmt::Display for Outlined {
    /// `ibusuki-dx-r5 評価基準: 100・80 → 95・75`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = self.field.label_ja();
        let said = if self.log_id.is_none() && self.kind == LogKind::Edit {
            (strings().outline.cli.unchanged)(&self.subject, label)
        } else {
            (strings().outline.cli.changed)(
                &self.subject,
                label,
                &self.old.to_string(),
                &self.new.to_string(),
            )
        };
        f.write_str(&said)
    }
}

/// Why an outline edit was not made. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum OutlineError {
    #[error("{}", (strings().outline.errors.not_found)(.0))]
    NotFound(String),
    #[error(transparent)]
    Refused(#[from] OutlineRefusal),
    /// The stored value is not the one the clerk was shown (someone changed it meanwhile).
    #[error("{}", (strings().outline.errors.conflict)(.subject, .field.label_ja(), &.current.to_string()))]
    Conflict {
        subject: String,
        field: OutlineField,
        current: OutlineValue,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for OutlineError {
    fn from(e: rusqlite::Error) -> Self {
        OutlineError::Store(e.into())
    }
}

impl Store {
    /// Applies an outline edit and logs it, in one transaction (a batch of one row). With
    /// `seen`, refused when the stored value is no longer the one the clerk was shown.
    pub fn edit_outline(
        &mut self,
        edit: &OutlineEdit,
        seen: Option<&OutlineValue>,
    ) -> Result<Outlined, OutlineError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut batch = None;
        let done = outline_in(&tx, &self.actor, edit, seen, LogKind::Edit, &mut batch)?;
        if done.log_id.is_some() {
            tx.commit()?;
        }
        Ok(done)
    }
}

/// The row as it is now: its plan, uid, how it is named and its value.
struct Current {
    plan: PlanId,
    uid: String,
    subject: String,
    value: OutlineValue,
}

fn read_current(tx: &Transaction, edit: &OutlineEdit) -> Result<Current, OutlineError> {
    let field = edit.field();
    let id = edit.row_id();
    let Stored { table, columns } = outline_stored(field);
    // Table and column names come from a closed set, never from input.
    let named = match field {
        OutlineField::InitiativeTitle => "plan_id, uid, area, kana",
        OutlineField::PlanTitle | OutlineField::Thresholds => "id, uid, slug, ''",
    };
    let sql = format!(
        "SELECT {named}, {} FROM {table} WHERE id = ?1",
        columns.join(", ")
    );
    let row = tx
        .query_row(&sql, [id], |r| {
            let mut held = Vec::new();
            for i in 0..columns.len() {
                held.push(r.get::<_, String>(4 + i)?);
            }
            let name: rusqlite::types::Value = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                name,
                r.get::<_, String>(3)?,
                held,
            ))
        })
        .optional()?;
    let Some((plan, uid, name, kana, held)) = row else {
        return Err(OutlineError::NotFound(format!(
            "{} {id}",
            outline_entity(field)
        )));
    };
    let subject = match (name, kana.chars().next()) {
        (rusqlite::types::Value::Integer(area), Some(kana)) => InitiativeCode {
            area: u8::try_from(area).unwrap_or(u8::MAX),
            kana,
        }
        .to_string(),
        (rusqlite::types::Value::Text(slug), _) => slug,
        _ => format!("{} {id}", outline_entity(field)),
    };
    let place = format!("{} {id} {}", outline_entity(field), outline_word(field));
    Ok(Current {
        plan: PlanId(plan),
        uid,
        subject,
        value: outline_value(field, held, &place)?,
    })
}

/// Applies one outline edit inside the caller's transaction and logs it as `kind` in `batch`.
pub(super) fn outline_in(
    tx: &Transaction,
    actor: &str,
    edit: &OutlineEdit,
    seen: Option<&OutlineValue>,
    kind: LogKind,
    batch: &mut Option<i64>,
) -> Result<Outlined, OutlineError> {
    let current = read_current(tx, edit)?;
    check(edit, &current.subject)?;
    let field = edit.field();
    if let Some(seen) = seen.filter(|s| **s != current.value) {
        let _ = seen;
        return Err(OutlineError::Conflict {
            subject: current.subject,
            field,
            current: current.value,
        });
    }
    let new = edit.new_value();
    let mut done = Outlined {
        log_id: None,
        kind,
        edit: edit.clone(),
        plan: current.plan,
        subject: current.subject.clone(),
        field,
        old: current.value.clone(),
        new: new.clone(),
    };
    // An edit to the value already there writes nothing; an undo or redo is logged even then,
    // as a field edit's is (the stacks are read from the log).
    if new == current.value && kind == LogKind::Edit {
        return Ok(done);
    }
    let Stored { table, columns } = outline_stored(field);
    let set: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    // Table and column names come from a closed set, never from input.
    let sql = format!(
        "UPDATE {table} SET {} WHERE id = ?{}",
        set.join(", "),
        columns.len() + 1
    );
    let mut bound: Vec<rusqlite::types::Value> = outline_columns(&new)
        .into_iter()
        .map(rusqlite::types::Value::Text)
        .collect();
    bound.push(rusqlite::types::Value::Integer(edit.row_id()));
    tx.execute(&sql, rusqlite::params_from_iter(bound))?;
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
            outline_entity(field),
            edit.row_id(),
            current.uid,
            current.subject,
            outline_word(field),
            encode_outline(&current.value),
            encode_outline(&new),
            kind.kind().word(),
            kind.source().word(),
            kind.reverts(),
        ],
    )?;
    done.log_id = Some(id);
    Ok(done)
}

#[cfg(test)]
mod tests;
