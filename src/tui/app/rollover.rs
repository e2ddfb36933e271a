//! `u` in a plan just rolled over: the clerk's latest action there is the rollover, so undoing
//! it removes the plan (as `tassei undo` does) — asked first, naming the plan it removes — and
//! opens the plan it was made from.

use super::{App, Mode};
use crate::store::UndoError;
use crate::strings::strings;
use crate::tui::question::{Pending, Question};

impl App {
    /// Asks whether to remove the open plan when undoing means undoing its rollover; false when
    /// it does not (the undo goes on as any other).
    pub(super) fn ask_to_undo_rollover(&mut self) -> bool {
        let from = match self.store.rollover_to_undo(self.plan.id) {
            Ok(Some(from)) => from,
            Ok(None) => return false,
            Err(e) => {
                self.say_error(e.to_string());
                return true;
            }
        };
        let words = &strings().tui.questions;
        let (plan, year) = (&self.plan.slug, self.plan.fiscal_year.reiwa_label());
        self.mode = Mode::Asking(Box::new(Question {
            title: (words.rollover_title)(&year, plan),
            lines: vec![(words.rollover_removes)(plan, &from)],
            choices: vec![
                (words.rollover_remove)(plan),
                words.rollover_keep.to_string(),
            ],
            pending: Pending::Rollover,
        }));
        true
    }

    /// Removes the open plan, a rollover the clerk chose to undo, and opens its predecessor.
    /// Checked again: another window may have edited the plan since the question.
    pub(super) fn undo_rollover(&mut self) {
        let removed = self.plan.slug.clone();
        let result: Result<_, UndoError> = self
            .store
            .rollover_to_undo(self.plan.id)
            .map_err(UndoError::from)
            .and_then(|from| match from {
                Some(from) => {
                    let id = self.store.plan_id(Some(&from))?;
                    self.store.remove_rolled_over(self.plan.id)?;
                    Ok(Some((id, from)))
                }
                None => Ok(None),
            });
        match result {
            Ok(Some((id, from))) => {
                self.switch_plan(id);
                self.say((strings().tui.messages.rollover_undone)(&removed, &from));
            }
            Ok(None) => self.say(strings().tui.messages.nothing_undone),
            Err(e) => self.say_error(e.to_string()),
        }
    }
}
