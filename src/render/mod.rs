//! Painters of a [`crate::scene::Scene`]: SVG, PNG (the SVG rasterised by
//! resvg) and, in the editor, egui.

#[cfg(feature = "app")]
pub mod egui;
pub mod export;
mod export_error;
pub mod fonts;
mod glyphs;
pub mod pdf;
mod pdf_workshop;
pub mod photo_images;
pub mod png;
pub mod sheets;
pub mod svg;
pub mod svg_photos;

use crate::layout::{self, Options};
use crate::model::{Blueprint, Language};
use crate::scene::{self, Scene, Theme};

/// The scene of a whole blueprint, as exported.
pub fn export_scene(bp: &Blueprint, theme: &Theme, lang: Language) -> Scene {
    let l = layout::layout(bp, Options::default());
    scene::scene(bp, &l, theme, lang)
}

/// A PNG of a whole blueprint at `scale`, with `document` (its JSON) inside.
/// The pixel budget is checked from the layout, before the picture is built:
/// a diagram too large for `scale` is refused at once, with a scale that fits.
pub fn export_png(
    bp: &Blueprint,
    theme: &Theme,
    lang: Language,
    scale: f32,
    document: Option<&str>,
) -> Result<(Vec<u8>, fonts::Missing), png::PngError> {
    export_png_reporting(bp, theme, lang, scale, document, &|_| true)
}

/// [`export_png`], telling `progress` the fraction done as each stage ends
/// (drawing the picture is about half the work, compressing it the rest);
/// when it answers false, the export stops there ([`png::PngError::Cancelled`]).
pub fn export_png_reporting(
    bp: &Blueprint,
    theme: &Theme,
    lang: Language,
    scale: f32,
    document: Option<&str>,
    progress: &dyn Fn(f32) -> bool,
) -> Result<(Vec<u8>, fonts::Missing), png::PngError> {
    let l = layout::layout(bp, Options::default());
    png::pixel_size(l.size.x, l.size.y, scale)?;
    // The document is compressed on another thread while the picture is
    // built and drawn.
    // (Not beside the drawing when a core is to be left free: then both
    // would take the machine's two cores.)
    let beside = !png::leaves_a_core_free();
    let early = match document {
        Some(doc) if !beside => Some(png::itxt_compressed(doc)?),
        _ => None,
    };
    std::thread::scope(|s| {
        let itxt = document
            .filter(|_| beside)
            .map(|doc| s.spawn(move || png::itxt_compressed(doc)));
        let scene = scene::scene(bp, &l, theme, lang);
        let title = crate::shown::shown_line(&bp.title, crate::shown::LINE_CHARS);
        let photos = svg::SvgPhotos::new(&bp.photos, svg::Href::Resolved);
        let svg = svg::to_svg_with(&scene, &title, &photos);
        let images = photo_images::PhotoImages::of(
            &scene,
            &bp.photos,
            photo_images::Purpose::Raster { px_per_unit: scale },
        );
        drop(scene);
        if !progress(0.1) {
            return Err(png::PngError::Cancelled);
        }
        let tree = png::parse_with(&svg, images)?;
        let missing = fonts::Missing::of_tree(&tree);
        if !progress(0.2) {
            return Err(png::PngError::Cancelled);
        }
        let (w, h, rgba) = png::rasterise_tree(&tree, scale)?;
        drop(tree);
        if !progress(0.6) {
            return Err(png::PngError::Cancelled);
        }
        let itxt = match itxt.map(|t| t.join()) {
            Some(Ok(made)) => Some(made?),
            Some(Err(_)) => {
                return Err(png::PngError::Encode(
                    "the document could not be compressed".into(),
                ));
            }
            None => early,
        };
        Ok((png::encode_with(w, h, &rgba, itxt.as_deref())?, missing))
    })
}

/// The size in units of a blueprint's exported picture.
pub fn export_size(bp: &Blueprint) -> (f32, f32) {
    let l = layout::layout(bp, Options::default());
    (l.size.x, l.size.y)
}
