use rust_decimal::Decimal;

use super::*;
use crate::model::{Direction, PolicyArea, Thresholds, Value};
use crate::strings::{Lang, pin_thread};

const MINIMAL: &str = r#"{
  "format": "tassei-plan/1", "id": "t", "municipality": "市", "title": "計画", "fiscal_year": 2023,
  "initiatives": [{ "code": "1-ア", "title": "取組", "goals": [
    { "number": 1, "title": "目標", "unit": "件", "formula": "ratio", "target": "10,000", "actual": 9016 }
  ]}]
}"#;

fn errors(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => vec![],
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn with_goal(goal_json: &str) -> String {
    MINIMAL.replace(
        r#"{ "number": 1, "title": "目標", "unit": "件", "formula": "ratio", "target": "10,000", "actual": 9016 }"#,
        goal_json,
    )
}

#[test]
fn minimal_plan_reads() {
    let plan = parse(MINIMAL).expect("valid");
    let (_, g) = plan.goals().next().expect("one goal");
    assert_eq!(g.target, Value::Number(Decimal::from(10000)));
    assert_eq!(g.actual, Value::Number(Decimal::from(9016)));
    assert_eq!(
        plan.areas,
        vec![PolicyArea {
            number: 1,
            title: String::new()
        }]
    );
    assert_eq!(plan.thresholds, Thresholds::default());
}

#[test]
fn a_bom_is_not_json_and_a_figure_may_carry_its_goals_unit() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = format!("\u{FEFF}{}", MINIMAL.replace("\"10,000\"", "\"10,000件\""));
    let plan = parse(&text).expect("valid");
    let (_, g) = plan.goals().next().expect("one goal");
    assert_eq!(g.target, Value::Number(Decimal::from(10000)));
    assert_eq!(
        errors(&MINIMAL.replace("\"10,000\"", "\"10,000回\"")),
        ["initiatives[0].goals[0].target: the unit 回 is not this goal's unit (件): \"10,000回\""]
    );
}

#[test]
fn more_than_twenty_problems_are_counted_after_the_twentieth() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let problems = SheetErrors(
        (0..23)
            .map(|i| SheetError {
                path: format!("initiatives[{i}].title"),
                message: "must not be empty".into(),
            })
            .collect(),
    );
    let lines = problems.lines();
    assert_eq!(lines.len(), 21);
    assert_eq!(lines[19], "initiatives[19].title: must not be empty");
    assert_eq!(lines[20], "…and 3 more problems");
}

#[test]
fn shape_errors_name_the_path() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = with_goal(r#"{ "number": 1, "title": "目標", "formula": "ratio", "target": true }"#);
    let errs = errors(&text);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("initiatives[0].goals[0].target: invalid type: boolean"),
        "{errs:?}"
    );
    let errs = errors(&with_goal(
        r#"{ "number": 1, "title": "目標", "formula": "ratio", "target": 13.47 }"#,
    ));
    assert!(
        errs[0].contains("write it as a string, e.g. \"13.47\""),
        "{errs:?}"
    );
    assert!(errors(r#"{"format": "tassei-plan/1"}"#)[0].contains("missing field"));
    assert!(errors("not json")[0].contains("expected"));
    let errs =
        errors(&MINIMAL.replace("\"title\": \"計画\"", "\"title\": \"計画\", \"colour\": 1"));
    assert!(errs[0].contains("unknown field `colour`"), "{errs:?}");
}

#[test]
fn meaning_errors_name_the_path_and_are_all_reported() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = with_goal(
        r#"{ "number": 1, "title": "", "formula": "ratio", "target": "abc", "actual": "9.0.1" }"#,
    );
    assert_eq!(
        errors(&text),
        vec![
            "initiatives[0].goals[0].title: must not be empty",
            "initiatives[0].goals[0].target: not a number: \"abc\"",
            "initiatives[0].goals[0].actual: two decimal points: \"9.0.1\"",
        ]
    );
}

#[test]
fn duplicates_are_refused() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dup_goal = with_goal(
        r#"{ "number": 1, "title": "a", "formula": "ratio" }, { "number": 1, "title": "b", "formula": "ratio" }"#,
    );
    assert_eq!(
        errors(&dup_goal),
        vec![
            "initiatives[0].goals[1].number: duplicate goal number 1 (also initiatives[0].goals[0])"
        ]
    );
    let dup_code = MINIMAL.replace(
        r#""initiatives": ["#,
        r#""initiatives": [{ "code": "⑴-ア", "title": "x", "goals": [] }, "#,
    );
    assert_eq!(
        errors(&dup_code),
        vec!["initiatives[1].code: duplicate initiative ⑴-ア (also initiatives[0])"]
    );
}

#[test]
fn formula_rules_are_checked() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let composite = with_goal(r#"{ "number": 1, "title": "a", "formula": "composite" }"#);
    assert_eq!(
        errors(&composite),
        vec!["initiatives[0].goals[0].parts: a composite goal needs at least one part"]
    );
    let milestone = with_goal(r#"{ "number": 1, "title": "a", "formula": "milestone" }"#);
    assert!(errors(&milestone)[0].contains("a milestone goal needs a state"));
    let wrong_dir =
        with_goal(r#"{ "number": 1, "title": "a", "formula": "ratio", "direction": "lower" }"#);
    assert_eq!(
        errors(&wrong_dir),
        vec!["initiatives[0].goals[0].direction: a ratio goal cannot have direction \"lower\""]
    );
    let unknown = with_goal(r#"{ "number": 1, "title": "a", "formula": "average" }"#);
    assert!(
        errors(&unknown)[0]
            .starts_with("initiatives[0].goals[0].formula: unknown formula kind \"average\"")
    );
    let lower =
        with_goal(r#"{ "number": 1, "title": "a", "formula": "lower_is_better", "target": "5" }"#);
    let plan = parse(&lower).expect("valid");
    assert_eq!(
        plan.goals().next().map(|(_, g)| g.direction),
        Some(Direction::Lower)
    );
}

#[test]
fn control_characters_in_text_are_refused() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = with_goal(r#"{ "number": 1, "title": "a\u001b[2Jb", "formula": "ratio" }"#);
    assert_eq!(
        errors(&text),
        vec![
            "initiatives[0].goals[0].title: contains the control character U+001B at character 2; remove it"
        ]
    );
}

#[test]
fn derivations_must_work_out_to_the_stated_figure() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let good = with_goal(
        r#"{ "number": 1, "title": "a", "unit": "時間", "formula": "ratio", "target": "216", "actual": "180.5",
             "derivations": [{ "figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1 }] }"#,
    );
    let plan = parse(&good).expect("valid");
    assert_eq!(
        plan.goals().next().map(|(_, g)| g.derivations.len()),
        Some(1)
    );
    let wrong = good.replace("\"180.5\"", "\"180.4\"");
    assert_eq!(
        errors(&wrong),
        [
            "initiatives[0].goals[0].derivations[0].expression: 3,609 × 3分 ÷ 60 = 180.45 → 180.5 works out to 180.5, but the actual is 180.4"
        ]
    );
    let broken = good.replace("3,609 × 3分 ÷ 60", "3,609 × ");
    assert_eq!(
        errors(&broken),
        ["initiatives[0].goals[0].derivations[0].expression: \"3,609 ×\": a number is missing"]
    );
    let text = good.replace(
        "\"actual\": \"180.5\"",
        "\"actual\": {\"text\": \"集計中\"}",
    );
    assert!(errors(&text)[0].ends_with(
        "the actual is not a number, so there is nothing to check the arithmetic against"
    ));
}

#[test]
fn shared_activities_must_point_at_a_goal_with_its_own() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let missing = with_goal(
        r#"{ "number": 1, "title": "a", "formula": "ratio", "activities_from": "1-ア-9" }"#,
    );
    assert_eq!(
        errors(&missing),
        vec!["initiatives[0].goals[0].activities_from: ⑴-ア-9 is not a goal in this file"]
    );
    let own = with_goal(
        r#"{ "number": 1, "title": "a", "formula": "ratio", "activities_from": "1-ア-1" }"#,
    );
    assert_eq!(
        errors(&own),
        vec![
            "initiatives[0].goals[0].activities_from: a goal cannot take its activities from itself"
        ]
    );
}

// ---- tassei-plan/2: uids, meeting notes, stale derivations; /1 still read --------------------

const UID: &str = "0f3a9c00000000000000000000000001";

/// MINIMAL in the second version, its goal replaced by `goal_json`.
fn second(goal_json: &str) -> String {
    with_goal(goal_json).replace(FORMAT_1, FORMAT)
}

#[test]
fn the_second_version_carries_uids_and_meeting_notes() {
    let text = second(&format!(
        r#"{{ "number": 1, "uid": "{UID}", "title": "目標", "unit": "件", "formula": "ratio", "target": "10",
             "meeting_notes": [
               {{ "date": "2026-11-24", "decision": "継続", "due": "R8.3.31",
                  "figures": {{ "actual": "9", "status": "概ね達成" }} }},
               {{ "date": "2025-11-20" }}
             ] }}"#
    ));
    let plan = parse(&text).expect("valid");
    let (_, g) = plan.goals().next().expect("one goal");
    assert_eq!(g.uid.to_string(), UID);
    let dates: Vec<String> = g.notes.iter().map(|n| n.date.to_string()).collect();
    assert_eq!(dates, ["2025-11-20", "2026-11-24"], "oldest first");
    assert_eq!(g.notes[1].decision, "継続");
    assert_eq!(g.notes[1].due, "2026-03-31", "a 期限 read as a date");
    assert_eq!(g.notes[1].figures.status, "概ね達成");
    assert!(g.notes[0].is_blank());
}

#[test]
fn a_first_version_file_refuses_the_second_versions_fields() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = with_goal(&format!(
        r#"{{ "number": 1, "uid": "{UID}", "title": "目標", "unit": "時間", "formula": "ratio", "target": "216", "actual": "180",
             "derivations": [{{ "figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1, "stale": true }}],
             "meeting_notes": [{{ "date": "2026-11-24" }}] }}"#
    ))
    .replace(
        r#""id": "t","#,
        r#""id": "t", "uid": "0f3a9c00000000000000000000000002","#,
    );
    let newer = "this field is new in tassei-plan/2; the file says \"tassei-plan/1\": write \"format\": \"tassei-plan/2\" to keep it";
    assert_eq!(
        errors(&text),
        [
            format!("uid: {newer}"),
            format!("initiatives[0].goals[0].uid: {newer}"),
            format!("initiatives[0].goals[0].derivations[0].stale: {newer}"),
            // Unmarked, a /1 file's derivation must work out.
            "initiatives[0].goals[0].derivations[0].expression: 3,609 × 3分 ÷ 60 = 180.45 → 180.5 works out to 180.5, but the actual is 180".to_string(),
            format!("initiatives[0].goals[0].meeting_notes: {newer}"),
        ]
    );
    // Said as the second version, the same file reads.
    assert!(parse(&text.replace(FORMAT_1, FORMAT)).is_ok());
    assert_eq!(
        errors(&MINIMAL.replace(FORMAT_1, "tassei-plan/3")),
        ["format: expected \"tassei-plan/2\" or \"tassei-plan/1\", found \"tassei-plan/3\""]
    );
}

#[test]
fn uids_are_uids_and_each_names_one_row() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let goals = format!(
        r#"{{ "number": 1, "uid": "{UID}", "title": "a", "formula": "ratio",
             "activities": [{{ "content": "x", "uid": "{UID}" }}, {{ "content": "y", "uid": "0F3A" }}] }},
           {{ "number": 2, "uid": "{}", "title": "b", "formula": "ratio" }}"#,
        "0".repeat(32)
    );
    assert_eq!(
        errors(&second(&goals)),
        [
            format!(
                "initiatives[0].goals[0].activities[0].uid: uid {UID} is given to another row of this file too; each row has its own (remove one, and one is drawn on import)"
            ),
            "initiatives[0].goals[0].activities[1].uid: \"0F3A\" is not a uid (32 lowercase hex digits)".to_string(),
            "initiatives[0].goals[1].uid: a uid of all zeros names no row; remove it and one is drawn on import".to_string(),
        ]
    );
}

#[test]
fn a_meeting_note_has_a_date_once_and_a_due_date_or_none() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let text = second(
        r#"{ "number": 1, "title": "a", "formula": "ratio", "meeting_notes": [
             { "date": "2026-11-24" }, { "date": "R8.11.24", "owner": "係\u0007" },
             { "date": "来週" }, { "date": "2026-12-01", "due": "来月" } ] }"#,
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 4, "{errs:#?}");
    assert_eq!(
        errs[0],
        "initiatives[0].goals[0].meeting_notes[1].date: a second note of the meeting on 2026-11-24 (also initiatives[0].goals[0].meeting_notes[0])"
    );
    assert!(
        errs[1].starts_with(
            "initiatives[0].goals[0].meeting_notes[1].owner: contains the control character U+0007"
        ),
        "{errs:#?}"
    );
    assert!(
        errs[2].starts_with("initiatives[0].goals[0].meeting_notes[2].date: "),
        "{errs:#?}"
    );
    assert!(
        errs[3].starts_with("initiatives[0].goals[0].meeting_notes[3].due: "),
        "{errs:#?}"
    );
}

#[test]
fn a_stale_derivation_is_kept_unchecked_in_the_second_version() {
    let text = second(
        r#"{ "number": 1, "title": "a", "unit": "時間", "formula": "ratio", "target": "216", "actual": "190",
             "derivations": [{ "figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1, "stale": true }] }"#,
    );
    let plan = parse(&text).expect("valid");
    let (_, g) = plan.goals().next().expect("one goal");
    assert_eq!(g.derivations[0].expression.text(), "3,609 × 3分 ÷ 60");
    // Without the mark the second version checks it as the first does.
    assert!(!errors(&text.replace(r#", "stale": true"#, "")).is_empty());
    // An expression that cannot be worked out is refused, marked or not.
    assert!(!errors(&text.replace("3,609 × 3分 ÷ 60", "3,609 ×")).is_empty());
}

#[test]
fn year_links_are_read_in_the_second_version_and_refused_in_the_first() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    const BEFORE: &str = "0f3a9c000000000000000000000000aa";
    const LINEAGE: &str = "0f3a9c000000000000000000000000bb";
    let goal = format!(
        r#"{{ "number": 1, "uid": "{UID}", "previous_uid": "{BEFORE}", "title": "a", "formula": "ratio" }}"#
    );
    let text = second(&goal).replace(
        r#""id": "t","#,
        &format!(r#""id": "t", "lineage": "{LINEAGE}","#),
    );
    let plan = parse(&text).expect("valid");
    let (_, g) = plan.goals().next().expect("one goal");
    assert_eq!(
        plan.links.lineage.map(|l| l.to_string()).as_deref(),
        Some(LINEAGE)
    );
    assert_eq!(
        plan.links
            .previous_of(g.uid)
            .map(|u| u.to_string())
            .as_deref(),
        Some(BEFORE)
    );
    // Written back, the links are there again.
    let mut out = Vec::new();
    write(&mut out, &plan).expect("written");
    let again = parse(std::str::from_utf8(&out).expect("utf-8")).expect("reads back");
    assert_eq!(again.links, plan.links);

    let newer = "this field is new in tassei-plan/2; the file says \"tassei-plan/1\": write \"format\": \"tassei-plan/2\" to keep it";
    let first = text.replace(FORMAT, FORMAT_1);
    let said = errors(&first);
    assert!(said.contains(&format!("lineage: {newer}")), "{said:?}");
    assert!(
        said.contains(&format!("initiatives[0].goals[0].previous_uid: {newer}")),
        "{said:?}"
    );
    let unlinked = second(&format!(
        r#"{{ "number": 1, "previous_uid": "{BEFORE}", "title": "a", "formula": "ratio" }},
           {{ "number": 2, "uid": "{UID}", "previous_uid": "nope", "title": "b", "formula": "ratio" }}"#
    ));
    assert_eq!(
        errors(&unlinked),
        [
            "initiatives[0].goals[0].previous_uid: previous_uid links a row to last year's, but this row has no uid of its own; add its uid or remove previous_uid",
            "initiatives[0].goals[1].previous_uid: \"nope\" is not a uid (32 lowercase hex digits)",
        ]
    );
}

#[test]
fn a_plan_id_is_refused_by_one_rule_for_files_and_the_cli() {
    let _lang = pin_thread(Lang::En);
    assert_eq!(id_refusal("ibusuki-dx-r6"), None);
    for bad in ["", " ", "ibusuki dx", "r6\t", "r6\u{200b}"] {
        assert!(id_refusal(bad).is_some(), "{bad:?}");
    }
}
