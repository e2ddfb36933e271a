//! `tassei summary` (also `tassei` with no command, until the TUI lands)

use std::io::Write;

use super::{Failure, Session};
use crate::engine::Status;
use crate::model::{ActivityStatus, Grouped};
use crate::report::summary::Summary;

pub fn run(session: &Session, out: &mut impl Write) -> Result<(), Failure> {
    let plan = &session.plan;
    let s = Summary::of(plan, session.today);
    writeln!(
        out,
        "{} {} — {}",
        plan.municipality, plan.title, plan.fiscal_year
    )?;
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|st| format!("{} {} {}", st.label_ja(), st.word(), s.count(*st)))
        .collect();
    writeln!(out, "{}   ({} goals)", counts.join("   "), s.total())?;
    writeln!(out)?;
    writeln!(out, "未達成 shortfalls (below {}):", plan.thresholds.near)?;
    if s.shortfalls.is_empty() {
        writeln!(out, "  none")?;
    }
    for (r, e) in &s.shortfalls {
        let Some((_, g)) = plan.goal(*r) else {
            continue;
        };
        let gap = e
            .shortfall
            .map(|gap| format!("   不足 {}{}", Grouped(&gap), g.unit))
            .unwrap_or_default();
        writeln!(out, "  {r}  {:>3}  {}{gap}", e.rate_text(), g.title)?;
    }
    writeln!(out)?;
    let activities: Vec<String> = ActivityStatus::ALL
        .iter()
        .map(|st| format!("{} {} {}", st.label_ja(), st.word(), s.activities_with(*st)))
        .collect();
    writeln!(out, "実施内容 activities: {}", activities.join("   "))?;
    writeln!(
        out,
        "期限超過 overdue activities as of {}: {}",
        session.today, s.overdue
    )?;
    Ok(())
}
