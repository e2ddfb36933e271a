//! What an edit saved in an exchange file brings back: the laptop's clerk edits the whole plan
//! (it is a data file like any), but the collect takes only the fields the handout carries
//! ([`carried_file`]) and the meeting notes of the goals the section is 主担当 of — the rest is
//! listed as left out at the collect, where the coordinator sees it, not the clerk who typed
//! it. Both front ends say so when such an edit is saved, with [`left_behind`].

use super::carried_file;
use crate::model::section::{Role, role};
use crate::model::{Edit, FieldRef, Plan};
use crate::store::{Applied, ExchangeMeta};
use crate::strings::strings;

/// Whether `edit`, saved in an exchange file handed out to `section`, travels back with it:
/// a field the handout carries, or a meeting note of a goal the section is 主担当 of.
pub fn travels(plan: &Plan, section: &str, edit: &Edit) -> bool {
    let place = edit.field_ref();
    if let FieldRef::Note { goal, .. } = place {
        return plan
            .goals()
            .find(|(_, g)| g.id == goal)
            .is_some_and(|(_, g)| role(plan, g, section) == Some(Role::Primary));
    }
    let Some(uid) = uid_of(plan, place) else {
        return false;
    };
    let key = place.key();
    carried_file(plan, section)
        .iter()
        .any(|(u, field, _)| *u == uid && *field == key)
}

/// The row uid of the goal, part or activity a field belongs to.
fn uid_of(plan: &Plan, place: FieldRef) -> Option<String> {
    let id = place.entity_id();
    plan.goals().find_map(|(_, g)| {
        match place {
            FieldRef::PartActual(_) => g.parts.iter().find(|p| p.id.0 == id).map(|p| p.uid),
            FieldRef::ActivityStatus(_) => {
                g.activities.iter().find(|a| a.id.0 == id).map(|a| a.uid)
            }
            _ => (g.id.0 == id).then_some(g.uid),
        }
        .map(|uid| uid.to_string())
    })
}

/// What to tell the clerk who saved `applied` in the exchange file `meta` describes, when the
/// collect will leave it out (another section's field, a field no handout carries, a plan the
/// handout was not for); `None` when it travels, or when nothing changed.
pub fn left_behind(meta: &ExchangeMeta, plan: &Plan, applied: &Applied) -> Option<String> {
    applied.log_id?;
    let travels =
        plan.uid.to_string() == meta.plan_uid && travels(plan, &meta.section, &applied.edit);
    (!travels).then(|| {
        (strings().exchange.left_behind)(&applied.subject, applied.field.label_ja(), &meta.section)
    })
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::{ActivityStatus, CalendarDate, GoalRef, NoteField, Value};

    fn goal(plan: &Plan, code: &str) -> crate::model::Goal {
        let r: GoalRef = code.parse().expect("a code");
        plan.goal(r).expect("a goal").1.clone()
    }

    fn actual(plan: &Plan, code: &str) -> Edit {
        Edit::Actual {
            goal: goal(plan, code).id,
            value: Value::Number(Decimal::from(7)),
        }
    }

    fn note(plan: &Plan, code: &str) -> Edit {
        Edit::Note {
            goal: goal(plan, code).id,
            date: CalendarDate::new(2026, 11, 28).expect("a date"),
            field: NoteField::Decision,
            text: "継続".into(),
            figures: None,
        }
    }

    /// 市民係 is 主担当 of ⑴-ウ-1 and sets the 状況 of its first three activities; ⑴-ア-1 is
    /// デジタル政策係's.
    #[test]
    fn a_sections_own_fields_travel_and_others_do_not() {
        // As a data file holds it: ids and uids of its own.
        let dir = tempfile::tempdir().expect("a folder");
        let store =
            crate::store::Store::open(&dir.path().join("tassei.db"), "clerk").expect("a data file");
        let plan = store
            .load_plan(store.plan_id(None).expect("a plan"))
            .expect("loads");
        let own = goal(&plan, "1-ウ-1");
        assert!(travels(&plan, "市民係", &actual(&plan, "1-ウ-1")));
        assert!(travels(
            &plan,
            "市民係",
            &Edit::Evaluation {
                goal: own.id,
                text: "更新".into()
            }
        ));
        assert!(travels(&plan, "市民係", &note(&plan, "1-ウ-1")));
        let status = |k: usize| Edit::ActivityStatus {
            activity: own.activities[k].id,
            status: ActivityStatus::Done,
        };
        assert!(travels(&plan, "市民係", &status(0)));
        assert!(!travels(&plan, "市民係", &status(3)), "市民課's activity");
        assert!(!travels(&plan, "市民係", &actual(&plan, "1-ア-1")));
        assert!(!travels(&plan, "市民係", &note(&plan, "1-ア-1")));
        assert!(travels(&plan, "デジタル政策係", &actual(&plan, "1-ア-1")));
    }
}
