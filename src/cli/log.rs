//! `tassei log [GOAL]`

use std::io::Write;

use super::{Failure, Session};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this goal's changes (its parts and activities included).
    goal: Option<String>,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let goal = match &args.goal {
        None => None,
        Some(typed) => {
            let r = session.goal(typed)?;
            session.plan.goal(r).map(|(_, g)| g.id)
        }
    };
    let entries = session.store.log(session.plan.id, goal)?;
    if entries.is_empty() {
        writeln!(out, "no changes yet")?;
    }
    for e in entries {
        let (old, new) = e.change_shown();
        writeln!(
            out,
            "{}  {}  {}  {}  {old} → {new}",
            e.at,
            e.actor,
            e.subject,
            e.label()
        )?;
    }
    Ok(())
}
