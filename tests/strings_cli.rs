//! Every sentence of the command line, the session and the shared text views lives in
//! `src/strings` (`strings().cli`, `strings().report`), so a catalogue per language can replace
//! it without touching a command. Two checks keep it so:
//!
//! - the source of `src/cli/`, `src/session/`, `src/report/` and `src/main.rs` (up to an
//!   inline `#[cfg(test)] mod … {`, `tests.rs` files skipped) holds no string literal that looks like prose —
//!   an ASCII word of 3 or more letters, then a space and another word or a `{placeholder}`, or
//!   any kana or kanji — except the few in [`ALLOWED`] and the files of data in
//!   [`ALLOWED_FILES`] (the workbook's sheet vocabulary), each with its reason;
//! - every text clap shows (about lines, arguments' help, headings, examples) is one of
//!   `strings().cli.help`'s, so a doc comment cannot slip into `--help` unnoticed.

mod common;

use std::fs;
use std::path::Path;

use common::source::{rust_files, without_tests};

use clap::CommandFactory;
use tassei::cli::Cli;
use tassei::strings::{Lang, pin_thread, strings};

/// What is scanned, from the crate's root.
const SCANNED: &[&str] = &["src/cli", "src/session", "src/report", "src/main.rs"];

/// Literals that look like prose and stay where they are: (file, the literal as written, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/cli/usage.rs",
        "For more information",
        "clap's own words, recognised to take its report apart; never shown",
    ),
    (
        "src/report/change.rs",
        "取込",
        "LoggedField::label_ja: the change log's label for an import, the sheet's vocabulary \
         beside its type (as FieldKey::label_ja)",
    ),
    (
        "src/report/change.rs",
        "計画",
        "LogEntry::label: the change log's label for a rollover's row (the plan it made), the \
         sheet's vocabulary beside its type (as 取込 for an import)",
    ),
    (
        "src/report/export.rs",
        "not graded (ー)",
        "a value of the export's `reason` column: data for a spreadsheet, the same in every \
         language (as the engine's reasons beside it)",
    ),
];

/// Files whose every literal is data, not a sentence: (file, why).
const ALLOWED_FILES: &[(&str, &str)] = &[(
    "src/report/workbook/words.rs",
    "the workbook's fixed words: sheet names, headers, status words and notes are the sheet's \
     vocabulary, Japanese in every interface language (as label_ja beside the model's types)",
)];

#[test]
fn no_sentence_is_written_outside_strings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for scanned in SCANNED {
        rust_files(&root.join(scanned), &mut files);
    }
    assert!(files.len() > 20, "the scan found the sources: {files:?}");
    let mut found = Vec::new();
    let mut used = vec![false; ALLOWED.len()];
    let mut used_files = vec![false; ALLOWED_FILES.len()];
    for file in &files {
        let relative = file
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let source = fs::read_to_string(file).expect("readable source");
        for (line, literal) in literals(without_tests(&source)) {
            if !looks_like_prose(&literal) {
                continue;
            }
            if let Some(at) = ALLOWED_FILES.iter().position(|(f, _)| *f == relative) {
                used_files[at] = true;
                continue;
            }
            match ALLOWED
                .iter()
                .position(|(f, text, _)| *f == relative && *text == literal)
            {
                Some(at) => used[at] = true,
                None => found.push(format!("{relative}:{line}: \"{literal}\"")),
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences outside src/strings (move each into strings().cli or strings().report, or \
         allow it in ALLOWED with its reason):\n{}",
        found.join("\n")
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((file, text, _), _)| format!("{file}: \"{text}\""))
        .chain(
            ALLOWED_FILES
                .iter()
                .zip(&used_files)
                .filter(|(_, used)| !**used)
                .map(|((file, _), _)| format!("{file} (the whole file)")),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "allowed literals no longer in the source (remove them from ALLOWED):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_scan_catches_a_new_sentence_and_passes_glue() {
    for prose in [
        "no changes yet",
        "backed up {} to {}",
        "tassei: {line}",
        "saved {} {label}",
        "未入力",
        "{r} 達成度 {}",
    ] {
        assert!(looks_like_prose(prose), "{prose:?} is prose");
    }
    for glue in [
        "{}  {}  ({})",
        "{current} {}",
        "{r}: {e}",
        "  {}. {}",
        "ー",
        "・",
        " / ",
        "initiative_title",
        "-wal",
        "yes|no|ungraded",
    ] {
        assert!(!looks_like_prose(glue), "{glue:?} is glue");
    }
    let source = "let a = 'x'; fn f<'a>(s: &'a str) { g(\"one two\", '\\'', r#\"raw words\"#, b\"by tes\"); }\n// \"not this comment\"\nlet z = \"last line\";";
    let found: Vec<_> = literals(source).into_iter().map(|(_, l)| l).collect();
    assert_eq!(found, ["one two", "raw words", "by tes", "last line"]);
    assert_eq!(literals(source).last().map(|(line, _)| *line), Some(3));
}

#[test]
fn every_help_text_comes_from_strings() {
    // In each language: the command is built from the words of the thread's language.
    for lang in [Lang::En, Lang::Ja] {
        let _lang = pin_thread(lang);
        // `add`, `remove` and `move` read theirs from the structure area, `set --plan-field`
        // and `--initiative` from the outline area.
        let catalogue = format!(
            "{:?}{:?}{:?}",
            strings().cli.help,
            strings().structure.cli,
            strings().outline.cli
        );
        let mut wrong = Vec::new();
        walk(&Cli::command(), "tassei", &catalogue, &mut wrong);
        assert!(
            wrong.is_empty(),
            "{lang:?}: clap texts not read from strings().cli.help (a doc comment, or a literal \
             in an attribute):\n{}",
            wrong.join("\n")
        );
    }
}

/// Checks a command's texts and its arguments', then its subcommands'.
fn walk(command: &clap::Command, path: &str, catalogue: &str, wrong: &mut Vec<String>) {
    let text = |t: Option<&clap::builder::StyledStr>| t.map(ToString::to_string);
    let mut texts = vec![
        ("about".to_string(), text(command.get_about())),
        ("long about".to_string(), text(command.get_long_about())),
        ("before help".to_string(), text(command.get_before_help())),
        ("after help".to_string(), text(command.get_after_help())),
        (
            "subcommands' heading".to_string(),
            command.get_subcommand_help_heading().map(str::to_string),
        ),
    ];
    if command.get_about().is_none() {
        wrong.push(format!("{path}: no about line"));
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        // clap's own flags, in clap's words.
        if matches!(id, "help" | "version") {
            continue;
        }
        if arg.get_help().is_none() {
            wrong.push(format!("{path}: {id} has no help"));
        }
        texts.push((format!("{id}'s help"), text(arg.get_help())));
        texts.push((format!("{id}'s long help"), text(arg.get_long_help())));
        texts.push((
            format!("{id}'s heading"),
            arg.get_help_heading().map(str::to_string),
        ));
    }
    for (what, text) in texts {
        if let Some(text) = text
            && !catalogue.contains(&format!("{text:?}"))
        {
            wrong.push(format!("{path}: {what}: {text}"));
        }
    }
    for sub in command.get_subcommands() {
        // clap's own `help` subcommand, in clap's words.
        if sub.get_name() == "help" {
            continue;
        }
        walk(sub, &format!("{path} {}", sub.get_name()), catalogue, wrong);
    }
}

/// The literals of shipped source with the line each starts on; a literal passed to
/// `expect(` (a message about a programmer's error) is left out.
fn literals(source: &str) -> Vec<(usize, String)> {
    common::source::literals(source)
        .into_iter()
        .filter(|l| !l.in_expect)
        .map(|l| (l.line, l.text))
        .collect()
}

/// Whether a literal reads as words for a person: any kana or kanji, or an ASCII word of 3 or
/// more letters followed (after at most one `: ; , . ? !`) by a space and a word or a
/// `{placeholder}`. Glue (`{}  {}`), identifiers and marks (ー, ・, →) are not.
fn looks_like_prose(text: &str) -> bool {
    if text.chars().any(is_kana_or_kanji) {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = chars[i].is_ascii_alphabetic() && (i == 0 || !is_word_char(chars[i - 1]));
        if !starts_word {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_alphabetic() {
            i += 1;
        }
        let whole_word = chars.get(i).is_none_or(|c| !is_word_char(*c));
        if i - start >= 3 && whole_word {
            let mut j = i;
            if chars.get(j).is_some_and(|c| ":;,.?!".contains(*c)) {
                j += 1;
            }
            if chars.get(j) == Some(&' ')
                && chars
                    .get(j + 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == '{')
            {
                return true;
            }
        }
    }
    false
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Hiragana, katakana (not the marks ー and ・, which glue figures) and kanji.
fn is_kana_or_kanji(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{FF66}'..='\u{FF9D}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '々')
}
