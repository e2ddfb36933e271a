//! Upgrading data files written by older versions, from the schema fixtures they were made with.

use std::path::Path;

use tassei::model::ActivityStatus;
use tassei::store::{SCHEMA, SCHEMA_VERSION, Store, UndoOptions};
use tassei::strings::{Lang, pin_thread};

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
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("old.db");
    create_v1(&old);
    // Opened as "a", who made the old edit: undo takes back one's own edits.
    let mut store = Store::open(&old, "a").expect("upgraded");
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
    let undone = store
        .undo(plan_id, UndoOptions::default())
        .expect("undo the v1 edit");
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
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v2.db");
    create_old(&old, include_str!("fixtures/create_v2_db.sql"), 2);
    let mut store = Store::open(&old, "a").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    assert!(
        store
            .load_plan(plan_id)
            .expect("loads")
            .goals()
            .all(|(_, g)| g.derivations.is_empty())
    );
    assert_eq!(
        store
            .undo(plan_id, UndoOptions::default())
            .expect("undo")
            .to_string(),
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

/// Index names and the SQL that made them: an upgrade must leave the same indexes as a new file.
fn indexes(path: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.prepare(
        "SELECT name, coalesce(sql, 'auto ' || tbl_name) FROM sqlite_schema
         WHERE type = 'index' ORDER BY name",
    )
    .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
    .expect("indexes")
}

/// A version-4 file with three activities and a log that touched one of them, a part, and a
/// row about a goal that is no longer there.
fn create_v4(path: &Path) {
    create_old(path, include_str!("fixtures/create_v4_db.sql"), 4);
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(
        "INSERT INTO goal (id, initiative_id, number, position, title, formula, direction)
             VALUES (2, 1, 2, 1, '複合', 'composite', 'higher');
         INSERT INTO goal_part (id, goal_id, position, label, unit, target, actual)
             VALUES (7, 2, 0, '回数', '回', '6', '13');
         INSERT INTO activity (id, goal_id, position, content, period_raw, period_end, status) VALUES
             (10, 1, 0, '研修', 'R５.５', '2023-05-31', 'todo'),
             (11, 1, 1, '説明会', 'R５.６', '2023-06-30', 'todo'),
             (12, 1, 2, '周知', 'R５.７', '2023-07-31', 'done');
         INSERT INTO activity_section (activity_id, position, section) VALUES (10, 0, '係');
         INSERT INTO change_log (actor, plan_id, entity, entity_id, subject, field, old, new, kind) VALUES
             ('b', 1, 'activity', 11, '⑴-ア-1 実施内容2', 'activity_status', '\"todo\"', '\"done\"', 'edit'),
             ('b', 1, 'activity', 11, '⑴-ア-1 実施内容2', 'activity_status', '\"done\"', '\"todo\"', 'edit'),
             ('b', 1, 'part', 7, '⑴-ア-2 回数', 'part_actual', '\"12\"', '\"13\"', 'edit'),
             ('b', 1, 'goal', 99, '⑴-ア-9', 'actual', '\"1\"', '\"2\"', 'edit');
         INSERT INTO change_log (actor, plan_id, entity, entity_id, subject, field, old, new, kind, reverts)
             VALUES ('b', 1, 'part', 7, '⑴-ア-2 回数', 'part_actual', '\"13\"', '\"12\"', 'undo', 5);",
    )
    .expect("v4 data");
}

#[test]
fn a_v4_file_gets_uids_batches_and_unrecorded_activities() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v4.db");
    create_v4(&old);
    let store = Store::open(&old, "a").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    let plan = store.load_plan(plan_id).expect("loads");
    drop(store);
    assert!(dir.path().join("v4.db.bak-v4").exists());

    let conn = rusqlite::Connection::open(&old).expect("open");
    let uids: Vec<(String, i64, String)> = conn
        .prepare(
            "SELECT 'plan', id, uid FROM plan UNION ALL SELECT 'initiative', id, uid FROM initiative
             UNION ALL SELECT 'goal', id, uid FROM goal UNION ALL SELECT 'part', id, uid FROM goal_part
             UNION ALL SELECT 'activity', id, uid FROM activity ORDER BY 1, 2",
        )
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("uids");
    let ids: Vec<(&str, i64)> = uids.iter().map(|(t, id, _)| (t.as_str(), *id)).collect();
    assert_eq!(
        ids,
        [
            ("activity", 10),
            ("activity", 11),
            ("activity", 12),
            ("goal", 1),
            ("goal", 2),
            ("initiative", 1),
            ("part", 7),
            ("plan", 1)
        ],
        "ids are kept"
    );
    let distinct: std::collections::HashSet<&str> =
        uids.iter().map(|(_, _, u)| u.as_str()).collect();
    assert_eq!(distinct.len(), uids.len(), "uids are unique");
    for (table, id, uid) in &uids {
        assert!(
            uid.len() == 32 && uid.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')),
            "{table} {id}: {uid}"
        );
    }
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(
        goal.uid.to_string(),
        uids[3].2,
        "the model carries the stored uid"
    );

    // 未記入: the todo nobody touched; the todo set back by hand stays 未着手; done stays done.
    let statuses: Vec<ActivityStatus> = goal.activities.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        [
            ActivityStatus::Unset,
            ActivityStatus::Todo,
            ActivityStatus::Done
        ]
    );
    assert_eq!(
        goal.activities[0].sections,
        ["係"],
        "sections still belong to it"
    );

    // Every log row is kept, each its own batch, named by the uid of what it changed.
    let log: Vec<(i64, i64, String, String, String, String)> = conn
        .prepare("SELECT id, batch, entity, entity_uid, kind, source FROM change_log ORDER BY id")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect()
        })
        .expect("log");
    assert_eq!(log.len(), 7);
    assert!(log.iter().all(|(id, batch, ..)| id == batch));
    let uid_of = |table: &str, id: i64| {
        uids.iter()
            .find(|(t, i, _)| t == table && *i == id)
            .map(|(_, _, u)| u.clone())
            .expect("row")
    };
    let named: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|(_, _, e, _, k, s)| (e.as_str(), k.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("plan", "import", "imported"),
            ("goal", "edit", "typed"),
            ("activity", "edit", "typed"),
            ("activity", "edit", "typed"),
            ("part", "edit", "typed"),
            ("goal", "edit", "typed"),
            ("part", "undo", "undo"),
        ]
    );
    assert_eq!(log[0].3, uid_of("plan", 1));
    assert_eq!(log[1].3, uid_of("goal", 1));
    assert_eq!(log[2].3, uid_of("activity", 11));
    assert_eq!(log[4].3, uid_of("part", 7));
    assert!(
        !uids.iter().any(|(_, _, u)| *u == log[5].3) && log[5].3.len() == 32,
        "a row about a goal no longer there names no row"
    );
    let reverts: Option<i64> = conn
        .query_row("SELECT reverts FROM change_log WHERE id = 7", [], |r| {
            r.get(0)
        })
        .expect("undo row");
    assert_eq!(reverts, Some(5));
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("fk check");
    assert_eq!(dangling, 0);
    drop(conn);

    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh, "t").expect("fresh"));
    assert_eq!(columns(&old), columns(&fresh), "same tables and columns");
    assert_eq!(indexes(&old), indexes(&fresh), "same indexes");

    // The old edit is still undoable by the one who made it, named by the goal's uid.
    let mut store = Store::open(&old, "a").expect("reopens");
    assert_eq!(
        store
            .undo(plan_id, UndoOptions::default())
            .expect("undo a's edit")
            .to_string(),
        "undone ⑴-ア-1 実績値 90 → 80"
    );
}

#[test]
fn a_failed_v5_step_leaves_the_v4_file_as_it_was() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v4.db");
    create_v4(&old);
    // A log row pointing at a plan that is not there: the upgrade's foreign-key check refuses.
    {
        let conn = rusqlite::Connection::open(&old).expect("open");
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO change_log (actor, plan_id, entity, entity_id, subject, field)
             VALUES ('x', 42, 'goal', 1, 's', 'actual');",
        )
        .expect("a dangling row");
    }
    let err = Store::open(&old, "a").err().expect("refused");
    assert!(
        err.to_string()
            .contains("refers to a row of plan that is not there"),
        "{err}"
    );
    let conn = rusqlite::Connection::open(&old).expect("open");
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 4, "rolled back");
    let has_uid: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('goal') WHERE name = 'uid'",
            [],
            |r| r.get(0),
        )
        .expect("columns");
    assert_eq!(has_uid, 0);
}

#[cfg(unix)]
#[test]
fn a_copy_before_an_upgrade_never_replaces_a_file_nor_follows_a_symlink() {
    let dir = tempfile::tempdir().expect("dir");
    // Another tassei file, and a symlink to it planted at the name of the copy to come.
    let victim = dir.path().join("victim.db");
    drop(Store::open(&victim, "t").expect("victim"));
    let victim_before = std::fs::read(&victim).expect("read");
    let old = dir.path().join("old.db");
    create_v1(&old);
    std::os::unix::fs::symlink(&victim, dir.path().join("old.db.bak-v1")).expect("symlink");
    // And a copy left by an earlier upgrade attempt under the next name.
    let earlier = dir.path().join("old.db.bak-v1-2");
    std::fs::write(&earlier, "an earlier copy").expect("write");

    drop(Store::open(&old, "a").expect("upgraded"));
    assert_eq!(
        std::fs::read(&victim).expect("read"),
        victim_before,
        "the file the symlink points at is untouched"
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join("old.db.bak-v1"))
            .expect("still there")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&earlier).expect("read"), b"an earlier copy");
    let copy = dir.path().join("old.db.bak-v1-3");
    let version: u32 = rusqlite::Connection::open(&copy)
        .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
        .expect("the copy is under the first free name");
    assert_eq!(version, 1);
}

/// A version-5 file (uids, batches; no handout registry): a plan with a plain goal, a
/// composite goal's part and two activities with their sections, and a log of an import, a
/// batch of two edits, an activity's status and an undo that reverts one of them.
fn create_v5(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(include_str!("fixtures/create_v5_db.sql"))
        .expect("v5 schema");
    conn.execute_batch(
        "INSERT INTO plan (id, slug, municipality, title, fiscal_year) VALUES (1, 'old', '市', '計画', 2023);
         INSERT INTO policy_area (plan_id, number, title) VALUES (1, 1, '方向性');
         INSERT INTO initiative (id, plan_id, area, kana, title, position) VALUES (1, 1, 1, 'ア', '取組', 0);
         INSERT INTO goal (id, initiative_id, number, position, title, unit, formula, direction,
                           target_num, actual_num, evaluation)
             VALUES (1, 1, 1, 0, '目標', '件', 'ratio', 'higher', '100', '90', '順調に推移した。');
         INSERT INTO goal (id, initiative_id, number, position, title, formula, direction)
             VALUES (2, 1, 2, 1, '複合', 'composite', 'higher');
         INSERT INTO goal_part (id, goal_id, position, label, unit, target, actual)
             VALUES (7, 2, 0, '回数', '回', '6', '13');
         INSERT INTO activity (id, goal_id, position, content, period_raw, period_end, status) VALUES
             (10, 1, 0, '研修', 'R５.５', '2023-05-31', 'unset'),
             (11, 1, 1, '説明会', 'R５.６', '2023-06-30', 'done');
         INSERT INTO activity_section (activity_id, position, section) VALUES
             (10, 0, '市民係'), (10, 1, '総務係'), (11, 0, '総務係');",
    )
    .expect("v5 plan");
    let uid = |table: &str, id: i64| -> String {
        conn.query_row(
            &format!("SELECT uid FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .expect("uid")
    };
    let (plan, goal, part, activity) = (
        uid("plan", 1),
        uid("goal", 1),
        uid("goal_part", 7),
        uid("activity", 11),
    );
    conn.execute_batch(&format!(
        "INSERT INTO change_log (id, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source) VALUES
             (1, 'a', 1, 1, 'plan', 1, '{plan}', 'old', 'import', NULL, '\"x\"', 'import', 'imported'),
             (2, 'a', 1, 2, 'goal', 1, '{goal}', '⑴-ア-1', 'actual', '\"80\"', '\"90\"', 'edit', 'typed'),
             (3, 'a', 1, 2, 'part', 7, '{part}', '⑴-ア-2 回数', 'part_actual', '\"12\"', '\"13\"', 'edit', 'typed'),
             (4, 'b', 1, 4, 'activity', 11, '{activity}', '⑴-ア-1 実施内容2', 'activity_status',
                 '\"todo\"', '\"done\"', 'edit', 'typed');
         INSERT INTO change_log (id, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source, reverts) VALUES
             (5, 'b', 1, 5, 'activity', 11, '{activity}', '⑴-ア-1 実施内容2', 'activity_status',
                 '\"done\"', '\"todo\"', 'undo', 'undo', 4),
             (6, 'b', 1, 6, 'activity', 11, '{activity}', '⑴-ア-1 実施内容2', 'activity_status',
                 '\"todo\"', '\"done\"', 'redo', 'undo', 5);"
    ))
    .expect("v5 log");
    conn.pragma_update(None, "application_id", 1_413_567_315)
        .expect("application id");
    conn.pragma_update(None, "user_version", 5)
        .expect("version");
}

/// Every row of every table, each value as SQLite's quote() spells it, in the columns `of`
/// names for that table (the old file's columns, so an upgrade's new columns are left out).
fn rows(path: &Path, of: &[(String, Vec<Column>)]) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    of.iter()
        .map(|(table, cols)| {
            let quoted: Vec<String> = cols
                .iter()
                .map(|(name, ..)| format!("quote({name})"))
                .collect();
            let sql = format!(
                "SELECT {} FROM {table} ORDER BY rowid",
                quoted.join(" || '|' || ")
            );
            let all: Vec<String> = conn
                .prepare(&sql)
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .expect("rows");
            (table.clone(), all)
        })
        .collect()
}

#[test]
fn a_v5_file_gets_the_handout_registry_and_keeps_every_value_and_log_row() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v5.db");
    create_v5(&old);
    let before_columns = columns(&old);
    let before = rows(&old, &before_columns);
    assert_eq!(
        before
            .iter()
            .find(|(t, _)| t == "change_log")
            .map(|(_, r)| r.len()),
        Some(6)
    );

    let mut store = Store::open(&old, "a").expect("upgraded");
    let plan_id = store.plan_id(None).expect("plan");
    let plan = store.load_plan(plan_id).expect("loads");
    assert!(dir.path().join("v5.db.bak-v5").exists());
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(goal.evaluation, "順調に推移した。");
    assert_eq!(
        goal.activities
            .iter()
            .map(|a| (a.status, a.sections.clone()))
            .collect::<Vec<_>>(),
        [
            (
                ActivityStatus::Unset,
                vec!["市民係".into(), "総務係".into()]
            ),
            (ActivityStatus::Done, vec!["総務係".to_string()]),
        ]
    );

    // The registry is there and empty, and works: a handout registers on the upgraded file.
    assert!(store.handout(1).expect("reads").is_none());
    let handout = store
        .create_handout(
            plan_id,
            "総務係",
            &[(
                goal.uid.to_string(),
                tassei::model::FieldKey::Evaluation,
                tassei::model::FieldValue::Text(goal.evaluation.clone()),
            )],
        )
        .expect("registers");
    assert_eq!(
        store
            .handout(handout)
            .expect("reads")
            .expect("there")
            .fields
            .len(),
        1
    );
    // Every value and log row the v5 file held is there as it was (in the v5 columns).
    assert_eq!(
        rows(&old, &before_columns),
        before,
        "every value and log row kept"
    );
    // The old edit batch is still undoable by the one who made it: both rows of it.
    assert_eq!(
        store
            .undo(plan_id, UndoOptions::default())
            .expect("undo a's batch")
            .to_string(),
        "undone ⑴-ア-2 回数 実績値 13 → 12 (and 1 more change made with it)"
    );
    drop(store);

    // The log's new columns are empty on the old rows.
    let conn = rusqlite::Connection::open(&old).expect("open");
    let marked: i64 = conn
        .query_row(
            "SELECT count(*) FROM change_log WHERE id <= 6
             AND (handout_id IS NOT NULL OR origin IS NOT NULL)",
            [],
            |r| r.get(0),
        )
        .expect("new columns");
    assert_eq!(marked, 0, "no old row names a handout");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("fk check");
    assert_eq!(dangling, 0);
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    drop(conn);

    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh, "t").expect("fresh"));
    assert_eq!(columns(&old), columns(&fresh), "same tables and columns");
    assert_eq!(indexes(&old), indexes(&fresh), "same indexes");
}

#[test]
fn an_upgraded_file_gets_lineage_columns_left_empty_for_its_plans_and_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("v5.db");
    create_v5(&old);
    drop(Store::open(&old, "a").expect("upgraded"));
    let conn = rusqlite::Connection::open(&old).expect("open");
    for (table, column) in [
        ("plan", "lineage"),
        ("initiative", "previous_uid"),
        ("goal", "previous_uid"),
        ("activity", "previous_uid"),
    ] {
        let set: i64 = conn
            .query_row(&format!("SELECT count({column}) FROM {table}"), [], |r| {
                r.get(0)
            })
            .expect("column added by v7");
        assert_eq!(set, 0, "{table}.{column} is empty until a rollover");
    }
}
