//! The store's side of the edits to what a goal or an activity is: a formula checked against
//! the goal's figures as stored, a 時期 read in its plan's fiscal year (its dates written beside
//! it), 担当係 as one row per section.

use rusqlite::{Transaction, params};

use super::EditError;
use crate::model::edit::definition::{figures_fit, formula_label, read_period};
use crate::model::{Edit, FieldKey, FiscalYear, Owner, Refusal};
use crate::store::codec::value;

/// The rules that need more of the file than the edited field: the goal's figures for a
/// formula, the plan's fiscal year for a 時期.
pub(super) fn check_in(tx: &Transaction, edit: &Edit, owner: &Owner) -> Result<(), EditError> {
    match edit {
        Edit::Formula {
            goal,
            formula,
            direction,
            ..
        } => {
            let figures = tx.query_row(
                "SELECT baseline_num, baseline_text, target_num, target_text, actual_num, actual_text
                 FROM goal WHERE id = ?1",
                [goal.0],
                |r| {
                    Ok((
                        (r.get(0)?, r.get(1)?),
                        (r.get(2)?, r.get(3)?),
                        (r.get(4)?, r.get(5)?),
                    ))
                },
            )?;
            let ((bn, bt), (tn, tt), (an, at)) = figures;
            let place = |what| format!("goal {} {what}", goal.0);
            let baseline = value(bn, bt, place(FieldKey::Baseline.label_ja()))?;
            let target = value(tn, tt, place(FieldKey::Target.label_ja()))?;
            let actual = value(an, at, place(FieldKey::Actual.label_ja()))?;
            figures_fit(*formula, *direction, &baseline, &target, &actual).map_err(|why| {
                EditError::Refused(Refusal::FiguresUnfit {
                    subject: owner.subject.clone(),
                    formula: formula_label(*formula, *direction),
                    why,
                })
            })
        }
        Edit::ActivityText {
            activity,
            field: FieldKey::ActivityPeriod,
            text,
        } => {
            let year = fiscal_year_of(tx, activity.0)?;
            read_period(text, year).map(|_| ()).map_err(|why| {
                EditError::Refused(Refusal::ImpossiblePeriod {
                    subject: owner.subject.clone(),
                    text: text.clone(),
                    why: why.to_string(),
                })
            })
        }
        _ => Ok(()),
    }
}

/// The fiscal year of the plan an activity is in: what its 時期 is read in.
fn fiscal_year_of(tx: &Transaction, activity: i64) -> rusqlite::Result<FiscalYear> {
    tx.query_row(
        "SELECT p.fiscal_year FROM activity a JOIN goal g ON a.goal_id = g.id
         JOIN initiative i ON g.initiative_id = i.id JOIN plan p ON i.plan_id = p.id
         WHERE a.id = ?1",
        [activity],
        |r| r.get(0).map(FiscalYear),
    )
}

/// An activity's sections as stored, in order.
pub(super) fn sections(tx: &Transaction, activity: i64) -> rusqlite::Result<Vec<Option<String>>> {
    let mut statement = tx
        .prepare("SELECT section FROM activity_section WHERE activity_id = ?1 ORDER BY position")?;
    let rows = statement.query_map([activity], |r| r.get(0))?;
    rows.collect()
}

/// Writes an activity's 実施内容, 時期 (with the dates read from it) or 担当係.
pub(super) fn write(tx: &Transaction, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::ActivityText {
            activity,
            field: FieldKey::ActivityPeriod,
            text,
        } => {
            let year = fiscal_year_of(tx, activity.0)?;
            // Checked before: an impossible date never gets here; an unreadable one has no dates.
            let period = read_period(text, year).ok();
            let date = |d: Option<crate::model::CalendarDate>| d.map(|d| d.to_string());
            tx.execute(
                "UPDATE activity SET period_raw = ?1, period_start = ?2, period_end = ?3 WHERE id = ?4",
                params![
                    text,
                    date(period.as_ref().and_then(|p| p.start())),
                    date(period.as_ref().and_then(|p| p.end())),
                    activity.0
                ],
            )?;
        }
        Edit::ActivityText { activity, text, .. } => {
            tx.execute(
                "UPDATE activity SET content = ?1 WHERE id = ?2",
                params![text, activity.0],
            )?;
        }
        Edit::ActivitySections { activity, sections } => {
            tx.execute(
                "DELETE FROM activity_section WHERE activity_id = ?1",
                [activity.0],
            )?;
            for (position, section) in sections.iter().enumerate() {
                tx.execute(
                    "INSERT INTO activity_section (activity_id, position, section) VALUES (?1, ?2, ?3)",
                    params![activity.0, i64::try_from(position).unwrap_or(i64::MAX), section],
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}
