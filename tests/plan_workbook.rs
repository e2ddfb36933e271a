//! A plan through Excel: `tassei export --format xlsx`, then `tassei import` of that workbook
//! into a fresh data file, reproduces the plan (equal `export --format json` and plan file,
//! uids included); `tassei new --template` writes a workbook that imports once filled in.
//! Problems are said at their cells, and nothing is written unless all is valid.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

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
