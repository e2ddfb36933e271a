//! Reading plans out of the file: one query per table, assembled in memory, so loading costs
//! the same handful of statements for 26 goals or 100,000.

mod activities;

use std::collections::HashMap;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::codec::{Place, date, decimal, kana, optional_decimal, uid, value, word};
use super::columns::{by_name, text};
use super::{Store, StoreError};
use crate::model::expression::Expression;
use crate::model::{
    Derivation, FiscalYear, Goal, GoalId, GoalRef, Initiative, InitiativeCode, InitiativeId,
    MeetingNote, Part, PartId, Plan, PlanId, PolicyArea, Thresholds,
};
use crate::strings::strings;
use activities::activities;

/// A plan as listed by `tassei plans`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    pub id: PlanId,
    pub slug: String,
    pub municipality: String,
    pub title: String,
    pub fiscal_year: FiscalYear,
    pub goals: usize,
    /// What the plan's fiscal years share (the first year's uid): the years of one plan.
    pub lineage: String,
}

/// From this many goals a plan's activities are read on a second connection, in parallel.
const READ_IN_PARALLEL_FROM: usize = 2_000;

/// Where each goal id landed: (initiative index, goal index) in the plan being loaded.
type GoalPlaces = HashMap<i64, (usize, usize)>;

impl Store {
    /// Every plan in the file, oldest first.
    pub fn plans(&self) -> Result<Vec<PlanSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.slug, p.municipality, p.title, p.fiscal_year,
                    (SELECT count(*) FROM goal g JOIN initiative i ON g.initiative_id = i.id WHERE i.plan_id = p.id) AS goals,
                    coalesce(p.lineage, p.uid) AS lineage
             FROM plan p ORDER BY p.id",
        )?;
        let [id, slug, municipality, title, fiscal_year, goals, lineage] = by_name(
            &stmt,
            [
                "id",
                "slug",
                "municipality",
                "title",
                "fiscal_year",
                "goals",
                "lineage",
            ],
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PlanSummary {
                id: PlanId(r.get(id)?),
                slug: r.get(slug)?,
                municipality: r.get(municipality)?,
                title: r.get(title)?,
                fiscal_year: FiscalYear(r.get(fiscal_year)?),
                goals: r.get::<_, i64>(goals)?.try_into().unwrap_or(0),
                lineage: r.get(lineage)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The plan named by `slug`, or when `slug` is `None` the first plan's newest fiscal year
    /// (the first plan itself until it is rolled over).
    pub fn plan_id(&self, slug: Option<&str>) -> Result<PlanId, StoreError> {
        self.find_plan(slug).map_err(|e| self.name_damage(e))
    }

    fn find_plan(&self, slug: Option<&str>) -> Result<PlanId, StoreError> {
        let found: Option<i64> = match slug {
            Some(s) => self
                .conn
                .query_row("SELECT id FROM plan WHERE slug = ?1", [s], |r| r.get(0))
                .optional()?,
            None => self
                .conn
                // The first plan's newest year: after a rollover, the year just made.
                .query_row(
                    "SELECT (SELECT id FROM plan
                             WHERE coalesce(lineage, uid) = coalesce(first.lineage, first.uid)
                             ORDER BY fiscal_year DESC, id LIMIT 1)
                     FROM (SELECT min(id) AS id FROM plan) AS lowest
                     LEFT JOIN plan AS first ON first.id = lowest.id",
                    [],
                    |r| r.get(0),
                )?,
        };
        match (found, slug) {
            (Some(id), _) => Ok(PlanId(id)),
            (None, Some(s)) => Err(StoreError::NoSuchPlan(s.to_string())),
            (None, None) => Err(StoreError::NoPlans),
        }
    }

    /// Loads a whole plan: initiatives, goals, parts, activities and their sections.
    ///
    /// Activities (the most rows) are read on a second, read-only connection while this one
    /// reads the goals, so a 100,000-goal plan opens in about half the time on two cores. The
    /// two reads are separate snapshots; if another program committed meanwhile (the file's
    /// data version moved), the plan is read again. A file that keeps changing is read a third
    /// time in one read transaction on this connection alone, so a plan is never a mix of two
    /// states.
    pub fn load_plan(&self, id: PlanId) -> Result<Plan, StoreError> {
        self.load_plan_consistent(id)
            .map_err(|e| self.name_damage(e))
    }

    /// [`Store::load_plan`], with damage said as it was met.
    fn load_plan_consistent(&self, id: PlanId) -> Result<Plan, StoreError> {
        for _ in 0..2 {
            let version = self.data_version()?;
            let plan = self.load_plan_once(id, true)?;
            let counted = self.counted_in_tables(id)?;
            if self.data_version()? == version {
                self.cross_check(&plan, counted)?;
                return Ok(plan);
            }
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let read = self
            .load_plan_once(id, false)
            .and_then(|plan| Ok((self.counted_in_tables(id)?, plan)));
        let ended = self
            .conn
            .execute_batch(if read.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let (counted, plan) = read?;
        ended?;
        self.cross_check(&plan, counted)?;
        Ok(plan)
    }

    /// `parallel`: a large plan's activities may be read on a second connection.
    fn load_plan_once(&self, id: PlanId, parallel: bool) -> Result<Plan, StoreError> {
        let mut plan = self.plan_row(id)?;
        plan.areas = self.areas(id)?;
        let (initiatives, goals) = self.initiatives(id)?;
        plan.initiatives = initiatives;
        // 通年 and 上半期 name the plan's fiscal year.
        let year = plan.fiscal_year;
        // A file held exclusively (a network share) admits no second connection.
        let (goal_at, activities) = if !parallel || self.exclusive || goals < READ_IN_PARALLEL_FROM
        {
            // A second connection costs more than it saves on a small plan.
            let goal_at = self.goals_and_details(id, &mut plan.initiatives)?;
            (goal_at, activities(&self.conn, id, year)?)
        } else {
            let path = self.path.clone();
            let (goal_at, activities) = std::thread::scope(|scope| {
                let reader = scope.spawn(move || -> Result<_, StoreError> {
                    let conn = Connection::open_with_flags(
                        super::files::sqlite_path(&path),
                        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    conn.busy_timeout(super::BUSY_TIMEOUT)?;
                    activities(&conn, id, year)
                });
                let goal_at = self.goals_and_details(id, &mut plan.initiatives);
                let activities = match reader.join() {
                    Ok(Ok(activities)) => Ok(activities),
                    // A file the second connection cannot open is read on this one instead.
                    Ok(Err(_)) | Err(_) => activities(&self.conn, id, year),
                };
                (goal_at, activities)
            });
            (goal_at?, activities?)
        };
        for (goal_id, list) in activities {
            if let Some(&(i, g)) = goal_at.get(&goal_id) {
                plan.initiatives[i].goals[g].activities = list;
            }
        }
        Ok(plan)
    }

    /// The plan's initiatives and goals counted through their tables, against what was read
    /// through the indexes: `quick_check` does not compare an index with its table, and an
    /// index that lost its entries would show a plan of 0 goals as if that were so. About
    /// 25 ms at 100,000 goals.
    fn cross_check(&self, plan: &Plan, in_tables: (i64, i64)) -> Result<(), StoreError> {
        let (in_table, goals_in_table) = in_tables;
        let read = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let words = &strings().errors.store;
        for (mismatch, table, through_index) in [
            (
                words.index_initiatives,
                in_table,
                read(plan.initiatives.len()),
            ),
            (
                words.index_goals,
                goals_in_table,
                read(plan.goals().count()),
            ),
        ] {
            if table != through_index {
                return Err(self.damaged(mismatch(through_index, table)));
            }
        }
        Ok(())
    }

    /// How many initiatives and goals the plan's rows in the tables number, read without the
    /// indexes.
    fn counted_in_tables(&self, id: PlanId) -> Result<(i64, i64), StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM initiative NOT INDEXED WHERE plan_id = ?1),
                    (SELECT count(*) FROM goal NOT INDEXED
                     WHERE initiative_id IN (SELECT id FROM initiative NOT INDEXED WHERE plan_id = ?1))",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The goals with their parts, derivations and notes; returns where each goal id landed.
    pub(super) fn goals_and_details(
        &self,
        id: PlanId,
        initiatives: &mut [Initiative],
    ) -> Result<GoalPlaces, StoreError> {
        let goal_at = self.goals(id, initiatives)?;
        self.parts(id, initiatives, &goal_at)?;
        self.derivations(id, initiatives, &goal_at)?;
        self.notes(id, initiatives, &goal_at)?;
        for initiative in initiatives.iter_mut() {
            for goal in &mut initiative.goals {
                // Two parts pushed one by one would hold room for four.
                goal.parts.shrink_to_fit();
            }
        }
        Ok(goal_at)
    }

    pub(super) fn plan_row(&self, id: PlanId) -> Result<Plan, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT slug, municipality, title, fiscal_year, achieved_threshold, near_threshold, source, uid
                 FROM plan WHERE id = ?1",
                [id.0],
                |r| {
                    Ok((
                        r.get::<_, String>("slug")?,
                        r.get::<_, String>("municipality")?,
                        r.get::<_, String>("title")?,
                        r.get::<_, i32>("fiscal_year")?,
                        r.get::<_, String>("achieved_threshold")?,
                        r.get::<_, String>("near_threshold")?,
                        r.get::<_, String>("source")?,
                        r.get::<_, String>("uid")?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchPlan(format!("#{}", id.0)))?;
        let (slug, municipality, title, fiscal_year, achieved, near, source, plan_uid) = row;
        Ok(Plan {
            id,
            uid: uid(&plan_uid, Place("plan", id.0, "uid"))?,
            thresholds: Thresholds {
                achieved: decimal(&achieved, "plan achieved_threshold")?,
                near: decimal(&near, "plan near_threshold")?,
            },
            slug,
            municipality,
            title,
            fiscal_year: FiscalYear(fiscal_year),
            source,
            areas: vec![],
            initiatives: vec![],
            links: Default::default(),
        })
    }

    fn areas(&self, id: PlanId) -> Result<Vec<PolicyArea>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT number, title FROM policy_area WHERE plan_id = ?1 ORDER BY number")?;
        let [number, title] = by_name(&stmt, ["number", "title"])?;
        let rows = stmt.query_map([id.0], |r| {
            Ok(PolicyArea {
                number: r.get(number)?,
                title: r.get(title)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The plan's initiatives, each with room for its goals, and how many goals there are.
    pub(super) fn initiatives(&self, id: PlanId) -> Result<(Vec<Initiative>, usize), StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, area, kana, title, (SELECT count(*) FROM goal g WHERE g.initiative_id = initiative.id) AS goals, uid
             FROM initiative WHERE plan_id = ?1 ORDER BY position",
        )?;
        let [id_at, area, kana_at, title, goal_count, uid_at] =
            by_name(&stmt, ["id", "area", "kana", "title", "goals", "uid"])?;
        let mut rows = stmt.query([id.0])?;
        let mut out = Vec::new();
        let mut goals = 0;
        while let Some(r) = rows.next()? {
            let row_id: i64 = r.get(id_at)?;
            let letter = kana(&r.get::<_, String>(kana_at)?, row_id)?;
            let count: usize = r.get::<_, i64>(goal_count)?.try_into().unwrap_or(0);
            goals += count;
            out.push(Initiative {
                id: InitiativeId(row_id),
                uid: uid(text(r, uid_at)?, Place("initiative", row_id, "uid"))?,
                code: InitiativeCode {
                    area: r.get(area)?,
                    kana: letter,
                },
                title: r.get(title)?,
                // Sized now: grown by doubling, 100 goals would hold room for 128.
                goals: Vec::with_capacity(count),
            });
        }
        Ok((out, goals))
    }

    /// Loads goals into their initiatives; returns where each goal id landed.
    fn goals(&self, id: PlanId, initiatives: &mut [Initiative]) -> Result<GoalPlaces, StoreError> {
        let index: HashMap<i64, usize> = initiatives
            .iter()
            .enumerate()
            .map(|(i, ini)| (ini.id.0, i))
            .collect();
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.initiative_id, g.number, g.title, g.note, g.unit, g.calc_method, g.formula, g.direction,
                    g.precision, g.allow_negative, g.baseline_num, g.baseline_text, g.target_num, g.target_text,
                    g.actual_num, g.actual_text, g.milestone, g.evaluation, g.printed_achievement, g.page,
                    g.activities_from, g.uid
             FROM goal g JOIN initiative i ON g.initiative_id = i.id
             WHERE i.plan_id = ?1 ORDER BY i.position, g.position",
        )?;
        let [
            id_at,
            initiative_at,
            number,
            title,
            note,
            unit,
            calc_method,
            formula,
            direction,
            precision,
            allow_negative,
            baseline_num,
            baseline_text,
            target_num,
            target_text,
            actual_num,
            actual_text,
            milestone,
            evaluation,
            printed_achievement,
            page,
            activities_from,
            uid_at,
        ] = by_name(
            &stmt,
            [
                "id",
                "initiative_id",
                "number",
                "title",
                "note",
                "unit",
                "calc_method",
                "formula",
                "direction",
                "precision",
                "allow_negative",
                "baseline_num",
                "baseline_text",
                "target_num",
                "target_text",
                "actual_num",
                "actual_text",
                "milestone",
                "evaluation",
                "printed_achievement",
                "page",
                "activities_from",
                "uid",
            ],
        )?;
        let mut rows = stmt.query([id.0])?;
        let mut goal_at = HashMap::new();
        let mut links: Vec<(usize, usize, i64)> = Vec::new();
        while let Some(r) = rows.next()? {
            let goal_id: i64 = r.get(id_at)?;
            let place = |column| Place("goal", goal_id, column);
            let Some(&ini) = index.get(&r.get::<_, i64>(initiative_at)?) else {
                continue;
            };
            let goal = Goal {
                id: GoalId(goal_id),
                uid: uid(text(r, uid_at)?, place("uid"))?,
                number: r.get(number)?,
                title: r.get(title)?,
                note: r.get(note)?,
                unit: r.get(unit)?,
                calc_method: r.get(calc_method)?,
                formula: word(text(r, formula)?, place("formula"))?,
                direction: word(text(r, direction)?, place("direction"))?,
                precision: r.get(precision)?,
                allow_negative: r.get(allow_negative)?,
                baseline: value(
                    r.get(baseline_num)?,
                    r.get(baseline_text)?,
                    place("baseline"),
                )?,
                target: value(r.get(target_num)?, r.get(target_text)?, place("target"))?,
                actual: value(r.get(actual_num)?, r.get(actual_text)?, place("actual"))?,
                milestone: r
                    .get::<_, Option<String>>(milestone)?
                    .map(|m| word(&m, place("milestone")))
                    .transpose()?,
                parts: vec![],
                evaluation: r.get(evaluation)?,
                printed_achievement: r.get(printed_achievement)?,
                page: r.get(page)?,
                activities: vec![],
                activities_from: None,
                derivations: vec![],
                notes: vec![],
            };
            let at = (ini, initiatives[ini].goals.len());
            if let Some(source) = r.get::<_, Option<i64>>(activities_from)? {
                links.push((at.0, at.1, source));
            }
            goal_at.insert(goal_id, at);
            initiatives[ini].goals.push(goal);
        }
        for (ini, g, source) in links {
            let Some(&(si, sg)) = goal_at.get(&source) else {
                return Err(StoreError::Corrupt(
                    (strings().errors.store.missing_source)(source),
                ));
            };
            let source_ref = GoalRef {
                initiative: initiatives[si].code,
                goal: initiatives[si].goals[sg].number,
            };
            initiatives[ini].goals[g].activities_from = Some(source_ref);
        }
        Ok(goal_at)
    }

    /// Runs a query over rows that belong to the plan's goals (`table` has a `goal_id`) and
    /// hands each row to `each` with its goal and the positions of `columns`, in their order.
    fn goal_rows<const N: usize>(
        &self,
        (table, columns, order): (&str, [&str; N], &str),
        id: PlanId,
        initiatives: &mut [Initiative],
        goal_at: &GoalPlaces,
        mut each: impl FnMut(&mut Goal, i64, &rusqlite::Row, [usize; N]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let selected: Vec<String> = columns.iter().map(|c| format!("x.{c}")).collect();
        let sql = format!(
            "SELECT {}, x.goal_id FROM {table} x
             JOIN goal g ON x.goal_id = g.id JOIN initiative i ON g.initiative_id = i.id
             WHERE i.plan_id = ?1 ORDER BY i.position, g.position, {order}",
            selected.join(", ")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let at = by_name(&stmt, columns)?;
        let [goal_column] = by_name(&stmt, ["goal_id"])?;
        let mut rows = stmt.query([id.0])?;
        while let Some(r) = rows.next()? {
            let goal_id: i64 = r.get(goal_column)?;
            if let Some(&(i, g)) = goal_at.get(&goal_id) {
                each(&mut initiatives[i].goals[g], goal_id, r, at)?;
            }
        }
        Ok(())
    }

    fn parts(
        &self,
        id: PlanId,
        initiatives: &mut [Initiative],
        goal_at: &GoalPlaces,
    ) -> Result<(), StoreError> {
        let query = (
            "goal_part",
            ["id", "label", "unit", "target", "actual", "note", "uid"],
            "x.position",
        );
        self.goal_rows(query, id, initiatives, goal_at, |goal, _, r, at| {
            let [id, label, unit, target, actual, note, uid_at] = at;
            let part_id: i64 = r.get(id)?;
            goal.parts.push(Part {
                id: PartId(part_id),
                uid: uid(text(r, uid_at)?, Place("part", part_id, "uid"))?,
                label: r.get(label)?,
                unit: r.get(unit)?,
                target: decimal(text(r, target)?, Place("part", part_id, "target"))?,
                actual: optional_decimal(r.get(actual)?, Place("part", part_id, "actual"))?,
                note: r.get(note)?,
            });
            Ok(())
        })
    }

    fn notes(
        &self,
        id: PlanId,
        initiatives: &mut [Initiative],
        goal_at: &GoalPlaces,
    ) -> Result<(), StoreError> {
        let query = (
            "meeting_note",
            [
                "meeting_date",
                "decision",
                "follow_up",
                "owner",
                "due",
                "figures",
            ],
            "x.meeting_date",
        );
        self.goal_rows(query, id, initiatives, goal_at, |goal, goal_id, r, at| {
            let [meeting_date, decision, follow_up, owner, due, figures] = at;
            let words = &strings().errors.store;
            let place = (words.note_place)(goal_id);
            let date = date(Some(r.get(meeting_date)?), &place)?
                .ok_or_else(|| StoreError::Corrupt((words.note_no_date)(&place)))?;
            let figures: String = r.get(figures)?;
            let figures = serde_json::from_str(&figures)
                .map_err(|e| StoreError::Corrupt((words.note_figures)(&place, &e)))?;
            goal.notes.push(MeetingNote {
                date,
                decision: r.get(decision)?,
                follow_up: r.get(follow_up)?,
                owner: r.get(owner)?,
                due: r.get(due)?,
                figures,
            });
            Ok(())
        })
    }

    fn derivations(
        &self,
        id: PlanId,
        initiatives: &mut [Initiative],
        goal_at: &GoalPlaces,
    ) -> Result<(), StoreError> {
        let order = "CASE x.figure WHEN 'baseline' THEN 0 WHEN 'target' THEN 1 ELSE 2 END";
        let query = (
            "goal_derivation",
            ["figure", "expression", "precision"],
            order,
        );
        self.goal_rows(query, id, initiatives, goal_at, |goal, goal_id, r, at| {
            let [figure, expression, precision] = at;
            let place = (strings().errors.store.derivation_place)(goal_id);
            let text: String = r.get(expression)?;
            let expression = Expression::parse(&text)
                .map_err(|e| StoreError::Corrupt(format!("{place}: {e}")))?;
            goal.derivations.push(Derivation {
                figure: word(&r.get::<_, String>(figure)?, &place)?,
                expression,
                precision: r.get(precision)?,
            });
            Ok(())
        })
    }
}
