//! The laptop's road home, through the real binary: `tassei handout --format tassei` writes a
//! section's handout as a tassei data file, a clerk edits it as a data file (`tassei --db
//! 市民係.tassei`, another name in the change log), and `tassei collect 市民係.tassei` previews,
//! applies by the three-way rule, names who changed what there, and refuses what it must.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::tassei_as;
use tassei::model::{Edit, GoalRef};
use tassei::store::Store;

/// The coordinator's desk: a data file, and the laptop's files beside it.
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
    /// The coordinator's tassei.
    fn run(&self, args: &[&str]) -> Output {
        self.run_on(&self.db(), "coord", args)
    }
    /// The laptop's tassei, on the exchange file, as `actor`.
    fn laptop(&self, file: &Path, actor: &str, args: &[&str]) -> Output {
        let out = self.run_on(file, actor, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        out
    }
    fn run_on(&self, db: &Path, actor: &str, args: &[&str]) -> Output {
        tassei_as(db, actor)
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .expect("tassei runs")
    }
    /// `tassei handout --format tassei` for `section`: the file.
    fn handout(&self, section: &str) -> PathBuf {
        let file = self.path(&format!("{section}.tassei"));
        let out = self.run(&[
            "handout",
            "--section",
            section,
            "--format",
            "tassei",
            "--output",
            file.to_str().expect("a path"),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        file
    }
    fn collect(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let mut all = vec!["collect"];
        all.extend(args);
        let out = self.run(&all);
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    }
    fn log(&self, goal: &str) -> String {
        text(&self.run(&["log", goal]).stdout)
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn name(path: &Path) -> &str {
    path.to_str().expect("a path")
}

/// Sets a goal's 評価内容 in the data file `file` as `actor`, as the TUI's field does (the CLI
/// has no command for it).
fn set_evaluation(file: &Path, actor: &str, goal: &str, words: &str) {
    let mut store = Store::open(file, actor).expect("opens");
    let plan = store
        .load_plan(store.plan_id(None).expect("a plan"))
        .expect("loads");
    let r: GoalRef = goal.parse().expect("a code");
    let id = plan.goal(r).expect("the goal").1.id;
    store
        .apply(
            &Edit::Evaluation {
                goal: id,
                text: words.into(),
            },
            None,
        )
        .expect("saved");
}

/// Runs SQL on a data file, as something other than tassei would.
fn tamper(file: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(file).expect("opens");
    conn.execute_batch(sql).expect("tampered");
}

fn journal_mode(file: &Path) -> String {
    rusqlite::Connection::open(file)
        .and_then(|c| c.query_row("PRAGMA journal_mode", [], |r| r.get(0)))
        .expect("mode")
}

fn wal(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

#[test]
fn a_laptop_file_is_filled_previewed_applied_logged_and_not_taken_twice() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    assert_eq!(journal_mode(&file), "delete");

    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "85.5"]);
    desk.laptop(
        &file,
        "tanaka",
        &["activity", "1-ウ-1", "1", "status", "完了"],
    );
    desk.laptop(
        &file,
        "tanaka",
        &[
            "note",
            "1-ウ-1",
            "decision",
            "窓口でも案内する",
            "--date",
            "2026-11-30",
        ],
    );
    set_evaluation(&file, "tanaka", "1-ウ-1", "窓口の案内を強化した");
    assert!(
        !wal(&file).exists(),
        "the laptop's tassei never switches it to WAL"
    );
    assert_eq!(journal_mode(&file), "delete");

    let (code, said, err) = desk.collect(&[name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    assert!(
        said.contains(
            "市民係.tassei — 市民係, handout 1, a handout data file changed there by tanaka"
        ),
        "who: {said}"
    );
    assert!(said.contains("⑴-ウ-1 実績値  13.47 → 85.5"), "{said}");
    assert!(said.contains("⑴-ウ-1 実施内容1 状況"), "{said}");
    assert!(said.contains("⑴-ウ-1 評価内容"), "{said}");
    assert!(said.contains("⑴-ウ-1 会議 2026-11-30 決定事項"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    assert!(
        !desk.log("1-ウ-1").contains("85.5"),
        "a preview writes nothing"
    );

    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    assert!(said.contains("4 applied, 0 left out"), "{said}");
    let log = desk.log("1-ウ-1");
    let line = log.lines().find(|l| l.contains("85.5")).expect(&log);
    assert!(line.contains("coord"), "the applying clerk: {line}");
    assert!(line.contains("市民係"), "the section: {line}");
    assert!(
        line.contains("市民係.tassei: tanaka"),
        "who changed it there: {line}"
    );
    assert!(
        log.lines()
            .any(|l| l.contains("窓口でも案内する") && l.contains("tanaka")),
        "the note too: {log}"
    );
    let minutes = text(&desk.run(&["minutes", "--date", "2026-11-30"]).stdout);
    assert!(
        minutes.contains("85.5") && minutes.contains("窓口でも案内する"),
        "the note is read with the figures it was written with there: {minutes}"
    );

    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    assert!(said.contains("collected before"), "{said}");
    assert!(said.contains("nothing to change"), "{said}");
    assert_eq!(desk.log("1-ウ-1"), log, "collecting again changes nothing");

    // A later change there (the note's follow-up, the actual again) comes in on its own.
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "86"]);
    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    assert!(said.contains("85.5 → 86"), "{said}");
    assert!(said.contains("1 applied, 0 left out"), "{said}");
}

#[test]
fn a_change_made_here_since_the_handout_is_a_conflict_and_not_applied() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    let set = desk.run(&["set", "1-ウ-1", "actual", "70"]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "90"]);
    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(3), "{said}{err}");
    assert!(
        said.contains("conflict ⑴-ウ-1 実績値  now 70 (set by coord, ")
            && said.contains("returned 90, handed out 13.47"),
        "{said}"
    );
    assert!(err.contains("left out"), "{err}");
    assert!(!desk.log("1-ウ-1").contains("→ 90"), "not applied");

    let (code, said, err) = desk.collect(&["--apply", "--prefer", "returned", name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    assert!(desk.log("1-ウ-1").contains("70 → 90"));
}

#[test]
fn a_file_still_open_on_the_laptop_is_refused() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "85.5"]);
    std::fs::write(wal(&file), b"").expect("a -wal beside it");
    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(2), "{said}{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("市民係.tassei-wal lies beside it"), "{err}");
    assert!(err.contains("close tassei on the laptop first"), "{err}");
    assert!(!desk.log("1-ウ-1").contains("85.5"), "nothing written");
}

#[test]
fn a_file_of_another_plan_year_format_or_handout_is_refused_whole() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "85.5"]);
    let refused = |sql: &str, says: &str| {
        let copy = desk.path("tampered.tassei");
        std::fs::copy(&file, &copy).expect("a copy");
        tamper(&copy, sql);
        let (code, said, err) = desk.collect(&["--apply", name(&copy)]);
        assert_eq!(code, Some(2), "{sql}: {said}{err}");
        assert!(err.contains(says), "{sql}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        std::fs::remove_file(&copy).expect("removed");
    };
    refused(
        "UPDATE exchange SET format = 2, app_version = '9.0.0'",
        "exchange format 2 (written by tassei 9.0.0); this tassei 0.1.0 reads format 1",
    );
    refused(
        "UPDATE exchange SET plan_uid = '0123456789abcdef0123456789abcdef'",
        "not handed out for the plan open",
    );
    refused(
        "UPDATE exchange SET fiscal_year = 2022",
        "handed out for 令和4年度, not 令和5年度",
    );
    refused(
        "UPDATE exchange SET handout_created = '2000-01-01T00:00:00.000Z'",
        "handed out from a copy of this data file",
    );
    refused(
        "UPDATE exchange SET handout_id = 99",
        "never handed out handout 99",
    );
    refused(
        "UPDATE exchange SET section = 'デジタル政策係'",
        "says handout 1 went to デジタル政策係, but the registry says 市民係",
    );
    refused(
        "DROP TABLE exchange",
        "a tassei data file, but not a handout",
    );
    assert!(!desk.log("1-ウ-1").contains("85.5"), "nothing written");

    // Another coordinator's handout with the same number: the plan differs (its own uids).
    let other = Desk::new();
    let (code, said, err) = other.collect(&[name(&file)]);
    assert_eq!(code, Some(2), "{said}{err}");
    assert!(err.contains("not handed out for the plan open"), "{err}");
}

#[test]
fn what_is_not_the_sections_to_fill_is_left_out_with_its_reason() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "85.5"]);
    // Another section's goal (⑴-ア-1 is デジタル政策係's), and a target nobody may change there.
    desk.laptop(&file, "suzuki", &["set", "1-ア-1", "actual", "3"]);
    tamper(
        &file,
        "UPDATE goal SET target_num = '20' WHERE id = (
             SELECT g.id FROM goal g JOIN initiative i ON i.id = g.initiative_id
             WHERE i.area = 1 AND i.kana = 'ウ' AND g.number = 1)",
    );
    let (code, said, err) = desk.collect(&["--apply", name(&file)]);
    assert_eq!(code, Some(3), "{said}{err}");
    assert!(said.contains("1 applied, 2 left out"), "{said}");
    assert!(
        err.contains("⑴-ア-1 実績値 was changed there by suzuki (")
            && err.contains("is not this section's to fill: left out"),
        "{err}"
    );
    assert!(
        err.contains("⑴-ウ-1's 目標値 differs from this data file: left out"),
        "{err}"
    );
    assert!(
        !desk.log("1-ア-1").contains("→ 3"),
        "another section's: not applied"
    );
    let show = text(&desk.run(&["show", "1-ウ-1"]).stdout);
    assert!(
        show.contains("15.00％"),
        "the target is the coordinator's: {show}"
    );
}

#[test]
fn every_section_gets_its_file_and_none_is_written_over() {
    let desk = Desk::new();
    let folder = desk.path("照会");
    let args = [
        "handout",
        "--all-sections",
        "--format",
        "tassei",
        "--output",
        name(&folder),
    ];
    let out = desk.run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files: Vec<String> = std::fs::read_dir(&folder)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(files.len() > 5, "{files:?}");
    assert!(files.iter().all(|f| f.ends_with(".tassei")), "{files:?}");
    assert!(files.contains(&"市民係.tassei".to_string()), "{files:?}");

    let over_the_data_file = desk.run(&[
        "handout",
        "--section",
        "市民係",
        "--format",
        "tassei",
        "--output",
        name(&desk.db()),
    ]);
    assert_eq!(over_the_data_file.status.code(), Some(2));
    assert!(
        desk.run(&["show", "1-ア-1"]).status.success(),
        "the data file is as it was"
    );

    let again = desk.run(&args);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("already there (a section may be filling them in)"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn a_laptop_collect_speaks_japanese() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "田中", &["set", "1-ウ-1", "actual", "85.5"]);
    let out = tassei_as(&desk.db(), "coord")
        .current_dir(desk.dir.path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["collect", name(&file)])
        .output()
        .expect("runs");
    let said = text(&out.stdout);
    assert!(
        said.contains("市民係.tassei — 市民係、照会番号 1、照会用データファイル（田中 が入力"),
        "{said}"
    );
    assert!(said.contains("プレビューです"), "{said}");
}

/// The laptop's clerk in the TUI, in a pseudo-terminal: the exchange file opens as any data
/// file, an actual typed there is saved without a WAL, and the collect brings it back.
#[cfg(unix)]
mod tui {
    use std::io::{ErrorKind, Write};
    use std::num::NonZeroU16;
    use std::time::{Duration, Instant};

    use expectrl::Session;
    use expectrl::process::unix::WaitStatus;

    use super::*;

    fn size(n: u16) -> NonZeroU16 {
        NonZeroU16::new(n).expect("non-zero size")
    }

    /// Reads the pty until the screen shows `text`.
    fn wait_for(
        session: &mut expectrl::session::OsSession,
        screen: &mut vt100::Parser,
        text: &str,
    ) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut buf = [0u8; 8192];
        while !screen.screen().contents().contains(text) {
            match session.try_read(&mut buf) {
                Ok(n) if n > 0 => screen.process(&buf[..n]),
                Ok(_) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(e) => panic!("reading the pty: {e}"),
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}:\n{}",
                screen.screen().contents()
            );
        }
    }

    #[test]
    fn an_actual_typed_in_the_tui_on_the_laptop_is_collected() {
        let desk = Desk::new();
        let file = desk.handout("市民係");
        let mut command = common::binary(&file, "tanaka");
        command.env("TERM", "xterm-256color");
        let mut session = Session::spawn(command).expect("spawns in a pty");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("80x24");
        let mut screen = vt100::Parser::new(size(24), size(80), 0);
        let send = |session: &mut expectrl::session::OsSession, keys: &str| {
            session.write_all(keys.as_bytes()).expect("writes");
            session.flush().expect("flushes");
        };
        wait_for(&mut session, &mut screen, "Tab card  ? help");
        send(&mut session, "\u{6}"); // Ctrl-F: the finder
        wait_for(&mut session, &mut screen, "find>");
        send(&mut session, "1ウ1");
        wait_for(&mut session, &mut screen, "(1)-ウ-1");
        send(&mut session, "\r");
        wait_for(&mut session, &mut screen, "how it is counted");
        send(&mut session, "q"); // closes it
        wait_for(&mut session, &mut screen, "Tab card  ? help");
        send(&mut session, "\r"); // edit its 実績値
        wait_for(&mut session, &mut screen, "Enter save");
        send(&mut session, "\u{15}14.2");
        wait_for(&mut session, &mut screen, "-> 達成度 95");
        send(&mut session, "\r");
        wait_for(
            &mut session,
            &mut screen,
            "saved (1)-ウ-1 実績値 13.47 -> 14.2",
        );
        assert!(
            !wal(&file).exists(),
            "no WAL while the laptop's tassei is open"
        );
        send(&mut session, "q");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut buf = [0u8; 8192];
            while let Ok(n) = session.try_read(&mut buf) {
                if n == 0 {
                    break;
                }
            }
            match session.get_process().status().expect("status") {
                WaitStatus::Exited(_, code) => {
                    assert_eq!(code, 0);
                    break;
                }
                WaitStatus::StillAlive if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => panic!("tassei did not exit: {other:?}"),
            }
        }
        assert!(!wal(&file).exists());

        let (code, said, err) = desk.collect(&["--apply", name(&file)]);
        assert_eq!(code, Some(0), "{said}{err}");
        assert!(said.contains("changed there by tanaka"), "{said}");
        assert!(said.contains("⑴-ウ-1 実績値  13.47 → 14.2"), "{said}");
        let log = desk.log("1-ウ-1");
        assert!(log.contains("市民係.tassei: tanaka"), "{log}");
    }
}

/// `--force` over an exchange file moves the old one aside (a section may have filled it in),
/// and never touches the open data file or a file still open on a laptop.
#[test]
fn forced_handout_moves_the_old_file_aside_and_never_replaces_an_open_one() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "tanaka", &["set", "1-ウ-1", "actual", "85.5"]);
    let args = [
        "handout",
        "--section",
        "市民係",
        "--format",
        "tassei",
        "--output",
        name(&file),
        "--force",
    ];
    let beside = desk.path("市民係.tassei-journal");
    std::fs::write(&beside, b"").expect("a journal");
    let open = desk.run(&args);
    assert_eq!(open.status.code(), Some(2), "{}", text(&open.stderr));
    assert!(
        text(&open.stderr).contains("lies beside it"),
        "{}",
        text(&open.stderr)
    );
    std::fs::remove_file(&beside).expect("removed");

    let forced = desk.run(&args);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let aside = desk.path("市民係.tassei.replaced-1");
    assert!(
        text(&forced.stderr).contains("市民係.tassei.replaced-1"),
        "{}",
        text(&forced.stderr)
    );
    assert!(aside.is_file() && file.is_file());
    // The filled file is whole where it was moved: its 85.5 is still collectable.
    let out = desk.run(&["collect", name(&aside)]);
    assert!(
        text(&out.stdout).contains("85.5"),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );

    let data = desk.run(&[
        "handout",
        "--section",
        "市民係",
        "--format",
        "tassei",
        "--output",
        name(&desk.db()),
        "--force",
    ]);
    assert_eq!(data.status.code(), Some(2), "{}", text(&data.stderr));
    assert!(desk.db().is_file(), "the data file stays");
}

/// The laptop's clerk is told, when saving, what the collect will leave out: another section's
/// goal, another section's activity; their own fields say nothing more.
#[test]
fn a_laptop_edit_that_will_not_travel_back_is_said_when_saved() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    let warned = |args: &[&str]| text(&desk.laptop(&file, "sato", args).stderr);

    let err = warned(&["set", "1-ア-1", "actual", "9500"]);
    assert!(
        err.contains(
            "warning: ⑴-ア-1 実績値 is saved here, but it is not one of 市民係's fields in this \
             handout: the collect will leave it out"
        ),
        "{err}"
    );
    let err = warned(&["activity", "1-ウ-1", "4", "status", "完了"]);
    assert!(err.contains("⑴-ウ-1 実施内容4 状況 is saved here"), "{err}");
    let err = warned(&["note", "1-ア-1", "decision", "続ける"]);
    assert!(
        err.contains("is saved here, but"),
        "another section's note: {err}"
    );

    for args in [
        &["set", "1-ウ-1", "actual", "14"][..],
        &["activity", "1-ウ-1", "1", "status", "完了"],
        &["note", "1-ウ-1", "decision", "続ける"],
    ] {
        let err = warned(args);
        assert!(!err.contains("is saved here"), "{args:?} travels: {err}");
    }
    // The coordinator's own data file is no handout: nothing to say.
    let out = desk.run(&["set", "1-ア-1", "actual", "9500"]);
    assert!(
        !text(&out.stderr).contains("is saved here"),
        "{}",
        text(&out.stderr)
    );
}

/// A target revised on the laptop with `set` (logged there, and the plan's fixed content) is
/// left out in one line, not twice.
#[test]
fn a_target_revised_on_the_laptop_is_left_out_in_one_line() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    desk.laptop(&file, "sato", &["set", "1-ウ-1", "target", "20"]);
    let (code, said, err) = desk.collect(&[name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    let lines: Vec<&str> = said.lines().filter(|l| l.contains("目標値")).collect();
    assert_eq!(lines.len(), 1, "{said}");
    assert!(lines[0].contains("differs from this data file"), "{said}");
}

/// The definition edits a laptop can make (a goal's note and formula, a part's target, an
/// activity's 実施内容, 時期 and 担当係) are the plan's fixed content too: each goal is left out
/// in one line, never also as a logged field that is not the section's, and nothing is written.
#[test]
fn definition_edits_on_the_laptop_are_left_out_once_each() {
    let desk = Desk::new();
    let file = desk.handout("市民係");
    for args in [
        &["set", "1-ウ-1", "note", "※参考 ラップトップで変更"][..],
        &["set", "1-ウ-1", "formula", "lower_is_better"][..],
        &["activity", "1-ウ-1", "1", "content", "チラシでPRを行う"][..],
        &["activity", "1-ウ-1", "1", "period", "R５.６～Ｒ６．２"][..],
        &["activity", "1-ウ-1", "1", "sections", "市民係、総務係"][..],
    ] {
        desk.laptop(&file, "sato", args);
    }
    let before = desk.run(&["show", "1-ウ-1"]);
    let (code, said, err) = desk.collect(&[name(&file)]);
    assert_eq!(code, Some(0), "{said}{err}");
    let lines: Vec<&str> = said.lines().filter(|l| l.contains("⑴-ウ-1")).collect();
    assert_eq!(lines.len(), 1, "one line for the goal:\n{said}");
    assert!(lines[0].contains("differs from this data file"), "{said}");
    assert!(!said.contains("is not this section's"), "{said}");
    assert_eq!(
        text(&desk.run(&["show", "1-ウ-1"]).stdout),
        text(&before.stdout),
        "nothing of the definition was written"
    );
}
