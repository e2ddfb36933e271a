//! 計画の骨組み（計画名・評価基準・取り組み事項）の変更の日本語:
//! [`strings::outline`](crate::strings::outline) の形の値。

use crate::strings::outline::{Cli, Errors, Outline, Tui};

pub const JA: Outline = Outline {
    errors: ERRORS,
    cli: CLI,
    tui: TUI,
};

const ERRORS: Errors = Errors {
    empty: |what, label| format!("{what}: {label}は空欄にはできません"),
    one_line: |what, label| {
        format!("{what}: {label}は1行で入力してください（改行・タブ・制御文字は使えません）")
    },
    bands: |achieved, near| {
        format!(
            "評価基準 {achieved}・{near}: どちらも 0 より大きい％で、概ね達成（{near}）は達成（{achieved}）より小さくしてください。変更していません"
        )
    },
    not_percent: |typed| {
        format!(
            "{typed} は評価基準として読めません。達成・概ね達成の順に ％ で入力してください（例: 100 80）"
        )
    },
    not_found: |what| format!("{what} はこの計画にありません（削除された可能性があります）"),
    conflict: |what, label, now| {
        format!("{what}: {label}はその間に変更され、現在は {now} です。変更していません")
    },
    same_area: |initiative| format!("{initiative} はすでにその施策の方向性にあります"),
    area_full: |area| {
        format!("施策の方向性 {area} には、取り組み事項に付けられる記号が残っていません")
    },
};

const CLI: Cli = Cli {
    plan_field: "計画そのものの項目: title 計画名、または thresholds 達成 概ね達成（％、例: 100 80）。GOAL は不要",
    initiative: "目標の代わりに取り組み事項（⑴-ア または 1-ア）: --initiative ⑴-ア title 名称",
    unknown_plan_field: |typed| {
        format!(
            "{typed} は計画の項目ではありません。title 計画名 または thresholds 達成 概ね達成 と入力してください"
        )
    },
    plan_field_values: |title, n| {
        if title {
            format!("--plan-field title には値を1つ（計画名）指定します（{n}個指定されています）")
        } else {
            format!(
                "--plan-field thresholds には値を2つ（達成 概ね達成）指定します（{n}個指定されています）"
            )
        }
    },
    initiative_title_only: "--initiative には名称を指定します: tassei set --initiative ⑴-ア title 名称",
    nothing_named: "目標（tassei set ⑴-ア-1 …）、--initiative ⑴-ア title 名称、または --plan-field title|thresholds … を指定してください",
    field_missing: |goal| {
        format!(
            "tassei set {goal}: 入力する項目を指定してください: actual, achieved, part, target, baseline, title, unit, calc_method, precision, note, formula, direction（tassei set --help）"
        )
    },
    set_usage: "tassei set [OPTIONS] <GOAL> <FIELD>\n       tassei set --initiative <INITIATIVE> title <名称>\n       tassei set --plan-field title <計画名>\n       tassei set --plan-field thresholds <達成> <概ね達成>",
    move_initiative: "取り組み事項: INITIATIVE up|down（記号は並び順に付きます: ⑴-イ → ⑴-ア）、または INITIATIVE to AREA（移動先で次に空いている記号）",
    changed: |row, label, old, new| format!("{row} {label}: {old} → {new}"),
    unchanged: |row, label| format!("{row} {label}: すでにその値です。変更していません"),
};

const TUI: Tui = Tui {
    plan_title: "計画名",
    thresholds: "評価基準（達成 概ね達成、％）",
    initiative_title: |code| format!("{code} 取り組み事項"),
    heading: "編集",
    key_initiative_title: "取組名を編集",
    key_plan_title: "計画名を編集",
    key_thresholds: "評価基準を編集",
    hint_thresholds: "評価基準",
    hint_plan_title: "計画名",
    key_save: "保存する",
    select_initiative: "名称を編集する取り組み事項（またはその目標）を選んでください",
};
