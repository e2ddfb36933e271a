//! The words of the text views both front ends share: a change as a clerk reads it (`saved
//! ⑴-ア-1 実績値 9,016 → 9,500`), the goal card as text, the minutes.

use std::fmt::Display;

/// Every sentence of the shared text views, for one language.
pub struct Report {
    /// An empty text in a change (`(empty)`).
    pub empty: &'static str,
    /// The formulas a goal that is not composite may take, in the order of
    /// `model::edit::definition::CHOICES`: as the card's choice lists them and a change shows them.
    pub formulas: [&'static str; 5],
    /// A change saved, undone, redone or left as it was (`report::change`).
    pub change: Change,
    /// A milestone's state where a change or a card shows it.
    pub milestone: Milestone,
    /// The goal card's labels and headings (`report::card`, `tassei show`, the TUI's card).
    pub card: Card,
    /// A goal's earlier fiscal years (the card's block, the review, the dashboard's column).
    pub years: YearOverYear,
    /// The meeting minutes in Markdown (`tassei minutes`).
    pub minutes: Minutes,
}

/// A change in words. Each sentence takes (the goal or activity, the field's label, …).
pub struct Change {
    /// `saved ⑴-ア-1 実績値 9,016 → 9,500`: (subject, label, old, new).
    pub saved: fn(&dyn Display, &str, &dyn Display, &dyn Display) -> String,
    /// `undone …`: (subject, label, old, new).
    pub undone: fn(&dyn Display, &str, &dyn Display, &dyn Display) -> String,
    /// `redone …`: (subject, label, old, new).
    pub redone: fn(&dyn Display, &str, &dyn Display, &dyn Display) -> String,
    /// Nothing was written, the value was already so: (subject, label, value).
    pub unchanged: fn(&dyn Display, &str, &dyn Display) -> String,
    /// Someone changed the field after the edit being taken back: (subject, label, who, when,
    /// what is taken back, the value now).
    pub changed_after: ChangedAfter,
    /// After an undo's first change, how many more the action had (1 or more).
    pub and_more: fn(usize) -> String,
}

/// The sentence of [`Change::changed_after`]: (subject, label, who, when, what is taken back,
/// the value now).
pub type ChangedAfter =
    fn(&dyn Display, &str, &dyn Display, &dyn Display, &str, &dyn Display) -> String;

/// A milestone's 達成状況.
pub struct Milestone {
    /// 達成.
    pub achieved: &'static str,
    /// 未達成.
    pub not_achieved: &'static str,
    /// In a change line.
    pub not_graded: &'static str,
    /// On the card, with the sheet's mark.
    pub not_graded_marked: &'static str,
    /// On the card, before anyone set it.
    pub unset: &'static str,
}

/// The goal card's words. The plain text pads its labels itself.
pub struct Card {
    /// A section with nothing in it.
    pub nothing: &'static str,
    /// Beside 達成度: the value the sheet printed.
    pub printed: &'static str,
    /// The initiative's line: the sheet's page (` · p.12`).
    pub page: fn(u32) -> String,
    /// A composite goal's part: (target, actual, the part's note in brackets or empty).
    pub part: fn(&str, &str, &str) -> String,
    /// A stated derivation that no longer gives the figure: (the worked calculation, the
    /// figure's label, the figure now).
    pub derivation_stale: fn(&str, &str, &dyn Display) -> String,
    /// The label of 達成度's line.
    pub achievement: &'static str,
    /// A status beside 達成度 and after an activity: (the sheet's label 達成, the exported word
    /// `achieved`). English keeps both, for a reader who greps.
    pub status: fn(&str, &str) -> String,
    /// The label of the calculation's line.
    pub calculation: &'static str,
    /// The label of the shortfall's line.
    pub shortfall: &'static str,
    /// The label of a derivation's line: (the figure's label).
    pub derivation: fn(&str) -> String,
    /// The label of the formula's line.
    pub formula: &'static str,
    /// The heading of 積算方法.
    pub method: &'static str,
    /// The heading of 評価内容.
    pub narrative: &'static str,
    /// The heading of a meeting's notes: (the meeting's date).
    pub meeting: fn(&dyn Display) -> String,
    /// The heading of the activities.
    pub activities: &'static str,
    /// The heading of activities shared with another goal: (that goal).
    pub activities_shared: fn(&dyn Display) -> String,
    /// After an activity that is overdue.
    pub overdue: &'static str,
    /// What 随時 was read as, beside it: never overdue.
    pub as_needed: &'static str,
    /// After an activity whose 時期 cannot be read: (why).
    pub unreadable_period: fn(&str) -> String,
    /// Beside the activities' heading: (how many 時期 cannot be read).
    pub unreadable_count: fn(usize) -> String,
}

/// A goal's earlier fiscal years.
pub struct YearOverYear {
    /// The heading of the card's block.
    pub heading: &'static str,
    /// One earlier year: (`令和5年度`, the actual with its unit, 達成度 `90%`, the status).
    pub line: fn(&str, &str, &str, &str) -> String,
    /// The trend of 達成度, this year last: (the braille cells, the first year, this year).
    pub trend: fn(&str, &str, &str) -> String,
    /// This year against the last in figures: (the differences, joined).
    pub change: fn(&str) -> String,
    /// A difference of 達成度: (the signed difference).
    pub points: fn(&str) -> String,
    /// Between the differences.
    pub change_separator: &'static str,
    /// The previous year's 達成度 as a column's heading.
    pub previous: &'static str,
    /// The dashboard's bars: what the figure after each rate is.
    pub previous_legend: &'static str,
}

/// The minutes' Markdown lines, without their Markdown marks.
pub struct Minutes {
    /// The title: (municipality, plan title, fiscal year).
    pub title: fn(&str, &str, &str) -> String,
    /// The meeting's date.
    pub date: fn(&dyn Display) -> String,
    /// A goal's figures when the note was written: (actual, target, 達成度, status).
    pub figures: fn(&str, &str, &str, &str) -> String,
    /// The calculation then.
    pub calculation: fn(&str) -> String,
    /// 決定事項.
    pub decision: fn(&str) -> String,
    /// フォローアップ.
    pub follow_up: fn(&str) -> String,
    /// 担当.
    pub owner: fn(&str) -> String,
    /// 期限.
    pub due: fn(&str) -> String,
}
