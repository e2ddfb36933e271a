//! What both front ends open before they start, so neither needs the other: the config file,
//! the data file the command line chose, the day's copy, the plan, and the date. Both end with
//! a [`Failure`] said on stderr ([`say`]) and its exit code.

mod data_file;
mod failure;
pub mod language;
mod say;

use std::ffi::OsString;

use crate::config::{Config, ConfigError};
use crate::model::{CalendarDate, GoalRef, Plan};
use crate::store::{self, BackgroundCheck, Store, StoreError};
use crate::strings::strings;
use crate::text::one_line;

pub use self::data_file::{DataFile, KeepDays, actor, opening_notes};
pub use self::failure::{Failure, exit_code};
pub use self::say::{ask, say};

/// How a front end uses the data file: when the day's copy is made, and how damage found on
/// the way is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A command that only reads: copy now; damage is warned about and reading goes on.
    Read,
    /// A command that writes: copy now, check the file meanwhile; damage refuses the write.
    Write,
    /// The TUI: copy and check beside it, so it opens at once.
    Tui,
}

/// Chooses the process's language (`--lang` in `args` > the config file > the locale) and
/// reads the config file on the way. The file is read in the language the flag or the locale
/// gives, and read again if its own `lang` changes that, so what it says is in the language
/// chosen. Nothing is said yet: [`config_or_defaults`] says it, after clap has had its turn.
pub fn choose_language(args: &[OsString]) -> Result<Config, ConfigError> {
    let flag = language::flag_in(args);
    let locale = language::Locale::of_process();
    crate::strings::choose(language::choose(flag, None, &locale));
    let read = Config::load();
    let from_file = read.as_ref().ok().and_then(|c| c.lang);
    let lang = language::choose(flag, from_file, &locale);
    if lang == crate::strings::chosen() {
        return read;
    }
    crate::strings::choose(lang);
    Config::load()
}

/// The config file, or the defaults with a warning when it cannot be read: a mistake in it
/// must not stop a clerk from working. Its warnings (unknown keys, or that it could not be
/// read) are said here, and returned in the same words: the TUI covers stderr as it opens, so
/// it shows them again.
pub fn config_or_defaults(read: Result<Config, ConfigError>) -> (Config, Vec<String>) {
    let words = &strings().cli;
    let (config, warnings) = match read {
        Ok(config) => {
            let warnings = config.warnings.clone();
            (config, warnings)
        }
        Err(e) => (
            Config::default(),
            vec![(words.session.config_unreadable)(&e)],
        ),
    };
    for warning in &warnings {
        say((words.said.warning)(warning));
    }
    (config, warnings)
}

/// The data file open for a day's use, before any plan is read: the day's copy made (or
/// running beside the TUI), damage met on the way kept to be said once.
pub struct Opened {
    pub store: Store,
    /// The damage check (and, for the TUI, the day's copy) running on the other core.
    background: Option<BackgroundCheck>,
    /// Damage the day's copy found, said after the plan is read (a read goes on, warned).
    damaged: Option<StoreError>,
    purpose: Purpose,
}

impl Opened {
    /// Opens the data file and makes the day's copy as `purpose` needs it.
    pub fn open(file: &DataFile, config: &Config, purpose: Purpose) -> Result<Self, Failure> {
        Self::with_copy(file.open(config)?, file, purpose)
    }

    /// Opens the data file to write `plan` into it, making the day's copy: a file not there
    /// yet is created with `plan` alone ([`Store::created`] then says so), not the bundled
    /// sheet, and needs none.
    pub fn open_to_import(file: &DataFile, config: &Config, plan: &Plan) -> Result<Self, Failure> {
        let store = file.open_to_import(config, plan)?;
        if store.created() {
            // Made from the plan file a moment ago, which is its copy: a day's copy of 100,000
            // goals would add 1.5 s to the import.
            return Ok(Self {
                store,
                background: None,
                damaged: None,
                purpose: Purpose::Write,
            });
        }
        Self::with_copy(store, file, Purpose::Write)
    }

    /// The day's copy of an open store, as `purpose` needs it.
    fn with_copy(store: Store, file: &DataFile, purpose: Purpose) -> Result<Self, Failure> {
        let words = &strings().cli;
        let daily = (store.today()?, file.keep_backups());
        let mut damaged = None;
        let background = match purpose {
            Purpose::Tui => Some(store.check_in_background(Some(daily))),
            Purpose::Read | Purpose::Write => {
                match store.daily_backup(daily.0, daily.1) {
                    Ok(_) => {}
                    Err(e @ StoreError::Damaged(_)) => damaged = Some(e),
                    // The store's own words for a full disk say "nothing was saved", which is
                    // true of an edit; here the edit still comes, and may well fit where a copy
                    // did not.
                    Err(StoreError::DiskFull) => {
                        say((words.said.warning)(&words.session.copy_disk_full))
                    }
                    Err(e) => say((words.said.warning)(&(words.session.copy_failed)(
                        &one_line(e),
                    ))),
                }
                // A command that writes checks the file while the plan loads, on the other
                // core; the write waits for the answer.
                (purpose == Purpose::Write && store.damage_check() == store::DamageCheck::NotRun)
                    .then(|| store.check_in_background(None))
            }
        };
        Ok(Self {
            store,
            background,
            damaged,
            purpose,
        })
    }

    /// Says the damage the day's copy found, once: a write is refused with this very line
    /// later, so only a read is warned.
    pub fn warn_of_damage(&mut self) {
        if let Some(e) = self.damaged.take()
            && self.purpose != Purpose::Write
        {
            say((strings().cli.said.warning)(&one_line(e)));
        }
    }

    /// Reads the plan (`--plan`, else the first) and fixes the date (`--as-of`, else today).
    pub fn load(
        mut self,
        plan: Option<&str>,
        as_of: Option<CalendarDate>,
    ) -> Result<Session, Failure> {
        let plan_id = self.store.plan_id(plan)?;
        // A plan that cannot be read says so itself; the damage is then said once.
        let plan = self.store.load_plan(plan_id)?;
        self.warn_of_damage();
        let today = match as_of {
            Some(date) => date,
            None => self.store.today()?,
        };
        Ok(Session {
            store: self.store,
            plan,
            today,
            background: self.background,
        })
    }
}

/// What every command and the TUI work with: the open store, the chosen plan, and the date.
pub struct Session {
    pub store: Store,
    pub plan: Plan,
    pub today: CalendarDate,
    /// The TUI's damage check and day's copy, running beside it.
    pub background: Option<BackgroundCheck>,
}

impl Session {
    /// Opens the data file, makes the day's copy as `purpose` needs it and loads the plan.
    pub fn open(
        file: &DataFile,
        config: &Config,
        plan: Option<&str>,
        as_of: Option<CalendarDate>,
        purpose: Purpose,
    ) -> Result<Self, Failure> {
        Opened::open(file, config, purpose)?.load(plan, as_of)
    }

    /// The goal a typed reference names, or a message saying what exists.
    pub fn goal(&self, typed: &str) -> Result<GoalRef, Failure> {
        let r: GoalRef = typed.parse().map_err(Failure::input)?;
        match self.plan.goal(r) {
            Some(_) => Ok(r),
            None => Err(Failure::input(self.plan.explain_missing(r))),
        }
    }

    /// Reloads the plan after an edit, so what is printed is what is stored.
    pub fn reload(&mut self) -> Result<(), Failure> {
        self.plan = self.store.load_plan(self.plan.id)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::strings::{Lang, pin_thread};

    /// What is said about the config file on stderr is also returned, in the same words, for
    /// the TUI, which covers stderr as it opens.
    #[test]
    fn what_is_said_about_the_config_is_returned_for_the_tui() {
        let _lang = pin_thread(Lang::En);
        let path = Path::new("/home/clerk/.config/tassei/config.toml");
        let (config, said) =
            config_or_defaults(Config::parse(path, "actor = \"佐藤\"\ncolour = 1\n"));
        assert_eq!(config.actor.as_deref(), Some("佐藤"));
        assert_eq!(said, config.warnings);
        assert_eq!(said.len(), 1);
        let (config, said) = config_or_defaults(Config::parse(path, "theme = \n"));
        assert_eq!(
            config,
            Config::default(),
            "a file that cannot be read is the defaults"
        );
        assert_eq!(said.len(), 1);
        assert!(
            said[0].contains("config.toml") && said[0].contains("using the default settings"),
            "{said:?}"
        );
    }
}
