//! `tassei note GOAL decision|follow_up|owner|due TEXT [--date DATE]`: a meeting note, the same
//! edit the review mode makes. Dates (the meeting's, a 期限) are read by the one date grammar.

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
    /// decision (決定事項), follow_up (フォローアップ), owner (担当) or due (期限: a date such as
    /// 2026-12-15, R8.12.15 or 令和8年12月15日, kept as 2026-12-15).
    #[arg(value_parser = note_field)]
    field: NoteField,
    /// The text (Japanese is fine). Empty clears the field.
    text: String,
    /// The meeting date, written as the 期限 is (default: today).
    #[arg(long, value_name = "DATE", value_parser = str::parse::<CalendarDate>)]
    date: Option<CalendarDate>,
}

/// A note field by its word or its Japanese label.
fn note_field(word: &str) -> Result<NoteField, String> {
    NoteField::from_word(word).ok_or_else(|| {
        format!("unknown note field \"{word}\"; use decision, follow_up, owner or due")
    })
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
            .map_err(|e| Failure::input(format!("{r}: the 期限: {e}")))?,
        figures: Some(figures_now(goal, &session.plan.thresholds)),
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    Ok(())
}
