//! Popups: the open field (with its live preview), the key table and questions (the method
//! lookup and the finder have their own modules). Popups have an ASCII frame
//! and chrome-safe text, and clear their area so no half of a wide glyph is left at the edges.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::engine::Evaluation;
use crate::strings::strings;
use crate::tui::app::{App, Mode, Screen};
use crate::tui::editor::FieldInput;
use crate::tui::fields::Field;
use crate::tui::hints;
use crate::tui::keymap::{BINDINGS, Context, FIELD_KEYS};
use crate::tui::text::{pad, safe, truncate, width, wrap};
use crate::tui::textedit::{Look, TextView};
use crate::tui::theme::Theme;

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
            && crate::text::cells(cell.symbol()) > 1
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
/// [`TextEdit`], which fits `view` (the field's scroll) to the area on every draw (so a resize
/// keeps the cursor in view) and says where the real cursor goes.
pub fn editor(
    frame: &mut Frame,
    card_area: Rect,
    editor: &crate::tui::editor::Editor,
    plan: &crate::model::Plan,
    theme: Theme,
    view: &mut TextView,
) {
    let Some(goal) = editor.goal.goal_in(plan) else {
        return;
    };
    let code = editor
        .goal
        .goal_ref(plan)
        .map(|r| r.parenthesised())
        .unwrap_or_default();
    let words = &strings().tui.editor;
    let (label, unit) = match editor.field {
        Field::Actual => (words.actual.to_string(), goal.unit.clone()),
        Field::Milestone => (words.milestone.to_string(), String::new()),
        Field::Part(i) => {
            let part = goal.parts.get(i);
            (
                (words.part_actual)(part.map_or("", |p| p.label.as_str())),
                part.map_or(String::new(), |p| p.unit.clone()),
            )
        }
        Field::Evaluation => (strings().tui.sheet.evaluation.to_string(), String::new()),
        Field::Activity(i) => ((words.activity_status)(i + 1), String::new()),
        // A part's field, named with the part: `開催回数 目標値`, in the part's unit.
        Field::PartLabel(i) | Field::PartTarget(i) | Field::PartUnit(i) => {
            let part = goal.parts.get(i);
            let label = editor.field.key().map(|k| k.label_ja()).unwrap_or_default();
            let unit = match editor.field {
                Field::PartTarget(_) => part.map_or(String::new(), |p| p.unit.clone()),
                _ => String::new(),
            };
            (
                format!("{} {label}", part.map_or("", |p| p.label.as_str())),
                unit,
            )
        }
        Field::ActivityContent(i) | Field::ActivityPeriod(i) | Field::ActivitySections(i) => (
            (words.activity_field)(
                i + 1,
                editor.field.key().map(|k| k.label_ja()).unwrap_or_default(),
            ),
            String::new(),
        ),
        Field::Note(field, date) => (
            (words.note)(&date.to_string(), field.label_ja()),
            String::new(),
        ),
        // A figure of the definition is typed in the goal's unit, as 実績値 is.
        Field::Baseline | Field::Target => (
            editor
                .field
                .key()
                .map(|k| k.label_ja())
                .unwrap_or_default()
                .to_string(),
            goal.unit.clone(),
        ),
        Field::Title
        | Field::Unit
        | Field::Precision
        | Field::CalcMethod
        | Field::GoalNote
        | Field::Formula => (
            editor
                .field
                .key()
                .map(|k| k.label_ja())
                .unwrap_or_default()
                .to_string(),
            String::new(),
        ),
    };
    // Everything under the field is known before the popup is sized: the notice of a change
    // made elsewhere, the reason Enter refused, the live preview.
    let cells = usize::from(card_area.width).saturating_sub(4);
    let preview = editor.preview(goal, &plan.thresholds);
    let mut info = info_lines(editor.error.as_deref(), preview.as_ref(), cells, theme);
    if let Some(notice) = &editor.notice {
        let notice: Vec<Line> = wrap(&safe(&theme.marks().respell(notice)), cells)
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

    match &editor.input {
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
            if let Some(cursor) = edit.render(view, text_box, frame.buffer_mut(), look) {
                frame.set_cursor_position(cursor);
            }
            let mut info = info;
            if edit.replaces_on_type() {
                let hint = wrap(&hints::replaced_value(), cells);
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
            if let Some(cursor) = edit.render(view, text_area, frame.buffer_mut(), look) {
                frame.set_cursor_position(cursor);
            }
            frame.render_widget(Paragraph::new(info), info_area);
        }
    }
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
                Span::styled(
                    format!(" -> {} ", strings().tui.sheet.achievement),
                    theme.label(),
                ),
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
/// Returns the last scroll position that shows something new (how far `j` may go).
pub fn help(frame: &mut Frame, area: Rect, app: &App) -> usize {
    let theme = app.theme;
    let Mode::Help(scroll) = app.mode else {
        return 0;
    };
    // Two columns on a narrow screen take its whole width, so that at 80 columns each
    // description has 20 cells (ten kanji); the last row stays the status bar's, as nothing
    // draws the screen's bottom-right cell.
    let two_columns = area.width < 112;
    let popup = if two_columns {
        Rect {
            height: area.height.saturating_sub(1),
            ..area
        }
    } else {
        area.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        })
    };
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
        Context::CollectFile,
        Context::Collect,
        Context::NewRow,
    ];
    let mut contexts: Vec<Context> = Vec::new();
    for c in order {
        if !contexts.contains(&c) {
            contexts.push(c);
        }
    }
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
            let keys = pad(
                &truncate(&safe(&b.keys_label()), KEY_COLUMN - 1),
                KEY_COLUMN,
            );
            help_row(&mut lines, &keys, b.help_text(), column_cells, theme);
        }
    }
    // The keys an open field handles itself: a text field's, then a choice's, each under
    // its own heading.
    let field_headings = [
        (Context::Editor, strings().tui.help.in_a_field.to_string()),
        (Context::Choice, Context::Choice.title()),
    ];
    for (context, heading) in field_headings {
        lines.push(Line::styled(format!(" {heading}"), theme.heading()));
        for field in FIELD_KEYS.iter().filter(|f| f.context == context) {
            let keys = pad(&safe(&field.keys_label()), KEY_COLUMN);
            help_row(&mut lines, &keys, field.help_text(), column_cells, theme);
        }
    }
    let rows = usize::from(popup.height.saturating_sub(2));
    let columns = if two_columns { 2 } else { 1 };
    let last_start = lines.len().saturating_sub(rows * columns);
    let start = scroll.min(last_start);
    let hint = hints::help_popup(last_start > 0);
    let block = frame_block(
        &format!(
            "{}   {}",
            strings().tui.help.title,
            theme.marks().respell(strings().tui.help.legend)
        ),
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
    last_start
}

/// One key's row of the help: its keys (padded to [`KEY_COLUMN`]) and what they do, in a column
/// of `column_cells`. A description wider than its room wraps under itself rather than being
/// cut: a kanji takes two cells, so a Japanese description fills the room twice as fast.
fn help_row(
    lines: &mut Vec<Line<'static>>,
    keys: &str,
    description: &str,
    column_cells: usize,
    theme: Theme,
) {
    let room = column_cells.saturating_sub(KEY_COLUMN + 2).max(1);
    let mut rows = wrap(&safe(description), room);
    if rows.is_empty() {
        // The keys' row stays even with nothing to say.
        rows.push(String::new());
    }
    for (k, text) in rows.into_iter().enumerate() {
        let head = if k == 0 {
            Span::styled(format!("  {keys}"), theme.key())
        } else {
            Span::raw(" ".repeat(KEY_COLUMN + 2))
        };
        lines.push(Line::from(vec![head, Span::raw(text)]));
    }
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
        for line in wrap(&safe(&theme.marks().respell(text)), cells) {
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
    lines.push(Line::styled(
        format!(" {}", hints::question_back(question.esc_is())),
        theme.muted(),
    ));
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

    use super::{KEY_COLUMN, blank_cut_glyphs, help_row};
    use crate::tui::theme::Theme;

    /// `あい` drawn from column 0 fills cells 0–3; a popup from column 1 cuts `あ` in half.
    fn cut_row() -> (Buffer, Rect) {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "あいう", ratatui::style::Style::new());
        (buf, Rect::new(1, 0, 4, 1))
    }

    /// A description wider than its room wraps under itself, whole, its keys on the first row.
    #[test]
    fn a_long_help_description_wraps_rather_than_being_cut() {
        let mut lines = Vec::new();
        let column = KEY_COLUMN + 2 + 10;
        let keys = format!("{:KEY_COLUMN$}", "Alt-Enter");
        help_row(
            &mut lines,
            &keys,
            "評価内容に改行を入れる",
            column,
            Theme::colored(),
        );
        let rows: Vec<String> = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let blank = " ".repeat(KEY_COLUMN + 2);
        assert_eq!(
            rows,
            [
                format!("  {keys}評価内容に"),
                format!("{blank}改行を入れ"),
                format!("{blank}る"),
            ]
        );
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
