//! The engine's verdicts: a goal's [`Grade`] (rate, band, shortfall), its [`Evaluation`] with
//! the worked calculation, and why a rate cannot be computed.

use rust_decimal::Decimal;

use super::Status;
use crate::strings::strings;

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

    /// The rate as the sheet prints it, digits grouped as its figures are (`90`, `100.8`,
    /// `901,600`), or `ー` when there is none. Every front end shows a rate through this.
    pub fn rate_text(&self) -> String {
        self.rate().map_or_else(
            || "ー".to_string(),
            |r| crate::model::Grouped(&r).to_string(),
        )
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
    #[error("{}", strings().errors.calculation.missing_actual)]
    MissingActual,
    #[error("{}", strings().errors.calculation.missing_target)]
    MissingTarget,
    #[error("{}", strings().errors.calculation.missing_baseline)]
    MissingBaseline,
    #[error("{}", (strings().errors.calculation.text)(.field, .text))]
    Text { field: &'static str, text: String },
    #[error("{}", strings().errors.calculation.zero_target)]
    ZeroTarget,
    #[error("{}", strings().errors.calculation.zero_actual)]
    ZeroActual,
    #[error("{}", strings().errors.calculation.target_equals_baseline)]
    TargetEqualsBaseline,
    #[error("{}", strings().errors.calculation.no_parts)]
    NoParts,
    #[error("{}", (strings().errors.calculation.part_missing_actual)(.0))]
    PartMissingActual(String),
    #[error("{}", (strings().errors.calculation.part_zero_target)(.0))]
    PartZeroTarget(String),
    #[error("{}", strings().errors.calculation.too_large)]
    TooLarge,
    #[error("{}", strings().errors.calculation.milestone_unset)]
    MilestoneUnset,
    #[error("{}", strings().errors.calculation.division_by_zero)]
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
