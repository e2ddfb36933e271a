//! The card's earlier years: the same goal's 実績値 and 達成度 in each earlier fiscal year of
//! its plan (matched by identity, `store::History`), and a trend of 達成度 drawn in braille —
//! cells one column wide in every terminal, where the block elements ▁▂▃ are ambiguous.

use rust_decimal::Decimal;

use super::{Block, Card, with_unit};
use crate::engine::Status;
use crate::model::{FiscalYear, Value};
use crate::store::PastYear;
use crate::strings::strings;

/// The goal's earlier years as the card shows them, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Years {
    pub lines: Vec<YearLine>,
    /// 達成度 year by year, this year last (one cell each): `⣷⣿`.
    pub trend: String,
    /// The rates the trend draws, for a terminal that draws it in other cells.
    pub rates: Vec<Option<Decimal>>,
    /// The first and last year the trend covers.
    pub from: FiscalYear,
    pub to: FiscalYear,
    /// This year against the year before in figures (`前年度比 +484件・+5ポイント`), when
    /// either year has a figure to compare: the trend's dots change by little.
    pub change: Option<String>,
}

/// One earlier year: `令和5年度  実績 9,016件  達成度 90%  概ね達成`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearLine {
    /// `令和5年度`.
    pub year: String,
    /// The actual with the goal's unit, or `ー`.
    pub actual: String,
    /// The rate at that year's precision (`90%`), or `ー`.
    pub rate: String,
    pub status: Status,
}

/// A rate as a year line shows it: `90%`, or `ー` when there is none.
pub fn rate_with_percent(rate: Option<Decimal>) -> String {
    rate.map_or_else(
        || "ー".to_string(),
        |r| format!("{}%", crate::model::Grouped(&r)),
    )
}

/// An earlier year's 実績値 with its unit; a composite goal's is its parts' with their labels
/// (`開催回数 13回 / 参加者数 263名`), each `ー` when that year had none.
fn past_actual(p: &PastYear, unit: &str) -> String {
    if p.parts.is_empty() {
        return with_unit(&p.actual, unit);
    }
    p.parts
        .iter()
        .map(|part| {
            let actual = part.actual.map_or(Value::None, Value::Number);
            format!("{} {}", part.label, with_unit(&actual, &part.unit))
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Eight heights of one braille cell, lowest first (East Asian width N: one column).
pub const TREND_LEVELS: [char; 8] = ['⡀', '⣀', '⣄', '⣤', '⣦', '⣶', '⣷', '⣿'];

/// One cell per year: the rate's height against 100% (or the highest rate, when higher); a
/// year without a rate is `-`.
pub fn trend(rates: &[Option<Decimal>]) -> String {
    trend_in(rates, &TREND_LEVELS)
}

/// [`trend`] drawn with `levels`, lowest first.
pub fn trend_in(rates: &[Option<Decimal>], levels: &[char; 8]) -> String {
    let top = rates
        .iter()
        .flatten()
        .copied()
        .fold(Decimal::ONE_HUNDRED, Decimal::max);
    rates
        .iter()
        .map(|rate| match rate {
            Some(r) => {
                let steps = (r.max(&Decimal::ZERO) * Decimal::from(8) / top).round();
                let level = usize::try_from(steps.mantissa().max(1)).unwrap_or(1).min(8);
                levels[level - 1]
            }
            None => '-',
        })
        .collect()
}

/// A difference with its sign: `+784`, `-12`, `+0` (ASCII signs: `±` and `−` are ambiguous
/// width).
fn signed(d: Decimal) -> String {
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        "+"
    };
    format!("{sign}{}", crate::model::Grouped(&d.abs()))
}

/// `前年度比 +784件・+8ポイント`: this year's actual and 達成度 against last year's, each only
/// when both years have it.
fn change_from(
    last: &PastYear,
    actual: &Value,
    unit: &str,
    rate: Option<Decimal>,
) -> Option<String> {
    let words = &strings().report.years;
    let mut parts = Vec::new();
    if let (Value::Number(now), Value::Number(before)) = (actual, &last.actual) {
        parts.push(format!("{}{unit}", signed(*now - *before)));
    }
    if let (Some(now), Some(before)) = (rate, last.grade.rate()) {
        parts.push((words.points)(&signed(now - before)));
    }
    (!parts.is_empty()).then(|| (words.change)(&parts.join(words.change_separator)))
}

impl Years {
    /// The earlier years of a goal whose 達成度 this year is `now` in `year` (its actual
    /// `actual`); none when the goal has no earlier year.
    pub fn of(
        past: &[PastYear],
        unit: &str,
        year: FiscalYear,
        now: Option<Decimal>,
        actual: &Value,
    ) -> Option<Self> {
        let first = past.first()?;
        let lines = past
            .iter()
            .map(|p| YearLine {
                year: p.fiscal_year.reiwa_label(),
                actual: past_actual(p, unit),
                rate: rate_with_percent(p.grade.rate()),
                status: p.grade.status,
            })
            .collect();
        let rates: Vec<Option<Decimal>> =
            past.iter().map(|p| p.grade.rate()).chain([now]).collect();
        let change = past
            .last()
            .filter(|p| p.fiscal_year.0 == year.0 - 1)
            .and_then(|last| change_from(last, actual, unit, now));
        Some(Years {
            lines,
            trend: trend(&rates),
            rates,
            from: first.fiscal_year,
            to: year,
            change,
        })
    }
}

impl Card {
    /// The card with the goal's earlier years after 達成度 (its shortfall and 算式), when it has
    /// any.
    pub fn with_years(mut self, past: &[PastYear], actual: &Value, year: FiscalYear) -> Self {
        if let Some(years) = Years::of(past, &self.unit, year, self.evaluation.rate(), actual) {
            let after = self
                .blocks
                .iter()
                // After the goal's own figures, its 算式 included: not between 計算 and 算式.
                .rposition(|b| {
                    matches!(
                        b,
                        Block::Achievement { .. } | Block::Shortfall(_) | Block::Formula(_)
                    )
                })
                .map_or(self.blocks.len(), |at| at + 1);
            self.blocks.insert(after, Block::Years(years));
        }
        self
    }

    /// The earlier years block, when the card has one.
    pub fn years(&self) -> Option<&Years> {
        self.blocks.iter().find_map(|b| match b {
            Block::Years(y) => Some(y),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::grade;
    use crate::model::{CalendarDate, GoalRef};
    use crate::sheet;
    use crate::strings::{Lang, pin_thread};
    use crate::text::is_ambiguous;

    fn d(n: i64) -> Option<Decimal> {
        Some(Decimal::from(n))
    }

    #[test]
    fn the_trend_is_one_narrow_cell_a_year_scaled_to_a_hundred_or_the_highest() {
        assert_eq!(trend(&[d(90), d(95)]), "⣷⣿");
        assert_eq!(trend(&[d(0), d(50), None, d(100)]), "⡀⣤-⣿");
        // Above 100% the highest rate is the top.
        assert_eq!(trend(&[d(100), d(200)]), "⣤⣿");
        assert_eq!(trend(&[d(-20)]), "⡀");
        assert_eq!(
            trend_in(&[d(90), None], &['1', '2', '3', '4', '5', '6', '7', '8']),
            "7-"
        );
        for c in TREND_LEVELS {
            assert!(!is_ambiguous(c), "{c} must be one cell in every terminal");
        }
    }

    #[test]
    fn a_card_shows_its_earlier_years_after_the_shortfall_and_says_them_in_text() {
        let _lang = pin_thread(Lang::En);
        let plan = sheet::bundled().expect("bundled");
        let r: GoalRef = "1-ア-1".parse().expect("code");
        let (ini, goal) = plan.goal(r).expect("goal");
        let today = CalendarDate::new(2024, 5, 1).expect("date");
        let mut earlier = goal.clone();
        earlier.actual = Value::Number(Decimal::from(7_000));
        let past = [PastYear {
            fiscal_year: FiscalYear(2022),
            actual: earlier.actual.clone(),
            parts: Vec::new(),
            grade: grade(&earlier, &plan.thresholds),
        }];
        let card =
            Card::of(&plan, ini, goal, today).with_years(&past, &goal.actual, plan.fiscal_year);
        let at = card
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Years(_)))
            .expect("a years block");
        assert!(matches!(
            card.blocks[at - 1],
            Block::Shortfall(_) | Block::Formula(_)
        ));
        let text = card.to_text();
        for expected in [
            "  令和4年度 実績 7,000件 達成度 70% 未達成 shortfall",
            "  推移 trend ⣶⣷  (令和4年度 to 令和5年度)",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
        // A goal without earlier years gets no block.
        let none =
            Card::of(&plan, ini, goal, today).with_years(&[], &goal.actual, plan.fiscal_year);
        assert!(none.years().is_none());
    }
}
