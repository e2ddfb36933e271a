//! `tassei activity GOAL N status unset|todo|doing|done|dropped` (or 未記入|未着手|実施中|完了|中止);
//! `unset` clears a status back to 未記入 (not recorded). `content TEXT`, `period 時期` (read in the
//! plan's fiscal year; an impossible date refused, unreadable text kept and counted) and
//! `sections 市民係、総務係` change what the activity is.

use std::io::Write;

use super::set::edit_failure;
use crate::model::edit::definition::read_sections;
use crate::model::{ActivityStatus, FieldKey, Period};
use crate::session::{Failure, Session};
use crate::store::Edit;
use crate::strings::strings;

#[derive(Debug, clap::Args)]
#[command(after_help = strings().cli.help.activity.examples)]
pub struct Args {
    #[arg(help = strings().cli.help.goal)]
    goal: String,
    #[arg(help = strings().cli.help.activity.number)]
    number: usize,
    /// What to set.
    #[command(subcommand)]
    field: Field,
}

/// What of an activity can be set; each its own word, with its own typed value.
#[derive(Debug, clap::Subcommand)]
enum Field {
    #[command(about = strings().cli.help.activity.status)]
    Status {
        #[arg(
            value_parser = str::parse::<ActivityStatus>,
            help = strings().cli.help.activity.status_value
        )]
        status: ActivityStatus,
    },
    #[command(about = strings().cli.help.activity.content)]
    Content {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.activity.text)]
        text: String,
    },
    #[command(about = strings().cli.help.activity.period)]
    Period {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.activity.text)]
        text: String,
    },
    #[command(about = strings().cli.help.activity.sections)]
    Sections {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.activity.text)]
        text: String,
    },
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    if let Some(source) = goal.activities_from {
        return Err(Failure::input((strings().cli.edit.shared_activities)(
            &r, &source,
        )));
    }
    let count = goal.activities.len();
    let activity = args
        .number
        .checked_sub(1)
        .and_then(|i| goal.activities.get(i))
        .ok_or_else(|| Failure::input((strings().cli.edit.no_activity)(&r, args.number, count)))?;
    let text = |field, text: &str| Edit::ActivityText {
        activity: activity.id,
        field,
        text: text.to_string(),
    };
    let edit = match &args.field {
        Field::Status { status } => Edit::ActivityStatus {
            activity: activity.id,
            status: *status,
        },
        Field::Content { text: typed } => text(FieldKey::ActivityContent, typed),
        Field::Period { text: typed } => text(FieldKey::ActivityPeriod, typed),
        Field::Sections { text: typed } => Edit::ActivitySections {
            activity: activity.id,
            sections: read_sections(typed),
        },
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    // Kept as written, and counted as the card counts it: the clerk is told at once.
    if let Field::Period { text } = &args.field
        && let Some(why) = Period::parse(text, session.plan.fiscal_year).problem()
    {
        // Named, so the warning says which 時期 among many.
        let why = why.said_in(session.plan.fiscal_year);
        let line = (strings().cli.summary.unreadable_period)(&r, args.number, text, &why);
        let said = (strings().report.card.unreadable_period)(line.trim_start());
        crate::session::say((strings().cli.said.warning)(&said));
    }
    super::warn_if_left_behind(session, &applied);
    Ok(())
}
