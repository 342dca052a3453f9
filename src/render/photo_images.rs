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
    if scale.is_nan() || scale <= 0.0 {
        // Drawn nowhere larger than nothing.
        return None;
    }
    let shrink = scale < 1.0;
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
        // Each stored pixel added to one pixel of the result: an average
        // over its area, fast however far a photo shrinks (a filter's
        // kernel grows with the shrink: 40 ms a photo to a thumbnail).
        image::imageops::thumbnail(&decoded, w, h)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(w: u32, h: u32, rgb: [u8; 3]) -> Photo {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        crate::photo::prepare(&png).unwrap()
    }

    /// A scene of the hotel with `uses` photos in a row, 40 × 30 units
    /// each, taking turns.
    fn scene_with(photos: &[Photo], uses: usize) -> Scene {
        let bp = crate::testing::hotel();
        let mut scene = super::super::export_scene(
            &bp,
            &crate::scene::Theme::LIGHT,
            crate::model::Language::En,
        );
        for i in 0..uses {
            let x = 10.0 + 45.0 * (i % 20) as f32;
            let y = 10.0 + 35.0 * (i / 20) as f32;
            let rect = crate::layout::Rect {
                min: crate::layout::pos(x, y),
                max: crate::layout::pos(x + 40.0, y + 30.0),
            };
            let id = photos[i % photos.len()].id.clone();
            crate::testing::push_image(&mut scene, rect, id, "a photo");
        }
        scene
    }

    fn images(g: &usvg::Group, out: &mut Vec<(usize, u32, u32)>) {
        for node in g.children() {
            match node {
                usvg::Node::Group(g) => images(g, out),
                usvg::Node::Image(i) => {
                    let (usvg::ImageKind::PNG(d) | usvg::ImageKind::JPEG(d)) = i.kind() else {
                        panic!("not a JPEG or PNG");
                    };
                    let (w, h) = image::ImageReader::new(std::io::Cursor::new(d.as_slice()))
                        .with_guessed_format()
                        .unwrap()
                        .into_dimensions()
                        .unwrap();
                    out.push((Arc::as_ptr(d) as usize, w, h));
                }
                _ => {}
            }
        }
    }

    /// Every use of a photo draws the same bytes, prepared once: for the
    /// PNG a thumbnail the size it is drawn at, for the PDF the stored
    /// photo where it is drawn at 300 dpi or more.
    #[test]
    fn a_photo_is_prepared_once_for_all_its_uses_at_the_size_it_is_drawn() {
        let photos = [photo(800, 600, [200, 30, 30]), photo(60, 45, [30, 30, 200])];
        let scene = scene_with(&photos, 50);
        let svg = super::super::svg::to_svg_with(
            &scene,
            "t",
            &super::super::svg::SvgPhotos::new(&photos, super::super::svg::Href::Resolved),
        );
        for (purpose, big) in [
            (Purpose::Raster { px_per_unit: 2.0 }, (80, 60)),
            (Purpose::Print, (125, 94)),
        ] {
            let prepared = PhotoImages::of(&scene, &photos, purpose);
            assert_eq!(prepared.len(), 2);
            let tree = super::super::png::parse_with(&svg, prepared).unwrap();
            let mut drawn = Vec::new();
            images(tree.root(), &mut drawn);
            assert_eq!(drawn.len(), 50, "{purpose:?}");
            let mut distinct: Vec<_> = drawn.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), 2, "{purpose:?}: {distinct:?}");
            // The large photo shrunk to cover 40 × 30 units; the small one
            // never grown.
            let sizes: Vec<_> = distinct.iter().map(|&(_, w, h)| (w, h)).collect();
            assert!(sizes.contains(&big), "{purpose:?}: {sizes:?}");
            assert!(sizes.contains(&(60, 45)), "{purpose:?}: {sizes:?}");
        }
    }

    /// A photo the blueprint lacks, or that cannot be decoded, is left out:
    /// nothing panics, nothing is drawn for it.
    #[test]
    fn a_missing_or_damaged_photo_is_left_out() {
        let mut damaged = photo(100, 100, [1, 2, 3]);
        damaged.data = crate::model::PhotoData(Arc::from(&b"not a jpeg"[..]));
        let scene = scene_with(std::slice::from_ref(&damaged), 3);
        assert!(
            PhotoImages::of(&scene, &[damaged], Purpose::Raster { px_per_unit: 1.0 }).is_empty()
        );
        assert!(PhotoImages::of(&scene, &[], Purpose::Print).is_empty());
    }
}
