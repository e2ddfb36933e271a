//! The TUI's words in English (the sheet's own terms stay Japanese): the values of
//! [`strings::tui`](crate::strings::tui)'s shapes.

use crate::strings::tui::{
    AskKeys, CardKeys, CardPane, ChoiceKeys, Collect, CollectFileKeys, CollectKeys, Dashboard,
    DashboardKeys, EditorKeys, EditorWords, FieldKeys, Filters, Finder, FinderKeys, GlobalKeys,
    Help, HelpKeys, Hints, Keys, ListKeys, Lists, Messages, Method, Questions, Review, ReviewKeys,
    SearchKeys, Sheet, StatusBar, TreeKeys, TreePane, Tui,
};

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
        previous_row: "previous row / field",
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
        collect: "collect a return",
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
        go_there: "go there, 積算方法",
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
        page_up_down: "page up / down",
        choose_status: "choose a status",
    },
    collect_file: CollectFileKeys {
        read: "read it, preview it",
        close: "close",
    },
    collect: CollectKeys {
        next: "next row",
        previous: "previous row",
        page_down: "page down",
        page_up: "page up",
        take: "take the returned value",
        skip: "skip the row (shown again at the next collect)",
        keep: "keep the current value",
        apply: "collect what is chosen",
        close: "close, nothing written",
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
    choice: "In a choice (実施内容, 達成状況)",
    in_a_field: "In a field",
    collect_file: |key| format!("Collect a returned file ({key})"),
    collect: "Collect preview",
};

pub const HINTS_EN: Hints = Hints {
    choose: "choose",
    save: "save",
    new_line: "new line",
    cancel: "cancel",
    back: "back",
    keep: "keep",
    go_there: "go there, 積算方法",
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
    edit_field: |label| format!("edit {label}"),
    replaced_value: |moves, delete| format!("typing replaces it; {moves} or {delete} edit it"),
    question_back: |key| format!("{key}  back to the field, nothing saved"),
    question_same_as: |key, answer| format!("{key}  same as {answer}"),
    collect: "collect",
    preview: "preview",
    take: "take",
    skip: "skip",
    keep_current: "keep current",
    apply: "collect",
};

pub const TREE_EN: TreePane = TreePane {
    title: |municipality, year| format!("{municipality} {year} 取り組み事項"),
    handout_title: |section, id, municipality, year| {
        format!("handout {id} for {section}  {municipality} {year}")
    },
};

pub const CARD_EN: CardPane = CardPane {
    select_a_goal: |moves, edit| format!("select a goal in the tree ({moves}), then {edit}"),
    no_goal_in_filter: |label| format!("no goal matches the filter {label}"),
    change_the_filter: |key| format!("{key} changes the filter"),
    activities_shared: |code| format!("実施内容 {code} と同じ"),
    meeting_note: |date| format!("評価会議 {date}"),
};

pub const EDITOR_EN: EditorWords = EditorWords {
    actual: "実績値",
    milestone: "達成状況",
    part_actual: |part| format!("{part} 実績値"),
    activity_status: |number| format!("実施内容{number} の状況"),
    activity_field: |number, label| format!("実施内容{number} の{label}"),
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
    in_code: "code",
    in_title: "title",
    in_note: "note",
    in_figures: "figures",
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
    title: |year, date, order, k, n, meeting, item| {
        format!("評価会議 {year} {date}  {order}  {k}/{n}  会議 {meeting}  項目 {item}")
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
        format!("dashboard  as of {today}   {municipality} {title} {year}")
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
    unreadable: |n| format!("unreadable 時期: {n}"),
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
    kept_theirs: "kept the value saved elsewhere; yours was not saved",
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
    reloaded: "reloaded: the data file was changed in another window or by another clerk",
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
    rollover_undone: |plan, from| format!("undid the rollover: removed {plan}; {from} is open"),
    cannot_open_plan: |e| format!("cannot open that plan: {e}"),
    unknown_key: |label| {
        format!(
            "`{label}` is not a key name (keys are written like `j`, `Enter`, `Ctrl-D`, `Shift-Tab`)"
        )
    },
    config_warnings: |first, more| {
        if more == 0 {
            format!("warning: {first}")
        } else {
            format!(
                "warning: {first} (and {more} more about the config file, in the terminal when you quit)"
            )
        }
    },
    opening_notes: |first, more| {
        if more == 0 {
            format!("note: {first}")
        } else {
            format!("note: {first} (and {more} more, in the terminal when you quit)")
        }
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
    back_to_field: "back to the field (nothing saved yet)",
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
    rollover_title: |year, plan| format!("Undo the rollover: remove the {year} plan {plan}?"),
    rollover_removes: |plan, from| {
        format!(
            "Your latest action here is the rollover from {from}. Undoing it removes {plan} with everything entered in it and its change log, and opens {from}."
        )
    },
    rollover_remove: |plan| format!("remove {plan}"),
    rollover_keep: "keep it",
};

pub const COLLECT_EN: Collect = Collect {
    prompt_title: "collect a returned file",
    prompt: "file",
    prompt_help: "a section's returned workbook (.xlsx), handout data file (.tassei) or a CSV: type or paste its path (quotes and ~ are fine)",
    no_path: "type or paste the path of a returned file first",
    title: |file| format!("collect {file}"),
    from_handout: |section, id| format!("{section}'s return, handout {id}"),
    collected_before: |at| format!("collected before ({at})"),
    from_csv: |encoding| {
        format!("CSV ({encoding}), no handout: each value is compared with the one now; check each")
    },
    counts: |conflicts, undecided, others, left| {
        let mut parts = Vec::new();
        if conflicts > 0 {
            parts.push(format!(
                "{} ({undecided} undecided)",
                plural(conflicts, "conflict")
            ));
        }
        parts.push(plural(others, "change"));
        if left > 0 {
            parts.push(format!("{} left out", plural(left, "row")));
        }
        parts.join(", ")
    },
    take: "take",
    keep: "keep",
    skip: "skip",
    undecided: "choose",
    conflict: "conflict",
    unbased: "check",
    lost_text: "lost ?",
    handed_out_was: |base| format!("(handed out {base})"),
    now_by: |value, who| format!("{value} ({who})"),
    now: "now",
    returned: "returned",
    handed_out: "handed out",
    nothing_new: "nothing in this file changes anything",
    left_out: |n| format!("left out: {} the file could not give", plural(n, "row")),
    more: |n| format!("(+{n} more: tassei collect FILE lists them all)"),
    lost_text_kept: "this text lost characters to ? on its way through CP932: it is kept as it is",
    collected: |file, written, kept, left, undecided, undo| {
        let mut said = format!("collected {written} from {file}");
        if kept > 0 {
            said.push_str(&format!("; kept {kept} unchanged"));
        }
        if left > 0 {
            said.push_str(&format!("; left {left}"));
        }
        if undecided > 0 {
            said.push_str(&format!(" ({undecided} undecided)"));
        }
        if written > 0 {
            said.push_str(&format!("; {undo} takes it back"));
        }
        said
    },
    closed: |file| format!("closed the preview of {file}: nothing was collected"),
    stale: |file, subject, label, by, seen, now| {
        let by = match by {
            Some((actor, at)) => format!("by {actor} at {at}"),
            None => "elsewhere".to_string(),
        };
        format!(
            "nothing was collected from {file}: {subject} {label} was changed {by} to {now} after the preview (it showed {seen}). The preview now shows the values as they are: check it and collect again"
        )
    },
    not_collected: |file, why| format!("nothing was collected from {file}: {why}"),
    no_such_key: |c, close| {
        format!(
            "{c}: no such key in the preview (its keys are on the bottom line; {close} closes it)"
        )
    },
    from_laptop: |section, id, who| match who {
        "" => format!("{section}'s handout data file, handout {id}, unchanged there"),
        who => format!("{section}'s handout data file, handout {id}, changed there by {who}"),
    },
    cleared: "cleared",
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
    collect: COLLECT_EN,
};
