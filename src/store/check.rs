//! Damage checks, and the once-per-process gate that every write passes.
//!
//! A damaged file must not be written to, nor copied over a good backup. Three checks, by
//! cost (measured at 100,000 goals by `cargo bench --bench check`):
//! - before the first write of a process: `PRAGMA quick_check`, every page's structure and
//!   each index's number of entries against its table's rows;
//! - on every copy, before it gets its name: `PRAGMA integrity_check` of the copy, which also
//!   finds each row's entry in each index (an index whose keys are wrong has the right number
//!   of entries). The copy is the file page for page, so a good copy vouches for the file as it
//!   was, and the process needs no other check;
//! - on every load: the plan's initiatives and goals counted through their tables against what
//!   was read through the indexes, so an index with wrong keys cannot show a plan of 0 goals
//!   as if that were so ([`crate::store::Store::load_plan`]).

use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use rusqlite::{Connection, ErrorCode};

/// What the process knows about the file's health.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DamageCheck {
    /// Not checked yet: the first write will check first.
    NotRun,
    /// Checking (in the background beside the TUI); a write waits for the answer.
    Running,
    Passed,
    /// Damaged: what SQLite found. Every write and copy is refused.
    Damaged(String),
}

/// The check before the first write: `quick_check`. `Some(what was found)` when the file is
/// damaged.
pub fn quick(conn: &Connection) -> rusqlite::Result<Option<String>> {
    damage_of(pragma_check(conn, "quick_check"))
}

/// The check of a copy: `integrity_check`, which compares every index entry with its row.
pub fn full(conn: &Connection) -> rusqlite::Result<Option<String>> {
    damage_of(pragma_check(conn, "integrity_check"))
}

/// SQLite's own report of a damaged file is an answer, not a failure of the check.
fn damage_of(checked: rusqlite::Result<Option<String>>) -> rusqlite::Result<Option<String>> {
    match checked {
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
            ) =>
        {
            Ok(Some(one_line(&e.to_string())))
        }
        other => other,
    }
}

/// `PRAGMA quick_check(1)` or `integrity_check(1)`: the first problem, if any, on one line.
fn pragma_check(conn: &Connection, pragma: &str) -> rusqlite::Result<Option<String>> {
    let first: String = conn.query_row(&format!("PRAGMA {pragma}(1)"), [], |r| r.get(0))?;
    Ok((first != "ok").then(|| one_line(&first)))
}

/// SQLite's report as one line: its lines joined, without the `*** in database main ***`
/// heading.
fn one_line(report: &str) -> String {
    let body: Vec<&str> = report
        .lines()
        .filter(|l| !l.trim_start().starts_with("***"))
        .collect();
    crate::text::one_line(body.join("\n"))
}

/// The once-per-process answer, shared with a background check.
#[derive(Debug)]
pub struct Gate {
    state: Mutex<DamageCheck>,
    settled: Condvar,
}

/// What a caller of [`Gate::enter`] is to do.
pub enum Turn {
    /// The answer is known.
    Known(Result<(), String>),
    /// Nobody has checked: this caller checks, then [`Gate::settle`]s.
    Check,
}

impl Gate {
    pub fn new() -> Arc<Gate> {
        Arc::new(Gate {
            state: Mutex::new(DamageCheck::NotRun),
            settled: Condvar::new(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, DamageCheck> {
        // A panic while holding the lock leaves a state that is still meaningful.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The state now, without waiting.
    pub fn status(&self) -> DamageCheck {
        self.lock().clone()
    }

    /// Waits while a check runs elsewhere; then either the answer, or the turn to check.
    pub fn enter(&self) -> Turn {
        let mut state = self.lock();
        loop {
            match &*state {
                DamageCheck::Passed => return Turn::Known(Ok(())),
                DamageCheck::Damaged(found) => return Turn::Known(Err(found.clone())),
                DamageCheck::Running => {
                    state = self.settled.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                DamageCheck::NotRun => {
                    *state = DamageCheck::Running;
                    return Turn::Check;
                }
            }
        }
    }

    /// Claims the check for a background thread; `false` when it ran or runs already.
    pub fn start(&self) -> bool {
        let mut state = self.lock();
        if *state == DamageCheck::NotRun {
            *state = DamageCheck::Running;
            true
        } else {
            false
        }
    }

    /// Records an answer (`None`: the check could not run; the next write tries again).
    pub fn settle(&self, found: Option<Result<(), String>>) {
        let mut state = self.lock();
        *state = match found {
            Some(Ok(())) => DamageCheck::Passed,
            Some(Err(found)) => DamageCheck::Damaged(found),
            None => DamageCheck::NotRun,
        };
        self.settled.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_one_line() {
        assert_eq!(
            one_line(
                "*** in database main ***\nTree 27 page 27 cell 0: Offset 61166 out of range\nPage 30: never used"
            ),
            "Tree 27 page 27 cell 0: Offset 61166 out of range; Page 30: never used"
        );
        assert_eq!(
            one_line("row 1 missing from index goal_by_initiative"),
            "row 1 missing from index goal_by_initiative"
        );
    }
}
