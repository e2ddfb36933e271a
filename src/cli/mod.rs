//! The command line: `tassei [--db PATH] [--plan ID] COMMAND`. Each subcommand is a file here;
//! all of them go through the same store and engine functions as the TUI. `main` decides
//! whether a command line is the CLI's or the TUI's; what both open lives in [`crate::session`].

mod activity;
mod add;
mod backup;
mod collect;
mod completions;
mod export;
mod find;
mod handout;
mod handout_file;
mod import;
mod import_into;
pub mod localized;
mod log;
mod minutes;
mod move_;
mod new;
mod note;
mod output;
mod plans;
mod printable;
mod remove;
mod rollover;
mod sections;
mod set;
mod show;
mod summary;
mod undo;
mod usage;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::model::{CalendarDate, GoalRef};
use crate::session::{DataFile, Failure, Opened, Purpose, Session};
use crate::strings::strings;

pub use self::usage::usage;

/// The command line as clap reads it. Every text of its help (about lines, arguments' help,
/// headings, examples) is read from [`strings()`] when the command is built, never from these
/// doc comments.
#[derive(Debug, Parser)]
#[command(name = "tassei", version, about = strings().cli.help.about, long_about = None)]
pub struct Cli {
    /// The data file and how to open it (`--db`, `--user`, …).
    // Under their own heading in every command's help, so a command's own options (`set`'s
    // `--yes`) are not lost among the ones every command shares.
    #[command(flatten, next_help_heading = strings().cli.help.global_heading)]
    pub file: DataFile,

    /// `--plan ID`: which plan in the data file.
    #[arg(
        long,
        global = true,
        value_name = "ID",
        help = strings().cli.help.global.plan,
        help_heading = strings().cli.help.global_heading
    )]
    pub plan: Option<String>,

    /// `--as-of DATE`: the date overdue activities are judged on.
    #[arg(
        long,
        global = true,
        value_name = "DATE",
        value_parser = str::parse::<CalendarDate>,
        help = strings().cli.help.global.as_of,
        help_heading = strings().cli.help.global_heading
    )]
    pub as_of: Option<CalendarDate>,

    /// `--theme`: the TUI's colours.
    #[arg(
        long,
        global = true,
        value_enum,
        help = strings().cli.help.global.theme,
        help_heading = strings().cli.help.global_heading
    )]
    pub theme: Option<ThemeName>,

    /// `--lang`: the interface's language. Read before clap parses (`session::language`), so
    /// clap's own help is already in it; kept here so clap knows the option.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "LANG",
        help = strings().cli.help.global.lang,
        help_heading = strings().cli.help.global_heading
    )]
    pub lang: Option<LangName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; each one's about line is [`Commands`](crate::strings::cli::Commands)'s.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = strings().cli.help.commands.export)]
    Export(export::Args),
    #[command(about = strings().cli.help.commands.find)]
    Find(find::Args),
    #[command(about = strings().cli.help.commands.show)]
    Show(show::Args),
    #[command(about = strings().cli.help.commands.set)]
    Set(set::Args),
    #[command(about = strings().cli.help.commands.activity)]
    Activity(activity::Args),
    #[command(about = strings().structure.cli.add_about)]
    Add(add::Args),
    #[command(about = strings().structure.cli.remove_about)]
    Remove(remove::Args),
    #[command(about = strings().structure.cli.move_about)]
    Move(move_::Args),
    #[command(about = strings().cli.help.commands.summary)]
    Summary,
    #[command(about = strings().cli.help.commands.log)]
    Log(log::Args),
    #[command(about = strings().cli.help.commands.import)]
    Import(import::Args),
    #[command(about = strings().cli.help.commands.plans)]
    Plans,
    #[command(about = strings().cli.help.commands.note)]
    Note(note::Args),
    #[command(about = strings().cli.help.commands.minutes)]
    Minutes(minutes::Args),
    #[command(about = strings().cli.help.commands.review)]
    Review,
    #[command(about = strings().cli.help.commands.backup)]
    Backup,
    #[command(about = strings().cli.help.commands.restore)]
    Restore(backup::RestoreArgs),
    #[command(about = strings().cli.help.commands.undo)]
    Undo(undo::Args),
    #[command(about = strings().cli.help.commands.redo)]
    Redo(undo::Args),
    #[command(about = strings().cli.help.commands.completions)]
    Completions(completions::Args),
    #[command(about = strings().cli.help.commands.man)]
    Man(completions::ManArgs),
    #[command(about = strings().cli.help.commands.handout)]
    Handout(handout::Args),
    #[command(about = strings().cli.help.commands.collect)]
    Collect(collect::Args),
    #[command(about = strings().cli.help.commands.sections)]
    Sections,
    #[command(about = strings().cli.help.commands.rollover)]
    Rollover(rollover::Args),
    #[command(about = strings().cli.help.commands.new)]
    New(new::Args),
}

/// The TUI's colours, as chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Default,
    HighContrast,
}

/// An interface language, as chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangName {
    Ja,
    En,
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
    // keeps the data exact (its JSON escapes them anyway), and a completion script or a manual
    // page is written as generated, from tassei's own words.
    let exact = match cli.command {
        Some(Command::Export(_)) => !to_terminal,
        Some(Command::Completions(_) | Command::Man(_)) => true,
        _ => false,
    };
    run_to(
        cli,
        config,
        printable::Printable::new(stdout.lock(), !exact),
    )
}

/// Runs a command as [`run`] does, its answer written to `out` as it comes (`run` guards a
/// terminal from control characters first) and its failure returned, not said: how a test
/// reads a command's words in the language its thread is pinned to. Warnings and notes on the
/// way still go to stderr.
pub fn run_to(cli: Cli, config: &Config, mut out: impl std::io::Write) -> Result<(), Failure> {
    let file = &cli.file;
    // Each command opens what it needs: copying and restoring need no plan (a damaged file can
    // still be copied and restored over); listing the plans reads none of them; completions and
    // the manual page need no data file.
    match &cli.command {
        // Made from the command line's definition alone: no data file is opened or created.
        Some(Command::Completions(args)) => return completions::completions(args, &mut out),
        Some(Command::Man(args)) => return completions::man(args, &mut out),
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
        Some(Command::Review) => {
            return Err(Failure::input(strings().cli.session.review_needs_terminal));
        }
        // Reads the file before the data file is opened, which it may create holding that plan.
        Some(Command::Import(args)) => return import::run(file, config, args, &mut out),
        // Writes a workbook; opens no data file.
        Some(Command::New(args)) => return new::run(file, args, &mut out),
        Some(Command::Set(args)) => set::check_shape(args)?,
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
        Some(Command::Add(args)) => add::run(&mut session, &args, &mut out),
        Some(Command::Remove(args)) => remove::run(&mut session, &args, &mut out),
        Some(Command::Move(args)) => move_::run(&mut session, &args, &mut out),
        Some(Command::Log(args)) => log::run(&session, &args, &mut out),
        Some(Command::Note(args)) => note::run(&mut session, &args, &mut out),
        Some(Command::Minutes(args)) => minutes::run(&session, &args, &mut out),
        Some(Command::Undo(args)) => undo::undo(&mut session, &args, &mut out),
        Some(Command::Redo(args)) => undo::redo(&mut session, &args, &mut out),
        Some(Command::Handout(args)) => handout::run(&mut session, &args, &mut out),
        Some(Command::Collect(args)) => collect::run(&mut session, &args, &mut out),
        Some(Command::Sections) => sections::run(&session, &mut out),
        Some(Command::Rollover(args)) => rollover::run(&mut session, &args, &mut out),
        // Answered above, without a plan.
        Some(
            Command::Plans
            | Command::Import(_)
            | Command::New(_)
            | Command::Review
            | Command::Backup
            | Command::Restore(_)
            | Command::Completions(_)
            | Command::Man(_),
        ) => Ok(()),
    }?;
    // The end of the answer may still be buffered: failing to write it is failing the command
    // (a full disk behind `> file`), and a closed pipe is the reader gone.
    std::io::Write::flush(&mut out)?;
    Ok(())
}

impl Command {
    /// Whether the command writes to the data file.
    fn writes(&self) -> bool {
        if let Command::Collect(args) = self {
            return args.apply;
        }
        if let Command::Rollover(args) = self {
            return args.writes();
        }
        matches!(
            self,
            Command::Handout(_)
                | Command::Set(_)
                | Command::Activity(_)
                | Command::Add(_)
                | Command::Remove(_)
                | Command::Move(_)
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
    let line = (strings().cli.edit.achievement)(
        &r,
        &e.rate_text(),
        e.status.label_ja(),
        e.status.word(),
        &e.calculation,
    );
    writeln!(out, "{line}")?;
    Ok(())
}

/// Warns on stderr when `applied`, saved in an exchange file (a handout opened with `tassei
/// --db 市民係.tassei`), will not travel back: the collect would leave it out, and the clerk
/// who typed it would never know. A file whose header cannot be read says nothing more here.
fn warn_if_left_behind(session: &Session, applied: &crate::store::Applied) {
    let Ok(Some(meta)) = session.store.exchange_meta() else {
        return;
    };
    if let Some(line) = crate::exchange::datafile::left_behind(&meta, &session.plan, applied) {
        crate::session::say((strings().cli.said.warning)(&line));
    }
}
