//! The command line: `tassei [--db PATH] [--plan ID] COMMAND`. Each subcommand is a file here;
//! all of them go through the same store and engine functions as the TUI. `main` decides
//! whether a command line is the CLI's or the TUI's; what both open lives in [`crate::session`].

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
mod set;
mod show;
mod summary;
mod undo;
mod usage;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::model::{CalendarDate, GoalRef};
use crate::session::{DataFile, Opened, Purpose};

// What the commands share with the TUI, where they have always been found.
pub use self::usage::usage;
pub use crate::session::{Failure, Session, say};
pub(crate) use crate::session::{one_line, visible_name};

/// tassei (達成): keep a plan's KPI evaluation sheet — actuals, 達成度, shortfalls, activities.
#[derive(Debug, Parser)]
#[command(name = "tassei", version, about, long_about = None)]
pub struct Cli {
    /// The data file and how to open it (`--db`, `--user`, …).
    // Under their own heading in every command's help, so a command's own options (`set`'s
    // `--yes`) are not lost among the ones every command shares.
    #[command(flatten, next_help_heading = "Global options")]
    pub file: DataFile,

    /// Which plan in the data file, by its id (default: the first one). See `tassei plans`.
    #[arg(
        long,
        global = true,
        value_name = "ID",
        help_heading = "Global options"
    )]
    pub plan: Option<String>,

    /// Judge overdue activities as of this date: 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日
    /// (default: today).
    #[arg(
        long,
        global = true,
        value_name = "DATE",
        value_parser = str::parse::<CalendarDate>,
        help_heading = "Global options"
    )]
    pub as_of: Option<CalendarDate>,

    /// The TUI's colours: default, or high-contrast for projectors (T switches too). Default:
    /// the config file's `theme`, else default.
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub theme: Option<ThemeName>,

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

/// The TUI's colours, as chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Default,
    HighContrast,
}

/// Runs a command (no command: the summary) and returns the process exit code. Messages go to
/// stderr, one line each. The TUI's commands (`review`, none on a terminal) are `main`'s to
/// send to the TUI; given here, they are refused as needing a terminal.
pub fn run(cli: Cli, config: &Config) -> std::process::ExitCode {
    crate::session::exit_code(dispatch(cli, config))
}

fn dispatch(cli: Cli, config: &Config) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let to_terminal = std::io::IsTerminal::is_terminal(&stdout);
    // Human-readable output never carries control characters; an export to a pipe or a file
    // keeps the data exact (its JSON escapes them anyway).
    let exact = matches!(cli.command, Some(Command::Export(_))) && !to_terminal;
    let mut out = printable::Printable::new(stdout.lock(), !exact);
    let file = &cli.file;
    // Each command opens what it needs: copying and restoring need no plan (a damaged file can
    // still be copied and restored over); listing the plans reads none of them.
    match &cli.command {
        Some(Command::Backup) => return backup::backup(&file.open(config)?, file, &mut out),
        Some(Command::Restore(args)) => {
            let mut store = file.open_for_restore(config)?;
            return backup::restore(&mut store, file, args, &mut out);
        }
        Some(Command::Plans) => {
            let opened = Opened::open(file, config, Purpose::Read)?;
            plans::run(opened, cli.plan.as_deref(), &mut out)?;
            std::io::Write::flush(&mut out)?;
            return Ok(());
        }
        Some(Command::Review) => return Err(Failure::input("the review mode needs a terminal")),
        _ => {}
    }
    let purpose = match &cli.command {
        Some(command) if command.writes() => Purpose::Write,
        _ => Purpose::Read,
    };
    let mut session = Session::open(file, config, cli.plan.as_deref(), cli.as_of, purpose)?;
    match cli.command {
        None | Some(Command::Summary) => summary::run(&session, &mut out),
        Some(Command::Export(args)) => export::run(&session, &args, &mut out),
        Some(Command::Find(args)) => find::run(&session, &args, &mut out),
        Some(Command::Show(args)) => show::run(&session, &args, &mut out),
        Some(Command::Set(args)) => set::run(&mut session, &args, &mut out),
        Some(Command::Activity(args)) => activity::run(&mut session, &args, &mut out),
        Some(Command::Log(args)) => log::run(&session, &args, &mut out),
        Some(Command::Import(args)) => import::run(&mut session, &args, &mut out),
        Some(Command::Note(args)) => note::run(&mut session, &args, &mut out),
        Some(Command::Minutes(args)) => minutes::run(&session, &args, &mut out),
        Some(Command::Undo(args)) => undo::undo(&mut session, &args, &mut out),
        Some(Command::Redo(args)) => undo::redo(&mut session, &args, &mut out),
        // Answered above, without a plan.
        Some(Command::Plans | Command::Review | Command::Backup | Command::Restore(_)) => Ok(()),
    }?;
    // The end of the answer may still be buffered: failing to write it is failing the command
    // (a full disk behind `> file`), and a closed pipe is the reader gone.
    std::io::Write::flush(&mut out)?;
    Ok(())
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
