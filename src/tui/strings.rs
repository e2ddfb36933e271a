//! Words the TUI shows, in one place. Chrome text here avoids ambiguous-width characters.

pub const HELP_TITLE: &str = "keys";
pub const CLOSE_HINT: &str = "any key closes";
/// After the keys that scroll the key table (made from the keymap, see `hints::help_popup`).
pub const OTHER_KEYS_CLOSE: &str = "any other key closes";
pub const FINDER_TITLE: &str = "find a goal";
pub const FINDER_EMPTY: &str =
    "type a code (2-イ-7, 2イ7), a number (216) or words (コンビニ 電子申請)";
pub const FINDER_SEARCHING: &str = "searching...";
pub const LEGEND: &str = "✓達成 ~概ね達成 ✗未達成 -評価なし ?未入力 !計算不可 ›編集";

/// Shown instead of the layout when the terminal is smaller than it needs.
pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!(
        "terminal too small: {width}x{height}. tassei needs at least {min_width}x{min_height}; enlarge the window (nothing is lost)."
    )
}
