//! No sentence is typed into the code of refusals and failures: each lives in `strings::errors`
//! (its English in `strings::en::errors`), so a catalogue per language covers them all. The scan
//! reads the non-test source of the layers whose errors a person sees and fails on any literal
//! that reads like prose: an ASCII word of three letters or more followed by a space and another
//! word, or any kana or kanji.

mod common;

use std::fs;
use std::path::Path;

use common::source::{literals, rust_files, without_tests};

/// The layers whose messages live here, from the crate's root.
const SCANNED: &[&str] = &[
    "src/store",
    "src/model",
    "src/sheet",
    "src/config.rs",
    "src/engine",
    "src/find",
    "src/text",
    "src/platform",
    "src/exchange",
];

/// Items whose literals are data, not sentences: (file, or `*` for any; the item — a `fn`,
/// `const` or `static`, or `name!` for a macro called at the top of a file; why).
const ALLOWED_ITEMS: &[(&str, &str, &str)] = &[
    (
        "src/model/structure.rs",
        "activity_subject",
        "the change log's subject of an activity (⑴-ア-1 実施内容2): the one spelling, which store::edit's row_subject and the merge call",
    ),
    (
        "src/exchange/merge/value.rs",
        "LIST_SEPARATOR",
        "the sheet's list separator between status words",
    ),
    (
        "src/exchange/merge/target.rs",
        "note_subject",
        "the change log's subject of a meeting note (⑴-ア-1 会議 2026-11-28), as store::edit's row_subject spells it",
    ),
    (
        "*",
        "label_ja",
        "the sheet's vocabulary beside its type: 実績値, 達成, 未着手, 取込, 決定事項",
    ),
    (
        "src/model/plan.rs",
        "words!",
        "stored words with the Japanese aliases typed for them, and the list of them an unknown word's message shows",
    ),
    (
        "src/model/entry.rs",
        "clears_value",
        "the words typed to clear a value: none, and the sheet's なし",
    ),
    (
        "src/model/number.rs",
        "COUNTING_UNITS",
        "the sheet's units counted in whole things (件, 人, 回)",
    ),
    (
        "src/model/code.rs",
        "HALF_WIDTH_KANA",
        "the letters of a code, as typed",
    ),
    (
        "src/model/code.rs",
        "FULL_WIDTH_KANA",
        "the letters of a code, as stored",
    ),
    (
        "src/model/fold.rs",
        "FULL_KANA",
        "a folding table for matching",
    ),
    (
        "src/model/fold.rs",
        "VOICEABLE",
        "a folding table for matching",
    ),
    (
        "src/model/period/grammar.rs",
        "WORDS",
        "the words of a written 時期 that its parser reads (まで, 上旬, 通年, 随時)",
    ),
    (
        "src/model/period/grammar.rs",
        "ordinal",
        "the words of a written 時期 that its parser reads (第三四半期)",
    ),
    (
        "src/model/era.rs",
        "name",
        "the era's name as the sheet writes it (令和, 平成)",
    ),
    (
        "src/model/era.rs",
        "fmt",
        "a day in the era's own notation (令和元年5月1日), as a date is written, not a sentence",
    ),
    (
        "src/find/haystack.rs",
        "label",
        "the sheet's headings naming where a search hit is (積算方法, 評価内容)",
    ),
    (
        "src/store/edit.rs",
        "row_subject",
        "a change's subject as the change log stores it (⑴-ア-1 実施内容2)",
    ),
    (
        "src/exchange/csv.rs",
        "HEADERS",
        "the sheet's column headers a returned CSV is read by (目標コード, コード)",
    ),
    (
        "src/store/mod.rs",
        "SQLITE_HEADER",
        "the bytes SQLite writes at the start of a database",
    ),
    (
        "src/text/wrap.rs",
        "NO_LINE_START",
        "the characters Japanese line breaking keeps off a line's start",
    ),
];

/// Literals that stay where they are: (file, or `*` for any; the literal as written; why).
const ALLOWED_LITERALS: &[(&str, &str, &str)] = &[
    ("*", "ー", "the sheet's mark for no value"),
    (
        "src/model/date.rs",
        "令和{}年度",
        "a fiscal year's name as the sheet prints it",
    ),
    (
        "src/model/date.rs",
        "令和{}年度 (FY{})",
        "a fiscal year's name as the sheet prints it",
    ),
    (
        "src/store/load.rs",
        "plan achieved_threshold",
        "a damaged value's place: table and column, as codec's Place names them",
    ),
    (
        "src/store/load.rs",
        "plan near_threshold",
        "a damaged value's place: table and column, as codec's Place names them",
    ),
];

/// A literal with one of these words, in capitals, is SQL, which speaks to SQLite.
const SQL: &[&str] = &[
    "SELECT", "FROM", "WHERE", "INSERT", "UPDATE", "CREATE", "ALTER", "PRAGMA", "BEGIN", "CASE",
    "AND",
];

fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // kanji
        | '\u{4e00}'..='\u{9fff}' // kanji
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
    )
}

/// An ASCII word of three letters or more, a space, and another word; or any kana/kanji.
fn looks_like_prose(text: &str) -> bool {
    if text.chars().any(is_japanese) {
        return true;
    }
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            run += 1;
            continue;
        }
        if *b == b' ' && run >= 3 && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            return true;
        }
        run = 0;
    }
    false
}

fn is_sql(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .any(|word| SQL.contains(&word))
}

fn applies(file: &str, to: &str) -> bool {
    to == "*" || to == file
}

#[test]
fn no_sentence_is_typed_outside_the_strings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for scanned in SCANNED {
        rust_files(&root.join(scanned), &mut files);
    }
    assert!(files.len() > 40, "the scan found the sources: {files:?}");
    let mut used_items = vec![false; ALLOWED_ITEMS.len()];
    let mut used_literals = vec![false; ALLOWED_LITERALS.len()];
    let mut typed = Vec::new();
    for file in &files {
        let name = file
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let source = fs::read_to_string(file).expect("readable source");
        for literal in literals(without_tests(&source)) {
            if !looks_like_prose(&literal.text) || is_sql(&literal.text) {
                continue;
            }
            let item = ALLOWED_ITEMS
                .iter()
                .position(|(f, item, _)| applies(&name, f) && *item == literal.item);
            let exact = ALLOWED_LITERALS
                .iter()
                .position(|(f, text, _)| applies(&name, f) && *text == literal.text);
            match (item, exact) {
                (Some(k), _) => used_items[k] = true,
                (None, Some(k)) => used_literals[k] = true,
                (None, None) => typed.push(format!(
                    "{name}:{}: \"{}\"{}",
                    literal.line,
                    literal.text,
                    match literal.item.as_str() {
                        "" => String::new(),
                        item => format!(" (in {item})"),
                    }
                )),
            }
        }
    }
    assert!(
        typed.is_empty(),
        "sentences typed outside src/strings (move each into src/strings/errors.rs and src/strings/en/errors.rs, or \
             allow it here with a reason):\n{}",
        typed.join("\n")
    );
    let stale: Vec<&str> = ALLOWED_ITEMS
        .iter()
        .zip(&used_items)
        .filter(|(_, used)| !**used)
        .map(|((_, item, _), _)| *item)
        .chain(
            ALLOWED_LITERALS
                .iter()
                .zip(&used_literals)
                .filter(|(_, used)| !**used)
                .map(|((_, text, _), _)| *text),
        )
        .collect();
    assert!(stale.is_empty(), "allowed but no longer there: {stale:?}");
}

#[test]
fn the_scan_catches_a_sentence_and_passes_glue() {
    let source = "\
/// A doc comment's words are not shown.
#[derive(thiserror::Error)]
enum E {
    #[error(\"nothing of yours to undo\")]
    A,
    #[error(\"{0}: {1}\")]
    B(String, String),
}
fn f<'a>(x: &'a str) -> char {
    let _ = format!(\"値が不正です\"); '\\''
}
static Q: &'static str = r#\"a \"quoted\" word here\"#;
#[cfg(test)]
mod tests {
    const T: &str = \"test text is fine\";
}
";
    let found: Vec<(usize, String)> = literals(without_tests(source))
        .into_iter()
        .filter(|l| looks_like_prose(&l.text))
        .map(|l| (l.line, l.item))
        .collect();
    assert_eq!(
        found,
        [
            (4, String::new()),
            (10, "f".to_string()),
            (12, "Q".to_string())
        ]
    );
    assert!(is_sql("SELECT id FROM plan WHERE slug = ?1"));
    assert!(!is_sql("select the plan"));
}
