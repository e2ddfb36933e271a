//! The fields of a goal card a clerk can edit, in the order the card shows them.

use crate::model::{CalendarDate, FieldKey, FormulaKind, Goal, NoteField};

/// An editable field of the selected goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 実績値 (a number; text for a milestone).
    Actual,
    /// 達成 / 未達成 / 評価なし of a milestone goal.
    Milestone,
    /// 実績値 of part N (from 0) of a composite goal.
    Part(usize),
    /// 評価内容.
    Evaluation,
    /// Status of the goal's own activity N (from 0). Shared activities are edited at their goal.
    Activity(usize),
    /// A field of the goal's note from the meeting on that date (review mode).
    Note(NoteField, CalendarDate),
    /// 目標名, drawn at the top of the card.
    Title,
    /// 基準値.
    Baseline,
    /// 目標値.
    Target,
    /// 単位, drawn under the figures (a composite's parts carry their own).
    Unit,
    /// 小数桁, edited on the 達成度 line it decides.
    Precision,
    /// 積算方法 (several lines).
    CalcMethod,
    /// The note under the title (※参考 …), when the goal has one.
    GoalNote,
    /// 実施内容 of the goal's own activity N (from 0).
    ActivityContent(usize),
    /// 時期 of the goal's own activity N (from 0), as written.
    ActivityPeriod(usize),
    /// 担当係 of the goal's own activity N (from 0).
    ActivitySections(usize),
    /// 算式: the formula and its direction, a choice (not a composite's: its parts decide).
    Formula,
    /// The label of part N (from 0) of a composite goal.
    PartLabel(usize),
    /// 目標値 of part N (from 0).
    PartTarget(usize),
    /// 単位 of part N (from 0).
    PartUnit(usize),
}

impl Field {
    /// The own activity (from 0) a line of the card belongs to: its 実施内容, 状況, 時期 or 担当係.
    pub fn activity(self) -> Option<usize> {
        match self {
            Field::Activity(n)
            | Field::ActivityContent(n)
            | Field::ActivityPeriod(n)
            | Field::ActivitySections(n) => Some(n),
            _ => None,
        }
    }

    /// The stored field of a field of the goal's definition (the ones the sheet labels
    /// itself); `None` for the fields with words of their own.
    pub fn key(self) -> Option<FieldKey> {
        match self {
            Field::Title => Some(FieldKey::Title),
            Field::Baseline => Some(FieldKey::Baseline),
            Field::Target => Some(FieldKey::Target),
            Field::Unit => Some(FieldKey::Unit),
            Field::Precision => Some(FieldKey::Precision),
            Field::CalcMethod => Some(FieldKey::CalcMethod),
            Field::GoalNote => Some(FieldKey::GoalNote),
            Field::Formula => Some(FieldKey::Formula),
            Field::PartLabel(_) => Some(FieldKey::PartLabel),
            Field::PartTarget(_) => Some(FieldKey::PartTarget),
            Field::PartUnit(_) => Some(FieldKey::PartUnit),
            Field::ActivityContent(_) => Some(FieldKey::ActivityContent),
            Field::ActivityPeriod(_) => Some(FieldKey::ActivityPeriod),
            Field::ActivitySections(_) => Some(FieldKey::ActivitySections),
            _ => None,
        }
    }
}

/// The fields of `goal`, top to bottom in the order the card draws them, so `j`/`k` walk them
/// the way the eye does (a milestone's 実績値 text is drawn above its 達成状況).
pub fn fields(goal: &Goal) -> Vec<Field> {
    let mut out = vec![Field::Title];
    if !goal.note.is_empty() {
        out.push(Field::GoalNote);
    }
    match goal.formula {
        // Each part as the card draws it: its label, 目標値, 実績値, 単位.
        FormulaKind::Composite => out.extend((0..goal.parts.len()).flat_map(|i| {
            [
                Field::PartLabel(i),
                Field::PartTarget(i),
                Field::Part(i),
                Field::PartUnit(i),
            ]
        })),
        FormulaKind::Milestone => out.extend([
            Field::Baseline,
            Field::Target,
            Field::Actual,
            Field::Milestone,
            Field::Unit,
        ]),
        _ => out.extend([Field::Baseline, Field::Target, Field::Actual, Field::Unit]),
    }
    out.push(Field::Precision);
    if goal.formula != FormulaKind::Composite {
        out.push(Field::Formula);
    }
    out.extend([Field::CalcMethod, Field::Evaluation]);
    // Each activity as the card draws it: 実施内容, 状況, 時期, 担当係.
    out.extend((0..goal.activities.len()).flat_map(|i| {
        [
            Field::ActivityContent(i),
            Field::Activity(i),
            Field::ActivityPeriod(i),
            Field::ActivitySections(i),
        ]
    }));
    out
}

/// The field Enter edits from the tree: the one that grades the goal — a milestone's 達成状況,
/// a composite's first part, otherwise 実績値.
pub fn primary(goal: &Goal) -> Field {
    match goal.formula {
        FormulaKind::Milestone => Field::Milestone,
        FormulaKind::Composite if !goal.parts.is_empty() => Field::Part(0),
        FormulaKind::Composite => Field::Evaluation,
        _ => Field::Actual,
    }
}

/// Where the card's selection starts on `goal`: at its [`primary`] field, so the card opens
/// on the figure a clerk enters most, with the goal's definition a `k` above it.
pub fn home(goal: &Goal) -> usize {
    let main = primary(goal);
    fields(goal).iter().position(|f| *f == main).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    #[test]
    fn fields_follow_the_formula() {
        let plan = sheet::bundled().expect("bundled");
        let goal = |code: &str| plan.goal(code.parse().expect("code")).expect("goal").1;
        let ratio = goal("1-ア-1");
        assert_eq!(
            fields(ratio),
            [
                Field::Title,
                Field::Baseline,
                Field::Target,
                Field::Actual,
                Field::Unit,
                Field::Precision,
                Field::Formula,
                Field::CalcMethod,
                Field::Evaluation,
                Field::ActivityContent(0),
                Field::Activity(0),
                Field::ActivityPeriod(0),
                Field::ActivitySections(0),
                Field::ActivityContent(1),
                Field::Activity(1),
                Field::ActivityPeriod(1),
                Field::ActivitySections(1),
            ]
        );
        assert_eq!(
            fields(goal("1-ウ-1"))[..2],
            [Field::Title, Field::GoalNote],
            "the note under the title"
        );
        assert_eq!(fields(ratio)[home(ratio)], Field::Actual);
        let composite = goal("1-オ-1");
        assert_eq!(
            fields(composite)[..6],
            [
                Field::Title,
                Field::PartLabel(0),
                Field::PartTarget(0),
                Field::Part(0),
                Field::PartUnit(0),
                Field::PartLabel(1)
            ]
        );
        assert_eq!(fields(composite)[home(composite)], Field::Part(0));
        assert_eq!(primary(goal("2-イ-1")), Field::Milestone);
        assert_eq!(
            fields(goal("2-イ-3"))[3..5],
            [Field::Actual, Field::Milestone],
            "the card draws 実績値 above 達成状況"
        );
        assert_eq!(
            fields(goal("2-イ-6"))[3..],
            [
                Field::Actual,
                Field::Unit,
                Field::Precision,
                Field::Formula,
                Field::CalcMethod,
                Field::Evaluation
            ],
            "shared activities are edited at ⑴-ア-1"
        );
    }
}
