//! A figure changed on データ whose 算出 row still states the old arithmetic: the store marks
//! such a derivation stale when `tassei set` changes the figure, and the plan file carries it
//! with `stale`; a workbook edited in Excel is read the same way, not refused at 算出 for a
//! figure the clerk meant to change.

use crate::engine::work_out;
use crate::model::expression::Expression;
use crate::model::{Figure, parse_number};
use crate::sheet::file::{FileValue, PlanFile};

/// Marks stale every derivation whose arithmetic no longer works out to its figure (or whose
/// figure is no number now). One that does not parse or work out is left for the validators
/// to refuse at its cell.
pub(super) fn mark(file: &mut PlanFile) {
    for goal in file.initiatives.iter_mut().flat_map(|i| i.goals.iter_mut()) {
        for d in &mut goal.derivations {
            let Ok(figure) = d.figure.parse::<Figure>() else {
                continue;
            };
            let Ok(worked) = Expression::parse(&d.expression).map(|e| work_out(&e, d.precision))
            else {
                continue;
            };
            let Ok(worked) = worked else {
                continue;
            };
            let stated = match figure {
                Figure::Baseline => &goal.baseline,
                Figure::Target => &goal.target,
                Figure::Actual => &goal.actual,
            };
            let stated = match stated {
                FileValue::Number(raw) => parse_number(raw, &goal.unit).ok(),
                _ => None,
            };
            if stated != Some(worked.value) {
                d.stale = true;
            }
        }
    }
}
