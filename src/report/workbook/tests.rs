//! The layout without a file: the bundled sheet's cells, its formulas against Excel's
//! arithmetic, the numbers that cross into doubles, the page breaks and the footer.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::model::{FormulaKind, InitiativeCode, Value as Figure};
use crate::sheet;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

/// 評価シート's rows, all of them.
fn evaluation_rows(plan: &Plan) -> Vec<Row<'_>> {
    evaluation_sheet(plan, &PAPER).rows.collect()
}

/// The row of goal `goal` of the initiative coded `initiative` (`⑴-ア`), and its number.
fn goal_row<'r, 'a>(rows: &'r [Row<'a>], initiative: &str, goal: u32) -> (usize, &'r Row<'a>) {
    let header = rows
        .iter()
        .position(|r| {
            r.cells.first().map(|c| &c.value) == Some(&Value::Text(initiative.to_string().into()))
        })
        .unwrap_or_else(|| panic!("{initiative}'s header"));
    rows.iter()
        .enumerate()
        .skip(header + 1)
        .find(|(_, r)| {
            r.cells.first().is_some_and(|c| {
                c.col == 0 && c.style == Style::GoalNumber && c.value == Value::Number(goal.into())
            })
        })
        .unwrap_or_else(|| panic!("{initiative}-{goal}"))
}

fn cell<'r, 'a>(row: &'r Row<'a>, c: EvalColumn) -> Option<&'r Cell<'a>> {
    let col = PAPER.iter().position(|x| *x == c).expect("a paper column");
    row.cells.iter().find(|cell| usize::from(cell.col) == col)
}

fn text(row: &Row, c: EvalColumn) -> String {
    match cell(row, c).map(|c| &c.value) {
        Some(Value::Text(t)) => t.to_string(),
        other => panic!("{c:?} is not text: {other:?}"),
    }
}

fn formula(row: &Row, c: EvalColumn) -> (String, Cached) {
    match cell(row, c).map(|c| &c.value) {
        Some(Value::Formula { text, result }) => (text.clone(), result.clone()),
        other => panic!("{c:?} is not a formula: {other:?}"),
    }
}

#[test]
fn the_workbook_has_the_three_sheets_and_the_plans_structure() {
    let plan = sheet::bundled().expect("bundled");
    let names: Vec<&str> = workbook(&plan, &History::default())
        .iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        names,
        ["評価シート", "データ", "実施内容", "計画", "内訳", "算出"]
    );
}

#[test]
fn the_first_goal_is_the_papers_with_its_formula() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    // Title, bands, headers, ⑴-ア's header: ⑴-ア-1 is row 5, as the formula names it.
    let (at, row) = goal_row(&rows, "⑴-ア", 1);
    assert_eq!(at, 4);
    assert_eq!(
        rows[2]
            .cells
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>(),
        [
            "目標",
            "目標の内容",
            "基準値",
            "目標値",
            "実績値",
            "達成度",
            "評価",
            "積算方法",
            "評価内容",
            "実施内容",
            "時期",
            "担当係"
        ]
        .map(|h| Value::Text(h.into()))
    );
    let numbers: Vec<_> = [EvalColumn::Baseline, EvalColumn::Target, EvalColumn::Actual]
        .map(|c| cell(row, c).map(|c| (c.value.clone(), c.style.clone())))
        .into_iter()
        .collect();
    let units = Style::Figure(NumberFormat {
        decimals: 0,
        grouped: true,
        unit: "件".into(),
    });
    assert_eq!(
        numbers,
        [5527.0, 10000.0, 9016.0].map(|x| Some((Value::Number(x), units.clone())))
    );
    assert_eq!(
        formula(row, EvalColumn::Rate),
        ("ROUND(E5*100/D5,0)".into(), Cached::Number(d("90")))
    );
    assert_eq!(
        formula(row, EvalColumn::Grade),
        (
            "IF(F5>=100,\"達成\",IF(F5>=80,\"概ね達成\",\"未達成\"))".into(),
            Cached::Text("概ね達成")
        )
    );
    assert_eq!(
        text(row, EvalColumn::Activity),
        "職員向け研修を実施し，活用を促す"
    );
    assert_eq!(text(row, EvalColumn::Period), "R５.５");
    // The second activity on the row below, nothing else there.
    assert_eq!(
        rows[at + 1].cells.iter().map(|c| c.col).collect::<Vec<_>>(),
        [9, 10, 11]
    );
    assert!(!rows[3].break_before && !rows[at].break_before);
}

#[test]
fn one_decimal_where_the_sheet_prints_one() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let (at, row) = goal_row(&rows, "⑴-ウ", 2);
    let rate = cell(row, EvalColumn::Rate).expect("達成度");
    assert_eq!(rate.style, Style::Rate(NumberFormat::rate(1)));
    assert_eq!(NumberFormat::rate(1).code(), "#,##0.0");
    let r = at + 1;
    assert_eq!(
        rate.value,
        Value::Formula {
            text: format!("ROUND(E{r}*100/D{r},1)"),
            result: Cached::Number(d("100.8")),
        }
    );
    // ％ in the number format, never Excel's %: the cell holds 84.93.
    let actual = cell(row, EvalColumn::Actual).expect("実績値");
    assert_eq!(actual.value, Value::Number(84.93));
    let Style::Figure(format) = &actual.style else {
        panic!("a figure: {actual:?}")
    };
    assert_eq!(format.code(), "0.00\"％\"");
}

#[test]
fn a_composite_goal_is_one_fraction_exactly_on_the_half() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let (at, row) = goal_row(&rows, "⑴-オ", 1);
    let (first, second) = (at + 2, at + 3);
    assert_eq!(
        formula(row, EvalColumn::Rate),
        (
            format!("ROUND((E{first}*D{second}+E{second}*D{first})*100/(D{first}*D{second}*2),0)"),
            Cached::Number(d("328"))
        )
    );
    // The parts on the rows below, each in its unit.
    for (r, label, target, actual, unit) in [
        (at + 1, "開催回数", 6.0, 13.0, "回"),
        (at + 2, "参加者数", 60.0, 263.0, "名"),
    ] {
        assert!(text(&rows[r], EvalColumn::GoalText).starts_with(label));
        let figure = |c| cell(&rows[r], c).map(|c| (c.value.clone(), c.style.clone()));
        let style = Style::Figure(NumberFormat {
            decimals: 0,
            grouped: true,
            unit: unit.into(),
        });
        assert_eq!(
            figure(EvalColumn::Target),
            Some((Value::Number(target), style.clone()))
        );
        assert_eq!(
            figure(EvalColumn::Actual),
            Some((Value::Number(actual), style))
        );
    }
    // Excel's double before ROUND is exactly 327.5.
    let goal = &plan.initiatives[2].goals[0];
    assert_eq!(goal.formula, FormulaKind::Composite);
    let f = excel_formula(&plan, "⑴-オ", 1);
    assert_eq!(f.expr.excel(), 327.5);
    assert_eq!(f.excel(), Some(d("328")));
}

/// The formula the layout makes for a goal, rebuilt from its cells' values.
fn excel_formula(plan: &Plan, initiative: &str, goal: u32) -> Formula {
    let rows = evaluation_rows(plan);
    let (_, row) = goal_row(&rows, initiative, goal);
    let (text, _) = formula(row, EvalColumn::Rate);
    // Evaluate it as Excel would: every cell it names, read from the rows.
    let value = |name: &str| -> f64 {
        let split = name
            .find(|c: char| c.is_ascii_digit())
            .expect("a cell name");
        let (col, r) = name.split_at(split);
        let r: usize = r.parse().expect("a row");
        rows[r - 1]
            .cells
            .iter()
            .find(|c| column_name(c.col) == col)
            .and_then(|c| match c.value {
                Value::Number(x) => Some(x),
                _ => None,
            })
            .expect("a number cell")
    };
    parse_formula(&text, &value)
}

/// Reads back `ROUND(expr,digits)` as the layout writes it (cells, whole numbers, + - * /,
/// parentheses).
fn parse_formula(text: &str, value: &dyn Fn(&str) -> f64) -> Formula {
    let inner = text
        .strip_prefix("ROUND(")
        .and_then(|t| t.strip_suffix(')'))
        .expect("ROUND(…)");
    let (expr, digits) = inner.rsplit_once(',').expect("digits");
    let tokens: Vec<String> = {
        let mut out = Vec::new();
        let mut word = String::new();
        for c in expr.chars() {
            if c.is_ascii_alphanumeric() {
                word.push(c);
            } else {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                out.push(c.to_string());
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    };
    let mut at = 0;
    let expr = parse_sum(&tokens, &mut at, value);
    assert_eq!(at, tokens.len(), "{text}");
    Formula {
        expr,
        digits: digits.parse().expect("digits"),
    }
}

fn parse_sum(t: &[String], at: &mut usize, value: &dyn Fn(&str) -> f64) -> Expr {
    let mut left = parse_product(t, at, value);
    while let Some(op) = t.get(*at).and_then(|s| match s.as_str() {
        "+" => Some(formula::Op::Add),
        "-" => Some(formula::Op::Sub),
        _ => None,
    }) {
        *at += 1;
        let right = parse_product(t, at, value);
        left = Expr::Op(op, Box::new(left), Box::new(right));
    }
    left
}

fn parse_product(t: &[String], at: &mut usize, value: &dyn Fn(&str) -> f64) -> Expr {
    let mut left = parse_atom(t, at, value);
    while let Some(op) = t.get(*at).and_then(|s| match s.as_str() {
        "*" => Some(formula::Op::Mul),
        "/" => Some(formula::Op::Div),
        _ => None,
    }) {
        *at += 1;
        let right = parse_atom(t, at, value);
        left = Expr::Op(op, Box::new(left), Box::new(right));
    }
    left
}

fn parse_atom(t: &[String], at: &mut usize, value: &dyn Fn(&str) -> f64) -> Expr {
    let token = t[*at].clone();
    *at += 1;
    if token == "(" {
        let inner = parse_sum(t, at, value);
        assert_eq!(t[*at], ")");
        *at += 1;
        return inner;
    }
    match token.parse::<u64>() {
        Ok(n) => Expr::Const(n),
        Err(_) => Expr::Cell(formula::Ref {
            col: 0,
            row: 0,
            value: value(&token),
        }),
    }
}

#[test]
fn every_formula_gives_tasseis_figure_in_excels_arithmetic() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let mut formulas = 0;
    for (r, g) in plan.goals() {
        let (_, row) = goal_row(
            &rows,
            &r.initiative
                .spelled(crate::model::Spelling::Sheet)
                .to_string(),
            r.goal,
        );
        let rate = crate::engine::grade(g, &plan.thresholds).rate();
        match cell(row, EvalColumn::Rate).map(|c| &c.value) {
            Some(Value::Formula { result, .. }) => {
                formulas += 1;
                let f = excel_formula(&plan, &r.initiative.to_string(), r.goal);
                assert_eq!(*result, Cached::Number(rate.expect("a rate")));
                assert_eq!(f.excel(), rate, "{r}");
            }
            other => assert!(
                g.formula == FormulaKind::Milestone,
                "{r}: only milestones go without a formula: {other:?}"
            ),
        }
    }
    // 26 goals, 5 of them milestones.
    assert_eq!(formulas, 21);
}

#[test]
fn a_milestone_is_its_words_and_an_ungraded_goal_is_its_mark() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let (_, budget) = goal_row(&rows, "⑵-イ", 1);
    assert_eq!(text(budget, EvalColumn::Target), "令和６年度予算要求");
    assert_eq!(text(budget, EvalColumn::Actual), "令和６年度予算要求");
    assert_eq!(text(budget, EvalColumn::Baseline), "未導入");
    assert_eq!(
        cell(budget, EvalColumn::Rate).map(|c| &c.value),
        Some(&Value::Number(100.0)),
        "a milestone's 達成度 has no formula"
    );
    assert_eq!(text(budget, EvalColumn::Grade), "達成");
    let (_, seal) = goal_row(&rows, "⑵-イ", 3);
    assert_eq!(text(seal, EvalColumn::Rate), "ー");
    assert_eq!(text(seal, EvalColumn::Grade), "ー");
    assert_eq!(text(seal, EvalColumn::Baseline), "ー");
}

#[test]
fn a_goal_taking_anothers_activities_says_so_as_the_sheet_does() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let (at, row) = goal_row(&rows, "⑵-イ", 6);
    assert_eq!(
        text(row, EvalColumn::Activity),
        "実施内容は，⑴‐ア‐目標１に同じ"
    );
    assert!(cell(row, EvalColumn::Period).is_none());
    // One row: the next is ⑵-イ-7's.
    assert!(matches!(
        rows[at + 1].cells.first(),
        Some(Cell {
            col: 0,
            style: Style::GoalNumber,
            ..
        })
    ));
}

#[test]
fn a_page_break_before_every_initiative_but_the_first() {
    let plan = sheet::bundled().expect("bundled");
    let rows = evaluation_rows(&plan);
    let breaks: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.break_before)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(breaks.len(), plan.initiatives.len() - 1);
    for b in breaks {
        assert_eq!(rows[b].cells[0].style, Style::Initiative, "row {b}");
    }
    let sheet = evaluation_sheet(&plan, &PAPER);
    let print = sheet.print.expect("printed");
    assert_eq!(print.title_rows, (0, 2));
    assert_eq!(
        print.footer,
        "&L指宿市 DX推進計画 取り組み事項 評価 令和5年度&R&P / &N"
    );
}

/// A plan of `count` initiatives (the bundled sheet's first, copied), `per_area` to a policy
/// area.
fn many_initiatives(count: usize, per_area: usize) -> Plan {
    let mut plan = sheet::bundled().expect("bundled");
    let first = plan.initiatives[0].clone();
    plan.initiatives = (0..count)
        .map(|i| {
            let mut ini = first.clone();
            ini.code = InitiativeCode {
                area: u8::try_from(i / per_area + 1).expect("an area"),
                kana: 'ア',
            };
            ini
        })
        .collect();
    plan
}

#[test]
fn past_excels_1023_breaks_the_sheet_breaks_by_policy_area() {
    let fits = many_initiatives(1024, 10);
    assert_eq!(
        Breaks::for_initiatives(&fits.initiatives),
        Breaks::Initiative
    );
    let over = many_initiatives(1025, 10);
    assert_eq!(Breaks::for_initiatives(&over.initiatives), Breaks::Area);
    let breaks = evaluation_rows(&over)
        .iter()
        .filter(|r| r.break_before)
        .count();
    assert_eq!(
        breaks, 102,
        "one before each area but the first (1,025 / 10 → 103 areas)"
    );
    // The file takes them: Excel's limit is kept.
    to_bytes(&over, &History::default()).expect("written");
}

#[test]
fn the_footer_keeps_ampersands_and_excels_length() {
    let mut plan = sheet::bundled().expect("bundled");
    plan.title = format!("A&B {}", "計画".repeat(200));
    let footer = evaluation_sheet(&plan, &PAPER)
        .print
        .expect("printed")
        .footer;
    assert!(footer.starts_with("&L指宿市 A&&B 計画"), "{footer}");
    assert!(footer.ends_with("&R&P / &N"));
    assert!(footer.encode_utf16().count() <= 255);
    to_bytes(&plan, &History::default()).expect("written");
}

#[test]
fn numbers_cross_into_doubles_through_their_text_and_no_further_than_15_digits() {
    for (n, digits) in [
        ("0", 0),
        ("75.0", 2),
        ("10000", 1),
        ("84.93", 4),
        ("-180.5", 4),
        ("123456789012345", 15),
        ("1234567890123456", 16),
        ("0.000000000000001", 1),
        ("12345678901234567891", 20),
    ] {
        assert_eq!(cell::significant_digits(d(n)), digits, "{n}");
    }
    // Within 15 digits a double read back through its shortest text is the same decimal.
    for n in [
        "9016",
        "84.93",
        "13.47",
        "180.5",
        "0.1",
        "123456789012345",
        "99999.9999999999",
    ] {
        let x = excel_number(d(n)).expect("fits");
        assert_eq!(d(&x.to_string()), d(n), "{n}");
    }
    assert_eq!(excel_number(d("1234567890123456")), None);
    // Past them: the digits as text, with a note.
    let big = Cell::number(
        4,
        d("12345678901234567891"),
        NumberFormat::figure(d("1"), "件"),
    );
    assert_eq!(big.value, Value::Text("12345678901234567891".into()));
    assert_eq!(big.style, Style::LongFigure);
    assert_eq!(big.note, Some(words::KEPT_AS_TEXT));
}

#[test]
fn a_goal_with_a_figure_past_15_digits_keeps_its_value_and_no_formula() {
    let mut plan = sheet::bundled().expect("bundled");
    plan.initiatives[0].goals[0].actual = Figure::Number(d("12345678901234567891"));
    let rows = evaluation_rows(&plan);
    let (_, row) = goal_row(&rows, "⑴-ア", 1);
    assert_eq!(text(row, EvalColumn::Actual), "12345678901234567891");
    // 123456789012345678.9 → 123456789012345679: 18 digits, text too.
    assert_eq!(text(row, EvalColumn::Rate), "123456789012345679");
    assert_eq!(
        cell(row, EvalColumn::Rate).and_then(|c| c.note),
        Some(words::KEPT_AS_TEXT)
    );
    assert_eq!(text(row, EvalColumn::Grade), "達成");
}

#[test]
fn excel_rounds_half_away_from_zero_as_tassei_does_negative_rates_included() {
    assert_eq!(excel_round(327.5, 0), Some(d("328")));
    assert_eq!(excel_round(-2.5, 0), Some(d("-3")));
    assert_eq!(excel_round(-2.4999, 0), Some(d("-2")));
    // Excel reads the double to 15 digits first: 2.675 is 2.67499… in binary, and ROUND
    // gives 2.68.
    assert_eq!(excel_round(2.675, 2), Some(d("2.68")));
    assert_eq!(excel_round(f64::INFINITY, 0), None);
    // A goal whose rate is -2.5 before rounding: tassei and the formula both give -3.
    let mut plan = sheet::bundled().expect("bundled");
    let goal = &mut plan.initiatives[0].goals[0];
    goal.formula = FormulaKind::FromBaseline;
    goal.baseline = Figure::Number(d("10"));
    goal.target = Figure::Number(d("20"));
    goal.actual = Figure::Number(d("9.75"));
    let rate = crate::engine::grade(goal, &plan.thresholds).rate();
    assert_eq!(rate, Some(d("-3")));
    let rows = evaluation_rows(&plan);
    let (_, row) = goal_row(&rows, "⑴-ア", 1);
    assert_eq!(
        formula(row, EvalColumn::Rate),
        (
            "ROUND((E5-C5)*100/(D5-C5),0)".into(),
            Cached::Number(d("-3"))
        )
    );
    let f = excel_formula(&plan, "⑴-ア", 1);
    assert_eq!(f.expr.excel(), -2.5);
    assert_eq!(f.excel(), rate);
}

#[test]
fn a_formula_is_written_only_where_excel_gives_tasseis_figure() {
    // A rate of 16 digits: Excel's ROUND reads 15 of them. The value, as text, no formula.
    let mut plan = sheet::bundled().expect("bundled");
    let goal = &mut plan.initiatives[0].goals[0];
    goal.target = Figure::Number(d("7"));
    goal.actual = Figure::Number(d("123456789012345"));
    let rows = evaluation_rows(&plan);
    let (_, row) = goal_row(&rows, "⑴-ア", 1);
    assert_eq!(
        cell(row, EvalColumn::Actual).map(|c| &c.value),
        Some(&Value::Number(123456789012345.0))
    );
    assert_eq!(text(row, EvalColumn::Rate), "1763668414462071");
    assert_eq!(text(row, EvalColumn::Grade), "達成");
    // A double on the other side of the half than the exact value disagrees.
    let at = |value| Formula {
        expr: Expr::Cell(formula::Ref {
            col: 0,
            row: 0,
            value,
        }),
        digits: 1,
    };
    assert!(
        at(100.85).agrees(d("100.9")),
        "read to 15 digits: 100.850000000000"
    );
    assert!(!at(100.849_999_9).agrees(d("100.9")));
}

#[test]
fn the_data_sheet_has_a_row_per_goal_and_the_activity_sheet_a_row_per_activity() {
    let plan = sheet::bundled().expect("bundled");
    let none = History::default();
    let data: Vec<Row> = data_sheet(&plan, &none).rows.collect();
    assert_eq!(data.len(), 1 + 26);
    // The export's 18 columns, the previous year's three (blank in a plan's first year), then
    // the plan's keys.
    assert_eq!(
        data[0].cells.len(),
        18 + 3 + 10,
        "the export's, the previous year's, then the plan's keys"
    );
    assert!(data[1].cells.iter().all(|c| !(18..21).contains(&c.col)));
    let first = &data[1];
    let values: Vec<&Value> = first.cells.iter().map(|c| &c.value).collect();
    assert_eq!(values[0], &Value::Text("⑴-ア".into()));
    let code = first.cells.iter().find(|c| c.col == 17).map(|c| &c.value);
    assert_eq!(
        code,
        Some(&Value::Text("1-ア-1".into())),
        "目標コード, CP932-safe"
    );
    assert_eq!(values[6], &Value::Number(5527.0));
    assert_eq!(values[9], &Value::Number(90.0));
    assert_eq!(values[10], &Value::Text("概ね達成".into()));
    // The engine's words in Japanese whatever the thread's language.
    let _english = crate::strings::pin_thread(crate::strings::Lang::En);
    let none = History::default();
    let data: Vec<Row> = data_sheet(&plan, &none).rows.collect();
    assert_eq!(
        data[1].cells[5].value,
        Value::Text("実績値 ÷ 目標値 × 100".into())
    );
    let activities: Vec<Row> = activity_sheet(&plan).rows.collect();
    let own: usize = plan.goals().map(|(_, g)| g.activities.len()).sum();
    assert_eq!(own, 52);
    assert_eq!(activities.len(), 1 + own);
    assert_eq!(activities[1].cells[0].value, Value::Text("⑴-ア-1".into()));
    assert_eq!(activities[1].cells[5].value, Value::Text("未記入".into()));
}

#[test]
fn columns_fit_japanese_by_display_width() {
    let header = Cell::text(0, "目標の内容", Style::Header);
    assert_eq!(header.shown_width(), 10);
    let figure = Cell::number(0, d("10000"), NumberFormat::figure(d("10000"), "件"));
    assert_eq!(figure.shown_width(), "10,000".len() + 2);
    let c = Column {
        header: "目標",
        min: 7,
        max: 30,
    };
    assert_eq!(c.fitted(0), 7.0);
    assert_eq!(c.fitted(10), 13.0);
    assert_eq!(c.fitted(200), 30.0);
}

#[test]
fn a_row_is_as_tall_as_its_longest_wrapped_text() {
    let plan = sheet::bundled().expect("bundled");
    let sheet = evaluation_sheet(&plan, &PAPER);
    let columns = sheet.columns.clone();
    let rows: Vec<Row> = sheet.rows.collect();
    // The title and the bands are one line; ⑴-ア-1's 評価内容 (156 characters, most full-width, in a
    // column of 40 half-width ones) takes nine.
    assert_eq!(rows[0].lines(&columns), 1);
    let (_, row) = goal_row(&rows, "⑴-ア", 1);
    let evaluation = cell(row, EvalColumn::Evaluation).expect("評価内容");
    assert_eq!(evaluation.lines(40), 9);
    assert_eq!(row.lines(&columns), 9);
    assert_eq!(row_height(1), 16.5);
    // A line break starts a line: 積算方法's 【…】 line is a line of its own.
    let method = Cell::text(0, "集計する\n【基準値】", Style::Text);
    assert_eq!(method.lines(26), 2);
    // Numbers never wrap.
    assert_eq!(
        Cell::number(0, d("10000"), NumberFormat::rate(0)).lines(3),
        1
    );
}
