//! The exchange's words in English: the values of
//! [`strings::exchange`](crate::strings::exchange)'s shape.

use crate::strings::exchange::{Exchange, PlanWorkbook};

/// `1 value`, `3 values`.
fn values(n: usize) -> String {
    if n == 1 {
        "1 value".to_string()
    } else {
        format!("{n} values")
    }
}

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
    not_exact: |at, shown| {
        format!("{at}: {shown} is not a number Excel holds exactly; type the figure itself")
    },
    date_or_time: |at| {
        format!(
            "{at}: Excel made what was typed a date or a time (3/4 becomes a date): left out; \
             type the figure alone, or start text with '"
        )
    },
    percent_fraction: |at, held, meant| {
        format!(
            "{at}: {held} looks like {meant}% typed with Excel's percent sign (Excel holds {meant}% as {held}): left out; type {meant} (the ％ is in the cell's format)"
        )
    },
    unknown_key: |at, key| format!("{at}: the row key \"{key}\" is not a row of this handout"),
    duplicate_key: |at, key, others| {
        format!(
            "{at}: the row of \"{key}\" is given more than once (also {others}): neither copy is taken; keep one row and collect again"
        )
    },
    moved_row: |at, key, shown| {
        format!("{at}: the row of {key} shows {shown}: rows were moved or overwritten")
    },
    missing_row: |file, subject| {
        format!("{file}: the row of {subject} is missing (deleted, or its key column changed)")
    },
    refused: |at, why| format!("{at}: {why}"),
    not_workbook: |file, why| format!("{file}: not a workbook tassei can read: {why}"),
    not_handout: |file| {
        format!("{file}: not a tassei handout (no 評価シート with a handout number)")
    },
    other_plan: |file, plan| {
        format!(
            "{file}: not handed out for the plan open, {plan} (a plan of the same name imported into another data file is another plan): collect it with the data file that handed it out (tassei --db FILE collect …)"
        )
    },
    other_year_plan: |file, year, plan, open_year, open| {
        format!(
            "{file}: handed out for {year} (plan {plan}), not for {open_year} (plan {open}, open now): nothing collected; to collect it into {year}'s plan, add --plan {plan}"
        )
    },
    unknown_handout: |file, id| {
        format!(
            "{file}: handed out from another data file that holds this plan (this data file never handed out handout {id} for it), so what was handed out is not known here; collect it with the data file that handed it out (tassei --db FILE collect …), or hand the section a new workbook from this one (tassei handout --section …)"
        )
    },
    made_elsewhere: |file, id| {
        format!(
            "{file}: handed out from a copy of this data file (its handout {id} is not this data file's handout {id}: they were made at different times), so what was handed out is not known here; collect it with the data file that handed it out (tassei --db FILE collect …), or hand the section a new workbook from this one (tassei handout --section …)"
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
            "  cleared {subject} {label}  {current} → {returned}  (handed out {base}): the section emptied the cell; not applied unless you confirm the clear (--confirm-clears)"
        )
    },
    cleared_taken: |subject, label, current, returned| {
        format!(
            "  cleared {subject} {label}  {current} → {returned}  (the clear confirmed: --confirm-clears)"
        )
    },
    cleared_kept: |subject, label, current| {
        format!(
            "  cleared {subject} {label}: the section emptied the cell; {current} kept (--prefer current)"
        )
    },
    cleared_left: |at, current| {
        format!(
            "{at}: emptied in the return (now {current}): left out; to clear it, collect again with --confirm-clears"
        )
    },
    conflict_left: |at, current, returned, base| {
        format!(
            "{at}: conflict: now {current}, returned {returned}, handed out {base}: left out (--prefer returned|current)"
        )
    },
    collected_before: |file, at| {
        format!("{file}: a return of this handout was collected before, on {at}")
    },
    nothing_new: |file| format!("{file}: nothing to change"),
    preview_only: "a preview: nothing was written (add --apply to take the changes)",
    applied: |file, n, left| match n {
        0 => format!("{file}: 0 applied, {left} left out"),
        n => format!("{file}: {n} applied, {left} left out (one batch: tassei undo takes it back)"),
    },
    all_or_nothing: |file| format!("{file}: nothing applied (--all-or-nothing)"),
    undone_collect: |n, section, file| {
        let values = values(n);
        match section {
            Some(section) => {
                format!("undid the collect of {file} from {section}: {values} taken back")
            }
            None => format!("undid the collect of {file}: {values} taken back"),
        }
    },
    redone_collect: |n, section, file| {
        let values = values(n);
        match section {
            Some(section) => {
                format!("redid the collect of {file} from {section}: {values} put back")
            }
            None => format!("redid the collect of {file}: {values} put back"),
        }
    },
    origin: |section, file| format!("  (from {section}, {file})"),
    settled_returned: |over| format!(" — a conflict: returned preferred over {over}"),
    settled_clear: " — a cleared cell: the clear confirmed",
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
    section_tally: |section, leads, shares, activities| {
        format!("{section}  {leads} goals as 主担当, {shares} shared, {activities} activities")
    },
    sections_end: |n| {
        format!(
            "{n} sections; tassei handout --section NAME writes one's workbook, --all-sections every one's"
        )
    },
    no_sections: "no activity of this plan names a section (担当係), so there is nothing to hand out",
    handout_exists: |files, n| {
        let it = if n == 1 { "it" } else { "them" };
        format!(
            "{files}: already there (a section may be filling {it} in); nothing was written: move {it} away, or add --force to replace {it}"
        )
    },
    file_separator: ", ",
    cannot_open: |file, why| format!("{file}: {why}"),
    not_xlsx: |file| {
        format!(
            "{file}: not an Excel workbook (.xlsx): it holds something else, text perhaps; give the workbook as the section sent it, or open the file in Excel and save it as Excel ブック (.xlsx)"
        )
    },
    old_or_locked: |file| {
        format!(
            "{file}: an Excel 97-2003 workbook (.xls) or one saved with a password, which tassei cannot read; open it in Excel and save it as Excel ブック (.xlsx) without a password"
        )
    },
    damaged_workbook: |file| {
        format!(
            "{file}: the workbook is damaged or cut short (a mail or a copy that did not finish?); ask the section to send it again, or open it in Excel and save it anew"
        )
    },
    not_a_figure: |at, subject, label, why, unit| {
        if unit.is_empty() {
            format!("{at} ({subject} {label}): {why}. Type the number only")
        } else {
            format!(
                "{at} ({subject} {label}): {why}. Type the number only (the unit {unit} is not needed)"
            )
        }
    },
    refused_value: |at, subject, label, why| format!("{at} ({subject} {label}): {why}"),
    formula_instead: |at, subject, label, formula, instead| {
        format!("{at} ({subject} {label}): holds a formula (={formula}), not a value. {instead}")
    },
    type_the_figure: "Type the figure itself, a number, not a calculation",
    choose_a_status: "Choose 未着手, 実施中, 完了 or 中止 from the drop-down",
    type_the_text: "Type the text itself",
    wrote_datafile: |section, goals, activities, path| {
        format!(
            "wrote {section}'s handout data file ({goals} goals, {activities} activities) to {0}: open it with tassei --db {0}, bring it back with tassei collect {0}",
            path.display()
        )
    },
    datafile_exists: |path| {
        format!(
            "{} exists: a handout data file is never written over (it may hold a section's figures); name another file or move it away",
            path.display()
        )
    },
    from_datafile: |file, section, id, who, last| {
        format!(
            "{file} — {section}, handout {id}, a handout data file changed there by {who} (last {last}):"
        )
    },
    from_datafile_untouched: |file, section, id| {
        format!("{file} — {section}, handout {id}, a handout data file nobody changed there:")
    },
    open_beside: |file, beside| {
        format!(
            "{file}: {beside} lies beside it, so the file is still open in tassei (or was not closed properly): close tassei on the laptop first, then bring the file again"
        )
    },
    set_aside: |file, aside| {
        format!(
            "{} was there: moved to {} (a section may have filled it in), not deleted",
            file.display(),
            aside.display()
        )
    },
    no_free_name: "no free name to move the file there to (.replaced-1 … .replaced-999 are taken)",
    was_wal: |file| {
        format!(
            "{file}: the file was switched to write-ahead logging (by an older tassei?), so its last changes may be in {file}-wal on the laptop: open it there with this tassei and close it again, then bring the file back"
        )
    },
    not_datafile: |file, why| format!("{file}: not a tassei data file tassei can read: {why}"),
    not_tassei_file: "it is not a tassei data file",
    not_exchange: |file| {
        format!(
            "{file}: a tassei data file, but not a handout (make one with tassei handout --format tassei)"
        )
    },
    other_format: |file, found, made_by, ours, version| {
        format!(
            "{file}: exchange format {found} (written by tassei {made_by}); this tassei {version} reads format {ours}: collect it with the same version of tassei, or hand it out again"
        )
    },
    other_year: |file, found, plan| {
        format!("{file}: handed out for {found}, not {plan} (the plan open)")
    },
    other_section: |file, id, there, registry| {
        format!(
            "{file}: says handout {id} went to {there}, but the registry says {registry}; nothing read"
        )
    },
    newer_datafile: |file, found, supported| {
        format!(
            "{file}: written by a newer tassei (data file version {found}; this one reads up to {supported}): update tassei first"
        )
    },
    no_plan_there: |file| {
        format!("{file}: does not hold the plan it was handed out for (edited outside tassei?)")
    },
    not_theirs_there: |file, subject, label, who, at| {
        format!(
            "{file}: {subject} {label} was changed there by {who} ({at}) but is not this section's to fill: left out"
        )
    },
    plan_differs: |file| {
        format!(
            "{file}: the plan's title, municipality, thresholds or policy areas differ from this data file: left out"
        )
    },
    only_there: |file, code| {
        format!("{file}: {code} is in the file but not in this data file: left out")
    },
    fixed_differs: |file, code, what| {
        format!(
            "{file}: {code}'s {} differs from this data file: left out (only 実績値, 状況, 評価内容, 達成状況 and meeting notes are collected)",
            what.join(", ")
        )
    },
    left_behind: |subject, label, section| {
        format!(
            "{subject} {label} is saved here, but it is not one of {section}'s fields in this handout: the collect will leave it out"
        )
    },
    plan_workbook: PlanWorkbook {
        place: |cell, header| format!("{cell} ({header})"),
        formula: |place, formula| {
            format!(
                "{place}: a formula (={formula}) where the value itself is wanted; type the value"
            )
        },
        error_value: |place, value| format!("{place}: Excel's error {value}, not a value"),
        not_whole: |place, typed| format!("{place}: \"{typed}\" is not a whole number"),
        unknown_goal: |place, typed| {
            format!("{place}: no goal \"{typed}\" on データ; name a goal of データ (⑴-ア-1)")
        },
        unknown_item: |place, item| {
            format!(
                "{place}: \"{item}\" is not an item of a plan (計画ID, 自治体, 計画名, 年度, 達成の基準, 概ね達成の基準, 出典, 政策分野N)"
            )
        },
        not_plan_workbook: |file| {
            format!(
                "{file} is not a plan workbook: it needs the sheets 計画 and データ as tassei export --format xlsx or tassei new --template writes them"
            )
        },
        missing_header: |cell, header| {
            format!("{cell}: the header \"{header}\" is missing (keep the headers as exported)")
        },
        missing_columns: |file, sheet, headers| {
            format!(
                "{file}: the sheet {sheet} has no column {headers}; keep the header row as the template has it"
            )
        },
        other_title: |place, first| {
            format!(
                "{place}: another title than this initiative's first row gives (「{first}」); write the same title on every row of it"
            )
        },
        no_goals: |file, sheet| {
            format!(
                "{file}: no goals: the sheet {sheet} has no rows; write one row per goal under its header (see 記入方法)"
            )
        },
        into_header: |file, plan| {
            format!("{file} against plan {plan} (the data file's value → the workbook's):")
        },
        into_change: |subject, label, stored, workbook| {
            format!("  {subject} {label}: {stored} → {workbook}")
        },
        paper_not_read: "評価シート is the printed sheet and an import does not read it; change values on データ and 実施内容. These 評価シート values differ from データ's:",
        paper_cell: |cell, value, data, stored| {
            format!("  {cell} is not read: {value} ({data} has {stored})")
        },
        paper_empty: "empty",
        not_xlsx: |file| {
            format!(
                "{file} is not an Excel workbook (.xlsx): it holds CSV, text or another format (a LibreOffice .ods). Open the plan's workbook in Excel, save it as \"Excel Workbook (.xlsx)\", then import that"
            )
        },
        date: |place, held| {
            format!(
                "{place}: Excel made what was typed a date or a time ({held}); to keep it as typed, type it again starting with ' ('5/1)"
            )
        },
        number_word: |place, typed, word| {
            format!(
                "{place}: \"{word}\" cannot be used in a number (\"{typed}\"); type digits, such as 10000 (the unit goes in the 単位 column)"
            )
        },
        no_formula: |place| {
            format!(
                "{place}: empty; choose a formula kind (ratio, lower_is_better, from_baseline, composite, milestone; see 記入方法)"
            )
        },
        not_year: |place, typed, year| {
            format!("{place}: \"{typed}\" is not a fiscal year; type the Western year ({year})")
        },
        unreadable_periods: |n, cells| {
            format!(
                "時期 that cannot be read: {n} ({cells}): imported as typed, but never judged overdue; write it like R6.5 or 令和6年度中 to have it read"
            )
        },
        direction_with: |message, formula| format!("{message}; correct {formula} or the direction"),
        id_taken: |file, cell, id| {
            format!(
                "{file} {cell} (計画ID): the data file already has a plan \"{id}\"; nothing was written. Give {cell} another id, or import with --id NEW-ID (a plan you just imported is taken back by tassei undo)"
            )
        },
        problems_in: |file| format!("Problems in {file}:"),
        problems_count: |n| format!("{n} problem(s); nothing was written"),
        nothing_written: "Nothing was written",
        into_conflict: |subject, label, stored, workbook, who, when| {
            format!(
                "  {subject} {label}: conflict — the data file has {stored} ({who} changed it at {when}), the workbook {workbook}; both changed after the export"
            )
        },
        into_maybe_conflict: |subject, label, stored, workbook, who, when| {
            format!(
                "  {subject} {label}: maybe a conflict — the data file has {stored} ({who} changed it at {when}), the workbook {workbook}; this workbook does not record when it was exported, so which is newer cannot be told"
            )
        },
        into_choose: |n| {
            format!(
                "{n} conflict(s). Add --prefer workbook (write the workbook's values) or --prefer stored (keep the data file's) to --apply"
            )
        },
        into_kept: |n| format!("{n} conflict(s) left as the data file has them"),
        not_written: |subject, label, stored, workbook| {
            format!(
                "  {subject} {label}: {stored} → {workbook} — not written by an import; change it in tassei"
            )
        },
        added: |subject| {
            format!(
                "  {subject}: only in the workbook — not added (add rows with tassei add/remove)"
            )
        },
        missing: |subject| {
            format!(
                "  {subject}: not in the workbook — not removed (remove rows with tassei add/remove)"
            )
        },
        moved: |stored, workbook| {
            format!("  {stored}: at {workbook} in the workbook — not moved (tassei move)")
        },
        no_plan_uid: |file, plan| {
            format!(
                "{file} carries no plan uid (a workbook made from the template, or not exported by tassei): it cannot be compared with plan {plan}. To change plan {plan}, edit a workbook written by tassei export --format xlsx and import that"
            )
        },
        other_plan: |file, plan, theirs| {
            format!(
                "{file} was exported from plan {theirs}, not plan {plan}: not compared. To change plan {plan}, export it again (tassei --plan {plan} export --format xlsx) and edit that (for plan {theirs}, use --into {theirs})"
            )
        },
        nothing_to_write: |file| format!("nothing in {file} changes a value the import writes"),
        into_preview: |n| {
            format!(
                "a preview: nothing was written; --apply writes the {n} change(s) above as one step (tassei undo takes them back)"
            )
        },
        into_applied: |n, file| {
            format!("wrote {n} change(s) from {file} as one step (tassei undo takes them back)")
        },
    },
};
