//! The review screen (評価会議): one goal at a time, legible on a projector — code and title,
//! a gauge against 100%, the figures, 積算方法 on demand, 評価内容, activities, and the meeting
//! note being typed. Full width, free text as written (the screen is one pane).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{FieldKey, NoteField};
use crate::report::card::{Block, Card};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::hints::keys_of;
use crate::tui::keymap::Context;
use crate::tui::review::{Review, clock};
use crate::tui::text::{pad, safe, truncate, visible, width, wrap};
use crate::tui::theme::Theme;

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
    let words = &strings().tui;
    let title = format!(
        " {}",
        (words.review.title)(
            &app.plan.fiscal_year.reiwa_label(),
            &review.date.to_string(),
            &review.order.label(),
            review.index + 1,
            review.agenda.len(),
            &clock(review.meeting_elapsed),
            &clock(review.item_elapsed)
        )
    );
    let header_text = pad(
        &truncate(&safe(&title), usize::from(area.width)),
        usize::from(area.width),
    );
    frame.render_widget(
        Paragraph::new(Span::styled(header_text, theme.focused_header())),
        header,
    );

    // A place the plan no longer has (the app rebuilds the agenda on reload) draws as an
    // empty agenda rather than panicking.
    let Some((initiative, goal)) = review.current().and_then(|at| at.find_in(&app.plan)) else {
        frame.render_widget(
            Paragraph::new(format!(" {}", words.review.empty_agenda)),
            body,
        );
        return notes;
    };
    let card = Card::of(&app.plan, initiative, goal, app.today).with_years(
        app.history().of(goal),
        &goal.actual,
        app.plan.fiscal_year,
    );
    let e = &card.evaluation;
    // What must show (figures, the gauge, every activity on one line) comes first; 評価内容
    // and 積算方法 get the rows left, so a laptop screen still shows the activities. `m`
    // shows both whole.
    let roomy = body.height >= 24;
    let mut top: Vec<Line> = Vec::new();
    if roomy {
        top.push(Line::raw(""));
    }
    let initiative_line = card
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Initiative { code, title, .. } => {
                Some(format!("{} {}", code.parenthesised(), safe(title)))
            }
            _ => None,
        })
        .unwrap_or_default();
    top.push(Line::from(vec![
        Span::styled(
            format!(
                " {}  ",
                (words.sheet.goal_title)(&card.goal.parenthesised(), goal.number)
            ),
            theme.heading(),
        ),
        Span::styled(initiative_line, theme.muted()),
    ]));
    for line in wrap(&visible(card.title()), cells) {
        top.push(Line::styled(format!(" {line}"), theme.label()));
    }
    if roomy {
        top.push(Line::raw(""));
    }
    top.push(Line::from(vec![
        Span::styled(format!(" {}  ", words.sheet.achievement), theme.label()),
        super::achievement(e, theme).patch_style(theme.label()),
    ]));
    top.push(super::gauge::with_percent(e, cells, theme));
    // The figures on one line: 基準値 / 目標値 / 実績値 (a composite's parts, a milestone's
    // state), then the shortfall.
    let figures: Vec<String> = card
        .blocks
        .iter()
        .filter_map(|b| match b {
            // The unit is on every figure already; the meeting needs no line of its own for it.
            Block::Figure {
                field: Some(field), ..
            } if field.key == FieldKey::Unit => None,
            Block::Figure { label, value, .. } => Some(format!("{label} {value}")),
            Block::Shortfall(gap) => Some(format!("{} {gap}", words.sheet.shortfall)),
            _ => None,
        })
        .collect();
    for line in figure_lines(&figures, cells) {
        top.push(Line::raw(line));
    }
    for line in wrap(&e.calculation, cells.saturating_sub(2)) {
        top.push(Line::styled(format!("   {line}"), theme.status(e.status)));
    }
    if let Some(years) = card.years() {
        top.push(super::years::review_line(years, cells, theme));
    }
    if roomy {
        top.push(Line::raw(""));
    }

    let activities = activity_lines(&card, cells, review.show_method, theme);
    let text_cells = cells.saturating_sub(10);
    let method: Vec<String> = wrap(&visible(card.method()), text_cells);
    let narrative: Vec<String> = wrap(&visible(card.narrative()), text_cells);
    let height = usize::from(body.height);
    let spare = height.saturating_sub(top.len() + activities.len());
    // Without `m`: one line of 積算方法, and 評価内容 in what is left (at least two lines).
    let (method_rows, narrative_rows) = if review.show_method {
        (method.len(), narrative.len())
    } else {
        (1, spare.saturating_sub(1).max(2))
    };
    let mut lines = top;
    let method_label = format!(" {}  ", words.sheet.method);
    labelled(&mut lines, &method_label, &method, method_rows, theme);
    if review.show_method {
        for (label, worked) in card.derivations() {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {}  ", (words.sheet.derivation)(label)),
                    theme.label(),
                ),
                Span::raw(worked.to_string()),
            ]));
        }
    }
    let narrative_label = format!(" {}  ", words.sheet.evaluation);
    labelled(
        &mut lines,
        &narrative_label,
        &narrative,
        narrative_rows,
        theme,
    );
    lines.extend(activities);
    frame.render_widget(Paragraph::new(lines), body);
    draw_notes(frame, notes, app, review, goal);
    notes
}

/// `text` under a label, at most `rows` lines; a cut is marked and says how to see it all.
fn labelled(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    text: &[String],
    rows: usize,
    theme: Theme,
) {
    let blank = " ".repeat(width(label));
    let cut = text.len() > rows;
    for (k, line) in text.iter().take(rows.max(1)).enumerate() {
        let head = if k == 0 {
            label.to_string()
        } else {
            blank.clone()
        };
        let mut spans = vec![Span::styled(head, theme.label()), Span::raw(line.clone())];
        if cut && k + 1 == rows.max(1) {
            // The key that shows it all, from the keymap.
            let key = keys_of(Context::Review, &[Action::Method]).unwrap_or_default();
            let more = format!("..  {}", (strings().tui.review.show_all)(&key));
            spans.push(Span::styled(more, theme.muted()));
        }
        lines.push(Line::from(spans));
    }
    if text.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(label.to_string(), theme.label()),
            Span::styled(strings().report.card.nothing, theme.muted()),
        ]));
    }
}

/// The activities, one line each (whole when `all`), overdue ones in the overdue style.
fn activity_lines(card: &Card, cells: usize, all: bool, theme: Theme) -> Vec<Line<'static>> {
    let sheet = &strings().tui.sheet;
    let label = format!(" {}  ", sheet.activities);
    let blank = " ".repeat(width(&label));
    let mut out = Vec::new();
    for a in card.activities() {
        let status = if a.overdue {
            format!("{} {}", a.status.label_ja(), sheet.overdue)
        } else {
            a.status.label_ja().to_string()
        };
        let text = format!(
            "{}. {status}  {}  {}  {}",
            a.number,
            a.content,
            a.period,
            a.sections.join("・")
        );
        let style = if a.overdue {
            theme.overdue()
        } else {
            Style::new()
        };
        let text_cells = cells.saturating_sub(10);
        let wrapped = if all {
            wrap(&visible(&text), text_cells)
        } else {
            vec![truncate(&visible(&text), text_cells)]
        };
        for (k, line) in wrapped.into_iter().enumerate() {
            let head = if k == 0 && a.number == 1 {
                label.clone()
            } else {
                blank.clone()
            };
            out.push(Line::from(vec![
                Span::styled(head, theme.label()),
                Span::styled(line, style),
            ]));
        }
    }
    out
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
    // The keys that write the notes, from the keymap.
    let notes = NoteField::ALL.map(Action::Note);
    let keys = keys_of(Context::Review, &notes).unwrap_or_default();
    let mut lines = vec![Line::styled(
        format!(
            " {}",
            (strings().tui.review.notes)(&review.date.to_string(), &keys)
        ),
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

/// The figures as lines of at most `cells`, broken between figures (a part's `開催回数 目標 6回
/// 実績 ー` is never cut in two at the screen's edge); a figure longer than a line wraps on its
/// own, each line indented one cell.
fn figure_lines(figures: &[String], cells: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for figure in figures {
        let figure = visible(figure);
        let joined = format!("{line}   {figure}");
        if !line.is_empty() && width(&joined) <= cells {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        let mut parts = wrap(&figure, cells.saturating_sub(1)).into_iter();
        line = format!(" {}", parts.next().unwrap_or_default());
        for part in parts {
            out.push(std::mem::replace(&mut line, format!(" {part}")));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
