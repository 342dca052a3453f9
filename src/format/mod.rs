//! The file format: a versioned JSON envelope around a [`Blueprint`].
//!
//! ```json
//! { "format": "servuction", "version": 8, "blueprint": { ... } }
//! ```
//!
//! Reading validates everything and reports each problem with its place in the
//! file; older versions are migrated; writing is deterministic and saving is
//! atomic. See `docs/file-format.md`.

mod errors;
mod json_error;
mod locate;
mod migrate;
pub mod pdf;
pub mod png;
pub mod svg;

pub use errors::{DiagMsg, Diagnostic, NotServuction, ReadError, WriteError};
pub use json_error::{Expected, Found, JsonError};
pub use locate::{Position, locate};

use crate::model::{Blueprint, DocPath, PathSeg};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The value of the `format` field of every Servuction file.
pub const FORMAT_NAME: &str = "servuction";
/// The version this build writes.
pub const CURRENT_VERSION: u32 = 8;
/// The first version whose fail points are objects with content; an older
/// file that marks fail points (`"fail_point": true`) is migrated.
const FAIL_POINT_CONTENT_SINCE: u32 = 6;

/// The oldest version whose files have the current shape (each later version
/// only added optional fields), read directly with positions.
const SAME_SHAPE_SINCE: u64 = 2;
/// The extension documents are saved with (JSON inside; `.json` is read and
/// written the same way).
pub const EXTENSION: &str = "servuction";
/// The keyword of the PNG `iTXt` chunk that carries a blueprint.
pub const PNG_KEYWORD: &str = "servuction";
/// The largest document text: a JSON file larger than this, or a PNG that
/// carries one, is refused before it is read, and no writer writes one.
/// (A PNG's pixels do not count: they are never read.)
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How much larger than its file a document can be once Servuction writes it
/// compactly (written defaults, numbers such as `1e15` spelled out: a
/// record made to grow most, an improvement action with its status written
/// out, 1.65 times; a loose note 1.6: see
/// tests/hostile.rs). A file larger than
/// `MAX_FILE_BYTES / MAX_REWRITE_GROWTH` is measured as written when it is
/// read, so that whatever opens can be saved; smaller ones (a 50,000-
/// touchpoint document is 26 MB) need no such pass.
pub const MAX_REWRITE_GROWTH: u64 = 2;
/// The most text a blueprint's photos take in a file: their bytes
/// ([`limits::PHOTOS_TOTAL_BYTES`]) in base64, four characters for three
/// bytes.
///
/// [`limits::PHOTOS_TOTAL_BYTES`]: crate::model::limits::PHOTOS_TOTAL_BYTES
pub const MAX_PHOTO_TEXT_BYTES: u64 =
    (crate::model::limits::PHOTOS_TOTAL_BYTES as u64).div_ceil(3) * 4;
/// The largest document file (JSON, or the document inside a PNG, SVG or
/// PDF): [`MAX_FILE_BYTES`] of document, and its photos' text
/// ([`MAX_PHOTO_TEXT_BYTES`]). A document's own limit is
/// [`MAX_FILE_BYTES`] plus the text of the photos it holds
/// ([`write_limit`]).
pub const MAX_DOCUMENT_BYTES: u64 = MAX_FILE_BYTES + MAX_PHOTO_TEXT_BYTES;
/// The largest exported SVG or PDF read for the document it carries: the
/// picture beside the document, its photos drawn once besides.
pub const MAX_EXPORT_BYTES: u64 = 4 * MAX_FILE_BYTES + 2 * MAX_PHOTO_TEXT_BYTES;
// An export holds its document and the photos' pictures once more.
const _: () = assert!(MAX_EXPORT_BYTES >= MAX_DOCUMENT_BYTES + MAX_PHOTO_TEXT_BYTES);

/// The text the photos a blueprint writes take in its file: base64 of
/// their bytes (the photos no touchpoint shows are not written).
pub fn photo_text_bytes(blueprint: &Blueprint) -> u64 {
    written_photos(blueprint)
        .map(|p| (p.data.bytes().len() as u64).div_ceil(3) * 4)
        .sum()
}

/// The largest file text of `blueprint`: [`MAX_FILE_BYTES`], and the text
/// of its photos.
pub fn write_limit(blueprint: &Blueprint) -> u64 {
    MAX_FILE_BYTES + photo_text_bytes(blueprint)
}

/// The stored photos that are written: those a touchpoint shows, or a
/// merge conflict's value would ([`crate::model::photos_needed`]). A photo
/// no card shows any more (removed, and kept meanwhile for undo) is
/// dropped when the document is written.
fn written_photos(blueprint: &Blueprint) -> impl Iterator<Item = &crate::model::Photo> {
    let used = crate::model::photos_needed(&blueprint.touchpoints, &blueprint.conflicts);
    blueprint
        .photos
        .iter()
        .filter(move |p| used.contains(p.id.as_str()))
}

/// The file as it is written: format name, version and the blueprint.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Servuction blueprint file")]
struct Envelope {
    /// Always `servuction`.
    format: String,
    /// The version of the file format.
    version: u32,
    blueprint: Blueprint,
}

fn diag(text: Option<&str>, path: DocPath, message: DiagMsg) -> Diagnostic {
    Diagnostic {
        position: text.and_then(|t| locate(t, &path)),
        path: Some(path.to_string()),
        message,
    }
}

/// What a file says of itself before its document: whether it is a JSON
/// object, and its `format` and `version` fields (the last of each, as a
/// JSON object keeps). Every other value is checked as JSON and skipped.
enum Head {
    NotObject,
    Object {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    },
}

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct HeadVisitor;
        impl<'de> Visitor<'de> for HeadVisitor {
            type Value = Head;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
                let (mut format, mut version) = (None, None);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "format" => format = Some(map.next_value()?),
                        "version" => version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Head::Object { format, version })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Head, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Head::NotObject)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
            fn visit_str<E>(self, _: &str) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
            fn visit_unit<E>(self) -> Result<Head, E> {
                Ok(Head::NotObject)
            }
        }
        d.deserialize_any(HeadVisitor)
    }
}

/// Reads a blueprint from the text of a file.
pub fn from_str(text: &str) -> Result<Blueprint, ReadError> {
    if text.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(ReadError::TooLarge {
            size: text.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    // The fields that say what the file is, read before the document: the
    // rest is checked as JSON but not built, so that a file is built once.
    let head: Head = serde_json::from_str(text).map_err(syntax_error)?;
    let root = DocPath::root();
    let Head::Object { format, version } = head else {
        return Err(ReadError::NotServuction(NotServuction::NotObject));
    };
    match format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(ReadError::NotServuction(NotServuction::OtherFormat(
                other.to_owned(),
            )));
        }
        None => {
            return Err(ReadError::NotServuction(NotServuction::NoFormat));
        }
    }
    let version = match version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v >= 1 => v,
        _ => {
            return Err(ReadError::Invalid(vec![diag(
                Some(text),
                root.key("version"),
                crate::i18n::ErrMsg::VersionNotWhole.into(),
            )]));
        }
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(ReadError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }

    // An older file that marks no fail point has the current shape, and is
    // read with positions; one that does is migrated.
    let same_shape = version >= SAME_SHAPE_SINCE
        && (version >= u64::from(FAIL_POINT_CONTENT_SINCE) || !text.contains("\"fail_point\""));
    let (envelope, positions): (Envelope, Option<&str>) = if same_shape {
        let mut de = serde_json::Deserializer::from_str(text);
        let envelope = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = to_doc_path(e.path());
            let inner = e.into_inner();
            ReadError::Invalid(vec![Diagnostic {
                position: Some(Position {
                    line: inner.line(),
                    column: inner.column(),
                }),
                path: Some(path.to_string()),
                message: DiagMsg::Json(JsonError::of(&inner)),
            }])
        })?;
        (envelope, Some(text))
    } else {
        // An older shape is migrated as a JSON tree, built for it alone.
        let value: serde_json::Value = serde_json::from_str(text).map_err(syntax_error)?;
        let migrated = migrate::to_current(value, version as u32)
            .map_err(|d| ReadError::Invalid(vec![diag(Some(text), d.0, d.1)]))?;
        let envelope = serde_path_to_error::deserialize(migrated).map_err(|e| {
            let path = to_doc_path(e.path());
            let error = JsonError::of(&e.into_inner());
            ReadError::Invalid(vec![Diagnostic {
                position: None,
                path: Some(path.to_string()),
                message: DiagMsg::Migrated { error, version },
            }])
        })?;
        // Paths of a migrated document do not match the text of the file.
        (envelope, None)
    };

    let problems = envelope.blueprint.problems();
    if !problems.is_empty() {
        let blueprint = root.key("blueprint");
        return Err(ReadError::Invalid(
            problems
                .into_iter()
                .map(|p| {
                    diag(
                        positions,
                        p.path.under(&blueprint),
                        DiagMsg::Integrity(p.error),
                    )
                })
                .collect(),
        ));
    }
    // Whatever opens can be saved: a large file is measured as the writer
    // would write it (compactly, at the least), without building the text.
    // Photos are written as they were read (base64 has one spelling).
    let limit = write_limit(&envelope.blueprint);
    if text.len() as u64 > MAX_FILE_BYTES / MAX_REWRITE_GROWTH + (limit - MAX_FILE_BYTES)
        && written_size(&envelope.blueprint, false, limit).is_none()
    {
        return Err(ReadError::WouldNotSave { limit });
    }
    Ok(envelope.blueprint)
}

/// A file that is not JSON, where it stops being JSON.
fn syntax_error(e: serde_json::Error) -> ReadError {
    ReadError::Invalid(vec![Diagnostic {
        position: Some(Position {
            line: e.line(),
            column: e.column(),
        }),
        path: None,
        message: DiagMsg::Json(JsonError::of(&e)),
    }])
}

fn to_doc_path(path: &serde_path_to_error::Path) -> DocPath {
    use serde_path_to_error::Segment;
    DocPath(
        path.iter()
            .filter_map(|seg| match seg {
                Segment::Seq { index } => Some(PathSeg::Index(*index)),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    Some(PathSeg::Key(key.clone()))
                }
                Segment::Unknown => None,
            })
            .collect(),
    )
}

/// The bytes of a regular file of at most `limit` bytes: a device
/// (`/dev/zero`), a pipe or a folder is refused before it is opened (a
/// pipe would block), a larger file before it is read, and never more than
/// `limit + 1` bytes are read of a file that grows meanwhile.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a blueprint from a file: a JSON document, or a PNG exported by
/// Servuction with the document embedded. Only regular files are read, and
/// never more than the document limit of them (a PNG: its chunks up to the
/// image data).
pub fn read(path: &Path) -> Result<Blueprint, ReadError> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    let mut file = std::fs::File::open(path)?;
    let mut head = [0u8; 8];
    let n = file.read(&mut head)?;
    if head[..n] == png::SIGNATURE[..] {
        use std::io::Seek as _;
        file.rewind()?;
        let text = png::embedded_document_from(std::io::BufReader::new(file))?;
        return from_str(&text);
    }
    // An exported SVG or PDF holds the picture beside the document: it may
    // be larger than a document (the document inside is checked itself).
    let is_export = head[..n].starts_with(pdf::SIGNATURE)
        || svg::looks_like(&String::from_utf8_lossy(&head[..n]))
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let limit = if is_export {
        MAX_EXPORT_BYTES
    } else {
        MAX_DOCUMENT_BYTES
    };
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = head[..n].to_vec();
    // The file may grow while it is read: never more than the limit.
    (&mut file)
        .take(limit + 1 - n as u64)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if bytes.starts_with(pdf::SIGNATURE) {
        return from_str(&pdf::embedded_document(bytes)?);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
        ReadError::Invalid(vec![Diagnostic {
            position: Some(Position::of_offset(&text, offset)),
            path: None,
            message: crate::i18n::ErrMsg::NotUtf8.into(),
        }])
    })?;
    if svg::looks_like(&text) {
        return from_str(&svg::embedded_document(&text)?);
    }
    from_str(&text)
}

/// Whether a file is an exported picture that carries a document (PNG, SVG
/// or PDF), by its extension or its first bytes: writing a document over
/// it would lose the picture, so it is opened as an import and never saved
/// over.
pub fn is_export(path: &Path) -> bool {
    use std::io::Read as _;
    let by_name = path.extension().is_some_and(|e| {
        ["png", "svg", "pdf"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    by_name
        || head.starts_with(png::SIGNATURE)
        || head.starts_with(pdf::SIGNATURE)
        || svg::looks_like(&String::from_utf8_lossy(head))
}

/// The file as the writer writes it.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    format: &'a str,
    version: u32,
    blueprint: &'a Blueprint,
}

impl<'a> EnvelopeRef<'a> {
    fn of(blueprint: &'a Blueprint) -> Self {
        Self {
            format: FORMAT_NAME,
            version: CURRENT_VERSION,
            blueprint,
        }
    }
}

/// A writer that keeps (or, without `keep`, only counts) at most `limit`
/// bytes and fails past them, so that an oversized text stops early.
struct Capped {
    bytes: Vec<u8>,
    count: u64,
    limit: u64,
    keep: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.count += buf.len() as u64;
        if self.count > self.limit {
            return Err(std::io::Error::other("over the limit"));
        }
        if self.keep {
            self.bytes.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The file text of `blueprint` with its final newline, pretty-printed or
/// compact, if it is at most `limit` bytes; built (`keep`) or only
/// measured. Its size either way.
fn write_within(
    blueprint: &Blueprint,
    pretty: bool,
    limit: u64,
    keep: bool,
) -> Option<(u64, Vec<u8>)> {
    let mut out = Capped {
        bytes: Vec::new(),
        count: 0,
        // Room for the final newline.
        limit: limit.saturating_sub(1),
        keep,
    };
    let envelope = EnvelopeRef::of(blueprint);
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, &envelope)
    } else {
        serde_json::to_writer(&mut out, &envelope)
    };
    // Plain data with string keys serialises: an error is the limit.
    written.ok()?;
    out.bytes.push(b'\n');
    Some((out.count + 1, out.bytes))
}

/// The size of the file text of `blueprint` (pretty or compact) if it is at
/// most `limit` bytes, measured without building it.
fn written_size(blueprint: &Blueprint, pretty: bool, limit: u64) -> Option<u64> {
    write_within(blueprint, pretty, limit, false).map(|(size, _)| size)
}

/// The file text of a blueprint: pretty-printed JSON with a final newline
/// when that is within [`MAX_FILE_BYTES`], else the same JSON compact (a
/// million measured values take 85 MB pretty, 40 MB compact). The same
/// document always gives the same bytes. A document that is over the limit
/// even compact is refused ([`WriteError::TooLarge`]); no document that
/// opened is (see [`from_str`]).
pub fn to_string(blueprint: &Blueprint) -> Result<String, WriteError> {
    let problems = blueprint.problems();
    if !problems.is_empty() {
        return Err(WriteError::Invalid(problems));
    }
    // Photos no touchpoint shows are not written (a copy without them is
    // made only when there are some).
    let unused = written_photos(blueprint).count() < blueprint.photos.len();
    let trimmed;
    let blueprint = if unused {
        let mut copy = blueprint.clone();
        let keep: Vec<_> = written_photos(blueprint).cloned().collect();
        copy.photos = keep;
        trimmed = copy;
        &trimmed
    } else {
        blueprint
    };
    let limit = write_limit(blueprint);
    let Some((_, bytes)) = write_within(blueprint, true, limit, true)
        .or_else(|| write_within(blueprint, false, limit, true))
    else {
        return Err(WriteError::TooLarge {
            size: written_size(blueprint, false, u64::MAX).unwrap_or(u64::MAX),
            limit,
        });
    };
    // serde_json writes UTF-8.
    String::from_utf8(bytes).map_err(|e| WriteError::Io {
        path: PathBuf::new(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is
/// written, flushed and synced, then renamed over `path`. A failure at any
/// point leaves `path` as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    PreparedWrite::new(path, bytes)?.commit()
}

/// The first half of an atomic write: the new bytes written and synced in a
/// temporary file beside `path`, which is not touched until [`Self::commit`]
/// (dropped uncommitted, the temporary file goes and nothing changed).
pub struct PreparedWrite {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
}

/// The names of our temporary files: `.servuction-XXXXXX.tmp`, six letters
/// or digits chosen at random.
const TMP_PREFIX: &str = ".servuction-";
const TMP_SUFFIX: &str = ".tmp";
const TMP_RANDOM_CHARS: usize = 6;

/// How old a temporary file of ours must be to be taken for one an
/// interrupted save left behind (a save in progress rewrites its file within
/// seconds).
pub const STALE_TMP_AGE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Whether a file name is one of our temporary files'.
fn is_our_temporary(name: &str) -> bool {
    name.strip_prefix(TMP_PREFIX)
        .and_then(|n| n.strip_suffix(TMP_SUFFIX))
        .is_some_and(|r| {
            r.len() == TMP_RANDOM_CHARS && r.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files that saves killed in `dir` left behind: only
/// regular files named as ours, unchanged for [`STALE_TMP_AGE`]. Best effort
/// (a file that cannot be removed stays), and bounded: a huge folder is not
/// read past its first 100,000 entries.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.take(100_000).flatten() {
        if !entry.file_name().to_str().is_some_and(is_our_temporary) {
            continue;
        }
        // Not followed through a link: the entry itself must be a file.
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TMP_AGE);
        if meta.is_file() && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl PreparedWrite {
    /// Writes `bytes` beside `path`; first removes the temporary files that
    /// interrupted saves left in that folder ([`STALE_TMP_AGE`]).
    pub fn new(path: &Path, bytes: &[u8]) -> Result<Self, WriteError> {
        let io = |source| WriteError::Io {
            path: path.to_owned(),
            source,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        remove_stale_temporaries(dir);
        let mut tmp = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .rand_bytes(TMP_RANDOM_CHARS)
            .tempfile_in(dir)
            .map_err(io)?;
        tmp.write_all(bytes).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        // Keep the permissions of a file we replace; a new file gets the usual
        // read-write for its owner, read for others (the temporary file is private).
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = tmp.as_file().set_permissions(meta.permissions());
        } else {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
        Ok(Self {
            tmp,
            path: path.to_owned(),
        })
    }

    /// Renames the new bytes over the file, and syncs its folder.
    pub fn commit(self) -> Result<(), WriteError> {
        let path = self.path;
        self.tmp.persist(&path).map_err(|e| WriteError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        #[cfg(unix)]
        if let Some(dir) = path.parent()
            && let Ok(d) = std::fs::File::open(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Saves a blueprint to a JSON file, atomically.
pub fn save(path: &Path, blueprint: &Blueprint) -> Result<(), WriteError> {
    let text = to_string(blueprint)?;
    write_atomic(path, text.as_bytes())
}

/// The JSON Schema of the file format, generated from the Rust types.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Envelope);
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.insert("format".into(), serde_json::json!({ "const": FORMAT_NAME }));
        props.insert(
            "version".into(),
            serde_json::json!({ "const": CURRENT_VERSION }),
        );
    }
    #[expect(clippy::expect_used, reason = "a JSON value always serialises")]
    let mut text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    text.push('\n');
    text
}
