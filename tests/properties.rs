//! Properties over random input: the parsers never panic, printing then parsing a number gives
//! it back, the engine never panics and rounds half away from zero exactly, a random plan
//! file is answered (accepted or refused), never a crash, and the field editor keeps its cursor
//! on screen whatever is pasted. PROPTEST_CASES sets the case count.

use std::str::FromStr;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use rust_decimal::{Decimal, RoundingStrategy};
use tassei::engine::{Outcome, evaluate};
use tassei::model::expression::Expression;
use tassei::model::{
    Direction, FormulaKind, Goal, GoalId, GoalRef, Grouped, Part, PartId, Period, Thresholds, Uid,
    Value,
};
use tassei::tui::textedit::{Look, TextEdit};

/// 512 cases per property, or PROPTEST_CASES.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

/// Text a clerk might type into a number field: digits of both widths, separators, signs,
/// units, letters, spaces — and anything else.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９,，.．\\-−－ー+＋ e%％件時間 ]{0,24}",
        any::<String>(),
    ]
}

/// A decimal with up to 12 digits before and 6 after the point.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=6)
        .prop_map(|(m, scale)| Decimal::new(m % 1_000_000_000_000_000_000, scale))
}

/// A decimal the reference division can handle exactly enough: up to 10^6, two decimals.
fn small() -> impl Strategy<Value = Decimal> {
    (-100_000_000i64..100_000_000, 0u32..=2).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn goal(
    formula: FormulaKind,
    baseline: Value,
    target: Value,
    actual: Value,
    precision: u32,
) -> Goal {
    Goal {
        id: GoalId(1),
        uid: Uid::NONE,
        number: 1,
        title: String::new(),
        note: String::new(),
        unit: String::new(),
        calc_method: String::new(),
        formula,
        direction: if formula == FormulaKind::LowerIsBetter {
            Direction::Lower
        } else {
            Direction::Higher
        },
        precision,
        allow_negative: true,
        baseline,
        target,
        actual,
        milestone: None,
        parts: vec![],
        evaluation: String::new(),
        printed_achievement: None,
        page: None,
        activities: vec![],
        activities_from: None,
        derivations: vec![],
        notes: vec![],
    }
}

/// The reference: Decimal's own division, rounded half away from zero.
fn reference(num: Decimal, den: Decimal, dp: u32) -> Option<Decimal> {
    num.checked_div(den)
        .map(|q| q.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_value_parser_never_panics(text in typed(), unit in "[件時間％%回名]{0,2}") {
        let _ = tassei::model::parse_number(&text, &unit);
    }

    #[test]
    fn the_period_parser_never_panics_and_keeps_the_text(text in prop_oneof!["[RＲHＨ令和平成元年度月日0-9０-９.．/~～〜からまで中内末上下初旬半期第一二三四通随時 ]{0,24}", any::<String>()]) {
        let period = Period::parse(&text, tassei::model::FiscalYear(2023));
        prop_assert_eq!(period.raw(), text.as_str());
        // A reading is one thing: dates that run forwards, 随時, or unreadable with a reason.
        if let (Some(start), Some(end)) = (period.start(), period.end()) {
            prop_assert!(start <= end, "{text:?}: {start} after {end}");
        }
        prop_assert_eq!(period.is_unparsed(), period.problem().is_some());
        prop_assert!(!(period.is_parsed() && period.is_as_needed()));
    }

    #[test]
    fn code_expression_and_search_parsers_never_panic(text in any::<String>()) {
        let _ = GoalRef::from_str(&text);
        let _ = tassei::model::InitiativeCode::from_str(&text);
        let _ = tassei::find::search_fold(&text);
        if let Ok(e) = Expression::parse(&text) {
            let _ = tassei::engine::work_out(&e, 2);
        }
    }

    #[test]
    fn a_printed_number_reads_back_the_same(d in decimal()) {
        let shown = Grouped(&d).to_string();
        let back = tassei::model::parse_number(&shown, "");
        prop_assert_eq!(back, Ok(d));
        let full_width: String = shown.chars().map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ',' => '，',
            '.' => '．',
            other => other,
        }).collect();
        prop_assert_eq!(tassei::model::parse_number(&full_width, ""), Ok(d), "{}", full_width);
    }

    #[test]
    fn the_engine_never_panics(
        kind in prop_oneof![Just(FormulaKind::Ratio), Just(FormulaKind::LowerIsBetter), Just(FormulaKind::FromBaseline), Just(FormulaKind::Composite)],
        b in decimal(), t in decimal(), a in decimal(), precision in 0u32..=4,
        parts in proptest::collection::vec((decimal(), proptest::option::of(decimal())), 0..4),
    ) {
        let mut g = goal(kind, Value::Number(b), Value::Number(t), Value::Number(a), precision);
        g.parts = parts.into_iter().map(|(target, actual)| Part {
            id: PartId(1), uid: Uid::NONE, label: "p".into(), unit: String::new(), target, actual, note: String::new(),
        }).collect();
        let e = evaluate(&g, &Thresholds::default());
        if let Outcome::Rate(r) = e.outcome {
            prop_assert!(r.scale() == precision);
        }
    }

    #[test]
    fn ratio_rounding_matches_the_half_up_reference(t in small(), a in small(), precision in 0u32..=2) {
        prop_assume!(!t.is_zero());
        let g = goal(FormulaKind::Ratio, Value::None, Value::Number(t), Value::Number(a), precision);
        let e = evaluate(&g, &Thresholds::default());
        let expected = reference(a * Decimal::ONE_HUNDRED, t, precision);
        prop_assert_eq!(e.rate().map(|r| r.normalize()), expected.map(|r| r.normalize()), "{} / {}", a, t);
    }

    #[test]
    fn from_baseline_rounding_matches_the_half_up_reference(b in small(), t in small(), a in small()) {
        prop_assume!(t != b);
        let g = goal(FormulaKind::FromBaseline, Value::Number(b), Value::Number(t), Value::Number(a), 1);
        let e = evaluate(&g, &Thresholds::default());
        let expected = reference((a - b) * Decimal::ONE_HUNDRED, t - b, 1);
        prop_assert_eq!(e.rate().map(|r| r.normalize()), expected.map(|r| r.normalize()));
    }

    #[test]
    fn any_json_is_answered_not_a_crash(json in arbitrary_json()) {
        let _ = tassei::sheet::parse(&json.to_string());
    }

    #[test]
    fn a_mangled_plan_file_is_answered_not_a_crash(at in 0usize..40_000, len in 0usize..200, with in any::<String>()) {
        let text = tassei::sheet::BUNDLED;
        let mut cut = at.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mangled = format!("{}{}{}", &text[..cut], with, &text[end..]);
        let _ = tassei::sheet::parse(&mangled);
    }
}

/// Text a clerk might paste into a field: Japanese with closing marks, Latin runs, ambiguous
/// glyphs, combining marks, line breaks of every kind, control characters — and anything else.
fn pasted() -> impl Strategy<Value = String> {
    prop_oneof![
        "[あ-んア-ン漢字，。）：、ー１０a-z0-9 ,.⑴①※→×\u{3099}\r\n\t\u{1}\u{1b}\u{7f}\u{85}]{0,40}",
        any::<String>(),
    ]
}

/// One thing a clerk does in a field: a key (by number) or a paste.
fn edit_step() -> impl Strategy<Value = (u8, String)> {
    (0u8..18, pasted())
}

/// Applies step `op` to `edit`.
fn apply(edit: &mut TextEdit, (op, text): &(u8, String)) {
    match op {
        0 => edit.paste(text),
        1 => text.chars().take(3).for_each(|c| edit.insert_char(c)),
        2 => edit.backspace(),
        3 => edit.delete(),
        4 => edit.left(),
        5 => edit.right(),
        6 => edit.up(),
        7 => edit.down(),
        8 => edit.home(),
        9 => edit.end(),
        10 => edit.page_up(),
        11 => edit.page_down(),
        12 => edit.text_start(),
        13 => edit.text_end(),
        14 => edit.newline(),
        15 => edit.delete_to_line_end(),
        16 => edit.delete_to_line_start(),
        _ => {
            edit.key(KeyEvent::new_with_kind(
                KeyCode::Enter,
                KeyModifiers::SHIFT,
                KeyEventKind::Press,
            ));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Whatever is typed or pasted and however the terminal is sized, the field holds no CR,
    /// and the real cursor is inside the field's area.
    #[test]
    fn the_field_editor_keeps_its_cursor_on_screen(
        many in any::<bool>(),
        steps in proptest::collection::vec((edit_step(), 11u16..60, 1u16..10), 1..24),
    ) {
        let mut edit = if many { TextEdit::multi_line("") } else { TextEdit::one_line("") };
        for (step, width, height) in &steps {
            apply(&mut edit, step);
            let area = Rect::new(2, 1, *width, *height);
            let mut buf = Buffer::empty(Rect::new(0, 0, width + 4, height + 2));
            let mut view = edit.view();
            let cursor = edit.render(&mut view, area, &mut buf, Look::default());
            edit.set_view(view);
            prop_assert!(!edit.text().contains('\r'), "{:?}", edit.text());
            prop_assert!(edit.cursor() <= edit.text().chars().count());
            prop_assert!(
                cursor.is_some_and(|c| area.contains(c)),
                "{:?} not in {:?} for {:?} at {}", cursor, area, edit.text(), edit.cursor()
            );
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        "[a-z_]{0,12}|[0-9,.]{0,8}|[ア-ン⑴]{0,4}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                prop_oneof!["format|id|municipality|title|fiscal_year|initiatives|code|goals|number|formula|target|actual|parts|text", "[a-z]{1,6}"],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}
