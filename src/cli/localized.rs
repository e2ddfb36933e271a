//! The command line as clap reads it, in the chosen language: tassei's help texts (from the
//! derive attributes) inside clap's frame — the usage heading, the section headings, the help
//! and version flags, the `help` subcommand — each from [`Frame`], so a Japanese `--help`
//! reads Japanese from its first word. Completions and a man page are generated from this same
//! command.

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::strings::cli::Frame;
use crate::strings::strings;

/// The whole command tree, in the language in use.
pub fn command() -> Command {
    let frame = &strings().cli.frame;
    let mut command = localize(Cli::command(), frame)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(frame.version_flag)
                .help_heading(frame.options_heading),
        );
    // clap adds its `help` subcommands when the command is built: build first, then give
    // each this language's about line.
    command.build();
    help_about(command, frame)
}

/// Every `help` subcommand clap added (to tassei and to each command with subcommands of its
/// own) with this language's about line.
fn help_about(command: Command, frame: &'static Frame) -> Command {
    let command = if command.find_subcommand("help").is_some() {
        command.mut_subcommand("help", |help| help.about(frame.help_command))
    } else {
        command
    };
    command.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub
        } else {
            help_about(sub, frame)
        }
    })
}

/// Reads a command line (the program's name first) in the language in use.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = command();
    let matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))
}

/// One command and its subcommands: this language's headings, and a help flag of its own.
fn localize(command: Command, frame: &'static Frame) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        frame.usage_heading
    );
    // A command's own heading for its subcommands (`set`'s fields) stays.
    let command = if command.get_subcommand_help_heading().is_some() {
        command
    } else {
        command.subcommand_help_heading(frame.commands_heading)
    };
    command
        .help_template(template)
        // Arguments without a heading of their own go under this language's; global options
        // already carry theirs.
        .mut_args(|arg| {
            let arg = annotated(arg, frame);
            if arg.get_help_heading().is_some() {
                arg
            } else if arg.is_positional() {
                arg.help_heading(frame.arguments_heading)
            } else {
                arg.help_heading(frame.options_heading)
            }
        })
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(frame.help_flag)
                .help_heading(frame.options_heading),
        )
        .mut_subcommands(|sub| localize(sub, frame))
}

/// An argument's help with the values it takes and its environment variable in this
/// language's words, in place of clap's `[possible values: …]` and `[env: …]` (which would also
/// show the variable's value: a path a clerk did not ask to see).
fn annotated(arg: Arg, frame: &'static Frame) -> Arg {
    let Some(help) = arg.get_help().map(ToString::to_string) else {
        return arg;
    };
    let mut help = help;
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // A flag's true/false are not values a clerk types.
    let takes_values = arg.get_action().takes_values();
    let arg = if !takes_values || values.is_empty() || arg.is_hide_possible_values_set() {
        arg
    } else {
        help.push_str(&(frame.possible_values)(&values.join(", ")));
        arg.hide_possible_values(true)
    };
    let arg = match arg.get_env().and_then(|name| name.to_str()) {
        Some(name) if !arg.is_hide_env_set() => {
            help.push_str(&(frame.env)(name));
            arg.hide_env(true)
        }
        _ => arg,
    };
    arg.help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn help_of(args: &[&str]) -> String {
        match parse_from(args) {
            Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => e.render().to_string(),
            other => panic!("expected help, got {other:?}"),
        }
    }

    #[test]
    fn english_help_keeps_clap_s_own_frame() {
        let _lang = pin_thread(Lang::En);
        let help = help_of(&["tassei", "--help"]);
        assert!(help.contains("Usage: tassei"), "{help}");
        assert!(help.contains("Commands:"), "{help}");
        assert!(help.contains("-h, --help"), "{help}");
        assert!(help.contains("Print help"), "{help}");
        assert!(help.contains("-V, --version"), "{help}");
    }

    #[test]
    fn japanese_help_has_no_english_frame() {
        let _lang = pin_thread(Lang::Ja);
        let frame = &strings().cli.frame;
        let commands: [&[&str]; 3] = [
            &["tassei", "--help"],
            &["tassei", "set", "--help"],
            &["tassei", "activity", "--help"],
        ];
        for args in commands {
            let help = help_of(args);
            assert!(help.contains(frame.usage_heading), "{help}");
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Print help",
                "Print this message",
                "[possible values",
                "[env:",
            ] {
                assert!(!help.contains(english), "{english} in {help}");
            }
        }
    }

    #[test]
    fn the_help_subcommand_and_version_still_work() {
        let _lang = pin_thread(Lang::En);
        let e = parse_from(["tassei", "help", "set"]).expect_err("help is shown as an error");
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(e.render().to_string().contains("tassei set"));
        let e = parse_from(["tassei", "-V"]).expect_err("the version is shown as an error");
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayVersion);
    }

    #[test]
    fn the_command_definition_is_valid_in_both_languages() {
        for lang in [Lang::En, Lang::Ja] {
            let _lang = pin_thread(lang);
            command().debug_assert();
        }
    }
}
