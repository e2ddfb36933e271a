//! The status bar: where you are and the counts; the last message, wrapped; then the search
//! line or the keys that work where the keyboard is.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::Status;
use crate::strings::strings;
use crate::tui::app::{App, Mode};
use crate::tui::hints::{Hint, footer};
use crate::tui::text::{safe, truncate, width, wrap};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let cells = usize::from(area.width).saturating_sub(1);
    // 未入力 (?) and 計算不可 (!) are counted only when some goal has them.
    let counts: Vec<Span> = Status::ALL
        .iter()
        .filter(|s| s.has_rate() || **s == Status::NotGraded || app.summary.count(**s) > 0)
        .flat_map(|s| {
            [
                Span::styled(
                    format!("{}{}", theme.marker(*s), app.summary.count(*s)),
                    theme.status(*s),
                ),
                Span::raw(" "),
            ]
        })
        .collect();
    let place = format!(
        " {} | {} {} {}",
        safe(&app.db_label),
        safe(&app.plan.municipality),
        safe(&app.plan.title),
        app.plan.fiscal_year.reiwa_label()
    );
    let filter = format!(
        "| {} ",
        (strings().tui.status.filter)(&safe(&app.filter.label()))
    );
    let counts_width: usize = counts.iter().map(|s| width(&s.content)).sum();
    // The separator stays when the place is cut, so the counts never run into it.
    let room = cells.saturating_sub(counts_width + width(&filter) + width(" | "));
    let place = format!("{} | ", truncate(&place, room));
    let mut first = vec![Span::styled(place, theme.muted())];
    first.extend(counts);
    first.push(Span::styled(filter, theme.muted()));

    let mut lines = vec![Line::from(first)];
    let message = message_lines(app, cells);
    if message.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.extend(message);
    match &app.mode {
        Mode::Searching(prompt) => {
            let query = &prompt.query;
            let no_match = matches!(&app.search_count, Some((_, 0))) && !query.value().is_empty();
            let count = match &app.search_count {
                Some((k, n)) if *n > 0 => format!("   {k}/{n}"),
                _ if no_match => format!("   {}", strings().tui.status.no_match),
                _ => String::new(),
            };
            let text = format!(" / {}", query.value());
            let cursor_x = width(" / ") + query.visual_cursor();
            if let Ok(x) = u16::try_from(cursor_x) {
                frame.set_cursor_position(Position {
                    x: area.x + x.min(area.width.saturating_sub(1)),
                    y: area.bottom().saturating_sub(1),
                });
            }
            let style = if no_match {
                theme.error()
            } else {
                theme.muted()
            };
            let query = truncate(&safe(&text), cells.saturating_sub(width(&count)));
            // The keys of the search line follow it when there is room.
            let room = cells.saturating_sub(width(&query) + width(&count) + 3);
            let mut spans = vec![
                Span::styled(query, theme.key()),
                Span::styled(count, style),
                Span::raw("  "),
            ];
            spans.extend(hint_line(&footer(app), room, theme).spans);
            lines.push(Line::from(spans));
        }
        _ => lines.push(hint_line(&footer(app), cells, theme)),
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// How many lines the status bar needs at `width` cells: the place and counts, the message
/// (wrapped, at most [`MAX_MESSAGE_LINES`]) and the key hints.
pub fn height(app: &App, width: u16) -> u16 {
    let cells = usize::from(width).saturating_sub(1);
    // One line is kept for the message even when there is none, so the panes do not jump.
    let message = message_lines(app, cells).len().max(1);
    2 + u16::try_from(message).unwrap_or(1)
}

/// A long message wraps to this many lines; beyond them it is cut, visibly.
const MAX_MESSAGE_LINES: usize = 3;

/// The last message, wrapped to the width: the reason is never cut off at the edge.
fn message_lines(app: &App, cells: usize) -> Vec<Line<'static>> {
    let Some(m) = &app.message else {
        return vec![];
    };
    let theme = app.theme;
    let style = if m.is_error {
        theme.error()
    } else {
        theme.saved()
    };
    // A message is one paragraph (`safe` makes its line breaks spaces): a blank carried to
    // the start of a wrapped line is dropped.
    let mut wrapped: Vec<String> = wrap(&safe(&m.text), cells.saturating_sub(1))
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            if k == 0 {
                line
            } else {
                line.trim_start().to_string()
            }
        })
        .collect();
    if wrapped.len() > MAX_MESSAGE_LINES {
        wrapped.truncate(MAX_MESSAGE_LINES);
        if let Some(last) = wrapped.last_mut() {
            *last = format!("{}..", truncate(last, cells.saturating_sub(3)));
        }
    }
    wrapped
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}

/// The hints that fit in `cells`, most useful first: `Enter 実績値を入力  Tab card  ? help`.
/// The first that does not fit ends the line, so the least useful go first; widths are display
/// widths (a kanji takes two cells), and the gap after the last hint shown need not fit.
fn hint_line(hints: &[Hint], cells: usize, theme: Theme) -> Line<'static> {
    const GAP: usize = 2;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for hint in hints {
        let keys = safe(&hint.keys);
        let text = safe(&hint.text);
        let needed = width(&keys) + 1 + width(&text) + GAP;
        if used + needed - GAP > cells {
            break;
        }
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {text}  "), theme.muted()));
        used += needed;
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(keys: &str, text: &str) -> Hint {
        Hint {
            keys: keys.into(),
            text: text.into(),
        }
    }

    fn shown(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// Hints are measured in cells (a kanji is two): the first that does not fit ends the line,
    /// so the least useful go first; the gap after the last one shown need not fit.
    #[test]
    fn hints_fit_by_display_width_and_drop_from_the_end() {
        let hints = [
            hint("Enter", "実績値を入力"),
            hint("?", "ヘルプ"),
            hint("q", "終了"),
        ];
        // ` Enter 実績値を入力  ? ヘルプ` is 29 cells.
        let line = hint_line(&hints, 29, Theme::colored());
        assert_eq!(shown(&line).trim_end(), " Enter 実績値を入力  ? ヘルプ");
        let line = hint_line(&hints, 28, Theme::colored());
        assert_eq!(shown(&line).trim_end(), " Enter 実績値を入力");
        // By characters, the second would seem to fit in 22 cells; by width it does not.
        let line = hint_line(&hints, 22, Theme::colored());
        assert_eq!(shown(&line).trim_end(), " Enter 実績値を入力");
    }
}
