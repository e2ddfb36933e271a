//! Drawing the text into a ratatui buffer: control characters as their pictures, ambiguous
//! glyphs given two cells, a value to be replaced in its own style; and where the real cursor
//! goes, so the IME composes there.

use super::{Lines, TextEdit, TextView};
use crate::text::char_cells;
use crate::text::control::shown_width;
use crate::tui::text::control_picture;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

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

impl TextEdit {
    /// Draws the text into `area` of `buf` (fitting `view` to it first: the only state a
    /// draw writes) and returns where the real cursor goes.
    pub fn render(
        &self,
        view: &mut TextView,
        area: Rect,
        buf: &mut Buffer,
        look: Look,
    ) -> Option<Position> {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return None;
        }
        *view = self.fitted(*view, usize::from(area.width), usize::from(area.height));
        let view = *view;
        buf.set_style(area, look.text);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_symbol(" ");
                }
            }
        }
        let chars = self.chars();
        let rows = self.layout_in(&chars, view);
        let (first_row, left) = match self.lines {
            Lines::Many => (view.scroll, 0),
            Lines::One => (0, view.scroll),
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
        let (row, column) = self.screen_cursor_in(view);
        let x = u16::try_from(column).ok()?;
        let y = u16::try_from(row).ok()?;
        (x < area.width && y < area.height).then(|| Position {
            x: area.x + x,
            y: area.y + y,
        })
    }
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
            let w = shown_width(c);
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
            } else if char_cells(c) == 1 && w == 2 {
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
mod tests;
