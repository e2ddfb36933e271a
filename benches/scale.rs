//! `cargo bench`: how tassei feels at 26, 10,000 and 100,000 goals. Each size runs in its own
//! process (for an honest peak-memory figure) and prints one row of the table; then, in another
//! process, one row of the handout-and-collect table (`scale/exchange.rs`), and in two more one
//! row of the plan file's (`scale/planfile.rs`: export, then import into a new data file). Data
//! files are built through the real store: the plan imported, then a history of logged edits.
//!
//! `TASSEI_BENCH_ROWS=tui`, `=exchange` or `=planfile` (or a list, `tui,planfile`) runs those
//! tables only; `TASSEI_BENCH_SIZES=10k,100k` only those sizes.

#[path = "scale/exchange.rs"]
mod exchange;
#[path = "scale/planfile.rs"]
mod planfile;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rust_decimal::Decimal;
use tassei::model::{CalendarDate, Value};
use tassei::report::export::{records, write_csv, write_json};
use tassei::store::{Edit, Store};
use tassei::tui::app::App;
use tassei::tui::theme::Theme;

/// (label, initiatives, goals per initiative); 0 initiatives means the bundled 26-goal sheet.
const SIZES: [(&str, usize, usize); 3] = [("26", 0, 0), ("10k", 100, 100), ("100k", 1000, 100)];
const HISTORY: usize = 1_000;

fn main() {
    // The parent runs children per size: one builds the data file, one measures it, so the
    // measuring process's peak memory is the clerk's session alone, and one runs the handout
    // and the collect.
    if let (Ok(size), Ok(file)) = (
        std::env::var("TASSEI_BENCH_SIZE"),
        std::env::var("TASSEI_BENCH_FILE"),
    ) {
        let file = PathBuf::from(file);
        if std::env::var_os("TASSEI_BENCH_BUILD").is_some() {
            build(&file, size_of(&size));
        } else if let Ok(which) = std::env::var("TASSEI_BENCH_PLANFILE") {
            let (initiatives, _) = size_of(&size);
            let slug = (initiatives > 0).then_some("scale");
            planfile::step(&which, &file, slug, if initiatives >= 1000 { 1 } else { 3 });
        } else if std::env::var_os("TASSEI_BENCH_EXCHANGE").is_some() {
            run_exchange(&size, &file);
        } else {
            run_size(&size, &file);
        }
        return;
    }
    // TASSEI_BENCH_ROWS=tui|exchange|planfile (or a list) runs those tables (all by default);
    // TASSEI_BENCH_SIZES=10k,100k runs only those sizes (26, 10k, 100k by default).
    let rows = std::env::var("TASSEI_BENCH_ROWS").unwrap_or_default();
    let table = |name: &str| rows.is_empty() || rows.split(',').any(|r| r.trim() == name);
    let (tui_rows, exchange_rows, plan_rows) = (table("tui"), table("exchange"), table("planfile"));
    let sizes = std::env::var("TASSEI_BENCH_SIZES").unwrap_or_default();
    let chosen = |label: &str| sizes.is_empty() || sizes.split(',').any(|s| s.trim() == label);
    if tui_rows {
        tui_header();
    }
    let exe = std::env::current_exe().expect("the bench binary");
    // TASSEI_BENCH_DIR keeps the data files (bench-26.db, bench-10k.db, bench-100k.db), e.g. to
    // compare with sqlite3 and VisiData as the README describes.
    let temporary = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("TASSEI_BENCH_DIR")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let mut exchange = Vec::new();
    let mut plan_files = Vec::new();
    for (label, _, _) in SIZES.into_iter().filter(|(l, _, _)| chosen(l)) {
        let file = dir.join(format!("bench-{label}.db"));
        let _ = std::fs::remove_file(&file);
        let built = Command::new(&exe)
            .env("TASSEI_BENCH_SIZE", label)
            .env("TASSEI_BENCH_FILE", &file)
            .env("TASSEI_BENCH_BUILD", "1")
            .output()
            .expect("builds a size");
        if !built.status.success() {
            eprintln!("{label}: {}", String::from_utf8_lossy(&built.stderr));
            continue;
        }
        if tui_rows {
            let out = Command::new(&exe)
                .env("TASSEI_BENCH_SIZE", label)
                .env("TASSEI_BENCH_FILE", &file)
                .output()
                .expect("runs a size");
            if !out.status.success() {
                eprintln!("{label}: {}", String::from_utf8_lossy(&out.stderr));
            }
            print!("{}", String::from_utf8_lossy(&out.stdout));
        }
        // The handout and the collect, in a process of their own (their peak memory is theirs),
        // after the TUI's rows: they add handouts and a collect to the data file.
        if exchange_rows {
            let out = Command::new(&exe)
                .env("TASSEI_BENCH_SIZE", label)
                .env("TASSEI_BENCH_FILE", &file)
                .env("TASSEI_BENCH_EXCHANGE", "1")
                .output()
                .expect("runs a size's exchange");
            if !out.status.success() {
                eprintln!("{label}: {}", String::from_utf8_lossy(&out.stderr));
            }
            exchange.push(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        // After the exchange rows, if they ran: the plan file carries what a collect wrote.
        if plan_rows {
            plan_files.push(planfile::row(&exe, label, &file, &dir));
        }
    }
    if exchange_rows {
        exchange::header();
        for row in exchange {
            print!("{row}");
        }
    }
    if plan_rows {
        planfile::header();
        for row in plan_files {
            print!("{row}");
        }
    }
}

fn tui_header() {
    println!("tassei benchmark: medians in ms; 120x40 frames; commits with synchronous=FULL");
    println!(
        "  key: a key and its frame; done: a key to its complete results (slowest of a typed query)"
    );
    println!(
        "{:>5} {:>7} {:>10} {:>7} {:>8} {:>11} {:>8} {:>10} {:>11} {:>7} {:>8} {:>7} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "goals",
        "file",
        "open→frame",
        "move",
        "move far",
        "edit+commit",
        "finder",
        "finder key",
        "finder done",
        "/ key",
        "/ done",
        "json",
        "csv",
        "xlsx",
        "xlsx MB",
        "peak RSS",
        "RSS/file"
    );
}

fn run_exchange(label: &str, path: &Path) {
    let (initiatives, _) = size_of(label);
    let slug = (initiatives > 0).then_some("scale");
    exchange::run(label, path, slug, initiatives >= 1000);
    std::io::stdout().flush().expect("flush");
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new_with_kind(
        code,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    )));
}

fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| tassei::tui::view::draw(f, app))
        .expect("draws");
}

/// (initiatives, goals per initiative) of a size's label.
fn size_of(label: &str) -> (usize, usize) {
    SIZES
        .iter()
        .find(|(l, _, _)| *l == label)
        .map(|(_, initiatives, per)| (*initiatives, *per))
        .expect("a known size")
}

fn run_size(label: &str, path: &Path) {
    let slug = (size_of(label).0 > 0).then_some("scale");
    let dir = tempfile::tempdir().expect("dir");
    let today = CalendarDate::new(2026, 11, 24).expect("date");

    let open = |terminal: &mut Terminal<TestBackend>| -> App {
        let store = Store::open(path, "bench").expect("opens");
        let id = store.plan_id(slug).expect("plan");
        let plan = store.load_plan(id).expect("loads");
        let mut app = App::new(store, plan, today, Theme::colored());
        draw(&mut app, terminal);
        app
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    // Timed to the first frame; the App is dropped after the clock stops.
    let open_to_frame = median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                let app = open(&mut terminal);
                let elapsed = start.elapsed();
                drop(app);
                elapsed
            })
            .collect(),
    );
    let mut app = open(&mut terminal);

    let moves = median(
        (0..200)
            .map(|_| {
                time(|| {
                    key(&mut app, KeyCode::Down);
                    draw(&mut app, &mut terminal);
                })
            })
            .collect(),
    );
    let far = median(
        (0..20)
            .map(|k| {
                time(|| {
                    key(
                        &mut app,
                        if k % 2 == 0 {
                            KeyCode::End
                        } else {
                            KeyCode::Home
                        },
                    );
                    draw(&mut app, &mut terminal);
                })
            })
            .collect(),
    );
    let edits = median(
        (0..20)
            .map(|k| {
                time(|| {
                    key(&mut app, KeyCode::Enter);
                    for _ in 0..12 {
                        key(&mut app, KeyCode::Backspace);
                    }
                    for c in format!("{}", 9000 + k).chars() {
                        key(&mut app, KeyCode::Char(c));
                    }
                    key(&mut app, KeyCode::Enter);
                    draw(&mut app, &mut terminal);
                })
            })
            .collect(),
    );
    let finder = median(
        (0..5)
            .map(|_| time(|| drop(tassei::find::find(&app.plan, "コンビニ"))))
            .collect(),
    );
    // Typing into the finder (`:`) and into `/`, one key at a time; the slowest key counts.
    // "該当なし" matches nothing, so the first `/` key scans every goal: the worst case.
    let (finder_key, finder_done) = typing(&mut app, &mut terminal, ':', "コンビニ");
    let (search, search_done) = typing(&mut app, &mut terminal, '/', "該当なし");
    let json = export(dir.path(), "export.json", |out| {
        write_json(out, records(&app.plan)).map(drop)
    });
    let csv = export(dir.path(), "export.csv", |out| {
        write_csv(out, records(&app.plan)).map(drop)
    });
    // The workbook, as `tassei export --format xlsx --output` writes it (three sheets, the
    // evaluation sheet's formulas checked against Excel's arithmetic, constant memory).
    let xlsx = export(dir.path(), "export.xlsx", |out| {
        tassei::report::workbook::save(&app.plan, app.history(), out)
            .map(drop)
            .map_err(std::io::Error::other)
    });
    let xlsx_size = std::fs::metadata(dir.path().join("export.xlsx")).map_or(0, |m| m.len());
    let file = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let peak = peak_rss();
    println!(
        "{:>5} {:>7} {:>10} {:>7} {:>8} {:>11} {:>8} {:>10} {:>11} {:>7} {:>8} {:>7} {:>7} {:>8} {:>8} {:>8} {:>8}",
        label,
        format!("{:.1}MB", file as f64 / 1e6),
        ms(open_to_frame),
        ms(moves),
        ms(far),
        ms(edits),
        ms(finder),
        ms(finder_key),
        ms(finder_done),
        ms(search),
        ms(search_done),
        ms(json),
        ms(csv),
        ms(xlsx),
        format!("{:.2}MB", xlsx_size as f64 / 1e6),
        format!("{:.1}MB", peak as f64 / 1e6),
        format!("{:.2}x", peak as f64 / file.max(1) as f64),
    );
    std::io::stdout().flush().expect("flush");
}

/// Opens a prompt with `open` and types `text` a character at a time (each key, then a frame,
/// then frames until the search is done, as when a clerk types). Returns the slowest key's time
/// and the slowest time from a key to its complete results; medians of 5 rounds.
fn typing(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    open: char,
    text: &str,
) -> (Duration, Duration) {
    let rounds: Vec<(Duration, Duration)> = (0..5)
        .map(|_| {
            key(app, KeyCode::Char(open));
            let mut slowest = Duration::ZERO;
            let mut done = Duration::ZERO;
            for c in text.chars() {
                let start = Instant::now();
                key(app, KeyCode::Char(c));
                draw(app, terminal);
                slowest = slowest.max(start.elapsed());
                while app.busy() {
                    app.work();
                    draw(app, terminal);
                }
                done = done.max(start.elapsed());
            }
            key(app, KeyCode::Esc);
            (slowest, done)
        })
        .collect();
    (
        median(rounds.iter().map(|r| r.0).collect()),
        median(rounds.iter().map(|r| r.1).collect()),
    )
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Builds the data file: the bundled sheet, plus the generated plan `scale` unless the size
/// is the bundled sheet itself.
fn build(path: &Path, (initiatives, per): (usize, usize)) {
    let mut store = Store::open(path, "bench").expect("creates");
    if initiatives == 0 {
        return;
    }
    let plan = tassei::scale::plan("scale", initiatives, per, 42);
    let id = store.import(&plan).expect("imports");
    let stored = store.load_plan(id).expect("loads");
    let goals: Vec<_> = stored
        .goals()
        .filter(|(_, g)| g.target.number().is_some())
        .map(|(_, g)| g.id)
        .take(HISTORY)
        .collect();
    for (k, goal) in goals.into_iter().enumerate() {
        let value = Value::Number(Decimal::from(1000 + k));
        store
            .apply(&Edit::Actual { goal, value }, None)
            .expect("history");
    }
}

/// Median of 3 exports written with `write` to a file, as `tassei export --output` writes them.
fn export(
    dir: &Path,
    name: &str,
    write: impl Fn(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Duration {
    median(
        (0..3)
            .map(|_| {
                time(|| {
                    let file = std::fs::File::create(dir.join(name)).expect("export file");
                    let mut out = std::io::BufWriter::new(file);
                    write(&mut out).expect("exported");
                    out.flush().expect("written");
                })
            })
            .collect(),
    )
}

/// The process's peak resident memory (Linux `VmHWM`), in bytes.
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
