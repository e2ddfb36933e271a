//! Each structural sheet's headers in the order the export writes them, for the reader to
//! name where a header it needs belongs (`データ!H1`) when Excel lost it.

use super::{structure, tables};

fn headers(spec: &[(&'static str, usize, usize)]) -> Vec<&'static str> {
    spec.iter().map(|(h, _, _)| *h).collect()
}

/// データ's headers, visible then hidden.
pub fn data() -> Vec<&'static str> {
    headers(&tables::data_columns())
}

/// 実施内容's headers, visible then hidden.
pub fn activities() -> Vec<&'static str> {
    headers(&tables::activity_columns())
}

/// 計画's headers.
pub fn plan() -> Vec<&'static str> {
    headers(&structure::PLAN_COLUMNS)
}

/// 内訳's headers.
pub fn parts() -> Vec<&'static str> {
    headers(&structure::PARTS_COLUMNS)
}

/// 算出's headers.
pub fn derivations() -> Vec<&'static str> {
    headers(&structure::DERIVATION_COLUMNS)
}
