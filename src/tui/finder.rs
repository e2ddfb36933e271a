//! The finder (`F`): a query, its ranked matches as the last finished search left them, and the
//! chosen one. The search runs a slice per frame; Enter goes to the chosen goal.

use std::time::Instant;

use tui_input::Input;

use super::action::Action;
use super::command::Command;

use crate::find::{Found, Search};
use crate::model::Plan;
use crate::strings::strings;

/// The finder on screen.
pub struct Finder {
    pub query: Input,
    /// The hits of the last search that finished: shown while the search for what is typed now
    /// is still running.
    pub hits: Vec<Found>,
    pub search: Search,
    pub chosen: usize,
}

impl Finder {
    /// An empty query over the whole plan.
    pub fn new(plan: &Plan) -> Self {
        Finder {
            query: Input::default(),
            hits: vec![],
            search: Search::new(plan, ""),
            chosen: 0,
        }
    }

    /// True while the search for what is typed is still running.
    pub fn is_searching(&self) -> bool {
        !self.search.is_done()
    }

    /// A key while the finder is open: choose, go, or close. `None` when the key is not the
    /// finder's. Enter expects the search to have finished ([`Finder::run`]).
    pub fn handle(&mut self, action: Action) -> Option<Command> {
        match action {
            Action::Up | Action::Down => {
                let last = self.hits.len().saturating_sub(1);
                self.chosen = if action == Action::Up {
                    self.chosen.saturating_sub(1)
                } else {
                    (self.chosen + 1).min(last)
                };
                Some(Command::None)
            }
            Action::Commit => Some(match self.hits.get(self.chosen) {
                Some(hit) => {
                    let at = hit.position;
                    Command::ShowGoal(at).then(Command::ShowMethod(at))
                }
                None => Command::say_error(strings().tui.messages.finder_no_match),
            }),
            Action::Cancel => Some(Command::Close),
            _ => None,
        }
    }

    /// The query changed: search for it, narrowing the last finished search when the query
    /// only grew.
    pub fn requery(&mut self, plan: &Plan) {
        let next = self.search.narrowed(plan, self.query.value());
        self.set_search(next);
    }

    /// The plan was reloaded: goal places may have moved, so the search starts again.
    pub fn restart(&mut self, plan: &Plan) {
        self.hits.clear();
        let fresh = Search::new(plan, self.query.value());
        self.set_search(fresh);
    }

    /// Puts a new search in. One answered at once (a code, an empty query) shows its hits now;
    /// the others show theirs when [`Finder::run`] finishes them.
    fn set_search(&mut self, next: Search) {
        if next.is_done() {
            self.hits = next.hits().to_vec();
            self.chosen = 0;
        }
        self.search = next;
    }

    /// Runs the search until `deadline` (`None`: to the end); its hits show when it finishes.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) {
        if !self.search.is_done() && self.search.run(plan, deadline) {
            self.hits = self.search.hits().to_vec();
            self.chosen = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalPos;
    use crate::sheet;

    #[test]
    fn enter_goes_to_the_chosen_match_and_shows_how_it_is_counted() {
        let plan = sheet::bundled().expect("bundled");
        let mut finder = Finder::new(&plan);
        finder.query = Input::new("2-イ-7".into());
        finder.requery(&plan);
        finder.run(&plan, None);
        let want = GoalPos::of(&plan, "2-イ-7".parse().expect("code")).expect("goal");
        let command = finder.handle(Action::Commit);
        assert!(
            matches!(&command, Some(Command::Seq(c)) if matches!(c[..], [Command::ShowGoal(a), Command::ShowMethod(b)] if a == want && b == want)),
            "{command:?}"
        );
        assert!(matches!(
            finder.handle(Action::Cancel),
            Some(Command::Close)
        ));
        assert!(
            finder.handle(Action::Undo).is_none(),
            "not the finder's key"
        );
    }

    #[test]
    fn enter_with_no_match_says_what_to_type() {
        let plan = sheet::bundled().expect("bundled");
        let mut finder = Finder::new(&plan);
        finder.query = Input::new("zzzzzz no such words".into());
        finder.requery(&plan);
        finder.run(&plan, None);
        assert!(matches!(
            finder.handle(Action::Commit),
            Some(Command::SayError(_))
        ));
    }
}
