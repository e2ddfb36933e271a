//! Wrapping Japanese text to a width, by grapheme: lines break between any two graphemes (there
//! are no spaces between words), except inside a run of Latin letters and digits, and never
//! against 禁則 (a closing mark may not start a line, an opening mark may not end one).

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::width::{grapheme_width, graphemes, stands_alone, width};

/// One grapheme as wrapping sees it: the characters it spans and the cells it takes.
struct Unit {
    chars: Range<usize>,
    cells: usize,
    /// Its first character, which decides its class (a digit, a closing mark …).
    first: char,
}

impl Unit {
    fn is_break(&self) -> bool {
        self.first == '\n' || (self.first == '\r' && self.chars.len() > 1)
    }
}

/// Wraps text to lines of at most `max` cells (layout budget). Japanese has no spaces between
/// words, so lines break between any two graphemes — except inside a run of Latin letters and
/// digits (`10,000`, `RESAS`, `R5.7`), which moves to the next line whole when it fits there.
/// Existing line breaks are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let units = units(text, grapheme_width, |c| {
        if c.is_control() {
            0
        } else {
            c.width_cjk().unwrap_or(0)
        }
    });
    lay_out(&chars, &units, max)
        .into_iter()
        .map(|line| chars[line].iter().collect())
        .collect()
}

/// Where [`wrap`] breaks `chars`: each line as a range of indices into `chars` (a line break
/// belongs to no line). `cells` is a character's width, so the editor can count a control
/// character as its `^X` picture and put the cursor on the exact cell; a grapheme takes the
/// cells of its characters and is never split.
pub fn wrap_ranges(chars: &[char], max: usize, cells: impl Fn(char) -> usize) -> Vec<Range<usize>> {
    let text: String = chars.iter().collect();
    let units = units(&text, |g| g.chars().map(&cells).sum(), &cells);
    lay_out(chars, &units, max)
}

/// `text` wrapped under a label: the label leads the first line and blanks of its width lead
/// the rest (a hanging indent). Returns (lead, line) pairs; `max` is the whole line's width.
pub fn hanging(label: &str, text: &str, max: usize) -> Vec<(String, String)> {
    let indent = width(label);
    wrap(text, max.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let lead = if k == 0 {
                label.to_string()
            } else {
                " ".repeat(indent)
            };
            (lead, line)
        })
        .collect()
}

/// The graphemes of `text`, each with the cells `cells` gives it. Text that is one grapheme
/// per character (nearly every sheet's) is read by character, measured with `char_cells`:
/// segmenting costs several times more, and the card wraps its texts on every frame.
fn units(
    text: &str,
    cells: impl Fn(&str) -> usize,
    char_cells: impl Fn(char) -> usize,
) -> Vec<Unit> {
    let one_per_char = text
        .chars()
        .all(|c| (c.is_control() && c != '\r') || stands_alone(c));
    if one_per_char {
        return text
            .chars()
            .enumerate()
            .map(|(k, c)| Unit {
                chars: k..k + 1,
                cells: char_cells(c),
                first: c,
            })
            .collect();
    }
    let mut start = 0;
    graphemes(text)
        .map(|g| {
            let count = g.chars().count();
            let unit = Unit {
                chars: start..start + count,
                cells: cells(g),
                first: g.chars().next().unwrap_or(' '),
            };
            start += count;
            unit
        })
        .collect()
}

/// Each paragraph (the text between line breaks) wrapped, as character ranges.
fn lay_out(chars: &[char], units: &[Unit], max: usize) -> Vec<Range<usize>> {
    let max = max.max(2);
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let end = units[start..]
            .iter()
            .position(Unit::is_break)
            .map_or(units.len(), |k| start + k);
        let at = units.get(start).map_or(chars.len(), |u| u.chars.start);
        wrap_paragraph(&units[start..end], at, max, &mut lines);
        if end == units.len() {
            return lines;
        }
        start = end + 1;
    }
}

/// Wraps one paragraph (no line break inside), which starts at character `at`, into `lines`.
fn wrap_paragraph(units: &[Unit], at: usize, max: usize, lines: &mut Vec<Range<usize>>) {
    let mut line = at..at;
    let mut on_line = 0;
    let mut used = 0;
    for token in tokens(units) {
        // A run that fits on a line breaks before its first grapheme or not at all.
        let whole: usize = units[token.clone()].iter().map(|u| u.cells).sum();
        for (k, i) in token.enumerate() {
            let unit = &units[i];
            let needed = if k == 0 && whole <= max {
                whole
            } else {
                unit.cells
            };
            if used + needed > max && on_line > 0 {
                // 禁則: a closing mark may not start a line, so the grapheme before it moves
                // down with it (追い出し); an opening mark may not end one, so it moves down
                // to what it opens (行末禁則). Marks come in runs (`）」`, `。」`): the break
                // steps back until neither rule holds, leaving at least one grapheme behind
                // and moving at most a few.
                let first_on_line = i - on_line;
                let mut next = i;
                while next > first_on_line + 1
                    && i - next < MOST_CARRIED
                    && (NO_LINE_START.contains(units[next].first)
                        || NO_LINE_END.contains(units[next - 1].first))
                {
                    next -= 1;
                }
                // What moves down begins inside a run of letters and digits (`12:32）`,
                // `9,500）`): the run moves down whole with it, when that fits on a line.
                if next < i && is_word(units[next].first) {
                    let mut run = next;
                    while run > first_on_line && is_word(units[run - 1].first) {
                        run -= 1;
                    }
                    let carried: usize = units[run..=i].iter().map(|u| u.cells).sum();
                    if run > first_on_line && carried <= max {
                        next = run;
                        // And the opening mark before it, which may not end a line.
                        while next > first_on_line + 1
                            && NO_LINE_END.contains(units[next - 1].first)
                        {
                            next -= 1;
                        }
                    }
                }
                line.end = units[next].chars.start;
                lines.push(line.clone());
                line = line.end..line.end;
                used = units[next..i].iter().map(|u| u.cells).sum();
                on_line = i - next;
            }
            line.end = unit.chars.end;
            used += unit.cells;
            on_line += 1;
        }
    }
    lines.push(line);
}

/// The most graphemes a break moves down to keep 禁則 (a run of marks longer than this is
/// broken inside: a line of punctuation must still end somewhere).
const MOST_CARRIED: usize = 4;

/// Characters that may not end a line in Japanese text (行末禁則): opening brackets and quotes.
const NO_LINE_END: &str = "（「『【〔〈《([{“\"";

/// Characters that may not begin a line in Japanese text (行頭禁則).
const NO_LINE_START: &str = "、。，．）」』】〕〉》：；！？・ー～ゝゞヽヾ";

/// Whether `c` belongs in a run of Latin letters and digits: a letter, a digit, or what a
/// figure, a date or a time holds (`10,000`, `13.5%`, `2026-11-28`, `12:32`).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '%' | '-' | '_' | ':')
}

/// Splits `units` into runs of Latin letters and digits (with `,` `.` `%` `:` inside numbers)
/// and single other graphemes, as index ranges.
fn tokens(units: &[Unit]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, unit) in units.iter().enumerate() {
        match (is_word(unit.first), start) {
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
        out.push(s..units.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KUZU: &str = "葛\u{E0100}";
    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";

    #[test]
    fn wrapping_never_splits_a_wide_glyph_and_keeps_breaks() {
        let lines = wrap("鹿児島県電子申請システム", 7);
        assert_eq!(lines, ["鹿児島", "県電子", "申請シ", "ステム"]);
        assert!(lines.iter().all(|l| width(l) <= 7));
        assert_eq!(wrap("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(wrap("⑴ア", 3), ["⑴", "ア"], "⑴ is budgeted as two cells");
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
    }

    #[test]
    fn a_variation_selector_stays_with_its_kanji() {
        let text = format!("{KUZU}飾区{KUZU}西");
        assert_eq!(
            wrap(&text, 4),
            [format!("{KUZU}飾"), format!("区{KUZU}"), "西".into()]
        );
        assert_eq!(
            wrap(&text, 5),
            [format!("{KUZU}飾"), format!("区{KUZU}"), "西".into()]
        );
    }

    #[test]
    fn a_combining_mark_stays_with_its_letter() {
        // `café` (e + U+0301) is a Latin word: it moves whole, and a longer run is split
        // between graphemes, never between the e and its accent.
        assert_eq!(wrap("アカcafe\u{301}", 6), ["アカ", "cafe\u{301}"]);
        assert_eq!(
            wrap("cafe\u{301}cafe\u{301}", 3),
            ["caf", "e\u{301}ca", "fe\u{301}"]
        );
    }

    #[test]
    fn an_emoji_family_is_one_glyph_of_two_cells() {
        let text = format!("家族{FAMILY}です");
        assert_eq!(wrap(&text, 6), [format!("家族{FAMILY}"), "です".into()]);
        assert_eq!(
            wrap(&text, 4),
            ["家族".to_string(), format!("{FAMILY}で"), "す".into()]
        );
    }

    #[test]
    fn editor_ranges_are_whole_graphemes() {
        let chars: Vec<char> = format!("{KUZU}{KUZU}{KUZU}").chars().collect();
        let ranges = wrap_ranges(&chars, 4, crate::text::char_width);
        assert_eq!(ranges, [0..4, 4..6]);
        let chars: Vec<char> = "ab\ncd".chars().collect();
        assert_eq!(
            wrap_ranges(&chars, 10, crate::text::char_width),
            [0..2, 3..5]
        );
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
    fn a_hanging_indent_leads_every_line() {
        let lines = hanging("備考 ", "鹿児島県電子申請", 11);
        assert_eq!(
            lines,
            [
                ("備考 ".to_string(), "鹿児島".to_string()),
                ("     ".to_string(), "県電子".to_string()),
                ("     ".to_string(), "申請".to_string()),
            ]
        );
    }

    #[test]
    fn a_run_of_closing_marks_never_starts_a_line() {
        // ）」 together: the break steps back over both, taking 算 down with them.
        let text = "「計算（概算）」で算出する";
        for max in 8..=24 {
            for line in wrap(text, max).iter().skip(1) {
                let first = line.chars().next().unwrap_or(' ');
                assert!(!NO_LINE_START.contains(first), "{max}: {line:?}");
            }
        }
        assert_eq!(wrap(text, 14), ["「計算（概", "算）」で算出す", "る"]);
    }

    /// A closing mark that may not start a line takes the whole figure or time before it
    /// down, not its last digit (`12:3` / `2）` was a time nobody could read).
    #[test]
    fn a_closing_mark_takes_its_whole_run_down() {
        assert_eq!(wrap("実績値（9,500）です", 14), ["実績値", "（9,500）です"]);
        assert_eq!(wrap("実績値 12:32）です", 13), ["実績値 ", "12:32）です"]);
        // A run too long to move down whole is still broken where it must be.
        let lines = wrap("あいabcdefgh）", 8);
        assert!(lines.iter().all(|l| width(l) <= 8), "{lines:?}");
        assert!(
            lines.iter().skip(1).all(|l| !l.starts_with('）')),
            "{lines:?}"
        );
    }
}
