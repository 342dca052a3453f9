//! Reading a blueprint embedded in an SVG exported by Servuction: the JSON
//! in `<metadata><document xmlns="urn:servuction:document">`.
//!
//! The file is read by one linear scan, not by a general XML parser: an
//! element with a million attributes, or a million namespace declarations,
//! costs what its bytes cost (roxmltree checks each attribute against every
//! earlier one of its element: a 1 MB SVG took 20 s, 10.9 MB half an hour).
//! The scan skips comments, CDATA sections, processing instructions, the
//! DOCTYPE and attribute values, so that markup inside any of them (a
//! commented-out `<metadata>`) is never taken for the real thing; it
//! resolves namespaces (an editor may move ours to the root element) and
//! stops at the first element `document` in our namespace.

use super::{DiagMsg, Diagnostic, Position, ReadError};
use crate::i18n::ErrMsg;
use crate::render::svg::DOCUMENT_NS;
use std::collections::HashMap;

fn bad(position: Option<Position>, message: DiagMsg) -> ReadError {
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
    let mut scan = Scan {
        text,
        b: text.as_bytes(),
        pos: 0,
        open: Vec::new(),
        bindings: HashMap::new(),
    };
    scan.document().map_err(|e| match e {
        Stop::Syntax(offset, what) => bad(
            Some(Position::of_offset(text, offset)),
            DiagMsg::SvgUnreadable(what),
        ),
        Stop::NotSvg => bad(None, ErrMsg::SvgNotSvg.into()),
        Stop::NoDocument => bad(None, ErrMsg::SvgNoDiagram.into()),
        Stop::Damaged(offset, what, arg) => bad(
            Some(Position::of_offset(text, offset)),
            DiagMsg::SvgDamaged(what, arg),
        ),
    })
}

/// How deep elements may nest: far deeper than any drawing, and a bound on
/// the memory the open elements take (a file of `<g>` alone would otherwise
/// hold one record per three bytes).
const MAX_DEPTH: usize = 4_096;

/// Why a scan stopped without a document.
enum Stop {
    /// Not well-formed XML at this byte offset.
    Syntax(usize, ErrMsg),
    /// The root element is not `svg`.
    NotSvg,
    /// The whole file was read and holds no document of ours.
    NoDocument,
    /// Our document element holds what we never write.
    Damaged(usize, ErrMsg, String),
}

/// An element that is open: its name as written, and the namespace prefixes
/// it binds (undone when it closes).
struct Open<'a> {
    name: &'a str,
    binds: Vec<&'a str>,
}

struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    open: Vec<Open<'a>>,
    /// Each prefix's namespace bindings, innermost last (`""`: the default
    /// namespace). A lookup costs the same however many there are.
    bindings: HashMap<&'a str, Vec<String>>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> Scan<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Moves past the next `end`, or fails with `what` at the current place.
    fn skip_past(&mut self, end: &str, what: ErrMsg) -> Result<(), Stop> {
        match self.rest().find(end) {
            Some(i) => {
                self.pos += i + end.len();
                Ok(())
            }
            None => Err(Stop::Syntax(self.pos, what)),
        }
    }

    /// Skips a comment, CDATA section, processing instruction or DOCTYPE
    /// starting at `<`; false if the markup there is none of these.
    fn skip_other(&mut self) -> Result<bool, Stop> {
        let rest = self.rest();
        if rest.starts_with("<!--") {
            self.pos += 4;
            self.skip_past("-->", ErrMsg::SvgCommentOpen)?;
        } else if rest.starts_with("<![CDATA[") {
            self.skip_past("]]>", ErrMsg::SvgCdataOpen)?;
        } else if rest.starts_with("<?") {
            self.skip_past("?>", ErrMsg::SvgInstructionOpen)?;
        } else if rest.starts_with("<!") {
            // A DOCTYPE: up to its `>`, past quoted text and an internal
            // subset in brackets (which may hold `>` and comments).
            let start = self.pos;
            self.pos += 2;
            let mut depth = 0usize;
            loop {
                let Some(&c) = self.b.get(self.pos) else {
                    return Err(Stop::Syntax(start, ErrMsg::SvgDoctypeOpen));
                };
                match c {
                    b'"' | b'\'' => {
                        self.pos += 1;
                        let q = if c == b'"' { "\"" } else { "'" };
                        self.skip_past(q, ErrMsg::SvgQuoteOpen)?;
                        continue;
                    }
                    b'<' if self.rest().starts_with("<!--") => {
                        self.pos += 4;
                        self.skip_past("-->", ErrMsg::SvgCommentOpen)?;
                        continue;
                    }
                    b'[' => depth += 1,
                    b']' => depth = depth.saturating_sub(1),
                    b'>' if depth == 0 => {
                        self.pos += 1;
                        break;
                    }
                    _ => {}
                }
                self.pos += 1;
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// An XML name at the current place (up to a space, `/`, `>` or `=`).
    fn name(&mut self) -> &'a str {
        let start = self.pos;
        while self
            .b
            .get(self.pos)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'=' | b'<'))
        {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    fn skip_spaces(&mut self) {
        while self.b.get(self.pos).copied().is_some_and(is_space) {
            self.pos += 1;
        }
    }

    /// Reads a start tag from its `<`: its name, whether it closes itself,
    /// and its namespace declarations bound (pushed to the open elements).
    fn start_tag(&mut self) -> Result<(&'a str, bool), Stop> {
        let tag_start = self.pos;
        self.pos += 1;
        let name = self.name();
        if name.is_empty() {
            return Err(Stop::Syntax(tag_start, ErrMsg::SvgTagNoName));
        }
        let mut binds = Vec::new();
        let empty = loop {
            self.skip_spaces();
            match self.b.get(self.pos) {
                None => return Err(Stop::Syntax(tag_start, ErrMsg::SvgTagOpen)),
                Some(b'>') => {
                    self.pos += 1;
                    break false;
                }
                Some(b'/') => {
                    if self.b.get(self.pos + 1) != Some(&b'>') {
                        return Err(Stop::Syntax(self.pos, ErrMsg::SvgSlash));
                    }
                    self.pos += 2;
                    break true;
                }
                Some(_) => {}
            }
            let attr_start = self.pos;
            let attr = self.name();
            if attr.is_empty() {
                return Err(Stop::Syntax(self.pos, ErrMsg::SvgTagCharacter));
            }
            self.skip_spaces();
            if self.b.get(self.pos) != Some(&b'=') {
                return Err(Stop::Syntax(self.pos, ErrMsg::SvgAttributeNoValue));
            }
            self.pos += 1;
            self.skip_spaces();
            let quote = match self.b.get(self.pos) {
                Some(b'"') => "\"",
                Some(b'\'') => "'",
                _ => return Err(Stop::Syntax(self.pos, ErrMsg::SvgAttributeUnquoted)),
            };
            self.pos += 1;
            let value_start = self.pos;
            let Some(len) = self.rest().find(quote) else {
                return Err(Stop::Syntax(attr_start, ErrMsg::SvgAttributeOpen));
            };
            let value = &self.text[value_start..value_start + len];
            if let Some(i) = value.find('<') {
                return Err(Stop::Syntax(value_start + i, ErrMsg::SvgAttributeLess));
            }
            self.pos = value_start + len + 1;
            let prefix = if attr == "xmlns" {
                Some("")
            } else {
                attr.strip_prefix("xmlns:")
            };
            if let Some(prefix) = prefix {
                let uri = unescape(value, value_start)
                    .map_err(|(at, _, _)| Stop::Syntax(at, ErrMsg::SvgNamespaceReference))?;
                self.bindings.entry(prefix).or_default().push(uri);
                binds.push(prefix);
            }
        };
        // Pushed even when it closes itself: its bindings hold for its own
        // name, and end with it ([`Self::close`]).
        if self.open.len() >= MAX_DEPTH {
            return Err(Stop::Syntax(tag_start, ErrMsg::SvgTooDeep));
        }
        self.open.push(Open { name, binds });
        Ok((name, empty))
    }

    /// Closes the innermost open element, undoing its bindings.
    fn close(&mut self) {
        if let Some(open) = self.open.pop() {
            for prefix in open.binds {
                if let Some(v) = self.bindings.get_mut(prefix) {
                    v.pop();
                }
            }
        }
    }

    /// The namespace a prefixed (or unprefixed) element name is in.
    fn namespace(&self, name: &str) -> Option<&str> {
        let prefix = name.split_once(':').map_or("", |(p, _)| p);
        self.bindings
            .get(prefix)
            .and_then(|v| v.last())
            .map(String::as_str)
            .filter(|uri| !uri.is_empty())
    }

    /// Scans to the first element `document` in our namespace and returns
    /// its text.
    fn document(&mut self) -> Result<String, Stop> {
        if self.text.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
        let mut seen_root = false;
        loop {
            let Some(i) = self.rest().find('<') else {
                return Err(Stop::NoDocument);
            };
            self.pos += i;
            if self.skip_other()? {
                continue;
            }
            if self.b.get(self.pos + 1) == Some(&b'/') {
                let at = self.pos;
                self.pos += 2;
                let name = self.name();
                self.skip_spaces();
                if self.b.get(self.pos) != Some(&b'>') {
                    return Err(Stop::Syntax(at, ErrMsg::SvgClosingOpen));
                }
                self.pos += 1;
                if self.open.last().map(|o| o.name) != Some(name) {
                    return Err(Stop::Syntax(at, ErrMsg::SvgClosingMismatch));
                }
                self.close();
                if self.open.is_empty() {
                    // The root element is closed: nothing after it counts.
                    return Err(Stop::NoDocument);
                }
                continue;
            }
            let (name, empty) = self.start_tag()?;
            let local = name.rsplit_once(':').map_or(name, |(_, l)| l);
            if !seen_root {
                seen_root = true;
                if local != "svg" {
                    return Err(Stop::NotSvg);
                }
            }
            if local == "document" && self.namespace(name) == Some(DOCUMENT_NS) {
                if empty {
                    return Ok(String::new());
                }
                return self.content(name);
            }
            if empty {
                self.close();
                if self.open.is_empty() {
                    return Err(Stop::NoDocument);
                }
            }
        }
    }

    /// The text of the element just opened, named `name`, up to its closing
    /// tag: character data with its references resolved, and CDATA; comments
    /// and processing instructions are skipped.
    fn content(&mut self, name: &str) -> Result<String, Stop> {
        let mut out = String::new();
        loop {
            let Some(i) = self.rest().find('<') else {
                return Err(Stop::Syntax(self.pos, ErrMsg::SvgRootOpen));
            };
            let chunk_start = self.pos;
            let chunk = &self.text[chunk_start..chunk_start + i];
            out.push_str(
                &unescape(chunk, chunk_start)
                    .map_err(|(at, what, arg)| Stop::Damaged(at, what, arg))?,
            );
            self.pos += i;
            let rest = self.rest();
            if rest.starts_with("<![CDATA[") {
                let start = self.pos + 9;
                self.skip_past("]]>", ErrMsg::SvgCdataOpen)?;
                out.push_str(&normalise_lines(&self.text[start..self.pos - 3]));
            } else if rest.starts_with("<!--") || rest.starts_with("<?") {
                self.skip_other()?;
            } else if let Some(after) = rest.strip_prefix("</") {
                let at = self.pos;
                if after.starts_with(name)
                    && after[name.len()..]
                        .trim_start_matches([' ', '\t', '\n', '\r'])
                        .starts_with('>')
                {
                    return Ok(out);
                }
                return Err(Stop::Syntax(at, ErrMsg::SvgClosingMismatch));
            } else {
                return Err(Stop::Damaged(self.pos, ErrMsg::SvgMarkup, String::new()));
            }
        }
    }
}

/// XML's line ends read as `\n`.
fn normalise_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// Character data with its references (`&amp;`, `&#x41;`…) resolved and its
/// line ends normalised; `offset` is where it starts in the file, for
/// errors.
fn unescape(text: &str, offset: usize) -> Result<String, (usize, ErrMsg, String)> {
    let text = normalise_lines(text);
    if !text.contains('&') {
        return Ok(text.into_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    let mut at = offset;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        at += i;
        let after = &rest[i + 1..];
        let Some(end) = after.find(';').filter(|&e| e <= 32) else {
            return Err((at, ErrMsg::SvgAmpersand, String::new()));
        };
        let reference = &after[..end];
        let c = match reference {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            r => r
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| r.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32)
                .filter(|&c| {
                    matches!(c, '\t' | '\n' | '\r')
                        || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
                }),
        };
        let Some(c) = c else {
            return Err((at, ErrMsg::SvgUnknownReference, reference.to_owned()));
        };
        out.push(c);
        rest = &after[end + 1..];
        at += end + 2;
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(svg: &str) -> Result<String, String> {
        embedded_document(svg).map_err(|e| e.to_string())
    }

    #[test]
    fn the_document_is_found_past_markup_that_only_looks_like_it() {
        let real = r#"<document xmlns="urn:servuction:document">{"real": "a &lt;b&gt; &amp; &#x41;&#66;"}</document>"#;
        let fake = r#"<metadata><document xmlns="urn:servuction:document">{"fake": 1}</document></metadata>"#;
        let svg = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [ <!-- > --> <!ENTITY x \">\"> ]>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" data-x='{fake_attr}'>\
             <!-- {fake} --><![CDATA[{fake}]]><?pi {fake} ?>\
             <metadata>{real}</metadata></svg>",
            fake_attr = fake.replace('<', "&lt;").replace('"', "&quot;"),
        );
        assert_eq!(doc(&svg).unwrap(), r#"{"real": "a <b> & AB"}"#);
    }

    #[test]
    fn a_namespace_moved_to_the_root_is_resolved_and_ends_with_its_element() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="urn:servuction:document"><metadata><s:document>{}</s:document></metadata></svg>"#;
        assert_eq!(doc(svg).unwrap(), "{}");
        // Bound on an element that has closed: `s:` no longer means ours.
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><g xmlns:s="urn:servuction:document"/><s:document>{}</s:document></svg>"#;
        assert!(doc(svg).unwrap_err().contains("no Servuction diagram"));
        // Another `document` element is not ours.
        let svg = r#"<svg><document>{"no": 1}</document><metadata><document xmlns="urn:servuction:document"><![CDATA[{"a": "<&>"}]]></document></metadata></svg>"#;
        assert_eq!(doc(svg).unwrap(), r#"{"a": "<&>"}"#);
    }

    #[test]
    fn broken_and_foreign_files_are_refused_with_a_place() {
        let e = embedded_document("<svg>\n<rect width=\"5\"\n</svg>").unwrap_err();
        assert!(e.to_string().contains("this SVG cannot be read"), "{e}");
        assert!(e.diagnostics()[0].position.is_some());
        assert!(doc("<root/>").unwrap_err().contains("not SVG"));
        assert!(doc("<svg><!-- open").unwrap_err().contains("not closed"));
        assert!(
            doc("<svg><g></svg>")
                .unwrap_err()
                .contains("does not match")
        );
        let amp =
            r#"<svg><document xmlns="urn:servuction:document">{"a": "&nope;"}</document></svg>"#;
        assert!(doc(amp).unwrap_err().contains("damaged"));
        let markup = r#"<svg><document xmlns="urn:servuction:document">{<b/>}</document></svg>"#;
        assert!(doc(markup).unwrap_err().contains("damaged"));
        let deep = format!("<svg>{}", "<g>".repeat(MAX_DEPTH + 1));
        assert!(doc(&deep).unwrap_err().contains("nested deeper"));
        let fine = format!(
            "<svg>{}<document xmlns=\"urn:servuction:document\">{{}}</document>",
            "<g>".repeat(MAX_DEPTH - 2)
        );
        assert_eq!(doc(&fine).unwrap(), "{}");
        for cut in [
            "<", "<svg", "<svg a", "<svg a=", "<svg a='", "<svg/", "<svg>&", "</",
        ] {
            assert!(doc(cut).is_err(), "{cut}");
        }
    }
}
