//! The collect (`I`): the path prompt and the preview, popups over the panes that leave the
//! status bar in sight (its message says what a key or the apply did). An ASCII frame,
//! chrome-safe text: the sheet's ⑴ and → are data, shown by their narrow stand-ins here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListState, Paragraph};

use super::finder::visible_slice;
use super::padded;
use super::popup::{clear, frame_block};
use crate::exchange::{Change, Choice, Decision, Source};
use crate::model::FieldValue;
use crate::report::change::{Context, around, text_change};
use crate::strings::strings;
use crate::text::fit;
use crate::tui::app::{App, Mode};
use crate::tui::collect::CollectPreview;
use crate::tui::scroll::window;
use crate::tui::text::{pad, safe, truncate, width, wrap};
use crate::tui::theme::{Marks, Theme};

/// The path prompt: the path as typed, what may be given, and why the last file was refused.
pub fn prompt(frame: &mut Frame, area: Rect, app: &App) {
    let Mode::CollectFile(prompt) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let words = &strings().tui.collect;
    let popup_width = area.width.saturating_sub(4).min(100);
    let cells = usize::from(popup_width).saturating_sub(4);
    let mut below: Vec<Line> = paragraph(words.prompt_help, cells)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.muted()))
        .collect();
    if let Some(refused) = &prompt.refused {
        below.push(Line::raw(""));
        below.extend(
            paragraph(refused, cells)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), theme.error())),
        );
    }
    let height = u16::try_from(below.len() + 4)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(1));
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + 1,
        width: popup_width,
        height,
    };
    clear(frame, band(area, popup));
    let block = frame_block(words.prompt_title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input_row, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    let label = format!(" {}> ", words.prompt);
    // The last cell is the cursor's when the path fills the line.
    let room = usize::from(inner.width).saturating_sub(width(&label) + 1);
    let path = &prompt.path;
    let scroll = path.visual_scroll(room);
    let shown = visible_slice(path.value(), scroll, room);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label.clone(), theme.key()),
            Span::raw(safe(&shown)),
        ])),
        input_row,
    );
    if let Ok(dx) = u16::try_from(width(&label) + path.visual_cursor().saturating_sub(scroll)) {
        frame.set_cursor_position(Position {
            x: input_row.x + dx.min(input_row.width.saturating_sub(1)),
            y: input_row.y,
        });
    }
    frame.render_widget(Paragraph::new(below), rest);
}

/// The preview: where the file came from, the counts, why the last apply wrote nothing; the
/// rows with their choices (the selected one highlighted, conflicts in their colour); the
/// selected row's values whole; the rows the file could not give. `state` is where the rows
/// start on screen.
pub fn preview(frame: &mut Frame, area: Rect, app: &App, state: &mut ListState) {
    let Mode::Collecting(preview) = &app.mode else {
        return;
    };
    let theme = app.theme;
    let words = &strings().tui.collect;
    let popup_width = area.width.saturating_sub(4).min(140);
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + 1,
        width: popup_width,
        height: area.height.saturating_sub(1),
    };
    clear(frame, band(area, popup));
    let block = frame_block(&(words.title)(&preview.name), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cells = usize::from(inner.width).saturating_sub(1);

    let mut head = source_lines(preview, cells, theme);
    let tally = preview.tally();
    head.push(Line::styled(
        format!(
            " {}",
            (words.counts)(
                tally.conflicts,
                tally.undecided,
                tally.changes,
                tally.left_out
            )
        ),
        theme.muted(),
    ));
    if let Some(note) = &preview.note {
        head.extend(
            paragraph(note, cells.saturating_sub(1))
                .into_iter()
                .take(4)
                .map(|l| Line::styled(format!(" {l}"), theme.error())),
        );
    }
    // Each row left out, wrapped: they fill what the rows and the detail leave.
    let problems: Vec<Vec<String>> = preview
        .offer
        .problems
        .iter()
        .map(|p| paragraph(p, cells.saturating_sub(2)))
        .collect();
    let detail_rows = detail_height(preview, (inner.height / 4).max(4));
    let gaps = if problems.is_empty() { 1 } else { 2 };
    let room =
        usize::from(inner.height).saturating_sub(head.len() + usize::from(detail_rows) + gaps);
    let (rows_height, left_height) = share(room, preview.order.len().max(1), &problems);
    let left_out = left_out_lines(&problems, left_height, theme);
    // The rows first, then the selected row's values, then the rows left out, a blank line
    // apart, so a short preview reads top down.
    let [head_area, rows_area, _, detail_area, _, left_area] = Layout::vertical([
        Constraint::Length(u16::try_from(head.len()).unwrap_or(u16::MAX)),
        Constraint::Length(u16::try_from(rows_height).unwrap_or(u16::MAX)),
        Constraint::Length(1),
        Constraint::Length(detail_rows),
        Constraint::Length(1),
        Constraint::Length(u16::try_from(left_out.len()).unwrap_or(u16::MAX)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head), head_area);
    frame.render_widget(Paragraph::new(left_out), left_area);
    if preview.order.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", words.nothing_new),
                theme.muted(),
            )),
            rows_area,
        );
        return;
    }
    let shown = window(
        state,
        preview.selected,
        preview.order.len(),
        usize::from(rows_area.height),
    );
    if shown.len() < preview.order.len() {
        // Where the selected row is, on the frame's bottom edge, when the rows do not all fit.
        let at = format!(" {}/{} ", preview.selected + 1, preview.order.len());
        let cells = u16::try_from(width(&at)).unwrap_or(u16::MAX);
        let edge = Rect {
            x: popup.right().saturating_sub(cells + 2),
            y: popup.bottom().saturating_sub(1),
            width: cells.min(popup.width),
            height: 1,
        };
        frame.render_widget(Paragraph::new(Line::styled(at, theme.popup_border())), edge);
    }
    let first = shown.start;
    let columns = Columns::of(preview);
    let lines: Vec<Line> = preview.order[shown]
        .iter()
        .enumerate()
        .map(|(n, k)| {
            let row = Row {
                change: &preview.offer.changes[*k],
                choice: preview.choices[*k],
                can_choose: preview.offer.can_choose(*k),
            };
            let line = row.line(&columns, cells, theme);
            if first + n == preview.selected {
                Theme::select_line(line, theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    if let Some((_, change)) = preview.selected_change() {
        let detail = detail(change, cells, usize::from(detail_rows), theme);
        frame.render_widget(Paragraph::new(detail), detail_area);
    }
}

/// The rows `popup` takes across the whole of `area`: cleared with it, so the tree's selection
/// bar and markers and the card's text do not show beside the frame.
fn band(area: Rect, popup: Rect) -> Rect {
    Rect {
        x: area.x,
        width: area.width,
        ..popup
    }
}

/// Where the file came from: a section's return of a handout (and when it was collected
/// before), or a CSV with its encoding. The time it was collected before is never cut in
/// two: it follows on the same line when it fits there, else it has a line of its own.
fn source_lines(preview: &CollectPreview, cells: usize, theme: Theme) -> Vec<Line<'static>> {
    let words = &strings().tui.collect;
    let (from, handout) = match &preview.source {
        Source::Handout(h) => ((words.from_handout)(&h.section, h.id), Some(h)),
        Source::DataFile { handout, laptop } => {
            let who = laptop.actors.join(strings().exchange.file_separator);
            (
                (words.from_laptop)(&handout.section, handout.id, &who),
                Some(handout),
            )
        }
        Source::Csv { encoding } => ((words.from_csv)(encoding), None),
    };
    let room = cells.saturating_sub(1);
    let mut lines: Vec<String> = paragraph(&from, room).into_iter().take(2).collect();
    if let Some(at) = handout.and_then(|h| h.collected_local.as_deref()) {
        let collected = safe(&(words.collected_before)(at));
        match lines.last_mut() {
            Some(last) if width(last) + 2 + width(&collected) <= room => {
                last.push_str("  ");
                last.push_str(&collected);
            }
            _ => lines.extend(paragraph(&collected, room)),
        }
    }
    lines
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.heading()))
        .collect()
}

/// The lines the selected row's detail is given, the same whichever row is selected: `cap`
/// when some row is a text (it wraps), else the subject and the values a row shows (three for
/// a conflict). None without rows.
fn detail_height(preview: &CollectPreview, cap: u16) -> u16 {
    let changes = &preview.offer.changes;
    if changes.is_empty() {
        return 0;
    }
    let wraps = |v: &FieldValue| {
        text_of(v).is_some() || matches!(v, FieldValue::Value(crate::model::Value::Text(_)))
    };
    if changes
        .iter()
        .any(|c| wraps(&c.returned) || wraps(&c.current))
    {
        return cap;
    }
    let conflicts = changes
        .iter()
        .any(|c| matches!(c.decision, Decision::Conflict | Decision::Cleared));
    (if conflicts { 4 } else { 3 }).min(cap)
}

/// How `room` lines are shared between the rows (`rows` of them) and the rows left out
/// (`problems`, each wrapped, under a heading): each gets all it needs when both fit; else the
/// rows left out keep a third of the room (four lines at least, when there is that much) and
/// the rows take the rest, scrolling. What the rows do not need goes to the rows left out.
/// Returns (rows' lines, rows left out's lines).
fn share(room: usize, rows: usize, problems: &[Vec<String>]) -> (usize, usize) {
    if problems.is_empty() {
        return (rows.min(room), 0);
    }
    let wanted = 1 + problems.iter().map(Vec::len).sum::<usize>();
    let kept = wanted.min((room / 3).max(4)).min(room.saturating_sub(1));
    let rows = rows.min(room.saturating_sub(kept)).max(1).min(room);
    (rows, room.saturating_sub(rows).min(wanted))
}

/// The rows the reader left out, under their heading, in `room` lines: as many whole as fit,
/// then how many more there are.
fn left_out_lines(problems: &[Vec<String>], room: usize, theme: Theme) -> Vec<Line<'static>> {
    if problems.is_empty() || room == 0 {
        return vec![];
    }
    let words = &strings().tui.collect;
    let mut lines = vec![Line::styled(
        format!(" {}", (words.left_out)(problems.len())),
        theme.label(),
    )];
    let mut said = 0;
    for (k, wrapped) in problems.iter().enumerate() {
        // A line is kept for the count while more follow.
        let count = usize::from(k + 1 < problems.len());
        if lines.len() + wrapped.len() + count > room {
            break;
        }
        lines.extend(
            wrapped
                .iter()
                .map(|l| Line::styled(format!("  {l}"), theme.error())),
        );
        said += 1;
    }
    if said < problems.len() && lines.len() < room {
        lines.push(Line::styled(
            format!("  {}", (words.more)(problems.len() - said)),
            theme.muted(),
        ));
    }
    lines
}

/// The widths of a row's first two columns: the choice's, and the kind's (none when every
/// row is a plain change).
struct Columns {
    choice: usize,
    kind: usize,
}

impl Columns {
    fn of(preview: &CollectPreview) -> Self {
        let words = &strings().tui.collect;
        let choice = [words.take, words.keep, words.skip, words.undecided]
            .iter()
            .map(|w| width(w))
            .max()
            .unwrap_or(0);
        let kind = preview
            .offer
            .changes
            .iter()
            .map(|c| width(kind_of(c.decision)))
            .max()
            .unwrap_or(0);
        Columns { choice, kind }
    }
}

/// A change's kind, before its subject: a conflict, a change to check, text lost to `?`.
fn kind_of(decision: Decision) -> &'static str {
    let words = &strings().tui.collect;
    match decision {
        Decision::Conflict => words.conflict,
        Decision::Cleared => words.cleared,
        Decision::Unbased => words.unbased,
        Decision::LostText => words.lost_text,
        Decision::Apply | Decision::Unchanged | Decision::Already => "",
    }
}

/// One row of the preview.
struct Row<'a> {
    change: &'a Change,
    choice: Choice,
    can_choose: bool,
}

impl Row<'_> {
    /// `take   conflict (1)-ア-1 実績値  9,600 (tanaka) -> 9,500 (handed out 9,016)`, in
    /// `cells`.
    fn line(&self, columns: &Columns, cells: usize, theme: Theme) -> Line<'static> {
        let words = &strings().tui.collect;
        let c = self.change;
        let (label, choice_style) = match (self.can_choose, self.choice) {
            (false, _) | (true, Choice::Current) => (words.keep, theme.key()),
            (true, Choice::Returned) => (words.take, theme.saved()),
            (true, Choice::Skip) => (words.skip, theme.muted()),
            (true, Choice::Undecided) => (words.undecided, theme.error()),
        };
        let (mut now, returned) = shown(&c.current, &c.returned, theme.marks());
        // Who made a conflict's value now; when, in the detail below the rows.
        if let Some(by) = &c.by {
            now = (words.now_by)(&now, &safe(&by.actor));
        }
        let base = if matches!(c.decision, Decision::Conflict | Decision::Cleared) {
            let (base, _) = shown(&c.base, &c.returned, theme.marks());
            format!("  {}", (words.handed_out_was)(&base))
        } else {
            String::new()
        };
        let kind = if columns.kind > 0 {
            format!("{} ", pad(kind_of(c.decision), columns.kind))
        } else {
            String::new()
        };
        let head = format!(" {} ", pad(label, columns.choice));
        let rest = format!(
            "{kind}{} {}  {now} -> {returned}{base}",
            safe(&c.subject),
            c.field.label_ja()
        );
        let rest = truncate(&rest, cells.saturating_sub(width(&head)));
        let style = match c.decision {
            Decision::Conflict | Decision::Cleared => theme.conflict(),
            Decision::LostText => theme.muted(),
            _ => Style::new(),
        };
        // The highlight spans the popup's inside, the column after the text too.
        padded(
            Line::from(vec![
                Span::styled(head, choice_style),
                Span::styled(rest, style),
            ]),
            cells + 1,
        )
    }
}

/// Two values of a field as a row shows them: a text by the part that differs, on one line.
fn shown(a: &FieldValue, b: &FieldValue, marks: Marks) -> (String, String) {
    let (a, b) = match (text_of(a), text_of(b)) {
        (Some(a), Some(b)) => text_change(a, b),
        _ => (a.to_string(), b.to_string()),
    };
    (safe(&marks.respell(&a)), safe(&marks.respell(&b)))
}

fn text_of(value: &FieldValue) -> Option<&str> {
    match value {
        FieldValue::Text(t) | FieldValue::Note { text: t, .. } => Some(t),
        _ => None,
    }
}

/// The selected row whole: its subject, then its values now (with who made it, for a
/// conflict the change log knows), returned and (for a conflict) as handed out, a text around where it differs from the returned one, wrapped, as much as
/// `rows` lines hold.
fn detail(change: &Change, cells: usize, rows: usize, theme: Theme) -> Vec<Line<'static>> {
    let words = &strings().tui.collect;
    let mut lines = vec![Line::styled(
        format!(
            " {} {}  {}",
            safe(&change.subject),
            change.field.label_ja(),
            kind_of(change.decision)
        ),
        theme.heading(),
    )];
    let mut values = vec![
        (words.now, &change.current),
        (words.returned, &change.returned),
    ];
    if matches!(change.decision, Decision::Conflict | Decision::Cleared) {
        values.push((words.handed_out, &change.base));
    }
    let label_cells = values.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let room = rows.saturating_sub(1);
    let each = (room / values.len()).max(1);
    for (k, (label, value)) in values.iter().enumerate() {
        // The last value takes the rows the others left.
        let take = if k + 1 == values.len() {
            room.saturating_sub(each * k).max(1)
        } else {
            each
        };
        // Each text around where it differs from the returned one; the returned one around
        // where it differs from the value now.
        let other = if k == 1 {
            &change.current
        } else {
            &change.returned
        };
        let mut text = whole(value, other, theme.marks());
        // The value now, with who made it when the change log knows (as the CLI says it).
        if let (0, Some(by)) = (k, &change.by) {
            text = safe(&(strings().exchange.current_by)(&text, &by.actor, &by.at));
        }
        let text_cells = cells.saturating_sub(label_cells + 3);
        let wrapped = wrap(&text, text_cells);
        let cut = wrapped.len() > take;
        for (row, line) in wrapped.into_iter().take(take).enumerate() {
            let head = if row == 0 {
                format!(" {} ", pad(label, label_cells))
            } else {
                " ".repeat(label_cells + 2)
            };
            // A value cut short says so inside its room.
            let line = if cut && row + 1 == take {
                format!("{}..", fit(&line, text_cells.saturating_sub(2)))
            } else {
                line
            };
            lines.push(Line::from(vec![
                Span::styled(head, theme.label()),
                Span::raw(line),
            ]));
        }
    }
    lines
}

/// A value as the detail shows it: a figure or a word as it is; a text around where it
/// differs from `other`, its line breaks as spaces.
fn whole(value: &FieldValue, other: &FieldValue, marks: Marks) -> String {
    let text = match (text_of(value), text_of(other)) {
        (Some(""), Some(_)) => strings().report.empty.to_string(),
        (Some(a), Some(b)) => {
            let context = Context {
                before: 40,
                after: 40,
            };
            around(a, b, context, usize::MAX).0
        }
        _ => value.to_string(),
    };
    safe(&marks.respell(&text))
}

/// A sentence wrapped to `cells`, chrome-safe: the blank a wrap carries to the start of a
/// line is dropped, as the status bar drops it.
fn paragraph(text: &str, cells: usize) -> Vec<String> {
    wrap(&safe(text), cells)
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            if k == 0 {
                line
            } else {
                line.trim_start().to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
