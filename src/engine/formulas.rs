//! The formula kinds applied to a goal's figures: ratio, lower-is-better, from a baseline,
//! composite (the mean of its parts), milestone; and the shortfall in the goal's unit.

use rust_decimal::Decimal;

use super::fraction::Fraction;
use super::worked::{Formula, g, nonzero};
use super::{Grade, NotComputable, Outcome, Status};
use crate::model::{Direction, FormulaKind, Goal, Grouped, MilestoneState, Value};
use crate::strings::strings;

/// A milestone's grade: achieved 100, not achieved 0, not graded ー.
pub(super) fn milestone(state: Option<MilestoneState>, explain: bool) -> (Grade, Option<String>) {
    let (outcome, status, calculation): (_, _, std::borrow::Cow<str>) = match state {
        Some(MilestoneState::Achieved) => (
            Outcome::Rate(Decimal::ONE_HUNDRED),
            Status::Achieved,
            strings().errors.calculation.achieved.into(),
        ),
        Some(MilestoneState::NotAchieved) => (
            Outcome::Rate(Decimal::ZERO),
            Status::Shortfall,
            strings().errors.calculation.not_achieved.into(),
        ),
        Some(MilestoneState::NotGraded) => (
            Outcome::NotGraded,
            Status::NotGraded,
            strings().errors.calculation.not_graded.into(),
        ),
        None => {
            let reason = NotComputable::MilestoneUnset;
            let text = reason.to_string().into();
            (Outcome::NotComputable(reason), Status::NoActual, text)
        }
    };
    let grade = Grade {
        outcome,
        status,
        shortfall: None,
    };
    (grade, explain.then(|| calculation.into_owned()))
}

/// The numeric value of a 基準値/目標値/実績値, or why it cannot be used.
fn number(
    value: &Value,
    field: &'static str,
    missing: NotComputable,
) -> Result<Fraction, NotComputable> {
    match value {
        Value::Number(n) => Ok(Fraction::from_decimal(*n)),
        Value::Text(text) => Err(NotComputable::Text {
            field,
            text: text.clone(),
        }),
        Value::None => Err(missing),
    }
}

/// Applies a single-value formula to (actual, target, baseline-if-numeric).
pub(super) fn single(
    goal: &Goal,
    formula: impl Fn(Fraction, Fraction, Option<Fraction>) -> Result<Formula<'static>, NotComputable>,
) -> Result<Formula<'static>, NotComputable> {
    let target = number(
        &goal.target,
        strings().errors.calculation.target,
        NotComputable::MissingTarget,
    )?;
    let actual = number(
        &goal.actual,
        strings().errors.calculation.actual,
        NotComputable::MissingActual,
    )?;
    let baseline = match &goal.baseline {
        Value::None => None,
        other => Some(number(
            other,
            strings().errors.calculation.baseline,
            NotComputable::MissingBaseline,
        )?),
    };
    formula(actual, target, baseline)
}

/// Progress from the baseline towards the target. For a lower-is-better goal the same ratio is
/// written with the baseline first, so both parts of the fraction read as reductions.
pub(super) fn from_baseline(
    base: Fraction,
    actual: Fraction,
    target: Fraction,
    lower: bool,
) -> Result<Formula<'static>, NotComputable> {
    let (progress, planned) = if lower {
        (base.sub(actual)?, base.sub(target)?)
    } else {
        (actual.sub(base)?, target.sub(base)?)
    };
    let text: Box<dyn Fn() -> String> = if lower {
        Box::new(move || {
            format!(
                "({} - {}) ÷ ({} - {}) × 100",
                g(base),
                g(actual),
                g(base),
                g(target)
            )
        })
    } else {
        Box::new(move || {
            format!(
                "({} - {}) ÷ ({} - {}) × 100",
                g(actual),
                g(base),
                g(target),
                g(base)
            )
        })
    };
    nonzero(planned, NotComputable::TargetEqualsBaseline)?;
    Ok(Formula {
        fraction: progress.mul(Fraction::HUNDRED)?.div(planned)?,
        text,
    })
}

/// The mean of the parts' ratios, × 100: `(13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100`.
pub(super) fn composite(goal: &Goal) -> Result<Formula<'_>, NotComputable> {
    if goal.parts.is_empty() {
        return Err(NotComputable::NoParts);
    }
    let mut sum = Fraction::ZERO;
    for part in &goal.parts {
        let target = Fraction::from_decimal(part.target);
        nonzero(target, NotComputable::PartZeroTarget(part.label.clone()))?;
        let actual = part
            .actual
            .ok_or_else(|| NotComputable::PartMissingActual(part.label.clone()))?;
        let actual = Fraction::from_decimal(actual);
        sum = sum.add(actual.div(target)?)?;
    }
    let count = Fraction::from_decimal(Decimal::from(goal.parts.len()));
    let text = move || {
        // Every part has an actual here: a missing one returned early above.
        let terms: Vec<String> = goal
            .parts
            .iter()
            .map(|p| {
                let actual = p
                    .actual
                    .map_or_else(|| "?".to_string(), |a| Grouped(&a).to_string());
                format!("{actual} ÷ {}", Grouped(&p.target))
            })
            .collect();
        if terms.len() == 1 {
            format!("{} × 100", terms[0])
        } else {
            format!("({}) ÷ {} × 100", terms.join(" + "), terms.len())
        }
    };
    Ok(Formula {
        fraction: sum.div(count)?.mul(Fraction::HUNDRED)?,
        text: Box::new(text),
    })
}

/// How far the actual is from the target when it falls short, in the goal's unit.
pub(super) fn shortfall(goal: &Goal) -> Option<Decimal> {
    let (actual, target) = (goal.actual.number()?, goal.target.number()?);
    let gap = match (goal.formula, goal.direction) {
        (FormulaKind::Composite | FormulaKind::Milestone, _) => return None,
        (FormulaKind::LowerIsBetter, _) | (_, Direction::Lower) => actual.checked_sub(target)?,
        (_, Direction::Higher) => target.checked_sub(actual)?,
    };
    (gap > Decimal::ZERO).then_some(gap)
}
