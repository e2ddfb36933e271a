//! The two-line status bar: where you are and the counts; then the last message, the search
//! line, or the most used keys.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::Status;
use crate::tui::app::{App, Mode, Screen};
use crate::tui::strings;
use crate::tui::text::{safe, truncate, width};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let cells = usize::from(area.width).saturating_sub(1);
    let counts: Vec<Span> = Status::ALL
        .iter()
        .flat_map(|s| {
            [
                Span::styled(
                    format!("{}{}", Theme::marker(*s), app.summary.count(*s)),
                    theme.status(*s),
                ),
                Span::raw(" "),
            ]
        })
        .collect();
    let place = format!(
        " {} | {} {} {} | ",
        safe(&app.db_label),
        safe(&app.plan.municipality),
        safe(&app.plan.title),
        app.plan.fiscal_year.reiwa_label()
    );
    let filter = format!("| filter: {} ", safe(&app.filter.label()));
    let counts_width: usize = counts.iter().map(|s| width(&s.content)).sum();
    let place = truncate(&place, cells.saturating_sub(counts_width + width(&filter)));
    let mut first = vec![Span::styled(place, theme.muted())];
    first.extend(counts);
    first.push(Span::styled(filter, theme.muted()));

    let second = match &app.mode {
        Mode::Searching { query, .. } => {
            let text = format!(" / {}", query.value());
            let cursor_x = width(" / ") + query.visual_cursor();
            if let Ok(x) = u16::try_from(cursor_x) {
                frame.set_cursor_position(Position {
                    x: area.x + x.min(area.width.saturating_sub(1)),
                    y: area.y + 1,
                });
            }
            Line::from(Span::styled(truncate(&text, cells), theme.key()))
        }
        _ => match &app.message {
            Some(m) => {
                let style = if m.is_error {
                    theme.error()
                } else {
                    theme.saved()
                };
                Line::from(Span::styled(
                    format!(" {}", truncate(&safe(&m.text), cells.saturating_sub(1))),
                    style,
                ))
            }
            None => {
                let hints = if matches!(app.screen, Screen::Review(_)) {
                    strings::REVIEW_HINTS
                } else {
                    strings::KEY_HINTS
                };
                Line::from(Span::styled(
                    format!(" {}", truncate(hints, cells)),
                    theme.muted(),
                ))
            }
        },
    };
    frame.render_widget(Paragraph::new(vec![Line::from(first), second]), area);
}
