//! The `tassei` binary: install error reporting, parse the command line, and hand it to the
//! front end it is for — the CLI or the TUI, side by side over the same session.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

use tassei::cli::{self, Cli, Command, ThemeName};
use tassei::config::{Config, Theme};
use tassei::session::{self, Failure, Purpose, Session};
use tassei::strings::strings;

fn main() -> ExitCode {
    // The language first, so clap's help and errors are in it.
    let args: Vec<OsString> = std::env::args_os().collect();
    let config = session::choose_language(&args);
    // Panics print a readable report (after the terminal is restored, once the TUI exists).
    if let Err(e) = color_eyre::install() {
        let words = &strings().cli;
        session::say((words.said.failure)(&(words.session.error_reporter)(&e)));
    }
    let cli = match cli::localized::parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return cli::usage(&e),
    };
    let (config, warnings) = session::config_or_defaults(config);
    match front_end(&cli) {
        FrontEnd::Cli => cli::run(cli, &config),
        FrontEnd::Tui { review } => session::exit_code(open_tui(&cli, &config, &warnings, review)),
    }
}

/// Which front end a command line is for.
enum FrontEnd {
    Cli,
    Tui { review: bool },
}

/// The TUI for `review`, and for no command on a terminal; the CLI for every other command
/// (and for no command in a script, which prints the summary).
fn front_end(cli: &Cli) -> FrontEnd {
    match cli.command {
        None if std::io::stdout().is_terminal() => FrontEnd::Tui { review: false },
        Some(Command::Review) => FrontEnd::Tui { review: true },
        _ => FrontEnd::Cli,
    }
}

/// Opens the session beside the TUI (its day's copy and check run meanwhile) and runs the TUI,
/// which shows again what was said about the config file (`warnings`).
fn open_tui(cli: &Cli, config: &Config, warnings: &[String], review: bool) -> Result<(), Failure> {
    let session = Session::open(
        &cli.file,
        config,
        cli.plan.as_deref(),
        cli.as_of,
        Purpose::Tui,
    )?;
    if !std::io::stdout().is_terminal() {
        return Err(Failure::input(strings().cli.session.review_needs_terminal));
    }
    let theme = match cli.theme {
        Some(ThemeName::HighContrast) => Theme::HighContrast,
        Some(ThemeName::Default) => Theme::Default,
        None => config.theme.unwrap_or(Theme::Default),
    };
    tassei::tui::open(
        session,
        theme,
        config,
        warnings,
        &session::opening_notes(),
        review,
    )
}
