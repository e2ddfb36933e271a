//! A message on one line: a parser's, SQLite's or the store's message may span several lines,
//! and a clerk's terminal shows each message as one line.

use std::fmt::Display;

/// `message` on one line: its lines trimmed, the blank ones dropped, the rest joined by `; `.
pub fn one_line(message: impl Display) -> String {
    let text = message.to_string();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_joined_and_blank_ones_dropped() {
        assert_eq!(
            one_line("invalid string\n  expected `\"`\n\n"),
            "invalid string; expected `\"`"
        );
        assert_eq!(one_line("one"), "one");
    }
}
