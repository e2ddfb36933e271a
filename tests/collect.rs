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
    /// A number in Excel's own percent format, as Excel stores `85%` typed: 0.85 shown 85%.
    Percent(f64),
    /// A number in a date format, as Excel stores `3/4` typed: its serial day.
    Date(f64),
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
            V::Percent(x) => {
                let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
                ws.write_number_with_format(r, c, x, &percent)
                    .map(drop)
                    .unwrap()
            }
            V::Date(x) => {
                let date = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
                ws.write_number_with_format(r, c, x, &date)
                    .map(drop)
                    .unwrap()
            }
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
    assert!(said.contains("3 applied, 0 left out"), "{said}");
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
    assert!(said.contains("0 applied, 0 left out"), "{said}");

    // One batch: one undo takes the whole collect back.
    let undo = desk.run(&["undo", "--yes"]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));
    // It says what the batch took back: the file, the section, every value.
    let said = text(&undo.stdout);
    assert!(
        said.starts_with(
            "undid the collect of 市民係-回答.xlsx from 市民係: 3 values taken back\n"
        ),
        "{said}"
    );
    for value in [
        "  undone ⑴-ウ-1 実績値 85.50 → 13.47",
        "  undone ⑴-ウ-1 評価内容",
        "  undone ⑴-ウ-1 実施内容1 状況 完了 → 未記入",
    ] {
        assert!(said.contains(value), "{value}: {said}");
    }
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
    assert!(said.contains("3 applied, 0 left out"), "{said}");
}

#[test]
fn a_conflict_is_shown_left_out_then_taken_when_preferred() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    // Another clerk changes the figure after the handout went out.
    let set = tassei_as(&desk.db(), "tanaka")
        .args(["set", "1-ウ-1", "actual", "70"])
        .output()
        .expect("tassei runs");
    assert!(set.status.success(), "{}", text(&set.stderr));
    let returned = desk.path("r.xlsx");
    fill(&handout, &returned, &[((goal, ACTUAL), Some(V::Num(85.0)))]);
    let name = returned.to_str().unwrap();
    let out = desk.run(&["collect", "--apply", name]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    // Who made the value now is named: the change log's last change to the field.
    assert!(
        said.contains("conflict ⑴-ウ-1 実績値  now 70 (set by tanaka, 20"),
        "{said}"
    );
    assert!(
        said.contains("), returned 85.00, handed out 13.47"),
        "{said}"
    );
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "r.xlsx 評価シート!E{} (⑴-ウ-1 実績値): conflict: now 70 (set by tanaka, ",
            goal + 1
        )) && err.contains("left out"),
        "the left-out line names the cell and the goal: {err}"
    );
    assert!(
        text(&out.stdout).contains("r.xlsx: 0 applied, 1 left out"),
        "{}",
        text(&out.stdout)
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(!log.contains("→ 85"), "not applied: {log}");
    assert!(
        !said.contains("tassei undo"),
        "nothing written, nothing to undo: {said}"
    );

    let out = desk.run(&["collect", "--prefer", "current", name]);
    let said = text(&out.stdout);
    assert!(
        said.contains("handed out 13.47: the value now kept (--prefer current)"),
        "{said}"
    );

    let out = desk.run(&["collect", "--apply", "--prefer", "returned", name]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    let line = log.lines().find(|l| l.contains("70 → 85")).expect(&log);
    assert!(
        line.contains("(from 市民係, r.xlsx) — a conflict: returned preferred over 70"),
        "the log shows the value was chosen over another: {line}"
    );
    let set_line = log.lines().find(|l| l.contains("→ 70")).expect(&log);
    assert!(!set_line.contains("preferred"), "{set_line}");
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
            "{} (⑴-ウ-1 実施内容1 状況): \"done-ish\" is not a status",
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
        text(&out.stdout).contains("1 applied, 5 left out"),
        "{}",
        text(&out.stdout)
    );
    // Every line about a cell of a known row names its goal and field as well as the cell.
    for line in err.lines().filter(|l| l.contains("評価シート!")) {
        assert!(
            line.contains(" (⑴-") || line.contains(" (⑵-") || line.contains("9-ン-9"),
            "{line}"
        );
    }

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
        text(&out.stderr).contains("not handed out for the plan open"),
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
    assert!(said.contains("2 applied, 0 left out"), "{said}");
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
        text(&again.stdout).contains("0 applied, 0 left out"),
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
    assert!(said.contains("2 applied, 1 left out"), "{said}");
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
    assert!(said.contains("1 applied, 0 left out"), "{said}");
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
            assert!(said.contains("2 applied, 1 left out"), "{said}");
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
    assert!(said.contains("0 applied, 0 left out"), "{said}");
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

/// Lines a collect says about rows it leaves out: those naming a cell or a missing row.
fn problem_lines(said: &str) -> Vec<&str> {
    said.lines()
        .filter(|l| l.contains("評価シート!") || l.contains("is missing"))
        .collect()
}

#[test]
fn a_formula_in_a_part_row_is_one_line_not_also_a_missing_row() {
    // ⑴-オ-1 has two parts (開催回数 6回, 参加者数 60人); 協働推進係 is its 主担当.
    let desk = Desk::new();
    let handout = desk.handout("協働推進係");
    let goal = row_of(&cells(&handout), "1-オ-1");
    let returned = desk.path("協働推進係.xlsx");
    fill(
        &handout,
        &returned,
        &[((goal + 1, ACTUAL), Some(V::Formula("=7+6")))],
    );
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    let lines = problem_lines(&said);
    assert_eq!(lines.len(), 1, "one line for the one formula: {said}");
    assert!(
        lines[0].contains(&format!("評価シート!E{}", goal + 2)) && lines[0].contains("formula"),
        "{said}"
    );
}

#[test]
fn an_emptied_cell_is_a_clear_left_out_until_the_clerk_confirms_it() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let linked = row_of(&cells, "2-イ-7");
    let returned = desk.path("市民係.xlsx");
    // The section cleared ⑴-ウ-1's 実績値 and changed ⑵-イ-7's.
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), None),
            ((linked, ACTUAL), Some(V::Num(190.0))),
        ],
    );
    let name = returned.to_str().unwrap();
    let preview = desk.run(&["collect", name]);
    let said = text(&preview.stdout);
    assert!(
        said.contains("cleared ⑴-ウ-1 実績値  13.47 → ー  (handed out 13.47)"),
        "the clear is shown as one: {said}"
    );
    assert!(said.contains("--confirm-clears"), "{said}");

    let out = desk.run(&["collect", "--apply", name]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(said.contains("1 applied, 1 left out"), "{said}");
    assert!(
        err.contains(&format!(
            "市民係.xlsx 評価シート!E{} (⑴-ウ-1 実績値): emptied in the return (now 13.47): left out",
            goal + 1
        )),
        "{err}"
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(!log.contains("13.47 → ー"), "not cleared silently: {log}");

    // Preferring the returned values of conflicts does not confirm a clear by the way.
    let out = desk.run(&["collect", "--apply", "--prefer", "returned", name]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(
        !log.contains("13.47 → ー"),
        "not cleared by --prefer: {log}"
    );

    // Confirmed: the clear is taken, and says it was confirmed.
    let out = desk.run(&["collect", "--apply", "--confirm-clears", name]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("cleared ⑴-ウ-1 実績値  13.47 → ー  (the clear confirmed: --confirm-clears)"),
        "{said}"
    );
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    let line = log.lines().find(|l| l.contains("13.47 → ー")).expect(&log);
    assert!(line.contains("the clear confirmed"), "{line}");
}

#[test]
fn a_clear_declined_keeps_the_value_and_says_so() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let returned = desk.path("r.xlsx");
    fill(&handout, &returned, &[((goal, EVALUATION), None)]);
    let out = desk.run(&[
        "collect",
        "--apply",
        "--prefer",
        "current",
        returned.to_str().unwrap(),
    ]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("cleared ⑴-ウ-1 評価内容: the section emptied the cell;")
            && said.contains("kept (--prefer current)"),
        "{said}"
    );
    assert!(said.contains("0 applied, 0 left out"), "{said}");
    let log = text(&desk.run(&["log", "1-ウ-1"]).stdout);
    assert!(!log.contains("評価内容"), "{log}");
}

#[test]
fn decimals_come_back_at_the_precision_the_sheet_shows_and_are_never_rounded() {
    let desk = Desk::new();
    for (goal, value) in [("1-ウ-1", "14.20"), ("2-イ-7", "180")] {
        let set = desk.run(&["set", goal, "actual", value]);
        assert!(set.status.success(), "{}", text(&set.stderr));
    }
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let (goal, linked) = (row_of(&cells, "1-ウ-1"), row_of(&cells, "2-イ-7"));
    // 14.20 is written as the double 14.2: returned as it was, it is no change.
    assert_eq!(cells[&(goal, ACTUAL)], Data::Float(14.2));
    let returned = desk.path("市民係.xlsx");
    fill(&handout, &returned, &[]);
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert!(said.contains("市民係.xlsx: nothing to change"), "{said}");

    // 14.5 typed in a cell that shows 0.00"％" comes back 14.50; 180.5 typed in a cell that
    // shows 181 (#,##0"時間") comes back 180.5, never 181.
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Num(14.5))),
            ((linked, ACTUAL), Some(V::Num(180.5))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    assert!(said.contains("⑴-ウ-1 実績値  14.20 → 14.50"), "{said}");
    assert!(said.contains("⑵-イ-7 実績値  180 → 180.5"), "{said}");
    assert!(!said.contains("181"), "{said}");
    let log = text(&desk.run(&["log"]).stdout);
    assert!(log.contains("14.20 → 14.50"), "{log}");
    assert!(log.contains("180 → 180.5"), "{log}");
}

#[test]
fn a_percentage_typed_with_excels_percent_sign_is_left_out_not_written_as_a_fraction() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let (goal, linked) = (row_of(&cells, "1-ウ-1"), row_of(&cells, "2-イ-7"));
    let returned = desk.path("市民係.xlsx");
    // ⑵-イ-7: a cell Excel turned into its percent format when 50% was typed. ⑴-ウ-1 (％,
    // target 15.00): a plain 0.85 in a cell that shows it as 0.85％ is what the clerk saw and
    // meant (a small rate is a real value; only a CSV, which shows nothing, is guessed at).
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Num(0.85))),
            ((linked, ACTUAL), Some(V::Percent(0.5))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(!err.contains("0.85 looks like"), "{err}");
    assert!(said.contains("⑴-ウ-1 実績値  13.47 → 0.85"), "{said}");
    assert!(
        err.contains(&format!(
            "評価シート!E{} (⑵-イ-7 実績値): 0.5 looks like 50% typed",
            linked + 1
        )),
        "{err}"
    );
    assert!(said.contains("1 applied, 1 left out"), "{said}");
    let log = text(&desk.run(&["log"]).stdout);
    assert!(!log.contains("→ 0.5"), "{log}");
    let undo = desk.run(&["undo", "--yes"]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));

    // A CSV's 0.85 for the same goal is left out the same way.
    let csv = desk.path("r.csv");
    std::fs::write(&csv, "目標,実績値\n1-ウ-1,0.85\n").unwrap();
    let out = desk.run(&["collect", csv.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("r.csv line 2 (⑴-ウ-1 実績値): 0.85 looks like 85%"),
        "{}",
        text(&out.stdout)
    );
}

/// The handout's sheet XML.
fn sheet_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    sheet
}

#[test]
fn a_milestones_state_is_the_primarys_to_return_from_a_drop_down() {
    // ⑵-イ-1 (令和６年度予算要求) and ⑵-イ-2 are milestones; 総務係 is their 主担当.
    let desk = Desk::new();
    let handout = desk.handout("総務係");
    let cells = cells(&handout);
    let (first, second) = (row_of(&cells, "2-イ-1"), row_of(&cells, "2-イ-2"));
    assert_eq!(cells[&(second, STATUS)], Data::String("達成".into()));
    let sheet = sheet_xml(&handout);
    assert!(
        sheet.contains("達成,未達成,ー"),
        "the app's own words: {sheet}"
    );
    // デジタル政策係 shares ⑵-イ-1: its state is not theirs to return.
    let shared = desk.handout("デジタル政策係");
    let row = row_of(&self::cells(&shared), "2-イ-1");
    let theirs = desk.path("デジタル政策係.xlsx");
    fill(
        &shared,
        &theirs,
        &[((row, STATUS), Some(V::Text("未達成")))],
    );
    // Locked and grey in their workbook: not read, whatever it says.
    let out = desk.run(&["collect", theirs.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("nothing to change") && !text(&out.stdout).contains("達成状況"),
        "{}",
        text(&out.stdout)
    );

    let returned = desk.path("総務係.xlsx");
    fill(
        &handout,
        &returned,
        &[
            ((first, STATUS), Some(V::Text("済"))),
            ((second, STATUS), Some(V::Text("未達成"))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(said.contains("⑵-イ-2 達成状況  達成 → 未達成"), "{said}");
    assert!(
        err.contains(&format!(
            "総務係.xlsx 評価シート!F{} (⑵-イ-1 達成状況): \"済\" is not a 達成状況 (達成・未達成・ー)",
            first + 1
        )),
        "{err}"
    );
    let log = text(&desk.run(&["log", "2-イ-2"]).stdout);
    let line = log.lines().find(|l| l.contains("達成状況")).expect(&log);
    assert!(
        line.contains("未達成") && line.contains("総務係.xlsx"),
        "{line}"
    );

    // An emptied state cannot be taken, even confirmed.
    fill(&handout, &returned, &[((first, STATUS), None)]);
    let out = desk.run(&[
        "collect",
        "--apply",
        "--prefer",
        "returned",
        returned.to_str().unwrap(),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{}{err}", text(&out.stdout));
    assert!(
        err.contains("(⑵-イ-1 達成状況): cannot be left empty"),
        "{err}"
    );
}

#[test]
fn collected_before_says_when_in_the_clerks_local_time() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let returned = desk.path("市民係.xlsx");
    fill(&handout, &returned, &[]);
    let name = returned.to_str().unwrap();
    let out = desk.run(&["collect", "--apply", name]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let again = tassei_as(&desk.db(), "coord")
        .env("TZ", "Asia/Tokyo")
        .args(["collect", name])
        .output()
        .expect("tassei runs");
    let said = text(&again.stdout);
    // What the registry holds (UTC), nine hours on: Japan's time, as the log shows times.
    let db = rusqlite::Connection::open(desk.db()).unwrap();
    let (stored, japan): (String, String) = db
        .query_row(
            "SELECT collected_at, strftime('%Y-%m-%d %H:%M', collected_at, '+9 hours')
             FROM handout WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        said.contains(&format!(
            "市民係.xlsx: a return of this handout was collected before, on {japan}"
        )),
        "{said}"
    );
    assert!(!said.contains(&stored) && !said.contains("UTC"), "{said}");
}

#[test]
fn a_redo_of_an_undone_collect_names_the_file_too() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let returned = desk.path("市民係.xlsx");
    fill(
        &handout,
        &returned,
        &[
            ((goal, ACTUAL), Some(V::Num(14.0))),
            ((goal + 1, STATUS), Some(V::Text("実施中"))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(desk.run(&["undo"]).status.success());
    let redo = desk.run(&["redo"]);
    let said = text(&redo.stdout);
    assert!(redo.status.success(), "{said}{}", text(&redo.stderr));
    assert!(
        said.starts_with("redid the collect of 市民係.xlsx from 市民係: 2 values put back\n"),
        "{said}"
    );
    assert!(
        said.contains("  redone ⑴-ウ-1 実績値 13.47 → 14.00"),
        "{said}"
    );

    // An ordinary edit's undo reads as before.
    assert!(
        desk.run(&["set", "1-ア-1", "actual", "9100"])
            .status
            .success()
    );
    let undo = desk.run(&["undo"]);
    assert_eq!(
        text(&undo.stdout),
        "undone ⑴-ア-1 実績値 9,100 → 9,016\n",
        "{}",
        text(&undo.stderr)
    );
}

#[test]
fn last_years_handout_brought_to_this_years_plan_is_refused_naming_both_years() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    // Next year's plan in the same data file: the same sheet for 令和6年度.
    let sheet = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans/ibusuki-dx-r5.json"
    ))
    .unwrap();
    let next: serde_json::Value = {
        let mut v: serde_json::Value = serde_json::from_str(&sheet).unwrap();
        v["id"] = "ibusuki-dx-r6".into();
        v["fiscal_year"] = 2024.into();
        v
    };
    let file = desk.path("r6.json");
    std::fs::write(&file, next.to_string()).unwrap();
    let import = desk.run(&["import", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", text(&import.stderr));

    let returned = desk.path("市民係.xlsx");
    fill(&handout, &returned, &[]);
    let out = desk.run(&[
        "--plan",
        "ibusuki-dx-r6",
        "collect",
        "--apply",
        returned.to_str().unwrap(),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}{err}", text(&out.stdout));
    assert!(
        err.contains(
            "市民係.xlsx: handed out for 令和5年度 (plan ibusuki-dx-r5), not for 令和6年度 (plan ibusuki-dx-r6, open now)"
        ),
        "{err}"
    );
    assert!(err.contains("--plan ibusuki-dx-r5"), "{err}");
}

#[test]
fn a_figure_of_15_digits_goes_as_a_number_one_of_16_as_text_and_both_come_back_unchanged() {
    let desk = Desk::new();
    for (goal, value) in [
        ("1-ア-1", "123456789012345"),
        ("1-ア-2", "1234567890123456"),
    ] {
        let set = desk.run(&["set", goal, "actual", value]);
        assert!(set.status.success(), "{}", text(&set.stderr));
    }
    let handout = desk.handout("デジタル政策係");
    let cells = cells(&handout);
    let (fifteen, sixteen) = (row_of(&cells, "1-ア-1"), row_of(&cells, "1-ア-2"));
    assert_eq!(
        cells[&(fifteen, ACTUAL)],
        Data::Float(123_456_789_012_345.0),
        "15 digits: a number"
    );
    assert_eq!(
        cells[&(sixteen, ACTUAL)],
        Data::String("1234567890123456".into()),
        "16 digits: text, as Excel would change the number"
    );
    // Still the section's to fill: the cell stays unlocked.
    let mut book: Xlsx<_> = open_workbook(&handout).expect("a workbook");
    let styles = book.worksheet_style(SHEET).expect("styles");
    let locked = |row: u32| {
        styles
            .get((row, u32::from(ACTUAL)))
            .and_then(|s| s.protection.as_ref())
            .is_none_or(|p| p.locked)
    };
    assert!(!locked(fifteen) && !locked(sixteen));

    let returned = desk.path("デジタル政策係.xlsx");
    fill(&handout, &returned, &[]);
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("デジタル政策係.xlsx: nothing to change"),
        "{said}"
    );

    fill(
        &handout,
        &returned,
        &[((sixteen, ACTUAL), Some(V::Text("1234567890123457")))],
    );
    let out = desk.run(&["collect", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert!(
        said.contains("⑴-ア-2 実績値  1,234,567,890,123,456 → 1,234,567,890,123,457"),
        "{said}"
    );
}

/// ASCII words of three letters or more in `said` that are not a command's own (its options,
/// their values, the file names a test gave): English a Japanese clerk should not meet.
fn english_in(said: &str) -> Vec<String> {
    const COMMAND: [&str; 10] = [
        "tassei", "prefer", "returned", "current", "apply", "undo", "xlsx", "all", "confirm",
        "clears",
    ];
    said.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !COMMAND.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_handout_and_its_collect_speak_japanese_in_a_japanese_locale() {
    let desk = Desk::new();
    let japanese = |args: &[&str]| {
        tassei_as(&desk.db(), "coord")
            .env("LANG", "ja_JP.UTF-8")
            .current_dir(desk.dir.path())
            .args(args)
            .output()
            .expect("tassei runs")
    };
    let file = desk.path("市民係.xlsx");
    let out = japanese(&["handout", "--section", "市民係", "--output", "市民係.xlsx"]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{said}");
    assert!(said.contains("市民係への照会票"), "{said}");
    // The data file's note names its folder, which is the test's.
    let folder = desk.dir.path().display().to_string();
    assert_eq!(
        english_in(&said.replace(&folder, "")),
        Vec::<String>::new(),
        "{said}"
    );

    let set = tassei_as(&desk.db(), "tanaka")
        .args(["set", "2-イ-7", "actual", "200"])
        .output()
        .expect("tassei runs");
    assert!(set.status.success(), "{}", text(&set.stderr));
    let cells = cells(&file);
    let (goal, linked) = (row_of(&cells, "1-ウ-1"), row_of(&cells, "2-イ-7"));
    let returned = desk.path("回答.xlsx");
    fill(
        &file,
        &returned,
        &[
            ((goal, ACTUAL), None),
            ((goal, EVALUATION), Some(V::Formula("=1+1"))),
            ((goal + 1, STATUS), Some(V::Text("done"))),
            ((goal + 2, STATUS), Some(V::Text("完了"))),
            ((linked, ACTUAL), Some(V::Num(190.5))),
        ],
    );
    let out = japanese(&["collect", "--apply", "回答.xlsx"]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    for line in [
        "消去 ⑴-ウ-1 実績値",
        "競合 ⑵-イ-7 実績値  現在 200（tanaka が",
        "1件を反映、4件を除外しました",
    ] {
        assert!(said.contains(line), "{line}: {said}");
    }
    assert!(err.contains("値ではなく数式"), "{err}");
    let preview = japanese(&["collect", "回答.xlsx"]);
    let again = text(&preview.stdout);
    assert!(again.contains("に一度取りまとめています"), "{again}");
    let undo = japanese(&["undo"]);
    let undone = text(&undo.stdout);
    assert!(
        undone.contains("取りまとめを元に戻しました（1件）"),
        "{undone}"
    );
    for said in [&said, &err, &again, &undone] {
        // "done" is the clerk's own typing, quoted back; tanaka, a clerk's account name.
        let english: Vec<String> = english_in(said)
            .into_iter()
            .filter(|w| w != "done" && w != "tanaka")
            .collect();
        assert_eq!(english, Vec::<String>::new(), "{said}");
    }
}

#[test]
fn all_sections_write_a_workbook_each_and_each_collects() {
    let desk = Desk::new();
    let folder = desk.path("照会票");
    let out = desk.run(&[
        "handout",
        "--all-sections",
        "--output",
        folder.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Every section named on the bundled sheet's activities, once.
    let sheet: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans/ibusuki-dx-r5.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut sections: Vec<String> = Vec::new();
    for initiative in sheet["initiatives"].as_array().unwrap() {
        for goal in initiative["goals"].as_array().unwrap() {
            for activity in goal["activities"].as_array().into_iter().flatten() {
                for s in activity["sections"].as_array().into_iter().flatten() {
                    let s = s.as_str().unwrap().to_string();
                    if !sections.contains(&s) {
                        sections.push(s);
                    }
                }
            }
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), sections.len(), "{files:?}");
    for section in &sections {
        let file = folder.join(format!("{section}.xlsx"));
        assert!(file.exists(), "{section}: {files:?}");
        // Each returned as it went out: collected, nothing to change.
        let out = desk.run(&["collect", "--apply", file.to_str().unwrap()]);
        let said = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{said}{}", text(&out.stderr));
        assert!(said.contains(&format!("— {section}, handout")), "{said}");
        assert!(said.contains("0 applied, 0 left out"), "{said}");
    }
    // And one filled: 協働推進係's parts of ⑴-オ-1 come back.
    let handout = folder.join("協働推進係.xlsx");
    let goal = row_of(&cells(&handout), "1-オ-1");
    let returned = desk.path("協働推進係-回答.xlsx");
    fill(
        &handout,
        &returned,
        &[((goal + 1, ACTUAL), Some(V::Num(14.0)))],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert!(said.contains("⑴-オ-1 開催回数 実績値  13 → 14"), "{said}");
    assert!(said.contains("1 applied, 0 left out"), "{said}");
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
            assert!(said.contains("0 applied, 0 left out"), "{said}");
        }
    }
    let log = text(&desk.run(&["log"]).stdout);
    assert!(!log.contains("評価シート.csv"), "nothing logged: {log}");
}

/// A fresh clerk collected a return, a colleague corrected the figure, and the same file was
/// collected again (in a batch with `--prefer returned`): it reopened the settled value as a
/// conflict and overwrote the correction. An old file brings nothing new; a second copy of
/// the same handout, filled differently, meets what the first wrote as a conflict.
#[test]
fn a_file_collected_again_does_not_reopen_a_correction_and_a_second_copy_conflicts() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let first = desk.path("一回目.xlsx");
    fill(&handout, &first, &[((goal, ACTUAL), Some(V::Num(85.0)))]);
    let first = first.to_str().unwrap();
    let out = desk.run(&["collect", "--apply", first]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let set = tassei_as(&desk.db(), "tanaka")
        .args(["set", "1-ウ-1", "actual", "83"])
        .output()
        .expect("tassei runs");
    assert!(set.status.success(), "{}", text(&set.stderr));

    let again = desk.run(&["collect", "--apply", "--prefer", "returned", first]);
    let said = text(&again.stdout);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{said}{}",
        text(&again.stderr)
    );
    assert!(said.contains("nothing to change"), "{said}");
    let shown = text(&desk.run(&["show", "1-ウ-1"]).stdout);
    assert!(shown.contains("83"), "the correction stays: {shown}");

    let second = desk.path("二回目.xlsx");
    fill(&handout, &second, &[((goal, ACTUAL), Some(V::Num(88.0)))]);
    let out = desk.run(&["collect", "--apply", second.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}{}", text(&out.stderr));
    assert!(said.contains("conflict ⑴-ウ-1 実績値  now 83"), "{said}");
    assert!(said.contains("returned 88"), "{said}");
}

/// A row copied below and corrected in its copy: neither copy is taken (taking the first wrote
/// the value the section had corrected away), and the line says the key appears twice.
#[test]
fn a_row_given_twice_leaves_both_copies_out() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let below = cells.keys().map(|(r, _)| *r).max().unwrap_or(goal) + 2;
    let mut changes: Vec<((u32, u16), Option<V>)> = cells
        .iter()
        .filter(|((r, _), _)| *r == goal)
        .map(|((_, c), d)| {
            let v = match d {
                Data::Float(x) => V::Num(*x),
                Data::Int(i) => V::Num(*i as f64),
                other => V::Text(Box::leak(other.to_string().into_boxed_str())),
            };
            ((below, *c), Some(v))
        })
        .collect();
    changes.push(((goal, ACTUAL), Some(V::Num(100.0))));
    changes.push(((below, ACTUAL), Some(V::Num(120.0))));
    let returned = desk.path("r.xlsx");
    fill(&handout, &returned, &changes);
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    // One line, naming the first copy's cell and the other's.
    assert!(
        err.contains(&format!(
            "r.xlsx 評価シート!E{} (⑴-ウ-1 実績値): the row of \"1-ウ-1\" is given more than once (also r.xlsx 評価シート!E{})",
            goal + 1,
            below + 1
        )),
        "{err}"
    );
    assert!(!said.contains("→ 100") && !said.contains("→ 120"), "{said}");
    let shown = text(&desk.run(&["show", "1-ウ-1"]).stdout);
    assert!(shown.contains("13.47"), "unchanged: {shown}");
}

/// `3/4` typed into a figure's cell: Excel makes it a date and holds 46085, a number that
/// would have passed as the figure. It is left out with a line saying what Excel did.
#[test]
fn a_figure_excel_made_a_date_is_left_out_not_read_as_its_serial_number() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let returned = desk.path("r.xlsx");
    fill(
        &handout,
        &returned,
        &[((goal, ACTUAL), Some(V::Date(46085.0)))],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(
        err.contains("(⑴-ウ-1 実績値): Excel made what was typed a date or a time"),
        "{err}"
    );
    assert!(
        !said.contains("46085") && !said.contains("46,085"),
        "{said}"
    );
}

/// Rows sorted or pasted over one another: a row whose hidden key names one goal while its
/// code cell shows another is left out, naming both, and nothing is written for it.
#[test]
fn a_row_moved_over_another_is_left_out_naming_both_goals() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let returned = desk.path("r.xlsx");
    fill(
        &handout,
        &returned,
        &[
            ((goal, 0), Some(V::Text("⑵-イ-7"))),
            ((goal, ACTUAL), Some(V::Num(99.0))),
        ],
    );
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(
        err.contains("the row of ⑴-ウ-1 shows ⑵-イ-7: rows were moved or overwritten"),
        "{err}"
    );
    assert!(!said.contains("→ 99"), "{said}");
}

/// A second copy of the handout with the cell emptied, after the first copy's figure was
/// collected: a clear, never a conflict whose returned side --prefer returned would take (a
/// fresh clerk emptied a collected 25 with --prefer returned alone).
#[test]
fn a_clear_after_a_collected_copy_is_still_a_clear_confirmed_on_its_own() {
    let desk = Desk::new();
    let handout = desk.handout("市民係");
    let goal = row_of(&cells(&handout), "1-ウ-1");
    let first = desk.path("一.xlsx");
    fill(&handout, &first, &[((goal, ACTUAL), Some(V::Num(25.0)))]);
    let out = desk.run(&["collect", "--apply", first.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let second = desk.path("二.xlsx");
    fill(&handout, &second, &[((goal, ACTUAL), None)]);
    let second = second.to_str().unwrap();
    let out = desk.run(&["collect", "--apply", "--prefer", "returned", second]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}{}", text(&out.stderr));
    assert!(said.contains("cleared ⑴-ウ-1 実績値  25.00 → ー"), "{said}");
    assert!(text(&desk.run(&["show", "1-ウ-1"]).stdout).contains("25"));
    let out = desk.run(&["collect", "--apply", "--confirm-clears", second]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("the clear confirmed"),
        "{}",
        text(&out.stdout)
    );
}
