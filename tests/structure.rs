//! Adding, removing and moving goals and activities through the real binary: what is printed,
//! what the log says, undo, the refusals, and a handout collected after its goal was removed.

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
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_goal_added_after_the_first_renumbers_the_rest_and_is_undone() {
    let desk = Desk::new();
    let said = desk.ok(&["add", "goal", "1-ア", "--after", "1", "電子申請の利用件数"]);
    assert_eq!(said, "added ⑴-ア-2\n  ⑴-ア-2 → ⑴-ア-3\n  ⑴-ア-3 → ⑴-ア-4\n");
    let shown = desk.ok(&["show", "⑴-ア-2"]);
    assert!(shown.contains("電子申請の利用件数"), "{shown}");
    let log = desk.ok(&["log"]);
    let line = log.lines().last().expect("a row");
    assert!(line.contains("追加") && line.contains("⑴-ア-2"), "{line}");
    assert!(line.contains("ー → 電子申請の利用件数"), "{line}");
    assert_eq!(
        desk.ok(&["undo"]),
        "undone: adding ⑴-ア-2 (it is taken away again)\n"
    );
    let shown = desk.ok(&["show", "1-ア-2"]);
    assert!(
        shown.contains("登録手続数"),
        "the old ⑴-ア-2 is back: {shown}"
    );
    assert_eq!(desk.ok(&["redo"]), "redone: added ⑴-ア-2\n");
}

#[test]
fn an_activity_is_added_with_its_period_and_sections_and_refused_where_shared() {
    let desk = Desk::new();
    let said = desk.ok(&[
        "add",
        "activity",
        "1ア1",
        "--after",
        "0",
        "窓口での周知",
        "--period",
        "R5.4",
        "--sections",
        "情報政策係,市民課",
    ]);
    assert_eq!(said, "added ⑴-ア-1 実施内容1\n");
    let shown = desk.ok(&["show", "1-ア-1"]);
    assert!(shown.contains("窓口での周知"), "{shown}");
    let out = desk.run(&["add", "activity", "2-イ-6", "周知"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("⑵-イ-6 takes its activities from ⑴-ア-1"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn sections_are_split_on_commas_and_not_inside_a_name_with_a_middle_dot() {
    let desk = Desk::new();
    desk.ok(&[
        "add",
        "activity",
        "1-ア-1",
        "--after",
        "0",
        "窓口での周知",
        "--sections",
        "子育て・健康係、市民課,情報政策係",
    ]);
    let plan: serde_json::Value =
        serde_json::from_str(&desk.ok(&["export", "--format", "plan"])).expect("json");
    assert_eq!(
        plan["initiatives"][0]["goals"][0]["activities"][0]["sections"],
        serde_json::json!(["子育て・健康係", "市民課", "情報政策係"])
    );
    desk.ok(&["activity", "1-ア-1", "1", "sections", "子育て・健康係"]);
    let plan: serde_json::Value =
        serde_json::from_str(&desk.ok(&["export", "--format", "plan"])).expect("json");
    assert_eq!(
        plan["initiatives"][0]["goals"][0]["activities"][0]["sections"],
        serde_json::json!(["子育て・健康係"])
    );
}

#[test]
fn an_impossible_period_is_refused_when_adding_as_when_editing() {
    let desk = Desk::new();
    let before = desk.ok(&["show", "1-ア-1"]);
    let added = desk.run(&[
        "add",
        "activity",
        "1-ア-1",
        "周知",
        "--period",
        "平成31年5月",
    ]);
    let edited = desk.run(&["activity", "1-ア-1", "1", "period", "平成31年5月"]);
    for out in [&added, &edited] {
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("the 時期 \"平成31年5月\" names no real date"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(desk.ok(&["show", "1-ア-1"]), before, "nothing written");
    // Unreadable is kept, as an edit keeps it.
    desk.ok(&[
        "add",
        "activity",
        "1-ア-1",
        "周知",
        "--period",
        "年度内のどこか",
    ]);
}

#[test]
fn removing_asks_for_yes_without_a_terminal_and_shared_activities_are_copied_on_request() {
    let desk = Desk::new();
    let out = desk.run(&["remove", "goal", "1-ア-3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("needs a confirmation: add --yes"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        desk.ok(&["show", "1-ア-3"]).contains("ぴったりサービス"),
        "nothing removed"
    );

    let out = desk.run(&["remove", "goal", "1-ア-1", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("also those of ⑵-イ-6") && err.contains("--copy-activities"),
        "{err}"
    );

    let said = desk.ok(&["remove", "goal", "1-ア-1", "--copy-activities", "--yes"]);
    assert!(
        said.starts_with("removed ⑴-ア-1\n  copied 2 activities to ⑵-イ-6\n"),
        "{said}"
    );
    assert!(said.contains("⑴-ア-2 → ⑴-ア-1"), "{said}");
    let log = desk.ok(&["log"]);
    assert!(log.lines().last().expect("row").contains("削除"), "{log}");
    let said = desk.ok(&["undo"]);
    assert!(
        said.starts_with("undone: the removal of ⑴-ア-1 (it is back in its place)"),
        "{said}"
    );
    assert!(
        desk.ok(&["show", "1-ア-1"]).contains("年間総申請件数"),
        "back"
    );

    let said = desk.ok(&["remove", "activity", "1-ウ-1", "2", "--yes"]);
    assert_eq!(said, "removed ⑴-ウ-1 実施内容2\n");
}

#[test]
fn a_goal_moves_by_up_down_or_number_and_not_past_the_ends() {
    let desk = Desk::new();
    let said = desk.ok(&["move", "goal", "1-オ-1", "to", "３"]);
    assert_eq!(
        said,
        "moved ⑴-オ-1 to ⑴-オ-3\n  ⑴-オ-2 → ⑴-オ-1\n  ⑴-オ-3 → ⑴-オ-2\n"
    );
    let out = desk.run(&["move", "goal", "1-オ-1", "up"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("it is number 1 of 4"),
        "{}",
        text(&out.stderr)
    );
    let out = desk.run(&["move", "goal", "1-オ-1", "sideways"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        desk.ok(&["move", "activity", "1-オ-3", "1", "down"]),
        "moved ⑴-オ-3 実施内容1 to ⑴-オ-3 実施内容2\n"
    );
    desk.ok(&["undo"]);
    assert_eq!(desk.ok(&["undo"]), "undone: moved ⑴-オ-3 to ⑴-オ-1\n");
}

#[test]
fn the_japanese_words_say_what_was_added() {
    let desk = Desk::new();
    let said = desk.ok(&["--lang", "ja", "add", "goal", "⑴-ア", "新しい目標"]);
    assert_eq!(said, "⑴-ア-4 を追加しました\n");
}

#[test]
fn an_initiative_is_added_with_the_next_letter_and_removed_with_its_goals() {
    let desk = Desk::new();
    assert_eq!(
        desk.ok(&["add", "initiative", "⑴", "窓口改善"]),
        "added ⑴-カ\n"
    );
    desk.ok(&["add", "goal", "1-カ", "待ち時間"]);
    let out = desk.run(&["remove", "initiative", "1-ア", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("⑵-イ-6") && !err.contains("--copy-activities"),
        "{err}"
    );
    assert_eq!(
        desk.ok(&["remove", "initiative", "1-カ", "--yes"]),
        "removed ⑴-カ\n"
    );
    assert_eq!(
        desk.ok(&["undo"]),
        "undone: the removal of ⑴-カ (it is back in its place)\n"
    );
    assert!(
        desk.ok(&["show", "1-カ-1"]).contains("待ち時間"),
        "its goal came back"
    );
}

#[test]
fn a_part_is_added_to_a_composite_goal_with_its_target_and_removed() {
    let desk = Desk::new();
    assert_eq!(
        desk.ok(&["add", "part", "1-オ-1", "オンライン講習回数", "３", "回"]),
        "added ⑴-オ-1 オンライン講習回数\n"
    );
    assert!(desk.ok(&["show", "1-オ-1"]).contains("目標 3回"));
    let out = desk.run(&["add", "part", "1-ア-1", "件数", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        desk.ok(&["remove", "part", "1-オ-1", "3", "--yes"]),
        "removed ⑴-オ-1 オンライン講習回数\n"
    );
}

const SHEET: &str = "評価シート";
/// The handout's hidden key column (J), from 0, and the 実績値 column.
const KEY: u32 = 9;
const ACTUAL: u16 = 4;

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

#[test]
fn a_goal_removed_after_its_handout_is_left_out_at_collect() {
    let desk = Desk::new();
    let handout = desk.path("市民係.xlsx");
    desk.ok(&[
        "handout",
        "--section",
        "市民係",
        "--output",
        handout.to_str().unwrap(),
    ]);
    let mut cells = cells(&handout);
    let row = cells
        .iter()
        .find(|((_, c), d)| u32::from(*c) == KEY && **d == Data::String("1-ウ-1".into()))
        .map(|((r, _), _)| *r)
        .expect("⑴-ウ-1's row");
    cells.insert((row, ACTUAL), Data::Float(85.5));
    let returned = desk.path("市民係-回答.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(SHEET).unwrap();
    for ((r, c), d) in cells {
        match d {
            Data::Float(x) => ws.write_number(r, c, x).map(drop).unwrap(),
            Data::Int(i) => ws.write_number(r, c, i as f64).map(drop).unwrap(),
            other => ws.write_string(r, c, other.to_string()).map(drop).unwrap(),
        }
    }
    book.save(&returned).expect("saved");

    desk.ok(&["remove", "goal", "1-ウ-1", "--copy-activities", "--yes"]);
    let out = desk.run(&["collect", "--apply", returned.to_str().unwrap()]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    // Its rows (the goal's and its activities') are left out, each named; nothing crashes.
    assert_eq!(out.status.code(), Some(3), "{said}{err}");
    assert!(said.contains("0 applied"), "{said}");
    assert!(err.contains("is not a row of this handout"), "{err}");
    let log = desk.ok(&["log"]);
    assert!(
        !log.contains("85.5"),
        "nothing written for the removed goal: {log}"
    );
}
