//! The selected goal's card: figures, 達成度 with the worked calculation, 積算方法, 評価内容 and
//! activities. Free text is shown as written (see `tui::text`); editable fields are marked and
//! the selected one is highlighted when the card has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{FieldKey, Goal, MeetingNote, NoteField, Part, Value};
use crate::report::card::{ActivityLine, Block, Card, CardField, with_unit};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::fields::{Field, fields, primary};
use crate::tui::hints;
use crate::tui::keymap::Context;
use crate::tui::text::{hanging, pad, safe, visible, wrap};
use crate::tui::theme::Theme;

/// A card line and the field it belongs to, if any.
type CardLine = (Line<'static>, Option<Field>);

/// Draws the selected goal's card; `scroll` is its first line on screen, moved to keep the
/// selected field there.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: &mut usize) {
    let theme = app.theme;
    let focused = app.focus == Pane::Card;
    let Some((_, goal)) = app.selected() else {
        let inner = super::header(frame, area, strings().tui.sheet.goal, focused, theme);
        // What to do instead, wrapped to the pane (a kanji takes two cells): with the keys the
        // tree obeys, from the keymap.
        let words = &strings().tui.card;
        let keys = |actions: &[Action]| hints::keys_of(Context::Tree, actions).unwrap_or_default();
        let paragraphs = if app.filter_hides_every_goal() {
            vec![
                (words.no_goal_in_filter)(&app.filter.label()),
                (words.change_the_filter)(&keys(&[Action::CycleFilter])),
            ]
        } else {
            vec![(words.select_a_goal)(
                &keys(&[Action::Down, Action::Up]),
                &keys(&[Action::Edit]),
            )]
        };
        // One blank cell on the left, as the card's lines have, and one of slack on the right.
        let cells = usize::from(inner.width).saturating_sub(2);
        let lines: Vec<Line> = paragraphs
            .iter()
            .flat_map(|text| wrap(&safe(text), cells))
            .map(|line| Line::styled(format!(" {line}"), theme.muted()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    };
    let Some(card) = app.selected_card() else {
        return;
    };
    let title = (strings().tui.sheet.goal_title)(&card.goal.parenthesised(), goal.number);
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

/// The TUI's field for a card line's field. A meeting note's fields are edited in the review,
/// with the meeting's date, not from the card.
fn tui_field(field: CardField) -> Option<Field> {
    match (field.key, field.position) {
        (FieldKey::Actual, _) => Some(Field::Actual),
        (FieldKey::Milestone, _) => Some(Field::Milestone),
        (FieldKey::Evaluation, _) => Some(Field::Evaluation),
        (FieldKey::PartActual, Some(i)) => Some(Field::Part(i)),
        (FieldKey::ActivityStatus, Some(i)) => Some(Field::Activity(i)),
        (FieldKey::Baseline, _) => Some(Field::Baseline),
        (FieldKey::Target, _) => Some(Field::Target),
        (FieldKey::Unit, _) => Some(Field::Unit),
        _ => None,
    }
}

/// The card as wrapped lines of at most `w` cells.
fn compose(card: &Card, goal: &Goal, w: usize, theme: Theme) -> Vec<CardLine> {
    let sheet = &strings().tui.sheet;
    let mut out: Vec<CardLine> = Vec::new();
    let plain = |text: String, style: Style| (Line::styled(text, style), None);
    let mut figures_started = false;
    let composite = card.blocks.iter().any(
        |b| matches!(b, Block::Figure { field: Some(f), .. } if f.key == FieldKey::PartActual),
    );
    for block in &card.blocks {
        // A blank line between the heading lines and the figures.
        if !figures_started
            && !matches!(
                block,
                Block::Title(_) | Block::Initiative { .. } | Block::Note(_)
            )
        {
            out.push(plain(String::new(), Style::new()));
            figures_started = true;
        }
        match block {
            // The card's one title, one achievement and one method are those fields.
            Block::Title(title) => {
                let mark = theme.marks().field;
                for (k, line) in wrap(&visible(title), w.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                {
                    let mut spans = vec![Span::styled(line, theme.label())];
                    if k == 0 {
                        spans.push(Span::styled(format!(" {mark}"), theme.key()));
                    }
                    out.push((Line::from(spans), Some(Field::Title)));
                }
            }
            Block::Initiative { code, title, page } => {
                let page = page.map(|p| format!("  p.{p}")).unwrap_or_default();
                let text = format!("{} {}{page}", code.parenthesised(), safe(title));
                for line in wrap(&text, w) {
                    out.push(plain(line, theme.muted()));
                }
            }
            Block::Note(note) => {
                let mark = theme.marks().field;
                for (k, line) in wrap(&visible(note), w.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                {
                    let mut spans = vec![Span::styled(line, theme.muted())];
                    if k == 0 {
                        spans.push(Span::styled(format!(" {mark}"), theme.key()));
                    }
                    out.push((Line::from(spans), Some(Field::GoalNote)));
                }
            }
            Block::Figure {
                field:
                    Some(CardField {
                        key: FieldKey::PartActual,
                        position: Some(i),
                    }),
                ..
            } if goal.parts.get(*i).is_some() => {
                if let Some(p) = goal.parts.get(*i) {
                    part(&mut out, p, *i, w, theme);
                }
            }
            Block::Figure {
                label,
                value,
                field,
            } => figure(&mut out, label, value, field.and_then(tui_field), w, theme),
            Block::Achievement { printed } => achievement(&mut out, card, printed, w, theme),
            Block::Shortfall(gap) => out.push(plain(
                format!("{} {gap}", pad(sheet.shortfall, 8)),
                theme.status(card.evaluation.status),
            )),
            Block::Years(years) => {
                out.extend(
                    super::years::lines(years, w, theme)
                        .into_iter()
                        .map(|l| (l, None)),
                );
            }
            Block::Derivation { figure, worked } => {
                out.push(plain((sheet.derivation)(figure), theme.label()));
                for line in wrap(worked, w.saturating_sub(2)) {
                    out.push(plain(format!("  {line}"), theme.muted()));
                }
            }
            // 算式 in words, the field that chooses it; a composite's is its parts' (not a
            // choice here).
            Block::Formula(words) => {
                let field = (!composite).then_some(Field::Formula);
                figure(
                    &mut out,
                    FieldKey::Formula.label_ja(),
                    words,
                    field,
                    w,
                    theme,
                );
            }
            Block::Method(text) => {
                let heading = format!("{} {}", sheet.method, theme.marks().field);
                section(&mut out, &heading, text, Some(Field::CalcMethod), w, theme);
            }
            Block::Narrative { text, field } => {
                let heading = format!("{} {}", sheet.evaluation, theme.marks().field);
                section(&mut out, &heading, text, tui_field(*field), w, theme);
            }
            Block::MeetingNote(note) => meeting_note(&mut out, note, w, theme),
            Block::Activities {
                shared_from,
                count,
                unreadable,
            } => {
                out.push(plain(String::new(), Style::new()));
                let heading = match shared_from {
                    Some(source) => (strings().tui.card.activities_shared)(&source.parenthesised()),
                    None => sheet.activities.to_string(),
                };
                let mut spans = vec![Span::styled(heading, theme.heading())];
                if *unreadable > 0 {
                    spans.push(Span::styled(
                        format!(
                            "  {}",
                            (strings().report.card.unreadable_count)(*unreadable)
                        ),
                        theme.unreadable(),
                    ));
                }
                out.push((Line::from(spans), None));
                if *count == 0 {
                    out.push(plain(
                        format!("  {}", strings().report.card.nothing),
                        theme.muted(),
                    ));
                }
            }
            Block::Activity { line, field } => {
                activity(&mut out, line, field.and_then(tui_field), w, theme);
            }
        }
    }
    out
}

/// A figure under its label; an editable one is marked `›` (`>` in ASCII).
fn figure(
    out: &mut Vec<CardLine>,
    label: &str,
    value: &str,
    field: Option<Field>,
    w: usize,
    theme: Theme,
) {
    let mark = if field.is_some() {
        theme.marks().field
    } else {
        " "
    };
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

/// A composite goal's part: its label as a heading, then 目標値, 実績値 (with how it is made
/// up) and 単位 under it, each the field it shows.
fn part(out: &mut Vec<CardLine>, p: &Part, i: usize, w: usize, theme: Theme) {
    let mark = theme.marks().field;
    out.push((
        Line::from(vec![
            Span::styled(visible(&p.label), theme.label()),
            Span::styled(format!(" {mark}"), theme.key()),
        ]),
        Some(Field::PartLabel(i)),
    ));
    // As the sheet prints a figure: `13回`, or ー for none.
    let actual = with_unit(&p.actual.map_or(Value::None, Value::Number), &p.unit);
    let actual = if p.note.is_empty() {
        actual
    } else {
        format!("{actual} ({})", p.note)
    };
    let target = with_unit(&Value::Number(p.target), &p.unit);
    let none = Value::None.to_string();
    let unit = if p.unit.is_empty() { &none } else { &p.unit };
    for (key, value, field) in [
        (FieldKey::PartTarget, target.as_str(), Field::PartTarget(i)),
        (FieldKey::PartActual, actual.as_str(), Field::Part(i)),
        (FieldKey::PartUnit, unit, Field::PartUnit(i)),
    ] {
        figure(
            out,
            &format!("  {}", key.label_ja()),
            value,
            Some(field),
            w,
            theme,
        );
    }
}

/// 達成度 in its band's style, what the sheet printed, and the worked calculation.
fn achievement(
    out: &mut Vec<CardLine>,
    card: &Card,
    printed: &Option<String>,
    w: usize,
    theme: Theme,
) {
    let e = &card.evaluation;
    let printed = printed
        .as_deref()
        .map(|p| format!("  ({} {p})", strings().report.card.printed))
        .unwrap_or_default();
    out.push((
        Line::from(vec![
            Span::styled(
                format!("{} ", pad(strings().tui.sheet.achievement, 8)),
                theme.label(),
            ),
            super::achievement(e, theme),
            // Before what the sheet printed, so a narrow card never cuts the mark off.
            Span::styled(format!(" {}", theme.marks().field), theme.key()),
            Span::styled(printed, theme.muted()),
        ]),
        Some(Field::Precision),
    ));
    for line in wrap(&e.calculation, w.saturating_sub(2)) {
        out.push((
            Line::styled(format!("  {line}"), theme.status(e.status)),
            None,
        ));
    }
}

/// A review meeting's note: each field written, under its label.
fn meeting_note(out: &mut Vec<CardLine>, note: &MeetingNote, w: usize, theme: Theme) {
    out.push((Line::raw(""), None));
    out.push((
        Line::styled(
            (strings().tui.card.meeting_note)(&note.date.to_string()),
            theme.heading(),
        ),
        None,
    ));
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

/// An activity: its content, its status (with the overdue mark), then 時期 and 担当係 under
/// their labels — each line the field it shows, marked `›`, when the activity is the goal's
/// own (`status` is then its status field); a shared one is shown, not marked.
fn activity(
    out: &mut Vec<CardLine>,
    a: &ActivityLine,
    status: Option<Field>,
    w: usize,
    theme: Theme,
) {
    let position = match status {
        Some(Field::Activity(i)) => Some(i),
        _ => None,
    };
    let (content, period, sections) = (
        position.map(Field::ActivityContent),
        position.map(Field::ActivityPeriod),
        position.map(Field::ActivitySections),
    );
    let mark = |field: Option<Field>| {
        field.map(|_| Span::styled(format!(" {}", theme.marks().field), theme.key()))
    };
    for (k, line) in wrap(&visible(&a.content), w.saturating_sub(6))
        .into_iter()
        .enumerate()
    {
        let lead = if k == 0 {
            format!("{:>2}. ", a.number)
        } else {
            "    ".to_string()
        };
        let mut spans = vec![Span::raw(format!("{lead}{line}"))];
        if k == 0 {
            spans.extend(mark(content));
        }
        out.push((Line::from(spans), content));
    }
    let mut spans = vec![
        Span::raw("    "),
        Span::styled(a.status.label_ja().to_string(), theme.label()),
    ];
    if a.overdue {
        spans.push(Span::styled(
            format!(" {}", strings().tui.sheet.overdue),
            theme.overdue(),
        ));
    }
    spans.extend(mark(status));
    out.push((Line::from(spans), status));
    // 時期 and 担当係, each under its label, wrapped under its value.
    let labelled = |out: &mut Vec<CardLine>, label: &str, value: &str, field: Option<Field>| {
        let head = format!("    {} ", pad(label, 6));
        for (k, (lead, line)) in hanging(&head, &visible(value), w.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let mut spans = vec![
                Span::styled(lead, theme.muted()),
                Span::styled(line, theme.muted()),
            ];
            if k == 0 {
                spans.extend(mark(field));
            }
            out.push((Line::from(spans), field));
        }
    };
    labelled(out, FieldKey::ActivityPeriod.label_ja(), &a.period, period);
    // A 時期 nobody can judge says so, and why, under the 時期 itself.
    if let Some(why) = &a.period_problem {
        let said = (strings().report.card.unreadable_period)(why);
        for line in wrap(&said, w.saturating_sub(6)) {
            let line = line.trim_start();
            out.push((
                Line::styled(format!("      {line}"), theme.unreadable()),
                period,
            ));
        }
    }
    labelled(
        out,
        FieldKey::ActivitySections.label_ja(),
        &a.sections.join("・"),
        sections,
    );
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
        out.push((
            Line::styled(
                format!("  {}", strings().report.card.nothing),
                theme.muted(),
            ),
            field,
        ));
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
