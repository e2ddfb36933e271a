//! Counts per status, the shortfalls, and overdue activities: what `tassei summary` prints and
//! what the status bar and dashboard show.

use crate::engine::{Evaluation, Status, evaluate};
use crate::model::{Activity, CalendarDate, Goal, GoalRef, Plan};

/// The plan at a glance on one date.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Goals per status, in [`Status::ALL`] order.
    pub counts: [usize; 4],
    /// Goals below the near threshold, worst first.
    pub shortfalls: Vec<(GoalRef, Evaluation)>,
    /// Activities whose 時期 ended before the date and that are neither done nor dropped.
    pub overdue: usize,
    /// Goals per status in each policy area, in area order.
    pub by_area: Vec<(u8, [usize; 4])>,
    /// Overdue activities per 担当係 (an activity with two sections counts for each), most first.
    pub overdue_by_section: Vec<(String, usize)>,
}

impl Summary {
    pub fn of(plan: &Plan, today: CalendarDate) -> Self {
        let mut counts = [0; 4];
        let mut shortfalls = Vec::new();
        let mut by_area: Vec<(u8, [usize; 4])> = Vec::new();
        for (r, goal) in plan.goals() {
            let e = evaluate(goal, &plan.thresholds);
            counts[status_index(e.status)] += 1;
            let area = r.initiative.area;
            match by_area.iter_mut().find(|(a, _)| *a == area) {
                Some((_, c)) => c[status_index(e.status)] += 1,
                None => {
                    let mut c = [0; 4];
                    c[status_index(e.status)] += 1;
                    by_area.push((area, c));
                }
            }
            if e.status == Status::Shortfall {
                shortfalls.push((r, e));
            }
        }
        shortfalls.sort_by_key(|(r, e)| (e.rate(), *r));
        let overdue_activities: Vec<&Activity> = plan
            .goals()
            .flat_map(|(_, g)| own_activities(g))
            .filter(|a| a.is_overdue(today))
            .collect();
        let mut overdue_by_section: Vec<(String, usize)> = Vec::new();
        for section in overdue_activities.iter().flat_map(|a| a.sections.iter()) {
            match overdue_by_section.iter_mut().find(|(s, _)| s == section) {
                Some((_, n)) => *n += 1,
                None => overdue_by_section.push((section.clone(), 1)),
            }
        }
        overdue_by_section.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        Self {
            counts,
            shortfalls,
            overdue: overdue_activities.len(),
            by_area,
            overdue_by_section,
        }
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts[status_index(status)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

fn status_index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(0)
}

/// A goal's own activities; shared ones are counted once, at the goal that owns them.
fn own_activities(goal: &Goal) -> &[Activity] {
    &goal.activities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    #[test]
    fn the_bundled_sheet_at_the_end_of_its_fiscal_year() {
        let plan = sheet::bundled().expect("bundled");
        let end_of_march = CalendarDate::new(2024, 3, 31).expect("date");
        let s = Summary::of(&plan, end_of_march);
        assert_eq!(s.counts, [16, 5, 4, 1]);
        assert_eq!(s.total(), 26);
        let worst: Vec<String> = s
            .shortfalls
            .iter()
            .map(|(r, e)| format!("{r} {}", e.rate_text()))
            .collect();
        assert_eq!(worst, ["⑶-ウ-2 0", "⑴-オ-4 30", "⑴-ア-3 56", "⑶-エ-1 67"]);
        // Everything still 未着手 whose 時期 ended before 31 March 2024; R6.3まで and R5.6～ are not.
        assert_eq!(s.overdue, 36);
        assert_eq!(
            s.by_area,
            [(1, [5, 2, 2, 0]), (2, [6, 3, 0, 1]), (3, [5, 0, 2, 0])]
        );
        let sum: usize = s.by_area.iter().map(|(_, c)| c.iter().sum::<usize>()).sum();
        assert_eq!(sum, 26);
        // Counted independently from the sheet file: デジタル政策係 19, 総務係 6, マイナンバー推進係 5.
        let top: Vec<(&str, usize)> = s
            .overdue_by_section
            .iter()
            .take(3)
            .map(|(n, c)| (n.as_str(), *c))
            .collect();
        assert_eq!(
            top,
            [
                ("デジタル政策係", 19),
                ("総務係", 6),
                ("マイナンバー推進係", 5)
            ]
        );
    }
}
