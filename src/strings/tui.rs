//! The TUI's words: titles, hints, popups, the status bar's messages. Chrome text, in every language, avoids
//! ambiguous-width characters (⑴ ① ※ are one cell in ratatui, two in some terminals).
//!
//! A sentence that names a key takes the key's label as an argument: the label comes from the
//! keymap (`tui::hints::keys_of`), so the text can never name a key that does something else.
//! Leading blanks, padding and separators (`" › "`, `"  "`) are the views' layout, not words,
//! and stay in the views.

mod collect;
mod keys;
mod messages;

pub use collect::{Collect, Stale};
pub use keys::{
    AskKeys, CardKeys, ChoiceKeys, CollectFileKeys, CollectKeys, DashboardKeys, EditorKeys,
    FieldKeys, FinderKeys, GlobalKeys, HelpKeys, Keys, ListKeys, ReviewKeys, SearchKeys, TreeKeys,
};
pub use messages::{Messages, Questions};

/// Every sentence the terminal UI shows, for one language.
pub struct Tui {
    /// Shown instead of the layout when the terminal is smaller than it needs:
    /// (width, height, minimum width, minimum height).
    pub too_small: fn(u16, u16, u16, u16) -> String,
    /// Under a popup that any key closes (the key table that fits, the 積算方法 lookup).
    pub close_hint: &'static str,
    /// The sheet's headings and labels as the card, the method lookup, the review and the
    /// field's preview show them.
    pub sheet: Sheet,
    /// The key table's descriptions of what each binding does (`tui::keymap`).
    pub keys: Keys,
    /// The help popup (`?`).
    pub help: Help,
    /// The footer's hints and the lines of keys the popups draw (`tui::hints`).
    pub hints: Hints,
    /// The plan tree pane.
    pub tree: TreePane,
    /// The goal card pane.
    pub card: CardPane,
    /// The open field: its popup's title, its choices and why Enter refused.
    pub editor: EditorWords,
    /// The 積算方法 lookup (`m`).
    pub method: Method,
    /// The finder (Ctrl-F).
    pub finder: Finder,
    /// The plan switcher (`P`) and the change log (`L`).
    pub lists: Lists,
    /// The review meeting (`R`).
    pub review: Review,
    /// The dashboard (`D`).
    pub dashboard: Dashboard,
    /// The status bar's first and last lines: the filter, the search line.
    pub status: StatusBar,
    /// The goal filters (`f`), as the status bar names them.
    pub filters: Filters,
    /// Messages in the status bar after an action.
    pub messages: Messages,
    /// Questions asked in a popup before something a clerk may not mean.
    pub questions: Questions,
    /// Collecting a returned file (`I`): its path, its preview, what applying it said.
    pub collect: Collect,
}

/// The sheet's headings and labels, shared by the card, the method lookup, the review and the
/// field's preview.
pub struct Sheet {
    /// A goal's heading: (its code `(2)-イ-7`, its number) → `(2)-イ-7  目標7`. The card's
    /// title row and the review's goal line.
    pub goal_title: fn(&str, u32) -> String,
    /// The card's title row when no goal is selected.
    pub goal: &'static str,
    /// Label of the rate and its band: card, method lookup, review, the field's preview.
    pub achievement: &'static str,
    /// Label of the gap to the target (card, review).
    pub shortfall: &'static str,
    /// Heading of how a figure was worked out, per figure label (`目標値の算出`): card, method
    /// lookup, review.
    pub derivation: fn(&str) -> String,
    /// Heading of 積算方法 (card, review).
    pub method: &'static str,
    /// Heading of 評価内容 (card, review).
    pub evaluation: &'static str,
    /// Heading of the activities (card, review).
    pub activities: &'static str,
    /// An activity past its 時期 (card, review).
    pub overdue: &'static str,
}

/// The help popup: its title, and its headings (one per keymap context), some naming the key
/// that opens the place they are about.
pub struct Help {
    /// The popup's title, before the legend.
    pub title: &'static str,
    /// The status markers and what they mean, in the help's title.
    pub legend: &'static str,
    /// The bottom line when the table scrolls: (the keys that scroll it).
    pub scroll: fn(&str) -> String,
    /// Headings of the keymap's contexts, in the help.
    pub everywhere: &'static str,
    pub tree: &'static str,
    pub card: &'static str,
    pub editing: &'static str,
    pub search: &'static str,
    pub finder: &'static str,
    /// (the key that starts it).
    pub review: fn(&str) -> String,
    /// (the key that opens it).
    pub dashboard: fn(&str) -> String,
    pub question: &'static str,
    /// (the keys that open the plans, the change log).
    pub lists: fn(&str, &str) -> String,
    /// (the key that opens it).
    pub help: fn(&str) -> String,
    /// (the key that opens it).
    pub method: fn(&str) -> String,
    /// Heading of an open choice's keys (an activity's 状況, a milestone's 達成状況), last in
    /// the table.
    pub choice: &'static str,
    /// Heading of a text field's own keys, after the contexts.
    pub in_a_field: &'static str,
    /// Heading of the collect's path prompt's keys: (the key that opens it).
    pub collect_file: fn(&str) -> String,
    /// Heading of the collect preview's keys.
    pub collect: &'static str,
}

/// The footer's words after each key, and the lines of keys popups draw.
pub struct Hints {
    /// After the keys, in the footer: what they do where the keyboard is.
    pub choose: &'static str,
    pub save: &'static str,
    pub new_line: &'static str,
    pub cancel: &'static str,
    pub back: &'static str,
    pub keep: &'static str,
    pub go_there: &'static str,
    pub close: &'static str,
    /// Up and down in a list.
    pub moves: &'static str,
    pub open: &'static str,
    pub this_goal_or_all: &'static str,
    pub next_back: &'static str,
    pub agenda: &'static str,
    pub method: &'static str,
    pub notes: &'static str,
    pub contrast: &'static str,
    pub leave: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub open_close: &'static str,
    pub card: &'static str,
    pub field: &'static str,
    pub tree: &'static str,
    pub find: &'static str,
    pub search: &'static str,
    pub filter: &'static str,
    pub undo: &'static str,
    pub log: &'static str,
    /// What Enter does, per field it opens (the first hint on a goal).
    pub edit: &'static str,
    pub enter_actual: &'static str,
    pub choose_milestone: &'static str,
    pub edit_evaluation: &'static str,
    pub change_status: &'static str,
    /// Enter on a field of the goal's definition (目標値, 目標名 …): (the sheet's label).
    pub edit_field: fn(&str) -> String,
    /// Under a value typing will replace: (the keys that move, the key that deletes).
    pub replaced_value: fn(&str, &str) -> String,
    /// Under a question's choices when no answer does what Esc does (back to the open field,
    /// nothing saved): (the key that goes back).
    pub question_back: fn(&str) -> String,
    /// Under a question's choices when Esc does what one of them does: (the key that goes
    /// back, that answer's key).
    pub question_same_as: fn(&str, &str) -> String,
    /// The tree's and the card's key that collects a returned file.
    pub collect: &'static str,
    /// Enter at the collect's path: read the file, preview it.
    pub preview: &'static str,
    /// In the collect preview: take the returned value, skip the row, keep the current value,
    /// collect what is chosen.
    pub take: &'static str,
    pub skip: &'static str,
    pub keep_current: &'static str,
    pub apply: &'static str,
}

/// The plan tree pane.
pub struct TreePane {
    /// Its title row: (municipality, fiscal year).
    pub title: fn(&str, &str) -> String,
    /// Its title row in a section's handout opened as the data file (`tassei --db
    /// 市民係.tassei`): (section, handout number, municipality, fiscal year).
    pub handout_title: fn(&str, i64, &str, &str) -> String,
}

/// The goal card pane.
pub struct CardPane {
    /// When no goal is selected: (the keys that move, the key that edits). Wrapped to the
    /// pane's width.
    pub select_a_goal: fn(&str, &str) -> String,
    /// When the filter leaves no goal in the tree, what happened and, on the next line, what to
    /// do: (the filter's label); (the key that changes the filter). Wrapped to the pane's width.
    pub no_goal_in_filter: fn(&str) -> String,
    pub change_the_filter: fn(&str) -> String,
    /// Heading of the activities shared with another initiative: (its code).
    pub activities_shared: fn(&str) -> String,
    /// Heading of a review meeting's note: (its date).
    pub meeting_note: fn(&str) -> String,
}

/// The open field.
pub struct EditorWords {
    /// The popup's title for 実績値.
    pub actual: &'static str,
    /// The popup's title for a milestone's 達成状況.
    pub milestone: &'static str,
    /// The popup's title for a part's 実績値: (the part's label).
    pub part_actual: fn(&str) -> String,
    /// The popup's title for an activity's status: (its number from 1).
    pub activity_status: fn(usize) -> String,
    /// The popup's title for a field of an activity: (its number, the field's label).
    pub activity_field: fn(usize, &str) -> String,
    /// The popup's title for a meeting note's field: (the meeting's date, the field's label).
    pub note: fn(&str, &str) -> String,
    /// The choices of a milestone's 達成状況, in the open field.
    pub achieved: &'static str,
    pub not_achieved: &'static str,
    pub not_graded: &'static str,
    /// The choices of an activity's status, in the open field.
    pub unset: &'static str,
    pub todo: &'static str,
    pub doing: &'static str,
    pub done: &'static str,
    pub dropped: &'static str,
    /// Why Enter refused, under the field.
    pub part_gone: &'static str,
    pub activity_gone: &'static str,
    pub nothing_chosen: &'static str,
    pub takes_a_choice: &'static str,
    pub one_line: &'static str,
    /// (the control character's picture, its line in a multi-line field).
    pub control_character: fn(&str, Option<usize>) -> String,
}

/// The 積算方法 lookup.
pub struct Method {
    /// Its title: (the goal's code).
    pub title: fn(&str) -> String,
    /// Labels of the unit and the formula.
    pub unit: &'static str,
    pub formula: &'static str,
}

/// The finder.
pub struct Finder {
    /// The popup's title.
    pub title: &'static str,
    /// Before the query.
    pub prompt: &'static str,
    /// Under an empty query.
    pub empty: &'static str,
    pub searching: &'static str,
    pub no_match: &'static str,
    /// Under the matches: (how many goals).
    pub matches: fn(usize) -> String,
    /// After a match, where it was found: its code, its title, the note under the title, its
    /// figures. (積算方法, 評価内容 and 実施内容 are the sheet's headings, [`Sheet`].)
    pub in_code: &'static str,
    pub in_title: &'static str,
    pub in_note: &'static str,
    pub in_figures: &'static str,
}

/// The plan switcher and the change log.
pub struct Lists {
    /// The switcher's title: (how many plans).
    pub plans_title: fn(usize) -> String,
    /// A plan's goal count in its row.
    pub goals: fn(usize) -> String,
    /// Under the plans: the mark of the open one.
    pub open_now: &'static str,
    /// The log's title: (what it covers, how many changes).
    pub log_title: fn(&str, usize) -> String,
    /// What the log covers: (the goal's code).
    pub one_goal: fn(&str) -> String,
    /// What the whole plan's log covers.
    pub all_goals: &'static str,
    /// In place of an empty log.
    pub no_changes: &'static str,
    /// Labels of a change's two sides, under the log.
    pub before: &'static str,
    pub after: &'static str,
}

/// The review meeting.
pub struct Review {
    /// The header: (the plan's year `令和6年度`, date, agenda order, position, agenda length,
    /// meeting clock, item clock).
    pub title: fn(&str, &str, &str, usize, usize, &str, &str) -> String,
    /// In place of the goal when the agenda is empty.
    pub empty_agenda: &'static str,
    /// After a text cut short: (the key that shows it all).
    pub show_all: fn(&str) -> String,
    /// The notes' heading: (the date, the keys that write them).
    pub notes: fn(&str, &str) -> String,
    /// The agenda orders.
    pub sheet_order: &'static str,
    pub shortfalls_first: &'static str,
    /// (the area's number).
    pub area_only: fn(u8) -> String,
}

/// The dashboard.
pub struct Dashboard {
    /// Its header: (today, municipality, plan title, fiscal year).
    pub title: fn(&str, &str, &str, &str) -> String,
    /// Heading of the area column.
    pub area: &'static str,
    /// Count columns, two characters each.
    pub achieved: &'static str,
    pub near: &'static str,
    pub shortfall: &'static str,
    pub not_graded: &'static str,
    pub no_actual: &'static str,
    pub not_computable: &'static str,
    /// The total column and row.
    pub total: &'static str,
    /// Heading of the worst shortfalls.
    pub worst: &'static str,
    /// In place of an empty list.
    pub none: &'static str,
    /// Heading of the bars: (where they end, in per cent).
    pub bars: fn(u32) -> String,
    /// In place of the bars on a screen too narrow for them.
    pub enlarge: &'static str,
    /// Heading of the overdue activities: (how many).
    pub overdue: fn(usize) -> String,
    /// Beside it, activities whose 時期 cannot be read, so never judged overdue: (how many).
    pub unreadable: fn(usize) -> String,
    /// After the sections that did not fit: (how many).
    pub more: fn(usize) -> String,
}

/// The status bar.
pub struct StatusBar {
    /// The filter in use: (its label).
    pub filter: fn(&str) -> String,
    /// After a search that matches nothing.
    pub no_match: &'static str,
}

/// The goal filters.
pub struct Filters {
    /// In the status bar's `filter:` and the message after `f`.
    pub all: &'static str,
    pub shortfalls: &'static str,
    pub overdue: &'static str,
    pub unrecorded: &'static str,
    /// (the 担当 section).
    pub section: fn(&str) -> String,
}
