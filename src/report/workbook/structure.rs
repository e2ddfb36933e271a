//! What a plan is beyond the figures データ and 実施内容 show: the hidden columns carrying each
//! row's uid and a goal's formula, direction, precision, note and links, and the small sheets
//! 計画 (the plan itself), 内訳 (a composite goal's parts) and 算出 (a figure's stated
//! arithmetic). With them the workbook holds everything `tassei import` needs to rebuild the
//! plan (`exchange::plan_workbook` reads it back).

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::cell::{Cell, NumberFormat, Style};
use super::tables::{columns, header_row};
use super::{Column, Row, Sheet, words};
use crate::engine::work_out;
use crate::model::{Activity, Figure, Goal, GoalRef, Initiative, Plan, Spelling, Uid, Value};

/// A uid as a key cell: empty for a plan not read from a data file.
fn uid_text(uid: Uid) -> String {
    if uid.is_none() {
        String::new()
    } else {
        uid.to_string()
    }
}

/// A whole number (precision, page) as a plain number.
fn count(col: u16, n: u32) -> Cell<'static> {
    Cell::numeric(col, Decimal::from(n), Style::Figure(NumberFormat::rate(0)))
}

/// A figure as a number in its unit, exactly as stored.
fn figure(col: u16, n: Decimal, unit: &str) -> Cell<'static> {
    Cell::number(col, n, NumberFormat::figure(n, unit))
}

/// データ's hidden cells of a goal, from column `from` on, in `DATA_KEYS`' order.
pub(super) fn goal_cells<'a>(from: u16, ini: &Initiative, goal: &'a Goal) -> Vec<Cell<'a>> {
    let at = |i: u16| from + i;
    let cells = [
        Some(Cell::text(at(0), uid_text(ini.uid), Style::Plain)),
        Some(Cell::text(at(1), uid_text(goal.uid), Style::Plain)),
        Some(Cell::text(at(2), goal.formula.word(), Style::Plain)),
        Some(Cell::text(at(3), goal.direction.word(), Style::Plain)),
        Some(count(at(4), goal.precision)),
        (!goal.note.is_empty()).then(|| Cell::text(at(5), goal.note.as_str(), Style::Plain)),
        goal.allow_negative
            .then(|| Cell::text(at(6), words::YES, Style::Plain)),
        goal.activities_from
            .map(|r| Cell::text(at(7), r.spelled(Spelling::Sheet).to_string(), Style::Plain)),
        goal.milestone
            .map(|m| Cell::text(at(8), words::milestone_word(m), Style::Plain)),
        goal.page.map(|p| count(at(9), p)),
    ];
    cells.into_iter().flatten().collect()
}

/// 実施内容's hidden cells of an activity: its uid and its goal's.
pub(super) fn activity_cells<'a>(from: u16, goal: &Goal, a: &Activity) -> Vec<Cell<'a>> {
    vec![
        Cell::text(from, uid_text(a.uid), Style::Plain),
        Cell::text(from + 1, uid_text(goal.uid), Style::Plain),
    ]
}

/// 計画's columns.
pub(super) const PLAN_COLUMNS: [(&str, usize, usize); 2] =
    [(words::ITEM, 14, 16), (words::ITEM_VALUE, 20, 50)];

/// 計画: one row per thing the plan itself holds, `項目 | 値`.
pub fn plan_sheet(plan: &Plan) -> Sheet<'_> {
    let item = |name: Cow<'static, str>, value: Cell<'static>| -> Row<'static> {
        Row::new(vec![Cell::text(0, name, Style::Header), value])
    };
    let text = |t: &str| Cell::text(1, t.to_string(), Style::Plain);
    let mut rows = vec![
        header_row(&PLAN_COLUMNS),
        item(words::PLAN_ID.into(), text(&plan.slug)),
        item(words::PLAN_UID.into(), text(&uid_text(plan.uid))),
        item(words::MUNICIPALITY.into(), text(&plan.municipality)),
        item(words::PLAN_TITLE.into(), text(&plan.title)),
        item(
            words::FISCAL_YEAR.into(),
            Cell::numeric(
                1,
                Decimal::from(plan.fiscal_year.0),
                Style::Figure(NumberFormat {
                    decimals: 0,
                    grouped: false,
                    unit: String::new(),
                }),
            ),
        ),
        item(
            words::ACHIEVED_FROM.into(),
            figure(1, plan.thresholds.achieved, ""),
        ),
        item(words::NEAR_FROM.into(), figure(1, plan.thresholds.near, "")),
        item(words::SOURCE.into(), text(&plan.source)),
    ];
    rows.extend(plan.areas.iter().map(|a| {
        item(
            format!("{}{}", words::POLICY_AREA, a.number).into(),
            text(&a.title),
        )
    }));
    Sheet {
        name: words::PLAN_SHEET,
        columns: columns(&PLAN_COLUMNS),
        rows: Box::new(rows.into_iter()),
        frozen_rows: 1,
        filter: false,
        status_column: None,
        print: None,
        protect: false,
        hidden_columns: Vec::new(),
    }
}

/// 内訳's columns: the goal, the part, then its hidden keys.
pub(super) const PARTS_COLUMNS: [(&str, usize, usize); 8] = [
    (words::GOAL, 9, 12),
    (words::PART_LABEL, 12, 30),
    (words::UNIT, 6, 10),
    (words::TARGET, 8, 18),
    (words::ACTUAL, 8, 18),
    (words::NOTE, 12, 40),
    (words::GOAL_UID, 8, 12),
    (words::PART_UID, 8, 12),
];

/// 内訳: one row per part of a composite goal.
pub fn parts_sheet(plan: &Plan) -> Sheet<'_> {
    let rows = plan.goals().flat_map(|(r, goal)| {
        goal.parts.iter().map(move |p| {
            let cells = [
                Some(goal_code(0, r)),
                Some(Cell::text(1, p.label.as_str(), Style::Plain)),
                Some(Cell::text(2, p.unit.as_str(), Style::Plain)),
                Some(figure(3, p.target, &p.unit)),
                p.actual.map(|a| figure(4, a, &p.unit)),
                Some(Cell::text(5, p.note.as_str(), Style::Plain)),
                Some(Cell::text(6, uid_text(goal.uid), Style::Plain)),
                Some(Cell::text(7, uid_text(p.uid), Style::Plain)),
            ];
            Row::new(cells.into_iter().flatten().collect())
        })
    });
    Sheet {
        name: words::PARTS_SHEET,
        columns: columns(&PARTS_COLUMNS),
        rows: Box::new(std::iter::once(header_row(&PARTS_COLUMNS)).chain(rows)),
        frozen_rows: 1,
        filter: true,
        status_column: None,
        print: None,
        protect: false,
        hidden_columns: vec![6, 7],
    }
}

/// 算出's columns.
pub(super) const DERIVATION_COLUMNS: [(&str, usize, usize); 6] = [
    (words::GOAL, 9, 12),
    (words::FIGURE, 8, 8),
    (words::EXPRESSION, 20, 50),
    (words::PRECISION, 6, 8),
    (words::STALE, 6, 6),
    (words::GOAL_UID, 8, 12),
];

/// 算出: one row per figure whose arithmetic the sheet states, 古い marked when the figure no
/// longer is what it works out to (as the plan file's `stale`).
pub fn derivations_sheet(plan: &Plan) -> Sheet<'_> {
    let rows = plan.goals().flat_map(|(r, goal)| {
        goal.derivations.iter().map(move |d| {
            let stated = match d.figure {
                Figure::Baseline => &goal.baseline,
                Figure::Target => &goal.target,
                Figure::Actual => &goal.actual,
            };
            let stale = work_out(&d.expression, d.precision)
                .is_ok_and(|worked| Value::number(stated) != Some(worked.value));
            let cells = [
                Some(goal_code(0, r)),
                Some(Cell::text(1, d.figure.label_ja(), Style::Plain)),
                Some(Cell::text(2, d.expression.text().to_string(), Style::Plain)),
                Some(count(3, d.precision)),
                stale.then(|| Cell::text(4, words::YES, Style::Plain)),
                Some(Cell::text(5, uid_text(goal.uid), Style::Plain)),
            ];
            Row::new(cells.into_iter().flatten().collect())
        })
    });
    Sheet {
        name: words::DERIVATIONS_SHEET,
        columns: columns(&DERIVATION_COLUMNS),
        rows: Box::new(std::iter::once(header_row(&DERIVATION_COLUMNS)).chain(rows)),
        frozen_rows: 1,
        filter: true,
        status_column: None,
        print: None,
        protect: false,
        hidden_columns: vec![5],
    }
}

/// A goal's code as 実施内容 writes it: `⑴-ア-1`.
fn goal_code(col: u16, r: GoalRef) -> Cell<'static> {
    Cell::text(col, r.spelled(Spelling::Sheet).to_string(), Style::Plain)
}

#[cfg(test)]
mod tests {
    use super::super::{Value, activity_sheet, data_sheet};
    use super::*;
    use crate::sheet;

    #[test]
    fn the_tables_carry_the_plans_structure_in_hidden_columns() {
        let plan = sheet::bundled().expect("bundled");
        let data = data_sheet(&plan, crate::store::History::none());
        let hidden: Vec<&str> = data
            .hidden_columns
            .iter()
            .map(|c| data.columns[usize::from(*c)].header)
            .collect();
        assert_eq!(
            hidden,
            [
                "取り組み事項ID",
                "目標ID",
                "計算方法",
                "方向",
                "小数桁",
                "備考",
                "負の値",
                "実施内容の参照",
                "達成状況",
                "記載ページ"
            ]
        );
        let rows: Vec<Row> = data.rows.collect();
        let at = |row: &Row<'_>, header: &str| -> Option<String> {
            let col = rows[0]
                .cells
                .iter()
                .position(|c| c.value == Value::Text(header.to_string().into()))
                .expect("the header");
            row.cells
                .iter()
                .find(|c| usize::from(c.col) == col)
                .map(|c| format!("{:?}", c.value))
        };
        // A plan not read from a data file has no uids yet.
        assert_eq!(
            at(&rows[1], "目標ID"),
            Some(format!("{:?}", Value::Text("".into())))
        );
        assert_eq!(
            at(&rows[1], "計算方法"),
            Some(format!("{:?}", Value::Text("ratio".into())))
        );
        assert_eq!(
            at(&rows[1], "小数桁"),
            Some(format!("{:?}", Value::Number(0.0)))
        );
        let activities = activity_sheet(&plan);
        assert_eq!(activities.hidden_columns, [6, 7]);
        let names: Vec<Vec<Row>> = [
            plan_sheet(&plan),
            parts_sheet(&plan),
            derivations_sheet(&plan),
        ]
        .into_iter()
        .map(|s| s.rows.collect())
        .collect();
        assert_eq!(
            names[0][1].cells[1].value,
            Value::Text("ibusuki-dx-r5".into())
        );
        let parts: usize = plan.goals().map(|(_, g)| g.parts.len()).sum();
        assert_eq!(names[1].len(), 1 + parts);
        let derivations: usize = plan.goals().map(|(_, g)| g.derivations.len()).sum();
        assert_eq!(names[2].len(), 1 + derivations);
    }
}

/// Where the data file's change log stood when a workbook was exported: its last row's id and
/// the local time (`2026-11-28 14:50`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub log_id: i64,
    pub at: String,
}

/// 計画 with the export's [`Stamp`] in two hidden columns right of 値, on the first item's row.
pub fn stamped<'a>(mut sheet: Sheet<'a>, stamp: &Stamp) -> Sheet<'a> {
    let col = key_column_after(&PLAN_COLUMNS);
    let (log_id, at) = (
        Cell::numeric(
            col,
            Decimal::from(stamp.log_id),
            Style::Figure(NumberFormat {
                decimals: 0,
                grouped: false,
                unit: String::new(),
            }),
        ),
        Cell::text(col + 1, stamp.at.clone(), Style::Plain),
    );
    let mut cells = Some(vec![log_id, at]);
    sheet.rows = Box::new(sheet.rows.enumerate().map(move |(i, mut row)| {
        match i {
            0 => row.cells.extend([
                Cell::text(col, words::EXPORTED_AT_LOG, Style::Header),
                Cell::text(col + 1, words::EXPORTED_AT, Style::Header),
            ]),
            1 => row.cells.extend(cells.take().unwrap_or_default()),
            _ => {}
        }
        row
    }));
    sheet.columns.extend([
        Column {
            header: words::EXPORTED_AT_LOG,
            min: 8,
            max: 12,
        },
        Column {
            header: words::EXPORTED_AT,
            min: 16,
            max: 18,
        },
    ]);
    sheet.hidden_columns.extend([col, col + 1]);
    sheet
}

fn key_column_after(spec: &[(&'static str, usize, usize)]) -> u16 {
    u16::try_from(spec.len()).unwrap_or(u16::MAX)
}
