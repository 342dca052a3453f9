//! Export time for the hotel template and a 2,000-touchpoint blueprint: SVG,
//! PNG (resvg), and the same SVG rasterised by `rsvg-convert`, side by side.
//! Run with `cargo bench --bench export`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::model::{Blueprint, Language};
use servuction::render::{self, png};
use servuction::scene::Theme;
use std::time::{Duration, Instant};

fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut runs: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let hotel = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let big = servuction::templates::synthetic(2000);
    let dir = std::env::temp_dir().join("servuction-bench-export");
    let _ = std::fs::create_dir_all(&dir);
    println!(
        "{:<22} {:>12} {:>12} {:>12} {:>16} {:>8} {:>10} {:>12}",
        "blueprint",
        "size (px)",
        "SVG",
        "PNG (resvg)",
        "rsvg-convert",
        "ratio",
        "PNG bytes",
        "rsvg's bytes"
    );
    for (name, bp) in [("hotel (50 tp)", &hotel), ("synthetic 2,000 tp", &big)] {
        run(name, bp, &dir);
    }
}

fn run(name: &str, bp: &Blueprint, dir: &std::path::Path) {
    let rounds = if bp.touchpoints.len() > 100 { 3 } else { 7 };
    let doc = servuction::format::to_string(bp).unwrap();
    let mut svg = String::new();
    let svg_time = median(rounds, || {
        let scene = render::export_scene(bp, &Theme::LIGHT, Language::En);
        svg = render::svg::to_svg(&scene, &bp.title);
    });
    // Big diagrams exceed the pixel cap at scale 1: use the largest scale that
    // fits it, and that keeps both sides under 32,000 px (cairo's limit, which
    // rsvg-convert has).
    let cap: f32 = match png::rasterise(&svg, 1.0) {
        Err(png::PngError::TooLarge { suggested, .. }) => suggested.parse().unwrap_or(0.5),
        _ => 1.0,
    };
    let scene_size = render::export_scene(bp, &Theme::LIGHT, Language::En).size;
    let scale: f32 = cap.min(32_000.0 / scene_size.x.max(scene_size.y));
    let mut size = (0, 0);
    let mut bytes = 0;
    let png_time = median(rounds, || {
        let (w, h, rgba) = png::rasterise(&svg, scale).unwrap();
        size = (w, h);
        bytes = std::hint::black_box(png::encode(w, h, &rgba, Some(&doc)).unwrap()).len();
    });
    let svg_path = dir.join("bench.svg");
    std::fs::write(&svg_path, &svg).unwrap();
    let rsvg = std::process::Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_ok()
        .then(|| {
            median(rounds, || {
                let o = std::process::Command::new("rsvg-convert")
                    .args(["-z", &scale.to_string(), "-o"])
                    .arg(dir.join("bench-rsvg.png"))
                    .arg(&svg_path)
                    .output()
                    .unwrap();
                assert!(
                    o.status.success(),
                    "rsvg-convert failed: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            })
        });
    let (rsvg_s, ratio) = match rsvg {
        Some(r) => (
            ms(r),
            format!("{:.2}", r.as_secs_f64() / png_time.as_secs_f64()),
        ),
        None => ("not installed".into(), "-".into()),
    };
    let theirs = std::fs::metadata(dir.join("bench-rsvg.png")).map_or(0, |m| m.len());
    // The files as `servuction export` writes them: SVG with glyph outlines
    // and PDF, both with the document inside.
    let settings = render::export::Settings::new(Theme::LIGHT, Language::En);
    let mut files = Vec::new();
    for format in [render::export::Format::Svg, render::export::Format::Pdf] {
        let mut bytes = 0;
        let t = median(rounds, || {
            bytes = render::export::export(bp, format, &settings)
                .unwrap()
                .bytes
                .len();
        });
        files.push(format!("{format:?} {} ({} KB)", ms(t), bytes / 1024));
    }
    println!(
        "{:<22} {:>12} {:>12} {:>12} {:>16} {:>8} {:>10} {:>12}   (scale {scale:.2}; our bytes hold the document too)",
        name,
        format!("{}x{}", size.0, size.1),
        ms(svg_time),
        ms(png_time),
        rsvg_s,
        ratio,
        bytes,
        theirs
    );
    println!("{:<22} file exports: {}", "", files.join(", "));
    let _ = std::fs::remove_file(dir.join("bench-rsvg.png"));
}
