//! The searches that run between keys: the `/` prompt's jump as you type, `n`/`N`, the count
//! of matches (`3/12`) and the finder. Each runs a slice per frame so typing stays smooth on
//! any plan; [`App::work`] gives them the frames between keys.

use std::time::{Duration, Instant};

use super::{App, Command, Mode};
use crate::find::{Walk, narrows};
use crate::model::GoalPos;
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::hints::key_of;
use crate::tui::jump::{CountScan, JumpScan, Purpose};
use crate::tui::keymap::Context;

impl App {
    /// Shows the first goal matching the query as typed so far. A query that only grew cannot
    /// match a goal before the previous match, so the scan resumes there (and stops at once
    /// when the previous text matched nothing).
    pub(super) fn search_step(&mut self) {
        let Mode::Searching(prompt) = &mut self.mode else {
            return;
        };
        let text = prompt.query.value().to_string();
        self.count = None;
        self.search_count = None;
        let scan = match &prompt.last {
            Some((previous, None)) if narrows(previous, &text) => {
                self.jump = None;
                self.search_count = Some((0, 0));
                prompt.last = Some((text, None));
                return;
            }
            Some((previous, Some(at))) if narrows(previous, &text) => JumpScan::new(
                &self.plan,
                &text,
                Some(*at),
                Walk::OnwardFrom,
                Purpose::Prompt,
            ),
            _ => JumpScan::new(&self.plan, &text, None, Walk::Forward, Purpose::Prompt),
        };
        self.jump = scan;
        self.work_for(self.search_slice);
    }

    /// `n` / `N`: the next or previous goal matching the last search.
    pub(super) fn jump_to_match(&mut self, forward: bool) -> Command {
        if self.last_search.is_empty() {
            let search = key_of(Context::Global, Action::Search);
            return Command::say_error((strings().tui.messages.no_search_yet)(&search));
        }
        let scan = if forward {
            Walk::Forward
        } else {
            Walk::Backward
        };
        let from = self.tree.selected_goal();
        self.count = None;
        self.jump = JumpScan::new(&self.plan, &self.last_search, from, scan, Purpose::Repeat);
        self.work_for(self.search_slice);
        Command::None
    }

    /// Esc at the `/` prompt: a scan still running for the abandoned query must not move the
    /// selection later; the selection goes back where the prompt opened.
    pub(super) fn cancel_search(&mut self, origin: Option<GoalPos>) {
        self.jump = None;
        self.count = None;
        self.search_count = None;
        self.mode = Mode::Normal;
        if let Some(origin) = origin {
            self.with_tree(|tree, plan, visible| tree.select_goal(plan, origin, visible));
        }
    }

    /// Starts the finder's search for what is typed now and runs its first slice.
    pub(super) fn start_finding(&mut self) {
        if let Mode::Finding(finder) = &mut self.mode {
            finder.requery(&self.plan);
        }
        self.work_for(self.search_slice);
    }

    /// After a reload, goal positions may have moved: searches in progress or remembered are
    /// started again on the new plan.
    pub(super) fn restart_searches(&mut self) {
        self.jump = None;
        self.count = None;
        match &mut self.mode {
            Mode::Searching(prompt) => prompt.last = None,
            Mode::Finding(finder) => finder.restart(&self.plan),
            _ => {}
        }
    }

    /// True while a search is still running: the event loop then calls [`App::work`] instead
    /// of waiting for a key.
    pub fn busy(&self) -> bool {
        self.jump.is_some()
            || self.count.is_some()
            || matches!(&self.mode, Mode::Finding(finder) if finder.is_searching())
    }

    /// Runs pending searches for one slice of a frame.
    pub fn work(&mut self) {
        self.work_for(self.search_slice);
        self.prepare_card();
    }

    pub(super) fn work_for(&mut self, slice: Duration) {
        // No deadline when the slice is too long to add (Duration::MAX: run to the end).
        let deadline = Instant::now().checked_add(slice);
        if let Mode::Finding(finder) = &mut self.mode {
            finder.run(&self.plan, deadline);
        }
        if let Some(scan) = &mut self.jump {
            let Some(answer) = scan.run(&self.plan, deadline) else {
                return;
            };
            let Some(scan) = self.jump.take() else {
                return;
            };
            match (answer, scan.purpose) {
                (Some(position), _) => self.show_goal(position),
                (None, Purpose::Repeat) => {
                    self.say_error((strings().tui.messages.no_goal_matches)(&scan.text))
                }
                (None, Purpose::Prompt) => {}
            }
            // A match is numbered among all matches by a count that runs next; no match is
            // known at once.
            self.search_count = answer.is_none().then_some((0, 0));
            self.count = answer
                .and_then(|at| CountScan::new(&self.plan, &scan.text, Some(at), scan.purpose));
            if scan.purpose == Purpose::Prompt
                && let Mode::Searching(prompt) = &mut self.mode
                && prompt.query.value() == scan.text
            {
                prompt.last = Some((scan.text, answer));
            }
        }
        if let Some(count) = &mut self.count {
            let Some(found) = count.run(&self.plan, deadline) else {
                return;
            };
            let purpose = count.purpose;
            let text = count.text.clone();
            self.count = None;
            self.search_count = Some(found);
            if purpose == Purpose::Repeat {
                self.say((strings().tui.messages.match_of)(found.0, found.1, &text));
            }
        }
    }
}
