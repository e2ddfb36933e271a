//! `cargo bench --bench peers`: tassei's open-to-first-frame on 100,000 goals beside what a
//! clerk could otherwise open: the floor, `sqlite3 FILE 'select * from goal'` reading the same
//! rows, and VisiData (`pip install visidata`) opening the same goals exported as CSV.
//!
//! Each program runs in a pseudo-terminal (80x24) and is timed from spawn until its screen
//! shows the data; the output is fed to a terminal emulator (vt100), as in the end-to-end
//! tests. One untimed run of each first warms the page cache (and makes tassei's daily
//! backup); then `TASSEI_PEERS_RUNS` (default 5) timed runs; medians. A program that is not
//! installed is skipped with a note.

#![cfg(unix)]

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use expectrl::Session;

const TIMEOUT: Duration = Duration::from_secs(120);
/// The first complete frame: the status bar's key hints are drawn with the tree and card.
const TASSEI_READY: &str = "? help  Enter edit";
/// VisiData's first rows: the first goal's initiative title.
const VISIDATA_ROWS: &str = "電子申請の推進 1";
/// VisiData has read every row when its status line counts them all and no longer loads.
const VISIDATA_ALL: &str = "100000 rows";

fn main() {
    let runs: usize = std::env::var("TASSEI_PEERS_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let temporary = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("TASSEI_BENCH_DIR")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let db = dir.join("peers-100k.db");
    let csv = dir.join("peers-100k.csv");
    if !db.exists() {
        build(&db);
    }
    let exported = Command::new(tassei_exe())
        .args(["--plan", "scale", "export", "--format", "csv", "--output"])
        .arg(&csv)
        .env("TASSEI_DB", &db)
        .env("TASSEI_CONFIG", db.with_file_name("config.toml"))
        .stderr(Stdio::null())
        .status()
        .expect("tassei export runs");
    assert!(exported.success(), "tassei export failed");

    println!("open to first frame, 100,000 goals ({runs} runs after one warm-up; medians)");
    let mut tassei_cmd = Command::new(tassei_exe());
    // The bench's own (absent) config: a developer's tree width or theme must not skew it.
    tassei_cmd
        .args(["--plan", "scale"])
        .env("TASSEI_DB", &db)
        .env("TASSEI_CONFIG", db.with_file_name("config.toml"));
    let tassei = median_of(runs, || until_screen_shows(&tassei_cmd, TASSEI_READY, None));
    row(
        "tassei (first frame: every goal loaded and graded)",
        tassei,
        tassei,
    );

    if installed("sqlite3") {
        let floor = median_of(runs, || {
            let start = Instant::now();
            let status = Command::new("sqlite3")
                .arg(&db)
                .arg("select * from goal")
                .stdout(Stdio::null())
                .status()
                .expect("sqlite3 runs");
            assert!(status.success(), "sqlite3 failed");
            start.elapsed()
        });
        row("sqlite3 'select * from goal' (the floor)", floor, tassei);
    } else {
        println!("  sqlite3 not installed: skipped");
    }

    if installed("vd") {
        let mut vd = Command::new("vd");
        vd.arg(&csv);
        let first = median_of(runs, || until_screen_shows(&vd, VISIDATA_ROWS, None));
        row("VisiData on the CSV (first rows shown)", first, tassei);
        let all = median_of(runs, || {
            until_screen_shows(&vd, VISIDATA_ALL, Some("loading"))
        });
        row("VisiData on the CSV (all rows read)", all, tassei);
    } else {
        println!("  VisiData not installed (pip install visidata): skipped");
    }
}

fn tassei_exe() -> &'static str {
    env!("CARGO_BIN_EXE_tassei")
}

fn row(label: &str, time: Duration, tassei: Duration) {
    println!(
        "  {label:<52} {:>9.1} ms  {:>6.2}x tassei",
        time.as_secs_f64() * 1000.0,
        time.as_secs_f64() / tassei.as_secs_f64().max(f64::EPSILON)
    );
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One warm-up run, then `runs` timed ones; the median.
fn median_of(runs: usize, mut run: impl FnMut() -> Duration) -> Duration {
    run();
    let mut times: Vec<Duration> = (0..runs).map(|_| run()).collect();
    times.sort();
    times[times.len() / 2]
}

/// Spawns `cmd` in an 80x24 pty and times until the screen shows `marker` (and, when given,
/// no longer shows `unless`). The program is killed afterwards.
fn until_screen_shows(cmd: &Command, marker: &str, unless: Option<&str>) -> Duration {
    let mut command = Command::new(cmd.get_program());
    command.args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    command.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut session = Session::spawn(command).expect("spawns in a pty");
    let rows = NonZeroU16::new(24).expect("rows");
    let cols = NonZeroU16::new(80).expect("cols");
    let mut screen = vt100::Parser::new(rows, cols, 0);
    let mut buf = [0u8; 65536];
    let elapsed = loop {
        assert!(
            start.elapsed() < TIMEOUT,
            "{:?} never showed {marker:?}:\n{}",
            cmd.get_program(),
            screen.screen().contents()
        );
        match session.try_read(&mut buf) {
            Ok(0) => std::thread::sleep(Duration::from_millis(1)),
            Ok(n) => {
                screen.process(&buf[..n]);
                let contents = screen.screen().contents();
                if contents.contains(marker) && unless.is_none_or(|u| !contents.contains(u)) {
                    break start.elapsed();
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(1))
            }
            Err(e) => panic!("reading the pty: {e}"),
        }
    };
    let _ = session
        .get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL);
    let _ = session.flush();
    elapsed
}

/// The same 100,000-goal plan as `cargo bench --bench scale`, written through the store.
fn build(path: &Path) {
    let mut store = tassei::store::Store::open(path, "bench").expect("creates");
    let plan = tassei::scale::plan("scale", 1000, 100, 42);
    store.import(&plan).expect("imports");
}
