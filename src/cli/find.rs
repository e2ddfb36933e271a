//! `tassei find WORDS…`: goals matching a code, a number or Japanese words, with their 積算方法.

use std::io::Write;

use crate::find::find;
use crate::session::{Failure, Session};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(required = true, num_args = 1.., help = strings().cli.help.find_words)]
    words: Vec<String>,
}

pub fn run(session: &Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let query = args.words.join(" ");
    let hits = find(&session.plan, &query);
    if hits.is_empty() {
        return Err(Failure::input((strings().cli.read.no_match)(&query)));
    }
    for hit in hits {
        let Some((_, goal)) = session.plan.goal(hit.goal) else {
            continue;
        };
        writeln!(out, "{}  {}  ({})", hit.goal, goal.title, hit.place.label())?;
        for line in goal.calc_method.lines() {
            writeln!(out, "    {}", (strings().cli.read.method_line)(line))?;
        }
    }
    Ok(())
}
