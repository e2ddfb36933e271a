//! A `.tassei` exchange file brought back to a collect: a section's handout as a tassei data
//! file, filled on a laptop with the same TUI and CLI.
//!
//! The merge is a state diff against the handout base: for each field the handout carried, the
//! file's value now is the returned value, and `merge`'s three-way rule decides, as for a
//! workbook. What travels: 実績値 (a goal's, a part's, a milestone goal's text), a milestone's
//! 達成状況, 評価内容 and meeting notes of the goals the section is 主担当 of, and 状況 of the
//! activities it is named on ([`carried_file`]). A meeting note is one field per meeting date:
//! its registry row is keyed by the goal's uid and the date ([`note_key`]), and a note of a date
//! written on the laptop is based on an empty note (registered when collected). The file's own
//! change log says who changed what there, and when ([`Laptop`]); a change there to anything
//! else (another section's field, a target, a title, the plan's rows) is listed as left out,
//! never applied.
//!
//! The file is refused whole when its exchange format is not this tassei's, when it was
//! handed out for another plan or year, or when the registry does not know its handout.

mod fixed;
mod travel;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::handout::{Carried, carried};
use super::incoming::{Incoming, Refusal, Source, file_name};
use super::returned::{Returned, ReturnedFile, Typed};
use crate::model::section::{Role, goals_of};
use crate::model::{
    CalendarDate, Edit, FieldKey, FieldValue, FormulaKind, Goal, NoteField, NoteFigures, Plan,
};
use crate::store::{
    EXCHANGE_FORMAT, ExchangeFileError, Handout, HandoutField, LaptopChange, LoggedField,
    OpenError, Store, Taken, is_sqlite_file, read_exchange_file,
};
use crate::strings::strings;
use crate::text::control::visible;

pub use travel::{left_behind, travels};

/// The name an exchange file is given: `市民係.tassei`.
pub const EXTENSION: &str = "tassei";

/// Between a goal's uid and a meeting date in a note's registry key.
const NOTE_KEY_SEPARATOR: char = '@';

/// Who changed a field in the exchange file, and when (local time to the minute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub actor: String,
    pub at: String,
}

/// What the exchange file's own change log says, and what the collect adds to the registry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Laptop {
    /// Who changed the file after the handout, each once, in the order of their first change.
    pub actors: Vec<String>,
    /// When the last change there was made, if any.
    pub last_at: Option<String>,
    /// The version of the tassei that wrote the file.
    pub written_by: String,
    /// Who last changed each field there: by (registry key, field).
    pub changed_by: HashMap<(String, FieldKey), Attribution>,
    /// Fields the handout did not carry that the collect takes, with their base: notes of
    /// meeting dates written there.
    pub added: Vec<Carried>,
    /// The goal's figures each meeting note was written with there: by the note's key.
    pub figures: HashMap<String, NoteFigures>,
}

impl Laptop {
    /// What the coordinator's change log records as a collected value's origin: the file, and
    /// who changed the value there and when (data, the same in every language).
    pub fn origin(&self, file: &str, taken: &Taken) -> String {
        match self
            .changed_by
            .get(&(taken.entity_uid.clone(), taken.field))
        {
            Some(by) => format!("{file}: {} {}", by.actor, by.at),
            None => file.to_string(),
        }
    }

    /// `taken` with the figures of each meeting note first written there (the goal's figures
    /// when it was), so the minutes show the figures of that meeting. A note the coordinator's
    /// file had already keeps its own figures: they are not logged, so no undo could bring
    /// them back once replaced.
    pub fn with_figures(&self, taken: &[Taken]) -> Vec<Taken> {
        taken
            .iter()
            .map(|t| {
                let mut t = t.clone();
                let new_there = self.added.iter().any(|(key, ..)| *key == t.entity_uid);
                if let Some((Edit::Note { figures, .. }, _)) = &mut t.edit
                    && figures.is_none()
                    && new_there
                {
                    figures.clone_from(&self.figures.get(&t.entity_uid).cloned());
                }
                t
            })
            .collect()
    }
}

/// Whether `path` is an exchange file: named `.tassei`, or an SQLite database under any name.
pub fn is_datafile(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
    {
        return true;
    }
    is_sqlite_file(path)
}

/// A meeting note's registry key: its goal's uid and the meeting date.
pub fn note_key(goal_uid: &str, date: CalendarDate) -> String {
    format!("{goal_uid}{NOTE_KEY_SEPARATOR}{date}")
}

/// A note's registry key read back: (goal uid, meeting date).
pub fn split_note_key(key: &str) -> Option<(&str, CalendarDate)> {
    let (uid, date) = key.split_once(NOTE_KEY_SEPARATOR)?;
    Some((uid, CalendarDate::from_stored(date)?))
}

/// The fields an exchange file for `section` carries, with their values now: the workbook's
/// ([`carried`]), and for each goal the section is 主担当 of a milestone goal's 実績値 and
/// 達成状況, and every field of its meeting notes.
pub fn carried_file(plan: &Plan, section: &str) -> Vec<Carried> {
    let mut out = carried(plan, section);
    for (_, goal, role) in goals_of(plan, section) {
        if role != Role::Primary {
            continue;
        }
        let uid = goal.uid.to_string();
        if goal.formula == FormulaKind::Milestone {
            // The workbook carries the state too (its drop-down): each field once.
            for (field, value) in [
                (FieldKey::Actual, FieldValue::Value(goal.actual.clone())),
                (FieldKey::Milestone, FieldValue::Milestone(goal.milestone)),
            ] {
                if !out.iter().any(|(u, f, _)| *u == uid && *f == field) {
                    out.push((uid.clone(), field, value));
                }
            }
        }
        for note in &goal.notes {
            for field in NoteField::ALL {
                out.push((
                    note_key(&uid, note.date),
                    FieldKey::Note(field),
                    FieldValue::Note {
                        date: note.date,
                        text: note.get(field).to_string(),
                    },
                ));
            }
        }
    }
    out
}

/// Reads the exchange file at `path` for a collect into `plan`, checked against `store`'s
/// registry.
pub fn read(path: &Path, store: &Store, plan: &Plan) -> Result<Incoming, Refusal> {
    let words = &strings().exchange;
    let name = file_name(path);
    let refuse = |line: String| Refusal::File(line);
    let copy = read_exchange_file(path).map_err(|e| refuse(said(&name, e)))?;
    if copy.format != EXCHANGE_FORMAT {
        return Err(refuse((words.other_format)(
            &name,
            copy.format,
            &visible(&copy.app_version, &[]),
            EXCHANGE_FORMAT,
            env!("CARGO_PKG_VERSION"),
        )));
    }
    let meta = copy.meta().map_err(|e| refuse(said(&name, e)))?;
    if meta.plan_uid != plan.uid.to_string() {
        return Err(refuse((words.other_plan)(&name, &plan.slug)));
    }
    if meta.fiscal_year != plan.fiscal_year.0 {
        return Err(refuse((words.other_year)(
            &name,
            &crate::model::FiscalYear(meta.fiscal_year).reiwa_label(),
            &plan.fiscal_year.reiwa_label(),
        )));
    }
    let Some(handout) = store.handout(meta.handout)? else {
        return Err(refuse((words.unknown_handout)(&name, meta.handout)));
    };
    // The same number made by a copy of this data file is another handout.
    if meta
        .handout_created
        .as_ref()
        .is_some_and(|made| *made != handout.created_at)
    {
        return Err(refuse((words.made_elsewhere)(&name, meta.handout)));
    }
    if handout.plan != plan.id {
        return Err(refuse((words.other_plan)(&name, &plan.slug)));
    }
    if handout.section != meta.section {
        return Err(refuse((words.other_section)(
            &name,
            meta.handout,
            &visible(&meta.section, &[]),
            &handout.section,
        )));
    }
    let unreadable = |e: &dyn std::fmt::Display| refuse((words.not_datafile)(&name, e));
    let there = copy.open().map_err(|e| match e {
        OpenError::Newer {
            found, supported, ..
        } => refuse((words.newer_datafile)(&name, found, supported)),
        other => unreadable(&other),
    })?;
    let Some(id) = there
        .plan_by_uid(&meta.plan_uid)
        .map_err(|e| unreadable(&e))?
    else {
        return Err(refuse((words.no_plan_there)(&name)));
    };
    let laptop_plan = there.load_plan(id).map_err(|e| unreadable(&e))?;
    let log = there
        .changes_after(id, meta.log_from)
        .map_err(|e| unreadable(&e))?;
    drop(there);
    drop(copy);
    let (file, handout, mut laptop) = returned(&name, plan, handout, &laptop_plan, &log);
    laptop.written_by = meta.app_version;
    Ok(Incoming {
        name,
        source: Source::DataFile { handout, laptop },
        file,
    })
}

/// The one line that refuses a file that could not be read as an exchange file.
fn said(name: &str, e: ExchangeFileError) -> String {
    let words = &strings().exchange;
    match e {
        ExchangeFileError::OpenBeside(beside) => (words.open_beside)(name, &file_name(&beside)),
        ExchangeFileError::Read(e) => (words.not_datafile)(name, &e),
        ExchangeFileError::NotTassei => (words.not_datafile)(name, &words.not_tassei_file),
        ExchangeFileError::NotExchange => (words.not_exchange)(name),
        ExchangeFileError::WasWal => (words.was_wal)(name),
        ExchangeFileError::Sqlite(e) => (words.not_datafile)(name, &e),
    }
}

/// The exchange file as returned rows against the handout: a row per field the handout
/// carried and per note written there since, each with the file's value now; the handout with
/// those notes added; who changed what there; and, as problems, what changed there that does
/// not travel.
pub fn returned(
    name: &str,
    plan: &Plan,
    mut handout: Handout,
    there: &Plan,
    log: &[LaptopChange],
) -> (ReturnedFile, Handout, Laptop) {
    let values = Values::of(there);
    let mut laptop = Laptop::default();
    let mut rows = Vec::new();
    for f in &handout.fields {
        if let Some(value) = values.get(&f.entity_uid, f.field) {
            rows.push(row(name, &f.entity_uid, f.field, value));
        }
    }
    // The goals whose notes travel: the section is their 主担当 (the handout carries their
    // 評価内容).
    let primary: HashSet<String> = handout
        .fields
        .iter()
        .filter(|f| f.field == FieldKey::Evaluation)
        .map(|f| f.entity_uid.clone())
        .collect();
    let registered: HashSet<(String, FieldKey)> = handout
        .fields
        .iter()
        .map(|f| (f.entity_uid.clone(), f.field))
        .collect();
    let mut added = Vec::new();
    for (_, goal) in there.goals() {
        let uid = goal.uid.to_string();
        if !primary.contains(&uid) {
            continue;
        }
        for note in &goal.notes {
            laptop
                .figures
                .insert(note_key(&uid, note.date), note.figures.clone());
            for field in NoteField::ALL {
                let key = note_key(&uid, note.date);
                let text = note.get(field);
                if text.is_empty() || registered.contains(&(key.clone(), FieldKey::Note(field))) {
                    continue;
                }
                let base = FieldValue::Note {
                    date: note.date,
                    text: String::new(),
                };
                let value = FieldValue::Note {
                    date: note.date,
                    text: text.to_string(),
                };
                rows.push(row(name, &key, FieldKey::Note(field), value));
                added.push((key, FieldKey::Note(field), base));
            }
        }
    }
    handout
        .fields
        .extend(added.iter().map(|(uid, field, base)| HandoutField {
            entity_uid: uid.clone(),
            field: *field,
            base: base.clone(),
            collected: None,
        }));
    laptop.added = added;
    let mut problems = Vec::new();
    attribute(name, log, &primary, &registered, &mut laptop, &mut problems);
    problems.extend(fixed::differences(name, plan, there));
    let file = ReturnedFile {
        name: name.to_string(),
        plan_uid: Some(there.uid.to_string()),
        handout: Some(handout.id),
        made: Some(handout.created_at.clone()),
        rows,
        problems,
    };
    (file, handout, laptop)
}

/// A returned row for a field the file holds exactly. A part's 実績値 is read from the
/// actual column of its row, as in a workbook.
fn row(name: &str, key: &str, field: FieldKey, value: FieldValue) -> Returned {
    Returned {
        at: name.to_string(),
        key: key.to_string(),
        shown_goal: None,
        field: match field {
            FieldKey::PartActual => FieldKey::Actual,
            other => other,
        },
        value: Typed::Stored(value),
    }
}

/// Reads the file's change log after the handout: who changed each field and when, every
/// actor once, and a line for each field changed there that does not travel (its value at the
/// end not the one it had at the handout).
fn attribute(
    name: &str,
    log: &[LaptopChange],
    primary: &HashSet<String>,
    registered: &HashSet<(String, FieldKey)>,
    laptop: &mut Laptop,
    problems: &mut Vec<String>,
) {
    let words = &strings().exchange;
    // Per (key, field) that does not travel, in log order: the value at the handout, the
    // value at the end, the last row.
    type Left = (Option<FieldValue>, Option<FieldValue>, usize);
    let mut left: Vec<((String, FieldKey), Left)> = Vec::new();
    let mut found: HashMap<(String, FieldKey), usize> = HashMap::new();
    for (i, change) in log.iter().enumerate() {
        if !laptop.actors.contains(&change.actor) {
            laptop.actors.push(change.actor.clone());
        }
        laptop.last_at = Some(change.at.clone());
        let LoggedField::Field(field) = change.field else {
            // Rows and plans added, removed or imported: the fixed content's comparison says.
            continue;
        };
        let key = match (field, change.new.as_ref().or(change.old.as_ref())) {
            (FieldKey::Note(_), Some(FieldValue::Note { date, .. })) => {
                note_key(&change.entity_uid, *date)
            }
            _ => change.entity_uid.clone(),
        };
        let travels = registered.contains(&(key.clone(), field))
            || (matches!(field, FieldKey::Note(_)) && primary.contains(&change.entity_uid));
        let by = Attribution {
            actor: change.actor.clone(),
            at: change.at.clone(),
        };
        laptop.changed_by.insert((key.clone(), field), by);
        // The definition of a goal, part or activity (目標値, 基準値, 目標名, 単位, 積算方法, 小数桁,
        // 注記, 算式; a part's label, unit, target; an activity's 実施内容, 時期, 担当係) is the
        // plan's fixed content: `fixed::differences` says it once, as differing from this file.
        let fixed = matches!(
            field,
            FieldKey::Target
                | FieldKey::Baseline
                | FieldKey::Title
                | FieldKey::Unit
                | FieldKey::CalcMethod
                | FieldKey::Precision
                | FieldKey::Formula
                | FieldKey::GoalNote
                | FieldKey::PartLabel
                | FieldKey::PartUnit
                | FieldKey::PartTarget
                | FieldKey::ActivityContent
                | FieldKey::ActivityPeriod
                | FieldKey::ActivitySections
        );
        if travels || fixed {
            continue;
        }
        match found.get(&(key.clone(), field)) {
            Some(&k) => {
                let entry = &mut left[k].1;
                entry.1 = change.new.clone();
                entry.2 = i;
            }
            None => {
                found.insert((key.clone(), field), left.len());
                left.push(((key, field), (change.old.clone(), change.new.clone(), i)));
            }
        }
    }
    for ((_, field), (first, last, i)) in left {
        if first == last {
            continue;
        }
        let change = &log[i];
        problems.push((words.not_theirs_there)(
            name,
            &change.subject,
            field.label_ja(),
            &change.actor,
            &change.at,
        ));
    }
}

/// The values of the travelling fields of a plan, by row uid.
struct Values<'a> {
    goals: HashMap<String, &'a Goal>,
    parts: HashMap<String, Option<rust_decimal::Decimal>>,
    activities: HashMap<String, crate::model::ActivityStatus>,
}

impl<'a> Values<'a> {
    fn of(plan: &'a Plan) -> Self {
        let mut values = Values {
            goals: HashMap::new(),
            parts: HashMap::new(),
            activities: HashMap::new(),
        };
        for (_, goal) in plan.goals() {
            values.goals.insert(goal.uid.to_string(), goal);
            for part in &goal.parts {
                values.parts.insert(part.uid.to_string(), part.actual);
            }
            for activity in &goal.activities {
                values
                    .activities
                    .insert(activity.uid.to_string(), activity.status);
            }
        }
        values
    }

    /// The value of `field` of the row `key` names; `None` when the file has no such row.
    fn get(&self, key: &str, field: FieldKey) -> Option<FieldValue> {
        Some(match field {
            FieldKey::Actual => FieldValue::Value(self.goals.get(key)?.actual.clone()),
            FieldKey::Milestone => FieldValue::Milestone(self.goals.get(key)?.milestone),
            FieldKey::Evaluation => FieldValue::Text(self.goals.get(key)?.evaluation.clone()),
            FieldKey::PartActual => FieldValue::Number(*self.parts.get(key)?),
            FieldKey::ActivityStatus => FieldValue::Status(*self.activities.get(key)?),
            FieldKey::Note(field) => {
                let (uid, date) = split_note_key(key)?;
                let goal = self.goals.get(uid)?;
                let text = goal
                    .notes
                    .iter()
                    .find(|n| n.date == date)
                    .map_or_else(String::new, |n| n.get(field).to_string());
                FieldValue::Note { date, text }
            }
            // The plan's fixed content travels in no handout: `datafile/fixed.rs` lists it.
            FieldKey::Target
            | FieldKey::Baseline
            | FieldKey::Title
            | FieldKey::Unit
            | FieldKey::CalcMethod
            | FieldKey::Precision
            | FieldKey::Formula
            | FieldKey::GoalNote
            | FieldKey::PartLabel
            | FieldKey::PartUnit
            | FieldKey::PartTarget
            | FieldKey::ActivityContent
            | FieldKey::ActivityPeriod
            | FieldKey::ActivitySections => return None,
        })
    }
}

#[cfg(test)]
mod tests;
