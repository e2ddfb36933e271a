//! The TUI's words: titles, hints, popups, the status bar's messages. Chrome text here avoids
//! ambiguous-width characters (⑴ ① ※ are one cell in ratatui, two in some terminals).
//!
//! A sentence that names a key takes the key's label as an argument: the label comes from the
//! keymap (`tui::hints::keys_of`), so the text can never name a key that does something else.
//! Leading blanks, padding and separators (`" › "`, `"  "`) are the views' layout, not words,
//! and stay in the views.

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

/// What each key does, next to the key in the help popup (`?`), by the keymap's context.
pub struct Keys {
    /// The help's 'Everywhere' section: keys a pane answers to wherever it is.
    pub global: GlobalKeys,
    /// The help's 'Tree' section.
    pub tree: TreeKeys,
    /// The help's 'Card' section.
    pub card: CardKeys,
    /// The help's 'Editing a field' section.
    pub editor: EditorKeys,
    /// A question's keys. Not drawn today (the question's own lines name them); kept so the
    /// table describes every key.
    pub ask: AskKeys,
    /// The help's 'Search' section (the search line).
    pub search: SearchKeys,
    /// The help's 'Finder' section.
    pub finder: FinderKeys,
    /// The plan switcher's and the change log's keys. Not drawn today (the footer names them);
    /// kept so the table describes every key.
    pub list: ListKeys,
    /// The help's 'Dashboard' section.
    pub dashboard: DashboardKeys,
    /// The help's 'Review meeting' section.
    pub review: ReviewKeys,
    /// The key table's own keys. Not drawn today (its bottom line names them, see
    /// `Help::scroll`); kept so the table describes every key.
    pub help: HelpKeys,
    /// An open choice's keys (an activity's status, a milestone's 達成状況). Not drawn today
    /// (the help's 'In a field' says them); kept so the table describes every key.
    pub choice: ChoiceKeys,
    /// The help's 'In a field' section: the keys an open field handles itself.
    pub field: FieldKeys,
}

/// The help's 'Everywhere' section: keys a pane answers to wherever it is.
pub struct GlobalKeys {
    pub quit: &'static str,
    pub help: &'static str,
    pub next_row: &'static str,
    pub previous_row: &'static str,
    pub first_row: &'static str,
    pub last_row: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub switch_pane: &'static str,
    pub edit: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub filter: &'static str,
    pub search: &'static str,
    pub next_match: &'static str,
    pub previous_match: &'static str,
    pub method: &'static str,
    pub find: &'static str,
    pub wider_tree: &'static str,
    pub narrower_tree: &'static str,
    pub plans: &'static str,
    pub log: &'static str,
    pub review: &'static str,
    pub contrast: &'static str,
    pub dashboard: &'static str,
}

/// The help's 'Tree' section.
pub struct TreeKeys {
    pub collapse: &'static str,
    pub expand: &'static str,
}

/// The help's 'Card' section.
pub struct CardKeys {
    pub back_to_tree: &'static str,
    pub edit_field: &'static str,
}

/// The help's 'Editing a field' section.
pub struct EditorKeys {
    pub save: &'static str,
    pub cancel: &'static str,
    pub new_line: &'static str,
}

/// A question's keys. Not drawn today (the question's own lines name them); kept so the
/// table describes every key.
pub struct AskKeys {
    pub first: &'static str,
    pub second: &'static str,
    pub third: &'static str,
    pub fourth: &'static str,
    pub back: &'static str,
}

/// The help's 'Search' section (the search line).
pub struct SearchKeys {
    pub keep: &'static str,
    pub back: &'static str,
}

/// The help's 'Finder' section.
pub struct FinderKeys {
    pub go_there: &'static str,
    pub next_match: &'static str,
    pub previous_match: &'static str,
    pub close: &'static str,
}

/// The plan switcher's and the change log's keys. Not drawn today (the footer names them);
/// kept so the table describes every key.
pub struct ListKeys {
    pub next: &'static str,
    pub previous: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub open: &'static str,
    pub this_goal_or_all: &'static str,
    pub close: &'static str,
}

/// The help's 'Dashboard' section.
pub struct DashboardKeys {
    pub leave: &'static str,
}

/// The help's 'Review meeting' section.
pub struct ReviewKeys {
    pub next_goal: &'static str,
    pub previous_goal: &'static str,
    pub first_goal: &'static str,
    pub last_goal: &'static str,
    pub agenda_order: &'static str,
    pub note_decision: &'static str,
    pub note_follow_up: &'static str,
    pub note_owner: &'static str,
    pub note_due: &'static str,
    pub leave: &'static str,
}

/// The key table's own keys. Not drawn today (its bottom line names them, see
/// `Help::scroll`); kept so the table describes every key.
pub struct HelpKeys {
    pub scroll_down: &'static str,
    pub scroll_up: &'static str,
}

/// An open choice's keys (an activity's status, a milestone's 達成状況). Not drawn today
/// (the help's 'In a field' says them); kept so the table describes every key.
pub struct ChoiceKeys {
    pub next: &'static str,
    pub previous: &'static str,
}

/// The help's 'In a field' section: the keys an open field handles itself.
pub struct FieldKeys {
    pub move_in_text: &'static str,
    pub row_up_down: &'static str,
    pub line_start_end: &'static str,
    pub text_start_end: &'static str,
    pub delete: &'static str,
    pub delete_to_start_end: &'static str,
    pub choose_status: &'static str,
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
    pub choice: &'static str,
    /// Heading of a field's own keys, last in the table.
    pub in_a_field: &'static str,
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
    /// Under a value typing will replace: (the keys that move, the key that deletes).
    pub replaced_value: fn(&str, &str) -> String,
    /// Under a question's choices: (the key that goes back).
    pub question_back: fn(&str) -> String,
}

/// The plan tree pane.
pub struct TreePane {
    /// Its title row: (municipality, fiscal year).
    pub title: fn(&str, &str) -> String,
}

/// The goal card pane.
pub struct CardPane {
    /// When no goal is selected: (the keys that move, the key that edits).
    pub select_a_goal: fn(&str, &str) -> String,
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
    /// The header: (date, agenda order, position, agenda length, meeting clock, item clock).
    pub title: fn(&str, &str, usize, usize, &str, &str) -> String,
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

/// What the status bar says after an action.
pub struct Messages {
    /// After `tui::run` when a signal stopped it: (what was discarded).
    pub stopped_by_signal: fn(&str) -> String,
    /// (the terminal's error).
    pub terminal_error: fn(&str) -> String,
    /// A letter bound to nothing at a question: (the letter, the first and last answer keys,
    /// the key that goes back).
    pub answer_with_number: fn(char, &str, &str, &str) -> String,
    /// A letter bound to nothing: (the letter, the key that shows the keys).
    pub no_such_key: fn(char, &str) -> String,
    /// A paste with no field open: (the key that opens one).
    pub paste_where: fn(&str) -> String,
    /// An answer not on the list: (the first and last answer keys, the key that goes back).
    pub choose_in_range: fn(&str, &str, &str) -> String,
    /// Esc in a field, or the first answer to throwing typed text away.
    pub cancelled: &'static str,
    /// The second answer to a conflict: theirs kept, the field closed.
    pub kept_theirs: &'static str,
    /// (the key that saves).
    pub merged: fn(&str) -> String,
    /// Esc (or the second answer) at undo over someone's change.
    pub nothing_undone: &'static str,
    /// Enter on a field the clerk did not change, which someone else changed meanwhile.
    pub nothing_to_save: &'static str,
    /// Enter in the finder with no match.
    pub finder_no_match: &'static str,
    /// Enter in the change log on a change of another plan's goal.
    pub not_in_plan: &'static str,
    /// (the agenda order, how many goals).
    pub agenda: fn(&str, usize) -> String,
    /// (the key that searches).
    pub no_search_yet: fn(&str) -> String,
    /// (the text searched for).
    pub no_goal_matches: fn(&str) -> String,
    /// (which match, of how many, the text).
    pub match_of: fn(usize, usize, &str) -> String,
    /// (the filter's label, how many goals it shows).
    pub filter: fn(&str, usize) -> String,
    /// (whether it is on).
    pub high_contrast: fn(bool) -> String,
    /// `m` with no goal selected.
    pub select_to_see_method: &'static str,
    /// Tab with no goal selected: (the keys that move in the tree).
    pub select_to_see_card: fn(&str) -> String,
    /// On stderr after quitting with a field open: (the goal's code, what was typed, if any).
    pub discarded: fn(&str, Option<&str>) -> String,
    /// Enter with no goal selected.
    pub select_to_edit: &'static str,
    /// Enter on a card line that is not a field.
    pub not_editable: &'static str,
    /// Leaving the review meeting.
    pub left_review: &'static str,
    /// (the tree's share in per cent, whether the config remembered it).
    pub tree_width: fn(u16, bool) -> String,
    /// (the tree's share in per cent, why the config could not remember it).
    pub tree_width_not_remembered: fn(u16, &str) -> String,
    /// Another program changed the data file; the TUI reloaded it.
    pub reloaded: &'static str,
    /// The file is damaged: (the store's line).
    pub damaged: fn(&str) -> String,
    /// (the error).
    pub reload_failed: fn(&str) -> String,
    /// Under an open field someone else changed: (who and when if known, the value now, the
    /// key that saves).
    pub changed_while_open: fn(Option<(&str, &str)>, &str, &str) -> String,
    /// (the error).
    pub cannot_list_plans: fn(&str) -> String,
    /// (the error).
    pub cannot_read_log: fn(&str) -> String,
    /// (municipality, plan title, fiscal year).
    pub opened_plan: fn(&str, &str, &str) -> String,
    /// (the error).
    pub cannot_open_plan: fn(&str) -> String,
    /// A label naming no key: (the label).
    pub unknown_key: fn(&str) -> String,
}

/// Questions: their titles, what happened, and the answers.
pub struct Questions {
    /// A figure that reads two ways: (what was typed, the decimal reading, the thousands one).
    pub reading_title: fn(&str, &str, &str) -> String,
    /// (the two readings).
    pub reading_why: fn(&str) -> String,
    /// An answer: (the reading saved).
    pub save_reading: fn(&str) -> String,
    /// Esc in 評価内容 with typed text: the title, what happened, the answers.
    pub discard_title: &'static str,
    pub discard_why: &'static str,
    pub throw_away: &'static str,
    pub keep_editing: &'static str,
    /// Ctrl-C with typed text in the open field: the title.
    pub quit_title: &'static str,
    /// (the key that saves).
    pub quit_why: fn(&str) -> String,
    /// Its first answer (the second is `keep_editing`).
    pub quit_throw_away: &'static str,
    /// Someone else saved the field meanwhile: (subject, field label).
    pub conflict_title: fn(&str, &str) -> String,
    /// Who changed it when the log does not know.
    pub another_program: &'static str,
    /// Who changed it: (actor, when).
    pub by_at: fn(&str, &str) -> String,
    /// A conflict over a text: its answers.
    pub save_yours_text: &'static str,
    pub keep_theirs_text: &'static str,
    pub keep_editing_yours: &'static str,
    pub merge: &'static str,
    /// (who, what they changed).
    pub they_changed: fn(&str, &str) -> String,
    /// (what the clerk changed).
    pub you_changed: fn(&str) -> String,
    /// (the value the clerk was shown).
    pub when_opened: fn(&str) -> String,
    /// (who, the value on file).
    pub saved_since: fn(&str, &str) -> String,
    /// (the clerk's value).
    pub yours: fn(&str) -> String,
    /// (the clerk's value).
    pub save_yours: fn(&str) -> String,
    /// (the value on file).
    pub keep_theirs: fn(&str) -> String,
    /// Undo or redo over someone's later change: (redo?, who).
    pub undo_title: fn(bool, &str) -> String,
    /// (subject, field label, who, when, the value now).
    pub undo_changed: fn(&str, &str, &str, &str, &str) -> String,
    /// (the value undo restores, the value now).
    pub undo_restores: fn(&str, &str) -> String,
    /// (redo?, the value undo restores).
    pub undo_anyway: fn(bool, &str) -> String,
    /// (the value now).
    pub leave_it: fn(&str) -> String,
}

/// `1 goal`, `2 goals`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `undo` or `redo`.
fn undo_word(redo: bool) -> &'static str {
    if redo { "redo" } else { "undo" }
}

pub const SHEET_EN: Sheet = Sheet {
    goal_title: |code, number| format!("{code}  目標{number}"),
    goal: "目標",
    achievement: "達成度",
    shortfall: "不足",
    derivation: |figure| format!("{figure}の算出"),
    method: "積算方法",
    evaluation: "評価内容",
    activities: "実施内容",
    overdue: "期限超過",
};

pub const KEYS_EN: Keys = Keys {
    global: GlobalKeys {
        quit: "quit",
        help: "this help",
        next_row: "next row / field",
        previous_row: "previous row/field",
        first_row: "first row / field",
        last_row: "last row / field",
        page_down: "page down",
        page_up: "page up",
        switch_pane: "tree <-> card",
        edit: "edit (tree: 実績値)",
        undo: "undo your edit",
        redo: "redo",
        filter: "filter the goals",
        search: "search as you type",
        next_match: "next match",
        previous_match: "previous match",
        method: "積算方法 lookup",
        find: "find a goal",
        wider_tree: "wider tree",
        narrower_tree: "narrower tree",
        plans: "switch plan",
        log: "change log",
        review: "review meeting mode",
        contrast: "high contrast",
        dashboard: "dashboard",
    },
    tree: TreeKeys {
        collapse: "collapse / parent",
        expand: "expand / open card",
    },
    card: CardKeys {
        back_to_tree: "back to the tree",
        edit_field: "edit the field",
    },
    editor: EditorKeys {
        save: "save",
        cancel: "cancel",
        new_line: "new line (評価内容)",
    },
    ask: AskKeys {
        first: "the first choice",
        second: "the second choice",
        third: "the third choice",
        fourth: "the fourth choice",
        back: "back, no change",
    },
    search: SearchKeys {
        keep: "keep the match",
        back: "back",
    },
    finder: FinderKeys {
        go_there: "go there",
        next_match: "next match",
        previous_match: "previous match",
        close: "close",
    },
    list: ListKeys {
        next: "next",
        previous: "previous",
        page_down: "page down",
        page_up: "page up",
        open: "open / go there",
        this_goal_or_all: "this goal / all",
        close: "close",
    },
    dashboard: DashboardKeys {
        leave: "leave the dashboard",
    },
    review: ReviewKeys {
        next_goal: "next goal",
        previous_goal: "previous goal",
        first_goal: "first goal",
        last_goal: "last goal",
        agenda_order: "agenda order",
        note_decision: "note 決定事項",
        note_follow_up: "note フォローアップ",
        note_owner: "note 担当",
        note_due: "note 期限",
        leave: "leave the review",
    },
    help: HelpKeys {
        scroll_down: "scroll down",
        scroll_up: "scroll up",
    },
    choice: ChoiceKeys {
        next: "next choice",
        previous: "previous choice",
    },
    field: FieldKeys {
        move_in_text: "move in the text",
        row_up_down: "row up / down",
        line_start_end: "line start / end",
        text_start_end: "text start / end",
        delete: "delete",
        delete_to_start_end: "delete to start/end",
        choose_status: "choose a status",
    },
};

pub const HELP_EN: Help = Help {
    title: "keys",
    legend: "✓達成 ~概ね達成 ✗未達成 -評価なし ?未入力 !計算不可 ›編集",
    scroll: |keys| format!("{keys} scroll, any other key closes"),
    everywhere: "Everywhere",
    tree: "Tree",
    card: "Card",
    editing: "Editing a field",
    search: "Search",
    finder: "Finder",
    review: |key| format!("Review meeting ({key})"),
    dashboard: |key| format!("Dashboard ({key})"),
    question: "A question",
    lists: |plans, log| format!("Plans ({plans}) and change log ({log})"),
    help: |key| format!("This help ({key})"),
    method: |key| format!("積算方法 lookup ({key})"),
    choice: "Choosing a status",
    in_a_field: "In a field",
};

pub const HINTS_EN: Hints = Hints {
    choose: "choose",
    save: "save",
    new_line: "new line",
    cancel: "cancel",
    back: "back",
    keep: "keep",
    go_there: "go there",
    close: "close",
    moves: "move",
    open: "open",
    this_goal_or_all: "this goal / all",
    next_back: "next/back",
    agenda: "agenda",
    method: "積算方法",
    notes: "notes",
    contrast: "contrast",
    leave: "leave",
    help: "help",
    quit: "quit",
    open_close: "open/close",
    card: "card",
    field: "field",
    tree: "tree",
    find: "find",
    search: "search",
    filter: "filter",
    undo: "undo",
    log: "log",
    edit: "edit",
    enter_actual: "実績値を入力",
    choose_milestone: "達成状況を選ぶ",
    edit_evaluation: "評価内容を編集",
    change_status: "状況を変更",
    replaced_value: |moves, delete| format!("typing replaces it; {moves} or {delete} edit it"),
    question_back: |key| format!("{key}  back, change nothing"),
};

pub const TREE_EN: TreePane = TreePane {
    title: |municipality, year| format!("{municipality} {year} 取り組み事項"),
};

pub const CARD_EN: CardPane = CardPane {
    select_a_goal: |moves, edit| format!("select a goal in the tree ({moves}), then {edit}"),
    activities_shared: |code| format!("実施内容 {code} と同じ"),
    meeting_note: |date| format!("評価会議 {date}"),
};

pub const EDITOR_EN: EditorWords = EditorWords {
    actual: "実績値",
    milestone: "達成状況",
    part_actual: |part| format!("{part} 実績値"),
    activity_status: |number| format!("実施内容{number} の状況"),
    note: |date, field| format!("会議 {date} {field}"),
    achieved: "達成 achieved",
    not_achieved: "未達成 not achieved",
    not_graded: "評価なし not graded",
    unset: "未記入 unset",
    todo: "未着手 todo",
    doing: "実施中 doing",
    done: "完了 done",
    dropped: "中止 dropped",
    part_gone: "this part no longer exists",
    activity_gone: "this activity no longer exists",
    nothing_chosen: "nothing chosen",
    takes_a_choice: "this field takes a choice",
    one_line: "this field takes one line: delete the line break shown as ^J",
    control_character: |picture, line| match line {
        Some(line) => format!(
            "delete the control character shown as {picture} in line {line}: it cannot be saved"
        ),
        None => format!("delete the control character shown as {picture}: it cannot be saved"),
    },
};

pub const METHOD_EN: Method = Method {
    title: |code| format!("{code} 積算方法  how it is counted"),
    unit: "単位",
    formula: "算式",
};

pub const FINDER_EN: Finder = Finder {
    title: "find a goal",
    prompt: "find",
    empty: "type a code (2-イ-7, 2イ7), a number (216) or words (コンビニ 電子申請)",
    searching: "searching...",
    no_match: "no goal matches",
    matches: |n| format!("{} match", plural(n, "goal")),
};

pub const LISTS_EN: Lists = Lists {
    plans_title: |n| format!("plans in this file ({n})"),
    goals: |n| plural(n, "goal"),
    open_now: "* = open now",
    log_title: |scope, n| format!("change log: {scope} ({})", plural(n, "change")),
    one_goal: |code| format!("{code} only"),
    all_goals: "all goals",
    no_changes: "no changes yet",
    before: "before",
    after: "after",
};

pub const REVIEW_EN: Review = Review {
    title: |date, order, k, n, meeting, item| {
        format!("評価会議 {date}  {order}  {k}/{n}  会議 {meeting}  項目 {item}")
    },
    empty_agenda: "(the agenda is empty)",
    show_all: |key| format!("({key}: all)"),
    notes: |date, keys| format!("会議メモ {date}  ({keys} to write)"),
    sheet_order: "sheet order",
    shortfalls_first: "未達成 first",
    area_only: |n| format!("area ({n}) only"),
};

pub const DASHBOARD_EN: Dashboard = Dashboard {
    title: |today, municipality, title, year| {
        format!("ダッシュボード  as of {today}   {municipality} {title} {year}")
    },
    area: "施策",
    achieved: "達成",
    near: "概ね",
    shortfall: "未達",
    not_graded: "なし",
    no_actual: "未入",
    not_computable: "不可",
    total: "計",
    worst: "未達成 worst",
    none: "none",
    bars: |max| format!("達成度 (# = rate, | = 100%, bars to {max}%)"),
    enlarge: "(enlarge the window to see the bars)",
    overdue: |n| format!("期限超過 by 担当係 ({n})"),
    more: |n| format!("+{n} more"),
};

pub const STATUS_EN: StatusBar = StatusBar {
    filter: |label| format!("filter: {label}"),
    no_match: "no match",
};

pub const FILTERS_EN: Filters = Filters {
    all: "all",
    shortfalls: "未達成 shortfalls",
    overdue: "期限超過 overdue",
    unrecorded: "未記入 status not recorded",
    section: |section| format!("担当 {section}"),
};

pub const MESSAGES_EN: Messages = Messages {
    stopped_by_signal: |discarded| format!("stopped by a signal; {discarded}"),
    terminal_error: |e| format!("terminal error: {e}"),
    answer_with_number: |c, first, last, back| {
        format!("{c}: answer with a number, {first} to {last}, or {back}")
    },
    no_such_key: |c, help| format!("{c}: no such key; {help} shows the keys"),
    paste_where: |edit| format!("paste into a field: press {edit} to open one first"),
    choose_in_range: |first, last, back| format!("choose {first} to {last}, or {back}"),
    cancelled: "cancelled: nothing was saved",
    kept_theirs: "kept the value saved by the other program; yours was not saved",
    merged: |save| format!("their text, with yours added: check it, then {save} saves"),
    nothing_undone: "nothing was undone",
    nothing_to_save: "nothing to save: you did not change it; the card shows the value saved meanwhile",
    finder_no_match: "no goal matches; type a code (2-イ-7), a number or words",
    not_in_plan: "that change is not about a goal of this plan",
    agenda: |order, n| format!("agenda: {order} ({n} goals)"),
    no_search_yet: |search| format!("no search yet: {search} to search"),
    no_goal_matches: |text| format!("no goal matches \"{text}\""),
    match_of: |k, n, text| format!("match {k}/{n} for \"{text}\""),
    filter: |label, shown| format!("filter: {label} ({shown} goals)"),
    high_contrast: |on| format!("high contrast {}", if on { "on" } else { "off" }),
    select_to_see_method: "select a goal to see how it is counted",
    select_to_see_card: |moves| format!("select a goal to see its card ({moves})"),
    discarded: |goal, typed| match typed {
        Some(text) => format!("the open field of {goal} was not saved (it held \"{text}\")"),
        None => format!("the open field of {goal} was not saved"),
    },
    select_to_edit: "select a goal to edit",
    not_editable: "this field cannot be edited",
    left_review: "left the review; the notes are saved",
    tree_width: |width, remembered| {
        if remembered {
            format!("tree width {width}% (remembered)")
        } else {
            format!("tree width {width}%")
        }
    },
    tree_width_not_remembered: |width, e| {
        format!("tree width {width}%, but it could not be remembered: {e}")
    },
    reloaded: "reloaded: the data file was changed by another program",
    damaged: |e| format!("{e}; nothing can be saved to it"),
    reload_failed: |e| format!("could not reload the data file: {e}"),
    changed_while_open: |by, now, save| match by {
        Some((actor, at)) => format!(
            "changed by {actor} at {at} to {now} while open; {save} will ask before saving over it"
        ),
        None => format!("changed to {now} while open; {save} will ask before saving over it"),
    },
    cannot_list_plans: |e| format!("cannot list the plans: {e}"),
    cannot_read_log: |e| format!("cannot read the change log: {e}"),
    opened_plan: |municipality, title, year| format!("opened {municipality} {title} {year}"),
    cannot_open_plan: |e| format!("cannot open that plan: {e}"),
    unknown_key: |label| {
        format!(
            "`{label}` is not a key name (keys are written like `j`, `Enter`, `Ctrl-D`, `Shift-Tab`)"
        )
    },
};

pub const QUESTIONS_EN: Questions = Questions {
    reading_title: |typed, point, many| format!("\"{typed}\": {point} or {many}?"),
    reading_why: |readings| {
        format!(
            "{readings}: this figure is counted in whole things, so the . may be a \
             thousands separator"
        )
    },
    save_reading: |value| format!("save {value}"),
    discard_title: "throw away what you typed in 評価内容?",
    discard_why: "評価内容 has text that is not saved.",
    throw_away: "throw it away",
    keep_editing: "keep editing",
    quit_title: "quit without saving what you typed?",
    quit_why: |save| {
        format!(
            "The open field has text that is not saved. {save} saves it; quitting now throws it away."
        )
    },
    quit_throw_away: "quit, throw it away",
    conflict_title: |subject, label| format!("{subject} {label} was changed while you had it open"),
    another_program: "another program",
    by_at: |actor, at| format!("{actor} at {at}"),
    save_yours_text: "save yours over theirs (theirs stays in the change log)",
    keep_theirs_text: "keep theirs; yours is not saved",
    keep_editing_yours: "keep editing yours",
    merge: "edit theirs, with what you added after it",
    they_changed: |who, part| format!("{who} changed it: {part}."),
    you_changed: |part| format!("You changed it: {part}."),
    when_opened: |seen| format!("When you opened it: {seen}."),
    saved_since: |who, current| format!("Saved since by {who}: {current}."),
    yours: |mine| format!("Yours: {mine}."),
    save_yours: |mine| format!("save yours ({mine}) over theirs"),
    keep_theirs: |current| format!("keep theirs ({current}); yours is not saved"),
    undo_title: |redo, actor| format!("{} over {actor}'s change?", undo_word(redo)),
    undo_changed: |subject, label, actor, at, current| {
        format!(
            "{subject} {label} was changed by {actor} at {at} after your edit; it is {current} now."
        )
    },
    undo_restores: |restores, current| {
        format!("Going ahead puts {restores} back in place of their {current}.")
    },
    undo_anyway: |redo, restores| format!("{} anyway: {restores}", undo_word(redo)),
    leave_it: |current| format!("leave {current} as it is"),
};

pub const EN: Tui = Tui {
    too_small: |width, height, min_width, min_height| {
        format!(
            "terminal too small: {width}x{height}. tassei needs at least {min_width}x{min_height}; enlarge the window (nothing is lost)."
        )
    },
    close_hint: "any key closes",
    sheet: SHEET_EN,
    keys: KEYS_EN,
    help: HELP_EN,
    hints: HINTS_EN,
    tree: TREE_EN,
    card: CARD_EN,
    editor: EDITOR_EN,
    method: METHOD_EN,
    finder: FINDER_EN,
    lists: LISTS_EN,
    review: REVIEW_EN,
    dashboard: DASHBOARD_EN,
    status: STATUS_EN,
    filters: FILTERS_EN,
    messages: MESSAGES_EN,
    questions: QUESTIONS_EN,
};
