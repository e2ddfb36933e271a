//! The terminal UI: walk the plan, type actuals and statuses, see 達成度 recomputed as you type.
//!
//! Input → `keymap` → `Action` → `App::update` → store (one transaction) → patched plan →
//! `view::draw`. The terminal is restored on quit, on error and on panic.

pub mod action;
pub mod app;
pub mod collect;
pub mod command;
pub mod editor;
pub mod fields;
pub mod filter;
pub mod finder;
mod hangup;
pub mod hints;
pub mod jump;
pub mod keymap;
pub mod lists;
pub mod outline;
pub mod question;
pub mod review;
pub mod scroll;
pub mod search_prompt;
pub mod structure;
pub mod text;
pub mod textedit;
pub mod theme;
pub mod tree;
pub mod view;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use self::app::{App, RunState};

/// At most this many queued events are handled between two frames (a 100 KB paste typed as
/// keys is then drawn as it goes, not all at the end).
const MAX_BURST: usize = 65_536;

/// Events closer together than this belong to one burst.
const BURST_GAP: Duration = Duration::from_millis(3);

/// How long the loop waits for a key before checking whether another program changed the file.
const IDLE_POLL: Duration = Duration::from_millis(500);

/// Runs the app until the clerk quits or the process is asked to stop (SIGTERM, SIGINT from
/// `kill -INT`, or SIGHUP when the terminal closes; on Windows the console window closed, see
/// [`hangup::watch`]), which raises `stop`. Returns a note for stderr when an open field was
/// discarded: a field that was not saved with Enter is never saved. Call `color_eyre::install()`
/// first: ratatui's panic hook restores the terminal and then hands over to it.
pub fn run(mut app: App, stop: &Arc<AtomicBool>) -> io::Result<Option<String>> {
    // Ctrl-C typed in the TUI is a key (raw mode turns off the terminal's signal, and on
    // Windows the console's processed input), so SIGINT comes from another program: stop as for
    // SIGTERM, restoring the terminal.
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let restore = RestoreOnDrop;
    execute!(io::stdout(), EnableBracketedPaste)?;
    let result = main_loop(&mut terminal, &mut app, stop);
    drop(restore);
    if stop.load(Ordering::SeqCst) {
        // Asked to stop: an I/O error now is the closed terminal, not a failure of ours.
        if app.state == RunState::Running {
            app.stop();
        }
        return Ok(app
            .discarded
            .take()
            .map(|d| (crate::strings::strings().tui.messages.stopped_by_signal)(&d)));
    }
    result?;
    Ok(app.discarded.take())
}

fn main_loop(terminal: &mut DefaultTerminal, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    while app.state == RunState::Running {
        if stop.load(Ordering::SeqCst) {
            app.stop();
            break;
        }
        app.advance_clock(std::time::Instant::now());
        terminal.draw(|frame| view::draw(frame, app))?;
        // A running search gets the time between keys, a frame's slice at a time; a key
        // always comes first.
        let wait = if app.busy() {
            Duration::ZERO
        } else {
            IDLE_POLL
        };
        if event::poll(wait)? {
            // Everything already queued, or following within a few milliseconds, is one
            // burst: a paste typed by the terminal (Windows) arrives as many keys at once and
            // may come in pieces; a person's keys are tens of milliseconds apart.
            let mut burst = vec![event::read()?];
            while burst.len() < MAX_BURST && event::poll(BURST_GAP)? {
                burst.push(event::read()?);
            }
            // A terminal may reflow or blank its screen on a resize: draw everything anew,
            // since the sizes in between were never drawn.
            if burst.iter().any(|e| matches!(e, event::Event::Resize(..))) {
                let size = terminal.size()?;
                terminal.resize(size.into())?;
            }
            app.handle_burst(burst);
        } else if app.busy() {
            app.work();
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

/// Runs the TUI on an open session (in the review mode if asked) until the clerk quits; then
/// says what the day's copy found and whether an open field was discarded. `main` calls it,
/// with the warnings about the config file it said on stderr before the TUI covered it
/// (`config_warnings`), which the status bar opens with.
pub fn open(
    mut session: crate::session::Session,
    theme: crate::config::Theme,
    config: &crate::config::Config,
    config_warnings: &[String],
    opening_notes: &[String],
    review: bool,
) -> Result<(), crate::session::Failure> {
    use crate::platform::{console_facts, legacy_console};
    use crate::session::{Failure, say};
    use crate::text::one_line;
    // ✓ ✗ › unless the config says otherwise or the console is the legacy Windows one.
    let marks =
        self::theme::Marks::for_setting(config.markers, || legacy_console(&console_facts()));
    let mut colours = self::theme::Theme::from_env().with_marks(marks);
    if theme == crate::config::Theme::HighContrast {
        colours = colours.high_contrast();
    }
    let background = session.background.take();
    let mut app = App::new(session.store, session.plan, session.today, colours);
    // Settings the clerk changes in the TUI (the tree's width) are remembered in the config.
    app.remember_in(crate::config::Config::path(), config);
    if review {
        app.update(action::Action::Review);
    }
    app.warn_of_config(config_warnings);
    app.note_on_opening(opening_notes, config_warnings.len());
    let stop = Arc::new(AtomicBool::new(false));
    // Held until the TUI's own lines are said: a closed console window waits for it.
    let watch = hangup::watch(Arc::clone(&stop));
    let ran = run(app, &stop);
    let ended = match ran {
        Ok(Some(discarded)) => {
            say(format_args!("tassei: {discarded}"));
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(e) => Err(Failure::other((crate::strings::strings()
            .tui
            .messages
            .terminal_error)(&e.to_string()))),
    };
    // From here a closed window or Ctrl-C may end the process as usual: the day's copy below
    // is a `.partial` until it is whole, so an end half-way loses nothing.
    watch.finished();
    // The day's copy finishes even when the clerk quits first; what it found is said now.
    if let Some(line) = background.and_then(crate::store::BackgroundCheck::finish) {
        say(format_args!("tassei: {}", one_line(line)));
    }
    ended
}
