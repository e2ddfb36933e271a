//! Everything a key can ask for. The keymap turns keys into actions; `App::update` applies them.

/// One thing the clerk asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave tassei (committed edits are already saved).
    Quit,
    /// Show or hide the key table.
    Help,
    /// Move up one row (tree) or field (card).
    Up,
    /// Move down one row or field.
    Down,
    /// First row or field.
    Top,
    /// Last row or field.
    Bottom,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// Collapse, go to the parent, or go back to the tree.
    Left,
    /// Expand, go into the first child, or go to the card.
    Right,
    /// Switch between the tree and the card.
    SwitchPane,
    /// Edit the selected field (in the tree: the goal's actual).
    Edit,
    /// Save the open field.
    Commit,
    /// Close the open field, popup or search without saving.
    Cancel,
    /// New line in the 評価内容 editor (Excel's Alt+Enter).
    Newline,
    /// Undo the latest edit.
    Undo,
    /// Redo the latest undone edit.
    Redo,
    /// Next filter: all, shortfalls, overdue, each 担当係.
    CycleFilter,
    /// Incremental search over codes, titles and 積算方法.
    Search,
    /// Next search match.
    NextMatch,
    /// Show how the selected goal is counted: 積算方法, formula, worked calculations.
    Method,
    /// The finder: type a code, a number or words, jump to the goal.
    Find,
    /// Enter or leave the review mode (評価会議).
    Review,
    /// Next goal of the agenda.
    NextItem,
    /// Previous goal of the agenda.
    PrevItem,
    /// Next agenda order: sheet, 未達成 first, each policy area.
    CycleAgenda,
    /// Write a field of the meeting note on the goal on screen.
    Note(crate::model::NoteField),
    /// Switch the high-contrast theme (projectors) on or off.
    ToggleContrast,
    /// Show or leave the dashboard.
    Dashboard,
    /// Previous search match.
    PrevMatch,
    /// Give the tree more of the screen (remembered).
    WiderTree,
    /// Give the tree less of the screen (remembered).
    NarrowerTree,
    /// The plan switcher: the plans in the data file.
    Plans,
    /// The change log: who changed what, when.
    Log,
    /// Choice N (from 0) of the question on screen.
    Answer(u8),
    /// Collect a returned file: its path, then its preview.
    Collect,
    /// In the collect preview: take the row's returned value.
    TakeReturned,
    /// In the collect preview: leave the row out.
    SkipRow,
    /// In the collect preview: keep the value there now.
    KeepCurrent,
    /// Add a goal (tree) or an activity (card) below the selection.
    AddRow,
    /// Remove the selected goal or activity, after a question.
    RemoveRow,
    /// Move the selected goal or activity down.
    MoveRowDown,
    /// Move the selected goal or activity up.
    MoveRowUp,
    /// Edit the selected initiative's title (or the selected goal's initiative's).
    EditInitiativeTitle,
    /// Edit the plan's title.
    EditPlanTitle,
    /// Edit the plan's thresholds.
    EditThresholds,
}

impl Action {
    /// How many rows a move key moves a selection: Top and Bottom go as far as there is.
    pub fn rows(self) -> Option<isize> {
        match self {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::PageUp => Some(-10),
            Action::PageDown => Some(10),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        }
    }
}
