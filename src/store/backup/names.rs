//! Which files beside a data file are tassei's copies of it: how a copy is named, how the
//! copies are listed oldest first, and which of them pruning keeps.

use std::fs;
use std::path::{Path, PathBuf};

use super::super::StoreError;
use super::super::files::{self, with_suffix};
use crate::platform::retry_while_shared;
use crate::strings::strings;

/// How many dated copies are kept unless configured otherwise (`TASSEI_KEEP_BACKUPS`).
pub const DEFAULT_KEEP: usize = 7;

/// The most copies kept of the newest day (hourly backups, restores tried one by one); of an
/// earlier day, its newest copy is kept.
pub const COPIES_PER_DAY: usize = 24;

/// How many names a copy tries (`-2`, `-3`, …) when several are made in the same second.
const NAMES: usize = 100;

/// `<file>.<kind>-<stamp>`, then `-2`, `-3`, … for copies made in the same second.
pub(super) fn names(data: &Path, kind: &str, stamp: &str) -> Vec<PathBuf> {
    numbered(data, &format!(".{kind}-{stamp}"), 1)
}

/// The names for a new dated copy made this second: after the highest number there already
/// is, never a lower one freed by pruning, or the newest copy would sort as the oldest and be
/// the next one pruned (seen when restores ran several times a second).
pub(super) fn fresh_names(data: &Path, kind: &str, stamp: &str) -> Vec<PathBuf> {
    let base = format!(".{kind}-{stamp}");
    let after = highest_number(data, &base);
    numbered(data, &base, after + 1)
}

/// `<file><base>` for 1, `<file><base>-n` for n, from `first`, [`NAMES`] of them.
fn numbered(data: &Path, base: &str, first: usize) -> Vec<PathBuf> {
    (first..first + NAMES)
        .map(|n| match n {
            1 => with_suffix(data, base),
            n => with_suffix(data, &format!("{base}-{n}")),
        })
        .collect()
}

/// The highest `n` of the published files named `<file><base>` (1) or `<file><base>-n`
/// beside `data`; 0 when there are none.
fn highest_number(data: &Path, base: &str) -> usize {
    let Some(stem) = data
        .file_name()
        .map(|n| format!("{}{base}", n.to_string_lossy()))
    else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(files::folder(data)) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&stem)?;
            match rest.strip_prefix('-') {
                None if rest.is_empty() => Some(1),
                Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
                _ => None,
            }
        })
        .max()
        .unwrap_or(0)
}

/// The names of the copy made before upgrading from `version`: `<file>.bak-v<N>`, then `-2`….
pub fn pre_upgrade_names(data: &Path, version: u32) -> Vec<PathBuf> {
    names(data, "bak", &format!("v{version}"))
}

/// A dated copy's stamp, `YYYY-MM-DD[THHMMSS][-n]`, as a key that sorts by time (`-10` after
/// `-9`); `None` for any other name.
pub(super) fn stamp_key(stamp: &str) -> Option<(String, String, u32)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date = stamp.get(..10)?;
    let d: Vec<&str> = date.split('-').collect();
    let shaped = d.len() == 3 && d[0].len() == 4 && d[1].len() == 2 && d[2].len() == 2;
    if !shaped || !d.iter().all(|p| digits(p)) {
        return None;
    }
    let rest = &stamp[10..];
    let (time, rest) = match rest.strip_prefix('T') {
        Some(t) => (t.get(..6)?, &t[6..]),
        None => ("", rest),
    };
    if !time.is_empty() && !digits(time) {
        return None;
    }
    let n = match rest.strip_prefix('-') {
        Some(n) if digits(n) => n.parse().ok()?,
        Some(_) => return None,
        None if rest.is_empty() => 1,
        None => return None,
    };
    Some((date.to_string(), time.to_string(), n))
}

/// tassei's dated copies of a data file, oldest first. Nothing else beside it counts: not a
/// copy's own copies, journals or partial files, nor another file's copies.
pub fn backups(data: &Path) -> Vec<PathBuf> {
    let Some(prefix) = data
        .file_name()
        .map(|n| format!("{}.bak-", n.to_string_lossy()))
    else {
        return vec![];
    };
    let Ok(entries) = fs::read_dir(files::folder(data)) else {
        return vec![];
    };
    let mut found: Vec<((String, String, u32), PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let key = stamp_key(name.strip_prefix(&prefix)?)?;
            Some((key, data.with_file_name(e.file_name())))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// Whether a data file is itself one of tassei's copies: it gets no daily copies of its own.
/// The data file a copy was made of, when `path` is named as tassei names its copies
/// (`<file>.bak-<stamp>`, `<file>.bak-v<N>`, `<file>.damaged-<stamp>`).
pub fn copy_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    if !is_copy(path) {
        return None;
    }
    let original = name
        .rsplit_once(".bak-")
        .or_else(|| name.rsplit_once(".damaged-"))?
        .0;
    Some(path.with_file_name(original))
}

pub(super) fn is_copy(data: &Path) -> bool {
    let Some(name) = data.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return false;
    };
    name.rsplit_once(".bak-").is_some_and(|(_, stamp)| {
        stamp_key(stamp).is_some()
            || stamp
                .strip_prefix('v')
                .is_some_and(|v| v.split('-').all(|p| p.parse::<u32>().is_ok()))
    }) || name
        .rsplit_once(".damaged-")
        .is_some_and(|(_, stamp)| stamp_key(stamp).is_some())
}

/// Prunes tassei's dated copies of `data` to the newest `keep` days (at least one): the newest
/// copy of each earlier day and up to [`COPIES_PER_DAY`] of the newest. Days, not copies: a day of
/// hourly `tassei backup`s or of restores tried one after another never pushes earlier days
/// out. A copy dated after `today` (a clock that once ran
/// ahead, a copy from another machine) counts as older than every other, so it can never make
/// the copy just made the oldest. Never removed: the `protected` files (the copy just made, a
/// restore's source), a copy open in another window (its `-wal`/`-shm` beside it), a copy
/// another process removed first.
pub(super) fn prune(
    data: &Path,
    keep: usize,
    today: &str,
    protected: &[&Path],
) -> Result<(), StoreError> {
    let protected: Vec<PathBuf> = protected
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();
    let Some(prefix) = data
        .file_name()
        .map(|n| format!("{}.bak-", n.to_string_lossy()))
    else {
        return Ok(());
    };
    // (future-dated?, date) orders days: a day after today sorts before every real day.
    let day_of = |copy: &Path| -> Option<(bool, String)> {
        let name = copy.file_name()?.to_string_lossy().into_owned();
        let (date, _, _) = stamp_key(name.strip_prefix(&prefix)?)?;
        Some((date.as_str() <= today, date))
    };
    let all = backups(data);
    let mut days: Vec<(bool, String)> = all.iter().filter_map(|c| day_of(c)).collect();
    days.sort();
    days.dedup();
    let kept_days = &days[days.len().saturating_sub(keep.max(1))..];
    // Of an earlier day the newest copy stays; of the newest day, the newest [`COPIES_PER_DAY`].
    let newest_day = kept_days.last();
    let mut seen_per_day: std::collections::HashMap<(bool, String), usize> =
        std::collections::HashMap::new();
    let mut keeps = vec![false; all.len()];
    for (k, copy) in all.iter().enumerate().rev() {
        let Some(day) = day_of(copy).filter(|d| kept_days.contains(d)) else {
            continue;
        };
        let room = if Some(&day) == newest_day {
            COPIES_PER_DAY
        } else {
            1
        };
        let seen = seen_per_day.entry(day).or_insert(0);
        keeps[k] = *seen < room;
        *seen += 1;
    }
    for (old, _) in all.iter().zip(&keeps).filter(|(_, kept)| !**kept) {
        let open_elsewhere = ["-wal", "-shm"]
            .iter()
            .any(|s| fs::symlink_metadata(with_suffix(old, s)).is_ok());
        let is_protected = fs::canonicalize(old)
            .ok()
            .is_some_and(|c| protected.contains(&c));
        if open_elsewhere || is_protected {
            continue;
        }
        // On Windows a backup tool or an antivirus reading the copy holds it a moment.
        match retry_while_shared(old, || fs::remove_file(old)) {
            Ok(()) => {}
            // Another tassei pruning at the same moment removed it first.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(StoreError::Backup((strings().errors.backup.cannot_remove)(
                    old, &e,
                )));
            }
        }
    }
    Ok(())
}

/// The day of a stamp, `YYYY-MM-DD`.
pub(super) fn stamp_day(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}
