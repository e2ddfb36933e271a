//! Exchange files (`.tassei`): a section's handout as a tassei data file, opened offline on a
//! laptop with the same TUI and CLI, and brought back to a collect.
//!
//! The file is one plan of the coordinator's data file (a consistent copy through SQLite's
//! backup API, other plans removed, compacted), in a rollback journal: it is mailed as one file
//! and must be whole without a `-wal` beside it, so [`Store::open`] never switches it to WAL.
//! One more table, `exchange`, says what it is — the exchange format and the tassei that wrote
//! it, the plan (uid, fiscal year), the section and handout number, the coordinator's data file,
//! and the last change-log row at the handout (rows after it were written on the laptop). Only
//! an exchange file has that table; a later format keeps its `format` and `app_version` columns,
//! so any tassei can say which format a file is.
//!
//! A collect reads a copy made in a folder of its own: the clerk's file is never opened, so
//! never written nor upgraded. A file with SQLite's `-wal` (or a hot `-journal`) beside it is
//! refused first: it is still open, or was not closed properly, and the file alone is not whole.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use super::backup::run_to_end;
use super::check::{self, Gate};
use super::codec::{decode_value, logged_field, word};
use super::files::{self, Claim, PARTIAL, Partial, with_suffix};
use super::handout::register;
use super::log::{ChangeKind, LoggedField};
use super::{APPLICATION_ID, Damage, OpenError, SQLITE_HEADER, Store, StoreError};
use crate::model::{FieldKey, FieldValue, Plan, PlanId};
use crate::text::control::visible;

/// The exchange format this tassei writes and reads. A change to what an exchange file holds
/// that an older tassei would misread takes the next number.
pub const EXCHANGE_FORMAT: u32 = 1;

/// The table that makes a data file an exchange file: one row.
const TABLE: &str = "CREATE TABLE exchange (
    format      INTEGER NOT NULL,                      -- EXCHANGE_FORMAT
    app_version TEXT NOT NULL,                         -- the tassei that wrote it
    plan_uid    TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    section     TEXT NOT NULL,
    handout_id  INTEGER NOT NULL,                      -- in the coordinator's registry
    source      TEXT NOT NULL,                         -- the coordinator's data file
    log_from    INTEGER NOT NULL,                      -- the last change_log id at the handout
    handout_created TEXT,                              -- the registry row's created_at
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;";

/// A field a handout carries: the row's uid, the field, its value as handed out.
pub type CarriedField = (String, FieldKey, FieldValue);

/// What an exchange file says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeMeta {
    pub format: u32,
    /// The version of the tassei that wrote it.
    pub app_version: String,
    pub plan_uid: String,
    /// The plan's fiscal year (western year it starts in).
    pub fiscal_year: i32,
    pub section: String,
    /// The handout number in the coordinator's registry.
    pub handout: i64,
    /// The coordinator's data file, as its path was.
    pub source: String,
    /// The last change-log row at the handout: later rows were written in the exchange file.
    pub log_from: i64,
    /// UTC.
    pub created_at: String,
    /// When the registry row of its handout was made (UTC, to the millisecond): with the
    /// handout number, which handout of which data file it is — a copy of the data file that
    /// handed out the same number later made another one.
    pub handout_created: Option<String>,
}

/// The `exchange` row of an exchange file, in this format's columns.
fn meta_of(conn: &Connection) -> rusqlite::Result<ExchangeMeta> {
    conn.query_row(
        "SELECT format, app_version, plan_uid, fiscal_year, section, handout_id, source,
                log_from, created_at, handout_created
         FROM exchange",
        [],
        |r| {
            Ok(ExchangeMeta {
                format: r.get(0)?,
                app_version: r.get(1)?,
                plan_uid: r.get(2)?,
                fiscal_year: r.get(3)?,
                section: r.get(4)?,
                handout: r.get(5)?,
                source: r.get(6)?,
                log_from: r.get(7)?,
                created_at: r.get(8)?,
                handout_created: r.get(9)?,
            })
        },
    )
}

/// Whether the open file is an exchange file (has the `exchange` table and its row).
pub(super) fn is_exchange(conn: &Connection) -> rusqlite::Result<bool> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'exchange')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(false);
    }
    conn.query_row("SELECT EXISTS (SELECT 1 FROM exchange)", [], |r| r.get(0))
}

/// Why an exchange file was not written.
#[derive(Debug)]
pub enum ExchangeWriteError {
    /// Something is at the name already: never replaced (it may hold a section's figures).
    Exists(PathBuf),
    /// The file could not be written.
    Write { path: PathBuf, source: io::Error },
    /// The data file could not be read or registered in.
    Store(StoreError),
}

impl From<StoreError> for ExchangeWriteError {
    fn from(e: StoreError) -> Self {
        ExchangeWriteError::Store(e)
    }
}

impl From<rusqlite::Error> for ExchangeWriteError {
    fn from(e: rusqlite::Error) -> Self {
        ExchangeWriteError::Store(e.into())
    }
}

impl Store {
    /// Writes `plan` as an exchange file for `section` at `dest` (never replacing a file) and
    /// registers the handout: the fields `carry` picks from the plan *as copied*, so the
    /// registry's base values are the file's own values. The registry row is committed only
    /// once the file has its name; a failure leaves neither. Returns the handout number and
    /// the fields carried.
    pub fn hand_out_file(
        &mut self,
        plan: PlanId,
        section: &str,
        dest: &Path,
        carry: impl FnOnce(&Plan) -> Vec<CarriedField>,
    ) -> Result<(i64, Vec<CarriedField>), ExchangeWriteError> {
        if fs::symlink_metadata(dest).is_ok() {
            return Err(ExchangeWriteError::Exists(dest.to_path_buf()));
        }
        self.check_before_write()?;
        let partial_path = with_suffix(dest, PARTIAL);
        let partial =
            match files::claim(&partial_path).map_err(|source| ExchangeWriteError::Write {
                path: dest.to_path_buf(),
                source,
            })? {
                Claim::Mine(p) => p,
                // Another tassei is writing this very file.
                Claim::Busy => return Err(ExchangeWriteError::Exists(dest.to_path_buf())),
            };
        let copy = match self.copy_plan(plan, partial.path()) {
            Ok(copy) => copy,
            Err(e) => {
                partial.discard();
                return Err(e);
            }
        };
        self.register_and_publish(copy, partial, plan, section, dest, carry)
    }

    /// The consistent copy of the file into `partial`, in a rollback journal, holding `plan`
    /// alone, compacted, with the `exchange` table; opened as a store to load the plan from.
    fn copy_plan(&self, plan: PlanId, partial: &Path) -> Result<Store, ExchangeWriteError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(files::sqlite_path(partial), flags)?;
        // A partial file that a crash cuts short is thrown away: no journal while copying.
        conn.pragma_update(None, "journal_mode", "OFF")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        {
            let backup = Backup::new(&self.conn, &mut conn)?;
            run_to_end(&backup)?;
        }
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute("DELETE FROM plan WHERE id <> ?1", [plan.0])?;
        conn.execute_batch(TABLE)?;
        // Rebuilt: smaller, and nothing of the removed plans is left in free pages.
        conn.execute_batch("VACUUM")?;
        Ok(Store {
            conn,
            path: partial.to_path_buf(),
            actor: self.actor.clone(),
            gate: Gate::new(),
            exclusive: false,
            notices: Vec::new(),
            newest_good: OnceLock::new(),
            copy_of: None,
            created: false,
        })
    }

    /// Registers the handout (uncommitted), writes the file's `exchange` row, verifies the copy,
    /// gives it its name, then commits the registry row.
    fn register_and_publish(
        &mut self,
        copy: Store,
        partial: Partial,
        plan: PlanId,
        section: &str,
        dest: &Path,
        carry: impl FnOnce(&Plan) -> Vec<CarriedField>,
    ) -> Result<(i64, Vec<CarriedField>), ExchangeWriteError> {
        let cannot = |source| ExchangeWriteError::Write {
            path: dest.to_path_buf(),
            source,
        };
        let source = fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        // What takes time (reading the plan, verifying the copy) is done before the registry's
        // write lock is taken: other clerks' edits wait only for the registry row.
        let read = (|| -> Result<_, ExchangeWriteError> {
            let copied = copy.load_plan(plan)?;
            let log_from: i64 =
                copy.conn
                    .query_row("SELECT coalesce(max(id), 0) FROM change_log", [], |r| {
                        r.get(0)
                    })?;
            if let Some(found) = check::full(&copy.conn)? {
                self.gate.settle(Some(Err(found.clone())));
                return Err(StoreError::Damaged(Damage::of(&self.path, found)).into());
            }
            Ok((copied, log_from))
        })();
        let (copied, log_from) = match read {
            Ok(read) => read,
            Err(e) => {
                drop(copy);
                partial.discard();
                return Err(e);
            }
        };
        let fields = carry(&copied);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate);
        let written = tx.map_err(ExchangeWriteError::from).and_then(|tx| {
            let id = register(&tx, plan, section, &fields)?;
            let created: String =
                tx.query_row("SELECT created_at FROM handout WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            copy.conn.execute(
                "INSERT INTO exchange (format, app_version, plan_uid, fiscal_year, section,
                                       handout_id, source, log_from, handout_created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    EXCHANGE_FORMAT,
                    env!("CARGO_PKG_VERSION"),
                    copied.uid.to_string(),
                    copied.fiscal_year.0,
                    section,
                    id,
                    source.display().to_string(),
                    log_from,
                    created,
                ],
            )?;
            Ok((tx, id))
        });
        drop(copy);
        let (tx, id) = match written {
            Ok(w) => w,
            Err(e) => {
                partial.discard();
                return Err(e);
            }
        };
        partial.sync().map_err(cannot)?;
        match partial.publish([dest.to_path_buf()]).map_err(cannot)? {
            Some(_) => {}
            None => return Err(ExchangeWriteError::Exists(dest.to_path_buf())),
        }
        if let Err(e) = tx.commit() {
            // Handed out without a record, the file could never be collected: it goes.
            let _ = fs::remove_file(dest);
            return Err(e.into());
        }
        Ok((id, fields))
    }

    /// Collects an exchange file's fields: [`Store::collect`], with `added` registered first
    /// (fields the handout did not carry that the collect takes, with their base values) and
    /// each change's origin said by `origin` (the file, and who changed it there).
    pub fn collect_exchange(
        &mut self,
        handout: i64,
        added: &[CarriedField],
        origin: &dyn Fn(&super::Taken) -> String,
        taken: &[super::Taken],
    ) -> Result<Vec<super::Applied>, super::EditError> {
        self.collect_with(Some(handout), added, origin, taken)
    }

    /// What the open data file says about itself when it is an exchange file (a section's
    /// handout, opened on a laptop with `tassei --db 市民係.tassei`); `None` for any other.
    pub fn exchange_meta(&self) -> Result<Option<ExchangeMeta>, StoreError> {
        if !is_exchange(&self.conn)? {
            return Ok(None);
        }
        Ok(Some(meta_of(&self.conn)?))
    }

    /// The plan with this uid, when the file has it.
    pub fn plan_by_uid(&self, uid: &str) -> Result<Option<PlanId>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id FROM plan WHERE uid = ?1", [uid], |r| r.get(0))
            .optional()?
            .map(PlanId))
    }

    /// The change-log rows of `plan` after row `after`, oldest first, with the values typed.
    pub fn changes_after(&self, plan: PlanId, after: i64) -> Result<Vec<LaptopChange>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, strftime('%Y-%m-%d %H:%M', at, 'localtime'), actor, kind, entity_uid, field,
                    subject, old, new
             FROM change_log WHERE plan_id = ?1 AND id > ?2 ORDER BY id",
        )?;
        let mut rows = stmt.query(params![plan.0, after])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(3)?;
            let field = logged_field(&r.get::<_, String>(5)?);
            let typed = |text: Option<String>| {
                field
                    .key()
                    .and_then(|key| decode_value(key, text.as_deref()))
            };
            out.push(LaptopChange {
                id,
                // Words from a mailed file: shown as they are, never driving the terminal.
                at: visible(&r.get::<_, String>(1)?, &[]),
                actor: visible(&r.get::<_, String>(2)?, &[]),
                kind: word(&kind, format!("change_log {id} kind"))?,
                entity_uid: r.get(4)?,
                subject: r.get(6)?,
                old: typed(r.get(7)?),
                new: typed(r.get(8)?),
                field,
            });
        }
        Ok(out)
    }
}

/// One change-log row of an exchange file, as a collect reads it for who changed what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaptopChange {
    pub id: i64,
    /// Local time to the minute, `2026-11-30 10:22`.
    pub at: String,
    pub actor: String,
    pub kind: ChangeKind,
    pub entity_uid: String,
    pub field: LoggedField,
    /// As the log stores it: `⑴-ア-1`, `⑴-ア-1 実施内容2`, `⑴-ア-1 会議 2026-11-28`.
    pub subject: String,
    /// The values, when the row is about a field and they read as its values.
    pub old: Option<FieldValue>,
    pub new: Option<FieldValue>,
}

/// SQLite's `-wal` or `-journal` beside `path`, if one lies there: the file is still open
/// (or was not closed properly), and what it holds is not whole without it.
pub fn journal_beside(path: &Path) -> Option<PathBuf> {
    ["-wal", "-journal"]
        .into_iter()
        .map(|side| with_suffix(path, side))
        .find(|beside| fs::symlink_metadata(beside).is_ok())
}

/// Whether the file at `path` begins as every SQLite database does (an exchange file under
/// another name, or some other database).
pub fn is_sqlite_file(path: &Path) -> bool {
    let mut head = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_HEADER)
}

/// Why an exchange file brought to a collect was not read.
#[derive(Debug)]
pub enum ExchangeFileError {
    /// SQLite's `-wal` or `-journal` lies beside it (named): still open, or not closed properly.
    OpenBeside(PathBuf),
    /// The file could not be read or copied.
    Read(io::Error),
    /// Not a tassei data file.
    NotTassei,
    /// Its header says write-ahead logging: a tassei that does not know exchange files (an
    /// older one) switched it, and its last writes may be in a `-wal` left on the laptop.
    WasWal,
    /// A tassei data file, but not an exchange file (no handout went out as it).
    NotExchange,
    /// SQLite could not read the copy.
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for ExchangeFileError {
    fn from(e: rusqlite::Error) -> Self {
        ExchangeFileError::Sqlite(e)
    }
}

/// A copy of an exchange file in a folder of its own, removed when dropped: its format and the
/// tassei that wrote it, read first; the rest ([`ExchangeCopy::meta`], [`ExchangeCopy::open`])
/// once the format is one this tassei reads.
#[derive(Debug)]
pub struct ExchangeCopy {
    folder: PathBuf,
    file: PathBuf,
    pub format: u32,
    pub app_version: String,
}

/// Told apart the folders of copies made by one process.
static COPIES: AtomicUsize = AtomicUsize::new(0);

/// Copies the exchange file at `path` for reading, after refusing one that is still open.
pub fn read_exchange_file(path: &Path) -> Result<ExchangeCopy, ExchangeFileError> {
    if let Some(beside) = journal_beside(path) {
        return Err(ExchangeFileError::OpenBeside(beside));
    }
    let mut header = [0u8; 100];
    let read = fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    match read {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            return Err(ExchangeFileError::NotTassei);
        }
        Err(e) => return Err(ExchangeFileError::Read(e)),
    }
    let application_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if &header[..16] != SQLITE_HEADER || application_id != APPLICATION_ID {
        return Err(ExchangeFileError::NotTassei);
    }
    let folder = private_folder().map_err(ExchangeFileError::Read)?;
    let mut copy = ExchangeCopy {
        file: folder.join("returned.tassei"),
        folder,
        format: 0,
        app_version: String::new(),
    };
    fs::copy(path, &copy.file).map_err(ExchangeFileError::Read)?;
    let conn = copy.connect()?;
    if !is_exchange(&conn)? {
        return Err(ExchangeFileError::NotExchange);
    }
    // The file format's write and read versions: 2 is WAL (SQLite's file format, § 1.3).
    if header[18] == 2 || header[19] == 2 {
        return Err(ExchangeFileError::WasWal);
    }
    let (format, app_version) =
        conn.query_row("SELECT format, app_version FROM exchange", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    copy.format = format;
    copy.app_version = app_version;
    Ok(copy)
}

impl ExchangeCopy {
    fn connect(&self) -> rusqlite::Result<Connection> {
        Connection::open_with_flags(
            files::sqlite_path(&self.file),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    }

    /// What the file says about itself, in this format's columns.
    pub fn meta(&self) -> Result<ExchangeMeta, ExchangeFileError> {
        Ok(meta_of(&self.connect()?)?)
    }

    /// The copy as a data file, upgraded when an older tassei wrote it (the copy, never the
    /// clerk's file); a newer one is refused.
    pub fn open(&self) -> Result<Store, OpenError> {
        Store::open(&self.file, "collect")
    }
}

impl Drop for ExchangeCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.folder);
    }
}

/// A new folder in the system's temporary folder, readable by its owner only.
fn private_folder() -> io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let mut last = None;
    for _ in 0..100 {
        let n = COPIES.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let folder = base.join(format!(
            "tassei-collect-{}-{nanos:x}-{n}",
            std::process::id()
        ));
        #[cfg(unix)]
        let builder = {
            let mut builder = fs::DirBuilder::new();
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder
        };
        // Windows folders in the user's temporary folder inherit its ACL, the user's own.
        #[cfg(not(unix))]
        let builder = fs::DirBuilder::new();
        match builder.create(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

#[cfg(test)]
mod tests;
