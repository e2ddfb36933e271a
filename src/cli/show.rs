//! `tassei show GOAL`

use std::io::Write;

use super::{Failure, Session};
use crate::report::card::Card;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    if let Some((initiative, goal)) = session.plan.goal(r) {
        write!(
            out,
            "{}",
            Card::of(&session.plan, initiative, goal, session.today).to_text()
        )?;
    }
    Ok(())
}
