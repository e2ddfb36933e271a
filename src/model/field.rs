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
    /// A goal's formula kind and direction (算式), with a milestone's state, which only a
    /// milestone has.
    Formula,
    /// The note printed under a goal's title (※参考 …).
    GoalNote,
    /// A composite goal's part: its label.
    PartLabel,
    /// A composite goal's part: its unit.
    PartUnit,
    /// A composite goal's part: its 目標値.
    PartTarget,
    /// An activity's 実施内容.
    ActivityContent,
    /// An activity's 時期, as written.
    ActivityPeriod,
    /// An activity's 担当係 (one or more sections).
    ActivitySections,
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
    pub const ALL: [FieldKey; 23] = [
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
        FieldKey::Formula,
        FieldKey::GoalNote,
        FieldKey::PartLabel,
        FieldKey::PartUnit,
        FieldKey::PartTarget,
        FieldKey::ActivityContent,
        FieldKey::ActivityPeriod,
        FieldKey::ActivitySections,
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
            | FieldKey::Precision
            | FieldKey::Formula
            | FieldKey::GoalNote => EntityKind::Goal,
            FieldKey::PartActual
            | FieldKey::PartLabel
            | FieldKey::PartUnit
            | FieldKey::PartTarget => EntityKind::Part,
            FieldKey::ActivityStatus
            | FieldKey::ActivityContent
            | FieldKey::ActivityPeriod
            | FieldKey::ActivitySections => EntityKind::Activity,
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
            FieldKey::Formula => "算式",
            FieldKey::GoalNote => "注記",
            FieldKey::PartLabel => "項目名",
            FieldKey::PartUnit => "単位",
            FieldKey::PartTarget => "目標値",
            FieldKey::ActivityContent => "実施内容",
            FieldKey::ActivityPeriod => "時期",
            FieldKey::ActivitySections => "担当係",
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
    /// A goal's title, unit, 積算方法 or note (the [`FieldKey`] says which).
    GoalText(GoalId, FieldKey),
    /// A goal's 小数桁.
    Precision(GoalId),
    /// A goal's formula kind and direction.
    Formula(GoalId),
    /// A part's label or unit (the [`FieldKey`] says which).
    PartText(PartId, FieldKey),
    /// A part's 目標値.
    PartTarget(PartId),
    /// An activity's 実施内容 or 時期 (the [`FieldKey`] says which).
    ActivityText(ActivityId, FieldKey),
    /// An activity's 担当係.
    ActivitySections(ActivityId),
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
            FieldRef::Formula(_) => FieldKey::Formula,
            FieldRef::PartText(_, key) | FieldRef::ActivityText(_, key) => key,
            FieldRef::PartTarget(_) => FieldKey::PartTarget,
            FieldRef::ActivitySections(_) => FieldKey::ActivitySections,
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
            | FieldRef::Precision(g)
            | FieldRef::Formula(g) => g.0,
            FieldRef::PartActual(p) | FieldRef::PartText(p, _) | FieldRef::PartTarget(p) => p.0,
            FieldRef::ActivityStatus(a)
            | FieldRef::ActivityText(a, _)
            | FieldRef::ActivitySections(a) => a.0,
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
