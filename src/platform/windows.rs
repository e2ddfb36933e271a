//! The Windows calls, each as thin as it can be: the decisions are in the neutral modules beside
//! this one. Through `windows-sys`, whose declarations are generated from Windows' own metadata
//! (so the signatures are right) and which the dependency tree already builds for Windows with
//! exactly the features used here (console, file system, foundation): it adds no compile time.
//! The one module of the crate allowed `unsafe`; every call says why it is sound.
#![allow(unsafe_code)]

use std::ffi::OsStr;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use windows_sys::Win32::Foundation::{FALSE, INVALID_HANDLE_VALUE, TRUE};
use windows_sys::Win32::Storage::FileSystem::{GetDriveTypeW, MOVEFILE_WRITE_THROUGH, MoveFileExW};
use windows_sys::Win32::System::Console::{
    ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetConsoleOutputCP, GetStdHandle,
    STD_OUTPUT_HANDLE, SetConsoleCtrlHandler, SetConsoleMode,
};
use windows_sys::core::BOOL;

use super::close::{ConsoleEvent, GRACE, Watched};

/// `GetDriveTypeW`'s answer for a network drive. (windows-sys has it under the
/// `Win32_System_WindowsProgramming` feature, which nothing else here needs.)
const DRIVE_REMOTE: u32 = 4;

/// A NUL-terminated UTF-16 copy of `text`, as the `…W` functions take it.
fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(Some(0)).collect()
}

/// Whether the drive `letter` is a network drive (`GetDriveTypeW` on `X:\`).
pub fn drive_is_remote(letter: char) -> bool {
    if !letter.is_ascii_alphabetic() {
        return false;
    }
    let root = wide(OsStr::new(&format!("{letter}:\\")));
    // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call, which only
    // reads it.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

/// Moves `from` to `to` without replacing a file there (`ERROR_ALREADY_EXISTS`, read as
/// `AlreadyExists`), on the same volume only: a move across volumes would be a copy, which a
/// killed process could leave half-written under the new name, so it fails instead
/// (`ERROR_NOT_SAME_DEVICE`) and the file stays where it is.
pub fn move_new(from: &Path, to: &Path) -> io::Result<()> {
    let (from, to) = (wide(from.as_os_str()), wide(to.as_os_str()));
    // SAFETY: both are NUL-terminated UTF-16 strings that outlive the call, which only reads
    // them; the flag is a documented one (no MOVEFILE_REPLACE_EXISTING, no COPY_ALLOWED).
    let moved = unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), MOVEFILE_WRITE_THROUGH) };
    if moved == FALSE {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Whether standard output is a console that takes escape sequences: on already, or it could
/// be turned on (it is then put back as it was: crossterm turns it on itself). `None` when
/// standard output is not a console.
pub fn output_takes_vt() -> Option<bool> {
    // SAFETY: takes a documented constant and returns the process's own handle (or null or
    // INVALID_HANDLE_VALUE, checked below); nothing is closed.
    let out = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
    if out.is_null() || out == INVALID_HANDLE_VALUE {
        return None;
    }
    let mut mode = 0u32;
    // SAFETY: `out` is the process's standard-output handle and `mode` a live u32 the call
    // writes; a handle that is not a console makes it return FALSE.
    if unsafe { GetConsoleMode(out, &mut mode) } == FALSE {
        return None;
    }
    if mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
        return Some(true);
    }
    // SAFETY: the same console handle, given its own mode plus one documented flag; a console
    // that cannot take it refuses with FALSE and keeps its mode.
    let takes = unsafe { SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) } != FALSE;
    if takes {
        // SAFETY: the same console handle, given back the mode it had.
        unsafe { SetConsoleMode(out, mode) };
    }
    Some(takes)
}

/// The user's display language (`GetUserDefaultUILanguage`), as a LANGID: the primary
/// language is its low 10 bits.
pub fn ui_language() -> u16 {
    // SAFETY: takes nothing, returns a number.
    unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() }
}

/// The console's output code page (932 on Japanese Windows); `None` without a console.
pub fn output_code_page() -> Option<u32> {
    // SAFETY: takes nothing, returns a number (0 when the process has no console).
    let page = unsafe { GetConsoleOutputCP() };
    (page != 0).then_some(page)
}

/// What the handler acts on while the TUI runs.
static WATCHED: Mutex<Option<Arc<Watched>>> = Mutex::new(None);

/// Adds the console-event handler, acting on `watched`.
pub fn watch(watched: Arc<Watched>) {
    *WATCHED.lock().unwrap_or_else(PoisonError::into_inner) = Some(watched);
    // SAFETY: `handler` is an `extern "system" fn(u32) -> BOOL`, the signature Windows calls,
    // and lives as long as the process; it touches only the static above, behind its mutex.
    unsafe { SetConsoleCtrlHandler(Some(handler), TRUE) };
}

/// Takes the handler off (a no-op if it was never added).
pub fn stop_watching() {
    // SAFETY: removes the same function `watch` added; removing one that is not there fails
    // harmlessly.
    unsafe { SetConsoleCtrlHandler(Some(handler), FALSE) };
    WATCHED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
}

/// Called by Windows on a thread of its own for each console event. The lock is held only to
/// take the state, never while waiting.
extern "system" fn handler(code: u32) -> BOOL {
    let watched = WATCHED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    match (watched, ConsoleEvent::from_code(code)) {
        (Some(watched), Some(event)) if watched.handle(event, GRACE) => TRUE,
        // Not ours: the next handler (Windows' own ends the process).
        _ => FALSE,
    }
}
