//! A plan carried into the next fiscal year (issue 15 §2): the same initiatives, goals and
//! activities with last year's results as the new baselines, actuals and statuses cleared, and
//! each dated 時期 moved a year in its own style. Plain data: the store writes it.

use super::GoalRef;
use super::date::FiscalYear;
use super::period::{Period, Shift, shift_one_year};
use super::plan::{ActivityStatus, Figure, FormulaKind, Plan, Value};
use super::uid::Uid;

pub mod checks;
pub use checks::Check;

/// The next year's plan and what changed on the way, for the preview.
#[derive(Debug, Clone)]
pub struct Rollover {
    /// The new plan, without ids or uids (the store draws them).
    pub plan: Plan,
    /// Per goal, in the sheet's order.
    pub goals: Vec<GoalRolled>,
}

/// What a goal's 基準値 becomes in the new year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BaselineChoice {
    /// Last year's actual, when there is one to carry (the decision's default).
    #[default]
    Actual,
    /// The baseline as it was.
    Keep,
    /// No baseline.
    Clear,
}

/// The baseline chosen for every goal, and for some goals one of their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baselines {
    pub all: BaselineChoice,
    /// Goals chosen one by one; a later choice for the same goal wins.
    pub goals: Vec<(GoalRef, BaselineChoice)>,
}

impl Baselines {
    /// The choice for `goal`.
    pub fn of(&self, goal: GoalRef) -> BaselineChoice {
        self.goals
            .iter()
            .rev()
            .find(|(g, _)| *g == goal)
            .map_or(self.all, |(_, choice)| *choice)
    }
}

/// What rolling over did to one goal.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRolled {
    pub goal: GoalRef,
    pub formula: FormulaKind,
    /// The baseline chosen for it.
    pub choice: BaselineChoice,
    /// 基準値 before and after (equal when the goal had no actual to carry).
    pub baseline: (Value, Value),
    /// The actual cleared (none when there was none).
    pub actual: Value,
    /// Composite parts whose actual was cleared.
    pub parts_cleared: usize,
    /// Each activity's 時期, by its 1-based number.
    pub periods: Vec<(usize, String, Shift)>,
    /// What the coordinator should look at before writing it.
    pub checks: Vec<Check>,
}

impl Rollover {
    /// 時期 moved a year.
    pub fn moved(&self) -> usize {
        self.shifts()
            .filter(|s| matches!(s, Shift::Moved(_)))
            .count()
    }

    /// 時期 left as written because they cannot be read.
    pub fn unreadable(&self) -> usize {
        self.shifts()
            .filter(|s| matches!(s, Shift::Unreadable(_)))
            .count()
    }

    /// Goals whose baseline changed.
    pub fn new_baselines(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.baseline.0 != g.baseline.1)
            .count()
    }

    fn shifts(&self) -> impl Iterator<Item = &Shift> {
        self.goals
            .iter()
            .flat_map(|g| g.periods.iter().map(|(_, _, s)| s))
    }
}

/// The slug of the next year's plan: a trailing `-r5` (the plan's 令和 year) or `-2023` moves
/// a year (`ibusuki-dx-r5` → `ibusuki-dx-r6`); any other slug gets the new year's `-r6`.
pub fn next_slug(slug: &str, from: FiscalYear) -> String {
    let to = FiscalYear(from.0 + 1);
    for (old, new) in [
        (format!("-r{}", from.reiwa()), format!("-r{}", to.reiwa())),
        (format!("-{}", from.0), format!("-{}", to.0)),
    ] {
        if let Some(stem) = slug.strip_suffix(&old) {
            return format!("{stem}{new}");
        }
    }
    format!("{slug}-r{}", to.reiwa())
}

/// `plan` carried one fiscal year on, as `slug`, each actual the new baseline.
pub fn roll_over(plan: &Plan, slug: String) -> Rollover {
    roll_over_choosing(plan, slug, &Baselines::default())
}

/// `plan` carried one fiscal year on, as `slug`, each goal's baseline as `baselines` chose.
pub fn roll_over_choosing(plan: &Plan, slug: String, baselines: &Baselines) -> Rollover {
    let from = plan.fiscal_year;
    let mut next = plan.clone();
    next.uid = Uid::NONE;
    // The store links the new year to this one itself.
    next.links = super::lineage::YearLinks::default();
    next.slug = slug;
    next.fiscal_year = FiscalYear(from.0 + 1);
    let mut goals = Vec::new();
    for ini in &mut next.initiatives {
        ini.uid = Uid::NONE;
        let code = ini.code;
        for g in &mut ini.goals {
            g.uid = Uid::NONE;
            let old_baseline = g.baseline.clone();
            let actual = std::mem::take(&mut g.actual);
            let choice = baselines.of(GoalRef {
                initiative: code,
                goal: g.number,
            });
            let carries = choice == BaselineChoice::Actual
                && !matches!(g.formula, FormulaKind::Composite)
                && !actual.is_none();
            if choice == BaselineChoice::Clear {
                g.baseline = Value::None;
                g.derivations.retain(|d| d.figure == Figure::Target);
            } else if carries {
                g.baseline = actual.clone();
                // The actual's arithmetic is now the baseline's; last year's baseline's is gone.
                g.derivations.retain(|d| d.figure != Figure::Baseline);
                for d in &mut g.derivations {
                    if d.figure == Figure::Actual {
                        d.figure = Figure::Baseline;
                    }
                }
            } else {
                g.derivations.retain(|d| d.figure != Figure::Actual);
            }
            // A year just begun has no result: not yet reported (未入力), not 未達成.
            if g.formula == FormulaKind::Milestone {
                g.milestone = None;
            }
            let mut parts_cleared = 0;
            for p in &mut g.parts {
                p.uid = Uid::NONE;
                if p.actual.take().is_some() {
                    parts_cleared += 1;
                }
                // The breakdown (`協働推進係７回，社会教育係６回`) was last year's actual's.
                p.note.clear();
            }
            g.evaluation.clear();
            g.printed_achievement = None;
            // The page of last year's printed sheet.
            g.page = None;
            g.notes.clear();
            let mut periods = Vec::new();
            for (k, a) in g.activities.iter_mut().enumerate() {
                a.uid = Uid::NONE;
                a.status = ActivityStatus::Unset;
                let shift = shift_one_year(a.period.raw(), from);
                if let Shift::Moved(text) = &shift {
                    a.period = Period::parse(text, next.fiscal_year);
                } else {
                    a.period = Period::parse(a.period.raw(), next.fiscal_year);
                }
                if !a.period.raw().is_empty() || shift != Shift::Unchanged {
                    periods.push((k + 1, plan_raw(plan, code, g.number, k), shift));
                }
            }
            goals.push(GoalRolled {
                goal: GoalRef {
                    initiative: code,
                    goal: g.number,
                },
                formula: g.formula,
                choice,
                baseline: (old_baseline, g.baseline.clone()),
                checks: checks::checks(g, carries),
                actual,
                parts_cleared,
                periods,
            });
        }
    }
    Rollover { plan: next, goals }
}

/// The 時期 as last year's plan wrote it.
fn plan_raw(plan: &Plan, code: super::InitiativeCode, goal: u32, k: usize) -> String {
    plan.initiatives
        .iter()
        .find(|i| i.code == code)
        .and_then(|i| i.goals.iter().find(|g| g.number == goal))
        .and_then(|g| g.activities.get(k))
        .map(|a| a.period.raw().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn rolled() -> (Plan, Rollover) {
        let plan = crate::sheet::bundled().expect("the bundled sheet");
        let r = roll_over(&plan, "ibusuki-dx-r6".into());
        (plan, r)
    }

    fn goal<'a>(plan: &'a Plan, code: &str) -> &'a crate::model::Goal {
        plan.goal(code.parse().expect("code")).expect("goal").1
    }

    #[test]
    fn each_formula_carries_what_the_decisions_say() {
        let (_, r) = rolled();
        let next = &r.plan;
        assert_eq!(next.fiscal_year, FiscalYear(2024));
        assert!(next.uid.is_none());
        // Ratio: the actual is the new baseline.
        let g = goal(next, "1-ア-1");
        assert_eq!(g.baseline, Value::Number(Decimal::from(9016)));
        assert!(g.actual.is_none() && g.evaluation.is_empty() && g.notes.is_empty());
        assert!(g.uid.is_none());
        // Composite: parts' actuals cleared, the baseline as it was.
        let g = goal(next, "1-オ-1");
        assert!(!g.parts.is_empty());
        assert!(
            g.parts
                .iter()
                .all(|p| p.actual.is_none() && p.uid.is_none() && p.note.is_empty())
        );
        // Milestone: the actual's text is the baseline's, the state not yet reported.
        let g = goal(next, "2-イ-1");
        assert_eq!(g.baseline, Value::Text("令和６年度予算要求".into()));
        assert_eq!(g.milestone, None);
        assert_eq!(
            crate::engine::grade(g, &next.thresholds).status,
            crate::engine::Status::NoActual
        );
        // Every activity: 未記入, dated a year on.
        for (_, g) in next.goals() {
            for a in &g.activities {
                assert_eq!(a.status, ActivityStatus::Unset);
                for day in [a.period.start(), a.period.end()].into_iter().flatten() {
                    assert_eq!(day.fiscal_year(), FiscalYear(2024), "{}", a.period.raw());
                }
            }
        }
        assert_eq!(r.unreadable(), 0);
        assert_eq!(r.moved(), 52);
    }

    #[test]
    fn an_actuals_derivation_becomes_the_baselines() {
        let (plan, r) = rolled();
        for ((code, old), (_, new)) in plan.goals().zip(r.plan.goals()) {
            if old.actual.is_none() || old.formula == FormulaKind::Composite {
                continue;
            }
            let was = old.derivations.iter().find(|d| d.figure == Figure::Actual);
            let now = new
                .derivations
                .iter()
                .find(|d| d.figure == Figure::Baseline);
            assert_eq!(
                was.map(|d| &d.expression),
                now.map(|d| &d.expression),
                "{code}"
            );
            assert!(new.derivations.iter().all(|d| d.figure != Figure::Actual));
        }
    }

    #[test]
    fn a_goal_keeps_or_clears_its_baseline_when_chosen_and_the_rest_follow_the_default() {
        let plan = crate::sheet::bundled().expect("the bundled sheet");
        let code = |c: &str| -> GoalRef { c.parse().expect("code") };
        let baselines = Baselines {
            all: BaselineChoice::Keep,
            goals: vec![
                (code("1-ア-1"), BaselineChoice::Clear),
                (code("1-ア-2"), BaselineChoice::Clear),
                (code("1-ア-2"), BaselineChoice::Actual),
            ],
        };
        let r = roll_over_choosing(&plan, "r6".into(), &baselines);
        let g = goal(&r.plan, "1-ア-1");
        assert!(g.baseline.is_none() && g.actual.is_none());
        assert!(g.derivations.iter().all(|d| d.figure == Figure::Target));
        // The later choice for a goal wins: its actual is carried.
        let was = goal(&plan, "1-ア-2");
        assert_eq!(goal(&r.plan, "1-ア-2").baseline, was.actual);
        // Every other goal keeps its baseline; its actual is cleared all the same.
        let was = goal(&plan, "1-ウ-1");
        let now = goal(&r.plan, "1-ウ-1");
        assert_eq!(now.baseline, was.baseline);
        assert!(now.actual.is_none());
        assert!(now.derivations.iter().all(|d| d.figure != Figure::Actual));
        let chosen: Vec<BaselineChoice> = r.goals.iter().take(3).map(|g| g.choice).collect();
        assert_eq!(
            chosen,
            [
                BaselineChoice::Clear,
                BaselineChoice::Actual,
                BaselineChoice::Keep
            ]
        );
        // The default is last year's actual.
        assert_eq!(
            Baselines::default().of(code("1-ア-1")),
            BaselineChoice::Actual
        );
    }

    #[test]
    fn the_slug_moves_its_year() {
        let r5 = FiscalYear(2023);
        assert_eq!(next_slug("ibusuki-dx-r5", r5), "ibusuki-dx-r6");
        assert_eq!(next_slug("dx-2023", r5), "dx-2024");
        assert_eq!(next_slug("dx", r5), "dx-r6");
    }
}
