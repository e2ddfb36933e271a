//! `tassei rollover`: the next fiscal year's plan written beside its predecessor, in one
//! transaction, linked to it by the plan's lineage and, row by row, by `previous_uid`; and the
//! undo that removes it again.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::codec::{IMPORT_FIELD, PLAN_ENTITY, Place, uid};
use super::import::{ImportError, insert_plan};
use super::log::{ChangeKind, Source};
use super::{Store, StoreError, UndoAction, UndoError};
use crate::model::{Plan, PlanId, YearLinks};
use crate::strings::strings;

/// Why a rollover was not written. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum RolloverError {
    /// The plan has a successor for that year already: (the plan, the year, the successor).
    #[error("{}", (strings().errors.store.rolled_over_already)(.0, *.1, .2))]
    Already(String, i32, String),
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl From<rusqlite::Error> for RolloverError {
    fn from(e: rusqlite::Error) -> Self {
        RolloverError::Import(ImportError::Store(e.into()))
    }
}

impl From<StoreError> for RolloverError {
    fn from(e: StoreError) -> Self {
        RolloverError::Import(ImportError::Store(e))
    }
}

/// The lineage a plan's years share: the first year's uid.
const LINEAGE: &str = "coalesce(lineage, uid)";

impl Store {
    /// The plan of `from`'s lineage for the fiscal year `year`, when there is one.
    pub fn successor(&self, from: PlanId, year: i32) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT slug FROM plan WHERE fiscal_year = ?2 AND {LINEAGE} =
                         (SELECT {LINEAGE} FROM plan WHERE id = ?1)"
                ),
                params![from.0, year],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Writes `next`, the year after the stored plan `from`, in one transaction: its rows get
    /// fresh uids, the plan `from`'s lineage, each initiative, goal and activity the uid of the
    /// row in `from` at its place, and one change-log row (a rollover, from `from`'s id).
    pub fn roll_over(&mut self, from: &Plan, next: &Plan) -> Result<PlanId, RolloverError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT slug FROM plan WHERE fiscal_year = ?2 AND {LINEAGE} =
                         (SELECT {LINEAGE} FROM plan WHERE id = ?1)"
                ),
                params![from.id.0, next.fiscal_year.0],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(slug) = existing {
            return Err(RolloverError::Already(
                from.slug.clone(),
                next.fiscal_year.0,
                slug,
            ));
        }
        let id = insert_plan(&tx, next, &self.actor, false)?;
        let (old, new) = (from.id.0, id.0);
        tx.execute(
            &format!(
                "UPDATE plan SET lineage = (SELECT {LINEAGE} FROM plan WHERE id = ?1) WHERE id = ?2"
            ),
            params![old, new],
        )?;
        // Rows were copied in order: the same ordinal among its siblings names the same row
        // (stored positions may have gaps, or start at 1, after rows were removed or put back).
        tx.execute(
            "WITH o AS (SELECT uid, ROW_NUMBER() OVER (ORDER BY position, id) AS n
                        FROM initiative WHERE plan_id = ?1),
                  x AS (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) AS n
                        FROM initiative WHERE plan_id = ?2)
             UPDATE initiative SET previous_uid =
                 (SELECT o.uid FROM o JOIN x ON x.n = o.n WHERE x.id = initiative.id)
             WHERE plan_id = ?2",
            params![old, new],
        )?;
        tx.execute(
            "WITH o AS (SELECT g.uid, i.uid AS parent,
                               ROW_NUMBER() OVER (PARTITION BY g.initiative_id
                                                  ORDER BY g.position, g.number) AS n
                        FROM goal g JOIN initiative i ON i.id = g.initiative_id
                        WHERE i.plan_id = ?1),
                  x AS (SELECT g.id, i.previous_uid AS parent,
                               ROW_NUMBER() OVER (PARTITION BY g.initiative_id
                                                  ORDER BY g.position, g.number) AS n
                        FROM goal g JOIN initiative i ON i.id = g.initiative_id
                        WHERE i.plan_id = ?2)
             UPDATE goal SET previous_uid =
                 (SELECT o.uid FROM o JOIN x ON x.parent = o.parent AND x.n = o.n
                  WHERE x.id = goal.id)
             WHERE initiative_id IN (SELECT id FROM initiative WHERE plan_id = ?2)",
            params![old, new],
        )?;
        tx.execute(
            "WITH o AS (SELECT a.uid, g.uid AS parent,
                               ROW_NUMBER() OVER (PARTITION BY a.goal_id ORDER BY a.position, a.id) AS n
                        FROM activity a JOIN goal g ON g.id = a.goal_id
                        JOIN initiative i ON i.id = g.initiative_id WHERE i.plan_id = ?1),
                  x AS (SELECT a.id, g.previous_uid AS parent,
                               ROW_NUMBER() OVER (PARTITION BY a.goal_id ORDER BY a.position, a.id) AS n
                        FROM activity a JOIN goal g ON g.id = a.goal_id
                        JOIN initiative i ON i.id = g.initiative_id WHERE i.plan_id = ?2)
             UPDATE activity SET previous_uid =
                 (SELECT o.uid FROM o JOIN x ON x.parent = o.parent AND x.n = o.n
                  WHERE x.id = activity.id)
             WHERE goal_id IN (SELECT g.id FROM goal g JOIN initiative i ON i.id = g.initiative_id
                               WHERE i.plan_id = ?2)",
            params![old, new],
        )?;
        // The new plan's one log row says it was rolled over: from which plan to which.
        tx.execute(
            "UPDATE change_log SET kind = ?2, source = ?3, old = ?4, new = ?5 WHERE plan_id = ?1",
            params![
                new,
                ChangeKind::Rollover.word(),
                Source::RolledOver.word(),
                serde_json::Value::String(from.slug.clone()).to_string(),
                serde_json::Value::String(next.slug.clone()).to_string(),
            ],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The plan a rolled-over `plan` was made from, when the caller can undo that rollover:
    /// the plan came from a rollover by the caller, and nothing else the caller did in it is
    /// left to undo.
    pub fn rollover_to_undo(&self, plan: PlanId) -> Result<Option<String>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT actor, old FROM change_log WHERE plan_id = ?1 AND kind = ?2 ORDER BY id LIMIT 1",
                params![plan.0, ChangeKind::Rollover.word()],
                |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())),
            )
            .optional()?;
        let Some((actor, old)) = row else {
            return Ok(None);
        };
        if actor != self.actor || self.has_undo(plan) {
            return Ok(None);
        }
        let from = serde_json::from_str::<String>(&old).unwrap_or(old);
        Ok(Some(from))
    }

    /// The plan the caller's latest action imported, when undoing that action means removing
    /// the plan: the caller's last change-log row in the file is a plan's import, nothing else
    /// was done in that plan since (by anyone), and another plan stays in the file. Its id and
    /// the name it was imported as.
    pub fn import_to_undo(&self) -> Result<Option<(PlanId, String)>, StoreError> {
        let row: Option<(i64, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT plan_id, batch, kind, subject FROM change_log WHERE actor = ?1
                 ORDER BY id DESC LIMIT 1",
                params![self.actor],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((plan, batch, kind, slug)) = row else {
            return Ok(None);
        };
        if kind != ChangeKind::Import.word() {
            return Ok(None);
        }
        let (since, plans): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM change_log WHERE plan_id = ?1 AND batch != ?2),
                    (SELECT count(*) FROM plan)",
            params![plan, batch],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((since == 0 && plans > 1).then_some((PlanId(plan), slug)))
    }

    /// Removes a plan made in one action (rolled over, or imported) with everything in it, its change log included, and leaves
    /// one row in the predecessor's log saying so (an undo of the rollover: who, when). Refused,
    /// in the same transaction as the delete, when anything there is not the caller's to take
    /// away: a change by someone else, a handout, a later year made from it, or an edit of the
    /// caller's still to undo first.
    pub fn remove_rolled_over(&mut self, plan: PlanId) -> Result<(), UndoError> {
        self.check_before_write()?;
        // Unchecked: the checks below read through `self` while the transaction is open.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let (slug, from): (String, Option<i64>) = tx.query_row(
            "SELECT p.slug, (SELECT f.id FROM plan f, change_log c
                             WHERE c.plan_id = p.id AND c.kind = ?2 AND f.slug = json_extract(c.old, '$'))
             FROM plan p WHERE p.id = ?1",
            params![plan.0, ChangeKind::Rollover.word()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let refused = |current: String| UndoError::ChangedSince {
            action: UndoAction::Undo.word(),
            subject: (strings().errors.undo.rollover)(&slug),
            current,
        };
        let words = &strings().errors.undo;
        let other: Option<(String, String)> = tx
            .query_row(
                &format!(
                    "SELECT actor, {MINUTE} FROM change_log WHERE plan_id = ?1 AND actor <> ?2
                     ORDER BY id DESC LIMIT 1"
                ),
                params![plan.0, self.actor],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((actor, at)) = other {
            return Err(refused((words.edited_by)(&actor, &at)));
        }
        let handout: Option<(String, String)> = tx
            .query_row(
                "SELECT section, strftime('%Y-%m-%d %H:%M', created_at, 'localtime') FROM handout
                 WHERE plan_id = ?1 ORDER BY id DESC LIMIT 1",
                [plan.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((section, at)) = handout {
            return Err(refused((words.handed_out)(&section, &at)));
        }
        // A later year's rows link here by `previous_uid`: they would dangle.
        let later: Option<(String, String, String)> = tx
            .query_row(
                &format!(
                    "SELECT l.slug, c.actor, {MINUTE} FROM plan l
                     JOIN plan p ON p.id = ?1
                     JOIN change_log c ON c.plan_id = l.id
                     WHERE coalesce(l.lineage, l.uid) = coalesce(p.lineage, p.uid)
                       AND l.fiscal_year > p.fiscal_year
                     ORDER BY c.id LIMIT 1"
                ),
                [plan.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((later, actor, at)) = later {
            return Err(refused((words.rolled_on)(&later, &actor, &at)));
        }
        if self.has_undo(plan) {
            return Err(UndoError::NothingToUndo);
        }
        tx.execute("DELETE FROM change_log WHERE plan_id = ?1", [plan.0])?;
        tx.execute(
            "UPDATE goal SET activities_from = NULL WHERE initiative_id IN
                 (SELECT id FROM initiative WHERE plan_id = ?1)",
            [plan.0],
        )?;
        tx.execute("DELETE FROM plan WHERE id = ?1", [plan.0])?;
        if let Some(from) = from {
            log_rollover_undone(&tx, &self.actor, from, &slug)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// The trace an undone rollover leaves in the plan it was made from: one undo row about the
/// plan, from the removed plan's id to none, so `tassei log` says who undid it and when; its
/// own batch, which ends the caller's redo there (`undo.rs`).
fn log_rollover_undone(
    tx: &Transaction,
    actor: &str,
    from: i64,
    removed: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO change_log (id, batch, actor, plan_id, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source)
         SELECT next, next, ?1, ?2, ?3, ?2, (SELECT uid FROM plan WHERE id = ?2),
                (SELECT slug FROM plan WHERE id = ?2), ?4, ?5, NULL, ?6, ?7
         FROM (SELECT ifnull(max(id), 0) + 1 AS next FROM change_log)",
        params![
            actor,
            from,
            PLAN_ENTITY,
            IMPORT_FIELD,
            serde_json::Value::String(removed.to_string()).to_string(),
            ChangeKind::Undo.word(),
            Source::Undo.word(),
        ],
    )?;
    Ok(())
}

/// A change-log time to the minute, local, as undo's refusals name it.
const MINUTE: &str = "strftime('%Y-%m-%d %H:%M', at, 'localtime')";

impl Store {
    /// The stored plan's links to the year before: its lineage, when it was rolled over from
    /// another plan, and each row's `previous_uid` (for `export --format plan`).
    pub fn year_links(&self, plan: PlanId) -> Result<YearLinks, StoreError> {
        let lineage: Option<String> = self
            .conn
            .query_row("SELECT lineage FROM plan WHERE id = ?1", [plan.0], |r| {
                r.get(0)
            })
            .optional()?
            .flatten();
        let mut links = YearLinks {
            lineage: lineage
                .map(|l| uid(&l, Place("plan", plan.0, "lineage")))
                .transpose()?,
            ..YearLinks::default()
        };
        let mut stmt = self.conn.prepare(
            "SELECT uid, previous_uid FROM initiative
             WHERE plan_id = ?1 AND previous_uid IS NOT NULL
             UNION ALL
             SELECT g.uid, g.previous_uid FROM goal g JOIN initiative i ON i.id = g.initiative_id
             WHERE i.plan_id = ?1 AND g.previous_uid IS NOT NULL
             UNION ALL
             SELECT a.uid, a.previous_uid FROM activity a JOIN goal g ON g.id = a.goal_id
             JOIN initiative i ON i.id = g.initiative_id
             WHERE i.plan_id = ?1 AND a.previous_uid IS NOT NULL",
        )?;
        let mut rows = stmt.query([plan.0])?;
        while let Some(r) = rows.next()? {
            let (own, before): (String, String) = (r.get(0)?, r.get(1)?);
            let own = uid(&own, Place("plan", plan.0, "uid"))?;
            links
                .previous
                .insert(own, uid(&before, Place("plan", plan.0, "previous_uid"))?);
        }
        Ok(links)
    }
}

/// Writes an imported plan's links to the year before (a plan file's `lineage` and
/// `previous_uid`s), in the import's transaction; its rows have the uids the links name.
pub(super) fn link_years(tx: &Transaction, plan_id: i64, plan: &Plan) -> rusqlite::Result<()> {
    let links = &plan.links;
    if links.is_empty() {
        return Ok(());
    }
    if let Some(lineage) = links.lineage {
        tx.execute(
            "UPDATE plan SET lineage = ?1 WHERE id = ?2",
            params![lineage.to_string(), plan_id],
        )?;
    }
    let mut initiative =
        tx.prepare_cached("UPDATE initiative SET previous_uid = ?1 WHERE uid = ?2")?;
    let mut goal = tx.prepare_cached("UPDATE goal SET previous_uid = ?1 WHERE uid = ?2")?;
    let mut activity = tx.prepare_cached("UPDATE activity SET previous_uid = ?1 WHERE uid = ?2")?;
    let set = |stmt: &mut rusqlite::CachedStatement, own: crate::model::Uid| match links
        .previous_of(own)
    {
        Some(before) => stmt
            .execute(params![before.to_string(), own.to_string()])
            .map(drop),
        None => Ok(()),
    };
    for ini in &plan.initiatives {
        set(&mut initiative, ini.uid)?;
        for g in &ini.goals {
            set(&mut goal, g.uid)?;
            for a in &g.activities {
                set(&mut activity, a.uid)?;
            }
        }
    }
    Ok(())
}
