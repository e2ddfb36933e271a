//! Several edits of one user action written together: one IMMEDIATE transaction, one batch in
//! the change log, so `tassei undo` takes them all back as one step (a workbook's changes
//! applied with `tassei import --into`). Each edit is checked as `Store::apply` checks one,
//! against the value the clerk was shown; the first refused rolls every one back.

use rusqlite::TransactionBehavior;

use super::Store;
use super::codec::origin_text;
use super::edit::{Applied, EditError, LogKind, apply_in};
use crate::model::{Edit, FieldValue};

impl Store {
    /// Applies `edits`, each with the value shown for it, as one logged batch; all or none.
    /// `origin` names the file they came from, for `tassei log` to show beside each row.
    pub fn apply_all(
        &mut self,
        edits: &[(Edit, FieldValue)],
        origin: Option<&str>,
    ) -> Result<Vec<Applied>, EditError> {
        self.check_before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut batch = None;
        let mut applied = Vec::with_capacity(edits.len());
        for (edit, seen) in edits {
            let done = apply_in(
                &tx,
                &self.actor,
                edit,
                Some(seen),
                LogKind::Edit,
                &mut batch,
            )?;
            if done.log_id.is_some() {
                applied.push(done);
            }
        }
        if let (Some(origin), Some(batch)) = (origin, batch) {
            tx.execute(
                "UPDATE change_log SET origin = ?1 WHERE batch = ?2",
                rusqlite::params![origin_text(origin, None), batch],
            )?;
        }
        tx.commit()?;
        Ok(applied)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::{GoalRef, Value};

    #[test]
    fn a_batch_is_one_step_and_a_stale_value_refuses_it_whole() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("a.db"), "t").expect("opens");
        let id = store.plan_id(None).expect("a plan");
        let plan = store.load_plan(id).expect("loads");
        let goal = |code: &str| {
            let r: GoalRef = code.parse().expect("a code");
            plan.goal(r).expect("there").1
        };
        let (first, second) = (goal("⑴-ア-1"), goal("⑴-ア-2"));
        let target = |g: &crate::model::Goal, n: i64| Edit::Target {
            goal: g.id,
            value: Value::Number(Decimal::from(n)),
        };
        let seen = |g: &crate::model::Goal| FieldValue::Value(g.target.clone());
        let logged = store.log(id, None).expect("the log").len();
        // The second based on a value no longer stored: neither is written.
        let stale = [
            (target(first, 12000), seen(first)),
            (
                target(second, 300),
                FieldValue::Value(Value::Number(Decimal::ONE)),
            ),
        ];
        assert!(matches!(
            store.apply_all(&stale, None),
            Err(EditError::Conflict { .. })
        ));
        assert_eq!(store.log(id, None).expect("the log").len(), logged);
        let edits = [
            (target(first, 12000), seen(first)),
            (target(second, 300), seen(second)),
        ];
        assert_eq!(
            store
                .apply_all(&edits, Some("戻り.xlsx"))
                .expect("written")
                .len(),
            2
        );
        let undone = store
            .undo(id, crate::store::UndoOptions::default())
            .expect("undone");
        assert_eq!(undone.applied.len(), 2, "one step takes both back");
        let after = store.load_plan(id).expect("loads");
        assert_eq!(after, plan);
    }
}
