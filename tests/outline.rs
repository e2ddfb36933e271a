//! The plan's outline through the real binary: its title and thresholds (`set --plan-field`),
//! an initiative's title (`set --initiative`) and place (`move initiative`), what the log
//! says, undo and redo, the refusals, and a handout collected after its initiative moved.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::tassei_as;

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("tassei.db")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn run(&self, args: &[&str]) -> Output {
        tassei_as(&self.db(), "tanaka")
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .expect("tassei runs")
    }
    /// Runs a command that must succeed; its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }
    /// Runs a command the clerk must fix (exit 2); its stderr.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stdout)
        );
        text(&out.stderr)
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The summary's line of counts.
fn counts(desk: &Desk) -> String {
    desk.ok(&["summary"])
        .lines()
        .find(|l| l.starts_with("達成"))
        .expect("the counts")
        .to_string()
}

#[test]
fn new_thresholds_regrade_every_goal_and_are_undone() {
    let desk = Desk::new();
    let before = counts(&desk);
    assert!(before.starts_with("達成 achieved 16"), "{before}");
    assert_eq!(
        desk.ok(&["set", "--plan-field", "thresholds", "１２０", "９０"]),
        "ibusuki-dx-r5 評価基準: 100・80 → 120・90\n"
    );
    assert!(
        counts(&desk).starts_with("達成 achieved 9 "),
        "{}",
        counts(&desk)
    );
    let log = desk.ok(&["log"]);
    let line = log.lines().last().expect("a row");
    assert!(line.contains("評価基準  100・80 → 120・90"), "{line}");
    assert_eq!(
        desk.ok(&["undo"]),
        "undone: ibusuki-dx-r5 評価基準: 120・90 → 100・80\n"
    );
    assert_eq!(counts(&desk), before);
    assert_eq!(
        desk.ok(&["redo"]),
        "redone: ibusuki-dx-r5 評価基準: 100・80 → 120・90\n"
    );
}

#[test]
fn bands_that_do_not_nest_or_are_not_numbers_write_nothing() {
    let desk = Desk::new();
    let err = desk.refused(&["set", "--plan-field", "thresholds", "80", "90"]);
    assert!(err.contains("概ね達成 (90) below 達成 (80)"), "{err}");
    let err = desk.refused(&["set", "--plan-field", "thresholds", "百", "80"]);
    assert!(err.contains("is not a pair of percentages"), "{err}");
    let err = desk.refused(&["set", "--plan-field", "thresholds", "100"]);
    assert!(err.contains("takes two values"), "{err}");
    let err = desk.refused(&["set", "--plan-field", "budget", "1"]);
    assert!(err.contains("budget is not a field of the plan"), "{err}");
    let err = desk.refused(&["set", "--plan-field", "title", " "]);
    assert!(err.contains("must not be empty"), "{err}");
    let log = desk.ok(&["log"]);
    assert_eq!(log.lines().count(), 1, "only the import: {log}");
}

#[test]
fn the_plan_title_and_an_initiative_title_are_set_and_logged() {
    let desk = Desk::new();
    assert_eq!(
        desk.ok(&["set", "--plan-field", "title", "指宿市DX推進計画"]),
        "ibusuki-dx-r5 計画名: DX推進計画 取り組み事項 評価 → 指宿市DX推進計画\n"
    );
    assert!(desk.ok(&["summary"]).starts_with("指宿市 指宿市DX推進計画"));
    assert_eq!(
        desk.ok(&[
            "set",
            "--initiative",
            "1-ア",
            "title",
            "行政手続のオンライン化"
        ]),
        "⑴-ア 取り組み事項: 各種行政手続のオンライン化 → 行政手続のオンライン化\n"
    );
    let shown = desk.ok(&["show", "1-ア-1"]);
    assert!(shown.contains("行政手続のオンライン化"), "{shown}");
    let err = desk.refused(&["set", "--initiative", "1-ア", "unit", "件"]);
    assert!(err.contains("--initiative takes a title"), "{err}");
    let err = desk.refused(&["set", "--initiative", "9-ア", "title", "x"]);
    assert!(err.contains("is not in this plan"), "{err}");
    let err = desk.refused(&["set", "--initiative", "1-ア", "title", "二行\nの名前"]);
    assert!(err.contains("is one line"), "{err}");
    let log = desk.ok(&["log"]);
    assert!(log.contains("⑴-ア  取り組み事項"), "{log}");
    assert_eq!(
        desk.ok(&["undo"]),
        "undone: ⑴-ア 取り組み事項: 行政手続のオンライン化 → 各種行政手続のオンライン化\n"
    );
}

#[test]
fn an_initiative_moved_up_takes_the_first_letter_and_its_goals_follow() {
    let desk = Desk::new();
    let before = desk.ok(&["show", "1-ウ-1"]);
    assert_eq!(
        desk.ok(&["move", "initiative", "1-ウ", "up"]),
        "moved ⑴-ウ to ⑴-ア\n  ⑴-ア → ⑴-ウ\n"
    );
    let after = desk.ok(&["show", "1-ア-1"]);
    assert_eq!(
        after.lines().nth(2),
        before.lines().nth(2),
        "the goal that was ⑴-ウ-1 is ⑴-ア-1 now"
    );
    let log = desk.ok(&["log"]);
    assert!(
        log.lines().last().expect("a row").contains("⑴-ウ → ⑴-ア"),
        "{log}"
    );
    let err = desk.refused(&["move", "initiative", "1-ア", "up"]);
    assert!(err.contains("cannot move there"), "{err}");
    assert_eq!(desk.ok(&["undo"]), "undone: moved ⑴-ア to ⑴-ウ\n");
    assert_eq!(desk.ok(&["show", "1-ウ-1"]), before);
}

#[test]
fn an_initiative_moved_to_another_area_takes_its_next_free_letter() {
    let desk = Desk::new();
    assert_eq!(
        desk.ok(&["move", "initiative", "1-オ", "to", "２"]),
        "moved ⑴-オ to ⑵-ウ\n"
    );
    assert!(desk.ok(&["show", "2-ウ-1"]).contains("⑵-ウ"));
    let err = desk.refused(&["move", "initiative", "2-ウ", "to", "2"]);
    assert!(err.contains("already in that policy area"), "{err}");
    let err = desk.refused(&["move", "initiative", "2-ウ", "to", "9"]);
    assert!(err.contains("is not in this plan"), "{err}");
    assert_eq!(desk.ok(&["undo"]), "undone: moved ⑵-ウ to ⑴-オ\n");
    assert!(desk.ok(&["show", "1-オ-1"]).contains("⑴-オ"));
    assert_eq!(desk.ok(&["redo"]), "redone: moved ⑴-オ to ⑵-ウ\n");
}

const SHEET: &str = "評価シート";
/// The handout's hidden key column (J), from 0.
const KEY: u32 = 9;

fn cells(path: &Path) -> HashMap<(u32, u16), Data> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a workbook");
    let range = book.worksheet_range(SHEET).expect("the sheet");
    let (r0, c0) = range.start().expect("not empty");
    let mut out = HashMap::new();
    for (r, row) in range.rows().enumerate() {
        for (c, d) in row.iter().enumerate() {
            if *d != Data::Empty {
                out.insert((r0 + r as u32, (c0 as usize + c) as u16), d.clone());
            }
        }
    }
    out
}

/// The handout's 状況 column.
const STATUS: u16 = 5;

#[test]
fn a_handout_made_before_an_initiative_moved_still_collects_into_the_same_rows() {
    let desk = Desk::new();
    let handout = desk.path("市民係.xlsx");
    desk.ok(&[
        "handout",
        "--section",
        "市民係",
        "--output",
        handout.to_str().expect("a path"),
    ]);
    let mut cells = cells(&handout);
    let row = cells
        .iter()
        .find(|((_, c), d)| u32::from(*c) == KEY && **d == Data::String("1-ウ-1".into()))
        .map(|((r, _), _)| *r)
        .expect("⑴-ウ-1's row");
    // Its first activity's row, keyed by the activity's uid.
    cells.insert((row + 1, STATUS), Data::String("完了".into()));
    let returned = desk.path("市民係-回答.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(SHEET).expect("named");
    for ((r, c), d) in cells {
        match d {
            Data::Float(x) => ws.write_number(r, c, x).map(drop).expect("written"),
            Data::Int(i) => ws.write_number(r, c, i as f64).map(drop).expect("written"),
            other => ws
                .write_string(r, c, other.to_string())
                .map(drop)
                .expect("written"),
        }
    }
    book.save(&returned).expect("saved");

    desk.ok(&["move", "initiative", "1-ウ", "up"]);
    let out = desk.run(&["collect", "--apply", returned.to_str().expect("a path")]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("1 applied"), "{said}");
    // A goal's own row is keyed by its printed code (`1-ウ-1`), which names another goal
    // now: it is left out, named, and nothing is written to the goal now called ⑴-ウ-1.
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(err.contains("the row of ⑴-ア-1 is missing"), "{err}");
    // The goal that was ⑴-ウ-1 is ⑴-ア-1 now: its activity was found by its uid.
    let log = desk.ok(&["log"]);
    let line = log.lines().last().expect("a row");
    assert!(
        line.contains("⑴-ア-1 実施内容1") && line.contains("完了"),
        "{line}"
    );
}
