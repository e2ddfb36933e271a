//! Meeting minutes (議事録) as Markdown: the notes of one meeting date, grouped by initiative,
//! each with the goal's figures as they were when the note was written.

use std::fmt::Write as _;

use crate::engine::evaluate;
use crate::model::{CalendarDate, Goal, MeetingNote, NoteFigures, Plan, Thresholds};
use crate::report::card::with_unit;
use crate::strings::strings;

/// The goal's figures as they are now, to keep with a note.
pub fn figures_now(goal: &Goal, thresholds: &Thresholds) -> NoteFigures {
    let e = evaluate(goal, thresholds);
    NoteFigures {
        actual: with_unit(&goal.actual, &goal.unit),
        target: with_unit(&goal.target, &goal.unit),
        achievement: e.rate_text(),
        status: e.status.label_ja().to_string(),
        calculation: e.calculation,
    }
}

/// The latest date with any note, if any.
pub fn latest_meeting(plan: &Plan) -> Option<CalendarDate> {
    plan.goals()
        .flat_map(|(_, g)| g.notes.iter().filter(|n| !n.is_blank()).map(|n| n.date))
        .max()
}

/// The minutes of the meeting on `date`; `None` when no goal has a note from it.
pub fn minutes(plan: &Plan, date: CalendarDate) -> Option<String> {
    let words = &strings().report.minutes;
    let mut out = String::new();
    let title = (words.title)(
        &plan.municipality,
        &plan.title,
        &plan.fiscal_year.reiwa_label(),
    );
    let _ = writeln!(out, "# {title}");
    let _ = writeln!(out, "\n{}", (words.date)(&date));
    let mut any = false;
    for ini in &plan.initiatives {
        let notes: Vec<(&Goal, &MeetingNote)> = ini
            .goals
            .iter()
            .filter_map(|g| {
                g.notes
                    .iter()
                    .find(|n| n.date == date && !n.is_blank())
                    .map(|n| (g, n))
            })
            .collect();
        if notes.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(out, "\n## {} {}", ini.code, ini.title);
        for (goal, note) in notes {
            let f = &note.figures;
            let _ = writeln!(
                out,
                "\n### {}-{} {}\n",
                ini.code,
                goal.number,
                one_line(&goal.title)
            );
            let figures = (words.figures)(&f.actual, &f.target, &f.achievement, &f.status);
            let _ = writeln!(out, "- {figures}");
            let _ = writeln!(out, "- {}", (words.calculation)(&f.calculation));
            if !note.decision.trim().is_empty() {
                let _ = writeln!(out, "- {}", (words.decision)(&one_line(&note.decision)));
            }
            if !note.follow_up.trim().is_empty() {
                let _ = writeln!(out, "- {}", (words.follow_up)(&one_line(&note.follow_up)));
            }
            let owner =
                (!note.owner.trim().is_empty()).then(|| (words.owner)(&one_line(&note.owner)));
            let due = (!note.due.trim().is_empty()).then(|| (words.due)(&note.due));
            let who_when: Vec<String> = owner.into_iter().chain(due).collect();
            if !who_when.is_empty() {
                let _ = writeln!(out, "- {}", who_when.join(" / "));
            }
        }
    }
    any.then_some(out)
}

/// A note's text on one Markdown line: line breaks become ` / `, control characters are shown.
fn one_line(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| {
            l.chars()
                .map(|c| if c.is_control() { '?' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" / ")
}
