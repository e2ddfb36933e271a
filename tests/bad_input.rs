//! The bad-input table: every bad value, import file, data file and reference gets a one-line
//! message naming the problem, exit code 2, and changes nothing.

use std::fs;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::Command;
use std::process::{Output, Stdio};

mod common;
#[cfg(unix)]
use common::no_config;

#[path = "fixtures/damage.rs"]
mod damage;

struct Case<'a> {
    args: &'a [&'a str],
    /// A part of the message that names the problem.
    says: &'a str,
}

fn tassei(db: &Path, args: &[&str]) -> Output {
    tassei_as(db, "tester", args)
}

/// `tassei` run as the user `actor` (`TASSEI_USER`).
fn tassei_as(db: &Path, actor: &str, args: &[&str]) -> Output {
    common::tassei_as(db, actor)
        .args(args)
        .output()
        .expect("runs")
}

/// Runs a command that must be refused; returns its one-line message.
fn refused(db: &Path, args: &[&str]) -> String {
    let out = tassei(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} must exit 2; it said {stderr:?}"
    );
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr
}

fn export(db: &Path) -> String {
    String::from_utf8(tassei(db, &["export", "--format", "json"]).stdout).expect("utf-8")
}

fn check_table(db: &Path, cases: &[Case]) {
    let before = export(db);
    for case in cases {
        let message = refused(db, case.args);
        assert!(
            message.starts_with("tassei: ") && !message.contains('\n'),
            "one line: {message:?}"
        );
        assert!(
            message.contains(case.says),
            "{:?}: {message:?} should say {:?}",
            case.args,
            case.says
        );
    }
    assert_eq!(export(db), before, "nothing changed");
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tassei.db");
    assert!(tassei(&db, &["summary"]).status.success());
    (dir, db)
}

#[test]
fn values() {
    let (_dir, db) = fresh();
    let forty = "1".repeat(40);
    let set = |v: &'static str| -> [&'static str; 4] { ["set", "1-ア-1", "actual", v] };
    let cases = [
        Case {
            args: &set(""),
            says: "empty: type a number",
        },
        Case {
            args: &set("   "),
            says: "empty: type a number",
        },
        Case {
            args: &set("abc"),
            says: "not a number: \"abc\"",
        },
        Case {
            args: &set("9.0.1"),
            says: "two decimal points",
        },
        Case {
            args: &set("1e400"),
            says: "exponent notation is not accepted",
        },
        Case {
            args: &["set", "1-ア-1", "actual", &forty],
            says: "too many digits",
        },
        Case {
            args: &set("NaN"),
            says: "not a number: \"NaN\"",
        },
        Case {
            args: &set("--5"),
            says: "more than one sign",
        },
        Case {
            args: &set("－ー5"),
            says: "more than one sign",
        },
        Case {
            args: &set("95回"),
            says: "the unit 回 is not this goal's unit (件)",
        },
        Case {
            args: &set("-5"),
            says: "this goal's figures cannot be negative: -5",
        },
        Case {
            args: &set("９，０１6,"),
            says: "commas must separate groups of three digits",
        },
    ];
    check_table(&db, &cases);
    // Mixed full- and half-width digits are a normal IME habit, not bad input: accepted.
    assert!(
        tassei(&db, &["set", "1-ア-1", "actual", "９,５00"])
            .status
            .success()
    );
    assert!(export(&db).contains("\"actual\": \"9500\""));
}

#[test]
fn cli_references() {
    let (_dir, db) = fresh();
    let cases = [
        Case {
            args: &["show", "9-ア-1"],
            says: "no initiative ⑼-ア in this plan",
        },
        Case {
            args: &["show", "1-ア-4"],
            says: "⑴-ア has no goal 4; its goals are 1, 2, 3",
        },
        Case {
            args: &["show", "1-ア-99999999999"],
            says: "expected a goal number",
        },
        Case {
            args: &["show", "zzz"],
            says: "expected a policy area number first",
        },
        Case {
            args: &["activity", "1-ア-1", "3", "status", "done"],
            says: "has no activity 3",
        },
        Case {
            args: &["activity", "1-ア-1", "1", "status", "finished"],
            says: "unknown activity status \"finished\"",
        },
        Case {
            args: &["set", "2-イ-1", "achieved", "maybe"],
            says: "unknown milestone state \"maybe\"",
        },
        Case {
            args: &["set", "1-オ-1", "part", "3", "5"],
            says: "this goal has no part 3",
        },
        Case {
            args: &["--plan", "nope", "summary"],
            says: "no plan \"nope\"",
        },
        Case {
            args: &["--as-of", "2024-02-30", "summary"],
            says: "is not a date",
        },
        Case {
            args: &["--as-of", "0000-01-01", "summary"],
            says: "\"0000-01-01\" is out of range",
        },
        Case {
            args: &["note", "1-ア-1", "due", "R1.4.30"],
            says: "令和 began on 2019-05-01",
        },
        Case {
            args: &["set", "1--ア-1", "actual", "9000"],
            says: "two separators in a row",
        },
        Case {
            args: &["set", "1-ア-1\u{200b}", "actual", "9000"],
            says: "\"1-ア-1<U+200B>\": contains the invisible character U+200B",
        },
        Case {
            args: &["show", "1-\u{202e}ア-1"],
            says: "invisible character U+202E",
        },
    ];
    check_table(&db, &cases);
}

#[test]
fn import_files() {
    let (dir, db) = fresh();
    let file = |name: &str, bytes: &[u8]| -> String {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write");
        path.to_string_lossy().into_owned()
    };
    let bundled = tassei::sheet::BUNDLED.replace("\"id\": \"ibusuki-dx-r5\"", "\"id\": \"other\"");
    // 10,000 levels of nesting where a string belongs: refused at the first level, no recursion.
    let deep = format!(
        r#"{{"format": "tassei-plan/1", "id": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let big = dir.path().join("big.json");
    fs::File::create(&big)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("a 300 MB file (sparse: no disk is used)");
    let paths = [
        (
            file("a.json", b"not json at all"),
            "the file is not valid JSON (expected ident at line 1 column 2)",
        ),
        (
            file(
                "b.json",
                &bundled.as_bytes()[..bundled.find("\"⑵-ア\"").expect("a code")],
            ),
            "the file ends too early: it is cut short",
        ),
        (
            file(
                "b2.json",
                &bundled.as_bytes()[..bundled.find("⑵-ア").expect("a code") + 1],
            ),
            "cut short in the middle of a character",
        ),
        (
            file(
                "c.json",
                bundled
                    .replace("\"fiscal_year\": 2023", "\"fiscal_year\": \"R5\"")
                    .as_bytes(),
            ),
            "fiscal_year: invalid type",
        ),
        (
            file(
                "d.json",
                bundled
                    .replace("\"municipality\": \"指宿市\",", "")
                    .as_bytes(),
            ),
            "missing field `municipality`",
        ),
        (
            file(
                "e.json",
                bundled
                    .replace("\"code\": \"⑴-ウ\"", "\"code\": \"⑴-ア\"")
                    .as_bytes(),
            ),
            "duplicate initiative ⑴-ア",
        ),
        (
            file(
                "f.json",
                bundled
                    .replace(
                        "\"number\": 2,\n          \"page\": 1,",
                        "\"number\": 1,\n          \"page\": 1,",
                    )
                    .as_bytes(),
            ),
            "duplicate goal number 1",
        ),
        (
            file(
                "g.json",
                bundled
                    .replace(
                        "\"formula\": \"composite\",",
                        "\"formula\": \"composite\", \"parts\": [], \"x\": 0,",
                    )
                    .as_bytes(),
            ),
            "unknown field `x`",
        ),
        (
            file("h.json", deep.as_bytes()),
            "id: invalid type: sequence, expected a string",
        ),
        (
            file("i.json", &[0x7b, 0xff, 0xfe, 0x7d]),
            "is not UTF-8 text",
        ),
        (
            file(
                "j.json",
                bundled
                    .replace("各種行政手続のオンライン化", "各種\\u001b[2J行政")
                    .as_bytes(),
            ),
            "contains the control character U+001B",
        ),
        (
            file(
                "k.json",
                bundled
                    .replace(
                        "\"title\": \"文書の押印省略を実施する\"",
                        "\"title\": \"文書の押印\\u0007省略\"",
                    )
                    .as_bytes(),
            ),
            "U+0007",
        ),
        (
            big.to_string_lossy().into_owned(),
            "is 300 MB; a plan file is at most 256 MB",
        ),
        // What `tassei set` refuses, a file cannot bring in.
        (
            file(
                "m.json",
                bundled
                    .replacen("\"actual\": \"9,016\"", "\"actual\": \"-9,016\"", 1)
                    .as_bytes(),
            ),
            "initiatives[0].goals[0].actual: this goal's figures cannot be negative: -9,016; if they may be, add \"allow_negative\": true to the goal",
        ),
        (
            file(
                "n.json",
                bundled
                    .replacen("\"actual\": \"9,016\"", "\"actual\": \"9.016\"", 1)
                    .as_bytes(),
            ),
            "initiatives[0].goals[0].actual: \"9.016\" could be 9.016 or 9,016; write 9016 or 9.016",
        ),
        (
            file(
                "o.json",
                bundled
                    .replace("\"id\": \"other\"", "\"id\": \"other\\u200b\"")
                    .as_bytes(),
            ),
            "id: contains the invisible character U+200B; remove it",
        ),
    ];
    let before = export(&db);
    for (path, says) in &paths {
        let message = refused(&db, &["import", path]);
        assert!(
            message.contains(says),
            "{path}: {message:?} should say {says:?}"
        );
    }
    // A composite goal without parts is refused with its path.
    let no_parts = bundled.replace(
        "\"parts\": [\n            { \"label\": \"開催回数\", \"unit\": \"回\", \"target\": \"6\", \"actual\": \"13\", \"note\": \"協働推進係７回，社会教育係６回\" },\n            { \"label\": \"参加者数\", \"unit\": \"名\", \"target\": \"60\", \"actual\": \"263\", \"note\": \"協働推進係82名，社会教育係181名\" }\n          ],",
        "\"parts\": [],",
    );
    let message = refused(&db, &["import", &file("l.json", no_parts.as_bytes())]);
    assert!(
        message.contains("initiatives[2].goals[0].parts: a composite goal needs at least one part"),
        "{message}"
    );
    assert_eq!(export(&db), before, "nothing was imported");
    assert!(
        String::from_utf8_lossy(&tassei(&db, &["plans"]).stdout)
            .lines()
            .count()
            == 1
    );
}

/// A second copy of the data file with one of its pages overwritten.
#[cfg(unix)]
fn corrupt_goal_page(db: &Path, to: &Path) {
    fs::copy(db, to).expect("copy");
    let conn = rusqlite::Connection::open(to).expect("open");
    let (page_size, root): (i64, i64) = (
        conn.query_row("PRAGMA page_size", [], |r| r.get(0))
            .expect("page size"),
        conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'goal'",
            [],
            |r| r.get(0),
        )
        .expect("root"),
    );
    conn.execute_batch("PRAGMA journal_mode = DELETE")
        .expect("no wal");
    drop(conn);
    let mut bytes = fs::read(to).expect("read");
    let start = usize::try_from((root - 1) * page_size).expect("offset");
    bytes[start..start + 64].fill(0xEE);
    fs::write(to, bytes).expect("write");
}

/// Runs as the unprivileged `nobody` when the tests run as root (root ignores permissions).
#[cfg(unix)]
fn as_unprivileged(db: &Path, args: &[&str]) -> Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_tassei"),
        ]);
        common::pin_english(&mut c);
        c
    } else {
        common::bare()
    };
    cmd.args(args)
        .env("TASSEI_DB", db)
        .env("TASSEI_CONFIG", no_config(db))
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

#[cfg(unix)]
#[test]
fn data_files() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = fresh();
    let set = ["set", "1-ア-1", "actual", "9500"];

    let truncated = dir.path().join("truncated.db");
    fs::copy(&db, &truncated).expect("copy");
    fs::File::options()
        .write(true)
        .open(&truncated)
        .and_then(|f| f.set_len(8192))
        .expect("truncate");
    assert!(
        refused(&truncated, &["summary"])
            .contains("is damaged (database disk image is malformed); nothing was changed")
    );

    let corrupted = dir.path().join("corrupted.db");
    corrupt_goal_page(&db, &corrupted);
    let before = fs::read(&corrupted).expect("read");
    let message = refused(&corrupted, &set);
    assert!(
        message.contains("damaged") && message.contains("nothing was changed"),
        "{message}"
    );
    // SQLite's own diagnosis spans lines; the clerk gets it on one.
    assert!(!message.contains('\n'), "one line: {message:?}");
    assert!(
        fs::read(&corrupted).expect("read") == before,
        "the damaged file is left as it was"
    );

    // Read-only file, and a writable file in a read-only folder: tested as an unprivileged user.
    let open_dir = dir.path().join("open");
    fs::create_dir(&open_dir).expect("dir");
    let read_only = open_dir.join("ro.db");
    fs::copy(&db, &read_only).expect("copy");
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).expect("chmod");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::set_permissions(&open_dir, fs::Permissions::from_mode(0o777)).expect("chmod");
    let out = as_unprivileged(&read_only, &set);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("is read-only, and tassei writes every edit to it")
    );

    let closed_dir = dir.path().join("closed");
    fs::create_dir(&closed_dir).expect("dir");
    let in_closed = closed_dir.join("x.db");
    fs::copy(&db, &in_closed).expect("copy");
    fs::set_permissions(&in_closed, fs::Permissions::from_mode(0o666)).expect("chmod");
    fs::set_permissions(&closed_dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    let out = as_unprivileged(&in_closed, &set);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("its folder must be writable"),
        "{:?}",
        out
    );
    fs::set_permissions(&closed_dir, fs::Permissions::from_mode(0o755)).expect("chmod back");

    // Locked by another writer for longer than the busy timeout: a clear message, nothing written.
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let out = common::bare()
        .args(set)
        .env("TASSEI_DB", &db)
        .env("TASSEI_CONFIG", no_config(&db))
        .env("TASSEI_BUSY_TIMEOUT_MS", "200")
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "busy is not the clerk's input; try again"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the data file is busy: another tassei is writing to it")
    );
    conn.execute_batch("ROLLBACK").expect("release");
    drop(conn);
    assert!(
        export(&db).contains("\"actual\": \"9016\""),
        "nothing was written while it was locked"
    );

    assert!(refused(dir.path(), &["summary"]).contains("is a directory, not a data file"));
}

/// The dated copies beside a data file, with their bytes.
fn copies(db: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    tassei::store::backups(db)
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

/// `name` beside `db`.
fn beside(db: &Path, name: &str) -> PathBuf {
    db.with_file_name(name)
}

/// A week of copies from earlier days, as the daily copy leaves them.
fn a_week_of_copies(db: &Path) {
    let name = db.file_name().expect("name").to_string_lossy().into_owned();
    for day in 1..=7 {
        fs::copy(db, beside(db, &format!("{name}.bak-2026-11-0{day}"))).expect("copy");
    }
}

/// Makes a damaged copy of a good file (`tests/fixtures/damage.rs`).
type Recipe = fn(&Path, &Path);

#[test]
fn damaged_files_are_refused_before_a_write_and_never_copied_over_a_good_copy() {
    let (dir, good) = fresh();
    let recipes: [(&str, Recipe); 3] = [
        ("page.db", damage::with_broken_page),
        ("index.db", damage::with_wrong_index_keys),
        ("table.db", damage::with_broken_table),
    ];
    for (name, damage) in recipes {
        let db = dir.path().join(name);
        fs::copy(&good, &db).expect("copy");
        a_week_of_copies(&db);
        damage(&good, &db);
        // The copy an older tassei made of the damaged file: not a good copy to name.
        fs::copy(&db, beside(&db, &format!("{name}.bak-2026-11-08"))).expect("copy");
        let before = fs::read(&db).expect("read");
        let kept = copies(&db);
        let newest = beside(&db, &format!("{name}.bak-2026-11-07"));
        let names_the_copy = |message: &str| {
            assert!(
                message.contains(&format!("{} is damaged (", db.display()))
                    && message.contains("nothing was changed and its good copies were kept")
                    && message.contains(&format!(
                        "tassei --db {} restore {}",
                        db.display(),
                        newest.display()
                    ))
                    && !message.contains('\n'),
                "{name}: {message}"
            );
        };
        // Every tassei file is in WAL mode: the check runs all the same.
        names_the_copy(&refused(&db, &["set", "1-ア-1", "actual", "9500"]));
        names_the_copy(&refused(&db, &["backup"]));
        names_the_copy(&refused(
            &db,
            &["activity", "1-ア-1", "1", "status", "done"],
        ));
        if name == "page.db" {
            // An import writes too: refused the same way, exit 2 (it was 1).
            let plan = dir.path().join("other.json");
            let sheet = include_str!("../assets/plans/ibusuki-dx-r5.json").replacen(
                "\"ibusuki-dx-r5\"",
                "\"other-plan\"",
                1,
            );
            fs::write(&plan, sheet).expect("plan file");
            let plan = plan.to_string_lossy().into_owned();
            names_the_copy(&refused(&db, &["import", &plan]));
        }
        let summary = tassei(&db, &["summary"]);
        let stderr = String::from_utf8_lossy(&summary.stderr);
        if name != "page.db" {
            // Read through the index, the plan would show "(0 goals)"; the broken table
            // cannot be read at all.
            assert_eq!(summary.status.code(), Some(2), "{stderr}");
            assert!(summary.stdout.is_empty());
            names_the_copy(stderr.trim_end());
            assert!(
                name != "index.db"
                    || stderr
                        .contains("its index lists 0 initiatives of this plan, its table holds 9")
            );
        } else {
            // A read goes on, warned once: the day's copy found the damage and was not made.
            assert!(summary.status.success(), "{stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(stderr.starts_with("tassei: warning: "), "{stderr}");
            names_the_copy(stderr.trim_end());
        }
        assert!(
            fs::read(&db).expect("read") == before,
            "{name} is left as it was"
        );
        assert!(
            copies(&db) == kept,
            "{name}: no damaged copy made, no good copy pruned"
        );
    }
}

#[test]
fn a_restore_reads_its_source_before_pruning_and_refuses_a_damaged_one() {
    let (dir, db) = fresh();
    // Seven copies: today's, and six of earlier days, the oldest holding 9001.
    let mut oldest = None;
    for day in 1..=6 {
        assert!(
            tassei(&db, &["set", "1-ア-1", "actual", &format!("900{day}")])
                .status
                .success()
        );
        let copy = beside(&db, &format!("tassei.db.bak-2026-11-0{day}"));
        fs::copy(&db, &copy).expect("copy");
        oldest.get_or_insert(copy);
    }
    assert_eq!(tassei::store::backups(&db).len(), 7);
    let oldest = oldest.expect("the oldest copy");

    // A damaged copy is refused before anything is replaced or copied.
    let damaged = dir.path().join("damaged.db");
    damage::with_broken_page(&db, &damaged);
    let before = export(&db);
    let message = refused(&db, &["restore", &damaged.to_string_lossy(), "--yes"]);
    assert!(
        message.contains("cannot restore from that file:")
            && message.contains(&format!("{} is damaged (", damaged.display()))
            && !message.contains('\n'),
        "{message}"
    );
    let emptied = dir.path().join("emptied.db");
    damage::with_wrong_index_keys(&db, &emptied);
    assert!(
        refused(&db, &["restore", &emptied.to_string_lossy(), "--yes"])
            .contains("is damaged (row 1 missing from index initiative_by_plan")
    );
    assert_eq!(export(&db), before, "nothing was replaced");
    assert_eq!(tassei::store::backups(&db).len(), 7, "and nothing copied");

    // The oldest of seven copies: read first, never pruned by the copy made before replacing.
    let out = tassei(&db, &["restore", &oldest.to_string_lossy(), "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(export(&db).contains("\"actual\": \"9001\""));
    assert!(oldest.exists(), "the copy restored from is kept");
    let newest = tassei::store::backups(&db)
        .pop()
        .expect("the copy made before");
    assert!(export(&newest).contains("\"actual\": \"9006\""));
}

#[test]
fn a_db_that_looks_like_an_sqlite_uri_is_a_file_of_that_name() {
    let dir = tempfile::tempdir().expect("dir");
    let name = "file:x.db?mode=memory";
    let run = |args: &[&str]| {
        common::bare()
            .args(["--db", name])
            .args(args)
            .current_dir(dir.path())
            .env_remove("TASSEI_DB")
            .env("TASSEI_USER", "tester")
            .env("TASSEI_CONFIG", dir.path().join("config.toml"))
            .stdin(Stdio::null())
            .output()
            .expect("runs")
    };
    assert!(run(&["set", "1-ア-1", "actual", "9500"]).status.success());
    let file = dir.path().join(name);
    let bytes = fs::read(&file).expect("the data file is on disk under that name");
    assert!(bytes.starts_with(b"SQLite format 3\0"), "not an empty file");
    let exported = String::from_utf8(run(&["export", "--format", "json"]).stdout).expect("utf-8");
    assert!(
        exported.contains("\"actual\": \"9500\""),
        "the edit was kept"
    );
    // Copies and restores reach SQLite as paths too.
    assert!(run(&["backup"]).status.success());
    let copy = tassei::store::backups(&file).pop().expect("a copy");
    assert!(run(&["set", "1-ア-1", "actual", "9600"]).status.success());
    let out = run(&["restore", &copy.to_string_lossy(), "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = String::from_utf8(run(&["export", "--format", "json"]).stdout).expect("utf-8");
    assert!(exported.contains("\"actual\": \"9500\""));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn data_files_and_their_journals_are_private_and_the_default_folder_is_0700() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = fresh();
    // An existing file open to others, with its journal files (another window has it open).
    let window = rusqlite::Connection::open(&db).expect("open");
    let _: i64 = window
        .query_row("SELECT count(*) FROM goal", [], |r| r.get(0))
        .expect("read");
    let journals = [beside(&db, "tassei.db-wal"), beside(&db, "tassei.db-shm")];
    for file in std::iter::once(&db).chain(&journals) {
        fs::set_permissions(file, fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let out = tassei(&db, &["summary"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "tassei: note: {} was readable by other accounts (mode 644); it is now readable by you only (600), as tassei keeps every data file and copy",
            db.display()
        )
    );
    for file in std::iter::once(&db).chain(&journals) {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    assert!(tassei(&db, &["summary"]).stderr.is_empty(), "said once");
    drop(window);

    // The default data folder, created by tassei: its owner's only.
    let home = dir.path().join("home");
    let out = common::bare()
        .arg("summary")
        .env_remove("TASSEI_DB")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TASSEI_CONFIG", no_config(&db))
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&home.join("data").join("tassei")), 0o700);
    assert_eq!(
        mode(&home.join("data").join("tassei").join("tassei.db")),
        0o600
    );

    // A folder named with --db is made as any other folder would be (it may be shared).
    let named = dir.path().join("shared").join("sub");
    assert!(tassei(&named.join("t.db"), &["summary"]).status.success());
    let reference = dir.path().join("reference");
    fs::create_dir(&reference).expect("dir");
    assert_eq!(mode(&named), mode(&reference));
}

#[cfg(unix)]
#[test]
fn leftovers_are_cleared_and_only_this_files_dated_copies_count() {
    let (_dir, db) = fresh();
    a_week_of_copies(&db);
    // A copy killed half-way (with its journal), and one that a live process is writing.
    let abandoned = beside(&db, "tassei.db.bak-2026-11-08T101010.partial");
    fs::write(&abandoned, "half a copy").expect("write");
    fs::File::options()
        .write(true)
        .open(&abandoned)
        .and_then(|f| {
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        })
        .expect("killed a minute ago");
    fs::write(
        beside(&db, "tassei.db.bak-2026-11-08T101010.partial-journal"),
        "j",
    )
    .expect("write");
    let held = beside(&db, "tassei.db.bak-2026-11-09T101010.partial");
    fs::write(&held, "being written").expect("write");
    let holder = fs::File::options().write(true).open(&held).expect("open");
    holder
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        .expect("a minute old: kept only because it is held");
    holder
        .try_lock()
        .expect("held by this test, as by a live tassei");
    // The oldest copy is open in another window: its -wal and -shm are that window's.
    let oldest = beside(&db, "tassei.db.bak-2026-11-01");
    let window = rusqlite::Connection::open(&oldest).expect("open");
    let _: i64 = window
        .query_row("SELECT count(*) FROM goal", [], |r| r.get(0))
        .expect("read");
    let journals = [
        beside(&db, "tassei.db.bak-2026-11-01-wal"),
        beside(&db, "tassei.db.bak-2026-11-01-shm"),
    ];

    let out = tassei(&db, &["backup"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!abandoned.exists(), "an abandoned partial is cleared");
    assert!(!beside(&db, "tassei.db.bak-2026-11-08T101010.partial-journal").exists());
    assert!(held.exists(), "a partial someone holds is theirs");
    assert!(oldest.exists(), "a copy open elsewhere is not pruned");
    for journal in &journals {
        assert!(
            journal.exists(),
            "{} belongs to the other window",
            journal.display()
        );
    }
    // Copies are kept by day: the newest seven days (11-02 … 11-07 and today), and the oldest
    // day's copy only because another window has it open.
    assert!(
        beside(&db, "tassei.db.bak-2026-11-02").exists(),
        "a copy of the newest seven days is kept, whatever else is open"
    );
    drop(window);
    drop(holder);

    // A copy opened with tassei gets no copy of its own.
    let copy = beside(&db, "tassei.db.bak-2026-11-03");
    assert!(tassei(&copy, &["summary"]).status.success());
    let copies_of_copy = fs::read_dir(db.parent().expect("folder"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("tassei.db.bak-2026-11-03.bak-")
        })
        .count();
    assert_eq!(copies_of_copy, 0);
}

/// A tiny file system for the disk-full case, unmounted however the test ends.
#[cfg(target_os = "linux")]
struct TinyDisk(PathBuf);

#[cfg(target_os = "linux")]
impl TinyDisk {
    /// `None` where mounting is not allowed (not root, or a sandbox without it).
    fn mount(at: PathBuf) -> Option<TinyDisk> {
        fs::create_dir_all(&at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=700k", "tmpfs"])
            .arg(&at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyDisk(at))
    }
}

#[cfg(target_os = "linux")]
impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_saves_nothing_says_so_and_damages_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let Some(disk) = TinyDisk::mount(dir.path().join("tiny")) else {
        eprintln!("skipped: this machine does not allow mounting a small tmpfs to fill");
        return;
    };
    let db = disk.0.join("tassei.db");
    assert!(tassei(&db, &["summary"]).status.success());
    let big = "あ".repeat(20_000);
    let mut saved = Vec::new();
    let mut full = None;
    for day in 1..=12 {
        let date = format!("2026-11-{day:02}");
        let out = tassei(
            &db,
            &[
                "note",
                "1-ア-1",
                "decision",
                &format!("{big}{day}"),
                "--date",
                &date,
            ],
        );
        if out.status.success() {
            saved.push(day);
        } else {
            full = Some(out);
            break;
        }
    }
    eprintln!("disk full after {} saved notes", saved.len());
    assert!(!saved.is_empty(), "some notes fit before the disk fills");
    let out = full.expect("the disk fills up");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a full disk is not the clerk's input"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the disk is full, so nothing was saved"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(integrity, "ok");
    let notes: i64 = conn
        .query_row("SELECT count(*) FROM meeting_note", [], |r| r.get(0))
        .expect("count");
    assert_eq!(
        usize::try_from(notes).ok(),
        Some(saved.len()),
        "every acknowledged note is there"
    );
    let partial = fs::read_dir(&disk.0)
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
    assert!(!partial, "no half-written backup is left behind");
    let empty_backups = tassei::store::backups(&db)
        .iter()
        .any(|b| fs::metadata(b).map(|m| m.len() == 0).unwrap_or(true));
    assert!(!empty_backups, "no empty file pretends to be a backup");
}

/// A full disk where the day's backup copy does not fit but an edit does: the warning must not
/// say "nothing was saved" and then the edit say "saved".
#[cfg(target_os = "linux")]
#[test]
fn a_backup_that_does_not_fit_is_not_an_edit_that_was_not_saved() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("dir");
    let Some(disk) = TinyDisk::mount(dir.path().join("tiny")) else {
        eprintln!("skipped: this machine does not allow mounting a small tmpfs to fill");
        return;
    };
    let db = disk.0.join("tassei.db");
    assert!(tassei(&db, &["summary"]).status.success());
    for backup in tassei::store::backups(&db) {
        fs::remove_file(backup).expect("no copy yet today");
    }
    // Fill the disk, then give back less room than a copy of the file needs.
    let fill = disk.0.join("fill");
    let mut file = fs::File::create(&fill).expect("fill");
    while file.write_all(&[0u8; 4096]).is_ok() {}
    let full = file.metadata().expect("size").len();
    let room = 120 * 1024;
    assert!(
        fs::metadata(&db).expect("db").len() > room,
        "a copy cannot fit"
    );
    file.set_len(full.saturating_sub(room))
        .expect("room for an edit");
    drop(file);

    let out = tassei(&db, &["set", "1-ア-1", "actual", "9500"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the edit fits: {stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("saved "));
    assert_eq!(
        stderr.trim_end(),
        "tassei: warning: the disk is full, so today's backup copy was not made; free some space (your edits are not affected)"
    );
    assert!(export(&db).contains("\"actual\": \"9500\""));
}

/// Found by an adversarial pass: copies dated after today made `tassei backup` and `restore`
/// prune the copy they had just made (while saying they kept it); a restore pruned the next
/// copy a clerk trying copies one by one had not tried yet; seven backups in one day pruned
/// every earlier day. Copies are now kept by day, a copy dated in the future counts as the
/// oldest, and the copy just made and a restore's source are never pruned.
#[test]
fn copies_are_kept_by_day_and_the_copy_just_made_is_never_pruned() {
    // Seven copies dated after today (a clock that once ran ahead).
    let (_dir, db) = fresh();
    for day in 1..=7 {
        fs::copy(&db, beside(&db, &format!("tassei.db.bak-2099-01-0{day}"))).expect("copy");
    }
    let out = tassei(&db, &["backup"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let made = said
        .split(" to ")
        .nth(1)
        .map(|s| PathBuf::from(s.trim()))
        .expect("the copy is named");
    assert!(made.exists(), "the copy just made is kept: {said}");

    // Restoring copies one by one never removes one not yet tried.
    let (_dir, db) = fresh();
    a_week_of_copies(&db);
    for day in 1..=7 {
        let copy = beside(&db, &format!("tassei.db.bak-2026-11-0{day}"));
        let out = tassei(&db, &["restore", &copy.to_string_lossy(), "--yes"]);
        assert!(
            out.status.success(),
            "restore of day {day}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for later in day..=7 {
            assert!(
                beside(&db, &format!("tassei.db.bak-2026-11-0{later}")).exists(),
                "after restoring day {day}, day {later} is still there"
            );
        }
    }

    // Seven backups in one day keep the earlier days.
    let (_dir, db) = fresh();
    a_week_of_copies(&db);
    for _ in 0..7 {
        assert!(tassei(&db, &["backup"]).status.success());
    }
    for day in 2..=7 {
        assert!(
            beside(&db, &format!("tassei.db.bak-2026-11-0{day}")).exists(),
            "day {day} survives a day of backups"
        );
    }
}

/// Found by an adversarial pass: `export --output` and `minutes --output` wrote over the data
/// file itself (also through a symlink) and over dated copies, and said "wrote 26 goals".
#[cfg(unix)]
#[test]
fn an_output_file_is_never_the_data_file_nor_a_database() {
    let (dir, db) = fresh();
    assert!(
        tassei(&db, &["note", "1-ア-1", "decision", "継続"])
            .status
            .success()
    );
    let alias = dir.path().join("alias.db");
    std::os::unix::fs::symlink(&db, &alias).expect("symlink");
    let copy = tassei::store::backups(&db).pop().expect("today's copy");
    let before = (fs::read(&db).expect("read"), fs::read(&copy).expect("read"));
    for target in [&db, &alias, &copy] {
        let target = target.to_string_lossy().into_owned();
        for args in [
            vec!["export", "--format", "csv", "--output", &target],
            vec!["minutes", "--output", &target],
        ] {
            let said = refused(&db, &args);
            assert!(said.contains("nothing was written"), "{args:?}: {said}");
        }
    }
    assert!(
        (fs::read(&db).expect("read"), fs::read(&copy).expect("read")) == before,
        "the data file and its copy are as they were"
    );
    let csv = dir.path().join("out.csv");
    let out = tassei(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--output",
            &csv.to_string_lossy(),
        ],
    );
    assert!(out.status.success(), "an ordinary file is written");
    assert!(
        fs::read(&csv)
            .expect("read")
            .starts_with("\u{feff}".as_bytes())
    );
}

/// Found by an adversarial pass: an edit to a dated copy (`--db tassei.db.bak-…`, easy with tab
/// completion) said "saved" and was gone at the next pruning. A copy is read, never written.
#[test]
fn a_copy_is_read_never_written() {
    let (_dir, db) = fresh();
    let copy = tassei::store::backups(&db).pop().expect("today's copy");
    let before = fs::read(&copy).expect("read");
    let said = refused(&copy, &["set", "1-ア-1", "actual", "7777"]);
    assert!(
        said.contains("is a copy tassei made of")
            && said.contains(&format!("restore {}", copy.display()))
            && said.contains("nothing was changed"),
        "{said}"
    );
    assert!(
        tassei(&copy, &["summary"]).status.success(),
        "a copy can be read"
    );
    assert!(
        fs::read(&copy).expect("read") == before,
        "and stays as it was"
    );
}

/// Found by an adversarial pass: a user name with a line break or an escape sequence split
/// `tassei log`'s lines and reached the terminal. The name is written with its control
/// characters named.
#[test]
fn a_user_name_cannot_split_a_log_line_nor_drive_the_terminal() {
    let (_dir, db) = fresh();
    let out = tassei_as(
        &db,
        "evil\u{1b}[31mred\nfake line",
        &["set", "1-ア-1", "actual", "9500"],
    );
    assert!(out.status.success());
    let log = tassei(&db, &["log", "1-ア-1"]);
    let text = String::from_utf8_lossy(&log.stdout).into_owned();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    let line = text.lines().last().expect("a line");
    assert!(
        line.contains("evil^[[31mred^Jfake line") && line.contains("9,500"),
        "one line, the name shown: {line:?}"
    );
}

/// Found by an adversarial pass: a `--db` that is a symlink made copies beside the link and
/// beside the file, two pools for one file. A symlink is followed to its file.
#[cfg(unix)]
#[test]
fn a_symlinked_data_file_has_its_copies_beside_the_file() {
    let (dir, db) = fresh();
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    assert!(tassei(&link, &["backup"]).status.success());
    let beside_link = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("link.db.bak-"));
    assert!(!beside_link, "no second pool of copies beside the link");
    assert_eq!(
        tassei::store::backups(&db).len(),
        2,
        "today's copy and the backup"
    );
}
