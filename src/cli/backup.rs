//! `tassei backup` and `tassei restore FILE [--yes]`. Both open the data file without loading a
//! plan, so a damaged file can still be copied aside and restored over.

use std::io::{BufRead, ErrorKind, IsTerminal, Write};
use std::path::PathBuf;

use crate::session::Failure;
use crate::session::{DataFile, ask};
use crate::store::{Store, StoreError, check_restorable};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    #[arg(help = strings().cli.help.restore.file)]
    file: PathBuf,
    #[arg(long, help = strings().cli.help.restore.yes)]
    yes: bool,
}

pub fn backup(store: &Store, file: &DataFile, out: &mut impl Write) -> Result<(), Failure> {
    let path = store.backup_now(file.keep_backups())?;
    writeln!(
        out,
        "{}",
        (strings().cli.backup.backed_up)(store.path(), &path)
    )?;
    Ok(())
}

pub fn restore(
    store: &mut Store,
    file: &DataFile,
    args: &RestoreArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let words = &strings().cli.backup;
    // The store's check reads the file's header, and calls a missing file "not a tassei data
    // file"; a clerk who mistyped the name should hear that it is not there.
    if std::fs::metadata(&args.file).is_err_and(|e| e.kind() == ErrorKind::NotFound) {
        return Err(Failure::input((words.no_such_file)(&args.file)));
    }
    check_restorable(&args.file).map_err(Failure::input)?;
    let data = store.path().to_path_buf();
    if !args.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Failure::input((words.needs_yes)(&data)));
        }
        ask((words.question)(&data, &args.file));
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if answer.trim() != words.yes {
            return Err(Failure::input(words.not_yes));
        }
    }
    let restored = store
        .restore_from(&args.file, file.keep_backups())
        .map_err(|e| match e {
            StoreError::Restore(_) => Failure::input(e),
            other => Failure::from(other),
        })?;
    writeln!(
        out,
        "{}",
        (words.restored)(&data, &args.file, &restored.kept, restored.was_damaged)
    )?;
    Ok(())
}
