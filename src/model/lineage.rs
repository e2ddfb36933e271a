//! A plan's links to the fiscal year before it: the lineage its years share and, row by row, the
//! uid of the initiative, goal or activity a row was rolled over from. The store keeps them in
//! its own columns; a plan file carries them so an export and import keeps the years linked.

use std::collections::HashMap;

use super::uid::Uid;

/// The year links of one plan; empty for a plan's first year (or one whose links were not read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearLinks {
    /// The uid of the lineage's first year, for a plan rolled over from another.
    pub lineage: Option<Uid>,
    /// Each linked row's uid → the uid of its row the year before.
    pub previous: HashMap<Uid, Uid>,
}

impl YearLinks {
    /// The row `uid` was rolled over from, when it was.
    pub fn previous_of(&self, uid: Uid) -> Option<Uid> {
        self.previous.get(&uid).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.lineage.is_none() && self.previous.is_empty()
    }
}
