//! A scene as a PNG: the SVG rasterised by resvg with only the bundled font,
//! encoded with the blueprint's JSON in an `iTXt` chunk so that the image
//! re-opens as an editable document.

use resvg::{tiny_skia, usvg};

/// The most pixels an export may have: 100 megapixels (400 MB of RGBA).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Why a PNG could not be made.
#[derive(Debug)]
pub enum PngError {
    TooLarge {
        width: u64,
        height: u64,
        limit: u64,
        suggested: String,
    },
    BadScale(f32),
    Svg(String),
    Encode(String),
    /// The user cancelled the export (in the editor).
    Cancelled,
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
    // The largest scale that fits, which may be above 1 for a small
    // diagram (`--scale 1e9` is told about 6.2, not 1.0).
    let fit = (MAX_PIXELS as f64 / (width * height).max(1.0)).sqrt();
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
    parse_with(svg, super::photo_images::PhotoImages::default())
}

/// [`parse`], with the photos the SVG names ([`super::svg::Href::Resolved`]).
pub fn parse_with(
    svg: &str,
    photos: super::photo_images::PhotoImages,
) -> Result<usvg::Tree, PngError> {
    let options = super::fonts::options(super::fonts::database(std::iter::once(svg)));
    let options = photos.resolving(options);
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
/// The picture is drawn in horizontal bands, one per core.
pub fn rasterise_tree(tree: &usvg::Tree, scale: f32) -> Result<(u32, u32, Vec<u8>), PngError> {
    let size = tree.size();
    let (w, h) = pixel_size(size.width(), size.height(), scale)?;
    // Cut across the longer side, so that each band holds about its share
    // of the drawing (a wide diagram's bands are columns of steps).
    let cut = if w > h { Cut::Columns } else { Cut::Rows };
    rasterise_in(tree, w, h, bands(w.max(h)), cut)
}

/// Rasterises the part `[x0, y0, x1, y1]` (pixels of the picture at
/// `scale`) of a parsed SVG: only that part is drawn, into a picture its
/// size (Copy as image of a selection draws the selection, not the whole
/// diagram). The part is cut to the picture.
pub fn rasterise_region(
    tree: &usvg::Tree,
    scale: f32,
    [x0, y0, x1, y1]: [u32; 4],
) -> Result<(u32, u32, Vec<u8>), PngError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::BadScale(scale));
    }
    let size = tree.size();
    let (w, h) = pixel_size(size.width(), size.height(), scale)?;
    let (x1, y1) = (x1.min(w), y1.min(h));
    let (x0, y0) = (x0.min(x1), y0.min(y1));
    let (rw, rh) = (x1 - x0, y1 - y0);
    let mut pixmap =
        tiny_skia::Pixmap::new(rw, rh).ok_or_else(|| PngError::Svg("empty image".into()))?;
    // The whole picture's transform (as `rasterise_in`), moved to the part.
    let transform = tiny_skia::Transform::from_scale(
        w as f32 / size.width().max(f32::MIN_POSITIVE),
        h as f32 / size.height().max(f32::MIN_POSITIVE),
    )
    .post_translate(-(x0 as f32), -(y0 as f32));
    resvg::render(tree, transform, &mut pixmap.as_mut());
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Ok((rw, rh, rgba))
}

thread_local! {
    /// Whether drawing and compressing on this thread leave a core free.
    static LEAVE_A_CORE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes the pictures drawn and compressed on this thread use one core
/// fewer than the machine has (at least one): the editor's work in the
/// background leaves the window a core to draw its frames on (with all
/// cores busy, a frame waited 67 ms during a 5,000-touchpoint PNG export).
pub fn leave_a_core_free() {
    LEAVE_A_CORE.set(true);
}

/// Whether this thread leaves a core free ([`leave_a_core_free`]).
pub fn leaves_a_core_free() -> bool {
    LEAVE_A_CORE.get()
}

/// How many bands a picture is drawn or compressed in, each on its own
/// thread, across a side `extent` pixels long: one per core (at most 8),
/// and none under 64 pixels, where a thread would cost more than it saves.
fn bands(extent: u32) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let cores = if LEAVE_A_CORE.get() {
        cores.saturating_sub(1)
    } else {
        cores
    };
    cores.clamp(1, 8).min((extent / 64).max(1) as usize)
}

/// How a picture is cut into bands.
#[derive(Clone, Copy, Debug)]
enum Cut {
    Rows,
    Columns,
}

/// Rasterises `tree` to `w × h` pixels in `bands` bands, cut as `cut` says,
/// drawn side by side.
fn rasterise_in(
    tree: &usvg::Tree,
    w: u32,
    h: u32,
    bands: usize,
    cut: Cut,
) -> Result<(u32, u32, Vec<u8>), PngError> {
    let size = tree.size();
    let mut pixmap =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| PngError::Svg("empty image".into()))?;
    // Stretched by under a pixel to fill the whole pixels: a scaled picture
    // whose size is not a whole number of pixels would otherwise leave a
    // half-transparent last column or row, and make the PNG RGBA.
    let transform = tiny_skia::Transform::from_scale(
        w as f32 / size.width().max(f32::MIN_POSITIVE),
        h as f32 / size.height().max(f32::MIN_POSITIVE),
    );
    if bands <= 1 {
        resvg::render(tree, transform, &mut pixmap.as_mut());
    } else {
        draw_bands(tree, transform, &mut pixmap, bands, cut);
    }
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

/// A band's first column and row, and its part of each of its rows.
type BandRows<'a> = ((usize, usize), Vec<&'a mut [u8]>);

/// Draws `tree` into `pixmap` in `bands` bands at once, each on its own
/// thread.
///
/// Each band is the whole drawing moved by the pixels before it. Edges
/// along a pixmap's borders are smoothed a little unlike the same edges
/// inside one, so a band is drawn with a few pixels more on each side, in
/// pieces of at most `PIECE` rows (bounding the memory a band takes beside
/// the picture), and only its own pixels are kept.
fn draw_bands(
    tree: &usvg::Tree,
    transform: tiny_skia::Transform,
    pixmap: &mut tiny_skia::Pixmap,
    bands: usize,
    cut: Cut,
) {
    const MARGIN: usize = 8;
    const PIECE: usize = 512;
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let stride = w * 4;
    let mut parts: Vec<BandRows> = Vec::with_capacity(bands);
    match cut {
        Cut::Rows => {
            let span = h.div_ceil(bands);
            for (k, band) in pixmap.data_mut().chunks_mut(span * stride).enumerate() {
                parts.push(((0, k * span), band.chunks_mut(stride).collect()));
            }
        }
        Cut::Columns => {
            let span = w.div_ceil(bands);
            let count = w.div_ceil(span);
            for k in 0..count {
                parts.push(((k * span, 0), Vec::with_capacity(h)));
            }
            for row in pixmap.data_mut().chunks_mut(stride) {
                for (part, piece) in parts.iter_mut().zip(row.chunks_mut(span * 4)) {
                    part.1.push(piece);
                }
            }
        }
    }
    let draw = |(x0, y0): (usize, usize), mut rows: Vec<&mut [u8]>| {
        let Some(band_w) = rows.first().map(|r| r.len() / 4) else {
            return;
        };
        let left = x0.min(MARGIN);
        let right = (w - x0 - band_w).min(MARGIN);
        let mut scratch: Option<tiny_skia::Pixmap> = None;
        for (j, out) in rows.chunks_mut(PIECE).enumerate() {
            let top = y0 + j * PIECE;
            let n = out.len();
            let above = top.min(MARGIN);
            let below = (h - top - n).min(MARGIN);
            let (pw, ph) = ((left + band_w + right) as u32, (above + n + below) as u32);
            match &mut scratch {
                Some(p) if p.width() == pw && p.height() == ph => {
                    p.fill(tiny_skia::Color::TRANSPARENT);
                }
                _ => scratch = tiny_skia::Pixmap::new(pw, ph),
            }
            let Some(piece) = &mut scratch else { return };
            let shift = transform.post_translate(-((x0 - left) as f32), -((top - above) as f32));
            resvg::render(tree, shift, &mut piece.as_mut());
            let piece_stride = pw as usize * 4;
            for (r, out) in out.iter_mut().enumerate() {
                let at = (above + r) * piece_stride + left * 4;
                out.copy_from_slice(&piece.data()[at..at + band_w * 4]);
            }
        }
    };
    std::thread::scope(|s| {
        let last = parts.pop();
        for (origin, rows) in parts {
            s.spawn(move || draw(origin, rows));
        }
        if let Some((origin, rows)) = last {
            draw(origin, rows);
        }
    });
}

/// Encodes RGBA pixels as PNG, with `document` (the blueprint's JSON) in an
/// `iTXt` chunk with keyword [`crate::format::PNG_KEYWORD`].
pub fn encode(
    width: u32,
    height: u32,
    rgba: &[u8],
    document: Option<&str>,
) -> Result<Vec<u8>, PngError> {
    let itxt = document.map(itxt_compressed).transpose()?;
    encode_with(width, height, rgba, itxt.as_deref())
}

/// Encodes RGBA pixels as PNG, with `itxt` (made by [`itxt_compressed`]) as
/// its text chunk.
pub(crate) fn encode_with(
    width: u32,
    height: u32,
    rgba: &[u8],
    itxt: Option<&[u8]>,
) -> Result<Vec<u8>, PngError> {
    let err = |e: png::EncodingError| PngError::Encode(e.to_string());
    // A diagram is opaque: RGB holds the same picture in three quarters of
    // the bytes.
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
    let data = if opaque {
        Some(image_data(width, rgba, bands(height))?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(
        data.as_ref().map_or(rgba.len() / 16, Vec::len) + itxt.map_or(0, <[u8]>::len) + 1024,
    );
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(if opaque {
            png::ColorType::Rgb
        } else {
            png::ColorType::Rgba
        });
        enc.set_depth(png::BitDepth::Eight);
        enc.set_deflate_compression(png::DeflateCompression::Level(6));
        enc.set_filter(png::Filter::Up);
        let mut writer = enc.write_header().map_err(err)?;
        if let Some(itxt) = itxt {
            writer.write_chunk(png::chunk::iTXt, itxt).map_err(err)?;
        }
        match data {
            Some(data) => {
                for part in data.chunks(IDAT_BYTES) {
                    writer.write_chunk(png::chunk::IDAT, part).map_err(err)?;
                }
            }
            // Pictures with transparency (none of ours yet) go through the
            // png crate as they are.
            None => writer.write_image_data(rgba).map_err(err)?,
        }
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

/// The most bytes of image data in one `IDAT` chunk.
const IDAT_BYTES: usize = 1 << 18;

/// An opaque picture's PNG image data: a zlib stream of its rows as RGB,
/// filtered and deflated as [`filter_and_level`] says. The picture is
/// compressed in `bands` bands at once, each on its own thread; each band
/// ends on a byte boundary (a sync flush), so their streams follow one
/// another as one, under one Adler-32 made of theirs.
fn image_data(width: u32, rgba: &[u8], bands: usize) -> Result<Vec<u8>, PngError> {
    let stride = (width as usize * 4).max(4);
    let rows = rgba.len() / stride;
    let per = rows.div_ceil(bands.max(1)).max(1);
    let count = rows.div_ceil(per);
    let band = |k: usize| {
        let first = k * per;
        let last = ((k + 1) * per).min(rows);
        deflate_rows(rgba, stride, first..last, k + 1 == count)
    };
    let parts: Vec<Result<Band, PngError>> =
        std::thread::scope(|s| {
            let threads: Vec<_> = (1..count).map(|k| s.spawn(move || band(k))).collect();
            let mut parts = vec![band(0)];
            for t in threads {
                parts.push(t.join().unwrap_or_else(|_| {
                    Err(PngError::Encode("a compressing thread failed".into()))
                }));
            }
            parts
        });
    // A zlib header: deflate with a 32 KiB window, at level 6 or at 7 to 9.
    let level = filter_and_level(stride).1;
    let mut out = vec![0x78, if level == 6 { 0x9C } else { 0xDA }];
    let mut adler = 1;
    for (k, part) in parts.into_iter().enumerate() {
        let part = part?;
        out.extend_from_slice(&part.deflated);
        adler = if k == 0 {
            part.adler
        } else {
            zlib_rs::adler32::adler32_combine(adler, part.adler, part.len)
        };
    }
    out.extend_from_slice(&adler.to_be_bytes());
    Ok(out)
}

/// How a picture's rows are filtered and deflated, by its width.
///
/// Where two rows fit in deflate's 32 KiB window, deflate finds a row that
/// repeats the one above by itself, and unfiltered rows keep the repeats
/// along a row (the same letters, borders and fills) that the Up filter
/// would break: no filter, at zlib level 6, is both smaller and faster
/// (the hotel: 167 KB in 18 ms, Up 207 KB in 13 ms, level 8 with Up 203 KB
/// in 48 ms). Wider rows are out of the window's reach, so only Up (each
/// byte less the one above it) brings the row above in, and zlib-rs's level
/// 8 (lazy matching, chains of up to 1,024) makes them a sixth smaller than
/// level 6 (2,000 touchpoints at half size: 428 KB against 515 KB) in about
/// twice the time, which the bands share out among the cores.
fn filter_and_level(stride: usize) -> (bool, u32) {
    let rgb_row = stride / 4 * 3 + 1;
    if 2 * rgb_row <= 1 << 15 {
        (false, 6)
    } else {
        (true, 8)
    }
}

/// A band of rows, filtered and deflated.
struct Band {
    deflated: Vec<u8>,
    /// The Adler-32 of the filtered rows.
    adler: u32,
    /// How many bytes the filtered rows have.
    len: u64,
}

/// Rows `rows` of an opaque RGBA picture, each as RGB, filtered and deflated
/// (raw) as [`filter_and_level`] says. The last band ends the stream, the others end on a byte
/// boundary.
fn deflate_rows(
    rgba: &[u8],
    stride: usize,
    rows: std::ops::Range<usize>,
    last: bool,
) -> Result<Band, PngError> {
    use flate2::{Compress, Compression, FlushCompress};
    let err = |e: flate2::CompressError| PngError::Encode(e.to_string());
    let (up, level) = filter_and_level(stride);
    let mut z = Compress::new(Compression::new(level), false);
    let mut deflated = Vec::with_capacity(rows.len() * stride / 64 + 1024);
    let mut line = Vec::with_capacity(1 + stride / 4 * 3);
    let mut adler = 1;
    let mut feed = |z: &mut Compress, mut input: &[u8], flush: FlushCompress| loop {
        if deflated.capacity() - deflated.len() < 1 << 16 {
            deflated.reserve(1 << 18);
        }
        let before = z.total_in();
        let status = z.compress_vec(input, &mut deflated, flush).map_err(err)?;
        input = &input[(z.total_in() - before) as usize..];
        let full = deflated.len() == deflated.capacity();
        let done = match flush {
            FlushCompress::Finish => status == flate2::Status::StreamEnd,
            _ => input.is_empty() && !full,
        };
        if done {
            return Ok::<(), PngError>(());
        }
    };
    for r in rows.clone() {
        let row = &rgba[r * stride..(r + 1) * stride];
        line.clear();
        // Up: each byte less the one above it (nothing above the first row).
        line.push(if up { 2 } else { 0 });
        match r.checked_sub(1).filter(|_| up) {
            Some(up) => {
                let above = &rgba[up * stride..r * stride];
                line.extend(
                    row.chunks_exact(4)
                        .zip(above.chunks_exact(4))
                        .flat_map(|(p, q)| {
                            [
                                p[0].wrapping_sub(q[0]),
                                p[1].wrapping_sub(q[1]),
                                p[2].wrapping_sub(q[2]),
                            ]
                        }),
                );
            }
            None => line.extend(row.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]])),
        }
        adler = zlib_rs::adler32::adler32(adler, &line);
        feed(&mut z, &line, FlushCompress::None)?;
    }
    feed(
        &mut z,
        &[],
        if last {
            FlushCompress::Finish
        } else {
            FlushCompress::Sync
        },
    )?;
    Ok(Band {
        deflated,
        adler,
        len: (rows.len() * (1 + stride / 4 * 3)) as u64,
    })
}

/// The data of an `iTXt` chunk holding `text` under our keyword, deflated
/// at the best level (a document compresses to about a twentieth; it is
/// small beside the picture, so the time is too).
pub(crate) fn itxt_compressed(text: &str) -> Result<Vec<u8>, PngError> {
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

    fn hotel_tree() -> usvg::Tree {
        let bp = crate::testing::hotel();
        let scene = crate::render::export_scene(
            &bp,
            &crate::scene::Theme::LIGHT,
            crate::model::Language::En,
        );
        parse(&crate::render::svg::to_svg(&scene, &bp.title)).unwrap()
    }

    #[test]
    fn work_in_the_background_leaves_a_core_to_the_window() {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let all = bands(100_000);
        assert_eq!(all, cores.clamp(1, 8));
        let spared = std::thread::spawn(|| {
            leave_a_core_free();
            (bands(100_000), leaves_a_core_free())
        })
        .join()
        .unwrap();
        assert_eq!(spared, ((cores - 1).clamp(1, 8), true));
        assert!(!leaves_a_core_free(), "only the thread that asked");
    }

    #[test]
    fn a_region_drawn_alone_is_that_part_of_the_picture_drawn_whole() {
        let tree = hotel_tree();
        let (w, h, whole) = rasterise_tree(&tree, 1.0).unwrap();
        let (x0, y0) = (w / 3, h / 4);
        let (rw, rh, part) = rasterise_region(&tree, 1.0, [x0, y0, x0 + 300, y0 + 200]).unwrap();
        assert_eq!((rw, rh), (300, 200));
        let mut differing = 0;
        for y in 0..rh as usize {
            for x in 0..rw as usize {
                let a = &part[(y * rw as usize + x) * 4..][..4];
                let b = &whole[((y0 as usize + y) * w as usize + x0 as usize + x) * 4..][..4];
                if a.iter().zip(b).any(|(a, b)| a.abs_diff(*b) > 2) {
                    differing += 1;
                }
            }
        }
        // Edges along the part's border are smoothed a little differently.
        assert!(differing < 2 * (300 + 200), "{differing} pixels differ");
        // A part beyond the picture is cut to it.
        let (rw, rh, _) = rasterise_region(&tree, 1.0, [w - 10, h - 10, w + 50, h + 50]).unwrap();
        assert_eq!((rw, rh), (10, 10));
    }

    #[test]
    fn a_picture_drawn_in_bands_is_the_picture_drawn_whole() {
        let tree = hotel_tree();
        let (w, h) = pixel_size(tree.size().width(), tree.size().height(), 0.5).unwrap();
        let (_, _, whole) = rasterise_in(&tree, w, h, 1, Cut::Rows).unwrap();
        assert!(
            whole.chunks_exact(4).any(|p| p[0] < 100),
            "the picture has ink"
        );
        for (bands, cut) in [2, 3, 7, 8]
            .into_iter()
            .flat_map(|b| [(b, Cut::Rows), (b, Cut::Columns)])
        {
            let (bw, bh, banded) = rasterise_in(&tree, w, h, bands, cut).unwrap();
            assert_eq!((bw, bh), (w, h));
            let differ = whole
                .iter()
                .zip(&banded)
                .filter(|(a, b)| a.abs_diff(**b) > 2)
                .count();
            let most = whole.iter().zip(&banded).map(|(a, b)| a.abs_diff(*b)).max();
            // Moved up by whole rows, an edge can fall a rounding apart and
            // be smoothed a little differently; seams between bands would
            // show as whole rows of differences.
            assert!(
                differ * 10_000 < whole.len() && most <= Some(32),
                "{bands} bands of {cut:?}: {differ} of {} channels differ, by up to {most:?}",
                whole.len()
            );
        }
    }

    #[test]
    fn image_data_compressed_in_bands_inflates_to_the_filtered_rows() {
        use std::io::Read as _;
        let mut next = crate::testing::numbers(0x2545_f491_4f6c_dd1du64);
        // Narrow rows go unfiltered, wide ones (over 16 KiB) with Up.
        for (w, h, filter) in [(37u32, 23u32, 0u8), (6000, 9, 2)] {
            // Rows unlike each other and their neighbours, so that a wrong
            // row or filter shows.
            let rgba: Vec<u8> = (0..w * h)
                .flat_map(|_| [next(256) as u8, next(4) as u8 * 60, 7, 255])
                .collect();
            let rgb: Vec<u8> = rgba
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            let stride = w as usize * 3;
            for bands in [1, 2, 3, 5, 9, 23, 40] {
                let data = image_data(w, &rgba, bands).unwrap();
                // The zlib reader checks the Adler-32 that the bands make up.
                let mut filtered = Vec::new();
                flate2::read::ZlibDecoder::new(&data[..])
                    .read_to_end(&mut filtered)
                    .unwrap_or_else(|e| panic!("{w} wide, {bands} bands: {e}"));
                assert_eq!(filtered.len(), (stride + 1) * h as usize, "{bands} bands");
                let mut above = vec![0u8; stride];
                for (r, line) in filtered.chunks_exact(stride + 1).enumerate() {
                    assert_eq!(line[0], filter, "{w} wide, row {r}'s filter");
                    let row: Vec<u8> = line[1..]
                        .iter()
                        .zip(&above)
                        .map(|(d, a)| if filter == 2 { d.wrapping_add(*a) } else { *d })
                        .collect();
                    assert_eq!(
                        row,
                        rgb[r * stride..(r + 1) * stride],
                        "{w} wide, {bands} bands, row {r}"
                    );
                    above = row;
                }
            }
            // And a PNG decoder reads the picture from it.
            let png = encode_with(w, h, &rgba, None).unwrap();
            let mut reader = png::Decoder::new(std::io::Cursor::new(png))
                .read_info()
                .unwrap();
            let mut buf = vec![0; reader.output_buffer_size().unwrap()];
            reader.next_frame(&mut buf).unwrap();
            assert_eq!(buf, rgb);
        }
    }
}
