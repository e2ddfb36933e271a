//! The worked calculation: a formula's exact result rounded once to the goal's precision, and
//! the text a clerk reads aloud (`9,016 ÷ 10,000 × 100 = 90.16 → 90`); also the sheet's own
//! arithmetic (`3,609 × 3分 ÷ 60`), worked out the same way.

use rust_decimal::Decimal;

use super::NotComputable;
use super::fraction::Fraction;
use crate::model::Grouped;
use crate::model::expression::{Expression, Node, Op};

/// A figure worked out from the sheet's arithmetic, rounded half away from zero to `precision`:
/// `3,609 × 3分 ÷ 60 = 180.45 → 180.5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worked {
    pub value: Decimal,
    pub text: String,
}

/// Works out a sheet's arithmetic exactly and rounds it once to `precision`.
pub fn work_out(expression: &Expression, precision: u32) -> Result<Worked, NotComputable> {
    let fraction = exact(expression.tree())?;
    let formula = Formula {
        fraction,
        text: Box::new(|| expression.text().to_string()),
    };
    let (value, text) = rounded(&formula, precision, true)?;
    Ok(Worked {
        value,
        text: text.unwrap_or_default(),
    })
}

/// The exact value of an arithmetic tree; a percent counts as a hundredth.
fn exact(node: &Node) -> Result<Fraction, NotComputable> {
    match node {
        Node::Number { value, unit } => {
            let f = Fraction::from_decimal(*value);
            if Node::is_percent(unit) {
                f.div(Fraction::HUNDRED)
            } else {
                Ok(f)
            }
        }
        Node::Binary { op, left, right } => {
            let (l, r) = (exact(left)?, exact(right)?);
            match op {
                Op::Add => l.add(r),
                Op::Sub => l.sub(r),
                Op::Mul => l.mul(r),
                Op::Div if r.is_zero() => Err(NotComputable::DivisionByZero),
                Op::Div => l.div(r),
            }
        }
    }
}

/// A formula applied to exact inputs, before rounding. Its text is written only when shown.
pub(super) struct Formula<'a> {
    pub(super) fraction: Fraction,
    pub(super) text: Box<dyn Fn() -> String + 'a>,
}

/// An input as the sheet writes it (`9,016`).
pub(super) fn g(f: Fraction) -> String {
    f.source
        .map_or_else(|| "?".to_string(), |d| Grouped(&d).to_string())
}

/// `reason` when `f` is zero: a division the formula cannot make.
pub(super) fn nonzero(f: Fraction, reason: NotComputable) -> Result<(), NotComputable> {
    if f.is_zero() { Err(reason) } else { Ok(()) }
}

/// Rounds a formula's result and, when `explain` asks, writes the worked calculation: the exact
/// value shown to two more decimals than the rate, then `→` the rate when rounding changed it.
pub(super) fn rounded(
    formula: &Formula,
    precision: u32,
    explain: bool,
) -> Result<(Decimal, Option<String>), NotComputable> {
    let rate = formula
        .fraction
        .round(precision)
        .ok_or(NotComputable::TooLarge)?;
    if !explain {
        return Ok((rate, None));
    }
    let text = (formula.text)();
    let shown = formula
        .fraction
        .round(precision + 2)
        .ok_or(NotComputable::TooLarge)?
        .normalize();
    let text = if shown == rate {
        format!("{text} = {}", Grouped(&rate))
    } else {
        format!("{text} = {} → {}", Grouped(&shown), Grouped(&rate))
    };
    Ok((rate, Some(text)))
}
