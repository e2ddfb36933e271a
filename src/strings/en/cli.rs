//! The command line's words in English: the values of
//! [`strings::cli`](crate::strings::cli)'s shapes.

use crate::strings::cli::{
    Activity, Backup, ClapErrors, Cli, Commands, Completions, Edit, ExchangeHelp, FoundIn, Frame,
    Global, Help, Import, Man, NewTemplate, Note, Output, Read, Restore, Rollover, RolloverHelp,
    Said, Session, Set, Similar, Summary,
};

pub const HELP: Help = Help {
    about: "達成 — keep a municipal plan's KPI evaluation sheet: actuals, 達成度, shortfalls, activities",
    global_heading: "Global options",
    global: Global {
        db: "The data file (default: tassei.db in the platform's data folder)",
        network_ok: "Use a data file on a network share (NFS, SMB) in place. It costs sharing: tassei then holds the file exclusively (rollback journal, exclusive locking), so no other window or clerk can open it until this tassei ends. Better: copy the file to a local disk",
        user: "Your name in the change log, and whose edits undo takes back (default: the config file's actor, else the OS account name)",
        keep_backups: "How many days of dated copies to keep (default 7). Set by TASSEI_KEEP_BACKUPS",
        busy_timeout_ms: "How long a write waits for another tassei's to finish, in milliseconds. Set by TASSEI_BUSY_TIMEOUT_MS (tests make it short)",
        plan: "Which plan in the data file, by its id (default: the first plan's newest fiscal year). See `tassei plans`",
        as_of: "Judge overdue activities as of this date: 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日 (default: today)",
        theme: "The TUI's colours: default, or high-contrast for projectors (T switches too). Default: the config file's `theme`, else default",
        lang: "The language of the interface: ja or en. Default: the config file's `lang`, else the locale (ja for a Japanese locale or Windows in Japanese, en otherwise)",
    },
    commands: Commands {
        export: "Export every goal as JSON, CSV (UTF-8 with BOM, for Excel) or an Excel workbook (xlsx: the sheet as printed), or the whole plan as a plan file (plan: for tassei import)",
        find: "Find goals by code, number or words, ranked, with their 積算方法",
        show: "Show a goal's card: figures, worked calculation, 積算方法, 評価内容, activities",
        set: "Set a goal's actual, a milestone's state, a composite goal's part, or its target, baseline, title, unit or 積算方法",
        activity: "Set an activity's status",
        summary: "Counts per status and the list of shortfalls",
        log: "The change log: who changed what, when",
        import: "Import a plan file (the tassei-plan/2 or /1 JSON format) or a plan workbook (.xlsx) beside the plans already there; with --into, bring a workbook's changes into its plan",
        plans: "List the plans in the data file",
        note: "Write a meeting note on a goal: decision, follow_up, owner or due",
        minutes: "A meeting's notes as Markdown minutes, grouped by initiative",
        review: "Open the TUI in the review-meeting mode (評価会議)",
        backup: "Copy the data file now (besides the copy made on each day of use)",
        restore: "Replace the data file with a backup of it, after backing up the current one",
        undo: "Undo your latest edit (read from the change log, so it works after a restart)",
        redo: "Redo your latest undone edit",
        completions: "Print the shell completion script for bash, zsh, fish or PowerShell (needs no data file)",
        man: "Print the manual page (roff) of tassei or of one of its commands (needs no data file)",
        handout: "Write a section's fill-in workbook (照会): its goals and activities, input cells unlocked",
        collect: "Read returned workbooks (回答) and preview or apply their figures by the three-way rule (取りまとめ)",
        sections: "List the sections (担当係) a handout can be for, with the goals each leads (主担当) and its activities",
        rollover: "Make the next fiscal year's plan from this one: last year's actuals as its baselines, 時期 a year on (a preview; --apply writes it)",
        new: "Write an empty plan workbook to fill in Excel and read with tassei import (--template FILE.xlsx)",
    },
    goal: "The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1",
    output: "Write to this file instead of standard output",
    export_format: "json: an array of goal records; csv: UTF-8 with BOM, formulas neutralised; xlsx: an Excel workbook in the sheet's layout (needs --output on a terminal); plan: the whole plan as a tassei-plan/2 file, which tassei import reads back into another data file exactly",
    find_words: "A goal code (2-イ-7, 2イ7), a number (216), or words (コンビニ 電子申請); every word must match",
    log_goal: "Only this goal's changes (its parts and activities included)",
    import_file: "A plan file in the tassei-plan/2 or /1 JSON format, or a workbook (.xlsx) as tassei export --format xlsx or tassei new --template writes it (see the README)",
    import_into: "Compare the workbook (.xlsx) with the plan it was exported from, row by row by uid, and show each changed value (a preview)",
    import_prefer: "With --into --apply: which value a field changed both in the workbook and in the data file keeps: workbook or stored",
    import_apply: "With --into: write the changed values as ordinary edits, one step for tassei undo",
    new_template: "The workbook to write (.xlsx): the sheets tassei import reads, a marked example row and the instructions (記入方法); an existing file is never replaced",
    import_id: "The new plan's id, instead of the file's (a plan with that id is already in the data file)",
    minutes_date: "The meeting date: 2026-11-24, R8.11.24 or 令和8年11月24日 (default: the latest meeting with notes)",
    restore: Restore {
        file: "A backup of the data file (e.g. tassei.db.bak-2026-11-24)",
        yes: "Do not ask: replace the data file (after backing it up)",
    },
    undo_yes: "Go ahead even where someone else changed the field after your edit (their value is overwritten; their change stays in the log); undoing a rollover: remove the plan without asking",
    note: Note {
        field: "decision (決定事項), follow_up (フォローアップ), owner (担当) or due (期限: a date such as 2026-12-15, R8.12.15 or 令和8年12月15日, kept as 2026-12-15)",
        text: "The text (Japanese is fine). Empty clears the field",
        date: "The meeting date, written as the 期限 is (default: today)",
    },
    activity: Activity {
        number: "The activity's number on the goal's card (from 1)",
        status: "The activity's progress",
        status_value: "unset, todo, doing, done, dropped — or 未記入, 未着手, 実施中, 完了, 中止. unset (未記入) clears the status: not recorded, never overdue",
        content: "The activity's 実施内容 (cannot be empty)",
        period: "The activity's 時期 as the sheet writes it (R５.７～Ｒ６．２, R6.3末, 上半期, 随時 …), read in the plan's fiscal year; a date that cannot be (平成31年5月) is refused, text tassei cannot read is kept and counted as unreadable",
        sections: "The activity's 担当係: one or more sections, separated by 、 or , (市民係、総務係)",
        text: "The text (Japanese is fine)",
        examples: "Examples:\n  tassei activity 1-ア-1 1 status done\n  tassei activity 1-ア-1 1 content \"職員向け研修を実施する\"\n  tassei activity 1-ア-1 1 period R５.６～Ｒ６．２\n  tassei activity 1-ア-1 1 sections 市民係、総務係",
    },
    set: Set {
        fields_heading: "Fields",
        examples: "Examples:\n  tassei set 1-ア-1 actual 9,500\n  tassei set 2-イ-1 achieved yes\n  tassei set 1-オ-1 part 1 14回\n  tassei set 1-オ-1 part 1 target 8\n  tassei set 1-ウ-2 target 95\n  tassei set 1-ア-1 formula from_baseline\n  tassei set --initiative 1-ア title \"行政手続のオンライン化\"\n  tassei set --plan-field title \"指宿市DX推進計画\"\n  tassei set --plan-field thresholds 100 80       (達成 at 100%, 概ね達成 at 80%; every goal regraded)",
        actual: "The goal's 実績値; prints the recomputed 達成度",
        actual_example: "Example: tassei set 1-ア-1 actual 9,500",
        actual_value: "As on the sheet: 9500, 9,500, ９，５００ or 9,500件 (the goal's own unit); a sign is read too, and refused where the goal's figures cannot be negative; none (なし) clears it",
        achieved: "Whether a milestone goal was achieved",
        achieved_example: "Example: tassei set 2-イ-1 achieved yes",
        achieved_state: "yes, no or ungraded — or achieved, not_achieved, not_graded; 達成, 未達成, ー; none (or 未入力) for not entered yet, as a year begins",
        part: "The 実績値 of one part of a composite goal, or with label, unit or target first, that field of the part",
        part_example: "Examples:\n  tassei set 1-オ-1 part 1 14回\n  tassei set 1-オ-1 part 1 label 開催回数\n  tassei set 1-オ-1 part 1 unit 回\n  tassei set 1-オ-1 part 1 target 8",
        part_number: "The part's number on the goal's card, from 1",
        part_value: "As on the sheet, in the part's own unit: 14, 14回, １４回",
        yes: "Save a value like 9.500 in a unit counted in whole things (件, 人, 回 …) as 9.5, the decimal it reads as, instead of asking whether 9,500 was meant",
        target: "The goal's 目標値; prints the recomputed 達成度",
        target_example: "Example: tassei set 1-ウ-2 target 95",
        baseline: "The goal's 基準値; prints the recomputed 達成度",
        baseline_example: "Example: tassei set 1-ウ-2 baseline 80",
        title: "The goal's title (目標名)",
        title_example: "Example: tassei set 1-ウ-2 title \"マイナンバーカードの有効申請率を３％向上させる\"",
        unit: "The goal's unit (単位), as the sheet prints it after each figure",
        unit_example: "Example: tassei set 1-ア-1 unit 件",
        calc_method: "The goal's 積算方法: how its figures are counted",
        calc_method_example: "Example: tassei set 1-ウ-2 calc_method \"令和6年2月末時点\"",
        text: "The text (Japanese is fine); a title cannot be empty",
        precision: "How many decimals the goal's 達成度 is shown with (小数桁); prints it recomputed",
        precision_example: "Example: tassei set 1-ウ-2 precision 2",
        precision_digits: "Digits after the decimal point, from 0 to 4",
        figure_value: "As on the sheet, in the goal's own unit (a milestone's as text); none (なし) clears it",
        note: "The note printed under the goal's title (※参考 …); empty text removes it",
        note_example: "Example: tassei set 1-ウ-1 note \"※参考:令和４年度総取扱件数 28,787件\"",
        formula: "How the goal's 達成度 is worked out; checked against its figures as the import checks a plan file, and the goal is graded again at once (a composite goal's parts are the plan's structure: to or from composite is refused)",
        formula_example: "Example: tassei set 2-イ-3 formula milestone",
        formula_kind: "ratio (実績値 ÷ 目標値), lower_is_better, from_baseline or milestone, as in the plan file",
        direction: "Whether a larger actual is better (higher) or a smaller one (lower); a ratio is higher, lower_is_better lower",
        direction_example: "Example: tassei set 1-ア-1 direction lower",
        direction_word: "higher or lower",
        part_field_value: "With a FIELD first (label, unit or target), that field's value: tassei set 1-オ-1 part 1 target 8",
    },
    completions: Completions {
        shell: "The shell to complete tassei's commands and options in",
        examples: "Install (then open a new shell):\n  bash:        tassei completions bash > ~/.local/share/bash-completion/completions/tassei\n  zsh:         tassei completions zsh > ~/.zfunc/_tassei   (fpath+=(~/.zfunc) before compinit in ~/.zshrc)\n  fish:        tassei completions fish > ~/.config/fish/completions/tassei.fish\n  PowerShell:  add  tassei completions powershell | Out-String | Invoke-Expression  to $PROFILE",
    },
    man: Man {
        command: "The command whose page to write: set, or set actual for a field of set (none: tassei's own page, which lists the commands)",
        examples: "Examples:\n  tassei man > tassei.1 && man ./tassei.1\n  tassei man set > tassei-set.1",
    },
    exchange: ExchangeHelp {
        section: "The section (担当係) the workbook is for, as the sheet names it: 市民係 (tassei sections lists them)",
        all_sections: "One workbook per section, written into the --output folder",
        output: "The workbook to write (with --all-sections: the folder)",
        files: "The returned workbooks",
        apply: "Write the changes (without it: a preview, nothing written)",
        prefer: "Settle every conflict: take the returned value or keep the current one",
        confirm_clears: "Take the cells a section emptied: clear those figures (without it, each is left out and listed)",
        all_or_nothing: "Apply nothing from a file that has a row left out",
        force: "Replace a workbook already there (a section may be filling the earlier one in)",
        format: "xlsx: a fill-in workbook; tassei: a handout data file (.tassei) to fill offline with tassei --db FILE on a laptop",
    },
    rollover: RolloverHelp {
        to: "The fiscal year to make (the year after the plan's): 2024, 令和6 or R6 alike",
        id: "The new plan's id (default: the plan's with its year moved, ibusuki-dx-r5 → ibusuki-dx-r6)",
        apply: "Write the new plan (without it: a preview, nothing written)",
        baseline: "One goal's new baseline: GOAL=actual (last year's actual, the default), keep (the baseline as it is) or none (empty); repeatable (e.g. --baseline ⑴-ア-1=keep)",
        baselines: "Every goal's new baseline: actual (last year's actual, the default), keep (the baseline as it is) or none (empty); --baseline changes one goal",
    },
};

pub const EN: Cli = Cli {
    plan_goals: |goals| format!("({goals} goals)"),
    help: HELP,
    frame: FRAME,
    said: SAID,
    session: SESSION,
    output: OUTPUT,
    summary: SUMMARY,
    backup: BACKUP,
    import: IMPORT,
    edit: EDIT,
    read: READ,
    rollover: ROLLOVER,
    new: NewTemplate {
        wrote: |path| {
            format!(
                "wrote the plan template {}: write the plan over the 【記入例】 rows (記入方法 says what each column takes), then tassei import {}",
                path.display(),
                path.display()
            )
        },
        not_xlsx: |path, suggested| {
            format!(
                "{} does not end in .xlsx; the template is an Excel workbook: name it like {}",
                path.display(),
                suggested.display()
            )
        },
        exists: |path| {
            format!(
                "{} is already there: a template is never written over a file; name another file or move that one",
                path.display()
            )
        },
    },
};

pub const SAID: Said = Said {
    failure: |line| format!("tassei: {line}"),
    warning: |warning| format!("tassei: warning: {warning}"),
    note: |note| format!("tassei: note: {note}"),
    usage: |usage| format!("usage: {usage}"),
};

pub const SESSION: Session = Session {
    error_reporter: |e| format!("could not install the error reporter: {e}"),
    config_unreadable: |e| format!("{e}; using the default settings until it is fixed"),
    copy_disk_full: "the disk is full, so today's backup copy was not made; free some space (your edits are not affected)",
    copy_failed: |e| format!("{e}; your edits are not affected"),
    keep_backups_typo: |typed, kept| {
        format!("TASSEI_KEEP_BACKUPS={typed} is not a number of days of 1 or more; keeping {kept}")
    },
    no_data_folder: "cannot find a data folder for this user; pass --db PATH",
    cannot_create_folder: |path, e| {
        format!(
            "cannot create the data folder for {}: {e}; pass --db PATH",
            path.display()
        )
    },
    review_needs_terminal: "the review mode needs a terminal",
};

pub const OUTPUT: Output = Output {
    cannot_write: |path, e| format!("cannot write {}: {e}", path.display()),
    is_data_file: |path| {
        format!(
            "--output {} is the data file itself; nothing was written: name another file",
            path.display()
        )
    },
    is_database: |path| {
        format!(
            "--output {} is an SQLite database (a data file or a copy of one); nothing was written: name another file",
            path.display()
        )
    },
    binary_to_terminal: "an Excel workbook is not written to a terminal; name a file: --output 評価シート.xlsx",
};

pub const SUMMARY: Summary = Summary {
    status: |label, word, n| format!("{label} {word} {n}"),
    counts: |counts, total| format!("{counts}   ({total} goals)"),
    shortfalls: |near| format!("未達成 shortfalls (below {near}):"),
    none: "none",
    gap: |gap| format!("不足 {gap}"),
    no_actual: "未入力 no actual yet:",
    not_computable: "計算不可 not computable:",
    activity_status: |label, word, n| format!("{label} {word} {n}"),
    activities: |counts| format!("実施内容 activities: {counts}"),
    overdue: |date, n| format!("期限超過 overdue activities as of {date}: {n}"),
    unreadable_periods: |n| format!("時期を読めません unreadable 時期, never judged overdue: {n}"),
    unreadable_period: |goal, number, raw, why| {
        format!("  {goal} 実施内容{number} \"{raw}\": {why}")
    },
};

pub const BACKUP: Backup = Backup {
    backed_up: |data, copy| format!("backed up {} to {}", data.display(), copy.display()),
    no_such_file: |file| format!("no such file: {}; nothing was restored", file.display()),
    needs_yes: |data| {
        format!(
            "restoring replaces {}; confirm with --yes (there is no terminal to ask)",
            data.display()
        )
    },
    question: |data, file| {
        format!(
            "Replace {} with {}? The current file is backed up first. Type yes: ",
            data.display(),
            file.display()
        )
    },
    yes: "yes",
    not_yes: "not restored: the answer was not yes",
    restored: |data, file, kept, was_damaged| {
        format!(
            "restored {} from {}; the file as it was is kept as {}{}",
            data.display(),
            file.display(),
            kept.display(),
            if was_damaged {
                " (it was damaged, so it is not among the dated copies)"
            } else {
                ""
            }
        )
    },
};

pub const IMPORT: Import = Import {
    cannot_read: |path, e| format!("cannot read {}: {e}", path.display()),
    too_large: |path, mb, most| {
        format!(
            "{} is {mb} MB; a plan file is at most {most} MB",
            path.display()
        )
    },
    cut_short: |path| {
        format!(
            "{} ends too early: it is cut short in the middle of a character",
            path.display()
        )
    },
    not_utf8: |path, at| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {at}); save it as UTF-8",
            path.display()
        )
    },
    imported: |path, municipality, title, goals, slug| {
        format!(
            "imported {} ({municipality} {title}, {goals} goals) as plan \"{slug}\"",
            path.display()
        )
    },
    copy: "its uids are already in this data file, so this copy was given new ones",
    undo_question: |plan| {
        format!(
            "Your latest action imported the plan \"{plan}\". Undoing it removes that plan, as before the import. Remove it? [y/N] "
        )
    },
    undo_yes: &["y", "yes"],
    undo_needs_yes: |plan| {
        format!(
            "Your latest action imported the plan \"{plan}\"; undoing it removes that plan. To remove it, run tassei undo --yes"
        )
    },
    undo_kept: "Nothing was removed",
    undo_done: |plan| {
        format!("Removed the imported plan \"{plan}\": the file is as before the import")
    },
    example_left: |goals| {
        format!(
            "the template's 【記入例】 (example) text is still in {goals}: imported as it is; change it with tassei set, or take the import back at once with tassei undo and import the workbook again without it"
        )
    },
};

pub const EDIT: Edit = Edit {
    achievement: |goal, rate, label, word, calculation| {
        format!("{goal} 達成度 {rate} {label} ({word}) — {calculation}")
    },
    not_part_number: |typed| format!("\"{typed}\" is not a part number; parts are numbered from 1"),
    ambiguous: |goal, asked, point| format!("{goal}: {asked}, or add --yes to save {point}"),
    shared_activities: |goal, source| {
        format!("{goal} takes its activities from {source}; set them there")
    },
    no_activity: |goal, number, count| {
        format!("{goal} has no activity {number}; its activities are numbered 1 to {count}")
    },
    unknown_note_field: |word| {
        format!("unknown note field \"{word}\"; use decision, follow_up, owner or due")
    },
    due_refused: |goal, why| format!("{goal}: the 期限: {why}"),
    unknown_part_field: |word| {
        format!(
            "a part has no field \"{word}\"; use label, unit or target (or give the actual alone)"
        )
    },
    changed_after: |changed, action| format!("{changed}; {action} anyway with --yes"),
};

pub const READ: Read = Read {
    no_match: |query| format!("no goal matches \"{query}\""),
    found_in: FoundIn {
        code: "code",
        title: "title",
        note: "note",
        figures: "figures",
    },
    method_line: |line| format!("積算方法  {line}"),
    log_kind: |label, word| format!("{label} {word}"),
    no_changes: "no changes yet",
    wrote_goals: |count, path| format!("wrote {count} goals to {}", path.display()),
    wrote_workbook: |goals, activities, path| {
        format!(
            "wrote {goals} goals and {activities} activities to {} (sheets 評価シート, データ, 実施内容, 計画, 内訳, 算出)",
            path.display()
        )
    },
    no_notes: "no meeting notes yet; take notes in the review mode (R) or with tassei note",
    no_notes_from: |date| format!("no meeting notes from {date}"),
    wrote_minutes: |date, path| format!("wrote the minutes of {date} to {}", path.display()),
    no_such_command: |typed, under, commands| {
        if commands.is_empty() {
            format!("{under} has no commands, so no page \"{typed}\"")
        } else {
            format!(
                "{under} has no command \"{typed}\"; its commands: {}",
                commands.join(", ")
            )
        }
    },
};

/// clap's own words, so English output is exactly what clap prints.
pub const FRAME: Frame = Frame {
    usage_heading: "Usage:",
    commands_heading: "Commands",
    arguments_heading: "Arguments",
    options_heading: "Options",
    help_flag: "Print help",
    version_flag: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    possible_values: |values| format!(" [possible values: {values}]"),
    env: |name| format!(" [env: {name}]"),
    errors: ClapErrors {
        invalid_value: |value, option| format!("invalid value '{value}' for '{option}'"),
        value_required: |option| {
            format!("a value is required for '{option}' but none was supplied")
        },
        possible_values: |values| format!(" [possible values: {values}]"),
        refused_value: |value, option, why| {
            format!("invalid value '{value}' for '{option}': {why}")
        },
        unknown_subcommand: |word| format!("unrecognized subcommand '{word}'"),
        unknown_argument: |typed| format!("unexpected argument '{typed}' found"),
        missing_arguments: |names| {
            format!("the following required arguments were not provided: {names}")
        },
        missing_subcommand: |command, subcommands| {
            format!(
                "'{command}' requires a subcommand but one was not provided [subcommands: {subcommands}]"
            )
        },
        unexpected_value: |value, argument| {
            format!("unexpected value '{value}' for '{argument}' found; no more were expected")
        },
        similar: |kind, words| {
            let kind = match kind {
                Similar::Subcommand => "subcommand",
                Similar::Argument => "argument",
                Similar::Value => "value",
            };
            let quoted = words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>();
            match quoted.len() {
                1 => format!("a similar {kind} exists: {}", quoted.join(", ")),
                _ => format!("some similar {kind}s exist: {}", quoted.join(", ")),
            }
        },
        as_value: |typed| format!("to pass '{typed}' as a value, use '-- {typed}'"),
        separator: "; ",
    },
};

pub const ROLLOVER: Rollover = Rollover {
    heading: |plan, year, next, to| format!("Rollover of {plan} ({year}) to {to} as {next}:"),
    baseline: |goal, old, new| format!("{goal}  基準値 {old} → {new} (last year's actual)"),
    actual_cleared: "; 実績値 cleared",
    kept: |goal, baseline| format!("{goal}  基準値 {baseline} kept: no actual to carry"),
    kept_chosen: |goal, baseline| format!("{goal}  基準値 {baseline} kept (keep chosen)"),
    cleared: |goal, old| format!("{goal}  基準値 {old} → none (none chosen)"),
    cleared_empty: |goal| format!("{goal}  基準値 stays empty (none chosen)"),
    check: |goal, why| format!("{goal}  check: {why}"),
    check_separator: "; ",
    check_reaches: |baseline, target| {
        format!(
            "the new baseline {baseline} already meets the target {target} (consider keep or none)"
        )
    },
    check_same: |target| {
        format!("the new baseline is the target's text \"{target}\" (consider keep or none)")
    },
    check_title_year: |years| format!("the title names a year ({years})"),
    check_method_year: |years| format!("積算方法 names a year ({years})"),
    baseline_goal: |typed, why| format!("--baseline {typed}: {why}"),
    baseline_twice: |goal| format!("--baseline names {goal} twice: give one choice for it"),
    bad_year: |typed| format!("--to {typed}: not a fiscal year; write it as 2025, 令和7 or R7"),
    id_taken: |id| {
        format!(
            "--id {id} is already a plan in this file: choose another id (tassei plans lists them)"
        )
    },
    bad_baseline: |typed| {
        format!("--baseline {typed}: write GOAL=actual, GOAL=keep or GOAL=none (e.g. ⑴-ア-1=keep)")
    },
    parts_cleared: |goal, n| format!("{goal}  {n} part actuals cleared"),
    milestone: |goal| format!("{goal}  state not entered yet (the new year has no result)"),
    period: |n, old, new| format!("    実施内容{n}  時期 {old} → {new}"),
    unreadable: |n, raw, why| {
        format!("    実施内容{n}  時期 {raw} left as written, unreadable: {why}")
    },
    counts: |goals, baselines, moved, unreadable| {
        format!(
            "{goals} goals, {baselines} baselines changed, {moved} 時期 moved a year, {unreadable} 時期 unreadable; statuses set to 未記入, 評価内容 and meeting notes not carried"
        )
    },
    preview_only: "Nothing written: run again with --apply to make the plan.",
    applied: |next, year, from| {
        format!(
            "Made {next} ({year}) from {from}; it is now the default plan. tassei undo removes it."
        )
    },
    one_year: |year, to| {
        format!(
            "a rollover makes the year after the plan's: FY{year} rolls over to FY{}, not FY{to}",
            year + 1
        )
    },
    undone: |plan, from| format!("Undone: the rollover from {from}; {plan} is removed."),
    confirm_undo: |plan, from| {
        format!(
            "Your latest action in {plan} is the rollover from {from}. Undo it: remove {plan} with everything entered in it and its change log? [y/N] "
        )
    },
    undo_needs_yes: |plan| {
        format!(
            "undoing the rollover removes {plan}: confirm with --yes (there is no terminal to ask)"
        )
    },
    undo_kept: |plan| format!("{plan} was kept; nothing was changed"),
    in_plan: |plan, done| format!("{plan} {done}"),
};
