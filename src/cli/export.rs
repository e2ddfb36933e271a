//! `tassei export --format json|csv [--output FILE]`

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use crate::report::export::{records, write_csv, write_json};
use crate::session::{Failure, Session, say};
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
}

pub fn run(session: &Session, args: &Args, stdout: &mut impl Write) -> Result<(), Failure> {
    let write = |out: &mut dyn Write| -> std::io::Result<usize> {
        let mut out = BufWriter::new(out);
        let count = match args.format {
            Format::Json => write_json(&mut out, records(&session.plan))?,
            Format::Csv => write_csv(&mut out, records(&session.plan))?,
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
