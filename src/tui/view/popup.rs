//! Popups: the open field (with its live preview) and the key table. Popups have an ASCII frame
//! and chrome-safe text, and clear their area so no half of a wide glyph is left at the edges.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::engine::Evaluation;
use crate::find::Found;
use crate::report::card::Card;
use crate::tui::app::{App, Mode, Screen};
use crate::tui::editor::FieldInput;
use crate::tui::fields::Field;
use crate::tui::keymap::{BINDINGS, Context, FIELD_KEYS};
use crate::tui::strings;
use crate::tui::text::{pad, safe, truncate, visible, width, wrap};
use crate::tui::textedit::Look;
use crate::tui::theme::Theme;
use crate::tui::tree::goal_ref;

/// An ASCII frame: box-drawing characters are of ambiguous width.
const ASCII: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Clears `area` for a popup. A wide glyph straddling the left edge would keep its left half
/// outside the popup (ratatui's `Clear` blanks only the inside), so it is blanked too.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    blank_cut_glyphs(frame.buffer_mut(), area);
}

fn blank_cut_glyphs(buf: &mut Buffer, area: Rect) {
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut(Position { x: left, y })
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

pub fn frame_block(title: &str, theme: Theme) -> Block<'static> {
    Block::new()
        .borders(Borders::ALL)
        .border_set(ASCII)
        .border_style(theme.popup_border())
        .title(Span::styled(
            format!(" {} ", safe(title)),
            theme.popup_border(),
        ))
}

/// The open field, over the lower part of the card. Its text is drawn by the field's own
/// [`TextEdit`], which fits its scroll to the area on every draw (so a resize keeps the cursor
/// in view) and says where the real cursor goes.
pub fn editor(
    frame: &mut Frame,
    card_area: Rect,
    editor: &mut crate::tui::editor::Editor,
    plan: &crate::model::Plan,
    theme: Theme,
) {
    let Some(goal) = plan
        .initiatives
        .get(editor.goal.0)
        .and_then(|i| i.goals.get(editor.goal.1))
    else {
        return;
    };
    let code = goal_ref(plan, editor.goal)
        .map(|r| format!("({})-{}-{}", r.initiative.area, r.initiative.kana, r.goal))
        .unwrap_or_default();
    let (label, unit) = match editor.field {
        Field::Actual => ("実績値".to_string(), goal.unit.clone()),
        Field::Milestone => ("達成状況".to_string(), String::new()),
        Field::Part(i) => {
            let part = goal.parts.get(i);
            (
                format!("{} 実績値", part.map_or("", |p| p.label.as_str())),
                part.map_or(String::new(), |p| p.unit.clone()),
            )
        }
        Field::Evaluation => ("評価内容".to_string(), String::new()),
        Field::Activity(i) => (format!("実施内容{} の状況", i + 1), String::new()),
        Field::Note(field, date) => (format!("会議 {date} {}", field.label_ja()), String::new()),
    };
    // Everything under the field is known before the popup is sized: the notice of a change
    // made elsewhere, the reason Enter refused, the live preview.
    let cells = usize::from(card_area.width).saturating_sub(4);
    let preview = editor.preview(goal, &plan.thresholds);
    let mut info = info_lines(editor.error.as_deref(), preview.as_ref(), cells, theme);
    if let Some(notice) = &editor.notice {
        let notice: Vec<Line> = wrap(&safe(notice), cells)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.error()))
            .collect();
        info.splice(0..0, notice);
    }
    // The hint under a value typing will replace.
    let replace_hint = matches!(&editor.input, FieldInput::Line(edit) if edit.replaces_on_type());
    let hint_rows = if replace_hint { 2 } else { 0 };
    let info_rows = u16::try_from(info.len() + hint_rows).unwrap_or(u16::MAX);
    let height = match &editor.input {
        FieldInput::Narrative(_) => card_area.height.saturating_sub(2).clamp(8, 16),
        // Borders, the field (and a blank) or the choices, then what is said under them.
        FieldInput::Line(_) => (2 + 2 + info_rows).max(8),
        FieldInput::Choice { options, .. } => {
            (2 + u16::try_from(options.len()).unwrap_or(u16::MAX) + info_rows).max(8)
        }
    };
    let area = Rect {
        x: card_area.x,
        y: card_area.bottom().saturating_sub(height),
        width: card_area.width,
        height: height.min(card_area.height),
    };
    clear(frame, area);
    // A whole frame: the field's text is painted so that an ambiguous glyph (⑴ ※ →) takes
    // two cells whatever the terminal thinks (see `tui::textedit`), so no row can push the
    // right border.
    let block = frame_block(&format!("{code} {label}"), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    match &mut editor.input {
        FieldInput::Line(edit) => {
            // The keys are in the footer, made from the keymap (hints).
            let [field_row, info_area] =
                Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
            let unit_text = if unit.is_empty() {
                String::new()
            } else {
                format!(" {}", safe(&unit))
            };
            let box_width = cells.saturating_sub(width(&unit_text) + 2);
            let line = Line::from(vec![
                Span::raw(" ".repeat(box_width + 1)),
                Span::styled(unit_text, theme.label()),
            ]);
            frame.render_widget(Paragraph::new(line), field_row);
            let text_box = Rect {
                x: field_row.x + 1,
                width: u16::try_from(box_width)
                    .unwrap_or(u16::MAX)
                    .min(field_row.width.saturating_sub(1)),
                height: 1,
                ..field_row
            };
            let look = Look {
                text: theme.selected(),
                picture: theme.control_picture(),
                replaced: theme.replaced_value(),
            };
            // The real cursor sits where the clerk types, so an IME composes in place.
            if let Some(cursor) = edit.render(text_box, frame.buffer_mut(), look) {
                frame.set_cursor_position(cursor);
            }
            let mut info = info;
            if edit.replaces_on_type() {
                let hint = wrap("typing replaces it; Left, Right or BkSp edit it", cells);
                let hint = hint
                    .into_iter()
                    .map(|l| Line::styled(format!(" {l}"), theme.muted()));
                info.splice(0..0, hint);
            }
            frame.render_widget(Paragraph::new(info), info_area);
        }
        FieldInput::Choice { options, selected } => {
            let rows = u16::try_from(options.len()).unwrap_or(u16::MAX);
            let [list, info_area] =
                Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(inner);
            let rows: Vec<Line> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let text = format!(" {} {}", if i == *selected { ">" } else { " " }, o.label());
                    let style = if i == *selected {
                        theme.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    Line::styled(pad(&text, cells / 2), style)
                })
                .collect();
            frame.render_widget(Paragraph::new(rows), list);
            frame.render_widget(Paragraph::new(info), info_area);
        }
        FieldInput::Narrative(edit) => {
            // The reason Enter refused takes the lines it needs, up to three.
            let info_height = u16::try_from(info.len().clamp(1, 3)).unwrap_or(1);
            let [text_area, info_area] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(info_height)])
                    .areas(inner);
            // Column 0 stays blank (see `tui::text`); the last column is the cursor's when it
            // follows a full row.
            let text_area = Rect {
                x: text_area.x + 1,
                width: text_area.width.saturating_sub(1),
                ..text_area
            };
            let look = Look {
                text: ratatui::style::Style::new(),
                picture: theme.control_picture(),
                replaced: theme.replaced_value(),
            };
            if let Some(cursor) = edit.render(text_area, frame.buffer_mut(), look) {
                frame.set_cursor_position(cursor);
            }
            frame.render_widget(Paragraph::new(info), info_area);
        }
    }
}

/// The part of `text` from display column `scroll`, `cells` wide.
fn visible_slice(text: &str, scroll: usize, cells: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if column >= scroll && column + w <= scroll + cells {
            out.push(c);
        }
        column += w;
    }
    out
}

/// The error under the field, or the recomputed 達成度 the typed value gives.
fn info_lines(
    error: Option<&str>,
    preview: Option<&Result<Evaluation, String>>,
    cells: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let wrapped = |text: &str, style| -> Vec<Line<'static>> {
        wrap(&safe(text), cells)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), style))
            .collect()
    };
    match (error, preview) {
        (Some(e), _) => wrapped(e, theme.error()),
        (None, Some(Err(e))) => wrapped(e, theme.error()),
        (None, Some(Ok(e))) => {
            let mut lines = vec![Line::from(vec![
                Span::styled(" -> 達成度 ", theme.label()),
                super::achievement(e, theme),
            ])];
            lines.extend(wrapped(&e.calculation, theme.muted()));
            lines
        }
        (None, None) => vec![],
    }
}

/// Width of the keys column of the help.
const KEY_COLUMN: usize = 17;

/// The key table, drawn from the keymap itself: the current screen's keys first, in two columns
/// on narrow screens, scrolled (`j`/`k`) when it does not fit.
pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let Mode::Help(scroll) = app.mode else { return };
    let popup = area.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    clear(frame, popup);
    let screen_first = match app.screen {
        Screen::Review(_) => Context::Review,
        Screen::Dashboard => Context::Dashboard,
        Screen::Main => Context::Tree,
    };
    let order = [
        screen_first,
        Context::Global,
        Context::Tree,
        Context::Card,
        Context::Editor,
        Context::Search,
        Context::Finder,
        Context::Review,
        Context::Dashboard,
    ];
    let mut contexts: Vec<Context> = Vec::new();
    for c in order {
        if !contexts.contains(&c) {
            contexts.push(c);
        }
    }
    let two_columns = popup.width < 110;
    let column_cells = if two_columns {
        usize::from(popup.width.saturating_sub(2)) / 2
    } else {
        usize::from(popup.width)
    };
    let mut lines: Vec<Line> = Vec::new();
    for context in contexts {
        lines.push(Line::styled(
            format!(" {}", context.title()),
            theme.heading(),
        ));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            // Keys that do not fit their column are cut, never run into the text.
            let names: Vec<String> = b.keys.iter().map(|k| k.name()).collect();
            let keys = pad(
                &truncate(&safe(&names.join(" ")), KEY_COLUMN - 1),
                KEY_COLUMN,
            );
            let text = truncate(&safe(b.help), column_cells.saturating_sub(KEY_COLUMN + 2));
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.key()),
                Span::raw(text),
            ]));
        }
    }
    lines.push(Line::styled(" In a field".to_string(), theme.heading()));
    for (keys, text) in FIELD_KEYS {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", pad(&safe(keys), KEY_COLUMN)), theme.key()),
            Span::raw(truncate(
                &safe(text),
                column_cells.saturating_sub(KEY_COLUMN + 2),
            )),
        ]));
    }
    let rows = usize::from(popup.height.saturating_sub(2));
    let columns = if two_columns { 2 } else { 1 };
    let last_start = lines.len().saturating_sub(rows * columns);
    let start = scroll.min(last_start);
    let hint = if last_start > 0 {
        strings::HELP_SCROLL_HINT
    } else {
        strings::CLOSE_HINT
    };
    let block = frame_block(
        &format!("{}   {}", strings::HELP_TITLE, strings::LEGEND),
        theme,
    )
    .title_bottom(Span::styled(format!(" {hint} "), theme.popup_border()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut shown = lines.into_iter().skip(start);
    if two_columns {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);
        let first: Vec<Line> = shown.by_ref().take(rows).collect();
        frame.render_widget(Paragraph::new(first), left);
        frame.render_widget(Paragraph::new(shown.collect::<Vec<_>>()), right);
    } else {
        frame.render_widget(Paragraph::new(shown.collect::<Vec<_>>()), inner);
    }
}

/// How the goal is counted, over the card: 積算方法 as written, the unit, the formula, the
/// sheet's arithmetic for its figures and the worked 達成度. Any key closes it.
pub fn method(frame: &mut Frame, card_area: Rect, app: &App, (i, g): (usize, usize)) {
    let theme = app.theme;
    let Some(initiative) = app.plan.initiatives.get(i) else {
        return;
    };
    let Some(goal) = initiative.goals.get(g) else {
        return;
    };
    let card = Card::of(&app.plan, initiative, goal, app.today);
    clear(frame, card_area);
    let title = format!(
        "({})-{}-{} 積算方法  how it is counted",
        initiative.code.area, initiative.code.kana, goal.number
    );
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
    // Free text as written, wrapped with ambiguous glyphs counted wide (`tui::text`).
    let cells = usize::from(body.width).saturating_sub(1);
    let mut lines: Vec<Line> = wrap(&visible(&goal.title), cells)
        .into_iter()
        .map(|l| Line::styled(l, theme.label()))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&visible(&card.calc_method), cells)
            .into_iter()
            .map(Line::raw),
    );
    lines.push(Line::raw(""));
    let unit = if card.unit.is_empty() {
        "ー".to_string()
    } else {
        visible(&card.unit)
    };
    lines.push(Line::raw(format!("単位    {unit}")));
    // The arithmetic is tassei's own text: its × ÷ → get narrow stand-ins (x / ->), as in
    // the field's preview, so it reads cleanly in any terminal.
    lines.push(Line::raw(format!("算式    {}", safe(card.formula))));
    for (label, worked) in &card.derivations {
        lines.push(Line::styled(format!("{label}の算出"), theme.label()));
        for line in wrap(&safe(worked), cells.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {line}")));
        }
    }
    let e = &card.evaluation;
    lines.push(Line::from(vec![
        Span::styled("達成度  ", theme.label()),
        super::achievement(e, theme),
    ]));
    for line in wrap(&safe(&e.calculation), cells.saturating_sub(2)) {
        lines.push(Line::styled(format!("  {line}"), theme.status(e.status)));
    }
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", strings::CLOSE_HINT),
            theme.muted(),
        )),
        hint,
    );
}

/// The finder: the query line and the ranked matches.
pub fn finder(frame: &mut Frame, area: Rect, app: &App) {
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
    let popup_width = area.width.saturating_sub(4).min(110);
    let height = area.height.saturating_sub(4).min(22);
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + 1,
        width: popup_width,
        height,
    };
    clear(frame, popup);
    let block = frame_block(strings::FINDER_TITLE, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input_row, list, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let cells = usize::from(inner.width).saturating_sub(2);

    let prompt = " find> ";
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
        vec![Line::styled(
            format!(" {}", strings::FINDER_EMPTY),
            theme.muted(),
        )]
    } else if hits.is_empty() && !search.is_done() {
        vec![Line::styled(
            format!(" {}", strings::FINDER_SEARCHING),
            theme.muted(),
        )]
    } else if hits.is_empty() {
        vec![Line::styled(" no goal matches", theme.error())]
    } else {
        let first = chosen.saturating_sub(rows.saturating_sub(1));
        let code_of = |hit: &Found| {
            format!(
                "({})-{}-{}",
                hit.goal.initiative.area, hit.goal.initiative.kana, hit.goal.goal
            )
        };
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
                let goal = app
                    .plan
                    .initiatives
                    .get(hit.position.0)?
                    .goals
                    .get(hit.position.1)?;
                let code = code_of(hit);
                let place = format!(" {}", safe(hit.place.label()));
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
        strings::FINDER_SEARCHING.to_string()
    } else if query.value().trim().is_empty() {
        String::new()
    } else {
        format!("{} match", super::lists::plural(hits.len(), "goal"))
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {hint_text}"), theme.muted())),
        hint,
    );
}

/// A question (see `tui::question`): what happened, then the numbered answers. Centred, with
/// a whole ASCII frame; every line wraps inside it.
pub fn question(frame: &mut Frame, area: Rect, app: &App) {
    let Mode::Asking(question) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let popup_width = area.width.saturating_sub(6).min(76);
    let cells = usize::from(popup_width).saturating_sub(4);
    let mut lines: Vec<Line> = Vec::new();
    for text in &question.lines {
        for line in wrap(&safe(text), cells) {
            lines.push(Line::raw(format!(" {line}")));
        }
    }
    lines.push(Line::raw(""));
    for (k, choice) in question.choices.iter().enumerate() {
        let lead = format!(" {}  ", k + 1);
        for (row, line) in wrap(&safe(choice), cells.saturating_sub(width(&lead)))
            .into_iter()
            .enumerate()
        {
            let head = if row == 0 {
                Span::styled(lead.clone(), theme.key())
            } else {
                Span::raw(" ".repeat(width(&lead)))
            };
            lines.push(Line::from(vec![head, Span::raw(line)]));
        }
    }
    lines.push(Line::styled(" Esc  back, change nothing", theme.muted()));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + area.height.saturating_sub(height) / 3,
        width: popup_width,
        height,
    };
    clear(frame, popup);
    let title = truncate(&safe(&question.title), cells);
    let block = frame_block(&title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Clear, Widget};

    use super::blank_cut_glyphs;

    /// `あい` drawn from column 0 fills cells 0–3; a popup from column 1 cuts `あ` in half.
    fn cut_row() -> (Buffer, Rect) {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "あいう", ratatui::style::Style::new());
        (buf, Rect::new(1, 0, 4, 1))
    }

    #[test]
    fn clear_alone_leaves_half_a_glyph_at_the_left_edge() {
        let (mut buf, popup) = cut_row();
        Clear.render(popup, &mut buf);
        assert_eq!(
            buf[(0, 0)].symbol(),
            "あ",
            "ratatui's Clear keeps the glyph whose right half it blanked"
        );
    }

    #[test]
    fn the_popup_clear_blanks_a_glyph_it_cuts() {
        let (mut buf, popup) = cut_row();
        Clear.render(popup, &mut buf);
        blank_cut_glyphs(&mut buf, popup);
        assert_eq!(buf[(0, 0)].symbol(), " ");
        assert_eq!(
            buf[(5, 0)].symbol(),
            " ",
            "う (cells 4-5) started inside the popup: its trailing cell is blank"
        );
    }
}
