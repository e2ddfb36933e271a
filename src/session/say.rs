//! Messages on stderr, one line each, for both front ends. Writing one never fails the
//! command: a closed stderr (`tassei set … 2>&1 | head -1`) is a reader that went away, as it
//! is for stdout, not a reason to panic (`eprintln!` would) after the work is done.

use std::fmt::Display;
use std::io::Write;

use crate::text::control::visible;

/// Writes `text` and a line feed to stderr as one line: control characters (a line feed too)
/// and the invisible characters that reorder or hide text are shown as `^J`, `<U+202E>`.
pub fn say(text: impl Display) {
    let mut line = visible(&text.to_string(), &[]);
    line.push('\n');
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Writes a question to stderr without ending the line, for the answer to follow it.
pub fn ask(text: impl Display) {
    let mut stderr = std::io::stderr();
    let _ = stderr
        .write_all(visible(&text.to_string(), &[]).as_bytes())
        .and_then(|()| stderr.flush());
}
