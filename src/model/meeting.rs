//! Review meetings (評価会議): what was decided about a goal on a meeting date, and the goal's
//! figures as they were that day, for the minutes.

use serde::{Deserialize, Serialize};

use super::date::CalendarDate;

/// A goal's note from one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingNote {
    pub date: CalendarDate,
    /// 決定事項
    pub decision: String,
    /// フォローアップ
    pub follow_up: String,
    /// 担当: who follows up (a section).
    pub owner: String,
    /// 期限: `YYYY-MM-DD`, or empty.
    pub due: String,
    pub figures: NoteFigures,
}

impl MeetingNote {
    pub fn empty(date: CalendarDate) -> Self {
        Self {
            date,
            decision: String::new(),
            follow_up: String::new(),
            owner: String::new(),
            due: String::new(),
            figures: NoteFigures::default(),
        }
    }

    pub fn get(&self, field: NoteField) -> &str {
        match field {
            NoteField::Decision => &self.decision,
            NoteField::FollowUp => &self.follow_up,
            NoteField::Owner => &self.owner,
            NoteField::Due => &self.due,
        }
    }

    pub fn set(&mut self, field: NoteField, text: String) {
        match field {
            NoteField::Decision => self.decision = text,
            NoteField::FollowUp => self.follow_up = text,
            NoteField::Owner => self.owner = text,
            NoteField::Due => self.due = text,
        }
    }

    /// True when nothing has been written in it.
    pub fn is_blank(&self) -> bool {
        NoteField::ALL
            .iter()
            .all(|f| self.get(*f).trim().is_empty())
    }
}

/// The goal's figures when the note was last written, as shown then. A figure missing from the
/// stored JSON reads as empty: the schema's default for a note written without figures is `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteFigures {
    pub actual: String,
    pub target: String,
    pub achievement: String,
    pub status: String,
    pub calculation: String,
}

/// A field of a meeting note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteField {
    Decision,
    FollowUp,
    Owner,
    Due,
}

impl NoteField {
    pub const ALL: [NoteField; 4] = [Self::Decision, Self::FollowUp, Self::Owner, Self::Due];

    /// The stored word: `decision`, `follow_up`, `owner`, `due`.
    pub fn word(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::FollowUp => "follow_up",
            Self::Owner => "owner",
            Self::Due => "due",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Self::Decision => "決定事項",
            Self::FollowUp => "フォローアップ",
            Self::Owner => "担当",
            Self::Due => "期限",
        }
    }

    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.word() == word || f.label_ja() == word)
    }
}

/// Reads what was typed into a note field: text as typed (trimmed); a 期限 as a date.
pub fn read_note(field: NoteField, typed: &str) -> Result<String, super::date::DateError> {
    match field {
        NoteField::Due => read_due(typed),
        _ => Ok(typed.trim().to_string()),
    }
}

/// Reads a typed 期限: empty, or a date in any form the date grammar reads (`2026-12-15`,
/// `R8.3.31`, `令和8年3月31日`, full-width digits too), kept as `YYYY-MM-DD`.
pub fn read_due(typed: &str) -> Result<String, super::date::DateError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    typed.parse::<CalendarDate>().map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_and_written_by_name() {
        let mut note = MeetingNote::empty(CalendarDate::new(2026, 11, 24).expect("date"));
        assert!(note.is_blank());
        note.set(NoteField::Decision, "次年度も継続".into());
        assert_eq!(note.get(NoteField::Decision), "次年度も継続");
        assert!(!note.is_blank());
        assert_eq!(NoteField::from_word("担当"), Some(NoteField::Owner));
        assert_eq!(NoteField::from_word("follow_up"), Some(NoteField::FollowUp));
    }

    #[test]
    fn a_due_date_is_a_date_or_nothing() {
        assert_eq!(
            read_due(" ２０２６－１２－１５ ").as_deref(),
            Ok("2026-12-15")
        );
        assert_eq!(read_due("").as_deref(), Ok(""));
        // As clerks write a 期限 on the sheet.
        assert_eq!(read_due("R8.3.31").as_deref(), Ok("2026-03-31"));
        assert_eq!(read_due("令和８年３月３１日").as_deref(), Ok("2026-03-31"));
        assert!(read_due("来月").is_err());
    }
}
