//! A workbook as plain data: cells with a value and a style, rows of cells. Nothing here knows
//! the xlsx format; `xlsx.rs` writes it. Numbers cross into Excel's doubles here and only here.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::words;

/// One cell: where it is in its row, what it holds and how it looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'a> {
    /// The column, from 0 (A).
    pub col: u16,
    pub value: Value<'a>,
    pub style: Style,
    /// A note (comment) on the cell, e.g. why a number is kept as text.
    pub note: Option<&'static str>,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    /// A double, made from an exact decimal by [`excel_number`].
    Number(f64),
    /// A formula (`ROUND(E5*100/D5,0)`, without `=`) and the value Excel shows before it
    /// recalculates: tassei's own.
    Formula {
        text: String,
        result: Cached,
    },
}

/// A formula's cached result.
#[derive(Debug, Clone, PartialEq)]
pub enum Cached {
    /// tassei's exact value, written as its decimal text.
    Number(Decimal),
    Text(&'static str),
}

impl<'a> Cell<'a> {
    pub fn text(col: u16, text: impl Into<Cow<'a, str>>, style: Style) -> Self {
        Self {
            col,
            value: Value::Text(text.into()),
            style,
            note: None,
        }
    }

    /// An exact number as Excel will hold it: a double with `format`, or, past 15
    /// significant digits, its digits as text with a note saying why.
    pub fn number(col: u16, n: Decimal, format: NumberFormat) -> Self {
        Self::numeric(col, n, Style::Figure(format))
    }

    /// An exact number as Excel will hold it, in `style` (a goal's number, a 達成度); past 15
    /// significant digits as [`Cell::number`] writes it — an input cell staying one (unlocked,
    /// validated), so the section can still overwrite the figure.
    pub fn numeric(col: u16, n: Decimal, style: Style) -> Self {
        match excel_number(n) {
            Some(x) => Self {
                col,
                value: Value::Number(x),
                style,
                note: None,
            },
            None => Self {
                col,
                value: Value::Text(n.to_string().into()),
                style: match style {
                    Style::Input(_) => style,
                    _ => Style::LongFigure,
                },
                note: Some(words::KEPT_AS_TEXT),
            },
        }
    }

    /// The sheet's ー, centred.
    pub fn mark(col: u16) -> Self {
        Self::text(col, words::NONE_MARK, Style::Mark)
    }

    /// The lines its text takes in a column `width` half-width characters wide: each line of
    /// it wrapped by display width (a full-width character counts two), a little room kept for
    /// the cell's margins. A number is one line.
    pub fn lines(&self, width: usize) -> usize {
        let Value::Text(t) = &self.value else {
            return 1;
        };
        let room = width.saturating_sub(2).max(2);
        t.split('\n')
            .map(|line| crate::text::width::width(line).div_ceil(room).max(1))
            .sum()
    }

    /// How wide the cell shows, in half-width characters: text by display width (a full-width
    /// character counts two), the widest line of it; a number as its format shows it.
    pub fn shown_width(&self) -> usize {
        match (&self.value, &self.style) {
            (Value::Text(t), _) => t.lines().map(crate::text::width::width).max().unwrap_or(0),
            (Value::Number(x), Style::Figure(f) | Style::Rate(f))
            | (Value::Number(x), Style::Input(Input::Number(f))) => f.shown_width(*x),
            (Value::Number(x), _) => x.to_string().len(),
            (Value::Formula { result, .. }, style) => match (result, style) {
                (Cached::Number(n), Style::Figure(f) | Style::Rate(f)) => {
                    excel_number(*n).map_or(0, |x| f.shown_width(x))
                }
                (Cached::Number(n), _) => n.to_string().len(),
                (Cached::Text(t), _) => crate::text::width::width(t),
            },
        }
    }
}

/// How a cell looks. The writer makes one xlsx format per distinct style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Style {
    /// The sheet's title row.
    Title,
    /// A line of small print under the title.
    Legend,
    /// A column header.
    Header,
    /// An initiative's header block: its code, then its title.
    Initiative,
    /// A goal's number, shown `目標1`.
    GoalNumber,
    /// Text that wraps in its column, top-aligned.
    Text,
    /// Text in a narrow column that wraps, centred (時期, 担当係, 評価).
    Short,
    /// The sheet's ー, centred.
    Mark,
    /// A figure with its unit in the number format.
    Figure(NumberFormat),
    /// A figure past Excel's 15 digits, kept as its digits in text, right-aligned.
    LongFigure,
    /// A 達成度.
    Rate(NumberFormat),
    /// A status word (達成 …), highlighted by conditional formatting.
    Status,
    /// A table's cell: no border, no wrap.
    Plain,
    /// A cell a section fills in a handout: unlocked on a protected sheet, validated.
    Input(Input),
}

/// What an input cell takes (its data validation).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A number, shown in this format (the unit in it).
    Number(NumberFormat),
    /// One of the activity statuses, from a drop-down.
    Status,
    /// A milestone goal's 達成状況 (達成, 未達成, ー), from a drop-down.
    Milestone,
    /// Free text.
    Text,
}

impl Style {
    /// Whether its text wraps in the cell.
    pub fn wraps(&self) -> bool {
        matches!(
            self,
            Style::Header
                | Style::Text
                | Style::Short
                | Style::Status
                | Style::Mark
                | Style::Input(Input::Text)
        )
    }
}

/// An Excel number format: the unit lives in it (`#,##0"件"`), so a cell holds a plain number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NumberFormat {
    /// Decimals shown.
    pub decimals: u32,
    /// Digits grouped in thousands (`#,##0`); not for ％, as the sheet prints 84.93.
    pub grouped: bool,
    /// The unit after the number, as the sheet prints it; empty for none.
    pub unit: String,
}

impl NumberFormat {
    /// The format of a figure `n` in `unit`: as many decimals as its digits have (15.00 shows
    /// 15.00, 75.0 shows 75.0), grouped but for ％.
    pub fn figure(n: Decimal, unit: &str) -> Self {
        Self {
            decimals: n.scale(),
            grouped: unit != "％" && unit != "%",
            unit: unit.to_string(),
        }
    }

    /// A 達成度 at a goal's precision: `#,##0` or `#,##0.0`.
    pub fn rate(precision: u32) -> Self {
        Self {
            decimals: precision,
            grouped: true,
            unit: String::new(),
        }
    }

    /// The format code: `#,##0.0"時間"`, `0.00"％"`.
    pub fn code(&self) -> String {
        let mut code = String::from(if self.grouped { "#,##0" } else { "0" });
        if self.decimals > 0 {
            code.push('.');
            code.extend(std::iter::repeat_n('0', self.decimals as usize));
        }
        if !self.unit.is_empty() {
            code.push_str(&quoted(&self.unit));
        }
        code
    }

    /// How wide a number shows in this format, in half-width characters.
    fn shown_width(&self, x: f64) -> usize {
        let fixed = format!("{:.*}", self.decimals as usize, x.abs());
        let whole = fixed.find('.').unwrap_or(fixed.len());
        let commas = if self.grouped {
            whole.saturating_sub(1) / 3
        } else {
            0
        };
        usize::from(x < 0.0) + fixed.len() + commas + crate::text::width::width(&self.unit)
    }
}

/// A unit as a literal of a number format: in double quotes, or, if it has one, each
/// character escaped with `\`.
fn quoted(unit: &str) -> String {
    if unit.contains('"') {
        unit.chars().flat_map(|c| ['\\', c]).collect()
    } else {
        format!("\"{unit}\"")
    }
}

/// Excel keeps a number as an IEEE double and reads only its first 15 significant digits.
pub const EXCEL_DIGITS: u32 = 15;

/// An exact decimal as the double Excel holds, or `None` past [`EXCEL_DIGITS`] significant
/// digits (a value Excel would silently change: such a value is written as text).
pub fn excel_number(n: Decimal) -> Option<f64> {
    if significant_digits(n) > EXCEL_DIGITS {
        return None;
    }
    // Through the decimal text, not `Decimal`'s own conversion: parsing the digits gives the
    // double nearest to the exact value (correctly rounded), the one Excel stores when the
    // clerk types these digits, while a conversion that divides the mantissa by a power of ten
    // in floating point can land a unit in the last place away. This is the one place a
    // tassei value becomes an f64, and only because Excel holds nothing else.
    n.to_string().parse::<f64>().ok()
}

/// Significant digits of a decimal: its digits without leading zeros or trailing zeros
/// (`75.0` has 2, `10000` has 1, `0` has 0).
pub fn significant_digits(n: Decimal) -> u32 {
    let mut m = n.mantissa().unsigned_abs();
    if m == 0 {
        return 0;
    }
    while m.is_multiple_of(10) {
        m /= 10;
    }
    m.checked_ilog10().map_or(0, |l| l + 1)
}
