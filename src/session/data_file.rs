//! Which data file to open and how, as the command line and the environment chose it
//! (`--db`/`TASSEI_DB`, `--user`/`TASSEI_USER`, …); the same choice for the CLI and the TUI.

use std::convert::Infallible;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use super::failure::Failure;
use super::say::say;
use crate::config::Config;
use crate::model::Plan;
use crate::store::{self, OpenError, OpenOptions, Store};
use crate::strings::strings;
use crate::text::control::visible;
use crate::text::one_line;

/// The data file and the settings it is opened with. Every option is global (it may come
/// before or after the command), and each has an environment variable for scripts.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataFile {
    /// `--db PATH`, `TASSEI_DB`: the data file.
    #[arg(
        long = "db",
        global = true,
        env = "TASSEI_DB",
        value_name = "PATH",
        help = strings().cli.help.global.db
    )]
    pub path: Option<PathBuf>,

    /// `--network-ok`: use a data file on a network share in place.
    #[arg(long, global = true, help = strings().cli.help.global.network_ok)]
    pub network_ok: bool,

    /// `--user NAME`, `TASSEI_USER`: the name in the change log.
    #[arg(
        long = "user",
        global = true,
        env = "TASSEI_USER",
        value_name = "NAME",
        help = strings().cli.help.global.user
    )]
    pub user: Option<String>,

    /// `TASSEI_KEEP_BACKUPS`: how many days of dated copies to keep.
    #[arg(
        long,
        global = true,
        env = "TASSEI_KEEP_BACKUPS",
        value_name = "DAYS",
        value_parser = KeepDays::read,
        hide = true,
        help = strings().cli.help.global.keep_backups
    )]
    pub keep_backups: Option<KeepDays>,

    /// `TASSEI_BUSY_TIMEOUT_MS`: how long a write waits for another tassei's.
    #[arg(
        long,
        global = true,
        env = "TASSEI_BUSY_TIMEOUT_MS",
        value_name = "MS",
        hide = true,
        help = strings().cli.help.global.busy_timeout_ms
    )]
    pub busy_timeout_ms: Option<u64>,
}

/// `TASSEI_KEEP_BACKUPS` as typed. A value that is not a whole number of 1 or more is said
/// and the default kept, never refused: a typo must neither stop a clerk nor make tassei
/// delete copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeepDays {
    Days(usize),
    Typo(String),
}

impl KeepDays {
    /// Reads a number of days; never fails (see [`KeepDays`]).
    fn read(typed: &str) -> Result<Self, Infallible> {
        Ok(match typed.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Self::Days(n),
            _ => Self::Typo(typed.to_string()),
        })
    }
}

impl DataFile {
    /// Opens the data file for use (see [`DataFile::open_with`]).
    pub fn open(&self, config: &Config) -> Result<Store, Failure> {
        self.open_with(config, Store::open_with_options)
    }

    /// Opens the data file to restore a copy over it: the file may be damaged, no plan is read.
    pub fn open_for_restore(&self, config: &Config) -> Result<Store, Failure> {
        self.open_with(config, Store::open_for_restore)
    }

    /// Opens the data file to import `plan` into it: a file not there yet is created with
    /// `plan` alone (see [`Store::open_to_import`]).
    pub fn open_to_import(&self, config: &Config, plan: &Plan) -> Result<Store, Failure> {
        self.open_with(config, |path, actor, options| {
            Store::open_to_import(path, actor, options, plan)
        })
    }

    /// How many days of dated copies to keep: `TASSEI_KEEP_BACKUPS` (at least 1), else 7; a
    /// typo is said, and the default kept.
    pub fn keep_backups(&self) -> usize {
        match &self.keep_backups {
            None => store::DEFAULT_KEEP,
            Some(KeepDays::Days(n)) => *n,
            Some(KeepDays::Typo(typed)) => {
                let words = &strings().cli;
                let typo = (words.session.keep_backups_typo)(&one_line(typed), store::DEFAULT_KEEP);
                say((words.said.warning)(&typo));
                store::DEFAULT_KEEP
            }
        }
    }

    /// Opens the data file named by `--db` (or `TASSEI_DB`), else the default one, whose folder
    /// is created private to its owner; says once what was changed on the way (a file made
    /// private).
    fn open_with(
        &self,
        config: &Config,
        open: impl FnOnce(&Path, &str, &OpenOptions) -> Result<Store, OpenError>,
    ) -> Result<Store, Failure> {
        let path = match &self.path {
            // A symlink is followed to its file, so the file's copies are made and pruned in
            // one place, beside it, however it is named.
            Some(path)
                if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
                    && path.exists() =>
            {
                fs::canonicalize(path).unwrap_or_else(|_| path.clone())
            }
            Some(path) => path.clone(),
            None => {
                let words = &strings().cli.session;
                let path =
                    store::default_path().ok_or_else(|| Failure::other(words.no_data_folder))?;
                store::create_default_folder(&path)
                    .map_err(|e| Failure::other((words.cannot_create_folder)(&path, &e)))?;
                out_of_roaming(path)
            }
        };
        let options = OpenOptions {
            network_ok: self.network_ok,
            ..OpenOptions::default()
        };
        let mut store = open(&path, &actor(self.user.clone(), config), &options)?;
        for notice in store.take_notices() {
            note_on_opening(one_line(notice));
        }
        if let Some(ms) = self.busy_timeout_ms {
            store.set_busy_timeout(Duration::from_millis(ms))?;
        }
        Ok(store)
    }
}

/// What opening the data file said, kept for a front end that covers stderr (the TUI).
static OPENING_NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Says a note on opening the data file, and keeps it for [`opening_notes`].
fn note_on_opening(line: String) {
    say((strings().cli.said.note)(&line));
    OPENING_NOTES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(line);
}

/// The notes opening the data file said so far (a file made from the bundled sheet, one moved
/// out of Roaming), taken: the TUI opens with them, since stderr is under its screen.
pub fn opening_notes() -> Vec<String> {
    std::mem::take(&mut *OPENING_NOTES.lock().unwrap_or_else(PoisonError::into_inner))
}

/// The default data file, once moved out of Windows' roaming profile when an earlier tassei
/// made it there (see [`store::move_default`]), said once; where the move fails, the file
/// where it is. Elsewhere there is no roaming folder, and `path` is the file.
fn out_of_roaming(path: PathBuf) -> PathBuf {
    let (Some(old_folder), Some(name)) = (store::roaming_folder(), path.file_name()) else {
        return path;
    };
    let name = name.to_string_lossy().into_owned();
    let new_folder = path.parent().unwrap_or(Path::new("."));
    let moved = store::move_default(&old_folder, new_folder, &name);
    for line in moved.notices(&old_folder, new_folder, &name) {
        note_on_opening(one_line(line));
    }
    moved.data_file(&old_folder, &path)
}

/// The name written in the change log, and whose edits `undo` takes back: `user` (`--user`,
/// `TASSEI_USER`), else the config file's `actor`, else the OS account name (asked of the OS,
/// so it works where `USER` is not set), else `unknown`.
pub fn actor(user: Option<String>, config: &Config) -> String {
    pick_actor(user, config.actor.clone(), whoami::username().ok())
}

/// The first name given that is not blank, in the order of [`actor`].
fn pick_actor(env: Option<String>, config: Option<String>, os: Option<String>) -> String {
    [env, config, os]
        .into_iter()
        .flatten()
        .map(|name| visible(name.trim(), &[]))
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_actor_is_tassei_user_then_the_config_then_the_os_account() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(pick_actor(some("a"), some("b"), some("c")), "a");
        assert_eq!(pick_actor(None, some("b"), some("c")), "b");
        assert_eq!(pick_actor(some("  "), some(" b "), some("c")), "b");
        assert_eq!(pick_actor(None, None, some("c")), "c");
        assert_eq!(pick_actor(None, None, None), "unknown");
        // A name cannot split a log line nor drive a terminal.
        assert_eq!(
            pick_actor(some("evil\u{1b}[31m\nfake"), None, None),
            "evil^[[31m^Jfake"
        );
        assert_eq!(pick_actor(some("a\u{202e}b"), None, None), "a<U+202E>b");
    }

    #[test]
    fn a_mistyped_number_of_days_is_kept_to_be_said_never_refused() {
        assert_eq!(KeepDays::read(" 3 "), Ok(KeepDays::Days(3)));
        assert_eq!(KeepDays::read("0"), Ok(KeepDays::Typo("0".into())));
        assert_eq!(
            KeepDays::read("a week"),
            Ok(KeepDays::Typo("a week".into()))
        );
    }
}
