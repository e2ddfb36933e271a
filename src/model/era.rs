//! The Japanese eras a plan's dates are written in: 平成 (`H31.3`, `平成31年3月`) and 令和
//! (`R5.7`, `令和元年5月`). One home for where each begins and ends, for typed dates and 時期.

use std::fmt;

use super::date::CalendarDate;

/// An era a sheet writes years in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    /// 平成: 1989-01-08 to 2019-04-30. 平成N = 1988 + N.
    Heisei,
    /// 令和: from 2019-05-01. 令和N = 2018 + N.
    Reiwa,
}

/// Where a span of days lies against an era it was written in, when not inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideEra {
    /// Wholly before the era began (`R1.4`, `令和元年4月30日`).
    Before,
    /// Wholly after the era ended (`平成31年5月`, `H32.1`).
    After,
}

impl Era {
    /// The era's name as the sheet writes it.
    pub fn name(self) -> &'static str {
        match self {
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// Western year of the era's year 0: year N is this + N.
    fn offset(self) -> i32 {
        match self {
            Era::Heisei => 1988,
            Era::Reiwa => super::date::REIWA_OFFSET,
        }
    }

    /// The western year of the era's year `n` (元年 is 1), or `None` for year 0, which no era
    /// has, and for a year no `i32` holds.
    pub fn year(self, n: u32) -> Option<i32> {
        let n = i32::try_from(n).ok().filter(|n| *n >= 1)?;
        n.checked_add(self.offset())
    }

    /// The era's first day.
    pub fn began(self) -> CalendarDate {
        match self {
            Era::Heisei => CalendarDate::known(1989, 1, 8),
            Era::Reiwa => CalendarDate::known(2019, 5, 1),
        }
    }

    /// The era's last day, when it has ended.
    pub fn ended(self) -> Option<CalendarDate> {
        match self {
            Era::Heisei => Some(CalendarDate::known(2019, 4, 30)),
            Era::Reiwa => None,
        }
    }

    /// Whether the days `first..=last`, written in this era, lie wholly outside it. A span that
    /// touches the era is in it: `H1.1` (January 1989, most of it 平成) and `R1.5` are.
    pub fn outside(self, first: CalendarDate, last: CalendarDate) -> Option<OutsideEra> {
        if last < self.began() {
            Some(OutsideEra::Before)
        } else if self.ended().is_some_and(|end| first > end) {
            Some(OutsideEra::After)
        } else {
            None
        }
    }

    /// A day as the era writes it: `令和元年5月1日`, `平成31年4月30日`.
    pub fn spell(self, date: CalendarDate) -> Spelled {
        Spelled { era: self, date }
    }
}

/// A day in an era's own words, from [`Era::spell`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    era: Era,
    date: CalendarDate,
}

impl fmt::Display for Spelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.era.name())?;
        match self.date.year() - self.era.offset() {
            1 => f.write_str("元")?,
            n => write!(f, "{n}")?,
        }
        write!(f, "年{}月{}日", self.date.month(), self.date.day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> CalendarDate {
        CalendarDate::new(y, m, d).expect("valid test date")
    }

    #[test]
    fn years_count_from_gannen() {
        assert_eq!(Era::Reiwa.year(1), Some(2019));
        assert_eq!(Era::Reiwa.year(5), Some(2023));
        assert_eq!(Era::Heisei.year(1), Some(1989));
        assert_eq!(Era::Heisei.year(31), Some(2019));
        assert_eq!(Era::Reiwa.year(0), None);
        assert_eq!(Era::Heisei.year(u32::MAX), None);
    }

    #[test]
    fn heisei_ends_the_day_before_reiwa_begins() {
        assert_eq!(
            Era::Heisei.ended().map(|d| d.to_string()).as_deref(),
            Some("2019-04-30")
        );
        assert_eq!(Era::Reiwa.began(), date(2019, 5, 1));
        assert_eq!(Era::Reiwa.ended(), None);
        assert_eq!(Era::Heisei.began(), date(1989, 1, 8));
    }

    #[test]
    fn a_span_outside_its_era_is_before_or_after_it() {
        let april = (date(2019, 4, 1), date(2019, 4, 30));
        let may = (date(2019, 5, 1), date(2019, 5, 31));
        assert_eq!(Era::Heisei.outside(april.0, april.1), None);
        assert_eq!(Era::Heisei.outside(may.0, may.1), Some(OutsideEra::After));
        assert_eq!(
            Era::Reiwa.outside(april.0, april.1),
            Some(OutsideEra::Before)
        );
        assert_eq!(Era::Reiwa.outside(may.0, may.1), None);
        // January 1989 was 昭和 until the 7th: the month still touches 平成.
        assert_eq!(
            Era::Heisei.outside(date(1989, 1, 1), date(1989, 1, 31)),
            None
        );
        let seventh = date(1989, 1, 7);
        assert_eq!(
            Era::Heisei.outside(seventh, seventh),
            Some(OutsideEra::Before)
        );
    }

    #[test]
    fn days_are_spelled_in_the_era() {
        assert_eq!(
            Era::Reiwa.spell(date(2019, 5, 1)).to_string(),
            "令和元年5月1日"
        );
        assert_eq!(
            Era::Heisei.spell(date(2019, 4, 30)).to_string(),
            "平成31年4月30日"
        );
        assert_eq!(
            Era::Heisei.spell(date(1989, 1, 8)).to_string(),
            "平成元年1月8日"
        );
    }
}
