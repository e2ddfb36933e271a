//! What the data file did to one field after a point in its change log: the value it held
//! there and who changed it last. `tassei import --into` asks it of every field a workbook
//! changed, to tell the clerk's change from someone else's made after the export.

use rusqlite::params;

use super::codec::{decode_value, field_word};
use super::columns::by_name;
use super::edit::entity_uid;
use super::log::last_change_in;
use super::{LastChange, Store, StoreError};
use crate::model::{FieldRef, FieldValue, PlanId};

/// A field changed after a point of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedSince {
    /// The value the field held at that point (the first later row's old value).
    pub then: Option<FieldValue>,
    /// The latest change: who, when, to what.
    pub last: LastChange,
}

impl Store {
    /// The plan's change log position now (its last row's id, 0 for none) and the local time,
    /// `2026-11-28 14:50`: what an export records to be compared with later.
    pub fn log_position(&self, plan: PlanId) -> Result<(i64, String), StoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce((SELECT max(id) FROM change_log WHERE plan_id = ?1), 0),
                    strftime('%Y-%m-%d %H:%M', 'now', 'localtime')",
            params![plan.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// How `field` changed after the change-log row `after`; `None` when it did not.
    pub fn changed_since(
        &self,
        field: FieldRef,
        after: i64,
    ) -> Result<Option<ChangedSince>, StoreError> {
        let Some(uid) = entity_uid(&self.conn, field)? else {
            return Ok(None);
        };
        let key = field.key();
        let mut stmt = self.conn.prepare_cached(
            "SELECT old FROM change_log WHERE entity_uid = ?1 AND field = ?2 AND id > ?3
             ORDER BY id LIMIT 1",
        )?;
        let [old] = by_name(&stmt, ["old"])?;
        let mut rows = stmt.query(params![uid, field_word(key), after])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let then = decode_value(key, row.get::<_, Option<String>>(old)?.as_deref());
        drop(rows);
        drop(stmt);
        let Some(last) = last_change_in(&self.conn, field)? else {
            return Ok(None);
        };
        Ok(Some(ChangedSince { then, last }))
    }
}
