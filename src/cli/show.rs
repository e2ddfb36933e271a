//! `tassei show GOAL`

use std::io::Write;

use crate::report::card::Card;
use crate::session::{Failure, Session};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = strings().cli.help.goal)]
    goal: String,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    if let Some((initiative, goal)) = session.plan.goal(r) {
        let history = session.store.history(&session.plan)?;
        let card = Card::of(&session.plan, initiative, goal, session.today).with_years(
            history.of(goal),
            &goal.actual,
            session.plan.fiscal_year,
        );
        write!(out, "{}", card.to_text())?;
    }
    Ok(())
}
