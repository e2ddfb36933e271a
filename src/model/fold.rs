//! Text folding, the one home of it: how typed text is made comparable.
//!
//! Clerks type with a Japanese IME, so `９，０１６`, `－５` and `（１）` are normal. [`fold`] turns
//! those characters to ASCII before numbers, goal codes and 時期 are parsed. Free text (titles,
//! 積算方法, 評価内容) is never folded when stored: it is an official record and is kept exactly
//! as typed. Searching compares a looser fold of it, [`search_fold`], built on [`fold_char`] and
//! never stored.

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

/// The full-width forms of half-width katakana U+FF66 (ｦ) to U+FF9D (ﾝ), in code order.
const FULL_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Text folded for matching only (never stored): full-width ASCII to ASCII, half-width katakana
/// to full-width (with ﾞ ﾟ), hiragana to katakana, lower case, one kind of space.
pub fn search_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    search_fold_into(text, &mut out);
    out
}

/// [`search_fold`] appending to `out`. Each character is classified by its range first, so
/// the common ones (ASCII, kanji, katakana) cost a comparison or two.
pub fn search_fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7F}' => out.push(c),
            'ぁ'..='ゖ' => out.push(char::from_u32(c as u32 + 0x60).unwrap_or(c)),
            '\u{FF9E}' | '\u{FF9F}' => {
                // ﾞ / ﾟ voice the kana before them: カ → ガ, ハ → パ, ウ → ヴ.
                let step = if c == '\u{FF9E}' { 1 } else { 2 };
                if let Some(last) = out.pop() {
                    out.push(voiced(last, step).unwrap_or(last));
                }
            }
            '\u{FF66}'..='\u{FF9D}' => {
                let at = (c as u32 - 0xFF66) as usize;
                out.push(FULL_KANA.chars().nth(at).unwrap_or(c));
            }
            // The long vowel mark stays a kana here: [`fold_char`] would make it a dash.
            'ー' => out.push(c),
            _ => {
                let c = fold_char(c);
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// The kana that ﾞ (step 1) or ﾟ (step 2) makes of `kana`: each voiced form follows its base.
fn voiced(kana: char, step: u32) -> Option<char> {
    const VOICEABLE: &str = "カキクケコサシスセソタチツテトハヒフヘホ";
    match (kana, step) {
        ('ウ', 1) => Some('ヴ'),
        (k, 1) if VOICEABLE.contains(k) => char::from_u32(k as u32 + 1),
        (k, 2) if "ハヒフヘホ".contains(k) => char::from_u32(k as u32 + 2),
        _ => None,
    }
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
    fn every_half_width_katakana_has_its_full_width_form() {
        assert_eq!(FULL_KANA.chars().count(), 0xFF9D - 0xFF66 + 1);
        assert_eq!(search_fold("ｦｧｯｰｱﾝ"), "ヲァッーアン");
        assert_eq!(search_fold("ＡＢＣabcＸ"), "abcabcx");
    }

    #[test]
    fn search_folding_forgives_voicing_marks_kana_and_case() {
        assert_eq!(search_fold("ﾊﾟﾌﾞｳﾞ"), "パブヴ");
        assert_eq!(search_fold("こんびに"), "コンビニ");
        assert_eq!(search_fold("ＬＩＮＥ　Line"), "line line");
    }

    #[test]
    fn folds_wave_dashes_and_leaves_kana_alone() {
        assert_eq!(fold("R５.７～Ｒ６．２"), "R5.7~R6.2");
        assert_eq!(fold("〜"), "~");
        assert_eq!(fold("アイウ目標"), "アイウ目標");
    }
}
