//! The plan as a tree of rows — policy area ⑴ → initiative ⑴-ア → goal — with selection,
//! collapsing and a filter. Plain data and plain tests; no drawing here.

use std::collections::HashSet;

use super::action::Action;
use super::command::Command;
use crate::model::GoalPos;
use crate::model::Plan;

/// A row of the tree. Initiatives and goals are places in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Area(u8),
    Initiative(usize),
    Goal(GoalPos),
}

/// The rows on show, which one is selected, and which branches are collapsed.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    rows: Vec<Node>,
    selected: usize,
    collapsed: HashSet<Node>,
}

impl Tree {
    /// All branches open, the first goal selected.
    pub fn new(plan: &Plan, visible: &dyn Fn(GoalPos) -> bool) -> Self {
        let mut tree = Tree::default();
        tree.rebuild(plan, visible);
        if let Some(first_goal) = tree.rows.iter().position(|n| matches!(n, Node::Goal(..))) {
            tree.selected = first_goal;
        }
        tree
    }

    /// Recomputes the rows (after a filter or a plan change), keeping the selected node when it
    /// is still shown, else the nearest row before it.
    pub fn rebuild(&mut self, plan: &Plan, visible: &dyn Fn(GoalPos) -> bool) {
        let keep = self.selected_node();
        let mut rows = Vec::new();
        let mut areas: Vec<u8> = plan.initiatives.iter().map(|i| i.code.area).collect();
        areas.dedup();
        for area in areas {
            let mut area_rows = Vec::new();
            for (i, ini) in plan
                .initiatives
                .iter()
                .enumerate()
                .filter(|(_, ini)| ini.code.area == area)
            {
                let goals: Vec<Node> = (0..ini.goals.len())
                    .map(|g| GoalPos::new(i, g))
                    .filter(|at| visible(*at))
                    .map(Node::Goal)
                    .collect();
                if goals.is_empty() && !ini.goals.is_empty() {
                    continue;
                }
                area_rows.push(Node::Initiative(i));
                if !self.collapsed.contains(&Node::Initiative(i)) {
                    area_rows.extend(goals);
                }
            }
            if area_rows.is_empty() {
                continue;
            }
            rows.push(Node::Area(area));
            if !self.collapsed.contains(&Node::Area(area)) {
                rows.extend(area_rows);
            }
        }
        let previous_index = self.selected;
        self.rows = rows;
        self.selected = match keep.and_then(|k| self.rows.iter().position(|n| *n == k)) {
            Some(i) => i,
            None => previous_index.min(self.rows.len().saturating_sub(1)),
        };
    }

    pub fn rows(&self) -> &[Node] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_node(&self) -> Option<Node> {
        self.rows.get(self.selected).copied()
    }

    /// The selected goal's place in the plan.
    pub fn selected_goal(&self) -> Option<GoalPos> {
        match self.selected_node()? {
            Node::Goal(at) => Some(at),
            _ => None,
        }
    }

    pub fn is_collapsed(&self, node: Node) -> bool {
        self.collapsed.contains(&node)
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    /// ←: collapse an open branch, else go to the parent row.
    pub fn left(&mut self, plan: &Plan, visible: &dyn Fn(GoalPos) -> bool) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let open_branch = !matches!(node, Node::Goal(..)) && !self.collapsed.contains(&node);
        if open_branch {
            self.collapsed.insert(node);
            self.rebuild(plan, visible);
        } else if let Some(parent) = parent(plan, node)
            && let Some(i) = self.rows.iter().position(|n| *n == parent)
        {
            self.selected = i;
        }
    }

    /// →: expand a collapsed branch, else step into its first child. Returns false on a goal,
    /// where → means "go to the card" instead.
    pub fn right(&mut self, plan: &Plan, visible: &dyn Fn(GoalPos) -> bool) -> bool {
        let Some(node) = self.selected_node() else {
            return false;
        };
        if matches!(node, Node::Goal(..)) {
            return false;
        }
        if self.collapsed.remove(&node) {
            self.rebuild(plan, visible);
        } else if self
            .rows
            .get(self.selected + 1)
            .is_some_and(|next| parent(plan, *next) == Some(node))
        {
            self.selected += 1;
        }
        true
    }

    /// Selects a row that is in the tree (an initiative's, an area's). False when it is not.
    pub fn select_row(&mut self, node: Node) -> bool {
        match self.rows.iter().position(|n| *n == node) {
            Some(row) => {
                self.selected = row;
                true
            }
            None => false,
        }
    }

    /// Selects a goal, opening its branches. False when the filter hides it.
    pub fn select_goal(
        &mut self,
        plan: &Plan,
        goal: GoalPos,
        visible: &dyn Fn(GoalPos) -> bool,
    ) -> bool {
        let i = goal.initiative;
        let Some(ini) = goal.initiative_in(plan) else {
            return false;
        };
        self.collapsed.remove(&Node::Area(ini.code.area));
        self.collapsed.remove(&Node::Initiative(i));
        self.rebuild(plan, visible);
        match self.rows.iter().position(|n| *n == Node::Goal(goal)) {
            Some(row) => {
                self.selected = row;
                true
            }
            None => false,
        }
    }

    /// A key while the tree has the keyboard: move, fold, climb or step in. `None` when the
    /// key is not the tree's. → on a goal asks for the card.
    pub fn handle(
        &mut self,
        action: Action,
        plan: &Plan,
        visible: &dyn Fn(GoalPos) -> bool,
    ) -> Option<Command> {
        let delta = match action {
            Action::Left => {
                self.left(plan, visible);
                return Some(Command::FirstField);
            }
            Action::Right if self.right(plan, visible) => return Some(Command::None),
            Action::Right => return Some(Command::FocusCard),
            _ => action.rows()?,
        };
        self.move_by(delta);
        Some(Command::Moved)
    }
}

fn parent(plan: &Plan, node: Node) -> Option<Node> {
    match node {
        Node::Area(_) => None,
        Node::Initiative(i) => plan.initiatives.get(i).map(|ini| Node::Area(ini.code.area)),
        Node::Goal(at) => Some(Node::Initiative(at.initiative)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    fn all(_: GoalPos) -> bool {
        true
    }

    fn plan() -> Plan {
        sheet::bundled().expect("bundled")
    }

    #[test]
    fn opens_fully_expanded_on_the_first_goal() {
        let plan = plan();
        let tree = Tree::new(&plan, &all);
        // 3 areas + 9 initiatives + 26 goals.
        assert_eq!(tree.rows().len(), 38);
        assert_eq!(
            tree.rows()[..3],
            [
                Node::Area(1),
                Node::Initiative(0),
                Node::Goal(GoalPos::new(0, 0))
            ]
        );
        assert_eq!(tree.selected_goal(), Some(GoalPos::new(0, 0)));
    }

    #[test]
    fn left_collapses_then_climbs_and_right_reverses_it() {
        let plan = plan();
        let mut tree = Tree::new(&plan, &all);
        tree.left(&plan, &all);
        assert_eq!(
            tree.selected_node(),
            Some(Node::Initiative(0)),
            "a goal's ← goes to its initiative"
        );
        tree.left(&plan, &all);
        assert!(tree.is_collapsed(Node::Initiative(0)));
        assert_eq!(tree.rows().len(), 35, "⑴-ア's three goals are hidden");
        tree.left(&plan, &all);
        assert_eq!(tree.selected_node(), Some(Node::Area(1)));
        tree.left(&plan, &all);
        assert!(tree.is_collapsed(Node::Area(1)));
        assert!(tree.right(&plan, &all));
        assert!(tree.right(&plan, &all), "steps into ⑴-ア");
        assert_eq!(tree.selected_node(), Some(Node::Initiative(0)));
        assert!(tree.right(&plan, &all), "expands ⑴-ア");
        assert!(tree.right(&plan, &all), "steps into its first goal");
        assert!(!tree.right(&plan, &all), "on a goal, → is the card's");
        assert_eq!(tree.selected_goal(), Some(GoalPos::new(0, 0)));
    }

    #[test]
    fn keys_move_the_tree_and_right_on_a_goal_asks_for_the_card() {
        let plan = plan();
        let mut tree = Tree::new(&plan, &all);
        assert!(matches!(
            tree.handle(Action::Down, &plan, &all),
            Some(Command::Moved)
        ));
        assert_eq!(tree.selected_goal(), Some(GoalPos::new(0, 1)));
        assert!(matches!(
            tree.handle(Action::Right, &plan, &all),
            Some(Command::FocusCard)
        ));
        assert!(matches!(
            tree.handle(Action::Left, &plan, &all),
            Some(Command::FirstField)
        ));
        assert!(matches!(
            tree.handle(Action::Right, &plan, &all),
            Some(Command::None)
        ));
        assert!(tree.handle(Action::Edit, &plan, &all).is_none());
    }

    #[test]
    fn moving_stops_at_the_ends() {
        let plan = plan();
        let mut tree = Tree::new(&plan, &all);
        tree.move_by(-10);
        assert_eq!(tree.selected(), 0);
        tree.bottom();
        assert_eq!(
            tree.selected_node(),
            Some(Node::Goal(GoalPos::new(8, 0))),
            "⑶-エ-1 is last"
        );
        tree.top();
        assert_eq!(tree.selected(), 0);
    }

    #[test]
    fn a_filter_keeps_only_matching_goals_and_their_parents() {
        let plan = plan();
        let shortfalls = ["1-ア-3", "1-オ-4", "3-ウ-2", "3-エ-1"]
            .map(|code| GoalPos::of(&plan, code.parse().expect("code")).expect("goal"));
        let only = move |at: GoalPos| shortfalls.contains(&at);
        let mut tree = Tree::new(&plan, &all);
        tree.rebuild(&plan, &only);
        let goals: Vec<String> = tree
            .rows()
            .iter()
            .filter_map(|n| match n {
                Node::Goal(at) => at.goal_ref(&plan).map(|r| r.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(goals, ["⑴-ア-3", "⑴-オ-4", "⑶-ウ-2", "⑶-エ-1"]);
        assert_eq!(
            tree.rows().len(),
            2 + 4 + 4,
            "areas ⑴ ⑶, four initiatives, four goals"
        );
        assert!(tree.select_goal(&plan, GoalPos::new(0, 2), &only));
        assert!(
            !tree.select_goal(&plan, GoalPos::new(0, 0), &only),
            "a hidden goal cannot be selected"
        );
    }
}
