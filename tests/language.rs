//! The interface's language, chosen by the real binary: `--lang` > the config file's `lang` >
//! the locale. Every other test pins English (`common::bare`); these set the locale themselves.

use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;

/// The binary on `db` with the locale `lang` (`LANG`; `LC_ALL` and `LC_MESSAGES` unset).
fn tassei_in(db: &Path, lang: &str) -> Command {
    let mut command = common::tassei_as(db, "language");
    command
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

fn run(mut command: Command, args: &[&str]) -> Output {
    command
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("tassei runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ja() -> &'static tassei::strings::Strings {
    &tassei::strings::JA
}

fn en() -> &'static tassei::strings::Strings {
    &tassei::strings::EN
}

#[test]
fn a_japanese_locale_gives_japanese_help_and_c_gives_english() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let japanese = text(&run(tassei_in(&db, "ja_JP.UTF-8"), &["--help"]).stdout);
    assert!(japanese.contains(ja().cli.help.about), "{japanese}");
    assert!(
        japanese.contains(ja().cli.frame.usage_heading),
        "{japanese}"
    );
    assert!(!japanese.contains("Usage:"), "{japanese}");
    let english = text(&run(tassei_in(&db, "C"), &["--help"]).stdout);
    assert!(english.contains(en().cli.help.about), "{english}");
    assert!(english.contains("Usage: tassei"), "{english}");
    assert!(!db.exists(), "help opens no data file");
}

#[test]
fn the_flag_wins_over_the_config_file_which_wins_over_the_locale() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let config = common::no_config(&db);
    std::fs::write(&config, "lang = \"en\"\n").expect("config");
    let by_config = text(&run(tassei_in(&db, "ja_JP.UTF-8"), &["--help"]).stdout);
    assert!(
        by_config.contains("Usage: tassei"),
        "config says en: {by_config}"
    );
    let by_flag = text(&run(tassei_in(&db, "C"), &["--lang", "ja", "--help"]).stdout);
    assert!(by_flag.contains(ja().cli.frame.usage_heading), "{by_flag}");
    assert!(!by_flag.contains("Usage:"), "{by_flag}");
    let by_flag = text(&run(tassei_in(&db, "ja_JP.UTF-8"), &["--help", "--lang=en"]).stdout);
    assert!(by_flag.contains("Usage: tassei"), "{by_flag}");
}

#[test]
fn a_usage_error_is_in_the_language_and_keeps_its_exit_code() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    let out = run(
        tassei_in(&db, "ja_JP.UTF-8"),
        &["export", "--format", "xml"],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    let expected = (ja().cli.frame.errors.invalid_value)("xml", "--format <FORMAT>");
    assert!(said.contains(&expected), "{said}");
    let out = run(tassei_in(&db, "ja_JP.UTF-8"), &["--lang", "fr"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown language is a usage error"
    );
    let said = text(&out.stderr);
    assert!(said.contains("fr") && said.contains("ja, en"), "{said}");
}

#[test]
fn a_config_file_s_mistakes_are_said_in_the_language_it_chooses() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    std::fs::write(common::no_config(&db), "lang = \"ja\"\ncolour = \"blue\"\n").expect("config");
    let out = run(tassei_in(&db, "C"), &["plans"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    let keys = tassei::config::KEYS.join(", ");
    let expected = (ja().errors.config.unknown_key)(&common::no_config(&db), 2, "colour", &keys);
    assert!(said.contains(&expected), "{said}");
}

#[test]
fn machine_readable_output_is_the_same_in_both_languages() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("t.db");
    for format in ["json", "csv"] {
        let japanese = run(
            tassei_in(&db, "ja_JP.UTF-8"),
            &["export", "--format", format],
        );
        let english = run(tassei_in(&db, "C"), &["export", "--format", format]);
        assert!(japanese.status.success(), "{}", text(&japanese.stderr));
        assert_eq!(japanese.stdout, english.stdout, "{format} export");
    }
    let japanese = run(
        tassei_in(&db, "ja_JP.UTF-8"),
        &["set", "9-ア-1", "actual", "1"],
    );
    let english = run(tassei_in(&db, "C"), &["set", "9-ア-1", "actual", "1"]);
    assert_eq!(japanese.status.code(), english.status.code(), "exit codes");
    assert_ne!(japanese.status.code(), Some(0));
}
