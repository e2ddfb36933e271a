//! `tassei sections` and `tassei handout` through the real binary: the sections a handout can
//! be for, and a handout never written over a file already there (a section may be filling the
//! earlier one in) unless `--force`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

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
        tassei_as(&self.db(), "coord")
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .expect("tassei runs")
    }
    /// How many handouts the registry holds.
    fn handouts(&self) -> i64 {
        let conn = rusqlite::Connection::open(self.db()).expect("open");
        conn.query_row("SELECT count(*) FROM handout", [], |r| r.get(0))
            .expect("counted")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Lines on stderr other than notes (the data file created).
fn said(err: &[u8]) -> Vec<String> {
    text(err)
        .lines()
        .filter(|l| !l.starts_with("tassei: note:"))
        .map(str::to_string)
        .collect()
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("a folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn sections_lists_each_with_the_goals_it_leads_and_its_activities() {
    let desk = Desk::new();
    let out = desk.run(&["sections"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 15 + 1, "{listed}");
    assert_eq!(
        lines[0],
        "デジタル政策係      8 goals as 主担当, 6 shared, 22 activities"
    );
    assert_eq!(
        lines[1],
        "市民係              2 goals as 主担当, 0 shared, 3 activities"
    );
    assert!(
        lines.contains(&"市民課              0 goals as 主担当, 2 shared, 1 activities"),
        "{listed}"
    );
    assert_eq!(
        lines[15],
        "15 sections; tassei handout --section NAME writes one's workbook, --all-sections every one's"
    );
    // The names and their order are those a --section that names none lists.
    let refused = desk.run(&["handout", "--section", "無い係"]);
    assert_eq!(refused.status.code(), Some(2));
    let line = said(&refused.stderr).join("\n");
    let names: Vec<&str> = lines[..15]
        .iter()
        .map(|l| l.split("  ").next().unwrap_or_default())
        .collect();
    assert!(line.ends_with(&names.join(", ")), "{line}");
    // Each count is what that section's handout carries.
    let file = desk.path("市民係.xlsx");
    let out = desk.run(&[
        "handout",
        "--section",
        "市民係",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        said(&out.stderr)
            .join("\n")
            .contains("(2 goals, 3 activities)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_handout_is_not_written_over_a_file_there_unless_forced() {
    let desk = Desk::new();
    let file = desk.path("市民係.xlsx");
    let name = file.to_str().unwrap();
    let first = desk.run(&["handout", "--section", "市民係", "--output", name]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    // The section fills it in: the clerk's copy is not tassei's to replace.
    std::fs::write(&file, b"the section's answers").unwrap();

    let again = desk.run(&["handout", "--section", "市民係", "--output", name]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stderr));
    assert_eq!(
        said(&again.stderr),
        [format!(
            "tassei: {name}: already there (a section may be filling it in); nothing was written: \
             move it away, or add --force to replace it"
        )]
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"the section's answers");
    assert_eq!(
        desk.handouts(),
        1,
        "no handout registered for a file not written"
    );

    let forced = desk.run(&[
        "handout",
        "--section",
        "市民係",
        "--output",
        name,
        "--force",
    ]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(
        std::fs::read(&file).unwrap().starts_with(b"PK"),
        "a workbook again"
    );
    assert_eq!(desk.handouts(), 2);
}

#[test]
fn all_sections_writes_none_when_any_file_is_there_unless_forced() {
    let desk = Desk::new();
    let folder = desk.path("照会票");
    std::fs::create_dir(&folder).unwrap();
    for taken in ["市民係.xlsx", "総務係.xlsx"] {
        std::fs::write(folder.join(taken), b"filling in").unwrap();
    }
    let out = desk.run(&[
        "handout",
        "--all-sections",
        "--output",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let lines = said(&out.stderr);
    assert_eq!(lines.len(), 1, "one line: {lines:?}");
    let (citizens, general) = (folder.join("市民係.xlsx"), folder.join("総務係.xlsx"));
    assert!(
        lines[0].starts_with(&format!(
            "tassei: {}, {}: already there (a section may be filling them in); nothing was written",
            citizens.display(),
            general.display()
        )),
        "{}",
        lines[0]
    );
    assert_eq!(
        files_in(&folder),
        ["市民係.xlsx", "総務係.xlsx"],
        "none written"
    );
    assert_eq!(desk.handouts(), 0, "none registered");

    let out = desk.run(&[
        "handout",
        "--all-sections",
        "--output",
        folder.to_str().unwrap(),
        "--force",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(files_in(&folder).len(), 15);
    assert_eq!(desk.handouts(), 15);
    assert!(std::fs::read(&citizens).unwrap().starts_with(b"PK"));
}
