//! Why a file could not be read or written, each problem with its place,
//! in the user's language ([`Localized`]); `Display` is the English text.

use super::json_error::JsonError;
use super::locate::Position;
use crate::i18n::{ErrMsg, Localized, count, io_message};
use crate::model::{IntegrityError, Language, Problem};
use std::fmt;
use std::path::PathBuf;

/// What is wrong at one place of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum DiagMsg {
    /// What serde_json said.
    Json(JsonError),
    /// What serde said of a file migrated from an older version.
    Migrated { error: JsonError, version: u64 },
    /// A reference that does not resolve, a number out of range…
    Integrity(IntegrityError),
    /// A message without arguments.
    Plain(ErrMsg),
    /// A message with one argument: a name, or a library's own words.
    Named(ErrMsg, String),
    /// An SVG that is not well-formed XML: what is wrong (an `Svg…` message).
    SvgUnreadable(ErrMsg),
    /// Our document in an SVG holds what we never write: what, with its
    /// argument where it has one.
    SvgDamaged(ErrMsg, String),
    /// A damaged PDF too large to rebuild.
    PdfNoRepair { limit: usize, size: usize },
    /// A whole-file error as a problem: its English and Spanish text.
    File(Box<[String; 2]>),
}

impl Localized for DiagMsg {
    fn message(&self, lang: Language) -> String {
        match self {
            DiagMsg::Json(e) => e.message(lang),
            DiagMsg::Migrated { error, version } => {
                ErrMsg::Migrated.fill(lang, &[&error.message(lang), version])
            }
            DiagMsg::Integrity(e) => e.message(lang),
            DiagMsg::Plain(m) => m.text(lang).to_owned(),
            DiagMsg::Named(m, name) => m.fill(lang, &[name]),
            DiagMsg::SvgUnreadable(m) => ErrMsg::SvgUnreadable.fill(lang, &[&m.text(lang)]),
            DiagMsg::SvgDamaged(m, arg) => ErrMsg::SvgDamaged.fill(lang, &[&m.fill(lang, &[arg])]),
            DiagMsg::PdfNoRepair { limit, size } => {
                ErrMsg::PdfNoRepair.fill(lang, &[&count(*limit, lang), &count(*size, lang)])
            }
            DiagMsg::File(texts) => match lang {
                Language::En => texts[0].clone(),
                Language::Es => texts[1].clone(),
            },
        }
    }
}

impl fmt::Display for DiagMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl From<ErrMsg> for DiagMsg {
    fn from(m: ErrMsg) -> Self {
        DiagMsg::Plain(m)
    }
}

/// One thing wrong with a file, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Line and column in the file, where known.
    pub position: Option<Position>,
    /// Where in the document, e.g. `blueprint.touchpoints[3].lane`.
    pub path: Option<String>,
    pub message: DiagMsg,
}

impl Diagnostic {
    /// A problem of the whole file, at no place.
    pub fn nowhere(message: impl Into<DiagMsg>) -> Self {
        Self {
            position: None,
            path: None,
            message: message.into(),
        }
    }

    /// The message with its path and, with `position`, its line and column.
    pub fn text(&self, lang: Language, position: bool) -> String {
        let message = self.message.message(lang);
        let path = self.path.as_deref().filter(|p| !p.is_empty());
        match (path, self.position.filter(|_| position)) {
            (Some(path), Some(p)) => format!(
                "{}: {message}",
                ErrMsg::PathAt.fill(lang, &[&path, &count(p.line, lang), &count(p.column, lang)])
            ),
            (Some(path), None) => format!("{path}: {message}"),
            (None, Some(p)) => format!(
                "{}: {message}",
                ErrMsg::AtLine.fill(lang, &[&count(p.line, lang), &count(p.column, lang)])
            ),
            (None, None) => message,
        }
    }
}

impl Localized for Diagnostic {
    /// With its line and column.
    fn message(&self, lang: Language) -> String {
        self.text(lang, true)
    }
}

impl fmt::Display for Diagnostic {
    /// Path and message, without the position (printed apart, as
    /// `file:line:column`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En, false))
    }
}

/// Why a file is not a Servuction file.
#[derive(Clone, Debug, PartialEq)]
pub enum NotServuction {
    NotObject,
    /// Its `format` names another format.
    OtherFormat(String),
    NoFormat,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooLarge {
        size: u64,
        limit: u64,
    },
    NotAFile,
    EmbeddedTooLarge {
        /// What carries it: `PDF` or `PNG`.
        container: &'static str,
        limit: u64,
    },
    NotServuction(NotServuction),
    NewerVersion {
        found: u64,
        supported: u32,
    },
    Invalid(Vec<Diagnostic>),
    WouldNotSave {
        limit: u64,
    },
}

fn bytes(n: u64, lang: Language) -> String {
    count(usize::try_from(n).unwrap_or(usize::MAX), lang)
}

impl ReadError {
    /// Every problem, each with its position where known.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            ReadError::Invalid(all) => all.clone(),
            other => vec![Diagnostic::nowhere(DiagMsg::File(Box::new([
                other.text(Language::En, false),
                other.text(Language::Es, false),
            ])))],
        }
    }

    /// The message in `lang`; the first problem of an invalid file with its
    /// line and column when `position`.
    pub fn text(&self, lang: Language, position: bool) -> String {
        match self {
            ReadError::Io(e) => ErrMsg::ReadIo.fill(lang, &[&io_message(e, lang)]),
            ReadError::TooLarge { size, limit } => {
                ErrMsg::ReadTooLarge.fill(lang, &[&bytes(*size, lang), &bytes(*limit, lang)])
            }
            ReadError::NotAFile => ErrMsg::ReadNotAFile.text(lang).to_owned(),
            ReadError::EmbeddedTooLarge { container, limit } => {
                ErrMsg::ReadEmbeddedTooLarge.fill(lang, &[container, &bytes(*limit, lang)])
            }
            ReadError::NotServuction(why) => {
                let why = match why {
                    NotServuction::NotObject => ErrMsg::NotJsonObject.text(lang).to_owned(),
                    NotServuction::OtherFormat(other) => {
                        ErrMsg::OtherFormat.fill(lang, &[other, &super::FORMAT_NAME])
                    }
                    NotServuction::NoFormat => ErrMsg::NoFormatField.text(lang).to_owned(),
                };
                ErrMsg::ReadNotServuction.fill(lang, &[&why])
            }
            ReadError::NewerVersion { found, supported } => {
                ErrMsg::ReadNewerVersion.fill(lang, &[found, supported])
            }
            ReadError::Invalid(all) => match &all[..] {
                [one] => one.text(lang, position),
                [first, ..] if all.len() == 2 => {
                    ErrMsg::MoreProblemsOne.fill(lang, &[&first.text(lang, position)])
                }
                [first, ..] => ErrMsg::MoreProblems.fill(
                    lang,
                    &[&first.text(lang, position), &count(all.len() - 1, lang)],
                ),
                [] => ErrMsg::FileInvalid.text(lang).to_owned(),
            },
            ReadError::WouldNotSave { limit } => {
                ErrMsg::ReadWouldNotSave.fill(lang, &[&bytes(*limit, lang)])
            }
        }
    }
}

impl Localized for ReadError {
    /// With the line and column of an invalid file's first problem.
    fn message(&self, lang: Language) -> String {
        self.text(lang, true)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En, false))
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Why a document could not be written.
#[derive(Debug)]
pub enum WriteError {
    Invalid(Vec<Problem>),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl Localized for WriteError {
    fn message(&self, lang: Language) -> String {
        match self {
            WriteError::Invalid(problems) => {
                let first = problems
                    .first()
                    .map(|p| p.message(lang))
                    .unwrap_or_default();
                ErrMsg::WriteInvalid.fill(lang, &[&first])
            }
            WriteError::Io { path, source } => {
                ErrMsg::WriteIo.fill(lang, &[&path.display(), &io_message(source, lang)])
            }
            WriteError::TooLarge { size, limit } => {
                ErrMsg::WriteTooLarge.fill(lang, &[&bytes(*size, lang), &bytes(*limit, lang)])
            }
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
