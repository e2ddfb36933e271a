//! Adding, removing and moving goals and activities in the TUI without a terminal: keys →
//! the store's rows and the selection, and the new row's line as drawn (a snapshot, and the
//! style of the cells that matter).

use ratatui::crossterm::event::Event;
use ratatui::style::{Color, Modifier};
use tassei::model::Plan;
use tassei::tui::app::{Mode, Pane};

mod common;

use common::app::{Fixture, keys, render};

fn titles(plan: &Plan, initiative: usize) -> Vec<String> {
    plan.initiatives[initiative]
        .goals
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                g.number,
                g.title.chars().take(4).collect::<String>()
            )
        })
        .collect()
}

#[test]
fn a_opens_a_line_for_the_new_goals_title_drawn_over_the_panes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let fx = Fixture::new();
        let mut app = fx.app();
        keys(&mut app, "a");
        app.handle_event(Event::Paste("電子申請の利用件数".into()));
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("new_goal_line_{w}x{h}"), text);
        // The label is the key colour, bold, as the collect's path line is; the words typed
        // are plain.
        let row = text
            .lines()
            .position(|l| l.contains("New goal (1)-ア-2, title:"))
            .expect("the line");
        let y = u16::try_from(row).expect("row");
        let label_x = text.lines().nth(row).expect("line").find('N').expect("N");
        let label = &buffer[(u16::try_from(label_x).expect("x"), y)];
        assert_eq!(label.fg, Color::Cyan);
        assert!(label.modifier.contains(Modifier::BOLD));
        let typed_x = (0..w)
            .find(|x| buffer[(*x, y)].symbol() == "電")
            .expect("the typed words");
        assert!(!buffer[(typed_x, y)].modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn a_goal_added_below_opens_its_card_and_undo_takes_it_out() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "a");
    app.handle_event(Event::Paste("電子申請の利用件数".into()));
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, Pane::Card, "its card is open");
    let (_, goal) = app.selected().expect("selected");
    assert_eq!(
        (goal.number, goal.title.as_str()),
        (2, "電子申請の利用件数")
    );
    assert_eq!(
        titles(&fx.stored(), 0),
        ["1 鹿児島県", "2 電子申請", "3 鹿児島県", "4 ぴったり"]
    );
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.contains("added (1)-ア-2  (1)-ア-2 -> (1)-ア-3  (1)-ア-3 -> (1)-ア-4"),
        "the renumbering is said: {text}"
    );
    keys(&mut app, "u");
    assert_eq!(titles(&fx.stored(), 0).len(), 3);
    assert_eq!(
        titles(&app.plan, 0).len(),
        3,
        "the app reads the plan again"
    );
}

#[test]
fn an_empty_title_keeps_the_line_open_with_the_reason() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "a Enter");
    assert!(matches!(app.mode, Mode::NewRow(_)), "the line stays");
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("a new goal needs a title"), "{text}");
    keys(&mut app, "Esc");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(titles(&fx.stored(), 0).len(), 3, "nothing added");
}

#[test]
fn d_asks_and_removes_only_on_the_first_answer() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "j j d");
    assert!(matches!(app.mode, Mode::Asking(_)));
    keys(&mut app, "Esc");
    assert_eq!(titles(&fx.stored(), 0).len(), 3, "Esc removes nothing");
    keys(&mut app, "d 1");
    assert_eq!(titles(&fx.stored(), 0), ["1 鹿児島県", "2 鹿児島県"]);
    let (_, goal) = app.selected().expect("the goal before it is selected");
    assert_eq!(goal.number, 2);
    keys(&mut app, "u");
    assert_eq!(titles(&fx.stored(), 0).len(), 3, "u puts it back");
}

#[test]
fn shift_j_and_k_move_the_goal_and_the_selection_follows() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let first = app.selected().expect("selected").1.uid;
    keys(&mut app, "J J");
    let (_, goal) = app.selected().expect("selected");
    assert_eq!((goal.uid, goal.number), (first, 3));
    keys(&mut app, "J");
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("cannot move further"), "{text}");
    keys(&mut app, "K");
    assert_eq!(app.selected().expect("selected").1.number, 2);
    assert_eq!(fx.stored().initiatives[0].goals[1].uid, first);
}

#[test]
fn on_the_cards_activity_row_the_keys_add_remove_and_move_activities() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab a");
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("select an activity row"), "{text}");
    // From 実績値: 単位, 小数桁, 算式, 積算方法, 評価内容, then the first activity's 実施内容.
    keys(&mut app, "j j j j j j a");
    app.handle_event(Event::Paste("窓口での周知".into()));
    keys(&mut app, "Enter");
    let stored = fx.stored();
    let activities = &stored.initiatives[0].goals[0].activities;
    assert_eq!(activities.len(), 3);
    assert_eq!(activities[1].content, "窓口での周知");
    keys(&mut app, "K");
    assert_eq!(
        fx.stored().initiatives[0].goals[0].activities[0].content,
        "窓口での周知"
    );
    keys(&mut app, "d 1");
    assert_eq!(fx.stored().initiatives[0].goals[0].activities.len(), 2);
}

#[test]
fn a_on_an_initiatives_row_adds_its_first_goal() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "k a");
    app.handle_event(Event::Paste("最初の目標".into()));
    keys(&mut app, "Enter");
    let stored = fx.stored();
    assert_eq!(stored.initiatives[0].goals[0].title, "最初の目標");
    assert_eq!(stored.initiatives[0].goals.len(), 4);
}

#[test]
fn on_a_card_whose_activities_are_another_goals_the_keys_point_to_that_goal() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // ⑵-イ-6 (実施内容は，⑴‐ア‐目標１に同じ): 21 rows down, the area's and initiatives' rows
    // counted.
    keys(&mut app, &["j"; 21].join(" "));
    let (initiative, goal) = app.selected().expect("selected");
    assert_eq!(
        (initiative.code.to_string(), goal.number),
        ("⑵-イ".to_string(), 6)
    );
    keys(&mut app, "Tab a");
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("(1)-ア-1's"), "{text}");
    assert_eq!(
        fx.stored().initiatives[4].goals[5].activities.len(),
        0,
        "nothing added"
    );
}

#[test]
fn d_on_an_initiatives_row_asks_then_removes_it_with_its_goals_and_u_puts_it_back() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let before = fx.stored();
    // ⑴-ア-2, 3, ⑴-ウ, its 1 and 2, then ⑴-オ's own row (⑴-ウ's goals lend their
    // activities to ⑵-イ-7: removing it is refused, naming that goal).
    keys(&mut app, "j j j j j j d");
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("with its 4 goal(s)?"),
        "the question names what goes:\n{text}"
    );
    assert_eq!(fx.stored(), before, "nothing removed before the answer");
    keys(&mut app, "1");
    let after = fx.stored();
    let (said, _) = render(&mut app, 80, 24);
    assert_eq!(
        after.initiatives.len(),
        before.initiatives.len() - 1,
        "{said}"
    );
    assert!(
        after
            .initiatives
            .iter()
            .all(|i| i.code.to_string() != "⑴-オ")
    );
    keys(&mut app, "u");
    assert_eq!(fx.stored(), before, "undo puts it back whole");
}
