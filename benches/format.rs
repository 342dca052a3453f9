//! Time to write and read large documents. Run with `cargo bench --bench format`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::templates::synthetic;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// A photo-like image: smooth gradients, a soft texture and some noise
/// (±`noise` a channel), different for each seed. At 1,600 × 1,200 and
/// noise 8, JPEG at quality 85 makes some 330 KB, as a phone's photo
/// downscaled does.
fn photo_like(w: u32, h: u32, noise: u32, seed: u64) -> image::RgbImage {
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

fn jpeg(img: &image::RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .unwrap();
    out
}

/// Photos (#30): adding a 12-megapixel JPEG (goal: under 1 s, off the UI
/// thread), and opening a blueprint with 200 distinct photos of 1,600 ×
/// 1,200 (goal: under 1 s).
fn photos(dir: &std::path::Path) {
    use servuction::model::{Photo, PhotoData, PhotoFormat, PhotoId, PhotoUse};
    let camera = jpeg(&photo_like(4000, 3000, 8, 1), 90);
    let prepare = time(5, || servuction::photo::prepare(&camera).expect("a photo"));
    println!(
        "photo::prepare of a 4000×3000 JPEG ({} bytes) to 1600×1200: {:.1}ms",
        camera.len(),
        prepare.as_secs_f64() * 1e3
    );
    let mut bp = synthetic(200);
    for (i, tp) in bp.touchpoints.iter_mut().enumerate() {
        let bytes = jpeg(&photo_like(1600, 1200, 8, i as u64 + 2), 85);
        let photo = Photo {
            id: PhotoId::of(&bytes),
            format: PhotoFormat::Jpeg,
            width: 1600,
            height: 1200,
            data: PhotoData(bytes.into()),
        };
        tp.photos.push(PhotoUse {
            photo: photo.id.clone(),
            caption: format!("Photo {i}"),
            alt: format!("What photo {i} shows"),
        });
        bp.photos.push(photo);
    }
    let path = dir.join("bench-200-photos.servuction");
    format::save(&path, &bp).expect("within the limits");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let open = time(5, || format::read(&path).expect("readable"));
    println!(
        "format::read of a blueprint with 200 photos of 1600×1200 ({size} bytes): {:.1}ms",
        open.as_secs_f64() * 1e3
    );
}

fn main() {
    println!(
        "{:>12} {:>10} {:>12} {:>12} {:>12}",
        "touchpoints", "bytes", "to_string", "from_str", "save (disk)"
    );
    let dir = std::env::temp_dir().join("servuction-bench");
    let _ = std::fs::create_dir_all(&dir);
    for n in [1_000, 10_000] {
        let bp = synthetic(n);
        let text = format::to_string(&bp).expect("valid");
        let write = time(11, || format::to_string(&bp).expect("valid"));
        let read = time(11, || format::from_str(&text).expect("readable"));
        let path = dir.join(format!("bench-{n}.json"));
        let save = time(5, || format::save(&path, &bp).expect("saved"));
        println!(
            "{:>12} {:>10} {:>10.2}ms {:>10.2}ms {:>10.2}ms",
            n,
            text.len(),
            write.as_secs_f64() * 1e3,
            read.as_secs_f64() * 1e3,
            save.as_secs_f64() * 1e3
        );
    }
    photos(&dir);
}
