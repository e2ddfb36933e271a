//! Drawing: functions of the app state. The frame is the plan tree on the left, the selected
//! goal's card on the right, a two-line status bar, and popups over them.
//!
//! Layout rules for Japanese text (see `tui::text`): box-drawing characters are themselves of
//! ambiguous width, so the chrome uses none — pane titles are styled header rows, the separator
//! is a styled blank column, popups have an ASCII frame. Column 0 of every row is blank and only
//! the card, the rightmost pane, shows free text as written, so a row that a terminal shifts
//! (an ambiguous glyph drawn two cells wide) only pushes blank cells.

mod card;
mod dashboard;
mod popup;
mod review;
mod status;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Mode, Screen};
use super::strings;
use super::text::{pad, safe, truncate};
use super::theme::Theme;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    frame.render_widget(Block::new().style(app.theme.base()), area);
    let [main, status_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
    if matches!(app.screen, Screen::Dashboard) {
        dashboard::draw(frame, main, app);
        status::draw(frame, status_area, app);
        if matches!(app.mode, Mode::Help(_)) {
            popup::help(frame, area, app);
        }
        return;
    }
    if let Screen::Review(review) = &app.screen {
        let review = review.clone();
        let note_area = review::draw(frame, main, app, &review);
        status::draw(frame, status_area, app);
        match &app.mode {
            Mode::Help(_) => popup::help(frame, area, app),
            Mode::Editing(_) => {
                // Column 0 stays blank (see the module notes).
                let editor_area = Rect {
                    x: note_area.x + 1,
                    y: note_area.y.saturating_sub(3),
                    width: note_area.width.saturating_sub(1),
                    height: note_area.height + 3,
                };
                popup::editor(frame, editor_area, app);
            }
            Mode::Finding { .. } => popup::finder(frame, area, app),
            Mode::Method(goal) => popup::method(frame, main, app, *goal),
            Mode::Normal | Mode::Searching { .. } => {}
        }
        return;
    }
    let [tree_area, separator, card_area] = Layout::horizontal([
        Constraint::Percentage(42),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(main);
    tree::draw(frame, tree_area, app);
    frame.render_widget(Block::new().style(app.theme.separator()), separator);
    card::draw(frame, card_area, app);
    status::draw(frame, status_area, app);
    match &app.mode {
        Mode::Help(_) => popup::help(frame, area, app),
        Mode::Editing(_) => popup::editor(frame, card_area, app),
        Mode::Method(goal) => popup::method(frame, card_area, app, *goal),
        Mode::Finding { .. } => popup::finder(frame, area, app),
        Mode::Normal | Mode::Searching { .. } => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let lines: Vec<Line> = super::text::wrap(&text, usize::from(area.width.saturating_sub(2)))
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    frame.render_widget(Paragraph::new(lines), Rect { y, height, ..area });
}

/// Draws a pane's title row (`title` must be chrome-safe) and returns the area below it.
fn header(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: Theme) -> Rect {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let style = if focused {
        theme.focused_header()
    } else {
        theme.unfocused_header()
    };
    let cells = usize::from(top.width);
    let text = pad(&truncate(&format!(" {}", safe(title)), cells), cells);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(text, style))).style(Style::new()),
        top,
    );
    body
}

/// `95 ~ 概ね達成`: the rate, its marker and its band, in the band's style.
fn achievement(e: &crate::engine::Evaluation, theme: Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{} {} {}",
            e.rate_text(),
            Theme::marker(e.status),
            e.status.label_ja()
        ),
        theme.status(e.status),
    )
}
