//! What a query looks for in one goal. The finder's [`Words`] wants every word somewhere and
//! ranks by where; the `/` search's [`Phrase`] wants the whole text in the code, title or
//! 積算方法. Both read a goal through [`Haystacks`], so both fold text the same way.

use super::haystack::{Haystacks, Place};
use super::{Found, trimmed};
use crate::model::fold::search_fold;
use crate::model::{GoalPos, GoalRef, Plan};

/// A query that judges one goal at a time; shared between the scanning threads.
pub trait Matcher: Sync {
    /// What a matching goal gives.
    type Hit: Send;

    /// The hit for the goal at `position`, if it matches. `haystacks` is scratch space,
    /// reused from goal to goal.
    fn look_at<'p>(
        &self,
        plan: &'p Plan,
        position: GoalPos,
        haystacks: &mut Haystacks<'p>,
    ) -> Option<Self::Hit>;
}

/// The finder's query: every word must occur somewhere but the code; the hit is ranked by
/// where each was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    words: Vec<String>,
}

/// The places the finder's words are looked for, best first (a code query is answered
/// before any scan).
const WORD_PLACES: [Place; 6] = [
    Place::Title,
    Place::Note,
    Place::Figures,
    Place::CalcMethod,
    Place::Evaluation,
    Place::Activities,
];

impl Words {
    pub fn new(query: &str) -> Self {
        Self {
            words: search_fold(trimmed(query))
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        }
    }
}

impl Matcher for Words {
    type Hit = Found;

    fn look_at<'p>(
        &self,
        plan: &'p Plan,
        position: GoalPos,
        haystacks: &mut Haystacks<'p>,
    ) -> Option<Found> {
        if !haystacks.start(plan, position) {
            return None;
        }
        let (ini, goal) = haystacks.goal()?;
        let best: Vec<Place> = self
            .words
            .iter()
            .map(|w| {
                WORD_PLACES
                    .into_iter()
                    .find(|place| haystacks.contains(*place, w))
            })
            .collect::<Option<_>>()?;
        Some(Found {
            goal: GoalRef {
                initiative: ini.code,
                goal: goal.number,
            },
            position,
            place: best.iter().copied().min().unwrap_or(Place::Activities),
            score: best.iter().map(|p| p.weight()).sum(),
        })
    }
}

/// The `/` search's query: the typed text occurs in the goal's code (any way of writing it),
/// title or 積算方法. Widths are folded and case ignored, so `１－ア` finds ⑴-ア and `line`
/// finds LINE. The hit is the goal's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    needle: String,
}

impl Phrase {
    /// `None` for a query that is only spaces.
    pub fn new(query: &str) -> Option<Self> {
        let needle = search_fold(trimmed(query));
        (!needle.is_empty()).then_some(Self { needle })
    }
}

impl Matcher for Phrase {
    type Hit = GoalPos;

    fn look_at<'p>(
        &self,
        plan: &'p Plan,
        position: GoalPos,
        haystacks: &mut Haystacks<'p>,
    ) -> Option<GoalPos> {
        let found = haystacks.start(plan, position)
            && [Place::Title, Place::CalcMethod, Place::Code]
                .into_iter()
                .any(|place| haystacks.contains(place, &self.needle));
        found.then_some(position)
    }
}
