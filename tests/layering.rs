//! The layering rules, checked on the source: every `crate::…` and `super::…` path in
//! `src/**/*.rs` is resolved to the top-level module it reaches, and an edge a rule forbids
//! fails the test naming the file, the line and the rule. `main.rs` (the binary, which picks a
//! front end) is the one place that may use both front ends.

use std::fs;
use std::path::{Path, PathBuf};

/// A rule: no module in `from` may name a module in `to`.
struct Rule {
    from: &'static [&'static str],
    to: &'static [&'static str],
    /// What the rule protects.
    why: &'static str,
}

/// The rules, one per boundary. ARCHITECTURE is written from this table.
const RULES: &[Rule] = &[
    Rule {
        from: &["cli"],
        to: &["tui"],
        why: "the CLI runs without a terminal UI: main.rs picks the front end, and scripts never pull in ratatui state",
    },
    Rule {
        from: &["tui"],
        to: &["cli"],
        why: "the TUI is a front end beside the CLI, not over it: what both need lives in session",
    },
    Rule {
        from: &["session"],
        to: &["cli", "tui"],
        why: "the shared opening (config, data file, day's copy, plan) favours neither front end",
    },
    Rule {
        from: &[
            "exchange", "store", "model", "engine", "report", "sheet", "find", "text", "strings",
            "config", "platform",
        ],
        to: &["cli", "tui"],
        why: "the domain and the data file know no front end, so the rules live in one place and a new front end needs no change there",
    },
    Rule {
        from: &["exchange"],
        to: &["cli", "tui", "session"],
        why: "handing out and collecting is one domain step both front ends will run: it names no front end and opens nothing itself",
    },
    Rule {
        from: &[
            "store", "model", "engine", "report", "sheet", "find", "text", "strings", "config",
            "platform",
        ],
        to: &["exchange"],
        why: "the exchange sits above the store and the report (it reads the plan, writes through Store::collect, lays out through report::workbook): nothing below may lean on it",
    },
    Rule {
        from: &["model"],
        to: &["store"],
        why: "the model is plain data: no I/O, usable and testable without a database (stored words live in the store's codec)",
    },
    Rule {
        from: &["strings", "text"],
        to: &[
            "session", "store", "report", "engine", "sheet", "find", "config", "model", "platform",
        ],
        why: "words and text measures are leaves every layer may use: they must not pull a layer in with them",
    },
    Rule {
        from: &["platform"],
        to: &[
            "session", "store", "report", "engine", "sheet", "find", "config", "model", "text",
        ],
        why: "the operating system's calls are a leaf every layer may use (its words come from strings): the decisions it makes are about the system, never the sheet",
    },
];

#[test]
fn no_module_crosses_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "the scan found the sources: {files:?}");
    let mut broken = Vec::new();
    let mut edges = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let Some(module) = module_path(relative) else {
            continue; // main.rs
        };
        let text = fs::read_to_string(file).expect("readable source");
        for (line, target) in edges_in(&module, &text) {
            edges += 1;
            let from = module.first().map(String::as_str).unwrap_or("");
            for rule in RULES {
                if rule.from.contains(&from) && rule.to.contains(&target.as_str()) {
                    broken.push(format!(
                        "src/{}:{line}: {from} ↛ {target} ({})",
                        relative.display(),
                        rule.why
                    ));
                }
            }
        }
    }
    assert!(edges > 50, "the scan found the crate's paths ({edges})");
    // A path through a name the crate root re-exports (`pub use tui::App;` then `crate::App`)
    // would hide its layer from the rules: every edge must name a top-level module.
    let modules = top_level_modules(&src);
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let Some(module) = module_path(relative) else {
            continue;
        };
        let text = fs::read_to_string(file).expect("readable source");
        for (line, target) in edges_in(&module, &text) {
            if !modules.contains(&target) {
                broken.push(format!(
                    "src/{}:{line}: crate::{target} is not a top-level module: name the module that owns it",
                    relative.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "forbidden edges:\n{}", broken.join("\n"));
}

/// The crate's top-level modules, as `lib.rs` declares them (`pub mod cli;` …).
fn top_level_modules(src: &Path) -> Vec<String> {
    let lib = fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let modules: Vec<String> = lib
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or(line.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').trim().to_string())
        })
        .collect();
    assert!(
        modules.len() > 10,
        "lib.rs declares the modules: {modules:?}"
    );
    modules
}

#[test]
fn the_scanner_resolves_crate_super_and_grouped_paths() {
    let cli = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let text = "use crate::tui::app::App;\n\
                // use crate::store; a comment is not a path\n\
                use crate::{model::Plan, report};\n\
                let x = super::super::engine::grade(g);\n\
                use super::{Failure, Session};\n\
                use crate::{\n    cli,\n    tui::App,\n};\n";
    let found: Vec<(usize, String)> = edges_in(&cli(&["cli", "set"]), text);
    let targets: Vec<(usize, &str)> = found.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        targets,
        [
            (1, "tui"),
            (3, "model"),
            (3, "report"),
            (4, "engine"),
            (5, "cli"),
            (5, "cli"),
            (6, "cli"),
            (6, "tui")
        ]
    );
    // A `//` inside a string is not a comment; one after a `'"'` character is.
    assert_eq!(
        without_comment(r#"let url = "http://x"; // crate::tui"#),
        r#"let url = "http://x"; "#
    );
    assert_eq!(
        without_comment(r#"if c == '"' { x } // note"#),
        r#"if c == '"' { x } "#
    );
    // `super::` from a module's own `mod.rs` leaves it.
    assert_eq!(
        edges_in(&cli(&["cli"]), "use super::tui::run;"),
        [(1, "tui".to_string())]
    );
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file under `src/` defines (`cli/set.rs` → `cli::set`, `cli/mod.rs` → `cli`,
/// `lib.rs` → the crate root); none for the binary's `main.rs`.
fn module_path(relative: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    match last.as_str() {
        "main.rs" if parts.is_empty() => return None,
        "lib.rs" if parts.is_empty() => {}
        "mod.rs" => {}
        file => parts.push(file.trim_end_matches(".rs").to_string()),
    }
    Some(parts)
}

/// The top-level modules that `text`, the source of `module`, names through `crate::` or
/// `super::` paths, with their line numbers. Comments are skipped. `super` is resolved from the
/// file's module (an inline `mod tests` is taken as the file's module: its `super::*` stays
/// in the same top-level module either way).
fn edges_in(module: &[String], text: &str) -> Vec<(usize, String)> {
    // Comments out, lines kept: a grouped `use crate::{…}` may span lines.
    let code: String = text
        .lines()
        .map(without_comment)
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some((start, keyword)) = next_path(&code[offset..]) {
        let at = offset + start;
        let line = code[..at].matches('\n').count() + 1;
        let mut tail = &code[at + keyword.len()..];
        let mut within: Vec<String> = module.to_vec();
        if keyword == "crate::" {
            within.clear();
        } else {
            within.pop();
            while let Some(after) = tail.strip_prefix("super::") {
                within.pop();
                tail = after;
            }
        }
        let names = match tail.strip_prefix('{') {
            Some(group) => group_heads(group),
            None => vec![ident(tail).to_string()],
        };
        for name in names {
            let top = within.first().cloned().unwrap_or(name);
            if !top.is_empty() {
                found.push((line, top));
            }
        }
        offset = code.len() - tail.len();
    }
    found
}

/// A line without its `//` comment; a `//` inside a string literal (`"http://…"`) is text.
fn without_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            // `'"'` is a character, not the start of a string.
            b'"' if i > 0 && bytes[i - 1] == b'\'' && bytes.get(i + 1) == Some(&b'\'') => {}
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Where the next `crate::` or `super::` path starts in `text` (as a whole word).
fn next_path(text: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for keyword in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(keyword) {
            let at = from + i;
            let word_start = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '$'));
            if word_start {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, keyword));
                }
                break;
            }
            from = at + keyword.len();
        }
    }
    best
}

/// The leading identifier of `text`.
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first name of each item of a `{a::b, c, d::{e, f}}` group, up to its closing brace.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            c if item_start && !c.is_whitespace() => {
                item_start = false;
                let name = ident(&group[i..]);
                if !name.is_empty() && name != "self" {
                    heads.push(name.to_string());
                }
            }
            _ => {}
        }
    }
    heads
}
