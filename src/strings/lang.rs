//! Which language is in use. The binary chooses once for the process, after reading `--lang`,
//! the config file and the locale; a test pins the thread it runs on, so tests in one process
//! can render both languages side by side without racing on a global.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// An interface language. The sheet's own vocabulary (目標, 実績値, 達成度) is Japanese in both;
/// the language is the chrome around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// The word on the command line and in the config file: `ja`, `en`.
    pub fn word(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language a word names (`ja`, `en`, any case), or `None`.
    pub fn from_word(word: &str) -> Option<Lang> {
        match word.trim().to_ascii_lowercase().as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn code(self) -> u8 {
        match self {
            Lang::Ja => 1,
            Lang::En => 2,
        }
    }

    fn of_code(code: u8) -> Option<Lang> {
        match code {
            1 => Some(Lang::Ja),
            2 => Some(Lang::En),
            _ => None,
        }
    }
}

/// The process's choice; 0 is "not chosen" (English).
static CHOSEN: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static PINNED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language for the whole process (the binary, once it knows). Threads that pinned
/// their own keep it.
pub fn choose(lang: Lang) {
    CHOSEN.store(lang.code(), Ordering::Relaxed);
}

/// The language in use on this thread: its pin, else the process's choice, else English.
pub fn chosen() -> Lang {
    PINNED
        .with(Cell::get)
        .or_else(|| Lang::of_code(CHOSEN.load(Ordering::Relaxed)))
        .unwrap_or(Lang::En)
}

/// Pins this thread to `lang` until the guard drops (tests: render one language whatever the
/// process chose, beside tests that render the other).
#[must_use = "the pin ends when the guard drops"]
pub fn pin_thread(lang: Lang) -> PinnedLang {
    let before = PINNED.with(|p| p.replace(Some(lang)));
    PinnedLang {
        before,
        _this_thread: std::marker::PhantomData,
    }
}

/// Ends a [`pin_thread`] when dropped, restoring the pin before it. Not `Send`: the pin is
/// this thread's, and so is its end.
pub struct PinnedLang {
    before: Option<Lang>,
    _this_thread: std::marker::PhantomData<*const ()>,
}

impl Drop for PinnedLang {
    fn drop(&mut self) {
        PINNED.with(|p| p.set(self.before));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_wins_over_the_process_and_ends_with_its_guard() {
        let outer = pin_thread(Lang::En);
        assert_eq!(chosen(), Lang::En);
        {
            let _inner = pin_thread(Lang::Ja);
            assert_eq!(chosen(), Lang::Ja);
        }
        assert_eq!(chosen(), Lang::En);
        drop(outer);
    }

    #[test]
    fn words_name_languages_in_any_case() {
        assert_eq!(Lang::from_word("JA"), Some(Lang::Ja));
        assert_eq!(Lang::from_word(" en "), Some(Lang::En));
        assert_eq!(Lang::from_word("fr"), None);
        assert_eq!(Lang::from_word(Lang::Ja.word()), Some(Lang::Ja));
    }
}
