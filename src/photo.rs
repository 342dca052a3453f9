//! Photos of physical evidence, from the bytes a user drops or pastes to
//! the [`Photo`] the blueprint stores: read (PNG, JPEG, WebP) within limits
//! that refuse decompression bombs before any pixel is decoded, downscaled
//! to a long edge of [`LONG_EDGE`] pixels, and re-encoded (JPEG, or PNG
//! where the photo has transparency). Runs off the UI thread: a 12 MP
//! JPEG takes a few hundred milliseconds.

use crate::model::{Photo, PhotoData, PhotoFormat, PhotoId};
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The long edge of a stored photo, in pixels.
pub const LONG_EDGE: u32 = 1600;
/// The JPEG quality a photo is stored at.
pub const JPEG_QUALITY: u8 = 85;
/// The largest file read as a photo, in bytes.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// The largest width or height read, in pixels.
pub const MAX_SIDE: u32 = 20_000;
/// The most memory decoding one photo may take, in bytes.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// Why bytes are not a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// More than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not PNG, JPEG or WebP.
    Unsupported,
    /// Wider or taller than [`MAX_SIDE`], or more pixels than decoding may
    /// hold: refused before decoding.
    TooManyPixels { width: u32, height: u32 },
    /// The file is damaged or cut short; the decoder's words.
    Corrupt(String),
    /// The photo could not be written again (should not happen).
    Encode(String),
}

impl std::fmt::Display for PhotoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(f, "the file is too large ({bytes} bytes)"),
            Self::Unsupported => f.write_str("not a PNG, JPEG or WebP image"),
            Self::TooManyPixels { width, height } => {
                write!(f, "the image is too large ({width} × {height} pixels)")
            }
            Self::Corrupt(e) => write!(f, "the image is damaged: {e}"),
            Self::Encode(e) => write!(f, "the photo could not be stored: {e}"),
        }
    }
}

impl std::error::Error for PhotoError {}

/// The photo to store for these file bytes.
pub fn prepare(bytes: &[u8]) -> Result<Photo, PhotoError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge { bytes: bytes.len() });
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::Unsupported)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP
    ) {
        return Err(PhotoError::Unsupported);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => {
            let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
                .into_dimensions()
                .unwrap_or((0, 0));
            PhotoError::TooManyPixels { width, height }
        }
        image::ImageError::Unsupported(_) => PhotoError::Unsupported,
        other => PhotoError::Corrupt(other.to_string()),
    })?;
    let (w, h) = (decoded.width(), decoded.height());
    let fits = w.max(h) <= LONG_EDGE;
    if fits && format == ImageFormat::Jpeg {
        // Stored as it came: re-encoding would only lose quality.
        return Ok(stored(PhotoFormat::Jpeg, w, h, bytes.to_vec()));
    }
    let image = if fits {
        decoded
    } else {
        decoded.resize(LONG_EDGE, LONG_EDGE, image::imageops::FilterType::Triangle)
    };
    encode(&image)
}

/// The photo stored for a decoded image: JPEG, or PNG where it has
/// transparency.
fn encode(image: &DynamicImage) -> Result<Photo, PhotoError> {
    let (w, h) = (image.width(), image.height());
    let mut out = Vec::new();
    let transparent = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    let format = if transparent {
        image
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
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
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

    #[test]
    fn the_same_bytes_make_the_same_photo() {
        let bytes = png(50, 50, 255);
        assert_eq!(prepare(&bytes).unwrap().id, prepare(&bytes).unwrap().id);
    }

    #[test]
    fn what_is_not_an_image_is_refused() {
        assert_eq!(prepare(b"hello, world"), Err(PhotoError::Unsupported));
        let mut cut = png(64, 64, 255);
        cut.truncate(cut.len() / 2);
        assert!(matches!(prepare(&cut), Err(PhotoError::Corrupt(_))));
    }
}
