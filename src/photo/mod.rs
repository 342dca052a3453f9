//! Photos of physical evidence, from the bytes a user drops or pastes to
//! the [`Photo`] the blueprint stores: read (PNG, JPEG, WebP) within limits
//! that refuse decompression bombs before any pixel is decoded, downscaled
//! to a long edge of [`LONG_EDGE`] pixels, and re-encoded (JPEG, or PNG
//! where the photo has transparency). Runs off the UI thread: a 12 MP
//! JPEG takes a few hundred milliseconds.

use crate::model::{Photo, PhotoData, PhotoFormat, PhotoId};
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

mod attach;
mod error;
mod header;

pub use attach::{attach, room_for};
pub use error::PhotoError;
#[cfg(test)]
pub(crate) use error::every_variant;
pub use header::{HeaderError, header};

/// The long edge of a stored photo, in pixels.
pub const LONG_EDGE: u32 = 1600;
/// The JPEG quality a photo is stored at.
pub const JPEG_QUALITY: u8 = 85;
/// The largest file read as a photo, in bytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The largest width or height read, in pixels.
pub const MAX_SIDE: u32 = 20_000;
/// The most pixels read (a 100-megapixel camera's photo): 400 MB decoded.
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most memory decoding one photo may take, in bytes.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// What a format is called in messages: its usual extension in capitals
/// (`GIF`, `TIFF`).
fn format_name(format: ImageFormat) -> Option<String> {
    format.extensions_str().first().map(|e| e.to_uppercase())
}

/// What the bytes are, when they are an image format `image` does not
/// name: the HEIC photos of phones.
fn other_format(bytes: &[u8]) -> Option<String> {
    let brand = bytes.get(4..12)?;
    let heic = [
        b"ftypheic",
        b"ftypheix",
        b"ftyphevc",
        b"ftypmif1",
        b"ftypmsf1",
    ];
    heic.iter()
        .any(|b| brand == &b[..])
        .then(|| "HEIC".to_owned())
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// The photo to store for the bytes of a file (dropped, pasted or chosen).
/// Its size and the image's width and height are checked before any pixel
/// is decoded; the image is turned as its EXIF orientation says.
pub fn prepare(bytes: &[u8]) -> Result<Photo, PhotoError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::Unsupported {
        format: other_format(bytes),
    })?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP
    ) {
        return Err(PhotoError::Unsupported {
            format: format_name(format),
        });
    }
    let corrupt = |e: image::ImageError| PhotoError::Corrupt(e.to_string());
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(corrupt)?;
    let too_many = PhotoError::TooManyPixels { width, height };
    if width.max(height) > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(too_many);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut decoded = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => too_many,
        other => corrupt(other),
    })?;
    let upright = orientation == image::metadata::Orientation::NoTransforms;
    decoded.apply_orientation(orientation);
    let (w, h) = (decoded.width(), decoded.height());
    let fits = w.max(h) <= LONG_EDGE;
    // Stored as it came where re-encoding would only lose quality: a JPEG
    // that fits, upright, whose header the reader of documents reads as
    // the decoder did (else what is written could not be read back).
    if fits
        && upright
        && format == ImageFormat::Jpeg
        && header(PhotoFormat::Jpeg, bytes) == Ok((w, h))
    {
        return Ok(stored(PhotoFormat::Jpeg, w, h, bytes.to_vec()));
    }
    let image = if fits { decoded } else { downscale(&decoded) };
    encode(&image)
}

/// The photo stored for a file: [`prepare`] of its bytes, read no further
/// than [`MAX_FILE_BYTES`]; every error names the file.
pub fn prepare_file(path: &std::path::Path) -> Result<Photo, PhotoError> {
    use std::io::Read as _;
    let io = |e: std::io::Error| PhotoError::io(path, &e);
    let meta = std::fs::metadata(path).map_err(io)?;
    let too_large = |bytes| PhotoError::TooLarge {
        bytes,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()).in_file(path));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    prepare(&bytes).map_err(|e| e.in_file(path))
}

/// The image with its long edge at [`LONG_EDGE`]: each stored pixel the
/// average of the pixels it covers (`thumbnail`, fast on 12 megapixels,
/// where a triangle filter takes seconds in a debug build).
fn downscale(image: &DynamicImage) -> DynamicImage {
    image.thumbnail(LONG_EDGE, LONG_EDGE)
}

/// The photo stored for a decoded image: JPEG, or PNG where it has
/// transparency.
fn encode(image: &DynamicImage) -> Result<Photo, PhotoError> {
    let (w, h) = (image.width(), image.height());
    let mut out = Vec::new();
    let rgba = image.color().has_alpha().then(|| image.to_rgba8());
    let format = if let Some(rgba) = rgba.filter(|i| i.pixels().any(|p| p.0[3] < 255)) {
        // Eight bits a channel, whatever the file had: a 16-bit PNG at the
        // long edge would be twice the bytes, for nothing a screen shows.
        DynamicImage::ImageRgba8(rgba)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|e| PhotoError::Encode(e.to_string()))?;
        PhotoFormat::Png
    } else {
        let rgb = image.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .encode_image(&rgb)
            .map_err(|e| PhotoError::Encode(e.to_string()))?;
        PhotoFormat::Jpeg
    };
    Ok(stored(format, w, h, out))
}

fn stored(format: PhotoFormat, width: u32, height: u32, bytes: Vec<u8>) -> Photo {
    Photo {
        id: PhotoId::of(&bytes),
        format,
        width,
        height,
        data: PhotoData(bytes.into()),
    }
}

/// The pixels of a stored photo, decoded (for thumbnails, exports).
pub fn decode(photo: &Photo) -> Result<image::RgbaImage, PhotoError> {
    let format = match photo.format {
        PhotoFormat::Jpeg => ImageFormat::Jpeg,
        PhotoFormat::Png => ImageFormat::Png,
    };
    let mut reader = ImageReader::with_format(Cursor::new(photo.data.bytes()), format);
    reader.limits(limits());
    reader
        .decode()
        .map(|d| d.to_rgba8())
        .map_err(|e| PhotoError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, alpha: u8) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| {
            image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, alpha])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_large_opaque_png_is_stored_as_a_jpeg_of_the_long_edge() {
        let photo = prepare(&png(2000, 1000, 255)).unwrap();
        assert_eq!(photo.format, PhotoFormat::Jpeg);
        assert_eq!((photo.width, photo.height), (1600, 800));
        let back = decode(&photo).unwrap();
        assert_eq!(back.dimensions(), (1600, 800));
        assert_eq!(photo.id, PhotoId::of(photo.data.bytes()));
    }

    #[test]
    fn a_transparent_png_stays_a_png() {
        let photo = prepare(&png(40, 30, 100)).unwrap();
        assert_eq!(photo.format, PhotoFormat::Png);
        assert_eq!((photo.width, photo.height), (40, 30));
    }

    /// A 16-bit PNG with transparency is stored with eight bits a channel.
    #[test]
    fn a_deep_transparent_png_is_stored_with_eight_bits_a_channel() {
        let img = image::ImageBuffer::<image::Rgba<u16>, _>::from_fn(30, 20, |x, y| {
            image::Rgba([x as u16 * 2000, y as u16 * 3000, 500, 30_000])
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba16(img)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        let photo = prepare(&bytes).unwrap();
        assert_eq!(photo.format, PhotoFormat::Png);
        let back = image::load_from_memory(photo.data.bytes()).unwrap();
        assert_eq!(back.color(), image::ColorType::Rgba8);
        let alpha = back.to_rgba8().get_pixel(29, 0).0[3];
        assert!((116..=117).contains(&alpha), "{alpha}");
    }

    #[test]
    fn the_same_bytes_make_the_same_photo() {
        let bytes = png(50, 50, 255);
        assert_eq!(prepare(&bytes).unwrap().id, prepare(&bytes).unwrap().id);
    }

    #[test]
    fn what_is_not_an_image_is_refused_naming_what_it_is() {
        assert_eq!(
            prepare(b"hello, world"),
            Err(PhotoError::Unsupported { format: None })
        );
        let gif = b"GIF89a\x04\x00\x04\x00\x00\x00\x00;";
        assert_eq!(
            prepare(gif),
            Err(PhotoError::Unsupported {
                format: Some("GIF".into())
            })
        );
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        let err = prepare(heic).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this is a HEIC image; Servuction reads PNG, JPEG and WebP photos"
        );
        let mut cut = png(64, 64, 255);
        cut.truncate(cut.len() / 2);
        assert!(matches!(prepare(&cut), Err(PhotoError::Corrupt(_))));
    }

    /// A PNG whose header claims 100,000 × 100,000 pixels (40 GB decoded)
    /// is refused from its header, with its size in the message.
    #[test]
    fn a_decompression_bomb_is_refused_before_decoding() {
        let mut bytes = png(1, 1, 255);
        let sized = |bytes: &mut Vec<u8>, side: u32| {
            bytes[16..20].copy_from_slice(&side.to_be_bytes());
            bytes[20..24].copy_from_slice(&side.to_be_bytes());
            let crc = crc32fast::hash(&bytes[12..29]);
            bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        };
        sized(&mut bytes, 100_000);
        let err = prepare(&bytes).unwrap_err();
        assert_eq!(
            err,
            PhotoError::TooManyPixels {
                width: 100_000,
                height: 100_000
            }
        );
        let es = crate::i18n::Localized::message(&err, crate::model::Language::Es);
        assert!(es.contains("100.000 × 100.000 píxeles"), "{es}");
        // Within each side, but more pixels than decoding may hold.
        sized(&mut bytes, 15_000);
        assert!(matches!(
            prepare(&bytes),
            Err(PhotoError::TooManyPixels { .. })
        ));
    }

    #[test]
    fn a_file_too_large_is_refused_with_its_size_in_megabytes() {
        let err = prepare(&vec![0; MAX_FILE_BYTES as usize + 1]).unwrap_err();
        assert!(matches!(err, PhotoError::TooLarge { .. }));
        assert_eq!(
            err.to_string(),
            "the file is 52.4 MB; photos over 52.4 MB are refused"
        );
        let es = crate::i18n::Localized::message(&err, crate::model::Language::Es);
        assert_eq!(
            es,
            "el archivo ocupa 52,4 MB; no se aceptan fotos de más de 52,4 MB"
        );
    }

    /// A large photo-like image comes out at the long edge, its aspect kept,
    /// and still looks like itself: not blank, its gradient where it was.
    #[test]
    fn a_large_photo_is_downscaled_and_still_looks_right() {
        let img = image::RgbImage::from_fn(3200, 2400, |x, y| {
            let noise = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 17) as u8;
            image::Rgb([
                (x * 255 / 3200) as u8 ^ (noise & 1),
                (y * 255 / 2400) as u8,
                128 + noise,
            ])
        });
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
            .encode_image(&img)
            .unwrap();
        let photo = prepare(&jpeg).unwrap();
        assert_eq!((photo.width, photo.height), (1600, 1200));
        let back = decode(&photo).unwrap();
        let left = back.get_pixel(10, 600).0;
        let right = back.get_pixel(1590, 600).0;
        let bottom = back.get_pixel(800, 1190).0;
        assert!(left[0] < 20 && right[0] > 235, "{left:?} {right:?}");
        assert!(bottom[1] > 235, "{bottom:?}");
        assert!(
            photo.data.bytes().len() < 1_000_000,
            "{}",
            photo.data.bytes().len()
        );
    }

    #[test]
    fn a_file_is_named_in_its_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lobby.txt");
        std::fs::write(&path, "not a photo").unwrap();
        let err = prepare_file(&path).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: this is not an image", path.display())),
            "{err}"
        );
        let err = prepare_file(&dir.path().join("gone.jpg"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("cannot read ") && err.contains("gone.jpg"),
            "{err}"
        );
        let good = dir.path().join("lobby.png");
        std::fs::write(&good, png(20, 10, 255)).unwrap();
        assert_eq!(prepare_file(&good).unwrap().width, 20);
    }
}
