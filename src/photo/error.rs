//! Why a photo could not be added: the file, its image, or the room left
//! on the card and in the blueprint. Each in English and Spanish
//! ([`Localized`]); `Display` is the English text.

use crate::i18n::{ErrMsg, Localized, count, decimal, io_message};
use crate::model::Language;
use std::fmt;

/// Why bytes are not a photo, or a photo cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// The file is larger than a photo may be ([`super::MAX_FILE_BYTES`]).
    TooLarge { bytes: u64, limit: u64 },
    /// Not PNG, JPEG or WebP: what it is, where it is known ("GIF", "HEIC").
    Unsupported { format: Option<String> },
    /// Wider, taller or more pixels than decoding may hold: refused from
    /// the header, before any pixel is decoded.
    TooManyPixels { width: u32, height: u32 },
    /// The file is damaged or cut short, or a kind of its format the
    /// decoder does not read: the decoder's words.
    Corrupt(String),
    /// The photo could not be written again (should not happen).
    Encode(String),
    /// The touchpoint shows as many photos as it may already.
    TooManyOnTouchpoint { touchpoint: String, limit: usize },
    /// The blueprint stores as many photos as it may already.
    TooManyInBlueprint { limit: usize },
    /// The blueprint's photos would take more bytes than it may hold.
    BlueprintFull { bytes: u64, limit: u64 },
    /// No touchpoint has this id.
    NoTouchpoint(String),
    /// The file could not be read: its path, and the system's error.
    Io {
        path: String,
        kind: std::io::ErrorKind,
        text: String,
    },
    /// What is wrong with the photo in a file: its path, and why.
    InFile {
        path: String,
        error: Box<PhotoError>,
    },
}

impl PhotoError {
    /// This error, naming the file it came from.
    pub fn in_file(self, path: &std::path::Path) -> Self {
        match self {
            e @ (Self::InFile { .. } | Self::Io { .. }) => e,
            e => Self::InFile {
                path: path.display().to_string(),
                error: Box::new(e),
            },
        }
    }

    /// A failed read of the file at `path`.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

/// Bytes as megabytes (10⁶), with one decimal, as the language writes them.
fn megabytes(bytes: u64, lang: Language) -> String {
    decimal(bytes as f64 / 1e6, 1, lang)
}

impl Localized for PhotoError {
    fn message(&self, lang: Language) -> String {
        match self {
            Self::TooLarge { bytes, limit } => ErrMsg::PhotoFileTooLarge
                .fill(lang, &[&megabytes(*bytes, lang), &megabytes(*limit, lang)]),
            Self::Unsupported { format: Some(f) } => ErrMsg::PhotoUnsupportedKnown.fill(lang, &[f]),
            Self::Unsupported { format: None } => ErrMsg::PhotoUnsupported.text(lang).to_owned(),
            Self::TooManyPixels { width, height } => ErrMsg::PhotoTooManyPixels.fill(
                lang,
                &[
                    &count(*width as usize, lang),
                    &count(*height as usize, lang),
                    &count(super::MAX_SIDE as usize, lang),
                    &count((super::MAX_PIXELS / 1_000_000) as usize, lang),
                ],
            ),
            Self::Corrupt(words) => ErrMsg::PhotoCorrupt.fill(lang, &[words]),
            Self::Encode(words) => ErrMsg::PhotoEncode.fill(lang, &[words]),
            Self::TooManyOnTouchpoint { touchpoint, limit } => {
                ErrMsg::PhotoTooManyOnTouchpoint.fill(lang, &[touchpoint, &count(*limit, lang)])
            }
            Self::TooManyInBlueprint { limit } => {
                ErrMsg::PhotoTooManyInBlueprint.fill(lang, &[&count(*limit, lang)])
            }
            Self::BlueprintFull { bytes, limit } => ErrMsg::PhotoBlueprintFull
                .fill(lang, &[&megabytes(*bytes, lang), &megabytes(*limit, lang)]),
            Self::NoTouchpoint(id) => ErrMsg::PhotoNoTouchpoint.fill(lang, &[id]),
            Self::Io { path, kind, text } => {
                let e = std::io::Error::new(*kind, text.clone());
                ErrMsg::PhotoReadFile.fill(lang, &[path, &io_message(&e, lang)])
            }
            Self::InFile { path, error } => {
                ErrMsg::PhotoInFile.fill(lang, &[path, &error.message(lang)])
            }
        }
    }
}

impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for PhotoError {}

/// One value of every variant, for the table of every error's messages.
#[cfg(test)]
pub(crate) fn every_variant() -> Vec<PhotoError> {
    let all = vec![
        PhotoError::TooLarge {
            bytes: 62_500_000,
            limit: 50_000_000,
        },
        PhotoError::Unsupported {
            format: Some("GIF".into()),
        },
        PhotoError::Unsupported { format: None },
        PhotoError::TooManyPixels {
            width: 100_000,
            height: 100_000,
        },
        PhotoError::Corrupt("EOF".into()),
        PhotoError::Encode("xyz".into()),
        PhotoError::TooManyOnTouchpoint {
            touchpoint: "tp-1".into(),
            limit: 20,
        },
        PhotoError::TooManyInBlueprint { limit: 1_000 },
        PhotoError::BlueprintFull {
            bytes: 100_663_297,
            limit: 100_663_296,
        },
        PhotoError::NoTouchpoint("tp-9".into()),
        PhotoError::Io {
            path: "/tmp/lobby.jpg".into(),
            kind: std::io::ErrorKind::NotFound,
            text: "No such file or directory (os error 2)".into(),
        },
        PhotoError::InFile {
            path: "lobby.gif".into(),
            error: Box::new(PhotoError::Unsupported {
                format: Some("GIF".into()),
            }),
        },
    ];
    for e in &all {
        match e {
            PhotoError::TooLarge { .. }
            | PhotoError::Unsupported { .. }
            | PhotoError::TooManyPixels { .. }
            | PhotoError::Corrupt(_)
            | PhotoError::Encode(_)
            | PhotoError::TooManyOnTouchpoint { .. }
            | PhotoError::TooManyInBlueprint { .. }
            | PhotoError::BlueprintFull { .. }
            | PhotoError::NoTouchpoint(_)
            | PhotoError::Io { .. }
            | PhotoError::InFile { .. } => {}
        }
    }
    all
}
