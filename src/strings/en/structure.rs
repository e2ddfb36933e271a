//! Adding, removing and moving goals and activities, in English: the values of
//! [`strings::structure`](crate::strings::structure)'s shapes.

use crate::strings::structure::{Change, Cli, Errors, Structure, Tui};

pub const EN: Structure = Structure {
    errors: ERRORS,
    change: CHANGE,
    cli: CLI,
    tui: TUI,
};

const ERRORS: Errors = Errors {
    empty_title: |code| format!("{code}: a new goal needs a title (目標名)"),
    not_composite: |goal, formula| {
        format!(
            "{goal} is not a composite goal (its formula is {formula}): parts are a composite goal's"
        )
    },
    part_target: |part| format!("{part}: a part's target (目標値) must be more than 0"),
    empty_initiative_title: |code| format!("{code}: a new initiative needs a title"),
    empty_content: |subject| format!("{subject}: a new activity needs its 実施内容"),
    not_found: |what| format!("{what} is not in this plan (any more)"),
    takes_activities: |goal, from| {
        format!(
            "{goal} takes its activities from {from} (実施内容は、{from}に同じ): add the activity to {from}"
        )
    },
    shared_by: |goal, sharers| {
        format!(
            "{goal} cannot be removed: its activities are also those of {sharers} (実施内容は、{goal}に同じ), which would be left without any"
        )
    },
    cannot_move: |row, at, count| format!("{row} cannot move there: it is number {at} of {count}"),
    not_as_chosen: "that row changed since you chose it (someone removed, added or moved rows); look again and choose it anew; nothing was changed",
    changed_since: |action, row| {
        format!(
            "cannot {action}: {row} was changed since; undo those changes first, or go ahead with tassei {action} --yes; nothing was changed"
        )
    },
    unreadable: |action, row| {
        format!("cannot {action} change #{row}: this tassei cannot read what it removed or moved")
    },
};

const CHANGE: Change = Change {
    added: |row| format!("added {row}"),
    removed: |row| format!("removed {row}"),
    moved: |from, to| format!("moved {from} to {to}"),
    renumbered: |from, to| format!("{from} → {to}"),
    copied: |n, goal| format!("copied {n} activities to {goal}"),
    undid_removal: |row| format!("undone: the removal of {row} (it is back in its place)"),
    undid_addition: |row| format!("undone: adding {row} (it is taken away again)"),
    reverted: |redo, said| {
        if redo {
            format!("redone: {said}")
        } else {
            format!("undone: {said}")
        }
    },
};

const CLI: Cli = Cli {
    add_about: "Add a goal or an activity (logged; tassei undo takes it back)",
    remove_about: "Remove a goal or an activity (asks first; the log keeps it, tassei undo puts it back)",
    move_about: "Move a goal or an activity up or down (goals are renumbered)",
    add_examples: "Examples:\n  tassei add initiative 1 \"窓口サービスの改善\"             (becomes ⑴-カ)\n  tassei add part 1-オ-1 \"オンライン講習回数\" 3 回\n  tassei add goal ⑴-ア \"電子申請の利用件数\"          (last goal of ⑴-ア)\n  tassei add goal 1-ア --after 1 \"電子申請の利用件数\" (becomes ⑴-ア-2; later goals renumbered)\n  tassei add activity 1-ア-1 \"窓口での周知\" --period R6.4 --sections 情報政策係,市民課",
    remove_examples: "Examples:\n  tassei remove goal ⑴-ア-3\n  tassei remove goal 1-ア-1 --copy-activities   (goals sharing its activities get a copy)\n  tassei remove activity 1-ア-1 2 --yes",
    move_examples: "Examples:\n  tassei move goal ⑴-ア-3 up\n  tassei move goal 1-ア-1 to 3\n  tassei move activity 1-ア-1 2 down\n  tassei move initiative 1-イ up         (⑴-イ becomes ⑴-ア, ⑴-ア becomes ⑴-イ)\n  tassei move initiative 1-カ to 2       (the next free letter in ⑵)",
    add_goal: "A goal: INITIATIVE [--after N] TITLE",
    add_part: "A part of a composite goal: GOAL LABEL TARGET [UNIT]",
    remove_part: "A part of a composite goal: GOAL N [--yes]",
    part_label: "The part's label, e.g. 開催回数",
    part_target: "The part's target (目標値), more than 0",
    part_unit: "The part's unit, e.g. 回",
    part_number: "The part's number N (from 1)",
    parts: "part",
    add_initiative: "An initiative: AREA TITLE (its code the letter after the area's last: ⑴-オ → ⑴-カ)",
    remove_initiative: "An initiative with all its goals: INITIATIVE [--yes]",
    area: "The policy area: 1 or ⑴",
    initiative_title: "The initiative's title (取り組み事項)",
    not_area: |typed| format!("{typed} is not a policy area (write 1 or ⑴)"),
    add_activity: "An activity: GOAL [--after N] CONTENT [--period 時期] [--sections 係,係]",
    remove_goal: "A goal with its parts, activities and notes: GOAL [--copy-activities] [--yes]",
    remove_activity: "An activity: GOAL N [--yes]",
    move_goal: "A goal within its initiative: GOAL up|down|to N",
    move_activity: "An activity within its goal: GOAL N up|down|to M",
    initiative: "The initiative: ⑴-ア, 1-ア or (1)-ア",
    after: "Put it after the Nth (0: first; default: last)",
    title: "The goal's title (目標名)",
    content: "The activity's 実施内容",
    period: "Its 時期, e.g. R6.4 or 通年",
    period_value: "PERIOD",
    sections_value: "SECTION,SECTION",
    goals: "goal",
    activities: "activity",
    sections: "Its 担当係, separated by 、 or , (子育て・健康係、市民係: ・ stays in a name)",
    activity_number: "The activity's number N (実施内容N)",
    copy_activities: "Give goals that share its activities (実施内容は…に同じ) a copy of them",
    yes: "Remove without asking",
    whither: "up, down, or to N",
    no_initiative: |typed| {
        format!("{typed} is not an initiative of this plan (write ⑴-ア or 1-ア)")
    },
    no_such_number: |what, n, count| format!("there is no {what} {n}: there are {count}"),
    not_whither: |typed| format!("{typed}: say up, down, or to N"),
    confirm_remove: |row| {
        format!("Remove {row}? The change log keeps it; tassei undo puts it back. [y/N] ")
    },
    needs_yes: |row| format!("removing {row} needs a confirmation: add --yes"),
    yes_answers: &["y", "Y", "yes"],
    kept: |row| format!("{row} was kept; nothing was changed"),
    copy_hint: "add --copy-activities to give them a copy of the activities first",
};

const TUI: Tui = Tui {
    goal_title: |code| format!("New goal {code}, title: "),
    activity_content: |subject| format!("New {subject}, 実施内容: "),
    remove_goal: |code, title| format!("Remove {code} {title}? (u undoes it)"),
    remove_shared: |code, sharers| {
        format!(
            "{code}'s activities are also those of {sharers}. Copy them to those goals and remove {code}?"
        )
    },
    remove_activity: |subject, content| format!("Remove {subject} {content}? (u undoes it)"),
    remove_initiative: |code, title, goals| {
        format!("Remove {code} {title} with its {goals} goal(s)? (u undoes it)")
    },
    remove_title: "Remove?",
    remove_yes: "remove",
    remove_copying: "copy the activities, then remove",
    shared_elsewhere: |goal| {
        format!("this goal's activities are {goal}'s: add, remove or move them on {goal}'s card")
    },
    remove_no: "keep it",
    nothing_removed: "nothing was removed",
    select_activity: "select an activity row of the card to add, remove or move activities",
    select_goal: "select a goal to add, remove or move goals",
    at_the_end: "it cannot move further that way",
    prompt_heading: "New goal or activity (a)",
    key_add_goal: "add a goal below",
    key_remove_goal: "remove the goal (asks first; on an initiative's row, the initiative)",
    key_goal_down: "move the goal down",
    key_goal_up: "move the goal up",
    key_add_activity: "on an activity: add one below",
    key_remove_activity: "on an activity: remove it (asks first)",
    key_activity_down: "on an activity: move it down",
    key_activity_up: "on an activity: move it up",
    key_add: "add it",
    hint_rows: "add/remove",
    key_close: "close without adding",
};
