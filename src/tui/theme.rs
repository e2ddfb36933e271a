//! Styles by intent. Every status is told by a symbol as well as a colour, so a monochrome
//! projector and `NO_COLOR` lose nothing. The high-contrast variant (`T`, `--theme
//! high-contrast`) is for projectors: white on black, bright status colours, no dim grey.
//! The marks themselves ([`Marks`]) are Unicode (✓ ✗ › ▸ ▾) or, on the legacy Windows console
//! whose fonts lack them, ASCII (`o` `x` `>` `+` `v`): `markers` in the config file, `auto` by
//! default.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::config::Markers;
use crate::engine::Status;

/// The one-cell marks the TUI draws: a status's marker, the pointer at an editable field, a
/// branch's fold, and the line break in a text shown on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub achieved: &'static str,
    pub near: &'static str,
    pub shortfall: &'static str,
    pub not_graded: &'static str,
    pub no_actual: &'static str,
    pub not_computable: &'static str,
    /// Beside a field that Enter opens on the card.
    pub field: &'static str,
    /// A branch of the tree whose rows show, and one folded away.
    pub expanded: &'static str,
    pub collapsed: &'static str,
    /// A line break in a changed text shown on one line (the report's `⏎`).
    pub line_break: &'static str,
    /// The eight heights of a trend's cell, lowest first.
    pub trend: [char; 8],
}

impl Marks {
    /// Where the font has them.
    pub const UNICODE: Marks = Marks {
        achieved: "✓",
        near: "~",
        shortfall: "✗",
        not_graded: "-",
        no_actual: "?",
        not_computable: "!",
        field: "›",
        expanded: "▾",
        collapsed: "▸",
        line_break: "⏎",
        trend: crate::report::card::TREND_LEVELS,
    };

    /// For the legacy Windows console: ✓ ✗ › ▸ ▾ ⏎ are not in CP932 and its fonts (ＭＳ ゴシック,
    /// BIZ UDゴシック) may draw them as `?` or a box. These stay one cell and read the same:
    /// `o` a circle (as 〇 marks done on a Japanese form), `x` a cross, `>` a pointer, `+` a
    /// folded branch as Windows' own trees drew it and `v` an open one (pointing down, as ▾
    /// does; not `-`, which is 評価なし's mark in the same column).
    pub const ASCII: Marks = Marks {
        achieved: "o",
        near: "~",
        shortfall: "x",
        not_graded: "-",
        no_actual: "?",
        not_computable: "!",
        field: ">",
        expanded: "v",
        collapsed: "+",
        line_break: "|",
        // Braille is not in CP932 either: heights in ASCII, lowest first.
        trend: ['_', '.', ',', '-', '=', '+', '*', '#'],
    };

    /// The marks a setting asks for: `auto` (or none) is ASCII when `legacy_console` says the
    /// console is the legacy Windows one (asked only then), Unicode otherwise.
    pub fn for_setting(setting: Option<Markers>, legacy_console: impl FnOnce() -> bool) -> Marks {
        match setting.unwrap_or(Markers::Auto) {
            Markers::Unicode => Marks::UNICODE,
            Markers::Ascii => Marks::ASCII,
            Markers::Auto if legacy_console() => Marks::ASCII,
            Markers::Auto => Marks::UNICODE,
        }
    }

    /// The one-cell marker of a status.
    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Achieved => self.achieved,
            Status::Near => self.near,
            Status::Shortfall => self.shortfall,
            Status::NotGraded => self.not_graded,
            Status::NoActual => self.no_actual,
            Status::NotComputable => self.not_computable,
        }
    }

    /// Text written with the Unicode marks (the help's legend, a change shown with `⏎`) in
    /// this set's marks.
    pub fn respell(&self, text: &str) -> String {
        if *self == Marks::UNICODE {
            return text.to_string();
        }
        let pairs = [
            (Marks::UNICODE.achieved, self.achieved),
            (Marks::UNICODE.shortfall, self.shortfall),
            (Marks::UNICODE.field, self.field),
            (Marks::UNICODE.expanded, self.expanded),
            (Marks::UNICODE.collapsed, self.collapsed),
            (Marks::UNICODE.line_break, self.line_break),
        ];
        pairs
            .iter()
            .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
    }
}

/// The palette in use, and the marks drawn with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    contrast: bool,
    marks: Marks,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty), as no-color.org asks.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color,
            contrast: false,
            marks: Marks::UNICODE,
        }
    }

    pub fn colored() -> Self {
        Self {
            color: true,
            contrast: false,
            marks: Marks::UNICODE,
        }
    }

    pub fn monochrome() -> Self {
        Self {
            color: false,
            contrast: false,
            marks: Marks::UNICODE,
        }
    }

    /// The same palette drawing `marks`.
    pub fn with_marks(self, marks: Marks) -> Self {
        Self { marks, ..self }
    }

    pub fn marks(self) -> Marks {
        self.marks
    }

    /// The same palette with high contrast on.
    pub fn high_contrast(self) -> Self {
        Self {
            contrast: true,
            ..self
        }
    }

    pub fn toggle_contrast(self) -> Self {
        Self {
            contrast: !self.contrast,
            ..self
        }
    }

    pub fn is_high_contrast(self) -> bool {
        self.contrast
    }

    fn fg(self, normal: Color, bright: Color) -> Style {
        match (self.color, self.contrast) {
            (false, false) => Style::new(),
            (false, true) => Style::new().add_modifier(Modifier::BOLD),
            (true, false) => Style::new().fg(normal),
            (true, true) => Style::new().fg(bright).add_modifier(Modifier::BOLD),
        }
    }

    /// Under everything: in high contrast, white on black.
    pub fn base(self) -> Style {
        match (self.color, self.contrast) {
            (true, true) => Style::new().fg(Color::White).bg(Color::Black),
            (false, true) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        }
    }

    /// The one-cell marker of a status: ✓ achieved, ~ near, ✗ shortfall, - not graded,
    /// ? no actual yet, ! not computable (`o` and `x` for ✓ and ✗ in ASCII).
    pub fn marker(self, status: Status) -> &'static str {
        self.marks.status(status)
    }

    pub fn status(self, status: Status) -> Style {
        match status {
            Status::Achieved => self.fg(Color::Green, Color::LightGreen),
            Status::Near => self.fg(Color::Yellow, Color::LightYellow),
            Status::Shortfall => self
                .fg(Color::Red, Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Status::NotGraded | Status::NoActual => self.fg(Color::DarkGray, Color::Gray),
            // Figures that cannot give a rate need a look: they stand out.
            Status::NotComputable => self
                .fg(Color::Magenta, Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// A conflict in a collect preview (changed on both sides since the handout): it waits
    /// for the clerk's choice, so it stands out, and differs from a shortfall's red.
    pub fn conflict(self) -> Style {
        self.fg(Color::Yellow, Color::LightYellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn overdue(self) -> Style {
        self.fg(Color::Red, Color::LightRed)
            .add_modifier(Modifier::BOLD)
    }

    /// A 時期 nobody can judge overdue: it needs a look, as a figure that gives no rate does.
    pub fn unreadable(self) -> Style {
        self.fg(Color::Magenta, Color::LightMagenta)
            .add_modifier(Modifier::BOLD)
    }

    /// The selected row or field in the pane with the keyboard. It overrides the text's own
    /// colours, so the bar reads the same on every row; the status markers still tell the
    /// status. Without colour it is reverse video, which every terminal and capture shows.
    pub fn selected(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// The selection in the pane that does not have focus: still findable, clearly weaker.
    pub fn selected_unfocused(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new().bg(Color::DarkGray),
            (true, true) => Style::new()
                .fg(Color::White)
                .bg(Color::DarkGray)
                .add_modifier(Modifier::UNDERLINED),
            (false, _) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The selection style for a pane: [`Theme::selected`] when it has the keyboard.
    pub fn selection(self, focused: bool) -> Style {
        if focused {
            self.selected()
        } else {
            self.selected_unfocused()
        }
    }

    /// Applies a selection style to every span of a line: ratatui keeps a `Line`'s own style
    /// only while the line itself is drawn, so a line rebuilt from its spans would drop it.
    pub fn select_line(line: Line<'static>, style: Style) -> Line<'static> {
        let spans: Vec<Span<'static>> = line
            .spans
            .into_iter()
            .map(|span| {
                let patched = span.style.patch(style);
                span.style(patched)
            })
            .collect();
        Line::from(spans).style(line.style.patch(style))
    }

    /// The title row of the pane with the keyboard.
    pub fn focused_header(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    pub fn unfocused_header(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new().bg(Color::DarkGray),
            (true, true) => Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::UNDERLINED),
            (false, _) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The blank column between the panes.
    pub fn separator(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new().bg(Color::DarkGray),
            (true, true) => Style::new().bg(Color::White),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The ASCII frame of a popup.
    pub fn popup_border(self) -> Style {
        self.fg(Color::Cyan, Color::White)
            .add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan, Color::LightCyan)
            .add_modifier(Modifier::BOLD)
    }

    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn muted(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new().fg(Color::DarkGray),
            (true, true) => Style::new().fg(Color::Gray),
            (false, false) => Style::new().add_modifier(Modifier::DIM),
            (false, true) => Style::new(),
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red, Color::LightRed)
            .add_modifier(Modifier::BOLD)
    }

    /// A control character in a field, drawn as `^A`: it cannot be saved, so it looks wrong.
    /// A field's value that typing will replace (as a selected Excel cell's), over the field.
    pub fn replaced_value(self) -> Style {
        match (self.color, self.contrast) {
            (true, false) => Style::new().fg(Color::Black).bg(Color::LightCyan),
            (true, true) => Style::new().fg(Color::Black).bg(Color::White),
            // Inside the reversed field: underlined, so it reads as marked, not as a gap.
            (false, _) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn control_picture(self) -> Style {
        self.error()
    }

    pub fn saved(self) -> Style {
        self.fg(Color::Green, Color::LightGreen)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan, Color::LightCyan)
            .add_modifier(Modifier::BOLD)
    }
}
