//! `tassei export --format json|csv|xlsx|plan [--output FILE]`

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use crate::model::YearLinks;
use crate::report::export::{records, with_previous, write_csv, write_json};
use crate::report::workbook;
use crate::session::{Failure, Session, say};
use crate::sheet;
use crate::store::History;
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, help = strings().cli.help.export_format)]
    format: Format,
    #[arg(long, short, value_name = "FILE", help = strings().cli.help.output)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Csv,
    Xlsx,
    // The whole plan as a plan file (tassei-plan/2), for `tassei import`.
    Plan,
}

pub fn run(session: &Session, args: &Args, stdout: &mut impl Write) -> Result<(), Failure> {
    if let Format::Xlsx = args.format {
        return workbook(session, args, stdout);
    }
    // Each goal's previous year, when the plan was rolled over from one; for a plan file, the
    // links that keep its years together.
    let plan = &session.plan;
    let (history, links) = match args.format {
        Format::Plan => (History::default(), session.store.year_links(plan.id)?),
        _ => (session.store.history(plan)?, YearLinks::default()),
    };
    let write = |out: &mut dyn Write| -> std::io::Result<usize> {
        let mut out = BufWriter::new(out);
        let records = || with_previous(records(plan), plan, &history);
        let count = match args.format {
            Format::Json => write_json(&mut out, records())?,
            Format::Plan => sheet::write_linked(&mut out, plan, &links)?,
            Format::Csv | Format::Xlsx => write_csv(&mut out, records())?,
        };
        out.flush()?;
        Ok(count)
    };
    match &args.output {
        None => write(stdout).map(drop).map_err(Failure::from),
        Some(path) => {
            let mut file = super::output::create(path, session.store.path())?;
            let count = write(&mut file)
                .map_err(|e| Failure::other((strings().cli.output.cannot_write)(path, &e)))?;
            file.sync_all().map_err(Failure::other)?;
            say((strings().cli.read.wrote_goals)(count, path));
            Ok(())
        }
    }
}

/// The workbook: to `--output`, or as bytes to a pipe; never to a terminal, where it would be
/// noise (and could drive the terminal).
fn workbook(session: &Session, args: &Args, stdout: &mut impl Write) -> Result<(), Failure> {
    let (log_id, at) = session.store.log_position(session.plan.id)?;
    let stamp = workbook::Stamp { log_id, at };
    let Some(path) = &args.output else {
        if std::io::stdout().is_terminal() {
            return Err(Failure::input(strings().cli.output.binary_to_terminal));
        }
        let history = session.store.history(&session.plan)?;
        let (bytes, _) =
            workbook::to_bytes_stamped(&session.plan, &history, &stamp).map_err(Failure::other)?;
        stdout.write_all(&bytes)?;
        return Ok(());
    };
    let mut file = super::output::create(path, session.store.path())?;
    let cannot_write =
        |e: &dyn std::fmt::Display| Failure::other((strings().cli.output.cannot_write)(path, e));
    let mut out = BufWriter::new(&mut file);
    let history = session.store.history(&session.plan)?;
    let written = workbook::save_stamped(&session.plan, &history, &stamp, &mut out)
        .map_err(|e| cannot_write(&e))?;
    out.flush().map_err(|e| cannot_write(&e))?;
    drop(out);
    file.sync_all().map_err(|e| cannot_write(&e))?;
    say((strings().cli.read.wrote_workbook)(
        written.goals,
        written.activities,
        path,
    ));
    Ok(())
}
