//! The evaluation sheet as data: a plan's initiatives, their goals (KPIs) and activities.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::code::{GoalRef, InitiativeCode};
use super::date::{CalendarDate, FiscalYear};
use super::expression::Expression;
use super::goal_pos::GoalPos;
use super::meeting::MeetingNote;
use super::number::Grouped;
use super::period::Period;
use super::uid::Uid;
use crate::strings::strings;

/// Row ids from the store. A plan read straight from a sheet file numbers its rows from 1.
/// The store reuses a row id after a delete; a [`Uid`] names a row for good.
macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);
    )*};
}
id_type!(PlanId, InitiativeId, GoalId, PartId, ActivityId);

/// Achievement bands. A rate at or above `achieved` is achieved, at or above `near` is near.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub achieved: Decimal,
    pub near: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            achieved: Decimal::ONE_HUNDRED,
            near: Decimal::from(80),
        }
    }
}

/// One municipality's plan evaluation for one fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: PlanId,
    pub uid: Uid,
    /// Stable name used by `--plan` and the import file's `id`, e.g. `ibusuki-dx-r5`.
    pub slug: String,
    pub municipality: String,
    pub title: String,
    pub fiscal_year: FiscalYear,
    pub thresholds: Thresholds,
    /// Where the sheet came from, e.g. the PDF it was transcribed from.
    pub source: String,
    pub areas: Vec<PolicyArea>,
    pub initiatives: Vec<Initiative>,
    /// Its links to the year before, as a plan file gives them (for the import to store). A
    /// plan loaded from the store leaves them empty: `Store::year_links` reads them.
    pub links: super::lineage::YearLinks,
}

/// A policy area ⑴⑵⑶ (施策の方向性). The seed sheet prints only the numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyArea {
    pub number: u8,
    pub title: String,
}

/// 取り組み事項: an initiative such as ⑴-ア 各種行政手続のオンライン化.
#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    pub id: InitiativeId,
    pub uid: Uid,
    pub code: InitiativeCode,
    pub title: String,
    pub goals: Vec<Goal>,
}

/// 目標N: one KPI of an initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: GoalId,
    pub uid: Uid,
    pub number: u32,
    pub title: String,
    /// A note printed under the title, e.g. `※参考:令和４年度総取扱件数 28,787件`.
    pub note: String,
    /// The unit of baseline, target and actual (`件`, `％`, `時間`); empty when none.
    pub unit: String,
    /// 積算方法: how the figure is counted.
    pub calc_method: String,
    pub formula: FormulaKind,
    pub direction: Direction,
    /// Decimals of the achievement rate (0 except where the sheet prints one).
    pub precision: u32,
    pub allow_negative: bool,
    /// 基準値, 目標値, 実績値.
    pub baseline: Value,
    pub target: Value,
    pub actual: Value,
    /// For milestone goals: whether it was achieved. `None` for other kinds.
    pub milestone: Option<MilestoneState>,
    /// For composite goals: the parts whose ratios are averaged.
    pub parts: Vec<Part>,
    /// 評価内容: the evaluation narrative.
    pub evaluation: String,
    /// The 達成度 as printed on the source sheet (`90`, `100.8`, `ー`), kept for reference.
    pub printed_achievement: Option<String>,
    /// The sheet page the goal is printed on.
    pub page: Option<u32>,
    pub activities: Vec<Activity>,
    /// "実施内容は，⑴‐ア‐目標１に同じ": this goal's activities are another goal's.
    pub activities_from: Option<GoalRef>,
    /// How the sheet says a figure was worked out (`3,609 × 3分 ÷ 60` for ⑵-イ-7's 実績値).
    pub derivations: Vec<Derivation>,
    /// Notes from review meetings, oldest first.
    pub notes: Vec<MeetingNote>,
}

/// Which of a goal's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    Baseline,
    Target,
    Actual,
}

impl Figure {
    pub fn label_ja(self) -> &'static str {
        match self {
            Figure::Baseline => "基準値",
            Figure::Target => "目標値",
            Figure::Actual => "実績値",
        }
    }
}

/// The arithmetic behind a figure, with the decimals its result is rounded to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    pub figure: Figure,
    pub expression: Expression,
    pub precision: u32,
}

/// How a goal's achievement is computed. See `engine` for the formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormulaKind {
    /// actual ÷ target × 100
    Ratio,
    /// target ÷ actual × 100, or (baseline − actual) ÷ (baseline − target) × 100 with a baseline
    LowerIsBetter,
    /// (actual − baseline) ÷ (target − baseline) × 100
    FromBaseline,
    /// the mean of the parts' actual ÷ target, × 100
    Composite,
    /// achieved 100, not achieved 0, or not graded
    Milestone,
}

/// Whether a larger actual is better. Decides the sign of a shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Higher,
    Lower,
}

/// A milestone goal's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneState {
    Achieved,
    NotAchieved,
    /// The sheet prints ー: the goal is not graded this year.
    NotGraded,
}

/// One measured part of a composite goal, e.g. 開催回数 6回 of ⑴-オ 目標1.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub id: PartId,
    pub uid: Uid,
    pub label: String,
    pub unit: String,
    pub target: Decimal,
    pub actual: Option<Decimal>,
    /// How the actual is made up, e.g. `協働推進係７回＋社会教育係６回`.
    pub note: String,
}

/// 実施内容: one activity planned for a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: ActivityId,
    pub uid: Uid,
    pub content: String,
    /// 時期
    pub period: Period,
    /// 担当係: one or more responsible sections.
    pub sections: Vec<String>,
    pub status: ActivityStatus,
}

impl Activity {
    /// Overdue: its period ended before `today` and it is recorded as not started or under way.
    /// An activity whose status nobody recorded (未記入) is never overdue: it is not known to be
    /// late, only not yet recorded.
    pub fn is_overdue(&self, today: CalendarDate) -> bool {
        self.status.is_open() && self.period.has_ended_before(today)
    }
}

/// Progress of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityStatus {
    /// 未記入: nobody has recorded a status yet (the sheet states none).
    Unset,
    /// 未着手: recorded as not started.
    Todo,
    /// 実施中
    Doing,
    /// 完了
    Done,
    /// 中止
    Dropped,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 5] = [
        Self::Unset,
        Self::Todo,
        Self::Doing,
        Self::Done,
        Self::Dropped,
    ];

    /// Recorded as still to be carried out (not 未記入, which says nothing either way).
    pub fn is_open(self) -> bool {
        matches!(self, Self::Todo | Self::Doing)
    }

    /// The Japanese label clerks use.
    pub fn label_ja(self) -> &'static str {
        match self {
            Self::Unset => "未記入",
            Self::Todo => "未着手",
            Self::Doing => "実施中",
            Self::Done => "完了",
            Self::Dropped => "中止",
        }
    }
}

/// A 基準値 / 目標値 / 実績値: an exact number, free text (`未導入`, `令和６年度予算要求`), or
/// nothing (the sheet prints ー).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    None,
    Number(Decimal),
    Text(String),
}

impl Value {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The value in plain, machine-readable form: `9500`, text as is, `None` for nothing.
    pub fn plain(&self) -> Option<String> {
        match self {
            Value::None => None,
            Value::Number(n) => Some(n.to_string()),
            Value::Text(t) => Some(t.clone()),
        }
    }
}

impl fmt::Display for Value {
    /// As the sheet prints it: `9,016`, `未導入`, `ー`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("ー"),
            Value::Number(n) => write!(f, "{}", Grouped(n)),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// A word that names no known variant; the message lists the words that are known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", (strings().errors.values.words.unknown)(.what, .given, .known))]
pub struct UnknownWord {
    pub given: String,
    pub what: &'static str,
    pub known: &'static str,
}

/// Variants that are stored and exchanged as snake_case words, with Japanese aliases on input.
macro_rules! words {
    ($ty:ty, $what:expr, $known:literal, { $($variant:path => $word:literal $(| $alias:literal)*),* $(,)? }) => {
        impl $ty {
            /// The stored, exported word.
            pub fn word(self) -> &'static str {
                match self { $($variant => $word),* }
            }
        }
        impl FromStr for $ty {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() {
                    $($word $(| $alias)* => Ok($variant),)*
                    other => Err(UnknownWord { given: other.to_string(), what: $what, known: $known }),
                }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.word())
            }
        }
    };
}

words!(FormulaKind, strings().errors.values.words.formula_kind, "ratio, lower_is_better, from_baseline, composite, milestone", {
    FormulaKind::Ratio => "ratio",
    FormulaKind::LowerIsBetter => "lower_is_better",
    FormulaKind::FromBaseline => "from_baseline",
    FormulaKind::Composite => "composite",
    FormulaKind::Milestone => "milestone",
});

words!(Figure, strings().errors.values.words.figure, "baseline, target, actual", {
    Figure::Baseline => "baseline" | "基準値",
    Figure::Target => "target" | "目標値",
    Figure::Actual => "actual" | "実績値",
});

words!(Direction, strings().errors.values.words.direction, "higher, lower", {
    Direction::Higher => "higher",
    Direction::Lower => "lower",
});

words!(MilestoneState, strings().errors.values.words.milestone_state, "achieved (yes, 達成), not_achieved (no, 未達成), not_graded (ー)", {
    MilestoneState::Achieved => "achieved" | "yes" | "達成",
    MilestoneState::NotAchieved => "not_achieved" | "no" | "未達成",
    MilestoneState::NotGraded => "not_graded" | "ungraded" | "ー" | "-",
});

words!(ActivityStatus, strings().errors.values.words.activity_status, "unset (未記入), todo (未着手), doing (実施中), done (完了), dropped (中止)", {
    ActivityStatus::Unset => "unset" | "未記入",
    ActivityStatus::Todo => "todo" | "未着手",
    ActivityStatus::Doing => "doing" | "実施中",
    ActivityStatus::Done => "done" | "完了",
    ActivityStatus::Dropped => "dropped" | "中止",
});

impl Plan {
    /// The goal a reference names, with its initiative.
    pub fn goal(&self, r: GoalRef) -> Option<(&Initiative, &Goal)> {
        let initiative = self.initiatives.iter().find(|i| i.code == r.initiative)?;
        let goal = initiative.goals.iter().find(|g| g.number == r.goal)?;
        Some((initiative, goal))
    }

    /// The place of the goal a reference names.
    pub fn position(&self, r: GoalRef) -> Option<GoalPos> {
        let i = self
            .initiatives
            .iter()
            .position(|ini| ini.code == r.initiative)?;
        let g = self
            .initiatives
            .get(i)?
            .goals
            .iter()
            .position(|goal| goal.number == r.goal)?;
        Some(GoalPos::new(i, g))
    }

    /// The goal with a store id, with its reference.
    pub fn goal_by_id(&self, id: GoalId) -> Option<(GoalRef, &Goal)> {
        self.goals().find(|(_, g)| g.id == id)
    }

    /// Every goal's place in sheet order; sheet order is also their sort order.
    pub fn positions(&self) -> impl Iterator<Item = GoalPos> + '_ {
        self.initiatives
            .iter()
            .enumerate()
            .flat_map(|(i, ini)| (0..ini.goals.len()).map(move |g| GoalPos::new(i, g)))
    }

    /// Every goal in sheet order, with its reference.
    pub fn goals(&self) -> impl Iterator<Item = (GoalRef, &Goal)> {
        self.initiatives.iter().flat_map(|i| {
            i.goals.iter().map(move |g| {
                (
                    GoalRef {
                        initiative: i.code,
                        goal: g.number,
                    },
                    g,
                )
            })
        })
    }

    /// The activities that apply to a goal: its own, or those of the goal it takes them from.
    pub fn activities_of<'a>(&'a self, goal: &'a Goal) -> &'a [Activity] {
        match goal.activities_from.and_then(|r| self.goal(r)) {
            Some((_, source)) => &source.activities,
            None => &goal.activities,
        }
    }

    /// Explains a reference that names no goal: which part is unknown, and what exists.
    pub fn explain_missing(&self, r: GoalRef) -> String {
        match self.initiatives.iter().find(|i| i.code == r.initiative) {
            None => {
                let codes: Vec<String> = self
                    .initiatives
                    .iter()
                    .map(|i| i.code.to_string())
                    .collect();
                (strings().errors.values.no_initiative)(&r.initiative, &codes.join(" "))
            }
            Some(i) => {
                let numbers: Vec<String> = i.goals.iter().map(|g| g.number.to_string()).collect();
                (strings().errors.values.no_goal)(&i.code, &r.goal, &numbers.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    #[test]
    fn words_round_trip_and_accept_japanese() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        for s in ActivityStatus::ALL {
            assert_eq!(s.word().parse(), Ok(s));
            assert_eq!(s.label_ja().parse(), Ok(s));
        }
        assert_eq!("yes".parse(), Ok(MilestoneState::Achieved));
        assert_eq!("未達成".parse(), Ok(MilestoneState::NotAchieved));
        let err = "finished".parse::<ActivityStatus>().expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "unknown activity status \"finished\"; use one of: unset (未記入), todo (未着手), doing (実施中), done (完了), dropped (中止)"
        );
    }

    #[test]
    fn an_unrecorded_activity_is_never_overdue() {
        let period = Period::parse("R５.５", FiscalYear(2023));
        let after = CalendarDate::new(2024, 4, 1).expect("date");
        let activity = |status| Activity {
            id: ActivityId(1),
            uid: Uid::NONE,
            content: "研修".into(),
            period: period.clone(),
            sections: vec![],
            status,
        };
        let overdue: Vec<bool> = ActivityStatus::ALL
            .iter()
            .map(|s| activity(*s).is_overdue(after))
            .collect();
        // 未記入, 未着手, 実施中, 完了, 中止
        assert_eq!(overdue, [false, true, true, false, false]);
        assert_eq!("未記入".parse(), Ok(ActivityStatus::Unset));
    }

    #[test]
    fn values_print_as_the_sheet_does() {
        assert_eq!(Value::Number(Decimal::from(9016)).to_string(), "9,016");
        assert_eq!(Value::Text("未導入".into()).to_string(), "未導入");
        assert_eq!(Value::None.to_string(), "ー");
        assert_eq!(
            Value::Number(Decimal::from(9500)).plain().as_deref(),
            Some("9500")
        );
    }
}
