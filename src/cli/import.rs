//! `tassei import FILE`: a plan file added beside the plans already there, or every problem
//! with it, one line each; nothing is written unless the whole file is valid.

use std::fs;
use std::io::{Read, Write};
use std::path::PathBuf;

use crate::session::{Failure, Session};
use crate::sheet;
use crate::store::ImportError;
use crate::strings::strings;

/// Plan files are a few hundred KB; anything far larger is not one.
pub const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = strings().cli.help.import_file)]
    file: PathBuf,
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().cli.import;
    let path = &args.file;
    let unreadable = |e: std::io::Error| Failure::input((words.cannot_read)(path, &e));
    let size = fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(Failure::input((words.too_large)(
            path,
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024),
        )));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::input(match e.utf8_error().error_len() {
            // Only an incomplete character at the very end: the file was cut short.
            None => (words.cut_short)(path),
            Some(_) => (words.not_utf8)(path, at),
        })
    })?;
    // One line per problem, each naming the file (at most SHOWN of them, then how many more).
    let plan = sheet::parse(&text).map_err(|errors| {
        Failure::inputs(
            errors
                .lines()
                .into_iter()
                .map(|line| format!("{}: {line}", path.display()))
                .collect(),
        )
    })?;
    session.store.import(&plan).map_err(|e| match e {
        ImportError::Exists(_) => Failure::input(e),
        // Busy, disk full, damaged …: the exit code every other command gives.
        ImportError::Store(e) => Failure::from(e),
    })?;
    let imported = (words.imported)(
        path,
        &plan.municipality,
        &plan.title,
        plan.goals().count(),
        &plan.slug,
    );
    writeln!(out, "{imported}")?;
    Ok(())
}
