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

use rust_decimal::Decimal;

use crate::model::edit::check;
use crate::model::{
    Activity, ActivityStatus, Edit, FieldKey, FieldRef, FieldValue, FormulaKind, Goal, GoalRef,
    MilestoneState, Owner, Part, Plan, Value,
};
use crate::report::workbook::words::milestone_word;
use crate::store::{Handout, HandoutField, LastChange, Settled, Store, StoreError, Taken};
use crate::strings::strings;

use super::csv::lost_to_question_marks;
use super::handout::figure_decimals;
use super::returned::{ReturnedFile, Typed, Unreadable};

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
    /// taken silently; left out unless the clerk confirms it (`--prefer returned`), as a
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
    if returned == base {
        Decision::Unchanged
    } else if current == base && is_blank(returned) {
        Decision::Cleared
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

/// The row a key names.
#[derive(Clone, Copy)]
enum Target<'a> {
    Goal(GoalRef, &'a Goal),
    Part(GoalRef, &'a Goal, &'a Part, usize),
    Activity(GoalRef, &'a Goal, &'a Activity, usize),
}

impl Target<'_> {
    /// The uid of the goal, part or activity the row is.
    fn uid(&self) -> String {
        match self {
            Target::Goal(_, g) => g.uid.to_string(),
            Target::Part(_, _, p, _) => p.uid.to_string(),
            Target::Activity(_, _, a, _) => a.uid.to_string(),
        }
    }
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

    /// The row a key names: a goal code, or a goal's, part's or activity's uid.
    fn find(&self, key: &str) -> Option<Target<'a>> {
        if let Ok(r) = key.parse::<GoalRef>() {
            return self.plan.goal(r).map(|(_, g)| Target::Goal(r, g));
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
        if !seen.insert((row.key.clone(), row.field)) {
            out.problems.push((words.duplicate_key)(&here, &row.key));
            bad_keys.insert(row.key.clone());
            continue;
        }
        let returned = match read(&target, key, &row.value, &here) {
            Ok(v) => v,
            Err(line) => {
                out.problems.push(line);
                continue;
            }
        };
        let base = match handout {
            Some(_) => {
                let Some(carried) = carried_fields.get(&(uid.as_str(), key)) else {
                    // Locked for this section: left alone when it reads as it is.
                    if returned != current && row.value != Typed::Empty {
                        out.problems.push((words.not_theirs)(&here));
                    }
                    continue;
                };
                carried.base_now(&current).clone()
            }
            None => current.clone(),
        };
        let returned = at_precision(&target, returned, &base);
        if returned != base
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
        let preferred = settles.then_some(prefer).flatten();
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
            entity_uid: uid,
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

/// A field of a returned row, as the plan holds it now.
struct Field<'a> {
    /// The goal's, part's or activity's uid.
    uid: String,
    key: FieldKey,
    /// The field in the plan, for the change log.
    place: FieldRef,
    /// `⑴-ア-1`, `⑴-オ-1 開催回数`, `⑴-ア-1 実施内容2`.
    subject: String,
    goal: &'a Goal,
    current: FieldValue,
}

/// The field a column names on this row; `None` when the row has no such field.
fn field_of<'a>(target: &Target<'a>, column: FieldKey) -> Option<Field<'a>> {
    Some(match (target, column) {
        (Target::Goal(r, g), FieldKey::Actual) if g.formula != FormulaKind::Composite => Field {
            uid: g.uid.to_string(),
            key: FieldKey::Actual,
            place: FieldRef::Actual(g.id),
            subject: r.to_string(),
            goal: g,
            current: FieldValue::Value(g.actual.clone()),
        },
        // A milestone's 達成状況 is in the 状況 column of its goal's row.
        (Target::Goal(r, g), FieldKey::ActivityStatus | FieldKey::Milestone)
            if g.formula == FormulaKind::Milestone =>
        {
            Field {
                uid: g.uid.to_string(),
                key: FieldKey::Milestone,
                place: FieldRef::Milestone(g.id),
                subject: r.to_string(),
                goal: g,
                current: FieldValue::Milestone(g.milestone),
            }
        }
        (Target::Goal(r, g), FieldKey::Evaluation) => Field {
            uid: g.uid.to_string(),
            key: FieldKey::Evaluation,
            place: FieldRef::Evaluation(g.id),
            subject: r.to_string(),
            goal: g,
            current: FieldValue::Text(g.evaluation.clone()),
        },
        (Target::Part(r, g, p, _), FieldKey::Actual) => Field {
            uid: p.uid.to_string(),
            key: FieldKey::PartActual,
            place: FieldRef::PartActual(p.id),
            subject: format!("{r} {}", p.label),
            goal: g,
            current: FieldValue::Number(p.actual),
        },
        (Target::Activity(r, g, a, k), FieldKey::ActivityStatus) => Field {
            uid: a.uid.to_string(),
            key: FieldKey::ActivityStatus,
            place: FieldRef::ActivityStatus(a.id),
            subject: activity_subject(*r, *k),
            goal: g,
            current: FieldValue::Status(a.status),
        },
        _ => return None,
    })
}

/// A returned value read by its goal's rules; `Err` is the line naming the cell `at`.
fn read(target: &Target, key: FieldKey, typed: &Typed, at: &str) -> Result<FieldValue, String> {
    let words = &strings().exchange;
    let bad = |e: crate::model::EntryError| (words.bad_value)(at, &e);
    Ok(match (target, key, typed) {
        (_, _, Typed::Unreadable(Unreadable::Formula(f))) => return Err((words.formula)(at, f)),
        (_, _, Typed::Unreadable(Unreadable::NotExact(x))) => {
            return Err((words.not_exact)(at, x));
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
                Typed::Empty | Typed::Unreadable(_) => String::new(),
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
                Typed::Empty | Typed::Unreadable(_) => String::new(),
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

/// A returned number at the precision its field is shown with: as many decimals as the goal's
/// figures (its 基準値 and 目標値) and the base have — a ％ handed out as 14.20 and typed 14.2
/// comes back 14.20 — and every decimal more that the clerk typed (180.5 in a cell that shows
/// 181 stays 180.5: nothing is ever rounded away). Trailing zeros beyond that are dropped.
fn at_precision(target: &Target, returned: FieldValue, base: &FieldValue) -> FieldValue {
    let base_scale = match base {
        FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => n.scale(),
        _ => 0,
    };
    let figures = match target {
        Target::Goal(_, g) => figure_decimals(g),
        Target::Part(_, _, p, _) => p.target.scale(),
        Target::Activity(..) => 0,
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
fn percent_as_fraction(
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
        Target::Activity(..) => return None,
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

/// The edit that writes `value` to the field.
fn edit_of(target: &Target, key: FieldKey, value: &FieldValue) -> Option<Edit> {
    Some(match (target, key, value) {
        (Target::Goal(_, g), FieldKey::Actual, FieldValue::Value(v)) => Edit::Actual {
            goal: g.id,
            value: v.clone(),
        },
        (Target::Goal(_, g), FieldKey::Milestone, FieldValue::Milestone(Some(state))) => {
            Edit::Milestone {
                goal: g.id,
                state: *state,
            }
        }
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
        _ => return None,
    })
}

/// How a change names an activity, as the change log does (`⑴-ア-1 実施内容2`).
fn activity_subject(r: GoalRef, k: usize) -> String {
    format!("{r} 実施内容{}", k + 1)
}

/// Between the statuses a bad status cell lists.
const LIST_SEPARATOR: &str = "・";

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

fn subject_of_uid(rows: &Rows, uid: &str) -> Option<String> {
    Some(match rows.find(uid)? {
        Target::Goal(r, _) => r.to_string(),
        Target::Part(r, _, p, _) => format!("{r} {}", p.label),
        Target::Activity(r, _, _, k) => activity_subject(r, k),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Emptied by the section alone: a clear, not a change; emptied on both sides: already.
        let none = FieldValue::Value(Value::None);
        assert_eq!(three_way(&n(80), &n(80), &none), Cleared);
        assert_eq!(three_way(&n(80), &none, &none), Already);
        assert_eq!(three_way(&n(80), &n(90), &none), Conflict);
        assert_eq!(three_way(&none, &none, &none), Unchanged);
        let text = |t: &str| FieldValue::Text(t.to_string());
        assert_eq!(three_way(&text("済"), &text("済"), &text("")), Cleared);
        let status = FieldValue::Status;
        assert_eq!(
            three_way(
                &status(ActivityStatus::Done),
                &status(ActivityStatus::Done),
                &status(ActivityStatus::Unset)
            ),
            Cleared
        );
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
