//! Writing a whole plan into the file: the bundled sheet on first open, and `tassei import`.

use std::collections::HashMap;

use rusqlite::{Transaction, TransactionBehavior, params};

use super::codec::{IMPORT_FIELD, PLAN_ENTITY, decimal_text, value_columns};
use super::log::{ChangeKind, Source};
use super::{Store, StoreError};
use crate::model::{GoalId, GoalRef, Plan, PlanId, Uid};
use crate::strings::strings;

/// Why a plan could not be imported. Nothing is written in either case.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", (strings().errors.store.plan_exists)(.0))]
    Exists(String),
    /// Anything the file itself refused, classified once by `StoreError::from`.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub id: PlanId,
    /// The plan's rows came with uids (a `tassei-plan/2` file) that rows of this data file
    /// already have: the plan is a copy of one here, and its rows were given fresh uids.
    pub copy: bool,
}

impl Store {
    /// Imports a validated plan in one transaction, with a change-log row. Returns its id.
    pub fn import(&mut self, plan: &Plan) -> Result<PlanId, ImportError> {
        self.import_plan(plan).map(|imported| imported.id)
    }

    /// [`Store::import`], saying whether the plan's own uids were kept: a row keeps the uid the
    /// plan gives it unless any of them names a row of this data file already, and then every
    /// row gets a fresh one, so a copy shares no uid with its original.
    pub fn import_plan(&mut self, plan: &Plan) -> Result<Imported, ImportError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let copy = uids_taken(&tx, plan)?;
        let id = insert_plan(&tx, plan, &self.actor, !copy)?;
        tx.commit()?;
        Ok(Imported { id, copy })
    }
}

/// True when a row of the data file already has one of the plan's uids (320,000 look-ups in
/// the unique indexes at 100,000 goals, stopping at the first found).
fn uids_taken(tx: &Transaction, plan: &Plan) -> rusqlite::Result<bool> {
    let taken = |table: &str, uid: Uid| -> rusqlite::Result<bool> {
        if uid.is_none() {
            return Ok(false);
        }
        // Table names come from the list below, never from input.
        tx.prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE uid = ?1)"
        ))?
        .query_row([uid.to_string()], |r| r.get(0))
    };
    if taken("plan", plan.uid)? {
        return Ok(true);
    }
    for ini in &plan.initiatives {
        if taken("initiative", ini.uid)? {
            return Ok(true);
        }
        for g in &ini.goals {
            if taken("goal", g.uid)? {
                return Ok(true);
            }
            for p in &g.parts {
                if taken("goal_part", p.uid)? {
                    return Ok(true);
                }
            }
            for a in &g.activities {
                if taken("activity", a.uid)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// A list index as a stored position (SQLite integers are i64).
fn position(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

/// Inserts every row of `plan`, with its meeting notes. Ids in `plan` are ignored: the file
/// assigns its own. With `keep_uids` a row keeps the uid the plan gives it (a plan file of
/// /2); otherwise, and for a row without one, the row gets a fresh uid (the columns' default),
/// so a plan imported twice under two names shares no uid.
pub(super) fn insert_plan(
    tx: &Transaction,
    plan: &Plan,
    actor: &str,
    keep_uids: bool,
) -> Result<PlanId, ImportError> {
    let uid = |uid: Uid| (keep_uids && !uid.is_none()).then(|| uid.to_string());
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plan WHERE slug = ?1)",
        [&plan.slug],
        |r| r.get(0),
    )?;
    if exists {
        return Err(ImportError::Exists(plan.slug.clone()));
    }
    tx.execute(
        "INSERT INTO plan (slug, municipality, title, fiscal_year, achieved_threshold, near_threshold, source, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, lower(hex(randomblob(16)))))",
        params![
            plan.slug,
            plan.municipality,
            plan.title,
            plan.fiscal_year.0,
            decimal_text(&plan.thresholds.achieved),
            decimal_text(&plan.thresholds.near),
            plan.source,
            uid(plan.uid),
        ],
    )?;
    let plan_id = tx.last_insert_rowid();
    let mut area =
        tx.prepare_cached("INSERT INTO policy_area (plan_id, number, title) VALUES (?1, ?2, ?3)")?;
    for a in &plan.areas {
        area.execute(params![plan_id, a.number, a.title])?;
    }
    let mut initiative = tx.prepare_cached(
        "INSERT INTO initiative (plan_id, area, kana, title, position, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, lower(hex(randomblob(16)))))",
    )?;
    let mut goal = tx.prepare_cached(
        "INSERT INTO goal (initiative_id, number, position, title, note, unit, calc_method, formula, direction,
            precision, allow_negative, baseline_num, baseline_text, target_num, target_text, actual_num,
            actual_text, milestone, evaluation, printed_achievement, page, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                 coalesce(?22, lower(hex(randomblob(16)))))",
    )?;
    let mut part = tx.prepare_cached(
        "INSERT INTO goal_part (goal_id, position, label, unit, target, actual, note, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, lower(hex(randomblob(16)))))",
    )?;
    let mut activity = tx.prepare_cached(
        "INSERT INTO activity (goal_id, position, content, period_raw, period_start, period_end, status, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, lower(hex(randomblob(16)))))",
    )?;
    let mut derivation = tx.prepare_cached(
        "INSERT INTO goal_derivation (goal_id, figure, expression, precision) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut section = tx.prepare_cached(
        "INSERT INTO activity_section (activity_id, position, section) VALUES (?1, ?2, ?3)",
    )?;
    let mut note = tx.prepare_cached(
        "INSERT INTO meeting_note (goal_id, meeting_date, decision, follow_up, owner, due, figures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut stored_goals: HashMap<GoalRef, GoalId> = HashMap::new();
    for (ipos, ini) in plan.initiatives.iter().enumerate() {
        initiative.execute(params![
            plan_id,
            ini.code.area,
            ini.code.kana.to_string(),
            ini.title,
            position(ipos),
            uid(ini.uid),
        ])?;
        let initiative_id = tx.last_insert_rowid();
        for (gpos, g) in ini.goals.iter().enumerate() {
            let (baseline_num, baseline_text) = value_columns(&g.baseline);
            let (target_num, target_text) = value_columns(&g.target);
            let (actual_num, actual_text) = value_columns(&g.actual);
            goal.execute(params![
                initiative_id,
                g.number,
                position(gpos),
                g.title,
                g.note,
                g.unit,
                g.calc_method,
                g.formula.word(),
                g.direction.word(),
                g.precision,
                g.allow_negative,
                baseline_num,
                baseline_text,
                target_num,
                target_text,
                actual_num,
                actual_text,
                g.milestone.map(|m| m.word()),
                g.evaluation,
                g.printed_achievement,
                g.page,
                uid(g.uid),
            ])?;
            let goal_id = tx.last_insert_rowid();
            stored_goals.insert(
                GoalRef {
                    initiative: ini.code,
                    goal: g.number,
                },
                GoalId(goal_id),
            );
            for d in &g.derivations {
                derivation.execute(params![
                    goal_id,
                    d.figure.word(),
                    d.expression.text(),
                    d.precision
                ])?;
            }
            for n in &g.notes {
                let figures = serde_json::to_string(&n.figures).map_err(|e| {
                    StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
                })?;
                note.execute(params![
                    goal_id,
                    n.date.to_string(),
                    n.decision,
                    n.follow_up,
                    n.owner,
                    n.due,
                    figures,
                ])?;
            }
            for (ppos, p) in g.parts.iter().enumerate() {
                let actual = p.actual.as_ref().map(decimal_text);
                part.execute(params![
                    goal_id,
                    position(ppos),
                    p.label,
                    p.unit,
                    decimal_text(&p.target),
                    actual,
                    p.note,
                    uid(p.uid),
                ])?;
            }
            for (apos, a) in g.activities.iter().enumerate() {
                activity.execute(params![
                    goal_id,
                    position(apos),
                    a.content,
                    a.period.raw(),
                    a.period.start().map(|d| d.to_string()),
                    a.period.end().map(|d| d.to_string()),
                    a.status.word(),
                    uid(a.uid),
                ])?;
                let activity_id = tx.last_insert_rowid();
                for (spos, s) in a.sections.iter().enumerate() {
                    section.execute(params![activity_id, position(spos), s])?;
                }
            }
        }
    }
    let mut link = tx.prepare_cached("UPDATE goal SET activities_from = ?1 WHERE id = ?2")?;
    for (r, g) in plan.goals() {
        if let (Some(source), Some(own)) = (g.activities_from, stored_goals.get(&r))
            && let Some(source_id) = stored_goals.get(&source)
        {
            link.execute(params![source_id.0, own.0])?;
        }
    }
    if keep_uids {
        // A copy's rows have fresh uids: the file's links would name other rows.
        super::rollover::link_years(tx, plan_id, plan)?;
    }
    // The import is one action: a batch of one row, named by the plan's fresh uid.
    tx.execute(
        "INSERT INTO change_log (id, batch, actor, plan_id, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source)
         SELECT next, next, ?1, ?2, ?5, ?2, (SELECT uid FROM plan WHERE id = ?2), ?3,
                ?6, NULL, ?4, ?7, ?8
         FROM (SELECT ifnull(max(id), 0) + 1 AS next FROM change_log)",
        params![
            actor,
            plan_id,
            plan.slug,
            serde_json::Value::String(plan.source.clone()).to_string(),
            PLAN_ENTITY,
            IMPORT_FIELD,
            ChangeKind::Import.word(),
            Source::Imported.word(),
        ],
    )?;
    Ok(PlanId(plan_id))
}
