//! The store boundary: rust_decimal ↔ TEXT, values ↔ their two columns, words ↔ enums.
//! Anything unreadable in the file is reported as damage with its place, never unwrapped.

use std::fmt::{self, Display};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::StoreError;
use super::handout::Settled;
use super::log::LoggedField;
use crate::model::outline::{OutlineField, OutlineValue};
use crate::model::plan::Thresholds;
use crate::model::{
    CalendarDate, EntityKind, FieldKey, FieldRef, FieldValue, GoalRef, InitiativeCode, NoteField,
    Uid, Value,
};
use crate::strings::strings;

/// A collected change-log row's `origin`: the file's name, and, when the clerk settled the
/// value (a conflict, a clear), a line break and the word saying how — kept in the one column
/// the log already has, no new one.
pub fn origin_text(file: &str, settled: Option<Settled>) -> String {
    match settled {
        None => file.to_string(),
        Some(s) => format!("{file}\n{}", settled_word(s)),
    }
}

/// [`origin_text`] read back: the file and how it was settled. Text without a known word after
/// its last line break is a file's name whole (every row written before the words were).
pub fn origin_of_text(text: &str) -> (String, Option<Settled>) {
    match text.rsplit_once('\n') {
        Some((file, word)) => match SETTLED.iter().find(|(_, w)| *w == word) {
            Some((s, _)) => (file.to_string(), Some(*s)),
            None => (text.to_string(), None),
        },
        None => (text.to_string(), None),
    }
}

/// How a settled row is marked in its origin.
const SETTLED: [(Settled, &str); 2] = [
    (Settled::ReturnedPreferred, "returned_preferred"),
    (Settled::ClearConfirmed, "clear_confirmed"),
];

fn settled_word(s: Settled) -> &'static str {
    SETTLED.iter().find(|(k, _)| *k == s).map_or("", |(_, w)| w)
}

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
    Decimal::from_str_exact(text)
        .map_err(|_| StoreError::Corrupt((strings().errors.store.holds_not_number)(&place, text)))
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
        .map_err(|_| StoreError::Corrupt((strings().errors.store.holds_unknown_word)(&place, text)))
}

/// A stored uid (32 lowercase hex digits).
pub fn uid(text: &str, place: impl Display) -> Result<Uid, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Corrupt((strings().errors.store.holds_not_uid)(&place, text)))
}

pub fn date(text: Option<String>, place: impl Display) -> Result<Option<CalendarDate>, StoreError> {
    text.map(|t| {
        CalendarDate::from_stored(&t)
            .ok_or_else(|| StoreError::Corrupt((strings().errors.store.holds_not_date)(&place, &t)))
    })
    .transpose()
}

/// An initiative's stored code letter (`ア`): exactly one letter, or the file is damaged.
/// `initiative` is the row's id, for the damage message.
pub fn kana(text: &str, initiative: i64) -> Result<char, StoreError> {
    let mut letters = text.chars();
    match (letters.next(), letters.next()) {
        (Some(letter), None) => Ok(letter),
        _ => Err(StoreError::Corrupt((strings().errors.store.code_letter)(
            initiative, text,
        ))),
    }
}

/// A goal's code (`⑴-ア-1`) from its stored columns: its initiative's area and letter (the
/// initiative's row id names it if the letter is damaged) and its own number.
pub fn goal_ref(
    area: u8,
    kana_text: &str,
    number: u32,
    initiative: i64,
) -> Result<GoalRef, StoreError> {
    Ok(GoalRef {
        initiative: InitiativeCode {
            area,
            kana: kana(kana_text, initiative)?,
        },
        goal: number,
    })
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
        FieldKey::Target => "target",
        FieldKey::Baseline => "baseline",
        FieldKey::Title => "title",
        FieldKey::Unit => "unit",
        FieldKey::CalcMethod => "calc_method",
        FieldKey::Precision => "precision",
        FieldKey::Formula => "goal_formula",
        FieldKey::GoalNote => "goal_note",
        FieldKey::PartLabel => "part_label",
        FieldKey::PartUnit => "part_unit",
        FieldKey::PartTarget => "part_target",
        FieldKey::ActivityContent => "activity_content",
        FieldKey::ActivityPeriod => "activity_period",
        FieldKey::ActivitySections => "activity_sections",
    }
}

/// The change log's `field` word for an import's row: about the whole plan, no field.
pub const IMPORT_FIELD: &str = "import";

/// The change log's `entity` word for a row about a whole plan (an import's).
pub const PLAN_ENTITY: &str = "plan";

/// The change log's `entity` word for a row about an initiative (added or removed whole).
pub const INITIATIVE_ENTITY: &str = "initiative";

/// The change log's `field` word for a row added, removed or moved as a whole (kind `add`,
/// `remove`, `move`): its old and new are the row as `store::structure` logs it.
pub const ROW_FIELD: &str = "row";

/// The field a change-log word names; `None` for rows about no field (`import`) or unknown words.
pub fn field_of_word(word: &str) -> Option<FieldKey> {
    FieldKey::ALL.into_iter().find(|k| field_word(*k) == word)
}

/// A change-log row's field word, read back: a field, the word of the row an import writes,
/// or a word this tassei does not know (a newer one wrote it).
pub fn logged_field(word: &str) -> LoggedField {
    match field_of_word(word) {
        Some(key) => LoggedField::Field(key),
        None if word == IMPORT_FIELD => LoggedField::Import,
        None if word == ROW_FIELD => LoggedField::Row,
        None => match OutlineField::ALL
            .into_iter()
            .find(|f| outline_word(*f) == word)
        {
            Some(field) => LoggedField::Outline(field),
            None => LoggedField::Unknown(word.to_string()),
        },
    }
}

/// The change log's word for an outline field (the plan's title and thresholds, an
/// initiative's title).
pub fn outline_word(field: OutlineField) -> &'static str {
    match field {
        OutlineField::PlanTitle => "plan_title",
        OutlineField::Thresholds => "plan_thresholds",
        OutlineField::InitiativeTitle => "initiative_title",
    }
}

/// The change log's `entity` word of an outline field's row, with its table (the same word).
pub fn outline_entity(field: OutlineField) -> &'static str {
    match field {
        OutlineField::PlanTitle | OutlineField::Thresholds => PLAN_ENTITY,
        OutlineField::InitiativeTitle => INITIATIVE_ENTITY,
    }
}

/// Where an outline field is kept: its table and columns. Closed sets: safe in SQL text.
pub fn outline_stored(field: OutlineField) -> Stored {
    let (table, columns): (_, &'static [&'static str]) = match field {
        OutlineField::PlanTitle => ("plan", &["title"]),
        OutlineField::Thresholds => ("plan", &["achieved_threshold", "near_threshold"]),
        OutlineField::InitiativeTitle => ("initiative", &["title"]),
    };
    Stored { table, columns }
}

/// An outline value from its stored columns; `place` names them for the damage message.
pub fn outline_value(
    field: OutlineField,
    columns: Vec<String>,
    place: &str,
) -> Result<OutlineValue, StoreError> {
    let mut columns = columns.into_iter();
    let mut next = || columns.next().unwrap_or_default();
    Ok(match field {
        OutlineField::PlanTitle | OutlineField::InitiativeTitle => OutlineValue::Text(next()),
        OutlineField::Thresholds => OutlineValue::Thresholds(Thresholds {
            achieved: decimal(&next(), place)?,
            near: decimal(&next(), place)?,
        }),
    })
}

/// An outline value as its [`outline_stored`] columns hold it.
pub fn outline_columns(value: &OutlineValue) -> Vec<String> {
    match value {
        OutlineValue::Text(t) => vec![t.clone()],
        OutlineValue::Thresholds(t) => vec![decimal_text(&t.achieved), decimal_text(&t.near)],
    }
}

/// The change-log encoding of an outline value: a title as a JSON string, bands as
/// `{"achieved": "100", "near": "80"}`.
pub fn encode_outline(value: &OutlineValue) -> String {
    use serde_json::json;
    match value {
        OutlineValue::Text(t) => json!(t),
        OutlineValue::Thresholds(t) => json!({
            "achieved": decimal_text(&t.achieved),
            "near": decimal_text(&t.near),
        }),
    }
    .to_string()
}

/// [`encode_outline`] read back; `None` when it is not the field's kind.
pub fn decode_outline(field: OutlineField, encoded: Option<&str>) -> Option<OutlineValue> {
    use serde_json::Value as J;
    let json: J = serde_json::from_str(encoded?).ok()?;
    let decimal = |j: Option<&J>| Decimal::from_str_exact(j?.as_str()?).ok();
    Some(match (field, json) {
        (OutlineField::PlanTitle | OutlineField::InitiativeTitle, J::String(t)) => {
            OutlineValue::Text(t)
        }
        (OutlineField::Thresholds, J::Object(o)) => OutlineValue::Thresholds(Thresholds {
            achieved: decimal(o.get("achieved"))?,
            near: decimal(o.get("near"))?,
        }),
        _ => return None,
    })
}

/// The kind of row a change-log `entity` word names; `None` for a plan (an import's row).
pub fn entity_of_word(word: &str) -> Option<EntityKind> {
    [EntityKind::Goal, EntityKind::Part, EntityKind::Activity]
        .into_iter()
        .find(|k| entity_word(*k) == word)
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

/// Where a field's value is kept: its table and column(s). A note's field is a column of the
/// row of its goal and meeting date; every other field is a column of its entity's row.
/// Closed sets: safe to put into SQL text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub table: &'static str,
    pub columns: &'static [&'static str],
}

/// The one table from a field to where it is kept.
pub fn stored(key: FieldKey) -> Stored {
    let (table, columns): (_, &'static [&'static str]) = match key {
        FieldKey::Actual => ("goal", &["actual_num", "actual_text"]),
        FieldKey::Milestone => ("goal", &["milestone"]),
        FieldKey::Evaluation => ("goal", &["evaluation"]),
        FieldKey::PartActual => ("goal_part", &["actual"]),
        FieldKey::ActivityStatus => ("activity", &["status"]),
        FieldKey::Note(NoteField::Decision) => ("meeting_note", &["decision"]),
        FieldKey::Note(NoteField::FollowUp) => ("meeting_note", &["follow_up"]),
        FieldKey::Note(NoteField::Owner) => ("meeting_note", &["owner"]),
        FieldKey::Note(NoteField::Due) => ("meeting_note", &["due"]),
        FieldKey::Target => ("goal", &["target_num", "target_text"]),
        FieldKey::Baseline => ("goal", &["baseline_num", "baseline_text"]),
        FieldKey::Title => ("goal", &["title"]),
        FieldKey::Unit => ("goal", &["unit"]),
        FieldKey::CalcMethod => ("goal", &["calc_method"]),
        FieldKey::Precision => ("goal", &["precision"]),
        FieldKey::Formula => ("goal", &["formula", "direction", "milestone"]),
        FieldKey::GoalNote => ("goal", &["note"]),
        FieldKey::PartLabel => ("goal_part", &["label"]),
        FieldKey::PartUnit => ("goal_part", &["unit"]),
        FieldKey::PartTarget => ("goal_part", &["target"]),
        FieldKey::ActivityContent => ("activity", &["content"]),
        // The dates read from it are written beside it (`store::edit`).
        FieldKey::ActivityPeriod => ("activity", &["period_raw"]),
        // One row per section, in order (`store::edit` reads and writes them).
        FieldKey::ActivitySections => ("activity_section", &["section"]),
    };
    Stored { table, columns }
}

/// A field's value as its [`stored`] columns hold it, in their order.
pub fn field_columns(v: &FieldValue) -> Vec<Option<String>> {
    match v {
        FieldValue::Value(v) => {
            let (num, text) = value_columns(v);
            vec![num, text]
        }
        FieldValue::Milestone(m) => vec![m.map(|m| m.word().to_string())],
        FieldValue::Number(n) => vec![n.as_ref().map(decimal_text)],
        FieldValue::Status(s) => vec![Some(s.word().to_string())],
        FieldValue::Text(t) | FieldValue::Note { text: t, .. } => vec![Some(t.clone())],
        FieldValue::Kind {
            formula,
            direction,
            milestone,
        } => vec![
            Some(formula.word().to_string()),
            Some(direction.word().to_string()),
            milestone.map(|m| m.word().to_string()),
        ],
        FieldValue::List(words) => words.iter().cloned().map(Some).collect(),
    }
}

/// A field's value read from its [`stored`] columns; `columns` is `None` when a note's row does
/// not exist yet (an empty note). `place` names the row and field for the damage message.
pub fn field_value(
    at: FieldRef,
    columns: Option<Vec<Option<String>>>,
    place: &str,
) -> Result<FieldValue, StoreError> {
    let mut columns = columns.unwrap_or_default().into_iter();
    let mut next = || columns.next().flatten();
    Ok(match at {
        FieldRef::Actual(_) | FieldRef::Target(_) | FieldRef::Baseline(_) => {
            FieldValue::Value(value(next(), next(), place)?)
        }
        FieldRef::Milestone(_) => {
            FieldValue::Milestone(next().map(|m| word(&m, place)).transpose()?)
        }
        FieldRef::Evaluation(_)
        | FieldRef::GoalText(..)
        | FieldRef::PartText(..)
        | FieldRef::ActivityText(..) => FieldValue::Text(next().unwrap_or_default()),
        FieldRef::PartActual(_) | FieldRef::Precision(_) | FieldRef::PartTarget(_) => {
            FieldValue::Number(optional_decimal(next(), place)?)
        }
        FieldRef::Formula(_) => FieldValue::Kind {
            formula: word(&next().unwrap_or_default(), place)?,
            direction: word(&next().unwrap_or_default(), place)?,
            milestone: next().map(|m| word(&m, place)).transpose()?,
        },
        // Every row's one column: the sections in order.
        FieldRef::ActivitySections(_) => FieldValue::List(columns.by_ref().flatten().collect()),
        FieldRef::ActivityStatus(_) => {
            FieldValue::Status(word(&next().unwrap_or_default(), place)?)
        }
        FieldRef::Note { date, .. } => FieldValue::Note {
            date,
            text: next().unwrap_or_default(),
        },
    })
}

/// The change-log encoding of a value: JSON, `None` for none. A number is a string (`"9016"`),
/// text in a value is `{"text": …}` as in the plan file, a status or state is its word.
pub fn encode_value(v: &FieldValue) -> Option<String> {
    use serde_json::{Value as J, json};
    let j = match v {
        FieldValue::Value(Value::None) | FieldValue::Milestone(None) | FieldValue::Number(None) => {
            return None;
        }
        FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => {
            J::String(decimal_text(n))
        }
        FieldValue::Value(Value::Text(t)) => json!({ "text": t }),
        FieldValue::Milestone(Some(m)) => J::String(m.word().into()),
        FieldValue::Status(s) => J::String(s.word().into()),
        FieldValue::Text(t) => J::String(t.clone()),
        FieldValue::Note { date, text } => json!({ "date": date.to_string(), "text": text }),
        FieldValue::Kind {
            formula,
            direction,
            milestone,
        } => json!({
            "formula": formula.word(),
            "direction": direction.word(),
            "milestone": milestone.map(|m| m.word()),
        }),
        FieldValue::List(words) => json!(words),
    };
    Some(j.to_string())
}

/// Reads a change-log value of `field` back. `None` when it cannot be read as one.
pub fn decode_value(field: FieldKey, encoded: Option<&str>) -> Option<FieldValue> {
    use serde_json::Value as J;
    let json: Option<J> = match encoded {
        None => None,
        Some(text) => Some(serde_json::from_str(text).ok()?),
    };
    let decimal = |s: &str| Decimal::from_str_exact(s).ok();
    Some(match (field, json) {
        (FieldKey::Actual | FieldKey::Target | FieldKey::Baseline, None) => {
            FieldValue::Value(Value::None)
        }
        (FieldKey::Actual | FieldKey::Target | FieldKey::Baseline, Some(J::String(n))) => {
            FieldValue::Value(Value::Number(decimal(&n)?))
        }
        (FieldKey::Actual | FieldKey::Target | FieldKey::Baseline, Some(J::Object(o))) => {
            FieldValue::Value(Value::Text(o.get("text")?.as_str()?.to_string()))
        }
        (FieldKey::Milestone, None) => FieldValue::Milestone(None),
        (FieldKey::Milestone, Some(J::String(m))) => FieldValue::Milestone(Some(m.parse().ok()?)),
        (FieldKey::PartActual, None) => FieldValue::Number(None),
        (FieldKey::PartActual | FieldKey::Precision | FieldKey::PartTarget, Some(J::String(n))) => {
            FieldValue::Number(Some(decimal(&n)?))
        }
        (
            FieldKey::GoalNote
            | FieldKey::PartLabel
            | FieldKey::PartUnit
            | FieldKey::ActivityContent
            | FieldKey::ActivityPeriod,
            Some(J::String(t)),
        ) => FieldValue::Text(t),
        (FieldKey::ActivitySections, None) => FieldValue::List(Vec::new()),
        (FieldKey::ActivitySections, Some(J::Array(words))) => FieldValue::List(
            words
                .iter()
                .map(|w| w.as_str().map(str::to_string))
                .collect::<Option<_>>()?,
        ),
        (FieldKey::Formula, Some(J::Object(o))) => FieldValue::Kind {
            formula: o.get("formula")?.as_str()?.parse().ok()?,
            direction: o.get("direction")?.as_str()?.parse().ok()?,
            milestone: match o.get("milestone")? {
                J::Null => None,
                m => Some(m.as_str()?.parse().ok()?),
            },
        },
        (FieldKey::ActivityStatus, Some(J::String(s))) => FieldValue::Status(s.parse().ok()?),
        (
            FieldKey::Evaluation | FieldKey::Title | FieldKey::Unit | FieldKey::CalcMethod,
            Some(J::String(t)),
        ) => FieldValue::Text(t),
        (FieldKey::Note(_), Some(J::Object(o))) => FieldValue::Note {
            date: CalendarDate::from_stored(o.get("date")?.as_str()?)?,
            text: o.get("text")?.as_str()?.to_string(),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
