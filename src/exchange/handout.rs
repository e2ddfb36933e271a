//! A section's fill-in workbook (照会票): the instructions, then per goal the section fills or
//! shares a row (its 実績値 and 評価内容 unlocked where it is the 主担当; a milestone's 達成状況,
//! in the 状況 column, from a drop-down), a row per part of a composite goal, a row per activity
//! (状況 unlocked where the section is named). Hidden columns carry each row's key and the
//! handout number; the title row carries the plan's uid.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::model::section::{Role, activities_of, goals_of, sets_status};
use crate::model::{FieldKey, FieldValue, FormulaKind, Goal, Plan, Spelling, Value as Figure};
use crate::report::workbook::{
    Cell, Column, Input, NumberFormat, Print, Row, Sheet, Style, footer, words,
};

/// The handout's columns, from 0 (A).
pub const GOAL: u16 = 0;
pub const CONTENT: u16 = 1;
pub const UNIT: u16 = 2;
pub const TARGET: u16 = 3;
pub const ACTUAL: u16 = 4;
pub const STATUS: u16 = 5;
pub const EVALUATION: u16 = 6;
pub const PERIOD: u16 = 7;
pub const SECTIONS: u16 = 8;
pub const KEY: u16 = 9;
pub const HANDOUT: u16 = 10;

/// The header row (from 0): after the title and the instructions.
pub const HEADER_ROW: u32 = 1 + words::HANDOUT_INSTRUCTIONS.len() as u32;

/// A field the handout carries: the row's uid, the field, its value now.
pub type Carried = (String, FieldKey, FieldValue);

/// The fields `section` fills, with their values now: the registry's base values.
pub fn carried(plan: &Plan, section: &str) -> Vec<Carried> {
    let mut out = Vec::new();
    for (_, goal, role) in goals_of(plan, section) {
        if role == Role::Primary {
            match goal.formula {
                FormulaKind::Composite => {
                    for part in &goal.parts {
                        out.push((
                            part.uid.to_string(),
                            FieldKey::PartActual,
                            FieldValue::Number(part.actual),
                        ));
                    }
                }
                FormulaKind::Milestone => out.push((
                    goal.uid.to_string(),
                    FieldKey::Milestone,
                    FieldValue::Milestone(goal.milestone),
                )),
                _ => out.push((
                    goal.uid.to_string(),
                    FieldKey::Actual,
                    FieldValue::Value(goal.actual.clone()),
                )),
            }
            out.push((
                goal.uid.to_string(),
                FieldKey::Evaluation,
                FieldValue::Text(goal.evaluation.clone()),
            ));
        }
        if goal.activities_from.is_none() {
            for a in goal.activities.iter().filter(|a| sets_status(a, section)) {
                out.push((
                    a.uid.to_string(),
                    FieldKey::ActivityStatus,
                    FieldValue::Status(a.status),
                ));
            }
        }
    }
    out
}

/// The decimals a goal's figures are shown with: the most its 基準値 and 目標値 have (a ％ goal
/// whose target is 15.00 shows 0.00). A value with more shows all of its own.
pub fn figure_decimals(goal: &Goal) -> u32 {
    [&goal.baseline, &goal.target]
        .into_iter()
        .filter_map(Figure::number)
        .map(|n| n.scale())
        .max()
        .unwrap_or(0)
}

fn column(header: &'static str, min: usize, max: usize) -> Column {
    Column { header, min, max }
}

/// The handout of `plan` for `section`, numbered `id`, made at `made` (the registry row's
/// created_at: with the number, which handout of which data file it is; empty for none).
pub fn handout_sheet<'a>(plan: &'a Plan, section: &str, id: i64, made: &str) -> Sheet<'a> {
    let columns = vec![
        column(words::GOAL, 8, 10),
        column(words::GOAL_TEXT, 24, 36),
        column(words::UNIT_HEADER, 6, 8),
        column(words::TARGET, 8, 13),
        column(words::ACTUAL, 10, 14),
        column(words::ACTIVITY_STATUS, 8, 10),
        column(words::EVALUATION, 30, 40),
        column(words::PERIOD, 8, 13),
        column(words::SECTIONS, 10, 15),
        column(words::ROW_KEY, 8, 34),
        column(words::HANDOUT_NUMBER, 8, 10),
    ];
    let mut rows = Vec::new();
    let title = words::handout_title_ja(
        &plan.municipality,
        &plan.title,
        &plan.fiscal_year.reiwa_label(),
        section,
    );
    rows.push(Row::new(vec![
        Cell::text(GOAL, title, Style::Title),
        Cell::text(KEY, plan.uid.to_string(), Style::Plain),
        Cell::numeric(HANDOUT, Decimal::from(id), Style::Plain),
    ]));
    for (k, line) in words::HANDOUT_INSTRUCTIONS.iter().enumerate() {
        let mut cells = vec![Cell::text(GOAL, *line, Style::Legend)];
        if k == 0 && !made.is_empty() {
            // Hidden beside the plan's uid: a copy of the data file numbering a handout the
            // same is told apart by when each was made.
            cells.push(Cell::text(KEY, made.to_string(), Style::Plain));
        }
        rows.push(Row::new(cells));
    }
    rows.push(Row::new(
        columns
            .iter()
            .zip(0..)
            .map(|(c, col)| Cell::text(col, c.header, Style::Header))
            .collect(),
    ));
    let id_cell = || Cell::numeric(HANDOUT, Decimal::from(id), Style::Plain);
    for (r, goal, role) in goals_of(plan, section) {
        let primary = role == Role::Primary;
        let mut cells = vec![
            Cell::text(GOAL, r.spelled(Spelling::Sheet).to_string(), Style::Short),
            Cell::text(CONTENT, goal.title.as_str(), Style::Text),
            Cell::text(UNIT, goal.unit.as_str(), Style::Short),
            figure(TARGET, &goal.target, &goal.unit, false, 0),
        ];
        let decimals = figure_decimals(goal);
        match goal.formula {
            FormulaKind::Composite => cells.push(Cell::text(ACTUAL, "", Style::Short)),
            FormulaKind::Milestone => {
                cells.push(figure(ACTUAL, &goal.actual, &goal.unit, false, 0));
                let state = goal.milestone.map_or("", words::milestone_word);
                let style = if primary {
                    Style::Input(Input::Milestone)
                } else {
                    Style::Short
                };
                cells.push(Cell::text(STATUS, state, style));
            }
            _ => cells.push(figure(ACTUAL, &goal.actual, &goal.unit, primary, decimals)),
        }
        cells.push(Cell::text(
            EVALUATION,
            goal.evaluation.as_str(),
            if primary {
                Style::Input(Input::Text)
            } else {
                Style::Text
            },
        ));
        if let Some(from) = goal.activities_from {
            let said = words::activities_from_ja(
                &from.initiative.spelled(Spelling::Sheet).to_string(),
                from.goal,
            );
            cells.push(Cell::text(PERIOD, said, Style::Text));
        }
        cells.push(Cell::text(KEY, r.ascii(), Style::Plain));
        cells.push(id_cell());
        rows.push(Row::new(cells));
        if goal.formula == FormulaKind::Composite {
            for part in &goal.parts {
                let actual = part.actual.map_or(Figure::None, Figure::Number);
                rows.push(Row::new(vec![
                    Cell::text(CONTENT, part.label.as_str(), Style::Text),
                    Cell::text(UNIT, part.unit.as_str(), Style::Short),
                    figure(TARGET, &Figure::Number(part.target), &part.unit, false, 0),
                    figure(ACTUAL, &actual, &part.unit, primary, part.target.scale()),
                    Cell::text(KEY, part.uid.to_string(), Style::Plain),
                    id_cell(),
                ]));
            }
        }
        if goal.activities_from.is_some() {
            continue;
        }
        for a in activities_of(plan, goal) {
            let mine = sets_status(a, section);
            let status = match a.status {
                crate::model::ActivityStatus::Unset => "",
                s => s.label_ja(),
            };
            rows.push(Row::new(vec![
                Cell::text(CONTENT, a.content.as_str(), Style::Text),
                Cell::text(
                    STATUS,
                    status,
                    if mine {
                        Style::Input(Input::Status)
                    } else {
                        Style::Short
                    },
                ),
                Cell::text(PERIOD, a.period.raw(), Style::Short),
                Cell::text(
                    SECTIONS,
                    a.sections.join(words::SECTION_SEPARATOR),
                    Style::Short,
                ),
                Cell::text(KEY, a.uid.to_string(), Style::Plain),
                id_cell(),
            ]));
        }
    }
    Sheet {
        name: words::EVALUATION_SHEET,
        columns,
        rows: Box::new(rows.into_iter()),
        frozen_rows: HEADER_ROW + 1,
        filter: false,
        status_column: None,
        // Printed as the export is (A4 landscape, one page wide), the title, the instructions
        // and the header on every page: a section may well print its part to fill it in.
        print: Some(Print {
            title_rows: (0, HEADER_ROW),
            footer: footer(plan),
        }),
        protect: true,
        hidden_columns: vec![KEY, HANDOUT],
    }
}

/// A figure's cell: a number in its unit's format (an input when `input`, showing at least
/// `decimals`: what the clerk types shows as the sheet prints it), text, or empty.
fn figure<'a>(col: u16, value: &Figure, unit: &str, input: bool, decimals: u32) -> Cell<'a> {
    let input_format = |n: Decimal| {
        let mut format = NumberFormat::figure(n, unit);
        format.decimals = format.decimals.max(decimals);
        Style::Input(Input::Number(format))
    };
    match (value, input) {
        (Figure::Number(n), true) => Cell::numeric(col, *n, input_format(*n)),
        (Figure::None, true) => Cell::text(col, "", input_format(Decimal::ZERO)),
        (Figure::Number(n), false) => Cell::number(col, *n, NumberFormat::figure(*n, unit)),
        (Figure::Text(t), _) => Cell::text(col, Cow::Owned(t.clone()), Style::Short),
        (Figure::None, false) => Cell::mark(col),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MilestoneState;

    #[test]
    fn a_handout_prints_like_the_export_with_its_instructions_on_every_page() {
        let plan = crate::sheet::bundled().expect("bundled");
        let sheet = handout_sheet(&plan, "デジタル政策係", 1, "");
        let print = sheet.print.as_ref().expect("a print setup");
        assert_eq!(print.title_rows, (0, HEADER_ROW));
        assert!(print.footer.contains("&P / &N"), "{}", print.footer);
        assert!(sheet.protect);
    }

    #[test]
    fn a_milestone_is_carried_for_its_primary_with_words_that_read_back() {
        let plan = crate::sheet::bundled().expect("bundled");
        for section in ["総務係", "デジタル政策係", "教育委員会事務局"] {
            let states: Vec<FieldValue> = carried(&plan, section)
                .into_iter()
                .filter(|(_, key, _)| *key == FieldKey::Milestone)
                .map(|(_, _, v)| v)
                .collect();
            let primary: Vec<FieldValue> = goals_of(&plan, section)
                .into_iter()
                .filter(|(_, g, role)| {
                    *role == Role::Primary && g.formula == FormulaKind::Milestone
                })
                .map(|(_, g, _)| FieldValue::Milestone(g.milestone))
                .collect();
            assert_eq!(states, primary, "{section}");
        }
        // 総務係 is the 主担当 of ⑵-イ-1 (令和６年度予算要求) and ⑵-イ-2; ⑵-イ-3 is デジタル政策係's.
        let states = carried(&plan, "総務係")
            .into_iter()
            .filter(|(_, key, _)| *key == FieldKey::Milestone)
            .count();
        assert_eq!(states, 2);
        for state in [
            MilestoneState::Achieved,
            MilestoneState::NotAchieved,
            MilestoneState::NotGraded,
        ] {
            assert_eq!(words::milestone_word(state).parse(), Ok(state));
        }
    }
}
