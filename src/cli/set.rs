//! `tassei set GOAL actual VALUE`, `set GOAL achieved yes|no|ungraded`, `set GOAL part N VALUE`.
//! A value like `9.500` in a unit counted in whole things is refused until the clerk writes
//! which they meant (or adds `--yes` for 9.5).

use std::io::Write;

use super::{Failure, Session, print_achievement};
use crate::model::{EntryError, GoalRef, MilestoneState, TwoReadings, Value};
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
    #[arg(required = true, num_args = 1..=3, allow_hyphen_values = true)]
    values: Vec<String>,
    /// Save a value like 9.500 in a unit counted in whole things (件, 人, 回 …) as 9.5, the
    /// decimal it reads as, instead of asking whether 9,500 was meant.
    #[arg(long)]
    yes: bool,
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
    // Values may start with a sign (`-5`, and `--5` must reach the parser to be refused), so
    // clap takes a `--yes` typed after the value as a value: it is the flag all the same.
    let (values, yes) = match args.values.split_last() {
        Some((last, rest)) if last == "--yes" => (rest, true),
        _ => (args.values.as_slice(), args.yes),
    };
    let edit = match (args.field, values) {
        (Field::Actual, [value]) => {
            let read = goal
                .read_actual(value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?;
            // With --yes the clerk confirmed the decimal reading: saved as 9.5, not 9.500,
            // so it cannot be read as 9,500 again.
            let read = match goal.actual_readings(value) {
                Some(readings) if !yes => return Err(ambiguous(r, value, readings)),
                Some(readings) => Value::Number(readings.point.normalize()),
                None => read,
            };
            Edit::Actual {
                goal: goal.id,
                value: read,
            }
        }
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
            let actual = match goal.part_actual_readings(n, value) {
                Some(readings) if !yes => return Err(ambiguous(r, value, readings)),
                Some(readings) => readings.point.normalize(),
                None => actual,
            };
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
