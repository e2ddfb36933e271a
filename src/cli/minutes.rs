//! `tassei minutes [--date DATE] [--output FILE]`: a meeting's notes as Markdown.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use super::{Failure, Session};
use crate::model::CalendarDate;
use crate::report::minutes::{latest_meeting, minutes};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The meeting date: 2026-11-24, R8.11.24 or 令和8年11月24日 (default: the latest meeting
    /// with notes).
    #[arg(long, value_name = "DATE", value_parser = str::parse::<CalendarDate>)]
    date: Option<CalendarDate>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let date = match args.date {
        Some(date) => date,
        None => latest_meeting(&session.plan).ok_or_else(|| {
            Failure::input(
                "no meeting notes yet; take notes in the review mode (R) or with tassei note",
            )
        })?,
    };
    let text = minutes(&session.plan, date)
        .ok_or_else(|| Failure::input(format!("no meeting notes from {date}")))?;
    match &args.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            super::output::refuse_database(path, session.store.path())?;
            fs::write(path, text)
                .map_err(|e| Failure::other(format!("cannot write {}: {e}", path.display())))?;
            super::say(format_args!(
                "wrote the minutes of {date} to {}",
                path.display()
            ));
        }
    }
    Ok(())
}
