//! 時期 tassei cannot read (`来年度中`) are imported as typed, but never judged overdue: the
//! import says so at once, with their cells, rather than leaving it to the summary later.

use super::build::Built;
use crate::model::Plan;
use crate::strings::strings;

/// One line counting the unreadable 時期 and naming their cells; none when all read.
pub(super) fn unreadable(plan: &Plan, built: &Built) -> Option<String> {
    let cells: Vec<String> = plan
        .goals()
        .flat_map(|(r, goal)| {
            let path = built.path_of(r);
            goal.activities
                .iter()
                .enumerate()
                .filter(|(_, a)| a.period.is_unparsed())
                .map(move |(k, a)| {
                    let at = path
                        .as_ref()
                        .and_then(|p| built.cells.get(&format!("{p}.activities[{k}].period")))
                        .map_or_else(String::new, |at| at.cell.clone());
                    format!("{at}「{}」", a.period.raw())
                })
        })
        .collect();
    (!cells.is_empty()).then(|| {
        (strings().exchange.plan_workbook.unreadable_periods)(cells.len(), &cells.join("、"))
    })
}
