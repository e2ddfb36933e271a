//! `tassei move goal GOAL up|down|to N` and `tassei move activity GOAL N up|down|to M`: a row
//! moved within its list; goals are renumbered and the change says which.
//! `tassei move initiative INITIATIVE up|down|to AREA`: letters follow position within the
//! area (`⑴-イ → ⑴-ア`); to another area, the next free letter there.

use std::io::Write;

use super::add::{initiative_of, say, structure_failure};
use crate::model::code::parse_area;
use crate::model::structure::{InitiativeTo, MoveTo, Seen, Structure, activity_subject};
use crate::session::{Failure, Session};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
#[command(
    subcommand_value_name = "WHAT",
    disable_help_subcommand = true,
    after_help = strings().structure.cli.move_examples
)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    #[command(about = strings().structure.cli.move_goal)]
    Goal {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(
            value_name = "up|down|to N",
            num_args = 1..=2,
            required = true,
            help = strings().structure.cli.whither
        )]
        whither: Vec<String>,
    },
    #[command(about = strings().structure.cli.move_activity)]
    Activity {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(value_name = "N", help = strings().structure.cli.activity_number)]
        number: usize,
        #[arg(
            value_name = "up|down|to M",
            num_args = 1..=2,
            required = true,
            help = strings().structure.cli.whither
        )]
        whither: Vec<String>,
    },
    #[command(about = strings().outline.cli.move_initiative)]
    Initiative {
        #[arg(value_name = "INITIATIVE", help = strings().structure.cli.initiative)]
        initiative: String,
        #[arg(
            value_name = "up|down|to AREA",
            num_args = 1..=2,
            required = true,
            help = strings().outline.cli.move_initiative
        )]
        whither: Vec<String>,
    },
}

/// `up`, `down` (within its area) or `to AREA` (`2`, `⑵`).
fn initiative_whither(words: &[String]) -> Result<InitiativeTo, Failure> {
    match words {
        [to, area] if to == "to" => parse_area(area.trim())
            .map(InitiativeTo::Area)
            .map_err(|_| Failure::input((strings().structure.cli.not_area)(area))),
        _ => match whither(words)? {
            MoveTo::To(_) => Err(Failure::input((strings().structure.cli.not_whither)(
                &words.join(" "),
            ))),
            within => Ok(InitiativeTo::Within(within)),
        },
    }
}

/// `up`, `down`, `to N` (or a bare number N).
fn whither(words: &[String]) -> Result<MoveTo, Failure> {
    let typed = words.join(" ");
    let bad = || Failure::input((strings().structure.cli.not_whither)(&typed));
    // Full-width digits are typed as often as ASCII ones.
    let number = |s: &str| {
        s.chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
                c => Some(c),
            })
            .collect::<Option<String>>()?
            .parse::<usize>()
            .ok()
    };
    match words {
        [w] if w == "up" => Ok(MoveTo::Up),
        [w] if w == "down" => Ok(MoveTo::Down),
        [to, n] if to == "to" => number(n).map(MoveTo::To).ok_or_else(bad),
        [n] => number(n).map(MoveTo::To).ok_or_else(bad),
        _ => Err(bad()),
    }
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let cannot = |row: String, from: usize, count: usize| {
        Failure::input((strings().structure.errors.cannot_move)(
            &row,
            from + 1,
            count,
        ))
    };
    let change = match &args.what {
        What::Initiative {
            initiative,
            whither: w,
        } => {
            let (id, _) = initiative_of(session, initiative)?;
            Structure::MoveInitiative {
                initiative: id,
                to: initiative_whither(w)?,
            }
        }
        What::Goal { goal, whither: w } => {
            let r = session.goal(goal)?;
            let to = whither(w)?;
            let Some((initiative, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let from = initiative
                .goals
                .iter()
                .position(|x| x.id == g.id)
                .unwrap_or(0);
            let count = initiative.goals.len();
            let index = to
                .index(from, count)
                .ok_or_else(|| cannot(r.to_string(), from, count))?;
            Structure::MoveGoal {
                goal: g.id,
                seen: Seen {
                    uid: g.uid,
                    at: from,
                },
                to: index,
            }
        }
        What::Activity {
            goal,
            number,
            whither: w,
        } => {
            let r = session.goal(goal)?;
            let to = whither(w)?;
            let Some((_, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let count = g.activities.len();
            let subject = activity_subject(r, number.saturating_sub(1));
            let from = number
                .checked_sub(1)
                .filter(|i| *i < count)
                .ok_or_else(|| {
                    Failure::input((strings().structure.cli.no_such_number)(
                        &format!("{r} {}", strings().structure.cli.activities),
                        *number,
                        count,
                    ))
                })?;
            let index = to
                .index(from, count)
                .ok_or_else(|| cannot(subject, from, count))?;
            Structure::MoveActivity {
                activity: g.activities[from].id,
                seen: Seen {
                    uid: g.activities[from].uid,
                    at: from,
                },
                to: index,
            }
        }
    };
    let done = session
        .store
        .restructure(&change)
        .map_err(structure_failure)?;
    say(&done, out)?;
    session.reload()
}
