//! Drawing: functions of the app state. The frame is the plan tree on the left, the selected
//! goal's card on the right, a two-line status bar, and popups over them.
//!
//! Layout rules for Japanese text (see `tui::text`): box-drawing characters are themselves of
//! ambiguous width, so the chrome uses none — pane titles are styled header rows, the separator
//! is a styled blank column, popups have an ASCII frame. Column 0 of every row is blank and only
//! the card, the rightmost pane, shows free text as written, so a row that a terminal shifts
//! (an ambiguous glyph drawn two cells wide) only pushes blank cells.

mod card;
mod collect;
mod dashboard;
mod finder;
mod gauge;
mod lists;
mod method;
mod popup;
mod review;
mod status;
mod structure;
mod tree;
mod years;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Mode, Screen};
use super::scroll::Scroll;
use super::text::{pad, safe, truncate, width};
use super::theme::Theme;
use crate::strings::strings;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen: [`draw_with`] on the app and its scroll positions, split apart for
/// the frame. Only `app.scroll` is written.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let mut scroll = app.scroll;
    draw_with(frame, app, &mut scroll);
    app.scroll = scroll;
}

/// Draws the whole screen from `app`. The views read the app; only the scroll positions are
/// theirs to move. The open field is drawn last: its text box fits `scroll.field` to the area.
pub fn draw_with(frame: &mut Frame, app: &App, scroll: &mut Scroll) {
    let editor_area = draw_screen(frame, app, scroll);
    if let (Some(area), Mode::Editing(editor)) = (editor_area, &app.mode) {
        popup::editor(frame, area, editor, &app.plan, app.theme, &mut scroll.field);
    }
}

/// Draws everything but the open field; returns where the field goes, if the screen is big
/// enough to draw at all.
fn draw_screen(frame: &mut Frame, app: &App, scroll: &mut Scroll) -> Option<Rect> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return None;
    }
    frame.render_widget(Block::new().style(app.theme.base()), area);
    let status_height = status::height(app, area.width);
    let [main, status_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(status_height)]).areas(area);
    // Each screen draws itself and says where a field and the method lookup go over it.
    let (editor_area, method_area) = match &app.screen {
        Screen::Main => {
            let [tree_area, separator, card_area] = Layout::horizontal([
                Constraint::Percentage(app.tree_width),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(main);
            tree::draw(frame, tree_area, app, &mut scroll.tree);
            frame.render_widget(Block::new().style(app.theme.separator()), separator);
            card::draw(frame, card_area, app, &mut scroll.card);
            (card_area, card_area)
        }
        Screen::Review(review) => {
            let notes = review::draw(frame, main, app, review);
            // Over the notes, with column 0 left blank (see the module notes).
            let editor_area = Rect {
                x: notes.x + 1,
                y: notes.y.saturating_sub(3),
                width: notes.width.saturating_sub(1),
                height: notes.height + 3,
            };
            (editor_area, main)
        }
        Screen::Dashboard => {
            dashboard::draw(frame, main, app);
            let right = Rect {
                x: main.x + main.width / 3,
                width: main.width - main.width / 3,
                ..main
            };
            (right, right)
        }
    };
    status::draw(frame, status_area, app);
    match &app.mode {
        Mode::Help(_) => scroll.help_end = popup::help(frame, area, app),
        Mode::Editing(_) => {}
        Mode::Method(goal) => method::draw(frame, method_area, app, *goal),
        Mode::Finding(_) => finder::draw(frame, area, app),
        Mode::Plans(_) => lists::plans(frame, area, app, &mut scroll.list),
        Mode::Asking(_) => popup::question(frame, area, app),
        Mode::Log(_) => lists::log(frame, area, app, &mut scroll.list),
        // Above the status bar: its message says what the prompt or the preview did.
        Mode::CollectFile(_) => collect::prompt(frame, main, app),
        Mode::NewRow(_) => structure::prompt(frame, main, app),
        Mode::Collecting(_) => collect::preview(frame, main, app, &mut scroll.list),
        Mode::Normal | Mode::Searching(_) => {}
    }
    Some(editor_area)
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = (strings().tui.too_small)(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
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

/// The line after a blank column 0 (see the module notes). A `Line`'s own style is pushed down
/// into its spans first: the new line is built from the spans and would otherwise lose it.
fn after_blank_column(line: Line<'static>) -> Line<'static> {
    let base = line.style;
    let mut spans = vec![Span::raw(" ")];
    spans.extend(line.spans.into_iter().map(|span| {
        let style = base.patch(span.style);
        span.style(style)
    }));
    Line::from(spans)
}

/// The line padded with blanks to `cells` (worst-case widths), so a highlight spans the row.
fn padded(mut line: Line<'static>, cells: usize) -> Line<'static> {
    let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
    if used < cells {
        line.spans.push(Span::raw(" ".repeat(cells - used)));
    }
    line
}

/// A rate right-aligned in a column of `cells`. A rate too wide for it (a typo such as
/// 90160000 for 9,016 gives 901,600) shows as `9999+` rather than losing digits.
fn rate_cell(e: &crate::engine::Grade, cells: usize) -> String {
    let shown = e.rate_text();
    let shown = if width(&shown) > cells {
        format!("{}+", "9".repeat(cells.saturating_sub(1)))
    } else {
        shown
    };
    format!("{}{shown}", " ".repeat(cells.saturating_sub(width(&shown))))
}

/// `95 ~ 概ね達成`: the rate, its marker and its band, in the band's style.
fn achievement(e: &crate::engine::Evaluation, theme: Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{} {} {}",
            e.rate_text(),
            theme.marker(e.status),
            e.status.label_ja()
        ),
        theme.status(e.status),
    )
}
