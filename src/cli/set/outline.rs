//! `tassei set --plan-field title TEXT`, `set --plan-field thresholds ACHIEVED NEAR` and
//! `set --initiative ⑴-ア title TEXT`: the plan's outline, through the store's outline edit
//! (logged, undoable). New thresholds regrade every goal: the summary is printed after.

use std::io::Write;

use crate::model::InitiativeCode;
use crate::model::outline::{OutlineEdit, read_bands};
use crate::session::{Failure, Session};
use crate::store::{OutlineError, StoreError};
use crate::strings::strings;
use crate::text::one_line;

/// `--plan-field FIELD VALUE…`: `title TEXT` or `thresholds ACHIEVED NEAR`.
pub(super) fn plan_field(
    session: &mut Session,
    values: &[String],
    out: &mut impl Write,
) -> Result<(), Failure> {
    let plan = session.plan.id;
    let edit = match values {
        [field, rest @ ..] if field.trim() == "title" => match rest {
            [title] => OutlineEdit::PlanTitle {
                plan,
                title: title.clone(),
            },
            _ => {
                return Err(Failure::input((strings().outline.cli.plan_field_values)(
                    true,
                    rest.len(),
                )));
            }
        },
        [field, rest @ ..] if field.trim() == "thresholds" => match rest {
            [achieved, near] => OutlineEdit::Thresholds {
                plan,
                thresholds: read_bands(achieved, near).map_err(Failure::input)?,
            },
            _ => {
                return Err(Failure::input((strings().outline.cli.plan_field_values)(
                    false,
                    rest.len(),
                )));
            }
        },
        [field, ..] => {
            return Err(Failure::input((strings().outline.cli.unknown_plan_field)(
                field,
            )));
        }
        [] => return Err(Failure::input(strings().outline.cli.nothing_named)),
    };
    write(session, &edit, out)
}

/// `--initiative CODE title TEXT`.
pub(super) fn initiative_title(
    session: &mut Session,
    code: &str,
    title: &str,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let code: InitiativeCode = code.parse().map_err(Failure::input)?;
    let initiative = session
        .plan
        .initiatives
        .iter()
        .find(|i| i.code == code)
        .ok_or_else(|| Failure::input((strings().outline.errors.not_found)(&code.to_string())))?;
    let edit = OutlineEdit::InitiativeTitle {
        initiative: initiative.id,
        title: title.to_string(),
    };
    write(session, &edit, out)
}

fn write(session: &mut Session, edit: &OutlineEdit, out: &mut impl Write) -> Result<(), Failure> {
    let done = session
        .store
        .edit_outline(edit, None)
        .map_err(outline_failure)?;
    writeln!(out, "{done}")?;
    session.reload()?;
    Ok(())
}

/// A refused edit is the clerk's to fix (exit 2); a database failure is not (exit 1).
pub fn outline_failure(e: OutlineError) -> Failure {
    match e {
        OutlineError::Store(StoreError::Damaged(_) | StoreError::Copy { .. }) => Failure::input(e),
        OutlineError::Store(_) => Failure::other(one_line(e)),
        _ => Failure::input(e),
    }
}
