use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::*;

fn facts(vt: Option<bool>, code_page: Option<u32>) -> ConsoleFacts {
    ConsoleFacts {
        windows: true,
        modern_terminal: false,
        vt,
        code_page,
    }
}

#[test]
fn the_legacy_console_is_conhost_without_vt_or_with_the_japanese_code_page() {
    // Windows 8 or "use legacy console": no escape sequences.
    assert!(legacy_console(&facts(Some(false), Some(437))));
    assert!(legacy_console(&facts(Some(false), Some(CP932))));
    // Windows 10/11 conhost on Japanese Windows: VT works, but its CP932 fonts lack ✓ ✗ ›.
    assert!(legacy_console(&facts(Some(true), Some(CP932))));
    // conhost in UTF-8 (chcp 65001) or an English code page, with VT: its fonts have them.
    assert!(!legacy_console(&facts(Some(true), Some(65001))));
    assert!(!legacy_console(&facts(Some(true), Some(437))));
    // Not a console: nothing of the TUI is drawn by conhost.
    assert!(!legacy_console(&facts(None, None)));
    // Windows Terminal (or VS Code …) draws with its own fonts, whatever the code page.
    for vt in [Some(true), Some(false)] {
        let modern = ConsoleFacts {
            modern_terminal: true,
            ..facts(vt, Some(CP932))
        };
        assert!(!legacy_console(&modern));
    }
    // Anything but Windows never is.
    let unix = ConsoleFacts {
        windows: false,
        ..facts(Some(false), Some(CP932))
    };
    assert!(!legacy_console(&unix));
}

#[cfg(not(windows))]
#[test]
fn off_windows_the_console_is_never_legacy_and_no_drive_is_remote() {
    assert!(!legacy_console(&console_facts()));
    assert!(!drive_is_remote('Z'));
}

#[test]
fn sharing_violations_are_the_three_windows_codes() {
    for code in [5, 32, 33] {
        assert!(shared_code(code), "{code}");
    }
    for code in [0, 2, 3, 17, 80, 112, 183] {
        assert!(!shared_code(code), "{code}");
    }
    // The same numbers mean other things on Unix (32 is EPIPE): never retried there.
    #[cfg(unix)]
    assert!(!is_shared(&io::Error::from_raw_os_error(32)));
}

/// The injected rule: what Windows reports, read from the raw code on any machine.
fn windows_rule(e: &io::Error) -> bool {
    e.raw_os_error().is_some_and(shared_code)
}

#[test]
fn a_held_file_is_tried_ten_times_over_about_a_second() {
    let mut tries = 0;
    let mut waited = Vec::new();
    let got: Result<(), Retry> = retry(
        || {
            tries += 1;
            Err(io::Error::from_raw_os_error(32))
        },
        windows_rule,
        |d| waited.push(d),
    );
    let failed = got.expect_err("held throughout");
    assert!(failed.held);
    assert_eq!((failed.tries, tries), (TRIES, TRIES));
    assert_eq!(waited.len(), TRIES - 1);
    assert!(waited.windows(2).all(|w| w[0] <= w[1]), "the waits grow");
    let total: Duration = waited.iter().sum();
    assert!(
        (Duration::from_millis(800)..=Duration::from_millis(1200)).contains(&total),
        "{total:?}"
    );
}

#[test]
fn a_hold_that_ends_is_waited_out_and_other_errors_are_not_retried() {
    let mut tries = 0;
    let got = retry(
        || {
            tries += 1;
            match tries {
                1 => Err(io::Error::from_raw_os_error(33)),
                2 => Err(io::Error::from_raw_os_error(5)),
                _ => Ok("renamed"),
            }
        },
        windows_rule,
        |_| {},
    );
    assert_eq!(got.ok(), Some("renamed"));
    assert_eq!(tries, 3);

    let mut tries = 0;
    let got: Result<(), Retry> = retry(
        || {
            tries += 1;
            Err(io::Error::new(io::ErrorKind::NotFound, "gone"))
        },
        windows_rule,
        |_| panic!("a missing file is not waited for"),
    );
    let failed = got.expect_err("not found");
    assert!(!failed.held);
    assert_eq!(
        (failed.tries, failed.error.kind()),
        (1, io::ErrorKind::NotFound)
    );
}

#[test]
fn a_file_still_held_is_named_with_its_likely_holders() {
    let _en = crate::strings::pin_thread(crate::strings::Lang::En);
    let file = std::path::Path::new(r"C:\Users\tanaka\AppData\Roaming\tassei\config\config.toml");
    let error = held(file, &io::Error::from_raw_os_error(32));
    let message = error.to_string();
    assert!(message.contains("config.toml"), "{message}");
    assert!(message.contains("another program"), "{message}");
    // A step whose file is not held is passed through as it failed.
    let passed = retry_while_shared(file, || -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::NotFound, "gone"))
    });
    assert_eq!(passed.map_err(|e| e.to_string()), Err("gone".to_string()));
}

#[test]
fn a_move_never_replaces_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    let (from, to) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&from, "mine").expect("write");
    std::fs::write(&to, "theirs").expect("write");
    let refused = rename_new(&from, &to).expect_err("b exists");
    assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read(&to).expect("read"), b"theirs");
    std::fs::remove_file(&to).expect("remove");
    rename_new(&from, &to).expect("moves");
    assert_eq!(std::fs::read(&to).expect("read"), b"mine");
    assert!(!from.exists());
}

#[test]
fn closing_the_window_stops_the_tui_and_waits_for_it() {
    assert_eq!(reply_to(ConsoleEvent::Close), Reply::StopAndWait);
    assert_eq!(reply_to(ConsoleEvent::Logoff), Reply::StopAndWait);
    assert_eq!(reply_to(ConsoleEvent::Shutdown), Reply::StopAndWait);
    assert_eq!(reply_to(ConsoleEvent::CtrlC), Reply::Stop);
    assert_eq!(reply_to(ConsoleEvent::CtrlBreak), Reply::Stop);
    assert_eq!(ConsoleEvent::from_code(2), Some(ConsoleEvent::Close));
    assert_eq!(ConsoleEvent::from_code(3), None, "3 and 4 are not sent");

    // The handler raises the flag, then waits for the main thread: it returns only once the
    // loop has seen the flag and finished.
    let stop = Arc::new(AtomicBool::new(false));
    let watch = watch_console_close(Arc::clone(&stop));
    let watched = Arc::clone(watch.watched());
    let handler = std::thread::spawn(move || watched.handle(ConsoleEvent::Close, GRACE));
    while !stop.load(Ordering::SeqCst) {
        std::thread::yield_now();
    }
    std::thread::sleep(Duration::from_millis(50));
    assert!(
        !handler.is_finished(),
        "waits while the main thread restores"
    );
    watch.finished();
    assert!(handler.join().expect("handler"), "handled");
}

#[test]
fn the_handler_gives_up_waiting_at_its_limit() {
    let finished = Finished::default();
    let started = std::time::Instant::now();
    assert!(!finished.wait(Duration::from_millis(30)));
    assert!(started.elapsed() >= Duration::from_millis(30));
    finished.finish();
    assert!(finished.wait(Duration::ZERO));
}

#[test]
fn a_japanese_display_language_is_any_langid_whose_primary_language_is_japanese() {
    assert!(super::langid_is_japanese(0x0411), "ja-JP");
    assert!(super::langid_is_japanese(0x0011), "ja, neutral");
    assert!(!super::langid_is_japanese(0x0409), "en-US");
    assert!(!super::langid_is_japanese(0x0412), "ko-KR");
}
