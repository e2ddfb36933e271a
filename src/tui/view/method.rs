//! The method popup (`m`): how the goal is counted, over the card — 積算方法 as written, the
//! unit, the formula, the sheet's arithmetic for its figures and the worked 達成度, drawn from
//! the goal's card document. Any key closes it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph};

use super::popup::{clear, frame_block};
use crate::model::GoalPos;
use crate::report::card::{Block, Card};
use crate::strings::strings;
use crate::tui::app::App;
use crate::tui::hints;
use crate::tui::text::{safe, visible, wrap};

pub fn draw(frame: &mut Frame, card_area: Rect, app: &App, at: GoalPos) {
    let theme = app.theme;
    let Some((initiative, goal)) = at.find_in(&app.plan) else {
        return;
    };
    let card = Card::of(&app.plan, initiative, goal, app.today);
    clear(frame, card_area);
    let words = &strings().tui;
    let title = (words.method.title)(&card.goal.parenthesised());
    // 積算方法 is shown exactly as written, to be read aloud in meetings. A terminal that draws
    // its → ※ ⑴ two cells wide shifts the rest of the row, so the popup, the rightmost pane,
    // has no right border for such a row to push. (The field editor's two-cell painting would
    // allow one, but leaves a visible gap after each → in most terminals.)
    let block = frame_block(&title, theme).borders(Borders::TOP | Borders::LEFT | Borders::BOTTOM);
    let inner = block.inner(card_area);
    frame.render_widget(block, card_area);
    let [body, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(1),
        ..body
    };
    // Free text as written, wrapped with ambiguous glyphs counted wide (`crate::text`).
    let cells = usize::from(body.width).saturating_sub(1);
    let mut lines: Vec<Line> = wrap(&visible(card.title()), cells)
        .into_iter()
        .map(|l| Line::styled(l, theme.label()))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&visible(card.method()), cells)
            .into_iter()
            .map(Line::raw),
    );
    lines.push(Line::raw(""));
    let unit = if card.unit.is_empty() {
        "ー".to_string()
    } else {
        visible(&card.unit)
    };
    lines.push(Line::raw(format!("{}    {unit}", words.method.unit)));
    // The arithmetic is tassei's own text: its × ÷ → get narrow stand-ins (x / ->), as in
    // the field's preview, so it reads cleanly in any terminal.
    for block in &card.blocks {
        if let Block::Formula(formula) = block {
            lines.push(Line::raw(format!(
                "{}    {}",
                words.method.formula,
                safe(formula)
            )));
        }
    }
    for (label, worked) in card.derivations() {
        lines.push(Line::styled((words.sheet.derivation)(label), theme.label()));
        for line in wrap(&safe(worked), cells.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {line}")));
        }
    }
    let e = &card.evaluation;
    lines.push(Line::from(vec![
        Span::styled(format!("{}  ", words.sheet.achievement), theme.label()),
        super::achievement(e, theme),
    ]));
    for line in wrap(&safe(&e.calculation), cells.saturating_sub(2)) {
        lines.push(Line::styled(format!("  {line}"), theme.status(e.status)));
    }
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", hints::method_popup()),
            theme.muted(),
        )),
        hint,
    );
}
