//! Edits to what a goal, part or activity *is* rather than what was achieved: a goal's formula
//! and direction, a part's label, unit and target, an activity's 実施内容, 時期 and 担当係. Their
//! rules are the import's, so a plan edited here can be written out and read back.

use super::{Edit, Owner, Refusal};
use crate::model::Grouped;
use crate::model::period::PeriodError;
use crate::model::{
    Direction, FieldKey, FiscalYear, FormulaKind, Goal, MilestoneState, Period, Plan, Value,
    refuses_negative,
};
use crate::strings::strings;

/// The rules of the edits this module owns (the others pass): what may not be empty, a
/// formula's direction and kind, a part's target.
pub(super) fn check(edit: &Edit, owner: &Owner) -> Result<(), Refusal> {
    let subject = || owner.subject.clone();
    let empty = |label: &'static str| Refusal::Empty {
        subject: subject(),
        label,
    };
    match edit {
        Edit::PartText {
            field: FieldKey::PartLabel,
            text,
            ..
        }
        | Edit::ActivityText {
            field: FieldKey::ActivityContent,
            text,
            ..
        } if text.trim().is_empty() => Err(empty(edit.field_ref().key().label_ja())),
        Edit::ActivitySections { sections, .. } if sections.iter().any(|s| s.trim().is_empty()) => {
            Err(empty(FieldKey::ActivitySections.label_ja()))
        }
        Edit::ActivitySections { sections, .. } => sections
            .iter()
            .find_map(|s| super::refused_character(s))
            .map_or(Ok(()), |(ch, _)| {
                Err(Refusal::ControlCharacter {
                    subject: subject(),
                    code: ch as u32,
                })
            }),
        Edit::Formula {
            formula, direction, ..
        } => {
            let composite = FormulaKind::Composite;
            if (owner.formula == composite) != (*formula == composite) {
                return Err(Refusal::CompositeFormula {
                    subject: subject(),
                    from: owner.formula,
                    to: *formula,
                });
            }
            if !direction_fits(*formula, *direction) {
                return Err(Refusal::Direction {
                    subject: subject(),
                    formula: *formula,
                    direction: *direction,
                });
            }
            Ok(())
        }
        Edit::PartTarget { target, .. } if refuses_negative(owner.allow_negative, target) => {
            Err(Refusal::Negative {
                subject: subject(),
                value: crate::model::Grouped(target).to_string(),
            })
        }
        Edit::PartTarget { target, .. } if target.is_zero() => {
            Err(Refusal::ZeroTarget { subject: subject() })
        }
        _ => Ok(()),
    }
}

/// Whether a formula takes a direction, as the import has it: a ratio and a composite are
/// "higher is better", lower_is_better "lower"; from_baseline and a milestone take either.
pub fn direction_fits(formula: FormulaKind, direction: Direction) -> bool {
    match formula {
        FormulaKind::Ratio | FormulaKind::Composite => direction == Direction::Higher,
        FormulaKind::LowerIsBetter => direction == Direction::Lower,
        FormulaKind::FromBaseline | FormulaKind::Milestone => true,
    }
}

/// The direction a goal takes when its formula becomes `formula`: the one the formula
/// requires, else the one it had.
pub fn direction_for(formula: FormulaKind, current: Direction) -> Direction {
    match formula {
        FormulaKind::Ratio | FormulaKind::Composite => Direction::Higher,
        FormulaKind::LowerIsBetter => Direction::Lower,
        FormulaKind::FromBaseline | FormulaKind::Milestone => current,
    }
}

/// The edit that makes `goal`'s formula and direction these: a milestone keeps its state; a
/// goal that becomes one starts 評価なし (ー) until a clerk judges it (the plan file needs a
/// state), and one that stops being one drops its state.
pub fn formula_change(goal: &Goal, formula: FormulaKind, direction: Direction) -> Edit {
    let milestone = match (formula, goal.formula) {
        (FormulaKind::Milestone, FormulaKind::Milestone) => goal.milestone,
        (FormulaKind::Milestone, _) => Some(MilestoneState::NotGraded),
        _ => None,
    };
    Edit::Formula {
        goal: goal.id,
        formula,
        direction,
        milestone,
    }
}

/// The formulas a goal that is not composite may take, with their directions, as a clerk
/// chooses among them (from_baseline either way).
pub const CHOICES: [(FormulaKind, Direction); 5] = [
    (FormulaKind::Ratio, Direction::Higher),
    (FormulaKind::LowerIsBetter, Direction::Lower),
    (FormulaKind::FromBaseline, Direction::Higher),
    (FormulaKind::FromBaseline, Direction::Lower),
    (FormulaKind::Milestone, Direction::Higher),
];

/// A formula and direction as the card's choice names it (`比率: 実績値 / 目標値`); the plan
/// file's words for a pair the choice does not list (a composite's).
pub fn formula_label(formula: FormulaKind, direction: Direction) -> &'static str {
    CHOICES
        .iter()
        .position(|c| *c == (formula, direction))
        .and_then(|i| strings().report.formulas.get(i).copied())
        .unwrap_or(formula.word())
}

/// Whether a goal's figures as they stand can be graded by `formula`; why not, in words. A
/// milestone's figures are words (or none); every other formula's are numbers, and each
/// formula needs the figures it divides by: a ratio a 目標値 other than 0, from_baseline a
/// 基準値 and a 目標値 that differ, lower_is_better a 目標値. Where there is a 基準値, the
/// 目標値 lies on the side the direction says is better (a 目標値 above the 基準値 cannot be
/// "lower is better": the grade would reward the figure for rising).
pub fn figures_fit(
    formula: FormulaKind,
    direction: Direction,
    baseline: &Value,
    target: &Value,
    actual: &Value,
) -> Result<(), String> {
    use crate::model::Figure;
    let figures = [
        (Figure::Baseline, baseline),
        (Figure::Target, target),
        (Figure::Actual, actual),
    ];
    let calc = &strings().errors.calculation;
    if formula == FormulaKind::Milestone {
        return match figures.iter().find(|(_, v)| matches!(v, Value::Number(_))) {
            Some((figure, value)) => Err((strings().errors.edit.milestone_number)(
                figure.label_ja(),
                value,
            )),
            None => Ok(()),
        };
    }
    if formula == FormulaKind::Composite {
        return Ok(()); // graded by its parts
    }
    if let Some((figure, Value::Text(text))) =
        figures.iter().find(|(_, v)| matches!(v, Value::Text(_)))
    {
        return Err((calc.text)(figure.label_ja(), text));
    }
    let Some(target) = target.number() else {
        return Err(calc.missing_target.to_string());
    };
    match formula {
        FormulaKind::Ratio if target.is_zero() => Err(calc.zero_target.to_string()),
        FormulaKind::FromBaseline if baseline.number().is_none() => {
            Err(calc.missing_baseline.to_string())
        }
        FormulaKind::FromBaseline if baseline.number() == Some(target) => {
            Err(calc.target_equals_baseline.to_string())
        }
        FormulaKind::FromBaseline | FormulaKind::LowerIsBetter => match baseline.number() {
            Some(b) if (direction == Direction::Lower) != (target < b) => {
                Err((strings().errors.edit.target_against_direction)(
                    &Grouped(&target),
                    &Grouped(&b),
                    direction == Direction::Lower,
                ))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// A 時期 as a clerk typed it, read in the plan's fiscal year: refused when it names a date
/// that cannot be (平成31年5月, R5.2.30), kept (and counted as unreadable) when it is in no form
/// tassei reads — the clerk's text is never lost.
pub fn read_period(text: &str, year: FiscalYear) -> Result<Period, PeriodError> {
    let period = Period::parse(text, year);
    match period.problem() {
        Some(PeriodError::Unrecognised) | None => Ok(period),
        Some(impossible) => Err(impossible),
    }
}

/// 担当係 as typed, in every front end and the workbook: sections separated by `、` `,` `，`
/// or a line break, spaces around each trimmed. Never `・`: it is inside names (子育て・健康係).
pub fn read_sections(typed: &str) -> Vec<String> {
    typed
        .split(['、', ',', '，', '\n'])
        .map(|s| s.trim_matches(crate::model::fold::is_space).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// [`Edit::apply_to`] for the edits this module owns.
pub(super) fn apply_to(edit: &Edit, plan: &mut Plan) -> bool {
    let year = plan.fiscal_year;
    let mut goals = plan.initiatives.iter_mut().flat_map(|i| i.goals.iter_mut());
    match edit {
        Edit::Formula {
            goal,
            formula,
            direction,
            milestone,
        } => goals
            .find(|g| g.id == *goal)
            .map(|g| {
                g.formula = *formula;
                g.direction = *direction;
                g.milestone = *milestone;
            })
            .is_some(),
        Edit::PartText { part, field, text } => goals
            .flat_map(|g| g.parts.iter_mut())
            .find(|p| p.id == *part)
            .map(|p| match field {
                FieldKey::PartUnit => p.unit = text.clone(),
                _ => p.label = text.clone(),
            })
            .is_some(),
        Edit::PartTarget { part, target } => goals
            .flat_map(|g| g.parts.iter_mut())
            .find(|p| p.id == *part)
            .map(|p| p.target = *target)
            .is_some(),
        Edit::ActivityText {
            activity,
            field,
            text,
        } => goals
            .flat_map(|g| g.activities.iter_mut())
            .find(|a| a.id == *activity)
            .map(|a| match field {
                FieldKey::ActivityPeriod => a.period = Period::parse(text, year),
                _ => a.content = text.clone(),
            })
            .is_some(),
        Edit::ActivitySections { activity, sections } => goals
            .flat_map(|g| g.activities.iter_mut())
            .find(|a| a.id == *activity)
            .map(|a| a.sections = sections.clone())
            .is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, GoalId};
    use crate::strings::{Lang, pin_thread};

    fn owner(formula: FormulaKind) -> Owner {
        Owner {
            subject: "⑴-ア-1".into(),
            formula,
            allow_negative: false,
            parts: String::new(),
        }
    }

    fn n(s: &str) -> Value {
        Value::Number(s.parse().expect("decimal"))
    }

    #[test]
    fn a_formula_keeps_to_its_kind_and_direction() {
        let _lang = pin_thread(Lang::En);
        let edit = |formula, direction| Edit::Formula {
            goal: GoalId(1),
            formula,
            direction,
            milestone: None,
        };
        let ratio = owner(FormulaKind::Ratio);
        assert!(check(&edit(FormulaKind::Milestone, Direction::Higher), &ratio).is_ok());
        let to_composite = check(&edit(FormulaKind::Composite, Direction::Higher), &ratio);
        assert!(
            matches!(to_composite, Err(Refusal::CompositeFormula { .. })),
            "{to_composite:?}"
        );
        let from_composite = check(
            &edit(FormulaKind::Ratio, Direction::Higher),
            &owner(FormulaKind::Composite),
        );
        assert!(matches!(
            from_composite,
            Err(Refusal::CompositeFormula { .. })
        ));
        let lower_ratio = check(&edit(FormulaKind::Ratio, Direction::Lower), &ratio)
            .expect_err("a ratio is higher-is-better");
        assert!(
            lower_ratio.to_string().starts_with("⑴-ア-1: "),
            "{lower_ratio}"
        );
        assert_eq!(
            direction_for(FormulaKind::LowerIsBetter, Direction::Higher),
            Direction::Lower
        );
        assert_eq!(
            direction_for(FormulaKind::FromBaseline, Direction::Lower),
            Direction::Lower
        );
    }

    fn dir(formula: FormulaKind) -> Direction {
        direction_for(formula, Direction::Higher)
    }

    #[test]
    fn a_target_lies_on_the_side_its_direction_calls_better() {
        let _lang = pin_thread(Lang::En);
        let (baseline, up, down) = (n("80.86"), n("85"), n("75"));
        let none = Value::None;
        // ⑴-ウ-2's figures (the 目標値 above the 基準値) cannot be lower-is-better.
        let why = figures_fit(
            FormulaKind::LowerIsBetter,
            Direction::Lower,
            &baseline,
            &up,
            &none,
        )
        .expect_err("a rising target");
        assert!(why.contains("not below") && why.contains("80.86"), "{why}");
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                Direction::Lower,
                &baseline,
                &up,
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                Direction::Higher,
                &baseline,
                &down,
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                Direction::Higher,
                &baseline,
                &up,
                &none
            )
            .is_ok()
        );
        assert!(
            figures_fit(
                FormulaKind::LowerIsBetter,
                Direction::Lower,
                &baseline,
                &down,
                &none
            )
            .is_ok()
        );
        // Without a 基準値 lower-is-better divides the 目標値 by the 実績値: no side to check.
        assert!(
            figures_fit(
                FormulaKind::LowerIsBetter,
                Direction::Lower,
                &none,
                &up,
                &none
            )
            .is_ok()
        );
    }

    #[test]
    fn figures_must_fit_the_formula_as_the_import_has_them() {
        let _lang = pin_thread(Lang::En);
        let text = Value::Text("未導入".into());
        let none = Value::None;
        assert!(
            figures_fit(
                FormulaKind::Milestone,
                dir(FormulaKind::Milestone),
                &none,
                &text,
                &none
            )
            .is_ok()
        );
        let why = figures_fit(
            FormulaKind::Milestone,
            dir(FormulaKind::Milestone),
            &n("5527"),
            &text,
            &none,
        )
        .expect_err("a number");
        assert!(why.contains("基準値") && why.contains("5,527"), "{why}");
        assert!(
            figures_fit(
                FormulaKind::Ratio,
                dir(FormulaKind::Ratio),
                &none,
                &n("10000"),
                &n("9016")
            )
            .is_ok()
        );
        assert!(
            figures_fit(
                FormulaKind::Ratio,
                dir(FormulaKind::Ratio),
                &none,
                &n("0"),
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::Ratio,
                dir(FormulaKind::Ratio),
                &none,
                &text,
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::Ratio,
                dir(FormulaKind::Ratio),
                &none,
                &none,
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                dir(FormulaKind::FromBaseline),
                &n("5"),
                &n("5"),
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                dir(FormulaKind::FromBaseline),
                &none,
                &n("5"),
                &none
            )
            .is_err()
        );
        assert!(
            figures_fit(
                FormulaKind::FromBaseline,
                dir(FormulaKind::FromBaseline),
                &n("4"),
                &n("5"),
                &none
            )
            .is_ok()
        );
        assert!(
            figures_fit(
                FormulaKind::LowerIsBetter,
                dir(FormulaKind::LowerIsBetter),
                &none,
                &n("5"),
                &none
            )
            .is_ok()
        );
    }

    #[test]
    fn an_impossible_period_is_refused_and_an_unreadable_one_kept() {
        let year = FiscalYear(2023);
        let refused = read_period("平成31年5月", year).expect_err("平成 ended in April 2019");
        assert!(matches!(refused, PeriodError::AfterEra(..)), "{refused:?}");
        let kept = read_period("年度内のどこかで", year).expect("kept");
        assert!(kept.is_unparsed());
        let read = read_period("R５.７～Ｒ６．２", year).expect("read");
        assert!(read.is_parsed());
        assert!(read_period("", year).is_ok());
    }

    #[test]
    fn sections_are_split_on_the_separators_clerks_type() {
        assert_eq!(read_sections("市民係、総務係"), ["市民係", "総務係"]);
        assert_eq!(read_sections("市民係, 総務係"), ["市民係", "総務係"]);
        assert_eq!(
            read_sections("　市民係，総務係\n会計係 "),
            ["市民係", "総務係", "会計係"]
        );
        assert_eq!(
            read_sections("子育て・健康係、市民係"),
            ["子育て・健康係", "市民係"],
            "・ is inside a name"
        );
        assert!(read_sections("").is_empty());
    }

    #[test]
    fn an_activity_needs_content_and_each_section_a_name() {
        let _lang = pin_thread(Lang::En);
        let ratio = owner(FormulaKind::Ratio);
        let content = Edit::ActivityText {
            activity: ActivityId(1),
            field: FieldKey::ActivityContent,
            text: " ".into(),
        };
        let refused = check(&content, &ratio).expect_err("empty");
        assert_eq!(
            refused.to_string(),
            "⑴-ア-1: the 実施内容 must not be empty"
        );
        let period = Edit::ActivityText {
            activity: ActivityId(1),
            field: FieldKey::ActivityPeriod,
            text: String::new(),
        };
        assert!(check(&period, &ratio).is_ok(), "no 時期 is allowed");
    }
}
