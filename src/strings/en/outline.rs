//! The plan's outline changing, in English: the values of
//! [`strings::outline`](crate::strings::outline)'s shapes.

use crate::strings::outline::{Cli, Errors, Outline, Tui};

pub const EN: Outline = Outline {
    errors: ERRORS,
    cli: CLI,
    tui: TUI,
};

const ERRORS: Errors = Errors {
    empty: |what, label| format!("{what}: the {label} must not be empty"),
    one_line: |what, label| {
        format!("{what}: the {label} is one line (no line breaks, tabs or control characters)")
    },
    bands: |achieved, near| {
        format!(
            "thresholds {achieved}・{near}: both must be percentages above 0, 概ね達成 ({near}) below 達成 ({achieved}); nothing was changed"
        )
    },
    not_percent: |typed| {
        format!("{typed} is not a pair of percentages: write 達成 then 概ね達成, e.g. 100 80")
    },
    not_found: |what| format!("{what} is not in this plan (any more)"),
    conflict: |what, label, now| {
        format!("{what}: the {label} was changed meanwhile and is now {now}; nothing was changed")
    },
    same_area: |initiative| format!("{initiative} is already in that policy area"),
    area_full: |area| format!("policy area {area} has no letter left for another initiative"),
};

const CLI: Cli = Cli {
    plan_field: "The plan's own fields: title TEXT, or thresholds ACHIEVED NEAR (percentages, e.g. 100 80); no GOAL",
    initiative: "An initiative (⑴-ア or 1-ア) instead of a goal: --initiative ⑴-ア title TEXT",
    unknown_plan_field: |typed| {
        format!("{typed} is not a field of the plan: write title TEXT or thresholds ACHIEVED NEAR")
    },
    plan_field_values: |title, n| {
        if title {
            format!("--plan-field title takes one value, TEXT (given {n})")
        } else {
            format!("--plan-field thresholds takes two values, ACHIEVED NEAR (given {n})")
        }
    },
    initiative_title_only: "--initiative takes a title: tassei set --initiative ⑴-ア title TEXT",
    nothing_named: "name a goal (tassei set ⑴-ア-1 …), --initiative ⑴-ア title TEXT, or --plan-field title|thresholds …",
    field_missing: |goal| {
        format!(
            "tassei set {goal}: name the field to set: actual, achieved, part, target, baseline, title, unit, calc_method, precision, note, formula or direction (tassei set --help)"
        )
    },
    set_usage: "tassei set [OPTIONS] <GOAL> <FIELD>\n       tassei set --initiative <INITIATIVE> title <TEXT>\n       tassei set --plan-field title <TEXT>\n       tassei set --plan-field thresholds <ACHIEVED> <NEAR>",
    move_initiative: "An initiative: INITIATIVE up|down (its letter follows its place: ⑴-イ → ⑴-ア), or INITIATIVE to AREA (the next free letter there)",
    changed: |row, label, old, new| format!("{row} {label}: {old} → {new}"),
    unchanged: |row, label| format!("{row} {label}: already so; nothing was changed"),
};

const TUI: Tui = Tui {
    plan_title: "計画名 (the plan's title)",
    thresholds: "評価基準 (達成 概ね達成, in %)",
    initiative_title: |code| format!("{code} 取り組み事項 (the initiative's title)"),
    heading: "Edit",
    key_initiative_title: "edit the initiative's title (取り組み事項)",
    key_plan_title: "edit the plan's title (計画名)",
    key_thresholds: "edit the thresholds (達成 / 概ね達成 %)",
    hint_thresholds: "thresholds",
    hint_plan_title: "plan title",
    key_save: "save",
    select_initiative: "select an initiative (or one of its goals) to edit its title",
};
