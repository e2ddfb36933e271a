//! The SQLite data file: opening and migrating it, loading plans, importing, and edits that are
//! written together with their change-log row.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit that returned is on disk; every edit is
//! one IMMEDIATE transaction. Values cross this boundary as `rust_decimal` ↔ TEXT.

mod backup;
mod codec;
mod edit;
mod import;
mod load;
mod log;
mod migrate;
mod undo;

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use backup::{DEFAULT_KEEP, backups, check_restorable};
pub use edit::{Applied, Edit, EditError, FieldRef, FieldValue, LogKind, text_change};
pub use import::ImportError;
pub use load::PlanSummary;
pub use log::{ChangeKind, LastChange, LogEntry, Source};
pub use migrate::{Migration, SCHEMA_VERSION};
pub use undo::{ChangedAfter, UndoAction, UndoError, UndoOptions, Undone};

use crate::model::CalendarDate;
use crate::sheet;

/// `PRAGMA application_id` of a tassei file: "TASS". Tells our files from other SQLite files.
pub const APPLICATION_ID: i32 = 0x5441_5353;

/// How long a write waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The whole current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

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
    #[error("cannot back up {path} to {backup} before upgrading it: {source}")]
    Backup {
        path: PathBuf,
        backup: PathBuf,
        source: rusqlite::Error,
    },
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
    #[error("{path} is damaged ({detail}); nothing was changed. Use a backup copy of it")]
    Damaged { path: PathBuf, detail: String },
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
    #[error("no plan \"{0}\" in the data file")]
    NoSuchPlan(String),
    #[error("the data file holds no plan; import one with `tassei import FILE`")]
    NoPlans,
    #[error("the data file is busy: another tassei is writing to it; try again in a moment")]
    Busy,
    #[error("cannot make a backup: {0}")]
    Backup(String),
    #[error(
        "the disk is full, so nothing was saved; free some space and try again (earlier edits are safe)"
    )]
    DiskFull,
    #[error("cannot restore from that file: {0}")]
    Restore(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// A file SQLite cannot write: the file itself, or (when the file is writable) its folder,
/// where SQLite must create its journal. Opening for writing does not change the file.
fn read_only(path: &Path) -> OpenError {
    if OpenOptions::new().write(true).open(path).is_ok() {
        OpenError::FolderNotWritable(path.to_path_buf())
    } else {
        OpenError::ReadOnly(path.to_path_buf())
    }
}

/// Names the SQLite errors a clerk can act on.
fn classify(path: &Path, source: rusqlite::Error) -> OpenError {
    use rusqlite::ErrorCode as C;
    match source.sqlite_error_code() {
        Some(C::DatabaseCorrupt | C::NotADatabase) => OpenError::Damaged {
            path: path.to_path_buf(),
            detail: source.to_string(),
        },
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
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Corrupt(format!(
                "{e}; nothing was changed. Use a backup copy of the file"
            )),
            _ => StoreError::Sqlite(e),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// An open data file and who is editing it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
}

impl Store {
    /// Opens (or creates) the data file at `path`. A new file gets the schema and the bundled
    /// 指宿市 sheet; an older one is backed up and upgraded; anything else is refused untouched.
    /// `actor` is the name written in the change log.
    pub fn open(path: &Path, actor: &str) -> Result<Store, OpenError> {
        Self::open_with(path, actor, migrate::MIGRATIONS)
    }

    fn open_with(path: &Path, actor: &str, migrations: &[Migration]) -> Result<Store, OpenError> {
        let newest = migrate::newest(migrations);
        // Every refusal happens before the first write (journal_mode=WAL rewrites the header).
        let found = inspect(path)?;
        match found {
            Found::Missing => create_private(path)?,
            Found::Empty => {}
            Found::Sqlite {
                application_id,
                user_version,
                ..
            } => {
                refuse_foreign(path, application_id, user_version, newest)?;
            }
        }
        let sqlite = |source| classify(path, source);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        // SQLite quietly opens a file it may not write read-only; say so now, not at the first edit.
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(sqlite)? {
            return Err(read_only(path));
        }
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(sqlite)?;
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sqlite)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(sqlite)?;
        // The header can lag behind a WAL file's newest state; these are the authoritative reads.
        if version == 0 && tables > 0 {
            return Err(OpenError::NotTassei(path.to_path_buf()));
        }
        if version > 0 || app_id != 0 {
            refuse_foreign(path, app_id, version, newest)?;
        }
        // Switching to WAL rewrites the header: a file not yet in WAL mode is checked first, so
        // a damaged one is refused as it is.
        if matches!(found, Found::Sqlite { wal: false, .. }) {
            let check: String = conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(sqlite)?;
            if check != "ok" {
                return Err(OpenError::Damaged {
                    path: path.to_path_buf(),
                    detail: check,
                });
            }
        }
        configure(&conn).map_err(sqlite)?;
        if version == 0 {
            create(&mut conn, path, actor, migrations)?;
        } else if version < newest {
            migrate::upgrade(&mut conn, path, version, migrations)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: actor.to_string(),
        })
    }

    /// How long a write waits for another program's transaction (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), StoreError> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// The data file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name written in the change log for edits made through this store.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// A number that changes whenever another connection commits to the file (`PRAGMA
    /// data_version`): the TUI polls it to notice edits from the CLI or a second window.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Today's date in the machine's local time zone (SQLite's `localtime`).
    pub fn today(&self) -> Result<CalendarDate, StoreError> {
        let text: String = self
            .conn
            .query_row("SELECT date('now', 'localtime')", [], |r| r.get(0))?;
        text.parse()
            .map_err(|_| StoreError::Corrupt(format!("SQLite returned \"{text}\" as today's date")))
    }
}

/// What is at the data file's path, read without opening it as a database.
enum Found {
    Missing,
    /// A zero-byte file: SQLite treats it as a new database, and so do we.
    Empty,
    /// An SQLite file, with the header fields that say whose and which version it is, and
    /// whether it is already in WAL mode.
    Sqlite {
        application_id: i32,
        user_version: u32,
        wal: bool,
    },
}

/// Looks at the path without writing anything: refuses directories and files that are not SQLite.
fn inspect(path: &Path) -> Result<Found, OpenError> {
    let read_error = |source| OpenError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(source) => return Err(read_error(source)),
    };
    if meta.is_dir() {
        return Err(OpenError::IsDirectory(path.to_path_buf()));
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut header = [0u8; 100];
    let mut file = File::open(path).map_err(read_error)?;
    match file.read_exact(&mut header) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(OpenError::NotSqlite(path.to_path_buf()));
        }
        Err(source) => return Err(read_error(source)),
    }
    if &header[..16] != SQLITE_HEADER {
        return Err(OpenError::NotSqlite(path.to_path_buf()));
    }
    // Big-endian fields of the database header: user_version at 60, application_id at 68.
    let field = |at: usize| [header[at], header[at + 1], header[at + 2], header[at + 3]];
    Ok(Found::Sqlite {
        user_version: u32::from_be_bytes(field(60)),
        application_id: i32::from_be_bytes(field(68)),
        // File format write version at offset 18: 2 for WAL, 1 for a rollback journal.
        wal: header[18] == 2,
    })
}

/// Refuses a file that belongs to another program, or to a newer tassei.
fn refuse_foreign(
    path: &Path,
    application_id: i32,
    user_version: u32,
    newest: u32,
) -> Result<(), OpenError> {
    let ours = application_id == APPLICATION_ID || (application_id == 0 && user_version == 0);
    if !ours {
        return Err(OpenError::NotTassei(path.to_path_buf()));
    }
    if user_version > newest {
        return Err(OpenError::Newer {
            path: path.to_path_buf(),
            found: user_version,
            supported: newest,
        });
    }
    Ok(())
}

/// Creates the file (and its folder) readable by its owner only: it is an official record.
fn create_private(path: &Path) -> Result<(), OpenError> {
    let create = |source| OpenError::Create {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(create)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(create)
}

/// Per-connection settings. Pragmas that change the journal must run outside a transaction.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // A file system without shared memory keeps the rollback journal; still durable.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Creates the schema and loads the bundled sheet, in one transaction: a crash leaves an empty
/// file, which the next open treats as new. `schema.sql` is the whole current schema; the
/// version written is the newest the ladder knows (tests run the ladder with made-up steps).
fn create(
    conn: &mut Connection,
    path: &Path,
    actor: &str,
    migrations: &[Migration],
) -> Result<(), OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let plan = sheet::bundled().map_err(OpenError::Bundled)?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    tx.execute_batch(SCHEMA).map_err(sqlite)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sqlite)?;
    tx.pragma_update(None, "user_version", migrate::newest(migrations))
        .map_err(sqlite)?;
    import::insert_plan(&tx, &plan, actor).map_err(|e| OpenError::Seed {
        path: path.to_path_buf(),
        source: Box::new(e),
    })?;
    tx.commit().map_err(sqlite)
}

/// The default data file: `tassei.db` in the platform's data folder
/// (`~/.local/share/tassei` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "tassei").map(|d| d.data_dir().join("tassei.db"))
}

#[cfg(test)]
mod tests {
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
        let store = Store::open_with(&path, "t", &ladder(&[ADD_COLUMN])).expect("upgraded");
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
        let err = Store::open_with(&path, "t", &ladder(&[ADD_COLUMN, BROKEN]))
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
        drop(Store::open_with(&path, "t", &ladder(&[ADD_COLUMN])).expect("one step newer"));
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
}
