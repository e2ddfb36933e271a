//! How a 時期 is read: the text folded and cut into words ([`Tok`]), the words into one or two
//! points as written ([`Written`]), the points into days.
//!
//! ```text
//! 時期      := 随時 | span [まで]
//! span      := point | point ～ | ～ point | point ～ rest        (から is ～)
//! point     := era N (. | 年) month | era N 年度 [中 | 内 | 末] | [era N [年度]] 上半期 | 下半期
//!            | [era N [年度]] 第N四半期 | 通年 | 年度 [中 | 内 | 末] | month
//! month     := N [月] [. N [日] | N 日 | 上旬 | 中旬 | 下旬 | 末]
//! rest      := point | N [日] | 上旬 | 中旬 | 下旬 | 末        (what it shares with the start left out)
//! era       := R | 令和 | H | 平成                            (N may be 元 after an era)
//! ```
//!
//! A point without a year is in the plan's fiscal year (`7月`, `上半期`), or after a start, in
//! the start's: `R5.12～3` ends in March 2024, the fiscal year's March. Fiscal halves and quarters
//! start in April: 上半期 is April–September, 第1四半期 April–June.

use super::{PeriodError, Reading};
use crate::model::date::{CalendarDate, FIRST_YEAR, FiscalYear, LAST_YEAR};
use crate::model::era::{Era, OutsideEra};
use crate::model::fold::{fold, is_space};

/// A word of a 時期.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Num(u32),
    Era(Era),
    /// 元 (元年): year 1 of an era.
    Gan,
    /// `.` or `/` between numbers.
    Dot,
    /// 年
    Nen,
    /// 年度
    Nendo,
    /// 月
    Month,
    /// 日
    Day,
    /// `～`, `〜`, `~`, から
    Tilde,
    /// まで
    Until,
    /// 中 or 内 after a fiscal year: during it.
    Within,
    /// 上旬 (初旬), 中旬, 下旬: the month's 1st–10th, 11th–20th, 21st–end.
    Third(u8),
    /// 末: the last day.
    End,
    /// 上半期, 下半期: the fiscal year's halves.
    Half(u8),
    /// 第N四半期: the fiscal year's quarters.
    Quarter(u32),
    /// 通年: the whole fiscal year.
    WholeYear,
    /// 随時: whenever needed.
    AsNeeded,
}

/// Words spelled with more than one character, longest first where one starts another.
const WORDS: &[(&str, Tok)] = &[
    ("上半期", Tok::Half(1)),
    ("下半期", Tok::Half(2)),
    ("令和", Tok::Era(Era::Reiwa)),
    ("平成", Tok::Era(Era::Heisei)),
    ("年度", Tok::Nendo),
    ("上旬", Tok::Third(1)),
    ("初旬", Tok::Third(1)),
    ("中旬", Tok::Third(2)),
    ("下旬", Tok::Third(3)),
    ("まで", Tok::Until),
    ("から", Tok::Tilde),
    ("通年", Tok::WholeYear),
    ("随時", Tok::AsNeeded),
];

/// Cuts folded text (no spaces) into words; `None` at anything no 時期 contains.
fn words(text: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((word, tok)) = WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
            out.push(*tok);
            rest = &rest[word.len()..];
            continue;
        }
        if c.is_ascii_digit() {
            let digits = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            // Too many digits for a u32 is no year, month or day: u32::MAX fails every check.
            out.push(Tok::Num(rest[..digits].parse().unwrap_or(u32::MAX)));
            rest = &rest[digits..];
            continue;
        }
        if c == '第' {
            let (n, after) = ordinal(&rest[c.len_utf8()..])?;
            out.push(Tok::Quarter(n));
            rest = after;
            continue;
        }
        out.push(match c {
            'R' | 'r' => Tok::Era(Era::Reiwa),
            'H' | 'h' => Tok::Era(Era::Heisei),
            '元' => Tok::Gan,
            '.' | '/' => Tok::Dot,
            '年' => Tok::Nen,
            '月' => Tok::Month,
            '日' => Tok::Day,
            '~' => Tok::Tilde,
            '中' | '内' => Tok::Within,
            '末' => Tok::End,
            _ => return None,
        });
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

/// `1四半期` or `一四半期` after 第: the quarter's number and the text after it.
fn ordinal(text: &str) -> Option<(u32, &str)> {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (n, after) = if digits > 0 {
        (text[..digits].parse().unwrap_or(u32::MAX), &text[digits..])
    } else {
        let c = text.chars().next()?;
        let n = "一二三四五六七八九".chars().position(|k| k == c)?;
        (u32::try_from(n + 1).ok()?, &text[c.len_utf8()..])
    };
    Some((n, after.strip_prefix("四半期")?))
}

/// Part of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Day(u32),
    Third(u8),
    End,
}

/// Part of a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FiscalPart {
    Whole,
    Half(u8),
    Quarter(u32),
    /// 年度末: its last day.
    End,
}

/// A point as written. A year left out is `None`: the plan's, or the start's in a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// `R5.7`, `令和5年7月3日`, `R6.3末`, `7月`; `4` or `下旬` after a start that has the rest.
    Month {
        year: Option<(Era, u32)>,
        month: Option<u32>,
        part: Part,
    },
    /// `令和5年度中`, `通年`, `上半期`, `R5第3四半期`.
    Fiscal {
        year: Option<(Era, u32)>,
        part: FiscalPart,
    },
}

/// The first and last day of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Days {
    first: CalendarDate,
    last: CalendarDate,
}

/// Reads a 時期 in the plan's fiscal year `plan`.
pub(super) fn read(raw: &str, plan: FiscalYear) -> Result<Reading, PeriodError> {
    let folded: String = fold(raw).chars().filter(|c| !is_space(*c)).collect();
    let toks = words(&folded).ok_or(PeriodError::Unrecognised)?;
    if toks == [Tok::AsNeeded] {
        return Ok(Reading::AsNeeded);
    }
    let (toks, until) = match toks.split_last() {
        Some((Tok::Until, rest)) => (rest, true),
        _ => (toks.as_slice(), false),
    };
    let at = toks.iter().position(|t| *t == Tok::Tilde);
    let (start, end) = match at.map(|k| (&toks[..k], &toks[k + 1..])) {
        None => {
            let days = resolve(point(toks)?, None, plan)?;
            if until {
                (None, Some(days.last))
            } else {
                (Some(days.first), Some(days.last))
            }
        }
        Some(([], right)) => (None, Some(resolve(point(right)?, None, plan)?.last)),
        Some((left, [])) if !until => (Some(resolve(point(left)?, None, plan)?.first), None),
        Some((left, right)) => {
            let from = point(left)?;
            let start = resolve(from, None, plan)?;
            let end = resolve(rest(right, from)?, Some((from, start)), plan)?;
            if end.last < start.first {
                return Err(PeriodError::EndsBeforeStart);
            }
            (Some(start.first), Some(end.last))
        }
    };
    Ok(Reading::Dates { start, end })
}

/// An era's year: `R5`, `令和元`.
fn era_year(toks: &[Tok]) -> Option<((Era, u32), &[Tok])> {
    match toks {
        [Tok::Era(era), Tok::Num(n), rest @ ..] => Some(((*era, *n), rest)),
        [Tok::Era(era), Tok::Gan, rest @ ..] => Some(((*era, 1), rest)),
        _ => None,
    }
}

/// A point that is the whole of `toks`.
fn point(toks: &[Tok]) -> Result<Written, PeriodError> {
    let unread = PeriodError::Unrecognised;
    if let Some((year, rest)) = era_year(toks) {
        if year.1 == 0 {
            return Err(PeriodError::YearZero(year.0));
        }
        return match rest {
            [Tok::Dot | Tok::Nen, month @ ..] => month_of(Some(year), month).ok_or(unread),
            [Tok::Nendo, fiscal @ ..] | fiscal @ [Tok::Half(_) | Tok::Quarter(_), ..] => {
                fiscal_of(Some(year), fiscal).ok_or(unread)
            }
            _ => Err(unread),
        };
    }
    match toks {
        [Tok::WholeYear] => Ok(Written::Fiscal {
            year: None,
            part: FiscalPart::Whole,
        }),
        [Tok::Nendo, fiscal @ ..] => fiscal_of(None, fiscal).ok_or(unread),
        fiscal @ [Tok::Half(_) | Tok::Quarter(_), ..] => fiscal_of(None, fiscal).ok_or(unread),
        // A month without a year says 月: a bare number is no 時期.
        month if month.contains(&Tok::Month) => month_of(None, month).ok_or(unread),
        _ => Err(unread),
    }
}

/// The end of a range, which may leave out what it shares with the start: `R5.7.3～4` (the 4th
/// of the same month), `R5.7～9` (September), `R5.7.30～8.2`, `R5.7上旬～中旬`.
fn rest(toks: &[Tok], from: Written) -> Result<Written, PeriodError> {
    let day_of_start = matches!(
        from,
        Written::Month {
            part: Part::Day(_),
            ..
        }
    );
    let part = match toks {
        [Tok::Num(d)] if day_of_start => Some(Part::Day(*d)),
        [Tok::Num(d), Tok::Day] => Some(Part::Day(*d)),
        [Tok::Third(k)] => Some(Part::Third(*k)),
        [Tok::End] => Some(Part::End),
        _ => None,
    };
    if let Some(part) = part {
        return Ok(Written::Month {
            year: None,
            month: None,
            part,
        });
    }
    // After a start, a bare `9` or `8.2` is a month: the start gave the year.
    match month_of(None, toks) {
        Some(month) => Ok(month),
        None => point(toks),
    }
}

/// `7`, `7月`, `7.3`, `7月3日`, `7上旬`, `7月末` (after the year, if any).
fn month_of(year: Option<(Era, u32)>, toks: &[Tok]) -> Option<Written> {
    let [Tok::Num(month), rest @ ..] = toks else {
        return None;
    };
    let rest = rest.strip_prefix(&[Tok::Month]).unwrap_or(rest);
    let part = match rest {
        [] => Part::Whole,
        [Tok::Dot, Tok::Num(d)] | [Tok::Dot, Tok::Num(d), Tok::Day] | [Tok::Num(d), Tok::Day] => {
            Part::Day(*d)
        }
        [Tok::Third(k)] => Part::Third(*k),
        [Tok::End] => Part::End,
        _ => return None,
    };
    Some(Written::Month {
        year,
        month: Some(*month),
        part,
    })
}

/// What follows a fiscal year (`年度` already read): nothing, 中, 内, 末, a half or a quarter.
fn fiscal_of(year: Option<(Era, u32)>, toks: &[Tok]) -> Option<Written> {
    let toks = toks.strip_suffix(&[Tok::Within]).unwrap_or(toks);
    let part = match toks {
        [] => FiscalPart::Whole,
        [Tok::End] => FiscalPart::End,
        [Tok::Half(h)] => FiscalPart::Half(*h),
        [Tok::Quarter(q)] => FiscalPart::Quarter(*q),
        _ => return None,
    };
    Some(Written::Fiscal { year, part })
}

/// The days of a point. `start` is the start of the range it ends, which lends it what it left
/// out; without one, a point without a year is in the plan's fiscal year.
fn resolve(
    point: Written,
    start: Option<(Written, Days)>,
    plan: FiscalYear,
) -> Result<Days, PeriodError> {
    // The fiscal year a point without a year is in.
    let fiscal = start.map_or(plan, |(_, days)| days.first.fiscal_year());
    match point {
        Written::Fiscal { year, part } => {
            let fy = match year {
                Some((era, n)) => FiscalYear(western(era, n)?),
                None => fiscal,
            };
            let days = fiscal_days(fy, part)?;
            if let Some((era, _)) = year {
                within_era(era, days)?;
            }
            Ok(days)
        }
        Written::Month {
            year: Some((era, n)),
            month,
            part,
        } => {
            let month = month.ok_or(PeriodError::Unrecognised)?;
            let days = month_days(western(era, n)?, month, part)?;
            within_era(era, days)?;
            Ok(days)
        }
        Written::Month {
            year: None,
            month,
            part,
        } => match start {
            // A month after a start: the start's year, or the next while still in the start's
            // fiscal year (`R5.12～3`).
            Some((
                Written::Month {
                    month: Some(from), ..
                },
                from_days,
            )) => {
                let month = month.unwrap_or(from);
                let year = from_days.first.year();
                let days = month_days(year, month, part)?;
                if days.last < from_days.first && from >= 4 && month <= 3 {
                    month_days(year + 1, month, part)
                } else {
                    Ok(days)
                }
            }
            // A month in a fiscal year: April–December its first year, January–March the next.
            _ => {
                let month = month.ok_or(PeriodError::Unrecognised)?;
                let year = if month >= 4 { fiscal.0 } else { fiscal.0 + 1 };
                month_days(year, month, part)
            }
        },
    }
}

/// The western year of an era's year `n`, within the years tassei reads.
fn western(era: Era, n: u32) -> Result<i32, PeriodError> {
    if n == 0 {
        return Err(PeriodError::YearZero(era));
    }
    era.year(n)
        .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
        .ok_or(PeriodError::OutOfRange)
}

/// Refuses days written in an era they lie wholly outside (`R1.4`, `平成31年5月`).
fn within_era(era: Era, days: Days) -> Result<(), PeriodError> {
    match era.outside(days.first, days.last) {
        None => Ok(()),
        Some(OutsideEra::Before) => Err(PeriodError::BeforeEra(era)),
        Some(OutsideEra::After) => Err(PeriodError::AfterEra(
            era,
            era.ended().unwrap_or(days.first),
        )),
    }
}

fn month_days(year: i32, month: u32, part: Part) -> Result<Days, PeriodError> {
    let last_of = CalendarDate::last_of(year, month).ok_or(PeriodError::NoSuchMonth(month))?;
    let day = |d: u32| {
        CalendarDate::new(year, month, d).ok_or(PeriodError::NoSuchDay {
            year,
            month,
            days: last_of.day(),
        })
    };
    let (first, last) = match part {
        Part::Whole => (day(1)?, last_of),
        Part::Day(d) => (day(d)?, day(d)?),
        Part::Third(1) => (day(1)?, day(10)?),
        Part::Third(2) => (day(11)?, day(20)?),
        Part::Third(_) => (day(21)?, last_of),
        Part::End => (last_of, last_of),
    };
    Ok(Days { first, last })
}

fn fiscal_days(fy: FiscalYear, part: FiscalPart) -> Result<Days, PeriodError> {
    let range = |from: u32, months: u32| -> Result<Days, PeriodError> {
        // Months counted from April: 1 is April, 12 is March.
        let at = |k: u32| {
            let month = (k + 2) % 12 + 1;
            let year = if month >= 4 { fy.0 } else { fy.0 + 1 };
            (year, month)
        };
        let (y, m) = at(from);
        let (y2, m2) = at(from + months - 1);
        let first = CalendarDate::first_of(y, m).ok_or(PeriodError::OutOfRange)?;
        let last = CalendarDate::last_of(y2, m2).ok_or(PeriodError::OutOfRange)?;
        Ok(Days { first, last })
    };
    match part {
        FiscalPart::Whole => range(1, 12),
        FiscalPart::Half(h) => range(1 + 6 * (u32::from(h) - 1), 6),
        FiscalPart::Quarter(q @ 1..=4) => range(1 + 3 * (q - 1), 3),
        FiscalPart::Quarter(q) => Err(PeriodError::NoSuchQuarter(q)),
        FiscalPart::End => {
            let last = CalendarDate::last_of(fy.0 + 1, 3).ok_or(PeriodError::OutOfRange)?;
            Ok(Days { first: last, last })
        }
    }
}
