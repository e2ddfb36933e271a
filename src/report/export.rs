//! One record per goal, as JSON or as CSV for Excel on Japanese Windows.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::{Outcome, evaluate};
use crate::model::{FormulaKind, Goal, Part, Plan};

/// A goal flattened for export. Numbers are plain strings (`"9500"`), exact; missing is null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalRecord {
    /// `⑴-ア`
    pub initiative: String,
    pub initiative_title: String,
    pub goal: u32,
    pub title: String,
    pub unit: String,
    pub formula: String,
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
    pub printed_achievement: Option<String>,
    pub calc_method: String,
    pub evaluation: String,
}

/// Every goal of the plan in sheet order.
pub fn records(plan: &Plan) -> Vec<GoalRecord> {
    plan.initiatives
        .iter()
        .flat_map(|ini| {
            ini.goals.iter().map(move |g| {
                let e = evaluate(g, &plan.thresholds);
                let (baseline, target, actual) = match g.formula {
                    FormulaKind::Composite => composite_figures(g),
                    _ => (g.baseline.plain(), g.target.plain(), g.actual.plain()),
                };
                GoalRecord {
                    initiative: ini.code.to_string(),
                    initiative_title: ini.title.clone(),
                    goal: g.number,
                    title: g.title.clone(),
                    unit: g.unit.clone(),
                    formula: g.formula.word().to_string(),
                    baseline,
                    target,
                    actual,
                    achievement: e.rate().map(|r| r.to_string()),
                    status: e.status.word(),
                    reason: match &e.outcome {
                        Outcome::NotComputable(reason) => Some(reason.to_string()),
                        Outcome::NotGraded => Some("not graded (ー)".to_string()),
                        Outcome::Rate(_) => None,
                    },
                    calculation: e.calculation,
                    shortfall: e.shortfall.map(|s| s.to_string()),
                    printed_achievement: g.printed_achievement.clone(),
                    calc_method: g.calc_method.clone(),
                    evaluation: g.evaluation.clone(),
                }
            })
        })
        .collect()
}

/// A composite goal's figures are its parts': `6回 / 60名`.
fn composite_figures(g: &Goal) -> (Option<String>, Option<String>, Option<String>) {
    let joined = |f: &dyn Fn(&Part) -> Option<String>| -> Option<String> {
        let items: Option<Vec<String>> = g
            .parts
            .iter()
            .map(|p| f(p).map(|v| format!("{v}{}", p.unit)))
            .collect();
        items.filter(|v| !v.is_empty()).map(|v| v.join(" / "))
    };
    (
        g.baseline.plain(),
        joined(&|p| Some(p.target.to_string())),
        joined(&|p| p.actual.map(|a| a.to_string())),
    )
}

/// Pretty JSON: an array of records.
pub fn write_json(out: &mut impl Write, records: &[GoalRecord]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, records)?;
    out.write_all(b"\n")
}

/// CSV in UTF-8 with a BOM, so Excel on Japanese Windows reads the Japanese text. A cell that
/// starts like a formula (`= + - @`, tab, CR) is prefixed with `'` so it opens as text and no
/// formula runs; plain numbers such as `-5` are left as numbers.
pub fn write_csv(out: &mut impl Write, records: &[GoalRecord]) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(out);
    let header = [
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
    ];
    csv.write_record(header)?;
    for r in records {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let row = [
            r.initiative.clone(),
            r.initiative_title.clone(),
            r.goal.to_string(),
            r.title.clone(),
            r.unit.clone(),
            r.formula.clone(),
            opt(&r.baseline),
            opt(&r.target),
            opt(&r.actual),
            opt(&r.achievement),
            r.status.to_string(),
            opt(&r.reason),
            r.calculation.clone(),
            opt(&r.shortfall),
            opt(&r.printed_achievement),
            r.calc_method.clone(),
            r.evaluation.clone(),
        ];
        csv.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    csv.flush()
}

/// Makes a cell inert in a spreadsheet. See [`write_csv`].
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
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
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_has_one_row_per_goal() {
        let plan = sheet::bundled().expect("bundled");
        let mut out = Vec::new();
        write_csv(&mut out, &records(&plan)).expect("written");
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
