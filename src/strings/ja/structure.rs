//! 目標・実施内容の追加・削除・移動の日本語: [`strings::structure`](crate::strings::structure)
//! の形の値。

use crate::strings::structure::{Change, Cli, Errors, Structure, Tui};

pub const JA: Structure = Structure {
    errors: ERRORS,
    change: CHANGE,
    cli: CLI,
    tui: TUI,
};

const ERRORS: Errors = Errors {
    empty_title: |code| format!("{code}: 新しい目標には目標名が必要です"),
    not_composite: |goal, formula| {
        format!(
            "{goal} は複合目標ではありません（算式 {formula}）。内訳は複合目標にだけ追加できます"
        )
    },
    part_target: |part| format!("{part}: 内訳の目標値は 0 より大きくしてください"),
    empty_initiative_title: |code| format!("{code}: 新しい取り組み事項には名前が必要です"),
    empty_content: |subject| format!("{subject}: 新しい実施内容の文が空です"),
    not_found: |what| format!("{what} はこの計画にありません"),
    takes_activities: |goal, from| {
        format!(
            "{goal} の実施内容は {from} と同じです（実施内容は、{from}に同じ）。{from} に追加してください"
        )
    },
    shared_by: |goal, sharers| {
        format!(
            "{goal} は削除できません: {sharers} の実施内容が {goal} と同じため（実施内容は、{goal}に同じ）、削除するとそれらの実施内容がなくなります"
        )
    },
    cannot_move: |row, at, count| {
        format!("{row} はそこへ移動できません（全{count}件中 {at} 番目）")
    },
    not_as_chosen: "選んだ後でその行が変わりました（他の人が行を削除・追加・移動しました）。もう一度確かめて選び直してください。何も変更していません",
    changed_since: |word, row| {
        let action = if word == "redo" {
            "やり直せません"
        } else {
            "元に戻せません"
        };
        format!(
            "{action}: {row} はその後に変更されています。先にその変更を元に戻すか、tassei {word} --yes で続けてください。何も変更していません"
        )
    },
    unreadable: |action, row| {
        let action = if action == "redo" {
            "やり直せません"
        } else {
            "元に戻せません"
        };
        format!("変更 #{row} は{action}: 削除・移動した内容をこの tassei では読めません")
    },
};

const CHANGE: Change = Change {
    added: |row| format!("{row} を追加しました"),
    removed: |row| format!("{row} を削除しました"),
    moved: |from, to| format!("{from} を {to} へ移動しました"),
    renumbered: |from, to| format!("{from} → {to}"),
    copied: |n, goal| format!("{goal} に実施内容 {n}件を複製しました"),
    undid_removal: |row| format!("元に戻しました: {row} の削除を取り消し、元の場所に戻しました"),
    undid_addition: |row| format!("元に戻しました: 追加した {row} を取り除きました"),
    reverted: |redo, said| {
        if redo {
            format!("やり直しました: {said}")
        } else {
            format!("元に戻しました: {said}")
        }
    },
};

const CLI: Cli = Cli {
    add_about: "目標・実施内容を追加する（記録され、tassei undo で元に戻せます）",
    remove_about: "目標・実施内容を削除する（確認あり。記録に残り、tassei undo で戻せます）",
    move_about: "目標・実施内容の順番を移動する（目標番号は振り直されます）",
    add_examples: "例:\n  tassei add initiative 1 \"窓口サービスの改善\"             （⑴-カ になります）\n  tassei add part 1-オ-1 \"オンライン講習回数\" 3 回\n  tassei add goal ⑴-ア \"電子申請の利用件数\"          （⑴-ア の最後の目標）\n  tassei add goal 1-ア --after 1 \"電子申請の利用件数\" （⑴-ア-2 になり、後の目標は番号が繰り下がります）\n  tassei add activity 1-ア-1 \"窓口での周知\" --period R6.4 --sections 情報政策係,市民課",
    remove_examples: "例:\n  tassei remove goal ⑴-ア-3\n  tassei remove goal 1-ア-1 --copy-activities   （実施内容を共有する目標に複製してから削除）\n  tassei remove activity 1-ア-1 2 --yes",
    move_examples: "例:\n  tassei move goal ⑴-ア-3 up\n  tassei move goal 1-ア-1 to 3\n  tassei move activity 1-ア-1 2 down\n  tassei move initiative 1-イ up         （⑴-イ が ⑴-ア に、⑴-ア が ⑴-イ に）\n  tassei move initiative 1-カ to 2       （⑵ で次に空いている記号に）",
    add_goal: "目標: 取り組み事項 [--after N] 目標名",
    add_part: "複合目標の内訳: 目標 項目名 目標値 [単位]",
    remove_part: "複合目標の内訳: 目標 N [--yes]",
    part_label: "内訳の項目名（例: 開催回数）",
    part_target: "内訳の目標値（0 より大きい数）",
    part_unit: "内訳の単位（例: 回）",
    part_number: "内訳の番号 N（1 から）",
    parts: "内訳",
    add_initiative: "取り組み事項: 施策の方向性 名前（記号はその方向性の最後の次: ⑴-オ → ⑴-カ）",
    remove_initiative: "取り組み事項（目標ごと）: 取り組み事項 [--yes]",
    area: "施策の方向性: 1 や ⑴",
    initiative_title: "取り組み事項の名前",
    not_area: |typed| format!("{typed} は施策の方向性ではありません（1 や ⑴ の形で）"),
    add_activity: "実施内容: 目標 [--after N] 実施内容 [--period 時期] [--sections 係,係]",
    remove_goal: "目標（内訳・実施内容・会議メモごと）: 目標 [--copy-activities] [--yes]",
    remove_activity: "実施内容: 目標 N [--yes]",
    move_goal: "取り組み事項の中で目標を移動: 目標 up|down|to N",
    move_activity: "目標の中で実施内容を移動: 目標 N up|down|to M",
    initiative: "取り組み事項: ⑴-ア、1-ア、(1)-ア",
    after: "N 番目の後に入れる（0: 先頭、省略: 最後）",
    title: "目標名",
    content: "実施内容",
    period: "時期（例: R6.4、通年）",
    period_value: "時期",
    sections_value: "係,係",
    goals: "目標",
    activities: "実施内容",
    sections: "担当係（「、」かカンマ区切り。子育て・健康係の「・」は区切りません）",
    activity_number: "実施内容の番号 N",
    copy_activities: "実施内容を共有する目標（実施内容は…に同じ）に実施内容を複製してから削除する",
    yes: "確認せずに削除する",
    whither: "up（上へ）、down（下へ）、to N（N 番目へ）",
    no_initiative: |typed| {
        format!("{typed} はこの計画の取り組み事項ではありません（⑴-ア や 1-ア の形で）")
    },
    no_such_number: |what, n, count| format!("{what} {n} はありません（全{count}件）"),
    not_whither: |typed| format!("{typed}: up、down、to N のいずれかで指定してください"),
    confirm_remove: |row| {
        format!("{row} を削除しますか？ 変更記録に残り、tassei undo で戻せます。[y/N] ")
    },
    needs_yes: |row| format!("{row} の削除には確認が必要です: --yes を付けてください"),
    yes_answers: &["y", "Y", "yes", "ｙ", "はい"],
    kept: |row| format!("{row} は削除しませんでした。何も変更していません"),
    copy_hint: "--copy-activities を付けると、実施内容をそれらの目標に複製してから削除します",
};

const TUI: Tui = Tui {
    goal_title: |code| format!("新しい目標 {code} の目標名: "),
    activity_content: |subject| format!("新しい {subject}: "),
    remove_goal: |code, title| format!("{code} {title} を削除しますか？（u で元に戻せます）"),
    remove_shared: |code, sharers| {
        format!(
            "{sharers} の実施内容は {code} と同じです。実施内容を複製してから {code} を削除しますか？"
        )
    },
    remove_initiative: |code, title, goals| {
        format!("{code} {title} を、その目標 {goals}件ごと削除しますか？（u で元に戻せます）")
    },
    remove_activity: |subject, content| {
        format!("{subject} {content} を削除しますか？（u で元に戻せます）")
    },
    remove_title: "削除しますか？",
    remove_yes: "削除する",
    remove_copying: "実施内容を複製して削除する",
    shared_elsewhere: |goal| {
        format!(
            "この目標の実施内容は {goal} と同じです。追加・削除・移動は {goal} のカードで行ってください"
        )
    },
    remove_no: "削除しない",
    nothing_removed: "削除しませんでした",
    select_activity: "実施内容の追加・削除・移動は、カードで実施内容の行を選んでから行ってください",
    select_goal: "目標の追加・削除・移動は、ツリーで目標を選んでから行ってください",
    at_the_end: "これ以上は移動できません",
    prompt_heading: "目標・実施内容の追加 (a)",
    key_add_goal: "下に目標を追加",
    key_remove_goal: "目標・取組を削除",
    key_goal_down: "目標を下へ移動",
    key_goal_up: "目標を上へ移動",
    key_add_activity: "実施内容を下に追加",
    key_remove_activity: "実施内容を削除",
    key_activity_down: "実施内容を下へ",
    key_activity_up: "実施内容を上へ",
    key_add: "追加する",
    hint_rows: "追加/削除",
    key_close: "追加せずに閉じる",
};
