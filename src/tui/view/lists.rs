//! The plan switcher (`P`) and the change log (`L`): lists over the screen with an ASCII frame,
//! chrome-safe text, and the chosen row highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListState, Paragraph};

use super::popup::{clear, frame_block};
use crate::report::change::{Context, around};
use crate::store::{ChangeKind, LogEntry};
use crate::strings::strings;
use crate::tui::app::{App, Mode};
use crate::tui::scroll::window;
use crate::tui::text::{pad, safe, truncate, width, wrap};
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

/// A row of a list, padded to `cells`.
fn row(text: String, cells: usize) -> Line<'static> {
    Line::raw(pad(&truncate(&text, cells), cells))
}

/// Draws the rows on screen (`rows` of the `len`, from [`window`]), the chosen one highlighted.
fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<Line<'static>>,
    first: usize,
    state: &ListState,
    theme: Theme,
) {
    // The List gets only the rows on screen, so its own state counts from the first of them.
    let mut on_screen = ListState::default().with_selected(state.selected().map(|s| s - first));
    let list = List::new(rows).highlight_style(theme.selected());
    frame.render_stateful_widget(list, area, &mut on_screen);
}

/// The plan switcher; `state` is where its list starts on screen.
pub fn plans(frame: &mut Frame, screen: Rect, app: &App, state: &mut ListState) {
    let Mode::Plans(list) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup = area_for(screen);
    clear(frame, popup);
    let words = &strings().tui.lists;
    let block = frame_block(&(words.plans_title)(list.plans.len()), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let cells = usize::from(body.width).saturating_sub(1);
    let shown = window(
        state,
        list.chosen,
        list.plans.len(),
        usize::from(body.height),
    );
    let first = shown.start;
    let lines: Vec<Line> = list.plans[shown]
        .iter()
        .map(|p| {
            let open = if p.id == list.current { "*" } else { " " };
            // The year first (the years of one plan are listed together, newest first), then
            // the id and size: a narrow screen cuts the title, not what tells plans apart.
            let text = format!(
                " {open} {}  {}  {}  {} {}",
                p.fiscal_year.reiwa_label(),
                safe(&p.slug),
                (words.goals)(p.goals),
                safe(&p.municipality),
                safe(&p.title),
            );
            row(text, cells)
        })
        .collect();
    draw_rows(frame, body, lines, first, state, theme);
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", words.open_now), theme.muted())),
        hint,
    );
}

/// The change log; `state` is where its list starts on screen.
pub fn log(frame: &mut Frame, screen: Rect, app: &App, state: &mut ListState) {
    let Mode::Log(log) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup = area_for(screen);
    clear(frame, popup);
    let words = &strings().tui.lists;
    let scope = match &log.goal {
        Some((_, r)) => (words.one_goal)(&safe(&r.to_string())),
        None => words.all_goals.to_string(),
    };
    let block = frame_block(&(words.log_title)(&scope, log.entries.len()), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    // The chosen change whole, below the list: a row shows only what fits of a long text.
    let detail_rows = (inner.height / 3).max(3);
    let [inner, detail_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_rows)]).areas(inner);
    let cells = usize::from(inner.width).saturating_sub(1);
    if log.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", words.no_changes),
                theme.muted(),
            )),
            inner,
        );
        return;
    }
    let shown = window(
        state,
        log.chosen,
        log.entries.len(),
        usize::from(inner.height),
    );
    let first = shown.start;
    let actor_cells = log
        .entries
        .iter()
        .map(|e| width(&safe(&e.actor)).min(12))
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = log.entries[shown]
        .iter()
        .map(|e| {
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
            row(text, cells)
        })
        .collect();
    draw_rows(frame, inner, lines, first, state, theme);
    if let Some(entry) = log.chosen() {
        frame.render_widget(
            Paragraph::new(detail(entry, cells, usize::from(detail_rows), theme)),
            detail_area,
        );
    }
}

/// The chosen change: before and after, a long text around what changed (as much as `rows`
/// lines hold), wrapped.
fn detail(entry: &LogEntry, cells: usize, rows: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(
            " {} {}  {}  {}",
            safe(&entry.subject),
            entry.label(),
            safe(&entry.actor),
            entry.at
        ),
        theme.heading(),
    )];
    let room = rows.saturating_sub(1);
    // Chrome-safe, line by line, so a text's own line breaks stay.
    let lines_of = |text: String| {
        let safe_text: Vec<String> = text.split('\n').map(safe).collect();
        wrap(&safe_text.join("\n"), cells.saturating_sub(8))
    };
    let context = Context {
        before: 30,
        after: 30,
    };
    let (old, new) = around(&entry.old_full(), &entry.new_full(), context, usize::MAX);
    let (old, new) = (lines_of(old), lines_of(new));
    // Half the room each, or what the other leaves.
    let old_rows = old
        .len()
        .min(room.saturating_sub(new.len().min(room / 2)).max(1));
    let words = &strings().tui.lists;
    // The labels share a column as wide as the wider of them.
    let label_cells = width(words.before).max(width(words.after));
    for (label, text, take) in [
        (words.before, old, old_rows),
        (words.after, new, room.saturating_sub(old_rows)),
    ] {
        let label = pad(label, label_cells);
        let cut = text.len() > take;
        for (k, line) in text.into_iter().take(take).enumerate() {
            let head = if k == 0 {
                format!(" {label} ")
            } else {
                " ".repeat(8)
            };
            let more = if cut && k + 1 == take { ".." } else { "" };
            lines.push(Line::from(vec![
                Span::styled(head, theme.label()),
                Span::raw(format!("{line}{more}")),
            ]));
        }
    }
    lines
}
