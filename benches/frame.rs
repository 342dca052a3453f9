//! Frame CPU time of the editor, with no window: the app's UI runs on an
//! egui Context and the output is tessellated, as eframe would before handing
//! it to the GPU. Run with `cargo bench --bench frame`.
//!
//! Then the frames while work runs in the background, from the frame that
//! asks for it to the one that takes in its end: a PNG and a PDF export and
//! Copy as image (whole and of ten cards) at 5,000 touchpoints, and the
//! recovery copy at 20,000 (written when the window loses focus after an
//! edit); the longest and the median frame, and how long the work took.
//!
//! Photos (#30): a blueprint of 1,000 touchpoints with 200 photos (each a
//! 1,600 × 1,200 JPEG as `photo::prepare` stores it) on every fifth card:
//! how long it takes to open (read the file, make the editor, draw the
//! first frame), then the frame at fit and at 100 % once the thumbnails
//! are decoded and uploaded (their decoding, on pool threads, is not in a
//! frame); and adding a 12-megapixel JPEG to a card: the longest and the
//! median frame until it is attached, and how long that took.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::app::EditorApp;
use servuction::model::{Blueprint, Language};
use std::time::{Duration, Instant};

// The allocator the `servuction` binary uses, so the figures are the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common/photo.rs"]
mod photo;

#[inline(never)]
fn frame(ctx: &egui::Context, app: &mut EditorApp) -> usize {
    frame_with(ctx, app, Vec::new())
}

#[inline(never)]
fn frame_with(ctx: &egui::Context, app: &mut EditorApp, events: Vec<egui::Event>) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    // No renderer takes the textures (egui asserts that someone did).
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

#[derive(Clone, Copy)]
enum View {
    Fit,
    /// 100 %, looking at the middle of the diagram.
    Full,
    /// Presenting, on the second stage, the glide to it finished.
    Presenting,
}

fn measure(bp: &Blueprint, view: View) -> (Duration, Duration, usize) {
    let ctx = egui::Context::default();
    let mut app = EditorApp::new(bp.clone(), None);
    app.set_language(Language::En);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    pictures_ready(&ctx, &mut app);
    match view {
        View::Fit => {}
        View::Full => {
            app.set_view(1.0, egui::vec2(-2000.0, -200.0));
            frame(&ctx, &mut app);
            pictures_ready(&ctx, &mut app);
        }
        View::Presenting => {
            app.set_presenting(&ctx, true);
            app.go_to_stop(1);
            for _ in 0..240 {
                frame(&ctx, &mut app);
            }
        }
    }
    let mut runs: Vec<(Duration, usize)> = (0..60)
        .map(|_| {
            let t = Instant::now();
            let n = frame(&ctx, &mut app);
            (t.elapsed(), n)
        })
        .collect();
    runs.sort();
    (
        runs[runs.len() / 2].0,
        runs[runs.len() * 9 / 10].0,
        runs[0].1,
    )
}

/// Draws frames until the photos' pictures the view asked for are
/// decoded and uploaded (a few a frame).
fn pictures_ready(ctx: &egui::Context, app: &mut EditorApp) {
    let start = Instant::now();
    loop {
        frame(ctx, app);
        let (_, decoding) = app.pictures();
        if !decoding {
            // Those decoded last are uploaded in the next frames.
            for _ in 0..30 {
                frame(ctx, app);
            }
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(120));
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A photo as `photo::prepare` stores it, of a generated picture.
fn photo(w: u32, h: u32, seed: u32) -> servuction::model::Photo {
    servuction::photo::prepare(&jpeg(w, h, seed)).unwrap()
}

/// A JPEG file's bytes, of a photo-like picture (no two seeds alike; at
/// 1,600 × 1,200 some 330 KB, as a phone's photo downscaled).
fn jpeg(w: u32, h: u32, seed: u32) -> Vec<u8> {
    photo::jpeg(&photo::photo_like(w, h, 8, u64::from(seed)), 85)
}

/// 1,000 touchpoints, every fifth with its own photo: 200 photos.
fn with_photos() -> Blueprint {
    let mut bp = servuction::templates::synthetic(1000);
    let edits: Vec<_> = (0..200)
        .map(|i| servuction::edit::Edit::AddPhoto {
            touchpoint: bp.touchpoints[i * 5].id.clone(),
            photo: photo(1600, 1200, i as u32),
        })
        .collect();
    servuction::edit::apply_all(&mut bp, edits).unwrap();
    bp
}

/// How long opening the blueprint takes: reading its file, making the
/// editor and drawing the first frame.
fn open_time(bp: &Blueprint) -> (Duration, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.servuction");
    servuction::format::save(&path, bp).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    let ctx = egui::Context::default();
    let start = Instant::now();
    let read = servuction::format::read(&path).unwrap();
    let mut app = EditorApp::new(read, None);
    frame(&ctx, &mut app);
    (start.elapsed(), bytes)
}

/// What runs in the background.
#[derive(Clone, Copy)]
enum Work {
    Png,
    Pdf,
    CopyWhole,
    CopyTen,
    Recovery,
    /// A 12-megapixel JPEG added to a card.
    AddPhoto,
}

/// The longest and the median frame from the one that asks for `work` to
/// the one that takes in its end, and the time the work took.
fn frames_while(bp: &Blueprint, work: Work) -> (Duration, Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let store = servuction::recovery::RecoveryStore::at(dir.path().join("recovery"));
    let mut app = EditorApp::new(bp.clone(), Some(store));
    app.set_language(Language::En);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let mut events = Vec::new();
    match work {
        Work::Png => app.export_in_background(&dir.path().join("x.png")),
        Work::Pdf => app.export_in_background(&dir.path().join("x.pdf")),
        Work::CopyWhole => app.copy_image(),
        Work::CopyTen => {
            let ids = bp
                .touchpoints
                .iter()
                .take(10)
                .map(|t| t.id.clone())
                .collect();
            app.select(ids);
            app.copy_image();
        }
        Work::Recovery => {
            let mut tp = app.blueprint().touchpoints[0].clone();
            tp.fail_point = match tp.fail_point {
                Some(_) => None,
                None => Some(Box::default()),
            };
            app.edit(servuction::edit::Edit::SetTouchpoint(tp));
            frame(&ctx, &mut app);
            events.push(egui::Event::WindowFocused(false));
        }
        Work::AddPhoto => {
            let path = dir.path().join("12mp.jpg");
            std::fs::write(&path, jpeg(4000, 3000, 12)).unwrap();
            let tp = bp.touchpoints[1].id.clone();
            app.add_photo_file(tp, path);
        }
    }
    let start = Instant::now();
    let mut frames = Vec::new();
    loop {
        let t = Instant::now();
        frame_with(&ctx, &mut app, std::mem::take(&mut events));
        frames.push(t.elapsed());
        if !app.busy() && frames.len() > 1 {
            break;
        }
        // A 60 Hz screen's pace.
        std::thread::sleep(Duration::from_millis(16).saturating_sub(t.elapsed()));
    }
    let took = start.elapsed();
    frames.sort();
    (frames[frames.len() - 1], frames[frames.len() / 2], took)
}

/// Prints the frames while work ran in the background: the longest and
/// the median frame, and how long the work took.
fn print_background(
    name: &str,
    label: &str,
    (longest, median, took): (Duration, Duration, Duration),
) {
    println!(
        "{:<22} {:<24} longest frame {:>8.2} ms, median {:>6.2} ms, the work {:>7.0} ms",
        name,
        label,
        longest.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        took.as_secs_f64() * 1e3
    );
}

/// Measures and prints the frame of `bp` in each of `views`.
fn print_views(name: &str, bp: &Blueprint, views: &[(View, &str)]) {
    for &(view, label) in views {
        let (median, p90, meshes) = measure(bp, view);
        println!(
            "{:<22} {:<10} {:>9.3} ms {:>9.3} ms {:>10}",
            name,
            label,
            median.as_secs_f64() * 1e3,
            p90.as_secs_f64() * 1e3,
            meshes
        );
    }
}

fn main() {
    let hotel = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let cases = [
        ("hotel (50 tp)", hotel),
        ("synthetic 1,000 tp", servuction::templates::synthetic(1000)),
        ("synthetic 5,000 tp", servuction::templates::synthetic(5000)),
    ];
    println!(
        "{:<22} {:<10} {:>12} {:>12} {:>10}",
        "blueprint", "view", "median", "p90", "meshes"
    );
    // `FRAME_ONLY=hotel` measures only the cases whose name contains it.
    let only = std::env::var("FRAME_ONLY").unwrap_or_default();
    let background = [
        ("synthetic 5,000 tp", Work::Png, "PNG export"),
        ("synthetic 5,000 tp", Work::Pdf, "PDF export"),
        ("synthetic 5,000 tp", Work::CopyWhole, "copy as image, all"),
        (
            "synthetic 5,000 tp",
            Work::CopyTen,
            "copy as image, 10 cards",
        ),
        ("synthetic 20,000 tp", Work::Recovery, "recovery copy"),
    ];
    let big = servuction::templates::synthetic(20_000);
    for (name, work, label) in background.iter().filter(|(n, _, _)| n.contains(&only)) {
        let bp = if name.contains("20,000") {
            &big
        } else {
            &cases[2].1
        };
        print_background(name, label, frames_while(bp, *work));
    }
    if "1,000 tp, 200 photos".contains(&only) {
        let bp = with_photos();
        let name = "1,000 tp, 200 photos";
        let (took, bytes) = open_time(&bp);
        println!(
            "{name:<22} open {:>8.0} ms ({:.1} MB)",
            took.as_secs_f64() * 1e3,
            bytes as f64 / 1e6
        );
        let work = frames_while(&bp, Work::AddPhoto);
        print_background(name, "add a 12 MP JPEG", work);
        print_views(name, &bp, &[(View::Fit, "fit"), (View::Full, "100 %")]);
    }
    for (name, bp) in cases.iter().filter(|(n, _)| n.contains(&only)) {
        let views = [
            (View::Fit, "fit"),
            (View::Full, "100 %"),
            (View::Presenting, "presenting"),
        ];
        print_views(name, bp, &views);
    }
}
