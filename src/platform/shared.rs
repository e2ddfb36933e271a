//! A file another program holds open. On Windows a rename or a delete fails while another
//! process has the file open without sharing it — an antivirus scanning a copy tassei just
//! wrote, Excel or an editor with the config file open, a backup or sync tool reading the
//! folder — with `ERROR_SHARING_VIOLATION`, `ERROR_LOCK_VIOLATION` or `ERROR_ACCESS_DENIED`.
//! Such a hold lasts a moment, so the step is tried again for about a second, with growing
//! waits; then the failure names the file and says another program may have it open. The
//! decision (which errors, how many tries, how long) is here as plain functions, tested with
//! injected errors on any machine; on Unix nothing is retried (nothing holds a file that way).

use std::io;
use std::path::Path;
use std::time::Duration;

use crate::strings::strings;

/// How many times a step is tried in all.
pub const TRIES: usize = 10;

/// The waits between the tries, in milliseconds: 1 s in all.
const WAITS_MS: [u64; TRIES - 1] = [10, 20, 40, 80, 120, 150, 180, 200, 200];

/// The waits between the tries, shortest first.
pub fn waits() -> impl Iterator<Item = Duration> {
    WAITS_MS.into_iter().map(Duration::from_millis)
}

/// Whether a Windows error code says another program holds the file: 32
/// `ERROR_SHARING_VIOLATION`, 33 `ERROR_LOCK_VIOLATION`, 5 `ERROR_ACCESS_DENIED` (what a
/// delete of a file still open elsewhere, or one being deleted, gets; a real lack of rights
/// gets it too, and then the last try's reason is shown as the system gave it; a read-only
/// file is told apart in [`retry_while_shared`]), 1224 `ERROR_USER_MAPPED_FILE` (a file mapped
/// into another process, as an antivirus scan does).
pub fn shared_code(code: i32) -> bool {
    matches!(code, 5 | 32 | 33 | 1224)
}

/// Whether an error is a file held by another program. Only Windows reports that: the same
/// numbers mean other things elsewhere (32 is a broken pipe on Linux).
pub fn is_shared(error: &io::Error) -> bool {
    cfg!(windows) && error.raw_os_error().is_some_and(shared_code)
}

/// What came of a step that did not succeed.
#[derive(Debug)]
pub struct Retry {
    /// The last try's error.
    pub error: io::Error,
    /// Every try found the file held (the step was retried until the tries ran out).
    pub held: bool,
    /// How many tries were made.
    pub tries: usize,
}

/// Runs `step` until it succeeds, fails for a reason `shared` does not accept, or has been
/// tried [`TRIES`] times; `wait` is given each pause (the thread's sleep, or a test's clock).
pub fn retry<T>(
    mut step: impl FnMut() -> io::Result<T>,
    shared: impl Fn(&io::Error) -> bool,
    mut wait: impl FnMut(Duration),
) -> Result<T, Retry> {
    let mut pauses = waits();
    let mut tries = 0;
    loop {
        tries += 1;
        match step() {
            Ok(done) => return Ok(done),
            Err(error) if !shared(&error) => {
                return Err(Retry {
                    error,
                    held: false,
                    tries,
                });
            }
            Err(error) => match pauses.next() {
                Some(pause) => wait(pause),
                None => {
                    return Err(Retry {
                        error,
                        held: true,
                        tries,
                    });
                }
            },
        }
    }
}

/// Runs a rename or a delete of `file`, retried while another program holds it (Windows); when
/// it is still held after about a second, the error names the file and says so.
pub fn retry_while_shared<T>(file: &Path, step: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    // Access is denied for a read-only file too: no other program holds it, and waiting would
    // only send the clerk looking for one.
    let read_only = std::fs::metadata(file).is_ok_and(|m| m.permissions().readonly());
    let held_now = |e: &io::Error| is_shared(e) && !(read_only && e.raw_os_error() == Some(5));
    retry(step, held_now, std::thread::sleep).map_err(|r| {
        if r.held {
            held(file, &r.error)
        } else {
            r.error
        }
    })
}

/// The error for `file` still held by another program after every try: the same kind, and a
/// sentence naming the file, the likely holders and the system's reason.
pub fn held(file: &Path, error: &io::Error) -> io::Error {
    io::Error::new(error.kind(), (strings().errors.files.held)(file, error))
}
