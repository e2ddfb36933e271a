//! `tassei sections`: the sections (担当係) a handout can be for, in the sheet's order, each
//! with the goals it fills as 主担当, the goals it shares and the activities that name it — what
//! `tassei handout --section` takes, and the names its refusal lists.

use std::io::Write;

use crate::model::section::tally;
use crate::session::{Failure, Session};
use crate::strings::strings;
use crate::text::{pad, width};

pub fn run(session: &Session, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().exchange;
    let tally = tally(&session.plan);
    if tally.is_empty() {
        writeln!(out, "{}", words.no_sections)?;
        return Ok(());
    }
    let widest = tally.iter().map(|t| width(t.section)).max().unwrap_or(0);
    for t in &tally {
        let name = pad(t.section, widest);
        let line = (words.section_tally)(&name, t.leads, t.shares, t.activities);
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", (words.sections_end)(tally.len()))?;
    Ok(())
}
