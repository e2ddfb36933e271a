//! `tassei completions SHELL` and `tassei man [COMMAND]…`: a shell's completion script and the
//! manual page, both generated from the one command definition ([`Cli::command`]), so they
//! cannot fall behind the commands, and in the words of `--help`. Neither opens a data file.

use std::io::Write;

use clap::CommandFactory;

use super::Cli;
use crate::session::Failure;
use crate::strings::strings;

/// The shells tassei writes a completion script for. Named here rather than taken from
/// `clap_complete::Shell`, which may gain shells: the command line changes only on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, clap::Args)]
#[command(after_help = strings().cli.help.completions.examples)]
pub struct Args {
    #[arg(value_enum, help = strings().cli.help.completions.shell)]
    shell: Shell,
}

#[derive(Debug, clap::Args)]
#[command(after_help = strings().cli.help.man.examples)]
pub struct ManArgs {
    #[arg(value_name = "COMMAND", help = strings().cli.help.man.command)]
    command: Vec<String>,
}

/// Writes the completion script. It is generated whole before it is written: clap_complete
/// panics on a failed write, and a reader that goes away (`| head`) must end tassei quietly.
pub fn completions(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut command = Cli::command();
    let name = command.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// Writes the manual page of tassei, or of the command named (`set`, `set actual`): the page
/// tassei's own lists as `tassei-set(1)`.
pub fn man(args: &ManArgs, out: &mut impl Write) -> Result<(), Failure> {
    // As clap_mangen's own generator does: no `help` command, and names resolved (a command's
    // page is titled `tassei-set`).
    let mut page = Cli::command().disable_help_subcommand(true);
    page.build();
    // Every page's footer names tassei and its version (a command's own has no version).
    let source = format!(
        "{} {}",
        page.get_name(),
        page.get_version().unwrap_or_default()
    );
    for typed in &args.command {
        let found = page.find_subcommand(typed).filter(|c| !c.is_hide_set());
        page = match found {
            Some(command) => command.clone(),
            None => return Err(no_such_command(&page, typed)),
        };
    }
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(source)
        .render(&mut roff)?;
    out.write_all(&roff)?;
    out.flush()?;
    Ok(())
}

/// The refusal of a name that is none of `under`'s commands, listing those it has.
fn no_such_command(under: &clap::Command, typed: &str) -> Failure {
    let commands: Vec<&str> = under
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(clap::Command::get_name)
        .collect();
    let under = under
        .get_display_name()
        .unwrap_or_else(|| under.get_name())
        .replace('-', " ");
    Failure::input((strings().cli.read.no_such_command)(
        typed, &under, &commands,
    ))
}
