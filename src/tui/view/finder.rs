//! The finder (Ctrl-F): the query line and the ranked matches, in a popup over the screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup::{clear, frame_block};
use crate::find::{Found, Place};
use crate::strings::strings;
use crate::text::width::char_cells;
use crate::tui::app::{App, Mode};
use crate::tui::text::{pad, safe, truncate, width};

/// The finder: the query line and the ranked matches.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Mode::Finding(crate::tui::finder::Finder {
        query,
        hits,
        search,
        chosen,
    }) = &app.mode
    else {
        return;
    };
    let theme = app.theme;
    let words = &strings().tui.finder;
    let popup_width = area.width.saturating_sub(4).min(110);
    let height = area.height.saturating_sub(4).min(22);
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + 1,
        width: popup_width,
        height,
    };
    clear(frame, popup);
    let block = frame_block(words.title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input_row, list, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let cells = usize::from(inner.width).saturating_sub(2);

    let prompt = &format!(" {}> ", words.prompt);
    let scroll = query.visual_scroll(cells.saturating_sub(width(prompt)));
    let shown = visible_slice(query.value(), scroll, cells.saturating_sub(width(prompt)));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::raw(safe(&shown)),
        ])),
        input_row,
    );
    if let Ok(dx) = u16::try_from(width(prompt) + query.visual_cursor().saturating_sub(scroll)) {
        frame.set_cursor_position(Position {
            x: input_row.x + dx.min(input_row.width.saturating_sub(1)),
            y: input_row.y,
        });
    }

    let rows = usize::from(list.height);
    let lines: Vec<Line> = if query.value().trim().is_empty() {
        vec![Line::styled(format!(" {}", words.empty), theme.muted())]
    } else if hits.is_empty() && !search.is_done() {
        vec![Line::styled(format!(" {}", words.searching), theme.muted())]
    } else if hits.is_empty() {
        vec![Line::styled(format!(" {}", words.no_match), theme.error())]
    } else {
        let first = chosen.saturating_sub(rows.saturating_sub(1));
        let code_of = |hit: &Found| hit.goal.parenthesised();
        // As wide as the widest code shown: (12)-ア-100 is wider than (1)-ア-1.
        let code_width = hits
            .iter()
            .skip(first)
            .take(rows)
            .map(|hit| width(&code_of(hit)))
            .max()
            .unwrap_or(0)
            .max(8);
        hits.iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .filter_map(|(k, hit)| {
                let goal = hit.position.goal_in(&app.plan)?;
                let code = code_of(hit);
                let place = format!(" {}", place_label(hit.place));
                let title_width = cells.saturating_sub(3 + code_width + 2 + width(&place));
                let text = format!(
                    "{} {}  {}{place}",
                    if k == *chosen { ">" } else { " " },
                    pad(&code, code_width),
                    pad(&truncate(&safe(&goal.title), title_width), title_width)
                );
                let style = if k == *chosen {
                    theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                Some(Line::styled(format!(" {text}"), style))
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list);
    // While a search runs, the previous hits stay and the line says so; then how many matched.
    // (The keys are in the footer, made from the keymap.)
    let hint_text = if !search.is_done() {
        words.searching.to_string()
    } else if query.value().trim().is_empty() {
        String::new()
    } else {
        (words.matches)(hits.len())
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {hint_text}"), theme.muted())),
        hint,
    );
}

/// The part of `text` from display column `scroll`, `cells` wide, columns counted as the
/// input line (tui-input) counts them.
pub(super) fn visible_slice(text: &str, scroll: usize, cells: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        let w = char_cells(c);
        if column >= scroll && column + w <= scroll + cells {
            out.push(c);
        }
        column += w;
    }
    out
}

/// Where a match was found, in the language in use.
fn place_label(place: Place) -> &'static str {
    let strings = &strings().tui;
    match place {
        Place::Code => strings.finder.in_code,
        Place::Title => strings.finder.in_title,
        Place::Note => strings.finder.in_note,
        Place::Figures => strings.finder.in_figures,
        Place::CalcMethod => strings.sheet.method,
        Place::Evaluation => strings.sheet.evaluation,
        Place::Activities => strings.sheet.activities,
    }
}
