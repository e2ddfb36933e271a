//! What is wrong with a plan file: the errors a clerk is shown, each with its path, and the
//! collector that gathers every one of them while the plan is built.

use std::fmt;

use rust_decimal::Decimal;

use super::file::FileValue;
use crate::model::{EntryError, Value, parse_number};
use crate::strings::strings;

/// Everything wrong with a plan file, each with the path where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetErrors(pub Vec<SheetError>);

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// Where in the file: `initiatives[2].goals[0].target`, or empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl SheetErrors {
    /// At most this many problems are listed; the rest are counted.
    pub const SHOWN: usize = 20;

    /// The problems to show, one self-contained line each: the first [`Self::SHOWN`], then
    /// `…and K more problems`.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .0
            .iter()
            .take(Self::SHOWN)
            .map(ToString::to_string)
            .collect();
        if self.0.len() > Self::SHOWN {
            lines.push((strings().errors.sheet.more)(self.0.len() - Self::SHOWN));
        }
        lines
    }
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for SheetErrors {}

/// Collects problems with their paths while the plan is built.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<SheetError>);

impl Problems {
    pub(super) fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(SheetError {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Free text must not carry control characters: they would act on the clerk's terminal.
    pub(super) fn text(&mut self, path: &str, text: &str) {
        if let Some((i, c)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t'))
        {
            self.add(
                path,
                (strings().errors.sheet.control_character)(c as u32, i + 1),
            );
        }
    }

    pub(super) fn required(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.add(path, strings().errors.sheet.empty);
        }
        self.text(path, text);
    }

    pub(super) fn number(&mut self, path: &str, raw: &str) -> Option<Decimal> {
        match parse_number(raw, "") {
            Ok(n) => Some(n),
            Err(e) => {
                self.add(path, e.to_string());
                None
            }
        }
    }

    /// A figure as written. A number is read here without complaint: whether it is right for
    /// its goal (unit, sign, `9.500`) is checked once the goal is built, by `goal::check_figures`.
    pub(super) fn value(&mut self, path: &str, v: &FileValue, unit: &str) -> Value {
        match v {
            FileValue::Null => Value::None,
            FileValue::Number(raw) => parse_number(raw, unit).map_or(Value::None, Value::Number),
            FileValue::Text(t) => {
                self.required(path, t);
                Value::Text(t.clone())
            }
        }
    }

    /// A figure its goal refuses; a negative one says how a file allows it.
    pub(super) fn figure(&mut self, path: String, e: EntryError) {
        match e {
            EntryError::Negative(_) => self.add(path, (strings().errors.sheet.allow_negative)(&e)),
            _ => self.add(path, e.to_string()),
        }
    }

    pub(super) fn word<T: std::str::FromStr<Err = crate::model::UnknownWord>>(
        &mut self,
        path: &str,
        raw: &str,
    ) -> Option<T> {
        raw.parse()
            .map_err(|e: crate::model::UnknownWord| self.add(path, e.to_string()))
            .ok()
    }
}
