//! What an exchange file holds that does not travel back: the plan's fixed content — titles,
//! units, baselines and targets, formulas, activities, sections, the plan's own rows. Where the
//! file's differs from the data file it is collected into, a line each, left out: a collect
//! takes figures and words the section fills, never the plan's shape.

use std::collections::HashMap;

use crate::model::{Goal, GoalRef, Initiative, Plan};
use crate::report::workbook::words;
use crate::strings::strings;

/// A line for each row of `there` (the file's plan) whose fixed content differs from `here`'s,
/// and for each row the file has that `here` does not.
pub fn differences(name: &str, here: &Plan, there: &Plan) -> Vec<String> {
    let exchange = &strings().exchange;
    let mut out = Vec::new();
    let plan_row = |p: &Plan| {
        (
            p.title.clone(),
            p.municipality.clone(),
            p.thresholds,
            p.areas.clone(),
        )
    };
    if plan_row(here) != plan_row(there) {
        out.push((exchange.plan_differs)(name));
    }
    let initiatives: HashMap<String, &Initiative> = here
        .initiatives
        .iter()
        .map(|i| (i.uid.to_string(), i))
        .collect();
    let goals: HashMap<String, (GoalRef, &Goal)> = here
        .goals()
        .map(|(r, g)| (g.uid.to_string(), (r, g)))
        .collect();
    for initiative in &there.initiatives {
        let code = initiative.code.to_string();
        match initiatives.get(&initiative.uid.to_string()) {
            None => out.push((exchange.only_there)(name, &code)),
            Some(ours) if ours.code != initiative.code || ours.title != initiative.title => {
                out.push((exchange.fixed_differs)(
                    name,
                    &code,
                    &[words::INITIATIVE_TITLE],
                ));
            }
            Some(_) => {}
        }
    }
    for (r, goal) in there.goals() {
        let subject = r.to_string();
        let Some((our_ref, ours)) = goals.get(&goal.uid.to_string()) else {
            out.push((exchange.only_there)(name, &subject));
            continue;
        };
        let mut what = differing(ours, goal);
        if *our_ref != r {
            what.insert(0, words::GOAL);
        }
        if !what.is_empty() {
            out.push((exchange.fixed_differs)(name, &subject, &what));
        }
    }
    out
}

/// The sheet's words for what differs between two versions of a goal, leaving out what
/// travels (実績値, 達成状況, 評価内容, notes, 状況) and what the file keeps for reference
/// (the printed 達成度, the page).
fn differing(here: &Goal, there: &Goal) -> Vec<&'static str> {
    let mut what = Vec::new();
    let mut note = |differs: bool, word: &'static str| {
        if differs && !what.contains(&word) {
            what.push(word);
        }
    };
    note(
        here.title != there.title || here.note != there.note,
        words::GOAL_TEXT,
    );
    note(here.unit != there.unit, words::UNIT);
    note(here.baseline != there.baseline, words::BASELINE);
    note(here.target != there.target, words::TARGET);
    note(here.calc_method != there.calc_method, words::CALC_METHOD);
    note(
        here.formula != there.formula
            || here.direction != there.direction
            || here.precision != there.precision
            || here.allow_negative != there.allow_negative
            || here.derivations != there.derivations,
        words::FORMULA,
    );
    let parts = |g: &Goal| {
        g.parts
            .iter()
            .map(|p| (p.uid, p.label.clone(), p.note.clone()))
            .collect::<Vec<_>>()
    };
    note(parts(here) != parts(there), words::GOAL_TEXT);
    let part_units = |g: &Goal| g.parts.iter().map(|p| p.unit.clone()).collect::<Vec<_>>();
    note(part_units(here) != part_units(there), words::UNIT);
    let part_targets = |g: &Goal| g.parts.iter().map(|p| p.target).collect::<Vec<_>>();
    note(part_targets(here) != part_targets(there), words::TARGET);
    let activities = |g: &Goal| {
        g.activities
            .iter()
            .map(|a| (a.uid, a.content.clone()))
            .collect::<Vec<_>>()
    };
    note(
        activities(here) != activities(there) || here.activities_from != there.activities_from,
        words::ACTIVITY,
    );
    let periods = |g: &Goal| {
        g.activities
            .iter()
            .map(|a| a.period.raw().to_string())
            .collect::<Vec<_>>()
    };
    note(periods(here) != periods(there), words::PERIOD);
    let sections = |g: &Goal| {
        g.activities
            .iter()
            .map(|a| a.sections.clone())
            .collect::<Vec<_>>()
    };
    note(sections(here) != sections(there), words::SECTIONS);
    what
}
