//! The default data file out of the roaming profile. On Windows the platform's data folder is
//! `%APPDATA%` (Roaming), which a domain profile copies to the server at sign-out and back at
//! sign-in — a data file there travels between computers, and two of them can each keep a
//! version. The default data file now lives in `%LOCALAPPDATA%` (Local, this computer's own);
//! a file an earlier tassei made in Roaming is moved there once, with its journal and its dated
//! copies. On Linux and macOS the two folders are one (`directories` gives the same path for
//! both), so nothing is ever moved there.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{PARTIAL, with_suffix};
use crate::platform::{rename_new, retry_while_shared};
use crate::strings::strings;

/// The files SQLite keeps beside a database while it is in use or after a crash.
const JOURNALS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// What moving the default data file came to.
#[derive(Debug)]
pub enum Relocation {
    /// Nothing to move: one folder for both (Linux, macOS), no data file in the old folder, or
    /// one in the new folder already (it is used, and never overwritten).
    Nothing,
    /// The data file moved; `copies_left` of its copies could not.
    Moved { copies_left: usize },
    /// The data file could not be moved: it stays, and is used where it is (if it is still
    /// there: another tassei may have moved it meanwhile).
    Failed(io::Error),
}

/// Moves the data file `name` from `old_folder` to `new_folder` unless there is one there
/// already, then its dated copies (each that can be; a `.partial` left by a killed tassei
/// stays). The data file moves as one file in one rename: whatever its journal holds (a `-wal`
/// left by a tassei Windows ended at sign-out) is first written into it by SQLite, and a
/// journal that cannot be emptied stops the move, so no committed edit is ever left behind in
/// a journal. A rename never crosses volumes (a copy could be cut half-way) and never replaces
/// a file; a file held by another program is waited for a moment (Windows).
pub fn move_default(old_folder: &Path, new_folder: &Path, name: &str) -> Relocation {
    if old_folder == new_folder {
        return Relocation::Nothing;
    }
    let (old, new) = (old_folder.join(name), new_folder.join(name));
    if fs::symlink_metadata(&old).is_err() || fs::symlink_metadata(&new).is_ok() {
        return Relocation::Nothing;
    }
    if let Err(e) = fs::create_dir_all(new_folder) {
        return Relocation::Failed(e);
    }
    if let Err(e) = empty_journals(&old) {
        return Relocation::Failed(e);
    }
    if let Err(e) = retry_while_shared(&old, || rename_new(&old, &new)) {
        return Relocation::Failed(e);
    }
    let prefix = format!("{name}.");
    let copies: Vec<PathBuf> = fs::read_dir(old_folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| f.starts_with(&prefix) && !f.contains(PARTIAL))
                .map(|f| old_folder.join(f))
                .collect()
        })
        .unwrap_or_default();
    let copies_left = copies
        .iter()
        .filter(|from| {
            let to = new_folder.join(from.file_name().unwrap_or_default());
            retry_while_shared(from, || rename_new(from, &to)).is_err()
        })
        .count();
    Relocation::Moved { copies_left }
}

/// Writes whatever journal the data file has into it and leaves none beside it: SQLite opens
/// it (never creating one), rolls a hot rollback journal back or checkpoints the WAL to its
/// end, and removes the WAL on closing. A journal still there with something in it (another
/// tassei has the file open, or it is not a database) is an error: the file is not moved.
fn empty_journals(data_file: &Path) -> io::Result<()> {
    let has_journal = JOURNALS
        .iter()
        .any(|s| fs::symlink_metadata(with_suffix(data_file, s)).is_ok());
    if !has_journal {
        return Ok(());
    }
    let refused = |e: rusqlite::Error| io::Error::other(e.to_string());
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = rusqlite::Connection::open_with_flags(data_file, flags).map_err(refused)?;
    // Reading the schema recovers a hot journal; the checkpoint empties a WAL.
    connection
        .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(refused)?;
    let busy: i64 = connection
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
        .map_err(refused)?;
    connection.close().map_err(|(_, e)| refused(e))?;
    if busy != 0 {
        return Err(io::Error::other(strings().errors.files.journal_busy));
    }
    for suffix in JOURNALS {
        let journal = with_suffix(data_file, suffix);
        // An empty `-wal` or a `-shm` beside an emptied WAL holds nothing; anything else does.
        let holds_something = match fs::metadata(&journal) {
            Ok(meta) => suffix != "-shm" && meta.len() > 0,
            Err(_) => false,
        };
        if holds_something {
            return Err(io::Error::other((strings().errors.files.journal_left)(
                &journal,
            )));
        }
    }
    Ok(())
}

impl Relocation {
    /// The data file to open: the moved one; the old one where a move failed, if it is still
    /// there — when another tassei moved it meanwhile, the new one (never a fresh file in
    /// place of a clerk's).
    pub fn data_file(&self, old_folder: &Path, new: &Path) -> PathBuf {
        let old = old_folder.join(new.file_name().unwrap_or_default());
        match self {
            Relocation::Failed(_) if fs::symlink_metadata(&old).is_ok() => old,
            _ => new.to_path_buf(),
        }
    }

    /// What to say about it, once: nothing when nothing moved.
    pub fn notices(&self, old_folder: &Path, new_folder: &Path, name: &str) -> Vec<String> {
        let words = &strings().errors.files;
        match self {
            Relocation::Nothing => Vec::new(),
            Relocation::Moved { copies_left } => {
                let mut said = vec![(words.moved_to_local)(old_folder, new_folder)];
                if *copies_left > 0 {
                    said.push((words.copies_left)(*copies_left, old_folder));
                }
                said
            }
            Relocation::Failed(e) => vec![(words.not_moved_to_local)(
                &old_folder.join(name),
                new_folder,
                e,
            )],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Folders {
        _dir: tempfile::TempDir,
        roaming: PathBuf,
        local: PathBuf,
    }

    fn folders() -> Folders {
        let dir = tempfile::tempdir().expect("dir");
        let roaming = dir.path().join("Roaming").join("tassei").join("data");
        let local = dir.path().join("Local").join("tassei").join("data");
        fs::create_dir_all(&roaming).expect("roaming");
        Folders {
            _dir: dir,
            roaming,
            local,
        }
    }

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// A data file as a tassei ended by Windows at sign-out leaves it: edits committed into
    /// its WAL and not yet into the file. Made in `scratch`, copied into `folder` while the
    /// writer still has it open (a crash's state), with `rows` rows in its one table.
    fn crashed_data_file(scratch: &Path, folder: &Path, rows: i64) {
        let live = scratch.join("live.db");
        let writer = rusqlite::Connection::open(&live).expect("open");
        writer
            .execute_batch(
                "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;
                 CREATE TABLE t(x); ",
            )
            .expect("schema");
        for x in 0..rows {
            writer
                .execute("INSERT INTO t VALUES (?1)", [x])
                .expect("insert");
        }
        fs::copy(&live, folder.join("tassei.db")).expect("copy");
        fs::copy(with_suffix(&live, "-wal"), folder.join("tassei.db-wal")).expect("copy wal");
        drop(writer);
    }

    fn rows_in(data_file: &Path) -> i64 {
        rusqlite::Connection::open(data_file)
            .and_then(|c| c.query_row("SELECT count(*) FROM t", [], |r| r.get(0)))
            .expect("rows")
    }

    #[test]
    fn the_data_file_moves_once_with_its_journal_written_into_it_and_its_copies() {
        let _en = crate::strings::pin_thread(crate::strings::Lang::En);
        let f = folders();
        let scratch = f.roaming.parent().expect("tassei").join("scratch");
        fs::create_dir_all(&scratch).expect("scratch");
        crashed_data_file(&scratch, &f.roaming, 40);
        assert!(
            fs::metadata(f.roaming.join("tassei.db-wal"))
                .expect("wal")
                .len()
                > 0,
            "the edits are in the journal"
        );
        for (file, text) in [
            ("tassei.db.bak-2026-11-01", "copy"),
            ("tassei.db.bak-v4", "copy before an upgrade"),
            ("tassei.db.bak-2026-11-02.partial", "killed half-way"),
            ("notes.txt", "the clerk's"),
        ] {
            fs::write(f.roaming.join(file), text).expect("write");
        }
        let moved = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(
            matches!(moved, Relocation::Moved { copies_left: 0 }),
            "{moved:?}"
        );
        assert_eq!(
            names(&f.local),
            ["tassei.db", "tassei.db.bak-2026-11-01", "tassei.db.bak-v4"]
        );
        assert_eq!(
            names(&f.roaming),
            ["notes.txt", "tassei.db.bak-2026-11-02.partial"]
        );
        let new = f.local.join("tassei.db");
        assert_eq!(rows_in(&new), 40, "every committed edit came along");
        assert_eq!(moved.data_file(&f.roaming, &new), new);
        let said = moved.notices(&f.roaming, &f.local, "tassei.db");
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains("Roaming") && said[0].contains("Local"),
            "{said:?}"
        );

        // Once: the next run finds nothing to move and says nothing.
        let again = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(matches!(again, Relocation::Nothing));
        assert!(again.notices(&f.roaming, &f.local, "tassei.db").is_empty());
    }

    #[test]
    fn a_data_file_in_the_new_folder_is_never_overwritten() {
        let f = folders();
        fs::create_dir_all(&f.local).expect("local");
        fs::write(f.roaming.join("tassei.db"), "old").expect("write");
        fs::write(f.local.join("tassei.db"), "new").expect("write");
        let moved = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(matches!(moved, Relocation::Nothing));
        assert_eq!(fs::read(f.local.join("tassei.db")).expect("read"), b"new");
        assert_eq!(fs::read(f.roaming.join("tassei.db")).expect("read"), b"old");
        // One folder for both (Linux, macOS): nothing to do.
        let same = move_default(&f.roaming, &f.roaming, "tassei.db");
        assert!(matches!(same, Relocation::Nothing));
    }

    #[test]
    fn a_failed_move_leaves_the_old_file_in_use_and_says_so() {
        let _en = crate::strings::pin_thread(crate::strings::Lang::En);
        let f = folders();
        fs::write(f.roaming.join("tassei.db"), "data").expect("write");
        // The new folder cannot be made: a file has its parent's name.
        fs::create_dir_all(f.local.parent().and_then(Path::parent).expect("Local")).expect("Local");
        fs::write(f.local.parent().expect("tassei"), "in the way").expect("write");
        let moved = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(matches!(moved, Relocation::Failed(_)), "{moved:?}");
        assert_eq!(
            fs::read(f.roaming.join("tassei.db")).expect("read"),
            b"data"
        );
        let old = f.roaming.join("tassei.db");
        assert_eq!(moved.data_file(&f.roaming, &f.local.join("tassei.db")), old);
        let said = moved.notices(&f.roaming, &f.local, "tassei.db");
        assert!(
            said.len() == 1 && said[0].contains(&old.display().to_string()),
            "{said:?}"
        );
        assert!(said[0].contains("cannot move"), "{said:?}");
    }

    #[test]
    fn a_journal_that_cannot_be_written_into_the_file_stops_the_move() {
        let f = folders();
        // Not a database: SQLite cannot take its journal in, so neither moves.
        fs::write(f.roaming.join("tassei.db"), "data").expect("write");
        fs::write(f.roaming.join("tassei.db-wal"), "committed edits").expect("write");
        let moved = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(matches!(moved, Relocation::Failed(_)), "{moved:?}");
        // (SQLite may drop a `-wal` that is no journal at all: it holds no edit.)
        assert_eq!(
            fs::read(f.roaming.join("tassei.db")).expect("read"),
            b"data"
        );
        assert_eq!(names(&f.local), Vec::<String>::new());
        let old = f.roaming.join("tassei.db");
        assert_eq!(moved.data_file(&f.roaming, &f.local.join("tassei.db")), old);
    }

    #[test]
    fn a_move_another_tassei_made_meanwhile_is_followed_not_replaced_by_a_new_file() {
        let f = folders();
        fs::create_dir_all(&f.local).expect("local");
        fs::write(f.local.join("tassei.db"), "moved by the other tassei").expect("write");
        // This tassei's move failed because the other had just moved the file away.
        let failed = Relocation::Failed(io::Error::from(io::ErrorKind::NotFound));
        let new = f.local.join("tassei.db");
        assert_eq!(failed.data_file(&f.roaming, &new), new);
    }
}
