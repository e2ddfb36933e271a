//! The reader against workbooks the real writer made from the layout, some cells changed as a
//! clerk would change them in Excel.

use std::borrow::Cow;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::model::{GoalRef, Value as Figure};
use crate::report::workbook::{Cached, Cell, Row, Sheet, Style, Value, save_sheets, workbook};

/// The bundled plan's workbook as bytes, each sheet's rows first passed to `edit` (sheet name,
/// rows).
fn book_of(plan: &Plan, edit: impl Fn(&str, &mut Vec<Row<'_>>)) -> Vec<u8> {
    let sheets: Vec<Sheet> = workbook(plan, crate::store::History::none())
        .into_iter()
        .map(|mut s| {
            let mut rows: Vec<Row> = s.rows.collect();
            edit(s.name, &mut rows);
            s.rows = Box::new(rows.into_iter());
            s
        })
        .collect();
    let mut bytes = Vec::new();
    save_sheets(plan, sheets, &mut bytes).expect("written");
    bytes
}

/// Sets the cell of `row` under `header` (the sheet's header row is `rows[0]`).
fn set(rows: &mut [Row<'_>], row: usize, header: &str, value: Value<'static>) {
    let col = rows[0]
        .cells
        .iter()
        .find(|c| matches!(&c.value, Value::Text(t) if t == header))
        .map(|c| c.col)
        .unwrap_or_else(|| panic!("no header {header}"));
    let cells = &mut rows[row].cells;
    cells.retain(|c| c.col != col);
    cells.push(Cell {
        col,
        value,
        style: Style::Plain,
        note: None,
    });
    cells.sort_by_key(|c| c.col);
}

fn text(t: &str) -> Value<'static> {
    Value::Text(Cow::Owned(t.to_string()))
}

fn bundled() -> Plan {
    crate::sheet::bundled().expect("bundled")
}

fn goal<'p>(plan: &'p Plan, code: &str) -> &'p crate::model::Goal {
    let r: GoalRef = code.parse().expect("a code");
    plan.goal(r).expect("the goal").1
}

#[test]
fn the_bundled_plan_reads_back_as_it_was() {
    let plan = bundled();
    let read = read("計画.xlsx", book_of(&plan, |_, _| {})).expect("valid");
    assert_eq!(read, plan);
}

#[test]
fn every_problem_is_said_at_its_cell_all_at_once() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            set(rows, 1, words::TARGET, text("1万件"));
            set(rows, 2, words::FORMULA_KIND, text("ratioo"));
            set(rows, 3, words::PRECISION, text("二"));
        }
        if sheet == words::ACTIVITY_SHEET {
            set(rows, 1, words::GOAL, text("⑼-ア-1"));
        }
    });
    let lines = read("計画.xlsx", bytes).expect_err("refused");
    let said = lines.join("\n");
    assert_eq!(lines[0], "Problems in 計画.xlsx:");
    assert!(lines[1].starts_with("  データ!H2 (目標値): "), "{said}");
    assert!(said.contains("1万件"), "{said}");
    assert!(said.contains("データ!"), "{said}");
    assert!(said.contains("(計算方法)"), "{said}");
    assert!(said.contains("ratioo"), "{said}");
    assert!(
        said.contains("(小数桁): \"二\" is not a whole number"),
        "{said}"
    );
    assert!(
        said.contains("実施内容!A2 (目標): no goal \"⑼-ア-1\""),
        "{said}"
    );
    assert!(
        lines[4].starts_with("  実施内容!A2"),
        "in the sheets' order: {said}"
    );
    assert_eq!(lines[5], "4 problem(s); nothing was written");
    assert_eq!(lines.len(), 6, "{said}");
}

#[test]
fn numbers_are_read_as_the_collect_reads_them() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            // Typed as text, full-width, grouped: the plan file's reading.
            set(rows, 1, words::BASELINE, text("９，０１６"));
            // 0.1 + 0.2 is not a figure anyone typed.
            set(rows, 2, words::ACTUAL, Value::Number(0.1 + 0.2));
            set(
                rows,
                3,
                words::TARGET,
                Value::Formula {
                    text: "1+1".into(),
                    result: Cached::Number(Decimal::TWO),
                },
            );
        }
    });
    let lines = read("計画.xlsx", bytes).expect_err("refused");
    let said = lines.join("\n");
    assert_eq!(lines.len(), 4, "{said}");
    assert!(said.contains("データ!I3 (実績値): "), "{said}");
    assert!(
        said.contains("データ!H4 (目標値): a formula (=1+1)"),
        "{said}"
    );

    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            set(rows, 1, words::BASELINE, text("９，０１６"));
        }
    });
    let read = read("計画.xlsx", bytes).expect("valid");
    assert_eq!(
        goal(&read, "⑴-ア-1").baseline,
        Figure::Number(Decimal::from_str("9016").expect("a number"))
    );
}

#[test]
fn a_figure_keeps_the_decimals_its_format_shows() {
    let plan = bundled();
    let read = read("計画.xlsx", book_of(&plan, |_, _| {})).expect("valid");
    for ((_, a), (_, b)) in plan.goals().zip(read.goals()) {
        for (x, y) in [(&a.baseline, &b.baseline), (&a.target, &b.target)] {
            if let (Some(x), Some(y)) = (x.number(), y.number()) {
                assert_eq!(x.scale(), y.scale(), "{} {x} {y}", a.title);
            }
        }
    }
}

#[test]
fn a_workbook_without_goals_says_so() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet != words::PLAN_SHEET {
            rows.truncate(1);
        }
    });
    let lines = read("ひな形.xlsx", bytes).expect_err("refused");
    assert_eq!(
        lines,
        [
            "ひな形.xlsx: no goals: the sheet データ has no rows; write one row per goal under its header (see 記入方法)"
        ]
    );
}

#[test]
fn a_workbook_that_is_not_a_plans_is_refused_whole() {
    let lines = read("x.xlsx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec()).expect_err("no");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("x.xlsx"), "{lines:?}");
    let plan = bundled();
    let handout_like = {
        let mut bytes = Vec::new();
        let sheets = vec![crate::report::workbook::evaluation_sheet(
            &plan,
            &crate::report::workbook::PAPER,
        )];
        save_sheets(&plan, sheets, &mut bytes).expect("written");
        bytes
    };
    let lines = read("評価.xlsx", handout_like).expect_err("no");
    assert!(lines[0].contains("not a plan workbook"), "{lines:?}");
    assert!(is_workbook("a.XLSX", b""));
    assert!(is_workbook("plan", b"PK\x03\x04"));
    assert!(!is_workbook("plan.json", b"{"));
}

#[test]
fn a_composite_goals_parts_come_from_its_sheet() {
    let plan = bundled();
    let composite = plan
        .goals()
        .find(|(_, g)| !g.parts.is_empty())
        .map(|(r, _)| r)
        .expect("the bundled sheet has one");
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::PARTS_SHEET {
            set(rows, 1, words::PART_LABEL, text("研修会"));
        }
    });
    let read = read("計画.xlsx", bytes).expect("valid");
    let (_, g) = read.goal(composite).expect("there");
    assert_eq!(g.parts[0].label, "研修会");
    assert_eq!(
        g.parts.len(),
        plan.goal(composite).expect("there").1.parts.len()
    );
}

/// The template's bytes, each sheet's rows first passed to `edit`.
fn template_of(edit: impl Fn(&str, &mut Vec<Row<'_>>)) -> Vec<u8> {
    let example = crate::report::workbook::template_plan().expect("the example");
    let (sheets, choices) = crate::report::workbook::template(&example);
    let sheets: Vec<Sheet> = sheets
        .into_iter()
        .map(|mut s| {
            let mut rows: Vec<Row> = s.rows.collect();
            edit(s.name, &mut rows);
            s.rows = Box::new(rows.into_iter());
            s
        })
        .collect();
    let mut bytes = Vec::new();
    crate::report::workbook::save_template(sheets, &choices, &mut bytes).expect("written");
    bytes
}

#[test]
fn the_template_filled_in_is_a_plan() {
    let untouched = read("ひな形.xlsx", template_of(|_, _| {})).expect("the example imports");
    assert_eq!(untouched.goals().count(), 1);

    // The example overwritten and a second goal added below it, as a clerk would.
    let bytes = template_of(|sheet, rows| {
        if sheet == words::PLAN_SHEET {
            set(rows, 1, words::ITEM_VALUE, text("kagoshima-dx-r6"));
            set(rows, 3, words::ITEM_VALUE, text("鹿児島市"));
        }
        if sheet == words::DATA_SHEET {
            set(rows, 1, words::GOAL_TEXT, text("電子申請できる手続の数"));
            let mut second = rows[1].clone();
            second
                .cells
                .retain(|c| !matches!(&c.value, Value::Text(t) if t.contains("記入例")));
            rows.push(second);
            set(rows, 2, words::GOAL, text("目標２"));
            set(rows, 2, words::GOAL_TEXT, text("窓口の待ち時間"));
            set(rows, 2, words::UNIT, text("分"));
            set(rows, 2, words::FORMULA_KIND, text("lower_is_better"));
            set(rows, 2, words::DIRECTION, text(""));
            set(rows, 2, words::TARGET, text("１５"));
        }
        if sheet == words::ACTIVITY_SHEET {
            set(rows, 1, words::ACTIVITY, text("様式を作る"));
        }
    });
    let plan = read("鹿児島.xlsx", bytes).expect("valid");
    assert_eq!(plan.slug, "kagoshima-dx-r6");
    assert_eq!(plan.municipality, "鹿児島市");
    let second = goal(&plan, "⑴-ア-2");
    assert_eq!(second.title, "窓口の待ち時間");
    assert_eq!(second.target, Figure::Number(Decimal::from(15)));
    assert_eq!(goal(&plan, "⑴-ア-1").activities[0].content, "様式を作る");
}

#[test]
fn the_template_emptied_says_it_has_no_goals() {
    let bytes = template_of(|sheet, rows| {
        if sheet != words::PLAN_SHEET && sheet != words::INSTRUCTIONS_SHEET {
            rows.truncate(1);
        }
    });
    let lines = read("ひな形.xlsx", bytes).expect_err("refused");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("no goals"), "{lines:?}");
}

#[test]
fn an_initiative_titled_twice_is_not_read_as_either() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            // ⑴-ア's second goal.
            set(rows, 2, words::INITIATIVE_TITLE, text("別の名前"));
        }
    });
    let lines = read("計画.xlsx", bytes).expect_err("refused");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[1].contains("データ!B3 (取り組み事項名): another title"),
        "{lines:?}"
    );
}

/// Renames the header `from` of the header row `rows[0]`.
fn rename(rows: &mut [Row<'_>], from: &str, to: &str) {
    for c in &mut rows[0].cells {
        if matches!(&c.value, Value::Text(t) if t == from) {
            c.value = text(to);
        }
    }
}

#[test]
fn a_renamed_header_is_refused_at_its_cell_not_read_as_an_empty_column() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            rename(rows, words::TARGET, "目標値（R6）");
        }
        if sheet == words::ACTIVITY_SHEET {
            rename(rows, words::PERIOD, "実施時期");
        }
    });
    let _ja = crate::strings::pin_thread(crate::strings::Lang::Ja);
    let lines = read("計画.xlsx", bytes).expect_err("a header is missing");
    assert_eq!(
        lines,
        [
            "計画.xlsx の問題:",
            "  データ!H1: 見出し「目標値」がありません（見出しは変えないでください）",
            "  実施内容!D1: 見出し「時期」がありません（見出しは変えないでください）",
            "問題が2件あります。何も書き込んでいません",
        ]
    );
}

#[test]
fn blanks_around_a_header_and_an_extra_column_are_fine() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            rename(rows, words::TARGET, "　目標値 ");
            rename(rows, words::RATE, "メモ");
        }
    });
    assert_eq!(read("計画.xlsx", bytes).expect("valid"), plan);
}

#[test]
fn a_figure_changed_on_the_printed_sheet_is_named_beside_the_data_cell_read() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::EVALUATION_SHEET {
            // 評価シート!D8: ⑴-ア-3's 目標値, 50 in the plan.
            for c in &mut rows[7].cells {
                if c.col == 3 {
                    c.value = Value::Number(60.0);
                }
            }
        }
    });
    let _ja = crate::strings::pin_thread(crate::strings::Lang::Ja);
    let read = read_all("計画.xlsx", bytes).expect("valid");
    assert_eq!(read.plan, plan, "評価シート is not read");
    assert_eq!(read.notes.len(), 2, "{:?}", read.notes);
    assert!(read.notes[0].contains("取り込みでは読みません"));
    assert_eq!(
        read.notes[1],
        "  評価シート!D8 は読みません: 60（データ!H4 は 50）"
    );
    let untouched = read_all("計画.xlsx", book_of(&plan, |_, _| {})).expect("valid");
    assert!(untouched.notes.is_empty(), "{:?}", untouched.notes);
}

#[test]
fn a_figure_cleared_on_data_carries_its_derivation_as_stale_as_the_store_does() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            // ⑴-ウ-1's 実績値, whose 算出 states its arithmetic.
            set(rows, 4, words::ACTUAL, text(""));
        }
    });
    let read = read("計画.xlsx", bytes).expect("valid: the derivation is stale");
    let g = goal(&read, "⑴-ウ-1");
    assert_eq!(g.actual, Figure::None);
    assert!(!g.derivations.is_empty(), "kept, marked stale");
}

#[test]
fn a_plan_file_path_in_a_message_is_said_as_its_cell() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            // ⑴-ア's third goal numbered 1, as its first.
            set(rows, 3, words::GOAL, Value::Number(1.0));
        }
    });
    let said = read("計画.xlsx", bytes).expect_err("refused").join("\n");
    assert!(!said.contains("initiatives["), "{said}");
    assert!(said.contains("データ!C2"), "{said}");
}

#[test]
fn a_large_number_word_an_empty_formula_and_a_reiwa_year_say_what_to_type() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            set(rows, 2, words::TARGET, text("1万件"));
            set(rows, 3, words::FORMULA_KIND, text(""));
        }
        if sheet == words::PLAN_SHEET {
            // 年度 is 計画's fifth item.
            for c in &mut rows[5].cells {
                if c.col == 1 {
                    c.value = text("令和6年度");
                }
            }
        }
    });
    let _ja = crate::strings::pin_thread(crate::strings::Lang::Ja);
    let said = read("計画.xlsx", bytes).expect_err("refused").join("\n");
    assert!(
        said.contains("「1万件」の「万」は数値に使えません。10000 のように数字で"),
        "{said}"
    );
    assert!(
        said.contains("データ!X4（計算方法）: 空欄です。計算方法を選んでください"),
        "{said}"
    );
    assert!(
        said.contains("「令和6年度」は年度として読めません。西暦の年（2024）で"),
        "{said}"
    );
    assert!(
        said.ends_with("問題が3件あります。何も書き込んでいません"),
        "{said}"
    );
}

#[test]
fn an_unreadable_period_is_said_at_import_with_its_cell() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::ACTIVITY_SHEET {
            set(rows, 2, words::PERIOD, text("来年度中"));
        }
    });
    let _ja = crate::strings::pin_thread(crate::strings::Lang::Ja);
    let read = read_all("計画.xlsx", bytes).expect("imported as typed");
    assert_eq!(read.notes.len(), 1, "{:?}", read.notes);
    assert!(
        read.notes[0].starts_with("時期を読めません: 1件（実施内容!D3「来年度中」）"),
        "{:?}",
        read.notes
    );
}

#[test]
fn a_direction_refused_for_its_formula_names_both_cells() {
    let plan = bundled();
    let bytes = book_of(&plan, |sheet, rows| {
        if sheet == words::DATA_SHEET {
            set(rows, 4, words::FORMULA_KIND, text("lower_is_better"));
            set(rows, 4, words::DIRECTION, text("higher"));
        }
    });
    let _ja = crate::strings::pin_thread(crate::strings::Lang::Ja);
    let said = read("計画.xlsx", bytes).expect_err("refused").join("\n");
    assert!(said.contains("データ!Y5（方向）: "), "{said}");
    assert!(said.contains("方向（direction）「higher」"), "{said}");
    assert!(
        said.contains("データ!X5（計算方法）か方向のどちらかを直してください"),
        "{said}"
    );
}
