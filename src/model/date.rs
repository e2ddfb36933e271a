//! Calendar dates and the Japanese fiscal year (April–March) with 令和 numbering.
//!
//! A tiny date type is enough here: 時期 name months and days, and "overdue" compares days.
//! Every calendar date a clerk types (`--as-of`, a meeting's date, a 期限) is read by one grammar,
//! [`CalendarDate`]'s `FromStr`; it is stored and printed as `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use super::era::{Era, OutsideEra};
use super::fold::{fold, is_space};
use super::number::Quoted;
use crate::strings::strings;

/// Western year of 令和元年 minus one: 令和N = 2018 + N.
pub const REIWA_OFFSET: i32 = 2018;

/// A day in the proleptic Gregorian calendar. Always valid once built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// The date, or `None` when the month or day does not exist.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day)
            .ok()
            .filter(|d| *d >= 1 && *d <= days_in_month(year, month))?;
        Some(Self { year, month, day })
    }

    /// A date known to exist, for the constants of this crate (the eras' first and last days).
    pub(super) const fn known(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// The first day of a month.
    pub fn first_of(year: i32, month: u32) -> Option<Self> {
        Self::new(year, month, 1)
    }

    /// The last day of a month (29 February in leap years).
    pub fn last_of(year: i32, month: u32) -> Option<Self> {
        let m = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        Self::new(year, month, u32::from(days_in_month(year, m)))
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The fiscal year this day belongs to, named by the western year in which it starts:
    /// 2024-02-29 belongs to FY 2023 (令和5年度).
    pub fn fiscal_year(self) -> FiscalYear {
        FiscalYear(if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The first and last years a typed date may name: the years a plan file's `fiscal_year` may
/// name (平成元年 to 2200). A year outside them is a typing slip (`0000-01-01`, `24-2-3`).
pub const FIRST_YEAR: i32 = 1989;
pub const LAST_YEAR: i32 = 2200;

/// Why typed text is not a date. Each message names the text first, then the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{}", (strings().errors.values.date.unreadable)(&Quoted(.0)))]
    Unreadable(String),
    #[error("{}", (strings().errors.values.date.no_such_month)(&Quoted(.input), *.month))]
    NoSuchMonth { input: String, month: u32 },
    #[error("{}", (strings().errors.values.date.no_such_day)(&Quoted(.input), *.year, *.month, *.days))]
    NoSuchDay {
        input: String,
        year: i32,
        month: u32,
        days: u8,
    },
    /// A day before its era began (`R1.4.30`, `令和0年5月1日`).
    #[error("{}", (strings().errors.values.date.before_era)(&Quoted(.input), .era.name(), &.era.began(), &.era.spell(.era.began())))]
    BeforeEra { input: String, era: Era },
    /// A day after its era ended (`H31.5.1`, `平成31年5月1日`).
    #[error("{}", (strings().errors.values.date.after_era)(&Quoted(.input), .era.name(), &.ended, &.era.spell(*.ended)))]
    AfterEra {
        input: String,
        era: Era,
        ended: CalendarDate,
    },
    #[error("{}", (strings().errors.values.date.out_of_range)(&Quoted(.0), FIRST_YEAR, LAST_YEAR))]
    OutOfRange(String),
}

impl CalendarDate {
    /// Reads a date as tassei stores and prints it, `2024-02-29` exactly: for text tassei wrote
    /// itself (the data file, the change log). What a clerk types is read with [`FromStr`].
    pub fn from_stored(text: &str) -> Option<Self> {
        let field = |range: std::ops::Range<usize>| {
            text.get(range)
                .filter(|f| f.bytes().all(|b| b.is_ascii_digit()))?
                .parse::<u32>()
                .ok()
        };
        if text.len() != 10 || text.get(4..5) != Some("-") || text.get(7..8) != Some("-") {
            return None;
        }
        Self::new(
            i32::try_from(field(0..4)?).ok()?,
            field(5..7)?,
            field(8..10)?,
        )
    }
}

/// A date as typed, before it is checked: which calendar the year is in, and the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typed {
    Western(u32, u32, u32),
    Era(Era, u32, u32, u32),
}

/// The era a letter or a name stands for: `R`, `令和`; `H`, `平成`.
fn era_letter(c: char) -> Option<Era> {
    match c {
        'R' | 'r' => Some(Era::Reiwa),
        'H' | 'h' => Some(Era::Heisei),
        _ => None,
    }
}

fn era_name(first: char, second: char) -> Option<Era> {
    match (first, second) {
        ('令', '和') => Some(Era::Reiwa),
        ('平', '成') => Some(Era::Heisei),
        _ => None,
    }
}

/// A piece of typed date text: a run of digits, or one other character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Number(u32),
    Mark(char),
}

/// Splits folded text into numbers and marks; spaces only separate. A number too large for
/// `u32` becomes `u32::MAX`, which no check lets through.
fn pieces(folded: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = c.to_digit(10) {
            let mut n = d;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(d);
                chars.next();
            }
            out.push(Piece::Number(n));
        } else if !is_space(c) {
            out.push(Piece::Mark(c));
        }
    }
    out
}

/// The four ways a date is written: `2024-02-03` (or `/`, `.`, the same twice), `R6.2.3`
/// (`H31.4.30`), `令和6年2月3日` (`令和元年`, `平成31年` too) and `2024年2月3日`.
fn read(folded: &str) -> Option<Typed> {
    use Piece::{Mark, Number};
    let numbered = |sep: char, second: char| matches!(sep, '-' | '/' | '.') && sep == second;
    match pieces(folded).as_slice() {
        [Number(y), Mark(s), Number(m), Mark(t), Number(d)] if numbered(*s, *t) => {
            Some(Typed::Western(*y, *m, *d))
        }
        [
            Mark(letter),
            Number(n),
            Mark(s),
            Number(m),
            Mark(t),
            Number(d),
        ] if numbered(*s, *t) => Some(Typed::Era(era_letter(*letter)?, *n, *m, *d)),
        [
            Mark(first),
            Mark(second),
            year,
            Mark('年'),
            Number(m),
            Mark('月'),
            Number(d),
            Mark('日'),
        ] => {
            let era = era_name(*first, *second)?;
            match year {
                Number(n) => Some(Typed::Era(era, *n, *m, *d)),
                Mark('元') => Some(Typed::Era(era, 1, *m, *d)),
                Mark(_) => None,
            }
        }
        [
            Number(y),
            Mark('年'),
            Number(m),
            Mark('月'),
            Number(d),
            Mark('日'),
        ] => Some(Typed::Western(*y, *m, *d)),
        _ => None,
    }
}

impl FromStr for CalendarDate {
    type Err = DateError;

    /// Reads a date as a clerk types it, in half- or full-width digits: `2024-02-03`,
    /// `2024/2/3`, `R6.2.3`, `令和6年2月3日` (and `H31.4.30`, `平成31年4月30日`). A day that does
    /// not exist, a day outside the era it is written in (`R1.4.30`, `H31.5.1`), or a year
    /// outside [`FIRST_YEAR`]..=[`LAST_YEAR`] is refused with the reason.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let input = || s.trim_matches(is_space).to_string();
        let folded = fold(s.trim_matches(is_space));
        let typed = read(&folded).ok_or_else(|| DateError::Unreadable(input()))?;
        let (year, month, day) = match typed {
            Typed::Western(y, m, d) => (i32::try_from(y).unwrap_or(i32::MAX), m, d),
            Typed::Era(era, n, m, d) => {
                // Year 0 of an era is before it; a year past `i32` is out of range below.
                let year = match era.year(n) {
                    Some(year) => year,
                    None if n == 0 => {
                        return Err(DateError::BeforeEra {
                            input: input(),
                            era,
                        });
                    }
                    None => i32::MAX,
                };
                (year, m, d)
            }
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(DateError::OutOfRange(input()));
        }
        let Some(month8) = u8::try_from(month).ok().filter(|m| (1..=12).contains(m)) else {
            return Err(DateError::NoSuchMonth {
                input: input(),
                month,
            });
        };
        let date = CalendarDate::new(year, month, day).ok_or_else(|| DateError::NoSuchDay {
            input: input(),
            year,
            month,
            days: days_in_month(year, month8),
        })?;
        if let Typed::Era(era, ..) = typed {
            match era.outside(date, date) {
                Some(OutsideEra::Before) => {
                    return Err(DateError::BeforeEra {
                        input: input(),
                        era,
                    });
                }
                Some(OutsideEra::After) => {
                    return Err(DateError::AfterEra {
                        input: input(),
                        era,
                        ended: era.ended().unwrap_or(date),
                    });
                }
                None => {}
            }
        }
        Ok(date)
    }
}

/// A Japanese fiscal year, April to March, named by the western year in which it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// 令和 number: FY 2023 is 令和5年度. Zero or less before 令和.
    pub fn reiwa(self) -> i32 {
        self.0 - REIWA_OFFSET
    }

    /// `令和5年度`, or `FY1999` before 令和.
    pub fn reiwa_label(self) -> String {
        if self.reiwa() >= 1 {
            format!("令和{}年度", self.reiwa())
        } else {
            format!("FY{}", self.0)
        }
    }

    /// A fiscal year as a clerk types it, half- or full-width: `2025`, `令和7`, `R7`, `令和元`,
    /// `平成31`, `H31`, each with or without `年度`/`年` (`令和7年度`) or `FY`. None when it is not one
    /// of these, or names no year of its era.
    pub fn read(typed: &str) -> Option<FiscalYear> {
        use Piece::{Mark, Number};
        let folded = fold(typed.trim_matches(is_space));
        // `年度` or `年` after the number (chars: the words are the sheet's, not sentences).
        let bare = folded.strip_suffix('度').unwrap_or(&folded);
        let bare = bare.strip_suffix('年').unwrap_or(bare);
        let bare = bare
            .strip_prefix("FY")
            .or_else(|| bare.strip_prefix("fy"))
            .unwrap_or(bare);
        let year = match pieces(bare).as_slice() {
            [Number(y)] if (FIRST_YEAR..=LAST_YEAR).contains(&i32::try_from(*y).ok()?) => {
                i32::try_from(*y).ok()
            }
            [Mark(letter), Number(n)] => era_letter(*letter)?.year(*n),
            [Mark(first), Mark(second), Number(n)] => era_name(*first, *second)?.year(*n),
            [Mark(first), Mark(second), Mark('元')] => era_name(*first, *second)?.year(1),
            _ => None,
        }?;
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&year)
            .then_some(FiscalYear(year))
    }

    pub fn first_day(self) -> Option<CalendarDate> {
        CalendarDate::new(self.0, 4, 1)
    }

    pub fn last_day(self) -> Option<CalendarDate> {
        CalendarDate::new(self.0 + 1, 3, 31)
    }
}

impl fmt::Display for FiscalYear {
    /// `令和5年度 (FY2023)`; years before 令和 print only the western form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.reiwa() >= 1 {
            write!(f, "令和{}年度 (FY{})", self.reiwa(), self.0)
        } else {
            write!(f, "FY{}", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn date(y: i32, m: u32, d: u32) -> CalendarDate {
        CalendarDate::new(y, m, d).expect("valid test date")
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        assert!(CalendarDate::new(2023, 2, 29).is_none());
        assert!(CalendarDate::new(2024, 2, 29).is_some());
        assert!(CalendarDate::new(2023, 13, 1).is_none());
        assert!(CalendarDate::new(2023, 4, 31).is_none());
        assert!(CalendarDate::new(2023, 0, 1).is_none());
        assert!(CalendarDate::new(1900, 2, 29).is_none());
        assert!(CalendarDate::new(2000, 2, 29).is_some());
    }

    #[test]
    fn a_fiscal_year_is_read_as_a_clerk_types_it() {
        for typed in [
            "2025",
            "２０２５",
            "令和7",
            "令和７",
            "R7",
            "Ｒ７",
            "r7",
            "令和7年度",
            "R7年度",
            "FY2025",
            "2025年度",
            " 令和７年度 ",
        ] {
            assert_eq!(FiscalYear::read(typed), Some(FiscalYear(2025)), "{typed}");
        }
        assert_eq!(FiscalYear::read("令和元"), Some(FiscalYear(2019)));
        assert_eq!(FiscalYear::read("平成31"), Some(FiscalYear(2019)));
        assert_eq!(FiscalYear::read("H30"), Some(FiscalYear(2018)));
        for typed in [
            "",
            "令和",
            "R0",
            "令和7月",
            "25",
            "二〇二五",
            "X7",
            "2025-4",
        ] {
            assert_eq!(FiscalYear::read(typed), None, "{typed}");
        }
    }

    #[test]
    fn fiscal_year_runs_april_to_march() {
        assert_eq!(date(2024, 2, 29).fiscal_year(), FiscalYear(2023));
        assert_eq!(date(2024, 3, 31).fiscal_year(), FiscalYear(2023));
        assert_eq!(date(2024, 4, 1).fiscal_year(), FiscalYear(2024));
        assert_eq!(date(2023, 4, 1).fiscal_year().reiwa(), 5);
        assert_eq!(FiscalYear(2023).to_string(), "令和5年度 (FY2023)");
        assert_eq!(FiscalYear(2023).last_day(), Some(date(2024, 3, 31)));
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        assert_eq!("2024-02-29".parse(), Ok(date(2024, 2, 29)));
        assert_eq!("２０２４－０２－２９".parse(), Ok(date(2024, 2, 29)));
        assert_eq!(date(2023, 7, 3).to_string(), "2023-07-03");
        assert!("2024-02-30".parse::<CalendarDate>().is_err());
        assert!("2024-02-01-1".parse::<CalendarDate>().is_err());
    }

    #[test]
    fn reads_every_way_a_clerk_writes_a_date() {
        let want = Ok(date(2024, 2, 3));
        for text in [
            "2024-02-03",
            "2024-2-3",
            "2024/2/3",
            "2024/02/03",
            "2024.2.3",
            "２０２４／２／３",
            "R6.2.3",
            "r6.2.3",
            "Ｒ６．２．３",
            "R6/2/3",
            "令和6年2月3日",
            "令和６年２月３日",
            " 令和 6 年 2 月 3 日　",
            "2024年2月3日",
        ] {
            assert_eq!(text.parse::<CalendarDate>(), want, "{text:?}");
        }
        assert_eq!("令和元年5月1日".parse(), Ok(date(2019, 5, 1)));
        assert_eq!("R8.3.31".parse(), Ok(date(2026, 3, 31)));
    }

    #[test]
    fn reads_heisei_dates_up_to_its_last_day() {
        for text in [
            "H31.4.30",
            "h31/4/30",
            "Ｈ３１．４．３０",
            "平成31年4月30日",
            "平成３１年４月３０日",
        ] {
            assert_eq!(text.parse(), Ok(date(2019, 4, 30)), "{text:?}");
        }
        assert_eq!("平成元年1月8日".parse(), Ok(date(1989, 1, 8)));
        assert_eq!("H30.3.31".parse(), Ok(date(2018, 3, 31)));
    }

    #[test]
    fn refuses_with_the_reason() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let cases = [
            (
                "来月",
                "\"来月\" is not a date; write it as 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日",
            ),
            ("2024-02/03", "is not a date; write it as"),
            ("2024--02-03", "is not a date; write it as"),
            ("R6.2", "is not a date; write it as"),
            ("令和6年2月3", "is not a date; write it as"),
            (
                "2024-02-30",
                "\"2024-02-30\" is not a date: 2024年2月 has 29 days",
            ),
            ("2023-02-29", "2023年2月 has 28 days"),
            ("2024-04-31", "2024年4月 has 30 days"),
            ("2024-01-00", "2024年1月 has 31 days"),
            (
                "2024-13-01",
                "\"2024-13-01\" is not a date: there is no month 13",
            ),
            (
                "0000-01-01",
                "\"0000-01-01\" is out of range: tassei takes dates from 1989 (平成元年) to 2200",
            ),
            ("24-2-3", "is out of range"),
            ("99999999999-1-1", "is out of range"),
            ("R999.1.1", "is out of range"),
            (
                "R1.4.30",
                "\"R1.4.30\" is not a date: 令和 began on 2019-05-01 (令和元年5月1日)",
            ),
            ("R0.5.1", "令和 began on 2019-05-01"),
            ("令和0年5月1日", "令和 began on 2019-05-01"),
            (
                "平成31年5月1日",
                "\"平成31年5月1日\" is not a date: 平成 ended on 2019-04-30 (平成31年4月30日)",
            ),
            ("H32.1.1", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("H1.1.7", "平成 began on 1989-01-08 (平成元年1月8日)"),
            ("平成0年5月1日", "平成 began on 1989-01-08"),
            ("H31.2.29", "2019年2月 has 28 days"),
            ("S64.1.1", "is not a date; write it as"),
        ];
        for (text, message) in cases {
            let err = text.parse::<CalendarDate>().expect_err(text);
            assert!(err.to_string().contains(message), "{text:?}: {err}");
        }
    }

    #[test]
    fn the_stored_form_is_read_exactly_and_in_any_year() {
        assert_eq!(
            CalendarDate::from_stored("2024-02-29"),
            Some(date(2024, 2, 29))
        );
        assert_eq!(CalendarDate::from_stored("0001-01-01"), Some(date(1, 1, 1)));
        for text in [
            "2024-2-29",
            "2024/02/29",
            "２０２４-02-29",
            "2024-02-30",
            "R6.2.29",
            "",
        ] {
            assert_eq!(CalendarDate::from_stored(text), None, "{text:?}");
        }
    }
}
