//! A goal's card: everything a clerk looks up about one goal, built once as a document of
//! [`Block`]s that each front end renders — plain text for `tassei show` ([`Card::to_text`]),
//! styled lines for the TUI's card, review and method popup. Every editable line says which
//! field it is ([`CardField`]), so no front end decides by matching a label.

mod text;
mod years;

pub use years::{TREND_LEVELS, YearLine, Years, rate_with_percent, trend, trend_in};

use crate::engine::{Evaluation, evaluate, formula_in_words, work_out};
use crate::model::{
    ActivityStatus, CalendarDate, FieldKey, Figure, FormulaKind, Goal, GoalRef, Grouped,
    Initiative, InitiativeCode, MeetingNote, MilestoneState, Period, Plan, Value,
};
use crate::strings::strings;

/// One goal, ready to show: its blocks in the order the card and `tassei show` print them.
#[derive(Debug, Clone)]
pub struct Card {
    pub goal: GoalRef,
    /// The graded 達成度, for gauges and the worked calculation.
    pub evaluation: Evaluation,
    /// The goal's unit (`件`, `時間`), empty when it has none.
    pub unit: String,
    pub blocks: Vec<Block>,
}

/// One part of the card.
#[derive(Debug, Clone)]
pub enum Block {
    /// The goal as the sheet words it.
    Title(String),
    /// The initiative the goal belongs to, and the sheet's page.
    Initiative {
        code: InitiativeCode,
        title: String,
        page: Option<u32>,
    },
    /// The sheet's note under the goal.
    Note(String),
    /// 基準値 / 目標値 / 実績値, a composite's part, or a milestone's 達成状況.
    Figure {
        label: String,
        value: String,
        field: Option<CardField>,
    },
    /// 達成度 (the card's [`Card::evaluation`], with its calculation) and what the sheet printed.
    Achievement { printed: Option<String> },
    /// How far the actual is from the target, with the unit: `984件`.
    Shortfall(String),
    /// The same goal in earlier fiscal years, with a trend (`years.rs`).
    Years(Years),
    /// The arithmetic the sheet states for a figure, worked out.
    Derivation {
        figure: &'static str,
        worked: String,
    },
    /// The formula in words: `実績値 ÷ 目標値 × 100`.
    Formula(&'static str),
    /// 積算方法 as written.
    Method(String),
    /// 評価内容 as written.
    Narrative { text: String, field: CardField },
    /// A review meeting's note (never blank).
    MeetingNote(MeetingNote),
    /// The heading of the activities; `shared_from` names the goal whose activities they are;
    /// `unreadable` counts those whose 時期 cannot be read (never judged overdue).
    Activities {
        shared_from: Option<GoalRef>,
        count: usize,
        unreadable: usize,
    },
    /// One activity; editable when it is the goal's own.
    Activity {
        line: ActivityLine,
        field: Option<CardField>,
    },
}

/// The field a line of the card is: the kind, and for a part or an activity its position
/// (from 0) on the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardField {
    pub key: FieldKey,
    pub position: Option<usize>,
}

impl CardField {
    /// A field of the goal itself.
    fn of_goal(key: FieldKey) -> Self {
        Self {
            key,
            position: None,
        }
    }

    /// A field of the goal's part or activity number `position` (from 0).
    fn at(key: FieldKey, position: usize) -> Self {
        Self {
            key,
            position: Some(position),
        }
    }
}

/// An activity as one line of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityLine {
    pub number: usize,
    pub content: String,
    /// 時期 as written, e.g. `R５.７～Ｒ６．２`.
    pub period: String,
    /// What was read from it: the dates (`2023-07-01〜2024-02-29`), 随時 in words, or empty
    /// (no 時期, or one that cannot be read).
    pub dates: String,
    /// Why the 時期 cannot be read, in words, when it cannot.
    pub period_problem: Option<String>,
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

/// What a 時期 was read as: its dates, 随時 in words, or nothing.
fn dates_in_words(period: &Period) -> String {
    if period.is_as_needed() {
        strings().report.card.as_needed.to_string()
    } else {
        period.to_string()
    }
}

impl Card {
    pub fn of(plan: &Plan, initiative: &Initiative, goal: &Goal, today: CalendarDate) -> Self {
        let evaluation = evaluate(goal, &plan.thresholds);
        let mut blocks = vec![
            Block::Title(goal.title.clone()),
            Block::Initiative {
                code: initiative.code,
                title: initiative.title.clone(),
                page: goal.page,
            },
        ];
        if !goal.note.is_empty() {
            blocks.push(Block::Note(goal.note.clone()));
        }
        blocks.extend(figures(goal));
        blocks.push(Block::Achievement {
            printed: goal.printed_achievement.clone(),
        });
        if let Some(gap) = evaluation.shortfall {
            blocks.push(Block::Shortfall(format!("{}{}", Grouped(&gap), goal.unit)));
        }
        blocks.extend(derivations(goal));
        blocks.push(Block::Formula(formula_in_words(goal)));
        blocks.push(Block::Method(goal.calc_method.clone()));
        blocks.push(Block::Narrative {
            text: goal.evaluation.clone(),
            field: CardField::of_goal(FieldKey::Evaluation),
        });
        blocks.extend(
            goal.notes
                .iter()
                .filter(|n| !n.is_blank())
                .map(|n| Block::MeetingNote(n.clone())),
        );
        let activities = plan.activities_of(goal);
        blocks.push(Block::Activities {
            shared_from: goal.activities_from,
            count: activities.len(),
            unreadable: activities.iter().filter(|a| a.period.is_unparsed()).count(),
        });
        // Shared activities are edited at the goal they belong to.
        let own = goal.activities_from.is_none();
        blocks.extend(activities.iter().enumerate().map(|(i, a)| Block::Activity {
            line: ActivityLine {
                number: i + 1,
                content: a.content.clone(),
                period: a.period.raw().to_string(),
                dates: dates_in_words(&a.period),
                period_problem: a.period.problem().map(|why| why.said_in(plan.fiscal_year)),
                sections: a.sections.clone(),
                status: a.status,
                overdue: a.is_overdue(today),
            },
            field: own.then_some(CardField::at(FieldKey::ActivityStatus, i)),
        }));
        Card {
            goal: GoalRef {
                initiative: initiative.code,
                goal: goal.number,
            },
            evaluation,
            unit: goal.unit.clone(),
            blocks,
        }
    }

    /// The goal's title.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// 積算方法 as written.
    pub fn method(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Method(m) => Some(m.as_str()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// 評価内容 as written.
    pub fn narrative(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Narrative { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// The stated arithmetic of the figures: (基準値/目標値/実績値, worked calculation).
    pub fn derivations(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Derivation { figure, worked } => Some((*figure, worked.as_str())),
            _ => None,
        })
    }

    /// The activities, in order.
    pub fn activities(&self) -> impl Iterator<Item = &ActivityLine> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Activity { line, .. } => Some(line),
            _ => None,
        })
    }
}

/// The figure lines: a composite's parts, or 基準値 / 目標値 / 実績値 (and a milestone's state).
fn figures(goal: &Goal) -> Vec<Block> {
    if goal.formula == FormulaKind::Composite {
        return goal
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let actual = p.actual.map_or_else(
                    || "ー".to_string(),
                    |a| format!("{}{}", Grouped(&a), p.unit),
                );
                let note = if p.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", p.note)
                };
                let target = format!("{}{}", Grouped(&p.target), p.unit);
                Block::Figure {
                    label: p.label.clone(),
                    value: (strings().report.card.part)(&target, &actual, &note),
                    field: Some(CardField::at(FieldKey::PartActual, i)),
                }
            })
            .collect();
    }
    let figure = |label: &str, value: &Value, field: Option<CardField>| Block::Figure {
        label: label.to_string(),
        value: with_unit(value, &goal.unit),
        field,
    };
    let mut rows = vec![
        figure(
            Figure::Baseline.label_ja(),
            &goal.baseline,
            Some(CardField::of_goal(FieldKey::Baseline)),
        ),
        figure(
            Figure::Target.label_ja(),
            &goal.target,
            Some(CardField::of_goal(FieldKey::Target)),
        ),
        figure(
            Figure::Actual.label_ja(),
            &goal.actual,
            Some(CardField::of_goal(FieldKey::Actual)),
        ),
    ];
    // A milestone always shows its state, set or not: it is the field that grades it.
    if goal.formula == FormulaKind::Milestone {
        let words = &strings().report.milestone;
        let state = match goal.milestone {
            Some(MilestoneState::Achieved) => words.achieved,
            Some(MilestoneState::NotAchieved) => words.not_achieved,
            Some(MilestoneState::NotGraded) => words.not_graded_marked,
            None => words.unset,
        };
        rows.push(Block::Figure {
            label: FieldKey::Milestone.label_ja().to_string(),
            value: state.to_string(),
            field: Some(CardField::of_goal(FieldKey::Milestone)),
        });
    }
    // The unit the figures above are written in: said once, where it is edited.
    let unit = if goal.unit.is_empty() {
        "ー".to_string()
    } else {
        goal.unit.clone()
    };
    rows.push(Block::Figure {
        label: FieldKey::Unit.label_ja().to_string(),
        value: unit,
        field: Some(CardField::of_goal(FieldKey::Unit)),
    });
    rows
}

/// Each stated derivation, worked out; flagged when the figure no longer matches it.
fn derivations(goal: &Goal) -> Vec<Block> {
    goal.derivations
        .iter()
        .map(|d| {
            let current = match d.figure {
                Figure::Baseline => &goal.baseline,
                Figure::Target => &goal.target,
                Figure::Actual => &goal.actual,
            };
            let worked = match work_out(&d.expression, d.precision) {
                Ok(w) if current.number() == Some(w.value) => w.text,
                Ok(w) => {
                    (strings().report.card.derivation_stale)(&w.text, d.figure.label_ja(), current)
                }
                Err(e) => format!("{}: {e}", d.expression),
            };
            Block::Derivation {
                figure: d.figure.label_ja(),
                worked,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
