//! Year over year: each goal's figures in the earlier fiscal years of its plan's lineage,
//! matched by identity (the `previous_uid` chain a rollover writes), never by title. Each
//! earlier year is graded by the engine with that year's own goal and thresholds.

use std::collections::HashMap;

use rusqlite::params;

use super::codec::{Place, uid};
use super::{Store, StoreError};
use crate::engine::{Grade, grade};
use crate::model::{FiscalYear, Goal, Part, Plan, PlanId, Uid, Value};

/// One earlier year of a goal: that year's 実績値 and its grade (達成度 at that year's
/// precision, and the status band of that year's thresholds).
#[derive(Debug, Clone, PartialEq)]
pub struct PastYear {
    pub fiscal_year: FiscalYear,
    pub actual: Value,
    /// A composite goal's parts that year: its actuals are theirs (`actual` is none).
    pub parts: Vec<Part>,
    pub grade: Grade,
}

/// Every goal's earlier years in one plan, oldest first; a goal added in a later year has none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    by_goal: HashMap<Uid, Vec<PastYear>>,
}

impl History {
    /// No goal has earlier years: what a plan with no year before it (or a template) shows.
    pub fn none() -> &'static History {
        static NONE: std::sync::LazyLock<History> = std::sync::LazyLock::new(History::default);
        &NONE
    }

    /// The goal's earlier years, oldest first (empty when it has none).
    pub fn of(&self, goal: &Goal) -> &[PastYear] {
        self.by_goal.get(&goal.uid).map_or(&[], Vec::as_slice)
    }

    /// The year just before the goal's plan, when the goal was in it.
    pub fn previous(&self, goal: &Goal, year: FiscalYear) -> Option<&PastYear> {
        self.of(goal)
            .last()
            .filter(|p| p.fiscal_year.0 == year.0 - 1)
    }

    /// True when no goal has an earlier year.
    pub fn is_empty(&self) -> bool {
        self.by_goal.is_empty()
    }
}

impl Store {
    /// The earlier years of every goal of `plan` (as loaded from this file). A few queries
    /// whatever the size: the lineage's links in one, then each earlier year's goals.
    pub fn history(&self, plan: &Plan) -> Result<History, StoreError> {
        let years = self.earlier_years(plan.id)?;
        if years.is_empty() {
            return Ok(History::default());
        }
        let previous = self.previous_links(plan.id)?;
        let mut graded: HashMap<Uid, PastYear> = HashMap::new();
        for (id, _) in &years {
            let mut past = self.plan_row(*id)?;
            let (initiatives, _) = self.initiatives(*id)?;
            past.initiatives = initiatives;
            self.goals_and_details(*id, &mut past.initiatives)?;
            for (_, goal) in past.goals() {
                graded.insert(
                    goal.uid,
                    PastYear {
                        fiscal_year: past.fiscal_year,
                        actual: goal.actual.clone(),
                        parts: goal.parts.clone(),
                        grade: grade(goal, &past.thresholds),
                    },
                );
            }
        }
        let mut by_goal = HashMap::new();
        for (_, goal) in plan.goals() {
            let mut chain = Vec::new();
            let mut at = previous.get(&goal.uid);
            // A chain is as long as the lineage has years; the bound guards a looped link.
            while let Some(uid) = at.filter(|_| chain.len() < years.len()) {
                let Some(year) = graded.get(uid) else { break };
                chain.push(year.clone());
                at = previous.get(uid);
            }
            if !chain.is_empty() {
                chain.reverse();
                by_goal.insert(goal.uid, chain);
            }
        }
        Ok(History { by_goal })
    }

    /// The plans of `plan`'s lineage before its fiscal year, newest first.
    fn earlier_years(&self, plan: PlanId) -> Result<Vec<(PlanId, i32)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.fiscal_year FROM plan p, plan this
             WHERE this.id = ?1 AND p.fiscal_year < this.fiscal_year
               AND coalesce(p.lineage, p.uid) = coalesce(this.lineage, this.uid)
             ORDER BY p.fiscal_year DESC",
        )?;
        let rows = stmt.query_map(params![plan.0], |r| Ok((PlanId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Each goal's link to its row the year before, for every year of `plan`'s lineage up to
    /// its own.
    fn previous_links(&self, plan: PlanId) -> Result<HashMap<Uid, Uid>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.uid, g.previous_uid FROM goal g
             JOIN initiative i ON i.id = g.initiative_id
             JOIN plan p ON p.id = i.plan_id, plan this
             WHERE this.id = ?1 AND p.fiscal_year <= this.fiscal_year
               AND coalesce(p.lineage, p.uid) = coalesce(this.lineage, this.uid)
               AND g.previous_uid IS NOT NULL",
        )?;
        let mut rows = stmt.query(params![plan.0])?;
        let mut links = HashMap::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let own = uid(&r.get::<_, String>(1)?, Place("goal", id, "uid"))?;
            let before = uid(&r.get::<_, String>(2)?, Place("goal", id, "previous_uid"))?;
            links.insert(own, before);
        }
        Ok(links)
    }
}

#[cfg(test)]
mod tests;
