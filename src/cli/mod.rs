//! The command line: `tassei [--db PATH] [--plan ID] COMMAND`. Each subcommand is a file here;
//! all of them go through the same store and engine functions as the TUI.

mod activity;
mod backup;
mod export;
mod find;
mod import;
mod log;
mod minutes;
mod note;
mod output;
mod plans;
mod printable;
mod say;
mod set;
mod show;
mod summary;
mod undo;
mod usage;

use std::fmt;
use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{Config, Theme};
use crate::model::{CalendarDate, GoalRef, Plan};
use crate::store::{self, BackgroundCheck, OpenError, OpenOptions, Store};

pub use self::say::say;
pub use self::usage::usage;

/// tassei (達成): keep a plan's KPI evaluation sheet — actuals, 達成度, shortfalls, activities.
#[derive(Debug, Parser)]
#[command(name = "tassei", version, about, long_about = None)]
pub struct Cli {
    /// The data file (default: tassei.db in the platform's data folder).
    #[arg(long, global = true, env = "TASSEI_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Which plan in the data file, by its id (default: the first one). See `tassei plans`.
    #[arg(long, global = true, value_name = "ID")]
    pub plan: Option<String>,

    /// Judge overdue activities as of this date: 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日
    /// (default: today).
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,

    /// The TUI's colours: default, or high-contrast for projectors (T switches too). Default:
    /// the config file's `theme`, else default.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,

    /// Use a data file on a network share (NFS, SMB) in place. It costs sharing: tassei then
    /// holds the file exclusively (rollback journal, exclusive locking), so no other window or
    /// clerk can open it until this tassei ends. Better: copy the file to a local disk.
    #[arg(long, global = true)]
    pub network_ok: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export every goal as JSON or CSV (UTF-8 with BOM, for Excel).
    Export(export::Args),
    /// Find goals by code, number or words, ranked, with their 積算方法.
    Find(find::Args),
    /// Show a goal's card: figures, worked calculation, 積算方法, 評価内容, activities.
    Show(show::Args),
    /// Set a goal's actual, a milestone's state, or a composite goal's part.
    Set(set::Args),
    /// Set an activity's status.
    Activity(activity::Args),
    /// Counts per status and the list of shortfalls.
    Summary,
    /// The change log: who changed what, when.
    Log(log::Args),
    /// Import a plan file (the tassei-plan/1 JSON format) beside the plans already there.
    Import(import::Args),
    /// List the plans in the data file.
    Plans,
    /// Write a meeting note on a goal: decision, follow_up, owner or due.
    Note(note::Args),
    /// A meeting's notes as Markdown minutes, grouped by initiative.
    Minutes(minutes::Args),
    /// Open the TUI in the review-meeting mode (評価会議).
    Review,
    /// Copy the data file now (besides the copy made on each day of use).
    Backup,
    /// Replace the data file with a backup of it, after backing up the current one.
    Restore(backup::RestoreArgs),
    /// Undo your latest edit (read from the change log, so it works after a restart).
    Undo(undo::Args),
    /// Redo your latest undone edit.
    Redo(undo::Args),
}

/// A failure with the exit code it deserves: 2 for bad usage or input, 1 for anything else, 0
/// when the reader of the output went away.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    /// What is wrong, one self-contained line each (printed after `tassei: `); none when the
    /// reader went away.
    pub lines: Vec<String>,
}

impl Failure {
    /// Bad usage or bad input: the clerk can fix it. Nothing was written.
    pub fn input(message: impl fmt::Display) -> Self {
        Self {
            code: 2,
            lines: vec![message.to_string()],
        }
    }

    /// Anything else: the file system, the database.
    pub fn other(message: impl fmt::Display) -> Self {
        Self {
            code: 1,
            lines: vec![message.to_string()],
        }
    }

    /// Several problems with the clerk's input at once (an import file's), a line each.
    pub fn inputs(lines: Vec<String>) -> Self {
        Self { code: 2, lines }
    }

    /// The reader of our output went away (`tassei set … | head -1`). Every command writes
    /// after its work is done, so what was asked is done (or was only to be read): Unix tools
    /// end quietly then, and so does tassei, with 0.
    pub fn reader_gone() -> Self {
        Self {
            code: 0,
            lines: Vec::new(),
        }
    }
}

/// A message from the store on one line: SQLite's own diagnostics (`PRAGMA quick_check`)
/// may span several, and a clerk's terminal shows each message as one line.
fn one_line(message: impl fmt::Display) -> String {
    let text = message.to_string();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        match e {
            // The file given is not one tassei can use: the clerk's to fix, nothing was written.
            OpenError::IsDirectory(_)
            | OpenError::NotSqlite(_)
            | OpenError::NotTassei(_)
            | OpenError::Newer { .. }
            | OpenError::ReadOnly(_)
            | OpenError::FolderNotWritable(_)
            | OpenError::NetworkShare { .. }
            | OpenError::Damaged(_) => Failure::input(one_line(e)),
            OpenError::Read { ref source, .. } | OpenError::Create { ref source, .. }
                if source.kind() == std::io::ErrorKind::PermissionDenied =>
            {
                Failure::input(one_line(e))
            }
            _ => Failure::other(one_line(e)),
        }
    }
}

impl From<store::StoreError> for Failure {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::NoSuchPlan(_)
            | store::StoreError::Corrupt(_)
            | store::StoreError::Damaged(_) => Failure::input(one_line(e)),
            _ => Failure::other(one_line(e)),
        }
    }
}

impl From<std::io::Error> for Failure {
    /// Writing the output failed: a closed pipe is the reader gone, anything else a failure.
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::reader_gone()
        } else {
            Failure::other(e)
        }
    }
}

/// Runs the command line and returns the process exit code. Messages go to stderr, one line
/// each.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in &failure.lines {
                say(format_args!("tassei: {line}"));
            }
            ExitCode::from(failure.code)
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Failure> {
    let config = load_config();
    let stdout = std::io::stdout();
    let to_terminal = std::io::IsTerminal::is_terminal(&stdout);
    // Human-readable output never carries control characters; an export to a pipe or a file
    // keeps the data exact (its JSON escapes them anyway).
    let exact = matches!(cli.command, Some(Command::Export(_))) && !to_terminal;
    let mut out = printable::Printable::new(stdout.lock(), !exact);
    // Copying and restoring need no plan: a damaged file can still be copied and restored over.
    match &cli.command {
        Some(Command::Backup) => return backup::backup(&open_store(&cli, &config)?, &mut out),
        Some(Command::Restore(args)) => {
            let mut store = open_file(&cli, &config, Store::open_for_restore)?;
            return backup::restore(&mut store, args, &mut out);
        }
        _ => {}
    }
    let tui = match cli.command {
        None => to_terminal,
        Some(Command::Review) => true,
        _ => false,
    };
    let mut session = Session::open(&cli, &config, tui)?;
    let theme = cli.theme.unwrap_or(match config.theme {
        Some(Theme::HighContrast) => ThemeName::HighContrast,
        Some(Theme::Default) | None => ThemeName::Default,
    });
    match cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            drop(out);
            return interactive(session, theme, &config, false);
        }
        Some(Command::Review) => {
            if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err(Failure::input("the review mode needs a terminal"));
            }
            drop(out);
            return interactive(session, theme, &config, true);
        }
        None | Some(Command::Summary) => summary::run(&session, &mut out),
        Some(Command::Export(args)) => export::run(&session, &args, &mut out),
        Some(Command::Find(args)) => find::run(&session, &args, &mut out),
        Some(Command::Show(args)) => show::run(&session, &args, &mut out),
        Some(Command::Set(args)) => set::run(&mut session, &args, &mut out),
        Some(Command::Activity(args)) => activity::run(&mut session, &args, &mut out),
        Some(Command::Log(args)) => log::run(&session, &args, &mut out),
        Some(Command::Import(args)) => import::run(&mut session, &args, &mut out),
        Some(Command::Plans) => plans::run(&session, &mut out),
        Some(Command::Note(args)) => note::run(&mut session, &args, &mut out),
        Some(Command::Minutes(args)) => minutes::run(&session, &args, &mut out),
        // Opened without a session, above.
        Some(Command::Backup | Command::Restore(_)) => Ok(()),
        Some(Command::Undo(args)) => undo::undo(&mut session, &args, &mut out),
        Some(Command::Redo(args)) => undo::redo(&mut session, &args, &mut out),
    }?;
    // The end of the answer may still be buffered: failing to write it is failing the command
    // (a full disk behind `> file`), and a closed pipe is the reader gone.
    std::io::Write::flush(&mut out)?;
    Ok(())
}

/// The TUI's colours, as chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Default,
    HighContrast,
}

/// `tassei` with no command on a terminal: the TUI, in the review mode if asked.
fn interactive(
    mut session: Session,
    theme: ThemeName,
    config: &Config,
    review: bool,
) -> Result<(), Failure> {
    let mut colours = crate::tui::theme::Theme::from_env();
    if theme == ThemeName::HighContrast {
        colours = colours.high_contrast();
    }
    let background = session.background.take();
    let mut app = crate::tui::app::App::new(session.store, session.plan, session.today, colours);
    // Settings the clerk changes in the TUI (the tree's width) are remembered in the config.
    app.remember_in(Config::path(), config);
    if review {
        app.update(crate::tui::action::Action::Review);
    }
    let ran = crate::tui::run(app);
    // The day's copy finishes even when the clerk quits first; what it found is said now.
    if let Some(line) = background.and_then(BackgroundCheck::finish) {
        say(format_args!("tassei: {}", one_line(line)));
    }
    match ran {
        Ok(Some(discarded)) => {
            say(format_args!("tassei: {discarded}"));
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(e) => Err(Failure::other(format!("terminal error: {e}"))),
    }
}

/// What every subcommand works with: the open store, the chosen plan, and the date.
pub struct Session {
    pub store: Store,
    pub plan: Plan,
    pub today: CalendarDate,
    /// The TUI's damage check and day's copy, running beside it.
    pub background: Option<BackgroundCheck>,
}

/// The config file, or the defaults with a warning when it cannot be read: a mistake in it
/// must not stop a clerk from working.
fn load_config() -> Config {
    match Config::load() {
        Ok(config) => {
            for warning in &config.warnings {
                say(format_args!("tassei: warning: {warning}"));
            }
            config
        }
        Err(e) => {
            say(format_args!(
                "tassei: warning: {e}; using the default settings until it is fixed"
            ));
            Config::default()
        }
    }
}

impl Session {
    /// Opens the data file, makes the day's copy (beside the TUI when `tui`, so it opens at
    /// once) and loads the plan.
    fn open(cli: &Cli, config: &Config, tui: bool) -> Result<Self, Failure> {
        let as_of = cli
            .as_of
            .as_deref()
            .map(|typed| typed_date("--as-of", typed))
            .transpose()?;
        let store = open_store(cli, config)?;
        let daily = (store.today()?, keep_backups());
        let mut damaged = None;
        let background = if tui {
            Some(store.check_in_background(Some(daily)))
        } else {
            match store.daily_backup(daily.0, daily.1) {
                Ok(_) => {}
                Err(e @ store::StoreError::Damaged(_)) => damaged = Some(e),
                // The store's own words for a full disk say "nothing was saved", which is true
                // of an edit; here the edit still comes, and may well fit where a copy did not.
                Err(store::StoreError::DiskFull) => say(
                    "tassei: warning: the disk is full, so today's backup copy was not made; free some space (your edits are not affected)",
                ),
                Err(e) => say(format_args!(
                    "tassei: warning: {}; your edits are not affected",
                    one_line(e)
                )),
            }
            // A command that writes checks the file while the plan loads, on the other core;
            // the write waits for the answer.
            let writes = cli.command.as_ref().is_some_and(Command::writes);
            (writes && store.damage_check() == store::DamageCheck::NotRun)
                .then(|| store.check_in_background(None))
        };
        let plan_id = store.plan_id(cli.plan.as_deref())?;
        // A plan that cannot be read says so itself; the damage is then said once.
        let plan = store.load_plan(plan_id)?;
        // A write is refused with this very line; a read goes on, warned.
        if let Some(e) = damaged
            && !cli.command.as_ref().is_some_and(Command::writes)
        {
            say(format_args!("tassei: warning: {}", one_line(e)));
        }
        let today = match as_of {
            Some(date) => date,
            None => store.today()?,
        };
        Ok(Session {
            store,
            plan,
            today,
            background,
        })
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

/// A date typed for `option`, read by the one date grammar (see [`CalendarDate`]).
pub fn typed_date(option: &str, typed: &str) -> Result<CalendarDate, Failure> {
    typed
        .parse()
        .map_err(|e| Failure::input(format!("{option}: {e}")))
}

/// Opens the data file for use (see [`open_file`]).
fn open_store(cli: &Cli, config: &Config) -> Result<Store, Failure> {
    open_file(cli, config, Store::open_with_options)
}

/// Opens the data file named by `--db` (or `TASSEI_DB`), else the default one, whose folder is
/// created private to its owner; says once what was changed on the way (a file made private).
fn open_file(
    cli: &Cli,
    config: &Config,
    open: fn(&std::path::Path, &str, &OpenOptions) -> Result<Store, OpenError>,
) -> Result<Store, Failure> {
    let path = match &cli.db {
        // A symlink is followed to its file, so the file's copies are made and pruned in one
        // place, beside it, however it is named.
        Some(path)
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
                && path.exists() =>
        {
            fs::canonicalize(path).unwrap_or_else(|_| path.clone())
        }
        Some(path) => path.clone(),
        None => {
            let path = store::default_path().ok_or_else(|| {
                Failure::other("cannot find a data folder for this user; pass --db PATH")
            })?;
            store::create_default_folder(&path).map_err(|e| {
                Failure::other(format!(
                    "cannot create the data folder for {}: {e}; pass --db PATH",
                    path.display()
                ))
            })?;
            path
        }
    };
    let options = OpenOptions {
        network_ok: cli.network_ok,
        ..OpenOptions::default()
    };
    let mut store = open(&path, &actor(config), &options)?;
    for notice in store.take_notices() {
        say(format_args!("tassei: note: {}", one_line(notice)));
    }
    if let Some(ms) = std::env::var("TASSEI_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        store.set_busy_timeout(std::time::Duration::from_millis(ms))?;
    }
    Ok(store)
}

impl Command {
    /// Whether the command writes to the data file.
    fn writes(&self) -> bool {
        matches!(
            self,
            Command::Set(_)
                | Command::Activity(_)
                | Command::Note(_)
                | Command::Import(_)
                | Command::Undo(_)
                | Command::Redo(_)
                | Command::Restore(_)
        )
    }
}

/// How many days of dated copies to keep: `TASSEI_KEEP_BACKUPS` (at least 1), else 7. A value
/// that is not a whole number of 1 or more is said, and the default kept: a typo must never
/// make tassei delete copies.
pub fn keep_backups() -> usize {
    let Ok(typed) = std::env::var("TASSEI_KEEP_BACKUPS") else {
        return store::DEFAULT_KEEP;
    };
    match typed.trim().parse::<usize>() {
        Ok(n) if n >= 1 => n,
        _ => {
            say(format_args!(
                "tassei: warning: TASSEI_KEEP_BACKUPS={} is not a number of days of 1 or more; keeping {}",
                one_line(&typed),
                store::DEFAULT_KEEP
            ));
            store::DEFAULT_KEEP
        }
    }
}

/// The name written in the change log, and whose edits `undo` takes back: `TASSEI_USER`, else
/// the config file's `actor`, else the OS account name (asked of the OS, so it works where
/// `USER` is not set), else `unknown`.
pub fn actor(config: &Config) -> String {
    pick_actor(
        std::env::var("TASSEI_USER").ok(),
        config.actor.clone(),
        whoami::username().ok(),
    )
}

/// The first name given that is not blank, in the order of [`actor`].
fn pick_actor(env: Option<String>, config: Option<String>, os: Option<String>) -> String {
    [env, config, os]
        .into_iter()
        .flatten()
        .map(|name| visible_name(name.trim()))
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// A name as it is written in the change log and shown in messages: a control character
/// (a line break, `ESC`) or an invisible one (a bidi override) is written by its name (`^J`,
/// `<U+202E>`), so a name can neither split a line of `tassei log` nor drive a terminal.
pub(crate) fn visible_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                printable::show_control(c)
            } else if crate::model::fold::is_invisible(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Prints a goal's recomputed achievement: `⑴-ア-1 達成度 95 概ね達成 (near) — 9,500 ÷ …`.
fn print_achievement(
    session: &Session,
    r: GoalRef,
    out: &mut impl std::io::Write,
) -> Result<(), Failure> {
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let e = crate::engine::evaluate(goal, &session.plan.thresholds);
    writeln!(
        out,
        "{r} 達成度 {} {} ({}) — {}",
        e.rate_text(),
        e.status.label_ja(),
        e.status.word(),
        e.calculation
    )?;
    Ok(())
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
}
