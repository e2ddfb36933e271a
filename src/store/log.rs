//! Reading the change log back: who changed what, when, from what to what, and why.

use std::fmt;
use std::str::FromStr;

use rusqlite::{Connection, params};

use super::codec::{decode_value, entity_word, field_word, goal_ref, logged_field};
use super::columns::by_name;
use super::edit::entity_uid;
use super::{Store, StoreError};
use crate::model::{EntityKind, FieldKey, FieldRef, FieldValue, GoalId, GoalRef, PlanId};
use crate::strings::strings;

/// Why a change-log row was written (its `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A plan was imported (or the bundled sheet loaded).
    Import,
    /// A clerk typed or chose a value.
    Edit,
    /// An undo took a change back.
    Undo,
    /// A redo put an undone change back.
    Redo,
    /// A row was added.
    Add,
    /// A row was removed.
    Remove,
    /// A row was moved.
    Move,
    /// Values were collected from the sections.
    Collect,
    /// The plan was rolled over into a new year.
    Rollover,
}

impl ChangeKind {
    /// The stored word.
    pub fn word(self) -> &'static str {
        match self {
            ChangeKind::Import => "import",
            ChangeKind::Edit => "edit",
            ChangeKind::Undo => "undo",
            ChangeKind::Redo => "redo",
            ChangeKind::Add => "add",
            ChangeKind::Remove => "remove",
            ChangeKind::Move => "move",
            ChangeKind::Collect => "collect",
            ChangeKind::Rollover => "rollover",
        }
    }

    /// The Japanese label clerks read in the log (an edit has none: it is the usual case).
    pub fn label_ja(self) -> &'static str {
        match self {
            ChangeKind::Import => "取込",
            ChangeKind::Edit => "",
            ChangeKind::Undo => "元に戻す",
            ChangeKind::Redo => "やり直し",
            ChangeKind::Add => "追加",
            ChangeKind::Remove => "削除",
            ChangeKind::Move => "移動",
            ChangeKind::Collect => "取りまとめ",
            ChangeKind::Rollover => "繰越",
        }
    }
}

impl FromStr for ChangeKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "import" => ChangeKind::Import,
            "edit" => ChangeKind::Edit,
            "undo" => ChangeKind::Undo,
            "redo" => ChangeKind::Redo,
            "add" => ChangeKind::Add,
            "remove" => ChangeKind::Remove,
            "move" => ChangeKind::Move,
            "collect" => ChangeKind::Collect,
            "rollover" => ChangeKind::Rollover,
            other => return Err(other.to_string()),
        })
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Where a change-log row's new value came from (its `source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Typed or chosen by a clerk.
    Typed,
    /// Read from a plan file.
    Imported,
    /// Collected from the sections' reports.
    Collected,
    /// Carried over from the year before.
    RolledOver,
    /// Taken back from the change log by an undo or redo.
    Undo,
}

impl Source {
    /// The stored word.
    pub fn word(self) -> &'static str {
        match self {
            Source::Typed => "typed",
            Source::Imported => "imported",
            Source::Collected => "collected",
            Source::RolledOver => "rolled_over",
            Source::Undo => "undo",
        }
    }
}

impl FromStr for Source {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "typed" => Source::Typed,
            "imported" => Source::Imported,
            "collected" => Source::Collected,
            "rolled_over" => Source::RolledOver,
            "undo" => Source::Undo,
            other => return Err(other.to_string()),
        })
    }
}

/// The field a change-log row is about, as its `field` word says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LoggedField {
    /// An editable field.
    Field(FieldKey),
    /// The row an import writes: about the whole plan, no field.
    Import,
    /// A row added, removed or moved as a whole (`store::structure`).
    Row,
    /// The plan's title or thresholds, or an initiative's title (`store::outline`).
    Outline(crate::model::outline::OutlineField),
    /// A word this tassei does not know (a newer tassei wrote it): shown as it is.
    Unknown(String),
}

impl LoggedField {
    /// The field, when the row is about one.
    pub fn key(&self) -> Option<FieldKey> {
        match self {
            LoggedField::Field(key) => Some(*key),
            LoggedField::Import
            | LoggedField::Row
            | LoggedField::Outline(_)
            | LoggedField::Unknown(_) => None,
        }
    }
}

/// One change-log row, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    /// The user action the row belongs to: the id of the action's first row.
    pub batch: i64,
    /// Local time, `2026-11-24 10:22:03`.
    pub at: String,
    pub actor: String,
    pub kind: ChangeKind,
    pub source: Source,
    pub subject: String,
    /// The field changed; [`LogEntry::label`] gives its Japanese label.
    pub field: LoggedField,
    /// Old and new as the log encodes them; [`LogEntry::old_value`] reads them.
    pub old: Option<String>,
    pub new: Option<String>,
    /// For an undo or redo: the row it reverts.
    pub reverts: Option<i64>,
    /// The goal the change belongs to (a part's or an activity's goal), when it is one.
    pub goal: Option<GoalId>,
    /// That goal's code (`⑴-ア-1`), while the goal is in the file: for display and to find it.
    pub goal_ref: Option<GoalRef>,
}

impl LogEntry {
    /// The typed old value, when the field is one an edit can restore.
    pub fn old_value(&self) -> Option<FieldValue> {
        decode_value(self.field.key()?, self.old.as_deref())
    }

    /// The typed new value, when the row is about a field and can be read as its value.
    pub fn new_value(&self) -> Option<FieldValue> {
        decode_value(self.field.key()?, self.new.as_deref())
    }

    /// Old and new of an outline row (the plan's title or thresholds, an initiative's title),
    /// when it is one and can be read.
    pub fn outline_values(
        &self,
    ) -> Option<(
        crate::model::outline::OutlineValue,
        crate::model::outline::OutlineValue,
    )> {
        let LoggedField::Outline(field) = self.field else {
            return None;
        };
        Some((
            super::codec::decode_outline(field, self.old.as_deref())?,
            super::codec::decode_outline(field, self.new.as_deref())?,
        ))
    }
}

/// Who last changed a field, and when: what the TUI shows beside a field changed by someone
/// else, and what a refused edit or undo names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    /// The change-log row.
    pub log_id: i64,
    pub actor: String,
    /// Local time to the minute, `2026-11-28 10:22`.
    pub at: String,
    pub kind: ChangeKind,
    /// The value the change wrote; `None` when the row cannot be read back as this field's value.
    pub value: Option<FieldValue>,
}

impl Store {
    /// The plan's change log, newest last; only rows about `goal` (its parts and activities
    /// included) when given.
    pub fn log(&self, plan: PlanId, goal: Option<GoalId>) -> Result<Vec<LogEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.batch, datetime(c.at, 'localtime') AS local_at, c.actor, c.kind, c.source,
                    c.subject, c.field, c.old, c.new, c.reverts, c.goal_id, i.id AS initiative_id,
                    i.area, i.kana,
                    g.number AS goal_number
             FROM (SELECT *,
                       CASE entity
                           WHEN ?3 THEN entity_id
                           WHEN ?4 THEN (SELECT goal_id FROM goal_part WHERE id = entity_id)
                           WHEN ?5 THEN (SELECT goal_id FROM activity WHERE id = entity_id)
                       END AS goal_id
                   FROM change_log
                   WHERE plan_id = ?1 AND (?2 IS NULL
                      OR (entity = ?3 AND entity_id = ?2)
                      OR (entity = ?4 AND entity_id IN (SELECT id FROM goal_part WHERE goal_id = ?2))
                      OR (entity = ?5 AND entity_id IN (SELECT id FROM activity WHERE goal_id = ?2)))
                  ) c
             LEFT JOIN goal g ON g.id = c.goal_id
             LEFT JOIN initiative i ON i.id = g.initiative_id
             ORDER BY c.id",
        )?;
        let [
            id_at,
            batch,
            at,
            actor,
            kind_at,
            source_at,
            subject,
            field,
            old,
            new,
            reverts,
            goal_at,
            initiative_at,
            area,
            kana,
            number,
        ] = by_name(
            &stmt,
            [
                "id",
                "batch",
                "local_at",
                "actor",
                "kind",
                "source",
                "subject",
                "field",
                "old",
                "new",
                "reverts",
                "goal_id",
                "initiative_id",
                "area",
                "kana",
                "goal_number",
            ],
        )?;
        // ?3, ?4, ?5: the entity words of a goal, a part and an activity.
        let mut rows = stmt.query(params![
            plan.0,
            goal.map(|g| g.0),
            entity_word(EntityKind::Goal),
            entity_word(EntityKind::Part),
            entity_word(EntityKind::Activity),
        ])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(id_at)?;
            let kind: String = r.get(kind_at)?;
            let source: String = r.get(source_at)?;
            let unknown = |what: &str, word: &str| {
                StoreError::Corrupt((strings().errors.store.log_unknown)(id, what, word))
            };
            // No goal once it is removed; a goal still there with a bad code is damage.
            let goal_ref = match (
                r.get::<_, Option<i64>>(initiative_at)?,
                r.get::<_, Option<u8>>(area)?,
                r.get::<_, Option<String>>(kana)?,
                r.get::<_, Option<u32>>(number)?,
            ) {
                (Some(initiative), Some(area), Some(kana), Some(goal)) => {
                    Some(goal_ref(area, &kana, goal, initiative)?)
                }
                _ => None,
            };
            out.push(LogEntry {
                id,
                batch: r.get(batch)?,
                at: r.get(at)?,
                actor: r.get(actor)?,
                kind: kind.parse().map_err(|_| unknown("kind", &kind))?,
                source: source.parse().map_err(|_| unknown("source", &source))?,
                subject: r.get(subject)?,
                field: logged_field(&r.get::<_, String>(field)?),
                old: r.get(old)?,
                new: r.get(new)?,
                reverts: r.get(reverts)?,
                goal: r.get::<_, Option<i64>>(goal_at)?.map(GoalId),
                goal_ref,
            });
        }
        Ok(out)
    }

    /// Who last changed `field`, when, and to what; `None` when the change log has no row for it
    /// (the value is as imported) or the row is gone. Rows are matched by the entity's uid, so a
    /// row id reused after a delete never inherits another row's history.
    pub fn last_change(&self, field: FieldRef) -> Result<Option<LastChange>, StoreError> {
        Ok(last_change_in(&self.conn, field)?)
    }
}

/// [`Store::last_change`] on any connection or transaction.
pub(super) fn last_change_in(
    conn: &Connection,
    field: FieldRef,
) -> rusqlite::Result<Option<LastChange>> {
    let Some(uid) = entity_uid(conn, field)? else {
        return Ok(None);
    };
    let key = field.key();
    let mut stmt = conn.prepare_cached(
        "SELECT id, actor, strftime('%Y-%m-%d %H:%M', at, 'localtime') AS minute, kind, old, new
         FROM change_log WHERE entity_uid = ?1 AND field = ?2 ORDER BY id DESC",
    )?;
    let [id, actor, minute, kind_at, old_at, new_at] =
        by_name(&stmt, ["id", "actor", "minute", "kind", "old", "new"])?;
    let mut rows = stmt.query(params![uid, field_word(key)])?;
    while let Some(r) = rows.next()? {
        let old: Option<String> = r.get(old_at)?;
        let new: Option<String> = r.get(new_at)?;
        let value = decode_value(key, new.as_deref());
        // A goal's notes share one field name per kind of note; the date is in the value.
        if let FieldRef::Note { date, .. } = field {
            let dated = |v: Option<FieldValue>| matches!(v, Some(FieldValue::Note { date: d, .. }) if d == date);
            if !dated(value.clone()) && !dated(decode_value(key, old.as_deref())) {
                continue;
            }
        }
        let kind: String = r.get(kind_at)?;
        let kind = kind.parse().map_err(|word: String| {
            rusqlite::Error::FromSqlConversionFailure(
                kind_at,
                rusqlite::types::Type::Text,
                (strings().errors.store.log_unknown_kind)(&word).into(),
            )
        })?;
        return Ok(Some(LastChange {
            log_id: r.get(id)?,
            actor: r.get(actor)?,
            at: r.get(minute)?,
            kind,
            value,
        }));
    }
    Ok(None)
}
