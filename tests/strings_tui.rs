//! The TUI holds no sentence of its own: every word a person reads on screen comes from
//! `strings::tui`, so a second language is one more value there, not an edit in every view.
//!
//! This test reads the TUI's source (`src/tui/`, up to an inline `#[cfg(test)] mod … {`,
//! without its `tests.rs` files) and fails on any string literal that looks like prose: an ASCII word of
//! three letters or more followed by a space and another word, or any kana or kanji. Layout
//! glue (`"{}  {}"`, `" › "`), key names (`"Enter"`, made into labels by the keymap) and
//! single-character marks pass on their own; the few literals that legitimately stay are
//! listed in [`ALLOWED`] with the reason.

mod common;

use std::fs;
use std::path::Path;

use common::source::{rust_files, without_tests};

/// Literals that look like prose but are not chrome, by the file (under `src/tui/`) that holds
/// them: (file, literal as written in the source, why it stays).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "text.rs",
        "・",
        "the chrome-safe stand-in for · and • in the table of ambiguous-width glyphs: a mark",
    ),
    (
        "view/method.rs",
        "ー",
        "the sheet's own mark for a figure not given (a goal without a unit): data",
    ),
    (
        "view/card.rs",
        "・",
        "joins the 担当係 names of an activity, as the sheet writes them: a separator",
    ),
    (
        "view/review.rs",
        "・",
        "joins the 担当係 names of an activity, as the sheet writes them: a separator",
    ),
];

#[test]
fn the_tui_types_no_sentence_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 30, "the TUI's files were found: {files:?}");
    let mut found = Vec::new();
    let mut allowed_seen = vec![false; ALLOWED.len()];
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .expect("under src/tui")
            .to_string_lossy()
            .replace('\\', "/");
        let source = fs::read_to_string(path).expect("readable source");
        for (line, literal) in literals(without_tests(&source)) {
            if !looks_like_prose(&literal) {
                continue;
            }
            match ALLOWED
                .iter()
                .position(|(file, text, _)| *file == name && *text == literal)
            {
                Some(k) => allowed_seen[k] = true,
                None => found.push(format!("src/tui/{name}:{line}: {literal:?}")),
            }
        }
    }
    assert!(
        found.is_empty(),
        "words a person reads belong in src/strings/tui.rs (English: en/tui.rs), not in the TUI's code:\n{}",
        found.join("\n")
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .zip(&allowed_seen)
        .filter(|(_, seen)| !**seen)
        .map(|((file, text, _), _)| format!("{file}: {text:?}"))
        .collect();
    assert!(
        stale.is_empty(),
        "allowed literals no longer in the code; drop them from ALLOWED: {stale:?}"
    );
}

/// The scanner itself: a sentence in a view fails it, glue and key names do not.
#[test]
fn the_scan_catches_a_sentence_and_passes_glue() {
    let source = r##"
        let a = format!(" {}  {}", x, y); // "a comment with words" is no literal
        let b = "press Enter to open one first";
        let c = '"'; let d: &'static str = "Shift-Tab";
        /* "in a block comment too" */
        let e = r#"raw "and" quoted text"#;
        let f = "未達成";
        let g = "ok";
        #[cfg(test)]
        mod tests;
        let h = "after a test module's declaration";
        #[cfg(test)]
        mod more {
            let i = "test-only words here";
        }
    "##;
    let flagged: Vec<(usize, String)> = literals(without_tests(source))
        .into_iter()
        .filter(|(_, l)| looks_like_prose(l))
        .collect();
    assert_eq!(
        flagged,
        vec![
            (3, "press Enter to open one first".to_string()),
            (6, "raw \"and\" quoted text".to_string()),
            (7, "未達成".to_string()),
            (11, "after a test module's declaration".to_string()),
        ]
    );
}

/// The literals of shipped source, with the line each starts on.
fn literals(source: &str) -> Vec<(usize, String)> {
    common::source::literals(source)
        .into_iter()
        .map(|l| (l.line, l.text))
        .collect()
}

/// Prose: an ASCII word of three letters or more, a space and another word; or any kana or
/// kanji (the marks ・ and ー too: the few that stay are allowed by name).
fn looks_like_prose(text: &str) -> bool {
    let japanese = text.chars().any(|c| {
        matches!(c,
            '\u{3041}'..='\u{309F}'
            | '\u{30A0}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}')
    });
    let chars: Vec<char> = text.chars().collect();
    let mut run = 0;
    let mut words = false;
    for (k, c) in chars.iter().enumerate() {
        if c.is_ascii_alphabetic() {
            run += 1;
            continue;
        }
        if run >= 3 && *c == ' ' && chars.get(k + 1).is_some_and(|n| n.is_ascii_alphabetic()) {
            words = true;
        }
        run = 0;
    }
    japanese || words
}

/// The TUI's words in every language (`src/strings/<lang>/tui.rs`) are chrome: they hold no
/// ambiguous-width character (⑴ ① ※ → ×, one cell in ratatui and two in some terminals, which
/// would push a row out of line), and their numbers are ASCII digits (a full-width ２ in a
/// title misaligns nothing but reads as data, not chrome).
#[test]
fn the_tui_words_of_every_language_are_chrome_safe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/strings");
    let mut languages: Vec<_> = fs::read_dir(&root)
        .expect("src/strings")
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("tui.rs"))
        .filter(|path| path.is_file())
        .collect();
    languages.sort();
    let names: Vec<String> = languages
        .iter()
        .filter_map(|p| p.parent()?.file_name()?.to_str().map(str::to_string))
        .collect();
    assert!(
        names.contains(&"en".to_string()) && names.contains(&"ja".to_string()),
        "both languages' TUI words were found: {names:?}"
    );
    let mut found = Vec::new();
    for (path, name) in languages.iter().zip(&names) {
        let source = fs::read_to_string(path).expect("readable source");
        for (line, literal) in literals(without_tests(&source)) {
            let ambiguous: String = literal
                .chars()
                .filter(|c| tassei::text::is_ambiguous(*c))
                .collect();
            let wide_digits = literal.chars().any(|c| ('０'..='９').contains(&c));
            if !ambiguous.is_empty() || wide_digits {
                found.push(format!("{name}/tui.rs:{line}: {literal:?} ({ambiguous})"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "ambiguous-width characters or full-width digits in the TUI's words:\n{}",
        found.join("\n")
    );
}

/// The scan above sees what it is for: an ambiguous glyph and a full-width digit.
#[test]
fn the_chrome_scan_knows_ambiguous_glyphs() {
    for c in ['⑴', '①', '※', '→', '×', '…'] {
        assert!(tassei::text::is_ambiguous(c), "{c}");
    }
    for c in [
        '✓', '✗', '›', '「', '」', '、', '。', '・', '（', '）', 'ー',
    ] {
        assert!(!tassei::text::is_ambiguous(c), "{c}");
    }
}
