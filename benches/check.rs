//! `cargo bench --bench check`: what the damage checks and verified copies cost at 26 and
//! 100,000 goals. Medians of 5, in milliseconds, on files written through the real store
//! (`src/scale.rs`). `TASSEI_BENCH_DIR` keeps the files.
//!
//! - quick_check: the check before a process's first write (`Store::check_before_write`);
//! - integrity_check: the check of every copy, run here on the data file itself;
//! - cross-check: the plan's initiatives and goals counted through their tables, on each load;
//! - load: `Store::load_plan`, cross-check included;
//! - backup: `tassei backup`: copy, integrity_check of the copy, name, prune;
//! - restore: verify the source, copy the file as it was, replace it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tassei::store::Store;

/// (label, initiatives, goals per initiative); 0 initiatives means the bundled 26-goal sheet.
const SIZES: [(&str, usize, usize); 2] = [("26", 0, 0), ("100k", 1000, 100)];
const RUNS: usize = 5;

fn main() {
    let temporary = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("TASSEI_BENCH_DIR")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("bench dir");
    println!("tassei damage checks and verified copies: medians of {RUNS}, ms");
    println!(
        "{:>5} {:>9} {:>12} {:>16} {:>12} {:>9} {:>9} {:>9}",
        "goals",
        "file",
        "quick_check",
        "integrity_check",
        "cross-check",
        "load",
        "backup",
        "restore"
    );
    for (label, initiatives, per) in SIZES {
        let path = dir.join(format!("check-{label}.db"));
        for stale in std::fs::read_dir(&dir).expect("dir").filter_map(Result::ok) {
            if stale
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("check-{label}.db"))
            {
                let _ = std::fs::remove_file(stale.path());
            }
        }
        build(&path, initiatives, per);
        row(label, &path, initiatives > 0);
    }
}

fn build(path: &Path, initiatives: usize, per: usize) {
    let mut store = Store::open(path, "bench").expect("creates");
    if initiatives > 0 {
        store
            .import(&tassei::scale::plan("scale", initiatives, per, 42))
            .expect("imports");
    }
}

fn row(label: &str, path: &Path, generated: bool) {
    let slug = generated.then_some("scale");
    let size = std::fs::metadata(path).expect("file").len();
    let quick = median(|| {
        let store = Store::open(path, "bench").expect("opens");
        time(|| store.check_before_write().expect("good"))
    });
    let sqlite = rusqlite::Connection::open(path).expect("open");
    let integrity = median(|| {
        time(|| {
            let ok: String = sqlite
                .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
                .expect("check");
            assert_eq!(ok, "ok");
        })
    });
    let plan: i64 = sqlite
        .query_row(
            "SELECT id FROM plan WHERE slug = ?1 OR ?1 IS NULL ORDER BY id LIMIT 1",
            [slug],
            |r| r.get(0),
        )
        .expect("plan");
    // The statement `Store::load_plan` runs after reading a plan.
    let cross = median(|| {
        time(|| {
            let _: (i64, i64) = sqlite
                .query_row(
                    "SELECT (SELECT count(*) FROM initiative NOT INDEXED WHERE plan_id = ?1),
                            (SELECT count(*) FROM goal NOT INDEXED
                             WHERE initiative_id IN (SELECT id FROM initiative NOT INDEXED WHERE plan_id = ?1))",
                    [plan],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .expect("counts");
        })
    });
    drop(sqlite);
    let mut store = Store::open(path, "bench").expect("opens");
    let id = store.plan_id(slug).expect("plan");
    let load = median(|| time(|| drop(store.load_plan(id).expect("loads"))));
    let mut copies = Vec::new();
    let backup = median(|| time(|| copies.push(store.backup_now(100).expect("copies"))));
    let source = copies.first().expect("a copy").clone();
    let restore = median(|| {
        time(|| {
            store.restore_from(&source, 100).expect("restores");
        })
    });
    println!(
        "{:>5} {:>6.1} MB {:>12} {:>16} {:>12} {:>9} {:>9} {:>9}",
        label,
        size as f64 / 1e6,
        ms(quick),
        ms(integrity),
        ms(cross),
        ms(load),
        ms(backup),
        ms(restore)
    );
}

fn median(mut sample: impl FnMut() -> Duration) -> Duration {
    let mut samples: Vec<Duration> = (0..RUNS).map(|_| sample()).collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}
