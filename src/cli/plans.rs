//! `tassei plans`

use std::io::Write;

use super::{Failure, Session};

pub fn run(session: &Session, out: &mut impl Write) -> Result<(), Failure> {
    for p in session.store.plans()? {
        let current = if p.id == session.plan.id { "*" } else { " " };
        writeln!(
            out,
            "{current} {}  {} {} — {}  ({} goals)",
            p.slug, p.municipality, p.title, p.fiscal_year, p.goals
        )?;
    }
    Ok(())
}
