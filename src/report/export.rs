//! One record per goal, as JSON or as CSV for Excel on Japanese Windows.
//!
//! The export is data, the same whatever the language in use: its keys, status words and
//! formula words are spelled here and in the model, never read from `strings`; its reasons and
//! worked calculations, which the engine writes in the thread's language, are written in
//! English (each record is made under an English pin), so a spreadsheet or a script reads the
//! same columns whoever exported it.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::engine::{Evaluation, Outcome, evaluate};
use crate::model::{FormulaKind, Goal, GoalRef, Part, Plan, Spelling};
use crate::store::History;
use crate::strings::{Lang, pin_thread, strings};

/// A goal flattened for export. Numbers are plain strings (`"9500"`), exact; missing is null.
/// Text borrows from the plan, so a large plan streams out without a second copy in memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalRecord<'a> {
    /// `⑴-ア`
    pub initiative: String,
    pub initiative_title: &'a str,
    pub goal: u32,
    pub title: &'a str,
    pub unit: &'a str,
    pub formula: &'static str,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub actual: Option<String>,
    /// At the goal's precision (`"90"`, `"100.8"`); null when not graded or not computable.
    pub achievement: Option<String>,
    /// `achieved`, `near`, `shortfall` or `not_graded`.
    pub status: &'static str,
    /// Why there is no achievement, when there is none.
    pub reason: Option<String>,
    pub calculation: String,
    pub shortfall: Option<String>,
    pub printed_achievement: Option<&'a str>,
    pub calc_method: &'a str,
    pub evaluation: &'a str,
    /// `1-ア-1`: the goal's code with ASCII digits, a key that survives CP932. Excel on
    /// Japanese Windows saves "CSV (カンマ区切り)" in CP932, which has no ⑴: `initiative` comes
    /// back `?-ア`, and this column still names the goal. Last, so the columns before it keep
    /// the places they have always had.
    pub code: String,
    /// The same goal the fiscal year before (matched by identity, never by title), when the
    /// plan was rolled over from it: that year (`2023`), its actual and its achievement at that
    /// year's precision. After `code`, so the columns a collect reads keep their places.
    pub previous_fiscal_year: Option<i32>,
    pub previous_actual: Option<String>,
    pub previous_achievement: Option<String>,
}

/// Every goal of the plan in sheet order, one record at a time.
pub fn records(plan: &Plan) -> impl Iterator<Item = GoalRecord<'_>> {
    // The engine's words in the record are English in every language (see the top).
    records_in(plan, Lang::En)
}

/// The records with the engine's words (reasons, worked calculations) in `lang`, whatever the
/// thread's language: the workbook, in the sheet's language, takes them in Japanese.
pub fn records_in(plan: &Plan, lang: Lang) -> impl Iterator<Item = GoalRecord<'_>> {
    plan.initiatives.iter().flat_map(move |ini| {
        ini.goals.iter().map(move |g| {
            let _pinned = pin_thread(lang);
            let Evaluation {
                grade: e,
                calculation,
            } = evaluate(g, &plan.thresholds);
            let (baseline, target, actual) = match g.formula {
                FormulaKind::Composite => composite_figures(g),
                _ => (g.baseline.plain(), g.target.plain(), g.actual.plain()),
            };
            GoalRecord {
                initiative: ini.code.to_string(),
                initiative_title: &ini.title,
                goal: g.number,
                title: &g.title,
                unit: &g.unit,
                formula: g.formula.word(),
                baseline,
                target,
                actual,
                achievement: e.rate().map(|r| r.to_string()),
                status: e.status.word(),
                reason: match &e.outcome {
                    Outcome::NotComputable(reason) => Some(reason.to_string()),
                    // The export's reason stays as it always read; the workbook's is Japanese.
                    Outcome::NotGraded => Some(match lang {
                        Lang::En => "not graded (ー)".to_string(),
                        Lang::Ja => strings().report.milestone.not_graded_marked.to_string(),
                    }),
                    Outcome::Rate(_) => None,
                },
                calculation,
                shortfall: e.shortfall.map(|s| s.to_string()),
                printed_achievement: g.printed_achievement.as_deref(),
                calc_method: &g.calc_method,
                evaluation: &g.evaluation,
                code: GoalRef {
                    initiative: ini.code,
                    goal: g.number,
                }
                .spelled(Spelling::Ascii)
                .to_string(),
                previous_fiscal_year: None,
                previous_actual: None,
                previous_achievement: None,
            }
        })
    })
}

/// `records` (from `plan`, in its order) with each goal's previous year from `history`.
pub fn with_previous<'a>(
    records: impl Iterator<Item = GoalRecord<'a>>,
    plan: &'a Plan,
    history: &'a History,
) -> impl Iterator<Item = GoalRecord<'a>> {
    records
        .zip(plan.goals())
        .map(move |(mut record, (_, goal))| {
            if let Some(before) = history.previous(goal, plan.fiscal_year) {
                record.previous_fiscal_year = Some(before.fiscal_year.0);
                record.previous_actual = if before.parts.is_empty() {
                    before.actual.plain()
                } else {
                    parts_actual(&before.parts)
                };
                record.previous_achievement = before.grade.rate().map(|r| r.to_string());
            }
            record
        })
}

/// A composite goal's figures are its parts': `6回 / 60名`.
fn composite_figures(g: &Goal) -> (Option<String>, Option<String>, Option<String>) {
    (
        g.baseline.plain(),
        joined(&g.parts, &|p| Some(p.target.to_string())),
        parts_actual(&g.parts),
    )
}

/// Parts' actuals as a composite's 実績値 column: `13回 / 263名`, none until every part has one.
fn parts_actual(parts: &[Part]) -> Option<String> {
    joined(parts, &|p| p.actual.map(|a| a.to_string()))
}

/// One figure of each part with its unit, joined: `6回 / 60名`; none when a part has none.
fn joined(parts: &[Part], f: &dyn Fn(&Part) -> Option<String>) -> Option<String> {
    let items: Option<Vec<String>> = parts
        .iter()
        .map(|p| f(p).map(|v| format!("{v}{}", p.unit)))
        .collect();
    items.filter(|v| !v.is_empty()).map(|v| v.join(" / "))
}

/// Pretty JSON: an array of records, written as they come. Returns how many.
pub fn write_json<'a>(
    out: &mut impl Write,
    records: impl IntoIterator<Item = GoalRecord<'a>>,
) -> io::Result<usize> {
    let mut count = 0;
    let counted = records.into_iter().inspect(|_| count += 1);
    serde::Serializer::collect_seq(&mut serde_json::Serializer::pretty(&mut *out), counted)?;
    out.write_all(b"\n")?;
    Ok(count)
}

/// The CSV's header row: the record's fields in order, as `write_csv` writes them and
/// `exchange::csv` reads them back.
pub const CSV_HEADER: [&str; 21] = [
    "initiative",
    "initiative_title",
    "goal",
    "title",
    "unit",
    "formula",
    "baseline",
    "target",
    "actual",
    "achievement",
    "status",
    "reason",
    "calculation",
    "shortfall",
    "printed_achievement",
    "calc_method",
    "evaluation",
    "code",
    "previous_fiscal_year",
    "previous_actual",
    "previous_achievement",
];

/// How many columns the export had before `code`: an export made by an earlier tassei, edited
/// and returned, is still read as one.
pub const CSV_HEADER_BEFORE_CODE: usize = 17;

/// CSV in UTF-8 with a BOM, so Excel on Japanese Windows reads the Japanese text. A cell that
/// starts like a formula (`= + - @`, tab, CR, or a form Excel folds to one: `＝ ＋ － ＠`) is
/// prefixed with `'` so it opens as text and no formula runs; plain numbers such as `-5` are
/// left as numbers.
/// Returns how many records were written.
pub fn write_csv<'a>(
    out: &mut impl Write,
    records: impl IntoIterator<Item = GoalRecord<'a>>,
) -> io::Result<usize> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(CSV_HEADER).map_err(io_error)?;
    let mut count = 0;
    for r in records {
        let goal = r.goal.to_string();
        let previous_year = r.previous_fiscal_year.map(|y| y.to_string());
        let row: [&str; CSV_HEADER.len()] = [
            &r.initiative,
            r.initiative_title,
            &goal,
            r.title,
            r.unit,
            r.formula,
            r.baseline.as_deref().unwrap_or_default(),
            r.target.as_deref().unwrap_or_default(),
            r.actual.as_deref().unwrap_or_default(),
            r.achievement.as_deref().unwrap_or_default(),
            r.status,
            r.reason.as_deref().unwrap_or_default(),
            &r.calculation,
            r.shortfall.as_deref().unwrap_or_default(),
            r.printed_achievement.unwrap_or_default(),
            r.calc_method,
            r.evaluation,
            &r.code,
            previous_year.as_deref().unwrap_or_default(),
            r.previous_actual.as_deref().unwrap_or_default(),
            r.previous_achievement.as_deref().unwrap_or_default(),
        ];
        csv.write_record(row.iter().map(|cell| match neutralise(cell) {
            Cow::Borrowed(cell) => Cow::Borrowed(cell.as_bytes()),
            Cow::Owned(cell) => Cow::Owned(cell.into_bytes()),
        }))
        .map_err(io_error)?;
        count += 1;
    }
    csv.flush()?;
    Ok(count)
}

/// The I/O error inside a CSV error as it was, so a closed pipe stays a closed pipe (the
/// csv crate's own conversion makes every error `Other`).
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// What a spreadsheet takes as the start of a formula; tab and CR are dropped before it looks.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when a spreadsheet would read `cell` as a formula: its start, after NFKC, is one of
/// [`FORMULA_STARTS`]. Excel on Japanese Windows folds `＝１＋１` to `=1+1` (and `﹦` `⁺` with it).
fn starts_like_formula(cell: &str) -> bool {
    cell.nfkc()
        .next()
        .is_some_and(|c| FORMULA_STARTS.contains(&c))
}

/// Makes a cell inert in a spreadsheet. See [`write_csv`].
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if starts_like_formula(cell) && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let mut halves = digits.splitn(2, '.');
    let whole = halves.next().unwrap_or("");
    let fraction = halves.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    #[test]
    fn a_goal_not_graded_reads_english_in_the_export_and_japanese_in_the_workbook() {
        let plan = sheet::bundled().expect("bundled");
        let reason = |lang| {
            records_in(&plan, lang)
                .find(|r| r.initiative == "⑵-イ" && r.goal == 3)
                .and_then(|r| r.reason)
        };
        assert_eq!(reason(Lang::En).as_deref(), Some("not graded (ー)"));
        assert_eq!(reason(Lang::Ja).as_deref(), Some("評価なし（ー）"));
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for (cell, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("-5", "-5"),
            ("-180.5", "-180.5"),
            ("9016", "9016"),
            ("職員向け研修", "職員向け研修"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            // Excel on Japanese Windows folds these to = + - @ and runs the formula.
            ("＝１＋１", "'＝１＋１"),
            ("＋８１", "'＋８１"),
            ("－５", "'－５"),
            ("＠ＳＵＭ(A1)", "'＠ＳＵＭ(A1)"),
            ("﹦1", "'﹦1"),
            ("⁺1", "'⁺1"),
            ("\r=1", "'\r=1"),
            ("−5", "−5"), // U+2212 is not folded to -: text already
            ("「＝」で結ぶ", "「＝」で結ぶ"),
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
        }
    }

    /// Read back as Excel reads a cell: after NFKC, no exported cell starts like a formula
    /// unless it is a plain number. Every character of Unicode is tried as the first.
    #[test]
    fn no_character_of_unicode_starts_a_formula_after_nfkc() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let cell = format!("{c}1+1");
            let shown = neutralise(&cell);
            let excel: String = shown.nfkc().collect();
            assert!(
                !excel.starts_with(FORMULA_STARTS) || is_plain_number(&shown),
                "U+{:04X} starts a formula: {shown:?}",
                c as u32
            );
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_has_one_row_per_goal() {
        let plan = sheet::bundled().expect("bundled");
        let mut out = Vec::new();
        write_csv(&mut out, records(&plan)).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("\u{FEFF}initiative,initiative_title,goal,"));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("csv");
        assert_eq!(rows.len(), 26);
        assert_eq!(&rows[0][0], "⑴-ア");
        assert_eq!(&rows[0][9], "90");
        // 「紙で行う作業時間」ー… starts with a bracket, not a formula sign: kept as typed.
        let two_i_6 = rows
            .iter()
            .find(|r| &r[0] == "⑵-イ" && &r[2] == "6")
            .expect("⑵-イ-6");
        assert!(
            two_i_6[15].starts_with("「紙で行う作業時間」"),
            "{:?}",
            &two_i_6[15]
        );
    }

    /// JSON and CSV byte for byte, made on a thread pinned to `lang`.
    fn exported(plan: &Plan, lang: Lang) -> (String, String) {
        let _lang = pin_thread(lang);
        let (mut json, mut csv) = (Vec::new(), Vec::new());
        write_json(&mut json, records(plan)).expect("json written");
        write_csv(&mut csv, records(plan)).expect("csv written");
        (
            String::from_utf8(json).expect("utf-8"),
            String::from_utf8(csv).expect("utf-8"),
        )
    }

    #[test]
    fn the_export_is_the_same_in_every_language() {
        use crate::model::{MilestoneState, Value};
        let mut plan = sheet::bundled().expect("bundled");
        // The reasons and worked calculations the engine writes in words: no actual, a text
        // figure, milestone states set and unset (the bundled sheet has a 評価なし goal too).
        let goals: Vec<&mut Goal> = plan
            .initiatives
            .iter_mut()
            .flat_map(|i| i.goals.iter_mut())
            .collect();
        let mut changed = [false; 3];
        let mut states = [
            Some(MilestoneState::NotAchieved),
            Some(MilestoneState::Achieved),
            None,
        ]
        .into_iter()
        .cycle();
        for g in goals {
            match g.formula {
                FormulaKind::Milestone => {
                    g.milestone = states.next().flatten();
                    changed[0] = true;
                }
                FormulaKind::Ratio if !changed[1] => {
                    g.actual = Value::None;
                    changed[1] = true;
                }
                FormulaKind::Ratio if !changed[2] => {
                    g.target = Value::Text("構築".to_string());
                    changed[2] = true;
                }
                _ => {}
            }
        }
        assert_eq!(changed, [true; 3], "the sheet has goals to change");
        let english = exported(&plan, Lang::En);
        assert!(
            english.0.contains("\"no_actual\""),
            "the changes reached the export"
        );
        let japanese = exported(&plan, Lang::Ja);
        for (format, ja, en) in [
            ("json", &japanese.0, &english.0),
            ("csv", &japanese.1, &english.1),
        ] {
            // The first line that differs, not two whole exports.
            let differs = ja.lines().zip(en.lines()).find(|(j, e)| j != e);
            assert_eq!(differs, None, "{format} differs between ja and en");
            assert_eq!(ja, en, "{format} differs between ja and en");
        }
    }

    /// Every goal's `code` is the goal in ASCII digits, the last column, and comes back from
    /// CP932 as it went (⑴ in `initiative` does not).
    #[test]
    fn the_code_column_names_each_goal_in_text_cp932_keeps() {
        let plan = sheet::bundled().expect("bundled");
        assert_eq!(CSV_HEADER[CSV_HEADER_BEFORE_CODE], "code");
        let mut count = 0;
        for (r, (code, _)) in records(&plan).zip(plan.goals()) {
            assert_eq!(r.code, code.ascii());
            assert_eq!(r.code.parse::<GoalRef>().ok(), Some(code));
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&r.code);
            assert!(!unmappable, "{}", r.code);
            assert_eq!(
                encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes).0,
                r.code
            );
            count += 1;
        }
        assert_eq!(count, 26);
        let first = records(&plan).next().expect("a record");
        assert_eq!(first.code, "1-ア-1");
        let json = serde_json::to_value(&first).expect("json");
        assert_eq!(json["code"], "1-ア-1");
        let mut out = Vec::new();
        write_csv(&mut out, records(&plan)).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
        let row = reader.records().next().expect("a row").expect("csv");
        assert_eq!((&row[0], &row[17]), ("⑴-ア", "1-ア-1"));
    }

    #[test]
    fn composite_figures_show_each_part() {
        let plan = sheet::bundled().expect("bundled");
        let r = records(&plan)
            .into_iter()
            .find(|r| r.initiative == "⑴-オ" && r.goal == 1)
            .expect("record");
        assert_eq!(r.target.as_deref(), Some("6回 / 60名"));
        assert_eq!(r.actual.as_deref(), Some("13回 / 263名"));
        assert_eq!(r.achievement.as_deref(), Some("328"));
    }
}
