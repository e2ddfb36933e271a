use super::*;

const ADD_COLUMN: Migration = Migration {
    to: SCHEMA_VERSION + 1,
    sql: "ALTER TABLE plan ADD COLUMN region TEXT NOT NULL DEFAULT '';",
};
const BROKEN: Migration = Migration {
    to: SCHEMA_VERSION + 2,
    sql: "ALTER TABLE no_such_table ADD COLUMN x TEXT;",
};

/// The real ladder plus made-up steps after it.
fn ladder(extra: &[Migration]) -> Vec<Migration> {
    migrate::MIGRATIONS.iter().chain(extra).copied().collect()
}

impl Store {
    /// Opens with a made-up ladder of upgrade steps.
    fn open_with_ladder(
        path: &Path,
        actor: &str,
        migrations: &[Migration],
    ) -> Result<Store, OpenError> {
        Store::open_with(
            path,
            actor,
            migrations,
            &OpenOptions::default(),
            Purpose::Use,
            None,
        )
    }
}

fn version(path: &Path) -> u32 {
    let conn = Connection::open(path).expect("open");
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version")
}

#[test]
fn the_ladder_ends_at_the_version_schema_sql_creates() {
    assert_eq!(migrate::newest(migrate::MIGRATIONS), SCHEMA_VERSION);
}

#[test]
fn an_older_file_is_backed_up_then_upgraded() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("t.db");
    drop(Store::open(&path, "t").expect("current"));
    assert_eq!(version(&path), SCHEMA_VERSION);
    let store = Store::open_with_ladder(&path, "t", &ladder(&[ADD_COLUMN])).expect("upgraded");
    assert_eq!(
        store.plans().expect("plans").len(),
        1,
        "data survives the upgrade"
    );
    let region: String = store
        .conn
        .query_row("SELECT region FROM plan", [], |r| r.get(0))
        .expect("new column");
    assert_eq!(region, "");
    drop(store);
    assert_eq!(version(&path), SCHEMA_VERSION + 1);
    let backup = migrate::backup_path(&path, SCHEMA_VERSION);
    assert_eq!(
        version(&backup),
        SCHEMA_VERSION,
        "the backup is the file as it was"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&backup).expect("backup").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_failed_upgrade_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("t.db");
    drop(Store::open(&path, "t").expect("current"));
    let err = Store::open_with_ladder(&path, "t", &ladder(&[ADD_COLUMN, BROKEN]))
        .err()
        .expect("fails");
    assert!(err.to_string().contains("no_such_table"), "{err}");
    assert_eq!(
        version(&path),
        SCHEMA_VERSION,
        "both steps rolled back together"
    );
    assert!(Store::open(&path, "t").is_ok(), "still opens");
}

#[test]
fn a_file_newer_than_the_ladder_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("t.db");
    drop(Store::open_with_ladder(&path, "t", &ladder(&[ADD_COLUMN])).expect("one step newer"));
    let err = Store::open(&path, "t").err().expect("refused");
    let newer = SCHEMA_VERSION + 1;
    assert!(
        matches!(err, OpenError::Newer { found, supported: SCHEMA_VERSION, .. } if found == newer),
        "{err}"
    );
}

#[test]
fn an_empty_file_becomes_a_data_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("empty.db");
    fs::write(&path, "").expect("write");
    let store = Store::open(&path, "t").expect("opens");
    assert_eq!(store.plans().expect("plans").len(), 1);
}

#[test]
fn an_import_onto_a_full_disk_says_the_disk_is_full() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("t.db"), "t").expect("opens");
    let pages: i64 = store
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .expect("page count");
    // The file may not grow: SQLite answers SQLITE_FULL, as on a full disk.
    store
        .conn
        .pragma_update(None, "max_page_count", pages)
        .expect("cap");
    let mut plan = crate::sheet::bundled().expect("bundled");
    plan.slug = "another".into();
    let err = store.import(&plan).expect_err("no room");
    assert!(
        matches!(err, ImportError::Store(StoreError::DiskFull)),
        "{err:?}"
    );
    assert_eq!(err.to_string(), strings().errors.store.disk_full);
}
