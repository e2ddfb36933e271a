//! The line for a new goal's title or activity's 実施内容 (`a`): a one-line popup at the top of
//! the panes, the status bar left in sight for what the store says.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::finder::visible_slice;
use super::popup::{clear, frame_block};
use crate::tui::app::{App, Mode};
use crate::tui::text::{safe, width};

/// The prompt: what the row will be called, then the words as typed, with the cursor.
pub fn prompt(frame: &mut Frame, area: Rect, app: &App) {
    let Mode::NewRow(prompt) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup_width = area.width.saturating_sub(4).min(100);
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + 1,
        width: popup_width,
        height: 3.min(area.height),
    };
    clear(
        frame,
        Rect {
            x: area.x,
            width: area.width,
            ..popup
        },
    );
    let block = frame_block(prompt.heading(), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label = format!(" {}", safe(&prompt.label(&app.plan)));
    // The last cell is the cursor's when the words fill the line.
    let room = usize::from(inner.width).saturating_sub(width(&label) + 1);
    let text = &prompt.text;
    let scroll = text.visual_scroll(room);
    let shown = visible_slice(text.value(), scroll, room);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label.clone(), theme.key()),
            Span::raw(safe(&shown)),
        ])),
        inner,
    );
    if let Ok(dx) = u16::try_from(width(&label) + text.visual_cursor().saturating_sub(scroll)) {
        frame.set_cursor_position(Position {
            x: inner.x + dx.min(inner.width.saturating_sub(1)),
            y: inner.y,
        });
    }
}
