//! `tassei set GOAL actual VALUE`, `set GOAL achieved yes|no|ungraded`, `set GOAL part N VALUE`

use std::io::Write;

use super::{Failure, Session, print_achievement};
use crate::model::MilestoneState;
use crate::store::Edit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
    /// What to set.
    #[arg(value_enum)]
    field: Field,
    /// actual: the value (９，５００ and 9,500件 are fine); achieved: yes, no or ungraded;
    /// part: the part number, then the value.
    #[arg(required = true, num_args = 1..=2, allow_hyphen_values = true)]
    values: Vec<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Field {
    /// 実績値 of a goal.
    Actual,
    /// Whether a milestone goal was achieved.
    Achieved,
    /// 実績値 of one part of a composite goal.
    Part,
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let edit = match (args.field, args.values.as_slice()) {
        (Field::Actual, [value]) => Edit::Actual {
            goal: goal.id,
            value: goal
                .read_actual(value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?,
        },
        (Field::Achieved, [word]) => {
            let state: MilestoneState = word.parse().map_err(Failure::input)?;
            Edit::Milestone {
                goal: goal.id,
                state,
            }
        }
        (Field::Part, [number, value]) => {
            let n: usize = number.parse().map_err(|_| {
                Failure::input(format!(
                    "\"{number}\" is not a part number; {r}'s parts are numbered from 1"
                ))
            })?;
            let actual = goal
                .read_part_actual(n, value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?;
            Edit::PartActual {
                part: goal.parts[n - 1].id,
                value: Some(actual),
            }
        }
        (Field::Part, _) => return Err(Failure::input("usage: tassei set GOAL part N VALUE")),
        (Field::Actual | Field::Achieved, _) => {
            return Err(Failure::input(
                "give exactly one value, e.g. tassei set 1-ア-1 actual 9,500",
            ));
        }
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    session.reload()?;
    print_achievement(session, r, out)
}

/// A refused edit is the clerk's to fix (exit 2); a database failure is not (exit 1).
pub fn edit_failure(e: crate::store::EditError) -> Failure {
    use crate::store::EditError as E;
    match e {
        E::Busy | E::DiskFull | E::Damaged(_) | E::Sqlite(_) => Failure::other(e),
        _ => Failure::input(e),
    }
}
