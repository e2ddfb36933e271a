//! What handling a key asks the app to do beyond the state that handled it: write to the
//! store, say something, open or close a popup, move the selection. Sub-states return a
//! `Command` and `App` carries it out, so the handling is tested without a store and the app is
//! the only place that writes.

use super::collect::Collecting;
use super::editor::Editor;
use super::question::Question;
use super::structure::RowPrompt;
use crate::config::Setting;
use crate::model::GoalPos;
use crate::model::outline::{OutlineEdit, OutlineValue};
use crate::model::structure::Structure;
use crate::model::{GoalId, GoalRef, PlanId};
use crate::store::{Edit, FieldValue};

/// One thing for the app to do; [`Command::Seq`] does several in order.
pub enum Command {
    /// Nothing beyond what the state did to itself.
    None,
    /// Save an edit through the store. `seen` is the value the clerk was shown: when someone
    /// else saved the field since, nothing is written and the clerk is asked.
    Apply {
        edit: Edit,
        seen: Option<FieldValue>,
    },
    /// Take back (or redo) the clerk's latest action; `force` goes ahead over a later change
    /// by someone else.
    Undo { redo: bool, force: bool },
    /// Remove the open plan, a rollover the clerk asked to undo, and open the plan it was made
    /// from.
    UndoRollover,
    /// Load the plan again from the file; an open field stays open.
    Reload,
    /// Leave tassei; an open field is not saved and is reported.
    Quit,
    /// A line for the status bar.
    Say(String),
    /// A line for the status bar, as an error.
    SayError(String),
    /// Close whatever popup or prompt has the keyboard.
    Close,
    /// Put this field on screen (again).
    Open(Box<Editor>),
    /// Ask a question over the screen.
    Ask(Box<Question>),
    /// Select a goal, clearing the filter when it hides the goal; the card starts at its top.
    ShowGoal(GoalPos),
    /// Select a goal in the tree as it is filtered (the review's agenda moves the tree).
    Select(GoalPos),
    /// Show how a goal is counted, over the card.
    ShowMethod(GoalPos),
    /// The tree selection moved: the card starts at its first field and its top.
    Moved,
    /// The card's field goes back to its first (the tree climbed or folded).
    FirstField,
    /// Give the card the keyboard (when a goal is selected).
    FocusCard,
    /// Open another plan of the data file.
    SwitchPlan(PlanId),
    /// Open the change log, of one goal or all (`goal`), remembering the goal `f` narrows to.
    OpenLog {
        goal: Option<(GoalId, GoalRef)>,
        selected: Option<(GoalId, GoalRef)>,
    },
    /// The `/` prompt closed with Enter: remember its text for `n`/`N`.
    KeepSearch(String),
    /// The `/` prompt closed with Esc: stop its scans, select where it started.
    CancelSearch(Option<GoalPos>),
    /// Save a setting to the config file, and say whether it was remembered.
    Remember(Setting),
    /// Several commands, in order.
    Seq(Vec<Command>),
    /// Read the returned file at this path (as typed) and show its collect preview; a file
    /// refused keeps the path on screen with the reason.
    PreviewReturn(String),
    /// Write what the collect preview chose, in one batch; the preview stays when nothing
    /// could be written.
    Collect(Box<Collecting>),
    /// Open the line for a new goal's title or activity's 実施内容.
    NewRow(Box<RowPrompt>),
    /// Add, remove or move a goal or an activity through the store.
    Restructure(Structure),
    /// Write the plan's title or thresholds, or an initiative's title, compared with the
    /// value the clerk was shown.
    Outline(Box<(OutlineEdit, OutlineValue)>),
}

impl Command {
    /// The commands, one after the other.
    pub fn then(self, next: Command) -> Command {
        match self {
            Command::None => next,
            Command::Seq(mut list) => {
                list.push(next);
                Command::Seq(list)
            }
            first => Command::Seq(vec![first, next]),
        }
    }

    /// A status line.
    pub fn say(text: impl Into<String>) -> Command {
        Command::Say(text.into())
    }

    /// A status line, as an error.
    pub fn say_error(text: impl Into<String>) -> Command {
        Command::SayError(text.into())
    }
}

/// Commands are compared and printed by what they ask for, so tests can assert them.
impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::None => write!(f, "None"),
            Command::Apply { edit, seen } => f
                .debug_struct("Apply")
                .field("edit", edit)
                .field("seen", seen)
                .finish(),
            Command::Undo { redo, force } => f
                .debug_struct("Undo")
                .field("redo", redo)
                .field("force", force)
                .finish(),
            Command::UndoRollover => write!(f, "UndoRollover"),
            Command::Reload => write!(f, "Reload"),
            Command::Quit => write!(f, "Quit"),
            Command::Say(text) => f.debug_tuple("Say").field(text).finish(),
            Command::SayError(text) => f.debug_tuple("SayError").field(text).finish(),
            Command::Close => write!(f, "Close"),
            Command::Open(editor) => f.debug_tuple("Open").field(&editor.field).finish(),
            Command::Ask(question) => f.debug_tuple("Ask").field(&question.title).finish(),
            Command::ShowGoal(at) => f.debug_tuple("ShowGoal").field(at).finish(),
            Command::Select(at) => f.debug_tuple("Select").field(at).finish(),
            Command::ShowMethod(at) => f.debug_tuple("ShowMethod").field(at).finish(),
            Command::Moved => write!(f, "Moved"),
            Command::FirstField => write!(f, "FirstField"),
            Command::FocusCard => write!(f, "FocusCard"),
            Command::SwitchPlan(id) => f.debug_tuple("SwitchPlan").field(id).finish(),
            Command::OpenLog { goal, selected } => f
                .debug_struct("OpenLog")
                .field("goal", goal)
                .field("selected", selected)
                .finish(),
            Command::KeepSearch(text) => f.debug_tuple("KeepSearch").field(text).finish(),
            Command::CancelSearch(at) => f.debug_tuple("CancelSearch").field(at).finish(),
            Command::Remember(setting) => f.debug_tuple("Remember").field(setting).finish(),
            Command::Seq(list) => f.debug_list().entries(list).finish(),
            Command::PreviewReturn(path) => f.debug_tuple("PreviewReturn").field(path).finish(),
            Command::NewRow(prompt) => f.debug_tuple("NewRow").field(&prompt.what).finish(),
            Command::Restructure(change) => f.debug_tuple("Restructure").field(change).finish(),
            Command::Outline(edit) => f.debug_tuple("Outline").field(&edit.0).finish(),
            Command::Collect(collecting) => f
                .debug_struct("Collect")
                .field("file", &collecting.from.name)
                .field("taken", &collecting.taken.len())
                .field("tally", &collecting.tally)
                .finish(),
        }
    }
}
