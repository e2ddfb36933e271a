//! A workbook's plan against the stored plan it was exported from (`tassei import FILE.xlsx
//! --into PLAN`): rows matched by uid (the hidden columns), each field that differs either an
//! edit tassei can log and undo ([`Change`], with the stored value it is based on, so a value
//! changed in the data file since the preview is refused, not overwritten), or a difference the
//! import does not write ([`Left`]): a field no edit covers yet, and rows added, removed or moved
//! in Excel (structure, `tassei add/remove`). There is no common base: the workbook's value and
//! the stored one are shown side by side, and nothing is written without `--apply`.

use std::collections::HashMap;
use std::fmt::Display;

use rust_decimal::Decimal;

use crate::model::FormulaKind;
use crate::model::edit::definition::formula_change;
use crate::model::{
    Activity, Edit, FieldKey, FieldValue, Goal, GoalRef, MilestoneState, Part, Plan, Uid, Value,
};
use crate::report::workbook::{Stamp, words};
use crate::store::{LastChange, Store, StoreError};
use crate::strings::strings;
use crate::text::control::visible;

/// An edit the import writes: the row it names, the column's header, both values as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edit: Edit,
    /// The stored value the change is based on, as the store compares it.
    pub seen: FieldValue,
    pub subject: String,
    pub label: &'static str,
    pub stored: String,
    pub workbook: String,
    /// Set when the data file changed the field too (see [`settle`]).
    pub conflict: Option<Conflict>,
}

/// A field the workbook changed that the data file changed as well: after the export when
/// `known`, or at some time the workbook cannot tell (it records no export position).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub by: LastChange,
    pub known: bool,
}

/// What differs and is not written, one line each, in the clerk's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left(pub String);

/// The comparison: what an `--apply` writes, and what it leaves.
#[derive(Debug, Default)]
pub struct Diff {
    pub changes: Vec<Change>,
    pub left: Vec<Left>,
}

/// Why a workbook is not compared with the plan at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// It carries no plan uid: a template, or a workbook made by hand.
    NoPlanUid,
    /// It was exported from another plan.
    OtherPlan,
}

/// `workbook` (read from a file exported from `stored`) against `stored`.
pub fn diff(stored: &Plan, workbook: &Plan) -> Result<Diff, Refused> {
    if workbook.uid.is_none() {
        return Err(Refused::NoPlanUid);
    }
    if workbook.uid != stored.uid {
        return Err(Refused::OtherPlan);
    }
    let mut d = Diff::default();
    plan_fields(&mut d, stored, workbook);
    let stored_goals: HashMap<Uid, (GoalRef, &Goal)> =
        stored.goals().map(|(r, g)| (g.uid, (r, g))).collect();
    let mut met = std::collections::HashSet::new();
    for (wr, w) in workbook.goals() {
        let Some((sr, s)) = stored_goals.get(&w.uid).filter(|_| !w.uid.is_none()) else {
            d.left(|t| (t.added)(&wr.to_string()));
            continue;
        };
        met.insert(w.uid);
        if *sr != wr {
            d.left(|t| (t.moved)(&sr.to_string(), &wr.to_string()));
        }
        goal(&mut d, *sr, s, w);
    }
    for (r, g) in stored.goals() {
        if !met.contains(&g.uid) {
            d.left(|t| (t.missing)(&r.to_string()));
        }
    }
    let stored_inis: HashMap<Uid, &str> = stored
        .initiatives
        .iter()
        .map(|i| (i.uid, i.title.as_str()))
        .collect();
    for ini in &workbook.initiatives {
        if let Some(title) = stored_inis.get(&ini.uid)
            && *title != ini.title
        {
            d.not_written(
                &ini.code.to_string(),
                words::INITIATIVE_TITLE,
                title,
                &ini.title,
            );
        }
    }
    Ok(d)
}

/// Each change against the data file's log since the workbook's export (`stamp`): a field the
/// data file changed after it and the workbook left at its exported value is no change of the
/// clerk's and is dropped (never written over the newer value); one changed on both sides is
/// a conflict. Without a stamp, any field the log shows changed is a conflict not `known`.
pub fn settle(d: &mut Diff, stamp: Option<&Stamp>, store: &Store) -> Result<(), StoreError> {
    let after = stamp.map_or(0, |s| s.log_id);
    let mut kept = Vec::with_capacity(d.changes.len());
    for mut c in std::mem::take(&mut d.changes) {
        if let Some(since) = store.changed_since(c.edit.field_ref(), after)? {
            if stamp.is_some() && since.then.as_ref() == Some(&c.edit.new_value()) {
                continue;
            }
            c.conflict = Some(Conflict {
                by: since.last,
                known: stamp.is_some(),
            });
        }
        kept.push(c);
    }
    d.changes = kept;
    Ok(())
}

impl Diff {
    fn left(&mut self, line: impl FnOnce(&crate::strings::exchange::PlanWorkbook) -> String) {
        self.left
            .push(Left(line(&strings().exchange.plan_workbook)));
    }

    /// A field that differs and that the import does not write.
    fn not_written(
        &mut self,
        subject: &str,
        label: &str,
        stored: &dyn Display,
        workbook: &dyn Display,
    ) {
        let (stored, workbook) = (
            visible(&stored.to_string(), &[]),
            visible(&workbook.to_string(), &[]),
        );
        self.left(|t| (t.not_written)(subject, label, &stored, &workbook));
    }

    fn change(&mut self, subject: &str, label: &'static str, edit: Edit, before: Edit) {
        let (seen, new) = (before.new_value(), edit.new_value());
        if seen == new {
            return;
        }
        self.changes.push(Change {
            stored: shown(&seen),
            workbook: shown(&new),
            edit,
            seen,
            subject: subject.to_string(),
            label,
            conflict: None,
        });
    }
}

/// A value as the preview shows it: a figure as the sheet prints it (`9,016`, ー), a word, a
/// text in 「」 (so an empty one shows), its line breaks shown (`^J`) to keep it on its line.
fn shown(v: &FieldValue) -> String {
    match v {
        FieldValue::Value(v) => v.to_string(),
        FieldValue::Number(Some(n)) => n.to_string(),
        FieldValue::Number(None) | FieldValue::Milestone(None) => words::NONE_MARK.to_string(),
        FieldValue::Milestone(Some(m)) => words::milestone_word(*m).to_string(),
        FieldValue::Status(s) => s.label_ja().to_string(),
        FieldValue::Text(t) => format!("「{}」", visible(t, &[])),
        FieldValue::Note { text, .. } => format!("「{}」", visible(text, &[])),
        FieldValue::Kind {
            formula, direction, ..
        } => format!("{formula} ({direction})"),
        FieldValue::List(sections) => sections.join(words::SECTIONS_JOINED),
    }
}

fn plan_fields(d: &mut Diff, s: &Plan, w: &Plan) {
    let subject = words::PLAN_SHEET;
    let pairs: [(&str, String, String); 6] = [
        (words::PLAN_ID, s.slug.clone(), w.slug.clone()),
        (
            words::MUNICIPALITY,
            s.municipality.clone(),
            w.municipality.clone(),
        ),
        (words::PLAN_TITLE, s.title.clone(), w.title.clone()),
        (
            words::FISCAL_YEAR,
            s.fiscal_year.0.to_string(),
            w.fiscal_year.0.to_string(),
        ),
        (
            words::ACHIEVED_FROM,
            s.thresholds.achieved.to_string(),
            w.thresholds.achieved.to_string(),
        ),
        (
            words::NEAR_FROM,
            s.thresholds.near.to_string(),
            w.thresholds.near.to_string(),
        ),
    ];
    for (label, a, b) in pairs {
        if a != b {
            d.not_written(subject, label, &a, &b);
        }
    }
}

/// A matched goal's fields: those an edit covers as changes, the others as left.
fn goal(d: &mut Diff, r: GoalRef, s: &Goal, w: &Goal) {
    let subject = r.to_string();
    let id = s.id;
    for (field, label, a, b) in [
        (FieldKey::Title, words::GOAL_TEXT, &s.title, &w.title),
        (FieldKey::Unit, words::UNIT, &s.unit, &w.unit),
        (
            FieldKey::CalcMethod,
            words::CALC_METHOD,
            &s.calc_method,
            &w.calc_method,
        ),
    ] {
        let text = |t: &String| Edit::GoalText {
            goal: id,
            field,
            text: t.clone(),
        };
        d.change(&subject, label, text(b), text(a));
    }
    d.change(
        &subject,
        words::BASELINE,
        Edit::Baseline {
            goal: id,
            value: w.baseline.clone(),
        },
        Edit::Baseline {
            goal: id,
            value: s.baseline.clone(),
        },
    );
    // A composite goal's 目標値 and 実績値 are its parts'.
    if s.parts.is_empty() && w.parts.is_empty() {
        figure_changes(d, &subject, id, s, w);
    }
    d.change(
        &subject,
        words::PRECISION,
        Edit::Precision {
            goal: id,
            digits: w.precision,
        },
        Edit::Precision {
            goal: id,
            digits: s.precision,
        },
    );
    d.change(
        &subject,
        words::EVALUATION,
        Edit::Evaluation {
            goal: id,
            text: w.evaluation.clone(),
        },
        Edit::Evaluation {
            goal: id,
            text: s.evaluation.clone(),
        },
    );
    if let (Some(a), Some(b)) = (s.milestone, w.milestone) {
        let state = |state: MilestoneState| Edit::Milestone {
            goal: id,
            state: Some(state),
        };
        d.change(&subject, words::MILESTONE, state(b), state(a));
    }
    let note = |t: &String| Edit::GoalText {
        goal: id,
        field: FieldKey::GoalNote,
        text: t.clone(),
    };
    d.change(&subject, words::NOTE, note(&w.note), note(&s.note));
    let none = words::NONE_MARK;
    let text_or_none = |t: &Option<String>| t.clone().unwrap_or_else(|| none.to_string());
    // A composite's formula is its parts': becoming one, or ceasing to be, is structure.
    let composite = [s.formula, w.formula].contains(&FormulaKind::Composite);
    if composite {
        for (label, a, b) in [
            (words::FORMULA_KIND, s.formula.word(), w.formula.word()),
            (words::DIRECTION, s.direction.word(), w.direction.word()),
        ] {
            if a != b {
                d.not_written(&subject, label, &a, &b);
            }
        }
    } else {
        d.change(
            &subject,
            words::FORMULA_KIND,
            formula_change(s, w.formula, w.direction),
            Edit::Formula {
                goal: id,
                formula: s.formula,
                direction: s.direction,
                milestone: s.milestone,
            },
        );
    }
    for (label, a, b) in [
        (
            words::ALLOW_NEGATIVE,
            yes(s.allow_negative),
            yes(w.allow_negative),
        ),
        (
            words::ACTIVITIES_FROM,
            s.activities_from
                .map_or(none.to_string(), |g| g.to_string()),
            w.activities_from
                .map_or(none.to_string(), |g| g.to_string()),
        ),
        (
            words::PRINTED_RATE,
            text_or_none(&s.printed_achievement),
            text_or_none(&w.printed_achievement),
        ),
    ] {
        if a != b {
            d.not_written(&subject, label, &a, &b);
        }
    }
    if s.derivations != w.derivations {
        let text = |g: &Goal| {
            g.derivations
                .iter()
                .map(|x| x.expression.text().to_string())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        d.not_written(&subject, words::EXPRESSION, &text(s), &text(w));
    }
    parts(d, r, s, w);
    activities(d, r, s, w);
}

fn yes(b: bool) -> String {
    if b { words::YES } else { words::NONE_MARK }.to_string()
}

fn figure_changes(d: &mut Diff, subject: &str, id: crate::model::GoalId, s: &Goal, w: &Goal) {
    let target = |v: &Value| Edit::Target {
        goal: id,
        value: v.clone(),
    };
    d.change(subject, words::TARGET, target(&w.target), target(&s.target));
    let actual = |v: &Value| Edit::Actual {
        goal: id,
        value: v.clone(),
    };
    d.change(subject, words::ACTUAL, actual(&w.actual), actual(&s.actual));
}

fn parts(d: &mut Diff, r: GoalRef, s: &Goal, w: &Goal) {
    let stored: HashMap<Uid, &Part> = s.parts.iter().map(|p| (p.uid, p)).collect();
    for p in &w.parts {
        let subject = format!("{r} {}", p.label);
        let Some(sp) = stored.get(&p.uid).filter(|_| !p.uid.is_none()) else {
            d.left(|t| (t.added)(&subject));
            continue;
        };
        let actual = |v: Option<Decimal>| Edit::PartActual {
            part: sp.id,
            value: v,
        };
        d.change(&subject, words::ACTUAL, actual(p.actual), actual(sp.actual));
        for (field, label, a, b) in [
            (FieldKey::PartLabel, words::PART_LABEL, &sp.label, &p.label),
            (FieldKey::PartUnit, words::UNIT, &sp.unit, &p.unit),
        ] {
            let text = |t: &String| Edit::PartText {
                part: sp.id,
                field,
                text: t.clone(),
            };
            d.change(&subject, label, text(b), text(a));
        }
        let target = |target: Decimal| Edit::PartTarget {
            part: sp.id,
            target,
        };
        d.change(&subject, words::TARGET, target(p.target), target(sp.target));
        if sp.note != p.note {
            d.not_written(&subject, words::NOTE, &sp.note, &p.note);
        }
    }
    for p in &s.parts {
        if !w.parts.iter().any(|x| x.uid == p.uid) {
            d.left(|t| (t.missing)(&format!("{r} {}", p.label)));
        }
    }
}

/// `⑴-ア-1 実施内容2`, as the change log names an activity.
fn activity_subject(r: GoalRef, k: usize) -> String {
    format!("{r} {}{}", words::ACTIVITY, k + 1)
}

fn activities(d: &mut Diff, r: GoalRef, s: &Goal, w: &Goal) {
    let stored: HashMap<Uid, (usize, &Activity)> = s
        .activities
        .iter()
        .enumerate()
        .map(|(k, a)| (a.uid, (k, a)))
        .collect();
    for (k, a) in w.activities.iter().enumerate() {
        let Some((sk, sa)) = stored.get(&a.uid).filter(|_| !a.uid.is_none()) else {
            d.left(|t| (t.added)(&activity_subject(r, k)));
            continue;
        };
        let subject = activity_subject(r, *sk);
        let status = |status| Edit::ActivityStatus {
            activity: sa.id,
            status,
        };
        d.change(
            &subject,
            words::ACTIVITY_STATUS,
            status(a.status),
            status(sa.status),
        );
        for (field, label, x, y) in [
            (
                FieldKey::ActivityContent,
                words::ACTIVITY,
                sa.content.as_str(),
                a.content.as_str(),
            ),
            (
                FieldKey::ActivityPeriod,
                words::PERIOD,
                sa.period.raw(),
                a.period.raw(),
            ),
        ] {
            let text = |t: &str| Edit::ActivityText {
                activity: sa.id,
                field,
                text: t.to_string(),
            };
            d.change(&subject, label, text(y), text(x));
        }
        let sections = |list: &Vec<String>| Edit::ActivitySections {
            activity: sa.id,
            sections: list.clone(),
        };
        d.change(
            &subject,
            words::SECTIONS,
            sections(&a.sections),
            sections(&sa.sections),
        );
    }
    for (k, a) in s.activities.iter().enumerate() {
        if !w.activities.iter().any(|x| x.uid == a.uid) {
            d.left(|t| (t.missing)(&activity_subject(r, k)));
        }
    }
}
