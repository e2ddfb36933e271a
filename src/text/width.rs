//! How many cells text takes, measured by grapheme, and cutting or padding it to a width.
//!
//! [`cells`] is ratatui's count (its buffer's own `CellWidth`, so the two cannot disagree);
//! [`width`] is the layout budget: the larger of that and the East-Asian width, so an ambiguous
//! glyph (⑴ ① ※ → × ÷) counts as two. Control characters take no cells in either: ratatui
//! skips them, and tassei shows them as pictures (`crate::text::control`) before measuring.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The units text is measured, cut and wrapped in: extended grapheme clusters.
pub fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    text.graphemes(true)
}

/// Cells ratatui's buffer gives one grapheme (none for a control character, as it skips them).
fn grapheme_cells(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Cells a grapheme is budgeted in the layout: the worst case, ambiguous glyphs wide.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        grapheme_cells(g).max(g.width_cjk())
    }
}

/// Cells ratatui draws `text` in.
pub fn cells(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_width(text);
    }
    by_char(text, |c| c.width().unwrap_or(0))
        .unwrap_or_else(|| graphemes(text).map(grapheme_cells).sum())
}

/// Cells `text` is budgeted in the layout (ambiguous glyphs count two).
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_width(text);
    }
    by_char(text, |c| c.width_cjk().unwrap_or(0))
        .unwrap_or_else(|| graphemes(text).map(grapheme_width).sum())
}

/// The width of text that is one grapheme per character, summed by character with `width`;
/// `None` for any other text, which is measured by grapheme. Segmenting graphemes costs several
/// times more than reading characters, and a card's 評価内容 is measured on every frame.
fn by_char(text: &str, width: impl Fn(char) -> usize) -> Option<usize> {
    let mut sum = 0;
    for c in text.chars() {
        if c.is_control() {
            // No cells, and a grapheme of its own (but CR LF, which is one).
            if c == '\r' {
                return None;
            }
            continue;
        }
        if !stands_alone(c) {
            return None;
        }
        sum += width(c);
    }
    Some(sum)
}

/// Characters that are always a grapheme of their own and measure the same alone as in any
/// text: the scripts of a Japanese sheet (Latin, kana, kanji, full-width forms, punctuation and
/// symbols) but not what joins a neighbour (combining marks, variation selectors, joiners,
/// half-width sound marks) nor the emoji and scripts whose sequences are measured together.
pub fn stands_alone(c: char) -> bool {
    let simple_block = matches!(c,
        '\u{20}'..='\u{05FF}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{3000}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF9D}'
        | '\u{FFA0}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}');
    // Zero-width characters in those blocks (combining marks, joiners, U+3099) join or are
    // measured with a neighbour.
    simple_block && c != '\u{200D}' && c.width() != Some(0)
}

/// ASCII is one cell a character, but for control characters: the common case, made quick.
fn ascii_width(text: &str) -> usize {
    text.bytes().filter(|b| !b.is_ascii_control()).count()
}

/// One character's layout budget, for the field editor, which places its cursor by character
/// (a variation selector or a combining mark adds nothing to the character before it).
pub fn char_width(c: char) -> usize {
    c.width_cjk().unwrap_or(0)
}

/// One character's narrow width, as the finder's input line (tui-input) counts its cursor.
pub fn char_cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// True when terminals disagree on the character's width.
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// The longest start of `text` that fits in `max` cells (layout budget), in whole graphemes.
pub fn fit(text: &str, max: usize) -> &str {
    let mut used = 0;
    let mut end = 0;
    for g in graphemes(text) {
        used += grapheme_width(g);
        if used > max {
            break;
        }
        end += g.len();
    }
    &text[..end]
}

/// Cuts `text` to at most `max` cells, ending with `..` when it was cut; never inside a grapheme.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = fit(text, max.saturating_sub(2)).to_string();
    if max >= 2 {
        out.push_str("..");
    }
    out
}

/// Pads `text` with spaces to `cells` wide (layout budget).
pub fn pad(text: &str, cells: usize) -> String {
    let w = width(text);
    if w >= cells {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(cells - w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 葛 with the variation selector U+E0100 (the 葛󠄀 of 葛飾): one glyph, two cells.
    const KUZU: &str = "葛\u{E0100}";
    /// e and a combining acute accent.
    const E_ACUTE: &str = "e\u{301}";
    /// Man, woman, girl joined by zero-width joiners: one glyph.
    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";

    #[test]
    fn a_grapheme_is_measured_whole() {
        assert_eq!(graphemes(KUZU).count(), 1);
        assert_eq!((width(KUZU), cells(KUZU)), (2, 2));
        assert_eq!((width(E_ACUTE), cells(E_ACUTE)), (1, 1));
        assert_eq!(
            (width(FAMILY), cells(FAMILY)),
            (2, 2),
            "not 6: the joined emoji is one glyph"
        );
        assert_eq!(width(&format!("{KUZU}飾区")), 6);
    }

    #[test]
    fn the_two_widths_differ_only_on_ambiguous_glyphs() {
        assert_eq!((width("⑴-ア"), cells("⑴-ア")), (5, 4));
        assert_eq!((width("※R5"), cells("※R5")), (4, 3));
        assert_eq!((width("9,016件"), cells("9,016件")), (7, 7));
        assert!(is_ambiguous('⑴') && is_ambiguous('※') && !is_ambiguous('ア'));
    }

    #[test]
    fn control_characters_take_no_cells() {
        assert_eq!(width("a\nb\tc\u{1b}"), 3);
        assert_eq!(cells("ア\u{9b}"), 2);
    }

    #[test]
    fn truncation_never_splits_a_grapheme() {
        assert_eq!(
            truncate(&format!("{KUZU}飾区役所"), 6),
            format!("{KUZU}飾..")
        );
        assert_eq!(
            truncate(&format!("{KUZU}{KUZU}{KUZU}"), 5),
            format!("{KUZU}..")
        );
        assert_eq!(truncate("cafe\u{301}s and more", 6), "cafe\u{301}..");
        assert_eq!(
            truncate(&format!("ab{FAMILY}cdef"), 6),
            format!("ab{FAMILY}..")
        );
        assert_eq!(truncate(&format!("abc{FAMILY}def"), 6), "abc..");
        assert_eq!(truncate("鹿児島県電子申請", 9), "鹿児島..");
        assert_eq!(truncate("短い", 9), "短い");
    }

    #[test]
    fn padding_counts_graphemes() {
        assert_eq!(pad(KUZU, 4), format!("{KUZU}  "));
        assert_eq!(pad(E_ACUTE, 3), format!("{E_ACUTE}  "));
        assert_eq!(pad("⑴", 3), "⑴ ");
    }

    /// Measuring by character is a shortcut: it must agree with measuring by grapheme for every
    /// character it takes, alone and beside the neighbours a sheet gives it.
    #[test]
    fn the_character_shortcut_agrees_with_graphemes() {
        let by_grapheme = |t: &str| -> (usize, usize) {
            (
                graphemes(t).map(grapheme_cells).sum(),
                graphemes(t).map(grapheme_width).sum(),
            )
        };
        let mut checked = 0;
        for c in (0x20..=0x3FFFF)
            .filter_map(char::from_u32)
            .filter(|c| stands_alone(*c))
        {
            for text in [c.to_string(), format!("a{c}ア"), format!("{c}{c}\n漢")] {
                assert_eq!(
                    (cells(&text), width(&text)),
                    by_grapheme(&text),
                    "U+{:04X} in {text:?}",
                    c as u32
                );
            }
            checked += 1;
        }
        assert!(checked > 100_000, "{checked}");
        for joined in [
            "e\u{301}",
            "葛\u{E0100}",
            "ｶﾞ",
            "a\r\nb",
            "👍\u{1F3FB}",
            "❤\u{FE0F}",
        ] {
            assert_eq!(
                by_char(joined, |_| 1),
                None,
                "{joined:?} is measured by grapheme"
            );
        }
    }
}
