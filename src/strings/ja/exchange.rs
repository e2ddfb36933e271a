//! 照会と取りまとめの言葉（日本語）: [`strings::exchange`](crate::strings::exchange) の値。

use crate::strings::exchange::{Exchange, PlanWorkbook};

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
    not_exact: |at, shown| {
        format!("{at}: {shown} は Excel が正確に保持できない数値です。数値を直接入力してください")
    },
    date_or_time: |at| {
        format!(
            "{at}: 入力が Excel で日付・時刻に変わっています（3/4 は日付になります）。\
             除外しました。数値だけを入力するか、文字として入れるときは先頭に ' を付けてください"
        )
    },
    percent_fraction: |at, held, meant| {
        format!(
            "{at}: {held} は {meant}% を Excel のパーセント記号付きで入力した値のようです（Excel は {meant}% を {held} として保持します）: 除外しました。{meant} と入力してください（％ は表示形式に含まれています）"
        )
    },
    unknown_key: |at, key| format!("{at}: 行キー「{key}」はこの照会票の行ではありません"),
    duplicate_key: |at, key, others| {
        format!(
            "{at}: 行キー「{key}」の行が複数あります（ほかに {others}）。どれも取り込んでいません。行を一つにして取りまとめ直してください"
        )
    },
    moved_row: |at, key, shown| {
        format!("{at}: {key} の行に {shown} と表示されています。行が移動または上書きされています")
    },
    missing_row: |file, subject| {
        format!("{file}: {subject} の行がありません（削除されたか、キー列が変更されています）")
    },
    refused: |at, why| format!("{at}: {why}"),
    not_workbook: |file, why| format!("{file}: 読み込めるブックではありません: {why}"),
    not_handout: |file| {
        format!("{file}: tassei の照会票ではありません（照会番号のある評価シートがありません）")
    },
    other_plan: |file, plan| {
        format!(
            "{file}: 開いている計画 {plan} の照会票ではありません（同じ名前でも、別のデータファイルに取り込んだ計画は別の計画です）。照会票を出したデータファイルで取りまとめてください（tassei --db ファイル collect …）"
        )
    },
    other_year_plan: |file, year, plan, open_year, open| {
        format!(
            "{file}: {year}（計画 {plan}）の照会票です。開いている計画は{open_year}（{open}）です: 取りまとめていません。{year}の計画に取りまとめるには --plan {plan} を付けてください"
        )
    },
    unknown_handout: |file, id| {
        format!(
            "{file}: この計画を持つ別のデータファイルから出した照会票です（このデータファイルは、この計画の照会番号 {id} を出していません）。照会時の値が分からないため取りまとめられません。照会票を出したデータファイルで取りまとめる（tassei --db そのファイル collect …）か、このデータファイルから照会票を出し直してください（tassei handout --section 係名）"
        )
    },
    made_elsewhere: |file, id| {
        format!(
            "{file}: このデータファイルのコピーから出した照会票です（照会番号 {id} は同じでも、このデータファイルの照会番号 {id} とは出した日時が違います）。照会時の値が分からないため取りまとめられません。照会票を出したデータファイルで取りまとめる（tassei --db そのファイル collect …）か、このデータファイルから照会票を出し直してください（tassei handout --section 係名）"
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
            "  消去 {subject} {label}  {current} → {returned}（照会時 {base}）: 係が欄を空にしています。消去を確認するまで反映しません（--confirm-clears）"
        )
    },
    cleared_taken: |subject, label, current, returned| {
        format!("  消去 {subject} {label}  {current} → {returned}（--confirm-clears で消去を確認）")
    },
    cleared_kept: |subject, label, current| {
        format!(
            "  消去 {subject} {label}: 係が欄を空にしていますが、現在の {current} のままにします（--prefer current）"
        )
    },
    cleared_left: |at, current| {
        format!(
            "{at}: 回答で空欄にされています（現在 {current}）: 除外しました。消去するには --confirm-clears で取りまとめ直してください"
        )
    },
    conflict_left: |at, current, returned, base| {
        format!(
            "{at}: 競合 現在 {current}、回答 {returned}、照会時 {base}: 除外しました（--prefer returned|current）"
        )
    },
    collected_before: |file, at| {
        format!("{file}: この照会票の回答は {at} に一度取りまとめています")
    },
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
    settled_returned: |over| format!("（競合: 現在の {over} より回答を優先）"),
    settled_clear: "（消去: 空欄にされた回答を確認して反映）",
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
    section_tally: |section, leads, shares, activities| {
        format!("{section}  主担当の目標 {leads}件、共有の目標 {shares}件、実施内容 {activities}件")
    },
    sections_end: |n| {
        format!(
            "担当係 {n}件。照会票は tassei handout --section 係名 で、すべての係の分は --all-sections で作成します"
        )
    },
    no_sections: "この計画の実施内容には担当係がありません。照会票を出す係がありません",
    handout_exists: |files, _| {
        format!(
            "{files} は既にあります（係が記入中かもしれません）。何も書き出していません。別の場所に移すか、置き換えるなら --force を付けてください"
        )
    },
    file_separator: "、",
    cannot_open: |file, why| format!("{file}: {why}"),
    not_xlsx: |file| {
        format!(
            "{file}: Excel ブック（.xlsx）ではありません（中身は文字などの別の形式です）。係から届いたブックをそのまま指定するか、Excel で開いて「Excel ブック（.xlsx）」として保存してください"
        )
    },
    old_or_locked: |file| {
        format!(
            "{file}: 古い形式の Excel 97-2003 ブック（.xls）か、パスワード付きで保存されたブックのため読み込めません。Excel で開き、パスワードなしで「Excel ブック（.xlsx）」として保存してください"
        )
    },
    damaged_workbook: |file| {
        format!(
            "{file}: ブックが壊れているか、途中で切れています（メールやコピーが途中で止まったのかもしれません）。係にもう一度送ってもらうか、Excel で開いて保存し直してください"
        )
    },
    not_a_figure: |at, subject, label, why, unit| {
        if unit.is_empty() {
            format!("{at}（{subject} {label}）: {why}。数値だけを入力してください")
        } else {
            format!(
                "{at}（{subject} {label}）: {why}。数値だけを入力してください（単位「{unit}」は不要です）"
            )
        }
    },
    refused_value: |at, subject, label, why| format!("{at}（{subject} {label}）: {why}"),
    formula_instead: |at, subject, label, formula, instead| {
        format!("{at}（{subject} {label}）: 値ではなく数式（={formula}）が入っています。{instead}")
    },
    type_the_figure: "計算式ではなく、数値そのものを入力してください",
    choose_a_status: "一覧から 未着手・実施中・完了・中止 のいずれかを選んでください",
    type_the_text: "文章をそのまま入力してください",
    wrote_datafile: |section, goals, activities, path| {
        format!(
            "{section}への照会を照会用データファイル（目標{goals}件、実施内容{activities}件）として {0} に書き出しました。ノートパソコンでは tassei --db {0} で開き、戻ってきたら tassei collect {0} で取りまとめます",
            path.display()
        )
    },
    datafile_exists: |path| {
        format!(
            "{} はすでにあります。係の入力が入っているかもしれないため、照会用データファイルは上書きしません。別の名前にするか、今あるファイルを移してください",
            path.display()
        )
    },
    from_datafile: |file, section, id, who, last| {
        format!(
            "{file} — {section}、照会番号 {id}、照会用データファイル（{who} が入力、最終 {last}）:"
        )
    },
    from_datafile_untouched: |file, section, id| {
        format!("{file} — {section}、照会番号 {id}、照会用データファイル（入力なし）:")
    },
    open_beside: |file, beside| {
        format!(
            "{file}: 横に {beside} があります。ファイルがまだ tassei で開かれているか、正しく閉じられていません。ノートパソコンの tassei を終了してから、もう一度ファイルを持ってきてください"
        )
    },
    set_aside: |file, aside| {
        format!(
            "{} がありました。削除せず {} に移しました（係が入力済みかもしれません）",
            file.display(),
            aside.display()
        )
    },
    no_free_name: "移し先の名前が空いていません（.replaced-1〜.replaced-999 が使用中）",
    was_wal: |file| {
        format!(
            "{file}: ファイルが WAL モードに切り替わっています（古い tassei で開きましたか）。最後の変更がノートパソコンの {file}-wal に残っているおそれがあります。ノートパソコンでこの tassei で開いて閉じ直してから、もう一度持ってきてください"
        )
    },
    not_datafile: |file, why| {
        format!("{file}: 読み込める tassei のデータファイルではありません: {why}")
    },
    not_tassei_file: "tassei のデータファイルではありません",
    not_exchange: |file| {
        format!(
            "{file}: tassei のデータファイルですが、照会用ではありません（照会用は tassei handout --format tassei で作ります）"
        )
    },
    other_format: |file, found, made_by, ours, version| {
        format!(
            "{file}: 受け渡し形式 {found}（tassei {made_by} で作成）です。この tassei {version} が読めるのは形式 {ours} です。同じ版の tassei で取りまとめるか、照会を出し直してください"
        )
    },
    other_year: |file, found, plan| format!("{file}: {found}の照会です（開いている計画は{plan}）"),
    other_section: |file, id, there, registry| {
        format!(
            "{file}: 照会番号 {id} の係が、ファイルでは {there}、照会台帳では {registry} です。読み込みませんでした"
        )
    },
    newer_datafile: |file, found, supported| {
        format!(
            "{file}: 新しい tassei で書かれています（データファイルの版 {found}、この tassei は {supported} まで）。先に tassei を更新してください"
        )
    },
    no_plan_there: |file| {
        format!("{file}: 照会した計画が入っていません（tassei 以外で編集されましたか）")
    },
    not_theirs_there: |file, subject, label, who, at| {
        format!(
            "{file}: {subject} {label} は {who} が変更しました（{at}）が、この係の入力欄ではないため除外しました"
        )
    },
    plan_differs: |file| {
        format!(
            "{file}: 計画名・団体名・判定基準・施策の方向性がこのデータファイルと違います。除外しました"
        )
    },
    only_there: |file, code| {
        format!(
            "{file}: {code} はファイルにだけあり、このデータファイルにはありません。除外しました"
        )
    },
    fixed_differs: |file, code, what| {
        format!(
            "{file}: {code} の{}がこのデータファイルと違います。除外しました（取りまとめるのは実績値・状況・評価内容・達成状況・会議メモだけです）",
            what.join("・")
        )
    },
    left_behind: |subject, label, section| {
        format!(
            "{subject} {label}は保存しましたが、{section}への照会の項目ではないため、取りまとめでは除外されます"
        )
    },
    plan_workbook: PlanWorkbook {
        place: |cell, header| format!("{cell}（{header}）"),
        formula: |place, formula| {
            format!(
                "{place}: 値ではなく数式（={formula}）が入っています。値そのものを入力してください"
            )
        },
        error_value: |place, value| {
            format!("{place}: Excel のエラー {value} が入っています。値を入力してください")
        },
        not_whole: |place, typed| format!("{place}: 「{typed}」は整数ではありません"),
        unknown_goal: |place, typed| {
            format!(
                "{place}: 目標「{typed}」はデータシートにありません。データシートの目標（⑴-ア-1）を書いてください"
            )
        },
        unknown_item: |place, item| {
            format!(
                "{place}: 「{item}」は計画の項目ではありません（計画ID・自治体・計画名・年度・達成の基準・概ね達成の基準・出典・政策分野N）"
            )
        },
        not_plan_workbook: |file| {
            format!(
                "{file} は計画のブックではありません。tassei export --format xlsx または tassei new --template が書く「計画」と「データ」のシートが必要です"
            )
        },
        missing_header: |cell, header| {
            format!("{cell}: 見出し「{header}」がありません（見出しは変えないでください）")
        },
        missing_columns: |file, sheet, headers| {
            format!(
                "{file}: シート「{sheet}」に列 {headers} がありません。見出しの行はひな形のままにしてください"
            )
        },
        other_title: |place, first| {
            format!(
                "{place}: この取り組み事項の最初の行の名前（「{first}」）と違います。同じ取り組み事項の行には同じ名前を書いてください"
            )
        },
        no_goals: |file, sheet| {
            format!(
                "{file}: 目標がありません。シート「{sheet}」の見出しの下に、目標を1行に1つずつ書いてください（記入方法を参照）"
            )
        },
        into_header: |file, plan| {
            format!("{file} と計画 {plan} の違い（データファイルの値 → ブックの値）:")
        },
        into_change: |subject, label, stored, workbook| {
            format!("  {subject} {label}: {stored} → {workbook}")
        },
        paper_not_read: "評価シートは印刷用で、取り込みでは読みません。値はデータ・実施内容のシートで変えてください。評価シートの次の値はデータと違います:",
        paper_cell: |cell, value, data, stored| {
            format!("  {cell} は読みません: {value}（{data} は {stored}）")
        },
        paper_empty: "空",
        not_xlsx: |file| {
            format!(
                "{file} は Excel のブック（.xlsx）ではありません（中身は CSV・文字や LibreOffice の .ods など別の形式です）。計画のブックを Excel で開き、「Excel ブック（.xlsx）」として保存してから取り込んでください"
            )
        },
        date: |place, held| {
            format!(
                "{place}: Excel が入力を日付・時刻（{held}）に変えています。入力したとおりの文字にするには、先頭に ' を付けて入力し直してください（'5/1）"
            )
        },
        number_word: |place, typed, word| {
            format!(
                "{place}: 「{typed}」の「{word}」は数値に使えません。10000 のように数字で入力してください（単位は「単位」の列に書きます）"
            )
        },
        no_formula: |place| {
            format!(
                "{place}: 空欄です。計算方法を選んでください（ratio・lower_is_better・from_baseline・composite・milestone、記入方法を参照）"
            )
        },
        not_year: |place, typed, year| {
            format!(
                "{place}: 「{typed}」は年度として読めません。西暦の年（{year}）で入力してください"
            )
        },
        unreadable_periods: |n, cells| {
            format!(
                "時期を読めません: {n}件（{cells}）。そのまま取り込みましたが、期限超過を判定できません。R6.5 や 令和6年度中 のように書くと読めます"
            )
        },
        direction_with: |message, formula| {
            format!("{message}。{formula}か方向のどちらかを直してください")
        },
        id_taken: |file, cell, id| {
            format!(
                "{file} {cell}（計画ID）の「{id}」は、このデータファイルにもう計画があります。何も書き込んでいません。{cell} を別のIDにするか、--id 新しいID を付けて取り込んでください（直前に取り込んだものなら tassei undo で取り消せます）"
            )
        },
        problems_in: |file| format!("{file} の問題:"),
        problems_count: |n| format!("問題が{n}件あります。何も書き込んでいません"),
        nothing_written: "何も書き込んでいません",
        into_conflict: |subject, label, stored, workbook, who, when| {
            format!(
                "  {subject} {label}: 競合 — データファイルは {stored}（{who} が {when} に変更）、ブックは {workbook}。書き出しの後に両方で変わっています"
            )
        },
        into_maybe_conflict: |subject, label, stored, workbook, who, when| {
            format!(
                "  {subject} {label}: 競合かもしれません — データファイルは {stored}（{who} が {when} に変更）、ブックは {workbook}。このブックには書き出した時点の記録がなく、どちらが新しいか分かりません"
            )
        },
        into_choose: |n| {
            format!(
                "競合が{n}件あります。--apply には --prefer workbook（ブックの値で上書き）か --prefer stored（データファイルの値のまま）を付けてください"
            )
        },
        into_kept: |n| format!("競合の{n}件はデータファイルの値のままにしました"),
        not_written: |subject, label, stored, workbook| {
            format!(
                "  {subject} {label}: {stored} → {workbook} — 取り込みでは書き込みません。tassei で変更してください"
            )
        },
        added: |subject| {
            format!(
                "  {subject}: ブックにだけあります — 追加していません（行の追加・削除は tassei add/remove で）"
            )
        },
        missing: |subject| {
            format!(
                "  {subject}: ブックにありません — 削除していません（行の追加・削除は tassei add/remove で）"
            )
        },
        moved: |stored, workbook| {
            format!(
                "  {stored}: ブックでは {workbook} の位置です — 移動していません（tassei move で）"
            )
        },
        no_plan_uid: |file, plan| {
            format!(
                "{file} には計画UIDがありません（ひな形から作ったブックか、tassei が書き出していないブック）。計画 {plan} と比べられません。計画 {plan} を変えるには、tassei export --format xlsx で書き出したブックを編集して取り込んでください"
            )
        },
        other_plan: |file, plan, theirs| {
            format!(
                "{file} は計画 {plan} ではなく、計画 {theirs} から書き出したブックです。比べていません。計画 {plan} を変えるには、tassei --plan {plan} export --format xlsx で書き出し直したブックを編集してください（計画 {theirs} に入れるなら --into {theirs}）"
            )
        },
        nothing_to_write: |file| format!("{file} には、取り込みで書き込む値の変更はありません"),
        into_preview: |n| {
            format!(
                "プレビューです。何も書き込んでいません。--apply で上の{n}件の変更を1回の操作として書き込みます（tassei undo で元に戻せます）"
            )
        },
        into_applied: |n, file| {
            format!(
                "{file} から{n}件の変更を1回の操作として書き込みました（tassei undo で元に戻せます）"
            )
        },
    },
};
