//! The JSON plan format's types as serde reads and writes them: the first pass, which checks
//! shape and types and names the path of the first mismatch (`initiatives[2].goals[0].target`),
//! and the shape `write` fills. A field new in `tassei-plan/2` is read in either version here;
//! `validate` refuses it in a file that says /1. Public for another reader of a plan (a
//! workbook, `exchange::plan_workbook`) to fill and hand to [`super::validate_file`].

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::{SheetError, SheetErrors};
use crate::strings::strings;

/// The first pass: the file's shape and types, or the path of the first mismatch.
pub(super) fn read_shape(text: &str) -> Result<PlanFile, SheetErrors> {
    let mut json = serde_json::Deserializer::from_str(text);
    let file: PlanFile = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.into_inner();
        let message = match inner.classify() {
            serde_json::error::Category::Syntax => (strings().errors.sheet.not_json)(&inner),
            serde_json::error::Category::Eof => (strings().errors.sheet.cut_short)(&inner),
            _ => inner.to_string(),
        };
        SheetErrors(vec![SheetError { path, message }])
    })?;
    json.end().map_err(|e| {
        SheetErrors(vec![SheetError {
            path: String::new(),
            message: e.to_string(),
        }])
    })?;
    Ok(file)
}

/// The plan's title's key, as a problem's path names it.
pub const TITLE_KEY: &str = "title";

/// A whole plan file. `I` is what holds the initiatives: a list when read, a view of a stored
/// plan made one initiative at a time when written (`write`), so a large plan is never copied
/// whole.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile<I = Vec<InitiativeFile>> {
    pub format: String,
    pub id: String,
    /// /2: the plan's uid in the data file it was written from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// /2: the uid of the first year of the plan's lineage, for a plan rolled over from another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<String>,
    pub municipality: String,
    pub title: String,
    pub fiscal_year: i32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<ThresholdsFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_areas: Vec<AreaFile>,
    pub initiatives: I,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsFile {
    #[serde(default)]
    pub achieved: FileValue,
    #[serde(default)]
    pub near: FileValue,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaFile {
    pub number: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativeFile {
    pub code: String,
    /// /2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// /2: the uid of the row it was rolled over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_uid: Option<String>,
    pub title: String,
    pub goals: Vec<GoalFile>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoalFile {
    pub number: u32,
    /// /2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// /2: the uid of the row it was rolled over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_uid: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    pub formula: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub precision: u32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_negative: bool,
    #[serde(default, skip_serializing_if = "FileValue::is_null")]
    pub baseline: FileValue,
    #[serde(default, skip_serializing_if = "FileValue::is_null")]
    pub target: FileValue,
    #[serde(default, skip_serializing_if = "FileValue::is_null")]
    pub actual: FileValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_achievement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derivations: Vec<DerivationFile>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub calc_method: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evaluation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activities_from: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityFile>,
    /// /2: the review meetings' notes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_notes: Vec<NoteFile>,
}

/// `{"figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1}`
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DerivationFile {
    pub figure: String,
    pub expression: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub precision: u32,
    /// /2: the figure was changed after the sheet stated this arithmetic, which no longer
    /// works out to it (the card says so); kept as the sheet wrote it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stale: bool,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartFile {
    pub label: String,
    /// /2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    pub target: FileValue,
    #[serde(default, skip_serializing_if = "FileValue::is_null")]
    pub actual: FileValue,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityFile {
    pub content: String,
    /// /2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// /2: the uid of the row it was rolled over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_uid: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// /2: a goal's note from one review meeting (評価会議), with the goal's figures as shown then.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoteFile {
    /// The meeting's date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub follow_up: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// 期限, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default, skip_serializing_if = "NoteFiguresFile::is_empty")]
    pub figures: NoteFiguresFile,
}

/// The goal's figures when the note was written, as they were shown (text, not read again).
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct NoteFiguresFile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub achievement: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub calculation: String,
}

impl NoteFiguresFile {
    fn is_empty(&self) -> bool {
        [
            &self.actual,
            &self.target,
            &self.achievement,
            &self.status,
            &self.calculation,
        ]
        .iter()
        .all(|t| t.is_empty())
    }
}

// serde's `skip_serializing_if` takes a path to a function of a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A value as written in the file: `null`, a number as a string or whole number, or `{"text": …}`.
#[derive(Default)]
pub enum FileValue {
    #[default]
    Null,
    Number(String),
    Text(String),
}

impl FileValue {
    pub fn is_null(&self) -> bool {
        matches!(self, FileValue::Null)
    }
}

impl Serialize for FileValue {
    /// A number always as a string, so it stays exact (`"15.00"`, not 15).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FileValue::Null => serializer.serialize_none(),
            FileValue::Number(n) => serializer.serialize_str(n),
            FileValue::Text(t) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("text", t)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for FileValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FileValueVisitor)
    }
}

pub struct FileValueVisitor;

impl<'de> Visitor<'de> for FileValueVisitor {
    type Value = FileValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(strings().errors.sheet.figure_expected)
    }

    fn visit_unit<E: de::Error>(self) -> Result<FileValue, E> {
        Ok(FileValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<FileValue, E> {
        Ok(FileValue::Null)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileValue, E> {
        Err(E::custom((strings().errors.sheet.fraction)(&v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileValue, A::Error> {
        let mut text = None;
        while let Some(key) = map.next_key::<String>()? {
            if key != "text" || text.is_some() {
                return Err(de::Error::custom((strings().errors.sheet.text_key)(&key)));
            }
            text = Some(map.next_value::<String>()?);
        }
        text.map(FileValue::Text)
            .ok_or_else(|| de::Error::custom(strings().errors.sheet.text_value))
    }
}
