//! Reading a blueprint attached to a PDF exported by Servuction (the file
//! named [`crate::render::pdf::ATTACHMENT`] among its embedded files).

use super::{Diagnostic, MAX_FILE_BYTES, ReadError};
use crate::render::pdf::ATTACHMENT;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Stream, String as PdfString};

/// The 5 bytes every PDF starts with.
pub const SIGNATURE: &[u8; 5] = b"%PDF-";

fn bad(message: String) -> ReadError {
    ReadError::Invalid(vec![Diagnostic {
        position: None,
        path: None,
        message,
    }])
}

/// The JSON text of the blueprint a PDF carries.
pub fn embedded_document(bytes: Vec<u8>) -> Result<String, ReadError> {
    let pdf = Pdf::new(bytes).map_err(|e| bad(format!("this PDF cannot be read: {e:?}")))?;
    let data = attachment(&pdf).ok_or_else(|| {
        bad("this PDF has no Servuction diagram in it; only PDFs exported by Servuction can be opened".into())
    })?;
    if data.is_empty() {
        return Err(bad(
            "the Servuction diagram in this PDF is damaged or stored in a way Servuction does not read".into(),
        ));
    }
    if data.len() as u64 > MAX_FILE_BYTES {
        // `data` stops one byte past the limit: what is true is that the
        // document inflates past it, not the size of the file.
        return Err(ReadError::EmbeddedTooLarge {
            container: "PDF",
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(data).map_err(|_| {
        bad("the Servuction diagram in this PDF is damaged: it is not UTF-8 text".into())
    })
}

/// The bytes of our attachment, from the catalog's name tree of embedded
/// files (flat, as krilla writes it, or with kids, as other tools do).
fn attachment(pdf: &Pdf) -> Option<Vec<u8>> {
    let xref = pdf.xref();
    let catalog: Dict = xref.get(xref.root_id())?;
    let names: Dict = catalog.get(b"Names")?;
    let tree: Dict = names.get(b"EmbeddedFiles")?;
    // A crafted file can list a node among its own kids: the walk stops
    // after a bounded number of nodes, however they are linked.
    let mut budget = 1_000;
    find(&tree, 0, &mut budget)
}

/// A stream's data, inflated no further than the document limit (one byte
/// more, to tell that it is over): a small PDF cannot make a huge text.
fn decode(stream: &Stream) -> Vec<u8> {
    use std::io::Read as _;
    let raw = stream.raw_data();
    match stream.filters().as_slice() {
        [] => raw.to_vec(),
        [hayro_syntax::Filter::FlateDecode] => {
            let mut out = Vec::new();
            let inflated = flate2::read::ZlibDecoder::new(&raw[..])
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut out);
            if inflated.is_err() {
                out.clear();
            }
            out
        }
        _ => Vec::new(),
    }
}

fn find(node: &Dict, depth: usize, budget: &mut usize) -> Option<Vec<u8>> {
    if depth > 16 || *budget == 0 {
        return None;
    }
    *budget -= 1;
    if let Some(names) = node.get::<Array>(b"Names") {
        let mut it = names.flex_iter();
        while let Some(key) = it.next::<PdfString>() {
            let spec: Dict = it.next()?;
            if key.as_bytes() == ATTACHMENT.as_bytes() {
                let ef: Dict = spec.get(b"EF")?;
                let stream: Stream = ef.get(b"F")?;
                return Some(decode(&stream));
            }
        }
    }
    let kids: Array = node.get(b"Kids")?;
    for kid in kids.iter::<Dict>() {
        if *budget == 0 {
            return None;
        }
        if let Some(found) = find(&kid, depth + 1, budget) {
            return Some(found);
        }
    }
    None
}
