//! The collect of a returned file in the TUI (`I`): the path prompt, the preview chosen row by
//! row, and what applying it said.

use std::fmt::Display;

/// The collect's words: the prompt, the preview, the outcome.
pub struct Collect {
    /// The path prompt's title.
    pub prompt_title: &'static str,
    /// Before the path, on its line.
    pub prompt: &'static str,
    /// Under the path: what may be given, how.
    pub prompt_help: &'static str,
    /// Enter with no path typed.
    pub no_path: &'static str,
    /// The preview's title: (file).
    pub title: fn(&str) -> String,
    /// The preview's first line for a handout workbook: (section, handout number).
    pub from_handout: fn(&str, i64) -> String,
    /// After it when the handout was collected before: (when, the clerk's local time to the
    /// minute).
    pub collected_before: fn(&str) -> String,
    /// The preview's first line for a CSV: (its encoding's name).
    pub from_csv: fn(&str) -> String,
    /// The preview's second line: (conflicts, of them undecided, other rows, rows left out).
    pub counts: fn(usize, usize, usize, usize) -> String,
    /// A row's choice, in its column: take the returned value, keep the current one, skip
    /// the row, a conflict not chosen yet.
    pub take: &'static str,
    pub keep: &'static str,
    pub skip: &'static str,
    pub undecided: &'static str,
    /// A row's kind, before its subject: a conflict, a change without a handout base (a CSV),
    /// text that lost characters to `?`.
    pub conflict: &'static str,
    pub unbased: &'static str,
    pub lost_text: &'static str,
    /// After a conflict's values in its row: (the value handed out).
    pub handed_out_was: fn(&str) -> String,
    /// A conflict's value now in its row, when the change log knows who made it: (the value,
    /// who).
    pub now_by: fn(&str, &str) -> String,
    /// Labels of the chosen row's values, below the rows: now, returned, handed out.
    pub now: &'static str,
    pub returned: &'static str,
    pub handed_out: &'static str,
    /// In place of the rows when the file changes nothing.
    pub nothing_new: &'static str,
    /// Heading of the rows the file could not give: (how many).
    pub left_out: fn(usize) -> String,
    /// After the rows left out that did not fit: (how many more).
    pub more: fn(usize) -> String,
    /// A choice key on text that lost characters to `?` (CP932): it is kept as it is.
    pub lost_text_kept: &'static str,
    /// After applying: (file, values written, kept as they are, rows left, of them undecided
    /// conflicts, the key that undoes).
    pub collected: fn(&str, usize, usize, usize, usize, &str) -> String,
    /// Esc in the preview: (file).
    pub closed: fn(&str) -> String,
    /// The store refused the whole file: a field changed after the preview: (file, subject,
    /// field label, who and when if known, the value the preview saw, the value now).
    pub stale: Stale,
    /// The file could not be collected for another reason: (file, why). Nothing was written.
    pub not_collected: fn(&str, &dyn Display) -> String,
    /// The preview's first line for an exchange file (`.tassei`): (section, handout number,
    /// who changed it on the laptop, joined; empty when nobody did).
    pub from_laptop: fn(&str, i64, &str) -> String,
    /// A row's kind: a cell the section emptied, which clears the value only when taken.
    pub cleared: &'static str,
    /// A letter the preview binds to nothing: (the letter, the key that closes it).
    pub no_such_key: fn(char, &str) -> String,
}

/// The sentence of [`Collect::stale`].
pub type Stale = fn(&str, &str, &str, Option<(&str, &str)>, &dyn Display, &dyn Display) -> String;
