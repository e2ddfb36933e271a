//! Which language the interface speaks: `--lang` > the config file's `lang` > the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG` on every system, as POSIX orders them; on Windows with none
//! of them set, the user's UI language). A Japanese locale is Japanese; unset, `C`, `POSIX` or
//! anything else is English.
//!
//! The binary decides before clap parses, so clap's help and errors are already in the
//! language: the flag is found by a pre-scan of the arguments. Reading the process environment
//! happens in [`Locale::of_process`] alone; the decision is a function of what was read, so
//! tests give it values and never touch the environment.

use std::ffi::OsString;

use crate::strings::Lang;

/// What the process's environment says about the language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locale {
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, in that order of precedence.
    pub variables: [Option<String>; 3],
    /// The OS's own UI language, where it has one apart from the variables (Windows).
    pub os_ui: Option<Lang>,
}

impl Locale {
    /// Reads the locale variables and, on Windows, the user's UI language.
    pub fn of_process() -> Locale {
        let read = |name: &str| std::env::var(name).ok();
        Locale {
            variables: [read("LC_ALL"), read("LC_MESSAGES"), read("LANG")],
            os_ui: os_ui_language(),
        }
    }

    /// The language the locale names: the first variable set and not empty decides (a Japanese
    /// one, `ja`, `ja_JP.UTF-8`, `ja_JP.eucJP`, is Japanese; any other English); none set, the
    /// OS's UI language; else English.
    pub fn lang(&self) -> Lang {
        let first_set = self.variables.iter().flatten().find(|v| !v.is_empty());
        match first_set {
            Some(value) if is_japanese(value) => Lang::Ja,
            Some(_) => Lang::En,
            None => self.os_ui.unwrap_or(Lang::En),
        }
    }
}

/// `ja`, `ja_JP`, `ja_JP.UTF-8`, `ja-JP`: the language part is `ja`.
fn is_japanese(locale: &str) -> bool {
    let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
    language.eq_ignore_ascii_case("ja")
}

/// The language in use: the flag, else the config file's, else the locale's.
pub fn choose(flag: Option<Lang>, config: Option<Lang>, locale: &Locale) -> Lang {
    flag.or(config).unwrap_or_else(|| locale.lang())
}

/// The `--lang` the command line gives, found before clap parses it: `--lang ja`, `--lang=ja`,
/// the last one winning as in clap; nothing after `--`. A value that is not a language is left
/// for clap to refuse, in the language the rest decides.
pub fn flag_in(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        match word {
            Some("--") => break,
            Some("--lang") => {
                if let Some(Some(value)) = words.next() {
                    found = Lang::from_word(value).or(found);
                }
            }
            Some(w) => {
                if let Some(value) = w.strip_prefix("--lang=") {
                    found = Lang::from_word(value).or(found);
                }
            }
            None => {}
        }
    }
    found
}

#[cfg(windows)]
fn os_ui_language() -> Option<Lang> {
    crate::platform::ui_language_is_japanese().then_some(Lang::Ja)
}

/// Elsewhere the locale variables are the OS's word.
#[cfg(not(windows))]
fn os_ui_language() -> Option<Lang> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(all: Option<&str>, messages: Option<&str>, lang: Option<&str>) -> Locale {
        Locale {
            variables: [all, messages, lang].map(|v| v.map(String::from)),
            os_ui: None,
        }
    }

    #[test]
    fn a_japanese_locale_is_japanese_and_anything_else_english() {
        for japanese in ["ja_JP.UTF-8", "ja_JP.eucJP", "ja", "ja-JP", "JA_jp.utf8"] {
            assert_eq!(
                locale(None, None, Some(japanese)).lang(),
                Lang::Ja,
                "{japanese}"
            );
        }
        for english in ["C", "POSIX", "C.UTF-8", "en_US.UTF-8", "fr_FR", "jav_ID"] {
            assert_eq!(
                locale(None, None, Some(english)).lang(),
                Lang::En,
                "{english}"
            );
        }
        assert_eq!(locale(None, None, None).lang(), Lang::En);
    }

    #[test]
    fn lc_all_wins_over_lc_messages_over_lang_and_empty_is_unset() {
        assert_eq!(
            locale(Some("C"), None, Some("ja_JP.UTF-8")).lang(),
            Lang::En
        );
        assert_eq!(
            locale(None, Some("ja_JP.UTF-8"), Some("C")).lang(),
            Lang::Ja
        );
        assert_eq!(locale(Some(""), None, Some("ja_JP.UTF-8")).lang(), Lang::Ja);
    }

    #[test]
    fn the_os_ui_language_counts_only_when_no_variable_is_set() {
        let mut windows = locale(None, None, None);
        windows.os_ui = Some(Lang::Ja);
        assert_eq!(windows.lang(), Lang::Ja);
        windows.variables[2] = Some("C".into());
        assert_eq!(windows.lang(), Lang::En);
    }

    #[test]
    fn the_flag_wins_over_the_config_over_the_locale() {
        let japanese = locale(None, None, Some("ja_JP.UTF-8"));
        assert_eq!(choose(Some(Lang::En), Some(Lang::Ja), &japanese), Lang::En);
        assert_eq!(choose(None, Some(Lang::En), &japanese), Lang::En);
        assert_eq!(choose(None, None, &japanese), Lang::Ja);
    }

    #[test]
    fn the_flag_is_found_in_either_spelling_and_not_after_a_double_dash() {
        let args = |words: &[&str]| -> Vec<OsString> {
            std::iter::once("tassei")
                .chain(words.iter().copied())
                .map(OsString::from)
                .collect()
        };
        assert_eq!(flag_in(&args(&["--lang", "ja", "summary"])), Some(Lang::Ja));
        assert_eq!(flag_in(&args(&["summary", "--lang=en"])), Some(Lang::En));
        assert_eq!(
            flag_in(&args(&["--lang", "ja", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(flag_in(&args(&["--lang", "fr"])), None, "left for clap");
        assert_eq!(flag_in(&args(&["note", "--", "--lang", "ja"])), None);
        assert_eq!(flag_in(&args(&["--lang"])), None);
    }
}
