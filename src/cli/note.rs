//! `tassei note GOAL decision|follow_up|owner|due TEXT [--date DATE]`: a meeting note, the same
//! edit the review mode makes. Dates (the meeting's, a 期限) are read by the one date grammar.

use std::io::Write;

use super::set::edit_failure;
use super::{Failure, Session, typed_date};
use crate::model::NoteField;
use crate::model::meeting::read_note;
use crate::report::minutes::figures_now;
use crate::store::Edit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
    /// decision (決定事項), follow_up (フォローアップ), owner (担当) or due (期限: a date such as
    /// 2026-12-15, R8.12.15 or 令和8年12月15日, kept as 2026-12-15).
    field: String,
    /// The text (Japanese is fine). Empty clears the field.
    text: String,
    /// The meeting date, written as the 期限 is (default: today).
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
        Some(typed) => typed_date("--date", typed)?,
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
