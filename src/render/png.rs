//! A scene as a PNG: the SVG rasterised by resvg with only the bundled font,
//! encoded with the blueprint's JSON in an `iTXt` chunk so that the image
//! re-opens as an editable document.

use resvg::{tiny_skia, usvg};

/// The most pixels an export may have: 100 megapixels (400 MB of RGBA).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error(
        "the image would be {width} × {height} pixels, over the limit of {limit} megapixels; export with --scale {suggested} or less"
    )]
    TooLarge {
        width: u64,
        height: u64,
        limit: u64,
        suggested: String,
    },
    #[error("the scale must be a positive number, not {0}")]
    BadScale(f32),
    #[error("the diagram could not be drawn: {0}")]
    Svg(String),
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// Whether an image of `w × h` pixels may be made.
fn fits(w: u64, h: u64) -> bool {
    w.saturating_mul(h) <= MAX_PIXELS && w <= u64::from(u32::MAX) && h <= u64::from(u32::MAX)
}

/// A scale, written with two significant digits, at which a diagram of
/// `width × height` units fits the pixel limit: a value that works, never
/// `0.00`.
pub fn suggest_scale(width: f64, height: f64) -> String {
    let pixels = |s: f64| ((width * s).ceil() as u64, (height * s).ceil() as u64);
    let fit = (MAX_PIXELS as f64 / (width * height).max(1.0))
        .sqrt()
        .min(1.0);
    // Two significant digits, rounded down, then down again until it fits.
    let unit = 10f64.powi(fit.log10().floor() as i32 - 1);
    let mut digits = (fit / unit).floor().max(1.0);
    while digits > 1.0
        && !{
            let (w, h) = pixels(digits * unit);
            fits(w, h)
        }
    {
        digits -= 1.0;
    }
    let decimals = (-unit.log10()).round().max(0.0) as usize;
    format!("{:.*}", decimals, digits * unit)
}

/// The size in pixels of a picture of `width × height` units at `scale`, or
/// why it cannot be made: checked from the layout's size, before the picture
/// is built, so that a refusal costs nothing.
pub fn pixel_size(width: f32, height: f32, scale: f32) -> Result<(u32, u32), PngError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::BadScale(scale));
    }
    let (w, h) = (
        (f64::from(width) * f64::from(scale)).ceil() as u64,
        (f64::from(height) * f64::from(scale)).ceil() as u64,
    );
    if !fits(w, h) {
        return Err(PngError::TooLarge {
            width: w,
            height: h,
            limit: MAX_PIXELS / 1_000_000,
            suggested: suggest_scale(f64::from(width), f64::from(height)),
        });
    }
    Ok((w.max(1) as u32, h.max(1) as u32))
}

/// The largest scale, up to `scale`, at which `width × height` units fit the
/// pixel limit: what the editor exports at when full size is too large.
pub fn fitting_scale(width: f32, height: f32, scale: f32) -> f32 {
    if pixel_size(width, height, scale).is_ok() {
        return scale;
    }
    suggest_scale(f64::from(width), f64::from(height))
        .parse()
        .unwrap_or(0.001)
}

/// Parses an export's SVG text with the fonts its text needs.
pub fn parse(svg: &str) -> Result<usvg::Tree, PngError> {
    let options = super::fonts::options(super::fonts::database(std::iter::once(svg)));
    usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))
}

/// Rasterises SVG text at `scale` into straight (not premultiplied) RGBA.
pub fn rasterise(svg: &str, scale: f32) -> Result<(u32, u32, Vec<u8>), PngError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::BadScale(scale));
    }
    rasterise_tree(&parse(svg)?, scale)
}

/// Rasterises a parsed SVG at `scale` into straight (not premultiplied) RGBA.
pub fn rasterise_tree(tree: &usvg::Tree, scale: f32) -> Result<(u32, u32, Vec<u8>), PngError> {
    let size = tree.size();
    let (w, h) = pixel_size(size.width(), size.height(), scale)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| PngError::Svg("empty image".into()))?;
    // Stretched by under a pixel to fill the whole pixels: a scaled picture
    // whose size is not a whole number of pixels would otherwise leave a
    // half-transparent last column or row, and make the PNG RGBA.
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(
            w as f32 / size.width().max(f32::MIN_POSITIVE),
            h as f32 / size.height().max(f32::MIN_POSITIVE),
        ),
        &mut pixmap.as_mut(),
    );
    // Where every pixel is opaque, premultiplied and straight colours are
    // the same: the pixmap's own buffer is the answer, with no copy.
    if pixmap.data().chunks_exact(4).all(|p| p[3] == 255) {
        return Ok((w, h, pixmap.take()));
    }
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Ok((w, h, rgba))
}

/// Encodes RGBA pixels as PNG, with `document` (the blueprint's JSON) in an
/// `iTXt` chunk with keyword [`crate::format::PNG_KEYWORD`].
pub fn encode(
    width: u32,
    height: u32,
    rgba: &[u8],
    document: Option<&str>,
) -> Result<Vec<u8>, PngError> {
    let err = |e: png::EncodingError| PngError::Encode(e.to_string());
    // A diagram is opaque: RGB holds the same picture in three quarters of
    // the bytes, converted row by row as it is compressed (no second copy
    // of a picture that can be hundreds of megabytes).
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
    let row = width as usize * 4;
    let mut out = Vec::with_capacity(rgba.len() / 16 + document.map_or(0, |d| d.len() / 8));
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(if opaque {
            png::ColorType::Rgb
        } else {
            png::ColorType::Rgba
        });
        enc.set_depth(png::BitDepth::Eight);
        // zlib level 6 with the Up filter: on diagrams (flat fills, lines
        // along rows) smaller and faster than adaptive filtering.
        enc.set_deflate_compression(png::DeflateCompression::Level(6));
        enc.set_filter(png::Filter::Up);
        let mut writer = enc.write_header().map_err(err)?;
        if let Some(doc) = document {
            writer
                .write_chunk(png::chunk::iTXt, &itxt_compressed(doc)?)
                .map_err(err)?;
        }
        if opaque {
            use std::io::Write as _;
            let mut stream = writer.stream_writer().map_err(err)?;
            let mut rgb = Vec::with_capacity(width as usize * 3);
            for line in rgba.chunks_exact(row.max(4)) {
                rgb.clear();
                rgb.extend(line.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]));
                stream
                    .write_all(&rgb)
                    .map_err(|e| PngError::Encode(e.to_string()))?;
            }
            stream.finish().map_err(err)?;
        } else {
            writer.write_image_data(rgba).map_err(err)?;
            writer.finish().map_err(err)?;
        }
    }
    Ok(out)
}

/// The data of an `iTXt` chunk holding `text` under our keyword, deflated
/// at the best level (a document compresses to about a twentieth; it is
/// small beside the picture, so the time is too).
fn itxt_compressed(text: &str) -> Result<Vec<u8>, PngError> {
    use std::io::Write as _;
    let mut data = crate::format::PNG_KEYWORD.as_bytes().to_vec();
    // Keyword, compressed, method zlib, no language, no translated keyword.
    data.extend_from_slice(&[0, 1, 0, 0, 0]);
    let mut z = flate2::write::ZlibEncoder::new(data, flate2::Compression::best());
    z.write_all(text.as_bytes())
        .and_then(|()| z.finish())
        .map_err(|e| PngError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_scale_works_even_for_a_note_a_million_units_away() {
        for (w, h) in [
            (1_000_200.0, 1_000_700.0),
            (26_114.0, 697.0),
            (2_000_000.0, 900.0),
        ] {
            let s = suggest_scale(w, h);
            let v: f64 = s.parse().unwrap();
            assert!(v > 0.0, "{s}");
            let (pw, ph) = ((w * v).ceil() as u64, (h * v).ceil() as u64);
            assert!(fits(pw, ph), "{s} gives {pw} × {ph}");
        }
        assert_eq!(suggest_scale(1_000_200.0, 1_000_700.0), "0.0099");
    }

    #[test]
    fn the_fitting_scale_is_full_size_where_that_fits_and_fits_where_not() {
        assert_eq!(fitting_scale(2724.0, 954.0, 1.0), 1.0);
        let s = fitting_scale(2_000_000.0, 900.0, 1.0);
        assert!(s > 0.0 && s < 1.0, "{s}");
        assert!(pixel_size(2_000_000.0, 900.0, s).is_ok());
        assert!(pixel_size(2_000_000.0, 900.0, 1.0).is_err());
        assert!(pixel_size(10.0, 10.0, 0.0).is_err());
    }
}
