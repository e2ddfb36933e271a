//! `tassei find WORDS…`: goals matching a code, a number or Japanese words, with their 積算方法.

use std::io::Write;

use super::{Failure, Session};
use crate::find::find;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A goal code (2-イ-7, 2イ7), a number (216), or words (コンビニ 電子申請); every word must match.
    #[arg(required = true, num_args = 1..)]
    words: Vec<String>,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let query = args.words.join(" ");
    let hits = find(&session.plan, &query);
    if hits.is_empty() {
        return Err(Failure::input(format!("no goal matches \"{query}\"")));
    }
    for hit in hits {
        let Some((_, goal)) = session.plan.goal(hit.goal) else {
            continue;
        };
        writeln!(out, "{}  {}  ({})", hit.goal, goal.title, hit.place.label())?;
        for line in goal.calc_method.lines() {
            writeln!(out, "    積算方法  {line}")?;
        }
    }
    Ok(())
}
