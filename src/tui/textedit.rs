//! The text of an open field and its cursor, laid out with the card's own line breaking.
//!
//! One buffer serves one-line fields (実績値, a note) and the multi-line 評価内容. What it owns:
//! - **line breaks**: a CR or CRLF, pasted or typed, becomes LF. A multi-line text breaks its
//!   line there; a one-line text keeps the break as a visible `^J` for the field to refuse,
//!   except the single break that ends a paste (one Excel cell copies as `9500\r\n`);
//! - **control characters** are drawn as their picture (`^A`, `^[`, `^?`, see
//!   [`control_picture`]) in their own style, so the clerk sees them and deletes them; the
//!   cursor steps over a picture as one character;
//! - **layout**: rows wrap with [`wrap_ranges`] (行頭禁則, Latin and digit runs kept whole), a
//!   character's width is the worst case ([`char_width`]: ambiguous ⑴ ※ → take two cells),
//!   so the cursor's cell is exact in terminals of either opinion; one-line text scrolls
//!   sideways instead;
//! - **drawing** into a ratatui buffer, returning where the real cursor goes (the IME composes
//!   there). Every draw fits the scroll to the area it is given, so a resize keeps the cursor
//!   in view.

use std::ops::Range;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use super::text::{char_width, control_picture, wrap_ranges};

/// Whether the text may hold line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: a break is a character like any other, shown as `^J`.
    One,
    /// Several lines: a break starts a new row.
    Many,
}

/// The styles a text is drawn in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    /// The text and the blank cells of its area.
    pub text: Style,
    /// The picture of a control character, over `text`.
    pub picture: Style,
    /// The characters of a value that typing will replace, over `text`.
    pub replaced: Style,
}

/// One row on screen: the characters `start..end` of the text (a line break is in no row).
pub type Row = Range<usize>;

/// What the last draw fitted the text to.
#[derive(Debug, Clone, Copy, Default)]
struct View {
    /// Cells of the area (0: not drawn yet, nothing wraps).
    width: usize,
    /// Rows of the area.
    height: usize,
    /// The first row on screen (multi-line) or the first cell (one-line).
    scroll: usize,
}

/// A text being edited and its cursor.
#[derive(Debug, Clone)]
pub struct TextEdit {
    text: String,
    /// Where the next character goes, in characters from the start (0 ..= length).
    cursor: usize,
    lines: Lines,
    /// The cell column Up and Down aim for, kept over a run of them so that a short row on the
    /// way does not pull the cursor to the left for good.
    goal_column: Option<usize>,
    /// The last character inserted was a CR: an LF right after it is the rest of a CRLF.
    after_cr: bool,
    /// As in an Excel cell: a one-line field opens with its value selected, and typing or
    /// pasting replaces it (`9016`, then `9500` typed, is 9500, not 90169500). A move or a
    /// deletion starts editing the value instead.
    replace_on_type: bool,
    view: View,
}

impl TextEdit {
    /// A one-line text with the cursor at its end; typing replaces it until the cursor moves.
    pub fn one_line(text: &str) -> Self {
        let mut edit = Self::new(text, Lines::One);
        edit.replace_on_type = !text.is_empty();
        edit
    }

    /// A multi-line text with the cursor at its end.
    pub fn multi_line(text: &str) -> Self {
        Self::new(text, Lines::Many)
    }

    fn new(text: &str, lines: Lines) -> Self {
        TextEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
            lines,
            goal_column: None,
            after_cr: false,
            replace_on_type: false,
            view: View::default(),
        }
    }

    /// The text as it would be saved.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn lines(&self) -> Lines {
        self.lines
    }

    /// True while typing would replace the whole value (see [`TextEdit::one_line`]).
    pub fn replaces_on_type(&self) -> bool {
        self.replace_on_type
    }

    /// Empties a value that typing is to replace.
    fn replace_if_selected(&mut self) {
        if std::mem::take(&mut self.replace_on_type) {
            self.text.clear();
            self.cursor = 0;
        }
    }

    /// A key a field does not claim: typing and moving. True when the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let before = self.text.len();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            // Windows reports AltGr as Ctrl+Alt: what it types is a character.
            KeyCode::Char(c) if ctrl == alt => {
                self.insert_char(c);
                return true;
            }
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char('b') if ctrl => self.left(),
            KeyCode::Char('f') if ctrl => self.right(),
            KeyCode::Char('h') if ctrl => self.backspace(),
            KeyCode::Char('d') if ctrl => self.delete(),
            KeyCode::Char('k') if ctrl => self.delete_to_line_end(),
            KeyCode::Char('u') if ctrl => self.delete_to_line_start(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Up => self.up(),
            KeyCode::Down => self.down(),
            KeyCode::PageUp => self.page_up(),
            KeyCode::PageDown => self.page_down(),
            KeyCode::Home if ctrl => self.text_start(),
            KeyCode::End if ctrl => self.text_end(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            // An Enter the keymap did not take (Shift-Enter, say) breaks a multi-line text.
            KeyCode::Enter if self.lines == Lines::Many => {
                self.newline();
                return true;
            }
            _ => {}
        }
        self.text.len() != before
    }

    /// A typed character. A CR is a line break, and the LF of a CRLF typed as two characters
    /// does not break twice.
    pub fn insert_char(&mut self, c: char) {
        let finishes_crlf = c == '\n' && self.after_cr;
        self.replace_if_selected();
        self.forget();
        if finishes_crlf {
            return;
        }
        self.after_cr = c == '\r';
        let c = if c == '\r' { '\n' } else { c };
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// A line break (Alt-Enter in 評価内容); nothing in a one-line text.
    pub fn newline(&mut self) {
        self.forget();
        if self.lines == Lines::Many {
            let at = self.byte(self.cursor);
            self.text.insert(at, '\n');
            self.cursor += 1;
        }
    }

    /// Pasted text, at the cursor, with CR and CRLF made LF. A one-line text drops the single
    /// break that ends the paste (what copying one Excel cell gives) and keeps any other.
    pub fn paste(&mut self, pasted: &str) {
        let continues_crlf = self.after_cr;
        self.replace_if_selected();
        self.forget();
        let mut text = normalize_breaks(pasted);
        if continues_crlf && pasted.starts_with('\n') {
            text.remove(0);
        }
        if self.lines == Lines::One && text.ends_with('\n') {
            text.pop();
        }
        self.after_cr = pasted.ends_with('\r');
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &text);
        self.cursor += text.chars().count();
    }

    /// Deletes the character before the cursor; at the start of a line this joins it to the
    /// line above.
    pub fn backspace(&mut self) {
        if self.replace_on_type {
            self.replace_if_selected();
            return;
        }
        self.forget();
        if self.cursor > 0 {
            self.cursor -= 1;
            self.remove(self.cursor..self.cursor + 1);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.replace_on_type {
            self.replace_if_selected();
            return;
        }
        self.forget();
        self.remove(self.cursor..self.cursor + 1);
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    pub fn delete_to_line_start(&mut self) {
        self.forget();
        let start = self.line_start();
        self.remove(start..self.cursor);
        self.cursor = start;
    }

    /// Deletes from the cursor to the end of the line, or the break there when the cursor is
    /// at the end already (Ctrl-K).
    pub fn delete_to_line_end(&mut self) {
        self.forget();
        let end = self.line_end().max(self.cursor + 1);
        self.remove(self.cursor..end);
    }

    pub fn left(&mut self) {
        self.forget();
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.forget();
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// To the start of the line (the text between two breaks).
    pub fn home(&mut self) {
        self.forget();
        self.cursor = self.line_start();
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.forget();
        self.cursor = self.line_end();
    }

    pub fn text_start(&mut self) {
        self.forget();
        self.cursor = 0;
    }

    pub fn text_end(&mut self) {
        self.forget();
        self.cursor = self.len();
    }

    /// One row up on screen, keeping the column as well as the glyphs there allow; from the
    /// first row, to the start.
    pub fn up(&mut self) {
        self.move_rows(-1);
    }

    /// One row down on screen; from the last row, to the end.
    pub fn down(&mut self) {
        self.move_rows(1);
    }

    /// A screen up, less one row to keep the eye's place.
    pub fn page_up(&mut self) {
        self.move_rows(-self.page());
    }

    pub fn page_down(&mut self) {
        self.move_rows(self.page());
    }

    fn page(&self) -> isize {
        isize::try_from(self.view.height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn move_rows(&mut self, delta: isize) {
        self.after_cr = false;
        if self.lines == Lines::One {
            return;
        }
        let chars = self.chars();
        let rows = self.layout_chars(&chars);
        let (row, column) = locate(&rows, &chars, self.cursor);
        let goal = *self.goal_column.get_or_insert(column);
        let last = rows.len().saturating_sub(1);
        let target = row.saturating_add_signed(delta).min(last);
        self.cursor = match rows.get(target) {
            Some(_) if delta < 0 && row == 0 => 0,
            Some(_) if delta > 0 && row == last => chars.len(),
            Some(r) => {
                // A row that wraps on cannot hold the cursor after its last character: that
                // place is the start of the next row.
                let wraps_on = rows.get(target + 1).is_some_and(|next| next.start == r.end);
                let limit = if wraps_on { r.end - 1 } else { r.end };
                index_at(&chars, r.start..limit, goal)
            }
            None => self.cursor,
        };
    }

    /// The rows of the text at the width of the last draw.
    pub fn layout(&self) -> Vec<Row> {
        self.layout_chars(&self.chars())
    }

    fn layout_chars(&self, chars: &[char]) -> Vec<Row> {
        layout(chars, self.wrap_width(), self.lines)
    }

    /// Cells a multi-line row may fill: the area less one cell, so the cursor after the last
    /// character of a full row is still inside it.
    fn wrap_width(&self) -> usize {
        match self.view.width {
            0 => usize::MAX / 4,
            w => w.saturating_sub(1),
        }
    }

    /// Fits the view to an area of `width` × `height` cells: the scroll moves as little as
    /// it can to keep the cursor in view, and no further than the text needs.
    pub fn fit(&mut self, width: usize, height: usize) {
        self.view.width = width.max(1);
        self.view.height = height.max(1);
        let chars = self.chars();
        let rows = self.layout_chars(&chars);
        let (row, column) = locate(&rows, &chars, self.cursor);
        let View {
            width,
            height,
            scroll,
        } = self.view;
        self.view.scroll = match self.lines {
            Lines::Many => scroll
                .min(row)
                .max((row + 1).saturating_sub(height))
                .min(rows.len().saturating_sub(height)),
            Lines::One => {
                let total: usize = chars.iter().map(|&c| cells(c)).sum();
                scroll
                    .min(column)
                    .max((column + 1).saturating_sub(width))
                    .min((total + 1).saturating_sub(width))
            }
        };
    }

    /// The first row (multi-line) or cell (one-line) on screen after the last fit.
    pub fn scroll(&self) -> usize {
        self.view.scroll
    }

    /// The cursor's row and cell column on screen after the last fit.
    pub fn screen_cursor(&self) -> (usize, usize) {
        let chars = self.chars();
        let (row, column) = locate(&self.layout_chars(&chars), &chars, self.cursor);
        match self.lines {
            Lines::Many => (row.saturating_sub(self.view.scroll), column),
            Lines::One => (0, column.saturating_sub(self.view.scroll)),
        }
    }

    /// Draws the text into `area` of `buf` (fitting the view to it first) and returns where
    /// the real cursor goes.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, look: Look) -> Option<Position> {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return None;
        }
        self.fit(usize::from(area.width), usize::from(area.height));
        buf.set_style(area, look.text);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_symbol(" ");
                }
            }
        }
        let chars = self.chars();
        let rows = self.layout_chars(&chars);
        let (first_row, left) = match self.lines {
            Lines::Many => (self.view.scroll, 0),
            Lines::One => (0, self.view.scroll),
        };
        let (text_style, picture) = if self.replace_on_type {
            let replaced = look.text.patch(look.replaced);
            (Some(replaced), replaced.patch(look.picture))
        } else {
            (None, look.text.patch(look.picture))
        };
        for (y, row) in (area.top()..area.bottom()).zip(rows.iter().skip(first_row)) {
            let painter = RowPainter {
                area,
                y,
                left,
                picture,
                text: text_style,
            };
            painter.paint(buf, &chars[row.clone()]);
        }
        let (row, column) = self.screen_cursor();
        let x = u16::try_from(column).ok()?;
        let y = u16::try_from(row).ok()?;
        (x < area.width && y < area.height).then(|| Position {
            x: area.x + x,
            y: area.y + y,
        })
    }

    fn chars(&self) -> Vec<char> {
        self.text.chars().collect()
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of character `index` (the end when past it).
    fn byte(&self, index: usize) -> usize {
        self.text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Removes characters `range` (clamped to the text).
    fn remove(&mut self, range: Range<usize>) {
        let (start, end) = (self.byte(range.start), self.byte(range.end));
        self.text.replace_range(start..end, "");
    }

    fn line_start(&self) -> usize {
        if self.lines == Lines::One {
            return 0;
        }
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        before.iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1)
    }

    fn line_end(&self) -> usize {
        if self.lines == Lines::One {
            return self.len();
        }
        self.text
            .chars()
            .skip(self.cursor)
            .position(|c| c == '\n')
            .map_or(self.len(), |k| self.cursor + k)
    }

    /// Any edit but a vertical move ends a run of them and a pending CRLF; any edit or move
    /// means the value is being edited, not replaced.
    fn forget(&mut self) {
        self.goal_column = None;
        self.after_cr = false;
        self.replace_on_type = false;
    }
}

/// `text` with every CRLF and lone CR made LF.
pub fn normalize_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Cells a character takes in the editor: a control character its picture, anything else its
/// worst-case width. (A line break of a multi-line text ends its row and is in none.)
pub fn cells(c: char) -> usize {
    if c.is_control() {
        control_picture(c).len()
    } else {
        char_width(c)
    }
}

/// The rows of `chars` wrapped at `width` cells (a one-line text is one row, however long).
pub fn layout(chars: &[char], width: usize, lines: Lines) -> Vec<Row> {
    match lines {
        Lines::One => std::iter::once(0..chars.len()).collect(),
        Lines::Many => wrap_ranges(chars, width, cells),
    }
}

/// The row holding `cursor` and its cell column in that row. A cursor where a row wraps on
/// is at the start of the next row.
pub fn locate(rows: &[Row], chars: &[char], cursor: usize) -> (usize, usize) {
    let row = rows
        .partition_point(|r| r.start <= cursor)
        .saturating_sub(1);
    let start = rows.get(row).map_or(0, |r| r.start);
    let column = chars
        .get(start..cursor.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .map(|&c| cells(c))
        .sum();
    (row, column)
}

/// The place in `range` whose column is the last one not right of `goal`: a wide glyph
/// straddling the goal keeps the cursor before it.
fn index_at(chars: &[char], range: Range<usize>, goal: usize) -> usize {
    let mut column = 0;
    let mut at = range.start;
    while at < range.end {
        let w = cells(chars[at]);
        if column + w > goal {
            break;
        }
        column += w;
        at += 1;
    }
    at
}

/// Draws one row's characters, `left` cells scrolled off, at row `y` of `area`.
struct RowPainter {
    area: Rect,
    y: u16,
    left: usize,
    picture: Style,
    /// The style of the characters, when it differs from the area's (a value to be replaced).
    text: Option<Style>,
}

impl RowPainter {
    fn paint(&self, buf: &mut Buffer, chars: &[char]) {
        let width = usize::from(self.area.width);
        let mut column = 0;
        // The cell the last character went into, for a combining mark to join.
        let mut last: Option<u16> = None;
        for &c in chars {
            let w = cells(c);
            let start = column;
            column += w;
            if w == 0 {
                if let Some(cell) = last.and_then(|x| buf.cell_mut((x, self.y))) {
                    // Into the glyph, before the blank an ambiguous glyph carries.
                    let symbol = cell.symbol();
                    let joined = match symbol.strip_suffix(' ') {
                        Some(glyph) if !glyph.is_empty() => format!("{glyph}{c} "),
                        _ => format!("{symbol}{c}"),
                    };
                    cell.set_symbol(&joined);
                }
                continue;
            }
            // Only characters wholly in view; half a glyph at an edge stays blank.
            if start < self.left || column > self.left + width {
                last = None;
                continue;
            }
            let Ok(x) = u16::try_from(start - self.left).map(|dx| self.area.x + dx) else {
                continue;
            };
            last = Some(x);
            if c.is_control() {
                last = None; // a mark does not join a picture
                for (k, p) in control_picture(c).chars().enumerate() {
                    let px = x.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
                    if let Some(cell) = buf.cell_mut((px, self.y)) {
                        cell.set_char(p).set_style(self.picture);
                    }
                }
            } else if c.width() == Some(1) && w == 2 {
                self.ambiguous(buf, x, c);
            } else if let Some(cell) = buf.cell_mut((x, self.y)) {
                cell.set_char(c);
            }
            if let Some(style) = self.text.filter(|_| !c.is_control()) {
                for k in 0..u16::try_from(w).unwrap_or(1) {
                    if let Some(cell) = buf.cell_mut((x.saturating_add(k), self.y)) {
                        cell.set_style(style);
                    }
                }
            }
        }
    }

    /// An ambiguous glyph gets the two cells it may take. Its cell holds the glyph and a blank
    /// (one symbol two cells wide to ratatui), so a terminal that draws it narrow shows the
    /// blank and one that draws it wide covers it; either way what follows starts two cells
    /// on. A wide terminal pushes that blank into the next cell, so the next cell is always
    /// sent again.
    fn ambiguous(&self, buf: &mut Buffer, x: u16, c: char) {
        if let Some(cell) = buf.cell_mut((x, self.y)) {
            cell.set_symbol(&format!("{c} "));
        }
        if let Some(next) = x
            .checked_add(2)
            .and_then(|after| buf.cell_mut((after, self.y)))
        {
            next.set_diff_option(CellDiffOption::AlwaysUpdate);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::KeyEventKind;
    use ratatui::style::{Color, Modifier};

    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    fn press(edit: &mut TextEdit, code: KeyCode) {
        edit.key(key(code, KeyModifiers::NONE));
    }

    /// The rows as strings, at a width of `area` cells (one kept for the cursor).
    fn rows(edit: &mut TextEdit, area: usize) -> Vec<String> {
        edit.fit(area, 100);
        let chars: Vec<char> = edit.text().chars().collect();
        edit.layout()
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn pasted_carriage_returns_become_line_breaks() {
        for pasted in ["一\r二\r三", "一\r\n二\r\n三", "一\r二\r\n三", "一\n二\r三"] {
            let mut edit = TextEdit::multi_line("");
            edit.paste(pasted);
            assert_eq!(edit.text(), "一\n二\n三", "{pasted:?}");
            assert_eq!(edit.cursor(), 5);
        }
        let mut edit = TextEdit::multi_line("前後");
        edit.left();
        edit.paste("\r\n中\r\n");
        assert_eq!(edit.text(), "前\n中\n後", "at the cursor, not at the end");
    }

    #[test]
    fn a_crlf_split_between_two_pastes_breaks_once() {
        let mut edit = TextEdit::multi_line("");
        edit.paste("一\r");
        edit.paste("\n二");
        assert_eq!(edit.text(), "一\n二");
    }

    #[test]
    fn a_typed_carriage_return_is_a_line_break() {
        let mut edit = TextEdit::multi_line("");
        for c in "一\r二\r\n三\n\n".chars() {
            edit.insert_char(c);
        }
        assert_eq!(
            edit.text(),
            "一\n二\n三\n\n",
            "CR LF typed as two is one break"
        );
    }

    #[test]
    fn a_one_line_field_keeps_a_break_visible_but_drops_the_one_ending_a_paste() {
        let mut edit = TextEdit::one_line("");
        edit.paste("9500\r\n");
        assert_eq!(edit.text(), "9500", "one Excel cell");
        let mut edit = TextEdit::one_line("");
        edit.paste("9500\r");
        assert_eq!(edit.text(), "9500");
        let mut edit = TextEdit::one_line("");
        edit.paste("95\r\n00\r\n");
        assert_eq!(edit.text(), "95\n00", "a break inside stays, to be refused");
        let mut edit = TextEdit::one_line("");
        edit.paste("9500\n\n");
        assert_eq!(edit.text(), "9500\n", "only a single break is dropped");
        assert_eq!(
            rows(&mut edit, 20),
            ["9500\n"],
            "one row, however many breaks"
        );
        assert_eq!(cells('\n'), 2, "drawn as ^J");
        edit.insert_char('\r');
        assert_eq!(edit.text(), "9500\n\n", "a typed CR is a visible break too");
        edit.newline();
        assert_eq!(
            edit.text(),
            "9500\n\n",
            "Alt-Enter does nothing in one line"
        );
    }

    #[test]
    fn the_cursor_steps_over_a_control_picture_as_one_character() {
        let mut edit = TextEdit::multi_line("a\u{1}b\u{7f}");
        edit.fit(20, 3);
        assert_eq!(edit.screen_cursor(), (0, 1 + 2 + 1 + 2), "a ^A b ^?");
        edit.left();
        assert_eq!((edit.cursor(), edit.screen_cursor()), (3, (0, 4)));
        edit.left();
        edit.left();
        assert_eq!(
            (edit.cursor(), edit.screen_cursor()),
            (1, (0, 1)),
            "before ^A"
        );
        edit.delete();
        assert_eq!(
            edit.text(),
            "ab\u{7f}",
            "one Delete removes the whole picture"
        );
        edit.text_end();
        edit.backspace();
        assert_eq!(edit.text(), "ab");
    }

    #[test]
    fn backspace_at_the_start_of_a_line_joins_it_to_the_line_above() {
        let mut edit = TextEdit::multi_line("一行目\n二行目");
        edit.home();
        assert_eq!(edit.cursor(), 4);
        edit.backspace();
        assert_eq!((edit.text(), edit.cursor()), ("一行目二行目", 3));
        edit.key(key(KeyCode::Char('k'), KeyModifiers::CONTROL));
        assert_eq!(
            edit.text(),
            "一行目",
            "Ctrl-K deletes to the end of the line"
        );
        press(&mut edit, KeyCode::Enter);
        assert_eq!(
            edit.text(),
            "一行目\n",
            "an Enter the keymap left breaks the line"
        );
    }

    #[test]
    fn rows_break_like_the_card_with_kinsoku() {
        // Area 9: rows of 8 cells, as `text::wrap("…", 8)`.
        let mut edit = TextEdit::multi_line("を通じて，講習会");
        assert_eq!(rows(&mut edit, 9), ["を通じ", "て，講習", "会"]);
        let mut edit = TextEdit::multi_line("年間総申請件数を10,000件以上にする");
        assert_eq!(
            rows(&mut edit, 21),
            ["年間総申請件数を", "10,000件以上にする"]
        );
        let mut edit = TextEdit::multi_line("abc\u{1}d");
        assert_eq!(
            rows(&mut edit, 5),
            ["abc", "\u{1}d"],
            "^A counts as two cells"
        );
        let mut edit = TextEdit::multi_line("⑴アイ");
        assert_eq!(rows(&mut edit, 5), ["⑴ア", "イ"], "⑴ counts as two");
    }

    #[test]
    fn up_and_down_move_by_screen_rows_keeping_the_column() {
        // Rows of 8 cells: "abcdefgh" "ij", then "あいうえ" "お".
        let mut edit = TextEdit::multi_line("abcdefghij\nあいうえお");
        edit.fit(9, 10);
        edit.text_start();
        for _ in 0..3 {
            edit.right();
        }
        assert_eq!(edit.screen_cursor(), (0, 3));
        edit.down();
        assert_eq!(
            (edit.cursor(), edit.screen_cursor()),
            (10, (1, 2)),
            "ij is short"
        );
        edit.down();
        assert_eq!(
            (edit.cursor(), edit.screen_cursor()),
            (12, (2, 2)),
            "column 3 is inside い: the cursor stays before it"
        );
        edit.up();
        edit.up();
        assert_eq!(
            edit.screen_cursor(),
            (0, 3),
            "back at column 3: the goal column outlived the short rows"
        );
        edit.end();
        assert_eq!(edit.screen_cursor(), (1, 2), "End: the end of ij");
        edit.down();
        edit.down();
        assert_eq!(edit.screen_cursor(), (3, 2), "after お");
        edit.down();
        assert_eq!(
            edit.cursor(),
            edit.text().chars().count(),
            "last row: to the end"
        );
        edit.up();
        edit.up();
        edit.up();
        edit.up();
        assert_eq!(edit.cursor(), 0, "first row: to the start");
    }

    #[test]
    fn a_row_that_wraps_on_keeps_the_cursor_before_its_last_glyph() {
        // Rows of 8 cells: "abcdefgh", then "あいうえ" "お".
        let mut edit = TextEdit::multi_line("abcdefgh\nあいうえお");
        edit.fit(9, 10);
        edit.text_start();
        edit.end();
        assert_eq!(edit.screen_cursor(), (0, 8));
        edit.down();
        assert_eq!(
            (edit.cursor(), edit.screen_cursor()),
            (12, (1, 6)),
            "column 8 of this row is the start of the next: the cursor stops before え"
        );
    }

    #[test]
    fn a_wrapped_cursor_is_at_the_start_of_the_next_row() {
        let mut edit = TextEdit::multi_line("あいうえお");
        edit.fit(9, 5);
        edit.text_start();
        for _ in 0..4 {
            edit.right();
        }
        assert_eq!(edit.screen_cursor(), (1, 0));
        edit.home();
        edit.end();
        assert_eq!(
            edit.screen_cursor(),
            (1, 2),
            "End: the end of the line, not the row"
        );
    }

    #[test]
    fn a_resize_keeps_the_cursor_in_view() {
        let text = (1..=30)
            .map(|n| format!("{n}行目"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut edit = TextEdit::multi_line(&text);
        edit.fit(40, 10);
        assert_eq!(
            (edit.scroll(), edit.screen_cursor().0),
            (20, 9),
            "end in view"
        );
        edit.text_start();
        edit.fit(40, 10);
        assert_eq!(edit.scroll(), 0);
        for _ in 0..15 {
            edit.down();
        }
        edit.fit(40, 10);
        assert_eq!(
            (edit.scroll(), edit.screen_cursor().0),
            (6, 9),
            "scrolled as little as it could"
        );
        edit.fit(40, 4);
        assert_eq!((edit.scroll(), edit.screen_cursor().0), (12, 3), "shorter");
        edit.fit(6, 4);
        let (row, column) = edit.screen_cursor();
        assert!(
            row < 4 && column < 6,
            "narrower: rows wrap, cursor still shown"
        );
        edit.fit(40, 40);
        assert_eq!(
            edit.scroll(),
            0,
            "taller than the text: no blank rows below it"
        );
    }

    #[test]
    fn one_line_scrolls_sideways_to_keep_the_cursor_in_view() {
        let mut edit = TextEdit::one_line("0123456789");
        edit.fit(5, 1);
        assert_eq!(
            (edit.scroll(), edit.screen_cursor()),
            (6, (0, 4)),
            "the end"
        );
        edit.home();
        edit.fit(5, 1);
        assert_eq!((edit.scroll(), edit.screen_cursor()), (0, (0, 0)));
        for _ in 0..5 {
            edit.right();
        }
        edit.fit(5, 1);
        assert_eq!(
            (edit.scroll(), edit.screen_cursor()),
            (1, (0, 4)),
            "one cell on"
        );
        edit.down();
        assert_eq!(edit.cursor(), 5, "Up and Down do nothing in one line");
        let mut edit = TextEdit::one_line("９，５００");
        edit.fit(6, 1);
        assert_eq!(edit.screen_cursor(), (0, 5), "ten cells, scrolled by five");
    }

    #[test]
    fn control_keys_edit_the_line() {
        let mut edit = TextEdit::one_line("9016");
        edit.key(key(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(edit.text(), "", "Ctrl-U");
        assert!(edit.key(key(KeyCode::Char('９'), KeyModifiers::NONE)));
        assert!(edit.key(key(KeyCode::Char('A'), KeyModifiers::SHIFT)));
        assert!(
            edit.key(key(
                KeyCode::Char('@'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )),
            "AltGr types"
        );
        assert!(!edit.key(key(KeyCode::Char('a'), KeyModifiers::CONTROL)));
        assert_eq!((edit.text(), edit.cursor()), ("９A@", 0), "Ctrl-A: home");
        assert!(
            !edit.key(key(KeyCode::Tab, KeyModifiers::NONE)),
            "Tab types nothing"
        );
    }

    /// Draws `edit` into a `width` × `height` terminal at (1, 1) and returns the terminal.
    fn draw(edit: &mut TextEdit, width: u16, height: u16, look: Look) -> Terminal<TestBackend> {
        let mut terminal =
            Terminal::new(TestBackend::new(width + 2, height + 2)).expect("terminal");
        terminal
            .draw(|frame| {
                let area = Rect::new(1, 1, width, height);
                if let Some(cursor) = edit.render(area, frame.buffer_mut(), look) {
                    frame.set_cursor_position(cursor);
                }
            })
            .expect("draws");
        terminal
    }

    #[test]
    fn typing_replaces_a_one_line_value_as_in_an_excel_cell() {
        let mut edit = TextEdit::one_line("9016");
        assert!(edit.replaces_on_type());
        edit.insert_char('9');
        edit.insert_char('5');
        assert_eq!(edit.text(), "95", "not 901695");
        let mut edit = TextEdit::one_line("9016");
        edit.paste("9500\r\n");
        assert_eq!(edit.text(), "9500", "a paste replaces it too");
        let mut edit = TextEdit::one_line("9016");
        edit.left();
        edit.insert_char('5');
        assert_eq!(
            edit.text(),
            "90156",
            "a move starts editing the value: 901|6, then 5"
        );
        let mut edit = TextEdit::one_line("9016");
        edit.backspace();
        assert_eq!((edit.text(), edit.replaces_on_type()), ("", false));
        let mut edit = TextEdit::multi_line("前の文。");
        assert!(
            !edit.replaces_on_type(),
            "評価内容 is added to, never replaced"
        );
        edit.insert_char('後');
        assert_eq!(edit.text(), "前の文。後");
        assert!(!TextEdit::one_line("").replaces_on_type());
    }

    #[test]
    fn a_value_typing_will_replace_is_drawn_in_its_own_style() {
        let look = Look {
            text: Style::new().add_modifier(Modifier::REVERSED),
            ..error_look()
        };
        let mut edit = TextEdit::one_line("9016");
        let terminal = draw(&mut edit, 8, 1, look);
        let buffer = terminal.backend().buffer();
        assert!(
            buffer[(1, 1)].modifier.contains(Modifier::UNDERLINED),
            "9 is marked"
        );
        assert!(
            !buffer[(6, 1)].modifier.contains(Modifier::UNDERLINED),
            "the blank is not"
        );
        edit.right();
        let terminal = draw(&mut edit, 8, 1, look);
        assert!(
            !terminal.backend().buffer()[(1, 1)]
                .modifier
                .contains(Modifier::UNDERLINED),
            "once editing, the mark goes"
        );
    }

    fn error_look() -> Look {
        Look {
            text: Style::new(),
            picture: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            replaced: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    #[test]
    fn a_control_character_is_drawn_as_its_picture_in_its_own_style() {
        let mut edit = TextEdit::multi_line("前\u{1}後");
        let mut terminal = draw(&mut edit, 10, 2, error_look());
        let buffer = terminal.backend().buffer();
        let symbols: Vec<&str> = (1..7).map(|x| buffer[(x, 1)].symbol()).collect();
        assert_eq!(symbols, ["前", " ", "^", "A", "後", " "]);
        for x in [3, 4] {
            assert_eq!(buffer[(x, 1)].fg, Color::Red, "the picture is red");
            assert!(buffer[(x, 1)].modifier.contains(Modifier::BOLD));
        }
        for x in [1, 5] {
            assert_eq!(buffer[(x, 1)].fg, Color::Reset, "the text is not");
        }
        assert_eq!(
            terminal.get_cursor_position().expect("cursor"),
            Position::new(1 + 2 + 2 + 2, 1),
            "after 前 ^A 後"
        );
    }

    #[test]
    fn the_real_cursor_follows_wide_and_ambiguous_glyphs() {
        let mut edit = TextEdit::multi_line("あいう\n⑴ア");
        let mut terminal = draw(&mut edit, 10, 3, Look::default());
        assert_eq!(
            terminal.get_cursor_position().expect("cursor"),
            Position::new(1 + 4, 2),
            "⑴ takes two cells, ア two"
        );
        let buffer = terminal.backend().buffer();
        assert_eq!(
            buffer[(1, 2)].symbol(),
            "⑴ ",
            "⑴ with its blank: either terminal fits"
        );
        assert_eq!(buffer[(3, 2)].symbol(), "ア");
        assert_eq!(
            buffer[(3, 2)].diff_option,
            CellDiffOption::AlwaysUpdate,
            "sent again after a terminal that drew ⑴ wide pushed the blank there"
        );
        edit.up();
        let terminal = draw(&mut edit, 10, 3, Look::default());
        assert_eq!(
            terminal.backend().cursor_position(),
            Position::new(1 + 4, 1),
            "up: after あい"
        );
    }

    #[test]
    fn a_combining_mark_joins_the_glyph_before_it() {
        // が as か and a combining dakuten, as file names from a Mac come.
        let mut edit = TextEdit::one_line("か\u{3099}※\u{20dd}");
        let terminal = draw(&mut edit, 10, 1, Look::default());
        let buffer = terminal.backend().buffer();
        assert_eq!(buffer[(1, 1)].symbol(), "か\u{3099}");
        assert_eq!(buffer[(3, 1)].symbol(), "※\u{20dd} ", "inside the blank");
        assert_eq!(terminal.backend().cursor_position(), Position::new(5, 1));
    }

    #[test]
    fn the_one_line_box_is_filled_in_its_style_and_scrolled() {
        let look = Look {
            text: Style::new().add_modifier(Modifier::REVERSED),
            ..error_look()
        };
        let mut edit = TextEdit::one_line("あいうえお\n");
        let terminal = draw(&mut edit, 6, 1, look);
        let buffer = terminal.backend().buffer();
        let shown: String = (1..7).map(|x| buffer[(x, 1)].symbol()).collect();
        assert_eq!(shown, " お ^J ", "the end in view, the cut え left blank");
        // Cell 3 is the second half of お: a terminal is never sent it, the glyph covers it.
        assert!(
            [1, 2, 4, 5, 6].map(|x| buffer[(x, 1)].modifier.contains(Modifier::REVERSED))
                == [true; 5],
            "the whole box"
        );
        assert_eq!(buffer[(4, 1)].fg, Color::Red, "the break's picture");
        assert_eq!(terminal.backend().cursor_position(), Position::new(6, 1));
    }
}
