//! Whether the data file lives on a network share. SQLite's WAL keeps its index in shared
//! memory, which only works among processes on one machine; on NFS or SMB two computers would
//! each believe they hold the file, and their edits would damage it. The question is behind a
//! probe so tests can answer it.

use std::path::Path;

/// What kind of file system holds a folder, as far as tassei needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileSystem {
    /// A disk of this computer (or a file system tassei cannot tell from one).
    Local,
    /// A network share, by the name a clerk would recognise (`NFS`, `SMB`, `CIFS`).
    Network(&'static str),
}

/// Answers which file system holds a folder.
pub trait Probe: Send + Sync {
    fn file_system(&self, folder: &Path) -> FileSystem;
}

/// The operating system's answer: `statfs` on Linux.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemProbe;

#[cfg(target_os = "linux")]
impl Probe for SystemProbe {
    fn file_system(&self, folder: &Path) -> FileSystem {
        match rustix::fs::statfs(folder) {
            // `f_type` is a C long: the magic numbers are 32 bits, sign-extended on some targets.
            Ok(stat) => from_magic(stat.f_type as u32),
            // A folder that is not there yet is created on whatever holds its parent; tassei
            // asks again on the next open, once it exists.
            Err(_) => FileSystem::Local,
        }
    }
}

/// Windows: a UNC path, or a drive Windows calls a network drive (see [`on_windows`]).
#[cfg(windows)]
impl Probe for SystemProbe {
    fn file_system(&self, folder: &Path) -> FileSystem {
        // The folder as Windows resolves it: a junction or link to `\\server\share` becomes
        // `\\?\UNC\server\share`. A folder not there yet is spelled absolute instead (the
        // current folder's, which may itself be a share).
        let full = std::fs::canonicalize(folder)
            .or_else(|_| std::path::absolute(folder))
            .unwrap_or_else(|_| folder.to_path_buf());
        on_windows(&full.to_string_lossy(), crate::platform::drive_is_remote)
    }
}

/// Elsewhere the answer is not known yet: macOS's `statfs` names the file system (`smbfs`,
/// `nfs`) and belongs here.
#[cfg(not(any(target_os = "linux", windows)))]
impl Probe for SystemProbe {
    fn file_system(&self, _folder: &Path) -> FileSystem {
        FileSystem::Local
    }
}

/// The file system a Windows path is on, by its spelling: a UNC path (`\\server\share\…`,
/// `\\?\UNC\server\share\…`, `//server/share/…`) is a network share; a path on a drive
/// (`Z:\…`, `\\?\Z:\…`) is on one when `remote` says that drive is a network drive (a mapped
/// drive: `GetDriveTypeW` says `DRIVE_REMOTE`); anything else (a device path such as
/// `\\?\Volume{…}\`, a relative path) counts as local. Both kinds are named SMB, what Windows
/// shares and maps drives with (a WebDAV drive is the rare exception). Plain string logic, so it
/// is tested anywhere: `std::path` reads Windows paths only on Windows.
pub fn on_windows(path: &str, remote: impl Fn(char) -> bool) -> FileSystem {
    let path = path.replace('/', "\\");
    let device = path
        .strip_prefix("\\\\?\\")
        .or_else(|| path.strip_prefix("\\\\.\\"));
    let on_drive = match device {
        Some(rest)
            if rest
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("UNC\\")) =>
        {
            return FileSystem::Network("SMB");
        }
        Some(rest) => rest,
        // `\\server\share`: a server's name follows the two backslashes.
        None if path.starts_with("\\\\") => {
            return if path.len() > 2 {
                FileSystem::Network("SMB")
            } else {
                FileSystem::Local
            };
        }
        None => path.as_str(),
    };
    let mut chars = on_drive.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), Some(':'))
            if letter.is_ascii_alphabetic() && remote(letter.to_ascii_uppercase()) =>
        {
            FileSystem::Network("SMB")
        }
        _ => FileSystem::Local,
    }
}

/// `statfs(2)`'s `f_type` of the network file systems (linux/magic.h and the kernel's smb and
/// cifs clients).
const NFS: u32 = 0x6969;
const SMB: u32 = 0x517B;
const SMB2: u32 = 0xFE53_4D42;
const CIFS: u32 = 0xFF53_4D42;
/// FUSE holds sshfs and GNOME's SMB browsing, but also ntfs-3g on local USB disks and
/// encrypted home folders; it cannot be told apart here, so it counts as local.
const FUSE: u32 = 0x6573_5546;

/// The file system a Linux `f_type` names.
pub fn from_magic(magic: u32) -> FileSystem {
    match magic {
        NFS => FileSystem::Network("NFS"),
        SMB | SMB2 => FileSystem::Network("SMB"),
        CIFS => FileSystem::Network("CIFS"),
        FUSE => FileSystem::Local,
        _ => FileSystem::Local,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_file_systems_are_told_by_their_magic_numbers() {
        assert_eq!(from_magic(0x6969), FileSystem::Network("NFS"));
        assert_eq!(from_magic(0x517B), FileSystem::Network("SMB"));
        assert_eq!(from_magic(0xFE53_4D42), FileSystem::Network("SMB"));
        assert_eq!(from_magic(0xFF53_4D42), FileSystem::Network("CIFS"));
        // ext4, tmpfs, btrfs, xfs, overlayfs, FUSE.
        for local in [
            0xEF53,
            0x0102_1994,
            0x9123_683E,
            0x5846_5342,
            0x794C_7630,
            0x6573_5546,
        ] {
            assert_eq!(from_magic(local), FileSystem::Local, "{local:#x}");
        }
    }

    #[test]
    fn windows_paths_on_a_share_are_told_by_their_spelling() {
        // Z: is a mapped network drive; C: and D: are this computer's disks.
        let remote = |letter: char| letter == 'Z';
        for share in [
            r"\\kikaku-sv\共有\達成\tassei.db",
            r"\\?\UNC\kikaku-sv\share\tassei.db",
            r"\\.\UNC\kikaku-sv\share",
            r"\\?\unc\kikaku-sv\share",
            "//kikaku-sv/share/tassei.db",
            r"Z:\計画 データ\tassei.db",
            r"z:\data",
            r"\\?\Z:\data\tassei.db",
            "Z:/data/tassei.db",
        ] {
            assert_eq!(
                on_windows(share, remote),
                FileSystem::Network("SMB"),
                "{share}"
            );
        }
        for local in [
            r"C:\Users\tanaka\AppData\Local\tassei\data",
            r"D:\計画 データ",
            r"\\?\C:\Users\tanaka\tassei.db",
            r"\\?\Volume{0b6e2a3c-0000-0000-0000-100000000000}\tassei.db",
            r"\\",
            "tassei.db",
            "",
            "ZZ:",
        ] {
            assert_eq!(on_windows(local, remote), FileSystem::Local, "{local}");
        }
        // Only the drive letter is asked about, in capitals.
        let asked = std::cell::RefCell::new(Vec::new());
        on_windows(r"c:\x", |l| {
            asked.borrow_mut().push(l);
            false
        });
        assert_eq!(*asked.borrow(), ['C']);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_temporary_folder_is_local() {
        assert_eq!(
            SystemProbe.file_system(&std::env::temp_dir()),
            FileSystem::Local
        );
    }
}
