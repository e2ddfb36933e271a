//! Copies of the data file beside it, made with SQLite's backup API (consistent even while the
//! file is in use): one per day of use, any made on request, and the restore of one. The newest
//! `keep` dated copies are kept; the copies made before an upgrade (`.bak-vN`) are never pruned.

use std::fs;
use std::path::{Path, PathBuf};

use super::{
    Found, OpenError, SCHEMA_VERSION, Store, StoreError, create_private, inspect, refuse_foreign,
};
use crate::model::CalendarDate;

/// How many dated copies are kept unless configured otherwise (`TASSEI_KEEP_BACKUPS`).
pub const DEFAULT_KEEP: usize = 7;

/// `<file>.bak-<stamp>`
fn backup_path(data: &Path, stamp: &str) -> PathBuf {
    let mut name = data.as_os_str().to_os_string();
    name.push(format!(".bak-{stamp}"));
    PathBuf::from(name)
}

/// The dated copies of a data file, oldest first (their names sort by date and time).
pub fn backups(data: &Path) -> Vec<PathBuf> {
    let Some(dir) = data.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    }) else {
        return vec![];
    };
    let Some(prefix) = data
        .file_name()
        .map(|n| format!("{}.bak-", n.to_string_lossy()))
    else {
        return vec![];
    };
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .is_some_and(|n| {
                            n.strip_prefix(&prefix).is_some_and(|stamp| {
                                stamp.starts_with(|c: char| c.is_ascii_digit())
                            })
                        })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// A file can be restored from when its header says it is a tassei data file this build can
/// read. Nothing is written to it.
pub fn check_restorable(from: &Path) -> Result<(), StoreError> {
    let refuse = |e: OpenError| StoreError::Restore(e.to_string());
    match inspect(from).map_err(refuse)? {
        Found::Sqlite {
            application_id,
            user_version,
            ..
        } if user_version >= 1 => {
            refuse_foreign(from, application_id, user_version, SCHEMA_VERSION).map_err(refuse)
        }
        _ => Err(StoreError::Restore(format!(
            "{} is not a tassei data file",
            from.display()
        ))),
    }
}

impl Store {
    /// Today's copy, made once per day of use. `None` when it already exists.
    pub fn daily_backup(
        &self,
        today: CalendarDate,
        keep: usize,
    ) -> Result<Option<PathBuf>, StoreError> {
        let path = backup_path(&self.path, &today.to_string());
        if path.exists() {
            return Ok(None);
        }
        self.copy_to(&path)?;
        self.prune(keep)?;
        Ok(Some(path))
    }

    /// A copy now, named by the local date and time.
    pub fn backup_now(&self, keep: usize) -> Result<PathBuf, StoreError> {
        let stamp: String = self.conn.query_row(
            "SELECT strftime('%Y-%m-%dT%H%M%S', 'now', 'localtime')",
            [],
            |r| r.get(0),
        )?;
        // Never overwrite a copy: two in the same second get -2, -3, ….
        let mut path = backup_path(&self.path, &stamp);
        let mut n = 2;
        while path.exists() {
            path = backup_path(&self.path, &format!("{stamp}-{n}"));
            n += 1;
        }
        self.copy_to(&path)?;
        self.prune(keep)?;
        Ok(path)
    }

    /// Replaces the data in this file with the data of `from`, which must be a tassei data file
    /// this build can read. Make a backup first.
    pub fn restore_from(&mut self, from: &Path) -> Result<(), StoreError> {
        check_restorable(from)?;
        self.conn
            .restore(
                rusqlite::MAIN_DB,
                from,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(StoreError::from)
    }

    /// Writes the copy under a `.partial` name and renames it when complete, so a failed copy
    /// (a full disk) never leaves a file that looks like a backup.
    fn copy_to(&self, path: &Path) -> Result<(), StoreError> {
        let mut partial = path.as_os_str().to_os_string();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let _ = fs::remove_file(&partial); // left by an earlier failed copy
        let copied = create_private(&partial)
            .map_err(|e| StoreError::Backup(e.to_string()))
            .and_then(|()| {
                self.conn
                    .backup(
                        rusqlite::MAIN_DB,
                        &partial,
                        None::<fn(rusqlite::backup::Progress)>,
                    )
                    .map_err(StoreError::from)
            })
            .and_then(|()| {
                fs::rename(&partial, path).map_err(|e| StoreError::Backup(e.to_string()))
            });
        if copied.is_err() {
            let _ = fs::remove_file(&partial);
        }
        copied
    }

    /// Removes the oldest dated copies beyond `keep`.
    fn prune(&self, keep: usize) -> Result<(), StoreError> {
        let all = backups(&self.path);
        for old in all.iter().take(all.len().saturating_sub(keep.max(1))) {
            fs::remove_file(old)
                .map_err(|e| StoreError::Backup(format!("cannot remove {}: {e}", old.display())))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32) -> CalendarDate {
        CalendarDate::new(2026, 11, d).expect("date")
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
}
