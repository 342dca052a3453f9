//! Reading a blueprint embedded in a PNG exported by Servuction. Only the
//! chunks before the image data are read; pixels are never decoded, so a
//! huge or malicious image costs nothing.

use super::{DiagMsg, Diagnostic, MAX_DOCUMENT_BYTES, PNG_KEYWORD, ReadError};
use crate::i18n::ErrMsg;

/// The 8 bytes every PNG starts with.
pub const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

fn bad(message: impl Into<DiagMsg>) -> ReadError {
    ReadError::Invalid(vec![Diagnostic::nowhere(message)])
}

/// The JSON text of the blueprint a PNG carries (its bytes).
pub fn embedded_document(bytes: &[u8]) -> Result<String, ReadError> {
    embedded_document_from(std::io::Cursor::new(bytes))
}

/// The JSON text of the blueprint a PNG carries, read from its chunks
/// before the image data: the pixels are never read, whatever their size.
pub fn embedded_document_from(
    source: impl std::io::BufRead + std::io::Seek,
) -> Result<String, ReadError> {
    let mut decoder = png::Decoder::new(source);
    decoder.set_limits(png::Limits {
        bytes: MAX_DOCUMENT_BYTES as usize,
    });
    let reader = decoder
        .read_info()
        .map_err(|e| bad(DiagMsg::Named(ErrMsg::PngUnreadable, e.to_string())))?;
    let info = reader.info();
    for chunk in &info.utf8_text {
        if chunk.keyword == PNG_KEYWORD {
            // A compressed chunk is inflated no further than the limit on a
            // document: a small chunk cannot make a huge text.
            let mut chunk = chunk.clone();
            return chunk
                .decompress_text_with_limit(MAX_DOCUMENT_BYTES as usize)
                .and_then(|()| chunk.get_text())
                .map_err(|e| {
                    // The png crate's words for a text that inflates past the
                    // limit end "Try with a larger limit": advice for its
                    // callers, not for ours.
                    if format!("{e:?}").contains("OutOfDecompressionSpace") {
                        ReadError::EmbeddedTooLarge {
                            container: "PNG",
                            limit: MAX_DOCUMENT_BYTES,
                        }
                    } else {
                        bad(DiagMsg::Named(ErrMsg::PngDamaged, e.to_string()))
                    }
                });
        }
    }
    Err(bad(ErrMsg::PngNoDiagram))
}
