//! The `tassei` binary's command line, run as a clerk would run it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("tassei.db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        run_with_db(&self.db(), args)
    }

    /// Runs as another clerk (`TASSEI_USER`).
    fn run_as(&self, actor: &str, args: &[&str]) -> Output {
        tassei(&self.db())
            .args(args)
            .env("TASSEI_USER", actor)
            .output()
            .expect("runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        succeeded(args, self.run(args))
    }

    fn ok_as(&self, actor: &str, args: &[&str]) -> String {
        succeeded(args, self.run_as(actor, args))
    }

    /// Runs a command that must be refused with exit 2 and a one-line message; returns it.
    fn refused(&self, args: &[&str]) -> String {
        refused(args, self.run(args))
    }

    fn refused_as(&self, actor: &str, args: &[&str]) -> String {
        refused(args, self.run_as(actor, args))
    }

    fn export(&self) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.ok(&["export", "--format", "json"])).expect("json")
    }
}

/// The output of a command that must succeed.
fn succeeded(args: &[&str], out: Output) -> String {
    assert!(
        out.status.success(),
        "tassei {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The one-line message of a command that must be refused with exit 2.
fn refused(args: &[&str], out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "tassei {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.starts_with("tassei: "), "{stderr}");
    stderr.trim_end().to_string()
}

/// The binary on the data file `db`, as "tester", with no input.
fn tassei(db: &Path) -> Command {
    common::tassei_as(db, "tester")
}

fn run_with_db(db: &Path, args: &[&str]) -> Output {
    tassei(db).args(args).output().expect("runs")
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

/// A clerk's folder is named in Japanese with a space (`計画 データ`), as Explorer lets one be:
/// through `--db` and through `TASSEI_DB`, the file is created there, read, edited and copied.
#[test]
fn a_data_file_in_a_folder_named_in_japanese_with_a_space() {
    let dir = tempfile::tempdir().expect("dir");
    let folder = dir.path().join("計画 データ");
    fs::create_dir(&folder).expect("folder");
    let db = folder.join("達成 令和5年度.db");
    let elsewhere = dir.path().join("unused.db");

    // --db: created with the bundled sheet, and said with its name as written.
    let args = ["--db", db.to_str().expect("utf-8 path"), "summary"];
    let out = tassei(&elsewhere).args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let summary = succeeded(&args, out);
    assert!(
        summary.contains("指宿市") && summary.contains("(26 goals)"),
        "{summary}"
    );
    assert!(
        stderr.contains("達成 令和5年度.db"),
        "the note names it: {stderr}"
    );
    assert!(db.is_file() && !elsewhere.exists());

    // TASSEI_DB: the same file, edited, then copied beside itself.
    let set = ["set", "1-ア-1", "actual", "９，５００"];
    let saved = succeeded(&set, run_with_db(&db, &set));
    assert!(saved.contains("9,500"), "{saved}");
    let summary = succeeded(&["summary"], run_with_db(&db, &["summary"]));
    assert!(
        summary.contains("達成 achieved 16   概ね達成 near 5"),
        "{summary}"
    );
    succeeded(&["backup"], run_with_db(&db, &["backup"]));
    let copies: Vec<String> = fs::read_dir(&folder)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("達成 令和5年度.db.bak-"))
        .collect();
    assert!(!copies.is_empty(), "copies beside it in the same folder");
    let shown = succeeded(&["show", "1-ア-1"], run_with_db(&db, &["show", "1-ア-1"]));
    assert!(shown.contains("9,500"), "{shown}");
}

#[test]
fn export_json_matches_every_printed_achievement() {
    let ws = Workspace::new();
    let records = ws.export();
    assert_eq!(records.len(), 26);
    for r in &records {
        let printed = r["printed_achievement"].as_str().expect("printed");
        let expected = if printed == "ー" {
            serde_json::Value::Null
        } else {
            printed.into()
        };
        assert_eq!(
            r["achievement"], expected,
            "{}-{}",
            r["initiative"], r["goal"]
        );
        for key in [
            "initiative",
            "goal",
            "title",
            "unit",
            "baseline",
            "target",
            "actual",
            "status",
            "calc_method",
        ] {
            assert!(r.get(key).is_some(), "record has {key}");
        }
    }
    assert_eq!(record(&records, "⑴-ウ", 2)["achievement"], "100.8");
    assert_eq!(record(&records, "⑴-オ", 1)["achievement"], "328");
    assert_eq!(
        record(&records, "⑵-イ", 3)["achievement"],
        serde_json::Value::Null
    );
    assert_eq!(record(&records, "⑵-イ", 3)["status"], "not_graded");
    assert_eq!(record(&records, "⑴-ア", 1)["actual"], "9016");
}

#[test]
fn set_an_actual_in_full_width_digits() {
    let ws = Workspace::new();
    let out = ws.ok(&["set", "1-ア-1", "actual", "９，５００"]);
    assert_eq!(
        out,
        "saved ⑴-ア-1 実績値 9,016 → 9,500\n⑴-ア-1 達成度 95 概ね達成 (near) — 9,500 ÷ 10,000 × 100 = 95\n"
    );
    let records = ws.export();
    let r = record(&records, "⑴-ア", 1);
    assert_eq!(
        (
            r["actual"].as_str(),
            r["achievement"].as_str(),
            r["status"].as_str()
        ),
        (Some("9500"), Some("95"), Some("near"))
    );
    let log = ws.ok(&["log", "⑴-ア-1"]);
    assert!(
        log.trim_end()
            .ends_with("tester  ⑴-ア-1  実績値  9,016 → 9,500"),
        "{log}"
    );
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let ws = Workspace::new();
    let before = ws.export();
    let log_before = ws.ok(&["log"]);
    let cases: [(&[&str], &str); 9] = [
        (
            &["set", "1-ア-1", "actual", "abc"],
            "tassei: ⑴-ア-1: not a number: \"abc\"",
        ),
        (
            &["set", "1-ア-1", "actual", "9.0.1"],
            "tassei: ⑴-ア-1: two decimal points: \"9.0.1\"",
        ),
        (
            &["set", "1-ア-1", "actual", "-5"],
            "tassei: ⑴-ア-1: this goal's figures cannot be negative: -5",
        ),
        (
            &["set", "1-ア-1", "actual", "95回"],
            "tassei: ⑴-ア-1: the unit 回 is not this goal's unit (件): \"95回\"",
        ),
        (
            &["set", "1-ア-4", "actual", "1"],
            "tassei: ⑴-ア has no goal 4; its goals are 1, 2, 3",
        ),
        (
            &["set", "x", "actual", "1"],
            "tassei: \"x\": expected a policy area number first, as in 1-ア-1 or ⑴-ア-1",
        ),
        (
            &["set", "1-オ-1", "part", "3", "1"],
            "tassei: ⑴-オ-1: this goal has no part 3; its parts are numbered 1 to 2",
        ),
        (
            &["activity", "1-ア-1", "9", "status", "done"],
            "tassei: ⑴-ア-1 has no activity 9; its activities are numbered 1 to 2",
        ),
        (
            &["activity", "1-ア-1", "1", "status", "finished"],
            "tassei: unknown activity status \"finished\"; use one of: unset (未記入), todo (未着手), doing (実施中), done (完了), dropped (中止)",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(ws.refused(args), message, "{args:?}");
    }
    assert_eq!(ws.export(), before, "no value changed");
    assert_eq!(ws.ok(&["log"]), log_before, "no change-log row was written");
}

#[test]
fn a_text_file_as_db_is_refused_byte_identical() {
    let ws = Workspace::new();
    let notes = ws.path("notes.txt");
    fs::write(&notes, "会議メモ\n").expect("write");
    let out = run_with_db(&notes, &["summary"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "is not a tassei data file (it is not an SQLite database); it was left untouched"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&notes).expect("read"), "会議メモ\n");
}

#[test]
fn a_newer_data_file_is_refused() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    let conn = rusqlite::Connection::open(ws.db()).expect("open");
    conn.pragma_update(None, "user_version", 99)
        .expect("pragma");
    drop(conn);
    let message = ws.refused(&["summary"]);
    let expected = format!(
        "data file version 99; this tassei knows versions up to {}",
        tassei::store::SCHEMA_VERSION
    );
    assert!(message.contains(&expected), "{message}");
}

#[test]
fn show_accepts_every_way_of_writing_a_goal() {
    let ws = Workspace::new();
    let card = ws.ok(&["show", "1-ア-1"]);
    assert!(
        card.contains("  計算    9,016 ÷ 10,000 × 100 = 90.16 → 90"),
        "{card}"
    );
    assert!(card.contains("【基準値→R2年度～R4年度の平均，目標値･実績値→R5年度】"));
    assert_eq!(ws.ok(&["show", "⑴-ア-1"]), card);
    assert_eq!(ws.ok(&["show", "(1)-ア-1"]), card);
}

#[test]
fn milestone_part_and_activity_edits() {
    let ws = Workspace::new();
    assert!(
        ws.ok(&["set", "2-イ-1", "achieved", "no"])
            .contains("⑵-イ-1 達成度 0 未達成 (shortfall)")
    );
    assert!(
        ws.ok(&["set", "1-オ-1", "part", "1", "１４回"])
            .starts_with("saved ⑴-オ-1 開催回数 実績値 13 → 14\n")
    );
    assert_eq!(
        ws.ok(&["activity", "1-ア-1", "1", "status", "完了"]),
        "saved ⑴-ア-1 実施内容1 状況 未記入 → 完了\n"
    );
    let card = ws.ok(&["--as-of", "2024-04-01", "show", "1-ア-1"]);
    assert!(card.contains("· デジタル政策係 · 完了 done\n"), "{card}");
    assert!(
        card.contains("· デジタル政策係 · 未記入 unset\n"),
        "not recorded, so not overdue: {card}"
    );
    assert_eq!(
        ws.ok(&["activity", "1-ア-1", "2", "status", "todo"]),
        "saved ⑴-ア-1 実施内容2 状況 未記入 → 未着手\n"
    );
    let card = ws.ok(&["--as-of", "2024-04-01", "show", "1-ア-1"]);
    assert!(
        card.contains("· デジタル政策係 · 未着手 todo · 期限超過 overdue\n"),
        "{card}"
    );
    assert_eq!(
        ws.ok(&["activity", "1-ア-1", "2", "status", "未記入"]),
        "saved ⑴-ア-1 実施内容2 状況 未着手 → 未記入\n"
    );
    assert_eq!(
        ws.ok(&["activity", "1-ア-1", "1", "status", "unset"]),
        "saved ⑴-ア-1 実施内容1 状況 完了 → 未記入\n"
    );
}

#[test]
fn the_bundled_sheet_has_no_overdue_activity_on_first_run() {
    let ws = Workspace::new();
    let summary = ws.ok(&["--as-of", "2024-04-01", "summary"]);
    assert!(
        summary.contains("実施内容 activities: 未記入 unset 52   未着手 todo 0   実施中 doing 0   完了 done 0   中止 dropped 0\n"),
        "{summary}"
    );
    assert!(
        summary.ends_with("期限超過 overdue activities as of 2024-04-01: 0\n"),
        "{summary}"
    );
}

#[test]
fn csv_export_is_excel_ready() {
    let ws = Workspace::new();
    let out = ws.path("goals.csv");
    let run = ws.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        out.to_str().expect("path"),
    ]);
    assert!(run.status.success());
    let bytes = fs::read(&out).expect("written");
    assert!(
        bytes.starts_with("\u{FEFF}initiative,".as_bytes()),
        "UTF-8 BOM first"
    );
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid csv");
    assert_eq!(rows.len(), 26);
    assert!(
        rows[0][15].contains('\n'),
        "multi-line 積算方法 survives as one quoted cell"
    );
}

/// Excel on Japanese Windows folds full-width signs (NFKC) before it decides a cell is a
/// formula: read the export back that way, and no cell but a plain number starts like one.
#[test]
fn csv_cells_are_inert_as_excel_reads_them() {
    use unicode_normalization::UnicodeNormalization;
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    let conn = rusqlite::Connection::open(ws.db()).expect("open");
    for (number, title) in [
        (1, "＝HYPERLINK(\"http://example.invalid\",\"詳細\")"),
        (2, "＋１＋１"),
        (3, "＠SUM(A1)"),
    ] {
        conn.execute(
            "UPDATE goal SET title = ?1 WHERE number = ?2 AND initiative_id = 1",
            rusqlite::params![title, number],
        )
        .expect("a hostile title");
    }
    conn.execute(
        "UPDATE goal SET unit = '－' WHERE number = 1 AND initiative_id = 1",
        [],
    )
    .expect("a hostile unit");
    drop(conn);
    let out = ws.path("goals.csv");
    ws.ok(&[
        "export",
        "--format",
        "csv",
        "--output",
        out.to_str().expect("path"),
    ]);
    let text = fs::read_to_string(&out).expect("written");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("csv");
    let plain_number = |cell: &str| {
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let mut checked = 0;
    for cell in rows.iter().flat_map(|r| r.iter()) {
        let excel: String = cell.nfkc().collect();
        let formula = excel.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert!(
            !formula || plain_number(cell),
            "{cell:?} opens as a formula"
        );
        checked += 1;
    }
    assert_eq!(checked, 26 * 21, "every cell was read");
    assert_eq!(
        &rows[0][3],
        "'＝HYPERLINK(\"http://example.invalid\",\"詳細\")"
    );
    assert_eq!(&rows[0][4], "'－");
    assert_eq!(&rows[1][3], "'＋１＋１");
}

#[test]
fn import_reports_problems_with_their_path() {
    let ws = Workspace::new();
    let bad = ws.path("bad.json");
    let text = tassei::sheet::BUNDLED.replace("\"target\": \"10,000\"", "\"target\": \"10,000x\"");
    fs::write(&bad, text).expect("write");
    let message = ws.refused(&["import", bad.to_str().expect("path")]);
    assert!(
        message.contains(
            "initiatives[0].goals[0].target: \"x\" is not allowed in a number: \"10,000x\""
        ),
        "{message}"
    );
    // The file is read before the data file is opened: a refused one creates none.
    assert!(!ws.db().exists());

    // The data file, made with the bundled sheet.
    ws.ok(&["plans"]);
    let dup = ws.path("dup.json");
    fs::write(&dup, tassei::sheet::BUNDLED).expect("write");
    assert!(
        ws.refused(&["import", dup.to_str().expect("path")])
            .contains("already in the data file")
    );

    let not_utf8 = ws.path("sjis.json");
    fs::write(&not_utf8, [0x82, 0xa0, 0x82, 0xa2]).expect("write");
    assert!(
        ws.refused(&["import", not_utf8.to_str().expect("path")])
            .contains("is not UTF-8 text")
    );

    // Every problem on a line of its own that names the file; at most 20, then a count.
    let many = ws.path("many.json");
    let mut text = tassei::sheet::BUNDLED.replace(
        "\"printed_achievement\": \"",
        "\"printed_achievement\": \"\\u0007",
    );
    text = text.replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"many\"");
    fs::write(&many, text).expect("write");
    let message = ws.refused(&["import", many.to_str().expect("path")]);
    let lines: Vec<&str> = message.lines().collect();
    let prefix = format!("tassei: {}: ", many.display());
    assert_eq!(lines.len(), 21, "{message}");
    assert!(lines.iter().all(|l| l.starts_with(&prefix)), "{message}");
    assert!(
        lines[0].ends_with("initiatives[0].goals[0].printed_achievement: contains the control character U+0007 at character 1; remove it"),
        "{message}"
    );
    assert_eq!(lines[20], format!("{prefix}…and 6 more problems"));

    // A plan file saved by a Windows editor starts with a BOM, and its figures may carry the
    // goal's unit as a clerk types them.
    let good = ws.path("r5-bom.json");
    let text = tassei::sheet::BUNDLED
        .replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"bom\"")
        .replace("\"target\": \"10,000\"", "\"target\": \"10,000件\"");
    fs::write(&good, format!("\u{FEFF}{text}")).expect("write");
    assert!(
        ws.ok(&["import", good.to_str().expect("path")])
            .contains("26 goals) as plan \"bom\"")
    );
    assert_eq!(
        record(
            &serde_json::from_str::<Vec<serde_json::Value>>(
                &ws.ok(&["--plan", "bom", "export", "--format", "json"])
            )
            .expect("json"),
            "⑴-ア",
            1
        )["target"],
        "10000"
    );

    let good = ws.path("r6.json");
    fs::write(
        &good,
        tassei::sheet::BUNDLED.replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"ibusuki-dx-r6\""),
    )
    .expect("write");
    assert!(
        ws.ok(&["import", good.to_str().expect("path")])
            .contains("26 goals) as plan \"ibusuki-dx-r6\"")
    );
    assert!(ws.ok(&["plans"]).contains("  ibusuki-dx-r6  指宿市"));
    assert!(
        ws.ok(&["--plan", "ibusuki-dx-r6", "summary"])
            .contains("(26 goals)")
    );
}

#[test]
fn every_subcommand_has_help() {
    let ws = Workspace::new();
    for sub in [
        "export", "show", "set", "activity", "summary", "log", "import", "plans",
    ] {
        let out = ws.ok(&[sub, "--help"]);
        assert!(out.contains("Usage: tassei"), "{sub}: {out}");
    }
    assert_eq!(
        ws.run(&["frobnicate"]).status.code(),
        Some(2),
        "unknown subcommands are usage errors"
    );
}

#[test]
fn usage_errors_are_one_line_like_every_other_message() {
    let ws = Workspace::new();
    for (args, says) in [
        (
            &["frobnicate"][..],
            "tassei: unrecognized subcommand 'frobnicate'; usage: tassei",
        ),
        (
            &["set", "1-ア-1"],
            "tassei: tassei set 1-ア-1: name the field to set: actual, achieved, part, target, baseline, title, unit, calc_method, precision, note, formula or direction (tassei set --help)",
        ),
        (
            &["export", "--format", "xml"],
            "tassei: invalid value 'xml' for '--format <FORMAT>' [possible values: json, csv, xlsx, plan]",
        ),
        (
            &["set", "1-ア-1", "actuall", "5"],
            "tassei: unrecognized subcommand 'actuall'; a similar subcommand exists: 'actual'; usage: tassei set",
        ),
    ] {
        let message = ws.refused(args);
        assert!(!message.contains('\n'), "one line: {message:?}");
        assert!(message.contains(says), "{args:?}: {message:?}");
    }
    assert!(ws.ok(&["--version"]).starts_with("tassei "));
}

#[test]
fn a_point_before_three_digits_in_a_counted_unit_asks_which_was_meant() {
    let ws = Workspace::new();
    let before = ws.export();
    assert_eq!(
        ws.refused(&["set", "1-ア-1", "actual", "9.500"]),
        "tassei: ⑴-ア-1: \"9.500\" could be 9.5 or 9,500; write 9500 or 9.5, or add --yes to save 9.5"
    );
    assert_eq!(
        ws.refused(&["set", "1-オ-1", "part", "2", "１．２００名"]),
        "tassei: ⑴-オ-1: \"１．２００名\" could be 1.2 or 1,200; write 1200 or 1.2, or add --yes to save 1.2"
    );
    assert_eq!(ws.export(), before, "nothing saved");
    // --yes confirms the decimal reading: saved as 9.5, which cannot be read as 9,500 again.
    assert!(
        ws.ok(&["set", "1-ア-1", "actual", "9.500", "--yes"])
            .starts_with("saved ⑴-ア-1 実績値 9,016 → 9.5\n")
    );
    assert!(
        ws.ok(&["set", "1-ア-1", "actual", "9500"])
            .starts_with("saved ⑴-ア-1 実績値 9.5 → 9,500\n")
    );
    // A unit with fractions takes three decimals as written.
    assert!(
        ws.ok(&["set", "1-ウ-2", "actual", "84.125"])
            .starts_with("saved ⑴-ウ-2 実績値 84.93 → 84.125\n")
    );
}

#[test]
fn a_signed_value_reaches_the_goals_parser() {
    let ws = Workspace::new();
    let before = ws.export();
    // `-5` and `--5` are values, not options: refused in the goal's words, not clap's.
    for (args, message) in [
        (
            &["set", "1-ア-1", "actual", "-5"][..],
            "tassei: ⑴-ア-1: this goal's figures cannot be negative: -5",
        ),
        (
            &["set", "1-ア-1", "actual", "--5"],
            "tassei: ⑴-ア-1: more than one sign: \"--5\"",
        ),
        (
            &["set", "1-ア-1", "actual", "--yes", "-5"],
            "tassei: ⑴-ア-1: this goal's figures cannot be negative: -5",
        ),
        (
            &["set", "1-オ-1", "part", "1", "-5"],
            "tassei: ⑴-オ-1: this goal's figures cannot be negative: -5",
        ),
        (
            &["set", "1-オ-1", "part", "1", "--5"],
            "tassei: ⑴-オ-1: more than one sign: \"--5\"",
        ),
    ] {
        assert_eq!(ws.refused(args), message, "{args:?}");
    }
    assert_eq!(ws.export(), before, "nothing saved");
}

#[test]
fn yes_goes_before_or_after_the_value() {
    let ws = Workspace::new();
    assert!(
        ws.ok(&["set", "1-ア-1", "actual", "--yes", "9.500"])
            .starts_with("saved ⑴-ア-1 実績値 9,016 → 9.5\n")
    );
    assert!(
        ws.ok(&["set", "1-オ-1", "part", "2", "１．２００名", "--yes"])
            .starts_with("saved ⑴-オ-1 参加者数 実績値 263 → 1.2\n")
    );
    assert!(
        ws.ok(&["set", "1-オ-1", "part", "--yes", "2", "1.300名"])
            .starts_with("saved ⑴-オ-1 参加者数 実績値 1.2 → 1.3\n")
    );
}

#[test]
fn a_milestone_state_and_a_part_number_are_typed() {
    let ws = Workspace::new();
    let before = ws.export();
    for (args, message) in [
        (
            &["set", "2-イ-1", "achieved", "maybe"][..],
            "tassei: unknown milestone state \"maybe\"; use one of: achieved (yes, 達成), not_achieved (no, 未達成), not_graded (ー)",
        ),
        (
            &["set", "1-オ-1", "part", "x", "5"],
            "tassei: \"x\" is not a part number; parts are numbered from 1",
        ),
        (
            &["set", "1-オ-1", "part", "0", "5"],
            "tassei: \"0\" is not a part number; parts are numbered from 1",
        ),
        (
            &["set", "1-オ-1", "part", "-1", "5"],
            "tassei: \"-1\" is not a part number; parts are numbered from 1",
        ),
    ] {
        assert_eq!(ws.refused(args), message, "{args:?}");
    }
    assert_eq!(ws.export(), before, "nothing saved");
    assert!(
        ws.ok(&["set", "2-イ-1", "achieved", "ungraded"])
            .starts_with("saved ⑵-イ-1 達成状況 達成 → 評価なし\n")
    );
}

#[test]
fn set_help_names_each_field_with_an_example() {
    let ws = Workspace::new();
    let help = ws.ok(&["set", "--help"]);
    for says in [
        "Usage: tassei set [OPTIONS] <GOAL> <FIELD>",
        "  actual    ",
        "  achieved  ",
        "  part      ",
        "  tassei set 1-ア-1 actual 9,500\n",
        "  tassei set 2-イ-1 achieved yes\n",
        "  tassei set 1-オ-1 part 1 14回\n",
    ] {
        assert!(help.contains(says), "{says:?} in {help}");
    }
    let help = ws.ok(&["set", "1-ア-1", "actual", "--help"]);
    for says in [
        "Usage: tassei set actual [OPTIONS] <VALUE>",
        "      --yes ",
        "Example: tassei set 1-ア-1 actual 9,500",
    ] {
        assert!(help.contains(says), "{says:?} in {help}");
    }
    let help = ws.ok(&["set", "1-オ-1", "part", "--help"]);
    assert!(help.contains("<N> <VALUE>"), "{help}");
}

#[test]
fn undo_takes_back_your_own_edit_and_asks_before_overwriting_someone_elses() {
    let ws = Workspace::new();
    ws.ok_as("sato", &["set", "1-ア-1", "actual", "9500"]);
    ws.ok_as("tanaka", &["set", "1-ア-1", "actual", "7000"]);
    let message = ws.refused_as("sato", &["undo"]);
    let when = message
        .strip_prefix("tassei: ⑴-ア-1 実績値 was changed by tanaka at ")
        .and_then(|rest| rest.strip_suffix(" after your edit (now 7,000); undo anyway with --yes"))
        .unwrap_or_else(|| panic!("names who, when and the value now: {message}"));
    let shape: String = when
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    assert_eq!(
        shape, "####-##-## ##:##",
        "local time to the minute: {message}"
    );
    assert!(
        ws.export().iter().any(|r| r["actual"] == "7000"),
        "nothing changed"
    );
    assert_eq!(
        ws.ok_as("sato", &["undo", "--yes"]),
        "undone ⑴-ア-1 実績値 7,000 → 9,016\n"
    );
    let log = ws.ok(&["log", "1-ア-1"]);
    let last = log.lines().last().expect("a row");
    assert!(
        last.ends_with("  sato  元に戻す undo  ⑴-ア-1  実績値  7,000 → 9,016"),
        "an undo shows as an undo: {log}"
    );
}

#[test]
fn undo_leaves_someone_elses_edit_of_another_field_alone() {
    let ws = Workspace::new();
    ws.ok_as("sato", &["set", "1-ア-1", "actual", "9500"]);
    ws.ok_as("tanaka", &["set", "1-ア-2", "actual", "400"]);
    assert_eq!(
        ws.ok_as("sato", &["undo"]),
        "undone ⑴-ア-1 実績値 9,500 → 9,016\n"
    );
    let records = ws.export();
    assert_eq!(
        record(&records, "⑴-ア", 2)["actual"],
        "400",
        "tanaka's edit stands"
    );
    assert_eq!(
        ws.refused_as("sato", &["undo"]),
        "tassei: nothing of yours to undo"
    );
    assert_eq!(
        ws.ok_as("tanaka", &["undo"]),
        "undone ⑴-ア-2 実績値 400 → 352\n"
    );
}

#[test]
fn the_actor_comes_from_tassei_user_then_the_config_then_the_os() {
    let ws = Workspace::new();
    fs::write(ws.path("config.toml"), "actor = \"suzuki\"\n").expect("config");
    let without_user = |args: &[&str]| {
        let out = tassei(&ws.db())
            .args(args)
            .env_remove("TASSEI_USER")
            .env_remove("USER")
            .env_remove("LOGNAME")
            .output()
            .expect("runs");
        succeeded(args, out)
    };
    without_user(&["set", "1-ア-1", "actual", "9100"]);
    ws.ok(&["set", "1-ア-1", "actual", "9200"]);
    fs::remove_file(ws.path("config.toml")).expect("no config");
    without_user(&["set", "1-ア-1", "actual", "9300"]);
    let log = ws.ok(&["log", "1-ア-1"]);
    let actors: Vec<&str> = log.lines().filter_map(|l| l.split("  ").nth(1)).collect();
    assert_eq!(actors.len(), 3, "{log}");
    assert_eq!(&actors[..2], ["suzuki", "tester"]);
    // No USER, no config: the OS is asked for the account name.
    assert!(
        !actors[2].is_empty() && actors[2] != "unknown",
        "the OS account: {log}"
    );
}

#[test]
fn a_malformed_config_is_a_warning_and_tassei_runs_on_its_defaults() {
    let ws = Workspace::new();
    ws.ok(&["summary"]); // the data file exists: its creation is said once, on its first run
    let config = ws.path("config.toml");
    let text = "actor = \"suzuki\"\ntree_width = \"wide\"\n";
    fs::write(&config, text).expect("config");
    let out = ws.run(&["set", "1-ア-1", "actual", "9100"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let expected = format!(
        "tassei: warning: the config file {}, line 2: ",
        config.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("; using the default settings until it is fixed"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert_eq!(
        fs::read_to_string(&config).expect("read"),
        text,
        "left as it was"
    );
    fs::write(&config, "colour = \"blue\"\n").expect("config");
    let out = ws.run(&["summary"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 1: unknown key \"colour\""),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn undo_and_redo_from_the_command_line() {
    let ws = Workspace::new();
    ws.ok(&["set", "1-ア-1", "actual", "9500"]);
    assert_eq!(ws.ok(&["undo"]), "undone ⑴-ア-1 実績値 9,500 → 9,016\n");
    assert_eq!(ws.ok(&["redo"]), "redone ⑴-ア-1 実績値 9,016 → 9,500\n");
    assert_eq!(ws.refused(&["redo"]), "tassei: nothing of yours to redo");
    assert_eq!(ws.ok(&["undo"]), "undone ⑴-ア-1 実績値 9,500 → 9,016\n");
}

#[test]
fn meeting_notes_survive_a_restart_and_make_the_minutes() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    assert_eq!(
        ws.refused(&["minutes"]),
        "tassei: no meeting notes yet; take notes in the review mode (R) or with tassei note"
    );
    let date = ["--date", "2026-11-24"];
    ws.ok(&[
        "note",
        "3-ウ-2",
        "decision",
        "IT企業との連携は次年度に持ち越し",
        date[0],
        date[1],
    ]);
    ws.ok(&["note", "3-ウ-2", "担当", "政策推進係", date[0], date[1]]);
    ws.ok(&[
        "note",
        "3-ウ-2",
        "due",
        "２０２６－１２－１５",
        date[0],
        date[1],
    ]);
    assert!(
        ws.refused(&["note", "3-ウ-2", "due", "来月"])
            .contains("\"来月\" is not a date")
    );
    // Each command was its own process: the notes are in the file.
    let minutes = ws.ok(&["minutes"]);
    for line in [
        "会議日: 2026-11-24",
        "## ⑶-ウ 産学官民連携による地域課題の解決の推進",
        "### ⑶-ウ-2 IT企業１社以上と連携する体制を構築する",
        "- 実績値 0社 / 目標値 1社 — 達成度 0 (未達成)",
        "- 決定事項: IT企業との連携は次年度に持ち越し",
        "- 担当: 政策推進係 / 期限: 2026-12-15",
    ] {
        assert!(
            minutes.lines().any(|l| l == line),
            "missing {line:?} in\n{minutes}"
        );
    }
    assert!(
        !minutes.contains("⑴-ア"),
        "goals without notes are left out"
    );
    assert!(ws.ok(&["show", "3-ウ-2"]).contains(
        "評価会議 2026-11-24 (meeting notes)\n  決定事項  IT企業との連携は次年度に持ち越し"
    ));
    let out = ws.path("minutes.md");
    ws.ok(&[
        "minutes",
        "--date",
        "2026-11-24",
        "--output",
        out.to_str().expect("path"),
    ]);
    assert_eq!(fs::read_to_string(&out).expect("written"), minutes);
    assert_eq!(
        ws.refused(&["minutes", "--date", "2026-01-01"]),
        "tassei: no meeting notes from 2026-01-01"
    );
}

#[test]
fn dates_are_read_as_clerks_write_them_and_kept_as_yyyy_mm_dd() {
    let ws = Workspace::new();
    // A 期限 as written on the sheet, in the era's own forms; the meeting's date too.
    ws.ok(&[
        "note",
        "3-ウ-2",
        "due",
        "R8.3.31",
        "--date",
        "令和8年11月24日",
    ]);
    let minutes = ws.ok(&["minutes", "--date", "R8.11.24"]);
    assert!(minutes.contains("会議日: 2026-11-24"), "{minutes}");
    assert!(minutes.contains("期限: 2026-03-31"), "{minutes}");
    ws.ok(&[
        "note",
        "3-ウ-2",
        "due",
        "令和８年３月３０日",
        "--date",
        "2026/11/24",
    ]);
    assert!(ws.ok(&["minutes"]).contains("期限: 2026-03-30"));
    // 2024-2-3 is as plain as 2024/2/3: read, not refused.
    assert!(
        ws.ok(&["--as-of", "2024-2-3", "summary"])
            .ends_with("期限超過 overdue activities as of 2024-02-03: 0\n")
    );
    assert_eq!(
        ws.refused(&["--as-of", "0000-01-01", "summary"]),
        "tassei: --as-of: \"0000-01-01\" is out of range: tassei takes dates from 1989 (平成元年) to 2200"
    );
    assert_eq!(
        ws.refused(&["--as-of", "2024-02-30", "summary"]),
        "tassei: --as-of: \"2024-02-30\" is not a date: 2024年2月 has 29 days"
    );
    assert_eq!(
        ws.refused(&["note", "3-ウ-2", "due", "R1.4.30"]),
        "tassei: ⑶-ウ-2: the 期限: \"R1.4.30\" is not a date: 令和 began on 2019-05-01 (令和元年5月1日)"
    );
    assert_eq!(
        ws.refused(&["minutes", "--date", "R8.13.1"]),
        "tassei: --date: \"R8.13.1\" is not a date: there is no month 13"
    );
}

/// Runs with stdout and stderr on a pipe whose reader has already gone, as
/// `tassei … 2>&1 | head -1` once head has its line.
fn with_reader_gone(ws: &Workspace, args: &[&str]) -> Option<i32> {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    tassei(&ws.db())
        .args(args)
        .stdout(writer.try_clone().expect("a second end"))
        .stderr(writer)
        .status()
        .expect("runs")
        .code()
}

#[test]
fn a_reader_that_goes_away_ends_tassei_quietly_and_keeps_what_was_saved() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    assert_eq!(
        with_reader_gone(&ws, &["set", "1-ア-1", "actual", "9500"]),
        Some(0),
        "saved, then nobody left to read it: 0, as Unix tools end"
    );
    assert_eq!(
        record(&ws.export(), "⑴-ア", 1)["actual"],
        "9500",
        "saved stays saved"
    );
    for args in [
        &["show", "1-ア-1"][..],
        &["summary"],
        &["log"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
    ] {
        assert_eq!(with_reader_gone(&ws, args), Some(0), "{args:?}");
    }
    // Refused with nowhere to say why: the exit code still says it, and nothing panics.
    assert_eq!(
        with_reader_gone(&ws, &["set", "1-ア-1", "actual", "abc"]),
        Some(2)
    );
    // A warning on a closed stderr neither panics nor stops the command.
    fs::write(ws.path("config.toml"), "tree_width = \"wide\"\n").expect("config");
    assert_eq!(with_reader_gone(&ws, &["summary"]), Some(0));
}

#[test]
fn escape_sequences_in_the_file_never_reach_the_terminal() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    // Another program wrote a title that would clear the screen if printed.
    let conn = rusqlite::Connection::open(ws.db()).expect("open");
    conn.execute(
        "UPDATE goal SET title = 'クリア\u{1b}[2J\u{9b}31m' WHERE number = 1 AND initiative_id = 1",
        [],
    )
    .expect("hostile title");
    drop(conn);
    let shown = ws.ok(&["show", "1-ア-1"]);
    assert!(shown.contains("クリア^[[2J<U+009B>31m"), "{shown}");
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{9b}'));
    let exported = ws.ok(&["export", "--format", "json"]);
    assert!(
        exported.contains("クリア\\u001b[2J"),
        "an export to a pipe keeps the data, JSON-escaped"
    );
}

#[test]
fn backups_each_day_on_request_and_a_confirmed_restore() {
    let ws = Workspace::new();
    ws.ok(&["set", "1-ア-1", "actual", "9500"]);
    let dated = tassei::store::backups(&ws.db());
    assert_eq!(
        dated.len(),
        1,
        "one copy on the first use of the day: {dated:?}"
    );
    ws.ok(&["set", "1-ア-1", "actual", "9600"]);
    assert_eq!(
        tassei::store::backups(&ws.db()).len(),
        1,
        "not one per command"
    );
    let first = ws.ok(&["backup"]);
    let second = ws.ok(&["backup"]);
    assert_ne!(
        first, second,
        "two copies in the same second do not overwrite each other"
    );
    assert_eq!(tassei::store::backups(&ws.db()).len(), 3);

    let daily = dated[0].to_string_lossy().into_owned();
    assert_eq!(
        ws.refused(&["restore", &daily]),
        format!(
            "tassei: restoring replaces {}; confirm with --yes (there is no terminal to ask)",
            ws.db().display()
        )
    );
    let missing = ws.path("tassei.db.bak-2099-01-01");
    assert_eq!(
        ws.refused(&["restore", missing.to_str().expect("path"), "--yes"]),
        format!(
            "tassei: no such file: {}; nothing was restored",
            missing.display()
        )
    );
    let not_ours = ws.path("notes.txt");
    fs::write(&not_ours, "メモ").expect("write");
    assert!(
        ws.refused(&["restore", not_ours.to_str().expect("path"), "--yes"])
            .contains("is not a tassei data file")
    );

    let restored = ws.ok(&["restore", &daily, "--yes"]);
    assert!(
        restored.contains("the file as it was is kept as"),
        "{restored}"
    );
    let records = ws.export();
    assert_eq!(
        record(&records, "⑴-ア", 1)["actual"],
        "9016",
        "the day's first copy was taken before the edits"
    );
    // The file as it was before the restore is among the copies, with 9,600.
    let copies = tassei::store::backups(&ws.db());
    let before = copies.last().expect("the pre-restore copy");
    let out = run_with_db(before, &["export", "--format", "json"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"actual\": \"9600\""));
}

#[test]
fn only_the_newest_days_of_copies_are_kept() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    for day in 1..=5 {
        std::fs::copy(ws.db(), ws.path(&format!("tassei.db.bak-2026-11-0{day}"))).expect("copy");
    }
    for _ in 0..4 {
        let out = tassei(&ws.db())
            .arg("backup")
            .env("TASSEI_KEEP_BACKUPS", "3")
            .output()
            .expect("runs");
        assert!(out.status.success());
    }
    // Three days: today (its daily copy and four backups) and the two newest earlier days.
    let kept: Vec<String> = tassei::store::backups(&ws.db())
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(kept.len(), 2 + 5, "{kept:?}");
    assert!(
        kept[0].ends_with("2026-11-04") && kept[1].ends_with("2026-11-05"),
        "{kept:?}"
    );
    let out = tassei(&ws.db())
        .arg("backup")
        .env("TASSEI_KEEP_BACKUPS", "0")
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("TASSEI_KEEP_BACKUPS=0 is not a number of days of 1 or more"),
        "a keep of 0 is said and ignored"
    );
    assert_eq!(tassei::store::backups(&ws.db()).len(), 2 + 6);
}

/// Exports and the summary tell 評価なし, 未入力 and 計算不可 apart (new status words
/// `no_actual` and `not_computable`).
#[test]
fn export_and_summary_tell_no_actual_and_not_computable_from_not_graded() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    let conn = rusqlite::Connection::open(ws.db()).expect("open");
    conn.execute_batch(
        "UPDATE goal SET actual_num = NULL WHERE number = 1 AND initiative_id =
             (SELECT id FROM initiative WHERE kana = 'ア' AND area = 1);
         UPDATE goal SET target_num = '0' WHERE number = 2 AND initiative_id =
             (SELECT id FROM initiative WHERE kana = 'ア' AND area = 1);",
    )
    .expect("edits outside tassei");
    drop(conn);
    let records = ws.export();
    let status = |k: usize| (records[k]["status"].as_str(), records[k]["reason"].as_str());
    assert_eq!(
        status(0),
        (Some("no_actual"), Some("no actual (実績値) yet"))
    );
    assert_eq!(
        status(1),
        (
            Some("not_computable"),
            Some("the target (目標値) is 0, so actual ÷ target is undefined")
        )
    );
    let ungraded = records
        .iter()
        .filter(|r| r["status"] == "not_graded")
        .count();
    assert_eq!(ungraded, 1, "⑵-イ-3 alone is 評価なし");
    let summary = ws.ok(&["summary"]);
    assert!(
        summary.contains("評価なし not_graded 1   未入力 no_actual 1   計算不可 not_computable 1"),
        "{summary}"
    );
    assert!(
        summary.contains("未入力 no actual yet:\n  ⑴-ア-1  鹿児島県電子申請システムの年間総申請件数を10,000件以上にする\n"),
        "the goals are named:\n{summary}"
    );
    assert!(
        summary.contains("計算不可 not computable:\n  ⑴-ア-2  鹿児島県電子申請システム登録手続数を200種類以上にする   (the target (目標値) is 0, so actual ÷ target is undefined)"),
        "with the reason:\n{summary}"
    );
}

/// Found by an adversarial pass: a mistyped `--db` made a new file with the bundled sheet and
/// `set` said "saved" into it without a word. Creating a file is said, once.
#[test]
fn a_new_data_file_is_said_once() {
    let ws = Workspace::new();
    let first = ws.run(&["set", "1-ア-1", "actual", "9500"]);
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8_lossy(&first.stderr).trim_end(),
        format!(
            "tassei: note: {} did not exist: created it with the bundled sheet",
            ws.db().display()
        )
    );
    let second = ws.run(&["summary"]);
    assert!(second.stderr.is_empty(), "said once");
}

/// The subcommands' names, from the command line's own definition.
fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    let names: Vec<String> = tassei::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(
        names.iter().any(|n| n == "completions") && names.iter().any(|n| n == "man"),
        "{names:?}"
    );
    names
}

/// Runs a command that needs no data file with `TASSEI_DB` pointing at one that does not
/// exist, and checks it still does not, nor anything beside it (journals, copies, a config).
fn without_data_file(args: &[&str]) -> Output {
    let ws = Workspace::new();
    let out = ws.run(args);
    assert!(!ws.db().exists(), "tassei {args:?} created the data file");
    let left: Vec<_> = fs::read_dir(ws.dir.path())
        .expect("the temp dir")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert!(left.is_empty(), "tassei {args:?} left {left:?}");
    out
}

#[test]
fn completions_for_each_shell_name_tassei_and_every_command_and_open_no_data_file() {
    let names = command_names();
    // How each shell's script names the program and offers a command.
    type Offers = fn(&str) -> String;
    let shells: [(&str, &str, Offers); 4] = [
        ("bash", "complete -F _tassei", |c| format!("tassei,{c})")),
        ("zsh", "#compdef tassei", |c| format!("'{c}:")),
        ("fish", "complete -c tassei", |c| format!("-a \"{c}\"")),
        ("powershell", "-CommandName 'tassei'", |c| {
            format!("'tassei;{c}'")
        }),
    ];
    for (shell, program, offers) in shells {
        let args = ["completions", shell];
        let out = without_data_file(&args);
        let script = succeeded(&args, out);
        assert!(script.contains(program), "{shell}: names tassei:\n{script}");
        for name in &names {
            assert!(script.contains(&offers(name)), "{shell}: offers {name}");
        }
    }
}

#[test]
fn the_bash_script_completes_commands_fields_and_shells() {
    let script = succeeded(
        &["completions", "bash"],
        without_data_file(&["completions", "bash"]),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tassei.bash");
    fs::write(&file, script).expect("the script");
    // `_tassei COMMAND WORD PREVIOUS` with COMP_WORDS set, as bash calls it on Tab.
    let complete = |words: &[&str]| -> String {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let last = words.len() - 1;
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={last}; _tassei tassei {} {}; echo \"${{COMPREPLY[@]}}\"",
            file.display(),
            quoted.join(" "),
            quoted[last],
            quoted[last - 1],
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_string()
    };
    assert_eq!(complete(&["tassei", "sum"]), "summary");
    assert_eq!(complete(&["tassei", "com"]), "completions");
    assert!(
        complete(&["tassei", "set", "1-ア-1", ""])
            .ends_with("actual achieved part target baseline title unit calc_method precision note formula direction"),
        "set's fields"
    );
    assert!(
        complete(&["tassei", "completions", ""]).ends_with("bash zsh fish powershell"),
        "the shells"
    );
}

#[test]
fn an_unknown_shell_is_refused_with_the_shells_there_are() {
    let args = ["completions", "tcsh"];
    let message = refused(&args, without_data_file(&args));
    assert!(message.contains("'tcsh'"), "{message}");
    assert!(
        message.contains("[possible values: bash, zsh, fish, powershell]"),
        "{message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    let args = ["completions"];
    let message = refused(&args, without_data_file(&args));
    assert!(message.contains("<SHELL>"), "{message}");
}

/// clap_mangen starts a page with the roff that defines `\*(Aq` (an apostrophe on every
/// formatter), then the title.
fn title_of(page: &str) -> &str {
    let mut lines = page.lines();
    let title = lines
        .by_ref()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "))
        .expect("a title");
    assert!(
        title.starts_with(".TH "),
        "the page opens with its title: {page}"
    );
    title
}

#[test]
fn the_man_page_has_a_title_names_every_command_and_opens_no_data_file() {
    let page = succeeded(&["man"], without_data_file(&["man"]));
    let title = title_of(&page);
    assert!(title.starts_with(".TH tassei 1 "), "{title}");
    let version = format!("\"tassei {}\"", env!("CARGO_PKG_VERSION"));
    assert!(title.contains(&version), "{title}");
    assert!(page.contains("\n.SH SYNOPSIS\n"), "{page}");
    assert!(
        page.contains("TASSEI_DB"),
        "the environment is named: {page}"
    );
    for name in command_names() {
        // roff escapes a hyphen: tassei\-set(1).
        assert!(
            page.contains(&format!("tassei\\-{name}(1)")),
            "{name}:\n{page}"
        );
    }
    // Each page the list names is one tassei writes.
    let set = succeeded(&["man", "set"], without_data_file(&["man", "set"]));
    assert!(title_of(&set).starts_with(".TH tassei-set 1 "), "{set}");
    assert!(set.contains("tassei\\-set\\-actual(1)"), "{set}");
    let actual = succeeded(
        &["man", "set", "actual"],
        without_data_file(&["man", "set", "actual"]),
    );
    let title = title_of(&actual);
    assert!(title.starts_with(".TH tassei-set-actual 1 "), "{title}");
    assert!(title.contains(&version), "a command's page too: {title}");
    assert!(
        actual.contains("\\-\\-yes"),
        "set actual's own option: {actual}"
    );
}

#[test]
fn a_man_page_for_no_such_command_is_refused_with_the_commands_there_are() {
    let args = ["man", "sett"];
    let message = refused(&args, without_data_file(&args));
    assert!(message.contains("\"sett\""), "{message}");
    for name in command_names() {
        assert!(message.contains(&name), "names {name}: {message}");
    }
    assert!(
        !message.contains("help"),
        "clap's help command has no page: {message}"
    );
    let args = ["man", "show", "card"];
    let message = refused(&args, without_data_file(&args));
    assert!(message.contains("\"card\""), "{message}");
}

#[test]
fn completions_and_the_man_page_end_quietly_when_the_reader_goes() {
    let ws = Workspace::new();
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "powershell"],
        &["man"],
    ] {
        assert_eq!(with_reader_gone(&ws, args), Some(0), "{args:?}");
    }
    assert!(!ws.db().exists());
}

/// `--as-of` and a 期限 take a date however a clerk writes it (issue 8's grammar, full width
/// and 平成 too), kept as YYYY-MM-DD; a date that does not exist is refused saying why.
#[test]
fn as_of_and_kigen_take_every_way_a_date_is_written() {
    let ws = Workspace::new();
    for typed in [
        "2024-02-03",
        "2024/2/3",
        "R6.2.3",
        "令和6年2月3日",
        "２０２４－０２－０３",
        "２０２４／２／３",
        "Ｒ６．２．３",
        "令和６年２月３日",
    ] {
        assert!(
            ws.ok(&["--as-of", typed, "summary"])
                .ends_with("期限超過 overdue activities as of 2024-02-03: 0\n"),
            "--as-of {typed}"
        );
        ws.ok(&["note", "3-ウ-2", "due", typed, "--date", "2026-11-24"]);
        let minutes = ws.ok(&["minutes", "--date", "2026-11-24"]);
        assert!(
            minutes.contains("期限: 2024-02-03"),
            "期限 {typed}: {minutes}"
        );
    }
    ws.ok(&[
        "note",
        "3-ウ-2",
        "due",
        "平成31年4月30日",
        "--date",
        "2026-11-24",
    ]);
    assert!(ws.ok(&["minutes"]).contains("期限: 2019-04-30"));
    for (typed, why) in [
        (
            "2024-02-30",
            "\"2024-02-30\" is not a date: 2024年2月 has 29 days",
        ),
        (
            "2024/2/30",
            "\"2024/2/30\" is not a date: 2024年2月 has 29 days",
        ),
        (
            "R6.2.30",
            "\"R6.2.30\" is not a date: 2024年2月 has 29 days",
        ),
        (
            "令和6年2月30日",
            "\"令和6年2月30日\" is not a date: 2024年2月 has 29 days",
        ),
        (
            "Ｒ６．１３．１",
            "\"Ｒ６．１３．１\" is not a date: there is no month 13",
        ),
        (
            "平成31年5月1日",
            "\"平成31年5月1日\" is not a date: 平成 ended on 2019-04-30 (平成31年4月30日)",
        ),
    ] {
        assert_eq!(
            ws.refused(&["--as-of", typed, "summary"]),
            format!("tassei: --as-of: {why}")
        );
        assert_eq!(
            ws.refused(&["note", "3-ウ-2", "due", typed]),
            format!("tassei: ⑶-ウ-2: the 期限: {why}")
        );
    }
}

/// A 時期 tassei cannot read is named with its reason by `summary` and `show`, and counted: it
/// is never judged overdue, so it must not pass unseen.
#[test]
fn unreadable_jiki_are_named_by_summary_and_show() {
    let ws = Workspace::new();
    let file = ws.path("odd.json");
    let text = tassei::sheet::BUNDLED
        .replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"odd\"")
        .replacen("\"period\": \"R５.５\"", "\"period\": \"平成31年5月\"", 1)
        .replacen("\"period\": \"R５.５\"", "\"period\": \"R5.13\"", 1)
        .replacen("\"period\": \"R５.５\"", "\"period\": \"随時\"", 1);
    fs::write(&file, text).expect("write");
    // The data file, made with the bundled sheet (an import would make it with its own plan).
    ws.ok(&["plans"]);
    ws.ok(&["import", file.to_str().expect("path")]);
    let summary = ws.ok(&["--plan", "odd", "--as-of", "2024-04-01", "summary"]);
    assert!(
        summary.ends_with(
            "期限超過 overdue activities as of 2024-04-01: 0\n\
             時期を読めません unreadable 時期, never judged overdue: 2\n  \
             ⑴-ア-1 実施内容1 \"平成31年5月\": 平成 ended on 2019-04-30 (平成31年4月30日)\n  \
             ⑴-ア-1 実施内容2 \"R5.13\": there is no month 13\n"
        ),
        "{summary}"
    );
    let card = ws.ok(&["--plan", "odd", "show", "1-ア-1"]);
    assert!(
        card.contains("実施内容 (activities)  時期を読めません unreadable 時期: 2\n"),
        "{card}"
    );
    assert!(
        card.contains("     R5.13 · デジタル政策係 · 未記入 unset · 時期を読めません unreadable: there is no month 13\n"),
        "{card}"
    );
    let shared = ws.ok(&["--plan", "odd", "show", "1-ア-2"]);
    assert!(
        shared.contains("     随時 (as needed, never overdue) · デジタル政策係"),
        "{shared}"
    );
    // The bundled plan reads every 時期 it has: nothing to name.
    assert!(!ws.ok(&["summary"]).contains("時期を読めません"));
}
