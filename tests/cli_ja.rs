//! The command line in Japanese, run in process on a thread pinned to the language
//! (`tassei::cli::run_to`), so the test does not depend on how the binary chooses one (`--lang`,
//! the config file, the locale). Each Japanese answer is set beside its English one.

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser};
use tassei::cli::{Cli, run_to};
use tassei::config::Config;
use tassei::session::Failure;
use tassei::strings::{Lang, pin_thread};

/// A data file in a folder of its own (made with the bundled sheet on first use).
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

    /// Runs `tassei ARGS` on this data file as "tester", in `lang`: the answer, or the failure.
    fn run(&self, lang: Lang, args: &[&str]) -> Result<String, Failure> {
        let _lang = pin_thread(lang);
        let cli = parse(&self.db(), args);
        let mut out = Vec::new();
        run_to(cli, &Config::default(), &mut out)?;
        Ok(String::from_utf8(out).expect("utf-8 output"))
    }

    fn ok(&self, lang: Lang, args: &[&str]) -> String {
        self.run(lang, args)
            .unwrap_or_else(|f| panic!("tassei {args:?} failed: {:?}", f.lines))
    }

    /// The one line of a command refused as the clerk's to fix (exit code 2).
    fn refused(&self, lang: Lang, args: &[&str]) -> String {
        match self.run(lang, args) {
            Ok(out) => panic!("tassei {args:?} was not refused: {out}"),
            Err(failure) => {
                assert_eq!(failure.code, 2, "{:?}", failure.lines);
                assert_eq!(failure.lines.len(), 1, "{:?}", failure.lines);
                failure.lines[0].clone()
            }
        }
    }
}

fn parse(db: &Path, args: &[&str]) -> Cli {
    let db = db.to_str().expect("a UTF-8 temp path");
    let mut line = vec!["tassei", "--db", db, "--user", "tester"];
    line.extend_from_slice(args);
    Cli::try_parse_from(line).expect("a command line clap takes")
}

#[test]
fn set_actual_says_what_was_saved_in_japanese_from_full_width_digits() {
    let ws = Workspace::new();
    // 全角 digits and comma, as an IME types them: the number parser folds them to 9,500.
    let out = ws.ok(Lang::Ja, &["set", "1-ア-1", "actual", "９，５００"]);
    assert_eq!(
        out,
        "⑴-ア-1 実績値を保存しました: 9,016 → 9,500\n\
         ⑴-ア-1 達成度 95 概ね達成 — 9,500 ÷ 10,000 × 100 = 95\n"
    );
    let out = ws.ok(Lang::Ja, &["set", "1-ア-1", "actual", "9500"]);
    assert_eq!(
        out.lines().next(),
        Some("⑴-ア-1 実績値は変更していません（既に 9,500）")
    );
    // The same command in English, for the record.
    let out = ws.ok(Lang::En, &["set", "1-ア-1", "actual", "9,016"]);
    assert_eq!(
        out,
        "saved ⑴-ア-1 実績値 9,500 → 9,016\n\
         ⑴-ア-1 達成度 90 概ね達成 (near) — 9,016 ÷ 10,000 × 100 = 90.16 → 90\n"
    );
}

#[test]
fn a_value_that_is_not_a_number_is_refused_in_japanese() {
    let ws = Workspace::new();
    assert_eq!(
        ws.refused(Lang::Ja, &["set", "1-ア-1", "actual", "abc"]),
        "⑴-ア-1: 数値ではありません。数字で入力してください（例: 9,016、９０１６）: \"abc\""
    );
    assert_eq!(
        ws.refused(Lang::Ja, &["set", "1-ア-1", "actual", "9,500人"]),
        "⑴-ア-1: 単位「人」はこの目標の単位（件）ではありません: \"9,500人\""
    );
    assert_eq!(
        ws.refused(Lang::En, &["set", "1-ア-1", "actual", "abc"]),
        "⑴-ア-1: not a number: \"abc\""
    );
    // Nothing was saved: the actual is the sheet's.
    let card = ws.ok(Lang::Ja, &["show", "1-ア-1"]);
    assert!(card.contains("9,016"), "{card}");
}

#[test]
fn a_goal_the_plan_lacks_is_refused_in_japanese() {
    let ws = Workspace::new();
    let said = ws.refused(Lang::Ja, &["show", "1-ア-9"]);
    assert!(
        said.starts_with("⑴-ア に目標 9 はありません。目標: "),
        "{said}"
    );
}

#[test]
fn the_summary_is_all_japanese() {
    let ws = Workspace::new();
    let out = ws.ok(Lang::Ja, &["--as-of", "2024-04-01", "summary"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[1],
        "達成 16   概ね達成 5   未達成 4   評価なし 1   未入力 0   計算不可 0   （目標 26件）",
        "{out}"
    );
    assert_eq!(lines[3], "未達成（達成度 80 未満）:", "{out}");
    assert!(
        out.contains("\n実施内容: 未記入 52   未着手 0   実施中 0   完了 0   中止 0\n"),
        "{out}"
    );
    assert!(
        out.ends_with("\n期限超過の実施内容（2024-04-01 時点）: 0件\n"),
        "{out}"
    );
    // No English word of the English summary, nor a status's exported word.
    for english in [
        "goals",
        "shortfalls",
        "below",
        "activities",
        "overdue",
        "achieved",
        "near",
        "not_graded",
        "no_actual",
        "unset",
        "todo",
        "doing",
        "done",
        "dropped",
    ] {
        assert!(!out.contains(english), "{english:?} in:\n{out}");
    }
}

#[test]
fn the_english_summary_keeps_the_sheet_words_beside_its_own() {
    let ws = Workspace::new();
    let out = ws.ok(Lang::En, &["--as-of", "2024-04-01", "summary"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[1],
        "達成 achieved 16   概ね達成 near 5   未達成 shortfall 4   評価なし not_graded 1   \
         未入力 no_actual 0   計算不可 not_computable 0   (26 goals)",
        "{out}"
    );
    assert_eq!(lines[3], "未達成 shortfalls (below 80):", "{out}");
    assert!(
        out.ends_with("\n期限超過 overdue activities as of 2024-04-01: 0\n"),
        "{out}"
    );
}

#[test]
fn the_export_is_the_same_in_both_languages() {
    let ws = Workspace::new();
    // The bundled sheet's milestone and 評価なし goals have a calculation in words.
    for format in ["json", "csv"] {
        let args = ["export", "--format", format];
        assert_eq!(ws.ok(Lang::Ja, &args), ws.ok(Lang::En, &args), "{format}");
    }
}

#[test]
fn the_help_is_japanese_with_commands_and_examples_as_typed() {
    let help = {
        let _lang = pin_thread(Lang::Ja);
        let mut command = Cli::command();
        command.render_help().to_string()
    };
    assert!(help.contains("計画のKPI評価シートを管理します"), "{help}");
    assert!(help.contains("共通オプション"), "{help}");
    assert!(help.contains("--db <PATH>"), "{help}");
    let set_help = {
        let _lang = pin_thread(Lang::Ja);
        let mut command = Cli::command();
        command
            .find_subcommand_mut("set")
            .expect("set")
            .render_help()
            .to_string()
    };
    assert!(set_help.contains("入力する項目"), "{set_help}");
    assert!(
        set_help.contains("例:\n  tassei set 1-ア-1 actual 9,500\n"),
        "{set_help}"
    );
}

#[test]
fn show_log_and_find_name_states_and_places_in_japanese() {
    let ws = Workspace::new();
    let card = ws.ok(Lang::Ja, &["show", "1-オ-1"]);
    assert!(
        card.contains("  達成度    328  達成   (シート記載 328)\n"),
        "{card}"
    );
    assert!(
        card.contains(" · 協働推進係・社会教育係 · 未記入\n"),
        "{card}"
    );
    assert!(
        !card.contains("achieved") && !card.contains("unset"),
        "{card}"
    );
    let card = ws.ok(Lang::En, &["show", "1-オ-1"]);
    assert!(
        card.contains("  達成度    328  達成 achieved   (シート記載 328)\n"),
        "{card}"
    );

    ws.ok(Lang::Ja, &["set", "1-ア-1", "actual", "9,500"]);
    assert_eq!(
        ws.ok(Lang::Ja, &["undo"]),
        "⑴-ア-1 実績値を元に戻しました: 9,500 → 9,016\n"
    );
    let log = ws.ok(Lang::Ja, &["log", "1-ア-1"]);
    assert!(
        log.contains("  tester  元に戻す  ⑴-ア-1  実績値  9,500 → 9,016\n"),
        "{log}"
    );
    let log = ws.ok(Lang::En, &["log", "1-ア-1"]);
    assert!(
        log.contains("  tester  元に戻す undo  ⑴-ア-1  実績値  9,500 → 9,016\n"),
        "{log}"
    );

    let found = ws.ok(Lang::Ja, &["find", "コンビニ"]);
    assert!(found.starts_with("⑴-ウ-1  "), "{found}");
    assert!(
        found
            .lines()
            .next()
            .is_some_and(|l| l.ends_with("  (目標名)")),
        "{found}"
    );
    assert_eq!(
        ws.refused(Lang::Ja, &["find", "存在しない語"]),
        "「存在しない語」に一致する目標はありません"
    );
}

#[test]
fn unreadable_jiki_are_named_in_japanese() {
    let ws = Workspace::new();
    let file = ws.dir.path().join("odd.json");
    let text = tassei::sheet::BUNDLED
        .replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"odd\"")
        .replacen("\"period\": \"R５.５\"", "\"period\": \"平成31年5月\"", 1)
        .replacen("\"period\": \"R５.５\"", "\"period\": \"令和0年度\"", 1);
    std::fs::write(&file, text).expect("write");
    ws.ok(Lang::Ja, &["import", file.to_str().expect("path")]);
    let summary = ws.ok(
        Lang::Ja,
        &["--plan", "odd", "--as-of", "2024-04-01", "summary"],
    );
    assert!(
        summary.ends_with(
            "期限超過の実施内容（2024-04-01 時点）: 0件\n\
             時期を読めません: 2件（期限超過を判定できません）\n  \
             ⑴-ア-1 実施内容1「平成31年5月」: 平成は 2019-04-30（平成31年4月30日）までです\n  \
             ⑴-ア-1 実施内容2「令和0年度」: 令和0年はありません（令和元年は2019年です）\n"
        ),
        "{summary}"
    );
    let card = ws.ok(Lang::Ja, &["--plan", "odd", "show", "1-ア-1"]);
    assert!(card.contains("実施内容  時期を読めません: 2件\n"), "{card}");
    // A 期限 after 平成 ended (`--as-of` is refused by clap, before this runner sees it).
    let said = ws.refused(Lang::Ja, &["note", "3-ウ-2", "due", "平成31年5月1日"]);
    assert!(
        said.ends_with("は日付ではありません: 平成は 2019-04-30（平成31年4月30日）までです"),
        "{said}"
    );
}
