//! Reading the crate's own source for the scans that keep rules in place (the strings scans):
//! which files ship, the part of each that is not test code, and its string literals.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file at `path` (a file, or a folder walked in a stable order), but `tests.rs`
/// files: test code may say what it likes.
pub fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(path)
        .expect("a scanned folder")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            rust_files(&entry, out);
        } else if entry.extension().is_some_and(|e| e == "rs")
            && entry.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(entry);
        }
    }
}

/// The source before its inline `#[cfg(test)] mod … {`. A `#[cfg(test)] mod tests;` that
/// declares a sibling file does not end the scan: shipped code often follows it.
pub fn without_tests(source: &str) -> &str {
    let mut from = 0;
    while let Some(at) = source[from..].find("#[cfg(test)]") {
        let at = from + at;
        let rest = source[at + "#[cfg(test)]".len()..].trim_start();
        let first_line = rest.lines().next().unwrap_or("");
        if first_line.starts_with("mod ") && first_line.contains('{') {
            return &source[..at];
        }
        from = at + 1;
    }
    source
}

/// A string literal as written (escapes kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// The line it starts on, from 1.
    pub line: usize,
    pub text: String,
    /// The `fn`, `const` or `static` it is in, or `name!` for a macro called at the start of a
    /// line; empty before any.
    pub item: String,
    /// It is the message of an `expect(…)`: about a programmer's error, not for a clerk.
    pub in_expect: bool,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The string literals of Rust source: plain, raw (`r#"…"#`) and byte strings. Comments (line
/// and nested block), char literals and lifetimes are stepped over.
pub fn literals(source: &str) -> Vec<Literal> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut item) = (0, 1, String::new());
    let mut previous = String::new();
    let push = |out: &mut Vec<Literal>, at: usize, line: usize, text: String, item: &str| {
        let before: String = chars[at.saturating_sub(40)..at].iter().collect();
        out.push(Literal {
            line,
            text,
            item: item.to_string(),
            in_expect: before.trim_end().ends_with("expect("),
        });
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('x', '\n', '\u{3000}') or a lifetime ('a).
            if next == Some('\\') {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
            }
            continue;
        }
        if is_ident(c) {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let at = chars.get(i).copied();
            // A string prefix: r"…", r#"…"#, b"…", br"…".
            if matches!(word.as_str(), "r" | "b" | "br") && matches!(at, Some('"' | '#')) {
                let raw = word.contains('r');
                let mut hashes = 0;
                while raw && chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                if chars.get(i) == Some(&'"') {
                    let (text, end) = string_at(&chars, i, raw, hashes);
                    let lines = text.matches('\n').count();
                    push(&mut out, start, line, text, &item);
                    line += lines;
                    i = end;
                }
                continue;
            }
            if matches!(previous.as_str(), "fn" | "const" | "static") {
                item = word.clone();
            } else if (start == 0 || chars[start - 1] == '\n') && at == Some('!') {
                item = format!("{word}!");
            }
            previous = word;
            continue;
        }
        if c == '"' {
            let (text, end) = string_at(&chars, i, false, 0);
            let lines = text.matches('\n').count();
            push(&mut out, i, line, text, &item);
            line += lines;
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The text of the string whose opening quote is at `at`, and the index after it ends.
fn string_at(chars: &[char], at: usize, raw: bool, hashes: usize) -> (String, usize) {
    let mut i = at + 1;
    let mut text = String::new();
    while i < chars.len() {
        let c = chars[i];
        if !raw && c == '\\' {
            text.extend(chars.get(i..i + 2).unwrap_or_default());
            i += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
            return (text, i + 1 + hashes);
        }
        text.push(c);
        i += 1;
    }
    (text, i)
}
