//! Where a goal can be found, and its texts there folded for matching: the one place a goal's
//! searchable text is written out, for the finder and the `/` search alike.

use std::fmt::Write;

use crate::model::fold::search_fold_into;
use crate::model::{Goal, GoalPos, GoalRef, Grouped, Initiative, Plan, Spelling, Value};

/// Where a query word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Code,
    Title,
    Note,
    Figures,
    CalcMethod,
    Evaluation,
    Activities,
}

impl Place {
    /// Every place, in order (which is also the order of [`Haystacks`]' slots).
    pub const ALL: [Place; 7] = [
        Place::Code,
        Place::Title,
        Place::Note,
        Place::Figures,
        Place::CalcMethod,
        Place::Evaluation,
        Place::Activities,
    ];

    /// How much a hit here counts towards a finder hit's score.
    pub(super) fn weight(self) -> u32 {
        match self {
            Place::Code => 1000,
            Place::Title => 100,
            Place::Note => 70,
            Place::Figures => 60,
            Place::CalcMethod => 50,
            Place::Evaluation => 20,
            Place::Activities => 10,
        }
    }

    /// How a hit is labelled in the finder.
    pub fn label(self) -> &'static str {
        match self {
            Place::Code => "code",
            Place::Title => "title",
            Place::Note => "note",
            Place::Figures => "figures",
            Place::CalcMethod => "積算方法",
            Place::Evaluation => "評価内容",
            Place::Activities => "実施内容",
        }
    }
}

/// One goal's searchable texts by place, folded only when a word is looked for there. The
/// buffers are reused from goal to goal: searching 100,000 goals allocates almost nothing.
#[derive(Default)]
pub struct Haystacks<'a> {
    goal: Option<(&'a Plan, &'a Initiative, &'a Goal)>,
    /// Folded text per place, in [`Place::ALL`] order, and whether it is filled for this goal.
    folded: [String; 7],
    filled: [bool; 7],
    raw: String,
}

impl<'a> Haystacks<'a> {
    /// Starts on the goal at `at`; false (and nothing to match) when there is none.
    pub fn start(&mut self, plan: &'a Plan, at: GoalPos) -> bool {
        self.filled = [false; 7];
        self.goal = at.find_in(plan).map(|(ini, goal)| (plan, ini, goal));
        self.goal.is_some()
    }

    /// The initiative and goal started on.
    pub fn goal(&self) -> Option<(&'a Initiative, &'a Goal)> {
        self.goal.map(|(_, ini, goal)| (ini, goal))
    }

    /// True when the text at `place` contains `needle` (folded with [`search_fold_into`]).
    pub fn contains(&mut self, place: Place, needle: &str) -> bool {
        self.folded(place).contains(needle)
    }

    fn folded(&mut self, place: Place) -> &str {
        let k = place as usize;
        if !self.filled[k] {
            self.filled[k] = true;
            self.folded[k].clear();
            if let Some((plan, ini, goal)) = self.goal {
                let raw: &str = match place {
                    Place::Title => &goal.title,
                    Place::Note => &goal.note,
                    Place::CalcMethod => &goal.calc_method,
                    Place::Evaluation => &goal.evaluation,
                    Place::Code => {
                        code_spellings(ini, goal, &mut self.raw);
                        &self.raw
                    }
                    Place::Figures => {
                        figures(goal, &mut self.raw);
                        &self.raw
                    }
                    Place::Activities => {
                        activities(plan, goal, &mut self.raw);
                        &self.raw
                    }
                };
                search_fold_into(raw, &mut self.folded[k]);
            }
        }
        &self.folded[k]
    }
}

/// The goal's code in every way a clerk writes it: `⑵-イ-7 2イ-7 (2)-イ-7`.
fn code_spellings(ini: &Initiative, goal: &Goal, out: &mut String) {
    out.clear();
    let r = GoalRef {
        initiative: ini.code,
        goal: goal.number,
    };
    let _ = write!(
        out,
        "{r} {} {}",
        r.spelled(Spelling::Ascii),
        r.spelled(Spelling::Parenthesised)
    );
}

/// The goal's figures as text: each value plain and grouped (`9016 9,016`), parts, the unit.
fn figures(goal: &Goal, out: &mut String) {
    out.clear();
    for v in [&goal.baseline, &goal.target, &goal.actual] {
        match v {
            Value::Number(n) => {
                let _ = write!(out, "{n} {} ", Grouped(n));
            }
            Value::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Value::None => {}
        }
    }
    for p in &goal.parts {
        let _ = write!(out, "{} {} ", p.label, p.target);
        if let Some(actual) = p.actual {
            let _ = write!(out, "{actual}");
        }
        out.push(' ');
    }
    out.push_str(&goal.unit);
}

/// The goal's activities (its own or the ones it shares) as text, one per line.
fn activities(plan: &Plan, goal: &Goal, out: &mut String) {
    out.clear();
    for a in plan.activities_of(goal) {
        out.push_str(&a.content);
        out.push(' ');
        out.push_str(a.period.raw());
        for section in &a.sections {
            out.push(' ');
            out.push_str(section);
        }
        out.push('\n');
    }
}
