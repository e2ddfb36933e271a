//! A plan through Excel: `tassei export --format xlsx`, then `tassei import` of that workbook
//! into a fresh data file, reproduces the plan (equal `export --format json` and plan file,
//! uids included); `tassei new --template` writes a workbook that imports once filled in.
//! Problems are said at their cells, and nothing is written unless all is valid.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use tassei::report::workbook::{
    Cell, Row, Sheet, Stamp, Style, Value, save_sheets, stamped, workbook,
};
use tassei::store::Store;

fn run(db: &Path, args: &[&str]) -> Output {
    let mut command = common::tassei_as(db, "tanaka");
    common::pin_english(&mut command);
    command.args(args).output().expect("runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "tassei {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a folder");
    let db = dir.path().join("a.sqlite");
    (dir, db)
}

#[test]
fn the_bundled_sheet_round_trips_through_its_workbook() {
    let (dir, db) = scratch();
    let book = dir.path().join("計画.xlsx");
    ok(
        &db,
        &[
            "export",
            "--format",
            "xlsx",
            "--output",
            &book.to_string_lossy(),
        ],
    );
    let fresh = dir.path().join("b.sqlite");
    let said = ok(&fresh, &["import", &book.to_string_lossy()]);
    assert!(
        said.contains("26 goals") && said.contains("ibusuki-dx-r5"),
        "{said}"
    );
    for format in ["json", "plan"] {
        assert_eq!(
            ok(&db, &["export", "--format", format]),
            ok(&fresh, &["export", "--format", format]),
            "export --format {format}"
        );
    }
    // Into the file it came from: the id is taken, as for a plan file; `--id` names a copy.
    let out = run(&db, &["import", &book.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let said = ok(
        &db,
        &["import", &book.to_string_lossy(), "--id", "ibusuki-copy"],
    );
    assert!(said.contains("ibusuki-copy"), "{said}");
    let out = run(&db, &["import", &book.to_string_lossy(), "--id", "a b"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_that_is_no_plan_workbook_is_refused_and_nothing_is_made() {
    let (dir, db) = scratch();
    let old = dir.path().join("古い.xls");
    fs::write(&old, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and the rest").expect("written");
    let out = run(&db, &["import", &old.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("古い.xls"), "{said}");
    assert!(!db.exists(), "no data file made for a refused file");

    // A workbook of another shape: a section's handout has no 計画 or データ.
    let book = dir.path().join("handout.xlsx");
    ok(
        &db,
        &[
            "handout",
            "--section",
            "市民係",
            "--output",
            &book.to_string_lossy(),
        ],
    );
    let out = run(
        &dir.path().join("c.sqlite"),
        &["import", &book.to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is not a plan workbook"), "{said}");
}

#[test]
fn a_template_is_written_once_and_imports_as_its_example() {
    let (dir, db) = scratch();
    let template = dir.path().join("ひな形.xlsx");
    let said = ok(&db, &["new", "--template", &template.to_string_lossy()]);
    assert!(said.contains("wrote the plan template"), "{said}");
    assert!(!db.exists(), "writing a template opens no data file");
    let before = fs::read(&template).expect("written");
    // Never over a file already there.
    let out = run(&db, &["new", "--template", &template.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is already there"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read(&template).expect("kept"), before);
    let said = ok(&db, &["import", &template.to_string_lossy()]);
    assert!(
        said.contains("sample-dx-r6") && said.contains("1 goals"),
        "{said}"
    );
    let show = ok(&db, &["--plan", "sample-dx-r6", "show", "⑴-ア-1"]);
    assert!(show.contains("【記入例】"), "{show}");
}

/// The stored plan's workbook, as `export --format xlsx` writes it, each sheet's rows first
/// passed to `edit`: what a clerk's changes in Excel make of it.
fn edited_export(db: &Path, out: &Path, edit: impl Fn(&str, &mut Vec<Row<'_>>)) {
    let store = Store::open(db, "t").expect("opens");
    let plan = store
        .load_plan(store.plan_id(None).expect("a plan"))
        .expect("loads");
    let sheets: Vec<Sheet> = workbook(&plan, tassei::store::History::none())
        .into_iter()
        .map(|mut s| {
            let mut rows: Vec<Row> = s.rows.collect();
            edit(s.name, &mut rows);
            s.rows = Box::new(rows.into_iter());
            s
        })
        .collect();
    let file = fs::File::create(out).expect("created");
    save_sheets(&plan, sheets, file).expect("written");
}

/// As [`edited_export`], the workbook recording where the change log stood, as `export` does.
fn edited_stamped_export(db: &Path, out: &Path, edit: impl Fn(&str, &mut Vec<Row<'_>>)) {
    let store = Store::open(db, "t").expect("opens");
    let id = store.plan_id(None).expect("a plan");
    let plan = store.load_plan(id).expect("loads");
    let (log_id, at) = store.log_position(id).expect("the log");
    let stamp = Stamp { log_id, at };
    let sheets: Vec<Sheet> = workbook(&plan, tassei::store::History::none())
        .into_iter()
        .map(|mut s| {
            if s.name == "計画" {
                s = stamped(s, &stamp);
            }
            let mut rows: Vec<Row> = s.rows.collect();
            edit(s.name, &mut rows);
            s.rows = Box::new(rows.into_iter());
            s
        })
        .collect();
    let file = fs::File::create(out).expect("created");
    save_sheets(&plan, sheets, file).expect("written");
}

fn run_as(db: &Path, user: &str, args: &[&str]) -> Output {
    let mut command = common::tassei_as(db, user);
    common::pin_english(&mut command);
    command.args(args).output().expect("runs")
}

/// Sets the cell under `header` of `rows[row]`.
fn set(rows: &mut [Row<'_>], row: usize, header: &str, text: &str) {
    let col = rows[0]
        .cells
        .iter()
        .find(|c| matches!(&c.value, Value::Text(t) if t == header))
        .map(|c| c.col)
        .expect("the header");
    rows[row].cells.retain(|c| c.col != col);
    rows[row]
        .cells
        .push(Cell::text(col, text.to_string(), Style::Plain));
    rows[row].cells.sort_by_key(|c| c.col);
}

#[test]
fn into_a_plan_the_workbooks_changes_are_previewed_then_applied_as_one_undoable_step() {
    let (dir, db) = scratch();
    ok(&db, &["summary"]);
    let book = dir.path().join("戻り.xlsx");
    edited_export(&db, &book, |sheet, rows| match sheet {
        "データ" => {
            set(rows, 1, "目標値", "１２，０００");
            set(rows, 2, "目標の内容", "新しい目標名");
            // ⑵-イ-5, a reduction (基準値 100, 目標値 50): lower is better.
            set(rows, 16, "計算方法", "lower_is_better");
            set(rows, 16, "方向", "lower");
        }
        "実施内容" => {
            set(rows, 1, "状況", "完了");
            set(rows, 1, "実施内容", "職員向け研修を２回実施する");
            // Deleted in Excel.
            rows.remove(2);
        }
        _ => {}
    });
    let book = book.to_string_lossy().to_string();
    let before = ok(&db, &["export", "--format", "json"]);
    let preview = ok(&db, &["import", &book, "--into", "ibusuki-dx-r5"]);
    for line in [
        "⑴-ア-1 目標値: 10,000 → 12,000",
        "⑴-ア-2 目標の内容: 「",
        "→ 「新しい目標名」",
        "⑴-ア-1 実施内容1 状況: 未記入 → 完了",
        "⑵-イ-5 計算方法: ratio (higher) → lower_is_better (lower)",
        "→ 「職員向け研修を２回実施する」",
        "⑴-ア-1 実施内容2: not in the workbook — not removed (remove rows with tassei add/remove)",
        "--apply writes the 5 change(s) above",
    ] {
        assert!(preview.contains(line), "{line}\n{preview}");
    }
    assert_eq!(
        ok(&db, &["export", "--format", "json"]),
        before,
        "a preview writes nothing"
    );

    let applied = ok(
        &db,
        &["import", &book, "--into", "ibusuki-dx-r5", "--apply"],
    );
    assert!(applied.contains("wrote 5 change(s)"), "{applied}");
    assert!(ok(&db, &["show", "⑵-イ-5"]).contains("lower"));
    let shown = ok(&db, &["show", "⑴-ア-1"]);
    assert!(shown.contains("12,000"), "{shown}");
    let log = ok(&db, &["log"]);
    assert!(log.contains("12000") || log.contains("12,000"), "{log}");
    assert!(
        log.contains("戻り.xlsx"),
        "the workbook is named as the origin: {log}"
    );
    // One step back.
    ok(&db, &["undo"]);
    assert_eq!(ok(&db, &["export", "--format", "json"]), before);
}

#[test]
fn into_a_plan_a_workbook_of_another_plan_or_none_is_refused() {
    let (dir, db) = scratch();
    ok(&db, &["summary"]);
    let template = dir.path().join("ひな形.xlsx");
    ok(&db, &["new", "--template", &template.to_string_lossy()]);
    let out = run(
        &db,
        &[
            "import",
            &template.to_string_lossy(),
            "--into",
            "ibusuki-dx-r5",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("carries no plan uid"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A copy imported beside it has its own uid: its workbook is another plan's.
    let book = dir.path().join("copy.xlsx");
    ok(&db, &["import", &template.to_string_lossy()]);
    ok(
        &db,
        &[
            "--plan",
            "sample-dx-r6",
            "export",
            "--format",
            "xlsx",
            "--output",
            &book.to_string_lossy(),
        ],
    );
    let out = run(
        &db,
        &["import", &book.to_string_lossy(), "--into", "ibusuki-dx-r5"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("was exported from plan sample-dx-r6, not plan ibusuki-dx-r5"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_example_left_in_is_imported_and_said() {
    let (dir, db) = scratch();
    let template = dir.path().join("ひな形.xlsx");
    ok(&db, &["new", "--template", &template.to_string_lossy()]);
    let out = run(&db, &["import", &template.to_string_lossy()]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("warning: the template's 【記入例】 (example) text is still in ⑴-ア-1"),
        "{said}"
    );
}

#[test]
fn into_a_plan_another_clerks_later_change_is_a_conflict_never_overwritten_silently() {
    let (dir, db) = scratch();
    ok(&db, &["summary"]);
    let book = dir.path().join("戻り.xlsx");
    edited_stamped_export(&db, &book, |sheet, rows| {
        if sheet == "データ" {
            set(rows, 1, "実績値", "9500");
            set(rows, 3, "目標値", "70");
        }
    });
    let book = book.to_string_lossy().to_string();
    // After the export, suzuki changes ⑴-ア-1 (changed in the workbook too) and ⑴-ア-2
    // (which the workbook left as exported).
    for args in [
        ["set", "1-ア-1", "actual", "9800"],
        ["set", "1-ア-2", "actual", "7"],
    ] {
        assert!(run_as(&db, "suzuki", &args).status.success());
    }
    let preview = ok(&db, &["import", &book, "--into", "ibusuki-dx-r5"]);
    assert!(
        preview
            .contains("⑴-ア-1 実績値: conflict — the data file has 9,800 (suzuki changed it at "),
        "{preview}"
    );
    assert!(preview.contains("⑴-ア-3 目標値: 50 → 70"), "{preview}");
    assert!(
        !preview.contains("⑴-ア-2 実績値"),
        "not the workbook's change: {preview}"
    );
    assert!(preview.contains("1 conflict(s)"), "{preview}");

    let before = ok(&db, &["export", "--format", "json"]);
    let refused = run(
        &db,
        &["import", &book, "--into", "ibusuki-dx-r5", "--apply"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--prefer workbook"));
    assert_eq!(
        ok(&db, &["export", "--format", "json"]),
        before,
        "nothing written"
    );

    let kept = ok(
        &db,
        &[
            "import",
            &book,
            "--into",
            "ibusuki-dx-r5",
            "--apply",
            "--prefer",
            "stored",
        ],
    );
    assert!(kept.contains("wrote 1 change(s)"), "{kept}");
    assert!(ok(&db, &["show", "1-ア-1"]).contains("9,800"));
    assert!(ok(&db, &["show", "1-ア-2"]).contains("7"));
    ok(&db, &["undo"]);
    let taken = ok(
        &db,
        &[
            "import",
            &book,
            "--into",
            "ibusuki-dx-r5",
            "--apply",
            "--prefer",
            "workbook",
        ],
    );
    assert!(taken.contains("wrote 2 change(s)"), "{taken}");
    assert!(ok(&db, &["show", "1-ア-1"]).contains("9,500"));
}

#[test]
fn into_a_plan_a_workbook_that_does_not_record_its_export_says_it_cannot_tell() {
    let (dir, db) = scratch();
    ok(&db, &["summary"]);
    let book = dir.path().join("古い.xlsx");
    edited_export(&db, &book, |sheet, rows| {
        if sheet == "データ" {
            set(rows, 1, "実績値", "9500");
        }
    });
    let book = book.to_string_lossy().to_string();
    assert!(
        run_as(&db, "suzuki", &["set", "1-ア-1", "actual", "9800"])
            .status
            .success()
    );
    let preview = ok(&db, &["import", &book, "--into", "ibusuki-dx-r5"]);
    assert!(preview.contains("maybe a conflict"), "{preview}");
    assert!(
        preview.contains("which is newer cannot be told"),
        "{preview}"
    );
    let refused = run(
        &db,
        &["import", &book, "--into", "ibusuki-dx-r5", "--apply"],
    );
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn undo_right_after_an_import_removes_the_imported_plan_asked_first() {
    let (dir, db) = scratch();
    ok(&db, &["summary"]);
    let template = dir.path().join("ひな形.xlsx");
    ok(&db, &["new", "--template", &template.to_string_lossy()]);
    ok(&db, &["import", &template.to_string_lossy()]);
    assert!(ok(&db, &["plans"]).contains("sample-dx-r6"));
    // Not on a terminal: only with --yes.
    let out = run(&db, &["undo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tassei undo --yes"));
    assert!(ok(&db, &["plans"]).contains("sample-dx-r6"), "kept");
    // Imported again: its id is taken, named at its cell.
    let out = run(&db, &["import", &template.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("計画!B2 (計画ID): the data file already has a plan \"sample-dx-r6\""),
        "{said}"
    );
    let said = ok(&db, &["undo", "--yes"]);
    assert!(
        said.contains("Removed the imported plan \"sample-dx-r6\""),
        "{said}"
    );
    assert!(!ok(&db, &["plans"]).contains("sample-dx-r6"));
    // Imported again (its id is free now), then edited: undo takes back the edit only.
    ok(&db, &["import", &template.to_string_lossy()]);
    ok(
        &db,
        &["--plan", "sample-dx-r6", "set", "1-ア-1", "actual", "5"],
    );
    ok(&db, &["--plan", "sample-dx-r6", "undo"]);
    assert!(ok(&db, &["plans"]).contains("sample-dx-r6"));
}

#[test]
fn a_file_not_there_or_not_a_workbook_is_said_in_the_clerks_words() {
    let (dir, db) = scratch();
    let missing = dir.path().join("nosuch.xlsx");
    let out = run(&db, &["import", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("os error"), "{said}");
    let csv = dir.path().join("fake.xlsx");
    fs::write(&csv, "目標,目標値\n1,100\n").expect("written");
    let out = run(&db, &["import", &csv.to_string_lossy()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is not an Excel workbook (.xlsx)"), "{said}");
    assert!(!said.contains("section"), "{said}");
    assert!(!db.exists());
}

#[test]
fn a_template_name_not_ending_in_xlsx_is_refused_with_one_that_does() {
    let (dir, db) = scratch();
    for name in ["plan", "p.xls"] {
        let path = dir.path().join(name);
        let out = run(&db, &["new", "--template", &path.to_string_lossy()]);
        assert_eq!(out.status.code(), Some(2));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("does not end in .xlsx"), "{said}");
        assert!(
            said.contains(&format!("{}.xlsx", name.trim_end_matches(".xls"))),
            "{said}"
        );
        assert!(!path.exists());
    }
}
