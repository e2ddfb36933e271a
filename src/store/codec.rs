//! The store boundary: rust_decimal ↔ TEXT, values ↔ their two columns, words ↔ enums.
//! Anything unreadable in the file is reported as damage with its place, never unwrapped.

use std::fmt::{self, Display};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::StoreError;
use crate::model::{CalendarDate, EntityKind, FieldKey, NoteField, Uid, Value};

/// A decimal as stored: plain digits, scale kept (`"15.00"`).
pub fn decimal_text(d: &Decimal) -> String {
    d.to_string()
}

/// Where a stored field lives (`goal 12 target`), formatted only if it turns out damaged:
/// loading 100,000 goals must not build a message per field.
#[derive(Debug, Clone, Copy)]
pub struct Place(pub &'static str, pub i64, pub &'static str);

impl Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.0, self.1, self.2)
    }
}

/// Reads a stored decimal; `place` names the row and column for the damage message.
pub fn decimal(text: &str, place: impl Display) -> Result<Decimal, StoreError> {
    Decimal::from_str_exact(text).map_err(|_| {
        StoreError::Corrupt(format!("{place} holds \"{text}\", which is not a number"))
    })
}

pub fn optional_decimal(
    text: Option<String>,
    place: impl Display,
) -> Result<Option<Decimal>, StoreError> {
    text.map(|t| decimal(&t, place)).transpose()
}

/// A value's `(…_num, …_text)` columns.
pub fn value_columns(v: &Value) -> (Option<String>, Option<String>) {
    match v {
        Value::None => (None, None),
        Value::Number(n) => (Some(decimal_text(n)), None),
        Value::Text(t) => (None, Some(t.clone())),
    }
}

pub fn value(
    num: Option<String>,
    text: Option<String>,
    place: impl Display,
) -> Result<Value, StoreError> {
    match (num, text) {
        (Some(n), _) => Ok(Value::Number(decimal(&n, place)?)),
        (None, Some(t)) => Ok(Value::Text(t)),
        (None, None) => Ok(Value::None),
    }
}

/// A stored snake_case word (`ratio`, `done`, …).
pub fn word<T: FromStr>(text: &str, place: impl Display) -> Result<T, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("{place} holds the unknown word \"{text}\"")))
}

/// A stored uid (32 lowercase hex digits).
pub fn uid(text: &str, place: impl Display) -> Result<Uid, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("{place} holds \"{text}\", which is not a uid")))
}

pub fn date(text: Option<String>, place: impl Display) -> Result<Option<CalendarDate>, StoreError> {
    text.map(|t| {
        CalendarDate::from_stored(&t).ok_or_else(|| {
            StoreError::Corrupt(format!("{place} holds \"{t}\", which is not a date"))
        })
    })
    .transpose()
}

/// The change log's word for a field: the one place a [`FieldKey`] is spelled as text.
pub fn field_word(key: FieldKey) -> &'static str {
    match key {
        FieldKey::Actual => "actual",
        FieldKey::Milestone => "milestone",
        FieldKey::Evaluation => "evaluation",
        FieldKey::PartActual => "part_actual",
        FieldKey::ActivityStatus => "activity_status",
        FieldKey::Note(NoteField::Decision) => "note_decision",
        FieldKey::Note(NoteField::FollowUp) => "note_follow_up",
        FieldKey::Note(NoteField::Owner) => "note_owner",
        FieldKey::Note(NoteField::Due) => "note_due",
    }
}

/// The field a change-log word names; `None` for rows about no field (`import`) or unknown words.
pub fn field_of_word(word: &str) -> Option<FieldKey> {
    FieldKey::ALL.into_iter().find(|k| field_word(*k) == word)
}

/// The change log's word for the kind of row (`goal`, `part`, `activity`).
pub fn entity_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Goal => "goal",
        EntityKind::Part => "part",
        EntityKind::Activity => "activity",
    }
}

/// The table that holds the kind of row. A closed set: safe to put into SQL text.
pub fn entity_table(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Goal => "goal",
        EntityKind::Part => "goal_part",
        EntityKind::Activity => "activity",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_their_scale_through_text() {
        for s in ["15.00", "9016", "-0.5", "79228162514264337593543950335"] {
            let d = decimal(s, "test").expect("valid");
            assert_eq!(decimal_text(&d), s);
        }
    }

    #[test]
    fn damage_names_the_place() {
        let err = decimal("abc", "goal 3 target").expect_err("not a number");
        assert_eq!(
            err.to_string(),
            "the data file is damaged: goal 3 target holds \"abc\", which is not a number"
        );
    }

    #[test]
    fn values_use_one_column_each() {
        let n = Value::Number(Decimal::from(5));
        assert_eq!(value_columns(&n), (Some("5".into()), None));
        let (a, b) = value_columns(&Value::Text("未導入".into()));
        assert_eq!(
            value(a, b, "x").expect("valid"),
            Value::Text("未導入".into())
        );
        assert_eq!(value(None, None, "x").expect("valid"), Value::None);
    }
}
