//! The data file: creation, refusal of files that are not ours, edits with their change log.

use std::fs;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use tassei::model::{ActivityStatus, GoalRef, MilestoneState, Plan, Refusal, Uid, Value};
use tassei::sheet;
use tassei::store::{
    ChangeKind, DamageCheck, Edit, EditError, FieldValue, FileSystem, OpenError, OpenOptions,
    Probe, SCHEMA_VERSION, Source, Store, StoreError, UndoError, UndoOptions,
};
use tassei::strings::{Lang, pin_thread};

#[path = "fixtures/damage.rs"]
mod damage;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn open(path: &Path) -> Store {
    Store::open(path, "tester").expect("opens")
}

fn plan(store: &Store) -> Plan {
    let id = store.plan_id(None).expect("a plan");
    store.load_plan(id).expect("loads")
}

fn goal_id(plan: &Plan, code: &str) -> tassei::model::GoalId {
    let r: GoalRef = code.parse().expect("code");
    plan.goal(r).expect("goal").1.id
}

/// The edit that sets a goal's 実績値 to a number.
fn set_actual(goal: tassei::model::GoalId, value: &str) -> Edit {
    Edit::Actual {
        goal,
        value: Value::Number(d(value)),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

/// Every uid in the plan, in sheet order: the plan's, then each initiative's, goal's, part's and
/// activity's.
fn uids(plan: &Plan) -> Vec<Uid> {
    let mut out = vec![plan.uid];
    for ini in &plan.initiatives {
        out.push(ini.uid);
        for g in &ini.goals {
            out.push(g.uid);
            out.extend(g.parts.iter().map(|p| p.uid));
            out.extend(g.activities.iter().map(|a| a.uid));
        }
    }
    out
}

/// The plan with its uids forgotten, as a plan read from a file has them.
fn without_uids(mut plan: Plan) -> Plan {
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
}

/// True when no two uids are the same and none is missing.
fn all_distinct(uids: &[Uid]) -> bool {
    let set: std::collections::HashSet<Uid> = uids.iter().copied().collect();
    set.len() == uids.len() && !set.contains(&Uid::NONE)
}

#[test]
fn a_new_file_holds_the_bundled_sheet_exactly() {
    let dir = temp();
    let path = dir.path().join("nested/folder/tassei.db");
    let store = open(&path);
    let stored = plan(&store);
    assert_eq!(
        without_uids(stored.clone()),
        sheet::bundled().expect("bundled")
    );
    // 1 plan, 9 initiatives, 26 goals, 2 parts, 52 activities.
    assert_eq!(uids(&stored).len(), 90);
    assert!(all_distinct(&uids(&stored)), "every row has its own uid");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the data file is private to its owner");
    }
    drop(store);
    let store = open(&path);
    assert_eq!(
        store.plans().expect("plans").len(),
        1,
        "reopening does not load the sheet again"
    );
    assert_eq!(
        uids(&plan(&store)),
        uids(&stored),
        "uids are stored, not drawn anew"
    );
}

#[test]
fn a_text_file_is_refused_and_left_byte_identical() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("notes.txt");
    let content = "これはメモです。not a database\n".repeat(20);
    fs::write(&path, &content).expect("write");
    let err = Store::open(&path, "t").err().expect("refused");
    assert!(matches!(err, OpenError::NotSqlite(_)), "{err}");
    assert!(
        err.to_string().contains("is not a tassei data file"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), content);
    assert!(!PathBuf::from(format!("{}-wal", path.display())).exists());
    let short = dir.path().join("short.db");
    fs::write(&short, "SQLite").expect("write");
    assert!(matches!(
        Store::open(&short, "t"),
        Err(OpenError::NotSqlite(_))
    ));
}

#[test]
fn a_directory_is_refused() {
    let dir = temp();
    let err = Store::open(dir.path(), "t").err().expect("refused");
    assert!(matches!(err, OpenError::IsDirectory(_)), "{err}");
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = temp();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite_connection(&path);
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("sql");
    }
    let before = fs::read(&path).expect("read");
    let err = Store::open(&path, "t").err().expect("refused");
    assert!(matches!(err, OpenError::NotTassei(_)), "{err}");
    assert!(
        fs::read(&path).expect("read") == before,
        "the file is byte-identical"
    );
}

#[test]
fn a_newer_file_is_refused_naming_both_versions() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("newer.db");
    drop(open(&path));
    {
        let conn = rusqlite_connection(&path);
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("pragma");
    }
    let err = Store::open(&path, "t").err().expect("refused");
    let message = err.to_string();
    assert!(
        message.contains(&format!("version {}", SCHEMA_VERSION + 1))
            && message.contains(&format!("up to {SCHEMA_VERSION}")),
        "{message}"
    );
}

/// A probe that puts every folder on a network share.
struct Share(&'static str);

impl Probe for Share {
    fn file_system(&self, _folder: &Path) -> FileSystem {
        FileSystem::Network(self.0)
    }
}

#[test]
fn a_file_on_a_network_share_is_refused_unless_the_clerk_opts_into_exclusive_use() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    drop(open(&path));
    let before = fs::read(&path).expect("read");
    let smb = Share("SMB");
    let refuse = |path: &Path| {
        let options = OpenOptions {
            network_ok: false,
            probe: &smb,
        };
        Store::open_with_options(path, "t", &options)
            .err()
            .expect("refused")
    };
    let err = refuse(&path);
    assert!(
        matches!(err, OpenError::NetworkShare { kind: "SMB", .. }),
        "{err}"
    );
    let message = err.to_string();
    for says in [
        "is on a network share (SMB)",
        "copy it to a folder on this computer's own disk and open it there",
        "--network-ok",
        "it then locks every other window and clerk out until it is closed",
    ] {
        assert!(message.contains(says), "{message}");
    }
    assert!(!message.contains('\n'));
    assert_eq!(fs::read(&path).expect("read"), before, "left untouched");
    let new = dir.path().join("new.db");
    refuse(&new);
    assert!(!new.exists(), "nothing created");

    // Opted in: a rollback journal, and the file held by this store alone.
    let options = OpenOptions {
        network_ok: true,
        probe: &smb,
    };
    let mut store = Store::open_with_options(&path, "t", &options).expect("opens");
    assert!(store.is_exclusive());
    let goal = goal_id(&plan(&store), "1-ア-1");
    store.apply(&set_actual(goal, "9500"), None).expect("saved");
    assert_eq!(
        fs::read(&path).expect("read")[18],
        1,
        "rollback journal, not WAL"
    );
    let other = rusqlite_connection(&path);
    other
        .busy_timeout(std::time::Duration::from_millis(100))
        .expect("timeout");
    let locked_out = other.query_row("SELECT count(*) FROM goal", [], |r| r.get::<_, i64>(0));
    assert!(
        locked_out.is_err(),
        "another program cannot read it meanwhile"
    );
    drop(store);
    let actual: String = other
        .query_row(
            "SELECT actual_num FROM goal WHERE uid IN (SELECT uid FROM goal ORDER BY id LIMIT 1)",
            [],
            |r| r.get(0),
        )
        .expect("readable once closed");
    assert_eq!(actual, "9500");
}

#[test]
fn the_damage_check_runs_beside_the_tui_and_a_write_waits_for_its_answer() {
    let dir = temp();
    let path = dir.path().join("t.db");
    let store = open(&path);
    let goal = goal_id(&plan(&store), "1-ア-1");
    assert_eq!(
        store.damage_check(),
        DamageCheck::Passed,
        "a file just created"
    );
    drop(store);

    let store = open(&path);
    assert_eq!(store.damage_check(), DamageCheck::NotRun);
    assert_eq!(store.check_in_background(None).finish(), None);
    assert_eq!(store.damage_check(), DamageCheck::Passed);
    drop(store);

    // A damaged file in WAL mode opens (reading is allowed), and is never written.
    let damaged = dir.path().join("damaged.db");
    damage::with_broken_page(&path, &damaged);
    let before = fs::read(&damaged).expect("read");
    let mut store = open(&damaged);
    let background = store.check_in_background(None);
    let err = store
        .apply(&set_actual(goal, "9500"), None)
        .expect_err("refused");
    let EditError::Store(StoreError::Damaged(damage)) = &err else {
        panic!("{err}");
    };
    assert_eq!(damage.path, damaged);
    assert!(matches!(store.damage_check(), DamageCheck::Damaged(_)));
    // Said on the check's own thread, in the process's language (a pin is this thread's):
    // one line naming the file, whichever language that is.
    let said = background.finish().expect("a line for the clerk");
    assert!(
        said.contains(&damaged.display().to_string()) && !said.contains('\n'),
        "{said}"
    );
    assert!(matches!(
        store.undo(plan(&store).id, UndoOptions::default()),
        Err(UndoError::Edit(EditError::Store(StoreError::Damaged(_))) | UndoError::NothingToUndo)
    ));
    drop(store);
    assert!(
        fs::read(&damaged).expect("read") == before,
        "nothing written"
    );
}

fn rusqlite_connection(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("sqlite")
}

#[test]
fn an_edit_is_saved_with_its_log_row_and_recomputed() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut store = open(&path);
    let before = plan(&store);
    let goal = goal_id(&before, "1-ア-1");
    let applied = store.apply(&set_actual(goal, "9500"), None).expect("saved");
    assert_eq!(applied.to_string(), "saved ⑴-ア-1 実績値 9,016 → 9,500");
    assert!(applied.log_id.is_some());
    drop(store);

    let store = open(&path);
    let after = plan(&store);
    let (_, g) = after.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(g.actual, Value::Number(d("9500")));
    let e = tassei::engine::evaluate(g, &after.thresholds);
    assert_eq!((e.rate_text().as_str(), e.status.word()), ("95", "near"));
    let log = store.log(after.id, Some(goal)).expect("log");
    let last = log.last().expect("a row");
    assert_eq!(
        (last.subject.as_str(), last.label(), last.actor.as_str()),
        ("⑴-ア-1", "実績値", "tester")
    );
    assert_eq!(
        (last.old_shown(), last.new_shown()),
        ("9,016".to_string(), "9,500".to_string())
    );
    assert_eq!(
        last.old_value(),
        Some(FieldValue::Value(Value::Number(d("9016"))))
    );
}

#[test]
fn an_unchanged_value_writes_nothing() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let p = plan(&store);
    let goal = goal_id(&p, "1-ア-1");
    let rows = store.log(p.id, None).expect("log").len();
    let applied = store.apply(&set_actual(goal, "9016"), None).expect("ok");
    assert_eq!(applied.log_id, None);
    assert_eq!(applied.to_string(), "unchanged ⑴-ア-1 実績値 9,016");
    assert_eq!(store.log(p.id, None).expect("log").len(), rows);
}

#[test]
fn a_value_changed_elsewhere_is_not_overwritten() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut window_a = open(&path);
    let mut window_b = open(&path);
    let p = plan(&window_a);
    let goal = goal_id(&p, "1-ア-1");
    let shown = FieldValue::Value(Value::Number(d("9016")));
    window_b
        .apply(&set_actual(goal, "9100"), Some(&shown))
        .expect("b saves");
    let err = window_a
        .apply(&set_actual(goal, "9500"), Some(&shown))
        .expect_err("conflict");
    let EditError::Conflict {
        ref current,
        ref seen,
        ref by,
        ..
    } = err
    else {
        panic!("a conflict: {err}");
    };
    assert_eq!(
        (&**current, &**seen),
        (
            &FieldValue::Value(Value::Number(d("9100"))),
            &FieldValue::Value(Value::Number(d("9016")))
        ),
        "the conflict carries the typed values"
    );
    let by = by.as_ref().expect("the log says who");
    assert_eq!(by.actor, "tester");
    let message = err.to_string();
    let expected_start = format!("⑴-ア-1 実績値 was changed by tester at {} to 9,100", by.at);
    assert!(message.starts_with(&expected_start), "{message}");
    assert!(
        message.ends_with("(you saw 9,016); nothing was saved — look again and re-enter"),
        "{message}"
    );
    let (_, g) = plan(&window_a)
        .goal("1-ア-1".parse().expect("code"))
        .map(|(i, g)| (i.clone(), g.clone()))
        .expect("g");
    assert_eq!(g.actual, Value::Number(d("9100")));
}

#[test]
fn goal_rules_are_enforced_by_the_store() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let p = plan(&store);
    let composite = goal_id(&p, "1-オ-1");
    let err = store
        .apply(&set_actual(composite, "1"), None)
        .expect_err("no");
    assert_eq!(
        err.to_string(),
        "⑴-オ-1 is a composite goal: set each part's actual instead (its parts: 開催回数, 参加者数)"
    );
    let ratio = goal_id(&p, "1-ア-1");
    let err = store
        .apply(
            &Edit::Milestone {
                goal: ratio,
                state: Some(MilestoneState::Achieved),
            },
            None,
        )
        .expect_err("no");
    assert_eq!(
        err.to_string(),
        "⑴-ア-1 is a ratio goal, not a milestone: set its actual instead"
    );
    let err = store.apply(&set_actual(ratio, "-5"), None).expect_err("no");
    assert_eq!(
        err.to_string(),
        "⑴-ア-1: this goal's figures cannot be negative: -5"
    );
    let err = store
        .apply(
            &Edit::Evaluation {
                goal: ratio,
                text: "ok\u{1b}[2J".into(),
            },
            None,
        )
        .expect_err("control characters");
    assert!(matches!(
        err,
        EditError::Refused(Refusal::ControlCharacter { code: 0x1b, .. })
    ));
    assert_eq!(plan(&store), p, "nothing was written");
}

#[test]
fn every_kind_of_edit_round_trips() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut store = open(&path);
    let p = plan(&store);
    let (_, composite) = p.goal("1-オ-1".parse().expect("code")).expect("g");
    let part = composite.parts[0].id;
    let milestone = goal_id(&p, "2-イ-1");
    let (_, with_activities) = p.goal("1-ア-1".parse().expect("code")).expect("g");
    let activity = with_activities.activities[1].id;
    let narrative = "評価を更新しました。\n２行目：全角数字１２３と ⑴ の記号".to_string();
    let edits = [
        Edit::PartActual {
            part,
            value: Some(d("14")),
        },
        Edit::Milestone {
            goal: milestone,
            state: Some(MilestoneState::NotAchieved),
        },
        Edit::ActivityStatus {
            activity,
            status: ActivityStatus::Done,
        },
        Edit::Evaluation {
            goal: milestone,
            text: narrative.clone(),
        },
    ];
    let applied: Vec<_> = edits
        .iter()
        .map(|e| store.apply(e, None).expect("saved"))
        .collect();
    // A part's or an activity's change names its goal by code, not by its subject's text.
    let goals: Vec<String> = applied.iter().map(|a| a.goal.ascii()).collect();
    assert_eq!(goals, ["1-オ-1", "2-イ-1", "1-ア-1", "2-イ-1"]);
    let log = store.log(p.id, None).expect("log");
    let logged: Vec<Option<String>> = log[log.len() - 4..]
        .iter()
        .map(|e| e.goal_ref.map(|g| g.ascii()))
        .collect();
    assert_eq!(logged, goals.into_iter().map(Some).collect::<Vec<_>>());
    let messages: Vec<String> = applied.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "saved ⑴-オ-1 開催回数 実績値 13 → 14",
            "saved ⑵-イ-1 達成状況 達成 → 未達成",
            "saved ⑴-ア-1 実施内容2 状況 未記入 → 完了",
            "saved ⑵-イ-1 評価内容 \"令和５年12月15日に文書管理及び勤怠管理，決裁などのシステムの一体的な整備のス…\" → \"評価を更新しました。⏎２行目：全角数字１２３と ⑴ の記号\"",
        ]
    );
    drop(store);
    let p = plan(&open(&path));
    let (_, composite) = p.goal("1-オ-1".parse().expect("code")).expect("g");
    assert_eq!(composite.parts[0].actual, Some(d("14")));
    assert_eq!(
        tassei::engine::evaluate(composite, &p.thresholds).rate_text(),
        "336"
    );
    let (_, m) = p.goal("2-イ-1".parse().expect("code")).expect("g");
    assert_eq!(
        (m.milestone, m.evaluation.as_str()),
        (Some(MilestoneState::NotAchieved), narrative.as_str())
    );
    let (_, a) = p.goal("1-ア-1".parse().expect("code")).expect("g");
    assert_eq!(a.activities[1].status, ActivityStatus::Done);
}

#[test]
fn import_adds_a_plan_beside_and_refuses_a_duplicate_id() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let mut other = sheet::bundled().expect("bundled");
    let err = store.import(&other).expect_err("same id");
    assert_eq!(
        err.to_string(),
        "a plan with id \"ibusuki-dx-r5\" is already in the data file; give the file another \"id\" (or import it with --id NEW) to import it beside it"
    );
    other.slug = "ibusuki-dx-r6".into();
    let id = store.import(&other).expect("imported");
    assert_eq!(store.plan_id(Some("ibusuki-dx-r6")).expect("found"), id);
    assert_eq!(store.load_plan(id).expect("loads").goals().count(), 26);
    assert!(store.plan_id(Some("nope")).is_err());
}

#[test]
fn undo_and_redo_survive_a_restart() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut store = open(&path);
    let p = plan(&store);
    let goal = goal_id(&p, "1-ア-1");
    let (_, g) = p.goal("1-ア-1".parse().expect("code")).expect("g");
    let activity = g.activities[0].id;
    store.apply(&set_actual(goal, "9500"), None).expect("a");
    store
        .apply(
            &Edit::ActivityStatus {
                activity,
                status: ActivityStatus::Done,
            },
            None,
        )
        .expect("b");
    drop(store);

    let mut store = open(&path);
    let undone = store.undo(p.id, UndoOptions::default()).expect("undo b");
    assert_eq!(
        undone.to_string(),
        "undone ⑴-ア-1 実施内容1 状況 完了 → 未記入"
    );
    assert_eq!(
        store
            .undo(p.id, UndoOptions::default())
            .expect("undo a")
            .to_string(),
        "undone ⑴-ア-1 実績値 9,500 → 9,016"
    );
    assert_eq!(
        store
            .undo(p.id, UndoOptions::default())
            .expect_err("empty")
            .to_string(),
        "nothing of yours to undo"
    );
    drop(store);

    let mut store = open(&path);
    assert_eq!(
        store
            .redo(p.id, UndoOptions::default())
            .expect("redo a")
            .to_string(),
        "redone ⑴-ア-1 実績値 9,016 → 9,500"
    );
    store.apply(&set_actual(goal, "9600"), None).expect("c");
    assert_eq!(
        store
            .redo(p.id, UndoOptions::default())
            .expect_err("cleared")
            .to_string(),
        "nothing of yours to redo"
    );
    assert_eq!(
        store
            .undo(p.id, UndoOptions::default())
            .expect("undo c")
            .to_string(),
        "undone ⑴-ア-1 実績値 9,600 → 9,500"
    );
    let log = store.log(p.id, Some(goal)).expect("log");
    let shown: Vec<String> = log
        .iter()
        .map(|e| format!("{} → {}", e.old_shown(), e.new_shown()))
        .collect();
    // A goal's log includes its activities' rows.
    let expected = [
        "9,016 → 9,500",
        "未記入 → 完了",
        "完了 → 未記入",
        "9,500 → 9,016",
        "9,016 → 9,500",
        "9,500 → 9,600",
        "9,600 → 9,500",
    ];
    assert_eq!(shown, expected);
}

#[test]
fn undo_does_not_overwrite_a_change_made_outside_tassei() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut store = open(&path);
    let p = plan(&store);
    let goal = goal_id(&p, "1-ア-1");
    store.apply(&set_actual(goal, "9500"), None).expect("mine");
    // Every tassei edit is logged, so only a write from outside (the sqlite3 shell, say) can
    // leave a field holding something other than its latest logged value.
    rusqlite_connection(&path)
        .execute(
            "UPDATE goal SET actual_num = '9800' WHERE id = ?1",
            [goal.0],
        )
        .expect("outside write");
    let err = store
        .undo(p.id, UndoOptions::default())
        .expect_err("changed since");
    assert_eq!(
        err.to_string(),
        "cannot undo ⑴-ア-1: it was changed again since (9,800); nothing was changed"
    );
    let after = plan(&store);
    let (_, g) = after.goal("1-ア-1".parse().expect("code")).expect("g");
    assert_eq!(g.actual, Value::Number(d("9800")));
}

#[test]
fn data_version_changes_when_another_connection_commits() {
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut mine = open(&path);
    let mut theirs = open(&path);
    let p = plan(&mine);
    let before = mine.data_version().expect("version");
    let goal = goal_id(&p, "1-ア-1");
    mine.apply(&set_actual(goal, "1"), None).expect("own edit");
    assert_eq!(
        mine.data_version().expect("version"),
        before,
        "own commits do not count"
    );
    theirs
        .apply(&set_actual(goal, "2"), None)
        .expect("their edit");
    assert_ne!(
        mine.data_version().expect("version"),
        before,
        "another connection's commit does"
    );
}

#[test]
fn patching_the_plan_in_memory_matches_reloading_it() {
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let mut in_memory = plan(&store);
    let (_, composite) = in_memory.goal("1-オ-1".parse().expect("code")).expect("g");
    let part = composite.parts[1].id;
    let (_, with_activities) = in_memory.goal("3-エ-1".parse().expect("code")).expect("g");
    let activity = with_activities.activities[0].id;
    let edits = [
        Edit::Actual {
            goal: goal_id(&in_memory, "1-ア-1"),
            value: Value::Number(d("9500")),
        },
        Edit::Milestone {
            goal: goal_id(&in_memory, "2-イ-8"),
            state: Some(MilestoneState::NotAchieved),
        },
        Edit::Evaluation {
            goal: goal_id(&in_memory, "3-ア-1"),
            text: "新しい評価".into(),
        },
        Edit::PartActual {
            part,
            value: Some(d("300")),
        },
        Edit::ActivityStatus {
            activity,
            status: ActivityStatus::Doing,
        },
    ];
    for edit in &edits {
        let applied = store.apply(edit, None).expect("saved");
        assert!(
            applied.edit.apply_to(&mut in_memory),
            "{edit:?} found its row"
        );
    }
    assert_eq!(in_memory, plan(&store));
}

#[test]
fn a_large_plan_reads_back_exactly_as_written() {
    // 2,400 goals: enough for the activities to be read on a second connection.
    let dir = temp();
    let mut store = open(&dir.path().join("large.db"));
    let written = tassei::scale::plan("large", 40, 60, 11);
    let id = store.import(&written).expect("imports");
    let read = store.load_plan(id).expect("loads");
    assert_eq!(read.goals().count(), 2_400);
    let texts = |plan: &Plan| -> Vec<String> {
        plan.goals()
            .map(|(r, g)| {
                let activities: Vec<String> = g
                    .activities
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {} {:?} {}",
                            a.content,
                            a.period.raw(),
                            a.sections,
                            a.status.word()
                        )
                    })
                    .collect();
                let parts: Vec<String> = g
                    .parts
                    .iter()
                    .map(|p| format!("{} {} {:?}", p.label, p.target, p.actual))
                    .collect();
                format!(
                    "{r} {} {:?} {:?} {:?} {} | {} | {}",
                    g.title,
                    g.baseline,
                    g.target,
                    g.actual,
                    g.calc_method,
                    activities.join(" / "),
                    parts.join(" / ")
                )
            })
            .collect()
    };
    assert_eq!(texts(&read), texts(&written));
}

/// The stored value of ⑴-ア-1's 実績値 (or any goal's), read again from the file.
fn actual(store: &Store, code: &str) -> Value {
    let p = plan(store);
    let r: GoalRef = code.parse().expect("code");
    p.goal(r).expect("goal").1.actual.clone()
}

#[test]
fn undo_refuses_to_overwrite_someone_elses_later_change_unless_forced() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, "sato").expect("a");
    let mut b = Store::open(&path, "tanaka").expect("b");
    let p = plan(&a);
    let goal = goal_id(&p, "1-ア-1");
    a.apply(&set_actual(goal, "9500"), None).expect("a edits");
    b.apply(&set_actual(goal, "7000"), None)
        .expect("b edits the same field");

    let err = a.undo(p.id, UndoOptions::default()).expect_err("refused");
    let UndoError::ChangedAfter(ref changed) = err else {
        panic!("refused naming who: {err}");
    };
    assert_eq!(changed.by.actor, "tanaka");
    assert_eq!(changed.current, FieldValue::Value(Value::Number(d("7000"))));
    assert_eq!(changed.by.value, Some(changed.current.clone()));
    assert_eq!(
        err.to_string(),
        format!(
            "⑴-ア-1 実績値 was changed by tanaka at {} after your edit (now 7,000); nothing was changed",
            changed.by.at
        )
    );
    assert_eq!(
        actual(&a, "1-ア-1"),
        Value::Number(d("7000")),
        "nothing written"
    );

    let undone = a.undo(p.id, UndoOptions::force()).expect("forced");
    assert_eq!(undone.to_string(), "undone ⑴-ア-1 実績値 7,000 → 9,016");
    assert_eq!(actual(&a, "1-ア-1"), Value::Number(d("9016")));
    // Now tanaka's undo meets sato's forced undo in turn.
    let err = b.undo(p.id, UndoOptions::default()).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("⑴-ア-1 実績値 was changed by sato at "),
        "{err}"
    );
}

#[test]
fn undo_takes_back_only_your_own_edit_and_leaves_others_alone() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, "sato").expect("a");
    let mut b = Store::open(&path, "tanaka").expect("b");
    let p = plan(&a);
    a.apply(&set_actual(goal_id(&p, "1-ア-1"), "9500"), None)
        .expect("a");
    b.apply(&set_actual(goal_id(&p, "1-ア-2"), "400"), None)
        .expect("b, a different field, later");
    drop(a);

    // Ownership is by name and survives a restart.
    let mut a = Store::open(&path, "sato").expect("a again");
    let undone = a.undo(p.id, UndoOptions::default()).expect("a's own");
    assert_eq!(undone.to_string(), "undone ⑴-ア-1 実績値 9,500 → 9,016");
    assert_eq!(
        actual(&a, "1-ア-2"),
        Value::Number(d("400")),
        "b's edit stands"
    );
    assert_eq!(
        a.undo(p.id, UndoOptions::default())
            .expect_err("nothing more of a's")
            .to_string(),
        "nothing of yours to undo"
    );
    assert_eq!(
        b.undo(p.id, UndoOptions::default())
            .expect("b's own")
            .to_string(),
        "undone ⑴-ア-2 実績値 400 → 352"
    );
    // Redo is per clerk too: b cannot redo a's undo.
    assert_eq!(
        b.redo(p.id, UndoOptions::default())
            .expect("b's redo")
            .to_string(),
        "redone ⑴-ア-2 実績値 352 → 400"
    );
    assert_eq!(
        a.redo(p.id, UndoOptions::default())
            .expect("a's redo")
            .to_string(),
        "redone ⑴-ア-1 実績値 9,016 → 9,500"
    );
}

#[test]
fn redo_over_someone_elses_change_is_refused_like_undo() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, "sato").expect("a");
    let mut b = Store::open(&path, "tanaka").expect("b");
    let p = plan(&a);
    let goal = goal_id(&p, "1-ア-1");
    a.apply(&set_actual(goal, "9500"), None).expect("a");
    a.undo(p.id, UndoOptions::default()).expect("a undoes");
    b.apply(&set_actual(goal, "8000"), None).expect("b");
    let err = a.redo(p.id, UndoOptions::default()).expect_err("refused");
    assert!(
        err.to_string().contains("was changed by tanaka at ")
            && err.to_string().contains("after your undo (now 8,000)"),
        "{err}"
    );
    a.redo(p.id, UndoOptions::force()).expect("forced");
    assert_eq!(actual(&a, "1-ア-1"), Value::Number(d("9500")));
}

#[test]
fn the_change_log_names_rows_by_uid_in_batches_with_their_source() {
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let p = plan(&store);
    let (_, g) = p.goal("1-ア-1".parse().expect("code")).expect("g");
    store.apply(&set_actual(g.id, "9500"), None).expect("edit");
    store.undo(p.id, UndoOptions::default()).expect("undo");
    let log = store.log(p.id, None).expect("log");
    let [import, edit, undo] = log.as_slice() else {
        panic!("three rows: {log:?}");
    };
    assert_eq!(
        (import.kind, import.source, import.batch),
        (ChangeKind::Import, Source::Imported, import.id)
    );
    assert_eq!(
        (edit.kind, edit.source, edit.batch),
        (ChangeKind::Edit, Source::Typed, edit.id)
    );
    assert_eq!(
        (undo.kind, undo.source, undo.batch, undo.reverts),
        (ChangeKind::Undo, Source::Undo, undo.id, Some(edit.id))
    );
    let entity_uid: String = rusqlite_connection(store.path())
        .query_row(
            "SELECT entity_uid FROM change_log WHERE id = ?1",
            [edit.id],
            |r| r.get(0),
        )
        .expect("row");
    assert_eq!(entity_uid, g.uid.to_string());
}

#[test]
fn last_change_says_who_changed_a_field_when_and_to_what() {
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, "sato").expect("a");
    let mut b = Store::open(&path, "tanaka").expect("b");
    let p = plan(&a);
    let goal = goal_id(&p, "1-ア-1");
    let field = set_actual(goal, "1").field_ref();
    assert_eq!(a.last_change(field).expect("query"), None, "as imported");
    a.apply(&set_actual(goal, "9500"), None).expect("a");
    b.apply(&set_actual(goal, "9600"), None).expect("b");
    let last = a.last_change(field).expect("query").expect("a change");
    assert_eq!(
        (last.actor.as_str(), last.kind, last.value),
        (
            "tanaka",
            ChangeKind::Edit,
            Some(FieldValue::Value(Value::Number(d("9600"))))
        )
    );
    let today = a.today().expect("today").to_string();
    assert!(
        last.at.starts_with(&today) && last.at.len() == "2026-11-28 10:22".len(),
        "local time to the minute: {}",
        last.at
    );
    // Another field of the same goal has its own history.
    assert_eq!(
        a.last_change(tassei::store::FieldRef::Evaluation(goal))
            .expect("query"),
        None
    );
}

#[test]
fn a_meeting_notes_last_change_is_that_meetings() {
    use tassei::model::{CalendarDate, NoteField};
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let p = plan(&store);
    let goal = goal_id(&p, "1-ア-1");
    let note = |date: CalendarDate, text: &str| Edit::Note {
        goal,
        date,
        field: NoteField::Decision,
        text: text.into(),
        figures: None,
    };
    let first = CalendarDate::new(2024, 5, 10).expect("date");
    let second = CalendarDate::new(2024, 6, 10).expect("date");
    store.apply(&note(first, "継続"), None).expect("first");
    store.apply(&note(second, "見直し"), None).expect("second");
    let last = store
        .last_change(note(first, "").field_ref())
        .expect("query")
        .expect("a change");
    assert_eq!(
        last.value,
        Some(FieldValue::Note {
            date: first,
            text: "継続".into()
        })
    );
}

#[test]
fn an_activity_can_be_cleared_back_to_not_recorded() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let p = plan(&store);
    let (_, g) = p.goal("1-ア-1".parse().expect("code")).expect("g");
    let activity = g.activities[0].id;
    assert_eq!(g.activities[0].status, ActivityStatus::Unset);
    let after = tassei::model::CalendarDate::new(2024, 4, 1).expect("date");
    let set = |status| Edit::ActivityStatus { activity, status };
    store.apply(&set(ActivityStatus::Todo), None).expect("todo");
    let overdue = |store: &Store| {
        let p = plan(store);
        let (_, g) = p.goal("1-ア-1".parse().expect("code")).expect("g");
        g.activities[0].is_overdue(after)
    };
    assert!(
        overdue(&store),
        "recorded as not started, and its 時期 is past"
    );
    let applied = store
        .apply(&set(ActivityStatus::Unset), None)
        .expect("unset");
    assert_eq!(
        applied.to_string(),
        "saved ⑴-ア-1 実施内容1 状況 未着手 → 未記入"
    );
    assert!(!overdue(&store));
}

#[test]
fn an_imported_plan_gets_fresh_uids() {
    let dir = temp();
    let mut store = open(&dir.path().join("t.db"));
    let first = plan(&store);
    let mut again = sheet::bundled().expect("bundled");
    again.slug = "ibusuki-dx-r6".into();
    let id = store.import(&again).expect("imported");
    let second = store.load_plan(id).expect("loads");
    let mut both = uids(&first);
    both.extend(uids(&second));
    assert!(all_distinct(&both), "the same file twice shares no uid");
}

#[test]
fn an_edit_or_the_log_of_a_goal_with_a_damaged_code_letter_reports_damage() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let dir = temp();
    let path = dir.path().join("t.db");
    let mut store = open(&path);
    let p = plan(&store);
    let goal = goal_id(&p, "1-ア-1");
    store.apply(&set_actual(goal, "9500"), None).expect("saved");
    rusqlite_connection(&path)
        .execute(
            "UPDATE initiative SET kana = '' WHERE kana = 'ア' AND area = 1",
            [],
        )
        .expect("damaged");
    let damaged = |e: &StoreError| matches!(e, StoreError::Corrupt(found) if found.contains("has the code letter \"\""));
    match store.apply(&set_actual(goal, "9600"), None) {
        Err(EditError::Store(e)) => assert!(damaged(&e), "{e}"),
        other => panic!("no code was invented: {other:?}"),
    }
    let err = store.log(p.id, Some(goal)).expect_err("damaged");
    assert!(damaged(&err), "{err}");
}
