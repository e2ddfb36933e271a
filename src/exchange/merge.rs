//! The three-way rule and the plan of a collect. Per field, with base the value the registry
//! holds for the handout (as handed out, or as last collected from it): returned = base → no
//! change; current = base → apply; returned = current → no change; otherwise a conflict, shown
//! with all three values and applied only when the clerk prefers one side. Numbers compare by
//! value (75.0 = 75). A row that cannot be taken is left out with one line naming its cell.
//!
//! A file no handout went out as (a plain CSV, tassei's own export) has no base: the rule is
//! two-way. Returned = current → no change; otherwise the change is shown as having no base
//! (the clerk checks it) and taken on `--apply`; returned text that is the current text with
//! the characters CP932 lacks turned into `?` is flagged and kept as it is.

use std::collections::{HashMap, HashSet};

use crate::model::edit::check;
use crate::model::{ActivityStatus, FieldKey, FieldRef, FieldValue, GoalRef, Plan, Value};
use crate::store::{Handout, HandoutField, LastChange, Settled, Store, StoreError, Taken};
use crate::strings::strings;

use super::csv::lost_to_question_marks;
use super::returned::{ReturnedFile, Typed};

mod target;
#[cfg(test)]
mod tests;
pub(super) mod value;

use target::{Field, Rows, Target, edit_of, field_of, owner, subject_of_uid};
use value::{at_precision, percent_as_fraction, read};

/// What the rule decides for one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Returned as handed out: the section changed nothing.
    Unchanged,
    /// Changed by the section only: take it.
    Apply,
    /// Both sides hold the same value already.
    Already,
    /// Changed on both sides, differently.
    Conflict,
    /// Emptied by the section only (a figure, a text, a status cleared): a deletion, never
    /// taken silently; left out unless the clerk confirms it (`--confirm-clears`), as a
    /// conflict is settled.
    Cleared,
    /// No handout base (a plain CSV): the returned value differs from the one now. Taken on
    /// apply, shown for the clerk to check.
    Unbased,
    /// No handout base, and the returned text is the current text after a trip through CP932
    /// that turned characters into `?`: kept as it is.
    LostText,
}

/// The rule: `(base, current, returned)` → what to do. A value the section emptied is a
/// clear, not a change to apply.
pub fn three_way(base: &FieldValue, current: &FieldValue, returned: &FieldValue) -> Decision {
    if returned == base || is_blank(returned) && is_blank(base) {
        Decision::Unchanged
    } else if returned == current || is_blank(returned) && is_blank(current) {
        Decision::Already
    } else if is_blank(returned) {
        // Emptied: a clear whether or not the value moved since — confirmed on its own, never
        // taken as the returned side of a conflict.
        Decision::Cleared
    } else if current == base {
        Decision::Apply
    } else {
        Decision::Conflict
    }
}

/// Which side a conflict takes when the clerk says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    Returned,
    Current,
}

/// One field the collect changes or cannot settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where the returned value was read (`市民係.xlsx 評価シート!E12`, `市民係.csv 12行目`).
    pub at: String,
    pub subject: String,
    pub field: FieldKey,
    /// The field in the plan (to ask the change log about it).
    pub place: FieldRef,
    pub base: FieldValue,
    pub current: FieldValue,
    pub returned: FieldValue,
    pub decision: Decision,
    /// For a conflict or a clear: the side the clerk chose, if any.
    pub preferred: Option<Prefer>,
    /// The goal, part or activity by uid, as the value it would take names it
    /// ([`Taken::entity_uid`]): a preview chosen row by row (`choose`) finds it by this.
    pub entity_uid: String,
    /// For a conflict: who changed the value now since the handout (the change log's last
    /// change to the field, when it wrote that value), once [`Merge::attribute`] asked.
    pub by: Option<LastChange>,
}

impl Change {
    /// A conflict or a clear the clerk has not settled: left out.
    pub fn is_unsettled(&self) -> bool {
        matches!(self.decision, Decision::Conflict | Decision::Cleared) && self.preferred.is_none()
    }
}

/// An empty value: no figure, no text, no status, no state.
pub fn is_blank(v: &FieldValue) -> bool {
    match v {
        FieldValue::Value(Value::None) | FieldValue::Number(None) | FieldValue::Milestone(None) => {
            true
        }
        FieldValue::Value(Value::Text(t))
        | FieldValue::Text(t)
        | FieldValue::Note { text: t, .. } => t.trim().is_empty(),
        FieldValue::Status(s) => *s == ActivityStatus::Unset,
        FieldValue::List(words) => words.is_empty(),
        FieldValue::Kind { .. } => false,
        FieldValue::Value(Value::Number(_))
        | FieldValue::Number(Some(_))
        | FieldValue::Milestone(Some(_)) => false,
    }
}

/// The plan of collecting one file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merge {
    /// Changes to apply and conflicts, in the file's order.
    pub changes: Vec<Change>,
    /// What the store writes and records.
    pub taken: Vec<Taken>,
    /// Rows left out, a line each naming the cell.
    pub problems: Vec<String>,
}

impl Merge {
    /// Conflicts nobody settled: left out.
    pub fn open_conflicts(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| c.decision == Decision::Conflict && c.preferred.is_none())
    }

    /// Conflicts and clears nobody settled: left out, each waiting for the clerk's choice.
    pub fn unsettled(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.is_unsettled())
    }

    /// Names who made each conflict's value now, from the change log: its last change to the
    /// field, when that change wrote the value there (a value written from outside tassei names
    /// nobody).
    pub fn attribute(&mut self, store: &Store) -> Result<(), StoreError> {
        for c in self
            .changes
            .iter_mut()
            .filter(|c| c.decision == Decision::Conflict)
        {
            c.by = store
                .last_change(c.place)?
                .filter(|last| last.value.as_ref() == Some(&c.current));
        }
        Ok(())
    }

    /// How many values the apply writes.
    pub fn writes(&self) -> usize {
        self.taken.iter().filter(|t| t.edit.is_some()).count()
    }
}

/// Plans collecting `file` (handed out as `handout`, or as none: the two-way rule) into `plan`
/// as it is now.
pub fn merge(
    plan: &Plan,
    handout: Option<&Handout>,
    file: &ReturnedFile,
    prefer: Option<Prefer>,
    clears: Option<Prefer>,
) -> Merge {
    let words = &strings().exchange;
    let mut out = Merge {
        problems: file.problems.clone(),
        ..Merge::default()
    };
    // A row given twice (a copied row corrected in its copy) leaves every copy out: which one
    // the section meant is not for tassei to guess, and taking the first wrote the wrong one.
    let mut given: HashMap<(&str, FieldKey), Vec<&str>> = HashMap::new();
    for row in &file.rows {
        given
            .entry((row.key.as_str(), row.field))
            .or_default()
            .push(row.at.as_str());
    }
    // Per key given twice, the cells of each field given twice (to name the copies).
    let mut twice: HashMap<&str, Vec<(FieldKey, Vec<&str>)>> = HashMap::new();
    for ((key, field), cells) in given {
        if cells.len() > 1 {
            twice.entry(key).or_default().push((field, cells));
        }
    }
    let mut bad_keys: HashSet<String> = HashSet::new();
    let mut found_uids: HashSet<String> = HashSet::new();
    let rows = Rows::of(plan);
    let carried_fields: HashMap<(&str, FieldKey), &HandoutField> = handout
        .map_or(&[][..], |h| &h.fields[..])
        .iter()
        .map(|f| ((f.entity_uid.as_str(), f.field), f))
        .collect();
    for row in &file.rows {
        if bad_keys.contains(&row.key) {
            continue;
        }
        let Some(target) = rows.find(&row.key) else {
            let unknown = if handout.is_some() {
                words.unknown_key
            } else {
                words.unknown_goal
            };
            out.problems.push(unknown(&row.at, &row.key));
            bad_keys.insert(row.key.clone());
            continue;
        };
        // The row is there, whatever its cells hold: a cell left out for what it holds (a
        // formula, say) is said once, not again as a missing row.
        found_uids.insert(target.uid());
        if let (Target::Goal(r, _), Some(shown)) = (&target, &row.shown_goal)
            && shown.parse::<GoalRef>().ok() != Some(*r)
        {
            out.problems.push((words.moved_row)(&row.at, r, shown));
            bad_keys.insert(row.key.clone());
            continue;
        }
        let Some(Field {
            uid,
            key,
            place,
            subject,
            goal,
            current,
        }) = field_of(&target, row.field)
        else {
            // A column that row does not have (an activity's 実績値): nothing to read.
            continue;
        };
        // Every line about this cell names its goal and field as well as the cell.
        let here = (words.cell)(&row.at, &subject, key.label_ja());
        if let Some(fields) = twice.get(row.key.as_str()) {
            // The copies of this cell's field, or else of the first field given twice.
            let cells = fields
                .iter()
                .find(|(field, _)| *field == row.field)
                .or(fields.first())
                .map_or(&[][..], |(_, cells)| &cells[..]);
            let mut others: Vec<&str> = cells.iter().copied().filter(|c| *c != row.at).collect();
            others.sort_unstable();
            others.dedup();
            let others = others.join(words.file_separator);
            out.problems
                .push((words.duplicate_key)(&here, &row.key, &others));
            bad_keys.insert(row.key.clone());
            continue;
        }
        // A cell the section does not fill is locked and grey in its workbook: it is not read
        // (a value there is the one handed out, or `ー` for none, however the field moved
        // since; reading it blamed the section for a colleague's later edit).
        if handout.is_some() && !carried_fields.contains_key(&(uid.as_str(), key)) {
            continue;
        }
        let returned = match read(&target, key, &row.value, &row.at, &subject) {
            Ok(v) => v,
            Err(line) => {
                out.problems.push(line);
                continue;
            }
        };
        let base = match handout {
            Some(_) => {
                let Some(carried) = carried_fields.get(&(uid.as_str(), key)) else {
                    continue;
                };
                carried
                    .base_now(&current, &returned, matches!(row.value, Typed::Stored(_)))
                    .clone()
            }
            None => current.clone(),
        };
        // A figure typed into a cell comes back at the sheet's precision; one another data
        // file holds is already exact as its clerk typed it.
        let returned = match row.value {
            Typed::Stored(_) => returned,
            _ => at_precision(&target, returned, &base),
        };
        // Excel's own percent is caught by its cell's format; the guess is for a CSV's text.
        if matches!(row.value, Typed::Text(_))
            && returned != base
            && returned != current
            && let Some((held, meant)) = percent_as_fraction(&target, &returned, &base)
        {
            out.problems
                .push((words.percent_fraction)(&here, &held, &meant));
            continue;
        }
        let decision = match handout {
            Some(_) => three_way(&base, &current, &returned),
            None => two_way(&current, &returned),
        };
        let edit = edit_of(&target, key, &returned);
        let writes = matches!(
            decision,
            Decision::Apply | Decision::Conflict | Decision::Cleared | Decision::Unbased
        );
        if writes && edit.is_none() {
            // A value no edit writes: a milestone's 達成状況 emptied.
            out.problems.push((words.cannot_clear)(&here));
            continue;
        }
        if let Some(edit) = &edit
            && matches!(
                decision,
                Decision::Apply | Decision::Conflict | Decision::Cleared | Decision::Unbased
            )
            && let Err(refusal) = check(edit, &owner(goal, &subject))
        {
            out.problems.push((words.refused)(&here, &refusal));
            continue;
        }
        let settles = matches!(decision, Decision::Conflict | Decision::Cleared);
        // A clear is settled on its own (`--confirm-clears`), never as a side effect of
        // preferring the returned values of conflicts.
        let preferred = match decision {
            Decision::Conflict => prefer,
            Decision::Cleared => clears,
            _ => None,
        };
        let write = match (decision, preferred) {
            (Decision::Apply | Decision::Unbased, _)
            | (Decision::Conflict | Decision::Cleared, Some(Prefer::Returned)) => true,
            (Decision::Already, _)
            | (Decision::Conflict | Decision::Cleared, Some(Prefer::Current)) => false,
            _ => {
                if settles || decision == Decision::LostText {
                    out.changes.push(Change {
                        at: row.at.clone(),
                        subject,
                        field: key,
                        place,
                        base,
                        current,
                        returned,
                        decision,
                        preferred: None,
                        by: None,
                        entity_uid: uid.clone(),
                    });
                }
                continue;
            }
        };
        let settled = match (decision, preferred) {
            (Decision::Conflict, Some(Prefer::Returned)) => Some(Settled::ReturnedPreferred),
            (Decision::Cleared, Some(Prefer::Returned)) => Some(Settled::ClearConfirmed),
            _ => None,
        };
        out.taken.push(Taken {
            entity_uid: uid.clone(),
            field: key,
            value: returned.clone(),
            edit: if write {
                edit.map(|e| (e, current.clone()))
            } else {
                None
            },
            settled,
        });
        if decision != Decision::Already {
            out.changes.push(Change {
                at: row.at.clone(),
                subject,
                field: key,
                place,
                base,
                current,
                returned,
                decision,
                preferred,
                by: None,
                entity_uid: uid.clone(),
            });
        }
    }
    for f in handout.map_or(&[][..], |h| &h.fields[..]) {
        if !found_uids.contains(&f.entity_uid) {
            let subject =
                subject_of_uid(&rows, &f.entity_uid).unwrap_or_else(|| f.entity_uid.clone());
            let line = (words.missing_row)(&file.name, &subject);
            if !out.problems.contains(&line) {
                out.problems.push(line);
            }
        }
    }
    out
}

/// The rule without a base: returned = current → nothing; text lost to `?` → kept; otherwise
/// a change to check.
pub fn two_way(current: &FieldValue, returned: &FieldValue) -> Decision {
    let text = |v: &FieldValue| match v {
        FieldValue::Text(t) | FieldValue::Value(Value::Text(t)) => Some(t.clone()),
        _ => None,
    };
    if returned == current {
        Decision::Already
    } else if let (Some(now), Some(back)) = (text(current), text(returned))
        && lost_to_question_marks(&now, &back)
    {
        Decision::LostText
    } else {
        Decision::Unbased
    }
}
