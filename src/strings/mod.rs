//! Every word tassei shows a person, in one place: the TUI's chrome, hints and messages, and the
//! command line's human output and errors. Views and commands never hold a sentence of their own;
//! they ask [`strings()`] for it.
//!
//! Each language is one value of [`Strings`]: a missing sentence in a language is a compile error,
//! not a blank on screen. Sentences with figures in them are functions (`fn(..) -> String`), so
//! the compiler checks their arguments too. Today there is one language, [`EN`] (English chrome
//! around the sheet's own Japanese terms); a Japanese value and the choice between them (`--lang`,
//! the config file, the locale) come next, without touching a view again.
//!
//! What stays out: the sheet's vocabulary as data (status labels, field labels such as 実績値,
//! which live beside their types in `model`), and machine-readable output (`export` keys, exit
//! codes), which never changes with the language.

pub mod cli;
pub mod errors;
pub mod report;
pub mod tui;

/// All the words of one language.
pub struct Strings {
    pub tui: tui::Tui,
    pub cli: cli::Cli,
    pub report: report::Report,
    pub errors: errors::Errors,
}

/// English chrome, the sheet's terms in Japanese.
pub static EN: Strings = Strings {
    tui: tui::EN,
    cli: cli::EN,
    report: report::EN,
    errors: errors::EN,
};

/// The words of the language in use.
pub fn strings() -> &'static Strings {
    &EN
}
