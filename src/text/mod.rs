//! Text as a terminal shows it, for every front end (TUI, CLI, report): widths, cutting and
//! wrapping by grapheme — a kanji with its variation selector (`葛󠄀`), a letter with its accents
//! (`é` as e + U+0301), an emoji family joined by ZWJ are each one unit, never split — and the
//! pictures that stand for control characters.
//!
//! Two widths are kept apart: [`cells`], what ratatui's buffer gives a text, and [`width`], the
//! layout budget, which counts an East-Asian ambiguous glyph (⑴ ① ※ →) as two because some
//! terminals draw it two cells wide.

pub mod control;
pub mod diff;
mod line;
pub mod width;
pub mod wrap;

pub use line::one_line;
pub use width::{
    cells, char_cells, char_width, fit, grapheme_width, graphemes, is_ambiguous, pad, truncate,
    width,
};
pub use wrap::{hanging, wrap, wrap_ranges};
