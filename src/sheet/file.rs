//! The JSON plan format's types as serde reads them: the first pass, which checks shape and
//! types and names the path of the first mismatch (`initiatives[2].goals[0].target`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile {
    pub(super) format: String,
    pub(super) id: String,
    pub(super) municipality: String,
    pub(super) title: String,
    pub(super) fiscal_year: i32,
    #[serde(default)]
    pub(super) source: String,
    #[serde(default)]
    pub(super) thresholds: Option<ThresholdsFile>,
    #[serde(default)]
    pub(super) policy_areas: Vec<AreaFile>,
    pub(super) initiatives: Vec<InitiativeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ThresholdsFile {
    #[serde(default)]
    pub(super) achieved: FileValue,
    #[serde(default)]
    pub(super) near: FileValue,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AreaFile {
    pub(super) number: u8,
    #[serde(default)]
    pub(super) title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InitiativeFile {
    pub(super) code: String,
    pub(super) title: String,
    pub(super) goals: Vec<GoalFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GoalFile {
    pub(super) number: u32,
    pub(super) title: String,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) unit: String,
    #[serde(default)]
    pub(super) calc_method: String,
    pub(super) formula: String,
    #[serde(default)]
    pub(super) direction: Option<String>,
    #[serde(default)]
    pub(super) precision: u32,
    #[serde(default)]
    pub(super) allow_negative: bool,
    #[serde(default)]
    pub(super) baseline: FileValue,
    #[serde(default)]
    pub(super) target: FileValue,
    #[serde(default)]
    pub(super) actual: FileValue,
    #[serde(default)]
    pub(super) milestone: Option<String>,
    #[serde(default)]
    pub(super) parts: Vec<PartFile>,
    #[serde(default)]
    pub(super) evaluation: String,
    #[serde(default)]
    pub(super) printed_achievement: Option<String>,
    #[serde(default)]
    pub(super) page: Option<u32>,
    #[serde(default)]
    pub(super) activities: Vec<ActivityFile>,
    #[serde(default)]
    pub(super) activities_from: Option<String>,
    #[serde(default)]
    pub(super) derivations: Vec<DerivationFile>,
}

/// `{"figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1}`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DerivationFile {
    pub(super) figure: String,
    pub(super) expression: String,
    #[serde(default)]
    pub(super) precision: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PartFile {
    pub(super) label: String,
    #[serde(default)]
    pub(super) unit: String,
    pub(super) target: FileValue,
    #[serde(default)]
    pub(super) actual: FileValue,
    #[serde(default)]
    pub(super) note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActivityFile {
    pub(super) content: String,
    #[serde(default)]
    pub(super) period: String,
    #[serde(default)]
    pub(super) sections: Vec<String>,
    #[serde(default)]
    pub(super) status: Option<String>,
}

/// A value as written in the file: `null`, a number as a string or whole number, or `{"text": …}`.
#[derive(Default)]
pub(super) enum FileValue {
    #[default]
    Null,
    Number(String),
    Text(String),
}

impl<'de> Deserialize<'de> for FileValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FileValueVisitor)
    }
}

pub(super) struct FileValueVisitor;

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
