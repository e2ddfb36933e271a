//! Copies of the data file beside it, made with SQLite's backup API (consistent even while the
//! file is in use): one per day of use, any made on request, one before a restore, one before
//! an upgrade; and the restore of one.
//!
//! Every copy is written under a `.partial` name that its process holds, verified with
//! `integrity_check`, and only then given its name, in a step that never replaces a file: so a
//! dated copy is a good copy, and the newest dated copy is the newest good one. A damaged file
//! yields no copy, so no good copy is ever pruned for a damaged one. Only tassei's own dated
//! copies of this file (`<file>.bak-<date>[T<time>][-<n>]`) are counted and pruned, after the
//! new copy exists, never a copy that is being read or is open elsewhere; the copies made
//! before an upgrade (`.bak-v<N>`) and of a damaged file (`.damaged-<time>`) are never pruned.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::check::{self, DamageCheck, Gate};
use super::files::{self, Claim, PARTIAL, with_suffix};
use super::{
    APPLICATION_ID, BUSY_TIMEOUT, Damage, Found, OpenError, SCHEMA_VERSION, Store, StoreError,
    identity, inspect, refuse_foreign,
};
use crate::model::CalendarDate;

mod names;

use crate::strings::strings;
#[cfg(test)]
use names::names;
pub use names::{COPIES_PER_DAY, DEFAULT_KEEP, backups, copy_of, pre_upgrade_names};
use names::{fresh_names, is_copy, prune, stamp_day};

/// The newest good copy of a data file: the newest dated copy that passes the checks a restore
/// makes, else the newest such copy made before an upgrade. Every copy this tassei makes was
/// verified before it got its name; copies made by an older tassei were not, and a disk can
/// damage a copy later, so each candidate is checked again (on this path only: a damaged file).
pub fn newest_good(data: &Path) -> Option<PathBuf> {
    let before_upgrades = (1..SCHEMA_VERSION)
        .rev()
        .flat_map(|v| pre_upgrade_names(data, v).into_iter().take(10).rev())
        .filter(|p| p.is_file());
    backups(data)
        .into_iter()
        .rev()
        .chain(before_upgrades)
        .find(|copy| open_source(copy).is_ok())
}

/// A file can be restored from when its header says it is a tassei data file this build can
/// read. A quick look, before asking; [`Store::restore_from`] verifies it fully.
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
        _ => Err(not_tassei(from)),
    }
}

fn not_tassei(from: &Path) -> StoreError {
    StoreError::Restore((strings().errors.backup.not_tassei)(from))
}

/// What a verified copy came to.
#[derive(Debug)]
pub(crate) enum Copied {
    /// Verified and named.
    Good(PathBuf),
    /// The source is damaged; the copy is kept under `kept` when asked to, else removed.
    Damaged {
        found: String,
        kept: Option<PathBuf>,
    },
    /// Another process is making this very copy.
    Busy,
}

/// Copies `source` into the first free of `names`, through a held `.partial` file, and
/// verifies the copy before it gets its name. A damaged copy goes to the first free of
/// `damaged_names`, or is removed when there are none.
pub(crate) fn copy_verified(
    source: &Connection,
    names: &[PathBuf],
    damaged_names: &[PathBuf],
) -> Result<Copied, StoreError> {
    let mut claimed = None;
    for (i, name) in names.iter().enumerate() {
        let partial = with_suffix(name, PARTIAL);
        match files::claim(&partial).map_err(|e| cannot(&partial, e))? {
            Claim::Mine(p) => {
                claimed = Some((i, p));
                break;
            }
            Claim::Busy => {}
        }
    }
    let Some((first, partial)) = claimed else {
        return Ok(Copied::Busy);
    };
    let found = match write_copy(source, partial.path()) {
        Ok(found) => found,
        // A copy too damaged to be read at all is a damaged copy too.
        Err(StoreError::Corrupt(found)) => Some(found),
        Err(e) => {
            partial.discard();
            return Err(e);
        }
    };
    let at = partial.path().to_path_buf();
    match found {
        None => {
            partial.sync().map_err(|e| cannot(&at, e))?;
            match partial
                .publish(names[first..].iter().cloned())
                .map_err(|e| cannot(&at, e))?
            {
                Some(path) => Ok(Copied::Good(path)),
                None => Ok(Copied::Busy),
            }
        }
        Some(found) if !damaged_names.is_empty() => {
            let kept = partial
                .publish(damaged_names.iter().cloned())
                .map_err(|e| cannot(&at, e))?;
            Ok(Copied::Damaged { found, kept })
        }
        Some(found) => {
            partial.discard();
            Ok(Copied::Damaged { found, kept: None })
        }
    }
}

fn cannot(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Backup((strings().errors.backup.cannot_write)(path, &e))
}

/// Writes the copy into the partial file (opened without following a symlink, as a path, never
/// a URI) and checks it. `Some(what was found)` when the copy, and so the source, is damaged.
fn write_copy(source: &Connection, partial: &Path) -> Result<Option<String>, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut dest = Connection::open_with_flags(files::sqlite_path(partial), flags)?;
    // A partial copy that a crash cuts short is thrown away, so it needs no journal; the
    // finished copy is flushed once, before it gets its name.
    dest.pragma_update(None, "journal_mode", "OFF")?;
    dest.pragma_update(None, "synchronous", "OFF")?;
    {
        let backup = Backup::new(source, &mut dest)?;
        run_to_end(&backup)?;
    }
    // The pages carry the source's WAL flag; a rollback journal lets the copy be read (and
    // restored from) without files beside it.
    dest.pragma_update(None, "journal_mode", "DELETE")?;
    let mut found = check::full(&dest)?;
    if found.is_none() {
        let (_, version, app_id) = identity(&dest)?;
        if app_id != APPLICATION_ID || version == 0 || version > SCHEMA_VERSION {
            found = Some(strings().errors.backup.copy_not_tassei.to_string());
        }
    }
    dest.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(found)
}

/// Copies every page in one step (one consistent snapshot of the source), waiting a while
/// for a lock another process holds. SQLite reports some waits with an extended code
/// (`SQLITE_BUSY_RECOVERY` while another process recovers the WAL) that the step passes on as
/// an error: those are waited out too.
pub(super) fn run_to_end(backup: &Backup<'_, '_>) -> Result<(), StoreError> {
    let pause = Duration::from_millis(50);
    let tries = BUSY_TIMEOUT.as_millis() / pause.as_millis();
    for _ in 0..tries {
        match backup.step(-1) {
            Ok(StepResult::Done) => return Ok(()),
            Ok(_) => std::thread::sleep(pause),
            Err(e) if super::is_busy(&e) => std::thread::sleep(pause),
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::Busy)
}

/// Takes the file's write lock and keeps it: in exclusive locking mode SQLite keeps the lock a
/// transaction took until the mode is changed back ([`release`]). Other connections, readers
/// too, wait meanwhile.
fn hold_exclusively(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    let taken = conn
        .execute_batch("BEGIN IMMEDIATE; COMMIT;")
        .map_err(StoreError::from);
    if taken.is_err() {
        release(conn);
    }
    taken
}

/// Gives the lock [`hold_exclusively`] took back: normal locking, which SQLite applies at the
/// next access, made at once.
fn release(conn: &Connection) {
    let _ = conn.pragma_update(None, "locking_mode", "NORMAL");
    let _ = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    });
}

/// The local date and time as a copy's stamp, `YYYY-MM-DDTHHMMSS`.
fn stamp_now(conn: &Connection) -> Result<String, StoreError> {
    Ok(conn.query_row(
        "SELECT strftime('%Y-%m-%dT%H%M%S', 'now', 'localtime')",
        [],
        |r| r.get(0),
    )?)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the file as it was before the restore.
    pub kept: PathBuf,
    /// Whether that file was damaged (its copy is then a `.damaged-` file, not a dated copy).
    pub was_damaged: bool,
}

/// The day's copy when it is due: not for a file that is itself a copy, and not when it exists.
fn daily_due(data: &Path, today: CalendarDate) -> Option<PathBuf> {
    let path = with_suffix(data, &format!(".bak-{today}"));
    (!is_copy(data) && fs::symlink_metadata(&path).is_err()).then_some(path)
}

/// The day's copy from `source`, and the damage check it stands for. `Ok(None)`: not due, or
/// another process is making it.
fn daily_copy(
    source: &Connection,
    data: &Path,
    gate: &Gate,
    today: CalendarDate,
    keep: usize,
) -> Result<Option<PathBuf>, StoreError> {
    let Some(path) = daily_due(data, today) else {
        return Ok(None);
    };
    match copy_verified(source, &[path], &[])? {
        Copied::Good(path) => {
            gate.settle(Some(Ok(())));
            prune(data, keep, &today.to_string(), &[&path])?;
            Ok(Some(path))
        }
        Copied::Busy => Ok(None),
        Copied::Damaged { found, .. } => {
            gate.settle(Some(Err(found.clone())));
            Err(StoreError::Damaged(Damage::of(data, found)))
        }
    }
}

impl Store {
    /// Today's copy, made once per day of use, verified. `None` when it exists, when another
    /// process is making it, or when this file is itself a copy. A damaged file gets no copy
    /// and is refused ([`StoreError::Damaged`]).
    pub fn daily_backup(
        &self,
        today: CalendarDate,
        keep: usize,
    ) -> Result<Option<PathBuf>, StoreError> {
        daily_copy(&self.conn, &self.path, &self.gate, today, keep)
    }

    /// A copy now, named by the local date and time, verified.
    pub fn backup_now(&self, keep: usize) -> Result<PathBuf, StoreError> {
        let stamp = stamp_now(&self.conn)?;
        match copy_verified(&self.conn, &fresh_names(&self.path, "bak", &stamp), &[])? {
            Copied::Good(path) => {
                self.gate.settle(Some(Ok(())));
                prune(&self.path, keep, stamp_day(&stamp), &[&path])?;
                Ok(path)
            }
            Copied::Damaged { found, .. } => Err(self.damaged(found)),
            Copied::Busy => Err(StoreError::Backup((strings().errors.backup.names_taken)(
                &self.path,
            ))),
        }
    }

    /// Replaces the data in this file with the data of `from`, after verifying `from` (a tassei
    /// data file this build can read, undamaged) and copying this file as it is. The file is
    /// replaced in one transaction: a crash leaves it as it was or as `from`, never a mix. A
    /// damaged file's copy is kept as `.damaged-<time>`, out of the dated copies. Pruning comes
    /// last and spares `from`.
    pub fn restore_from(&mut self, from: &Path, keep: usize) -> Result<Restored, StoreError> {
        if fs::canonicalize(from).ok() == fs::canonicalize(&self.path).ok() {
            return Err(StoreError::Restore((strings()
                .errors
                .backup
                .restore_itself)(from)));
        }
        let source = open_source(from)?;
        let stamp = stamp_now(&self.conn)?;
        // No other tassei may write between the copy of the file as it was and its replacement:
        // an edit committed there (seen: 23 of 320 edits made during restores) was in neither.
        // The file is held exclusively from before the copy until after the replacement;
        // other writers wait for it (up to their busy timeout), and nothing is lost.
        let hold = !self.exclusive;
        if hold {
            hold_exclusively(&self.conn)?;
        }
        let replaced = self.copy_and_replace(&source, &stamp);
        if hold {
            release(&self.conn);
        }
        let (kept, was_damaged) = replaced?;
        drop(source);
        self.gate.settle(Some(Ok(())));
        prune(&self.path, keep, stamp_day(&stamp), &[from, &kept])?;
        Ok(Restored { kept, was_damaged })
    }

    /// The copy of the file as it was, then the file replaced by the source: the two steps of
    /// a restore, run while the file is held.
    fn copy_and_replace(
        &mut self,
        source: &Source,
        stamp: &str,
    ) -> Result<(PathBuf, bool), StoreError> {
        let kept = match copy_verified(
            &self.conn,
            &fresh_names(&self.path, "bak", stamp),
            &fresh_names(&self.path, "damaged", stamp),
        )? {
            Copied::Good(path) => (path, false),
            Copied::Damaged {
                kept: Some(path), ..
            } => (path, true),
            Copied::Damaged { kept: None, .. } | Copied::Busy => {
                return Err(StoreError::Backup((strings()
                    .errors
                    .backup
                    .cannot_name_copy)(
                    &self.path
                )));
            }
        };
        if let Some(conn) = &source.conn {
            let backup = Backup::new(conn, &mut self.conn)?;
            run_to_end(&backup)?;
        }
        Ok(kept)
    }

    /// Starts the damage check beside the TUI, on a connection of its own, together with the
    /// day's copy when `daily` says one may be due (the copy's verification is then the
    /// check). The TUI opens at once; a write waits for the answer ([`Store::check_before_write`]),
    /// and [`Store::damage_check`] tells how far it is. On a file held exclusively (a network
    /// share) nothing else may open it, so the work is done here and now.
    pub fn check_in_background(&self, daily: Option<(CalendarDate, usize)>) -> BackgroundCheck {
        let gate = Arc::clone(&self.gate);
        // Claimed now, so a write made before the thread gets going waits for its answer.
        let claimed = gate.start();
        if self.exclusive || (!claimed && daily.is_none()) {
            let warning = day_and_check(&self.conn, &self.path, &gate, daily, claimed);
            return BackgroundCheck {
                gate,
                thread: None,
                warning,
            };
        }
        let path = self.path.clone();
        let shared = Arc::clone(&gate);
        let thread = std::thread::spawn(move || {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            match Connection::open_with_flags(files::sqlite_path(&path), flags) {
                Ok(conn) => {
                    let _ = conn.busy_timeout(BUSY_TIMEOUT);
                    day_and_check(&conn, &path, &shared, daily, claimed)
                }
                Err(e) => {
                    if claimed {
                        // The first write checks on the main connection instead.
                        shared.settle(None);
                    }
                    daily.map(|_| (strings().errors.backup.daily_failed)(&path, &e))
                }
            }
        });
        BackgroundCheck {
            gate,
            thread: Some(thread),
            warning: None,
        }
    }
}

/// The day's copy if due (its verification is the damage check), else, when this caller
/// `claimed` the check, the quick check; the gate is settled either way. Returns a line for the
/// clerk when the file is damaged or the copy could not be made.
fn day_and_check(
    conn: &Connection,
    data: &Path,
    gate: &Gate,
    daily: Option<(CalendarDate, usize)>,
    claimed: bool,
) -> Option<String> {
    let mut warning = None;
    if let Some((today, keep)) = daily {
        match daily_copy(conn, data, gate, today, keep) {
            Ok(Some(_)) => return None,
            Ok(None) => {}
            Err(e @ StoreError::Damaged(_)) => return Some(e.to_string()),
            Err(e) => warning = Some((strings().errors.backup.warning)(&e)),
        }
    }
    if claimed {
        match check::quick(conn) {
            Ok(None) => gate.settle(Some(Ok(()))),
            Ok(Some(found)) => {
                gate.settle(Some(Err(found.clone())));
                return Some(Damage::of(data, found).to_string());
            }
            Err(_) => gate.settle(None),
        }
    }
    warning
}

/// The damage check (and the day's copy) running beside the TUI.
pub struct BackgroundCheck {
    gate: Arc<Gate>,
    thread: Option<JoinHandle<Option<String>>>,
    warning: Option<String>,
}

impl BackgroundCheck {
    /// How far the check is.
    pub fn status(&self) -> DamageCheck {
        self.gate.status()
    }

    /// Waits for the check (and the day's copy) to end; returns a line to print when the file
    /// is damaged or the copy could not be made.
    pub fn finish(self) -> Option<String> {
        match self.thread {
            Some(thread) => thread.join().ok().flatten(),
            None => self.warning,
        }
    }
}

/// A file being restored from, open read-only.
struct Source {
    conn: Option<Connection>,
    /// The `-wal` and `-shm` that opening it created. A read-only connection to a file in WAL
    /// mode creates them and cannot remove them; they are removed after it closes when the WAL
    /// holds nothing (nobody else wrote through them), so a copy is left as it was found.
    created: Vec<PathBuf>,
}

impl Drop for Source {
    fn drop(&mut self) {
        drop(self.conn.take());
        let wal_unused = self
            .created
            .iter()
            .find(|p| p.to_string_lossy().ends_with("-wal"))
            .is_none_or(|wal| fs::metadata(wal).is_ok_and(|m| m.len() == 0));
        if wal_unused {
            for path in &self.created {
                let _ = fs::remove_file(path);
            }
        }
    }
}

/// Opens a file to restore from, read-only, and verifies it: a tassei data file this build can
/// read, undamaged. The connection is kept for the restore, so the file read is the file
/// checked.
fn open_source(from: &Path) -> Result<Source, StoreError> {
    check_restorable(from)?;
    let side: Vec<PathBuf> = ["-wal", "-shm"]
        .iter()
        .map(|s| with_suffix(from, s))
        .filter(|p| fs::symlink_metadata(p).is_err())
        .collect();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let unreadable = |e: &dyn std::fmt::Display| {
        StoreError::Restore((strings().errors.backup.cannot_read)(from, e))
    };
    let conn =
        Connection::open_with_flags(files::sqlite_path(from), flags).map_err(|e| unreadable(&e))?;
    let _ = conn.busy_timeout(BUSY_TIMEOUT);
    let source = Source {
        conn: Some(conn),
        created: side,
    };
    let conn = source.conn.as_ref().ok_or_else(|| not_tassei(from))?;
    let (_, version, app_id) = identity(conn).map_err(|_| not_tassei(from))?;
    if app_id != APPLICATION_ID || version == 0 || version > SCHEMA_VERSION {
        return Err(not_tassei(from));
    }
    let found = check::full(conn).map_err(|e| unreadable(&e))?;
    if let Some(found) = found {
        return Err(StoreError::Restore((strings()
            .errors
            .backup
            .restore_damaged)(
            from, &found
        )));
    }
    Ok(source)
}

#[cfg(test)]
mod tests;
