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
    /// What that file looked like when the editor last read or saved it:
    /// a restored copy saved over a file changed since asks first.
    pub original_stamp: Option<FileStamp>,
    /// When the copy was written.
    pub written_at: SystemTime,
    /// The start of the document's title, to show in the restore prompt.
    pub title: String,
    path: PathBuf,
}

/// The most characters of a title the copy's header keeps (the document
/// after it holds the whole title).
const HEADER_TITLE_CHARS: usize = 200;

#[derive(Serialize, Deserialize)]
struct CopyHeader {
    /// A path as the system has it: text, or its bytes where it is not
    /// UTF-8 (a copy of `caf\xe9.servuction` was not written before).
    #[serde(default, with = "stored_path::option")]
    original: Option<PathBuf>,
    #[serde(default)]
    original_stamp: Option<FileStamp>,
    written_at_ms: u64,
    title: String,
}

/// Paths stored in JSON as text, or as their bytes where they are not
/// UTF-8 (Unix file names are bytes), so that every path can be kept.
pub mod stored_path {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::path::{Path, PathBuf};

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Text(String),
        Bytes(Vec<u8>),
    }

    fn to_stored(path: &Path) -> Stored {
        match path.to_str() {
            Some(text) => Stored::Text(text.to_owned()),
            None => {
                #[cfg(unix)]
                {
                    use std::os::unix::ffi::OsStrExt as _;
                    Stored::Bytes(path.as_os_str().as_bytes().to_vec())
                }
                #[cfg(not(unix))]
                {
                    Stored::Text(path.to_string_lossy().into_owned())
                }
            }
        }
    }

    fn from_stored(stored: Stored) -> PathBuf {
        match stored {
            Stored::Text(text) => PathBuf::from(text),
            Stored::Bytes(bytes) => {
                #[cfg(unix)]
                {
                    use std::os::unix::ffi::OsStringExt as _;
                    PathBuf::from(std::ffi::OsString::from_vec(bytes))
                }
                #[cfg(not(unix))]
                {
                    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
                }
            }
        }
    }

    /// For `Option<PathBuf>` fields.
    pub mod option {
        use super::*;
        pub fn serialize<S: Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
            p.as_deref().map(to_stored).serialize(s)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
            Ok(Option::<Stored>::deserialize(d)?.map(from_stored))
        }
    }

    /// For `Vec<PathBuf>` fields.
    pub mod vec {
        use super::*;
        pub fn serialize<S: Serializer>(p: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
            p.iter()
                .map(|p| to_stored(p))
                .collect::<Vec<_>>()
                .serialize(s)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
            Ok(Vec::<Stored>::deserialize(d)?
                .into_iter()
                .map(from_stored)
                .collect())
        }
    }
}

/// Why a recovery copy could not be written or read.
#[derive(Debug)]
pub enum RecoveryError {
    NoDataDir,
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Write(format::WriteError),
    /// The copy could not be read back as a document.
    Damaged(format::ReadError),
    /// Its header could not be written: the JSON writer's words.
    Header(String),
}

impl crate::i18n::Localized for RecoveryError {
    fn message(&self, lang: crate::model::Language) -> String {
        use crate::i18n::ErrMsg;
        match self {
            RecoveryError::NoDataDir => ErrMsg::RecoveryNoDataDir.text(lang).to_owned(),
            RecoveryError::Io { path, source } => ErrMsg::RecoveryIo.fill(
                lang,
                &[&path.display(), &crate::i18n::io_message(source, lang)],
            ),
            RecoveryError::Write(e) => e.message(lang),
            RecoveryError::Damaged(e) => ErrMsg::RecoveryDamaged.fill(lang, &[&e.message(lang)]),
            RecoveryError::Header(detail) => ErrMsg::RecoveryHeader.fill(lang, &[detail]),
        }
    }
}

impl std::fmt::Display for RecoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::Localized;
        f.write_str(&self.message(crate::model::Language::En))
    }
}

impl std::error::Error for RecoveryError {}

impl From<format::WriteError> for RecoveryError {
    fn from(e: format::WriteError) -> Self {
        RecoveryError::Write(e)
    }
}

/// How long discarded copies are kept before they are deleted for good.
pub const DISCARDED_DAYS: u64 = 7;

/// A running editor's hold on its key: while it lives, other editors do not
/// offer its copy as a crash's. Its lock file goes when it is dropped (the
/// editor ends cleanly); a killed editor's is pruned when copies are listed.
#[derive(Debug)]
pub struct Claim {
    lock: Option<std::fs::File>,
    path: PathBuf,
}

impl Drop for Claim {
    fn drop(&mut self) {
        // Unlocked (closed) first, then removed.
        drop(self.lock.take());
        let _ = std::fs::remove_file(&self.path);
    }
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
        Ok(Claim {
            lock: Some(file),
            path: self.lock_of(key),
        })
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

    /// Sets a running editor's own copy aside (its user discarded the work).
    pub fn set_aside_key(&self, key: &str) {
        let path = self.path_of(key);
        if path.exists() {
            self.move_aside(&path);
        }
        self.prune_discarded();
    }

    /// Sets a copy aside (kept for [`DISCARDED_DAYS`] days), and deletes
    /// copies set aside longer ago than that.
    pub fn set_aside(&self, entry: &RecoveryEntry) {
        self.move_aside(&entry.path);
        let _ = std::fs::remove_file(entry.path.with_extension("lock"));
        self.prune_discarded();
    }

    fn move_aside(&self, path: &Path) {
        let aside = self.discarded_dir();
        if std::fs::create_dir_all(&aside).is_ok()
            && let Some(name) = path.file_name()
        {
            // A copy set aside again under the same name does not replace
            // the earlier one.
            let mut to = aside.join(name);
            let mut n = 1;
            while to.exists() {
                to = aside.join(format!(
                    "{}-{n}.json",
                    path.file_stem().unwrap_or_default().to_string_lossy()
                ));
                n += 1;
            }
            // Kept for some days from now: pruning goes by the time it was
            // set aside, not by when it was written.
            if std::fs::rename(path, &to).is_ok()
                && let Ok(f) = std::fs::File::options().write(true).open(&to)
            {
                let _ = f.set_modified(SystemTime::now());
            }
        }
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
        self.write_stamped(key, original, None, blueprint)
    }

    /// [`Self::write`], with the stamp of the original file as the editor
    /// last read or saved it.
    pub fn write_stamped(
        &self,
        key: &str,
        original: Option<&Path>,
        original_stamp: Option<&FileStamp>,
        blueprint: &Blueprint,
    ) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| RecoveryError::Io {
            path: self.dir.clone(),
            source,
        })?;
        let header = CopyHeader {
            original: original.map(Path::to_path_buf),
            original_stamp: original_stamp.cloned(),
            written_at_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64),
            title: crate::shown::shown_line(&blueprint.title, HEADER_TITLE_CHARS).into_owned(),
        };
        // The first line is the header; the rest is an ordinary document.
        let mut text =
            serde_json::to_string(&header).map_err(|e| RecoveryError::Header(e.to_string()))?;
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
        let paths: Vec<PathBuf> = read.filter_map(Result::ok).map(|e| e.path()).collect();
        self.prune_locks(&paths);
        let mut entries: Vec<_> = paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| !self.is_live(p))
            .filter_map(|path| {
                let header = read_header(&path)?;
                Some(RecoveryEntry {
                    key: path.file_stem()?.to_string_lossy().into_owned(),
                    original: header.original,
                    original_stamp: header.original_stamp,
                    written_at: UNIX_EPOCH + Duration::from_millis(header.written_at_ms),
                    title: header.title,
                    path,
                })
            })
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.written_at));
        entries
    }

    /// Removes the lock files of editors that are gone and left no copy
    /// (one was left by every run before).
    fn prune_locks(&self, paths: &[PathBuf]) {
        for lock in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "lock"))
        {
            let copy = lock.with_extension("json");
            if !copy.exists() && !self.is_live(&copy) {
                let _ = std::fs::remove_file(lock);
            }
        }
    }

    /// The document of a recovery copy.
    pub fn load(&self, entry: &RecoveryEntry) -> Result<Blueprint, RecoveryError> {
        // Never more than a document and its header (a copy is ours, but
        // the folder is the user's: a huge file there is refused).
        let bytes = format::read_limited(&entry.path, format::MAX_DOCUMENT_BYTES + 64 * 1024)
            .map_err(RecoveryError::Damaged)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
            RecoveryError::Damaged(format::ReadError::Invalid(vec![format::Diagnostic {
                position: Some(format::Position::of_offset(&text, offset)),
                path: None,
                message: crate::i18n::ErrMsg::NotUtf8.into(),
            }]))
        })?;
        let body = text.split_once('\n').map_or("", |(_, b)| b);
        format::from_str(body).map_err(RecoveryError::Damaged)
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

/// A copy's header: its first line, read alone (a copy may be large).
fn read_header(path: &Path) -> Option<CopyHeader> {
    use std::io::BufRead as _;
    let file = std::fs::File::open(path).ok()?;
    let mut line = String::new();
    // A header is small: a title of 200 chars, a path, a stamp.
    std::io::Read::take(std::io::BufReader::new(file), 64 * 1024)
        .read_line(&mut line)
        .ok()?;
    serde_json::from_str(line.trim_end()).ok()
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
    content: u64,
}

impl FileStamp {
    /// The stamp of a file now, or `None` if it does not exist.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > format::MAX_DOCUMENT_BYTES {
            return Some(Self {
                modified: meta.modified().ok(),
                len: meta.len(),
                content: 0,
            });
        }
        let bytes = std::fs::read(path).ok()?;
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
            // CRC-32: the same in every build (a stamp kept in a recovery
            // copy is compared by the next version of the editor too).
            content: u64::from(crc32fast::hash(&bytes)),
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
#[path = "recovery_tests.rs"]
mod tests;
