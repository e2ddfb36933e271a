//! Terminal events into the app: key presses become actions through the keymap; keys the
//! keymap does not know go to the open field or prompt as text; a burst of text keys into an
//! open field is a paste.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{App, Command, Mode};
use crate::strings::strings;
use crate::tui::action::Action;
use crate::tui::hints::{answer_range, key_of};
use crate::tui::keymap::{Context, lookup};

impl App {
    /// A terminal event. Only key presses count: Windows reports every key's release too, and a
    /// terminal with the kitty protocol its repeats.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Paste(text) => self.paste(&text),
            _ => {}
        }
        self.prepare_card();
    }

    /// Events that arrived together, read without waiting (a burst). Windows terminals deliver
    /// a paste as keystrokes, not as a paste event: text keys that reach an open field in one
    /// burst are taken as one paste, so an Enter inside it is a line break, not a save. A
    /// person's keys come one at a time and are handled one by one.
    pub fn handle_burst(&mut self, events: Vec<Event>) {
        let mut run: Vec<KeyEvent> = Vec::new();
        for event in events {
            match event {
                // A Windows paste comes as press, release, press, release …: the releases
                // neither count nor break the run of pasted keys.
                Event::Key(key) if key.kind != KeyEventKind::Press => {}
                Event::Key(key) if self.takes_pasted_keys() && pasted_char(&key).is_some() => {
                    run.push(key)
                }
                other => {
                    self.flush_run(&mut run);
                    self.handle_event(other);
                }
            }
        }
        self.flush_run(&mut run);
        self.prepare_card();
    }

    /// True while an open text field has the keyboard: keys in a burst are a paste there.
    fn takes_pasted_keys(&self) -> bool {
        match &self.mode {
            Mode::Editing(editor) => editor.takes_text(),
            Mode::CollectFile(_) | Mode::NewRow(_) => true,
            _ => false,
        }
    }

    /// Keys gathered from a burst: two or more are a paste, one is a key.
    fn flush_run(&mut self, run: &mut Vec<KeyEvent>) {
        match run.len() {
            0 => {}
            1 => {
                let key = run[0];
                self.handle_key(key);
            }
            _ => {
                let text: String = run.iter().filter_map(pasted_char).collect();
                self.paste(&text);
            }
        }
        run.clear();
    }

    /// A key press: the help and the method lookup take any key; otherwise the keymap names
    /// the action, and a key it does not know is text for the open field or prompt.
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.hand_view_to_field();
        if let Mode::Help(scroll) = &mut self.mode {
            let command = help_key(scroll, self.scroll.help_end, key);
            self.perform(command);
            return;
        }
        if matches!(self.mode, Mode::Method(_)) {
            // The method lookup binds no key: any key closes it.
            if lookup(Context::Method, &key) == Some(Action::Cancel) {
                self.mode = Mode::Normal;
            }
            return;
        }
        match lookup(self.context(), &key) {
            Some(action) => self.update(action),
            None => match &mut self.mode {
                Mode::Editing(editor) => editor.key(key),
                Mode::Searching(prompt) => {
                    if prompt
                        .query
                        .handle_event(&Event::Key(key))
                        .is_some_and(|r| r.value)
                    {
                        self.search_step();
                    }
                }
                Mode::Finding(finder) => {
                    if finder
                        .query
                        .handle_event(&Event::Key(key))
                        .is_some_and(|r| r.value)
                    {
                        self.start_finding();
                    }
                }
                Mode::CollectFile(prompt) => {
                    prompt.path.handle_event(&Event::Key(key));
                }
                Mode::NewRow(prompt) => {
                    prompt.text.handle_event(&Event::Key(key));
                }
                _ => {
                    if let KeyCode::Char(c) = key.code {
                        let words = &strings().tui.messages;
                        let text = match &self.mode {
                            Mode::Asking(question) => {
                                let (first, last) = answer_range(question.choices.len());
                                let back = key_of(Context::Ask, Action::Cancel);
                                (words.answer_with_number)(c, &first, &last, &back)
                            }
                            // `?` does not reach the help from the preview: its keys are in
                            // the footer.
                            Mode::Collecting(_) => (strings().tui.collect.no_such_key)(
                                c,
                                &key_of(Context::Collect, Action::Cancel),
                            ),
                            _ => (words.no_such_key)(c, &key_of(Context::Global, Action::Help)),
                        };
                        self.say_error(text);
                    }
                }
            },
        }
    }

    fn paste(&mut self, text: &str) {
        self.hand_view_to_field();
        let first_line = text.lines().next().unwrap_or("");
        match &mut self.mode {
            Mode::Editing(editor) => editor.paste(text),
            Mode::Searching(prompt) => {
                prompt.query = Input::new(format!("{}{first_line}", prompt.query.value()));
                self.search_step();
            }
            Mode::Finding(finder) => {
                finder.query = Input::new(format!("{}{first_line}", finder.query.value()));
                self.start_finding();
            }
            Mode::CollectFile(prompt) => prompt.paste(text),
            Mode::NewRow(prompt) => prompt.paste(text),
            _ => {
                let edit = key_of(Context::Global, Action::Edit);
                self.say_error((strings().tui.messages.paste_where)(&edit));
            }
        }
    }
}

/// A key while the help is open: it scrolls when it does not fit, no further than `end` (the
/// last position that shows something new, from the last draw); any other key closes it.
pub(super) fn help_key(scroll: &mut usize, end: usize, key: KeyEvent) -> Command {
    match lookup(Context::Help, &key) {
        Some(Action::Down) => {
            *scroll = (*scroll + 1).min(end);
            Command::None
        }
        Some(Action::Up) => {
            *scroll = scroll.saturating_sub(1);
            Command::None
        }
        _ => Command::Close,
    }
}

/// The character a key stands for in pasted text: letters and Enter (`\r`; Ctrl-J is `\n`,
/// as Windows delivers a CRLF), Tab. Other keys (arrows, Ctrl-keys) are commands, not text.
fn pasted_char(key: &KeyEvent) -> Option<char> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => Some(c),
        KeyCode::Char('j') if key.modifiers == KeyModifiers::CONTROL => Some('\n'),
        KeyCode::Enter if plain => Some('\r'),
        KeyCode::Tab if plain => Some('\t'),
        _ => None,
    }
}
