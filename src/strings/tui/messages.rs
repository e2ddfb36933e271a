//! What the status bar says after an action, and the questions a popup asks first.

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
    /// The second answer to a conflict: the value saved elsewhere kept, the field closed.
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
    /// Someone else changed the data file (another window, another clerk, a command); the TUI
    /// reloaded it.
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
    /// A rolled-over plan removed by `u`: (its id, the plan it was made from, now open).
    pub rollover_undone: fn(&str, &str) -> String,
    /// A label naming no key: (the label).
    pub unknown_key: fn(&str) -> String,
    /// The opening message when the config file had something to say (an unknown key, a file
    /// that could not be read), which stderr said before the TUI covered it: (the first
    /// warning, how many more).
    pub config_warnings: fn(&str, usize) -> String,
    /// The opening message when opening the data file had something to say (it did not exist
    /// and was made from the bundled sheet; it was moved out of Roaming), which stderr said
    /// before the TUI covered it: (the first note, how many more lines stderr holds).
    pub opening_notes: fn(&str, usize) -> String,
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
    /// A conflict over a value: the answer that goes back to the open field.
    pub back_to_field: &'static str,
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
    /// `u` when the clerk's latest action in the plan is its rollover: (the plan's year
    /// `令和6年度`, its id).
    pub rollover_title: fn(&str, &str) -> String,
    /// What removing it does: (its id, the plan it was made from).
    pub rollover_removes: fn(&str, &str) -> String,
    /// The answer that removes it: (its id).
    pub rollover_remove: fn(&str) -> String,
    /// The answer that keeps it.
    pub rollover_keep: &'static str,
}
