//! 時期: when an activity happens, as the sheet writes it (`R５.５`, `R６.２まで`,
//! `R５.７～Ｒ６．２`, `R５.６～`, `R５.７.３～４`, `H31.3`, `R5.12～3`, `令和5年度中`, `通年`,
//! `随時`, `R6.3末`, `R5.7上旬`, `上半期`, `第2四半期`).
//!
//! The raw text is always kept; the reading is what tassei made of it: dates, 随時 (whenever
//! needed, so never overdue), or the reason it cannot be read. Text we cannot read is kept
//! verbatim and counted, never dropped. Some forms name the plan's own fiscal year (`通年`,
//! `上半期`, `7月`), so a 時期 is read with it. The grammar is [`grammar`].

mod grammar;
mod shift;
#[cfg(test)]
mod tests;

use std::fmt;

pub use shift::{Shift, shift_one_year};

use super::date::{CalendarDate, FiscalYear};
use super::era::Era;
use super::fold::is_space;
use crate::strings::strings;

/// An activity's timing: the text as written plus what was read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    raw: String,
    reading: Reading,
}

/// What a 時期 says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// No text: the activity has no timing.
    Blank,
    /// Dates, at least one of the two: `R６.２まで` has no start, `R５.６～` no end.
    Dates {
        start: Option<CalendarDate>,
        end: Option<CalendarDate>,
    },
    /// 随時: whenever it is needed. Never overdue, and not unreadable.
    AsNeeded,
    /// Text that names no time tassei can read, and why.
    Unreadable(PeriodError),
}

/// Why a 時期 cannot be read. It says the reason only: it is shown beside the text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// In no form tassei reads.
    #[error("{}", strings().errors.values.period.unrecognised)]
    Unrecognised,
    /// `R5.13`.
    #[error("{}", (strings().errors.values.period.no_such_month)(*.0))]
    NoSuchMonth(u32),
    /// `R5.2.30`: the month has `days` days.
    #[error("{}", (strings().errors.values.period.no_such_day)(*.year, *.month, *.days))]
    NoSuchDay { year: i32, month: u32, days: u32 },
    /// `令和0年`: no era has a year 0.
    #[error("{}", (strings().errors.values.period.year_zero)(.0.name(), .0.year(1).unwrap_or_default()))]
    YearZero(Era),
    /// `R1.4`: before 令和 began.
    #[error("{}", (strings().errors.values.period.before_era)(.0.name(), &.0.began(), &.0.spell(.0.began())))]
    BeforeEra(Era),
    /// `平成31年5月`: after 平成 ended (on `.1`).
    #[error("{}", (strings().errors.values.period.after_era)(.0.name(), &.1, &.0.spell(*.1)))]
    AfterEra(Era, CalendarDate),
    /// A year outside [`FIRST_YEAR`](super::date::FIRST_YEAR)..=[`LAST_YEAR`](super::date::LAST_YEAR).
    #[error("{}", (strings().errors.values.period.out_of_range)(super::date::FIRST_YEAR, super::date::LAST_YEAR))]
    OutOfRange,
    /// `第5四半期`.
    #[error("{}", (strings().errors.values.period.no_such_quarter)(*.0))]
    NoSuchQuarter(u32),
    /// `R6.2～R5.7`.
    #[error("{}", strings().errors.values.period.ends_before_start)]
    EndsBeforeStart,
}

impl PeriodError {
    /// The reason as a plan of fiscal year `year` shows it: text in no form tassei reads gets
    /// examples written in that year (`R6.7` for a FY2024 plan), not another's.
    pub fn said_in(&self, year: FiscalYear) -> String {
        match self {
            PeriodError::Unrecognised => {
                (strings().errors.values.period.unrecognised_in)(year.reiwa(), year.reiwa() + 1)
            }
            other => other.to_string(),
        }
    }
}

impl Period {
    /// Reads `raw` in the plan's fiscal year `year` (what `通年`, `上半期` or a month without a
    /// year name). Never fails: text that cannot be read gives an unreadable period, with why.
    pub fn parse(raw: &str, year: FiscalYear) -> Self {
        let reading = if raw.trim_matches(is_space).is_empty() {
            Reading::Blank
        } else {
            grammar::read(raw, year).unwrap_or_else(Reading::Unreadable)
        };
        Self {
            raw: raw.to_string(),
            reading,
        }
    }

    /// A period as the store keeps it: the text and the dates read when it was written. A row
    /// without dates is read again (it may say 随時, be unreadable with a reason, or be in a
    /// form an older tassei could not read); one with dates is taken as stored.
    pub fn from_stored(
        raw: String,
        start: Option<CalendarDate>,
        end: Option<CalendarDate>,
        year: FiscalYear,
    ) -> Self {
        if start.is_none() && end.is_none() {
            return Self::parse(&raw, year);
        }
        Self {
            raw,
            reading: Reading::Dates { start, end },
        }
    }

    /// The text as the sheet wrote it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// What the text says.
    pub fn reading(&self) -> &Reading {
        &self.reading
    }

    /// First day of the period, when it has one (`R６.２まで` has none).
    pub fn start(&self) -> Option<CalendarDate> {
        match self.reading {
            Reading::Dates { start, .. } => start,
            _ => None,
        }
    }

    /// Last day of the period, when it has one (`R５.６～` has none).
    pub fn end(&self) -> Option<CalendarDate> {
        match self.reading {
            Reading::Dates { end, .. } => end,
            _ => None,
        }
    }

    /// True when dates could be read from the text.
    pub fn is_parsed(&self) -> bool {
        matches!(self.reading, Reading::Dates { .. })
    }

    /// True when the text is non-empty and names no time tassei can read. Empty text is "no
    /// timing" and 随時 is "whenever needed": neither is unreadable.
    pub fn is_unparsed(&self) -> bool {
        matches!(self.reading, Reading::Unreadable(_))
    }

    /// True for 随時: whenever needed, never overdue.
    pub fn is_as_needed(&self) -> bool {
        self.reading == Reading::AsNeeded
    }

    /// Why the text cannot be read, when it cannot.
    pub fn problem(&self) -> Option<PeriodError> {
        match self.reading {
            Reading::Unreadable(e) => Some(e),
            _ => None,
        }
    }

    /// True when the period ended before `today`. Only a period with an end can have: 随時,
    /// an open `R５.６～` and unreadable text never have.
    pub fn has_ended_before(&self, today: CalendarDate) -> bool {
        self.end().is_some_and(|end| end < today)
    }
}

impl fmt::Display for Period {
    /// The dates in ISO form: `2023-07-01〜2024-02-29`, `〜2024-02-29`, `2023-06-01〜`;
    /// nothing when the period names no dates (what it says instead is the caller's to word).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start(), self.end()) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s}〜{e}"),
            (Some(s), None) => write!(f, "{s}〜"),
            (None, Some(e)) => write!(f, "〜{e}"),
            (None, None) => Ok(()),
        }
    }
}
