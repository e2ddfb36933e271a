//! `tassei backup` and `tassei restore FILE [--yes]`. Both open the data file without loading a
//! plan, so a damaged file can still be copied aside and restored over.

use std::io::{BufRead, ErrorKind, IsTerminal, Write};
use std::path::PathBuf;

use super::Failure;
use crate::session::{DataFile, ask};
use crate::store::{Store, StoreError, check_restorable};

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A backup of the data file (e.g. tassei.db.bak-2026-11-24).
    file: PathBuf,
    /// Do not ask: replace the data file (after backing it up).
    #[arg(long)]
    yes: bool,
}

pub fn backup(store: &Store, file: &DataFile, out: &mut impl Write) -> Result<(), Failure> {
    let path = store.backup_now(file.keep_backups())?;
    writeln!(
        out,
        "backed up {} to {}",
        store.path().display(),
        path.display()
    )?;
    Ok(())
}

pub fn restore(
    store: &mut Store,
    file: &DataFile,
    args: &RestoreArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    // The store's check reads the file's header, and calls a missing file "not a tassei data
    // file"; a clerk who mistyped the name should hear that it is not there.
    if std::fs::metadata(&args.file).is_err_and(|e| e.kind() == ErrorKind::NotFound) {
        return Err(Failure::input(format!(
            "no such file: {}; nothing was restored",
            args.file.display()
        )));
    }
    check_restorable(&args.file).map_err(Failure::input)?;
    let data = store.path().to_path_buf();
    if !args.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Failure::input(format!(
                "restoring replaces {}; confirm with --yes (there is no terminal to ask)",
                data.display()
            )));
        }
        ask(format_args!(
            "Replace {} with {}? The current file is backed up first. Type yes: ",
            data.display(),
            args.file.display()
        ));
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            return Err(Failure::input("not restored: the answer was not yes"));
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
        "restored {} from {}; the file as it was is kept as {}{}",
        data.display(),
        args.file.display(),
        restored.kept.display(),
        if restored.was_damaged {
            " (it was damaged, so it is not among the dated copies)"
        } else {
            ""
        }
    )?;
    Ok(())
}
