//! Initiative codes (`⑴-ア`) and goal references (`⑴-ア-1`), read the many ways people write them.

use std::fmt;
use std::str::FromStr;

use super::fold::{fold_char, is_space};
use crate::strings::strings;
use crate::text::control::is_invisible;

/// Parenthesised digits ⑴ (U+2474) … ⒇ (U+2487), as the sheet prints policy areas.
const PAREN_DIGITS_START: u32 = 0x2474;
const PAREN_DIGITS_COUNT: u32 = 20;

const HALF_WIDTH_KANA: &str = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
const FULL_WIDTH_KANA: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

/// An initiative's code: policy area number and a katakana letter, printed `⑴-ア`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InitiativeCode {
    pub area: u8,
    pub kana: char,
}

/// How a code is written. This is the one place codes are spelled; everything else asks for a
/// spelling, and writing one allocates nothing (a search spells 100,000 codes per scan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// `⑴-ア-1`, as the sheet prints it (`(21)` past ⒇). ⑴ is ambiguous-width.
    Sheet,
    /// `1-ア-1`: ASCII digits, as clerks type it; safe in CSV and CP932.
    Ascii,
    /// `(1)-ア-1`: ASCII parentheses, where ⑴'s ambiguous width would misalign the TUI's chrome.
    Parenthesised,
}

/// A code written in a [`Spelling`]; `Display` writes it.
#[derive(Debug, Clone, Copy)]
pub struct Spelled<T> {
    code: T,
    spelling: Spelling,
}

/// Writes a policy area number in a spelling: `⑴`, `1` or `(1)`.
fn write_area(f: &mut fmt::Formatter<'_>, area: u8, spelling: Spelling) -> fmt::Result {
    let n = u32::from(area);
    match spelling {
        Spelling::Sheet if (1..=PAREN_DIGITS_COUNT).contains(&n) => {
            match char::from_u32(PAREN_DIGITS_START + n - 1) {
                Some(c) => fmt::Write::write_char(f, c),
                None => write!(f, "({area})"),
            }
        }
        Spelling::Sheet | Spelling::Parenthesised => write!(f, "({area})"),
        Spelling::Ascii => write!(f, "{area}"),
    }
}

/// Just the policy area, spelled.
struct Area(u8, Spelling);

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_area(f, self.0, self.1)
    }
}

impl fmt::Display for Spelled<InitiativeCode> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_area(f, self.code.area, self.spelling)?;
        write!(f, "-{}", self.code.kana)
    }
}

impl fmt::Display for Spelled<GoalRef> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.code.initiative.spelled(self.spelling),
            self.code.goal
        )
    }
}

impl InitiativeCode {
    /// The code in a spelling, to write without allocating.
    pub fn spelled(self, spelling: Spelling) -> Spelled<Self> {
        Spelled {
            code: self,
            spelling,
        }
    }

    /// The policy area as the sheet prints it: `⑴`, or `(21)` past ⒇.
    pub fn area_label(area: u8) -> String {
        Area(area, Spelling::Sheet).to_string()
    }

    /// The policy area in ASCII parentheses, `(1)`: where ⑴'s ambiguous width would misalign
    /// text (the TUI's chrome).
    pub fn area_ascii(area: u8) -> String {
        Area(area, Spelling::Parenthesised).to_string()
    }

    /// `(1)-ア`: the sheet's form with the area in ASCII parentheses (see [`Self::area_ascii`]).
    pub fn parenthesised(self) -> String {
        self.spelled(Spelling::Parenthesised).to_string()
    }

    /// The code with ASCII digits, `1-ア`: safe where ⑴'s ambiguous width would misalign text.
    pub fn ascii(self) -> String {
        self.spelled(Spelling::Ascii).to_string()
    }
}

impl fmt::Display for InitiativeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.spelled(Spelling::Sheet).fmt(f)
    }
}

/// A goal of an initiative: `⑴-ア-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalRef {
    pub initiative: InitiativeCode,
    pub goal: u32,
}

impl GoalRef {
    /// The reference in a spelling, to write without allocating.
    pub fn spelled(self, spelling: Spelling) -> Spelled<Self> {
        Spelled {
            code: self,
            spelling,
        }
    }

    /// `1-ア-1`, with ASCII digits.
    pub fn ascii(self) -> String {
        self.spelled(Spelling::Ascii).to_string()
    }

    /// `(1)-ア-1`, the area in ASCII parentheses (see [`InitiativeCode::area_ascii`]).
    pub fn parenthesised(self) -> String {
        self.spelled(Spelling::Parenthesised).to_string()
    }
}

impl fmt::Display for GoalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.spelled(Spelling::Sheet).fmt(f)
    }
}

/// A code or goal reference that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("{}", (strings().errors.values.code.no_area)(.0))]
    NoArea(String),
    #[error("{}", (strings().errors.values.code.no_kana)(.0))]
    NoKana(String),
    #[error("{}", (strings().errors.values.code.no_goal)(.0))]
    NoGoal(String),
    #[error("{}", (strings().errors.values.code.trailing)(.0))]
    Trailing(String),
    #[error("{}", (strings().errors.values.code.two_separators)(.0))]
    TwoSeparators(String),
    #[error("{}", (strings().errors.values.code.invisible)(.input, *.code))]
    Invisible { input: String, code: u32 },
}

/// What may stand between the parts of a code, once (spaces around it are fine too).
const SEPARATORS: [char; 4] = ['-', '_', '・', '.'];

/// A cursor over folded characters, for the small grammar of codes.
struct Reader<'a> {
    input: &'a str,
    chars: std::iter::Peekable<std::vec::IntoIter<char>>,
}

impl<'a> Reader<'a> {
    /// Refuses a code with an invisible character in it: it would look right and read wrong.
    fn new(input: &'a str) -> Result<Self, CodeError> {
        if let Some(c) = input.chars().find(|c| is_invisible(*c)) {
            return Err(CodeError::Invisible {
                input: input.to_string(),
                code: c as u32,
            });
        }
        let folded: Vec<char> = input.trim().chars().map(fold_char).collect();
        Ok(Self {
            input,
            chars: folded.into_iter().peekable(),
        })
    }

    fn number(&mut self) -> Option<u32> {
        let mut value: Option<u32> = None;
        while let Some(d) = self.chars.peek().and_then(|c| c.to_digit(10)) {
            value = Some(value.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            self.chars.next();
        }
        value
    }

    /// `⑴`, `(1)` or `1`.
    fn area(&mut self) -> Result<u8, CodeError> {
        let err = || CodeError::NoArea(self.input.to_string());
        let n = match self.chars.peek().copied() {
            Some(c)
                if (PAREN_DIGITS_START..PAREN_DIGITS_START + PAREN_DIGITS_COUNT)
                    .contains(&(c as u32)) =>
            {
                self.chars.next();
                c as u32 - PAREN_DIGITS_START + 1
            }
            Some('(') => {
                self.chars.next();
                let n = self.number().ok_or_else(err)?;
                if self.chars.next() != Some(')') {
                    return Err(err());
                }
                n
            }
            _ => self.number().ok_or_else(err)?,
        };
        u8::try_from(n).ok().filter(|n| *n > 0).ok_or_else(err)
    }

    /// Between two parts: spaces, and at most one separator (`1-ア-1`, `1 ア 1`, `1ア1`).
    fn separator(&mut self) -> Result<(), CodeError> {
        self.spaces();
        if self.chars.next_if(|c| SEPARATORS.contains(c)).is_some() {
            self.spaces();
            if self.chars.peek().is_some_and(|c| SEPARATORS.contains(c)) {
                return Err(CodeError::TwoSeparators(self.input.to_string()));
            }
        }
        Ok(())
    }

    fn spaces(&mut self) {
        while self.chars.next_if(|c| is_space(*c)).is_some() {}
    }

    fn kana(&mut self) -> Result<char, CodeError> {
        let c = self
            .chars
            .next()
            .ok_or_else(|| CodeError::NoKana(self.input.to_string()))?;
        to_katakana(c).ok_or_else(|| CodeError::NoKana(self.input.to_string()))
    }

    fn goal_number(&mut self) -> Result<u32, CodeError> {
        if self.chars.peek() == Some(&'目') {
            self.chars.next();
            if self.chars.next() != Some('標') {
                return Err(CodeError::NoGoal(self.input.to_string()));
            }
        }
        self.number()
            .ok_or_else(|| CodeError::NoGoal(self.input.to_string()))
    }

    fn finish(&mut self) -> Result<(), CodeError> {
        match self.chars.peek() {
            None => Ok(()),
            Some(_) => Err(CodeError::Trailing(self.input.to_string())),
        }
    }
}

/// A policy area as typed alone: `1`, `⑴`, `(1)`, `（１）`.
pub fn parse_area(s: &str) -> Result<u8, CodeError> {
    let mut r = Reader::new(s)?;
    let area = r.area()?;
    r.finish()?;
    Ok(area)
}

/// The letter after `last` in the sheet's order (アイウエオカ…), or ア after none: the code a
/// new initiative takes in its policy area. `None` past ン.
pub fn next_kana(last: Option<char>) -> Option<char> {
    match last {
        None => FULL_WIDTH_KANA.chars().next(),
        Some(k) => FULL_WIDTH_KANA.chars().skip_while(|c| *c != k).nth(1),
    }
}

/// A katakana letter from katakana, hiragana or half-width katakana.
fn to_katakana(c: char) -> Option<char> {
    match c {
        'ァ'..='ヺ' => Some(c),
        'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60),
        _ => HALF_WIDTH_KANA
            .chars()
            .position(|h| h == c)
            .and_then(|i| FULL_WIDTH_KANA.chars().nth(i)),
    }
}

impl FromStr for InitiativeCode {
    type Err = CodeError;

    /// Reads `⑴-ア`, `(1)-ア`, `1-ア`, `1ア`, `（１）－ア`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut r = Reader::new(s)?;
        let area = r.area()?;
        r.separator()?;
        let kana = r.kana()?;
        r.finish()?;
        Ok(Self { area, kana })
    }
}

impl FromStr for GoalRef {
    type Err = CodeError;

    /// Reads `1-ア-1`, `⑴-ア-1`, `(1)-ア-1`, `2イ7`, and the sheet's own `⑴‐ア‐目標１`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut r = Reader::new(s)?;
        let area = r.area()?;
        r.separator()?;
        let kana = r.kana()?;
        r.separator()?;
        let goal = r.goal_number()?;
        r.finish()?;
        Ok(Self {
            initiative: InitiativeCode { area, kana },
            goal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn goal(area: u8, kana: char, goal: u32) -> GoalRef {
        GoalRef {
            initiative: InitiativeCode { area, kana },
            goal,
        }
    }

    #[test]
    fn reads_every_way_a_goal_is_written() {
        let want = goal(1, 'ア', 1);
        for text in [
            "1-ア-1",
            "⑴-ア-1",
            "(1)-ア-1",
            "（１）－ア－１",
            "1ア1",
            "⑴‐ア‐目標１",
            "1-あ-1",
            "1-ｱ-1",
            " 1 ア 1 ",
        ] {
            assert_eq!(text.parse::<GoalRef>(), Ok(want), "{text:?}");
        }
        assert_eq!("2イ7".parse::<GoalRef>(), Ok(goal(2, 'イ', 7)));
        assert_eq!("3-エ-12".parse::<GoalRef>(), Ok(goal(3, 'エ', 12)));
    }

    #[test]
    fn prints_the_sheets_form_and_an_ascii_form() {
        assert_eq!(goal(1, 'ア', 1).to_string(), "⑴-ア-1");
        assert_eq!(goal(2, 'イ', 7).ascii(), "2-イ-7");
        assert_eq!(goal(2, 'イ', 7).parenthesised(), "(2)-イ-7");
        assert_eq!(goal(21, 'ア', 10).parenthesised(), "(21)-ア-10");
        assert_eq!(InitiativeCode::area_ascii(3), "(3)");
        assert_eq!(InitiativeCode::area_label(20), "⒇");
        assert_eq!(InitiativeCode::area_label(21), "(21)");
    }

    #[test]
    fn display_parses_back() {
        for area in [1u8, 3, 20, 21, 99] {
            let g = goal(area, 'ウ', 4);
            assert_eq!(g.to_string().parse::<GoalRef>(), Ok(g));
            assert_eq!(
                g.initiative.to_string().parse::<InitiativeCode>(),
                Ok(g.initiative)
            );
        }
    }

    #[test]
    fn an_invisible_character_anywhere_is_named() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        for (text, code) in [
            ("1-ア\u{200b}-1", 0x200B),
            ("\u{202e}1-ア-1", 0x202E),
            ("1-ア-1\u{200d}", 0x200D),
            ("\u{feff}1-ア-1", 0xFEFF),
            ("⑴\u{2066}-ア", 0x2066),
        ] {
            let err = text.parse::<GoalRef>().expect_err(text);
            assert_eq!(
                err,
                CodeError::Invisible {
                    input: text.into(),
                    code
                },
                "{text:?}"
            );
            assert!(
                err.to_string()
                    .contains(&format!("invisible character U+{code:04X}"))
            );
        }
        assert!(matches!(
            "1-\u{200b}ア".parse::<InitiativeCode>(),
            Err(CodeError::Invisible { code: 0x200B, .. })
        ));
    }

    #[test]
    fn says_which_part_is_missing() {
        assert!(matches!(
            "ア-1".parse::<GoalRef>(),
            Err(CodeError::NoArea(_))
        ));
        assert!(matches!(
            "0-ア-1".parse::<GoalRef>(),
            Err(CodeError::NoArea(_))
        ));
        assert!(matches!(
            "1-1".parse::<GoalRef>(),
            Err(CodeError::NoKana(_))
        ));
        assert!(matches!(
            "1-A-1".parse::<GoalRef>(),
            Err(CodeError::NoKana(_))
        ));
        assert!(matches!(
            "1-ア".parse::<GoalRef>(),
            Err(CodeError::NoGoal(_))
        ));
        assert!(matches!(
            "1-ア-1x".parse::<GoalRef>(),
            Err(CodeError::Trailing(_))
        ));
        assert!(matches!("".parse::<GoalRef>(), Err(CodeError::NoArea(_))));
        for doubled in ["1--ア-1", "1-ア--1", "1-・ア-1", "1..ア.1", "1 - - ア-1"] {
            assert_eq!(
                doubled.parse::<GoalRef>(),
                Err(CodeError::TwoSeparators(doubled.into())),
                "{doubled:?}"
            );
        }
        assert!(matches!(
            "1--ア".parse::<InitiativeCode>(),
            Err(CodeError::TwoSeparators(_))
        ));
        assert_eq!("1 - ア - 1".parse::<GoalRef>(), Ok(goal(1, 'ア', 1)));
        assert!(matches!(
            "99999999999-ア-1".parse::<GoalRef>(),
            Err(CodeError::NoArea(_))
        ));
    }
}
