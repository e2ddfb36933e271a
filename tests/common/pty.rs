//! The real binary in an 80×24 pseudo-terminal, read back through a terminal emulator (vt100:
//! ratatui sends only the cells that changed): the harness of the end-to-end tests that type
//! keys as a clerk does.

use std::io::ErrorKind;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

/// The footer of the main screen with the tree focused: the app is up and waiting for keys.
pub const KEY_HINTS: &str = "Tab card  ? help";
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The binary on `db` with a colour terminal; the pty is its input and output.
pub fn tassei(db: &Path) -> Command {
    let mut cmd = super::binary(db, "e2e");
    cmd.env("TERM", "xterm-256color").env_remove("NO_COLOR");
    cmd
}

/// tassei in a pty, with the screen a terminal would show.
pub struct Pty {
    pub session: OsSession,
    /// The screen as a terminal would show it (what the tests read).
    pub terminal: vt100::Parser,
}

pub fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

impl Pty {
    pub fn spawn(db: &Path) -> Self {
        Self::spawn_command(tassei(db))
    }

    pub fn spawn_command(command: Command) -> Self {
        let mut session = Session::spawn(command).expect("spawns in a pty");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("80x24");
        Pty {
            session,
            terminal: vt100::Parser::new(size(24), size(80), 0),
        }
    }

    pub fn send(&mut self, text: &str) {
        use std::io::Write;
        self.session
            .write_all(text.as_bytes())
            .expect("writes to the pty");
        self.session.flush().expect("flushes");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("resizes");
        self.terminal.set_size(size(rows), size(cols));
    }

    /// Reads output until the screen shows `text`; returns the screen.
    pub fn wait_for(&mut self, text: &str) -> String {
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
                // A frame can arrive in several reads: take the rest before looking at it.
                self.settle();
                return self.screen();
            }
            let screen = self.screen();
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
        }
    }

    /// Reads until the app has been quiet for a moment.
    pub fn settle(&mut self) {
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

    pub fn screen(&self) -> String {
        self.terminal.screen().contents()
    }

    /// Waits for exit, reading the last output so the emulator sees the terminal restored.
    pub fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        let mut buf = [0u8; 8192];
        loop {
            while let Ok(n) = self.session.try_read(&mut buf) {
                if n == 0 {
                    break;
                }
                self.terminal.process(&buf[..n]);
            }
            // `status` reaps the child once it has exited, so its answer is kept.
            match self.session.get_process().status().expect("status") {
                WaitStatus::StillAlive => {
                    assert!(
                        Instant::now() < deadline,
                        "tassei did not exit; screen:\n{}",
                        self.screen()
                    );
                    std::thread::sleep(Duration::from_millis(10));
                }
                WaitStatus::Exited(_, code) => return code,
                other => panic!("tassei did not exit normally: {other:?}"),
            }
        }
    }
}

/// A command line on `db`, no terminal.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    tassei(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("tassei runs")
}
