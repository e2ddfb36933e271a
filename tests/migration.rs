//! Upgrading data files written by older versions, from the schema fixtures they were made with.

use std::path::Path;

use tassei::store::{SCHEMA, SCHEMA_VERSION, Store};

/// A small plan and one edit in its change log, as any version so far stores them.
const OLD_DATA: &str = "
    INSERT INTO plan (id, slug, municipality, title, fiscal_year) VALUES (1, 'old', '市', '計画', 2023);
    INSERT INTO initiative (id, plan_id, area, kana, title, position) VALUES (1, 1, 1, 'ア', '取組', 0);
    INSERT INTO goal (id, initiative_id, number, position, title, unit, formula, direction, target_num, actual_num)
        VALUES (1, 1, 1, 0, '目標', '件', 'ratio', 'higher', '100', '90');
    INSERT INTO change_log (actor, plan_id, entity, entity_id, subject, field, old, new) VALUES
        ('a', 1, 'plan', 1, 'old', 'import', NULL, '\"x\"'),
        ('a', 1, 'goal', 1, '⑴-ア-1', 'actual', '\"80\"', '\"90\"');";

/// A file of schema `version`, made with the schema of that version.
fn create_old(path: &Path, schema: &str, version: u32) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(schema).expect("old schema");
    conn.execute_batch(OLD_DATA).expect("old data");
    if version >= 2 {
        conn.execute_batch("UPDATE change_log SET kind = 'import' WHERE field = 'import'")
            .expect("v2 kinds");
    }
    conn.pragma_update(None, "application_id", 1_413_567_315)
        .expect("application id");
    conn.pragma_update(None, "user_version", version)
        .expect("version");
}

fn create_v1(path: &Path) {
    create_old(path, include_str!("fixtures/create_v1_db.sql"), 1);
}

/// A column as `PRAGMA table_info` describes it: name, type, not null, default, primary key.
type Column = (String, String, bool, Option<String>, i64);

fn columns(path: &Path) -> Vec<(String, Vec<Column>)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    tables.sort();
    tables
        .into_iter()
        .map(|t| {
            let cols = conn
                .prepare(&format!("PRAGMA table_info({t})"))
                .and_then(|mut s| {
                    s.query_map([], |r| {
                        Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                    })?
                    .collect()
                })
                .expect("columns");
            (t, cols)
        })
        .collect()
}

#[test]
fn a_v1_file_is_backed_up_and_upgraded_to_the_current_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("old.db");
    create_v1(&old);
    let mut store = Store::open(&old, "t").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    assert_eq!(
        store.load_plan(plan_id).expect("loads").goals().count(),
        1,
        "data survives"
    );

    let backup = dir.path().join("old.db.bak-v1");
    let version: u32 = rusqlite::Connection::open(&backup)
        .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
        .expect("backup readable");
    assert_eq!(version, 1, "the backup is the file before the upgrade");

    // The old edit is undoable after the upgrade: the log rows were classified.
    let undone = store.undo(plan_id).expect("undo the v1 edit");
    assert_eq!(undone.to_string(), "undone ⑴-ア-1 実績値 90 → 80");
    drop(store);

    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh, "t").expect("fresh"));
    assert_eq!(
        columns(&old),
        columns(&fresh),
        "upgrading and creating give the same schema"
    );
    let v: u32 = rusqlite::Connection::open(&old)
        .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
        .expect("version");
    assert_eq!(v, SCHEMA_VERSION);
}

#[test]
fn a_v2_file_is_upgraded_to_the_current_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v2.db");
    create_old(&old, include_str!("fixtures/create_v2_db.sql"), 2);
    let mut store = Store::open(&old, "t").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    assert!(
        store
            .load_plan(plan_id)
            .expect("loads")
            .goals()
            .all(|(_, g)| g.derivations.is_empty())
    );
    assert_eq!(
        store.undo(plan_id).expect("undo").to_string(),
        "undone ⑴-ア-1 実績値 90 → 80"
    );
    drop(store);
    assert!(dir.path().join("v2.db.bak-v2").exists());
    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh, "t").expect("fresh"));
    assert_eq!(columns(&old), columns(&fresh));
}

#[test]
fn a_v3_file_is_upgraded_to_the_current_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v3.db");
    create_old(&old, include_str!("fixtures/create_v3_db.sql"), 3);
    let store = Store::open(&old, "t").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    assert!(
        store
            .load_plan(plan_id)
            .expect("loads")
            .goals()
            .all(|(_, g)| g.notes.is_empty())
    );
    drop(store);
    assert!(dir.path().join("v3.db.bak-v3").exists());
    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh, "t").expect("fresh"));
    assert_eq!(columns(&old), columns(&fresh));
}

#[test]
fn schema_sql_is_the_schema_the_code_embeds() {
    assert_eq!(SCHEMA, include_str!("../schema.sql"));
    assert!(
        SCHEMA.contains(&format!("version {SCHEMA_VERSION}")),
        "schema.sql names its version"
    );
}
