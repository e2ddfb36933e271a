//! The text of an open field and its cursor, laid out with the card's own line breaking.
//!
//! One buffer serves one-line fields (実績値, a note) and the multi-line 評価内容. What it owns:
//! - **line breaks**: a CR or CRLF, pasted or typed, becomes LF. A multi-line text breaks its
//!   line there; a one-line text keeps the break as a visible `^J` for the field to refuse,
//!   except the single break that ends a paste (one Excel cell copies as `9500\r\n`);
//! - **control characters** are drawn as their picture (`^A`, `^[`, `^?`, see
//!   [`picture`](crate::text::control::picture)) in their own style, so the clerk sees them and
//!   deletes them; the cursor steps over a picture as one character;
//! - **layout**: rows wrap with [`wrap_ranges`](crate::text::wrap_ranges) (行頭禁則, Latin and
//!   digit runs kept whole), a character's width is the worst case
//!   ([`char_width`](crate::text::char_width): ambiguous ⑴ ※ → take two cells),
//!   so the cursor's cell is exact in terminals of either opinion; one-line text scrolls
//!   sideways instead;
//! - **drawing** into a ratatui buffer, returning where the real cursor goes (the IME composes
//!   there). Every draw fits the scroll to the area it is given, so a resize keeps the cursor
//!   in view.
//!
//! The buffer, the cursor and the keys are here; `layout` places the characters in rows and
//! keeps the cursor in view, `draw` paints them.

mod draw;
mod layout;

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use self::draw::Look;
use self::layout::index_at;
pub use self::layout::{layout, locate};
use crate::tui::keymap::{TextOp, text_op};

/// Whether the text may hold line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: a break is a character like any other, shown as `^J`.
    One,
    /// Several lines: a break starts a new row.
    Many,
}

/// One row on screen: the characters `start..end` of the text (a line break is in no row).
pub type Row = Range<usize>;

/// What the last draw fitted the text to. The drawing writes it (the app keeps it in its
/// `Scroll`, beside the state the views read) and hands it back before the keys that move by
/// rows and pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextView {
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
    view: TextView,
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
            view: TextView::default(),
        }
    }

    /// The view of the last draw, as handed back with [`TextEdit::set_view`].
    pub fn view(&self) -> TextView {
        self.view
    }

    /// The view the last draw fitted (see [`TextEdit::render`]): rows wrap at its width and a
    /// page is its height.
    pub fn set_view(&mut self, view: TextView) {
        self.view = view;
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
            // Moving and deleting: the keymap's one table of a field's keys.
            _ if let Some(op) = text_op(&key) => match op {
                TextOp::Left => self.left(),
                TextOp::Right => self.right(),
                TextOp::Up => self.up(),
                TextOp::Down => self.down(),
                TextOp::PageUp => self.page_up(),
                TextOp::PageDown => self.page_down(),
                TextOp::LineStart => self.home(),
                TextOp::LineEnd => self.end(),
                TextOp::TextStart => self.text_start(),
                TextOp::TextEnd => self.text_end(),
                TextOp::Backspace => self.backspace(),
                TextOp::Delete => self.delete(),
                TextOp::DeleteToLineStart => self.delete_to_line_start(),
                TextOp::DeleteToLineEnd => self.delete_to_line_end(),
            },
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

#[cfg(test)]
mod tests;
