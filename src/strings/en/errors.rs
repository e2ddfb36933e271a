//! The words of refusals and failures in English: the values of
//! [`strings::errors`](crate::strings::errors)'s shapes.

use crate::strings::errors::{
    Backup, Calculation, Code, Config, Csv, Date, Edit, Entry, Errors, Expression, Files, Number,
    Open, Period, Sheet, Store, Undo, Values, Words,
};

mod io;

use io::IO;

pub const EN: Errors = Errors {
    busy: "the data file is busy: another tassei is writing to it; try again in a moment",
    open: OPEN,
    store: STORE,
    backup: BACKUP,
    files: FILES,
    edit: EDIT,
    undo: UNDO,
    values: VALUES,
    sheet: SHEET,
    config: CONFIG,
    calculation: CALCULATION,
    csv: CSV,
    io: IO,
};

pub const OPEN: Open = Open {
    is_directory: |path| {
        format!(
            "{} is a directory, not a data file; pass a file path with --db",
            path.display()
        )
    },
    not_sqlite: |path| {
        format!(
            "{} is not a tassei data file (it is not an SQLite database); it was left untouched",
            path.display()
        )
    },
    not_tassei: |path| {
        format!(
            "{} is an SQLite database but not a tassei data file; it was left untouched",
            path.display()
        )
    },
    newer: |path, found, supported| {
        format!(
            "{} was written by a newer tassei (data file version {found}; this tassei knows versions up to {supported}); update tassei to open it",
            path.display()
        )
    },
    create: |path, source| format!("cannot create the data file {}: {source}", path.display()),
    read: |path, source| format!("cannot read the data file {}: {source}", path.display()),
    backup: |path, reason| {
        format!(
            "cannot back up {} before upgrading it: {reason}",
            path.display()
        )
    },
    bundled: |problems| {
        format!("the bundled sheet is invalid (a bug in this build of tassei):\n{problems}")
    },
    seed: |path, source| {
        format!(
            "cannot load the bundled sheet into {}: {source}",
            path.display()
        )
    },
    read_only: |path| {
        format!(
            "{} is read-only, and tassei writes every edit to it; check its permissions or copy it somewhere you can write",
            path.display()
        )
    },
    folder_not_writable: |path| {
        format!(
            "cannot write next to {}: tassei keeps a journal beside the data file, so its folder must be writable",
            path.display()
        )
    },
    network_share: |path, kind| {
        format!(
            "{} is on a network share ({kind}), where two computers' edits can damage it; copy it to a folder on this computer's own disk and open it there (or pass --network-ok to use it in place, one tassei at a time: it then locks every other window and clerk out until it is closed)",
            path.display()
        )
    },
    sqlite: |path, source| format!("the data file {} cannot be used: {source}", path.display()),
    damaged_with_copy: |path, found, db, copy| {
        let db = db.map_or_else(String::new, |db| format!("--db {} ", db.display()));
        format!(
            "{} is damaged ({found}); nothing was changed and its good copies were kept. Put the newest back with: tassei {db}restore {}",
            path.display(),
            copy.display()
        )
    },
    damaged_without_copy: |path, found| {
        format!(
            "{} is damaged ({found}); nothing was changed, and there is no good copy of it beside it: keep the file as it is and ask whoever looks after your computers to recover it",
            path.display()
        )
    },
    dangling_row: |row, table, parent| {
        let row = row.map_or_else(|| "a row".to_string(), |r| format!("row {r}"));
        format!(
            "{row} of {table} refers to a row of {parent} that is not there, so it could not be upgraded"
        )
    },
    copying_elsewhere: "another tassei is copying it this moment; try again in a moment",
};

pub const STORE: Store = Store {
    corrupt: |found| format!("the data file is damaged: {found}"),
    no_such_plan: |plan| format!("no plan \"{plan}\" in the data file"),
    no_plans: "the data file holds no plan; import one with `tassei import FILE`",
    backup: |why| format!("cannot make a backup: {why}"),
    disk_full: "the disk is full, so nothing was saved; free some space and try again (earlier edits are safe)",
    restore: |why| format!("cannot restore from that file: {why}"),
    copy: |copy, original| {
        let (copy, original) = (copy.display(), original.display());
        format!(
            "{copy} is a copy tassei made of {original}: what is written to a copy is lost when copies are pruned, so nothing was changed; to go back to it, tassei --db {original} restore {copy}; to work on it, copy it to a new name first"
        )
    },
    sqlite: |e| format!("database error: {e}"),
    rolled_over_already: |plan, year, there| {
        format!(
            "{plan} has been rolled over to FY{year} already: that year's plan is {there} (undo it there first to roll over again)"
        )
    },
    plan_exists: |id| {
        format!(
            "a plan with id \"{id}\" is already in the data file; give the file another \"id\" (or import it with --id NEW) to import it beside it"
        )
    },
    created: |path| {
        format!(
            "{} did not exist: created it with the bundled sheet",
            path.display()
        )
    },
    created_for: |path, slug| {
        format!(
            "{} did not exist: created it for plan \"{slug}\" alone",
            path.display()
        )
    },
    tightened: |path, mode| {
        format!(
            "{} was readable by other accounts (mode {mode:o}); it is now readable by you only (600), as tassei keeps every data file and copy",
            path.display()
        )
    },
    bad_today: |text| format!("SQLite returned \"{text}\" as today's date"),
    index_initiatives: |through_index, table| {
        format!("its index lists {through_index} initiatives of this plan, its table holds {table}")
    },
    index_goals: |through_index, table| {
        format!("its index lists {through_index} goals of this plan, its table holds {table}")
    },
    code_letter: |row, kana| format!("initiative {row} has the code letter \"{kana}\""),
    missing_source: |source| {
        format!("a goal takes its activities from goal {source}, which is not in this plan")
    },
    derivation_place: |goal| format!("goal {goal} derivation"),
    note_place: |goal| format!("goal {goal} meeting note"),
    note_no_date: |place| format!("{place} has no date"),
    note_figures: |place, e| format!("{place} has unreadable figures: {e}"),
    holds_not_number: |place, text| format!("{place} holds \"{text}\", which is not a number"),
    holds_unknown_word: |place, text| format!("{place} holds the unknown word \"{text}\""),
    holds_not_uid: |place, text| format!("{place} holds \"{text}\", which is not a uid"),
    holds_not_date: |place, text| format!("{place} holds \"{text}\", which is not a date"),
    log_unknown: |id, what, word| format!("change-log row {id} has the unknown {what} \"{word}\""),
    log_unknown_kind: |word| format!("the change log holds the unknown kind \"{word}\""),
    goal_of_row: |id| format!("the goal of row {id}"),
};

pub const BACKUP: Backup = Backup {
    not_tassei: |path| format!("{} is not a tassei data file", path.display()),
    cannot_write: |path, e| format!("cannot write {}: {e}", path.display()),
    copy_not_tassei: "the copy is not a tassei data file",
    names_taken: |path| {
        format!(
            "every name for a copy of {} this second is taken; try again in a moment",
            path.display()
        )
    },
    restore_itself: |path| {
        format!(
            "{} is the data file itself; name one of its copies",
            path.display()
        )
    },
    cannot_name_copy: |path| {
        format!(
            "cannot name a copy of {} before restoring; nothing was changed",
            path.display()
        )
    },
    daily_failed: |path, e| {
        format!(
            "warning: cannot make today's copy of {}: {e}; your edits are not affected",
            path.display()
        )
    },
    warning: |e| format!("warning: {e}; your edits are not affected"),
    cannot_read: |path, e| format!("{} cannot be read: {e}", path.display()),
    restore_damaged: |path, found| {
        format!(
            "{} is damaged ({found}); nothing was changed. Name another copy",
            path.display()
        )
    },
    cannot_remove: |path, e| format!("cannot remove {}: {e}", path.display()),
};

pub const FILES: Files = Files {
    held: |path, reason| {
        format!(
            "another program may have {} open (an antivirus scan, Excel or an editor, a backup or sync tool): {reason}; close it or wait a moment, then try again",
            path.display()
        )
    },
    moved_to_local: |old, new| {
        format!(
            "moved the data file and its copies from {} to {}: a data file in the roaming profile travels between computers, which can leave two versions of it",
            old.display(),
            new.display()
        )
    },
    not_moved_to_local: |file, new, reason| {
        format!(
            "cannot move the data file {} to {} ({reason}); it is used where it is, and the move is tried again next time",
            file.display(),
            new.display()
        )
    },
    copies_left: |count, old| {
        format!(
            "{count} of its copies could not be moved and are still in {}",
            old.display()
        )
    },
    journal_busy: "its journal could not be written into it: another tassei may have it open",
    journal_left: |journal| format!("{} still holds edits", journal.display()),
};

pub const EDIT: Edit = Edit {
    not_found: |subject| {
        format!("{subject} is not in the data file (it may have been removed by another window)")
    },
    conflict: |subject, label, by, current, seen| {
        let by = match by {
            Some((actor, at)) => format!("by {actor} at {at}"),
            None => "elsewhere".to_string(),
        };
        format!(
            "{subject} {label} was changed {by} to {current} (you saw {seen}); nothing was saved — look again and re-enter"
        )
    },
    composite: |subject, parts| {
        format!(
            "{subject} is a composite goal: set each part's actual instead (its parts: {parts})"
        )
    },
    not_milestone: |subject, formula| {
        format!("{subject} is a {formula} goal, not a milestone: set its actual instead")
    },
    negative: |subject, value| {
        format!("{subject}: this goal's figures cannot be negative: {value}")
    },
    empty_title: |subject| format!("{subject}: the title (目標名) must not be empty"),
    one_line: |subject, label| {
        format!("{subject}: the {label} is one line on the sheet; remove the line break")
    },
    zero_target: |subject| {
        format!(
            "{subject}: the target (目標値) of a ratio goal cannot be 0: actual ÷ target would be undefined"
        )
    },
    bad_due: |subject, text| {
        format!(
            "{subject}: the 期限 \"{text}\" is not a date in the stored form YYYY-MM-DD, e.g. 2026-12-15"
        )
    },
    control_character: |subject, code| {
        format!("{subject}: the text contains the control character U+{code:04X}; remove it")
    },
    empty_field: |subject, label| format!("{subject}: the {label} must not be empty"),
    composite_formula: |subject, from, to| {
        format!(
            "{subject}: a {from} goal cannot become {to}: a composite goal's parts are the plan's structure (add or remove the goal instead)"
        )
    },
    figures_unfit: |subject, formula, why| {
        format!("{subject} cannot take the formula \"{formula}\" as its figures stand: {why}")
    },
    milestone_number: |label, value| {
        format!("the {label} is a number ({value}); a milestone's figures are words, or none")
    },
    target_against_direction: |target, baseline, lower| {
        if lower {
            format!(
                "the target ({target}) is not below the baseline ({baseline}), so lower cannot be better"
            )
        } else {
            format!(
                "the target ({target}) is not above the baseline ({baseline}), so higher cannot be better"
            )
        }
    },
    impossible_period: |subject, text, why| {
        format!("{subject}: the 時期 \"{text}\" names no real date: {why}")
    },
};

pub const UNDO: Undo = Undo {
    nothing_to_undo: "nothing of yours to undo",
    nothing_to_redo: "nothing of yours to redo",
    changed_after: |changed| format!("{changed}; nothing was changed"),
    changed_since: |action, subject, current| {
        format!(
            "cannot {action} {subject}: it was changed again since ({current}); nothing was changed"
        )
    },
    not_revertible: |action, row| {
        format!("cannot {action} change #{row}: its field can no longer be set that way")
    },
    rollover: |plan| format!("the rollover to {plan}"),
    edited_by: |who, at| format!("{who} edited it at {at}"),
    handed_out: |section, at| format!("handed out to {section} at {at}"),
    rolled_on: |plan, who, at| format!("{who} rolled it over to {plan} at {at}"),
};

pub const VALUES: Values = Values {
    number: NUMBER,
    entry: ENTRY,
    date: DATE,
    period: PERIOD,
    code: CODE,
    expression: EXPRESSION,
    words: WORDS,
    not_uid: |text| format!("\"{text}\" is not a uid (32 lowercase hex digits)"),
    no_initiative: |code, codes| format!("no initiative {code} in this plan; it has {codes}"),
    no_goal: |initiative, goal, numbers| {
        format!("{initiative} has no goal {goal}; its goals are {numbers}")
    },
};

pub const NUMBER: Number = Number {
    empty: "empty: type a number, e.g. 9,016",
    two_decimal_points: |input| format!("two decimal points: {input}"),
    two_signs: |input| format!("more than one sign: {input}"),
    misplaced_sign: |input| format!("the sign must come first: {input}"),
    misplaced_comma: |input| {
        format!("commas must separate groups of three digits, e.g. 9,016: {input}")
    },
    exponent: |input| format!("exponent notation is not accepted; type the digits: {input}"),
    too_many_digits: |most, input| format!("too many digits (at most {most}): {input}"),
    wrong_unit: |given, expected, input| {
        format!("the unit {given} is not this goal's unit ({expected}): {input}")
    },
    unexpected_unit: |given, input| {
        format!("this goal has no unit, so \"{given}\" cannot follow the number: {input}")
    },
    bad_character: |bad, input| format!("\"{bad}\" is not allowed in a number: {input}"),
    not_a_number: |input| format!("not a number: {input}"),
    quoted_long: |head, tail, count| format!("\"{head}…{tail}\" ({count} characters)"),
    two_readings: |point, thousands| format!("could be {point} or {thousands}"),
};

pub const ENTRY: Entry = Entry {
    empty_text: "empty: type the actual, e.g. 構築",
    composite: |parts| format!("this is a composite goal: enter each part's actual ({parts})"),
    negative: |value| format!("this goal's figures cannot be negative: {value}"),
    not_composite: "this goal has no parts (it is not a composite goal): set its actual instead",
    no_such_part: |number, parts| {
        format!("this goal has no part {number}; its parts are numbered 1 to {parts}")
    },
    ambiguous: |typed, point, grouped, thousands| {
        format!("\"{typed}\" could be {point} or {grouped}; write {thousands} or {point}")
    },
    not_precision: |typed| {
        format!("\"{typed}\" is not a number of decimals; write a whole number from 0 to 4")
    },
};

pub const DATE: Date = Date {
    unreadable: |input| {
        format!(
            "{input} is not a date; write it as 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日"
        )
    },
    no_such_month: |input, month| format!("{input} is not a date: there is no month {month}"),
    no_such_day: |input, year, month, days| {
        format!("{input} is not a date: {year}年{month}月 has {days} days")
    },
    before_era: |input, era, began, spelled| {
        format!("{input} is not a date: {era} began on {began} ({spelled})")
    },
    after_era: |input, era, ended, spelled| {
        format!("{input} is not a date: {era} ended on {ended} ({spelled})")
    },
    out_of_range: |input, first, last| {
        format!("{input} is out of range: tassei takes dates from {first} (平成元年) to {last}")
    },
};

pub const PERIOD: Period = Period {
    unrecognised: "not a form tassei reads",
    unrecognised_in: |n, next| {
        format!(
            "not a form tassei reads, such as R{n}.7, R{n}.7～R{next}.2, R{next}.2まで, 令和{n}年度中, 上半期 or 随時"
        )
    },
    no_such_month: |month| format!("there is no month {month}"),
    no_such_day: |year, month, days| format!("{year}年{month}月 has {days} days"),
    year_zero: |era, first| format!("there is no {era}0年: {era} counts from 元年 ({first})"),
    before_era: |era, began, spelled| format!("{era} began on {began} ({spelled})"),
    after_era: |era, ended, spelled| format!("{era} ended on {ended} ({spelled})"),
    out_of_range: |first, last| format!("tassei takes years from {first} (平成元年) to {last}"),
    no_such_quarter: |n| {
        format!(
            "there is no 第{n}四半期: a fiscal year has four, 第1 (April–June) to 第4 (January–March)"
        )
    },
    ends_before_start: "it ends before it starts",
};

pub const CODE: Code = Code {
    no_area: |input| {
        format!("\"{input}\": expected a policy area number first, as in 1-ア-1 or ⑴-ア-1")
    },
    no_kana: |input| {
        format!("\"{input}\": expected a katakana letter after the policy area, as in 1-ア-1")
    },
    no_goal: |input| {
        format!("\"{input}\": expected a goal number after the initiative, as in 1-ア-1")
    },
    trailing: |input| format!("\"{input}\": unexpected text after the code"),
    two_separators: |input| {
        format!("\"{input}\": two separators in a row; write one, as in 1-ア-1")
    },
    invisible: |input, code| {
        format!(
            "\"{input}\": contains the invisible character U+{code:04X}; delete it, or type the code anew"
        )
    },
};

pub const EXPRESSION: Expression = Expression {
    empty: "empty: write the arithmetic, e.g. 3,609 × 3分 ÷ 60",
    trailing: "unexpected text after the expression",
    not_a_token: |other| format!("\"{other}\" is not a number, unit or operator"),
    not_closed: "a \"(\" is not closed",
    not_opened: "a \")\" without its \"(\"",
    missing_number: "a number is missing",
};

pub const WORDS: Words = Words {
    unknown: |what, given, known| format!("unknown {what} \"{given}\"; use one of: {known}"),
    formula_kind: "formula kind",
    figure: "figure",
    direction: "direction",
    milestone_state: "milestone state",
    activity_status: "activity status",
};

pub const SHEET: Sheet = Sheet {
    format: |first, current, found| {
        format!("expected \"{current}\" or \"{first}\", found \"{found}\"")
    },
    newer_field: |first, newer| {
        format!(
            "this field is new in {newer}; the file says \"{first}\": write \"format\": \"{newer}\" to keep it"
        )
    },
    uid_zero: "a uid of all zeros names no row; remove it and one is drawn on import",
    previous_without_uid: "previous_uid links a row to last year's, but this row has no uid of its own; add its uid or remove previous_uid",
    duplicate_uid: |uid| {
        format!(
            "uid {uid} is given to another row of this file too; each row has its own (remove one, and one is drawn on import)"
        )
    },
    duplicate_note: |date, path, first| {
        format!("a second note of the meeting on {date} (also {path}.meeting_notes[{first}])")
    },
    more: |more| format!("…and {more} more problems"),
    control_character: |code, at| {
        format!("contains the control character U+{code:04X} at character {at}; remove it")
    },
    empty: "must not be empty",
    allow_negative: |refusal| {
        format!("{refusal}; if they may be, add \"allow_negative\": true to the goal")
    },
    not_json: |inner| format!("the file is not valid JSON ({inner})"),
    cut_short: |inner| format!("the file ends too early: it is cut short ({inner})"),
    figure_expected: r#"a number as a string ("9,016"), a whole number, {"text": "…"} or null"#,
    fraction: |v| {
        format!(
            "{v} is a JSON number with a fraction, which is not exact; write it as a string, e.g. \"{v}\""
        )
    },
    text_key: |key| format!("unexpected key \"{key}\"; a text value is {{\"text\": \"…\"}}"),
    text_value: r#"a text value is {"text": "…"}"#,
    goal_number_zero: "goal numbers start at 1",
    direction: |formula, direction| {
        format!("a {formula} goal cannot have direction \"{direction}\"")
    },
    precision: |precision, most| format!("{precision} decimals is too many; at most {most}"),
    milestone_missing: "a milestone goal needs a state: achieved, not_achieved or not_graded",
    milestone_not_allowed: |formula| {
        format!("only milestone goals have a milestone state, not {formula} goals")
    },
    two_derivations: |figure| format!("the {figure} has two derivations"),
    derivation_of_text: |figure| {
        format!("the {figure} is not a number, so there is nothing to check the arithmetic against")
    },
    derivation_differs: |text, value, figure, stated| {
        format!("{text} works out to {value}, but the {figure} is {stated}")
    },
    no_parts: "a composite goal needs at least one part",
    parts_not_allowed: |formula| format!("only composite goals have parts, not {formula} goals"),
    part_target: "a part needs a numeric target",
    part_actual: "a part's actual must be a number or null",
    id: "must be a non-empty name without spaces, e.g. ibusuki-dx-r5",
    invisible: |code| format!("contains the invisible character U+{code:04X}; remove it"),
    fiscal_year: |year| {
        format!(
            "{year} is not a fiscal year; write the western year it starts in, e.g. 2023 for 令和5年度"
        )
    },
    area: |number| format!("policy area {number} is zero or listed twice"),
    no_initiatives: "a plan needs at least one initiative",
    duplicate_initiative: |code, first| {
        format!("duplicate initiative {code} (also initiatives[{first}])")
    },
    duplicate_goal: |number, path, first| {
        format!("duplicate goal number {number} (also {path}.goals[{first}])")
    },
    near: |near, achieved| format!("near ({near}) must be between 0 and achieved ({achieved})"),
    activities_from_itself: "a goal cannot take its activities from itself",
    activities_from_missing: |source| format!("{source} is not a goal in this file"),
    activities_from_chained: |source| {
        format!("{source} itself takes its activities from another goal; name that goal instead")
    },
    activities_from_and_own: "a goal with activities_from must not list activities of its own",
};

pub const CONFIG: Config = Config {
    no_folder: |env| format!("cannot find a config folder for this user; set {env} to a file path"),
    read: |path, source| format!("cannot read the config file {}: {source}", path.display()),
    malformed: |path, line, message| {
        format!("the config file {}, line {line}: {message}", path.display())
    },
    tree_width: |width| format!("tree_width must be a percent from 10 to 90, not {width}"),
    write: |path, source| {
        format!(
            "cannot write the config file {}: {source}; it was left as it was",
            path.display()
        )
    },
    unknown_key: |path, line, key, known| {
        format!(
            "the config file {}, line {line}: unknown key \"{key}\" (ignored; tassei reads {known})",
            path.display()
        )
    },
    unknown_lang: |path, line, value| {
        format!(
            "the config file {}, line {line}: lang = \"{value}\" is no language tassei speaks (ignored: write \"ja\" or \"en\"; the locale decides meanwhile)",
            path.display()
        )
    },
};

pub const CALCULATION: Calculation = Calculation {
    missing_actual: "no actual (実績値) yet",
    missing_target: "no target (目標値)",
    missing_baseline: "no baseline (基準値)",
    text: |field, text| format!("the {field} is text (\"{text}\"), not a number"),
    zero_target: "the target (目標値) is 0, so actual ÷ target is undefined",
    zero_actual: "the actual (実績値) is 0, so target ÷ actual is undefined",
    target_equals_baseline: "the target equals the baseline, so progress from the baseline is undefined",
    no_parts: "a composite goal needs at least one part",
    part_missing_actual: |part| format!("part \"{part}\" has no actual yet"),
    part_zero_target: |part| format!("part \"{part}\" has a target of 0"),
    too_large: "the numbers are too large to compute exactly",
    milestone_unset: "the milestone's state (achieved, not achieved or not graded) is not entered yet",
    division_by_zero: "the arithmetic divides by zero",
    not_computable: |reason| format!("not computable: {reason}"),
    target: "target (目標値)",
    actual: "actual (実績値)",
    baseline: "baseline (基準値)",
    achieved: "達成 (achieved) → 100",
    not_achieved: "未達成 (not achieved) → 0",
    not_graded: "評価なし (not graded) → ー",
    ratio: "実績値 ÷ 目標値 × 100",
    lower_from_baseline: "(基準値 - 実績値) ÷ (基準値 - 目標値) × 100 (lower is better)",
    lower: "目標値 ÷ 実績値 × 100 (lower is better)",
    from_baseline: "(実績値 - 基準値) ÷ (目標値 - 基準値) × 100",
    composite: "the mean of each part's 実績値 ÷ 目標値, × 100",
    milestone: "achieved 100, not achieved 0, not graded ー",
};

pub const CSV: Csv = Csv {
    at_line: |line, problem| format!("line {line}: {problem}"),
    not_shift_jis: "these bytes are neither UTF-8 nor Shift_JIS (CP932); save the file again from Excel as \"CSV UTF-8\" or \"CSV (comma delimited)\"",
    not_utf8: "the file starts as UTF-8 (it has a BOM) but these bytes are not UTF-8; save the file again from Excel as \"CSV UTF-8\"",
    utf16: "this is a UTF-16 text file, not CSV; save the file again from Excel as \"CSV UTF-8\" or \"CSV (comma delimited)\"",
    unreadable: |why| format!("the CSV cannot be read: {why}"),
    unknown_header: |row, known| {
        format!(
            "the first row ({row}) is neither a goal code nor a header tassei reads; name the columns {known}, or leave the header out and write goal,actual[,status,evaluation]"
        )
    },
    too_few_cells: |found, needed| {
        format!("the row has {found} of the {needed} cells it needs; it was left out")
    },
    not_a_goal_code: |cell| {
        format!(
            "{cell} is not a goal code (write it as on the sheet, 1-ア-1 or ⑴-ア-1); the row was left out"
        )
    },
    key_disagrees: |key, shown| {
        format!(
            "the code column says {key} but the row shows the goal {shown}; correct one of them (the row was left out)"
        )
    },
    code_lost_to_question_mark: |cell| {
        format!(
            "{cell} is not a goal code: saved as CSV (カンマ区切り), ⑴ became ? (Shift_JIS has no ⑴); write it with plain digits, as 1-ア-1 (the row was left out)"
        )
    },
};
