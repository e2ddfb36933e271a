//! Who fills which goal (担当係): a goal's 実績値 and 評価内容 are its 主担当's, the first section
//! named on its activities — its own, or those of the goal it takes them from
//! (`実施内容は，⑴‐ア‐目標１に同じ`). Every other section named there sees the goal read-only and
//! sets only its own activities' 状況. 関係課 and 各庁舎窓口部署 are sections like any.

use std::collections::HashMap;

use super::GoalRef;
use super::plan::{Activity, Goal, Plan};

/// What a section may fill of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 主担当: 実績値, 評価内容, and its own activities' 状況.
    Primary,
    /// Named on the goal's activities but not first: only its own activities' 状況.
    Sharing,
}

/// The activities a goal is carried out by: its own, or the linked goal's.
pub fn activities_of<'a>(plan: &'a Plan, goal: &'a Goal) -> &'a [Activity] {
    match goal.activities_from.and_then(|r| plan.goal(r)) {
        Some((_, linked)) if linked.activities_from.is_none() => &linked.activities,
        _ => &goal.activities,
    }
}

/// A goal's 主担当: the first section named on its activities.
pub fn primary_section<'a>(plan: &'a Plan, goal: &'a Goal) -> Option<&'a str> {
    activities_of(plan, goal)
        .iter()
        .flat_map(|a| a.sections.iter())
        .map(String::as_str)
        .next()
}

/// What `section` may fill of `goal`; `None` when the section is not named on it.
pub fn role(plan: &Plan, goal: &Goal, section: &str) -> Option<Role> {
    if primary_section(plan, goal) == Some(section) {
        return Some(Role::Primary);
    }
    activities_of(plan, goal)
        .iter()
        .any(|a| a.sections.iter().any(|s| s == section))
        .then_some(Role::Sharing)
}

/// Whether `section` sets this activity's 状況.
pub fn sets_status(activity: &Activity, section: &str) -> bool {
    activity.sections.iter().any(|s| s == section)
}

/// Every section named in the plan, in the sheet's order, each once.
pub fn sections(plan: &Plan) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (_, goal) in plan.goals() {
        for s in goal.activities.iter().flat_map(|a| a.sections.iter()) {
            if !out.contains(&s.as_str()) {
                out.push(s);
            }
        }
    }
    out
}

/// What a section is named on: the goals it fills as 主担当, the goals it shares (only its
/// activities' 状況), and the activities that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally<'a> {
    pub section: &'a str,
    /// Goals whose 実績値 and 評価内容 are this section's ([`Role::Primary`]).
    pub leads: usize,
    /// Goals it is named on but not first ([`Role::Sharing`]).
    pub shares: usize,
    /// Activities that name it, each once (a goal's that takes another's counts none).
    pub activities: usize,
}

/// Every section named in the plan, in [`sections`]' order, with what it is named on, in one
/// walk of the plan: `leads + shares` is the goals its handout carries ([`goals_of`]).
pub fn tally(plan: &Plan) -> Vec<Tally<'_>> {
    let mut out: Vec<Tally<'_>> = sections(plan)
        .into_iter()
        .map(|section| Tally {
            section,
            leads: 0,
            shares: 0,
            activities: 0,
        })
        .collect();
    let at: HashMap<&str, usize> = out
        .iter()
        .enumerate()
        .map(|(i, t)| (t.section, i))
        .collect();
    for (_, goal) in plan.goals() {
        for a in &goal.activities {
            for s in each_once(a.sections.iter()) {
                if let Some(&i) = at.get(s) {
                    out[i].activities += 1;
                }
            }
        }
        let named = activities_of(plan, goal)
            .iter()
            .flat_map(|a| a.sections.iter());
        for (k, s) in each_once(named).into_iter().enumerate() {
            if let Some(&i) = at.get(s) {
                if k == 0 {
                    out[i].leads += 1;
                } else {
                    out[i].shares += 1;
                }
            }
        }
    }
    out
}

/// The sections named, each once, in their order.
fn each_once<'a>(named: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in named {
        if !out.contains(&s.as_str()) {
            out.push(s);
        }
    }
    out
}

/// The goals a section's handout carries, in the sheet's order, with its role in each.
pub fn goals_of<'a>(plan: &'a Plan, section: &str) -> Vec<(GoalRef, &'a Goal, Role)> {
    plan.goals()
        .filter_map(|(r, g)| role(plan, g, section).map(|role| (r, g, role)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::sheet::bundled().expect("the bundled sheet")
    }

    fn goal<'a>(plan: &'a Plan, code: &str) -> &'a Goal {
        plan.goal(code.parse().expect("a code"))
            .expect("in the sheet")
            .1
    }

    #[test]
    fn the_first_section_on_the_activities_is_the_primary() {
        let plan = plan();
        // ⑴-ウ-1: 市民係 and マイナンバー推進係 on each activity, 市民係 first.
        let shared = goal(&plan, "1-ウ-1");
        assert_eq!(primary_section(&plan, shared), Some("市民係"));
        assert_eq!(role(&plan, shared, "市民係"), Some(Role::Primary));
        assert_eq!(
            role(&plan, shared, "マイナンバー推進係"),
            Some(Role::Sharing)
        );
        assert_eq!(role(&plan, shared, "市民課"), Some(Role::Sharing));
        assert_eq!(role(&plan, shared, "総務係"), None);
    }

    #[test]
    fn a_linked_goal_belongs_to_the_linked_goals_primary() {
        let plan = plan();
        // ⑵-イ-7: 実施内容は，⑴‐ウ‐目標１に同じ.
        let linked = goal(&plan, "2-イ-7");
        assert!(linked.activities_from.is_some());
        assert_eq!(primary_section(&plan, linked), Some("市民係"));
        assert_eq!(
            role(&plan, linked, "マイナンバー推進係"),
            Some(Role::Sharing)
        );
        let mine: Vec<String> = goals_of(&plan, "市民係")
            .iter()
            .map(|(r, _, role)| format!("{r} {role:?}"))
            .collect();
        assert_eq!(mine, ["⑴-ウ-1 Primary", "⑵-イ-7 Primary"]);
    }

    #[test]
    fn the_digital_policy_sections_goals() {
        let plan = plan();
        let primary: Vec<String> = goals_of(&plan, "デジタル政策係")
            .iter()
            .filter(|(_, _, role)| *role == Role::Primary)
            .map(|(r, _, _)| r.to_string())
            .collect();
        // Its own, and ⑵-イ-6 through ⑴-ア-1; not ⑵-ア-1 (人事厚生係 first) nor ⑴-オ-1
        // (協働推進係 first), where it only sets its activities' 状況.
        assert!(primary.contains(&"⑴-ア-1".to_string()));
        assert!(primary.contains(&"⑵-イ-6".to_string()));
        assert!(primary.contains(&"⑶-イ-1".to_string()));
        assert!(!primary.contains(&"⑵-ア-1".to_string()));
        let o1 = goal(&plan, "1-オ-1");
        assert_eq!(role(&plan, o1, "デジタル政策係"), Some(Role::Sharing));
        assert!(sections(&plan).contains(&"関係課"));
    }

    /// The tally lists [`sections`] in their order, and agrees with each section's handout.
    #[test]
    fn the_tally_agrees_with_each_sections_goals_and_activities() {
        let plan = plan();
        let tally = tally(&plan);
        let names: Vec<&str> = tally.iter().map(|t| t.section).collect();
        assert_eq!(names, sections(&plan));
        for t in &tally {
            let goals = goals_of(&plan, t.section);
            let leads = goals.iter().filter(|(_, _, r)| *r == Role::Primary).count();
            assert_eq!(
                (t.leads, t.shares),
                (leads, goals.len() - leads),
                "{}",
                t.section
            );
            let activities = plan
                .goals()
                .flat_map(|(_, g)| g.activities.iter())
                .filter(|a| sets_status(a, t.section))
                .count();
            assert_eq!(t.activities, activities, "{}", t.section);
        }
        let citizens = tally
            .iter()
            .find(|t| t.section == "市民係")
            .expect("市民係");
        assert_eq!(
            (citizens.leads, citizens.shares, citizens.activities),
            (2, 0, 3)
        );
        let every_goal: usize = tally.iter().map(|t| t.leads).sum();
        assert_eq!(every_goal, plan.goals().count(), "each goal has one 主担当");
    }
}
