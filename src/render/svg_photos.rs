//! Photos of physical evidence in an exported SVG (#30). Each photo the
//! scene shows is written once, as an `<image>` in `<defs>`; every card
//! that shows it places it with a `<use>` inside a nested `<svg>` that
//! scales it to cover the card's box and crops it to the middle
//! (`preserveAspectRatio="xMidYMid slice"`; an `<svg>` clips to its
//! viewport). The text alternative is the accessible name (`role="img"`,
//! `aria-label` and a `<title>`, which browsers show on hover) and
//! invisible text over the photo, which a search finds and the PDF keeps
//! as text.

use crate::layout::Rect;
use crate::model::{Photo, PhotoId};
use crate::scene::{Scene, Shape};
use base64::Engine as _;
use std::collections::HashMap;

/// Where the photos' bytes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Href {
    /// Into the SVG, as `data:` URLs: a file that stands alone.
    DataUrl,
    /// Named `photo:ID`, for the rasteriser to resolve from images prepared
    /// once per export ([`super::photo_images`]): the PNG and the PDF.
    Resolved,
    /// Nowhere: the page the SVG is inlined in defines the photos once
    /// ([`write_definition`]), for the diagram and its figures (the HTML
    /// report).
    Elsewhere,
}

/// The photos an SVG draws its `Shape::Image`s with.
#[derive(Clone, Copy)]
pub struct SvgPhotos<'a> {
    photos: &'a [Photo],
    href: Href,
}

impl<'a> SvgPhotos<'a> {
    /// The blueprint's photos, written as `href` says.
    pub fn new(photos: &'a [Photo], href: Href) -> Self {
        Self { photos, href }
    }

    /// No photos: images are left out, their text alternatives kept.
    pub fn none() -> SvgPhotos<'static> {
        SvgPhotos {
            photos: &[],
            href: Href::DataUrl,
        }
    }
}

/// The prefix of the href of a photo to resolve ([`Href::Resolved`]).
pub const RESOLVED_PREFIX: &str = "photo:";

/// The photos a scene shows, in the order first shown, each once.
pub(crate) fn shown(scene: &Scene) -> Vec<&PhotoId> {
    let mut seen = std::collections::HashSet::new();
    scene
        .items
        .iter()
        .filter_map(|item| match &item.shape {
            Shape::Image { photo, .. } => Some(photo),
            _ => None,
        })
        .filter(|id| seen.insert(*id))
        .collect()
}

/// Whether a photo can be drawn: a size that a viewBox takes.
fn drawable(p: &Photo) -> bool {
    p.width > 0 && p.height > 0
}

/// The photo definitions of a scene for `<defs>`, and the photos that can
/// be placed, with their sizes (defined here, or by the page for
/// [`Href::Elsewhere`]).
pub(super) fn defs<'a>(
    scene: &'a Scene,
    photos: &SvgPhotos<'a>,
) -> (String, HashMap<&'a PhotoId, (u32, u32)>) {
    let shown = shown(scene);
    if shown.is_empty() {
        return (String::new(), Default::default());
    }
    let by_id: HashMap<&PhotoId, &Photo> = photos
        .photos
        .iter()
        .filter(|p| drawable(p))
        .map(|p| (&p.id, p))
        .collect();
    let mut out = String::new();
    let mut placed = HashMap::new();
    for id in shown {
        let Some(photo) = by_id.get(id) else {
            continue;
        };
        placed.insert(id, (photo.width, photo.height));
        if photos.href != Href::Elsewhere {
            write_definition(&mut out, photo, photos.href);
        }
    }
    (out, placed)
}

/// The id of a photo's definition.
fn definition_id(out: &mut String, id: &PhotoId) {
    out.push_str("photo-");
    super::svg::push_escaped(out, id.as_str());
}

/// Writes a photo's definition for `<defs>`: an `<image>` at the photo's
/// own size, with its bytes as a data URL, or its name to resolve.
pub fn write_definition(out: &mut String, photo: &Photo, href: Href) {
    let (w, h) = (photo.width, photo.height);
    out.push_str("<image id=\"");
    definition_id(out, &photo.id);
    let _ = std::fmt::Write::write_fmt(
        out,
        format_args!("\" width=\"{w}\" height=\"{h}\" xlink:href=\""),
    );
    if href == Href::Resolved {
        out.push_str(RESOLVED_PREFIX);
        super::svg::push_escaped(out, photo.id.as_str());
    } else {
        out.push_str("data:");
        out.push_str(photo.format.media_type());
        out.push_str(";base64,");
        base64::engine::general_purpose::STANDARD.encode_string(photo.data.bytes(), out);
    }
    out.push_str("\"/>\n");
}

/// Writes a `<use>` of a photo's definition (`w` × `h`) inside a viewport,
/// an `<svg>` that scales it to cover the viewport and crops it to the
/// middle. (A nested `<svg>`, not a `<symbol>`: rsvg-convert 2.54, which
/// MediaWiki draws SVG with, does not clip a symbol.) `attrs` are the
/// viewport's own: its position and size, or its `viewBox` alone.
pub fn write_use(out: &mut String, id: &PhotoId, (w, h): (u32, u32), attrs: &str) {
    let _ = std::fmt::Write::write_fmt(
        out,
        format_args!(
            "<svg{attrs} viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMidYMid slice\"><use xlink:href=\"#"
        ),
    );
    definition_id(out, id);
    out.push_str("\"/></svg>");
}

/// The attributes of a viewport over `r`.
fn viewport(r: Rect) -> String {
    let mut out = String::new();
    for (name, v) in [
        ("x", r.min.x),
        ("y", r.min.y),
        ("width", r.width()),
        ("height", r.height()),
    ] {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        super::svg::num(&mut out, v);
        out.push('"');
    }
    out
}

/// Writes a photo placed in `rect` with its text alternative; only the
/// text when the photo cannot be placed.
pub(super) fn write_image(
    out: &mut String,
    rect: Rect,
    photo: &PhotoId,
    alt: &str,
    size: Option<(u32, u32)>,
) {
    out.push_str("<g");
    if alt.is_empty() {
        // No text alternative (a check finding): nothing to read out.
        out.push_str(" aria-hidden=\"true\">");
    } else {
        out.push_str(" role=\"img\" aria-label=\"");
        super::svg::push_escaped(out, alt);
        out.push_str("\"><title>");
        super::svg::push_escaped(out, alt);
        out.push_str("</title>");
    }
    if let Some(size) = size {
        write_use(out, photo, size, &viewport(rect));
    }
    out.push('\n');
    if !alt.is_empty() {
        super::svg::invisible_text(out, rect, alt);
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhotoData, PhotoFormat};

    fn scene_showing(ids: &[&str]) -> Scene {
        let bp = crate::testing::hotel();
        let mut scene = super::super::export_scene(
            &bp,
            &crate::scene::Theme::LIGHT,
            crate::model::Language::En,
        );
        for (i, id) in ids.iter().enumerate() {
            let x = 10.0 + 50.0 * i as f32;
            // The last one of no size.
            let side = if i + 1 == ids.len() { 0.0 } else { 40.0 };
            let rect = Rect {
                min: crate::layout::pos(x, 10.0),
                max: crate::layout::pos(x + side, 10.0 + side * 0.75),
            };
            crate::testing::push_image(&mut scene, rect, PhotoId::from(*id), "A \"door\" <& more>");
        }
        scene
    }

    fn photo(id: &str, width: u32, height: u32) -> Photo {
        Photo {
            id: PhotoId::from(id),
            format: PhotoFormat::Png,
            width,
            height,
            data: PhotoData(std::sync::Arc::from(&b"\x89PNG"[..])),
        }
    }

    /// Ids, text alternatives and bytes are escaped; a photo the blueprint
    /// lacks, or of no size, is left out with its text alternative kept;
    /// the SVG stays well-formed and nothing panics.
    #[test]
    fn odd_photos_give_well_formed_svg_and_keep_their_text_alternatives() {
        let odd = "ph-\"><script>&";
        let photos = [photo(odd, 4, 3), photo("ph-empty", 0, 3)];
        let scene = scene_showing(&[odd, "ph-missing", "ph-empty", odd]);
        for href in [Href::DataUrl, Href::Resolved, Href::Elsewhere] {
            let svg = super::super::svg::to_svg_with(&scene, "t", &SvgPhotos::new(&photos, href));
            let xml = roxmltree::Document::parse(&svg).unwrap();
            let named: Vec<_> = xml
                .descendants()
                .filter(|n| n.attribute("role") == Some("img"))
                .collect();
            assert_eq!(named.len(), 4, "{href:?}");
            assert!(
                named
                    .iter()
                    .all(|n| n.attribute("aria-label") == Some("A \"door\" <& more>"))
            );
            let uses: Vec<_> = xml
                .descendants()
                .filter(|n| n.has_tag_name("use"))
                .filter_map(|n| n.attribute(("http://www.w3.org/1999/xlink", "href")))
                .collect();
            assert_eq!(
                uses,
                [format!("#photo-{odd}"), format!("#photo-{odd}")],
                "{href:?}"
            );
            let defined = xml
                .descendants()
                .filter(|n| n.has_tag_name("image"))
                .count();
            assert_eq!(defined, usize::from(href != Href::Elsewhere), "{href:?}");
        }
        // No photos at all: the text alternatives alone.
        let svg = super::super::svg::to_svg(&scene, "t");
        assert_eq!(svg.matches("role=\"img\"").count(), 4);
        assert!(!svg.contains("<use xlink:href=\"#photo"));
    }
}
