use super::*;
use crate::model::{Edit, Value};

/// Byte 18 of an SQLite header: 1 for a rollback journal, 2 for WAL.
fn write_version(path: &Path) -> u8 {
    fs::read(path).expect("read")[18]
}

/// A coordinator's file with the bundled plan and a second one; the first plan's id.
fn coordinator(path: &Path) -> (Store, PlanId) {
    let mut store = Store::open(path, "coord").expect("opens");
    let plan = store.plan_id(None).expect("a plan");
    let mut other = crate::sheet::bundled().expect("bundled");
    other.slug = "other-plan".into();
    store.import(&other).expect("a second plan");
    (store, plan)
}

/// The 評価内容 of ⑴-ウ-1, as a handout of it carries it.
fn carry_one(plan: &Plan) -> Vec<CarriedField> {
    let (_, goal) = plan.goal("1-ウ-1".parse().expect("code")).expect("goal");
    vec![(
        goal.uid.to_string(),
        FieldKey::Evaluation,
        FieldValue::Text(goal.evaluation.clone()),
    )]
}

#[test]
fn an_exchange_file_is_one_plan_in_a_rollback_journal_and_stays_in_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, plan) = coordinator(&dir.path().join("coord.db"));
    let dest = dir.path().join("市民係.tassei");
    let (id, fields) = store
        .hand_out_file(plan, "市民係", &dest, carry_one)
        .expect("written");
    assert_eq!(fields.len(), 1);
    assert!(!with_suffix(&dest, PARTIAL).exists());
    assert_eq!(write_version(&dest), 1, "a rollback journal");
    let registered = store.handout(id).expect("reads").expect("registered");
    assert_eq!(
        (registered.section.as_str(), registered.fields.len()),
        ("市民係", 1)
    );

    let conn = Connection::open(&dest).expect("open");
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
        .expect("plans");
    assert_eq!(plans, 1, "the other plan is not in the file");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete");
    drop(conn);

    // Opened and edited as a data file (on the laptop), it stays in its journal: no -wal.
    let mut laptop = Store::open(&dest, "tanaka").expect("opens");
    let there = laptop.plan_id(None).expect("its plan");
    let loaded = laptop.load_plan(there).expect("loads");
    let (_, goal) = loaded.goal("1-ウ-1".parse().expect("code")).expect("goal");
    laptop
        .apply(
            &Edit::Actual {
                goal: goal.id,
                value: Value::Number(85.into()),
            },
            None,
        )
        .expect("an edit");
    assert!(!with_suffix(&dest, "-wal").exists(), "no WAL while open");
    let changes = laptop.changes_after(there, 0).expect("log");
    drop(laptop);
    assert_eq!(write_version(&dest), 1);
    let last = changes.last().expect("the edit is logged");
    assert_eq!(
        (last.actor.as_str(), last.field.key()),
        ("tanaka", Some(FieldKey::Actual))
    );

    let copy = read_exchange_file(&dest).expect("reads");
    assert_eq!(copy.format, EXCHANGE_FORMAT);
    let meta = copy.meta().expect("meta");
    assert_eq!(
        (meta.section.as_str(), meta.handout, meta.fiscal_year),
        ("市民係", id, 2023)
    );
    assert!(
        meta.log_from < last.id,
        "the laptop's edit is after the handout"
    );
    let folder = copy.folder.clone();
    assert!(folder.exists());
    drop(copy);
    assert!(!folder.exists(), "the copy is removed");
}

#[test]
fn a_file_at_the_name_is_never_replaced_and_nothing_is_registered() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, plan) = coordinator(&dir.path().join("coord.db"));
    let dest = dir.path().join("市民係.tassei");
    fs::write(&dest, "a section's figures").expect("write");
    let refused = store.hand_out_file(plan, "市民係", &dest, carry_one);
    assert!(
        matches!(refused, Err(ExchangeWriteError::Exists(_))),
        "{refused:?}"
    );
    assert_eq!(fs::read(&dest).expect("read"), b"a section's figures");
    assert!(
        store.handout(1).expect("reads").is_none(),
        "nothing registered"
    );
}

#[test]
fn a_collect_refuses_a_file_still_open_and_files_that_are_no_handout() {
    let dir = tempfile::tempdir().expect("dir");
    let coord = dir.path().join("coord.db");
    let (mut store, plan) = coordinator(&coord);
    let dest = dir.path().join("市民係.tassei");
    store
        .hand_out_file(plan, "市民係", &dest, carry_one)
        .expect("written");
    fs::write(with_suffix(&dest, "-wal"), "").expect("a wal");
    assert!(matches!(
        read_exchange_file(&dest),
        Err(ExchangeFileError::OpenBeside(p)) if p == with_suffix(&dest, "-wal")
    ));
    fs::remove_file(with_suffix(&dest, "-wal")).expect("removed");
    assert!(read_exchange_file(&dest).is_ok());

    // Switched to WAL on the laptop (an older tassei) and mailed without its -wal.
    let switched = dir.path().join("switched.tassei");
    fs::copy(&dest, &switched).expect("copied");
    {
        let conn = rusqlite::Connection::open(&switched).expect("opens");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
    }
    for side in ["-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(&switched, side));
    }
    assert!(matches!(
        read_exchange_file(&switched),
        Err(ExchangeFileError::WasWal)
    ));

    drop(store);
    assert!(matches!(
        read_exchange_file(&coord),
        Err(ExchangeFileError::NotExchange)
    ));
    let text = dir.path().join("notes.tassei");
    fs::write(&text, "not a database at all, but long enough to have a header of a hundred bytes, or nearly so ....").expect("write");
    assert!(matches!(
        read_exchange_file(&text),
        Err(ExchangeFileError::NotTassei)
    ));
    assert!(is_sqlite_file(&dest) && !is_sqlite_file(&text));
}

/// The laptop's tassei knows the file it opened is a section's handout, and which.
#[test]
fn an_exchange_file_opened_as_a_data_file_says_whose_it_is() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, plan) = coordinator(&dir.path().join("coord.db"));
    assert_eq!(store.exchange_meta().expect("reads"), None, "not a handout");
    let dest = dir.path().join("市民係.tassei");
    let (id, _) = store
        .hand_out_file(plan, "市民係", &dest, carry_one)
        .expect("written");
    let laptop = Store::open(&dest, "sato").expect("opens");
    let meta = laptop.exchange_meta().expect("reads").expect("a handout");
    assert_eq!((meta.section.as_str(), meta.handout), ("市民係", id));
    let there = laptop.plan_id(None).expect("its plan");
    let uid = laptop.load_plan(there).expect("loads").uid.to_string();
    assert_eq!(meta.plan_uid, uid);
}
