//! One key with its modifiers, and how it is written: the same label in the help, the footer
//! hints and the README (`j`, `Down`, `Ctrl-D`, `Alt-Enter`, `Shift-Tab`, `Space`).

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::text::width;

/// A key with its modifiers. Shift is part of an upper-case letter (`G`), not a modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

/// Keys with a name longer than one character, as they are written.
const NAMED: &[(KeyCode, &str)] = &[
    (KeyCode::Char(' '), "Space"),
    (KeyCode::Enter, "Enter"),
    (KeyCode::Esc, "Esc"),
    (KeyCode::Tab, "Tab"),
    (KeyCode::BackTab, "Shift-Tab"),
    (KeyCode::Backspace, "BkSp"),
    (KeyCode::Delete, "Del"),
    (KeyCode::Up, "Up"),
    (KeyCode::Down, "Down"),
    (KeyCode::Left, "Left"),
    (KeyCode::Right, "Right"),
    (KeyCode::Home, "Home"),
    (KeyCode::End, "End"),
    (KeyCode::PageUp, "PgUp"),
    (KeyCode::PageDown, "PgDn"),
];

/// How the modifiers are written before the key, in this order.
const PREFIXES: &[(KeyModifiers, &str)] = &[
    (KeyModifiers::CONTROL, "Ctrl-"),
    (KeyModifiers::ALT, "Alt-"),
];

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key: `j`, `G`, `?`.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// `Ctrl-` and a letter, written in lower case here and upper case on screen (`Ctrl-D`).
    pub const fn ctrl(c: char) -> Key {
        Key::ctrl_code(KeyCode::Char(c))
    }

    /// `Ctrl-` and any key: `Ctrl-Home`.
    pub const fn ctrl_code(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// `Alt-` and a key: `Alt-Enter`.
    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::ALT,
        }
    }

    /// The key a label names: `Key::parse("Ctrl-D")` is Ctrl and `d`. The inverse of `Display`.
    pub fn parse(label: &str) -> Result<Key, UnknownKey> {
        let unknown = || UnknownKey(label.to_string());
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = label;
        // A prefix counts only when a key follows it: `-` alone is the minus key.
        while let Some((modifier, after)) = PREFIXES.iter().find_map(|(m, prefix)| {
            rest.strip_prefix(prefix)
                .filter(|after| !after.is_empty())
                .map(|after| (*m, after))
        }) {
            modifiers |= modifier;
            rest = after;
        }
        let code = match NAMED.iter().find(|(_, name)| *name == rest) {
            Some((code, _)) => *code,
            None => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    // Ctrl-D is written in upper case but arrives as `d`.
                    (Some(c), None) if modifiers.contains(KeyModifiers::CONTROL) => {
                        KeyCode::Char(c.to_ascii_lowercase())
                    }
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(unknown()),
                }
            }
        };
        Ok(Key { code, modifiers })
    }

    /// The modifiers as written before the key (`Ctrl-`), and the key without them (`Home`).
    fn parts(&self) -> (String, String) {
        let prefix: String = PREFIXES
            .iter()
            .filter(|(m, _)| self.modifiers.contains(*m))
            .map(|(_, p)| *p)
            .collect();
        let base = match (NAMED.iter().find(|(code, _)| *code == self.code), self.code) {
            (Some((_, name)), _) => name.to_string(),
            (None, KeyCode::Char(c)) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            (None, KeyCode::Char(c)) => c.to_string(),
            (None, other) => format!("{other:?}"),
        };
        (prefix, base)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (prefix, base) = self.parts();
        write!(f, "{prefix}{base}")
    }
}

impl FromStr for Key {
    type Err = UnknownKey;

    fn from_str(label: &str) -> Result<Key, UnknownKey> {
        Key::parse(label)
    }
}

/// A label that names no key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey(pub String);

impl fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(crate::strings::strings().tui.messages.unknown_key)(
            &self.0,
        ))
    }
}

impl std::error::Error for UnknownKey {}

/// Widest label the help's key column shows whole.
pub const LABEL_CELLS: usize = 16;

/// Several keys as the help writes them: `j Down`. A label that would not fit the help's key
/// column, of keys that share their modifiers, writes them once: `Ctrl-Home/End`.
pub fn label(keys: &[Key]) -> String {
    let spaced = keys
        .iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let shared = keys
        .first()
        .map(|k| k.modifiers)
        .filter(|m| !m.is_empty() && keys.iter().all(|k| k.modifiers == *m));
    match shared {
        Some(_) if width(&spaced) > LABEL_CELLS => {
            let parts: Vec<(String, String)> = keys.iter().map(Key::parts).collect();
            let prefix = parts.first().map(|(p, _)| p.clone()).unwrap_or_default();
            let bases: Vec<String> = parts.into_iter().map(|(_, b)| b).collect();
            format!("{prefix}{}", bases.join("/"))
        }
        _ => spaced,
    }
}
