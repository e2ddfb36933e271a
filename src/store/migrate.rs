//! Schema versions. A new file gets `schema.sql`, the whole current schema; an older file is
//! copied with SQLite's backup API to `<file>.bak-v<N>` (a new name each time, `-2`, `-3`, …;
//! verified, so a damaged file is refused rather than upgraded) and then upgraded, all steps in
//! one transaction. Each step has a test that upgrades a `tests/fixtures/create_vN_db.sql` file.
//!
//! A step may rebuild a table (SQLite cannot alter a CHECK constraint): foreign keys are off
//! while the steps run and are checked with `PRAGMA foreign_key_check` before the commit.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::backup::{Copied, copy_verified, pre_upgrade_names};
use super::{Damage, OpenError};
use crate::strings::strings;

/// One upgrade step: the SQL that takes a file from version `to - 1` to version `to`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub to: u32,
    pub sql: &'static str,
}

/// The first released schema version.
pub const BASE_VERSION: u32 = 1;

/// Upgrade steps, oldest first; the last one reaches the version `schema.sql` creates.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 2,
        // Undo and redo are read back from the change log: each row says what kind it is and,
        // for undo and redo, which row it reverts.
        sql: "ALTER TABLE change_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit'
                  CHECK (kind IN ('import', 'edit', 'undo', 'redo'));
              ALTER TABLE change_log ADD COLUMN reverts INTEGER REFERENCES change_log(id);
              UPDATE change_log SET kind = 'import' WHERE field = 'import';",
    },
    Migration {
        to: 3,
        // The arithmetic behind a figure, shown in the method lookup.
        sql: "CREATE TABLE goal_derivation (
                  goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                  figure     TEXT NOT NULL CHECK (figure IN ('baseline', 'target', 'actual')),
                  expression TEXT NOT NULL,
                  precision  INTEGER NOT NULL DEFAULT 0 CHECK (precision BETWEEN 0 AND 4),
                  PRIMARY KEY (goal_id, figure)
              ) STRICT;",
    },
    Migration {
        to: 4,
        // Review meetings: a note per goal per meeting date, with the figures of the day.
        sql: "CREATE TABLE meeting_note (
                  goal_id      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                  meeting_date TEXT NOT NULL,
                  decision     TEXT NOT NULL DEFAULT '',
                  follow_up    TEXT NOT NULL DEFAULT '',
                  owner        TEXT NOT NULL DEFAULT '',
                  due          TEXT NOT NULL DEFAULT '',
                  figures      TEXT NOT NULL DEFAULT '{}',
                  PRIMARY KEY (goal_id, meeting_date)
              ) STRICT;",
    },
    Migration {
        to: 5,
        // Identity (a uid on every plan, initiative, goal, part and activity), batches, entity
        // uids and sources in the change log, and the activity status 未記入 (unset).
        sql: include_str!("migrate_v5.sql"),
    },
    Migration {
        to: 6,
        // The handout registry (照会): which section got which fields of which plan, each
        // field's value as handed out and as last collected; the change log names the handout
        // and the returned file a collected value came from.
        sql: "CREATE TABLE handout (
                  id           INTEGER PRIMARY KEY,
                  plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                  section      TEXT NOT NULL,
                  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                  collected_at TEXT
              ) STRICT;
              CREATE TABLE handout_field (
                  handout_id INTEGER NOT NULL REFERENCES handout(id) ON DELETE CASCADE,
                  entity_uid TEXT NOT NULL,
                  field      TEXT NOT NULL,
                  base       TEXT,
                  collected  TEXT,
                  PRIMARY KEY (handout_id, entity_uid, field)
              ) STRICT;
              CREATE INDEX handout_by_plan ON handout(plan_id, id);
              ALTER TABLE change_log ADD COLUMN handout_id INTEGER REFERENCES handout(id);
              ALTER TABLE change_log ADD COLUMN origin TEXT;",
    },
    Migration {
        to: 7,
        // Years of one plan: a plan's lineage (shared with the plans rolled over from it) and,
        // on each initiative, goal and activity, the uid of the row it was rolled over from.
        sql: "ALTER TABLE plan ADD COLUMN lineage TEXT;
              ALTER TABLE initiative ADD COLUMN previous_uid TEXT;
              ALTER TABLE goal ADD COLUMN previous_uid TEXT;
              ALTER TABLE activity ADD COLUMN previous_uid TEXT;",
    },
];

/// The data file version this build writes: the version `schema.sql` creates.
pub const SCHEMA_VERSION: u32 = 7;

/// The version after all of `migrations`.
pub fn newest(migrations: &[Migration]) -> u32 {
    migrations.last().map_or(BASE_VERSION, |m| m.to)
}

/// The first name tried for the copy made before upgrading from `version`.
#[cfg(test)]
pub fn backup_path(path: &Path, version: u32) -> std::path::PathBuf {
    pre_upgrade_names(path, version).swap_remove(0)
}

/// Copies the file, then applies every step after `from` in one IMMEDIATE transaction, with
/// foreign keys off (they cannot be switched inside a transaction) and checked before commit.
/// The copy is verified: a damaged file is refused, not upgraded.
pub fn upgrade(
    conn: &mut Connection,
    path: &Path,
    from: u32,
    migrations: &[Migration],
) -> Result<(), OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let backup_failed = |reason: String| OpenError::Backup {
        path: path.to_path_buf(),
        reason,
    };
    match copy_verified(conn, &pre_upgrade_names(path, from), &[])
        .map_err(|e| backup_failed(e.to_string()))?
    {
        Copied::Good(_) => {}
        Copied::Damaged { found, .. } => return Err(OpenError::Damaged(Damage::of(path, found))),
        Copied::Busy => {
            return Err(backup_failed(
                strings().errors.open.copying_elsewhere.to_string(),
            ));
        }
    }
    conn.pragma_update(None, "foreign_keys", "OFF")
        .map_err(sqlite)?;
    let upgraded = apply_steps(conn, path, from, migrations);
    // Back on whether or not the steps worked: this connection goes on to serve edits.
    let restored = conn
        .pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite);
    upgraded?;
    restored
}

/// The steps after `from`, in one transaction that commits only when no foreign key dangles.
fn apply_steps(
    conn: &mut Connection,
    path: &Path,
    from: u32,
    migrations: &[Migration],
) -> Result<(), OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    // Another process may have upgraded it while this one waited for the transaction.
    let from: u32 = tx
        .pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))
        .map_err(sqlite)?
        .max(from);
    for step in migrations.iter().filter(|m| m.to > from) {
        tx.execute_batch(step.sql).map_err(sqlite)?;
        tx.pragma_update(None, "user_version", step.to)
            .map_err(sqlite)?;
    }
    let dangling: Option<(String, Option<i64>, String)> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()
        .map_err(sqlite)?;
    if let Some((table, row, parent)) = dangling {
        return Err(OpenError::Damaged(Damage::of(
            path,
            (strings().errors.open.dangling_row)(row, &table, &parent),
        )));
    }
    tx.commit().map_err(sqlite)
}
