//! Damaged data files, made by the tests from a good one. They are generated, not committed:
//! a binary fixture would be a data file of one schema version and go stale with the next,
//! while these two recipes damage whatever tassei writes today, in the two ways that matter.
// Each test crate that includes this uses some of the recipes.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

/// A copy of `good` (a closed tassei file, in WAL mode as tassei leaves every file) with one
/// page broken: the cell pointers of the index on `goal(uid)`, a page neither loading a plan
/// nor setting a value reads. `PRAGMA quick_check` sees it; a write would not notice.
pub fn with_broken_page(good: &Path, to: &Path) {
    break_root(
        good,
        to,
        "SELECT s.rootpage FROM sqlite_schema s, pragma_index_info(s.name) i
         WHERE s.tbl_name = 'goal' AND s.type = 'index' AND i.name = 'uid'",
    );
}

/// A copy of `good` whose `goal` table's first page is broken: any read of the plan fails.
pub fn with_broken_table(good: &Path, to: &Path) {
    break_root(
        good,
        to,
        "SELECT rootpage FROM sqlite_schema WHERE name = 'goal'",
    );
}

/// Copies `good` to `to` and overwrites the cell pointers of the page `root_query` names.
fn break_root(good: &Path, to: &Path, root_query: &str) {
    fs::copy(good, to).expect("copy");
    let (page_size, root) = {
        let conn = rusqlite::Connection::open(to).expect("open");
        let page_size: i64 = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .expect("page size");
        let root: i64 = conn
            .query_row(root_query, [], |r| r.get(0))
            .expect("the page");
        (page_size, root)
    };
    let mut bytes = fs::read(to).expect("read");
    assert_eq!(bytes[18], 2, "the file is in WAL mode, as tassei leaves it");
    let start = usize::try_from((root - 1) * page_size).expect("offset");
    bytes[start + 8..start + 64].fill(0xEE);
    fs::write(to, bytes).expect("write");
}

/// A copy of `good` whose index `initiative_by_plan` disagrees with its table: as many entries
/// as rows, every page well formed, but the keys are not the rows' (`plan_id + 1000`), so
/// `quick_check` passes and a plan read through the index has 0 goals.
pub fn with_wrong_index_keys(good: &Path, to: &Path) {
    fs::copy(good, to).expect("copy");
    let define = |sql: &str| {
        let conn = rusqlite::Connection::open(to).expect("open");
        conn.execute_batch(&format!(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = '{sql}' WHERE name = 'initiative_by_plan';"
        ))
        .expect("redefine the index");
    };
    // Rebuilt on other keys, then given its real definition back.
    define("CREATE INDEX initiative_by_plan ON initiative(plan_id + 1000, position)");
    rusqlite::Connection::open(to)
        .and_then(|c| c.execute_batch("REINDEX initiative_by_plan"))
        .expect("reindex");
    define("CREATE INDEX initiative_by_plan ON initiative(plan_id, position)");
    let conn = rusqlite::Connection::open(to).expect("open");
    let quick: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .expect("quick check");
    assert_eq!(quick, "ok", "the pages are well formed");
}
