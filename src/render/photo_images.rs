//! The photos an export draws, prepared once per export however many cards
//! show them: the PNG's and the PDF's SVG names each photo (`photo:ID`,
//! [`super::svg::Href::Resolved`]) and usvg resolves the name here, to the
//! same shared bytes for every use.
//!
//! - For the PNG, resvg decodes an image each time it draws it, so each
//!   photo is decoded here once and resampled to the largest size it is
//!   drawn at (never larger than stored), and handed over as a PNG of that
//!   size: drawing a thumbnail decodes a thumbnail, not a 1,600-pixel JPEG.
//! - For the PDF, a photo drawn at 300 dpi or more is embedded as stored
//!   (a JPEG passes through without being decoded); one drawn smaller (a
//!   thumbnail) is resampled to 300 dpi at its largest use, which keeps the
//!   file small. krilla embeds each image once (krilla-svg keeps one krilla
//!   image per photo: see vendor/krilla-svg/README.md).

use super::svg::RESOLVED_PREFIX;
use crate::model::{Photo, PhotoFormat, PhotoId};
use crate::scene::{Scene, Shape};
use resvg::usvg;
use std::collections::HashMap;
use std::sync::Arc;

/// Pixels per diagram unit at which the PDF keeps a photo: 300 dpi at one
/// unit a CSS pixel (1/96 in).
pub const PRINT_PX_PER_UNIT: f32 = 300.0 / 96.0;

/// What the prepared images are for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Purpose {
    /// Drawn by resvg at this many pixels a unit (the PNG's scale).
    Raster { px_per_unit: f32 },
    /// Embedded in a PDF.
    Print,
}

/// The photos of one export, ready for usvg, by id.
#[derive(Clone, Default)]
pub struct PhotoImages {
    images: HashMap<String, usvg::ImageKind>,
}

impl PhotoImages {
    /// The photos `scene` shows, from `photos`, prepared for `purpose`:
    /// each decoded at most once, on the cores the export may use. A photo
    /// that cannot be decoded is left out (the export draws its text
    /// alternative alone).
    pub fn of(scene: &Scene, photos: &[Photo], purpose: Purpose) -> Self {
        // The scale at which each photo covers its largest box.
        let mut cover: HashMap<&PhotoId, f32> = HashMap::new();
        let by_id: HashMap<&PhotoId, &Photo> = photos.iter().map(|p| (&p.id, p)).collect();
        for item in &scene.items {
            if let Shape::Image { rect, photo, .. } = &item.shape
                && let Some(p) = by_id.get(photo)
                && p.width > 0
                && p.height > 0
            {
                let s = (rect.width() / p.width as f32).max(rect.height() / p.height as f32);
                let c = cover.entry(photo).or_insert(0.0);
                *c = c.max(s);
            }
        }
        if cover.is_empty() {
            return Self::default();
        }
        let px_per_unit = match purpose {
            Purpose::Raster { px_per_unit } => px_per_unit,
            Purpose::Print => PRINT_PX_PER_UNIT,
        };
        let work: Vec<(&Photo, f32)> = cover
            .into_iter()
            .filter_map(|(id, s)| Some((*by_id.get(id)?, s * px_per_unit)))
            .collect();
        let prepare = |(photo, scale): &(&Photo, f32)| {
            prepared(photo, *scale, purpose).map(|kind| (photo.id.as_str().to_owned(), kind))
        };
        let images = if super::png::leaves_a_core_free() || work.len() < 2 {
            work.iter().filter_map(prepare).collect()
        } else {
            use rayon::prelude::*;
            work.par_iter().filter_map(prepare).collect()
        };
        Self { images }
    }

    /// How many photos are prepared.
    pub fn len(&self) -> usize {
        self.images.len()
    }

    /// Whether no photo is prepared.
    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
    }

    /// usvg's options, `options` with hrefs resolved to these photos: every
    /// use of a photo shares its bytes. Nothing else resolves: an href to
    /// a file or a URL draws nothing.
    pub fn resolving<'a>(self, mut options: usvg::Options<'a>) -> usvg::Options<'a> {
        let images = Arc::new(self.images);
        options.image_href_resolver = usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(move |href, _| {
                let id = href.strip_prefix(RESOLVED_PREFIX)?;
                images.get(id).cloned()
            }),
        };
        options
    }
}

/// A photo for `purpose`, drawn at most `scale` pixels a stored pixel.
fn prepared(photo: &Photo, scale: f32, purpose: Purpose) -> Option<usvg::ImageKind> {
    let shrink = scale.is_finite() && scale > 0.0 && scale < 1.0;
    if purpose == Purpose::Print && !shrink {
        let bytes = Arc::new(photo.data.bytes().to_vec());
        return Some(match photo.format {
            PhotoFormat::Jpeg => usvg::ImageKind::JPEG(bytes),
            PhotoFormat::Png => usvg::ImageKind::PNG(bytes),
        });
    }
    let decoded = crate::photo::decode(photo).ok()?;
    let image = if shrink {
        let w = ((photo.width as f32 * scale).ceil() as u32).clamp(1, photo.width);
        let h = ((photo.height as f32 * scale).ceil() as u32).clamp(1, photo.height);
        image::imageops::resize(&decoded, w, h, image::imageops::FilterType::Triangle)
    } else {
        decoded
    };
    let mut out = Vec::new();
    let lossless = match purpose {
        Purpose::Raster { .. } => true,
        Purpose::Print => photo.format == PhotoFormat::Png,
    };
    if lossless {
        let encoder = image::codecs::png::PngEncoder::new_with_quality(
            std::io::Cursor::new(&mut out),
            image::codecs::png::CompressionType::Fast,
            image::codecs::png::FilterType::NoFilter,
        );
        image::ImageEncoder::write_image(
            encoder,
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgba8,
        )
        .ok()?;
        Some(usvg::ImageKind::PNG(Arc::new(out)))
    } else {
        let rgb = image::DynamicImage::ImageRgba8(image).to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, crate::photo::JPEG_QUALITY)
            .encode_image(&rgb)
            .ok()?;
        Some(usvg::ImageKind::JPEG(Arc::new(out)))
    }
}
