use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::model::{
    ActivityStatus, CalendarDate, FormulaKind, MeetingNote, MilestoneState, NoteFigures, Value,
};
use crate::sheet::{FORMAT, bundled, parse, parse_text};

fn written(plan: &Plan) -> String {
    let mut out = Vec::new();
    let goals = write(&mut out, plan).expect("written");
    assert_eq!(goals, plan.goals().count());
    String::from_utf8(out).expect("UTF-8")
}

fn number(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal")
}

fn goal_mut<'a>(plan: &'a mut Plan, code: &str) -> &'a mut Goal {
    let r: crate::model::GoalRef = code.parse().expect("a code");
    plan.initiatives
        .iter_mut()
        .find(|i| i.code == r.initiative)
        .and_then(|i| i.goals.iter_mut().find(|g| g.number == r.goal))
        .expect("the goal")
}

/// A uid for the n-th row, as the store would give one.
fn nth_uid(n: u128) -> Uid {
    format!("{:032x}", 0x5eed_0000_0000_0000_0000_0000_0000_0000 + n)
        .parse()
        .expect("a uid")
}

/// The bundled sheet as a data file holds it after a year of use: every row with its uid,
/// figures typed with their scale, states and statuses changed, meeting notes, a derivation
/// whose figure was edited since, text as clerks type it.
fn lived_in() -> Plan {
    let mut plan = bundled().expect("bundled");
    let mut n = 0;
    let mut next = || {
        n += 1;
        nth_uid(n)
    };
    plan.uid = next();
    plan.thresholds.achieved = number("100.0");
    plan.thresholds.near = number("79.5");
    plan.areas[0].title = "行政サービスのデジタル化".into();
    for ini in &mut plan.initiatives {
        ini.uid = next();
        for g in &mut ini.goals {
            g.uid = next();
            for p in &mut g.parts {
                p.uid = next();
            }
            for a in &mut g.activities {
                a.uid = next();
            }
        }
    }
    // 13.47 → 14.20: the scale kept, and the sheet's arithmetic (3,609 ÷ 26,790) now stale.
    goal_mut(&mut plan, "1-ウ-1").actual = Value::Number(number("14.20"));
    let g = goal_mut(&mut plan, "1-ア-1");
    g.allow_negative = true;
    g.baseline = Value::Number(number("-5"));
    g.evaluation = "全角１２３，半角ｶﾀｶﾅ\n\t「引用」🙂\u{3000}末尾の全角空白　".into();
    g.activities[0].status = ActivityStatus::Doing;
    g.activities[1].status = ActivityStatus::Dropped;
    g.notes = vec![
        MeetingNote {
            date: CalendarDate::new(2026, 11, 24).expect("date"),
            decision: "次年度も継続\n（予算要求済み）".into(),
            follow_up: String::new(),
            owner: "デジタル政策係".into(),
            due: "2027-03-31".into(),
            figures: NoteFigures {
                actual: "9,016".into(),
                target: "10,000".into(),
                achievement: "90".into(),
                status: "概ね達成".into(),
                calculation: "9,016 ÷ 10,000 × 100 = 90.16 → 90".into(),
            },
        },
        // A note whose every field was cleared again is kept as it is.
        MeetingNote::empty(CalendarDate::new(2027, 2, 1).expect("date")),
    ];
    let composite = goal_mut(&mut plan, "1-オ-1");
    composite.parts[1].actual = None;
    for g in plan.initiatives.iter_mut().flat_map(|i| &mut i.goals) {
        if g.formula == FormulaKind::Milestone && g.milestone == Some(MilestoneState::Achieved) {
            g.milestone = Some(MilestoneState::NotAchieved);
            break;
        }
    }
    plan
}

#[test]
fn the_bundled_sheet_reads_back_as_it_was() {
    let plan = bundled().expect("bundled");
    let text = written(&plan);
    assert!(
        text.starts_with(&format!(
            "{{\n  \"format\": \"{FORMAT}\",\n  \"id\": \"ibusuki-dx-r5\""
        )),
        "{}",
        &text[..80]
    );
    assert!(text.ends_with("}\n"));
    assert_eq!(parse(&text).expect("reads back"), plan);
}

#[test]
fn everything_a_data_file_holds_reads_back_exactly() {
    let plan = lived_in();
    let text = written(&plan);
    let read = parse_text(text.clone()).expect("reads back");
    assert_eq!(read, plan);
    // Written again, byte for byte the same file.
    assert_eq!(written(&read), text);
    // Numbers as stored, never grouped, rounded or made floats.
    for exact in [
        r#""actual": "14.20""#,
        r#""baseline": "-5""#,
        r#""achieved": "100.0""#,
        r#""near": "79.5""#,
        r#""stale": true"#,
        r#""allow_negative": true"#,
    ] {
        assert!(text.contains(exact), "{exact} in the file");
    }
    // Japanese and full-width text as typed; line breaks and tabs as JSON escapes.
    assert!(text.contains(r#"全角１２３，半角ｶﾀｶﾅ\n\t「引用」🙂　末尾の全角空白　"#));
    assert!(text.contains(r#""decision": "次年度も継続\n（予算要求済み）""#));
}

#[test]
fn only_what_a_goal_states_is_written() {
    let plan = bundled().expect("bundled");
    let text = written(&plan);
    // A direction only where the formula does not imply it; 未記入 and empty text not at all.
    let stated = plan
        .goals()
        .filter(|(_, g)| g.direction != super::implied_direction(g.formula))
        .count();
    assert_eq!(text.matches("\"direction\"").count(), stated);
    assert!(!text.contains("\"uid\""), "a plan not stored has no uids");
    assert!(!text.contains("\"meeting_notes\""));
    assert!(!text.contains("\"note\": \"\""));
    assert!(!text.contains("\"status\": \"unset\""));
}

#[test]
fn a_derivation_that_still_works_out_is_not_stale() {
    let plan = lived_in();
    let text = written(&plan);
    // Of the bundled sheet's four derivations only ⑴-ウ-1's figure was changed.
    assert_eq!(text.matches("\"stale\"").count(), 1);
    let mut fixed = plan.clone();
    goal_mut(&mut fixed, "1-ウ-1").actual = Value::Number(number("13.47"));
    assert!(!written(&fixed).contains("\"stale\""));
}
