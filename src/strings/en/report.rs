//! The shared text views' words in English: the values of
//! [`strings::report`](crate::strings::report)'s shapes.

use crate::strings::report::{Card, Change, Milestone, Minutes, Report, YearOverYear};

pub const EN: Report = Report {
    empty: "(empty)",
    formulas: [
        "ratio: 実績値 / 目標値",
        "lower_is_better: the lower the better",
        "from_baseline: progress from 基準値, higher is better",
        "from_baseline: progress from 基準値, lower is better",
        "milestone: 達成 / 未達成",
    ],
    change: CHANGE,
    milestone: MILESTONE,
    card: CARD,
    years: YEARS,
    minutes: MINUTES,
};

pub const CHANGE: Change = Change {
    saved: |subject, label, old, new| format!("saved {subject} {label} {old} → {new}"),
    undone: |subject, label, old, new| format!("undone {subject} {label} {old} → {new}"),
    redone: |subject, label, old, new| format!("redone {subject} {label} {old} → {new}"),
    unchanged: |subject, label, new| format!("unchanged {subject} {label} {new}"),
    changed_after: |subject, label, by, at, action, current| {
        format!("{subject} {label} was changed by {by} at {at} after your {action} (now {current})")
    },
    and_more: |n| match n {
        1 => " (and 1 more change made with it)".to_string(),
        n => format!(" (and {n} more changes made with it)"),
    },
};

pub const MILESTONE: Milestone = Milestone {
    achieved: "達成",
    not_achieved: "未達成",
    not_graded: "評価なし",
    not_graded_marked: "評価なし (ー)",
    unset: "未入力",
};

pub const CARD: Card = Card {
    nothing: "(なし)",
    printed: "シート記載",
    page: |page| format!(" · p.{page}"),
    part: |target, actual, note| format!("目標 {target}  実績 {actual}{note}"),
    derivation_stale: |worked, figure, current| {
        format!("{worked} (on the sheet; the {figure} is now {current})")
    },
    achievement: "達成度",
    status: |label, word| format!("{label} {word}"),
    calculation: "計算",
    shortfall: "不足",
    derivation: |figure| format!("{figure}の算出"),
    formula: "算式",
    method: "積算方法 (how it is counted)",
    narrative: "評価内容 (evaluation)",
    meeting: |date| format!("評価会議 {date} (meeting notes)"),
    activities: "実施内容 (activities)",
    activities_shared: |source| format!("実施内容 (activities) — {source} と同じ"),
    overdue: "期限超過 overdue",
    as_needed: "as needed, never overdue",
    unreadable_period: |why| format!("時期を読めません unreadable: {why}"),
    unreadable_count: |n| format!("時期を読めません unreadable 時期: {n}"),
};

pub const YEARS: YearOverYear = YearOverYear {
    heading: "過去の年度 (earlier years)",
    line: |year, actual, rate, status| format!("{year} 実績 {actual} 達成度 {rate} {status}"),
    trend: |trend, from, to| format!("推移 trend {trend}  ({from} to {to})"),
    change: |d| format!("前年度比 against last year {d}"),
    points: |d| format!("{d} points"),
    change_separator: ", ",
    previous: "前年度",
    previous_legend: "前年度 (last year) on the right",
};

pub const MINUTES: Minutes = Minutes {
    title: |municipality, title, year| format!("評価会議 議事録 — {municipality} {title} ({year})"),
    date: |date| format!("会議日: {date}"),
    figures: |actual, target, achievement, status| {
        format!("実績値 {actual} / 目標値 {target} — 達成度 {achievement} ({status})")
    },
    calculation: |calculation| format!("計算: {calculation}"),
    decision: |text| format!("決定事項: {text}"),
    follow_up: |text| format!("フォローアップ: {text}"),
    owner: |text| format!("担当: {text}"),
    due: |text| format!("期限: {text}"),
};
