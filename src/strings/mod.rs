//! Every word tassei shows a person, in one place: the TUI's chrome, hints and messages, and the
//! command line's human output and errors. Views and commands never hold a sentence of their own;
//! they ask [`strings()`] for it.
//!
//! Each language is one value of [`Strings`]: a missing sentence in a language is a compile error,
//! not a blank on screen. Sentences with figures in them are functions (`fn(..) -> String`), so
//! the compiler checks their arguments too. There are two languages: [`JA`], the default for a
//! Japanese locale, and [`EN`] (English chrome around the sheet's own Japanese terms). Which one
//! is in use is chosen once by the binary ([`choose`]: `--lang` > the config file > the locale,
//! worked out in `session::language`); a test pins its own thread ([`pin_thread`]) and never reads
//! the process environment. Nothing chosen is English.
//!
//! What stays out: the sheet's vocabulary as data (status labels, field labels such as 実績値,
//! which live beside their types in `model`), and machine-readable output (`export` keys, exit
//! codes), which never changes with the language.
//!
//! The layout keeps the **shape** of the words apart from their **values**, so a language is a
//! folder of values beside [`en`], checked field for field by the compiler, and adding one never
//! touches a shape:
//!
//! - shapes, one module per area, each field with its doc comment saying where it shows and what
//!   its arguments are: [`tui`] (with `tui/keys.rs` and `tui/messages.rs`), [`cli`], [`report`],
//!   [`errors`] (its scan of the layers that raise errors in `errors/tests.rs`);
//! - values, one folder per language, one file per area: [`en`] (`en/tui.rs`, `en/cli.rs`,
//!   `en/report.rs`, `en/errors.rs`), whose `mod.rs` gathers them into the language's
//!   [`Strings`]. A file that would pass ~600 lines is split by area, in the shapes as in the
//!   values.

pub mod cli;
pub mod en;
pub mod errors;
pub mod exchange;
pub mod ja;
mod lang;
pub mod outline;
pub mod report;
pub mod structure;
pub mod tui;

pub use en::EN;
pub use ja::JA;
pub use lang::{Lang, PinnedLang, choose, chosen, pin_thread};

/// All the words of one language.
pub struct Strings {
    pub tui: tui::Tui,
    pub cli: cli::Cli,
    pub report: report::Report,
    pub errors: errors::Errors,
    pub exchange: exchange::Exchange,
    pub structure: structure::Structure,
    pub outline: outline::Outline,
}

/// The words of the language in use: this thread's pin, else the process's choice.
pub fn strings() -> &'static Strings {
    match chosen() {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}
