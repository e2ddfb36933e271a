//! `tassei rollover --to 2024 [--id ID] [--apply]`: the next fiscal year's plan, previewed goal
//! by goal (baseline old → new, each 時期 old → new, unreadable ones flagged), written with
//! `--apply` in one transaction; `tassei undo` in the new plan removes it.

use std::io::Write;

use crate::model::period::Shift;
use crate::model::rollover::{
    BaselineChoice, Baselines, Check, Rollover, next_slug, roll_over_choosing,
};
use crate::model::{FiscalYear, FormulaKind, GoalRef, Value};
use crate::session::{Failure, Session};
use crate::store::{ImportError, RolloverError};
use crate::strings::strings;
use crate::text::control::visible;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The fiscal year to make (western: 2024 is 令和6年度).
    #[arg(long, value_name = "YEAR", help = strings().cli.help.rollover.to)]
    to: String,
    /// The new plan's id.
    #[arg(long, value_name = "ID", help = strings().cli.help.rollover.id)]
    id: Option<String>,
    /// Write it; without, a preview.
    #[arg(long, help = strings().cli.help.rollover.apply)]
    apply: bool,
    /// One goal's new baseline, `GOAL=actual|keep|none`; repeatable.
    #[arg(long, value_name = "GOAL=CHOICE", help = strings().cli.help.rollover.baseline)]
    baseline: Vec<String>,
    /// Every goal's new baseline.
    #[arg(long, value_enum, value_name = "CHOICE", help = strings().cli.help.rollover.baselines)]
    baselines: Option<Choice>,
}

/// A baseline choice as typed: the words are clap's, from the variants' names.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Choice {
    Actual,
    Keep,
    #[value(name = "none")]
    Clear,
}

impl From<Choice> for BaselineChoice {
    fn from(c: Choice) -> Self {
        match c {
            Choice::Actual => BaselineChoice::Actual,
            Choice::Keep => BaselineChoice::Keep,
            Choice::Clear => BaselineChoice::Clear,
        }
    }
}

/// `--baselines` and every `--baseline GOAL=CHOICE`, each goal found in the plan.
fn baselines(session: &Session, args: &Args) -> Result<Baselines, Failure> {
    let mut chosen = Baselines {
        all: args.baselines.map(Into::into).unwrap_or_default(),
        goals: Vec::new(),
    };
    for typed in &args.baseline {
        let bad = || Failure::input((strings().cli.rollover.bad_baseline)(typed));
        let (goal, choice) = typed.rsplit_once('=').ok_or_else(bad)?;
        let choice =
            <Choice as clap::ValueEnum>::from_str(choice.trim(), true).map_err(|_| bad())?;
        // The goal as `tassei show` reads it, the refusal naming the option it came with.
        let goal = goal
            .trim()
            .parse::<GoalRef>()
            .map_err(|e| e.to_string())
            .and_then(|r| match session.plan.goal(r) {
                Some(_) => Ok(r),
                None => Err(session.plan.explain_missing(r)),
            })
            .map_err(|why| Failure::input((strings().cli.rollover.baseline_goal)(typed, &why)))?;
        // Two choices for one goal: which was meant is the clerk's to say, not the last's.
        if chosen.goals.iter().any(|(g, _)| *g == goal) {
            return Err(Failure::input((strings().cli.rollover.baseline_twice)(
                &goal.to_string(),
            )));
        }
        chosen.goals.push((goal, choice.into()));
    }
    Ok(chosen)
}

impl Args {
    /// Whether the command writes to the data file.
    pub fn writes(&self) -> bool {
        self.apply
    }
}

pub fn run(session: &mut Session, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().cli.rollover;
    let plan = &session.plan;
    let from = plan.fiscal_year.0;
    let to = FiscalYear::read(&args.to)
        .ok_or_else(|| Failure::input((words.bad_year)(&visible(&args.to, &[]))))?
        .0;
    if to != from + 1 {
        return Err(Failure::input((words.one_year)(from, to)));
    }
    if let Some(there) = session.store.successor(plan.id, to)? {
        return Err(Failure::input(RolloverError::Already(
            plan.slug.clone(),
            to,
            there,
        )));
    }
    let slug = args
        .id
        .clone()
        .unwrap_or_else(|| next_slug(&plan.slug, plan.fiscal_year));
    super::import::check_new_id(&slug)?;
    // Refused in the preview already, not only when --apply comes to write it.
    if session.store.plans()?.iter().any(|p| p.slug == slug) {
        return Err(Failure::input((words.id_taken)(&slug)));
    }
    let rolled = roll_over_choosing(plan, slug, &baselines(session, args)?);
    preview(plan.slug.as_str(), plan.fiscal_year, &rolled, out)?;
    if !args.apply {
        writeln!(out, "{}", words.preview_only)?;
        return Ok(());
    }
    session
        .store
        .roll_over(&session.plan, &rolled.plan)
        .map_err(|e| match e {
            RolloverError::Import(ImportError::Store(e)) => Failure::from(e),
            e => Failure::input(e),
        })?;
    writeln!(
        out,
        "{}",
        (words.applied)(
            &rolled.plan.slug,
            &FiscalYear(to).reiwa_label(),
            &session.plan.slug
        )
    )?;
    Ok(())
}

/// One reason to look at a goal again, in words.
fn check(c: &Check, text: &dyn Fn(&Value) -> String) -> String {
    let words = &strings().cli.rollover;
    let years = |y: &[String]| visible(&y.join("、"), &[]);
    match c {
        Check::ReachesTarget(baseline, target) => {
            (words.check_reaches)(&text(baseline), &text(target))
        }
        Check::SameAsTarget(target) => (words.check_same)(&text(target)),
        Check::TitleYear(y) => (words.check_title_year)(&years(y)),
        Check::MethodYear(y) => (words.check_method_year)(&years(y)),
    }
}

/// Goal by goal, then the counts.
fn preview(
    slug: &str,
    from: FiscalYear,
    r: &Rollover,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let words = &strings().cli.rollover;
    let text = |v: &Value| visible(&v.to_string(), &[]);
    writeln!(
        out,
        "{}",
        (words.heading)(
            slug,
            &from.reiwa_label(),
            &r.plan.slug,
            &r.plan.fiscal_year.reiwa_label()
        )
    )?;
    for g in &r.goals {
        let goal = g.goal.to_string();
        let (old, new) = &g.baseline;
        // Said only when there was an actual to clear.
        let cleared = if g.actual.is_none() {
            ""
        } else {
            words.actual_cleared
        };
        let line = match g.choice {
            BaselineChoice::Keep => Some((words.kept_chosen)(&goal, &text(old))),
            BaselineChoice::Clear if old.is_none() => Some((words.cleared_empty)(&goal)),
            BaselineChoice::Clear => Some((words.cleared)(&goal, &text(old))),
            BaselineChoice::Actual if old != new => {
                Some((words.baseline)(&goal, &text(old), &text(new)))
            }
            BaselineChoice::Actual if g.formula != FormulaKind::Composite => {
                Some((words.kept)(&goal, &text(old)))
            }
            BaselineChoice::Actual => None,
        };
        if let Some(line) = line {
            writeln!(out, "{line}{cleared}")?;
        }
        if !g.checks.is_empty() {
            let why: Vec<String> = g.checks.iter().map(|c| check(c, &text)).collect();
            writeln!(
                out,
                "{}",
                (words.check)(&goal, &why.join(words.check_separator))
            )?;
        }
        if g.parts_cleared > 0 {
            writeln!(out, "{}", (words.parts_cleared)(&goal, g.parts_cleared))?;
        }
        if g.formula == FormulaKind::Milestone {
            writeln!(out, "{}", (words.milestone)(&goal))?;
        }
        for (n, raw, shift) in &g.periods {
            let raw = visible(raw, &[]);
            match shift {
                Shift::Moved(new) => {
                    writeln!(out, "{}", (words.period)(*n, &raw, &visible(new, &[])))?;
                }
                Shift::Unreadable(why) => {
                    let why = why.said_in(r.plan.fiscal_year);
                    writeln!(out, "{}", (words.unreadable)(*n, &raw, &why))?;
                }
                Shift::Unchanged => {}
            }
        }
    }
    writeln!(
        out,
        "{}",
        (words.counts)(r.goals.len(), r.new_baselines(), r.moved(), r.unreadable())
    )?;
    Ok(())
}
