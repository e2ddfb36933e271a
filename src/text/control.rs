//! Control characters are shown, never sent: stored text may hold `ESC [2J` (a file edited by
//! another program), and a terminal would obey it. The TUI and the CLI show the same pictures.

/// How a control character is shown: `^A`, `^[`, `^?`, or `<U+0085>` beyond ASCII.
pub fn picture(c: char) -> String {
    match c as u32 {
        code @ 0..=0x1f => format!("^{}", char::from_u32(code + 0x40).unwrap_or('?')),
        0x7f => "^?".to_string(),
        code => format!("<U+{code:04X}>"),
    }
}

/// `text` with every control character but those in `kept` shown as its [`picture`].
pub fn visible(text: &str, kept: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && !kept.contains(&c) {
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
    fn kept_characters_pass() {
        assert_eq!(visible("a\tb\nc\u{1b}", &['\n']), "a^Ib\nc^[");
        assert_eq!(visible("a\tb\nc\u{1b}", &['\n', '\t']), "a\tb\nc^[");
    }
}
