//! The words of refusals and failures in Japanese: the values of
//! [`strings::errors`](crate::strings::errors)'s shapes. Each says what was wrong, naming the
//! file, goal or value as the English does, and what to do next.

use crate::strings::errors::{
    Backup, Calculation, Code, Config, Csv, Date, Edit, Entry, Errors, Expression, Files, Number,
    Open, Period, Sheet, Store, Undo, Values, Words,
};

mod io;

use io::IO_JA;

pub const JA: Errors = Errors {
    busy: "データファイルは使用中です（他の tassei が書き込んでいます）。しばらくしてからもう一度実行してください",
    open: OPEN_JA,
    store: STORE_JA,
    backup: BACKUP_JA,
    files: FILES_JA,
    edit: EDIT_JA,
    undo: UNDO_JA,
    values: VALUES_JA,
    sheet: SHEET_JA,
    config: CONFIG_JA,
    calculation: CALCULATION_JA,
    csv: CSV_JA,
    io: IO_JA,
};

pub const OPEN_JA: Open = Open {
    is_directory: |path| {
        format!(
            "{} はフォルダで、データファイルではありません。--db でファイルのパスを指定してください",
            path.display()
        )
    },
    not_sqlite: |path| {
        format!(
            "{} は tassei のデータファイルではありません（SQLite データベースではありません）。ファイルには手を加えていません",
            path.display()
        )
    },
    not_tassei: |path| {
        format!(
            "{} は SQLite データベースですが、tassei のデータファイルではありません。ファイルには手を加えていません",
            path.display()
        )
    },
    newer: |path, found, supported| {
        format!(
            "{} は新しい tassei で書き込まれています（データファイルのバージョン {found}。この tassei が扱えるのはバージョン {supported} まで）。開くには tassei を更新してください",
            path.display()
        )
    },
    create: |path, source| {
        format!(
            "データファイル {} を作成できません: {source}",
            path.display()
        )
    },
    read: |path, source| {
        format!(
            "データファイル {} を読み込めません: {source}",
            path.display()
        )
    },
    backup: |path, reason| {
        format!(
            "{} を更新する前のバックアップを作成できません: {reason}",
            path.display()
        )
    },
    bundled: |problems| {
        format!("同梱のシートが正しくありません（この tassei のビルドの不具合です）:\n{problems}")
    },
    seed: |path, source| {
        format!(
            "同梱のシートを {} に書き込めません: {source}",
            path.display()
        )
    },
    read_only: |path| {
        format!(
            "{} は読み取り専用ですが、tassei は編集のたびにこのファイルに書き込みます。アクセス権を確認するか、書き込める場所にコピーしてください",
            path.display()
        )
    },
    folder_not_writable: |path| {
        format!(
            "{} と同じフォルダに書き込めません。tassei はデータファイルの隣にジャーナルを作るため、フォルダに書き込める必要があります",
            path.display()
        )
    },
    network_share: |path, kind| {
        format!(
            "{} はネットワーク共有（{kind}）上にあり、2台のコンピューターから編集するとファイルが壊れるおそれがあります。このコンピューターのディスク上のフォルダにコピーして、そちらを開いてください（そのまま使う場合は --network-ok を付けてください。同時に使えるのは1つの tassei だけになり、閉じるまで他のウィンドウや職員は開けません）",
            path.display()
        )
    },
    sqlite: |path, source| {
        format!(
            "データファイル {} を使用できません: {source}",
            path.display()
        )
    },
    damaged_with_copy: |path, found, db, copy| {
        let db = db.map_or_else(String::new, |db| format!("--db {} ", db.display()));
        format!(
            "{} は破損しています（{found}）。何も変更しておらず、正常なコピーも残しています。最新のコピーに戻すには: tassei {db}restore {}",
            path.display(),
            copy.display()
        )
    },
    damaged_without_copy: |path, found| {
        format!(
            "{} は破損しています（{found}）。何も変更していませんが、隣に正常なコピーがありません。ファイルはそのままにして、システム担当者に復旧を依頼してください",
            path.display()
        )
    },
    dangling_row: |row, table, parent| {
        let row = row.map_or_else(|| "ある行".to_string(), |r| format!("行 {r}"));
        format!(
            "{table} の{row}が、存在しない {parent} の行を参照しているため、更新できませんでした"
        )
    },
    copying_elsewhere: "他の tassei がちょうどコピーしているところです。しばらくしてからもう一度実行してください",
};

pub const STORE_JA: Store = Store {
    corrupt: |found| format!("データファイルが破損しています: {found}"),
    no_such_plan: |plan| format!("データファイルに計画「{plan}」はありません"),
    no_plans: "データファイルに計画がありません。`tassei import FILE` で取り込んでください",
    backup: |why| format!("バックアップを作成できません: {why}"),
    disk_full: "ディスクがいっぱいのため、保存できませんでした。空き容量を確保してから、もう一度実行してください（それまでの編集は保存されています）",
    restore: |why| format!("そのファイルからは復元できません: {why}"),
    copy: |copy, original| {
        let (copy, original) = (copy.display(), original.display());
        format!(
            "{copy} は tassei が作成した {original} のコピーです。コピーに書き込んだ内容は古いコピーの整理で失われるため、何も変更していません。このコピーの状態に戻すには tassei --db {original} restore {copy}、このコピーで作業するには先に別の名前でコピーしてください"
        )
    },
    sqlite: |e| format!("データベースエラー: {e}"),
    rolled_over_already: |plan, year, there| {
        format!(
            "{plan} は既に{year}年度へ繰り越されています（その年度の計画は {there}）。繰り越し直すには、先にそちらで元に戻してください"
        )
    },
    plan_exists: |id| {
        format!(
            "ID「{id}」の計画は既にデータファイルにあります。並べて取り込むには、ファイルの \"id\" を別の値にするか、--id 新しいID を付けて取り込んでください"
        )
    },
    created: |path| {
        format!(
            "{} がなかったため、同梱のシートで作成しました",
            path.display()
        )
    },
    created_for: |path, slug| {
        format!(
            "{} がなかったため、計画「{slug}」だけを入れて作成しました",
            path.display()
        )
    },
    tightened: |path, mode| {
        format!(
            "{} は他のアカウントからも読める状態でした（mode {mode:o}）。tassei のデータファイルとコピーはすべてそうしているように、本人だけが読める設定（600）にしました",
            path.display()
        )
    },
    bad_today: |text| format!("SQLite が今日の日付として「{text}」を返しました"),
    index_initiatives: |through_index, table| {
        format!("索引ではこの計画の取組は {through_index}件ですが、表には {table}件あります")
    },
    index_goals: |through_index, table| {
        format!("索引ではこの計画の目標は {through_index}件ですが、表には {table}件あります")
    },
    code_letter: |row, kana| format!("取組 {row} のコードの文字が「{kana}」になっています"),
    missing_source: |source| {
        format!(
            "ある目標が目標 {source} の実施内容を共有していますが、目標 {source} はこの計画にありません"
        )
    },
    derivation_place: |goal| format!("目標 {goal} の算出"),
    note_place: |goal| format!("目標 {goal} の会議メモ"),
    note_no_date: |place| format!("{place}: 日付がありません"),
    note_figures: |place, e| format!("{place}: 数値を読み取れません: {e}"),
    holds_not_number: |place, text| format!("{place}: 「{text}」は数値ではありません"),
    holds_unknown_word: |place, text| format!("{place}: 「{text}」は不明な語です"),
    holds_not_uid: |place, text| format!("{place}: 「{text}」は uid ではありません"),
    holds_not_date: |place, text| format!("{place}: 「{text}」は日付ではありません"),
    log_unknown: |id, what, word| {
        format!("変更履歴の行 {id}: {what} が不明な値「{word}」になっています")
    },
    log_unknown_kind: |word| format!("変更履歴に不明な種類「{word}」があります"),
    goal_of_row: |id| format!("行 {id} の目標"),
};

pub const BACKUP_JA: Backup = Backup {
    not_tassei: |path| {
        format!(
            "{} は tassei のデータファイルではありません",
            path.display()
        )
    },
    cannot_write: |path, e| format!("{} に書き込めません: {e}", path.display()),
    copy_not_tassei: "作成したコピーが tassei のデータファイルになっていません",
    names_taken: |path| {
        format!(
            "{} のコピーに使える名前が、この1秒の間はすべて使われています。しばらくしてからもう一度実行してください",
            path.display()
        )
    },
    restore_itself: |path| {
        format!(
            "{} はデータファイルそのものです。そのコピーのどれかを指定してください",
            path.display()
        )
    },
    cannot_name_copy: |path| {
        format!(
            "復元の前に作る {} のコピーの名前を決められません。何も変更していません",
            path.display()
        )
    },
    daily_failed: |path, e| {
        format!(
            "警告: {} の本日のコピーを作成できません: {e}。編集内容には影響ありません",
            path.display()
        )
    },
    warning: |e| format!("警告: {e}。編集内容には影響ありません"),
    cannot_read: |path, e| format!("{} を読み込めません: {e}", path.display()),
    restore_damaged: |path, found| {
        format!(
            "{} は破損しています（{found}）。何も変更していません。別のコピーを指定してください",
            path.display()
        )
    },
    cannot_remove: |path, e| format!("{} を削除できません: {e}", path.display()),
};

pub const EDIT_JA: Edit = Edit {
    not_found: |subject| {
        format!(
            "{subject} はデータファイルにありません（別のウィンドウで削除された可能性があります）"
        )
    },
    conflict: |subject, label, by, current, seen| {
        let by = match by {
            Some((actor, at)) => format!("{at} に {actor} が"),
            None => "別の場所で".to_string(),
        };
        format!(
            "{subject} {label}は {by} {current} に変更しています（表示していた値: {seen}）。保存していません。表示し直してから入力し直してください"
        )
    },
    composite: |subject, parts| {
        format!("{subject} は複合目標です。項目ごとに実績値を入力してください（項目: {parts}）")
    },
    not_milestone: |subject, formula| {
        format!(
            "{subject} は {formula} の目標で、マイルストーン目標ではありません。実績値を入力してください"
        )
    },
    negative: |subject, value| format!("{subject}: この目標の数値は負の値にできません: {value}"),
    empty_title: |subject| format!("{subject}: 目標名は空欄にはできません"),
    one_line: |subject, label| {
        format!("{subject}: {label}はシートでは1行です。改行を削除してください")
    },
    zero_target: |subject| {
        format!(
            "{subject}: 実績値 ÷ 目標値 で計算する目標の目標値は 0 にできません（達成度を計算できなくなります）"
        )
    },
    bad_due: |subject, text| {
        format!(
            "{subject}: 期限「{text}」は保存形式 YYYY-MM-DD の日付ではありません（例: 2026-12-15）"
        )
    },
    control_character: |subject, code| {
        format!("{subject}: 制御文字 U+{code:04X} が含まれています。削除してください")
    },
    empty_field: |subject, label| format!("{subject}: {label}は空欄にできません"),
    composite_formula: |subject, from, to| {
        format!(
            "{subject}: 算式を {from} から {to} には変更できません。複合目標の項目は計画の構成です（目標の追加・削除で行ってください）"
        )
    },
    figures_unfit: |subject, formula, why| {
        format!("{subject} は今の数値のままでは算式「{formula}」にできません: {why}")
    },
    milestone_number: |label, value| {
        format!("{label}が数値（{value}）です。マイルストーンの数値は文字か空欄です")
    },
    target_against_direction: |target, baseline, lower| {
        if lower {
            format!(
                "目標値（{target}）が基準値（{baseline}）より小さくないため、「低いほどよい」にはできません"
            )
        } else {
            format!(
                "目標値（{target}）が基準値（{baseline}）より大きくないため、「高いほどよい」にはできません"
            )
        }
    },
    impossible_period: |subject, text, why| {
        format!("{subject}: 時期「{text}」は実在しない日付です: {why}")
    },
};

/// An undo or redo in words: the store says `undo` or `redo`, the command's own word.
fn action(action: &str) -> &str {
    match action {
        "undo" => "元に戻すことが",
        "redo" => "やり直すことが",
        other => other,
    }
}

pub const UNDO_JA: Undo = Undo {
    nothing_to_undo: "元に戻せる自分の編集はありません",
    nothing_to_redo: "やり直せる編集はありません（元に戻した自分の編集がありません）",
    changed_after: |changed| format!("{changed}。何も変更していません"),
    changed_since: |act, subject, current| {
        format!(
            "{subject} を{}できません: その後さらに変更されています（{current}）。何も変更していません",
            action(act)
        )
    },
    not_revertible: |act, row| {
        format!(
            "変更 #{row} を{}できません: その項目はもうその形では設定できません",
            action(act)
        )
    },
    rollover: |plan| format!("{plan} への繰越"),
    edited_by: |who, at| format!("{at} に {who} が編集"),
    handed_out: |section, at| format!("{at} に {section} へ照会票を配布"),
    rolled_on: |plan, who, at| format!("{at} に {who} が {plan} へ繰越"),
};

pub const VALUES_JA: Values = Values {
    number: NUMBER_JA,
    entry: ENTRY_JA,
    date: DATE_JA,
    period: PERIOD_JA,
    code: CODE_JA,
    expression: EXPRESSION_JA,
    words: WORDS_JA,
    not_uid: |text| format!("「{text}」は uid（小文字の16進数32桁）ではありません"),
    no_initiative: |code, codes| format!("この計画に取組 {code} はありません。取組: {codes}"),
    no_goal: |initiative, goal, numbers| {
        format!("{initiative} に目標 {goal} はありません。目標: {numbers}")
    },
};

// The reason first, then the input: a shortened line never loses the reason.
pub const NUMBER_JA: Number = Number {
    empty: "空欄です。数値を入力してください（例: 9,016）",
    two_decimal_points: |input| format!("小数点が2つあります: {input}"),
    two_signs: |input| format!("符号が2つ以上あります: {input}"),
    misplaced_sign: |input| format!("符号は先頭に付けてください: {input}"),
    misplaced_comma: |input| format!("カンマは3桁ごとに付けてください（例: 9,016）: {input}"),
    exponent: |input| format!("指数表記は使えません。数字で入力してください: {input}"),
    too_many_digits: |most, input| format!("桁数が多すぎます（{most}桁まで）: {input}"),
    wrong_unit: |given, expected, input| {
        format!("単位「{given}」はこの目標の単位（{expected}）ではありません: {input}")
    },
    unexpected_unit: |given, input| {
        format!("この目標には単位がないため、数値の後に「{given}」は付けられません: {input}")
    },
    bad_character: |bad, input| format!("「{bad}」は数値に使えない文字です: {input}"),
    not_a_number: |input| {
        format!("数値ではありません。数字で入力してください（例: 9,016、９０１６）: {input}")
    },
    quoted_long: |head, tail, count| format!("\"{head}…{tail}\"（{count}文字）"),
    two_readings: |point, thousands| format!("{point} とも {thousands} とも読めます"),
};

pub const ENTRY_JA: Entry = Entry {
    empty_text: "空欄です。実績値を入力してください（例: 構築）",
    composite: |parts| format!("複合目標です。項目ごとに実績値を入力してください（{parts}）"),
    negative: |value| format!("この目標の数値は負の値にできません: {value}"),
    not_composite: "この目標には項目がありません（複合目標ではありません）。実績値を入力してください",
    no_such_part: |number, parts| {
        format!("この目標に項目 {number} はありません。項目の番号は 1 から {parts} です")
    },
    ambiguous: |typed, point, grouped, thousands| {
        format!(
            "「{typed}」は {point} とも {grouped} とも読めます。{thousands} か {point} のどちらかで入力してください"
        )
    },
    not_precision: |typed| {
        format!("「{typed}」は小数桁ではありません。0から4の整数で書いてください")
    },
};

pub const DATE_JA: Date = Date {
    unreadable: |input| {
        format!(
            "{input} は日付ではありません。2024-02-29、2024/2/29、R6.2.29、令和6年2月29日のように書いてください"
        )
    },
    no_such_month: |input, month| format!("{input} は日付ではありません: {month}月はありません"),
    no_such_day: |input, year, month, days| {
        format!("{input} は日付ではありません: {year}年{month}月は{days}日までです")
    },
    before_era: |input, era, began, spelled| {
        format!("{input} は日付ではありません: {era}は {began}（{spelled}）からです")
    },
    after_era: |input, era, ended, spelled| {
        format!("{input} は日付ではありません: {era}は {ended}（{spelled}）までです")
    },
    out_of_range: |input, first, last| {
        format!(
            "{input} は範囲外です: tassei が扱う日付は {first}年（平成元年）から {last}年までです"
        )
    },
};

pub const PERIOD_JA: Period = Period {
    unrecognised: "読める書き方ではありません",
    unrecognised_in: |n, next| {
        format!(
            "読める書き方ではありません。例: R{n}.7、R{n}.7～R{next}.2、R{next}.2まで、令和{n}年度中、上半期、随時"
        )
    },
    no_such_month: |month| format!("{month}月はありません"),
    no_such_day: |year, month, days| format!("{year}年{month}月は{days}日までです"),
    year_zero: |era, first| format!("{era}0年はありません（{era}元年は{first}年です）"),
    before_era: |era, began, spelled| format!("{era}は {began}（{spelled}）からです"),
    after_era: |era, ended, spelled| format!("{era}は {ended}（{spelled}）までです"),
    out_of_range: |first, last| {
        format!("tassei が扱う年は {first}年（平成元年）から {last}年までです")
    },
    no_such_quarter: |n| {
        format!(
            "第{n}四半期はありません（年度は第1四半期（4～6月）から第4四半期（1～3月）までです）"
        )
    },
    ends_before_start: "終わりが始まりより前です",
};

pub const CODE_JA: Code = Code {
    no_area: |input| {
        format!("「{input}」: 先頭に施策の方向性の番号が必要です（例: 1-ア-1、⑴-ア-1）")
    },
    no_kana: |input| {
        format!("「{input}」: 施策の方向性の番号の後にカタカナ1文字が必要です（例: 1-ア-1）")
    },
    no_goal: |input| format!("「{input}」: 取組の後に目標番号が必要です（例: 1-ア-1）"),
    trailing: |input| format!("「{input}」: コードの後に余分な文字があります"),
    two_separators: |input| {
        format!("「{input}」: 区切りが2つ続いています。1つにしてください（例: 1-ア-1）")
    },
    invisible: |input, code| {
        format!(
            "「{input}」: 見えない文字 U+{code:04X} が含まれています。削除するか、コードを入力し直してください"
        )
    },
};

pub const EXPRESSION_JA: Expression = Expression {
    empty: "空欄です。計算式を書いてください（例: 3,609 × 3分 ÷ 60）",
    trailing: "式の後に余分な文字があります",
    not_a_token: |other| format!("「{other}」は数値・単位・演算子のどれでもありません"),
    not_closed: "「(」が閉じられていません",
    not_opened: "「)」に対応する「(」がありません",
    missing_number: "数値が足りません",
};

pub const WORDS_JA: Words = Words {
    unknown: |what, given, known| {
        format!("{what}「{given}」はありません。次のいずれかを指定してください: {known}")
    },
    formula_kind: "算式の種類",
    figure: "数値の種類",
    direction: "方向",
    milestone_state: "マイルストーンの状態",
    activity_status: "実施内容の状況",
};

pub const SHEET_JA: Sheet = Sheet {
    format: |first, current, found| {
        format!("「{current}」か「{first}」である必要がありますが、「{found}」になっています")
    },
    newer_field: |first, newer| {
        format!(
            "この項目は {newer} で加わったものですが、ファイルは「{first}」です。残すには \"format\": \"{newer}\" と書いてください"
        )
    },
    uid_zero: "すべて 0 の uid はどの行も指しません。削除すれば取り込み時に新しく付けます",
    previous_without_uid: "previous_uid は前年度の行とのつながりですが、この行に uid がありません。uid を書くか previous_uid を削除してください",
    duplicate_uid: |uid| {
        format!(
            "uid {uid} はこのファイルの別の行にも付いています。行ごとに別の uid が必要です（片方を削除すれば取り込み時に新しく付けます）"
        )
    },
    duplicate_note: |date, path, first| {
        format!(
            "{date} の評価会議のメモが2つあります（{path}.meeting_notes[{first}] にもあります）"
        )
    },
    more: |more| format!("…ほかに {more}件の問題があります"),
    control_character: |code, at| {
        format!("{at}文字目に制御文字 U+{code:04X} があります。削除してください")
    },
    empty: "空欄にはできません",
    allow_negative: |refusal| {
        format!(
            "{refusal}。負の値を認める場合は、目標に \"allow_negative\": true を追加してください"
        )
    },
    not_json: |inner| format!("ファイルが正しい JSON ではありません（{inner}）"),
    cut_short: |inner| format!("ファイルが途中で切れています（{inner}）"),
    figure_expected: r#"文字列の数値（"9,016"）、整数、{"text": "…"}、null のいずれか"#,
    fraction: |v| {
        format!(
            "{v} は小数部のある JSON の数値で、正確に扱えません。文字列で書いてください（例: \"{v}\"）"
        )
    },
    text_key: |key| {
        format!("不明なキー「{key}」があります。文字の値は {{\"text\": \"…\"}} の形で書きます")
    },
    text_value: r#"文字の値は {"text": "…"} の形で書きます"#,
    goal_number_zero: "目標番号は1から始まります",
    direction: |formula, direction| {
        format!("{formula} の目標に方向（direction）「{direction}」は指定できません")
    },
    precision: |precision, most| {
        format!("小数 {precision}桁は多すぎます。{most}桁までにしてください")
    },
    milestone_missing: "マイルストーン目標には状態が必要です: achieved、not_achieved、not_graded のいずれか",
    milestone_not_allowed: |formula| {
        format!(
            "マイルストーンの状態を持てるのはマイルストーン目標だけです（この目標は {formula}）"
        )
    },
    two_derivations: |figure| format!("{figure} の算出が2つあります"),
    derivation_of_text: |figure| format!("{figure} が数値ではないため、計算を照合できません"),
    derivation_differs: |text, value, figure, stated| {
        format!("{text} は {value} になりますが、{figure} は {stated} です")
    },
    no_parts: "複合目標には項目が1つ以上必要です",
    parts_not_allowed: |formula| {
        format!("項目を持てるのは複合目標だけです（この目標は {formula}）")
    },
    part_target: "項目には数値の目標値が必要です",
    part_actual: "項目の実績値は数値か null にしてください",
    id: "空白を含まない名前にしてください（例: ibusuki-dx-r5）",
    invisible: |code| format!("見えない文字 U+{code:04X} が含まれています。削除してください"),
    fiscal_year: |year| {
        format!(
            "{year} は年度ではありません。年度が始まる年を西暦で書いてください（例: 令和5年度なら 2023）"
        )
    },
    area: |number| format!("施策の方向性 {number} が 0 か、2回出てきます"),
    no_initiatives: "計画には取組が1つ以上必要です",
    duplicate_initiative: |code, first| {
        format!("取組 {code} が重複しています（initiatives[{first}] にもあります）")
    },
    duplicate_goal: |number, path, first| {
        format!("目標番号 {number} が重複しています（{path}.goals[{first}] にもあります）")
    },
    near: |near, achieved| {
        format!("near（{near}）は 0 以上、achieved（{achieved}）以下にしてください")
    },
    activities_from_itself: "目標は自分自身から実施内容を共有できません",
    activities_from_missing: |source| format!("{source} はこのファイルの目標ではありません"),
    activities_from_chained: |source| {
        format!("{source} 自体が別の目標の実施内容を共有しています。その目標を指定してください")
    },
    activities_from_and_own: "activities_from のある目標には、自分の実施内容を書けません",
};

pub const CONFIG_JA: Config = Config {
    no_folder: |env| {
        format!(
            "このユーザーの設定フォルダが見つかりません。{env} に設定ファイルのパスを指定してください"
        )
    },
    read: |path, source| format!("設定ファイル {} を読み込めません: {source}", path.display()),
    malformed: |path, line, message| {
        format!("設定ファイル {} の {line}行目: {message}", path.display())
    },
    tree_width: |width| {
        format!(
            "tree_width は 10 から 90 のパーセントで指定してください（{width} は指定できません）"
        )
    },
    write: |path, source| {
        format!(
            "設定ファイル {} に書き込めません: {source}。ファイルは元のままです",
            path.display()
        )
    },
    unknown_key: |path, line, key, known| {
        format!(
            "設定ファイル {} の {line}行目: 不明なキー「{key}」（無視しました。tassei が読むキー: {known}）",
            path.display()
        )
    },
    unknown_lang: |path, line, value| {
        format!(
            "設定ファイル {} の {line}行目: lang = \"{value}\" は使える言語ではありません（無視しました。\"ja\" か \"en\" と書いてください。それまではロケールで決まります）",
            path.display()
        )
    },
};

pub const CALCULATION_JA: Calculation = Calculation {
    missing_actual: "実績値が未入力です",
    missing_target: "目標値がありません",
    missing_baseline: "基準値がありません",
    text: |field, text| format!("{field}が数値ではなく文字です（「{text}」）"),
    zero_target: "目標値が 0 のため、実績値 ÷ 目標値 を計算できません",
    zero_actual: "実績値が 0 のため、目標値 ÷ 実績値 を計算できません",
    target_equals_baseline: "目標値が基準値と同じため、基準値からの進み具合を計算できません",
    no_parts: "複合目標には項目が1つ以上必要です",
    part_missing_actual: |part| format!("項目「{part}」の実績値が未入力です"),
    part_zero_target: |part| format!("項目「{part}」の目標値が 0 です"),
    too_large: "数値が大きすぎて正確に計算できません",
    milestone_unset: "マイルストーンの状態（達成・未達成・評価なし）はまだ入力されていません",
    division_by_zero: "計算式に 0 での割り算があります",
    not_computable: |reason| format!("計算不可: {reason}"),
    target: "目標値",
    actual: "実績値",
    baseline: "基準値",
    achieved: "達成 → 100",
    not_achieved: "未達成 → 0",
    not_graded: "評価なし → ー",
    ratio: "実績値 ÷ 目標値 × 100",
    lower_from_baseline: "(基準値 - 実績値) ÷ (基準値 - 目標値) × 100（小さいほど良い）",
    lower: "目標値 ÷ 実績値 × 100（小さいほど良い）",
    from_baseline: "(実績値 - 基準値) ÷ (目標値 - 基準値) × 100",
    composite: "項目ごとの 実績値 ÷ 目標値 の平均 × 100",
    milestone: "達成 100、未達成 0、評価なし ー",
};

pub const FILES_JA: Files = Files {
    held: |path, reason| {
        format!(
            "{} を他のプログラムが開いている可能性があります（ウイルス対策ソフトの検査、Excel やエディター、バックアップや同期のツール）: {reason}。そのプログラムを閉じるか、少し待ってからもう一度実行してください",
            path.display()
        )
    },
    moved_to_local: |old, new| {
        format!(
            "データファイルとそのコピーを {} から {} に移しました。移動ユーザー プロファイル（Roaming）にあるデータファイルはサインアウトのたびにサーバーとの間でコピーされ、2つの版ができることがあるためです",
            old.display(),
            new.display()
        )
    },
    not_moved_to_local: |file, new, reason| {
        format!(
            "データファイル {} を {} に移せません（{reason}）。今回は今の場所で使い、次回もう一度移動を試みます",
            file.display(),
            new.display()
        )
    },
    copies_left: |count, old| {
        format!(
            "コピーのうち {count}件は移せなかったため、{} に残っています",
            old.display()
        )
    },
    journal_busy: "ジャーナルをデータファイルに書き込めませんでした。他の tassei が開いている可能性があります",
    journal_left: |journal| format!("{} にまだ編集内容が残っています", journal.display()),
};

pub const CSV_JA: Csv = Csv {
    at_line: |line, problem| format!("{line}行目: {problem}"),
    not_shift_jis: "UTF-8 としても Shift_JIS（CP932）としても読めない文字があります。Excel で「CSV UTF-8」か「CSV（コンマ区切り）」として保存し直してください",
    not_utf8: "ファイルは UTF-8（BOM 付き）ですが、UTF-8 として読めない文字があります。Excel で「CSV UTF-8」として保存し直してください",
    utf16: "UTF-16 のテキストファイルで、CSV ではありません。Excel で「CSV UTF-8」か「CSV（コンマ区切り）」として保存し直してください",
    unreadable: |why| format!("CSV として読めません: {why}"),
    unknown_header: |row, known| {
        format!(
            "1行目（{row}）は目標コードでも、tassei が読める見出しでもありません。列の見出しを {known} にするか、見出しを付けずに 目標,実績値[,状況,評価内容] の順に書いてください"
        )
    },
    too_few_cells: |found, needed| {
        format!("セルが{found}個しかありません（{needed}個必要です）。この行は取り込みません")
    },
    not_a_goal_code: |cell| {
        format!(
            "{cell} は目標コードではありません（シートのとおり 1-ア-1 や ⑴-ア-1 と書いてください）。この行は取り込みません"
        )
    },
    key_disagrees: |key, shown| {
        format!(
            "目標コード列は {key} ですが、この行の目標は {shown} です。どちらかを直してください（この行は取り込みません）"
        )
    },
    code_lost_to_question_mark: |cell| {
        format!(
            "{cell} は目標コードではありません。CSV（カンマ区切り）で保存したときに ⑴ が ? に変わりました（Shift_JIS に ⑴ はありません）。1-ア-1 のように半角数字で書いてください（この行は取り込みません）"
        )
    },
};
