//! Messages on stderr, one line each, for both front ends. Writing one never fails the
//! command: a closed stderr (`tassei set … 2>&1 | head -1`) is a reader that went away, as it
//! is for stdout, not a reason to panic (`eprintln!` would) after the work is done.

use std::fmt::Display;
use std::io::Write;

use crate::text::control::picture;

/// Writes `text` and a line feed to stderr as one line: control characters (a line feed too)
/// and the invisible characters that reorder or hide text are shown as `^J`, `<U+202E>`.
pub fn say(text: impl Display) {
    let mut line = visible(&text.to_string());
    line.push('\n');
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Writes a question to stderr without ending the line, for the answer to follow it.
pub fn ask(text: impl Display) {
    let mut stderr = std::io::stderr();
    let _ = stderr
        .write_all(visible(&text.to_string()).as_bytes())
        .and_then(|()| stderr.flush());
}

/// `text` with every character that would not show as itself made visible.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || crate::model::fold::is_invisible(c) {
            out.push_str(&picture(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A name as it is written in the change log and shown in messages: a control character
/// (a line break, `ESC`) or an invisible one (a bidi override) is written by its name (`^J`,
/// `<U+202E>`), so a name can neither split a line of `tassei log` nor drive a terminal.
pub fn visible_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                picture(c)
            } else if crate::model::fold::is_invisible(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_one_line_with_nothing_hidden() {
        assert_eq!(visible("\"9\n500\": bad"), "\"9^J500\": bad");
        assert_eq!(visible("1-ア-1\u{202e}"), "1-ア-1<U+202E>");
        assert_eq!(visible("1-ア\u{200b}-1"), "1-ア<U+200B>-1");
        assert_eq!(visible("⑴-ア-1 達成度"), "⑴-ア-1 達成度");
    }
}
