//! The loop a coordinator runs with the sections (照会 → 回答 → 取りまとめ), through the real
//! binary: `tassei handout` writes a section's workbook, a test fills it as the section would
//! (a new workbook with the handout's cells, some changed), `tassei collect` previews it,
//! applies it by the three-way rule, and says what it left out, cell by cell.

mod common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::tassei_as;

const SHEET: &str = "評価シート";
/// The handout's hidden key column (J) and handout-number column (K), from 0.
const KEY: u32 = 9;
const HANDOUT: u32 = 10;
const ACTUAL: u16 = 4;
const STATUS: u16 = 5;
const EVALUATION: u16 = 6;

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("tassei.db")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn run(&self, args: &[&str]) -> Output {
        tassei_as(&self.db(), "coord")
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .expect("tassei runs")
    }
    fn handout(&self, section: &str) -> PathBuf {
        let file = self.path(&format!("{section}.xlsx"));
        let out = self.run(&[
            "handout",
            "--section",
            section,
            "--output",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        file
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A value a test writes into a returned workbook.
#[derive(Clone)]
enum V {
    Num(f64),
    Text(&'static str),
    Formula(&'static str),
}

/// The handout's cells, read back.
fn cells(path: &Path) -> HashMap<(u32, u16), Data> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a workbook");
    let range = book.worksheet_range(SHEET).expect("the sheet");
    let (r0, c0) = range.start().expect("not empty");
    let mut out = HashMap::new();
    for (r, row) in range.rows().enumerate() {
        for (c, d) in row.iter().enumerate() {
            if *d != Data::Empty {
                out.insert((r0 + r as u32, (c0 as usize + c) as u16), d.clone());
            }
        }
    }
    out
}

/// The row whose key is `key`.
fn row_of(cells: &HashMap<(u32, u16), Data>, key: &str) -> u32 {
    cells
        .iter()
        .find(|((_, c), d)| u32::from(*c) == KEY && **d == Data::String(key.to_string()))
        .map(|((r, _), _)| *r)
        .unwrap_or_else(|| panic!("no row {key}"))
}

/// The section's return: the handout's cells with `changes`, `(row, col) → None` clears one.
fn fill(handout: &Path, out: &Path, changes: &[((u32, u16), Option<V>)]) {
    let mut cells: HashMap<(u32, u16), V> = cells(handout)
        .into_iter()
        .map(|(at, d)| {
            let v = match d {
                Data::Float(x) => V::Num(x),
                Data::Int(i) => V::Num(i as f64),
                other => V::Text(Box::leak(other.to_string().into_boxed_str())),
            };
            (at, v)
        })
        .collect();
    for (at, v) in changes {
        match v {
            Some(v) => cells.insert(*at, v.clone()),
            None => cells.remove(at),
        };
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(SHEET).unwrap();
    for ((r, c), v) in cells {
        match v {
            V::Num(x) => ws.write_number(r, c, x).map(drop).unwrap(),
            V::Text(t) => ws.write_string(r, c, t).map(drop).unwrap(),
            V::Formula(f) => ws.write_formula(r, c, f).map(drop).unwrap(),
        }
    }
    book.save(out).expect("saved");
}

#[test]
fn a_handout_is_protected_with_validated_inputs_and_hidden_keys() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("<sheetProtection"), "protected");
    assert!(!sheet.contains("password"), "no password");
    assert!(
        sheet.contains(r#"<dataValidation type="decimal""#),
        "numeric actuals"
    );
    assert!(
        sheet.contains(r#"<dataValidation type="list""#),
        "a status drop-down"
    );
    assert!(sheet.contains("未着手,実施中,完了,中止"), "{sheet}");
    assert_eq!(
        sheet.matches(r#"hidden="1""#).count(),
        2,
        "the key columns are hidden"
    );
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains(r#"locked="0""#), "input cells are unlocked");
    let cells = cells(&file);
    assert!(cells[&(0, 0)].to_string().contains("照会票（市民係）"));
    assert!(
        cells[&(1, 0)].to_string().contains("黄色の欄"),
        "instructions"
    );
    assert_eq!(cells[&(0, HANDOUT as u16)], Data::Float(1.0));
    // ⑴-ウ-1 and ⑵-イ-7 (its 実施内容 are ⑴-ウ-1's): 市民係 is the 主担当 of both.
    row_of(&cells, "1-ウ-1");
    row_of(&cells, "2-イ-7");
    assert!(!cells.values().any(|d| *d == Data::String("1-ア-1".into())));
}

#[test]
fn a_return_is_previewed_applied_logged_and_not_taken_twice() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let returned = desk.path("市民係-回答.xlsx");
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Num(85.5))),
            ((goal, EVALUATION), Some(V::Text("窓口の案内を強化した"))),
            ((goal + 1, STATUS), Some(V::Text("完了"))),
        ],
    );
    let name = returned.to_str().unwrap();
    let preview = desk.run(&["collect", name]);
    let said = text(&preview.stdout);
    assert_eq!(
        preview.status.code(),
        Some(0),
        "{said}{}",
        text(&preview.stderr)
    );
    assert!(said.contains("⑴-ウ-1 実績値"), "{said}");
    assert!(said.contains("→ 85.5"), "{said}");
    assert!(said.contains("⑴-ウ-1 実施内容1 状況"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(!log.contains("85.5"), "a preview writes nothing: {log}");

    let applied = desk.run(&["collect", "--apply", name]);
    let said = text(&applied.stdout);
    assert_eq!(
        applied.status.code(),
        Some(0),
        "{said}{}",
        text(&applied.stderr)
    );
    assert!(said.contains("applied 3 changes"), "{said}");
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    let line = log.lines().find(|l| l.contains("85.5")).expect(&log);
    assert!(line.contains("coord"), "the applying clerk: {line}");
    assert!(
        line.contains("市民係") && line.contains("市民係-回答.xlsx"),
        "{line}"
    );

    let again = desk.run(&["collect", "--apply", name]);
    let said = text(&again.stdout);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{said}{}",
        text(&again.stderr)
    );
    assert!(said.contains("collected before"), "{said}");
    assert!(said.contains("nothing to change"), "{said}");
    assert!(said.contains("applied 0 changes"), "{said}");

    // One batch: one undo takes the whole collect back.
    let undo = desk.run(&["undo", "--yes"]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert_eq!(log.matches("undo").count(), 3, "{log}");

    // Undone, the return can be collected again (a clerk found it said "nothing to change").
    let after_undo = desk.run(&["collect", name]);
    let said = text(&after_undo.stdout);
    assert!(
        said.contains("→ 85.5"),
        "the undone change is offered again: {said}"
    );
    let again = desk.run(&["collect", "--apply", name]);
    let said = text(&again.stdout);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{said}{}",
        text(&again.stderr)
    );
    assert!(said.contains("applied 3 changes"), "{said}");
}

#[test]
fn a_conflict_is_shown_left_out_then_taken_when_preferred() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let set = desk.run(&["set", "1-ウ-1", "actual", "70"]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    let returned = desk.path("r.xlsx");
    fill(&handout, &returned, &[((goal, ACTUAL), Some(V::Num(85.0)))]);
    let name = returned.to_str().unwrap();
    let out = desk.run(&["collect", "--apply", name]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    assert!(
        said.contains("conflict ⑴-ウ-1 実績値  now 70, returned 85"),
        "{said}"
    );
    assert!(
        text(&out.stderr).contains("left out"),
        "{}",
        text(&out.stderr)
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(!log.contains("→ 85"), "not applied: {log}");

    let out = desk.run(&["collect", "--apply", "--prefer", "returned", name]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(log.contains("70 → 85"), "{log}");
}

#[test]
fn bad_cells_are_named_one_line_each_and_the_good_rows_applied() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let linked = row_of(&cells, "2-イ-7");
    let returned = desk.path("市民係.xlsx");
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Text("約3,600"))),
            ((linked, ACTUAL), Some(V::Formula("=1+2"))),
            ((goal + 1, STATUS), Some(V::Text("done-ish"))),
            ((goal + 2, STATUS), Some(V::Text("完了"))),
            ((goal + 3, KEY as u16), Some(V::Text("9-ン-9"))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{}{err}", text(&out.stdout));
    let cell = |col: &str, row: u32| format!("市民係.xlsx 評価シート!{col}{}", row + 1);
    let bad_number = format!("{} (⑴-ウ-1 実績値): ", cell("E", goal));
    let line = err.lines().find(|l| l.contains(&bad_number)).expect(&err);
    assert!(line.contains("\"約3,600\""), "{line}");
    assert!(
        line.ends_with("Type the number only (the unit ％ is not needed)"),
        "{line}"
    );
    assert!(
        err.contains(&format!(
            "{} (⑵-イ-7 実績値): holds a formula (=1+2), not a value",
            cell("E", linked)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: \"done-ish\" is not a status",
            cell("F", goal + 1)
        )),
        "{err}"
    );
    assert!(
        err.contains("\"9-ン-9\" is not a row of this handout"),
        "{err}"
    );
    assert!(
        err.contains("the row of ⑴-ウ-1 実施内容3 is missing"),
        "{err}"
    );
    assert!(
        text(&out.stdout).contains("applied 1 changes"),
        "{}",
        text(&out.stdout)
    );

    // --all-or-nothing: nothing from a file with a row left out.
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Text("約3,600"))),
            ((goal + 2, STATUS), Some(V::Text("完了"))),
        ],
    );
    let out = desk.run(&[
        "collect",
        "--apply",
        "--all-or-nothing",
        returned.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stdout).contains("nothing applied"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_workbook_of_another_plan_or_an_unknown_handout_is_refused_whole() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let returned = desk.path("x.xlsx");
    fill(
        &handout,
        &returned,
        &[(
            (0, KEY as u16),
            Some(V::Text("0123456789abcdef0123456789abcdef")),
        )],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("handed out for another plan"),
        "{}",
        text(&out.stderr)
    );

    fill(
        &handout,
        &returned,
        &[((0, HANDOUT as u16), Some(V::Num(99.0)))],
    );
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "handed out from another data file that holds this plan (this data file never handed out handout 99 for it)"
        ),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(&returned, b"not a workbook").unwrap();
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("x.xlsx: not an Excel workbook (.xlsx)"),
        "{}",
        text(&out.stderr)
    );
}

/// A CSV as Excel on Japanese Windows saves "CSV (カンマ区切り)": Shift_JIS, CRLF.
fn shift_jis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable, "the test's text is in CP932");
    bytes.into_owned()
}

/// Lines on stderr other than notes (the data file created).
fn said_lines(err: &str) -> usize {
    err.lines()
        .filter(|l| !l.starts_with("tassei: note:"))
        .count()
}

const SECTION_CSV: &str =
    "目標,実績値,状況,評価内容\r\n1-ア-1,９，５００件,,\r\n1-ア-2,352,完了,\r\n";

#[test]
fn a_shift_jis_csv_is_previewed_without_a_base_then_applied_and_logged_with_its_file() {
    let desk = Desk::new();
    let path = desk.path("市民係.csv");
    std::fs::write(&path, shift_jis(SECTION_CSV)).unwrap();
    let name = path.to_str().unwrap();
    let preview = desk.run(&["collect", name]);
    let said = text(&preview.stdout);
    assert_eq!(
        preview.status.code(),
        Some(0),
        "{said}{}",
        text(&preview.stderr)
    );
    assert!(said.contains("市民係.csv — CSV (Shift_JIS)"), "{said}");
    assert!(
        said.contains("⑴-ア-1 実績値  9,016 → 9,500  (no handout base: check it)"),
        "{said}"
    );
    assert!(
        said.contains("⑴-ア-2 実施内容1 状況  未記入 → 完了  (no handout base: check it)"),
        "{said}"
    );
    assert!(
        !said.contains("⑴-ア-2 実績値"),
        "352 is the value now: {said}"
    );
    assert!(said.contains("nothing was written"), "{said}");
    let log = text(&desk.run(&["log", "1-ア-1"]).stdout);
    assert!(!log.contains("9,500"), "a preview writes nothing: {log}");

    let applied = desk.run(&["collect", "--apply", name]);
    let said = text(&applied.stdout);
    assert_eq!(
        applied.status.code(),
        Some(0),
        "{said}{}",
        text(&applied.stderr)
    );
    assert!(said.contains("applied 2 changes"), "{said}");
    let log = text(&desk.run(&["log", "1-ア-1"]).stdout);
    let line = log
        .lines()
        .find(|l| l.contains("9,016 → 9,500"))
        .expect(&log);
    assert!(line.contains("coord"), "{line}");
    assert!(line.contains("(from 市民係.csv)"), "{line}");

    // Collected again: every value is the one now.
    let again = desk.run(&["collect", "--apply", name]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again.stdout).contains("applied 0 changes"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn a_utf8_bom_csv_with_english_headers_and_a_status_for_a_goal_of_two_activities() {
    let desk = Desk::new();
    let path = desk.path("section.csv");
    let csv = "\u{FEFF}goal,actual,status,evaluation\n⑴-ウ-1,14,,窓口で案内した\n(1)ア1,,実施中,\n";
    std::fs::write(&path, csv).unwrap();
    let out = desk.run(&["collect", "--apply", path.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(said.contains("CSV (UTF-8 BOM)"), "{said}");
    assert!(said.contains("⑴-ウ-1 実績値  13.47 → 14"), "{said}");
    assert!(said.contains("⑴-ウ-1 評価内容"), "{said}");
    assert!(said.contains("applied 2 changes"), "{said}");
    assert!(
        err.contains("section.csv line 3: 状況 in a goal's row is read only for a goal with one activity; ⑴-ア-1 has 2"),
        "{err}"
    );
    assert_eq!(said_lines(&err), 1, "one line for the one bad row: {err}");
}

#[test]
fn the_export_edited_and_collected_back_changes_only_the_edited_cell() {
    let desk = Desk::new();
    let export = desk.path("export.csv");
    let out = desk.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        export.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let unchanged = desk.run(&["collect", export.to_str().unwrap()]);
    assert!(
        text(&unchanged.stdout).contains("export.csv: nothing to change"),
        "{}",
        text(&unchanged.stdout)
    );

    let bytes = std::fs::read(&export).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    let mut records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = records
        .iter_mut()
        .find(|r| &r[0] == "⑴-ア" && &r[2] == "3")
        .expect("⑴-ア-3's row");
    let mut edited: Vec<String> = row.iter().map(str::to_string).collect();
    assert_eq!(edited[8], "28");
    edited[8] = "30".into();
    *row = csv::StringRecord::from(edited);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for r in &records {
        writer.write_record(r).unwrap();
    }
    std::fs::write(&export, writer.into_inner().unwrap()).unwrap();

    let out = desk.run(&["collect", "--apply", export.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    let changes: Vec<&str> = said.lines().filter(|l| l.contains(" → ")).collect();
    assert_eq!(
        changes,
        ["  ⑴-ア-3 実績値  28 → 30  (no handout base: check it)"],
        "{said}"
    );
    assert!(said.contains("applied 1 changes"), "{said}");
}

#[test]
fn a_byte_neither_utf8_nor_shift_jis_refuses_the_file_naming_its_line() {
    let desk = Desk::new();
    let path = desk.path("市民係.csv");
    let mut bytes = shift_jis("目標,実績値\r\n1-ア-1,9500\r\n");
    bytes.extend_from_slice(b"1-\x83\x41-2,\xFF\r\n");
    std::fs::write(&path, bytes).unwrap();
    let out = desk.run(&["collect", "--apply", path.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}{err}", text(&out.stdout));
    assert_eq!(said_lines(&err), 1, "{err}");
    assert!(
        err.contains("市民係.csv: not a CSV tassei can read: line 3:"),
        "{err}"
    );
    assert!(err.contains("neither UTF-8 nor Shift_JIS"), "{err}");
    let log = text(&desk.run(&["log", "1-ア-1"]).stdout);
    assert!(!log.contains("9,500"), "nothing applied: {log}");
}

#[test]
fn an_unknown_goal_is_left_out_and_the_good_rows_applied_unless_all_or_nothing() {
    let csv = "1-ア-1,9500\n9-ン-9,1\n1-ア-3,30,,\n";
    for all_or_nothing in [false, true] {
        let desk = Desk::new();
        let path = desk.path("plain.csv");
        std::fs::write(&path, csv).unwrap();
        let mut args = vec!["collect", "--apply", path.to_str().unwrap()];
        if all_or_nothing {
            args.push("--all-or-nothing");
        }
        let out = desk.run(&args);
        let (said, err) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(3), "{said}{err}");
        assert!(
            err.contains("plain.csv line 2: no goal 9-ン-9 in this plan; the row was left out"),
            "{err}"
        );
        let log = text(&desk.run(&["log"]).stdout);
        if all_or_nothing {
            assert!(
                said.contains("nothing applied (--all-or-nothing)"),
                "{said}"
            );
            assert!(!log.contains("collect"), "{log}");
        } else {
            assert!(said.contains("applied 2 changes"), "{said}");
            assert!(log.contains("9,016 → 9,500"), "{log}");
            assert!(log.contains("28 → 30"), "{log}");
        }
    }
}

#[test]
fn text_lost_to_question_marks_is_flagged_and_kept() {
    // ⑵-イ-6's 評価内容 starts with ⑴, which CP932 lacks: Excel saves it as ?.
    let desk = Desk::new();
    let export = desk.path("export.csv");
    let out = desk.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        export.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&export).unwrap();
    let row = csv::ReaderBuilder::new()
        .from_reader(&bytes[3..])
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "⑵-イ" && &r[2] == "6")
        .expect("⑵-イ-6's row");
    let (actual, evaluation) = (row[8].to_string(), row[16].to_string());
    assert!(evaluation.starts_with('⑴'), "{evaluation}");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["目標", "実績値", "評価内容"]).unwrap();
    writer
        .write_record(["2-イ-6", actual.as_str(), &evaluation.replace('⑴', "?")])
        .unwrap();
    let csv = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let path = desk.path("r.csv");
    std::fs::write(&path, shift_jis(&csv)).unwrap();
    let out = desk.run(&["collect", "--apply", path.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    assert!(said.contains("⑵-イ-6 評価内容  returned \"?‐ア"), "{said}");
    assert!(said.contains("lost to ? (CP932): kept as it is"), "{said}");
    assert!(said.contains("applied 0 changes"), "{said}");
}

#[test]
fn a_csv_collect_speaks_japanese() {
    let desk = Desk::new();
    let path = desk.path("市民係.csv");
    let csv = format!("{SECTION_CSV}9-ン-9,1,,\r\n");
    std::fs::write(&path, shift_jis(&csv)).unwrap();
    let out = desk.run(&["--lang", "ja", "collect", path.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{said}{err}");
    assert!(
        said.contains("市民係.csv — CSV（Shift_JIS）、照会票なし"),
        "{said}"
    );
    assert!(
        said.contains("⑴-ア-1 実績値  9,016 → 9,500（照会時の値なし: 確認してください）"),
        "{said}"
    );
    assert!(
        said.contains("市民係.csv 4行目: この計画に目標 9-ン-9 はありません"),
        "{said}"
    );
    assert!(said.contains("プレビューです"), "{said}");
}

/// `text` as Excel on Japanese Windows saves "CSV (カンマ区切り)": CP932, each character it
/// lacks a `?` per UTF-16 unit (⑴ → `?`, 〜 → `?`, 𠮷 → `??`).
fn shift_jis_lossy(text: &str) -> Vec<u8> {
    let mut encoder = encoding_rs::SHIFT_JIS.new_encoder();
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let mut buffer = [0_u8; 4096];
        let (result, read, written) =
            encoder.encode_from_utf8_without_replacement(rest, &mut buffer, true);
        out.extend_from_slice(&buffer[..written]);
        rest = &rest[read..];
        match result {
            encoding_rs::EncoderResult::InputEmpty => return out,
            encoding_rs::EncoderResult::OutputFull => {}
            encoding_rs::EncoderResult::Unmappable(c) => {
                out.extend(std::iter::repeat_n(b'?', c.len_utf16()));
            }
        }
    }
}

/// The export opened in Excel and saved as "CSV (カンマ区切り)": ⑴ in every initiative cell is
/// `?`, and so is text CP932 lacks in 評価内容. The `code` column still finds every goal: no
/// row is left out, nothing counts as a change, the lost text is flagged and kept.
#[test]
fn the_export_saved_as_shift_jis_by_excel_changes_nothing_and_flags_the_lost_text() {
    let desk = Desk::new();
    assert!(desk.run(&["summary"]).status.success());
    let conn = rusqlite::Connection::open(desk.db()).expect("open");
    conn.execute(
        "UPDATE goal SET evaluation = '〜𠮷野家と協議した' WHERE number = 1 AND initiative_id = 1",
        [],
    )
    .expect("an evaluation CP932 cannot carry");
    drop(conn);
    let export = desk.path("export.csv");
    let out = desk.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        export.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&export).unwrap();
    let saved = desk.path("評価シート.csv");
    std::fs::write(
        &saved,
        shift_jis_lossy(std::str::from_utf8(&bytes[3..]).unwrap()),
    )
    .unwrap();
    assert!(
        std::fs::read(&saved).unwrap().starts_with(b"initiative,"),
        "no BOM: Excel's CP932"
    );
    let name = saved.to_str().unwrap();
    for apply in [false, true] {
        let mut args = vec!["collect", name];
        if apply {
            args.insert(1, "--apply");
        }
        let out = desk.run(&args);
        let (said, err) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{said}{err}");
        assert_eq!(said_lines(&err), 0, "no row left out: {err}");
        assert!(said.contains("評価シート.csv — CSV (Shift_JIS)"), "{said}");
        let changes: Vec<&str> = said.lines().filter(|l| l.contains(" → ")).collect();
        assert_eq!(changes, Vec::<&str>::new(), "{said}");
        let lost: Vec<&str> = said.lines().filter(|l| l.contains("lost to ?")).collect();
        assert_eq!(lost.len(), 2, "{said}");
        assert!(
            lost[0].starts_with("  ⑴-ア-1 評価内容  returned \"???野家と協議した\""),
            "{}",
            lost[0]
        );
        assert!(lost[1].starts_with("  ⑵-イ-6 評価内容"), "{}", lost[1]);
        if apply {
            assert!(said.contains("applied 0 changes"), "{said}");
        }
    }
    let log = text(&desk.run(&["log"]).stdout);
    assert!(!log.contains("評価シート.csv"), "nothing logged: {log}");
}
