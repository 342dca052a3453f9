//! Never lose a user's work: recovery copies of unsaved documents, written
//! atomically to the user's data folder, listed and restored after a crash.
//!
//! Each editor window has its own key; while its document has unsaved
//! changes it writes `<key>.json` here (at most every 30 s and when the
//! window loses focus). Saving or closing cleanly discards the copy, so what
//! is left after a start is work a crash or a kill would otherwise have lost.
//!
//! A copy belongs to its running editor: the editor holds an exclusive lock
//! on `<key>.lock` for as long as it runs (the system releases it when the
//! process ends, however it ends), and [`RecoveryStore::list`] offers only
//! copies whose editor is gone. A copy the user discards is kept for
//! [`DISCARDED_DAYS`] days in `discarded/`, in case it was the wrong one.

use crate::format;
use crate::model::Blueprint;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Where recovery copies are kept.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A recovery copy found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryEntry {
    /// The key of the window that wrote it.
    pub key: String,
    /// The user's own file the document came from, if it had one.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub written_at: SystemTime,
    /// The document's title, to show in the restore prompt.
    pub title: String,
    path: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct CopyHeader {
    original: Option<PathBuf>,
    written_at_ms: u64,
    title: String,
}

/// Why a recovery copy could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("no data folder is known for this user")]
    NoDataDir,
    #[error("cannot use the recovery folder {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] format::WriteError),
    #[error("the recovery copy is damaged: {0}")]
    Damaged(String),
}

/// How long discarded copies are kept before they are deleted for good.
pub const DISCARDED_DAYS: u64 = 7;

/// A running editor's hold on its key: while it lives, other editors do not
/// offer its copy as a crash's.
#[derive(Debug)]
pub struct Claim {
    _lock: std::fs::File,
}

impl RecoveryStore {
    /// Claims a key for this editor, for as long as the claim lives.
    pub fn claim(&self, key: &str) -> Result<Claim, RecoveryError> {
        let io = |source| RecoveryError::Io {
            path: self.dir.clone(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_of(key))
            .map_err(io)?;
        file.try_lock().map_err(|e| match e {
            std::fs::TryLockError::Error(e) => io(e),
            std::fs::TryLockError::WouldBlock => io(std::io::Error::other("the key is in use")),
        })?;
        Ok(Claim { _lock: file })
    }

    /// Whether the editor that wrote a key's copy still runs.
    fn is_live(&self, key_path: &Path) -> bool {
        let lock = key_path.with_extension("lock");
        match std::fs::OpenOptions::new().write(true).open(&lock) {
            // The lock is held: its editor runs.
            Ok(file) => matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock)),
            // No lock file: a copy from before locks, or its editor is gone.
            Err(_) => false,
        }
    }

    fn lock_of(&self, key: &str) -> PathBuf {
        self.path_of(key).with_extension("lock")
    }

    /// Where discarded copies are kept for a while.
    fn discarded_dir(&self) -> PathBuf {
        self.dir.join("discarded")
    }

    /// Sets a copy aside (kept for [`DISCARDED_DAYS`] days), and deletes
    /// copies set aside longer ago than that.
    pub fn set_aside(&self, entry: &RecoveryEntry) {
        let aside = self.discarded_dir();
        if std::fs::create_dir_all(&aside).is_ok()
            && let Some(name) = entry.path.file_name()
        {
            let _ = std::fs::rename(&entry.path, aside.join(name));
        }
        let _ = std::fs::remove_file(entry.path.with_extension("lock"));
        self.prune_discarded();
    }

    /// Copies set aside, newest first (to bring one back by hand).
    pub fn discarded(&self) -> Vec<RecoveryEntry> {
        RecoveryStore::at(self.discarded_dir()).list()
    }

    fn prune_discarded(&self) {
        let Ok(read) = std::fs::read_dir(self.discarded_dir()) else {
            return;
        };
        let keep = Duration::from_secs(DISCARDED_DAYS * 24 * 3600);
        for e in read.filter_map(Result::ok) {
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > keep);
            if old {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    /// The store in the user's data folder (e.g. `~/.local/share/servuction/recovery`).
    pub fn in_user_data_dir() -> Result<Self, RecoveryError> {
        let dirs = directories::ProjectDirs::from("org", "Servuction", "servuction")
            .ok_or(RecoveryError::NoDataDir)?;
        Ok(Self::at(dirs.data_dir().join("recovery")))
    }

    /// A store in a folder of the caller's choosing.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder of this store.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, key: &str) -> PathBuf {
        let safe: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("{safe}.json"))
    }

    /// Writes (atomically) the recovery copy of a window's document.
    pub fn write(
        &self,
        key: &str,
        original: Option<&Path>,
        blueprint: &Blueprint,
    ) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| RecoveryError::Io {
            path: self.dir.clone(),
            source,
        })?;
        let header = CopyHeader {
            original: original.map(Path::to_path_buf),
            written_at_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64),
            title: blueprint.title.clone(),
        };
        // The first line is the header; the rest is an ordinary document.
        let mut text =
            serde_json::to_string(&header).map_err(|e| RecoveryError::Damaged(e.to_string()))?;
        text.push('\n');
        text.push_str(&format::to_string(blueprint)?);
        format::write_atomic(&self.path_of(key), text.as_bytes())?;
        Ok(())
    }

    /// Every recovery copy in the store whose editor is gone, newest first.
    /// Damaged copies are left out (and left on disk for a person to look at).
    pub fn list(&self) -> Vec<RecoveryEntry> {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut entries: Vec<_> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| !self.is_live(p))
            .filter_map(|path| {
                let text = std::fs::read_to_string(&path).ok()?;
                let header: CopyHeader = serde_json::from_str(text.lines().next()?).ok()?;
                Some(RecoveryEntry {
                    key: path.file_stem()?.to_string_lossy().into_owned(),
                    original: header.original,
                    written_at: UNIX_EPOCH + Duration::from_millis(header.written_at_ms),
                    title: header.title,
                    path,
                })
            })
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.written_at));
        entries
    }

    /// The document of a recovery copy.
    pub fn load(&self, entry: &RecoveryEntry) -> Result<Blueprint, RecoveryError> {
        let text = std::fs::read_to_string(&entry.path).map_err(|source| RecoveryError::Io {
            path: entry.path.clone(),
            source,
        })?;
        let body = text.split_once('\n').map_or("", |(_, b)| b);
        format::from_str(body).map_err(|e| RecoveryError::Damaged(e.to_string()))
    }

    /// Removes a window's recovery copy, if there is one (its work is
    /// saved, or the window closed without keeping it).
    pub fn discard(&self, key: &str) {
        let _ = std::fs::remove_file(self.path_of(key));
    }

    /// Removes a copy found on disk, and the lock file of its dead editor.
    pub fn remove(&self, entry: &RecoveryEntry) {
        let _ = std::fs::remove_file(&entry.path);
        let _ = std::fs::remove_file(entry.path.with_extension("lock"));
    }
}

/// A fresh key for a window's recovery copies.
pub fn new_key() -> String {
    crate::model::TouchpointId::generate()
        .0
        .replacen("tp-", "window-", 1)
}

/// What a file on disk looked like when we last read or wrote it, to notice
/// that someone else changed it before we overwrite it: its time and size,
/// and a hash of its content (an edit of the same size with its time put
/// back is noticed too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
    content: u64,
}

impl FileStamp {
    /// The stamp of a file now, or `None` if it does not exist.
    pub fn of(path: &Path) -> Option<Self> {
        use std::hash::{Hash, Hasher};
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > format::MAX_FILE_BYTES {
            return Some(Self {
                modified: meta.modified().ok(),
                len: meta.len(),
                content: 0,
            });
        }
        let bytes = std::fs::read(path).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
            content: h.finish(),
        })
    }
}

#[cfg(test)]
thread_local! {
    /// Makes the next write of a save fail, as a full disk would.
    static FAIL_WRITE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The file a save writes: a symbolic link's target (the link stays a link,
/// and the target is replaced atomically in its own folder).
pub fn save_target(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_owned();
    }
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        // A dangling link: write where it points.
        match std::fs::read_link(path) {
            Ok(t) if t.is_absolute() => t,
            Ok(t) => path.parent().unwrap_or(Path::new(".")).join(t),
            Err(_) => path.to_owned(),
        }
    })
}

/// Saves over the user's file keeping its previous version as `NAME.bak`
/// beside it, atomically. The new version is written (beside the file, not
/// yet over it) before the backup is replaced, so a save that fails leaves
/// both as they were; a save that changes nothing touches neither (a second
/// Ctrl+S does not overwrite the backup with a copy of the file). Saving
/// through a symbolic link writes its target.
pub fn save_with_backup(path: &Path, blueprint: &Blueprint) -> Result<(), format::WriteError> {
    let text = format::to_string(blueprint)?;
    let target = save_target(path);
    let io = |source| format::WriteError::Io {
        path: target.clone(),
        source,
    };
    let old = match std::fs::read(&target) {
        Ok(old) => Some(old),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if old.as_deref() == Some(text.as_bytes()) {
        return Ok(());
    }
    #[cfg(test)]
    if FAIL_WRITE.with(|f| f.get()) {
        return Err(io(std::io::Error::other("no space left on the device")));
    }
    let new = format::PreparedWrite::new(&target, text.as_bytes())?;
    if let Some(old) = old {
        let mut backup = target.as_os_str().to_owned();
        backup.push(".bak");
        format::write_atomic(Path::new(&backup), &old)?;
    }
    new.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_written_listed_loaded_and_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("recovery"));
        assert!(store.list().is_empty());
        let mut bp = crate::templates::blank(crate::model::Language::Es);
        bp.title = "Taller".into();
        store
            .write("window-a", Some(Path::new("/tmp/taller.json")), &bp)
            .unwrap();
        store
            .write("window-b", None, &crate::templates::synthetic(3))
            .unwrap();
        std::fs::write(store.dir().join("junk.json"), "not a copy").unwrap();
        let entries = store.list();
        assert_eq!(entries.len(), 2);
        let a = entries.iter().find(|e| e.key == "window-a").unwrap();
        assert_eq!(a.title, "Taller");
        assert_eq!(a.original.as_deref(), Some(Path::new("/tmp/taller.json")));
        assert!(a.written_at <= SystemTime::now());
        assert_eq!(store.load(a).unwrap(), bp);
        store.discard("window-a");
        assert_eq!(store.list().len(), 1);
    }

    #[test]
    fn a_live_editors_copy_is_not_offered_and_a_discarded_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(dir.path().join("recovery"));
        let claim = store.claim("window-b").unwrap();
        assert!(store.claim("window-b").is_err(), "one editor per key");
        store
            .write("window-b", None, &crate::templates::synthetic(3))
            .unwrap();
        assert!(store.list().is_empty(), "window B still runs");
        drop(claim); // B is killed: the system releases its lock.
        let entries = store.list();
        assert_eq!(entries.len(), 1);
        store.set_aside(&entries[0]);
        assert!(store.list().is_empty());
        assert_eq!(store.discarded().len(), 1, "kept for some days");
        assert_eq!(
            store.load(&store.discarded()[0]).unwrap(),
            crate::templates::synthetic(3)
        );
    }

    use crate::testing::hotel;

    #[test]
    fn a_save_with_no_change_keeps_the_backup_of_a_colleagues_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stay.json");
        let bak = dir.path().join("stay.json.bak");
        let mine = hotel();
        save_with_backup(&path, &mine).unwrap();
        // A colleague saves their version; ours goes over it ("Save over it").
        let mut theirs = hotel();
        theirs.title = "Their version".into();
        format::save(&path, &theirs).unwrap();
        let mut edited = mine.clone();
        edited.title = "Mine, edited".into();
        save_with_backup(&path, &edited).unwrap();
        assert_eq!(format::read(&bak).unwrap(), theirs);
        // A second Ctrl+S with no change keeps their version in the backup.
        save_with_backup(&path, &edited).unwrap();
        assert_eq!(
            format::read(&bak).unwrap(),
            theirs,
            "the backup was overwritten"
        );
    }

    #[test]
    fn a_save_that_fails_leaves_the_file_and_its_backup_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stay.json");
        let bak = dir.path().join("stay.json.bak");
        let mut first = hotel();
        save_with_backup(&path, &first).unwrap();
        first.title = "Second".into();
        save_with_backup(&path, &first).unwrap();
        let (file_before, bak_before) =
            (std::fs::read(&path).unwrap(), std::fs::read(&bak).unwrap());
        first.title = "Third".into();
        FAIL_WRITE.with(|f| f.set(true));
        assert!(save_with_backup(&path, &first).is_err());
        FAIL_WRITE.with(|f| f.set(false));
        assert_eq!(std::fs::read(&path).unwrap(), file_before);
        assert_eq!(
            std::fs::read(&bak).unwrap(),
            bak_before,
            "the backup was replaced"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_document_opened_through_a_link_is_saved_to_its_target_and_the_link_stays() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        let target = shared.join("stay.json");
        let link = dir.path().join("stay.json");
        let first = hotel();
        format::save(&target, &first).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut edited = first.clone();
        edited.title = "Edited".into();
        save_with_backup(&link, &edited).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(format::read(&target).unwrap(), edited);
        assert_eq!(format::read(&shared.join("stay.json.bak")).unwrap(), first);
    }

    #[test]
    fn a_change_of_the_same_size_with_its_time_restored_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stay.json");
        let mut bp = hotel();
        bp.title = "Version A".into();
        format::save(&path, &bp).unwrap();
        let stamp = FileStamp::of(&path).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        bp.title = "Version B".into();
        format::save(&path, &bp).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert_ne!(
            FileStamp::of(&path),
            Some(stamp),
            "the change went unnoticed"
        );
    }

    #[test]
    fn saving_keeps_the_previous_version_as_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stay.json");
        let first = crate::templates::synthetic(2);
        save_with_backup(&path, &first).unwrap();
        assert!(!dir.path().join("stay.json.bak").exists());
        let stamp = FileStamp::of(&path).unwrap();
        let mut second = first.clone();
        second.title = "Second".into();
        save_with_backup(&path, &second).unwrap();
        assert_eq!(
            format::read(&dir.path().join("stay.json.bak")).unwrap(),
            first
        );
        assert_eq!(format::read(&path).unwrap(), second);
        assert_ne!(FileStamp::of(&path), Some(stamp));
    }
}
