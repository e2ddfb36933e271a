//! `tassei export --format xlsx`, run as a clerk runs it, the workbook read back as Excel would
//! read it: values and cached results with calamine, number formats, page setup, print titles,
//! breaks and the footer from the file's own XML.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::str::FromStr;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;

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
        common::tassei_as(&self.db(), "tester")
            .args(args)
            .output()
            .expect("runs")
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Exports the workbook to `name`; returns its path and what tassei said.
    fn export(&self, name: &str, extra: &[&str]) -> (PathBuf, String) {
        let file = self.path(name);
        let mut args = extra.to_vec();
        args.extend(["export", "--format", "xlsx", "--output"]);
        args.push(file.to_str().expect("path"));
        let out = self.ok(&args);
        (file, String::from_utf8_lossy(&out.stderr).into_owned())
    }

    /// Imports the bundled sheet as plan `id`, changed by `change` first.
    fn import_changed(&self, id: &str, change: impl FnOnce(&mut serde_json::Value)) {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plans/ibusuki-dx-r5.json");
        let mut plan: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(bundled).expect("bundled")).expect("json");
        plan["id"] = id.into();
        change(&mut plan);
        let file = self.path(&format!("{id}.json"));
        fs::write(&file, serde_json::to_string(&plan).expect("json")).expect("written");
        self.ok(&["import", file.to_str().expect("path")]);
    }
}

/// A sheet's values (cached results for formulas) and formulas.
struct Sheet {
    values: Range<Data>,
    formulas: Range<String>,
}

impl Sheet {
    fn value(&self, cell: &str) -> Data {
        self.values
            .get_value(at(cell))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn formula(&self, cell: &str) -> String {
        self.formulas
            .get_value(at(cell))
            .cloned()
            .unwrap_or_default()
    }

    /// The row (from 1) of goal `goal` of the initiative `initiative` on 評価シート.
    fn goal_row(&self, initiative: &str, goal: u32) -> u32 {
        let rows = self.values.height() as u32;
        let header = (1..=rows)
            .find(|r| self.value(&format!("A{r}")) == Data::String(initiative.into()))
            .unwrap_or_else(|| panic!("{initiative}'s header"));
        (header + 1..=rows)
            .find(|r| self.value(&format!("A{r}")) == Data::Float(f64::from(goal)))
            .unwrap_or_else(|| panic!("{initiative}-{goal}"))
    }
}

/// `E5` → (4, 4): calamine's (row, column) from 0.
fn at(cell: &str) -> (u32, u32) {
    let split = cell
        .find(|c: char| c.is_ascii_digit())
        .expect("a cell name");
    let (letters, digits) = cell.split_at(split);
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    (digits.parse::<u32>().expect("a row") - 1, col - 1)
}

fn open(file: &Path) -> Xlsx<std::io::BufReader<fs::File>> {
    open_workbook(file).expect("an xlsx calamine reads")
}

fn sheet(book: &mut Xlsx<std::io::BufReader<fs::File>>, name: &str) -> Sheet {
    Sheet {
        values: book.worksheet_range(name).expect("values"),
        formulas: book.worksheet_formula(name).expect("formulas"),
    }
}

/// A number read back as Excel holds it: through the double's shortest round-trip text.
fn decimal(data: &Data) -> Decimal {
    match data {
        Data::Float(x) => Decimal::from_str(&x.to_string()).expect("a decimal"),
        Data::Int(i) => Decimal::from(*i),
        other => panic!("not a number: {other:?}"),
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

/// A part of the xlsx (a zip of XML files) as text.
fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(file).expect("opens")).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("utf-8 xml");
    text
}

/// The number format of a cell of the first sheet, from the XML: the cell's style index, its
/// `numFmtId` in `cellXfs`, that format's code.
fn number_format(file: &Path, sheet_xml: &str, cell: &str) -> String {
    let sheet = part(file, sheet_xml);
    let start = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("{cell} in {sheet_xml}"));
    let tag = &sheet[start..start + sheet[start..].find('>').expect("a tag")];
    let style: usize = attribute(tag, "s").map_or(0, |s| s.parse().expect("a style"));
    let styles = part(file, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    let xf = xfs.split("<xf ").nth(style + 1).expect("the cell's xf");
    let id = attribute(&format!(" {xf}"), "numFmtId").expect("numFmtId");
    let codes: HashMap<String, String> = styles
        .split("<numFmt ")
        .skip(1)
        .map(|f| format!(" {f}"))
        .map(|f| {
            (
                attribute(&f, "numFmtId").expect("id"),
                attribute(&f, "formatCode")
                    .expect("code")
                    .replace("&quot;", "\""),
            )
        })
        .collect();
    codes.get(&id).cloned().unwrap_or(id)
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[at..at + tag[at..].find('"')?].to_string())
}

#[test]
fn the_bundled_sheet_reads_back_as_the_paper() {
    let ws = Workspace::new();
    let (file, said) = ws.export("評価シート.xlsx", &[]);
    assert!(
        said.contains("wrote 26 goals and 52 activities to ")
            && said.contains("(sheets 評価シート, データ, 実施内容, 計画, 内訳, 算出)"),
        "{said}"
    );
    let mut book = open(&file);
    assert_eq!(
        book.sheet_names(),
        ["評価シート", "データ", "実施内容", "計画", "内訳", "算出"]
    );
    let eval = sheet(&mut book, "評価シート");
    assert_eq!(
        eval.value("A1"),
        Data::String("指宿市 DX推進計画 取り組み事項 評価 令和5年度".into())
    );
    assert_eq!(eval.value("D3"), Data::String("目標値".into()));

    // ⑴-ア-1: the figures, and 達成度 as a formula with tassei's value cached.
    assert_eq!(eval.goal_row("⑴-ア", 1), 5);
    for (cell, want) in [
        ("C5", "5527"),
        ("D5", "10000"),
        ("E5", "9016"),
        ("F5", "90"),
    ] {
        assert_eq!(decimal(&eval.value(cell)), d(want), "{cell}");
    }
    assert_eq!(eval.formula("F5"), "ROUND(E5*100/D5,0)");
    assert_eq!(eval.value("G5"), Data::String("概ね達成".into()));
    assert!(
        eval.formula("G5").starts_with("IF(F5>=100,"),
        "{}",
        eval.formula("G5")
    );
    assert_eq!(
        number_format(&file, "xl/worksheets/sheet1.xml", "D5"),
        "#,##0\"件\""
    );
    assert_eq!(
        number_format(&file, "xl/worksheets/sheet1.xml", "F5"),
        "#,##0"
    );

    // ⑴-ウ-2: one decimal, ％ in the format and 84.93 in the cell.
    let r = eval.goal_row("⑴-ウ", 2);
    assert_eq!(decimal(&eval.value(&format!("F{r}"))), d("100.8"));
    assert_eq!(
        eval.formula(&format!("F{r}")),
        format!("ROUND(E{r}*100/D{r},1)")
    );
    assert_eq!(
        number_format(&file, "xl/worksheets/sheet1.xml", &format!("F{r}")),
        "#,##0.0"
    );
    assert_eq!(decimal(&eval.value(&format!("E{r}"))), d("84.93"));
    assert_eq!(
        number_format(&file, "xl/worksheets/sheet1.xml", &format!("E{r}")),
        "0.00\"％\""
    );
    // ⑴-ウ-1's 目標値 15.00 keeps its two decimals in the format; compared as numbers.
    let r = eval.goal_row("⑴-ウ", 1);
    assert_eq!(decimal(&eval.value(&format!("D{r}"))), d("15.00"));
    assert_eq!(eval.value(&format!("C{r}")), Data::String("ー".into()));

    // ⑴-オ-1: composite, one fraction over its parts' rows, 327.5 → 328.
    let r = eval.goal_row("⑴-オ", 1);
    let (p1, p2) = (r + 1, r + 2);
    assert_eq!(decimal(&eval.value(&format!("F{r}"))), d("328"));
    assert_eq!(
        eval.formula(&format!("F{r}")),
        format!("ROUND((E{p1}*D{p2}+E{p2}*D{p1})*100/(D{p1}*D{p2}*2),0)")
    );
    for (cell, want, format) in [
        (format!("D{p1}"), "6", "#,##0\"回\""),
        (format!("E{p1}"), "13", "#,##0\"回\""),
        (format!("D{p2}"), "60", "#,##0\"名\""),
        (format!("E{p2}"), "263", "#,##0\"名\""),
    ] {
        assert_eq!(decimal(&eval.value(&cell)), d(want), "{cell}");
        assert_eq!(
            number_format(&file, "xl/worksheets/sheet1.xml", &cell),
            format
        );
    }

    // ⑵-イ-1: a milestone, its words and no formula; ⑵-イ-3: not graded, ー.
    let r = eval.goal_row("⑵-イ", 1);
    assert_eq!(
        eval.value(&format!("D{r}")),
        Data::String("令和６年度予算要求".into())
    );
    assert_eq!(decimal(&eval.value(&format!("F{r}"))), d("100"));
    assert_eq!(eval.formula(&format!("F{r}")), "");
    assert_eq!(eval.value(&format!("G{r}")), Data::String("達成".into()));
    let r = eval.goal_row("⑵-イ", 3);
    assert_eq!(eval.value(&format!("F{r}")), Data::String("ー".into()));
    assert_eq!(eval.value(&format!("G{r}")), Data::String("ー".into()));
    let r = eval.goal_row("⑵-イ", 6);
    assert_eq!(
        eval.value(&format!("J{r}")),
        Data::String("実施内容は，⑴‐ア‐目標１に同じ".into())
    );

    // データ: a row per goal under its headers; 実施内容: a row per activity.
    let data = sheet(&mut book, "データ");
    assert_eq!(data.values.height(), 1 + 26);
    assert_eq!(data.value("A1"), Data::String("取り組み事項".into()));
    assert_eq!(data.value("K2"), Data::String("概ね達成".into()));
    assert_eq!(decimal(&data.value("J2")), d("90"));
    // The goal's code with plain digits, a key CP932 keeps (⑴ in A2 it does not).
    assert_eq!(data.value("R1"), Data::String("目標コード".into()));
    assert_eq!(data.value("R2"), Data::String("1-ア-1".into()));
    let activities = sheet(&mut book, "実施内容");
    assert_eq!(activities.values.height(), 1 + 52);
    assert_eq!(activities.value("A2"), Data::String("⑴-ア-1".into()));
    assert_eq!(activities.value("F2"), Data::String("未記入".into()));
}

#[test]
fn page_setup_print_titles_breaks_and_footer_are_in_the_xml() {
    let ws = Workspace::new();
    let (file, _) = ws.export("sheet.xlsx", &[]);
    let sheet1 = part(&file, "xl/worksheets/sheet1.xml");
    for wanted in [
        "paperSize=\"9\"",
        "orientation=\"landscape\"",
        "fitToHeight=\"0\"",
        // Fit to pages, one wide: rust_xlsxwriter leaves fitToWidth out when it is 1, Excel's
        // default for it (checked below).
        "<pageSetUpPr fitToPage=\"1\"/>",
        // The headers frozen under the title.
        "<pane ySplit=\"3\" topLeftCell=\"A4\"",
        // Rows as tall as their wrapped text: ⑴-ア-1's 評価内容 takes 9 lines.
        "<row r=\"5\" ht=\"124.5\" customHeight=\"1\">",
        // A break before each of the 9 initiatives but the first.
        "<rowBreaks count=\"8\" manualBreakCount=\"8\">",
        "<oddFooter>&amp;L指宿市 DX推進計画 取り組み事項 評価 令和5年度&amp;R&amp;P / &amp;N</oddFooter>",
        // Status words highlighted.
        "<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"equal\"><formula>\"達成\"</formula>",
    ] {
        assert!(sheet1.contains(wanted), "{wanted} in sheet1.xml");
    }
    assert!(
        !sheet1.contains("fitToWidth") || sheet1.contains("fitToWidth=\"1\""),
        "one page wide"
    );
    // Each break is above an initiative's header row (`brk id` is the row above, from 1).
    let eval = sheet(&mut open(&file), "評価シート");
    for id in sheet1
        .split("<brk id=\"")
        .skip(1)
        .map(|b| b[..b.find('"').expect("id")].parse::<u32>().expect("a row"))
    {
        let header = eval.value(&format!("A{}", id + 1));
        assert!(
            matches!(&header, Data::String(code) if code.starts_with(['⑴', '⑵', '⑶'])),
            "row {}: {header:?}",
            id + 1
        );
    }
    let workbook = part(&file, "xl/workbook.xml");
    assert!(
        workbook.contains(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">評価シート!$1:$3</definedName>"
        ),
        "{workbook}"
    );
    // データ and 実施内容 filter their headers' rows down to the last (their hidden keys too).
    assert!(workbook.contains("データ!$A$1:$AE$27"), "{workbook}");
    assert!(workbook.contains("実施内容!$A$1:$H$53"), "{workbook}");
    let data = part(&file, "xl/worksheets/sheet2.xml");
    assert!(
        data.contains("<autoFilter ref=\"A1:AE27\"/>"),
        "データ's filter"
    );
    assert!(
        data.contains("<conditionalFormatting sqref=\"K2:K27\">"),
        "データ's statuses"
    );
}

#[test]
fn a_value_past_15_significant_digits_is_kept_as_its_digits_in_text() {
    let ws = Workspace::new();
    ws.import_changed("big", |plan| {
        plan["initiatives"][0]["goals"][0]["actual"] = "12345678901234567891".into();
    });
    let (file, _) = ws.export("big.xlsx", &["--plan", "big"]);
    let eval = sheet(&mut open(&file), "評価シート");
    assert_eq!(
        eval.value("E5"),
        Data::String("12345678901234567891".into())
    );
    // Its 達成度 (123456789012345678.91 → 18 digits) too, and so without a formula.
    assert_eq!(eval.value("F5"), Data::String("123456789012345679".into()));
    assert_eq!(eval.formula("F5"), "");
    assert_eq!(
        decimal(&eval.value("D5")),
        d("10000"),
        "the others stay numbers"
    );
    // A note on each says why.
    let notes = part(&file, "xl/comments1.xml");
    assert_eq!(
        notes.matches("15桁を超える数値のため").count(),
        2,
        "{notes}"
    );
    assert!(notes.contains("<comment ref=\"E5\"") && notes.contains("<comment ref=\"F5\""));
}

#[test]
fn a_negative_rate_rounds_away_from_zero_in_tassei_and_in_excel() {
    let ws = Workspace::new();
    ws.import_changed("neg", |plan| {
        let goal = &mut plan["initiatives"][0]["goals"][0];
        goal["formula"] = "from_baseline".into();
        goal["unit"] = "時間".into();
        goal["baseline"] = "10".into();
        goal["target"] = "20".into();
        goal["actual"] = "9.75".into();
    });
    // (9.75 - 10) ÷ (20 - 10) × 100 = -2.5: 四捨五入 on the magnitude, -3, as Excel's ROUND.
    let (file, _) = ws.export("neg.xlsx", &["--plan", "neg"]);
    let eval = sheet(&mut open(&file), "評価シート");
    assert_eq!(eval.formula("F5"), "ROUND((E5-C5)*100/(D5-C5),0)");
    assert_eq!(decimal(&eval.value("F5")), d("-3"));
    assert_eq!(decimal(&eval.value("E5")), d("9.75"));
    assert_eq!(eval.value("G5"), Data::String("未達成".into()));
    let json = ws.ok(&["--plan", "neg", "export", "--format", "json"]);
    let records: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(records[0]["achievement"], "-3", "tassei's own figure");
}

// A pseudo-terminal through expectrl's Unix process; Windows has none here to run it.
#[cfg(unix)]
#[test]
fn without_output_a_pipe_gets_the_workbook_and_a_terminal_is_refused() {
    let ws = Workspace::new();
    let piped = ws.ok(&["export", "--format", "xlsx"]);
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip on the pipe");
    let file = ws.path("piped.xlsx");
    fs::write(&file, &piped.stdout).expect("written");
    assert_eq!(open(&file).sheet_names().len(), 6);

    let mut command = common::tassei_as(&ws.db(), "tester");
    command.args(["export", "--format", "xlsx"]);
    let mut session = expectrl::Session::spawn(command).expect("spawns in a pty");
    let mut said = Vec::new();
    session
        .read_to_end(&mut said)
        .or_else(|e| {
            // Linux ends a pty's reads with EIO when the program has gone.
            if e.raw_os_error() == Some(5) {
                Ok(0)
            } else {
                Err(e)
            }
        })
        .expect("reads the pty");
    let said = String::from_utf8_lossy(&said);
    assert!(
        said.contains("tassei: an Excel workbook is not written to a terminal; name a file: --output 評価シート.xlsx"),
        "{said}"
    );
    assert!(!said.contains("PK"), "no bytes on the terminal");
    let status = session.get_process().wait().expect("exits");
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 2)),
        "{status:?}"
    );
}

#[test]
fn the_workbook_is_the_same_in_both_languages() {
    let ws = Workspace::new();
    let (english, _) = ws.export("en.xlsx", &[]);
    let (japanese, said) = ws.export("ja.xlsx", &["--lang", "ja"]);
    assert!(said.contains("目標 26件・実施内容 52件を "), "{said}");
    let (mut en, mut ja) = (open(&english), open(&japanese));
    for name in ["評価シート", "データ", "実施内容"] {
        let (e, j) = (sheet(&mut en, name), sheet(&mut ja, name));
        assert_eq!(e.values, j.values, "{name}'s values");
        assert_eq!(e.formulas, j.formulas, "{name}'s formulas");
    }
}

#[test]
fn the_workbook_is_never_written_over_the_data_file() {
    let ws = Workspace::new();
    ws.ok(&["summary"]);
    let before = fs::read(ws.db()).expect("the data file");
    let out = ws.run(&[
        "export",
        "--format",
        "xlsx",
        "--output",
        ws.db().to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read(ws.db()).expect("the data file"), before);
}
