//! The lists a clerk opens over the screen: the plan switcher (`P`) and the change log (`L`).
//! Plain data with plain tests; the view draws them and `App` routes keys to them.

use crate::model::{GoalId, GoalRef, PlanId};
use crate::store::{LogEntry, PlanSummary};

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
    pub fn new(plans: Vec<PlanSummary>, current: PlanId) -> Self {
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
}
