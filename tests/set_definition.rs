//! `tassei set GOAL note|formula|direction VALUE`, `set GOAL part N label|unit|target VALUE` and
//! `tassei activity GOAL N content|period|sections VALUE`, through the binary: saved, logged
//! with the field's words, undone whole, and refused with the import's words.

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
            .env("LANG", "C")
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

    /// The last line of a command refused with exit 2.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "tassei {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        stderr.lines().last().unwrap_or_default().to_string()
    }

    fn last_logged(&self) -> String {
        let log = self.ok(&["log"]);
        log.lines().last().unwrap_or_default().to_string()
    }
}

#[test]
fn each_new_field_is_saved_logged_and_undone_whole() {
    let ws = Workspace::new();
    for (args, logged) in [
        (
            vec!["set", "1-ウ-1", "note", "※参考:令和５年度 30,000件"],
            "⑴-ウ-1  注記  ",
        ),
        (
            vec!["set", "1-ウ-2", "formula", "from_baseline"],
            "⑴-ウ-2  算式  ratio: 実績値 / 目標値 → from_baseline: progress from 基準値, higher is better",
        ),
        (
            vec!["set", "2-イ-5", "formula", "lower_is_better"],
            "⑵-イ-5  算式  ratio: 実績値 / 目標値 → lower_is_better: the lower the better",
        ),
        (
            vec!["set", "1-オ-1", "part", "1", "target", "8"],
            "⑴-オ-1 開催回数  目標値  6 → 8",
        ),
        (
            vec!["set", "1-オ-1", "part", "2", "unit", "人"],
            "⑴-オ-1 参加者数  単位  \"名\" → \"人\"",
        ),
        (
            vec![
                "activity",
                "1-ア-1",
                "1",
                "content",
                "職員研修を２回実施する",
            ],
            "⑴-ア-1 実施内容1  実施内容  ",
        ),
        (
            vec!["activity", "1-ア-1", "1", "sections", "市民係、総務係"],
            "⑴-ア-1 実施内容1  担当係  デジタル政策係 → 市民係、総務係",
        ),
        (
            vec!["activity", "1-ア-1", "2", "period", "R５.６～Ｒ６．２"],
            "⑴-ア-1 実施内容2  時期  \"R５.５\" → \"R５.６～Ｒ６．２\"",
        ),
    ] {
        let goal = args[1];
        let before = ws.ok(&["show", goal]);
        ws.ok(&args);
        let last = ws.last_logged();
        assert!(last.contains(logged), "{args:?}: {last}");
        assert_ne!(ws.ok(&["show", goal]), before, "{args:?} shows the change");
        ws.ok(&["undo"]);
        assert_eq!(ws.ok(&["show", goal]), before, "{args:?} undone whole");
    }
}

#[test]
fn a_formula_change_regrades_at_once_and_keeps_to_the_import_s_rules() {
    let ws = Workspace::new();
    let out = ws.ok(&["set", "1-ウ-2", "formula", "from_baseline"]);
    assert!(
        out.contains("(84.93 - 80.86) ÷ (84.23 - 80.86) × 100 = 120.772 → 120.8"),
        "{out}"
    );
    assert!(
        ws.refused(&["set", "1-ウ-2", "formula", "milestone"])
            .contains("the 基準値 is a number (80.86); a milestone's figures are words"),
    );
    // ⑴-ア-1's 目標値 (10,000) is above its 基準値 (5,527): it cannot be lower-is-better.
    assert!(
        ws.refused(&["set", "1-ア-1", "formula", "lower_is_better"])
            .contains("the target (10,000) is not below the baseline (5,527)")
    );
    assert!(
        ws.refused(&["set", "1-ア-1", "formula", "composite"])
            .contains("a ratio goal cannot become composite")
    );
    assert!(
        ws.refused(&["set", "1-オ-1", "formula", "ratio"])
            .contains("a composite goal cannot become ratio")
    );
    assert!(
        ws.refused(&["set", "1-ア-1", "direction", "lower"])
            .contains("⑴-ア-1: ")
    );
    // A milestone becomes a ratio only with a number for a target.
    assert!(
        ws.refused(&["set", "2-イ-1", "formula", "ratio"])
            .contains("cannot take the formula \"ratio: 実績値 / 目標値\" as its figures stand")
    );
    // A ratio goal whose figures are cleared can become a milestone, 評価なし until judged.
    for figure in ["baseline", "target", "actual"] {
        ws.ok(&["set", "1-ア-1", figure, "none"]);
    }
    let out = ws.ok(&["set", "1-ア-1", "formula", "milestone"]);
    assert!(
        out.contains("ratio: 実績値 / 目標値 → milestone: 達成 / 未達成"),
        "{out}"
    );
    let shown = ws.ok(&["show", "1-ア-1"]);
    assert!(shown.contains("達成状況  評価なし"), "{shown}");
    ws.ok(&["set", "1-ア-1", "achieved", "yes"]);
    assert!(ws.ok(&["show", "1-ア-1"]).contains("達成度    100"));
}

#[test]
fn a_period_is_read_in_the_plan_s_year_refused_when_impossible_and_kept_when_unreadable() {
    let ws = Workspace::new();
    let refused = ws.refused(&["activity", "1-ア-1", "1", "period", "平成31年5月"]);
    assert!(
        refused.contains("⑴-ア-1 実施内容1: the 時期 \"平成31年5月\" names no real date")
            && refused.contains("2019-04-30"),
        "{refused}"
    );
    let out = ws.run(&["activity", "1-ア-1", "1", "period", "年度内のどこか"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("時期を読めません"),
        "the clerk is told: {said}"
    );
    let shown = ws.ok(&["show", "1-ア-1"]);
    assert!(
        shown.contains("年度内のどこか"),
        "kept as written:\n{shown}"
    );
    assert!(shown.contains("時期を読めません"), "and counted:\n{shown}");
    ws.ok(&["activity", "1-ア-1", "1", "period", "上半期"]);
    let shown = ws.ok(&["show", "1-ア-1"]);
    assert!(
        shown.contains("上半期 (2023-04-01〜2023-09-30)"),
        "read in FY2023:\n{shown}"
    );
}

#[test]
fn an_activity_edit_is_refused_where_it_cannot_be() {
    let ws = Workspace::new();
    assert!(
        ws.refused(&["activity", "2-イ-6", "1", "content", "x"])
            .contains("takes its activities from ⑴-ア-1")
    );
    assert!(
        ws.refused(&["activity", "1-ア-1", "1", "content", "　"])
            .ends_with("the 実施内容 must not be empty")
    );
    assert!(
        ws.refused(&["activity", "1-ア-1", "9", "sections", "市民係"])
            .contains("has no activity 9")
    );
    assert!(
        ws.refused(&["set", "1-オ-1", "part", "1", "colour", "red"])
            .contains("use label, unit or target")
    );
    assert!(
        ws.refused(&["set", "1-オ-1", "part", "1", "label", ""])
            .contains("must not be empty")
    );
    assert!(
        ws.refused(&["set", "1-オ-1", "part", "1", "target", "-3"])
            .contains("cannot be negative")
    );
    // The part's actual alone is still `part N VALUE`.
    assert!(
        ws.ok(&["set", "1-オ-1", "part", "1", "7"])
            .contains("開催回数")
    );
}

#[test]
fn a_line_break_in_a_one_line_field_is_refused_and_nothing_saved() {
    let ws = Workspace::new();
    let before = ws.ok(&["show", "2-イ-1"]);
    for args in [
        ["set", "2-イ-1", "unit", "人\n"],
        ["set", "2-イ-1", "title", "予算\n要求"],
    ] {
        let said = ws.refused(&args);
        assert!(said.contains("one line on the sheet"), "{args:?}: {said}");
    }
    assert!(
        ws.refused(&["activity", "1-ア-1", "1", "period", "R5.5\nR5.6"])
            .contains("時期 is one line")
    );
    assert_eq!(ws.ok(&["show", "2-イ-1"]), before, "nothing saved");
    // 積算方法 keeps its lines.
    ws.ok(&["set", "2-イ-1", "calc_method", "一行目\n二行目"]);
}
