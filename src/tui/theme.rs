//! Styles by intent. Every status is told by a symbol as well as a colour, so a monochrome
//! projector and `NO_COLOR` lose nothing. The high-contrast variant (`T`, `--theme
//! high-contrast`) is for projectors: white on black, bright status colours, no dim grey.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::engine::Status;

/// The palette in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    contrast: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty), as no-color.org asks.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color,
            contrast: false,
        }
    }

    pub fn colored() -> Self {
        Self {
            color: true,
            contrast: false,
        }
    }

    pub fn monochrome() -> Self {
        Self {
            color: false,
            contrast: false,
        }
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
    /// ? no actual yet, ! not computable.
    pub fn marker(status: Status) -> &'static str {
        match status {
            Status::Achieved => "✓",
            Status::Near => "~",
            Status::Shortfall => "✗",
            Status::NotGraded => "-",
            Status::NoActual => "?",
            Status::NotComputable => "!",
        }
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

    pub fn overdue(self) -> Style {
        self.fg(Color::Red, Color::LightRed)
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
