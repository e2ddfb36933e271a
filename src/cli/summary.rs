//! `tassei summary` (also `tassei` with no command, until the TUI lands)

use std::io::Write;

use crate::engine::{Outcome, Status, grade};
use crate::model::{ActivityStatus, Grouped};
use crate::report::summary::Summary;
use crate::session::{Failure, Session};
use crate::strings::strings;

pub fn run(session: &Session, out: &mut impl Write) -> Result<(), Failure> {
    let plan = &session.plan;
    let words = &strings().cli.summary;
    let s = Summary::of(plan, session.today);
    writeln!(
        out,
        "{} {} — {}",
        plan.municipality, plan.title, plan.fiscal_year
    )?;
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|st| (words.status)(st.label_ja(), st.word(), s.count(*st)))
        .collect();
    writeln!(out, "{}", (words.counts)(&counts.join("   "), s.total()))?;
    writeln!(out)?;
    writeln!(out, "{}", (words.shortfalls)(&plan.thresholds.near))?;
    if s.shortfalls.is_empty() {
        writeln!(out, "  {}", words.none)?;
    }
    for (r, e) in &s.shortfalls {
        let Some((_, g)) = plan.goal(*r) else {
            continue;
        };
        let gap = e
            .shortfall
            .map(|gap| {
                format!(
                    "   {}",
                    (words.gap)(&format!("{}{}", Grouped(&gap), g.unit))
                )
            })
            .unwrap_or_default();
        writeln!(out, "  {r}  {:>3}  {}{gap}", e.rate_text(), g.title)?;
    }
    // Goals without a rate that need a figure or a look: named, not only counted.
    for (status, heading) in [
        (Status::NoActual, words.no_actual),
        (Status::NotComputable, words.not_computable),
    ] {
        if s.count(status) == 0 {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{heading}")?;
        for (r, g) in plan.goals() {
            let e = grade(g, &plan.thresholds);
            if e.status != status {
                continue;
            }
            let reason = match &e.outcome {
                Outcome::NotComputable(reason) if status == Status::NotComputable => {
                    format!("   ({reason})")
                }
                _ => String::new(),
            };
            writeln!(out, "  {r}  {}{reason}", g.title)?;
        }
    }
    writeln!(out)?;
    let activities: Vec<String> = ActivityStatus::ALL
        .iter()
        .map(|st| (words.activity_status)(st.label_ja(), st.word(), s.activities_with(*st)))
        .collect();
    writeln!(out, "{}", (words.activities)(&activities.join("   ")))?;
    writeln!(out, "{}", (words.overdue)(&session.today, s.overdue))?;
    // 時期 nobody can judge: counted and named, so none is silently never overdue.
    if s.unreadable_periods > 0 {
        writeln!(out, "{}", (words.unreadable_periods)(s.unreadable_periods))?;
        for (r, g) in plan.goals() {
            for (k, a) in g.activities.iter().enumerate() {
                if let Some(why) = a.period.problem() {
                    let why = why.said_in(plan.fiscal_year);
                    let line = (words.unreadable_period)(&r, k + 1, a.period.raw(), &why);
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}
