//! The handout registry (照会): a section's fill-in copy of a plan, the value of each field it
//! carries as handed out and as last collected; and collecting a returned copy, every change in
//! one transaction and one batch of the change log, each row naming the handout and the file.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::codec::{
    decode_value, encode_value, field_of_word, field_word, origin_of_text, origin_text,
};
use super::edit::{Applied, EditError, LogKind, apply_in};
use super::{PlanSummary, Store, StoreError};
use crate::model::{Edit, FieldKey, FieldValue, PlanId};
use crate::strings::strings;

/// A handout as the registry keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    pub id: i64,
    pub plan: PlanId,
    pub section: String,
    /// UTC, as stored.
    pub created_at: String,
    /// The last collect's time (UTC); `None` before any.
    pub collected_at: Option<String>,
    /// The same in the machine's local time, to the minute, as the app shows times to a clerk
    /// (`2026-11-27 12:12`).
    pub collected_local: Option<String>,
    pub fields: Vec<HandoutField>,
}

/// One field a handout carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutField {
    /// The goal, part or activity, by uid.
    pub entity_uid: String,
    pub field: FieldKey,
    /// The value handed out.
    pub base: FieldValue,
    /// The value last collected from this handout, if any.
    pub collected: Option<FieldValue>,
}

impl HandoutField {
    /// The base of the three-way rule for `returned`. Nothing collected from this handout yet:
    /// what was handed out. Returned as last collected: that value, so the same file collected
    /// again brings nothing new — even after someone corrected the field since (a kept
    /// conflict, a colleague's later edit is not reopened by an old file) — unless the field
    /// holds the value handed out again (an undo took the collect back: the return is offered
    /// again). Returned otherwise: from a file that `continues` the one collected (an exchange
    /// file: the same laptop's later state), what was collected while the field still holds it
    /// (the laptop's later change applies); from another file (a second copy of a workbook,
    /// filled differently), what was handed out, so it meets what the first return wrote as a
    /// conflict, never over it.
    pub fn base_now(
        &self,
        current: &FieldValue,
        returned: &FieldValue,
        continues: bool,
    ) -> &FieldValue {
        match &self.collected {
            Some(collected) if collected == returned && current != &self.base => collected,
            Some(collected) if collected == current && (collected == returned || continues) => {
                collected
            }
            _ => &self.base,
        }
    }
}

#[cfg(test)]
mod base_tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::Value;

    fn n(x: i64) -> FieldValue {
        FieldValue::Value(Value::Number(Decimal::from(x)))
    }

    fn field(base: i64, collected: Option<i64>) -> HandoutField {
        HandoutField {
            entity_uid: "u".into(),
            field: FieldKey::Actual,
            base: n(base),
            collected: collected.map(n),
        }
    }

    #[test]
    fn the_base_is_what_was_collected_unless_an_undo_brought_back_the_value_handed_out() {
        // Nothing collected: the value handed out.
        assert_eq!(field(82, None).base_now(&n(90), &n(85), false), &n(82));
        // Collected 85, still there, the same file again: no change.
        assert_eq!(field(82, Some(85)).base_now(&n(85), &n(85), false), &n(85));
        // A colleague corrected it to 83 since: the old file's 85 is what was collected, so it
        // brings nothing new (no conflict to settle, nothing to overwrite the 83 with).
        assert_eq!(field(82, Some(85)).base_now(&n(83), &n(85), false), &n(85));
        // Undone back to the value handed out: the return is offered again.
        assert_eq!(field(82, Some(85)).base_now(&n(82), &n(85), false), &n(82));
        // Another copy of the handout says 88: against the value handed out, so it meets the
        // collected 85 as a conflict.
        assert_eq!(field(82, Some(85)).base_now(&n(85), &n(88), false), &n(82));
        // The same laptop file changed since to 88: it continues what was collected.
        assert_eq!(field(82, Some(85)).base_now(&n(85), &n(88), true), &n(85));
        // ... unless someone changed the field here since: a conflict with the value handed out.
        assert_eq!(field(82, Some(85)).base_now(&n(83), &n(88), true), &n(82));
    }
}

/// A returned value the clerk takes: written by `edit` (none when it is the value already
/// there), recorded as collected from the handout either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub entity_uid: String,
    pub field: FieldKey,
    pub value: FieldValue,
    /// The edit, and the value the preview saw there (a change since refuses the whole file).
    pub edit: Option<(Edit, FieldValue)>,
    /// How the clerk settled it, when the rule would not have taken it alone: the log says so.
    pub settled: Option<Settled>,
}

/// A returned value written by the clerk's choice, not by the rule alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// A conflict: the returned value taken over the one there (`--prefer returned`).
    ReturnedPreferred,
    /// A cell the section emptied: the clear confirmed (`--prefer returned`).
    ClearConfirmed,
}

/// Where a collected change came from: the section (none for a file no handout went out as,
/// a plain CSV) and the file, and how the clerk settled it when the rule alone would not have
/// taken it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub section: Option<String>,
    pub file: String,
    pub settled: Option<Settled>,
}

impl Store {
    /// Registers a handout of `plan` for `section` carrying `fields` (entity uid, field,
    /// value now); its id.
    pub fn create_handout(
        &mut self,
        plan: PlanId,
        section: &str,
        fields: &[(String, FieldKey, FieldValue)],
    ) -> Result<i64, StoreError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = register(&tx, plan, section, fields)?;
        tx.commit()?;
        Ok(id)
    }

    /// The plan of this data file whose uid is `uid` (a returned workbook's), if any.
    pub fn plan_with_uid(&self, uid: &str) -> Result<Option<PlanSummary>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM plan WHERE uid = ?1", [uid], |r| r.get(0))
            .optional()?;
        let Some(id) = id else {
            return Ok(None);
        };
        Ok(self.plans()?.into_iter().find(|p| p.id == PlanId(id)))
    }

    /// A handout by id; `None` when the registry has none.
    pub fn handout(&self, id: i64) -> Result<Option<Handout>, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT plan_id, section, created_at, collected_at,
                        strftime('%Y-%m-%d %H:%M', collected_at, 'localtime')
                 FROM handout WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((plan, section, created_at, collected_at, collected_local)) = head else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare(
            "SELECT entity_uid, field, base, collected FROM handout_field WHERE handout_id = ?1
             ORDER BY rowid",
        )?;
        let mut rows = stmt.query([id])?;
        let mut fields = Vec::new();
        while let Some(r) = rows.next()? {
            let word: String = r.get(1)?;
            let place = || {
                StoreError::Corrupt((strings().errors.store.holds_unknown_word)(
                    &format!("handout {id}"),
                    &word,
                ))
            };
            let field = field_of_word(&word).ok_or_else(place)?;
            let base: Option<String> = r.get(2)?;
            let collected: Option<String> = r.get(3)?;
            fields.push(HandoutField {
                entity_uid: r.get(0)?,
                field,
                base: decode_value(field, base.as_deref()).ok_or_else(place)?,
                collected: match collected {
                    None => None,
                    Some(c) => Some(decode_value(field, Some(&c)).ok_or_else(place)?),
                },
            });
        }
        Ok(Some(Handout {
            id,
            plan: PlanId(plan),
            section,
            created_at,
            collected_at,
            collected_local,
            fields,
        }))
    }

    /// Collects a returned handout: each taken value's edit written and logged (one batch,
    /// kind collect, naming the handout and `origin`, the file), each taken value recorded as
    /// collected, the handout's collected_at set; all in one transaction. An edit whose field
    /// no longer holds the value the preview saw refuses the whole file. Without a handout (a
    /// plain CSV), the edits are written and logged with their file alone; no registry row
    /// changes.
    pub fn collect(
        &mut self,
        handout: Option<i64>,
        origin: &str,
        taken: &[Taken],
    ) -> Result<Vec<Applied>, EditError> {
        self.collect_with(handout, &[], &|_| origin.to_string(), taken)
    }

    /// [`Store::collect`], each change's origin said by `origin` (who changed it where it came
    /// from), after registering `added`, fields the handout did not carry but the collect
    /// takes (a meeting note of a date written since), with the value they are based on.
    pub(super) fn collect_with(
        &mut self,
        handout: Option<i64>,
        added: &[(String, FieldKey, FieldValue)],
        origin: &dyn Fn(&Taken) -> String,
        taken: &[Taken],
    ) -> Result<Vec<Applied>, EditError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(handout) = handout {
            add_fields(&tx, handout, added, true)?;
        }
        let mut batch = None;
        let mut applied = Vec::new();
        for t in taken {
            if let Some((edit, seen)) = &t.edit {
                let done = apply_in(
                    &tx,
                    &self.actor,
                    edit,
                    Some(seen),
                    LogKind::Collect,
                    &mut batch,
                )?;
                if let Some(row) = done.log_id {
                    tx.execute(
                        "UPDATE change_log SET handout_id = ?1, origin = ?2 WHERE id = ?3",
                        params![handout, origin_text(&origin(t), t.settled), row],
                    )?;
                    applied.push(done);
                }
            }
            let Some(handout) = handout else {
                continue;
            };
            tx.execute(
                "UPDATE handout_field SET collected = ?1
                 WHERE handout_id = ?2 AND entity_uid = ?3 AND field = ?4",
                params![
                    encode_value(&t.value),
                    handout,
                    t.entity_uid,
                    field_word(t.field)
                ],
            )?;
        }
        if let Some(handout) = handout {
            tx.execute(
                "UPDATE handout SET collected_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                [handout],
            )?;
        }
        tx.commit()?;
        Ok(applied)
    }

    /// Where the change a change-log row takes back (an undo's, a redo's, through every undo
    /// and redo before it) or makes was collected from; `None` when it was not collected.
    pub fn collected_origin(&self, log_id: i64) -> Result<Option<Origin>, StoreError> {
        let found = self
            .conn
            .query_row(
                "WITH RECURSIVE chain(id, reverts, handout_id, origin, depth) AS (
                     SELECT id, reverts, handout_id, origin, 0 FROM change_log WHERE id = ?1
                     UNION ALL
                     SELECT c.id, c.reverts, c.handout_id, c.origin, chain.depth + 1
                     FROM change_log c JOIN chain ON c.id = chain.reverts
                 )
                 SELECT h.section, chain.origin FROM chain LEFT JOIN handout h ON h.id = chain.handout_id
                 WHERE chain.handout_id IS NOT NULL OR chain.origin IS NOT NULL
                 ORDER BY chain.depth LIMIT 1",
                [log_id],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                },
            )
            .optional()?;
        Ok(found.map(|(section, origin)| {
            let (file, settled) = origin_of_text(&origin.unwrap_or_default());
            Origin {
                section,
                file,
                settled,
            }
        }))
    }

    /// Where each collected change-log row of `plan` came from, by row id.
    pub fn origins(&self, plan: PlanId) -> Result<HashMap<i64, Origin>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, h.section, c.origin FROM change_log c LEFT JOIN handout h ON h.id = c.handout_id
             WHERE c.plan_id = ?1 AND (c.handout_id IS NOT NULL OR c.origin IS NOT NULL)",
        )?;
        let rows = stmt.query_map([plan.0], |r| {
            let (file, settled) =
                origin_of_text(&r.get::<_, Option<String>>(2)?.unwrap_or_default());
            Ok((
                r.get::<_, i64>(0)?,
                Origin {
                    section: r.get::<_, Option<String>>(1)?,
                    file,
                    settled,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Registers a handout of `plan` for `section` carrying `fields` in `tx`; its id.
pub(super) fn register(
    tx: &rusqlite::Transaction,
    plan: PlanId,
    section: &str,
    fields: &[(String, FieldKey, FieldValue)],
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO handout (plan_id, section) VALUES (?1, ?2)",
        params![plan.0, section],
    )?;
    let id = tx.last_insert_rowid();
    add_fields(tx, id, fields, false)?;
    Ok(id)
}

/// Adds `fields` with their base values to handout `id`; with `keep`, a field the handout has
/// already keeps its row.
fn add_fields(
    tx: &rusqlite::Transaction,
    id: i64,
    fields: &[(String, FieldKey, FieldValue)],
    keep: bool,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(if keep {
        "INSERT OR IGNORE INTO handout_field (handout_id, entity_uid, field, base) VALUES (?1, ?2, ?3, ?4)"
    } else {
        "INSERT INTO handout_field (handout_id, entity_uid, field, base) VALUES (?1, ?2, ?3, ?4)"
    })?;
    for (uid, key, value) in fields {
        insert.execute(params![id, uid, field_word(*key), encode_value(value)])?;
    }
    Ok(())
}
