//! The plan tree: ⑴ → ⑴-ア → goals, each goal with its status marker and 達成度.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListState};

use crate::model::InitiativeCode;
use crate::strings::strings;
use crate::tui::app::{App, Pane};
use crate::tui::scroll::window;
use crate::tui::text::{pad, safe, truncate, width};
use crate::tui::tree::Node;

/// Width of the 達成度 column: `100.8`.
const RATE_WIDTH: usize = 5;

/// Draws the tree; `state` is where it starts on screen, moved to keep the selection there.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &mut ListState) {
    let theme = app.theme;
    let focused = app.focus == Pane::Tree;
    let words = &strings().tui.tree;
    let (municipality, year) = (&app.plan.municipality, app.plan.fiscal_year.reiwa_label());
    // A section's handout says whose it is first: the rest is cut on a narrow screen.
    let title = match &app.exchange {
        Some(meta) => (words.handout_title)(&meta.section, meta.handout, municipality, &year),
        None => (words.title)(municipality, &year),
    };
    let inner = super::header(frame, area, &title, focused, theme);

    // Column 0 stays blank; the row is drawn from column 1 to the separator.
    let row_width = usize::from(inner.width).saturating_sub(1);
    let rows = app.tree.rows();
    let selected = app.tree.selected();
    let shown = window(state, selected, rows.len(), usize::from(inner.height));
    let first = shown.start;
    let lines: Vec<Line> = rows[shown]
        .iter()
        .map(|node| super::after_blank_column(row(app, *node, row_width)))
        .collect();
    // The List gets only the rows on screen, so its own state counts from the first of them.
    let mut on_screen = ListState::default().with_selected(state.selected().map(|s| s - first));
    let list = List::new(lines).highlight_style(theme.selection(focused));
    frame.render_stateful_widget(list, inner, &mut on_screen);
}

/// One row, `width` cells wide.
fn row(app: &App, node: Node, width_cells: usize) -> Line<'static> {
    let theme = app.theme;
    let fold_mark = |n: Node| {
        if app.tree.is_collapsed(n) {
            theme.marks().collapsed
        } else {
            theme.marks().expanded
        }
    };
    match node {
        Node::Area(area) => {
            let title = app
                .plan
                .areas
                .iter()
                .find(|a| a.number == area)
                .map(|a| safe(&a.title))
                .unwrap_or_default();
            let text = format!(
                "{} {} {title}",
                fold_mark(node),
                InitiativeCode::area_ascii(area)
            );
            Line::styled(
                pad(&truncate(&text, width_cells), width_cells),
                theme.heading(),
            )
        }
        Node::Initiative(i) => {
            let Some(ini) = app.plan.initiatives.get(i) else {
                return Line::default();
            };
            let text = format!(
                "  {} {} {}",
                fold_mark(node),
                ini.code.parenthesised(),
                safe(&ini.title)
            );
            Line::styled(
                pad(&truncate(&text, width_cells), width_cells),
                theme.label(),
            )
        }
        Node::Goal(at) => {
            let (Some((ini, goal)), Some(e)) = (at.find_in(&app.plan), app.grade(at)) else {
                return Line::default();
            };
            let siblings = &ini.goals;
            // Numbers line up within an initiative, whether it has 9 goals or 100.
            let most = siblings.iter().map(|s| s.number).max().unwrap_or(0);
            let digits = most.to_string().len();
            let lead = format!("   {} ", theme.marker(e.status));
            let number = format!("{:>digits$} ", goal.number);
            let rate = super::rate_cell(&e, RATE_WIDTH);
            // A title shows its beginning, as the sheet prints it; `>` widens the tree when
            // goals that start alike need more of it to be told apart.
            let title_width =
                width_cells.saturating_sub(width(&lead) + width(&number) + 1 + RATE_WIDTH);
            let title = pad(&truncate(&safe(&goal.title), title_width), title_width);
            let status = theme.status(e.status);
            Line::from(vec![
                Span::styled(lead, status),
                Span::raw(number),
                Span::raw(title),
                Span::raw(" "),
                Span::styled(rate, status),
            ])
            .style(Style::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::Theme;

    #[test]
    fn a_goal_row_shows_the_beginning_of_its_title() {
        let fx = tempfile::tempdir().expect("dir");
        let store = crate::store::Store::open(&fx.path().join("t.db"), "t").expect("store");
        let plan = store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("plan");
        let today = crate::model::CalendarDate::new(2024, 4, 1).expect("date");
        let app = App::new(store, plan, today, Theme::monochrome());
        let text: String = row(&app, Node::Goal(crate::model::GoalPos::new(0, 0)), 40)
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(text, "   ~ 1 鹿児島県電子申請システム..     90");
        assert_eq!(width(&text), 40);
    }
}
