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
    if args.all_sections {
        std::fs::create_dir_all(&folder)
            .map_err(|e| Failure::other((strings().cli.output.cannot_write)(&folder, &e)))?;
    }
    for section in &chosen {
        let path = match (&args.output, args.all_sections) {
            (Some(file), false) => file.clone(),
            _ => folder.join(match args.format {
                Some(Format::Tassei) => {
                    format!("{section}.{}", crate::exchange::datafile::EXTENSION)
                }
                _ => format!("{section}.xlsx"),
            }),
        };
        match args.format {
            Some(Format::Tassei) => super::handout_file::write(session, section, &path)?,
            _ => write_one(session, section, &path)?,
        }
    }
    Ok(())
}

fn write_one(session: &mut Session, section: &str, path: &Path) -> Result<(), Failure> {
    let fields = carried(&session.plan, section);
    let file = super::output::create(path, session.store.path())?;
    let id = session
        .store
        .create_handout(session.plan.id, section, &fields)?;
    let cannot_write =
        |e: &dyn std::fmt::Display| Failure::other((strings().cli.output.cannot_write)(path, e));
    let mut out = BufWriter::new(&file);
    save_sheets(
        &session.plan,
        vec![handout_sheet(&session.plan, section, id)],
        &mut out,
    )
    .map_err(|e| cannot_write(&e))?;
    out.flush().map_err(|e| cannot_write(&e))?;
    drop(out);
    file.sync_all().map_err(|e| cannot_write(&e))?;
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
