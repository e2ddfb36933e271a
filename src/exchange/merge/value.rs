//! A returned value read by its field's rules: the words a status or a state takes, numbers
//! at the precision the sheet shows them, a percentage typed as Excel's fraction noticed.

use rust_decimal::Decimal;

use super::target::Target;
use crate::exchange::handout::figure_decimals;
use crate::exchange::returned::{Typed, Unreadable};
use crate::model::{ActivityStatus, FieldKey, FieldValue, FormulaKind, MilestoneState, Value};
use crate::report::workbook::words::milestone_word;
use crate::strings::strings;

/// A returned value read by its goal's rules; `Err` is the line naming the cell `cell`, the
/// goal and the field (`subject`), and what to type instead.
pub(super) fn read(
    target: &Target,
    key: FieldKey,
    typed: &Typed,
    cell: &str,
    subject: &str,
) -> Result<FieldValue, String> {
    let words = &strings().exchange;
    let at = &(words.cell)(cell, subject, key.label_ja());
    let bad = |e: crate::model::EntryError| bad_entry(target, key, cell, subject, &e);
    Ok(match (target, key, typed) {
        // A value another data file holds, exactly (an exchange file): read by its own rules.
        (_, _, Typed::Stored(value)) => value.clone(),
        (_, _, Typed::Unreadable(Unreadable::Formula(f))) => {
            return Err(formula_instead(key, cell, subject, f));
        }
        (_, _, Typed::Unreadable(Unreadable::NotExact(x))) => {
            return Err((words.not_exact)(at, x));
        }
        (_, _, Typed::Unreadable(Unreadable::DateOrTime)) => {
            return Err((words.date_or_time)(at));
        }
        (_, _, Typed::Unreadable(Unreadable::Percent(n))) => {
            let meant = (n * Decimal::ONE_HUNDRED).normalize();
            return Err((words.percent_fraction)(at, n, &meant));
        }
        (Target::Goal(..), FieldKey::Actual, Typed::Empty) => FieldValue::Value(Value::None),
        (Target::Goal(_, g), FieldKey::Actual, Typed::Number(n))
            if g.formula != FormulaKind::Milestone =>
        {
            FieldValue::Value(Value::Number(*n))
        }
        (Target::Goal(_, g), FieldKey::Actual, Typed::Number(n)) => {
            FieldValue::Value(g.read_actual(&n.to_string()).map_err(bad)?)
        }
        (Target::Goal(_, g), FieldKey::Actual, Typed::Text(t)) => {
            FieldValue::Value(g.read_actual(t).map_err(bad)?)
        }
        (Target::Goal(..), FieldKey::Evaluation, Typed::Empty) => FieldValue::Text(String::new()),
        (Target::Goal(..), FieldKey::Evaluation, Typed::Text(t)) => FieldValue::Text(t.clone()),
        (Target::Goal(..), FieldKey::Evaluation, Typed::Number(n)) => {
            FieldValue::Text(n.to_string())
        }
        (Target::Goal(..), FieldKey::Milestone, Typed::Empty) => FieldValue::Milestone(None),
        (Target::Goal(..), FieldKey::Milestone, typed) => {
            let text = match typed {
                Typed::Text(t) => t.trim().to_string(),
                Typed::Number(n) => n.to_string(),
                Typed::Empty | Typed::Unreadable(_) | Typed::Stored(_) => String::new(),
            };
            let state = text.parse::<MilestoneState>().map_err(|_| {
                let all = [
                    MilestoneState::Achieved,
                    MilestoneState::NotAchieved,
                    MilestoneState::NotGraded,
                ]
                .map(milestone_word);
                (words.not_milestone)(at, &text, &all.join(LIST_SEPARATOR))
            })?;
            FieldValue::Milestone(Some(state))
        }
        (Target::Part(..), FieldKey::PartActual, Typed::Empty) => FieldValue::Number(None),
        (Target::Part(..), FieldKey::PartActual, Typed::Number(n)) => FieldValue::Number(Some(*n)),
        (Target::Part(_, g, _, k), FieldKey::PartActual, Typed::Text(t)) => {
            FieldValue::Number(Some(g.read_part_actual(k + 1, t).map_err(bad)?))
        }
        (Target::Activity(..), FieldKey::ActivityStatus, Typed::Empty) => {
            FieldValue::Status(ActivityStatus::Unset)
        }
        (Target::Activity(..), FieldKey::ActivityStatus, typed) => {
            let text = match typed {
                Typed::Text(t) => t.trim().to_string(),
                Typed::Number(n) => n.to_string(),
                Typed::Empty | Typed::Unreadable(_) | Typed::Stored(_) => String::new(),
            };
            let status = ActivityStatus::ALL
                .into_iter()
                .find(|s| s.label_ja() == text)
                .ok_or_else(|| {
                    let all: Vec<&str> = ActivityStatus::ALL[1..]
                        .iter()
                        .map(|s| s.label_ja())
                        .collect();
                    (strings().exchange.not_status)(at, &text, &all.join(LIST_SEPARATOR))
                })?;
            FieldValue::Status(status)
        }
        // A column that holds no field of this row: read by `field_of` first, never here.
        _ => return Ok(FieldValue::Text(String::new())),
    })
}

/// A returned value its goal's rules refuse, naming the cell, the goal and the field; a figure
/// that is not a number says to type the number alone (the unit is the cell's format, or the
/// goal's).
fn bad_entry(
    target: &Target,
    key: FieldKey,
    cell: &str,
    subject: &str,
    e: &crate::model::EntryError,
) -> String {
    let words = &strings().exchange;
    let unit = match target {
        Target::Part(_, _, p, _) => p.unit.as_str(),
        Target::Goal(_, g) | Target::Activity(_, g, ..) | Target::Note(_, g, _) => g.unit.as_str(),
    };
    match e {
        crate::model::EntryError::Number(why) => {
            (words.not_a_figure)(cell, subject, key.label_ja(), why, unit)
        }
        other => (words.refused_value)(cell, subject, key.label_ja(), other),
    }
}

/// A formula in an input cell, naming the goal and field, and what to put there instead.
fn formula_instead(key: FieldKey, cell: &str, subject: &str, formula: &str) -> String {
    let words = &strings().exchange;
    let instead = match key {
        FieldKey::ActivityStatus | FieldKey::Milestone => words.choose_a_status,
        FieldKey::Evaluation => words.type_the_text,
        _ => words.type_the_figure,
    };
    (words.formula_instead)(cell, subject, key.label_ja(), formula, instead)
}

/// A returned number at the precision its field is shown with: as many decimals as the goal's
/// figures (its 基準値 and 目標値) and the base have — a ％ handed out as 14.20 and typed 14.2
/// comes back 14.20 — and every decimal more that the clerk typed (180.5 in a cell that shows
/// 181 stays 180.5: nothing is ever rounded away). Trailing zeros beyond that are dropped.
pub(super) fn at_precision(target: &Target, returned: FieldValue, base: &FieldValue) -> FieldValue {
    let base_scale = match base {
        FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => n.scale(),
        _ => 0,
    };
    let figures = match target {
        Target::Goal(_, g) => figure_decimals(g),
        Target::Part(_, _, p, _) => p.target.scale(),
        Target::Activity(..) | Target::Note(..) => 0,
    };
    let shown = figures.max(base_scale);
    let at = |n: Decimal| {
        let n = n.normalize();
        let mut padded = n;
        if n.scale() < shown {
            // Zeros added, never a digit taken: the value is the same number.
            padded.rescale(shown);
        }
        padded
    };
    match returned {
        FieldValue::Value(Value::Number(n)) => FieldValue::Value(Value::Number(at(n))),
        FieldValue::Number(Some(n)) => FieldValue::Number(Some(at(n))),
        other => other,
    }
}

/// A fraction returned for a ％ figure that is plainly a percentage typed with Excel's `%`
/// (85% is held as 0.85): below 1 where the goal's figures and the base are 10 or more. The
/// value held and the one meant; `None` when it reads as a figure.
pub(super) fn percent_as_fraction(
    target: &Target,
    returned: &FieldValue,
    base: &FieldValue,
) -> Option<(Decimal, Decimal)> {
    let n = match returned {
        FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => *n,
        _ => return None,
    };
    let (unit, figures) = match target {
        Target::Goal(_, g) => (
            g.unit.as_str(),
            vec![g.baseline.number(), g.target.number()],
        ),
        Target::Part(_, _, p, _) => (p.unit.as_str(), vec![Some(p.target)]),
        Target::Activity(..) | Target::Note(..) => return None,
    };
    let base = match base {
        FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => Some(*n),
        _ => None,
    };
    let largest = figures
        .into_iter()
        .chain([base])
        .flatten()
        .map(|f| f.abs())
        .max()?;
    let fraction = !n.is_zero() && n.abs() < Decimal::ONE;
    (is_percent(unit) && fraction && largest >= Decimal::TEN)
        .then(|| (n, (n * Decimal::ONE_HUNDRED).normalize()))
}

/// A ％ unit, full-width as the sheet prints it or half-width.
fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "％" | "%")
}

/// Between the statuses a bad status cell lists.
pub(in crate::exchange) const LIST_SEPARATOR: &str = "・";
