//! 時期: when an activity happens, as the sheet writes it (`R５.５`, `R６.２まで`,
//! `R５.７～Ｒ６．２`, `R５.６～`, `R５.７.３～４`).
//!
//! The raw text is always kept; the parsed dates are a reading of it. Text we cannot read is
//! kept verbatim and marked unparsed, never dropped.

use std::fmt;

use super::date::CalendarDate;
use super::fold::{fold, is_space};

/// An activity's timing: the text as written plus the dates read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    raw: String,
    start: Option<CalendarDate>,
    end: Option<CalendarDate>,
}

impl Period {
    /// Reads `raw`. Never fails: unreadable text gives an unparsed period.
    pub fn parse(raw: &str) -> Self {
        let (start, end) = read(raw).unwrap_or((None, None));
        Self {
            raw: raw.to_string(),
            start,
            end,
        }
    }

    /// A period whose dates were already read (e.g. loaded from the store).
    pub fn from_parts(raw: String, start: Option<CalendarDate>, end: Option<CalendarDate>) -> Self {
        Self { raw, start, end }
    }

    /// The text as the sheet wrote it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// First day of the period, when it has one (`R６.２まで` has none).
    pub fn start(&self) -> Option<CalendarDate> {
        self.start
    }

    /// Last day of the period, when it has one (`R５.６～` has none).
    pub fn end(&self) -> Option<CalendarDate> {
        self.end
    }

    /// True when dates could be read from the text. Empty text is "no timing", not unparsed.
    pub fn is_parsed(&self) -> bool {
        self.start.is_some() || self.end.is_some()
    }

    /// True when the text is non-empty but no dates could be read from it.
    pub fn is_unparsed(&self) -> bool {
        !self.is_parsed() && !self.raw.trim_matches(is_space).is_empty()
    }

    /// True when the period ended before `today`.
    pub fn has_ended_before(&self, today: CalendarDate) -> bool {
        self.end.is_some_and(|end| end < today)
    }
}

impl fmt::Display for Period {
    /// The dates in ISO form: `2023-07-01〜2024-02-29`, `〜2024-02-29`, `2023-06-01〜`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s}〜{e}"),
            (Some(s), None) => write!(f, "{s}〜"),
            (None, Some(e)) => write!(f, "〜{e}"),
            (None, None) => f.write_str("unparsed"),
        }
    }
}

/// A point as written: `R5.7` (a month) or `R5.7.3` (a day).
#[derive(Debug, Clone, Copy)]
struct Point {
    year: i32,
    month: u32,
    day: Option<u32>,
}

impl Point {
    fn first_day(self) -> Option<CalendarDate> {
        match self.day {
            Some(d) => CalendarDate::new(self.year, self.month, d),
            None => CalendarDate::first_of(self.year, self.month),
        }
    }

    fn last_day(self) -> Option<CalendarDate> {
        match self.day {
            Some(d) => CalendarDate::new(self.year, self.month, d),
            None => CalendarDate::last_of(self.year, self.month),
        }
    }
}

type Dates = (Option<CalendarDate>, Option<CalendarDate>);

fn read(raw: &str) -> Option<Dates> {
    let text = normalise(raw);
    let (text, until) = match text.strip_suffix("まで") {
        Some(rest) => (rest, true),
        None => (text.as_str(), false),
    };
    let dates = match text.split_once('~') {
        None => {
            let point = read_point(text)?;
            if until {
                (None, Some(point.last_day()?))
            } else {
                (Some(point.first_day()?), Some(point.last_day()?))
            }
        }
        Some(("", right)) => (None, Some(read_point(right)?.last_day()?)),
        Some((left, "")) if !until => (Some(read_point(left)?.first_day()?), None),
        Some((left, right)) => {
            let from = read_point(left)?;
            let to = read_continuation(from, right)?;
            let (start, end) = (from.first_day()?, to.last_day()?);
            if end < start {
                return None;
            }
            (Some(start), Some(end))
        }
    };
    Some(dates)
}

/// Folds widths, drops spaces, and spells 令和 dates the short way: `令和5年7月` → `R5.7`.
fn normalise(raw: &str) -> String {
    let folded: String = fold(raw).chars().filter(|c| !is_space(*c)).collect();
    let short = folded
        .replace("令和", "R")
        .replace(['年', '月'], ".")
        .replace('日', "")
        .replace("から", "~")
        .replace('r', "R");
    // `R5.7.~` and `R5.7.まで` come from `令和5年7月～`; drop the dangling dot.
    short
        .replace(".~", "~")
        .replace(".ま", "ま")
        .trim_end_matches('.')
        .to_string()
}

fn numbers(text: &str) -> Option<Vec<u32>> {
    text.split('.')
        .map(|n| if n.is_empty() { None } else { n.parse().ok() })
        .collect()
}

/// `R5.7` or `R5.7.3`.
fn read_point(text: &str) -> Option<Point> {
    let nums = numbers(text.strip_prefix('R')?)?;
    let year = i32::try_from(*nums.first()?)
        .ok()
        .filter(|y| (1..=99).contains(y))?
        + 2018;
    match nums[1..] {
        [month] => Some(Point {
            year,
            month,
            day: None,
        }),
        [month, day] => Some(Point {
            year,
            month,
            day: Some(day),
        }),
        _ => None,
    }
}

/// The right side of a range, which may leave out what it shares with the left:
/// `R5.7.3～4` (day 4 of the same month), `R5.7～9` (September), `R5.7.3～8.2`.
fn read_continuation(from: Point, text: &str) -> Option<Point> {
    if text.starts_with('R') {
        return read_point(text);
    }
    let nums = numbers(text)?;
    match (from.day, nums.as_slice()) {
        (Some(_), [day]) => Some(Point {
            day: Some(*day),
            ..from
        }),
        (_, [month, day]) => Some(Point {
            month: *month,
            day: Some(*day),
            ..from
        }),
        (None, [month]) => Some(Point {
            month: *month,
            ..from
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<CalendarDate> {
        CalendarDate::new(y, m, d)
    }

    fn dates(raw: &str) -> (Option<CalendarDate>, Option<CalendarDate>) {
        let p = Period::parse(raw);
        assert_eq!(p.raw(), raw, "raw text is kept");
        (p.start(), p.end())
    }

    #[test]
    fn a_month_is_the_whole_month() {
        assert_eq!(dates("R５.５"), (date(2023, 5, 1), date(2023, 5, 31)));
        assert_eq!(dates("R5.10"), (date(2023, 10, 1), date(2023, 10, 31)));
        assert_eq!(dates("Ｒ６．２"), (date(2024, 2, 1), date(2024, 2, 29)));
    }

    #[test]
    fn made_means_until_the_end_of() {
        assert_eq!(dates("R６.２まで"), (None, date(2024, 2, 29)));
        assert_eq!(dates("R５.12まで"), (None, date(2023, 12, 31)));
        assert_eq!(dates("R６.３まで"), (None, date(2024, 3, 31)));
        assert_eq!(dates("R６.１まで"), (None, date(2024, 1, 31)));
    }

    #[test]
    fn ranges_in_either_width_and_either_tilde() {
        let want = (date(2023, 7, 1), date(2024, 2, 29));
        assert_eq!(dates("R５.７～Ｒ６．２"), want);
        assert_eq!(dates("R5.7~R6.2"), want);
        assert_eq!(dates("R5.7〜R6.2"), want);
        assert_eq!(dates("R5.7 ～ R6.2"), want);
        assert_eq!(dates("R５.７～Ｒ６．２まで"), want);
    }

    #[test]
    fn open_ended_from() {
        assert_eq!(dates("R５.６～"), (date(2023, 6, 1), None));
        assert_eq!(dates("R５.10～"), (date(2023, 10, 1), None));
    }

    #[test]
    fn day_ranges_may_leave_out_the_month() {
        assert_eq!(dates("R５.７.３～４"), (date(2023, 7, 3), date(2023, 7, 4)));
        assert_eq!(dates("R5.7.30~8.2"), (date(2023, 7, 30), date(2023, 8, 2)));
        assert_eq!(dates("R5.7~9"), (date(2023, 7, 1), date(2023, 9, 30)));
    }

    #[test]
    fn spelled_out_reiwa_dates() {
        assert_eq!(
            dates("令和5年7月～令和6年2月"),
            (date(2023, 7, 1), date(2024, 2, 29))
        );
        assert_eq!(dates("令和６年３月まで"), (None, date(2024, 3, 31)));
    }

    #[test]
    fn unreadable_text_is_kept_and_marked() {
        for raw in [
            "随時",
            "R5",
            "R5.13",
            "R5.2.30",
            "R6.2~R5.7",
            "2023-07",
            "R５.７～～",
        ] {
            let p = Period::parse(raw);
            assert!(p.is_unparsed(), "{raw:?} should be unparsed, got {p}");
            assert_eq!(p.raw(), raw);
        }
        let empty = Period::parse("");
        assert!(!empty.is_parsed() && !empty.is_unparsed());
    }

    #[test]
    fn r6_february_belongs_to_fiscal_r5() {
        let end = Period::parse("R６.２まで").end().expect("parsed");
        assert_eq!(end.fiscal_year().reiwa(), 5);
        let start = Period::parse("R５.７～Ｒ６．２").start().expect("parsed");
        assert_eq!(start.fiscal_year().reiwa(), 5);
    }

    #[test]
    fn ended_before_compares_with_the_last_day() {
        let p = Period::parse("R６.２まで");
        assert!(!p.has_ended_before(CalendarDate::new(2024, 2, 29).expect("date")));
        assert!(p.has_ended_before(CalendarDate::new(2024, 3, 1).expect("date")));
        assert!(
            !Period::parse("R５.６～")
                .has_ended_before(CalendarDate::new(2030, 1, 1).expect("date"))
        );
    }
}
