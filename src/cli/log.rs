//! `tassei log [GOAL]`: when, who, (取消 undo / やり直し redo: the language says), what,
//! old → new.

use std::io::Write;

use crate::session::{Failure, Session};
use crate::store::{ChangeKind, Settled};
use crate::strings::strings;
use crate::text::control::visible;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = strings().cli.help.log_goal)]
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
    let origins = session.store.origins(session.plan.id)?;
    if entries.is_empty() {
        writeln!(out, "{}", strings().cli.read.no_changes)?;
    }
    for e in entries {
        let (old, new) = e.change_shown();
        // An undo or redo says so: it is not a value anyone typed. An edit is the usual case,
        // and an import's field already reads 取込.
        let kind = match e.kind {
            ChangeKind::Edit | ChangeKind::Import => String::new(),
            other => format!(
                "{}  ",
                (strings().cli.read.log_kind)(other.label_ja(), other.word())
            ),
        };
        // A collected value says which section and file it came from, and a value the clerk
        // chose over another (a conflict, a clear) says so.
        let words = &strings().exchange;
        let origin = origins
            .get(&e.id)
            .map(|o| {
                let file = visible(&o.file, &[]);
                let from = match &o.section {
                    Some(section) => (words.origin)(&visible(section, &[]), &file),
                    None => (words.origin_file)(&file),
                };
                let settled = match o.settled {
                    Some(Settled::ReturnedPreferred) => (words.settled_returned)(&old),
                    Some(Settled::ClearConfirmed) => words.settled_clear.to_string(),
                    None => String::new(),
                };
                format!("{from}{settled}")
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {}  {kind}{}  {}  {old} → {new}{origin}",
            e.at,
            visible(&e.actor, &[]),
            e.subject,
            e.label()
        )?;
    }
    Ok(())
}
