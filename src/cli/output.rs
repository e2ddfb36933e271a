//! Files written with `--output`: never the data file, nor any SQLite database. An export
//! written over the data file (or over a copy, through a symlink or not) destroyed it, and the
//! clerk's copies could then not even be restored over it.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::session::Failure;
use crate::strings::strings;

/// Opens `path` to write an export or minutes into, refusing (exit 2, nothing written) the data
/// file `data`, its journals, and any existing SQLite database (a data file, a dated copy). A
/// file already there is replaced: an export is a snapshot, made again.
pub fn create(path: &Path, data: &Path) -> Result<File, Failure> {
    refuse_database(path, data)?;
    File::create(path).map_err(|e| cannot_write(path, &e))
}

/// As [`create`], but never over a file already there (a handout a section may be filling
/// in): `Ok(None)` when there is one, for the caller to say so in its own words.
pub fn create_new(path: &Path, data: &Path) -> Result<Option<File>, Failure> {
    refuse_database(path, data)?;
    if path.is_dir() {
        // Not a file there to keep: the folder is said as one, not as "already there".
        return Err(cannot_write(path, &io::ErrorKind::IsADirectory.into()));
    }
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(None),
        Err(e) => Err(cannot_write(path, &e)),
    }
}

/// Of `paths`, those a file (or a link, or anything but a folder) is at already.
pub fn already_there(paths: &[PathBuf]) -> Vec<&Path> {
    paths
        .iter()
        .map(PathBuf::as_path)
        .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| !m.is_dir()))
        .collect()
}

/// A file that could not be written, why said in the clerk's language (permission, no such
/// folder, a folder in the way), the system's words only for any other reason.
pub fn cannot_write(path: &Path, e: &io::Error) -> Failure {
    let io = &strings().errors.io;
    // Windows says a folder is "access denied": it is a folder.
    let why = if path.is_dir() {
        io.is_folder.to_string()
    } else {
        io.writing(e)
    };
    Failure::other((strings().cli.output.cannot_write)(path, &why))
}

/// The check of [`create`], for a caller that writes the file itself.
pub fn refuse_database(path: &Path, data: &Path) -> Result<(), Failure> {
    refuse_data_file(path, data)?;
    if crate::store::is_sqlite_file(path) {
        return Err(Failure::input((strings().cli.output.is_database)(path)));
    }
    Ok(())
}

/// Refuses `path` when it is the open data file `data` or one of its journals.
pub fn refuse_data_file(path: &Path, data: &Path) -> Result<(), Failure> {
    let target = fs::canonicalize(path).ok();
    let data_file = fs::canonicalize(data).ok();
    let journals = ["-wal", "-shm", "-journal"].map(|s| {
        let mut name = data.as_os_str().to_os_string();
        name.push(s);
        fs::canonicalize(name).ok()
    });
    if target.is_some() && (target == data_file || journals.contains(&target)) {
        return Err(Failure::input((strings().cli.output.is_data_file)(path)));
    }
    Ok(())
}
