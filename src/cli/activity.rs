//! `tassei activity GOAL N status unset|todo|doing|done|dropped` (or 未記入|未着手|実施中|完了|中止);
//! `unset` clears a status back to 未記入 (not recorded).

use std::io::Write;

use super::set::edit_failure;
use crate::model::ActivityStatus;
use crate::session::{Failure, Session};
use crate::store::Edit;
use crate::strings::strings;

#[derive(Debug, clap::Args)]
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
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let Field::Status { status } = args.field;
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
    let applied = session
        .store
        .apply(
            &Edit::ActivityStatus {
                activity: activity.id,
                status,
            },
            None,
        )
        .map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    super::warn_if_left_behind(session, &applied);
    Ok(())
}
