//! Damage checks, and the once-per-process gate that every write passes.
//!
//! A damaged file must not be written to, nor copied over a good backup. Three checks, by
//! cost (measured at 100,000 goals by `cargo bench --bench check`):
//! - before the first write of a process: `PRAGMA quick_check` (every page's structure) and
//!   each index counted against its table, which `quick_check` leaves out;
//! - on every copy, before it gets its name: `PRAGMA integrity_check` of the copy, which also
//!   compares every index entry with its row. The copy is the file page for page, so a good
//!   copy vouches for the file as it was, and the process needs no other check;
//! - on every load: the plan's initiatives and goals counted through their tables, against
//!   what was read through the indexes (an index that lost rows shows a plan of 0 goals).

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

/// The named indexes of `schema.sql`, with their tables: a closed set, so no name from the
/// file is ever put into SQL.
const INDEXES: [(&str, &str); 8] = [
    ("initiative", "initiative_by_plan"),
    ("goal", "goal_by_initiative"),
    ("goal_part", "part_by_goal"),
    ("activity", "activity_by_goal"),
    ("activity_section", "section_by_name"),
    ("change_log", "change_log_by_plan"),
    ("change_log", "change_log_by_entity"),
    ("change_log", "change_log_by_uid"),
];

/// The tables whose UNIQUE constraints have automatic indexes (`sqlite_autoindex_<table>_<n>`).
const TABLES: [&str; 10] = [
    "plan",
    "policy_area",
    "initiative",
    "goal",
    "goal_part",
    "goal_derivation",
    "meeting_note",
    "activity",
    "activity_section",
    "change_log",
];

/// The check before the first write: every page's structure, then every index's row count
/// against its table's. `Some(what was found)` when the file is damaged.
pub fn quick(conn: &Connection) -> rusqlite::Result<Option<String>> {
    if let Some(found) = damage_of(pragma_check(conn, "quick_check"))? {
        return Ok(Some(found));
    }
    damage_of(index_counts(conn))
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
    report
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each index that exists, counted entry by entry, against its table counted row by row.
fn index_counts(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index'")?;
    let present: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (index, table) in present {
        let Some(table) = TABLES.iter().find(|t| **t == table) else {
            continue;
        };
        let known = INDEXES.iter().any(|(t, i)| t == table && *i == index)
            || index
                .strip_prefix(&format!("sqlite_autoindex_{table}_"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !known {
            continue;
        }
        let count = |how: &str| -> rusqlite::Result<i64> {
            conn.query_row(&format!("SELECT count(*) FROM {table} {how}"), [], |r| {
                r.get(0)
            })
        };
        let rows = count("NOT INDEXED")?;
        let entries = count(&format!("INDEXED BY {index}"))?;
        if rows != entries {
            return Ok(Some(format!(
                "the index {index} lists {entries} rows of {table}, which holds {rows}"
            )));
        }
    }
    Ok(None)
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
