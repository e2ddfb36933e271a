//! Control characters are shown, never sent: stored text may hold `ESC [2J` (a file edited by
//! another program), and a terminal would obey it. The TUI and the CLI show the same pictures.
//! On stderr and in names (an actor) the invisible characters are shown too ([`visible`]); free
//! text on the card and on stdout keeps them ([`controls_shown`]): a bidi mark there is the
//! writer's.

use super::width::char_width;

/// How a control character is shown: `^A`, `^[`, `^?`, or `<U+0085>` beyond ASCII.
pub fn picture(c: char) -> String {
    match c as u32 {
        code @ 0..=0x1f => format!("^{}", char::from_u32(code + 0x40).unwrap_or('?')),
        0x7f => "^?".to_string(),
        code => format!("<U+{code:04X}>"),
    }
}

/// True for the characters that show as nothing or reorder what follows them: zero-width spaces
/// and joiners, bidi marks, overrides and isolates, the BOM, fillers, tags. Pasted from a web
/// page or a PDF, they make a code that looks right read wrong; in a message they hide text.
/// (Variation selectors are not among them: an IVS picks a kanji's form, as in 葛󠄀.)
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Cells a character takes where control characters are shown: a control character its
/// picture's (`^J` two), any other its layout budget ([`char_width`]).
pub fn shown_width(c: char) -> usize {
    if c.is_control() {
        picture(c).len()
    } else {
        char_width(c)
    }
}

/// `text` with every character that would not show as itself — control characters (a line
/// break, `ESC`) and invisible ones (a bidi override) — but those in `kept` shown as its
/// [`picture`] (`^J`, `<U+202E>`): for messages on stderr and names, so a name can neither split
/// a line of `tassei log` nor drive a terminal, and a message hides nothing.
pub fn visible(text: &str, kept: &[char]) -> String {
    shown(text, |c| {
        (c.is_control() || is_invisible(c)) && !kept.contains(&c)
    })
}

/// `text` with every control character but those in `kept` shown as its [`picture`]; invisible
/// characters are kept, for free text shown as written.
pub fn controls_shown(text: &str, kept: &[char]) -> String {
    shown(text, |c| c.is_control() && !kept.contains(&c))
}

/// `text` with the characters `pictured` picks shown as their [`picture`].
fn shown(text: &str, pictured: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if pictured(c) {
            out.push_str(&picture(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_for_c0_delete_and_c1() {
        assert_eq!(picture('\u{1b}'), "^[");
        assert_eq!(picture('\u{7}'), "^G");
        assert_eq!(picture('\u{7f}'), "^?");
        assert_eq!(picture('\u{9b}'), "<U+009B>");
    }

    #[test]
    fn a_control_character_is_as_wide_as_its_picture() {
        assert_eq!(shown_width('\n'), 2);
        assert_eq!(shown_width('\u{9b}'), 8);
        assert_eq!((shown_width('⑴'), shown_width('a')), (2, 1));
    }

    #[test]
    fn kept_characters_pass() {
        assert_eq!(controls_shown("a\tb\nc\u{1b}", &['\n']), "a^Ib\nc^[");
        assert_eq!(controls_shown("a\tb\nc\u{1b}", &['\n', '\t']), "a\tb\nc^[");
        assert_eq!(visible("a\tb\nc\u{1b}", &['\n']), "a^Ib\nc^[");
    }

    #[test]
    fn a_message_is_one_line_with_nothing_hidden() {
        assert_eq!(visible("\"9\n500\": bad", &[]), "\"9^J500\": bad");
        assert_eq!(visible("1-ア-1\u{202e}", &[]), "1-ア-1<U+202E>");
        assert_eq!(visible("1-ア\u{200b}-1", &[]), "1-ア<U+200B>-1");
        assert_eq!(visible("⑴-ア-1 達成度", &[]), "⑴-ア-1 達成度");
    }

    #[test]
    fn free_text_keeps_its_bidi_marks() {
        assert_eq!(
            controls_shown("\u{202b}عربي\u{202c}", &[]),
            "\u{202b}عربي\u{202c}"
        );
    }

    #[test]
    fn bidi_controls_and_zero_widths_are_invisible_and_kanji_forms_are_not() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{00AD}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['ア', '1', ' ', '\u{3000}', '\u{E0100}', '\u{FE0F}', '-'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }
}
