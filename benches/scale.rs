//! `cargo bench`: how tassei feels at 26, 10,000 and 100,000 goals. Each size runs in its own
//! process (for an honest peak-memory figure) and prints one row of the table. Data files are
//! built through the real store: the plan imported, then a history of logged edits.

use std::io::Write;
use std::path::Path;
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
    if let Ok(size) = std::env::var("TASSEI_BENCH_SIZE") {
        run_size(&size);
        return;
    }
    println!("tassei benchmark — medians; 120x40 frames; commits with synchronous=FULL");
    println!(
        "{:>6} {:>9} {:>11} {:>9} {:>9} {:>13} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "goals",
        "file",
        "open→frame",
        "move",
        "move far",
        "edit+commit",
        "finder",
        "/ step",
        "json",
        "csv",
        "peak RSS",
        "RSS/file"
    );
    let exe = std::env::current_exe().expect("the bench binary");
    for (label, _, _) in SIZES {
        let out = Command::new(&exe)
            .env("TASSEI_BENCH_SIZE", label)
            .output()
            .expect("runs a size");
        if !out.status.success() {
            eprintln!("{label}: {}", String::from_utf8_lossy(&out.stderr));
        }
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3}ms", d.as_secs_f64() * 1000.0)
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

fn run_size(label: &str) {
    let (_, initiatives, per) = SIZES
        .iter()
        .copied()
        .find(|(l, _, _)| *l == label)
        .expect("a known size");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bench.db");
    let slug = build(&path, initiatives, per);
    let today = CalendarDate::new(2026, 11, 24).expect("date");

    let open = |terminal: &mut Terminal<TestBackend>| -> App {
        let store = Store::open(&path, "bench").expect("opens");
        let id = store.plan_id(slug.as_deref()).expect("plan");
        let plan = store.load_plan(id).expect("loads");
        let mut app = App::new(store, plan, today, Theme::colored());
        draw(&mut app, terminal);
        app
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let open_to_frame = median((0..5).map(|_| time(|| drop(open(&mut terminal)))).collect());
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
    let search = median(
        (0..5)
            .map(|_| {
                time(|| {
                    key(&mut app, KeyCode::Char('/'));
                    key(&mut app, KeyCode::Char('ペ'));
                    draw(&mut app, &mut terminal);
                    key(&mut app, KeyCode::Esc);
                })
            })
            .collect(),
    );
    let json = median(
        (0..3)
            .map(|_| {
                time(|| {
                    let mut out = Vec::new();
                    write_json(&mut out, &records(&app.plan)).expect("json");
                })
            })
            .collect(),
    );
    let csv = median(
        (0..3)
            .map(|_| {
                time(|| {
                    let mut out = Vec::new();
                    write_csv(&mut out, &records(&app.plan)).expect("csv");
                })
            })
            .collect(),
    );
    let file = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let peak = peak_rss();
    println!(
        "{:>6} {:>9} {:>11} {:>9} {:>9} {:>13} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        label,
        format!("{:.1}MB", file as f64 / 1e6),
        ms(open_to_frame),
        ms(moves),
        ms(far),
        ms(edits),
        ms(finder),
        ms(search),
        ms(json),
        ms(csv),
        format!("{:.1}MB", peak as f64 / 1e6),
        format!("{:.2}x", peak as f64 / file.max(1) as f64),
    );
    std::io::stdout().flush().expect("flush");
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Builds the data file; returns the plan's id (None: the bundled sheet).
fn build(path: &Path, initiatives: usize, per: usize) -> Option<String> {
    let mut store = Store::open(path, "bench").expect("creates");
    if initiatives == 0 {
        return None;
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
    Some("scale".to_string())
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
