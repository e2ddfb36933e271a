//! The console window closed under a running TUI (Windows). Closing the window sends the process
//! a console event on a thread of its own, and the process is ended as soon as the handler
//! returns (or after about five seconds). Logging off and shutting down would too, but Windows
//! sends those only to a console program that loads no `USER32.dll`, and crossterm loads it (for
//! the keyboard layout): then Windows ends tassei without an event, and the two are answered
//! here only in case a later crossterm stops loading it. Every edit is already in
//! the data file (Enter saves it), so what matters is that tassei leaves cleanly: the handler
//! raises the stop flag the TUI's loop polls (the flag SIGHUP raises on Unix), and waits until
//! the main thread says it has finished — loop left, terminal restored, the discarded field
//! said — before it returns. Ctrl-C and Ctrl-Break stop the TUI the same way without waiting
//! (the process lives on); in the TUI Ctrl-C is a key anyway, since raw mode takes
//! `ENABLE_PROCESSED_INPUT` off the console.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long the handler waits for the main thread: Windows ends the process five seconds after
/// a close (`CTRL_CLOSE_EVENT`), so a little less.
pub const GRACE: Duration = Duration::from_millis(4500);

/// A console event, as Windows numbers them (`CTRL_C_EVENT` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleEvent {
    CtrlC,
    CtrlBreak,
    /// The console window is being closed.
    Close,
    /// Logging off, shutting down: never sent to tassei today (it loads `USER32.dll`; see the
    /// module's note).
    Logoff,
    Shutdown,
}

impl ConsoleEvent {
    /// The event of a Windows control code: 0 `CTRL_C_EVENT`, 1 `CTRL_BREAK_EVENT`, 2
    /// `CTRL_CLOSE_EVENT`, 5 `CTRL_LOGOFF_EVENT`, 6 `CTRL_SHUTDOWN_EVENT`.
    pub fn from_code(code: u32) -> Option<Self> {
        Some(match code {
            0 => Self::CtrlC,
            1 => Self::CtrlBreak,
            2 => Self::Close,
            5 => Self::Logoff,
            6 => Self::Shutdown,
            _ => return None,
        })
    }
}

/// What the handler does with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Raise the stop flag and return at once: the process goes on and ends by itself.
    Stop,
    /// Raise the stop flag and wait (up to [`GRACE`]) for the main thread to finish: Windows
    /// ends the process when the handler returns.
    StopAndWait,
}

/// The handler's answer to an event.
pub fn reply_to(event: ConsoleEvent) -> Reply {
    match event {
        ConsoleEvent::CtrlC | ConsoleEvent::CtrlBreak => Reply::Stop,
        ConsoleEvent::Close | ConsoleEvent::Logoff | ConsoleEvent::Shutdown => Reply::StopAndWait,
    }
}

/// Said once by the main thread when it has finished; awaited, with a limit, by another.
#[derive(Debug, Default)]
pub struct Finished {
    done: Mutex<bool>,
    said: Condvar,
}

impl Finished {
    pub fn finish(&self) {
        *self.done.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.said.notify_all();
    }

    /// Waits until [`Finished::finish`] or until `limit` has passed; true when finished.
    pub fn wait(&self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        while !*done {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return false;
            };
            done = self
                .said
                .wait_timeout(done, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }
}

/// What the handler shares with the main thread.
#[derive(Debug)]
pub struct Watched {
    stop: Arc<AtomicBool>,
    finished: Finished,
}

impl Watched {
    /// Handles an event the way [`reply_to`] says; returns whether the event was handled.
    pub fn handle(&self, event: ConsoleEvent, grace: Duration) -> bool {
        self.stop.store(true, Ordering::SeqCst);
        match reply_to(event) {
            Reply::Stop => {}
            Reply::StopAndWait => {
                self.finished.wait(grace);
            }
        }
        true
    }
}

/// The console-event handler while the TUI runs. Dropping it (or [`CloseWatch::finished`])
/// tells a waiting handler the main thread is done, and takes the handler off.
#[derive(Debug)]
pub struct CloseWatch {
    watched: Arc<Watched>,
}

impl CloseWatch {
    /// Says the main thread has finished: a handler waiting for it returns.
    pub fn finished(self) {
        drop(self);
    }

    /// The state the handler acts on (for tests).
    pub fn watched(&self) -> &Arc<Watched> {
        &self.watched
    }
}

impl Drop for CloseWatch {
    fn drop(&mut self) {
        // Finish first: the handler may be waiting for it, and removing the handler takes the
        // lock Windows holds while a handler runs, so the other order would wait out GRACE.
        self.watched.finished.finish();
        #[cfg(windows)]
        super::windows::stop_watching();
    }
}

/// Raises `stop` when the console window is closed (and on logoff, shutdown, Ctrl-Break)
/// until the returned watch is dropped. On Unix it only holds the flag: SIGHUP, SIGTERM and
/// SIGINT are registered by the TUI itself.
pub fn watch_console_close(stop: Arc<AtomicBool>) -> CloseWatch {
    let watched = Arc::new(Watched {
        stop,
        finished: Finished::default(),
    });
    #[cfg(windows)]
    super::windows::watch(Arc::clone(&watched));
    CloseWatch { watched }
}
