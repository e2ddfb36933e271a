//! A goal's 達成度 as an Excel formula, so a clerk who changes an actual in Excel sees it
//! recompute; and Excel's own arithmetic, to write a formula only where Excel gives tassei's
//! figure.
//!
//! Formulas divide once, at the end: `ROUND(E5*100/D5,0)`, never `E5/D5*100`. The products
//! of the figures a sheet holds are exact in a double, so the one division is the only
//! rounding before `ROUND`: a composite goal written as one fraction (⑴-オ-1:
//! `(E7*D8+E8*D7)*100/(D7*D8*2)`) gives exactly 327.5, and `ROUND` makes it 328 as tassei does.
//!
//! Rounding: tassei rounds once, half away from zero (四捨五入 on the magnitude: -2.5 → -3),
//! and so does Excel's `ROUND` (`ROUND(-2.5,0)` is -3): the two agree for negative rates too.
//! Excel rounds the double it holds, read to 15 significant digits (`ROUND(2.675,2)` is 2.68
//! although the double is 2.67499…); [`excel_round`] does the same. Where a double still lands
//! on the other side of a half than the exact value (a precision of 1 or more, digits that are
//! not exact in binary), [`Formula::agrees`] is false and the layout writes tassei's value
//! without a formula.

use std::fmt::{self, Write};

use rust_decimal::{Decimal, RoundingStrategy};

use super::words;
use crate::model::{FormulaKind, Thresholds};

/// A cell the formula reads, and the double it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ref {
    pub col: u16,
    /// The row, from 0.
    pub row: u32,
    pub value: f64,
}

/// Arithmetic over cells and constants.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Cell(Ref),
    Const(u64),
    Op(Op, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }

    fn symbol(self) -> char {
        match self {
            Op::Add => '+',
            Op::Sub => '-',
            Op::Mul => '*',
            Op::Div => '/',
        }
    }
}

fn op(op: Op, l: Expr, r: Expr) -> Expr {
    Expr::Op(op, Box::new(l), Box::new(r))
}

impl Expr {
    /// The double Excel computes, operation by operation as it evaluates the formula.
    pub fn excel(&self) -> f64 {
        match self {
            Expr::Cell(r) => r.value,
            Expr::Const(c) => *c as f64,
            Expr::Op(o, l, r) => {
                let (l, r) = (l.excel(), r.excel());
                match o {
                    Op::Add => l + r,
                    Op::Sub => l - r,
                    Op::Mul => l * r,
                    Op::Div => l / r,
                }
            }
        }
    }

    /// Writes the formula in A1 notation, with only the parentheses it needs.
    fn write(&self, out: &mut String, outer: u8, right_of_same: bool) -> fmt::Result {
        match self {
            Expr::Cell(r) => write!(out, "{}{}", column_name(r.col), r.row + 1),
            Expr::Const(c) => write!(out, "{c}"),
            Expr::Op(o, l, r) => {
                let p = o.precedence();
                let parens = p < outer || (p == outer && right_of_same);
                if parens {
                    out.push('(');
                }
                l.write(out, p, false)?;
                out.push(o.symbol());
                // a-(b-c), a/(b*c): the right side of - and / keeps its parentheses.
                r.write(out, p, matches!(o, Op::Sub | Op::Div))?;
                if parens {
                    out.push(')');
                }
                Ok(())
            }
        }
    }
}

/// A column's letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

/// `ROUND(expr,digits)`: a 達成度 formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub expr: Expr,
    pub digits: u32,
}

impl Formula {
    /// The formula's text, without `=`.
    pub fn text(&self) -> String {
        let mut out = String::from("ROUND(");
        // Writing to a String cannot fail.
        let _ = self.expr.write(&mut out, 0, false);
        let _ = write!(out, ",{})", self.digits);
        out
    }

    /// What Excel shows for it.
    pub fn excel(&self) -> Option<Decimal> {
        excel_round(self.expr.excel(), self.digits)
    }

    /// Whether Excel computes `rate`, tassei's figure, from it.
    pub fn agrees(&self, rate: Decimal) -> bool {
        self.excel() == Some(rate)
    }
}

/// Excel's `ROUND(x, digits)`: the double read to 15 significant digits, then rounded half
/// away from zero. `None` for what is not a finite number (a division by zero is `#DIV/0!`).
pub fn excel_round(x: f64, digits: u32) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    let read = Decimal::from_scientific(&format!("{x:.14e}")).ok()?;
    Some(read.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero))
}

/// The cells of a goal's figures that hold numbers Excel can compute with; `None` where the
/// figure is missing, text, or kept as text past 15 digits.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub baseline: Option<Ref>,
    pub target: Option<Ref>,
    pub actual: Option<Ref>,
    /// A composite goal's parts: (target, actual).
    pub parts: Vec<(Option<Ref>, Option<Ref>)>,
    /// The baseline cell holds something (a number or text): a lower-is-better goal with a
    /// baseline is computed from it.
    pub has_baseline: bool,
}

/// The formula of a goal's 達成度, as tassei computes it, dividing once; `None` for a
/// milestone, or when a figure it needs is not a number Excel holds.
pub fn achievement(kind: FormulaKind, f: &Figures, digits: u32) -> Option<Formula> {
    let cell = |r: Option<Ref>| r.map(Expr::Cell);
    let hundred = || Expr::Const(100);
    let expr = match kind {
        FormulaKind::Milestone => return None,
        FormulaKind::Ratio => op(
            Op::Div,
            op(Op::Mul, cell(f.actual)?, hundred()),
            cell(f.target)?,
        ),
        FormulaKind::LowerIsBetter if !f.has_baseline => op(
            Op::Div,
            op(Op::Mul, cell(f.target)?, hundred()),
            cell(f.actual)?,
        ),
        FormulaKind::LowerIsBetter => {
            let (b, a, t) = (cell(f.baseline)?, cell(f.actual)?, cell(f.target)?);
            op(
                Op::Div,
                op(Op::Mul, op(Op::Sub, b.clone(), a), hundred()),
                op(Op::Sub, b, t),
            )
        }
        FormulaKind::FromBaseline => {
            let (b, a, t) = (cell(f.baseline)?, cell(f.actual)?, cell(f.target)?);
            op(
                Op::Div,
                op(Op::Mul, op(Op::Sub, a, b.clone()), hundred()),
                op(Op::Sub, t, b),
            )
        }
        FormulaKind::Composite => composite(&f.parts)?,
    };
    Some(Formula { expr, digits })
}

/// The mean of the parts' actual ÷ target, × 100, as one fraction:
/// `(a1*t2+a2*t1)*100/(t1*t2*2)`.
fn composite(parts: &[(Option<Ref>, Option<Ref>)]) -> Option<Expr> {
    let parts: Vec<(Expr, Expr)> = parts
        .iter()
        .map(|(t, a)| Some((Expr::Cell((*t)?), Expr::Cell((*a)?))))
        .collect::<Option<_>>()?;
    let product = |skip: Option<usize>| {
        parts
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .map(|(_, (t, _))| t.clone())
            .reduce(|l, r| op(Op::Mul, l, r))
    };
    let mut numerator: Option<Expr> = None;
    for (i, (_, actual)) in parts.iter().enumerate() {
        let term = match product(Some(i)) {
            Some(others) => op(Op::Mul, actual.clone(), others),
            None => actual.clone(),
        };
        numerator = Some(match numerator {
            Some(sum) => op(Op::Add, sum, term),
            None => term,
        });
    }
    let count = u64::try_from(parts.len()).ok()?;
    let mut denominator = product(None)?;
    if count > 1 {
        denominator = op(Op::Mul, denominator, Expr::Const(count));
    }
    Some(op(
        Op::Div,
        op(Op::Mul, numerator?, Expr::Const(100)),
        denominator,
    ))
}

/// The 評価 of a 達成度 cell, by the plan's bands:
/// `IF(F5>=100,"達成",IF(F5>=80,"概ね達成","未達成"))`.
pub fn status(rate: (u16, u32), thresholds: &Thresholds) -> String {
    use crate::engine::Status;
    let at = format!("{}{}", column_name(rate.0), rate.1 + 1);
    format!(
        "IF({at}>={},\"{}\",IF({at}>={},\"{}\",\"{}\"))",
        thresholds.achieved.normalize(),
        words::status_word(Status::Achieved),
        thresholds.near.normalize(),
        words::status_word(Status::Near),
        words::status_word(Status::Shortfall),
    )
}
