//! Collecting a returned file (`I`): the path prompt, then the preview a clerk chooses row by
//! row — conflicts first, each taken, skipped or kept as it is — then one apply. Plain data
//! with plain tests: reading the file and writing go through `App::perform`
//! ([`Command::PreviewReturn`], [`Command::Collect`]); the rule is `exchange`'s.

use std::path::{Path, PathBuf};

use tui_input::Input;

use super::action::Action;
use super::command::Command;
use super::hints::key_of;
use super::keymap::Context;
use crate::exchange::{Change, Choice, Decision, Incoming, Offer, ReturnedFile, Source, offer};
use crate::model::Plan;
use crate::store::Taken;
use crate::strings::strings;

/// The collect's path line while it is open.
#[derive(Default)]
pub struct CollectPrompt {
    pub path: Input,
    /// Why the file last tried was refused (its line from the catalogue): it stays under the
    /// path, which stays as typed, so the clerk can put it right.
    pub refused: Option<String>,
}

impl CollectPrompt {
    /// A key for the prompt: Enter reads the file, Esc closes. `None` when the key is not the
    /// prompt's (it is text for the path).
    pub fn handle(&self, action: Action) -> Option<Command> {
        match action {
            Action::Commit if self.path.value().trim().is_empty() => {
                Some(Command::say_error(strings().tui.collect.no_path))
            }
            Action::Commit => Some(Command::PreviewReturn(self.path.value().to_string())),
            Action::Cancel => Some(Command::Close),
            _ => None,
        }
    }

    /// Pasted text, after what is typed: its first line that is not blank. A terminal ends a
    /// paste with CR (or CRLF); the quotes Explorer's パスのコピー puts round a path are taken
    /// off when the path is read ([`typed_path`]).
    pub fn paste(&mut self, text: &str) {
        let line = text
            .split(['\r', '\n'])
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        self.path = Input::new(format!("{}{line}", self.path.value()));
    }
}

/// A path as typed or pasted: the blanks around it and one pair of quotes round it taken off
/// (Windows Explorer's パスのコピー gives `"C:\…\市民係.xlsx"`), a leading `~` the home folder
/// when there is one.
pub fn typed_path(typed: &str, home: Option<&Path>) -> PathBuf {
    let mut text = typed.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote)) {
            text = inner.trim();
            break;
        }
    }
    match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with(['/', '\\']) => home.join(&rest[1..]),
        _ => PathBuf::from(text),
    }
}

/// A returned file read and planned, the clerk's choice per change, the selected row.
pub struct CollectPreview {
    /// Where it was read from: a refusal of the apply reads it again.
    pub path: PathBuf,
    /// The file's name as the clerk knows it.
    pub name: String,
    pub source: Source,
    pub offer: Offer,
    /// One per change of the offer, in its order.
    pub choices: Vec<Choice>,
    /// The changes as listed, by index: conflicts first, then changes, then changes without
    /// a handout base and text lost to `?`, each in the file's order.
    pub order: Vec<usize>,
    /// The selected row, in `order`.
    pub selected: usize,
    /// Why the last apply wrote nothing, shown over the rows until the next one.
    pub note: Option<String>,
}

/// How the rows stand: what the preview's second line counts and the apply says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub conflicts: usize,
    /// Conflicts nobody chose for yet.
    pub undecided: usize,
    /// The other changes.
    pub changes: usize,
    /// Rows left out by the reader.
    pub left_out: usize,
    /// Rows kept as they are by choice (text lost to `?` is not counted: nothing to choose).
    pub kept: usize,
    /// Rows left for later: skipped, or conflicts undecided.
    pub left: usize,
}

/// What an apply hands the store, and what it then says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collecting {
    /// The file: its name, as the log will name it, and where it came from (a handout, an
    /// exchange file with who changed what there, a CSV); its rows are not needed again.
    pub from: Incoming,
    pub taken: Vec<Taken>,
    pub tally: Tally,
}

impl CollectPreview {
    /// The preview of `incoming`, read from `path`, against `plan` as it is now: every change
    /// at its first choice (a change taken, a conflict undecided), the first row selected.
    pub fn new(path: PathBuf, incoming: Incoming, plan: &Plan) -> Self {
        let offer = offer(plan, incoming.handout(), &incoming.file);
        let choices = offer.first_choices();
        let mut order: Vec<usize> = (0..offer.changes.len()).collect();
        order.sort_by_key(|k| rank(offer.changes[*k].decision));
        CollectPreview {
            path,
            name: incoming.name,
            source: incoming.source,
            offer,
            choices,
            order,
            selected: 0,
            note: None,
        }
    }

    /// The selected change, by index, when there is one.
    pub fn selected_change(&self) -> Option<(usize, &Change)> {
        let k = *self.order.get(self.selected)?;
        Some((k, self.offer.changes.get(k)?))
    }

    /// Takes over the choices of `before` (the same file previewed earlier) for the changes
    /// still the same: same field, same kind, same values returned, there now and handed out.
    /// A change whose value now moved (someone wrote it since) starts again at its first
    /// choice: a clerk's "take" was for the value shown, never for one not seen.
    pub fn keep_choices_of(&mut self, before: &CollectPreview) {
        for (k, change) in self.offer.changes.iter().enumerate() {
            let same = before.offer.changes.iter().position(|c| {
                c.entity_uid == change.entity_uid
                    && c.field == change.field
                    && c.decision == change.decision
                    && c.returned == change.returned
                    && c.current == change.current
                    && c.base == change.base
            });
            if let (Some(j), true) = (same, self.offer.can_choose(k))
                && let Some(choice) = before.choices.get(j)
            {
                self.choices[k] = *choice;
            }
        }
    }

    /// How the rows stand now.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            left_out: self.offer.problems.len(),
            ..Tally::default()
        };
        for (k, (change, choice)) in self.offer.changes.iter().zip(&self.choices).enumerate() {
            if matches!(change.decision, Decision::Conflict | Decision::Cleared) {
                tally.conflicts += 1;
            } else {
                tally.changes += 1;
            }
            if !self.offer.can_choose(k) {
                continue;
            }
            match choice {
                Choice::Undecided => {
                    tally.undecided += 1;
                    tally.left += 1;
                }
                Choice::Skip => tally.left += 1,
                Choice::Current => tally.kept += 1,
                Choice::Returned => {}
            }
        }
        tally
    }

    /// A key while the preview is open: move, choose for the selected row (and go on to the
    /// next), apply what is chosen, or close.
    pub fn handle(&mut self, action: Action) -> Command {
        if let Some(rows) = action.rows() {
            let last = self.order.len().saturating_sub(1);
            self.selected = self.selected.saturating_add_signed(rows).min(last);
            return Command::None;
        }
        let choice = match action {
            Action::TakeReturned => Choice::Returned,
            Action::SkipRow => Choice::Skip,
            Action::KeepCurrent => Choice::Current,
            Action::Commit => return self.apply(),
            Action::Cancel => {
                return Command::Close
                    .then(Command::say((strings().tui.collect.closed)(&self.name)));
            }
            _ => return Command::None,
        };
        let Some((k, _)) = self.selected_change() else {
            return Command::None;
        };
        if !self.offer.can_choose(k) {
            return Command::say_error(strings().tui.collect.lost_text_kept);
        }
        self.choices[k] = choice;
        self.selected = (self.selected + 1).min(self.order.len().saturating_sub(1));
        Command::None
    }

    /// Enter: what is chosen, for the store; nothing to take closes the preview and says so.
    fn apply(&self) -> Command {
        let collecting = Collecting {
            from: Incoming {
                name: self.name.clone(),
                source: self.source.clone(),
                file: ReturnedFile::default(),
            },
            taken: self.offer.taken(&self.choices),
            tally: self.tally(),
        };
        if collecting.taken.is_empty() {
            // Nothing to write or record: the registry is not told the file was collected.
            let tally = collecting.tally;
            let undo = key_of(Context::Global, Action::Undo);
            let said = (strings().tui.collect.collected)(
                &self.name,
                0,
                tally.kept,
                tally.left,
                tally.undecided,
                &undo,
            );
            return Command::Close.then(Command::say(said));
        }
        Command::Collect(Box::new(collecting))
    }
}

/// Where a change is listed: conflicts first, then changes, then the two-way rule's.
fn rank(decision: Decision) -> u8 {
    match decision {
        Decision::Conflict | Decision::Cleared => 0,
        Decision::Apply | Decision::Unchanged | Decision::Already => 1,
        Decision::Unbased => 2,
        Decision::LostText => 3,
    }
}

#[cfg(test)]
mod tests;
