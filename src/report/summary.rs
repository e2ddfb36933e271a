//! Counts per status, the shortfalls, overdue activities and 時期 nobody can judge: what
//! `tassei summary` prints and what the status bar and dashboard show.

use std::borrow::Cow;

use crate::engine::{Grade, Status, grade};
use crate::model::{Activity, ActivityStatus, CalendarDate, Goal, GoalRef, Plan, Thresholds};

/// The plan at a glance on one date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Goals per status, in [`Status::ALL`] order.
    pub counts: [usize; STATUSES],
    /// Goals below the near threshold, worst first (then in sheet order).
    pub shortfalls: Vec<(GoalRef, Grade)>,
    /// Activities whose 時期 ended before the date and that are neither done nor dropped.
    pub overdue: usize,
    /// Goals per status in each policy area, in area order.
    pub by_area: Vec<(u8, [usize; STATUSES])>,
    /// Overdue activities per 担当係 (an activity with two sections counts for each), most
    /// first, then by name.
    pub overdue_by_section: Vec<(String, usize)>,
    /// Activities per status, in [`ActivityStatus::ALL`] order (未記入 first).
    pub activities: [usize; 5],
    /// Activities whose 時期 cannot be read: never judged overdue, so counted here instead.
    pub unreadable_periods: usize,
}

/// What one goal adds to a [`Summary`]. An edit touches one goal, so the front end swaps that
/// goal's contribution instead of grading 100,000 goals again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    goal: GoalRef,
    grade: Grade,
    /// 担当係 of each overdue own activity; an activity without one still counts as overdue.
    overdue_sections: Vec<String>,
    overdue: usize,
    /// Own activities per status, in [`ActivityStatus::ALL`] order.
    activities: [usize; 5],
    /// Own activities whose 時期 cannot be read.
    unreadable_periods: usize,
}

impl Contribution {
    pub fn of(
        goal_ref: GoalRef,
        goal: &Goal,
        thresholds: &Thresholds,
        today: CalendarDate,
    ) -> Self {
        let overdue: Vec<&Activity> = own_activities(goal)
            .iter()
            .filter(|a| a.is_overdue(today))
            .collect();
        Self {
            goal: goal_ref,
            grade: grade(goal, thresholds),
            overdue_sections: overdue
                .iter()
                .flat_map(|a| a.sections.iter().cloned())
                .collect(),
            overdue: overdue.len(),
            activities: activity_counts(own_activities(goal)),
            unreadable_periods: unreadable_periods(own_activities(goal)),
        }
    }
}

impl Summary {
    pub fn of(plan: &Plan, today: CalendarDate) -> Self {
        Self::of_graded(plan, today, |goal| {
            Cow::Owned(grade(goal, &plan.thresholds))
        })
    }

    /// The summary with each goal's grade given, in plan order: the TUI already holds every
    /// grade, and grading 100,000 goals twice would slow its opening.
    pub fn of_graded<'g>(
        plan: &Plan,
        today: CalendarDate,
        mut grade_of: impl FnMut(&Goal) -> Cow<'g, Grade>,
    ) -> Self {
        let mut summary = Self::default();
        // The same counting as a Contribution, but borrowing the 担当係 names: building a
        // Contribution per goal would copy 200,000 of them at 100,000 goals.
        for (r, goal) in plan.goals() {
            let overdue = own_activities(goal).iter().filter(|a| a.is_overdue(today));
            let sections = overdue
                .clone()
                .flat_map(|a| a.sections.iter().map(String::as_str));
            let grade = grade_of(goal);
            if grade.status == Status::Shortfall {
                summary.shortfalls.push((r, grade.clone().into_owned()));
            }
            summary.add(r, &grade, overdue.count(), sections);
            summary.add_activities(&activity_counts(own_activities(goal)));
            summary.unreadable_periods += unreadable_periods(own_activities(goal));
        }
        // Sorted once at the end: inserting 30,000 shortfalls in order would be quadratic.
        summary.shortfalls.sort_by_key(|(r, g)| (g.rate(), *r));
        summary.sort_sections();
        summary
    }

    /// Replaces one goal's contribution after an edit.
    pub fn replace(&mut self, before: &Contribution, after: Contribution) {
        self.remove(before);
        let sections = after.overdue_sections.iter().map(String::as_str);
        self.add(after.goal, &after.grade, after.overdue, sections);
        self.add_activities(&after.activities);
        self.unreadable_periods += after.unreadable_periods;
        if after.grade.status == Status::Shortfall {
            let key = (after.grade.rate(), after.goal);
            let at = self
                .shortfalls
                .partition_point(|(r, g)| (g.rate(), *r) < key);
            self.shortfalls.insert(at, (after.goal, after.grade));
        }
        self.sort_sections();
    }

    /// Counts one goal (its shortfall entry is the caller's: pushed, or inserted in order).
    fn add<'s>(
        &mut self,
        goal: GoalRef,
        grade: &Grade,
        overdue: usize,
        overdue_sections: impl Iterator<Item = &'s str>,
    ) {
        let status = status_index(grade.status);
        self.counts[status] += 1;
        let area = goal.initiative.area;
        let at = self.by_area.partition_point(|(a, _)| *a < area);
        match self.by_area.get_mut(at) {
            Some((a, counts)) if *a == area => counts[status] += 1,
            _ => {
                let mut counts = [0; STATUSES];
                counts[status] = 1;
                self.by_area.insert(at, (area, counts));
            }
        }
        self.overdue += overdue;
        for section in overdue_sections {
            match self
                .overdue_by_section
                .iter_mut()
                .find(|(s, _)| s == section)
            {
                Some((_, n)) => *n += 1,
                None => self.overdue_by_section.push((section.to_string(), 1)),
            }
        }
    }

    fn remove(&mut self, c: &Contribution) {
        let status = status_index(c.grade.status);
        self.counts[status] = self.counts[status].saturating_sub(1);
        if let Some((_, counts)) = self
            .by_area
            .iter_mut()
            .find(|(a, _)| *a == c.goal.initiative.area)
        {
            counts[status] = counts[status].saturating_sub(1);
        }
        self.by_area
            .retain(|(_, counts)| counts.iter().any(|n| *n > 0));
        if let Some(at) = self.shortfalls.iter().position(|(r, _)| *r == c.goal) {
            self.shortfalls.remove(at);
        }
        self.overdue = self.overdue.saturating_sub(c.overdue);
        for section in &c.overdue_sections {
            if let Some((_, n)) = self
                .overdue_by_section
                .iter_mut()
                .find(|(s, _)| s == section)
            {
                *n = n.saturating_sub(1);
            }
        }
        self.overdue_by_section.retain(|(_, n)| *n > 0);
        for (total, n) in self.activities.iter_mut().zip(c.activities) {
            *total = total.saturating_sub(n);
        }
        self.unreadable_periods = self.unreadable_periods.saturating_sub(c.unreadable_periods);
    }

    fn add_activities(&mut self, counts: &[usize; 5]) {
        for (total, n) in self.activities.iter_mut().zip(counts) {
            *total += n;
        }
    }

    /// How many activities have `status`.
    pub fn activities_with(&self, status: ActivityStatus) -> usize {
        status_position(status).map_or(0, |i| self.activities[i])
    }

    fn sort_sections(&mut self) {
        self.overdue_by_section
            .sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| a.cmp(b)));
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts[status_index(status)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// How many statuses a goal can have: the length of the count arrays.
pub const STATUSES: usize = Status::ALL.len();

fn status_index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(0)
}

fn status_position(status: ActivityStatus) -> Option<usize> {
    ActivityStatus::ALL.iter().position(|s| *s == status)
}

/// Activities per status, in [`ActivityStatus::ALL`] order.
fn activity_counts(activities: &[Activity]) -> [usize; 5] {
    let mut counts = [0; 5];
    for a in activities {
        if let Some(i) = status_position(a.status) {
            counts[i] += 1;
        }
    }
    counts
}

/// How many of `activities` have a 時期 that cannot be read.
fn unreadable_periods(activities: &[Activity]) -> usize {
    activities.iter().filter(|a| a.period.is_unparsed()).count()
}

/// A goal's own activities; shared ones are counted once, at the goal that owns them.
fn own_activities(goal: &Goal) -> &[Activity] {
    &goal.activities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalPos;
    use crate::sheet;

    #[test]
    fn the_bundled_sheet_states_no_activity_status_so_none_is_overdue() {
        let plan = sheet::bundled().expect("bundled");
        let s = Summary::of(&plan, CalendarDate::new(2024, 3, 31).expect("date"));
        assert_eq!(s.overdue, 0);
        assert!(s.overdue_by_section.is_empty());
        // 52 activities, two goals sharing others' (counted once, at their owner).
        assert_eq!(s.activities, [52, 0, 0, 0, 0]);
        assert_eq!(s.activities_with(ActivityStatus::Unset), 52);
        assert_eq!(s.unreadable_periods, 0, "the bundled sheet's 時期 all read");
    }

    #[test]
    fn every_form_of_jiki_feeds_overdue_and_an_unreadable_one_is_counted() {
        use crate::model::Period;
        let mut plan = sheet::bundled().expect("bundled");
        let year = plan.fiscal_year;
        let r = GoalRef {
            initiative: plan.initiatives[0].code,
            goal: plan.initiatives[0].goals[0].number,
        };
        let first = &mut plan.initiatives[0].goals[0];
        let today = CalendarDate::new(2024, 4, 1).expect("date");
        let before = Contribution::of(r, first, &plan.thresholds, today);
        let template = first.activities[0].clone();
        first.activities = [
            "H31.3",
            "R5.12～3",
            "上半期",
            "第4四半期",
            "R6.3末",
            "通年",
            "随時",
            "平成31年5月",
            "R5.13",
            "未定",
        ]
        .iter()
        .map(|raw| Activity {
            period: Period::parse(raw, year),
            status: ActivityStatus::Todo,
            ..template.clone()
        })
        .collect();
        let after = Contribution::of(r, &plan.initiatives[0].goals[0], &plan.thresholds, today);
        let s = Summary::of(&plan, today);
        // Six dated forms ended before 1 April 2024; 随時 never ends; three cannot be read.
        assert_eq!(s.overdue, 6);
        assert_eq!(s.unreadable_periods, 3);
        // Swapping the goal's contribution counts the same.
        let mut swapped = Summary::of(&sheet::bundled().expect("bundled"), today);
        swapped.replace(&before, after.clone());
        assert_eq!(swapped, s);
        let mut back = s.clone();
        back.replace(&after, before);
        assert_eq!(back.unreadable_periods, 0);
    }

    #[test]
    fn the_bundled_sheet_at_the_end_of_its_fiscal_year() {
        let mut plan = sheet::bundled().expect("bundled");
        // As if every activity had been recorded as 未着手 (not started).
        for GoalPos {
            initiative: i,
            goal: g,
        } in plan.positions().collect::<Vec<_>>()
        {
            for a in &mut plan.initiatives[i].goals[g].activities {
                a.status = ActivityStatus::Todo;
            }
        }
        let end_of_march = CalendarDate::new(2024, 3, 31).expect("date");
        let s = Summary::of(&plan, end_of_march);
        assert_eq!(s.activities_with(ActivityStatus::Todo), 52);
        assert_eq!(s.counts, [16, 5, 4, 1, 0, 0]);
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
            [
                (1, [5, 2, 2, 0, 0, 0]),
                (2, [6, 3, 0, 1, 0, 0]),
                (3, [5, 0, 2, 0, 0, 0])
            ]
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

    #[test]
    fn swapping_one_goal_matches_summarising_again() {
        use crate::model::{MilestoneState, Value};
        use rust_decimal::Decimal;
        let mut plan = sheet::bundled().expect("bundled");
        let today = CalendarDate::new(2024, 3, 31).expect("date");
        let mut summary = Summary::of(&plan, today);
        let places: Vec<GoalPos> = plan.positions().collect();
        for (
            step,
            GoalPos {
                initiative: i,
                goal: g,
            },
        ) in places.into_iter().enumerate()
        {
            let r = GoalRef {
                initiative: plan.initiatives[i].code,
                goal: plan.initiatives[i].goals[g].number,
            };
            let before =
                Contribution::of(r, &plan.initiatives[i].goals[g], &plan.thresholds, today);
            let goal = &mut plan.initiatives[i].goals[g];
            goal.actual = match step % 3 {
                0 => Value::Number(Decimal::ZERO),
                1 => Value::None,
                _ => goal.target.clone(),
            };
            goal.milestone = goal.milestone.map(|_| MilestoneState::NotAchieved);
            for part in &mut goal.parts {
                part.actual = Some(part.target);
            }
            for (k, activity) in goal.activities.iter_mut().enumerate() {
                activity.status = ActivityStatus::ALL[(step + k) % 5];
            }
            let after = Contribution::of(r, &plan.initiatives[i].goals[g], &plan.thresholds, today);
            summary.replace(&before, after);
            assert_eq!(summary, Summary::of(&plan, today), "after changing {r}");
        }
    }
}
