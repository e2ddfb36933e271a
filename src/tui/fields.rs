//! The fields of a goal card a clerk can edit, in the order the card shows them.

use crate::model::{CalendarDate, FormulaKind, Goal, NoteField};

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
}

/// The fields of `goal`, top to bottom in the order the card draws them, so `j`/`k` walk them
/// the way the eye does (a milestone's 実績値 text is drawn above its 達成状況).
pub fn fields(goal: &Goal) -> Vec<Field> {
    let mut out = match goal.formula {
        FormulaKind::Composite => (0..goal.parts.len()).map(Field::Part).collect(),
        FormulaKind::Milestone => vec![Field::Actual, Field::Milestone],
        _ => vec![Field::Actual],
    };
    out.push(Field::Evaluation);
    out.extend((0..goal.activities.len()).map(Field::Activity));
    out
}

/// The field Enter edits from the tree: the one that grades the goal — a milestone's 達成状況,
/// a composite's first part, otherwise 実績値.
pub fn primary(goal: &Goal) -> Field {
    match goal.formula {
        FormulaKind::Milestone => Field::Milestone,
        _ => fields(goal).first().copied().unwrap_or(Field::Evaluation),
    }
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
                Field::Actual,
                Field::Evaluation,
                Field::Activity(0),
                Field::Activity(1)
            ]
        );
        assert_eq!(
            fields(goal("1-オ-1"))[..2],
            [Field::Part(0), Field::Part(1)]
        );
        assert_eq!(primary(goal("2-イ-1")), Field::Milestone);
        assert_eq!(
            fields(goal("2-イ-3"))[..2],
            [Field::Actual, Field::Milestone],
            "the card draws 実績値 above 達成状況"
        );
        assert_eq!(
            fields(goal("2-イ-6")),
            [Field::Actual, Field::Evaluation],
            "shared activities are edited at ⑴-ア-1"
        );
    }
}
