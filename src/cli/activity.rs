//! `tassei activity GOAL N status unset|todo|doing|done|dropped` (or 未記入|未着手|実施中|完了|中止);
//! `unset` clears a status back to 未記入 (not recorded).

use std::io::Write;

use super::set::edit_failure;
use super::{Failure, Session};
use crate::model::ActivityStatus;
use crate::store::Edit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
    /// The activity's number on the goal's card (from 1).
    number: usize,
    /// What to set.
    #[command(subcommand)]
    field: Field,
}

/// What of an activity can be set; each its own word, with its own typed value.
#[derive(Debug, clap::Subcommand)]
enum Field {
    /// The activity's progress.
    Status {
        /// unset, todo, doing, done, dropped — or 未記入, 未着手, 実施中, 完了, 中止. unset (未記入)
        /// clears the status: not recorded, never overdue.
        #[arg(value_parser = str::parse::<ActivityStatus>)]
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
        return Err(Failure::input(format!(
            "{r} takes its activities from {source}; set them there"
        )));
    }
    let count = goal.activities.len();
    let activity = args
        .number
        .checked_sub(1)
        .and_then(|i| goal.activities.get(i))
        .ok_or_else(|| {
            Failure::input(format!(
                "{r} has no activity {}; its activities are numbered 1 to {count}",
                args.number
            ))
        })?;
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
    Ok(())
}
