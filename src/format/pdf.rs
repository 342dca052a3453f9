//! Reading a blueprint attached to a PDF exported by Servuction (the file
//! named [`crate::render::pdf::ATTACHMENT`] among its embedded files).

use super::{DiagMsg, Diagnostic, MAX_DOCUMENT_BYTES, ReadError};
use crate::i18n::ErrMsg;
use crate::render::pdf::ATTACHMENT;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Stream, String as PdfString};

/// The 5 bytes every PDF starts with.
pub const SIGNATURE: &[u8; 5] = b"%PDF-";

fn bad(message: impl Into<DiagMsg>) -> ReadError {
    ReadError::Invalid(vec![Diagnostic::nowhere(message)])
}

/// The largest PDF whose cross-reference table may be rebuilt by scanning
/// the whole file. hayro-syntax rebuilds a missing or damaged table so, at
/// up to about 3 µs a byte on hostile input (2.2 MB: 6.6 s; 256 MiB would
/// take some 13 minutes): 256 KiB take under a second. Servuction's own
/// exports always have an intact table, however large.
/// (Enforced by our copy of hayro-syntax, vendor/hayro-syntax, in every
/// path that rebuilds; checked here first for a clear message.)
pub const MAX_REPAIR_BYTES: usize = hayro_syntax::MAX_REPAIR_BYTES;

/// The JSON text of the blueprint a PDF carries.
///
/// A PDF over [`MAX_REPAIR_BYTES`] is read only if its cross-reference
/// table is found where `startxref` says and every object it lists starts
/// where it says (or it is a cross-reference stream, which other tools
/// write when they save a PDF again): otherwise it is refused at once
/// rather than scanned.
pub fn embedded_document(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() > MAX_REPAIR_BYTES && !xref_usable(&bytes) {
        return Err(bad(DiagMsg::PdfNoRepair {
            limit: MAX_REPAIR_BYTES,
            size: bytes.len(),
        }));
    }
    let pdf = Pdf::new(bytes)
        .map_err(|e| bad(DiagMsg::Named(ErrMsg::PdfUnreadable, format!("{e:?}"))))?;
    let data = attachment(&pdf).ok_or_else(|| bad(ErrMsg::PdfNoDiagram))?;
    if data.is_empty() {
        return Err(bad(ErrMsg::PdfStoredOddly));
    }
    if data.len() as u64 > MAX_DOCUMENT_BYTES {
        // `data` stops one byte past the limit: what is true is that the
        // document inflates past it, not the size of the file.
        return Err(ReadError::EmbeddedTooLarge {
            container: "PDF",
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    String::from_utf8(data).map_err(|_| bad(ErrMsg::PdfNotUtf8))
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
                .take(MAX_DOCUMENT_BYTES + 1)
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

/// The last `startxref` of a PDF and the offset it gives.
fn startxref(bytes: &[u8]) -> Option<usize> {
    const NEEDLE: &[u8] = b"startxref";
    let at = bytes.windows(NEEDLE.len()).rposition(|w| w == NEEDLE)?;
    let mut r = Cursor {
        b: bytes,
        pos: at + NEEDLE.len(),
    };
    r.skip_space();
    r.number()
}

/// Reads the few tokens of a cross-reference table.
struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn skip_space(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            if c == b'%' {
                while self
                    .b
                    .get(self.pos)
                    .is_some_and(|&c| c != b'\n' && c != b'\r')
                {
                    self.pos += 1;
                }
            } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// A whole number of at most 10 digits.
    fn number(&mut self) -> Option<usize> {
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) && self.pos - start < 10 {
            self.pos += 1;
        }
        // (`start` may lie past the end: an offset a table gave.)
        std::str::from_utf8(self.b.get(start..self.pos)?)
            .ok()?
            .parse()
            .ok()
    }

    fn tag(&mut self, tag: &[u8]) -> bool {
        let found = self.b.get(self.pos..).is_some_and(|r| r.starts_with(tag));
        if found {
            self.pos += tag.len();
        }
        found
    }
}

/// Whether hayro-syntax will read the PDF through its cross-reference
/// table, never scanning the whole file to rebuild it: the table is where
/// the last `startxref` says, every object it lists in use starts with its
/// own number and generation at its offset, and so on for each earlier
/// table (`/Prev`). A cross-reference stream (written by tools that saved
/// the PDF again, never by Servuction) is taken as it is.
fn xref_usable(bytes: &[u8]) -> bool {
    let Some(mut at) = startxref(bytes) else {
        return false;
    };
    // Each earlier table once, and not many of them.
    let mut seen = Vec::new();
    loop {
        if seen.contains(&at) || seen.len() >= 64 {
            return false;
        }
        seen.push(at);
        let mut r = Cursor { b: bytes, pos: at };
        if !r.tag(b"xref") {
            // A cross-reference stream: `N G obj` there.
            let id = r.number().is_some();
            r.skip_space();
            let generation = r.number().is_some();
            r.skip_space();
            return id && generation && r.tag(b"obj");
        }
        loop {
            r.skip_space();
            if r.tag(b"trailer") {
                break;
            }
            let (Some(first), Some(count)) = (r.number(), {
                r.skip_space();
                r.number()
            }) else {
                return false;
            };
            // Each entry takes 20 bytes: a count the file cannot hold is a
            // lie (and is not looped over).
            if count > (bytes.len() - r.pos) / 18 {
                return false;
            }
            for i in 0..count {
                r.skip_space();
                let offset = r.number();
                r.skip_space();
                let generation = r.number();
                r.skip_space();
                let (Some(offset), Some(generation)) = (offset, generation) else {
                    return false;
                };
                if r.tag(b"n") {
                    if !object_at(bytes, offset, first + i, generation) {
                        return false;
                    }
                } else if !r.tag(b"f") {
                    return false;
                }
            }
        }
        // The trailer's dictionary, up to the next `startxref`: an earlier
        // table, or a hybrid file's stream, is looked at too.
        // (A trailer is a few lines: 64 KiB of it are looked at, so that 64
        // tables cost no more than 64 small reads.)
        let rest = &bytes[r.pos..bytes.len().min(r.pos + (64 << 10))];
        let end = rest
            .windows(9)
            .position(|w| w == b"startxref")
            .unwrap_or(rest.len());
        let trailer = &rest[..end];
        let find = |key: &[u8]| trailer.windows(key.len()).position(|w| w == key);
        if find(b"/Encrypt").is_some() {
            // Read through, as before; nothing of ours is encrypted.
            return true;
        }
        let next = find(b"/XRefStm").or_else(|| find(b"/Prev"));
        let Some(key) = next else {
            return true;
        };
        let mut c = Cursor {
            b: trailer,
            pos: key,
        };
        while c
            .b
            .get(c.pos)
            .is_some_and(|&b| b != b' ' && !b.is_ascii_whitespace())
        {
            c.pos += 1;
        }
        c.skip_space();
        match c.number() {
            Some(prev) if prev < bytes.len() => at = prev,
            _ => return false,
        }
    }
}

/// Whether `N G obj` (these numbers) starts at `offset`.
fn object_at(bytes: &[u8], offset: usize, number: usize, generation: usize) -> bool {
    let mut r = Cursor {
        b: bytes,
        pos: offset,
    };
    if r.number() != Some(number) {
        return false;
    }
    r.skip_space();
    if r.number() != Some(generation) {
        return false;
    }
    r.skip_space();
    r.tag(b"obj")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_pointing_past_the_end_or_lying_is_not_usable() {
        let table = |offset: usize| {
            let mut pdf = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n".to_vec();
            let at = pdf.len();
            pdf.extend_from_slice(
                format!(
                    "xref\n0 2\n0000000000 65535 f \n{offset:010} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n{at}\n%%EOF\n"
                )
                .as_bytes(),
            );
            pdf
        };
        assert!(xref_usable(&table(9)));
        for offset in [0, 10, 5_000, 9_999_999_999] {
            assert!(!xref_usable(&table(offset)), "{offset}");
        }
        // Cut anywhere: never a panic.
        let pdf = table(9);
        for end in 0..pdf.len() {
            let _ = xref_usable(&pdf[..end]);
        }
        assert!(!xref_usable(b"startxref 99999999999999999999"));
    }
}
