//! The plan's title and thresholds (`t`, `b` on the dashboard, where the bands are drawn) and
//! an initiative's title (`e` on its tree row, or one of its goals), edited in the one-line
//! prompt the new rows use, filled with the value now. Plain data: Enter makes
//! [`Command::Outline`], written by `App::perform` through the store's rules and compared with
//! the value shown here.

use super::command::Command;
use super::structure::{NewRow, RowPrompt};
use crate::model::Plan;
use crate::model::outline::{OutlineEdit, OutlineValue, read_bands_line};
use crate::strings::strings;

/// Which outline field the line edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outlined {
    PlanTitle,
    Thresholds,
    /// The initiative at this index of the plan.
    InitiativeTitle(usize),
}

impl Outlined {
    /// The line, filled with the field's value now; `None` for an initiative not in the plan.
    pub fn prompt(self, plan: &Plan) -> Option<Command> {
        let text = match self.value(plan)? {
            OutlineValue::Text(t) => t,
            // `100 80`: as a clerk types it back.
            OutlineValue::Thresholds(t) => format!("{} {}", t.achieved, t.near),
        };
        Some(Command::NewRow(Box::new(RowPrompt::filled(
            NewRow::Outline(self),
            &text,
        ))))
    }

    fn value(self, plan: &Plan) -> Option<OutlineValue> {
        Some(match self {
            Outlined::PlanTitle => OutlineValue::Text(plan.title.clone()),
            Outlined::Thresholds => OutlineValue::Thresholds(plan.thresholds),
            Outlined::InitiativeTitle(i) => {
                OutlineValue::Text(plan.initiatives.get(i)?.title.clone())
            }
        })
    }

    /// What the line edits, as its label says it.
    pub fn label(self, plan: &Plan) -> String {
        let words = &strings().outline.tui;
        match self {
            Outlined::PlanTitle => format!("{}: ", words.plan_title),
            Outlined::Thresholds => format!("{}: ", words.thresholds),
            Outlined::InitiativeTitle(i) => match plan.initiatives.get(i) {
                Some(initiative) => {
                    format!(
                        "{}: ",
                        (words.initiative_title)(&initiative.code.to_string())
                    )
                }
                None => String::new(),
            },
        }
    }

    /// Enter: the edit, compared with the value the line was filled with; bands that cannot
    /// be read keep the line open with the reason.
    pub fn commit(self, text: &str, plan: &Plan) -> Command {
        let Some(seen) = self.value(plan) else {
            return Command::Close;
        };
        let edit = match self {
            Outlined::PlanTitle => OutlineEdit::PlanTitle {
                plan: plan.id,
                title: text.to_string(),
            },
            Outlined::Thresholds => match read_bands_line(text) {
                Ok(thresholds) => OutlineEdit::Thresholds {
                    plan: plan.id,
                    thresholds,
                },
                Err(e) => return Command::say_error(e.to_string()),
            },
            Outlined::InitiativeTitle(i) => match plan.initiatives.get(i) {
                Some(initiative) => OutlineEdit::InitiativeTitle {
                    initiative: initiative.id,
                    title: text.to_string(),
                },
                None => return Command::Close,
            },
        };
        Command::Outline(Box::new((edit, seen)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;
    use crate::strings::{Lang, pin_thread};
    use crate::tui::action::Action;
    use rust_decimal::Decimal;

    #[test]
    fn the_thresholds_line_is_filled_and_read_back_in_full_width() {
        let _lang = pin_thread(Lang::Ja);
        let plan = sheet::bundled().expect("bundled");
        let Some(Command::NewRow(prompt)) = Outlined::Thresholds.prompt(&plan) else {
            panic!("a line");
        };
        assert_eq!(prompt.text.value(), "100 80");
        assert_eq!(prompt.heading(), "編集");
        let mut prompt = RowPrompt::filled(prompt.what.clone(), "");
        prompt.paste("９５　７５");
        let Some(Command::Outline(edit)) = prompt.handle(Action::Commit, &plan) else {
            panic!("the edit");
        };
        let (OutlineEdit::Thresholds { thresholds, .. }, seen) = *edit else {
            panic!("thresholds");
        };
        assert_eq!(
            (thresholds.achieved, thresholds.near),
            (Decimal::from(95), Decimal::from(75))
        );
        assert_eq!(seen, OutlineValue::Thresholds(plan.thresholds));
        prompt.text = tui_input::Input::new("80 90".into());
        assert!(matches!(
            prompt.handle(Action::Commit, &plan),
            Some(Command::SayError(..))
        ));
    }

    #[test]
    fn an_initiative_title_is_labelled_with_its_code() {
        let _lang = pin_thread(Lang::Ja);
        let plan = sheet::bundled().expect("bundled");
        let Some(Command::NewRow(prompt)) = Outlined::InitiativeTitle(1).prompt(&plan) else {
            panic!("a line");
        };
        assert_eq!(prompt.label(&plan), "⑴-ウ 取り組み事項: ");
        assert_eq!(prompt.text.value(), plan.initiatives[1].title);
    }
}
