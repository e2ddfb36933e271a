use rust_decimal::Decimal;

use super::*;
use crate::exchange::merge::{Decision, merge};
use crate::model::section::primary_section;
use crate::model::{CalendarDate, GoalRef, MilestoneState, PlanId, Value};
use crate::store::ChangeKind;
use crate::strings::{Lang, pin_thread};

/// The bundled plan as a data file holds it (every row with its uid), and the store.
fn stored_plan(dir: &Path) -> (Store, Plan) {
    let store = Store::open(&dir.join("coord.db"), "coord").expect("opens");
    let plan = store.load_plan(PlanId(1)).expect("loads");
    (store, plan)
}

fn code(text: &str) -> GoalRef {
    text.parse().expect("a code")
}

fn goal_mut<'a>(plan: &'a mut Plan, text: &str) -> &'a mut Goal {
    let r = code(text);
    plan.initiatives
        .iter_mut()
        .find(|i| i.code == r.initiative)
        .and_then(|i| i.goals.iter_mut().find(|g| g.number == r.goal))
        .expect("in the plan")
}

fn date(text: &str) -> CalendarDate {
    text.parse().expect("a date")
}

/// A handout as the registry would hold it after `carried_file`.
fn handout_of(plan: &Plan, section: &str) -> Handout {
    Handout {
        id: 7,
        plan: plan.id,
        section: section.to_string(),
        created_at: String::new(),
        collected_at: None,
        collected_local: None,
        fields: carried_file(plan, section)
            .into_iter()
            .map(|(entity_uid, field, base)| HandoutField {
                entity_uid,
                field,
                base,
                collected: None,
            })
            .collect(),
    }
}

fn logged(
    actor: &str,
    goal: &Goal,
    subject: &str,
    field: FieldKey,
    old: FieldValue,
    new: FieldValue,
) -> LaptopChange {
    LaptopChange {
        id: 100,
        at: "2026-11-30 10:22".into(),
        actor: actor.into(),
        kind: ChangeKind::Edit,
        entity_uid: goal.uid.to_string(),
        field: LoggedField::Field(field),
        subject: subject.into(),
        old: Some(old),
        new: Some(new),
    }
}

#[test]
fn a_file_handout_carries_a_milestones_state_and_the_meeting_notes() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, mut plan) = stored_plan(dir.path());
    let milestone = plan
        .goals()
        .find(|(_, g)| g.formula == FormulaKind::Milestone)
        .map(|(r, g)| (r, primary_section(&plan, g).map(String::from)))
        .expect("the sheet has a milestone goal");
    let (r, Some(section)) = milestone else {
        panic!("a milestone goal with a section");
    };
    goal_mut(&mut plan, &r.ascii())
        .notes
        .push(crate::model::MeetingNote {
            decision: "続ける".into(),
            ..crate::model::MeetingNote::empty(date("2026-11-28"))
        });
    let (_, goal) = plan.goal(r).expect("goal");
    let uid = goal.uid.to_string();
    let fields = carried_file(&plan, &section);
    let has = |key: &str, field: FieldKey| fields.iter().any(|(k, f, _)| k == key && *f == field);
    assert!(has(&uid, FieldKey::Milestone));
    assert!(has(&uid, FieldKey::Actual));
    let note = note_key(&uid, date("2026-11-28"));
    assert!(has(&note, FieldKey::Note(NoteField::Decision)));
    assert!(has(&note, FieldKey::Note(NoteField::Due)));
    assert_eq!(
        split_note_key(&note),
        Some((uid.as_str(), date("2026-11-28")))
    );
    // The workbook's handout carries no notes: its fields are a subset, each once.
    let workbook = carried(&plan, &section);
    assert!(workbook.iter().all(|c| fields.contains(c)));
    assert!(
        !workbook
            .iter()
            .any(|(_, f, _)| matches!(f, FieldKey::Note(_)))
    );
    let once: std::collections::HashSet<_> = fields.iter().map(|(k, f, _)| (k, f)).collect();
    assert_eq!(once.len(), fields.len(), "each field carried once");
}

#[test]
fn the_files_values_are_returned_and_merged_and_the_rest_left_out() {
    let _lang = pin_thread(Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let (_store, plan) = stored_plan(dir.path());
    let handout = handout_of(&plan, "市民係");
    let mut there = plan.clone();
    // Changed on the laptop: the section's actual, a new note, another section's actual, a
    // target.
    goal_mut(&mut there, "1-ウ-1").actual = Value::Number(Decimal::new(855, 1));
    goal_mut(&mut there, "1-ウ-1")
        .notes
        .push(crate::model::MeetingNote {
            follow_up: "窓口で案内".into(),
            ..crate::model::MeetingNote::empty(date("2026-11-30"))
        });
    goal_mut(&mut there, "1-ア-1").actual = Value::Number(Decimal::from(3));
    goal_mut(&mut there, "1-ウ-1").target = Value::Number(Decimal::from(20));
    let ours = |t: &str| plan.goal(code(t)).expect("goal").1;
    let log = vec![
        logged(
            "tanaka",
            ours("1-ウ-1"),
            "⑴-ウ-1",
            FieldKey::Actual,
            FieldValue::Value(ours("1-ウ-1").actual.clone()),
            FieldValue::Value(Value::Number(Decimal::new(855, 1))),
        ),
        logged(
            "suzuki",
            ours("1-ア-1"),
            "⑴-ア-1",
            FieldKey::Actual,
            FieldValue::Value(ours("1-ア-1").actual.clone()),
            FieldValue::Value(Value::Number(Decimal::from(3))),
        ),
    ];
    let (file, handout, laptop) = returned("市民係.tassei", &plan, handout, &there, &log);
    assert_eq!(laptop.actors, ["tanaka", "suzuki"]);
    assert_eq!(laptop.last_at.as_deref(), Some("2026-11-30 10:22"));
    assert_eq!(
        laptop.added.len(),
        1,
        "the new note's 対応 field: {:?}",
        laptop.added
    );
    assert!(
        file.problems.iter().any(|p| p
            == "市民係.tassei: ⑴-ア-1 実績値 was changed there by suzuki (2026-11-30 10:22) but is not this section's to fill: left out"),
        "{:?}",
        file.problems
    );
    assert!(
        file.problems
            .iter()
            .any(|p| p.starts_with("市民係.tassei: ⑴-ウ-1's 目標値 differs from this data file")),
        "{:?}",
        file.problems
    );

    let planned = merge(&plan, Some(&handout), &file, None, None);
    let changed: Vec<(String, FieldKey, Decision)> = planned
        .changes
        .iter()
        .map(|c| (c.subject.clone(), c.field, c.decision))
        .collect();
    assert_eq!(
        changed,
        [
            ("⑴-ウ-1".to_string(), FieldKey::Actual, Decision::Apply),
            (
                "⑴-ウ-1 会議 2026-11-30".to_string(),
                FieldKey::Note(NoteField::FollowUp),
                Decision::Apply
            ),
        ]
    );
    assert_eq!(planned.writes(), 2);
    // The problems are the file's: nothing the merge itself found missing or bad.
    assert_eq!(planned.problems, file.problems);
    // Each change is said to come from the file, and who changed it there.
    let actual = planned
        .taken
        .iter()
        .find(|t| t.field == FieldKey::Actual)
        .expect("taken");
    assert_eq!(
        laptop.origin("市民係.tassei", actual),
        "市民係.tassei: tanaka 2026-11-30 10:22"
    );
    let note = laptop
        .with_figures(&planned.taken)
        .into_iter()
        .find(|t| matches!(t.field, FieldKey::Note(_)))
        .expect("the note");
    assert!(
        matches!(
            &note.edit,
            Some((
                Edit::Note {
                    figures: Some(_),
                    ..
                },
                _
            ))
        ),
        "written with the figures it had there: {note:?}"
    );
}

#[test]
fn a_milestone_state_travels_and_a_file_unchanged_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, plan) = stored_plan(dir.path());
    let (r, section) = plan
        .goals()
        .filter(|(_, g)| g.formula == FormulaKind::Milestone)
        .find_map(|(r, g)| primary_section(&plan, g).map(|s| (r, s.to_string())))
        .expect("a milestone goal with a section");
    let handout = handout_of(&plan, &section);
    let (file, handout_back, _) = returned("m.tassei", &plan, handout.clone(), &plan, &[]);
    assert_eq!(handout_back, handout, "nothing added");
    let unchanged = merge(&plan, Some(&handout), &file, None, None);
    assert!(
        unchanged.changes.is_empty() && unchanged.problems.is_empty(),
        "{unchanged:?}"
    );

    let mut there = plan.clone();
    goal_mut(&mut there, &r.ascii()).milestone = Some(MilestoneState::NotAchieved);
    let (file, handout, _) = returned("m.tassei", &plan, handout, &there, &[]);
    let planned = merge(&plan, Some(&handout), &file, None, None);
    let milestone = planned
        .changes
        .iter()
        .find(|c| c.field == FieldKey::Milestone)
        .expect("the state is a change");
    assert_eq!(milestone.decision, Decision::Apply);
    assert!(planned.taken.iter().any(|t| matches!(
        t.edit,
        Some((
            Edit::Milestone {
                state: Some(MilestoneState::NotAchieved),
                ..
            },
            _
        ))
    )));
}
