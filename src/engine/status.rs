//! Status bands: where a rounded rate falls against the plan's thresholds, and the statuses
//! of goals without a rate, with their exported words and Japanese labels.

use std::fmt;

use rust_decimal::Decimal;

use crate::model::Thresholds;

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
