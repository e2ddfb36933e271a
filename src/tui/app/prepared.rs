//! Prepared once, drawn many times: every goal's grade and the selected goal's card, computed
//! when the plan or the selection changes rather than in each frame.

use std::borrow::Cow;

use super::App;
use crate::engine::{Grade, grade};
use crate::model::GoalPos;
use crate::model::{CalendarDate, Goal, Initiative, Plan};
use crate::report::card::Card;
use crate::report::summary::Summary;
use crate::store::History;

/// What the views read instead of computing.
#[derive(Default)]
pub struct Prepared {
    /// Each goal's grade, by initiative then goal, as the plan lists them.
    grades: Vec<Vec<Grade>>,
    /// The card of the selected goal, and which goal it is.
    card: Option<(GoalPos, Card)>,
    /// The plan changed since the card was made.
    card_stale: bool,
    /// Each goal's earlier fiscal years, read when a plan is opened or read again.
    history: History,
}

impl Prepared {
    /// Every goal graded anew (after a load or a reload).
    pub(super) fn regrade_all(&mut self, plan: &Plan) {
        self.grades = plan
            .initiatives
            .iter()
            .map(|ini| {
                ini.goals
                    .iter()
                    .map(|g| grade(g, &plan.thresholds))
                    .collect()
            })
            .collect();
        self.card_stale = true;
    }

    /// The plan's summary from the grades held (after [`Self::regrade_all`]).
    pub(super) fn summary(&self, plan: &Plan, today: CalendarDate) -> Summary {
        let mut held = self.grades.iter().flatten();
        Summary::of_graded(plan, today, |goal| match held.next() {
            Some(g) => Cow::Borrowed(g),
            None => Cow::Owned(grade(goal, &plan.thresholds)),
        })
    }

    /// One goal graded anew (after an edit to it).
    pub(super) fn regrade(&mut self, plan: &Plan, at: GoalPos) {
        let fresh = at.goal_in(plan).map(|g| grade(g, &plan.thresholds));
        match (
            fresh,
            self.grades
                .get_mut(at.initiative)
                .and_then(|gs| gs.get_mut(at.goal)),
        ) {
            (Some(fresh), Some(slot)) => *slot = fresh,
            _ => self.regrade_all(plan),
        }
        self.card_stale = true;
    }
}

impl App {
    /// Each goal's earlier fiscal years in the open plan (none for a plan's first year).
    pub fn history(&self) -> &History {
        &self.prepared.history
    }

    /// Reads the open plan's earlier years again (after the plan was opened or read again).
    /// Without them the screens lose a column, not their use: a failed read shows none.
    pub(super) fn read_history(&mut self) {
        self.prepared.history = self.store.history(&self.plan).unwrap_or_default();
        self.prepared.card_stale = true;
    }

    /// A goal's card with its earlier years.
    fn card_of(&self, ini: &Initiative, goal: &Goal) -> Card {
        Card::of(&self.plan, ini, goal, self.today).with_years(
            self.prepared.history.of(goal),
            &goal.actual,
            self.plan.fiscal_year,
        )
    }

    /// The grade of the goal at `at`, as prepared (computed when the cache lacks it).
    pub fn grade(&self, at: GoalPos) -> Option<Cow<'_, Grade>> {
        let cached = self
            .prepared
            .grades
            .get(at.initiative)
            .and_then(|gs| gs.get(at.goal));
        match cached {
            Some(g) => Some(Cow::Borrowed(g)),
            None => Some(Cow::Owned(grade(
                at.goal_in(&self.plan)?,
                &self.plan.thresholds,
            ))),
        }
    }

    /// The selected goal's card, as prepared (made now when the selection moved without the
    /// app knowing, e.g. a test moving the tree directly).
    pub fn selected_card(&self) -> Option<Cow<'_, Card>> {
        let at = self.tree.selected_goal()?;
        match &self.prepared.card {
            Some((cached, card)) if *cached == at && !self.prepared.card_stale => {
                Some(Cow::Borrowed(card))
            }
            _ => {
                let (ini, goal) = at.find_in(&self.plan)?;
                Some(Cow::Owned(self.card_of(ini, goal)))
            }
        }
    }

    /// Makes the selected goal's card again when the selection or the plan changed; called at
    /// the end of each event, so a frame only reads it.
    pub(super) fn prepare_card(&mut self) {
        let at = self.tree.selected_goal();
        let current = self.prepared.card.as_ref().map(|(p, _)| *p);
        if current == at && !self.prepared.card_stale {
            return;
        }
        self.prepared.card_stale = false;
        self.prepared.card = at.and_then(|at| {
            let (ini, goal) = at.find_in(&self.plan)?;
            Some((at, self.card_of(ini, goal)))
        });
    }
}
