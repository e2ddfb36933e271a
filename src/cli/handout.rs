//! `tassei handout --section 市民係 [--output FILE]`, `tassei handout --all-sections --output
//! FOLDER`: a section's fill-in workbook (照会票), registered with the values it carries;
//! `--format tassei`: a tassei data file instead (`handout_file`).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::exchange::{carried, handout_sheet};
use crate::model::FieldKey;
use crate::model::section::{goals_of, sections};
use crate::report::workbook::save_sheets;
use crate::session::{Failure, Session, say};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "SECTION", help = strings().cli.help.exchange.section)]
    section: Option<String>,
    #[arg(long, conflicts_with = "section", help = strings().cli.help.exchange.all_sections)]
    all_sections: bool,
    #[arg(long, short, value_name = "FILE", help = strings().cli.help.exchange.output)]
    output: Option<PathBuf>,
    #[arg(long, help = strings().cli.help.exchange.force)]
    force: bool,
    #[arg(long, value_enum, help = strings().cli.help.exchange.format)]
    format: Option<Format>,
}

/// What a handout is written as: a workbook (the default), or a tassei data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Xlsx,
    Tassei,
}

pub fn run(session: &mut Session, args: &Args, _out: &mut impl Write) -> Result<(), Failure> {
    let known: Vec<String> = sections(&session.plan)
        .into_iter()
        .map(String::from)
        .collect();
    if known.is_empty() {
        return Err(Failure::input(strings().exchange.no_sections));
    }
    let chosen: Vec<String> = match (&args.section, args.all_sections) {
        (Some(s), _) if known.contains(s) => vec![s.clone()],
        (Some(s), _) => {
            return Err(Failure::input((strings().exchange.no_such_section)(
                s,
                &known.join(", "),
            )));
        }
        (None, true) => known.clone(),
        (None, false) => return Err(Failure::input(strings().exchange.section_needed)),
    };
    let folder = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    let paths: Vec<PathBuf> = chosen
        .iter()
        .map(|section| match (&args.output, args.all_sections) {
            (Some(file), false) => file.clone(),
            _ => folder.join(match args.format {
                Some(Format::Tassei) => {
                    format!("{section}.{}", crate::exchange::datafile::EXTENSION)
                }
                _ => format!("{section}.xlsx"),
            }),
        })
        .collect();
    // A section may be filling in the earlier workbook: replace none, nor register any
    // handout, unless told to.
    let there = super::output::already_there(&paths);
    if !args.force && !there.is_empty() {
        return Err(Failure::input(already_there(&there)));
    }
    let replaced_files = args.force && args.format == Some(Format::Tassei);
    if replaced_files {
        // Checked for every file before any is moved: the open data file, or a file still open
        // on a laptop, is never replaced.
        for path in &there {
            may_set_aside(path, session.store.path())?;
        }
    }
    if args.all_sections {
        std::fs::create_dir_all(&folder).map_err(|e| super::output::cannot_write(&folder, &e))?;
    }
    for (section, path) in chosen.iter().zip(&paths) {
        match args.format {
            Some(Format::Tassei) => {
                // Told to replace: the exchange file is written only where nothing is, so the
                // one there is moved aside (it may hold a section's unsent work), not deleted.
                if replaced_files && path.is_file() {
                    set_aside(path)?;
                }
                super::handout_file::write(session, section, path)?
            }
            _ => write_one(session, section, path, args.force)?,
        }
    }
    Ok(())
}

/// Refuses to replace `path` when it is the open data file (or one of its journals), or an
/// exchange file still open (a journal beside it).
fn may_set_aside(path: &Path, data: &Path) -> Result<(), Failure> {
    super::output::refuse_data_file(path, data)?;
    if let Some(beside) = crate::store::journal_beside(path) {
        let name = crate::exchange::incoming::file_name(path);
        let open = crate::exchange::incoming::file_name(&beside);
        return Err(Failure::input((strings().exchange.open_beside)(
            &name, &open,
        )));
    }
    Ok(())
}

/// Moves the file at `path` to the first free `<name>.replaced-N` beside it, and says so.
fn set_aside(path: &Path) -> Result<(), Failure> {
    for n in 1..1000 {
        let mut aside = path.as_os_str().to_os_string();
        aside.push(format!(".replaced-{n}"));
        let aside = PathBuf::from(aside);
        if aside.exists() {
            continue;
        }
        std::fs::rename(path, &aside).map_err(|e| super::output::cannot_write(path, &e))?;
        say((strings().exchange.set_aside)(path, &aside));
        return Ok(());
    }
    Err(Failure::other((strings().cli.output.cannot_write)(
        path,
        &strings().exchange.no_free_name,
    )))
}

/// The one line that refuses handouts whose files are there already.
fn already_there(paths: &[&Path]) -> String {
    let words = &strings().exchange;
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    (words.handout_exists)(&shown.join(words.file_separator), shown.len())
}

fn write_one(
    session: &mut Session,
    section: &str,
    path: &Path,
    replace: bool,
) -> Result<(), Failure> {
    let fields = carried(&session.plan, section);
    let data = session.store.path();
    let file = if replace {
        super::output::create(path, data)?
    } else {
        // Checked above; a file made since is refused the same way, not replaced.
        super::output::create_new(path, data)?
            .ok_or_else(|| Failure::input(already_there(&[path])))?
    };
    let id = session
        .store
        .create_handout(session.plan.id, section, &fields)?;
    let made = session
        .store
        .handout(id)?
        .map(|h| h.created_at)
        .unwrap_or_default();
    let cannot_write =
        |e: &dyn std::fmt::Display| Failure::other((strings().cli.output.cannot_write)(path, e));
    let file_error = |e: std::io::Error| super::output::cannot_write(path, &e);
    let mut out = BufWriter::new(&file);
    save_sheets(
        &session.plan,
        vec![handout_sheet(&session.plan, section, id, &made)],
        &mut out,
    )
    .map_err(|e| cannot_write(&e))?;
    out.flush().map_err(file_error)?;
    drop(out);
    file.sync_all().map_err(file_error)?;
    let goals = goals_of(&session.plan, section).len();
    let activities = fields
        .iter()
        .filter(|(_, key, _)| *key == FieldKey::ActivityStatus)
        .count();
    say((strings().exchange.wrote_handout)(
        section, goals, activities, path,
    ));
    Ok(())
}
