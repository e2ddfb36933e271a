//! The plan file at scale: `tassei export --format plan` of the generated plan, then `tassei
//! import` of that file into a data file not there yet, each a whole command through the CLI's
//! own `run_to`, each in a process of its own so its peak memory is its own (an import after
//! an export in one process would start from the export's freed memory).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tassei::cli::{Cli, run_to};
use tassei::config::Config;

use super::{median, ms, peak_rss};

pub fn header() {
    println!();
    println!("plan file: export --format plan, then import into a new data file (whole commands)");
    println!("  medians of 3 (one run at 100k); peak RSS of each command's own process");
    println!(
        "{:>5} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "goals", "file", "export", "RSS", "import", "RSS", "RSS/file"
    );
}

/// In the parent: one row, from a child that exports and another that imports.
pub fn row(exe: &Path, label: &str, db: &Path, dir: &Path) -> String {
    let file = dir.join(format!("plan-{label}.json"));
    let step = |which: &str| -> Vec<String> {
        let out = Command::new(exe)
            .env("TASSEI_BENCH_SIZE", label)
            .env("TASSEI_BENCH_FILE", db)
            .env("TASSEI_BENCH_PLANFILE", which)
            .env("TASSEI_BENCH_PLAN_JSON", &file)
            .output()
            .expect("runs a plan-file step");
        assert!(
            out.status.success(),
            "{label} {which}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let export = step("export");
    let import = step("import");
    let size = std::fs::metadata(&file).map_or(0, |m| m.len());
    let peak: f64 = import.get(1).and_then(|p| p.parse().ok()).unwrap_or(0.0);
    let _ = std::fs::remove_file(&file);
    format!(
        "{:>5} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
        label,
        format!("{:.2}MB", size as f64 / 1e6),
        export.first().map_or("?", String::as_str),
        format!("{}MB", export.get(1).map_or("?", String::as_str)),
        import.first().map_or("?", String::as_str),
        format!("{peak:.1}MB"),
        format!("{:.2}x", peak * 1e6 / size.max(1) as f64),
    )
}

/// In a child: the step `which` (`export` or `import`) as many times as the size allows;
/// prints its median time in ms and its peak memory in MB.
pub fn step(which: &str, db: &Path, slug: Option<&str>, reps: usize) {
    let file = std::env::var("TASSEI_BENCH_PLAN_JSON").expect("the plan file's path");
    let dir = tempfile::tempdir().expect("dir");
    let mut export = vec!["export", "--format", "plan", "--output", file.as_str()];
    if let Some(slug) = slug {
        export.splice(0..0, ["--plan", slug]);
    }
    if which == "export" {
        // Untimed: the day's copy is made by the first command of the day.
        tassei(db, &export);
    }
    let times: Vec<Duration> = (0..reps)
        .map(|k| match which {
            "export" => tassei(db, &export),
            // Each into a data file not there yet, which the import makes holding the plan.
            _ => tassei(
                &dir.path().join(format!("copy-{k}.db")),
                &["import", file.as_str()],
            ),
        })
        .collect();
    println!("{} {:.1}", ms(median(times)), peak_rss() as f64 / 1e6);
}

/// Runs `tassei ARGS` on `db`; panics with its lines when it fails.
fn tassei(db: &Path, args: &[&str]) -> Duration {
    let mut argv = vec![
        "tassei".to_string(),
        "--db".into(),
        db.display().to_string(),
    ];
    argv.extend(args.iter().map(|a| (*a).to_string()));
    let cli = <Cli as clap::Parser>::try_parse_from(&argv).expect("a command line");
    let mut out = Vec::new();
    let start = Instant::now();
    let ran = run_to(cli, &Config::default(), &mut out);
    let elapsed = start.elapsed();
    if let Err(failure) = ran {
        let lines: Vec<&String> = failure.lines.iter().take(5).collect();
        panic!("tassei {args:?}: exit {}: {lines:?}", failure.code);
    }
    elapsed
}
