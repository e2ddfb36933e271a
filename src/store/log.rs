//! Reading the change log back: who changed what, when, from what to what.

use rusqlite::params;

use super::edit::{FieldValue, field_label, text_change};
use super::{Store, StoreError};
use crate::model::{GoalId, PlanId};

/// One change-log row, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    /// Local time, `2026-11-24 10:22:03`.
    pub at: String,
    pub actor: String,
    pub subject: String,
    /// The stored field name (`actual`, …); [`LogEntry::label`] gives the Japanese label.
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The goal the change belongs to (a part's or an activity's goal), when it is one.
    pub goal: Option<GoalId>,
}

impl LogEntry {
    pub fn label(&self) -> &str {
        field_label(&self.field)
    }

    /// The old value as a clerk reads it (`9,016`, `完了`, `ー`).
    pub fn old_shown(&self) -> String {
        shown(&self.field, self.old.as_deref())
    }

    pub fn new_shown(&self) -> String {
        shown(&self.field, self.new.as_deref())
    }

    /// Old and new as a clerk reads them; for a long text, the part that changed.
    pub fn change_shown(&self) -> (String, String) {
        match (
            self.old_value(),
            FieldValue::decode(&self.field, self.new.as_deref()),
        ) {
            (Some(FieldValue::Text(old)), Some(FieldValue::Text(new))) => text_change(&old, &new),
            _ => (self.old_shown(), self.new_shown()),
        }
    }

    /// The typed old value, when the field is one an edit can restore.
    pub fn old_value(&self) -> Option<FieldValue> {
        FieldValue::decode(&self.field, self.old.as_deref())
    }
}

fn shown(field: &str, encoded: Option<&str>) -> String {
    match (FieldValue::decode(field, encoded), encoded) {
        (Some(v), _) => v.to_string(),
        (None, None) => "ー".to_string(),
        (None, Some(raw)) => {
            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
        }
    }
}

impl Store {
    /// The plan's change log, newest last; only rows about `goal` (its parts and activities
    /// included) when given.
    pub fn log(&self, plan: PlanId, goal: Option<GoalId>) -> Result<Vec<LogEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, datetime(at, 'localtime'), actor, subject, field, old, new,
                    CASE entity
                        WHEN 'goal' THEN entity_id
                        WHEN 'part' THEN (SELECT goal_id FROM goal_part WHERE id = entity_id)
                        WHEN 'activity' THEN (SELECT goal_id FROM activity WHERE id = entity_id)
                    END
             FROM change_log
             WHERE plan_id = ?1 AND (?2 IS NULL
                OR (entity = 'goal' AND entity_id = ?2)
                OR (entity = 'part' AND entity_id IN (SELECT id FROM goal_part WHERE goal_id = ?2))
                OR (entity = 'activity' AND entity_id IN (SELECT id FROM activity WHERE goal_id = ?2)))
             ORDER BY id",
        )?;
        let rows = stmt.query_map(params![plan.0, goal.map(|g| g.0)], |r| {
            Ok(LogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                subject: r.get(3)?,
                field: r.get(4)?,
                old: r.get(5)?,
                new: r.get(6)?,
                goal: r.get::<_, Option<i64>>(7)?.map(GoalId),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
