use super::*;

fn date(d: u32) -> CalendarDate {
    CalendarDate::new(2026, 11, d).expect("date")
}

/// Restores run several times a second in the crash harness: after pruning freed the
/// first name of a second, the next copy took it, sorted as the oldest, and was the next
/// one pruned — a restore's copy of the file as it was, gone at once.
#[test]
fn a_new_copy_is_numbered_after_every_copy_of_its_second() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("t.db");
    let stamp = "2026-11-28T053012";
    for name in [
        "t.db.bak-2026-11-28T053012-2",
        "t.db.bak-2026-11-28T053012-3",
    ] {
        fs::write(dir.path().join(name), "").expect("write");
    }
    let fresh = fresh_names(&data, "bak", stamp);
    assert_eq!(
        fresh[0].file_name().and_then(|n| n.to_str()),
        Some("t.db.bak-2026-11-28T053012-4"),
        "not the freed first name"
    );
    assert_eq!(
        names(&data, "bak", stamp)[0]
            .file_name()
            .and_then(|n| n.to_str()),
        Some("t.db.bak-2026-11-28T053012"),
        "the names that look for existing copies still start at the first"
    );
    let other = fresh_names(&data, "bak", "2026-11-28T053013");
    assert_eq!(
        other[0].file_name().and_then(|n| n.to_str()),
        Some("t.db.bak-2026-11-28T053013")
    );
}

#[test]
fn one_copy_per_day_and_only_the_newest_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("t.db");
    let store = Store::open(&data, "t").expect("opens");
    assert!(store.daily_backup(date(1), 3).expect("backup").is_some());
    assert!(
        store.daily_backup(date(1), 3).expect("backup").is_none(),
        "once per day"
    );
    for d in 2..=5 {
        store.daily_backup(date(d), 3).expect("backup");
    }
    let names: Vec<String> = backups(&data)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        [
            "t.db.bak-2026-11-03",
            "t.db.bak-2026-11-04",
            "t.db.bak-2026-11-05"
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&backups(&data)[0])
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    let copy = Store::open(&backups(&data)[2], "t").expect("a copy is a data file");
    assert_eq!(copy.plans().expect("plans").len(), 1);
}

#[test]
fn only_tassei_dated_copies_of_this_file_count() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("t.db");
    for name in [
        "t.db.bak-2026-11-01",
        "t.db.bak-2026-11-02T101500",
        "t.db.bak-2026-11-02T101500-2",
        "t.db.bak-2026-11-02T101500-10",
        // Not copies of t.db, or not finished, or not tassei's:
        "t.db.bak-2026-11-01-wal",
        "t.db.bak-2026-11-01-shm",
        "t.db.bak-2026-11-03.partial",
        "t.db.bak-2026-11-01.bak-2026-11-04",
        "t.db.bak-v4",
        "t.db.damaged-2026-11-02T101500",
        "t.db.bak-2026-1-01",
        "t.db.bak-20261101",
        "other.db.bak-2026-11-05",
    ] {
        fs::write(dir.path().join(name), "").expect("write");
    }
    let names: Vec<String> = backups(&data)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        [
            "t.db.bak-2026-11-01",
            "t.db.bak-2026-11-02T101500",
            "t.db.bak-2026-11-02T101500-2",
            "t.db.bak-2026-11-02T101500-10"
        ]
    );
    assert!(is_copy(&dir.path().join("t.db.bak-2026-11-01")));
    assert!(is_copy(&dir.path().join("t.db.bak-v4-2")));
    assert!(is_copy(&dir.path().join("t.db.damaged-2026-11-02T101500")));
    assert!(!is_copy(&data));
    assert!(!is_copy(&dir.path().join("t.bak-notes.db")));
}
