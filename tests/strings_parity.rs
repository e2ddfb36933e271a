//! Every language's words are its own, written out field for field.
//!
//! The compiler insists every field of a shape has a value in each language; it does not see a
//! value borrowed from another language (`..EN`, `cli: super::en::cli::EN`), nor an English
//! sentence pasted into the Japanese file. This test reads the value files — `src/strings/en/`
//! and `src/strings/ja/`, one file (or folder) per area — and holds:
//!
//! - (a) every struct literal has the same fields in both languages, matched by where it sits
//!   (`Cli.help.global`): a field in one language and not the other fails, named with its file;
//! - (b) no language fills a literal with struct-update syntax (`..EN`);
//! - (c) `ja/mod.rs` takes every area from `ja`'s own modules, never from `en`;
//! - (d) no Japanese string (`&'static str`) is byte for byte its English one, but those in
//!   [`SAME`], each with its reason; an entry no longer needed fails too.
//!
//! One test per area, so an area still to be translated fails alone and by name.

#[path = "common/values.rs"]
mod values;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use values::{Literal, Value, items};

/// Strings the same in both languages: (area, where, the value, why).
const SAME: &[(&str, &str, &str, &str)] = &[
    (
        "tui",
        "Tui.dashboard.total",
        "計",
        "the dashboard's total column in the sheet's terms, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.goal",
        "目標",
        "the sheet's heading, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.achievement",
        "達成度",
        "the sheet's column, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.shortfall",
        "不足",
        "the card's label in the sheet's terms, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.method",
        "積算方法",
        "the sheet's heading, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.evaluation",
        "評価内容",
        "the sheet's heading, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.activities",
        "実施内容",
        "the sheet's heading, which English keeps",
    ),
    (
        "tui",
        "Tui.sheet.overdue",
        "期限超過",
        "the card's label in the sheet's terms, which English keeps",
    ),
    (
        "tui",
        "Tui.help.legend",
        "✓達成 ~概ね達成 ✗未達成 -評価なし ?未入力 !計算不可 ›編集",
        "the markers with the sheet's status words, which English keeps",
    ),
    (
        "tui",
        "Tui.hints.method",
        "積算方法",
        "the sheet's heading as the key's hint, which English keeps",
    ),
    (
        "tui",
        "Tui.hints.enter_actual",
        "実績値を入力",
        "the sheet's action in its own terms, which English keeps",
    ),
    (
        "tui",
        "Tui.hints.choose_milestone",
        "達成状況を選ぶ",
        "the sheet's action in its own terms, which English keeps",
    ),
    (
        "tui",
        "Tui.hints.edit_evaluation",
        "評価内容を編集",
        "the sheet's action in its own terms, which English keeps",
    ),
    (
        "tui",
        "Tui.hints.change_status",
        "状況を変更",
        "the sheet's action in its own terms, which English keeps",
    ),
    (
        "tui",
        "Tui.editor.actual",
        "実績値",
        "the sheet's field name as the editor's title, which English keeps",
    ),
    (
        "tui",
        "Tui.editor.milestone",
        "達成状況",
        "the sheet's field name as the editor's title, which English keeps",
    ),
    (
        "tui",
        "Tui.method.unit",
        "単位",
        "the sheet's label, which English keeps",
    ),
    (
        "tui",
        "Tui.method.formula",
        "算式",
        "the sheet's label, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.area",
        "施策",
        "the dashboard's column in the sheet's terms, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.achieved",
        "達成",
        "the sheet's status word (two cells), which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.near",
        "概ね",
        "the sheet's status word cut to its column, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.shortfall",
        "未達",
        "the sheet's status word cut to its column, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.not_graded",
        "なし",
        "the sheet's status word cut to its column, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.no_actual",
        "未入",
        "the status word cut to its column, which English keeps",
    ),
    (
        "tui",
        "Tui.dashboard.not_computable",
        "不可",
        "the status word cut to its column, which English keeps",
    ),
    (
        "cli",
        "Cli.backup.yes",
        "yes",
        "the answer restore's question asks to be typed: ASCII, as `--yes` is",
    ),
    (
        "report",
        "Report.milestone.achieved",
        "達成",
        "the sheet's status word, which English keeps too",
    ),
    (
        "report",
        "Report.milestone.not_achieved",
        "未達成",
        "the sheet's status word, which English keeps too",
    ),
    (
        "report",
        "Report.milestone.not_graded",
        "評価なし",
        "the sheet's status word, which English keeps too",
    ),
    (
        "report",
        "Report.milestone.unset",
        "未入力",
        "the card's word for a milestone nobody set, beside the sheet's status words",
    ),
    (
        "report",
        "Report.card.printed",
        "シート記載",
        "a card label in the sheet's terms, which English keeps",
    ),
    (
        "report",
        "Report.card.achievement",
        "達成度",
        "the sheet's column, which English keeps",
    ),
    (
        "report",
        "Report.card.calculation",
        "計算",
        "a card label in the sheet's terms, which English keeps",
    ),
    (
        "report",
        "Report.card.shortfall",
        "不足",
        "a card label in the sheet's terms, which English keeps",
    ),
    (
        "report",
        "Report.years.previous",
        "前年度",
        "the dashboard's column in the sheet's terms, which English keeps",
    ),
    (
        "report",
        "Report.card.formula",
        "算式",
        "a card label in the sheet's terms, which English keeps",
    ),
    (
        "errors",
        "Errors.calculation.ratio",
        "実績値 ÷ 目標値 × 100",
        "a formula written in the sheet's terms and signs: nothing in it is English",
    ),
    (
        "errors",
        "Errors.calculation.from_baseline",
        "(実績値 - 基準値) ÷ (目標値 - 基準値) × 100",
        "a formula written in the sheet's terms and signs: nothing in it is English",
    ),
];

/// The value files' folder.
fn strings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/strings")
}

/// An area's value files in a language: `{lang}/{area}.rs` and anything in `{lang}/{area}/`.
fn area_files(lang: &str, area: &str) -> Vec<PathBuf> {
    let dir = strings_dir().join(lang);
    let mut files = Vec::new();
    let file = dir.join(format!("{area}.rs"));
    if file.is_file() {
        files.push(file);
    }
    let folder = dir.join(area);
    if folder.is_dir() {
        let mut inner: Vec<PathBuf> = fs::read_dir(&folder)
            .expect("a readable folder")
            .map(|e| e.expect("a folder entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        inner.sort();
        files.extend(inner);
    }
    files
}

/// The path shown in a failure, from the crate's root.
fn shown(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// An area's struct-literal items in one language, with the file each is in.
fn area_items(lang: &str, area: &str) -> BTreeMap<String, (Literal, String)> {
    let mut out = BTreeMap::new();
    for file in area_files(lang, area) {
        let source = fs::read_to_string(&file).expect("a readable value file");
        for (name, literal) in items(&source) {
            out.insert(name, (literal, shown(&file)));
        }
    }
    out
}

/// The area's root: the item whose type is the area's shape (`Cli` for `cli`), with every field
/// naming another item of the area replaced by that item, so languages that split their
/// values differently still compare field for field.
fn root(items: &BTreeMap<String, (Literal, String)>, area: &str) -> Option<(Literal, String)> {
    let ty: String = area[..1].to_uppercase() + &area[1..];
    let (literal, file) = items.values().find(|(l, _)| l.ty == ty)?;
    Some((resolve(literal, items, 0), file.clone()))
}

fn resolve(
    literal: &Literal,
    items: &BTreeMap<String, (Literal, String)>,
    depth: usize,
) -> Literal {
    let mut out = literal.clone();
    for (_, value) in &mut out.fields {
        let named = match value {
            Value::Expr(name) => items.get(name.as_str()).map(|(l, _)| l),
            _ => None,
        };
        if let Some(named) = named.filter(|_| depth < 16) {
            *value = Value::Struct(resolve(named, items, depth + 1));
        } else if let Value::Struct(inner) = value {
            *inner = resolve(inner, items, depth + 1);
        }
    }
    out
}

/// What differs between an English and a Japanese literal at `at`; the strings that are the
/// same in both go to `same`.
fn compare(
    at: &str,
    en: &Literal,
    ja: &Literal,
    files: (&str, &str),
    wrong: &mut Vec<String>,
    same: &mut Vec<(String, String)>,
) {
    let (en_file, ja_file) = files;
    let names =
        |l: &Literal| -> BTreeSet<String> { l.fields.iter().map(|(n, _)| n.clone()).collect() };
    let (en_names, ja_names) = (names(en), names(ja));
    for missing in en_names.difference(&ja_names) {
        wrong.push(format!(
            "{ja_file}: {at}.{missing} is in English ({en_file}) but not in Japanese"
        ));
    }
    for extra in ja_names.difference(&en_names) {
        wrong.push(format!(
            "{ja_file}: {at}.{extra} is in Japanese but not in English ({en_file})"
        ));
    }
    for (name, ja_value) in &ja.fields {
        let Some(en_value) = en.field(name) else {
            continue;
        };
        let here = format!("{at}.{name}");
        match (en_value, ja_value) {
            (Value::Struct(e), Value::Struct(j)) => compare(&here, e, j, files, wrong, same),
            (Value::Str(e), Value::Str(j)) if e == j => same.push((here, j.clone())),
            (_, Value::Expr(expr)) if borrows_english(expr) => {
                wrong.push(format!("{ja_file}: {here} borrows English: {expr}"));
            }
            (Value::Struct(_), Value::Expr(expr)) => wrong.push(format!(
                "{ja_file}: {here} is `{expr}`, not written out as English's is ({en_file})"
            )),
            _ => {}
        }
    }
}

/// An expression that takes English's value: `super::en::…`, `EN`, `HELP_EN`, `en::cli::HELP`.
fn borrows_english(expr: &str) -> bool {
    expr.contains("en::")
        || expr
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| word == "EN" || word.ends_with("_EN"))
}

/// Every check of one area; the failures, one line each.
fn area_failures(area: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    // (c) ja/mod.rs: the area's module is declared and its value taken from it.
    let mod_rs = strings_dir().join("ja/mod.rs");
    let mod_source = fs::read_to_string(&mod_rs).expect("src/strings/ja/mod.rs");
    if !mod_source.contains(&format!("pub mod {area};")) {
        wrong.push(format!(
            "src/strings/ja/mod.rs: no `pub mod {area};`: the Japanese {area} has no module of its own"
        ));
    }
    let ja_strings = items(&mod_source);
    match ja_strings
        .values()
        .find(|l| l.ty == "Strings")
        .and_then(|l| l.field(area))
    {
        Some(Value::Expr(expr))
            if borrows_english(expr) || !expr.starts_with(&format!("{area}::")) =>
        {
            wrong.push(format!(
                "src/strings/ja/mod.rs: `{area}: {expr}`: JA's {area} must be `{area}::JA`, its own \
                 module's value, not English's"
            ));
        }
        Some(Value::Expr(_)) => {}
        other => wrong.push(format!("src/strings/ja/mod.rs: JA's {area} is {other:?}")),
    }
    // (a), (d): the area's literals, from the root down.
    let (en_items, ja_items) = (area_items("en", area), area_items("ja", area));
    let Some((en_root, en_file)) = root(&en_items, area) else {
        wrong.push(format!(
            "src/strings/en/{area}.rs: no English value of the {area} shape found"
        ));
        return wrong;
    };
    let Some((ja_root, ja_file)) = root(&ja_items, area) else {
        wrong.push(format!(
            "src/strings/ja/{area}.rs: missing, or holds no value of the {area} shape: the Japanese \
             {area} is not written out yet"
        ));
        return wrong;
    };
    let mut same = Vec::new();
    compare(
        &en_root.ty,
        &en_root,
        &ja_root,
        (&en_file, &ja_file),
        &mut wrong,
        &mut same,
    );
    let allowed: Vec<_> = SAME.iter().filter(|(a, ..)| *a == area).collect();
    for (at, value) in &same {
        if !allowed.iter().any(|(_, w, v, _)| w == at && v == value) {
            wrong.push(format!(
                "{ja_file}: {at} is English's value {value:?}, byte for byte: translate it, or add \
                 it to SAME with the reason it is the same in both"
            ));
        }
    }
    for (_, at, value, _) in allowed {
        if !same.iter().any(|(w, v)| w == at && v == value) {
            wrong.push(format!(
                "tests/strings_parity.rs: SAME lists {at} = {value:?}, which is no longer the same \
                 in both languages: remove it"
            ));
        }
    }
    wrong
}

fn assert_written_out(area: &str) {
    let wrong = area_failures(area);
    assert!(
        wrong.is_empty(),
        "the Japanese {area} is not its own, written out field for field:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_japanese_command_line_is_written_out() {
    assert_written_out("cli");
}

#[test]
fn the_japanese_errors_are_written_out() {
    assert_written_out("errors");
}

#[test]
fn the_japanese_reports_are_written_out() {
    assert_written_out("report");
}

/// Fails until the TUI's translation (`src/strings/ja/tui.rs`, written beside this work) is
/// merged: until then `ja/mod.rs` borrows the English TUI, and this test says so.
#[test]
fn the_japanese_tui_is_written_out() {
    assert_written_out("tui");
}

#[test]
fn the_japanese_exchange_is_written_out() {
    assert_written_out("exchange");
}

#[test]
fn no_language_fills_a_gap_with_struct_update() {
    let mut found = Vec::new();
    let mut files = 0;
    for lang in ["en", "ja"] {
        let mut paths = Vec::new();
        collect(&strings_dir().join(lang), &mut paths);
        for path in paths {
            files += 1;
            let source = fs::read_to_string(&path).expect("a readable value file");
            for (name, literal) in items(&source) {
                updates(&shown(&path), &name, &literal, &mut found);
            }
        }
    }
    assert!(files >= 5, "the value files were found ({files})");
    assert!(
        found.is_empty(),
        "struct update fills fields from another value; write each field out:\n{}",
        found.join("\n")
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out);
        } else if entry.extension().is_some_and(|e| e == "rs") {
            out.push(entry);
        }
    }
}

fn updates(file: &str, at: &str, literal: &Literal, found: &mut Vec<String>) {
    if literal.update {
        found.push(format!("{file}: {at} ({}) ends in `..`", literal.ty));
    }
    for (name, value) in &literal.fields {
        if let Value::Struct(inner) = value {
            updates(file, &format!("{at}.{name}"), inner, found);
        }
    }
}

#[test]
fn the_english_values_are_read_whole() {
    // A reader that found nothing would pass every check above.
    for (area, at_least) in [("cli", 100), ("errors", 150), ("report", 30)] {
        let items = area_items("en", area);
        let (root, _) = root(&items, area).expect("the English root");
        assert!(
            leaves(&root) >= at_least,
            "{area}: only {} values read",
            leaves(&root)
        );
    }
}

fn leaves(literal: &Literal) -> usize {
    literal
        .fields
        .iter()
        .map(|(_, v)| match v {
            Value::Struct(inner) => leaves(inner),
            _ => 1,
        })
        .sum()
}

#[test]
fn the_reader_reads_closures_nested_literals_and_struct_update() {
    let source = r##"
        use x::{A, B};
        /// A doc comment with "quotes".
        pub const INNER: B = B { word: r#"raw "text""#, n: |a, b| format!("{a}, {b}") };
        fn helper(x: &str) -> &str { match x { "a" => "b", other => other } }
        pub const EN: A = A {
            // a comment: `..` here is nothing
            plain: "line one \
                    line two",
            closure: |n| match n { 1 => "one".to_string(), n => format!("{n}, more") },
            inner: INNER,
            nested: C { deep: "deep", chars: |c| c == '\'' },
            ..super::en::EN
        };
    "##;
    let found = items(source);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["EN", "INNER"]);
    let en = &found["EN"];
    let names: Vec<&str> = en.fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["plain", "closure", "inner", "nested"]);
    assert!(en.update);
    assert_eq!(
        en.field("plain"),
        Some(&Value::Str("line one line two".into()))
    );
    assert_eq!(en.field("inner"), Some(&Value::Expr("INNER".into())));
    let Some(Value::Struct(nested)) = en.field("nested") else {
        panic!("a nested literal: {:?}", en.field("nested"));
    };
    assert_eq!(nested.field("deep"), Some(&Value::Str("deep".into())));
    let inner = &found["INNER"];
    assert_eq!(
        inner.field("word"),
        Some(&Value::Str("raw \"text\"".into()))
    );
    assert!(matches!(inner.field("n"), Some(Value::Expr(_))));
    assert!(!inner.update);
    assert!(borrows_english("super::en::tui::EN"));
    assert!(borrows_english("HELP_EN"));
    assert!(!borrows_english("tui::JA"));
    assert!(!borrows_english("|line|format!(\"tassei: {line}\")"));
}

#[test]
fn a_field_in_one_language_only_is_named_with_its_file() {
    let en = items(
        r#"pub const EN: Cli = Cli { said: Said { yes: "yes", no: "no" }, words: "words" };"#,
    );
    let ja = items(
        r#"pub const JA: Cli = Cli { said: Said { yes: "はい", maybe: "たぶん" }, words: "words" };"#,
    );
    let (mut wrong, mut same) = (Vec::new(), Vec::new());
    compare(
        "Cli",
        &en["EN"],
        &ja["JA"],
        ("en.rs", "ja.rs"),
        &mut wrong,
        &mut same,
    );
    assert_eq!(
        wrong,
        [
            "ja.rs: Cli.said.no is in English (en.rs) but not in Japanese",
            "ja.rs: Cli.said.maybe is in Japanese but not in English (en.rs)",
        ]
    );
    assert_eq!(same, [("Cli.words".to_string(), "words".to_string())]);
}

#[test]
fn the_japanese_structure_words_are_written_out() {
    assert_written_out("structure");
}

#[test]
fn the_japanese_outline_words_are_written_out() {
    assert_written_out("outline");
}
