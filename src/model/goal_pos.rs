//! Where a goal sits in a loaded plan: the searches, and the TUI's tree, agenda and open
//! field, all point at goals this way.

use super::{Goal, GoalRef, Initiative, Plan};

/// A goal's place in the loaded plan: `plan.initiatives[initiative].goals[goal]`. Valid for one
/// load of the plan; a reload may move goals, so a [`GoalRef`] is kept across it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalPos {
    /// The index of the goal's initiative in the plan.
    pub initiative: usize,
    /// The index of the goal in its initiative.
    pub goal: usize,
}

impl GoalPos {
    /// The goal at `goal` in initiative `initiative`.
    pub const fn new(initiative: usize, goal: usize) -> Self {
        GoalPos { initiative, goal }
    }

    /// The place of the goal named by `r`, when the plan has it.
    pub fn of(plan: &Plan, r: GoalRef) -> Option<Self> {
        plan.position(r)
    }

    /// The goal's initiative, when the plan has it.
    pub fn initiative_in(self, plan: &Plan) -> Option<&Initiative> {
        plan.initiatives.get(self.initiative)
    }

    /// The goal, when the plan has it.
    pub fn goal_in(self, plan: &Plan) -> Option<&Goal> {
        self.initiative_in(plan)?.goals.get(self.goal)
    }

    /// The goal with its initiative.
    pub fn find_in(self, plan: &Plan) -> Option<(&Initiative, &Goal)> {
        let ini = self.initiative_in(plan)?;
        Some((ini, ini.goals.get(self.goal)?))
    }

    /// The goal's reference (`⑴-ア-1`), which outlives a reload.
    pub fn goal_ref(self, plan: &Plan) -> Option<GoalRef> {
        let (ini, goal) = self.find_in(plan)?;
        Some(GoalRef {
            initiative: ini.code,
            goal: goal.number,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    #[test]
    fn a_place_and_a_reference_name_the_same_goal() {
        let plan = sheet::bundled().expect("bundled");
        let r: GoalRef = "1-ア-3".parse().expect("code");
        let at = GoalPos::of(&plan, r).expect("goal");
        assert_eq!(at, GoalPos::new(0, 2));
        assert_eq!(at.goal_ref(&plan), Some(r));
        assert_eq!(at.goal_in(&plan).map(|g| g.number), Some(3));
        assert_eq!(GoalPos::new(0, 99).goal_in(&plan), None, "no such goal");
    }
}
