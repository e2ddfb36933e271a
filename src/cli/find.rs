//! `tassei find WORDS…`: goals matching a code, a number or Japanese words, with their 積算方法.

use std::io::Write;

use crate::find::{Place, find};
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
        writeln!(
            out,
            "{}  {}  ({})",
            hit.goal,
            goal.title,
            found_in(hit.place)
        )?;
        for line in goal.calc_method.lines() {
            writeln!(out, "    {}", (strings().cli.read.method_line)(line))?;
        }
    }
    Ok(())
}

/// Where a goal was found, in the language's words; the sheet's own terms (積算方法 …) as the
/// finder labels them.
fn found_in(place: Place) -> &'static str {
    let words = &strings().cli.read.found_in;
    match place {
        Place::Code => words.code,
        Place::Title => words.title,
        Place::Note => words.note,
        Place::Figures => words.figures,
        Place::CalcMethod | Place::Evaluation | Place::Activities => place.label(),
    }
}
