//! The SQLite data file: opening and migrating it, loading plans, importing, and edits that are
//! written together with their change-log row.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit that returned is on disk; every edit is
//! one IMMEDIATE transaction. Values cross this boundary as `rust_decimal` ↔ TEXT. A file on a
//! network share is refused (WAL needs one machine's shared memory) unless the clerk opts into
//! a rollback journal with exclusive locking. Before its first write a process checks the file
//! for damage ([`check`]); every copy is verified before it gets its name ([`backup`]).

mod backup;
mod check;
mod codec;
mod columns;
mod edit;
mod files;
mod import;
mod load;
mod log;
mod migrate;
mod network;
mod undo;

use std::fmt;
use std::fs::{self, File, OpenOptions as FileOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use crate::model::FieldRef;
pub use crate::model::{Edit, FieldValue};
pub use crate::report::change::text_change;
pub use backup::{
    BackgroundCheck, COPIES_PER_DAY, DEFAULT_KEEP, Restored, backups, check_restorable, copy_of,
    newest_good,
};
pub use check::DamageCheck;
pub use edit::{Applied, EditError, LogKind};
pub use import::ImportError;
pub use load::PlanSummary;
pub use log::{ChangeKind, LastChange, LogEntry, LoggedField, Source};
pub use migrate::{Migration, SCHEMA_VERSION};
pub use network::{FileSystem, Probe, SystemProbe, from_magic};
pub use undo::{ChangedAfter, UndoAction, UndoError, UndoOptions, Undone};

use crate::model::CalendarDate;
use crate::sheet;
use check::Gate;

/// `PRAGMA application_id` of a tassei file: "TASS". Tells our files from other SQLite files.
pub const APPLICATION_ID: i32 = 0x5441_5353;

/// How long a write waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The whole current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

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
fn read_only(path: &Path) -> OpenError {
    if FileOptions::new().write(true).open(path).is_ok() {
        OpenError::FolderNotWritable(path.to_path_buf())
    } else {
        OpenError::ReadOnly(path.to_path_buf())
    }
}

/// Names the SQLite errors a clerk can act on.
fn classify(path: &Path, source: rusqlite::Error) -> OpenError {
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

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// How a data file is opened.
#[derive(Clone, Copy)]
pub struct OpenOptions<'a> {
    /// Use a file on a network share anyway, in rollback-journal mode with exclusive locking.
    pub network_ok: bool,
    /// Tells a network share from a local disk (tests give their own).
    pub probe: &'a dyn Probe,
}

impl Default for OpenOptions<'static> {
    fn default() -> Self {
        OpenOptions {
            network_ok: false,
            probe: &SystemProbe,
        }
    }
}

/// What the file is opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Reading and editing: checked, upgraded.
    Use,
    /// Being replaced by a copy: a damaged or older file is opened as it is.
    Restore,
}

/// An open data file and who is editing it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    /// The once-per-process damage check every write passes first.
    gate: Arc<Gate>,
    /// On a network share by the clerk's choice: one connection holds the file exclusively,
    /// so nothing may open a second one.
    exclusive: bool,
    /// Things the clerk should be told once (a file made private).
    notices: Vec<String>,
    /// The newest good copy, once a damage report has looked for it.
    newest_good: OnceLock<Option<PathBuf>>,
    /// The data file this one is a copy of, when it is one of tassei's copies: never written.
    copy_of: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the data file at `path`. A new file gets the schema and the bundled
    /// 指宿市 sheet; an older one is backed up and upgraded; anything else is refused untouched.
    /// `actor` is the name written in the change log.
    pub fn open(path: &Path, actor: &str) -> Result<Store, OpenError> {
        Self::open_with_options(path, actor, &OpenOptions::default())
    }

    /// [`Store::open`] with the network-share choice and probe given.
    pub fn open_with_options(
        path: &Path,
        actor: &str,
        options: &OpenOptions,
    ) -> Result<Store, OpenError> {
        Self::open_with(path, actor, migrate::MIGRATIONS, options, Purpose::Use)
    }

    /// Opens the data file to be replaced by `tassei restore`: a damaged file is opened as it
    /// is (it is what a restore is for), and an older one is not upgraded first.
    pub fn open_for_restore(
        path: &Path,
        actor: &str,
        options: &OpenOptions,
    ) -> Result<Store, OpenError> {
        Self::open_with(path, actor, migrate::MIGRATIONS, options, Purpose::Restore)
    }

    fn open_with(
        path: &Path,
        actor: &str,
        migrations: &[Migration],
        options: &OpenOptions,
        purpose: Purpose,
    ) -> Result<Store, OpenError> {
        let newest = migrate::newest(migrations);
        // Every refusal happens before the first write (a journal-mode switch rewrites the
        // header).
        let found = inspect(path)?;
        if let Found::Sqlite {
            application_id,
            user_version,
            ..
        } = found
        {
            refuse_foreign(path, application_id, user_version, newest)?;
        }
        let exclusive = match options.probe.file_system(files::folder(path)) {
            FileSystem::Local => false,
            FileSystem::Network(_) if options.network_ok => true,
            FileSystem::Network(kind) => {
                return Err(OpenError::NetworkShare {
                    path: path.to_path_buf(),
                    kind,
                });
            }
        };
        if matches!(found, Found::Missing) {
            create_private(path)?;
        }
        let sqlite = |source| classify(path, source);
        // No SQLITE_OPEN_URI, and a path SQLite cannot read as a URI: --db is always a path.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(files::sqlite_path(path), flags).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        if exclusive {
            // Taken at the first read and held until closed: no other process can reach the
            // file, so no two computers can both believe they hold it.
            conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
                .map_err(sqlite)?;
        }
        // SQLite quietly opens a file it may not write read-only; say so now, not at the first edit.
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(sqlite)? {
            return Err(read_only(path));
        }
        let (tables, version, app_id) = identity(&conn).map_err(sqlite)?;
        // The header can lag behind a WAL file's newest state; these are the authoritative reads.
        if version == 0 && tables > 0 {
            return Err(OpenError::NotTassei(path.to_path_buf()));
        }
        if version > 0 || app_id != 0 {
            refuse_foreign(path, app_id, version, newest)?;
        }
        let gate = Gate::new();
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        let mut seeded = false;
        let version = if version == 0 {
            if create(&mut conn, path, actor, migrations)? {
                gate.settle(Some(Ok(())));
                seeded = true;
            }
            // Another process may have created it meanwhile: read again what it holds.
            let (_, version, app_id) = identity(&conn).map_err(sqlite)?;
            refuse_foreign(path, app_id, version, newest)?;
            version
        } else {
            version
        };
        // A switch of journal mode rewrites the header: a file not yet in the mode it is about
        // to get is checked first, so a damaged one is refused as it is.
        let switches = match found {
            Found::Sqlite { wal, .. } => wal == exclusive,
            Found::Missing | Found::Empty => false,
        };
        if switches && purpose == Purpose::Use {
            match check::quick(&conn).map_err(sqlite)? {
                Some(found) => return Err(OpenError::Damaged(Damage::of(path, found))),
                None => gate.settle(Some(Ok(()))),
            }
        }
        // One of tassei's copies is read, never written: it keeps the journal mode it has.
        let is_copy = copy_of(path).is_some();
        match when_not_busy(|| {
            if is_copy {
                Ok(())
            } else {
                configure(&conn, exclusive)
            }
        }) {
            Ok(()) => {}
            // A damaged file being restored is replaced in whatever journal mode it has.
            Err(_) if purpose == Purpose::Restore => {}
            Err(e) => return Err(sqlite(e)),
        }
        if version < newest && purpose == Purpose::Use {
            migrate::upgrade(&mut conn, path, version, migrations)?;
            // The copy made before the upgrade was verified: the file was good.
            gate.settle(Some(Ok(())));
        }
        let mut notices = Vec::new();
        // Said, so a mistyped --db is noticed before anything is saved into a file nobody uses.
        if seeded {
            notices.push(format!(
                "{} did not exist: created it with the bundled sheet",
                path.display()
            ));
        }
        if let Some(mode) = files::tighten(path) {
            notices.push(format!(
                "{} was readable by other accounts (mode {mode:o}); it is now readable by you only (600), as tassei keeps every data file and copy",
                path.display()
            ));
        }
        files::clear_abandoned_partials(path);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: actor.to_string(),
            gate,
            exclusive,
            notices,
            newest_good: OnceLock::new(),
            copy_of: copy_of(path),
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

    /// What the clerk should be told once about how the file was opened (one line each).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Whether the file is held exclusively (a network share opened with `--network-ok`).
    pub fn is_exclusive(&self) -> bool {
        self.exclusive
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

    /// The damage check as far as it has run: the TUI may show it while it runs in the
    /// background (see [`Store::check_in_background`]).
    pub fn damage_check(&self) -> DamageCheck {
        self.gate.status()
    }

    /// Checks the file for damage unless this process already has: every write calls it
    /// first, and waits here while a background check runs. A damaged file is refused with a
    /// line naming its newest good copy.
    pub fn check_before_write(&self) -> Result<(), StoreError> {
        if let Some(original) = &self.copy_of {
            return Err(StoreError::Copy {
                copy: self.path.clone(),
                original: original.clone(),
            });
        }
        match self.gate.enter() {
            check::Turn::Known(Ok(())) => Ok(()),
            check::Turn::Known(Err(found)) => Err(StoreError::Damaged(self.damage(found))),
            check::Turn::Check => match check::quick(&self.conn) {
                Ok(None) => {
                    self.gate.settle(Some(Ok(())));
                    Ok(())
                }
                Ok(Some(found)) => {
                    self.gate.settle(Some(Err(found.clone())));
                    Err(StoreError::Damaged(self.damage(found)))
                }
                Err(e) => {
                    self.gate.settle(None);
                    Err(e.into())
                }
            },
        }
    }

    /// A [`StoreError::Damaged`] for this file, remembered so no later write or copy tries.
    fn damaged(&self, found: String) -> StoreError {
        self.gate.settle(Some(Err(found.clone())));
        StoreError::Damaged(self.damage(found))
    }

    /// What was found, with the newest good copy looked up (and verified) once per process: a
    /// TUI refuses every edit with it.
    fn damage(&self, found: String) -> Damage {
        Damage {
            path: self.path.clone(),
            found,
            newest_good: self
                .newest_good
                .get_or_init(|| newest_good(&self.path))
                .clone(),
        }
    }

    /// Damage met while reading, said with the file's name and its newest good copy.
    fn name_damage(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Corrupt(found) => self.damaged(found),
            other => other,
        }
    }
}

/// `(tables, user_version, application_id)` as the connection reads them.
fn identity(conn: &Connection) -> rusqlite::Result<(i64, u32, i32)> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    Ok((tables, version, app_id))
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

/// Creates the data file (and its folder) readable by its owner only: it is an official
/// record. A file another process created a moment ago is theirs to seed; this one waits.
fn create_private(path: &Path) -> Result<(), OpenError> {
    let create = |source| OpenError::Create {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(create)?;
    }
    match files::create_new_private(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(create(e)),
    }
}

/// Runs `step` again while another process holds the lock it needs, up to [`BUSY_TIMEOUT`].
/// A journal-mode switch needs the file to itself, and SQLite answers "busy" at once, without
/// waiting, when waiting could deadlock (two processes each holding a read lock and wanting to
/// write): right after a new file is seeded, every process that opened it switches at once.
fn when_not_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let pause = Duration::from_millis(20);
    let mut waited = Duration::ZERO;
    loop {
        match step() {
            Err(e) if is_busy(&e) && waited < BUSY_TIMEOUT => {
                std::thread::sleep(pause);
                waited += pause;
            }
            done => return done,
        }
    }
}

/// The journal: WAL on a local disk; on a network share (by the clerk's choice) a rollback
/// journal, since WAL's shared memory does not reach other machines. Pragmas that change the
/// journal must run outside a transaction.
fn configure(conn: &Connection, exclusive: bool) -> rusqlite::Result<()> {
    if exclusive {
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        return Ok(());
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // A file system without shared memory keeps the rollback journal; still durable.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    Ok(())
}

/// Creates the schema and loads the bundled sheet, in one IMMEDIATE transaction that first
/// reads again whether the file is still empty: of several processes opening a new file at
/// once, one seeds it and the others wait, then find it seeded. `false` when another did.
///
/// This runs before the switch to WAL, in a rollback journal: SQLite deletes the WAL of a
/// database file that has no pages yet, so seeding in WAL mode would lose a seed that another
/// process is writing. A crash leaves an empty file, which the next open treats as new.
/// `schema.sql` is the whole current schema; the version written is the newest the ladder
/// knows (tests run the ladder with made-up steps).
fn create(
    conn: &mut Connection,
    path: &Path,
    actor: &str,
    migrations: &[Migration],
) -> Result<bool, OpenError> {
    let sqlite = |source| classify(path, source);
    let plan = sheet::bundled().map_err(OpenError::Bundled)?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    let tables: i64 = tx
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(sqlite)?;
    if tables > 0 {
        return Ok(false);
    }
    tx.execute_batch(SCHEMA).map_err(sqlite)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sqlite)?;
    tx.pragma_update(None, "user_version", migrate::newest(migrations))
        .map_err(sqlite)?;
    import::insert_plan(&tx, &plan, actor).map_err(|e| OpenError::Seed {
        path: path.to_path_buf(),
        source: Box::new(e),
    })?;
    tx.commit().map_err(sqlite)?;
    Ok(true)
}

/// Creates the default data folder private to its owner (0700) when tassei is the one creating
/// it; a folder that exists keeps its permissions, and a folder named with `--db` is never
/// changed (it may be shared on purpose).
pub fn create_default_folder(data: &Path) -> std::io::Result<()> {
    let folder = files::folder(data);
    if folder.exists() {
        return Ok(());
    }
    if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    #[cfg(unix)]
    let builder = {
        let mut builder = fs::DirBuilder::new();
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
    };
    // Windows folders inherit the profile's ACL, which is already the user's own.
    #[cfg(not(unix))]
    let builder = fs::DirBuilder::new();
    match builder.create(folder) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(e),
        _ => Ok(()),
    }
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
}
