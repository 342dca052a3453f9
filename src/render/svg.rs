//! A scene as a standalone SVG document: text stays text (searchable and
//! copyable), in the bundled font's family with generic fallbacks.

pub use super::svg_photos::{Href, RESOLVED_PREFIX, SvgPhotos};
use crate::font;
use crate::scene::{Anchor, Dash, Item, Rgba, Scene, Shape, Stroke};
use std::fmt::Write;

/// Writes a colour as `#rrggbb`.
pub(crate) fn colour(out: &mut String, c: Rgba) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for b in &c.0[..3] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
}

/// Writes a fill or stroke paint attribute, with its opacity if not opaque.
fn paint(out: &mut String, attr: &str, c: Option<Rgba>) {
    out.push(' ');
    out.push_str(attr);
    out.push_str("=\"");
    match c {
        None => out.push_str("none\""),
        Some(c) => {
            colour(out, c);
            out.push('"');
            if c.0[3] != 255 {
                let _ = write!(out, " {attr}-opacity=\"{:.3}\"", f32::from(c.0[3]) / 255.0);
            }
        }
    }
}

/// Writes a stroke's attributes.
fn stroke(out: &mut String, s: Option<Stroke>) {
    let Some(s) = s else {
        out.push_str(" stroke=\"none\"");
        return;
    };
    paint(out, "stroke", Some(s.colour));
    attr(out, "stroke-width", s.width);
    let w = s.width.max(1.0);
    let dashes: &[f32] = match s.dash {
        Dash::Solid => return,
        Dash::Dashed => &[5.0 * w, 3.5 * w],
        Dash::Dotted => &[w, 2.5 * w],
        Dash::DashDot => &[7.0 * w, 2.5 * w, w, 2.5 * w],
    };
    out.push_str(" stroke-dasharray=\"");
    for (i, d) in dashes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(out, *d);
    }
    out.push('"');
}

/// Writes ` name="value"` with a number.
fn attr(out: &mut String, name: &str, v: f32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num(out, v);
    out.push('"');
}

/// Writes JSON text as XML character data that reads back as the same
/// text: `&`, `<` and `>` as entities, and the chars XML 1.0 forbids (which
/// JSON can only hold inside strings) as JSON escapes, which mean the same.
fn push_json(out: &mut String, json: &str) {
    for c in json.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}') =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Writes the position, size, weight and anchor of a `<text>`.
pub(super) fn text_attrs(
    out: &mut String,
    pos: crate::layout::Pos,
    size: f32,
    bold: bool,
    anchor: Anchor,
) {
    attr(out, "x", pos.x);
    attr(out, "y", pos.y);
    attr(out, "font-size", size);
    if bold {
        out.push_str(" font-weight=\"bold\"");
    }
    out.push_str(match anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    });
}

/// Writes a number with at most two decimals and no trailing zeros.
pub(super) fn num(out: &mut String, v: f32) {
    // Below 1e7, v × 100 is exact in f64 (24 significant bits and 5):
    // rounded half to even, as formatting rounds the exact value, it gives
    // the hundredths. Adding and taking away 2^52 rounds so, in the default
    // rounding mode, without a call to libm.
    if v.abs() < 1e7 {
        const ROUND: f64 = 4_503_599_627_370_496.0;
        let x = f64::from(v) * 100.0;
        let h = if x >= 0.0 {
            (x + ROUND) - ROUND
        } else {
            (x - ROUND) + ROUND
        } as i64;
        if h < 0 {
            out.push('-');
        }
        let h = h.unsigned_abs();
        push_u64(out, h / 100);
        let part = h % 100;
        if part != 0 {
            out.push('.');
            out.push(char::from(b'0' + (part / 10) as u8));
            if !part.is_multiple_of(10) {
                out.push(char::from(b'0' + (part % 10) as u8));
            }
        }
        return;
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    out.push_str(if s == "-0" { "0" } else { s });
}

/// Writes an unsigned integer in decimal.
fn push_u64(out: &mut String, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// A number with at most two decimals and no trailing zeros.
#[cfg(test)]
fn n(v: f32) -> String {
    let mut s = String::new();
    num(&mut s, v);
    s
}

/// Escapes text for XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Writes text escaped for XML.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Writes a `points` attribute.
fn points(out: &mut String, pts: &[crate::layout::Pos]) {
    out.push_str(" points=\"");
    for (i, p) in pts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(out, p.x);
        out.push(',');
        num(out, p.y);
    }
    out.push('"');
}

/// How an SVG carries its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextMode {
    /// Glyph outlines, drawn the same by every renderer with or without
    /// fonts, under invisible `<text>` that stays selectable, searchable and
    /// read out by screen readers.
    #[default]
    Outlines,
    /// `<text>` alone: the smallest file, drawn with the fonts installed
    /// where it is opened.
    Plain,
}

/// The namespace of the document an exported SVG carries in `<metadata>`.
pub const DOCUMENT_NS: &str = "urn:servuction:document";

/// An exported SVG.
pub struct SvgExport {
    pub svg: String,
    /// Chars no font could draw (left blank).
    pub missing: super::fonts::Missing,
}

/// The SVG text of a scene. `title` becomes the document's `<title>`.
/// Its photos are left out (their text alternatives kept): see
/// [`to_svg_with`].
pub fn to_svg(scene: &Scene, title: &str) -> String {
    write_svg(scene, title, None, None, &SvgPhotos::none())
}

/// [`to_svg`], with the scene's photos drawn from `photos`.
pub fn to_svg_with(scene: &Scene, title: &str, photos: &SvgPhotos<'_>) -> String {
    write_svg(scene, title, None, None, photos)
}

/// The SVG of a scene for a file: text as `mode` says, each photo the
/// scene shows once, from `photos` (as data URLs: the file stands alone),
/// and `document` (the blueprint's JSON) in `<metadata>` so that the SVG
/// reopens as a blueprint.
pub fn export(
    scene: &Scene,
    title: &str,
    document: Option<&str>,
    mode: TextMode,
    photos: &[crate::model::Photo],
) -> Result<SvgExport, super::export::ExportError> {
    let shaped = match mode {
        TextMode::Outlines => {
            Some(super::glyphs::shape(scene).map_err(super::export::ExportError::Draw)?)
        }
        TextMode::Plain => None,
    };
    let photos = SvgPhotos::new(photos, Href::DataUrl);
    let svg = write_svg(scene, title, document, shaped.as_ref(), &photos);
    let missing = match shaped {
        Some(s) => s.missing,
        None => super::fonts::Missing::default(),
    };
    Ok(SvgExport { svg, missing })
}

fn write_svg(
    scene: &Scene,
    title: &str,
    document: Option<&str>,
    glyphs: Option<&super::glyphs::Shaped>,
    photos: &SvgPhotos<'_>,
) -> String {
    let (w, h) = (scene.size.x.ceil(), scene.size.y.ceil());
    let (photo_defs, placed) = super::svg_photos::defs(scene, photos);
    // Sized for what is written, so that the text is never copied to grow:
    // about 120 bytes an item, at most 60 a glyph's `<use>`, the document
    // and its escapes.
    let mut s = String::with_capacity(
        scene.items.len() * 120
            + 512
            + document.map_or(0, |d| d.len() + d.len() / 8)
            + glyphs.map_or(0, |g| g.defs.len() + g.uses() * 60)
            + photo_defs.len(),
    );
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"'{}', 'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\"",
        font::FAMILY
    );
    if glyphs.is_some() || scene_has_images(scene) {
        s.push_str(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    }
    s.push_str(">\n<title>");
    push_escaped(&mut s, title);
    s.push_str("</title>\n");
    if let Some(doc) = document {
        // Data, not content: renderers and screen readers skip metadata.
        let _ = write!(s, "<metadata><document xmlns=\"{DOCUMENT_NS}\">");
        push_json(&mut s, doc);
        s.push_str("</document></metadata>\n");
    }
    if glyphs.is_some() || !photo_defs.is_empty() {
        s.push_str("<defs>\n");
        if let Some(g) = glyphs {
            s.push_str(&g.defs);
        }
        s.push_str(&photo_defs);
        s.push_str("</defs>\n");
    }
    drop(photo_defs);
    let mut text_index = 0;
    let _ = write!(s, "<rect width=\"{w}\" height=\"{h}\"");
    paint(&mut s, "fill", Some(scene.background));
    s.push_str("/>\n");
    // The end of the card group open, if one is.
    let mut group_end = None;
    for (i, item) in scene.items.iter().enumerate() {
        if group_end == Some(i) {
            s.push_str("</g>\n");
            group_end = None;
        }
        if let Some(full) = &item.full_text
            && group_end.is_none()
        {
            group_end = Some(open_card_group(&mut s, scene, i, item, full));
        }
        match &item.shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke: st,
            } => {
                s.push_str("<rect");
                attr(&mut s, "x", rect.min.x);
                attr(&mut s, "y", rect.min.y);
                attr(&mut s, "width", rect.width());
                attr(&mut s, "height", rect.height());
                if *radius > 0.0 {
                    attr(&mut s, "rx", *radius);
                }
                paint(&mut s, "fill", *fill);
                stroke(&mut s, *st);
                s.push_str("/>\n");
            }
            Shape::Path {
                points: pts,
                stroke: st,
            } => {
                s.push_str("<polyline");
                points(&mut s, pts);
                s.push_str(" fill=\"none\"");
                stroke(&mut s, Some(*st));
                s.push_str(" stroke-linejoin=\"round\"/>\n");
            }
            Shape::Polygon {
                points: pts,
                fill,
                stroke: st,
            } => {
                s.push_str("<polygon");
                points(&mut s, pts);
                paint(&mut s, "fill", *fill);
                stroke(&mut s, *st);
                s.push_str(" stroke-linejoin=\"round\"/>\n");
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke: st,
            } => {
                s.push_str("<circle");
                attr(&mut s, "cx", center.x);
                attr(&mut s, "cy", center.y);
                attr(&mut s, "r", *radius);
                paint(&mut s, "fill", *fill);
                stroke(&mut s, *st);
                s.push_str("/>\n");
            }
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour: c,
                anchor,
            } => {
                // A text with no glyph drawn stays visible text.
                let run = glyphs.filter(|g| g.draws(text_index));
                if let Some(g) = run {
                    s.push_str("<g aria-hidden=\"true\"");
                    paint(&mut s, "fill", Some(*c));
                    s.push('>');
                    g.write_run(&mut s, text_index, *pos);
                    s.push_str("</g>\n");
                }
                text_index += 1;
                s.push_str("<text");
                text_attrs(&mut s, *pos, *size, *bold, *anchor);
                if run.is_some() {
                    // Drawn by the outlines; kept for selection and search.
                    s.push_str(" fill-opacity=\"0\"");
                } else {
                    paint(&mut s, "fill", Some(*c));
                }
                s.push('>');
                push_escaped(&mut s, text);
                s.push_str("</text>\n");
            }
            Shape::Image { rect, photo, alt } => {
                super::svg_photos::write_image(
                    &mut s,
                    *rect,
                    photo,
                    alt,
                    placed.get(photo).copied(),
                );
            }
        }
    }
    if group_end.is_some() {
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// The size of the invisible copy of a cut title: small enough that the
/// whole of a long title lies on its card.
const FULL_TEXT_SIZE: f32 = 3.0;

/// Opens the group of the card whose first item, the `i`th, carries a
/// title cut on it: the whole title as the group's `<title>` (a tooltip in a
/// browser) and as invisible text on the card (for search, selection and
/// the PDF). Returns where the card's items end.
fn open_card_group(s: &mut String, scene: &Scene, i: usize, item: &Item, full: &str) -> usize {
    let end = scene
        .cards
        .iter()
        .find(|r| r.start == i)
        .map_or(i + 1, |r| r.end);
    s.push_str("<g><title>");
    push_escaped(s, full);
    s.push_str("</title>\n");
    invisible_text(s, item.bounds, full);
    end
}

/// Whether a scene shows any photo.
fn scene_has_images(scene: &Scene) -> bool {
    scene
        .items
        .iter()
        .any(|i| matches!(i.shape, Shape::Image { .. }))
}

/// Writes `text` as invisible lines over `r`, as much as fits there: found
/// by a search, selectable, and kept as text in the PDF.
pub(super) fn invisible_text(s: &mut String, r: crate::layout::Rect, text: &str) {
    let lh = FULL_TEXT_SIZE * 1.25;
    let rows = ((r.height() - 4.0) / lh).max(1.0) as usize;
    let lines = font::wrap(text, FULL_TEXT_SIZE, false, r.width() - 8.0, rows);
    for (k, line) in lines.iter().enumerate() {
        let at = crate::layout::pos(r.min.x + 4.0, r.min.y + 4.0 + (k + 1) as f32 * lh);
        s.push_str("<text");
        text_attrs(s, at, FULL_TEXT_SIZE, false, Anchor::Start);
        s.push_str(" fill-opacity=\"0\">");
        push_escaped(s, line);
        s.push_str("</text>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers as they were written: formatted with two decimals, trimmed.
    fn formatted(v: f32) -> String {
        let s = format!("{v:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".into() } else { s.into() }
    }

    #[test]
    fn numbers_are_written_as_formatting_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.25,
            -0.25,
            0.5,
            -0.5,
            0.75,
            -0.75,
            1.0,
            -1.0,
            1.25,
            -1.75,
            2.5,
            0.125,
            -0.125,
            0.375,
            0.005,
            -0.005,
            0.015,
            1.005,
            1e6,
            -1e6,
            2.5e6,
            2.5e6 + 0.25,
            1e7,
            1e7 + 1.0,
            3.3e7,
            1e9,
            -1e12,
            1e30,
            0.1,
            0.7,
            3.1417,
            99.995,
            -99.995,
            f32::MIN_POSITIVE,
            f32::EPSILON,
            16_777_216.0,
            8_388_607.5,
            9_999_999.0,
            -9_999_998.5,
            1_234_567.9,
            -0.375,
            0.0049,
            -0.0051,
            -0.004,
            123.456,
            -98.765,
        ];
        let mut x = 0.0f32;
        while x < 3000.0 {
            values.push(x);
            values.push(-x);
            x += 0.0625 * 1.0001;
        }
        for i in 0..100_000 {
            values.push(i as f32 / 8.0);
            values.push(-(i as f32) / 4.0 - 0.01);
        }
        for v in values {
            assert_eq!(n(v), formatted(v), "{v:?}");
        }
    }
}
