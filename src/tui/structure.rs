//! Adding, removing and moving rows in the TUI: `a` below the selection, `d` after a question,
//! `J`/`K` down and up — goals in the tree, activities on the card's activity rows. Plain data
//! with plain tests: the change itself is [`Command::Restructure`], written by `App::perform`
//! through the store's rules.

use tui_input::Input;

use super::action::Action;
use super::command::Command;
use super::outline::Outlined;
use super::question::{Pending, Question};
use crate::model::structure::{MoveTo, Seen, Structure, activity_subject};
use crate::model::{GoalPos, GoalRef, Plan};
use crate::strings::strings;

/// What the one-line prompt adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewRow {
    /// A goal at `at` of initiative `initiative` (by index in the plan), to be named `code`.
    Goal {
        initiative: usize,
        at: usize,
        code: GoalRef,
    },
    /// An activity at `at` of the goal at `goal`.
    Activity { goal: GoalPos, at: usize },
    /// Not a new row: the plan's title, its thresholds or an initiative's title (by index),
    /// edited in the same line ([`super::outline`]).
    Outline(Outlined),
}

/// The prompt for a new row's words: a goal's title, an activity's 実施内容.
pub struct RowPrompt {
    pub what: NewRow,
    pub text: Input,
}

impl RowPrompt {
    pub fn new(what: NewRow) -> Self {
        Self {
            what,
            text: Input::default(),
        }
    }

    /// The line holding `text` already (a title being edited), the cursor after it.
    pub fn filled(what: NewRow, text: &str) -> Self {
        Self {
            what,
            text: Input::new(text.to_string()),
        }
    }

    /// The frame's heading: adding a row, or editing the outline.
    pub fn heading(&self) -> &'static str {
        match self.what {
            NewRow::Outline(_) => strings().outline.tui.heading,
            _ => strings().structure.tui.prompt_heading,
        }
    }

    /// The prompt's label: what the row will be called.
    pub fn label(&self, plan: &Plan) -> String {
        let words = &strings().structure.tui;
        match &self.what {
            NewRow::Goal { code, .. } => (words.goal_title)(&code.to_string()),
            NewRow::Activity { goal, at } => match goal.goal_ref(plan) {
                Some(r) => (words.activity_content)(&activity_subject(r, *at)),
                None => String::new(),
            },
            NewRow::Outline(what) => what.label(plan),
        }
    }

    /// Enter adds the row (the store refuses an empty one with its words), Esc closes.
    /// `None`: the key is text for the line.
    pub fn handle(&self, action: Action, plan: &Plan) -> Option<Command> {
        match action {
            Action::Commit => {
                let text = self.text.value().trim().to_string();
                let change = match &self.what {
                    NewRow::Outline(what) => return Some(what.commit(&text, plan)),
                    NewRow::Goal { initiative, at, .. } => Structure::AddGoal {
                        initiative: plan.initiatives.get(*initiative)?.id,
                        at: *at,
                        title: text,
                    },
                    NewRow::Activity { goal, at } => Structure::AddActivity {
                        goal: goal.goal_in(plan)?.id,
                        at: *at,
                        content: text,
                        period: String::new(),
                        sections: Vec::new(),
                    },
                };
                Some(Command::Restructure(change))
            }
            Action::Cancel => Some(Command::Close),
            _ => None,
        }
    }

    /// Pasted text (an IME's committed words come as one): its first line, after what is typed.
    pub fn paste(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or("");
        self.text = Input::new(format!("{}{line}", self.text.value()));
    }
}

/// `a`, `d`, `J`, `K` on a goal in the tree.
pub fn on_goal(action: Action, plan: &Plan, at: GoalPos) -> Option<Command> {
    let (initiative, goal) = at.find_in(plan)?;
    let r = at.goal_ref(plan)?;
    Some(match action {
        Action::AddRow => {
            let code = GoalRef {
                initiative: initiative.code,
                goal: u32::try_from(at.goal + 2).unwrap_or(u32::MAX),
            };
            Command::NewRow(Box::new(RowPrompt::new(NewRow::Goal {
                initiative: at.initiative,
                at: at.goal + 1,
                code,
            })))
        }
        Action::RemoveRow => {
            let words = &strings().structure.tui;
            let sharers: Vec<String> = plan
                .goals()
                .filter(|(_, g)| g.activities_from == Some(r))
                .map(|(s, _)| s.to_string())
                .collect();
            let (line, copy) = if sharers.is_empty() {
                ((words.remove_goal)(&r.to_string(), &goal.title), false)
            } else {
                (
                    (words.remove_shared)(&r.to_string(), &sharers.join(", ")),
                    true,
                )
            };
            ask_removal(
                line,
                Structure::RemoveGoal {
                    goal: goal.id,
                    seen: Seen {
                        uid: goal.uid,
                        at: at.goal,
                    },
                    copy_activities: copy,
                },
            )
        }
        Action::MoveRowDown | Action::MoveRowUp => {
            let to = moved(action, at.goal, initiative.goals.len())?;
            Command::Restructure(Structure::MoveGoal {
                goal: goal.id,
                seen: Seen {
                    uid: goal.uid,
                    at: at.goal,
                },
                to,
            })
        }
        _ => return None,
    })
}

/// `a`, `d`, `J`, `K` on the card's activity row `activity` (from 0) of the goal at `at`.
pub fn on_activity(action: Action, plan: &Plan, at: GoalPos, activity: usize) -> Option<Command> {
    let goal = at.goal_in(plan)?;
    let r = at.goal_ref(plan)?;
    let row = goal.activities.get(activity)?;
    Some(match action {
        Action::AddRow => Command::NewRow(Box::new(RowPrompt::new(NewRow::Activity {
            goal: at,
            at: activity + 1,
        }))),
        Action::RemoveRow => ask_removal(
            (strings().structure.tui.remove_activity)(&activity_subject(r, activity), &row.content),
            Structure::RemoveActivity {
                activity: row.id,
                seen: Seen {
                    uid: row.uid,
                    at: activity,
                },
            },
        ),
        Action::MoveRowDown | Action::MoveRowUp => {
            let to = moved(action, activity, goal.activities.len())?;
            Command::Restructure(Structure::MoveActivity {
                activity: row.id,
                seen: Seen {
                    uid: row.uid,
                    at: activity,
                },
                to,
            })
        }
        _ => return None,
    })
}

/// Where `J`/`K` take a row at `from` of `count`; `None` at the end it is moving past.
fn moved(action: Action, from: usize, count: usize) -> Option<usize> {
    let to = if action == Action::MoveRowUp {
        MoveTo::Up
    } else {
        MoveTo::Down
    };
    to.index(from, count)
}

/// The removal question; its first answer says what it does (a goal whose activities others
/// share: they are copied to them first).
/// `d` on an initiative's row: the question before removing it with its goals.
pub fn on_initiative_removal(plan: &Plan, at: usize) -> Option<Command> {
    let initiative = plan.initiatives.get(at)?;
    let line = (strings().structure.tui.remove_initiative)(
        &initiative.code.to_string(),
        &initiative.title,
        initiative.goals.len(),
    );
    Some(ask_removal(
        line,
        Structure::RemoveInitiative {
            initiative: initiative.id,
            seen: Seen {
                uid: initiative.uid,
                at,
            },
        },
    ))
}

fn ask_removal(line: String, change: Structure) -> Command {
    let words = &strings().structure.tui;
    let yes = match change {
        Structure::RemoveGoal {
            copy_activities: true,
            ..
        } => words.remove_copying,
        _ => words.remove_yes,
    };
    Command::Ask(Box::new(Question {
        title: words.remove_title.to_string(),
        lines: vec![line],
        choices: vec![yes.to_string(), words.remove_no.to_string()],
        pending: Pending::Restructure(change),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;
    use crate::strings::{Lang, pin_thread};

    fn at(plan: &Plan, code: &str) -> GoalPos {
        GoalPos::of(plan, code.parse().expect("code")).expect("goal")
    }

    #[test]
    fn a_adds_below_the_goal_with_the_code_it_will_have() {
        let _lang = pin_thread(Lang::Ja);
        let plan = sheet::bundled().expect("bundled");
        let Some(Command::NewRow(prompt)) = on_goal(Action::AddRow, &plan, at(&plan, "1-ア-1"))
        else {
            panic!("a prompt");
        };
        assert_eq!(prompt.label(&plan), "新しい目標 ⑴-ア-2 の目標名: ");
        let mut prompt = prompt;
        prompt.paste("電子申請の件数\n");
        assert!(matches!(
            prompt.handle(Action::Commit, &plan),
            Some(Command::Restructure(Structure::AddGoal { at: 1, ref title, .. })) if title == "電子申請の件数"
        ));
        assert!(matches!(
            prompt.handle(Action::Cancel, &plan),
            Some(Command::Close)
        ));
        assert!(prompt.handle(Action::Down, &plan).is_none(), "j is text");
    }

    #[test]
    fn d_asks_first_and_offers_the_copy_when_activities_are_shared() {
        let _lang = pin_thread(Lang::Ja);
        let plan = sheet::bundled().expect("bundled");
        let Some(Command::Ask(question)) = on_goal(Action::RemoveRow, &plan, at(&plan, "1-ア-1"))
        else {
            panic!("a question");
        };
        assert!(question.lines[0].contains("⑵-イ-6"), "{:?}", question.lines);
        let Command::Restructure(Structure::RemoveGoal {
            copy_activities, ..
        }) = question.answer(Some(0))
        else {
            panic!("the removal");
        };
        assert!(copy_activities);
        let Some(Command::Ask(question)) = on_goal(Action::RemoveRow, &plan, at(&plan, "1-ア-3"))
        else {
            panic!("a question");
        };
        assert!(
            matches!(question.answer(None), Command::Say(_)),
            "Esc removes nothing"
        );
    }

    #[test]
    fn j_and_k_move_within_the_list_and_not_past_its_ends() {
        let plan = sheet::bundled().expect("bundled");
        assert!(matches!(
            on_goal(Action::MoveRowDown, &plan, at(&plan, "1-ア-1")),
            Some(Command::Restructure(Structure::MoveGoal { to: 1, .. }))
        ));
        assert!(on_goal(Action::MoveRowUp, &plan, at(&plan, "1-ア-1")).is_none());
        assert!(matches!(
            on_activity(Action::MoveRowUp, &plan, at(&plan, "1-ウ-1"), 2),
            Some(Command::Restructure(Structure::MoveActivity { to: 1, .. }))
        ));
        assert!(on_activity(Action::MoveRowDown, &plan, at(&plan, "1-ウ-1"), 3).is_none());
    }
}
