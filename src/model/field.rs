//! The sheet's editable fields, named once for every layer: the store writes and logs them, the
//! report describes their changes, the TUI draws and edits them. Their stored words (`actual`,
//! `note_due` …) live only in the store's codec.

use super::{ActivityId, CalendarDate, GoalId, NoteField, PartId};

/// What kind of field: the same for every goal, part or activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    /// 実績値 of a goal (a number, or text for a milestone).
    Actual,
    /// A milestone goal's 達成状況.
    Milestone,
    /// 評価内容.
    Evaluation,
    /// 実績値 of one part of a composite goal.
    PartActual,
    /// An activity's 状況.
    ActivityStatus,
    /// A field of a goal's meeting note.
    Note(NoteField),
    /// 目標値 of a goal (a number, or text for a milestone).
    Target,
    /// 基準値 of a goal.
    Baseline,
    /// A goal's title (目標名).
    Title,
    /// A goal's unit (単位).
    Unit,
    /// A goal's 積算方法.
    CalcMethod,
    /// How many decimals a goal's 達成度 is shown with (小数桁).
    Precision,
}

/// The kind of row a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Goal,
    Part,
    Activity,
}

impl FieldKey {
    /// Every field, in the order a card draws a goal's fields.
    pub const ALL: [FieldKey; 15] = [
        FieldKey::Actual,
        FieldKey::Milestone,
        FieldKey::PartActual,
        FieldKey::Evaluation,
        FieldKey::ActivityStatus,
        FieldKey::Note(NoteField::Decision),
        FieldKey::Note(NoteField::FollowUp),
        FieldKey::Note(NoteField::Owner),
        FieldKey::Note(NoteField::Due),
        FieldKey::Target,
        FieldKey::Baseline,
        FieldKey::Title,
        FieldKey::Unit,
        FieldKey::CalcMethod,
        FieldKey::Precision,
    ];

    /// The row the field lives on.
    pub fn entity(self) -> EntityKind {
        match self {
            FieldKey::Actual
            | FieldKey::Milestone
            | FieldKey::Evaluation
            | FieldKey::Note(_)
            | FieldKey::Target
            | FieldKey::Baseline
            | FieldKey::Title
            | FieldKey::Unit
            | FieldKey::CalcMethod
            | FieldKey::Precision => EntityKind::Goal,
            FieldKey::PartActual => EntityKind::Part,
            FieldKey::ActivityStatus => EntityKind::Activity,
        }
    }

    /// The label the sheet prints for it.
    pub fn label_ja(self) -> &'static str {
        match self {
            FieldKey::Actual | FieldKey::PartActual => "実績値",
            FieldKey::Milestone => "達成状況",
            FieldKey::Evaluation => "評価内容",
            FieldKey::ActivityStatus => "状況",
            FieldKey::Note(field) => field.label_ja(),
            FieldKey::Target => "目標値",
            FieldKey::Baseline => "基準値",
            FieldKey::Title => "目標名",
            FieldKey::Unit => "単位",
            FieldKey::CalcMethod => "積算方法",
            FieldKey::Precision => "小数桁",
        }
    }
}

/// One editable field of one row: what an edit changes, and what the change log is asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldRef {
    /// 実績値 of a goal.
    Actual(GoalId),
    /// A milestone goal's 達成状況.
    Milestone(GoalId),
    /// 評価内容.
    Evaluation(GoalId),
    /// 実績値 of one part of a composite goal.
    PartActual(PartId),
    /// An activity's status.
    ActivityStatus(ActivityId),
    /// A field of the goal's note from the meeting on `date`.
    Note {
        goal: GoalId,
        date: CalendarDate,
        field: NoteField,
    },
    /// 目標値 of a goal.
    Target(GoalId),
    /// 基準値 of a goal.
    Baseline(GoalId),
    /// A goal's title, unit or 積算方法 (the [`FieldKey`] says which).
    GoalText(GoalId, FieldKey),
    /// A goal's 小数桁.
    Precision(GoalId),
}

impl FieldRef {
    /// The kind of field.
    pub fn key(self) -> FieldKey {
        match self {
            FieldRef::Actual(_) => FieldKey::Actual,
            FieldRef::Milestone(_) => FieldKey::Milestone,
            FieldRef::Evaluation(_) => FieldKey::Evaluation,
            FieldRef::PartActual(_) => FieldKey::PartActual,
            FieldRef::ActivityStatus(_) => FieldKey::ActivityStatus,
            FieldRef::Note { field, .. } => FieldKey::Note(field),
            FieldRef::Target(_) => FieldKey::Target,
            FieldRef::Baseline(_) => FieldKey::Baseline,
            FieldRef::GoalText(_, key) => key,
            FieldRef::Precision(_) => FieldKey::Precision,
        }
    }

    /// The row id of the goal, part or activity ([`FieldKey::entity`] says which).
    pub fn entity_id(self) -> i64 {
        match self {
            FieldRef::Actual(g)
            | FieldRef::Milestone(g)
            | FieldRef::Evaluation(g)
            | FieldRef::Note { goal: g, .. }
            | FieldRef::Target(g)
            | FieldRef::Baseline(g)
            | FieldRef::GoalText(g, _)
            | FieldRef::Precision(g) => g.0,
            FieldRef::PartActual(p) => p.0,
            FieldRef::ActivityStatus(a) => a.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_label_and_a_row() {
        for key in FieldKey::ALL {
            assert!(!key.label_ja().is_empty(), "{key:?}");
        }
        assert_eq!(FieldKey::PartActual.entity(), EntityKind::Part);
        assert_eq!(FieldKey::Note(NoteField::Due).label_ja(), "期限");
    }
}
