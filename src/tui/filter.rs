//! Which goals the tree shows (`f`), and the incremental search (`/`).

use std::fmt::Write;

use crate::engine::{Status, grade};
use crate::find::{search_fold, search_fold_into};
use crate::model::{ActivityStatus, CalendarDate, Goal, GoalRef, Plan};

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
        match self {
            Filter::All => "all".to_string(),
            Filter::Shortfalls => "未達成 shortfalls".to_string(),
            Filter::Overdue => "期限超過 overdue".to_string(),
            Filter::Unrecorded => "未記入 status not recorded".to_string(),
            Filter::Section(s) => format!("担当 {s}"),
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

/// A `/` search: the typed query occurs in the goal's code (any way of writing it), title or
/// 積算方法. Widths are folded and case ignored, so `１－ア` finds ⑴-ア and `line` finds LINE.
/// The query is folded once and the buffers reused, so a scan of 100,000 goals allocates
/// nothing per goal.
#[derive(Debug, Clone)]
pub struct GoalSearch {
    needle: String,
    text: String,
    folded: String,
}

impl GoalSearch {
    /// `None` for a query that is only spaces.
    pub fn new(query: &str) -> Option<Self> {
        let needle = search_fold(query.trim());
        (!needle.is_empty()).then(|| Self {
            needle,
            text: String::new(),
            folded: String::new(),
        })
    }

    pub fn matches(&mut self, plan: &Plan, (i, g): (usize, usize)) -> bool {
        let Some(ini) = plan.initiatives.get(i) else {
            return false;
        };
        let Some(goal) = ini.goals.get(g) else {
            return false;
        };
        let needle = self.needle.as_str();
        let found_in = |text: &str, folded: &mut String| {
            folded.clear();
            search_fold_into(text, folded);
            folded.contains(needle)
        };
        if found_in(&goal.title, &mut self.folded) || found_in(&goal.calc_method, &mut self.folded)
        {
            return true;
        }
        self.text.clear();
        let r = GoalRef {
            initiative: ini.code,
            goal: goal.number,
        };
        let _ = write!(self.text, "{r} {} {}", r.ascii(), r.parenthesised());
        found_in(&self.text, &mut self.folded)
    }
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

    #[test]
    fn search_finds_codes_titles_and_methods() {
        let plan = sheet::bundled().expect("bundled");
        let hits = |q: &str| -> Vec<String> {
            plan.positions()
                .filter(|p| GoalSearch::new(q).is_some_and(|mut s| s.matches(&plan, *p)))
                .map(|(i, g)| {
                    format!(
                        "{}-{}",
                        plan.initiatives[i].code, plan.initiatives[i].goals[g].number
                    )
                })
                .collect()
        };
        assert_eq!(hits("2-イ-7"), ["⑵-イ-7"]);
        assert_eq!(hits("（２）－イ－７"), ["⑵-イ-7"]);
        assert_eq!(hits("コンビニ"), ["⑴-ウ-1", "⑵-イ-7", "⑵-イ-8"]);
        assert_eq!(hits("ｓｎｓ"), ["⑶-イ-1"]);
        assert!(hits("").is_empty());
    }
}
