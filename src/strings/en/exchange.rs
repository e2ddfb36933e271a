//! The exchange's words in English: the values of
//! [`strings::exchange`](crate::strings::exchange)'s shape.

use crate::strings::exchange::Exchange;

pub const EN: Exchange = Exchange {
    cell: |at, subject, label| format!("{at} ({subject} {label})"),
    wrote_handout: |section, goals, activities, path| {
        format!(
            "wrote {section}'s handout ({goals} goals, {activities} activities) to {}",
            path.display()
        )
    },
    no_such_section: |section, known| {
        format!("no activity names the section {section}; the sections are: {known}")
    },
    section_needed: "name a section (--section 市民係) or ask for every one (--all-sections)",
    bad_value: |at, why| format!("{at}: {why}"),
    not_status: |at, typed, statuses| format!("{at}: \"{typed}\" is not a status ({statuses})"),
    not_milestone: |at, typed, states| format!("{at}: \"{typed}\" is not a 達成状況 ({states})"),
    cannot_clear: |at| {
        format!("{at}: cannot be left empty; choose one from the list (達成・未達成・ー)")
    },
    formula: |at, formula| format!("{at}: holds a formula (={formula}) instead of a value"),
    not_exact: |at, shown| {
        format!("{at}: {shown} is not a number Excel holds exactly; type the figure itself")
    },
    percent_fraction: |at, held, meant| {
        format!(
            "{at}: {held} looks like {meant}% typed with Excel's percent sign (Excel holds 85% as 0.85): left out; type {meant} (the ％ is in the cell's format)"
        )
    },
    unknown_key: |at, key| format!("{at}: the row key \"{key}\" is not a row of this handout"),
    duplicate_key: |at, key| format!("{at}: the row key \"{key}\" appears a second time"),
    moved_row: |at, key, shown| {
        format!("{at}: the row of {key} shows {shown}: rows were moved or overwritten")
    },
    missing_row: |file, subject| {
        format!("{file}: the row of {subject} is missing (deleted, or its key column changed)")
    },
    not_theirs: |at| format!("{at}: not this section's to fill"),
    refused: |at, why| format!("{at}: {why}"),
    not_workbook: |file, why| format!("{file}: not a workbook tassei can read: {why}"),
    not_handout: |file| {
        format!("{file}: not a tassei handout (no 評価シート with a handout number)")
    },
    other_plan: |file, plan| format!("{file}: handed out for another plan, not {plan}"),
    other_year: |file, year, plan, open_year, open| {
        format!(
            "{file}: handed out for {year} (plan {plan}), not for {open_year} (plan {open}, open now): nothing collected; to collect it into {year}'s plan, add --plan {plan}"
        )
    },
    unknown_handout: |file, id| {
        format!(
            "{file}: handout {id} is not in this data file's registry (handed out from another file?)"
        )
    },
    from_file: |file, section, id| format!("{file} — {section}, handout {id}:"),
    change: |subject, label, current, returned, base| {
        format!("  {subject} {label}  {current} → {returned}  (handed out {base})")
    },
    conflict: |subject, label, current, returned, base| {
        format!(
            "  conflict {subject} {label}  now {current}, returned {returned}, handed out {base}: not applied (--prefer returned|current)"
        )
    },
    current_by: |value, who, at| format!("{value} (set by {who}, {at})"),
    conflict_returned: |subject, label, current, returned, base| {
        format!(
            "  conflict {subject} {label}  now {current}, returned {returned}, handed out {base}: returned taken (--prefer returned)"
        )
    },
    conflict_current: |subject, label, current, returned, base| {
        format!(
            "  conflict {subject} {label}  now {current}, returned {returned}, handed out {base}: the value now kept (--prefer current)"
        )
    },
    cleared: |subject, label, current, returned, base| {
        format!(
            "  cleared {subject} {label}  {current} → {returned}  (handed out {base}): the section emptied the cell; not applied unless you confirm the clear (--prefer returned)"
        )
    },
    cleared_taken: |subject, label, current, returned| {
        format!(
            "  cleared {subject} {label}  {current} → {returned}  (the clear confirmed: --prefer returned)"
        )
    },
    cleared_kept: |subject, label, current| {
        format!(
            "  cleared {subject} {label}: the section emptied the cell; {current} kept (--prefer current)"
        )
    },
    cleared_left: |at, current| {
        format!(
            "{at}: emptied in the return (now {current}): left out; to clear it, collect again with --prefer returned"
        )
    },
    conflict_left: |at, current, returned, base| {
        format!(
            "{at}: conflict: now {current}, returned {returned}, handed out {base}: left out (--prefer returned|current)"
        )
    },
    collected_before: |file, at| format!("{file}: collected before, on {at}"),
    nothing_new: |file| format!("{file}: nothing to change"),
    preview_only: "a preview: nothing was written (add --apply to take the changes)",
    applied: |file, n, left| match n {
        0 => format!("{file}: 0 applied, {left} left out"),
        n => format!("{file}: {n} applied, {left} left out (one batch: tassei undo takes it back)"),
    },
    all_or_nothing: |file| format!("{file}: nothing applied (--all-or-nothing)"),
    undone_collect: |n, section, file| match section {
        Some(section) => {
            format!("undid the collect of {file} from {section}: {n} values taken back")
        }
        None => format!("undid the collect of {file}: {n} values taken back"),
    },
    redone_collect: |n, section, file| match section {
        Some(section) => format!("redid the collect of {file} from {section}: {n} values put back"),
        None => format!("redid the collect of {file}: {n} values put back"),
    },
    origin: |section, file| format!("  (from {section}, {file})"),
    settled_returned: |over| {
        format!(" — a conflict: returned preferred over {over} (--prefer returned)")
    },
    settled_clear: " — a cleared cell: the clear confirmed (--prefer returned)",
    origin_file: |file| format!("  (from {file})"),
    csv_at: |file, line| format!("{file} line {line}"),
    not_csv: |file, why| format!("{file}: not a CSV tassei can read: {why}"),
    from_csv: |file, encoding| {
        format!("{file} — CSV ({encoding}), no handout: each value is compared with the one now")
    },
    unbased: |subject, label, current, returned| {
        format!("  {subject} {label}  {current} → {returned}  (no handout base: check it)")
    },
    lost_text: |subject, label, current, returned| {
        format!(
            "  {subject} {label}  returned {returned} is {current} with characters lost to ? (CP932): kept as it is"
        )
    },
    unknown_goal: |at, code| format!("{at}: no goal {code} in this plan; the row was left out"),
    status_needs_one_activity: |at, goal, n| {
        format!(
            "{at}: 状況 in a goal's row is read only for a goal with one activity; {goal} has {n} (set each with tassei activity)"
        )
    },
    status_shared: |at, goal, source| {
        format!(
            "{at}: {goal}'s activities are {source}'s; give 状況 in {source}'s row (or with tassei activity)"
        )
    },
};
