//! Review mode (評価会議): the agenda of goals a meeting walks through, where it is, and its
//! clocks. Plain data; the view draws it and `App` routes keys to it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::action::Action;
use super::command::Command;
use super::editor::Editor;
use super::fields::Field;
use crate::engine::{Status, grade};
use crate::model::GoalPos;
use crate::model::{CalendarDate, GoalRef, Plan};
use crate::strings::strings;

/// The order of the agenda, cycled with `o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaOrder {
    /// All goals as the sheet lists them.
    Sheet,
    /// 未達成 first (worst first), then 概ね達成, then the rest, each in sheet order.
    ShortfallsFirst,
    /// One policy area ⑴ ⑵ ⑶, in sheet order.
    Area(u8),
}

impl AgendaOrder {
    pub fn label(self) -> String {
        let words = &strings().tui.review;
        match self {
            AgendaOrder::Sheet => words.sheet_order.to_string(),
            AgendaOrder::ShortfallsFirst => words.shortfalls_first.to_string(),
            AgendaOrder::Area(n) => (words.area_only)(n),
        }
    }

    /// The next order: sheet → shortfalls first → each area → sheet.
    pub fn next(self, areas: &[u8]) -> AgendaOrder {
        match self {
            AgendaOrder::Sheet => AgendaOrder::ShortfallsFirst,
            AgendaOrder::ShortfallsFirst => areas
                .first()
                .map_or(AgendaOrder::Sheet, |a| AgendaOrder::Area(*a)),
            AgendaOrder::Area(n) => {
                let next = areas
                    .iter()
                    .position(|a| *a == n)
                    .and_then(|i| areas.get(i + 1));
                next.map_or(AgendaOrder::Sheet, |a| AgendaOrder::Area(*a))
            }
        }
    }
}

/// The goals of the agenda, in the order the meeting takes them.
pub fn agenda(plan: &Plan, order: AgendaOrder) -> Vec<GoalPos> {
    let all = plan.positions();
    match order {
        AgendaOrder::Sheet => all.collect(),
        AgendaOrder::Area(n) => all
            .filter(|at| at.initiative_in(plan).is_some_and(|ini| ini.code.area == n))
            .collect(),
        AgendaOrder::ShortfallsFirst => {
            let mut items: Vec<(GoalPos, u8, Option<rust_decimal::Decimal>)> = all
                .filter_map(|at| {
                    let e = grade(at.goal_in(plan)?, &plan.thresholds);
                    let rank = match e.status {
                        Status::Shortfall => 0,
                        Status::Near => 1,
                        Status::NotComputable | Status::NoActual => 2,
                        Status::NotGraded => 3,
                        Status::Achieved => 4,
                    };
                    Some((at, rank, e.rate()))
                })
                .collect();
            // Worst first within shortfalls and near; a stable sort keeps sheet order on ties.
            items.sort_by(|a, b| {
                a.1.cmp(&b.1).then_with(|| {
                    if a.1 <= 1 {
                        a.2.cmp(&b.2)
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
            });
            items.into_iter().map(|(p, _, _)| p).collect()
        }
    }
}

/// A meeting in progress.
#[derive(Debug, Clone)]
pub struct Review {
    pub order: AgendaOrder,
    pub agenda: Vec<GoalPos>,
    pub index: usize,
    /// Show the whole 積算方法 (`m`).
    pub show_method: bool,
    /// The meeting's date: notes are filed under it.
    pub date: CalendarDate,
    pub meeting_elapsed: Duration,
    pub item_elapsed: Duration,
    last_tick: Option<Instant>,
}

impl Review {
    /// A meeting on `date` over the whole plan in sheet order, starting at `start` if given.
    pub fn new(plan: &Plan, date: CalendarDate, start: Option<GoalPos>) -> Self {
        let agenda = agenda(plan, AgendaOrder::Sheet);
        let index = start
            .and_then(|s| agenda.iter().position(|p| *p == s))
            .unwrap_or(0);
        Review {
            order: AgendaOrder::Sheet,
            agenda,
            index,
            show_method: false,
            date,
            meeting_elapsed: Duration::ZERO,
            item_elapsed: Duration::ZERO,
            last_tick: None,
        }
    }

    /// The goal on screen.
    pub fn current(&self) -> Option<GoalPos> {
        self.agenda.get(self.index).copied()
    }

    /// Moves through the agenda; a new item starts its own clock.
    pub fn step(&mut self, forward: bool) {
        self.go_to(if forward {
            self.index + 1
        } else {
            self.index.saturating_sub(1)
        });
    }

    /// Goes to agenda item `index` (from 0), or the last one.
    pub fn go_to(&mut self, index: usize) {
        let next = index.min(self.agenda.len().saturating_sub(1));
        if next != self.index {
            self.index = next;
            self.item_elapsed = Duration::ZERO;
            self.show_method = false;
        }
    }

    /// Re-orders the agenda. The goal on screen stays on screen when the new agenda has it (the
    /// meeting is discussing it); otherwise the agenda starts from its top.
    pub fn reorder(&mut self, plan: &Plan, order: AgendaOrder) {
        let current = self.current();
        self.order = order;
        self.agenda = agenda(plan, order);
        match current.and_then(|c| self.agenda.iter().position(|p| *p == c)) {
            Some(index) => self.index = index,
            None => {
                self.index = 0;
                self.item_elapsed = Duration::ZERO;
                self.show_method = false;
            }
        }
    }

    /// After a reload from `old` to `plan`: a place is valid for one load, so each agenda item
    /// is found again by its reference, in the meeting's order; goals the file no longer has
    /// leave the agenda. The goal on screen stays on screen when it is still there; otherwise
    /// the item that took its place is (a new item, with its own clock).
    pub fn relocate(&mut self, old: &Plan, plan: &Plan) {
        let places: HashMap<GoalRef, GoalPos> = plan
            .positions()
            .filter_map(|at| Some((at.goal_ref(plan)?, at)))
            .collect();
        let mut agenda = Vec::with_capacity(self.agenda.len());
        // The new index of the first item still there from the one on screen on, and whether
        // it is that one.
        let mut on_screen = None;
        for (n, at) in self.agenda.iter().enumerate() {
            let Some(&new) = at.goal_ref(old).and_then(|r| places.get(&r)) else {
                continue;
            };
            if n >= self.index && on_screen.is_none() {
                on_screen = Some((agenda.len(), n == self.index));
            }
            agenda.push(new);
        }
        self.agenda = agenda;
        match on_screen {
            Some((index, true)) => self.index = index,
            other => {
                self.index = other.map_or(self.agenda.len().saturating_sub(1), |(i, _)| i);
                self.item_elapsed = Duration::ZERO;
                self.show_method = false;
            }
        }
    }

    /// A key during the meeting. `None` when the key is not the meeting's (the app's keys
    /// work in a meeting too).
    pub fn handle(&mut self, action: Action, plan: &Plan) -> Option<Command> {
        let follow = |review: &Review| review.current().map_or(Command::None, Command::Select);
        Some(match action {
            Action::Top | Action::Bottom => {
                self.go_to(if action == Action::Top { 0 } else { usize::MAX });
                follow(self)
            }
            Action::NextItem | Action::PrevItem => {
                self.step(action == Action::NextItem);
                follow(self)
            }
            Action::Method => {
                self.show_method = !self.show_method;
                Command::None
            }
            Action::CycleAgenda => {
                let areas: Vec<u8> = plan.areas.iter().map(|a| a.number).collect();
                let order = self.order.next(&areas);
                self.reorder(plan, order);
                Command::say((strings().tui.messages.agenda)(
                    &order.label(),
                    self.agenda.len(),
                ))
            }
            Action::Note(field) => {
                let field = Field::Note(field, self.date);
                let opened = self
                    .current()
                    .and_then(|at| Editor::open(at.goal_in(plan)?, at, field));
                opened.map_or(Command::None, |editor| Command::Open(Box::new(editor)))
            }
            _ => return None,
        })
    }

    /// Advances the clocks to `now`.
    pub fn tick(&mut self, now: Instant) {
        if let Some(last) = self.last_tick {
            let delta = now.saturating_duration_since(last);
            self.meeting_elapsed += delta;
            self.item_elapsed += delta;
        }
        self.last_tick = Some(now);
    }
}

/// `01:02:03`
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    fn codes(plan: &Plan, items: &[GoalPos]) -> Vec<String> {
        items
            .iter()
            .filter_map(|at| at.goal_ref(plan))
            .map(|r| format!("{}-{}", r.initiative, r.goal))
            .collect()
    }

    #[test]
    fn shortfalls_first_puts_the_worst_at_the_top() {
        let plan = sheet::bundled().expect("bundled");
        let items = agenda(&plan, AgendaOrder::ShortfallsFirst);
        assert_eq!(items.len(), 26);
        let head = codes(&plan, &items[..9]);
        assert_eq!(
            head,
            [
                "⑶-ウ-2",
                "⑴-オ-4",
                "⑴-ア-3",
                "⑶-エ-1",
                "⑵-イ-6",
                "⑵-イ-5",
                "⑵-イ-7",
                "⑴-ア-1",
                "⑴-ウ-1"
            ],
            "four shortfalls worst first, then the five near ones worst first"
        );
        assert_eq!(
            codes(&plan, &items[9..10]),
            ["⑵-イ-3"],
            "then the ungraded goal"
        );
    }

    #[test]
    fn an_area_agenda_and_cycling_orders() {
        let plan = sheet::bundled().expect("bundled");
        assert_eq!(agenda(&plan, AgendaOrder::Area(3)).len(), 7);
        let areas = [1, 2, 3];
        let mut order = AgendaOrder::Sheet;
        let mut seen = vec![];
        for _ in 0..6 {
            seen.push(order.label());
            order = order.next(&areas);
        }
        assert_eq!(
            seen,
            [
                "sheet order",
                "未達成 first",
                "area (1) only",
                "area (2) only",
                "area (3) only",
                "sheet order"
            ]
        );
    }

    #[test]
    fn stepping_keeps_within_the_agenda_and_restarts_the_item_clock() {
        let plan = sheet::bundled().expect("bundled");
        let date = CalendarDate::new(2026, 11, 24).expect("date");
        let mut review = Review::new(&plan, date, None);
        let t0 = Instant::now();
        review.tick(t0);
        review.tick(t0 + Duration::from_secs(75));
        assert_eq!(
            (clock(review.meeting_elapsed), clock(review.item_elapsed)),
            ("00:01:15".into(), "00:01:15".into())
        );
        review.step(false);
        assert_eq!(review.index, 0, "no item before the first");
        review.step(true);
        assert_eq!((review.index, review.item_elapsed), (1, Duration::ZERO));
        assert_eq!(
            clock(review.meeting_elapsed),
            "00:01:15",
            "the meeting clock runs on"
        );
        let code = |review: &Review| {
            review
                .current()
                .and_then(|at| at.goal_ref(&plan))
                .map(|r| format!("{}-{}", r.initiative, r.goal))
        };
        let on_screen = code(&review);
        review.reorder(&plan, AgendaOrder::ShortfallsFirst);
        assert_eq!(
            code(&review),
            on_screen,
            "a new order keeps the goal on screen"
        );
        assert_eq!(
            review.index, 10,
            "⑴-ア-2 (176) comes after 4 未達成, 5 概ね and 1 ー"
        );
        review.reorder(&plan, AgendaOrder::Area(3));
        assert!(matches!(
            review.handle(Action::Top, &plan),
            Some(Command::Select(at)) if Some(at) == review.current()
        ));
        assert!(
            review.handle(Action::Edit, &plan).is_none(),
            "Enter is the app's"
        );
        assert_eq!(
            code(&review).as_deref(),
            Some("⑶-ア-1"),
            "an agenda without it starts at its top"
        );
    }
}
