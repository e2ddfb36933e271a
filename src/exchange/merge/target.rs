//! The row a returned key names (a goal, a part, an activity), the field a column is on it,
//! and the edit that writes a value there.

use std::collections::HashMap;

use crate::exchange::datafile::{note_key, split_note_key};
use crate::model::{
    Activity, CalendarDate, Edit, FieldKey, FieldRef, FieldValue, FormulaKind, Goal, GoalRef,
    Owner, Part, Plan,
};

/// The row a key names.
#[derive(Clone, Copy)]
pub(super) enum Target<'a> {
    Goal(GoalRef, &'a Goal),
    Part(GoalRef, &'a Goal, &'a Part, usize),
    Activity(GoalRef, &'a Goal, &'a Activity, usize),
    /// A goal's meeting note of a date (an exchange file's row, keyed by goal uid and date).
    Note(GoalRef, &'a Goal, CalendarDate),
}

impl Target<'_> {
    /// The uid of the goal, part or activity the row is.
    pub(super) fn uid(&self) -> String {
        match self {
            Target::Goal(_, g) => g.uid.to_string(),
            Target::Part(_, _, p, _) => p.uid.to_string(),
            Target::Activity(_, _, a, _) => a.uid.to_string(),
            Target::Note(_, g, date) => note_key(&g.uid.to_string(), *date),
        }
    }
}

/// Every goal, part and activity of a plan by its uid, made once per collect: a returned row
/// is found in one look-up, not a walk of the plan (a walk per row made a 10k-goal collect
/// take 13 s).
pub(super) struct Rows<'a> {
    plan: &'a Plan,
    by_uid: HashMap<String, Target<'a>>,
}

impl<'a> Rows<'a> {
    pub(super) fn of(plan: &'a Plan) -> Self {
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
    pub(super) fn find(&self, key: &str) -> Option<Target<'a>> {
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

/// A field of a returned row, as the plan holds it now.
pub(super) struct Field<'a> {
    /// The goal's, part's or activity's uid.
    pub(super) uid: String,
    pub(super) key: FieldKey,
    /// The field in the plan, for the change log.
    pub(super) place: FieldRef,
    /// `⑴-ア-1`, `⑴-オ-1 開催回数`, `⑴-ア-1 実施内容2`.
    pub(super) subject: String,
    pub(super) goal: &'a Goal,
    pub(super) current: FieldValue,
}

/// The field a column names on this row; `None` when the row has no such field.
pub(super) fn field_of<'a>(target: &Target<'a>, column: FieldKey) -> Option<Field<'a>> {
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
        (Target::Note(r, g, date), FieldKey::Note(field)) => Field {
            uid: note_key(&g.uid.to_string(), *date),
            key: FieldKey::Note(field),
            place: FieldRef::Note {
                goal: g.id,
                date: *date,
                field,
            },
            subject: note_subject(*r, *date),
            goal: g,
            current: FieldValue::Note {
                date: *date,
                text: g
                    .notes
                    .iter()
                    .find(|n| n.date == *date)
                    .map_or_else(String::new, |n| n.get(field).to_string()),
            },
        },
        _ => return None,
    })
}

/// The edit that writes `value` to the field.
pub(super) fn edit_of(target: &Target, key: FieldKey, value: &FieldValue) -> Option<Edit> {
    Some(match (target, key, value) {
        (Target::Goal(_, g), FieldKey::Actual, FieldValue::Value(v)) => Edit::Actual {
            goal: g.id,
            value: v.clone(),
        },
        (Target::Goal(_, g), FieldKey::Milestone, FieldValue::Milestone(Some(state))) => {
            Edit::Milestone {
                goal: g.id,
                state: Some(*state),
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
pub(super) fn activity_subject(r: GoalRef, k: usize) -> String {
    crate::model::structure::activity_subject(r, k)
}

/// How a change names a meeting note, as the change log does (`⑴-ア-1 会議 2026-11-28`).
fn note_subject(r: GoalRef, date: CalendarDate) -> String {
    format!("{r} 会議 {date}")
}

pub(super) fn owner(goal: &Goal, subject: &str) -> Owner {
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

pub(super) fn subject_of_uid(rows: &Rows, uid: &str) -> Option<String> {
    Some(match rows.find(uid)? {
        Target::Goal(r, _) => r.to_string(),
        Target::Part(r, _, p, _) => format!("{r} {}", p.label),
        Target::Activity(r, _, _, k) => activity_subject(r, k),
        Target::Note(r, _, date) => note_subject(r, date),
    })
}
