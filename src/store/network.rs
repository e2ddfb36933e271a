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

/// Elsewhere the answer is not known yet: Windows drive types (`GetDriveTypeW` says
/// `DRIVE_REMOTE` for a mapped drive) and UNC paths (`\\server\share\…`) belong here, and
/// macOS's `statfs` names the file system (`smbfs`, `nfs`).
#[cfg(not(target_os = "linux"))]
impl Probe for SystemProbe {
    fn file_system(&self, _folder: &Path) -> FileSystem {
        FileSystem::Local
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

    #[cfg(target_os = "linux")]
    #[test]
    fn the_temporary_folder_is_local() {
        assert_eq!(
            SystemProbe.file_system(&std::env::temp_dir()),
            FileSystem::Local
        );
    }
}
