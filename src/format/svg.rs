//! Reading a blueprint embedded in an SVG exported by Servuction: the JSON
//! in `<metadata><document xmlns="urn:servuction:document">`.

use super::{Diagnostic, Position, ReadError};
use crate::render::svg::DOCUMENT_NS;

fn bad(position: Option<Position>, message: String) -> ReadError {
    ReadError::Invalid(vec![Diagnostic {
        position,
        path: None,
        message,
    }])
}

/// Whether a file's text looks like SVG (or other XML) rather than JSON.
pub fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// The JSON text of the blueprint an SVG carries.
pub fn embedded_document(text: &str) -> Result<String, ReadError> {
    // The metadata alone is parsed first: a large SVG costs little. An SVG
    // re-saved by an editor that moved the namespace to the root element is
    // parsed whole.
    if let Some(doc) = metadata_alone(text) {
        return Ok(doc);
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        // Bounds the memory a foreign or re-saved SVG can take.
        nodes_limit: 4_000_000,
        ..Default::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let p = e.pos();
        bad(
            Some(Position {
                line: p.row as usize,
                column: p.col as usize,
            }),
            format!("this SVG cannot be read: {e}"),
        )
    })?;
    if xml.root_element().tag_name().name() != "svg" {
        return Err(bad(
            None,
            "this is XML but not SVG; Servuction opens its JSON documents and the PNG, SVG and PDF files it exports".into(),
        ));
    }
    xml.descendants()
        .find(|n| n.has_tag_name((DOCUMENT_NS, "document")))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .ok_or_else(|| {
            bad(
                None,
                "this SVG has no Servuction diagram in it; only SVGs exported by Servuction can be opened".into(),
            )
        })
}

/// The document from the `<metadata>` element as Servuction writes it, if
/// it parses on its own.
fn metadata_alone(text: &str) -> Option<String> {
    let start = text.find("<metadata>")?;
    let end = start + text[start..].find("</metadata>")? + "</metadata>".len();
    let xml = roxmltree::Document::parse(&text[start..end]).ok()?;
    xml.descendants()
        .find(|n| n.has_tag_name((DOCUMENT_NS, "document")))
        .map(|n| n.text().unwrap_or_default().to_owned())
}
