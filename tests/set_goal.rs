//! `tassei set GOAL target|baseline VALUE` and `set GOAL actual none`, run through the binary as
//! a clerk would: saved, graded again at once, logged, undone, and refused with the import's
//! words when the goal's rules refuse the value.

use std::path::PathBuf;
use std::process::Output;

mod common;

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

    fn run(&self, args: &[&str]) -> Output {
        common::tassei_as(&self.db(), "tester")
            .args(args)
            .output()
            .expect("runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tassei {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// The one line of a command refused with exit 2 (`LANG` as given).
    fn refused_in(&self, lang: &str, args: &[&str]) -> String {
        let out = common::tassei_as(&self.db(), "tester")
            .env("LANG", lang)
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(2),
            "tassei {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        // The last line: a first run also notes that it made the data file.
        stderr.lines().last().unwrap_or_default().to_string()
    }

    fn refused(&self, args: &[&str]) -> String {
        self.refused_in("C", args)
    }

    /// The lines of `tassei show GOAL` that start with `label`.
    fn shown(&self, goal: &str, label: &str) -> String {
        self.ok(&["show", goal])
            .lines()
            .map(str::trim_start)
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{goal} shows {label}"))
            .to_string()
    }
}

#[test]
fn a_revised_target_regrades_the_goal_at_once() {
    let ws = Workspace::new();
    assert!(
        ws.shown("1-ウ-2", "達成度")
            .starts_with("達成度  100.8  達成")
    );
    let out = ws.ok(&["set", "1-ウ-2", "target", "95"]);
    assert_eq!(
        out,
        "saved ⑴-ウ-2 目標値 84.23 → 95\n\
         ⑴-ウ-2 達成度 89.4 概ね達成 (near) — 84.93 ÷ 95 × 100 = 89.4\n"
    );
    assert_eq!(ws.shown("1-ウ-2", "目標値"), "目標値  95％");
    assert!(
        ws.shown("1-ウ-2", "達成度")
            .starts_with("達成度  89.4  概ね達成")
    );
    assert_eq!(
        ws.shown("1-ウ-2", "計算"),
        "計算    84.93 ÷ 95 × 100 = 89.4"
    );
}

#[test]
fn each_figure_is_logged_and_undone() {
    let ws = Workspace::new();
    for (args, logged, undone) in [
        (
            ["set", "1-ウ-2", "target", "95"],
            "⑴-ウ-2  目標値  84.23 → 95",
            "undone ⑴-ウ-2 目標値 95 → 84.23",
        ),
        (
            ["set", "1-ウ-2", "baseline", "81"],
            "⑴-ウ-2  基準値  80.86 → 81",
            "undone ⑴-ウ-2 基準値 81 → 80.86",
        ),
        (
            ["set", "1-ウ-2", "actual", "none"],
            "⑴-ウ-2  実績値  84.93 → ー",
            "undone ⑴-ウ-2 実績値 ー → 84.93",
        ),
        (
            ["set", "1-ウ-2", "baseline", "なし"],
            "⑴-ウ-2  基準値  80.86 → ー",
            "undone ⑴-ウ-2 基準値 ー → 80.86",
        ),
    ] {
        let before = ws.ok(&["show", "1-ウ-2"]);
        ws.ok(&args);
        let log = ws.ok(&["log"]);
        let last = log.lines().last().expect("a row");
        assert!(last.ends_with(logged), "{args:?}: {last}");
        assert_eq!(ws.ok(&["undo"]).trim_end(), undone, "{args:?}");
        assert_eq!(ws.ok(&["show", "1-ウ-2"]), before, "{args:?} undone whole");
    }
}

#[test]
fn a_figure_the_goal_refuses_is_not_saved() {
    let ws = Workspace::new();
    let before = ws.ok(&["show", "1-ウ-2"]);
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "target", "0"]),
        "tassei: ⑴-ウ-2: the target (目標値) of a ratio goal cannot be 0: actual ÷ target would be undefined"
    );
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "target", "-5"]),
        "tassei: ⑴-ウ-2: this goal's figures cannot be negative: -5"
    );
    assert_eq!(
        ws.refused(&["set", "1-ア-1", "baseline", "9.500"]),
        "tassei: ⑴-ア-1: \"9.500\" could be 9.5 or 9,500; write 9500 or 9.5"
    );
    assert_eq!(
        ws.refused_in("ja_JP.UTF-8", &["set", "1-ウ-2", "baseline", "-1"]),
        "tassei: ⑴-ウ-2: この目標の数値は負の値にできません: -1"
    );
    assert_eq!(
        ws.refused_in("ja_JP.UTF-8", &["set", "1-ウ-2", "target", "0"]),
        "tassei: ⑴-ウ-2: 実績値 ÷ 目標値 で計算する目標の目標値は 0 にできません（達成度を計算できなくなります）"
    );
    assert_eq!(ws.ok(&["show", "1-ウ-2"]), before, "nothing saved");
}

#[test]
fn a_title_unit_or_calc_method_is_saved_logged_and_undone() {
    let ws = Workspace::new();
    let before = ws.ok(&["show", "1-ウ-2"]);
    ws.ok(&["set", "1-ウ-2", "title", "有効申請率を３％向上させる"]);
    assert_eq!(
        ws.ok(&["show", "1-ウ-2"]).lines().next(),
        Some("⑴-ウ-2  有効申請率を３％向上させる")
    );
    ws.ok(&["set", "1-ウ-2", "unit", "ポイント"]);
    assert_eq!(ws.shown("1-ウ-2", "目標値"), "目標値  84.23ポイント");
    ws.ok(&["set", "1-ウ-2", "calc_method", "令和6年2月末時点"]);
    let log = ws.ok(&["log"]);
    let last: Vec<&str> = log.lines().rev().take(3).collect();
    assert!(last[2].contains("目標名"), "{}", last[2]);
    assert!(
        last[1].ends_with("単位  \"％\" → \"ポイント\""),
        "{}",
        last[1]
    );
    assert!(last[0].ends_with("→ \"令和6年2月末時点\""), "{}", last[0]);
    assert!(last[0].contains("積算方法"), "{}", last[0]);
    for _ in 0..3 {
        ws.ok(&["undo"]);
    }
    assert_eq!(ws.ok(&["show", "1-ウ-2"]), before, "undone whole");
}

#[test]
fn an_empty_title_is_refused() {
    let ws = Workspace::new();
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "title", " "]),
        "tassei: ⑴-ウ-2: the title (目標名) must not be empty"
    );
    assert_eq!(
        ws.refused_in("ja_JP.UTF-8", &["set", "1-ウ-2", "title", ""]),
        "tassei: ⑴-ウ-2: 目標名は空欄にはできません"
    );
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "unit", "件\u{7}"]),
        "tassei: ⑴-ウ-2: the text contains the control character U+0007; remove it"
    );
}

#[test]
fn a_precision_reshows_the_achievement_and_is_kept_within_four() {
    let ws = Workspace::new();
    let out = ws.ok(&["set", "1-ウ-2", "precision", "3"]);
    assert_eq!(
        out,
        "saved ⑴-ウ-2 小数桁 1 → 3\n\
         ⑴-ウ-2 達成度 100.831 達成 (achieved) — 84.93 ÷ 84.23 × 100 = 100.83106 → 100.831\n"
    );
    assert!(
        ws.ok(&["log"])
            .trim_end()
            .ends_with("⑴-ウ-2  小数桁  1 → 3")
    );
    assert_eq!(ws.ok(&["undo"]).trim_end(), "undone ⑴-ウ-2 小数桁 3 → 1");
    assert!(
        ws.shown("1-ウ-2", "達成度")
            .starts_with("達成度  100.8  達成")
    );
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "precision", "5"]),
        "tassei: ⑴-ウ-2: 5 decimals is too many; at most 4"
    );
    assert_eq!(
        ws.refused_in("ja_JP.UTF-8", &["set", "1-ウ-2", "precision", "7"]),
        "tassei: ⑴-ウ-2: 小数 7桁は多すぎます。4桁までにしてください"
    );
    assert_eq!(
        ws.refused(&["set", "1-ウ-2", "precision", "x"]),
        "tassei: \"x\" is not a number of decimals; write a whole number from 0 to 4"
    );
}

#[test]
fn a_stated_derivation_of_the_old_target_is_flagged() {
    let ws = Workspace::new();
    ws.ok(&["set", "2-イ-7", "target", "250"]);
    assert_eq!(
        ws.shown("2-イ-7", "目標値の算出"),
        "目標値の算出  28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216 (on the sheet; the 目標値 is now 250)"
    );
}
