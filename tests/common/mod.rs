//! Helpers shared by the tests that run the real `tassei` binary (`mod common;` in each).
//! Each test crate uses only some of them, hence the `dead_code` allowance.

#![allow(dead_code)]

pub mod app;
#[cfg(unix)]
pub mod pty;
pub mod source;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary on the data file `db` as the clerk `actor` (`TASSEI_USER`), with no input.
pub fn tassei_as(db: &Path, actor: &str) -> Command {
    let mut command = binary(db, actor);
    command.stdin(Stdio::null());
    command
}

/// The binary on the data file `db` as the clerk `actor`, its standard streams left to the
/// caller (a pseudo-terminal sets its own). Its config file is one beside `db` (none unless a
/// test writes it): the developer's own config never leaks into a test.
pub fn binary(db: &Path, actor: &str) -> Command {
    let mut command = bare();
    command
        .env("TASSEI_DB", db)
        .env("TASSEI_USER", actor)
        .env("TASSEI_CONFIG", no_config(db));
    command
}

/// The binary in English, whatever the developer's locale: the language is pinned, as every
/// test pins it (`LANG=C`, no `LC_ALL`/`LC_MESSAGES` to outrank it). A test of the Japanese
/// interface passes `--lang ja` or `LANG=ja_JP.UTF-8` itself.
pub fn bare() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tassei"));
    pin_english(&mut command);
    command
}

/// Sets the locale of a command that runs tassei (directly or under `setsid`, `setpriv`) to
/// English.
pub fn pin_english(command: &mut Command) -> &mut Command {
    command
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
}

/// A config file beside the data file, never written by tassei: the developer's own config
/// never leaks into a test.
pub fn no_config(db: &Path) -> PathBuf {
    db.with_file_name("config.toml")
}
