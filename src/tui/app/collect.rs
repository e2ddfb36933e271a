//! The collect's commands: read a returned file into its preview, and write what the preview
//! chose through `Store::collect` (one transaction, one batch that `u` takes back). A field
//! changed after the preview refuses the whole file; the preview is then made again against
//! the values now, the clerk's choices kept, and says why.

use std::path::PathBuf;

use ratatui::widgets::ListState;

use super::{App, Mode};
use crate::exchange::{Incoming, Refusal, incoming};
use crate::store::EditError;
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::collect::{CollectPreview, Collecting, typed_path};
use crate::tui::hints::key_of;
use crate::tui::keymap::Context;

impl App {
    /// Enter at the collect's path: the file's preview, or the path kept on screen with the
    /// line that refused it.
    pub(super) fn preview_return(&mut self, typed: &str) {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        let path = typed_path(typed, home.as_deref());
        match incoming::read(&path, &self.store, &self.plan) {
            Ok(incoming) => {
                self.scroll.list = ListState::default();
                let preview = self.previewed(path, incoming);
                self.mode = Mode::Collecting(Box::new(preview));
            }
            Err(Refusal::File(line)) => {
                if let Mode::CollectFile(prompt) = &mut self.mode {
                    prompt.refused = Some(line.clone());
                }
                self.say_error(line);
            }
            Err(Refusal::Store(e)) => self.say_error(e.to_string()),
        }
    }

    /// The preview of `incoming` against the plan as it is now, each conflict naming who made
    /// the value now (the change log's, as the CLI's preview names them). A log that cannot be
    /// read leaves the names out and says why; the preview is made all the same.
    fn previewed(&mut self, path: PathBuf, incoming: Incoming) -> CollectPreview {
        let mut preview = CollectPreview::new(path, incoming, &self.plan);
        if let Err(e) = preview.offer.attribute(&self.store) {
            self.say_error(e.to_string());
        }
        preview
    }

    /// Enter in the preview: writes what was chosen; the plan is read again and regraded, as
    /// after any write the TUI did not make field by field.
    pub(super) fn collect(&mut self, collecting: Collecting) {
        let words = &strings().tui.collect;
        let file = &collecting.from.name;
        match collecting.from.collect(&mut self.store, &collecting.taken) {
            Ok(applied) => {
                self.mode = Mode::Normal;
                self.reload_keeping_editor();
                self.data_version = self.store.data_version().unwrap_or(self.data_version);
                if let Some(position) = applied.first().and_then(|a| self.plan.position(a.goal)) {
                    self.with_tree(|tree, plan, visible| tree.select_goal(plan, position, visible));
                }
                let tally = collecting.tally;
                let undo = key_of(Context::Global, Action::Undo);
                self.say((words.collected)(
                    file,
                    applied.len(),
                    tally.kept,
                    tally.left,
                    tally.undecided,
                    &undo,
                ));
            }
            Err(EditError::Conflict {
                subject,
                field,
                seen,
                current,
                by,
            }) => {
                self.reload_keeping_editor();
                self.data_version = self.store.data_version().unwrap_or(self.data_version);
                let by = by.as_deref().map(|c| (c.actor.as_str(), c.at.as_str()));
                let line = (words.stale)(file, &subject, field.label_ja(), by, &seen, &current);
                self.preview_again(line);
            }
            Err(e) => {
                let line = (words.not_collected)(file, &e);
                if let Mode::Collecting(preview) = &mut self.mode {
                    preview.note = Some(line.clone());
                }
                self.say_error(line);
            }
        }
    }

    /// After a refused apply: the file read again against the plan as it is now, with the
    /// choices the clerk made and `why` over the rows. A file that cannot be read again closes
    /// the preview, saying both.
    fn preview_again(&mut self, why: String) {
        let Mode::Collecting(before) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            self.say_error(why);
            return;
        };
        match incoming::read(&before.path, &self.store, &self.plan) {
            Ok(incoming) => {
                let mut preview = self.previewed(before.path.clone(), incoming);
                preview.keep_choices_of(&before);
                preview.note = Some(why.clone());
                self.mode = Mode::Collecting(Box::new(preview));
                self.say_error(why);
            }
            Err(Refusal::File(line)) => self.say_error(format!("{why} {line}")),
            Err(Refusal::Store(e)) => self.say_error(format!("{why} {e}")),
        }
    }
}
