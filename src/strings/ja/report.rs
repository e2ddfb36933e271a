//! The shared text views' words in Japanese: the values of
//! [`strings::report`](crate::strings::report)'s shapes.

use crate::strings::report::{Card, Change, Milestone, Minutes, Report, YearOverYear};

pub const JA: Report = Report {
    empty: "（空欄）",
    formulas: [
        "比率: 実績値 / 目標値",
        "低いほどよい",
        "基準値からの伸び（高いほどよい）",
        "基準値からの伸び（低いほどよい）",
        "マイルストーン: 達成 / 未達成",
    ],
    change: CHANGE_JA,
    milestone: MILESTONE_JA,
    card: CARD_JA,
    years: YEARS_JA,
    minutes: MINUTES_JA,
};

pub const CHANGE_JA: Change = Change {
    saved: |subject, label, old, new| format!("{subject} {label}を保存しました: {old} → {new}"),
    undone: |subject, label, old, new| format!("{subject} {label}を元に戻しました: {old} → {new}"),
    redone: |subject, label, old, new| format!("{subject} {label}をやり直しました: {old} → {new}"),
    unchanged: |subject, label, new| format!("{subject} {label}は変更していません（既に {new}）"),
    changed_after: |subject, label, by, at, action, current| {
        format!(
            "{subject} {label}は、自分の{}の後に {by} が {at} に変更しています（現在 {current}）",
            taken_back(action)
        )
    },
    and_more: |n| format!("（同時に行ったほか {n}件の変更を含む）"),
};

/// What an undo or redo takes back, in words: the store says `edit` or `undo`.
fn taken_back(action: &str) -> &str {
    match action {
        "edit" => "編集",
        "undo" => "元に戻す操作",
        other => other,
    }
}

pub const MILESTONE_JA: Milestone = Milestone {
    achieved: "達成",
    not_achieved: "未達成",
    not_graded: "評価なし",
    not_graded_marked: "評価なし（ー）",
    unset: "未入力",
};

pub const CARD_JA: Card = Card {
    nothing: "（なし）",
    printed: "シート記載",
    page: |page| format!(" · {page}ページ"),
    part: |target, actual, note| format!("目標 {target}  実績 {actual}{note}"),
    derivation_stale: |worked, figure, current| {
        format!("{worked}（シート記載の計算。{figure}は現在 {current}）")
    },
    achievement: "達成度",
    // The sheet's label alone: the exported word is for scripts, not the card.
    status: |label, _word| label.to_string(),
    calculation: "計算",
    shortfall: "不足",
    derivation: |figure| format!("{figure}の算出"),
    formula: "算式",
    method: "積算方法",
    narrative: "評価内容",
    meeting: |date| format!("評価会議 {date} のメモ"),
    activities: "実施内容",
    activities_shared: |source| format!("実施内容 — {source} と同じ"),
    overdue: "期限超過",
    as_needed: "必要に応じて・期限なし",
    unreadable_period: |why| format!("時期を読めません: {why}"),
    unreadable_count: |n| format!("時期を読めません: {n}件"),
};

pub const YEARS_JA: YearOverYear = YearOverYear {
    heading: "過去の年度",
    line: |year, actual, rate, status| format!("{year} 実績 {actual} 達成度 {rate} {status}"),
    trend: |trend, from, to| format!("推移 {trend}  （{from}〜{to}）"),
    change: |d| format!("前年度比 {d}"),
    points: |d| format!("{d}ポイント"),
    change_separator: "・",
    previous: "前年度",
    previous_legend: "右端の数字は前年度",
};

pub const MINUTES_JA: Minutes = Minutes {
    title: |municipality, title, year| {
        format!("評価会議 議事録 — {municipality} {title}（{year}）")
    },
    date: |date| format!("会議日: {date}"),
    figures: |actual, target, achievement, status| {
        format!("実績値 {actual} / 目標値 {target} — 達成度 {achievement}（{status}）")
    },
    calculation: |calculation| format!("計算: {calculation}"),
    decision: |text| format!("決定事項: {text}"),
    follow_up: |text| format!("フォローアップ: {text}"),
    owner: |text| format!("担当: {text}"),
    due: |text| format!("期限: {text}"),
};
