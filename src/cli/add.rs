//! `tassei add goal INITIATIVE [--after N] TITLE` and `tassei add activity GOAL [--after N]
//! CONTENT [--period 時期] [--sections 係,係]`: a new row through `Store::restructure`, logged
//! and undoable; what was added is printed with the goals renumbered by it.

use std::io::Write;

use crate::model::code::parse_area;
use crate::model::edit::definition::read_sections;
use crate::model::parse_number;
use crate::model::structure::Structure;
use crate::model::{InitiativeCode, InitiativeId};
use crate::session::{Failure, Session};
use crate::store::{Restructured, StoreError, StructureError};
use crate::strings::strings;
use crate::text::one_line;

#[derive(Debug, clap::Args)]
#[command(
    subcommand_value_name = "WHAT",
    disable_help_subcommand = true,
    after_help = strings().structure.cli.add_examples
)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    #[command(about = strings().structure.cli.add_goal)]
    Goal {
        #[arg(help = strings().structure.cli.initiative)]
        initiative: String,
        #[arg(long, value_name = "N", help = strings().structure.cli.after)]
        after: Option<usize>,
        #[arg(allow_hyphen_values = true, help = strings().structure.cli.title)]
        title: String,
    },
    #[command(about = strings().structure.cli.add_initiative)]
    Initiative {
        #[arg(help = strings().structure.cli.area)]
        area: String,
        #[arg(allow_hyphen_values = true, help = strings().structure.cli.initiative_title)]
        title: String,
    },
    #[command(about = strings().structure.cli.add_part)]
    Part {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(allow_hyphen_values = true, help = strings().structure.cli.part_label)]
        label: String,
        #[arg(allow_hyphen_values = true, help = strings().structure.cli.part_target)]
        target: String,
        #[arg(default_value = "", help = strings().structure.cli.part_unit)]
        unit: String,
    },
    #[command(about = strings().structure.cli.add_activity)]
    Activity {
        #[arg(help = strings().cli.help.goal)]
        goal: String,
        #[arg(long, value_name = "N", help = strings().structure.cli.after)]
        after: Option<usize>,
        #[arg(allow_hyphen_values = true, help = strings().structure.cli.content)]
        content: String,
        #[arg(long, value_name = strings().structure.cli.period_value, default_value = "", help = strings().structure.cli.period)]
        period: String,
        #[arg(
            long,
            value_name = strings().structure.cli.sections_value,
            default_value = "",
            help = strings().structure.cli.sections
        )]
        sections: String,
    },
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let change = match &args.what {
        What::Initiative { area, title } => Structure::AddInitiative {
            plan: session.plan.id,
            area: area_of(area)?,
            title: title.clone(),
        },
        What::Part {
            goal,
            label,
            target,
            unit,
        } => {
            let r = session.goal(goal)?;
            let Some((_, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            let target = parse_number(target, unit)
                .map_err(|e| Failure::input(format!("{r} {label}: {e}")))?;
            Structure::AddPart {
                goal: g.id,
                label: label.clone(),
                target,
                unit: unit.clone(),
            }
        }
        What::Goal {
            initiative,
            after,
            title,
        } => {
            let (id, count) = initiative_of(session, initiative)?;
            Structure::AddGoal {
                initiative: id,
                at: after_index(*after, count, strings().structure.cli.goals)?,
                title: title.clone(),
            }
        }
        What::Activity {
            goal,
            after,
            content,
            period,
            sections,
        } => {
            let r = session.goal(goal)?;
            let Some((_, g)) = session.plan.goal(r) else {
                return Ok(());
            };
            Structure::AddActivity {
                goal: g.id,
                at: after_index(
                    *after,
                    g.activities.len(),
                    strings().structure.cli.activities,
                )?,
                content: content.clone(),
                period: period.clone(),
                sections: read_sections(sections),
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

/// The initiative a clerk typed (`⑴-ア`, `1-ア`): its id and how many goals it has.
pub(super) fn initiative_of(
    session: &Session,
    typed: &str,
) -> Result<(InitiativeId, usize), Failure> {
    let no = || Failure::input((strings().structure.cli.no_initiative)(typed));
    let code: InitiativeCode = typed.parse().map_err(|_| no())?;
    session
        .plan
        .initiatives
        .iter()
        .find(|i| i.code == code)
        .map(|i| (i.id, i.goals.len()))
        .ok_or_else(no)
}

/// A policy area as typed: `1`, `⑴`, `(1)`, `１`.
fn area_of(typed: &str) -> Result<u8, Failure> {
    parse_area(typed.trim()).map_err(|_| Failure::input((strings().structure.cli.not_area)(typed)))
}

/// `--after N` as an index: after the Nth of `count` (0: first); none: last.
fn after_index(after: Option<usize>, count: usize, what: &str) -> Result<usize, Failure> {
    match after {
        None => Ok(count),
        Some(n) if n <= count => Ok(n),
        Some(n) => Err(Failure::input((strings().structure.cli.no_such_number)(
            what, n, count,
        ))),
    }
}

/// What a structural change did: its sentence, then what came with it, a line each.
pub(super) fn say(done: &Restructured, out: &mut impl Write) -> Result<(), Failure> {
    writeln!(out, "{done}")?;
    for line in done.details() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// A refused change is the clerk's to fix (exit 2); a database failure is not (exit 1).
pub(super) fn structure_failure(e: StructureError) -> Failure {
    match e {
        StructureError::Store(StoreError::Damaged(_) | StoreError::Copy { .. }) => {
            Failure::input(e)
        }
        StructureError::Store(_) => Failure::other(one_line(e)),
        StructureError::SharedBy(..) => {
            Failure::input(format!("{e}; {}", strings().structure.cli.copy_hint))
        }
        _ => Failure::input(e),
    }
}
