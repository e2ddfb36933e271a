//! The store boundary: rust_decimal ↔ TEXT, values ↔ their two columns, words ↔ enums.
//! Anything unreadable in the file is reported as damage with its place, never unwrapped.

use std::fmt::{self, Display};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::StoreError;
use super::handout::Settled;
use super::log::LoggedField;
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
        None => LoggedField::Unknown(word.to_string()),
    }
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
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    #[test]
    fn an_origin_keeps_its_file_and_how_it_was_settled() {
        for settled in [
            None,
            Some(Settled::ReturnedPreferred),
            Some(Settled::ClearConfirmed),
        ] {
            let text = origin_text("市民係.xlsx", settled);
            assert_eq!(origin_of_text(&text), ("市民係.xlsx".to_string(), settled));
        }
        // A name written before the words were, line break and all, is a name.
        assert_eq!(origin_of_text("a\nb.csv"), ("a\nb.csv".to_string(), None));
    }

    #[test]
    fn decimals_keep_their_scale_through_text() {
        for s in ["15.00", "9016", "-0.5", "79228162514264337593543950335"] {
            let d = decimal(s, "test").expect("valid");
            assert_eq!(decimal_text(&d), s);
        }
    }

    #[test]
    fn damage_names_the_place() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
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

    #[test]
    fn a_goal_code_with_a_bad_letter_is_damage() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let code = goal_ref(1, "ア", 2, 7).expect("valid");
        assert_eq!(code.to_string(), "⑴-ア-2");
        for bad in ["", "アイ"] {
            let err = goal_ref(1, bad, 2, 7).expect_err("damaged");
            assert_eq!(
                err.to_string(),
                format!("the data file is damaged: initiative 7 has the code letter \"{bad}\"")
            );
        }
    }

    #[test]
    fn every_field_word_reads_back_as_its_field() {
        for key in FieldKey::ALL {
            assert_eq!(logged_field(field_word(key)), LoggedField::Field(key));
            assert!(!stored(key).columns.is_empty(), "{key:?}");
        }
        assert_eq!(logged_field("import"), LoggedField::Import);
        assert_eq!(
            logged_field("budget"),
            LoggedField::Unknown("budget".into())
        );
        assert_eq!(entity_of_word("part"), Some(EntityKind::Part));
        assert_eq!(entity_of_word("plan"), None);
    }

    #[test]
    fn logged_values_read_back_as_written() {
        let date = CalendarDate::from_stored("2026-11-28").expect("date");
        for (key, v) in [
            (
                FieldKey::Actual,
                FieldValue::Value(Value::Text("未導入".into())),
            ),
            (FieldKey::Actual, FieldValue::Value(Value::None)),
            (
                FieldKey::Target,
                FieldValue::Value(Value::Number(Decimal::new(9500, 2))),
            ),
            (
                FieldKey::Target,
                FieldValue::Value(Value::Text("稼働".into())),
            ),
            (FieldKey::Baseline, FieldValue::Value(Value::None)),
            (FieldKey::Title, FieldValue::Text("有効申請率".into())),
            (
                FieldKey::Precision,
                FieldValue::Number(Some(Decimal::from(2))),
            ),
            (FieldKey::Unit, FieldValue::Text(String::new())),
            (
                FieldKey::CalcMethod,
                FieldValue::Text("令和6年2月末時点".into()),
            ),
            (
                FieldKey::PartActual,
                FieldValue::Number(Some(Decimal::new(1550, 2))),
            ),
            (FieldKey::Evaluation, FieldValue::Text("順調".into())),
            (
                FieldKey::Note(NoteField::Due),
                FieldValue::Note {
                    date,
                    text: "2026-12-15".into(),
                },
            ),
        ] {
            let encoded = encode_value(&v);
            assert_eq!(decode_value(key, encoded.as_deref()), Some(v), "{key:?}");
        }
        assert_eq!(
            encode_value(&FieldValue::Number(Some(Decimal::new(1550, 2)))).as_deref(),
            Some("\"15.50\""),
            "the scale is kept"
        );
        assert_eq!(decode_value(FieldKey::Evaluation, Some("not json")), None);
    }

    /// A stored word spelled outside this file is a second vocabulary that can drift from
    /// [`field_word`] and [`entity_word`]: every other layer names a field by [`FieldKey`] and a
    /// row by [`EntityKind`]. Field words are looked for as Rust literals (`"actual"`), entity
    /// words and the import row's words inside single-quoted SQL (`'goal'`).
    /// Only where the same word is another format's key may it appear, each place named here
    /// with why; an entry that excuses nothing is stale and fails too.
    #[test]
    fn field_words_are_spelled_only_in_the_codec() {
        const ALLOWED: &[(&str, &str, &str)] = &[
            // The plan file's JSON keys (a goal's "actual", "evaluation", "milestone"; a
            // derivation's figure "actual"): the file format clerks exchange, not the log's words.
            ("src/sheet/", "actual", "plan-file key"),
            ("src/sheet/", "evaluation", "plan-file key"),
            ("src/sheet/", "milestone", "plan-file key"),
            ("src/sheet/", "target", "plan-file key"),
            ("src/sheet/", "baseline", "plan-file key"),
            ("src/sheet/", "title", "plan-file key"),
            ("src/sheet/", "unit", "plan-file key"),
            ("src/sheet/", "calc_method", "plan-file key"),
            ("src/sheet/", "precision", "plan-file key"),
            // An English word a clerk reads ("title" in the finder and in `tassei find`), not a
            // stored one.
            ("src/strings/en/", "title", "English word"),
            ("src/model/plan.rs", "actual", "Figure's plan-file word"),
            ("src/model/plan.rs", "target", "Figure's plan-file word"),
            // `tassei set GOAL calc_method`: the command line's word for the field.
            ("src/cli/set.rs", "calc_method", "CLI field word"),
            // `tassei set GOAL part N unit|target VALUE`: the command line's words for a part's.
            ("src/cli/set.rs", "unit", "CLI field word"),
            ("src/cli/set.rs", "target", "CLI field word"),
            ("src/model/plan.rs", "baseline", "Figure's plan-file word"),
            ("src/model/plan.rs", "milestone", "FormulaKind's word"),
            // The export's column headers, a format of their own.
            ("src/report/export.rs", "actual", "export column"),
            ("src/report/export.rs", "evaluation", "export column"),
            ("src/report/export.rs", "target", "export column"),
            ("src/report/export.rs", "baseline", "export column"),
            ("src/report/export.rs", "title", "export column"),
            ("src/report/export.rs", "unit", "export column"),
            ("src/report/export.rs", "calc_method", "export column"),
            // Loading reads the tables' columns by name (some share a field's word), and its
            // damage messages name the column.
            ("src/store/load.rs", "actual", "SQL column"),
            ("src/store/load.rs", "milestone", "SQL column"),
            ("src/store/load.rs", "evaluation", "SQL column"),
            ("src/store/load.rs", "target", "SQL column"),
            ("src/store/load.rs", "title", "SQL column"),
            ("src/store/load.rs", "unit", "SQL column"),
            ("src/store/load.rs", "calc_method", "SQL column"),
            ("src/store/load.rs", "precision", "SQL column"),
            // The finder's label for a hit in a title: the search's own word.
            ("src/find/haystack.rs", "title", "finder place label"),
            ("src/store/load.rs", "baseline", "SQL column"),
            // A past upgrade step is history: its SQL must stay as it ran.
            ("src/store/migrate.rs", IMPORT_FIELD, "past migration"),
        ];
        let fields: Vec<&str> = FieldKey::ALL.iter().map(|k| field_word(*k)).collect();
        let entities = [EntityKind::Goal, EntityKind::Part, EntityKind::Activity].map(entity_word);
        // (what is looked for, the word an allow-list entry names). `"note_` finds every note
        // word; the others must be whole literals.
        let mut looked_for: Vec<(String, &str)> =
            fields.iter().map(|w| (format!("\"{w}\""), *w)).collect();
        looked_for.push(("\"note_".into(), "note_"));
        let rows = entities.iter().chain(&[PLAN_ENTITY, IMPORT_FIELD]);
        looked_for.extend(rows.map(|w| (format!("'{w}'"), *w)));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("src")];
        let mut found = Vec::new();
        let mut used = vec![false; ALLOWED.len()];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                let entries = std::fs::read_dir(&path).expect("src is readable");
                files.extend(entries.map(|e| e.expect("entry").path()));
                continue;
            }
            let name = path
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            if !name.ends_with(".rs") || name == "src/store/codec.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            for (n, line) in text.lines().enumerate() {
                for (literal, word) in &looked_for {
                    if !line.contains(literal.as_str()) {
                        continue;
                    }
                    let allowed = ALLOWED
                        .iter()
                        .position(|(file, w, _)| name.starts_with(file) && w == word);
                    match allowed {
                        Some(entry) => used[entry] = true,
                        None => found.push(format!("{name}:{}: {}", n + 1, line.trim())),
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "stored words outside store/codec.rs (name the field by FieldKey, the row by \
             EntityKind, and bind the word as an SQL parameter):\n{}",
            found.join("\n")
        );
        let stale: Vec<String> = ALLOWED
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|((file, word, why), _)| format!("{file} {word:?} ({why})"))
            .collect();
        assert!(
            stale.is_empty(),
            "allow-list entries that excuse nothing (remove them):\n{}",
            stale.join("\n")
        );
    }
}
