//! The data file's neighbours on disk: the path SQLite is given, files created owner-only and
//! never through a symlink, `.partial` copies held by the process writing them, and publishing a
//! finished copy under a name that was free, in one step.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::platform;

/// A partial copy untouched for this long is abandoned, even if something still holds it (a
/// copy takes seconds; a file system without locks cannot say who holds it).
pub const STALE: Duration = Duration::from_secs(10 * 60);

/// A partial copy written to this recently is left alone even when nothing holds it: its
/// process may have created it a moment ago and be about to take hold of it. (Windows goes by
/// [`STALE`] alone: nothing there says whether a file is held.)
#[cfg(unix)]
pub const YOUNG: Duration = Duration::from_secs(2);

/// The suffix of a copy being written.
pub const PARTIAL: &str = ".partial";

/// The files SQLite keeps beside a database while it is open or after it was killed.
const SIDE_FILES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// The path handed to SQLite. The bundled SQLite reads any name that begins with `file:` as a
/// URI (it is built with URIs enabled for every open), so a relative path gets a leading `./`:
/// `--db 'file:x?mode=memory'` is then a file of that name, as every other path is.
pub fn sqlite_path(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        Path::new(".").join(path)
    }
}

/// `path` with `suffix` appended to its last component (`a.db` → `a.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder a file lives in (`.` for a bare file name).
pub fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates a new file readable by its owner only. Fails when the name exists in any form: an
/// exclusive create never follows a symlink, so a link planted at the name cannot redirect it.
pub fn create_new_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes the data file and its journal files readable by their owner only. Returns the old
/// mode when the data file itself was open to others (to be said once); a file owned by
/// someone else is left as it is (only its owner may change it).
#[cfg(unix)]
pub fn tighten(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mut loosened = None;
    for (i, file) in std::iter::once(path.to_path_buf())
        .chain(SIDE_FILES[1..].iter().map(|s| with_suffix(path, s)))
        .enumerate()
    {
        let Ok(meta) = fs::metadata(&file) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0
            && fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).is_ok()
            && i == 0
        {
            loosened = Some(mode);
        }
    }
    loosened
}

/// Windows files carry ACLs, not modes: the user's profile folder already keeps them private.
#[cfg(not(unix))]
pub fn tighten(_path: &Path) -> Option<u32> {
    None
}

/// Makes a finished rename or link durable: the folder's entry is written, not only the file.
pub fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder(path)) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A `.partial` file this process created and holds until it is published or removed.
#[derive(Debug)]
pub struct Partial {
    path: PathBuf,
    file: File,
}

/// What came of claiming a partial file's name.
#[derive(Debug)]
pub enum Claim {
    Mine(Partial),
    /// A live process is writing this copy (or clearing an abandoned one away).
    Busy,
}

/// Creates `path` for a copy and takes hold of it. An abandoned partial at the name is
/// cleared away first; one that a live process holds is left to it.
pub fn claim(path: &Path) -> io::Result<Claim> {
    for _ in 0..2 {
        match create_new_private(path) {
            // Whoever holds the file owns it: another process may have taken hold of it the
            // moment it was created, to clear it away as abandoned.
            Ok(file) => {
                return Ok(if hold(&file) && still_named(&file, path) {
                    Claim::Mine(Partial {
                        path: path.to_path_buf(),
                        file,
                    })
                } else {
                    Claim::Busy
                });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if !clear_if_abandoned(path)? {
                    return Ok(Claim::Busy);
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Claim::Busy)
}

impl Partial {
    /// Where the copy is being written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the finished copy to the disk.
    pub fn sync(&self) -> io::Result<()> {
        self.file.sync_all()
    }

    /// Gives the copy the first of `names` that is free, in one step that never replaces a
    /// file: a hard link that fails when the name exists, then the partial name goes. Where
    /// the file system has no hard links, a rename to a name seen free. `None` when every name
    /// was taken (the partial is removed).
    pub fn publish(self, names: impl IntoIterator<Item = PathBuf>) -> io::Result<Option<PathBuf>> {
        let mut published = None;
        for name in names {
            match fs::hard_link(&self.path, &name) {
                Ok(()) => {
                    published = Some(name);
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(_) if fs::symlink_metadata(&name).is_ok() => {}
                Err(_) => {
                    // Windows moves without replacing; elsewhere (no hard links: FAT, some
                    // shares) a rename to the name just seen free.
                    let rename = || {
                        if cfg!(windows) {
                            platform::rename_new(&self.path, &name)
                        } else {
                            fs::rename(&self.path, &name)
                        }
                    };
                    platform::retry_while_shared(&name, rename)?;
                    sync_folder(&name);
                    return Ok(Some(name));
                }
            }
        }
        let Partial { path, file } = self;
        drop(file);
        remove_with_side_files(&path);
        if let Some(name) = &published {
            sync_folder(name);
        }
        Ok(published)
    }

    /// Removes the unfinished copy and any journal SQLite left beside it.
    pub fn discard(self) {
        let Partial { path, file } = self;
        drop(file);
        remove_with_side_files(&path);
    }
}

/// Removes a file and the journal files SQLite may have left beside it. On Windows a copy just
/// written may be held a moment by an antivirus scanning it: its removal waits for that.
fn remove_with_side_files(path: &Path) {
    let _ = platform::retry_while_shared(path, || fs::remove_file(path));
    for side in SIDE_FILES {
        let _ = fs::remove_file(with_suffix(path, side));
    }
}

/// Removes the `.partial` copies of `data` that no live process holds (or that are stale), and
/// their journal files. Returns how many were removed.
pub fn clear_abandoned_partials(data: &Path) -> usize {
    let Some(name) = data.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let prefix = format!("{name}.");
    let Ok(entries) = fs::read_dir(folder(data)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let path = entry.path();
        if rest.ends_with(PARTIAL) {
            if clear_if_abandoned(&path).unwrap_or(false) {
                removed += 1;
            }
        } else if let Some(side) = SIDE_FILES
            .iter()
            .find(|s| rest.ends_with(&format!("{PARTIAL}{s}")))
        {
            // A journal whose partial copy is gone: nothing can hold it once it is old.
            let main = path.to_string_lossy();
            let main = PathBuf::from(main.trim_end_matches(side));
            if fs::symlink_metadata(&main).is_err() && older_than(&path, STALE) {
                let _ = fs::remove_file(&path);
            }
        }
    }
    removed
}

/// Whether a file was last written longer ago than `age`.
fn older_than(path: &Path, age: Duration) -> bool {
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|d| d > age)
}

/// Takes hold of a file this process just created. On Unix an exclusive `flock`, which SQLite's
/// own (`fcntl`) locks do not disturb; a file system without `flock` falls back to the age rule.
/// Another process looking whether a stale partial is held holds it for a moment, so a few
/// tries are made before giving it up.
#[cfg(unix)]
fn hold(file: &File) -> bool {
    for _ in 0..20 {
        match file.try_lock() {
            Ok(()) | Err(fs::TryLockError::Error(_)) => return true,
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }
    false
}

/// On Windows a lock over the whole file would stop SQLite's own writes to it; a file SQLite
/// has open cannot be deleted there anyway, so the open handle is the hold.
#[cfg(not(unix))]
fn hold(_file: &File) -> bool {
    true
}

/// Whether `path` still names the file `file` was opened as (nobody removed or replaced it).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(held), Ok(named)) => (held.dev(), held.ino()) == (named.dev(), named.ino()),
        _ => false,
    }
}

/// On Windows a file that is open cannot be removed or replaced by another process.
#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}

/// Removes a partial copy when no live process holds it (and it is not a moment old), or when
/// it is stale. `true` when it is gone.
#[cfg(unix)]
fn clear_if_abandoned(path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::OpenOptionsExt;
    if fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
        return Ok(true);
    }
    // A partial a moment old is its process's, held or about to be: not even looked at.
    if !older_than(path, YOUNG) {
        return Ok(false);
    }
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        // A symlink or a file of someone else's at a partial's name: not ours to remove.
        Err(_) => return Ok(false),
    };
    let free = match file.try_lock() {
        Ok(()) => true,
        Err(fs::TryLockError::WouldBlock) => false,
        Err(fs::TryLockError::Error(_)) => false,
    };
    let abandoned = free || older_than(path, STALE);
    if !abandoned {
        return Ok(false);
    }
    // Still the same file at that name (not one another process created since)?
    if still_named(&file, path) {
        remove_with_side_files(path);
    }
    Ok(true)
}

/// Windows: a partial that SQLite has open cannot be removed; a recent one may be about to be
/// opened, so only a stale one is tried.
#[cfg(not(unix))]
fn clear_if_abandoned(path: &Path) -> io::Result<bool> {
    if !older_than(path, STALE) {
        return Ok(false);
    }
    Ok(fs::remove_file(path).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_looks_like_a_uri_stays_a_path() {
        assert_eq!(
            sqlite_path(Path::new("file:x.db?mode=memory")),
            Path::new("./file:x.db?mode=memory")
        );
        assert!(!sqlite_path(Path::new("file:x")).starts_with("file:"));
        let absolute = std::env::temp_dir().join("file:x");
        assert_eq!(sqlite_path(&absolute), absolute);
    }

    #[test]
    fn a_claimed_partial_is_busy_for_others_until_published() {
        let dir = tempfile::tempdir().expect("dir");
        let partial = dir.path().join("t.db.bak-1.partial");
        let Claim::Mine(mine) = claim(&partial).expect("claims") else {
            panic!("a free name is claimed");
        };
        assert!(matches!(claim(&partial).expect("asks"), Claim::Busy));
        assert_eq!(clear_abandoned_partials(&dir.path().join("t.db")), 0);
        let taken = dir.path().join("t.db.bak-1");
        fs::write(&taken, "someone's").expect("write");
        let published = mine
            .publish([taken.clone(), dir.path().join("t.db.bak-1-2")])
            .expect("publishes");
        assert_eq!(published, Some(dir.path().join("t.db.bak-1-2")));
        assert_eq!(
            fs::read(&taken).expect("read"),
            b"someone's",
            "never replaced"
        );
        assert!(!partial.exists());
    }

    #[cfg(unix)]
    #[test]
    fn an_abandoned_partial_is_cleared_and_a_symlink_is_never_followed() {
        let dir = tempfile::tempdir().expect("dir");
        let data = dir.path().join("t.db");
        let partial = dir.path().join("t.db.bak-2026-11-01.partial");
        fs::write(&partial, "half").expect("write");
        fs::write(with_suffix(&partial, "-journal"), "j").expect("write");
        assert_eq!(
            clear_abandoned_partials(&data),
            0,
            "a moment old: its process may be about to take hold of it"
        );
        File::options()
            .write(true)
            .open(&partial)
            .and_then(|f| f.set_modified(SystemTime::now() - YOUNG * 2))
            .expect("age it");
        assert_eq!(clear_abandoned_partials(&data), 1);
        assert!(!partial.exists() && !with_suffix(&partial, "-journal").exists());

        let victim = dir.path().join("other.db");
        fs::write(&victim, "theirs").expect("write");
        std::os::unix::fs::symlink(&victim, dir.path().join("t.db.bak-v4")).expect("link");
        assert!(create_new_private(&dir.path().join("t.db.bak-v4")).is_err());
        assert_eq!(fs::read(&victim).expect("read"), b"theirs");
    }
}
