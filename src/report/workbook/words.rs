//! The workbook's fixed words: sheet names, column headers, the status words and the notes it
//! writes. They are the evaluation sheet's own vocabulary, Japanese whatever the interface
//! language (as `label_ja` beside the model's types), so they live here, beside the layout,
//! and not in `strings`. Everything here is data a clerk's workbook carries; the command's own
//! messages around the export are in `strings().cli`.

use rust_decimal::Decimal;

use crate::engine::Status;
use crate::model::{Grouped, MilestoneState};

/// The sheet in the paper's layout.
pub const EVALUATION_SHEET: &str = "評価シート";
/// One row per goal, the export's columns.
pub const DATA_SHEET: &str = "データ";
/// One row per activity.
pub const ACTIVITY_SHEET: &str = "実施内容";

/// The sheet's mark for no value (基準値 ー, 達成度 ー).
pub const NONE_MARK: &str = "ー";

/// 評価シート's column headers, left to right (see `sheet::Column`).
pub const GOAL: &str = "目標";
pub const GOAL_TEXT: &str = "目標の内容";
pub const BASELINE: &str = "基準値";
pub const TARGET: &str = "目標値";
pub const ACTUAL: &str = "実績値";
pub const RATE: &str = "達成度";
pub const GRADE: &str = "評価";
pub const CALC_METHOD: &str = "積算方法";
pub const EVALUATION: &str = "評価内容";
pub const ACTIVITY: &str = "実施内容";
pub const PERIOD: &str = "時期";
pub const SECTIONS: &str = "担当係";
pub const ACTIVITY_STATUS: &str = "状況";

/// データ's headers beyond 評価シート's: the export's columns in the sheet's words.
pub const INITIATIVE: &str = "取り組み事項";
pub const INITIATIVE_TITLE: &str = "取り組み事項名";
pub const UNIT: &str = "単位";
pub const FORMULA: &str = "計算式";
pub const REASON: &str = "理由";
pub const CALCULATION: &str = "計算";
pub const SHORTFALL: &str = "不足";
pub const PRINTED_RATE: &str = "記載の達成度";
/// The goal's code with plain digits (`1-ア-1`), the export's `code`: a key CP932 keeps, where
/// ⑴ in 取り組み事項 becomes `?` in a "CSV (カンマ区切り)" saved on Japanese Windows.
pub const GOAL_CODE: &str = "目標コード";
/// The goal's previous fiscal year (`令和5年度`), its 実績値 and its 達成度 then: データ's
/// columns after 目標コード, blank for a plan that was not rolled over from another year.
pub const PREVIOUS_YEAR: &str = "前年度";
pub const PREVIOUS_ACTUAL: &str = "前年度実績値";
pub const PREVIOUS_RATE: &str = "前年度達成度";
/// 実施内容's number of an activity within its goal.
pub const NUMBER: &str = "番号";

/// The number format of a goal's number: `目標1`.
pub const GOAL_NUMBER_FORMAT: &str = "\"目標\"0";

/// The note on a figure kept as text: Excel holds 15 significant digits.
pub const KEPT_AS_TEXT: &str =
    "15桁を超える数値のため、文字列として保存しています（Excel の数値は有効数字15桁までです）";

/// Joins a cell's several 担当係, one per line as the sheet prints them.
pub const SECTION_SEPARATOR: &str = "\n";

/// A status as the workbook writes it: the sheet's ー for a goal it does not grade, else the
/// status's label (達成, 概ね達成, 未達成, 未入力, 計算不可).
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::NotGraded => NONE_MARK,
        other => other.label_ja(),
    }
}

/// A milestone's 達成状況 as the workbook writes it and its drop-down offers: the words tassei
/// reads back (達成, 未達成, and the sheet's ー for not graded).
pub fn milestone_word(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Achieved => "達成",
        MilestoneState::NotAchieved => "未達成",
        MilestoneState::NotGraded => NONE_MARK,
    }
}

/// The title row: `指宿市 DX推進計画 取り組み事項 評価 令和5年度`.
pub fn title_ja(municipality: &str, title: &str, year: &str) -> String {
    format!("{municipality} {title} {year}")
}

/// The legend under the title: the bands the 評価 column is judged by.
pub fn legend_ja(achieved: Decimal, near: Decimal) -> String {
    let (achieved, near) = (Grouped(&achieved), Grouped(&near));
    format!(
        "評価: 達成 = 達成度 {achieved} 以上　概ね達成 = {near} 以上　未達成 = {near} 未満　ー = 評価なし"
    )
}

/// The 実施内容 of a goal that takes another's, as the sheet writes it:
/// `実施内容は，⑴‐ア‐目標１に同じ`.
pub fn activities_from_ja(initiative: &str, goal: u32) -> String {
    let initiative = initiative.replace('-', "‐");
    let number: String = goal
        .to_string()
        .chars()
        .map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap_or(c))
        .collect();
    format!("実施内容は，{initiative}‐目標{number}に同じ")
}

/// The workbook's font: the one Excel on Japanese Windows starts with.
pub const FONT: &str = "游ゴシック";

/// A handout's hidden key column and handout-number column.
pub const ROW_KEY: &str = "キー";
pub const HANDOUT_NUMBER: &str = "照会番号";
/// A handout's column of the goal's unit.
pub const UNIT_HEADER: &str = "単位";

/// A handout's title: `指宿市 DX推進計画 令和5年度 照会票（市民係）`.
pub fn handout_title_ja(municipality: &str, title: &str, year: &str, section: &str) -> String {
    format!("{municipality} {title} {year} 照会票（{section}）")
}

/// The instructions at the top of a handout, a line each.
pub const HANDOUT_INSTRUCTIONS: [&str; 4] = [
    "黄色の欄（実績値・状況・評価内容）だけを入力してください。灰色の欄は変更できません。",
    "実績値は数値のみ（単位は不要）。状況は一覧から選んでください（実施内容は未着手・実施中・完了・中止、達成状況の目標は達成・未達成・ー）。",
    "行の並べ替え・削除・追加はしないでください。非表示の列（キー・照会番号）で行を照合します。",
    "入力が済んだら、このファイルをそのまま取りまとめ担当（照会元）へ返送してください。",
];

/// The error an input number cell shows for text.
pub const INPUT_NUMBER_TITLE: &str = "実績値";
pub const INPUT_NUMBER: &str = "数値を入力してください（単位は不要です）。";
