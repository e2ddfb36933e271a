//! Where the text's characters go on screen: rows wrapped with the card's line breaking
//! (行頭禁則, Latin and digit runs kept whole), each character at its worst-case width, and
//! the view scrolled to keep the cursor in sight.

use std::ops::Range;

use super::{Lines, Row, TextEdit, TextView};
use crate::text::control::shown_width;
use crate::tui::text::wrap_ranges;

impl TextEdit {
    /// The rows of the text at the width of the last draw.
    pub fn layout(&self) -> Vec<Row> {
        self.layout_chars(&self.chars())
    }

    pub(super) fn layout_chars(&self, chars: &[char]) -> Vec<Row> {
        self.layout_in(chars, self.view)
    }

    pub(super) fn layout_in(&self, chars: &[char], view: TextView) -> Vec<Row> {
        layout(chars, wrap_width(view), self.lines)
    }

    /// Fits the view to an area of `width` × `height` cells: the scroll moves as little as
    /// it can to keep the cursor in view, and no further than the text needs.
    pub fn fit(&mut self, width: usize, height: usize) {
        self.view = self.fitted(self.view, width, height);
    }

    /// `view` fitted to an area of `width` × `height` cells (see [`TextEdit::fit`]).
    pub fn fitted(&self, view: TextView, width: usize, height: usize) -> TextView {
        let mut view = TextView {
            width: width.max(1),
            height: height.max(1),
            ..view
        };
        let chars = self.chars();
        let rows = self.layout_in(&chars, view);
        let (row, column) = locate(&rows, &chars, self.cursor);
        let TextView {
            width,
            height,
            scroll,
        } = view;
        view.scroll = match self.lines {
            Lines::Many => scroll
                .min(row)
                .max((row + 1).saturating_sub(height))
                .min(rows.len().saturating_sub(height)),
            Lines::One => {
                let total: usize = chars.iter().map(|&c| shown_width(c)).sum();
                scroll
                    .min(column)
                    .max((column + 1).saturating_sub(width))
                    .min((total + 1).saturating_sub(width))
            }
        };
        view
    }

    /// The first row (multi-line) or cell (one-line) on screen after the last fit.
    pub fn scroll(&self) -> usize {
        self.view.scroll
    }

    /// The cursor's row and cell column on screen after the last fit.
    pub fn screen_cursor(&self) -> (usize, usize) {
        self.screen_cursor_in(self.view)
    }

    /// The cursor's row and cell column on screen in `view`.
    pub(super) fn screen_cursor_in(&self, view: TextView) -> (usize, usize) {
        let chars = self.chars();
        let (row, column) = locate(&self.layout_in(&chars, view), &chars, self.cursor);
        match self.lines {
            Lines::Many => (row.saturating_sub(view.scroll), column),
            Lines::One => (0, column.saturating_sub(view.scroll)),
        }
    }
}

/// Cells a multi-line row may fill: the area less one cell, so the cursor after the last
/// character of a full row is still inside it.
fn wrap_width(view: TextView) -> usize {
    match view.width {
        0 => usize::MAX / 4,
        w => w.saturating_sub(1),
    }
}

/// The rows of `chars` wrapped at `width` cells (a one-line text is one row, however long).
pub fn layout(chars: &[char], width: usize, lines: Lines) -> Vec<Row> {
    match lines {
        Lines::One => std::iter::once(0..chars.len()).collect(),
        Lines::Many => wrap_ranges(chars, width, shown_width),
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
        .map(|&c| shown_width(c))
        .sum();
    (row, column)
}

/// The place in `range` whose column is the last one not right of `goal`: a wide glyph
/// straddling the goal keeps the cursor before it.
pub(super) fn index_at(chars: &[char], range: Range<usize>, goal: usize) -> usize {
    let mut column = 0;
    let mut at = range.start;
    while at < range.end {
        let w = shown_width(chars[at]);
        if column + w > goal {
            break;
        }
        column += w;
        at += 1;
    }
    at
}
