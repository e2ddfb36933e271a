//! `tassei note GOAL decision|follow_up|owner|due TEXT [--date DATE]`: a meeting note, the same
//! edit the review mode makes. Dates (the meeting's, a 期限) are read by the one date grammar.

use std::io::Write;

use super::set::edit_failure;
use crate::model::meeting::read_note;
use crate::model::{CalendarDate, NoteField};
use crate::report::minutes::figures_now;
use crate::session::{Failure, Session};
use crate::store::Edit;
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = strings().cli.help.goal)]
    goal: String,
    #[arg(value_parser = note_field, help = strings().cli.help.note.field)]
    field: NoteField,
    #[arg(help = strings().cli.help.note.text)]
    text: String,
    #[arg(
        long,
        value_name = "DATE",
        value_parser = str::parse::<CalendarDate>,
        help = strings().cli.help.note.date
    )]
    date: Option<CalendarDate>,
}

/// A note field by its word or its Japanese label.
fn note_field(word: &str) -> Result<NoteField, String> {
    NoteField::from_word(word).ok_or_else(|| (strings().cli.edit.unknown_note_field)(word))
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let field = args.field;
    let date = args.date.unwrap_or(session.today);
    let edit = Edit::Note {
        goal: goal.id,
        date,
        field,
        text: read_note(field, &args.text)
            .map_err(|e| Failure::input((strings().cli.edit.due_refused)(&r, &e)))?,
        figures: Some(figures_now(goal, &session.plan.thresholds)),
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    super::warn_if_left_behind(session, &applied);
    Ok(())
}
