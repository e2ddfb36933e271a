//! Files written with `--output`: never the data file, nor any SQLite database. An export
//! written over the data file (or over a copy, through a symlink or not) destroyed it, and the
//! clerk's copies could then not even be restored over it.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::path::Path;

use crate::session::Failure;
use crate::strings::strings;

/// The first bytes of every SQLite database.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens `path` to write an export or minutes into, refusing (exit 2, nothing written) the data
/// file `data`, its journals, and any existing SQLite database (a data file, a dated copy).
pub fn create(path: &Path, data: &Path) -> Result<File, Failure> {
    refuse_database(path, data)?;
    File::create(path).map_err(|e| Failure::other((strings().cli.output.cannot_write)(path, &e)))
}

/// The check of [`create`], for a caller that writes the file itself.
pub fn refuse_database(path: &Path, data: &Path) -> Result<(), Failure> {
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
    let mut head = [0u8; 16];
    let is_database = OpenOptions::new()
        .read(true)
        .open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == SQLITE_HEADER;
    if is_database {
        return Err(Failure::input((strings().cli.output.is_database)(path)));
    }
    Ok(())
}
