//! The review screen (評価会議): one goal at a time, legible on a projector — code and title,
//! a gauge against 100%, the figures, 積算方法 on demand, 評価内容, activities, and the meeting
//! note being typed. Full width, free text as written (the screen is one pane).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::Evaluation;
use crate::model::{Grouped, NoteField};
use crate::report::card::{Card, with_unit};
use crate::tui::app::App;
use crate::tui::review::{Review, clock};
use crate::tui::text::{pad, safe, truncate, visible, width, wrap};
use crate::tui::theme::Theme;

/// The gauge runs to 150%, so 100% sits two thirds along and over-achievement still shows.
const GAUGE_MAX: u32 = 150;

/// Draws the review of the goal on the agenda; returns the area a note editor may cover.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, review: &Review) -> Rect {
    let theme = app.theme;
    let [header, body, notes] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(6),
    ])
    .areas(area);
    let cells = usize::from(area.width).saturating_sub(2);
    let title = format!(
        " 評価会議 {}  {}  {}/{}  会議 {}  項目 {}",
        review.date,
        review.order.label(),
        review.index + 1,
        review.agenda.len(),
        clock(review.meeting_elapsed),
        clock(review.item_elapsed)
    );
    let header_text = pad(
        &truncate(&safe(&title), usize::from(area.width)),
        usize::from(area.width),
    );
    frame.render_widget(
        Paragraph::new(Span::styled(header_text, theme.focused_header())),
        header,
    );

    let Some((i, g)) = review.current() else {
        frame.render_widget(Paragraph::new(" (the agenda is empty)"), body);
        return notes;
    };
    let initiative = &app.plan.initiatives[i];
    let goal = &initiative.goals[g];
    let card = Card::of(&app.plan, initiative, goal, app.today);
    let e = &card.evaluation;
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.push(Line::styled(
        format!(
            " ({})-{}-{}  目標{}",
            initiative.code.area, initiative.code.kana, goal.number, goal.number
        ),
        theme.heading(),
    ));
    for line in wrap(&visible(&goal.title), cells) {
        lines.push(Line::styled(format!(" {line}"), theme.label()));
    }
    lines.push(Line::styled(
        format!(" {}", safe(&card.initiative)),
        theme.muted(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(" 達成度  ", theme.label()),
        super::achievement(e, theme).patch_style(theme.label()),
    ]));
    lines.push(gauge(e, cells, theme));
    let figures = format!(
        " 基準値 {}   目標値 {}   実績値 {}{}",
        with_unit(&goal.baseline, &goal.unit),
        with_unit(&goal.target, &goal.unit),
        with_unit(&goal.actual, &goal.unit),
        e.shortfall
            .map(|s| format!("   不足 {}{}", Grouped(&s), goal.unit))
            .unwrap_or_default()
    );
    for line in wrap(&visible(&figures), cells) {
        lines.push(Line::raw(line));
    }
    for line in wrap(&e.calculation, cells.saturating_sub(2)) {
        lines.push(Line::styled(format!("   {line}"), theme.status(e.status)));
    }
    lines.push(Line::raw(""));
    let method: Vec<String> = wrap(&visible(&card.calc_method), cells.saturating_sub(10));
    let shown = if review.show_method { method.len() } else { 1 };
    for (k, line) in method.iter().take(shown).enumerate() {
        let head = if k == 0 {
            " 積算方法  "
        } else {
            "           "
        };
        let more = if !review.show_method && method.len() > 1 && k == 0 {
            "  (m: all)"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(head, theme.label()),
            Span::raw(line.clone()),
            Span::styled(more, theme.muted()),
        ]));
    }
    if review.show_method {
        for (label, worked) in &card.derivations {
            lines.push(Line::from(vec![
                Span::styled(format!(" {label}の算出  "), theme.label()),
                Span::raw(worked.clone()),
            ]));
        }
    }
    for (k, line) in wrap(&visible(&card.narrative), cells.saturating_sub(10))
        .into_iter()
        .enumerate()
    {
        let head = if k == 0 {
            " 評価内容  "
        } else {
            "           "
        };
        lines.push(Line::from(vec![
            Span::styled(head, theme.label()),
            Span::raw(line),
        ]));
    }
    for a in &card.activities {
        let status = if a.overdue {
            format!("{} 期限超過", a.status.label_ja())
        } else {
            a.status.label_ja().to_string()
        };
        let text = format!(
            "{}. {}  {}  {}  {status}",
            a.number,
            a.content,
            a.period,
            a.sections.join("・")
        );
        for (k, line) in wrap(&visible(&text), cells.saturating_sub(10))
            .into_iter()
            .enumerate()
        {
            let head = if k == 0 && a.number == 1 {
                " 実施内容  "
            } else {
                "           "
            };
            let style = if a.overdue {
                theme.overdue()
            } else {
                Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled(head, theme.label()),
                Span::styled(line, style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
    draw_notes(frame, notes, app, review, goal);
    notes
}

/// A bar of the rate against 100%, in cells: `██████████|    ` followed by the rate.
fn gauge(e: &Evaluation, cells: usize, theme: Theme) -> Line<'static> {
    let label = format!(" {}%", e.rate_text());
    let bar = cells.saturating_sub(width(&label) + 2);
    let rate = e.rate().unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
    let capped = rate.min(Decimal::from(GAUGE_MAX));
    let filled = (capped * Decimal::from(bar) / Decimal::from(GAUGE_MAX))
        .round()
        .to_usize()
        .unwrap_or(0)
        .min(bar);
    let hundred = bar * 100 / GAUGE_MAX as usize;
    let mut spans = vec![Span::raw(" ")];
    for k in 0..bar {
        let style = if k < filled {
            theme.gauge(e.status)
        } else {
            theme.gauge_track()
        };
        let symbol = if k == hundred { "|" } else { " " };
        spans.push(Span::styled(symbol, style));
    }
    spans.push(Span::styled(label, theme.status(e.status)));
    Line::from(spans)
}

fn draw_notes(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    review: &Review,
    goal: &crate::model::Goal,
) {
    let theme = app.theme;
    let note = goal.notes.iter().find(|n| n.date == review.date);
    let cells = usize::from(area.width).saturating_sub(20);
    let mut lines = vec![Line::styled(
        format!(" 会議メモ {}  (1-4 to write)", review.date),
        theme.heading(),
    )];
    for (k, field) in NoteField::ALL.iter().enumerate() {
        let text = note
            .map(|n| n.get(*field).replace('\n', " / "))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} {}", k + 1, pad(field.label_ja(), 14)),
                theme.key(),
            ),
            Span::raw(truncate(&visible(&text), cells)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
