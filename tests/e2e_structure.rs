//! Adding and removing a goal in the real binary in a pseudo-terminal, as a clerk does it: `a`
//! and a title typed, `d` and the question answered; the CLI then sees the change.

#![cfg(unix)]

mod common;

use common::pty::{KEY_HINTS, Pty, cli};

#[test]
fn a_clerk_adds_a_goal_with_a_typed_title_and_the_cli_sees_it() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("a");
    app.wait_for("New goal (1)-ア-2, title:");
    app.send("電子申請の利用件数");
    app.wait_for("電子申請の利用件数");
    app.send("\r");
    let added = app.wait_for("added (1)-ア-2");
    assert!(
        added.contains("(1)-ア-2  目標2"),
        "its card is on screen:\n{added}"
    );
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let shown = cli(&db, &["show", "1-ア-2"]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains("電子申請の利用件数"),
        "{}",
        String::from_utf8_lossy(&shown.stdout)
    );
}

#[test]
fn a_clerk_removes_a_goal_after_confirming_and_the_cli_sees_it_gone() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("jjd");
    let asked = app.wait_for("Remove?");
    assert!(asked.contains("(1)-ア-3"), "names the goal:\n{asked}");
    app.send("2");
    app.wait_for("nothing was removed");
    app.send("d");
    app.wait_for("Remove?");
    app.send("1");
    app.wait_for("removed (1)-ア-3");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let shown = cli(&db, &["show", "1-ア-3"]);
    assert_eq!(shown.status.code(), Some(2), "no ⑴-ア-3 any more");
    let log = String::from_utf8_lossy(&cli(&db, &["log"]).stdout).into_owned();
    assert!(
        log.lines().last().is_some_and(|l| l.contains("削除")),
        "{log}"
    );
}
