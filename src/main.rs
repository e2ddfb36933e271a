//! The `tassei` binary: install error reporting, parse the command line, dispatch.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Panics print a readable report (after the terminal is restored, once the TUI exists).
    if let Err(e) = color_eyre::install() {
        tassei::cli::say(format_args!(
            "tassei: could not install the error reporter: {e}"
        ));
    }
    match tassei::cli::Cli::try_parse() {
        Ok(cli) => tassei::cli::run(cli),
        Err(e) => tassei::cli::usage(&e),
    }
}
