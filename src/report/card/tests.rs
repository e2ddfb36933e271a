use super::*;
use crate::sheet;
use crate::strings::{Lang, pin_thread};

fn card(code: &str, today: CalendarDate) -> Card {
    let plan = sheet::bundled().expect("bundled");
    let r: GoalRef = code.parse().expect("code");
    let (ini, goal) = plan.goal(r).expect("goal");
    Card::of(&plan, ini, goal, today)
}

fn date(y: i32, m: u32, d: u32) -> CalendarDate {
    CalendarDate::new(y, m, d).expect("date")
}

#[test]
fn a_ratio_goal_card() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = card("1-ア-1", date(2023, 5, 15)).to_text();
    for expected in [
        "⑴-ア-1  鹿児島県電子申請システムの年間総申請件数を10,000件以上にする",
        "  ⑴-ア 各種行政手続のオンライン化 · p.1",
        "  基準値  5,527件",
        "  目標値  10,000件",
        "  実績値  9,016件",
        "  達成度  90  概ね達成 near   (シート記載 90)",
        "  計算    9,016 ÷ 10,000 × 100 = 90.16 → 90",
        "  不足    984件",
        "  【基準値→R2年度～R4年度の平均，目標値･実績値→R5年度】",
        "  1. 職員向け研修を実施し，活用を促す",
        "     R５.５ (2023-05-01〜2023-05-31) · デジタル政策係 · 未記入 unset",
    ] {
        assert!(
            text.lines().any(|l| l == expected),
            "missing line {expected:?} in\n{text}"
        );
    }
    let later = card("1-ア-1", date(2023, 6, 1)).to_text();
    assert!(
        later.contains("· 未記入 unset\n"),
        "not recorded is never overdue"
    );
}

#[test]
fn an_activity_recorded_as_not_started_is_overdue_after_its_period() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let mut plan = sheet::bundled().expect("bundled");
    plan.initiatives[0].goals[0].activities[0].status = ActivityStatus::Todo;
    let (ini, goal) = (&plan.initiatives[0], &plan.initiatives[0].goals[0]);
    let may = Card::of(&plan, ini, goal, date(2023, 5, 15)).to_text();
    assert!(may.contains("· 未着手 todo\n"), "{may}");
    assert!(!may.contains("期限超過"), "nothing is overdue in May 2023");
    let june = Card::of(&plan, ini, goal, date(2023, 6, 1)).to_text();
    assert!(june.contains("· 未着手 todo · 期限超過 overdue"), "{june}");
}

#[test]
fn shared_activities_say_whose_they_are() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = card("2-イ-7", date(2023, 4, 1)).to_text();
    assert!(
        text.contains("実施内容 (activities) — ⑴-ウ-1 と同じ"),
        "{text}"
    );
    assert!(text.contains("  3. コンビニにポスターを掲載する"));
    assert!(text.contains("市民係・マイナンバー推進係"));
    assert!(text.contains("  計算    180.5 ÷ 216 × 100 = 83.56 → 84"));
    assert!(
        text.contains("  目標値の算出  28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216\n"),
        "{text}"
    );
    assert!(text.contains("  実績値の算出  3,609 × 3分 ÷ 60 = 180.45 → 180.5\n"));
}

#[test]
fn composite_and_milestone_cards() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = card("1-オ-1", date(2023, 4, 1)).to_text();
    assert!(
        text.contains("  開催回数  目標 6回  実績 13回 (協働推進係７回，社会教育係６回)"),
        "{text}"
    );
    // The labels are as wide as the widest (開催回数), so every value starts in one column.
    assert!(text.contains("  計算      (13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100 = 327.5 → 328"));
    let text = card("2-イ-3", date(2023, 4, 1)).to_text();
    assert!(text.contains("  達成状況  評価なし (ー)"), "{text}");
    assert!(
        text.contains("  達成度    ー  評価なし not_graded   (シート記載 ー)"),
        "{text}"
    );
    assert!(text.contains("  基準値    "), "{text}");
}

#[test]
fn editable_lines_say_which_field_they_are() {
    let fields = |code: &str| -> Vec<CardField> {
        card(code, date(2023, 4, 1))
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Figure { field, .. } | Block::Activity { field, .. } => *field,
                Block::Narrative { field, .. } => Some(*field),
                _ => None,
            })
            .collect()
    };
    let goal = CardField::of_goal;
    assert_eq!(
        fields("1-ア-1"),
        [
            goal(FieldKey::Baseline),
            goal(FieldKey::Target),
            goal(FieldKey::Actual),
            goal(FieldKey::Unit),
            goal(FieldKey::Evaluation),
            CardField::at(FieldKey::ActivityStatus, 0),
            CardField::at(FieldKey::ActivityStatus, 1),
        ]
    );
    assert_eq!(
        fields("1-オ-1")[..2],
        [
            CardField::at(FieldKey::PartActual, 0),
            CardField::at(FieldKey::PartActual, 1)
        ]
    );
    assert_eq!(
        fields("2-イ-3")[2..5],
        [
            goal(FieldKey::Actual),
            goal(FieldKey::Milestone),
            goal(FieldKey::Unit)
        ]
    );
    assert_eq!(
        fields("2-イ-7")[2..],
        [
            goal(FieldKey::Actual),
            goal(FieldKey::Unit),
            goal(FieldKey::Evaluation)
        ],
        "shared activities are edited at ⑴-ウ-1"
    );
}

#[test]
fn an_empty_section_says_nashi() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let mut plan = sheet::bundled().expect("bundled");
    plan.initiatives[0].goals[0].evaluation.clear();
    plan.initiatives[0].goals[0].activities.clear();
    let (ini, goal) = (&plan.initiatives[0], &plan.initiatives[0].goals[0]);
    let text = Card::of(&plan, ini, goal, date(2023, 5, 15)).to_text();
    assert!(text.contains("評価内容 (evaluation)\n  (なし)\n"), "{text}");
    assert!(text.contains("実施内容 (activities)\n  (なし)\n"), "{text}");
    assert!(!text.contains("(none)"));
}

#[test]
fn a_jiki_that_cannot_be_read_says_why_and_is_counted() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let mut plan = sheet::bundled().expect("bundled");
    let year = plan.fiscal_year;
    let activities = &mut plan.initiatives[0].goals[0].activities;
    let template = activities[0].clone();
    *activities = ["平成31年5月", "随時", "R5.12～3", "R5.13"]
        .iter()
        .map(|raw| crate::model::Activity {
            period: crate::model::Period::parse(raw, year),
            status: ActivityStatus::Todo,
            ..template.clone()
        })
        .collect();
    let (ini, goal) = (&plan.initiatives[0], &plan.initiatives[0].goals[0]);
    let text = Card::of(&plan, ini, goal, date(2024, 4, 1)).to_text();
    for expected in [
        "実施内容 (activities)  時期を読めません unreadable 時期: 2",
        "     平成31年5月 · デジタル政策係 · 未着手 todo · 時期を読めません unreadable: 平成 ended on 2019-04-30 (平成31年4月30日)",
        "     随時 (as needed, never overdue) · デジタル政策係 · 未着手 todo",
        "     R5.12～3 (2023-12-01〜2024-03-31) · デジタル政策係 · 未着手 todo · 期限超過 overdue",
        "     R5.13 · デジタル政策係 · 未着手 todo · 時期を読めません unreadable: there is no month 13",
    ] {
        assert!(
            text.lines().any(|l| l == expected),
            "missing line {expected:?} in\n{text}"
        );
    }
}
