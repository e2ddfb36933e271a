//! clap's frame around tassei's help texts: the headings, the help and version flags, and the
//! sentences of a usage error. clap writes these in English itself; tassei gives it each
//! language's words (`cli::localized`), so a Japanese `--help` and a Japanese usage error read
//! Japanese from the first word. The English values are clap's own, so English output is what
//! clap would print.

/// The headings and the flags clap adds to every command.
pub struct Frame {
    /// Before the usage line of every help: `Usage:`.
    pub usage_heading: &'static str,
    /// Heading of a command's subcommands: `Commands`.
    pub commands_heading: &'static str,
    /// Heading of a command's positional arguments: `Arguments`.
    pub arguments_heading: &'static str,
    /// Heading of a command's own options: `Options`.
    pub options_heading: &'static str,
    /// `-h, --help`.
    pub help_flag: &'static str,
    /// `-V, --version`.
    pub version_flag: &'static str,
    /// `tassei help [COMMAND]`'s line among the commands.
    pub help_command: &'static str,
    /// After an option's help, the values it takes: (the values, joined with `, `).
    pub possible_values: fn(&str) -> String,
    /// After an option's help, the environment variable that sets it: (its name).
    pub env: fn(&str) -> String,
    /// The sentences of a usage error.
    pub errors: ClapErrors,
}

/// A usage error's sentences, each from the values clap found: option names as clap shows them
/// (`--format <FORMAT>`), values as typed.
pub struct ClapErrors {
    /// A value not among the allowed ones: (the value, the option).
    pub invalid_value: fn(&str, &str) -> String,
    /// An option given with no value: (the option).
    pub value_required: fn(&str) -> String,
    /// After [`ClapErrors::invalid_value`]: (the allowed values, joined with `, `).
    pub possible_values: fn(&str) -> String,
    /// A value tassei's parser refused, whose reason does not quote it: (the value, the
    /// option, the reason).
    pub refused_value: fn(&str, &str, &str) -> String,
    /// A subcommand that does not exist: (the word typed).
    pub unknown_subcommand: fn(&str) -> String,
    /// An option or argument that does not exist: (as typed).
    pub unknown_argument: fn(&str) -> String,
    /// Arguments a command needs and did not get: (their names, joined with `, `).
    pub missing_arguments: fn(&str) -> String,
    /// A command that needs a subcommand: (the command, its subcommands joined with `, `).
    pub missing_subcommand: fn(&str, &str) -> String,
    /// One value too many: (the value, the argument).
    pub unexpected_value: fn(&str, &str) -> String,
    /// The near words that exist, as a tip after the error: (what they are, the words).
    pub similar: fn(Similar, &[String]) -> String,
    /// A tip after an unknown argument that starts with `-`: how to give it as a value (a
    /// meeting note that starts with a dash): (the argument).
    pub as_value: fn(&str) -> String,
    /// Between the error, its tips and the usage on the one line.
    pub separator: &'static str,
}

/// What a suggested near word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Similar {
    Subcommand,
    Argument,
    Value,
}
