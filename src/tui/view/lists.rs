//! The plan switcher (`P`) and the change log (`L`): lists over the screen with an ASCII frame,
//! chrome-safe text, and the chosen row highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::popup::{clear, frame_block};
use crate::store::ChangeKind;
use crate::tui::app::{App, Mode};
use crate::tui::text::{pad, safe, truncate, width};
use crate::tui::theme::Theme;

/// The popup's area: most of the screen, centred.
fn area_for(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(120);
    let height = screen.height.saturating_sub(2);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + 1,
        width,
        height,
    }
}

/// Rows `first..` of a list so that `chosen` is on screen in `rows` lines.
fn first_shown(chosen: usize, rows: usize) -> usize {
    chosen.saturating_sub(rows.saturating_sub(1))
}

/// A row of a list, padded to `cells` and highlighted when chosen.
fn row(text: String, cells: usize, chosen: bool, theme: Theme) -> Line<'static> {
    let line = Line::raw(pad(&truncate(&text, cells), cells));
    if chosen {
        Theme::select_line(line, theme.selected())
    } else {
        line
    }
}

pub fn plans(frame: &mut Frame, screen: Rect, app: &App) {
    let Mode::Plans(list) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup = area_for(screen);
    clear(frame, popup);
    let block = frame_block(&format!("plans in this file ({})", list.plans.len()), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let cells = usize::from(body.width).saturating_sub(1);
    let rows = usize::from(body.height);
    let first = first_shown(list.chosen, rows);
    let lines: Vec<Line> = list
        .plans
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(k, p)| {
            let open = if p.id == list.current { "*" } else { " " };
            let text = format!(
                " {open} {}  {} {} {}  ({} goals)",
                safe(&p.slug),
                safe(&p.municipality),
                safe(&p.title),
                p.fiscal_year.reiwa_label(),
                p.goals
            );
            row(text, cells, k == list.chosen, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(Line::styled(" * = open now", theme.muted())),
        hint,
    );
}

pub fn log(frame: &mut Frame, screen: Rect, app: &App) {
    let Mode::Log(log) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup = area_for(screen);
    clear(frame, popup);
    let scope = match &log.goal {
        Some((_, r)) => format!("{} only", safe(&r.to_string())),
        None => "all goals".to_string(),
    };
    let block = frame_block(
        &format!("change log: {scope} ({} changes)", log.entries.len()),
        theme,
    );
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cells = usize::from(inner.width).saturating_sub(1);
    let rows = usize::from(inner.height);
    if log.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(" no changes yet", theme.muted())),
            inner,
        );
        return;
    }
    let first = first_shown(log.chosen, rows);
    let actor_cells = log
        .entries
        .iter()
        .map(|e| width(&safe(&e.actor)).min(12))
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = log
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(k, e)| {
            let (old, new) = e.change_shown();
            // `2026-11-28 10:22` is enough on screen; the CLI prints the seconds.
            let at = e.at.get(..16).unwrap_or(&e.at);
            // An undo or redo says so: it is not a value anyone typed.
            let kind = match e.kind {
                ChangeKind::Edit | ChangeKind::Import => String::new(),
                other => format!("{} ", other.label_ja()),
            };
            let text = format!(
                " {at}  {}  {kind}{} {}  {} -> {}",
                pad(&truncate(&safe(&e.actor), 12), actor_cells),
                safe(&e.subject),
                e.label(),
                safe(&old),
                safe(&new)
            );
            row(text, cells, k == log.chosen, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
