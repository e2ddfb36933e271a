//! A goal's card: everything a clerk looks up about one goal, as structured lines that the CLI
//! prints as text and the TUI draws with styles.

use std::fmt::Write as _;

use crate::engine::{Evaluation, evaluate, formula_in_words, work_out};
use crate::model::{
    ActivityStatus, CalendarDate, Figure, FormulaKind, Goal, GoalRef, Grouped, Initiative,
    MeetingNote, NoteField, Plan, Value,
};

/// One goal, ready to show.
#[derive(Debug, Clone)]
pub struct Card {
    pub goal: GoalRef,
    pub title: String,
    pub note: String,
    /// `⑴-ア 各種行政手続のオンライン化`
    pub initiative: String,
    pub page: Option<u32>,
    /// Label and value: 基準値 / 目標値 / 実績値 (or a composite's parts, or a milestone's state).
    pub figures: Vec<(String, String)>,
    pub evaluation: Evaluation,
    /// The formula in words: `実績値 ÷ 目標値 × 100`.
    pub formula: &'static str,
    pub unit: String,
    pub printed_achievement: Option<String>,
    pub calc_method: String,
    pub narrative: String,
    /// The arithmetic the sheet states for figures: (基準値/目標値/実績値, worked calculation).
    pub derivations: Vec<(&'static str, String)>,
    /// Notes from review meetings, oldest first.
    pub notes: Vec<MeetingNote>,
    /// Set when the activities shown are another goal's.
    pub activities_from: Option<GoalRef>,
    pub activities: Vec<ActivityLine>,
}

/// An activity as one line of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityLine {
    pub number: usize,
    pub content: String,
    /// 時期 as written, e.g. `R５.７～Ｒ６．２`.
    pub period: String,
    /// The dates read from it, or `unparsed`.
    pub dates: String,
    pub sections: Vec<String>,
    pub status: ActivityStatus,
    pub overdue: bool,
}

/// A number or text with the goal's unit: `9,016件`, `84.23％`, `未導入`, `ー`.
pub fn with_unit(value: &Value, unit: &str) -> String {
    match value {
        Value::Number(n) => format!("{}{unit}", Grouped(n)),
        other => other.to_string(),
    }
}

impl Card {
    pub fn of(plan: &Plan, initiative: &Initiative, goal: &Goal, today: CalendarDate) -> Self {
        let evaluation = evaluate(goal, &plan.thresholds);
        let figures = match goal.formula {
            FormulaKind::Composite => goal
                .parts
                .iter()
                .map(|p| {
                    let actual = p.actual.map_or_else(
                        || "ー".to_string(),
                        |a| format!("{}{}", Grouped(&a), p.unit),
                    );
                    let note = if p.note.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", p.note)
                    };
                    (
                        p.label.clone(),
                        format!("目標 {}{}  実績 {actual}{note}", Grouped(&p.target), p.unit),
                    )
                })
                .collect(),
            _ => {
                let mut rows = vec![
                    ("基準値".to_string(), with_unit(&goal.baseline, &goal.unit)),
                    ("目標値".to_string(), with_unit(&goal.target, &goal.unit)),
                    ("実績値".to_string(), with_unit(&goal.actual, &goal.unit)),
                ];
                // A milestone always shows its state, set or not: it is the field that grades it.
                if goal.formula == FormulaKind::Milestone {
                    let label = match goal.milestone {
                        Some(crate::model::MilestoneState::Achieved) => "達成",
                        Some(crate::model::MilestoneState::NotAchieved) => "未達成",
                        Some(crate::model::MilestoneState::NotGraded) => "評価なし (ー)",
                        None => "未設定",
                    };
                    rows.push(("達成状況".to_string(), label.to_string()));
                }
                rows
            }
        };
        let activities = plan
            .activities_of(goal)
            .iter()
            .enumerate()
            .map(|(i, a)| ActivityLine {
                number: i + 1,
                content: a.content.clone(),
                period: a.period.raw().to_string(),
                dates: a.period.to_string(),
                sections: a.sections.clone(),
                status: a.status,
                overdue: a.is_overdue(today),
            })
            .collect();
        Card {
            goal: GoalRef {
                initiative: initiative.code,
                goal: goal.number,
            },
            title: goal.title.clone(),
            note: goal.note.clone(),
            initiative: format!("{} {}", initiative.code, initiative.title),
            page: goal.page,
            figures,
            evaluation,
            formula: formula_in_words(goal),
            unit: goal.unit.clone(),
            printed_achievement: goal.printed_achievement.clone(),
            calc_method: goal.calc_method.clone(),
            narrative: goal.evaluation.clone(),
            derivations: derivations(goal),
            notes: goal
                .notes
                .iter()
                .filter(|n| !n.is_blank())
                .cloned()
                .collect(),
            activities_from: goal.activities_from,
            activities,
        }
    }

    /// The card as plain text, for `tassei show`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let e = &self.evaluation;
        let _ = writeln!(out, "{}  {}", self.goal, self.title);
        let page = self.page.map(|p| format!(" · p.{p}")).unwrap_or_default();
        let _ = writeln!(out, "  {}{page}", self.initiative);
        if !self.note.is_empty() {
            let _ = writeln!(out, "  {}", self.note);
        }
        out.push('\n');
        for (label, value) in &self.figures {
            let _ = writeln!(out, "  {label}  {value}");
        }
        let printed = self
            .printed_achievement
            .as_deref()
            .map(|p| format!("   (シート記載 {p})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  達成度  {}  {} {}{printed}",
            e.rate_text(),
            e.status.label_ja(),
            e.status.word()
        );
        let _ = writeln!(out, "  計算    {}", e.calculation);
        if let Some(gap) = e.shortfall {
            let _ = writeln!(out, "  不足    {}{}", Grouped(&gap), self.unit);
        }
        for (label, worked) in &self.derivations {
            let _ = writeln!(out, "  {label}の算出  {worked}");
        }
        let _ = writeln!(out, "  算式    {}", self.formula);
        section(&mut out, "積算方法 (how it is counted)", &self.calc_method);
        section(&mut out, "評価内容 (evaluation)", &self.narrative);
        for note in &self.notes {
            let _ = writeln!(out, "\n評価会議 {} (meeting notes)", note.date);
            for field in NoteField::ALL {
                let text = note.get(field);
                if !text.trim().is_empty() {
                    let _ = writeln!(out, "  {}  {}", field.label_ja(), text.replace('\n', " / "));
                }
            }
        }
        let heading = match self.activities_from {
            Some(source) => format!("実施内容 (activities) — {source} と同じ"),
            None => "実施内容 (activities)".to_string(),
        };
        let _ = writeln!(out, "\n{heading}");
        if self.activities.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for a in &self.activities {
            let _ = writeln!(out, "  {}. {}", a.number, a.content);
            let overdue = if a.overdue {
                " · 期限超過 overdue"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "     {} ({}) · {} · {} {}{overdue}",
                a.period,
                a.dates,
                a.sections.join("・"),
                a.status.label_ja(),
                a.status.word()
            );
        }
        out
    }
}

/// Each stated derivation, worked out; flagged when the figure no longer matches it.
fn derivations(goal: &Goal) -> Vec<(&'static str, String)> {
    goal.derivations
        .iter()
        .map(|d| {
            let current = match d.figure {
                Figure::Baseline => &goal.baseline,
                Figure::Target => &goal.target,
                Figure::Actual => &goal.actual,
            };
            let text = match work_out(&d.expression, d.precision) {
                Ok(w) if current.number() == Some(w.value) => w.text,
                Ok(w) => format!(
                    "{} (on the sheet; the {} is now {current})",
                    w.text,
                    d.figure.label_ja()
                ),
                Err(e) => format!("{}: {e}", d.expression),
            };
            (d.figure.label_ja(), text)
        })
        .collect()
}

fn section(out: &mut String, heading: &str, body: &str) {
    let _ = writeln!(out, "\n{heading}");
    if body.trim().is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for line in body.lines() {
        let _ = writeln!(out, "  {line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    fn card(code: &str, today: CalendarDate) -> Card {
        let plan = sheet::bundled().expect("bundled");
        let r: GoalRef = code.parse().expect("code");
        let (ini, goal) = plan.goal(r).expect("goal");
        Card::of(&plan, ini, goal, today)
    }

    fn date(y: i32, m: u32, d: u32) -> CalendarDate {
        CalendarDate::new(y, m, d).expect("date")
    }

    #[test]
    fn a_ratio_goal_card() {
        let text = card("1-ア-1", date(2023, 5, 15)).to_text();
        for expected in [
            "⑴-ア-1  鹿児島県電子申請システムの年間総申請件数を10,000件以上にする",
            "  ⑴-ア 各種行政手続のオンライン化 · p.1",
            "  基準値  5,527件",
            "  目標値  10,000件",
            "  実績値  9,016件",
            "  達成度  90  概ね達成 near   (シート記載 90)",
            "  計算    9,016 ÷ 10,000 × 100 = 90.16 → 90",
            "  不足    984件",
            "  【基準値→R2年度～R4年度の平均，目標値･実績値→R5年度】",
            "  1. 職員向け研修を実施し，活用を促す",
            "     R５.５ (2023-05-01〜2023-05-31) · デジタル政策係 · 未記入 unset",
        ] {
            assert!(
                text.lines().any(|l| l == expected),
                "missing line {expected:?} in\n{text}"
            );
        }
        let later = card("1-ア-1", date(2023, 6, 1)).to_text();
        assert!(
            later.contains("· 未記入 unset\n"),
            "not recorded is never overdue"
        );
    }

    #[test]
    fn an_activity_recorded_as_not_started_is_overdue_after_its_period() {
        let mut plan = sheet::bundled().expect("bundled");
        plan.initiatives[0].goals[0].activities[0].status = ActivityStatus::Todo;
        let (ini, goal) = (&plan.initiatives[0], &plan.initiatives[0].goals[0]);
        let may = Card::of(&plan, ini, goal, date(2023, 5, 15)).to_text();
        assert!(may.contains("· 未着手 todo\n"), "{may}");
        assert!(!may.contains("期限超過"), "nothing is overdue in May 2023");
        let june = Card::of(&plan, ini, goal, date(2023, 6, 1)).to_text();
        assert!(june.contains("· 未着手 todo · 期限超過 overdue"), "{june}");
    }

    #[test]
    fn shared_activities_say_whose_they_are() {
        let text = card("2-イ-7", date(2023, 4, 1)).to_text();
        assert!(
            text.contains("実施内容 (activities) — ⑴-ウ-1 と同じ"),
            "{text}"
        );
        assert!(text.contains("  3. コンビニにポスターを掲載する"));
        assert!(text.contains("市民係・マイナンバー推進係"));
        assert!(text.contains("  計算    180.5 ÷ 216 × 100 = 83.56 → 84"));
        assert!(
            text.contains("  目標値の算出  28,787件 × 15％ × 3分 ÷ 60 = 215.9 → 216\n"),
            "{text}"
        );
        assert!(text.contains("  実績値の算出  3,609 × 3分 ÷ 60 = 180.45 → 180.5\n"));
    }

    #[test]
    fn composite_and_milestone_cards() {
        let text = card("1-オ-1", date(2023, 4, 1)).to_text();
        assert!(
            text.contains("  開催回数  目標 6回  実績 13回 (協働推進係７回，社会教育係６回)"),
            "{text}"
        );
        assert!(text.contains("  計算    (13 ÷ 6 + 263 ÷ 60) ÷ 2 × 100 = 327.5 → 328"));
        let text = card("2-イ-3", date(2023, 4, 1)).to_text();
        assert!(text.contains("  達成状況  評価なし (ー)"), "{text}");
        assert!(
            text.contains("  達成度  ー  評価なし not_graded   (シート記載 ー)"),
            "{text}"
        );
    }
}
