//! What a clerk typed, read for one goal: the same rules for the CLI and the TUI.

use rust_decimal::Decimal;

use super::fold::is_space;
use super::number::{
    Grouped, NumberError, TwoReadings, counts_whole_things, parse_number, two_readings,
};
use super::plan::{FormulaKind, Goal, Value};
use crate::strings::strings;

/// Why typed text is not a value for this goal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error(transparent)]
    Number(#[from] NumberError),
    #[error("{}", strings().errors.values.entry.empty_text)]
    EmptyText,
    #[error("{}", (strings().errors.values.entry.composite)(.0))]
    Composite(String),
    #[error("{}", (strings().errors.values.entry.negative)(.0))]
    Negative(String),
    #[error("{}", (strings().errors.values.entry.no_such_part)(*.0, *.1))]
    NoSuchPart(usize, usize),
    /// A part given for a goal that is not composite.
    #[error("{}", strings().errors.values.entry.not_composite)]
    NotComposite,
    /// `9.500` in whole things: 9.5, or 9,500 with a `.` for the comma (see [`TwoReadings`]).
    #[error("{}", (strings().errors.values.entry.ambiguous)(
        .typed,
        &.readings.point.normalize(),
        &Grouped(&.readings.thousands),
        &.readings.thousands,
    ))]
    Ambiguous {
        typed: String,
        readings: TwoReadings,
    },
    /// A 小数桁 that is not a whole number: the text as typed.
    #[error("{}", (strings().errors.values.entry.not_precision)(.0))]
    NotPrecision(String),
}

impl Goal {
    /// Reads a typed 実績値: a number in the goal's unit, or, for a milestone, the text as typed.
    pub fn read_actual(&self, typed: &str) -> Result<Value, EntryError> {
        match self.formula {
            FormulaKind::Composite => {
                let labels: Vec<&str> = self.parts.iter().map(|p| p.label.as_str()).collect();
                Err(EntryError::Composite(labels.join(", ")))
            }
            FormulaKind::Milestone => {
                let text = typed.trim_matches(is_space);
                if text.is_empty() {
                    Err(EntryError::EmptyText)
                } else {
                    Ok(Value::Text(text.to_string()))
                }
            }
            _ => self.read_number(typed, &self.unit).map(Value::Number),
        }
    }

    /// Reads a typed 実績値 for part `number` (from 1) of a composite goal.
    pub fn read_part_actual(&self, number: usize, typed: &str) -> Result<Decimal, EntryError> {
        if self.parts.is_empty() {
            return Err(EntryError::NotComposite);
        }
        let part = number
            .checked_sub(1)
            .and_then(|i| self.parts.get(i))
            .ok_or(EntryError::NoSuchPart(number, self.parts.len()))?;
        self.read_number(typed, &part.unit)
    }

    /// The two readings of a typed 実績値 like `9.500` when this goal counts whole things, so a
    /// front end can ask which was meant before saving 9.5 for 9,500; `None` when the text is
    /// not ambiguous (or is not a value for this goal at all: [`Goal::read_actual`] says why).
    pub fn actual_readings(&self, typed: &str) -> Option<TwoReadings> {
        match self.formula {
            FormulaKind::Composite | FormulaKind::Milestone => None,
            _ => two_readings(typed, &self.unit, self.counts_whole_things()),
        }
    }

    /// [`Goal::actual_readings`] for part `number` (from 1) of a composite goal.
    pub fn part_actual_readings(&self, number: usize, typed: &str) -> Option<TwoReadings> {
        let part = self.parts.get(number.checked_sub(1)?)?;
        let whole =
            counts_whole_things(&part.unit) || (part.unit.is_empty() && part.target.scale() == 0);
        two_readings(typed, &part.unit, whole)
    }

    /// True when the goal's figures are counts of whole things: its unit is a counting unit
    /// (件, 人, 回, 種類 …), or it has no unit and its 基準値 and 目標値 are whole numbers (at least
    /// one of them stated) with a 達成度 printed without decimals.
    pub fn counts_whole_things(&self) -> bool {
        if counts_whole_things(&self.unit) {
            return true;
        }
        let figures = [&self.baseline, &self.target];
        let stated: Vec<Decimal> = figures.iter().filter_map(|v| v.number()).collect();
        self.unit.trim().is_empty()
            && self.precision == 0
            && !stated.is_empty()
            && stated.iter().all(|n| n.scale() == 0)
    }

    /// Reads a figure of this goal as a plan file writes it (基準値, 目標値, 実績値): by the rules of
    /// a typed actual (the goal's unit, its sign) and, as a file cannot be asked which was
    /// meant, refusing `9.500` in whole things with both readings, as `tassei set` does.
    pub fn read_figure(&self, written: &str) -> Result<Decimal, EntryError> {
        let n = self.read_number(written, &self.unit)?;
        match self.actual_readings(written) {
            Some(readings) => Err(ambiguous(written, readings)),
            None => Ok(n),
        }
    }

    /// [`Goal::read_figure`] for a figure of part `number` (from 1) of a composite goal.
    pub fn read_part_figure(&self, number: usize, written: &str) -> Result<Decimal, EntryError> {
        let n = self.read_part_actual(number, written)?;
        match self.part_actual_readings(number, written) {
            Some(readings) => Err(ambiguous(written, readings)),
            None => Ok(n),
        }
    }

    /// Reads a typed 目標値 or 基準値 as the import reads the plan file's: `none`/`なし` clears it,
    /// a milestone's is text, any other goal's a number in its unit ([`Goal::read_figure`]).
    pub fn read_definition_figure(&self, typed: &str) -> Result<Value, EntryError> {
        if clears_value(typed) {
            return Ok(Value::None);
        }
        match self.formula {
            FormulaKind::Milestone => self.read_actual(typed),
            _ => self.read_figure(typed).map(Value::Number),
        }
    }

    fn read_number(&self, typed: &str, unit: &str) -> Result<Decimal, EntryError> {
        let n = parse_number(typed, unit)?;
        if refuses_negative(self.allow_negative, &n) {
            return Err(EntryError::Negative(Grouped(&n).to_string()));
        }
        Ok(n)
    }
}

fn ambiguous(typed: &str, readings: TwoReadings) -> EntryError {
    EntryError::Ambiguous {
        typed: typed.trim_matches(is_space).to_string(),
        readings,
    }
}

/// True when `n` is below zero and the goal does not allow that.
pub fn refuses_negative(allow_negative: bool, n: &Decimal) -> bool {
    !allow_negative && n.is_sign_negative() && !n.is_zero()
}

/// Reads a typed 小数桁: a whole number, full-width digits too (how many a goal may have, the
/// goal's rules check).
pub fn read_precision(typed: &str) -> Result<u32, EntryError> {
    let digits: String = typed
        .trim_matches(is_space)
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    digits
        .parse()
        .map_err(|_| EntryError::NotPrecision(typed.to_string()))
}

/// Whether a typed value is the word that clears it: `none`, the sheet's `なし`, or `未入力`
/// (what the card calls a figure not yet reported).
pub fn clears_value(typed: &str) -> bool {
    matches!(typed.trim_matches(is_space), "none" | "なし" | "未入力")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;
    use crate::strings::{Lang, pin_thread};

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn goal(code: &str) -> Goal {
        let plan = sheet::bundled().expect("bundled sheet");
        let r = code.parse().expect("code");
        plan.goal(r).map(|(_, g)| g.clone()).expect("goal exists")
    }

    #[test]
    fn numeric_goals_read_numbers_in_their_unit() {
        let g = goal("1-ア-1");
        assert_eq!(
            g.read_actual("９，５００"),
            Ok(Value::Number(Decimal::from(9500)))
        );
        assert_eq!(
            g.read_actual("9,500件"),
            Ok(Value::Number(Decimal::from(9500)))
        );
        assert!(matches!(
            g.read_actual("95回"),
            Err(EntryError::Number(NumberError::WrongUnit { .. }))
        ));
        assert_eq!(g.read_actual("-1"), Err(EntryError::Negative("-1".into())));
        assert_eq!(
            goal("1-ウ-2").read_actual("84.93％"),
            Ok(Value::Number("84.93".parse().expect("d")))
        );
    }

    #[test]
    fn a_point_before_three_digits_reads_two_ways_in_whole_units() {
        let r = goal("1-ア-1")
            .actual_readings("9.500")
            .expect("件 counts whole things");
        assert_eq!((r.point, r.thousands), (d("9.500"), d("9500")));
        assert_eq!(goal("1-ア-1").actual_readings("9,500"), None);
        assert_eq!(goal("1-ア-1").actual_readings("9.5"), None);
        // ％ and 時間 have fractions: 84.930％ is what it says.
        assert_eq!(goal("1-ウ-2").actual_readings("84.930"), None);
        assert_eq!(goal("2-イ-7").actual_readings("180.500"), None);
        assert_eq!(goal("2-イ-8").actual_readings("1.000"), None, "a milestone");
        let composite = goal("1-オ-1");
        assert_eq!(composite.actual_readings("1.000"), None);
        let part = composite.part_actual_readings(2, "1.200名").expect("名");
        assert_eq!(part.thousands, d("1200"));
        assert_eq!(composite.part_actual_readings(3, "1.200"), None);
    }

    #[test]
    fn a_figure_in_a_file_follows_the_rules_of_a_typed_actual() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let g = goal("1-ア-1");
        assert_eq!(g.read_figure("10,000件"), Ok(d("10000")));
        assert_eq!(g.read_figure("-5"), Err(EntryError::Negative("-5".into())));
        assert_eq!(
            g.read_figure(" 9.500 ").map_err(|e| e.to_string()),
            Err("\"9.500\" could be 9.5 or 9,500; write 9500 or 9.5".to_string())
        );
        assert_eq!(goal("1-ウ-2").read_figure("84.930"), Ok(d("84.930")));
        let composite = goal("1-オ-1");
        assert_eq!(composite.read_part_figure(2, "60名"), Ok(d("60")));
        assert!(matches!(
            composite.read_part_figure(2, "1.200"),
            Err(EntryError::Ambiguous { .. })
        ));
        assert!(matches!(
            composite.read_part_figure(1, "-1"),
            Err(EntryError::Negative(_))
        ));
    }

    #[test]
    fn a_goal_without_a_unit_counts_whole_things_when_its_figures_are_whole() {
        let mut g = goal("1-ア-1");
        g.unit = String::new();
        assert!(g.counts_whole_things(), "5,527 and 10,000");
        g.target = Value::Number(d("10.5"));
        assert!(!g.counts_whole_things());
        g.target = Value::None;
        g.baseline = Value::None;
        assert!(!g.counts_whole_things(), "nothing to go by");
    }

    #[test]
    fn milestones_take_text_and_composites_refuse() {
        assert_eq!(
            goal("2-イ-8").read_actual(" 構築 "),
            Ok(Value::Text("構築".into()))
        );
        assert_eq!(goal("2-イ-8").read_actual("　"), Err(EntryError::EmptyText));
        let composite = goal("1-オ-1");
        assert_eq!(
            composite.read_actual("13"),
            Err(EntryError::Composite("開催回数, 参加者数".into()))
        );
        assert_eq!(
            composite.read_part_actual(1, "１４回"),
            Ok(Decimal::from(14))
        );
        assert_eq!(
            composite.read_part_actual(3, "1"),
            Err(EntryError::NoSuchPart(3, 2))
        );
        assert_eq!(
            composite.read_part_actual(0, "1"),
            Err(EntryError::NoSuchPart(0, 2))
        );
        assert_eq!(
            goal("1-ア-1").read_part_actual(1, "5"),
            Err(EntryError::NotComposite),
            "not 'numbered 1 to 0'"
        );
    }
}
