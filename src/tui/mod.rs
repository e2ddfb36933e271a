//! The terminal UI: walk the plan, type actuals and statuses, see 達成度 recomputed as you type.
//!
//! Input → `keymap` → `Action` → `App::update` → store (one transaction) → patched plan →
//! `view::draw`. The terminal is restored on quit, on error and on panic.

pub mod action;
pub mod app;
pub mod editor;
pub mod fields;
pub mod filter;
pub mod keymap;
pub mod review;
pub mod strings;
pub mod text;
pub mod theme;
pub mod tree;
pub mod view;

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use self::app::{App, RunState};

/// How long the loop waits for a key before checking whether another program changed the file.
const IDLE_POLL: Duration = Duration::from_millis(500);

/// Runs the app until the clerk quits. Returns a note for stderr when an open field was
/// discarded. Call `color_eyre::install()` first: ratatui's panic hook restores the terminal and
/// then hands over to it.
pub fn run(mut app: App) -> io::Result<Option<String>> {
    let mut terminal = ratatui::try_init()?;
    let _restore = RestoreOnDrop;
    execute!(io::stdout(), EnableBracketedPaste)?;
    main_loop(&mut terminal, &mut app)?;
    Ok(app.discarded.take())
}

fn main_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    while app.state == RunState::Running {
        app.advance_clock(std::time::Instant::now());
        terminal.draw(|frame| view::draw(frame, app))?;
        if event::poll(IDLE_POLL)? {
            app.handle_event(event::read()?);
        } else {
            app.tick();
        }
    }
    Ok(())
}

/// Leaves bracketed paste and restores the terminal however the loop ends.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}
