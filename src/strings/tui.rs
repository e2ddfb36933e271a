//! The TUI's words: titles, hints, popups, the status bar's messages. Chrome text here avoids
//! ambiguous-width characters (⑴ ① ※ are one cell in ratatui, two in some terminals).

/// Every sentence the terminal UI shows, for one language.
pub struct Tui {
    /// The help popup's title.
    pub help_title: &'static str,
    /// Under a popup that any key closes.
    pub close_hint: &'static str,
    /// After the keys that scroll the key table (made from the keymap, see `hints::help_popup`).
    pub other_keys_close: &'static str,
    pub finder_title: &'static str,
    pub finder_empty: &'static str,
    pub finder_searching: &'static str,
    /// The status markers and what they mean, in the help's title.
    pub legend: &'static str,
    /// Shown instead of the layout when the terminal is smaller than it needs:
    /// (width, height, minimum width, minimum height).
    pub too_small: fn(u16, u16, u16, u16) -> String,
}

pub const EN: Tui = Tui {
    help_title: "keys",
    close_hint: "any key closes",
    other_keys_close: "any other key closes",
    finder_title: "find a goal",
    finder_empty: "type a code (2-イ-7, 2イ7), a number (216) or words (コンビニ 電子申請)",
    finder_searching: "searching...",
    legend: "✓達成 ~概ね達成 ✗未達成 -評価なし ?未入力 !計算不可 ›編集",
    too_small: |width, height, min_width, min_height| {
        format!(
            "terminal too small: {width}x{height}. tassei needs at least {min_width}x{min_height}; enlarge the window (nothing is lost)."
        )
    },
};
