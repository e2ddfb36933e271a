//! Handing out and collecting, as a clerk on Japanese Windows meets them: the real binary with
//! `LANG=ja_JP.UTF-8`, every line it says in Japanese — handout, sections, a collect preview,
//! each bad cell, each file refused whole — and no English words in them but file names,
//! commands and options, and the names of formats (Excel, xlsx, CSV, Shift_JIS). Where a
//! refusal is new, its English is checked beside it (`LANG=C`).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::tassei_as;

const SHEET: &str = "評価シート";
/// The handout's hidden key column (J) and handout-number column (K), from 0.
const KEY: u16 = 9;
const ACTUAL: u16 = 4;
const STATUS: u16 = 5;

/// Latin words a Japanese line may hold: the program and its commands, formats and the
/// names Excel shows (options, `--section`, are taken out before).
const NOT_ENGLISH: &[&str] = &[
    "tassei", "handout", "collect", "sections", "db", "Excel", "xlsx", "xls", "CSV", "Shift",
    "JIS", "UTF", "BOM", "CP", "UTC",
];

/// The runs of Latin letters in `line` that are words of English: what is left once the
/// file names in `names`, options (`--force`), cells (`E12`) and [`NOT_ENGLISH`] are taken
/// out.
fn english_in(line: &str, names: &[&str]) -> Vec<String> {
    let mut rest = line.to_string();
    for name in names {
        rest = rest.replace(name, " ");
    }
    let mut words = Vec::new();
    let mut word = String::new();
    let mut option = false;
    for c in rest.chars().chain([' ']) {
        if c.is_ascii_alphabetic() || (option && (c == '-' || c == '_')) {
            word.push(c);
            continue;
        }
        if c == '-' && word.is_empty() {
            option = true;
            continue;
        }
        let cell =
            c.is_ascii_digit() && word.len() <= 3 && word.chars().all(|w| w.is_ascii_uppercase());
        if !word.is_empty() && !option && !cell && !NOT_ENGLISH.contains(&word.as_str()) {
            words.push(word.clone());
        }
        word.clear();
        option = false;
    }
    words
}

/// Fails naming the line when a Japanese line holds an English word.
fn assert_japanese(lines: &[String], names: &[&str]) {
    assert!(!lines.is_empty(), "something was said");
    for line in lines {
        let english = english_in(line, names);
        assert!(english.is_empty(), "English {english:?} in: {line}");
    }
}

#[test]
fn the_english_finder_finds_english_and_nothing_else() {
    assert_eq!(
        english_in(
            "tassei: 無い.xlsx: No such file (os error 2)",
            &["無い.xlsx"]
        ),
        ["No", "such", "file", "os", "error"]
    );
    assert_eq!(
        english_in(
            "tassei: 照会票/市民係.xlsx は既にあります。置き換えるなら --force を付けてください",
            &["照会票/市民係.xlsx"]
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        english_in("CSV（Shift_JIS）、--all-or-nothing、評価シート!AB12", &[]),
        Vec::<String>::new()
    );
    assert_eq!(
        english_in("評価シート!E7: holds a formula", &[]),
        ["holds", "a", "formula"]
    );
}

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
    /// Runs `tassei ARGS` in `lang` (`ja_JP.UTF-8` or `C`), in the desk's folder.
    fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        tassei_as(&self.db(), "coord")
            .current_dir(self.dir.path())
            .env("LANG", lang)
            .args(args)
            .output()
            .expect("tassei runs")
    }
    fn ja(&self, args: &[&str]) -> Output {
        self.run_in("ja_JP.UTF-8", args)
    }
    fn en(&self, args: &[&str]) -> Output {
        self.run_in("C", args)
    }
    /// A section's handout, written as `name` in the desk's folder.
    fn handout(&self, section: &str, name: &str) -> PathBuf {
        let file = self.path(name);
        let out = self.en(&[
            "handout",
            "--section",
            section,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        file
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The lines said, but notes (the data file created).
fn lines(b: &[u8]) -> Vec<String> {
    text(b)
        .lines()
        .filter(|l| !l.starts_with("tassei: note:") && !l.starts_with("tassei: お知らせ:"))
        .map(str::to_string)
        .collect()
}

/// A refusal: exit 2, nothing on stdout (no preview line), one line on stderr.
fn refused(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(
        text(&out.stdout),
        "",
        "nothing previewed, nothing said on stdout"
    );
    let said = lines(&out.stderr);
    assert_eq!(said.len(), 1, "{said:?}");
    said[0].clone()
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

fn row_of(cells: &HashMap<(u32, u16), Data>, key: &str) -> u32 {
    cells
        .iter()
        .find(|((_, c), d)| *c == KEY && **d == Data::String(key.to_string()))
        .map(|((r, _), _)| *r)
        .unwrap_or_else(|| panic!("no row {key}"))
}

/// A value a test writes into a returned workbook.
enum V {
    Num(f64),
    Text(&'static str),
    Formula(&'static str),
}

/// The section's return: the handout's cells with `changes`.
fn fill(handout: &Path, out: &Path, changes: Vec<((u32, u16), V)>) {
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
    cells.extend(changes);
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
fn handout_and_sections_speak_japanese() {
    let desk = Desk::new();
    let out = desk.ja(&["sections"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = lines(&out.stdout);
    assert_eq!(
        listed[1],
        "市民係              主担当の目標 2件、共有の目標 0件、実施内容 3件"
    );
    assert_eq!(
        listed[15],
        "担当係 15件。照会票は tassei handout --section 係名 で、すべての係の分は --all-sections で作成します"
    );
    assert_japanese(&listed, &[]);

    let file = desk.path("市民係.xlsx");
    let name = file.to_str().unwrap();
    let out = desk.ja(&["handout", "--section", "市民係", "--output", name]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = lines(&out.stderr);
    assert_eq!(
        said,
        [format!(
            "市民係への照会票（目標2件、実施内容3件）を {name} に書き出しました"
        )]
    );
    // The key column is what a trip through CP932 keeps: ASCII digits, katakana, uids.
    for (_, key) in cells(&file)
        .iter()
        .filter(|((r, c), _)| *c == KEY && *r > 0)
    {
        let key = key.to_string();
        let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&key);
        assert!(!unmappable, "{key}");
    }

    let again = refused(&desk.ja(&["handout", "--section", "市民係", "--output", name]));
    assert_eq!(
        again,
        format!(
            "tassei: {name} は既にあります（係が記入中かもしれません）。何も書き出していません。\
             別の場所に移すか、置き換えるなら --force を付けてください"
        )
    );
    let folder = desk.path("照会票");
    std::fs::create_dir(&folder).unwrap();
    let taken = folder.join("総務係.xlsx");
    std::fs::write(&taken, b"filling in").unwrap();
    let all = refused(&desk.ja(&["handout", "--all-sections", "-o", folder.to_str().unwrap()]));
    assert!(
        all.starts_with(&format!("tassei: {} は既にあります", taken.display())),
        "{all}"
    );
    let unknown = refused(&desk.ja(&["handout", "--section", "無い係"]));
    assert!(
        unknown.starts_with(
            "tassei: 担当係「無い係」の実施内容はありません。担当係: デジタル政策係, 市民係,"
        ),
        "{unknown}"
    );
    let needed = refused(&desk.ja(&["handout"]));
    let mut said = vec![again, all, unknown, needed];
    said.extend(listed);
    let taken = taken.display().to_string();
    assert_japanese(&said, &[name, &taken]);
}

#[test]
fn a_collect_preview_and_its_bad_cells_speak_japanese() {
    let desk = Desk::new();
    let handout = desk.handout("市民係", "市民係.xlsx");
    let cells = cells(&handout);
    let goal = row_of(&cells, "1-ウ-1");
    let linked = row_of(&cells, "2-イ-7");
    let returned = desk.path("回答.xlsx");
    fill(
        &handout,
        &returned,
        vec![
            ((goal, ACTUAL), V::Text("約3,600")),
            ((goal + 1, STATUS), V::Text("完了")),
            ((goal + 2, STATUS), V::Formula("=\"完了\"")),
            ((linked, ACTUAL), V::Formula("=1+2")),
        ],
    );
    let csv = desk.path("回答.csv");
    // ⑴-ア-2 as Excel's CP932 CSV has it, with no 目標コード column to find it by.
    // A 状況 the sheet does not have, listed back in the sheet's words, not `done`.
    std::fs::write(
        &csv,
        "目標,実績値,状況\n1-ア-1,9500人\n1-ア-3,30\n?-ア-2,5\n1-ウ-1,,済み\n",
    )
    .unwrap();
    let names = [returned.to_str().unwrap(), csv.to_str().unwrap()];
    let out = desk.ja(&["collect", names[0], names[1]]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = lines(&out.stdout);
    let expected = [
        "回答.xlsx — 市民係、照会番号 1:",
        "  ⑴-ウ-1 実施内容1 状況  未記入 → 完了（照会時 未記入）",
        "  回答.xlsx 評価シート!E7（⑴-ウ-1 実績値）: 「約」は数値に使えない文字です: \"約3,600\"。\
         数値だけを入力してください（単位「％」は不要です）",
        "  回答.xlsx 評価シート!F9（⑴-ウ-1 実施内容2 状況）: 値ではなく数式（=\"完了\"）が入っています。\
         一覧から 未着手・実施中・完了・中止 のいずれかを選んでください",
        "  回答.xlsx 評価シート!E12（⑵-イ-7 実績値）: 値ではなく数式（=1+2）が入っています。\
         計算式ではなく、数値そのものを入力してください",
        "回答.csv — CSV（UTF-8）、照会票なし: 各値を現在の値と比べます",
        "  ⑴-ア-3 実績値  28 → 30（照会時の値なし: 確認してください）",
        "  回答.csv 2行目（⑴-ア-1 実績値）: 単位「人」はこの目標の単位（件）ではありません: \"9500人\"。\
         数値だけを入力してください（単位「件」は不要です）",
        "  回答.csv 4行目: \"?-ア-2\" は目標コードではありません。CSV（カンマ区切り）で保存したときに \
         ⑴ が ? に変わりました（Shift_JIS に ⑴ はありません）。1-ア-1 のように半角数字で書いてください\
         （この行は取り込みません）",
        "  回答.csv 5行目: 「済み」は状況ではありません（未着手・実施中・完了・中止）",
        "プレビューです。何も書き込んでいません（反映するには --apply）",
    ];
    for line in expected {
        assert!(
            said.iter().any(|l| l == line),
            "{line}\nnot in:\n{}",
            said.join("\n")
        );
    }
    assert_japanese(&said, &["回答.xlsx", "回答.csv"]);

    // The same lines in English name the goal and say what to type.
    let said = lines(&desk.en(&["collect", names[0], names[1]]).stdout);
    for line in [
        "  回答.xlsx 評価シート!E7 (⑴-ウ-1 実績値): \"約\" is not allowed in a number: \"約3,600\". \
         Type the number only (the unit ％ is not needed)",
        "  回答.xlsx 評価シート!E12 (⑵-イ-7 実績値): holds a formula (=1+2), not a value. \
         Type the figure itself, a number, not a calculation",
        "  回答.csv line 2 (⑴-ア-1 実績値): the unit 人 is not this goal's unit (件): \"9500人\". \
         Type the number only (the unit 件 is not needed)",
    ] {
        assert!(
            said.iter().any(|l| l == line),
            "{line}\nnot in:\n{}",
            said.join("\n")
        );
    }
}

/// A workbook that is not one, a file that is not there, a folder: refused in one line saying
/// what it is, in Japanese and in English, and nothing previewed.
#[test]
fn a_file_that_is_not_a_workbook_is_refused_in_the_clerks_words() {
    let desk = Desk::new();
    let handout = desk.handout("市民係", "市民係.xlsx");
    let bytes = std::fs::read(&handout).unwrap();
    std::fs::write(desk.path("メモ.xlsx"), "実績値は3,600件です\n").unwrap();
    std::fs::write(desk.path("途中.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(desk.path("空.xlsx"), b"").unwrap();
    std::fs::write(
        desk.path("古い.xlsx"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an .xls, or a workbook with a password",
    )
    .unwrap();
    std::fs::create_dir(desk.path("フォルダ.xlsx")).unwrap();
    let not_xlsx_ja = "Excel ブック（.xlsx）ではありません（中身は文字などの別の形式です）。\
                       係から届いたブックをそのまま指定するか、Excel で開いて「Excel ブック（.xlsx）」として保存してください";
    let damaged_ja = "ブックが壊れているか、途中で切れています（メールやコピーが途中で止まったのかもしれません）。\
                      係にもう一度送ってもらうか、Excel で開いて保存し直してください";
    let damaged_en = "the workbook is damaged or cut short (a mail or a copy that did not finish?); \
                      ask the section to send it again, or open it in Excel and save it anew";
    for (file, ja, en) in [
        (
            "無い.xlsx",
            "ファイルがありません（名前と場所を確認してください）",
            "there is no such file (check its name and folder)",
        ),
        (
            "無い.csv",
            "ファイルがありません（名前と場所を確認してください）",
            "there is no such file (check its name and folder)",
        ),
        (
            "フォルダ.xlsx",
            "フォルダーです。その中のファイルを指定してください",
            "it is a folder, not a file; name a file in it",
        ),
        (
            "メモ.xlsx",
            not_xlsx_ja,
            "not an Excel workbook (.xlsx): it holds something else, text perhaps; give the \
             workbook as the section sent it, or open the file in Excel and save it as Excel \
             ブック (.xlsx)",
        ),
        ("途中.xlsx", damaged_ja, damaged_en),
        ("空.xlsx", damaged_ja, damaged_en),
        (
            "古い.xlsx",
            "古い形式の Excel 97-2003 ブック（.xls）か、パスワード付きで保存されたブックのため読み込めません。\
             Excel で開き、パスワードなしで「Excel ブック（.xlsx）」として保存してください",
            "an Excel 97-2003 workbook (.xls) or one saved with a password, which tassei cannot \
             read; open it in Excel and save it as Excel ブック (.xlsx) without a password",
        ),
    ] {
        let said = refused(&desk.ja(&["collect", file]));
        assert_eq!(said, format!("tassei: {file}: {ja}"));
        assert_japanese(&[said], &[file]);
        assert_eq!(
            refused(&desk.en(&["collect", file])),
            format!("tassei: {file}: {en}")
        );
    }
    // Several files, every one refused: each refusal, and no preview.
    let out = desk.ja(&["collect", "無い.xlsx", "メモ.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(lines(&out.stderr).len(), 2, "{}", text(&out.stderr));
}

/// A workbook handed out from a copy of this data file: the same plan (its uid), a handout
/// number this data file never gave for it — unknown here, or another plan's here.
#[test]
fn a_workbook_handed_out_from_another_data_file_says_so() {
    let ours = Desk::new();
    assert!(ours.en(&["summary"]).status.success());
    let theirs = Desk::new();
    std::fs::copy(ours.db(), theirs.db()).expect("a copy of the data file");
    let returned = theirs.handout("市民係", "市民係.xlsx");
    let name = returned.to_str().unwrap();
    let ja = "この計画を持つ別のデータファイルから出した照会票です（このデータファイルは、この計画の照会番号 1 を出していません）。\
              照会時の値が分からないため取りまとめられません。\
              照会票を出したデータファイルで取りまとめる（tassei --db そのファイル collect …）か、\
              このデータファイルから照会票を出し直してください（tassei handout --section 係名）";
    let en = "handed out from another data file that holds this plan (this data file never \
              handed out handout 1 for it), so what was handed out is not known here; collect it \
              with the data file that handed it out (tassei --db FILE collect …), or hand the \
              section a new workbook from this one (tassei handout --section …)";
    let check = || {
        let said = refused(&ours.ja(&["collect", name]));
        assert_eq!(said, format!("tassei: 市民係.xlsx: {ja}"));
        assert_japanese(&[said], &["市民係.xlsx"]);
        assert_eq!(
            refused(&ours.en(&["collect", "--apply", name])),
            format!("tassei: 市民係.xlsx: {en}")
        );
    };
    // Handout 1 is not in our registry.
    check();
    // Our handout 1 is another plan's: still not this one.
    let plan = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans/ibusuki-dx-r5.json"
    ))
    .unwrap()
    .replacen("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"other-plan\"", 1);
    let plan_file = ours.path("other.json");
    std::fs::write(&plan_file, plan).unwrap();
    let imported = ours.en(&["import", plan_file.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    ours.handout_for("other-plan");
    check();

    // Another plan indeed (its uid): said as before, in Japanese.
    let other = ours.path("別計画.xlsx");
    let handout = ours.path("他.xlsx");
    fill(
        &handout,
        &other,
        vec![((0, KEY), V::Text("0123456789abcdef0123456789abcdef"))],
    );
    let said = refused(&ours.ja(&["collect", other.to_str().unwrap()]));
    assert_eq!(
        said,
        "tassei: 別計画.xlsx: 開いている計画 ibusuki-dx-r5 の照会票ではありません（同じ名前でも、別のデータファイルに取り込んだ計画は別の計画です）。照会票を出したデータファイルで取りまとめてください（tassei --db ファイル collect …）"
    );
}

impl Desk {
    /// A handout of `plan` for 市民係, as 他.xlsx.
    fn handout_for(&self, plan: &str) {
        let file = self.path("他.xlsx");
        let out = self.en(&[
            "--plan",
            plan,
            "handout",
            "--section",
            "市民係",
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

/// A copy of the data file handed out the same number, for the same plan and section, as this
/// one did: told apart by when each handout was made (a fresh clerk's copied file collected
/// another section's number as its own, a dozen missing rows and a real edit refused).
#[test]
fn a_handout_of_the_same_number_from_a_copy_of_the_data_file_is_refused() {
    let ours = Desk::new();
    assert!(ours.en(&["summary"]).status.success());
    let theirs = Desk::new();
    std::fs::copy(ours.db(), theirs.db()).expect("a copy of the data file");
    let returned = theirs.handout("市民係", "市民係.xlsx");
    ours.handout("市民係", "うちの市民係.xlsx");
    let out = ours.en(&["collect", returned.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("handed out from a copy of this data file (its handout 1 is not this data file's handout 1"),
        "{}",
        text(&out.stderr)
    );
    // Our own handout 1 still collects.
    let own = ours.en(&["collect", ours.path("うちの市民係.xlsx").to_str().unwrap()]);
    assert_eq!(own.status.code(), Some(0), "{}", text(&own.stderr));
}
