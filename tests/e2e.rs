//! The real binary in a pseudo-terminal, as a clerk uses it: open the seeded file, type an
//! actual in full-width digits, see the new 達成度, quit; then the CLI sees the saved value.
//!
//! ratatui sends only the cells that changed, so the output is fed to a terminal emulator
//! (vt100) and the tests read its screen, as a person would.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::pty::{KEY_HINTS, Pty, tassei};

#[test]
fn a_clerk_types_an_actual_and_the_cli_sees_it() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    let first = app.wait_for(KEY_HINTS);
    assert!(
        first.contains("実績値   9,016件"),
        "opens on ⑴-ア 目標1:\n{first}"
    );
    app.send("\r"); // Enter: edit its 実績値
    app.wait_for("Enter save");
    app.send("\u{15}"); // Ctrl-U clears the field
    app.send("９，５００");
    let typing = app.wait_for("-> 達成度 95");
    assert!(
        typing.contains("９，５００"),
        "the typed text is in the field:\n{typing}"
    );
    app.send("\r");
    let saved = app.wait_for("saved (1)-ア-1 実績値 9,016 -> 9,500");
    assert!(
        saved.contains("達成度   95 ~ 概ね達成"),
        "the card shows 95 and the near marker:\n{saved}"
    );
    assert!(saved.contains("9,500 ÷ 10,000 × 100 = 95"));
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    assert!(
        !app.terminal.screen().alternate_screen(),
        "the terminal is back on the normal screen"
    );

    let out = tassei(&db)
        .args(["export", "--format", "json"])
        .stdin(Stdio::null())
        .output()
        .expect("export runs");
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &records[0];
    assert_eq!(
        (first["initiative"].as_str(), first["goal"].as_u64()),
        (Some("⑴-ア"), Some(1))
    );
    assert_eq!(
        (first["actual"].as_str(), first["achievement"].as_str()),
        (Some("9500"), Some("95"))
    );
    assert_eq!(first["status"], "near");
}

/// The row of the screen whose text contains `needle`.
fn row_of(screen: &vt100::Screen, needle: &str) -> u16 {
    let (_, cols) = screen.size();
    (0..24)
        .find(|&row| {
            screen
                .contents_between(row, 0, row, cols.get())
                .contains(needle)
        })
        .unwrap_or_else(|| panic!("{needle:?} is on screen:\n{}", screen.contents()))
}

/// True when every cell of `row` from `from` to `to` satisfies `test` (the second cell of a
/// wide glyph is the glyph's, and is skipped).
fn cells_all(
    screen: &vt100::Screen,
    row: u16,
    from: u16,
    to: u16,
    test: impl Fn(&vt100::Cell) -> bool,
) -> bool {
    (from..to).all(|col| {
        screen
            .cell(row, col)
            .is_some_and(|cell| cell.is_wide_continuation() || test(cell))
    })
}

/// What a terminal really shows: the selected tree row and card field carry reverse video
/// without colour and a coloured bar with it; the pane without the keyboard keeps a weaker mark.
#[test]
fn the_selection_is_highlighted_on_a_real_terminal() {
    for no_color in [false, true] {
        let dir = tempfile::tempdir().expect("dir");
        let mut command = tassei(&dir.path().join("tassei.db"));
        if no_color {
            command.env("NO_COLOR", "1");
        }
        let mut app = Pty::spawn_command(command);
        app.wait_for(KEY_HINTS);
        let screen = app.terminal.screen().clone();
        let selected = row_of(&screen, "~ 1 鹿児島");
        let next = selected + 1;
        let focused = |cell: &vt100::Cell| {
            if no_color {
                cell.inverse()
            } else {
                cell.bgcolor() == vt100::Color::Idx(4)
            }
        };
        assert!(
            cells_all(&screen, selected, 0, 30, focused),
            "the selected tree row is highlighted (NO_COLOR={no_color}):\n{}",
            screen.contents()
        );
        assert!(
            !cells_all(&screen, next, 0, 30, focused),
            "the next row is not"
        );
        app.send("\t");
        app.wait_for("Esc tree");
        app.settle();
        let screen = app.terminal.screen().clone();
        let field = row_of(&screen, "実績値   9,016件");
        assert!(
            cells_all(&screen, field, 40, 70, focused),
            "the card's selected field is highlighted (NO_COLOR={no_color}):\n{}",
            screen.contents()
        );
        assert!(
            !cells_all(&screen, selected, 0, 30, focused),
            "the tree row is no longer focused-highlighted"
        );
        let weaker = |cell: &vt100::Cell| {
            if no_color {
                cell.underline()
            } else {
                cell.bgcolor() == vt100::Color::Idx(8)
            }
        };
        assert!(
            cells_all(&screen, selected, 1, 30, weaker),
            "but keeps a weaker mark (NO_COLOR={no_color})"
        );
        app.send("q");
        assert_eq!(app.exit_code(), 0);
    }
}

#[test]
fn the_finder_finds_a_goal_and_shows_how_it_is_counted() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = Pty::spawn(&dir.path().join("tassei.db"));
    app.resize(160, 48); // a meeting room's projector
    app.wait_for(KEY_HINTS);
    app.send("\u{6}"); // Ctrl-F
    app.wait_for("find>");
    app.send("電子申請");
    let ranked = app.wait_for("(2)-イ-6");
    assert!(
        ranked.contains("(1)-ア-1") && ranked.contains("(1)-ア-2"),
        "the three titled goals:\n{ranked}"
    );
    app.send("\r");
    let method = app.wait_for("how it is counted");
    assert!(
        method.contains("鹿児島県電子申請システムの年間総申請件数を集計する"),
        "its 積算方法:\n{method}"
    );
    assert!(method.contains("【基準値→R2年度～R4年度の平均，目標値･実績値→R5年度】"));
    assert!(
        method.contains("9,016 / 10,000 x 100 = 90.16 -> 90"),
        "its worked 達成度:\n{method}"
    );
    app.send("q"); // closes the popup
    app.wait_for(KEY_HINTS);
    app.send("q");
    assert_eq!(app.exit_code(), 0);
}

#[test]
fn resizes_redraw_and_ctrl_c_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = Pty::spawn(&dir.path().join("tassei.db"));
    app.wait_for(KEY_HINTS);
    app.resize(60, 20);
    app.wait_for("terminal too small: 60x20");
    app.resize(100, 30);
    let back = app.wait_for(KEY_HINTS);
    assert!(!back.contains("too small"), "the layout is back:\n{back}");
    app.send("\u{3}"); // Ctrl-C
    assert_eq!(app.exit_code(), 0);
    let screen = app.terminal.screen();
    assert!(
        !screen.alternate_screen() && !screen.hide_cursor(),
        "normal screen, cursor shown"
    );
}

#[test]
fn a_review_meeting_from_finder_to_minutes() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.resize(160, 48);
    app.wait_for(KEY_HINTS);
    app.send("\u{6}"); // Ctrl-F
    app.wait_for("find>");
    app.send("コンビニ");
    app.wait_for("(2)-イ-8");
    app.send("\u{1b}[B"); // Down: ⑵-イ-7
    app.send("\r");
    let method = app.wait_for("how it is counted");
    assert!(
        method.contains("3,609 x 3分 / 60 = 180.45 -> 180.5"),
        "how its 180.5 was counted:\n{method}"
    );
    app.send("x"); // any key closes the lookup
    app.wait_for(KEY_HINTS);
    app.send("R");
    app.wait_for("評価会議");
    app.send("o");
    app.wait_for("未達成 first");
    app.send("g"); // the top of the new agenda: o keeps the goal under discussion
    let first = app.wait_for("1/26");
    assert!(
        first.contains("(3)-ウ-2"),
        "the worst shortfall first:\n{first}"
    );
    app.send("1");
    app.wait_for("決定事項 ---");
    app.send("次年度に企業連携の体制を構築する");
    app.wait_for("次年度に企業連携の体制を構築する");
    app.send("\r");
    app.wait_for("saved (3)-ウ-2 会議");
    app.send("q");
    assert_eq!(app.exit_code(), 0);

    let out = tassei(&db)
        .arg("minutes")
        .stdin(Stdio::null())
        .output()
        .expect("minutes runs");
    let minutes = String::from_utf8(out.stdout).expect("utf-8");
    let under_goal = minutes
        .split("### ")
        .find(|s| s.starts_with("⑶-ウ-2"))
        .expect("a section for ⑶-ウ-2");
    assert!(
        under_goal.contains("- 決定事項: 次年度に企業連携の体制を構築する"),
        "{minutes}"
    );
}

/// `tassei show 1-ア-1` reports `actual` as the stored 実績値.
/// ⑴-ア-1's 評価内容 as stored, read by a connection of its own.
fn stored_evaluation(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT evaluation FROM goal WHERE number = 1 AND initiative_id = 1",
        [],
        |r| r.get(0),
    )
    .expect("stored")
}

fn assert_stored_actual(db: &Path, actual: &str, why: &str) {
    let out = tassei(db)
        .args(["show", "1-ア-1"])
        .stdin(Stdio::null())
        .output()
        .expect("show");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains(&format!("実績値  {actual}件")),
        "{why}:\n{shown}"
    );
}

fn signal(app: &mut Pty, signal: expectrl::process::unix::Signal) {
    app.session.get_process_mut().kill(signal).expect("signals");
}

/// A field holding "95" is open when `signal` arrives: tassei ends with 0, the terminal
/// restored, and says the field was not saved; nothing half-typed is in the file.
fn a_stop_signal_with_a_field_open(signal_sent: expectrl::process::unix::Signal) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("\r\u{15}95");
    app.wait_for("95");
    signal(&mut app, signal_sent);
    assert_eq!(app.exit_code(), 0, "{signal_sent:?}");
    let screen = app.terminal.screen();
    assert!(
        !screen.alternate_screen() && !screen.hide_cursor(),
        "the terminal is restored after {signal_sent:?}:\n{}",
        screen.contents()
    );
    assert!(
        screen.contents().contains(
            "stopped by a signal; the open field of ⑴-ア-1 was not saved (it held \"95\")"
        ),
        "the clerk is told what was not saved:\n{}",
        screen.contents()
    );
    assert_stored_actual(&db, "9,016", "nothing half-typed was saved");
}

#[test]
fn sigterm_restores_the_terminal_and_says_the_open_field_was_not_saved() {
    a_stop_signal_with_a_field_open(expectrl::process::unix::Signal::SIGTERM);
}

/// Ctrl-C typed in the TUI is a key; a SIGINT from another program (`kill -INT`) is handled
/// as SIGTERM is: the terminal restored, the open field named as not saved.
#[test]
fn an_external_sigint_restores_the_terminal_as_sigterm_does() {
    a_stop_signal_with_a_field_open(expectrl::process::unix::Signal::SIGINT);
}

#[test]
fn sighup_when_the_terminal_closes_ends_cleanly_and_keeps_saved_edits() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("\r\u{15}9500");
    app.wait_for("-> 達成度 95");
    app.send("\r"); // a key of its own: Enter in the same burst as the digits is a line break
    app.wait_for("9,016 -> 9,500");
    signal(&mut app, expectrl::process::unix::Signal::SIGHUP);
    assert_eq!(app.exit_code(), 0);
    assert_stored_actual(&db, "9,500", "the saved edit stays");
}

/// Processes whose command line mentions `needle` (Linux `/proc`).
#[cfg(target_os = "linux")]
fn processes_mentioning(needle: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    entries
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter(|e| {
            std::fs::read(e.path().join("cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
#[cfg(target_os = "linux")]
fn a_terminal_that_hangs_up_without_a_sighup_still_ends_tassei() {
    if !Path::new("/usr/bin/setsid").exists() {
        eprintln!("skipped: no /usr/bin/setsid");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("hangup.db");
    // setsid gives tassei a session of its own: the pty is its input and output but not its
    // controlling terminal, so closing the pty sends it no SIGHUP, as when a terminal window
    // goes away before its shell passes the signal on. tassei must notice by itself.
    let mut command = Command::new("/usr/bin/setsid");
    command
        .arg("--wait") // setsid stays as the pty's session leader until tassei ends
        .arg(env!("CARGO_BIN_EXE_tassei"))
        .arg("--db") // on the command line, so the process can be found by it
        .arg(&db)
        .env("TASSEI_USER", "e2e")
        .env("TASSEI_CONFIG", common::no_config(&db))
        .env("TERM", "xterm-256color");
    common::pin_english(&mut command);
    let mut app = Pty::spawn_command(command);
    app.wait_for(KEY_HINTS);
    app.send("\r\u{15}9500");
    app.wait_for("-> 達成度 95");
    app.send("\r"); // a key of its own: Enter in the same burst as the digits is a line break
    app.wait_for("9,016 -> 9,500");
    let needle = db.to_string_lossy().into_owned();
    let running = processes_mentioning(&needle);
    assert!(!running.is_empty(), "tassei is running");
    drop(app); // closes the pty: the terminal hangs up

    let deadline = Instant::now() + Duration::from_secs(10);
    while !processes_mentioning(&needle).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left = processes_mentioning(&needle);
    for pid in &left {
        // Leave nothing spinning behind a failed test.
        let _ = Command::new("kill").args(["-9", pid]).status();
    }
    assert!(
        left.is_empty(),
        "tassei kept running after its terminal hung up"
    );
    assert_stored_actual(&db, "9,500", "the saved edit stays");
}

#[test]
fn a_resize_storm_and_a_100_kb_paste_neither_crash_nor_hang() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    for k in 0..40u16 {
        app.resize(20 + (k * 37) % 180, 5 + (k * 11) % 55);
    }
    app.resize(80, 24);
    app.wait_for(KEY_HINTS);
    // Tab to the card, down to 評価内容, open it, paste 100 KB with bracketed paste, save.
    app.send("\tjjjjj"); // past 単位, 小数桁, 算式, 積算方法 to 評価内容
    app.wait_for("Enter 評価内容を編集");
    app.send("\r");
    app.wait_for("Alt-Enter new line");
    let pasted = "貼付".repeat(17_000); // 102,000 bytes of UTF-8
    app.send(&format!("\u{1b}[200~{pasted}\u{1b}[201~"));
    app.send("\r");
    app.wait_for("saved (1)-ア-1 評価内容");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let stored = stored_evaluation(&db);
    assert!(
        stored.ends_with(&pasted),
        "the whole paste was saved ({} bytes)",
        stored.len()
    );
}

#[test]
fn a_bracketed_paste_with_carriage_returns_is_saved_as_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("\tjjjjj"); // past 単位, 小数桁, 算式, 積算方法 to 評価内容
    app.wait_for("Enter 評価内容を編集");
    app.send("\r"); // the card's 評価内容
    app.wait_for("Alt-Enter new line");
    app.send("\u{15}"); // Ctrl-U empties its one line
    // As tmux `paste-buffer -p` and many terminals send it: line breaks as CR.
    app.send("\u{1b}[200~一行目\r二行目\u{1b}[201~");
    let pasted = app.wait_for("二行目");
    // Each row of the editor, without its right border.
    let rows: Vec<&str> = pasted
        .lines()
        .map(|l| l.trim_end().trim_end_matches('|').trim_end())
        .collect();
    let first = rows
        .iter()
        .position(|row| row.ends_with("| 一行目"))
        .unwrap_or_else(|| panic!("the first line on a row of its own:\n{pasted}"));
    assert!(
        rows[first + 1].ends_with("| 二行目"),
        "the second under it:\n{pasted}"
    );
    app.send("\r");
    app.wait_for("saved (1)-ア-1 評価内容");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let stored = stored_evaluation(&db);
    assert_eq!(stored, "一行目\n二行目");
}

/// Windows terminals type a paste as keys: the same paragraph sent as plain keys in one burst
/// (no bracketed paste) lands as lines, and only an Enter of its own saves it.
#[test]
fn a_paste_typed_as_keys_is_lines_until_enter_is_pressed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("\tjjjjj"); // past 単位, 小数桁, 算式, 積算方法 to 評価内容
    app.wait_for("Enter 評価内容を編集");
    app.send("\r");
    app.wait_for("Alt-Enter new line");
    app.send("\u{15}");
    app.send("一行目\r二行目\r三行目");
    let pasted = app.wait_for("三行目");
    assert!(
        !pasted.contains("saved"),
        "an Enter inside the burst does not save:\n{pasted}"
    );
    app.send("\r");
    app.wait_for("saved (1)-ア-1 評価内容");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let stored = stored_evaluation(&db);
    assert_eq!(stored, "一行目\n二行目\n三行目");
}

/// A clerk collects a section's returned CSV from the TUI, as on a desk: `I`, the path as
/// Explorer's パスのコピー gives it (quoted, typed by the terminal as keys), Enter, the preview,
/// Enter; the card shows the new 達成度; `u` takes the whole file back; the log names the file.
#[test]
fn a_clerk_collects_a_returned_csv_and_takes_it_back() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let csv = dir.path().join("市民係.csv");
    std::fs::write(&csv, "goal,actual\r\n1-ア-1,９５００\r\n").expect("a returned CSV");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("I");
    app.wait_for("collect a returned file");
    app.send(&format!("\"{}\"", csv.display()));
    app.wait_for("市民係.csv\"");
    app.send("\r");
    let preview = app.wait_for("collect 市民係.csv");
    assert!(
        preview.contains("check (1)-ア-1 実績値  9,016 -> 9,500"),
        "the change to check:\n{preview}"
    );
    // A CSV's change waits for the clerk: `a` takes it, then Enter collects.
    app.send("a");
    app.wait_for("take   check");
    app.send("\r");
    let collected = app.wait_for("collected 1 from 市民係.csv");
    assert!(
        collected.contains("達成度   95 ~ 概ね達成"),
        "the card shows the goal collected:\n{collected}"
    );
    assert_stored_actual(&db, "9,500", "collected");
    app.send("u");
    app.wait_for("undid the collect of 市民係.csv: 1 value taken back");
    assert_stored_actual(&db, "9,016", "taken back");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    assert!(!app.terminal.screen().alternate_screen());
    let out = tassei(&db)
        .arg("log")
        .stdin(Stdio::null())
        .output()
        .expect("log runs");
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(log.contains("(from 市民係.csv)"), "{log}");
}

#[test]
fn u_in_a_plan_just_rolled_over_asks_then_removes_it_and_opens_last_year() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let rolled = common::tassei_as(&db, "e2e")
        .args(["rollover", "--to", "2024", "--apply"])
        .output()
        .expect("rollover runs");
    assert!(rolled.status.success(), "{rolled:?}");
    let mut app = Pty::spawn(&db);
    let first = app.wait_for(KEY_HINTS);
    assert!(
        first.contains("令和6年度"),
        "opens on the new year:\n{first}"
    );
    app.send("u");
    let asked = app.wait_for("remove ibusuki-dx-r6");
    assert!(
        asked.contains("Undo the rollover: remove the 令和6年度 plan ibusuki-dx-r6?"),
        "the question names the plan it removes:\n{asked}"
    );
    app.send("\u{1b}"); // Esc keeps it
    app.wait_for("nothing was undone");
    app.send("u");
    app.wait_for("remove ibusuki-dx-r6");
    app.send("1");
    let done = app.wait_for("undid the rollover");
    assert!(
        done.contains("令和5年度") && !done.contains("令和6年度 取り組み"),
        "last year's plan is open:\n{done}"
    );
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let plans = common::tassei_as(&db, "e2e")
        .arg("plans")
        .output()
        .expect("plans runs");
    let plans = String::from_utf8(plans.stdout).expect("utf-8");
    assert!(
        plans.contains("ibusuki-dx-r5") && !plans.contains("ibusuki-dx-r6"),
        "{plans}"
    );
}

/// The issue's "done when" on a real terminal: ⑴-ウ 目標2's target revised on the card, its
/// 達成度 following at once, and the CLI reading the new target.
#[test]
fn a_clerk_revises_a_target_on_the_card_and_sees_the_grade_follow() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("jjjjj"); // ⑴-ア 目標2, 目標3, ⑴-ウ, 目標1, 目標2
    app.wait_for("(1)-ウ-2");
    app.send("\t"); // the card, at 実績値
    app.send("k"); // 目標値, the line above
    app.wait_for("Enter edit 目標値");
    app.send("\r");
    app.wait_for("Enter save");
    app.send("\u{15}"); // Ctrl-U clears the field
    app.send("８５");
    app.wait_for("-> 達成度 99.9");
    app.send("\r");
    let saved = app.wait_for("saved (1)-ウ-2 目標値 84.23 -> 85");
    assert!(
        saved.contains("達成度   99.9 ~ 概ね達成"),
        "the card shows the new grade:\n{saved}"
    );
    assert!(
        saved.contains("84.93 ÷ 85 × 100 = 99.918 → 99.9"),
        "{saved}"
    );
    app.send("q");
    assert_eq!(app.exit_code(), 0);

    let out = tassei(&db)
        .args(["show", "1-ウ-2"])
        .stdin(Stdio::null())
        .output()
        .expect("show");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("目標値  85％"), "{shown}");
}
