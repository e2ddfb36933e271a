//! Numbers as clerks type them and as the sheet prints them.
//!
//! One parser serves the CLI, the TUI and the import file, so `９，０１６`, `9,016` and `9016` mean
//! the same thing everywhere. Parsing never rounds: the value keeps the digits that were typed.

use std::fmt;

use rust_decimal::Decimal;

use super::fold::{fold, is_space};
use crate::strings::strings;

/// The most significant digits a value may have (rust_decimal holds 28 exactly).
pub const MAX_DIGITS: usize = 28;

/// Why typed text is not a number. Each message says the problem first, then the input
/// ([`Quoted`], shortened when long), so the reason is never the part cut off.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("{}", strings().errors.values.number.empty)]
    Empty,
    #[error("{}", (strings().errors.values.number.two_decimal_points)(&Quoted(.0)))]
    TwoDecimalPoints(String),
    #[error("{}", (strings().errors.values.number.two_signs)(&Quoted(.0)))]
    TwoSigns(String),
    #[error("{}", (strings().errors.values.number.misplaced_sign)(&Quoted(.0)))]
    MisplacedSign(String),
    #[error("{}", (strings().errors.values.number.misplaced_comma)(&Quoted(.0)))]
    MisplacedComma(String),
    #[error("{}", (strings().errors.values.number.exponent)(&Quoted(.0)))]
    Exponent(String),
    #[error("{}", (strings().errors.values.number.too_many_digits)(MAX_DIGITS, &Quoted(.0)))]
    TooManyDigits(String),
    #[error("{}", (strings().errors.values.number.wrong_unit)(.given, .expected, &Quoted(.input)))]
    WrongUnit {
        input: String,
        given: String,
        expected: String,
    },
    #[error("{}", (strings().errors.values.number.unexpected_unit)(.given, &Quoted(.input)))]
    UnexpectedUnit { input: String, given: String },
    #[error("{}", (strings().errors.values.number.bad_character)(*.bad, &Quoted(.input)))]
    BadCharacter { input: String, bad: char },
    #[error("{}", (strings().errors.values.number.not_a_number)(&Quoted(.0)))]
    NotANumber(String),
}

/// Typed text in a message, in quotes. Long text is shortened to its start and end with its
/// length, `"11111111…111" (10,000 characters)`, so a pasted page cannot hide the reason.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl Quoted<'_> {
    /// Longer than this many characters, the text is shortened.
    const MAX: usize = 24;
    const HEAD: usize = 12;
    const TAIL: usize = 3;
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.chars().count();
        if count <= Self::MAX {
            return write!(f, "\"{}\"", self.0);
        }
        let head: String = self.0.chars().take(Self::HEAD).collect();
        let tail: String = self.0.chars().skip(count - Self::TAIL).collect();
        f.write_str(&(strings().errors.values.number.quoted_long)(
            &head,
            &tail,
            &Grouped(&Decimal::from(count)),
        ))
    }
}

/// Parses a value typed by a clerk for a goal whose unit is `unit` (may be empty).
///
/// Accepts half- and full-width digits, `,`/`，` thousands separators in groups of three, one
/// decimal point `.`/`．`, one leading sign (`-`, `−`, `－` or the IME's `ー`; `+` too), and a
/// trailing unit equal to `unit` (`28件`, `84.93％`). Spaces around the value are ignored.
pub fn parse_number(input: &str, unit: &str) -> Result<Decimal, NumberError> {
    let trimmed = input.trim_matches(is_space);
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let folded = fold(trimmed);
    let body = strip_unit(input, &folded, unit)?;
    parse_plain(input.trim_matches(is_space), body)
}

/// Removes a trailing unit, which must be the goal's own.
fn strip_unit<'a>(input: &str, folded: &'a str, unit: &str) -> Result<&'a str, NumberError> {
    let folded_unit = fold(unit.trim_matches(is_space));
    if !folded_unit.is_empty()
        && let Some(body) = folded.strip_suffix(folded_unit.as_str())
    {
        return Ok(body.trim_end_matches(is_space));
    }
    // Whatever follows the last digit or separator is a unit-like tail.
    let tail_start = folded
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let tail = folded[tail_start..].trim_matches(is_space);
    let looks_like_unit = tail_start > 0
        && !tail.is_empty()
        && !tail
            .chars()
            .any(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+'));
    if looks_like_unit {
        let input = input.trim_matches(is_space).to_string();
        return Err(if folded_unit.is_empty() {
            NumberError::UnexpectedUnit {
                input,
                given: tail.to_string(),
            }
        } else {
            NumberError::WrongUnit {
                input,
                given: tail.to_string(),
                expected: unit.to_string(),
            }
        });
    }
    Ok(folded)
}

/// Parses folded text that should now be a bare number.
fn parse_plain(original: &str, body: &str) -> Result<Decimal, NumberError> {
    let err_input = || original.to_string();
    let body = body.trim_matches(is_space);
    let (negative, digits) = split_sign(body).ok_or_else(|| NumberError::TwoSigns(err_input()))?;
    if digits.contains(['-', '+']) {
        return Err(if body.starts_with(['-', '+']) {
            NumberError::TwoSigns(err_input())
        } else {
            NumberError::MisplacedSign(err_input())
        });
    }
    if let Some(bad) = digits
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
    {
        let mantissa_then_exponent = matches!(bad, 'e' | 'E')
            && digits.starts_with(|c: char| c.is_ascii_digit())
            && digits.rsplit(['e', 'E']).next().is_some_and(|exp| {
                let exp = exp.trim_start_matches(['-', '+']);
                !exp.is_empty() && exp.chars().all(|c| c.is_ascii_digit())
            });
        return Err(if mantissa_then_exponent {
            NumberError::Exponent(err_input())
        } else if !digits.chars().any(|c| c.is_ascii_digit()) {
            NumberError::NotANumber(err_input())
        } else {
            NumberError::BadCharacter {
                input: err_input(),
                bad,
            }
        });
    }
    let mut halves = digits.split('.');
    let integer = halves.next().unwrap_or("");
    let fraction = halves.next().unwrap_or("");
    if halves.next().is_some() {
        return Err(NumberError::TwoDecimalPoints(err_input()));
    }
    if fraction.contains(',') || !commas_group_by_three(integer) {
        return Err(NumberError::MisplacedComma(err_input()));
    }
    let integer: String = integer.chars().filter(|c| *c != ',').collect();
    if integer.is_empty() && fraction.is_empty() {
        return Err(NumberError::NotANumber(err_input()));
    }
    let significant = integer.trim_start_matches('0').len() + fraction.len();
    if significant > MAX_DIGITS || integer.len() + fraction.len() > MAX_DIGITS + 1 {
        return Err(NumberError::TooManyDigits(err_input()));
    }
    let integer = if integer.is_empty() {
        "0"
    } else {
        integer.as_str()
    };
    let text = if fraction.is_empty() {
        integer.to_string()
    } else {
        format!("{integer}.{fraction}")
    };
    let value =
        Decimal::from_str_exact(&text).map_err(|_| NumberError::TooManyDigits(err_input()))?;
    Ok(if negative && !value.is_zero() {
        -value
    } else {
        value
    })
}

/// Splits one leading sign off. `None` when a second sign follows the first.
fn split_sign(body: &str) -> Option<(bool, &str)> {
    let (negative, rest) = match body.chars().next() {
        Some('-') => (true, &body[1..]),
        Some('+') => (false, &body[1..]),
        _ => (false, body),
    };
    if rest.len() < body.len() && rest.trim_start_matches(is_space).starts_with(['-', '+']) {
        return None;
    }
    Some((negative, rest.trim_start_matches(is_space)))
}

/// `9,016` and `1,234,567` are fine; `90,16` and `,5` are not. No comma at all is fine too.
fn commas_group_by_three(integer: &str) -> bool {
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or("");
    if !integer.contains(',') {
        return true;
    }
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// Units counted in whole things: a value in one of them has no fraction.
const COUNTING_UNITS: &[&str] = &[
    "件",
    "人",
    "名",
    "回",
    "社",
    "校",
    "種類",
    "団体",
    "本",
    "箇所",
    "か所",
    "ヵ所",
    "ケ所",
    "個",
    "台",
    "枚",
    "冊",
    "部",
    "通",
    "店",
    "店舗",
    "施設",
    "事業",
    "手続",
    "世帯",
    "戸",
    "棟",
    "機関",
    "課",
    "係",
    "地区",
    "自治会",
    "業務",
    "円",
];

/// True when `unit` counts whole things (`件`, `人`, `回`, `種類` …): nobody has 9.5 of them.
pub fn counts_whole_things(unit: &str) -> bool {
    let unit = fold(unit.trim_matches(is_space));
    COUNTING_UNITS.iter().any(|u| *u == unit)
}

/// The two things a typed `9.500` can mean: in much of Europe, and to a hurried clerk copying a
/// figure, the `.` separates thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TwoReadings {
    /// The `.` as a decimal point: 9.5 (the scale typed is kept: `9.500`).
    pub point: Decimal,
    /// The `.` as a thousands separator: 9,500.
    pub thousands: Decimal,
}

impl fmt::Display for TwoReadings {
    /// `could be 9.5 or 9,500`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(strings().errors.values.number.two_readings)(
            &self.point.normalize(),
            &Grouped(&self.thousands),
        ))
    }
}

/// When `input` is a valid number for `unit` whose only separator is a `.` followed by exactly
/// three digits (`9.500`, `１２．０００件`, `-1.250`), and the value counts whole things
/// (`whole`), returns both readings; `None` otherwise. `9.5`, `9,500`, `1234.567` and `0.500` are
/// not ambiguous: only a `.` where a thousands comma could stand is.
pub fn two_readings(input: &str, unit: &str, whole: bool) -> Option<TwoReadings> {
    if !whole {
        return None;
    }
    let point = parse_number(input, unit).ok()?;
    let folded = fold(input.trim_matches(is_space));
    let body = strip_unit(input, &folded, unit)
        .ok()?
        .trim_matches(is_space);
    let digits = body
        .trim_start_matches(['-', '+'])
        .trim_start_matches(is_space);
    let (integer, fraction) = digits.split_once('.')?;
    let grouping = (1..=3).contains(&integer.len())
        && !integer.starts_with('0')
        && fraction.len() == 3
        && integer
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit());
    if !grouping {
        return None;
    }
    let thousands = parse_number(&folded.replacen('.', ",", 1), unit).ok()?;
    Some(TwoReadings { point, thousands })
}

/// A decimal printed the way the sheet prints it: `10,000`, `15.00`, `-1,234.5`.
/// The scale is kept, so a target typed as `75.0` shows as `75.0`.
pub struct Grouped<'a>(pub &'a Decimal);

impl fmt::Display for Grouped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self.0.to_string();
        let (sign, unsigned) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (integer, fraction) = match unsigned.split_once('.') {
            Some((i, fr)) => (i, Some(fr)),
            None => (unsigned, None),
        };
        f.write_str(sign)?;
        for (i, digit) in integer.chars().enumerate() {
            if i > 0 && (integer.len() - i) % 3 == 0 {
                f.write_str(",")?;
            }
            write!(f, "{digit}")?;
        }
        if let Some(fraction) = fraction {
            write!(f, ".{fraction}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn accepts_the_forms_clerks_type() {
        let cases = [
            ("9016", "9016"),
            ("9,016", "9016"),
            ("９，０１６", "9016"),
            ("９,０16", "9016"),
            ("180.5", "180.5"),
            ("１８０．５", "180.5"),
            ("-5", "-5"),
            ("−5", "-5"),
            ("－５", "-5"),
            ("ー５", "-5"),
            ("+5", "5"),
            ("  9,500　", "9500"),
            (".5", "0.5"),
            ("9.", "9"),
            ("1,234,567.25", "1234567.25"),
            ("0", "0"),
            ("-0", "0"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_number(input, ""), Ok(d(want)), "{input:?}");
        }
    }

    #[test]
    fn keeps_the_typed_scale() {
        assert_eq!(
            parse_number("15.00", "").map(|v| v.to_string()),
            Ok("15.00".into())
        );
        assert_eq!(
            parse_number("７５．０", "").map(|v| v.to_string()),
            Ok("75.0".into())
        );
    }

    #[test]
    fn accepts_the_goals_own_unit_in_either_width() {
        assert_eq!(parse_number("28件", "件"), Ok(d("28")));
        assert_eq!(parse_number("84.93％", "％"), Ok(d("84.93")));
        assert_eq!(parse_number("84.93%", "％"), Ok(d("84.93")));
        assert_eq!(parse_number("180.5 時間", "時間"), Ok(d("180.5")));
        assert_eq!(parse_number("９，５００件", "件"), Ok(d("9500")));
    }

    #[test]
    fn rejects_with_a_message_that_says_what_was_wrong() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let cases: [(&str, &str, &str); 16] = [
            ("", "", "empty: type a number, e.g. 9,016"),
            ("   ", "", "empty: type a number, e.g. 9,016"),
            ("abc", "", "not a number: \"abc\""),
            ("NaN", "", "not a number: \"NaN\""),
            ("9.0.1", "", "two decimal points: \"9.0.1\""),
            (
                "1e400",
                "",
                "exponent notation is not accepted; type the digits: \"1e400\"",
            ),
            ("--5", "", "more than one sign: \"--5\""),
            ("-−5", "", "more than one sign: \"-−5\""),
            ("5-", "", "the sign must come first: \"5-\""),
            (
                "90,16",
                "",
                "commas must separate groups of three digits, e.g. 9,016: \"90,16\"",
            ),
            (
                "1,0000",
                "",
                "commas must separate groups of three digits, e.g. 9,016: \"1,0000\"",
            ),
            (
                "95回",
                "件",
                "the unit 回 is not this goal's unit (件): \"95回\"",
            ),
            (
                "95件",
                "",
                "this goal has no unit, so \"件\" cannot follow the number: \"95件\"",
            ),
            ("12a", "", "\"a\" is not allowed in a number: \"12a\""),
            ("9 016", "", "\" \" is not allowed in a number: \"9 016\""),
            ("-", "", "not a number: \"-\""),
        ];
        for (input, unit, message) in cases {
            let err = parse_number(input, unit).expect_err(input);
            assert_eq!(err.to_string(), message, "{input:?}");
        }
    }

    #[test]
    fn rejects_more_digits_than_a_decimal_holds() {
        let forty = "1".repeat(40);
        assert!(matches!(
            parse_number(&forty, ""),
            Err(NumberError::TooManyDigits(_))
        ));
        let twenty_nine = "9".repeat(29);
        assert!(matches!(
            parse_number(&twenty_nine, ""),
            Err(NumberError::TooManyDigits(_))
        ));
        assert!(parse_number(&"9".repeat(28), "").is_ok());
        assert!(parse_number(&format!("0.{}", "1".repeat(28)), "").is_ok());
    }

    #[test]
    fn a_long_paste_is_quoted_short_after_the_reason() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let paste = "1".repeat(10_000);
        let err = parse_number(&paste, "件").expect_err("too long");
        assert_eq!(
            err.to_string(),
            "too many digits (at most 28): \"111111111111…111\" (10,000 characters)"
        );
        assert_eq!(Quoted("短い").to_string(), "\"短い\"");
    }

    #[test]
    fn a_point_before_three_digits_in_a_counting_unit_has_two_readings() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let both = |point: &str, thousands: &str| {
            Some(TwoReadings {
                point: d(point),
                thousands: d(thousands),
            })
        };
        assert_eq!(two_readings("9.500", "件", true), both("9.500", "9500"));
        assert_eq!(
            two_readings("１２．０００件", "件", true),
            both("12.000", "12000")
        );
        assert_eq!(two_readings(" -1.250 ", "", true), both("-1.250", "-1250"));
        assert_eq!(
            two_readings("999.999回", "回", true),
            both("999.999", "999999")
        );
        for plain in [
            "9.5", "9.50", "9.5000", "9,500", "9500", "1234.567", "0.500", ".500", "9.",
        ] {
            assert_eq!(two_readings(plain, "件", true), None, "{plain}");
        }
        assert_eq!(
            two_readings("9.500", "件", false),
            None,
            "a unit with fractions"
        );
        assert_eq!(
            two_readings("9.500回", "件", true),
            None,
            "not a value at all"
        );
        assert_eq!(
            two_readings("9.500", "件", true).map(|r| r.to_string()),
            Some("could be 9.5 or 9,500".to_string())
        );
    }

    #[test]
    fn counting_units_are_whole() {
        for unit in [
            "件", "人", "名", "回", "社", "校", "種類", "団体", "本", "箇所", " 件 ",
        ] {
            assert!(counts_whole_things(unit), "{unit}");
        }
        for unit in ["", "％", "%", "時間", "分", "km", "千円", "倍"] {
            assert!(!counts_whole_things(unit), "{unit}");
        }
    }

    #[test]
    fn groups_thousands_and_keeps_scale() {
        let cases = [
            ("10000", "10,000"),
            ("9016", "9,016"),
            ("15.00", "15.00"),
            ("-1234.5", "-1,234.5"),
            ("999", "999"),
            ("1234567", "1,234,567"),
            ("0.25", "0.25"),
        ];
        for (value, shown) in cases {
            assert_eq!(Grouped(&d(value)).to_string(), shown);
        }
    }

    #[test]
    fn grouped_output_parses_back_to_the_same_value() {
        for value in ["10000", "-1234.50", "0.001", "123456789012345678901234567"] {
            let shown = Grouped(&d(value)).to_string();
            assert_eq!(parse_number(&shown, ""), Ok(d(value)), "{shown}");
        }
    }
}
