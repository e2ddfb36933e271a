//! `tassei remove goal GOAL [--copy-activities] [--yes]` and `tassei remove activity GOAL N
//! [--yes]`: asked first on a terminal, refused without `--yes` where nobody can answer; the
//! change log keeps what was removed, and `tassei undo` puts it back.

use std::io::{BufRead, IsTerminal, Write};

use super::add::{say, structure_failure};
use crate::model::structure::{Seen, Structure, activity_subject};
use crate::session::{Failure, Session, ask};
use crate::store::StructureError;
use crate::strings::strings;
use crate::text::one_line;

#[derive(Debug, clap::Args)]
#[command(
    subcommand_value_name = "WHAT",
    disable_help_subcommand = true,
    after_help = strings().structure.cli.remove_examples
)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    #[command(about = strings().structure.cli.remove_goal)]
    Goal {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(long, help = strings().structure.cli.copy_activities)]
        copy_activities: bool,
        #[arg(long, help = strings().structure.cli.yes)]
        yes: bool,
    },
    #[command(about = strings().structure.cli.remove_initiative)]
    Initiative {
        #[arg(help = strings().structure.cli.initiative)]
        initiative: String,
        #[arg(long, help = strings().structure.cli.yes)]
        yes: bool,
    },
    #[command(about = strings().structure.cli.remove_part)]
    Part {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(value_name = "N", help = strings().structure.cli.part_number)]
        number: usize,
        #[arg(long, help = strings().structure.cli.yes)]
        yes: bool,
    },
    #[command(about = strings().structure.cli.remove_activity)]
    Activity {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(value_name = "N", help = strings().structure.cli.activity_number)]
        number: usize,
        #[arg(long, help = strings().structure.cli.yes)]
        yes: bool,
    },
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let (change, row, yes) = match &args.what {
        What::Initiative { initiative, yes } => {
            let (id, _) = super::add::initiative_of(session, initiative)?;
            let initiatives = &session.plan.initiatives;
            let Some(at) = initiatives.iter().position(|i| i.id == id) else {
                return Ok(());
            };
            let i = &initiatives[at];
            let row = format!("{} {}", i.code, one_line(&i.title));
            let seen = Seen { uid: i.uid, at };
            let change = Structure::RemoveInitiative {
                initiative: id,
                seen,
            };
            (change, row, *yes)
        }
        What::Goal {
            goal,
            copy_activities,
            yes,
        } => {
            let r = session.goal(goal)?;
            let Some((initiative, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let at = initiative.goals.iter().position(|x| x.id == g.id);
            let change = Structure::RemoveGoal {
                goal: g.id,
                seen: Seen {
                    uid: g.uid,
                    at: at.unwrap_or(0),
                },
                copy_activities: *copy_activities,
            };
            (change, format!("{r} {}", one_line(&g.title)), *yes)
        }
        What::Part { goal, number, yes } => {
            let r = session.goal(goal)?;
            let Some((_, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let part = number
                .checked_sub(1)
                .and_then(|i| g.parts.get(i))
                .ok_or_else(|| {
                    Failure::input((strings().structure.cli.no_such_number)(
                        &format!("{r} {}", strings().structure.cli.parts),
                        *number,
                        g.parts.len(),
                    ))
                })?;
            let row = format!("{r} {}", one_line(&part.label));
            let seen = Seen {
                uid: part.uid,
                at: number - 1,
            };
            let change = Structure::RemovePart {
                part: part.id,
                seen,
            };
            (change, row, *yes)
        }
        What::Activity { goal, number, yes } => {
            let r = session.goal(goal)?;
            let Some((_, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let activity = number
                .checked_sub(1)
                .and_then(|i| g.activities.get(i))
                .ok_or_else(|| {
                    Failure::input((strings().structure.cli.no_such_number)(
                        &format!("{r} {}", strings().structure.cli.activities),
                        *number,
                        g.activities.len(),
                    ))
                })?;
            let change = Structure::RemoveActivity {
                activity: activity.id,
                seen: Seen {
                    uid: activity.uid,
                    at: number - 1,
                },
            };
            let row = format!(
                "{} {}",
                activity_subject(r, number - 1),
                one_line(&activity.content)
            );
            (change, row, *yes)
        }
    };
    if !yes {
        confirm(&row)?;
    }
    // `--copy-activities` is a goal's removal's: an initiative's refusal says only why.
    let whole = matches!(change, Structure::RemoveInitiative { .. });
    let done = session.store.restructure(&change).map_err(|e| match e {
        StructureError::SharedBy(..) if whole => Failure::input(e),
        other => structure_failure(other),
    })?;
    say(&done, out)?;
    session.reload()
}

/// Asks on a terminal; with none, refuses and says to add `--yes`.
fn confirm(row: &str) -> Result<(), Failure> {
    let words = &strings().structure.cli;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(Failure::input((words.needs_yes)(row)));
    }
    ask((words.confirm_remove)(row));
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    if words.yes_answers.contains(&answer.trim()) {
        Ok(())
    } else {
        Err(Failure::input((words.kept)(row)))
    }
}
