//! Achievement (達成度): the formulas, 四捨五入 rounding, status bands, and the worked
//! calculation a clerk reads aloud in a meeting. Pure: no I/O.
//!
//! Arithmetic is done on exact fractions and rounded once, half away from zero (四捨五入, like
//! Excel's ROUND), to the goal's precision. So 327.5 becomes 328 whatever the inputs' digits:
//! no intermediate rounding can push a value across a .5 boundary.

use std::fmt;

use rust_decimal::Decimal;

use crate::model::expression::{Expression, Node, Op};
use crate::model::{Direction, FormulaKind, Goal, Grouped, MilestoneState, Thresholds, Value};

/// The engine's verdict on one goal: its rate, band and shortfall. Cheap: what summaries,
/// filters and the tree compute for every goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub outcome: Outcome,
    pub status: Status,
    /// How far the actual falls short of the target, in the goal's unit; only when it does.
    pub shortfall: Option<Decimal>,
}

/// A grade with the worked calculation a clerk reads aloud; what a card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub grade: Grade,
    /// The worked calculation: `9,016 ÷ 10,000 × 100 = 90.16 → 90`.
    pub calculation: String,
}

impl std::ops::Deref for Evaluation {
    type Target = Grade;

    fn deref(&self) -> &Grade {
        &self.grade
    }
}

impl Grade {
    /// The rounded rate, when there is one.
    pub fn rate(&self) -> Option<Decimal> {
        match self.outcome {
            Outcome::Rate(r) => Some(r),
            _ => None,
        }
    }

    /// The rate as the sheet prints it (`90`, `100.8`), or `ー` when there is none.
    pub fn rate_text(&self) -> String {
        self.rate()
            .map_or_else(|| "ー".to_string(), |r| r.to_string())
    }
}

/// What the formula produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A rate in percent, rounded to the goal's precision (its scale equals the precision).
    Rate(Decimal),
    /// The goal is not graded (the sheet prints ー).
    NotGraded,
    /// The formula cannot be applied, and why.
    NotComputable(NotComputable),
}

/// Why no rate can be computed. Each message says what is missing or wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotComputable {
    #[error("no actual (実績値) yet")]
    MissingActual,
    #[error("no target (目標値)")]
    MissingTarget,
    #[error("no baseline (基準値)")]
    MissingBaseline,
    #[error("the {field} is text (\"{text}\"), not a number")]
    Text { field: &'static str, text: String },
    #[error("the target (目標値) is 0, so actual ÷ target is undefined")]
    ZeroTarget,
    #[error("the actual (実績値) is 0, so target ÷ actual is undefined")]
    ZeroActual,
    #[error("the target equals the baseline, so progress from the baseline is undefined")]
    TargetEqualsBaseline,
    #[error("a composite goal needs at least one part")]
    NoParts,
    #[error("part \"{0}\" has no actual yet")]
    PartMissingActual(String),
    #[error("part \"{0}\" has a target of 0")]
    PartZeroTarget(String),
    #[error("the numbers are too large to compute exactly")]
    TooLarge,
    #[error("the milestone has no state (achieved, not achieved or not graded)")]
    MilestoneUnset,
    #[error("the arithmetic divides by zero")]
    DivisionByZero,
}

impl NotComputable {
    /// 未入力 when the figure is still to come (an actual, a part's actual, a milestone's
    /// state); 計算不可 when the figures there are cannot give a rate.
    pub fn status(&self) -> Status {
        match self {
            Self::MissingActual | Self::PartMissingActual(_) | Self::MilestoneUnset => {
                Status::NoActual
            }
            _ => Status::NotComputable,
        }
    }
}

/// A goal's status, in the order a meeting reads them. The three without a rate are told
/// apart: the sheet grades nothing this year (評価なし), the figure is still to come (未入力),
/// or the figures cannot give a rate (計算不可: a target of 0, text, numbers too large).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Achieved,
    Near,
    Shortfall,
    NotGraded,
    NoActual,
    NotComputable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Self::Achieved,
        Self::Near,
        Self::Shortfall,
        Self::NotGraded,
        Self::NoActual,
        Self::NotComputable,
    ];

    /// The exported word: `achieved`, `near`, `shortfall`, `not_graded`, `no_actual`,
    /// `not_computable`.
    pub fn word(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::Near => "near",
            Self::Shortfall => "shortfall",
            Self::NotGraded => "not_graded",
            Self::NoActual => "no_actual",
            Self::NotComputable => "not_computable",
        }
    }

    /// True for the statuses with a rate: achieved, near, shortfall.
    pub fn has_rate(self) -> bool {
        matches!(self, Self::Achieved | Self::Near | Self::Shortfall)
    }

    /// The Japanese label: 達成, 概ね達成, 未達成, 評価なし, 未入力, 計算不可.
    pub fn label_ja(self) -> &'static str {
        match self {
            Self::Achieved => "達成",
            Self::Near => "概ね達成",
            Self::Shortfall => "未達成",
            Self::NotGraded => "評価なし",
            Self::NoActual => "未入力",
            Self::NotComputable => "計算不可",
        }
    }

    /// The band a rounded rate falls in.
    pub fn of_rate(rate: Decimal, thresholds: &Thresholds) -> Self {
        if rate >= thresholds.achieved {
            Self::Achieved
        } else if rate >= thresholds.near {
            Self::Near
        } else {
            Self::Shortfall
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The formula of a kind in words, for the method lookup.
pub fn formula_in_words(goal: &Goal) -> &'static str {
    match goal.formula {
        FormulaKind::Ratio => "実績値 ÷ 目標値 × 100",
        FormulaKind::LowerIsBetter if goal.baseline.number().is_some() => {
            "(基準値 - 実績値) ÷ (基準値 - 目標値) × 100 (lower is better)"
        }
        FormulaKind::LowerIsBetter => "目標値 ÷ 実績値 × 100 (lower is better)",
        FormulaKind::FromBaseline => "(実績値 - 基準値) ÷ (目標値 - 基準値) × 100",
        FormulaKind::Composite => "the mean of each part's 実績値 ÷ 目標値, × 100",
        FormulaKind::Milestone => "achieved 100, not achieved 0, not graded ー",
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
            _ => format!("not computable: {reason}"),
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

/// A figure worked out from the sheet's arithmetic, rounded half away from zero to `precision`:
/// `3,609 × 3分 ÷ 60 = 180.45 → 180.5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worked {
    pub value: Decimal,
    pub text: String,
}

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
struct Formula<'a> {
    fraction: Fraction,
    text: Box<dyn Fn() -> String + 'a>,
}

fn g(f: Fraction) -> String {
    f.source
        .map_or_else(|| "?".to_string(), |d| Grouped(&d).to_string())
}

fn nonzero(f: Fraction, reason: NotComputable) -> Result<(), NotComputable> {
    if f.is_zero() { Err(reason) } else { Ok(()) }
}

/// Rounds a formula's result and, when `explain` asks, writes the worked calculation: the exact
/// value shown to two more decimals than the rate, then `→` the rate when rounding changed it.
fn rounded(
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

fn milestone(state: Option<MilestoneState>, explain: bool) -> (Grade, Option<String>) {
    let (outcome, status, calculation): (_, _, std::borrow::Cow<str>) = match state {
        Some(MilestoneState::Achieved) => (
            Outcome::Rate(Decimal::ONE_HUNDRED),
            Status::Achieved,
            "達成 (achieved) → 100".into(),
        ),
        Some(MilestoneState::NotAchieved) => (
            Outcome::Rate(Decimal::ZERO),
            Status::Shortfall,
            "未達成 (not achieved) → 0".into(),
        ),
        Some(MilestoneState::NotGraded) => (
            Outcome::NotGraded,
            Status::NotGraded,
            "評価なし (not graded) → ー".into(),
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
fn single(
    goal: &Goal,
    formula: impl Fn(Fraction, Fraction, Option<Fraction>) -> Result<Formula<'static>, NotComputable>,
) -> Result<Formula<'static>, NotComputable> {
    let target = number(
        &goal.target,
        "target (目標値)",
        NotComputable::MissingTarget,
    )?;
    let actual = number(
        &goal.actual,
        "actual (実績値)",
        NotComputable::MissingActual,
    )?;
    let baseline = match &goal.baseline {
        Value::None => None,
        other => Some(number(
            other,
            "baseline (基準値)",
            NotComputable::MissingBaseline,
        )?),
    };
    formula(actual, target, baseline)
}

/// Progress from the baseline towards the target. For a lower-is-better goal the same ratio is
/// written with the baseline first, so both parts of the fraction read as reductions.
fn from_baseline(
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
fn composite(goal: &Goal) -> Result<Formula<'_>, NotComputable> {
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
fn shortfall(goal: &Goal) -> Option<Decimal> {
    let (actual, target) = (goal.actual.number()?, goal.target.number()?);
    let gap = match (goal.formula, goal.direction) {
        (FormulaKind::Composite | FormulaKind::Milestone, _) => return None,
        (FormulaKind::LowerIsBetter, _) | (_, Direction::Lower) => actual.checked_sub(target)?,
        (_, Direction::Higher) => target.checked_sub(actual)?,
    };
    (gap > Decimal::ZERO).then_some(gap)
}

/// An exact fraction `num / den` with `den > 0`, remembering the decimal it came from for display.
/// Every operation is checked: overflow gives `TooLarge`, never a wrong answer.
#[derive(Debug, Clone, Copy)]
struct Fraction {
    num: i128,
    den: i128,
    source: Option<Decimal>,
}

impl Fraction {
    const ZERO: Fraction = Fraction {
        num: 0,
        den: 1,
        source: None,
    };
    const HUNDRED: Fraction = Fraction {
        num: 100,
        den: 1,
        source: None,
    };

    fn from_decimal(d: Decimal) -> Self {
        // A Decimal is mantissa / 10^scale with scale ≤ 28, and 10^28 fits in an i128.
        let den = 10i128.pow(d.scale());
        Self::reduced(d.mantissa(), den).map_or(
            Self {
                num: 0,
                den: 1,
                source: None,
            },
            |f| Self {
                source: Some(d),
                ..f
            },
        )
    }

    fn reduced(num: i128, den: i128) -> Option<Self> {
        if den == 0 {
            return None;
        }
        let divisor = gcd(num, den).max(1);
        let (mut num, mut den) = (num / divisor, den / divisor);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Self {
            num,
            den,
            source: None,
        })
    }

    fn is_zero(self) -> bool {
        self.num == 0
    }

    fn add(self, o: Self) -> Result<Self, NotComputable> {
        (|| {
            let num = self
                .num
                .checked_mul(o.den)?
                .checked_add(o.num.checked_mul(self.den)?)?;
            Self::reduced(num, self.den.checked_mul(o.den)?)
        })()
        .ok_or(NotComputable::TooLarge)
    }

    fn sub(self, o: Self) -> Result<Self, NotComputable> {
        let negated = Self {
            num: o.num.checked_neg().ok_or(NotComputable::TooLarge)?,
            ..o
        };
        self.add(negated)
    }

    fn mul(self, o: Self) -> Result<Self, NotComputable> {
        // Cross-reduce first so products stay small.
        let (a, d) = (gcd(self.num, o.den).max(1), gcd(o.num, self.den).max(1));
        (|| {
            Self::reduced(
                (self.num / a).checked_mul(o.num / d)?,
                (self.den / d).checked_mul(o.den / a)?,
            )
        })()
        .ok_or(NotComputable::TooLarge)
    }

    /// Callers check the divisor is not zero first, to give the specific reason.
    fn div(self, o: Self) -> Result<Self, NotComputable> {
        if o.num == 0 {
            return Err(NotComputable::TooLarge);
        }
        self.mul(
            Self {
                num: o.den,
                den: o.num,
                source: None,
            }
            .normalised()
            .ok_or(NotComputable::TooLarge)?,
        )
    }

    fn normalised(self) -> Option<Self> {
        Self::reduced(self.num, self.den)
    }

    /// Rounds half away from zero to `dp` decimals. `None` when the result does not fit.
    fn round(self, dp: u32) -> Option<Decimal> {
        let scale = 10i128.checked_pow(dp)?;
        let scaled = self.num.checked_mul(scale)?;
        let (quotient, remainder) = (scaled / self.den, scaled % self.den);
        let away = remainder.checked_abs()?.checked_mul(2)? >= self.den;
        let rounded = if away {
            quotient + scaled.signum()
        } else {
            quotient
        };
        Decimal::try_from_i128_with_scale(rounded, dp).ok()
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i128::try_from(a).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::model::{GoalId, Part, PartId, Uid};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    fn num(s: &str) -> Value {
        Value::Number(d(s))
    }

    fn goal(formula: FormulaKind, baseline: Value, target: Value, actual: Value) -> Goal {
        Goal {
            id: GoalId(1),
            uid: Uid::NONE,
            number: 1,
            title: String::new(),
            note: String::new(),
            unit: "件".into(),
            calc_method: String::new(),
            formula,
            direction: if formula == FormulaKind::LowerIsBetter {
                Direction::Lower
            } else {
                Direction::Higher
            },
            precision: 0,
            allow_negative: false,
            baseline,
            target,
            actual,
            milestone: None,
            parts: vec![],
            evaluation: String::new(),
            printed_achievement: None,
            page: None,
            activities: vec![],
            activities_from: None,
            derivations: vec![],
            notes: vec![],
        }
    }

    fn ratio(target: &str, actual: &str) -> Goal {
        goal(FormulaKind::Ratio, Value::None, num(target), num(actual))
    }

    fn eval(goal: &Goal) -> Evaluation {
        evaluate(goal, &Thresholds::default())
    }

    #[test]
    fn ratio_matches_the_sheet() {
        let e = eval(&ratio("10000", "9016"));
        assert_eq!(e.rate(), Some(d("90")));
        assert_eq!(e.status, Status::Near);
        assert_eq!(e.calculation, "9,016 ÷ 10,000 × 100 = 90.16 → 90");
        assert_eq!(e.shortfall, Some(d("984")));
        let e = eval(&ratio("216", "180.5"));
        assert_eq!(e.calculation, "180.5 ÷ 216 × 100 = 83.56 → 84");
        let e = eval(&ratio("200", "352"));
        assert_eq!(
            (e.calculation.as_str(), e.status, e.shortfall),
            ("352 ÷ 200 × 100 = 176", Status::Achieved, None)
        );
    }

    #[test]
    fn precision_one_as_printed_for_1_u_2() {
        let mut g = ratio("84.23", "84.93");
        g.precision = 1;
        let e = eval(&g);
        assert_eq!(e.rate_text(), "100.8");
        assert_eq!(e.calculation, "84.93 ÷ 84.23 × 100 = 100.831 → 100.8");
        // The rate's scale is the precision, even when the digits are round.
        let mut g = ratio("50", "50");
        g.precision = 1;
        assert_eq!(eval(&g).rate_text(), "100.0");
    }

    #[test]
    fn half_rounds_away_from_zero_at_every_precision() {
        // 1 ÷ 200 × 100 = 0.5 → 1; 5 ÷ 200 × 100 = 2.5 → 3 (bankers' rounding would give 2).
        assert_eq!(eval(&ratio("200", "1")).rate(), Some(d("1")));
        assert_eq!(eval(&ratio("200", "5")).rate(), Some(d("3")));
        assert_eq!(
            eval(&ratio("200", "0.9")).rate(),
            Some(d("0")),
            "0.45 rounds down"
        );
        assert_eq!(
            eval(&ratio("2000", "1")).rate(),
            Some(d("0")),
            "0.05 rounds down at 0 dp"
        );
        let mut g = ratio("2000", "1");
        g.precision = 1;
        assert_eq!(eval(&g).rate_text(), "0.1", "0.05 rounds up at 1 dp");
        let mut g = ratio("1000", "1008.5");
        g.precision = 1;
        assert_eq!(eval(&g).rate_text(), "100.9", "100.85 → 100.9");
        // Negative progress: -2.5 → -3, like Excel's ROUND.
        let g = goal(FormulaKind::FromBaseline, num("10"), num("50"), num("9"));
        assert_eq!(eval(&g).rate(), Some(d("-3")));
    }

    #[test]
    fn status_bands_use_the_rounded_rate_and_plan_thresholds() {
        assert_eq!(
            eval(&ratio("10000", "9950")).status,
            Status::Achieved,
            "99.5 rounds to 100"
        );
        assert_eq!(
            eval(&ratio("100", "79.5")).status,
            Status::Near,
            "79.5 rounds to 80"
        );
        assert_eq!(eval(&ratio("100", "79.4")).status, Status::Shortfall);
        let strict = Thresholds {
            achieved: d("100"),
            near: d("90"),
        };
        assert_eq!(
            evaluate(&ratio("100", "85"), &strict).status,
            Status::Shortfall
        );
    }

    #[test]
    fn zero_targets_and_missing_values_are_not_computable() {
        let cases = [
            (ratio("0", "5"), NotComputable::ZeroTarget),
            (
                goal(FormulaKind::Ratio, Value::None, num("10"), Value::None),
                NotComputable::MissingActual,
            ),
            (
                goal(FormulaKind::Ratio, Value::None, Value::None, num("1")),
                NotComputable::MissingTarget,
            ),
            (
                goal(
                    FormulaKind::Ratio,
                    Value::None,
                    num("10"),
                    Value::Text("集計中".into()),
                ),
                NotComputable::Text {
                    field: "actual (実績値)",
                    text: "集計中".into(),
                },
            ),
            (
                goal(FormulaKind::LowerIsBetter, Value::None, num("10"), num("0")),
                NotComputable::ZeroActual,
            ),
            (
                goal(FormulaKind::FromBaseline, Value::None, num("10"), num("5")),
                NotComputable::MissingBaseline,
            ),
            (
                goal(FormulaKind::FromBaseline, num("10"), num("10"), num("5")),
                NotComputable::TargetEqualsBaseline,
            ),
        ];
        for (g, reason) in cases {
            let e = eval(&g);
            assert_eq!(e.outcome, Outcome::NotComputable(reason.clone()));
            // A missing actual is still to come (未入力); the rest cannot give a rate (計算不可).
            let status = if reason == NotComputable::MissingActual {
                Status::NoActual
            } else {
                Status::NotComputable
            };
            assert_eq!(e.status, status, "{reason}");
            let said = if status == Status::NoActual {
                reason.to_string()
            } else {
                format!("not computable: {reason}")
            };
            assert_eq!(e.calculation, said);
            assert_eq!(e.rate_text(), "ー");
        }
    }

    #[test]
    fn lower_is_better_without_and_with_a_baseline() {
        let g = goal(
            FormulaKind::LowerIsBetter,
            Value::None,
            num("40"),
            num("50"),
        );
        let e = eval(&g);
        assert_eq!(e.calculation, "40 ÷ 50 × 100 = 80");
        assert_eq!((e.status, e.shortfall), (Status::Near, Some(d("10"))));
        let g = goal(FormulaKind::LowerIsBetter, num("100"), num("60"), num("70"));
        let e = eval(&g);
        assert_eq!(e.calculation, "(100 - 70) ÷ (100 - 60) × 100 = 75");
        assert_eq!(e.shortfall, Some(d("10")));
        let g = goal(FormulaKind::LowerIsBetter, num("100"), num("60"), num("55"));
        assert_eq!(
            (eval(&g).rate(), eval(&g).shortfall),
            (Some(d("113")), None),
            "112.5 → 113"
        );
    }

    #[test]
    fn from_baseline_in_either_direction() {
        let g = goal(
            FormulaKind::FromBaseline,
            num("316"),
            num("400"),
            num("320"),
        );
        assert_eq!(
            eval(&g).calculation,
            "(320 - 316) ÷ (400 - 316) × 100 = 4.76 → 5"
        );
        // A reduction goal: from 100 down to 50, actual 59 → 82.
        let mut g = goal(FormulaKind::FromBaseline, num("100"), num("50"), num("59"));
        g.direction = Direction::Lower;
        let e = eval(&g);
        assert_eq!(e.calculation, "(59 - 100) ÷ (50 - 100) × 100 = 82");
        assert_eq!(e.shortfall, Some(d("9")));
    }

    #[test]
    fn composite_is_the_mean_of_the_parts_ratios() {
        let mut g = goal(
            FormulaKind::Composite,
            Value::None,
            Value::None,
            Value::None,
        );
        let part = |label: &str, target: &str, actual: Option<&str>| Part {
            id: PartId(1),
            uid: Uid::NONE,
            label: label.into(),
            unit: String::new(),
            target: d(target),
            actual: actual.map(d),
            note: String::new(),
        };
        g.parts = vec![
            part("開催回数", "6", Some("13")),
            part("参加者数", "60", Some("263")),
        ];
        let e = eval(&g);
        assert_eq!(e.rate(), Some(d("328")), "exactly 327.5 rounds up");
        assert_eq!(e.calculation, "(13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100 = 327.5 → 328");
        assert_eq!(e.shortfall, None);
        g.parts[1].actual = None;
        assert_eq!(
            eval(&g).outcome,
            Outcome::NotComputable(NotComputable::PartMissingActual("参加者数".into()))
        );
        g.parts[1] = part("参加者数", "0", Some("1"));
        assert_eq!(
            eval(&g).outcome,
            Outcome::NotComputable(NotComputable::PartZeroTarget("参加者数".into()))
        );
        g.parts.clear();
        assert_eq!(
            eval(&g).outcome,
            Outcome::NotComputable(NotComputable::NoParts)
        );
        g.parts = vec![part("回数", "3", Some("1"))];
        assert_eq!(eval(&g).calculation, "1 ÷ 3 × 100 = 33.33 → 33");
    }

    #[test]
    fn milestones_are_achieved_or_not_or_not_graded() {
        let mut g = goal(
            FormulaKind::Milestone,
            Value::Text("未導入".into()),
            Value::Text("構築".into()),
            Value::Text("構築".into()),
        );
        let cases = [
            (
                Some(MilestoneState::Achieved),
                Some(d("100")),
                Status::Achieved,
            ),
            (
                Some(MilestoneState::NotAchieved),
                Some(d("0")),
                Status::Shortfall,
            ),
            (Some(MilestoneState::NotGraded), None, Status::NotGraded),
            (None, None, Status::NoActual),
        ];
        for (state, rate, status) in cases {
            g.milestone = state;
            let e = eval(&g);
            assert_eq!((e.rate(), e.status), (rate, status), "{state:?}");
        }
        g.milestone = Some(MilestoneState::NotGraded);
        assert_eq!(eval(&g).outcome, Outcome::NotGraded);
    }

    #[test]
    fn huge_values_are_too_large_not_wrong() {
        let big = "9".repeat(28);
        let e = eval(&ratio("0.0000000000000000000000000001", &big));
        assert_eq!(e.outcome, Outcome::NotComputable(NotComputable::TooLarge));
        assert_eq!(
            (e.status, e.status.label_ja(), e.status.word()),
            (Status::NotComputable, "計算不可", "not_computable"),
            "too large to compute is not 評価なし"
        );
        let e = eval(&ratio(&big, &big));
        assert_eq!(e.rate(), Some(d("100")));
    }

    #[test]
    fn the_sheets_arithmetic_is_worked_out_exactly() {
        let work = |text: &str, precision: u32| {
            work_out(&Expression::parse(text).expect("valid"), precision)
                .map(|w| (w.value.to_string(), w.text))
        };
        assert_eq!(
            work("3,609 × 3分 ÷ 60", 1),
            Ok(("180.5".into(), "3,609 × 3分 ÷ 60 = 180.45 → 180.5".into())),
            "half up, not to even"
        );
        assert_eq!(
            work("28,787件 × 15％ × 3分 ÷ 60", 0),
            Ok((
                "216".into(),
                "28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216".into()
            ))
        );
        assert_eq!(
            work("3,609件 ÷ 26,790件 × 100", 2),
            Ok((
                "13.47".into(),
                "3,609件 ÷ 26,790件 × 100 = 13.4714 → 13.47".into()
            ))
        );
        assert_eq!(
            work("(91.5 + 93.0) ÷ 2", 1),
            Ok(("92.3".into(), "(91.5 + 93.0) ÷ 2 = 92.25 → 92.3".into()))
        );
        assert_eq!(
            work("120名 ÷ 146名 × 100", 0),
            Ok(("82".into(), "120名 ÷ 146名 × 100 = 82.19 → 82".into()))
        );
        assert_eq!(work("7 + 6", 0), Ok(("13".into(), "7 + 6 = 13".into())));
        assert_eq!(work("1 ÷ (2 - 2)", 0), Err(NotComputable::DivisionByZero));
    }

    #[test]
    fn fraction_rounding_agrees_with_decimal_rounding_off_the_boundary() {
        for (num, den) in [
            (1i128, 3i128),
            (2, 3),
            (-7, 3),
            (9016, 100),
            (13, 6),
            (-1, 8),
        ] {
            let f = Fraction::reduced(num, den).expect("nonzero");
            let expected = (Decimal::from(num) / Decimal::from(den))
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(f.round(2), Some(expected), "{num}/{den}");
        }
    }

    #[test]
    fn grading_without_the_calculation_gives_the_same_grade() {
        let sheet = crate::sheet::bundled().expect("bundled");
        let generated = crate::scale::plan("grades", 20, 50, 17);
        for plan in [&sheet, &generated] {
            for (r, goal) in plan.goals() {
                let evaluation = evaluate(goal, &plan.thresholds);
                assert_eq!(grade(goal, &plan.thresholds), evaluation.grade, "{r}");
                assert!(
                    !evaluation.calculation.is_empty(),
                    "{r} has a worked calculation"
                );
            }
        }
    }
}
