//! `tassei note GOAL decision|follow_up|owner|due TEXT [--date YYYY-MM-DD]`: a meeting note,
//! the same edit the review mode makes.

use std::io::Write;

use super::set::edit_failure;
use super::{Failure, Session};
use crate::model::meeting::read_note;
use crate::model::{CalendarDate, NoteField};
use crate::report::minutes::figures_now;
use crate::store::Edit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
    /// decision (決定事項), follow_up (フォローアップ), owner (担当) or due (期限, YYYY-MM-DD).
    field: String,
    /// The text (Japanese is fine). Empty clears the field.
    text: String,
    /// The meeting date (default: today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let field = NoteField::from_word(&args.field).ok_or_else(|| {
        Failure::input(format!(
            "unknown note field \"{}\"; use decision, follow_up, owner or due",
            args.field
        ))
    })?;
    let date = match &args.date {
        Some(d) => d.parse::<CalendarDate>().map_err(Failure::input)?,
        None => session.today,
    };
    let edit = Edit::Note {
        goal: goal.id,
        date,
        field,
        text: read_note(field, &args.text)
            .map_err(|e| Failure::input(format!("{r}: the 期限: {e}")))?,
        figures: Some(figures_now(goal, &session.plan.thresholds)),
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    Ok(())
}
