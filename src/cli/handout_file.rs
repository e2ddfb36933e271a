//! `tassei handout --section 市民係 --format tassei --output 市民係.tassei`: a section's handout as
//! a tassei data file for a laptop (`tassei --db 市民係.tassei` there), registered with the
//! fields it carries as the workbook's handout is, and a milestone's 達成状況 and the meeting
//! notes of the goals the section is 主担当 of. Never written over a file.

use std::path::Path;

use crate::exchange::datafile::carried_file;
use crate::model::FieldKey;
use crate::model::section::goals_of;
use crate::session::{Failure, Session, say};
use crate::store::ExchangeWriteError;
use crate::strings::strings;

/// Writes `section`'s exchange file at `path` and registers its handout.
pub fn write(session: &mut Session, section: &str, path: &Path) -> Result<(), Failure> {
    let words = &strings().exchange;
    // Nothing at the name is written over (the data file, a copy, a section's filled file).
    let (_, fields) = session
        .store
        .hand_out_file(session.plan.id, section, path, |plan| {
            carried_file(plan, section)
        })
        .map_err(|e| match e {
            ExchangeWriteError::Exists(at) => Failure::input((words.datafile_exists)(&at)),
            ExchangeWriteError::Write { path, source } => {
                Failure::other((strings().cli.output.cannot_write)(&path, &source))
            }
            ExchangeWriteError::Store(e) => e.into(),
        })?;
    let goals = goals_of(&session.plan, section).len();
    let activities = fields
        .iter()
        .filter(|(_, key, _)| *key == FieldKey::ActivityStatus)
        .count();
    say((words.wrote_datafile)(section, goals, activities, path));
    Ok(())
}
