//! The handout and the collect at scale, as a clerk runs them: each command through the CLI's
//! own `run_to` (the data file opened, the day's copy, the plan loaded, the work, the commit),
//! in this process, one after the other on the data file `build` made.
//!
//! The section is the one whose handout carries the most goals. Its returned workbook is the
//! handout laid out again by the same layout code (`handout_sheet`) from a copy of the plan in
//! which every value the section fills as 主担当 — each 実績値 that is a number, each part's
//! 実績値 — is one more than it was, and written by the same writer under the same handout
//! number: what a section sends back when it has filled in every figure.

use std::path::Path;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use tassei::cli::{Cli, run_to};
use tassei::config::Config;
use tassei::exchange::handout_sheet;
use tassei::model::section::{Role, goals_of, primary_section, sections};
use tassei::model::{FormulaKind, Value};
use tassei::report::workbook::save_sheets;
use tassei::store::Store;

use super::{median, ms, peak_rss};

pub fn header() {
    println!();
    println!(
        "handout and collect: whole commands through the CLI (open, day's copy, load, work, commit)"
    );
    println!("  medians of 3 (one run at 100k; apply always once); peak RSS of each command alone");
    println!(
        "{:>5} {:>8} {:>8} {:>9} {:>8} {:>8} {:>9} {:>12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}",
        "goals",
        "section",
        "primary",
        "handout",
        "xlsx MB",
        "RSS",
        "sections",
        "all-sections",
        "changes",
        "preview",
        "RSS",
        "apply",
        "RSS",
        "logged",
    );
}

/// Resets the process's peak resident memory (Linux: `5` to `clear_refs`), so the next
/// `peak_rss` is the peak since now. `false` where the kernel does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Runs `tassei ARGS` on `db`; panics with its lines when it fails. Returns its time and the
/// peak memory while it ran (the process's peak so far if that cannot be reset).
fn tassei(db: &Path, slug: Option<&str>, args: &[&str]) -> (Duration, u64) {
    let mut argv = vec![
        "tassei".to_string(),
        "--db".into(),
        db.display().to_string(),
    ];
    if let Some(slug) = slug {
        argv.extend(["--plan".to_string(), slug.to_string()]);
    }
    argv.extend(args.iter().map(|a| (*a).to_string()));
    let cli = <Cli as clap::Parser>::try_parse_from(&argv).expect("a command line");
    let mut out = Vec::new();
    reset_peak();
    let start = Instant::now();
    let ran = run_to(cli, &Config::default(), &mut out);
    let elapsed = start.elapsed();
    let peak = peak_rss();
    if let Err(failure) = ran {
        let lines: Vec<&String> = failure.lines.iter().take(5).collect();
        panic!("tassei {args:?}: exit {}: {lines:?}", failure.code);
    }
    (elapsed, peak)
}

fn mb(bytes: u64) -> String {
    format!("{:.1}MB", bytes as f64 / 1e6)
}

pub fn run(label: &str, path: &Path, slug: Option<&str>, big: bool) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(path, "bench").expect("opens");
    let plan = store
        .load_plan(store.plan_id(slug).expect("plan"))
        .expect("loads");
    drop(store);
    let all = sections(&plan);
    let (section, goals) = all
        .iter()
        .map(|s| (s.to_string(), goals_of(&plan, s)))
        .max_by_key(|(_, g)| g.len())
        .expect("a section");
    let primary = goals.iter().filter(|(_, _, r)| *r == Role::Primary).count();
    let section_count = all.len();
    let shown = goals.len();
    drop(goals);
    let reps = if big { 1 } else { 3 };

    // Untimed: the day's copy is made by the first command of the day.
    let warm = dir.path().join("warm.xlsx");
    let warm = warm.to_str().expect("utf-8 path");
    tassei(
        path,
        slug,
        &["handout", "--section", &section, "--output", warm],
    );

    let mine = dir.path().join("handout.xlsx");
    let mine = mine.to_str().expect("utf-8 path");
    let handouts: Vec<(Duration, u64)> = (0..reps)
        .map(|_| {
            tassei(
                path,
                slug,
                &["handout", "--section", &section, "--output", mine],
            )
        })
        .collect();
    let handout = median(handouts.iter().map(|h| h.0).collect());
    let handout_peak = handouts.iter().map(|h| h.1).max().unwrap_or(0);
    let handout_size = std::fs::metadata(mine).map_or(0, |m| m.len());
    let folder = dir.path().join("all");
    let (all_sections, _) = tassei(
        path,
        slug,
        &[
            "handout",
            "--all-sections",
            "--output",
            folder.to_str().expect("utf-8 path"),
        ],
    );

    // The returned workbook: the last handout of the section, every figure it fills changed.
    let bytes = std::fs::read(mine).expect("the handout");
    let id = tassei::exchange::xlsx::read("handout.xlsx", bytes)
        .expect("reads")
        .handout
        .expect("numbered");
    let mut filled = plan.clone();
    let mut changes = 0usize;
    let owner: Vec<bool> = plan
        .goals()
        .map(|(_, g)| primary_section(&plan, g) == Some(section.as_str()))
        .collect();
    let mut owned = owner.into_iter();
    for goal in filled
        .initiatives
        .iter_mut()
        .flat_map(|i| i.goals.iter_mut())
    {
        if !owned.next().unwrap_or(false) {
            continue;
        }
        match goal.formula {
            FormulaKind::Milestone => {}
            FormulaKind::Composite => {
                for part in &mut goal.parts {
                    part.actual = Some(part.actual.unwrap_or_default() + Decimal::ONE);
                    changes += 1;
                }
            }
            _ => {
                goal.actual =
                    Value::Number(goal.actual.number().unwrap_or_default() + Decimal::ONE);
                changes += 1;
            }
        }
    }
    let returned = dir.path().join(format!("{section}.xlsx"));
    {
        let file = std::fs::File::create(&returned).expect("returned file");
        let mut out = std::io::BufWriter::new(file);
        save_sheets(
            &filled,
            vec![handout_sheet(&filled, &section, id, "")],
            &mut out,
        )
        .expect("returned workbook");
        std::io::Write::flush(&mut out).expect("written");
    }
    drop(filled);
    drop(plan);
    let returned = returned.to_str().expect("utf-8 path");

    let previews: Vec<(Duration, u64)> = (0..reps)
        .map(|_| tassei(path, slug, &["collect", returned]))
        .collect();
    let preview = median(previews.iter().map(|p| p.0).collect());
    let preview_peak = previews.iter().map(|p| p.1).max().unwrap_or(0);
    let (apply, apply_peak) = tassei(path, slug, &["collect", returned, "--apply"]);

    // What the apply wrote: one logged row per changed figure, naming the handout.
    let logged: i64 = rusqlite::Connection::open(path)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM change_log WHERE handout_id = ?1",
                [id],
                |r| r.get(0),
            )
        })
        .expect("the log");
    println!(
        "{:>5} {:>8} {:>8} {:>9} {:>8} {:>8} {:>9} {:>12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}",
        label,
        shown,
        primary,
        ms(handout),
        format!("{:.2}MB", handout_size as f64 / 1e6),
        mb(handout_peak),
        section_count,
        ms(all_sections),
        changes,
        ms(preview),
        mb(preview_peak),
        ms(apply),
        mb(apply_peak),
        logged,
    );
}
