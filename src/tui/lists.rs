//! The lists a clerk opens over the screen: the plan switcher (`P`) and the change log (`L`).
//! Plain data with plain tests; the view draws them and `App` routes keys to them.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::action::Action;
use super::command::Command;
use crate::model::GoalPos;
use crate::model::{GoalId, GoalRef, Plan, PlanId};
use crate::store::{LogEntry, PlanSummary};
use crate::strings::strings;

/// How far a key moves the choice in a list.
fn delta(action: Action) -> Option<isize> {
    match action {
        Action::Down => Some(1),
        Action::Up => Some(-1),
        Action::PageDown => Some(10),
        Action::PageUp => Some(-10),
        _ => None,
    }
}

/// A selection in a list of `len` rows, moved by `delta` and kept inside it.
fn moved(chosen: usize, len: usize, delta: isize) -> usize {
    chosen
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// The plans in the data file, the open one chosen first.
#[derive(Debug, Clone)]
pub struct PlanList {
    pub plans: Vec<PlanSummary>,
    pub chosen: usize,
    /// The plan on screen now.
    pub current: PlanId,
}

impl PlanList {
    /// The plans by year: the years of one plan together (in the order the plans were first
    /// made), newest first.
    pub fn new(mut plans: Vec<PlanSummary>, current: PlanId) -> Self {
        let mut first_made: HashMap<String, i64> = HashMap::new();
        for p in &plans {
            let first = first_made.entry(p.lineage.clone()).or_insert(p.id.0);
            *first = (*first).min(p.id.0);
        }
        plans.sort_by_key(|p| {
            let first = first_made.get(&p.lineage).copied().unwrap_or(p.id.0);
            (first, Reverse(p.fiscal_year.0), p.id.0)
        });
        let chosen = plans.iter().position(|p| p.id == current).unwrap_or(0);
        PlanList {
            plans,
            chosen,
            current,
        }
    }

    pub fn step(&mut self, delta: isize) {
        self.chosen = moved(self.chosen, self.plans.len(), delta);
    }

    pub fn chosen(&self) -> Option<&PlanSummary> {
        self.plans.get(self.chosen)
    }

    /// A key while the switcher is open: move, open the chosen plan, or close.
    pub fn handle(&mut self, action: Action) -> Command {
        if let Some(d) = delta(action) {
            self.step(d);
        }
        match action {
            Action::Cancel => Command::Close,
            Action::Commit => match self.chosen().filter(|p| p.id != self.current) {
                Some(plan) => Command::Close.then(Command::SwitchPlan(plan.id)),
                None => Command::Close,
            },
            _ => Command::None,
        }
    }
}

/// The change log, newest first, for the whole plan or one goal.
#[derive(Debug, Clone)]
pub struct LogView {
    /// Newest first.
    pub entries: Vec<LogEntry>,
    /// Only this goal's changes when set (its parts and activities included).
    pub goal: Option<(GoalId, GoalRef)>,
    /// The goal `f` narrows to: the one selected when the log was opened.
    pub selected_goal: Option<(GoalId, GoalRef)>,
    pub chosen: usize,
}

impl LogView {
    /// `entries` as the store returns them (oldest first).
    pub fn new(
        mut entries: Vec<LogEntry>,
        goal: Option<(GoalId, GoalRef)>,
        selected_goal: Option<(GoalId, GoalRef)>,
    ) -> Self {
        entries.reverse();
        LogView {
            entries,
            goal,
            selected_goal,
            chosen: 0,
        }
    }

    pub fn step(&mut self, delta: isize) {
        self.chosen = moved(self.chosen, self.entries.len(), delta);
    }

    pub fn chosen(&self) -> Option<&LogEntry> {
        self.entries.get(self.chosen)
    }

    /// The filter `f` switches to: this goal when showing all, all when showing one goal.
    pub fn toggled_goal(&self) -> Option<(GoalId, GoalRef)> {
        match self.goal {
            Some(_) => None,
            None => self.selected_goal,
        }
    }

    /// A key while the log is open: move, narrow to the goal or widen to all, go to the
    /// chosen change's goal, or close.
    pub fn handle(&mut self, action: Action, plan: &Plan) -> Command {
        if let Some(d) = delta(action) {
            self.step(d);
        }
        match action {
            Action::Cancel => Command::Close,
            Action::CycleFilter => Command::OpenLog {
                goal: self.toggled_goal(),
                selected: self.selected_goal,
            },
            Action::Commit => {
                let goal = self.chosen().and_then(|e| e.goal);
                match goal.and_then(|id| plan.goal_by_id(id)) {
                    Some((r, _)) => match GoalPos::of(plan, r) {
                        Some(at) => Command::Close.then(Command::ShowGoal(at)),
                        None => Command::Close,
                    },
                    None => {
                        Command::Close.then(Command::say_error(strings().tui.messages.not_in_plan))
                    }
                }
            }
            _ => Command::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_stays_inside_its_list() {
        assert_eq!(moved(0, 3, -1), 0);
        assert_eq!(moved(1, 3, 10), 2);
        assert_eq!(moved(0, 0, 1), 0, "an empty list keeps 0");
    }

    #[test]
    fn the_log_is_newest_first_and_f_toggles_one_goal() {
        let entry = |id| LogEntry {
            id,
            batch: id,
            at: String::new(),
            actor: "a".into(),
            kind: crate::store::ChangeKind::Edit,
            source: crate::store::Source::Typed,
            subject: String::new(),
            field: crate::store::LoggedField::Field(crate::model::FieldKey::Actual),
            old: None,
            new: None,
            reverts: None,
            goal: Some(GoalId(1)),
            goal_ref: "1-ア-1".parse().ok(),
        };
        let one: (GoalId, GoalRef) = (GoalId(1), "1-ア-1".parse().expect("code"));
        let mut log = LogView::new(vec![entry(1), entry(2)], None, Some(one));
        assert_eq!(log.chosen().map(|e| e.id), Some(2));
        assert_eq!(log.toggled_goal(), Some(one));
        log.goal = Some(one);
        assert_eq!(log.toggled_goal(), None);
    }

    #[test]
    fn enter_in_the_log_goes_to_the_goal_of_the_change() {
        let plan = crate::sheet::bundled().expect("bundled");
        let r: GoalRef = "1-ア-3".parse().expect("code");
        let (_, goal) = plan.goal(r).expect("goal");
        let entry = LogEntry {
            id: 1,
            batch: 1,
            at: String::new(),
            actor: "a".into(),
            kind: crate::store::ChangeKind::Edit,
            source: crate::store::Source::Typed,
            subject: String::new(),
            field: crate::store::LoggedField::Field(crate::model::FieldKey::Actual),
            old: None,
            new: None,
            reverts: None,
            goal: Some(goal.id),
            goal_ref: Some(r),
        };
        let mut log = LogView::new(vec![entry], None, None);
        let command = log.handle(Action::Commit, &plan);
        let at = GoalPos::of(&plan, r).expect("place");
        assert!(
            matches!(&command, Command::Seq(c) if matches!(c[..], [Command::Close, Command::ShowGoal(p)] if p == at)),
            "{command:?}"
        );
        assert!(matches!(log.handle(Action::Down, &plan), Command::None));
        assert!(matches!(log.handle(Action::Cancel, &plan), Command::Close));
    }

    #[test]
    fn the_switcher_opens_only_another_plan() {
        let mut list = PlanList::new(vec![], PlanId(1));
        assert!(matches!(list.handle(Action::Commit), Command::Close));
        assert!(matches!(list.handle(Action::Up), Command::None));
    }

    #[test]
    fn the_switcher_lists_the_years_of_one_plan_together_newest_first() {
        use crate::model::FiscalYear;
        let plan = |id: i64, lineage: &str, year: i32| PlanSummary {
            id: PlanId(id),
            slug: format!("{lineage}-{year}"),
            municipality: String::new(),
            title: String::new(),
            fiscal_year: FiscalYear(year),
            goals: 0,
            lineage: lineage.to_string(),
        };
        let list = PlanList::new(
            vec![
                plan(1, "a", 2023),
                plan(2, "b", 2023),
                plan(3, "a", 2024),
                plan(4, "b", 2024),
                plan(5, "a", 2025),
            ],
            PlanId(3),
        );
        let order: Vec<i64> = list.plans.iter().map(|p| p.id.0).collect();
        assert_eq!(order, [5, 3, 1, 4, 2]);
        assert_eq!(
            list.chosen().map(|p| p.id),
            Some(PlanId(3)),
            "the open plan"
        );
        let mut list = list;
        list.step(-1);
        assert!(matches!(
            list.handle(Action::Commit),
            Command::Seq(c) if matches!(c[..], [Command::Close, Command::SwitchPlan(PlanId(5))])
        ));
    }
}
