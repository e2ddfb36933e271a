//! The TUI without a terminal: an `App` on a fresh data file, keys pressed, the screen drawn
//! into ratatui's `TestBackend` — the harness of the structure and outline render tests.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tassei::model::{CalendarDate, Plan};
use tassei::store::Store;
use tassei::strings::{Lang, PinnedLang, pin_thread};
use tassei::tui::app::App;
use tassei::tui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// A data file of the bundled sheet in a temporary folder, the thread pinned to English.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    _lang: PinnedLang,
}

impl Fixture {
    pub fn new() -> Self {
        Self {
            _lang: pin_thread(Lang::En),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn store(&self) -> Store {
        Store::open(&self.dir.path().join("tassei.db"), "clerk").expect("opens")
    }

    pub fn app(&self) -> App {
        let store = self.store();
        let plan = store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("loads");
        App::new(
            store,
            plan,
            CalendarDate::new(2024, 4, 1).expect("date"),
            Theme::colored(),
        )
    }

    pub fn stored(&self) -> Plan {
        let store = self.store();
        store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("loads")
    }
}

/// Presses keys named as in the README (`Enter`, `Esc`, `Tab`, `BkSp`, `Ctrl-R`, one character).
pub fn keys(app: &mut App, spec: &str) {
    for key in spec.split_whitespace() {
        let (code, modifiers) = match key {
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "BkSp" => (KeyCode::Backspace, KeyModifiers::NONE),
            "Ctrl-R" => (KeyCode::Char('r'), KeyModifiers::CONTROL),
            k if k.chars().count() == 1 => (
                KeyCode::Char(k.chars().next().expect("a key")),
                KeyModifiers::NONE,
            ),
            other => panic!("no key {other}"),
        };
        app.handle_event(Event::Key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        )));
    }
}

/// The buffer as text, a wide glyph counted once.
pub fn screen(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        let mut line = String::new();
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws the app at `width`×`height`: the screen as text, and the buffer for styles.
pub fn render(app: &mut App, width: u16, height: u16) -> (String, Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| tassei::tui::view::draw(frame, app))
        .expect("draws");
    let buffer = terminal.backend().buffer().clone();
    (screen(&buffer), buffer)
}
