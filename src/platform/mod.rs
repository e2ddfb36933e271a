//! Every call tassei makes to the operating system beyond `std` and its safe crates, in one
//! place, behind a neutral API. What the rest of the crate needs to know or do — whether the
//! console can draw ✓ ✗ ›, that the console window is being closed, whether a drive is a network
//! share, a file another program holds open, a move that never replaces a file — is asked here.
//! Each decision is a plain function of what the system answered, so it is tested on any
//! machine; the calls themselves are thin, and the Windows ones are in `windows.rs`, the one
//! module of the crate allowed `unsafe`, each call with its `// SAFETY:` line.
//!
//! On Unix the answers are the neutral ones: signals, `statfs` and `flock` go through safe
//! crates where they are used (`tui/hangup.rs`, `store/network.rs`, `store/files.rs`).
//!
//! A leaf: it names no other module of the crate but `strings`, for the words of a file held
//! by another program.

mod close;
mod shared;
#[cfg(windows)]
mod windows;

use std::path::Path;

pub use close::{
    CloseWatch, ConsoleEvent, Finished, GRACE, Reply, Watched, reply_to, watch_console_close,
};
pub use shared::{Retry, TRIES, held, is_shared, retry, retry_while_shared, shared_code, waits};

/// What the console tassei draws on said about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConsoleFacts {
    /// Running on Windows.
    pub windows: bool,
    /// A terminal that draws with its own modern fonts: Windows Terminal (`WT_SESSION`) or
    /// another that says who it is (`TERM_PROGRAM`: VS Code, WezTerm …).
    pub modern_terminal: bool,
    /// Whether the console takes escape sequences (`ENABLE_VIRTUAL_TERMINAL_PROCESSING` is on or
    /// could be set); `None` when standard output is not a console at all.
    pub vt: Option<bool>,
    /// The console's output code page (`GetConsoleOutputCP`): 932 on Japanese Windows.
    pub code_page: Option<u32>,
}

/// The Japanese code page (Shift_JIS as Windows has it): ✓ ✗ › ▸ ▾ are not in it.
pub const CP932: u32 = 932;

/// Whether the console is the legacy Windows console (conhost), whose fonts cannot be trusted
/// with ✓ ✗ › ▸ ▾. Windows Terminal and other modern terminals draw them. A conhost that cannot
/// take escape sequences is the old console (before Windows 10, or "use legacy console" on);
/// one that can, but writes in code page 932, is the Japanese conhost, whose fonts (ＭＳ ゴシック,
/// BIZ UDゴシック) are made for CP932 and have none of those marks. Text reaches the console
/// as UTF-16 either way: the code page tells the font, not the encoding. Anything but Windows
/// is never the legacy console.
pub fn legacy_console(facts: &ConsoleFacts) -> bool {
    if !facts.windows || facts.modern_terminal {
        return false;
    }
    match facts.vt {
        // Not a console (output redirected): nothing is drawn there by tassei's TUI.
        None => false,
        Some(false) => true,
        Some(true) => facts.code_page == Some(CP932),
    }
}

/// Windows' primary language id for Japanese (`LANG_JAPANESE`).
const LANG_JAPANESE: u16 = 0x11;

/// Whether a Windows LANGID (a display language) is Japanese: its primary language, the low 10
/// bits, is `LANG_JAPANESE` (ja-JP is 0x0411).
pub fn langid_is_japanese(langid: u16) -> bool {
    langid & 0x3ff == LANG_JAPANESE
}

/// Whether the user's display language is Japanese: Windows' own setting, which a Japanese
/// Windows has without any locale variable. Elsewhere the locale variables say it, so `false`.
pub fn ui_language_is_japanese() -> bool {
    #[cfg(windows)]
    {
        langid_is_japanese(windows::ui_language())
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// What the console tassei runs in says about itself (see [`legacy_console`]).
pub fn console_facts() -> ConsoleFacts {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let modern_terminal = set("WT_SESSION") || set("TERM_PROGRAM");
    #[cfg(windows)]
    {
        ConsoleFacts {
            windows: true,
            modern_terminal,
            vt: windows::output_takes_vt(),
            code_page: windows::output_code_page(),
        }
    }
    #[cfg(not(windows))]
    {
        ConsoleFacts {
            windows: false,
            modern_terminal,
            vt: None,
            code_page: None,
        }
    }
}

/// Whether the drive with this letter (`'Z'`) is a network drive (Windows: `GetDriveTypeW` on
/// its root says `DRIVE_REMOTE`, as for a mapped drive). Elsewhere there are no drive letters.
pub fn drive_is_remote(letter: char) -> bool {
    #[cfg(windows)]
    {
        windows::drive_is_remote(letter)
    }
    #[cfg(not(windows))]
    {
        let _ = letter;
        false
    }
}

/// Moves a file to `to`, never replacing a file there (an error of kind `AlreadyExists`).
/// Windows: `MoveFileExW` without `MOVEFILE_REPLACE_EXISTING`, copying across volumes (a roaming
/// folder redirected to a server). Elsewhere: a hard link that fails when the name exists, then
/// the old name removed; across file systems it fails and the file stays where it was.
pub fn rename_new(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    {
        windows::move_new(from, to)
    }
    #[cfg(not(windows))]
    {
        std::fs::hard_link(from, to)?;
        if let Err(e) = std::fs::remove_file(from) {
            // Both names are one file now: take the new one back, so the move did not happen.
            let _ = std::fs::remove_file(to);
            return Err(e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
