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

/// Joins an activity's 担当係 on one line of a table (実施内容), and splits them back.
pub const SECTIONS_JOINED: &str = "、";

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

/// The sheets and columns that carry a plan's structure, so `tassei import` of the workbook
/// (and of the template `tassei new --template` writes) rebuilds the plan. Read back by header,
/// never by position.
pub const PLAN_SHEET: &str = "計画";
/// One row per part of a composite goal.
pub const PARTS_SHEET: &str = "内訳";
/// One row per figure's stated arithmetic (算出式).
pub const DERIVATIONS_SHEET: &str = "算出";
/// The template's instructions.
pub const INSTRUCTIONS_SHEET: &str = "記入方法";

/// 計画's two columns.
pub const ITEM: &str = "項目";
pub const ITEM_VALUE: &str = "値";
/// 計画's items.
pub const PLAN_ID: &str = "計画ID";
pub const PLAN_UID: &str = "計画UID";
pub const MUNICIPALITY: &str = "自治体";
pub const PLAN_TITLE: &str = "計画名";
pub const FISCAL_YEAR: &str = "年度";
pub const ACHIEVED_FROM: &str = "達成の基準";
pub const NEAR_FROM: &str = "概ね達成の基準";
pub const SOURCE: &str = "出典";
/// A policy area's title: `政策分野1`.
pub const POLICY_AREA: &str = "政策分野";

/// データ's columns carrying what its visible ones do not (hidden in an export).
pub const INITIATIVE_UID: &str = "取り組み事項ID";
pub const GOAL_UID: &str = "目標ID";
pub const FORMULA_KIND: &str = "計算方法";
pub const DIRECTION: &str = "方向";
pub const PRECISION: &str = "小数桁";
pub const NOTE: &str = "備考";
pub const ALLOW_NEGATIVE: &str = "負の値";
pub const ACTIVITIES_FROM: &str = "実施内容の参照";
pub const MILESTONE: &str = "達成状況";
pub const PAGE: &str = "記載ページ";
/// 実施内容's, 内訳's and 算出's row keys.
pub const ACTIVITY_UID: &str = "実施内容ID";
pub const PART_UID: &str = "内訳ID";
/// 内訳's columns beyond the keys.
pub const PART_LABEL: &str = "項目名";
/// 算出's columns beyond the keys.
pub const FIGURE: &str = "対象";
pub const EXPRESSION: &str = "算出式";
pub const STALE: &str = "古い";
/// 計画's hidden cells: where the data file's change log stood when the workbook was exported,
/// and when, for `import --into` to tell a clerk's change from one made after the export.
pub const EXPORTED_AT_LOG: &str = "書き出し時の変更履歴";
pub const EXPORTED_AT: &str = "書き出し日時";

/// 負の値 and 古い when true.
pub const YES: &str = "○";

/// The template's 記入方法: its heading, the lines above the table, and one row per column
/// (the sheet, the column, what to write).
pub const GUIDE_TITLE: &str = "計画ブックの記入方法（tassei new --template）";
pub const GUIDE_COLUMNS: [&str; 3] = ["シート", "列", "書き方"];
pub const GUIDE_INTRO: [&str; 5] = [
    "このブックに計画を書き、tassei import ファイル名.xlsx で読み込みます。問題があればセルの場所（データ!H14 など）ごとにすべて表示し、すべて正しくなるまで何も書き込みません。",
    "【記入例】の行（計画・データ・実施内容の各シート）は見本です。上書きするか、行ごと削除してください。残したまま読み込むと、見本の目標も計画に入ります。",
    "1行目の見出しは変えないでください（列の順番は変えてもかまいません。見出しの名前で読みます）。目標は1行に1つ、実施内容も1行に1つ書きます。",
    "数値は半角でも全角でも（９，０１６）かまいません。単位は「単位」の列に書き、数値の欄には書かないでください。数式ではなく値を入力してください。",
    "灰色の見出しの列は選択肢から選べます（計算方法・方向・達成状況・状況など）。",
];
pub const GUIDE: [(&str, &str, &str); 32] = [
    (
        "計画",
        "計画ID",
        "計画を呼ぶ短い名前（空白を含まない文字。--plan で打ちやすい半角英数字とハイフンがおすすめ。例: sample-dx-r6）。--plan で指定するときに使います。",
    ),
    (
        "計画",
        "計画UID",
        "tassei が付ける計画の識別子。ひな形では空欄のまま、書き出したブックでは変えないでください（import --into で元の計画と照合します）。",
    ),
    (
        "計画",
        "自治体 / 計画名",
        "表紙に出る自治体名と計画の名前。",
    ),
    (
        "計画",
        "年度",
        "計画の年度を西暦で（例: 2024 は令和6年度）。時期（R６.４ など）はこの年度で読みます。",
    ),
    (
        "計画",
        "達成の基準 / 概ね達成の基準",
        "達成度がこの値以上なら「達成」「概ね達成」、概ね達成の基準未満は「未達成」。ふつうは 100 と 80。",
    ),
    (
        "計画",
        "出典",
        "計画の出どころ（例: 〇〇市DX推進計画 令和6年度版 p.3）。任意。",
    ),
    (
        "計画",
        "政策分野1, 政策分野2 …",
        "政策分野の番号ごとの名前（任意）。取り組み事項 ⑴-ア の ⑴ が番号です。",
    ),
    (
        "データ",
        "取り組み事項",
        "⑴-ア の形（1-ア、(1)-ア でも可）。同じ取り組み事項の目標は同じ書き方で。",
    ),
    (
        "データ",
        "取り組み事項名",
        "取り組み事項の名前。その取り組み事項の最初の行のものを使います。",
    ),
    (
        "データ",
        "目標",
        "取り組み事項の中の目標の番号（1, 2, …）。",
    ),
    ("データ", "目標の内容", "目標の文（必須）。"),
    (
        "データ",
        "単位",
        "件・％・時間・回 など。数値の欄には単位を書きません。",
    ),
    (
        "データ",
        "基準値",
        "計画を始めたときの値。計算方法が from_baseline のときに使います。ないときは空欄。",
    ),
    ("データ", "目標値", "この年度に目指す値。"),
    ("データ", "実績値", "この年度の結果。まだないときは空欄。"),
    (
        "データ",
        "積算方法",
        "実績値をどう数えるか（例: 電子申請システムの受付件数を年度末に集計する）。",
    ),
    ("データ", "評価内容", "評価の文（任意）。"),
    (
        "データ",
        "計算方法",
        "達成度の出し方（一覧から選ぶ）: ratio = 実績値÷目標値×100（多いほどよい）、lower_is_better = 目標値÷実績値×100（少ないほどよい）、from_baseline = 基準値からの伸び÷目標の伸び×100、composite = 内訳の各項目の達成度の平均、milestone = 達成・未達成で評価する目標（数値の欄に言葉を書きます）。",
    ),
    (
        "データ",
        "方向",
        "higher（多いほどよい）または lower（少ないほどよい）。空欄なら計算方法から決めます（lower_is_better は lower、ほかは higher）。",
    ),
    (
        "データ",
        "小数桁",
        "達成度を小数点以下何桁まで出すか（0〜4。空欄は 0）。",
    ),
    ("データ", "備考", "目標についてのメモ（任意）。"),
    (
        "データ",
        "負の値",
        "実績値などがマイナスになりうる目標は ○。",
    ),
    (
        "データ",
        "実施内容の参照",
        "実施内容がほかの目標と同じとき、その目標（例: ⑴-ア-1）。この目標の実施内容は書きません。",
    ),
    (
        "データ",
        "達成状況",
        "milestone の目標だけ: 達成・未達成・ー（評価なし）。",
    ),
    (
        "実施内容",
        "目標",
        "どの目標の実施内容か（⑴-ア-1 の形）。データシートにある目標を書きます。",
    ),
    (
        "実施内容",
        "番号",
        "目標の中の順番（参考。行の順に読みます）。",
    ),
    (
        "実施内容",
        "実施内容 / 時期",
        "取り組みの内容と時期（例: R６.４～R７.３、R６.12まで、上半期、随時）。",
    ),
    (
        "実施内容",
        "担当係",
        "担当する係。複数のときは「、」で区切ります（例: 企画係、情報政策係）。",
    ),
    (
        "実施内容",
        "状況",
        "未記入・未着手・実施中・完了・中止 から選びます。",
    ),
    (
        "内訳",
        "目標 / 項目名 / 単位 / 目標値 / 実績値",
        "計算方法が composite の目標の項目を1行に1つ（例: 研修会 6回、参加者 60名）。",
    ),
    (
        "算出",
        "目標 / 対象 / 算出式 / 小数桁",
        "数値の根拠となる計算（任意）。対象は 基準値・目標値・実績値、算出式は 例: 3,609件 ÷ 26,790件 × 100。",
    ),
    (
        "算出",
        "古い",
        "○ は、数値を変えたあと算出式が合わなくなった行（tassei が付けます）。データの数値を変えたときは自動で付くので、書かなくてかまいません。",
    ),
];

/// How the template marks its example rows (and `tassei import` notices one left in).
pub const EXAMPLE_MARK: &str = "【記入例】";

/// The choice a template's 負の値 cell offers.
pub const YES_CHOICE: [&str; 1] = [YES];

/// The error a template's drop-down cell shows for a word not in its list.
pub const CHOOSE_TITLE: &str = "一覧から選んでください";
