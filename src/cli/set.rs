//! `tassei set GOAL actual VALUE`, `set GOAL achieved yes|no|ungraded`, `set GOAL part N VALUE`:
//! each field its own subcommand with typed arguments, so clap refuses a wrong shape and the
//! goal's parser refuses a wrong value. A value like `9.500` in a unit counted in whole things
//! is refused until the clerk writes which they meant (or adds `--yes` for 9.5).

use std::io::Write;
use std::num::NonZeroUsize;

use super::{Failure, Session, print_achievement};
use crate::model::{EntryError, GoalRef, MilestoneState, TwoReadings, Value};
use crate::store::Edit;

#[derive(Debug, clap::Args)]
#[command(
    subcommand_value_name = "FIELD",
    subcommand_help_heading = "Fields",
    disable_help_subcommand = true,
    after_help = "Examples:\n  tassei set 1-ア-1 actual 9,500\n  tassei set 2-イ-1 achieved yes\n  tassei set 1-オ-1 part 1 14回"
)]
pub struct Args {
    /// The goal: 1-ア-1, ⑴-ア-1 or (1)-ア-1.
    goal: String,
    /// What to set, with its value.
    #[command(subcommand)]
    field: Field,
}

/// What of a goal can be set; each its own word, with its own typed value.
#[derive(Debug, clap::Subcommand)]
enum Field {
    /// The goal's 実績値; prints the recomputed 達成度.
    #[command(after_help = "Example: tassei set 1-ア-1 actual 9,500")]
    Actual {
        /// As on the sheet: 9500, 9,500, ９，５００ or 9,500件 (the goal's own unit); a sign is
        /// read too, and refused where the goal's figures cannot be negative.
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[command(flatten)]
        confirm: Confirm,
    },
    /// Whether a milestone goal was achieved.
    #[command(after_help = "Example: tassei set 2-イ-1 achieved yes")]
    Achieved {
        /// yes, no or ungraded — or achieved, not_achieved, not_graded; 達成, 未達成, ー.
        #[arg(value_name = "yes|no|ungraded", value_parser = str::parse::<MilestoneState>)]
        state: MilestoneState,
    },
    /// The 実績値 of one part of a composite goal.
    #[command(after_help = "Example: tassei set 1-オ-1 part 1 14回")]
    Part {
        /// The part's number on the goal's card, from 1.
        #[arg(value_name = "N", value_parser = part_number, allow_hyphen_values = true)]
        number: NonZeroUsize,
        /// As on the sheet, in the part's own unit: 14, 14回, １４回.
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[command(flatten)]
        confirm: Confirm,
    },
}

/// `--yes`, for the fields that take a number.
#[derive(Debug, clap::Args)]
struct Confirm {
    /// Save a value like 9.500 in a unit counted in whole things (件, 人, 回 …) as 9.5, the
    /// decimal it reads as, instead of asking whether 9,500 was meant.
    #[arg(long)]
    yes: bool,
}

/// A part number as typed: a whole number from 1 (which parts the goal has, `run` checks).
fn part_number(typed: &str) -> Result<NonZeroUsize, String> {
    typed
        .parse()
        .map_err(|_| format!("\"{typed}\" is not a part number; parts are numbered from 1"))
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let r = session.goal(&args.goal)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let edit = match &args.field {
        Field::Actual { value, confirm } => {
            let read = goal
                .read_actual(value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?;
            // With --yes the clerk confirmed the decimal reading: saved as 9.5, not 9.500,
            // so it cannot be read as 9,500 again.
            let read = match goal.actual_readings(value) {
                Some(readings) if !confirm.yes => return Err(ambiguous(r, value, readings)),
                Some(readings) => Value::Number(readings.point.normalize()),
                None => read,
            };
            Edit::Actual {
                goal: goal.id,
                value: read,
            }
        }
        Field::Achieved { state } => Edit::Milestone {
            goal: goal.id,
            state: *state,
        },
        Field::Part {
            number,
            value,
            confirm,
        } => {
            let n = number.get();
            let actual = goal
                .read_part_actual(n, value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?;
            let actual = match goal.part_actual_readings(n, value) {
                Some(readings) if !confirm.yes => return Err(ambiguous(r, value, readings)),
                Some(readings) => readings.point.normalize(),
                None => actual,
            };
            Edit::PartActual {
                part: goal.parts[n - 1].id,
                value: Some(actual),
            }
        }
    };
    let applied = session.store.apply(&edit, None).map_err(edit_failure)?;
    writeln!(out, "{applied}")?;
    session.reload()?;
    print_achievement(session, r, out)
}

/// `9.500` in a whole-number unit: saving 9.5 for 9,500 is the likelier mistake, so ask.
fn ambiguous(r: GoalRef, typed: &str, readings: TwoReadings) -> Failure {
    let point = readings.point.normalize();
    let asked = EntryError::Ambiguous {
        typed: typed.trim().to_string(),
        readings,
    };
    Failure::input(format!("{r}: {asked}, or add --yes to save {point}"))
}

/// A refused edit is the clerk's to fix (exit 2); a database failure is not (exit 1).
pub fn edit_failure(e: crate::store::EditError) -> Failure {
    use crate::store::{EditError as E, StoreError as S};
    match e {
        // A damaged file or one of tassei's copies is refused for the clerk to act on.
        E::Store(S::Damaged(_) | S::Copy { .. }) => Failure::input(e),
        E::Store(_) => Failure::other(super::one_line(e)),
        _ => Failure::input(e),
    }
}
