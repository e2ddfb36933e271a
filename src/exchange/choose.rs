//! A collect chosen row by row, as the TUI's preview lets a clerk choose it: each change the
//! merge finds, linked to the value taking it writes, and a choice per change (take the
//! returned value, keep the current one, skip it) made into what `Store::collect` takes. The
//! CLI chooses once for every conflict (`merge`'s [`Prefer`]); this is the same rule, one row
//! at a time, and everything is worked out when the preview is made: applying the choices
//! later writes exactly what was shown, checked against the values the preview saw.

use std::collections::{HashMap, VecDeque};

use super::merge::{Change, Decision, Merge, Prefer, merge};
use super::returned::ReturnedFile;
use crate::model::{FieldKey, Plan};
use crate::store::{Handout, Store, StoreError, Taken};

/// What the clerk chose for one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Nothing yet: a conflict starts so, and is left out until it is chosen.
    Undecided,
    /// Take the returned value.
    Returned,
    /// Keep the value there now. From a handout, the returned value is recorded as collected
    /// (as `--prefer current` records it); nothing is written.
    Current,
    /// Leave the row out: nothing written, nothing recorded.
    Skip,
}

/// A returned file's changes, each with what taking it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The changes in the file's order, as the rule sees them: conflicts unsettled.
    pub changes: Vec<Change>,
    /// Rows left out, a line each naming the cell: no choice makes them readable.
    pub problems: Vec<String>,
    /// What the file can give, in its order: each change on its returned side, and values
    /// returned as they already are (recorded as collected whatever is chosen).
    taken: Vec<Taken>,
    /// Per change, its value in `taken`; none for text lost to `?` (kept as it is).
    link: Vec<Option<usize>>,
}

/// The changes `file` (handed out as `handout`, or as none) offers `plan` as it is now.
pub fn offer(plan: &Plan, handout: Option<&Handout>, file: &ReturnedFile) -> Offer {
    let merged = merge(
        plan,
        handout,
        file,
        Some(Prefer::Returned),
        Some(Prefer::Returned),
    );
    // A change's value is the taken one that writes its field; a field named twice (two
    // spellings of one code in a CSV) is matched in the file's order.
    let mut writes: HashMap<(&str, FieldKey), VecDeque<usize>> = HashMap::new();
    for (k, t) in merged.taken.iter().enumerate() {
        if t.edit.is_some() {
            writes
                .entry((t.entity_uid.as_str(), t.field))
                .or_default()
                .push_back(k);
        }
    }
    let link = merged
        .changes
        .iter()
        .map(|c| match c.decision {
            Decision::LostText => None,
            _ => writes
                .get_mut(&(c.entity_uid.as_str(), c.field))
                .and_then(VecDeque::pop_front),
        })
        .collect();
    let changes = merged
        .changes
        .into_iter()
        .map(|c| Change {
            preferred: None,
            ..c
        })
        .collect();
    Offer {
        changes,
        problems: merged.problems,
        taken: merged.taken,
        link,
    }
}

impl Offer {
    /// Names who made each conflict's value now, as the CLI's preview does
    /// ([`Merge::attribute`]: the change log's last change to the field, when it wrote it).
    pub fn attribute(&mut self, store: &Store) -> Result<(), StoreError> {
        let mut merged = Merge {
            changes: std::mem::take(&mut self.changes),
            ..Merge::default()
        };
        let asked = merged.attribute(store);
        self.changes = merged.changes;
        asked
    }

    /// True when change `k` can be chosen: text lost to `?` is kept as it is.
    pub fn can_choose(&self, k: usize) -> bool {
        self.link.get(k).is_some_and(Option::is_some)
    }

    /// What change `k` starts as: a change taken; a conflict, a clear and a change without a
    /// handout base undecided; lost text kept.
    pub fn first_choice(&self, k: usize) -> Choice {
        match self.changes.get(k).map(|c| c.decision) {
            _ if !self.can_choose(k) => Choice::Current,
            // A clear empties a figure, and a file without a handout cannot tell a section's
            // change from an old value sent back: like a conflict, only when the clerk says so.
            Some(Decision::Conflict | Decision::Cleared | Decision::Unbased) => Choice::Undecided,
            _ => Choice::Returned,
        }
    }

    /// Every change's first choice, in `changes`' order.
    pub fn first_choices(&self) -> Vec<Choice> {
        (0..self.changes.len())
            .map(|k| self.first_choice(k))
            .collect()
    }

    /// What the store takes for `choices` (one per change, in `changes`' order; a missing one
    /// is undecided), in the file's order. A change that cannot be chosen takes nothing
    /// whatever it is given.
    pub fn taken(&self, choices: &[Choice]) -> Vec<Taken> {
        let mut chosen: Vec<Option<Choice>> = vec![None; self.taken.len()];
        for (k, link) in self.link.iter().enumerate() {
            if let Some(j) = link {
                chosen[*j] = Some(choices.get(k).copied().unwrap_or(Choice::Undecided));
            }
        }
        self.taken
            .iter()
            .zip(chosen)
            .filter_map(|(t, choice)| match choice {
                // Returned as it already is: recorded, nothing to write.
                None | Some(Choice::Returned) => Some(t.clone()),
                Some(Choice::Current) => Some(Taken {
                    edit: None,
                    settled: None,
                    ..t.clone()
                }),
                Some(Choice::Skip | Choice::Undecided) => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::exchange::carried;
    use crate::exchange::returned::{Returned, Typed};
    use crate::model::{FieldValue, GoalRef, Value};
    use crate::store::HandoutField;

    /// The bundled plan as a data file holds it (with its uids), and a handout of 市民係's
    /// fields as they are now.
    fn handed_out() -> (Plan, Handout) {
        let dir = tempfile::tempdir().expect("a folder");
        let store =
            crate::store::Store::open(&dir.path().join("tassei.db"), "clerk").expect("a data file");
        let plan = store
            .load_plan(store.plan_id(None).expect("a plan"))
            .expect("loads");
        let fields = carried(&plan, "市民係")
            .into_iter()
            .map(|(entity_uid, field, base)| HandoutField {
                entity_uid,
                field,
                base,
                collected: None,
            })
            .collect();
        let handout = Handout {
            id: 1,
            plan: plan.id,
            section: "市民係".into(),
            created_at: String::new(),
            collected_at: None,
            collected_local: None,
            fields,
        };
        (plan, handout)
    }

    /// The goals of the handout whose 実績値 is a figure, as (code, uid).
    fn actuals(plan: &Plan, handout: &Handout) -> Vec<(GoalRef, String)> {
        plan.goals()
            .filter(|(_, g)| {
                handout
                    .fields
                    .iter()
                    .any(|f| f.field == FieldKey::Actual && f.entity_uid == g.uid.to_string())
                    && matches!(g.actual, Value::Number(_))
            })
            .map(|(r, g)| (r, g.uid.to_string()))
            .collect()
    }

    fn number(n: i64) -> Typed {
        Typed::Number(Decimal::from(n))
    }

    fn row(uid: &str, value: Typed) -> Returned {
        Returned {
            at: format!("市民係.xlsx {uid}"),
            key: uid.to_string(),
            shown_goal: None,
            field: FieldKey::Actual,
            value,
        }
    }

    fn file(rows: Vec<Returned>) -> ReturnedFile {
        ReturnedFile {
            name: "市民係.xlsx".into(),
            rows,
            ..ReturnedFile::default()
        }
    }

    /// Three fields returned: a 実績値 changed by the section only (a change), a 実績値 changed
    /// on both sides (a conflict: the plan changed since the handout), a 評価内容 changed on
    /// both sides alike (already as returned).
    fn three() -> (Plan, Handout, ReturnedFile) {
        let (mut plan, handout) = handed_out();
        let goals = actuals(&plan, &handout);
        assert!(goals.len() >= 2, "市民係 fills two figures: {goals:?}");
        let mut set = |r: GoalRef, f: &dyn Fn(&mut crate::model::Goal)| {
            let at = plan.position(r).expect("a place");
            f(&mut plan.initiatives[at.initiative].goals[at.goal]);
        };
        // Since the handout: someone changed the second figure and the first evaluation.
        set(goals[1].0, &|g| {
            g.actual = Value::Number(Decimal::from(4242))
        });
        set(goals[0].0, &|g| g.evaluation = "更新済み".into());
        let mut same = row(&goals[0].1, Typed::Text("更新済み".into()));
        same.field = FieldKey::Evaluation;
        let rows = vec![
            row(&goals[0].1, number(1111)),
            row(&goals[1].1, number(2222)),
            same,
        ];
        (plan, handout, file(rows))
    }

    /// The value a taken one writes, if it writes.
    fn written(t: &Taken) -> Option<&FieldValue> {
        t.edit.as_ref().map(|_| &t.value)
    }

    #[test]
    fn a_cleared_figure_waits_for_the_clerk_and_is_marked_when_confirmed() {
        let (plan, handout) = handed_out();
        let (_, uid) = actuals(&plan, &handout)
            .into_iter()
            .next()
            .expect("a figure handed out");
        let offer = offer(&plan, Some(&handout), &file(vec![row(&uid, Typed::Empty)]));
        let decisions: Vec<Decision> = offer.changes.iter().map(|c| c.decision).collect();
        assert_eq!(decisions, [Decision::Cleared], "{:?}", offer.problems);
        assert_eq!(offer.first_choices(), [Choice::Undecided]);
        assert!(
            offer.taken(&[Choice::Undecided]).is_empty(),
            "left out until chosen"
        );
        let confirmed = offer.taken(&[Choice::Returned]);
        assert_eq!(confirmed.len(), 1);
        assert!(confirmed[0].edit.is_some(), "the clear is written");
        assert_eq!(
            confirmed[0].settled,
            Some(crate::store::Settled::ClearConfirmed)
        );
        let kept = offer.taken(&[Choice::Current]);
        assert_eq!(kept.len(), 1);
        assert!(
            kept[0].edit.is_none() && kept[0].settled.is_none(),
            "{kept:?}"
        );
    }

    #[test]
    fn a_change_starts_taken_and_a_conflict_undecided() {
        let (plan, handout, file) = three();
        let offer = offer(&plan, Some(&handout), &file);
        let decisions: Vec<Decision> = offer.changes.iter().map(|c| c.decision).collect();
        assert_eq!(
            decisions,
            [Decision::Apply, Decision::Conflict],
            "{:?}",
            offer.problems
        );
        assert!(offer.changes.iter().all(|c| c.preferred.is_none()));
        assert_eq!(offer.first_choices(), [Choice::Returned, Choice::Undecided]);
        assert!(offer.can_choose(0) && offer.can_choose(1));
        let taken = offer.taken(&offer.first_choices());
        // The change is written; the conflict is left out; the third is recorded unwritten.
        assert_eq!(taken.len(), 2, "{taken:?}");
        assert_eq!(
            written(&taken[0]),
            Some(&FieldValue::Value(Value::Number(Decimal::from(1111))))
        );
        assert!(taken[1].edit.is_none(), "as it is: recorded, not written");
    }

    #[test]
    fn each_choice_takes_what_it_says() {
        let (plan, handout, file) = three();
        let offer = offer(&plan, Some(&handout), &file);
        let conflict = |choice| {
            offer
                .taken(&[Choice::Skip, choice])
                .into_iter()
                .find(|t| t.entity_uid == offer.changes[1].entity_uid)
        };
        let returned = conflict(Choice::Returned).expect("taken");
        let (_, seen) = returned.edit.expect("written");
        assert_eq!(
            seen,
            FieldValue::Value(Value::Number(Decimal::from(4242))),
            "checked against the value the preview saw"
        );
        let kept = conflict(Choice::Current).expect("recorded");
        assert!(kept.edit.is_none(), "nothing written");
        assert_eq!(
            kept.value,
            FieldValue::Value(Value::Number(Decimal::from(2222))),
            "recorded as collected, as --prefer current records it"
        );
        assert!(conflict(Choice::Skip).is_none());
        assert!(conflict(Choice::Undecided).is_none());
        // Skipping the change leaves only the value returned as it is.
        assert_eq!(offer.taken(&[Choice::Skip, Choice::Skip]).len(), 1);
    }

    /// Choosing the same side for every row is the CLI's `--prefer`.
    #[test]
    fn one_choice_for_every_conflict_is_the_clis_prefer() {
        let (plan, handout, file) = three();
        let offer = offer(&plan, Some(&handout), &file);
        for (choice, prefer) in [
            (Choice::Returned, Prefer::Returned),
            (Choice::Current, Prefer::Current),
        ] {
            let choices: Vec<Choice> = offer
                .changes
                .iter()
                .map(|c| {
                    if c.decision == Decision::Conflict {
                        choice
                    } else {
                        Choice::Returned
                    }
                })
                .collect();
            assert_eq!(
                offer.taken(&choices),
                merge(&plan, Some(&handout), &file, Some(prefer), Some(prefer)).taken
            );
        }
        assert_eq!(
            offer.taken(&offer.first_choices()),
            merge(&plan, Some(&handout), &file, None, None).taken,
            "the first choices are the CLI without --prefer"
        );
    }

    #[test]
    fn text_lost_to_question_marks_is_kept_whatever_is_chosen() {
        let (plan, _) = handed_out();
        let (r, goal) = plan
            .goals()
            .find(|(_, g)| g.evaluation.contains('⑴'))
            .expect("an evaluation naming ⑴");
        let lost = goal.evaluation.replace('⑴', "?");
        let mut row = row(&r.to_string(), Typed::Text(lost));
        row.field = FieldKey::Evaluation;
        let offer = offer(&plan, None, &file(vec![row]));
        assert_eq!(offer.changes[0].decision, Decision::LostText);
        assert!(!offer.can_choose(0));
        assert_eq!(offer.first_choices(), [Choice::Current]);
        assert!(offer.taken(&[Choice::Returned]).is_empty());
    }

    #[test]
    fn without_a_handout_a_change_waits_for_the_clerk() {
        // An old export sent back would put old values over newer ones: nothing is taken
        // until the clerk looks at the row.
        let (plan, handout) = handed_out();
        let (_, uid) = actuals(&plan, &handout)[0].clone();
        let offer = offer(&plan, None, &file(vec![row(&uid, number(1234))]));
        assert_eq!(offer.changes[0].decision, Decision::Unbased);
        assert_eq!(offer.first_choices(), [Choice::Undecided]);
        assert!(offer.taken(&offer.first_choices()).is_empty());
        assert_eq!(offer.taken(&[Choice::Returned]).len(), 1);
        assert!(offer.taken(&[Choice::Skip]).is_empty());
        assert!(offer.taken(&[]).is_empty(), "a missing choice is undecided");
    }
}
