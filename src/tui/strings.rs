//! Words the TUI shows, in one place. Chrome text here avoids ambiguous-width characters.

/// The status bar's second line in the review mode.
pub const REVIEW_HINTS: &str =
    "n next  p back  o agenda  m 積算方法  1-4 notes  T contrast  Esc leave";

/// The status bar's second line when there is no message.
pub const KEY_HINTS: &str = "? help  Enter edit  Tab card  / search  f filter  u undo  q quit";

pub const EDIT_HINT: &str = "Enter save   Esc cancel";
pub const CHOICE_HINT: &str = "j/k choose   Enter save   Esc cancel";
pub const NARRATIVE_HINT: &str = "Enter save  Alt-Enter new line  Esc cancel";
pub const HELP_TITLE: &str = "keys";
pub const CLOSE_HINT: &str = "any key closes";
pub const HELP_SCROLL_HINT: &str = "j/k scroll, any other key closes";
pub const FINDER_TITLE: &str = "find a goal";
pub const FINDER_EMPTY: &str =
    "type a code (2-イ-7, 2イ7), a number (216) or words (コンビニ 電子申請)";
pub const FINDER_SEARCHING: &str = "searching...";
pub const FINDER_HINT: &str = "Enter go there and show 積算方法   Up/Down choose   Esc close";
pub const LEGEND: &str = "✓ achieved  ~ near  ✗ shortfall  - not graded  › editable";

/// Shown instead of the layout when the terminal is smaller than it needs.
pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!(
        "terminal too small: {width}x{height}. tassei needs at least {min_width}x{min_height}; enlarge the window (nothing is lost)."
    )
}
