//! The words of a plan's structure changing: a goal or an activity added, removed or moved, in
//! the store's refusals, the change said in words, the command line and the TUI.

use std::fmt::Display;

/// Every sentence about adding, removing and moving rows, for one language.
pub struct Structure {
    /// Refusals (`model::structure`, `store::structure`).
    pub errors: Errors,
    /// A structural change said in words (`report::structure`), for both front ends.
    pub change: Change,
    /// `tassei add`, `remove`, `move`: help and what is printed.
    pub cli: Cli,
    /// The TUI's prompts and questions.
    pub tui: Tui,
}

/// Why a structural change was not made. Nothing is written in any case.
pub struct Errors {
    /// A new goal without a title: the code it would have.
    pub empty_title: fn(&str) -> String,
    /// A part added to a goal that is not composite: (the goal, its formula word).
    pub not_composite: fn(&dyn Display, &str) -> String,
    /// A part's 目標値 of 0 or less: the part.
    pub part_target: fn(&str) -> String,
    /// A new initiative without a title: the code it would have.
    pub empty_initiative_title: fn(&str) -> String,
    /// A new activity without 実施内容: the subject it would have.
    pub empty_content: fn(&str) -> String,
    /// A goal, activity or initiative that is not (or no longer) in the file: what was named.
    pub not_found: fn(&str) -> String,
    /// An activity added to a goal whose activities are another's: (the goal, that goal).
    pub takes_activities: fn(&dyn Display, &dyn Display) -> String,
    /// A goal removed whose activities others share: (the goal, those goals, listed).
    pub shared_by: fn(&dyn Display, &str) -> String,
    /// A move to where the row is, or out of its list: (the row, its number now, how many rows
    /// the list has).
    pub cannot_move: fn(&str, usize, usize) -> String,
    /// An undo or redo of an added, removed or moved row that was changed since: (undo or redo,
    /// the row).
    pub changed_since: fn(&str, &str) -> String,
    /// A removal or move whose row was removed, replaced or moved since the clerk chose it.
    pub not_as_chosen: &'static str,
    /// A logged structure change this tassei cannot read: (undo or redo, its change-log row).
    pub unreadable: fn(&str, i64) -> String,
}

/// A structural change in words.
pub struct Change {
    /// `⑴-ア-3 を追加しました`: the new row.
    pub added: fn(&str) -> String,
    /// `⑴-ア-3 を削除しました`: the row as it was named.
    pub removed: fn(&str) -> String,
    /// `⑴-ア-3 を ⑴-ア-1 へ移動しました`: (the row before, after).
    pub moved: fn(&str, &str) -> String,
    /// A number that changed with it: `⑴-ア-3 → ⑴-ア-2` (before, after).
    pub renumbered: fn(&str, &str) -> String,
    /// Activities copied to a goal that shared them: (how many, the goal).
    pub copied: fn(usize, &str) -> String,
    /// An undo or redo that added, removed or moved a row: (undo or redo, the sentence).
    pub reverted: fn(bool, &str) -> String,
    /// An undo that put a removed row back: (the row).
    pub undid_removal: fn(&str) -> String,
    /// An undo that took an added row away again: (the row).
    pub undid_addition: fn(&str) -> String,
}

/// The command line's help and words for `add`, `remove` and `move`.
#[derive(Debug)]
pub struct Cli {
    pub add_about: &'static str,
    pub remove_about: &'static str,
    pub move_about: &'static str,
    /// `add`'s examples and grammar.
    pub add_examples: &'static str,
    pub remove_examples: &'static str,
    pub move_examples: &'static str,
    pub add_goal: &'static str,
    pub add_activity: &'static str,
    pub add_initiative: &'static str,
    pub add_part: &'static str,
    pub remove_part: &'static str,
    /// `add part`'s LABEL, TARGET and UNIT.
    pub part_label: &'static str,
    pub part_target: &'static str,
    pub part_unit: &'static str,
    /// `remove part`'s N.
    pub part_number: &'static str,
    /// What N counts in `remove part`, for [`Cli::no_such_number`].
    pub parts: &'static str,
    pub remove_initiative: &'static str,
    /// The AREA argument: `1` or `⑴`.
    pub area: &'static str,
    /// The new initiative's title.
    pub initiative_title: &'static str,
    /// An AREA that is not one: what was typed.
    pub not_area: fn(&str) -> String,
    pub remove_goal: &'static str,
    pub remove_activity: &'static str,
    pub move_goal: &'static str,
    pub move_activity: &'static str,
    /// The INITIATIVE argument: `⑴-ア` or `1-ア`.
    pub initiative: &'static str,
    /// `--after N`.
    pub after: &'static str,
    /// The new goal's title.
    pub title: &'static str,
    /// The new activity's 実施内容.
    pub content: &'static str,
    /// `--period`.
    pub period: &'static str,
    /// `--period`'s value name: `時期`.
    pub period_value: &'static str,
    /// `--sections`' value name: `係,係`.
    pub sections_value: &'static str,
    /// What `--after N` counts in `add goal`, for [`Cli::no_such_number`].
    pub goals: &'static str,
    /// What `--after N` counts in `add activity`.
    pub activities: &'static str,
    /// `--sections`.
    pub sections: &'static str,
    /// The activity's number N.
    pub activity_number: &'static str,
    /// `--copy-activities`.
    pub copy_activities: &'static str,
    /// `--yes`.
    pub yes: &'static str,
    /// Where to: `up`, `down`, `to N`.
    pub whither: &'static str,
    /// An initiative code that does not parse or name one: what was typed.
    pub no_initiative: fn(&str) -> String,
    /// `--after N` or an activity number out of range: (what, N, how many there are).
    pub no_such_number: fn(&str, usize, usize) -> String,
    /// `up`, `down` or `to N` misread: what was typed.
    pub not_whither: fn(&str) -> String,
    /// The question before removing: the row and what goes with it.
    pub confirm_remove: fn(&str) -> String,
    /// Removal asked with no terminal to answer and no `--yes`: the row.
    pub needs_yes: fn(&str) -> String,
    /// Answers to [`Cli::confirm_remove`] that mean yes (anything else keeps the row).
    pub yes_answers: &'static [&'static str],
    /// The clerk answered no: the row.
    pub kept: fn(&str) -> String,
    /// After a refusal for shared activities: how to copy them.
    pub copy_hint: &'static str,
}

/// The TUI's prompts and questions.
pub struct Tui {
    /// The one-line prompt for a new goal's title: the code it will have.
    pub goal_title: fn(&str) -> String,
    /// The one-line prompt for a new activity's 実施内容: the subject it will have.
    pub activity_content: fn(&str) -> String,
    /// The question before removing a goal: its code and title.
    pub remove_goal: fn(&str, &str) -> String,
    /// The question before removing a goal whose activities others share: (code, those goals).
    pub remove_shared: fn(&str, &str) -> String,
    /// The question before removing an activity: (subject, content).
    pub remove_activity: fn(&str, &str) -> String,
    /// The question before removing an initiative with its goals: (code, title, goals).
    pub remove_initiative: fn(&str, &str, usize) -> String,
    /// The removal question's title.
    pub remove_title: &'static str,
    /// Its first answer: remove.
    pub remove_yes: &'static str,
    /// Its first answer when the goal's activities are copied to the goals sharing them first.
    pub remove_copying: &'static str,
    /// `a` `d` `J` `K` on the card of a goal whose activities are another's: (that goal).
    pub shared_elsewhere: fn(&str) -> String,
    /// Its second answer (and Esc): keep.
    pub remove_no: &'static str,
    /// Kept: nothing removed.
    pub nothing_removed: &'static str,
    /// `a` `d` `J` `K` on the card away from an activity row.
    pub select_activity: &'static str,
    /// `a` `d` `J` `K` in the tree away from a goal.
    pub select_goal: &'static str,
    /// `J`/`K` at the end of the list.
    pub at_the_end: &'static str,
    /// The help's heading for the new row's line.
    pub prompt_heading: &'static str,
    /// Key help: the tree's `a`, `d`, `J`, `K`.
    pub key_add_goal: &'static str,
    pub key_remove_goal: &'static str,
    pub key_goal_down: &'static str,
    pub key_goal_up: &'static str,
    /// Key help: the card's `a`, `d`, `J`, `K` on an activity row.
    pub key_add_activity: &'static str,
    pub key_remove_activity: &'static str,
    pub key_activity_down: &'static str,
    pub key_activity_up: &'static str,
    /// Key help: the new row's line, Enter and Esc.
    pub key_add: &'static str,
    /// The footer's words for `a` / `d` (short: the footer is one line).
    pub hint_rows: &'static str,
    pub key_close: &'static str,
}
