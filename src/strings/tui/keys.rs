//! What each key does, as the help popup (`?`) lists it: one struct per keymap context.

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
    /// (the help's row under its 'In a choice' heading says them); kept so the table describes
    /// every key.
    pub choice: ChoiceKeys,
    /// The help's 'In a field' and 'In a choice' sections: the keys an open field handles
    /// itself.
    pub field: FieldKeys,
    /// The help's section of the collect's path prompt (`I`).
    pub collect_file: CollectFileKeys,
    /// The help's section of the collect preview.
    pub collect: CollectKeys,
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
    pub collect: &'static str,
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
/// (the help's row under its 'In a choice' heading says them); kept so the table describes
/// every key.
pub struct ChoiceKeys {
    pub next: &'static str,
    pub previous: &'static str,
}

/// The help's 'In a field' and 'In a choice' sections: the keys an open field handles itself.
pub struct FieldKeys {
    pub move_in_text: &'static str,
    pub row_up_down: &'static str,
    pub line_start_end: &'static str,
    pub text_start_end: &'static str,
    pub delete: &'static str,
    pub delete_to_start_end: &'static str,
    /// PgUp PgDn in 評価内容.
    pub page_up_down: &'static str,
    pub choose_status: &'static str,
}

/// The help's section of the collect's path prompt (`I`).
pub struct CollectFileKeys {
    pub read: &'static str,
    pub close: &'static str,
}

/// The help's section of the collect preview.
pub struct CollectKeys {
    pub next: &'static str,
    pub previous: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub take: &'static str,
    pub skip: &'static str,
    pub keep: &'static str,
    pub apply: &'static str,
    pub close: &'static str,
}
