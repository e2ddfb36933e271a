//! Edits: the one write path for every front end. Each edit reads the current value, checks it,
//! writes the new value and its change-log row, all in one IMMEDIATE transaction.

use std::fmt;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use rust_decimal::Decimal;

use super::codec::{
    decimal_text, entity_table, entity_word, field_of_word, field_word, optional_decimal, value,
    value_columns, word,
};
use super::log::{LastChange, last_change_in};
use super::{Store, is_busy};
use crate::model::{
    ActivityId, ActivityStatus, CalendarDate, EntityKind, FieldRef, FormulaKind, GoalId, Grouped,
    InitiativeCode, MeetingNote, MilestoneState, NoteField, NoteFigures, PartId, Plan, PlanId,
    Value, refuses_negative,
};

/// A change a clerk makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// 実績値 of a goal (a number, or text for a milestone).
    Actual { goal: GoalId, value: Value },
    /// Whether a milestone goal was achieved.
    Milestone { goal: GoalId, state: MilestoneState },
    /// 実績値 of one part of a composite goal.
    PartActual {
        part: PartId,
        value: Option<Decimal>,
    },
    /// Progress of an activity.
    ActivityStatus {
        activity: ActivityId,
        status: ActivityStatus,
    },
    /// 評価内容.
    Evaluation { goal: GoalId, text: String },
    /// A field of the goal's note from the meeting on `date`. `figures` are the goal's figures
    /// as shown when the note was written (kept as they were when `None`, as in an undo).
    Note {
        goal: GoalId,
        date: CalendarDate,
        field: NoteField,
        text: String,
        figures: Option<NoteFigures>,
    },
}

impl Edit {
    /// The field this edit changes.
    pub fn field_ref(&self) -> FieldRef {
        match self {
            Edit::Actual { goal, .. } => FieldRef::Actual(*goal),
            Edit::Milestone { goal, .. } => FieldRef::Milestone(*goal),
            Edit::Evaluation { goal, .. } => FieldRef::Evaluation(*goal),
            Edit::PartActual { part, .. } => FieldRef::PartActual(*part),
            Edit::ActivityStatus { activity, .. } => FieldRef::ActivityStatus(*activity),
            Edit::Note {
                goal, date, field, ..
            } => FieldRef::Note {
                goal: *goal,
                date: *date,
                field: *field,
            },
        }
    }
}

/// The value of an editable field: what is shown, compared, and logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Value(Value),
    Milestone(Option<MilestoneState>),
    Number(Option<Decimal>),
    Status(ActivityStatus),
    Text(String),
    /// A meeting note's field: the meeting date and the text.
    Note {
        date: CalendarDate,
        text: String,
    },
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Value(v) => write!(f, "{v}"),
            FieldValue::Milestone(Some(m)) => f.write_str(milestone_label(*m)),
            FieldValue::Milestone(None) | FieldValue::Number(None) => f.write_str("ー"),
            FieldValue::Number(Some(n)) => write!(f, "{}", Grouped(n)),
            FieldValue::Status(s) => f.write_str(s.label_ja()),
            FieldValue::Text(t) if t.is_empty() => f.write_str("(empty)"),
            FieldValue::Text(t) => write!(f, "\"{}\"", one_line(t, 40)),
            FieldValue::Note { text, .. } if text.is_empty() => f.write_str("(empty)"),
            FieldValue::Note { text, .. } => write!(f, "\"{}\"", one_line(text, 40)),
        }
    }
}

fn milestone_label(m: MilestoneState) -> &'static str {
    match m {
        MilestoneState::Achieved => "達成",
        MilestoneState::NotAchieved => "未達成",
        MilestoneState::NotGraded => "評価なし",
    }
}

/// First line of a text, cut to `max` characters, for one-line messages.
fn one_line(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("");
    let cut: String = first.chars().take(max).collect();
    if cut.chars().count() < text.chars().count() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl FieldValue {
    /// The change-log encoding: JSON, `null` for none. A number is a string (`"9016"`), text
    /// in a value is `{"text": …}` as in the plan file, a status or state is its word.
    pub fn encode(&self) -> Option<String> {
        use serde_json::{Value as J, json};
        let j = match self {
            FieldValue::Value(Value::None)
            | FieldValue::Milestone(None)
            | FieldValue::Number(None) => return None,
            FieldValue::Value(Value::Number(n)) | FieldValue::Number(Some(n)) => {
                J::String(decimal_text(n))
            }
            FieldValue::Value(Value::Text(t)) => json!({ "text": t }),
            FieldValue::Milestone(Some(m)) => J::String(m.word().into()),
            FieldValue::Status(s) => J::String(s.word().into()),
            FieldValue::Text(t) => J::String(t.clone()),
            FieldValue::Note { date, text } => json!({ "date": date.to_string(), "text": text }),
        };
        Some(j.to_string())
    }

    /// Reads a change-log value of `field` back. `None` when it cannot be read.
    pub fn decode(field: &str, encoded: Option<&str>) -> Option<FieldValue> {
        use serde_json::Value as J;
        let json: Option<J> = match encoded {
            None => None,
            Some(text) => Some(serde_json::from_str(text).ok()?),
        };
        let decimal = |s: &str| Decimal::from_str_exact(s).ok();
        Some(match (field, json) {
            ("actual", None) => FieldValue::Value(Value::None),
            ("actual", Some(J::String(n))) => FieldValue::Value(Value::Number(decimal(&n)?)),
            ("actual", Some(J::Object(o))) => {
                FieldValue::Value(Value::Text(o.get("text")?.as_str()?.to_string()))
            }
            ("milestone", None) => FieldValue::Milestone(None),
            ("milestone", Some(J::String(m))) => FieldValue::Milestone(Some(m.parse().ok()?)),
            ("part_actual", None) => FieldValue::Number(None),
            ("part_actual", Some(J::String(n))) => FieldValue::Number(Some(decimal(&n)?)),
            ("activity_status", Some(J::String(s))) => FieldValue::Status(s.parse().ok()?),
            ("evaluation", Some(J::String(t))) => FieldValue::Text(t),
            (note, Some(J::Object(o))) if note.starts_with("note_") => FieldValue::Note {
                date: CalendarDate::from_stored(o.get("date")?.as_str()?)?,
                text: o.get("text")?.as_str()?.to_string(),
            },
            _ => return None,
        })
    }
}

/// Why a change-log row was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Edit,
    /// Reverts the edit (or redo) in the given row.
    Undo(i64),
    /// Re-applies what the undo in the given row reverted.
    Redo(i64),
}

impl LogKind {
    fn word(self) -> &'static str {
        match self {
            LogKind::Edit => "edit",
            LogKind::Undo(_) => "undo",
            LogKind::Redo(_) => "redo",
        }
    }

    /// Where the new value came from (the log's `source`): typed by the clerk, or taken back
    /// from the log by an undo or redo.
    fn source(self) -> &'static str {
        match self {
            LogKind::Edit => "typed",
            LogKind::Undo(_) | LogKind::Redo(_) => "undo",
        }
    }

    fn reverts(self) -> Option<i64> {
        match self {
            LogKind::Edit => None,
            LogKind::Undo(row) | LogKind::Redo(row) => Some(row),
        }
    }
}

/// What an edit did, for the message a clerk sees and for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The change-log row, or `None` when the value was already the new one.
    pub log_id: Option<i64>,
    pub kind: LogKind,
    /// The edit as applied: front ends patch their copy of the plan with it.
    pub edit: Edit,
    pub plan: PlanId,
    /// `⑴-ア-1`, `⑴-オ-1 開催回数`, `⑴-ア-1 実施内容2`.
    pub subject: String,
    /// The field's stored name (`actual`, `milestone`, `part_actual`, `activity_status`, `evaluation`).
    pub field: &'static str,
    pub old: FieldValue,
    pub new: FieldValue,
}

impl fmt::Display for Applied {
    /// `saved ⑴-ア-1 実績値 9,016 → 9,500` (or `undone …`, `redone …`), or `unchanged …` when
    /// nothing was written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = field_label(self.field);
        let verb = match self.kind {
            LogKind::Edit => "saved",
            LogKind::Undo(_) => "undone",
            LogKind::Redo(_) => "redone",
        };
        match (self.log_id, &self.old, &self.new) {
            (
                Some(_),
                FieldValue::Text(old) | FieldValue::Note { text: old, .. },
                FieldValue::Text(new) | FieldValue::Note { text: new, .. },
            ) => {
                let (old, new) = text_change(old, new);
                write!(f, "{verb} {} {label} {old} → {new}", self.subject)
            }
            (Some(_), old, new) => write!(f, "{verb} {} {label} {old} → {new}", self.subject),
            (None, _, new) => write!(f, "unchanged {} {label} {new}", self.subject),
        }
    }
}

/// A change to a long text, shown as the part that differs with a few characters of context:
/// `"…していきたい。"` → `"…していきたい。⏎会議で確認した。"`. Line breaks show as ⏎.
pub fn text_change(old: &str, new: &str) -> (String, String) {
    const CONTEXT: usize = 8;
    const MAX: usize = 40;
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let show = |chars: &[char]| -> String {
        if chars.is_empty() {
            return "(empty)".to_string();
        }
        let start = prefix.saturating_sub(CONTEXT);
        let end = (chars.len() - suffix).max(start);
        let shown: String = chars[start..end]
            .iter()
            .take(MAX)
            .map(|c| if *c == '\n' { '⏎' } else { *c })
            .collect();
        let before = if start > 0 { "…" } else { "" };
        let after = if end - start > MAX || end < chars.len() {
            "…"
        } else {
            ""
        };
        format!("\"{before}{shown}{after}\"")
    };
    (show(&a), show(&b))
}

/// The Japanese label of a stored field name.
pub fn field_label(field: &str) -> &str {
    match field_of_word(field) {
        Some(key) => key.label_ja(),
        None if field == "import" => "取込",
        None => field,
    }
}

/// Why an edit was not made. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{0} is not in the data file (it may have been removed by another window)")]
    NotFound(String),
    #[error("{subject} is a composite goal: set each part's actual instead (its parts: {parts})")]
    Composite { subject: String, parts: String },
    #[error("{subject} is a {formula} goal, not a milestone: set its actual instead")]
    NotMilestone {
        subject: String,
        formula: FormulaKind,
    },
    #[error("{subject}: this goal's figures cannot be negative: {value}")]
    Negative { subject: String, value: String },
    #[error(
        "{subject}: the 期限 \"{text}\" is not a date in the stored form YYYY-MM-DD, e.g. 2026-12-15"
    )]
    BadDue { subject: String, text: String },
    #[error("{subject}: the text contains the control character U+{code:04X}; remove it")]
    ControlCharacter { subject: String, code: u32 },
    /// The stored value is no longer the one the clerk was shown. `by` names who wrote the
    /// current value and when, when the change log knows (not after a write from outside tassei).
    #[error(
        "{subject} {label} was changed {} to {current} (you saw {seen}); nothing was saved — look again and re-enter",
        changed_by(by)
    )]
    Conflict {
        subject: String,
        label: &'static str,
        seen: Box<FieldValue>,
        current: Box<FieldValue>,
        by: Option<Box<LastChange>>,
    },
    #[error("the data file is busy: another tassei is writing to it; try again in a moment")]
    Busy,
    #[error(
        "the disk is full, so nothing was saved; free some space and try again (earlier edits are safe)"
    )]
    DiskFull,
    #[error("{0}")]
    Damaged(String),
    /// The file is one of tassei's copies: never written (see [`super::StoreError::Copy`]).
    #[error("{0}")]
    CopyNotWritten(String),
    /// The damage check before the first write found the file damaged: nothing is written.
    #[error("{0}")]
    DamagedFile(super::Damage),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// `by tanaka at 2026-11-28 10:22`, or `elsewhere` when the log does not say.
fn changed_by(by: &Option<Box<LastChange>>) -> String {
    match by {
        Some(c) => format!("by {} at {}", c.actor, c.at),
        None => "elsewhere".to_string(),
    }
}

impl From<rusqlite::Error> for EditError {
    fn from(e: rusqlite::Error) -> Self {
        if is_busy(&e) {
            EditError::Busy
        } else if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            EditError::DiskFull
        } else {
            EditError::Sqlite(e)
        }
    }
}

impl From<super::StoreError> for EditError {
    fn from(e: super::StoreError) -> Self {
        use super::StoreError as S;
        match e {
            S::Damaged(damage) => EditError::DamagedFile(damage),
            copy @ S::Copy { .. } => EditError::CopyNotWritten(copy.to_string()),
            S::Busy => EditError::Busy,
            S::DiskFull => EditError::DiskFull,
            other => EditError::Damaged(other.to_string()),
        }
    }
}

/// The row an edit touches, as it is now.
struct Current {
    plan: PlanId,
    entity: &'static str,
    entity_id: i64,
    /// The row's uid, as stored: the change log names the row by it.
    entity_uid: String,
    subject: String,
    field: &'static str,
    value: FieldValue,
    formula: FormulaKind,
    allow_negative: bool,
    parts: String,
}

impl Store {
    /// Applies an edit and logs it, in one transaction: a batch of one row. With `seen`, the
    /// edit is refused when the stored value is no longer the one the clerk was shown (another
    /// window changed it); the refusal carries the value now stored and, when the change log
    /// knows, who stored it and when.
    pub fn apply(&mut self, edit: &Edit, seen: Option<&FieldValue>) -> Result<Applied, EditError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut batch = None;
        let applied = apply_in(&tx, &self.actor, edit, seen, LogKind::Edit, &mut batch)?;
        if applied.log_id.is_some() {
            tx.commit()?;
        }
        // Otherwise dropping the transaction rolls it back: nothing was written.
        Ok(applied)
    }
}

/// Applies one edit inside the caller's transaction and logs it as `kind`, in `batch` (the
/// first row written starts it: `None` becomes that row's id). Undo and redo are edits too.
pub(super) fn apply_in(
    tx: &Transaction,
    actor: &str,
    edit: &Edit,
    seen: Option<&FieldValue>,
    kind: LogKind,
    batch: &mut Option<i64>,
) -> Result<Applied, EditError> {
    let current = read_current(tx, edit)?;
    check(edit, &current)?;
    if let Some(seen) = seen.filter(|s| **s != current.value) {
        // Who wrote the value now stored, if the log says so: its latest row for the field
        // must have written exactly this value (a write from outside tassei leaves no row).
        let by = last_change_in(tx, edit.field_ref())?
            .filter(|c| c.value.as_ref() == Some(&current.value));
        return Err(EditError::Conflict {
            label: field_label(current.field),
            subject: current.subject,
            seen: Box::new(seen.clone()),
            current: Box::new(current.value),
            by: by.map(Box::new),
        });
    }
    let new = new_value(edit);
    let mut applied = Applied {
        log_id: None,
        kind,
        edit: edit.clone(),
        plan: current.plan,
        subject: current.subject.clone(),
        field: current.field,
        old: current.value.clone(),
        new: new.clone(),
    };
    // An edit to the value already there writes nothing. An undo or redo is logged even then
    // (forced over someone's change back to the same value): the log is where the stacks are
    // read from, so the action must leave its row.
    if new == current.value && kind == LogKind::Edit {
        return Ok(applied);
    }
    write(tx, edit)?;
    // Row ids are given, not left to SQLite, so that a batch can be named by its first row
    // before that row exists.
    let id: i64 = tx.query_row("SELECT ifnull(max(id), 0) + 1 FROM change_log", [], |r| {
        r.get(0)
    })?;
    let batch = *batch.get_or_insert(id);
    tx.execute(
        "INSERT INTO change_log (id, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
                                 field, old, new, kind, source, reverts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id,
            actor,
            current.plan.0,
            batch,
            current.entity,
            current.entity_id,
            current.entity_uid,
            current.subject,
            current.field,
            current.value.encode(),
            new.encode(),
            kind.word(),
            kind.source(),
            kind.reverts(),
        ],
    )?;
    applied.log_id = Some(id);
    Ok(applied)
}

/// The stored uid of the row a field belongs to; `None` when the row is gone.
pub(super) fn entity_uid(conn: &Connection, field: FieldRef) -> rusqlite::Result<Option<String>> {
    // The table name comes from a closed set, never from input.
    let sql = format!(
        "SELECT uid FROM {} WHERE id = ?1",
        entity_table(field.key().entity())
    );
    conn.query_row(&sql, [field.entity_id()], |r| r.get(0))
        .optional()
}

impl Edit {
    /// The edit that sets the field a change-log row names to `value`, when it is one an edit
    /// can set (a milestone cannot be set back to "no state", for one).
    pub fn of_logged(entity: &str, entity_id: i64, field: &str, value: FieldValue) -> Option<Edit> {
        Some(match (entity, field, value) {
            ("goal", "actual", FieldValue::Value(value)) => Edit::Actual {
                goal: GoalId(entity_id),
                value,
            },
            ("goal", "milestone", FieldValue::Milestone(Some(state))) => Edit::Milestone {
                goal: GoalId(entity_id),
                state,
            },
            ("goal", "evaluation", FieldValue::Text(text)) => Edit::Evaluation {
                goal: GoalId(entity_id),
                text,
            },
            ("part", "part_actual", FieldValue::Number(value)) => Edit::PartActual {
                part: PartId(entity_id),
                value,
            },
            ("activity", "activity_status", FieldValue::Status(status)) => Edit::ActivityStatus {
                activity: ActivityId(entity_id),
                status,
            },
            ("goal", note, FieldValue::Note { date, text }) => Edit::Note {
                goal: GoalId(entity_id),
                date,
                field: NoteField::from_word(note.strip_prefix("note_")?)?,
                text,
                figures: None,
            },
            _ => return None,
        })
    }
}

impl Edit {
    /// Applies the edit to an in-memory plan (what the store just wrote), so a front end need not
    /// reload the whole plan after each edit. Returns false when the row is not in this plan.
    pub fn apply_to(&self, plan: &mut Plan) -> bool {
        let mut goals = plan.initiatives.iter_mut().flat_map(|i| i.goals.iter_mut());
        match self {
            Edit::Actual { goal, value } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.actual = value.clone())
                .is_some(),
            Edit::Milestone { goal, state } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.milestone = Some(*state))
                .is_some(),
            Edit::Evaluation { goal, text } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.evaluation = text.clone())
                .is_some(),
            Edit::PartActual { part, value } => goals
                .flat_map(|g| g.parts.iter_mut())
                .find(|p| p.id == *part)
                .map(|p| p.actual = *value)
                .is_some(),
            Edit::ActivityStatus { activity, status } => goals
                .flat_map(|g| g.activities.iter_mut())
                .find(|a| a.id == *activity)
                .map(|a| a.status = *status)
                .is_some(),
            Edit::Note {
                goal,
                date,
                field,
                text,
                figures,
            } => goals
                .find(|g| g.id == *goal)
                .map(|g| {
                    let position = match g.notes.iter().position(|n| n.date == *date) {
                        Some(p) => p,
                        None => {
                            g.notes.push(MeetingNote::empty(*date));
                            g.notes.sort_by_key(|n| n.date);
                            g.notes.iter().position(|n| n.date == *date).unwrap_or(0)
                        }
                    };
                    let note = &mut g.notes[position];
                    note.set(*field, text.clone());
                    if let Some(figures) = figures {
                        note.figures = figures.clone();
                    }
                })
                .is_some(),
        }
    }
}

impl Edit {
    /// The value the edit writes, as it is shown and compared.
    pub fn new_value(&self) -> FieldValue {
        new_value(self)
    }
}

fn new_value(edit: &Edit) -> FieldValue {
    match edit {
        Edit::Actual { value, .. } => FieldValue::Value(value.clone()),
        Edit::Milestone { state, .. } => FieldValue::Milestone(Some(*state)),
        Edit::PartActual { value, .. } => FieldValue::Number(*value),
        Edit::ActivityStatus { status, .. } => FieldValue::Status(*status),
        Edit::Evaluation { text, .. } => FieldValue::Text(text.clone()),
        Edit::Note { date, text, .. } => FieldValue::Note {
            date: *date,
            text: text.clone(),
        },
    }
}

/// `⑴-ア-1` from a goal row's initiative area, kana and number.
fn goal_subject(area: u8, kana: &str, number: u32) -> String {
    let code = InitiativeCode {
        area,
        kana: kana.chars().next().unwrap_or('?'),
    };
    format!("{code}-{number}")
}

const GOAL_SELECT: &str = "SELECT i.plan_id, i.area, i.kana, g.number, g.formula, g.allow_negative,
        (SELECT group_concat(label, ', ') FROM (SELECT label FROM goal_part WHERE goal_id = g.id ORDER BY position))
    FROM goal g JOIN initiative i ON g.initiative_id = i.id";

/// The goal that owns an edited row: what its rules need to know.
struct GoalContext {
    plan: PlanId,
    subject: String,
    formula: FormulaKind,
    allow_negative: bool,
    /// Part labels, for the message that redirects a composite goal's edit.
    parts: String,
}

fn goal_context(
    tx: &Transaction,
    where_clause: &str,
    id: i64,
) -> Result<Option<GoalContext>, EditError> {
    let sql = format!("{GOAL_SELECT} {where_clause}");
    let row = tx
        .query_row(&sql, [id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u8>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })
        .optional()?;
    let Some((plan, area, kana, number, formula, allow_negative, parts)) = row else {
        return Ok(None);
    };
    let formula = word(&formula, format!("the goal of row {id}"))?;
    Ok(Some(GoalContext {
        plan: PlanId(plan),
        subject: goal_subject(area, &kana, number),
        formula,
        allow_negative,
        parts: parts.unwrap_or_default(),
    }))
}

fn read_current(tx: &Transaction, edit: &Edit) -> Result<Current, EditError> {
    let at = edit.field_ref();
    let (entity, id, field) = (
        entity_word(at.key().entity()),
        at.entity_id(),
        field_word(at.key()),
    );
    let where_clause = match at.key().entity() {
        EntityKind::Goal => "WHERE g.id = ?1",
        EntityKind::Part => "WHERE g.id = (SELECT goal_id FROM goal_part WHERE id = ?1)",
        EntityKind::Activity => "WHERE g.id = (SELECT goal_id FROM activity WHERE id = ?1)",
    };
    let GoalContext {
        plan,
        subject: goal_subject,
        formula,
        allow_negative,
        parts,
    } = goal_context(tx, where_clause, id)?
        .ok_or_else(|| EditError::NotFound(format!("{entity} {id}")))?;
    let place = format!("{entity} {id} {field}");
    let entity_uid = entity_uid(tx, edit.field_ref())?
        .ok_or_else(|| EditError::NotFound(format!("{entity} {id}")))?;
    let (subject, value) = match edit {
        Edit::Actual { .. } => {
            let (num, text): (Option<String>, Option<String>) = tx.query_row(
                "SELECT actual_num, actual_text FROM goal WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            (goal_subject, FieldValue::Value(value(num, text, &place)?))
        }
        Edit::Milestone { .. } => {
            let m: Option<String> =
                tx.query_row("SELECT milestone FROM goal WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            (
                goal_subject,
                FieldValue::Milestone(m.map(|m| word(&m, &place)).transpose()?),
            )
        }
        Edit::Evaluation { .. } => {
            let t: String =
                tx.query_row("SELECT evaluation FROM goal WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            (goal_subject, FieldValue::Text(t))
        }
        Edit::PartActual { .. } => {
            let (label, actual): (String, Option<String>) = tx.query_row(
                "SELECT label, actual FROM goal_part WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            (
                format!("{goal_subject} {label}"),
                FieldValue::Number(optional_decimal(actual, &place)?),
            )
        }
        Edit::ActivityStatus { .. } => {
            let (position, status): (i64, String) = tx.query_row(
                "SELECT position, status FROM activity WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            (
                format!("{goal_subject} 実施内容{}", position + 1),
                FieldValue::Status(word(&status, &place)?),
            )
        }
        Edit::Note { date, field, .. } => {
            // The column name comes from a closed set, never from input.
            let sql = format!(
                "SELECT {} FROM meeting_note WHERE goal_id = ?1 AND meeting_date = ?2",
                field.word()
            );
            let text: Option<String> = tx
                .query_row(&sql, params![id, date.to_string()], |r| r.get(0))
                .optional()?;
            (
                format!("{goal_subject} 会議 {date}"),
                FieldValue::Note {
                    date: *date,
                    text: text.unwrap_or_default(),
                },
            )
        }
    };
    Ok(Current {
        plan,
        entity,
        entity_id: id,
        entity_uid,
        subject,
        field,
        value,
        formula,
        allow_negative,
        parts,
    })
}

/// The goal's own rules: what kind of edit it takes, and whether figures may be negative.
fn check(edit: &Edit, c: &Current) -> Result<(), EditError> {
    let negative = |n: &Decimal| refuses_negative(c.allow_negative, n);
    match edit {
        Edit::Actual { .. } if c.formula == FormulaKind::Composite => Err(EditError::Composite {
            subject: c.subject.clone(),
            parts: c.parts.clone(),
        }),
        Edit::Milestone { .. } if c.formula != FormulaKind::Milestone => {
            Err(EditError::NotMilestone {
                subject: c.subject.clone(),
                formula: c.formula,
            })
        }
        Edit::Actual {
            value: Value::Number(n),
            ..
        }
        | Edit::PartActual { value: Some(n), .. }
            if negative(n) =>
        {
            Err(EditError::Negative {
                subject: c.subject.clone(),
                value: Grouped(n).to_string(),
            })
        }
        Edit::Note {
            field: NoteField::Due,
            text,
            ..
        } if !text.is_empty() && CalendarDate::from_stored(text).is_none() => {
            Err(EditError::BadDue {
                subject: c.subject.clone(),
                text: text.clone(),
            })
        }
        Edit::Actual {
            value: Value::Text(t),
            ..
        }
        | Edit::Evaluation { text: t, .. }
        | Edit::Note { text: t, .. } => {
            match t
                .chars()
                .find(|ch| ch.is_control() && !matches!(ch, '\n' | '\t'))
            {
                Some(ch) => Err(EditError::ControlCharacter {
                    subject: c.subject.clone(),
                    code: ch as u32,
                }),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

fn write(tx: &Transaction, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::Actual { goal, value } => {
            let (num, text) = value_columns(value);
            tx.execute(
                "UPDATE goal SET actual_num = ?1, actual_text = ?2 WHERE id = ?3",
                params![num, text, goal.0],
            )?;
        }
        Edit::Milestone { goal, state } => {
            tx.execute(
                "UPDATE goal SET milestone = ?1 WHERE id = ?2",
                params![state.word(), goal.0],
            )?;
        }
        Edit::PartActual { part, value } => {
            let text = value.as_ref().map(decimal_text);
            tx.execute(
                "UPDATE goal_part SET actual = ?1 WHERE id = ?2",
                params![text, part.0],
            )?;
        }
        Edit::ActivityStatus { activity, status } => {
            tx.execute(
                "UPDATE activity SET status = ?1 WHERE id = ?2",
                params![status.word(), activity.0],
            )?;
        }
        Edit::Evaluation { goal, text } => {
            tx.execute(
                "UPDATE goal SET evaluation = ?1 WHERE id = ?2",
                params![text, goal.0],
            )?;
        }
        Edit::Note {
            goal,
            date,
            field,
            text,
            figures,
        } => {
            // The column name comes from a closed set, never from input.
            let column = field.word();
            tx.execute(
                &format!(
                    "INSERT INTO meeting_note (goal_id, meeting_date, {column}) VALUES (?1, ?2, ?3)
                     ON CONFLICT (goal_id, meeting_date) DO UPDATE SET {column} = excluded.{column}"
                ),
                params![goal.0, date.to_string(), text],
            )?;
            if let Some(figures) = figures {
                let json = serde_json::to_string(figures)
                    .map_err(|e| EditError::Damaged(e.to_string()))?;
                tx.execute(
                    "UPDATE meeting_note SET figures = ?1 WHERE goal_id = ?2 AND meeting_date = ?3",
                    params![json, goal.0, date.to_string()],
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_change_shows_what_differs() {
        let old = "今後は目標設定も検討していきたい。";
        let new = "今後は目標設定も検討していきたい。\n会議で確認した。";
        let (o, n) = text_change(old, new);
        assert_eq!(
            (o.as_str(), n.as_str()),
            (
                "\"…討していきたい。\"",
                "\"…討していきたい。⏎会議で確認した。\""
            )
        );
        assert_eq!(
            text_change("", "新規"),
            ("(empty)".to_string(), "\"新規\"".to_string())
        );
        assert_eq!(
            text_change("abcXdef", "abcYdef"),
            ("\"abcX…\"".to_string(), "\"abcY…\"".to_string())
        );
    }
}
