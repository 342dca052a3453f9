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
/// that someone else changed it before we overwrite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl FileStamp {
    /// The stamp of a file now, or `None` if it does not exist.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// Saves over the user's file keeping its previous version as `NAME.bak`
/// beside it (replaced at each save), atomically.
pub fn save_with_backup(path: &Path, blueprint: &Blueprint) -> Result<(), format::WriteError> {
    let text = format::to_string(blueprint)?;
    if path.exists() {
        let mut backup = path.as_os_str().to_owned();
        backup.push(".bak");
        let old = std::fs::read(path).map_err(|source| format::WriteError::Io {
            path: path.to_owned(),
            source,
        })?;
        format::write_atomic(Path::new(&backup), &old)?;
    }
    format::write_atomic(path, text.as_bytes())
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
