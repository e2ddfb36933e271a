//! One goal of a plan file checked and built: its fields, its figures read by the goal's own
//! rules, its parts, its activities, the derivations that must work out to the figures stated
//! (unless the file says a figure was changed since), and its meeting notes.

use std::collections::HashMap;

use super::MAX_PRECISION;
use super::file::{ActivityFile, FileValue, GoalFile, NoteFile};
use super::problems::Problems;
use super::validate::{Ids, next};
use crate::engine::work_out;
use crate::model::expression::Expression;
use crate::model::meeting::read_due;
use crate::model::{
    Activity, ActivityId, ActivityStatus, CalendarDate, Derivation, Direction, Figure, FiscalYear,
    FormulaKind, Goal, GoalId, GoalRef, MeetingNote, MilestoneState, NoteFigures, Part, PartId,
    Period, parse_number,
};
use crate::strings::strings;

/// A goal as the file gives it, with every problem of its fields, figures, parts and
/// derivations added to `p`.
/// One goal of the plan; `year` is the plan's fiscal year, in which its 時期 are read.
pub(super) fn goal(
    p: &mut Problems,
    ids: &mut Ids,
    path: &str,
    g: &GoalFile,
    year: FiscalYear,
) -> Goal {
    let at = |field: &str| format!("{path}.{field}");
    let uid = ids.uid(p, path, g.uid.as_deref());
    if g.number == 0 {
        p.add(at("number"), strings().errors.sheet.goal_number_zero);
    }
    p.required(&at("title"), &g.title);
    for (field, text) in [
        ("note", &g.note),
        ("unit", &g.unit),
        ("calc_method", &g.calc_method),
        ("evaluation", &g.evaluation),
    ] {
        p.text(&at(field), text);
    }
    let formula = p
        .word::<FormulaKind>(&at("formula"), &g.formula)
        .unwrap_or(FormulaKind::Ratio);
    let implied = implied_direction(formula);
    let direction = match &g.direction {
        None => implied,
        Some(raw) => p
            .word::<Direction>(&at("direction"), raw)
            .unwrap_or(implied),
    };
    let direction_fits = match formula {
        FormulaKind::Ratio | FormulaKind::Composite => direction == Direction::Higher,
        FormulaKind::LowerIsBetter => direction == Direction::Lower,
        FormulaKind::FromBaseline | FormulaKind::Milestone => true,
    };
    if !direction_fits {
        p.add(
            at("direction"),
            (strings().errors.sheet.direction)(&formula, &direction),
        );
    }
    if g.precision > MAX_PRECISION {
        p.add(
            at("precision"),
            (strings().errors.sheet.precision)(g.precision, MAX_PRECISION),
        );
    }
    let milestone = match (&g.milestone, formula) {
        (Some(raw), FormulaKind::Milestone) => p.word::<MilestoneState>(&at("milestone"), raw),
        // From /2 a milestone may be not yet reported (a year just rolled over); /1 had no
        // such state.
        (None, FormulaKind::Milestone) => {
            if ids.first_version {
                p.add(at("milestone"), strings().errors.sheet.milestone_missing);
            }
            None
        }
        (Some(_), _) => {
            p.add(
                at("milestone"),
                (strings().errors.sheet.milestone_not_allowed)(&formula),
            );
            None
        }
        (None, _) => None,
    };
    let parts = parts(p, ids, path, g, formula);
    let activities = g
        .activities
        .iter()
        .enumerate()
        .map(|(k, a)| activity(p, ids, &format!("{path}.activities[{k}]"), a, year))
        .collect();
    let derivations = derivations(p, ids, path, g);
    let notes = notes(p, ids, path, &g.meeting_notes);
    let activities_from = g.activities_from.as_deref().and_then(|raw| {
        raw.parse::<GoalRef>()
            .map_err(|e| p.add(at("activities_from"), e.to_string()))
            .ok()
    });
    if let Some(printed) = &g.printed_achievement {
        p.text(&at("printed_achievement"), printed);
    }
    let goal = Goal {
        id: GoalId(next(&mut ids.goal)),
        uid,
        number: g.number,
        title: g.title.clone(),
        note: g.note.clone(),
        unit: g.unit.clone(),
        calc_method: g.calc_method.clone(),
        formula,
        direction,
        precision: g.precision.min(MAX_PRECISION),
        allow_negative: g.allow_negative,
        baseline: p.value(&at("baseline"), &g.baseline, &g.unit),
        target: p.value(&at("target"), &g.target, &g.unit),
        actual: p.value(&at("actual"), &g.actual, &g.unit),
        milestone,
        parts,
        evaluation: g.evaluation.clone(),
        printed_achievement: g.printed_achievement.clone(),
        page: g.page,
        activities,
        activities_from,
        derivations,
        notes,
    };
    check_figures(p, path, g, &goal);
    goal
}

/// The direction a goal has when its file states none: lower for `lower_is_better`, else higher.
pub(super) fn implied_direction(formula: FormulaKind) -> Direction {
    if formula == FormulaKind::LowerIsBetter {
        Direction::Lower
    } else {
        Direction::Higher
    }
}

/// Every figure of a goal and of its parts, read by the goal's own rules as `tassei set` reads
/// a typed actual: what `set` refuses (a negative figure, another unit, `9.500` in whole
/// things) a file cannot bring in either.
fn check_figures(p: &mut Problems, path: &str, g: &GoalFile, goal: &Goal) {
    for (field, v) in [
        ("baseline", &g.baseline),
        ("target", &g.target),
        ("actual", &g.actual),
    ] {
        if let FileValue::Number(raw) = v
            && let Err(e) = goal.read_figure(raw)
        {
            p.figure(format!("{path}.{field}"), e);
        }
    }
    for (k, part) in g.parts.iter().enumerate() {
        for (field, v) in [("target", &part.target), ("actual", &part.actual)] {
            if let FileValue::Number(raw) = v
                && let Err(e) = goal.read_part_figure(k + 1, raw)
            {
                p.figure(format!("{path}.parts[{k}].{field}"), e);
            }
        }
    }
}

/// Each stated derivation must parse and work out to the figure the sheet states, unless the
/// file says the figure was changed since (`stale`, /2): the store keeps such a derivation, and
/// the card flags it.
fn derivations(p: &mut Problems, ids: &Ids, path: &str, g: &GoalFile) -> Vec<Derivation> {
    let mut out: Vec<Derivation> = Vec::new();
    for (k, d) in g.derivations.iter().enumerate() {
        let at = |field: &str| format!("{path}.derivations[{k}].{field}");
        ids.only_in_2(p, &at("stale"), d.stale);
        let Some(figure) = p.word::<Figure>(&at("figure"), &d.figure) else {
            continue;
        };
        if out.iter().any(|o| o.figure == figure) {
            p.add(
                at("figure"),
                (strings().errors.sheet.two_derivations)(&figure),
            );
            continue;
        }
        if d.precision > MAX_PRECISION {
            p.add(
                at("precision"),
                (strings().errors.sheet.precision)(d.precision, MAX_PRECISION),
            );
            continue;
        }
        let expression = match Expression::parse(&d.expression) {
            Ok(e) => e,
            Err(e) => {
                p.add(at("expression"), e.to_string());
                continue;
            }
        };
        let stated = match figure {
            Figure::Baseline => &g.baseline,
            Figure::Target => &g.target,
            Figure::Actual => &g.actual,
        };
        let stated = match stated {
            FileValue::Number(raw) => parse_number(raw, &g.unit).ok(),
            _ => None,
        };
        let worked = work_out(&expression, d.precision);
        let stale = d.stale && !ids.first_version;
        match (worked, stated) {
            (Err(e), _) => p.add(at("expression"), format!("\"{}\": {e}", d.expression)),
            (Ok(_), _) if stale => out.push(Derivation {
                figure,
                expression,
                precision: d.precision,
            }),
            (Ok(_), None) => p.add(
                at("figure"),
                (strings().errors.sheet.derivation_of_text)(&figure),
            ),
            (Ok(w), Some(s)) if w.value != s => p.add(
                at("expression"),
                (strings().errors.sheet.derivation_differs)(&w.text, &w.value, &figure, &s),
            ),
            (Ok(_), Some(_)) => out.push(Derivation {
                figure,
                expression,
                precision: d.precision,
            }),
        }
    }
    out.sort_by_key(|d| d.figure);
    out
}

fn parts(
    p: &mut Problems,
    ids: &mut Ids,
    path: &str,
    g: &GoalFile,
    formula: FormulaKind,
) -> Vec<Part> {
    if formula == FormulaKind::Composite && g.parts.is_empty() {
        p.add(format!("{path}.parts"), strings().errors.sheet.no_parts);
    }
    if formula != FormulaKind::Composite && !g.parts.is_empty() {
        p.add(
            format!("{path}.parts"),
            (strings().errors.sheet.parts_not_allowed)(&formula),
        );
    }
    g.parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let at = |field: &str| format!("{path}.parts[{k}].{field}");
            let uid = ids.uid(p, &format!("{path}.parts[{k}]"), part.uid.as_deref());
            p.required(&at("label"), &part.label);
            p.text(&at("unit"), &part.unit);
            p.text(&at("note"), &part.note);
            // Numbers are checked with the goal's rules by check_figures.
            let target = match &part.target {
                FileValue::Number(raw) => parse_number(raw, &part.unit).ok(),
                _ => {
                    p.add(at("target"), strings().errors.sheet.part_target);
                    None
                }
            };
            let actual = match &part.actual {
                FileValue::Null => None,
                FileValue::Number(raw) => parse_number(raw, &part.unit).ok(),
                FileValue::Text(_) => {
                    p.add(at("actual"), strings().errors.sheet.part_actual);
                    None
                }
            };
            Part {
                id: PartId(next(&mut ids.part)),
                uid,
                label: part.label.clone(),
                unit: part.unit.clone(),
                target: target.unwrap_or_default(),
                actual,
                note: part.note.clone(),
            }
        })
        .collect()
}

/// One activity of a goal. Its 時期 is kept as written; one tassei cannot read is counted and
/// shown, never refused: the sheet says what it says.
fn activity(
    p: &mut Problems,
    ids: &mut Ids,
    path: &str,
    a: &ActivityFile,
    year: FiscalYear,
) -> Activity {
    let uid = ids.uid(p, path, a.uid.as_deref());
    p.required(&format!("{path}.content"), &a.content);
    p.text(&format!("{path}.period"), &a.period);
    for (s, section) in a.sections.iter().enumerate() {
        p.required(&format!("{path}.sections[{s}]"), section);
    }
    // A file that states no status says nothing about progress: 未記入, never overdue.
    let status = match &a.status {
        None => ActivityStatus::Unset,
        Some(raw) => p
            .word(&format!("{path}.status"), raw)
            .unwrap_or(ActivityStatus::Unset),
    };
    Activity {
        id: ActivityId(next(&mut ids.activity)),
        uid,
        content: a.content.clone(),
        period: Period::parse(&a.period, year),
        sections: a.sections.clone(),
        status,
    }
}

/// A goal's meeting notes (/2): one per meeting date, each date a date and each 期限 one or
/// nothing, the text free of control characters; kept oldest first, as the store reads them.
fn notes(p: &mut Problems, ids: &Ids, path: &str, notes: &[NoteFile]) -> Vec<MeetingNote> {
    ids.only_in_2(p, &format!("{path}.meeting_notes"), !notes.is_empty());
    let mut seen: HashMap<CalendarDate, usize> = HashMap::new();
    let mut out = Vec::with_capacity(notes.len());
    for (k, n) in notes.iter().enumerate() {
        let at = |field: &str| format!("{path}.meeting_notes[{k}].{field}");
        let date = match n.date.parse::<CalendarDate>() {
            Ok(date) => date,
            Err(e) => {
                p.add(at("date"), e.to_string());
                continue;
            }
        };
        if let Some(first) = seen.insert(date, k) {
            p.add(
                at("date"),
                (strings().errors.sheet.duplicate_note)(&date, path, first),
            );
        }
        let f = &n.figures;
        for (field, text) in [
            ("decision", &n.decision),
            ("follow_up", &n.follow_up),
            ("owner", &n.owner),
            ("figures.actual", &f.actual),
            ("figures.target", &f.target),
            ("figures.achievement", &f.achievement),
            ("figures.status", &f.status),
            ("figures.calculation", &f.calculation),
        ] {
            p.text(&at(field), text);
        }
        let due = read_due(&n.due).unwrap_or_else(|e| {
            p.add(at("due"), e.to_string());
            String::new()
        });
        out.push(MeetingNote {
            date,
            decision: n.decision.clone(),
            follow_up: n.follow_up.clone(),
            owner: n.owner.clone(),
            due,
            figures: NoteFigures {
                actual: f.actual.clone(),
                target: f.target.clone(),
                achievement: f.achievement.clone(),
                status: f.status.clone(),
                calculation: f.calculation.clone(),
            },
        });
    }
    out.sort_by_key(|n| n.date);
    out
}
