//! Calendar dates and the Japanese fiscal year (April–March) with 令和 numbering.
//!
//! A tiny date type is enough here: 時期 name months and days, and "overdue" compares days.

use std::fmt;
use std::str::FromStr;

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

/// `YYYY-MM-DD` was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date; write it as YYYY-MM-DD, e.g. 2024-02-29")]
pub struct DateError(pub String);

impl FromStr for CalendarDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = super::fold::fold(s.trim());
        let mut fields = folded.split('-').map(|f| f.parse::<u32>().ok());
        let parsed = match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(Some(y)), Some(Some(m)), Some(Some(d)), None) => i32::try_from(y)
                .ok()
                .and_then(|y| CalendarDate::new(y, m, d)),
            _ => None,
        };
        parsed.ok_or_else(|| DateError(s.to_string()))
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
        assert!("2024/02/01".parse::<CalendarDate>().is_err());
        assert!("2024-02-01-1".parse::<CalendarDate>().is_err());
    }
}
