//! The plan's thresholds set from the dashboard in the real binary in a pseudo-terminal, as a
//! clerk does it: `D`, `b`, the line emptied and full-width digits typed, `Enter`; the dashboard
//! grades again at once and the CLI sees the new bands.

#![cfg(unix)]

use std::io::ErrorKind;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

mod common;

/// The footer of the main screen with the tree focused: the app is up and waiting for keys.
const KEY_HINTS: &str = "Tab card  ? help";
const TIMEOUT: Duration = Duration::from_secs(30);

fn tassei(db: &Path) -> Command {
    let mut cmd = common::binary(db, "e2e");
    cmd.env("TERM", "xterm-256color").env_remove("NO_COLOR");
    cmd
}

fn cli(db: &Path, args: &[&str]) -> Output {
    tassei(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("tassei runs")
}

struct Pty {
    session: OsSession,
    terminal: vt100::Parser,
}

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

impl Pty {
    fn spawn(db: &Path) -> Self {
        let mut session = Session::spawn(tassei(db)).expect("spawns in a pty");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("80x24");
        Pty {
            session,
            terminal: vt100::Parser::new(size(24), size(80), 0),
        }
    }

    fn send(&mut self, text: &str) {
        use std::io::Write;
        self.session
            .write_all(text.as_bytes())
            .expect("writes to the pty");
        self.session.flush().expect("flushes");
    }

    /// Reads output until the screen shows `text`; returns the screen.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => std::thread::sleep(Duration::from_millis(10)),
                Ok(n) => self.terminal.process(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(e) => panic!("reading the pty: {e}; screen:\n{}", self.screen()),
            }
            if self.screen().contains(text) {
                self.settle();
                return self.screen();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the screen shows:\n{}",
                self.screen()
            );
        }
    }

    fn settle(&mut self) {
        const QUIET: Duration = Duration::from_millis(150);
        let mut buf = [0u8; 8192];
        let mut last = Instant::now();
        while last.elapsed() < QUIET {
            match self.session.try_read(&mut buf) {
                Ok(n) if n > 0 => {
                    self.terminal.process(&buf[..n]);
                    last = Instant::now();
                }
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    fn screen(&self) -> String {
        self.terminal.screen().contents()
    }

    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        let mut buf = [0u8; 8192];
        loop {
            while let Ok(n) = self.session.try_read(&mut buf) {
                if n == 0 {
                    break;
                }
                self.terminal.process(&buf[..n]);
            }
            match self.session.get_process().status().expect("status") {
                WaitStatus::StillAlive => {
                    assert!(Instant::now() < deadline, "tassei did not exit");
                    std::thread::sleep(Duration::from_millis(10));
                }
                WaitStatus::Exited(_, code) => return code,
                other => panic!("tassei did not exit normally: {other:?}"),
            }
        }
    }
}

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
