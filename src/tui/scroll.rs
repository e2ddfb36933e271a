//! Where each scrolled view starts: kept between frames by the views (which move it to keep the
//! selection on screen), reset by the app when what they show changes. It lives beside the app,
//! not in what the views read, so drawing borrows the app read-only.

use std::ops::Range;

use ratatui::widgets::ListState;

use super::textedit::TextView;

/// The scroll positions of the tree, the card and the list popups.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// The tree: its first row on screen and its selected row.
    pub tree: ListState,
    /// The card's first line on screen.
    pub card: usize,
    /// The plan switcher or the change log: first row on screen and the chosen row.
    pub list: ListState,
    /// The open field's text: the area it was fitted to and its first row or cell on screen.
    pub field: TextView,
    /// The help's last useful scroll position at the last draw (how far `j` can take it).
    pub help_end: usize,
}

/// The rows of a list of `len` to give a `List` of `height` rows so that `selected` is on
/// screen, moving `state` no more than needed. A `List` lays out every item it is given, so
/// it gets only these (100,000 goals must still move at once).
pub fn window(state: &mut ListState, selected: usize, len: usize, height: usize) -> Range<usize> {
    let mut first = state.offset();
    if height > 0 {
        if selected < first {
            first = selected;
        } else if selected >= first + height {
            first = selected + 1 - height;
        }
    }
    // A list that shrank (a branch folded) shows no blank rows below its end.
    first = first.min(len.saturating_sub(height));
    *state.offset_mut() = first;
    state.select((selected < len).then_some(selected));
    first..(first + height).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_the_selection_and_stays_full() {
        let mut state = ListState::default();
        assert_eq!(
            window(&mut state, 37, 38, 10),
            28..38,
            "the last row at the bottom"
        );
        assert_eq!(
            window(&mut state, 30, 38, 10),
            28..38,
            "no scroll while it is on screen"
        );
        assert_eq!(window(&mut state, 0, 38, 10), 0..10);
        assert_eq!(state.selected(), Some(0));
        *state.offset_mut() = 30;
        assert_eq!(
            window(&mut state, 31, 35, 10),
            25..35,
            "no blank rows after a fold"
        );
        assert_eq!(window(&mut state, 0, 0, 10), 0..0, "an empty list");
    }
}
