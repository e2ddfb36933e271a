//! Which goals the tree shows (`f`). The `/` search's matching is the engine's
//! ([`crate::find::Phrase`]).

use crate::engine::{Status, grade};
use crate::model::{ActivityStatus, CalendarDate, Goal, Plan};
use crate::strings::strings;

/// The tree's filter, cycled with `f`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Goals whose status is shortfall (未達成).
    Shortfalls,
    /// Goals with an activity past its 時期 that is not done.
    Overdue,
    /// Goals with an activity whose status nobody has recorded (未記入).
    Unrecorded,
    /// Goals with an activity for this 担当係.
    Section(String),
}

impl Filter {
    /// The next filter: all → 未達成 → 期限超過 → each 担当係 in turn → all.
    pub fn next(&self, sections: &[String]) -> Filter {
        match self {
            Filter::All => Filter::Shortfalls,
            Filter::Shortfalls => Filter::Overdue,
            Filter::Overdue => Filter::Unrecorded,
            Filter::Unrecorded => sections
                .first()
                .map_or(Filter::All, |s| Filter::Section(s.clone())),
            Filter::Section(current) => {
                let next = sections
                    .iter()
                    .position(|s| s == current)
                    .and_then(|i| sections.get(i + 1));
                next.map_or(Filter::All, |s| Filter::Section(s.clone()))
            }
        }
    }

    /// What the status bar says.
    pub fn label(&self) -> String {
        let words = &strings().tui.filters;
        match self {
            Filter::All => words.all.to_string(),
            Filter::Shortfalls => words.shortfalls.to_string(),
            Filter::Overdue => words.overdue.to_string(),
            Filter::Unrecorded => words.unrecorded.to_string(),
            Filter::Section(s) => (words.section)(s),
        }
    }

    pub fn matches(&self, plan: &Plan, goal: &Goal, today: CalendarDate) -> bool {
        match self {
            Filter::All => true,
            Filter::Shortfalls => grade(goal, &plan.thresholds).status == Status::Shortfall,
            Filter::Overdue => plan.activities_of(goal).iter().any(|a| a.is_overdue(today)),
            Filter::Unrecorded => plan
                .activities_of(goal)
                .iter()
                .any(|a| a.status == ActivityStatus::Unset),
            Filter::Section(s) => plan
                .activities_of(goal)
                .iter()
                .any(|a| a.sections.contains(s)),
        }
    }
}

/// Every 担当係 in the plan, in the order first listed.
pub fn sections(plan: &Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, goal) in plan.goals() {
        for a in &goal.activities {
            for s in &a.sections {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    #[test]
    fn f_cycles_through_every_section_and_back() {
        let sections = vec!["デジタル政策係".to_string(), "市民係".to_string()];
        let mut f = Filter::All;
        let mut seen = vec![];
        for _ in 0..7 {
            seen.push(f.label());
            f = f.next(&sections);
        }
        assert_eq!(
            seen,
            [
                "all",
                "未達成 shortfalls",
                "期限超過 overdue",
                "未記入 status not recorded",
                "担当 デジタル政策係",
                "担当 市民係",
                "all"
            ]
        );
    }

    #[test]
    fn filters_on_the_bundled_sheet() {
        let plan = sheet::bundled().expect("bundled");
        let today = CalendarDate::new(2024, 4, 1).expect("date");
        let count = |f: &Filter| {
            plan.goals()
                .filter(|(_, g)| f.matches(&plan, g, today))
                .count()
        };
        assert_eq!(count(&Filter::Shortfalls), 4);
        assert_eq!(count(&Filter::All), 26);
        assert_eq!(
            count(&Filter::Section("市民課".into())),
            2,
            "⑴-ウ-1 and ⑵-イ-7, which shares its activities"
        );
        assert_eq!(
            sections(&plan).first().map(String::as_str),
            Some("デジタル政策係")
        );
    }
}
