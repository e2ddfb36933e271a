//! How the TUI shows Japanese text: which text is made chrome-safe and which is shown as written.
//! Widths, cutting and wrapping live in [`crate::text`] (re-exported here for the views).
//!
//! Wide glyphs (漢字, かな, full-width digits) take two cells and ratatui handles them. The
//! *ambiguous* ones (⑴ ① ※ → × ÷ …) take one cell in ratatui but two in some terminals, and
//! a terminal that draws one wide shifts the rest of its row. Policy:
//! - chrome (the tree, the status bar, popups, anything with a border to its right) shows
//!   [`safe`] text, in which every ambiguous character we know of has a narrow stand-in;
//! - free text in the card (the rightmost pane) is shown as written, but wrapped with
//!   ambiguous characters counted as two cells, so a shifted row only pushes blank cells past
//!   the right edge; every row keeps column 0 blank for the same reason.

use crate::text::control;
pub use crate::text::control::picture as control_picture;
pub use crate::text::{char_width, hanging, is_ambiguous, pad, truncate, width, wrap, wrap_ranges};

/// A narrow stand-in for an ambiguous character, when there is a good one.
fn stand_in(c: char) -> Option<&'static str> {
    const PAREN: [&str; 20] = [
        "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)",
        "(13)", "(14)", "(15)", "(16)", "(17)", "(18)", "(19)", "(20)",
    ];
    Some(match c {
        '\u{2474}'..='\u{2487}' => PAREN[(c as u32 - 0x2474) as usize], // ⑴ … ⒇
        '\u{2460}'..='\u{2473}' => PAREN[(c as u32 - 0x2460) as usize], // ① … ⑳
        '※' => "*",
        '→' => "->",
        '←' => "<-",
        '↑' => "^",
        '↓' => "v",
        '⇒' => "=>",
        '×' => "x",
        '÷' => "/",
        '≒' | '≈' => "~",
        '−' | '—' | '–' | '‐' => "-",
        '…' => "...",
        '·' | '•' => "・",
        '○' => "o",
        '△' => "^",
        '°' => "o",
        '±' => "+-",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        _ => return None,
    })
}

/// Text for chrome: every ambiguous character with a stand-in replaced, control characters
/// shown as `^X`, so nothing shifts a row and nothing reaches the terminal as a command.
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&control::picture(c)),
            c if is_ambiguous(c) => match stand_in(c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            },
            c => out.push(c),
        }
    }
    out
}

/// Free text for the card: as written, with control characters made visible (never executed).
pub fn visible(text: &str) -> String {
    control::controls_shown(text, &['\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_markers_are_unambiguous() {
        for c in ['✓', '✗', '~', '-', '!'] {
            assert!(!is_ambiguous(c), "{c} must be one cell everywhere");
            assert_eq!(char_width(c), 1);
        }
    }

    #[test]
    fn safe_text_has_no_ambiguous_stand_ins_left() {
        let s = safe("⑴-ア ①として ※R5 9,016 ÷ 10,000 × 100 = 90.16 → 90");
        assert_eq!(s, "(1)-ア (1)として *R5 9,016 / 10,000 x 100 = 90.16 -> 90");
        assert!(!s.chars().any(is_ambiguous));
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(safe("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(visible("x\u{7}y\nz"), "x^Gy\nz");
        assert_eq!(safe("\u{9b}"), "<U+009B>");
    }
}
