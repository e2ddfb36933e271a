//! What can go wrong with a data file, said so a clerk can act: opening it ([`OpenError`]),
//! using it ([`StoreError`]), and the damage report that names the newest good copy. The one
//! place an SQLite error is classified as busy, disk full or damaged.

use std::fmt;
use std::fs::OpenOptions as FileOptions;
use std::path::{Path, PathBuf};

use super::{ImportError, default_path, newest_good};
use crate::sheet;
use crate::strings::strings;

/// A damaged data file: what SQLite found, and the newest good copy to put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub path: PathBuf,
    pub found: String,
    pub newest_good: Option<PathBuf>,
}

impl Damage {
    /// What was found in the file at `path`, with its newest good copy looked up (each
    /// candidate is verified, newest first: copies made by an older tassei were not).
    pub fn of(path: &Path, found: impl Into<String>) -> Damage {
        Damage {
            path: path.to_path_buf(),
            found: found.into(),
            newest_good: newest_good(path),
        }
    }
}

impl fmt::Display for Damage {
    /// One line: the file, what is wrong, that nothing was written, and what to do.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = &strings().errors.open;
        let line = match &self.newest_good {
            Some(copy) => {
                // The command names the file unless it is the default one.
                let db = (default_path().as_deref() != Some(self.path.as_path()))
                    .then_some(self.path.as_path());
                (words.damaged_with_copy)(&self.path, &self.found, db, copy)
            }
            None => (words.damaged_without_copy)(&self.path, &self.found),
        };
        f.write_str(&line)
    }
}

/// Why a data file could not be opened. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}", (strings().errors.open.is_directory)(.0))]
    IsDirectory(PathBuf),
    #[error("{}", (strings().errors.open.not_sqlite)(.0))]
    NotSqlite(PathBuf),
    #[error("{}", (strings().errors.open.not_tassei)(.0))]
    NotTassei(PathBuf),
    #[error("{}", (strings().errors.open.newer)(.path, *.found, *.supported))]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}", (strings().errors.open.create)(.path, .source))]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", (strings().errors.open.read)(.path, .source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", (strings().errors.open.backup)(.path, .reason))]
    Backup { path: PathBuf, reason: String },
    #[error("{}", (strings().errors.open.bundled)(.0))]
    Bundled(sheet::SheetErrors),
    #[error("{}", (strings().errors.open.seed)(.path, .source))]
    Seed {
        path: PathBuf,
        source: Box<ImportError>,
    },
    #[error("{}", (strings().errors.open.read_only)(.0))]
    ReadOnly(PathBuf),
    #[error("{}", (strings().errors.open.folder_not_writable)(.0))]
    FolderNotWritable(PathBuf),
    #[error("{0}")]
    Damaged(Damage),
    #[error("{}", (strings().errors.open.network_share)(.path, .kind))]
    NetworkShare { path: PathBuf, kind: &'static str },
    #[error("{}", (strings().errors.open.sqlite)(.path, .source))]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

/// A problem with the contents of an open data file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", (strings().errors.store.corrupt)(.0))]
    Corrupt(String),
    #[error("{0}")]
    Damaged(Damage),
    #[error("{}", (strings().errors.store.no_such_plan)(.0))]
    NoSuchPlan(String),
    #[error("{}", strings().errors.store.no_plans)]
    NoPlans,
    #[error("{}", strings().errors.busy)]
    Busy,
    #[error("{}", (strings().errors.store.backup)(.0))]
    Backup(String),
    #[error("{}", strings().errors.store.disk_full)]
    DiskFull,
    #[error("{}", (strings().errors.store.restore)(.0))]
    Restore(String),
    /// The file is one of tassei's copies of another: an edit there would be pruned with it.
    #[error("{}", (strings().errors.store.copy)(.copy, .original))]
    Copy { copy: PathBuf, original: PathBuf },
    #[error("{}", (strings().errors.store.sqlite)(.0))]
    Sqlite(rusqlite::Error),
}

/// A file SQLite cannot write: the file itself, or (when the file is writable) its folder,
/// where SQLite must create its journal. Opening for writing does not change the file.
pub(super) fn read_only(path: &Path) -> OpenError {
    if FileOptions::new().write(true).open(path).is_ok() {
        OpenError::FolderNotWritable(path.to_path_buf())
    } else {
        OpenError::ReadOnly(path.to_path_buf())
    }
}

/// Names the SQLite errors a clerk can act on.
pub(super) fn classify(path: &Path, source: rusqlite::Error) -> OpenError {
    use rusqlite::ErrorCode as C;
    match source.sqlite_error_code() {
        Some(C::DatabaseCorrupt | C::NotADatabase) => {
            OpenError::Damaged(Damage::of(path, source.to_string()))
        }
        Some(C::ReadOnly) => read_only(path),
        Some(C::CannotOpen) => OpenError::FolderNotWritable(path.to_path_buf()),
        _ => OpenError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            _ if is_busy(&e) => StoreError::Busy,
            Some(C::DiskFull) => StoreError::DiskFull,
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Corrupt(e.to_string()),
            _ => StoreError::Sqlite(e),
        }
    }
}

pub(super) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
