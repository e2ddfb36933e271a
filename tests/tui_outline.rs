//! The plan's outline in the TUI without a terminal: the thresholds and the plan's title from
//! the dashboard (`b`, `t`), an initiative's title (`e`) and place (`J`/`K`) from its tree row —
//! keys → the store's rows, the line as drawn (a snapshot, and the style of the cells that
//! matter), every goal graded again.

use ratatui::crossterm::event::Event;
use ratatui::style::{Color, Modifier};
use rust_decimal::Decimal;
use tassei::model::Plan;
use tassei::tui::app::{App, Mode};
use tassei::tui::tree::Node;

mod common;

use common::app::{Fixture, keys, render};

/// Empties the open line (it opens filled with the value now).
fn clear_line(app: &mut App, n: usize) {
    keys(app, &vec!["BkSp"; n].join(" "));
}

#[test]
fn b_on_the_dashboard_opens_the_thresholds_filled_and_new_ones_regrade_every_goal() {
    for (w, h) in [(80, 24), (120, 40)] {
        let fx = Fixture::new();
        let mut app = fx.app();
        keys(&mut app, "D b");
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("thresholds_line_{w}x{h}"), text);
        // The label is the key colour, bold, as a new row's line is; the value is plain.
        let row = text
            .lines()
            .position(|l| l.contains("評価基準 (達成 概ね達成, in %): 100 80"))
            .expect("the line");
        let y = u16::try_from(row).expect("row");
        let label_x = (0..w)
            .find(|x| buffer[(*x, y)].symbol() == "評")
            .expect("the label");
        assert_eq!(buffer[(label_x, y)].fg, Color::Cyan);
        assert!(buffer[(label_x, y)].modifier.contains(Modifier::BOLD));
        let value_x = (label_x..w - 1)
            .find(|x| buffer[(*x, y)].symbol() == "1" && buffer[(*x + 1, y)].symbol() == "0")
            .expect("the value now: 100 80");
        assert!(!buffer[(value_x, y)].modifier.contains(Modifier::BOLD));
        assert!(text.contains(" Edit "), "the frame says it edits: {text}");
        assert!(text.contains("Enter save"), "Enter saves, not adds: {text}");
    }
    let fx = Fixture::new();
    let mut app = fx.app();
    let achieved = app.summary.counts[0];
    keys(&mut app, "D b");
    clear_line(&mut app, 6);
    app.handle_event(Event::Paste("１２０　９０".into()));
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal));
    let stored = fx.stored().thresholds;
    assert_eq!(
        (stored.achieved, stored.near),
        (Decimal::from(120), Decimal::from(90))
    );
    assert!(
        app.summary.counts[0] < achieved,
        "every goal graded by the new bands"
    );
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("評価基準: 100・80 -> 120・90"), "{text}");
    keys(&mut app, "u");
    assert_eq!(fx.stored().thresholds.near, Decimal::from(80));
    assert_eq!(
        app.summary.counts[0], achieved,
        "graded again after the undo"
    );
}

#[test]
fn bands_that_do_not_nest_keep_the_line_open_with_the_reason() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "D b");
    clear_line(&mut app, 6);
    app.handle_event(Event::Paste("80 90".into()));
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::NewRow(_)), "the line stays");
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("below 達成 (80)"), "{text}");
    assert_eq!(fx.stored().thresholds.near, Decimal::from(80));
}

#[test]
fn t_on_the_dashboard_renames_the_plan_in_the_header() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "D t");
    clear_line(&mut app, 40);
    app.handle_event(Event::Paste("指宿市DX推進計画".into()));
    keys(&mut app, "Enter");
    assert_eq!(fx.stored().title, "指宿市DX推進計画");
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.lines()
            .next()
            .expect("the header")
            .contains("指宿市DX推進計画"),
        "{text}"
    );
}

#[test]
fn j_and_k_on_an_initiative_row_move_it_and_e_renames_it() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // The tree opens on ⑴-ア-1; one up is ⑴-ア's own row.
    keys(&mut app, "k");
    assert_eq!(app.tree.selected_node(), Some(Node::Initiative(0)));
    keys(&mut app, "J");
    let codes = |plan: &Plan| -> Vec<String> {
        plan.initiatives
            .iter()
            .take(3)
            .map(|i| format!("{} {}", i.code, i.title.chars().take(4).collect::<String>()))
            .collect()
    };
    assert_eq!(
        codes(&fx.stored()),
        ["⑴-ア マイナン", "⑴-ウ 各種行政", "⑴-オ デジタル"]
    );
    assert_eq!(
        app.tree.selected_node(),
        Some(Node::Initiative(1)),
        "the moved initiative stays selected"
    );
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.contains("moved (1)-ア to (1)-ウ  (1)-ウ -> (1)-ア"),
        "{text}"
    );
    keys(&mut app, "e");
    clear_line(&mut app, 20);
    app.handle_event(Event::Paste("行政手続のオンライン化".into()));
    keys(&mut app, "Enter");
    assert_eq!(fx.stored().initiatives[1].title, "行政手続のオンライン化");
    assert_eq!(app.tree.selected_node(), Some(Node::Initiative(1)));
    keys(&mut app, "u u");
    assert_eq!(
        codes(&fx.stored()),
        ["⑴-ア 各種行政", "⑴-ウ マイナン", "⑴-オ デジタル"]
    );
}
