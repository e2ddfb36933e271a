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

    #[test]
    fn folds_wave_dashes_and_leaves_kana_alone() {
        assert_eq!(fold("R５.７～Ｒ６．２"), "R5.7~R6.2");
        assert_eq!(fold("〜"), "~");
        assert_eq!(fold("アイウ目標"), "アイウ目標");
    }
}
