//! A stored plan written back in the plan-file format (`tassei-plan/2`), so `tassei import` of it
//! into another data file reproduces the plan: its structure, every figure exactly as stored
//! (`15.00` stays `15.00`), statuses, 評価内容, meeting notes, milestone states, derivations,
//! shared activities and every row's uid.
//!
//! The plan is turned into the format's own types (`file`) and written by serde, one initiative
//! at a time, so a plan of 100,000 goals is never held twice.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::FORMAT;
use super::file::{
    ActivityFile, AreaFile, DerivationFile, FileValue, GoalFile, InitiativeFile, NoteFiguresFile,
    NoteFile, PartFile, PlanFile, ThresholdsFile,
};
use super::goal::implied_direction;
use crate::engine::work_out;
use crate::model::{
    Activity, ActivityStatus, Derivation, Figure, Goal, Initiative, MeetingNote, Part, Plan, Uid,
    Value, YearLinks,
};

/// Writes `plan` as a plan file (pretty JSON, a line break at the end), with the year links it
/// holds. Returns how many goals it holds.
pub fn write(out: &mut impl Write, plan: &Plan) -> io::Result<usize> {
    write_linked(out, plan, &plan.links)
}

/// [`write`] with `links`, the plan's links to the year before (a stored plan's, read by
/// `Store::year_links`).
pub fn write_linked(out: &mut impl Write, plan: &Plan, links: &YearLinks) -> io::Result<usize> {
    let file = PlanFile {
        format: FORMAT.to_string(),
        id: plan.slug.clone(),
        uid: uid(plan.uid),
        lineage: links.lineage.map(|l| l.to_string()),
        municipality: plan.municipality.clone(),
        title: plan.title.clone(),
        fiscal_year: plan.fiscal_year.0,
        source: plan.source.clone(),
        thresholds: Some(ThresholdsFile {
            achieved: FileValue::Number(plan.thresholds.achieved.to_string()),
            near: FileValue::Number(plan.thresholds.near.to_string()),
        }),
        policy_areas: plan
            .areas
            .iter()
            .map(|a| AreaFile {
                number: a.number,
                title: a.title.clone(),
            })
            .collect(),
        initiatives: Initiatives(plan, links),
    };
    file.serialize(&mut serde_json::Serializer::pretty(&mut *out))?;
    out.write_all(b"\n")?;
    Ok(plan.initiatives.iter().map(|i| i.goals.len()).sum())
}

/// The plan's initiatives, each made into the file's shape only as it is written.
struct Initiatives<'a>(&'a Plan, &'a YearLinks);

impl Serialize for Initiatives<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let links = self.1;
        serializer.collect_seq(self.0.initiatives.iter().map(|i| initiative(i, links)))
    }
}

/// The uid of the row `own` was rolled over from, when it was.
fn previous(links: &YearLinks, own: Uid) -> Option<String> {
    links.previous_of(own).map(|uid| uid.to_string())
}

/// A row's uid, or none for a plan not read from a data file.
fn uid(uid: Uid) -> Option<String> {
    (!uid.is_none()).then(|| uid.to_string())
}

/// A figure as stored: plain digits with the scale kept, never grouped or rounded.
fn value(v: &Value) -> FileValue {
    match v {
        Value::None => FileValue::Null,
        Value::Number(n) => FileValue::Number(n.to_string()),
        Value::Text(t) => FileValue::Text(t.clone()),
    }
}

fn initiative(i: &Initiative, links: &YearLinks) -> InitiativeFile {
    InitiativeFile {
        code: i.code.to_string(),
        uid: uid(i.uid),
        previous_uid: previous(links, i.uid),
        title: i.title.clone(),
        goals: i.goals.iter().map(|g| goal(g, links)).collect(),
    }
}

fn goal(g: &Goal, links: &YearLinks) -> GoalFile {
    GoalFile {
        number: g.number,
        uid: uid(g.uid),
        previous_uid: previous(links, g.uid),
        title: g.title.clone(),
        note: g.note.clone(),
        unit: g.unit.clone(),
        formula: g.formula.word().to_string(),
        // Only a direction the formula does not imply, as a sheet writes it.
        direction: (g.direction != implied_direction(g.formula))
            .then(|| g.direction.word().to_string()),
        precision: g.precision,
        allow_negative: g.allow_negative,
        baseline: value(&g.baseline),
        target: value(&g.target),
        actual: value(&g.actual),
        milestone: g.milestone.map(|m| m.word().to_string()),
        parts: g.parts.iter().map(part).collect(),
        printed_achievement: g.printed_achievement.clone(),
        page: g.page,
        derivations: g.derivations.iter().map(|d| derivation(g, d)).collect(),
        calc_method: g.calc_method.clone(),
        evaluation: g.evaluation.clone(),
        activities_from: g.activities_from.map(|r| r.to_string()),
        activities: g.activities.iter().map(|a| activity(a, links)).collect(),
        meeting_notes: g.notes.iter().map(note).collect(),
    }
}

fn part(p: &Part) -> PartFile {
    PartFile {
        label: p.label.clone(),
        uid: uid(p.uid),
        unit: p.unit.clone(),
        target: FileValue::Number(p.target.to_string()),
        actual: p
            .actual
            .map_or(FileValue::Null, |a| FileValue::Number(a.to_string())),
        note: p.note.clone(),
    }
}

/// A derivation, marked `stale` when its figure no longer is what the arithmetic works out to
/// (the figure was edited after the sheet stated it): the reader then keeps it unchecked.
fn derivation(g: &Goal, d: &Derivation) -> DerivationFile {
    let figure = match d.figure {
        Figure::Baseline => &g.baseline,
        Figure::Target => &g.target,
        Figure::Actual => &g.actual,
    };
    let stale = work_out(&d.expression, d.precision)
        .is_ok_and(|worked| figure.number() != Some(worked.value));
    DerivationFile {
        figure: d.figure.word().to_string(),
        expression: d.expression.text().to_string(),
        precision: d.precision,
        stale,
    }
}

fn activity(a: &Activity, links: &YearLinks) -> ActivityFile {
    ActivityFile {
        content: a.content.clone(),
        uid: uid(a.uid),
        previous_uid: previous(links, a.uid),
        period: a.period.raw().to_string(),
        sections: a.sections.clone(),
        // A file that states no status says 未記入, as the sheet does.
        status: (a.status != ActivityStatus::Unset).then(|| a.status.word().to_string()),
    }
}

fn note(n: &MeetingNote) -> NoteFile {
    let f = &n.figures;
    NoteFile {
        date: n.date.to_string(),
        decision: n.decision.clone(),
        follow_up: n.follow_up.clone(),
        owner: n.owner.clone(),
        due: n.due.clone(),
        figures: NoteFiguresFile {
            actual: f.actual.clone(),
            target: f.target.clone(),
            achievement: f.achievement.clone(),
            status: f.status.clone(),
            calculation: f.calculation.clone(),
        },
    }
}

#[cfg(test)]
mod tests;
