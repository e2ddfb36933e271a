//! `tassei set GOAL actual VALUE`, `set GOAL achieved yes|no|ungraded`, `set GOAL part N VALUE`,
//! `set GOAL target|baseline VALUE`, `set GOAL title|unit|calc_method TEXT`,
//! `set GOAL precision N`, `set GOAL note TEXT`, `set GOAL formula KIND`,
//! `set GOAL direction higher|lower`, `set GOAL part N label|unit|target VALUE`:
//! each field its own subcommand with typed arguments, so clap refuses a wrong shape and the
//! goal's parser refuses a wrong value. A value like `9.500` in a unit counted in whole things
//! is refused until the clerk writes which they meant (or adds `--yes` for 9.5).

use std::io::Write;
use std::num::NonZeroUsize;

mod outline;

use super::print_achievement;
use crate::model::edit::definition::{direction_for, formula_change};
use crate::model::{
    Direction, EntryError, FieldKey, FormulaKind, Goal, GoalRef, MilestoneState, TwoReadings,
    Value, clears_value, read_precision,
};
use crate::session::{Failure, Session};
use crate::store::Edit;
use crate::strings::strings;
use crate::text::one_line;

#[derive(Debug, clap::Args)]
#[command(
    subcommand_value_name = "FIELD",
    subcommand_help_heading = strings().cli.help.set.fields_heading,
    disable_help_subcommand = true,
    override_usage = strings().outline.cli.set_usage,
    after_help = strings().cli.help.set.examples
)]
pub struct Args {
    #[arg(
        help = strings().cli.help.goal,
        required_unless_present_any = ["plan_field", "initiative"]
    )]
    goal: Option<String>,
    /// What to set, with its value.
    #[command(subcommand)]
    field: Option<Field>,
    /// `--plan-field title TEXT`, `--plan-field thresholds ACHIEVED NEAR`: the plan's own.
    #[arg(
        long = "plan-field",
        value_names = ["title|thresholds", "VALUE"],
        num_args = 2..=3,
        allow_hyphen_values = true,
        conflicts_with_all = ["goal", "initiative"],
        help = strings().outline.cli.plan_field
    )]
    plan_field: Option<Vec<String>>,
    /// `--initiative ⑴-ア title TEXT`: an initiative's title.
    #[arg(
        long,
        value_name = "INITIATIVE",
        conflicts_with = "goal",
        help = strings().outline.cli.initiative
    )]
    initiative: Option<String>,
}

/// What of a goal can be set; each its own word, with its own typed value.
#[derive(Debug, clap::Subcommand)]
enum Field {
    #[command(
        about = strings().cli.help.set.actual,
        after_help = strings().cli.help.set.actual_example
    )]
    Actual {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.actual_value)]
        value: String,
        #[command(flatten)]
        confirm: Confirm,
    },
    #[command(
        about = strings().cli.help.set.achieved,
        after_help = strings().cli.help.set.achieved_example
    )]
    Achieved {
        #[arg(
            value_name = "yes|no|ungraded|none",
            value_parser = reported,
            help = strings().cli.help.set.achieved_state
        )]
        state: Reported,
    },
    #[command(
        about = strings().cli.help.set.part,
        after_help = strings().cli.help.set.part_example
    )]
    Part {
        #[arg(
            value_name = "N",
            value_parser = part_number,
            allow_hyphen_values = true,
            help = strings().cli.help.set.part_number
        )]
        number: NonZeroUsize,
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.part_value)]
        value: String,
        #[arg(
            allow_hyphen_values = true,
            value_name = "VALUE",
            help = strings().cli.help.set.part_field_value
        )]
        field_value: Option<String>,
        #[command(flatten)]
        confirm: Confirm,
    },
    #[command(
        about = strings().cli.help.set.target,
        after_help = strings().cli.help.set.target_example
    )]
    Target {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.figure_value)]
        value: String,
    },
    #[command(
        about = strings().cli.help.set.baseline,
        after_help = strings().cli.help.set.baseline_example
    )]
    Baseline {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.figure_value)]
        value: String,
    },
    #[command(
        about = strings().cli.help.set.title,
        after_help = strings().cli.help.set.title_example
    )]
    Title {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.text)]
        text: String,
    },
    #[command(
        about = strings().cli.help.set.unit,
        after_help = strings().cli.help.set.unit_example
    )]
    Unit {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.text)]
        text: String,
    },
    #[command(
        name = "calc_method",
        about = strings().cli.help.set.calc_method,
        after_help = strings().cli.help.set.calc_method_example
    )]
    CalcMethod {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.text)]
        text: String,
    },
    #[command(
        about = strings().cli.help.set.precision,
        after_help = strings().cli.help.set.precision_example
    )]
    Precision {
        #[arg(
            value_name = "0-4",
            value_parser = precision_digits,
            help = strings().cli.help.set.precision_digits
        )]
        digits: u32,
    },
    #[command(
        about = strings().cli.help.set.note,
        after_help = strings().cli.help.set.note_example
    )]
    Note {
        #[arg(allow_hyphen_values = true, help = strings().cli.help.set.text)]
        text: String,
    },
    #[command(
        about = strings().cli.help.set.formula,
        after_help = strings().cli.help.set.formula_example
    )]
    Formula {
        #[arg(
            value_name = "KIND",
            value_parser = str::parse::<FormulaKind>,
            help = strings().cli.help.set.formula_kind
        )]
        kind: FormulaKind,
    },
    #[command(
        about = strings().cli.help.set.direction,
        after_help = strings().cli.help.set.direction_example
    )]
    Direction {
        #[arg(
            value_name = "higher|lower",
            value_parser = str::parse::<Direction>,
            help = strings().cli.help.set.direction_word
        )]
        direction: Direction,
    },
}

/// A typed 目標値 or 基準値, read by the goal's rules as the import reads the plan file's:
/// a number in the goal's unit (`9.500` in whole things refused), a milestone's text, or none.
fn read_figure(goal: &Goal, r: GoalRef, typed: &str) -> Result<Value, Failure> {
    goal.read_definition_figure(typed)
        .map_err(|e| Failure::input(format!("{r}: {e}")))
}

/// `--yes`, for the fields that take a number.
#[derive(Debug, clap::Args)]
struct Confirm {
    #[arg(long, help = strings().cli.help.set.yes)]
    yes: bool,
}

/// A 小数桁 as typed: a whole number (how many the goal may have, the store checks).
/// A milestone's state as typed, or none (`none`, `未入力`): not yet reported, as a year begins.
#[derive(Debug, Clone, Copy)]
pub struct Reported(Option<MilestoneState>);

fn reported(typed: &str) -> Result<Reported, String> {
    if crate::model::clears_value(typed) {
        return Ok(Reported(None));
    }
    typed
        .parse::<MilestoneState>()
        .map(|state| Reported(Some(state)))
        .map_err(|e| e.to_string())
}

fn precision_digits(typed: &str) -> Result<u32, String> {
    read_precision(typed).map_err(|e| e.to_string())
}

/// A part number as typed: a whole number from 1 (which parts the goal has, `run` checks).
fn part_number(typed: &str) -> Result<NonZeroUsize, String> {
    typed
        .parse()
        .map_err(|_| (strings().cli.edit.not_part_number)(typed))
}

/// The shape clap cannot hold (a goal needs a field; `--plan-field` and `--initiative` none):
/// checked before the data file is opened, so a usage error creates nothing.
pub fn check_shape(args: &Args) -> Result<(), Failure> {
    match (&args.goal, &args.field) {
        (Some(goal), None) => Err(Failure::input((strings().outline.cli.field_missing)(goal))),
        _ => Ok(()),
    }
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    if let Some(values) = &args.plan_field {
        return outline::plan_field(session, values, out);
    }
    if let Some(code) = &args.initiative {
        let title = match &args.field {
            Some(Field::Title { text }) => text,
            _ => return Err(Failure::input(strings().outline.cli.initiative_title_only)),
        };
        return outline::initiative_title(session, code, title, out);
    }
    let (Some(typed), Some(field)) = (&args.goal, &args.field) else {
        return Err(Failure::input(strings().outline.cli.nothing_named));
    };
    let r = session.goal(typed)?;
    let Some((_, goal)) = session.plan.goal(r) else {
        return Ok(());
    };
    let edit = match field {
        Field::Actual { value, .. } if clears_value(value) => Edit::Actual {
            goal: goal.id,
            value: Value::None,
        },
        Field::Target { value } => Edit::Target {
            goal: goal.id,
            value: read_figure(goal, r, value)?,
        },
        Field::Baseline { value } => Edit::Baseline {
            goal: goal.id,
            value: read_figure(goal, r, value)?,
        },
        Field::Precision { digits } => Edit::Precision {
            goal: goal.id,
            digits: *digits,
        },
        Field::Title { text } => goal_text(goal, FieldKey::Title, text),
        Field::Unit { text } => goal_text(goal, FieldKey::Unit, text),
        Field::CalcMethod { text } => goal_text(goal, FieldKey::CalcMethod, text),
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
            state: state.0,
        },
        Field::Note { text } => goal_text(goal, FieldKey::GoalNote, text),
        Field::Formula { kind } => {
            formula_change(goal, *kind, direction_for(*kind, goal.direction))
        }
        Field::Direction { direction } => formula_change(goal, goal.formula, *direction),
        Field::Part {
            number,
            value: field,
            field_value: Some(value),
            ..
        } => part_field(goal, r, number.get(), field, value)?,
        Field::Part {
            number,
            value,
            confirm,
            ..
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
    super::warn_if_left_behind(session, &applied);
    session.reload()?;
    print_achievement(session, r, out)
}

/// A goal's title, unit or 積算方法 as typed (the store refuses an empty title).
fn goal_text(goal: &Goal, field: FieldKey, text: &str) -> Edit {
    Edit::GoalText {
        goal: goal.id,
        field,
        text: text.to_string(),
    }
}

/// `part N label|unit|target VALUE`: a part's label or unit as typed, its 目標値 read as the
/// import reads a part's figure.
fn part_field(
    goal: &Goal,
    r: GoalRef,
    n: usize,
    field: &str,
    value: &str,
) -> Result<Edit, Failure> {
    let part = n
        .checked_sub(1)
        .and_then(|i| goal.parts.get(i))
        .ok_or_else(|| {
            let e = if goal.parts.is_empty() {
                EntryError::NotComposite
            } else {
                EntryError::NoSuchPart(n, goal.parts.len())
            };
            Failure::input(format!("{r}: {e}"))
        })?;
    let text = |field| Edit::PartText {
        part: part.id,
        field,
        text: value.to_string(),
    };
    Ok(match field.trim() {
        "label" => text(FieldKey::PartLabel),
        "unit" => text(FieldKey::PartUnit),
        "target" => Edit::PartTarget {
            part: part.id,
            target: goal
                .read_part_figure(n, value)
                .map_err(|e| Failure::input(format!("{r}: {e}")))?,
        },
        other => {
            return Err(Failure::input((strings().cli.edit.unknown_part_field)(
                other,
            )));
        }
    })
}

/// `9.500` in a whole-number unit: saving 9.5 for 9,500 is the likelier mistake, so ask.
fn ambiguous(r: GoalRef, typed: &str, readings: TwoReadings) -> Failure {
    let point = readings.point.normalize();
    let asked = EntryError::Ambiguous {
        typed: typed.trim().to_string(),
        readings,
    };
    Failure::input((strings().cli.edit.ambiguous)(&r, &asked, &point))
}

/// A refused edit is the clerk's to fix (exit 2); a database failure is not (exit 1).
pub fn edit_failure(e: crate::store::EditError) -> Failure {
    use crate::store::{EditError as E, StoreError as S};
    match e {
        // A damaged file or one of tassei's copies is refused for the clerk to act on.
        E::Store(S::Damaged(_) | S::Copy { .. }) => Failure::input(e),
        E::Store(_) => Failure::other(one_line(e)),
        _ => Failure::input(e),
    }
}
