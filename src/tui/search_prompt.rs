//! The `/` prompt: the query as typed, where the selection was when it opened (Esc goes back
//! there), and what the last finished scan found (a query that only grew resumes from it).

use tui_input::Input;

use super::action::Action;
use super::command::Command;
use crate::model::GoalPos;

/// The `/` line while it is open.
pub struct SearchPrompt {
    pub query: Input,
    /// The selected goal when the prompt opened.
    pub origin: Option<GoalPos>,
    /// The text last searched for and the goal it found (None: no goal matched).
    pub last: Option<(String, Option<GoalPos>)>,
}

impl SearchPrompt {
    /// An empty prompt opened at `origin`.
    pub fn new(origin: Option<GoalPos>) -> Self {
        SearchPrompt {
            query: Input::default(),
            origin,
            last: None,
        }
    }

    /// A key for the prompt: Enter keeps the query for `n`/`N`, Esc goes back. `None` when the
    /// key is not the prompt's.
    pub fn handle(&self, action: Action) -> Option<Command> {
        match action {
            Action::Commit => Some(Command::KeepSearch(self.query.value().to_string())),
            Action::Cancel => Some(Command::CancelSearch(self.origin)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_keeps_the_query_and_esc_goes_back_where_it_started() {
        let mut prompt = SearchPrompt::new(Some(GoalPos::new(1, 2)));
        prompt.query = Input::new("電子".into());
        assert!(
            matches!(prompt.handle(Action::Commit), Some(Command::KeepSearch(t)) if t == "電子")
        );
        assert!(matches!(
            prompt.handle(Action::Cancel),
            Some(Command::CancelSearch(Some(at))) if at == GoalPos::new(1, 2)
        ));
        assert!(prompt.handle(Action::Down).is_none());
    }
}
