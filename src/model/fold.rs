//! Width folding for *numeric and code input only*.
//!
//! Clerks type with a Japanese IME, so `９，０１６`, `－５` and `（１）` are normal. We fold those
//! characters to ASCII before parsing numbers, goal codes and 時期. Free text (titles, 積算方法,
//! 評価内容) is never folded: it is an official record and is kept exactly as typed.

/// Folds one character: full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space to a
/// space, and every dash a Japanese keyboard produces (`−`, `－`, `‐`, `–`, `—`, the IME's `ー`)
/// to `-`. Wave dashes (`～`, `〜`) become `~`. Everything else is returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => '-',
        '\u{301C}' | '\u{223C}' => '~',
        _ => c,
    }
}

/// Folds every character of `s` with [`fold_char`].
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// True for the spaces a clerk may leave around a value: ASCII white space and U+3000.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_digits_and_punctuation() {
        assert_eq!(fold("９，０１６．５"), "9,016.5");
        assert_eq!(fold("（１）"), "(1)");
        assert_eq!(fold("８４．９３％"), "84.93%");
    }

    #[test]
    fn folds_every_dash_an_ime_produces() {
        for dash in ["-", "−", "－", "‐", "ー", "–", "—"] {
            assert_eq!(fold(dash), "-", "{dash:?}");
        }
    }

    #[test]
    fn folds_wave_dashes_and_leaves_kana_alone() {
        assert_eq!(fold("R５.７～Ｒ６．２"), "R5.7~R6.2");
        assert_eq!(fold("〜"), "~");
        assert_eq!(fold("アイウ目標"), "アイウ目標");
    }
}
