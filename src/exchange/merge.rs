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
use crate::model::{
    Activity, ActivityStatus, CalendarDate, Edit, FieldKey, FieldValue, FormulaKind, Goal, GoalRef,
    Owner, Part, Plan, Value,
};
use crate::store::{Handout, HandoutField, Taken};
use crate::strings::strings;

use super::csv::lost_to_question_marks;
use super::datafile::{note_key, split_note_key};
use super::returned::{ReturnedFile, Typed};

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
    /// No handout base (a plain CSV): the returned value differs from the one now. Taken on
    /// apply, shown for the clerk to check.
    Unbased,
    /// No handout base, and the returned text is the current text after a trip through CP932
    /// that turned characters into `?`: kept as it is.
    LostText,
}

/// The rule: `(base, current, returned)` → what to do.
pub fn three_way(base: &FieldValue, current: &FieldValue, returned: &FieldValue) -> Decision {
    if returned == base {
        Decision::Unchanged
    } else if current == base {
        Decision::Apply
    } else if returned == current {
        Decision::Already
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
    pub subject: String,
    pub field: FieldKey,
    pub base: FieldValue,
    pub current: FieldValue,
    pub returned: FieldValue,
    pub decision: Decision,
    /// For a conflict: the side the clerk chose, if any.
    pub preferred: Option<Prefer>,
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

    /// How many values the apply writes.
    pub fn writes(&self) -> usize {
        self.taken.iter().filter(|t| t.edit.is_some()).count()
    }
}

/// The row a key names.
#[derive(Clone, Copy)]
enum Target<'a> {
    Goal(GoalRef, &'a Goal),
    Part(GoalRef, &'a Goal, &'a Part, usize),
    Activity(GoalRef, &'a Goal, &'a Activity, usize),
    /// A goal's meeting note of a date (an exchange file's row, keyed by goal uid and date).
    Note(GoalRef, &'a Goal, CalendarDate),
}

/// Every goal, part and activity of a plan by its uid, made once per collect: a returned row
/// is found in one look-up, not a walk of the plan (a walk per row made a 10k-goal collect
/// take 13 s).
struct Rows<'a> {
    plan: &'a Plan,
    by_uid: HashMap<String, Target<'a>>,
}

impl<'a> Rows<'a> {
    fn of(plan: &'a Plan) -> Self {
        let mut by_uid = HashMap::new();
        for (r, g) in plan.goals() {
            by_uid.insert(g.uid.to_string(), Target::Goal(r, g));
            for (k, p) in g.parts.iter().enumerate() {
                by_uid.insert(p.uid.to_string(), Target::Part(r, g, p, k));
            }
            for (k, a) in g.activities.iter().enumerate() {
                by_uid.insert(a.uid.to_string(), Target::Activity(r, g, a, k));
            }
        }
        Rows { plan, by_uid }
    }

    /// The row a key names: a goal code, or a goal's, part's or activity's uid, or a note's
    /// key (its goal's uid and the meeting date).
    fn find(&self, key: &str) -> Option<Target<'a>> {
        if let Ok(r) = key.parse::<GoalRef>() {
            return self.plan.goal(r).map(|(_, g)| Target::Goal(r, g));
        }
        if let Some((uid, date)) = split_note_key(key) {
            return match self.by_uid.get(uid)? {
                Target::Goal(r, g) => Some(Target::Note(*r, g, date)),
                _ => None,
            };
        }
        self.by_uid.get(key).copied()
    }
}

/// Plans collecting `file` (handed out as `handout`, or as none: the two-way rule) into `plan`
/// as it is now.
pub fn merge(
    plan: &Plan,
    handout: Option<&Handout>,
    file: &ReturnedFile,
    prefer: Option<Prefer>,
) -> Merge {
    let words = &strings().exchange;
    let mut out = Merge {
        problems: file.problems.clone(),
        ..Merge::default()
    };
    let mut seen: HashSet<(String, FieldKey)> = HashSet::new();
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
        if let (Target::Goal(r, _), Some(shown)) = (&target, &row.shown_goal)
            && shown.parse::<GoalRef>().ok() != Some(*r)
        {
            out.problems.push((words.moved_row)(&row.at, r, shown));
            bad_keys.insert(row.key.clone());
            continue;
        }
        if !seen.insert((row.key.clone(), row.field)) {
            out.problems.push((words.duplicate_key)(&row.at, &row.key));
            bad_keys.insert(row.key.clone());
            continue;
        }
        let Some((uid, key, subject, goal, current)) = field_of(&target, row.field) else {
            // A column that row does not have (an activity's 実績値): nothing to read.
            continue;
        };
        found_uids.insert(uid.clone());
        if let Typed::Formula(f) = &row.value {
            out.problems
                .push(formula_instead(key, &row.at, &subject, f));
            continue;
        }
        let returned = match read(&target, key, &row.value, &row.at, &subject) {
            Ok(v) => v,
            Err(line) => {
                out.problems.push(line);
                continue;
            }
        };
        let (base, decision) = match handout {
            Some(_) => {
                let Some(carried) = carried_fields.get(&(uid.as_str(), key)) else {
                    // Locked for this section: left alone when it reads as it is.
                    if returned != current && row.value != Typed::Empty {
                        out.problems
                            .push((words.not_theirs)(&row.at, &subject, key.label_ja()));
                    }
                    continue;
                };
                let base = carried.base_now(&current).clone();
                let decision = three_way(&base, &current, &returned);
                (base, decision)
            }
            None => (current.clone(), two_way(&current, &returned)),
        };
        let edit = edit_of(&target, key, &returned);
        if let Some(edit) = &edit
            && matches!(
                decision,
                Decision::Apply | Decision::Conflict | Decision::Unbased
            )
            && let Err(refusal) = check(edit, &owner(goal, &subject))
        {
            out.problems.push((words.refused)(&row.at, &refusal));
            continue;
        }
        let preferred = (decision == Decision::Conflict).then_some(prefer).flatten();
        let write = match (decision, preferred) {
            (Decision::Apply | Decision::Unbased, _)
            | (Decision::Conflict, Some(Prefer::Returned)) => true,
            (Decision::Already, _) | (Decision::Conflict, Some(Prefer::Current)) => false,
            _ => {
                if matches!(decision, Decision::Conflict | Decision::LostText) {
                    out.changes.push(change(
                        subject, key, base, current, returned, decision, None,
                    ));
                }
                continue;
            }
        };
        out.taken.push(Taken {
            entity_uid: uid,
            field: key,
            value: returned.clone(),
            edit: if write {
                edit.map(|e| (e, current.clone()))
            } else {
                None
            },
        });
        if decision != Decision::Already {
            out.changes.push(change(
                subject, key, base, current, returned, decision, preferred,
            ));
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

fn change(
    subject: String,
    field: FieldKey,
    base: FieldValue,
    current: FieldValue,
    returned: FieldValue,
    decision: Decision,
    preferred: Option<Prefer>,
) -> Change {
    Change {
        subject,
        field,
        base,
        current,
        returned,
        decision,
        preferred,
    }
}

/// The field a column names on this row: its row's uid, the field, the subject, the goal and
/// the value now. `None` when the row has no such field.
fn field_of<'a>(
    target: &Target<'a>,
    column: FieldKey,
) -> Option<(String, FieldKey, String, &'a Goal, FieldValue)> {
    Some(match (target, column) {
        (Target::Goal(r, g), FieldKey::Actual) if g.formula != FormulaKind::Composite => (
            g.uid.to_string(),
            FieldKey::Actual,
            r.to_string(),
            *g,
            FieldValue::Value(g.actual.clone()),
        ),
        (Target::Goal(r, g), FieldKey::Evaluation) => (
            g.uid.to_string(),
            FieldKey::Evaluation,
            r.to_string(),
            *g,
            FieldValue::Text(g.evaluation.clone()),
        ),
        (Target::Part(r, g, p, _), FieldKey::Actual) => (
            p.uid.to_string(),
            FieldKey::PartActual,
            format!("{r} {}", p.label),
            *g,
            FieldValue::Number(p.actual),
        ),
        (Target::Activity(r, g, a, k), FieldKey::ActivityStatus) => (
            a.uid.to_string(),
            FieldKey::ActivityStatus,
            activity_subject(*r, *k),
            *g,
            FieldValue::Status(a.status),
        ),
        (Target::Goal(r, g), FieldKey::Milestone) => (
            g.uid.to_string(),
            FieldKey::Milestone,
            r.to_string(),
            *g,
            FieldValue::Milestone(g.milestone),
        ),
        (Target::Note(r, g, date), FieldKey::Note(field)) => (
            note_key(&g.uid.to_string(), *date),
            FieldKey::Note(field),
            note_subject(*r, *date),
            *g,
            FieldValue::Note {
                date: *date,
                text: g
                    .notes
                    .iter()
                    .find(|n| n.date == *date)
                    .map_or_else(String::new, |n| n.get(field).to_string()),
            },
        ),
        _ => return None,
    })
}

/// A returned value read by its goal's rules; `Err` is the line naming the cell `at`, the
/// goal and the field (`subject`).
fn read(
    target: &Target,
    key: FieldKey,
    typed: &Typed,
    at: &str,
    subject: &str,
) -> Result<FieldValue, String> {
    let bad = |e: crate::model::EntryError| bad_entry(target, key, at, subject, &e);
    Ok(match (target, key, typed) {
        // A value another data file holds, exactly (an exchange file): read by its own rules.
        (_, _, Typed::Stored(value)) => value.clone(),
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
                Typed::Empty | Typed::Stored(_) => String::new(),
                Typed::Formula(f) => f.clone(),
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

/// The edit that writes `value` to the field.
fn edit_of(target: &Target, key: FieldKey, value: &FieldValue) -> Option<Edit> {
    Some(match (target, key, value) {
        (Target::Goal(_, g), FieldKey::Actual, FieldValue::Value(v)) => Edit::Actual {
            goal: g.id,
            value: v.clone(),
        },
        (Target::Goal(_, g), FieldKey::Evaluation, FieldValue::Text(t)) => Edit::Evaluation {
            goal: g.id,
            text: t.clone(),
        },
        (Target::Part(_, _, p, _), FieldKey::PartActual, FieldValue::Number(n)) => {
            Edit::PartActual {
                part: p.id,
                value: *n,
            }
        }
        (Target::Activity(_, _, a, _), FieldKey::ActivityStatus, FieldValue::Status(s)) => {
            Edit::ActivityStatus {
                activity: a.id,
                status: *s,
            }
        }
        (Target::Goal(_, g), FieldKey::Milestone, FieldValue::Milestone(Some(state))) => {
            Edit::Milestone {
                goal: g.id,
                state: *state,
            }
        }
        (Target::Note(_, g, _), FieldKey::Note(field), FieldValue::Note { date, text }) => {
            Edit::Note {
                goal: g.id,
                date: *date,
                field,
                text: text.clone(),
                figures: None,
            }
        }
        _ => return None,
    })
}

/// How a change names an activity, as the change log does (`⑴-ア-1 実施内容2`).
fn activity_subject(r: GoalRef, k: usize) -> String {
    format!("{r} 実施内容{}", k + 1)
}

/// How a change names a meeting note, as the change log does (`⑴-ア-1 会議 2026-11-28`).
fn note_subject(r: GoalRef, date: CalendarDate) -> String {
    format!("{r} 会議 {date}")
}

/// Between the statuses a bad status cell lists.
pub(super) const LIST_SEPARATOR: &str = "・";

fn owner(goal: &Goal, subject: &str) -> Owner {
    Owner {
        subject: subject.to_string(),
        formula: goal.formula,
        allow_negative: goal.allow_negative,
        parts: goal
            .parts
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A returned value its goal's rules refuse, naming the cell, the goal and the field; a figure
/// that is not a number says to type the number alone (the unit is the cell's format, or the
/// goal's).
fn bad_entry(
    target: &Target,
    key: FieldKey,
    at: &str,
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
            (words.not_a_figure)(at, subject, key.label_ja(), why, unit)
        }
        other => (words.refused_value)(at, subject, key.label_ja(), other),
    }
}

/// A formula in an input cell, naming the goal and field, and what to put there instead.
fn formula_instead(key: FieldKey, at: &str, subject: &str, formula: &str) -> String {
    let words = &strings().exchange;
    let instead = match key {
        FieldKey::ActivityStatus => words.choose_a_status,
        FieldKey::Evaluation => words.type_the_text,
        _ => words.type_the_figure,
    };
    (words.formula_instead)(at, subject, key.label_ja(), formula, instead)
}

fn subject_of_uid(rows: &Rows, uid: &str) -> Option<String> {
    Some(match rows.find(uid)? {
        Target::Goal(r, _) => r.to_string(),
        Target::Part(r, _, p, _) => format!("{r} {}", p.label),
        Target::Activity(r, _, _, k) => activity_subject(r, k),
        Target::Note(r, _, date) => note_subject(r, date),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn n(x: i64) -> FieldValue {
        FieldValue::Value(Value::Number(Decimal::from(x)))
    }

    #[test]
    fn the_three_way_rule() {
        use Decision::*;
        // (base, current, returned) → decision.
        for (base, current, returned, want) in [
            (80, 80, 80, Unchanged),
            (80, 90, 80, Unchanged), // the section left it: the coordinator's change stays
            (80, 80, 85, Apply),
            (80, 85, 85, Already),
            (80, 90, 85, Conflict),
        ] {
            assert_eq!(
                three_way(&n(base), &n(current), &n(returned)),
                want,
                "{base} {current} {returned}"
            );
        }
        // 75.0 = 75: compared by value.
        let seventy_five = FieldValue::Value(Value::Number(Decimal::new(750, 1)));
        assert_eq!(three_way(&n(75), &n(75), &seventy_five), Unchanged);
    }

    #[test]
    fn without_a_base_the_rule_is_two_way() {
        use Decision::*;
        let seventy_five = FieldValue::Value(Value::Number(Decimal::new(750, 1)));
        assert_eq!(two_way(&n(75), &seventy_five), Already);
        assert_eq!(two_way(&n(75), &n(80)), Unbased);
        let text = |t: &str| FieldValue::Text(t.to_string());
        assert_eq!(two_way(&text("⑴の目標"), &text("?の目標")), LostText);
        assert_eq!(two_way(&text("⑴の目標"), &text("?の目標を達成")), Unbased);
        assert_eq!(
            two_way(&text("目標"), &text("?標")),
            Unbased,
            "nothing to lose"
        );
    }
}
