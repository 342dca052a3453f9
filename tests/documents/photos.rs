//! Photos for tests: real PNG and JPEG bytes made here, distinct for each
//! seed, and blueprints that show them.

use servuction::model::*;
use std::io::Cursor;

/// A stored PNG photo of `side` × `side` pixels of noise (which does not
/// compress: some `4 × side²` bytes), different for each seed.
pub fn noise_png(seed: u64, side: u32) -> Photo {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let img = image::RgbaImage::from_fn(side, side, |_, _| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        image::Rgba(state.to_le_bytes()[..4].try_into().unwrap())
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    Photo {
        id: PhotoId::of(&bytes),
        format: PhotoFormat::Png,
        width: side,
        height: side,
        data: PhotoData(bytes.into()),
    }
}

/// The bytes of a small JPEG file, a gradient tinted by `seed`.
pub fn jpeg_file(seed: u8, w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, seed])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&img)
        .unwrap();
    bytes
}

/// A small photo as Servuction stores it, different for each seed.
pub fn photo(seed: u8) -> Photo {
    servuction::photo::prepare(&jpeg_file(seed, 64, 48)).unwrap()
}

/// `bp` with `photos` stored, each shown on a touchpoint in turn (the
/// first touchpoint shows the first photo twice over the document: once
/// with a caption and text alternative, once more later without).
pub fn showing(mut bp: Blueprint, photos: Vec<Photo>) -> Blueprint {
    let n = bp.touchpoints.len();
    for (i, p) in photos.iter().enumerate() {
        let tp = &mut bp.touchpoints[i % n];
        tp.photos.push(PhotoUse {
            photo: p.id.clone(),
            caption: format!("Photo {i} «ñ»"),
            alt: format!("What photo {i} shows"),
        });
    }
    if let Some(first) = photos.first() {
        bp.touchpoints[n - 1]
            .photos
            .push(PhotoUse::new(first.id.clone()));
    }
    bp.photos = photos;
    bp
}
