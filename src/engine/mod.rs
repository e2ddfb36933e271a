//! Achievement (達成度): the formulas, 四捨五入 rounding, status bands, and the worked
//! calculation a clerk reads aloud in a meeting. Pure: no I/O.
//!
//! Arithmetic is done on exact fractions and rounded once, half away from zero (四捨五入, like
//! Excel's ROUND), to the goal's precision. So 327.5 becomes 328 whatever the inputs' digits:
//! no intermediate rounding can push a value across a .5 boundary.
//!
//! - `verdict`: what the engine says of a goal — [`Grade`], [`Evaluation`], [`Outcome`],
//!   [`NotComputable`].
//! - `status`: the status bands ([`Status`]) and their words.
//! - `formulas`: each formula kind applied to a goal's figures, and the shortfall.
//! - `worked`: rounding once, and the worked calculation's text; [`work_out`] for the sheet.
//! - `fraction`: the exact arithmetic underneath.

mod formulas;
mod fraction;
mod status;
mod verdict;
mod worked;

pub use status::Status;
pub use verdict::{Evaluation, Grade, NotComputable, Outcome};
pub use worked::{Worked, work_out};

use formulas::{composite, from_baseline, milestone, shortfall, single};
use fraction::Fraction;
use worked::{Formula, g, nonzero, rounded};

use crate::model::{FormulaKind, Goal, Thresholds};
use crate::strings::strings;

/// The formula of a kind in words, for the method lookup.
pub fn formula_in_words(goal: &Goal) -> &'static str {
    let words = &strings().errors.calculation;
    match goal.formula {
        FormulaKind::Ratio => words.ratio,
        FormulaKind::LowerIsBetter if goal.baseline.number().is_some() => words.lower_from_baseline,
        FormulaKind::LowerIsBetter => words.lower,
        FormulaKind::FromBaseline => words.from_baseline,
        FormulaKind::Composite => words.composite,
        FormulaKind::Milestone => words.milestone,
    }
}

/// Computes a goal's achievement, status, worked calculation and shortfall.
pub fn evaluate(goal: &Goal, thresholds: &Thresholds) -> Evaluation {
    let (grade, calculation) = judge(goal, thresholds, true);
    Evaluation {
        grade,
        calculation: calculation.unwrap_or_default(),
    }
}

/// Computes a goal's achievement, status and shortfall without writing the calculation: the
/// same arithmetic as [`evaluate`], for code that grades every goal of a large plan.
pub fn grade(goal: &Goal, thresholds: &Thresholds) -> Grade {
    judge(goal, thresholds, false).0
}

/// The grade, and the worked calculation when `explain` asks for it.
fn judge(goal: &Goal, thresholds: &Thresholds, explain: bool) -> (Grade, Option<String>) {
    let computed = match goal.formula {
        FormulaKind::Milestone => return milestone(goal.milestone, explain),
        FormulaKind::Composite => composite(goal),
        FormulaKind::Ratio => single(goal, |actual, target, _| {
            nonzero(target, NotComputable::ZeroTarget)?;
            Ok(Formula {
                fraction: actual.mul(Fraction::HUNDRED)?.div(target)?,
                text: Box::new(move || format!("{} ÷ {} × 100", g(actual), g(target))),
            })
        }),
        FormulaKind::LowerIsBetter => single(goal, |actual, target, baseline| match baseline {
            Some(base) => from_baseline(base, actual, target, true),
            None => {
                nonzero(actual, NotComputable::ZeroActual)?;
                Ok(Formula {
                    fraction: target.mul(Fraction::HUNDRED)?.div(actual)?,
                    text: Box::new(move || format!("{} ÷ {} × 100", g(target), g(actual))),
                })
            }
        }),
        FormulaKind::FromBaseline => single(goal, |actual, target, baseline| {
            let base = baseline.ok_or(NotComputable::MissingBaseline)?;
            from_baseline(base, actual, target, false)
        }),
    };
    let not_computable = |reason: NotComputable| {
        // A figure still to come is not a problem with the figures: it says only what waits.
        let text = explain.then(|| match reason.status() {
            Status::NoActual => reason.to_string(),
            _ => (strings().errors.calculation.not_computable)(&reason),
        });
        let grade = Grade {
            status: reason.status(),
            outcome: Outcome::NotComputable(reason),
            shortfall: None,
        };
        (grade, text)
    };
    match computed.and_then(|formula| rounded(&formula, goal.precision, explain)) {
        Err(reason) => not_computable(reason),
        Ok((rate, calculation)) => {
            let grade = Grade {
                status: Status::of_rate(rate, thresholds),
                outcome: Outcome::Rate(rate),
                shortfall: shortfall(goal),
            };
            (grade, calculation)
        }
    }
}

#[cfg(test)]
mod tests;
