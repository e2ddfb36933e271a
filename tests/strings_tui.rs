//! The TUI holds no sentence of its own: every word a person reads on screen comes from
//! `strings::tui`, so a second language is one more value there, not an edit in every view.
//!
//! This test reads the TUI's source (`src/tui/`, up to each file's `#[cfg(test)]`, without its
//! `tests.rs` files) and fails on any string literal that looks like prose: an ASCII word of
//! three letters or more followed by a space and another word, or any kana or kanji. Layout
//! glue (`"{}  {}"`, `" › "`), key names (`"Enter"`, made into labels by the keymap) and
//! single-character marks pass on their own; the few literals that legitimately stay are
//! listed in [`ALLOWED`] with the reason.

use std::fs;
use std::path::{Path, PathBuf};

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
        for (line, literal) in literals(non_test(&source)) {
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
    let flagged: Vec<(usize, String)> = literals(non_test(source))
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

/// Every `.rs` file under `dir`, but the `tests.rs` files, in a stable order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a source directory")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The source before its first `#[cfg(test)]` item with a body. A `#[cfg(test)]` on a line
/// of its own before `mod tests;` only names a test file (skipped anyway), so the scan goes on.
fn non_test(source: &str) -> &str {
    let mut at = 0;
    let mut lines = source.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            let declares = lines
                .peek()
                .is_some_and(|next| next.trim_end().ends_with(';'));
            if !declares {
                return &source[..at];
            }
        }
        at += line.len();
    }
    source
}

/// The string literals of Rust source, with the line each starts on (from 1); comments, char
/// literals and lifetimes skipped. Escapes are kept as written.
fn literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            'r' if (i == 0 || !ident(chars[i - 1]))
                && matches!(next, Some('"' | '#'))
                && raw_start(&chars, i + 1).is_some() =>
            {
                let (hashes, body) = raw_start(&chars, i + 1).expect("checked");
                let start_line = line;
                let mut j = body;
                let mut text = String::new();
                while let Some(&d) = chars.get(j) {
                    if d == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    if d == '\n' {
                        line += 1;
                    }
                    text.push(d);
                    j += 1;
                }
                out.push((start_line, text));
                i = j;
            }
            '"' => {
                let start_line = line;
                let mut j = i + 1;
                let mut text = String::new();
                while let Some(&d) = chars.get(j) {
                    match d {
                        '"' => break,
                        '\\' => {
                            text.push(d);
                            if let Some(&e) = chars.get(j + 1) {
                                if e == '\n' {
                                    line += 1;
                                }
                                text.push(e);
                            }
                            j += 2;
                            continue;
                        }
                        '\n' => line += 1,
                        _ => {}
                    }
                    text.push(d);
                    j += 1;
                }
                out.push((start_line, text));
                i = j + 1;
            }
            '\'' => {
                // A char literal ('a', '\n', '"') or a lifetime ('static).
                if next == Some('\\') {
                    let mut j = i + 3;
                    while j < chars.len() && chars[j] != '\'' {
                        j += 1;
                    }
                    i = j + 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// After an `r`: the number of `#` and where the raw string's text starts, if a raw string
/// starts at `at`.
fn raw_start(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let hashes = chars[at..].iter().take_while(|c| **c == '#').count();
    (chars.get(at + hashes) == Some(&'"')).then_some((hashes, at + hashes + 1))
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
