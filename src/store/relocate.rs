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

/// The files SQLite keeps beside a database: they go with it, or the move does not happen.
const JOURNALS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// What moving the default data file came to.
#[derive(Debug)]
pub enum Relocation {
    /// Nothing to move: one folder for both (Linux, macOS), no data file in the old folder, or
    /// one in the new folder already (it is used, and never overwritten).
    Nothing,
    /// The data file and its journal moved; `copies_left` of its copies could not.
    Moved { copies_left: usize },
    /// The data file could not be moved: it stays, untouched, and is used where it is.
    Failed(io::Error),
}

/// Moves the data file `name` from `old_folder` to `new_folder` unless there is one there
/// already: first the file with its journal files (all of them or none), then its dated copies
/// (each that can be; a `.partial` left by a killed tassei stays). A file held by another
/// program is waited for a moment (Windows).
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
    let group: Vec<(PathBuf, PathBuf)> = std::iter::once((old.clone(), new.clone()))
        .chain(JOURNALS.iter().filter_map(|s| {
            let from = with_suffix(&old, s);
            fs::symlink_metadata(&from)
                .is_ok()
                .then(|| (from, with_suffix(&new, s)))
        }))
        .collect();
    let mut moved: Vec<&(PathBuf, PathBuf)> = Vec::new();
    for pair in &group {
        let (from, to) = pair;
        if let Err(e) = retry_while_shared(from, || rename_new(from, to)) {
            // A data file without its journal would lose what the journal holds: back it goes.
            for (from, to) in moved.into_iter().rev() {
                let _ = retry_while_shared(to, || rename_new(to, from));
            }
            return Relocation::Failed(e);
        }
        moved.push(pair);
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

impl Relocation {
    /// The data file to open: the moved one, or the old one where a move failed.
    pub fn data_file(&self, old_folder: &Path, new: &Path) -> PathBuf {
        match self {
            Relocation::Failed(_) => old_folder.join(new.file_name().unwrap_or_default()),
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

    #[test]
    fn the_data_file_moves_once_with_its_journal_and_copies() {
        let _en = crate::strings::pin_thread(crate::strings::Lang::En);
        let f = folders();
        for (file, text) in [
            ("tassei.db", "data"),
            ("tassei.db-wal", "journal"),
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
            [
                "tassei.db",
                "tassei.db-wal",
                "tassei.db.bak-2026-11-01",
                "tassei.db.bak-v4"
            ]
        );
        assert_eq!(
            names(&f.roaming),
            ["notes.txt", "tassei.db.bak-2026-11-02.partial"]
        );
        assert_eq!(
            fs::read(f.local.join("tassei.db-wal")).expect("read"),
            b"journal"
        );
        let new = f.local.join("tassei.db");
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
    fn a_journal_that_cannot_follow_takes_the_data_file_back() {
        let f = folders();
        fs::create_dir_all(&f.local).expect("local");
        fs::write(f.roaming.join("tassei.db"), "data").expect("write");
        fs::write(f.roaming.join("tassei.db-wal"), "committed edits").expect("write");
        // Someone else's file at the journal's name in the new folder: never replaced.
        fs::write(f.local.join("tassei.db-wal"), "not ours").expect("write");
        let moved = move_default(&f.roaming, &f.local, "tassei.db");
        assert!(matches!(moved, Relocation::Failed(_)), "{moved:?}");
        assert_eq!(names(&f.roaming), ["tassei.db", "tassei.db-wal"]);
        assert_eq!(names(&f.local), ["tassei.db-wal"]);
        assert_eq!(
            fs::read(f.local.join("tassei.db-wal")).expect("read"),
            b"not ours"
        );
    }
}
