//! A 時期 moved one fiscal year on, written in its own style: each era year the text names is
//! one more (`R５.５` → `R６.５`, `R５.７～Ｒ６．２` → `R６.７～Ｒ７．２`), in the same width and
//! the same spelling of the era (`令和` stays `令和`, `R` stays `R`); a 平成 year that is now in
//! 令和 is written in 令和 (`H31.3` → `R2.3`). Words that name the plan's own year (`通年`,
//! `上半期`, `7月`) need no change: the new plan's year moves them.

use super::{Period, PeriodError, Reading};
use crate::model::date::{CalendarDate, FiscalYear};
use crate::model::era::Era;
use crate::model::fold::is_space;

/// What rolling a 時期 into the next fiscal year makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shift {
    /// Nothing to move: blank, 随時, or only words the new plan's year moves (`通年`, `7月`).
    Unchanged,
    /// The text rewritten a year on.
    Moved(String),
    /// Text that cannot be read, left as written (the reason is why it cannot be read).
    Unreadable(PeriodError),
}

/// Moves `raw`, read in the fiscal year `from`, one fiscal year on.
pub fn shift_one_year(raw: &str, from: FiscalYear) -> Shift {
    let old = Period::parse(raw, from);
    match old.reading() {
        Reading::Blank | Reading::AsNeeded => return Shift::Unchanged,
        Reading::Unreadable(e) => return Shift::Unreadable(*e),
        Reading::Dates { .. } => {}
    }
    let moved = rewrite(raw);
    if moved == raw {
        return Shift::Unchanged;
    }
    // The rewritten text must read as the same time a year on; if not, it is left as written.
    let new = Period::parse(&moved, FiscalYear(from.0 + 1));
    let a_year_on = |a: Option<CalendarDate>, b: Option<CalendarDate>| match (a, b) {
        (Some(a), Some(b)) => a.year() + 1 == b.year() && a.month() == b.month(),
        (None, None) => true,
        _ => false,
    };
    if new.is_parsed() && a_year_on(old.start(), new.start()) && a_year_on(old.end(), new.end()) {
        Shift::Moved(moved)
    } else {
        Shift::Unreadable(new.problem().unwrap_or(PeriodError::Unrecognised))
    }
}

/// Each era year in `raw` one more, in the text's own characters.
fn rewrite(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 4);
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        let Some((era, marker_len)) = era_marker(rest) else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let marker = &rest[..marker_len];
        let after = &rest[marker_len..];
        let spaces = after.len() - after.trim_start_matches(is_space).len();
        let (year, digits_len, full) = era_number(&after[spaces..]);
        let Some(n) = year else {
            out.push_str(marker);
            rest = after;
            continue;
        };
        let western = era.year(n).map(|y| y + 1);
        let (era_out, n_out) = match (era, western) {
            // A 平成 year from 2020 on is 令和's (2019 stays 平成31, its first months being 平成).
            (Era::Heisei, Some(y)) if y >= 2020 => {
                (Era::Reiwa, u32::try_from(y - 2018).unwrap_or(n + 1))
            }
            _ => (era, n + 1),
        };
        out.push_str(&respell(marker, era, era_out));
        out.push_str(&after[..spaces]);
        out.push_str(&digits(n_out, full));
        rest = &after[spaces + digits_len..];
    }
    out
}

/// The era a text starts with and the length of its marker.
fn era_marker(text: &str) -> Option<(Era, usize)> {
    for era in [Era::Reiwa, Era::Heisei] {
        if text.starts_with(era.name()) {
            return Some((era, era.name().len()));
        }
    }
    let c = text.chars().next()?;
    let era = match c {
        'R' | 'r' | 'Ｒ' | 'ｒ' => Era::Reiwa,
        'H' | 'h' | 'Ｈ' | 'ｈ' => Era::Heisei,
        _ => return None,
    };
    Some((era, c.len_utf8()))
}

/// The era year a text starts with (元 is 1), its length, and whether written in full width.
fn era_number(text: &str) -> (Option<u32>, usize, bool) {
    if text.starts_with('元') {
        return (Some(1), '元'.len_utf8(), false);
    }
    let mut n: u32 = 0;
    let mut len = 0;
    let mut full = false;
    for c in text.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => {
                full = true;
                c as u32 - '０' as u32
            }
            _ => break,
        };
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d)) {
            Some(n) => n,
            None => return (None, 0, false),
        };
        len += c.len_utf8();
    }
    if len == 0 {
        (None, 0, false)
    } else {
        (Some(n), len, full)
    }
}

/// The era marker for `to`, in the style of `marker` (which spelled `from`).
fn respell(marker: &str, from: Era, to: Era) -> String {
    if from == to {
        return marker.to_string();
    }
    if marker == from.name() {
        return to.name().to_string();
    }
    let spelled = match marker {
        "H" => "R",
        "h" => "r",
        "Ｈ" => "Ｒ",
        "ｈ" => "ｒ",
        other => other,
    };
    spelled.to_string()
}

/// `n` in ASCII or full-width digits.
fn digits(n: u32, full: bool) -> String {
    let text = n.to_string();
    if !full {
        return text;
    }
    text.chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const R5: FiscalYear = FiscalYear(2023);

    fn moved(raw: &str) -> String {
        match shift_one_year(raw, R5) {
            Shift::Moved(text) => text,
            other => panic!("{raw:?} should move, got {other:?}"),
        }
    }

    #[test]
    fn a_month_moves_a_year_in_its_own_width() {
        assert_eq!(moved("R５.５"), "R６.５");
        assert_eq!(moved("R5.10"), "R6.10");
        assert_eq!(moved("Ｒ６．２"), "Ｒ７．２");
        assert_eq!(moved("令和5年7月"), "令和6年7月");
        assert_eq!(moved("令和５年７月３日"), "令和６年７月３日");
    }

    #[test]
    fn until_and_ranges_move_every_year_they_name() {
        assert_eq!(moved("R６.２まで"), "R７.２まで");
        assert_eq!(moved("R５.７～Ｒ６．２"), "R６.７～Ｒ７．２");
        assert_eq!(moved("R5.12～3"), "R6.12～3");
        assert_eq!(moved("R５.６～"), "R６.６～");
        assert_eq!(moved("令和5年度中"), "令和6年度中");
    }

    #[test]
    fn heisei_moves_into_reiwa_and_gannen_counts_as_one() {
        assert_eq!(
            shift_one_year("H31.3", FiscalYear(2018)),
            Shift::Moved("R2.3".into())
        );
        assert_eq!(
            shift_one_year("平成31年3月", FiscalYear(2018)),
            Shift::Moved("令和2年3月".into())
        );
        assert_eq!(
            shift_one_year("令和元年10月", FiscalYear(2019)),
            Shift::Moved("令和2年10月".into())
        );
    }

    #[test]
    fn words_of_the_plans_own_year_blank_and_as_needed_stay() {
        for raw in ["通年", "上半期", "7月", "随時", "", "第2四半期"] {
            assert_eq!(shift_one_year(raw, R5), Shift::Unchanged, "{raw:?}");
        }
    }

    #[test]
    fn unreadable_text_is_left_and_says_why() {
        assert_eq!(
            shift_one_year("調整中", R5),
            Shift::Unreadable(PeriodError::Unrecognised)
        );
        assert!(matches!(shift_one_year("R5.13", R5), Shift::Unreadable(_)));
    }
}
