//! Display width for Japanese text in a terminal.
//!
//! Wide glyphs (漢字, かな, full-width digits) take two cells and ratatui handles them. The
//! *ambiguous* ones (⑴ ① ※ → × ÷ …) take one cell in ratatui but two in some terminals, and
//! a terminal that draws one wide shifts the rest of its row. Policy:
//! - chrome (the tree, the status bar, popups, anything with a border to its right) shows
//!   [`safe`] text, in which every ambiguous character we know of has a narrow stand-in;
//! - free text in the card (the rightmost pane) is shown as written, but wrapped with
//!   ambiguous characters counted as two cells, so a shifted row only pushes blank cells past
//!   the right edge; every row keeps column 0 blank for the same reason.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Cells a character takes where ambiguous characters are wide (the worst case).
pub fn char_width(c: char) -> usize {
    c.width_cjk().unwrap_or(0)
}

/// Cells a string takes in the worst case.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// True when terminals disagree on the character's width.
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

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
            c if c.is_control() => out.push_str(&control_picture(c)),
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
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                control_picture(c)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// How a control character is shown: `^A`, `^[`, `^?`, or `<U+0085>` beyond ASCII.
pub fn control_picture(c: char) -> String {
    match c as u32 {
        code @ 0..=0x1f => format!("^{}", char::from_u32(code + 0x40).unwrap_or('?')),
        0x7f => "^?".to_string(),
        code => format!("<U+{code:04X}>"),
    }
}

/// Cuts `text` to at most `max` cells, ending with `..` when it was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let budget = max.saturating_sub(2);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    if max >= 2 {
        out.push_str("..");
    }
    out
}

/// Pads `text` with spaces to `cells` wide (worst-case width).
pub fn pad(text: &str, cells: usize) -> String {
    let w = width(text);
    if w >= cells {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(cells - w))
    }
}

/// Wraps text to lines of at most `max` cells. Japanese has no spaces between words, so lines
/// break between any two characters — except inside a run of Latin letters and digits
/// (`10,000`, `RESAS`, `R5.7`), which moves to the next line whole when it fits there.
/// Existing line breaks are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(&chars, max, char_width)
        .into_iter()
        .map(|line| chars[line].iter().collect())
        .collect()
}

/// Where [`wrap`] breaks `chars`: each line as a range of indices into `chars` (a line break
/// belongs to no line). `cells` is a character's width, so the editor can count a control
/// character as its `^X` picture and put the cursor on the exact cell.
pub fn wrap_ranges(chars: &[char], max: usize, cells: impl Fn(char) -> usize) -> Vec<Range<usize>> {
    let max = max.max(2);
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let end = chars[start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |k| start + k);
        wrap_paragraph(chars, start..end, max, &cells, &mut lines);
        if end == chars.len() {
            return lines;
        }
        start = end + 1;
    }
}

/// Wraps one paragraph (no line break inside) into `lines`.
fn wrap_paragraph(
    chars: &[char],
    paragraph: Range<usize>,
    max: usize,
    cells: &impl Fn(char) -> usize,
    lines: &mut Vec<Range<usize>>,
) {
    let mut line = paragraph.start..paragraph.start;
    let mut used = 0;
    for token in tokens(chars, paragraph) {
        // A run that fits on a line breaks before its first character or not at all.
        let whole: usize = chars[token.clone()].iter().map(|&c| cells(c)).sum();
        for (k, i) in token.enumerate() {
            let c = chars[i];
            let cw = cells(c);
            let needed = if k == 0 && whole <= max { whole } else { cw };
            if used + needed > max && !line.is_empty() {
                // 禁則: a closing mark may not start a line, so the character before it
                // moves down with it (追い出し); an opening mark may not end one, so it moves
                // down to what it opens (行末禁則).
                let last = chars[line.end - 1];
                let carry =
                    (NO_LINE_START.contains(c) || NO_LINE_END.contains(last)) && line.len() > 1;
                if carry {
                    line.end -= 1;
                }
                lines.push(line.clone());
                line = line.end..line.end;
                used = 0;
                if carry {
                    used = cells(chars[line.start]);
                }
            }
            line.end = i + 1;
            used += cw;
        }
    }
    lines.push(line);
}

/// `text` wrapped under a label: the label leads the first line and blanks of its width lead
/// the rest (a hanging indent). Returns (lead, line) pairs; `max` is the whole line's width.
pub fn hanging(label: &str, text: &str, max: usize) -> Vec<(String, String)> {
    let indent = width(label);
    wrap(text, max.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            (
                if k == 0 {
                    label.to_string()
                } else {
                    " ".repeat(indent)
                },
                line,
            )
        })
        .collect()
}

/// Characters that may not end a line in Japanese text (行末禁則): opening brackets and quotes.
const NO_LINE_END: &str = "（「『【〔〈《([{“\"";

/// Characters that may not begin a line in Japanese text (行頭禁則).
const NO_LINE_START: &str = "、。，．）」』】〕〉》：；！？・ー～ゝゞヽヾ";

/// Splits `chars[range]` into runs of Latin letters and digits (with `,` `.` `%` inside
/// numbers) and single other characters, as index ranges.
fn tokens(chars: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '%' | '-' | '_');
    let mut out = Vec::new();
    let mut start = None;
    for i in range.clone() {
        match (is_word(chars[i]), start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
                out.push(i..i + 1);
            }
            (false, None) => out.push(i..i + 1),
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_characters_count_as_two() {
        assert_eq!(width("⑴-ア"), 2 + 1 + 2);
        assert_eq!(width("9,016"), 5);
        assert!(is_ambiguous('⑴') && is_ambiguous('※') && is_ambiguous('→') && is_ambiguous('×'));
        assert!(!is_ambiguous('ア') && !is_ambiguous('１') && !is_ambiguous('a'));
    }

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

    #[test]
    fn wrapping_never_splits_a_wide_glyph_and_keeps_breaks() {
        let lines = wrap("鹿児島県電子申請システム", 7);
        assert_eq!(lines, ["鹿児島", "県電子", "申請シ", "ステム"]);
        assert!(lines.iter().all(|l| width(l) <= 7));
        assert_eq!(wrap("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(wrap("⑴ア", 3), ["⑴", "ア"], "⑴ is budgeted as two cells");
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        let lines = wrap("数字が多すぎる: \"1111\"", 10);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with('"') || l.starts_with('"')),
            "{lines:?}"
        );
        let lines = wrap("理由があるので「確認」", 8);
        assert_eq!(lines, ["理由があ", "るので", "「確認」"]);
    }

    #[test]
    fn a_closing_mark_never_starts_a_line() {
        let lines = wrap("を通じて，講習会", 8);
        assert_eq!(lines, ["を通じ", "て，講習", "会"]);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
        assert!(lines.iter().all(|l| width(l) <= 8));
    }

    #[test]
    fn numbers_and_latin_words_are_not_split() {
        let lines = wrap("年間総申請件数を10,000件以上にする", 20);
        assert_eq!(lines, ["年間総申請件数を", "10,000件以上にする"]);
        assert_eq!(
            wrap("abcdefghij", 4),
            ["abcd", "efgh", "ij"],
            "a run longer than a line is split"
        );
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("鹿児島県電子申請", 9), "鹿児島..");
        assert_eq!(truncate("短い", 9), "短い");
        assert!(width(&truncate("ぴったりサービス登録手続数", 10)) <= 10);
    }
}
