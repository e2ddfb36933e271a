//! The TUI's words in Japanese, as a city hall's own systems say them: short, polite where a
//! sentence is addressed to the clerk (「実績値を入力してください」), terse in labels and hints.
//! The values of [`strings::tui`](crate::strings::tui)'s shapes.
//!
//! Width matters more here than in English: a kanji takes two cells, so a help description
//! keeps to 20 cells (ten kanji) to fit its column at 80×24, and footer hints are a word or
//! two. Chrome avoids ambiguous-width characters (no ※ → ① ×; 「」、。・ and （） are safe),
//! and numbers stay in ASCII digits.

use crate::strings::tui::{
    AskKeys, CardKeys, CardPane, ChoiceKeys, Collect, CollectFileKeys, CollectKeys, Dashboard,
    DashboardKeys, EditorKeys, EditorWords, FieldKeys, Filters, Finder, FinderKeys, GlobalKeys,
    Help, HelpKeys, Hints, Keys, ListKeys, Lists, Messages, Method, Questions, Review, ReviewKeys,
    SearchKeys, Sheet, StatusBar, TreeKeys, TreePane, Tui,
};

/// 元に戻す or やり直す.
fn undo_word(redo: bool) -> &'static str {
    if redo { "やり直す" } else { "元に戻す" }
}

pub const SHEET_JA: Sheet = Sheet {
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

pub const KEYS_JA: Keys = Keys {
    global: GlobalKeys {
        quit: "終了",
        help: "このキー一覧",
        next_row: "次の行・項目",
        previous_row: "前の行・項目",
        first_row: "最初の行・項目",
        last_row: "最後の行・項目",
        page_down: "次のページ",
        page_up: "前のページ",
        switch_pane: "ツリー/カード切替",
        edit: "実績値などを編集",
        undo: "元に戻す",
        redo: "やり直す",
        filter: "目標の絞り込み",
        search: "入力しながら検索",
        next_match: "次を検索",
        previous_match: "前を検索",
        method: "積算方法を見る",
        find: "目標を探す",
        wider_tree: "ツリー幅を広げる",
        narrower_tree: "ツリー幅を狭める",
        plans: "計画の切替",
        log: "変更履歴",
        review: "会議モード",
        contrast: "高コントラスト",
        dashboard: "達成状況の一覧",
        collect: "回答の取りまとめ",
    },
    tree: TreeKeys {
        collapse: "閉じる / 親へ",
        expand: "開く / カードへ",
    },
    card: CardKeys {
        back_to_tree: "ツリーに戻る",
        edit_field: "この項目を編集",
    },
    editor: EditorKeys {
        save: "保存",
        cancel: "取消",
        new_line: "改行 (評価内容)",
    },
    ask: AskKeys {
        first: "1番目を選ぶ",
        second: "2番目を選ぶ",
        third: "3番目を選ぶ",
        fourth: "4番目を選ぶ",
        back: "戻る (変更しない)",
    },
    search: SearchKeys {
        keep: "検索を確定",
        back: "戻る",
    },
    finder: FinderKeys {
        go_there: "移動し積算方法を見る",
        next_match: "次の候補",
        previous_match: "前の候補",
        close: "閉じる",
    },
    list: ListKeys {
        next: "次へ",
        previous: "前へ",
        page_down: "次のページ",
        page_up: "前のページ",
        open: "開く / 移動",
        this_goal_or_all: "この目標 / 全体",
        close: "閉じる",
    },
    dashboard: DashboardKeys {
        leave: "一覧を閉じる",
    },
    review: ReviewKeys {
        next_goal: "次の目標",
        previous_goal: "前の目標",
        first_goal: "最初の目標",
        last_goal: "最後の目標",
        agenda_order: "議題の並び順",
        note_decision: "決定事項を記入",
        note_follow_up: "フォローアップを記入",
        note_owner: "担当を記入",
        note_due: "期限を記入",
        leave: "会議モードを終了",
    },
    help: HelpKeys {
        scroll_down: "下へスクロール",
        scroll_up: "上へスクロール",
    },
    choice: ChoiceKeys {
        next: "次の選択肢",
        previous: "前の選択肢",
    },
    field: FieldKeys {
        move_in_text: "カーソル移動",
        row_up_down: "上の行 / 下の行",
        line_start_end: "行頭 / 行末",
        text_start_end: "先頭 / 末尾",
        delete: "1文字削除",
        delete_to_start_end: "行頭 / 行末まで削除",
        page_up_down: "ページ送り",
        choose_status: "状況を選ぶ",
    },
    collect_file: CollectFileKeys {
        read: "読み込んでプレビュー",
        close: "閉じる",
    },
    collect: CollectKeys {
        next: "次の行",
        previous: "前の行",
        page_down: "次のページ",
        page_up: "前のページ",
        take: "回答の値を取り込む",
        skip: "保留 (次回また表示)",
        keep: "現在の値のままにする",
        apply: "選んだ内容を反映",
        close: "閉じる (反映しない)",
    },
};

pub const HELP_JA: Help = Help {
    title: "キー一覧",
    legend: "✓達成 ~概ね達成 ✗未達成 -評価なし ?未入力 !計算不可 ›編集",
    scroll: |keys| format!("{keys} でスクロール、他のキーで閉じる"),
    everywhere: "共通",
    tree: "ツリー",
    card: "カード",
    editing: "項目の編集",
    search: "検索 (/)",
    finder: "目標を探す",
    review: |key| format!("会議モード ({key})"),
    dashboard: |key| format!("一覧 ({key})"),
    question: "確認",
    lists: |plans, log| format!("計画の切替 ({plans}) と変更履歴 ({log})"),
    help: |key| format!("キー一覧 ({key})"),
    method: |key| format!("積算方法 ({key})"),
    choice: "状況の選択 (実施内容・達成状況)",
    in_a_field: "入力欄の中",
    collect_file: |key| format!("取りまとめ: ファイル ({key})"),
    collect: "取りまとめ: プレビュー",
};

pub const HINTS_JA: Hints = Hints {
    choose: "選択",
    save: "保存",
    new_line: "改行",
    cancel: "取消",
    back: "戻る",
    keep: "確定",
    go_there: "移動して積算方法",
    close: "閉じる",
    moves: "移動",
    open: "開く",
    this_goal_or_all: "この目標/全体",
    next_back: "次/前",
    agenda: "並び順",
    method: "積算方法",
    notes: "会議メモ",
    contrast: "配色",
    leave: "戻る",
    help: "ヘルプ",
    quit: "終了",
    open_close: "開閉",
    card: "カード",
    field: "項目",
    tree: "ツリー",
    find: "探す",
    search: "検索",
    filter: "絞り込み",
    undo: "元に戻す",
    log: "変更履歴",
    edit: "編集",
    enter_actual: "実績値を入力",
    choose_milestone: "達成状況を選ぶ",
    edit_evaluation: "評価内容を編集",
    change_status: "状況を変更",
    edit_field: |label| format!("{label}を編集"),
    replaced_value: |moves, delete| format!("入力で置換、{moves} か {delete} で修正"),
    question_back: |key| format!("{key}  入力欄に戻る (保存しない)"),
    question_same_as: |key, answer| format!("{key}  {answer} と同じ"),
    collect: "取りまとめ",
    preview: "プレビュー",
    take: "取込",
    skip: "保留",
    keep_current: "現在値のまま",
    apply: "反映",
};

pub const TREE_JA: TreePane = TreePane {
    title: |municipality, year| format!("{municipality} {year} 取り組み事項"),
    handout_title: |section, id, municipality, year| {
        format!("照会 {section}（照会番号 {id}） {municipality} {year}")
    },
};

pub const CARD_JA: CardPane = CardPane {
    select_a_goal: |moves, edit| format!("ツリーで目標を選び ({moves})、{edit} で編集してください"),
    no_goal_in_filter: |label| format!("絞り込み「{label}」に該当する目標はありません。"),
    change_the_filter: |key| format!("{key} で絞り込みを変えてください"),
    activities_shared: |code| format!("実施内容 ({code} と同じ)"),
    meeting_note: |date| format!("評価会議 {date}"),
};

pub const EDITOR_JA: EditorWords = EditorWords {
    actual: "実績値",
    milestone: "達成状況",
    part_actual: |part| format!("{part} 実績値"),
    activity_status: |number| format!("実施内容{number} の状況"),
    activity_field: |number, label| format!("実施内容{number} の{label}"),
    note: |date, field| format!("会議 {date} {field}"),
    achieved: "達成",
    not_achieved: "未達成",
    not_graded: "評価なし",
    unset: "未記入",
    todo: "未着手",
    doing: "実施中",
    done: "完了",
    dropped: "中止",
    part_gone: "この内訳は削除されています",
    activity_gone: "この実施内容は削除されています",
    nothing_chosen: "選択されていません",
    takes_a_choice: "この項目は選択肢から選んでください",
    one_line: "この項目は1行です。^J と表示された改行を削除してください",
    control_character: |picture, line| match line {
        Some(line) => format!(
            "{line}行目の {picture} と表示された制御文字を削除してください (保存できません)"
        ),
        None => format!("{picture} と表示された制御文字を削除してください (保存できません)"),
    },
};

pub const METHOD_JA: Method = Method {
    title: |code| format!("{code} 積算方法"),
    unit: "単位",
    formula: "算式",
};

pub const FINDER_JA: Finder = Finder {
    title: "目標を探す",
    prompt: "検索",
    empty: "コード (2-イ-7, 2イ7)、番号 (216) または語句 (コンビニ 電子申請) を入力",
    searching: "検索中...",
    no_match: "該当する目標はありません",
    matches: |n| format!("{n}件の目標"),
    in_code: "コード",
    in_title: "目標",
    in_note: "注記",
    in_figures: "数値",
};

pub const LISTS_JA: Lists = Lists {
    plans_title: |n| format!("このファイルの計画 ({n}件)"),
    goals: |n| format!("目標{n}件"),
    open_now: "* = 開いている計画",
    log_title: |scope, n| format!("変更履歴: {scope} ({n}件)"),
    one_goal: |code| format!("{code} のみ"),
    all_goals: "全目標",
    no_changes: "変更はまだありません",
    before: "変更前",
    after: "変更後",
};

pub const REVIEW_JA: Review = Review {
    title: |year, date, order, k, n, meeting, item| {
        format!("評価会議 {year} {date}  {order}  {k}/{n}  会議 {meeting}  項目 {item}")
    },
    empty_agenda: "(議題はありません)",
    show_all: |key| format!("({key}: 全文)"),
    notes: |date, keys| format!("会議メモ {date}  ({keys} で記入)"),
    sheet_order: "シート順",
    shortfalls_first: "未達成を先に",
    area_only: |n| format!("施策 ({n}) のみ"),
};

pub const DASHBOARD_JA: Dashboard = Dashboard {
    title: |today, municipality, title, year| {
        format!("達成状況一覧  {today} 現在   {municipality} {title} {year}")
    },
    area: "施策",
    achieved: "達成",
    near: "概ね",
    shortfall: "未達",
    not_graded: "なし",
    no_actual: "未入",
    not_computable: "不可",
    total: "計",
    worst: "未達成 (低い順)",
    none: "なし",
    bars: |max| format!("達成度 (# = 達成度, | = 100%, {max}% まで)"),
    enlarge: "(画面を広げるとグラフを表示します)",
    overdue: |n| format!("期限超過 担当係別 ({n}件)"),
    unreadable: |n| format!("時期を読めません: {n}件"),
    more: |n| format!("ほか{n}件"),
};

pub const STATUS_JA: StatusBar = StatusBar {
    filter: |label| format!("絞り込み: {label}"),
    no_match: "該当なし",
};

pub const FILTERS_JA: Filters = Filters {
    all: "すべて",
    shortfalls: "未達成",
    overdue: "期限超過",
    unrecorded: "状況未記入",
    section: |section| format!("担当 {section}"),
};

pub const MESSAGES_JA: Messages = Messages {
    stopped_by_signal: |discarded| {
        format!("外から終了を求められたため終了しました（端末が閉じられたなど）。{discarded}")
    },
    terminal_error: |e| format!("端末のエラー: {e}"),
    answer_with_number: |c, first, last, back| {
        format!("{c}: {first}-{last} の番号で答えてください ({back} で戻る)")
    },
    no_such_key: |c, help| format!("{c}: このキーは使えません。{help} でキー一覧を表示します"),
    paste_where: |edit| format!("貼り付けるには、先に {edit} で入力欄を開いてください"),
    choose_in_range: |first, last, back| {
        format!("{first}-{last} から選んでください ({back} で戻る)")
    },
    cancelled: "取り消しました。保存していません",
    kept_theirs: "他で保存された値を残しました。入力した値は保存していません",
    merged: |save| format!("相手の文に入力した文を加えました。確認して {save} で保存してください"),
    nothing_undone: "元に戻していません",
    nothing_to_save: "変更がないため保存しません。カードには他で保存された値を表示しています",
    finder_no_match: "該当する目標がありません。コード (2-イ-7)、番号または語句を入力してください",
    not_in_plan: "この変更は、開いている計画の目標のものではありません",
    agenda: |order, n| format!("議題: {order} (目標{n}件)"),
    no_search_yet: |search| format!("まだ検索していません。{search} で検索します"),
    no_goal_matches: |text| format!("「{text}」に一致する目標はありません"),
    match_of: |k, n, text| format!("「{text}」 {k}/{n}件目"),
    filter: |label, shown| format!("絞り込み: {label} (目標{shown}件)"),
    high_contrast: |on| {
        if on {
            "高コントラスト表示にしました".to_string()
        } else {
            "通常の配色に戻しました".to_string()
        }
    },
    select_to_see_method: "積算方法を見るには目標を選んでください",
    select_to_see_card: |moves| format!("カードを見るには目標を選んでください ({moves})"),
    discarded: |goal, typed| match typed {
        Some(text) => format!("{goal} の入力欄は保存していません (入力内容「{text}」)"),
        None => format!("{goal} の入力欄は保存していません"),
    },
    select_to_edit: "編集する目標を選んでください",
    not_editable: "この項目は編集できません",
    left_review: "会議モードを終了しました。メモは保存済みです",
    tree_width: |width, remembered| {
        if remembered {
            format!("ツリーの幅 {width}% (次回もこの幅で開きます)")
        } else {
            format!("ツリーの幅 {width}%")
        }
    },
    tree_width_not_remembered: |width, e| {
        format!("ツリーの幅 {width}%。設定に保存できませんでした: {e}")
    },
    reloaded: "別のウィンドウや他の職員がデータファイルを変更したため、読み込み直しました",
    damaged: |e| format!("{e}。このファイルには保存できません"),
    reload_failed: |e| format!("データファイルを読み込み直せませんでした: {e}"),
    changed_while_open: |by, now, save| match by {
        Some((actor, at)) => format!(
            "入力中に {actor} が {at} に {now} へ変更しました。{save} で保存する前に確認します"
        ),
        None => format!("入力中に {now} へ変更されました。{save} で保存する前に確認します"),
    },
    cannot_list_plans: |e| format!("計画の一覧を読み込めません: {e}"),
    cannot_read_log: |e| format!("変更履歴を読み込めません: {e}"),
    opened_plan: |municipality, title, year| format!("{municipality} {title} {year} を開きました"),
    rollover_undone: |plan, from| {
        format!("繰越を取り消し、{plan} を削除しました。{from} を開いています")
    },
    cannot_open_plan: |e| format!("その計画を開けません: {e}"),
    unknown_key: |label| {
        format!(
            "`{label}` はキーの名前ではありません (`j`、`Enter`、`Ctrl-D`、`Shift-Tab` のように書きます)"
        )
    },
    config_warnings: |first, more| {
        if more == 0 {
            format!("警告: {first}")
        } else {
            format!(
                "警告: {first} (設定ファイルの警告はほかに{more}件。終了すると端末で確認できます)"
            )
        }
    },
    opening_notes: |first, more| {
        if more == 0 {
            format!("お知らせ: {first}")
        } else {
            format!("お知らせ: {first} (ほかに{more}件。終了すると端末で確認できます)")
        }
    },
};

pub const QUESTIONS_JA: Questions = Questions {
    reading_title: |typed, point, many| format!("「{typed}」は {point} と {many} のどちらですか"),
    reading_why: |readings| {
        format!("{readings}: この数値は個数で数えるため、「.」は桁区切りの可能性があります")
    },
    save_reading: |value| format!("{value} で保存"),
    discard_title: "評価内容の入力を破棄しますか",
    discard_why: "評価内容に保存していない文があります。",
    throw_away: "破棄する",
    keep_editing: "入力を続ける",
    quit_title: "入力内容を保存せずに終了しますか",
    quit_why: |save| {
        format!(
            "入力欄に保存していない内容があります。{save} で保存できます。このまま終了すると破棄されます。"
        )
    },
    quit_throw_away: "破棄して終了",
    conflict_title: |subject, label| format!("入力中に {subject} {label} が変更されました"),
    another_program: "他のプログラム",
    by_at: |actor, at| format!("{actor} ({at})"),
    save_yours_text: "自分の文で上書き保存 (相手の文は変更履歴に残ります)",
    keep_theirs_text: "相手の文を残す (自分の文は保存しない)",
    keep_editing_yours: "自分の文の入力を続ける",
    merge: "相手の文に、自分が書き加えた部分を足して編集",
    back_to_field: "入力欄に戻る (まだ保存しない)",
    they_changed: |who, part| format!("{who} の変更: {part}。"),
    you_changed: |part| format!("自分の変更: {part}。"),
    when_opened: |seen| format!("開いたときの値: {seen}。"),
    saved_since: |who, current| format!("その後 {who} が保存した値: {current}。"),
    yours: |mine| format!("入力した値: {mine}。"),
    save_yours: |mine| format!("入力した値 ({mine}) で上書き保存"),
    keep_theirs: |current| format!("保存済みの値 ({current}) を残す (入力した値は保存しない)"),
    undo_title: |redo, actor| format!("{actor} が後から変更しています。{}", undo_question(redo)),
    undo_changed: |subject, label, actor, at, current| {
        format!(
            "{subject} {label} は、自分の編集の後に {actor} が {at} に変更しました。現在の値は {current} です。"
        )
    },
    undo_restores: |restores, current| {
        format!("続けると、現在の {current} に代わって {restores} に戻ります。")
    },
    undo_anyway: |redo, restores| format!("このまま{}: {restores}", undo_word(redo)),
    leave_it: |current| format!("{current} のままにする"),
    rollover_title: |year, plan| format!("{year}の計画 {plan} を削除して繰越を取り消しますか？"),
    rollover_removes: |plan, from| {
        format!(
            "直前の操作は {from} からの繰越です。取り消すと {plan} とその中の入力・変更履歴をすべて削除し、{from} を開きます"
        )
    },
    rollover_remove: |plan| format!("{plan} を削除する"),
    rollover_keep: "削除しない",
};

/// 元に戻します or やり直します, in a question.
fn undo_question(redo: bool) -> &'static str {
    if redo {
        "やり直しますか"
    } else {
        "元に戻しますか"
    }
}

pub const COLLECT_JA: Collect = Collect {
    prompt_title: "回答ファイルの取りまとめ",
    prompt: "ファイル",
    prompt_help: "係から戻った照会票 (.xlsx)、照会用データファイル (.tassei) か CSV のパスを入力するか貼り付けてください (前後の \" や ~ はそのままで構いません)",
    no_path: "先に回答ファイルのパスを入力してください",
    title: |file| format!("取りまとめ {file}"),
    from_handout: |section, id| format!("{section}の回答、照会番号 {id}"),
    collected_before: |at| format!("取りまとめ済み ({at})"),
    from_csv: |encoding| {
        format!("CSV ({encoding})、照会票なし: 各値を現在の値と比べます。一行ずつ確認してください")
    },
    counts: |conflicts, undecided, others, left| {
        let mut parts = Vec::new();
        if conflicts > 0 {
            parts.push(format!("競合 {conflicts}件 (未決定 {undecided}件)"));
        }
        parts.push(format!("変更 {others}件"));
        if left > 0 {
            parts.push(format!("読み込めなかった行 {left}件"));
        }
        parts.join("、")
    },
    take: "取込",
    keep: "現在値のまま",
    skip: "保留",
    undecided: "未決定",
    conflict: "競合",
    unbased: "要確認",
    lost_text: "文字化け",
    handed_out_was: |base| format!("(照会時 {base})"),
    now_by: |value, who| format!("{value} ({who})"),
    now: "現在",
    returned: "回答",
    handed_out: "照会時",
    nothing_new: "このファイルに反映する変更はありません",
    left_out: |n| format!("読み込めなかった行 ({n}件)"),
    more: |n| format!("(ほか{n}件。tassei collect ファイル名 ですべて表示します)"),
    lost_text_kept: "この文は CP932 を通って一部の文字が ? に化けています。現在の文のままにします",
    collected: |file, written, kept, left, undecided, undo| {
        let mut said = format!("{written}件取り込みました（{file}）");
        if kept > 0 {
            said.push_str(&format!("、{kept}件は現在の値のままにしました"));
        }
        if left > 0 {
            said.push_str(&format!("、{left}件は保留しました"));
        }
        if undecided > 0 {
            said.push_str(&format!("（未決定 {undecided}件を含む）"));
        }
        if written > 0 {
            said.push_str(&format!("。{undo} で元に戻せます"));
        }
        said
    },
    closed: |file| format!("{file} のプレビューを閉じました。何も取り込んでいません"),
    stale: |file, subject, label, by, seen, now| {
        let changed = match by {
            Some((actor, at)) => format!(
                "{subject} {label}は、プレビューの後に {at} に {actor} が {now} に変更しました"
            ),
            None => format!("{subject} {label}は、プレビューの後に {now} に変更されました"),
        };
        format!(
            "{file} は何も取り込んでいません。{changed}（プレビューでは {seen}）。現在の値でプレビューし直しました。確認してからもう一度反映してください"
        )
    },
    not_collected: |file, why| format!("{file} は何も取り込んでいません: {why}"),
    no_such_key: |c, close| {
        format!(
            "{c}: プレビューでは使えないキーです (使えるキーは最下行にあります。{close} で閉じます)"
        )
    },
    from_laptop: |section, id, who| match who {
        "" => format!("{section}の照会用データファイル、照会番号 {id}（変更なし）"),
        who => format!("{section}の照会用データファイル、照会番号 {id}（{who} が入力）"),
    },
    cleared: "消去",
};

pub const JA: Tui = Tui {
    too_small: |width, height, min_width, min_height| {
        format!(
            "画面が小さすぎます ({width}x{height})。{min_width}x{min_height} 以上が必要です。ウィンドウを広げてください (内容は失われません)。"
        )
    },
    close_hint: "いずれかのキーで閉じる",
    sheet: SHEET_JA,
    keys: KEYS_JA,
    help: HELP_JA,
    hints: HINTS_JA,
    tree: TREE_JA,
    card: CARD_JA,
    editor: EDITOR_JA,
    method: METHOD_JA,
    finder: FINDER_JA,
    lists: LISTS_JA,
    review: REVIEW_JA,
    dashboard: DASHBOARD_JA,
    status: STATUS_JA,
    filters: FILTERS_JA,
    messages: MESSAGES_JA,
    questions: QUESTIONS_JA,
    collect: COLLECT_JA,
};
