//! A structural change in words: `⑴-ア-3 を追加しました`, the goals renumbered with it
//! (`⑴-ア-3 → ⑴-ア-4`), activities copied to goals that shared them.

use std::fmt;

use crate::store::{ChangeKind, Restructured, UndoAction};
use crate::strings::strings;

impl fmt::Display for Restructured {
    /// The change in one sentence; an undo's or redo's says so.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = &strings().structure.change;
        let said = match self.kind {
            ChangeKind::Add => (words.added)(&self.row),
            ChangeKind::Move => (words.moved)(self.from.as_deref().unwrap_or_default(), &self.row),
            _ => (words.removed)(&self.row),
        };
        // An undo says what it took back (a removal undone writes an add, which read as
        // "added" looked like the addition was undone).
        match (self.by, self.kind) {
            (Some(UndoAction::Undo), ChangeKind::Add) => {
                f.write_str(&(words.undid_removal)(&self.row))
            }
            (Some(UndoAction::Undo), ChangeKind::Remove) => {
                f.write_str(&(words.undid_addition)(&self.row))
            }
            (Some(action), _) => f.write_str(&(words.reverted)(action == UndoAction::Redo, &said)),
            (None, _) => f.write_str(&said),
        }
    }
}

impl Restructured {
    /// What came with the change, a line each: activities copied, goals renumbered.
    pub fn details(&self) -> Vec<String> {
        let words = &strings().structure.change;
        let copied = self
            .copied
            .iter()
            .map(|(goal, n)| (words.copied)(*n, &goal.to_string()));
        let renumbered = self
            .renumbered
            .iter()
            .map(|(from, to)| (words.renumbered)(&from.to_string(), &to.to_string()));
        // The moved initiative's own new code is the sentence's; the others follow.
        let recoded = self
            .recoded
            .iter()
            .filter(|(from, _)| Some(from.as_str()) != self.from.as_deref())
            .map(|(from, to)| (words.renumbered)(from, to));
        copied.chain(renumbered).chain(recoded).collect()
    }
}
