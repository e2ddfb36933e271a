//! The plan's thresholds set from the dashboard in the real binary in a pseudo-terminal, as a
//! clerk does it: `D`, `b`, the line emptied and full-width digits typed, `Enter`; the dashboard
//! grades again at once and the CLI sees the new bands.

#![cfg(unix)]

mod common;

use common::pty::{KEY_HINTS, Pty, cli};

#[test]
fn a_clerk_sets_the_thresholds_from_the_dashboard_and_the_cli_sees_them() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    let mut app = Pty::spawn(&db);
    app.wait_for(KEY_HINTS);
    app.send("D");
    app.wait_for("dashboard");
    app.send("b");
    app.wait_for("評価基準 (達成 概ね達成, in %): 100 80");
    // Backspace six times (the terminal's DEL), then the new bands as an IME types them.
    app.send(&"\x7f".repeat(6));
    app.send("１２０　９０");
    app.wait_for("１２０");
    app.send("\r");
    app.wait_for("評価基準: 100・80 -> 120・90");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    let summary = String::from_utf8_lossy(&cli(&db, &["summary"]).stdout).into_owned();
    assert!(summary.contains("shortfalls (below 90)"), "{summary}");
    let log = String::from_utf8_lossy(&cli(&db, &["log"]).stdout).into_owned();
    assert!(log.contains("評価基準  100・80 → 120・90"), "{log}");
}
