//! The SQLite data file: opening and migrating it, loading plans, importing, and edits that are
//! written together with their change-log row.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit that returned is on disk; every edit is
//! one IMMEDIATE transaction. Values cross this boundary as `rust_decimal` ↔ TEXT. A file on a
//! network share is refused (WAL needs one machine's shared memory) unless the clerk opts into
//! a rollback journal with exclusive locking. An exchange file (`.tassei`, `exchange_file`)
//! keeps a rollback journal wherever it is opened: it is mailed as one file, whole without a
//! `-wal` beside it. Before its first write a process checks the file
//! for damage ([`check`]); every copy is verified before it gets its name ([`backup`]).

mod backup;
mod batch;
mod check;
mod codec;
mod columns;
mod edit;
mod error;
mod exchange_file;
mod files;
mod handout;
mod history;
mod import;
mod load;
mod log;
mod migrate;
mod network;
mod outline;
mod relocate;
mod rollover;
mod since;
mod structure;
mod undo;

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use crate::model::FieldRef;
pub use crate::model::{Edit, FieldValue};
pub use backup::{
    BackgroundCheck, COPIES_PER_DAY, DEFAULT_KEEP, Restored, backups, check_restorable, copy_of,
    newest_good,
};
pub use check::DamageCheck;
pub use edit::{Applied, EditError, LogKind};
pub use error::{Damage, OpenError, StoreError};
use error::{classify, is_busy, read_only};
pub use exchange_file::{
    EXCHANGE_FORMAT, ExchangeCopy, ExchangeFileError, ExchangeMeta, ExchangeWriteError,
    LaptopChange, is_sqlite_file, journal_beside, read_exchange_file,
};
pub use handout::{Handout, HandoutField, Origin, Settled, Taken};
pub use history::{History, PastYear};
pub use import::{ImportError, Imported};
pub use load::PlanSummary;
pub use log::{ChangeKind, LastChange, LogEntry, LoggedField, Source};
pub use migrate::{Migration, SCHEMA_VERSION};
pub use network::{FileSystem, Probe, SystemProbe, from_magic, on_windows};
pub use outline::{OutlineError, Outlined};
pub use relocate::{Relocation, move_default};
pub use rollover::RolloverError;
pub use since::ChangedSince;
pub use structure::{Restructured, StructureError, logged_summary};
pub use undo::{ChangedAfter, UndoAction, UndoError, UndoOptions, Undone};

use crate::model::{CalendarDate, Plan};
use crate::sheet;
use crate::strings::strings;
use check::Gate;

/// `PRAGMA application_id` of a tassei file: "TASS". Tells our files from other SQLite files.
pub const APPLICATION_ID: i32 = 0x5441_5353;

/// How long a write waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The whole current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

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
    /// This open created the file, with the bundled sheet or the plan it was given.
    created: bool,
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
        Self::open_with(
            path,
            actor,
            migrate::MIGRATIONS,
            options,
            Purpose::Use,
            None,
        )
    }

    /// [`Store::open_with_options`] for `tassei import`: a file not there yet is created with
    /// `plan` in place of the bundled sheet, so a plan moved into a new data file is the one
    /// plan there (the bundled sheet's id would be in the way of a 指宿市 plan exported from
    /// another data file). [`Store::created`] then says the plan is in.
    pub fn open_to_import(
        path: &Path,
        actor: &str,
        options: &OpenOptions,
        plan: &Plan,
    ) -> Result<Store, OpenError> {
        Self::open_with(
            path,
            actor,
            migrate::MIGRATIONS,
            options,
            Purpose::Use,
            Some(plan),
        )
    }

    /// Opens the data file to be replaced by `tassei restore`: a damaged file is opened as it
    /// is (it is what a restore is for), and an older one is not upgraded first.
    pub fn open_for_restore(
        path: &Path,
        actor: &str,
        options: &OpenOptions,
    ) -> Result<Store, OpenError> {
        Self::open_with(
            path,
            actor,
            migrate::MIGRATIONS,
            options,
            Purpose::Restore,
            None,
        )
    }

    fn open_with(
        path: &Path,
        actor: &str,
        migrations: &[Migration],
        options: &OpenOptions,
        purpose: Purpose,
        seed: Option<&Plan>,
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
            if create(&mut conn, path, actor, migrations, seed)? {
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
        // An exchange file stays in a rollback journal, as a file on a network share does. (A
        // damaged file being restored is replaced whatever it is.)
        let exchange = match exchange_file::is_exchange(&conn) {
            Ok(exchange) => exchange,
            Err(_) if purpose == Purpose::Restore => false,
            Err(e) => return Err(sqlite(e)),
        };
        let rollback = exclusive || exchange;
        // A switch of journal mode rewrites the header: a file not yet in the mode it is about
        // to get is checked first, so a damaged one is refused as it is.
        let switches = match found {
            Found::Sqlite { wal, .. } => wal == rollback,
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
                configure(&conn, rollback)
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
        match seed {
            _ if !seeded => {}
            None => notices.push((strings().errors.store.created)(path)),
            Some(plan) => notices.push((strings().errors.store.created_for)(path, &plan.slug)),
        }
        if let Some(mode) = files::tighten(path) {
            notices.push((strings().errors.store.tightened)(path, mode));
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
            created: seeded,
        })
    }

    /// True when this open created the file: with the bundled sheet, or with the plan given
    /// to [`Store::open_to_import`].
    pub fn created(&self) -> bool {
        self.created
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
            .map_err(|_| StoreError::Corrupt((strings().errors.store.bad_today)(&text)))
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

/// The journal: WAL on a local disk; a rollback journal on a network share (by the clerk's
/// choice: WAL's shared memory does not reach other machines) and in an exchange file (mailed
/// as one file). Pragmas that change the journal must run outside a transaction.
fn configure(conn: &Connection, rollback: bool) -> rusqlite::Result<()> {
    if rollback {
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

/// Creates the schema and loads the bundled sheet (or `seed`), in one IMMEDIATE transaction that first
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
    seed: Option<&Plan>,
) -> Result<bool, OpenError> {
    let sqlite = |source| classify(path, source);
    let bundled;
    let plan = match seed {
        Some(plan) => plan,
        None => {
            bundled = sheet::bundled().map_err(OpenError::Bundled)?;
            &bundled
        }
    };
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
    import::insert_plan(&tx, plan, actor, true).map_err(|e| OpenError::Seed {
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

/// The default data file: `tassei.db` in the platform's local data folder
/// (`~/.local/share/tassei` on Linux, `%LOCALAPPDATA%\tassei\data` on Windows).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "tassei").map(|d| d.data_local_dir().join("tassei.db"))
}

/// The folder an earlier tassei kept the default data file in, when it is not the one
/// [`default_path`] names: Windows' roaming `%APPDATA%\tassei\data` (see [`move_default`]).
/// Elsewhere the two are one folder, and this is `None`.
pub fn roaming_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "tassei")?;
    (dirs.data_dir() != dirs.data_local_dir()).then(|| dirs.data_dir().to_path_buf())
}

#[cfg(test)]
mod tests;
