//! The commands that go to the store: save an edit, undo, reload when another program wrote,
//! open another plan, read the plan list and the change log. After a write the plan in memory
//! is patched and only what changed is recomputed.

use ratatui::widgets::ListState;

use super::editing::{self, Conflict, text_of};
use super::{App, Command, Mode, Pane, Screen};
use crate::exchange::datafile::left_behind;
use crate::model::GoalPos;
use crate::model::{GoalId, GoalRef, Plan, PlanId};
use crate::report::change::text_change;
use crate::report::summary::Contribution;
use crate::store::{
    Applied, ChangedAfter, Edit, EditError, FieldValue, LogKind, UndoError, UndoOptions, Undone,
};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::filter::Filter;
use crate::tui::hints::key_of;
use crate::tui::keymap::Context;
use crate::tui::lists::{LogView, PlanList};
use crate::tui::question::{Pending, Question};
use crate::tui::scroll::Scroll;
use crate::tui::tree::Tree;

impl App {
    /// Saves an edit from the open field, which closes on success. When someone else saved the
    /// field since `seen` (the value the clerk was shown), nothing is written and the clerk is
    /// asked, with both values and who changed it; any other refusal stays under the field.
    pub(super) fn save(&mut self, edit: Edit, seen: Option<FieldValue>) {
        match self.store.apply(&edit, seen.as_ref()) {
            Ok(applied) => {
                self.mode = Mode::Normal;
                self.after_edit(&applied);
            }
            Err(EditError::Conflict {
                subject,
                field,
                seen,
                current,
                by,
            }) => {
                let Mode::Editing(editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
                    return;
                };
                let words = &strings().tui.questions;
                let who = by.map_or_else(
                    || words.another_program.to_string(),
                    |c| (words.by_at)(&c.actor, &c.at),
                );
                let conflict = Conflict {
                    subject,
                    label: field.label_ja().to_string(),
                    seen: *seen,
                    current: *current,
                    who,
                };
                let question = editing::conflict_question(editor, edit, conflict);
                self.mode = Mode::Asking(Box::new(question));
                self.reload_keeping_editor();
            }
            Err(e) => {
                if let Mode::Editing(editor) = &mut self.mode {
                    editor.error = Some(e.to_string());
                }
            }
        }
    }

    /// After the store wrote an edit: patch the plan, recompute, say what happened.
    /// Only the edited goal is graded again: its old contribution to the summary is swapped for
    /// its new one, and the tree is rebuilt only when a filter may now show or hide it.
    fn after_edit(&mut self, applied: &Applied) {
        let edited = self.plan.position(applied.goal).map(|p| (applied.goal, p));
        let today = self.today;
        let contribution = move |plan: &Plan, (r, at): (GoalRef, GoalPos)| {
            let goal = at.goal_in(plan)?;
            Some(Contribution::of(r, goal, &plan.thresholds, today))
        };
        let before = edited.and_then(|e| contribution(&self.plan, e));
        if !applied.edit.apply_to(&mut self.plan) {
            self.reload();
        } else {
            match edited {
                Some((_, at)) => self.prepared.regrade(&self.plan, at),
                None => self.prepared.regrade_all(&self.plan),
            }
            match (before, edited.and_then(|e| contribution(&self.plan, e))) {
                (Some(before), Some(after)) => self.summary.replace(&before, after),
                // The grades were just brought up to date above.
                _ => self.summary = self.prepared.summary(&self.plan, self.today),
            }
            if self.filter != Filter::All {
                self.refresh_tree();
            }
        }
        self.data_version = self.store.data_version().unwrap_or(self.data_version);
        // In a section's handout, a field the collect will leave out says so as it is saved.
        let left_behind = self
            .exchange
            .as_ref()
            .and_then(|meta| left_behind(meta, &self.plan, applied));
        match left_behind {
            Some(line) => self.say_error(line),
            None => self.say(applied.to_string()),
        }
    }

    /// `u` / `Ctrl-R`: take back the clerk's own latest action. When someone else changed one
    /// of its fields since, the clerk is asked first, with who and when (`force` goes ahead).
    pub(super) fn undo(&mut self, redo: bool, force: bool) {
        if !redo && self.ask_to_undo_rollover() {
            return;
        }
        let options = UndoOptions { force };
        let result = if redo {
            self.store.redo(self.plan.id, options)
        } else {
            self.store.undo(self.plan.id, options)
        };
        match result {
            Ok(undone) => {
                for applied in &undone.applied {
                    self.after_edit(applied);
                }
                // The thresholds or a title set back: every goal is graded again.
                if !undone.outlined.is_empty() && undone.restructured.is_empty() {
                    self.reload();
                }
                // A row put back, taken out or moved: the plan is read again.
                if !undone.restructured.is_empty() {
                    self.reload();
                    if let Some(position) = undone
                        .restructured
                        .iter()
                        .find_map(|r| r.goal)
                        .and_then(|r| self.plan.position(r))
                    {
                        self.with_tree(|tree, plan, visible| {
                            tree.select_goal(plan, position, visible)
                        });
                    }
                }
                self.say(self.said_undone(&undone, redo));
                if let Some(position) = undone
                    .applied
                    .first()
                    .and_then(|a| self.plan.position(a.goal))
                {
                    self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
                }
            }
            Err(UndoError::ChangedAfter(changed)) => {
                let ChangedAfter {
                    subject,
                    field,
                    current,
                    restores,
                    by,
                    ..
                } = *changed;
                let words = &strings().tui.questions;
                let (current, restores) = (current.to_string(), restores.to_string());
                self.mode = Mode::Asking(Box::new(Question {
                    title: (words.undo_title)(redo, &by.actor),
                    lines: vec![
                        (words.undo_changed)(
                            &subject,
                            field.label_ja(),
                            &by.actor,
                            &by.at,
                            &current,
                        ),
                        (words.undo_restores)(&restores, &current),
                    ],
                    choices: vec![
                        (words.undo_anyway)(redo, &restores),
                        (words.leave_it)(&current),
                    ],
                    pending: Pending::Undo { redo },
                }));
            }
            Err(e) => self.say_error(e.to_string()),
        }
    }

    /// What an undo or redo says: a collect taken back or put back names its file and section
    /// and counts its values, as `tassei undo` does (the change log knows where the batch came
    /// from); anything else, its change and how many more were made with it.
    fn said_undone(&self, undone: &Undone, redo: bool) -> String {
        let origin = match undone.applied.first().map(|a| a.kind) {
            Some(LogKind::Undo(row) | LogKind::Redo(row)) => {
                self.store.collected_origin(row).ok().flatten()
            }
            _ => None,
        };
        let Some(origin) = origin else {
            return undone.to_string();
        };
        let words = &strings().exchange;
        let said = if redo {
            words.redone_collect
        } else {
            words.undone_collect
        };
        said(
            undone.applied.len(),
            origin.section.as_deref(),
            &origin.file,
        )
    }

    /// Polled when idle: reload when another program (the CLI, a second window) changed the file.
    pub fn tick(&mut self) {
        self.say_damage();
        match self.store.data_version() {
            Ok(version) if version != self.data_version => {
                self.data_version = version;
                self.reload_keeping_editor();
                self.say(strings().tui.messages.reloaded);
            }
            Ok(_) => {}
            Err(e) => self.say_error(e.to_string()),
        }
        self.prepare_card();
    }

    /// The damage check running beside the TUI found the file damaged: said at once, in the
    /// store's own line (which names the newest good copy), not only at the next Enter.
    fn say_damage(&mut self) {
        if self.damage_said
            || !matches!(
                self.store.damage_check(),
                crate::store::DamageCheck::Damaged(_)
            )
        {
            return;
        }
        self.damage_said = true;
        if let Err(e) = self.store.check_before_write() {
            self.say_error((strings().tui.messages.damaged)(&e.to_string()));
        }
    }

    pub(super) fn reload(&mut self) {
        match self.store.load_plan(self.plan.id) {
            Ok(plan) => {
                let old = std::mem::replace(&mut self.plan, plan);
                self.relocate(&old);
                self.prepared.regrade_all(&self.plan);
                self.read_history();
                self.summary = self.prepared.summary(&self.plan, self.today);
                self.refresh_tree();
                self.restart_searches();
            }
            Err(e) => self.say_error((strings().tui.messages.reload_failed)(&e.to_string())),
        }
    }

    /// The places held across a reload from `old` (the agenda, the method popup, the open
    /// field) found again by reference: the file may have changed shape under the TUI.
    fn relocate(&mut self, old: &Plan) {
        let plan = &self.plan;
        let moved = |at: GoalPos| at.goal_ref(old).and_then(|r| GoalPos::of(plan, r));
        if let Screen::Review(review) = &mut self.screen {
            review.relocate(old, plan);
        }
        match &mut self.mode {
            Mode::Method(at) => match moved(*at) {
                Some(new) => *at = new,
                None => self.mode = Mode::Normal,
            },
            Mode::Editing(editor) => {
                if let Some(new) = moved(editor.goal) {
                    editor.goal = new;
                }
            }
            _ => {}
        }
    }

    /// Reloads; an open field stays open, now comparing against the value on file.
    pub(super) fn reload_keeping_editor(&mut self) {
        let selected = self
            .tree
            .selected_goal()
            .and_then(|p| p.goal_ref(&self.plan));
        self.reload();
        if let Some(position) = selected.and_then(|r| self.plan.position(r)) {
            self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
        }
        // The open field keeps comparing with the value it was opened with, however many
        // reloads come: a save then asks. Meanwhile it says who changed it.
        if let Mode::Editing(editor) = &mut self.mode {
            let at = editor.goal;
            let fresh = at
                .goal_in(&self.plan)
                .and_then(|goal| Editor::open(goal, at, editor.field));
            editor.notice = match fresh {
                Some(fresh) if fresh.seen != editor.seen => {
                    let by = fresh
                        .edit_ref(&self.plan)
                        .and_then(|field| self.store.last_change(field).ok().flatten())
                        .map(|c| (c.actor, c.at));
                    // A text shows the part that changed, not its common start.
                    let now = match (text_of(&editor.seen), text_of(&fresh.seen)) {
                        (Some(before), Some(after)) => text_change(before, after).1,
                        _ => fresh.seen.to_string(),
                    };
                    let save = key_of(Context::Editor, Action::Commit);
                    Some((strings().tui.messages.changed_while_open)(
                        by.as_ref().map(|(actor, at)| (actor.as_str(), at.as_str())),
                        &now,
                        &save,
                    ))
                }
                _ => None,
            };
        }
    }

    /// `P`: the plans in the data file.
    pub(super) fn open_plans(&mut self) -> Command {
        match self.store.plans() {
            Ok(plans) => {
                self.scroll.list = ListState::default();
                self.mode = Mode::Plans(PlanList::new(plans, self.plan.id));
                Command::None
            }
            Err(e) => {
                Command::say_error((strings().tui.messages.cannot_list_plans)(&e.to_string()))
            }
        }
    }

    /// Opens the change log, for the whole plan or one goal.
    pub(super) fn open_log(
        &mut self,
        goal: Option<(GoalId, GoalRef)>,
        selected: Option<(GoalId, GoalRef)>,
    ) {
        match self.store.log(self.plan.id, goal.map(|(id, _)| id)) {
            Ok(entries) => {
                self.scroll.list = ListState::default();
                self.mode = Mode::Log(LogView::new(entries, goal, selected));
            }
            Err(e) => self.say_error((strings().tui.messages.cannot_read_log)(&e.to_string())),
        }
    }

    /// Opens another plan of the data file.
    pub(super) fn switch_plan(&mut self, id: PlanId) {
        match self.store.load_plan(id) {
            Ok(plan) => {
                self.plan = plan;
                self.prepared.regrade_all(&self.plan);
                self.read_history();
                self.summary = self.prepared.summary(&self.plan, self.today);
                self.filter = Filter::All;
                self.screen = Screen::Main;
                self.focus = Pane::Tree;
                self.jump = None;
                self.last_search.clear();
                self.with_tree(|tree, plan, visible| *tree = Tree::new(plan, visible));
                self.scroll = Scroll::default();
                self.card_field = self.home_field();
                let label = (strings().tui.messages.opened_plan)(
                    &self.plan.municipality,
                    &self.plan.title,
                    &self.plan.fiscal_year.reiwa_label(),
                );
                self.say(label);
            }
            Err(e) => self.say_error((strings().tui.messages.cannot_open_plan)(&e.to_string())),
        }
    }
}
