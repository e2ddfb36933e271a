//! `tassei minutes [--date DATE] [--output FILE]`: a meeting's notes as Markdown.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::model::CalendarDate;
use crate::report::minutes::{latest_meeting, minutes};
use crate::session::{Failure, Session, say};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(
        long,
        value_name = "DATE",
        value_parser = str::parse::<CalendarDate>,
        help = strings().cli.help.minutes_date
    )]
    date: Option<CalendarDate>,
    #[arg(long, short, value_name = "FILE", help = strings().cli.help.output)]
    output: Option<PathBuf>,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().cli.read;
    let date = match args.date {
        Some(date) => date,
        None => latest_meeting(&session.plan).ok_or_else(|| Failure::input(words.no_notes))?,
    };
    let text =
        minutes(&session.plan, date).ok_or_else(|| Failure::input((words.no_notes_from)(&date)))?;
    match &args.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            super::output::refuse_database(path, session.store.path())?;
            fs::write(path, text)
                .map_err(|e| Failure::other((strings().cli.output.cannot_write)(path, &e)))?;
            say((words.wrote_minutes)(&date, path));
        }
    }
    Ok(())
}
