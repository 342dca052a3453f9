//! Why an export could not be made, in the user's language.

use super::pdf::PdfError;
use super::png::PngError;
use crate::format::WriteError;
use crate::i18n::{ErrMsg, Localized, count, decimal};
use crate::model::Language;
use std::fmt;

/// What would work instead of an SVG or PDF too large to read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// An SVG with plain text, of this many bytes, or a PNG.
    PlainSvg(u64),
    /// A PNG, or an SVG with plain text of this many bytes.
    PngOrPlainSvg(u64),
    /// A PNG.
    Png,
}

/// Why an export could not be made.
#[derive(Debug)]
pub enum ExportError {
    /// An SVG or PDF larger than Servuction reads back.
    TooLarge {
        size: u64,
        limit: u64,
        advice: Advice,
    },
    /// The user cancelled it.
    Cancelled,
    /// The diagram could not be drawn: the drawing library's words.
    Draw(String),
    Png(PngError),
    Pdf(PdfError),
    /// The document could not be written into it.
    Document(WriteError),
    /// The file could not be written.
    Write(WriteError),
}

fn bytes(n: u64, lang: Language) -> String {
    count(usize::try_from(n).unwrap_or(usize::MAX), lang)
}

impl Localized for Advice {
    fn message(&self, lang: Language) -> String {
        match self {
            Advice::PlainSvg(size) => ErrMsg::AdvisePlainSvg.fill(lang, &[&bytes(*size, lang)]),
            Advice::PngOrPlainSvg(size) => {
                ErrMsg::AdvisePngOrPlainSvg.fill(lang, &[&bytes(*size, lang)])
            }
            Advice::Png => ErrMsg::AdvisePng.text(lang).to_owned(),
        }
    }
}

impl Localized for ExportError {
    fn message(&self, lang: Language) -> String {
        match self {
            ExportError::TooLarge {
                size,
                limit,
                advice,
            } => ErrMsg::ExportTooLarge.fill(
                lang,
                &[
                    &bytes(*size, lang),
                    &bytes(*limit, lang),
                    &advice.message(lang),
                ],
            ),
            ExportError::Cancelled => ErrMsg::ExportCancelled.text(lang).to_owned(),
            ExportError::Draw(detail) => ErrMsg::ExportDraw.fill(lang, &[detail]),
            ExportError::Png(e) => e.message(lang),
            ExportError::Pdf(e) => e.message(lang),
            ExportError::Document(e) | ExportError::Write(e) => e.message(lang),
        }
    }
}

impl Localized for PngError {
    fn message(&self, lang: Language) -> String {
        match self {
            PngError::TooLarge {
                width,
                height,
                limit,
                suggested,
            } => ErrMsg::PngTooLarge.fill(
                lang,
                &[
                    &bytes(*width, lang),
                    &bytes(*height, lang),
                    &bytes(*limit, lang),
                    suggested,
                ],
            ),
            PngError::BadScale(scale) => {
                let scale = if scale.is_finite() {
                    decimal(f64::from(*scale), 6, lang)
                } else {
                    scale.to_string()
                };
                ErrMsg::PngBadScale.fill(lang, &[&scale])
            }
            PngError::Svg(detail) => ErrMsg::ExportDraw.fill(lang, &[detail]),
            PngError::Encode(detail) => ErrMsg::PngEncode.fill(lang, &[detail]),
            PngError::Cancelled => ErrMsg::ExportCancelled.text(lang).to_owned(),
        }
    }
}

impl Localized for PdfError {
    fn message(&self, lang: Language) -> String {
        match self {
            PdfError::Svg(detail) => ErrMsg::ExportDraw.fill(lang, &[detail]),
            PdfError::Write(detail) => ErrMsg::PdfWrite.fill(lang, &[detail]),
            PdfError::TooManySheets {
                total,
                cols,
                rows,
                max,
            } => ErrMsg::PdfTooManySheets.fill(
                lang,
                &[
                    &count(*total, lang),
                    &count(*cols, lang),
                    &count(*rows, lang),
                    &count(*max, lang),
                ],
            ),
        }
    }
}

macro_rules! english_display {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.message(Language::En))
            }
        }
    )*};
}
english_display!(ExportError, PngError, PdfError);

impl std::error::Error for ExportError {}
impl std::error::Error for PngError {}
impl std::error::Error for PdfError {}

impl From<PngError> for ExportError {
    fn from(e: PngError) -> Self {
        match e {
            PngError::Cancelled => ExportError::Cancelled,
            e => ExportError::Png(e),
        }
    }
}

impl From<PdfError> for ExportError {
    fn from(e: PdfError) -> Self {
        ExportError::Pdf(e)
    }
}
