//! データ and 実施内容: plain tables, one row per goal (the export's records, with Japanese
//! headers) and one per activity, each with its headers frozen and an autofilter.

use std::borrow::Cow;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::cell::{Cell, NumberFormat, Style};
use super::{Column, Row, Sheet, structure, words};
use crate::engine::{self, Status};
use crate::model::{FiscalYear, GoalRef, Plan, Spelling};
use crate::report::export::{GoalRecord, records_in, with_previous};
use crate::store::History;
use crate::strings::{Lang, pin_thread};

/// データ's columns: the export's, in its order (`initiative` … `evaluation`, `code`, the
/// previous year's three).
const DATA_COLUMNS: [(&str, usize, usize); 21] = [
    (words::INITIATIVE, 8, 12),
    (words::INITIATIVE_TITLE, 12, 30),
    (words::GOAL, 6, 8),
    (words::GOAL_TEXT, 20, 40),
    (words::UNIT, 6, 10),
    (words::FORMULA, 12, 40),
    (words::BASELINE, 8, 18),
    (words::TARGET, 8, 18),
    (words::ACTUAL, 8, 18),
    (words::RATE, 7, 12),
    (words::GRADE, 8, 10),
    (words::REASON, 8, 30),
    (words::CALCULATION, 12, 40),
    (words::SHORTFALL, 8, 16),
    (words::PRINTED_RATE, 8, 14),
    (words::CALC_METHOD, 20, 40),
    (words::EVALUATION, 20, 40),
    (words::GOAL_CODE, 9, 12),
    (words::PREVIOUS_YEAR, 8, 10),
    (words::PREVIOUS_ACTUAL, 8, 18),
    (words::PREVIOUS_RATE, 8, 12),
];

/// データ's columns carrying the plan's structure, right of the visible ones and hidden in an
/// export (read back by header: columns added before them move them).
const DATA_KEYS: [(&str, usize, usize); 10] = [
    (words::INITIATIVE_UID, 8, 12),
    (words::GOAL_UID, 8, 12),
    (words::FORMULA_KIND, 10, 16),
    (words::DIRECTION, 6, 8),
    (words::PRECISION, 6, 8),
    (words::NOTE, 10, 30),
    (words::ALLOW_NEGATIVE, 6, 8),
    (words::ACTIVITIES_FROM, 10, 14),
    (words::MILESTONE, 8, 10),
    (words::PAGE, 6, 8),
];

/// The column of データ's 評価.
const DATA_STATUS: u16 = 10;

/// 実施内容's columns.
const ACTIVITY_COLUMNS: [(&str, usize, usize); 6] = [
    (words::GOAL, 9, 12),
    (words::NUMBER, 6, 6),
    (words::ACTIVITY, 20, 50),
    (words::PERIOD, 8, 16),
    (words::SECTIONS, 10, 30),
    (words::ACTIVITY_STATUS, 8, 8),
];

/// 実施内容's hidden keys: the activity's uid and its goal's.
const ACTIVITY_KEYS: [(&str, usize, usize); 2] =
    [(words::ACTIVITY_UID, 8, 12), (words::GOAL_UID, 8, 12)];

pub(super) fn columns(spec: &[(&'static str, usize, usize)]) -> Vec<Column> {
    spec.iter()
        .map(|(header, min, max)| Column {
            header,
            min: *min,
            max: *max,
        })
        .collect()
}

/// データ's columns, visible then hidden.
pub(super) fn data_columns() -> Vec<(&'static str, usize, usize)> {
    DATA_COLUMNS.iter().chain(&DATA_KEYS).copied().collect()
}

/// 実施内容's columns, visible then hidden.
pub(super) fn activity_columns() -> Vec<(&'static str, usize, usize)> {
    ACTIVITY_COLUMNS
        .iter()
        .chain(&ACTIVITY_KEYS)
        .copied()
        .collect()
}

/// A column's number from its place in a list of a few dozen.
fn key_column(at: usize) -> u16 {
    u16::try_from(at).unwrap_or(u16::MAX)
}

pub(super) fn header_row(spec: &[(&'static str, usize, usize)]) -> Row<'static> {
    Row::new(
        spec.iter()
            .zip(0..)
            .map(|((h, _, _), col)| Cell::text(col, *h, Style::Header))
            .collect(),
    )
}

/// データ: one row per goal, with its previous year from `history` (blank without one) and
/// its hidden structure keys.
pub fn data_sheet<'a>(plan: &'a Plan, history: &'a History) -> Sheet<'a> {
    let goals = plan
        .initiatives
        .iter()
        .flat_map(|ini| ini.goals.iter().map(move |g| (ini, g)));
    let spec = data_columns();
    let keys_from = key_column(DATA_COLUMNS.len());
    let records = with_previous(records_in(plan, Lang::Ja), plan, history);
    let rows = records.zip(goals).map(move |(r, (ini, goal))| {
        let formula = {
            let _sheet = pin_thread(Lang::Ja);
            engine::formula_in_words(goal)
        };
        let mut row = data_row(r, formula, goal.precision);
        row.cells
            .extend(structure::goal_cells(keys_from, ini, goal));
        row
    });
    Sheet {
        name: words::DATA_SHEET,
        columns: columns(&spec),
        rows: Box::new(std::iter::once(header_row(&spec)).chain(rows)),
        frozen_rows: 1,
        filter: true,
        status_column: Some(DATA_STATUS),
        print: None,
        protect: false,
        hidden_columns: (keys_from..key_column(spec.len())).collect(),
    }
}

/// A record's cells: its figures as numbers in their unit where they are numbers.
fn data_row<'a>(r: GoalRecord<'a>, formula: &'static str, precision: u32) -> Row<'a> {
    let status = Status::ALL
        .into_iter()
        .find(|s| s.word() == r.status)
        .map_or(r.status, words::status_word);
    let unit = r.unit;
    let figure = |col: u16, v: Option<String>| -> Option<Cell<'a>> {
        let v = v?;
        Some(match Decimal::from_str(&v) {
            Ok(n) => Cell::number(col, n, NumberFormat::figure(n, unit)),
            Err(_) => Cell::text(col, v, Style::Plain),
        })
    };
    let cells = [
        Some(Cell::text(0, r.initiative, Style::Plain)),
        Some(Cell::text(1, r.initiative_title, Style::Plain)),
        Some(Cell::numeric(
            2,
            Decimal::from(r.goal),
            Style::Figure(NumberFormat::rate(0)),
        )),
        Some(Cell::text(3, r.title, Style::Plain)),
        Some(Cell::text(4, r.unit, Style::Plain)),
        Some(Cell::text(5, formula, Style::Plain)),
        figure(6, r.baseline),
        figure(7, r.target),
        figure(8, r.actual),
        r.achievement
            .and_then(|a| Decimal::from_str(&a).ok())
            .map(|a| Cell::numeric(9, a, Style::Rate(NumberFormat::rate(precision)))),
        Some(Cell::text(10, status, Style::Status)),
        r.reason.map(|t| Cell::text(11, t, Style::Plain)),
        Some(Cell::text(12, r.calculation, Style::Plain)),
        figure(13, r.shortfall),
        r.printed_achievement.map(|p| match Decimal::from_str(p) {
            Ok(n) => Cell::numeric(14, n, Style::Figure(NumberFormat::rate(n.scale()))),
            Err(_) => Cell::text(14, p, Style::Plain),
        }),
        Some(Cell::text(15, r.calc_method, Style::Plain)),
        Some(Cell::text(16, r.evaluation, Style::Plain)),
        Some(Cell::text(17, r.code, Style::Plain)),
        r.previous_fiscal_year
            .map(|y| Cell::text(18, FiscalYear(y).reiwa_label(), Style::Plain)),
        figure(19, r.previous_actual),
        r.previous_achievement
            .and_then(|a| Decimal::from_str(&a).ok())
            .map(|a| Cell::numeric(20, a, Style::Rate(NumberFormat::rate(a.scale())))),
    ];
    Row::new(cells.into_iter().flatten().collect())
}

/// 実施内容: one row per activity, each under the goal that owns it (a goal that takes
/// another's activities has none of its own).
pub fn activity_sheet(plan: &Plan) -> Sheet<'_> {
    let spec = activity_columns();
    let keys_from = key_column(ACTIVITY_COLUMNS.len());
    let rows = plan.goals().flat_map(move |(r, goal)| {
        goal.activities.iter().zip(1u32..).map(move |(a, n)| {
            let mut row = activity_row(r, n, a);
            row.cells
                .extend(structure::activity_cells(keys_from, goal, a));
            row
        })
    });
    Sheet {
        name: words::ACTIVITY_SHEET,
        columns: columns(&spec),
        rows: Box::new(std::iter::once(header_row(&spec)).chain(rows)),
        frozen_rows: 1,
        filter: true,
        status_column: None,
        print: None,
        protect: false,
        hidden_columns: (keys_from..key_column(spec.len())).collect(),
    }
}

fn activity_row(goal: GoalRef, n: u32, a: &crate::model::Activity) -> Row<'_> {
    Row::new(vec![
        Cell::text(0, goal.spelled(Spelling::Sheet).to_string(), Style::Plain),
        Cell::numeric(1, Decimal::from(n), Style::Figure(NumberFormat::rate(0))),
        Cell::text(2, a.content.as_str(), Style::Plain),
        Cell::text(3, a.period.raw(), Style::Plain),
        Cell::text(
            4,
            Cow::Owned(a.sections.join(words::SECTIONS_JOINED)),
            Style::Plain,
        ),
        Cell::text(5, a.status.label_ja(), Style::Plain),
    ])
}
