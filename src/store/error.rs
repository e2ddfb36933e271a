//! What can go wrong with a data file, said so a clerk can act: opening it ([`OpenError`]),
//! using it ([`StoreError`]), and the damage report that names the newest good copy. The one
//! place an SQLite error is classified as busy, disk full or damaged.

use std::fmt;
use std::fs::OpenOptions as FileOptions;
use std::path::{Path, PathBuf};

use super::{ImportError, default_path, newest_good};
use crate::sheet;

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
        write!(
            f,
            "{} is damaged ({}); nothing was changed",
            self.path.display(),
            self.found
        )?;
        match &self.newest_good {
            Some(copy) => {
                // The command names the file unless it is the default one.
                let db = if default_path().as_deref() == Some(self.path.as_path()) {
                    String::new()
                } else {
                    format!("--db {} ", self.path.display())
                };
                write!(
                    f,
                    " and its good copies were kept. Put the newest back with: tassei {db}restore {}",
                    copy.display()
                )
            }
            None => write!(
                f,
                ", and there is no good copy of it beside it: keep the file as it is and ask whoever looks after your computers to recover it"
            ),
        }
    }
}

/// Why a data file could not be opened. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{0} is a directory, not a data file; pass a file path with --db")]
    IsDirectory(PathBuf),
    #[error("{0} is not a tassei data file (it is not an SQLite database); it was left untouched")]
    NotSqlite(PathBuf),
    #[error("{0} is an SQLite database but not a tassei data file; it was left untouched")]
    NotTassei(PathBuf),
    #[error(
        "{path} was written by a newer tassei (data file version {found}; this tassei knows versions up to {supported}); update tassei to open it"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot create the data file {path}: {source}")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the data file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot back up {path} before upgrading it: {reason}")]
    Backup { path: PathBuf, reason: String },
    #[error("the bundled sheet is invalid (a bug in this build of tassei):\n{0}")]
    Bundled(sheet::SheetErrors),
    #[error("cannot load the bundled sheet into {path}: {source}")]
    Seed {
        path: PathBuf,
        source: Box<ImportError>,
    },
    #[error(
        "{0} is read-only, and tassei writes every edit to it; check its permissions or copy it somewhere you can write"
    )]
    ReadOnly(PathBuf),
    #[error(
        "cannot write next to {0}: tassei keeps a journal beside the data file, so its folder must be writable"
    )]
    FolderNotWritable(PathBuf),
    #[error("{0}")]
    Damaged(Damage),
    #[error(
        "{path} is on a network share ({kind}), where two computers' edits can damage it; copy it to a folder on this computer's own disk and open it there (or pass --network-ok to use it in place, one tassei at a time: it then locks every other window and clerk out until it is closed)"
    )]
    NetworkShare { path: PathBuf, kind: &'static str },
    #[error("the data file {path} cannot be used: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

/// A problem with the contents of an open data file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data file is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Damaged(Damage),
    #[error("no plan \"{0}\" in the data file")]
    NoSuchPlan(String),
    #[error("the data file holds no plan; import one with `tassei import FILE`")]
    NoPlans,
    #[error("{}", crate::strings::strings().errors.busy)]
    Busy,
    #[error("cannot make a backup: {0}")]
    Backup(String),
    #[error(
        "the disk is full, so nothing was saved; free some space and try again (earlier edits are safe)"
    )]
    DiskFull,
    #[error("cannot restore from that file: {0}")]
    Restore(String),
    /// The file is one of tassei's copies of another: an edit there would be pruned with it.
    #[error(
        "{copy} is a copy tassei made of {original}: what is written to a copy is lost when copies are pruned, so nothing was changed; to go back to it, tassei --db {original} restore {copy}; to work on it, copy it to a new name first"
    )]
    Copy { copy: PathBuf, original: PathBuf },
    #[error("database error: {0}")]
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
