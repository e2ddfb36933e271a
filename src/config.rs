//! The one config file, `config.toml` in the platform's config folder (`TASSEI_CONFIG` names
//! another path). Every key is optional and a missing file is no error. A file tassei cannot
//! read is reported in one line naming the file and the line, and tassei runs on its defaults;
//! it never rewrites a file it could not read, and a save keeps the clerk's other keys and
//! comments (toml_edit) and replaces the file in one step (a temporary file renamed over it).

use std::fs;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::platform::retry_while_shared;
use crate::strings::{Lang, strings};
use crate::text::one_line;
use serde::{Deserialize, Deserializer};

/// The environment variable that names the config file instead of the platform's folder.
pub const ENV: &str = "TASSEI_CONFIG";

/// The keys tassei reads; any other key is kept in the file and reported.
pub const KEYS: [&str; 5] = ["actor", "lang", "markers", "tree_width", "theme"];

/// The narrowest and widest tree, percent of the screen.
pub const TREE_WIDTH: Range<u8> = 10..91;

/// What the config file says. `None` is "not set": the built-in default applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The name written in the change log, after `TASSEI_USER` and before the OS account.
    pub actor: Option<String>,
    /// The interface language, `ja` or `en` in any case (`--lang` overrides it; unset, the
    /// locale decides). Any other word is warned about and ignored, not a broken file: the
    /// file's `actor` must still sign the change log.
    #[serde(deserialize_with = "lang")]
    pub lang: Option<Lang>,
    /// The TUI's status marks: `unicode` (✓ ✗ ›), `ascii` (for console fonts without them), or
    /// `auto` (ASCII on the legacy Windows console). Unset is `auto`.
    pub markers: Option<Markers>,
    /// The TUI tree's width, percent of the screen (10 to 90), remembered between runs.
    #[serde(deserialize_with = "tree_width")]
    pub tree_width: Option<u8>,
    /// The TUI's colours (`--theme` overrides it).
    pub theme: Option<Theme>,
    /// One line per key in the file that tassei does not know: reported, never fatal.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The TUI's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Default,
    /// White on black, for projectors.
    HighContrast,
}

impl Theme {
    /// The word in the file: `default`, `high-contrast`.
    pub fn word(self) -> &'static str {
        match self {
            Theme::Default => "default",
            Theme::HighContrast => "high-contrast",
        }
    }
}

/// The marks the TUI draws beside a status and a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Markers {
    /// ASCII on a console that cannot be trusted with ✓ ✗ › (the legacy Windows console and its
    /// fonts, CP932), Unicode elsewhere.
    Auto,
    Unicode,
    Ascii,
}

impl Markers {
    /// The word in the file: `auto`, `unicode`, `ascii`.
    pub fn word(self) -> &'static str {
        match self {
            Markers::Auto => "auto",
            Markers::Unicode => "unicode",
            Markers::Ascii => "ascii",
        }
    }
}

/// One setting to save, with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Actor(String),
    Lang(Lang),
    Markers(Markers),
    /// Percent of the screen; saved only within [`TREE_WIDTH`].
    TreeWidth(u8),
    Theme(Theme),
}

/// Why the config file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", (strings().errors.config.no_folder)(ENV))]
    NoFolder,
    #[error("{}", (strings().errors.config.read)(.path, .source))]
    Read { path: PathBuf, source: io::Error },
    /// Not TOML, or a key with a value of the wrong kind.
    #[error("{}", (strings().errors.config.malformed)(.path, *.line, .message))]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}", (strings().errors.config.tree_width)(*.0))]
    TreeWidth(u8),
    #[error("{}", (strings().errors.config.write)(.path, .source))]
    Write { path: PathBuf, source: io::Error },
}

fn tree_width<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let width = Option::<u8>::deserialize(d)?;
    match width {
        Some(w) if !TREE_WIDTH.contains(&w) => {
            Err(serde::de::Error::custom((strings()
                .errors
                .config
                .tree_width)(w)))
        }
        _ => Ok(width),
    }
}

/// A language word in any case (`ja`, `JA`, `En`); one that names none is `None` here and
/// warned about by [`Config::parse`].
fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|word| Lang::from_word(&word)))
}

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(at)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

impl Config {
    /// Where the config file is: `TASSEI_CONFIG`, else `config.toml` in the platform's config
    /// folder (`~/.config/tassei/` on Linux).
    pub fn path() -> Option<PathBuf> {
        match std::env::var_os(ENV).filter(|p| !p.is_empty()) {
            Some(path) => Some(PathBuf::from(path)),
            None => directories::ProjectDirs::from("", "", "tassei")
                .map(|d| d.config_dir().join("config.toml")),
        }
    }

    /// Reads the config file at [`Config::path`]; no file is the defaults.
    pub fn load() -> Result<Config, ConfigError> {
        Self::load_from(&Self::path().ok_or(ConfigError::NoFolder)?)
    }

    /// Reads the config file at `path`; no file is the defaults.
    pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Self::parse(path, &text)
    }

    /// Reads config text; `path` names the file in messages.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let malformed = |span: Option<Range<usize>>, message: &str| ConfigError::Malformed {
            path: path.to_path_buf(),
            line: span.map_or(1, |s| line_of(text, s.start)),
            message: one_line(message),
        };
        // Parsed with spans first, for the lines of unknown keys and syntax errors.
        let doc = toml_edit::Document::parse(text).map_err(|e| malformed(e.span(), e.message()))?;
        let mut config: Config =
            toml::from_str(text).map_err(|e| malformed(e.span(), e.message()))?;
        // Said in the file's own order, so the first one the TUI shows is the file's first.
        for (key, item) in doc.as_table().iter() {
            let line = doc
                .as_table()
                .key(key)
                .and_then(|k| k.span())
                .map_or(1, |s| line_of(text, s.start));
            if key == "lang" {
                if let Some(value) = item.as_str().filter(|v| Lang::from_word(v).is_none()) {
                    config
                        .warnings
                        .push((strings().errors.config.unknown_lang)(path, line, value));
                }
                continue;
            }
            if KEYS.contains(&key) {
                continue;
            }
            config.warnings.push((strings().errors.config.unknown_key)(
                path,
                line,
                key,
                &KEYS.join(", "),
            ));
        }
        // An empty name would sign the change log with nothing.
        config.actor = config.actor.filter(|a| !a.trim().is_empty());
        Ok(config)
    }

    /// Saves one setting into the file at [`Config::path`], leaving its other keys and
    /// comments as they are. A file that cannot be read is not touched.
    pub fn save_setting(setting: Setting) -> Result<(), ConfigError> {
        Self::save_setting_to(&Self::path().ok_or(ConfigError::NoFolder)?, setting)
    }

    /// [`Config::save_setting`] into the file at `path`.
    pub fn save_setting_to(path: &Path, setting: Setting) -> Result<(), ConfigError> {
        edit_file(path, |doc| set(doc, &setting))
    }

    /// Saves every setting of this config into the file at [`Config::path`]: a set value is
    /// written, an unset one removed; keys tassei does not know and comments are kept.
    pub fn save(&self) -> Result<(), ConfigError> {
        self.save_to(&Self::path().ok_or(ConfigError::NoFolder)?)
    }

    /// [`Config::save`] into the file at `path`.
    pub fn save_to(&self, path: &Path) -> Result<(), ConfigError> {
        edit_file(path, |doc| {
            let settings = [
                ("actor", self.actor.clone().map(Setting::Actor)),
                ("lang", self.lang.map(Setting::Lang)),
                ("markers", self.markers.map(Setting::Markers)),
                ("tree_width", self.tree_width.map(Setting::TreeWidth)),
                ("theme", self.theme.map(Setting::Theme)),
            ];
            for (key, setting) in settings {
                match setting {
                    Some(s) => set(doc, &s)?,
                    None => {
                        doc.remove(key);
                    }
                }
            }
            Ok(())
        })
    }
}

/// Writes one setting into the document.
fn set(doc: &mut toml_edit::DocumentMut, setting: &Setting) -> Result<(), ConfigError> {
    let (key, value) = match setting {
        Setting::Actor(name) => ("actor", toml_edit::value(name.as_str())),
        Setting::Lang(lang) => ("lang", toml_edit::value(lang.word())),
        Setting::Markers(m) => ("markers", toml_edit::value(m.word())),
        Setting::TreeWidth(w) if !TREE_WIDTH.contains(w) => {
            return Err(ConfigError::TreeWidth(*w));
        }
        Setting::TreeWidth(w) => ("tree_width", toml_edit::value(i64::from(*w))),
        Setting::Theme(t) => ("theme", toml_edit::value(t.word())),
    };
    doc[key] = value;
    Ok(())
}

/// Reads the file (none is an empty document), lets `change` edit it, and replaces the file
/// with the result in one step: written to a temporary file beside it, flushed, renamed over.
fn edit_file(
    path: &Path,
    change: impl FnOnce(&mut toml_edit::DocumentMut) -> Result<(), ConfigError>,
) -> Result<(), ConfigError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| ConfigError::Malformed {
                path: path.to_path_buf(),
                line: e.span().map_or(1, |s| line_of(&text, s.start)),
                message: one_line(e.message()),
            })?;
    change(&mut doc)?;
    let write_error = |source| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(write_error)?;
    }
    let mut temp = path.as_os_str().to_os_string();
    temp.push(format!(".tmp-{}", std::process::id()));
    let temp = PathBuf::from(temp);
    let written = fs::File::create(&temp).and_then(|mut f| {
        f.write_all(doc.to_string().as_bytes())?;
        f.sync_all()
    });
    // On Windows an editor or Excel with the file open holds it a moment: the rename waits.
    if let Err(source) = written.and_then(|()| retry_while_shared(path, || fs::rename(&temp, path)))
    {
        // The temporary file is ours: it must not be left behind beside the clerk's.
        let _ = fs::remove_file(&temp);
        return Err(write_error(source));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/c/config.toml"), text)
    }

    #[test]
    fn every_key_is_optional() {
        assert_eq!(parse("").expect("empty"), Config::default());
        let c = parse(
            "actor = \"tanaka\"\nlang = \"ja\"\ntree_width = 40\ntheme = \"high-contrast\"\n",
        )
        .expect("all keys");
        assert_eq!(c.actor.as_deref(), Some("tanaka"));
        assert_eq!(c.lang, Some(Lang::Ja));
        assert_eq!(c.tree_width, Some(40));
        assert_eq!(c.theme, Some(Theme::HighContrast));
        assert!(c.warnings.is_empty());
        assert_eq!(parse("actor = \"  \"").expect("blank").actor, None);
    }

    #[test]
    fn a_lang_in_any_case_counts_and_one_that_names_no_language_is_warned_not_fatal() {
        let _en = crate::strings::pin_thread(Lang::En);
        assert_eq!(parse("lang = \"JA\"").expect("reads").lang, Some(Lang::Ja));
        let c = parse("actor = \"tanaka\"\nlang = \"jp\"\n").expect("reads");
        assert_eq!(c.lang, None);
        assert_eq!(
            c.actor.as_deref(),
            Some("tanaka"),
            "the rest of the file counts"
        );
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(c.warnings[0].contains("line 2") && c.warnings[0].contains("jp"));
    }

    #[test]
    fn warnings_come_in_the_file_s_order() {
        let _en = crate::strings::pin_thread(Lang::En);
        let c = parse("lang = \"jp\"\nactor = \"a\"\ncolour = \"blue\"\n").expect("reads");
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        assert!(c.warnings[0].contains("line 1"), "{:?}", c.warnings);
        assert!(c.warnings[1].contains("line 3"), "{:?}", c.warnings);
    }

    #[test]
    fn unknown_keys_are_reported_with_their_line_not_fatal() {
        let c = parse("# mine\nactor = \"tanaka\"\ncolour = \"blue\"\n").expect("reads");
        assert_eq!(c.actor.as_deref(), Some("tanaka"));
        assert_eq!(
            c.warnings,
            [
                "the config file /c/config.toml, line 3: unknown key \"colour\" (ignored; tassei reads actor, lang, markers, tree_width, theme)"
            ]
        );
    }

    #[test]
    fn a_malformed_file_names_the_file_the_line_and_the_mistake() {
        let err = parse("actor = \"tanaka\"\ntree_width = \"wide\"\n").expect_err("a string");
        let message = err.to_string();
        assert!(
            message.starts_with("the config file /c/config.toml, line 2: "),
            "{message}"
        );
        assert!(!message.contains('\n'), "one line: {message}");
        for (text, line) in [
            ("\n\nactor = tanaka\n", 3),
            ("actor = \"tanaka\n", 1),
            ("[[broken\n", 1),
            ("tree_width = 40\ntree_width = 41\n", 2),
        ] {
            let err = parse(text).expect_err("not TOML");
            assert!(
                matches!(err, ConfigError::Malformed { line: l, .. } if l == line),
                "{text:?}: {err}"
            );
            assert!(!err.to_string().contains('\n'), "one line: {err}");
        }
        let err = parse("tree_width = 95\n").expect_err("too wide");
        assert!(
            err.to_string()
                .ends_with("line 1: tree_width must be a percent from 10 to 90, not 95"),
            "{err}"
        );
        assert!(parse("theme = \"neon\"\n").is_err());
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        let c = Config::load_from(&dir.path().join("none.toml")).expect("defaults");
        assert_eq!(c, Config::default());
    }

    #[test]
    fn saving_a_setting_keeps_the_other_keys_and_comments() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("nested/config.toml");
        Config::save_setting_to(&path, Setting::TreeWidth(35)).expect("creates");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "tree_width = 35\n"
        );
        fs::write(
            &path,
            "# my settings\nactor = \"tanaka\" # as in the 係 list\ncolour = \"blue\"\ntree_width = 35\n",
        )
        .expect("write");
        Config::save_setting_to(&path, Setting::TreeWidth(42)).expect("saves");
        Config::save_setting_to(&path, Setting::Theme(Theme::HighContrast)).expect("saves");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "# my settings\nactor = \"tanaka\" # as in the 係 list\ncolour = \"blue\"\ntree_width = 42\ntheme = \"high-contrast\"\n"
        );
        let c = Config::load_from(&path).expect("reads back");
        assert_eq!(
            (c.tree_width, c.theme),
            (Some(42), Some(Theme::HighContrast))
        );
        let leftovers: Vec<_> = fs::read_dir(path.parent().expect("folder"))
            .expect("list")
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn save_writes_set_values_and_removes_unset_ones() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.toml");
        fs::write(&path, "lang = \"ja\"\nextra = 1\n").expect("write");
        let config = Config {
            actor: Some("suzuki".into()),
            tree_width: Some(30),
            ..Config::default()
        };
        config.save_to(&path).expect("saves");
        let c = Config::load_from(&path).expect("reads");
        assert_eq!(c.actor.as_deref(), Some("suzuki"));
        assert_eq!(c.lang, None, "unset in this config: removed");
        assert_eq!(c.tree_width, Some(30));
        assert!(
            fs::read_to_string(&path)
                .expect("read")
                .contains("extra = 1")
        );
    }

    #[test]
    fn a_file_tassei_cannot_read_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.toml");
        let mine = "actor = \"tanaka\"\n[[broken\n";
        fs::write(&path, mine).expect("write");
        let err = Config::save_setting_to(&path, Setting::TreeWidth(40)).expect_err("refused");
        assert!(
            matches!(err, ConfigError::Malformed { line: 2, .. }),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), mine);
        let err = Config::save_setting_to(&path, Setting::TreeWidth(5)).expect_err("too narrow");
        assert!(
            matches!(err, ConfigError::Malformed { .. }),
            "the file is read first"
        );
        fs::write(&path, "").expect("write");
        let err = Config::save_setting_to(&path, Setting::TreeWidth(5)).expect_err("too narrow");
        assert_eq!(
            err.to_string(),
            "tree_width must be a percent from 10 to 90, not 5"
        );
    }
}
