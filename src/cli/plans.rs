//! `tassei plans`: the plans in the data file, read from their summaries (no plan is loaded).

use std::io::Write;

use crate::session::Failure;
use crate::session::Opened;
use crate::strings::strings;

/// Lists the plans, `*` marking the one `--plan` (else the first) chooses.
pub fn run(mut opened: Opened, plan: Option<&str>, out: &mut impl Write) -> Result<(), Failure> {
    let chosen = opened.store.plan_id(plan)?;
    let plans = opened.store.plans()?;
    opened.warn_of_damage();
    for p in plans {
        let current = if p.id == chosen { "*" } else { " " };
        writeln!(
            out,
            "{current} {}  {} {} — {}  {}",
            p.slug,
            p.municipality,
            p.title,
            p.fiscal_year,
            (strings().cli.plan_goals)(p.goals)
        )?;
    }
    Ok(())
}
