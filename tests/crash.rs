//! Crash safety: the real binary, killed with SIGKILL at random moments, never loses an edit it
//! acknowledged ("saved …") and never leaves the file damaged. Rounds: TASSEI_CRASH_ROUNDS
//! (default 200 for the CLI, a tenth of that for the TUI in a pseudo-terminal).

#![cfg(unix)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so a failing round can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn rounds() -> u64 {
    std::env::var("TASSEI_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200)
}

fn tassei(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tassei"));
    cmd.env("TASSEI_DB", db)
        .env("TASSEI_USER", "crash")
        // Never written: the developer's own config never leaks into a test.
        .env("TASSEI_CONFIG", db.with_file_name("config.toml"))
        .stdin(Stdio::null());
    cmd
}

/// What the file holds: its integrity, ⑴-ア-1's actual, and the values its change log recorded.
fn inspect(db: &Path) -> (String, Option<String>, Vec<String>) {
    let conn = rusqlite::Connection::open(db).expect("the file opens after a kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    let actual: Option<String> = conn
        .query_row(
            "SELECT g.actual_num FROM goal g JOIN initiative i ON g.initiative_id = i.id
             WHERE i.area = 1 AND i.kana = 'ア' AND g.number = 1",
            [],
            |r| r.get(0),
        )
        .expect("⑴-ア-1");
    let logged: Vec<String> = conn
        .prepare(
            "SELECT new FROM change_log WHERE subject = '⑴-ア-1' AND field = 'actual' ORDER BY id",
        )
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
        .expect("log");
    (integrity, actual, logged)
}

#[test]
fn acknowledged_cli_edits_survive_sigkill() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    assert!(
        tassei(&db)
            .arg("summary")
            .output()
            .expect("runs")
            .status
            .success()
    );
    let mut rng = Rng(0x005e_ed7a_55e1);
    let (mut acknowledged, mut unacknowledged) = (0, 0);
    let mut previous = Some("9016".to_string());
    let started = Instant::now();
    for round in 1..=rounds() {
        let value = (10_000 + round).to_string();
        let mut child = tassei(&db)
            .args(["set", "1-ア-1", "actual", &value])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        // Anywhere from before the file is opened to after the commit was acknowledged.
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        let _ = child.kill(); // SIGKILL: no destructor, no flush, no chance to tidy up
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            let _ = stdout.read_to_string(&mut out);
        }
        let _ = child.wait();
        let (integrity, actual, logged) = inspect(&db);
        assert_eq!(integrity, "ok", "round {round}: the file is damaged");
        let acked = out.contains("saved ⑴-ア-1 実績値");
        if acked {
            acknowledged += 1;
            assert_eq!(
                actual.as_deref(),
                Some(value.as_str()),
                "round {round}: an acknowledged edit was lost"
            );
            assert_eq!(
                logged.last(),
                Some(&format!("\"{value}\"")),
                "round {round}: its change-log row is missing"
            );
        } else {
            unacknowledged += 1;
            assert!(
                actual == previous || actual.as_deref() == Some(value.as_str()),
                "round {round}: {actual:?}"
            );
        }
        previous = actual;
    }
    eprintln!(
        "crash harness (CLI): {} rounds in {:.1}s, {acknowledged} edits acknowledged, {unacknowledged} killed before \
         acknowledging, 0 acknowledged edits lost",
        rounds(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        acknowledged > 0 && unacknowledged > 0,
        "the kills must land both before and after commits"
    );
}

#[test]
fn acknowledged_tui_edits_survive_sigkill() {
    use expectrl::Session;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    assert!(
        tassei(&db)
            .arg("summary")
            .output()
            .expect("runs")
            .status
            .success()
    );
    let mut rng = Rng(0x7e1_c0de);
    let (mut acknowledged, mut rounds_run) = (0, 0);
    for round in 1..=(rounds() / 10).max(5) {
        let value = (20_000 + round).to_string();
        let mut cmd = tassei(&db);
        cmd.env("TERM", "xterm-256color");
        let mut session = Session::spawn(cmd).expect("spawns in a pty");
        let mut screen = vt100::Parser::new(
            std::num::NonZeroU16::new(24).expect("24"),
            std::num::NonZeroU16::new(80).expect("80"),
            0,
        );
        let read = |session: &mut expectrl::session::OsSession, screen: &mut vt100::Parser| {
            let mut buf = [0u8; 8192];
            while let Ok(n) = session.try_read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen.process(&buf[..n]);
            }
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !screen.screen().contents().contains("? help") {
            assert!(Instant::now() < deadline, "the TUI did not start");
            read(&mut session, &mut screen);
            std::thread::sleep(Duration::from_millis(5));
        }
        use std::io::Write;
        let _ = session.write_all(format!("\r\u{15}{value}").as_bytes());
        let _ = session.flush();
        // Enter as a key of its own, after the digits are on screen: in the same burst it
        // would be a pasted line break (Windows pastes arrive as keys), not a save.
        while !screen.screen().contents().contains(&value) {
            assert!(
                Instant::now() < deadline,
                "the field did not show the value"
            );
            read(&mut session, &mut screen);
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = session.write_all(b"\r");
        let _ = session.flush();
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        let _ = session
            .get_process_mut()
            .kill(expectrl::process::unix::Signal::SIGKILL);
        read(&mut session, &mut screen);
        let _ = session.get_process().wait();
        rounds_run += 1;
        let (integrity, actual, _) = inspect(&db);
        assert_eq!(integrity, "ok", "TUI round {round}: the file is damaged");
        if screen
            .screen()
            .contents()
            .contains(&format!("-> {},{}", &value[..2], &value[2..]))
        {
            acknowledged += 1;
            assert_eq!(
                actual.as_deref(),
                Some(value.as_str()),
                "TUI round {round}: an acknowledged edit was lost"
            );
        }
    }
    eprintln!(
        "crash harness (TUI): {rounds_run} rounds, {acknowledged} edits acknowledged on screen, 0 lost"
    );
}
