//! The template `tassei new --template` writes: the sheets `tassei import` reads back (計画,
//! データ, 実施内容, 内訳, 算出) in the export's very layout, made from a one-goal example plan
//! marked 【記入例】, behind a 記入方法 sheet that says what each column takes. The columns a
//! clerk fills show; the export's computed ones (達成度, 評価 …) and the row keys are hidden.
//! Where a column takes one of a few words, a drop-down offers them ([`Choice`]).

use super::cell::{Cell, Style};
use super::tables::{columns, header_row};
use super::{
    Row, Sheet, activity_sheet, data_sheet, derivations_sheet, parts_sheet, plan_sheet, words,
};
use crate::model::{ActivityStatus, Direction, Figure, FormulaKind, MilestoneState, Plan};
use crate::sheet::{self, SheetErrors};
use crate::store::History;

/// The example plan the template shows, one goal and one activity (a plan file, so it is
/// exactly what importing the untouched template gives).
const EXAMPLE: &str = include_str!("../../../assets/plans/template-example.json");

/// The example plan.
pub fn template_plan() -> Result<Plan, SheetErrors> {
    sheet::parse(EXAMPLE)
}

/// The goals of `plan` whose title, initiative's title or activities still carry the template's
/// 【記入例】 mark: an example left in, to be said when it is imported.
pub fn examples_left(plan: &Plan) -> Vec<crate::model::GoalRef> {
    let marked = |t: &str| t.contains(words::EXAMPLE_MARK);
    plan.initiatives
        .iter()
        .flat_map(|ini| ini.goals.iter().map(move |g| (ini, g)))
        .filter(|(ini, g)| {
            marked(&ini.title)
                || marked(&g.title)
                || marked(&g.calc_method)
                || g.activities.iter().any(|a| marked(&a.content))
        })
        .map(|(ini, g)| crate::model::GoalRef {
            initiative: ini.code,
            goal: g.number,
        })
        .collect()
}

/// A drop-down over a column of a sheet, below its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub sheet: &'static str,
    pub col: u16,
    pub words: Vec<&'static str>,
}

/// The rows a template's drop-downs reach down to.
pub const TEMPLATE_ROWS: u32 = 2000;

/// データ's columns a template hides: what tassei computes, and the row keys.
const HIDDEN_IN_DATA: [&str; 14] = [
    words::FORMULA,
    words::RATE,
    words::GRADE,
    words::REASON,
    words::CALCULATION,
    words::SHORTFALL,
    words::PRINTED_RATE,
    words::GOAL_CODE,
    words::PREVIOUS_YEAR,
    words::PREVIOUS_ACTUAL,
    words::PREVIOUS_RATE,
    words::INITIATIVE_UID,
    words::GOAL_UID,
    words::PAGE,
];

/// The template's sheets, and the drop-downs over them.
pub fn template(example: &Plan) -> (Vec<Sheet<'_>>, Vec<Choice>) {
    let mut data = data_sheet(example, History::none());
    data.hidden_columns = column_of(&data, &HIDDEN_IN_DATA);
    // No highlighting of a 評価 nobody sees, no filter on a sheet being written.
    data.status_column = None;
    data.filter = false;
    let mut activities = activity_sheet(example);
    activities.filter = false;
    let mut parts = parts_sheet(example);
    parts.filter = false;
    let mut derivations = derivations_sheet(example);
    derivations.filter = false;
    let choices = vec![
        choice(
            &data,
            words::FORMULA_KIND,
            [
                FormulaKind::Ratio,
                FormulaKind::LowerIsBetter,
                FormulaKind::FromBaseline,
                FormulaKind::Composite,
                FormulaKind::Milestone,
            ]
            .map(FormulaKind::word)
            .to_vec(),
        ),
        choice(
            &data,
            words::DIRECTION,
            [Direction::Higher, Direction::Lower]
                .map(Direction::word)
                .to_vec(),
        ),
        choice(
            &data,
            words::MILESTONE,
            [
                MilestoneState::Achieved,
                MilestoneState::NotAchieved,
                MilestoneState::NotGraded,
            ]
            .map(words::milestone_word)
            .to_vec(),
        ),
        choice(&data, words::ALLOW_NEGATIVE, words::YES_CHOICE.to_vec()),
        choice(
            &activities,
            words::ACTIVITY_STATUS,
            ActivityStatus::ALL.map(ActivityStatus::label_ja).to_vec(),
        ),
        choice(
            &derivations,
            words::FIGURE,
            [Figure::Baseline, Figure::Target, Figure::Actual]
                .map(Figure::label_ja)
                .to_vec(),
        ),
    ];
    let sheets = vec![
        guide_sheet(),
        plan_sheet(example),
        data,
        activities,
        parts,
        derivations,
    ];
    (sheets, choices.into_iter().flatten().collect())
}

/// The columns of `sheet` headed by `headers`.
fn column_of(sheet: &Sheet, headers: &[&str]) -> Vec<u16> {
    (0u16..)
        .zip(&sheet.columns)
        .filter(|(_, c)| headers.contains(&c.header))
        .map(|(col, _)| col)
        .collect()
}

fn choice(sheet: &Sheet, header: &str, words: Vec<&'static str>) -> Option<Choice> {
    let col = column_of(sheet, &[header]).into_iter().next()?;
    Some(Choice {
        sheet: sheet.name,
        col,
        words,
    })
}

/// 記入方法's columns.
const GUIDE_WIDTHS: [(&str, usize, usize); 3] = [
    (words::GUIDE_COLUMNS[0], 8, 10),
    (words::GUIDE_COLUMNS[1], 14, 24),
    (words::GUIDE_COLUMNS[2], 40, 90),
];

/// 記入方法: a title, the lines that matter most, then a row per column.
fn guide_sheet<'a>() -> Sheet<'a> {
    let mut rows = vec![Row::new(vec![Cell::text(
        0,
        words::GUIDE_TITLE,
        Style::Title,
    )])];
    rows.extend(
        words::GUIDE_INTRO
            .iter()
            .map(|line| Row::new(vec![Cell::text(0, *line, Style::Legend)])),
    );
    rows.push(Row::default());
    rows.push(header_row(&GUIDE_WIDTHS));
    rows.extend(words::GUIDE.iter().map(|(sheet, column, how)| {
        Row::new(vec![
            Cell::text(0, *sheet, Style::Text),
            Cell::text(1, *column, Style::Text),
            Cell::text(2, *how, Style::Text),
        ])
    }));
    Sheet {
        name: words::INSTRUCTIONS_SHEET,
        columns: columns(&GUIDE_WIDTHS),
        rows: Box::new(rows.into_iter()),
        frozen_rows: 0,
        filter: false,
        status_column: None,
        print: None,
        protect: false,
        hidden_columns: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_the_export_layout_with_a_guide_and_drop_downs() {
        let example = template_plan().expect("the example is a valid plan");
        assert_eq!(example.goals().count(), 1);
        assert_eq!(examples_left(&example).len(), 1, "marked as an example");
        let bundled = crate::sheet::bundled().expect("bundled");
        assert!(examples_left(&bundled).is_empty());
        let (sheets, choices) = template(&example);
        let names: Vec<&str> = sheets.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            ["記入方法", "計画", "データ", "実施内容", "内訳", "算出"]
        );
        let data = &sheets[2];
        assert_eq!(data.frozen_rows, 1, "the header stays in view");
        let shown: Vec<&str> = (0u16..)
            .zip(&data.columns)
            .filter(|(c, _)| !data.hidden_columns.contains(c))
            .map(|(_, c)| c.header)
            .collect();
        assert!(
            shown.contains(&"計算方法") && shown.contains(&"目標値"),
            "{shown:?}"
        );
        assert!(
            !shown.contains(&"達成度") && !shown.contains(&"目標ID"),
            "{shown:?}"
        );
        let kinds = choices
            .iter()
            .find(|c| c.sheet == "データ" && data.columns[usize::from(c.col)].header == "計算方法")
            .expect("a drop-down of formula kinds");
        assert_eq!(kinds.words[0], "ratio");
        assert!(
            choices
                .iter()
                .any(|c| c.sheet == "実施内容" && c.words.contains(&"未着手"))
        );
        assert!(
            choices
                .iter()
                .any(|c| c.sheet == "データ" && c.words == ["higher", "lower"])
        );
    }
}
