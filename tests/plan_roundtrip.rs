//! The plan file round-trips: `tassei export --format plan`, then `tassei import` of that file
//! into a fresh data file, reproduces the plan exactly — its structure, every figure with its
//! scale, statuses, 評価内容, meeting notes, milestone states, derivations, shared activities
//! and every row's uid — on the bundled sheet after a year of use and on a generated plan of
//! 10,000 goals. What is compared: `export --format json` of both, the plans as loaded (ids
//! aside: the new file numbers its own rows), and the plan file written again from the copy.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use rust_decimal::Decimal;
use tassei::model::{
    ActivityId, ActivityStatus, CalendarDate, GoalId, GoalRef, InitiativeId, NoteField, PartId,
    Plan, PlanId, Uid, Value,
};
use tassei::report::export::{records, write_json};
use tassei::store::{Edit, Store};

fn run(db: &Path, args: &[&str]) -> Output {
    common::tassei_as(db, "tanaka")
        .args(args)
        .output()
        .expect("runs")
}

/// A command that must succeed: its standard output.
fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "tassei {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The plan as loaded, with the row ids a data file numbers for itself set to 0: everything
/// else, uids included, must be the same in the copy.
fn without_ids(mut plan: Plan) -> Plan {
    plan.id = PlanId(0);
    for ini in &mut plan.initiatives {
        ini.id = InitiativeId(0);
        for g in &mut ini.goals {
            g.id = GoalId(0);
            for p in &mut g.parts {
                p.id = PartId(0);
            }
            for a in &mut g.activities {
                a.id = ActivityId(0);
            }
        }
    }
    plan
}

fn load(db: &Path, slug: &str) -> Plan {
    let store = Store::open(db, "t").expect("opens");
    let id = store.plan_id(Some(slug)).expect("the plan");
    store.load_plan(id).expect("loads")
}

fn goal_id(plan: &Plan, code: &str) -> GoalId {
    let r: GoalRef = code.parse().expect("a code");
    plan.goal(r).map(|(_, g)| g.id).expect("the goal")
}

fn uids(plan: &Plan) -> Vec<Uid> {
    let mut all = vec![plan.uid];
    for ini in &plan.initiatives {
        all.push(ini.uid);
        for (_, g) in plan.goals().filter(|(r, _)| r.initiative == ini.code) {
            all.push(g.uid);
            all.extend(g.parts.iter().map(|p| p.uid));
            all.extend(g.activities.iter().map(|a| a.uid));
        }
    }
    all
}

/// The bundled sheet as a clerk leaves it after a year: figures typed in both widths, a
/// milestone decided, a part cleared, statuses, 評価内容 rewritten, two meetings' notes, and
/// ⑵-イ-7's 実績値 changed so the sheet's own arithmetic for it no longer works out.
fn a_year_of_use(db: &Path) {
    for args in [
        &["set", "1-ア-1", "actual", "９，５００"][..],
        &["set", "1-ウ-1", "actual", "14.20"],
        &["set", "2-イ-7", "actual", "190"],
        &["set", "1-オ-1", "part", "1", "７"],
        &["activity", "1-オ-1", "1", "status", "done"],
        &["activity", "1-ア-1", "2", "status", "中止"],
        &[
            "note",
            "1-オ-1",
            "decision",
            "次年度も継続（予算１２０万円）",
            "--date",
            "2026-11-24",
        ],
        &["note", "1-オ-1", "due", "R8.3.31", "--date", "2026-11-24"],
        &[
            "note",
            "1-オ-1",
            "owner",
            "協働推進係",
            "--date",
            "2026-11-24",
        ],
        &[
            "note",
            "1-ア-1",
            "follow_up",
            "窓口で周知する",
            "--date",
            "2027-02-01",
        ],
    ] {
        ok(db, args);
    }
    let mut store = Store::open(db, "suzuki").expect("opens");
    let plan = store
        .load_plan(store.plan_id(None).expect("plan"))
        .expect("loads");
    let milestone = plan
        .goals()
        .find(|(_, g)| g.milestone.is_some())
        .map(|(_, g)| g.id)
        .expect("a milestone goal");
    let (_, composite) = plan.goal("1-オ-1".parse().expect("code")).expect("⑴-オ-1");
    for edit in [
        Edit::Milestone {
            goal: milestone,
            state: Some(tassei::model::MilestoneState::NotGraded),
        },
        Edit::PartActual {
            part: composite.parts[1].id,
            value: None,
        },
        Edit::Evaluation {
            goal: goal_id(&plan, "1-ア-1"),
            text: "窓口での案内を強化した。\n\t来年度は「書かない窓口」を検討する　🙂".into(),
        },
    ] {
        store.apply(&edit, None).expect("saved");
    }
}

#[test]
fn the_bundled_sheet_round_trips_through_the_binary() {
    let dir = tempfile::tempdir().expect("dir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let file = dir.path().join("指宿市.json");
    let file_arg = file.to_str().expect("path");
    ok(&a, &["plans"]);
    a_year_of_use(&a);
    ok(&a, &["export", "--format", "plan", "--output", file_arg]);

    // Into a data file not there yet: made holding this plan alone (the bundled sheet's id
    // would be in the way).
    let imported = run(&b, &["import", file_arg]);
    assert!(imported.status.success());
    assert_eq!(
        String::from_utf8_lossy(&imported.stdout),
        format!(
            "imported {file_arg} (指宿市 DX推進計画 取り組み事項 評価, 26 goals) as plan \"ibusuki-dx-r5\"\n"
        )
    );
    assert_eq!(
        String::from_utf8_lossy(&imported.stderr),
        format!(
            "tassei: note: {} did not exist: created it for plan \"ibusuki-dx-r5\" alone\n",
            b.display()
        )
    );
    assert_eq!(ok(&b, &["plans"]).lines().count(), 1);

    for args in [
        &["export", "--format", "json"][..],
        &["export", "--format", "csv"],
        &["summary", "--as-of", "2024-04-01"],
        &["show", "⑴-オ-1"],
        &["show", "1-ア-1"],
        // Its derivation flagged: the 実績値 no longer is what the sheet's arithmetic gives.
        &["show", "2-イ-7"],
        &["minutes", "--date", "2026-11-24"],
    ] {
        assert_eq!(ok(&a, args), ok(&b, args), "tassei {args:?}");
    }
    assert!(ok(&b, &["show", "2-イ-7"]).contains("190"));
    let before = load(&a, "ibusuki-dx-r5");
    let after = load(&b, "ibusuki-dx-r5");
    assert_eq!(uids(&after), uids(&before), "every row keeps its uid");
    assert_eq!(without_ids(after), without_ids(before));
    // The copy's file is the original's, byte for byte.
    let again = dir.path().join("again.json");
    ok(
        &b,
        &[
            "export",
            "--format",
            "plan",
            "--output",
            again.to_str().expect("path"),
        ],
    );
    assert_eq!(
        fs::read(&again).expect("again"),
        fs::read(&file).expect("first")
    );
}

#[test]
fn a_copy_in_the_same_data_file_gets_fresh_uids() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let file = dir.path().join("r5.json");
    ok(&db, &["plans"]);
    let text = ok(&db, &["export", "--format", "plan"]);
    fs::write(&file, &text).expect("write");
    let file_arg = file.to_str().expect("path");

    let out = run(&db, &["import", file_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is already in the data file"));

    fs::write(
        &file,
        text.replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"copy\""),
    )
    .expect("write");
    assert!(
        ok(&db, &["import", file_arg])
            .ends_with("as plan \"copy\"\nits uids are already in this data file, so this copy was given new ones\n")
    );
    // In Japanese too.
    fs::write(
        &file,
        text.replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"写し\""),
    )
    .expect("write");
    assert!(ok(&db, &["--lang", "ja", "import", file_arg]).ends_with(
        "を計画「写し」として取り込みました（指宿市 DX推進計画 取り組み事項 評価、目標 26件）\n\
         この計画の uid はすでにこのデータファイルにあるため、写しとして新しい uid を付けました\n"
    ));
    let (first, copy) = (load(&db, "ibusuki-dx-r5"), load(&db, "copy"));
    let mut all = uids(&first);
    all.extend(uids(&copy));
    let count = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), count, "the copy shares no uid");
    assert_eq!(
        ok(&db, &["--plan", "copy", "export", "--format", "json"]),
        ok(&db, &["export", "--format", "json"])
    );
}

#[test]
fn a_generated_plan_of_10000_goals_round_trips() {
    let dir = tempfile::tempdir().expect("dir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let mut store = Store::open(&a, "t").expect("opens");
    let id = store
        .import(&tassei::scale::plan("scale", 100, 100, 42))
        .expect("imports");
    let plan = store.load_plan(id).expect("loads");
    // A few of the things the generator does not make: notes, cleared and typed figures.
    let date = CalendarDate::new(2026, 11, 24).expect("date");
    for (k, (_, g)) in plan.goals().step_by(997).enumerate() {
        let edits = [
            Edit::Note {
                goal: g.id,
                date,
                field: NoteField::Decision,
                text: format!("継続 {k}"),
                figures: None,
            },
            Edit::ActivityStatus {
                activity: g.activities[0].id,
                status: ActivityStatus::Unset,
            },
            match g.actual {
                Value::Number(_) => Edit::Actual {
                    goal: g.id,
                    value: Value::Number(Decimal::new(1_234_500, 3)),
                },
                _ => Edit::Evaluation {
                    goal: g.id,
                    text: "全角１２３".into(),
                },
            },
        ];
        for edit in edits {
            store.apply(&edit, None).expect("saved");
        }
    }
    let before = store.load_plan(id).expect("loads");
    drop(store);

    let mut file = Vec::new();
    assert_eq!(
        tassei::sheet::write(&mut file, &before).expect("written"),
        10_000
    );
    let text = String::from_utf8(file).expect("UTF-8");
    assert!(text.contains("\"actual\": \"1234.500\""), "the scale kept");
    let read = tassei::sheet::parse_text(text).expect("reads back");
    let mut copy = Store::open_to_import(&b, "t", &Default::default(), &read).expect("creates");
    assert!(copy.created());
    let after = copy
        .load_plan(copy.plan_id(Some("scale")).expect("plan"))
        .expect("loads");
    assert!(
        copy.import_plan(&read).is_err(),
        "the plan is there already"
    );

    let json = |plan: &Plan| {
        let mut out = Vec::new();
        write_json(&mut out, records(plan)).expect("json");
        out
    };
    assert_eq!(json(&after), json(&before));
    assert_eq!(uids(&after), uids(&before));
    assert_eq!(without_ids(after), without_ids(before));
}

#[test]
fn a_first_version_file_still_imports() {
    let dir = tempfile::tempdir().expect("dir");
    let (seeded, imported) = (dir.path().join("seeded.db"), dir.path().join("imported.db"));
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plans/ibusuki-dx-r5.json");
    assert!(
        fs::read_to_string(&bundled)
            .expect("the bundled sheet")
            .contains("\"format\": \"tassei-plan/1\"")
    );
    ok(&seeded, &["plans"]);
    ok(&imported, &["import", bundled.to_str().expect("path")]);
    for args in [&["export", "--format", "json"][..], &["show", "2-イ-7"]] {
        assert_eq!(ok(&seeded, args), ok(&imported, args), "tassei {args:?}");
    }
    // A /1 file has no uids: the rows get their own.
    let (a, b) = (
        load(&seeded, "ibusuki-dx-r5"),
        load(&imported, "ibusuki-dx-r5"),
    );
    assert!(uids(&a).iter().zip(uids(&b)).all(|(x, y)| *x != y));
    let anonymous = |plan: Plan| {
        let mut plan = without_ids(plan);
        plan.uid = Uid::NONE;
        for ini in &mut plan.initiatives {
            ini.uid = Uid::NONE;
            for g in &mut ini.goals {
                g.uid = Uid::NONE;
                g.parts.iter_mut().for_each(|p| p.uid = Uid::NONE);
                g.activities.iter_mut().for_each(|a| a.uid = Uid::NONE);
            }
        }
        plan
    };
    assert_eq!(anonymous(a), anonymous(b));
}
