//! Changes to a plan's structure: a goal or an activity added, removed or moved. Numbers follow
//! position (目標N is the Nth goal of its initiative as printed; 実施内容N the Nth activity), so
//! a change names places by index and the store renumbers. The rules a new row must pass live
//! here, so both front ends refuse the same things with the same words.

use super::code::GoalRef;
use super::date::FiscalYear;
use super::edit::definition::read_period;
use super::edit::refused_character;
use rust_decimal::Decimal;

use super::plan::{ActivityId, GoalId, InitiativeId, PartId, PlanId};
use super::uid::Uid;
use crate::strings::strings;

/// One structural change, as a front end asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structure {
    /// A new goal at index `at` of its initiative (0 is first; past the end is last): the title
    /// given, formula ratio, direction higher, every other field empty.
    AddGoal {
        initiative: InitiativeId,
        at: usize,
        title: String,
    },
    /// A new activity at index `at` of its goal: 実施内容, and 時期 and 担当係 when given.
    AddActivity {
        goal: GoalId,
        at: usize,
        content: String,
        period: String,
        sections: Vec<String>,
    },
    /// The goal with everything in it. With `copy_activities`, goals whose activities are this
    /// goal's (実施内容は…に同じ) get a copy of them first; without, such a goal refuses it.
    RemoveGoal {
        goal: GoalId,
        seen: Seen,
        copy_activities: bool,
    },
    RemoveActivity {
        activity: ActivityId,
        seen: Seen,
    },
    /// The goal to index `to` of its initiative.
    MoveGoal {
        goal: GoalId,
        seen: Seen,
        to: usize,
    },
    /// The activity to index `to` of its goal.
    MoveActivity {
        activity: ActivityId,
        seen: Seen,
        to: usize,
    },
    /// A new initiative in policy area `area` of the plan, after the area's last, coded with
    /// the letter after the area's last (⑴-オ → ⑴-カ).
    AddInitiative {
        plan: PlanId,
        area: u8,
        title: String,
    },
    /// The initiative with its goals; refused while a goal elsewhere takes one of its goals'
    /// activities.
    RemoveInitiative {
        initiative: InitiativeId,
        seen: Seen,
    },
    /// A part of a composite goal, after its last: label, 目標値 (more than 0), unit.
    AddPart {
        goal: GoalId,
        label: String,
        target: Decimal,
        unit: String,
    },
    RemovePart {
        part: PartId,
        seen: Seen,
    },
    /// The initiative up or down within its policy area (letters follow position: ア イ ウ …
    /// in order), or to another area after its last (the next free letter there).
    MoveInitiative {
        initiative: InitiativeId,
        to: InitiativeTo,
    },
}

/// Where a moved initiative goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiativeTo {
    /// Within its area: up, down, or to the place numbered N.
    Within(MoveTo),
    /// To policy area N, after its last initiative.
    Area(u8),
}

/// The row a removal or move names as the clerk chose it: ids are reused once a row is gone,
/// so the store refuses the change when the id's row has another uid, or is at another place
/// (index from 0 among its siblings: a goal in its initiative, an activity or part in its goal,
/// an initiative in its plan) than the clerk saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub uid: Uid,
    pub at: usize,
}

/// How the change log and the messages name an activity: `⑴-ア-1 実施内容2` (`at` from 0).
pub fn activity_subject(goal: GoalRef, at: usize) -> String {
    format!("{goal} 実施内容{}", at + 1)
}

/// Where a moved row goes, as a clerk says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveTo {
    Up,
    Down,
    /// To the place numbered N (from 1).
    To(usize),
}

impl MoveTo {
    /// The index a row at `from` (of `count` rows) goes to; `None` when it cannot go there
    /// (up from the first, down from the last, a number out of range, or where it is).
    pub fn index(self, from: usize, count: usize) -> Option<usize> {
        let to = match self {
            MoveTo::Up => from.checked_sub(1)?,
            MoveTo::Down => from + 1,
            MoveTo::To(n) => n.checked_sub(1)?,
        };
        (to < count && to != from).then_some(to)
    }
}

/// Why a new row is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowRefusal {
    /// A goal without a title (目標名).
    #[error("{}", (strings().structure.errors.empty_title)(.subject))]
    EmptyTitle { subject: String },
    /// An activity without 実施内容.
    #[error("{}", (strings().structure.errors.empty_content)(.subject))]
    EmptyContent { subject: String },
    /// A 時期 naming a date that cannot be (平成31年5月), as an edit of it is refused.
    #[error("{}", (strings().errors.edit.impossible_period)(.subject, .text, .why))]
    ImpossiblePeriod {
        subject: String,
        text: String,
        why: String,
    },
    /// A control character (other than a line break or tab).
    #[error("{}", (strings().errors.edit.control_character)(.subject, *.code))]
    ControlCharacter { subject: String, code: u32 },
}

/// A goal's title as typed: not empty, no control character.
pub fn check_title(subject: &str, title: &str) -> Result<(), RowRefusal> {
    if title.trim().is_empty() {
        return Err(RowRefusal::EmptyTitle {
            subject: subject.to_string(),
        });
    }
    check_characters(subject, title)
}

/// An activity's 実施内容, 時期 and 担当係 as typed: content not empty, no control character.
pub fn check_activity(
    subject: &str,
    content: &str,
    period: &str,
    sections: &[String],
) -> Result<(), RowRefusal> {
    if content.trim().is_empty() {
        return Err(RowRefusal::EmptyContent {
            subject: subject.to_string(),
        });
    }
    check_characters(subject, content)?;
    check_characters(subject, period)?;
    sections
        .iter()
        .try_for_each(|s| check_characters(subject, s))
}

/// A new activity's 時期 by the rule an edit of it follows ([`read_period`] in the plan's
/// year): refused when it names an impossible date, kept when unreadable.
pub fn check_period(subject: &str, period: &str, year: FiscalYear) -> Result<(), RowRefusal> {
    read_period(period, year)
        .map(drop)
        .map_err(|why| RowRefusal::ImpossiblePeriod {
            subject: subject.to_string(),
            text: period.to_string(),
            why: why.to_string(),
        })
}

fn check_characters(subject: &str, text: &str) -> Result<(), RowRefusal> {
    match refused_character(text) {
        Some((c, _)) => Err(RowRefusal::ControlCharacter {
            subject: subject.to_string(),
            code: c as u32,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_goes_where_there_is_room_and_not_where_it_is() {
        assert_eq!(MoveTo::Up.index(0, 3), None);
        assert_eq!(MoveTo::Up.index(2, 3), Some(1));
        assert_eq!(MoveTo::Down.index(2, 3), None);
        assert_eq!(MoveTo::Down.index(0, 3), Some(1));
        assert_eq!(MoveTo::To(3).index(0, 3), Some(2));
        assert_eq!(MoveTo::To(1).index(0, 3), None);
        assert_eq!(MoveTo::To(0).index(1, 3), None);
        assert_eq!(MoveTo::To(4).index(1, 3), None);
    }

    #[test]
    fn a_new_row_needs_its_words_and_no_control_character() {
        let _pin = crate::strings::pin_thread(crate::strings::Lang::En);
        assert!(matches!(
            check_title("⑴-ア-3", "  "),
            Err(RowRefusal::EmptyTitle { .. })
        ));
        assert!(check_title("⑴-ア-3", "電子申請の件数").is_ok());
        assert!(matches!(
            check_activity("⑴-ア-1 実施内容2", "", "", &[]),
            Err(RowRefusal::EmptyContent { .. })
        ));
        assert!(matches!(
            check_activity("⑴-ア-1 実施内容2", "周知", "R6.4\u{7}", &[]),
            Err(RowRefusal::ControlCharacter { code: 7, .. })
        ));
        assert!(check_activity("s", "周知", "R6.4", &["情報政策係".into()]).is_ok());
        let year = FiscalYear(2023);
        assert!(matches!(
            check_period("s", "平成31年5月", year),
            Err(RowRefusal::ImpossiblePeriod { .. })
        ));
        assert!(
            check_period("s", "年度内のどこか", year).is_ok(),
            "kept, unreadable"
        );
        assert!(check_period("s", "R5.5", year).is_ok());
    }
}
