//! The selected goal's card: figures, 達成度 with the worked calculation, 積算方法, 評価内容 and
//! activities. Free text is shown as written (see `tui::text`); editable fields are marked and
//! the selected one is highlighted when the card has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{Grouped, NoteField};
use crate::report::card::Card;
use crate::tui::app::{App, Pane};
use crate::tui::fields::{Field, fields, primary};
use crate::tui::text::{hanging, pad, safe, visible, width, wrap};
use crate::tui::theme::Theme;

/// A card line and the field it belongs to, if any.
type CardLine = (Line<'static>, Option<Field>);

/// Draws the selected goal's card; `scroll` is its first line on screen, moved to keep the
/// selected field there.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: &mut usize) {
    let theme = app.theme;
    let focused = app.focus == Pane::Card;
    let Some((initiative, goal)) = app.selected() else {
        let inner = super::header(frame, area, "目標", focused, theme);
        let hint = Paragraph::new(Line::styled(
            " select a goal in the tree (j/k), then Enter",
            theme.muted(),
        ));
        frame.render_widget(hint, inner);
        return;
    };
    let Some(card) = app.selected_card() else {
        return;
    };
    let title = format!(
        "({})-{}-{}  目標{}",
        initiative.code.area, initiative.code.kana, goal.number, goal.number
    );
    let inner = super::header(frame, area, &title, focused, theme);

    // One blank cell on the left (column rules) and one of slack on the right.
    let text_width = usize::from(inner.width).saturating_sub(2);
    let lines = compose(&card, goal, text_width, theme);
    // The field Enter edits is marked whichever pane has the keyboard: strongly in the card,
    // weakly from the tree (where Enter edits the goal's main field).
    let selected = if focused {
        fields(goal).get(app.card_field).copied()
    } else {
        Some(primary(goal))
    };
    let height = usize::from(inner.height);
    if let Some(field) = selected
        && let Some(first) = lines.iter().position(|(_, f)| *f == Some(field))
    {
        let last = lines
            .iter()
            .rposition(|(_, f)| *f == Some(field))
            .unwrap_or(first);
        if first < *scroll {
            *scroll = first;
        } else if last >= *scroll + height {
            *scroll = (last + 1).saturating_sub(height).min(first);
        }
    }
    *scroll = (*scroll).min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(*scroll)
        .take(height)
        .map(|(line, field)| {
            let line = super::after_blank_column(line);
            if field.is_some() && field == selected {
                let line = super::padded(line, usize::from(inner.width).saturating_sub(1));
                Theme::select_line(line, theme.selection(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The card as wrapped lines of at most `w` cells.
fn compose(card: &Card, goal: &crate::model::Goal, w: usize, theme: Theme) -> Vec<CardLine> {
    let mut out: Vec<CardLine> = Vec::new();
    let plain = |text: String, style: Style| (Line::styled(text, style), None);
    for line in wrap(&visible(&card.title), w) {
        out.push(plain(line, theme.label()));
    }
    let page = card.page.map(|p| format!("  p.{p}")).unwrap_or_default();
    for line in wrap(&format!("{}{page}", safe(&card.initiative)), w) {
        out.push(plain(line, theme.muted()));
    }
    if !card.note.is_empty() {
        for line in wrap(&visible(&card.note), w) {
            out.push(plain(line, theme.muted()));
        }
    }
    out.push(plain(String::new(), Style::new()));

    let field_of_figure = |label: &str, index: usize| -> Option<Field> {
        match (label, goal.formula) {
            ("実績値", _) => Some(Field::Actual),
            ("達成状況", _) => Some(Field::Milestone),
            (_, crate::model::FormulaKind::Composite) => Some(Field::Part(index)),
            _ => None,
        }
    };
    for (index, (label, value)) in card.figures.iter().enumerate() {
        let field = field_of_figure(label, index);
        let mark = if field.is_some() { "›" } else { " " };
        let head = format!("{} ", pad(label, 8));
        for (k, (lead, line)) in hanging(&head, &visible(value), w.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let mark = if k == 0 {
                format!(" {mark}")
            } else {
                String::new()
            };
            let spans = vec![
                Span::styled(lead, theme.label()),
                Span::raw(line),
                Span::styled(mark, theme.key()),
            ];
            out.push((Line::from(spans), field));
        }
    }
    let e = &card.evaluation;
    let status = theme.status(e.status);
    let printed = card
        .printed_achievement
        .as_deref()
        .map(|p| format!("  (シート {p})"))
        .unwrap_or_default();
    out.push((
        Line::from(vec![
            Span::styled(format!("{} ", pad("達成度", 8)), theme.label()),
            super::achievement(e, theme),
            Span::styled(printed, theme.muted()),
        ]),
        None,
    ));
    for line in wrap(&e.calculation, w.saturating_sub(2)) {
        out.push(plain(format!("  {line}"), status));
    }
    if let Some(gap) = e.shortfall {
        out.push(plain(
            format!("{} {}{}", pad("不足", 8), Grouped(&gap), card.unit),
            theme.status(e.status),
        ));
    }

    for (label, worked) in &card.derivations {
        let head = format!("{label}の算出");
        out.push(plain(head, theme.label()));
        for line in wrap(worked, w.saturating_sub(2)) {
            out.push(plain(format!("  {line}"), theme.muted()));
        }
    }

    section(&mut out, "積算方法", &card.calc_method, None, w, theme);
    section(
        &mut out,
        "評価内容 ›",
        &card.narrative,
        Some(Field::Evaluation),
        w,
        theme,
    );

    for note in &card.notes {
        out.push(plain(String::new(), Style::new()));
        out.push(plain(format!("評価会議 {}", note.date), theme.heading()));
        for field in NoteField::ALL {
            let text = note.get(field);
            if text.trim().is_empty() {
                continue;
            }
            let head = format!("  {} ", pad(field.label_ja(), 14));
            for (lead, line) in hanging(&head, &visible(text), w) {
                out.push((
                    Line::from(vec![Span::styled(lead, theme.label()), Span::raw(line)]),
                    None,
                ));
            }
        }
    }

    out.push(plain(String::new(), Style::new()));
    let heading = match card.activities_from {
        Some(source) => format!(
            "実施内容 ({})-{}-{} と同じ",
            source.initiative.area, source.initiative.kana, source.goal
        ),
        None => "実施内容".to_string(),
    };
    out.push(plain(heading, theme.heading()));
    if card.activities.is_empty() {
        out.push(plain("  (なし)".to_string(), theme.muted()));
    }
    let editable = card.activities_from.is_none();
    for (index, a) in card.activities.iter().enumerate() {
        let field = editable.then_some(Field::Activity(index));
        for (k, line) in wrap(&visible(&a.content), w.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 {
                format!("{:>2}. ", a.number)
            } else {
                "    ".to_string()
            };
            out.push((Line::from(format!("{lead}{line}")), field));
        }
        // The status (what Enter changes) and its marker lead, so a long 担当係 list can never
        // push them off the card; 時期 and 担当係 follow, wrapped under them.
        let mut spans = vec![
            Span::raw("    "),
            Span::styled(a.status.label_ja().to_string(), theme.label()),
        ];
        if a.overdue {
            spans.push(Span::styled(" 期限超過", theme.overdue()));
        }
        if editable {
            spans.push(Span::styled(" ›", theme.key()));
        }
        let lead: usize = spans.iter().map(|s| width(&s.content)).sum();
        let rest = format!(
            "{}  {}",
            visible(&a.period),
            visible(&a.sections.join("・"))
        );
        let rest_lines = wrap(&rest, w.saturating_sub(lead + 2));
        if rest_lines.len() == 1 {
            spans.push(Span::styled(format!("  {rest}"), theme.muted()));
            out.push((Line::from(spans), field));
        } else {
            out.push((Line::from(spans), field));
            for line in wrap(&rest, w.saturating_sub(6)) {
                out.push((Line::styled(format!("      {line}"), theme.muted()), field));
            }
        }
    }
    out
}

fn section(
    out: &mut Vec<CardLine>,
    heading: &str,
    body: &str,
    field: Option<Field>,
    w: usize,
    theme: Theme,
) {
    out.push((Line::raw(""), None));
    out.push((Line::styled(heading.to_string(), theme.heading()), field));
    if body.trim().is_empty() {
        out.push((Line::styled("  (なし)", theme.muted()), field));
    }
    for line in wrap(&visible(body), w.saturating_sub(2)) {
        if !body.trim().is_empty() {
            out.push((Line::from(format!("  {line}")), field));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CalendarDate;
    use crate::sheet;

    /// `j`/`k` walk the fields in `fields(goal)` order: it must be the order the card draws
    /// them in, or Enter opens a field the clerk did not expect (seen on ⑵-イ 目標3).
    #[test]
    fn the_card_draws_its_fields_in_the_order_keys_walk_them() {
        let plan = sheet::bundled().expect("bundled");
        let today = CalendarDate::new(2024, 3, 31).expect("date");
        for ini in &plan.initiatives {
            for goal in &ini.goals {
                let card = Card::of(&plan, ini, goal, today);
                let mut drawn: Vec<Field> = Vec::new();
                for (_, field) in compose(&card, goal, 40, Theme::colored()) {
                    if let Some(f) = field
                        && drawn.last() != Some(&f)
                    {
                        drawn.push(f);
                    }
                }
                assert_eq!(drawn, fields(goal), "{}-{}", ini.code, goal.number);
            }
        }
    }
}
