//! `tassei rollover`: the bundled FY2023 sheet carried into FY2024, run as a clerk would.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        let ws = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        // The data file made from the bundled sheet.
        ws.ok(&["plans"]);
        ws
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("tassei.db")
    }

    fn run(&self, args: &[&str]) -> Output {
        common::tassei_as(&self.db(), "tester")
            .args(args)
            .output()
            .expect("runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tassei {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "tassei {args:?} should be refused"
        );
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(stderr.starts_with("tassei: "), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        stderr.trim_end().to_string()
    }

    fn export(&self, plan: &str) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.ok(&["--plan", plan, "export", "--format", "json"]))
            .expect("json")
    }
}

/// Every row of every table, as text: the whole data file's content.
fn content(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    let mut rows = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).expect("select");
        let n = stmt.column_count();
        let mut q = stmt.query([]).expect("rows");
        while let Some(r) = q.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|k| format!("{:?}", r.get_ref(k).expect("cell")))
                .collect();
            rows.push(format!("{t}: {}", cells.join(" | ")));
        }
    }
    rows
}

fn record<'a>(
    records: &'a [serde_json::Value],
    initiative: &str,
    goal: u64,
) -> &'a serde_json::Value {
    records
        .iter()
        .find(|r| r["initiative"] == initiative && r["goal"] == goal)
        .unwrap_or_else(|| panic!("{initiative}-{goal} exported"))
}

#[test]
fn the_fy2023_sheet_rolls_over_to_fy2024_with_last_years_actuals_as_baselines() {
    let ws = Workspace::new();
    let preview = ws.ok(&["rollover", "--to", "2024"]);
    assert!(preview.contains("ibusuki-dx-r6"), "{preview}");
    assert!(
        preview.contains("⑴-ア-1  基準値 5,527 → 9,016"),
        "{preview}"
    );
    assert!(
        preview.contains("時期 R５.７～Ｒ６．２ → R６.７～Ｒ７．２"),
        "{preview}"
    );
    assert!(preview.contains("0 時期 unreadable"), "{preview}");

    let out = ws.ok(&["rollover", "--to", "2024", "--apply"]);
    assert!(out.contains("Made ibusuki-dx-r6 (令和6年度)"), "{out}");
    // The new year is the default plan now.
    let plans = ws.ok(&["plans"]);
    assert!(plans.contains("* ibusuki-dx-r6"), "{plans}");

    let next = ws.export("ibusuki-dx-r6");
    let goal = record(&next, "⑴-ア", 1);
    assert_eq!(goal["baseline"], "9016", "{goal}");
    assert!(goal["actual"].is_null(), "{goal}");
    let card = ws.ok(&["show", "1-ア-1"]);
    assert!(card.contains("R６.５ (2024-05-01〜2024-05-31)"), "{card}");
    assert!(!card.contains("R５"), "{card}");
    let card = ws.ok(&["show", "1-ウ-2"]);
    assert!(card.contains("R６.７～Ｒ７．２"), "{card}");
    // Last year's plan is untouched.
    let last = ws.export("ibusuki-dx-r5");
    assert_eq!(record(&last, "⑴-ア", 1)["actual"], "9016");
}

#[test]
fn a_preview_writes_nothing() {
    let ws = Workspace::new();
    let before = content(&ws.db());
    ws.ok(&["rollover", "--to", "2024"]);
    assert_eq!(content(&ws.db()), before);
}

#[test]
fn apply_then_undo_leaves_the_data_file_as_before() {
    let ws = Workspace::new();
    let before = content(&ws.db());
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    assert_ne!(content(&ws.db()), before);
    let undone = ws.ok(&["undo", "--yes"]);
    assert!(undone.contains("ibusuki-dx-r6 is removed"), "{undone}");
    // All as before, and one row more in the log saying the rollover was undone.
    let after = content(&ws.db());
    let added: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
    assert!(before.iter().all(|r| after.contains(r)));
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(added[0].starts_with("change_log: "), "{added:?}");
}

impl Workspace {
    fn run_as(&self, actor: &str, args: &[&str]) -> Output {
        common::tassei_as(&self.db(), actor)
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .expect("runs")
    }

    fn plans(&self) -> String {
        self.ok(&["plans"])
    }
}

#[test]
fn undoing_a_rollover_asks_and_without_a_terminal_needs_yes() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let refused = ws.refused(&["undo"]);
    assert!(refused.contains("--yes"), "{refused}");
    assert!(ws.plans().contains("ibusuki-dx-r6"));
}

#[test]
fn undoing_a_rollover_someone_else_edited_since_is_refused_naming_them() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let out = ws.run_as("sato", &["set", "1-ア-1", "actual", "100"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = content(&ws.db());
    let refused = ws.refused(&["undo", "--yes"]);
    assert!(
        refused.contains("the rollover to ibusuki-dx-r6"),
        "{refused}"
    );
    assert!(refused.contains("sato edited it at 20"), "{refused}");
    assert_eq!(content(&ws.db()), before, "nothing removed");
}

#[test]
fn undoing_a_rollover_handed_out_or_rolled_on_is_refused() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["rollover", "--to", "2025", "--apply"]);
    // r7 goes back (nothing in it); r6 has a later year while r7 stands.
    let refused = ws.refused(&["--plan", "ibusuki-dx-r6", "undo", "--yes"]);
    assert!(
        refused.contains("rolled it over to ibusuki-dx-r7"),
        "{refused}"
    );
    assert!(ws.plans().contains("ibusuki-dx-r6"));

    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let out = ws.run_as(
        "tester",
        &["handout", "--section", "市民係", "--output", "市民係.xlsx"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let refused = ws.refused(&["undo", "--yes"]);
    assert!(refused.contains("handed out to 市民係 at 20"), "{refused}");
    assert!(ws.plans().contains("ibusuki-dx-r6"));
}

#[test]
fn an_undone_rollover_is_in_the_predecessors_log_and_ends_its_redo() {
    let ws = Workspace::new();
    // An old edit undone before the rollover: redo must not bring it back after.
    ws.ok(&["set", "1-ア-1", "actual", "9100"]);
    ws.ok(&["undo"]);
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["undo", "--yes"]);
    let log = ws.ok(&["--lang", "ja", "log"]);
    let last = log.lines().last().expect("a line");
    assert!(last.contains("tester"), "{last}");
    assert!(
        last.contains("元に戻す  ibusuki-dx-r5  繰越  ibusuki-dx-r6 → ー"),
        "{last}"
    );
    let refused = ws.refused(&["redo"]);
    assert!(refused.contains("nothing of yours to redo"), "{refused}");
    let show = ws.ok(&["show", "1-ア-1"]);
    assert!(show.contains("9,016"), "{show}");
    assert!(!show.contains("9,100"), "{show}");
}

#[test]
fn rows_are_linked_to_last_years_by_uid() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let conn = rusqlite::Connection::open(ws.db()).expect("open");
    let linked = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("count") };
    let goals = linked(
        "SELECT count(*) FROM goal n JOIN goal o ON o.uid = n.previous_uid
         WHERE n.title = o.title AND n.number = o.number AND n.uid <> o.uid",
    );
    assert_eq!(goals, 26);
    let activities = linked("SELECT count(*) FROM activity WHERE previous_uid IS NOT NULL");
    let all = linked("SELECT count(*) FROM activity");
    assert_eq!(activities * 2, all, "every new activity names last year's");
    let lineage = linked(
        "SELECT count(*) FROM plan n JOIN plan o ON n.lineage = o.uid WHERE n.fiscal_year = 2024",
    );
    assert_eq!(lineage, 1);
}

#[test]
fn a_second_rollover_to_the_same_year_is_refused() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let line = ws.refused(&["--plan", "ibusuki-dx-r5", "rollover", "--to", "2024"]);
    assert_eq!(
        line,
        "tassei: ibusuki-dx-r5 has been rolled over to FY2024 already: that year's plan is ibusuki-dx-r6 (undo it there first to roll over again)"
    );
    let line = ws.refused(&["rollover", "--to", "2026"]);
    assert!(line.contains("FY2024 rolls over to FY2025"), "{line}");
}

#[test]
fn an_unreadable_period_is_left_as_written_and_flagged() {
    let ws = Workspace::new();
    let mut plan: serde_json::Value =
        serde_json::from_str(&ws.ok(&["export", "--format", "plan"])).expect("plan file");
    plan["id"] = "other-r5".into();
    let activity = &mut plan["initiatives"][0]["goals"][0]["activities"][0];
    activity["period"] = "調整中".into();
    let file = ws.dir.path().join("other.json");
    std::fs::write(&file, plan.to_string()).expect("written");
    ws.ok(&["import", file.to_str().expect("utf-8 path")]);

    let preview = ws.ok(&["--plan", "other-r5", "rollover", "--to", "2024", "--apply"]);
    assert!(
        preview.contains("実施内容1  時期 調整中 left as written, unreadable: not a form"),
        "{preview}"
    );
    assert!(preview.contains("1 時期 unreadable"), "{preview}");
    let card = ws.ok(&["--plan", "other-r6", "show", "1-ア-1"]);
    assert!(card.contains("調整中"), "{card}");
}

#[test]
fn an_id_of_ones_choosing_names_the_new_plan_and_a_blank_one_is_refused() {
    let ws = Workspace::new();
    let line = ws.refused(&["rollover", "--to", "2024", "--id", "dx 2024"]);
    assert!(line.contains("--id"), "{line}");
    let out = ws.ok(&["rollover", "--to", "2024", "--id", "dx-2024", "--apply"]);
    assert!(out.contains("Made dx-2024 (令和6年度)"), "{out}");
    let plans = ws.ok(&["plans"]);
    assert!(plans.contains("* dx-2024"), "{plans}");
}

#[test]
fn show_gives_last_years_actual_and_achievement_and_the_trend() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["set", "⑴-ア-1", "actual", "9500"]);
    let card = ws.ok(&["show", "⑴-ア-1"]);
    assert!(
        card.contains("  令和5年度 実績 9,016件 達成度 90% 概ね達成"),
        "{card}"
    );
    assert!(card.contains("⣷⣿"), "{card}");
    assert!(
        card.contains("前年度比 against last year +484件, +5 points"),
        "{card}"
    );
    // After the goal's own figures, 算式 included.
    let at = |s: &str| card.find(s).unwrap_or_else(|| panic!("{s} in {card}"));
    assert!(at("算式") < at("過去の年度"), "{card}");
    // A composite goal's actual last year is its parts'; their breakdown is not carried.
    let card = ws.ok(&["show", "⑴-オ-1"]);
    assert!(
        card.contains("  令和5年度 実績 開催回数 13回 / 参加者数 263名 達成度 328% 達成"),
        "{card}"
    );
    assert!(!card.contains("協働推進係７回"), "{card}");
    // FY2023 itself has no earlier year.
    let first = ws.ok(&["--plan", "ibusuki-dx-r5", "show", "⑴-ア-1"]);
    assert!(!first.contains("令和4年度 実績"), "{first}");
}

#[test]
fn exports_add_last_years_figures_after_the_code_and_leave_them_blank_without_one() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["set", "⑴-ア-1", "actual", "9500"]);

    let json = ws.export("ibusuki-dx-r6");
    let goal = record(&json, "⑴-ア", 1);
    assert_eq!(goal["actual"], "9500");
    assert_eq!(goal["previous_fiscal_year"], 2023);
    assert_eq!(goal["previous_actual"], "9016");
    assert_eq!(goal["previous_achievement"], "90");
    let composite = record(&json, "⑴-オ", 1);
    assert_eq!(composite["previous_actual"], "13回 / 263名", "{composite}");
    // A year without a predecessor: the fields are there, empty.
    let first = ws.export("ibusuki-dx-r5");
    let goal = record(&first, "⑴-ア", 1);
    assert!(goal["previous_fiscal_year"].is_null() && goal["previous_actual"].is_null());

    let csv = ws.ok(&["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header[header.len() - 4..],
        [
            "code",
            "previous_fiscal_year",
            "previous_actual",
            "previous_achievement"
        ]
    );
    let row = reader
        .records()
        .map(|r| r.expect("row"))
        .find(|r| r.get(17) == Some("1-ア-1"))
        .expect("⑴-ア-1's row");
    assert_eq!(
        [row.get(18), row.get(19), row.get(20)],
        [Some("2023"), Some("9016"), Some("90")]
    );
    let old = ws.ok(&["--plan", "ibusuki-dx-r5", "export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(old.trim_start_matches('\u{FEFF}').as_bytes());
    for row in reader.records() {
        let row = row.expect("row");
        assert_eq!(row.len(), 21);
        assert_eq!([&row[18], &row[19], &row[20]], ["", "", ""]);
    }
}

#[test]
fn the_workbooks_data_sheet_has_last_years_figures_after_the_goal_code() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let path = ws.dir.path().join("r6.xlsx");
    let file = path.to_str().expect("utf-8 path");
    ws.ok(&["export", "--format", "xlsx", "--output", file]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("a workbook");
    let data = book.worksheet_range("データ").expect("データ");
    let header: Vec<String> = (0..21)
        .map(|c| {
            data.get_value((0, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        header[17..],
        ["目標コード", "前年度", "前年度実績値", "前年度達成度"]
    );
    let row = (1..30)
        .find(|&r| data.get_value((r, 17)) == Some(&Data::String("1-ア-1".into())))
        .expect("⑴-ア-1's row");
    assert_eq!(
        data.get_value((row, 18)),
        Some(&Data::String("令和5年度".into()))
    );
    let number = |c| match data.get_value((row, c)) {
        Some(d @ (Data::Float(_) | Data::Int(_))) => d.to_string(),
        other => panic!("a number in column {c}: {other:?}"),
    };
    assert_eq!(
        (number(19), number(20)),
        ("9016".to_string(), "90".to_string())
    );
}

#[test]
fn each_goals_baseline_can_be_kept_or_cleared_and_the_preview_says_which() {
    let ws = Workspace::new();
    let preview = ws.ok(&[
        "--lang",
        "en",
        "rollover",
        "--to",
        "2024",
        "--baselines",
        "keep",
        "--baseline",
        "⑴-ア-1=actual",
        "--baseline",
        "1-ア-2=none",
    ]);
    for line in [
        "⑴-ア-1  基準値 5,527 → 9,016 (last year's actual); 実績値 cleared",
        "⑴-ア-2  基準値 133 → none (none chosen); 実績値 cleared",
        "⑴-ア-3  基準値 24 kept (keep chosen); 実績値 cleared",
    ] {
        assert!(preview.contains(line), "{line:?} in\n{preview}");
    }
    ws.ok(&[
        "rollover",
        "--to",
        "2024",
        "--apply",
        "--baselines",
        "keep",
        "--baseline",
        "⑴-ア-1=actual",
        "--baseline",
        "1-ア-2=none",
    ]);
    let json = ws.export("ibusuki-dx-r6");
    assert_eq!(record(&json, "⑴-ア", 1)["baseline"], "9016");
    assert!(record(&json, "⑴-ア", 2)["baseline"].is_null());
    assert_eq!(record(&json, "⑴-ア", 3)["baseline"], "24");
    assert!(record(&json, "⑴-ア", 3)["actual"].is_null());
}

#[test]
fn a_baseline_choice_that_cannot_be_read_is_refused_and_nothing_is_written() {
    let ws = Workspace::new();
    let before = content(&ws.db());
    let said = ws.refused(&[
        "--lang",
        "en",
        "rollover",
        "--to",
        "2024",
        "--apply",
        "--baseline",
        "⑴-ア-1=maybe",
    ]);
    assert!(
        said.contains("--baseline ⑴-ア-1=maybe: write GOAL=actual"),
        "{said}"
    );
    ws.refused(&[
        "rollover",
        "--to",
        "2024",
        "--apply",
        "--baseline",
        "⑴-ア-1",
    ]);
    let said = ws.refused(&[
        "--lang",
        "en",
        "rollover",
        "--to",
        "2024",
        "--apply",
        "--baseline",
        "⑴-ア-99=keep",
    ]);
    assert!(
        said.starts_with("tassei: --baseline ⑴-ア-99=keep: "),
        "{said}"
    );
    ws.refused(&[
        "rollover",
        "--to",
        "2024",
        "--apply",
        "--baselines",
        "maybe",
    ]);
    assert_eq!(content(&ws.db()), before);
}

#[test]
fn the_log_says_the_rollover_made_a_plan_from_which_to_which() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let log = ws.ok(&["--lang", "ja", "log"]);
    let line = log.lines().next().expect("a line");
    assert!(
        line.contains("繰越  ibusuki-dx-r6  計画  ibusuki-dx-r5 → ibusuki-dx-r6"),
        "{line}"
    );
    assert!(!line.contains("取込"), "{line}");
}

#[test]
fn plan_files_keep_the_years_linked_through_an_export_and_an_import() {
    let ws = Workspace::new();
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["set", "⑴-ア-1", "actual", "9500"]);
    let dir = ws.dir.path();
    let (r5, r6) = (dir.join("r5.json"), dir.join("r6.json"));
    for (plan, file) in [("ibusuki-dx-r5", &r5), ("ibusuki-dx-r6", &r6)] {
        let file = file.to_str().expect("utf-8 path");
        ws.ok(&[
            "--plan", plan, "export", "--format", "plan", "--output", file,
        ]);
    }
    let r6_text = std::fs::read_to_string(&r6).expect("written");
    assert!(r6_text.contains("\"lineage\""), "the plan's lineage");
    assert!(r6_text.contains("\"previous_uid\""), "each row's link");
    let r5_text = std::fs::read_to_string(&r5).expect("written");
    assert!(!r5_text.contains("\"lineage\"") && !r5_text.contains("\"previous_uid\""));

    // Into a fresh data file: last year first, then this year, linked again.
    let other = tempfile::tempdir().expect("dir");
    let db = other.path().join("moved.db");
    let run = |args: &[&str]| {
        let out = common::tassei_as(&db, "tester")
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    run(&["import", r5.to_str().expect("path")]);
    run(&["import", r6.to_str().expect("path")]);
    let card = run(&["--plan", "ibusuki-dx-r6", "show", "⑴-ア-1"]);
    assert!(
        card.contains("令和5年度 実績 9,016件 達成度 90%"),
        "the years are matched again:\n{card}"
    );
    // Without a plan named, the newest year of the first plan's lineage.
    let card = run(&["show", "⑴-ア-1"]);
    assert!(card.contains("実績値  9,500件"), "{card}");
}

#[test]
fn a_milestone_starts_the_new_year_not_entered_and_can_be_cleared_back_to_it() {
    let ws = Workspace::new();
    let preview = ws.ok(&["rollover", "--to", "2024"]);
    assert!(
        preview.contains("⑵-イ-1  state not entered yet"),
        "{preview}"
    );
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let next = ws.export("ibusuki-dx-r6");
    let goal = record(&next, "⑵-イ", 1);
    assert_eq!(goal["status"], "no_actual", "not a shortfall: {goal}");
    ws.ok(&["set", "2-イ-1", "achieved", "yes"]);
    assert_eq!(
        record(&ws.export("ibusuki-dx-r6"), "⑵-イ", 1)["status"],
        "achieved"
    );
    for cleared in ["none", "未入力"] {
        ws.ok(&["set", "2-イ-1", "achieved", "yes"]);
        let out = ws.ok(&["set", "2-イ-1", "achieved", cleared]);
        assert!(out.contains("未入力"), "{out}");
        let goal = record(&ws.export("ibusuki-dx-r6"), "⑵-イ", 1).clone();
        assert_eq!(goal["status"], "no_actual", "{goal}");
    }
    // Undone, the state is back; the plan file of the new year reads back whole.
    ws.ok(&["undo"]);
    assert_eq!(
        record(&ws.export("ibusuki-dx-r6"), "⑵-イ", 1)["status"],
        "achieved"
    );
    ws.ok(&["undo"]);
    let file = ws.dir.path().join("r6.json");
    let plan = ws.ok(&["export", "--format", "plan"]);
    std::fs::write(&file, plan).expect("written");
    let other = tempfile::tempdir().expect("temp dir");
    let out = common::tassei_as(&other.path().join("x.db"), "tester")
        .args(["import", file.to_str().expect("path")])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_year_is_read_as_a_clerk_writes_it_and_a_bad_one_is_refused_in_words() {
    let ws = Workspace::new();
    for typed in ["2024", "２０２４", "令和6", "R6", "令和６年度"] {
        let preview = ws.ok(&["rollover", "--to", typed]);
        assert!(preview.contains("ibusuki-dx-r6"), "{typed}: {preview}");
    }
    let refused = ws.refused(&["rollover", "--to", "R2024"]);
    assert!(
        refused.contains("--to R2024: not a fiscal year"),
        "{refused}"
    );
    assert!(!refused.contains("invalid digit"), "{refused}");
}

#[test]
fn a_goal_chosen_twice_or_an_id_taken_is_refused_in_the_preview() {
    let ws = Workspace::new();
    let refused = ws.refused(&[
        "rollover",
        "--to",
        "2024",
        "--baseline",
        "1-ア-1=keep",
        "--baseline",
        "⑴-ア-1=none",
    ]);
    assert!(refused.contains("⑴-ア-1 twice"), "{refused}");
    let refused = ws.refused(&["rollover", "--to", "2024", "--id", "ibusuki-dx-r5"]);
    assert!(
        refused.contains("--id ibusuki-dx-r5 is already a plan"),
        "{refused}"
    );
}

#[test]
fn the_preview_says_what_changes_in_the_plans_years_and_flags_what_to_look_at() {
    let ws = Workspace::new();
    ws.ok(&["set", "1-ア-3", "actual", "none"]);
    let preview = ws.ok(&[
        "--lang",
        "ja",
        "rollover",
        "--to",
        "2024",
        "--baselines",
        "none",
        "--baseline",
        "1-ア-3=keep",
    ]);
    for line in [
        "ibusuki-dx-r5（令和5年度）から令和6年度へ",
        // Empty before: unchanged, not "ー → 空".
        "⑴-ウ-1  基準値は空のまま（none を指定）、実績値は空に\n",
        // No actual to clear: not said.
        "⑴-ア-3  基準値 24 のまま（keep を指定）\n",
        "⑴-ア-2  基準値 133 → 空（none を指定）、実績値は空に\n",
        "基準値が変わるもの 11件",
        "⑵-イ-1  状態は未入力に",
    ] {
        assert!(preview.contains(line), "{line:?} in\n{preview}");
    }
    assert!(!preview.contains("新しい基準値 "), "{preview}");
    let preview = ws.ok(&["--lang", "ja", "rollover", "--to", "2024"]);
    for line in [
        "⑴-ウ-2  確認: 新しい基準値 84.93 が目標値 84.23 に届いています",
        "⑵-イ-1  確認: 新しい基準値が目標値「令和６年度予算要求」と同じです",
        "⑴-ア-1  確認: 積算方法に年度があります（R2年度、R4年度、R5年度）",
        "目標名に年度があります（令和５年）",
    ] {
        assert!(preview.contains(line), "{line:?} in\n{preview}");
    }
    // One line of checks a goal at most.
    assert_eq!(preview.matches("⑴-ウ-2  確認").count(), 1);
}

#[test]
fn an_unreadable_period_is_named_and_its_examples_are_in_the_plans_year() {
    let ws = Workspace::new();
    let out = ws.run(&[
        "--lang",
        "ja",
        "activity",
        "1-ア-1",
        "1",
        "period",
        "そのうち",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains(
            "tassei: 警告: 時期を読めません: ⑴-ア-1 実施内容1「そのうち」: 読める書き方ではありません。例: R5.7、"
        ),
        "{stderr}"
    );
    let preview = ws.ok(&["--lang", "ja", "rollover", "--to", "2024"]);
    assert!(
        preview.contains(
            "    実施内容1  時期 そのうち はそのまま。読めません: 読める書き方ではありません。例: R6.7、R6.7～R7.2、"
        ),
        "{preview}"
    );
    assert!(!preview.contains("）））"), "{preview}");
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    let card = ws.ok(&["--lang", "ja", "show", "1-ア-1"]);
    assert!(card.contains("例: R6.7、"), "{card}");
    assert!(!card.contains("R5.7"), "{card}");
}

#[test]
fn an_undo_among_several_years_names_the_plan() {
    let ws = Workspace::new();
    ws.ok(&["set", "1-ア-1", "actual", "9100"]);
    let alone = ws.ok(&["undo"]);
    assert!(alone.starts_with("undone ⑴-ア-1 "), "{alone}");
    ws.ok(&["rollover", "--to", "2024", "--apply"]);
    ws.ok(&["set", "1-ア-1", "actual", "9500"]);
    let out = ws.ok(&["undo"]);
    assert!(out.starts_with("ibusuki-dx-r6 undone ⑴-ア-1 "), "{out}");
}
