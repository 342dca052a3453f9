//! Time to write and read large documents. Run with `cargo bench --bench format`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::templates::synthetic;
use std::time::{Duration, Instant};

#[path = "common/photo.rs"]
mod photo;
use photo::{jpeg, photo_like};

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
