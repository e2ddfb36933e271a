//! 評価シート: the paper's layout. A title, the bands, the column headers (frozen, repeated on
//! every printed page); per initiative a header block (⑴-ア and its title, a page break before
//! it); per goal a row with 目標, 基準値, 目標値, 実績値, 達成度, 評価, 積算方法, 評価内容 and its
//! first 実施内容 with 時期 and 担当係, then a row for each further activity (and each part of a
//! composite goal, under the goal's text).
//!
//! Rows are made one goal at a time as the writer asks, each knowing its row number, so a
//! 達成度 formula can name its figures' cells and a plan of 100,000 goals streams out.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::cell::{Cached, Cell, NumberFormat, Style, Value, excel_number};
use super::formula::{self, Figures, Ref};
use super::{Column, Print, Row, Sheet, words};
use crate::engine::{self, Outcome};
use crate::model::{Activity, FormulaKind, Goal, Initiative, Plan, Spelling, Value as Figure};

/// 評価シート's columns. The layout places a cell by what it is, so a sheet made for another
/// use (a section's fill-in copy) can drop or add columns without new row code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalColumn {
    Goal,
    GoalText,
    Baseline,
    Target,
    Actual,
    Rate,
    Grade,
    CalcMethod,
    Evaluation,
    Activity,
    Period,
    Sections,
}

impl EvalColumn {
    fn column(self) -> Column {
        let (header, min, max) = match self {
            Self::Goal => (words::GOAL, 8, 10),
            Self::GoalText => (words::GOAL_TEXT, 20, 28),
            Self::Baseline => (words::BASELINE, 8, 13),
            Self::Target => (words::TARGET, 8, 13),
            Self::Actual => (words::ACTUAL, 8, 13),
            Self::Rate => (words::RATE, 7, 10),
            Self::Grade => (words::GRADE, 8, 10),
            Self::CalcMethod => (words::CALC_METHOD, 20, 26),
            Self::Evaluation => (words::EVALUATION, 30, 40),
            Self::Activity => (words::ACTIVITY, 20, 26),
            Self::Period => (words::PERIOD, 8, 13),
            Self::Sections => (words::SECTIONS, 10, 15),
        };
        Column { header, min, max }
    }
}

/// The paper's columns, in its order.
pub const PAPER: [EvalColumn; 12] = [
    EvalColumn::Goal,
    EvalColumn::GoalText,
    EvalColumn::Baseline,
    EvalColumn::Target,
    EvalColumn::Actual,
    EvalColumn::Rate,
    EvalColumn::Grade,
    EvalColumn::CalcMethod,
    EvalColumn::Evaluation,
    EvalColumn::Activity,
    EvalColumn::Period,
    EvalColumn::Sections,
];

/// Rows above the first initiative: the title, the bands, the headers.
pub const TOP_ROWS: u32 = 3;

/// Excel keeps at most 1,023 manual page breaks in a sheet.
pub const MAX_BREAKS: usize = 1023;

/// Where the printed sheet starts a new page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Before every initiative but the first.
    Initiative,
    /// Before the first initiative of every policy area ⑴⑵⑶ but the first: a plan with more
    /// initiatives than Excel has breaks.
    Area,
    /// None: more policy areas than breaks too.
    None,
}

impl Breaks {
    /// The finest breaks Excel can hold for these initiatives.
    pub fn for_initiatives(initiatives: &[Initiative]) -> Self {
        let areas = initiatives
            .windows(2)
            .filter(|w| w[0].code.area != w[1].code.area)
            .count();
        if initiatives.len().saturating_sub(1) <= MAX_BREAKS {
            Self::Initiative
        } else if areas <= MAX_BREAKS {
            Self::Area
        } else {
            Self::None
        }
    }
}

/// 評価シート of `plan` with `columns`.
pub fn evaluation_sheet<'a>(plan: &'a Plan, columns: &'a [EvalColumn]) -> Sheet<'a> {
    let breaks = Breaks::for_initiatives(&plan.initiatives);
    let top = top_rows(plan, columns);
    let mut next_row = TOP_ROWS;
    let mut previous_area = None;
    let body = plan
        .initiatives
        .iter()
        .enumerate()
        .flat_map(move |(i, ini)| {
            let break_before = i > 0
                && match breaks {
                    Breaks::Initiative => true,
                    Breaks::Area => previous_area != Some(ini.code.area),
                    Breaks::None => false,
                };
            previous_area = Some(ini.code.area);
            let mut rows = vec![initiative_row(ini, columns, break_before)];
            next_row += 1;
            for goal in &ini.goals {
                let block = goal_rows(plan, goal, columns, next_row);
                next_row += u32::try_from(block.len()).unwrap_or(u32::MAX);
                rows.extend(block);
            }
            rows
        });
    let footer = footer(plan);
    Sheet {
        name: words::EVALUATION_SHEET,
        columns: columns.iter().map(|c| c.column()).collect(),
        rows: Box::new(top.into_iter().chain(body)),
        frozen_rows: TOP_ROWS,
        filter: false,
        status_column: at(columns, EvalColumn::Grade),
        print: Some(Print {
            title_rows: (0, TOP_ROWS - 1),
            footer,
        }),
        protect: false,
        hidden_columns: Vec::new(),
    }
}

/// Where a column is in `columns`.
fn at(columns: &[EvalColumn], c: EvalColumn) -> Option<u16> {
    columns
        .iter()
        .position(|x| *x == c)
        .and_then(|p| u16::try_from(p).ok())
}

/// The title, the bands and the column headers.
fn top_rows<'a>(plan: &'a Plan, columns: &[EvalColumn]) -> Vec<Row<'a>> {
    let title = words::title_ja(
        &plan.municipality,
        &plan.title,
        &plan.fiscal_year.reiwa_label(),
    );
    let legend = words::legend_ja(plan.thresholds.achieved, plan.thresholds.near);
    let headers = columns
        .iter()
        .zip(0..)
        .map(|(c, col)| Cell::text(col, c.column().header, Style::Header))
        .collect();
    vec![
        Row::new(vec![Cell::text(0, title, Style::Title)]),
        Row::new(vec![Cell::text(0, legend, Style::Legend)]),
        Row::new(headers),
    ]
}

/// An initiative's header block: its code and title, across the row.
fn initiative_row<'a>(ini: &'a Initiative, columns: &[EvalColumn], break_before: bool) -> Row<'a> {
    let mut cells: Vec<Cell> = (0..columns.len())
        .filter_map(|c| u16::try_from(c).ok())
        .map(|col| Cell::text(col, "", Style::Initiative))
        .collect();
    if let Some(first) = cells.first_mut() {
        first.value = Value::Text(ini.code.spelled(Spelling::Sheet).to_string().into());
    }
    if let Some(second) = cells.get_mut(1) {
        second.value = Value::Text(Cow::Borrowed(&ini.title));
    }
    Row {
        cells,
        break_before,
    }
}

/// A goal's rows: its own, then one per further part or activity.
fn goal_rows<'a>(
    plan: &'a Plan,
    goal: &'a Goal,
    columns: &[EvalColumn],
    first: u32,
) -> Vec<Row<'a>> {
    let place = |c: EvalColumn| at(columns, c);
    let activities: &[Activity] = if goal.activities_from.is_some() {
        &[]
    } else {
        &goal.activities
    };
    let parts = if goal.formula == FormulaKind::Composite {
        goal.parts.len()
    } else {
        0
    };
    let count = (1 + parts).max(activities.len());
    let mut rows: Vec<Row> = (0..count).map(|_| Row::new(Vec::new())).collect();
    let mut put = |row: usize, c: EvalColumn, make: &dyn Fn(u16) -> Cell<'a>| {
        if let (Some(col), Some(r)) = (place(c), rows.get_mut(row)) {
            r.cells.push(make(col));
        }
    };

    let mut title = Cow::Borrowed(goal.title.as_str());
    if !goal.note.is_empty() {
        title = Cow::Owned(format!("{}\n{}", goal.title, goal.note));
    }
    put(0, EvalColumn::Goal, &|col| {
        Cell::numeric(col, Decimal::from(goal.number), Style::GoalNumber)
    });
    put(0, EvalColumn::GoalText, &|col| {
        Cell::text(col, title.clone(), Style::Text)
    });

    // The figures, and the cells a formula can read.
    let mut figures = Figures {
        has_baseline: !goal.baseline.is_none(),
        ..Figures::default()
    };
    let row_of = |k: usize| first + u32::try_from(k).unwrap_or(u32::MAX);
    for (c, value) in [
        (EvalColumn::Baseline, &goal.baseline),
        (EvalColumn::Target, &goal.target),
        (EvalColumn::Actual, &goal.actual),
    ] {
        if parts > 0 && c != EvalColumn::Baseline {
            continue; // a composite goal's figures are its parts'
        }
        put(0, c, &|col| figure_cell(col, value, &goal.unit));
        let at = place(c).zip(value.number().and_then(excel_number));
        let r = at.map(|(col, value)| Ref {
            col,
            row: first,
            value,
        });
        match c {
            EvalColumn::Baseline => figures.baseline = r,
            EvalColumn::Target => figures.target = r,
            _ => figures.actual = r,
        }
    }
    for (k, part) in goal.parts.iter().enumerate().take(parts) {
        let row = k + 1;
        let label = if part.note.is_empty() {
            Cow::Borrowed(part.label.as_str())
        } else {
            Cow::Owned(format!("{}\n（{}）", part.label, part.note))
        };
        put(row, EvalColumn::GoalText, &|col| {
            Cell::text(col, label.clone(), Style::Text)
        });
        let target = Figure::Number(part.target);
        let actual = part.actual.map_or(Figure::None, Figure::Number);
        put(row, EvalColumn::Target, &|col| {
            figure_cell(col, &target, &part.unit)
        });
        put(row, EvalColumn::Actual, &|col| {
            figure_cell(col, &actual, &part.unit)
        });
        let r = |c: EvalColumn, n: Option<Decimal>| {
            place(c)
                .zip(n.and_then(excel_number))
                .map(|(col, value)| Ref {
                    col,
                    row: row_of(row),
                    value,
                })
        };
        figures.parts.push((
            r(EvalColumn::Target, Some(part.target)),
            r(EvalColumn::Actual, part.actual),
        ));
    }

    // 達成度 and 評価: a formula where Excel computes tassei's figure from the cells.
    let grade = engine::grade(goal, &plan.thresholds);
    let formula = match grade.outcome {
        Outcome::Rate(rate) => formula::achievement(goal.formula, &figures, goal.precision)
            .filter(|f| excel_number(rate).is_some() && f.agrees(rate))
            .map(|f| (f, rate)),
        _ => None,
    };
    let status_word = words::status_word(grade.status);
    match (&formula, &grade.outcome) {
        (Some((f, rate)), _) => {
            let text = f.text();
            put(0, EvalColumn::Rate, &|col| Cell {
                col,
                value: Value::Formula {
                    text: text.clone(),
                    result: Cached::Number(*rate),
                },
                style: Style::Rate(NumberFormat::rate(goal.precision)),
                note: None,
            });
            if let Some(rate_col) = place(EvalColumn::Rate) {
                let text = formula::status((rate_col, first), &plan.thresholds);
                put(0, EvalColumn::Grade, &|col| Cell {
                    col,
                    value: Value::Formula {
                        text: text.clone(),
                        result: Cached::Text(status_word),
                    },
                    style: Style::Status,
                    note: None,
                });
            }
        }
        (None, Outcome::Rate(rate)) => {
            put(0, EvalColumn::Rate, &|col| {
                Cell::numeric(col, *rate, Style::Rate(NumberFormat::rate(goal.precision)))
            });
        }
        (None, Outcome::NotGraded) => put(0, EvalColumn::Rate, &Cell::mark),
        (None, Outcome::NotComputable(_)) => {}
    }
    if formula.is_none() {
        put(0, EvalColumn::Grade, &|col| {
            Cell::text(col, status_word, Style::Status)
        });
    }
    put(0, EvalColumn::CalcMethod, &|col| {
        Cell::text(col, goal.calc_method.as_str(), Style::Text)
    });
    put(0, EvalColumn::Evaluation, &|col| {
        Cell::text(col, goal.evaluation.as_str(), Style::Text)
    });

    // 実施内容, 時期, 担当係: one row each, or the sheet's line naming the goal they are from.
    if let Some(from) = goal.activities_from {
        let said = words::activities_from_ja(
            &from.initiative.spelled(Spelling::Sheet).to_string(),
            from.goal,
        );
        put(0, EvalColumn::Activity, &|col| {
            Cell::text(col, said.clone(), Style::Text)
        });
    }
    for (k, activity) in activities.iter().enumerate() {
        put(k, EvalColumn::Activity, &|col| {
            Cell::text(col, activity.content.as_str(), Style::Text)
        });
        put(k, EvalColumn::Period, &|col| {
            Cell::text(col, activity.period.raw(), Style::Short)
        });
        put(k, EvalColumn::Sections, &|col| {
            Cell::text(
                col,
                activity.sections.join(words::SECTION_SEPARATOR),
                Style::Short,
            )
        });
    }
    rows
}

/// A 基準値, 目標値 or 実績値 as the sheet shows it: a number in its unit, the words of a
/// milestone (令和６年度予算要求), or ー.
fn figure_cell<'a>(col: u16, value: &Figure, unit: &str) -> Cell<'a> {
    match value {
        Figure::Number(n) => Cell::number(col, *n, NumberFormat::figure(*n, unit)),
        Figure::Text(t) => Cell::text(col, t.clone(), Style::Short),
        Figure::None => Cell::mark(col),
    }
}

/// The printed footer: the municipality and plan on the left, the page on the right. `&` is
/// doubled (a lone one starts a code), and the text is cut to Excel's 255 characters.
pub fn footer(plan: &Plan) -> String {
    let page = "&R&P / &N";
    let name = words::title_ja(
        &plan.municipality,
        &plan.title,
        &plan.fiscal_year.reiwa_label(),
    )
    .replace('&', "&&");
    let room = 255 - page.len() - 2;
    let mut left = String::new();
    for c in name.chars() {
        if left.encode_utf16().count() + c.len_utf16() > room {
            break;
        }
        left.push(c);
    }
    // A cut must not leave half of a doubled `&`.
    if left.ends_with('&') && left.chars().rev().take_while(|c| *c == '&').count() % 2 == 1 {
        left.pop();
    }
    format!("&L{left}{page}")
}
