//! The words of the plan's outline changing: its title (計画名), its thresholds, an initiative's
//! title and place, in the store's refusals, the command line and the TUI.

/// Every sentence about the outline, for one language.
pub struct Outline {
    pub errors: Errors,
    pub cli: Cli,
    pub tui: Tui,
}

/// Why an outline edit was not made. Nothing is written in any case.
pub struct Errors {
    /// A title left empty: (what it names, the field's label).
    pub empty: fn(&str, &str) -> String,
    /// A title on more than one line: (what it names, the field's label).
    pub one_line: fn(&str, &str) -> String,
    /// Bands not both above 0 with 概ね達成 under 達成: (達成, 概ね達成).
    pub bands: fn(&str, &str) -> String,
    /// A band that is not a number: what was typed.
    pub not_percent: fn(&str) -> String,
    /// The plan or initiative is not in the file (any more): what was named.
    pub not_found: fn(&str) -> String,
    /// The stored value is not the one the clerk was shown: (what, label, value now).
    pub conflict: fn(&str, &str, &str) -> String,
    /// A move of an initiative to the area it is in: the initiative.
    pub same_area: fn(&str) -> String,
    /// An area with no letter left for a moved initiative: the area.
    pub area_full: fn(&str) -> String,
}

/// `tassei set --plan-field`, `set --initiative`, `move initiative`.
#[derive(Debug)]
pub struct Cli {
    /// `--plan-field title|thresholds VALUE…`.
    pub plan_field: &'static str,
    /// `--initiative CODE`.
    pub initiative: &'static str,
    /// An unknown plan field: what was typed.
    pub unknown_plan_field: fn(&str) -> String,
    /// The values a plan field takes: (whether it is the title — else the thresholds —, how
    /// many were given).
    pub plan_field_values: fn(bool, usize) -> String,
    /// `--initiative` without `title TEXT`.
    pub initiative_title_only: &'static str,
    /// Neither a goal, nor `--plan-field`, nor `--initiative`.
    pub nothing_named: &'static str,
    /// A goal named without a field: the goal as typed.
    pub field_missing: fn(&str) -> String,
    /// `tassei set`'s usage lines (clap's `Usage:` heading before them).
    pub set_usage: &'static str,
    /// `move initiative`'s help: INITIATIVE up|down|to AREA.
    pub move_initiative: &'static str,
    /// What was written: (the row, the label, old, new) — `計画名: 旧 → 新`.
    pub changed: fn(&str, &str, &str, &str) -> String,
    /// Nothing written: the value was already that.
    pub unchanged: fn(&str, &str) -> String,
}

/// The TUI's words for the outline.
pub struct Tui {
    /// The one-line editor's title for the plan's title.
    pub plan_title: &'static str,
    /// The one-line editor's title for the thresholds, with how to type them.
    pub thresholds: &'static str,
    /// The one-line editor's title for an initiative's title: the initiative.
    pub initiative_title: fn(&str) -> String,
    /// The one-line editor's frame when it edits (not adds).
    pub heading: &'static str,
    /// `e` in the tree: edit the selected initiative's title.
    pub key_initiative_title: &'static str,
    /// `t` on the dashboard: edit the plan's title.
    pub key_plan_title: &'static str,
    /// `b` on the dashboard: edit the thresholds.
    pub key_thresholds: &'static str,
    /// The dashboard's footer words for `b` and `t` (short: the footer is one line).
    pub hint_thresholds: &'static str,
    pub hint_plan_title: &'static str,
    /// The footer's word for Enter on the line when it edits the outline.
    pub key_save: &'static str,
    /// `e` where no initiative is selected.
    pub select_initiative: &'static str,
}
