//! Noticing that the terminal has gone (its window closed, an ssh link dropped) when no SIGHUP
//! says so. A hung-up terminal reads as endless empty input and crossterm's reader then loops
//! forever inside `event::poll`, so the event loop cannot notice by itself. A watchdog thread
//! polls standard input for a hang-up: it raises the same stop flag as SIGHUP, and if the loop
//! is still stuck after a grace period it ends the process. Every edit is committed when it is
//! made; what is lost is what SIGHUP loses, a field not saved with Enter.
//!
//! On Windows the same flag is raised when the console window is closed:
//! [`crate::platform::watch_console_close`] (signing out and shutting down end tassei without
//! an event: see `platform/close.rs`). Windows ends the process
//! as soon as its handler returns, so the handler waits — up to 4.5 s of the 5 Windows gives —
//! until the returned watch is dropped, once the loop has left, the terminal is restored and the
//! discarded field is said.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::platform::{CloseWatch, watch_console_close};

/// Watches standard input for a hang-up (Unix; a Windows console has no such state) and the
/// console window for a close (Windows). Keep the watch until everything is said.
pub fn watch(stop: Arc<AtomicBool>) -> CloseWatch {
    #[cfg(unix)]
    watch_unix(Arc::clone(&stop));
    watch_console_close(stop)
}

#[cfg(unix)]
fn watch_unix(stop: Arc<AtomicBool>) {
    use std::sync::atomic::Ordering;
    use std::time::Duration;
    const CHECK_EVERY: Duration = Duration::from_millis(250);
    const GRACE: Duration = Duration::from_secs(1);
    std::thread::spawn(move || {
        while !hung_up() {
            std::thread::sleep(CHECK_EVERY);
        }
        stop.store(true, Ordering::SeqCst);
        std::thread::sleep(GRACE);
        // Still here: the event loop is stuck reading the dead terminal.
        std::process::exit(0);
    });
}

/// True when standard input is a terminal that has hung up.
#[cfg(unix)]
fn hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    let fd = stdin.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&now)).is_ok() && fds[0].revents().contains(PollFlags::HUP)
}
