//! Photo-like pictures for the benchmarks of photos (#30), shared by the
//! format and frame benchmarks.

/// A photo-like image: smooth gradients, a soft texture and some noise
/// (±`noise` a channel), different for each seed. At 1,600 × 1,200 and
/// noise 8, JPEG at quality 85 makes some 330 KB, as a phone's photo
/// downscaled does.
pub fn photo_like(w: u32, h: u32, noise: u32, seed: u64) -> image::RgbImage {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    image::RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let n = (state % (2 * u64::from(noise) + 1)) as i32 - noise as i32;
        let tex = (((x as f32 / 37.0).sin() + (y as f32 / 23.0).cos()) * 20.0) as i32;
        let c = |base: u32| (base as i32 + tex + n).clamp(0, 255) as u8;
        image::Rgb([
            c(x * 200 / w + 20),
            c(y * 180 / h + 30),
            c((x + y) * 120 / (w + h) + 60 + (seed % 40) as u32),
        ])
    })
}

pub fn jpeg(img: &image::RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .unwrap();
    out
}
