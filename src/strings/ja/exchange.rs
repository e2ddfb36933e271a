//! 照会と取りまとめの言葉（日本語）: [`strings::exchange`](crate::strings::exchange) の値。

use crate::strings::exchange::Exchange;

pub const JA: Exchange = Exchange {
    cell: |at, subject, label| format!("{at}（{subject} {label}）"),
    wrote_handout: |section, goals, activities, path| {
        format!(
            "{section}への照会票（目標{goals}件、実施内容{activities}件）を {} に書き出しました",
            path.display()
        )
    },
    no_such_section: |section, known| {
        format!("担当係「{section}」の実施内容はありません。担当係: {known}")
    },
    section_needed: "担当係を指定してください（--section 市民係、すべての係は --all-sections）",
    bad_value: |at, why| format!("{at}: {why}"),
    not_status: |at, typed, statuses| {
        format!("{at}: 「{typed}」は状況ではありません（{statuses}）")
    },
    not_milestone: |at, typed, states| {
        format!("{at}: 「{typed}」は達成状況ではありません（{states}）")
    },
    cannot_clear: |at| {
        format!("{at}: 空欄にはできません。一覧（達成・未達成・ー）から選んでください")
    },
    formula: |at, formula| format!("{at}: 値ではなく数式（={formula}）が入っています"),
    not_exact: |at, shown| {
        format!("{at}: {shown} は Excel が正確に保持できない数値です。数値を直接入力してください")
    },
    percent_fraction: |at, held, meant| {
        format!(
            "{at}: {held} は {meant}% を Excel のパーセント記号付きで入力した値のようです（Excel は 85% を 0.85 として保持します）: 除外しました。{meant} と入力してください（％ は表示形式に含まれています）"
        )
    },
    unknown_key: |at, key| format!("{at}: 行キー「{key}」はこの照会票の行ではありません"),
    duplicate_key: |at, key| format!("{at}: 行キー「{key}」が二度あります"),
    moved_row: |at, key, shown| {
        format!("{at}: {key} の行に {shown} と表示されています。行が移動または上書きされています")
    },
    missing_row: |file, subject| {
        format!("{file}: {subject} の行がありません（削除されたか、キー列が変更されています）")
    },
    not_theirs: |at| format!("{at}: この係の入力欄ではありません"),
    refused: |at, why| format!("{at}: {why}"),
    not_workbook: |file, why| format!("{file}: 読み込めるブックではありません: {why}"),
    not_handout: |file| {
        format!("{file}: tassei の照会票ではありません（照会番号のある評価シートがありません）")
    },
    other_plan: |file, plan| format!("{file}: 別の計画の照会票です（{plan} ではありません）"),
    other_year: |file, year, plan, open_year, open| {
        format!(
            "{file}: {year}（計画 {plan}）の照会票です。開いている計画は{open_year}（{open}）です: 取りまとめていません。{year}の計画に取りまとめるには --plan {plan} を付けてください"
        )
    },
    unknown_handout: |file, id| {
        format!(
            "{file}: 照会番号 {id} はこのデータファイルの照会台帳にありません（別のファイルから出した照会票？）"
        )
    },
    from_file: |file, section, id| format!("{file} — {section}、照会番号 {id}:"),
    change: |subject, label, current, returned, base| {
        format!("  {subject} {label}  {current} → {returned}（照会時 {base}）")
    },
    conflict: |subject, label, current, returned, base| {
        format!(
            "  競合 {subject} {label}  現在 {current}、回答 {returned}、照会時 {base}: 反映しません（--prefer returned|current）"
        )
    },
    current_by: |value, who, at| format!("{value}（{who} が {at} に変更）"),
    conflict_returned: |subject, label, current, returned, base| {
        format!(
            "  競合 {subject} {label}  現在 {current}、回答 {returned}、照会時 {base}: 回答の値を採ります（--prefer returned）"
        )
    },
    conflict_current: |subject, label, current, returned, base| {
        format!(
            "  競合 {subject} {label}  現在 {current}、回答 {returned}、照会時 {base}: 現在の値のままにします（--prefer current）"
        )
    },
    cleared: |subject, label, current, returned, base| {
        format!(
            "  消去 {subject} {label}  {current} → {returned}（照会時 {base}）: 係が欄を空にしています。消去を確認するまで反映しません（--prefer returned）"
        )
    },
    cleared_taken: |subject, label, current, returned| {
        format!(
            "  消去 {subject} {label}  {current} → {returned}（--prefer returned で消去を確認）"
        )
    },
    cleared_kept: |subject, label, current| {
        format!(
            "  消去 {subject} {label}: 係が欄を空にしていますが、現在の {current} のままにします（--prefer current）"
        )
    },
    cleared_left: |at, current| {
        format!(
            "{at}: 回答で空欄にされています（現在 {current}）: 除外しました。消去するには --prefer returned で取りまとめ直してください"
        )
    },
    conflict_left: |at, current, returned, base| {
        format!(
            "{at}: 競合 現在 {current}、回答 {returned}、照会時 {base}: 除外しました（--prefer returned|current）"
        )
    },
    collected_before: |file, at| format!("{file}: {at} に取りまとめ済みです"),
    nothing_new: |file| format!("{file}: 変更はありません"),
    preview_only: "プレビューです。何も書き込んでいません（反映するには --apply）",
    applied: |file, n, left| match n {
        0 => format!("{file}: 反映は0件、除外は{left}件です"),
        n => format!(
            "{file}: {n}件を反映、{left}件を除外しました（一括。tassei undo で取り消せます）"
        ),
    },
    all_or_nothing: |file| format!("{file}: 何も反映していません（--all-or-nothing）"),
    undone_collect: |n, section, file| match section {
        Some(section) => format!("{section}の {file} の取りまとめを元に戻しました（{n}件）"),
        None => format!("{file} の取りまとめを元に戻しました（{n}件）"),
    },
    redone_collect: |n, section, file| match section {
        Some(section) => format!("{section}の {file} の取りまとめをやり直しました（{n}件）"),
        None => format!("{file} の取りまとめをやり直しました（{n}件）"),
    },
    origin: |section, file| format!("  （{section}、{file} から）"),
    settled_returned: |over| format!("（競合: 現在の {over} より回答を優先 --prefer returned）"),
    settled_clear: "（消去: 空欄にされた回答を確認して反映 --prefer returned）",
    origin_file: |file| format!("  （{file} から）"),
    csv_at: |file, line| format!("{file} {line}行目"),
    not_csv: |file, why| format!("{file}: 読み込める CSV ではありません: {why}"),
    from_csv: |file, encoding| {
        format!("{file} — CSV（{encoding}）、照会票なし: 各値を現在の値と比べます")
    },
    unbased: |subject, label, current, returned| {
        format!("  {subject} {label}  {current} → {returned}（照会時の値なし: 確認してください）")
    },
    lost_text: |subject, label, current, returned| {
        format!(
            "  {subject} {label}  回答 {returned} は {current} の文字が ? に化けたものです（CP932）: 現在の値のままにします"
        )
    },
    unknown_goal: |at, code| format!("{at}: この計画に目標 {code} はありません。行を除外しました"),
    status_needs_one_activity: |at, goal, n| {
        format!(
            "{at}: 目標の行の状況は実施内容が一つの目標だけ読みます。{goal} の実施内容は{n}件です（tassei activity で一つずつ設定してください）"
        )
    },
    status_shared: |at, goal, source| {
        format!(
            "{at}: {goal} の実施内容は {source} のものです。状況は {source} の行で（または tassei activity で）入力してください"
        )
    },
};
